"""Round 4 of lossless REFI-QDA exchange: a kvaleval codebook taken to another program as a .qdc, edited
there (codes renamed, moved, merged, added, recoloured) and brought back. What survives comes back
exactly (terms and weights ride in each code's description); what the other program changed or lost is
said (W650 renamed and gone, W649 added without terms, W601 a description whose fields no longer read)."""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import REFI_QDA
from kvaleval.codebook import read_codebook
from kvaleval.errors import KvalevalWarning
from kvaleval.refi import check_qdc, read_qdc, write_qdc

DEMO = Path(__file__).resolve().parents[1] / "codebooks" / "vollsmose.yaml"
CODEBOOK_XSD = REFI_QDA / "schema" / "Codebook.xsd"
NS = "urn:QDA-XML:codebook:1.0"
pytestmark = pytest.mark.skipif(not (DEMO.is_file() and CODEBOOK_XSD.is_file()),
                                reason="demo codebook or schema absent")


def _edited(source: Path, target: Path, namespace: str = NS) -> Path:
    """``source`` as NVivo writes it back after the evaluator's edits: 'kapacitet' renamed and recoloured,
    'kendskab' moved under 'relevans', 'civilsamfund' merged into 'relevans' (NVivo keeps the target's
    description), a new code 'Tryghed' with a description of its own, CRLF line ends in descriptions and
    NVivo Mac's namespace."""
    root = ET.fromstring(source.read_bytes())
    codes = {node.get("name"): node for node in root.iter(f"{{{NS}}}Code")}
    top = root.find(f"{{{NS}}}Codes")
    assert top is not None
    codes["kapacitet"].set("name", "Kapacitet og ventetid")
    codes["kapacitet"].set("color", "#c00")
    top.remove(codes["kendskab"])
    codes["relevans"].append(codes["kendskab"])
    top.remove(codes["civilsamfund"])
    new = ET.SubElement(top, f"{{{NS}}}Code", guid="{0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0}", name="Tryghed",
                        isCodable="true", color="#00AA00")
    ET.SubElement(new, f"{{{NS}}}Description").text = "Oplevet tryghed i området"
    for description in root.iter(f"{{{NS}}}Description"):
        description.text = (description.text or "").replace("\n", "\r\n")
    data = ET.tostring(root, encoding="utf-8", xml_declaration=True).decode("utf-8")
    target.write_text(data.replace(NS, namespace), "utf-8")
    return target


def test_refi_codebook_round_trip_untouched_is_exact_and_silent(tmp_path: Path) -> None:
    book = read_codebook(DEMO)
    path = write_qdc(book, tmp_path / "vollsmose.qdc")
    assert check_qdc(path, schema=CODEBOOK_XSD) == []
    with warnings.catch_warnings():
        warnings.simplefilter("error", KvalevalWarning)
        back = read_qdc(path)
    assert back.codes == book.codes
    assert (back.lexicons, back.lemmas, back.valence_positive, back.valence_negative, back.label) == (
        book.lexicons, book.lemmas, book.valence_positive, book.valence_negative, book.label)


def test_refi_codebook_edited_in_another_program_keeps_what_survives_and_says_what_did_not(tmp_path: Path) -> None:
    # the renamed code and the merged one came back without a word: conclusions naming 'kapacitet' and the
    # terms of 'civilsamfund' were gone unseen, and 'Tryghed' was never coded by the rule coder, unsaid
    book = read_codebook(DEMO)
    edited = _edited(write_qdc(book, tmp_path / "vollsmose.qdc"), tmp_path / "fra-nvivo.qdc",
                     "urn:QDA-XML:codebook:1:0")
    with pytest.warns(KvalevalWarning) as told:
        back = read_codebook(edited)
    said = " ".join(str(w.message) for w in told)
    assert "W650" in said and "kapacitet → Kapacitet og ventetid" in said and "'civilsamfund'" in said
    assert "W649" in said and "'Tryghed'" in said
    # what survives comes back exactly: terms with weights and valences, near cues, threshold, examples
    renamed = back["Kapacitet og ventetid"]
    original = book["kapacitet"]
    assert (renamed.terms, renamed.near, renamed.threshold, renamed.examples, renamed.definition) == (
        original.terms, original.near, original.threshold, original.examples, original.definition)
    assert renamed.color == "#CC0000"
    assert back["kendskab"].parent == "relevans" and back["kendskab"].terms == book["kendskab"].terms
    assert back["relevans"] == book["relevans"]
    assert "civilsamfund" not in back
    assert back["Tryghed"].definition == "Oplevet tryghed i området" and back["Tryghed"].terms == ()
    assert back.lexicons == book.lexicons and back.lemmas == book.lemmas
    # written again, it validates and says nothing more: the new codebook is the one kvaleval knows now
    again = write_qdc(back, tmp_path / "igen.qdc")
    assert check_qdc(again, schema=CODEBOOK_XSD) == []
    with warnings.catch_warnings():
        warnings.simplefilter("error", KvalevalWarning)
        assert read_qdc(again).codes == back.codes


def test_refi_codebook_description_edited_so_it_no_longer_reads_is_said(tmp_path: Path) -> None:
    # 'Tærskel: høj' typed in NVivo made the whole description the definition, and the code's 383 terms
    # were gone without a word
    book = read_codebook(DEMO)
    path = write_qdc(book, tmp_path / "vollsmose.qdc")
    text = path.read_text("utf-8")
    assert "Tærskel:" not in text.split('name="kapacitet"')[1].split("</Description>")[0]
    opening = 'name="kapacitet" isCodable="true" color="#E07A5F">\n      <Description>'
    path.write_text(text.replace(opening, opening + "Tærskel: høj\n"), "utf-8")
    with pytest.warns(KvalevalWarning, match=r"W601.*'kapacitet'.*høj"):
        back = read_qdc(path)
    assert back["kapacitet"].terms == ()


def test_refi_project_codebook_edited_in_another_program_is_said(tiny_corpus: Path, small_codebook, tmp_path: Path
                                                                 ) -> None:  # type: ignore[no-untyped-def]
    # a project kvaleval wrote, its code renamed in NVivo: read_qdpx_codebook said nothing of it
    import zipfile

    import kvaleval as kv
    from kvaleval.refi import check_qdpx, read_qdpx_codebook, write_qdpx

    project = write_qdpx(kv.code(kv.read_corpus(tiny_corpus), small_codebook), tmp_path / "p.qdpx")
    assert check_qdpx(project, schema=REFI_QDA / "schema" / "Project.xsd") == []
    first = small_codebook.codes[0].name
    with zipfile.ZipFile(project) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["project.qde"] = members["project.qde"].replace(f'name="{first}"'.encode(), b'name="Omd\xc3\xb8bt"', 1)
    edited = tmp_path / "fra-nvivo.qdpx"
    with zipfile.ZipFile(edited, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with warnings.catch_warnings():
        warnings.simplefilter("error", KvalevalWarning)
        assert read_qdpx_codebook(project).codes == small_codebook.codes
    with pytest.warns(KvalevalWarning, match=f"W650.*{first} → Omdøbt"):
        back = read_qdpx_codebook(edited)
    assert back["Omdøbt"].terms == small_codebook[first].terms
