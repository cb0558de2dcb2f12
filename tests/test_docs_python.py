"""Every Python example in README.md and docs/*.md runs as written, in the order of its file, in a copy of
the demo (test_docs_commands.demo), and a value the docs show under a line (`# '[navn] ringede ...'`) is
the value that line gives. An example that needs what only a user has (new interviews, another tool's
project, a Dask cluster) is in NOT_RUN with the reason; `coded` (the demo coded) is there for the
examples that continue from the README's."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import kvaleval as kv
from conftest import ROOT
from test_docs_commands import demo

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

NOT_RUN = {  # (file, what the example holds): why it is not run
    ("README.md", 'kv.write_appendix(coded, "out/"'): "run by test_docs_tables, which reads the appendix it writes",
    ("coding.md", 'kv.read_corpus("nye_interview/")'): "new interviews the user has",
    ("human-coding.md", 'read_codings("coder_anne.xlsx"'): "the coders' filled-in sheets",
    ("privacy.md", "names=talere"): "the speakers' names (talere) of the user's corpus",
    ("refi.md", "kodning/fra-nvivo.qdpx"): "projects from NVivo and ATLAS.ti",
    ("refi.md", 'corpus, codings = kv.read_qdpx("fra-nvivo.qdpx")'): "a project from NVivo",
    ("refi.md", 'kv.read_qdpx("fra-atlas.qdpx")'): "a project from ATLAS.ti",
    ("refi.md", "check_qdpx("): "the schemas in the repository's tests/data",
    ("scaling.md", "LocalCluster("): "starts a Dask cluster",
    ("scaling.md", "code_frame("): "a Dask cluster and S3",
}

# Files an example reads that the docs show in full just before it.
FILES = {"pseudonyms.csv": "original;replacement;note\n"}


def examples(path: Path) -> list[tuple[int, str]]:
    text = path.read_text("utf-8")
    return [(text[:block.start()].count("\n") + 2, block.group(1))
            for block in re.finditer(r"^```python\n(.*?)^```", text, re.S | re.M)]


def skipped(path: Path, source: str) -> bool:
    return any(name == path.name and snippet in source for name, snippet in NOT_RUN)


def statements(source: str) -> list[tuple[int, str, str | None]]:
    """(line, statement, the repr the docs show in the comment line under it, if any)."""
    lines = source.split("\n")
    found = []
    for statement in ast.parse(source).body:
        end = statement.end_lineno or statement.lineno
        value = re.match(r"# ('(?:[^'\\]|\\.)*')", lines[end] if end < len(lines) else "")
        shows = value.group(1) if isinstance(statement, ast.Expr) and value else None
        found.append((statement.lineno, ast.get_source_segment(source, statement) or "", shows))
    return found


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = demo(tmp_path_factory.mktemp("demo"))
    for name, first in FILES.items():  # the file as the docs show it, in the block that begins with `first`
        text = next(block.group(1) for path in DOCS for block in re.finditer(r"^```\w*\n(.*?)^```", path.read_text(
            "utf-8"), re.S | re.M) if block.group(1).startswith(first))
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("path", DOCS, ids=[path.name for path in DOCS])
def test_docs_every_python_example_runs_as_written(path: Path, folder: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for line, source in examples(path):
        if skipped(path, source):
            continue
        if "coded" in source and "coded" not in namespace and "coded =" not in source:
            namespace.update(kv=kv, coded=kv.code(kv.read_corpus("corpus/"), kv.read_codebook(
                "codebooks/vollsmose.yaml")))
        for number, statement, value in statements(source):
            where = f"{path.name}:{line + number - 1}: {statement}"
            if value is not None:
                assert repr(eval(statement, namespace)) == value, where
                continue
            try:
                exec(compile(statement, where, "exec"), namespace)
            except Exception as err:
                pytest.fail(f"{where}\n{type(err).__name__}: {err}")


def test_docs_python_examples_not_run_are_still_in_the_docs() -> None:
    for name, start in NOT_RUN:
        path = next(path for path in DOCS if path.name == name)
        assert any(start in source for _, source in examples(path)), (name, start)


def test_docs_human_coding_s_sheet_errors_are_the_ones_read(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """human-coding.md shows the errors of a sheet with 'måske' under relevans in row 5 and a valence
    without its code in row 7: the cells named are those of a sheet `sheet` writes."""
    import openpyxl

    from kvaleval.coding.human import read_codings
    from kvaleval.errors import HumanCodingError
    from kvaleval.report.sheet import write_sheet

    text = (ROOT / "docs" / "human-coding.md").read_text("utf-8")
    shown = next(block.group(1) for block in re.finditer(r"^```\w*\n(.*?)^```", text, re.S | re.M)
                 if block.group(1).startswith("[E805]")).splitlines()
    monkeypatch.chdir(folder)
    corpus = kv.read_corpus("corpus/")
    codebook = kv.read_codebook("codebooks/vollsmose.yaml")
    sheet = write_sheet(corpus, codebook, "coder_anne.xlsx", coder_name="Anne")
    book = openpyxl.load_workbook(sheet)
    rows = book["Kodning"]
    header = [cell.value for cell in rows[1]]
    rows.cell(row=5, column=header.index("relevans") + 1).value = "måske"
    rows.cell(row=7, column=header.index("kendskab: valens") + 1).value = "positiv"
    book.save(sheet)
    with pytest.raises(HumanCodingError) as raised:
        read_codings("coder_anne.xlsx", segments=corpus, codebook=codebook)
    said = str(raised.value).splitlines()
    assert len(said) == len(shown)
    for docs_line, line in zip(shown, said, strict=True):
        assert line.startswith(docs_line.removesuffix("...").rstrip()), (docs_line, line)


def test_docs_example_files_are_read_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """The whole files the docs show (a codebook, conclusions, indicators) are read as they stand there, and
    the codebook's examples and counterexamples pass `check`."""
    from kvaleval.analyse.targets import read_targets
    from test_docs_commands import run

    def block(name: str, first: str, suffix: str = ".yaml") -> Path:
        text = (ROOT / "docs" / name).read_text("utf-8")
        found = [b.group(1) for b in re.finditer(r"^```\w*\n(.*?)^```", text, re.S | re.M)
                 if b.group(1).startswith(first)]
        assert len(found) == 1, (name, first)
        path = tmp_path / f"{len(list(tmp_path.iterdir()))}{suffix}"
        path.write_text(found[0], encoding="utf-8")
        return path

    monkeypatch.chdir(tmp_path)
    assert run(f"python -m kvaleval check {block('codebook.md', 'name: vollsmose')}", tmp_path, monkeypatch,
               capsys)[0] == 0
    dagtilbud = kv.read_codebook(block("conclusions.md", "name: dagtilbud"))
    assert len(kv.read_conclusions(block("conclusions.md", "conclusions:"), codebook=dagtilbud)) == 5
    assert len(read_targets(block("conclusions.md", "Resultatmål", ".csv"))) == 5
    demo_codebook = kv.read_codebook(ROOT / "codebooks" / "vollsmose.yaml")
    assert len(kv.read_conclusions(block("appendix.md", "# codebooks/vollsmose_konklusioner.yaml"),
                                   codebook=demo_codebook)) == 2
    assert len(read_targets(block("appendix.md", "indikator,mål,opnået", ".csv"))) == 2
