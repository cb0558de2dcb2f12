"""How strict a codebook should be, learned from a human coder's sample.

A codebook written before the interviews were read often asks for more evidence than the evaluator's
own coding does: a term weighted 0.6 under a threshold of 1.0 "takes two of them", but the evaluator
codes the turn that says it once. :func:`calibrate` codes the corpus with every threshold scaled by
each factor in :data:`SCALES` and picks the one that agrees best (mean Cohen's κ over the codes) with
the human codings. It also says what that choice is worth on material it was not chosen on: the
factor chosen on half of the documents, κ measured on the other half, both ways. One number for the
whole codebook, not one per code: per code, the handful of turns a sample gives per theme picks noise.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from kvaleval.analyse.evaluate import MACRO, evaluate
from kvaleval.records import RESPONDENT, Codebook

if TYPE_CHECKING:
    import pandas as pd

    from kvaleval.coded import Coded
    from kvaleval.coding.human import HumanCodings
    from kvaleval.corpus import Corpus

SCALES = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4)
"""The factors tried, strictest first (a tie keeps the codebook as strict as it was written)."""


@dataclass(frozen=True)
class Calibration:
    """The factor that fits the human coding best, and what it is worth."""

    scale: float
    """Every code's threshold times this (chosen on all the human-coded documents)."""
    kappa: float
    """Mean κ over the codes of the codebook as written."""
    kappa_scaled: float
    """Mean κ with the thresholds scaled (on the same documents it was chosen on: optimistic)."""
    kappa_held_out: float
    """Mean κ on documents the factor was not chosen on (two folds by document), or NaN with one document."""
    kappa_held_out_as_written: float
    """The codebook as written on those same halves, to compare with ``kappa_held_out``."""
    codebook: Codebook
    """The codebook with its thresholds scaled: give it to :func:`kvaleval.code`."""


def scaled(codebook: Codebook, scale: float) -> Codebook:
    """``codebook`` with every code's threshold times ``scale`` (terms and weights as written)."""
    codes = tuple(dataclasses.replace(code, threshold=round(code.threshold * scale, 6)) for code in codebook.codes)
    return dataclasses.replace(codebook, codes=codes)


def calibrate(corpus: Corpus, codebook: Codebook, gold: HumanCodings | pd.DataFrame) -> Calibration:
    """The threshold factor of :data:`SCALES` that agrees best with ``gold`` (read with
    :func:`kvaleval.read_codings` against ``corpus``, or a codings table), as a :class:`Calibration`.

    The units are the respondent turns of the documents ``gold`` codes in, all of them (a sheet that
    lists only some turns of a document counts its other turns as not coded)."""
    import kvaleval as kv

    segments = corpus.segments
    table: pd.DataFrame = gold.codings if hasattr(gold, "codings") else gold
    documents = sorted(set(table["doc_id"].astype(str))
                       & set(segments.loc[segments["speaker_role"] == RESPONDENT, "doc_id"].astype(str)))
    halves = [segments[segments["doc_id"].astype(str).isin(documents[start::2])] for start in (0, 1)]
    units = segments[segments["doc_id"].astype(str).isin(documents)]
    parts = [units, *halves] if len(documents) > 1 else [units]  # one document has no two halves
    kappas: dict[float, list[float]] = {}
    for scale in SCALES:
        coded = kv.code(corpus, scaled(codebook, scale))
        kappas[scale] = [_kappa(coded, table, part) for part in parts]
    best = _best(kappas, 0)
    held_out = as_written = float("nan")
    if len(documents) > 1:
        chosen = [_best(kappas, 1), _best(kappas, 2)]
        held_out = float(np.mean([kappas[chosen[0]][2], kappas[chosen[1]][1]]))
        as_written = float(np.mean([kappas[1.0][1], kappas[1.0][2]]))
    return Calibration(best, kappas[1.0][0], kappas[best][0], held_out, as_written, scaled(codebook, best))


def _best(kappas: dict[float, list[float]], part: int) -> float:
    """The factor with the highest κ on ``part`` (0 all, 1 and 2 the halves); of a tie the strictest."""
    def agreement(scale: float) -> float:
        value = kappas[scale][part]
        return -np.inf if np.isnan(value) else round(value, 6)
    return max(SCALES, key=agreement)  # max keeps the first of a tie, and SCALES starts strictest


def _kappa(coded: Coded, gold: pd.DataFrame, units: pd.DataFrame) -> float:
    """Mean κ over the codes, on the respondent turns of ``units`` (both codings cut to its documents)."""
    documents = set(units["doc_id"])
    codings = coded.codings
    table = evaluate(codings[codings["doc_id"].isin(documents)], gold[gold["doc_id"].isin(documents)],
                     segments=units, codes=list(coded.codebook.names))
    return float(table.loc[table["code"] == MACRO, "cohen_kappa"].iloc[0])
