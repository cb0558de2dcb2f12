"""Coding sheets: a workbook a human coder fills in Excel or LibreOffice.

One row per respondent segment with its id, document, group, speaker, the
question it answered and its text; per code a 1/0 drop-down and a valence
drop-down; a comments column; optionally the rule coder's suggestions in
separate grey ``forslag: <code>`` columns. The id and text columns are locked
(sheet protection without a password, so a coder cannot change them by
accident); the coding cells are not. A second sheet holds the codebook, a third
the instructions and the coder's name. :func:`kvaleval.read_codings` reads the
filled sheet back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from kvaleval.coding.human import (
    CODEBOOK_SHEET,
    CODER_LABEL,
    COMMENT_HEADER,
    GUIDE_SHEET,
    INFO_HEADERS,
    SCOPE_LABEL,
    SCOPE_PICKED,
    SCOPE_WHOLE,
    SHEET,
    SUGGESTION_PREFIX,
    VALENCE_SUFFIX,
)
from kvaleval.errors import Errors, HumanCodingError
from kvaleval.frames import VALENCES, require_columns, segment_table
from kvaleval.records import GROUP_COLUMN, RESPONDENT, Codebook
from kvaleval.report.atomic import atomic_path

__all__ = ["write_sheet"]

INFO_WIDTHS = (24, 16, 12, 12, 32, 60)
CODEBOOK_HEADERS = (
    "Kode",
    "Tema",
    "Overkode",
    "Definition",
    "Inkluder",
    "Ekskluder",
    "Eksempler",
    "Modeksempler",
)
CODEBOOK_WIDTHS = (16, 20, 12, 45, 40, 40, 45, 40)
GUIDE = (
    "Sådan koder du",
    "",
    "1. Læs hver række: teksten og det spørgsmål, den svarer på.",
    "2. Skriv 1 i et temas kolonne, når teksten handler om temaet. 0 eller en tom celle betyder "
    "'ikke kodet'. (x og ja læses også som 1, nej som 0.)",
    "3. Vælg valens for hvert tema, du har kodet 1: positiv, negativ eller blandet.",
    "4. Skriv gerne tvivl og begrundelser i kolonnen Kommentar.",
    "5. Kolonnerne 'forslag: ...' (grå) er regelkoderens forslag. De tæller ikke som din kodning;"
    " skriv selv 1 i temaets kolonne, hvis du er enig.",
    "6. Id- og tekstkolonnerne er låst (arkbeskyttelse uden adgangskode). Ret dem ikke, og "
    "slet eller flyt ikke rækker.",
    "7. Definitioner står på arket Kodebog; hold musen over en temaoverskrift for at se dem.",
    "8. Skriv dit navn ud for 'Koder:' herunder, og gem som .xlsx (ikke CSV).",
    "",
)


def write_sheet(
    segments: pd.DataFrame | Any,
    codebook: Codebook,
    path: str | Path,
    *,
    codings: pd.DataFrame | None = None,
    coder_name: str | None = None,
    pseudonymise: bool = True,
    whole_documents: bool = True,
) -> Path:
    """Write a coding sheet for one human coder.

    Parameters
    ----------
    segments : DataFrame or Corpus
        The segment table; one row is written per respondent segment, in order.
        Pass a filtered table to give a coder part of the corpus.
    codebook : Codebook
        One 1/0 column and one valence column per code, in codebook order.
    path : str or Path
        The ``.xlsx`` file to write (atomically).
    codings : DataFrame, optional
        Suggestions to show (e.g. ``kv.code(corpus, codebook).codings``), in
        grey ``forslag: <code>`` columns beside the coder's own; ``why`` is
        shown as a cell comment.
    coder_name : str, optional
        Written beside "Koder:" on the instructions sheet; read back as the coder.
    pseudonymise : bool
        Pseudonymise text, question and speaker (default), as every export does.
    whole_documents : bool
        The segments are whole documents (default), so a turn of theirs missing when the sheet
        is read back is a deleted row (W803); False for picked turns (a review queue).

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    HumanCodingError
        If there are no respondent segments or the codebook has no codes.
    """
    from openpyxl import Workbook

    table = segment_table(segments)
    require_columns(table, ("segment_id", "doc_id", "speaker", "speaker_role", "text"))
    rows = table[table["speaker_role"] == RESPONDENT]
    if rows.empty:
        raise HumanCodingError(Errors.E840)
    if not codebook.codes:
        raise HumanCodingError(Errors.E841)
    if codings is not None:
        require_columns(codings, ("segment_id", "code", "coder", "valence", "why"))
    protect = None
    if pseudonymise:
        from kvaleval.analyse.privacy import corpus_pseudonymiser

        protect = corpus_pseudonymiser(table)
        if codings is not None:  # a suggestion's reason can quote the question
            codings = codings.assign(why=[protect(why, segment) if isinstance(why, str) and why else why
                                          for why, segment in zip(codings["why"], codings["segment_id"],
                                                                  strict=True)])
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = SHEET
    _coding_sheet(worksheet, _info(rows, protect), codebook, codings)
    _codebook_sheet(workbook.create_sheet(CODEBOOK_SHEET), codebook)
    _guide_sheet(workbook.create_sheet(GUIDE_SHEET), coder_name, whole_documents)
    path = Path(path)
    with atomic_path(path) as temporary:
        workbook.save(temporary)
    return path


def _info(rows: pd.DataFrame, protect: Callable[[str, str], str] | None) -> list[tuple[str, ...]]:
    def text(value: Any) -> str:
        return value if isinstance(value, str) else ""

    group = rows[GROUP_COLUMN] if GROUP_COLUMN in rows else pd.Series("", index=rows.index)
    question = rows["question"] if "question" in rows else pd.Series("", index=rows.index)
    info: list[tuple[str, ...]] = []
    for segment, doc, grp, speaker, asked, said in zip(
        rows["segment_id"],
        rows["doc_id"],
        group,
        rows["speaker"],
        question,
        rows["text"],
        strict=True,
    ):
        speaker, asked, said = text(speaker), text(asked), text(said)
        if protect is not None:
            speaker = protect(speaker, "egenskab: speaker") if speaker else speaker
            asked = protect(asked, segment) if asked else asked
            said = protect(said, segment)
        info.append((str(segment), str(doc), text(grp), speaker, asked, said))
    return info


def _coding_sheet(
    worksheet: Any, info: list[tuple[str, ...]], codebook: Codebook, codings: pd.DataFrame | None
) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    codes = [code.name for code in codebook.codes if code.codable]  # a grouping code is never applied itself
    headers = list(INFO_HEADERS)
    for name in codes:
        headers += [name, name + VALENCE_SUFFIX]
    headers.append(COMMENT_HEADER)
    editable = range(len(INFO_HEADERS) + 1, len(headers) + 1)
    suggested = _suggestions(codings) if codings is not None else None
    if suggested is not None:
        headers += [SUGGESTION_PREFIX + name for name in codes]
    bold, grey = Font(bold=True), Font(italic=True, color="555555")
    shade = PatternFill("solid", start_color="EEEEEE", end_color="EEEEEE")
    top, wrap = Alignment(vertical="top"), Alignment(vertical="top", wrap_text=True)
    for column, name in enumerate(headers, start=1):
        _put(worksheet.cell(row=1, column=column), name).font = bold
    for entry in (code for code in codebook.codes if code.codable):
        note = "\n".join(part for part in (entry.display, entry.definition, entry.include) if part)
        comment = Comment(note[:2000], "kvaleval")
        comment.width, comment.height = 320, 160
        worksheet.cell(row=1, column=headers.index(entry.name) + 1).comment = comment
    unlocked = Protection(locked=False)
    for row, values in enumerate(info, start=2):
        for column, value in enumerate(values, start=1):
            _put(worksheet.cell(row=row, column=column), value).alignment = (
                wrap if column >= 5 else top
            )
        for column in editable:
            cell = worksheet.cell(row=row, column=column)
            cell.protection = unlocked
            cell.alignment = wrap if column == editable[-1] else top
        if suggested is not None:
            for offset, code in enumerate(codes, start=editable[-1] + 1):
                found = suggested.get((values[0], code))
                cell = worksheet.cell(row=row, column=offset)
                cell.fill, cell.font, cell.alignment = shade, grey, top
                if found:
                    _put(cell, found[0])
                    if found[1]:
                        cell.comment = Comment(found[1][:2000], "kvaleval")
    last = len(info) + 1
    # The drop-down offers 1 and 0; other values the reader accepts (x, ja, nej, SAND) must get
    # through, so the message informs instead of stopping (errorStyle "stop" refused them).
    marks = DataValidation(
        type="list",
        formula1='"1,0"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="information",
        errorTitle="Kodning",
        error="Skriv 1 (kodet) eller 0, eller lad cellen stå tom. x, ja, sand, true, yes og flueben "
        "(✓, ✔, ☑, √) læses også som 1, nej, falsk, false, no og en streg (-, –) som 0; alt andet er en fejl, "
        "når arket læses.",
    )
    tones = DataValidation(
        type="list",
        formula1='"' + ",".join((*VALENCES, "neutral")) + '"',  # neutral is read as no valence
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Ugyldig valens",
        error="Vælg positiv, negativ, blandet eller neutral, eller lad cellen stå tom (neutral).",
    )
    for code in codes:
        mark_letter = get_column_letter(headers.index(code) + 1)
        tone_letter = get_column_letter(headers.index(code + VALENCE_SUFFIX) + 1)
        marks.add(f"{mark_letter}2:{mark_letter}{last}")
        tones.add(f"{tone_letter}2:{tone_letter}{last}")
    worksheet.add_data_validation(marks)
    worksheet.add_data_validation(tones)
    widths = [*INFO_WIDTHS]
    for code in codes:
        widths += [max(len(code) + 3, 6), max(len(code + VALENCE_SUFFIX) + 3, 12)]
    widths.append(40)
    if suggested is not None:
        widths += [max(len(SUGGESTION_PREFIX + code) + 2, 16) for code in codes]
    for column, width in enumerate(widths, start=1):
        worksheet.column_dimensions[get_column_letter(column)].width = width
    worksheet.freeze_panes = worksheet.cell(row=2, column=len(INFO_HEADERS) + 1)
    worksheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{last}"
    protection = worksheet.protection
    protection.sheet = True
    protection.formatColumns = protection.formatRows = protection.autoFilter = False


def _suggestions(codings: pd.DataFrame) -> dict[tuple[str, str], tuple[str, str]]:
    """(segment, code) -> (cell text, comment) from the suggested codings of every coder."""
    by_cell: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for segment, code, coder, valence, why in codings[
        ["segment_id", "code", "coder", "valence", "why"]
    ].itertuples(index=False, name=None):
        by_cell[(str(segment), str(code))].append(
            (
                str(coder),
                valence if isinstance(valence, str) else "",
                why if isinstance(why, str) else "",
            )
        )
    result = {}
    for key, found in by_cell.items():
        found.sort()
        if len(found) == 1:
            text = "ja" + (f" ({found[0][1]})" if found[0][1] else "")
        else:
            text = "ja: " + ", ".join(
                coder + (f" ({valence})" if valence else "") for coder, valence, _ in found
            )
        comment = "\n".join(f"{coder}: {why}" for coder, _, why in found if why)
        result[key] = (text, comment)
    return result


def _codebook_sheet(worksheet: Any, codebook: Codebook) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    for column, name in enumerate(CODEBOOK_HEADERS, start=1):
        _put(worksheet.cell(row=1, column=column), name).font = Font(bold=True)
    wrap = Alignment(vertical="top", wrap_text=True)
    for row, code in enumerate(codebook.codes, start=2):
        values = (
            code.name,
            code.display,
            code.parent or "",
            code.definition,
            code.include,
            code.exclude,
            "\n".join(code.examples),
            "\n".join(code.counterexamples),
        )
        for column, value in enumerate(values, start=1):
            _put(worksheet.cell(row=row, column=column), value).alignment = wrap
    for column, width in enumerate(CODEBOOK_WIDTHS, start=1):
        worksheet.column_dimensions[get_column_letter(column)].width = width
    worksheet.freeze_panes = "B2"


def _guide_sheet(worksheet: Any, coder_name: str | None, whole_documents: bool) -> None:
    from openpyxl.styles import Alignment, Font

    for row, line in enumerate(GUIDE, start=1):
        cell = _put(worksheet.cell(row=row, column=1), line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row == 1:
            cell.font = Font(bold=True, size=13)
    row = len(GUIDE) + 1
    _put(worksheet.cell(row=row, column=1), CODER_LABEL).font = Font(bold=True)
    _put(worksheet.cell(row=row, column=2), coder_name or "")
    _put(worksheet.cell(row=row + 1, column=1), SCOPE_LABEL).font = Font(bold=True)
    _put(worksheet.cell(row=row + 1, column=2), SCOPE_WHOLE if whole_documents else SCOPE_PICKED)
    worksheet.column_dimensions["A"].width = 100
    worksheet.column_dimensions["B"].width = 24


def _put(cell: Any, value: str) -> Any:
    """Write text as a string cell: never a formula, without characters xlsx cannot hold."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value:
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"
    return cell
