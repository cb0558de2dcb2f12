"""Danish evaluative words, negation and contrast: the second scan, only over segments with themes.

The word list is AFINN-da (Finn Årup Nielsen, ODbL; read from the ``afinn``
package's data file), plus spoken-Danish additions below, plus the codebook's
``valence:`` lists. Matching is literal (AFINN lists its forms), whole words and
phrases, longest match first, so "ved godt" (neutral) hides "godt" (+3).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

import ahocorasick

from kvaleval.danish import NEGATIONS

POSITIVE, NEGATIVE, NEUTRAL, NEGATION, CONTRAST = 1, -1, 0, 2, 3

SPOKEN_POSITIVE = {
    "guld værd": 4, "kæmpe forskel": 3, "stor forskel": 3, "gjort en forskel": 3, "gør en forskel": 3,
    "mega godt": 3, "rigtig godt": 3, "super godt": 3, "fedt": 3, "skønt": 3, "dejligt": 3,
    "dejlig": 3, "tryg": 2, "trygt": 2, "tryghed": 2, "glad for": 3, "glade for": 3, "tilfreds": 2,
    "tilfredse": 2, "brugbar": 2, "brugbart": 2, "brugbare": 2, "nyttig": 2, "nyttigt": 2,
    "nyttige": 2, "værdifuld": 3, "værdifuldt": 3, "uundværlig": 3, "hjulpet": 2, "hjalp": 2,
    "lettet": 2, "lettere": 1, "bedre": 2, "fungerer godt": 3, "virker": 1, "virkede": 1,
    "positiv": 2, "positivt": 2, "positive": 2, "god idé": 2, "godt tiltag": 3, "et løft": 2,
}
SPOKEN_NEGATIVE = {
    "træls": -2, "spild af tid": -3, "ikke det store": -2, "for få": -2, "for lidt": -2,
    "for lang": -2, "for langt": -2, "for sent": -2, "mangler": -2, "manglede": -2, "mangel": -2,
    "frustrerende": -2, "frustreret": -2,
    "svært": -2, "svær": -2, "svære": -2, "problem": -2, "problemer": -2, "skeptisk": -2,
    "skeptiske": -2, "forvirrende": -2, "forvirret": -2, "forvirring": -2, "uklart": -2,
    "ingen anelse": -2, "aner ikke": -2, "utryg": -2, "utrygt": -2, "presset": -2, "pressede": -2,
    "overbebyrdet": -2, "overbelastet": -2, "negativ": -2, "negativt": -2, "desværre": -2,
    "skuffet": -2, "skuffende": -2, "irriterende": -2, "ærgerligt": -2, "blande sig": -2,
    "blander sig": -2,
}
DISCOURSE = (
    "griner", "ler", "smiler", "ja", "jo", "nej", "nå", "okay", "ok", "når", "tak", "fik", "undskyld",
    "enig", "enige", "aftale", "aftalt", "kæreste", "klart", "passe", "bestemt", "kæmpe", "let", "alene",
    "frivillig", "frivillige", "ønske", "ønsker", "gerne", "lige",
)
"""AFINN-da words that in transcribed speech are answers, fillers, transcription marks ("[griner]")
or plain nouns, not evaluations."""
NEUTRALISED = (
    "ved godt", "vidste godt", "kan godt", "kunne godt", "vil gerne", "godt nok", "godt og vel",
    "nok så", "så godt som", "godt at vide", "godt spørgsmål", "ja godt", "nå godt", "okay godt",
    "godt så", "tak", "mange tak", "fint nok", "går an",
)
CONTRASTS = ("men", "dog", "alligevel", "selvom", "omvendt", "derimod", "til gengæld")
TAG_QUESTIONS = ("ikke også", "ik også", "ikke sandt", "ikk også")
"""Spoken tag questions end a clause; their "ikke" negates nothing."""


@cache
def afinn_da() -> dict[str, int]:
    """The AFINN-da word list: form or phrase -> score from -5 to 5."""
    data = resources.files("afinn").joinpath("data", "AFINN-da-32.txt")
    scores: dict[str, int] = {}
    for line in data.read_text(encoding="utf-8").splitlines():
        word, _, score = line.rpartition("\t")
        if word and score.lstrip("-").isdigit():
            scores[word.strip().lower()] = int(score)
    return scores


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    kind: int
    score: int
    text: str


class ValenceScanner:
    """Finds evaluative words, negations and contrast markers in lower-cased text."""

    def __init__(self, positive: Iterable[str] = (), negative: Iterable[str] = ()) -> None:
        words: dict[str, tuple[int, int]] = {}
        for word, score in {**afinn_da(), **SPOKEN_POSITIVE, **SPOKEN_NEGATIVE}.items():
            words[word] = (POSITIVE if score > 0 else NEGATIVE if score < 0 else NEUTRAL, score)
        for word in positive:
            words[word.lower().strip()] = (POSITIVE, 2)
        for word in negative:
            words[word.lower().strip()] = (NEGATIVE, -2)
        for phrase in (*NEUTRALISED, *DISCOURSE):
            words[phrase] = (NEUTRAL, 0)
        for word in NEGATIONS:
            words[word] = (NEGATION, 0)
        for word in CONTRASTS:
            words[word] = (CONTRAST, 0)
        for phrase in TAG_QUESTIONS:
            words[phrase] = (NEUTRAL, 0)
        self.words: Mapping[str, tuple[int, int]] = words
        self.automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        for word, (kind, score) in words.items():
            if word:
                self.automaton.add_word(word, (word, kind, score))
        self.automaton.make_automaton()

    def scan(self, text: str) -> list[Cue]:
        """Whole-word cues in lower-cased ``text``; a longer cue hides the ones inside it."""
        found = []
        for last, (word, kind, score) in self.automaton.iter(text):
            end = last + 1
            start = end - len(word)
            if (start > 0 and text[start - 1].isalpha()) or (end < len(text) and text[end].isalpha()):
                continue
            if kind == NEGATION and _is_tag_question(text, start, end):
                kind = NEUTRAL
            found.append(Cue(start, end, kind, score, word))
        found.sort(key=lambda cue: (cue.start, -(cue.end - cue.start)))
        kept: list[Cue] = []
        reach = -1
        for cue in found:
            if cue.end <= reach:
                continue
            if kept and cue.start < reach:
                continue
            kept.append(cue)
            reach = cue.end
        return kept


def _is_tag_question(text: str, start: int, end: int) -> bool:
    """``, ikke?`` / ``, ik'`` at the end of a clause asks for agreement; it does not negate."""
    before = text[max(0, start - 2) : start].strip()
    after = text[end : end + 2].lstrip("'’ ")
    return before.endswith(",") and (not after or after[0] in "?,.!\n")
