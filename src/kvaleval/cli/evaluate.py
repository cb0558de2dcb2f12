"""``kvaleval evaluate CORPUS --gold FILE``: the rule coder scored against a gold coding."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kvaleval.cli._app import DanishCommand, app
from kvaleval.cli._common import check_out, codings_exist, default_codebook, echo, print_calibration
from kvaleval.errors import Texts, get_language
from kvaleval.words import Words

if TYPE_CHECKING:
    import pandas as pd

    from kvaleval.coding.human import HumanCodings

DANISH = {
    "code": "Kode",
    "precision": "Præcision",
    "recall": "Genkaldelse",
    "f1": "F1",
    "cohen_kappa": "Cohens κ",
    "support": "Guld",
    "predicted": "Kodet",
    "tp": "Rigtige",
    "fp": "Falske pos.",
    "fn": "Oversete",
    "valence_agreement": "Valens-enighed",
    "note": "Note",
    "segment_id": "Segment",
    "doc_id": "Dokument",
    "kind": "Type",
    "valence": "Valens",
    "gold_valence": "Valens (guld)",
    "question": "Spørgsmål",
    "text": "Tekst",
    "why": "Begrundelse",
}
ENGLISH = {
    "code": "Code",
    "precision": "Precision",
    "recall": "Recall",
    "f1": "F1",
    "cohen_kappa": "Cohen's κ",
    "support": "Gold",
    "predicted": "Coded",
    "tp": "Correct",
    "fp": "False pos.",
    "fn": "Missed",
    "valence_agreement": "Valence agreement",
    "note": "Note",
    "segment_id": "Segment",
    "doc_id": "Document",
    "kind": "Kind",
    "valence": "Valence",
    "gold_valence": "Valence (gold)",
    "question": "Question",
    "text": "Text",
    "why": "Reason",
}


@app.command("evaluate", cls=DanishCommand)
def evaluate_cli(
    corpus: Annotated[
        Path, typer.Argument(metavar="KORPUS", help="Mappen med transskriptioner (og evt. metadata.csv).")
    ],
    gold: Annotated[
        list[Path], typer.Option("--gold", "-g", help="Guld-kodning (CSV eller udfyldt kodeark); flere "
                                 "--gold er én standard (fx en CSV og et udfyldt review-ark).")
    ],
    codebook: Annotated[
        Path | None, typer.Option("--codebook", "-c", help="Kodebog (YAML eller .qdc).")
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Resultat (.xlsx).")] = Path(
        "evaluate.xlsx"
    ),
    pseudonymise: Annotated[
        bool,
        typer.Option("--pseudonymise/--no-pseudonymise", help="Pseudonymisér tekst (standard)."),
    ] = True,
    shared_documents: Annotated[bool, typer.Option(
        "--shared-documents", help="Mål kun i de dokumenter, guld-CSV'en har kodninger i (guld på et udsnit).")
    ] = False,
    calibrate: Annotated[bool, typer.Option(
        "--calibrate", help="Find også den faktor på alle tærskler, der passer bedst til guld-kodningen "
                            "(koder korpusset syv gange; kv.calibrate).")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Ingen statuslinjer.")] = False,
) -> None:
    """Kod korpusset med regler og mål mod en guld-kodning: præcision, genkaldelse, F1, κ."""
    import kvaleval as kv
    from kvaleval.analyse.evaluate import FALSE_POSITIVE, MACRO, MISS, OTHER_VALENCE, confusion, evaluate
    from kvaleval.coding.human import read_gold
    from kvaleval.report.xlsx import Sheet, write_workbook

    check_out(out, [*gold, corpus, *([codebook] if codebook else [])], (".xlsx",), Texts.kind_workbook)
    codings_exist(gold)  # the small inputs first: a mistake in one stops the run before the corpus is read
    book = kv.read_codebook(codebook or default_codebook())
    read = kv.read_corpus(corpus)
    truth = _sample_or_all(read_gold(gold, segments=read.segments, codebook=book), read.segments,
                           shared_documents=shared_documents)
    echo(Texts.cli_coding_rules.format(corpus=corpus), quiet)
    coded = kv.code(read, book)
    table = evaluate(coded, truth)
    mistakes = confusion(coded, truth, pseudonymise=pseudonymise)
    kinds = {FALSE_POSITIVE: Words.false_positive, MISS: Words.miss, OTHER_VALENCE: Words.other_valence}
    headers = _headers()
    write_workbook(
        out,
        [
            Sheet(Words.evaluation, _named(table), Words.evaluation_title.format(gold=", ".join(p.name for p in gold)),
                  notes=(Words.note_evaluation_units, Words.note_evaluation_kappa),
                  decimals=[headers[c] for c in ("precision", "recall", "f1", "cohen_kappa", "valence_agreement")]),
            Sheet(
                Words.confusions,
                _named(mistakes.assign(kind=mistakes["kind"].map(kinds).fillna(mistakes["kind"]))),
                Words.confusions_title,
                wrap=(headers["question"], headers["text"], headers["why"]),
            ),
        ],
    )
    shown = _named(table.drop(columns=["note", "predicted"]))
    typer.echo(shown.to_string(index=False, float_format=lambda v: f"{v:.2f}", na_rep="–"))
    macro = table[table["code"] == MACRO].iloc[0]
    lowest = table[table["code"] != MACRO]["cohen_kappa"].min()
    echo(Texts.cli_macro_f1.format(f1=macro["f1"], kappa=lowest), quiet)
    echo(Texts.cli_written_confusions.format(path=out, n=len(mistakes)), quiet)
    if calibrate:
        print_calibration(kv.calibrate(read, book, truth))


def _sample_or_all(truth: HumanCodings, segments: pd.DataFrame, *, shared_documents: bool) -> HumanCodings:
    """A gold CSV saw every turn; one that codes in few of the documents is likely a sample, whose other
    documents would make every rule coding there a false positive: said (W805), or with
    ``--shared-documents`` the units are the turns of the documents it codes in. Sheets list their turns."""
    import dataclasses

    from kvaleval.errors import Warnings
    from kvaleval.records import RESPONDENT

    if truth.coverage:
        return truth
    turns = segments[segments["speaker_role"] == RESPONDENT]
    coded = set(truth.codings["doc_id"].astype(str))
    total = turns["doc_id"].nunique()
    if shared_documents:
        covered = tuple(turns.loc[turns["doc_id"].astype(str).isin(coded), "segment_id"].astype(str))
        return dataclasses.replace(truth, coverage={coder: covered for coder in truth.coders})
    if len(coded) * 2 < total:
        echo(Texts.cli_note.format(message=Warnings.W805.format(n=len(coded), total=total)))
    return truth


def _headers() -> dict[str, str]:
    """The sheets' and the terminal table's column names in the messages' language."""
    return ENGLISH if get_language() == "en" else DANISH


def _named(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns named, and the macro row labelled, in the messages' language."""
    from kvaleval.analyse.evaluate import MACRO

    headers = _headers()
    if "code" in frame:
        frame = frame.assign(code=frame["code"].replace({MACRO: Words.macro_row}))
    return frame.rename(columns={c: headers.get(c, c) for c in frame.columns})
