"""The appendix read back: sheets, formatting, no formulas, pseudonymised text, counts, atomic writes."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

import kvaleval as kv
from conftest import write_xlsx
from kvaleval.records import Conclusion
from kvaleval.report.appendix import code_hash

SHEETS = ["Oversigt", "Frekvenser", "Konklusioner", "Konklusionscitater", "Citater", "Samforekomst", "Matrix",
          "Målopfyldelse", "Kodninger", "Segmenter", "Kilder", "Kodebog", "Kørsel"]


@pytest.fixture
def hostile_corpus(tiny_corpus: Path) -> Path:
    """The tiny corpus plus a survey whose answers look like formulas and name a person."""
    write_xlsx(tiny_corpus / "formler.xlsx", [
        ["id", "Hvad kunne gøres bedre?"],
        ["a1", "=HYPERLINK(\"http://x\") der er lang venteliste hos Fatima Hassan"],
        ["a2", "- mere lys på stierne og vi mangler folk"],
        ["a3", "@alle frivillige og foreningerne gør det godt"],
        ["a4", "+45 20 30 40 50 er mit nummer, jeg kender dem ikke"],
    ])
    # A short answer is coded with its question, and the coding's reason quotes the question.
    # Files are often named after the person interviewed.
    # A name in lower case, as sloppy transcripts write it, is known from elsewhere in the corpus.
    (tiny_corpus / "borger_fatima.txt").write_text("I: Fatima, har rådgivningen hjulpet dig?\nB: Ja, bestemt.\n"
                                                   "I: Og din søster?\nB: Hun har det godt. vi ringer til fatima "
                                                   "hver uge, det har hjulpet os meget.\n", encoding="utf-8")
    return tiny_corpus


@pytest.fixture
def appendix(hostile_corpus: Path, small_codebook: kv.Codebook, tmp_path: Path) -> tuple[kv.Coded, Path]:
    coded = kv.code(kv.read_corpus(hostile_corpus), small_codebook)
    targets = tmp_path / "indikatorer.csv"
    targets.write_text("indikator,mål,opnået\nFamilier,10,12\nFrivillige,20,10\n", encoding="utf-8")
    conclusions = [Conclusion("kap", "Der mangler kapacitet", ("kapacitet",), valence="negativ", min_respondents=2)]
    out = tmp_path / "ud"
    kv.write_appendix(coded, out, conclusions=conclusions, targets=targets)
    return coded, out


def test_appendix_sheets_and_files(appendix: tuple[kv.Coded, Path]) -> None:
    _, out = appendix
    workbook = openpyxl.load_workbook(out / "appendix.xlsx")
    assert workbook.sheetnames == SHEETS
    for name in ("oversigt", "frekvenser", "konklusioner", "citater", "kodninger", "segmenter", "manifest"):
        assert (out / "csv" / f"{name}.csv").is_file()
    assert (out / "bilag.md").read_text(encoding="utf-8").startswith("# Bilag")
    for chart in ("temaer_pr_gruppe", "samforekomst", "konklusioner_stoette"):
        assert (out / "figurer" / f"{chart}.png").stat().st_size > 1000
        assert (out / "figurer" / f"{chart}.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert not list(out.glob(".kvaleval-*")), "staging folder left behind"


def test_appendix_no_formula_cells_anywhere(appendix: tuple[kv.Coded, Path]) -> None:
    _, out = appendix
    workbook = openpyxl.load_workbook(out / "appendix.xlsx")
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    segments = openpyxl.load_workbook(out / "appendix.xlsx")["Segmenter"]
    texts = [row[7] for row in segments.iter_rows(min_row=4, values_only=True)]
    assert any(str(text).startswith("=HYPERLINK") for text in texts)
    for path in (out / "csv").glob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.reader(handle):
                assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row), (path.name, row)


def test_appendix_survey_contact_columns_are_replaced(tmp_path: Path, small_codebook: kv.Codebook) -> None:
    # Microsoft Forms and Qualtrics exports carry the respondent's name, e-mail and phone.
    folder = tmp_path / "korpus"
    folder.mkdir()
    write_xlsx(folder / "forms.xlsx", [
        ["Id", "Mail", "Navn", "Telefon", "Afdeling", "Hvad synes du om familievejledningen?"],
        [1, "anne.hansen@gmail.com", "Anne Marie Hansen", "20 40 50 60", "Vest", "Den har hjulpet os rigtig meget"],
        [2, "ole.p@live.dk", "Ole Bach Petersen", "30405060", "Øst", "Vi mangler folk og der er lang ventetid"],
        [3, "k@x.dk", "Karen Lund Holm", "+45 11223344", "Vest", "Jeg har aldrig hørt om den rådgivning"],
    ])
    corpus = kv.read_corpus(folder)
    assert set(corpus.segments["question"]) == {"Hvad synes du om familievejledningen?"}  # names are not answers
    out = tmp_path / "ud"
    kv.write_appendix(kv.code(corpus, small_codebook), out)
    segments = (out / "csv" / "segmenter.csv").read_text(encoding="utf-8-sig")
    for planted in ("Anne", "Hansen", "Petersen", "gmail", "live.dk", "20 40 50 60", "30405060", "11223344"):
        for path in [out / "bilag.md", *(out / "csv").glob("*.csv")]:
            assert planted not in path.read_text(encoding="utf-8-sig"), (planted, path.name)
    assert "[e-mail]" in segments and "[navn]" in segments and "[telefon]" in segments and "Vest" in segments


def test_appendix_pseudonymised(appendix: tuple[kv.Coded, Path]) -> None:
    coded, out = appendix
    assert "»[" in (out / "csv" / "kodninger.csv").read_text(encoding="utf-8-sig")  # a question quoted, pseudonymised
    manifest = (out / "csv" / "manifest.csv").read_text(encoding="utf-8-sig")
    hashes = [document.sha256 for document in coded.corpus.documents]
    assert all(f"sha256 {digest}" in manifest for digest in hashes)  # digit runs in a hash are not phone numbers
    for path in [out / "bilag.md", *(out / "csv").glob("*.csv")]:
        text = path.read_text(encoding="utf-8-sig")
        assert "fatima" not in text.lower() and "Hassan" not in text, path.name
        assert "20 30 40 50" not in text, path.name
        assert "Per Jensen" not in text and "Anne Hansen" not in text, path.name


def test_appendix_formatting(appendix: tuple[kv.Coded, Path]) -> None:
    _, out = appendix
    sheet = openpyxl.load_workbook(out / "appendix.xlsx")["Oversigt"]
    assert sheet["A1"].font.bold
    assert sheet["A3"].value == "Tema" and sheet["A3"].font.bold
    assert sheet.freeze_panes == "A4"
    notes = [sheet.cell(row=r, column=1).value for r in range(1, sheet.max_row + 1)]
    assert any(str(n).startswith("Enhed: respondenter") for n in notes)
    assert any(str(n).startswith("N = ") for n in notes)


def test_appendix_counts_equal_codings(appendix: tuple[kv.Coded, Path]) -> None:
    coded, out = appendix
    sheet = openpyxl.load_workbook(out / "appendix.xlsx")["Oversigt"]
    header = [c.value for c in sheet[3]]
    column = header.index("Alle: segmenter")
    segments = coded.segments.set_index("segment_id")
    respondent_ids = set(segments.index[segments["speaker_role"] == "respondent"])
    for row in sheet.iter_rows(min_row=4, max_row=3 + len(coded.codebook.codes), values_only=True):
        code = next(c for c in coded.codebook.codes if c.display == row[0])
        expected = coded.codings.loc[coded.codings["code"] == code.name, "segment_id"]
        assert row[column] == len(set(expected) & respondent_ids)


def test_appendix_manifest_and_targets(appendix: tuple[kv.Coded, Path]) -> None:
    _, out = appendix
    workbook = openpyxl.load_workbook(out / "appendix.xlsx")
    fields = {row[0]: row[1] for row in workbook["Kørsel"].iter_rows(min_row=4, values_only=True) if row[0]}
    assert fields["kvaleval"] and fields["kodebog sha256"] and fields["pseudonymiseret"] == "ja"
    assert any(key.startswith("fil ") for key in fields)
    assert fields["kvaleval kode sha256"] == code_hash()
    notes = [row[0] for row in workbook["Målopfyldelse"].iter_rows(values_only=True) if row[0]]
    assert any("Opfyldt: 1 af 2 indikatorer (50,0 % vægtet)" in str(n) for n in notes)


def test_appendix_code_hash_tells_an_edited_install_apart(tmp_path: Path) -> None:
    # An editable install gave other numbers after an edit, under the same version number in Kørsel.
    import shutil

    copy = tmp_path / "kvaleval"
    shutil.copytree(Path(kv.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    code_hash.cache_clear()  # cached for the process: the code may have been edited since
    assert code_hash(copy) == code_hash()
    rules = copy / "coding" / "rules.py"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    code_hash.cache_clear()
    assert code_hash(copy) != code_hash()


def test_appendix_small_cells_hidden_everywhere(hostile_corpus: Path, small_codebook: kv.Codebook,
                                               tmp_path: Path) -> None:
    import re

    conclusions = [Conclusion("kap", "Der mangler kapacitet", ("kapacitet",), valence="negativ")]
    out = tmp_path / "ud"
    kv.write_appendix(kv.code(kv.read_corpus(hostile_corpus), small_codebook), out, conclusions=conclusions,
                      small_cells=3)
    count_ending = re.compile(r"(segmenter|segments|respondenter|respondents|\(n/n\)|share)$")
    checked = 0
    for name in ("oversigt", "frekvenser", "konklusioner", "samforekomst"):
        with (out / "csv" / f"{name}.csv").open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                for column, value in row.items():
                    if count_ending.search(column.lower()):
                        n = value.split("/")[0].strip()
                        assert value.startswith(("< 3", "skjult")) or int(n) == 0 or int(n) >= 3, (name, column, value)
                        checked += 1
                # A hidden count of respondents hides its percent (0 of a hidden N stays 0 %).
                hidden = any(value.startswith(("< 3", "skjult")) for column, value in row.items()
                             if column in ("respondents", "share"))
                for column, value in row.items():
                    if column.lower().endswith(("%", "procent", "percent")) and hidden and ":" not in column:
                        assert value == "–", (name, column, row)
    assert checked > 50
    with (out / "csv" / "konklusioner.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert {row["supported"] for row in csv.DictReader(handle)} <= {"ja", "nej"}
    sheet = openpyxl.load_workbook(out / "appendix.xlsx")["Samforekomst"]
    numbers = [cell for row in sheet.iter_rows(min_row=4, min_col=2, values_only=True) for cell in row]
    assert all(not isinstance(cell, int) or cell == 0 or cell >= 3 for cell in numbers)
    assert "små tal skjult,ja: under 3" in (out / "csv" / "manifest.csv").read_text(encoding="utf-8-sig")


def test_appendix_without_pseudonymisation_warns_in_manifest(tiny_corpus: Path, small_codebook: kv.Codebook,
                                                             tmp_path: Path) -> None:
    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    kv.write_appendix(coded, tmp_path / "raa", pseudonymise=False, charts_enabled=False)
    manifest = (tmp_path / "raa" / "csv" / "manifest.csv").read_text(encoding="utf-8-sig")
    assert "ADVARSEL" in manifest and "IKKE pseudonymiseret" in manifest


def test_appendix_warnings_are_in_the_manifest(tiny_corpus: Path, small_codebook: kv.Codebook,
                                               tmp_path: Path) -> None:
    # A conclusion naming a group nobody belongs to showed 0/0 with only a console line to say why.
    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    typo = [Conclusion("kap", "Der mangler kapacitet", ("kapacitet",), groups=("Borgere",))]
    with pytest.warns(kv.KvalevalWarning, match="W021"):
        kv.write_appendix(coded, tmp_path / "ud", conclusions=typo, charts_enabled=False)
    manifest = pd.read_csv(tmp_path / "ud" / "csv" / "manifest.csv", encoding="utf-8-sig")
    warned = manifest.loc[manifest["Felt"] == "advarsel", "Værdi"].tolist()
    assert len(warned) == 1 and "W021" in warned[0] and "Borgere" in warned[0]
    sheet = openpyxl.load_workbook(tmp_path / "ud" / "appendix.xlsx")["Kørsel"]
    assert any(row[0] == "advarsel" and "W021" in str(row[1]) for row in sheet.iter_rows(values_only=True))


def test_appendix_says_whom_a_limited_conclusion_counts(tiny_corpus: Path, small_codebook: kv.Codebook,
                                                        tmp_path: Path) -> None:
    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    limited = [Conclusion("skoler", "Skolerne oplever ventetid", ("kapacitet",), where=(("role", ("skole",)),))]
    kv.write_appendix(coded, tmp_path / "ud", conclusions=limited, charts_enabled=False)
    sheet = openpyxl.load_workbook(tmp_path / "ud" / "appendix.xlsx")["Konklusioner"]
    cells = [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
    assert "Kun respondenter med: skoler: role = skole." in cells
    assert "1/1" in cells  # the one school respondent, not all four
    assert "Kun respondenter med: skoler: role = skole." in (tmp_path / "ud" / "bilag.md").read_text(encoding="utf-8")


def test_appendix_reproducible(tiny_corpus: Path, small_codebook: kv.Codebook, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KVALEVAL_DATE", "2026-01-01")
    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    for name in ("a", "b"):
        kv.write_appendix(coded, tmp_path / name)
    for path in (tmp_path / "a").rglob("*"):
        if path.is_file() and path.suffix in (".csv", ".md", ".svg", ".png", ".xlsx"):
            assert path.read_bytes() == (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes(), path


def test_appendix_workbook_dates_are_the_run_date(tiny_corpus: Path, small_codebook: kv.Codebook, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # docProps/core.xml held the time of writing, so two identical runs gave two different files.
    import datetime as dt
    import time

    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    monkeypatch.delenv("KVALEVAL_DATE", raising=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    kv.write_appendix(coded, tmp_path / "a", charts_enabled=False)
    time.sleep(1.1)
    kv.write_appendix(coded, tmp_path / "b", charts_enabled=False)
    assert (tmp_path / "a" / "appendix.xlsx").read_bytes() == (tmp_path / "b" / "appendix.xlsx").read_bytes()
    properties = openpyxl.load_workbook(tmp_path / "a" / "appendix.xlsx").properties
    assert properties.created == properties.modified == dt.datetime(2026, 1, 1)
    monkeypatch.setenv("KVALEVAL_DATE", "2026-03-02")
    kv.write_appendix(coded, tmp_path / "c", charts_enabled=False)
    assert openpyxl.load_workbook(tmp_path / "c" / "appendix.xlsx").properties.created == dt.datetime(2026, 3, 2)


def test_appendix_failure_leaves_previous_output(tiny_corpus: Path, small_codebook: kv.Codebook, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    out = tmp_path / "ud"
    kv.write_appendix(coded, out, charts_enabled=False)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def explode(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kvaleval.report.appendix.markdown_document", explode)
    with pytest.raises(OSError):
        kv.write_appendix(coded, out, charts_enabled=False)
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_cli_code_writes_appendix_and_summary(tiny_corpus: Path, small_codebook_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli"
    result = subprocess.run(
        [sys.executable, "-m", "kvaleval", "code", str(tiny_corpus), "--codebook", str(small_codebook_path),
         "--out", str(out)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Dokumenter læst: 4" in result.stderr and "Kapacitet:" in result.stderr
    assert (out / "appendix.xlsx").is_file()


def test_cli_code_survey_columns_named(small_codebook_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "skema"
    folder.mkdir()
    (folder / "s.csv").write_text("kode;svar;note\nA1;Det har hjulpet os rigtig meget;x\nB2;Vi mangler folk;y\n",
                                  encoding="utf-8")
    out = tmp_path / "cli"
    command = [sys.executable, "-m", "kvaleval", "code", str(folder), "--codebook", str(small_codebook_path),
               "--out", str(out), "-q"]
    result = subprocess.run([*command, "--id-column", "kode", "--text-column", "svar"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    with (out / "csv" / "segmenter.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["speaker"], row["question"], row["note"]) for row in rows] == [("A1", "svar", "x"),
                                                                                ("B2", "svar", "y")]
    missing = subprocess.run([*command, "--text-column", "ukendt"], capture_output=True, text=True, check=False)
    assert missing.returncode == 2 and "E012" in missing.stderr and "ukendt" in missing.stderr


def test_appendix_survey_columns_named_like_the_codings_columns(small_codebook: kv.Codebook, tmp_path: Path) -> None:
    # A survey column "score" (a satisfaction score) or "code" crashed the run with a KeyError: the
    # segments were joined with the codings, which have those columns too.
    folder = tmp_path / "skema"
    folder.mkdir()
    (folder / "s.csv").write_text(
        "id;respondent_group;score;code;valence;_words;svar\n"
        "1;borger;4;A;god;9;Det har hjulpet os rigtig meget\n2;borger;2;B;dårlig;8;Vi mangler folk og har travlt\n"
        "3;partner;5;C;god;7;Rådgivningen har hjulpet\n", encoding="utf-8")
    coded = kv.code(kv.read_corpus(folder), small_codebook)
    assert {"score (egenskab)", "code (egenskab)", "valence (egenskab)", "_words (egenskab)"} <= set(coded.segments)
    assert coded.segments["score (egenskab)"].tolist() == ["4", "2", "5"]
    assert set(coded.quotes("relevans")["quote"]) == {"Det har hjulpet os rigtig meget", "Rådgivningen har hjulpet"}
    table = coded.frequencies(by="score (egenskab)")
    relevance = table[table["code"] == "relevans"].set_index("score (egenskab)")["segments"]
    assert relevance.to_dict() == {"2": 0, "4": 1, "5": 1, "(alle)": 2}
    kv.write_appendix(coded, tmp_path / "bilag")
    with (tmp_path / "bilag" / "csv" / "segmenter.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert [row["score (egenskab)"] for row in csv.DictReader(handle)] == ["4", "2", "5"]


def test_cli_code_keep_leaves_a_programme_name_readable(small_codebook_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "borger01.txt").write_text("I: Hvordan har du oplevet Jobspor?\nB: Jobspor har hjulpet mig rigtig "
                                         "meget, og Karima fra Jobspor ringer hver uge.\n", encoding="utf-8")
    texts = {}
    for name, extra in (("uden", []), ("med", ["--keep", "Jobspor"])):
        out = tmp_path / name
        result = subprocess.run([sys.executable, "-m", "kvaleval", "code", str(folder), "--codebook",
                                 str(small_codebook_path), "--out", str(out), "-q", *extra],
                                capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        texts[name] = (out / "csv" / "segmenter.csv").read_text(encoding="utf-8-sig")
    assert "Jobspor" not in texts["uden"]
    assert "Jobspor har hjulpet mig" in texts["med"] and "Karima" not in texts["med"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["code", "findes/ikke"], "E001"),
        (["code", "{corpus}", "--codebook", "findes.yaml"], "E201"),
    ],
)
def test_cli_bad_input_one_line_exit_2(tiny_corpus: Path, arguments: list[str], message: str) -> None:
    arguments = [a.replace("{corpus}", str(tiny_corpus)) for a in arguments]
    result = subprocess.run([sys.executable, "-m", "kvaleval", *arguments], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("Fejl:")


def test_appendix_privacy_report_kept_apart(appendix: tuple[kv.Coded, Path]) -> None:
    _, out = appendix
    report = (out / "lokalt" / "pseudonymisering.csv").read_text(encoding="utf-8-sig")
    assert "Fatima" in report and "[telefon]" in report
    assert "personoplysninger" in (out / "lokalt" / "LÆS MIG.txt").read_text(encoding="utf-8")
    workbook = openpyxl.load_workbook(out / "appendix.xlsx")
    assert not any("Fatima" in str(cell.value) for sheet in workbook.worksheets for row in sheet.iter_rows()
                   for cell in row)


def test_appendix_manifest_hashes_metadata_conclusions_and_indicators(tmp_path: Path) -> None:
    # The manifest promised every input file's hash but had neither metadata.csv nor the conclusions.
    import hashlib
    import subprocess
    import sys

    corpus = tmp_path / "korpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("I: Er der ventetid?\nB: Ja, der er lang venteliste, vi mangler folk.\n",
                                  encoding="utf-8")
    (corpus / "metadata.csv").write_text("file,respondent_group\na.txt,borger\n", encoding="utf-8")
    conclusions = tmp_path / "konklusioner.yaml"
    conclusions.write_text("- {id: kap, statement: Der mangler kapacitet, themes: [kapacitet]}\n", encoding="utf-8")
    targets = tmp_path / "indikatorer.csv"
    targets.write_text("indikator,mål,opnået\nFamilier,10,12\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "kvaleval", "code", str(corpus), "--conclusions", str(conclusions),
                    "--targets", str(targets), "--out", str(tmp_path / "ud"), "--quiet"], check=True)
    manifest = pd.read_csv(tmp_path / "ud" / "csv" / "manifest.csv", encoding="utf-8-sig").set_index("Felt")["Værdi"]

    def digest(path: Path) -> str:
        return hashlib.sha256(path.read_bytes()).hexdigest()

    assert manifest["fil metadata.csv"] == f"sha256 {digest(corpus / 'metadata.csv')}"
    assert manifest["konklusioner sha256"] == f"konklusioner.yaml: {digest(conclusions)}"
    assert manifest["indikatorer sha256"] == f"indikatorer.csv: {digest(targets)}"


def test_appendix_privacy_report_says_where_every_replacement_was(appendix: tuple[kv.Coded, Path]) -> None:
    # Attribute and speaker cells were reported with an empty "where": the key could not say where they came from.
    _, out = appendix
    report = pd.read_csv(out / "lokalt" / "pseudonymisering.csv", encoding="utf-8-sig", keep_default_na=False)
    assert len(report) and (report["where"] != "").all()


def test_appendix_run_removes_what_a_killed_run_left(tiny_corpus: Path, small_codebook: kv.Codebook,
                                                     tmp_path: Path) -> None:
    # A run killed outright (SIGKILL, no finally) left .kvaleval-*/ with a whole copy of the appendix,
    # its pseudonymisation report too, and the next run left it there.
    out = tmp_path / "ud"
    left = out / ".kvaleval-abc123"
    (left / "lokalt").mkdir(parents=True)
    (left / "lokalt" / "pseudonymisering.csv").write_text("where,kind,original\n", encoding="utf-8")
    (out / "mine.txt").write_text("mit eget", encoding="utf-8")
    kv.write_appendix(kv.code(kv.read_corpus(tiny_corpus), small_codebook), out)
    assert not left.exists()
    assert (out / "mine.txt").read_text(encoding="utf-8") == "mit eget"
    assert (out / "appendix.xlsx").is_file()


def test_appendix_report_says_which_files_the_numbers_leave_out(tiny_corpus: Path, small_codebook: kv.Codebook,
                                                                tmp_path: Path) -> None:
    # bilag.md, the file pasted into a report, said "3/3 samarbejdspartnere" without a word of the
    # fourth interview that could not be read.
    (tiny_corpus / "partner09.docx").write_bytes(b"not a zip")
    with pytest.warns(kv.KvalevalWarning, match="W001"):
        corpus = kv.read_corpus(tiny_corpus)
    kv.write_appendix(kv.code(corpus, small_codebook), tmp_path / "ud")
    report = (tmp_path / "ud" / "bilag.md").read_text(encoding="utf-8")
    read = len(corpus.documents)
    assert f"Korpus: {read} dokumenter læst; 1 fil(er) sprunget over og ikke talt med: `partner09.docx`" in report


def test_appendix_second_run_removes_files_of_the_first_it_does_not_write(
        tiny_corpus: Path, small_codebook: kv.Codebook, tmp_path: Path) -> None:
    # A second run without conclusions or indicators left the first run's conclusion tables and
    # chart with the old numbers beside the new appendix.
    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    targets = tmp_path / "indikatorer.csv"
    targets.write_text("indikator,mål,opnået\nFamilier,10,12\n", encoding="utf-8")
    conclusions = [Conclusion("kap", "Der mangler kapacitet", ("kapacitet",))]
    out = tmp_path / "ud"
    kv.write_appendix(coded, out, conclusions=conclusions, targets=targets)
    first = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert {"csv/konklusioner.csv", "csv/maalopfyldelse.csv", "figurer/konklusioner_stoette.png"} <= first
    attainment = pd.read_csv(out / "csv" / "maalopfyldelse.csv", encoding="utf-8-sig", keep_default_na=False)
    assert attainment["opfyldt"].tolist() == ["ja"]  # as the workbook and bilag.md say it, not True
    (out / "csv" / "mine_noter.csv").write_text("min egen fil\n", encoding="utf-8")  # the user's own
    (out / "noter.md").write_text("mine noter\n", encoding="utf-8")
    written = kv.write_appendix(coded, out, charts_enabled=False)
    now = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert not any(name.startswith("figurer/") for name in now) and not (out / "figurer").exists()
    for stale in ("csv/konklusioner.csv", "csv/konklusionscitater.csv", "csv/maalopfyldelse.csv"):
        assert stale not in now
    assert {"csv/mine_noter.csv", "noter.md"} <= now  # never touched
    assert now - {"csv/mine_noter.csv", "noter.md", "kvaleval_filer.txt"} == {
        p.relative_to(out).as_posix() for p in written}
    assert (out / "kvaleval_filer.txt").read_text(encoding="utf-8").splitlines() == sorted(
        p.relative_to(out).as_posix() for p in written)


def test_appendix_from_an_older_version_without_a_file_list_is_replaced_whole(
        tiny_corpus: Path, small_codebook: kv.Codebook, tmp_path: Path) -> None:
    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    out = tmp_path / "ud"
    kv.write_appendix(coded, out, conclusions=[Conclusion("kap", "Mangler", ("kapacitet",))], charts_enabled=False)
    (out / "kvaleval_filer.txt").unlink()
    (out / "csv" / "mine_noter.csv").write_text("min egen fil\n", encoding="utf-8")
    kv.write_appendix(coded, out, charts_enabled=False)
    assert not (out / "csv" / "konklusioner.csv").exists()
    assert (out / "csv" / "mine_noter.csv").is_file()


def test_appendix_file_list_cannot_point_outside_the_folder(
        tiny_corpus: Path, small_codebook: kv.Codebook, tmp_path: Path) -> None:
    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    out = tmp_path / "ud"
    kv.write_appendix(coded, out, charts_enabled=False)
    outside = tmp_path / "vigtig.txt"
    outside.write_text("behold mig\n", encoding="utf-8")
    (out / "kvaleval_filer.txt").write_text(f"../vigtig.txt\n{outside}\nbilag.md\n", encoding="utf-8")
    kv.write_appendix(coded, out, charts_enabled=False)
    assert outside.read_text(encoding="utf-8") == "behold mig\n"


def test_appendix_failed_move_brings_back_the_previous_files_stale_ones_too(
        tiny_corpus: Path, small_codebook: kv.Codebook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    out = tmp_path / "ud"
    kv.write_appendix(coded, out, conclusions=[Conclusion("kap", "Mangler", ("kapacitet",))], charts_enabled=False)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    real_replace = os.replace
    failed: list[object] = []

    def fail_on_manifest(source: object, target: object) -> None:
        if Path(str(target)) == out / "csv" / "manifest.csv" and ".kvaleval-" in str(source) and not failed:
            failed.append(target)
            raise OSError(28, "No space left on device")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr("kvaleval.report.appendix.os.replace", fail_on_manifest)
    with pytest.raises(kv.ReportError):
        kv.write_appendix(coded, out, charts_enabled=False)
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before


@pytest.fixture
def uneven_groups(tmp_path: Path) -> Path:
    """Four citizens, three schools and one lone SSP worker who says a lot about one theme."""
    folder = tmp_path / "ujaevn"
    folder.mkdir()
    rows = ["file,respondent_group"]
    people = [*(f"borger{i}" for i in range(4)), *(f"skole{i}" for i in range(3)), "ssp0"]
    for person in people:
        turns = ["I: Hvordan har indsatsen været?", "B: Rådgivningen har hjulpet os meget."]
        if person == "ssp0":
            turns += ["I: Og ellers?", "B: Vejledningen har hjulpet mig.", "I: Mere?",
                      "B: Rådgivningen har også hjulpet de unge.", "I: Andet?", "B: Det har gjort en forskel."]
        if person in ("borger0", "skole0"):
            turns += ["I: Kapaciteten?", "B: Der er lang venteliste."]
        (folder / f"{person}.txt").write_text("\n".join(turns) + "\n", encoding="utf-8")
        rows.append(f"{person}.txt,{person.rstrip('0123456789')}")
    (folder / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def test_appendix_small_cells_hide_n_segments_and_recomputable_cells(
        uneven_groups: Path, small_codebook: kv.Codebook, tmp_path: Path) -> None:
    # The lone SSP worker showed as segments 4, respondents "< 3", N 1: N and the segments
    # gave the hidden count away; and (alle) minus the groups shown recomputed it.
    coded = kv.code(kv.read_corpus(uneven_groups), small_codebook)
    conclusions = [Conclusion("rel", "Indsatsen hjælper", ("relevans",)),
                   Conclusion("kap", "Der mangler kapacitet", ("kapacitet",))]
    out = tmp_path / "ud"
    kv.write_appendix(coded, out, conclusions=conclusions, small_cells=3, charts_enabled=False)
    frequencies = pd.read_csv(out / "csv" / "frekvenser.csv", encoding="utf-8-sig", dtype=str)
    ssp = frequencies[(frequencies["value"] == "ssp") & (frequencies["code"] == "relevans")]
    assert len(ssp) and set(ssp["respondents_total"]) == {"< 3"}
    positive = ssp[ssp["valence"] == "positiv"].iloc[0]
    # 4 segments are not "< 3": they are hidden with the respondents, and say so without a false count.
    assert (positive["segments"], positive["respondents"], positive["share"], positive["percent"]) == (
        "skjult", "< 3", "< 3/< 3", "–")
    for name, group, keys in (("frekvenser", "value", ["attribute", "code", "valence"]),
                              ("konklusioner", "group", ["conclusion_id"])):
        table = pd.read_csv(out / "csv" / f"{name}.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
        for column in ("respondents", "respondents_total", "segments"):
            numbers = [int(v) for v in table[column] if not v.startswith(("<", "skjult"))]
            assert all(v == 0 or v >= 3 for v in numbers), (name, column)
        hidden_people = table["respondents"].str.match(r"<|skjult")
        assert table.loc[hidden_people, "segments"].str.match(r"<|skjult").all(), name
        # One hidden cell in a row of groups and its total would be the total minus the others.
        for _, cells in table.groupby(keys):
            assert cells["respondents"].str.match(r"<|skjult").sum() != 1, (name, cells)
        totals = table.drop_duplicates([*keys[:1], group])
        for _, cells in totals.groupby(keys[:1]):
            assert cells["respondents_total"].str.match(r"<|skjult").sum() != 1, (name, cells)
    assert "ssp: 1" not in (out / "bilag.md").read_text(encoding="utf-8")
    overview_table = pd.read_csv(out / "csv" / "oversigt.csv", encoding="utf-8-sig", dtype=str)
    assert set(overview_table["Ssp: respondenter (n/N)"]) <= {"< 3/< 3", "0/< 3"}
    assert set(overview_table["Ssp: segmenter"]) <= {"< 3", "0", "skjult"}


def test_suppress_counts_hides_a_second_group_so_the_total_cannot_give_one_away() -> None:
    from kvaleval.report.suppress import suppress_counts

    table = pd.DataFrame({
        "group": ["a", "b", "c", "(alle)"], "code": "x",
        "segments": [9, 5, 7, 21], "respondents": [2, 4, 5, 11], "respondents_total": [6, 8, 9, 23],
        "share": ["2/6", "4/8", "5/9", "11/23"], "percent": [33.3, 50.0, 55.6, 47.8],
    })
    shown = suppress_counts(table, 3, group="group", keys=["code"])
    # b, the smallest other, goes too; its 4 is not below 3, so it is "skjult", not "< 3" (which
    # had been a false statement of a count of 54 in the demo's Borger group)
    assert shown["respondents"].tolist() == ["< 3", "skjult", 5, 11]
    assert shown["segments"].tolist() == ["skjult", "skjult", 7, 21]
    assert shown["share"].tolist() == ["< 3/6", "skjult/8", "5/9", "11/23"]
    assert shown["percent"].tolist() == ["–", "–", 55.6, 47.8]
    assert shown["respondents_total"].tolist() == [6, 8, 9, 23]
    assert suppress_counts(table, None, group="group") is table


def test_appendix_short_answer_quotes_show_their_question(small_codebook: kv.Codebook, tmp_path: Path) -> None:
    # "»Ja, helt klart.«" answered "Har rådgivningen hjulpet dig?" and says nothing without it.
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "borger01.txt").write_text(
        "I: Har rådgivningen hjulpet dig?\nB: Ja, helt klart.\n", encoding="utf-8")
    (folder / "borger02.txt").write_text(
        "I: Hvordan var det?\nB: Vejledningen har hjulpet os rigtig meget, og de var gode til at lytte.\n",
        encoding="utf-8")
    coded = kv.code(kv.read_corpus(folder), small_codebook)
    assert coded.codings["why"].str.contains("svar på spørgsmål: »Har rådgivningen hjulpet dig?«", regex=False).any()
    out = tmp_path / "ud"
    conclusions = [Conclusion("rel", "Rådgivningen hjælper", ("relevans",))]
    kv.write_appendix(coded, out, conclusions=conclusions, charts_enabled=False)
    table = pd.read_csv(out / "csv" / "konklusioner.csv", encoding="utf-8-sig")
    quoted = "\n".join(table["quotes"].dropna())
    assert "»Ja, helt klart.« (svar på »Har rådgivningen hjulpet dig?«) (interview 1)" in quoted
    long_answer = [line for line in quoted.splitlines() if line.startswith("»Vejledningen har hjulpet")]
    assert long_answer and all("svar på" not in line for line in long_answer)  # a full answer stands alone
    bilag = (out / "bilag.md").read_text(encoding="utf-8")
    assert "»Ja, helt klart.« (svar på »Har rådgivningen hjulpet dig?«)" in bilag
    sheet = openpyxl.load_workbook(out / "appendix.xlsx")["Konklusioner"]
    assert any("(svar på »Har rådgivningen hjulpet dig?«)" in str(cell) for row in sheet.iter_rows(values_only=True)
               for cell in row)
    citations = pd.read_csv(out / "csv" / "citater.csv", encoding="utf-8-sig")
    short = citations[citations["quote"] == "Ja, helt klart."]
    assert short["question"].tolist() == ["Har rådgivningen hjulpet dig?"] * len(short) and len(short)


def test_appendix_privacy_report_lists_every_contact_column_value(tmp_path: Path,
                                                                  small_codebook: kv.Codebook) -> None:
    # Survey cells of Navn, Telefon and Mail were replaced in every output but missing from the report.
    folder = tmp_path / "korpus"
    folder.mkdir()
    write_xlsx(folder / "forms.xlsx", [
        ["Id", "Navn", "Telefon", "Mail", "Hvad synes du om familievejledningen?"],
        [1, "Anne Marie Hansen", "20 40 50 60", "anne.hansen@gmail.com", "Den har hjulpet os rigtig meget"],
        [2, "Ole Bach Petersen", "+45 30405060", "ole.p@live.dk", "Vi mangler folk og der er lang ventetid"],
    ])
    out = tmp_path / "ud"
    kv.write_appendix(kv.code(kv.read_corpus(folder), small_codebook), out)
    report = pd.read_csv(out / "lokalt" / "pseudonymisering.csv", encoding="utf-8-sig", keep_default_na=False,
                         dtype=str)
    rows = {(r.where, r.kind, r.original, r.replacement, r.start, r.end) for r in report.itertuples()}
    for column, kind, values in (("Navn", "navn", ["Anne Marie Hansen", "Ole Bach Petersen"]),
                                 ("Telefon", "telefon", ["20 40 50 60", "+45 30405060"]),
                                 ("Mail", "e-mail", ["anne.hansen@gmail.com", "ole.p@live.dk"])):
        for value in values:
            original = f"'{value}" if value.startswith("+") else value  # the CSV writes "+..." as text
            assert (f"egenskab: {column}", kind, original, f"[{kind}]", "0", str(len(value))) in rows


def test_appendix_manifest_replaces_only_names_found_in_the_corpus_and_reports_them(
        small_codebook: kv.Codebook, tmp_path: Path) -> None:
    # The manifest's own pseudonymiser took "Fokusgruppe" in a note for a name, and nothing it
    # replaced was in the report. (A quoted excerpt of the corpus in a note is read as the corpus is,
    # so a capitalised word inside it would go as it would in a quote.)
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "borger_fatima.txt").write_text(
        "Fokusgruppe med beboere, Vollsmose fra maj\n\n"
        "I: Fatima, har rådgivningen hjulpet dig?\nB: Ja, vi mangler dog folk i klubben.\n", encoding="utf-8")
    out = tmp_path / "ud"
    kv.write_appendix(kv.code(kv.read_corpus(folder), small_codebook), out)
    manifest = pd.read_csv(out / "csv" / "manifest.csv", encoding="utf-8-sig")
    note = manifest.loc[manifest["Felt"].str.startswith("note: "), "Værdi"].tolist()
    assert len(note) == 1 and "Fokusgruppe med beboere, Vollsmose fra maj" in note[0]
    assert "fatima" not in manifest.to_csv().lower()
    report = pd.read_csv(out / "lokalt" / "pseudonymisering.csv", encoding="utf-8-sig", keep_default_na=False)
    in_manifest = report[report["where"] == "manifest"]
    assert set(in_manifest["original"]) == {"fatima"} and set(in_manifest["kind"]) == {"navn"}


def test_appendix_segment_sheet_headers_are_all_danish(small_codebook: kv.Codebook, tmp_path: Path) -> None:
    # interview_date and interviewer kept their English headers beside "Gruppe" and "Rolle".
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "a.txt").write_text("I: Er der ventetid?\nB: Ja, der er lang venteliste, vi mangler folk.\n",
                                  encoding="utf-8")
    (folder / "metadata.csv").write_text("file,respondent_group,role,interview_date,interviewer\n"
                                         "a.txt,borger,forælder,2024-03-01,I\n", encoding="utf-8")
    out = tmp_path / "ud"
    kv.write_appendix(kv.code(kv.read_corpus(folder), small_codebook), out)
    sheet = openpyxl.load_workbook(out / "appendix.xlsx")["Segmenter"]
    header = next(row for row in sheet.iter_rows(values_only=True) if "Tekst" in row)
    assert {"Gruppe", "Rolle", "Interviewdato", "Interviewer"} <= set(header)
    assert not {"interview_date", "interviewer"} & set(header)


def test_theme_chart_legend_covers_no_bar_or_label() -> None:
    # The legend sat over the "100" label of the last bar (figurer/temaer_pr_gruppe.png).
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from kvaleval.report.charts import ThemeShareDisplay

    shares = pd.DataFrame({"borger": [74.1, 46.3, 25.9, 53.7], "samarbejdspartner": [100.0, 100.0, 80.0, 100.0]},
                          index=["Relevans og nytte", "Kendskab og genkendelighed",
                                 "Civilsamfund, frivillige og beboerdemokrati", "Kapacitet og udvidelse"])
    display = ThemeShareDisplay(shares).plot()
    try:
        renderer = display.figure_.canvas.get_renderer()
        legend = display.ax_.get_legend().get_window_extent(renderer)
        labels = [text for text in display.ax_.texts if text.get_text()]
        assert [text.get_text() for text in labels][-1] == "100"
        for artist in [*labels, *display.ax_.patches]:
            assert not legend.overlaps(artist.get_window_extent(renderer)), artist
        title = display.ax_.title.get_window_extent(renderer)
        assert not legend.overlaps(title)
        figure = display.figure_.bbox
        assert figure.x0 <= legend.x0 and legend.x1 <= figure.x1 and figure.y0 <= legend.y0 and legend.y1 <= figure.y1
    finally:
        plt.close(display.figure_)


def test_theme_chart_labels_say_what_the_table_says() -> None:
    # "%.0f" labelled 62,5 as 62 but 37,5 as 38 (half to even): the chart disagreed with the table.
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from kvaleval.report.charts import ThemeShareDisplay

    display = ThemeShareDisplay(pd.DataFrame({"borger": [62.5, 37.5, 40.0]}, index=["A", "B", "C"])).plot()
    try:
        assert [text.get_text() for text in display.ax_.texts if text.get_text()] == ["62,5", "37,5", "40"]
    finally:
        plt.close(display.figure_)


def test_charts_of_a_pooled_codebook_show_the_most_frequent_themes() -> None:
    """155 pooled themes: the heatmap wrote 24,025 numbers into one figure (a black block, a
    minute to draw) and the bars had 155 labels on top of each other."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from kvaleval.report.charts import MAX_THEMES, CooccurrenceDisplay, ThemeShareDisplay

    labels = [f"Tema {n:03d}" for n in range(60)]
    counts = np.arange(60, dtype=float)[::-1] % 37  # 22..0, then 36..0: the most frequent are not the first
    matrix = pd.DataFrame(np.minimum.outer(counts, counts), index=labels, columns=labels)
    heatmap = CooccurrenceDisplay(matrix, labels).plot()
    shares = pd.DataFrame({"borger": counts, "partner": counts / 2}, index=labels)
    bars = ThemeShareDisplay(shares).plot()
    try:
        expected = [labels[i] for i in sorted(np.argsort(-counts, kind="stable")[:MAX_THEMES])]
        assert [tick.get_text() for tick in heatmap.ax_.get_yticklabels()] == expected
        assert not heatmap.ax_.texts  # no numbers in 25 x 25 cells
        assert "de 25 hyppigste af 60 temaer" in heatmap.ax_.get_title()
        assert [tick.get_text() for tick in bars.ax_.get_xticklabels()] == expected
        assert len(bars.ax_.patches) == 2 * MAX_THEMES and "af 60 temaer" in bars.ax_.get_title()
        every = CooccurrenceDisplay(matrix.iloc[:5, :5], labels[:5]).plot(top=None)
        assert len(every.ax_.texts) == 25 and every.ax_.get_title() == every.title  # few themes: all, with numbers
        plt.close(every.figure_)
    finally:
        plt.close(heatmap.figure_)
        plt.close(bars.figure_)


def test_docs_name_every_column_of_the_segment_table_with_its_header(tiny_corpus: Path) -> None:
    # docs/ had no list of the segment table's columns; DESIGN.md's lacks question and time.
    import re

    from kvaleval.frames import attribute_columns
    from kvaleval.report.tables import DANISH

    docs = (Path(__file__).resolve().parents[1] / "docs" / "appendix.md").read_text(encoding="utf-8")
    section = docs.split("Segmenttabellen (", 1)[1].split("Kodningstabellen (", 1)[0]
    rows = re.findall(r"^\| ((?:`\w+`(?:, )?)+) \| ([^|]+) \| [^|]+ \|$", section, re.MULTILINE)
    documented = [(column, header.strip()) for names, headers in rows
                  for column, header in zip(re.findall(r"`(\w+)`", names), headers.split(", "), strict=True)]
    segments = kv.read_corpus(tiny_corpus).segments
    fixed = [column for column in segments.columns if column not in attribute_columns(segments)]
    assert [column for column, _ in documented] == fixed
    assert {"question", "time"} <= set(fixed)
    assert all(DANISH[column] == header for column, header in documented)


def test_appendix_progress_names_each_step_and_writes_the_same_files(
        tiny_corpus: Path, small_codebook: kv.Codebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    quiet = kv.write_appendix(coded, tmp_path / "stille")
    assert capsys.readouterr().err == ""
    shown = kv.write_appendix(coded, tmp_path / "med", progress=True)
    err = capsys.readouterr().err
    for step in ("frekvenser", "citater", "rammematrix", "segmenter", "Excel: Segmenter", "Excel: gemmer", "CSV"):
        assert step in err
    assert [p.relative_to(tmp_path / "stille") for p in quiet] == [p.relative_to(tmp_path / "med") for p in shown]
    assert ((tmp_path / "stille" / "csv" / "matrix.csv").read_bytes()
            == (tmp_path / "med" / "csv" / "matrix.csv").read_bytes())


def test_grouping_by_a_column_of_names_or_contact_data_is_refused(tiny_corpus: Path, small_codebook: kv.Codebook,
                                                                  tmp_path: Path) -> None:
    # `--by deltager` put "Mette Hansen" and a phone number from a notes column into the tables'
    # headings, bilag.md and the charts: only a column called "Navn" was refused.
    (tiny_corpus / "metadata.csv").write_text(
        "file,respondent_group,role,deltager,noter\n"
        "borger01.txt,borger,forælder,Mette Hansen,ringede på 20304050\n"
        "partner01.docx,samarbejdspartner,Lise Holm,Per Jensen,\n"
        "borger02.vtt,borger,ung,Karen Jensen,\n"
        "survey.xlsx,borger,beboer,,\n", encoding="utf-8")
    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    for column in ("deltager", "noter"):
        with pytest.raises(kv.ReportError, match=rf"E503.*'{column}'"):
            kv.write_appendix(coded, tmp_path / column, by=column, charts_enabled=False)
        assert not (tmp_path / column / "appendix.xlsx").exists()
    kv.write_appendix(coded, tmp_path / "ud", charts_enabled=False)  # a role column with a name in it
    text = (tmp_path / "ud" / "bilag.md").read_text(encoding="utf-8")
    assert "Mette" not in text and "20304050" not in text and "Lise Holm" not in text
    frequencies = pd.read_csv(tmp_path / "ud" / "csv" / "frekvenser.csv", encoding="utf-8-sig")
    assert "Lise Holm" not in set(frequencies["value"]) and "forælder" in set(frequencies["value"])


def test_names_in_file_and_folder_names_are_numbered_not_merged(small_codebook: kv.Codebook, tmp_path: Path) -> None:
    # interview_Mette_Hansen.txt and interview_Karen_Jensen.txt both became interview_[navn]_[navn],
    # one doc_id for two documents; a phone number in a file name and the corpus folder's name stayed.
    folder = tmp_path / "Mette Hansen"
    folder.mkdir()
    answer = "I: Hvordan er ventetiden?\nB: Der er lang venteliste, og vi mangler folk.\n"
    for name in ("interview_Mette_Hansen.txt", "interview_Karen_Jensen.txt", "20304050_opkald.txt"):
        (folder / name).write_text(answer, encoding="utf-8")
    coded = kv.code(kv.read_corpus(folder), small_codebook)
    kv.write_appendix(coded, tmp_path / "ud", charts_enabled=False)
    segments = pd.read_csv(tmp_path / "ud" / "csv" / "segmenter.csv", encoding="utf-8-sig")
    assert segments["doc_id"].nunique() == 3
    assert set(segments["doc_id"]) == {"interview_[navn 1]", "interview_[navn 2]", "[telefon]_opkald"}
    written = [path.read_text(encoding="utf-8-sig") for path in (tmp_path / "ud").rglob("*")
               if path.suffix in (".csv", ".md") and "lokalt" not in path.parts]
    for secret in ("Mette", "Hansen", "Karen", "Jensen", "20304050"):
        assert not any(secret in text for text in written), secret
    manifest = pd.read_csv(tmp_path / "ud" / "csv" / "manifest.csv", encoding="utf-8-sig")
    folder_shown = manifest.loc[manifest["Felt"] == "korpus", "Værdi"].iloc[0]
    assert folder_shown.endswith(("/[navn 1]", "/[navn 2]"))  # the same person's number as her file's


def test_segment_ids_stay_unique_whatever_the_file_name_looks_like(small_codebook: kv.Codebook,
                                                                   tmp_path: Path) -> None:
    # Qualtrics' file name "..._March+15,+2024_10.12.csv" and the segment's "#5" read as one phone
    # number: all 334 segments of the file had one id, and the codings no longer joined the segments.
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "Borgertilfredshed_2024_March+15,+2024_10.12.csv").write_text(
        "id;Hvad fungerer godt?\n1;Der er lang venteliste.\n2;Vi mangler folk.\n3;Ventelisten er for lang.\n",
        encoding="utf-8")
    coded = kv.code(kv.read_corpus(folder), small_codebook)
    kv.write_appendix(coded, tmp_path / "ud", charts_enabled=False, qdpx=False)
    segments = pd.read_csv(tmp_path / "ud" / "csv" / "segmenter.csv", encoding="utf-8-sig")
    codings = pd.read_csv(tmp_path / "ud" / "csv" / "kodninger.csv", encoding="utf-8-sig")
    assert segments["segment_id"].is_unique and len(segments) == 3
    assert set(codings["segment_id"]) <= set(segments["segment_id"]) and len(codings) > 0


def test_a_conclusion_about_one_group_has_no_repeated_total_row(tiny_corpus: Path, small_codebook: kv.Codebook,
                                                                 tmp_path: Path) -> None:
    # Its "(alle)" row repeated the group's row (25/54 twice), and read as "all 69 respondents".
    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    conclusions = [Conclusion("borgere", "x", ("kapacitet",), groups=("borger",)),
                   Conclusion("begge", "y", ("kapacitet",), groups=("borger", "samarbejdspartner"))]
    kv.write_appendix(coded, tmp_path / "ud", conclusions=conclusions, charts_enabled=False)
    table = pd.read_csv(tmp_path / "ud" / "csv" / "konklusioner.csv", encoding="utf-8-sig")
    assert table.groupby("conclusion_id")["group"].apply(list).to_dict() == {
        "borgere": ["borger"], "begge": ["borger", "samarbejdspartner", "(alle)"]}
    quotes = pd.read_csv(tmp_path / "ud" / "csv" / "konklusionscitater.csv", encoding="utf-8-sig")
    assert set(quotes.loc[quotes["conclusion_id"] == "borgere", "group"]) == {"borger"}
    assert len(coded.evidence(conclusions)) == 5  # the API keeps every row


def test_overview_opens_with_material_and_method(tiny_corpus: Path, small_codebook: kv.Codebook,
                                                  tmp_path: Path) -> None:
    # A commissioning reviewer found no word on what was coded, how and with which codebook.
    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    kv.write_appendix(coded, tmp_path / "ud", conclusions=[Conclusion("k", "x", ("kapacitet",))],
                      charts_enabled=False)
    respondent_segments = int((coded.segments["speaker_role"] == "respondent").sum())
    book = openpyxl.load_workbook(tmp_path / "ud" / "appendix.xlsx")
    notes = [str(c) for row in book["Oversigt"].iter_rows(values_only=True) for c in row if c]
    method = next(note for note in notes if note.startswith("Materiale og metode"))
    assert (f"4 dokumenter (interviews og andre tekster: 3, spørgeskemaer: 1), {respondent_segments} "
            "respondentsegmenter") in method
    assert f"»{small_codebook.label or small_codebook.name}«" in method
    conclusions = [str(c) for row in book["Konklusioner"].iter_rows(values_only=True) for c in row if c]
    assert any("blandet tæller som støtte både" in note for note in conclusions)


def test_an_output_folder_with_files_of_the_appendix_s_names_that_kvaleval_did_not_write_is_refused(
        tiny_corpus: Path, small_codebook: kv.Codebook, tmp_path: Path) -> None:
    # --out at the corpus overwrote a transcript called bilag.md; a folder with someone's own
    # appendix.xlsx lost its csv/konklusioner.csv (read as an older kvaleval's file).
    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    (tiny_corpus / "bilag.md").write_text("I: Hej.\nB: Mit interview.\n", encoding="utf-8")
    with pytest.raises(kv.ReportError, match=r"E504.*bilag\.md"):
        kv.write_appendix(coded, tiny_corpus, charts_enabled=False)
    assert (tiny_corpus / "bilag.md").read_text(encoding="utf-8") == "I: Hej.\nB: Mit interview.\n"
    assert not (tiny_corpus / "appendix.xlsx").exists()
    theirs = tmp_path / "andres"
    (theirs / "csv").mkdir(parents=True)
    write_xlsx(theirs / "appendix.xlsx", [["Mit eget regneark"]])
    (theirs / "csv" / "konklusioner.csv").write_text("mine\n", encoding="utf-8")
    with pytest.raises(kv.ReportError, match="E504"):
        kv.write_appendix(coded, theirs, charts_enabled=False)
    assert (theirs / "csv" / "konklusioner.csv").read_text(encoding="utf-8") == "mine\n"


def test_a_group_called_alle_is_told_apart_from_the_total(small_codebook: kv.Codebook, tmp_path: Path) -> None:
    # A survey's group "(alle)" ended write_appendix with a traceback (ValueError in the overview).
    folder = tmp_path / "korpus"
    folder.mkdir()
    write_xlsx(folder / "s.xlsx", [
        ["id", "Gruppe", "Hvad synes du om rådgivningen?"],
        [1, "(alle)", "Der er alt for lang ventetid på rådgivningen."],
        [2, "borger", "Der er alt for lang ventetid."],
        [3, "(alle)", "Jeg kender ikke sekretariatet."],
    ])
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", kv.KvalevalWarning)
        coded = kv.code(kv.read_corpus(folder), small_codebook)
        kv.write_appendix(coded, tmp_path / "ud", charts_enabled=False)
    overview = pd.read_csv(tmp_path / "ud" / "csv" / "oversigt.csv", encoding="utf-8-sig")
    assert "Alle (gruppe): respondenter (n/N)" in overview.columns and "Alle: respondenter (n/N)" in overview.columns
    row = overview.iloc[0]
    assert row["Alle: respondenter (n/N)"].endswith("/3") and row["Alle (gruppe): respondenter (n/N)"].endswith("/2")


def test_workbook_is_usable_in_excel_filters_frozen_respondents_and_percent_decimals(
        tiny_corpus: Path, small_codebook: kv.Codebook, tmp_path: Path) -> None:
    # A reviewer found no filter on 1,262 rows, the Matrix's respondent column scrolling away, and
    # percents shown as 87 beside 83,3.
    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    kv.write_appendix(coded, tmp_path / "ud", charts_enabled=False)
    book = openpyxl.load_workbook(tmp_path / "ud" / "appendix.xlsx")
    assert book["Matrix"].freeze_panes == "B4" and book["Oversigt"].freeze_panes == "A4"
    filtered = {name for name in book.sheetnames if book[name].auto_filter.ref}
    assert filtered and all(book[name].auto_filter.ref.startswith("A3:") for name in filtered)
    assert all(book[name].max_row > 20 for name in filtered)  # a short table needs no filter
    overview = book["Oversigt"]
    headers = [cell.value for cell in overview[3]]
    percent_column = next(i for i, header in enumerate(headers) if str(header).endswith("%"))
    assert {row[percent_column].number_format for row in overview.iter_rows(min_row=4, max_row=5)} == {"0.0"}


def test_sources_key_every_interview_number_of_the_quotes_to_its_document(tiny_corpus: Path,
                                                                         small_codebook: kv.Codebook,
                                                                         tmp_path: Path) -> None:
    # A reviewer could not trace "(Borger, interview 2)" in Matrix to a file: no key from label to file.
    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    kv.write_appendix(coded, tmp_path / "ud", charts_enabled=False)
    sources = pd.read_csv(tmp_path / "ud" / "csv" / "kilder.csv", encoding="utf-8-sig").set_index("doc_id")
    quotes = pd.read_csv(tmp_path / "ud" / "csv" / "citater.csv", encoding="utf-8-sig")
    for attribution, doc_id in zip(quotes["attribution"], quotes["doc_id"], strict=True):
        assert sources.loc[doc_id, "source"] in attribution, (attribution, doc_id)
    assert sources.loc["survey", "source"] == "spørgeskema" and sources.loc["survey", "respondents"] == 2
    respondents = coded.segments[coded.segments["speaker_role"] == "respondent"]
    assert sources["segments"].sum() == len(respondents)


def test_a_surname_that_is_a_word_is_neither_valence_nor_left_in_the_reason(tmp_path: Path) -> None:
    # "mvh Susanne Lykke": the reason said "valens positiv (+lykke)" in Kodninger, a surname in the
    # appendix, and the name made the answer positive.
    codebook = kv.read_codebook(Path(__file__).parents[1] / "codebooks" / "vollsmose.yaml")
    corpus = tmp_path / "korpus"
    corpus.mkdir()
    (corpus / "b.txt").write_text(
        "I: Hvad synes du om familievejledningen?\n"
        "B: Familievejledningen er meget dygtig. Ring til mig, mvh Susanne Lykke.\n"
        "I: Hvem hjalp dig?\n"
        "B: Hun hedder Glad Hansen, familievejlederen, og jeg har brug for familievejledningen.\n",
        encoding="utf-8")
    coded = kv.code(kv.read_corpus(corpus), codebook)
    reasons = " ".join(coded.codings["why"])
    assert "lykke" not in reasons.casefold() and "+glad" not in reasons.casefold()
    lucky = pd.DataFrame({"segment_id": ["b#1"], "doc_id": ["b"], "code": ["relevans"], "coder": ["rules"],
                          "score": [1.0], "valence": ["positiv"], "why": ["valens positiv (+dygtig, +lykke)"]})
    kv.write_appendix(kv.Coded(coded.corpus, codebook, lucky), tmp_path / "ud", qdpx=False)
    written = (tmp_path / "ud" / "csv" / "kodninger.csv").read_text(encoding="utf-8-sig")
    assert "lykke" not in written.casefold() and "+[navn]" in written


def _two_spellings_of_one_group(tmp_path: Path) -> kv.Coded:
    """One interview of group "ung" (metadata.csv) and two survey answers of group "Ung"."""
    from conftest import DEMO_CODEBOOK

    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "ung01.txt").write_text("I: Hvordan er dit job?\nB: Jeg har lang ventetid på vejledning.\n",
                                      encoding="utf-8")
    (folder / "metadata.csv").write_text("file,respondent_group\nung01.txt,ung\n", encoding="utf-8")
    write_xlsx(folder / "svar.xlsx", [["id", "Gruppe", "Hvad synes du om vejledningen?"],
                                      [1, "Ung", "Der er for lang ventetid."], [2, "Ung", "Lang venteliste."]])
    return kv.code(kv.read_corpus(folder), kv.read_codebook(DEMO_CODEBOOK))


def test_overview_keeps_groups_that_differ_only_in_case(tmp_path: Path) -> None:
    # "ung" from metadata.csv and "Ung" from a survey's group column were both headed "Ung:" in
    # Oversigt, and the second group's columns replaced the first's: 2 respondents vanished.
    coded = _two_spellings_of_one_group(tmp_path)
    kv.write_appendix(coded, tmp_path / "ud", charts_enabled=False, qdpx=False)
    header = pd.read_csv(tmp_path / "ud" / "csv" / "oversigt.csv", nrows=0).columns.tolist()
    assert "Ung: respondenter (n/N)" in header and "ung: respondenter (n/N)" in header
    overview = pd.read_csv(tmp_path / "ud" / "csv" / "oversigt.csv")
    assert overview["Ung: respondenter (n/N)"].str.endswith("/2").all()
    assert overview["ung: respondenter (n/N)"].str.endswith("/1").all()


def test_a_conclusion_about_a_group_written_in_another_case_takes_every_spelling(tmp_path: Path) -> None:
    # With "ung" (metadata.csv) and "Ung" (a survey), `groups: [UNG]` took one of them silently.
    coded = _two_spellings_of_one_group(tmp_path)
    code = coded.codings["code"].iloc[0]
    (tmp_path / "k.yaml").write_text(f"conclusions:\n  - id: k1\n    statement: Ventetid\n    themes: [{code}]\n"
                                     f"    groups: [UNG]\n", encoding="utf-8")
    conclusion = kv.read_conclusions(tmp_path / "k.yaml", codebook=coded.codebook)[0]
    table = coded.evidence([conclusion])
    assert set(table["group"]) >= {"Ung", "ung"}
    assert table.loc[table["group"] == "(alle)", "respondents_total"].iloc[0] == 3
