"""Verbatim quotes an evaluator would accept: ranked, trimmed, diverse, attributed, pseudonymised.

A quote is one contiguous stretch of a respondent segment, 15–80 words where the
segment allows, cut at sentence boundaries and marked "[...]" where cut; apart
from those marks and pseudonymised names it is an exact substring of its source,
and ``start``/``end`` are its offsets in the document text. Selection takes the
best quote of each respondent before a second from anyone, alternating between
groups; it is deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from kvaleval.analyse.privacy import corpus_pseudonymiser
from kvaleval.coding.rules import RuleCoder
from kvaleval.errors import ArgumentError, CodingError, Errors, Texts
from kvaleval.frames import QUOTE_COLUMNS, VALENCES, require_columns
from kvaleval.records import GROUP_COLUMN, RESPONDENT, Codebook
from kvaleval.segment.tags import is_no_respondent
from kvaleval.words import Words

MIN_WORDS = 15
MAX_WORDS = 80
ELLIPSIS = "[...]"
ROLE_COLUMN = "role"
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”»)]*\s+|\n+")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Trimmed:
    start: int  # offsets within the segment text
    end: int
    text: str  # with "[...]" where cut

    @property
    def words(self) -> int:
        return len(self.text.split())


def trim(text: str, sentence_evidence: Callable[[list[str]], np.ndarray] | None = None, *,
         max_words: int = MAX_WORDS) -> Trimmed:
    """The best stretch of ``text`` of at most ``max_words`` words, at sentence boundaries where possible.

    ``sentence_evidence`` scores a list of sentences for the theme; the window
    with the most evidence wins (the earliest on a tie).
    """
    words = len(text.split())
    if words <= max_words:
        return Trimmed(0, len(text), text)
    sentences = _sentences(text)
    counts = [len(text[a:b].split()) for a, b in sentences]
    evidence = (
        sentence_evidence([text[a:b] for a, b in sentences]) if sentence_evidence else np.zeros(len(sentences))
    )
    best_key: tuple[float, int, int] | None = None
    best_span: tuple[int, int] | None = None
    for i in range(len(sentences)):
        total = 0
        for j in range(i, len(sentences)):
            total += counts[j]
            if total > max_words:
                break
            # Most evidence, then at least MIN_WORDS words, then the earliest and shortest window.
            key = (float(evidence[i : j + 1].sum()), min(total, MIN_WORDS, max_words), -i)
            if best_key is None or key > best_key:
                best_key, best_span = key, (i, j)
    if best_span is not None:
        start, end = sentences[best_span[0]][0], sentences[best_span[1]][1]
    else:
        start, end = _word_window(text, sentences, evidence, max_words)
    return _mark(text, start, end)


def _sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    position = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > position:
            spans.append((position, match.start()))
        position = match.end()
    if position < len(text):
        spans.append((position, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _word_window(text: str, sentences: list[tuple[int, int]], evidence: np.ndarray,
                 max_words: int) -> tuple[int, int]:
    """A sentence longer than ``max_words`` words: its first words, in the best sentence."""
    index = int(np.argmax(evidence)) if len(evidence) else 0
    a, b = sentences[index]
    spans = [m.span() for m in _WORD.finditer(text, a, b)][:max_words]
    return spans[0][0], spans[-1][1]


def _mark(text: str, start: int, end: int) -> Trimmed:
    quote = text[start:end]
    if start > 0:
        quote = f"{ELLIPSIS} {quote}"
    if end < len(text.rstrip()):
        quote = f"{quote} {ELLIPSIS}"
    return Trimmed(start, end, quote)


def document_numbers(segments: pd.DataFrame) -> dict[str, int]:
    """doc_id -> 1-based number in sorted order: a pseudonymous document id."""
    return {doc_id: i for i, doc_id in enumerate(sorted(segments["doc_id"].unique()), start=1)}


def interview_name(doc_id: str, numbers: dict[str, int]) -> str:
    """``interview 7``: how quotes name a document that is no survey (the key in the sheet Kilder)."""
    return f"interview {numbers[doc_id]}"


def participant_numbers(segments: pd.DataFrame) -> dict[tuple[str, str], int]:
    """(doc_id, speaker) -> 1-based number of the respondent in a document with several (a focus
    group), in order of first turn: quotes of two participants must not read alike."""
    respondents = segments.loc[segments["speaker_role"] == RESPONDENT, ["doc_id", "speaker"]].drop_duplicates()
    respondents = respondents[~respondents["speaker"].astype(str).map(is_no_respondent)]  # "Alle:" is no participant
    numbers: dict[tuple[str, str], int] = {}
    for doc_id, people in respondents.groupby("doc_id", sort=False)["speaker"]:
        if len(people) > 1:
            numbers.update({(str(doc_id), str(person)): i for i, person in enumerate(people, start=1)})
    return numbers


def attribution(row: pd.Series | Mapping[str, Any], numbers: dict[str, int], *, survey: bool = False,
                participants: dict[tuple[str, str], int] | None = None,
                pseudonymiser: Callable[[str, str], str] | None = None) -> str:
    """``(Samarbejdspartner, skole, interview 7)``, ``(Borger, interview 6, deltager 2)`` in a focus
    group (``participants``: :func:`participant_numbers`), or ``(Borger, spørgeskema, respondent 17)``;
    the group and role pseudonymised by ``pseudonymiser`` (a metadata role can be a person's name)."""
    parts: list[str] = []
    for column in (GROUP_COLUMN, ROLE_COLUMN):
        value = _text(row.get(column)).strip()
        if value and pseudonymiser is not None:
            value = pseudonymiser(value, f"egenskab: {column}")
        if value and not any(part.casefold() == value.casefold() for part in parts):  # not "(Elev, elev, ...)"
            parts.append(value[:1].upper() + value[1:] if column == GROUP_COLUMN else value)
    if survey:  # the respondent as the Segmenter sheet shows them ("R_4Bdx..." may be a pseudonymised id)
        speaker = str(row["speaker"])
        shown = pseudonymiser(speaker, "egenskab: speaker") if pseudonymiser is not None else speaker
        parts.append(f"{Words.survey}, {shown}" if shown.startswith("[")
                     else Words.survey_respondent.format(speaker=shown))
    else:
        parts.append(interview_name(row["doc_id"], numbers))
        participant = (participants or {}).get((str(row["doc_id"]), str(row["speaker"])))
        if participant is not None:
            parts.append(Words.participant.format(n=participant))
    return "(" + ", ".join(parts) + ")"


def quotes(
    segments: pd.DataFrame,
    codings: pd.DataFrame,
    codebook: Codebook,
    code: str,
    *,
    n: int = 5,
    valence: str | None = None,
    pseudonymise: bool = True,
    per_respondent: int = 2,
    pseudonymiser: Callable[[str, str], str] | None = None,
) -> pd.DataFrame:
    """The ``n`` best verbatim quotes for one code.

    Returns
    -------
    DataFrame
        ``segment_id, doc_id, speaker, group, quote, start, end, score, question,
        attribution, valence``: ``quote`` is trimmed and pseudonymised (unless
        ``pseudonymise=False``), ``start``/``end`` are its offsets in the document
        text, ``question`` is the interviewer turn (or survey question) it answered.
    """
    from kvaleval._checks import check

    check(code, str, function="quotes", argument="code", expected=Texts.arg_code_name,
          hint=Texts.arg_codes.format(codes=list(codebook.names)))
    check(n, int, function="quotes", argument="n", expected=Texts.arg_whole_number, hint=Texts.arg_n_example)
    if valence is not None and valence not in VALENCES:
        raise ArgumentError(Errors.E312.format(function="quotes", value=valence, valences=", ".join(VALENCES)))
    if code not in codebook:
        raise CodingError(Errors.E302.format(code=code, codes=list(codebook.names)))
    # A grouping code (codable: false) is never applied: its quotes are those of the codes under it,
    # as its rows in the frequency tables count them.
    codes = list(codebook.applied(code))
    ranked = rank_candidates(segments, codings, codes, valences={valence} if valence else None)
    chosen = diverse(ranked, n, per_respondent=per_respondent)
    return render(chosen, segments, codebook, codes, pseudonymise=pseudonymise, pseudonymiser=pseudonymiser)


def rank_candidates(
    segments: pd.DataFrame,
    codings: pd.DataFrame,
    codes: Sequence[str],
    *,
    valences: set[str] | None = None,
) -> pd.DataFrame:
    """Respondent segments coded with any of ``codes`` (with one of ``valences``), best first: of
    those long enough to quote, the ones with more of ``codes`` first (a conclusion about two themes
    is best backed by a turn that speaks of both), then by score."""
    require_columns(codings, ["segment_id", "code", "score", "valence"])
    mine = codings[codings["code"].isin(codes)]
    if valences is not None:
        mine = mine[mine["valence"].fillna("").isin(valences)]
    best = mine.groupby("segment_id", sort=False).agg(score=("score", "max"), valence=("valence", "first"),
                                                      _themes=("code", "nunique"))
    respondents = segments[segments["speaker_role"] == RESPONDENT]
    frame = respondents.merge(best, left_on="segment_id", right_index=True, how="inner")
    frame = frame.assign(
        _words=frame["text"].str.split().str.len(),
        _order=np.arange(len(frame)),
    )
    frame["_fits"] = frame["_words"] >= MIN_WORDS
    return frame.sort_values(["_fits", "_themes", "score", "_words", "_order"],
                             ascending=[False, False, False, False, True], kind="stable").drop(columns="_themes")


def diverse(ranked: pd.DataFrame, n: int, *, per_respondent: int = 2) -> pd.DataFrame:
    """Every respondent's best before anyone's second; groups take turns within each round."""
    if ranked.empty or n <= 0:
        return ranked.head(0)
    case = ranked["doc_id"].astype(str) + "\x1f" + ranked["speaker"].astype(str)
    group = pd.Series("", index=ranked.index)
    if GROUP_COLUMN in ranked:  # a respondent without a group is a group too: groupby drops a missing key
        group = ranked[GROUP_COLUMN].astype(object).where(ranked[GROUP_COLUMN].notna(), "").astype(str)
    rank_within = case.groupby(case, sort=False).cumcount()
    # the same words from two respondents (a survey's "Godt." or a pasted answer) are quoted once
    said = (ranked["text"].astype(str).map(lambda text: " ".join(text.casefold().split()))
            if "text" in ranked else pd.Series(ranked.index.astype(str), index=ranked.index))
    seen: set[str] = set()
    picked: list[int] = []
    for round_number in range(per_respondent):
        pool = ranked[rank_within == round_number]
        queues = {g: list(rows.index) for g, rows in pool.groupby(group[pool.index], sort=False)}
        while queues and len(picked) < n:
            for g in list(queues):
                while queues[g] and said[queues[g][0]] in seen:
                    queues[g].pop(0)
                if queues[g]:
                    row = queues[g].pop(0)
                    picked.append(row)
                    seen.add(said[row])
                if not queues[g]:
                    del queues[g]
                if len(picked) >= n:
                    break
        if len(picked) >= n:
            break
    return ranked.loc[picked]


def render(
    chosen: pd.DataFrame,
    segments: pd.DataFrame,
    codebook: Codebook,
    codes: Sequence[str],
    *,
    pseudonymise: bool = True,
    pseudonymiser: Callable[[str, str], str] | None = None,
) -> pd.DataFrame:
    """Trim, pseudonymise and attribute the chosen segments."""
    columns = [*QUOTE_COLUMNS, "attribution", "valence"]
    if chosen.empty:
        return pd.DataFrame({column: pd.Series(dtype=object) for column in columns})
    coder = rule_coder(codebook)
    indices = [codebook.names.index(code) for code in codes]

    def sentence_evidence(sentences: list[str]) -> np.ndarray:
        return coder.score(sentences).evidence[:, indices].sum(axis=1)

    if pseudonymise and pseudonymiser is None:
        pseudonymiser = corpus_pseudonymiser(segments)
    if not pseudonymise:
        pseudonymiser = None
    numbers = document_numbers(segments)
    participants = participant_numbers(segments)
    surveys = survey_documents(segments)
    rows = []
    for _, row in chosen.iterrows():
        trimmed = trim(str(row["text"]), sentence_evidence)
        quote = trimmed.text
        question = _text(row.get("question"))
        if pseudonymiser is not None:
            quote = pseudonymiser(quote, str(row["segment_id"]))
            question = pseudonymiser(question, str(row["segment_id"])) if question else ""
        survey = row["doc_id"] in surveys
        rows.append(
            {
                "segment_id": row["segment_id"],
                "doc_id": row["doc_id"],
                "speaker": pseudonymiser(str(row["speaker"]), "egenskab: speaker") if pseudonymiser else row["speaker"],
                "group": _text(row.get(GROUP_COLUMN)),
                "quote": quote,
                "start": int(row["start"]) + trimmed.start,
                "end": int(row["start"]) + trimmed.end,
                "score": float(row["score"]),
                "question": question,
                "attribution": attribution(row, numbers, survey=survey, participants=participants,
                                           pseudonymiser=pseudonymiser),
                "valence": row.get("valence") or "",
            }
        )
    return pd.DataFrame(rows, columns=columns)


_CODERS: dict[int, tuple[Codebook, RuleCoder]] = {}


def rule_coder(codebook: Codebook) -> RuleCoder:
    """One compiled rule coder per codebook object, reused across quote selections."""
    cached = _CODERS.get(id(codebook))
    if cached is None or cached[0] is not codebook:
        cached = (codebook, RuleCoder(codebook))
        _CODERS.clear()
        _CODERS[id(codebook)] = cached
    return cached[1]


def survey_documents(segments: pd.DataFrame) -> set[str]:
    """Documents read from survey exports: no interviewer turns and several respondents."""
    roles = segments.groupby("doc_id")["speaker_role"].agg(lambda values: (values == RESPONDENT).all())
    speakers = segments.groupby("doc_id")["speaker"].nunique()
    return set(roles[roles & (speakers > 1)].index)


def _text(value: object) -> str:
    """A cell as text; a missing one (NaN, None) is empty, not ``"nan"``."""
    return value if isinstance(value, str) else ""
