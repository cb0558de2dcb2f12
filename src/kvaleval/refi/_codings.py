"""Selections -> the codings table: which segments each coded selection codes."""

from __future__ import annotations

import bisect
from typing import Any

import pandas as pd

from kvaleval.errors import Warnings
from kvaleval.frames import CODING_COLUMNS
from kvaleval.records import RESPONDENT, Document, Turn
from kvaleval.refi._offsets import Converted
from kvaleval.refi._project import RawProject, RawSelection
from kvaleval.refi.selection_memo import parse_memo
from kvaleval.segment import segment_ids

SELECTION_COLUMNS = ("doc_id", "start", "end", "code", "coder", "text")
UNKNOWN_CODER = "ukendt"


def coded_pairs(raw: RawProject, selection: RawSelection) -> list[tuple[str, str]]:
    """(code name, coder) of each coding with a known code."""
    return [
        (raw.code_names[coding.code], coder_name(raw, coding.user, selection.user))
        for coding in selection.codings
        if coding.code in raw.code_names
    ]


def coder_name(raw: RawProject, user: str, fallback: str) -> str:
    guid = user or fallback
    return (raw.users.get(guid) or guid) if guid else UNKNOWN_CODER


def add_codings(
    raw: RawProject,
    document: Document,
    converted: list[tuple[RawSelection, Converted]],
    position: int,
    *,
    exact: bool,
    label: str,
    selection_rows: list[tuple[Any, ...]],
    coding_rows: dict[tuple[str, str, str], list[Any]],
    notes: list[tuple[str, str]],
    annotations: list[tuple[Any, ...]],
    carried: list[tuple[Any, ...]],
) -> None:
    """Add each coded selection's codings (segment, code, coder) to ``coding_rows``, its span,
    name and GUIDs to ``carried``, and each selection without a code to ``annotations``."""
    turns: tuple[Turn, ...] = document.turns or ()
    ids, _ = segment_ids(document.doc_id, turns)
    ends = [turn.end for turn in turns]
    by_span = {(turn.start, turn.end): index for index, turn in reversed(list(enumerate(turns)))}
    unknown = 0
    uncoded = 0
    text = document.text
    for selection, span in converted:
        coded = coded_pairs(raw, selection)
        unknown += len(selection.codings) - len(coded)
        quote = text[span.start : span.end]
        for code, coder in coded or [("", coder_name(raw, selection.user, ""))]:
            selection_rows.append((position, document.doc_id, span.start, span.end, code, coder, quote))
        if not coded:
            if not selection.codings:  # an annotation: a marked passage and a note, no code
                annotations.append((document.doc_id, span.start, span.end, quote, selection.description,
                                    raw.users.get(selection.user, ""), selection.guid, selection.name))
            continue
        if exact and (span.start, span.end) in by_span:
            hits = [by_span[(span.start, span.end)]]
        else:
            hits = []
            for index in range(bisect.bisect_right(ends, span.start), len(turns)):
                turn = turns[index]
                if turn.start >= span.end:
                    break
                if turn.role == RESPONDENT and text[max(span.start, turn.start) : min(span.end, turn.end)].strip():
                    hits.append(index)
        if not hits:
            uncoded += 1
        known = [coding for coding in selection.codings if coding.code in raw.code_names]
        memos = parse_memo(selection.description, [code for code, _ in coded]) if selection.description else None
        for (code, coder), coding in zip(coded, known, strict=True):
            memo = memos.get(code) if memos else None
            valence = (memo.valence or "") if memo else ""
            score = memo.score if memo and memo.score is not None else 1.0
            why = (memo.why or "") if memo else ("" if memos else selection.description.strip())
            carried.append((document.doc_id, span.start, span.end, coder, code, selection.name,
                            raw.users.get(selection.user, ""), selection.guid, coding.guid, why))
            for index in hits:
                key = (ids[index], code, coder)
                if key not in coding_rows:
                    coding_rows[key] = [
                        position,
                        index,
                        key[0],
                        document.doc_id,
                        code,
                        coder,
                        score,
                        valence,
                        why,
                    ]
                elif why and why not in coding_rows[key][8].split(" | "):
                    coding_rows[key][8] = " | ".join(filter(None, (coding_rows[key][8], why)))
    if unknown:
        notes.append((label, Warnings.W616.format(source=document.doc_id, n=unknown)))
    if uncoded:
        notes.append((label, Warnings.W618.format(source=document.doc_id, n=uncoded)))


def codings_tables(
    selection_rows: list[tuple[Any, ...]],
    coding_rows: dict[tuple[str, str, str], list[Any]],
    orphans: pd.DataFrame,
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """The selections table (with the selections of unreadable sources) and the codings table."""
    selection_rows.sort(key=lambda row: row[:6])
    found = pd.DataFrame([row[1:] for row in selection_rows], columns=list(SELECTION_COLUMNS))
    frames = [frame for frame in (found, orphans) if len(frame)]
    selections = pd.concat(frames, ignore_index=True) if frames else found
    selections["start"] = selections["start"].astype("int64")
    selections["end"] = selections["end"].astype("int64")
    rows = sorted(coding_rows.values(), key=lambda row: (row[0], row[1], row[4], row[5]))
    if not rows:
        return selections, None
    codings = pd.DataFrame([row[2:] for row in rows], columns=list(CODING_COLUMNS))
    codings["score"] = codings["score"].astype(float)
    return selections, codings
