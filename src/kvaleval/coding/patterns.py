"""Codebook ``patterns``: spaCy Matcher patterns, run only when a codebook has them.

The pipeline is ``spacy.blank("da")`` (tokenizer only, nothing downloaded); token
lemmas come from kvaleval's lower-cased Danish lemma table (with the codebook's
overrides), so ``{"LEMMA": "vente"}`` works without a trained model.

spaCy tokenises only the texts a pattern can match. Each pattern is anchored on one
token it requires (no ``OP`` or ``OP: "+"``) whose ``LOWER``, ``ORTH``, ``TEXT`` or
``LEMMA`` is given as a word or an ``IN`` list: a text can match only if it holds one
of those words (for a lemma, one of its forms) lower-cased and not inside a longer
word (``ven`` in ``venter`` is no token). One Aho-Corasick pass over the batch finds
those texts. A pattern without such a token
(only ``REGEX``, ``IS_DIGIT``, optional tokens, or words under three letters) sends
every text to spaCy, as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import ahocorasick
import numpy as np

from kvaleval.errors import CodebookError, Errors
from kvaleval.lemmas import lemmas
from kvaleval.records import Codebook

MIN_ANCHOR = 3
DOC_BATCH = 2_000
"""Texts tokenised at a time: their distinct words' lemmas are one query, and few Docs are held."""
"""An anchor word shorter than this is in nearly every text: such a pattern is tried on all."""
_SURFACE = ("LOWER", "ORTH", "TEXT")
_REQUIRED_OPS = (None, "+")


@dataclass(frozen=True, slots=True)
class PatternHit:
    row: int
    code: int
    label: str
    start: int
    end: int


class PatternMatcher:
    """spaCy Matcher over the codebook's token patterns, keyed ``code#n``."""

    def __init__(self, codebook: Codebook) -> None:
        import spacy
        from spacy.matcher import Matcher

        self.nlp = spacy.blank("da")
        self.matcher = Matcher(self.nlp.vocab, validate=True)
        self.keys: dict[int, tuple[int, str]] = {}
        self.overrides = dict(codebook.lemmas)
        self.uses_lemma = False
        anchors: list[frozenset[str] | None] = []
        for index, code in enumerate(codebook.codes):
            for number, pattern in enumerate(code.patterns if code.codable else (), start=1):
                key = f"{code.name}#{number}"
                try:
                    self.matcher.add(key, [list(pattern)])
                except (ValueError, KeyError, TypeError) as err:
                    raise CodebookError(
                        Errors.E208.format(path=codebook.path or codebook.name, code=code.name, number=number,
                                           detail=str(err).splitlines()[0] if str(err) else type(err).__name__)
                    ) from err
                self.keys[self.nlp.vocab.strings[key]] = (index, f"mønster {number}")
                self.uses_lemma |= "LEMMA" in str(pattern).upper()
                anchors.append(pattern_anchor(pattern, self.overrides))
        self.anchors = _automaton(anchors)
        """The anchor words of all patterns, or None when some pattern must be tried on every text."""

    def candidates(self, texts: Sequence[str]) -> list[int]:
        """The rows of ``texts`` some pattern may match: those holding an anchor word as a token could be."""
        if self.anchors is None:
            return list(range(len(texts)))
        if not len(self.anchors) or not texts:
            return []
        joined = "\n".join(texts).lower()
        starts = np.cumsum([0, *(len(text) + 1 for text in texts[:-1])])
        # str.lower keeps every text's length (apart from a few letters such as "İ"): map back by text.
        if len(joined) != starts[-1] + len(texts[-1]):
            return [row for row, text in enumerate(texts) if _anchored(self.anchors, text.lower())]
        ends = np.fromiter(_token_ends(self.anchors, joined), dtype=np.int64)
        return np.unique(np.searchsorted(starts, ends, side="right") - 1).tolist()

    def matches(self, texts: Sequence[str]) -> list[PatternHit]:
        hits = []
        rows = self.candidates(texts)
        known: dict[str, str] = dict(self.overrides)  # lower-cased word -> lemma, as far as looked up
        for first in range(0, len(rows), DOC_BATCH):  # a batch of Docs at a time: their lemmas in one query
            batch = rows[first : first + DOC_BATCH]
            docs = list(self.nlp.pipe((texts[row] for row in batch), batch_size=256))
            if self.uses_lemma:
                fresh = {token.lower_ for doc in docs for token in doc} - known.keys()
                known.update(dict.fromkeys(fresh, ""))  # "": not in the table, the word is its own lemma
                known.update(lemmas().lemmas_of(fresh))
                for doc in docs:
                    for token in doc:
                        token.lemma_ = known[token.lower_] or token.lower_
            for row, doc in zip(batch, docs, strict=True):
                for match_id, start, end in self.matcher(doc):
                    code, label = self.keys[match_id]
                    span = doc[start:end]
                    hits.append(PatternHit(row, code, label, span.start_char, span.end_char))
        return hits


def pattern_anchor(pattern: Sequence[Mapping[str, Any]], overrides: Mapping[str, str]) -> frozenset[str] | None:
    """The lower-cased words one of which every text the pattern matches holds, or None.

    Of the pattern's required tokens, the one whose shortest word is longest (the
    rarest, roughly); None where no required token names its words, or they are short.
    """
    best: frozenset[str] | None = None
    for token in pattern:
        if _get(token, "OP") not in _REQUIRED_OPS:
            continue
        for words in _token_words(token, overrides):
            if min(map(len, words), default=0) >= MIN_ANCHOR and (
                    best is None or min(map(len, words)) > min(map(len, best))):
                best = words
    return best


def _token_words(token: Mapping[str, Any], overrides: Mapping[str, str]) -> Iterable[frozenset[str]]:
    """Each way the token names the words it matches (every one of them must hold)."""
    for attribute in (*_SURFACE, "LEMMA"):
        values = _values(_get(token, attribute))
        if values is None:
            continue
        if attribute == "LEMMA":
            values = {form for value in values for form in _forms_with_lemma(value, overrides)}
        yield frozenset(values)


def _get(token: Mapping[str, Any], attribute: str) -> Any:
    """A token attribute, whatever the case of its key (spaCy takes ``lower`` for ``LOWER``)."""
    for key, value in token.items():
        if isinstance(key, str) and key.upper() == attribute:
            return value
    return None


def _values(spec: Any) -> set[str] | None:
    """The words an attribute value names: a word, or an ``IN`` list of words; None for anything else."""
    if isinstance(spec, str):
        return {spec.lower()}
    if isinstance(spec, Mapping) and len(spec) == 1:
        (operator, values), = spec.items()
        if str(operator).upper() == "IN" and isinstance(values, list | tuple) and values \
                and all(isinstance(value, str) for value in values):
            return {value.lower() for value in values}
    return None


def _forms_with_lemma(lemma: str, overrides: Mapping[str, str]) -> set[str]:
    """Every lower-cased word :meth:`PatternMatcher.matches` gives this lemma."""
    return {lemma, *lemmas().forms(lemma), *(form for form, its in overrides.items() if its == lemma)}


def _automaton(anchors: list[frozenset[str] | None]) -> ahocorasick.Automaton | None:
    """The anchor words, each stored with its length and whether it begins and ends with a letter."""
    words: set[str] = set()
    for anchor in anchors:
        if anchor is None:
            return None
        words |= anchor
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for word in sorted(words):
        automaton.add_word(word, len(word) << 2 | word[0].isalpha() << 1 | word[-1].isalpha())
    if len(automaton):
        automaton.make_automaton()
    return automaton


def _token_ends(anchors: ahocorasick.Automaton, text: str) -> Iterable[int]:
    """Where in ``text`` an anchor word ends that spaCy can have as a token.

    spaCy never splits a token between two letters (no Danish rule or exception does), so
    a word whose first letter follows a letter, or whose last letter precedes one, sits
    inside a longer token: ``ven`` in ``venter``, ``forventer`` or ``Ovenpå``. A word
    beginning or ending with another character (``'et``, ``kr.``) is kept wherever it is.
    """
    last = len(text) - 1
    for end, value in anchors.iter(text):
        start = end - (value >> 2) + 1
        if value & 2 and start > 0 and text[start - 1].isalpha():
            continue
        if value & 1 and end < last and text[end + 1].isalpha():
            continue
        yield end


def _anchored(anchors: ahocorasick.Automaton, text: str) -> bool:
    return any(True for _ in _token_ends(anchors, text))
