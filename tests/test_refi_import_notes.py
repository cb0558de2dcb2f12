"""What an import tells: stray bytes, parts of a project it does not read, doubled GUIDs, bad selections."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

from kvaleval.errors import KvalevalWarning, set_language
from kvaleval.refi import read_qdpx, read_qdpx_selections
from refi_builders import CODE_A, CODE_B, NS, SOURCE, USER, selection, spans

TEXT = "I: Hvordan oplever du samarbejdet?\nR: Jeg har stor tillid til min leder. Men arbejdsmiljøet er hårdt.\n"


def _project(path: Path, *, selections: str = "", extra: str = "", sources: str | None = None,
             users: str = f'<User guid="{USER}" name="Karen"/>', files: dict[str, bytes] | None = None) -> Path:
    if sources is None:
        sources = (f'<TextSource guid="{SOURCE}" name="Interview 1.txt" plainTextPath="internal://{SOURCE}.txt">'
                   f"{selections}</TextSource>")
    qde = (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<Project xmlns="{NS}" name="Test" origin="MAXQDA 2022"><Users>{users}</Users>'
        f'<CodeBook><Codes><Code guid="{CODE_A}" name="Tillid" isCodable="true"/>'
        f'<Code guid="{CODE_B}" name="Arbejdsmiljø" isCodable="true"/></Codes></CodeBook>'
        f"<Sources>{sources}</Sources>{extra}</Project>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde.encode())
        for name, data in (files if files is not None else {f"sources/{SOURCE}.txt": TEXT.encode()}).items():
            archive.writestr(name, data)
    return path


def _read(path: Path):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        return read_qdpx(path)


def _notes(path: Path) -> list[str]:
    return _read(path)[0].notes["message"].tolist()


# -- stray bytes ---------------------------------------------------------------------------


def test_refi_import_stray_cp1252_byte_in_utf8_is_read_alone(tmp_path: Path) -> None:
    text = TEXT.replace("Hvordan", "Hvo\u00f8dan")
    data = text.encode("utf-8").replace("ø".encode(), b"\xf8", 1)  # one cp1252 'ø', the rest UTF-8
    (tillid, hard) = spans(text, "tillid til min leder", "arbejdsmiljøet er hårdt")
    path = _project(tmp_path / "p.qdpx", selections=selection(1, *tillid) + selection(2, *hard, code=CODE_B),
                    files={f"sources/{SOURCE}.txt": data})
    corpus, _ = _read(path)
    assert corpus.documents[0].text == text
    assert corpus.documents[0].encoding == "utf-8+cp1252"
    assert sorted(read_qdpx_selections(path)["text"]) == ["arbejdsmiljøet er hårdt", "tillid til min leder"]
    notes = corpus.notes["message"].tolist()
    assert [note for note in notes if "W627" in note] and "1 byte(s)" in " ".join(notes)
    assert not any("W617" in note for note in notes)


def test_refi_import_undecodable_bytes_are_counted(tmp_path: Path) -> None:
    data = b"\xff\xfe" + "I: Hvad?\nR: Godt.".encode("utf-16-le") + b"\x00\xd8" + "Slut.".encode("utf-16-le")
    path = _project(tmp_path / "p.qdpx", files={f"sources/{SOURCE}.txt": data})
    corpus, _ = _read(path)
    assert "\ufffd" in corpus.documents[0].text
    assert any("W628" in note and " 1 " in note for note in corpus.notes["message"])


# -- parts of the project kvaleval does not read ---------------------------------------------

UNREAD = (
    '<Notes><Note guid="eeeeeeee-0000-0000-0000-000000000001" name="Forskningsplan">'
    "<PlainTextContent>Plan</PlainTextContent></Note>"
    '<Note guid="eeeeeeee-0000-0000-0000-000000000002" name="kvaleval: segmentering">'
    "<PlainTextContent>{}</PlainTextContent></Note></Notes>"
    '<Links><Link guid="eeeeeeee-0000-0000-0000-000000000003" name="forklarer" '
    f'originGUID="{CODE_A}" targetGUID="{CODE_B}"/></Links>'
    '<Sets><Set guid="eeeeeeee-0000-0000-0000-000000000004" name="Ledere">'
    f'<MemberSource targetGUID="{SOURCE}"/></Set>'
    '<Set guid="eeeeeeee-0000-0000-0000-000000000005" name="Kerne"/></Sets>'
    '<Graphs><Graph guid="eeeeeeee-0000-0000-0000-000000000006" name="Netværk"/></Graphs>'
)


def test_refi_import_links_graphs_are_reported_memos_and_sets_read(tmp_path: Path) -> None:
    corpus, _ = _read(_project(tmp_path / "p.qdpx", extra=UNREAD))
    notes = [note for note in corpus.notes["message"] if "W629" in note]
    assert len(notes) == 2
    links, graphs = notes
    assert "1 forbindelser (Links)" in links and "forklarer" in links
    assert "1 grafer (Graphs)" in graphs and "Netværk" in graphs
    assert corpus.memos["memo"].tolist() == ["Forskningsplan"]  # not kvaleval's segmentation note
    assert corpus.sets["set"].tolist() == ["Ledere", "Kerne"]
    assert corpus.sets["documents"].tolist() == [("Interview 1",), ()]


def test_refi_import_unread_parts_in_english(tmp_path: Path) -> None:
    set_language("en")
    try:
        notes = [note for note in _notes(_project(tmp_path / "p.qdpx", extra=UNREAD)) if "W629" in note]
    finally:
        set_language(None)
    assert "the project's 1 links (Links) are not read" in notes[0]


def test_refi_import_own_project_has_no_unread_parts(tmp_path: Path, tiny_corpus: Path) -> None:
    import kvaleval as kv
    from kvaleval.refi import write_qdpx

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        coded = kv.code(kv.read_corpus(tiny_corpus), kv.read_codebook(Path(__file__).parents[1] / "codebooks"
                                                                          / "vollsmose.yaml"))
        path = write_qdpx(coded, tmp_path / "egen.qdpx")
    assert _notes(path) == []


# -- GUIDs given more than once ---------------------------------------------------------------


def test_refi_import_duplicate_source_guids_are_noted(tmp_path: Path) -> None:
    other = "bbbbbbbb-0000-0000-0000-000000000002"
    sources = "".join(
        f'<TextSource guid="{SOURCE}" name="{name}" plainTextPath="internal://{member}.txt">'
        f"{selection(number, 38, 58)}</TextSource>"
        for number, (name, member) in enumerate((("Interview 1", SOURCE), ("Interview 2", other)))
    )
    path = _project(tmp_path / "p.qdpx", sources=sources,
                    files={f"sources/{SOURCE}.txt": TEXT.encode(), f"sources/{other}.txt": TEXT.encode()})
    corpus, codings = _read(path)
    assert [d.doc_id for d in corpus.documents] == ["Interview 1", "Interview 2"]
    assert codings["doc_id"].tolist() == ["Interview 1", "Interview 2"]
    assert any("W630" in note and SOURCE in note and "sit eget dokument" in note for note in corpus.notes["message"])


def test_refi_import_duplicate_selection_guids_are_noted(tmp_path: Path) -> None:
    guid = "cccccccc-0000-0000-0000-000000000099"
    (tillid, hard) = spans(TEXT, "tillid til min leder", "arbejdsmiljøet er hårdt")
    selections = selection(1, *tillid, guid=guid) + selection(2, *hard, code=CODE_B, guid=guid)
    corpus, codings = _read(_project(tmp_path / "p.qdpx", selections=selections))
    assert sorted(codings["code"]) == ["Arbejdsmiljø", "Tillid"]
    assert any("W631" in note and guid in note and "for sig" in note for note in corpus.notes["message"])


def test_refi_import_user_guid_equal_to_a_code_guid_is_noted(tmp_path: Path) -> None:
    users = f'<User guid="{USER}" name="Karen"/><User guid="{CODE_B}" name="Bo"/>'
    (tillid,) = spans(TEXT, "tillid til min leder")
    corpus, codings = _read(_project(tmp_path / "p.qdpx", selections=selection(1, *tillid), users=users))
    assert codings["coder"].tolist() == ["Karen"]
    assert any("W632" in note and CODE_B in note for note in corpus.notes["message"])


# -- messages about sources and selections ----------------------------------------------------


def test_refi_import_missing_text_file_counts_its_codings(tmp_path: Path) -> None:
    (tillid, hard) = spans(TEXT, "tillid til min leder", "arbejdsmiljøet er hårdt")
    path = _project(tmp_path / "p.qdpx", selections=selection(1, *tillid) + selection(2, *hard, code=CODE_B),
                    files={})
    corpus, _ = _read(path)
    (reason,) = corpus.skipped["reason"]
    assert "W613" in reason and "2 kodning(er)" in reason


def test_refi_import_reversed_selection_has_its_own_message(tmp_path: Path) -> None:
    (tillid,) = spans(TEXT, "tillid til min leder")
    corpus, codings = _read(_project(tmp_path / "p.qdpx", selections=selection(1, tillid[1], tillid[0])))
    notes = corpus.notes["message"].tolist()
    assert any("W633" in note and "slutter, før de begynder" in note for note in notes)
    assert not any("W610" in note for note in notes) and codings.empty


# -- messages in the user's language ------------------------------------------------------------


def _crlf_project(path: Path, extra_code: str = "") -> Path:
    text = TEXT.replace("\n", "\r\n")
    lf = TEXT
    words = ("samarbejdet", "tillid til min leder", "arbejdsmiljøet er hårdt")
    selections = "".join(selection(number, lf.index(word), lf.index(word) + len(word))
                         for number, word in enumerate(words))
    path = _project(path, selections=selections, files={f"sources/{SOURCE}.txt": text.encode()})
    if extra_code:
        with zipfile.ZipFile(path) as archive:
            qde = archive.read("project.qde").decode().replace("</Codes>", extra_code + "</Codes>")
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("project.qde", qde)
            archive.writestr(f"sources/{SOURCE}.txt", text.encode())
    return path


def test_refi_import_notes_are_danish_by_default_and_english_on_request(tmp_path: Path) -> None:
    twice = f'<Code guid="{CODE_A}" name="Igen" isCodable="true"/>'
    path = _crlf_project(tmp_path / "p.qdpx", extra_code=twice)
    danish = " ".join(_notes(path))
    assert "tegn (code points), et CRLF tæller 1 (ATLAS.ti)" in danish
    assert f"kode-GUID'en {CODE_A} står der to gange" in danish
    assert "counted" not in danish and "given twice" not in danish
    set_language("en")
    try:
        english = " ".join(_notes(path))
    finally:
        set_language(None)
    assert "code points, CRLF counted as 1 (ATLAS.ti)" in english
    assert f"the code GUID {CODE_A} is given twice" in english


def test_refi_check_messages_are_danish_by_default_and_english_on_request(tmp_path: Path) -> None:
    from kvaleval.refi import check_qdpx

    path = _crlf_project(tmp_path / "p.qdpx")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("extra/readme.txt", b"x")
    danish = " ".join(check_qdpx(path))
    assert "dele uden for 'sources/'" in danish and "CR-linjeskift" in danish
    set_language("en")
    try:
        english = " ".join(check_qdpx(path))
    finally:
        set_language(None)
    assert "members outside 'sources/'" in english and "CR line ends" in english
