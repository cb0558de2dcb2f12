"""The docs say what the program does: every `python -m kvaleval ...` line in a code block of README.md
and docs/*.md runs as written, in the order of its file, in a copy of the demo (a few of its documents,
so that the whole set takes seconds); a line followed by a `# Fejl: [E...] ...` comment ends with that
line. A command that names files only a user has (`interviews/`, `konklusioner.yaml`) is listed in
NOT_RUN with the reason, and the list may hold only lines the docs still have."""

from __future__ import annotations

import csv
import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from conftest import ROOT
from kvaleval.cli import main
from kvaleval.cli._app import app
from kvaleval.errors import set_language

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

# The demo's documents the copy keeps: both groups, two names `sheet --documents` picks, two in demo_second.csv.
DEMO_DOCUMENTS = ["interviews/borger02.txt", "interviews/borger03.md", "interviews/partner06.txt"]
RAN: set[tuple[str, str]] = set()
"""The lines run as written already, in an earlier file of this session."""

NOT_RUN = {
    "python -m kvaleval code interviews/ -c codebooks/vollsmose.yaml --conclusions konklusioner.yaml "
    "--targets indikatorer.xlsx --pseudonyms pseudonyms.csv --small-cells 3 --out bilag/":
        "the user's own corpus, conclusions, indicators and pseudonyms",
    "python -m kvaleval code undersøgelse/ --cache lokalt/korpuscache --out bilag/": "the user's own survey",
    "python -m kvaleval code nye_interviews/ --model model.json --out out/": "new interviews the user has",
    "python -m kvaleval review nye_interviews/ --model model.json -n 30 --out naeste_30.xlsx":
        "new interviews the user has",
    "python -m kvaleval code korpus/ --codebook dagtilbud.yaml --conclusions konklusioner.yaml --targets maal.docx":
        "conclusions.md's own evaluation, shown in parts",
    "python -m kvaleval agreement fra-nvivo.qdpx --codebook codebooks/vollsmose.yaml":
        "a project coded in another program (tests/test_refi_human.py reads such projects)",
    "python -m kvaleval agreement anne.qdpx bo.qdpx": "two coders' projects from another program",
}


def commands(path: Path) -> Iterator[tuple[int, str, str]]:
    """(line, command, the error the docs show after it or '') for every kvaleval line in a code block."""
    text = path.read_text("utf-8")
    for block in re.finditer(r"^```[a-z]*\n(.*?)^```", text, re.S | re.M):
        first = text[:block.start()].count("\n") + 2
        lines = block.group(1).split("\n")
        error = ""
        for number, line in enumerate(lines):
            last = number
            while line.endswith("\\") and last + 1 < len(lines):  # a continued line is one command
                last += 1
                line = line[:-1] + lines[last]
            for part in line.split("&&"):  # README: pip install ... && python -m kvaleval code ...
                if "python -m kvaleval" not in part:
                    continue
                after = lines[last + 1] if last + 1 < len(lines) else ""
                if re.match(r"# (Fejl|Error): \[E\d{3}\]", after):
                    error = after[2:]
                elif not part.rstrip().endswith("# det samme"):  # the same error as the line before
                    error = ""
                yield first + number, " ".join(shlex.split(part, comments=True)), error


def documented() -> list[tuple[str, int, str, str]]:
    return [(path.name, line, command, error) for path in DOCS for line, command, error in commands(path)]


def demo(folder: Path) -> Path:
    """A copy of the demo with DEMO_DOCUMENTS only: corpus/, codebooks/, codings/ as in the repository."""
    shutil.copytree(ROOT / "codebooks", folder / "codebooks")
    for name in DEMO_DOCUMENTS:
        (folder / "corpus" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "corpus" / name, folder / "corpus" / name)
    kept = {name.rsplit(".", 1)[0] for name in DEMO_DOCUMENTS}
    for source, target, column in [("corpus/metadata.csv", "corpus/metadata.csv", "file"),
                                   ("codings/demo_gold.csv", "codings/demo_gold.csv", "doc_id"),
                                   ("codings/demo_second.csv", "codings/demo_second.csv", "doc_id")]:
        with (ROOT / source).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        (folder / target).parent.mkdir(exist_ok=True)
        with (folder / target).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(row for row in rows if row[column].rsplit(".", 1)[0] in kept)
    return folder


def fill_from_gold(sheet: Path, gold: Path) -> None:
    """What the docs leave to the coder ("Koderne udfylder arkene"): a 1 for every code the gold has."""
    with gold.open(encoding="utf-8", newline="") as handle:
        coded = {(f"{row['doc_id']}#{row['turn_index']}", row["code"]) for row in csv.DictReader(handle)}
    book = openpyxl.load_workbook(sheet)
    rows = book["Kodning"]
    header = [cell.value for cell in rows[1]]
    for row in rows.iter_rows(min_row=2):
        for segment, code in coded:
            if row[0].value == segment and code in header:
                row[header.index(code)].value = 1
    book.save(sheet)


def run(command: str, folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> tuple[int, str]:
    """The command as `python -m kvaleval` runs it (kvaleval.cli.main), in this process: exit code, output."""
    words = shlex.split(command)
    arguments = words[words.index("kvaleval") + 1:]
    if "agreement" in arguments:  # the sheets a `sheet` line wrote are filled in by then
        for name in arguments[arguments.index("agreement") + 1:]:
            if name.startswith("-"):
                break
            if name.endswith(".xlsx"):
                fill_from_gold(folder / name, folder / "codings" / "demo_gold.csv")
    with monkeypatch.context() as patch:
        for word in words[:words.index("python")]:  # KVALEVAL_LANG=en python -m kvaleval ...
            patch.setenv(*word.split("=", 1))
        patch.setattr("sys.argv", ["kvaleval", *arguments])
        try:
            main()
            status = 0
        except SystemExit as end:
            status = end.code if isinstance(end.code, int) else 0
        finally:
            set_language(None)
    captured = capsys.readouterr()
    return status, captured.out + captured.err


@pytest.mark.parametrize("path", DOCS, ids=[path.name for path in DOCS])
def test_docs_every_command_line_runs_as_written(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder = demo(tmp_path)
    monkeypatch.chdir(folder)
    for line, command, error in commands(path):
        if command in NOT_RUN:
            continue
        if (command, error) in RAN:  # README's first line is cli.md's too: once is enough
            continue
        status, output = run(command, folder, monkeypatch, capsys)
        where = f"{path.name}:{line}: {command}\n{output}"
        if error:  # the docs' paths are a user's; the rest of the line is as printed
            assert status == 2, where
            assert error.replace("/home/anne/projekt", str(folder)) in output.replace("\n", " "), where
        else:
            assert status == 0, where
        RAN.add((command, error))


def test_docs_commands_not_run_are_still_in_the_docs() -> None:
    commands_there = {command for *_, command, _ in documented()}
    assert set(NOT_RUN) <= commands_there
    assert len(commands_there) > 2 * len(NOT_RUN)


def options() -> dict[str, list[set[str]]]:
    """Per command (and '' for `python -m kvaleval` itself): each option's names, `-c` with `--codebook`."""
    from typer.main import get_command

    group = get_command(app)
    commands = {"": group, **group.commands}  # type: ignore[attr-defined]
    return {name: [{*p.opts, *p.secondary_opts} for p in command.params
                   if p.param_type_name == "option" and "--help" not in p.opts]
            for name, command in commands.items()}


def test_docs_cli_table_names_every_option_of_every_command() -> None:
    text = (ROOT / "docs" / "cli.md").read_text("utf-8")
    table = text[text.index("| kommando | argumenter og valgmuligheder |"):]
    rows = dict(re.findall(r"^\| `([a-z-]+) [^`]*` \| (.*) \|$", table, re.M))
    every = options()
    assert set(rows) == set(every) - {""}
    for command, row in rows.items():
        named = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", row))
        assert [sorted(names) for names in every[command] if not names & named] == [], command
        assert named <= set().union(*every[command]), command


def test_docs_name_only_commands_and_options_there_are() -> None:
    every = options()
    known = set().union(*(names for command in every.values() for names in command)) | {"--help"}
    for path in DOCS:
        text = path.read_text("utf-8")
        used = re.findall(r"python -m kvaleval (?:--lang \S+ )?([a-zA-Z][a-zA-Z-]*)", text)
        assert set(used) - set(every) - {"KOMMANDO", "help"} == set(), path.name
        if path.name != "scaling.md":  # the benchmarks' and Dask's own options
            assert set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", text)) - known == set(), path.name


def test_docs_readme_names_what_ci_runs() -> None:
    readme = " ".join((ROOT / "README.md").read_text("utf-8").split())
    said = readme[readme.index("CI runs `.ci/run`"):][:200]
    steps = re.findall(r"^(python -m pytest -q|ruff check|mypy)\b", (ROOT / ".ci" / "run").read_text("utf-8"), re.M)
    assert len(steps) == 3
    assert all(f"`{step}`" in said for step in steps[1:]) and "python -m pytest -q" in readme
