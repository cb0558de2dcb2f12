"""Hostile and broken codebook YAML: the safe loader only, bombs refused, a line for every error."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import kvaleval as kv
from kvaleval.errors import CodebookError

GOOD = "name: lille\ncodes:\n  - name: kapacitet\n    terms: [venteliste]\n"
ALIAS_BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join(["*" + chr(97 + i)] * 9) + "]\n" for i in range(8)
) + "name: x\ncodes: *i\n"

CASES = {
    "alias bomb": (ALIAS_BOMB, "bliver den til mere end", None),
    "many aliases": ("x: &x 1\nname: x\ncodes:\n" + "  - *x\n" * 150, "mere end 100 aliaser", None),
    "python object apply": ('name: !!python/object/apply:os.system ["echo hej"]\ncodes: []\n',
                            "!!python/...-mærke", 1),
    "python object": ("!!python/object:collections.OrderedDict {}\n", "!!python/...-mærke", 1),
    "python name": ("name: !!python/name:os.system\ncodes: []\n", "!!python/...-mærke", 1),
    "recursive alias in a list": ("name: x\ncodes: &a [*a]\n", "en løkke", 2),
    "recursive alias in a mapping": ("a: &a {b: *a}\nname: x\ncodes: []\n", "en løkke", 1),
    "deep nesting": ("name: x\ncodes: " + "[" * 100 + "]" * 100 + "\n", "indlejret mere end", 2),
    "very deep nesting": ("name: x\ncodes: " + "[" * 20_000 + "]" * 20_000 + "\n", "indlejret|nesting depth", None),
    "NUL character": ("name: x\x00\ncodes: []\n", "unacceptable character", 1),
    "two documents": ("name: x\n---\nname: y\n", "another document", 2),
    "tab indentation": ("name: x\n\tcodes: []\n", "cannot start any token|tabulatortegn", 2),
    "duplicate key": ("name: x\ncodes: []\ncodes:\n  - name: a\n", "står der to gange", 3),
    # PyYAML names the end of the file; the quote that opens on line 1 is the mistake
    "unclosed quote": ('name: "x\ncodes: []\n', "citationstegn åbner her og lukkes aldrig", 1),
    "unclosed quote in a flow": ('name: x\ncodes:\n  - {name: "a, label: b}\n  - name: c\n\n  - name: d\n',
                                 "citationstegn åbner her|åbner her og lukkes ikke på linjen", 3),
    "unhashable key": ("? [a, b]\n: c\n", "unhashable key", 1),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_codebook_refused_with_line(tmp_path: Path, name: str) -> None:
    text, detail, line = CASES[name]
    path = tmp_path / "kodebog.yaml"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(CodebookError) as info:
        kv.read_codebook(path)
    assert time.perf_counter() - started < 5
    message = str(info.value)
    assert message.startswith(f"[E202] {path} er ikke gyldig YAML: ")
    assert any(wording in message for wording in detail.split("|"))  # PyYAML's or libyaml's words
    if line is not None:
        assert f"(linje {line})" in message


def test_hostile_codebook_python_tag_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "kørt"
    path = tmp_path / "kodebog.yaml"
    path.write_text(f'name: !!python/object/apply:pathlib.Path.touch [!!python/object/apply:'
                    f'pathlib.Path ["{marker}"]]\ncodes: []\n', encoding="utf-8")
    with pytest.raises(CodebookError):
        kv.read_codebook(path)
    assert not marker.exists()


@pytest.mark.parametrize(("content", "detail"), [
    ("name: æbler\ncodes: []\n".encode("cp1252"), "ikke UTF-8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "ikke UTF-8"),
])
def test_hostile_codebook_not_utf8(tmp_path: Path, content: bytes, detail: str) -> None:
    path = tmp_path / "kodebog.yaml"
    path.write_bytes(content)
    with pytest.raises(CodebookError, match=rf"^\[E202\].*{detail}"):
        kv.read_codebook(path)


def test_hostile_codebook_utf8_bom_and_utf16_are_read(tmp_path: Path) -> None:
    for index, data in enumerate((b"\xef\xbb\xbf" + GOOD.encode(), GOOD.encode("utf-16"))):
        path = tmp_path / f"kodebog{index}.yaml"
        path.write_bytes(data)
        assert kv.read_codebook(path).names == ("kapacitet",)


def test_hostile_codebook_huge_file_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "kodebog.yaml"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(GOOD)
        handle.write("# fyld\n" * 1_600_000)
    with pytest.raises(CodebookError, match=r"større end 10 MB"):
        kv.read_codebook(path)


@pytest.mark.parametrize("text", ["", "hej", "- a\n- b\n", "42\n", "null\n"])
def test_hostile_codebook_not_a_mapping(tmp_path: Path, text: str) -> None:
    path = tmp_path / "kodebog.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CodebookError, match=r"^\[E204\]"):
        kv.read_codebook(path)


def test_hostile_codebook_folder_and_missing(tmp_path: Path) -> None:
    with pytest.raises(CodebookError, match=r"^\[E209\]"):  # a folder: its own message (E209)
        kv.read_codebook(tmp_path)
    with pytest.raises(CodebookError, match=r"^\[E201\]"):
        kv.read_codebook(tmp_path / "findes_ikke.yaml")


def test_hostile_codebook_conclusions_alias_bomb(tmp_path: Path) -> None:
    path = tmp_path / "konklusioner.yaml"
    path.write_text(ALIAS_BOMB.replace("name: x\ncodes: *i\n", "conclusions: *i\n"), encoding="utf-8")
    with pytest.raises(CodebookError, match=r"^\[E202\].*alias"):
        kv.read_conclusions(path)


def test_hostile_codebook_anchors_in_a_normal_codebook_still_work(tmp_path: Path) -> None:
    path = tmp_path / "kodebog.yaml"
    path.write_text("name: x\ncodes:\n  - name: a\n    terms: &faelles [venteliste, ventetid]\n"
                    "  - name: b\n    terms: *faelles\n", encoding="utf-8")
    codebook = kv.read_codebook(path)
    assert codebook["a"].terms == codebook["b"].terms


BOOK = """\
name: ung
lexicons:
  indsats: [mentor, praktik]
codes:
  - name: kontakt
{body}"""


@pytest.mark.parametrize(("body", "expected", "line"), [
    # "found character that cannot start any token" never said what the character was
    ("\t  terms: [jobcenter]\n", "tabulatortegn", 6),
    # "Keys should be strings" left the user to guess that 0,5 is two values to YAML
    ("    terms:\n      - {term: møde, weight: 0,5}\n", "decimalkomma", 7),
    ("    threshold: 0,6\n    terms: [møde]\n", "decimalkomma", 6),
    # an unquoted colour is a YAML comment: it had been dropped without a word
    ("    color: #3D5A80\n    terms: [møde]\n", 'anførselstegn: color: "#3D5A80"', 6),
])
def test_codebook_typical_mistakes_are_named(tmp_path: Path, body: str, expected: str, line: int) -> None:
    path = tmp_path / "kodebog.yaml"
    path.write_text(BOOK.format(body=body), encoding="utf-8")
    with pytest.raises(CodebookError) as info:
        kv.read_codebook(path)
    assert expected in str(info.value)
    assert f"linje {line}" in str(info.value)


def test_codebook_near_word_spelled_like_a_lexicon_warns(tmp_path: Path) -> None:
    path = tmp_path / "kodebog.yaml"
    body = "    terms: [møde]\n    near:\n      - {words: [indsatser, positiv], window: 6}\n"
    path.write_text(BOOK.format(body=body), encoding="utf-8")
    with pytest.warns(kv.KvalevalWarning, match=r"\[W202\].*'indsatser'.*ordlisten 'indsats'"):
        kv.read_codebook(path)
    path.write_text(BOOK.format(body=body.replace("indsatser", "indsats")), encoding="utf-8")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        kv.read_codebook(path)


def test_conclusions_errors_point_to_the_conclusions_docs(tmp_path: Path) -> None:
    path = tmp_path / "konklusioner.yaml"
    path.write_text("- id: a\n  statement: x\n  themes: [kontakt]\n  min_respondents: -1\n", encoding="utf-8")
    with pytest.raises(CodebookError) as info:
        kv.read_conclusions(path)
    assert "se docs/appendix.md" in str(info.value)
    assert "docs/codebook.md" not in str(info.value)


def test_codebook_grouping_code_with_terms_warns_they_are_unused(tmp_path: Path) -> None:
    import warnings

    path = tmp_path / "kodebog.yaml"
    book = ("name: t\ncodes:\n  - name: relationer\n    codable: false\n    terms: [ven, venner]\n"
            "    children:\n      - name: venskab\n        terms: [veninde]\n")
    path.write_text(book, encoding="utf-8")
    with pytest.warns(kv.KvalevalWarning, match=r"\[W203\].*'relationer'.*terms bruges aldrig"):
        codebook = kv.read_codebook(path)
    coded = kv.code(_one_answer_corpus(tmp_path, "Min ven og min veninde."), codebook).codings
    assert set(coded["code"]) == {"venskab"}  # what the warning says: the grouping code's terms code nothing
    path.write_text(book.replace("    terms: [ven, venner]\n", ""), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        kv.read_codebook(path)


def _one_answer_corpus(tmp_path: Path, answer: str) -> kv.Corpus:
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "borger01.txt").write_text(f"I: Hvem hjælper dig?\nB: {answer}\n", encoding="utf-8")
    return kv.read_corpus(folder)


def test_conclusions_errors_are_all_danish(tmp_path: Path) -> None:
    # pydantic's "Field required", "Extra inputs are not permitted" ... stood in the Danish messages.
    path = tmp_path / "konklusioner.yaml"
    path.write_text("- id: a\n  title: x\n  themes: [kontakt]\n  valence: negatv\n  min_respondents: -1\n"
                    "  groups: borger\n", encoding="utf-8")
    with pytest.raises(CodebookError) as info:
        kv.read_conclusions(path)
    message = str(info.value)
    for english in ("Field required", "Extra inputs", "Input should", "String should"):
        assert english not in message
    assert "statement: feltet mangler — tilføj feltet" in message
    assert "title: feltet findes ikke — fjern eller omdøb feltet" in message
    assert "min_respondents: skal være mindst 1" in message
    assert "valence: værdien er ikke tilladt — brug positiv, negativ eller blandet" in message


def test_codebook_unknown_field_of_a_term_names_the_allowed_and_the_likely_one(tmp_path: Path) -> None:
    # "(tilladte felter: )" stood empty for a term's fields, and "thresold" got no "did you mean".
    path = tmp_path / "k.yaml"
    path.write_text("name: k\ncodes:\n  - name: a\n    thresold: 2\n    terms:\n      - {trem: holdt udenfor}\n",
                    encoding="utf-8")
    with pytest.raises(CodebookError) as info:
        kv.read_codebook(path)
    message = str(info.value)
    assert "linje 6, codes[0].terms[0].trem: feltet findes ikke" in message
    assert "(tilladte felter: term, valence, weight); mente du 'term'?" in message
    assert "linje 4, codes[0].thresold" in message and "mente du 'threshold'?" in message


def test_codebook_terms_that_never_count_warn(tmp_path: Path) -> None:
    # A term also in its code's exclude_terms, a term given twice, a weight of 0: accepted without a word.
    path = tmp_path / "k.yaml"
    path.write_text("name: k\ncodes:\n  - name: b\n    terms: [mobbe, mobbe, {term: x, weight: 0}, drille]\n"
                    "    exclude_terms: [drille]\n", encoding="utf-8")
    with pytest.warns(kv.KvalevalWarning) as caught:
        kv.read_codebook(path)
    messages = [str(warning.message) for warning in caught if "W204" in str(warning.message)]
    assert len(messages) == 3
    assert "['drille'] står også i kodens exclude_terms" in messages[0]
    assert "['mobbe'] står mere end én gang" in messages[1]
    assert "['x'] har vægten 0" in messages[2]


def test_check_lists_terms_in_two_themes(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "k.yaml"
    path.write_text("name: k\ncodes:\n  - name: a\n    terms: [mobbe, klasselærer]\n"
                    "  - name: b\n    terms: [klasselærer, drille]\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kvaleval", "check", str(path)], capture_output=True, text=True,
                          check=False)
    lines = done.stdout.splitlines()  # the report goes to standard output
    assert lines[0].startswith("Termer i mere end ét tema") and lines[1] == "  klasselærer: a, b", lines
