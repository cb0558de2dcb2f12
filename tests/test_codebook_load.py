"""Codebook and conclusions files: valid ones load, every mistake is reported with line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

import kvaleval as kv
from conftest import DEMO_CODEBOOK, DEMO_CONCLUSIONS
from kvaleval.errors import CodebookError


def write(tmp_path: Path, text: str, name: str = "kodebog.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_codebook_small_loads_terms_weights_valence(small_codebook: kv.Codebook) -> None:
    assert small_codebook.names == ("kapacitet", "relevans", "kendskab", "civilsamfund")
    capacity = small_codebook["kapacitet"]
    assert capacity.color == "#E07A5F"
    assert [t.text for t in capacity.terms][:2] == ["venteliste", "mangler ... folk"]
    assert capacity.terms[3].weight == 0.5
    assert capacity.terms[0].valence == "negativ"
    assert small_codebook["relevans"].near[0].words == ("person", "positiv")
    assert dict(small_codebook.lemmas) == {"borger": "borger"}


def test_codebook_nested_children_flattened_with_parent(tmp_path: Path) -> None:
    path = write(tmp_path, """
name: nest
codes:
  - name: tema
    terms: [a]
    children:
      - name: under
        terms: [b]
""")
    codebook = kv.read_codebook(path)
    assert codebook.names == ("tema", "under")
    assert codebook["under"].parent == "tema"
    assert [c.name for c in codebook.children("tema")] == ["under"]


def test_codebook_reports_every_problem_with_line_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, """name: fejl
codes:
  - name: Kapacitet
    terms: [venteliste]
  - name: relevans
    colour: "#FFFFFF"
    threshold: -1
    terms:
      - {term: hjulpet, weight: meget}
""")
    with pytest.raises(CodebookError) as info:
        kv.read_codebook(path)
    message = str(info.value)
    assert "[E203]" in message and "4 problem(er)" in message
    assert "linje 3, codes[0].name" in message and "små bogstaver" in message
    assert "linje 6, codes[1].colour" in message and "tilladte felter:" in message
    assert "linje 7, codes[1].threshold" in message
    assert "linje 9, codes[1].terms[0]" in message or "codes[1].terms[0].weight" in message
    assert str(path) in message


def test_codebook_empty_terms_are_said_once_in_danish(tmp_path: Path) -> None:
    # "String should have at least 1 character" and, for an empty list item, two contradicting
    # messages ("skal være tekst" and "Input should be a valid dictionary or instance of TermModel").
    path = write(tmp_path, """name: fejl
codes:
  - name: trivsel
    terms:
      - {term: '', weight: 0.4}
      -
      - venner
""")
    with pytest.raises(CodebookError) as info:
        kv.read_codebook(path)
    message = str(info.value)
    assert "2 problem(er)" in message and "should" not in message and "TermModel" not in message
    assert "linje 5, codes[0].terms[0].term: er tom — skriv teksten, eller fjern linjen" in message
    assert "linje 6, codes[0].terms[1]: skal være tekst eller en mapping" in message


def test_codebook_duplicate_code_names_rejected(tmp_path: Path) -> None:
    # Reported at "linje 1, (øverste niveau)", and only the first of several.
    path = write(tmp_path, "name: x\ncodes:\n  - {name: a, terms: [x]}\n  - {name: a, terms: [y]}\n"
                           "  - name: b\n    children:\n      - {name: b, terms: [z]}\n")
    with pytest.raises(CodebookError, match="brugt to gange") as raised:
        kv.read_codebook(path)
    assert "har 2 problem(er)" in str(raised.value)
    assert "linje 4, codes[1].name: kodenavnet 'a' er brugt to gange (første gang i linje 3)" in str(raised.value)
    assert ("linje 7, codes[2].children[0].name: kodenavnet 'b' er brugt to gange (første gang i linje 5)"
            in str(raised.value))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name: x\ncodes: [\n", "E202"),  # broken YAML
        ("- just\n- a list\n", "E204"),
        ("name: x\ncodes: []\n", "E203"),
        ("name: x\ncodes:\n  - !!python/object/apply:os.system ['echo hi']\n", "E202"),
    ],
)
def test_codebook_bad_files_clear_errors(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(CodebookError, match=expected):
        kv.read_codebook(write(tmp_path, text))


def test_codebook_alias_bomb_refused(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 16):
        previous = chr(ord("a") + i - 1)
        name = chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    with pytest.raises(CodebookError, match="aliaser"):
        kv.read_codebook(write(tmp_path, "\n".join(lines) + "\n"))


def test_codebook_missing_and_wrong_suffix(tmp_path: Path) -> None:
    with pytest.raises(CodebookError, match="E201"):
        kv.read_codebook(tmp_path / "nej.yaml")
    with pytest.raises(CodebookError, match="E207"):
        kv.read_codebook(write(tmp_path, "x", name="kodebog.txt"))


def test_conclusions_list_and_mapping_forms(tmp_path: Path, small_codebook: kv.Codebook) -> None:
    listed = write(tmp_path, "- {id: k1, statement: Der mangler kapacitet, themes: [kapacitet], valence: negativ}\n",
                   "a.yaml")
    mapped = write(tmp_path, "conclusions:\n  - {id: k1, statement: Der mangler kapacitet, themes: [kapacitet],"
                   " valence: negativ, min_respondents: 3, groups: [borger]}\n", "b.yaml")
    first = kv.read_conclusions(listed, codebook=small_codebook)
    second = kv.read_conclusions(mapped, codebook=small_codebook)
    assert first[0].themes == second[0].themes == ("kapacitet",)
    assert second[0].min_respondents == 3 and second[0].groups == ("borger",)


def test_conclusions_unknown_theme_and_bad_valence(tmp_path: Path, small_codebook: kv.Codebook) -> None:
    unknown = write(tmp_path, "- {id: k0, statement: x, themes: [kapacitet]}\n"
                              "- {id: k1, statement: x, themes: [ukendt]}\n", "a.yaml")
    with pytest.raises(CodebookError, match=r"E206\] .*a.yaml, linje 2: .*'k1'.*ukendt"):
        kv.read_conclusions(unknown, codebook=small_codebook)
    several = write(tmp_path, "- {id: k1, statement: x, themes: [trivsel]}\n"
                              "- {id: k2, statement: x, themes: [kapacitet]}\n"
                              "- {id: k3, statement: x, themes: [selvhjulpen, kapacitet]}\n", "c.yaml")
    with pytest.raises(CodebookError) as raised:  # all at once, not one per run
        kv.read_conclusions(several, codebook=small_codebook)
    lines = str(raised.value).splitlines()
    assert len(lines) == 2 and "linje 1" in lines[0] and "'trivsel'" in lines[0]
    assert "linje 3" in lines[1] and "'selvhjulpen'" in lines[1] and lines[1].startswith("[E206]")
    bad = write(tmp_path, "- {id: k1, statement: x, themes: [kapacitet], valence: god}\n", "b.yaml")
    with pytest.raises(CodebookError, match=r"linje 1, \[0\]\.valence"):
        kv.read_conclusions(bad)


def test_conclusions_duplicate_id(tmp_path: Path) -> None:
    # Two conclusions with one id would share a row of evidence and each other's quotes.
    listed = write(tmp_path, "- {id: k1, statement: a, themes: [kapacitet]}\n"
                   "- {id: k2, statement: b, themes: [relevans]}\n"
                   "- {id: k1, statement: c, themes: [kendskab]}\n", "a.yaml")
    with pytest.raises(CodebookError, match=r"linje 3, \[2\]\.id: konklusions-id'et 'k1' er brugt to gange "
                                            r"\(første gang i linje 1\)"):
        kv.read_conclusions(listed)
    # said with the other problems, not only once they are mended; 7 and "7" are one id
    mixed = write(tmp_path, "- {id: 7, statement: a, themes: [kapacitet], valence: god}\n"
                  "- {id: '7', statement: b, themes: [relevans]}\n", "b.yaml")
    with pytest.raises(CodebookError) as raised:
        kv.read_conclusions(mixed)
    assert "2 problem(er)" in str(raised.value) and "'7' er brugt to gange" in str(raised.value)


@pytest.mark.skipif(not DEMO_CODEBOOK.exists(), reason="demo codebook not present")
def test_demo_codebook_and_conclusions_load() -> None:
    codebook = kv.read_codebook(DEMO_CODEBOOK)
    assert {"relevans", "kendskab", "civilsamfund", "kapacitet"} <= set(codebook.names)
    for code in codebook.codes:
        assert code.definition and code.include and code.exclude and code.examples
        assert len(code.terms) >= 30
    if DEMO_CONCLUSIONS.exists():
        assert len(kv.read_conclusions(DEMO_CONCLUSIONS, codebook=codebook)) >= 4


def test_codebook_grouping_code_is_never_applied(tmp_path: Path) -> None:
    import warnings

    path = write(tmp_path, """
name: gruppe
codes:
  - name: indsatser
    codable: false
    terms: [indsats]
    children:
      - name: familievejledning
        terms: [familievejledning]
""")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        codebook = kv.read_codebook(path)
    # No W201 for a code that only groups others; W203 says its own terms are unused.
    assert [str(w.message)[:6] for w in caught] == ["[W203]"]
    assert [code.codable for code in codebook.codes] == [False, True]
    scores = kv.RuleCoder(codebook).score(["Indsatsen med familievejledning hjalp os."])
    assert scores.coded.tolist() == [[False, True]]


def test_codebook_grouping_code_counted_in_the_cli_summary(tmp_path: Path) -> None:
    """The `code` summary counted a grouping code's own codings: always 0, while the tables count
    the segments of the codes under it."""
    from typer.testing import CliRunner

    from kvaleval.cli._app import app

    path = write(tmp_path, """
name: gruppe
codes:
  - name: indsatser
    label: Indsatser
    codable: false
    children:
      - name: familievejledning
        label: Familievejledning
        terms: [familievejledning]
      - name: lektiecafe
        label: Lektiecafé
        terms: [lektiecafé]
""")
    corpus = tmp_path / "korpus"
    corpus.mkdir()
    (corpus / "b1.txt").write_text("I: Hvad bruger I?\nB: Familievejledningen og lektiecaféen.\n"
                                   "I: Og ellers?\nB: Lektiecaféen om tirsdagen.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["code", str(corpus), "-c", str(path), "-o", str(tmp_path / "ud")])
    assert result.exit_code == 0, result.output
    assert "Indsatser: 2 segmenter" in result.output
    assert "Familievejledning: 1 segment\n" in result.output and "Lektiecafé: 2 segmenter" in result.output


def test_codebook_in_another_language_is_said_and_english_valence_words_are_read(tmp_path: Path) -> None:
    # "language: en" (or "klingon") was read and never used: English text coded with Danish negation and
    # endings, unsaid; "valence: positive" was refused ten times without a hint.
    path = write(tmp_path, """name: en
language: en
codes:
  - name: help
    valence_default: positive
    terms:
      - {term: help, valence: positive}
      - {term: wait, valence: negative}
""")
    with pytest.warns(kv.KvalevalWarning, match=r"\[W205\] .*language: en, men regelkoderen læser dansk"):
        book = kv.read_codebook(path)
    assert [term.valence for term in book.codes[0].terms] == ["positiv", "negativ"]
    assert book.codes[0].valence_default == "positiv"
    listed = write(tmp_path, "- {id: a, statement: x, themes: [kapacitet], valence: mixed}\n", "k.yaml")
    assert kv.read_conclusions(listed)[0].valence == "blandet"
