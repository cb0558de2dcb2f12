"""One coder scored against a gold coding: precision, recall, F1 and Cohen's κ per code.

The units are the respondent segments (of the segment table, or of a Coded result),
limited to the turns a gold coding sheet lists; a segment a coder did not code with a
code is "not coded" (absent) for that code. Codings of turns outside the units are
not scored. Conventions (see ``docs/human-coding.md``):

- precision = TP / (TP + FP); when the coder never used the code it is 0.0 if
  the gold has the code (as scikit-learn's ``zero_division=0``), NaN otherwise;
- recall = TP / support; when the gold never has the code it is 0.0 if the
  coder used the code (``zero_division=0`` again), NaN otherwise;
- F1 = 2·TP / (2·TP + FP + FN), NaN when neither coded it;
- κ is Cohen's κ over every unit, NaN (with a note) when both coders gave every
  unit the same value;
- the macro row ``(makro)`` averages precision, recall and F1 over the same codes:
  those the gold or the coder used (a code neither used is NaN and left out). This
  is scikit-learn's ``average="macro", zero_division=0`` over those codes. κ is
  averaged over the codes where it is defined.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kvaleval.analyse.agreement import _zero, fill_texts
from kvaleval.coding.human import HumanCodings, read_human_codings, unpack
from kvaleval.errors import Errors, HumanCodingError, Texts
from kvaleval.frames import require_columns, segment_key, segment_table
from kvaleval.records import RESPONDENT, Codebook

__all__ = ["CONFUSION_COLUMNS", "EVALUATE_COLUMNS", "MACRO", "confusion", "evaluate"]

MACRO = "(makro)"
EVALUATE_COLUMNS = (
    "code",
    "precision",
    "recall",
    "f1",
    "cohen_kappa",
    "support",
    "predicted",
    "tp",
    "fp",
    "fn",
    "valence_agreement",
    "note",
)
CONFUSION_COLUMNS = ("segment_id", "doc_id", "code", "kind", "valence", "gold_valence", "question", "text", "why")
FALSE_POSITIVE = "falsk positiv"
MISS = "overset"
OTHER_VALENCE = "anden valens"


class _Scored:
    """Predicted and gold codings as sets of segments per code, over one set of units."""

    def __init__(
        self,
        units: list[str],
        codes: list[str],
        predicted: pd.DataFrame,
        gold: pd.DataFrame,
        segments: pd.DataFrame | None,
    ) -> None:
        self.units, self.codes, self.segments = units, codes, segments
        self.predicted = _by_code(predicted)
        self.gold = _by_code(gold)
        self.why = _first(predicted, "why", joined=True)
        self.predicted_valence = _first(predicted, "valence")
        self.gold_valence = _first(gold, "valence")


def evaluate(
    coded_or_codings: Any,
    gold: pd.DataFrame | str | Path,
    *,
    segments: pd.DataFrame | None = None,
    coder: str | None = None,
    codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Score one coder's codings against gold codings, per code and macro-averaged.

    Parameters
    ----------
    coded_or_codings : Coded, HumanCodings or DataFrame
        A :class:`kvaleval.Coded` (its segments and codebook are used), codings
        read with :func:`kvaleval.read_human_codings` (a coder's sheet limits
        the units to its turns) or a codings table.
    gold : DataFrame, HumanCodings or path
        Gold codings (one coder): a table, codings read with
        :func:`kvaleval.read_human_codings`, or a file (read that way, against
        the segments). A gold coding sheet limits the units to the turns it lists.
    segments : DataFrame or Corpus, optional
        The units: its respondent segments (within the sheets' turns). Default:
        the Coded's segments, else the turns of the gold's sheet; without
        either, an error (a turn nobody coded could not be counted).
    coder : str, optional
        Score only this coder's codings (e.g. ``"rules"``). Default: every coder
        in the table, as a union (a segment counts once per code).
    codes : sequence of str, optional
        Codes to report, in order. Default: the codebook's, then any other code
        in either table.

    Returns
    -------
    pandas.DataFrame
        One row per code and the macro row (``code == "(makro)"``) with ``code,
        precision, recall, f1, cohen_kappa, support`` (gold segments with the
        code), ``predicted``, ``tp, fp, fn``, ``valence_agreement`` (share of
        true positives with the gold's valence, where the gold gives one), ``note``.

    Raises
    ------
    HumanCodingError
        Gold with several coders or none, an unknown coder, codings of
        segments outside the segment table, or no way to know the units.
    """
    scored = _prepare(coded_or_codings, gold, segments, coder, codes)
    n = len(scored.units)
    rows = []
    for code in scored.codes:
        predicted, truth = scored.predicted.get(code, set()), scored.gold.get(code, set())
        tp, fp, fn = len(predicted & truth), len(predicted - truth), len(truth - predicted)
        kappa, note = _kappa(tp, fp, fn, n - tp - fp - fn)
        if not truth:
            note = "; ".join(part for part in (Texts.note_no_gold, note) if part)
        agree = [
            scored.predicted_valence.get((s, code), "") == scored.gold_valence[(s, code)]
            for s in sorted(predicted & truth)
            if scored.gold_valence.get((s, code))
        ]
        rows.append(
            {
                "code": code,
                "precision": tp / (tp + fp) if tp + fp else (0.0 if truth else np.nan),
                "recall": tp / len(truth) if truth else (0.0 if predicted else np.nan),
                "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else np.nan,
                "cohen_kappa": kappa,
                "support": len(truth),
                "predicted": len(predicted),
                "tp": tp,
                "fp": fp,
                "fn": fn,
                "valence_agreement": float(np.mean(agree)) if agree else np.nan,
                "_valence": (sum(agree), len(agree)),
                "note": note,
            }
        )
    table = pd.DataFrame(rows, columns=[*EVALUATE_COLUMNS, "_valence"])
    agreeing, compared = (sum(pair[i] for pair in table["_valence"]) for i in (0, 1))
    macro = {
        "code": MACRO,
        **{column: _mean(table[column]) for column in ("precision", "recall", "f1", "cohen_kappa")},
        **{
            column: int(table[column].sum())
            for column in ("support", "predicted", "tp", "fp", "fn")
        },
        "valence_agreement": agreeing / compared if compared else np.nan,
        "note": Texts.note_macro,
    }
    table = table.drop(columns="_valence")
    return pd.concat([table, pd.DataFrame([macro])], ignore_index=True).astype(
        {column: "int64" for column in ("support", "predicted", "tp", "fp", "fn")}
    )


def confusion(
    coded_or_codings: Any,
    gold: pd.DataFrame | str | Path,
    *,
    segments: pd.DataFrame | None = None,
    coder: str | None = None,
    codes: Sequence[str] | None = None,
    pseudonymise: bool = True,
) -> pd.DataFrame:
    """False positives, misses and codings with another valence than the gold's, with the text and
    the coder's reason.

    Parameters
    ----------
    coded_or_codings, gold, segments, coder, codes
        As for :func:`evaluate`.
    pseudonymise : bool
        Pseudonymise the text and question (default).

    Returns
    -------
    pandas.DataFrame
        ``segment_id, doc_id, code, kind`` (``falsk positiv``: coded, not in the
        gold; ``overset``: in the gold, not coded; ``anden valens``: coded by both,
        the gold with a valence the coder did not give), ``valence`` (of the coding
        that exists: the coder's, for a miss the gold's), ``gold_valence`` (the
        gold's, where it has the code), ``question, text``, ``why`` (the coder's
        reason, where it coded; for a miss of coded segments, what evidence the rule coder
        found short of the threshold, ``under tærsklen (0.50 af 1): termer: hjemme``).
        Sorted by code (codebook order), kind and segment order.
    """
    scored = _prepare(coded_or_codings, gold, segments, coder, codes)
    position = {unit: index for index, unit in enumerate(scored.units)}
    rows = []
    missed: list[tuple[str, str]] = []
    for code in scored.codes:
        predicted, truth = scored.predicted.get(code, set()), scored.gold.get(code, set())
        other_valence = {segment for segment in predicted & truth
                         if scored.gold_valence.get((segment, code))
                         and scored.gold_valence[(segment, code)] != scored.predicted_valence.get((segment, code), "")}
        for kind, found, valence in (
            (FALSE_POSITIVE, predicted - truth, scored.predicted_valence),
            (MISS, truth - predicted, {}),  # the coder gave none; the gold's is in gold_valence
            (OTHER_VALENCE, other_valence, scored.predicted_valence),
        ):
            for segment in sorted(found, key=position.__getitem__):
                if kind == MISS:
                    missed.append((segment, code))
                rows.append(
                    (
                        segment,
                        segment.rsplit("#", 1)[0],
                        code,
                        kind,
                        valence.get((segment, code), ""),
                        scored.gold_valence.get((segment, code), ""),
                        "",
                        "",
                        scored.why.get((segment, code), "") if kind != MISS else "",
                    )
                )
    table = pd.DataFrame(rows, columns=list(CONFUSION_COLUMNS))
    codebook = getattr(coded_or_codings, "codebook", None)
    if missed and codebook is not None and scored.segments is not None:
        options = getattr(coded_or_codings, "options", {}) or {}
        below = _below_threshold(codebook, scored.segments, missed, {
            key: options[key] for key in ("short_answer_words", "question_weight") if key in options})
        is_miss = table["kind"] == MISS
        table.loc[is_miss, "why"] = [below.get(pair, "") for pair in
                                     zip(table.loc[is_miss, "segment_id"], table.loc[is_miss, "code"], strict=True)]
    return fill_texts(table, scored.segments, pseudonymise)


def _below_threshold(codebook: Codebook, segments: pd.DataFrame, missed: Sequence[tuple[str, str]],
                     options: dict[str, Any]) -> dict[tuple[str, str], str]:
    """What the rule coder (with the ``options`` the corpus was coded with) found for each missed
    (segment, code), short of the code's threshold."""
    from kvaleval.coding import threaded_questions, why
    from kvaleval.coding.rules import RuleCoder

    wanted = list(dict.fromkeys(segment for segment, _ in missed))
    rows = segments.set_index(segments["segment_id"].astype(str))
    present = [segment for segment in wanted if segment in rows.index]
    if not present:
        return {}
    coder = RuleCoder(codebook, **options)
    texts = rows.loc[present, "text"].astype(str).tolist()
    questions = None
    if "question" in rows:  # each read as the coder read it: a follow-up ("Og så?") with the question before it
        positions = np.arange(len(segments))
        asked = [q if isinstance(q, str) else None for q in segments["question"].tolist()]
        read = dict(zip(segments["segment_id"].astype(str).tolist(),
                        threaded_questions(segments, positions, asked, coder), strict=True))
        questions = [read[segment] for segment in present]
    scores = coder.score(texts, questions)
    place = {segment: index for index, segment in enumerate(present)}
    columns = {name: index for index, name in enumerate(codebook.names)}
    found = {}
    for segment, code in missed:
        if segment not in place or code not in columns:
            continue
        row, column = place[segment], columns[code]
        finding = scores.findings.get((row, column))
        found[(segment, code)] = Texts.below_threshold.format(
            evidence=float(scores.evidence[row, column]), threshold=coder.thresholds[column],
            why=why(finding)) if finding else Texts.nothing_found
    return found


# -- preparation ---------------------------------------------------------------------------


def _prepare(
    coded_or_codings: Any,
    gold: pd.DataFrame | HumanCodings | str | Path,
    segments: pd.DataFrame | None,
    coder: str | None,
    codes: Sequence[str] | None,
) -> _Scored:
    segments = segment_table(segments)
    codebook = getattr(coded_or_codings, "codebook", None)
    seen: dict[str, set[str]] = {}
    order: list[str] = []
    if isinstance(coded_or_codings, pd.DataFrame | HumanCodings):
        codings, seen, _, order = unpack(coded_or_codings)
    elif isinstance(getattr(coded_or_codings, "codings", None), pd.DataFrame):
        codings = coded_or_codings.codings
        if segments is None:
            segments = coded_or_codings.segments
    else:
        raise HumanCodingError(Errors.E833.format(kind=type(coded_or_codings).__name__))
    require_columns(codings, ("segment_id", "code", "coder"))
    source = Texts.table_given
    if not isinstance(gold, pd.DataFrame | HumanCodings):
        source = str(gold)
        gold = read_human_codings(gold, segments=segments, codebook=codebook)
    gold, gold_seen, _, gold_order = unpack(gold)
    require_columns(gold, ("segment_id", "code", "coder"))
    gold_coders = sorted(gold["coder"].astype(str).unique())
    if gold.empty:  # a sheet that lists turns but codes none is no standard either: every F1 would be 0
        raise HumanCodingError(Errors.E832.format(source=source))
    if len(gold_coders) > 1:
        raise HumanCodingError(
            Errors.E830.format(
                n=len(gold_coders), coders=", ".join(gold_coders), first=gold_coders[0]
            )
        )
    if coder is not None:
        coders = sorted(codings["coder"].astype(str).unique())
        if coder not in coders:
            raise HumanCodingError(
                Errors.E831.format(coder=coder, coders=", ".join(coders) or Texts.none)
            )
        codings = codings[codings["coder"].astype(str) == coder]
    # The turns the gold coder was given (a coding sheet), and those the scored coder was.
    limits = [ids for ids in gold_seen.values()]
    scored_coders = set(codings["coder"].astype(str))
    if seen and scored_coders and scored_coders <= set(seen):
        limits.append(set().union(*(seen[c] for c in scored_coders)))
    ids = set(codings["segment_id"].astype(str)) | set(gold["segment_id"].astype(str))
    if segments is not None:
        require_columns(segments, ("segment_id",))
        rows = (
            segments[segments["speaker_role"] == RESPONDENT]
            if "speaker_role" in segments
            else segments
        )
        units = list(dict.fromkeys(rows["segment_id"].astype(str)))
        outside = sorted(ids - set(units), key=segment_key)
        if outside:
            n = int(
                codings["segment_id"].astype(str).isin(outside).sum()
                + gold["segment_id"].astype(str).isin(outside).sum()
            )
            raise HumanCodingError(Errors.E822.format(n=n, examples=outside[:3]))
    elif limits:
        units = sorted(set.intersection(*limits), key=segment_key)
    else:
        raise HumanCodingError(Errors.E842)
    for limit in limits:
        units = [unit for unit in units if unit in limit]
    within = set(units)
    codings = codings[codings["segment_id"].astype(str).isin(within)]
    gold = gold[gold["segment_id"].astype(str).isin(within)]
    found = sorted(set(codings["code"].astype(str)) | set(gold["code"].astype(str)))
    first = (
        list(codes) if codes is not None else list(codebook.names) if codebook is not None else []
    )
    return _Scored(
        units, list(dict.fromkeys([*first, *gold_order, *order, *found])), codings, gold, segments
    )


def _by_code(codings: pd.DataFrame) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for segment, code in zip(
        codings["segment_id"].astype(str), codings["code"].astype(str), strict=True
    ):
        result.setdefault(code, set()).add(segment)
    return result


def _first(
    codings: pd.DataFrame, column: str, *, joined: bool = False
) -> dict[tuple[str, str], str]:
    """(segment, code) -> the column's value; the first non-empty by coder, or all joined."""
    if column not in codings:
        return {}
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for segment, code, coder, value in zip(
        codings["segment_id"].astype(str),
        codings["code"].astype(str),
        codings["coder"].astype(str),
        codings[column],
        strict=True,
    ):
        if isinstance(value, str) and value:
            found.setdefault((segment, code), []).append((coder, value))
    result = {}
    for key, values in found.items():
        values.sort()
        if joined and len(values) > 1:
            result[key] = "; ".join(f"{coder}: {value}" for coder, value in values)
        else:
            result[key] = values[0][1]
    return result


def _kappa(tp: int, fp: int, fn: int, tn: int) -> tuple[float, str]:
    n = tp + fp + fn + tn
    if n == 0:
        return np.nan, Texts.note_no_units_evaluate
    observed = (tp + tn) / n
    chance = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n)
    if tp + fp in (0, n) and tp + fn == tp + fp:
        return np.nan, "κ " + Texts.note_no_variation
    return _zero((observed - chance) / (1 - chance)), ""


def _mean(values: pd.Series) -> float:
    defined = values.dropna()
    return float(defined.mean()) if len(defined) else np.nan
