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
from functools import lru_cache

from kvaleval.lemmas import is_word, lemmas

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
NOT_TAILS = frozenset({*(ending for ending in ENDINGS if len(ending) >= MIN_PART), "ret", "ren", "rne",
                       "lig", "hed", "som", "dom", "bar", "ske", "sig"})
"""Short words that end a word as an inflection (``center|ret``) or a derivation (``tryg|hed``),
not as the head of a compound."""


def lemma_of(word: str, overrides: Mapping[str, str]) -> str:
    """The lemma of a lower-cased term word: the override, itself if it is a headword, else the table's."""
    if word in overrides:
        return overrides[word]
    if lemmas().is_lemma(word):
        return word
    return lemmas().lemma(word) or word


def expand_forms(words: Iterable[str], overrides: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """Map each lower-cased term word to the surface forms it matches.

    The forms the table lists for the word's lemma, less those the codebook gives another
    lemma, plus those the codebook gives this one (and a present tense's verb forms, :func:`_present_of`).
    """
    words = set(words)
    lemma_by_word = {word: lemma_of(word, overrides) for word in words}
    verbs = {word: _present_of(word, overrides) for word in words}
    forms: dict[str, set[str]] = {}
    for lemma in set(lemma_by_word.values()):
        found = {lemma, *(form for form in lemmas().forms(lemma) if overrides.get(form, lemma) == lemma)}
        forms[lemma] = _completed(lemma, found) | {form for form, its_lemma in overrides.items()
                                                   if its_lemma == lemma}
    result = {}
    for word, lemma in lemma_by_word.items():
        if word.isdigit():  # a number has no inflections ("10" is not "10ere")
            result[word] = frozenset({word})
            continue
        # "sundere" is a change, not "sund" (and a comparative has no forms), unless the codebook's lemmas say so
        if word not in overrides and is_comparative(word, lemma):
            result[word] = frozenset({word})
            continue
        found = forms[lemma] | {word} | verbs[word]
        if not is_word(word) and not lemmas().is_lemma(word):
            found |= {word + ending for ending in ENDINGS}
            if word.endswith("e"):
                found |= {word[:-1] + ending for ending in ENDINGS if ending}
            found |= _compound_forms(word, overrides)
        result[word] = frozenset(form for form in found if form)
    return result


def is_comparative(word: str, lemma: str) -> bool:
    """Is ``word`` the comparative of the adjective ``lemma`` (``sundere`` of ``sund``, ``længere`` of
    ``lang``): the table lists it with a superlative (``sundeste``). Not a plural noun in ``-ere`` (``borgere``)."""
    return (word.endswith("ere") and word != lemma and not lemma.endswith(("er", "e"))
            and word in (forms := lemmas().forms(lemma)) and any(form.endswith("ste") for form in forms))


def _present_of(word: str, overrides: Mapping[str, str]) -> frozenset[str]:
    """The verb forms of ``word`` as a present tense, where the table files it under a noun of its own
    (``lytter`` a listener, ``ringer``, ``stopper``: ``lyttede``, ``ringede``, ``stoppet``)."""
    if word in overrides or not word.endswith("er") or not lemmas().is_lemma(word):
        return frozenset()
    verb = word[:-1]
    if lemmas().lemma(word) != verb or not lemmas().is_lemma(verb):
        return frozenset()
    stem = verb[:-1]  # the infinitive's -e off: lytt|ede, ring|et
    inflected = {verb, verb + "r", verb + "s", verb + "de", verb + "t",
                 stem + "ede", stem + "te", stem + "et", stem + "t"}
    return frozenset(inflected & {verb, *lemmas().forms(verb)})


def is_participle(word: str, overrides: Mapping[str, str]) -> bool:
    """Is ``word`` the present participle of a verb (``opsøgende`` of ``opsøge``, ``gående`` of ``gå``)?
    As a theme word it is the adjective: the verb's forms ("De er gode til at opsøge andre") are not it."""
    lemma = lemma_of(word, overrides) if word.endswith("ende") else word
    return word != lemma and word in (lemma + "nde", lemma + "ende")


def _completed(lemma: str, forms: set[str]) -> set[str]:
    """The table's forms of ``lemma`` with the gaps it is known to have filled in.

    - A noun in unstressed ``-er`` whose table lists a contracted form (``centrene``) gets the
      whole contracted paradigm (``centret``, ``centre``, ``centrets``): the table gives
      ``centret`` to ``centrum`` only.
    - An adjective (it has a neuter ``-t``) gets its ``-e`` form where that is a word of its own
      (``ung`` -> ``unge``, which the table files under the noun ``unge``).
    """
    completed = set(forms)
    if lemma.endswith("er") and len(lemma) > 4 and lemma[-3] not in "aeiouyæøå":
        stem = lemma[:-2] + "r"
        if any(form.startswith(stem) for form in forms):
            completed |= {stem + ending for ending in ("e", "es", "et", "ets", "ene", "enes")}
    if lemma + "t" in forms and lemma + "e" not in forms and is_word(lemma + "e"):
        completed.add(lemma + "e")
    return completed


def _compound_forms(word: str, overrides: Mapping[str, str]) -> set[str]:
    """Forms of a compound the table does not know, by the forms of its head (``job|center`` ->
    ``jobcentret``, ``jobcentre``): the longest head that is a headword after a modifier that may
    start a compound."""
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head = word[cut:]
        if lemmas().is_lemma(head) and modifier_ok(word[:cut]):
            return {word[:cut] + form for form in expand_forms([head], overrides)[head]}
    return set()


def modifier_ok(modifier: str) -> bool:
    """Is ``modifier`` a plausible first part of a compound whose head is a term?"""
    if len(modifier) < MIN_PART or modifier in PREFIXES:
        return False
    # A linking letter after a word of its own: not after two letters (el|e|ven is "eleven")
    if is_word(modifier) or (modifier[-1] in _LINKS and len(modifier) > MIN_PART and is_word(modifier[:-1])):
        return True
    # Modifiers that are compounds themselves ("børnefamilie") are long; accept those.
    return len(modifier) >= 7


DERIVATION_SUFFIXES = ("hed", "skab", "dom", "lig", "som")
"""Suffixes that make a new word of a term (``tryg|hed``, ``fælles|skab``): what follows them in the
same word is an inflection (``tryg|heden``) or a compound on the derived word (``tryg|hed|s|alarm``)."""


def tail_ok(tail: str) -> bool:
    """Is ``tail`` (what follows a term inside a word) the rest of a compound?"""
    for suffix in DERIVATION_SUFFIXES:
        after = tail.removeprefix(suffix)
        while after != tail and after.startswith(DERIVATION_SUFFIXES):  # a chain: virk|som|hed|s|konsulent
            after = after.removeprefix(next(s for s in DERIVATION_SUFFIXES if after.startswith(s)))
        doubled = after[:1] == suffix[-1] and after[1:] in ENDINGS  # ung|dom|men
        if after != tail and (after in ENDINGS or after.startswith("s") or doubled):
            return False
    for rest in (tail, tail[1:] if tail[:1] in _LINKS else None):
        if rest and len(rest) >= MIN_PART and rest not in NOT_TAILS and (is_word(rest) or len(rest) >= 8):
            return True
    return False


def splits_a_suffix(last: str, tail: str) -> bool:
    """Do a term's last letter, a linking letter, and what follows it spell a derivation suffix?
    (``vens`` in ``venskabsgruppen`` is ``ven|skab``, not the genitive ``vens`` and ``kabsgruppen``)."""
    return last in _LINKS and (last + tail).startswith(DERIVATION_SUFFIXES)


@lru_cache(maxsize=1 << 16)
def another_word(word: str, tail: str) -> bool:
    """Is ``word`` (a term's form and a short ``tail``) a word of its own rather than a compound?
    ``venter`` is a form of ``vente``, not ``ven|ter``: the table knows the word, and its lemma does
    not end in the tail's (``boligråd`` does end in ``råd``; longer tails are left to :func:`tail_ok`)."""
    if len(tail) > MIN_PART:
        return False
    table = lemmas()
    lemma = word if table.is_lemma(word) else table.lemma(word)
    if not lemma:
        return False
    head = table.lemma(tail) or tail
    return not lemma.endswith(tail) and not (len(head) >= MIN_PART and lemma.endswith(head))


def compound_ok(term: str, prefix: str, suffix: str, form: str = "") -> bool:
    """May a hit of ``term`` (found as ``form``, the inflected letters in the text) with ``prefix``
    before it and ``suffix`` after it in one word count?"""
    if term in STOP_COMPOUND:
        return False
    if prefix and (len(term) < MIN_HEAD or not modifier_ok(prefix)):
        return False
    if suffix and (len(term) < MIN_START or not tail_ok(suffix) or splits_a_suffix(term[-1:], suffix)
                   or (form and another_word(form + suffix, suffix))):
        return False
    return True
