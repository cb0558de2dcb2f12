"""Codebook ``patterns``: spaCy Matcher patterns, run only when a codebook has them.

The pipeline is ``spacy.blank("da")`` (tokenizer only, nothing downloaded); token
lemmas come from kvaleval's lower-cased Danish lemma table (with the codebook's
overrides), so ``{"LEMMA": "vente"}`` works without a trained model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kvaleval.danish import lemma_table
from kvaleval.errors import CodebookError, Errors
from kvaleval.records import Codebook


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

    def matches(self, texts: Sequence[str]) -> list[PatternHit]:
        hits = []
        table = lemma_table() if self.uses_lemma else {}
        for row, doc in enumerate(self.nlp.pipe(texts, batch_size=256)):
            if self.uses_lemma:
                for token in doc:
                    lower = token.lower_
                    token.lemma_ = self.overrides.get(lower) or table.get(lower, lower)
            for match_id, start, end in self.matcher(doc):
                code, label = self.keys[match_id]
                span = doc[start:end]
                hits.append(PatternHit(row, code, label, span.start_char, span.end_char))
        return hits
