"""bilag.md: the appendix tables as Markdown, for pasting into a report."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from kvaleval.report.cells import plain
from kvaleval.words import Words, number, whole, yes_no

if TYPE_CHECKING:
    from kvaleval.report.xlsx import Sheet

def _skipped() -> set[str]:
    """Sheets too long for a report; they stay in the workbook and CSV."""
    return {Words.segments, Words.codings, Words.run}


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
    run = next((sheet.frame for sheet in sheets if sheet.name == Words.run), None)
    fields = dict(zip(run[Words.field].astype(str), run[Words.value].astype(str), strict=False)) if (
        run is not None and {Words.field, Words.value} <= set(run.columns)) else {}
    plain_text = fields.get(Words.pseudonymised) == Words.not_pseudonymised
    parts = [f"{Words.document_title}\n", f"{Words.document_intro_plain if plain_text else Words.document_intro}\n"]
    if fields:
        parts.append(_corpus_line(fields))
    skipped = _skipped()
    for sheet in sheets:
        if sheet.name in skipped:
            continue
        parts.append(f"## {sheet.title or sheet.name}\n")
        parts.append(markdown_table(sheet.frame.head(MAX_ROWS)) + "\n")
        parts.extend(f"*{note}*\n" for note in sheet.notes)
        if len(sheet.frame) > MAX_ROWS:
            shown = Words.first_rows.format(n=whole(MAX_ROWS), total=whole(len(sheet.frame)), sheet=sheet.name)
            parts.append(f"*{shown}*\n")
    return "\n".join(parts)


def _corpus_line(fields: dict[str, str]) -> str:
    """What the numbers rest on, from the sheet Kørsel (its fields): the documents read, and any file
    that was not (a report must not count "3/3" without saying a fourth interview could not be read)."""
    skipped = [name.removeprefix(Words.skipped) for name in fields if name.startswith(Words.skipped)]
    line = Words.corpus_line.format(n=fields.get(Words.documents_read, "?"))
    if skipped:
        line += Words.corpus_skipped.format(n=len(skipped), files=", ".join(f"`{n}`" for n in skipped),
                                            sheet=Words.run)
    return line + ".\n"


def _cell(value: object) -> str:
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, float):
        # one decimal (62,5; 60,0), or as many as the value has (a target of 0,25 was "0,2")
        text = number(value, max(1, len(f"{value:.6f}".rstrip("0").partition(".")[2])))
    else:
        text = str(value)
    return text.replace("|", "\\|").replace("\n", "<br>")
