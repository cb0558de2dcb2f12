"""The framework matrix: one row per respondent, one column per theme, their best short quote in each cell."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from kvaleval.analyse.privacy import corpus_pseudonymiser
from kvaleval.analyse.quotes import (
    attribution,
    document_numbers,
    participant_numbers,
    rule_coder,
    survey_documents,
    trim,
)
from kvaleval.coding.rules import RuleCoder
from kvaleval.records import RESPONDENT, Codebook

CELL_WORDS = 40


def framework_matrix(
    segments: pd.DataFrame,
    codings: pd.DataFrame,
    codebook: Codebook,
    *,
    pseudonymise: bool = True,
    pseudonymiser: Callable[[str, str], str] | None = None,
) -> pd.DataFrame:
    """Respondent x theme, each cell the respondent's best quote on the theme (trimmed, pseudonymised).

    Returns
    -------
    DataFrame
        ``respondent`` (pseudonymous attribution), ``doc_id``, ``speaker``, then one
        column per code (its label) with the quote, or "" when the respondent did
        not raise the theme. Rows in document order.
    """
    if pseudonymise and pseudonymiser is None:
        pseudonymiser = corpus_pseudonymiser(segments)
    respondents = segments[segments["speaker_role"] == RESPONDENT]
    best = (
        codings.sort_values("score", ascending=False, kind="stable")
        .drop_duplicates(["segment_id", "code"])
        .merge(respondents, on=["segment_id", "doc_id"])
    )
    best = best.assign(_words=best["text"].str.split().str.len())
    best = best.sort_values(["score", "_words"], ascending=[False, True], kind="stable")
    best = best.drop_duplicates(["doc_id", "speaker", "code"])
    coder = rule_coder(codebook)
    numbers = document_numbers(segments)
    participants = participant_numbers(segments)
    people = respondents.drop_duplicates(["doc_id", "speaker"])
    surveys = survey_documents(segments)
    best_by_person = {key: group for key, group in best.groupby(["doc_id", "speaker"], sort=False)}
    empty = best.head(0)
    rows = []
    for _, person in people.iterrows():
        row = {
            "respondent": attribution(person, numbers, survey=person["doc_id"] in surveys, participants=participants),
            "doc_id": person["doc_id"],
            "speaker": person["speaker"],
        }
        mine = best_by_person.get((person["doc_id"], person["speaker"]), empty)
        by_code = {code: hit for code, hit in zip(mine["code"], mine.itertuples(index=False), strict=True)}
        for index, code in enumerate(codebook.codes):
            hit = by_code.get(code.name)
            if hit is None:
                row[code.display] = ""
                continue
            quote = trim(str(hit.text), _evidence_of(coder, index)).text
            quote = _shorten(quote)
            if pseudonymiser is not None:
                quote = pseudonymiser(quote, str(hit.segment_id))
            row[code.display] = quote
        rows.append(row)
    return pd.DataFrame(rows, columns=["respondent", "doc_id", "speaker", *(c.display for c in codebook.codes)])


def _shorten(quote: str) -> str:
    words = quote.split(" ")
    if len(words) <= CELL_WORDS:
        return quote
    return " ".join(words[:CELL_WORDS]).rstrip() + " [...]"


def _evidence_of(coder: RuleCoder, column: int) -> Callable[[list[str]], np.ndarray]:
    def evidence(sentences: list[str]) -> np.ndarray:
        return np.asarray(coder.score(sentences).evidence[:, column])

    return evidence
