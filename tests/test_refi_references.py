"""Round 3 of lossless REFI-QDA exchange: references that were dropped without a word - a case's codes
(``CodeRef`` in ``Case``), a user's initials (``User/@id``), the project's own memo (``NoteRef`` in
``Project``), a memo on a memo (``NoteRef`` in ``Note``) - are carried, through the segment cache too;
what a coded memo holds is said (W645)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import kvaleval as kv
from conftest import REFI_QDA
from kvaleval.read.cache import load as load_cache
from kvaleval.read.cache import save as save_cache
from kvaleval.refi import check_qdpx, read_qdpx
from refi_audit import _quiet, qde, written_again
from test_refi_audit import ANNE, CASE, CODE_MEMO, JOURNAL, OTHER, build

NS = "urn:QDA-XML:project:1.0"
Q = {"q": NS}
PROJECT_XSD = REFI_QDA / "schema" / "Project.xsd"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "korpus"
    folder.mkdir()
    return build("qualcoder", folder / "ventetider.qdpx")


def test_refi_a_cases_codes_are_carried(project: Path, tmp_path: Path) -> None:
    corpus, _ = _quiet(read_qdpx, project)
    assert corpus.cases.set_index("guid").loc[CASE, "codes"] == ("Tillid",)
    path = written_again(project, tmp_path / "ud.qdpx")
    assert check_qdpx(path, schema=PROJECT_XSD) == []
    (case,) = [node for node in qde(path).iter(f"{{{NS}}}Case") if node.get("guid") == CASE]
    assert [ref.get("targetGUID") for ref in case.iterfind("q:CodeRef", Q)] == [OTHER]


def test_refi_a_users_initials_are_carried(project: Path, tmp_path: Path) -> None:
    corpus, _ = _quiet(read_qdpx, project)
    assert corpus.projects["user_ids"].tolist() == [("AN", "", "")]
    users = {user.get("guid"): user.get("id") for user in qde(written_again(project, tmp_path / "ud.qdpx")).iter(
        f"{{{NS}}}User")}
    assert users[ANNE] == "AN" and list(users.values()).count(None) == len(users) - 1


def test_refi_the_projects_memo_and_a_memo_on_a_memo_are_carried(project: Path, tmp_path: Path) -> None:
    corpus, _ = _quiet(read_qdpx, project)
    assert corpus.projects["memos"].tolist() == [(JOURNAL,)]
    assert corpus.memos.set_index("guid").loc[CODE_MEMO, "memos"] == (JOURNAL,)  # the journal refers to it
    assert not any("W634" in note for note in corpus.notes["message"])
    root = qde(written_again(project, tmp_path / "ud.qdpx"))
    assert [ref.get("targetGUID") for ref in root.iterfind("q:NoteRef", Q)] == [JOURNAL]
    (journal,) = [note for note in root.iter(f"{{{NS}}}Note") if note.get("guid") == JOURNAL]
    assert [ref.get("targetGUID") for ref in journal.iterfind("q:NoteRef", Q)] == [CODE_MEMO]


def test_refi_the_new_references_survive_the_segment_cache(project: Path, tmp_path: Path) -> None:
    corpus = _quiet(kv.read_corpus, project.parent)
    save_cache(corpus, tmp_path / "cache")
    loaded = load_cache(tmp_path / "cache")
    assert ("Tillid",) in loaded.cases["codes"].tolist()
    assert loaded.cases["codes"].tolist() == corpus.cases["codes"].tolist()
    assert loaded.projects[["user_ids", "memos"]].values.tolist() == [[("AN", "", ""), (JOURNAL,)]]
    assert loaded.memos["memos"].tolist() == corpus.memos["memos"].tolist()


def test_refi_a_coded_memo_is_said_not_silently_dropped(project: Path) -> None:
    corpus, _ = _quiet(read_qdpx, project)
    said = [note for note in corpus.notes["message"] if "W645" in note]
    assert len(said) == 1 and ": 1 markering(er)" in said[0]


def _patched(path: Path, *replacements: tuple[str, str]) -> Path:
    """The project at ``path`` with its project.qde changed, written back with zipfile."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    text = members["project.qde"].decode()
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    members["project.qde"] = text.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_refi_two_sources_of_one_name_in_a_project_keep_it(project: Path, tmp_path: Path) -> None:
    # MAXQDA: 'Interview 1.txt' in two document groups; the second was written as 'Interview 1.txt-2'
    _patched(project, ('name="Interview 2.docx"', 'name="Interview 1.txt"'))
    names = [source.get("name") for source in qde(written_again(project, tmp_path / "ud.qdpx")).iter(
        f"{{{NS}}}TextSource")]
    assert names.count("Interview 1.txt") == 2


def test_refi_two_variables_of_one_name_are_said(project: Path) -> None:
    # NVivo: one attribute name in two classifications; the second variable went without a word
    _patched(project, ("</Variables>", '<Variable guid="99999999-0000-0000-0000-0000000000f7" name="Text-variabel" '
                                       'typeOfVariable="Integer"/></Variables>'))
    corpus, _ = _quiet(read_qdpx, project)
    said = [note for note in corpus.notes["message"] if "W646" in note]
    assert len(said) == 1 and "'Text-variabel'" in said[0]


def test_refi_a_selection_or_memo_by_an_unlisted_user_keeps_its_maker(project: Path, tmp_path: Path) -> None:
    # a maker or author the project's Users do not list was dropped unsaid (the selection went to its coder,
    # the memo had no author); now named by the GUID, listed under Users with it and said (W647)
    ghost = "11111111-0000-0000-0000-0000000000ff"
    memo = 'name="Feltnote" creatingUser="11111111-0000-0000-0000-00000000000b"'
    selection = ('guid="cccccccc-0000-0000-0000-000000000004" startPosition="24" endPosition="55" '
                 'creatingUser="11111111-0000-0000-0000-00000000000b"')
    _patched(project, (memo, memo.replace("00000000000b", "0000000000ff")),
             (selection, selection.replace("00000000000b", "0000000000ff")))
    corpus, _ = _quiet(read_qdpx, project)
    said = [note for note in corpus.notes["message"] if "W647" in note]
    assert len(said) == 1 and ": 2 markering(er) og memo(er)" in said[0] and ghost in said[0]
    root = qde(written_again(project, tmp_path / "ud.qdpx"))
    made = {node.get("guid"): node.get("creatingUser") for node in root.iter()
            if node.get("guid") in ("cccccccc-0000-0000-0000-000000000004", "eeeeeeee-0000-0000-0000-000000000002")}
    assert set(made.values()) == {ghost}
    assert {user.get("guid"): user.get("name") for user in root.iter(f"{{{NS}}}User")}[ghost] == ghost
