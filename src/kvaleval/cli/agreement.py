"""``kvaleval agreement FILE [FILE ...]``: intercoder agreement and the disagreements to discuss."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kvaleval.cli._app import DanishCommand, app
from kvaleval.cli._common import check_out, codings_exist, default_codebook, echo
from kvaleval.errors import Errors, HumanCodingError, Texts, Warnings, get_language
from kvaleval.words import Words

if TYPE_CHECKING:
    from collections.abc import Sequence

    import pandas as pd

    from kvaleval.coding.human import HumanCodings
    from kvaleval.corpus import Corpus
    from kvaleval.records import Code, Codebook

DANISH = {
    "code": "Kode",
    "percent_agreement": "Enighed",
    "cohen_kappa": "Cohens κ",
    "krippendorff_alpha": "Krippendorffs α",
    "alpha_low": "α nedre (95 %)",
    "alpha_high": "α øvre (95 %)",
    "prevalence": "Forekomst",
    "n_units": "Enheder",
    "valence_agreement": "Valens-enighed",
    "note": "Note",
    "segment_id": "Segment",
    "doc_id": "Dokument",
    "kind": "Uenighed om",
    "question": "Spørgsmål",
    "text": "Tekst",
}
ENGLISH = {
    "code": "Code",
    "percent_agreement": "Agreement",
    "cohen_kappa": "Cohen's κ",
    "krippendorff_alpha": "Krippendorff's α",
    "alpha_low": "α lower (95 %)",
    "alpha_high": "α upper (95 %)",
    "prevalence": "Prevalence",
    "n_units": "Units",
    "valence_agreement": "Valence agreement",
    "note": "Note",
    "segment_id": "Segment",
    "doc_id": "Document",
    "kind": "Disagreement on",
    "question": "Question",
    "text": "Text",
}


@app.command("agreement", cls=DanishCommand)
def agreement_cli(
    files: Annotated[
        list[Path],
        typer.Argument(metavar="KODNINGER",
                       help="Udfyldte kodeark (.xlsx), kodnings-CSV'er eller REFI-QDA-projekter (.qdpx)."),
    ],
    corpus: Annotated[
        Path | None,
        typer.Option(
            "--corpus", help="Korpusset: alle respondentture er enheder, og id'er kontrolleres."
        ),
    ] = None,
    codebook: Annotated[
        Path | None, typer.Option("--codebook", "-c", help="Kodebog: koder kontrolleres.")
    ] = None,
    rules: Annotated[
        bool, typer.Option("--rules", help="Sammenlign også med regelkoderen ('rules').")
    ] = False,
    shared_documents: Annotated[
        bool,
        typer.Option("--shared-documents", help="Kun dokumenter, som alle kodere har kodet i."),
    ] = False,
    out: Annotated[Path, typer.Option("--out", "-o", help="Resultat (.xlsx).")] = Path(
        "enighed.xlsx"
    ),
    n_boot: Annotated[int, typer.Option(help="Bootstrap-gentagelser for α's interval.")] = 1000,
    pseudonymise: Annotated[
        bool,
        typer.Option("--pseudonymise/--no-pseudonymise", help="Pseudonymisér tekst (standard)."),
    ] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Ingen statuslinjer.")] = False,
) -> None:
    """Enighed mellem kodere pr. tema og samlet (κ, α med interval) og listen over uenigheder."""
    import pandas as pd

    import kvaleval as kv
    from kvaleval.analyse.agreement import agreement, disagreements
    from kvaleval.coding.human import read_human_codings
    from kvaleval.refi import by_turn
    from kvaleval.report.xlsx import Sheet, write_workbook

    if n_boot < 0:  # refused by agreement() too, but only after the corpus was read
        raise typer.BadParameter(Errors.E823.format(value=n_boot))
    inputs = [*files, *(path for path in (corpus, codebook) if path is not None)]
    check_out(out, inputs, (".xlsx",), Texts.kind_workbook)
    codings_exist(files)  # the small inputs first: a mistake in one stops the run before the corpus is read
    book = kv.read_codebook(codebook) if codebook else None
    projects = [path for path in files if path.suffix.lower() == ".qdpx"]
    read: Corpus | None = None
    if projects:  # coders in NVivo, ATLAS.ti, MAXQDA or QualCoder: the project is the corpus
        human, read = _from_projects(projects, files, corpus, book)
    elif corpus:
        read = kv.read_corpus(corpus)
    segments = read.segments if read is not None else None
    if not projects:
        human = read_human_codings(files, segments=segments, codebook=book)
    tables: list[pd.DataFrame] = [human.codings]
    coverage = {coder: list(ids) for coder, ids in human.coverage.items()}
    if rules:
        if read is None:
            raise typer.BadParameter(Errors.E902)
        if book is None:  # as 'code' and 'evaluate' do, but only when the sheets are of its themes
            demo = default_codebook()
            book = kv.read_codebook(demo)
            _check_same_themes(human, book.codes, demo)
        rules_codings = kv.code(read, book).codings
        tables.append(by_turn(read, rules_codings)[1] if projects else rules_codings)
    codings = pd.concat(tables, ignore_index=True)
    if not shared_documents:
        _warn_partial_coders(codings, coverage, [*human.coders])
    if shared_documents:
        shared = _shared(codings, coverage)
        codings = codings[codings["segment_id"].str.rsplit("#", n=1).str[0].isin(shared)]
        if segments is not None:
            segments = segments[segments["doc_id"].isin(shared)]
    codes = list(book.names) if book is not None else list(human.codes)
    coders = [*human.coders, *(["rules"] if rules else [])]
    # The sheets' codes go along: a theme a coder's sheet lacked is missing for them (W806).
    every = replace(human, codings=codings)
    table = agreement(
        every, coders, segments=segments, codes=codes, coverage=coverage or None, n_boot=n_boot
    )
    listed = disagreements(
        every,
        coders,
        segments=segments,
        codes=codes,
        coverage=coverage or None,
        pseudonymise=pseudonymise,
    )
    headers = _headers()
    kinds = {"kode": Words.disagreement_code, "valens": Words.disagreement_valence}
    write_workbook(
        out,
        [
            Sheet(Words.agreement, _named(table), Words.agreement_title,
                  notes=(Words.note_agreement_measures, Words.note_agreement_interval),
                  decimals=[headers[c] for c in ("percent_agreement", "cohen_kappa", "krippendorff_alpha",
                                                 "alpha_low", "alpha_high", "valence_agreement")]),
            Sheet(
                Words.disagreements,
                _named(listed.assign(kind=listed["kind"].map(kinds).fillna(listed["kind"]))),
                Words.disagreements_title,
                wrap=(headers["question"], headers["text"]),
            ),
        ],
    )
    typer.echo(_named(table).drop(columns=[headers["note"]]).to_string(index=False, float_format=_number, na_rep="–"))
    echo(Texts.cli_coders.format(coders=", ".join(coders), n=len(listed)), quiet)
    echo(Texts.cli_written_file.format(path=out), quiet)


def _from_projects(projects: list[Path], files: list[Path], corpus: Path | None, book: Codebook | None
                   ) -> tuple[HumanCodings, Corpus]:
    """The coders of REFI-QDA projects (one with every coder, or each coder's copy of the same project) on
    the first project's respondent turns, whole: the import splits a turn where a selection begins or ends,
    and coders who drew their selections differently in one answer would disagree on its pieces."""
    import pandas as pd

    from kvaleval.coding.human import HumanCodings
    from kvaleval.refi import by_turn, read_qdpx, read_qdpx_codebook

    others = [path for path in files if path not in projects]
    if others or corpus is not None:
        raise HumanCodingError(Errors.E613.format(path=projects[0]))
    read = None
    tables = []
    for path in projects:
        project, codings = read_qdpx(path)
        turns = by_turn(project, codings)
        if read is None:
            read = replace(project, segments=turns[0].reset_index(drop=True))
        tables.append(turns[1])
    assert read is not None
    table = pd.concat(tables, ignore_index=True).drop_duplicates(["segment_id", "code", "coder"])
    codes = book.names if book is not None else tuple(
        code.name for code in read_qdpx_codebook(projects[0]).codes if code.codable)
    return HumanCodings(codings=table, coders=tuple(dict.fromkeys(table["coder"].astype(str))), codes=tuple(codes),
                        sources={str(coder): projects[0] for coder in table["coder"]}), read


def _documents_of(codings: pd.DataFrame, coverage: dict[str, list[str]]) -> dict[str, set[str]]:
    """The documents each coder coded something in (or was given turns of in a sheet)."""
    docs: dict[str, set[str]] = {coder: set() for coder in coverage}
    for coder, segment in zip(codings["coder"], codings["segment_id"], strict=True):
        docs.setdefault(coder, set()).add(segment.rsplit("#", 1)[0])
    for coder, segments in coverage.items():
        docs.setdefault(coder, set()).update(segment.rsplit("#", 1)[0] for segment in segments)
    return docs


def _check_same_themes(human: HumanCodings, codes: Sequence[Code], path: Path) -> None:
    """E855 unless the sheets' themes are the demo codebook's: a user's own sheets scored against rules
    coding with the demo's themes gave κ 0 on every theme, with only a status line to say why."""
    own, theirs = set(human.codes), {code.name for code in codes if code.codable}
    if own - theirs or (human.coverage and theirs - own):
        raise HumanCodingError(Errors.E855.format(
            path=path, sheet_codes=", ".join(human.codes), book_codes=", ".join(sorted(theirs))))


def _warn_partial_coders(codings: pd.DataFrame, coverage: dict[str, list[str]], coders: list[str]) -> None:
    """A coder of a CSV who coded in far fewer documents than the others (a second coder given a
    sample): every turn of the rest counts as "not coded" by them, and κ drops for nothing."""
    docs = _documents_of(codings, coverage)
    union = set().union(*docs.values()) if docs else set()
    for coder in coders:
        if coder not in coverage and union and len(docs.get(coder, set())) * 2 < len(union):
            echo(Texts.cli_note.format(message=Warnings.W804.format(coder=coder, n=len(docs.get(coder, set())),
                                                                    total=len(union))))


def _shared(codings: pd.DataFrame, coverage: dict[str, list[str]]) -> set[str]:
    """Documents in which every coder coded something (or was given turns in a sheet)."""
    docs = _documents_of(codings, coverage)
    return set.intersection(*docs.values()) if docs else set()


def _headers() -> dict[str, str]:
    """The sheets' and the terminal table's column names in the messages' language."""
    return ENGLISH if get_language() == "en" else DANISH


def _named(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns named, and the overall row labelled, in the messages' language."""
    from kvaleval.frames import ALL

    headers = _headers()
    if "code" in frame:
        frame = frame.assign(code=frame["code"].replace({ALL: Words.all_groups}))

    def name(column: str) -> str:
        if column.startswith("prevalence: "):
            return f"{headers['prevalence']}: " + column.removeprefix("prevalence: ")
        return headers.get(column, column)

    return frame.rename(columns={column: name(column) for column in frame.columns})


def _number(value: float) -> str:
    return f"{value:.2f}"
