"""Plain text and Markdown transcripts."""

from __future__ import annotations

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
