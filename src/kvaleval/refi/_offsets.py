"""Selection offsets from other tools -> code points into kvaleval's LF text.

REFI-QDA says offsets are Unicode code points, 0-based; every exporter treats
the end as exclusive. Tools differ in what they count (NOTES.md §3):

============== ====================== ===================
convention     unit                   a CRLF counts
============== ====================== ===================
codepoints     code points            2 (MAXQDA, the standard read literally)
codepoints-lf  code points            1 (ATLAS.ti)
utf16          UTF-16 code units      2 (NVivo for Windows: an emoji counts 2)
utf16-lf       UTF-16 code units      1
============== ====================== ===================

The tool's origin gives the expected convention; the selections' boundaries
then vote: the convention that puts clearly more of them on word boundaries wins.
For text without CRLF and without characters outside the BMP all four agree.
"""

from __future__ import annotations

import bisect
import codecs
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from kvaleval.read._text import COUNTED_REPLACE, MIXED_ENCODING, replaced, stray_bytes_in_utf8, text_errors

CONVENTIONS = ("codepoints", "codepoints-lf", "utf16", "utf16-lf")
DESCRIPTIONS = {
    "codepoints": "refi_convention_codepoints",
    "codepoints-lf": "refi_convention_codepoints_lf",
    "utf16": "refi_convention_utf16",
    "utf16-lf": "refi_convention_utf16_lf",
}
"""Each convention's description: its name in :class:`kvaleval.errors.Texts` (Danish or English)."""
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_MARGIN = 0.1
_MIN_BOUNDARIES = 6


@dataclass
class DecodedSource:
    """A source's text (BOM dropped, line ends kept), how it was decoded, and what was not UTF-8."""

    text: str
    encoding: str
    stray: int = 0
    """Bytes of a UTF-8 text that are not UTF-8, each read as one cp1252 character."""
    replaced: int = 0
    """Bytes that could not be decoded at all and became U+FFFD."""


def decode_source(data: bytes) -> DecodedSource:
    """Bytes of a text source -> its text. REFI-QDA sources are UTF-8; in one that holds a few
    bytes that are not (a pasted cp1252 'ø'), only those bytes are read as cp1252, one character
    each, so that the offsets after them stay right. A text with no UTF-8 letter at all is read
    as cp1252. Bytes nothing can decode become U+FFFD and are counted."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            found = _decode(data[len(bom) :], encoding)
            found.encoding += " with BOM"
            return found
    utf16 = _utf16_without_bom(data)
    return _decode(data, utf16 or "utf-8")


def _decode(data: bytes, encoding: str) -> DecodedSource:
    if encoding == "utf-8":
        try:
            return DecodedSource(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            stray = stray_bytes_in_utf8(data)  # the rule the corpus's text files are read by
            if stray is not None:
                return DecodedSource(data.decode("utf-8", errors=text_errors(MIXED_ENCODING)), MIXED_ENCODING,
                                     stray=stray)
            encoding = "cp1252"
    before = replaced()
    text = data.decode(encoding, errors=COUNTED_REPLACE)
    return DecodedSource(text, encoding, replaced=replaced() - before)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when most odd or even bytes are NUL (Latin text in UTF-16)."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= 0.6 * half and even <= 0.1 * half:
        return "utf-16-le"
    if even >= 0.6 * half and odd <= 0.1 * half:
        return "utf-16-be"
    return None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


class _Units:
    """UTF-16 code unit index -> code point index for one text."""

    def __init__(self, text: str) -> None:
        astral = [match.start() for match in _ASTRAL.finditer(text)]
        # UTF-16 index of the k-th astral character is its code point index + k.
        self.starts = [index + k for k, index in enumerate(astral)]
        self.length = len(text) + len(astral)

    def to_codepoint(self, unit: int) -> tuple[int, bool]:
        """(code point index, whether ``unit`` falls inside a surrogate pair)."""
        before = bisect.bisect_right(self.starts, unit - 2)
        at = bisect.bisect_left(self.starts, unit - 1)
        inside = at < len(self.starts) and self.starts[at] == unit - 1
        return unit - before, inside


@dataclass
class Converted:
    """A selection in LF text: offsets, and what had to be adjusted."""

    start: int
    end: int
    clipped: bool = False
    split: bool = False


class OffsetMap:
    """Convert selection offsets counted in a source as stored into LF-text code points."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.text = normalise_newlines(raw)
        self._crlf = [i for i in range(len(raw) - 1) if raw[i] == "\r" and raw[i + 1] == "\n"]
        self._units: dict[str, _Units] = {}
        self._astral: bool | None = None

    @property
    def candidates(self) -> list[str]:
        """The conventions that differ for this text (the others are equivalent to one of them)."""
        return sorted({self.equivalent(convention) for convention in CONVENTIONS}, key=CONVENTIONS.index)

    def equivalent(self, convention: str) -> str:
        """The candidate that gives the same offsets as ``convention`` for this text."""
        if self._astral is None:
            self._astral = _ASTRAL.search(self.text) is not None
        unit = "utf16" if convention.startswith("utf16") and self._astral else "codepoints"
        return unit + ("-lf" if convention.endswith("-lf") and self._crlf else "")

    def convert(self, start: int, end: int, convention: str) -> Converted | None:
        """Offsets in the LF text, clipped into it; None when nothing of it is left."""
        lf = convention.endswith("-lf")
        base = self.text if lf else self.raw
        split = False
        outside = False  # a UTF-16 selection past the text is clipped as a code point one is
        positions = []
        for position, is_end in ((start, False), (end, True)):
            if convention.startswith("utf16"):
                if convention not in self._units:
                    self._units[convention] = _Units(base)
                units = self._units[convention]
                outside = outside or not 0 <= position <= units.length
                position = min(max(position, 0), units.length)
                position, inside = units.to_codepoint(position)
                if inside:
                    split = True
                    position = position if is_end else position - 1
            positions.append(position)
        clipped = outside or not (0 <= positions[0] <= positions[1] <= len(base))
        low, high = (min(max(p, 0), len(base)) for p in positions)
        if not lf:
            low, high = self.to_lf(low), self.to_lf(high)
        if high <= low:
            return None
        split = split or _splits(self.text, low) or _splits(self.text, high)
        return Converted(low, high, clipped, split)

    def to_lf(self, position: int) -> int:
        """A code point offset into the stored text -> the same place in the LF text."""
        return position - bisect.bisect_left(self._crlf, position)

    def choose(self, selections: Sequence[tuple[int, int]], preferred: str) -> tuple[str, float]:
        """The convention for these selections, and its share of boundaries on word boundaries."""
        preferred = self.equivalent(preferred)
        candidates = self.candidates
        scores = {c: self.boundary_share(selections, c) for c in candidates}
        best = max(candidates, key=lambda c: (scores[c], c == preferred))
        enough = 2 * len(selections) >= _MIN_BOUNDARIES
        if best != preferred and enough and scores[best] - scores[preferred] >= _MARGIN:
            return best, scores[best]
        return preferred, scores[preferred]

    def votes(self, selections: Sequence[tuple[int, int]], preferred: str) -> tuple[bool | None, bool | None]:
        """What these selections say about the tool's rule, where they can say anything:
        (counts UTF-16 units?, counts a CRLF as one?), None for a question the text or the
        number of selections cannot settle."""
        if 2 * len(selections) < _MIN_BOUNDARIES:
            return None, None
        convention, _ = self.choose(selections, preferred)
        self.equivalent(convention)  # sets _astral
        units = convention.startswith("utf16") if self._astral else None
        lf = convention.endswith("-lf") if self._crlf else None
        return units, lf

    def boundary_share(self, selections: Sequence[tuple[int, int]], convention: str) -> float:
        if not selections:
            return 1.0
        good = 0
        for start, end in selections:
            converted = self.convert(start, end, convention)
            if converted is None or converted.clipped:
                continue
            good += on_word_boundary(self.text, converted.start) + on_word_boundary(self.text, converted.end)
        return good / (2 * len(selections))


def on_word_boundary(text: str, position: int) -> bool:
    """True unless ``position`` falls between two letters or digits."""
    if position <= 0 or position >= len(text):
        return True
    return not (text[position - 1].isalnum() and text[position].isalnum())


def _splits(text: str, position: int) -> bool:
    """True when ``position`` separates a combining mark or joiner from its base character."""
    if 0 < position < len(text):
        char = text[position]
        return unicodedata.combining(char) > 0 or char in "\u200d\ufe0f\ufe0e" or "\U0001f3fb" <= char <= "\U0001f3ff"
    return False
