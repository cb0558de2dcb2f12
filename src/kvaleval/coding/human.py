"""Human codings in: filled coding sheets (xlsx) and coding files (CSV) -> the codings table.

A coding sheet (from :func:`kvaleval.report.sheet.write_sheet`) has one row per
respondent segment and, per code, a column marked 1 (coded), 0 or blank (not
coded) and a column ``<code>: valens``. A coding CSV has one row per coded turn
and code: ``doc_id, turn_index, code[, valence, coder]`` (the gold format) or
``segment_id, code[, valence, coder]``. Every cell is checked; all problems are
collected and raised once, each naming the sheet, row and column (or the CSV
line and column) and what to write instead.
"""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from kvaleval.errors import Errors, HumanCodingError, Texts, Warnings, os_error, shorten, warn
from kvaleval.frames import CODING_COLUMNS, VALENCES, require_columns, segment_key, segment_table
from kvaleval.records import INTERVIEWER, RESPONDENT, Codebook

__all__ = ["HumanCodings", "parse_mark", "parse_valence", "read_codings", "read_human_codings",
           "read_sheet_segments", "unpack"]

# The layout of a coding sheet; the writer and the reader share it.
SHEET = "Kodning"
CODEBOOK_SHEET = "Kodebog"
GUIDE_SHEET = "Vejledning"
ID_HEADER = "segment_id"
TEXT_HEADER = "Tekst"
INFO_HEADERS = (ID_HEADER, "Dokument", "Gruppe", "Taler", "Spørgsmål", TEXT_HEADER)
COMMENT_HEADER = "Kommentar"
VALENCE_SUFFIX = ": valens"
SUGGESTION_PREFIX = "forslag: "
CODER_LABEL = "Koder:"
SCOPE_LABEL = "Omfang:"
SCOPE_WHOLE = "hele dokumenter"
SCOPE_PICKED = "udvalgte ture"
"""What a sheet lists, on its instructions sheet: whole documents, or turns picked (a review queue)."""

PRESENT = frozenset({"1", "x", "ja", "sand", "true", "yes", "✓", "✔", "☑", "√"})
ABSENT = frozenset({"0", "nej", "", "falsk", "false", "no", "-", "–"})
"""Cell text read as coded / not coded, after trimming and lower-casing ("1.0" is "1"). A TRUE cell
is SAND in a Danish Excel, and a CSV saved from it holds the word; coders also tick cells (✓, √ from
Excel's symbols) and dash out the rest. A cross other than x (✗, ✘) stays an error: some mean no by it."""

MAX_LISTED = 40
CSV_ALIASES = {
    "segment_id": "segment_id", "segment": "segment_id", "doc_id": "doc_id", "dokument": "doc_id",
    "turn_index": "turn_index", "tur": "turn_index", "code": "code", "kode": "code",
    "valence": "valence", "valens": "valence", "coder": "coder", "koder": "coder",
}
"""Column names of a coding CSV (compared without case and whitespace), Danish ones included."""
CSV_TEXT_COLUMNS = frozenset({"excerpt", "text", "tekst", "citat", "question", "spørgsmål", "why",
                              "begrundelse", "comment", "kommentar", "note", "noter", "score"})
"""Columns of a coding CSV that are there for the reader and are not read, without a warning."""
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]0+)?$")
_FILE_PREFIX = re.compile(r"^(?:coder|koder|kodning|kodeark)[_\- ]+", re.IGNORECASE)
Row = tuple[str, str, str, str | None]  # segment, code, valence, the row's coder


def read_codings(
    path: str | Path,
    coder: str | None = None,
    *,
    segments: pd.DataFrame | Any | None = None,
    codebook: Codebook | None = None,
) -> pd.DataFrame:
    """Read a filled coding sheet (xlsx) or a coding CSV into a codings table.

    Parameters
    ----------
    path : str or Path
        An ``.xlsx`` sheet from ``kvaleval sheet`` (filled in Excel or LibreOffice),
        or a ``.csv`` (``,``, ``;`` or tab separated, UTF-8 with or without BOM, UTF-16 with BOM; Excel's
        Windows-1252 is read too) with the columns ``doc_id, turn_index, code``
        or ``segment_id, code``, optionally ``valence`` and ``coder``.
    coder : str, optional
        The coder's name. Default: the sheet's "Koder:" cell or the CSV's
        ``coder`` column, else the file name (``coder_anne.xlsx`` -> ``anne``).
    segments : DataFrame or Corpus, optional
        The segment table the codings belong to. When given, every segment id
        and turn must exist in it and be a respondent turn.
    codebook : Codebook, optional
        When given, every code must be one of its codes.

    Returns
    -------
    pandas.DataFrame
        ``segment_id, doc_id, code, coder, score, valence, why``: one row per
        coded (segment, code); ``score`` is 1.0, ``why`` is empty. Sorted by
        segment (corpus order when ``segments`` is given), code and coder.

    Raises
    ------
    HumanCodingError
        If the file is missing or unreadable, or any cell is invalid: one error
        listing every bad cell by sheet, row and column (or line and column).

    Notes
    -----
    A cell holding 1, 1.0, "1", " 1 ", "x", "ja", "sand" or a tick (✓, √; any case) is
    coded; 0, "0", "nej", a dash or an empty cell is not. A valence needs the code marked 1.

    The table holds only the codings: which turns a sheet gave its coder (a
    sheet made with ``--documents`` covers part of the corpus) is not in it. To
    compare or score coders, read their files with :func:`read_human_codings`,
    which keeps that coverage with the codings.
    """
    return _read_file(path, coder, segments, codebook).codings


@dataclass(frozen=True)
class HumanCodings:
    """Codings read from coders' files, with the turns each coder was given.

    Pass it wherever a codings table goes (:func:`kvaleval.agreement`,
    :func:`kvaleval.evaluate` as the codings or the gold, ``ModelCoder.fit``):
    the coverage then travels with the codings, and a turn a coder never saw is
    missing for them, not "not coded".

    Attributes
    ----------
    codings : DataFrame
        The codings table of every file (``segment_id, doc_id, code, coder,
        score, valence, why``).
    coders : tuple of str
        Every coder read, in file order, including a coder who coded nothing.
    coverage : dict of str to tuple of str
        ``{coder: segment ids their sheet lists}`` for coders read from a coding
        sheet. Coders read from a CSV are not in it: they saw every unit.
    codes : tuple of str
        The codes in order: the codebook's when one was given, else the sheets'
        code columns, then any other code in the codings.
    sources : dict of str to Path
        The file each coder was read from.
    code_coverage : dict of str to tuple of str
        ``{coder: codes their sheet has}`` for coders whose sheet lacks some of
        ``codes`` (a sheet made before the codebook got a theme): the other codes
        are missing for them, not "not coded".
    """

    codings: pd.DataFrame
    coders: tuple[str, ...]
    coverage: dict[str, tuple[str, ...]] = field(default_factory=dict)
    codes: tuple[str, ...] = ()
    sources: dict[str, Path] = field(default_factory=dict)
    code_coverage: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.codings)


def read_human_codings(
    paths: str | Path | Iterable[str | Path],
    *,
    segments: pd.DataFrame | Any | None = None,
    codebook: Codebook | None = None,
) -> HumanCodings:
    """Read coders' files (filled coding sheets and coding CSVs) with what each coder was given.

    Parameters
    ----------
    paths : path or iterable of paths
        One file per coder (a CSV with a ``coder`` column may hold several).
    segments, codebook
        As for :func:`read_codings`.

    Returns
    -------
    HumanCodings
        The codings, the coders (a filled sheet without a single 1 is a coder
        who coded nothing, not a missing coder), each sheet's turns, the code
        order and the file of each coder.

    Raises
    ------
    HumanCodingError
        As :func:`read_codings`, or if one coder is in two files.
    """
    files = [paths] if isinstance(paths, str | Path) else list(paths)
    tables: list[pd.DataFrame] = []
    coverage: dict[str, tuple[str, ...]] = {}
    sources: dict[str, Path] = {}
    sheet_codes: dict[str, tuple[str, ...]] = {}
    codes: dict[str, None] = dict.fromkeys(codebook.names) if codebook is not None else {}
    for path in files:
        read = _read_file(path, None, segments, codebook)
        names = list(dict.fromkeys(read.codings["coder"].astype(str))) or [read.coders[0]]
        for name in names:
            if name in sources:
                raise HumanCodingError(Errors.E824.format(coder=name, first=sources[name], second=path))
            sources[name] = Path(path)
            if name in read.coverage:
                coverage[name] = read.coverage[name]
                sheet_codes[name] = read.codes
        codes.update(dict.fromkeys(read.codes))
        tables.append(read.codings)
    codings = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(
        columns=list(CODING_COLUMNS))
    codes.update(dict.fromkeys(sorted(codings["code"].astype(str).unique())))
    # Without a codebook each sheet lists its own codes: a sheet from before a theme was added
    # never asked its coder about it, so the theme is missing for them, not "not coded".
    listed = [code for code in codes if any(code in own for own in sheet_codes.values())]
    lacking = {name: tuple(code for code in codes if code in own or code not in listed)
               for name, own in sheet_codes.items() if set(listed) - set(own)}
    for name, own in lacking.items():
        absent = ", ".join(f"'{code}'" for code in listed if code not in own)
        warn(Warnings.W806.format(path=sources[name], codes=absent, coder=name))
    return HumanCodings(codings, tuple(sources), coverage, tuple(codes), sources, lacking)


def read_gold(
    paths: str | Path | Iterable[str | Path],
    *,
    segments: pd.DataFrame | Any | None = None,
    codebook: Codebook | None = None,
) -> HumanCodings:
    """One human standard from one or more files (``--gold gold.csv --gold review.xlsx``): the
    codings of every file, as one coder (the first file's); its turns are those every sheet
    listed, or all turns when a file is a CSV (it saw every unit). A turn coded in two files
    takes the later file's codes."""
    files = [paths] if isinstance(paths, str | Path) else list(paths)
    parts = [_read_file(path, None, segments, codebook) for path in files]
    if not parts:
        raise HumanCodingError(Errors.E832.format(source="--gold"))
    name = parts[0].coders[0]
    tables = []
    for index, part in enumerate(parts):
        later = {segment for other in parts[index + 1:] for segment in _turns_of(other)}
        tables.append(part.codings[~part.codings["segment_id"].isin(later)].assign(coder=name))
    codings = pd.concat(tables, ignore_index=True)
    sheets = [part.coverage.get(part.coders[0]) for part in parts]
    coverage = {} if any(turns is None for turns in sheets) else {
        name: tuple(dict.fromkeys(turn for turns in sheets for turn in turns or ()))}
    codes = tuple(dict.fromkeys(code for part in parts for code in part.codes))
    return HumanCodings(codings, (name,), coverage, codes, {name: Path(files[0])})


def _turns_of(read: HumanCodings) -> set[str]:
    """The turns a file speaks for: a sheet's listed turns, or a CSV's coded ones."""
    listed = read.coverage.get(read.coders[0])
    return set(listed) if listed is not None else set(read.codings["segment_id"].astype(str))


def unpack(codings: pd.DataFrame | HumanCodings,
           coverage: Mapping[str, Iterable[str]] | None = None
           ) -> tuple[pd.DataFrame, dict[str, set[str]], list[str], list[str]]:
    """The codings table, the coverage (``coverage`` given wins), the coders and the codes.

    A plain table gives its own coders (and those named in ``coverage``) and codes.
    """
    if isinstance(codings, HumanCodings):
        table, seen = codings.codings, {c: set(ids) for c, ids in codings.coverage.items()}
        coders, codes = list(codings.coders), list(codings.codes)
    else:
        table, seen, coders, codes = codings, {}, [], []
    seen.update({coder: set(map(str, ids)) for coder, ids in (coverage or {}).items()})
    if "coder" in table:
        found = sorted(table["coder"].astype(str).unique(), key=lambda c: (c.casefold(), c))
        coders = list(dict.fromkeys([*coders, *found, *sorted(seen)]))
    if "code" in table:
        codes = list(dict.fromkeys([*codes, *sorted(table["code"].astype(str).unique())]))
    return table, seen, coders, codes


def _read_file(path: str | Path, coder: str | None, segments: Any,
               codebook: Codebook | None) -> HumanCodings:
    """One file: its codings, its coder (also when it coded nothing), a sheet's turns, its codes."""
    path = _existing(path, (".xlsx", ".xlsm", ".csv"))
    context = _Context(path, _segment_table(segments), codebook)
    csv_file = path.suffix.lower() == ".csv"
    units: list[str] | None = None
    sheet_coder: str | None = None
    if csv_file:
        rows = _read_csv(path, context)
    else:
        rows, units, sheet_coder = _read_sheet(path, context)
    context.raise_problems()
    fallback = _FILE_PREFIX.sub("", path.stem) or path.stem
    records = [(segment, context.docs.get(segment) or segment.rsplit("#", 1)[0], code,
                coder or row_coder or sheet_coder or fallback, 1.0, valence, "")
               for segment, code, valence, row_coder in rows]
    frame = pd.DataFrame(records, columns=list(CODING_COLUMNS)).astype({"score": float})
    frame = _sorted(frame.drop_duplicates(["segment_id", "code", "coder"]), context.order)
    name = coder or sheet_coder or fallback
    coverage = {name: tuple(units)} if units is not None else {}
    return HumanCodings(frame, (name,), coverage, tuple(context.codes), {name: path})


def read_sheet_segments(path: str | Path) -> list[str]:
    """The segment ids a coding sheet lists: the units its coder was given.

    Parameters
    ----------
    path : str or Path
        A coding sheet (xlsx) from ``kvaleval sheet``.

    Returns
    -------
    list of str
        The ids in sheet order. A listed segment the coder did not mark is "not
        coded" (absent), not missing; pass the list as ``coverage`` to
        :func:`kvaleval.analyse.agreement.agreement`.
    """
    path = _existing(path, (".xlsx", ".xlsm"))
    return _read_sheet(path, _Context(path, None, None))[1]


def filled_cells(path: str | Path) -> int:
    """How many cells a coder has filled in a coding sheet (codings, valences, comments).

    0 for a sheet as ``kvaleval sheet`` wrote it, and for a file that is not a
    readable coding sheet. The coder's name is not counted: ``kvaleval sheet --coder``
    writes it itself, and writing a sheet again with it loses nothing.
    """
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, data_only=True)
    except Exception:  # not a workbook: nothing a coder filled
        return 0
    filled = 0
    skip = {h.casefold() for h in INFO_HEADERS}
    for worksheet in workbook.worksheets:
        header = [_text(cell.value).casefold() for cell in next(worksheet.iter_rows(max_row=1), ())]
        if ID_HEADER not in header:
            continue
        columns = [i for i, name in enumerate(header)
                   if name and name not in skip and not name.startswith(SUGGESTION_PREFIX.strip())]
        for row in worksheet.iter_rows(min_row=2, values_only=True):
            filled += sum(1 for i in columns if i < len(row) and not _blank(row[i]))
    return filled


def parse_mark(value: Any) -> bool | None:
    """True (coded), False (not coded) or None (not a valid coding) for one cell value."""
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, int | float):
        if math.isnan(value):
            return False
        return True if value == 1 else False if value == 0 else None
    if not isinstance(value, str):
        return None
    text = value.strip().casefold()
    if _NUMBER.match(text):
        text = str(int(float(text.replace(",", "."))))
    return True if text in PRESENT else False if text in ABSENT else None


def parse_valence(value: Any) -> str | None:
    """The valence ("" when empty), or None when the value is not a valence."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if not isinstance(value, str):
        return None
    text = value.strip().casefold()
    text = _ENGLISH_VALENCES.get(text, text)
    if text in _NEUTRAL:
        return ""
    return text if text == "" or text in VALENCES else None


_ENGLISH_VALENCES = {"positive": "positiv", "negative": "negativ", "mixed": "blandet"}
"""Read as the Danish valence, as in a codebook: an English-speaking coder's words are not errors."""

_NEUTRAL = frozenset({"neutral", "neutralt", "neutrale"})
"""A coded theme without a valence, as the coder writes it (an empty cell); a human writes "neutral"."""


# -- where problems are collected ------------------------------------------------------


_WORDS = re.compile(r"[^\W_]+")
_SUFFIX = re.compile(r"\.(?:txt|md|docx?|odt|rtf|pdf|vtt|srt|xlsx|csv)$", re.IGNORECASE)
"""A file ending typed with a document id ('interviews/mor01.txt')."""
_LABEL = re.compile(r"\[[^\[\]]{1,40}\]")
"""A pseudonymisation label in a sheet's text (``[navn]``, ``[telefon]``, ``[borger 3]``)."""


class _Context:
    def __init__(self, path: Path, segments: pd.DataFrame | None,
                 codebook: Codebook | None) -> None:
        self.path, self.codebook = path, codebook
        self.problems: list[str] = []
        self.order: dict[str, int] | None = None
        self.docs: dict[str, str] = {}
        self.roles: dict[str, str] = {}
        self.last_turn: dict[str, int] = {}
        self.codes: list[str] = []  # the code columns of a sheet, in order
        self.texts: dict[str, str] = {}
        self.unsaved: set[tuple[int, int]] = set()  # (row, column) of formulas without a saved value
        self.missing_documents: dict[str, list[int]] = {}  # doc_id -> [its E815's place, more lines]
        if segments is not None:
            ids = segments["segment_id"].astype(str).tolist()
            if "text" in segments:
                self.texts = dict(zip(ids, segments["text"].astype(str), strict=True))
            self.order = {segment: index for index, segment in enumerate(ids)}
            self.docs = dict(zip(ids, segments["doc_id"].astype(str), strict=True))
            if "speaker_role" in segments:
                self.roles = dict(zip(ids, segments["speaker_role"].astype(str), strict=True))
            turns = segments.groupby(segments["doc_id"].astype(str))["turn_index"].max()
            self.last_turn = {doc: int(turn) for doc, turn in turns.items()}

    def missing_document(self, doc_id: str, where: str) -> None:
        """E815 once per document, with how many more lines name it (a wrong corpus folder gave 55)."""
        if doc_id in self.missing_documents:
            self.missing_documents[doc_id][1] += 1
            return
        self.missing_documents[doc_id] = [len(self.problems), 0]
        problem = Errors.E815.format(where=where, doc_id=doc_id)
        # 'mor01' or 'interviews/mor01.txt' for 'interviews/mor01': name the one document meant
        stem = _SUFFIX.sub("", doc_id).casefold()
        meant = [doc for doc in self.last_turn if stem in (doc.casefold(), doc.casefold().rsplit("/", 1)[-1])
                 or doc.casefold().endswith("/" + stem) or stem.endswith("/" + doc.casefold())]
        if len(meant) == 1:
            problem += Texts.did_you_mean_document.format(doc_id=meant[0])
        self.problems.append(problem)

    def raise_problems(self) -> None:
        if not self.problems:
            return
        more_text = (Texts.more_lines_same_document if self.path.suffix.lower() == ".csv"
                     else Texts.more_rows_same_document)
        for place, more in self.missing_documents.values():
            if more:
                self.problems[place] += more_text.format(n=more)
        listed = [f"  - {problem}" for problem in self.problems[:MAX_LISTED]]
        if len(self.problems) > MAX_LISTED:
            listed.append(Texts.more_problems.format(n=len(self.problems) - MAX_LISTED))
        raise HumanCodingError(Errors.E805.format(path=self.path, n=len(self.problems),
                                                  problems="\n".join(listed)))

    def text_matches(self, segment: str, shown: Any) -> bool:
        """Does a sheet row's text belong to the turn its id names? The sheet shows the text
        pseudonymised, so its words, but for the ``[navn]``-style labels, must be the turn's."""
        text = self.texts.get(segment)
        if text is None or _blank(shown):
            return True
        words = _WORDS.findall(_LABEL.sub(" ", _text(shown)).casefold())
        if not words:
            return True
        own = set(_WORDS.findall(text.casefold()))
        return sum(word in own for word in words) >= 0.9 * len(words)

    def check_segment(self, segment: str, where: str) -> bool:
        if self.order is None:
            return True
        document = segment.rsplit("#", 1)[0]
        if segment not in self.order and document not in self.last_turn:
            # a file of another corpus (or one before a transcript was renamed): once per document
            self.missing_document(document, where)
        elif segment not in self.order:
            self.problems.append(Errors.E809.format(where=where, segment=segment))
        elif self.roles.get(segment) == INTERVIEWER:
            self.problems.append(Errors.E816.format(where=where, segment=segment))
        else:
            return True
        return False

    def check_code(self, code: str, where: str) -> str | None:
        """The codebook's name for the code (case and whitespace do not matter), or None."""
        if self.codebook is None or code in self.codebook:
            return code
        by_key = {_key(name): name for name in self.codebook.names}
        if _key(code) in by_key:
            return by_key[_key(code)]
        codes = ", ".join(self.codebook.names)
        self.problems.append(Errors.E812.format(where=where, code=code, codes=codes))
        return None


def _existing(path: str | Path, suffixes: tuple[str, ...]) -> Path:
    path = Path(path)
    if not path.is_file():
        raise HumanCodingError(Errors.E800.format(path=path))
    if path.suffix.lower() not in suffixes:
        raise HumanCodingError(Errors.E801.format(path=path, suffix=path.suffix.lower()))
    return path


def _segment_table(segments: Any) -> pd.DataFrame | None:
    if segments is None:
        return None
    table = segment_table(segments)
    require_columns(table, ("segment_id", "doc_id", "turn_index"))
    return table


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


# -- xlsx ----------------------------------------------------------------------------------


def _read_sheet(path: Path, context: _Context) -> tuple[list[Row], list[str], str | None]:
    """The coded rows, the segment ids listed and the coder, from the sheet with the codings.

    The workbook is read in full (not in read-only mode, which trusts the file's
    recorded dimension and loses cells when it is wrong); merged cells give their
    value to every cell they cover.
    """
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        # "File is not a zip file" says nothing to a coder: an empty or cut-off file does
        if path.name.startswith("~$"):  # picked up by 'agreement *.xlsx' while a sheet is open in Excel
            raise HumanCodingError(Errors.E856.format(path=path, name=path.name[2:])) from err
        detail = (Texts.file_empty if path.stat().st_size == 0 else Texts.file_cut_off
                  if isinstance(err, zipfile.BadZipFile) else err)
        raise HumanCodingError(Errors.E802.format(path=path, detail=detail)) from err
    names = workbook.sheetnames
    expected, listed_by = _expected_codes(workbook, context)
    candidates = []
    for worksheet in sorted(workbook.worksheets, key=lambda ws: ws.title != SHEET):
        table = _values(worksheet)
        header = [_text(value) for value in (table[0] if table else ())]
        if ID_HEADER in (h.casefold() for h in header):
            layout = _layout(header, expected)
            ticks = sum(1 for row in table[1:] for index in layout.codes.values()
                        if index < len(row) and not _blank(row[index]) and parse_mark(row[index]) is not False)
            candidates.append((worksheet.title, table, header, layout, ticks))
    if not candidates:
        raise HumanCodingError(Errors.E803.format(path=path, sheets=", ".join(names)))
    ticked = [candidate for candidate in candidates if candidate[4]]
    if len(ticked) > 1:
        sheets = ", ".join(Texts.coded_cells.format(sheet=c[0], n=c[4]) for c in ticked)
        raise HumanCodingError(Errors.E847.format(path=path, sheets=sheets))
    title, table, header, layout, _ = (ticked or candidates)[0]
    _check_layout(title, header, layout, expected, listed_by, context)
    _check_formulas(path, title, header, layout, table, context)
    found, units = _read_rows(title, header, layout, table[1:], context)
    _check_lost_valences(title, header, layout, table[1:], context)
    if not context.problems:  # else they are the error, and what follows from them needs no word
        _check_not_blank(path, header, layout, table[1:], units)
        if _guide_value(workbook, SCOPE_LABEL) != SCOPE_PICKED:
            _note_missing_rows(path, units, context)
    coder = _guide_value(workbook, CODER_LABEL)
    return found, units, coder


def _note_missing_rows(path: Path, units: list[str], context: _Context) -> None:
    """W803 for respondent turns missing from the documents a sheet of whole documents lists: a
    deleted row (a sheet made with --documents lists fewer documents, not fewer turns of one)."""
    if not context.roles or not units:
        return
    listed = set(units)
    turns: dict[str | None, list[str]] = {}
    for segment, role in context.roles.items():
        if role == RESPONDENT:
            turns.setdefault(context.docs.get(segment), []).append(segment)
    missing = []
    for document in dict.fromkeys(context.docs.get(unit) for unit in units):
        own = turns.get(document, [])
        absent = [segment for segment in own if segment not in listed]
        missing += absent
    if missing:
        warn(Warnings.W803.format(path=path, n=len(missing), examples=", ".join(missing[:3])
                                  + (", ..." if len(missing) > 3 else "")))


def _check_lost_valences(sheet: str, header: list[str], layout: _Layout, rows: list[list[Any]],
                         context: _Context) -> None:
    """E854 for a filled column whose header speaks of valence but names no code as the sheet
    does ("valens kapacitet" for "kapacitet: valens"): its valences would be lost in silence."""
    from openpyxl.utils import get_column_letter

    for index in layout.unknown:
        key = _key(header[index])
        if not ("valens" in key or "valence" in key) or key.endswith(_key(VALENCE_SUFFIX)):
            continue  # "relevanz: valens" goes with its renamed code column (E846, W801)
        if all(index >= len(row) or _blank(row[index]) for row in rows):
            continue
        code = next((code for code in layout.codes if _key(code) in key), None)
        wanted = f"{code}{VALENCE_SUFFIX}" if code else f"<kode>{VALENCE_SUFFIX}"
        context.problems.append(Errors.E854.format(
            where=Texts.sheet_cell.format(sheet=sheet, cell=f"{get_column_letter(index + 1)}1", row=1,
                                          header=header[index]), wanted=wanted))


SORTED_ALONE = 3
"""This many valences without a 1 and 1s without a valence in one code's columns suggest the code column was
sorted by itself (Excel's 'Continue with the current selection')."""
BLANK_SHEET_TURNS = 20
"""A sheet of this many turns with not one code column filled in is a mistake, not a coder who
found nothing (such a coder writes 0s, or codes a few turns)."""


def _check_not_blank(path: Path, header: list[str], layout: _Layout, rows: list[list[Any]],
                     units: list[str]) -> None:
    """Refuse a sheet whose code columns are all empty while its coder wrote elsewhere (the
    Kommentar column, a column of their own) or it lists many turns: read as "coded nothing",
    it would give κ 0 or a gold standard with nothing in it, without a word."""
    columns = [*layout.codes.values(), *layout.valences.values()]
    if any(index < len(row) and not _blank(row[index]) for row in rows for index in columns):
        return
    other = [index for index, name in enumerate(header)
             if index in layout.unknown or _key(name) == _key(COMMENT_HEADER)]
    written = [header[index] for index in other if any(index < len(row) and not _blank(row[index]) for row in rows)]
    if written or len(units) >= BLANK_SHEET_TURNS:
        raise HumanCodingError(Errors.E853.format(
            path=path, n=len(units), columns=", ".join(f"'{name}'" for name in written) or f"'{COMMENT_HEADER}'"))


def _values(worksheet: Any) -> list[list[Any]]:
    """The cell values by row; every cell of a merged range holds the range's value."""
    table = [list(row) for row in worksheet.iter_rows(values_only=True)]
    for merged in worksheet.merged_cells.ranges:
        value = table[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(table) else None
        for r in range(merged.min_row - 1, min(merged.max_row, len(table))):
            row = table[r]
            row.extend([None] * (merged.max_col - len(row)))
            for c in range(merged.min_col - 1, merged.max_col):
                row[c] = value
    return table


def _key(name: str) -> str:
    """A header or code name compared without case and whitespace ('Relevans ' is 'relevans')."""
    return re.sub(r"\s+", "", name).casefold()


def _expected_codes(workbook: Any, context: _Context) -> tuple[list[str] | None, str]:
    """The codes the sheet should have: the codebook's, else the sheet's own Kodebog sheet's."""
    if context.codebook is not None:
        return [code.name for code in context.codebook.codes if code.codable], Texts.source_codebook
    if CODEBOOK_SHEET in workbook.sheetnames:
        names = [_text(row[0]) for row in workbook[CODEBOOK_SHEET].iter_rows(min_row=2, max_col=1,
                                                                           values_only=True)]
        names = [name for name in names if name]
        if names:
            return names, Texts.source_codebook_sheet.format(sheet=CODEBOOK_SHEET)
    return None, ""


@dataclass
class _Layout:
    codes: dict[str, int]  # code -> column index
    valences: dict[str, int]  # code -> column index of its valence
    unknown: list[int]  # columns that are neither information nor a known code


def _layout(header: list[str], expected: list[str] | None) -> _Layout:
    """Code and valence columns by code; headers matched without case and whitespace."""
    skip = {_key(h) for h in (*INFO_HEADERS, COMMENT_HEADER)}
    by_key = {_key(code): code for code in expected} if expected is not None else None
    layout = _Layout({}, {}, [])
    suffix = _key(VALENCE_SUFFIX)
    for index, name in enumerate(header):
        key = _key(name)
        if not key or key in skip or key.startswith(_key(SUGGESTION_PREFIX)):
            continue
        valence = key.endswith(suffix)
        base = key[: -len(suffix)] if valence else key
        if by_key is not None:
            code = by_key.get(base)
        else:
            code = (name.strip()[: -len(VALENCE_SUFFIX)] if valence else name).strip() or None
        target = layout.valences if valence else layout.codes
        if code is None or code in target:
            layout.unknown.append(index)
        else:
            target[code] = index
    for code in [c for c in layout.valences if c not in layout.codes]:
        layout.unknown.append(layout.valences.pop(code))
    return layout


def _check_layout(sheet: str, header: list[str], layout: _Layout, expected: list[str] | None,
                  listed_by: str, context: _Context) -> None:
    from openpyxl.utils import get_column_letter

    context.codes = [c for c in expected if c in layout.codes] if expected else list(layout.codes)
    columns = ", ".join(f"{get_column_letter(i + 1)} ('{header[i]}')" for i in sorted(layout.unknown))
    missing = [code for code in expected or () if code not in layout.codes]
    if missing:
        unread = Texts.columns_not_read.format(columns=columns) if columns else ""
        context.problems.append(Errors.E846.format(
            sheet=sheet, codes=", ".join(f"'{c}'" for c in missing), source=listed_by, unread=unread))
    elif layout.unknown:
        warn(Warnings.W801.format(path=context.path, sheet=sheet, columns=columns,
                                  codes=", ".join(expected or ())))


def _check_formulas(path: Path, sheet: str, header: list[str], layout: _Layout,
                    table: list[list[Any]], context: _Context) -> None:
    """A formula whose value was never saved reads as an empty cell: name it instead."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    columns = sorted({*layout.codes.values(), *layout.valences.values(),
                      next(i for i, h in enumerate(header) if h.casefold() == ID_HEADER)})
    workbook = load_workbook(path, read_only=True, data_only=False)
    try:
        worksheet = workbook[sheet]
        worksheet.reset_dimensions()
        for r, row in enumerate(worksheet.iter_rows(values_only=True)):
            for c in columns:
                formula = row[c] if c < len(row) else None
                if isinstance(formula, str) and formula.startswith("=") and r < len(table) and (
                        c >= len(table[r]) or table[r][c] is None):
                    where = Texts.sheet_cell_short.format(sheet=sheet, cell=f"{get_column_letter(c + 1)}{r + 1}")
                    context.problems.append(Errors.E848.format(where=where, formula=formula[:40]))
                    context.unsaved.add((r + 1, c))
    finally:
        workbook.close()


def _read_rows(sheet: str, header: list[str], layout: _Layout, rows: list[list[Any]],
               context: _Context) -> tuple[list[Row], list[str]]:
    from openpyxl.utils import get_column_letter

    identifier = next(i for i, h in enumerate(header) if h.casefold() == ID_HEADER)
    text_column = next((i for i, h in enumerate(header) if _key(h) == _key(TEXT_HEADER)), None)
    codes, valences = layout.codes, layout.valences
    order = context.codes
    found: list[Row] = []
    first_row: dict[str, int] = {}
    stray: dict[str, list[int]] = {}  # code -> indices of its E808 problems
    bare: dict[str, int] = {}  # code -> rows marked 1 without a valence

    def where(row: int, column: int) -> str:
        return Texts.sheet_cell.format(sheet=sheet, cell=f"{get_column_letter(column + 1)}{row}", row=row,
                                       header=header[column])

    for number, values in enumerate(rows, start=2):
        cells = list(values) + [None] * (len(header) - len(values))
        segment = _text(cells[identifier])
        marks = {code: cells[index] for code, index in codes.items()}
        tones = {code: cells[index] for code, index in valences.items()}
        if not segment:
            filled = (*marks.values(), *tones.values())
            if not all(_blank(v) or parse_mark(v) is False for v in filled):
                context.problems.append(Errors.E810.format(where=where(number, identifier)))
            continue
        if segment in first_row:
            first = Texts.row.format(row=first_row[segment])
            context.problems.append(Errors.E811.format(where=where(number, identifier),
                                                       segment=segment, first=first))
            continue
        first_row[segment] = number
        if not context.check_segment(segment, where(number, identifier)):
            continue
        if text_column is not None and not context.text_matches(segment, cells[text_column]):
            context.problems.append(Errors.E852.format(where=where(number, text_column), segment=segment,
                                                       text=repr(shorten(_text(cells[text_column]), 50))))
            continue
        for code in order:
            mark, tone = parse_mark(marks.get(code)), parse_valence(tones.get(code))
            if mark is None:
                context.problems.append(
                    Errors.E806.format(where=where(number, codes[code]), value=marks[code]))
            if tone is None:
                context.problems.append(
                    Errors.E807.format(where=where(number, valences[code]), value=tones[code]))
            elif _written(tones.get(code)) and mark is False and (number, codes[code]) not in context.unsaved:
                # (E848 says that for an unsaved sheet); "neutral" without a 1 is a stray valence too
                stray.setdefault(code, []).append(len(context.problems))
                context.problems.append(Errors.E808.format(where=where(number, valences[code])))
            elif mark:
                bare[code] = bare.get(code, 0) + (not _written(tones.get(code)))
                found.append((segment, code, tone, None))
    for code, places in stray.items():
        # Valences without a 1 beside 1s without a valence: the code column was sorted (or its cells
        # moved) apart from its valences; say so once, by the first such row.
        if len(places) >= SORTED_ALONE and bare.get(code, 0) >= SORTED_ALONE:
            context.problems[places[0]] += Texts.sorted_alone.format(n=len(places), ticked=bare[code], code=code)
    return found, list(first_row)


def _written(value: Any) -> bool:
    """Whether a valence cell holds anything (``neutral`` included, which is read as no valence)."""
    return isinstance(value, str) and bool(value.strip())


def _guide_value(workbook: Any, label: str) -> str | None:
    """The value beside ``label`` ("Koder:", "Omfang:") on the instructions sheet, if any."""
    if GUIDE_SHEET not in workbook.sheetnames:
        return None
    for row in workbook[GUIDE_SHEET].iter_rows(max_col=2, values_only=True):
        if row and _text(row[0]).casefold() == label.casefold():
            return (_text(row[1]) if len(row) > 1 else "") or None
    return None


# -- csv -----------------------------------------------------------------------------------


def _read_csv(path: Path, context: _Context) -> list[Row]:
    text = _decode(path)
    first, _, rest = text.partition("\n")
    if first.strip().casefold() in ("sep=;", "sep=,"):  # Excel's separator hint line
        delimiter, text, offset = first.strip()[-1], rest, 1
    else:
        # LibreOffice offers tab as the field separator too; a tab-separated header read with ","
        # is one column ("segment_idcodevalence")
        delimiter, offset = max((",", ";", "\t"), key=first.count), 0
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    given = [name.strip().lstrip("\ufeff") for name in next(reader, [])]
    header = [CSV_ALIASES.get(_key(name), _key(name)) for name in given]
    unknown = [name for name, key in zip(given, header, strict=True)
               if name and key not in CSV_ALIASES.values() and key not in CSV_TEXT_COLUMNS]
    if unknown:
        warn(Warnings.W802.format(path=path, columns=", ".join(f"'{name}'" for name in unknown)))
    sheet_columns = "tekst" in header or any(key.endswith(_key(VALENCE_SUFFIX)) for key in header)
    if "segment_id" in header and sheet_columns and "code" not in header:
        raise HumanCodingError(Errors.E851.format(path=path))
    by_turn = {"doc_id", "turn_index", "code"} <= set(header)
    if not by_turn and not {"segment_id", "code"} <= set(header):
        raise HumanCodingError(Errors.E804.format(
            path=path, needed=Texts.coding_csv_needed, columns=", ".join(header) or Texts.nothing))
    column = {name: header.index(name) for name in dict.fromkeys(header)}
    rows: list[Row] = []
    seen: dict[tuple[str, str, str], tuple[str, str]] = {}
    try:
        for record in reader:
            line = reader.line_num + offset
            if any(cell.strip() for cell in record):
                cells = record + [""] * (len(header) - len(record))
                rows += _csv_row(cells, column, by_turn, line, seen, context)
    except csv.Error as err:
        detail = Texts.line_detail.format(line=reader.line_num + offset, detail=err)
        raise HumanCodingError(Errors.E802.format(path=path, detail=detail)) from err
    return rows


def _csv_row(cells: list[str], column: dict[str, int], by_turn: bool, line: int,
             seen: dict[tuple[str, str, str], tuple[str, str]], context: _Context) -> list[Row]:
    def where(name: str) -> str:
        return Texts.line_column.format(line=line, column=name)

    segment = _csv_segment(cells, column, by_turn, where, context)
    code = cells[column["code"]].strip()
    if not code:
        context.problems.append(Errors.E818.format(where=where("code")))
    raw = cells[column["valence"]] if "valence" in column else ""
    valence = parse_valence(raw)
    if valence is None:
        context.problems.append(Errors.E807.format(where=where("valence"), value=raw))
    row_coder = cells[column["coder"]].strip() if "coder" in column else ""
    if segment is None or not code or valence is None:
        return []
    known = context.check_code(code, where("code"))
    if known is None:
        return []
    code = known
    key = (segment, code, row_coder)
    if key in seen and seen[key][0] != valence:
        context.problems.append(Errors.E817.format(where=where("valence"), code=code,
                                                   first=seen[key][0], first_where=seen[key][1],
                                                   second=valence))
        return []
    seen.setdefault(key, (valence, Texts.line.format(line=line)))
    return [(segment, code, valence, row_coder or None)]


def _csv_segment(cells: list[str], column: dict[str, int], by_turn: bool,
                 where: Callable[[str], str], context: _Context) -> str | None:
    if not by_turn:
        segment = cells[column["segment_id"]].strip()
        if not segment:
            context.problems.append(Errors.E810.format(where=where("segment_id")))
            return None
        return segment if context.check_segment(segment, where("segment_id")) else None
    doc_id, raw = cells[column["doc_id"]].strip(), cells[column["turn_index"]].strip()
    if not doc_id:
        context.problems.append(Errors.E810.format(where=where("doc_id")))
        return None
    if not _NUMBER.match(raw) or raw.startswith(("-", "+")):
        context.problems.append(Errors.E813.format(where=where("turn_index"), value=raw))
        return None
    turn = int(float(raw.replace(",", ".")))
    segment = f"{doc_id}#{turn}"
    if context.order is not None and segment not in context.order:
        if doc_id not in context.last_turn:
            context.missing_document(doc_id, where("doc_id"))
        else:
            last = context.last_turn[doc_id]
            context.problems.append(Errors.E814.format(where=where("turn_index"), doc_id=doc_id,
                                                       turn=turn, last=last))
        return None
    return segment if context.check_segment(segment, where("turn_index")) else None


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise HumanCodingError(Errors.E802.format(path=path, detail=os_error(err))) from err
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode-tekst": UTF-16, tab-separated
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel's "CSV (semikolonsepareret)" in a Danish locale is Windows-1252.
        return data.decode("cp1252", errors="replace")


def _sorted(frame: pd.DataFrame, order: dict[str, int] | None) -> pd.DataFrame:
    def key(segment: str) -> tuple[Any, ...]:
        if order is not None:
            return (order[segment],)
        return segment_key(segment)

    return (
        frame.assign(_order=[key(segment) for segment in frame["segment_id"]])
        .sort_values(["_order", "code", "coder"], kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)
    )
