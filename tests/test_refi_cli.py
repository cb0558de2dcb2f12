"""``kvaleval export-qdpx``: read, code, write a valid project."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from conftest import REFI_QDA
from kvaleval.errors import KvalevalWarning
from kvaleval.refi import check_qdpx, read_qdpx

SHARED = REFI_QDA
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


def test_refi_cli_export_keeps_an_imported_projects_code_tree(tiny_corpus: Path, small_codebook_path: Path,
                                                              tmp_path: Path) -> None:
    # A project from another program in the corpus folder: its codes keep parent and colour.
    import zipfile

    from kvaleval.cli.export_qdpx import export_qdpx
    from kvaleval.refi import read_qdpx_codebook

    source, user = "bbbbbbbb-0000-0000-0000-000000000001", "11111111-1111-1111-1111-111111111111"
    parent, child = "aaaaaaaa-0000-0000-0000-000000000001", "aaaaaaaa-0000-0000-0000-000000000002"
    qde = (f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Andet" '
           f'origin="MAXQDA 2022"><Users><User guid="{user}" name="Karen"/></Users><CodeBook><Codes>'
           f'<Code guid="{parent}" name="Relationer" isCodable="true" color="#3366CC">'
           f'<Code guid="{child}" name="Tillid" isCodable="true" color="#33CC66"/></Code></Codes></CodeBook>'
           f'<Sources><TextSource guid="{source}" name="Interview 9" plainTextPath="internal://{source}.txt">'
           f'<PlainTextSelection guid="cccccccc-0000-0000-0000-000000000001" startPosition="3" endPosition="36" '
           f'creatingUser="{user}"><Coding guid="dddddddd-0000-0000-0000-000000000001" creatingUser="{user}">'
           f'<CodeRef targetGUID="{child}"/></Coding></PlainTextSelection></TextSource></Sources></Project>')
    with zipfile.ZipFile(tiny_corpus / "andet.qdpx", "w") as archive:
        archive.writestr("project.qde", qde)
        archive.writestr(f"sources/{source}.txt", "B: Jeg har stor tillid til min leder.\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        path = export_qdpx(tiny_corpus, codebook=small_codebook_path, out=tmp_path / "p.qdpx")
        codes = {code.name: code for code in read_qdpx_codebook(path).codes}
    assert codes["Tillid"].parent == "Relationer" and codes["Tillid"].color.upper() == "#33CC66"


def test_refi_cli_bad_corpus(tmp_path: Path) -> None:
    from kvaleval.cli.export_qdpx import export_qdpx
    from kvaleval.errors import KvalevalError

    with pytest.raises(KvalevalError):
        export_qdpx(tmp_path / "findes-ikke", out=tmp_path / "p.qdpx")
    assert not (tmp_path / "p.qdpx").exists()


def test_refi_cli_broken_project_beside_a_good_one(tiny_corpus: Path, small_codebook_path: Path,
                                                   tmp_path: Path) -> None:
    # A malformed project in the folder stopped the whole export (E605), though the corpus had skipped it;
    # and what the corpus skipped or noted was never shown.
    from typer.testing import CliRunner

    from kvaleval.cli import export_qdpx as _registers  # noqa: F401
    from kvaleval.cli._app import app
    from kvaleval.cli.export_qdpx import export_qdpx

    folder = tmp_path / "korpus"
    export_qdpx(tiny_corpus, codebook=small_codebook_path, out=folder / "gammel.qdpx")
    (folder / "kaput.qdpx").write_bytes((folder / "gammel.qdpx").read_bytes()[:200])
    out = tmp_path / "ny.qdpx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        result = CliRunner().invoke(app, ["export-qdpx", str(folder), "--codebook", str(small_codebook_path),
                                          "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Sprunget over: kaput.qdpx" in result.output
    assert out.is_file()


def test_refi_cli_note_names_its_file_once(small_codebook_path: Path, tmp_path: Path) -> None:
    # "Bemærk: interviews/a.txt: [W017] interviews/a.txt: ..." repeated the path.
    from typer.testing import CliRunner

    from kvaleval.cli import export_qdpx as _registers  # noqa: F401
    from kvaleval.cli._app import app

    folder = tmp_path / "korpus" / "interviews"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("Fokusgruppe med beboere\n\nI: Er der ventetid?\nB: Ja, vi mangler folk.\n",
                                  encoding="utf-8")
    args = ["export-qdpx", str(folder.parent), "--codebook", str(small_codebook_path),
            "--out", str(tmp_path / "p.qdpx")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    notes = [line for line in result.output.splitlines() if line.startswith("Bemærk:")]
    assert len(notes) == 1 and "[W017]" in notes[0]
    assert notes[0].count("interviews/a.txt") == 1
    assert notes[0].startswith("Bemærk: [W017] interviews/a.txt: teksten før det første talermærke")


@pytest.mark.parametrize("name", ["projekt.qdc", "projekt.csv"])
def test_refi_cli_out_with_another_suffix_is_refused(tiny_corpus: Path, small_codebook_path: Path, tmp_path: Path,
                                                     name: str) -> None:
    # A .qdpx zip had been written under a .qdc or .csv name.
    from typer.testing import CliRunner

    from kvaleval.cli import export_qdpx as _registers  # noqa: F401
    from kvaleval.cli._app import app
    from kvaleval.errors import HumanCodingError

    out = tmp_path / name
    result = CliRunner().invoke(app, ["export-qdpx", str(tiny_corpus), "--codebook", str(small_codebook_path),
                                      "--out", str(out)])
    assert result.exit_code != 0 and isinstance(result.exception, HumanCodingError)
    assert "[E844]" in str(result.exception) and ".qdpx" in str(result.exception)
    assert not out.exists()
