"""Round two for ``kvaleval/coding/rules.py``, measured: the same scores, linear in the corpus, less memory.

``NextRuleCoder`` is today's ``RuleCoder`` with three small changes, each a few lines
in ``rules.py``:

1. ``Scores.coded`` is computed once (a cached property), not on every read.
   ``_add_question_context`` reads ``asked.coded[q, column]`` per answer and code, and
   each read compared the whole (questions x codes) matrix: quadratic in the number of
   distinct questions (at 10M words, 95,000 questions: 47,000 reads took 23 s of 112).
2. Terms are indexed by their *longest* word (a rarer word than the first, which is
   often ``ikke``, ``det`` or ``for``), so fewer candidate terms are tried per segment.
   Every term tried still needs all its words present, and terms are tried in codebook
   order, so the evidence sums the same floats in the same order.
3. Segments are scanned in batches of 20,000 (``_segments_with_hits``), so the hit
   arrays and their Python lists take bounded memory at any corpus size.

``python benchmarks/proposals/check_rules_round2.py [CORPUS ...]`` compares it with
``RuleCoder`` (evidence, findings and codings must be identical) and times both.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cached_property

import numpy as np

from kvaleval.coding.rules import RuleCoder, Scores

BATCH = 20_000
"""Segments scanned together: long automaton runs, bounded memory."""


class CachedScores(Scores):
    @cached_property
    def coded(self) -> np.ndarray:  # type: ignore[override]
        return self.evidence >= self.thresholds - 1e-9


class NextRuleCoder(RuleCoder):
    def _index_word_classes(self) -> None:
        super()._index_word_classes()
        classes = self.matcher.classes
        self._first = {}
        for column, terms in enumerate(self._term_slots):
            for t, (slots, _) in enumerate(terms):
                # The longest word of the term (the first on a tie): rarer than the first word.
                anchor = max(slots, key=lambda slot: len(classes[slot[0]][0]))[0]
                self._first.setdefault(anchor, []).append((column, t))

    def _score(self, texts: Sequence[str], questions: Sequence[str | None] | None) -> Scores:
        scores = super()._score(texts, questions)
        return CachedScores(scores.codes, scores.thresholds, scores.evidence, scores.findings)

    def _segments_with_hits(self, texts: Sequence[str]) -> Iterator:  # type: ignore[type-arg]
        for first in range(0, len(texts), BATCH):
            for row, low, hits in super()._segments_with_hits(texts[first : first + BATCH]):
                yield first + row, low, hits
