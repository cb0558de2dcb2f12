"""``kvaleval sheet CORPUS``: a coding sheet (xlsx) for one human coder."""

from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import Annotated

import typer

from kvaleval.cli._app import DanishCommand, app
from kvaleval.cli._common import check_out, default_codebook, echo
from kvaleval.errors import Texts


@app.command("sheet", cls=DanishCommand)
def sheet_cli(
    corpus: Annotated[
        Path, typer.Argument(metavar="KORPUS", help="Mappen med transskriptioner (og evt. metadata.csv).")
    ],
    codebook: Annotated[
        Path | None, typer.Option("--codebook", "-c", help="Kodebog (YAML eller .qdc).")
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Kodearket (.xlsx).")] = Path(
        "kodeark.xlsx"
    ),
    suggest: Annotated[
        bool, typer.Option("--suggest", help="Vis regelkoderens forslag i grå kolonner.")
    ] = False,
    coder: Annotated[
        str | None, typer.Option("--coder", help="Koderens navn (skrives i arket).")
    ] = None,
    documents: Annotated[
        list[str] | None,
        typer.Option(
            "--documents",
            "-d",
            help="Kun dokumenter hvis id passer (fx 'interviews/borger0*'); kan gentages.",
        ),
    ] = None,
    pseudonymise: Annotated[
        bool,
        typer.Option(
            "--pseudonymise/--no-pseudonymise", help="Pseudonymisér tekst og talere (standard)."
        ),
    ] = True,
    force: Annotated[
        bool, typer.Option("--force", help="Overskriv et udfyldt kodeark med samme navn.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Ingen statuslinjer.")] = False,
) -> None:
    """Skriv et kodeark til en koder: én række pr. respondenttur, én kolonne pr. tema."""
    import kvaleval as kv
    from kvaleval.coding.human import filled_cells
    from kvaleval.errors import Errors, HumanCodingError
    from kvaleval.report.sheet import write_sheet

    check_out(out, [corpus, *([codebook] if codebook else [])], (".xlsx",), Texts.kind_sheet)
    if not force and out.is_file() and (n := filled_cells(out)):
        raise HumanCodingError(Errors.E845.format(path=out, n=n))

    read = kv.read_corpus(corpus)
    book = kv.read_codebook(codebook or default_codebook())
    segments = read.segments
    if documents:
        keep = [
            doc
            for doc in segments["doc_id"].unique()
            if any(fnmatch.fnmatch(doc, p) for p in documents)
        ]
        if not keep:
            examples = ", ".join(f"'{doc}'" for doc in list(segments["doc_id"].unique())[:3])
            patterns = ", ".join(f"'{pattern}'" for pattern in documents)
            raise HumanCodingError(Errors.E850.format(patterns=patterns, examples=examples))
        segments = segments[segments["doc_id"].isin(keep)]
    codings = kv.code(read, book).codings if suggest else None
    if codings is not None:
        codings = codings[codings["segment_id"].isin(segments["segment_id"])]
    write_sheet(segments, book, out, codings=codings, coder_name=coder, pseudonymise=pseudonymise)
    rows = int((segments["speaker_role"] == "respondent").sum())
    suggestions = Texts.cli_sheet_suggestions if suggest else ""
    themes = sum(code.codable for code in book.codes)  # a grouping code gets no column
    echo(Texts.cli_sheet_written.format(path=out, rows=rows, themes=themes, suggestions=suggestions), quiet)
