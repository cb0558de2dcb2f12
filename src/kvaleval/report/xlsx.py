"""Workbooks to hand in: a title, bold headers, frozen panes, widths that fit, wrapped quotes, footnotes.

Every text cell is written as a string cell, so text starting with ``=`` or ``+``
is never a formula; characters xlsx cannot hold are removed.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kvaleval.report.atomic import atomic_path
from kvaleval.report.cells import plain
from kvaleval.words import Words, yes_no

MAX_ROWS = 1_048_576 - 10
WRAPPED = "Ombrudt tekst"
"""The cell style of wrapped text (quotes): one named style, which openpyxl sets far faster on
hundreds of thousands of cells than the same alignment given cell by cell."""
TEXT_WIDTH = 70
MIN_WIDTH = 8


@dataclass
class Sheet:
    """One worksheet: a title line, the table, and footnotes under it."""

    name: str
    frame: pd.DataFrame
    title: str = ""
    notes: Sequence[str] = ()
    wrap: Sequence[str] = ()
    percent: Sequence[str] = field(default_factory=tuple)
    decimals: Sequence[str] = field(default_factory=tuple)
    """Columns of measures (precision, κ) shown with two decimals; the cell keeps the full value."""
    freeze_first_column: bool = False
    """Keep the first column in view when scrolling right (the respondent in Matrix)."""


def write_workbook(path: str | Path, sheets: Sequence[Sheet], *, created: dt.datetime | None = None,
                   step: Callable[[str], None] = lambda name: None) -> None:
    """Write the sheets to one xlsx file, atomically.

    ``created`` is the date written as the file's created and modified time (default
    :func:`run_time`), so the same input gives a byte-identical file. ``step`` is told
    each sheet's name as it begins, and ``Excel: gemmer`` before the file is saved."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, NamedStyle

    workbook = Workbook(write_only=True)
    workbook.add_named_style(NamedStyle(WRAPPED, alignment=Alignment(wrap_text=True, vertical="top")))
    moment = created or run_time()
    workbook.properties.created = moment
    workbook.properties.modified = moment
    workbook.properties.creator = "kvaleval"
    for sheet in sheets:
        step(f"Excel: {sheet.name}")
        _write_sheet(workbook, sheet)
    step("Excel: gemmer")
    with atomic_path(path) as temporary:
        workbook.save(temporary)
        _fix_zip_times(temporary, moment)


def run_time() -> dt.datetime:
    """The run's date: ``KVALEVAL_DATE`` (``2026-03-01``), else ``SOURCE_DATE_EPOCH`` (seconds, as
    reproducible builds set it), else today; at midnight UTC, so two runs on one day match."""
    given = os.environ.get("KVALEVAL_DATE", "").strip()
    if given:
        try:
            return dt.datetime.combine(dt.date.fromisoformat(given[:10]), dt.time())
        except ValueError:
            pass
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    return dt.datetime.combine(dt.date.today(), dt.time())


def _fix_zip_times(path: Path, moment: dt.datetime) -> None:
    """Give every member of the saved xlsx (a zip), and the modified time openpyxl sets on
    saving (docProps/core.xml), the run's time instead of the time of writing."""
    import io
    import re
    import zipfile

    stamp = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, moment.second)
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>" + moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, data)
    path.write_bytes(buffer.getvalue())


AUTOFILTER_ROWS = 20
"""Tables longer than this get Excel's filter buttons on their header row."""


def _write_sheet(workbook: object, sheet: Sheet) -> None:
    """One sheet, streamed (openpyxl's write-only mode): a survey's sheets have millions of cells,
    which a workbook held in memory keeps as objects of half a kilobyte each."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    worksheet = workbook.create_sheet(_sheet_name(sheet.name))  # type: ignore[attr-defined]
    frame = sheet.frame
    truncated = len(frame) > MAX_ROWS
    if truncated:
        frame = frame.head(MAX_ROWS)
    columns = [str(column) for column in frame.columns]
    wrapped = {columns.index(c) for c in sheet.wrap if c in columns}
    # a column of percents (its header ends in "%": "Borger: %") shows one decimal, 87,0 beside 83,3
    percent = {columns.index(c) for c in sheet.percent if c in columns} | {
        index for index, column in enumerate(columns) if column.rstrip().endswith("%")}
    decimals = {columns.index(c) for c in sheet.decimals if c in columns}
    rows = [[plain(value) for value in values] for values in frame.itertuples(index=False, name=None)]
    # Everything but the rows goes first: a streamed sheet writes its settings before its cells.
    for col, width in enumerate(_widths(columns, rows, wrapped), start=1):
        worksheet.column_dimensions[get_column_letter(col)].width = width
    header_row = 3 if sheet.title else 1
    worksheet.freeze_panes = f"{'B' if sheet.freeze_first_column else 'A'}{header_row + 1}"
    if len(rows) > AUTOFILTER_ROWS:  # a long table is read by filtering it (a theme, a group)
        worksheet.auto_filter.ref = f"A{header_row}:{get_column_letter(max(len(columns), 1))}{header_row + len(rows)}"
    # Printed (or exported to PDF), a sheet is landscape, one page wide, with the header on every page.
    worksheet.page_setup.orientation = "landscape"
    worksheet.page_setup.paperSize = "9"  # A4 (Worksheet.PAPERSIZE_A4)
    worksheet.sheet_properties.pageSetUpPr.fitToPage = True
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0
    worksheet.print_title_rows = f"{header_row}:{header_row}"

    def text_cell(value: str, **style: object) -> WriteOnlyCell:
        cell = WriteOnlyCell(worksheet, value=_text(value, ILLEGAL_CHARACTERS_RE))
        cell.data_type = "s"  # never a formula
        for name, setting in style.items():
            setattr(cell, name, setting)
        return cell

    def cell_of(col: int, value: object) -> object:
        """Most values go into the row as they are; wrapped text, "=..." and percentages as cells."""
        if isinstance(value, str):
            if col in wrapped:
                return text_cell(value, style=WRAPPED)
            if value.startswith("="):  # a formula, in a streamed row
                return text_cell(value)
            return _text(value, ILLEGAL_CHARACTERS_RE)
        if isinstance(value, bool):
            return yes_no(value)
        if (col in percent or col in decimals) and isinstance(value, float):
            cell = WriteOnlyCell(worksheet, value=value)
            cell.number_format = "0.0" if col in percent else "0.00"
            return cell
        return value

    if sheet.title:
        worksheet.append([text_cell(sheet.title, font=Font(bold=True, size=13))])
        worksheet.append([])
    bold = Font(bold=True)
    worksheet.append([text_cell(name, font=bold) for name in columns])
    for values in rows:
        worksheet.append([cell_of(col, value) for col, value in enumerate(values)])
    notes = list(sheet.notes)
    if truncated:
        notes.append(Words.note_first_rows.format(n=MAX_ROWS))
    if notes:
        worksheet.append([])
    italic = Font(italic=True)
    for note in notes:
        worksheet.append([text_cell(note, font=italic)])


def _widths(columns: list[str], rows: list[list[object]], wrapped: set[int]) -> list[float]:
    """Column widths that fit: the longest line of text (at most ``TEXT_WIDTH``), a number's digits."""
    widths = [max(len(name), MIN_WIDTH) for name in columns]
    for values in rows:
        for col, value in enumerate(values):
            if value is None or col in wrapped:
                continue
            if isinstance(value, str):
                longest = max(map(len, value.split("\n"))) if "\n" in value else len(value)
                widths[col] = max(widths[col], min(longest, TEXT_WIDTH))
            elif not isinstance(value, bool):
                widths[col] = max(widths[col], len(str(value)) + 1)
    return [TEXT_WIDTH if col in wrapped else width + 2 for col, width in enumerate(widths)]


def _text(value: str, illegal: object) -> str:
    return illegal.sub("", value)  # type: ignore[attr-defined]


def _sheet_name(name: str) -> str:
    for character in "[]:*?/\\":
        name = name.replace(character, "-")
    return name[:31]
