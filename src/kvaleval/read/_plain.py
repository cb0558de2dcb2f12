"""Plain text and Markdown transcripts."""

from __future__ import annotations

import re
from pathlib import Path

from kvaleval.errors import CorpusError, Errors
from kvaleval.read._text import Decoded, decode_bytes

MAX_BYTES = 64 * 1024 * 1024


def read_plain(path: Path, *, shown: str, max_bytes: int = MAX_BYTES) -> Decoded:
    """Read a .txt or .md file, detecting its encoding. Files above ``max_bytes`` are refused."""
    size = path.stat().st_size
    if size > max_bytes:
        raise CorpusError(
            Errors.E015.format(path=shown, size=size // (1024 * 1024),
                               limit=max_bytes // (1024 * 1024))
        )
    return decode_bytes(path.read_bytes(), path=shown)


_CUE_TIME = r"\d{1,2}(?::\d{1,2}){1,2}[.,]\d{1,3}"
CUE_PREFIX = re.compile(rf"^[ \t]*\[{_CUE_TIME}[ \t]*-->[ \t]*{_CUE_TIME}\][ \t]*", re.MULTILINE)
"""A cue's timing in brackets at the start of a line, as Whisper and whisper.cpp write their text
(``[00:00.000 --> 00:04.320]  Jeg har boet ...``)."""


def without_cue_times(text: str) -> str:
    """``text`` without the cue timings that begin most of its lines (Whisper's text output): read
    as text, every line kept them, and so did every quote. A text where they begin fewer than half
    of the lines is left as it is."""
    if "-->" not in text:
        return text
    lines = sum(1 for line in text.splitlines() if line.strip())
    found = len(CUE_PREFIX.findall(text))
    return CUE_PREFIX.sub("", text) if found >= 2 and 2 * found >= lines else text
