"""Round 2 of lossless REFI-QDA exchange: a coded selection keeps its GUID, name, span, maker and its
coding's GUID; a source keeps its name with '.txt'; users and variables keep their GUIDs (and a
variable its type and description); a memo on a selection stays on it; the values a corpus folder's
metadata.csv gives a project's documents go on the project's own cases."""

from __future__ import annotations

import zipfile
from pathlib import Path

import kvaleval as kv
from conftest import REFI_QDA
from kvaleval.coded import Coded
from kvaleval.read.cache import load as load_cache
from kvaleval.read.cache import save as save_cache
from kvaleval.refi import check_qdpx, read_qdpx, read_qdpx_codebook, write_qdpx
from refi_audit import _quiet, qde, written_again

NS = "urn:QDA-XML:project:1.0"
Q = {"q": NS}
PROJECT_XSD = REFI_QDA / "schema" / "Project.xsd"
MAKER, CODER = "11111111-0000-0000-0000-0000000000a1", "11111111-0000-0000-0000-0000000000a2"
WAIT, TRUST = "aaaaaaaa-0000-0000-0000-0000000000b1", "aaaaaaaa-0000-0000-0000-0000000000b2"
SOURCE = "bbbbbbbb-0000-0000-0000-0000000000c1"
FIRST, SECOND = "cccccccc-0000-0000-0000-0000000000d1", "cccccccc-0000-0000-0000-0000000000d2"
AGE, MEMO, CASE = ("99999999-0000-0000-0000-0000000000e1", "eeeeeeee-0000-0000-0000-0000000000e2",
                   "77777777-0000-0000-0000-0000000000e3")
TEXT = "I: Hvordan gik det?\nFatima:   Ventetiden var lang, men jeg stoler på dem.\n"


def _project(path: Path, *, coding_memo: bool = False, same: bool = False) -> Path:
    """NVivo-like: a selection made by one user and coded by another, with blanks before its text and
    an empty name; a second selection over the same span with another code; a memo on the first; a
    Float variable whose value is a whole number, with a description; a case of the whole source."""
    start = TEXT.index("Ventetiden") - 3
    end = TEXT.index("lang") + 4
    memo_ref = f'<NoteRef targetGUID="{MEMO}"/>' if coding_memo else ""
    project = (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<Project xmlns="{NS}" name="Runde 2" origin="NVivo 14">'
        f'<Users><User guid="{MAKER}" name="Mette"/><User guid="{CODER}" name="Jonas"/></Users>'
        f'<CodeBook><Codes><Code guid="{WAIT}" name="Ventetid" isCodable="true"/>'
        f'<Code guid="{TRUST}" name="Tillid" isCodable="true"/></Codes></CodeBook>'
        f'<Variables><Variable guid="{AGE}" name="Score" typeOfVariable="Float"><Description>Tilfredshed'
        "</Description></Variable></Variables>"
        f'<Cases><Case guid="{CASE}" name="Fatima"><VariableValue><VariableRef targetGUID="{AGE}"/>'
        f'<FloatValue>4</FloatValue></VariableValue><SourceRef targetGUID="{SOURCE}"/></Case></Cases>'
        f'<Sources><TextSource guid="{SOURCE}" name="Interview 1.txt" plainTextPath="internal://{SOURCE}.txt">'
        f'<PlainTextSelection guid="{FIRST}" name="" startPosition="{start}" endPosition="{end}" '
        f'creatingUser="{MAKER}"><Coding guid="dddddddd-0000-0000-0000-0000000000f1" creatingUser="{CODER}">'
        f'<CodeRef targetGUID="{WAIT}"/></Coding><NoteRef targetGUID="{MEMO}"/></PlainTextSelection>'
        f'<PlainTextSelection guid="{SECOND}" startPosition="{start}" endPosition="{end}" creatingUser="{CODER}">'
        f'<Coding guid="dddddddd-0000-0000-0000-0000000000f2" creatingUser="{CODER}">'
        f'<CodeRef targetGUID="{TRUST}"/>{memo_ref}</Coding></PlainTextSelection></TextSource></Sources>'
        f'<Notes><Note guid="{MEMO}" name="Om ventetid"><PlainTextContent>Se runde 1.</PlainTextContent></Note>'
        "</Notes></Project>"
    )
    if same:  # the second selection elsewhere, with the first's GUID; the coder's GUID is a code's
        project = (project.replace(f'guid="{SECOND}" startPosition="{start}"',
                                   f'guid="{FIRST}" startPosition="{start + 3}"')
                   .replace(f'guid="{CODER}"', f'guid="{TRUST}"').replace(f'="{CODER}"', f'="{TRUST}"'))
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", project.encode())
        archive.writestr(f"sources/{SOURCE}.txt", TEXT.encode())
    return path


def test_refi_coded_selections_keep_guid_name_span_maker_and_coding_guid(tmp_path: Path) -> None:
    path = written_again(_project(tmp_path / "p.qdpx"), tmp_path / "ud.qdpx")
    assert check_qdpx(path, schema=PROJECT_XSD) == []
    selections = {s.get("guid"): s for s in qde(path).iter(f"{{{NS}}}PlainTextSelection")}
    assert set(selections) == {FIRST, SECOND}  # two selections over one span stay two
    first, second = selections[FIRST], selections[SECOND]
    start = TEXT.index("Ventetiden") - 3
    assert (first.get("startPosition"), first.get("endPosition")) == (str(start), str(TEXT.index("lang") + 4))
    assert (first.get("name"), second.get("name")) == ("", None)
    assert (first.get("creatingUser"), second.get("creatingUser")) == (MAKER, CODER)
    coding = first.find("q:Coding", Q)
    assert coding is not None and (coding.get("guid"), coding.get("creatingUser")) == (
        "dddddddd-0000-0000-0000-0000000000f1", CODER)
    assert [ref.get("targetGUID") for ref in first.iterfind("q:NoteRef", Q)] == [MEMO]
    users = {user.get("name"): user.get("guid") for user in qde(path).iter(f"{{{NS}}}User")}
    assert (users["Mette"], users["Jonas"]) == (MAKER, CODER)


def test_refi_a_source_keeps_its_name_with_its_suffix(tmp_path: Path) -> None:
    path = written_again(_project(tmp_path / "p.qdpx"), tmp_path / "ud.qdpx")
    (source,) = qde(path).iter(f"{{{NS}}}TextSource")
    assert source.get("name") == "Interview 1.txt"
    back, _ = _quiet(read_qdpx, path)
    assert [document.doc_id for document in back.documents] == ["Interview 1"]


def test_refi_a_variable_keeps_guid_type_and_description(tmp_path: Path) -> None:
    path = written_again(_project(tmp_path / "p.qdpx"), tmp_path / "ud.qdpx")
    (variable,) = qde(path).iter(f"{{{NS}}}Variable")
    # '4' would be an Integer by its value; the project said Float
    assert (variable.get("guid"), variable.get("typeOfVariable")) == (AGE, "Float")
    assert variable.findtext("q:Description", namespaces=Q) == "Tilfredshed"
    (case,) = qde(path).iter(f"{{{NS}}}Case")
    value = case.find("q:VariableValue", Q)
    assert value is not None and value.findtext("q:FloatValue", namespaces=Q) == "4"


def test_refi_a_corpus_projects_own_case_gets_the_metadata_values_and_all_survives_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "korpus"
    folder.mkdir()
    _project(folder / "runde2.qdpx")
    (folder / "metadata.csv").write_text("fil;kommune\nrunde2.qdpx;Odense\n", encoding="utf-8")
    corpus = _quiet(kv.read_corpus, folder)
    save_cache(corpus, tmp_path / "cache")
    loaded = load_cache(tmp_path / "cache")
    assert loaded.selections[["guid", "coding_guid", "name", "author"]].to_dict("records") == \
        corpus.selections[["guid", "coding_guid", "name", "author"]].to_dict("records")
    assert loaded.document("runde2/Interview 1").source_name == "Interview 1.txt"
    path = _quiet(write_qdpx, Coded(corpus=loaded, codebook=_quiet(read_qdpx_codebook, folder / "runde2.qdpx"),
                                    codings=loaded.codings), tmp_path / "ud.qdpx")
    assert check_qdpx(path, schema=PROJECT_XSD) == []
    root = qde(path)
    names = {variable.get("guid"): variable.get("name") for variable in root.iter(f"{{{NS}}}Variable")}
    (case,) = root.iter(f"{{{NS}}}Case")  # the project's own case: no 'runde2/Interview 1: Fatima' beside it
    values = {names[v.find("q:VariableRef", Q).get("targetGUID")]: v[1].text  # type: ignore[union-attr]
              for v in case.iterfind("q:VariableValue", Q)}
    assert (case.get("guid"), values) == (CASE, {"Score": "4", "kommune": "Odense"})
    assert {s.get("guid") for s in root.iter(f"{{{NS}}}PlainTextSelection")} == {FIRST, SECOND}


def test_refi_a_memo_on_a_coding_stays_on_the_coding(tmp_path: Path) -> None:
    # NoteRef in a Coding (a memo on one coding): read into corpus.memos 'codings' and written back in
    # the same Coding, also through a corpus folder and the segment cache; it was counted in W634 and lost
    source = _project(tmp_path / "p.qdpx", coding_memo=True)
    corpus, _ = _quiet(read_qdpx, source)
    assert not any("W634" in note for note in corpus.notes["message"])
    assert corpus.memos["selections"].tolist() == [(FIRST,)]  # the memo on the selection is kept
    assert corpus.memos["codings"].tolist() == [("dddddddd-0000-0000-0000-0000000000f2",)]
    path = written_again(source, tmp_path / "ud.qdpx")
    assert check_qdpx(path, schema=PROJECT_XSD) == []
    codings = {c.get("guid"): c for c in qde(path).iter(f"{{{NS}}}Coding")}
    assert [ref.get("targetGUID") for ref in codings["dddddddd-0000-0000-0000-0000000000f2"].iterfind(
        "q:NoteRef", Q)] == [MEMO]
    assert codings["dddddddd-0000-0000-0000-0000000000f1"].find("q:NoteRef", Q) is None
    again, _ = _quiet(read_qdpx, path)
    assert again.memos["codings"].tolist() == corpus.memos["codings"].tolist()
    folder = tmp_path / "korpus"
    folder.mkdir()
    source.replace(folder / "p.qdpx")
    save_cache(_quiet(kv.read_corpus, folder), tmp_path / "cache")
    assert load_cache(tmp_path / "cache").memos["codings"].tolist() == [("dddddddd-0000-0000-0000-0000000000f2",)]


def test_refi_guids_read_twice_are_written_once(tmp_path: Path) -> None:
    # W631 (one selection GUID on two selections) and W632 (a user's GUID is a code's): the file written
    # has every GUID once
    path = written_again(_project(tmp_path / "p.qdpx", same=True), tmp_path / "ud.qdpx")
    assert check_qdpx(path, schema=PROJECT_XSD) == []
    root = qde(path)
    assert len([s for s in root.iter(f"{{{NS}}}PlainTextSelection")]) == 2
    assert [s.get("guid") for s in root.iter(f"{{{NS}}}PlainTextSelection")].count(FIRST) == 1
