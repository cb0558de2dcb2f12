"""Column names of the shared tables (they are API) and checks on them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from kvaleval.errors import CodingError, Errors

_STRING = pd.StringDtype(na_value=float("nan"))
"""pandas' default string dtype ("str")."""

SEGMENT_COLUMNS = (
    "doc_id",
    "segment_id",
    "turn_index",
    "speaker",
    "speaker_role",
    "start",
    "end",
    "text",
)
"""The fixed leading columns of ``segments``; document attributes follow them."""

SEGMENT_EXTRA_COLUMNS = ("question", "time")
"""Columns kvaleval adds after the fixed ones: the interviewer turn (or survey
question) a respondent turn answers, and the turn's timestamp if the source had one."""

CODING_COLUMNS = ("segment_id", "doc_id", "code", "coder", "score", "valence", "why")

QUOTE_COLUMNS = (
    "segment_id",
    "doc_id",
    "speaker",
    "group",
    "quote",
    "start",
    "end",
    "score",
    "question",
)

MEMO_COLUMNS = ("project", "memo", "text", "description", "author", "created", "documents", "codes", "guid",
                "selections", "codings", "memos")
"""Memos (REFI-QDA ``Notes``) of the projects read: ``documents`` and ``codes`` are tuples of the
doc_ids and code names the memo is attached to, ``selections`` a tuple of the GUIDs of the selections
(coded or not) it is attached to, ``codings`` of the codings (a memo on one coding, ``NoteRef`` in a
``Coding``: ``corpus.selections.coding_guid``), ``memos`` of the memos that refer to it; ``project`` is
the file the memo came from."""

SET_COLUMNS = ("project", "set", "description", "documents", "codes", "memos", "guid")
"""Sets (document and code groups, REFI-QDA ``Sets``): ``documents``, ``codes`` and ``memos`` are
tuples of doc_ids, code names and memo GUIDs."""

ANNOTATION_COLUMNS = ("project", "doc_id", "start", "end", "text", "description", "author", "guid", "name")
"""Annotations (selections without a code) of the projects read: where in the document (code
points into its text, end exclusive), the text marked, the note written on it, and the selection's
name (None where it had none)."""

CASE_COLUMNS = ("project", "case", "description", "documents", "variables", "guid", "passages", "codes")
"""The cases of the projects read (REFI-QDA ``Cases``, but kvaleval's own one per respondent):
``documents`` is a tuple of the doc_ids the case refers to as a whole (``SourceRef``), ``variables``
a tuple of (variable name, value) pairs, ``passages`` a tuple of (doc_id, start, end, selection GUID)
for each selection the case takes in (``SelectionRef``), ``codes`` a tuple of the names of the codes
it refers to (``CodeRef``)."""

CODED_SELECTION_COLUMNS = ("project", "doc_id", "start", "end", "coder", "code", "name", "author", "guid",
                           "coding_guid", "why")
"""The coded selections of the projects read (REFI-QDA ``PlainTextSelection`` with a ``Coding``), one
row per (selection, code): where (code points into the document's text, end exclusive), who coded,
the code, the selection's name (None where it had none), the user who made the selection (NVivo's
may differ from the coder), the GUIDs of the selection and of its coding, and the reason its memo
gave the code (a segment two overlapping selections code holds both reasons in the codings table,
joined by " | "). The codings table
holds what was coded; this one what the project called it, so that ``write_qdpx`` writes each
selection again with its span, name and GUIDs (keyed like ``passages`` in the cases)."""

PROJECT_COLUMNS = ("project", "name", "description", "users", "user_guids", "variables", "user_ids", "memos")
"""The projects read: the file, the project's own name, its description, a tuple of its users'
names (also those who neither coded nor wrote anything, so that a new export lists them too), a
tuple of their GUIDs (in the same order), which a new export gives them again, and a tuple of
(name, GUID, type, description) of its variables (``Variables``), kept alike; a tuple of the users'
``id`` (initials; "" where none, in the order of ``users``) and one of the GUIDs of the memos the
project itself refers to (``NoteRef`` in ``Project``: a project memo)."""

VALENCES = ("positiv", "negativ", "blandet")

ALL = "(alle)"
"""The label of the overall row or column in Danish tables."""


def half_up(value: Any) -> Any:
    """Rounded to one decimal, halves away from zero as Excel's ROUND and a reader do (116,25 ->
    116,3; 1 of 16 is 6,25 % -> 6,3; Python's and pandas' round give 116,2 and 6,2); a float or a
    Series, NaN staying NaN. Every percent of the appendix is rounded so."""
    return np.sign(value) * np.floor(np.abs(value) * 10 + 0.5 + 1e-9) / 10


def require_columns(frame: pd.DataFrame, columns: Iterable[str]) -> None:
    """Raise a clear error naming the missing and the available columns."""
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise CodingError(
            Errors.E303.format(missing=missing, columns=list(frame.columns))
        )


def attribute_columns(segments: pd.DataFrame) -> list[str]:
    """The document/respondent attribute columns of a segment table."""
    fixed = set(SEGMENT_COLUMNS) | set(SEGMENT_EXTRA_COLUMNS)
    return [column for column in segments.columns if column not in fixed]


def segment_table(segments: Any) -> Any:
    """The segment table of a Corpus or a Coded result, or ``segments`` itself: a function that takes
    ``segments=`` takes ``segments=corpus`` as well as ``segments=corpus.segments``."""
    return segments if isinstance(segments, pd.DataFrame) else getattr(segments, "segments", segments)


def segment_key(segment: str) -> tuple[str, int, int, str]:
    """Sort key for segment ids: document, then turn number (``doc#10`` after ``doc#9``), then the
    piece of a split turn (``doc#3.1`` and ``doc#3.2`` after ``doc#3``, before ``doc#4``)."""
    doc, _, turn = segment.rpartition("#")
    number, _, part = turn.partition(".")
    if number.isdigit() and (part.isdigit() or not part):
        return (doc, int(number), int(part or 0), "")
    return (segment, -1, 0, segment)


def empty_codings() -> pd.DataFrame:
    """A codings table with no rows and the right columns and dtypes."""
    return pd.DataFrame(
        {
            "segment_id": pd.Series(dtype=object),
            "doc_id": pd.Series(dtype=object),
            "code": pd.Series(dtype=object),
            "coder": pd.Series(dtype=object),
            "score": pd.Series(dtype=float),
            "valence": pd.Series(dtype=object),
            "why": pd.Series(dtype=object),
        }
    )


def empty_table(columns: Iterable[str]) -> pd.DataFrame:
    """A table with no rows and these columns (object dtype)."""
    return pd.DataFrame({column: pd.Series(dtype=object) for column in columns})


def string_array(values: list[str | None]) -> pd.api.extensions.ExtensionArray | list[str | None]:
    """A column of strings (None for missing) in pandas' default string dtype.

    With pyarrow behind that dtype the list is converted in one pass in C, several times
    faster than pandas' own per-value checks; the result is the same column.
    """
    if _STRING.storage != "pyarrow":
        return values
    import pyarrow as pa

    return pd.array(pa.array(values, type=pa.large_string()), dtype=_STRING)
