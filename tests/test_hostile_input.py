"""Broken and hostile files, one per case, each next to a good transcript.

Every case is read with :func:`kvaleval.read_corpus`: the good file is always
read; the bad one is either read correctly with a coded note, or listed in
``corpus.skipped`` with a coded reason that names the file. No other exception
may leave ``read_corpus``. Large and binary files are generated here; nothing
big is stored in the repository.
"""

from __future__ import annotations

import io
import os
import random
import socket
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import kvaleval as kv
from conftest import write_docx, write_xlsx
from kvaleval.corpus import Corpus
from kvaleval.errors import KvalevalWarning
from test_segment_coverage import assert_nothing_lost

GOOD = "I: Hvordan har du det?\nB: Godt, tak. Æbler og øl på åen.\n"
TEXT = "I: Hvordan går det med klubben?\nB: Den er blevet bedre, især for de unge på Ærø.\n"
SURVEY = "id;Hvad synes du om klubben?\n1;Den er blevet bedre, især for de unge på Ærø.\n2;Særlig godt.\n"
SURVEY_TEXT = "Den er blevet bedre, især for de unge på Ærø.\n\nSærlig godt.\n"


@dataclass(frozen=True)
class Case:
    """A file to write, and what reading it must give: a skip reason or a note, by code."""

    name: str
    write: Callable[[Path], None]
    skipped: str | None = None
    note: str | None = None
    text: str | None = None


def data(content: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content)


def zipped(members: dict[str, bytes], *, encrypted: bool = False) -> bytes:
    """A zip of ``members``; ``encrypted`` sets the "needs a password" flag of each member."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    packed = bytearray(buffer.getvalue())
    if encrypted:
        # zipfile cannot write encrypted members; set bit 0 of the general purpose flags
        # in the local headers (offset 6) and the central directory (offset 8).
        for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            position = packed.find(signature)
            while position != -1:
                packed[position + offset] |= 0x1
                position = packed.find(signature, position + 4)
    return bytes(packed)


def members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rewritten_docx(change: Callable[[dict[str, bytes]], None]) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        source = write_docx(path.with_name("_source.docx"), ["I: Hvordan?", "B: Godt, tak."])
        members = members_of(source)
        source.unlink()
        change(members)
        path.write_bytes(zipped(members))
    return write


def with_doctype(members: dict[str, bytes], member: str, entity: str, use: str) -> None:
    xml = members[member].decode()
    head, rest = xml.split("?>", 1)
    root = rest.lstrip().split()[0].lstrip("<")
    members[member] = (head + "?>" + f"<!DOCTYPE {root} [{entity}]>" + rest.replace("Godt, tak.", use)
                       ).encode()


LAUGHS = '<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol;" if i == 1 else f"&lol{i - 1};") * 10}">' for i in range(1, 10))


def zip_bomb(path: Path) -> None:
    source = write_docx(path.with_name("_source.docx"), ["I: Hvordan?", "B: Godt."])
    members = members_of(source)
    source.unlink()
    members["word/media/padding.bin"] = b"\0" * (24 * 1024 * 1024)
    path.write_bytes(zipped(members))


def hidden_bomb(path: Path) -> None:
    source = write_docx(path.with_name("_source.docx"), ["I: Hvordan?", "B: Godt."])
    members = members_of(source)
    source.unlink()
    members["word/media/image1.png"] = random.Random(1).randbytes(400_000)
    members["word/media/padding.bin"] = b"\0" * (24 * 1024 * 1024)
    path.write_bytes(zipped(members))


def many_members(path: Path) -> None:
    members = {"[Content_Types].xml": b"<x/>", "word/document.xml": b"<x/>"}
    members.update({f"word/m{i}.xml": b"" for i in range(10_001)})
    path.write_bytes(zipped(members))


def odt(path: Path) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    for line in GOOD.splitlines():
        document.text.addElement(P(text=line))
    document.save(str(path))


def ods(path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet

    OpenDocumentSpreadsheet().save(str(path))


def odt_without_content(path: Path) -> None:
    odt(path)
    members = members_of(path)
    del members["content.xml"]
    path.write_bytes(zipped(members))


def odt_xxe(path: Path) -> None:
    odt(path)
    members = members_of(path)
    xml = members["content.xml"].decode()
    head, rest = xml.split("?>", 1)
    members["content.xml"] = (head + '?><!DOCTYPE office:document-content [<!ENTITY x SYSTEM '
                              '"file:///etc/passwd">]>' + rest).encode()
    path.write_bytes(zipped(members))


def xlsx_survey(path: Path) -> None:
    write_xlsx(path, [["id", "Hvad synes du om indsatsen?"], [1, "Den har hjulpet os rigtig meget"],
                      [2, "Jeg kender den ikke så godt endnu"]])


def xlsx_formulas(path: Path) -> None:
    write_xlsx(path, [["id", "Hvad synes du om indsatsen?"],
                      [1, '=HYPERLINK("http://angriber.example/x","klik her")'],
                      [2, "=1+1"], [3, "Den har hjulpet os rigtig meget i hverdagen"],
                      [4, "'=dette er tekst, ikke en formel"]])


def xlsx_external_link(path: Path) -> None:
    import openpyxl
    from openpyxl.packaging.relationship import Relationship
    from openpyxl.workbook.external_link.external import (
        ExternalBook,
        ExternalCell,
        ExternalLink,
        ExternalRow,
        ExternalSheetData,
        ExternalSheetDataSet,
        ExternalSheetNames,
    )

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["id", "Hvad synes du om indsatsen?"])
    sheet.append([1, "Den har hjulpet os rigtig meget i hverdagen"])
    sheet.append([2, "='[1]Ark1'!A1"])
    row = ExternalRow(r=1, cell=[ExternalCell(r="A1", t="str", v="fra en anden fil")])
    book = ExternalBook(sheetNames=ExternalSheetNames(sheetName=["Ark1"]),
                        sheetDataSet=ExternalSheetDataSet(sheetData=[ExternalSheetData(sheetId=0,
                                                                                       row=[row])]),
                        id="rId1")
    link = ExternalLink(externalBook=book)
    link.file_link = Relationship(type="externalLinkPath", TargetMode="External",
                                  Target="http://angriber.example/hemmelig.xlsx")
    workbook._external_links.append(link)
    workbook.save(path)


def xlsx_sheets(path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.title = "Svar"
    workbook.active.append(["id", "Hvad synes du?"])
    workbook.active.append([1, "Det er rigtig godt for os alle sammen"])
    workbook.create_sheet("Info").append(["Undersøgelse", "2024"])
    workbook.save(path)


def xlsx_no_worksheet_member(path: Path) -> None:
    xlsx_survey(path)
    members = members_of(path)
    del members["xl/worksheets/sheet1.xml"]
    path.write_bytes(zipped(members))


def xlsx_xxe(path: Path) -> None:
    xlsx_survey(path)
    members = members_of(path)
    xml = members["xl/workbook.xml"].decode()
    members["xl/workbook.xml"] = ('<?xml version="1.0"?><!DOCTYPE workbook [' + LAUGHS + "]>"
                                  + xml.split("?>", 1)[-1]).encode()
    path.write_bytes(zipped(members))


def truncated(writer: Callable[[Path], None]) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        writer(path)
        content = path.read_bytes()
        path.write_bytes(content[: len(content) // 2])
    return write


def docx_named(path: Path) -> None:
    path.write_bytes(write_docx(path.with_name("_x.docx"), ["I: hej", "B: hej"]).read_bytes())
    path.with_name("_x.docx").unlink()


VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Anne>Hvordan?</v>\n\n" \
      "00:00:03.000 --> 00:00:05.000\n<v Per>Godt.</v>\n"
RANDOM = random.Random(8).randbytes(4000)
LONG_LINE = "B: " + "ord " * 1_500_000 + "\n"

CASES = [
    # encodings
    Case("bom.txt", data(b"\xef\xbb\xbf" + TEXT.encode()), text=TEXT),
    Case("utf16_bom.txt", data(TEXT.encode("utf-16")), text=TEXT),
    Case("utf16le_uden_bom.txt", data(TEXT.encode("utf-16-le")), note="W004", text=TEXT),
    Case("utf16be_uden_bom.txt", data(TEXT.encode("utf-16-be")), note="W004", text=TEXT),
    Case("utf32_bom.txt", data(TEXT.encode("utf-32")), text=TEXT),
    Case("cp1252.txt", data(TEXT.encode("cp1252")), note="W004", text=TEXT),
    Case("blandet.txt", data(TEXT[:40].encode() + TEXT[40:].encode("cp1252")), note="W008", text=TEXT),
    Case("ugyldig_utf16.txt", data(b"\xff\xfe" + TEXT.encode("utf-16-le") + b"\x00\xd8"), text=None),
    Case("nul.txt", data(TEXT.encode().replace(b"klubben", b"klub\x00ben")), note="W007", text=TEXT),
    Case("nul_efter_nedbrud.txt", data(TEXT.encode() + b"\x00" * 50_000), note="W007", text=TEXT),
    # a survey CSV is streamed, not read whole: its encoding notes were lost (a Danish Excel CSV said nothing)
    Case("excel_cp1252.csv", data(SURVEY.encode("cp1252")), note="W004", text=SURVEY_TEXT),
    Case("blandet.csv", data(SURVEY[:-14].encode() + SURVEY[-14:].encode("cp1252")), note="W008",  # "Særlig"
         text=SURVEY_TEXT),
    Case("nul.csv", data(SURVEY.encode().replace(b"bedre", b"bed\x00re")), note="W007", text=SURVEY_TEXT),
    Case("tomt_spoergsmaal.xlsx", lambda p: write_xlsx(p, [["id", "Hvad synes du om klubben?", "Har du forslag?"],
                                                            ["1", "Den er blevet bedre", None],
                                                            ["2", "Særlig godt for de unge", None]]), note="W025"),
    # binary files with a text suffix
    Case("billede.txt", data(b"\x89PNG\r\n\x1a\n" + RANDOM), skipped="E018"),
    Case("rapport.txt", data(b"%PDF-1.7\n" + RANDOM), skipped="E018"),
    Case("word_fil.txt", docx_named, skipped="E018"),
    Case("gammel.docx", data(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + RANDOM), skipped="E018"),
    Case("gammel.xlsx", data(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + RANDOM), skipped="E018"),
    Case("rtf.txt", data(b"{\\rtf1\\ansi I: Hvordan?\\par B: Godt.}"), skipped="E018"),
    Case("lyd.srt", data(b"ID3\x04\x00" + RANDOM), skipped="E018"),
    Case("tilfaeldig.txt", data(RANDOM), skipped="E006"),
    Case("tilfaeldig.md", data(RANDOM), skipped="E006"),
    Case("tilfaeldig.vtt", data(RANDOM), skipped="E006"),
    Case("tilfaeldig.csv", data(RANDOM), skipped="E006"),
    # empty
    Case("tom.txt", data(b""), skipped="E005"),
    Case("mellemrum.txt", data(b" \n\t\r\n  \n"), skipped="E005"),
    Case("kun_bom.txt", data(b"\xef\xbb\xbf"), skipped="E005"),
    Case("kun_utf16_bom.txt", data(b"\xff\xfe \x00\n\x00"), skipped="E005"),
    Case("tom.vtt", data(b"WEBVTT\n\n"), skipped="E005"),
    Case("tom.csv", data(b""), skipped="E005"),
    Case("kun_overskrift.csv", data(b"id;Hvad synes du?\n"), skipped="E021"),
    Case("kun_overskrift.xlsx", lambda p: write_xlsx(p, [["id", "Hvad synes du?"]]), skipped="E021"),
    # corrupt office files
    Case("tom.docx", data(b""), skipped="E007"),
    Case("tilfaeldig.docx", data(RANDOM), skipped="E007"),
    Case("afkortet.docx", truncated(lambda p: write_docx(p, ["I: Hvordan?", "B: Godt."])),
         skipped="E007"),
    Case("uden_document.docx", rewritten_docx(lambda m: m.pop("word/document.xml")), skipped="E007"),
    Case("zip_uden_indhold.docx", data(zipped({"hej.txt": b"hej"})), skipped="E007"),
    Case("tom_zip.docx", data(zipped({})), skipped="E007"),
    Case("ødelagt_xml.docx", rewritten_docx(
        lambda m: m.update({"word/document.xml": m["word/document.xml"][:300]})), skipped="E007"),
    Case("tilfaeldig.xlsx", data(RANDOM), skipped="E007"),
    Case("afkortet.xlsx", truncated(xlsx_survey), skipped="E007"),
    Case("uden_ark.xlsx", xlsx_no_worksheet_member, skipped="E007"),
    Case("tilfaeldig.odt", data(RANDOM), skipped="E007"),
    Case("afkortet.odt", truncated(odt), skipped="E007"),
    Case("uden_content.odt", odt_without_content, skipped="E007"),
    Case("regneark.odt", ods, skipped="E007"),
    Case("forkert_format.vtt", data(b"Dette er ikke WebVTT\n\nI: hej\n"), skipped="E007"),
    Case("forkert_tid.srt", data(b"1\n00:00:01 til 00:00:02\nHej\n"), skipped="E007"),
    Case("uafsluttet_citat.csv", data(b'id;Hvad synes du?\n1;"Det var ' + b"langt svar " * 20_000),
         skipped="E007"),
    # hostile containers
    Case("zipbombe.docx", zip_bomb, skipped="E014"),
    Case("skjult_zipbombe.docx", hidden_bomb, skipped="E014"),
    Case("mange_filer.docx", many_members, skipped="E014"),
    Case("xxe.docx", rewritten_docx(lambda m: with_doctype(
        m, "word/document.xml", '<!ENTITY xxe SYSTEM "file:///etc/passwd">', "&xxe;")),
        skipped="E019"),
    Case("milliard_grin.docx", rewritten_docx(lambda m: with_doctype(
        m, "word/document.xml", LAUGHS, "&lol9;")), skipped="E019"),
    Case("xxe.odt", odt_xxe, skipped="E019"),
    Case("milliard_grin.xlsx", xlsx_xxe, skipped="E019"),
    Case("adgangskode.docx", data(zipped({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<x/>"},
                                         encrypted=True)), skipped="E020"),
    # spreadsheets: values read, nothing evaluated or fetched
    Case("formler.xlsx", xlsx_formulas, note="W014"),
    Case("eksternt_link.xlsx", xlsx_external_link, note="W016"),
    Case("flere_ark.xlsx", xlsx_sheets, note="W015"),
    Case("lodret_streg.csv", data(b"id|Hvad synes du?\n1|Det er godt for os alle\n"),
         text="Det er godt for os alle\n"),
    # large and odd text
    Case("lang_linje.txt", lambda p: p.write_text(LONG_LINE, encoding="utf-8"), text=LONG_LINE),
    Case("mange_linjer.txt", lambda p: p.write_text("I: Hvad?\nB: Ja.\n" * 20_000, encoding="utf-8")),
    Case("kontroltegn.txt", data(b"I: Hvordan?\fB: Godt\x0b nok.\n")),
    Case("emoji_og_accenter.txt", lambda p: p.write_text(
        "I: Hvordan 👍🏽?\nB: Godt – cafe\u0301en er åben.\n", encoding="utf-8")),
]


def read(folder: Path, **options: object) -> Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        return kv.read_corpus(folder, **options)  # type: ignore[arg-type]


def test_hostile_input_has_at_least_forty_cases() -> None:
    assert len(CASES) >= 40
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input_file(tmp_path: Path, case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("a reader tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "god.txt").write_text(GOOD, encoding="utf-8")
    case.write(folder / case.name)
    for leftover in folder.glob("_*"):
        leftover.unlink()
    corpus = read(folder)
    assert "god.txt" in [document.path for document in corpus.documents]
    skipped = dict(zip(corpus.skipped["path"], corpus.skipped["reason"], strict=True))
    if case.skipped:
        assert case.name in skipped, corpus.notes
        reason = skipped[case.name]
        assert reason.startswith(f"[{case.skipped}]"), reason
        assert case.name in reason
        assert "Traceback" not in reason
    else:
        assert case.name not in skipped, skipped.get(case.name)
        assert_nothing_lost(corpus)
        document = next(d for d in corpus.documents if d.path == case.name)
        messages = "\n".join(corpus.notes.loc[corpus.notes["path"] == case.name, "message"])
        if case.note:
            assert f"[{case.note}]" in messages
            assert case.name in messages
        if case.text is not None:
            assert document.text == case.text


def test_hostile_input_formulas_are_text_not_evaluated(tmp_path: Path) -> None:
    xlsx_formulas(tmp_path / "formler.xlsx")
    corpus = read(tmp_path)
    assert list(corpus.segments["text"]) == [
        '=HYPERLINK("http://angriber.example/x","klik her")', "=1+1",
        "Den har hjulpet os rigtig meget i hverdagen", "'=dette er tekst, ikke en formel"]


def test_hostile_input_external_link_values_only(tmp_path: Path) -> None:
    xlsx_external_link(tmp_path / "link.xlsx")
    corpus = read(tmp_path)
    assert "fra en anden fil" not in "".join(corpus.segments["text"])
    assert corpus.segments["text"].iloc[0] == "Den har hjulpet os rigtig meget i hverdagen"


def test_hostile_input_xxe_reads_no_local_file(tmp_path: Path) -> None:
    secret = tmp_path / "hemmelig.txt"
    secret.write_text("HEMMELIGT-INDHOLD", encoding="utf-8")
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "god.txt").write_text(GOOD, encoding="utf-8")
    rewritten_docx(lambda m: with_doctype(m, "word/document.xml",
                                          f'<!ENTITY xxe SYSTEM "file://{secret}">', "&xxe;"))(
        folder / "xxe.docx")
    corpus = read(folder)
    assert all("HEMMELIGT" not in document.text for document in corpus.documents)
    assert "xxe.docx" in set(corpus.skipped["path"])


def test_hostile_input_max_bytes_is_an_option(tmp_path: Path) -> None:
    (tmp_path / "stor.txt").write_text(GOOD * 1000, encoding="utf-8")
    (tmp_path / "lille.txt").write_text(GOOD, encoding="utf-8")
    corpus = read(tmp_path, max_bytes=10_000)
    reason = corpus.skipped.set_index("path").loc["stor.txt", "reason"]
    assert reason.startswith("[E015] stor.txt") and "max_bytes" in reason
    assert len(read(tmp_path).documents) == 2


def test_hostile_input_200_mb_text_file_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    import tracemalloc

    big = tmp_path / "kaempe.txt"
    line = ("B: " + "ord " * 24 + "\n").encode()
    block = line * (1024 * 1024 // len(line) + 1)
    with big.open("wb") as handle:
        for _ in range(200):
            handle.write(block)
    assert big.stat().st_size > 200 * 1024 * 1024
    (tmp_path / "god.txt").write_text(GOOD, encoding="utf-8")
    tracemalloc.start()
    try:
        corpus = read(tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    reason = corpus.skipped.set_index("path").loc["kaempe.txt", "reason"]
    assert reason.startswith("[E015] kaempe.txt: 200 MB er mere end grænsen på 64 MB")
    assert peak < 50 * 1024 * 1024
    assert [document.path for document in corpus.documents] == ["god.txt"]


def test_hostile_input_read_document_raises_only_corpus_errors(tmp_path: Path) -> None:
    from kvaleval.errors import CorpusError

    for case in CASES:
        if not case.skipped:
            continue
        path = tmp_path / case.name
        case.write(path)
        with pytest.raises(CorpusError) as info:
            kv.read_document(path)
        assert str(info.value).startswith(f"[{case.skipped}]")
        assert str(path) in str(info.value)
        path.unlink()
    assert not os.listdir(tmp_path) or all(name.startswith("_") for name in os.listdir(tmp_path))


def test_hostile_input_odt_namespaces_do_not_leak(tmp_path: Path) -> None:
    from odf.namespaces import nsdict

    odt(tmp_path / "a.odt")
    members = members_of(tmp_path / "a.odt")
    members["content.xml"] = members["content.xml"].replace(
        b"<office:document-content ", b'<office:document-content xmlns:ond="urn:ondsindet" ', 1
    ).replace(b"<office:text>", b'<office:text><ond:y ond:z="1"/>', 1)
    (tmp_path / "a.odt").write_bytes(zipped(members))
    before = dict(nsdict)
    document, _ = kv.read_document(tmp_path / "a.odt")
    assert "Godt, tak." in document.text
    assert dict(nsdict) == before


def test_hostile_input_odt_foreign_namespaces_do_not_break_later_documents(tmp_path: Path) -> None:
    # odfpy gives each unknown namespace the prefix ns<N>; two files read one after the other
    # once left two namespaces declared as the same prefix in every document written later.
    for number in range(2):
        odt(tmp_path / f"fremmed{number}.odt")
        members = members_of(tmp_path / f"fremmed{number}.odt")
        members["content.xml"] = members["content.xml"].replace(
            b"<office:document-content ",
            f'<office:document-content xmlns:x="urn:fremmed:{number}" '.encode(), 1,
        ).replace(b"<office:text>", b'<office:text><x:y x:z="1"/>', 1)
        (tmp_path / f"fremmed{number}.odt").write_bytes(zipped(members))
        assert "Godt, tak." in kv.read_document(tmp_path / f"fremmed{number}.odt")[0].text
    odt(tmp_path / "senere.odt")
    document, _ = kv.read_document(tmp_path / "senere.odt")
    assert "Godt, tak." in document.text


def test_hostile_input_csv_cp1252_bytes_after_the_first_megabyte(tmp_path: Path) -> None:
    """The encoding is told from the first MB; a cp1252 row further down is read as cp1252 and noted."""
    rows = "".join(f"{n};Klubben på Ærø er god, svar nummer {n}\n" for n in range(1, 30_001))
    (tmp_path / "stor.csv").write_bytes(b"id;Hvad synes du om klubben?\n" + rows.encode()
                                        + "30001;Særlig godt\n".encode("cp1252"))
    # The same rows all in UTF-8, the first MB ending inside a letter ("Ærø"): nothing is noted.
    clean = next(data for pad in range(80) if not _valid_utf8(
        data := b"id;Hvad synes du om klubben?" + b" " * pad + b"\n" + rows.encode(), 1_000_000))
    (tmp_path / "ren.csv").write_bytes(clean)
    corpus = read(tmp_path)
    stor = corpus.segments[corpus.segments["doc_id"] == "stor"]
    assert stor["text"].iloc[-1] == "Særlig godt" and len(stor) == 30_001
    assert len(corpus.segments) == 60_001
    messages = "\n".join(corpus.notes["message"])
    assert "[W008] stor.csv:" in messages and "1 byte(s)" in messages, messages
    assert "ren.csv" not in messages and "[W004]" not in messages, messages


def _valid_utf8(data: bytes, end: int) -> bool:
    try:
        data[:end].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_hostile_input_named_answer_column_without_answers(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "svar.xlsx", [["id", "Hvad synes du?", "Forslag"], ["1", "Godt", None], ["2", "Fint", ""]])
    corpus = kv.read_corpus(tmp_path, text_columns=["Hvad synes du?", "Forslag"])
    assert corpus.segments["text"].tolist() == ["Godt", "Fint"]
    messages = "\n".join(corpus.notes["message"])
    assert "[W025] svar.xlsx: kolonnen 'Forslag' har ingen svar" in messages
    assert "'Hvad synes du?' har ingen" not in messages


def test_hostile_input_workbook_with_saved_formula_values_and_a_namespace_prefix(tmp_path: Path) -> None:
    """A workbook without formulas is read once; one with them, even written as <x:f> by another
    program, twice: its formulas' saved values are the text, and they are noted (W006)."""
    from kvaleval.read._survey import _has_formulas

    plain, formulas = tmp_path / "uden.xlsx", tmp_path / "med.xlsx"
    xlsx_survey(plain)
    xlsx_survey(formulas)
    members = {}
    with zipfile.ZipFile(formulas) as archive:
        for name in archive.namelist():
            members[name] = archive.read(name)
    sheet = members["xl/worksheets/sheet1.xml"].decode()
    cell = '<x:c r="B4" t="str"><x:f>UPPER("ekstra svar fra en formel")</x:f><x:v>EKSTRA SVAR FRA EN FORMEL</x:v></x:c>'
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    sheet = sheet.replace("<worksheet ", f'<worksheet xmlns:x="{main}" ')
    sheet = sheet.replace("</sheetData>", f'<row r="4"><c r="A4" t="n"><v>3</v></c>{cell}</row></sheetData>')
    sheet = sheet.replace('ref="A1:B3"', 'ref="A1:B4"')
    members["xl/worksheets/sheet1.xml"] = sheet.encode()
    formulas.write_bytes(zipped(members))
    names = zipfile.ZipFile(plain).namelist()
    assert not _has_formulas(plain, names) and _has_formulas(formulas, names)
    corpus = read(tmp_path)
    assert corpus.segments.loc[corpus.segments["doc_id"] == "med", "text"].tolist() == [
        "Den har hjulpet os rigtig meget", "Jeg kender den ikke så godt endnu", "EKSTRA SVAR FRA EN FORMEL"]
    assert "[W006] med.xlsx" in "\n".join(corpus.notes["message"])
    assert corpus.segments.loc[corpus.segments["doc_id"] == "uden", "text"].tolist() == [
        "Den har hjulpet os rigtig meget", "Jeg kender den ikke så godt endnu"]
