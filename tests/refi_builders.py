"""Pieces of hand-written REFI-QDA projects that the refi tests share: fixed GUIDs and a coded selection."""

from __future__ import annotations

NS = "urn:QDA-XML:project:1.0"
USER = "11111111-1111-1111-1111-111111111111"
CODE_A = "aaaaaaaa-0000-0000-0000-000000000001"
CODE_B = "aaaaaaaa-0000-0000-0000-000000000002"
SOURCE = "bbbbbbbb-0000-0000-0000-000000000001"


def selection(number: int, start: int, end: int, code: str = CODE_A, *, user: str = USER,
              guid: str | None = None) -> str:
    """A ``PlainTextSelection`` with one coding, its GUIDs numbered (or the one given)."""
    guid = guid or f"cccccccc-0000-0000-0000-{number:012d}"
    return (
        f'<PlainTextSelection guid="{guid}" startPosition="{start}" endPosition="{end}" creatingUser="{user}">'
        f'<Coding guid="dddddddd-0000-0000-0000-{number:012d}" creatingUser="{user}">'
        f'<CodeRef targetGUID="{code}"/></Coding></PlainTextSelection>'
    )


def spans(text: str, *words: str) -> list[tuple[int, int]]:
    """Where each word first stands in the text, as (start, end)."""
    return [(text.index(word), text.index(word) + len(word)) for word in words]
