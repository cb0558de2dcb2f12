"""bilag.md: the appendix tables as Markdown, for pasting into a report."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from kvaleval.report.cells import plain

if TYPE_CHECKING:
    from kvaleval.report.xlsx import Sheet

SKIP = {"Segmenter", "Kodninger", "Kørsel"}
"""Sheets too long for a report; they stay in the workbook and CSV."""
MAX_ROWS = 1_000
"""Rows of a table in the report (a survey's framework matrix has a row per respondent); all of
them are in the workbook and the CSV."""


def markdown_table(frame: pd.DataFrame) -> str:
    """A GitHub-style pipe table; line breaks in cells become ``<br>``."""
    header = [str(column) for column in frame.columns]
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for values in frame.itertuples(index=False, name=None):
        lines.append("| " + " | ".join(_cell(v) for v in values) + " |")
    return "\n".join(lines)


def markdown_document(sheets: Sequence[Sheet]) -> str:
    parts = ["# Bilag\n", "Udarbejdet med kvaleval. Citater er ordrette og pseudonymiserede.\n"]
    run = next((sheet.frame for sheet in sheets if sheet.name == "Kørsel"), None)
    if run is not None and {"Felt", "Værdi"} <= set(run.columns):
        parts.append(_corpus_line(run))
    for sheet in sheets:
        if sheet.name in SKIP:
            continue
        parts.append(f"## {sheet.title or sheet.name}\n")
        parts.append(markdown_table(sheet.frame.head(MAX_ROWS)) + "\n")
        parts.extend(f"*{note}*\n" for note in sheet.notes)
        if len(sheet.frame) > MAX_ROWS:
            parts.append(f"*De første {MAX_ROWS:,} af {len(sheet.frame):,} rækker; alle står i appendix.xlsx "
                         f"(arket {sheet.name}) og i csv/.*\n".replace(",", "."))
    return "\n".join(parts)


def _corpus_line(run: pd.DataFrame) -> str:
    """What the numbers rest on, from the sheet Kørsel: the documents read, and any file that was not
    (a report must not count "3/3" without saying a fourth interview could not be read)."""
    fields = dict(zip(run["Felt"].astype(str), run["Værdi"].astype(str), strict=False))
    skipped = [name.removeprefix("sprunget over: ") for name in fields if name.startswith("sprunget over: ")]
    line = f"Korpus: {fields.get('dokumenter læst', '?')} dokumenter læst"
    if skipped:
        line += f"; {len(skipped)} fil(er) sprunget over og ikke talt med: " + ", ".join(f"`{n}`" for n in skipped)
        line += " (hvorfor: se arket Kørsel)"
    return line + ".\n"


def _cell(value: object) -> str:
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float):
        text = f"{value:.1f}".replace(".", ",")
    else:
        text = str(value)
    return text.replace("|", "\\|").replace("\n", "<br>")
