"""The appendix: one workbook to hand in, the same tables as CSV and Markdown, charts, a manifest.

Everything is computed first (nothing is written if a table fails), then staged
in a temporary folder inside the output folder, then moved into place file by
file with atomic renames, so an interrupted run leaves the previous appendix intact.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import math
import os
import re
import shutil
import tempfile
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import pandas as pd

from kvaleval.analyse.cooccurrence import cooccurrence, cooccurrence_matrix
from kvaleval.analyse.evidence import evidence, evidence_quotes
from kvaleval.analyse.framework import framework_matrix
from kvaleval.analyse.privacy import (
    corpus_pseudonymiser,
    pseudonymise_attributes,
    pseudonymise_columns,
    pseudonymise_id,
)
from kvaleval.analyse.quotes import document_numbers, interview_name, quotes, survey_documents
from kvaleval.analyse.targets import MILESTONE, target_attainment
from kvaleval.errors import Errors, KvalevalWarning, ReportError, Texts, Warnings, os_error, using_language
from kvaleval.frames import ALL
from kvaleval.privacy.columns import personal_column
from kvaleval.read import file_sha256, metadata_files
from kvaleval.records import APPENDIX_FILE_LIST, GROUP_COLUMN, Conclusion
from kvaleval.report import charts
from kvaleval.report.cells import csv_cell
from kvaleval.report.markdown import markdown_document
from kvaleval.report.suppress import suppress_counts
from kvaleval.report.tables import frequency_notes, headed, header, overview, with_own_values
from kvaleval.report.xlsx import Sheet, run_time, write_workbook
from kvaleval.segment.tags import is_no_respondent
from kvaleval.words import Words, number, whole, yes_no

if TYPE_CHECKING:
    from kvaleval.coded import Coded

QUOTES_PER_THEME = 5
PRIVATE = "lokalt"
PROJECT = "projekt.qdpx"


@dataclass
class Appendix:
    """The tables of an appendix, computed and pseudonymised, before anything is written."""

    sheets: list[Sheet] = field(default_factory=list)
    csv: dict[str, pd.DataFrame] = field(default_factory=dict)
    displays: dict[str, Any] = field(default_factory=dict)
    manifest: pd.DataFrame | None = None
    privacy_report: pd.DataFrame | None = None


def build_appendix(
    coded: Coded,
    *,
    conclusions: Sequence[Conclusion] | None = None,
    targets: pd.DataFrame | None = None,
    by: str | None = None,
    pseudonymise: bool = True,
    small_cells: int | None = None,
    pseudonyms: dict[str, str] | None = None,
    keep: Sequence[str] = (),
    sources: Mapping[str, str | Path] | None = None,
    step: Callable[[str], None] = lambda name: None,
    read_notes: Sequence[str] = (),
) -> Appendix:
    """Compute every table of the appendix (see :func:`write_appendix`).

    kvaleval's warnings while the tables are made (a conclusion's unknown group, W021) are
    still issued, and written into the manifest (the sheet Kørsel), where a reader sees them,
    after ``read_notes``: those issued while the conclusions and targets were read (W049).
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", KvalevalWarning)
        appendix, pseudonymiser = _tables(coded, conclusions=conclusions, targets=targets, by=by,
                                          pseudonymise=pseudonymise, small_cells=small_cells,
                                          pseudonyms=pseudonyms, keep=keep, step=step)
    issued: set[tuple[str, type]] = set()
    for warning in caught:  # each once: the same note twice is noise under the call in a notebook
        if (str(warning.message), warning.category) not in issued:
            issued.add((str(warning.message), warning.category))
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    noted = list(dict.fromkeys([*read_notes, *(str(w.message) for w in caught
                                               if issubclass(w.category, KvalevalWarning))]))
    step("manifest")
    appendix.manifest = manifest(coded, pseudonymise=pseudonymise, conclusions=conclusions, targets=targets,
                                 small_cells=small_cells, noted=noted, sources=sources)
    if pseudonymiser is not None:
        # Notes are kvaleval's own sentences, not the corpus: only the names found in the corpus go.
        appendix.manifest = _pseudonymise_manifest(appendix.manifest, pseudonymiser)
        appendix.privacy_report = pseudonymiser.report()
    appendix.sheets.append(Sheet(Words.run, appendix.manifest, Words.run_title))
    appendix.csv["manifest"] = appendix.manifest
    return appendix


def _tables(
    coded: Coded,
    *,
    conclusions: Sequence[Conclusion] | None,
    targets: pd.DataFrame | None,
    by: str | None,
    pseudonymise: bool,
    small_cells: int | None,
    pseudonyms: dict[str, str] | None,
    keep: Sequence[str],
    step: Callable[[str], None],
) -> tuple[Appendix, Any]:
    """Every sheet but the manifest, and the run's pseudonymiser (None without pseudonymisation)."""
    segments, codings, codebook = coded.segments, coded.codings, coded.codebook
    by = by if by is not None else (GROUP_COLUMN if GROUP_COLUMN in segments else None)
    pseudonymiser = corpus_pseudonymiser(segments, pseudonyms=pseudonyms, keep=keep) if pseudonymise else None
    if pseudonymiser is not None and by is not None and by in segments:
        kind = personal_column(by, segments[by].head(200)) or _personal_value(segments[by], pseudonymiser)
        if kind is not None:  # the groups' names are headings, which are not pseudonymised
            raise ReportError(Errors.E503.format(column=by, kind=kind))
    appendix = Appendix()
    coders = sorted(codings["coder"].dropna().unique()) if len(codings) else ["rules"]

    step("frekvenser")
    frequencies = coded.frequencies(by=by)
    by_column = by if by is not None and by in frequencies else None
    shown_frequencies = suppress_counts(frequencies, small_cells, group=by_column, keys=["code"])
    notes = frequency_notes(shown_frequencies, by, coders=coders)
    summary = overview(shown_frequencies, by)
    appendix.sheets.append(Sheet(Words.overview, summary, Words.overview_title, [_method_note(coded), *notes]))
    appendix.csv["oversigt"] = summary
    detail_by = [column for column in (by, "role") if column and column in segments]
    detail = [
        _pseudonymised_values(coded.frequencies(by=column, valence=True).rename(columns={column: "value"}),
                              column, pseudonymiser if column != by else None).assign(attribute=column)
        for column in detail_by
    ] or [coded.frequencies(by=None, valence=True).assign(attribute=ALL, value=ALL)]
    frequency_table = pd.concat(detail, ignore_index=True)
    rest = [c for c in frequency_table if c not in ("attribute", "value")]
    frequency_table = frequency_table[["attribute", "value", *rest]]
    frequency_table = suppress_counts(frequency_table, small_cells, group="value", block=["attribute"],
                                      keys=["code", "valence"])
    frequency_table = with_own_values(frequency_table)
    shown_attributes = frequency_table.assign(attribute=frequency_table["attribute"].map(header))  # "Gruppe"
    appendix.sheets.append(Sheet(Words.frequencies, headed(shown_attributes), Words.frequencies_title, notes))
    appendix.csv["frekvenser"] = frequency_table
    # with --small-cells the charts draw what the tables show: a hidden percent has no bar
    appendix.displays["temaer_pr_gruppe"] = charts.ThemeShareDisplay.from_frequencies(
        _as_numbers(shown_frequencies, ["percent"]) if small_cells else frequencies, by)

    if conclusions:
        step("konklusioner")
        selected = evidence_quotes(segments, codings, codebook, conclusions, pseudonymise=pseudonymise,
                                   pseudonymiser=pseudonymiser, warn_unknown=False)  # evidence() warns
        table = evidence(segments, codings, codebook, conclusions, quotes=selected)
        quotes_table = _without_repeated_totals(pseudonymise_columns(selected, pseudonymiser), table)
        shown_table = _without_repeated_totals(table, table)
        # A group's N is the same in every conclusion over the same respondents, so one hidden is hidden in all;
        # a conclusion limited by where: has Ns of its own, and its small ones hid the others' large ones.
        subset = {c.id: _respondents_of(c) for c in conclusions}
        shown_table = suppress_counts(shown_table.assign(_subset=shown_table["conclusion_id"].map(subset)),
                                      small_cells, group="group", block=["_subset"], keys=["conclusion_id"])
        minimum = {c.id: c.min_respondents for c in conclusions}
        suppressed = shown_table.drop(columns="_subset")
        shown_table = with_own_values(_hidden_support(suppressed, minimum, small_cells))
        quotes_table = with_own_values(quotes_table)
        appendix.sheets.append(Sheet(Words.conclusions, headed(shown_table), Words.conclusions_title, [
            Words.note_supported.format(minimum=", ".join(f"{k}: {v}" for k, v in minimum.items())),
            Words.note_mixed,
            *_conclusion_notes(conclusions),
            Words.note_conclusion_quotes if pseudonymise else Words.note_conclusion_quotes_plain,
        ], wrap=(header("statement"), header("quotes"), header("counter_quotes"))))
        appendix.sheets.append(Sheet(Words.conclusion_quotes, headed(quotes_table), Words.conclusion_quotes_title,
                                     wrap=(header("quote"), header("question"))))
        appendix.csv["konklusioner"] = shown_table.assign(  # ja/nej, as in the workbook
            supported=shown_table["supported"].map(lambda v: v if isinstance(v, str) else yes_no(bool(v))))
        appendix.csv["konklusionscitater"] = quotes_table
        overall = (_overall(suppressed) if small_cells else table[table["group"] == ALL]).assign(
            min_respondents=lambda f: f["conclusion_id"].map(minimum))
        appendix.displays["konklusioner_stoette"] = charts.SupportDisplay(overall.reset_index(drop=True))

    step("citater")
    theme_quotes = pd.concat(
        [quotes(segments, codings, codebook, code.name, n=QUOTES_PER_THEME, pseudonymise=pseudonymise,
                pseudonymiser=pseudonymiser).assign(code=code.name, label=code.display)
         for code in codebook.codes],
        ignore_index=True,
    )
    theme_quotes = with_own_values(pseudonymise_columns(
        theme_quotes[["label", "code", "quote", "attribution", "valence", "question", "segment_id",
                      "doc_id", "speaker", "group", "start", "end", "score"]],
        pseudonymiser,
    ))
    appendix.sheets.append(Sheet(Words.quotes, headed(theme_quotes), Words.quotes_title,
                                 [Words.note_quotes if pseudonymise else Words.note_quotes_plain],
                                 wrap=(header("quote"), header("question"))))
    appendix.csv["citater"] = theme_quotes

    step("samforekomst")
    pairs = cooccurrence(segments, codings, codebook)
    labels = {code.name: code.display for code in codebook.codes}
    matrix = cooccurrence_matrix(pairs).rename(index=labels, columns=labels)
    shown_matrix = _suppress(matrix.reset_index(names=Words.theme), small_cells,
                             counts=[str(c) for c in matrix.columns])
    # the diagonal is each theme's respondents: hidden where Oversigt hides them (the total that told its groups)
    overall = _hidden_overall(shown_frequencies, by_column)
    for code, shown in overall.items():
        shown_matrix[labels[code]] = shown_matrix[labels[code]].astype(object)
        shown_matrix.loc[shown_matrix[Words.theme] == labels[code], labels[code]] = shown
    appendix.sheets.append(Sheet(Words.cooccurrence, shown_matrix, Words.cooccurrence_title,
                                 [Words.note_cooccurrence]))
    shown_pairs = suppress_counts(pairs, small_cells, group=None)
    same = shown_pairs["code_a"].isin(list(overall)) & (shown_pairs["code_a"] == shown_pairs["code_b"])
    if same.any():
        shown_pairs = shown_pairs.astype({"respondents": object, "segments": object})
        shown_pairs.loc[same, "respondents"] = shown_pairs.loc[same, "code_a"].map(overall)
        shown_pairs.loc[same, "segments"] = Words.hidden
    appendix.csv["samforekomst"] = shown_pairs
    shown_numbers = _as_numbers(shown_matrix.set_index(Words.theme), list(shown_matrix.columns[1:]))
    appendix.displays["samforekomst"] = charts.CooccurrenceDisplay(shown_numbers if small_cells else matrix,
                                                                   list(matrix.index))

    step("rammematrix")
    framework = framework_matrix(segments, codings, codebook, pseudonymise=pseudonymise,
                                 pseudonymiser=pseudonymiser).drop(columns=["doc_id", "speaker"])
    appendix.sheets.append(Sheet(Words.matrix, headed(framework), Words.matrix_title, wrap=tuple(labels.values()),
                                 freeze_first_column=True))
    appendix.csv["matrix"] = framework

    if targets is not None:
        table, overall = target_attainment(targets)
        table = with_own_values(_milestones_in_words(_whole_numbers(table, ("mål", "opnået", "vægt"))))
        appendix.sheets.append(Sheet(Words.targets, headed(table), Words.targets_title, [
            Words.note_targets.format(met=int(overall["met"]), indicators=int(overall["indicators"]),
                                      share=number(overall["share_met"]),
                                      mean=_mean_attainment(overall["mean_pct_af_mål"])),
        ], percent=(header("pct_af_mål"),)))
        appendix.csv["maalopfyldelse"] = table

    step("kodninger")
    codings_table = pseudonymise_columns(coded.codings, pseudonymiser)
    if pseudonymiser is not None:  # the reason quotes words of the text, and a short answer's question
        texts = dict(zip(segments["segment_id"], segments["text"], strict=True))
        codings_table["why"] = [
            pseudonymiser.reason(value, texts.get(segment, ""), where) if isinstance(value, str) and value else value
            for value, segment, where in zip(codings_table["why"], coded.codings["segment_id"],
                                             codings_table["segment_id"], strict=True)
        ]
    appendix.sheets.append(Sheet(Words.codings, headed(codings_table), Words.codings_title, wrap=(header("why"),)))
    appendix.csv["kodninger"] = codings_table
    step("segmenter")
    segment_table = pseudonymise_attributes(pseudonymise_columns(segments, pseudonymiser), pseudonymiser)
    if pseudonymiser is not None:
        for column in ("text", "question"):
            segment_table[column] = [
                pseudonymiser(value, where) if isinstance(value, str) else value
                for value, where in zip(segment_table[column], segments["segment_id"], strict=True)
            ]
    appendix.sheets.append(Sheet(Words.segments, headed(segment_table), Words.segments_title,
                                 wrap=(header("text"), header("question"))))
    appendix.csv["segmenter"] = segment_table
    sources = with_own_values(pseudonymise_attributes(pseudonymise_columns(_sources(segments), pseudonymiser),
                                                      pseudonymiser))
    appendix.sheets.append(Sheet(Words.sources, headed(sources), Words.sources_title))
    appendix.csv["kilder"] = sources
    codebook_table = pd.DataFrame(
        [(c.name, c.display, c.parent or "", c.definition, c.include, c.exclude, "\n".join(c.examples),
          ", ".join(t.label for t in c.terms), c.threshold) for c in codebook.codes],
        columns=[Words.code, Words.theme, Words.parent, Words.definition, Words.include, Words.exclude,
                 Words.examples, Words.terms, Words.threshold],
    )
    appendix.sheets.append(Sheet(Words.codebook, codebook_table, Words.codebook_title.format(
        name=codebook.label or codebook.name), wrap=(Words.definition, Words.include, Words.exclude, Words.examples,
                                                     Words.terms)))
    appendix.csv["kodebog"] = codebook_table
    return appendix, pseudonymiser


def write_appendix(
    coded: Coded,
    out_dir: str | Path,
    *,
    conclusions: Sequence[Conclusion] | str | Path | None = None,
    targets: pd.DataFrame | str | Path | None = None,
    by: str | None = None,
    pseudonymise: bool = True,
    small_cells: int | None = None,
    charts_enabled: bool = True,
    pseudonyms: dict[str, str] | None = None,
    keep: Sequence[str] = (),
    sources: Mapping[str, str | Path] | None = None,
    progress: bool = False,
    language: str | None = None,
    qdpx: bool = True,
) -> list[Path]:
    """Write the appendix to ``out_dir``: ``appendix.xlsx``, ``csv/*.csv``, ``bilag.md``, ``figurer/``,
    and the REFI-QDA project ``lokalt/projekt.qdpx``.

    With pseudonymisation (the default) the report of what was replaced where is written to
    ``lokalt/pseudonymisering.csv``, apart from the appendix: it holds the originals. The project
    is there too, since it holds the transcripts as read (see :func:`kvaleval.write_qdpx`).

    Parameters
    ----------
    coded : Coded
        From :func:`kvaleval.code`.
    out_dir : str or Path
        The output folder (created if missing).
    conclusions : list of Conclusion, or path, optional
        From :func:`kvaleval.read_conclusions`, or the path of a conclusions file, read
        with ``coded.codebook`` (its SHA-256 goes into the manifest); adds the evidence sheets.
    targets : DataFrame or path, optional
        Indicators (``indikator, mål, opnået[, vægt]``); adds target attainment.
    by : str, optional
        The attribute for the overview (default ``respondent_group`` when present).
    pseudonymise : bool
        Pseudonymise every quote and text cell (default). False writes a visible
        warning into the manifest.
    small_cells : int, optional
        Show counts below this number as "< k" in every table of counts.
    pseudonyms : dict, optional
        The user's own replacements (``kv.read_pseudonyms("pseudonyms.csv")``), e.g. Hanne -> [borger 3].
    keep : sequence of str, optional
        Words and names that stay readable (a programme's or a place's name, "Jobspor").
    sources : mapping, optional
        Further input files to name and hash in the manifest, label -> path
        (``{"konklusioner": "konklusioner.yaml"}`` gives the row ``konklusioner sha256``);
        a ``conclusions`` or ``targets`` path and the corpus's ``metadata.csv`` files are hashed
        anyway. Give it when you pass tables you read yourself and want their files named.
    progress : bool
        Show a progress bar over the steps (tables, each sheet of the workbook, CSV, charts)
        on standard error: on a large survey the workbook takes most of the time.
    language : {"da", "en"}, optional
        The language of the appendix's own words (sheets, headers, notes, charts, bilag.md);
        default: the messages' language (:func:`kvaleval.errors.set_language`, ``KVALEVAL_LANG``),
        Danish unless chosen. Codes, themes, groups, valences and reasons stay as written, and the
        file names stay the same.
    qdpx : bool
        Also write the REFI-QDA project (``lokalt/projekt.qdpx``, for NVivo, ATLAS.ti, MAXQDA and
        QualCoder; default). A project that cannot be written is a warning (W637), not an error.

    Returns
    -------
    list of Path
        The files written.
    """
    from kvaleval._checks import PATH, check, check_conclusions, check_path
    from kvaleval.analyse.targets import read_targets, targets_table
    from kvaleval.codebook import read_conclusions
    from kvaleval.coded import Coded

    check(coded, Coded, function="kv.write_appendix", argument="coded",
          expected=Texts.arg_coded,
          hints=[(PATH, Texts.arg_appendix_order)])
    check_path(out_dir, function="kv.write_appendix", argument="out_dir", expected=Texts.arg_folder_path)
    check(targets, (pd.DataFrame, *PATH, type(None)), function="kv.write_appendix", argument="targets",
          expected=Texts.arg_targets)
    check(by, (str, type(None)), function="kv.write_appendix", argument="by", expected=Texts.arg_by_appendix)
    sources = dict(sources or {})
    out = Path(out_dir)
    with using_language(language):  # the words the tables and files are made with
        # what is said while the inputs are read (a thousands comma, W049) belongs in the sheet Kørsel too
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", KvalevalWarning)
            if isinstance(conclusions, PATH):
                sources.setdefault(Words.conclusions_file, conclusions)
                conclusions = read_conclusions(conclusions, codebook=coded.codebook)
            elif conclusions is not None:
                conclusions = check_conclusions(conclusions, function="kv.write_appendix")
            check_out_dir(out)
            if targets is not None and not isinstance(targets, pd.DataFrame):
                sources.setdefault(Words.targets_file, targets)
                targets = read_targets(targets)
            elif targets is not None:  # a table read in Python is checked as a file is (it was a KeyError)
                targets = targets_table(targets)
        for warning in caught:  # still issued, to the caller
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
        read_notes = [str(w.message) for w in caught if issubclass(w.category, KvalevalWarning)]
        with _steps(progress) as step:
            appendix = build_appendix(coded, conclusions=conclusions, targets=targets, by=by,
                                      pseudonymise=pseudonymise, small_cells=small_cells, pseudonyms=pseudonyms,
                                      keep=keep, sources=sources, step=step, read_notes=read_notes)
            try:
                out.mkdir(parents=True, exist_ok=True)
                staging = Path(tempfile.mkdtemp(prefix=".kvaleval-", dir=out))
            except OSError as err:
                raise ReportError(Errors.E501.format(path=out, detail=os_error(err))) from err
            try:
                written = _write_files(appendix, staging, out, charts_enabled=charts_enabled, step=step,
                                       project=coded if qdpx else None)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
            _remove_leftovers(out)
            return written


def _remove_leftovers(out: Path) -> None:
    """Remove what a run that was killed outright (no ``finally``) left in ``out``: its staging
    folder ``.kvaleval-*``, a copy of the appendix with the pseudonymisation report in it."""
    for folder in out.glob(".kvaleval-*"):
        if folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def _steps(progress: bool) -> Iterator[Callable[[str], None]]:
    """``step(name)``: the step now begun, shown on a bar when ``progress``."""
    if not progress:
        yield lambda name: None
        return
    from kvaleval._progress import progress_bar

    bar = progress_bar(desc="Bilag", bar_format="{desc}: trin {n_fmt} [{elapsed}{postfix}]", leave=True)

    def step(name: str) -> None:
        if bar.postfix:
            bar.update(1)
        bar.set_postfix_str(name)

    try:
        yield step
        bar.update(1)
    finally:
        bar.close()


def _write_files(appendix: Appendix, staging: Path, out: Path, *, charts_enabled: bool,
                 step: Callable[[str], None], project: Coded | None = None) -> list[Path]:
    """Write the appendix's files into ``staging``, then move them into ``out``; ``project``: the
    coded corpus to write as ``lokalt/projekt.qdpx`` too."""
    write_workbook(staging / "appendix.xlsx", appendix.sheets, step=step)
    step("CSV")
    (staging / "csv").mkdir()
    for name, frame in appendix.csv.items():
        _write_csv(frame, staging / "csv" / f"{name}.csv")
    step("bilag.md")
    (staging / "bilag.md").write_text(markdown_document(appendix.sheets), encoding="utf-8")
    if charts_enabled:
        step("figurer")
        (staging / "figurer").mkdir()
        _write_charts(appendix.displays, staging / "figurer")
    if appendix.privacy_report is not None:
        # What was replaced where: it holds the originals, so it stays local, apart from the appendix.
        (staging / PRIVATE).mkdir()
        _write_csv(appendix.privacy_report, staging / PRIVATE / "pseudonymisering.csv")
    if project is not None:
        step("REFI-QDA")
        _write_project(project, staging / PRIVATE / PROJECT, out / PRIVATE / PROJECT)
    if (staging / PRIVATE).is_dir():
        (staging / PRIVATE / "LÆS MIG.txt").write_text(Words.private_note, encoding="utf-8")
    written = sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file())
    (staging / FILE_LIST).write_text("".join(f"{name}\n" for name in written), encoding="utf-8")
    return _move_into_place(staging, out)


def _write_project(coded: Coded, path: Path, shown: Path) -> None:
    """The REFI-QDA project, or a warning (W637) saying why not: the appendix is written either way."""
    from kvaleval.errors import KvalevalError
    from kvaleval.refi import write_qdpx

    path.parent.mkdir(exist_ok=True)
    try:
        write_qdpx(coded, path)
    except KvalevalError as err:
        warnings.warn(Warnings.W637.format(path=shown, detail=err), KvalevalWarning, stacklevel=4)


def refuse_open_in_excel(path: Path) -> None:
    """Refuse, before any work, a workbook Excel has open (its lock file ``~$name`` beside it): on Windows
    the file cannot be replaced while it is open, and the run failed only at its end (E501)."""
    lock = path.with_name("~$" + path.name)
    if path.is_file() and lock.is_file():
        raise ReportError(Errors.E505.format(path=path, lock=lock.name))


def check_out_dir(out: Path) -> None:
    """Refuse an output folder that cannot be written, before any work: a file (E502), or a folder
    under a file or in a folder without write access (E501)."""
    if out.exists() and not out.is_dir():
        raise ReportError(Errors.E502.format(path=out))
    refuse_open_in_excel(out / "appendix.xlsx")
    if out.is_dir() and not (out / FILE_LIST).is_file():
        # No list of what kvaleval wrote here: files named as the appendix's are someone's own (a
        # transcript bilag.md when --out is the corpus), unless an older kvaleval wrote them.
        theirs = [name for name in KNOWN_FILES if (out / name).exists()]
        if theirs and not _written_by_kvaleval(out / "appendix.xlsx"):
            raise ReportError(Errors.E504.format(path=out, files=", ".join(theirs[:5])))
    existing = next((folder for folder in (out, *out.absolute().parents) if folder.exists()), None)
    if existing is None:
        return
    if not existing.is_dir():
        problem: OSError = NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
    elif not os.access(existing, os.W_OK | os.X_OK):
        problem = PermissionError(errno.EACCES, os.strerror(errno.EACCES))
    else:
        return
    raise ReportError(Errors.E501.format(path=out, detail=os_error(problem)))


_CODE_SUFFIXES = frozenset({".py", ".txt", ".json", ".yaml", ".csv"})


PACKAGE = Path(__file__).resolve().parents[1]
"""kvaleval's own folder."""


@functools.cache
def code_hash(package: Path = PACKAGE) -> str:
    """One hash of kvaleval's own code and data (of ``package``, kvaleval's folder by default): two
    appendices made by an edited (editable) install under one version number tell their code apart."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in _CODE_SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def manifest(coded: Coded, *, pseudonymise: bool, conclusions: Sequence[Conclusion] | None,
             targets: pd.DataFrame | None, small_cells: int | None = None,
             noted: Sequence[str] = (), sources: Mapping[str, str | Path] | None = None) -> pd.DataFrame:
    """Versions, input hashes, options, skipped files, warnings: what it takes to reproduce the run."""
    from importlib.metadata import PackageNotFoundError, version

    def package(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "-"

    corpus = coded.corpus
    corpus_hash = hashlib.sha256("".join(sorted(d.path + d.sha256 for d in corpus.documents)).encode()).hexdigest()
    rows: list[tuple[str, str]] = []
    if not pseudonymise:
        rows.append((Words.warning_upper, Warnings.W301))
    rows += [
        ("kvaleval", package("kvaleval")), (Words.code_sha, code_hash()),
        ("spacy", package("spacy")), ("spacy-lookups-data", package("spacy-lookups-data")),
        ("pandas", package("pandas")), ("scikit-learn", package("scikit-learn")), ("openpyxl", package("openpyxl")),
        (Words.date, os.environ.get("KVALEVAL_DATE") or run_time().date().isoformat()),
        (Words.corpus, corpus.root), (Words.corpus_sha, corpus_hash),
        (Words.documents_read, str(len(corpus.documents))), (Words.segment_count, str(len(corpus.segments))),
        (Words.codebook_field, coded.codebook.path or coded.codebook.name), (Words.codebook_sha, coded.codebook.sha256),
        (Words.method, str(coded.options.get("method", "rules"))),
        (Words.options, ", ".join(f"{k}={v}" for k, v in sorted(coded.options.items()))),
        (Words.pseudonymised, Words.yes if pseudonymise else Words.not_pseudonymised),
        (Words.small_cells, Words.small_cells_below.format(k=small_cells) if small_cells else Words.no),
        (Words.conclusion_count, str(len(conclusions or []))),
        (Words.target_count, str(0 if targets is None else len(targets))),
    ]
    rows += [(f"{Words.file}{d.path}", f"sha256 {d.sha256}") for d in corpus.documents]
    root = Path(corpus.root)
    if root.is_dir():
        rows += [(f"{Words.file}{path.as_posix()}", f"sha256 {file_sha256(root / path)}")
                 for path in metadata_files(root)]
    rows += [(f"{label} sha256", f"{Path(path).name}: {file_sha256(Path(path))}")
             for label, path in (sources or {}).items() if path is not None and Path(path).is_file()]
    rows += [(f"{Words.skipped}{p}", r) for p, r in corpus.skipped.itertuples(index=False)]
    rows += [(f"{Words.note}{p}", m) for p, m in corpus.notes.itertuples(index=False)]
    rows += [(Words.warning, message) for message in noted]
    return pd.DataFrame(rows, columns=[Words.field, Words.value])


def _mean_attainment(value: float) -> str:
    """"87,5 % af målet", or "–" where no indicator has a percent of its target (every target 0)."""
    return "–" if math.isnan(value) else Words.of_target.format(percent=number(value))


_QUOTED = re.compile(r'"([^"\n]+)"')


def _pseudonymise_manifest(table: pd.DataFrame, corpus_pseudonymiser: Any) -> pd.DataFrame:
    """File names and notes name people ("intervieweren antages at være 'Mette Bruun'"), and so can
    the corpus folder (``/home/mette/Mette Hansen``); versions, options and hashes don't, and a hash
    must stay exact (it holds digit runs like phone numbers). Notes are kvaleval's own sentences,
    so only the names found in the corpus go there; file names and the folder are read as the
    tables' document ids are, with the name lists and the same numbering (a skipped
    ``Birgitte Holm.pages``, a name nowhere else, was ``[navn 1] Holm.pages``). Every replacement is
    reported with ``where == "manifest"``."""
    pseudonymiser = corpus_pseudonymiser.found_only()
    table = table.copy()
    prefixes = (Words.file, Words.skipped, Words.note)
    paths = {name.removeprefix(next(p for p in prefixes if name.startswith(p)))
             for name in table[Words.field] if name.startswith(prefixes)}
    hidden = {path: pseudonymise_id(path, corpus_pseudonymiser, "manifest") for path in sorted(paths)}

    def protect(text: str) -> str:
        for path in sorted(hidden, key=len, reverse=True):  # file names in notes, as in the field
            text = text.replace(path, hidden[path])
        # An excerpt of a transcript in double quotes (W017's header, W020's title, W625's stray text)
        # is the corpus's own words, maybe never read as a segment: the full pseudonymiser takes it.
        text = _QUOTED.sub(lambda m: '"' + corpus_pseudonymiser(m.group(1), "manifest") + '"', text)
        return pseudonymiser(text, "manifest")

    for row, (name, value) in enumerate(zip(table[Words.field], table[Words.value], strict=True)):
        if name.startswith(prefixes):
            table.iloc[row, 0] = protect(name)
            if not name.startswith(Words.file):
                table.iloc[row, 1] = protect(value)
        elif name == Words.warning:
            table.iloc[row, 1] = protect(value)
        elif name == Words.corpus and isinstance(value, str):
            table.iloc[row, 1] = pseudonymise_id(value, corpus_pseudonymiser, "manifest")
    return table


_COUNT_ENDINGS = ("segmenter", "segments", "respondenter", "respondents", "(n/n)", "share")
_PERCENT_ENDINGS = ("%", "procent", "percent")


def _respondents_of(conclusion: Conclusion) -> str:
    """Which respondents a conclusion counts, as a key: its ``where:``, values without case and spaces."""
    where = dict(conclusion.where)
    return repr(sorted((attribute, sorted(str(value).strip().casefold()
                                          for value in ((values,) if isinstance(values, str) else values)))
                       for attribute, values in where.items()))


def _suppress(frame: pd.DataFrame, k: int | None, *, counts: Sequence[str] | None = None) -> pd.DataFrame:
    """Counts below ``k`` as ``< k`` in every count and n/N column (``counts``, or found by name),
    and the percentages computed from them left out ("–"), so no small group can be singled out."""
    if not k:
        return frame
    from kvaleval.privacy import suppress_small

    names = [str(column) for column in frame.columns]
    chosen = list(counts) if counts is not None else [c for c in names if c.lower().endswith(_COUNT_ENDINGS)]
    if not chosen:
        return frame
    masked = suppress_small(frame, chosen, k)
    hidden = pd.DataFrame({c: [isinstance(v, str) and v.startswith("<") for v in masked[c]] for c in chosen},
                          index=frame.index)
    for column in (c for c in names if c.lower().endswith(_PERCENT_ENDINGS)):
        group = column.rpartition(":")[0]  # "Borger: %" goes with "Borger: respondenter (n/N)"
        related = [c for c in chosen if c.rpartition(":")[0] == group] or chosen
        gone = hidden[related].any(axis=1)
        masked[column] = masked[column].astype(object).where(~gone, "–")
    return masked


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    # column by column as objects: DataFrame.map would make a column of 80 and 87.5 floats again (80.0)
    safe = frame.copy()
    for column in (frame.columns if len(frame) else ()):
        mapped = [csv_cell(value) for value in frame[column].tolist()]
        safe[column] = pd.Series(mapped, index=frame.index, dtype=object if frame[column].dtype == object else None)
    safe.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")


def _write_charts(displays: dict[str, Any], folder: Path) -> None:
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    with plt.rc_context({"svg.hashsalt": "kvaleval", "font.family": "DejaVu Sans"}):
        for name, display in displays.items():
            display.plot()
            charts.save(display, str(folder / name))


def _move_into_place(staging: Path, out: Path) -> list[Path]:
    """Replace the previous appendix with the staged one as a set.

    Each previous file is first moved aside (a rename), then the new files are moved in.
    A file an earlier run wrote that this run does not write (``csv/konklusioner.csv``
    after a run without conclusions) is moved aside too and not brought back: the folder
    shows the latest run only. Which files kvaleval wrote is read from the list the earlier
    run left (:data:`FILE_LIST`); files a user put in the folder are never touched.
    If any rename fails, what was moved in is removed and the previous files are moved
    back, so the folder holds either the whole previous appendix or the whole new one.
    """
    backup = staging.with_name(staging.name + "-forrige")
    sources = sorted(p for p in staging.rglob("*") if p.is_file())
    targets = [out / source.relative_to(staging) for source in sources]
    new = {target.relative_to(out).as_posix() for target in targets}
    stale = [out / name for name in sorted(_previous_files(out) - new)
             if (out / name).is_file() or (out / name).is_symlink()]
    moved_aside: list[tuple[Path, Path]] = []
    moved_in: list[Path] = []
    current = out  # the file being moved, for the message: "appendix.xlsx", not just the folder
    try:
        for current in [*targets, *stale]:
            if current.exists() or current.is_symlink():
                aside = backup / current.relative_to(out)
                aside.parent.mkdir(parents=True, exist_ok=True)
                os.replace(current, aside)
                moved_aside.append((aside, current))
        for source, current in zip(sources, targets, strict=True):
            current.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, current)
            moved_in.append(current)
    except OSError as err:
        for target in moved_in:
            target.unlink(missing_ok=True)
        for aside, target in moved_aside:
            os.replace(aside, target)
        raise ReportError(Errors.E501.format(path=current, detail=os_error(err))) from err
    finally:
        shutil.rmtree(backup, ignore_errors=True)
    for folder in sorted({path.parent for path in stale}, key=lambda p: len(p.parts), reverse=True):
        if folder != out:
            with contextlib.suppress(OSError):  # only an empty folder is removed
                folder.rmdir()
    return [path for path in moved_in if path.name != FILE_LIST]


FILE_LIST = APPENDIX_FILE_LIST
"""The files a run wrote into the output folder, relative to it, one a line: the next run
removes those it does not write again."""

KNOWN_FILES = (
    "appendix.xlsx", "bilag.md", f"{PRIVATE}/pseudonymisering.csv", f"{PRIVATE}/LÆS MIG.txt", f"{PRIVATE}/{PROJECT}",
    *(f"csv/{name}.csv" for name in ("oversigt", "frekvenser", "konklusioner", "konklusionscitater", "citater",
                                     "samforekomst", "matrix", "maalopfyldelse", "kodninger", "segmenter",
                                     "kodebog", "manifest")),
    *(f"figurer/{name}{suffix}" for name in ("temaer_pr_gruppe", "samforekomst", "konklusioner_stoette")
      for suffix in (".png", ".svg")),
)
"""The files kvaleval writes: an appendix from a version that left no :data:`FILE_LIST` wrote these."""


def _written_by_kvaleval(workbook: Path) -> bool:
    """True for an appendix.xlsx kvaleval wrote (its run sheet, Kørsel or Run, opens with the version)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(workbook, read_only=True)
    except Exception:  # missing, locked, not a workbook: not ours
        return False
    try:
        for name in ("Kørsel", "Run"):
            if name in book.sheetnames:
                cells = [row[0] for row in book[name].iter_rows(max_row=6, max_col=1, values_only=True)]
                return any(isinstance(cell, str) and cell.startswith("kvaleval") for cell in cells)
        return False
    finally:
        book.close()


def _previous_files(out: Path) -> set[str]:
    """The files (relative, posix) the previous run wrote into ``out``, by its list or, from an
    older version without one, by the names kvaleval writes. A line naming a path outside the
    folder is ignored."""
    listed = out / FILE_LIST
    if not listed.is_file():
        return set(KNOWN_FILES) if (out / "appendix.xlsx").is_file() else set()
    try:
        lines = listed.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return set(KNOWN_FILES)
    names = set()
    for line in lines:
        path = PurePosixPath(line.strip())
        if line.strip() and not path.is_absolute() and ".." not in path.parts and str(path) != FILE_LIST:
            names.add(path.as_posix())
    return names


def _conclusion_notes(conclusions: Sequence[Conclusion]) -> list[str]:
    """A note per conclusion limited by ``where`` and one naming those with ``match: all``, so a reader
    sees whom and what its n/N counts."""
    return [
        Words.note_where.format(limits=f"{conclusion.id}: " + "; ".join(
            f"{attribute} = {' / '.join(values)}" for attribute, values in conclusion.where))
        for conclusion in conclusions if conclusion.where
    ] + ([Words.note_match_all.format(ids=", ".join(c.id for c in conclusions if c.match == "all"))]
         if any(c.match == "all" for c in conclusions) else [])


def _personal_value(values: pd.Series, pseudonymiser: Any) -> str | None:
    """What a column's values hold when the pseudonymiser would change one (a name, a phone number
    in a notes column), shown pseudonymised: grouping by it would put that in the headings."""
    for value in pd.unique(values.dropna()):
        text = str(value)
        hidden = pseudonymiser(text, f"egenskab: {values.name}") if text.strip() else text
        if hidden != text:
            return Words.personal_value.format(example=hidden)
    return None


def _pseudonymised_values(table: pd.DataFrame, column: str, pseudonymiser: Any) -> pd.DataFrame:
    """The table with its ``value`` column pseudonymised (a role column that holds a name)."""
    if pseudonymiser is None:
        return table
    where = f"egenskab: {column}"
    return table.assign(value=[pseudonymiser(value, where) if isinstance(value, str) and value else value
                               for value in table["value"]])


def _whole_numbers(table: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """Whole numbers written whole (60, not 60,0, which a float column gives every count beside a
    percent of 87,5), other numbers as they are."""
    table = table.copy()
    for column in (c for c in columns if c in table):
        table[column] = pd.Series([int(value) if isinstance(value, float) and value.is_integer() else value
                                   for value in table[column].tolist()], index=table.index, dtype=object)
    return table


def _hidden_overall(shown: pd.DataFrame, by: str | None) -> dict[str, str]:
    """The themes whose respondents over all groups Oversigt hides, and how it shows them."""
    rows = shown if by is None else shown[shown[by] == ALL]
    return {code: value for code, value in zip(rows["code"], rows["respondents"], strict=True)
            if isinstance(value, str)}


def _as_numbers(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """``frame`` with a hidden count or percent (``< 3``, ``skjult``, ``–``) as NaN: what a chart leaves out."""
    return frame.assign(**{str(c): pd.to_numeric(frame[c], errors="coerce") for c in columns})


def _overall(suppressed: pd.DataFrame) -> pd.DataFrame:
    """Each conclusion's row over all its respondents as the table shows it: its ``(alle)`` row, or the
    row of its one group (which stands for it), with hidden counts as NaN."""
    rows = [part[part["group"] == ALL] if (part["group"] == ALL).any() else part.head(1)
            for _, part in suppressed.groupby("conclusion_id", sort=False)]
    return _as_numbers(pd.concat(rows, ignore_index=True), ["respondents", "respondents_total"])


def _hidden_support(table: pd.DataFrame, minimum: Mapping[str, int], k: int | None) -> pd.DataFrame:
    """``supported`` hidden (``skjult``) where the respondents are and it would tell their number: beside
    ``< 3`` a minimum of 2 says 2 with ``ja`` and 1 with ``nej``. It stays where every hidden number gives
    the same answer: a minimum of 1 (a hidden count is never 0), one of k or more beside ``< k``, and one of
    k or less beside ``skjult`` (a count hidden with another is k or more)."""
    if not k:
        return table
    def shown(conclusion: str, respondents: object, supported: object) -> object:
        if not isinstance(respondents, str):
            return supported
        low = minimum[conclusion]
        telling = 1 < low < k if respondents.startswith("<") else low > k  # "skjult" is k or more
        return Words.hidden if telling else supported
    return table.assign(supported=[shown(*row) for row in zip(
        table["conclusion_id"], table["respondents"], table["supported"], strict=True)])


def _milestones_in_words(table: pd.DataFrame) -> pd.DataFrame:
    """A milestone's target and achieved value as written, ``ja``/``nej`` (``yes``/``no``), not the 1 and 0
    it is counted as; the column saying which are milestones is not shown."""
    if MILESTONE not in table:
        return table
    table = table.copy()
    for column in ("mål", "opnået"):
        table[column] = pd.Series([yes_no(bool(value)) if milestone else value
                                   for value, milestone in zip(table[column], table[MILESTONE], strict=True)],
                                  index=table.index, dtype=object)
    return table.drop(columns=MILESTONE)


def _without_repeated_totals(frame: pd.DataFrame, evidence_table: pd.DataFrame) -> pd.DataFrame:
    """``frame`` without the "(alle)" rows of conclusions about one group, which repeat that
    group's row (a reader takes "(alle)" for everyone)."""
    groups = evidence_table[evidence_table["group"] != ALL].groupby("conclusion_id")["group"].nunique()
    single = set(groups[groups == 1].index)
    return frame[~(frame["conclusion_id"].isin(single) & (frame["group"] == ALL))].reset_index(drop=True)


def _method_note(coded: Coded) -> str:
    """What was coded, how, and with which codebook: the first thing a reviewer asks."""
    segments = coded.segments
    surveys = survey_documents(segments)
    documents = int(segments["doc_id"].nunique())
    codebook = coded.codebook
    return Words.note_method.format(
        documents=whole(documents), interviews=whole(documents - len(surveys)), surveys=whole(len(surveys)),
        segments=whole(int((segments["speaker_role"] == "respondent").sum())),
        codebook=codebook.label or codebook.name, codes=sum(1 for code in codebook.codes if code.codable))


def _sources(segments: pd.DataFrame) -> pd.DataFrame:
    """Each document under the name the quotes give it ("interview 7", "spørgeskema") with its id,
    group, role and how many respondents and turns it has: the key from a quote to its document."""
    respondents = segments[segments["speaker_role"] == "respondent"]
    numbers = document_numbers(segments)
    surveys = survey_documents(segments)
    rows = []
    for doc_id, turns in respondents.groupby("doc_id", sort=True):
        first = turns.iloc[0]
        rows.append({
            "source": Words.survey if doc_id in surveys else interview_name(doc_id, numbers),
            "doc_id": doc_id,
            **{column: first[column] for column in (GROUP_COLUMN, "role") if column in turns},
            "respondents": int(turns["speaker"][~turns["speaker"].astype(str).map(is_no_respondent)].nunique()),
            "segments": len(turns),
        })
    columns = ["source", "doc_id", *[c for c in (GROUP_COLUMN, "role") if c in segments], "respondents", "segments"]
    return pd.DataFrame(rows, columns=columns)
