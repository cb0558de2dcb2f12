"""The appendix as an evaluator reads it (red team round 3): targets as written, and the numbers of a new
corpus with its own groups, sub-themes and conclusions traced from bilag.md and the workbook to the codings."""

from __future__ import annotations

import csv
import warnings
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

import kvaleval as kv
from conftest import write_xlsx
from kvaleval.analyse.targets import read_targets
from kvaleval.cli import code as _code  # noqa: F401  (registers the command)
from kvaleval.cli._app import app
from kvaleval.errors import KvalevalWarning


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _sheet(path: Path, name: str) -> list[tuple[object, ...]]:
    """A sheet's rows from its header (row 3) on."""
    return list(openpyxl.load_workbook(path)[name].iter_rows(min_row=3, values_only=True))


@pytest.mark.parametrize(("language", "yes", "no"), [("da", "ja", "nej"), ("en", "yes", "no")])
def test_targets_milestones_read_yes_or_no_in_every_table(tiny_corpus: Path, small_codebook: kv.Codebook,
                                                          tmp_path: Path, language: str, yes: str, no: str) -> None:
    # "Ungeråd etableret;ja;ja" was shown as "| Ungeråd etableret | 1 | 1 |": a reader saw a count of one.
    path = write_xlsx(tmp_path / "indikatorer.xlsx", [
        ["indikator", "mål", "opnået"], ["Ungeråd etableret", "ja", "Ja"], ["Lokalavis udkommer", "ja", "nej"],
        ["Unge i fritidsjob", 1, 0]])
    out = tmp_path / "ud"
    kv.write_appendix(kv.code(kv.read_corpus(tiny_corpus), small_codebook), out, targets=path,
                      charts_enabled=False, qdpx=False, language=language)
    bilag = (out / "bilag.md").read_text(encoding="utf-8")
    assert f"| Ungeråd etableret | {yes} | {yes} |" in bilag and f"| Lokalavis udkommer | {yes} | {no} |" in bilag
    assert "| Unge i fritidsjob | 1 | 0 |" in bilag  # a count of one is a number still
    rows = _rows(out / "csv" / "maalopfyldelse.csv")
    assert [(r["mål"], r["opnået"]) for r in rows] == [(yes, yes), (yes, no), ("1", "0")]
    assert "milepæl" not in rows[0]
    sheet = _sheet(out / "appendix.xlsx", "Målopfyldelse" if language == "da" else "Targets")
    assert [row[1:3] for row in sheet[1:4]] == [(yes, yes), (yes, no), (1, 0)]


def test_targets_a_comma_before_three_digits_follows_the_column(tmp_path: Path) -> None:
    # "1,200" was always 1,2: in a column whose other cells write a decimal point (72.5) it is 1200.
    path = tmp_path / "indikatorer.csv"
    path.write_text("indikator;mål;opnået\nBesøg i caféen;1,200;1,350\nTilfredshed;72.5;80.25\n"
                    "Budget;\"1,200.5\";\"1,200,000\"\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", KvalevalWarning)  # nothing to warn about: the column decides
        table = read_targets(path)
    assert table["mål"].tolist() == [1200.0, 72.5, 1200.5] and table["opnået"].tolist() == [1350.0, 80.25, 1200000.0]
    path.write_text("indikator;mål;opnået\nBesøg i caféen;1,200;1,350\nTilfredshed;72,5;80\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", KvalevalWarning)
        assert read_targets(path)["mål"].tolist() == [1.2, 72.5]  # a Danish decimal comma beside it
    path.write_text("indikator;mål;opnået\nBesøg i caféen;1,200;1350\nTilfredshed;70;80\n", encoding="utf-8")
    with pytest.warns(KvalevalWarning, match=r"W049.*linje 2: '1,200' i kolonnen 'mål' er læst som 1,2 .*"
                                             r"kan også være 1200.*Skriv 1200 eller 1.200"):
        assert read_targets(path)["mål"].tolist() == [1.2, 70.0]


def test_cli_notes_an_ambiguous_thousands_comma_in_the_run_sheet(tiny_corpus: Path, small_codebook_path: Path,
                                                                  tmp_path: Path) -> None:
    # The CLI read the targets before the appendix, so a warning about them reached neither Bemærk nor Kørsel.
    path = tmp_path / "indikatorer.csv"
    path.write_text("indikator;mål;opnået\nBesøg i caféen;1,200;1350\n", encoding="utf-8")
    out = tmp_path / "ud"
    result = CliRunner().invoke(app, ["code", str(tiny_corpus), "--codebook", str(small_codebook_path),
                                      "--targets", str(path), "--out", str(out), "--no-qdpx", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "Bemærk: [W049]" in result.output
    assert any("[W049]" in str(value) for row in _sheet(out / "appendix.xlsx", "Kørsel") for value in row)


def _survey_corpus(folder: Path, answers: list[str]) -> Path:
    """A corpus of one survey written by openpyxl, one answer a row."""
    folder.mkdir()
    write_xlsx(folder / "skema.xlsx", [["løbenr", "Hvad synes du om dagtilbuddet?"],
                                       *[[i, answer] for i, answer in enumerate(answers, start=1)]])
    return folder


def test_percents_round_half_up_in_every_table_as_the_targets_do(tmp_path: Path, small_codebook: kv.Codebook) -> None:
    # 1 of 16 is 6,25 %: Oversigt and Frekvenser wrote 6,2 (half to even), Målopfyldelse 116,3 for 116,25 (half up,
    # as Excel's ROUND and a reader): the appendix rounded two ways.
    answers = ["Der er lang venteliste, og vi har travlt."] + [f"Det er fint nok, tak {i}." for i in range(15)]
    coded = kv.code(kv.read_corpus(_survey_corpus(tmp_path / "korpus", answers)), small_codebook)
    frequencies = coded.frequencies()
    assert frequencies.set_index("code").loc["kapacitet", ["share", "percent"]].tolist() == ["1/16", 6.3]
    out = tmp_path / "ud"
    kv.write_appendix(coded, out, charts_enabled=False, qdpx=False)
    assert "| 1/16 | 6,3 |" in (out / "bilag.md").read_text(encoding="utf-8")
    written = {r["percent"] for r in _rows(out / "csv" / "frekvenser.csv") if r["code"] == "kapacitet"}
    assert "6.3" in written and "6.2" not in written


def test_bilag_md_shows_a_target_as_written_not_cut_to_one_decimal(tiny_corpus: Path, small_codebook: kv.Codebook,
                                                                   tmp_path: Path) -> None:
    # An achieved 0,25 stood as "0,2" in bilag.md (one decimal, half to even) while the workbook said 0,25.
    path = write_xlsx(tmp_path / "indikatorer.xlsx", [["indikator", "mål", "opnået", "vægt", "retning"],
                                                      ["Andel børn med sprogstøtte", 0.3, 0.25, 1.5, "lavere"]])
    out = tmp_path / "ud"
    kv.write_appendix(kv.code(kv.read_corpus(tiny_corpus), small_codebook), out, targets=path,
                      charts_enabled=False, qdpx=False)
    assert "| Andel børn med sprogstøtte | 0,3 | 0,25 | 1,5 | lavere | 120,0 | ja |" in (
        out / "bilag.md").read_text(encoding="utf-8")
    assert _sheet(out / "appendix.xlsx", "Målopfyldelse")[1][1:3] == (0.3, 0.25)


def test_small_cells_hide_supported_where_it_would_tell_a_hidden_count(tiny_corpus: Path,
                                                                        small_codebook: kv.Codebook,
                                                                        tmp_path: Path) -> None:
    # With --small-cells 3 a hidden "< 3" beside min_respondents 2 and "nej" said the count was 1 (and "ja", 2).
    from kvaleval.records import Conclusion

    conclusions = [Conclusion(f"k{low}", "Der mangler kapacitet.", ("kapacitet",), groups=("samarbejdspartner",),
                              min_respondents=low) for low in (1, 2, 5)]
    out = tmp_path / "ud"
    kv.write_appendix(kv.code(kv.read_corpus(tiny_corpus), small_codebook), out, conclusions=conclusions,
                      small_cells=3, charts_enabled=False, qdpx=False)
    rows = {r["conclusion_id"]: r for r in _rows(out / "csv" / "konklusioner.csv")}
    assert [rows[k]["respondents"] for k in ("k1", "k2", "k5")] == ["< 3"] * 3
    # any count 1 or 2 is at least 1 and below 5: only min 2 tells them apart
    assert [rows[k]["supported"] for k in ("k1", "k2", "k5")] == ["ja", "skjult", "nej"]
    sheet = _sheet(out / "appendix.xlsx", "Konklusioner")
    assert [row[-1] for row in sheet[1:4]] == ["ja", "skjult", "nej"]
    lines = [line for line in (out / "bilag.md").read_text("utf-8").splitlines()
             if line.startswith("| k2 |") and "< 3/< 3" in line]
    assert lines and all(line.endswith("| skjult |") for line in lines)


def test_small_cells_charts_draw_what_the_tables_show(tiny_corpus: Path, small_codebook: kv.Codebook,
                                                      tmp_path: Path) -> None:
    # With --small-cells 3 the charts were drawn from the full counts: the one partner's 100 % bar and
    # the conclusion's 1 respondent stood in figurer/ while every table said "< 3".
    from kvaleval.records import Conclusion
    from kvaleval.report.appendix import build_appendix

    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    conclusions = [Conclusion("k", "Der mangler kapacitet.", ("kapacitet",), groups=("samarbejdspartner",))]
    shown = build_appendix(coded, conclusions=conclusions, small_cells=3).displays
    full = build_appendix(coded, conclusions=conclusions).displays
    assert full["temaer_pr_gruppe"].shares.loc["Kapacitet", "samarbejdspartner"] == 100.0
    partner = shown["temaer_pr_gruppe"].shares["samarbejdspartner"]  # N = 1: hidden, 0 of it stays 0,0 as in the table
    assert pd.isna(partner["Kapacitet"]) and set(partner.dropna()) == {0.0}
    assert full["konklusioner_stoette"].support["respondents"].tolist() == [1]
    assert shown["konklusioner_stoette"].support["respondents"].isna().all()
    drawn, counts = shown["samforekomst"].matrix.to_numpy(float), full["samforekomst"].matrix.to_numpy(float)
    small = (counts > 0) & (counts < 3)
    drawn_at = ~np.isnan(drawn)  # (and a diagonal the totals rule hides, as the table does)
    assert small.any() and np.isnan(drawn[small]).all() and (drawn[drawn_at] == counts[drawn_at]).all()
    out = tmp_path / "ud"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a hidden bar draws no warning about a label at NaN
        kv.write_appendix(coded, out, conclusions=conclusions, small_cells=3, qdpx=False)
    assert (out / "figurer" / "temaer_pr_gruppe.svg").is_file()


def test_targets_headers_as_other_evaluators_write_them_and_an_error_naming_the_real_header(tmp_path: Path) -> None:
    # "Målsætning | Resultat | Status" under a title was E012 "Kolonner: ['resultatmål 2026']": the title
    # taken for the header, and the columns the user wrote not named.
    path = write_xlsx(tmp_path / "maal.xlsx", [
        ["Resultatmål 2026"], [], ["Indikator", "Målsætning", "Resultat", "Status"],
        ["Forældre til møder", 1200, 1350, "Opfyldt"], ["Ventetid (dage)", "højst 10", 12, "Ikke opfyldt"]])
    table = read_targets(path)
    assert table["mål"].tolist() == [1200.0, 10.0] and table["opnået"].tolist() == [1350.0, 12.0]
    write_xlsx(path, [["Resultatmål 2026"], [], ["Indikator", "Baseline", "Status"], ["Forældre til møder", 900, "ok"]])
    named = r"E012.*\['mål', 'opnået'\].*Kolonner: \['indikator', 'baseline', 'status'\]"
    with pytest.raises(kv.CorpusError, match=named):
        read_targets(path)
    (tmp_path / "maal.csv").write_text("Resultatmål 2026\n\nIndikator;Baseline;Status\nForældre;900;ok\n",
                                       encoding="utf-8")
    with pytest.raises(kv.CorpusError, match=r"E012.*Kolonner: \['indikator', 'baseline', 'status'\]"):
        read_targets(tmp_path / "maal.csv")


def test_targets_as_a_word_table_under_a_heading(tiny_corpus: Path, small_codebook: kv.Codebook,
                                                 tmp_path: Path) -> None:
    # An evaluation plan's indicators are a table in Word: it was E031 "save it as .xlsx or .csv".
    import docx

    document = docx.Document()
    document.add_paragraph("Bilag 2: Indikatorer for forældresamarbejdet")
    notes = document.add_table(rows=1, cols=2)
    notes.cell(0, 0).text, notes.cell(0, 1).text = "Version", "2"
    table = document.add_table(rows=4, cols=4)
    rows = [["Indikator", "Målsætning", "Resultat", "Retning"], ["Forældre til møder", "1.200", "1.350", ""],
            ["Sprogvurderinger gennemført", "ja", "ja", ""], ["Ventetid (dage)", "10", "12", "lavere"]]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.save(str(tmp_path / "indikatorer.docx"))
    read = read_targets(tmp_path / "indikatorer.docx")
    assert read["mål"].tolist() == [1200.0, 1.0, 10.0] and read["opnået"].tolist() == [1350.0, 1.0, 12.0]
    out = tmp_path / "ud"
    kv.write_appendix(kv.code(kv.read_corpus(tiny_corpus), small_codebook), out, targets=tmp_path / "indikatorer.docx",
                      charts_enabled=False, qdpx=False)
    assert "| Sprogvurderinger gennemført | ja | ja |" in (out / "bilag.md").read_text("utf-8")
    table.cell(0, 1).text = "Baseline"
    document.save(str(tmp_path / "indikatorer.docx"))
    with pytest.raises(kv.CorpusError, match=r"E036.*2 tabel\(ler\).*\['Version', '2'\]"):
        read_targets(tmp_path / "indikatorer.docx")


def test_conclusion_themes_written_as_the_appendix_names_them(tiny_corpus: Path, small_codebook: kv.Codebook,
                                                              tmp_path: Path) -> None:
    # A conclusion written from the appendix names its theme as the tables do ("Kapacitet", a label): E206.
    path = tmp_path / "konklusioner.yaml"
    path.write_text("- id: a\n  statement: Der mangler kapacitet.\n  themes: [Kapacitet]\n  valence: negativ\n"
                    "- id: b\n  statement: Der mangler kapacitet.\n  themes: [kapacitet]\n  valence: negativ\n",
                    encoding="utf-8")
    conclusions = kv.read_conclusions(path, codebook=small_codebook)
    assert [c.themes for c in conclusions] == [("kapacitet",), ("kapacitet",)]
    table = kv.code(kv.read_corpus(tiny_corpus), small_codebook).evidence(conclusions)
    assert table.loc[table["conclusion_id"] == "a", "share"].tolist() == table.loc[
        table["conclusion_id"] == "b", "share"].tolist()
    path.write_text("- id: a\n  statement: x\n  themes: [Kapacitet og venteliste]\n", encoding="utf-8")
    with pytest.raises(kv.CodebookError, match=r"E206.*'Kapacitet og venteliste'.*skriver dem: \['Kapacitet'"):
        kv.read_conclusions(path, codebook=small_codebook)


def test_suppress_counts_hides_more_where_the_total_tells_every_hidden_group() -> None:
    # Ledere N = 2 and medarbejdere N = 2 were "< 3" beside forældre 8 and (alle) 12: 12 - 8 = 4 is 2 + 2,
    # the only two counts below 3 that make 4. And three groups of "< 3" with (alle) 6 were 2 each.
    from kvaleval.report.suppress import suppress_counts

    groups = ["ledere", "medarbejdere", "forældre", "(alle)"]
    table = pd.DataFrame({"group": groups, "code": "x", "segments": [1, 1, 6, 8], "respondents": [1, 1, 5, 7],
                          "respondents_total": [2, 2, 8, 12], "share": ["1/2", "1/2", "5/8", "7/12"],
                          "percent": [50.0, 50.0, 62.5, 58.3]})
    shown = suppress_counts(table, 3, group="group", keys=["code"])
    assert shown["respondents_total"].tolist() == ["< 3", "< 3", "skjult", 12]
    assert shown["respondents"].tolist() == ["< 3", "< 3", "skjult", 7]
    cells = table.assign(respondents=[2, 2, 2, 6], respondents_total=[10, 10, 10, 30], share=["2/10"] * 3 + ["6/30"],
                         percent=[20.0, 20.0, 20.0, 20.0], segments=[2, 2, 2, 6])
    shown = suppress_counts(cells, 3, group="group", keys=["code"])
    assert shown["respondents"].tolist() == ["< 3", "< 3", "< 3", "skjult"]
    assert shown["share"].tolist() == ["< 3/10", "< 3/10", "< 3/10", "skjult/30"]
    # 1 + 2 + 2 = 5 could be made three ways: nothing more to hide
    ambiguous = cells.assign(respondents=[1, 2, 2, 5])
    assert suppress_counts(ambiguous, 3, group="group", keys=["code"])["respondents"].tolist()[3] == 5


def test_small_cells_a_total_that_tells_its_groups_is_hidden_in_every_table(tmp_path: Path,
                                                                            small_codebook: kv.Codebook) -> None:
    # Three groups of 3 with 2 each on a theme: "< 3" thrice beside (alle) 6/9 said 2, 2 and 2. The total is
    # hidden, in Oversigt and in Samforekomst's diagonal, which is the same number.
    folder = tmp_path / "korpus"
    folder.mkdir()
    for name in "abc":
        write_xlsx(folder / f"skema_{name}.xlsx", [["løbenr", "Hvad synes du om tilbuddet?"],
                                                   [1, "Der er lang venteliste."], [2, "Alt for lang ventetid."],
                                                   [3, "Det er fint."]])
    (folder / "metadata.csv").write_text("file,respondent_group\n" + "".join(
        f"skema_{name}.xlsx,{name}\n" for name in "abc"), encoding="utf-8")
    from kvaleval.records import Conclusion

    out = tmp_path / "ud"
    conclusions = [Conclusion(f"k{low}", "Der er ventetid.", ("kapacitet",), min_respondents=low) for low in (3, 7)]
    kv.write_appendix(kv.code(kv.read_corpus(folder), small_codebook), out, small_cells=3, charts_enabled=False,
                      qdpx=False, conclusions=conclusions)
    overview = {r["Tema"]: r for r in _rows(out / "csv" / "oversigt.csv")}
    assert [overview["Kapacitet"][f"{g}: respondenter (n/N)"] for g in ("A", "B", "C", "Alle")] == [
        "< 3/3", "< 3/3", "< 3/3", "skjult/9"]
    pairs = [r for r in _rows(out / "csv" / "samforekomst.csv") if r["code_a"] == r["code_b"] == "kapacitet"]
    assert [(r["respondents"], r["segments"]) for r in pairs] == [("skjult", "skjult")]
    sheet = _sheet(out / "appendix.xlsx", "Samforekomst")
    column = sheet[0].index("Kapacitet")
    assert next(row for row in sheet[1:] if row[0] == "Kapacitet")[column] == "skjult"
    # a count hidden with the others is 3 or more: it meets a minimum of 3 whatever it is, not one of 7
    total = {r["conclusion_id"]: r for r in _rows(out / "csv" / "konklusioner.csv") if r["group"] == "(alle)"}
    assert [(total[k]["respondents"], total[k]["supported"]) for k in ("k3", "k7")] == [("skjult", "ja"),
                                                                                        ("skjult", "skjult")]


def test_suppress_counts_a_conclusion_about_two_small_groups_hides_its_total_n() -> None:
    # Konklusioner: "2.1" about ledere and medarbejdere showed N "< 3" for both beside (alle) 4: 2 and 2.
    from kvaleval.report.suppress import suppress_counts

    table = pd.DataFrame({
        "conclusion_id": ["1", "1", "1", "1", "2", "2", "2"], "_subset": "[]",
        "group": ["forældre", "ledere", "medarbejdere", "(alle)", "medarbejdere", "ledere", "(alle)"],
        "respondents": [4, 1, 1, 6, 1, 1, 2], "respondents_total": [8, 2, 2, 12, 2, 2, 4], "segments": 1,
        "share": "", "percent": 0.0})
    shown = suppress_counts(table, 3, group="group", block=["_subset"], keys=["conclusion_id"])
    assert shown["respondents_total"].tolist() == ["skjult", "< 3", "< 3", 12, "< 3", "< 3", "skjult"]


def test_docs_conclusions_examples_read_as_the_page_says(tmp_path: Path) -> None:
    # docs/conclusions.md: its codebook, conclusions and indicators are read as written, and say what it says.
    import re

    from kvaleval.analyse.targets import target_attainment

    page = (Path(__file__).parents[1] / "docs" / "conclusions.md").read_text(encoding="utf-8")
    codebook_text, conclusions_text = re.findall(r"```yaml\n(.*?)```", page, re.DOTALL)
    [indicators_text] = re.findall(r"```csv\n(.*?)```", page, re.DOTALL)
    (tmp_path / "dagtilbud.yaml").write_text(codebook_text, encoding="utf-8")
    (tmp_path / "konklusioner.yaml").write_text(conclusions_text, encoding="utf-8")
    (tmp_path / "maal.csv").write_text(indicators_text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)  # W201-like notes on the short example codebook
        book = kv.read_codebook(tmp_path / "dagtilbud.yaml")
    conclusions = {c.id: c for c in kv.read_conclusions(tmp_path / "konklusioner.yaml", codebook=book)}
    assert list(conclusions) == ["1.1", "1.2", "2.1", "2.2", "3.1"]
    assert conclusions["1.2"].themes == ("udbytte-boern", "udbytte-foraeldre")
    assert conclusions["2.1"].themes == ("tid",) and conclusions["1.1"].groups == ("Forældre",)
    table, overall = target_attainment(read_targets(tmp_path / "maal.csv"))
    assert table["mål"].tolist() == [1200.0, 72.5, 1.0, 30.0, 10.0]
    assert table["retning"].tolist() == ["højere", "højere", "højere", "lavere", "lavere"]
    assert table["opfyldt"].tolist() == [True, True, True, True, False]
    assert table["pct_af_mål"].tolist()[3] == 120.0 and overall["met"] == 4
