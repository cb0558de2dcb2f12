"""All codebook words in one pass: an Aho-Corasick automaton over lower-cased text.

Every surface form of every term word, lexicon word and exclusion word goes into
one automaton (pyahocorasick, C). One scan of the concatenated segment texts
yields substring hits; each hit is kept when it is a whole word, or a valid
compound part for a word that may compound (:func:`forms.compound_ok`). This is
the fast path of the rule coder: no tokenizer runs over text without hits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import ahocorasick

from kvaleval.coding.forms import compound_ok, expand_forms

TERM, LEXICON, EXCLUDE = 0, 1, 2
GAP_WORDS = 3
"""How many words ``...`` in a phrase stands for."""

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


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    entry: int


def split_phrase(text: str) -> list[tuple[str, int]]:
    """``"mangler ... folk"`` -> ``[("mangler", 0), ("folk", 3)]``: words and the gap before each."""
    slots: list[tuple[str, int]] = []
    gap = 0
    for token in text.lower().replace("…", " ... ").split():
        if token.strip(".") == "" and "..." in token:
            gap = GAP_WORDS
            continue
        for word in _WORDS.findall(token):
            slots.append((word, gap if slots else 0))
            gap = 0
    return slots


def lower(text: str) -> str:
    """Lower-case without changing the length (offsets stay valid)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text.translate(_SAFE_LOWER).lower()
    return lowered


class Matcher:
    """An automaton over word forms, with the entries each form stands for.

    Parameters
    ----------
    words : iterable of (Entry without word forms, word, exact)
        Each entry's word; its forms are expanded once, for all entries together.
    overrides : mapping
        Codebook lemma overrides (form -> lemma).
    """

    def __init__(self, items: Iterable[tuple[Entry, bool]], overrides: Mapping[str, str]) -> None:
        items = list(items)
        forms = expand_forms({entry.word for entry, exact in items if not exact}, overrides)
        by_form: dict[str, list[int]] = {}
        self.entries: list[Entry] = []
        for entry, exact in items:
            index = len(self.entries)
            self.entries.append(entry)
            for form in ({entry.word} if exact else forms[entry.word]):
                by_form.setdefault(form, []).append(index)
        self.automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        self._forms: list[tuple[str, tuple[int, ...]]] = []
        for form in sorted(by_form):
            self.automaton.add_word(form, len(self._forms))
            self._forms.append((form, tuple(by_form[form])))
        if self._forms:
            self.automaton.make_automaton()

    def scan(self, text: str) -> list[Hit]:
        """Hits in lower-cased ``text``: whole words, and compound parts where allowed."""
        if not self._forms:
            return []
        hits: list[Hit] = []
        forms = self._forms
        entries = self.entries
        for last, value in self.automaton.iter(text):
            form, owners = forms[value]
            end = last + 1
            start = end - len(form)
            left = start > 0 and text[start - 1].isalpha()
            right = end < len(text) and text[end].isalpha()
            if not left and not right:
                hits.extend(Hit(start, end, owner) for owner in owners)
                continue
            prefix = suffix = ""
            if left:
                word_start = start - 1
                while word_start > 0 and text[word_start - 1].isalpha():
                    word_start -= 1
                prefix = text[word_start:start]
            if right:
                word_end = end + 1
                while word_end < len(text) and text[word_end].isalpha():
                    word_end += 1
                suffix = text[end:word_end]
            ok = None
            for owner in owners:
                entry = entries[owner]
                if not entry.compounds:
                    continue
                if ok is None:
                    ok = compound_ok(entry.word, prefix, suffix)
                if ok:
                    hits.append(Hit(start, end, owner))
        return hits


def word_spans(text: str) -> list[tuple[int, int]]:
    """Start and end of every word in ``text`` (letters, inner apostrophes/hyphens, or digits)."""
    return [match.span() for match in _WORDS.finditer(text)]
