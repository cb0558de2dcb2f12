"""Nothing half-written: an interrupted write leaves the previous appendix and no temporary files."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import openpyxl
import pytest

import kvaleval as kv
from kvaleval.errors import KvalevalWarning, ReportError


@pytest.fixture
def coded(tiny_corpus: Path, small_codebook: kv.Codebook) -> kv.Coded:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        return kv.code(kv.read_corpus(tiny_corpus), small_codebook)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def leftovers(folder: Path) -> list[str]:
    """Temporary files or staging folders a write left behind."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.name.startswith(".") or p.suffix == ".tmp")


def test_hostile_outputs_failure_inside_the_workbook_save(
    coded: kv.Coded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "ud"
    kv.write_appendix(coded, out, charts_enabled=False)
    before = snapshot(out)
    original = openpyxl.Workbook.save

    def half_then_fail(self: openpyxl.Workbook, filename: str) -> None:
        original(self, filename)
        size = os.path.getsize(filename)
        with open(filename, "r+b") as handle:
            handle.truncate(size // 2)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", half_then_fail)
    with pytest.raises(ReportError, match=r"\[E501\].*disken er fuld"):
        kv.write_appendix(coded, out, charts_enabled=False)
    assert snapshot(out) == before
    assert leftovers(out) == []
    openpyxl.load_workbook(out / "appendix.xlsx")


def test_hostile_outputs_interrupt_while_staging(
    coded: kv.Coded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "ud"
    kv.write_appendix(coded, out, charts_enabled=False)
    before = snapshot(out)

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("kvaleval.report.appendix._write_csv", interrupted)
    with pytest.raises(KeyboardInterrupt):
        kv.write_appendix(coded, out, charts_enabled=False)
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_hostile_outputs_first_write_failure_leaves_nothing(
    coded: kv.Coded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "ud"

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kvaleval.report.appendix.markdown_document", full_disk)
    with pytest.raises(OSError):
        kv.write_appendix(coded, out, charts_enabled=False)
    assert snapshot(out) == {}
    assert leftovers(out) == []


def _fail_on_second_replace(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"n": 0}
    original = os.replace

    def flaky(source: str | Path, target: str | Path) -> None:
        # Only the moves from the staging folder into the output folder count.
        if ".kvaleval-" in str(source) and ".kvaleval-" not in str(target):
            calls["n"] += 1
            if calls["n"] == 2:
                raise OSError(5, "Input/output error")
        original(source, target)

    monkeypatch.setattr(os, "replace", flaky)


def test_hostile_outputs_failure_while_moving_into_place_leaves_whole_files(
    coded: kv.Coded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "ud"
    kv.write_appendix(coded, out, charts_enabled=False)
    before = snapshot(out)
    _fail_on_second_replace(monkeypatch)
    # the file that could not be moved is named, not only the folder
    with pytest.raises(ReportError, match=r"\[E501\] \S*/ud/\S+ kunne ikke skrives"):
        kv.write_appendix(coded, out, charts_enabled=False)
    after = snapshot(out)
    assert sorted(after) == sorted(before)
    assert leftovers(out) == []
    openpyxl.load_workbook(out / "appendix.xlsx")


def test_hostile_outputs_failure_while_moving_keeps_the_previous_set(
    coded: kv.Coded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "ud"
    kv.write_appendix(coded, out, charts_enabled=False)
    before = snapshot(out)
    monkeypatch.setenv("KVALEVAL_DATE", "2099-12-31")
    _fail_on_second_replace(monkeypatch)
    with pytest.raises(ReportError):
        kv.write_appendix(coded, out, charts_enabled=False)
    assert snapshot(out) == before


def test_hostile_outputs_out_is_a_file(coded: kv.Coded, tmp_path: Path) -> None:
    target = tmp_path / "ud.txt"
    target.write_text("må ikke overskrives", encoding="utf-8")
    with pytest.raises(ReportError, match=r"^\[E502\]"):
        kv.write_appendix(coded, target)
    assert target.read_text(encoding="utf-8") == "må ikke overskrives"


def test_hostile_outputs_bad_out_is_refused_before_the_corpus_is_read(
    tiny_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # cli.md promises --out is checked first; it was reported after reading and coding.
    from typer.testing import CliRunner

    from kvaleval.cli import code as _code  # noqa: F401  (registers the command)
    from kvaleval.cli._app import app

    def not_now(*args: object, **kwargs: object) -> None:
        raise AssertionError("the corpus was read")

    monkeypatch.setattr(kv, "read_corpus", not_now)
    target = tmp_path / "ud.txt"
    target.write_text("må ikke overskrives", encoding="utf-8")
    for out, code in ((target, "E502"), (target / "bilag", "E501")):
        result = CliRunner().invoke(app, ["code", str(tiny_corpus), "--out", str(out)])
        assert isinstance(result.exception, ReportError) and f"[{code}]" in str(result.exception), result.output
    assert target.read_text(encoding="utf-8") == "må ikke overskrives"


def test_hostile_outputs_reading_modifies_no_input(tiny_corpus: Path) -> None:
    (tiny_corpus / "kaput.docx").write_bytes(b"PK\x03\x04kaput")
    (tiny_corpus / "~$rger01.docx").write_bytes(b"\x05Hanne")
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tiny_corpus.rglob("*")}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        kv.read_corpus(tiny_corpus)
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tiny_corpus.rglob("*")}
    assert after == before
