"""``kvaleval export-qdpx CORPUS``: a corpus, coded with a codebook, as a REFI-QDA project."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer

from kvaleval.cli._app import app
from kvaleval.cli._common import default_codebook, echo
from kvaleval.records import Codebook


def export_qdpx(corpus: str | Path, *, codebook: str | Path | None = None, out: str | Path | None = None) -> Path:
    """Read a corpus, code it with the rule coder and write a ``.qdpx``.

    Human codings found in REFI-QDA projects inside the corpus folder
    (``corpus.codings``) are exported beside the rule coder's, each coder as
    its own REFI user.

    Parameters
    ----------
    corpus : str or Path
        The corpus folder (or one file).
    codebook : str or Path, optional
        A YAML or ``.qdc`` codebook; default the demo codebook, as for ``kvaleval code``.
    out : str or Path, optional
        The project to write; default ``out/<corpus folder name>.qdpx``.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    KvalevalError
        If the corpus or codebook cannot be read or the project cannot be written.
    """
    import kvaleval as kv
    from kvaleval.refi import write_qdpx

    source = Path(corpus)
    read = kv.read_corpus(source)
    coded = kv.code(read, kv.read_codebook(codebook or default_codebook()))
    human = read.codings
    if human is not None and len(human):
        merged = pd.concat([coded.codings, human], ignore_index=True)
        coded.codings = merged.drop_duplicates(["segment_id", "code", "coder"], ignore_index=True)
        coded.codebook = _with_project_codes(coded.codebook, source)
    name = source.resolve().name if source.is_dir() else source.stem
    target = Path(out) if out is not None else Path("out") / f"{name}.qdpx"
    return write_qdpx(coded, target, name=name)


def _with_project_codes(book: Codebook, source: Path) -> Codebook:
    """``book`` plus the codes of the REFI-QDA projects in the corpus that it lacks, with their
    parents, colours and descriptions (else the other program's code tree comes back flat)."""
    import warnings

    from kvaleval.refi import read_qdpx_codebook

    files = sorted(source.rglob("*")) if source.is_dir() else [source]
    known = set(book.names)
    extra = []
    for project in (file for file in files if file.suffix.lower() == ".qdpx"):  # as read_corpus: any case
        with warnings.catch_warnings():  # the import already noted what it tolerated
            warnings.simplefilter("ignore")
            codes = read_qdpx_codebook(project).codes
        for code in codes:
            if code.name not in known:
                known.add(code.name)
                extra.append(code)
    return dataclasses.replace(book, codes=(*book.codes, *extra)) if extra else book


@app.command("export-qdpx")
def export_qdpx_cli(
    corpus: Annotated[Path, typer.Argument(help="Korpusmappen (eller én fil).")],
    codebook: Annotated[Path | None, typer.Option("--codebook", "-c", help="Kodebog (YAML eller .qdc).")] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Projektfilen (standard: out/<korpusnavn>.qdpx)."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Ingen statuslinjer.")] = False,
) -> None:
    """Eksportér korpus og kodning som REFI-QDA-projekt (.qdpx).

    Projektet åbnes i NVivo, ATLAS.ti, MAXQDA og QualCoder. Kildeteksterne er
    ikke pseudonymiseret: projektet indeholder personoplysninger.
    """
    path = export_qdpx(corpus, codebook=codebook, out=out)
    echo(f"Skrev {path}. Det indeholder personoplysninger (kildeteksterne er ikke", quiet)
    echo("pseudonymiseret): del det kun med dem, der må se transskriptionerne.", quiet)
