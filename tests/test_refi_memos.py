"""A project's memos (Notes) and sets (Sets) are read, kept with the corpus and written again.

An evaluator takes an NVivo or ATLAS.ti project through kvaleval and back: the memos they wrote
and the document and code groups they made must still be there, attached to the same documents
and codes, though kvaleval writes its sources and codes under GUIDs of its own.
"""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import kvaleval as kv
from conftest import REFI_QDA
from kvaleval.coded import Coded
from kvaleval.errors import KvalevalWarning
from kvaleval.read.cache import load as load_cache
from kvaleval.read.cache import save as save_cache
from kvaleval.refi import check_qdpx, read_qdpx, read_qdpx_codebook, write_qdpx
from refi_builders import CODE_A, CODE_B, NS, SOURCE, USER, selection, spans

PROJECT_XSD = REFI_QDA / "schema" / "Project.xsd"
OTHER = "bbbbbbbb-0000-0000-0000-000000000002"
PLAN = "eeeeeeee-0000-0000-0000-000000000001"
FILED = "eeeeeeee-0000-0000-0000-000000000002"
LEADERS = "eeeeeeee-0000-0000-0000-000000000004"
TEXT = "I: Hvordan oplever du samarbejdet?\nR: Jeg har stor tillid til min leder. Men arbejdsmiljøet er hårdt.\n"
OTHER_TEXT = "I: Og du?\nR: Tilliden er stor, men ventetiden er lang.\n"
PLAN_TEXT = "Vi interviewer ledere først.\nSå medarbejderne."


def _project(path: Path) -> Path:
    """Two sources; a memo inline, attached to the first source and to a code; a memo in a file
    (BOM, CRLF) attached to a selection; a set of a source, a code, a memo and a picture."""
    (tillid,) = spans(TEXT, "tillid til min leder")
    end = "</PlainTextSelection>"
    noted = selection(1, *tillid).replace(end, f'<NoteRef targetGUID="{FILED}"/>{end}')
    qde = (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<Project xmlns="{NS}" name="Test" origin="MAXQDA 2022"><Users><User guid="{USER}" name="Karen"/></Users>'
        f'<CodeBook><Codes><Code guid="{CODE_A}" name="Tillid" isCodable="true"><Description>Om tillid</Description>'
        f'<NoteRef targetGUID="{PLAN}"/></Code>'
        f'<Code guid="{CODE_B}" name="Arbejdsmiljø" isCodable="true"/></Codes></CodeBook>'
        f'<Sources><TextSource guid="{SOURCE}" name="Interview 1.txt" plainTextPath="internal://{SOURCE}.txt">'
        f'{noted}<NoteRef targetGUID="{PLAN}"/></TextSource>'
        f'<TextSource guid="{OTHER}" name="Interview 2.txt" plainTextPath="internal://{OTHER}.txt"/>'
        '<PictureSource guid="ffffffff-0000-0000-0000-000000000001" name="foto.jpg" path="internal://foto.jpg"/>'
        "</Sources>"
        f'<Notes><Note guid="{PLAN.upper()}" name="Forskningsplan" creatingUser="{USER}" '
        'creationDateTime="2026-03-01T09:30:00Z"><Description>Planen</Description>'
        f"<PlainTextContent>{PLAN_TEXT}</PlainTextContent></Note>"
        f'<Note guid="{FILED}" name="Feltnoter" plainTextPath="internal://{FILED}.txt"/></Notes>'
        f'<Sets><Set guid="{LEADERS}" name="Ledere"><Description>Interview med ledere</Description>'
        f'<MemberCode targetGUID="{CODE_B}"/><MemberSource targetGUID="{SOURCE}"/>'
        '<MemberSource targetGUID="ffffffff-0000-0000-0000-000000000001"/>'
        f'<MemberNote targetGUID="{FILED}"/></Set>'
        '<Set guid="eeeeeeee-0000-0000-0000-000000000005" name="Tom"/></Sets></Project>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde.encode())
        archive.writestr(f"sources/{SOURCE}.txt", TEXT.encode())
        archive.writestr(f"sources/{OTHER}.txt", OTHER_TEXT.encode())
        archive.writestr(f"sources/{FILED}.txt", "\ufeffFørste dag.\r\nAnden dag.".encode())
    return path


def _annotated(path: Path) -> Path:
    """The project with two annotations (selections without a code) beside the coded one: one
    with a note by Karen, one bare (an ATLAS.ti free quotation)."""
    _project(path)
    (hard,) = spans(TEXT, "arbejdsmiljøet er hårdt")
    (leader,) = spans(TEXT, "min leder")
    annotations = (
        f'<PlainTextSelection guid="cccccccc-0000-0000-0000-000000000051" startPosition="{hard[0]}" '
        f'endPosition="{hard[1]}" creatingUser="{USER}"><Description>Spørg ind til det i næste runde'
        "</Description></PlainTextSelection>"
        f'<PlainTextSelection guid="cccccccc-0000-0000-0000-000000000052" startPosition="{leader[0]}" '
        f'endPosition="{leader[1]}"/>'
    )
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["project.qde"] = members["project.qde"].replace(
        f'<NoteRef targetGUID="{PLAN}"/></TextSource>'.encode(),
        f'{annotations}<NoteRef targetGUID="{PLAN}"/></TextSource>'.encode())
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _quiet(function, *args, **options):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        return function(*args, **options)


def _again(path: Path, out: Path, keep: list[str] | None = None) -> Path:
    corpus, codings = _quiet(read_qdpx, path)
    if keep is not None:
        corpus.documents = tuple(d for d in corpus.documents if d.doc_id in keep)
        corpus.segments = corpus.segments[corpus.segments["doc_id"].isin(keep)]
        codings = codings[codings["doc_id"].isin(keep)]
    return write_qdpx(Coded(corpus=corpus, codebook=_quiet(read_qdpx_codebook, path), codings=codings), out)


def _without_project(table: pd.DataFrame) -> list[dict[str, object]]:
    return table.drop(columns=["project"]).to_dict(orient="records")


def test_refi_memos_and_sets_are_read_with_names_for_guids(tmp_path: Path) -> None:
    corpus, _ = _quiet(read_qdpx, _project(tmp_path / "p.qdpx"))
    assert _without_project(corpus.memos) == [
        {"memo": "Forskningsplan", "text": PLAN_TEXT, "description": "Planen", "author": "Karen",
         "created": "2026-03-01T09:30:00Z", "documents": ("Interview 1",), "codes": ("Tillid",), "guid": PLAN,
         "selections": (), "codings": (), "memos": ()},
        {"memo": "Feltnoter", "text": "Første dag.\nAnden dag.", "description": "", "author": "", "created": "",
         "documents": (), "codes": (), "guid": FILED, "selections": ("cccccccc-0000-0000-0000-000000000001",),
         "codings": (), "memos": ()},
    ]
    assert _without_project(corpus.sets) == [
        {"set": "Ledere", "description": "Interview med ledere", "documents": ("Interview 1",),
         "codes": ("Arbejdsmiljø",), "memos": (FILED,), "guid": LEADERS},
        {"set": "Tom", "description": "", "documents": (), "codes": (), "memos": (),
         "guid": "eeeeeeee-0000-0000-0000-000000000005"},
    ]
    # the picture in the set: counted, not silently dropped (the memo on a selection is kept)
    lost = [note for note in corpus.notes["message"] if "W634" in note]
    assert len(lost) == 1 and " 1 henvisning(er)" in lost[0]
    assert not any("W629" in note for note in corpus.notes["message"])


def test_refi_memos_and_sets_are_written_again_and_read_back_the_same(tmp_path: Path) -> None:
    source = _project(tmp_path / "p.qdpx")
    path = _again(source, tmp_path / "igen.qdpx")
    assert check_qdpx(path, schema=PROJECT_XSD) == []
    before, _ = _quiet(read_qdpx, source)
    after, _ = _quiet(read_qdpx, path)
    assert _without_project(after.memos) == _without_project(before.memos)
    assert _without_project(after.sets) == _without_project(before.sets)
    # in the XML: the memo keeps its GUID; the source and the code refer to it by that GUID
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("project.qde"))
    ns = {"q": NS}
    assert root.find("q:Notes/q:Note[@name='Forskningsplan']", ns).get("guid") == PLAN  # type: ignore[union-attr]
    (interview,) = [s for s in root.iterfind("q:Sources/q:TextSource", ns) if s.get("name") == "Interview 1.txt"]
    assert [ref.get("targetGUID") for ref in interview.iterfind("q:NoteRef", ns)] == [PLAN]
    (code,) = [c for c in root.iter(f"{{{NS}}}Code") if c.get("name") == "Tillid"]
    assert [child.tag.split("}")[1] for child in code] == ["Description", "NoteRef"]
    users = {user.get("guid"): user.get("name") for user in root.iterfind("q:Users/q:User", ns)}
    creator = root.find("q:Notes/q:Note[@name='Forskningsplan']", ns).get("creatingUser")  # type: ignore[union-attr]
    assert users[creator] == "Karen"


def test_refi_memos_and_sets_reexport_is_byte_identical(tmp_path: Path) -> None:
    source = _project(tmp_path / "p.qdpx")
    first = _again(source, tmp_path / "a.qdpx").read_bytes()
    assert _again(source, tmp_path / "b.qdpx").read_bytes() == first


def test_refi_memos_references_to_documents_left_out_are_noted(tmp_path: Path) -> None:
    source = _project(tmp_path / "p.qdpx")
    with pytest.warns(KvalevalWarning, match=r"W606.*'Interview 1'"):
        path = _again(source, tmp_path / "del.qdpx", keep=["Interview 2"])
    assert check_qdpx(path, schema=PROJECT_XSD) == []
    after, _ = _quiet(read_qdpx, path)
    assert after.memos["memo"].tolist() == ["Forskningsplan", "Feltnoter"]  # the memos themselves stay
    assert after.memos["documents"].tolist() == [(), ()]
    assert after.sets.loc[0, "documents"] == ()
    assert after.sets.loc[0, "codes"] == ("Arbejdsmiljø",)


def test_refi_memos_travel_through_a_corpus_folder_and_its_cache(tmp_path: Path) -> None:
    folder = tmp_path / "korpus"
    folder.mkdir()
    _project(folder / "projekt.qdpx")
    corpus = _quiet(kv.read_corpus, folder)
    assert corpus.memos["documents"].tolist() == [("projekt/Interview 1",), ()]
    assert corpus.sets.loc[0, "documents"] == ("projekt/Interview 1",)
    assert corpus.memos["project"].tolist() == ["projekt.qdpx", "projekt.qdpx"]
    save_cache(corpus, tmp_path / "cache")
    loaded = load_cache(tmp_path / "cache")
    pd.testing.assert_frame_equal(loaded.memos, corpus.memos)
    pd.testing.assert_frame_equal(loaded.sets, corpus.sets)
    # and out again as a project, from a corpus coded by kvaleval
    coded = _quiet(kv.code, loaded, kv.read_codebook(Path(__file__).parents[1] / "codebooks" / "vollsmose.yaml"))
    path = _quiet(write_qdpx, coded, tmp_path / "ud.qdpx")
    assert check_qdpx(path, schema=PROJECT_XSD) == []
    back, _ = _quiet(read_qdpx, path)
    assert back.memos["documents"].tolist() == [("projekt/Interview 1",), ()]
    assert back.memos["codes"].tolist() == [(), ()]  # the code 'Tillid' is not in this codebook
    assert back.sets.loc[0, "documents"] == ("projekt/Interview 1",)


def test_refi_memos_of_the_atlas_sample_survive_a_round_trip(tmp_path: Path) -> None:
    from test_refi_reexport import _atlas_project, needs_shared

    if needs_shared.args[0]:
        pytest.skip("the shared REFI-QDA samples are not here")
    source = _atlas_project(tmp_path / "atlas.qdpx")
    before, _ = _quiet(read_qdpx, source)
    assert before.memos["memo"].tolist() == ["Research Plan", "My favorite Coke ad"]
    text_files = before.sets.set_index("set").loc["Text files", "documents"]
    assert len(text_files) == 6
    path = _again(source, tmp_path / "igen.qdpx")
    assert check_qdpx(path, schema=PROJECT_XSD) == []
    after, _ = _quiet(read_qdpx, path)
    assert _without_project(after.memos) == _without_project(before.memos)
    assert _without_project(after.sets) == _without_project(before.sets)


def test_refi_document_groups_named_as_variables_become_attributes(tmp_path: Path) -> None:
    # ATLAS.ti keeps document variables as groups: "gender: female" (8), "køn::kvinde" (9 and later).
    sets = (
        f'<Set guid="eeeeeeee-0000-0000-0000-000000000011" name="køn::kvinde">'
        f'<MemberSource targetGUID="{SOURCE}"/></Set>'
        f'<Set guid="eeeeeeee-0000-0000-0000-000000000012" name="gruppe: Borgere"><MemberSource targetGUID="{SOURCE}"/>'
        f'<MemberSource targetGUID="{OTHER}"/></Set>'
        f'<Set guid="eeeeeeee-0000-0000-0000-000000000013" name="køn: mand"><MemberSource targetGUID="{SOURCE}"/></Set>'
        f'<Set guid="eeeeeeee-0000-0000-0000-000000000014" name="Interview"><MemberSource targetGUID="{OTHER}"/></Set>'
        f'<Set guid="eeeeeeee-0000-0000-0000-000000000015" name="tema: tillid"><MemberCode targetGUID="{CODE_A}"/>'
        f'<MemberSource targetGUID="{OTHER}"/></Set>'
    )
    path = _project(tmp_path / "p.qdpx")
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["project.qde"] = members["project.qde"].replace(b"</Sets>", sets.encode() + b"</Sets>")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    corpus, _ = _quiet(read_qdpx, path)
    attributes = {document.doc_id: document.attributes_dict() for document in corpus.documents}
    assert attributes == {
        "Interview 1": {"køn": "kvinde", "gruppe": "Borgere", "respondent_group": "Borgere"},
        "Interview 2": {"gruppe": "Borgere", "respondent_group": "Borgere"},
    }
    assert [note for note in corpus.notes["message"] if "W624" in note and "'køn'" in note and "'mand'" in note]
    # the variable named as a group divides the tables, as a survey's column 'Gruppe' does (W029)
    assert [note for note in corpus.notes["message"] if "W029" in note and "'gruppe'" in note]
    respondents = corpus.segments[corpus.segments["speaker_role"] == "respondent"]
    assert set(respondents["respondent_group"]) == {"Borgere"}


def test_refi_annotations_are_read_and_written_again(tmp_path: Path) -> None:
    source = _annotated(tmp_path / "p.qdpx")
    corpus, codings = _quiet(read_qdpx, source)
    assert _without_project(corpus.annotations) == [
        {"doc_id": "Interview 1", "start": TEXT.index("arbejdsmiljøet"), "end": TEXT.index("arbejdsmiljøet") + 23,
         "text": "arbejdsmiljøet er hårdt", "description": "Spørg ind til det i næste runde", "author": "Karen",
         "guid": "cccccccc-0000-0000-0000-000000000051", "name": None},
        {"doc_id": "Interview 1", "start": TEXT.index("min leder"), "end": TEXT.index("min leder") + 9,
         "text": "min leder", "description": "", "author": "", "guid": "cccccccc-0000-0000-0000-000000000052",
         "name": None},
    ]
    assert codings["code"].tolist() == ["Tillid"]  # an annotation codes nothing
    path = _again(source, tmp_path / "igen.qdpx")
    assert check_qdpx(path, schema=PROJECT_XSD) == []
    after, after_codings = _quiet(read_qdpx, path)
    assert _without_project(after.annotations) == _without_project(corpus.annotations)
    assert after_codings["code"].tolist() == ["Tillid"]
    # and through a corpus folder and its cache
    folder = tmp_path / "korpus"
    folder.mkdir()
    _annotated(folder / "projekt.qdpx")
    read = _quiet(kv.read_corpus, folder)
    assert read.annotations["doc_id"].tolist() == ["projekt/Interview 1"] * 2
    save_cache(read, tmp_path / "cache")
    pd.testing.assert_frame_equal(load_cache(tmp_path / "cache").annotations, read.annotations)


def test_refi_annotation_on_a_changed_text_is_left_out_and_noted(tmp_path: Path) -> None:
    corpus, codings = _quiet(read_qdpx, _annotated(tmp_path / "p.qdpx"))
    corpus.annotations.loc[0, "text"] = "noget andet"  # as if the document no longer says it there
    with pytest.warns(KvalevalWarning, match=r"W606.*'Interview 1'"):
        path = write_qdpx(Coded(corpus=corpus, codebook=_quiet(read_qdpx_codebook, tmp_path / "p.qdpx"),
                                codings=codings), tmp_path / "ud.qdpx")
    after, _ = _quiet(read_qdpx, path)
    assert after.annotations["text"].tolist() == ["min leder"]


def _small(path: Path, *, notes: str = "", selections: str = "", codes: str | None = None) -> Path:
    """One source, one user, the codes given (default Tillid), and the notes given."""
    codes = codes if codes is not None else f'<Code guid="{CODE_A}" name="Tillid" isCodable="true"/>'
    qde = (f'<Project xmlns="{NS}" name="p" origin="QualCoder 3.5"><Users><User guid="{USER}" name="Anne"/></Users>'
           f"<CodeBook><Codes>{codes}</Codes></CodeBook>"
           f'<Sources><TextSource guid="{SOURCE}" name="int.txt" plainTextPath="internal://{SOURCE}.txt">'
           f"{selections}</TextSource></Sources>{notes}</Project>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde.encode())
        archive.writestr(f"sources/{SOURCE}.txt", TEXT.encode())
    return path


def test_refi_memos_with_one_guid_keep_their_own_texts(tmp_path: Path) -> None:
    notes = (f'<Notes><Note guid="{PLAN}" name="Første"><PlainTextContent>A</PlainTextContent></Note>'
             f'<Note guid="{PLAN}" name="Anden"><PlainTextContent>B</PlainTextContent></Note></Notes>')
    corpus, _ = _quiet(read_qdpx, _small(tmp_path / "p.qdpx", notes=notes))
    assert corpus.memos[["memo", "text"]].values.tolist() == [["Første", "A"], ["Anden", "B"]]
    assert [note for note in corpus.notes["message"] if "W636" in note and PLAN in note]
    path = _again(tmp_path / "p.qdpx", tmp_path / "igen.qdpx")
    assert check_qdpx(path, schema=PROJECT_XSD) == []  # the second memo gets a GUID of its own
    after, _ = _quiet(read_qdpx, path)
    assert after.memos[["memo", "text"]].values.tolist() == [["Første", "A"], ["Anden", "B"]]


def test_refi_memo_whose_file_is_missing_is_noted(tmp_path: Path) -> None:
    notes = f'<Notes><Note guid="{FILED}" name="Feltnoter" plainTextPath="internal://{FILED}.txt"/></Notes>'
    corpus, _ = _quiet(read_qdpx, _small(tmp_path / "p.qdpx", notes=notes))
    assert corpus.memos[["memo", "text"]].values.tolist() == [["Feltnoter", ""]]
    (note,) = [note for note in corpus.notes["message"] if "W635" in note]
    assert "Feltnoter" in note and f"internal://{FILED}.txt" in note


def test_refi_coding_comment_from_another_tool_is_written_as_it_was(tmp_path: Path) -> None:
    # It came back as "Kode: Tillid\nBegrundelse: Vigtig pointe.\nSe også ..." in the other tool.
    (tillid,) = spans(TEXT, "tillid til min leder")
    comment = "Vigtig pointe.\nSe også interview 3."
    both = (f'<Code guid="{CODE_A}" name="Tillid" isCodable="true"/>'
            f'<Code guid="{CODE_B}" name="Ledelse" isCodable="true"/>')
    marked = (f'<PlainTextSelection guid="cccccccc-0000-0000-0000-000000000001" startPosition="{tillid[0]}" '
              f'endPosition="{tillid[1]}" creatingUser="{USER}"><Description>{comment}</Description>'
              f'<Coding guid="dddddddd-0000-0000-0000-000000000001" creatingUser="{USER}">'
              f'<CodeRef targetGUID="{CODE_A}"/></Coding>'
              f'<Coding guid="dddddddd-0000-0000-0000-000000000002" creatingUser="{USER}">'
              f'<CodeRef targetGUID="{CODE_B}"/></Coding></PlainTextSelection>')
    source = _small(tmp_path / "p.qdpx", selections=marked, codes=both)
    path = _again(source, tmp_path / "igen.qdpx")
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("project.qde"))
    descriptions = [node.text for node in root.iter(f"{{{NS}}}Description")
                    if node.text and "pointe" in node.text]
    assert descriptions == [comment]
    _, codings = _quiet(read_qdpx, path)
    assert set(codings["why"]) == {comment} and len(codings) == 2


def test_refi_codes_of_one_name_under_two_parents_keep_their_names(tmp_path: Path) -> None:
    codes = ('<Code guid="aaaaaaaa-0000-0000-0000-0000000000a1" name="Borgere" isCodable="true">'
             '<Code guid="aaaaaaaa-0000-0000-0000-0000000000b1" name="Positivt" isCodable="true"/></Code>'
             '<Code guid="aaaaaaaa-0000-0000-0000-0000000000a2" name="Ledere" isCodable="true">'
             '<Code guid="aaaaaaaa-0000-0000-0000-0000000000b2" name="Positivt" isCodable="true"/></Code>')
    notes = (f'<Notes><Note guid="{PLAN}" name="Om koden"><PlainTextContent>x</PlainTextContent></Note></Notes>')
    source = _small(tmp_path / "p.qdpx", codes=codes.replace(
        'name="Positivt" isCodable="true"/></Code><Code guid="aaaaaaaa-0000-0000-0000-0000000000a2"',
        f'name="Positivt" isCodable="true"><NoteRef targetGUID="{PLAN}"/></Code></Code>'
        '<Code guid="aaaaaaaa-0000-0000-0000-0000000000a2"'), notes=notes)
    path = _again(source, tmp_path / "igen.qdpx")
    data = zipfile.ZipFile(path).read("project.qde")
    root = ET.fromstring(data)
    tree = {parent.get("name"): [child.get("name") for child in parent if child.tag == f"{{{NS}}}Code"]
            for parent in root.iter(f"{{{NS}}}Code") if parent.get("name") in ("Borgere", "Ledere")}
    assert tree == {"Borgere": ["Positivt"], "Ledere": ["Positivt"]}
    assert b"ns0:" not in data and b"ns1:" not in data  # the memo's NoteRef is written like every element
    assert check_qdpx(path, schema=PROJECT_XSD) == []
    assert _quiet(read_qdpx_codebook, path).names == _quiet(read_qdpx_codebook, source).names


def test_refi_focus_group_cases_are_each_participants_own(tmp_path: Path) -> None:
    # One case per participant on one source (NVivo, QualCoder): Ole's case was written with
    # Fatima's group, and both became the whole document's.
    text = "I: Hvad synes I?\nFatima: Ventetiden var lang.\nOle: Mentoren var god.\n"
    variable = "99999999-0000-0000-0000-000000000001"

    def case(number: int, name: str, value: str) -> str:
        return (f'<Case guid="77777777-0000-0000-0000-00000000000{number}" name="{name}"><VariableValue>'
                f'<VariableRef targetGUID="{variable}"/><TextValue>{value}</TextValue></VariableValue>'
                f'<SourceRef targetGUID="{SOURCE}"/></Case>')

    qde = (f'<Project xmlns="{NS}" name="p" origin="QualCoder 3.5"><Users><User guid="{USER}" name="Anne"/></Users>'
           f'<CodeBook><Codes><Code guid="{CODE_A}" name="Ventetid" isCodable="true"/></Codes></CodeBook>'
           f'<Variables><Variable guid="{variable}" name="Gruppe" typeOfVariable="Text"/></Variables>'
           f'<Cases>{case(3, "Fatima", "Borgere")}{case(4, "Ole", "Pårørende")}</Cases>'
           f'<Sources><TextSource guid="{SOURCE}" name="fokus.txt" plainTextPath="internal://{SOURCE}.txt"/>'
           "</Sources></Project>")
    path = tmp_path / "p.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde.encode())
        archive.writestr(f"sources/{SOURCE}.txt", text.encode())
    corpus, _ = _quiet(read_qdpx, path)
    respondents = corpus.segments[corpus.segments["speaker_role"] == "respondent"].set_index("speaker")
    assert respondents["Gruppe"].to_dict() == {"Fatima": "Borgere", "Ole": "Pårørende"}
    assert respondents["respondent_group"].to_dict() == {"Fatima": "Borgere", "Ole": "Pårørende"}
    assert not [note for note in corpus.notes["message"] if "W624" in note]
    # written again: each participant's case has their own value
    codings = _quiet(read_qdpx, path)[1]
    out = write_qdpx(Coded(corpus=corpus, codebook=_quiet(read_qdpx_codebook, path), codings=codings),
                     tmp_path / "igen.qdpx")
    root = ET.fromstring(zipfile.ZipFile(out).read("project.qde"))
    names = {v.get("guid"): v.get("name") for v in root.iter(f"{{{NS}}}Variable")}
    cases = {}
    for node in root.iter(f"{{{NS}}}Case"):
        values = {names[value.find(f"{{{NS}}}VariableRef").get("targetGUID")]: value.find(f"{{{NS}}}TextValue").text
                  for value in node.iter(f"{{{NS}}}VariableValue")}
        cases[node.get("name")] = values.get("Gruppe")
    assert cases == {"Fatima": "Borgere", "Ole": "Pårørende"}
