"""A straightforward, segment-by-segment reading of the rule coder's term and near-cue evidence.

The rule coder answers these questions for a whole batch of segments with arrays
(:mod:`kvaleval.coding.batch`); this reference answers them one segment at a time,
one term at a time, with plain loops over words and hits, so the fast path can be
checked against it. It shares only the compiled codebook and the automaton's hits
(themselves checked against a word-by-word reference in ``test_matcher_scan.py``).
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate
from typing import Any

from kvaleval.coding.matcher import ACROSS_STOPS, STOPS, lower, word_spans
from kvaleval.coding.valence import NEGATION, NEGATIVE, POSITIVE
from kvaleval.danish import FILLERS

_GAP_BREAK = re.compile(r"[.,;:!?]")
_STOP = re.compile(f"[{re.escape(STOPS)}]")
_LETTER = re.compile(r"[^\W\d_]")


def reference_evidence(coder: Any, text: str) -> dict[int, tuple[float, list[str], list[str], list[tuple[int, int]]]]:
    """Code column -> (evidence, term labels, near labels, first span of each term) for one segment."""
    low = lower(text)
    starts, ends, classes = coder.matcher.scan_words(low)
    spans = word_spans(low)
    word_starts = [start for start, _ in spans]
    not_filler = list(accumulate((low[a:b] not in FILLERS for a, b in spans), initial=0))
    by_class: dict[int, list[tuple[int, int, int]]] = {}
    for start, end, cls in zip(starts.tolist(), ends.tolist(), classes.tolist(), strict=True):
        word = max(bisect.bisect_right(word_starts, start) - 1, 0)
        by_class.setdefault(cls, []).append((start, end, word))
    cues = coder.valence_scanner.scan(low)
    results = {}
    for column, code in enumerate(coder.codes):
        evidence = 0.0
        terms: list[str] = []
        near: list[str] = []
        first_spans: list[tuple[int, int]] = []
        excluded = [span for slots in coder._exclude_slots[column]
                    for span in phrase_matches(slots, by_class, not_filler, low)]
        per_term = [[m for m in phrase_matches(slots, by_class, not_filler, low)
                     if not any(m[0] < e[1] and e[0] < m[1] for e in excluded)]
                    for slots, _ in coder._term_slots[column]]
        spans = [(m[0], m[1]) for found in per_term for m in found]
        # a match inside a longer word that a longer match of the code covers is not counted again
        outer = [[m for m in found if not (
            ((m[0] > 0 and _LETTER.match(low, m[0] - 1)) or (m[1] < len(low) and _LETTER.match(low, m[1])))
            and any(s <= m[0] and m[1] <= e and e - s > m[1] - m[0] for s, e in spans))] for found in per_term]
        # one word counts once per code, for the term of the highest weight: each term's first match
        # among the words no heavier term counted
        firsts: dict[int, tuple[int, int]] = {}
        for t in sorted(range(len(outer)), key=lambda t: -code.terms[t].weight):
            taken = set(firsts.values()) if code.terms[t].weight > 0 else set()  # a correction always counts
            free = [m for m in outer[t] if (m[0], m[1]) not in taken]
            if free:
                firsts[t] = (free[0][0], free[0][1])
        for t in range(len(outer)):
            if t in firsts:
                evidence += code.terms[t].weight
                first_spans.append(firsts[t])
            if outer[t]:  # found, counted or not (a heavier term may have counted its word)
                terms.append(code.terms[t].label)
        for cue in code.near:
            positions = []
            for kind, owner in cue.items:
                if kind == "lexicon":
                    positions.append([word for cls in coder._lexicon_classes.get(owner, ())
                                      for _, _, word in by_class.get(cls, ())])
                else:
                    wanted = (POSITIVE, NEGATIVE, NEGATION)[owner]
                    positions.append([max(bisect.bisect_right(word_starts, c.start) - 1, 0)
                                      for c in cues if c.kind == wanted])
            if all(positions) and any(
                all(any(abs(p - a) <= cue.window for p in others) for others in positions[1:])
                for a in positions[0]
            ):
                evidence += cue.weight
                near.append(cue.label)
        if terms or near:
            results[column] = (evidence, terms, near, first_spans)
    return results


def phrase_matches(slots, by_class, not_filler, low):  # type: ignore[no-untyped-def]
    """(start, end, first word) of each match of a phrase of word-class slots, gaps respected.

    From each hit of the first class, each next slot is the first hit of its class in a
    later word; it must come within the gap (fillers not counted) and, when words stand
    between, without punctuation between; when none do, with only commas between (any
    punctuation where the phrase itself has a full stop or the like there).
    """
    matches = []
    for start, end, word in by_class.get(slots[0][0], ()):
        last_word, last_end, ok = word, end, True
        for cls, gap in slots[1:]:
            following = [(s, e, w) for s, e, w in by_class.get(cls, ()) if w > last_word]
            if not following:
                ok = False
                break
            s, e, w = following[0]
            between = not_filler[w] - not_filler[last_word + 1]
            if (between > max(gap, 0) or (between and _GAP_BREAK.search(low, last_end, s))
                    or (not between and gap != ACROSS_STOPS and _STOP.search(low, last_end, s))):
                ok = False
                break
            last_word, last_end = w, e
        if ok:
            matches.append((start, last_end, word))
    return matches


def reference_cues(scanner: Any, text: str) -> list[tuple[int, int, int, int, str]]:
    """The valence scanner's cues in one text, found with a plain loop: whole words, the longer
    cue first at a place, a cue that starts inside a kept one dropped, a tag question not a negation."""
    from kvaleval.coding.valence import NEGATION, NEUTRAL, _is_tag_question

    found = []
    for word, (kind, score) in scanner.words.items():
        if not word:
            continue
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            if not ((start > 0 and text[start - 1].isalpha()) or (end < len(text) and text[end].isalpha())):
                shown = NEUTRAL if kind == NEGATION and _is_tag_question(text, start, end) else kind
                found.append((start, end, shown, score, word))
            start = text.find(word, start + 1)
    found.sort(key=lambda cue: (cue[0], -(cue[1] - cue[0])))
    kept: list[tuple[int, int, int, int, str]] = []
    for cue in found:
        if not kept or cue[0] >= kept[-1][1]:
            kept.append(cue)
    return kept
