"""What a user brings from another tool comes back out of kvaleval: a source's description, the
project's description and the project's own cases (names, descriptions, GUIDs, typed variables,
whole sources and passages); what cannot (times, idle users) is said in ``corpus.notes``."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd

import kvaleval as kv
from conftest import REFI_QDA
from kvaleval.coded import Coded
from kvaleval.read.cache import load as load_cache
from kvaleval.read.cache import save as save_cache
from kvaleval.refi import check_qdpx, read_qdpx, write_qdpx
from refi_audit import _quiet, qde, written_again
from refi_builders import CODE_A, NS, SOURCE, USER, selection, spans

PROJECT_XSD = REFI_QDA / "schema" / "Project.xsd"
NVIVO = REFI_QDA / "samples" / "nvivo-12.6_oltas0517.qdpx"
AGE = "99999999-0000-0000-0000-000000000001"
GROUP = "99999999-0000-0000-0000-000000000002"
FATIMA = "77777777-0000-0000-0000-000000000001"
OLE = "77777777-0000-0000-0000-000000000002"
HOUSE = "77777777-0000-0000-0000-000000000003"
UNCODED = "cccccccc-0000-0000-0000-000000000099"
TEXT = ("I: Hvordan var forløbet?\nFatima: Ventetiden var alt for lang, synes jeg.\n"
        "Ole: Personalet var venligt og tog sig tid.\n")
Q = {"q": NS}


def _project(path: Path) -> Path:
    """A QualCoder-like focus group: a file memo on the source, a project memo, a case for the
    household (whole source, typed variables, a description) and one per participant that takes
    in their passages (SelectionRef): Fatima's coded, Ole's not."""
    (fatima, ole) = spans(TEXT, "Ventetiden var alt for lang", "Personalet var venligt")
    coded = selection(1, *fatima)
    uncoded = (f'<PlainTextSelection guid="{UNCODED}" startPosition="{ole[0]}" endPosition="{ole[1]}" '
               f'creatingUser="{USER}"/>')

    def value(variable: str, kind: str, text: str) -> str:
        return f'<VariableValue><VariableRef targetGUID="{variable}"/><{kind}Value>{text}</{kind}Value></VariableValue>'

    project = (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<Project xmlns="{NS}" name="Fokusgrupper" origin="QualCoder 3.6" creationDateTime="2025-05-01T10:00:00Z">'
        f'<Users><User guid="{USER}" name="Anne"/></Users>'
        f'<CodeBook><Codes><Code guid="{CODE_A}" name="Ventetid" isCodable="true"/></Codes></CodeBook>'
        f'<Variables><Variable guid="{AGE}" name="Alder" typeOfVariable="Integer"/>'
        f'<Variable guid="{GROUP}" name="Gruppe" typeOfVariable="Text"/></Variables>'
        f'<Cases><Case guid="{HOUSE}" name="Husstand 7"><Description>Interviewet hjemme</Description>'
        f'{value(GROUP, "Text", "Borgere")}<SourceRef targetGUID="{SOURCE}"/></Case>'
        f'<Case guid="{FATIMA}" name="Deltager F"><Description>Kom sent</Description>{value(AGE, "Integer", "34")}'
        f'<SelectionRef targetGUID="cccccccc-0000-0000-0000-000000000001"/></Case>'
        f'<Case guid="{OLE}" name="Deltager O">{value(AGE, "Integer", "71")}'
        f'<SelectionRef targetGUID="{UNCODED}"/></Case></Cases>'
        f'<Sources><TextSource guid="{SOURCE}" name="fokus.txt" plainTextPath="internal://{SOURCE}.txt" '
        f'creatingUser="{USER}" creationDateTime="2025-05-02T08:00:00Z"><Description>Optaget på mobil; '
        f'lyden svigtede til sidst</Description>{coded}{uncoded}</TextSource></Sources>'
        "<Description>Evaluering af ventetider, runde 2</Description></Project>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", project.encode())
        archive.writestr(f"sources/{SOURCE}.txt", TEXT.encode())
    return path


def test_refi_source_and_project_descriptions_come_back(tmp_path: Path) -> None:
    path = written_again(_project(tmp_path / "p.qdpx"), tmp_path / "ud.qdpx")
    assert check_qdpx(path, schema=PROJECT_XSD) == []
    root = qde(path)
    (source,) = root.iterfind("q:Sources/q:TextSource", Q)
    assert source.findtext("q:Description", namespaces=Q) == "Optaget på mobil; lyden svigtede til sidst"
    description = root.findtext("q:Description", namespaces=Q) or ""
    assert description.startswith("Evaluering af ventetider, runde 2\n\nEksporteret af kvaleval")
    back, _ = _quiet(read_qdpx, path)
    assert back.document("fokus").description == "Optaget på mobil; lyden svigtede til sidst"
    # written again, the project's description is not doubled, and the file is the same
    again = written_again(path, tmp_path / "igen.qdpx")
    assert qde(again).findtext("q:Description", namespaces=Q) == description
    assert again.read_bytes() == path.read_bytes()


def test_refi_project_cases_come_back_with_guids_names_descriptions_and_variables(tmp_path: Path) -> None:
    corpus, _ = _quiet(read_qdpx, _project(tmp_path / "p.qdpx"))
    assert corpus.cases[["case", "description", "documents", "variables", "guid"]].to_dict("records") == [
        {"case": "Husstand 7", "description": "Interviewet hjemme", "documents": ("fokus",),
         "variables": (("Gruppe", "Borgere"),), "guid": HOUSE},
        {"case": "Deltager F", "description": "Kom sent", "documents": (), "variables": (("Alder", "34"),),
         "guid": FATIMA},
        {"case": "Deltager O", "description": "", "documents": (), "variables": (("Alder", "71"),), "guid": OLE},
    ]
    path = written_again(tmp_path / "p.qdpx", tmp_path / "ud.qdpx")
    assert check_qdpx(path, schema=PROJECT_XSD) == []
    root = qde(path)
    variables = {v.get("guid"): (v.get("name"), v.get("typeOfVariable")) for v in root.iter(f"{{{NS}}}Variable")}
    cases = {}
    for case in root.iterfind("q:Cases/q:Case", Q):
        values = {variables[v.find("q:VariableRef", Q).get("targetGUID")]: v[1].text  # type: ignore[union-attr]
                  for v in case.iterfind("q:VariableValue", Q)}
        cases[case.get("guid")] = (case.get("name"), case.findtext("q:Description", namespaces=Q), values)
    # the project's own cases only: no 'fokus: Fatima' beside them
    assert cases == {
        HOUSE: ("Husstand 7", "Interviewet hjemme", {("Gruppe", "Text"): "Borgere"}),
        FATIMA: ("Deltager F", "Kom sent", {("Alder", "Integer"): "34"}),
        OLE: ("Deltager O", None, {("Alder", "Integer"): "71"}),
    }


def test_refi_cases_of_passages_refer_to_the_same_text(tmp_path: Path) -> None:
    path = written_again(_project(tmp_path / "p.qdpx"), tmp_path / "ud.qdpx")
    root = qde(path)
    (source,) = root.iterfind("q:Sources/q:TextSource", Q)
    selections = {s.get("guid"): s for s in source.iterfind("q:PlainTextSelection", Q)}
    house = root.find(f"q:Cases/q:Case[@guid='{HOUSE}']", Q)
    assert [ref.get("targetGUID") for ref in house.iterfind("q:SourceRef", Q)] == [source.get("guid")]  # type: ignore[union-attr]
    found = {}
    for guid in (FATIMA, OLE):
        (ref,) = root.find(f"q:Cases/q:Case[@guid='{guid}']", Q).iterfind("q:SelectionRef", Q)  # type: ignore[union-attr]
        target = selections[ref.get("targetGUID")]
        found[guid] = (TEXT[int(target.get("startPosition", "")):int(target.get("endPosition", ""))],
                       len(target.findall("q:Coding", Q)))
    # Fatima's passage is the coded selection kvaleval writes; Ole's is written without a code
    assert found == {FATIMA: ("Ventetiden var alt for lang", 1), OLE: ("Personalet var venligt", 0)}
    back, _ = _quiet(read_qdpx, path)
    assert [tuple(p[:3] for p in passages) for passages in back.cases["passages"]] == [
        (), (("fokus", *spans(TEXT, "Ventetiden var alt for lang")[0]),),
        (("fokus", *spans(TEXT, "Personalet var venligt")[0]),)]
    assert written_again(path, tmp_path / "igen.qdpx").read_bytes() == path.read_bytes()


def test_refi_cases_and_descriptions_travel_through_a_corpus_folder_and_its_cache(tmp_path: Path) -> None:
    folder = tmp_path / "korpus"
    folder.mkdir()
    _project(folder / "fokus.qdpx")
    corpus = _quiet(kv.read_corpus, folder)
    assert corpus.cases["documents"].tolist() == [("fokus/fokus",), (), ()]
    save_cache(corpus, tmp_path / "cache")
    loaded = load_cache(tmp_path / "cache")
    pd.testing.assert_frame_equal(loaded.projects, corpus.projects)
    assert loaded.document("fokus/fokus").description == "Optaget på mobil; lyden svigtede til sidst"
    coded = _quiet(kv.code, loaded, kv.read_codebook(Path(__file__).parents[1] / "codebooks" / "vollsmose.yaml"))
    path = _quiet(write_qdpx, coded, tmp_path / "ud.qdpx")
    assert check_qdpx(path, schema=PROJECT_XSD) == []
    back, _ = _quiet(read_qdpx, path)
    assert back.cases[["case", "variables", "guid"]].to_dict("records") == \
        corpus.cases[["case", "variables", "guid"]].to_dict("records")
    assert [tuple(p[:3] for p in passages) for passages in back.cases["passages"]] == [
        (), (("fokus/fokus", *spans(TEXT, "Ventetiden var alt for lang")[0]),),
        (("fokus/fokus", *spans(TEXT, "Personalet var venligt")[0]),)]


def test_refi_kvalevals_own_cases_are_not_read_as_the_projects(tmp_path: Path) -> None:
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "borger1.txt").write_text("I: Hvordan?\nB: Ventetiden er lang.\n", encoding="utf-8")
    coded = _quiet(kv.code, _quiet(kv.read_corpus, folder), kv.read_codebook(
        Path(__file__).parents[1] / "codebooks" / "vollsmose.yaml"))
    first = _quiet(write_qdpx, coded, tmp_path / "a.qdpx")
    corpus, codings = _quiet(read_qdpx, first)
    assert corpus.cases.empty
    again = _quiet(write_qdpx, Coded(corpus=corpus, codebook=coded.codebook, codings=codings), tmp_path / "b.qdpx",
                   name="korpus")
    assert again.read_bytes() == first.read_bytes()


def test_refi_idle_users_come_back_and_times_are_noted(tmp_path: Path) -> None:
    corpus, codings = _quiet(read_qdpx, NVIVO)
    messages = " ".join(corpus.notes["message"])
    assert "[W640]" in messages and "608 element(er)" in messages
    assert set(codings["coder"]) == {"Gergo"}  # 'floriansipos' made the project but coded nothing
    path = written_again(NVIVO, tmp_path / "ud.qdpx")
    assert check_qdpx(path, schema=PROJECT_XSD) == []
    assert {user.get("name") for user in qde(path).iterfind("q:Users/q:User", Q)} == {
        "kvaleval", "Gergo", "floriansipos"}
    assert written_again(path, tmp_path / "igen.qdpx").read_bytes() == path.read_bytes()
    corpus, _ = _quiet(read_qdpx, path)
    assert not [m for m in corpus.notes["message"] if "[W640]" in m]


def test_refi_source_variables_go_back_on_the_source(tmp_path: Path) -> None:
    # MAXQDA writes document variables on the TextSource; they came back only on kvaleval's
    # respondent cases, so MAXQDA read them as case variables, not as its document variables
    (tillid,) = spans(TEXT, "Ventetiden var alt for lang")
    project = (
        f'<Project xmlns="{NS}" name="m" origin="MAXQDA 2022 (Release 22.4.0)"><Users><User guid="{USER}" '
        f'name="Karen"/></Users><CodeBook><Codes><Code guid="{CODE_A}" name="Ventetid" isCodable="true"/></Codes>'
        f'</CodeBook><Variables><Variable guid="{AGE}" name="Alder" typeOfVariable="Integer"/>'
        f'<Variable guid="{GROUP}" name="Bydel" typeOfVariable="Text"/></Variables>'
        f'<Sources><TextSource guid="{SOURCE}" name="fokus" plainTextPath="internal://{SOURCE}.txt">'
        f'{selection(1, *tillid)}'
        f'<VariableValue><VariableRef targetGUID="{AGE}"/><IntegerValue>52</IntegerValue></VariableValue>'
        f'<VariableValue><VariableRef targetGUID="{GROUP}"/><TextValue>Nord</TextValue></VariableValue>'
        "</TextSource></Sources></Project>"
    )
    source = tmp_path / "m.qdpx"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("project.qde", project.encode())
        archive.writestr(f"sources/{SOURCE}.txt", TEXT.encode())
    corpus, _ = _quiet(read_qdpx, source)
    assert corpus.document("fokus").source_variables == (("Alder", "52"), ("Bydel", "Nord"))
    path = written_again(source, tmp_path / "ud.qdpx")
    assert check_qdpx(path, schema=PROJECT_XSD) == []
    root = qde(path)
    variables = {v.get("guid"): (v.get("name"), v.get("typeOfVariable")) for v in root.iter(f"{{{NS}}}Variable")}
    (written,) = root.iterfind("q:Sources/q:TextSource", Q)
    assert [(variables[v.find("q:VariableRef", Q).get("targetGUID")], v[1].tag.split("}")[1], v[1].text)  # type: ignore[union-attr]
            for v in written.iterfind("q:VariableValue", Q)] == [
        (("Alder", "Integer"), "IntegerValue", "52"), (("Bydel", "Text"), "TextValue", "Nord")]
    back, _ = _quiet(read_qdpx, path)
    assert back.document("fokus").source_variables == (("Alder", "52"), ("Bydel", "Nord"))
    assert written_again(path, tmp_path / "igen.qdpx").read_bytes() == path.read_bytes()
    save_cache(back, tmp_path / "cache")
    assert load_cache(tmp_path / "cache").document("fokus").source_variables == (("Alder", "52"), ("Bydel", "Nord"))


def test_refi_case_references_to_what_is_not_read_are_noted(tmp_path: Path) -> None:
    picture = "ffffffff-0000-0000-0000-000000000001"
    source = _project(tmp_path / "p.qdpx")
    with zipfile.ZipFile(source) as archive:
        project = archive.read("project.qde").decode()
        text = archive.read(f"sources/{SOURCE}.txt")
    project = project.replace(f'<SourceRef targetGUID="{SOURCE}"/>', f'<SourceRef targetGUID="{SOURCE}"/>'
                      f'<SourceRef targetGUID="{picture}"/><SelectionRef targetGUID="{picture}"/>')
    project = project.replace("</Sources>", f'<PictureSource guid="{picture}" name="foto.jpg" '
                      'path="internal://foto.jpg"/></Sources>')
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("project.qde", project.encode())
        archive.writestr(f"sources/{SOURCE}.txt", text)
    corpus, _ = _quiet(read_qdpx, source)
    assert [m for m in corpus.notes["message"] if "[W641]" in m] == [
        f"[W641] {source}: 2 henvisning(er) fra cases til noget, kvaleval ikke læser (billeder, lyd, video, "
        "markeringer uden for teksten, ukendte GUID'er), er ikke med i corpus.cases og skrives ikke med igen; "
        "casene selv er med."]
    assert corpus.cases.loc[0, "documents"] == ("fokus",)
