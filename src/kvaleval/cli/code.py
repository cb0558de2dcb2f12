"""``kvaleval code CORPUS``: read, code and write the appendix in one command."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kvaleval.cli._app import DanishCommand, app
from kvaleval.cli._common import (
    codebook_or_model_s,
    codings_exist,
    echo,
    find_beside,
    print_calibration,
    summary_lines,
    warnings_as_notes,
)
from kvaleval.errors import CodingError, Errors, ReportError, Texts

if TYPE_CHECKING:
    from kvaleval.corpus import Corpus
    from kvaleval.records import Codebook


@app.command("code", cls=DanishCommand)
def code_cli(
    corpus: Annotated[Path, typer.Argument(metavar="KORPUS",
                                           help="Mappen med transskriptioner (og evt. metadata.csv).")],
    codebook: Annotated[Path | None, typer.Option("--codebook", "-c", help="Kodebog (YAML eller .qdc).")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Mappe til bilaget.")] = Path("out"),
    conclusions: Annotated[
        Path | None, typer.Option(help="Konklusioner (YAML). Uden --conclusions og --targets bruges de "
                                       "konklusioner og indikatorer, der ligger ved kodebogen.")
    ] = None,
    targets: Annotated[Path | None, typer.Option(help="Indikatorer for målopfyldelse (csv/xlsx/docx).")] = None,
    pseudonymise: Annotated[bool, typer.Option("--pseudonymise/--no-pseudonymise",
                                               help="Pseudonymisér citater og tekst (standard).")] = True,
    qdpx: Annotated[bool, typer.Option("--qdpx/--no-qdpx",
                                       help="Skriv også REFI-QDA-projektet lokalt/projekt.qdpx til NVivo, ATLAS.ti, "
                                            "MAXQDA og QualCoder (standard; ikke pseudonymiseret).")] = True,
    small_cells: Annotated[int | None, typer.Option(help="Vis antal under k som '< k'.")] = None,
    by: Annotated[str | None, typer.Option(
        "--by", help="Gruppér tabellerne efter denne kolonne (en egenskab fra metadata.csv eller en "
                     "baggrundsvariabel i et spørgeskema, fx 'Afdeling'); standard: respondent_group, hvis den "
                     "findes.")] = None,
    model: Annotated[Path | None, typer.Option(help="Modelfil fra 'kvaleval train' (regler + model).")] = None,
    calibrate_from: Annotated[Path | None, typer.Option(
        help="En håndkodet prøve af korpusset (guld-CSV eller udfyldt kodeark): alle tærskler ganges med den "
             "faktor, der passer bedst til den (kv.calibrate).")] = None,
    pseudonyms: Annotated[Path | None, typer.Option(help="pseudonyms.csv: original,erstatning.")] = None,
    keep: Annotated[list[str] | None, typer.Option(
        help="Et ord eller navn, der ikke pseudonymiseres (indsatsens navn, et sted); gentag for flere.")] = None,
    id_column: Annotated[str | None, typer.Option(
        help="Spørgeskema: kolonnen med respondentens id (ellers findes den ud fra navnet).")] = None,
    text_column: Annotated[list[str] | None, typer.Option(
        help="Spørgeskema: en kolonne med åbne svar; gentag for flere (ellers findes de ud fra svarene).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Ingen statuslinjer.")] = False,
    cache: Annotated[Path | None, typer.Option(
        help="Gem det læste korpus i denne mappe og genbrug det, når ingen fil er ændret (kod igen efter "
             "en rettelse i kodebogen uden at læse igen). Mappen får transskriptionernes tekst.")] = None,
) -> None:
    """Kod et korpus og skriv bilaget: appendix.xlsx, csv/, bilag.md, figurer/ og lokalt/projekt.qdpx."""
    import kvaleval as kv
    from kvaleval.analyse.targets import read_targets
    from kvaleval.report.appendix import check_out_dir
    from kvaleval.words import Words

    if small_cells is not None and small_cells < 1:  # before any work, and named as the user wrote it
        raise ReportError(Errors.E903.format(k=small_cells))
    check_out_dir(out)
    codebook_path = codebook_or_model_s(codebook, model)
    progress = not quiet and sys.stderr.isatty()
    # The small files first: a mistake in one of them stops the run before the corpus is read.
    book = kv.read_codebook(codebook_path)
    # The conclusions and indicators beside the codebook belong together: they are taken only when
    # neither file is given (your own conclusions do not get the demo's invented indicators).
    beside = conclusions is None and targets is None
    conclusions_path = conclusions or (find_beside(codebook_path, ("_konklusioner.yaml", "_konklusioner.yml"))
                                       if beside else None)
    targets_path = targets or (find_beside(codebook_path, ("_indikatorer.csv", "_indikatorer.xlsx",
                                                           "_indikatorer.docx"))
                               if beside else None)
    found = kv.read_conclusions(conclusions_path, codebook=book) if conclusions_path else None
    if targets_path:  # checked now, read again by write_appendix, whose warnings (W049) become notes
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", kv.KvalevalWarning)
            read_targets(targets_path)
    given = kv.read_pseudonyms(pseudonyms) if pseudonyms is not None else None
    fitted = kv.ModelCoder.from_json(model, codebook=book) if model is not None else None
    echo(Texts.cli_reading.format(corpus=corpus), quiet)
    with warnings.catch_warnings():
        # Skipped files are listed in the summary below; the library's warning would repeat it.
        warnings.simplefilter("ignore", kv.KvalevalWarning)
        text_columns = text_column or None
        if cache is None:
            read = kv.read_corpus(corpus, progress=progress, id_column=id_column, text_columns=text_columns)
        else:
            from kvaleval.read.cache import read_corpus_cached

            read, cached, saved = read_corpus_cached(corpus, cache, progress=progress, id_column=id_column,
                                                     text_columns=text_columns)
            shown = Texts.cli_cache_hit if cached else Texts.cli_cache_saved if saved else Texts.cli_cache_unwritable
            echo(shown.format(cache=cache), quiet)
    if by is not None and by not in read.segments:  # said before the coding, not after it
        from kvaleval.analyse.frequencies import groupable

        raise CodingError(Errors.E304.format(by=by, columns=groupable(read.segments.columns)))
    if calibrate_from is not None:
        book = _calibrated(read, book, calibrate_from, quiet)
    echo(Texts.cli_coding.format(codebook=codebook_path), quiet)
    echo(Texts.cli_inputs.format(conclusions=conclusions_path or Texts.cli_none,
                                 targets=targets_path or Texts.cli_none), quiet)
    coded = kv.code(read, book, model=fitted, progress=progress)
    echo(Texts.cli_writing.format(out=out), quiet)
    inputs = ((Words.conclusions_file, conclusions_path), (Words.targets_file, targets_path))
    with warnings_as_notes():
        written = kv.write_appendix(coded, out, conclusions=found, targets=targets_path,
                                    pseudonymise=pseudonymise, small_cells=small_cells, pseudonyms=given, by=by,
                                    sources={label: path for label, path in inputs if path},
                                    keep=keep or (), progress=progress, qdpx=qdpx)
    for line in summary_lines(coded, written, out, only_skipped=quiet):
        echo(line)


def _calibrated(read: Corpus, book: Codebook, sample: Path, quiet: bool) -> Codebook:
    """The codebook with its thresholds scaled to fit the hand-coded sample, and the factor said."""
    import kvaleval as kv
    codings_exist([sample])
    found = kv.calibrate(read, book, kv.read_codings(sample, segments=read.segments, codebook=book))
    if not quiet:
        print_calibration(found)
    echo(Texts.cli_calibrated_used.format(scale=found.scale), quiet)
    return found.codebook

