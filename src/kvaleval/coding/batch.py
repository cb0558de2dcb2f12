"""The automaton's hits in a batch of segments, as arrays, and phrase matching over them.

The rule coder's questions about a segment (is the next word of this phrase within
three words, with no punctuation between? is a lexicon word within six words of
another?) are asked here of every segment of a batch at once: one ``searchsorted``
per phrase slot instead of a Python loop per segment and hit. Word positions are
numbered over the whole batch (the segments joined by line breaks); a match must
stay in one segment, which the row of each hit decides.

Word boundaries are those of :func:`kvaleval.coding.matcher.word_spans` (runs of
letters joined by an inner apostrophe or hyphen, or runs of digits), computed with
character tables rather than a regular expression per segment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

import numpy as np

from kvaleval.coding.matcher import ACROSS_STOPS, STOPS, code_points

JOINERS = "'’-"
GAP_BREAKS = ".,;:!?"
"""Punctuation a phrase gap may not cross (a clause boundary); adjacent words may have commas between,
not the rest (:data:`kvaleval.coding.matcher.STOPS`)."""

_EMPTY = np.zeros(0, dtype=np.int64)


class Matches(NamedTuple):
    """Phrase matches: char start and end (batch offsets), first word and row of each."""

    start: np.ndarray
    end: np.ndarray
    word: np.ndarray
    row: np.ndarray

    @classmethod
    def empty(cls) -> Matches:
        return cls(_EMPTY, _EMPTY, _EMPTY, _EMPTY)

    def take(self, keep: np.ndarray) -> Matches:
        return Matches(self.start[keep], self.end[keep], self.word[keep], self.row[keep])


class BatchHits:
    """Hits of one batch grouped by word class, with word positions and clause breaks.

    Parameters
    ----------
    joined : str
        The batch's lower-cased segment texts joined by ``"\\n"``.
    offsets : numpy array
        Where each segment starts in ``joined``, and ``len(joined) + 1`` last.
    starts, ends, classes : numpy arrays
        The automaton's hits (:meth:`Matcher.scan_words`), sorted by class, start and end.
    n_classes : int
        How many word classes the matcher has.
    fillers : (numpy array, numpy array)
        Starts and ends of the whole-word places of the words a phrase gap does not count
        ("øh"), as the automaton finds them (letters on neither side); here those joined
        to a word by a hyphen or an apostrophe ("øh-øh") are not taken for fillers.
    codes : numpy array, optional
        The code points of ``joined``, where the caller has them already.
    """

    def __init__(self, joined: str, offsets: np.ndarray, starts: np.ndarray, ends: np.ndarray,
                 classes: np.ndarray, n_classes: int, fillers: tuple[np.ndarray, np.ndarray],
                 codes: np.ndarray | None = None) -> None:
        self.joined = joined
        self.offsets = offsets
        flags = _char_flags(joined, codes)
        # Letters, with none added at both ends: a match's neighbours are letters[start] and letters[end + 1].
        self.letters = np.concatenate([[False], (flags & LETTER).astype(bool), [False]])
        self._word_number = np.cumsum(_word_starts(flags), dtype=np.int32)  # words starting at or before each char
        self._breaks = np.zeros(len(joined) + 1, dtype=np.int32)
        np.cumsum((flags & BREAK).astype(bool), out=self._breaks[1:])
        self._stops = np.zeros(len(joined) + 1, dtype=np.int32)
        np.cumsum((flags & STOP).astype(bool), out=self._stops[1:])
        # Words before each word that are fillers; a gap's length is counted without them.
        fillers_before = np.zeros(int(self._word_number[-1]) + 2 if len(joined) else 2, dtype=np.int32)
        np.add.at(fillers_before, self.word_at(_whole_words(flags, *fillers)) + 1, 1)
        self._fillers_before = np.cumsum(fillers_before, dtype=np.int32)
        self.start = starts
        self.end = ends
        self.word = self.word_at(self.start)
        # The row of each char, gathered: faster than a binary search per hit.
        self.row = np.repeat(np.arange(len(offsets) - 1, dtype=np.int32), np.diff(offsets))[self.start].astype(np.int64)
        self._counted = self.counted_words(self.word)
        self._counted_after = self.counted_words(self.word + 1)
        self._bounds = np.searchsorted(classes, np.arange(n_classes + 1))
        # Which classes each segment holds: a phrase is tried only in segments that hold all its words.
        self._present = np.zeros((n_classes, len(offsets) - 1), dtype=bool)
        self._present[classes, self.row] = True

    def word_at(self, position: np.ndarray | int) -> np.ndarray:
        """The batch word index of the word a char position lies in (or follows)."""
        return self._word_number[position].astype(np.int64) - 1

    def of_class(self, cls: int) -> slice:
        """Where the hits of a word class lie in this batch's arrays."""
        return slice(int(self._bounds[cls]), int(self._bounds[cls + 1]))

    def has(self, cls: int) -> bool:
        return bool(self._bounds[cls + 1] > self._bounds[cls])

    def rows_holding(self, classes: Sequence[int]) -> np.ndarray:
        """Per segment of the batch: does it hold a hit of any of ``classes``?"""
        return np.logical_or.reduce(self._present[list(classes)]) if classes else np.zeros(self._present.shape[1], bool)

    def positions(self, classes: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """(word, row) of the hits of any of ``classes``, sorted by word."""
        spans = [self.of_class(cls) for cls in classes]
        words = np.concatenate([_EMPTY, *(self.word[s] for s in spans)])
        rows = np.concatenate([_EMPTY, *(self.row[s] for s in spans)])
        order = np.argsort(words, kind="stable")
        return words[order], rows[order]

    def counted_words(self, word: np.ndarray) -> np.ndarray:
        """How many words before ``word`` are not fillers (a gap's length is a difference of these)."""
        return word - self._fillers_before[word]

    def breaks_between(self, low: np.ndarray, high: np.ndarray) -> np.ndarray:
        """Whether ``joined[low:high]`` holds gap-breaking punctuation, per pair."""
        return self._breaks[high] > self._breaks[low]

    def stops_between(self, low: np.ndarray, high: np.ndarray) -> np.ndarray:
        """Whether ``joined[low:high]`` holds clause-ending punctuation (not a comma), per pair."""
        return self._stops[high] > self._stops[low]

    def phrase(self, slots: Sequence[tuple[int, int]]) -> Matches:
        """Matches of a phrase of word-class slots ``(class, gap before)``, one per hit of its first class.

        From each hit of the first class, the next slot is the first hit of its class in a
        later word of the same segment; it must come within ``gap`` counted words and, if
        any word stands between, with no punctuation between; if none does, with no
        punctuation but commas between (any, for a gap of ``ACROSS_STOPS``). Otherwise that
        start fails.
        """
        first = self.of_class(slots[0][0])
        if first.start == first.stop:
            return Matches.empty()
        current = np.arange(first.start, first.stop)
        if len(slots) > 1:  # only in segments that hold every word of the phrase
            rows = self.row[current]
            holding = self._present[slots[1][0], rows]
            for cls, _ in slots[2:]:
                holding &= self._present[cls, rows]
            current = current[holding]
        begin = current
        for cls, gap in slots[1:]:
            span = self.of_class(cls)
            if span.start == span.stop or not len(current):
                return Matches.empty()
            following = np.searchsorted(self.word[span], self.word[current], side="right") + span.start
            found = following < span.stop
            following = np.minimum(following, span.stop - 1)
            found &= self.row[following] == self.row[current]
            between = self._counted[following] - self._counted_after[current]
            low, high = self.end[current], self.start[following]
            found &= (between <= max(gap, 0)) & ~((between > 0) & self.breaks_between(low, high))
            if gap != ACROSS_STOPS:
                found &= ~((between == 0) & self.stops_between(low, high))
            begin, current = begin[found], following[found]
        return Matches(self.start[begin], self.end[current], self.word[begin], self.row[begin])


class Spans:
    """Char spans to test matches against, sorted once (an exclusion's hits in a batch)."""

    def __init__(self, matches: Matches) -> None:
        order = np.argsort(matches.start, kind="stable")
        self.start = matches.start[order]
        self.reach = np.maximum.accumulate(matches.end[order]) if len(order) else order  # furthest end so far

    def overlapped(self, matches: Matches) -> np.ndarray:
        """Per match: does it overlap any span?"""
        before = np.searchsorted(self.start, matches.end, side="left")  # spans starting before each match ends
        return (before > 0) & (self.reach[np.maximum(before - 1, 0)] > matches.start)


def drop_overlapping(matches: Matches, spans: Spans) -> Matches:
    """``matches`` without those that overlap any of ``spans`` (by char offsets)."""
    if not len(spans.start) or not len(matches.start):
        return matches
    return matches.take(~spans.overlapped(matches))


def drop_inner_parts(found: Sequence[Matches], letters: np.ndarray) -> list[Matches]:
    """Each term's matches without those that are part of a longer word a longer match of the same
    code covers: ``hjemme`` in "derhjemme" where ``derhjemme`` is a term too, ``vejledning`` in
    "familievejledningen" beside ``familievejledning`` (and ``afvist`` in "afvistes", where the
    term's longer form is the one found). One word is evidence once; a whole word inside a longer
    phrase term (``ventetid`` in "lang ventetid") still counts, as written.

    ``letters``: :attr:`BatchHits.letters`.
    """
    inner = [letters[matches.start] | letters[matches.end + 1] for matches in found]  # a letter beside it
    if not any(part.any() for part in inner):
        return list(found)
    start = np.concatenate([m.start for m in found])
    end = np.concatenate([m.end for m in found])
    order = np.argsort(start, kind="stable")
    starts = start[order]
    reach = np.maximum.accumulate(end[order])  # the furthest end of the spans starting at or before each
    kept = []
    for matches, inside in zip(found, inner, strict=True):
        if not inside.any():
            kept.append(matches)
            continue
        earlier = np.searchsorted(starts, matches.start, side="left")
        at_or_before = np.searchsorted(starts, matches.start, side="right")
        covered = ((earlier > 0) & (reach[np.maximum(earlier - 1, 0)] >= matches.end)) | (
            (at_or_before > 0) & (reach[np.maximum(at_or_before - 1, 0)] > matches.end))
        kept.append(matches.take(~(inside & covered)))
    return kept


def first_per_row(matches: Matches) -> Matches:
    """The first match of each row (matches come in scan order, so rows never decrease)."""
    return matches.take(_row_starts(matches.row))


def _row_starts(rows: np.ndarray) -> np.ndarray:
    """Where a new row begins in a non-decreasing array of rows."""
    return np.flatnonzero(np.concatenate([[True], rows[1:] != rows[:-1]])) if len(rows) else _EMPTY


def near(anchor: tuple[np.ndarray, np.ndarray], others: Sequence[tuple[np.ndarray, np.ndarray]],
         window: int) -> np.ndarray:
    """Rows where some anchor word has, for every other item, one of its words within ``window`` words.

    Each item is ``(words, rows)`` sorted by word. A word's nearest neighbours on either
    side are enough to look at: if the nearest one is in another segment, all further are.
    """
    words, rows = anchor
    ok = np.ones(len(words), dtype=bool)
    for other_words, other_rows in others:
        if not len(other_words):
            return _EMPTY
        right = np.searchsorted(other_words, words, side="left")
        left = right - 1
        within = np.zeros(len(words), dtype=bool)
        for index in (np.minimum(right, len(other_words) - 1), np.maximum(left, 0)):
            within |= (np.abs(other_words[index] - words) <= window) & (other_rows[index] == rows)
        ok &= within
    fired = rows[ok]
    return fired[_row_starts(fired)]


LETTER, DIGIT, JOINER, BREAK, STOP = 1, 2, 4, 8, 16


@cache
def _flag_table() -> np.ndarray:
    """Flags per code point of the Basic Multilingual Plane: word letter (regex ``[^\\W\\d_]``), digit (``\\d``),
    joiner, gap-breaking punctuation, clause-ending punctuation."""
    plane = "".join(map(chr, range(0x10000)))
    flags = np.zeros(0x10000, dtype=np.uint8)
    for pattern, flag in ((_LETTER, LETTER), (_DIGIT, DIGIT)):
        # Every match made U+0001 (itself neither): one regex pass instead of 65,536 calls.
        marked = np.frombuffer(pattern.sub("\x01", plane).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        flags[(marked == 1) & (np.arange(0x10000) != 1)] |= flag
    flags[[ord(char) for char in JOINERS]] |= JOINER
    flags[[ord(char) for char in GAP_BREAKS]] |= BREAK
    flags[[ord(char) for char in STOPS]] |= STOP
    return flags


def _flags(char: str) -> int:
    return ((LETTER if _LETTER.match(char) else 0) | (DIGIT if _DIGIT.match(char) else 0)
            | (JOINER if char in JOINERS else 0) | (BREAK if char in GAP_BREAKS else 0)
            | (STOP if char in STOPS else 0))


_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")


def _char_flags(text: str, codes: np.ndarray | None = None) -> np.ndarray:
    codes = code_points(text) if codes is None else codes
    flags = _flag_table().take(codes.astype(np.uint16))  # astral code points wrap; put right below
    astral = codes > 0xFFFF
    if astral.any():
        for code in np.unique(codes[astral]).tolist():
            flags[codes == code] = _flags(chr(code))
    return flags


def _word_starts(flags: np.ndarray) -> np.ndarray:
    """Where a word of ``[^\\W\\d_]+(?:['’-][^\\W\\d_]+)*|\\d+`` starts."""
    letter = (flags & LETTER).astype(bool)
    digit = (flags & DIGIT).astype(bool)
    before = np.zeros_like(flags)
    before[1:] = flags[:-1]
    two_before = np.zeros_like(flags)
    two_before[2:] = flags[:-2]
    joined_on = (before & JOINER).astype(bool) & (two_before & LETTER).astype(bool)  # "sam-arbejde": "a" goes on
    return (letter & ~(before & LETTER).astype(bool) & ~joined_on) | (digit & ~(before & DIGIT).astype(bool))


def _whole_words(flags: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """The ``[start, end)`` places that are whole words as :func:`_word_starts` counts words
    (not glued to letters by a hyphen or apostrophe), by start."""
    padded = np.zeros(len(flags) + 4, dtype=np.uint8)
    padded[2:-2] = flags  # padded[i + 2] is flags[i]

    def has(offset: np.ndarray, flag: int) -> np.ndarray:
        return (padded[offset + 2] & flag).astype(bool)

    glued_before = has(start - 1, LETTER) | (has(start - 1, JOINER) & has(start - 2, LETTER))
    glued_after = has(end, LETTER) | (has(end, JOINER) & has(end + 1, LETTER))
    return np.sort(start[~glued_before & ~glued_after])
