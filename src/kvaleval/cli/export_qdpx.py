"""``kvaleval export-qdpx CORPUS``: a corpus, coded with a codebook, as a REFI-QDA project."""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer

from kvaleval.cli._app import DanishCommand, app
from kvaleval.cli._common import check_out, default_codebook, echo, note_text
from kvaleval.corpus import Corpus
from kvaleval.errors import KvalevalWarning, Texts
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
    return _export(corpus, codebook=codebook, out=out)[0]


def _export(corpus: str | Path, *, codebook: str | Path | None, out: str | Path | None) -> tuple[Path, Corpus]:
    """:func:`export_qdpx`, and the corpus read (its skipped files and notes are for the user)."""
    import kvaleval as kv
    from kvaleval.refi import write_qdpx

    source = Path(corpus)
    if out is not None:  # checked before any work, as the other commands' --out
        check_out(Path(out), [source, *([Path(codebook)] if codebook else [])], (".qdpx",), Texts.kind_project)
    read = kv.read_corpus(source)
    coded = kv.code(read, kv.read_codebook(codebook or default_codebook()))
    human = read.codings
    if human is not None and len(human):
        merged = pd.concat([coded.codings, human], ignore_index=True)
        coded.codings = merged.drop_duplicates(["segment_id", "code", "coder"], ignore_index=True)
        coded.codebook = _with_project_codes(coded.codebook, source, skipped=set(read.skipped["path"]))
    name = source.resolve().name if source.is_dir() else source.stem
    target = Path(out) if out is not None else Path("out") / f"{name}.qdpx"
    return write_qdpx(coded, target, name=name), read


def _with_project_codes(book: Codebook, source: Path, *, skipped: AbstractSet[str] = frozenset()) -> Codebook:
    """``book`` plus the codes of the REFI-QDA projects in the corpus that it lacks, with their
    parents, colours and descriptions (else the other program's code tree comes back flat).
    A project the corpus skipped (``skipped``: its relative paths) is left out."""
    from kvaleval.refi import read_qdpx_codebook

    files = sorted(source.rglob("*")) if source.is_dir() else [source]
    known = set(book.names)
    extra = []
    for project in (file for file in files if file.suffix.lower() == ".qdpx"):  # as read_corpus: any case
        relative = project.relative_to(source).as_posix() if source.is_dir() else project.name
        if relative in skipped:
            continue
        with warnings.catch_warnings():  # the import already noted what it tolerated
            warnings.simplefilter("ignore")
            codes = read_qdpx_codebook(project).codes
        for code in codes:
            if code.name not in known:
                known.add(code.name)
                extra.append(code)
    return dataclasses.replace(book, codes=(*book.codes, *extra)) if extra else book


@app.command("export-qdpx", cls=DanishCommand)
def export_qdpx_cli(
    corpus: Annotated[Path, typer.Argument(metavar="KORPUS", help="Korpusmappen (eller én fil).")],
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
    with warnings.catch_warnings():  # the skipped files and notes are listed below
        warnings.simplefilter("ignore", KvalevalWarning)
        path, read = _export(corpus, codebook=codebook, out=out)
    for file, reason in read.skipped.itertuples(index=False):
        echo(Texts.cli_skipped_file.format(path=file, reason=reason), quiet)
    for file, message in read.notes.itertuples(index=False):
        echo(Texts.cli_note.format(message=note_text(file, message)), quiet)
    echo(Texts.cli_project_written.format(path=path), quiet)
