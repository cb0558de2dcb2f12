"""A newcomer's mistakes on the command line: one clear line that says what to do, exit code 2, and
the small input files checked before the corpus is read (a typo must not cost a long read first)."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest


def run(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kvaleval", *arguments], capture_output=True,
                          text=True, check=False, cwd=cwd, timeout=300)


def one_error(result: subprocess.CompletedProcess[str]) -> str:
    """The error line; there is exactly one, and no traceback."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Fejl:")]
    assert len(errors) == 1, result.stderr
    return errors[0]


# The corpus folder 'nix' does not exist: were it read first, the error would be E001 about it.
SMALL_FILES_FIRST = {
    "code --pseudonyms": (["code", "nix", "-c", "{book}", "--pseudonyms", "navne.csv", "--out", "ud"], "E701"),
    "code --model": (["code", "nix", "-c", "{book}", "--model", "model.json", "--out", "ud"], "E307"),
    "evaluate --gold": (["evaluate", "nix", "-c", "{book}", "--gold", "guld.csv"], "E800"),
    "train --gold": (["train", "nix", "-c", "{book}", "--gold", "guld.csv"], "E800"),
    "review --model": (["review", "nix", "-c", "{book}", "--model", "model.json"], "E307"),
    "agreement file": (["agreement", "anne.csv", "bo.csv", "--corpus", "nix"], "E800"),
    "agreement -c": (["agreement", "{gold}", "--corpus", "nix", "-c", "kodebog.yaml"], "E201"),
    "check --gold": (["check", "{book}", "--corpus", "nix", "--gold", "guld.csv"], "E800"),
}


@pytest.mark.parametrize("case", list(SMALL_FILES_FIRST))
def test_cli_newcomer_missing_input_file_is_named_before_the_corpus_is_read(
        case: str, tmp_path: Path, small_codebook_path: Path) -> None:
    arguments, code = SMALL_FILES_FIRST[case]
    gold = tmp_path / "guld_a.csv"
    gold.write_text("doc_id,turn_index,code\na,1,tillid\n", encoding="utf-8")
    filled = [argument.format(book=small_codebook_path, gold=gold) for argument in arguments]
    line = one_error(run(*filled, cwd=tmp_path))
    assert line.startswith(f"Fejl: [{code}]"), line


def test_cli_newcomer_codebook_typo_names_the_file_meant(tmp_path: Path, small_codebook_path: Path) -> None:
    (tmp_path / "kodebøger").mkdir()
    book = tmp_path / "kodebøger" / "trivsel.yaml"
    book.write_text(small_codebook_path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "korpus").mkdir()
    (tmp_path / "korpus" / "a.txt").write_text("I: Hvordan?\nB: Godt.\n", encoding="utf-8")

    line = one_error(run("code", "korpus", "-c", "kodebøger/trivsel.yml", cwd=tmp_path))
    assert line == "Fejl: [E201] Kodebogen findes ikke: kodebøger/trivsel.yml. Mente du kodebøger/trivsel.yaml?"
    line = one_error(run("check", "trivsel.yaml", cwd=tmp_path))  # run from the wrong folder
    assert line.startswith("Fejl: [E201] Kodebogen findes ikke: trivsel.yaml. Tjek stien (fuld sti: ")
    assert str(tmp_path) in line
    line = one_error(run("code", "korpus", "-c", "kodebøger", cwd=tmp_path))
    assert line == "Fejl: [E209] kodebøger er en mappe, ikke en kodebog. Angiv filen (i mappen: trivsel.yaml)."
    line = one_error(run("check", "korpus", cwd=tmp_path))  # the arguments of code and check mixed up
    assert line.startswith("Fejl: [E209] korpus er en mappe, ikke en kodebog.")
    line = one_error(run("code", "korpus", "-c", "kodebøger/trivsel.yaml", "--conclusions",
                         "kodebøger/trivsel_konklusioner.yaml", cwd=tmp_path))
    assert line.startswith("Fejl: [E205] Konklusionsfilen findes ikke: kodebøger/trivsel_konklusioner.yaml.")


def excel_lock(path: Path) -> None:
    """The lock file Excel keeps beside a workbook it has open: ~$name, 165 bytes, the user's name first."""
    user = "Anne Jensen"
    data = bytes([len(user)]) + user.encode("latin-1") + bytes(54 - len(user) - 1)
    data += bytes([len(user), 0]) + user.encode("utf-16-le")
    path.with_name("~$" + path.name).write_bytes(data + bytes(165 - len(data)))


def test_cli_newcomer_workbook_open_in_excel_is_refused_before_any_work(tmp_path: Path,
                                                                        small_codebook_path: Path) -> None:
    # On Windows a workbook open in Excel cannot be replaced: the run failed at its very end (E501).
    import openpyxl

    (tmp_path / "korpus").mkdir()
    (tmp_path / "korpus" / "a.txt").write_text("I: Hvordan?\nB: Godt.\n", encoding="utf-8")
    (tmp_path / "ud").mkdir()
    for path in (tmp_path / "ud" / "appendix.xlsx", tmp_path / "koder.xlsx"):
        book = openpyxl.Workbook()
        book.active["A1"] = "et ark fra en tidligere kørsel"
        book.save(path)
        excel_lock(path)
    before = (tmp_path / "ud" / "appendix.xlsx").read_bytes()

    line = one_error(run("code", "korpus", "-c", str(small_codebook_path), "--out", "ud", cwd=tmp_path))
    assert line.startswith("Fejl: [E505] ud/appendix.xlsx er åben i Excel (låsefilen ~$appendix.xlsx")
    assert "Luk filen i Excel" in line
    assert (tmp_path / "ud" / "appendix.xlsx").read_bytes() == before
    line = one_error(run("sheet", "korpus", "-c", str(small_codebook_path), "--out", "koder.xlsx", "--force",
                         cwd=tmp_path))
    assert line.startswith("Fejl: [E505] koder.xlsx er åben i Excel")


@pytest.mark.parametrize("command", ["code", "sheet", "evaluate"])
def test_cli_newcomer_option_without_value_points_to_the_commands_help(command: str, tmp_path: Path) -> None:
    # It said "Se 'python -m kvaleval --help'", the page that lists the commands, not their options.
    line = one_error(run(command, "korpus", "--out", cwd=tmp_path))
    assert line == (f"Fejl: [E909] --out mangler sin værdi (en sti, et tal eller et navn efter --out). "
                    f"Se 'python -m kvaleval {command} --help'.")


def test_cli_newcomer_codebook_given_as_the_corpus_says_where_it_goes(tmp_path: Path,
                                                                       small_codebook_path: Path) -> None:
    # The advice was "Gem den som .docx eller .txt (UTF-8)": save the codebook as a transcript.
    line = one_error(run("code", str(small_codebook_path), cwd=tmp_path))
    assert line.startswith(f"Fejl: [E003] Ingen læsbare dokumenter i {small_codebook_path}.")
    assert "Er det kodebogen eller konklusionsfilen, så giv den med -c eller --conclusions" in line
    assert "Gem den som" not in line


def test_cli_newcomer_conclusions_and_indicators_swapped(tmp_path: Path, small_codebook_path: Path) -> None:
    # --targets konklusioner.yaml was read as a CSV: "[E026] ... et decimalkomma ... deler tallet";
    # --conclusions indikatorer.csv as YAML: "skal være en liste".
    (tmp_path / "korpus").mkdir()
    (tmp_path / "korpus" / "a.txt").write_text("I: Hvordan?\nB: Godt.\n", encoding="utf-8")
    (tmp_path / "konklusioner.yaml").write_text(
        "# Konklusioner, midtvejsevaluering\n- id: k1\n  statement: Borgerne har tillid, især til os.\n"
        "  themes: [tillid]\n", encoding="utf-8")
    with open(tmp_path / "indikatorer.csv", "w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([["indikator", "mål", "opnået"], ["Familier i forløb", "60", "71"]])
    book = str(small_codebook_path)

    line = one_error(run("code", "korpus", "-c", book, "--targets", "konklusioner.yaml", cwd=tmp_path))
    assert line.startswith("Fejl: [E031] konklusioner.yaml: indikatorerne skal være en tabel, .csv, .xlsx eller .docx")
    assert line.endswith("Er det konklusionerne, så giv dem med --conclusions (i Python conclusions=).")
    line = one_error(run("code", "korpus", "-c", book, "--conclusions", "indikatorer.csv", cwd=tmp_path))
    assert line == ("Fejl: [E210] indikatorer.csv: konklusionerne skal være en YAML-fil (.yaml eller .yml), ikke "
                    "'.csv'. Er det indikatorerne, så giv dem med --targets (i Python targets=).")


def test_cli_newcomer_unknown_by_column_is_said_before_the_coding(tmp_path: Path, small_codebook_path: Path) -> None:
    # E304 came from the appendix, after the whole corpus was coded.
    (tmp_path / "korpus").mkdir()
    (tmp_path / "korpus" / "a.txt").write_text("I: Hvordan?\nB: Godt.\n", encoding="utf-8")
    (tmp_path / "korpus" / "metadata.csv").write_text("file,afdeling\na.txt,Nord\n", encoding="utf-8")
    result = run("code", "korpus", "-c", str(small_codebook_path), "--by", "afdelling", "--out", "ud", cwd=tmp_path)
    line = one_error(result)
    assert line.startswith("Fejl: [E304] Ukendt attribut 'afdelling' at gruppere efter.")
    assert "afdeling" in line.split("afdelling", 1)[1]
    assert "Koder med" not in result.stderr


def test_cli_newcomer_quiet_run_still_names_the_files_it_skipped(tmp_path: Path, small_codebook_path: Path) -> None:
    # With --quiet a survey skipped for a misspelt --id-column (E012) was missing from every table, unsaid.
    (tmp_path / "korpus").mkdir()
    (tmp_path / "korpus" / "a.txt").write_text("I: Hvordan?\nB: Godt, jeg har tillid til dem.\n", encoding="utf-8")
    with open(tmp_path / "korpus" / "skema.csv", "w", encoding="utf-8", newline="") as file:
        csv.writer(file, delimiter=";").writerows([["løbenr", "Hvad synes du?"], ["1", "Jeg har tillid til dem."],
                                                   ["2", "Det er trygt."]])
    result = run("code", "korpus", "-c", str(small_codebook_path), "--id-column", "lobenr", "--out", "ud", "-q",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    skipped = [line for line in result.stderr.splitlines() if "sprunget over" in line]
    assert len(skipped) == 1 and skipped[0].strip().startswith("sprunget over: skema.csv: [E012]"), result.stderr
    assert "Dokumenter læst" not in result.stderr  # the rest of the summary stays quiet


@pytest.mark.parametrize(("arguments", "option"), [(["check", "{book}", "--top", "-2"], "--top"),
                                                   (["review", "korpus", "--model", "m.json", "-n", "-3"], "-n"),
                                                   (["review", "korpus", "--model", "m.json", "-n", "0"], "-n")])
def test_cli_newcomer_count_below_one_is_refused(arguments: list[str], option: str, tmp_path: Path,
                                                small_codebook_path: Path) -> None:
    # check --top -2 cut every list from its end; review -n -3 wrote every turn but the last three.
    filled = [argument.format(book=small_codebook_path) for argument in arguments]
    line = one_error(run(*filled, cwd=tmp_path))
    assert line.startswith(f"Fejl: [E911] {option} skal være et helt tal på mindst 1 (fx {option} "), line
    assert not (tmp_path / "review.xlsx").exists()


def test_cli_newcomer_negative_n_boot_is_refused_before_reading(tmp_path: Path) -> None:
    # agreement --n-boot -5 read the corpus and the sheets first; the missing corpus folder was the error then.
    line = one_error(run("agreement", "ark.xlsx", "--corpus", "findes_ikke", "--n-boot", "-5", cwd=tmp_path))
    assert line.startswith("Fejl: [E823] n_boot skal være et helt tal, 0 (intet interval) eller mere; fik -5."), line


def test_cli_code_prints_what_reading_did_to_a_file(tmp_path: Path, small_codebook_path: Path) -> None:
    # The reading notes of session 18 (W044-W048, W050) went only to the sheet Kørsel: a user at the
    # console never heard that hidden rows were counted, or that a document's comments were left out.
    import openpyxl

    (tmp_path / "korpus").mkdir()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["id", "Hvad kunne gøres bedre?"])
    for n in range(4):
        sheet.append([n + 1, f"Mere tillid til kommunen, svar {n}."])
    sheet.row_dimensions[3].hidden = True
    workbook.save(tmp_path / "korpus" / "svar.xlsx")
    result = run("code", "korpus", "-c", str(small_codebook_path), "--out", "ud", "--no-qdpx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "[W050] svar.xlsx: 1 skjult(e) række(r) (3) er læst med" in result.stdout + result.stderr
