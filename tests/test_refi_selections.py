"""Round 3 of lossless REFI-QDA exchange: a coded selection read from another program is written again
as it was wherever the segments it codes are all still coded with its code by its coder - also when it
takes in the interviewer's question or a speaker's label around one answer, and when it overlaps
another selection with the same code; where a segment in it is no longer coded it is written in
pieces, and that is said (W644)."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import pytest

from conftest import REFI_QDA
from kvaleval.coded import Coded
from kvaleval.errors import KvalevalWarning
from kvaleval.refi import check_qdpx, read_qdpx, read_qdpx_codebook, write_qdpx
from refi_audit import audit, qde

NS = "urn:QDA-XML:project:1.0"
PROJECT_XSD = REFI_QDA / "schema" / "Project.xsd"
ANNE = "11111111-0000-0000-0000-0000000000f1"
WAIT = "aaaaaaaa-0000-0000-0000-0000000000f1"
SOURCE = "bbbbbbbb-0000-0000-0000-0000000000f1"
TEXT = ("I: Hvordan var det?\r\nFatima: Ventetiden var lang 😀.\r\nOle: Jeg ventede også meget længe på svar.\r\n"
        "Fatima: Det blev bedre.\r\nI: Tak.\r\n")
LF = TEXT.replace("\r\n", "\n")


def _at(first: str, last: str) -> tuple[int, int]:
    """The span from ``first`` to the end of ``last`` in the LF text."""
    return LF.index(first), LF.index(last) + len(last)


def _project(path: Path, spans: list[tuple[int, int]], origin: str, comments: tuple[str, ...] = ()) -> Path:
    """A project as MAXQDA (code points, CRLF counted as 2) or NVivo (UTF-16 units, CRLF 2) writes it,
    the text with CRLF line ends, one selection per span, each coded 'Ventetid' by Anne (and with the
    comment given for it as its ``Description``, MAXQDA's coding memo)."""
    utf16 = origin.startswith("NVivo")

    def offset(position: int) -> int:  # a position in the LF text as the tool counts it in the CRLF text
        before = LF[:position].replace("\n", "\r\n")
        return len(before.encode("utf-16-le")) // 2 if utf16 else len(before)

    selections = "".join(
        f'<PlainTextSelection guid="cccccccc-0000-0000-0000-0000000000{n:02d}" name="" '
        f'startPosition="{offset(start)}" endPosition="{offset(end)}" creatingUser="{ANNE}">'
        + (f"<Description>{comments[n - 1]}</Description>" if n <= len(comments) else "")
        + f'<Coding guid="dddddddd-0000-0000-0000-0000000000{n:02d}" creatingUser="{ANNE}">'
        f'<CodeRef targetGUID="{WAIT}"/></Coding></PlainTextSelection>'
        for n, (start, end) in enumerate(spans, 1))
    project = (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<Project xmlns="{NS}" name="Runde 3" origin="{origin}">'
        f'<Users><User guid="{ANNE}" name="Anne"/></Users>'
        f'<CodeBook><Codes><Code guid="{WAIT}" name="Ventetid" isCodable="true"/></Codes></CodeBook>'
        f'<Sources><TextSource guid="{SOURCE}" name="Fokusgruppe.txt" plainTextPath="internal://{SOURCE}.txt">'
        f"{selections}</TextSource></Sources></Project>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", project.encode())
        archive.writestr(f"sources/{SOURCE}.txt", b"\xef\xbb\xbf" + TEXT.encode())
    return path


def _spans(path: Path) -> dict[str, tuple[str, str]]:
    return {node.get("guid", ""): (LF[int(node.get("startPosition", "")):int(node.get("endPosition", ""))],
                                   node[0].get("guid", ""))
            for node in qde(path).iter(f"{{{NS}}}PlainTextSelection")}


@pytest.mark.parametrize("origin", ["MAXQDA 2022 (Release 22.7.0)", "NVivo 14.23.2 (Windows)"])
@pytest.mark.parametrize("span", [
    _at("Hvordan", "lang 😀."),  # the question and the answer
    _at("Fatima: Ventetiden", "lang 😀."),  # the answer with its speaker's label
    _at("Ventetiden", "Ole:"),  # the answer and the next speaker's label
])
def test_refi_a_selection_around_one_answer_keeps_its_guid_and_span(span: tuple[int, int], origin: str,
                                                                   tmp_path: Path) -> None:
    # it was written as a new selection over the answer alone (a GUID of its own, no coding GUID)
    losses, written = audit(_project(tmp_path / "p.qdpx", [span], origin), tmp_path)
    assert losses == []
    assert _spans(written) == {"cccccccc-0000-0000-0000-000000000001": (
        LF[span[0]:span[1]], "dddddddd-0000-0000-0000-000000000001")}
    assert check_qdpx(written, schema=PROJECT_XSD) == []
    (tmp_path / "again").mkdir()
    again, rewritten = audit(written, tmp_path / "again")
    assert again == [] and rewritten.read_bytes() == written.read_bytes()


def test_refi_overlapping_selections_with_one_code_and_coder_are_both_kept(tmp_path: Path) -> None:
    # the one inside the other's answer was missing: the codings of the whole turn went to the outer one
    outer, inner = _at("Ventetiden", "bedre."), _at("ventede", "længe")
    losses, written = audit(_project(tmp_path / "p.qdpx", [outer, inner], "MAXQDA 2022"), tmp_path)
    assert losses == []
    assert {text for text, _ in _spans(written).values()} == {LF[outer[0]:outer[1]], LF[inner[0]:inner[1]]}
    assert check_qdpx(written, schema=PROJECT_XSD) == []


@pytest.mark.parametrize("spans", [
    (_at("Ventetiden", "længe på svar."), _at("Jeg ventede", "bedre.")),  # each over the turn between them
    (_at("Ventetiden", "bedre."), _at("ventede", "længe")),  # one inside the other
])
def test_refi_overlapping_selections_each_with_its_own_comment_are_both_kept(spans: tuple[tuple[int, int], ...],
                                                                           tmp_path: Path) -> None:
    # the turn both code holds both comments ("Lang ventetid | Gentaget"), so neither selection's turns had one
    # reason: both were written in pieces with new GUIDs (W644), the shared turn's piece with both comments
    source = _project(tmp_path / "p.qdpx", list(spans), "MAXQDA 2022", ("Lang ventetid", "Gentaget"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        _, codings = read_qdpx(source)
    assert "Lang ventetid | Gentaget" in codings["why"].tolist()
    with warnings.catch_warnings():
        warnings.simplefilter("error", KvalevalWarning)
        losses, written = audit(source, tmp_path)
    assert losses == []
    assert {node.get("guid"): node.findtext(f"{{{NS}}}Description")
            for node in qde(written).iter(f"{{{NS}}}PlainTextSelection")} == {
        "cccccccc-0000-0000-0000-000000000001": "Lang ventetid", "cccccccc-0000-0000-0000-000000000002": "Gentaget"}
    assert check_qdpx(written, schema=PROJECT_XSD) == []
    (tmp_path / "again").mkdir()
    again, rewritten = audit(written, tmp_path / "again")
    assert again == [] and rewritten.read_bytes() == written.read_bytes()


def test_refi_overlapping_commented_selections_keep_their_memos(tmp_path: Path) -> None:
    # each selection's memo (a Note on the selection, one on its coding) lost its reference (W606) when the
    # two were split into pieces with new GUIDs
    source = _project(tmp_path / "p.qdpx", [_at("Ventetiden", "længe på svar."), _at("Jeg ventede", "bedre.")],
                      "MAXQDA 2022", ("Lang ventetid", "Gentaget"))
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    qde_text = members["project.qde"].decode()
    notes = ""
    for n in (1, 2):
        coding, selection = f"eeeeeeee-0000-0000-0000-0000000000{n:02d}", f"eeeeeeee-0000-0000-0000-0000000001{n:02d}"
        qde_text = qde_text.replace(f'<CodeRef targetGUID="{WAIT}"/></Coding></PlainTextSelection>',
                                    f'<CodeRef targetGUID="{WAIT}"/><NoteRef targetGUID="{coding}"/></Coding>'
                                    f'<NoteRef targetGUID="{selection}"/></PlainTextSelection>#', 1)
        notes += (f'<Note guid="{coding}" name="Kodningsmemo {n}" creatingUser="{ANNE}"><PlainTextContent>Memo {n}'
                  f'</PlainTextContent></Note><Note guid="{selection}" name="Markeringsmemo {n}" '
                  f'creatingUser="{ANNE}"><PlainTextContent>Om markering {n}</PlainTextContent></Note>')
    qde_text = qde_text.replace("#", "").replace("</Sources>", f"</Sources><Notes>{notes}</Notes>")
    members["project.qde"] = qde_text.encode()
    with zipfile.ZipFile(source, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with warnings.catch_warnings():
        warnings.simplefilter("error", KvalevalWarning)
        losses, written = audit(source, tmp_path)
    assert losses == []
    assert check_qdpx(written, schema=PROJECT_XSD) == []


def test_refi_a_selection_whose_middle_turn_is_no_longer_coded_is_written_in_pieces_and_said(tmp_path: Path) -> None:
    source = _project(tmp_path / "p.qdpx", [_at("Ventetiden", "bedre.")], "MAXQDA 2022")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        corpus, codings = read_qdpx(source)
        codebook = read_qdpx_codebook(source)
    assert codings["segment_id"].tolist() == ["Fokusgruppe#1", "Fokusgruppe#2", "Fokusgruppe#3"]
    kept = codings[codings["segment_id"] != "Fokusgruppe#2"]  # Ole's turn: the coding taken off
    with pytest.warns(KvalevalWarning) as told:
        written = write_qdpx(Coded(corpus=corpus, codebook=codebook, codings=kept), tmp_path / "ud.qdpx")
    said = [str(w.message) for w in told if "W644" in str(w.message)]
    assert len(said) == 1 and "cccccccc-0000-0000-0000-000000000001" in said[0]
    # a selection is one stretch of text: the two answers still coded, each a selection of its own
    assert sorted(text for text, _ in _spans(written).values()) == ["Det blev bedre.", "Ventetiden var lang 😀."]
    assert "cccccccc-0000-0000-0000-000000000001" not in _spans(written)
    assert check_qdpx(written, schema=PROJECT_XSD) == []
    with warnings.catch_warnings():  # with all its turns coded it is one, and nothing is said
        warnings.simplefilter("error", KvalevalWarning)
        whole = write_qdpx(Coded(corpus=corpus, codebook=codebook, codings=codings), tmp_path / "hel.qdpx")
    assert list(_spans(whole)) == ["cccccccc-0000-0000-0000-000000000001"]


def test_refi_a_selection_coded_by_two_coders_stays_one(tmp_path: Path) -> None:
    # an ATLAS.ti quotation coded by two users of a team project: it became two selections, the second
    # coder's with a new GUID, and that coding's GUID was lost
    bo = "11111111-0000-0000-0000-0000000000f2"
    source = _project(tmp_path / "p.qdpx", [_at("Ventetiden", "lang 😀.")], "ATLAS.ti 9.1.7 (Windows)")
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["project.qde"] = members["project.qde"].replace(
        b'<User guid="' + ANNE.encode() + b'" name="Anne"/>',
        b'<User guid="' + ANNE.encode() + b'" name="Anne"/><User guid="' + bo.encode() + b'" name="Bo"/>').replace(
        b"</Coding>", b'</Coding><Coding guid="dddddddd-0000-0000-0000-0000000000b0" creatingUser="'
        + bo.encode() + b'"><CodeRef targetGUID="' + WAIT.encode() + b'"/></Coding>')
    with zipfile.ZipFile(source, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    losses, written = audit(source, tmp_path)
    assert losses == []
    (selection,) = qde(written).iter(f"{{{NS}}}PlainTextSelection")
    assert [(c.get("guid"), c.get("creatingUser")) for c in selection.iterfind(f"{{{NS}}}Coding")] == [
        ("dddddddd-0000-0000-0000-000000000001", ANNE), ("dddddddd-0000-0000-0000-0000000000b0", bo)]
    assert check_qdpx(written, schema=PROJECT_XSD) == []
