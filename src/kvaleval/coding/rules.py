"""The Danish rule coder: weighted evidence per theme, a threshold per theme.

For each respondent segment and code the evidence is the sum of

- the weights of the distinct codebook terms found (words with inflections and
  compounds, phrases with small gaps), minus hits inside an ``exclude_terms`` hit;
- the weights of the ``near`` cues that fire (items within a window of words);
- for a short answer ("Ja, bestemt"), the evidence of the question it answers.

The segment is coded when the evidence reaches the code's threshold; the score is
``evidence / (evidence + threshold)``, so 0.5 is the line. Negation near a term is
recorded and flips the term's valence. Segments are read in batches: one automaton
pass over a batch, then each term is looked for in all of its segments at once
(:mod:`kvaleval.coding.batch`), with the same result as reading each segment alone.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from kvaleval._gc import gc_paused
from kvaleval._progress import per_second
from kvaleval.coding.batch import (
    BatchHits,
    Matches,
    Spans,
    drop_inner_parts,
    drop_overlapping,
    first_per_row,
    near,
)
from kvaleval.coding.matcher import (
    EXCLUDE,
    LEXICON,
    TERM,
    Entry,
    Matcher,
    code_points,
    lower,
    split_phrase,
)
from kvaleval.coding.patterns import PatternMatcher
from kvaleval.coding.valence import NEGATION, NEGATIVE, POSITIVE, Cue, ValenceScanner
from kvaleval.danish import (
    ASKS_BACK,
    FILLERS,
    NEGATIONS,
    NO_ANSWER,
    answers_nothing,
    asks,
    asks_about_trouble,
    invites_comment_many,
    is_polar_question,
    opens_with_yes_or_no,
    says_nothing,
    without_reply_particle,
    yes_opens_an_account,
)
from kvaleval.errors import shorten
from kvaleval.lemmas import is_word
from kvaleval.records import BUILTIN_LEXICONS, Codebook, Term

SHORT_ANSWER_WORDS = 8
NEUTRAL_TERM = 2
"""A term's polarity when the codebook says ``valence: neutral`` (``alarm`` is negative in AFINN-da, a
"tryghedsalarm" is no complaint): the word's own polarity is not looked up, and negating it says nothing."""
SCAN_BATCH = 20_000
"""Segments read together: long runs in C and numpy, bounded memory (measured on 10M words:
20,000 a batch code 0.4-1.1 s faster than 10,000 for 50 MB more at the peak, 930-950 MB)."""
VALENCE_BATCH = 5_000
"""Findings whose valence is decided at a time: their segments' cues are many small objects
(measured on 10M words, 4 runs each: a peak of 880-910 MB instead of 940-990 MB with 20,000,
and coding times within the run-to-run noise)."""
QUESTION_WEIGHT = 0.5
NEGATION_BEFORE = 3
NEGATION_AFTER = 2
_DOES_NOT_KNOW = re.compile(r"\b(?:ved|kender|aner)\s+(?:jeg\s+|vi\s+)?(?:\w+\s+)?ikke\b|\bkan\s+ikke\s+svare",
                            re.IGNORECASE)
"""An answer that says it does not know what was asked about (``ved ikke``, ``kender det ikke``,
``aner ikke``, ``kan ikke svare``)."""
_CLAUSE_BREAK = re.compile(r"[.;:!?]|,\s*(?:men|dog|selvom)\b|\bmen\b")
_CLAUSE_OPENERS = r"dog|selvom|hvor|hvilket|at|hvis|når|fordi|da|mens|og|jeg|du|han|hun|vi|i|de|den|det|man"
_SCOPE_BREAK = re.compile(rf"[.;:!?]|\bmen\b|,\s*(?:der|som|{_CLAUSE_OPENERS})\b")
"""What ends a negation's scope: a clause break, or a comma before a word that opens a new clause, a
relative or subordinate one or a main clause with its own subject ("et netværk, jeg ikke havde før":
the negation is the relative clause's; "ikke, den var dårlig"). A comma before other words goes on
with the clause ("ikke tid, penge eller lyst")."""
_CLEFT_SCOPE_BREAK = re.compile(rf"[.;:!?]|\bmen\b|,\s*(?:{_CLAUSE_OPENERS})\b")
"""The same but for a relative "der"/"som": in a cleft sentence ("Det er ikke hænder, der mangler")
the negation denies what the relative clause says."""
_CLEFT = re.compile(r"\bdet (?:er|var)\s+$")
_DECIDING = (POSITIVE, NEGATIVE, NEGATION)
"""The cue kinds a valence is decided from (neutral words and contrasts only hide others)."""
_CLAUSE_MARKS = np.array([ord(char) for char in ".;:!?"], dtype=np.uint32)
_CONTRAST_BREAK = re.compile(r",\s*(?:men|dog|selvom)\b|m(?<=\bm)en\b")
"""The clause breaks other than punctuation (``,\\s*(?:men|dog|selvom)\\b|\\bmen\\b``); no match holds
a punctuation break, so the two are found apart. Each branch begins with a literal, which ``re``
scans for fast (a leading ``\\b`` it tries at every position)."""
_CONDITIONAL = re.compile(r"(?:hvis|når der)\b[^,.;:!?\x00]*")
"""A condition ("Vi ringer, hvis der er problemer", "når der er problemer, ..."), to the end of its
clause: what is named in it is supposed, not said to be so. Matched where the words begin a word."""
_BEFORE_NOW = re.compile(
    r"(?:før(?:hen)?|tidligere|i starten|i begyndelsen)\b[^.;:!?\x00]*?[,.;:!?]\s*(?:(?:men|og)\s+)?nu\b")
"""A sentence that opens with the past and sets now against it ("Før turde jeg ikke snakke med voksne,
nu gør jeg", "Tidligere var det svært. Nu ..."): the change is what is said, so what the past part
says counts the other way. (That it opens a sentence is checked after.)"""
_ANSWER_WORDS = re.compile(r"[^\W\d_]+")
_YES_WORDS = frozenset("ja jo jep jah jamen bestemt absolut klart selvfølgelig sikkert enig præcis nemlig".split())
_NO_WORDS = frozenset("nej nope næ nah nix ikke ik aldrig ingen intet ingenting overhovedet".split())
_INTENSIFIERS = frozenset("meget rigtig virkelig vildt mega super helt enormt".split())


def _whole_words(words: Iterable[str]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word: a run of letters, as :data:`_ANSWER_WORDS` finds them."""
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?![^\W\d_])")


_YES_OR_NO = _whole_words(_YES_WORDS | _NO_WORDS)
_INTENSIFIER = _whole_words(_INTENSIFIERS)
_SUBJECT_INTENSIFIER = re.compile(
    r"\W*meget\s+(?!(?:meget|mere|godt|bedre|dårligt|værre|endda|faktisk)\b)[^\W\d_]", re.IGNORECASE)
"""``Meget`` followed by a word of its clause that is no degree word: the pronoun "much", the subject."""


@dataclass(frozen=True, slots=True)
class CompiledTerm:
    label: str
    slots: tuple[tuple[int, int], ...]  # (entry index, gap before)
    weight: float
    valence: int  # +1, -1 or 0
    words: frozenset[str] = frozenset()  # the term's own words: a negation among them is the term's


@dataclass(frozen=True, slots=True)
class CompiledNear:
    label: str
    items: tuple[tuple[str, int], ...]  # ("lexicon", entry-owner) or ("builtin", kind)
    window: int
    weight: float


@dataclass
class CompiledCode:
    name: str
    threshold: float
    terms: list[CompiledTerm] = field(default_factory=list)
    excludes: list[tuple[tuple[int, int], ...]] = field(default_factory=list)
    near: list[CompiledNear] = field(default_factory=list)


@dataclass(slots=True)
class Finding:
    """Why one code got its evidence in one segment.

    Tuples, not lists: a large corpus has hundreds of thousands of findings, most with
    one or two terms and no near cue or negation, and an empty tuple costs nothing.
    """

    evidence: float = 0.0
    terms: tuple[str, ...] = ()
    near: tuple[str, ...] = ()
    negated: tuple[str, ...] = ()
    question: str = ""
    valence: str = ""
    valence_why: tuple[str, ...] = ()
    spans: tuple[tuple[int, int, frozenset[str], int], ...] = field(default=(), repr=False)


class _Reading(NamedTuple):
    """What the valence of any code in a segment is read from."""

    low: str
    cues: list[Cue]
    negations: list[Cue]
    clause_breaks: list[int]
    hypothetical: Sequence[tuple[int, int]] = ()  # the conditions ("hvis ...") in it
    past: Sequence[tuple[int, int]] = ()  # the past set against now ("Før turde jeg ikke, nu gør jeg")


@dataclass
class Scores:
    """Evidence of every code for every segment scored, and the findings behind it."""

    codes: tuple[str, ...]
    thresholds: np.ndarray
    evidence: np.ndarray  # segments x codes
    findings: dict[tuple[int, int], Finding]

    @cached_property
    def coded(self) -> np.ndarray:
        # Cached: the question context reads it once per answer and code.
        return self.evidence >= self.thresholds - 1e-9

    @property
    def score(self) -> np.ndarray:
        positive = np.clip(self.evidence, 0.0, None)
        return positive / (positive + self.thresholds)

    def score_at(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """``score[rows, columns]`` without the whole matrix (three temporaries of its size)."""
        positive = np.clip(self.evidence[rows, columns], 0.0, None)
        return positive / (positive + self.thresholds[columns])


class RuleCoder:
    """Codes segment texts with a codebook's terms, phrases, near cues and thresholds.

    Parameters
    ----------
    codebook : Codebook
    short_answer_words : int
        Answers of at most this many words inherit the themes of their question.
    question_weight : float
        Longer answers get this share of their question's evidence (capped at the threshold).
    """

    def __init__(self, codebook: Codebook, *, short_answer_words: int = SHORT_ANSWER_WORDS,
                 question_weight: float = QUESTION_WEIGHT) -> None:
        self.codebook = codebook
        self.short_answer_words = short_answer_words
        self.question_weight = question_weight
        self.valence_scanner = ValenceScanner(codebook.valence_positive, codebook.valence_negative)
        self._lexicon_owner: dict[str, int] = {}
        items: list[tuple[Entry, bool]] = []
        self.codes: list[CompiledCode] = []

        def slots_of(text: str, kind: int, owner: int, item: int, exact: bool) -> tuple[tuple[int, int], ...]:
            words = split_phrase(text)
            slots = []
            for position, (word, gap) in enumerate(words):
                compounds = len(words) == 1 and not exact
                items.append((Entry(kind, owner, item, position, compounds, word), exact))
                slots.append((len(items) - 1, gap))
            return tuple(slots)

        for index, code in enumerate(codebook.codes):
            compiled = CompiledCode(code.name, code.threshold)
            if not code.codable:  # a grouping code: never applied itself
                self.codes.append(compiled)
                continue
            for t, term in enumerate(code.terms):
                slots = slots_of(term.text, TERM, index, t, term.exact)
                if slots:
                    words = frozenset(word for word, _ in split_phrase(term.text))
                    compiled.terms.append(
                        CompiledTerm(term.label, slots, term.weight, self._term_valence(term), words)
                    )
            for e, text in enumerate(code.exclude_terms):
                compiled.excludes.append(slots_of(text, EXCLUDE, index, e, False))
            for cue in code.near:
                resolved = []
                for word in cue.words:
                    key = word.lower()
                    if key in BUILTIN_LEXICONS:
                        resolved.append(("builtin", BUILTIN_LEXICONS.index(key)))
                    else:
                        lexicon = self._lexicon_id(key, items)
                        resolved.append(("lexicon", lexicon))
                compiled.near.append(CompiledNear(cue.label, tuple(resolved), cue.window, cue.weight))
            self.codes.append(compiled)
        self.matcher = Matcher(items, dict(codebook.lemmas), marks=FILLERS)
        self.thresholds = np.array([code.threshold for code in self.codes], dtype=float)
        applied = [code for code in codebook.codes if code.codable]
        self.patterns = PatternMatcher(codebook) if any(code.patterns for code in applied) else None
        self._index_word_classes()

    def _index_word_classes(self) -> None:
        """Express terms, exclusions and lexicons in word classes.

        Entries with the same word that match at the same places form one word class
        (``Matcher.entry_class``): a word like ``ikke`` stands in dozens of phrase slots
        but is one class, found once.
        """
        entry_class = self.matcher.entry_class.tolist()

        def by_class(slots: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
            return tuple((entry_class[entry], gap) for entry, gap in slots)

        self._term_slots: list[list[tuple[tuple[tuple[int, int], ...], frozenset[int]]]] = []
        self._exclude_slots: list[list[tuple[tuple[int, int], ...]]] = []
        for code in self.codes:
            slots = [by_class(term.slots) for term in code.terms]
            self._term_slots.append([(s, frozenset(c for c, _ in s)) for s in slots])
            self._exclude_slots.append([by_class(e) for e in code.excludes])
        self._lexicon_classes: dict[int, tuple[int, ...]] = {}
        for index, entry in enumerate(self.matcher.entries):
            if entry.kind == LEXICON and entry.slot == 0:
                owners = self._lexicon_classes.setdefault(entry.owner, ())
                if entry_class[index] not in owners:
                    self._lexicon_classes[entry.owner] = (*owners, entry_class[index])

    # -- compilation helpers -------------------------------------------------------------------

    def _lexicon_id(self, key: str, items: list[tuple[Entry, bool]]) -> int:
        """Entries for a lexicon (or a literal word in a near cue); their owner id is returned."""
        if key in self._lexicon_owner:
            return self._lexicon_owner[key]
        owner = len(self._lexicon_owner)
        self._lexicon_owner[key] = owner
        words = self.codebook.lexicons_dict().get(key, (key,))
        for word in words:
            for position, (token, _) in enumerate(split_phrase(word)):
                single = len(split_phrase(word)) == 1
                items.append((Entry(LEXICON, owner, 0, position, single, token), False))
        return owner

    @staticmethod
    def _term_valence(term: Term) -> int:
        """The polarity the codebook gives a term (0 for none: then the word's own, if it is evaluative;
        :data:`NEUTRAL_TERM` for ``neutral``: never any)."""
        return {"positiv": 1, "negativ": -1, "neutral": NEUTRAL_TERM}.get(term.valence or "", 0)

    # -- scoring ------------------------------------------------------------------------------

    def score(self, texts: Sequence[str], questions: Sequence[str | None] | None = None, *,
              progress: bool = False) -> Scores:
        """Evidence of every code for every text; ``questions`` gives each text's question.

        ``progress`` shows a bar (segments, and words per second) on standard error.
        """
        with gc_paused():
            return self._score(texts, questions, progress=progress)

    def _score(self, texts: Sequence[str], questions: Sequence[str | None] | None, *,
               progress: bool = False, decide: bool = True) -> Scores:
        findings: dict[tuple[int, int], Finding] = {}
        evidence = np.zeros((len(texts), len(self.codes)), dtype=float)
        # The bar counts each segment twice: once when its terms are found, once when its questions
        # and valences are (a stage that takes about as long; the bar stood at 100 % half-way).
        bar = _progress_bar(2 * len(texts)) if progress else None
        words = 0
        for first in range(0, len(texts), SCAN_BATCH):
            batch = texts[first : first + SCAN_BATCH]
            self._score_batch(batch, first, evidence, findings)
            if bar is not None:
                words += sum(text.count(" ") + 1 for text in batch)  # about the words; cheap
                bar.update(len(batch))
                bar.set_postfix_str(per_second(words, bar.format_dict["elapsed"], "ord"))
        try:
            return self._context_and_valences(texts, questions, evidence, findings, decide, bar)
        finally:
            if bar is not None:
                bar.close()

    def _context_and_valences(self, texts: Sequence[str], questions: Sequence[str | None] | None,
                              evidence: np.ndarray, findings: dict[tuple[int, int], Finding], decide: bool,
                              bar: Any) -> Scores:
        """The scores from the terms found: patterns, the questions' context, then the valences."""
        for (row, column), finding in findings.items():
            finding.evidence = float(evidence[row, column])
        if self.patterns is not None:
            self._add_patterns(texts, evidence, findings)
        replied: list[tuple[int, int, int, bool]] = []
        asked: Scores | None = None
        unique: list[str] = []
        if questions is not None:
            replied, asked, unique = self._add_question_context(texts, questions, evidence, findings)
        if bar is not None:
            bar.update(len(texts) // 2)
        if decide:
            turning: dict[int, frozenset[int]] = {row: frozenset() for row, _, _, polar in replied if not polar}
            self._decide_valences(texts, findings, [
                pair for pair, finding in findings.items()
                if evidence[pair] >= self.thresholds[pair[1]] - 1e-9 and not finding.valence
            ], evidence, turning)
            if asked is not None:
                self._yes_or_no_decides(texts, replied, asked, unique, findings, turning)
        if bar is not None:
            bar.update(len(texts) - len(texts) // 2)
        return Scores(tuple(c.name for c in self.codes), self.thresholds, evidence, findings)

    def _score_batch(self, texts: Sequence[str], first: int, evidence: np.ndarray,
                     findings: dict[tuple[int, int], Finding]) -> None:
        """Term and near-cue evidence of a batch of segments, all segments at once per term.

        Terms are taken in codebook order, so each segment's evidence sums the same
        weights in the same order as reading it alone would.
        """
        joined = lower("\n".join(texts))
        offsets = np.zeros(len(texts) + 1, dtype=np.int64)
        offsets[1:] = np.cumsum([len(text) + 1 for text in texts])
        codes = code_points(joined)
        found = self.matcher.scan_marks(joined, by_class=True, codes=codes)
        hits = BatchHits(joined, offsets, found.starts, found.ends, found.classes, len(self.matcher.classes),
                         (found.mark_starts, found.mark_ends), codes)
        positions: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        scanned: dict[int, list[Cue]] = {}
        for column, code in enumerate(self.codes):
            excluded: Spans | None = None
            found_terms: list[int] = []
            found_matches: list[Matches] = []
            for t, (slots, needed) in enumerate(self._term_slots[column]):
                if not all(hits.has(cls) for cls in needed):
                    continue
                matches = hits.phrase(slots)
                if not len(matches.row):
                    continue
                if excluded is None:
                    excluded = Spans(_concat([hits.phrase(slots) for slots in self._exclude_slots[column]]))
                matches = drop_overlapping(matches, excluded)
                if len(matches.row):
                    found_terms.append(t)
                    found_matches.append(matches)
            if found_matches:
                found_matches = drop_inner_parts(found_matches, hits.letters)
            shown, counted = _once_per_word([code.terms[t].weight for t in found_terms], found_matches)
            for t, seen, matches in zip(found_terms, shown, counted, strict=True):
                term = code.terms[t]
                if len(seen.row) != len(matches.row):  # found where a heavier term counted the word
                    for row in np.setdiff1d(seen.row, matches.row).tolist():
                        findings.setdefault((first + row, column), Finding()).terms += (term.label,)
                if not len(matches.row):
                    continue
                evidence[first + matches.row, column] += term.weight
                local_start = (matches.start - offsets[matches.row]).tolist()
                local_end = (matches.end - offsets[matches.row]).tolist()
                for row, start, end in zip((first + matches.row).tolist(), local_start, local_end, strict=True):
                    finding = findings.get((row, column))
                    if finding is None:
                        finding = findings[(row, column)] = Finding()
                    finding.terms += (term.label,)
                    finding.spans += ((start, end, term.words, term.valence),)
            for cue in code.near:
                fired = self._near_rows(cue, hits, positions, scanned)
                evidence[first + fired, column] += cue.weight
                for row in fired.tolist():
                    finding = findings.setdefault((first + row, column), Finding())
                    finding.near += (cue.label,)

    def _near_rows(self, cue: CompiledNear, hits: BatchHits,
                   positions: dict[int, tuple[np.ndarray, np.ndarray]], scanned: dict[int, list[Cue]]) -> np.ndarray:
        """Batch rows where a near cue fires.

        Lexicon words come from the automaton's hits; evaluative words and negations from
        the valence scanner, run only on segments that hold every lexicon the cue needs.
        """
        items: list[tuple[np.ndarray, np.ndarray] | int] = []
        holding: np.ndarray | None = None  # segments holding every lexicon the cue needs
        for kind, owner in cue.items:
            if kind == "lexicon":
                classes = self._lexicon_classes.get(owner, ())
                if owner not in positions:
                    positions[owner] = hits.positions(classes)
                rows = hits.rows_holding(classes)
                holding = rows if holding is None else holding & rows
                items.append(positions[owner])
            else:
                items.append((POSITIVE, NEGATIVE, NEGATION)[owner])
        candidates = np.arange(len(hits.offsets) - 1) if holding is None else np.flatnonzero(holding)
        if not len(candidates):
            return candidates
        resolved = [item if isinstance(item, tuple) else self._valence_positions(item, hits, candidates, scanned)
                    for item in items]
        return near(resolved[0], resolved[1:], cue.window)

    def _valence_positions(self, kind: int, hits: BatchHits, rows: np.ndarray,
                           scanned: dict[int, list[Cue]]) -> tuple[np.ndarray, np.ndarray]:
        """(word, row) of the evaluative words or negations of this kind in the given rows of the batch."""
        missing = [row for row in rows.tolist() if row not in scanned]
        segment_texts = [hits.joined[int(hits.offsets[row]) : int(hits.offsets[row + 1]) - 1] for row in missing]
        scanned.update(zip(missing, self.valence_scanner.scan_many(segment_texts, _DECIDING), strict=True))
        words: list[int] = []
        in_rows: list[int] = []
        for row in rows.tolist():
            offset = int(hits.offsets[row])
            for cue in scanned[row]:
                if cue.kind == kind:
                    words.append(offset + cue.start)
                    in_rows.append(row)
        found = np.array(words, dtype=np.int64)
        return (hits.word_at(found) if len(found) else found), np.array(in_rows, dtype=np.int64)

    def _add_patterns(
        self, texts: Sequence[str], evidence: np.ndarray, findings: dict[tuple[int, int], Finding]
    ) -> None:
        """Each distinct pattern that matches adds 1.0 to its code's evidence."""
        assert self.patterns is not None
        seen: set[tuple[int, int, str]] = set()
        for hit in self.patterns.matches(texts):
            if (hit.row, hit.code, hit.label) in seen:
                continue
            seen.add((hit.row, hit.code, hit.label))
            finding = findings.setdefault((hit.row, hit.code), Finding())
            finding.evidence += 1.0
            finding.terms += (hit.label,)
            finding.spans += ((hit.start, hit.end, frozenset(), 0),)
            evidence[hit.row, hit.code] = finding.evidence

    def _decide_valences(self, texts: Sequence[str], findings: dict[tuple[int, int], Finding],
                         pairs: Iterable[tuple[int, int]], evidence: np.ndarray | None = None,
                         turning: dict[int, frozenset[int]] | None = None) -> None:
        """Decide the valence of the findings of ``pairs`` (row, column), reading each segment once.

        With ``evidence``, a coding whose only evidence is terms named to deny them (:func:`_denied`)
        is taken back. ``turning`` maps rows to be told (a longer answer to an open question whose no
        is weighed against its words) to where their negations that turn an evaluative word are."""
        pending = sorted(pairs)
        for first in range(0, len(pending), VALENCE_BATCH):  # in batches: a segment's cues are many
            chunk = pending[first : first + VALENCE_BATCH]
            rows = sorted({row for row, _ in chunk})
            readings = dict(zip(rows, self._read_valence([texts[row] for row in rows]), strict=True))
            if turning:
                for row in rows:
                    if row in turning:
                        turning[row] = _turning_negations(readings[row])
            for row, column in chunk:
                finding = findings[(row, column)]
                self._decide_valence(readings[row], finding, column)
                if (evidence is not None and finding.negated and finding.spans and not finding.near
                        and not finding.question and all(_denied(readings[row], start, end)
                                                         for start, end, *_ in finding.spans)):
                    evidence[row, column] = finding.evidence = 0.0

    def _add_question_context(
        self,
        texts: Sequence[str],
        questions: Sequence[str | None],
        evidence: np.ndarray,
        findings: dict[tuple[int, int], Finding],
    ) -> tuple[list[tuple[int, int, int, bool]], Scores | None, list[str]]:
        """Answers are read with their question, as a human coder reads them.

        A short answer ("Ja, bestemt") takes the codes of its question outright, with the
        answer's yes/no deciding the valence. A longer answer gets ``question_weight`` times
        the question's evidence (at most the threshold) as extra evidence for the same codes.
        """
        # The distinct questions, sorted, and which one each row answers (-1: none, or an empty one).
        codes, unique_values = pd.factorize(pd.Series(questions, dtype=object), use_na_sentinel=True)
        unique_values = np.asarray(unique_values, dtype=object)
        present = np.array([isinstance(value, str) and value != "" and asks(value) for value in unique_values],
                           dtype=bool)
        order = np.array(sorted(np.flatnonzero(present).tolist(), key=unique_values.__getitem__), dtype=np.int64)
        unique: list[str] = unique_values[order].tolist()
        renumber = np.full(len(unique_values) + 1, -1, dtype=np.int64)  # the last entry takes code -1
        renumber[order] = np.arange(len(order))
        answered = renumber[codes]
        rows = np.flatnonzero(answered >= 0)
        if not len(rows):
            return [], None, []
        asked = self._score(unique, None, decide=False)  # a question's valence matters only to a short answer
        q = answered[rows]
        asked_rows = rows.tolist()
        limit = self.short_answer_words
        # A short answer, or one that opens with yes or no to a yes/no question, is about its question
        # ("Har du andre kommentarer til X?" - "Ja, ..." answers whether there is more, not X).
        inviting = invites_comment_many(unique)
        polar: dict[int, bool] = {}  # asked of the few questions a long yes or no answers

        def is_polar(question: int) -> bool:
            if question not in polar:
                polar[question] = is_polar_question(unique[question]) and not inviting[question]
            return polar[question]

        answer_texts = [texts[row] for row in asked_rows]
        opens = np.array([opens_with_yes_or_no(text) and is_polar(question)
                          for text, question in zip(answer_texts, q.tolist(), strict=True)], dtype=bool)
        replies = opens | np.array([len(text.split(maxsplit=limit)) <= limit for text in answer_texts], dtype=bool)
        # So is a longer one that reaches no theme of the codebook on its own ("Hvad med praktikken?" -
        # "Jeg var tre uger hos en tømrer, og nu ved jeg, hvad jeg vil."): it answers what was asked,
        # also when a word of another theme is said in passing ("... og naboerne siger det samme")
        # (not "Har du andre kommentarer til X?", which asks for anything).
        coded_alone = (evidence[rows] >= np.asarray(self.thresholds) - 1e-9).any(axis=1)
        silent = ~replies & ~coded_alone & ~inviting[q]
        # So is one that reaches another theme on its own ("Hvordan er det med din behandler?" - "Hun er
        # fin. ... Og hun siger ikke noget til mine forældre."): it answers the question, and goes on;
        # not one that says it does not know what was asked about ("Jeg ved ikke, hvad helhedsplanen er").
        # Its valence comes from its words, not from a no anywhere in it (``drifted``).
        drifted = np.zeros(len(rows), dtype=bool)
        candidates = np.flatnonzero(~replies & coded_alone & ~inviting[q])
        candidates = candidates[asked.coded[q[candidates]].any(axis=1)]  # (a question that names a theme)
        drifted[[i for i in candidates.tolist() if not _DOES_NOT_KNOW.search(answer_texts[i])]] = True
        silent |= drifted
        short = replies | silent
        # A short answer that says nothing, or a bare "Nej" to "Andre kommentarer til X?", takes no theme
        # (an answer long enough to be silent is none of these).
        no_answer = np.array([bool(reply and (NO_ANSWER.match(text) or ASKS_BACK.match(text)
                                              or (inviting[question] and says_nothing(text))
                                              or answers_nothing(unique[question], text)))
                              for text, reply, question in zip(answer_texts, replies.tolist(), q.tolist(),
                                                               strict=True)], dtype=bool)
        # A longer answer with evidence of its own that does not inherit (its question codes nothing
        # alone) still gets a share of the question's evidence, as before it could be silent.
        shares = ~replies & ((evidence[rows].max(axis=1, initial=0.0) > 0) | inviting[q])
        inherit_at, longer_at = self._open_to_question(rows, q, short, shares, no_answer, asked, evidence)
        inheriting = list(zip(*(found.tolist() for found in inherit_at), strict=True))
        self._decide_valences(unique, asked.findings, {(int(q[i]), column) for i, column in inheriting})
        shown: dict[int, str] = {}  # each question shortened once, for the codings' why
        yes_no: dict[int, bool] = {}  # and asked once whether it asks for a yes or a no
        told: list[tuple[int, int, int, bool]] = []  # a no to an open question: weighed against the words
        for i, column in inheriting:
            question = int(q[i])
            if question not in shown:
                shown[question] = shorten(unique[question], 80)
            if question not in yes_no:
                yes_no[question] = is_polar_question(unique[question])
            if self._inherit(int(rows[i]), column, question, asked, texts, shown[question], evidence, findings,
                             yes_no_question=yes_no[question], reply=bool(replies[i]),
                             about_trouble=yes_no[question] and asks_about_trouble(unique[question]),
                             account=bool(drifted[i]) or (yes_no[question]
                                                          and yes_opens_an_account(unique[question], texts[rows[i]]))):
                told.append((int(rows[i]), column, question, False))
        # An answer that opens with yes or no to a yes/no question about a code it reaches with words of
        # its own ("Føler du dig inddraget?" - "Nej, ikke rigtig. Vi får et nyhedsbrev."): if those words
        # tell no valence, its yes or no does (decided after the valences of the words).
        inherited = set(inheriting)
        replied = [(int(rows[i]), column, int(q[i]), True) for i in np.flatnonzero(opens).tolist()
                   for column in np.flatnonzero((asked.evidence[q[i]] > 0)
                                                & (evidence[rows[i]] >= np.asarray(self.thresholds) - 1e-9)).tolist()
                   if (i, column) not in inherited] + told
        if self.question_weight <= 0:
            return replied, asked, unique
        i, column = longer_at
        evidence[rows[i], column] += self.question_weight * np.minimum(asked.evidence[q[i], column],
                                                                       self.thresholds[column])
        echo = max(1.0 - self.question_weight, 0.0)
        for row, column_, question in zip(rows[i].tolist(), column.tolist(), q[i].tolist(), strict=True):
            finding = findings.get((row, column_))
            if finding is None:
                finding = findings[(row, column_)] = Finding()
            elif (echo and finding.spans
                  and not set(finding.terms).isdisjoint(asked.findings[(question, column_)].terms)):
                # The answer takes up the question's own word ("Er der noget, der har gjort det svært at komme af
                # sted?" - "Torsdag er svært, fordi ..."): it answers that question, whose evidence counts whole.
                evidence[row, column_] += echo * min(asked.evidence[question, column_], self.thresholds[column_])
            finding.evidence = evidence[row, column_]
            if question not in shown:
                shown[question] = shorten(unique[question], 80)
            finding.question = shown[question]
        return replied, asked, unique

    def _yes_or_no_decides(self, texts: Sequence[str], replied: list[tuple[int, int, int, bool]], asked: Scores,
                           questions: list[str], findings: dict[tuple[int, int], Finding],
                           turning: dict[int, frozenset[int]] | None = None) -> None:
        """The valence of a coding still without one, of an answer that opens with yes or no to a
        yes/no question about the code: the answer's yes or no, turned by a question that leans
        one way by its own words, as for an answer that takes its code from the question. And the
        valence of a longer answer to an open question whose yes or no is a no (``polar`` False):
        that no, but ``blandet`` where the answer's evaluative words said otherwise; a negation that turns
        an evaluative word (``turning``, by row) is read with it, not as the no ("han siger ikke noget grimt
        om hende")."""
        pending = [(row, column, q, polar) for row, column, q, polar in replied
                   if (row, column) in findings and (not polar or not findings[(row, column)].valence)]
        if not pending:
            return
        undecided = {(q, column) for _, column, q, polar in pending  # (those inherited were decided)
                     if polar and (q, column) in asked.findings and not asked.findings[(q, column)].valence_why}
        if undecided:
            self._decide_valences(questions, asked.findings, undecided)
        for row, column, q, polar in pending:
            asked_finding = asked.findings.get((q, column))
            leaning = asked_finding is not None and _DEFAULT_VALENCE not in asked_finding.valence_why
            question_sign = _sign(asked_finding.valence) if asked_finding is not None and leaning else 0
            if polar and asks_about_trouble(questions[q]):
                question_sign = -1
            if polar and yes_opens_an_account(questions[q], texts[row]):
                continue
            answer = lower(texts[row] if polar else without_reply_particle(texts[row]))
            turned: frozenset[int] = frozenset()
            if not polar and turning:  # its positions, in the answer without its reply particle
                cut = len(texts[row]) - len(answer)
                turned = frozenset(at - cut for at in turning.get(row, ()))
            sign = answer_polarity(answer, turned) * (question_sign or 1)
            if not sign:
                continue
            finding = findings[(row, column)]
            if not polar and sign > 0:  # the no was read with a word; a yes after it, or turned by the question
                finding.valence = _with_turn("positiv", answer)
                finding.valence_why = ("svar på spørgsmål",)
                continue
            said = "" if finding.valence_why == (_DEFAULT_VALENCE,) else finding.valence
            valence = _with_turn({1: "positiv", -1: "negativ"}[sign], answer)
            if said and said != valence:  # the words of an answer to an open question say otherwise
                finding.valence = "blandet"
                finding.valence_why += ("svar på spørgsmål",)
            elif not said:
                finding.valence = valence
                finding.valence_why = ("svar på spørgsmål",)

    def _open_to_question(self, rows: np.ndarray, q: np.ndarray, short: np.ndarray, shares: np.ndarray,
                          no_answer: np.ndarray, asked: Scores,
                          evidence: np.ndarray) -> tuple[tuple[np.ndarray, np.ndarray], ...]:
        """The (answer, code) pairs a question can lend evidence to: the code is in the question and
        not yet reached in the answer. Those of short (or silent) answers whose question is coded
        (they inherit the code), and those of the ``shares`` answers that do not inherit it (they
        get a share), each as (answer index, column).

        Taken ``SCAN_BATCH`` answers at a time: a segments x codes temporary of a pooled codebook
        (300,000 answers x 155 codes) is 45-370 MB each.
        """
        found: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
        for first in range(0, len(rows), SCAN_BATCH):
            part = slice(first, first + SCAN_BATCH)
            asked_evidence = asked.evidence[q[part]]
            open_ = (asked_evidence > 0) & (evidence[rows[part]] < self.thresholds) & ~no_answer[part, None]
            del asked_evidence
            inherits = short[part, None] & asked.coded[q[part]]
            inherit_i, inherit_c = np.nonzero(open_ & inherits)
            longer_i, longer_c = np.nonzero(open_ & shares[part, None] & ~inherits)
            found.append((inherit_i + first, inherit_c, longer_i + first, longer_c))
        inherit_i, inherit_c, longer_i, longer_c = (np.concatenate(column) for column in zip(*found, strict=True))
        return (inherit_i, inherit_c), (longer_i, longer_c)

    def _inherit(self, row: int, column: int, q: int, asked: Scores, texts: Sequence[str],
                 question: str, evidence: np.ndarray, findings: dict[tuple[int, int], Finding], *,
                 yes_no_question: bool = True, reply: bool = True, about_trouble: bool = False,
                 account: bool = False) -> bool:
        """Give the answer at ``row`` the code of its question, and its valence by its yes or no; True
        where that is a no that its evaluative words are to be weighed against first (a longer answer
        to an open question: its "no" is a negation anywhere in it, "Det er godt nu. Det var det ikke
        i starten.")."""
        finding = findings.setdefault((row, column), Finding())
        evidence[row, column] = max(evidence[row, column], 0.0) + self.thresholds[column]
        finding.evidence = evidence[row, column]
        finding.question = question
        if finding.spans and not reply:  # a longer answer with words of the code's own: they tell its valence
            return False
        asked_finding = asked.findings.get((q, column))
        # Only a question that leans one way by its own words turns a yes around ("Er der ventetid?"
        # -> "Ja" is negative); a neutral one ("Kender du sekretariatet?") takes the answer's yes/no,
        # not the code's default valence.
        leaning = asked_finding is not None and _DEFAULT_VALENCE not in asked_finding.valence_why
        question_sign = _sign(asked_finding.valence) if asked_finding is not None and leaning else 0
        if about_trouble:  # "Har I haft brug for hjælp?" - "Ja, hele tiden": a need, no praise
            question_sign = -1
        if account:  # "Kan du beskrive ...?" - "Ja, altså, ...": no yes; the answer's words decide
            return False
        answer, said = _replied(texts[row], yes_no_question)
        sign = said * (question_sign or 1)
        if (said < 0 or sign < 0) and not (yes_no_question or reply):
            return True  # (whether its no is one is known when its words are read: _yes_or_no_decides)
        finding.valence = _with_turn({1: "positiv", -1: "negativ"}.get(sign, ""), answer)
        finding.valence_why += ("svar på spørgsmål",)
        return False

    def valence_of(self, text: str, column: int) -> str:
        """The valence of code ``column`` in ``text`` by this coder's evidence, whether or not it coded it."""
        scores = self.score([text])
        finding = scores.findings.get((0, column)) or Finding()
        if not finding.valence:
            self._decide_valence(self._read_valence([text])[0], finding, column)
        return finding.valence

    def _read_valence(self, texts: Sequence[str]) -> list[_Reading]:
        """What the valences in each of ``texts`` are decided from (one pass over them all).

        The texts are joined by NUL, which no clause break pattern crosses (``\\s`` does not
        match it), so the breaks found in the joined text are those of each text.
        """
        joined = lower("\x00".join(texts))
        offsets = np.zeros(len(texts) + 1, dtype=np.int64)
        offsets[1:] = np.cumsum([len(text) + 1 for text in texts])
        bounds = offsets.tolist()
        lows = [joined[bounds[i] : bounds[i + 1] - 1] for i in range(len(texts))]
        codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        contrasts = [match.start() for match in _CONTRAST_BREAK.finditer(joined)]
        supposed = [match.span() for match in _matches_at(_CONDITIONAL, joined, ("hvis", "når der"))]
        past = [(match.start(), match.end() - 2) for match in _matches_at(_BEFORE_NOW, joined, _PAST_WORDS)
                if not joined[max(0, match.start() - 8) : match.start()].rstrip(" \t\"'»–-").endswith(
                    _NOT_A_SENTENCE_START)]
        breaks = np.sort(np.concatenate([np.flatnonzero(np.isin(codes, _CLAUSE_MARKS)),
                                         np.array(contrasts, dtype=np.int64)]))
        rows = np.searchsorted(offsets, breaks, side="right") - 1
        local = (breaks - offsets[rows]).tolist()
        cuts = np.searchsorted(rows, np.arange(len(texts) + 1)).tolist()
        scanned = self.valence_scanner.scan_many(lows, _DECIDING)
        cues = [_without_proper_nouns(text, found) for text, found in zip(texts, scanned, strict=True)]
        conditions, changes = _by_text(supposed, bounds), _by_text(past, bounds)
        return [_Reading(lows[i], cues[i], _negations(cues[i], lows[i]), local[cuts[i] : cuts[i + 1]],
                         conditions.get(i, ()), changes.get(i, ()))
                for i in range(len(texts))]

    def _decide_valence(self, reading: _Reading, finding: Finding, column: int) -> None:
        """Valence from the terms' own polarity, negation, and evaluative words in their clauses."""
        low, cues, negations, breaks = reading.low, reading.cues, reading.negations, reading.clause_breaks
        spans = finding.spans
        positive = negative = 0.0
        reasons: list[str] = []
        signs: list[tuple[int, int]] = []  # (position, sign) of every term and word that said something
        for start, end, own_words, polarity in spans:
            negated = _negated(low, start, end, negations, own_words)
            if negated and _in_denied_statement(low, negated, negations):
                negated = None
            term_text = low[start:end]
            if negated:
                finding.negated += (negated.text,)
            if not polarity:  # a term the codebook gives no valence says what the word itself says: "ensom"
                polarity = next((cue.kind for cue in cues if cue.kind in (POSITIVE, NEGATIVE)
                                 and start <= cue.start and cue.end <= end), 0)
            if not polarity and negated and _negates_an_evaluation(low, negated, cues, spans):
                negated = None  # "ikke bange om natten": the negation turns "bange" around, not the mention
            if polarity == NEUTRAL_TERM:  # the codebook says the term tells no valence, negated or not
                sign = 0
            else:
                sign = (-polarity if negated else polarity) if polarity else (-1 if negated else 0)
            if sign:
                signs.append((start, sign))
            if sign > 0:
                positive += 2
                reasons.append(f"+{term_text}")
            elif sign < 0:
                negative += 2
                reasons.append(f"-{term_text}" + (f" ({negated.text})" if negated else ""))
        clauses = {_clause(breaks, start) for start, *_ in spans} if spans else None
        sentiment = _sentiment(reading, spans, clauses)
        if clauses is not None and not (positive or negative or sentiment[0] or sentiment[1]):
            sentiment = _sentiment(reading, spans, None)  # the whole turn
        positive += sentiment[0]
        negative += sentiment[1]
        reasons.extend(sentiment[2])
        signs.extend(sentiment[3])
        if positive and negative and min(positive, negative) >= 0.5 * max(positive, negative):
            finding.valence = "blandet"
        elif positive > negative:
            finding.valence = "positiv"
        elif negative > positive:
            finding.valence = "negativ"
        elif self.codebook.codes[column].valence_default:
            finding.valence = self.codebook.codes[column].valence_default or ""
            reasons.append(_DEFAULT_VALENCE)
        if finding.valence in ("positiv", "negativ") and signs and _reserved(reading, signs, finding.valence):
            finding.valence = "blandet"  # "Frivillige er godt, men man kan ikke bygge noget på det"
            reasons.append("men")
        if finding.valence and "og" in low[:16] and _YES_AND_NO.match(low):  # "Ja og nej. Jeg har skåret ned, ..."
            finding.valence = "blandet"
            reasons.append("ja og nej")
        finding.valence_why += tuple(reasons)


_DEFAULT_VALENCE = "kodens standardvalens"


def _reserved(reading: _Reading, signs: list[tuple[int, int]], valence: str) -> bool:
    """Is what decided ``valence`` taken back in part by a "men" later in its sentence, after which
    nothing evaluative is said in that sentence ("Frivillige er godt, men man kan ikke bygge noget på,
    at pensionister har lyst": a reservation that words cannot weigh)? A "men" whose clause says
    something evaluative is weighed by those words ("Hun er stadig ensom, men hun er blevet mere glad")."""
    low = reading.low
    if " men" not in low and ",men" not in low:  # (most turns: two finds are cheaper than the rest)
        return False
    said = 1 if valence == "positiv" else -1
    last = max((at for at, sign in signs if sign == said), default=-1)
    at = low.find("men", last) if last >= 0 else -1
    while at > 0 and not (low[at - 1] in _BEFORE_MEN and not low[at + 3 : at + 4].isalnum()):
        at = low.find("men", at + 3)  # "men" as a word of its own, after a space or a comma
    if at <= 0 or _SENTENCE_END.search(low, last, at):  # none, or in a later sentence ("godt. Men ...")
        return False
    stop = _SENTENCE_END.search(low, at)
    until = stop.start() if stop is not None else len(low)
    return not any(at < position for position, _ in signs) and not any(
        at < cue.start < until and cue.kind == -said for cue in reading.cues)


_BEFORE_MEN = frozenset(" ,")


def _turning_negations(reading: _Reading) -> frozenset[int]:
    """Where the negations are that turn an evaluative word ("han siger ikke noget grimt om hende":
    praise, not a no)."""
    low, cues, negations = reading.low, reading.cues, reading.negations
    turning = frozenset(negated.start for cue in cues if cue.kind in (POSITIVE, NEGATIVE) and (
        negated := _negated(low, cue.start, cue.end, negations, frozenset(cue.text.split()))))
    if "havde" not in low:
        return turning
    return turning | frozenset(cue.start for cue in cues if cue.kind == NEGATION and _counterfactual(low, cue))


_YES_AND_NO = re.compile(r"\W*(?:både\s+)?(?:ja\s+og\s+nej|nej\s+og\s+ja|både\s+og)\b", re.IGNORECASE)
"""An answer that opens by saying both ("Ja og nej.", "Både og."): what follows it weighs the two."""


def _with_turn(valence: str, answer: str) -> str:
    """``blandet`` for a yes or no that the answer turns after a "men" ("Ja, men det er ikke noget for
    mig"), or for an answer that opens with both ("Ja og nej."); else ``valence``."""
    if not valence:
        return valence
    if _YES_AND_NO.match(answer):
        return "blandet"
    turn = _CONTRAST_BREAK.search(answer)
    if turn is None:
        return valence
    after = answer_polarity(answer[turn.end():])
    return "blandet" if after and after != (1 if valence == "positiv" else -1) else valence


@lru_cache(maxsize=64)
def _replied(text: str, yes_no_question: bool) -> tuple[str, int]:
    """An answer as its yes or no is read (lower-cased; to an open question without its reply particle),
    and that yes or no: once per answer, not once per code it takes from its question."""
    answer = lower(text if yes_no_question else without_reply_particle(text))
    return answer, answer_polarity(answer)


def answer_polarity(answer: str, turning: frozenset[int] = frozenset()) -> int:
    """+1 for yes, -1 for no, 0 for neither: the first yes- or no-word decides ("Ikke så meget" is no);
    an intensifier alone ("Rigtig meget") is yes, not one that opens a clause as its subject ("Meget
    kommer gennem kommunen": much comes through). A negation at a position in ``turning`` turns an
    evaluative word and is no no ("han siger ikke noget grimt")."""
    low = answer.lower()
    found = _YES_OR_NO.search(low)  # the first, found by the regex engine: no word list in Python
    while found is not None and found.start() in turning:  # a negation read with its evaluative word
        found = _YES_OR_NO.search(low, found.end())
    if found is not None:
        return 1 if found.group() in _YES_WORDS else -1
    start = 0
    if _SUBJECT_INTENSIFIER.match(answer):  # "Meget kommer ...": the first word is no yes
        first = _ANSWER_WORDS.search(low)
        start = first.end() if first is not None else 0
    return 1 if _INTENSIFIER.search(low, start) else 0


def _without_proper_nouns(text: str, cues: list[Cue]) -> list[Cue]:
    """The cues but evaluative words written with a capital inside a sentence: Danish capitalises
    names, not words, so "mvh Susanne Lykke" says nothing of happiness (``lykke``)."""
    return [cue for cue in cues if cue.kind not in (POSITIVE, NEGATIVE) or not _proper_noun(text, cue.start)]


def _proper_noun(text: str, start: int) -> bool:
    """True for a word at ``start`` that is capitalised (not all capitals: "OK") after a word of
    the same sentence."""
    word = text[start : start + 2]
    if len(word) < 2 or not (word[0].isupper() and word[1].islower()):
        return False
    before = text[:start].rstrip()
    return bool(before) and (before[-1].isalpha() or before[-1] == ",")


def _negated(
    low: str, start: int, end: int, negations: list[Cue], own_words: frozenset[str] = frozenset()
) -> Cue | None:
    """A negation within a few words before or after the span, or inside it, in the same clause.

    A negation that is one of the term's own words ("aldrig hørt om") is the term's meaning, not a
    negation of it; one in a gap ("har ikke rigtig hjulpet") negates it. ``negations`` are in text
    order; only those near the span are looked at (a long answer has hundreds), the farthest
    qualifying one before it first, as reading them all in order would find.
    """
    first_at = bisect.bisect_left(negations, start, key=_cue_start)
    before = None
    for index in range(first_at - 1, -1, -1):  # nearest first: a farther one has more words between
        cue = negations[index]
        if cue.end > start:
            continue  # overlaps the span's start
        if not _close(low, cue.end, start, NEGATION_BEFORE,
                      _CLEFT_SCOPE_BREAK if _CLEFT.search(low, max(0, cue.start - 12), cue.start) else _SCOPE_BREAK):
            if not _negates_complement(low, cue, start):
                break
        before = cue
    if before is not None:
        return before
    index = first_at
    while index < len(negations) and negations[index].start < end:
        if negations[index].text not in own_words:
            return negations[index]
        index += 1
    after = bisect.bisect_left(negations, end, lo=first_at, key=_cue_start)
    if after < len(negations) and _close(low, end, negations[after].start, NEGATION_AFTER):
        return negations[after]
    return None


_OPINION_SUBJECT = r"(?:jeg|vi|man|du|han|hun|de|i)"
_OPINION_VERB = r"(?:synes|syntes|tror|troede|mener|mente|føler|følte|tænker|tænkte|syns)"
_OPINION = re.compile(rf"\b(?:{_OPINION_SUBJECT}\s+{_OPINION_VERB}|{_OPINION_VERB}\s+{_OPINION_SUBJECT})\s+$")
_COMPLEMENT = re.compile(rf"\s*,\s*(?:at\s+)?(?:{_OPINION_SUBJECT}|det|den|der|\w+(?:en|et|ne))\b")
"""A complement clause after a comma ("Jeg synes ikke, hun lytter"; ", at det hjælper"): its subject opens it."""


def _negates_complement(low: str, negation: Cue, start: int) -> bool:
    """Does ``negation`` deny the clause after it, where the word at ``start`` stands? In Danish the
    "ikke" of an opinion goes with the verb of thinking, and what is denied is the complement clause,
    with or without "at": "Jeg synes ikke, hun lytter", "Det tror jeg ikke, det hjælper" (she does not
    listen; it does not help)."""
    if not _OPINION.search(low, max(0, negation.start - 20), negation.start):
        return False
    opening = _COMPLEMENT.match(low, negation.end)
    return opening is not None and _close(low, opening.end(), start, NEGATION_BEFORE)


_DENYING_ARTICLES = frozenset({"en", "et", "noget", "nogen"})


def _denied(reading: _Reading, start: int, end: int) -> bool:
    """Is the term at ``start:end`` named to say what something is not, its place taken by what
    follows "men" ("Hun er ikke besøgsven, men hun er det nærmeste, han har", "Det er ikke ensomhed
    direkte, men ...")? A copula and "ikke" before it, at most two words after it in its clause, and
    the clause ended by "men". Not an adjective ("Jeg er ikke ensom, men jeg keder mig" is about
    loneliness): a word with a neuter form in ``-t``."""
    low, negations, breaks = reading.low, reading.negations, reading.clause_breaks
    at = bisect.bisect_left(negations, start, key=_cue_start) - 1
    if at < 0 or negations[at].text != "ikke" or not set(low[negations[at].end : start].split()) <= _DENYING_ARTICLES:
        return False
    before = low[max(0, negations[at].start - 12) : negations[at].start].split()
    if before[-1:] not in (["er"], ["var"]):
        return False
    following = bisect.bisect_left(breaks, end)
    if following == len(breaks) or low[breaks[following]] in ".;:!?" or len(low[end : breaks[following]].split()) > 2:
        return False
    return not is_word(low[start:end] + "t")


def _negations(cues: list[Cue], low: str = "") -> list[Cue]:
    """The negations among ``cues`` (in text order, as the scanner gives them), with the negation that
    opens an evaluative phrase ("aldrig hørt", "ikke godt"): it negates a term beside it as a lone
    "aldrig" does ("Aldrig hørt om det" is not also "hørt om", positive). Not the negation of a
    counterfactual in ``low`` (:func:`_counterfactual`)."""
    if "havde" in low:  # (a counterfactual has it: most texts are not looked at further)
        found = [cue for cue in cues if cue.kind == NEGATION and not _counterfactual(low, cue)]
    else:
        found = [cue for cue in cues if cue.kind == NEGATION]
    opening = [Cue(cue.start, cue.start + len(word), NEGATION, 0, word) for cue in cues
               if " " in cue.text and cue.kind in (POSITIVE, NEGATIVE)
               and (word := cue.text.partition(" ")[0]) in NEGATIONS]
    return sorted([*found, *opening], key=_cue_start) if opening else found


_COUNTERFACTUAL = re.compile(r"(?:^|[.!?,]\s*)(?:det|så)\s+havde\s+(?:jeg|vi|han|hun|de|man|i)\s+"
                             r"(?:(?:slet|nok|jo|nu|vel)\s+)?$")
_WITHOUT_IT = re.compile(r"\b(?:selv|uden|troet|regnet\s+med|forventet|tænkt|turde\s+håbe|siden)\b")


def _counterfactual(low: str, negation: Cue) -> bool:
    """Is ``negation`` that of a counterfactual or a surprise, "Det havde jeg aldrig klaret selv", "det
    havde jeg ikke fået uden", "Det havde jeg ikke troet", "Det havde vi ikke set for ti år siden"? It
    tells how things would have been without the effort: praise, neither a no nor a negated word. A
    fronted "det" or "så", "havde" and its subject before it, and in the rest of the sentence *selv*,
    *uden*, *troet*, *regnet med*, *forventet*, *tænkt* or *siden*."""
    if not _COUNTERFACTUAL.search(low, max(0, negation.start - 30), negation.start):
        return False
    end = _SENTENCE_END.search(low, negation.end)
    return bool(_WITHOUT_IT.search(low, negation.end, end.start() if end else len(low)))


def _cue_start(cue: Cue) -> int:
    return cue.start


_FAR = 400
"""Characters between a negation and a word beyond which it is not within a few words of it (and
the text between is not cut out to count them)."""


def _close(low: str, a: int, b: int, limit: int, breaks: re.Pattern[str] = _SCOPE_BREAK) -> bool:
    """At most ``limit`` words between ``a`` and ``b``, and none of ``breaks`` (the end of a negation's scope)."""
    if b - a > _FAR:
        return False
    between = low[a:b]
    return len(between.split()) <= limit and not breaks.search(between)


def _negates_an_evaluation(low: str, negation: Cue, cues: list[Cue],
                           spans: Sequence[tuple[int, int, frozenset[str], int]]) -> bool:
    """Does ``negation`` also negate an evaluative word outside the terms ("ikke bange om natten")?"""
    return any(cue.kind in (POSITIVE, NEGATIVE) and not any(cue.start < e and s < cue.end for s, e, *_ in spans)
               and _negated(low, cue.start, cue.end, [negation], frozenset(cue.text.split())) is not None
               for cue in cues)


def _sentiment(
    reading: _Reading,
    spans: Sequence[tuple[int, int, frozenset[str], int]],
    clauses: set[int] | None,
) -> tuple[float, float, list[str], list[tuple[int, int]]]:
    """Positive and negative weight of the evaluative words in ``clauses`` (all if None), negation
    flipped; none of a condition's ("hvis der er problemer"), and those of a past set against now
    turned the other way ("Før turde jeg ikke ..., nu gør jeg"); and where each word is, with its sign."""
    low, cues, negations, breaks, supposed, past = reading
    positive = negative = 0.0
    reasons: list[str] = []
    signs: list[tuple[int, int]] = []
    for cue in cues:
        if cue.kind not in (POSITIVE, NEGATIVE):
            continue
        if clauses is not None and _clause(breaks, cue.start) not in clauses:
            continue
        if any(cue.start < e and s < cue.end for s, e, *_ in spans):
            continue
        if supposed and any(s <= cue.start and cue.end <= e for s, e in supposed):
            continue
        negated = _negated(low, cue.start, cue.end, negations, frozenset(cue.text.split()))  # "ikke sjovt" is its own
        if negated and _in_denied_statement(low, negated, negations):
            negated = None
        if negated and cue.kind == NEGATIVE and _names_a_thing(low[negated.end : cue.start]):
            continue  # "Det er ikke de frivilliges skyld": a bad thing denied is no praise of anything
        sign = -cue.kind if negated else cue.kind
        before = bool(past) and any(s <= cue.start and cue.end <= e for s, e in past)
        sign = -sign if before else sign
        weight = min(abs(cue.score), 3) / 3
        note = f"{cue.text}" + (f" ({negated.text})" if negated else "") + (" (før)" if before else "")
        signs.append((cue.start, 1 if sign > 0 else -1))
        if sign > 0:
            positive += weight
            reasons.append("+" + note)
        else:
            negative += weight
            reasons.append("-" + note)
    return positive, negative, reasons, signs


_SENTENCE_END = re.compile(r"[.!?]")
_THAT = re.compile(r"\bat\b")


def _in_denied_statement(low: str, negation: Cue, negations: list[Cue]) -> bool:
    """Is ``negation`` in an "at" clause that a negation before it in the sentence denies ("Man kan
    ikke bare sætte folk ved et bord og tro, at så er de ikke ensomme": they are lonely)? Then the two
    cancel, and the word keeps its own direction."""
    at = bisect.bisect_left(negations, negation.start, key=_cue_start) - 1  # the negation before it
    if at < 0 or negation.start - negations[at].end > _FAR:
        return False
    between = low[negations[at].end : negation.start]
    return bool(_THAT.search(between)) and not _SENTENCE_END.search(between)


_PAST_WORDS = ("før", "tidligere", "i starten", "i begyndelsen")


def _matches_at(pattern: re.Pattern[str], text: str, words: Sequence[str]) -> list[re.Match[str]]:
    """The matches of ``pattern`` where one of ``words`` begins a word of ``text``, in text order.

    Each word is found by ``str.find``, many times faster than a regular expression that opens with
    an alternation (which is tried at every position of the text)."""
    found = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            if not (at and text[at - 1].isalpha()) and (match := pattern.match(text, at)):
                found.append(match)
            at = text.find(word, at + 1)
    return sorted(found, key=re.Match.start) if len(words) > 1 else found


_DETERMINERS = frozenset("en et nogen noget nogle de den det min mit mine din dit dine sin sit sine hans hendes "
                         "vores jeres deres nogens".split())


def _names_a_thing(between: str) -> bool:
    """Do the words between a negation and a negative word make it a thing, named with an article, a
    possessive or a genitive ("ikke de frivilliges skyld", "ikke en kritik", "ikke nogen krise")?"""
    words = between.split()
    if not words:
        return False
    first = words[0]
    return first in _DETERMINERS or (len(words) == 1 and len(first) > 3 and first.endswith("s")
                                     and is_word(first[:-1]))  # "ikke kommunens skyld"


_NOT_A_SENTENCE_START = tuple("abcdefghijklmnopqrstuvwxyzæøåéü0123456789,")
"""What a word after which "før" does not open a sentence ends in ("..., før hun kom")."""


def _by_text(spans: list[tuple[int, int]], bounds: list[int]) -> dict[int, list[tuple[int, int]]]:
    """``spans`` of a joined text (texts starting at ``bounds``) by the text they are in, in its offsets."""
    found: dict[int, list[tuple[int, int]]] = {}
    if spans:
        owner = np.searchsorted(bounds, [start for start, _ in spans], side="right") - 1
        for row, (start, end) in zip(owner.tolist(), spans, strict=True):
            found.setdefault(row, []).append((start - bounds[row], end - bounds[row]))
    return found


def _progress_bar(total: int) -> Any:
    from kvaleval._progress import progress_bar

    return progress_bar(total=total, desc="Koder", unit=" segm.", unit_scale=True, leave=False)


def _concat(matches: list[Matches]) -> Matches:
    if not matches:
        return Matches.empty()
    return Matches(*(np.concatenate(column) for column in zip(*matches, strict=True)))


def _clause(breaks: list[int], position: int) -> int:
    return bisect.bisect_right(breaks, position)


def _sign(valence: str) -> int:
    return {"positiv": 1, "negativ": -1}.get(valence, 0)


def _once_per_word(weights: list[float], found: list[Matches]) -> tuple[list[Matches], list[Matches]]:
    """Each term's first match per segment as found, and as counted: a word two terms of one code
    match ("virker" for the terms ``virker`` and ``virket``) counts once, for the term of the highest
    weight (the first of equal weights): one word is evidence once per code. A term of negative
    weight (``=frivilligt: -0.6`` beside ``frivillig``) is the codebook's correction of a word
    another term finds, and always counts. Only the terms that share a word are gone through."""
    shown = [first_per_row(matches) for matches in found]
    if len(found) <= 1:
        return shown, shown
    keys = [_span_keys(matches) for matches in found]
    every = np.concatenate(keys)
    owner = np.repeat(np.arange(len(keys)), [len(k) for k in keys])
    shared = _shared_keys(every, owner)
    if not len(shared):
        return shown, shown
    at_shared = np.isin(every, shared)
    bounds = np.concatenate([[0], np.cumsum([len(k) for k in keys])]).tolist()
    involved = np.unique(owner[at_shared]).tolist()
    shared_keys = set(shared.tolist())
    counted_keys: set[int] = set()
    counted: list[Matches] = list(shown)
    for index in sorted(involved, key=lambda i: -weights[i]):  # stable: codebook order within a weight
        mine, shares = keys[index], at_shared[bounds[index] : bounds[index + 1]]
        if weights[index] > 0 and counted_keys:
            taken = np.array([share and key in counted_keys for key, share in zip(
                mine.tolist(), shares.tolist(), strict=True)], dtype=bool)
            if taken.any():
                counted[index] = first_per_row(found[index].take(~taken))
        counted_keys.update(key for key in _span_keys(counted[index]).tolist() if key in shared_keys)
    return shown, counted


def _shared_keys(every: np.ndarray, owner: np.ndarray) -> np.ndarray:
    """The keys of ``every`` that more than one ``owner`` has (one sort over them all)."""
    order = np.lexsort((owner, every))
    every, owner = every[order], owner[order]
    first = np.ones(len(every), dtype=bool)  # the first of each (key, owner) pair
    first[1:] = (every[1:] != every[:-1]) | (owner[1:] != owner[:-1])
    pairs = every[first]
    again = pairs[1:] == pairs[:-1]  # a key whose next pair has another owner
    return np.unique(pairs[1:][again])


def _span_keys(matches: Matches) -> np.ndarray:
    """One int per match for its span in the joined text."""
    return matches.start.astype(np.int64) * (1 << 32) + matches.end.astype(np.int64)
