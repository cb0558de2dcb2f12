"""Writing REFI-QDA projects: valid, exact members, stable bytes, what goes where."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from conftest import REFI_QDA
from kvaleval.coded import Coded
from kvaleval.errors import KvalevalWarning
from kvaleval.records import Code, Codebook
from kvaleval.refi import check_qdpx, write_qdpx
from kvaleval.refi._xml import parse_xml

SHARED = REFI_QDA
PROJECT_XSD = SHARED / "schema" / "Project.xsd"
needs_shared = pytest.mark.skipif(not PROJECT_XSD.is_file(), reason="tests/data/refi-qda is not here")

INTERVIEW = (
    "I: Hvordan oplever I ventetiden på familievejledningen?\n"
    "B: Den er alt for lang 😤. Vi ventede tre måneder, og så blev sønnen afvist.\n"
    "I: Hvad med medarbejderne?\n"
    "B: Dem har jeg stor tillid til – især Åse. 👍🏽 Hun ringer altid tilbage.\n"
)


@pytest.fixture
def coded(tmp_path: Path) -> Coded:
    from kvaleval.read import read_corpus

    folder = tmp_path / "korpus"
    (folder / "interviews").mkdir(parents=True)
    (folder / "interviews" / "borger01.txt").write_text(INTERVIEW, "utf-8")
    (folder / "metadata.csv").write_text(
        "file,respondent_group,kommune\ninterviews/borger01.txt,borger,Odense\n", "utf-8"
    )
    corpus = read_corpus(folder)
    codebook = Codebook(
        name="test",
        codes=(
            Code("ventetid", label="Ventetid", definition="Om ventetid", color="#E07A5F"),
            Code("tillid", definition="Tillid til medarbejdere", parent="ventetid"),
        ),
    )
    codings = pd.DataFrame(
        [
            (
                "interviews/borger01#1",
                "interviews/borger01",
                "ventetid",
                "rules",
                0.8,
                "negativ",
                "termer: ventede",
            ),
            (
                "interviews/borger01#1",
                "interviews/borger01",
                "tillid",
                "rules",
                0.4,
                "",
                "termer: afvist",
            ),
            (
                "interviews/borger01#1",
                "interviews/borger01",
                "ventetid",
                "Hanne",
                1.0,
                "negativ",
                "",
            ),
            (
                "interviews/borger01#3",
                "interviews/borger01",
                "tillid",
                "Hanne",
                1.0,
                "positiv",
                "klart\nudsagn",
            ),
        ],
        columns=["segment_id", "doc_id", "code", "coder", "score", "valence", "why"],
    )
    return Coded(corpus=corpus, codebook=codebook, codings=codings)


@needs_shared
def test_refi_export_validates_and_passes_checks(coded: Coded, tmp_path: Path) -> None:
    path = write_qdpx(coded, tmp_path / "ud" / "projekt.qdpx")
    assert check_qdpx(path, schema=PROJECT_XSD) == []


def test_refi_export_members_are_exact(coded: Coded, tmp_path: Path) -> None:
    path = write_qdpx(coded, tmp_path / "projekt.qdpx")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert names[0] == "project.qde"
        assert all(re.fullmatch(r"sources/[0-9a-f-]{36}\.txt", name) for name in names[1:])
        source = archive.read(names[1])
    assert source == INTERVIEW.encode("utf-8")
    assert not source.startswith(b"\xef\xbb\xbf") and b"\r" not in source


def test_refi_export_is_byte_identical_across_runs(coded: Coded, tmp_path: Path) -> None:
    first = write_qdpx(coded, tmp_path / "a.qdpx", name="projekt").read_bytes()
    second = write_qdpx(coded, tmp_path / "b.qdpx", name="projekt").read_bytes()
    assert first == second


def test_refi_export_leaves_no_temporary_files(coded: Coded, tmp_path: Path) -> None:
    folder = tmp_path / "ud"
    write_qdpx(coded, folder / "projekt.qdpx")
    write_qdpx(coded, folder / "projekt.qdpx")
    assert [p.name for p in folder.iterdir()] == ["projekt.qdpx"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["korpus", "ud"]


def _root(path: Path):  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(path) as archive:
        return parse_xml(archive.read("project.qde"), path=str(path), member="project.qde")


def _all(root, tag: str) -> list:  # type: ignore[no-untyped-def,type-arg]
    return [node for node in root.iter() if node.tag.endswith(tag)]


def test_refi_export_users_selections_and_codings(coded: Coded, tmp_path: Path) -> None:
    root = _root(write_qdpx(coded, tmp_path / "p.qdpx"))
    users = {u.get("name"): u.get("guid") for u in _all(root, "User")}
    assert set(users) == {"kvaleval", "Hanne", "rules"}
    selections = _all(root, "PlainTextSelection")
    # segment 1 coded by rules (2 codes) and by Hanne; segment 3 by Hanne
    assert len(selections) == 3
    text = coded.corpus.documents[0].text
    by_user = {(s.get("creatingUser"), s.get("startPosition")): s for s in selections}
    segment = coded.segments.set_index("segment_id").loc["interviews/borger01#1"]
    rules = by_user[(users["rules"], str(segment["start"]))]
    assert int(rules.get("endPosition")) == segment["end"]
    assert text[int(rules.get("startPosition")) : int(rules.get("endPosition"))] == segment["text"]
    assert len([c for c in rules if c.tag.endswith("Coding")]) == 2
    assert all(c.get("creatingUser") == users["rules"] for c in rules if c.tag.endswith("Coding"))
    memo = next(c.text for c in rules if c.tag.endswith("Description"))
    assert "Kode: ventetid\nValens: negativ\nScore: 0.8\nBegrundelse: termer: ventede" in memo
    hanne = [s for s in selections if s.get("creatingUser") == users["Hanne"]]
    assert len(hanne) == 2


def test_refi_export_cases_per_respondent_with_variables(coded: Coded, tmp_path: Path) -> None:
    root = _root(write_qdpx(coded, tmp_path / "p.qdpx"))
    variables = {v.get("guid"): v.get("name") for v in _all(root, "Variable")}
    assert {"respondent_group", "kommune"} <= set(variables.values())
    cases = _all(root, "Case")
    assert [case.get("name") for case in cases] == ["interviews/borger01: B"]
    values = {variables[v[0].get("targetGUID")]: v[1].text for v in _all(cases[0], "VariableValue")}
    assert values["respondent_group"] == "borger" and values["kommune"] == "Odense"
    source = _all(root, "TextSource")[0]
    assert _all(cases[0], "SourceRef")[0].get("targetGUID") == source.get("guid")


def test_refi_export_codebook_nested_with_description(coded: Coded, tmp_path: Path) -> None:
    root = _root(write_qdpx(coded, tmp_path / "p.qdpx"))
    top = [c for c in _all(root, "Codes")[0] if c.tag.endswith("Code")]
    assert [c.get("name") for c in top] == ["ventetid"]
    assert top[0].get("color") == "#E07A5F"
    assert [c.get("name") for c in top[0] if c.tag.endswith("Code")] == ["tillid"]
    assert top[0][0].text == "Etiket: Ventetid\nDefinition: Om ventetid"


def test_refi_export_unknown_codes_are_added_with_warning(coded: Coded, tmp_path: Path) -> None:
    extra = pd.DataFrame(
        [("interviews/borger01#3", "interviews/borger01", "nyt_tema", "Hanne", 1.0, "", "")],
        columns=coded.codings.columns,
    )
    coded.codings = pd.concat([coded.codings, extra], ignore_index=True)
    with pytest.warns(KvalevalWarning, match="W605.*nyt_tema"):
        path = write_qdpx(coded, tmp_path / "p.qdpx")
    assert "nyt_tema" in [c.get("name") for c in _all(_root(path), "Code")]


def test_refi_export_codings_on_unknown_segments_are_reported(coded: Coded, tmp_path: Path) -> None:
    extra = pd.DataFrame(
        [("interviews/borger01#99", "interviews/borger01", "tillid", "Hanne", 1.0, "", "")],
        columns=coded.codings.columns,
    )
    coded.codings = pd.concat([coded.codings, extra], ignore_index=True)
    with pytest.warns(KvalevalWarning, match="W604"):
        write_qdpx(coded, tmp_path / "p.qdpx")


def test_refi_export_description_mentions_personal_data(coded: Coded, tmp_path: Path) -> None:
    root = _root(write_qdpx(coded, tmp_path / "p.qdpx"))
    description = next(node for node in root if node.tag.endswith("Description")).text
    assert "personoplysninger" in description


def test_refi_export_fixed_and_given_timestamps(coded: Coded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _root(write_qdpx(coded, tmp_path / "p.qdpx"))
    assert root.get("creationDateTime") == "1980-01-01T00:00:00Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = _root(write_qdpx(coded, tmp_path / "q.qdpx"))
    assert root.get("creationDateTime") == "2023-11-14T22:13:20Z"


@needs_shared
def test_refi_export_types_variables_by_their_values(tmp_path: Path) -> None:
    # Every variable went out as Text: NVivo and QualCoder could not sort or filter ages and dates,
    # and an Integer attribute read from NVivo's project came back as Text.
    from kvaleval.read import read_corpus
    from kvaleval.refi import read_qdpx

    folder = tmp_path / "korpus"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(INTERVIEW, "utf-8")
    (folder / "metadata.csv").write_text(
        "file,respondent_group,alder,interviewdato,andel,postnr,fulgt,tid\n"
        "a.txt,borger,34,2024-03-01,0.5,0123,true,2024-03-01T10:00:00Z\n"
        "b.txt,borger,71,2024-02-30,1,5240,false,2024-03-02T11:30:00Z\n", "utf-8")
    coded = Coded(corpus=read_corpus(folder), codebook=Codebook(name="t", codes=(Code("ventetid"),)),
                  codings=pd.DataFrame(columns=["segment_id", "doc_id", "code", "coder", "score", "valence", "why"]))
    path = write_qdpx(coded, tmp_path / "p.qdpx")
    assert check_qdpx(path, schema=PROJECT_XSD) == []
    root = _root(path)
    types = {v.get("name"): v.get("typeOfVariable") for v in _all(root, "Variable")}
    # 2024-02-30 is no date; a leading zero keeps a code text
    assert types == {"respondent_group": "Text", "alder": "Integer", "interviewdato": "Text", "andel": "Float",
                     "postnr": "Text", "fulgt": "Boolean", "tid": "DateTime"}
    ages = [v[1] for v in _all(root, "VariableValue") if v[1].tag.endswith("IntegerValue")]
    assert sorted(age.text for age in ages) == ["34", "71"]
    again, _ = read_qdpx(path)  # read back as the same texts
    assert sorted(again.segments["alder"].dropna().unique()) == ["34", "71"]
    assert sorted(again.segments["fulgt"].dropna().unique()) == ["false", "true"]
    assert sorted(again.segments["andel"].dropna().unique()) == ["0.5", "1"]
