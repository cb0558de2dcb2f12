"""The message catalogue in two languages: Danish by default, English on request."""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kvaleval as kv
from kvaleval import errors
from kvaleval.cli._app import app
from kvaleval.errors import Errors, PrivacyError, Texts, Warnings, get_language, set_language

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = [(Errors, errors._ErrorsEnglish), (Warnings, errors._WarningsEnglish), (Texts, errors._TextsEnglish)]
SAME_IN_BOTH = {"size_mb", "cli_theme_segment"}  # "{size} MB", "1 segment": the same in Danish and English


def names(catalogue: type) -> set[str]:
    return {name for name, value in vars(catalogue).items() if not name.startswith("_") and isinstance(value, str)}


def raw(catalogue: type, name: str) -> str:
    """The text as written in the class, without the language switch and the code prefix."""
    return type.__getattribute__(catalogue, name) if isinstance(catalogue, errors._CodedMessages) else getattr(
        catalogue, name)


def fields(text: str) -> list[tuple[str, str | None, str | None]]:
    return sorted((name, conversion, spec) for _, name, spec, conversion in string.Formatter().parse(text)
                  if name is not None)


@pytest.mark.parametrize(("danish", "english"), CATALOGUES, ids=["Errors", "Warnings", "Texts"])
def test_messages_every_text_in_both_languages_with_the_same_placeholders(danish: type, english: type) -> None:
    assert names(danish) == names(english)
    assert len(names(danish)) > 20
    for name in sorted(names(danish)):
        da, en = raw(danish, name), raw(english, name)
        assert fields(da) == fields(en), name
        if name not in SAME_IN_BOTH:
            assert da != en, f"{name} is not translated"


def test_messages_codes_are_in_their_ranges_and_never_doubled() -> None:
    codes = names(Errors) | names(Warnings)
    assert all(re.fullmatch(r"[EW]\d{3}", code) for code in codes)
    assert not names(Errors) & names(Warnings)
    assert {"E310", "E901", "E902"} <= names(Errors)


def test_messages_no_name_is_written_twice_in_a_catalogue() -> None:
    # A class keeps the last of two assignments to one name, silently: two branches each added a
    # Texts.sheet_column, and the second ("Ark") replaced the first; Texts.arg_by for the appendix
    # replaced the one for coded.frequencies, whose error then spoke of the appendix.
    import ast

    tree = ast.parse((ROOT / "src" / "kvaleval" / "errors.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            assigned = [target.id for statement in node.body if isinstance(statement, ast.Assign)
                        for target in statement.targets if isinstance(target, ast.Name)]
            assert sorted({n for n in assigned if assigned.count(n) > 1}) == [], node.name


def test_messages_danish_by_default() -> None:
    assert get_language() == "da"
    assert Errors.E201.format(path="k.yaml", hint="") == "[E201] Kodebogen findes ikke: k.yaml."
    assert Warnings.W002.format(path="a.txt").startswith("[W002] a.txt: filen har ingen række i metadata.csv")
    assert Texts.line_column.format(line=3, column="code") == "linje 3, kolonne 'code'"


def test_messages_set_language_switches_and_back() -> None:
    set_language("en")
    assert get_language() == "en"
    assert Errors.E201.format(path="k.yaml", hint="") == "[E201] Codebook not found: k.yaml."
    assert Texts.line_column.format(line=3, column="code") == "line 3, column 'code'"
    set_language("DA")
    assert Errors.E201.format(path="k.yaml", hint="") == "[E201] Kodebogen findes ikke: k.yaml."


def test_messages_unknown_language_is_refused_in_the_current_language() -> None:
    with pytest.raises(ValueError, match=r"^\[E901\] Ukendt sprog 'de'"):
        set_language("de")
    set_language("en")
    with pytest.raises(ValueError, match=r"^\[E901\] Unknown language 'sv'"):
        set_language("sv")
    assert get_language() == "en"  # a refused value changes nothing


def test_messages_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KVALEVAL_LANG", "en")
    assert Errors.E205.format(path="k.yaml", hint="") == "[E205] Conclusions file not found: k.yaml."
    set_language("da")  # the function wins over the environment
    assert Errors.E205.format(path="k.yaml", hint="") == "[E205] Konklusionsfilen findes ikke: k.yaml."
    set_language(None)
    assert get_language() == "en"
    monkeypatch.setenv("KVALEVAL_LANG", "klingon")  # anything else: the default
    assert get_language() == "da"


def test_messages_raised_error_and_the_words_in_it_switch(tmp_path: Path) -> None:
    path = tmp_path / "pseudonyms.csv"
    path.write_text("original;replacement\nHanne;\n", encoding="utf-8")
    with pytest.raises(PrivacyError, match=r"^\[E704\] .*, linje 2: 'Hanne' har ingen erstatning \(kolonnen"):
        kv.read_pseudonyms(path)
    set_language("en")
    with pytest.raises(PrivacyError, match=r"^\[E704\] .*, line 2: 'Hanne' has no replacement \(column"):
        kv.read_pseudonyms(path)


def test_messages_warning_switches(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("I: Hvordan gik det?\nB: Godt.\n", encoding="utf-8")
    (tmp_path / "b.pages").write_bytes(b"PK")
    with pytest.warns(kv.KvalevalWarning, match=r"^\[W001\] 1 fil\(er\) er sprunget over: se corpus.skipped"):
        kv.read_corpus(tmp_path)
    set_language("en")
    with pytest.warns(kv.KvalevalWarning, match=r"^\[W001\] Skipped 1 file\(s\): see corpus.skipped"):
        kv.read_corpus(tmp_path)


def test_messages_cli_lang_option_in_process(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = str(tmp_path / "findes_ikke")
    danish = runner.invoke(app, ["code", "--quiet", missing])
    assert isinstance(danish.exception, kv.CorpusError)
    assert str(danish.exception).startswith("[E001] Korpusmappen findes ikke:")
    english = runner.invoke(app, ["--lang", "en", "code", "--quiet", missing])
    assert isinstance(english.exception, kv.CorpusError)
    assert str(english.exception).startswith("[E001] Corpus folder not found:")
    wrong = runner.invoke(app, ["--lang", "de", "code", missing])
    assert wrong.exit_code == 2 and "--lang" in wrong.output


def _run(*args: str, lang: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "KVALEVAL_LANG"}
    env["PYTHONPATH"] = str(ROOT / "src")
    if lang is not None:
        env["KVALEVAL_LANG"] = lang
    return subprocess.run([sys.executable, "-m", "kvaleval", *args], capture_output=True, text=True,
                          env=env, timeout=120, check=False)


def test_messages_cli_danish_then_english(tmp_path: Path) -> None:
    codebook = tmp_path / "kodebog.yaml"
    codebook.write_text("name: x\ncodes:\n  - name: a\n    terms: [hej]\n    farve: rød\n", encoding="utf-8")
    danish = _run("check", str(codebook))
    assert danish.returncode == 2
    assert "Fejl: [E203]" in danish.stderr and "har 1 problem(er)" in danish.stderr
    assert "linje 5, codes[0].farve" in danish.stderr and "fjern eller omdøb feltet" in danish.stderr
    english = _run("--lang", "en", "check", str(codebook))
    assert english.returncode == 2
    assert english.stderr.startswith("Error: [E203]")
    assert "has 1 problem(s)" in english.stderr and "line 5, codes[0].farve" in english.stderr
    assert "remove or rename this field" in english.stderr
    from_environment = _run("check", str(codebook), lang="en")
    assert from_environment.stderr == english.stderr


def test_messages_system_error_texts_in_the_current_language(tmp_path: Path) -> None:
    # "[E307] Modellen findes.json kunne ikke læses: No such file or directory." mixed the languages.
    from kvaleval.coding.model import ModelCoder

    missing = tmp_path / "findes.json"
    with pytest.raises(kv.CodingError) as danish:
        ModelCoder.from_json(missing)
    assert "filen eller mappen findes ikke" in str(danish.value) and "No such file" not in str(danish.value)
    set_language("en")
    try:
        with pytest.raises(kv.CodingError) as english:
            ModelCoder.from_json(missing)
    finally:
        set_language("da")
    assert "No such file or directory" in str(english.value)


def test_messages_cli_code_status_lines_follow_the_language(tmp_path: Path) -> None:
    corpus = tmp_path / "korpus"
    corpus.mkdir()
    (corpus / "borger01.txt").write_text("I: Hvad synes du om familievejledningen?\nB: Den har hjulpet os meget.\n",
                                         encoding="utf-8")
    codebook = str(ROOT / "codebooks" / "vollsmose.yaml")
    runner = CliRunner()
    danish = runner.invoke(app, ["code", str(corpus), "-c", codebook, "-o", str(tmp_path / "da")])
    english = runner.invoke(app, ["--lang", "en", "code", str(corpus), "-c", codebook, "-o", str(tmp_path / "en")])
    assert danish.exit_code == english.exit_code == 0, (danish.output, english.output)
    for text in ("Læser ", "Dokumenter læst: 1; sprunget over: 0", "Segmenter: 2 (1 respondentture)",
                 "Kodninger pr. tema:", "Skrevet: "):
        assert text in danish.output
    for text in ("Reading ", "Documents read: 1; skipped: 0", "Segments: 2 (1 respondent turns)",
                 "Codings per theme:", "Written: ", "Pseudonymisation report (holds personal data"):
        assert text in english.output
    assert "Læser" not in english.output and "Skrevet" not in english.output


def test_evaluation_and_agreement_tables_speak_the_run_s_language() -> None:
    # "(makro)", "gennemsnit over temaer" and "puljet over kode × segment" stood in English tables.
    import pandas as pd

    import kvaleval as kv
    from kvaleval.errors import set_language

    segments = pd.DataFrame({"segment_id": ["d#1", "d#2", "d#3"], "doc_id": ["d"] * 3, "speaker": ["B"] * 3,
                             "speaker_role": ["respondent"] * 3, "text": ["a", "b", "c"]})
    gold = pd.DataFrame({"segment_id": ["d#1"], "doc_id": ["d"], "code": ["x"], "coder": ["gold"]})
    mine = pd.DataFrame({"segment_id": ["d#1", "d#2"], "doc_id": ["d"] * 2, "code": ["x", "x"], "coder": ["rules"] * 2})
    set_language("en")
    try:
        table = kv.evaluate(mine, gold, segments=segments)
        both = pd.concat([gold, mine.assign(coder="bo")])
        pooled = kv.agreement(both, ["gold", "bo"], segments=segments, n_boot=0)
    finally:
        set_language(None)
    assert table["note"].iloc[-1] == "mean over themes (κ: mean)"
    assert "pooled over code × segment" in pooled["note"].iloc[-1]
