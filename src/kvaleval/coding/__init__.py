"""Segments -> codings: the rule coder (and, when given, a trained model coder)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from kvaleval._gc import without_gc
from kvaleval.coded import Coded
from kvaleval.coding.rules import QUESTION_WEIGHT, RuleCoder, Scores
from kvaleval.corpus import Corpus
from kvaleval.danish import follows_up, invites_comment_many, last_question
from kvaleval.errors import CodingError, Errors, Texts
from kvaleval.frames import CODING_COLUMNS, empty_codings
from kvaleval.records import INTERVIEWER, RESPONDENT, Codebook

if TYPE_CHECKING:
    from kvaleval.coding.model import ModelCoder

__all__ = ["RuleCoder", "code", "rule_codings"]

METHODS = ("rules", "model", "both")


def code(
    corpus: Corpus,
    codebook: Codebook,
    *,
    method: str | None = None,
    model: ModelCoder | None = None,
    short_answer_words: int = 8,
    question_weight: float = QUESTION_WEIGHT,
    progress: bool = False,
) -> Coded:
    """Code every respondent segment of a corpus with a codebook.

    Parameters
    ----------
    corpus : Corpus
        From :func:`kvaleval.read_corpus`.
    codebook : Codebook
        From :func:`kvaleval.read_codebook`.
    method : {"rules", "model", "both"}, optional
        Default "rules", or "both" when a fitted ``model`` is given (one row per
        coder that coded a segment; ``codings.coder`` says which).
    model : ModelCoder, optional
        A fitted :class:`kvaleval.ModelCoder`.
    short_answer_words : int
        Answers of at most this many words inherit the themes of their question.
    question_weight : float
        Longer answers get this share of their question's evidence.
    progress : bool
        Show a progress bar while the rule coder works (segments, words per second).

    Returns
    -------
    Coded
        ``coded.codings`` has the columns ``segment_id, doc_id, code, coder,
        score, valence, why``, sorted by segment order, code and coder.
    """
    _check_arguments(corpus, codebook)
    method = method or ("both" if model is not None else "rules")
    if method not in METHODS:
        raise CodingError(Errors.E301.format(method=method, methods=", ".join(METHODS)))
    if method in ("model", "both") and model is None:
        raise CodingError(Errors.E309.format(method=method))
    tables = []
    if method in ("rules", "both"):
        coder = RuleCoder(codebook, short_answer_words=short_answer_words, question_weight=question_weight)
        tables.append(rule_codings(corpus.segments, codebook, coder=coder, progress=progress))
    if model is not None and method in ("model", "both"):
        tables.append(model.codings(corpus.segments))
    codings = pd.concat(tables, ignore_index=True) if tables else empty_codings()
    codings = _sort(codings, corpus.segments)
    options: dict[str, Any] = {"method": method, "short_answer_words": short_answer_words,
                               "question_weight": question_weight}
    return Coded(corpus=corpus, codebook=codebook, codings=codings, options=options, model=model)


def _check_arguments(corpus: object, codebook: object) -> None:
    from kvaleval._checks import PATH, check

    swapped = Texts.arg_swapped_code
    check(corpus, Corpus, function="kv.code", argument="corpus", expected=Texts.arg_corpus,
          hints=[(PATH, Texts.arg_read_folder_first),
                 (pd.DataFrame, Texts.arg_corpus_not_segments),
                 (Codebook, swapped)])
    check(codebook, Codebook, function="kv.code", argument="codebook",
          expected=Texts.arg_codebook,
          hints=[(PATH, Texts.arg_read_codebook_first),
                 (dict, Texts.arg_codebook_dict),
                 (Corpus, swapped)])


@without_gc
def rule_codings(
    segments: pd.DataFrame, codebook: Codebook, *, short_answer_words: int = 8,
    coder: RuleCoder | None = None, progress: bool = False,
) -> pd.DataFrame:
    """The rule coder's codings of the respondent segments of a segment table."""
    coder = coder or RuleCoder(codebook, short_answer_words=short_answer_words)
    # Only what the coder reads, taken column by column: no copy of the respondents' rows is held.
    positions = np.flatnonzero((segments["speaker_role"] == RESPONDENT).to_numpy())
    texts = segments["text"].iloc[positions].tolist()
    questions = _shared(segments["question"].iloc[positions]) if "question" in segments else None
    if questions is not None:
        questions = threaded_questions(segments, positions, questions, coder)
    scores = coder.score(texts, questions, progress=progress)
    return scores_to_codings(scores, segments[["segment_id", "doc_id"]].iloc[positions], coder="rules")


def threaded_questions(segments: pd.DataFrame, positions: np.ndarray, questions: list[str | None],
                       coder: RuleCoder) -> list[str | None]:
    """The question each respondent row (``positions`` of ``segments``, asked ``questions``) is read
    with, as a human coder follows the interview: a follow-up that names no theme and only points
    back (``Og så?``, ``Hvad mener du med det?``, :func:`kvaleval.danish.follows_up`) is read with
    the question before it in the document (``Hvordan hørte du om besøgsvennerne? Og så?``), whose
    theme it goes on with. Not one that asks for anything more (``Er der andet?``), nor in a survey:
    only in documents with an interviewer."""
    if "speaker_role" not in segments or "doc_id" not in segments:
        return questions
    asker = segments["speaker_role"] == INTERVIEWER
    if not asker.any():
        return questions
    interviewed = set(segments["doc_id"][asker].astype(str).tolist())
    docs = segments["doc_id"].iloc[positions].astype(str).tolist()
    candidates = sorted({question for question, doc in zip(questions, docs, strict=True)
                         if question and doc in interviewed and follows_up(question)})
    if not candidates:
        return questions
    named = coder.score(candidates).coded.any(axis=1) | invites_comment_many(candidates)
    following = {question for question, said in zip(candidates, named.tolist(), strict=True) if not said}
    threaded: list[str | None] = []
    doc, previous, read = None, None, None  # the document, the last question in it, and how it is read
    for question, this in zip(questions, docs, strict=True):
        if this != doc:
            doc, previous, read = this, None, None
        if question is not None and question != previous:
            read = f"{last_question(previous)} {question}" if question in following and previous else question
            previous = question
        threaded.append(read if question is not None else None)
    return threaded


def _shared(values: pd.Series) -> list[str | None]:
    """The values as a list in which equal strings are one object (a question repeats over its answers)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    strings: list[str | None] = [value if isinstance(value, str) else None for value in uniques.tolist()]
    strings.append(None)  # code -1: missing
    return [strings[code] for code in codes.tolist()]


def scores_to_codings(scores: Scores, segments: pd.DataFrame, *, coder: str) -> pd.DataFrame:
    """One coding row per (segment, code) whose evidence reaches the threshold."""
    rows, columns = np.nonzero(scores.coded)
    if len(rows) == 0:
        return empty_codings()
    findings = [scores.findings.get(pair) for pair in zip(rows.tolist(), columns.tolist(), strict=True)]
    return pd.DataFrame({
        "segment_id": segments["segment_id"].to_numpy()[rows],
        "doc_id": segments["doc_id"].to_numpy()[rows],
        "code": np.array(scores.codes, dtype=object)[columns],
        "coder": coder,
        "score": [round(score, 4) for score in scores.score_at(rows, columns).tolist()],  # as Python rounds
        "valence": [finding.valence if finding else "" for finding in findings],
        "why": [why(finding) if finding else "" for finding in findings],
    }, columns=list(CODING_COLUMNS))


def why(finding: Any) -> str:
    """A human-readable reason in Danish: which terms, cues, question and valence words decided."""
    parts = []
    if finding.terms:
        parts.append("termer: " + ", ".join(finding.terms))
    if finding.near:
        parts.append("nær: " + ", ".join(finding.near))
    if finding.question:
        parts.append(f"svar på spørgsmål: »{finding.question}«")
    if finding.negated:
        parts.append("negation: " + ", ".join(sorted(set(finding.negated))))
    if finding.valence:
        reasons = ", ".join(dict.fromkeys(finding.valence_why))
        parts.append(f"valens {finding.valence}" + (f" ({reasons})" if reasons else ""))
    return "; ".join(parts)


def _sort(codings: pd.DataFrame, segments: pd.DataFrame) -> pd.DataFrame:
    order = pd.Series(np.arange(len(segments)), index=segments["segment_id"].to_numpy())
    codings = codings.assign(_order=codings["segment_id"].map(order))
    return (
        codings.sort_values(["_order", "code", "coder"], kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)
    )
