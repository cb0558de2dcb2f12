"""The command line on hostile input: exit code 2 and one clear line, never a traceback.

And a full run on a corpus with broken files among good ones: it succeeds, lists
what it skipped, modifies no input file and writes nothing outside ``--out``.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SMALL_CODEBOOK

ALIAS_BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join(["*" + chr(97 + i)] * 9) + "]\n" for i in range(8)
) + "name: x\ncodes: *i\n"
GOOD = "I: Hvordan?\nB: Der er lang venteliste.\n"


def run(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kvaleval", *arguments], capture_output=True,
                          text=True, check=False, cwd=cwd, timeout=300)


def empty(folder: Path) -> None:
    folder.mkdir()


def only_broken(folder: Path) -> None:
    folder.mkdir()
    (folder / "tom.txt").write_bytes(b"")
    (folder / "billede.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (folder / "kaput.docx").write_bytes(b"PK\x03\x04kaput")


def metadata_conflict(folder: Path) -> None:
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "metadata.csv").write_text("file;gruppe\na.txt;x\na.txt;y\n", encoding="utf-8")


def metadata_without_file_column(folder: Path) -> None:
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "metadata.csv").write_text("navn;gruppe\na.txt;x\n", encoding="utf-8")


def good_corpus(folder: Path) -> None:
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")


CASES: dict[str, tuple[Callable[[Path], None], str, str, str]] = {
    "missing folder": (lambda folder: None, "", "E001", "findes"),
    "empty folder": (empty, "", "E003", "korpus"),
    "only broken files": (only_broken, "", "E003", "kaput.docx: [E007]"),
    "metadata conflict": (metadata_conflict, "", "E016", "a.txt"),
    "metadata without file column": (metadata_without_file_column, "", "E008", "'navn', 'gruppe'"),
    "codebook alias bomb": (good_corpus, ALIAS_BOMB, "E202", "alias"),
    "codebook python tag": (good_corpus, "name: !!python/object/apply:os.system [ls]\ncodes: []\n",
                            "E202", "!!python"),
    "codebook tabs": (good_corpus, "name: x\n\tcodes: []\n", "E202", "linje 2"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_cli_one_line_exit_2(tmp_path: Path, name: str) -> None:
    setup, codebook_text, code, detail = CASES[name]
    folder = tmp_path / ("findes_ikke" if name == "missing folder" else "korpus")
    setup(folder)
    codebook = tmp_path / "kodebog.yaml"
    codebook.write_text(codebook_text or SMALL_CODEBOOK, encoding="utf-8")
    result = run("code", str(folder), "--codebook", str(codebook), "--out", str(tmp_path / "ud"),
                 "--quiet", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Fejl: [{code}]")
    assert detail in lines[0]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "ud").exists()


def test_hostile_cli_bad_conclusions_stop_before_the_corpus_is_read(tmp_path: Path) -> None:
    # E206 came only after the whole corpus was read (and said no line).
    codebook = tmp_path / "kodebog.yaml"
    codebook.write_text(SMALL_CODEBOOK, encoding="utf-8")
    conclusions = tmp_path / "konklusioner.yaml"
    conclusions.write_text("- {id: k1, statement: x, themes: [findes_ikke]}\n", encoding="utf-8")
    result = run("code", str(tmp_path / "intet_korpus"), "--codebook", str(codebook), "--conclusions",
                 str(conclusions), "--out", str(tmp_path / "ud"), "--quiet", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("Fejl: [E206]") and "linje 1" in result.stderr


@pytest.mark.parametrize("k", ["0", "-2"])
def test_hostile_cli_small_cells_below_one_stop_before_any_work(tmp_path: Path, k: str) -> None:
    # E709 from deep inside ("suppress_small: k ...") came after reading and coding everything.
    good_corpus(tmp_path / "korpus")
    result = run("code", str(tmp_path / "korpus"), "--out", str(tmp_path / "ud"), f"--small-cells={k}", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("Fejl: [E903] --small-cells skal være et helt tal på mindst 1")
    assert f"fik {k}." in result.stderr
    assert "Læser" not in result.stderr and not (tmp_path / "ud").exists()


def _hashes(folder: Path) -> dict[str, tuple[str, int]]:
    return {p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(),
                                               p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def test_hostile_cli_full_run_skips_bad_files_and_modifies_no_input(
    tiny_corpus: Path, small_codebook_path: Path, tmp_path: Path
) -> None:
    (tiny_corpus / "kaput.docx").write_bytes(b"PK\x03\x04kaput")
    (tiny_corpus / "~$rger01.docx").write_bytes(b"\x05Hanne" + b" " * 100)
    (tiny_corpus / "billede.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    outside = tmp_path / "privat.txt"
    outside.write_text("I: Hemmeligt?\nB: Meget hemmeligt.\n", encoding="utf-8")
    (tiny_corpus / "link.txt").symlink_to(outside)
    codebook = tmp_path / "kodebog" / "lille.yaml"
    codebook.parent.mkdir()
    codebook.write_bytes(small_codebook_path.read_bytes())
    work = tmp_path / "arbejde"
    work.mkdir()
    before = _hashes(tmp_path)

    result = run("code", str(tiny_corpus), "--codebook", str(codebook), "--out", "ud", cwd=work)

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    for name, code in (("kaput.docx", "E007"), ("~$rger01.docx", "W009"), ("billede.txt", "E018"),
                       ("link.txt", "W010")):
        assert f"sprunget over: {name}: [{code}]" in result.stderr
    assert "Dokumenter læst: 4; sprunget over: 4" in result.stderr
    after = _hashes(tmp_path)
    written = {path for path in after if path not in before}
    assert all(path.startswith("arbejde/ud/") for path in written), written
    assert {path: after[path] for path in before} == before
    assert "Meget hemmeligt" not in (work / "ud" / "csv" / "segmenter.csv").read_text(encoding="utf-8-sig")


def test_hostile_cli_empty_corpus_path_codes_nothing_in_the_current_folder(tmp_path: Path) -> None:
    # Click reads "" as ".": `code "$KORPUS"` with the variable unset coded whatever the folder held.
    (tmp_path / "borger01.txt").write_text("I: Kender du sekretariatet?\nB: Ja.\n", encoding="utf-8")
    result = run("code", "", "--out", "ud", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("Fejl: [E905] Ugyldig værdi for KORPUS: er tom"), result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["borger01.txt"]


@pytest.mark.parametrize(("arguments", "expected"), [
    (["code"], "Fejl: [E904] Argumentet KORPUS mangler. Se 'python -m kvaleval code --help'."),
    (["--lang", "en", "code"], "Error: [E904] The argument CORPUS is missing. See 'python -m kvaleval code --help'."),
    (["code", "korpus", "--small-cells", "tre"],
     "Fejl: [E905] Ugyldig værdi for --small-cells: skal være et helt tal. Se 'python -m kvaleval code --help'."),
    (["code", "korpus", "--lang", "en"], "Fejl: [E906] Valgmuligheden --lang findes ikke her (--lang står før "
                                         "kommandoen: python -m kvaleval --lang en code ...)."),
    (["kode", "korpus"], "Fejl: [E907] Kommandoen 'kode' findes ikke (mente du code?)."),
    (["--lang", "en", "evaluate", "korpus"], "Error: [E904] The option --gold / -g is missing."),
    (["code", "korpus", "--out"], "Fejl: [E909] --out mangler sin værdi"),  # was English with no code
    (["code", "mine", "interviews"], "Fejl: [E910] Argument(er) for meget: interviews. Står der mellemrum"),
    (["code", "korpus", "--out="], "Fejl: [E905] Ugyldig værdi for --out / -o: er tom"),
    (["check", " "], "Fejl: [E905] Ugyldig værdi for KODEBOG: er tom"),
    (["--lang", "en", "check", " "], "Error: [E905] Invalid value for CODEBOOK: is empty"),
])
def test_hostile_cli_usage_errors_are_one_line_in_the_runs_language(tmp_path: Path, arguments: list[str],
                                                                    expected: str) -> None:
    # Click's boxed, multi-line English ("Missing argument 'corpus'.") broke the one-line promise.
    result = run(*arguments, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(expected) and result.stderr.count("\n") == 1, result.stderr
