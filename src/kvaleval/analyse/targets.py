"""Target attainment from an indicators file: per indicator and overall.

The file (csv or xlsx) has the columns ``indikator``, ``mål`` (target), ``opnået``
(achieved) and optionally ``vægt`` (weight, default 1) and ``retning`` (``højere``
— higher is better, the default — or ``lavere``); a milestone may be written ``ja``/``nej`` in both.
An indicator is met when the achieved value reaches the target in its direction. Overall attainment is the
weighted share of indicators met ("88 % of the targets were met").
"""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from kvaleval.errors import CorpusError, Errors, Texts, Warnings, warn
from kvaleval.frames import half_up
from kvaleval.read._text import decode_bytes

REQUIRED = ("indikator", "mål", "opnået")
_ALIASES = {"indicator": "indikator", "maal": "mål", "target": "mål", "opnaaet": "opnået",
            "achieved": "opnået", "vaegt": "vægt", "weight": "vægt", "direction": "retning", "met": "opfyldt",
            "nået": "opfyldt",
            # as other evaluators' tables head them: "Målsætning | Resultat | Status"
            "målsætning": "mål", "maalsaetning": "mål", "måltal": "mål", "målværdi": "mål", "resultat": "opnået",
            "status": "opfyldt"}


_PERCENT_WORD = re.compile(r"(?<=[\d\s])(?:pct\.?|procent)$", re.IGNORECASE)
"""``80 pct.`` and ``80 procent``, as Danish reports write a percent: ``80 %``."""
_MINUS = re.compile(r"^[−–÷]")
"""A minus sign as Word (U+2212, or a dash) and Danish accounts (÷) write it."""
_THOUSANDS = re.compile(r"[-+]?[1-9]\d{0,2}(?:\.\d{3})+")  # 1.200 and 12.500.000: Danish thousands (0.875 is not)
_COMMA_GROUP = re.compile(r"[-+]?[1-9]\d{0,2},\d{3}")
"""``1,200``: 1,2 with a Danish decimal comma, 1200 with an English thousands comma (decided per column)."""
_COMMA_THOUSANDS = re.compile(r"[-+]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?")
"""``1,200`` and ``1,200,000`` with the thousands comma of an English number."""


def read_targets(path: str | Path) -> pd.DataFrame:
    """Read an indicators file into ``indikator, mål, opnået, vægt, retning, milepæl`` (``milepæl``: the
    indicator was written yes/no, read as 1/0).

    Raises
    ------
    CorpusError
        If the file is missing, unreadable, lacks a column, or holds a non-number.
    """
    from docx.opc.exceptions import PackageNotFoundError

    path = Path(path)
    shown = str(path)
    if not path.is_file():
        raise CorpusError(Errors.E024.format(path=shown))
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".txt", ".tsv", ".docx"):
        # the conclusions given as --targets were read as a CSV: "a decimal comma splits the number" (E026)
        advice = Texts.advice_conclusions_not_targets if suffix in (".yaml", ".yml") else Texts.advice_save_xlsx
        raise CorpusError(Errors.E031.format(path=shown, suffix=suffix or Texts.none, advice=advice))
    if path.stat().st_size == 0:
        raise CorpusError(Errors.E027.format(path=shown))
    try:
        if suffix == ".xlsx":
            frame = _read_xlsx(path)
        elif suffix == ".docx":
            frame = _read_docx(path)
        else:
            # Danish Excel saves CSV as Windows-1252 unless told otherwise: decode as the transcripts are.
            text = decode_bytes(path.read_bytes(), path=shown).text
            frame = _read_delimited(text, shown)
    except (ValueError, OSError, KeyError, UnicodeDecodeError, zipfile.BadZipFile, PackageNotFoundError) as err:
        if isinstance(err, CorpusError):
            raise
        raise CorpusError(Errors.E013.format(path=shown, detail=err)) from err
    if all(column == _LINE for column in frame.columns):  # an empty workbook, or only blank lines
        raise CorpusError(Errors.E027.format(path=shown))
    return _checked(frame, shown)


def targets_table(table: pd.DataFrame) -> pd.DataFrame:
    """A table of indicators given in Python (``pd.read_csv(..., sep=";")``, ``pd.read_excel``)
    checked and completed as a file is: the English headers, the optional ``vægt`` and ``retning``,
    Danish numbers (``27,5``), and the same errors, with the table's row (from 1) as the line."""
    frame = table.reset_index(drop=True).copy()
    frame[_LINE] = range(1, len(frame) + 1)
    return _checked(frame, Texts.targets_table)


def _checked(frame: pd.DataFrame, shown: str) -> pd.DataFrame:
    """``indikator, mål, opnået, vægt, retning`` from the rows read (with their line in ``_LINE``)."""
    headers = [str(c).strip().lower() for c in frame.columns if c != _LINE]  # named as the user wrote them
    frame.columns = _names(frame.columns)
    missing = [column for column in REQUIRED if column not in frame.columns]
    if missing:
        raise CorpusError(Errors.E012.format(path=shown, missing=missing, columns=headers))
    # an empty row, and a comment line ("# kilde: årsrapporten") that many keep in such a file
    commented = frame["indikator"].map(lambda value: str(value).lstrip().startswith("#"))
    frame = frame[frame["indikator"].map(_filled).astype(bool) & ~commented].reset_index(drop=True)
    if frame.empty:
        raise CorpusError(Errors.E027.format(path=shown))
    first: dict[str, int] = {}
    for line, name in zip(frame[_LINE], frame["indikator"], strict=True):
        key = " ".join(str(name).split()).casefold()
        if key in first:
            raise CorpusError(Errors.E028.format(path=shown, line=line, name=str(name).strip(), first=first[key]))
        first[key] = line
    if "vægt" not in frame:
        frame["vægt"] = 1
    if "retning" not in frame:
        frame["retning"] = ""  # higher is better (_direction), but for a milestone "nej" (_yes_or_no)
    frame["vægt"] = frame["vægt"].where(frame["vægt"].map(_filled), 1)  # an empty weight is the default
    lines = frame[_LINE].tolist()
    milestones = _yes_or_no(frame)
    written = {column: frame[column].tolist() for column in ("mål", "opnået", "retning")}
    bounds = [_bound(value) for value in written["mål"]]  # "mindst 40": 40, higher is better
    frame["mål"] = [target for target, _ in bounds]
    marks = {column: _decimal_mark(frame[column]) for column in ("mål", "opnået", "vægt")}
    for column in ("mål", "opnået", "vægt"):
        # 1,200 is read with the decimal mark the column's other cells use, else the file's, else as 1,2
        mark = marks[column] or _one_mark([marks["mål"], marks["opnået"]])
        if mark is None:
            for line, value in zip(lines, frame[column], strict=True):
                if isinstance(value, str) and _COMMA_GROUP.fullmatch(_bare(value)):
                    bare = _bare(value)
                    warn(Warnings.W049.format(path=shown, line=line, column=column, value=value.strip(),
                                              decimal_read=bare.rstrip("0").rstrip(","),
                                              thousands_read=bare.replace(",", ""),
                                              thousands=bare.replace(",", ".")))
        frame[column] = [_number(value, shown, column, line, mark=mark)
                         for line, value in zip(lines, frame[column], strict=True)]
    for line, weight in zip(lines, frame["vægt"], strict=True):
        if not weight > 0:  # a weight of 0 or less would turn the weighted share meaningless ("-0,0 %")
            raise CorpusError(Errors.E025.format(path=shown, line=line, value=_shown_number(weight)))
    for line, *values in zip(lines, written["mål"], written["opnået"], frame["mål"], frame["opnået"], strict=True):
        _same_scale(shown, line, *values)
    directions = []
    for line, value, target, (_, bound) in zip(lines, written["retning"], written["mål"], bounds, strict=True):
        direction = _direction(value, shown, line)
        if bound and _filled(value) and direction != bound:  # "mindst 40" with retning lavere: which is meant?
            raise CorpusError(Errors.E033.format(path=shown, line=line, value=target, direction=bound, given=value))
        directions.append(bound or direction)
    frame["retning"] = directions
    if "opfyldt" in frame:
        _as_the_user_judged(frame, shown)
    # a table this function returned before (given to kv.write_appendix again) keeps its milestones
    earlier = frame[MILESTONE].fillna(False).astype(bool).tolist() if MILESTONE in frame else milestones
    frame[MILESTONE] = [bool(now or then) for now, then in zip(milestones, earlier, strict=True)]
    return frame[["indikator", "mål", "opnået", "vægt", "retning", MILESTONE]]


_YES_NO = {"ja": 1.0, "yes": 1.0, "nej": 0.0, "no": 0.0}
MILESTONE = "milepæl"
"""The column saying which indicators were written yes/no: the appendix shows their 1 and 0 as ja/nej."""


def _yes_or_no(frame: pd.DataFrame) -> list[bool]:
    """A milestone written as yes or no (``Ungeråd etableret;ja;nej``) as 1 and 0, met when the two are the
    same: a target ``ja`` is reached by ``ja`` (higher is better), a target ``nej`` by ``nej`` (lower is).
    Only where both the target and the achieved value are yes or no; a yes beside a number stays E017.
    Returns which rows are such milestones."""
    def word(value: object) -> float | None:
        return _YES_NO.get(str(value).strip().casefold()) if isinstance(value, str) else None

    columns = {column: frame[column].astype(object).tolist() for column in ("mål", "opnået", "retning")}
    targets, achieved, directions = columns["mål"], columns["opnået"], columns["retning"]
    milestones = [False] * len(targets)
    for row, (target, reached) in enumerate(zip(map(word, targets), map(word, achieved), strict=True)):
        if target is None or reached is None:
            continue
        targets[row], achieved[row], milestones[row] = target, reached, True
        if not _filled(directions[row]):
            directions[row] = "højere" if target else "lavere"
    for column, values in columns.items():
        frame[column] = pd.Series(values, index=frame.index, dtype=object)
    return milestones


_MET = {"ja": True, "yes": True, "opfyldt": True, "nået": True, "true": True, "sand": True,
        "nej": False, "no": False, "ikke opfyldt": False, "ikke nået": False, "false": False, "falsk": False}


def _as_the_user_judged(frame: pd.DataFrame, shown: str) -> None:
    """A column ``opfyldt`` the user wrote (ja/nej) that says otherwise than the numbers is an error: most
    often the direction is missing (``Udsættelser;15;9;ja`` read as higher is better), and the share met
    would be wrong without a word. A value that is no plain yes or no (``delvist``) is not compared."""
    columns = ("indikator", "mål", "opnået", "retning", "opfyldt", _LINE)
    for name, target, achieved, direction, written, line in zip(*(frame[c] for c in columns), strict=True):
        said = _MET.get(" ".join(str(written).split()).casefold()) if _filled(written) else None
        met = achieved <= target if direction == "lavere" else achieved >= target
        if said is not None and said != met:
            raise CorpusError(Errors.E035.format(
                path=shown, line=line, name=str(name).strip(), said=str(written).strip(),
                achieved=_shown_number(achieved), target=_shown_number(target), direction=direction))


_BOUND = re.compile(r"(mindst|minimum|min\.?|≥|>=|højst|hoejst|maksimalt|maksimum|maks\.?|max\.?|≤|<=)\s*(?=[-+−–÷\d])",
                    re.IGNORECASE)
_AT_MOST = ("højst", "hoejst", "maksimalt", "maksimum", "maks", "max", "≤", "<=")


def _bound(value: object) -> tuple[object, str | None]:
    """A target written as a bound, as plans write them: ``mindst 40``, ``min. 40``, ``≥ 40`` is 40 with
    higher better; ``højst 5``, ``maks. 5``, ``≤ 5`` is 5 with lower better. Anything else as it is."""
    match = _BOUND.match(str(value).strip()) if isinstance(value, str) else None
    if match is None:
        return value, None
    word = match.group(1).lower().rstrip(".")
    return str(value).strip()[match.end():], "lavere" if word in _AT_MOST else "højere"


def _same_scale(shown: str, line: int, target: object, achieved: object, target_number: float,
                achieved_number: float) -> None:
    """A percent compared with a fraction (``80 %`` and ``0,88``) would be a target missed by far: an
    error, as reading 0,88 as 88 % would be a guess (``2 %`` and ``0,5`` may be half a percent)."""
    percent = [_is_percent(value) for value in (target, achieved)]
    if percent[0] == percent[1]:
        return
    (p_value, p_number, p_column), (f_value, f_number, f_column) = sorted(
        [(target, target_number, "mål"), (achieved, achieved_number, "opnået")],
        key=lambda item: not _is_percent(item[0]))
    if abs(p_number) > 1 and 0 < abs(f_number) <= 1:
        raise CorpusError(Errors.E034.format(path=shown, line=line, percent=str(p_value).strip(),
                                             percent_column=p_column, fraction=_shown_value(f_value),
                                             fraction_column=f_column))


def _is_percent(value: object) -> bool:
    return isinstance(value, str) and ("%" in value or bool(_PERCENT_WORD.search(value.strip())))


def _shown_value(value: object) -> str:
    return _shown_number(value) if isinstance(value, float) else str(value).strip()


_LINE = "\x00line"
"""The column holding each row's line in the file, for error messages."""


def _read_delimited(text: str, shown: str) -> pd.DataFrame:
    """A CSV separated by the character (``;``, ``,`` or tab) its header line uses most; a row
    with more fields than the header is an error (``80,72,5``: a decimal comma in a file
    separated by commas). The header is the first line with the columns ``indikator, mål, opnået``,
    below a title if there is one, else the first line with two fields or more."""
    lines = [line for line in text.splitlines() if line.strip()]
    titled = next((line for line in lines if _has_columns(re.split(r"[;,\t]", line))), None)
    header_line = titled or (lines[_likely_header([re.split(r"[;,\t]", line) for line in lines])] if lines else "")
    delimiter = max(";,\t", key=header_line.count) if any(c in header_line for c in ";,\t") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    records = [(reader.line_num, record) for record in reader if any(field.strip() for field in record)]
    # the header: the record with the columns, below a title; without them the likely header, for E012 to name
    at = next((i for i, (_, record) in enumerate(records) if _has_columns(record)), None)
    at = _likely_header([record for _, record in records]) if at is None else at
    header: list[str] = [field.strip() for field in records[at][1]] if records else []
    while header and not header[-1]:
        header.pop()
    rows: list[list[object]] = []
    for line_num, record in records[at + 1:]:
        extra = [field for field in record[len(header):] if field.strip()]
        if extra:
            raise CorpusError(Errors.E026.format(
                path=shown, line=line_num, fields=len(record), columns=len(header),
                header=delimiter.join(header), delimiter="tab" if delimiter == "\t" else delimiter))
        values = [field.strip() or None for field in record[: len(header)]]
        rows.append([*values, *([None] * (len(header) - len(values))), line_num])
    return pd.DataFrame(rows, columns=[*header, _LINE])


def _read_xlsx(path: Path) -> pd.DataFrame:
    """The first sheet with the columns ``indikator, mål, opnået`` in a row, from that row on: a
    workbook often opens with a front page or notes, and a sheet with a title above its header
    (as the appendix's own Målopfyldelse). A number formatted as a percent (0,41 shown as 41,0 %)
    is read as the percent it shows (41), as a target beside it is written (35)."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, data_only=True, read_only=True)
    try:
        sheets = [(sheet.title, [(number, [_cell_value(cell) for cell in cells])
                                 for number, cells in enumerate(sheet.iter_rows(), start=1)])
                  for sheet in workbook.worksheets]
    finally:
        workbook.close()
    sheets = [(title, [(number, values) for number, values in rows if any(_filled(v) for v in values)])
              for title, rows in sheets]
    for _, rows in sheets:
        at = next((i for i, (_, values) in enumerate(rows) if _has_columns(values)), None)
        if at is not None:
            return _sheet_frame(rows[at:])
    if len([rows for _, rows in sheets if rows]) > 1:  # the columns are on no sheet: say which there are
        raise CorpusError(Errors.E032.format(path=str(path), sheets=[title for title, _ in sheets],
                                             columns=[str(v).strip() for v in sheets[0][1][0][1] if _filled(v)]
                                             if sheets[0][1] else []))
    rows = sheets[0][1] if sheets else []
    return _sheet_frame(rows[_likely_header([values for _, values in rows]):])


def _read_docx(path: Path) -> pd.DataFrame:
    """The first table of a Word document with the columns ``indikator, mål, opnået`` in a row, from that
    row on, as an evaluation plan writes its indicators; a row's line is its number in the table (from 1)."""
    import docx

    tables = [[(number, [cell.text.strip() for cell in row.cells]) for number, row in enumerate(table.rows, start=1)]
              for table in docx.Document(str(path)).tables]
    tables = [[(number, values) for number, values in rows if any(values)] for rows in tables]
    for rows in tables:
        at = next((i for i, (_, values) in enumerate(rows) if _has_columns(values)), None)
        if at is not None:
            return _sheet_frame(rows[at:])
    first = [value for value in tables[0][0][1] if value] if tables and tables[0] else []
    raise CorpusError(Errors.E036.format(path=str(path), n=len(tables), columns=first))


def _names(columns: Sequence[object]) -> list[str]:
    """The columns' names in lower case, an alias as the column it stands for (``Målsætning`` is ``mål``)
    unless that column is there too (``Opnået`` beside ``Resultat``: ``resultat`` stays ``resultat``)."""
    written = [str(column).strip().lower() for column in columns]
    return [_ALIASES[name] if name in _ALIASES and _ALIASES[name] not in written else name for name in written]


def _likely_header(rows: Sequence[Sequence[object]]) -> int:
    """Where no row has the columns, the row most like a header: the first with two or more cells filled (not
    a title above it), so that E012 names the columns the user wrote."""
    return next((i for i, values in enumerate(rows) if sum(_filled(v) for v in values) >= 2), 0)


def _has_columns(values: Sequence[object]) -> bool:
    names = set(_names([value for value in values if _filled(value)]))
    return set(REQUIRED) <= names


def _sheet_frame(rows: list[tuple[int, list[object]]]) -> pd.DataFrame:
    """The rows (number, values) as a frame: the first is the header, the line in ``_LINE``."""
    header: list[str] = [str(value).strip() if value is not None else "" for value in rows[0][1]] if rows else []
    while header and not header[-1]:
        header.pop()
    body = [[*values[: len(header)], *([None] * (len(header) - len(values))), number]
            for number, values in rows[1:]]
    return pd.DataFrame(body, columns=[*header, _LINE])


def _cell_value(cell: object) -> object:
    """A cell's value; a number formatted as a percent as the text it shows (``41 %``), so that it is
    known for a percent beside a fraction (E034)."""
    value = getattr(cell, "value", None)
    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in str(
            getattr(cell, "number_format", "") or ""):
        return f"{float(value) * 100:.9f}".rstrip("0").rstrip(".").replace(".", ",") + " %"
    return value


def _shown_number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


_HIGHER = ("højere", "hojere", "høj", "higher", "high", "op", "opad", "stigende", "større", "flere", "max")
_LOWER = ("lavere", "lav", "lower", "low", "ned", "nedad", "faldende", "mindre", "færre", "min")


_IS_BETTER = re.compile(r"\s+(?:er|is)\s+(?:bedre|better)\.?$")


def _filled(value: object) -> bool:
    return not (pd.isna(value) or str(value).strip() == "")


def _direction(value: object, shown: str, line: int) -> str:
    """``højere`` or ``lavere``; empty means higher is better, anything else is an error (a
    direction misread would turn a missed target into a met one)."""
    if not _filled(value):
        return "højere"
    text = _IS_BETTER.sub("", str(value).strip().lower())  # "lavere er bedre", as a sheet may say it
    if text in _HIGHER:
        return "højere"
    if text in _LOWER:
        return "lavere"
    raise CorpusError(Errors.E022.format(path=shown, line=line, value=value, higher=", ".join(_HIGHER),
                                        lower=", ".join(_LOWER)))


def target_attainment(targets: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, float]]:
    """Per-indicator attainment and the overall summary.

    Returns
    -------
    table : DataFrame
        ``indikator, mål, opnået, vægt, retning, pct_af_mål`` (achieved as percent
        of target; for lower-is-better, target as percent of achieved), ``opfyldt`` (bool).
    overall : dict
        ``indicators``, ``met``, ``share_met`` (weighted percent of indicators met)
        and ``mean_pct_af_mål``.
    """
    table = targets.copy()
    lower = table["retning"].str.startswith(("lav", "low", "ned"))
    higher = 100 * table["opnået"] / table["mål"].where(table["mål"] != 0)
    # a target of 0 has no percent of it, higher or lower (docs/appendix.md): 100 * 0 / 3 is not 0 % attained
    lower_better = (100 * table["mål"] / table["opnået"].where(table["opnået"] != 0)).where(table["mål"] != 0)
    # A percent of a negative target (a change of -5) says nothing: -3 of -5 is "60 %", yet met.
    signed = (table["mål"] < 0) | (table["opnået"] < 0)
    table["pct_af_mål"] = half_up(higher.where(~lower, lower_better).where(~signed))
    table["opfyldt"] = (table["opnået"] >= table["mål"]).where(~lower, table["opnået"] <= table["mål"])
    weights = table["vægt"]
    overall = {
        "indicators": float(len(table)),
        "met": float(table["opfyldt"].sum()),
        "share_met": float(half_up(100 * (weights * table["opfyldt"]).sum() / weights.sum())) if len(table) else 0.0,
        # NaN when no indicator has a percent of its target (every target 0): shown as "–"
        "mean_pct_af_mål": float(half_up(table["pct_af_mål"].mean())) if len(table) else math.nan,
    }
    return table, overall


def _bare(value: str) -> str:
    """A cell's number without its percent sign, spaces and Word's or the accounts' minus."""
    text = _PERCENT_WORD.sub("%", value.strip()).replace("%", "").replace(" ", "").replace("\u00a0", "")
    return _MINUS.sub("-", text)  # "−5" from Word, "÷5" as Danish accounts write it


def _decimal_mark(values: pd.Series) -> str | None:
    """The decimal mark a column's text cells show: ``,`` (``72,5``, ``1.200,5``) or ``.`` (``72.5``,
    ``1,200.5``, ``1,200,000``); None when they show neither, or both. ``1,200`` and ``1.200`` show none."""
    seen = set()
    for value in values:
        if not isinstance(value, str):
            continue
        text = _bare(value)
        if _COMMA_GROUP.fullmatch(text) or _THOUSANDS.fullmatch(text) or not re.search(r"\d", text):
            continue
        if "," in text and "." in text:
            seen.add("," if text.rindex(",") > text.rindex(".") else ".")
        elif text.count(",") > 1 and _COMMA_THOUSANDS.fullmatch(text):
            seen.add(".")
        elif "," in text:
            seen.add(",")
        elif "." in text:
            seen.add(".")
    return _one_mark(seen)


def _one_mark(marks: object) -> str | None:
    found = {mark for mark in marks if mark is not None}  # type: ignore[attr-defined]
    return found.pop() if len(found) == 1 else None


def _number(value: object, shown: str, column: str, line: int, *, mark: str | None = None) -> float:
    """A number as Danish users write it: ``87,5``, ``1.200`` (thousands), ``1.200,5``, ``30 %``; and as
    English numbers are written (``1,200.5``, ``1,200,000``). ``1,200`` is 1200 where ``mark`` (the
    column's decimal mark) is a point, else 1,2."""
    if not _filled(value):
        raise CorpusError(Errors.E023.format(path=shown, line=line, column=column))
    if isinstance(value, int | float):
        return float(value)
    text = _bare(str(value))
    if "," in text and "." in text and text.rindex(".") > text.rindex(","):
        text = text.replace(",", "")  # 1,200.5
    elif "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")  # 1.200,5
    elif _COMMA_THOUSANDS.fullmatch(text) and (mark == "." or text.count(",") > 1):
        text = text.replace(",", "")
    elif _THOUSANDS.fullmatch(text):
        text = text.replace(".", "")
    else:
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        raise CorpusError(
            Errors.E017.format(path=shown, line=line, column=column, value=value)
        ) from None
