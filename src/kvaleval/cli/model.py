"""``kvaleval train`` and ``kvaleval review``: a model coder from human codings, and what to code next."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kvaleval.cli._app import DanishCommand, app
from kvaleval.cli._common import check_out, codebook_or_model_s, codings_exist, default_codebook, echo
from kvaleval.errors import Texts


@app.command("train", cls=DanishCommand)
def train_cli(
    corpus: Annotated[Path, typer.Argument(metavar="KORPUS", help="Korpusset, som guldkodningen hører til.")],
    gold: Annotated[list[Path], typer.Option("--gold", help="Menneskelige kodninger (csv/xlsx-kodeark); flere "
                                             "--gold lægges sammen (fx guld.csv og et udfyldt review-ark).")],
    codebook: Annotated[Path | None, typer.Option("--codebook", "-c", help="Kodebog (YAML eller .qdc).")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Modelfil (JSON, ingen pickles).")] = Path("model.json"),
) -> None:
    """Træn en modelkoder på menneskelige kodninger (stablet på reglerne) og gem den som JSON."""
    import kvaleval as kv
    from kvaleval.coding.human import read_gold

    check_out(out, [*gold, corpus, *([codebook] if codebook else [])], (".json",), Texts.kind_model)
    codings_exist(gold)  # the small inputs first: a mistake in one stops the run before the corpus is read
    book = kv.read_codebook(codebook or default_codebook())
    read = kv.read_corpus(corpus)
    human = read_gold(gold, segments=read.segments, codebook=book)
    model = kv.ModelCoder(book).fit(read.segments, human)
    model.to_json(out)
    thresholds = ", ".join(f"{c} {t:.2f}" for c, t in zip(model.codes_, model.thresholds_, strict=True))
    echo(Texts.cli_trained.format(n=len(model.training_), thresholds=thresholds))
    echo(Texts.cli_model_saved.format(path=out))
    echo(Texts.cli_model_personal_data)


@app.command("review", cls=DanishCommand)
def review_cli(
    corpus: Annotated[Path, typer.Argument(metavar="KORPUS", help="Korpusset.")],
    model: Annotated[Path, typer.Option("--model", help="Modelfil fra 'kvaleval train'.")],
    codebook: Annotated[Path | None, typer.Option("--codebook", "-c", help="Kodebog (YAML eller .qdc).")] = None,
    n: Annotated[int, typer.Option("-n", help="Antal segmenter.")] = 30,
    out: Annotated[Path, typer.Option("--out", "-o", help="Kodeark til de næste segmenter.")] = Path("review.xlsx"),
) -> None:
    """Find de segmenter, hvor en menneskelig kodning hjælper modellen mest, og skriv dem som kodeark."""
    import kvaleval as kv
    from kvaleval.coding.human import filled_cells
    from kvaleval.errors import Errors, HumanCodingError

    if n < 1:  # -n -3 wrote every turn but the last three
        raise typer.BadParameter(Errors.E911.format(option="-n", example=30, value=n))
    check_out(out, [model, corpus, *([codebook] if codebook else [])], (".xlsx",), Texts.kind_sheet)
    if out.is_file() and (filled := filled_cells(out)):
        raise HumanCodingError(Errors.E845.format(path=out, n=filled))
    book = kv.read_codebook(codebook_or_model_s(codebook, model))
    fitted = kv.ModelCoder.from_json(model, codebook=book)
    read = kv.read_corpus(corpus)
    coded = kv.code(read, book, model=fitted)
    queue = coded.review_queue(n, path=str(out))
    for row in queue.head(10).itertuples():
        echo(f"  {row.segment_id}: {row.reason}")
    echo((Texts.cli_written_segment if len(queue) == 1 else Texts.cli_written_segments).format(path=out, n=len(queue)))
