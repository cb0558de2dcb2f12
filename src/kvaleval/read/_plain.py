"""Plain text and Markdown transcripts."""

from __future__ import annotations

import itertools
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


_LINE_NUMBER = re.compile(r"([ \t\f\v]*)(\d{1,5})(?:[ ]{2,}|\t|[ \t]*$)")
"""A printed transcript's line number: at the start of a line, set apart by two spaces or a tab, or
alone on a numbered blank line; a page break before it is kept."""


def without_line_numbers(text: str) -> str:
    """``text`` without the line numbers of a transcript numbered line by line for reference
    (``12  B: Det var min sagsbehandler, der`` / ``13  foreslog det ...``): a number in front of a
    tag is no text, and one in front of a turn's next line was read into the quote. Only when at
    least two thirds of the lines (and three) begin with one, and the numbers count up (or start
    again at 1 on a new page); any other text is left as it is."""
    lines = text.split("\n")
    numbered = [(index, match) for index, line in enumerate(lines)
                if line.strip() and (match := _LINE_NUMBER.match(line))]
    filled = sum(1 for line in lines if line.strip())
    numbers = [int(match.group(2)) for _, match in numbered]
    if len(numbered) < 3 or 3 * len(numbered) < 2 * filled \
            or any(later <= earlier and later != 1 for earlier, later in itertools.pairwise(numbers)):
        return text
    for index, match in numbered:
        lines[index] = match.group(1).replace(" ", "").replace("\t", "") + lines[index][match.end():]
    return "\n".join(lines)


_CHAT_HEAD = re.compile(
    r"^(?P<time>\d{1,2}:\d{2}(?::\d{2})?)[ \t]+(?:From|Fra)[ \t]+(?P<name>[^:\n]+?)"
    r"(?:[ \t]+(?:to|To|til|Til)[ \t]+(?P<to>[^:\n]+?))?"
    r"[ \t]*(?:\((?:Direct Message|Privately|Direkte besked|Privat(?: besked)?|privat(?: besked)?)\))?[ \t]*:",
    re.MULTILINE)
"""A message's head in a Zoom chat saved as text: ``10:02:15 From Mette Hansen to Everyone:`` (the message on
the tab-indented lines under it), or ``00:01:23\t From  Mette Hansen : Hej`` (older Zoom, on the same line)."""
_EVERYONE = frozenset({"everyone", "alle", "alle deltagere", "everyone in meeting", "alle i mødet"})


def chat_as_turns(text: str) -> str:
    """A Zoom chat's message heads as speaker tags (``[10:02:15] Mette Hansen:``; a private message's
    recipient in parentheses, ``Mette Hansen (til Jens Olsen):``): read as they were, the whole chat was
    one respondent's text, and every head a part of the quotes. Only when at least two heads begin at least
    half the lines that are not a message's indented lines; any other text is left as it is."""
    if "From" not in text and "Fra" not in text:
        return text
    heads = list(_CHAT_HEAD.finditer(text))
    flush = sum(1 for line in text.split("\n") if line.strip() and not line[:1].isspace())
    if len(heads) < 2 or 2 * len(heads) < flush:
        return text
    def tag(match: re.Match[str]) -> str:
        name = " ".join(match["name"].split())
        to = " ".join((match["to"] or "").split())
        return f"[{match['time']}] {name}" + (f" (til {to})" if to and to.casefold() not in _EVERYONE else "") + ":"
    return _CHAT_HEAD.sub(tag, text)
