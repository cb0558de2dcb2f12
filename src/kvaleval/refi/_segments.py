"""kvaleval's segmentation, kept in a project it writes so that reading it back is exact.

REFI-QDA has no element for "speaker turns". kvaleval stores them in one project
``<Note name="kvaleval: segmentering">`` whose ``PlainTextContent`` is JSON: per
source its doc_id, the SHA-256 of its text, the document attributes and one line
per turn (start, end, speaker, role, time, question, turn attributes, and for a piece
of a split turn its part number; a whole turn leaves it out). It is a
standard ``Note`` (no extension, the project validates); QualCoder ignores notes
that are not journals or annotations, other tools list it as one memo. A note
whose text hash no longer matches its source (the text was edited elsewhere) is
not used; that source is segmented anew.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from kvaleval.records import INTERVIEWER, RESPONDENT, Turn

NOTE_NAME = "kvaleval: segmentering"
NOTE_DESCRIPTION = (
    "Maskinlæsbar: kvalevals taleture (segmenter) i hver kilde, så kvaleval kan læse projektet "
    "ind igen med præcis de samme segmenter. Kan ignoreres; ret den ikke."
)
FORMAT = "kvaleval-segmentering"
VERSION = 1
TURN_FIELDS = ("start", "end", "speaker", "role", "time", "question", "attributes", "part")


@dataclass(frozen=True, slots=True)
class StoredSource:
    """One source's segmentation as kvaleval wrote it."""

    guid: str
    doc_id: str
    text_sha256: str
    attributes: tuple[tuple[str, str], ...]
    turns: tuple[Turn, ...]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def encode(sources: list[StoredSource]) -> str:
    """The note's JSON: one line per turn, so that a diff of two exports stays readable."""
    lines = [
        "{",
        f'"format": {json.dumps(FORMAT)}, "version": {VERSION},',
        f'"turn_fields": {json.dumps(list(TURN_FIELDS))},',
        '"sources": [',
    ]
    for index, source in enumerate(sources):
        head = {
            "guid": source.guid,
            "doc_id": source.doc_id,
            "sha256": source.text_sha256,
            "attributes": [list(pair) for pair in source.attributes],
        }
        lines.append(json.dumps(head, ensure_ascii=False)[:-1] + ', "turns": [')
        for number, turn in enumerate(source.turns):
            row = [
                turn.start,
                turn.end,
                turn.speaker,
                turn.role,
                turn.time,
                turn.question,
                [list(pair) for pair in turn.attributes],
            ]
            if turn.part:
                row.append(turn.part)
            comma = "," if number < len(source.turns) - 1 else ""
            lines.append(json.dumps(row, ensure_ascii=False) + comma)
        lines.append("]}" + ("," if index < len(sources) - 1 else ""))
    lines.append("]}")
    return "\n".join(lines)


def decode(text: str) -> dict[str, StoredSource] | None:
    """The stored sources by GUID, or None when the note is not a valid kvaleval note."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != VERSION:
            return None
        return {source.guid: source for source in (_source(item) for item in data["sources"])}
    except (ValueError, TypeError, KeyError, IndexError):
        return None


def _source(item: dict[str, Any]) -> StoredSource:
    turns = []
    for row in item["turns"]:
        start, end, speaker, role, time, question, attributes, *rest = row
        part = rest[0] if rest else 0
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
            raise ValueError("offsets")
        if len(rest) > 1 or not isinstance(part, int) or part < 0:
            raise ValueError("part")
        if role not in (INTERVIEWER, RESPONDENT) or not isinstance(speaker, str):
            raise ValueError("role")
        turns.append(
            Turn(
                speaker=speaker,
                start=start,
                end=end,
                role=role,
                time=_text(time),
                attributes=_pairs(attributes),
                question=_text(question),
                part=part,
            )
        )
    return StoredSource(
        guid=str(item["guid"]).lower(),
        doc_id=str(item["doc_id"]),
        text_sha256=str(item["sha256"]),
        attributes=_pairs(item["attributes"]),
        turns=tuple(turns),
    )


def _pairs(value: Any) -> tuple[tuple[str, str], ...]:
    return tuple((str(key), str(val)) for key, val in value)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def usable(stored: StoredSource, text: str) -> bool:
    """True when the stored turns belong to exactly this text."""
    return stored.text_sha256 == text_hash(text) and all(turn.end <= len(text) for turn in stored.turns)


def split_at(text: str, turns: tuple[Turn, ...], cuts: Iterable[int]) -> tuple[Turn, ...]:
    """Respondent turns split at every cut inside them, so that each coded selection of another
    tool is exactly a union of whole segments. The pieces keep their turn's speaker, role, time,
    question and attributes, and are numbered ``part`` 1, 2, ...; each is stripped of surrounding
    whitespace, and a piece that is only whitespace is dropped. Interviewer turns are never coded,
    so they stay whole."""
    points = sorted(set(cuts))
    if not points:
        return turns
    result: list[Turn] = []
    for turn in turns:
        low, high = bisect.bisect_right(points, turn.start), bisect.bisect_left(points, turn.end)
        if turn.role == INTERVIEWER or low >= high:
            result.append(turn)
            continue
        pieces = []
        for start, end in itertools.pairwise([turn.start, *points[low:high], turn.end]):
            piece = text[start:end]
            start, end = start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())
            if start < end:
                pieces.append((start, end))
        if len(pieces) < 2:
            result.append(turn)
            continue
        result.extend(turn._replace(start=start, end=end, part=number)
                      for number, (start, end) in enumerate(pieces, 1))
    return tuple(result)
