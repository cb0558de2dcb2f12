"""Codebook patterns: the anchored matcher finds what spaCy finds over every text, and skips the rest."""

from __future__ import annotations

import os
from functools import cache

import spacy
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.matcher import Matcher

from kvaleval.coding.patterns import PatternMatcher, pattern_anchor
from kvaleval.danish import lemma_table
from kvaleval.records import Code, Codebook

EXAMPLES = int(os.environ.get("KVALEVAL_FUZZ_EXAMPLES", "200"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PATTERNS = {
    "vente": [[{"LEMMA": "vente"}, {"LOWER": "i"}, {"IS_DIGIT": True, "OP": "?"},
               {"LOWER": {"IN": ["måneder", "uger"]}}]],
    "mentor": [[{"lower": "min", "OP": "?"}, {"ORTH": "Mentor"}, {"LOWER": {"NOT_IN": ["ordning"]}}]],
    "tryg": [[{"LEMMA": "tryghed"}], [{"LEMMA": "tryg"}, {"LOWER": "i", "OP": "!"}]],
    "job": [[{"TEXT": {"REGEX": "^[Jj]ob"}}, {"LEMMA": "hjælpe", "OP": "+"}]],
    "regex": [[{"TEXT": {"REGEX": "^[Jj]ob"}}, {"LOWER": "og", "OP": "?"}]],
    "kroner": [[{"IS_DIGIT": True}, {"LOWER": "kr."}], [{"LOWER": "'en"}]],  # anchors not edged by letters
}
WORDS = ["Vi", "vi", "ventede", "venter", "Venter", "vente", "ventetid", "i", "I", "3", "måneder", "Måneder",
         "uger", "ugerne", "min", "Mentor", "mentor", "MENTOR", "ordning", "mentorordning", "tryghed", "trygt",
         "tryg", "utryg", "job", "Jobbet", "jobcentret", "hjalp", "hjælper", "ikke", "og", "på", "svar",
         "vejleder", "køen", "Køen", "İstanbul", "ÆBLE", "kr.", "500", "succes'en", "'en", "en", "Ovenpå"]
PUNCTUATION = ["", "", "", ".", ",", "!", "?", "-", " -"]
JOINERS = [" ", " ", " ", " ", "", "-", "'", "3"]
"""Between two words: mostly a space, sometimes nothing (an anchor inside a longer word), a hyphen,
an apostrophe or a digit."""


@cache
def _codebook(names: tuple[str, ...]) -> Codebook:
    codes = tuple(Code(name=name, label=name, patterns=tuple(map(tuple, PATTERNS[name]))) for name in names)
    return Codebook(name="mønstre", codes=codes, lemmas=(("ventetid", "vente"), ("køen", "vente")))


@cache
def _pattern_matcher(names: tuple[str, ...]) -> PatternMatcher:
    return PatternMatcher(_codebook(names))


@cache
def _spacy_matcher(names: tuple[str, ...]) -> tuple[Language, Matcher, dict[int, tuple[int, str]]]:
    nlp = spacy.blank("da")
    matcher = Matcher(nlp.vocab)
    keys = {}
    for index, code in enumerate(_codebook(names).codes):
        for number, pattern in enumerate(code.patterns, start=1):
            matcher.add(f"{code.name}#{number}", [list(pattern)])
            keys[nlp.vocab.strings[f"{code.name}#{number}"]] = (index, f"mønster {number}")
    return nlp, matcher, keys


def _reference(names: tuple[str, ...], texts: list[str]) -> list[tuple[int, int, str, int, int]]:
    """spaCy's Matcher over every text, lemmas from the whole table: what kvaleval did before anchors."""
    codebook = _codebook(names)
    nlp, matcher, keys = _spacy_matcher(names)
    table = lemma_table()
    overrides = dict(codebook.lemmas)
    found = []
    for row, doc in enumerate(nlp.pipe(texts)):
        for token in doc:
            token.lemma_ = overrides.get(token.lower_) or table.get(token.lower_, token.lower_)
        for match_id, start, end in matcher(doc):
            code, label = keys[match_id]
            found.append((row, code, label, doc[start:end].start_char, doc[start:end].end_char))
    return found


texts_strategy = st.lists(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(PUNCTUATION), st.sampled_from(JOINERS)),
             min_size=0, max_size=12).map(lambda words: "".join(word + mark + joiner for word, mark, joiner in words)),
    min_size=1, max_size=8)


@SETTINGS
@example(texts=["Køen i uger.", "Vi ventede i 3 måneder på İstanbul"], names=["vente"])  # an override's form
@given(texts=texts_strategy,
       names=st.lists(st.sampled_from(sorted(PATTERNS)), min_size=1, max_size=4, unique=True))
def test_patterns_anchored_matches_equal_spacy_over_every_text(texts: list[str], names: list[str]) -> None:
    chosen = tuple(sorted(names))
    found = [(hit.row, hit.code, hit.label, hit.start, hit.end) for hit in _pattern_matcher(chosen).matches(texts)]
    assert found == _reference(chosen, texts)


def test_patterns_only_texts_holding_an_anchor_reach_spacy() -> None:
    matcher = PatternMatcher(_codebook(("vente", "mentor")))
    texts = ["Vi ventede i 3 måneder.", "Intet her.", "Min mentor hjalp.", "VENTETID i uger", "i i i i"]
    assert matcher.candidates(texts) == [0, 2, 3]
    # "hjalp" is a form of the lemma that anchors "job" (its regular expression cannot).
    assert PatternMatcher(_codebook(("mentor", "job"))).candidates(texts) == [2]
    # An anchor inside a longer word is no token: "ventetidsgaranti", "forventede" do not reach spaCy.
    assert matcher.candidates(["Ventetidsgaranti i uger", "vi forventede i uger", "mentorer", "(ventede)"]) == [3]
    # A pattern only a regular expression names is tried on every text.
    assert PatternMatcher(_codebook(("vente", "regex"))).candidates(texts) == [0, 1, 2, 3, 4]


def test_patterns_anchor_is_the_rarest_required_token() -> None:
    anchor = pattern_anchor(PATTERNS["vente"][0], {})
    assert anchor is not None and {"vente", "venter", "ventede"} <= anchor and "i" not in anchor
    assert pattern_anchor([{"LOWER": "i"}, {"LOWER": {"IN": ["uger", "år"]}}], {}) is None  # "år": too short
    assert pattern_anchor([{"LOWER": "måned", "OP": "?"}, {"LOWER": "uge", "OP": "*"}], {}) is None
    assert pattern_anchor([{"LOWER": "ikke", "OP": "!"}, {"lemma": "hjælpe"}], {"hjalp": "hjælpe"}) >= {"hjalp"}
