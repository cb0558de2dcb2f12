"""All codebook words in one pass: an Aho-Corasick automaton over lower-cased text.

Every surface form of every term word, lexicon word and exclusion word goes into
one automaton (pyahocorasick, C). Each hit is kept when it is a whole word (no
letter on either side), or a valid compound part for a word that may compound
(:func:`forms.compound_ok`). This is the fast path of the rule coder: no
tokenizer runs over the text.

:meth:`Matcher.scan_words` runs the automaton over a copy of the text in which
every non-letter is a space, and stores a form that may not be a compound part
as ``" form "``: so ``de`` is found as a word and never inside ``kunde``, and most
of what the automaton reports is kept. Forms with other characters than letters
(``succes'en``, ``24``) are looked for in the text itself, only around those
characters. Entries that match alike (the same word, ``exact`` and ``compounds``)
form one *word class*; hits are reported per class rather than per entry (a word
such as ``ikke`` stands in dozens of phrases), as parallel arrays. :meth:`Matcher.scan`
is the plain per-hit reading of the same rules, kept as the reference the tests
hold the arrays to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import chain
from typing import NamedTuple

import ahocorasick
import numpy as np

from kvaleval._gc import gc_paused
from kvaleval.coding.forms import (
    MIN_HEAD,
    MIN_PART,
    MIN_START,
    STOP_COMPOUND,
    another_word,
    compound_ok,
    expand_forms,
    is_participle,
    modifier_ok,
    splits_a_suffix,
    tail_ok,
)
from kvaleval.lemmas import know_words

TERM, LEXICON, EXCLUDE = 0, 1, 2
GAP_WORDS = 3
"""How many words ``...`` in a phrase stands for."""
ACROSS_STOPS = -1
"""The gap before a phrase word the phrase itself joins with a full stop or the like (``10.-klasse``):
adjacent, across any punctuation. Other adjacent words may have only commas and fillers between."""
STOPS = ".;:!?"
"""Punctuation that ends a clause: adjacent phrase words never match across it (a comma they do)."""

_WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+")
_SAFE_LOWER = {0x130: "i"}  # "İ".lower() is two code points; keep offsets aligned.


@dataclass(frozen=True, slots=True)
class Entry:
    """What a surface form stands for: a slot of a term or exclusion, or a lexicon word."""

    kind: int
    owner: int  # code index (TERM, EXCLUDE) or lexicon index (LEXICON)
    item: int  # term / exclusion index within the code; 0 for lexicons
    slot: int  # word position within a phrase
    compounds: bool
    word: str  # the term word this form inflects


class Hit(NamedTuple):
    """One entry matched at ``text[start:end]``.

    A named tuple rather than a frozen dataclass: scans make millions, and a tuple
    is built about twice as fast.
    """

    start: int
    end: int
    entry: int


def split_phrase(text: str) -> list[tuple[str, int]]:
    """Words of a phrase and the gap before each.

    ``"mangler ... folk"`` -> ``[("mangler", 0), ("folk", 3)]``; ``"10.-klasse"`` ->
    ``[("10", 0), ("klasse", ACROSS_STOPS)]``.
    """
    slots: list[tuple[str, int]] = []
    gap = 0
    between = ""  # the phrase's own characters since the last word
    for token in lower(text).replace("…", " ... ").split():
        if token.strip(".") == "" and "..." in token:
            gap = GAP_WORDS
            continue
        end = 0
        for match in _WORDS.finditer(token):
            between += token[end : match.start()]
            if not slots:
                gap = 0
            elif gap == 0 and any(char in STOPS for char in between):
                gap = ACROSS_STOPS
            slots.append((match.group(), gap))
            gap, between, end = 0, "", match.end()
        between += token[end:]
    return slots


def lower(text: str) -> str:
    """Lower-case without changing the length (offsets stay valid), apostrophes as ``'``.

    Word turns ``CV'et`` into ``CV’et`` as it is typed, and some write ``CV´et``: the
    term ``CV'et`` is meant either way.
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text.translate(_SAFE_LOWER).lower()
    for apostrophe in _APOSTROPHES:
        if apostrophe in lowered:  # str.replace only where needed: a scan of the batch is cheap
            lowered = lowered.replace(apostrophe, "'")
    return lowered


_APOSTROPHES = ("\u2019", "\u02bc", "\u00b4")
"""Right single quotation mark, modifier letter apostrophe and acute accent, read as ``'``."""


class Scan(NamedTuple):
    """What :meth:`Matcher.scan_marks` finds: hits per word class, and the marks' places."""

    starts: np.ndarray
    ends: np.ndarray
    classes: np.ndarray
    mark_starts: np.ndarray
    mark_ends: np.ndarray


class _Form(NamedTuple):
    """What the automaton stores per surface form."""

    length: int
    owners: tuple[int, ...]  # entry indices, in the order the entries were given
    classes: tuple[int, ...]  # word classes of the owners
    compound_word: str  # the term word whose compound rules decide for the form ("" if none may)
    compounding: tuple[int, ...]  # owners that match inside a compound when the rules allow
    compound_classes: tuple[int, ...]  # their word classes


def may_compound(word: str) -> bool:
    """Can :func:`forms.compound_ok` ever accept a hit of this term word inside a longer word?"""
    return word not in STOP_COMPOUND and len(word) >= min(MIN_HEAD, MIN_START)


class Matcher:
    """An automaton over word forms, with the entries each form stands for.

    Parameters
    ----------
    items : iterable of (Entry, exact)
        Each entry with whether its word matches only as written (``exact``);
        otherwise the word's inflected forms are expanded once, for all entries together.
    overrides : mapping
        Codebook lemma overrides (form -> lemma).
    marks : iterable of str
        Words of letters whose whole-word places :meth:`scan_words` reports as well
        (the rule coder's fillers, "øh"), found in the same pass.

    Attributes
    ----------
    entries : list of Entry
        In the order given; a :class:`Hit`'s ``entry`` indexes it.
    classes : list of (word, exact, compounds)
        The word classes; entries of one class always match at the same places.
    entry_class : numpy array
        The word class of each entry.
    """

    def __init__(self, items: Iterable[tuple[Entry, bool]], overrides: Mapping[str, str],
                 marks: Iterable[str] = ()) -> None:
        items = list(items)
        forms = expand_forms({entry.word for entry, exact in items if not exact}, overrides)
        by_form: dict[str, list[int]] = {}
        self.entries: list[Entry] = []
        class_ids: dict[tuple[str, bool, bool], int] = {}
        entry_class: list[int] = []
        for entry, exact in items:
            index = len(self.entries)
            self.entries.append(entry)
            # A term (or exclusion) that is a participle matches only itself; a near cue's lexicon ("ros": lyttende)
            # keeps the verb's forms, which praise as well ("hun lytter").
            exact = exact or (entry.kind != LEXICON and is_participle(entry.word, overrides))
            key = (entry.word, exact, entry.compounds)
            entry_class.append(class_ids.setdefault(key, len(class_ids)))
            for form in ({entry.word} if exact else forms[entry.word]):
                by_form.setdefault(form, []).append(index)
        self.classes: list[tuple[str, bool, bool]] = list(class_ids)
        self.entry_class = np.array(entry_class, dtype=np.int64)
        self.automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        self._forms: list[_Form] = []
        for form in sorted(by_form):
            owners = tuple(by_form[form])
            classes = tuple(dict.fromkeys(entry_class[owner] for owner in owners))
            compounding = tuple(owner for owner in owners if self.entries[owner].compounds)
            # One verdict per hit, by the compound rules of the first such owner's word,
            # holds for all of them (a form shared by "fin" and "fint" follows "fin").
            word = self.entries[compounding[0]].word if compounding else ""
            if not may_compound(word):
                word, compounding = "", ()
            compound = tuple(dict.fromkeys(entry_class[owner] for owner in compounding))
            self.automaton.add_word(form, len(self._forms))
            self._forms.append(_Form(len(form), owners, classes, word, compounding, compound))
        if self._forms:
            self.automaton.make_automaton()
        self._lengths = np.array([form.length for form in self._forms], dtype=np.int64)
        self._may_compound = np.array([bool(form.compound_word) for form in self._forms], dtype=bool)
        self._compound_lengths = np.array([len(form.compound_word) for form in self._forms], dtype=np.int64)
        self._whole_classes = _Ragged([form.classes for form in self._forms])
        self._compound_classes = _Ragged([form.compound_classes for form in self._forms])
        self._build_word_automata(sorted(by_form), sorted({mark for mark in marks if mark.isalpha()}))

    def _build_word_automata(self, texts: list[str], marks: list[str]) -> None:
        """The automata :meth:`scan_words` runs: one over the text with every non-letter made a space,
        one over the text as it is.

        Most raw automaton hits are short forms inside longer words ("de" in "kunde"), thrown away
        at once. In the text with non-letters made spaces, a form of letters that may not be a
        compound part is stored as ``" form "``, so it is found only as a whole word; one that may
        be a part is stored as it is. Forms with other characters than letters ("e-mail", "24")
        are looked for in the text as it is, only near those characters. Values are
        ``form index * 2 + padded``; marks come after the forms.
        """
        self._spaced = ahocorasick.Automaton(ahocorasick.STORE_INTS, ahocorasick.KEY_STRING)
        self._other = ahocorasick.Automaton(ahocorasick.STORE_INTS, ahocorasick.KEY_STRING)
        other_chars: set[str] = set()
        for index, form in enumerate(texts):  # form index = position in the sorted forms
            if not form.isalpha():
                self._other.add_word(form, 2 * index)
                other_chars.update(char for char in form if not char.isalpha())
            elif self._forms[index].compound_word:
                self._spaced.add_word(form, 2 * index)
            else:
                self._spaced.add_word(f" {form} ", 2 * index + 1)
        mark_values = {}
        for number, mark in enumerate(marks, start=len(texts)):
            key = f" {mark} "
            if not self._spaced.exists(key):  # else a form that is only found whole is the mark too
                self._spaced.add_word(key, 2 * number + 1)
            mark_values[self._spaced.get(key)] = len(mark)
        self._mark_values = np.array(sorted(mark_values), dtype=np.int64)
        self._mark_lengths = np.array([mark_values[value] for value in sorted(mark_values)], dtype=np.int64)
        self._other_chars = np.array(sorted(ord(char) for char in other_chars), dtype=np.uint32)
        self._other_reach = max((len(form) for form in texts if not form.isalpha()), default=0)
        for automaton in (self._spaced, self._other):
            if len(automaton):
                automaton.make_automaton()

    def scan(self, text: str) -> list[Hit]:
        """Hits in lower-cased ``text``: whole words, and compound parts where allowed.

        In the automaton's order (by end offset, the longer form first), and for one
        form in the order its entries were given.
        """
        if not self._forms:
            return []
        with gc_paused():
            return self._scan(text)

    def _scan(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        extend = hits.extend
        forms = self._forms
        new = tuple.__new__  # skips the named tuple's Python-level __new__
        size = len(text)
        for last, value in self.automaton.iter(text):
            form = forms[value]
            end = last + 1
            start = end - form.length
            left = start > 0 and text[start - 1].isalpha()
            right = end < size and text[end].isalpha()
            if not left and not right:
                extend([new(Hit, (start, end, owner)) for owner in form.owners])
                continue
            if not form.compound_word:
                continue  # a short form inside a longer word ("de" in "kunde")
            prefix, suffix = _affixes(text, start, end, left, right)
            if compound_ok(form.compound_word, prefix, suffix, text[start:end]):
                extend([new(Hit, (start, end, owner)) for owner in form.compounding])
        return hits

    def scan_words(self, text: str, *, by_class: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Hits per word class: ``(starts, ends, classes)`` arrays, sorted by start, end and class
        (``by_class``: by class, start and end). :meth:`scan_marks` gives the marks as well.

        The same places as :meth:`scan`, one row per (place, word class) instead of
        per (place, entry); ``entry_class`` maps entries to classes. The automaton's
        raw hits are judged with arrays (a letter on either side?), so only hits
        inside a word of a form that may be a compound part cost Python work. The
        text is taken in pieces of about :data:`CHUNK` characters cut at line breaks
        (no form holds one), which bounds the memory the arrays take.
        """
        found = self.scan_marks(text, by_class=by_class)
        return found.starts, found.ends, found.classes

    def scan_marks(self, text: str, *, by_class: bool = False, codes: np.ndarray | None = None) -> Scan:
        """:meth:`scan_words`, and the whole-word places of the marks (sorted).

        ``codes``: the text's code points (:func:`code_points`), where the caller has them already.
        """
        pieces = []
        if len(self._spaced) or len(self._other):
            codes = code_points(text) if codes is None else codes
            pieces = [self._scan_piece(text, codes[low:high], low, high) for low, high in _pieces(text)]
        if not pieces:
            empty = np.zeros(0, dtype=np.int64)
            return Scan(empty, empty, empty, empty, empty)
        starts, ends, classes, mark_starts, mark_lengths = (
            np.concatenate(column) for column in zip(*pieces, strict=True)
        )
        order = _hit_order(starts, ends, classes, by_class=by_class,
                           fits=len(text) < 2**32 and self._lengths.max(initial=0) < 2**10
                           and len(self.classes) < 2**21)
        marks = np.argsort(mark_starts, kind="stable")
        return Scan(starts[order], ends[order], classes[order], mark_starts[marks],
                    mark_starts[marks] + mark_lengths[marks])

    def _scan_piece(self, text: str, codes: np.ndarray, low: int, high: int) -> tuple[np.ndarray, ...]:
        piece = text[low:high]
        alpha = letters_of(codes)
        spaced = spaced_letters(alpha, codes)
        raw = raw_hits(self._spaced, spaced)
        is_mark = np.isin(raw[:, 1], self._mark_values)
        # A padded mark " øh " ends on the space after it: its start in the piece is end - length - 1.
        length = self._mark_lengths[np.searchsorted(self._mark_values, raw[is_mark, 1])]
        mark_starts = raw[is_mark, 0] - 1 - length + low
        mark_lengths = length
        raw = raw[raw[:, 1] < 2 * len(self._forms)]
        other = self._scan_other(piece, codes)
        values = np.concatenate([raw[:, 1], other[:, 1]]) // 2
        padded = np.concatenate([raw[:, 1], other[:, 1]]) % 2
        # Ends in the piece: the spaced text is one longer in front, and a padded form one longer behind.
        ends = np.concatenate([raw[:, 0], other[:, 0]]) - padded
        starts = ends - self._lengths[values]
        size = len(piece)
        left = (starts > 0) & alpha[np.maximum(starts - 1, 0)]
        right = (ends < size) & alpha[np.minimum(ends, size - 1)]
        whole = np.flatnonzero(~left & ~right)
        inside = np.flatnonzero((left | right) & self._may_compound[values])
        # The letters before and after the hit within its word (none where a non-letter borders it).
        word_start, word_end = _word_bounds(alpha, starts[inside], ends[inside])
        word_start = np.where(left[inside], word_start, starts[inside])
        word_end = np.where(right[inside], word_end, ends[inside])
        # What compound_ok refuses for length alone is refused here, without a Python call.
        length = self._compound_lengths[values[inside]]
        plausible = ~(left[inside] & ((starts[inside] - word_start < MIN_PART) | (length < MIN_HEAD)))
        plausible &= ~(right[inside] & ((word_end - ends[inside] < MIN_PART) | (length < MIN_START)))
        inside, word_start, word_end = inside[plausible], word_start[plausible], word_end[plausible]
        # compound_ok's remaining questions: is the prefix a modifier, is the suffix a compound's rest?
        starts_in, ends_in = starts[inside], ends[inside]
        verdicts = np.ones(len(inside), dtype=bool)
        for side, judge, low_ends, high_ends in ((left[inside], modifier_ok, word_start, starts_in),
                                                 (right[inside], tail_ok, ends_in, word_end)):
            at = np.flatnonzero(side)
            parts = [piece[a:b] for a, b in zip(low_ends[at].tolist(), high_ends[at].tolist(), strict=True)]
            verdicts[at] &= part_verdicts(parts, judge)
            if judge is tail_ok:  # ven|s + kab...: the term's linking letter begins a suffix
                lasts = [piece[end - 1] for end in low_ends[at].tolist()]
                verdicts[at] &= ~np.fromiter(map(splits_a_suffix, lasts, parts), dtype=bool, count=len(parts))
                # ven + ter: "venter" is a word of its own (vente), no compound of "ven"
                words = [piece[a:b] for a, b in zip(starts_in[at].tolist(), high_ends[at].tolist(), strict=True)]
                verdicts[at] &= ~np.fromiter(map(another_word, words, parts), dtype=bool, count=len(parts))
        compounds = inside[verdicts]
        whole_rows, whole_classes = self._whole_classes.expand(whole, values[whole])
        compound_rows, compound_classes = self._compound_classes.expand(compounds, values[compounds])
        rows = np.concatenate([whole_rows, compound_rows])
        classes = np.concatenate([whole_classes, compound_classes])
        return starts[rows] + low, ends[rows] + low, classes, mark_starts, mark_lengths

    def _scan_other(self, piece: str, codes: np.ndarray) -> np.ndarray:
        """Raw hits of the forms with other characters than letters, looked for only around those characters."""
        if not len(self._other):
            return np.zeros((0, 2), dtype=np.int64)
        near = np.flatnonzero(np.isin(codes, self._other_chars))
        if not len(near):
            return np.zeros((0, 2), dtype=np.int64)
        # Windows that hold every form through such a character, merged where they overlap.
        reach = self._other_reach
        lows = np.maximum(near - reach, 0)
        highs = np.minimum(near + reach + 1, len(piece))
        fresh = np.concatenate([[True], lows[1:] >= highs[:-1]])
        window_lows = lows[fresh]
        window_highs = np.maximum.reduceat(highs, np.flatnonzero(fresh))
        found = chain.from_iterable(
            chain.from_iterable(self._other.iter(piece, a, b))
            for a, b in zip(window_lows.tolist(), window_highs.tolist(), strict=True)
        )
        raw = np.fromiter(found, dtype=np.int64).reshape(-1, 2)
        raw[:, 0] += 1  # ends as exclusive offsets
        return raw


def _hit_order(starts: np.ndarray, ends: np.ndarray, classes: np.ndarray, *, by_class: bool,
               fits: bool) -> np.ndarray:
    """The order of hits by (class, start, end) or (start, end, class).

    The automaton reports hits by end, so by start they are nearly in order already, and
    a stable sort (timsort) of a packed (start, length, class) key is close to one pass;
    the classes then go in with a stable radix sort of small ints. A lexsort where the
    key does not fit (start, length and class in 32, 10 and 21 bits).
    """
    if not fits:
        return np.lexsort((ends, starts, classes) if by_class else (classes, ends, starts))
    length = ends - starts
    if not by_class:
        return np.argsort((starts << 31) | (length << 21) | classes, kind="stable")
    by_place = np.argsort((starts << 10) | length, kind="stable")
    small = classes[by_place].astype(np.int16 if int(classes.max(initial=0)) < 2**15 else np.int32)
    return by_place[np.argsort(small, kind="stable")]


CHUNK = 1 << 20
"""Characters :meth:`Matcher.scan_words` takes at a time (cut at a line break)."""


class _Ragged:
    """A tuple of ints per form, flattened, to expand rows of form hits into rows per int."""

    def __init__(self, values: list[tuple[int, ...]]) -> None:
        self.counts = np.array([len(value) for value in values], dtype=np.int64)
        self.offsets = np.concatenate([[0], np.cumsum(self.counts)[:-1]]).astype(np.int64)
        self.flat = np.array([item for value in values for item in value], dtype=np.int64)

    def expand(self, rows: np.ndarray, forms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each row repeated once per int of its form, and those ints."""
        counts = self.counts[forms]
        total = int(counts.sum())
        repeated = np.repeat(rows, counts)
        within = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
        return repeated, self.flat[np.repeat(self.offsets[forms], counts) + within]


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    """``(low, high)`` spans of about :data:`CHUNK` characters that end after a line break."""
    low, size = 0, len(text)
    while low < size:
        high = low + CHUNK
        if high >= size:
            high = size
        else:
            cut = text.rfind("\n", low + CHUNK // 2, high)
            high = cut + 1 if cut >= 0 else size
        yield low, high
        low = high


@cache
def _letter_table() -> np.ndarray:
    """``str.isalpha`` of every character of the Basic Multilingual Plane."""
    return np.array([chr(code).isalpha() for code in range(0x10000)], dtype=bool)


def raw_hits(automaton: ahocorasick.Automaton, text: str) -> np.ndarray:
    """``(last index, value)`` rows of every hit of ``automaton`` (values stored as ints) in ``text``."""
    if not len(automaton):
        return np.zeros((0, 2), dtype=np.int64)
    return np.fromiter(chain.from_iterable(automaton.iter(text)), dtype=np.int64).reshape(-1, 2)


def spaced_letters(alpha: np.ndarray, codes: np.ndarray) -> str:
    """The text of ``codes`` with every non-letter made a space, and a space added at either end:
    a key ``" word "`` is found in it exactly where ``word`` stands as a whole word."""
    spaced = np.full(len(codes) + 2, 32, dtype=np.uint32)
    np.copyto(spaced[1:-1], codes, where=alpha)
    return str(spaced.data, "utf-32-le", "surrogatepass")  # decoded in place: no copy of the buffer


def letters_and_codes(text: str) -> tuple[np.ndarray, np.ndarray]:
    """``[char.isalpha() for char in text]`` as a boolean array (no Python loop), and the code points."""
    codes = code_points(text)
    return letters_of(codes), codes


def code_points(text: str) -> np.ndarray:
    """The code points of ``text`` as an array (one per character, as ``str`` indexes them)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def letters_of(codes: np.ndarray) -> np.ndarray:
    """``str.isalpha`` of each character of the text with these code points."""
    alpha = _letter_table().take(codes.astype(np.uint16))  # astral code points wrap; put right below
    astral = codes > 0xFFFF
    if astral.any():
        for code in np.unique(codes[astral]).tolist():
            alpha[codes == code] = chr(code).isalpha()
    return alpha


def _word_bounds(alpha: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where the run of letters before each ``start`` begins, and where the one after each ``end`` ends."""
    run_begins = np.flatnonzero(alpha & ~np.concatenate([[False], alpha[:-1]]))
    run_ends = np.flatnonzero(alpha & ~np.concatenate([alpha[1:], [False]])) + 1
    before = np.searchsorted(run_begins, starts, side="right") - 1
    begin = np.where(before >= 0, run_begins[np.maximum(before, 0)], 0) if len(run_begins) else np.zeros_like(starts)
    after = np.searchsorted(run_ends, ends, side="left")
    end = (np.where(after < len(run_ends), run_ends[np.minimum(after, len(run_ends) - 1)], len(alpha))
           if len(run_ends) else np.full_like(ends, len(alpha)))
    return begin, end


_VERDICTS: dict[Callable[[str], bool], dict[str, bool]] = {modifier_ok: {}, tail_ok: {}}
_LOOKUPS = {modifier_ok: slice(None, -1), tail_ok: slice(1, None)}
"""What else than the part itself each judge may look up: the modifier without a linking
letter at its end, the tail without one at its start."""
MAX_VERDICTS = 1 << 18


def part_verdicts(parts: list[str], judge: Callable[[str], bool]) -> np.ndarray:
    """``judge`` (:func:`forms.modifier_ok` or :func:`forms.tail_ok`) of each compound part, remembered.

    The two halves of :func:`compound_ok` depend on the prefix alone and on the suffix alone, so
    they are remembered apart: the same modifiers and tails come back with many terms and words.
    The strings the new parts need looked up are asked of the lemma index in one go. The answers
    of this call are kept apart from the shared memory, which another thread may clear meanwhile.
    """
    memory = _VERDICTS[judge]
    if len(memory) > MAX_VERDICTS:
        memory.clear()
    answers: dict[str, bool] = {}
    new = []
    for part in dict.fromkeys(parts):
        verdict = memory.get(part)
        if verdict is None:
            new.append(part)
        else:
            answers[part] = verdict
    if new:
        shorter = _LOOKUPS[judge]
        know_words(chain.from_iterable((part, part[shorter]) for part in new))
        for part in new:
            answers[part] = memory[part] = judge(part)
    return np.fromiter(map(answers.__getitem__, parts), dtype=bool, count=len(parts))


def _affixes(text: str, start: int, end: int, left: bool, right: bool) -> tuple[str, str]:
    """The letters before ``start`` and after ``end`` within the word around them."""
    prefix = suffix = ""
    if left:
        word_start = start - 1
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        prefix = text[word_start:start]
    if right:
        word_end = end + 1
        size = len(text)
        while word_end < size and text[word_end].isalpha():
            word_end += 1
        suffix = text[end:word_end]
    return prefix, suffix


def word_spans(text: str) -> list[tuple[int, int]]:
    """Start and end of every word in ``text`` (letters, inner apostrophes/hyphens, or digits)."""
    return [match.span() for match in _WORDS.finditer(text)]
