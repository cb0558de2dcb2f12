"""Reading REFI-QDA projects from other tools: samples and the variants they write."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from conftest import REFI_QDA
from kvaleval.errors import ExchangeError, KvalevalWarning
from kvaleval.refi import read_qdpx, read_qdpx_codebook, read_qdpx_documents, read_qdpx_selections
from kvaleval.refi._offsets import on_word_boundary
from kvaleval.segment import segment_documents
from refi_builders import CODE_A, CODE_B, NS, SOURCE, USER, selection, spans

SHARED = REFI_QDA
SAMPLES = SHARED / "samples"
NVIVO = SAMPLES / "nvivo-12.6_oltas0517.qdpx"
ATLAS_QDE = SAMPLES / "atlasti-8.4_refi-standard-project.qde"
ATLAS_REPACK = SAMPLES / "skyloom_TestProject_atlasti-8.4-repacked.qdpx"
MINIMAL = SAMPLES / "kvaleval-handmade_minimal.qdpx"
needs_shared = pytest.mark.skipif(not NVIVO.is_file(), reason="tests/data/refi-qda is not here")



def _qde(
    selections: str,
    *,
    origin: str = "MAXQDA 2022",
    source_attrs: str = "",
    extra: str = "",
    path: str = f"internal://{SOURCE}.txt",
    name: str = "Interview 1.docx",
    namespace: str = NS,
    sources: str | None = None,
) -> bytes:
    if sources is None:
        sources = (
            f'<TextSource guid="{SOURCE}" name="{name}" plainTextPath="{path}" {source_attrs}>{selections}</TextSource>'
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<Project xmlns="{namespace}" name="Test" origin="{origin}">'
        f'<Users><User guid="{USER}" name="Karen"/></Users>'
        f'<CodeBook><Codes><Code guid="{CODE_A}" name="Ventetid" isCodable="true"/>'
        f'<Code guid="{CODE_B}" name="Tillid" isCodable="true"/></Codes></CodeBook>{extra}'
        f"<Sources>{sources}</Sources></Project>"
    ).encode()


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


TEXT = "I: Hvordan er ventetiden?\nB: Ventetiden er lang 😀, men personalet er søde.\nI: Tak.\n"


# --- samples ---------------------------------------------------------------------------------


@needs_shared
def test_refi_import_nvivo_sample_word_boundaries_and_emoji() -> None:
    with pytest.warns(KvalevalWarning, match="W602"):
        corpus, codings = read_qdpx(NVIVO)
    assert [d.doc_id for d in corpus.documents] == ["videos_selection", "videos_10_selected"]
    assert corpus.notes["message"].str.contains("UTF-16-enheder").any()
    selections = read_qdpx_selections(NVIVO)
    assert len(selections) == 303
    texts = corpus.texts
    starts = [on_word_boundary(texts[s.doc_id], s.start) for s in selections.itertuples()]
    ends = [on_word_boundary(texts[s.doc_id], s.end) for s in selections.itertuples()]
    assert sum(starts) / len(starts) >= 0.99 and sum(ends) / len(ends) >= 0.99
    # Oracle: slice the stored text by UTF-16 code units as NVivo counts, then drop CR.
    with zipfile.ZipFile(NVIVO) as archive:
        raw = archive.read("Sources/68bbdc14-c361-4432-b4dd-ae1dbfc12890.txt").decode("utf-8-sig")
        qde = archive.read("project.qde").decode("utf-8")
    units = raw.encode("utf-16-le")
    stored = [(int(a), int(b)) for a, b in __import__("re").findall(r'startPosition="(\d+)" endPosition="(\d+)"', qde)]
    expected = sorted(units[2 * a : 2 * b].decode("utf-16-le").replace("\r\n", "\n") for a, b in stored)
    assert sorted(selections["text"]) == expected
    first_emoji = next(i for i, char in enumerate(texts["videos_10_selected"]) if ord(char) > 0xFFFF)
    assert (selections["start"] > first_emoji).sum() > 100
    assert set(codings["coder"]) <= {"Gergo", "floriansipos"}
    assert codings["score"].eq(1.0).all()


@needs_shared
def test_refi_import_nvivo_codebook() -> None:
    book = read_qdpx_codebook(NVIVO)
    assert len(book.codes) == 152
    assert book["COVID"].parent == "1. Oltás típusa"
    assert book["1. Oltás típusa"].definition == "COVID vay nem COVID"


@needs_shared
@pytest.mark.parametrize("path", [ATLAS_QDE, ATLAS_REPACK])
def test_refi_import_atlas_without_sources(path: Path) -> None:
    with pytest.warns(KvalevalWarning, match="W602"):
        corpus, codings = read_qdpx(path)
    assert corpus.documents == () and len(codings) == 0
    assert len(corpus.skipped) >= 6
    assert corpus.skipped["reason"].str.contains("W613").sum() >= 5
    assert corpus.skipped["reason"].str.contains("W615").any()
    assert len(read_qdpx_codebook(path).codes) == 14
    selections = read_qdpx_selections(path)
    assert len(selections) >= 8 and selections["text"].isna().all()


@needs_shared
def test_refi_import_handmade_minimal() -> None:
    corpus, codings = read_qdpx(MINIMAL)
    text = corpus.documents[0].text
    assert sorted(codings["code"]) == ["Arbejdsmiljø", "Tillid"]
    assert set(codings["coder"]) == {"Analytiker"}
    selections = read_qdpx_selections(MINIMAL)
    assert set(selections["text"]) == {
        "Jeg har stor tillid til min leder",
        "arbejdsmiljøet er hårdt",
    }
    assert all(text[s.start : s.end] == s.text for s in selections.itertuples())


# --- offsets -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("origin", "crlf_counts"),
    [("MAXQDA 2022", 2), ("ATLAS.ti 23.1", 1), ("Ukendt værktøj", 1), ("Ukendt værktøj", 2)],
)
def test_refi_import_bom_crlf_offsets(tmp_path: Path, origin: str, crlf_counts: int) -> None:
    lf = (
        "I: Hvordan er ventetiden?\nB: Ventetiden er lang, men personalet er søde.\n"
        "I: Og medarbejderne?\nB: Dem stoler jeg på.\nB: Også i weekenden.\n"
    )
    raw = lf.replace("\n", "\r\n")
    counted = raw if crlf_counts == 2 else lf
    words = ("Ventetiden er lang", "personalet er søde", "Dem stoler jeg på", "Også i weekenden")
    xml = "".join(selection(i, a, b) for i, (a, b) in enumerate(spans(counted, *words)))
    path = _zip(
        tmp_path / "p.qdpx",
        {
            "project.qde": _qde(xml, origin=origin),
            f"sources/{SOURCE}.txt": b"\xef\xbb\xbf" + raw.encode(),
        },
    )
    corpus, codings = (
        read_qdpx(path) if origin.startswith(("MAXQDA", "Ukendt")) and crlf_counts == 2 else _quiet(read_qdpx, path)
    )
    assert corpus.documents[0].text == lf
    assert sorted(read_qdpx_selections(path)["text"]) == sorted(words)
    # the turns are split where the selections begin and end: each selection is a segment
    segments = corpus.segments.set_index("segment_id")
    assert sorted(segments.loc[codings["segment_id"], "text"]) == sorted(words)
    assert len(set(segments.loc[codings["segment_id"], "turn_index"])) == 3


def _quiet(function, *args):  # type: ignore[no-untyped-def]
    with pytest.warns(KvalevalWarning):
        return function(*args)


def test_refi_import_utf16_units_detected_without_origin(tmp_path: Path) -> None:
    text = "B: 😀😀 Ventetiden 🙂 er lang. 👍🏽 Personalet er søde 😀.\nB: 🎉 Fest 🎉 i gården.\n"
    words = ("Ventetiden", "er lang", "Personalet er søde", "Fest", "i gården")
    units = [
        (len(text[:a].encode("utf-16-le")) // 2, len(text[:b].encode("utf-16-le")) // 2)
        for a, b in spans(text, *words)
    ]
    xml = "".join(selection(i, a, b) for i, (a, b) in enumerate(units))
    path = _zip(
        tmp_path / "p.qdpx",
        {"project.qde": _qde(xml, origin="NoName 1.0"), f"Sources/{SOURCE}.txt": text.encode()},
    )
    assert sorted(read_qdpx_selections(path)["text"]) == sorted(words)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_refi_import_utf16_text_without_bom(tmp_path: Path, codec: str) -> None:
    # Read as cp1252 this gave a NUL between every letter and moved every selection.
    text = "I: Hvordan går det?\nB: Ventetiden er lang, men personalet er søde.\n"
    xml = "".join(selection(i, a, b) for i, (a, b) in enumerate(spans(text, "Ventetiden er lang",
                                                                          "personalet er søde")))
    path = _zip(tmp_path / "p.qdpx", {"project.qde": _qde(xml), f"sources/{SOURCE}.txt": text.encode(codec)})
    corpus, _ = _quiet(read_qdpx, path)
    assert corpus.documents[0].text == text
    assert sorted(read_qdpx_selections(path)["text"]) == ["Ventetiden er lang", "personalet er søde"]


def test_refi_import_pdf_area_codings_are_reported(tmp_path: Path) -> None:
    text = "B: Ventetiden er lang.\n"
    pdf = (f'<PDFSource guid="{SOURCE}" name="Rapport.pdf" path="internal://r.pdf">'
           f'<Representation guid="eeeeeeee-0000-0000-0000-000000000001" plainTextPath="internal://{SOURCE}.txt">'
           f'{selection(1, 3, 13)}</Representation>'
           f'<PDFSelection guid="eeeeeeee-0000-0000-0000-000000000002" page="1" firstX="1" firstY="1" '
           f'secondX="9" secondY="9"><Coding guid="eeeeeeee-0000-0000-0000-000000000003" creatingUser="{USER}">'
           f'<CodeRef targetGUID="{CODE_B}"/></Coding></PDFSelection></PDFSource>')
    path = _zip(tmp_path / "p.qdpx", {"project.qde": _qde("", sources=pdf), f"sources/{SOURCE}.txt": text.encode()})
    corpus, codings = _quiet(read_qdpx, path)
    assert codings["code"].tolist() == ["Ventetid"]
    assert corpus.notes["message"].str.contains(r"W626.*1 kodning\(er\) af områder").any()


def test_refi_import_reachable_as_kv_refi() -> None:
    # As docs/refi.md writes it, in a fresh interpreter (here the tests have imported kvaleval.refi).
    import subprocess
    import sys

    code = "import kvaleval as kv; print(kv.refi.read_qdpx.__name__, kv.refi.ArchiveLimits().max_members > 0)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.stdout.split() == ["read_qdpx", "True"], result.stderr


def test_refi_import_selections_outside_or_splitting_are_reported(tmp_path: Path) -> None:
    text_start = TEXT.index("😀")
    xml = (
        selection(1, 3, 10_000)
        + selection(2, 50_000, 60_000)
        + selection(3, text_start + 1, text_start + 10)
        + selection(4, 5, 2)
    )
    path = _zip(
        tmp_path / "p.qdpx",
        {
            "project.qde": _qde(xml, origin="NVivo for Windows 12.6"),
            f"sources/{SOURCE}.txt": TEXT.encode(),
        },
    )
    with pytest.warns(KvalevalWarning, match="W602"):
        corpus, _ = read_qdpx(path)
    messages = " ".join(corpus.notes["message"])
    assert "W610" in messages and "W611" in messages


def test_refi_import_selections_past_the_end_do_not_tip_the_counting_rule(tmp_path: Path) -> None:
    # UTF-16 offsets were clamped before the range test: selections past the end counted as
    # lying on word boundaries, the source was read as UTF-16, and the good selections moved.
    good = spans(TEXT, "men personalet", "søde", "Tak")
    xml = "".join(selection(n, start, end) for n, (start, end) in enumerate(good, start=1))
    xml += "".join(selection(n, len(TEXT) - 4 * n, len(TEXT) + 20 * n) for n in range(4, 8))
    path = _zip(tmp_path / "p.qdpx", {"project.qde": _qde(xml, origin="QualCoder 3.5"),
                                      f"sources/{SOURCE}.txt": TEXT.encode()})
    with pytest.warns(KvalevalWarning, match="W602"):
        corpus, _ = read_qdpx(path)
    selections = read_qdpx_selections(path)
    assert {"men personalet", "søde", "Tak"} <= set(selections["text"])
    assert "W610" in " ".join(corpus.notes["message"])


def test_refi_import_two_users_of_one_name_stay_two_coders(tmp_path: Path) -> None:
    # Both "Karen"s became one coder: their two codings of one place were one row, and agreement was lost.
    other = "11111111-1111-1111-1111-222222222222"
    start, end = spans(TEXT, "Ventetiden er lang")[0]
    xml = selection(1, start, end) + selection(2, start, end, user=other)
    project = _qde(xml).replace(b'<User guid="' + USER.encode() + b'" name="Karen"/>',
                                f'<User guid="{USER}" name="Karen"/><User guid="{other}" name="Karen"/>'.encode())
    path = _zip(tmp_path / "p.qdpx", {"project.qde": project, f"sources/{SOURCE}.txt": TEXT.encode()})
    with pytest.warns(KvalevalWarning, match="W602"):
        corpus, codings = read_qdpx(path)
    assert sorted(codings["coder"]) == ["Karen", "Karen (2)"]
    assert "to brugere hedder 'Karen'" in " ".join(corpus.notes["message"])


def test_refi_import_a_code_guid_given_twice_is_noted(tmp_path: Path) -> None:
    project = _qde(selection(1, *spans(TEXT, "Ventetiden er lang")[0])).replace(
        f'<Code guid="{CODE_B}" name="Tillid"'.encode(), f'<Code guid="{CODE_A}" name="Tillid"'.encode())
    path = _zip(tmp_path / "p.qdpx", {"project.qde": project, f"sources/{SOURCE}.txt": TEXT.encode()})
    with pytest.warns(KvalevalWarning, match="W602"):
        corpus, codings = read_qdpx(path)
    assert list(codings["code"]) == ["Ventetid"]
    assert f"kode-GUID'en {CODE_A} står der to gange" in " ".join(corpus.notes["message"])


# --- containers and sources --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qde_name", "folder", "path_value"),
    [
        ("Project.qde", "Sources", f"internal://{SOURCE}.txt"),
        ("Mit projekt.qde", "sources", f"internal:/{SOURCE}.txt"),
        ("project.qde", "SOURCES", f"INTERNAL://{SOURCE}.TXT"),
    ],
)
def test_refi_import_container_name_variants(tmp_path: Path, qde_name: str, folder: str, path_value: str) -> None:
    xml = "".join(selection(i, a, b) for i, (a, b) in enumerate(spans(TEXT, "Ventetiden er lang")))
    path = _zip(
        tmp_path / "p.qdpx",
        {qde_name: _qde(xml, path=path_value), f"{folder}/{SOURCE}.txt": TEXT.encode()},
    )
    corpus, codings = read_qdpx(path)
    assert corpus.documents[0].doc_id == "Interview 1"
    assert codings["code"].tolist() == ["Ventetid"] and codings["coder"].tolist() == ["Karen"]


@pytest.mark.parametrize("namespace", ["urn:QDA-XML:project:1:0", "urn:QDA-XML:project:0:4"])
def test_refi_import_namespace_variants(tmp_path: Path, namespace: str) -> None:
    path = _zip(
        tmp_path / "p.qdpx",
        {
            "project.qde": _qde(selection(1, 30, 48), namespace=namespace),
            f"sources/{SOURCE}.txt": TEXT.encode(),
        },
    )
    corpus, codings = _quiet(read_qdpx, path)
    assert len(codings) == 1 and corpus.notes["message"].str.contains("namespace").any()


def test_refi_import_inline_text_and_external_paths(tmp_path: Path) -> None:
    inline = (
        f'<TextSource guid="{SOURCE}" name="Inline"><PlainTextContent>{TEXT}</PlainTextContent>'
        f"{selection(1, 30, 48)}</TextSource>"
        '<TextSource guid="bbbbbbbb-0000-0000-0000-000000000009" name="Ude" '
        'plainTextPath="absolute:///etc/passwd"/>'
    )
    path = _zip(tmp_path / "p.qdpx", {"project.qde": _qde("", sources=inline)})
    corpus, codings = _quiet(read_qdpx, path)
    assert corpus.documents[0].text == TEXT and len(codings) == 1
    assert corpus.skipped["reason"].str.contains("W621").any()


def test_refi_import_empty_text_falls_back_to_docx(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in TEXT.strip().split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    rich = f'richTextPath="internal://{SOURCE}.docx"'
    path = _zip(
        tmp_path / "p.qdpx",
        {
            "project.qde": _qde(selection(1, 29, 47), source_attrs=rich),
            f"sources/{SOURCE}.txt": b"\xef\xbb\xbf",
            f"sources/{SOURCE}.docx": buffer.getvalue(),
        },
    )
    corpus, codings = _quiet(read_qdpx, path)
    assert corpus.documents[0].text == TEXT
    assert corpus.notes["message"].str.contains("W614").any()
    assert len(codings) == 1


def test_refi_import_variables_cases_and_unknown_codes(tmp_path: Path) -> None:
    variable_1 = "eeeeeeee-0000-0000-0000-000000000001"
    variable_2 = "eeeeeeee-0000-0000-0000-000000000002"
    variables = (
        f'<Variables><Variable guid="{variable_1}" name="Køn" typeOfVariable="Text"/>'
        f'<Variable guid="{variable_2}" name="Alder" typeOfVariable="Integer"/></Variables>'
        '<Cases><Case guid="ffffffff-0000-0000-0000-000000000001" name="Deltager 1">'
        f'<VariableValue><VariableRef targetGUID="{variable_1}"/><TextValue>kvinde</TextValue>'
        f'</VariableValue><VariableValue><VariableRef targetGUID="{variable_2}"/>'
        "<IntegerValue>42</IntegerValue>"
        f'</VariableValue><SourceRef targetGUID="{SOURCE}"/></Case></Cases>'
    )
    xml = selection(1, 30, 48) + selection(2, 30, 48, code="99999999-0000-0000-0000-000000000000")
    path = _zip(
        tmp_path / "p.qdpx",
        {"project.qde": _qde(xml, extra=variables), f"sources/{SOURCE}.txt": TEXT.encode()},
    )
    corpus, codings = _quiet(read_qdpx, path)
    assert corpus.documents[0].attributes == (("Alder", "42"), ("Køn", "kvinde"))
    assert corpus.segments["Køn"].eq("kvinde").all()
    assert len(codings) == 1 and corpus.notes["message"].str.contains("W616").any()


def test_refi_import_coding_on_interviewer_turn_only_is_reported(tmp_path: Path) -> None:
    ((a, b),) = spans(TEXT, "Hvordan er ventetiden")
    path = _zip(
        tmp_path / "p.qdpx",
        {"project.qde": _qde(selection(1, a, b)), f"sources/{SOURCE}.txt": TEXT.encode()},
    )
    corpus, codings = _quiet(read_qdpx, path)
    assert len(codings) == 0 and corpus.notes["message"].str.contains("W618").any()


def test_refi_import_coding_of_the_whole_source_is_said_to_come_back_per_turn(tmp_path: Path) -> None:
    # A Coding right on the TextSource came back from write_qdpx as selections over the respondent's
    # turns, without a word.
    whole = (f'<Coding guid="eeeeeeee-0000-0000-0000-0000000000aa" creatingUser="{USER}">'
             f'<CodeRef targetGUID="{CODE_A}"/></Coding>')
    path = _zip(
        tmp_path / "p.qdpx",
        {"project.qde": _qde(whole), f"sources/{SOURCE}.txt": TEXT.encode()},
    )
    corpus, codings = _quiet(read_qdpx, path)
    respondent = corpus.segments.loc[corpus.segments["speaker_role"] == "respondent", "segment_id"]
    assert sorted(codings["segment_id"]) == sorted(respondent) and set(codings["code"]) == {"Ventetid"}
    assert corpus.notes["message"].str.contains(r"\[W638\] Interview 1.docx: 1 kodning\(er\) af hele kilden").any()


def test_refi_reexport_keeps_the_other_program_s_code_and_source_guids(tmp_path: Path) -> None:
    # Every GUID was new in the export (uuid5 of names): back in NVivo or ATLAS.ti the codes and the
    # source would be new ones, not those the project had.
    import kvaleval as kv
    from kvaleval.refi import write_qdpx

    ((a, b),) = spans(TEXT, "Ventetiden er lang")
    path = _zip(tmp_path / "p.qdpx", {"project.qde": _qde(selection(1, a, b)), f"sources/{SOURCE}.txt": TEXT.encode()})
    corpus, codings = read_qdpx(path)
    again = write_qdpx(kv.Coded(corpus, read_qdpx_codebook(path), codings), tmp_path / "igen.qdpx")
    with zipfile.ZipFile(again) as archive:
        qde = archive.read("project.qde").decode("utf-8")
        assert f"sources/{SOURCE}.txt" in archive.namelist()
    assert f'guid="{CODE_A}"' in qde and f'guid="{CODE_B}"' in qde and f'targetGUID="{CODE_A}"' in qde
    assert f'<TextSource guid="{SOURCE}"' in qde


def test_refi_import_a_coder_the_users_do_not_list_is_said(tmp_path: Path) -> None:
    # The coder was named by the GUID, in the codings and in the next export, without a word.
    stranger = "2b272f4e-2b6b-5b35-a5a5-5ca8e3f5a9c0"
    ((a, b),) = spans(TEXT, "Ventetiden er lang")
    path = _zip(
        tmp_path / "p.qdpx",
        {"project.qde": _qde(selection(1, a, b, user=stranger)), f"sources/{SOURCE}.txt": TEXT.encode()},
    )
    corpus, codings = _quiet(read_qdpx, path)
    assert set(codings["coder"]) == {stranger}
    assert corpus.notes["message"].str.contains(rf"\[W639\] .*1 kodning\(er\) .*\({stranger}\)").any()


def test_refi_import_selection_across_turns_codes_each_respondent_turn(tmp_path: Path) -> None:
    text = "I: Spørgsmål?\nB: Første svar.\nI: Næste?\nB: Andet svar.\n"
    start, end = text.index("Første"), text.index("Andet") + 5
    path = _zip(
        tmp_path / "p.qdpx",
        {"project.qde": _qde(selection(1, start, end)), f"sources/{SOURCE}.txt": text.encode()},
    )
    _, codings = read_qdpx(path)
    # the second turn is split where the selection ends ("Andet" | "svar."); the piece keeps turn 3
    assert codings["segment_id"].tolist() == ["Interview 1#1", "Interview 1#3.1"]


def test_refi_import_documents_for_read_corpus(tmp_path: Path) -> None:
    path = _zip(
        tmp_path / "p.qdpx",
        {"project.qde": _qde(selection(1, 30, 48)), f"sources/{SOURCE}.txt": TEXT.encode()},
    )
    documents, codings, notes = read_qdpx_documents(path, shown="projekter/p.qdpx", doc_prefix="projekter/p")
    assert [d.doc_id for d in documents] == ["projekter/p/Interview 1"]
    assert all(d.turns is not None for d in documents)
    segments, _ = segment_documents(documents)
    assert set(codings["segment_id"]) <= set(segments["segment_id"])
    coded = segments.set_index("segment_id").loc[codings["segment_id"]]
    assert coded["text"].tolist() == [TEXT[30:48].strip()] and coded["turn_index"].tolist() == [1]
    assert notes == []


def test_refi_import_duplicate_and_unsafe_source_names(tmp_path: Path) -> None:
    other = "bbbbbbbb-0000-0000-0000-000000000002"
    third = "bbbbbbbb-0000-0000-0000-000000000003"
    sources = (
        f'<TextSource guid="{SOURCE}" name="../../etc/Anna.txt" plainTextPath="internal://{SOURCE}.txt"/>'
        f'<TextSource guid="{other}" name="Anna.docx" plainTextPath="internal://{other}.txt"/>'
        f'<TextSource guid="{third}" name="Anna.docx" plainTextPath="internal://{third}.txt"/>'
    )
    path = _zip(
        tmp_path / "p.qdpx",
        {
            "project.qde": _qde("", sources=sources),
            **{f"sources/{g}.txt": TEXT.encode() for g in (SOURCE, other, third)},
        },
    )
    corpus, _ = read_qdpx(path)
    assert [d.doc_id for d in corpus.documents] == ["etc/Anna", "Anna.docx", "Anna.docx-2"]


def test_refi_import_counting_rule_is_the_projects(tmp_path: Path) -> None:
    # A source with too few selections to vote fell back to the origin's rule (here: code points),
    # though another source of the same project showed UTF-16 units clearly: its selection moved.
    other = "bbbbbbbb-0000-0000-0000-000000000002"
    text = "I: Hvordan er det?\nB: Jeg er glad 😀😀 for naboerne 😀 og for sekretariatet 😀 og kommunen.\n"

    def units(word: str) -> tuple[int, int]:  # UTF-16 code units, as NVivo counts
        start = text.index(word)
        before = len(text[:start].encode("utf-16-le")) // 2
        return before, before + len(word.encode("utf-16-le")) // 2

    many = "".join(selection(n, *units(word)) for n, word in enumerate(["naboerne", "sekretariatet", "kommunen"], 1))
    few = selection(9, *units("kommunen"))
    sources = (f'<TextSource guid="{SOURCE}" name="A" plainTextPath="internal://{SOURCE}.txt">{many}</TextSource>'
               f'<TextSource guid="{other}" name="B" plainTextPath="internal://{other}.txt">{few}</TextSource>')
    path = _zip(tmp_path / "p.qdpx", {"project.qde": _qde("", sources=sources, origin=""),
                                      **{f"sources/{g}.txt": text.encode() for g in (SOURCE, other)}})
    selections = read_qdpx_selections(path)
    assert sorted(selections["text"]) == ["kommunen", "kommunen", "naboerne", "sekretariatet"]


def test_refi_import_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "p.qdpx"
    path.write_text("ikke en zip", "utf-8")
    with pytest.raises(ExchangeError, match="E601"):
        read_qdpx(path)


def test_refi_import_no_qde(tmp_path: Path) -> None:
    path = _zip(tmp_path / "p.qdpx", {"sources/x.txt": b"x"})
    with pytest.raises(ExchangeError, match="E607"):
        read_qdpx(path)


def test_refi_import_codings_frame_columns(tmp_path: Path) -> None:
    path = _zip(tmp_path / "p.qdpx", {"project.qde": _qde(""), f"sources/{SOURCE}.txt": TEXT.encode()})
    _, codings = read_qdpx(path)
    assert list(codings.columns) == [
        "segment_id",
        "doc_id",
        "code",
        "coder",
        "score",
        "valence",
        "why",
    ]
    assert isinstance(codings, pd.DataFrame) and len(codings) == 0


def test_refi_import_project_in_a_top_folder(tmp_path: Path) -> None:
    path = _zip(
        tmp_path / "p.qdpx",
        {"Mit projekt/project.qde": _qde(selection(1, 30, 48)), f"Mit projekt/Sources/{SOURCE}.txt": TEXT.encode()},
    )
    corpus, codings = read_qdpx(path)
    assert corpus.documents[0].text == TEXT and len(codings) == 1


@needs_shared
def test_refi_import_nvivo_text_outside_segments_is_reported() -> None:
    with pytest.warns(KvalevalWarning):
        corpus, _ = read_qdpx(NVIVO)
    messages = corpus.notes["message"]
    # if the segmenter leaves text before the first speaker tag out, the import says so
    if messages.str.contains("W618").any():
        assert messages.str.contains("W625").any()
