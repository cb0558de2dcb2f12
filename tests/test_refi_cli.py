"""``kvaleval export-qdpx``: read, code, write a valid project."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from kvaleval.errors import KvalevalWarning
from kvaleval.refi import check_qdpx, read_qdpx

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "refi-qda"
PROJECT_XSD = SHARED / "schema" / "Project.xsd"


def test_refi_cli_export_function(tiny_corpus: Path, small_codebook_path: Path, tmp_path: Path) -> None:
    from kvaleval.cli.export_qdpx import export_qdpx

    path = export_qdpx(tiny_corpus, codebook=small_codebook_path, out=tmp_path / "ud" / "p.qdpx")
    if PROJECT_XSD.is_file():
        assert check_qdpx(path, schema=PROJECT_XSD) == []
    corpus, codings = read_qdpx(path)
    assert len(corpus.documents) == 4
    assert len(codings) > 0 and set(codings["coder"]) == {"rules"}
    assert set(codings["code"]) <= {"kapacitet", "relevans", "kendskab", "civilsamfund"}


def test_refi_cli_command(tiny_corpus: Path, small_codebook_path: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kvaleval.cli import export_qdpx as _registers  # noqa: F401
    from kvaleval.cli._app import app

    out = tmp_path / "projekt.qdpx"
    args = ["export-qdpx", str(tiny_corpus), "--codebook", str(small_codebook_path), "--out", str(out)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert out.is_file()
    assert "personoplysninger" in result.output


def test_refi_cli_bad_corpus(tmp_path: Path) -> None:
    from kvaleval.cli.export_qdpx import export_qdpx
    from kvaleval.errors import KvalevalError

    with pytest.raises(KvalevalError):
        export_qdpx(tmp_path / "findes-ikke", out=tmp_path / "p.qdpx")
    assert not (tmp_path / "p.qdpx").exists()
