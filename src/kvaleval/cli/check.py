"""``kvaleval check CODEBOOK``: the codebook's examples, unused terms and the terms behind false positives."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kvaleval.cli._app import app
from kvaleval.cli._common import echo, warnings_as_notes


@app.command("check")
def check_cli(
    codebook: Annotated[Path, typer.Argument(help="Kodebogen (YAML eller .qdc).")],
    corpus: Annotated[Path | None, typer.Option(help="Korpus: vis termer, der aldrig rammer.")] = None,
    gold: Annotated[Path | None, typer.Option(help="Guldkodning (csv/xlsx): vis termer bag falske positiver.")] = None,
    top: Annotated[int, typer.Option(help="Antal termer pr. tema i listerne.")] = 10,
) -> None:
    """Tjek kodebogen: eksempler skal kodes, modeksempler må ikke; ubrugte og fejlslående termer."""
    import kvaleval as kv
    from kvaleval.analyse.codebook_check import check_examples, term_usage

    with warnings_as_notes():
        book = kv.read_codebook(codebook)
    examples = check_examples(book)
    failed = examples[~examples["ok"]]
    echo(f"Eksempler og modeksempler: {int(examples['ok'].sum())} af {len(examples)} i orden.")
    for row in failed.itertuples():
        wanted = "skulle kodes" if row.kind == "eksempel" else "må ikke kodes"
        echo(f"  {row.code}: {row.kind} {wanted}: »{row.text}« (evidens {row.evidence}; {row.why or 'ingen fund'})")
    if corpus is not None:
        read = kv.read_corpus(corpus)
        gold_codings = kv.read_codings(gold, segments=read.segments) if gold is not None else None
        usage = term_usage(book, read.segments, gold=gold_codings)
        unused = usage[usage["segments"] == 0]
        echo(f"Termer, der aldrig rammer i {corpus}: {len(unused)} af {len(usage)}.")
        for code, group in unused.groupby("code", sort=False):
            echo(f"  {code}: " + ", ".join(group["term"].head(top * 3)))
        if gold_codings is not None:
            echo("Termer bag flest falske positiver (fund / heraf i guld):")
            wrong = usage[usage["segments"] > usage["in_gold"]]
            for code, group in wrong.groupby("code", sort=False):
                shown = ", ".join(f"{r.term} ({r.segments}/{r.in_gold})" for r in group.head(top).itertuples())
                echo(f"  {code}: {shown}")
    if len(failed):
        raise typer.Exit(code=1)
