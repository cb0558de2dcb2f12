"""The appendix in English: kvaleval's own words change, the data and the file names do not."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import kvaleval as kv
from kvaleval import errors
from kvaleval.errors import get_language, set_language
from kvaleval.records import Conclusion
from kvaleval.words import Words, _WordsEnglish

ROOT = Path(__file__).resolve().parents[1]
ENGLISH_SHEETS = ["Overview", "Frequencies", "Conclusions", "Conclusion quotes", "Quotes", "Co-occurrence",
                  "Framework", "Targets", "Codings", "Segments", "Sources", "Codebook", "Run"]
DANISH_WORDS = re.compile(r"\b(?:respondenter|segmenter|Kørsel|Bilag|Tema|Alle|Understøttet|Citater|Kilde|Gruppe"
                          r"|Konklusion|Opfyldt|Felt|Værdi|ja|nej|dokumenter læst|spørgeskema|deltager|svar på)\b")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "borger_fatima.txt").write_text(
        "I: Fatima, har rådgivningen hjulpet dig?\nB: Ja, bestemt.\n"
        "I: Hvad med ventetiden?\nB: Der er lang venteliste, de mangler folk.\n", encoding="utf-8")
    (folder / "partner.txt").write_text(
        "I: Hvordan er samarbejdet?\nB: Godt, men de mangler folk, der er venteliste.\n", encoding="utf-8")
    (folder / "svar.csv").write_text("id,Hvad kunne gøres bedre?\n1,Der mangler folk og der er kø\n"
                                     "2,Flere frivillige\n", encoding="utf-8")
    (folder / "metadata.csv").write_text("file,respondent_group\nborger_fatima.txt,borger\n"
                                         "partner.txt,samarbejdspartner\n", encoding="utf-8")
    return folder


def _write(corpus: Path, codebook: kv.Codebook, out: Path, **options: object) -> kv.Coded:
    coded = kv.code(kv.read_corpus(corpus), codebook)
    targets = out.parent / "indikatorer.csv"
    targets.write_text("indikator,mål,opnået\nFamilier,10,12\nFrivillige,20,10\n", encoding="utf-8")
    conclusions = [Conclusion("kap", "Der mangler kapacitet", ("kapacitet",), valence="negativ", min_respondents=1)]
    kv.write_appendix(coded, out, conclusions=conclusions, targets=targets, **options)  # type: ignore[arg-type]
    return coded


def _cells(path: Path) -> list[tuple[str, str]]:
    """(sheet, text) of every string cell kvaleval wrote itself: titles, headers, notes, own values."""
    workbook = openpyxl.load_workbook(path)
    found = []
    for sheet in workbook.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        header = next(i for i, row in enumerate(rows) if row and row[0] is not None and i >= 2)
        for i, row in enumerate(rows):
            if i <= header or (row[0] is not None and len([v for v in row if v is not None]) == 1):
                found += [(sheet.title, str(v)) for v in row if isinstance(v, str)]
    return found


def test_english_appendix_words_sheets_headers_notes_and_charts(corpus: Path, small_codebook: kv.Codebook,
                                                                tmp_path: Path) -> None:
    out = tmp_path / "out"
    _write(corpus, small_codebook, out, language="en")
    workbook = openpyxl.load_workbook(out / "appendix.xlsx")
    assert workbook.sheetnames == ENGLISH_SHEETS
    own = [(sheet, text) for sheet, text in _cells(out / "appendix.xlsx") if sheet != "Codebook"]
    danish = [(sheet, text) for sheet, text in own if DANISH_WORDS.search(text)]
    assert not danish, danish[:5]
    overview = pd.read_csv(out / "csv" / "oversigt.csv", encoding="utf-8-sig")
    assert overview.columns[0] == "Theme"
    assert {"Borger: respondents (n/N)", "Borger: %", "Borger: segments", "(unknown): respondents (n/N)",
            "All: respondents (n/N)", "All: %", "All: segments"} <= set(overview.columns)
    markdown = (out / "bilag.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Appendix\n")
    assert "Corpus: 3 documents read." in markdown
    assert "Met: 1 of 2 indicators (50.0% weighted)" in markdown
    assert "N = (all): 4, (unknown): 2, borger: 1, samarbejdspartner: 1 respondents." in markdown
    for chart, words in (("temaer_pr_gruppe", "Share of respondents"), ("konklusioner_stoette", "Support for the")):
        assert words in (out / "figurer" / f"{chart}.svg").read_text(encoding="utf-8")
    quotes = pd.read_csv(out / "csv" / "konklusionscitater.csv", encoding="utf-8-sig")
    assert set(quotes["kind"]) <= {"support", "counter"} and len(quotes)
    attributions = pd.read_csv(out / "csv" / "citater.csv", encoding="utf-8-sig")["attribution"]
    assert any("questionnaire, respondent" in text for text in attributions)
    manifest = pd.read_csv(out / "csv" / "manifest.csv", encoding="utf-8-sig")
    assert list(manifest.columns) == ["Field", "Value"]
    assert manifest.set_index("Field").loc["pseudonymised", "Value"] == "yes"
    # the file name that names a person is pseudonymised in the English manifest too
    assert "fatima" not in manifest.to_csv().lower()
    # the data stay as written: codes, valences and the coder's reasons
    codings = pd.read_csv(out / "csv" / "kodninger.csv", encoding="utf-8-sig")
    assert set(codings["code"]) <= set(small_codebook.names)
    assert codings["why"].str.contains("termer|svar på spørgsmål").any()
    assert set(codings["valence"].dropna()) <= {"positiv", "negativ", "blandet"}


def test_english_appendix_has_the_danish_ones_numbers_and_file_names(corpus: Path, small_codebook: kv.Codebook,
                                                                     tmp_path: Path) -> None:
    danish, english = tmp_path / "da" / "out", tmp_path / "en" / "out"
    danish.parent.mkdir()
    english.parent.mkdir()
    _write(corpus, small_codebook, danish)
    _write(corpus, small_codebook, english, language="en")
    names = sorted(p.relative_to(danish).as_posix() for p in danish.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(english).as_posix() for p in english.rglob("*") if p.is_file())
    for name in ("oversigt", "frekvenser", "kodninger", "samforekomst", "maalopfyldelse"):
        da = pd.read_csv(danish / "csv" / f"{name}.csv", encoding="utf-8-sig")
        en = pd.read_csv(english / "csv" / f"{name}.csv", encoding="utf-8-sig")
        assert da.shape == en.shape, name
        assert da.select_dtypes("number").equals(en.select_dtypes("number").set_axis(
            da.select_dtypes("number").columns, axis=1)), name


def test_english_appendix_leaves_the_message_language_as_it_was(corpus: Path, small_codebook: kv.Codebook,
                                                                 tmp_path: Path) -> None:
    _write(corpus, small_codebook, tmp_path / "out", language="en")
    assert get_language() == "da"
    set_language("en")
    try:
        _write(corpus, small_codebook, tmp_path / "da", language="da")
        assert get_language() == "en"
    finally:
        set_language(None)
    assert openpyxl.load_workbook(tmp_path / "da" / "appendix.xlsx").sheetnames[0] == "Oversigt"


def test_english_appendix_unknown_language_is_refused_before_anything_is_written(
        corpus: Path, small_codebook: kv.Codebook, tmp_path: Path) -> None:
    coded = kv.code(kv.read_corpus(corpus), small_codebook)
    with pytest.raises(ValueError, match=r"E901"):
        kv.write_appendix(coded, tmp_path / "out", language="de")
    assert not (tmp_path / "out").exists()


def test_english_appendix_from_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "kvaleval", "--lang", "en", "code", str(ROOT / "corpus"),
                           "--out", str(out)], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr
    assert "Written:" in done.stdout + done.stderr
    assert openpyxl.load_workbook(out / "appendix.xlsx").sheetnames[:2] == ["Overview", "Frequencies"]
    assert (out / "bilag.md").read_text(encoding="utf-8").startswith("# Appendix")


def test_words_every_word_in_both_languages_with_the_same_placeholders() -> None:
    import string

    same = {"definition", "chart_minimum", "column_percent", "note"}  # the same word in both languages

    def fields(text: str) -> list[str]:
        return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)

    danish = {name for name, value in vars(Words).items() if not name.startswith("_") and isinstance(value, str)}
    english = {name for name, value in vars(_WordsEnglish).items()
               if not name.startswith("_") and isinstance(value, str)}
    assert danish == english and len(danish) > 50
    for name in sorted(danish):
        da, en = type.__getattribute__(Words, name), getattr(_WordsEnglish, name)
        assert fields(da) == fields(en), name
        assert (da == en) == (name in same), name
    assert errors._ENGLISH[Words] is _WordsEnglish
    assert all(len(getattr(_WordsEnglish, name)) <= 31 for name in ENGLISH_SHEET_NAMES)


ENGLISH_SHEET_NAMES = ("overview", "frequencies", "conclusions", "conclusion_quotes", "quotes", "cooccurrence",
                       "matrix", "targets", "codings", "segments", "codebook", "run")


def test_english_appendix_own_values_everywhere(corpus: Path, small_codebook: kv.Codebook, tmp_path: Path) -> None:
    # From an English reader's audit: "skjult", "højere", "ja"/"nej" in maalopfyldelse.csv, "(ukendt)" in
    # the chart's legend and »...« around quotes were still Danish.
    out = tmp_path / "out"
    _write(corpus, small_codebook, out, language="en", small_cells=2)
    workbook = openpyxl.load_workbook(out / "appendix.xlsx")
    cells = {str(value) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)
             for value in row if value is not None}
    assert any(value.startswith("< 2") for value in cells)
    assert not {"skjult", "højere", "lavere", "ja", "nej", "(ukendt)", "(alle)"} & cells
    targets = pd.read_csv(out / "csv" / "maalopfyldelse.csv", encoding="utf-8-sig")
    assert set(targets["opfyldt"]) == {"yes", "no"} and set(targets["retning"]) == {"higher"}
    legend = (out / "figurer" / "temaer_pr_gruppe.svg").read_text(encoding="utf-8")
    assert "(unknown)" in legend and "(ukendt)" not in legend
    conclusions = pd.read_csv(out / "csv" / "konklusioner.csv", encoding="utf-8-sig")
    quoted = "\n".join(conclusions["quotes"].dropna())
    assert "“" in quoted and "»" not in quoted


def test_appendix_without_pseudonymisation_does_not_say_it_is_pseudonymised(
        corpus: Path, small_codebook: kv.Codebook, tmp_path: Path) -> None:
    # bilag.md and the quote sheets said "pseudonymiseret" of an appendix written with pseudonymise=False.
    for language, said, unsaid in (("da", "IKKE pseudonymiser", "er pseudonymiseret"),
                                   ("en", "NOT pseudonymised", "are pseudonymised")):
        out = tmp_path / language / "out"
        out.parent.mkdir()
        _write(corpus, small_codebook, out, language=language, pseudonymise=False)
        markdown = (out / "bilag.md").read_text(encoding="utf-8")
        assert said in markdown.splitlines()[2], markdown[:200]
        assert unsaid not in markdown
    kept = tmp_path / "kept" / "out"
    kept.parent.mkdir()
    _write(corpus, small_codebook, kept)
    assert "IKKE" not in (kept / "bilag.md").read_text(encoding="utf-8")


def test_english_command_line_points_at_the_run_sheet(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "kvaleval", "--lang", "en", "code", str(ROOT / "corpus"),
                           "--out", str(tmp_path / "out")], capture_output=True, text=True, cwd=tmp_path,
                          check=False)
    assert done.returncode == 0, done.stderr
    shown = done.stdout + done.stderr
    assert "(see the sheet 'Run')" in shown and "Kørsel" not in shown


def test_english_secondary_suppression_reads_hidden() -> None:
    from kvaleval.errors import using_language
    from kvaleval.report.suppress import _hidden

    assert (_hidden(2, 3), _hidden(7, 3)) == ("< 3", "skjult")
    with using_language("en"):
        assert (_hidden(2, 3), _hidden(7, 3)) == ("< 3", "hidden")


def test_notebook_display_follows_the_language(corpus: Path) -> None:
    # With kv.set_language("en") the text repr and messages were English, the HTML a notebook shows
    # for Corpus, Codebook and Coded stayed Danish ("Korpus ... dokumenter ... sprunget over").
    read = kv.read_corpus(corpus)
    codebook = kv.read_codebook(ROOT / "codebooks" / "vollsmose.yaml")
    coded = kv.code(read, codebook)
    shown = {"da": [], "en": []}
    for language in ("da", "en"):
        set_language(language)
        shown[language] = [read._repr_html_(), codebook._repr_html_(), coded._repr_html_()]
    set_language("da")
    english = " ".join(shown["en"])
    assert "<b>Corpus</b>" in english and "documents" in english and "skipped" in english
    assert "<b>Codebook</b>" in english and "<th>Threshold</th>" in english and "<b>Coded</b>" in english
    assert not re.search(r"Korpus|Kodebog|Kodet|dokumenter|segmenter|sprunget|Tærskel|kodninger", english)
    danish = " ".join(shown["da"])
    assert "<b>Korpus</b>" in danish and "sprunget over" in danish and "<th>Tærskel</th>" in danish
