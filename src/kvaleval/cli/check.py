"""``kvaleval check CODEBOOK``: the codebook's examples, unused terms and the terms behind false positives."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kvaleval.cli._app import DanishCommand, app
from kvaleval.cli._common import codings_exist, warnings_as_notes
from kvaleval.errors import Errors, Texts


def say(line: str) -> None:
    """The check's findings go to standard output, so `check ... > rapport.txt` keeps them."""
    typer.echo(line)


@app.command("check", cls=DanishCommand)
def check_cli(
    codebook: Annotated[Path, typer.Argument(metavar="KODEBOG", help="Kodebogen (YAML eller .qdc).")],
    corpus: Annotated[Path | None, typer.Option(help="Korpus: vis termer, der aldrig rammer.")] = None,
    gold: Annotated[Path | None, typer.Option(help="Guldkodning (csv/xlsx): vis termer bag falske positiver.")] = None,
    top: Annotated[int, typer.Option(help="Antal termer pr. tema i listerne.")] = 10,
) -> None:
    """Tjek kodebogen: eksempler skal kodes, modeksempler må ikke; ubrugte og fejlslående termer."""
    import kvaleval as kv
    from kvaleval.analyse.codebook_check import (
        check_examples,
        compound_matches,
        same_words,
        shared_terms,
        term_usage,
    )

    if top < 1:  # a negative --top cut the lists from their end
        raise typer.BadParameter(Errors.E911.format(option="--top", example=20, value=top))
    if gold is not None and corpus is None:
        raise typer.BadParameter(Errors.E908)
    codings_exist([gold] if gold is not None else [])  # before the report, not after the corpus is read
    with warnings_as_notes():
        book = kv.read_codebook(codebook)
    shared = shared_terms(book)
    if shared:
        say(Texts.cli_check_shared)
        for label, names in list(shared.items())[:top]:
            say(f"  {label}: {', '.join(names)}")
        if len(shared) > top:
            say(f"  … (+{len(shared) - top})")
    alike = same_words(book)
    if alike:
        say(Texts.cli_check_same_words)
        for name, groups in list(alike.items())[:top]:
            say(f"  {name}: {'; '.join(groups)}")
    examples = check_examples(book)
    failed = examples[~examples["ok"]]
    say(Texts.cli_check_examples.format(ok=int(examples["ok"].sum()), n=len(examples)))
    for row in failed.itertuples():
        example = row.kind == "eksempel"
        say(Texts.cli_check_failed.format(
            code=row.code, kind=Texts.cli_check_example if example else Texts.cli_check_counterexample,
            wanted=Texts.cli_check_should_code if example else Texts.cli_check_must_not_code,
            text=row.text, evidence=row.evidence, threshold=book[row.code].threshold,
            why=row.why or Texts.cli_check_no_hits))
    if corpus is not None:
        read = kv.read_corpus(corpus)
        gold_codings = kv.read_codings(gold, segments=read.segments) if gold is not None else None
        usage = term_usage(book, read.segments, gold=gold_codings)
        unused = usage[(usage["segments"] == 0) & (usage["in_questions"] == 0)]
        say(Texts.cli_check_unused.format(corpus=corpus, n=len(unused), total=len(usage)))
        for code, group in unused.groupby("code", sort=False):
            more = f" … (+{len(group) - top})" if len(group) > top else ""
            say(f"  {code}: " + ", ".join(group["term"].head(top)) + more)
        asked = usage[(usage["segments"] == 0) & (usage["in_questions"] > 0)]
        if len(asked):  # not unused: a short answer to such a question may take the code from it
            say(Texts.cli_check_only_questions)
            for code, group in asked.groupby("code", sort=False):
                more = f" … (+{len(group) - top})" if len(group) > top else ""
                say(f"  {code}: " + ", ".join(f"{r.term} ({r.in_questions})" for r in group.head(top).itertuples())
                     + more)
        compounds = compound_matches(book, read.segments)
        if len(compounds):
            say(Texts.cli_check_compounds)
            for code, group in compounds.groupby("code", sort=False):
                more = f" … (+{len(group) - top})" if len(group) > top else ""
                say(f"  {code}: " + ", ".join(f"{r.word} ← {r.term} ({r.segments})"
                                               for r in group.head(top).itertuples()) + more)
        if gold_codings is not None:
            say(Texts.cli_check_false_positives)
            wrong = usage[usage["segments"] > usage["in_gold"]]
            for code, group in wrong.groupby("code", sort=False):
                shown = ", ".join(f"{r.term} ({r.segments}/{r.in_gold})" for r in group.head(top).itertuples())
                say(f"  {code}: {shown}")
            weak = usage[usage["too_weak"] > 0]
            if len(weak):
                say(Texts.cli_check_too_weak)
                for code, group in weak.groupby("code", sort=False):
                    threshold = book[code].threshold
                    most = group.sort_values("too_weak", ascending=False, kind="stable").head(top)
                    shown = ", ".join(f"{r.term} ({r.too_weak}, {r.weight:g}/{threshold:g})"
                                      for r in most.itertuples())
                    say(f"  {code}: {shown}")
    if len(failed):
        raise typer.Exit(code=1)
