"""The framework matrix: one row per respondent, one column per theme, their best short quote in each cell."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from kvaleval.analyse.evidence import short_answers
from kvaleval.analyse.frequencies import with_groupings
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
from kvaleval.words import Words

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
    # A grouping code's column holds the best quote of any code under it, as its frequencies count them.
    codings = with_groupings(codings, codebook)
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
    # One pass over the best hits and one over the people: a survey has tens of thousands of respondents.
    best_by_person: dict[tuple[str, str], dict[str, tuple[str, str, str]]] = {}
    # A short answer that took its theme from the question ("Ja, to gange om ugen.") shows it.
    answered = set(short_answers(codings).itertuples(index=False, name=None))
    questions = best["question"] if "question" in best else pd.Series("", index=best.index)
    for doc_id, speaker, code_name, text, segment_id, question in zip(
            best["doc_id"], best["speaker"], best["code"], best["text"], best["segment_id"], questions, strict=True):
        took = (segment_id, code_name) in answered and isinstance(question, str)
        asked = question if took else ""
        best_by_person.setdefault((doc_id, speaker), {})[code_name] = (str(text), str(segment_id), asked)
    evidence = [_evidence_of(coder, [codebook.names.index(name) for name in codebook.applied(code.name)])
                for code in codebook.codes]
    rows = []
    for person in people.to_dict("records"):
        row = {
            "respondent": attribution(person, numbers, survey=person["doc_id"] in surveys, participants=participants,
                                      pseudonymiser=pseudonymiser),
            "doc_id": person["doc_id"],
            "speaker": person["speaker"],
        }
        by_code = best_by_person.get((person["doc_id"], person["speaker"]), {})
        for index, code in enumerate(codebook.codes):
            hit = by_code.get(code.name)
            if hit is None:
                row[code.display] = ""
                continue
            text, segment_id, asked = hit
            quote = trim(text, evidence[index], max_words=CELL_WORDS).text  # whole sentences where it can
            if pseudonymiser is not None:
                quote = pseudonymiser(quote, segment_id)
                asked = pseudonymiser(asked, segment_id) if asked else ""
            if asked:
                quote = f"{quote} {Words.answer_to.format(question=asked)}"
            row[code.display] = quote
        rows.append(row)
    return pd.DataFrame(rows, columns=["respondent", "doc_id", "speaker", *(c.display for c in codebook.codes)])


def _evidence_of(coder: RuleCoder, columns: list[int]) -> Callable[[list[str]], np.ndarray]:
    def evidence(sentences: list[str]) -> np.ndarray:
        return np.asarray(coder.score(sentences).evidence[:, columns].sum(axis=1))

    return evidence
