"""The pseudonymiser for one corpus: speakers get stable pseudonyms, other names and contact data go.

Name-like speakers (``Hanne``, ``Per Jensen`` from a Teams transcript) are
replaced by their group and a number, ``[borger 2]``, ``[interviewer 1]``,
wherever they appear: in text, in the speaker column, in ids. Everything else
is left to :class:`kvaleval.privacy.Pseudonymiser` (names from lists and the
capitalisation heuristic, CPR, phone, e-mail, address).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd

from kvaleval.frames import attribute_columns
from kvaleval.privacy.columns import personal_column
from kvaleval.segment.tags import is_role_label, looks_like_name

NAME_COLUMNS = ("interviewer",)
GROUP_COLUMN = "respondent_group"
IDENTITY_COLUMNS = ("speaker", "doc_id", "segment_id", "interviewer")
"""Columns that can hold a person's name (a speaker label, a file name) and are pseudonymised on export."""

Pseudonymise = Callable[[str, str], str]


def speaker_pseudonyms(segments: pd.DataFrame) -> dict[str, str]:
    """Name-like speaker -> ``[group n]``, numbered in order of first appearance within each group."""
    pseudonyms: dict[str, str] = {}
    counters: dict[str, int] = {}
    columns = ["speaker", "speaker_role", *([GROUP_COLUMN] if GROUP_COLUMN in segments else [])]
    for row in segments[columns].drop_duplicates("speaker").itertuples(index=False):
        speaker = str(row.speaker)
        if not _is_name(speaker) or speaker in pseudonyms:
            continue
        if row.speaker_role == "interviewer":
            group = "interviewer"
        else:
            value = getattr(row, GROUP_COLUMN, "") if GROUP_COLUMN in segments else ""
            group = str(value).strip() if isinstance(value, str) and value.strip() else "respondent"
        counters[group] = counters.get(group, 0) + 1
        pseudonyms[speaker] = f"[{group} {counters[group]}]"
    for column in NAME_COLUMNS:
        if column in segments:
            for value in segments[column].dropna().astype(str).unique():
                for name in (n.strip() for n in value.replace(";", ",").split(",")):
                    if name and name not in pseudonyms:
                        counters["interviewer"] = counters.get("interviewer", 0) + 1
                        pseudonyms[name] = f"[interviewer {counters['interviewer']}]"
    return pseudonyms


def corpus_pseudonymiser(segments: pd.DataFrame, *, pseudonyms: Mapping[str, str] | None = None) -> Pseudonymise:
    """A function ``(text, where) -> pseudonymised text``, consistent across one run."""
    from kvaleval.privacy import Pseudonymiser

    given = {**speaker_pseudonyms(segments), **(pseudonyms or {})}
    pseudonymiser = Pseudonymiser(pseudonyms=given)

    def apply(text: str, where: str = "") -> str:
        return pseudonymiser.apply(text, where=where)

    apply.report = lambda: pseudonymiser.report  # type: ignore[attr-defined]
    return apply


def pseudonymise_columns(frame: pd.DataFrame, pseudonymise: Pseudonymise | None,
                         columns: tuple[str, ...] = IDENTITY_COLUMNS) -> pd.DataFrame:
    """A copy with the identity columns (speaker, ids) pseudonymised."""
    if pseudonymise is None:
        return frame
    frame = frame.copy()
    for column in columns:
        if column in frame:
            frame[column] = [pseudonymise(v, "") if isinstance(v, str) and v else v for v in frame[column]]
    return frame


def pseudonymise_attributes(frame: pd.DataFrame, pseudonymise: Pseudonymise | None) -> pd.DataFrame:
    """A copy whose attribute columns (survey and metadata columns) hold no personal data: a
    column of names or contact data is replaced value by value, any other text is pseudonymised."""
    if pseudonymise is None:
        return frame
    frame = frame.copy()
    for column in attribute_columns(frame):
        if column in IDENTITY_COLUMNS or column == GROUP_COLUMN:
            continue
        replacement = personal_column(str(column))
        frame[column] = [
            (replacement if replacement else pseudonymise(value, "")) if isinstance(value, str) and value.strip()
            else value
            for value in frame[column]
        ]
    return frame


def _is_name(speaker: str) -> bool:
    return not is_role_label(speaker) and looks_like_name(speaker) and not speaker.isdigit()
