"""Danish word forms and compounds: which surface strings a term matches.

A term word matches its inflected forms: the forms the lemma table lists for
its lemma (lower-cased; codebook ``lemmas:`` override it), plus regular Danish
endings for a word the table does not know. A single-word term also matches
inside compounds, checked per hit by :func:`compound_ok`: as the head after a
modifier that is a Danish word (``familie|vejledningen``), or as the first part
before a linking ``s``/``e`` and a Danish word (``kapacitet|s|udvidelse``),
never after a derivational prefix (``u|frivillig``, ``aner|kendelse``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from kvaleval.danish import lemma_table

ENDINGS = ("", "e", "en", "et", "er", "ere", "erne", "ene", "es", "s", "ens", "ets", "ernes",
           "ne", "r", "t", "te", "de", "ede", "ende", "n")
"""Regular Danish inflectional endings, used for words the lemma table does not know."""

PREFIXES = frozenset(
    """u an be er for ge mis van und aner sam til und gen op ind ud af over mod""".split()
)
"""Derivational prefixes: what stands before a term after one of these is not a compound modifier."""

STOP_COMPOUND = frozenset(
    """hun han den det de der som men og at en et jeg du vi man sig sin sit sine dem mig
    dig os jer har var kan vil skal må får gør går ser tid""".split()
)
"""Short function words that never start a compound (``hun|den`` is not about her)."""

MIN_HEAD = 3
"""A term of at least this many letters may be the head of a compound."""
MIN_START = 4
"""A term of at least this many letters may be the first part of a compound."""
MIN_PART = 3
"""The other part of a compound has at least this many letters."""
_LINKS = ("s", "e")


@cache
def _known_lemmas() -> frozenset[str]:
    return frozenset(lemma_table().values())


def lemma_of(word: str, overrides: Mapping[str, str]) -> str:
    """The lemma of a lower-cased term word: the override, itself if it is a headword, else the table's."""
    if word in overrides:
        return overrides[word]
    if word in _known_lemmas():
        return word
    return lemma_table().get(word, word)


def expand_forms(words: Iterable[str], overrides: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """Map each lower-cased term word to the surface forms it matches (one pass over the table)."""
    words = set(words)
    lemmas = {word: lemma_of(word, overrides) for word in words}
    wanted = set(lemmas.values())
    forms: dict[str, set[str]] = {lemma: {lemma} for lemma in wanted}
    for form, lemma in lemma_table().items():
        lemma = overrides.get(form, lemma)
        if lemma in wanted:
            forms[lemma].add(form)
    for form, lemma in overrides.items():
        if lemma in wanted:
            forms[lemma].add(form)
    result = {}
    table = lemma_table()
    for word, lemma in lemmas.items():
        found = forms[lemma] | {word}
        if word not in table and word not in _known_lemmas():
            found |= {word + ending for ending in ENDINGS}
            if word.endswith("e"):
                found |= {word[:-1] + ending for ending in ENDINGS if ending}
        result[word] = frozenset(form for form in found if form)
    return result


def is_word(text: str) -> bool:
    return text in lemma_table()


def modifier_ok(modifier: str) -> bool:
    """Is ``modifier`` a plausible first part of a compound whose head is a term?"""
    if len(modifier) < MIN_PART or modifier in PREFIXES:
        return False
    if is_word(modifier) or (modifier[-1] in _LINKS and is_word(modifier[:-1])):
        return True
    # Modifiers that are compounds themselves ("børnefamilie") are long; accept those.
    return len(modifier) >= 7


def tail_ok(tail: str) -> bool:
    """Is ``tail`` (what follows a term inside a word) the rest of a compound?"""
    for rest in (tail, tail[1:] if tail[:1] in _LINKS else None):
        if rest and len(rest) >= MIN_PART + 1 and (is_word(rest) or len(rest) >= 8):
            return True
    return False


def compound_ok(term: str, prefix: str, suffix: str) -> bool:
    """May a hit of ``term`` with ``prefix`` before it and ``suffix`` after it in one word count?"""
    if term in STOP_COMPOUND:
        return False
    if prefix and (len(term) < MIN_HEAD or not modifier_ok(prefix)):
        return False
    if suffix and (len(term) < MIN_START or not tail_ok(suffix)):
        return False
    return True
