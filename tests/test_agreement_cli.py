"""``kvaleval agreement``: filled sheets and CSVs in, the agreement table and disagreements out."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

import kvaleval as kv
from kvaleval.analyse.agreement import agreement
from kvaleval.cli import agreement as _agreement  # noqa: F401  (registers the command)
from kvaleval.cli._app import app
from kvaleval.coding.human import read_codings
from kvaleval.errors import HumanCodingError, KvalevalWarning
from kvaleval.records import Codebook
from kvaleval.report.sheet import write_sheet
from test_human_read import fill


@pytest.fixture
def sheets(tiny_corpus: Path, small_codebook: Codebook, tmp_path: Path) -> tuple[Path, Path]:
    """Anne codes every respondent turn; Bo gets a sheet with the partner interview only."""
    corpus = kv.read_corpus(tiny_corpus)
    anne = write_sheet(corpus, small_codebook, tmp_path / "coder_anne.xlsx")
    partner = corpus.segments[corpus.segments["doc_id"] == "partner01"]
    bo = write_sheet(partner, small_codebook, tmp_path / "coder_bo.xlsx", coder_name="Bo")
    fill(
        anne,
        {
            ("borger01#1", "kapacitet"): 1,
            ("partner01#1", "kapacitet"): 1,
            ("partner01#1", "kapacitet: valens"): "negativ",
            ("partner01#3", "civilsamfund"): "x",
        },
    )
    fill(
        bo,
        {
            ("partner01#1", "kapacitet"): 1,
            ("partner01#1", "kapacitet: valens"): "blandet",
            ("partner01#3", "relevans"): 1,
        },
    )
    return anne, bo


def run(*args: str) -> object:
    return CliRunner().invoke(app, ["agreement", *args])


def test_agreement_cli_sheets(
    sheets: tuple[Path, Path],
    tiny_corpus: Path,
    small_codebook_path: Path,
    small_codebook: Codebook,
    tmp_path: Path,
) -> None:
    anne, bo = sheets
    out = tmp_path / "enighed.xlsx"
    result = run(
        str(anne),
        str(bo),
        "--corpus",
        str(tiny_corpus),
        "--codebook",
        str(small_codebook_path),
        "--out",
        str(out),
        "--n-boot",
        "100",
    )
    assert result.exit_code == 0, result.output
    assert "Krippendorffs α" in result.stdout and "(alle)" in result.stdout
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Enighed", "Uenigheder"]
    rows = list(book["Enighed"].iter_rows(min_row=3, values_only=True))
    header = rows[0]
    by_code = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:6]}
    # Bo saw only partner01: the units both saw are its two turns.
    assert by_code["kapacitet"]["Enheder"] == 2 and by_code["kapacitet"]["Enighed"] == 1.0
    assert by_code["kapacitet"]["Valens-enighed"] == 0.0
    assert by_code["relevans"]["Enighed"] == 0.5 and by_code["civilsamfund"]["Enighed"] == 0.5
    segments = kv.read_corpus(tiny_corpus).segments
    codings = pd.concat([read_codings(anne), read_codings(bo)])
    expected = agreement(
        codings,
        segments=segments,
        codes=small_codebook.names,
        n_boot=100,
        coverage={"Bo": ["partner01#1", "partner01#3"]},
    )
    overall = expected.set_index("code").loc["(alle)"]
    assert rows[5][0] == "(alle)" and rows[5][header.index("Cohens κ")] == pytest.approx(
        overall["cohen_kappa"]
    )
    listed = list(book["Uenigheder"].iter_rows(min_row=3, values_only=True))
    assert listed[0][:6] == ("Segment", "Dokument", "Kode", "Uenighed om", "anne", "Bo")
    assert [row[:6] for row in listed[1:]] == [
        ("partner01#1", "partner01", "kapacitet", "valens", "1 (negativ)", "1 (blandet)"),
        ("partner01#3", "partner01", "relevans", "kode", "0", "1"),
        ("partner01#3", "partner01", "civilsamfund", "kode", "1", "0"),
    ]


def test_agreement_cli_rules_and_shared_documents(
    tiny_corpus: Path, small_codebook_path: Path, tmp_path: Path
) -> None:
    gold = tmp_path / "anne.csv"
    gold.write_text(
        "doc_id,turn_index,code\nborger01,1,kapacitet\nborger01,3,kendskab\n", encoding="utf-8"
    )
    out = tmp_path / "e.xlsx"
    result = run(
        str(gold),
        "--corpus",
        str(tiny_corpus),
        "--codebook",
        str(small_codebook_path),
        "--rules",
        "--shared-documents",
        "--out",
        str(out),
        "--n-boot",
        "0",
        "--quiet",
    )
    assert result.exit_code == 0, result.output
    rows = list(openpyxl.load_workbook(out)["Enighed"].iter_rows(min_row=3, values_only=True))
    header = rows[0]
    units = {row[0]: row[header.index("Enheder")] for row in rows[1:6]}
    assert units["kapacitet"] == 2  # only borger01 is coded by both anne and the rules
    assert header[-2:] == ("Forekomst: anne", "Forekomst: rules")


def test_agreement_cli_rules_with_the_default_codebook(tmp_path: Path) -> None:
    # docs/cli.md: "agreement koder_anne.xlsx --corpus corpus/ --rules", no --codebook
    corpus = tmp_path / "korpus"
    corpus.mkdir()
    (corpus / "borger01.txt").write_text("I: Hvordan går det?\nB: Vi mangler folk, og der er lang ventetid.\n",
                                         encoding="utf-8")
    gold = tmp_path / "anne.csv"
    gold.write_text("doc_id,turn_index,code\nborger01,1,kapacitet\n", encoding="utf-8")
    result = run(str(gold), "--corpus", str(corpus), "--rules", "--out", str(tmp_path / "e.xlsx"), "--n-boot", "0",
                 "--quiet")
    assert result.exit_code == 0, result.output


def test_agreement_cli_same_coder_twice(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    for path in (first, second):
        path.write_text("segment_id,code,coder\nd#1,a,anne\n", encoding="utf-8")
    result = run(str(first), str(second), "--out", str(tmp_path / "e.xlsx"))
    assert isinstance(result.exception, HumanCodingError)
    assert "[E824] Koderen 'anne' står i både" in str(result.exception)


def test_agreement_cli_rules_need_corpus(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("segment_id,code,coder\nd#1,a,anne\nd#1,a,bo\n", encoding="utf-8")
    result = run(str(path), "--rules", "--out", str(tmp_path / "e.xlsx"))
    assert result.exit_code == 2 and "--rules" in result.output


def test_agreement_cli_csv_with_two_coders(tmp_path: Path) -> None:
    path = tmp_path / "to.csv"
    marks = np.array([[1, 0, 1, 1, 0, 0], [1, 0, 0, 1, 0, 1]])
    lines = ["segment_id,code,coder"] + [
        f"d#{u},a,{coder}" for r, coder in enumerate(["x", "y"]) for u in np.nonzero(marks[r])[0]
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(str(path), "--out", str(tmp_path / "e.xlsx"), "--n-boot", "0")
    assert result.exit_code == 0, result.output
    # Without --corpus the units are the 4 segments someone coded; x and y agree on 2.
    line = result.stdout.splitlines()[1].split()
    assert line[:3] == ["a", "0.50", "-0.33"]
    # no interval (--n-boot 0) and no valences: a dash, not pandas' NaN
    assert "NaN" not in result.stdout and line[4:6] == ["–", "–"] and line[8] == "–"


def test_agreement_cli_shared_documents_without_corpus(tmp_path: Path) -> None:
    path = tmp_path / "to.csv"
    path.write_text(
        "segment_id,code,coder\na#1,k,x\na#1,k,y\na#2,k,x\nb#1,k,x\n",  # y coded nothing in b
        encoding="utf-8",
    )
    result = run(
        str(path), "--shared-documents", "--out", str(tmp_path / "e.xlsx"), "--n-boot", "0"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].split()[:2] == ["k", "0.50"]  # units a#1, a#2 only


def test_agreement_cli_prints_warnings_as_notes(sheets: tuple[Path, Path], tiny_corpus: Path,
                                                small_codebook_path: Path, tmp_path: Path) -> None:
    # W801 came out in Python's form: ".../human.py:434: KvalevalWarning: [W801] ..." and a source line.
    import subprocess
    import sys

    anne, bo = sheets
    book = openpyxl.load_workbook(anne)
    sheet = book["Kodning"]
    sheet.cell(row=1, column=sheet.max_column + 1).value = "ventetid"  # a code of the coder's own
    book.save(anne)
    result = subprocess.run([sys.executable, "-m", "kvaleval", "agreement", str(anne), str(bo), "--corpus",
                             str(tiny_corpus), "--codebook", str(small_codebook_path), "--out",
                             str(tmp_path / "enighed.xlsx"), "--n-boot", "0", "-q"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "Bemærk: [W801]" in result.stderr and "'ventetid'" in result.stderr
    assert "KvalevalWarning" not in result.stderr and "_check_layout" not in result.stderr


def test_agreement_cli_in_english(
    sheets: tuple[Path, Path], tiny_corpus: Path, small_codebook_path: Path, tmp_path: Path
) -> None:
    from kvaleval.errors import set_language

    anne, bo = sheets
    out = tmp_path / "agreement.xlsx"
    try:
        result = CliRunner().invoke(app, ["--lang", "en", "agreement", str(anne), str(bo), "--corpus",
                                          str(tiny_corpus), "--codebook", str(small_codebook_path),
                                          "--out", str(out), "--n-boot", "100"])
    finally:
        set_language(None)
    assert result.exit_code == 0, result.output
    assert "Krippendorff's α" in result.stdout and "Krippendorffs" not in result.stdout
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Agreement", "Disagreements"]
    assert book["Agreement"]["A1"].value == "Agreement between coders"
    notes = [row[0] for row in book["Agreement"].iter_rows(values_only=True) if row[0]]
    assert any(str(note).startswith("Agreement: share of units") for note in notes)
    listed = list(book["Disagreements"].iter_rows(min_row=3, values_only=True))
    assert listed[0][:6] == ("Segment", "Document", "Code", "Disagreement on", "anne", "Bo")
    assert [row[3] for row in listed[1:]] == ["valence", "code", "code"]
    # the numbers are the Danish workbook's
    danish = tmp_path / "enighed.xlsx"
    assert run(str(anne), str(bo), "--corpus", str(tiny_corpus), "--codebook", str(small_codebook_path),
               "--out", str(danish), "--n-boot", "100").exit_code == 0
    english_rows = list(book["Agreement"].iter_rows(min_row=4, max_row=9, values_only=True))
    danish_rows = list(openpyxl.load_workbook(danish)["Enighed"].iter_rows(min_row=4, max_row=9, values_only=True))
    assert [row[1:4] for row in english_rows] == [row[1:4] for row in danish_rows]


def test_agreement_cli_a_coder_of_a_sample_is_told_about_shared_documents(tiny_corpus: Path, tmp_path: Path) -> None:
    # The demo's second coder coded 6 of 28 documents: κ 0.31 without a word, 0.93 with --shared-documents.
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("segment_id,code,coder\nborger01#1,kapacitet,anne\npartner01#1,kapacitet,anne\n"
                     "borger02#1,relevans,anne\n", encoding="utf-8")
    second.write_text("segment_id,code,coder\npartner01#1,kapacitet,bo\n", encoding="utf-8")
    result = run(str(first), str(second), "--corpus", str(tiny_corpus), "--out", str(tmp_path / "e.xlsx"),
                 "--n-boot", "0")
    assert result.exit_code == 0, result.output
    assert "[W804] koderen 'bo' har kodet i 1 af" in result.output and "--shared-documents" in result.output
    assert "koderen 'anne'" not in result.output
    quiet = run(str(first), str(second), "--corpus", str(tiny_corpus), "--out", str(tmp_path / "f.xlsx"),
                "--n-boot", "0", "--shared-documents")
    assert "W804" not in quiet.output


def test_a_theme_missing_from_an_older_sheet_is_missing_not_uncoded(
    tiny_corpus: Path, small_codebook_path: Path, small_codebook: Codebook, tmp_path: Path
) -> None:
    # Anne's sheet was made before the codebook got 'civilsamfund'; Bo's after. Without -c the themes
    # come from the sheets, and Anne counted as 'not coded' on civilsamfund everywhere (κ 0 there,
    # and in '(alle'), for a theme she was never asked about.
    import subprocess
    import sys

    from sklearn.metrics import cohen_kappa_score

    from conftest import SMALL_CODEBOOK

    older = tmp_path / "gammel.yaml"
    older.write_text(SMALL_CODEBOOK.split("  - name: civilsamfund")[0], encoding="utf-8")
    corpus = kv.read_corpus(tiny_corpus)
    anne = write_sheet(corpus, kv.read_codebook(older), tmp_path / "coder_anne.xlsx", coder_name="Anne")
    bo = write_sheet(corpus, small_codebook, tmp_path / "coder_bo.xlsx", coder_name="Bo")
    fill(anne, {("borger01#1", "kapacitet"): 1, ("partner01#1", "kapacitet"): 1, ("borger01#3", "kendskab"): 1})
    fill(bo, {("borger01#1", "kapacitet"): 1, ("borger01#3", "kendskab"): 1, ("partner01#3", "civilsamfund"): 1})
    out = tmp_path / "enighed.xlsx"
    result = subprocess.run([sys.executable, "-m", "kvaleval", "agreement", str(anne), str(bo), "--corpus",
                             str(tiny_corpus), "--out", str(out), "--n-boot", "0"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "Bemærk: [W806]" in result.stderr and "'civilsamfund'" in result.stderr
    rows = {row[0]: row for row in openpyxl.load_workbook(out)["Enighed"].iter_rows(min_row=4, values_only=True)
            if row[0]}
    assert rows["civilsamfund"][7] == 0 and rows["civilsamfund"][3] is None  # no units, α undefined
    # '(alle)' pools the three themes both sheets have, as sklearn sees them
    segments = corpus.segments[corpus.segments["speaker_role"] == "respondent"]["segment_id"].tolist()
    anne_marks = {("borger01#1", "kapacitet"), ("partner01#1", "kapacitet"), ("borger01#3", "kendskab")}
    bo_marks = {("borger01#1", "kapacitet"), ("borger01#3", "kendskab")}
    themes = ["kapacitet", "relevans", "kendskab"]
    a = [int((s, c) in anne_marks) for c in themes for s in segments]
    b = [int((s, c) in bo_marks) for c in themes for s in segments]
    assert rows["(alle)"][7] == len(a)
    assert rows["(alle)"][2] == pytest.approx(cohen_kappa_score(a, b))
    listed = [row[2] for row in openpyxl.load_workbook(out)["Uenigheder"].iter_rows(min_row=4, values_only=True)]
    assert "kapacitet" in listed and "civilsamfund" not in listed
    # the Python API the same way
    with pytest.warns(KvalevalWarning, match="W806"):
        human = kv.read_human_codings([anne, bo], segments=corpus)
    table = agreement(human, segments=corpus, n_boot=0).set_index("code")
    assert table.loc["civilsamfund", "n_units"] == 0
    assert table.loc["(alle)", "cohen_kappa"] == pytest.approx(cohen_kappa_score(a, b))


def test_agreement_cli_rules_without_codebook_refuses_sheets_of_other_themes(tiny_corpus: Path,
                                                                             tmp_path: Path) -> None:
    # --rules without -c codes with the demo codebook; sheets made with one's own codebook were measured
    # against it (κ 0 on each of the user's themes, the demo's themes 'not coded' by the human), with only
    # the 'Ingen --codebook' status line to say why.
    from conftest import SMALL_CODEBOOK

    own = tmp_path / "familie.yaml"
    own.write_text(SMALL_CODEBOOK.split("codes:")[0] + "codes:\n  - name: tillid\n    terms: [stoler]\n"
                   "  - name: kapacitet\n    terms: [venteliste]\n", encoding="utf-8")
    anne = write_sheet(kv.read_corpus(tiny_corpus), kv.read_codebook(own), tmp_path / "coder_anne.xlsx")
    fill(anne, {("partner01#1", "kapacitet"): 1})
    out = tmp_path / "enighed.xlsx"
    result = run(str(anne), "--corpus", str(tiny_corpus), "--rules", "--out", str(out), "--n-boot", "0")
    assert isinstance(result.exception, HumanCodingError), result.output
    message = str(result.exception)
    assert "[E855]" in message and "tillid, kapacitet" in message and "Giv --codebook" in message
    assert not out.exists()
    with_codebook = run(str(anne), "--corpus", str(tiny_corpus), "--rules", "-c", str(own), "--out", str(out),
                        "--n-boot", "0", "-q")
    assert with_codebook.exit_code == 0, with_codebook.output
    rows = [row[0] for row in openpyxl.load_workbook(out)["Enighed"].iter_rows(min_row=4, values_only=True)]
    assert rows[:3] == ["tillid", "kapacitet", "(alle)"]


def test_agreement_cli_an_excel_lock_file_is_named_as_such(sheets: tuple[Path, Path], tiny_corpus: Path,
                                                           tmp_path: Path) -> None:
    # 'agreement *.xlsx' while Anne's sheet is open in Excel picks up '~$coder_anne.xlsx': the --out check's
    # expanduser() read it as the home of a user '$coder_anne.xlsx' and crashed with a traceback
    # (RuntimeError: Could not determine home directory).
    anne, bo = sheets
    lock = tmp_path / "~$coder_anne.xlsx"
    lock.write_bytes(b"\x05Anne K" + b" " * 47 + b"\x05\x00A\x00n\x00n\x00e\x00" + b" " * 104)
    out = tmp_path / "enighed.xlsx"
    result = run(str(anne), str(bo), str(lock), "--corpus", str(tiny_corpus), "--out", str(out), "--n-boot", "0")
    assert isinstance(result.exception, HumanCodingError), result.exception
    assert "[E856]" in str(result.exception) and "låsefil for 'coder_anne.xlsx'" in str(result.exception)
    assert not out.exists()


def test_a_code_only_a_csv_coder_used_is_no_sheet_s_missing_theme(sheets: tuple[Path, Path], tiny_corpus: Path,
                                                                   tmp_path: Path) -> None:
    # W806 is about themes a sheet lacks that other sheets have; a CSV's code (here a typo) is not one.
    anne, _ = sheets
    eva = tmp_path / "eva.csv"
    eva.write_text("segment_id,code\nborger01#1,kapacitett\n", encoding="utf-8")
    human = kv.read_human_codings([anne, eva], segments=kv.read_corpus(tiny_corpus))  # warnings are errors here
    assert human.code_coverage == {} and "kapacitett" in human.codes
