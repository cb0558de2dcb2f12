"""Danish evaluative words, negation and contrast: the second scan, only over segments with themes.

The word list is AFINN-da (Finn Årup Nielsen, ODbL; read from the ``afinn``
package's data file), plus spoken-Danish additions below, plus the codebook's
``valence:`` lists. Matching is literal (AFINN lists its forms), whole words and
phrases, longest match first, so "ved godt" (neutral) hides "godt" (+3).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import NamedTuple

import ahocorasick
import numpy as np

from kvaleval.coding.matcher import letters_and_codes, raw_hits, spaced_letters
from kvaleval.danish import NEGATIONS

POSITIVE, NEGATIVE, NEUTRAL, NEGATION, CONTRAST = 1, -1, 0, 2, 3

SPOKEN_POSITIVE = {
    "guld værd": 4, "kæmpe forskel": 3, "stor forskel": 3, "gjort en forskel": 3, "gør en forskel": 3,
    "skægt": 2, "sjovt": 2, "mega godt": 3, "rigtig godt": 3, "super godt": 3, "fedt": 3, "skønt": 3, "dejligt": 3,
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
    # what "could be improved" or "must be improved" is criticism, not praise ("forbedret" stays praise)
    "forbedre": -1, "forbedres": -1,
    "bekymret": -2, "bekymrede": -2, "bøvl": -2, "bøvlet": -2, "bøvlede": -2,
    # in an evaluation a challenge is a difficulty (AFINN-da gives "udfordringen" +1)
    "udfordring": -1, "udfordringen": -1, "udfordringer": -1, "udfordringerne": -1, "udfordrende": -1,
}
DISCOURSE = (
    "griner", "ler", "smiler", "ja", "jo", "nej", "nå", "okay", "ok", "når", "tak", "fik", "undskyld",
    "enig", "enige", "aftale", "aftalt", "kæreste", "klart", "passe", "bestemt", "kæmpe", "let", "alene",
    "frivillig", "frivillige", "ønske", "ønsker", "gerne", "lige", "mødt",
    "ærlig", "ærligt", "rent", "sikkert", "sandt", "obligatorisk", "obligatoriske",
    "ha", "tro", "venter", "krav",  # a laugh ("ha"), belief, waiting and a demand say nothing of how good
    "haha", "hahaha", "hehe",  # a laugh written out: irony as often as joy
    # paying and consent are things done, not evaluations (AFINN-da: -1, +2): "når man ikke kan betale
    # huslejen" is no praise, "når borgeren har givet samtykke" none either
    "betale", "samtykke", "samtykker",
    # "præcis det, jeg havde tænkt", "jeg ved ikke præcist": exactly, a degree, not precision praised;
    # "folk, der gider": care to, no complaint
    "præcis", "præcist", "gider",
    # "Jeg kan ikke hjælpe ham med matematik" (so the homework café does): the speaker's own limit, the
    # need the effort meets, no criticism of it
    "jeg kan ikke hjælpe", "kan jeg ikke hjælpe", "jeg kunne ikke hjælpe", "kunne jeg ikke hjælpe",
)
"""AFINN-da words that in transcribed speech are answers, fillers, transcription marks ("[griner]")
or plain nouns, not evaluations; "ærligt talt" opens a complaint as often as praise."""
NEUTRALISED = (
    "ved godt", "vidste godt", "kan godt", "kunne godt", "vil gerne", "godt nok", "godt og vel",
    "nok så", "så godt som", "godt at vide", "godt spørgsmål", "ja godt", "nå godt", "okay godt",
    "godt så", "tak", "mange tak", "fint nok", "går an", "vil godt", "ville godt", "må godt", "måtte godt",
    "forstår godt", "forstod godt", "forstå godt", "husker godt", "kender godt", "kendte godt",
    # "AKT-vejlederne, uden tvivl": certainty, no doubt about the thing
    "uden tvivl", "ingen tvivl", "ingen tvivl om", "ikke i tvivl", "ikke tvivl om",
    # "det er jeg sikker på": certainty, not safety
    "sikker på", "sikre på",
    # "behandleren sørgede for, at ...": saw to it, not grief (AFINN-da: "sørgede" -2); "jeg må
    # indrømme, at hun har det bedre": a concession that opens praise as often as criticism
    "sørge for", "sørger for", "sørgede for", "sørget for", "må indrømme", "skal indrømme", "må jeg indrømme",
    "skal jeg indrømme", "jeg indrømmer", "må man indrømme",
    # "Det er svært at sige": a hedge, not a difficulty; "børn, der har det svært": whom it is for, not
    # how the effort does
    "svært at sige", "svært at svare på", "har det svært", "havde det svært",
    # "Det kunne man godt forbedre", "Det kan jeg godt forstå": a modal's "godt" with the subject between
    # and "Det forstår jeg godt", "Det ved jeg godt": knowing or understanding well is no evaluation
    *(f"{modal} {subject} godt" for modal in ("kan", "kunne", "vil", "ville", "må", "måtte", "forstår", "forstod",
                                             "ved", "vidste", "kender", "kendte", "husker")
      for subject in ("man", "jeg", "du", "vi", "de", "han", "hun", "det", "den", "i")),
)
CONTRASTS = ("men", "dog", "alligevel", "selvom", "omvendt", "derimod", "til gengæld")
TAG_QUESTIONS = ("ikke også", "ik også", "ikke sandt", "ikk også")
"""Spoken tag questions end a clause; their "ikke" negates nothing."""


_ADJECTIVE_ENDINGS = ("ig", "som", "sk", "bar", "fuld", "løs", "ent", "ant", "iv")
SPOKEN_FORMS = {"gode": 3, "flink": 2, "flinke": 2, "flinkt": 2, "hjælpsom": 2, "hjælpsomme": 2, "trygge": 2,
                "rare": 2, "rart": 2, "søde": 2, "sødt": 2}
"""Adjective forms AFINN-da lacks ("gode": it lists "god" and "godt")."""


@cache
def adjective_forms() -> dict[str, int]:
    """The plural and neuter forms of AFINN-da's adjectives that it does not list itself
    (``venlig`` -> ``venlige``, ``venligt``; ``kompetent`` -> ``kompetente``), known by their
    ending, and the neuter of every other word (``slem`` -> ``slemt``, ``katastrofal`` ->
    ``katastrofalt``) that is a Danish word, with the base form's score; asked of the lemma
    index in one go."""
    from kvaleval.lemmas import is_word, know_words, lemmas

    scores = afinn_da()
    candidates: dict[str, int] = {}
    bases: dict[str, str] = {}
    ending_forms: set[str] = set()
    for word, score in scores.items():
        if " " in word or len(word) < 3:
            continue
        if word.endswith(_ADJECTIVE_ENDINGS) and len(word) >= 4:
            double = word[:-1] + word[-1] * 2 if word.endswith("som") else word  # hjælpsom -> hjælpsomme
            forms: tuple[str, ...] = (double + "e", *(() if word.endswith(("sk", "t")) else (word + "t",)))
        else:  # the neuter of any other adjective the list has (slem -> slemt, hård -> hårdt)
            forms = () if word.endswith(("t", "e", "s")) else (word + "t",)
        for form in forms:
            if form not in scores:
                candidates[form] = score
                bases[form] = word
                if word.endswith(_ADJECTIVE_ENDINGS) and len(word) >= 4:
                    ending_forms.add(form)
    know_words(candidates)
    found = {form: score for form, score in candidates.items() if is_word(form)}
    # a neuter beyond the known endings only where the table says it is the word's (not fordel -> fordelt)
    table = lemmas()
    return {form: score for form, score in found.items()
            if form in ending_forms or table.lemma(form) == bases[form]}


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


class Cue(NamedTuple):
    """An evaluative word, negation, contrast or neutral phrase at ``text[start:end]``.

    A named tuple: a scan makes millions of them, and a tuple is built several times faster
    than a frozen dataclass.
    """

    start: int
    end: int
    kind: int
    score: int
    text: str


class ValenceScanner:
    """Finds evaluative words, negations and contrast markers in lower-cased text."""

    def __init__(self, positive: Iterable[str] = (), negative: Iterable[str] = ()) -> None:
        words: dict[str, tuple[int, int]] = {}
        for word, score in {**adjective_forms(), **afinn_da(), **SPOKEN_FORMS, **SPOKEN_POSITIVE,
                            **SPOKEN_NEGATIVE}.items():
            words[word] = (POSITIVE if score > 0 else NEGATIVE if score < 0 else NEUTRAL, score)
        for phrase in (*NEUTRALISED, *DISCOURSE):
            words[phrase] = (NEUTRAL, 0)
        for word in NEGATIONS:
            words[word] = (NEGATION, 0)
        for word in CONTRASTS:
            words[word] = (CONTRAST, 0)
        for phrase in TAG_QUESTIONS:
            words[phrase] = (NEUTRAL, 0)
        # The codebook's own words last: the evaluator's "fint nok: positive" beats the built-in neutral one.
        for word in positive:
            words[word.lower().strip()] = (POSITIVE, 2)
        for word in negative:
            words[word.lower().strip()] = (NEGATIVE, -2)
        self.words: Mapping[str, tuple[int, int]] = words
        self._entries = [(word, kind, score) for word, (kind, score) in words.items() if word]
        self._lengths = np.array([len(word) for word, _, _ in self._entries], dtype=np.int64)
        self._kinds = np.array([kind for _, kind, _ in self._entries], dtype=np.int64)
        # A cue that begins and ends with a letter is looked for as " key " in the text with every
        # non-letter made a space (the key: the cue with its non-letters made spaces), so that only
        # its whole-word places are reported: most raw hits of a short word are inside longer words.
        # Where the cue holds other characters than letters, each place is checked against the text
        # ("ved-godt" is not "ved godt"). The few others ("ok.") are looked for in the text as it is.
        keys: dict[str, list[int]] = {}
        self._others = ahocorasick.Automaton(ahocorasick.STORE_INTS, ahocorasick.KEY_STRING)
        for index, (word, _, _) in enumerate(self._entries):
            if word[0].isalpha() and word[-1].isalpha():
                keys.setdefault("".join(char if char.isalpha() else " " for char in word), []).append(index)
            else:
                self._others.add_word(word, index)
        self._words = ahocorasick.Automaton(ahocorasick.STORE_INTS, ahocorasick.KEY_STRING)
        for number, key in enumerate(keys):
            self._words.add_word(f" {key} ", number)
        self._key_entries = list(keys.values())
        self._key_entry = np.array([entries[0] for entries in self._key_entries], dtype=np.int64)
        self._key_checked = np.array([len(entries) > 1 or not self._entries[entries[0]][0].isalpha()
                                      for entries in keys.values()], dtype=bool)
        for automaton in (self._words, self._others):
            if len(automaton):
                automaton.make_automaton()

    def scan(self, text: str) -> list[Cue]:
        """Whole-word cues in lower-cased ``text``; a longer cue hides the ones inside it."""
        return self.scan_many([text])[0]

    def scan_many(self, texts: Sequence[str], kinds: Iterable[int] | None = None) -> list[list[Cue]]:
        """:meth:`scan` of each of ``texts``, in one pass of the automaton over them all.

        ``kinds`` keeps only cues of those kinds (after longer cues have hidden shorter ones).
        """
        found: list[list[Cue]] = [[] for _ in texts]
        joined = "\n".join(texts)  # no cue holds a line break, so none runs from one text into the next
        if not self._entries or not joined:
            return found
        alpha, codes = letters_and_codes(joined)
        words = raw_hits(self._words, spaced_letters(alpha, codes))
        # A padded key ends on the space after the cue, which in the spaced text is one further on.
        word_index, word_end = self._key_entry[words[:, 1]], words[:, 0] - 1
        checked = np.flatnonzero(self._key_checked[words[:, 1]])
        if len(checked):
            kept = np.ones(len(word_index), dtype=bool)
            for at, key, last in zip(checked.tolist(), words[checked, 1].tolist(), word_end[checked].tolist(),
                                     strict=True):
                entry = next((entry for entry in self._key_entries[key]
                              if joined[last - len(self._entries[entry][0]) : last] == self._entries[entry][0]), -1)
                kept[at] = entry >= 0
                word_index[at] = entry
            word_index, word_end = word_index[kept], word_end[kept]
        others = raw_hits(self._others, joined)
        index = np.concatenate([word_index, others[:, 1]])
        end = np.concatenate([word_end, others[:, 0] + 1])
        start = end - self._lengths[index]
        size = len(joined)
        whole = ~((start > 0) & alpha[np.maximum(start - 1, 0)]) & ~((end < size) & alpha[np.minimum(end, size - 1)])
        index, start, end = index[whole], start[whole], end[whole]
        order = np.lexsort((start - end, start))  # by start, the longer first
        index, start, end = index[order], start[order], end[order]
        keep = _greedy_non_overlapping(start, end)
        index, start, end = index[keep], start[keep], end[keep]
        wanted = frozenset(kinds) if kinds is not None else None
        if wanted is not None:
            chosen = np.isin(self._kinds[index], [*wanted, NEGATION])  # a negation may turn out a tag question
            index, start, end = index[chosen], start[chosen], end[chosen]
        offsets = np.zeros(len(texts) + 1, dtype=np.int64)
        offsets[1:] = np.cumsum([len(text) + 1 for text in texts])
        rows = np.searchsorted(offsets, start, side="right") - 1
        entries = self._entries
        for row, first, last, i, kind in zip(rows.tolist(), (start - offsets[rows]).tolist(),
                                             (end - offsets[rows]).tolist(), index.tolist(),
                                             self._kinds[index].tolist(), strict=True):
            word, _, score = entries[i]
            if kind == NEGATION and _is_tag_question(texts[row], first, last):
                kind = NEUTRAL
            if wanted is None or kind in wanted:
                found[row].append(Cue(first, last, kind, score, word))
        return found


def _greedy_non_overlapping(start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Which spans (sorted by start, the longer first) a left-to-right pass keeps: each that starts
    at or after the end of the last one kept.

    Solved with arrays: assume every span is kept, keep those that start after all earlier kept
    ones end, and repeat until nothing changes. The first place where a guess is wrong is put
    right in the next round, so a chain of k overlapping spans takes k rounds.
    """
    keep = np.ones(len(start), dtype=bool)
    for _ in range(MAX_ROUNDS):
        reach = np.maximum.accumulate(np.where(keep, end, -1)) if len(end) else end
        before = np.concatenate([[-1], reach[:-1]]) if len(end) else end
        again = start >= before
        if np.array_equal(again, keep):
            return keep
        keep = again
    last_end = -1  # a long chain: the plain loop
    for i, (first, last) in enumerate(zip(start.tolist(), end.tolist(), strict=True)):
        keep[i] = first >= last_end
        if keep[i]:
            last_end = last
    return keep


MAX_ROUNDS = 8


def _is_tag_question(text: str, start: int, end: int) -> bool:
    """``, ikke?`` / ``, ik'`` at the end of a clause asks for agreement; it does not negate."""
    before = text[max(0, start - 2) : start].strip()
    after = text[end : end + 2].lstrip("'’ ")
    return before.endswith(",") and (not after or after[0] in "?,.!\n")
