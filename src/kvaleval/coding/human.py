"""Human codings in: filled coding sheets (xlsx) and coding files (CSV) -> the codings table.

A coding sheet (written by :func:`kvaleval.report.sheet.write_sheet`) has one row
per respondent segment and, per code, a column marked 1 (coded), 0 or blank (not
coded) and a column ``<code>: valens``. A coding CSV has one row per coded turn
and code: ``doc_id, turn_index, code[, valence, coder]`` (the gold format) or
``segment_id, code[, valence, coder]``.

Every cell is checked; all problems are collected and raised once, each naming
the sheet, row and column (or the CSV line and column) and what to write instead.
"""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from kvaleval.errors import Errors, HumanCodingError
from kvaleval.frames import CODING_COLUMNS, VALENCES
from kvaleval.records import INTERVIEWER, Codebook

__all__ = ["read_codings", "read_sheet_segments"]

# The layout of a coding sheet; the writer and the reader share it.
SHEET = "Kodning"
CODEBOOK_SHEET = "Kodebog"
GUIDE_SHEET = "Vejledning"
ID_HEADER = "segment_id"
INFO_HEADERS = (ID_HEADER, "Dokument", "Gruppe", "Taler", "Spørgsmål", "Tekst")
COMMENT_HEADER = "Kommentar"
VALENCE_SUFFIX = ": valens"
SUGGESTION_PREFIX = "forslag: "
CODER_LABEL = "Koder:"

PRESENT = frozenset({"1", "x", "ja"})
ABSENT = frozenset({"0", "nej", ""})
"""Cell values read as coded / not coded (after trimming and lower-casing; ``1.0`` is ``1``)."""

MAX_LISTED = 40
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]0+)?$")
_FILE_PREFIX = re.compile(r"^(?:coder|koder|kodning|kodeark)[_\- ]+", re.IGNORECASE)


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
        or a ``.csv`` (``,`` or ``;`` separated, UTF-8 with or without BOM; Excel's
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
        segment order (corpus order when ``segments`` is given), code and coder.

    Raises
    ------
    HumanCodingError
        If the file is missing or unreadable, or any cell is invalid (one error
        listing every bad cell by sheet, row and column, or line and column).

    Notes
    -----
    A cell holding 1, 1.0, "1", " 1 ", "x" or "ja" (any case) is coded; 0, "0",
    "nej" or an empty cell is not. A valence needs the code marked 1.
    """
    path = Path(path)
    if not path.is_file():
        raise HumanCodingError(Errors.E800.format(path=path))
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv"):
        raise HumanCodingError(Errors.E801.format(path=path, suffix=suffix))
    context = _Context(path, _segment_table(segments), codebook)
    if suffix == ".csv":
        rows = _read_csv(path, context)
    else:
        rows = _read_sheet(path, context).rows
    context.raise_problems()
    fallback = coder or _file_coder(path)
    frame = pd.DataFrame(
        [(seg, _doc_id(seg, context), code, coder or row_coder or fallback, 1.0, valence, "")
         for seg, code, valence, row_coder in rows],
        columns=list(CODING_COLUMNS),
    ).astype({"score": float})
    return _sorted(frame.drop_duplicates(["segment_id", "code", "coder"]), context.order)


def read_sheet_segments(path: str | Path) -> list[str]:
    """The segment ids a coding sheet lists: the units its coder was given.

    Parameters
    ----------
    path : str or Path
        A coding sheet (xlsx) from ``kvaleval sheet``.

    Returns
    -------
    list of str
        The ids in sheet order. A segment in the list that the coder did not
        mark is "not coded" (absent), not missing.
    """
    path = Path(path)
    if not path.is_file():
        raise HumanCodingError(Errors.E800.format(path=path))
    context = _Context(path, None, None)
    read = _read_sheet(path, context)
    return read.units


# -- context: where problems are collected ----------------------------------------------


class _Context:
    def __init__(self, path: Path, segments: pd.DataFrame | None, codebook: Codebook | None) -> None:
        self.path = path
        self.codebook = codebook
        self.problems: list[str] = []
        self.order: dict[str, int] | None = None
        self.docs: dict[str, str] = {}
        self.roles: dict[str, str] = {}
        self.last_turn: dict[str, int] = {}
        if segments is not None:
            ids = segments["segment_id"].astype(str).tolist()
            self.order = {segment: index for index, segment in enumerate(ids)}
            self.docs = dict(zip(ids, segments["doc_id"].astype(str), strict=True))
            if "speaker_role" in segments:
                self.roles = dict(zip(ids, segments["speaker_role"].astype(str), strict=True))
            turns = segments.groupby(segments["doc_id"].astype(str))["turn_index"].max()
            self.last_turn = {doc: int(turn) for doc, turn in turns.items()}

    def problem(self, message: str) -> None:
        self.problems.append(message)

    def raise_problems(self) -> None:
        if not self.problems:
            return
        listed = [f"  - {problem}" for problem in self.problems[:MAX_LISTED]]
        if len(self.problems) > MAX_LISTED:
            listed.append(f"  ... and {len(self.problems) - MAX_LISTED} more")
        raise HumanCodingError(Errors.E805.format(path=self.path, n=len(self.problems),
                                                  problems="\n".join(listed)))

    def check_segment(self, segment: str, where: str) -> bool:
        if self.order is None:
            return True
        if segment not in self.order:
            self.problem(Errors.E809.format(where=where, segment=segment))
            return False
        if self.roles.get(segment) == INTERVIEWER:
            self.problem(Errors.E816.format(where=where, segment=segment))
            return False
        return True

    def check_code(self, code: str, where: str) -> bool:
        if self.codebook is None or code in self.codebook:
            return True
        self.problem(Errors.E812.format(where=where, code=code, codes=", ".join(self.codebook.names)))
        return False


def _segment_table(segments: Any) -> pd.DataFrame | None:
    if segments is None:
        return None
    table = getattr(segments, "segments", segments)
    from kvaleval.frames import require_columns

    require_columns(table, ("segment_id", "doc_id", "turn_index"))
    return table


# -- cell values --------------------------------------------------------------------------


def parse_mark(value: Any) -> bool | None:
    """True (coded), False (not coded) or None (not a valid coding) for one cell value."""
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, int | float):
        if isinstance(value, float) and math.isnan(value):
            return False
        return {1: True, 0: False}.get(value)  # type: ignore[call-overload]
    if not isinstance(value, str):
        return None
    text = value.strip().casefold()
    if _NUMBER.match(text):
        text = str(int(float(text.replace(",", "."))))
    if text in PRESENT:
        return True
    if text in ABSENT:
        return False
    return None


def parse_valence(value: Any) -> str | None:
    """The valence ("" when empty), or None when the value is not a valence."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if not isinstance(value, str):
        return None
    text = value.strip().casefold()
    if text == "" or text in VALENCES:
        return text
    return None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


# -- xlsx ---------------------------------------------------------------------------------


class _SheetRead:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str | None]] = []
        self.units: list[str] = []


def _read_sheet(path: Path, context: _Context) -> _SheetRead:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        raise HumanCodingError(Errors.E802.format(path=path, detail=err)) from err
    try:
        names = workbook.sheetnames
        ordered = [SHEET, *(name for name in names if name != SHEET)] if SHEET in names else names
        for name in ordered:
            rows = workbook[name].iter_rows(values_only=True)
            header = [_text(value) for value in next(rows, ())]
            if ID_HEADER in (h.casefold() for h in header):
                result = _read_rows(name, header, rows, context)
                coder = _sheet_coder(workbook) if GUIDE_SHEET in names else None
                result.rows = [(s, c, v, coder) for s, c, v, _ in result.rows]
                return result
    finally:
        workbook.close()
    raise HumanCodingError(Errors.E803.format(path=path, sheets=", ".join(names)))


def _columns(sheet: str, header: list[str], context: _Context) -> tuple[int, dict[str, int], dict[str, int]]:
    from openpyxl.utils import get_column_letter

    info = {h.casefold() for h in INFO_HEADERS} | {COMMENT_HEADER.casefold()}
    identifier = next(i for i, h in enumerate(header) if h.casefold() == ID_HEADER)
    codes: dict[str, int] = {}
    valences: dict[str, int] = {}
    for index, name in enumerate(header):
        if not name or name.casefold() in info or name.casefold().startswith(SUGGESTION_PREFIX.strip()):
            continue
        where = f"sheet '{sheet}', column {get_column_letter(index + 1)} (header '{name}')"
        if name.casefold().endswith(VALENCE_SUFFIX):
            code = name[: -len(VALENCE_SUFFIX)].strip()
            if context.check_code(code, where):
                valences[code] = index
        elif context.check_code(name, where):
            codes[name] = index
    return identifier, codes, valences


def _read_rows(sheet: str, header: list[str], rows: Iterator[tuple[Any, ...]],
               context: _Context) -> _SheetRead:
    from openpyxl.utils import get_column_letter

    identifier, codes, valences = _columns(sheet, header, context)
    result = _SheetRead()
    first_row: dict[str, int] = {}

    def where(row: int, column: int) -> str:
        return (f"sheet '{sheet}', cell {get_column_letter(column + 1)}{row} "
                f"(row {row}, column '{header[column]}')")

    for number, values in enumerate(rows, start=2):
        cells = list(values) + [None] * (len(header) - len(values))
        segment = _text(cells[identifier])
        marks = {code: cells[index] for code, index in codes.items()}
        tones = {code: cells[index] for code, index in valences.items()}
        if not segment:
            if not all(_blank(v) or parse_mark(v) is False for v in (*marks.values(), *tones.values())):
                context.problem(Errors.E810.format(where=where(number, identifier)))
            continue
        if segment in first_row:
            context.problem(Errors.E811.format(where=where(number, identifier), segment=segment,
                                               first=f"row {first_row[segment]}"))
            continue
        first_row[segment] = number
        if not context.check_segment(segment, where(number, identifier)):
            continue
        result.units.append(segment)
        for code in sorted(set(codes) | set(valences), key=lambda c: codes.get(c, valences.get(c, 0))):
            mark = parse_mark(marks.get(code))
            tone = parse_valence(tones.get(code))
            if mark is None:
                context.problem(Errors.E806.format(where=where(number, codes[code]), value=marks[code]))
            if tone is None:
                context.problem(Errors.E807.format(where=where(number, valences[code]), value=tones[code]))
            elif tone and mark is False:
                context.problem(Errors.E808.format(where=where(number, valences[code])))
            elif mark and tone is not None:
                result.rows.append((segment, code, tone, None))
    return result


def _sheet_coder(workbook: Any) -> str | None:
    for row in workbook[GUIDE_SHEET].iter_rows(max_col=2, values_only=True):
        if row and _text(row[0]).casefold() == CODER_LABEL.casefold():
            name = _text(row[1]) if len(row) > 1 else ""
            return name or None
    return None


def _file_coder(path: Path) -> str:
    return _FILE_PREFIX.sub("", path.stem) or path.stem


# -- csv ----------------------------------------------------------------------------------


def _read_csv(path: Path, context: _Context) -> list[tuple[str, str, str, str | None]]:
    text = _decode(path)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip().lstrip("\ufeff").casefold() for name in next(reader, [])]
    except csv.Error as err:
        raise HumanCodingError(Errors.E802.format(path=path, detail=err)) from err
    by_turn = {"doc_id", "turn_index", "code"} <= set(header)
    if not by_turn and not {"segment_id", "code"} <= set(header):
        raise HumanCodingError(Errors.E804.format(
            path=path, needed="'doc_id', 'turn_index' and 'code', or 'segment_id' and 'code'",
            columns=", ".join(header) or "(nothing)"))
    column = {name: header.index(name) for name in dict.fromkeys(header)}
    rows: list[tuple[str, str, str, str | None]] = []
    seen: dict[tuple[str, str, str], tuple[str, str]] = {}
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            cells = record + [""] * (len(header) - len(record))

            def where(name: str, line: int = line) -> str:
                return f"line {line}, column '{name}'"

            segment = _csv_segment(cells, column, by_turn, where, context)
            code = cells[column["code"]].strip()
            if not code:
                context.problem(Errors.E818.format(where=where("code")))
            valence = parse_valence(cells[column["valence"]]) if "valence" in column else ""
            if valence is None:
                context.problem(Errors.E807.format(where=where("valence"), value=cells[column["valence"]]))
            row_coder = cells[column["coder"]].strip() if "coder" in column else ""
            if segment is None or not code or valence is None or not context.check_code(code, where("code")):
                continue
            key = (segment, code, row_coder)
            if key in seen and seen[key][0] != valence:
                context.problem(Errors.E817.format(where=where("valence"), code=code, first=seen[key][0],
                                                   first_where=seen[key][1], second=valence))
                continue
            seen.setdefault(key, (valence, f"line {line}"))
            rows.append((segment, code, valence, row_coder or None))
    except csv.Error as err:
        raise HumanCodingError(Errors.E802.format(path=path, detail=f"line {reader.line_num}: {err}")) from err
    return rows


def _csv_segment(cells: list[str], column: dict[str, int], by_turn: bool, where: Any,
                 context: _Context) -> str | None:
    if not by_turn:
        segment = cells[column["segment_id"]].strip()
        if not segment:
            context.problem(Errors.E810.format(where=where("segment_id")))
            return None
        return segment if context.check_segment(segment, where("segment_id")) else None
    doc_id = cells[column["doc_id"]].strip()
    raw = cells[column["turn_index"]].strip()
    if not doc_id:
        context.problem(Errors.E810.format(where=where("doc_id")))
        return None
    if not _NUMBER.match(raw) or raw.startswith(("-", "+")):
        context.problem(Errors.E813.format(where=where("turn_index"), value=raw))
        return None
    turn = int(float(raw.replace(",", ".")))
    segment = f"{doc_id}#{turn}"
    if context.order is not None and segment not in context.order:
        if doc_id not in context.last_turn:
            context.problem(Errors.E815.format(where=where("doc_id"), doc_id=doc_id))
        else:
            context.problem(Errors.E814.format(where=where("turn_index"), doc_id=doc_id, turn=turn,
                                               last=context.last_turn[doc_id]))
        return None
    return segment if context.check_segment(segment, where("turn_index")) else None


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise HumanCodingError(Errors.E802.format(path=path, detail=err.strerror or err)) from err
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel's "CSV (semikolonsepareret)" in a Danish locale is Windows-1252.
        return data.decode("cp1252", errors="replace")


# -- output -------------------------------------------------------------------------------


def _doc_id(segment: str, context: _Context) -> str:
    return context.docs.get(segment) or segment.rsplit("#", 1)[0]


def _segment_key(segment: str) -> tuple[str, int, str]:
    doc, _, turn = segment.rpartition("#")
    return (doc, int(turn), "") if turn.isdigit() else (segment, -1, segment)


def _sorted(frame: pd.DataFrame, order: dict[str, int] | None) -> pd.DataFrame:
    ids: Iterable[str] = frame["segment_id"]
    keys = [order[s] for s in ids] if order is not None else [_segment_key(s) for s in ids]
    position = {key: rank for rank, key in enumerate(sorted(set(keys)))}
    return (
        frame.assign(_order=[position[key] for key in keys])
        .sort_values(["_order", "code", "coder"], kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)
    )
