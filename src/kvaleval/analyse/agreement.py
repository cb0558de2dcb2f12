"""Intercoder agreement per code and overall: percent agreement, Cohen's κ, Krippendorff's α.

Each (code, segment) is a binary decision: the coder coded the segment with the
code (1) or did not (0). The units are segments. A segment a coder did not see
(outside their ``coverage``) is missing for that coder, not "not coded".

Conventions (see ``docs/human-coding.md``):

- Percent agreement is Krippendorff's observed agreement 1 − D_o over the units
  at least two coders saw: for two coders, the share of units they agree on;
  with more coders, the share of agreeing pairs, each unit weighted by its
  number of values.
- Cohen's κ is computed for exactly two coders over the units both saw; with
  more coders it is NaN. It is undefined (NaN, with a note) when both coders
  used one and the same value for every unit: chance agreement is then 1 and
  κ = 0/0 (Cohen 1960). Percent agreement is 1.0 in that case.
- Krippendorff's α is nominal, for any number of coders, with missing data
  (Krippendorff 2011), computed by the ``krippendorff`` package. It is NaN,
  with a note, when the pairable values show no variation (expected
  disagreement is 0).
- The 95 % interval of α is a percentile bootstrap over units (the segments
  at least two coders saw), ``n_boot`` resamples, seeded.
- The overall row ``(alle)`` pools every (code, segment) decision as one unit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from kvaleval.coding.human import HumanCodings, unpack
from kvaleval.errors import Errors, HumanCodingError, Texts
from kvaleval.frames import ALL, require_columns, segment_key, segment_table
from kvaleval.records import RESPONDENT

__all__ = ["AGREEMENT_COLUMNS", "agreement", "disagreements"]

AGREEMENT_COLUMNS = (
    "code", "percent_agreement", "cohen_kappa", "krippendorff_alpha", "alpha_low", "alpha_high",
    "prevalence", "n_units", "valence_agreement", "note",
)
"""Fixed columns of :func:`agreement`; ``prevalence: <coder>`` columns follow."""

N_BOOT = 1000
_CHUNK = 250


@dataclass
class _Matrix:
    """Codings as an array: values[code, coder, unit] is 1, 0, or NaN (not seen)."""

    codes: list[str]
    coders: list[str]
    units: list[str]
    values: np.ndarray
    valences: dict[tuple[str, str, str], str]
    segments: pd.DataFrame | None


def agreement(
    codings: pd.DataFrame | HumanCodings,
    coders: Sequence[str] | None = None,
    *,
    segments: pd.DataFrame | None = None,
    codes: Sequence[str] | None = None,
    coverage: Mapping[str, Iterable[str]] | None = None,
    n_boot: int = N_BOOT,
    seed: int = 0,
) -> pd.DataFrame:
    """Agreement between coders, per code and overall.

    Parameters
    ----------
    codings : DataFrame or HumanCodings
        Every coder's codings: the result of
        :func:`kvaleval.coding.human.read_human_codings` (the turns each
        coder's sheet listed come with it, and a coder who coded nothing is
        counted), or a codings table (``segment_id, code, coder`` and, for
        ``valence_agreement``, ``valence``). Human vs rules or vs model: include
        those codings, and name the coders.
    coders : sequence of str, optional
        The coders to compare (at least two). Default: every coder in ``codings``
        (and every coder named in ``coverage``).
    segments : DataFrame or Corpus, optional
        The units: its respondent segments (a segment nobody coded counts as not
        coded by every coder). Default: every segment in ``codings``.
    codes : sequence of str, optional
        Codes to report, e.g. ``codebook.names`` (a code nobody used gets a row).
        Default: the codes of ``HumanCodings``, else every code in ``codings``.
    coverage : mapping of str to iterable of str, optional
        ``{coder: segment ids the coder saw}`` for coders who saw only part of the
        units; other units are missing for them. Coders not named saw every unit.
        Added to (and overriding) the coverage a ``HumanCodings`` carries.
    n_boot : int
        Bootstrap resamples for the interval of α (0: no interval).
    seed : int
        Seed of the bootstrap.

    Returns
    -------
    pandas.DataFrame
        One row per code, then the overall row (``code == "(alle)"``), with
        ``code, percent_agreement, cohen_kappa, krippendorff_alpha, alpha_low,
        alpha_high, prevalence`` (share of seen units coded with the code, mean
        over coders), ``n_units`` (units at least two coders saw; for the overall
        row: code × unit decisions), ``valence_agreement`` (share of agreeing
        valence pairs where coders both coded the code), ``note``, then one
        ``prevalence: <coder>`` column per coder.

    Raises
    ------
    HumanCodingError
        Fewer than two coders, a named coder without codings, or codings of
        segments outside the units.
    """
    if isinstance(n_boot, bool) or not isinstance(n_boot, int | np.integer) or n_boot < 0:
        raise HumanCodingError(Errors.E823.format(value=n_boot))
    matrix = _matrix(codings, coders, segments, codes, coverage)
    values = matrix.values
    per_unit = np.stack([_unit_stats(values[k]) for k in range(len(matrix.codes))], axis=1)
    pooled = per_unit.sum(axis=1)
    low, high = _bootstrap(per_unit, pooled, n_boot, seed)
    flat = values.transpose(1, 0, 2).reshape(len(matrix.coders), -1)
    rows = []
    for k, code in enumerate([*matrix.codes, ALL]):
        overall = code == ALL
        data = flat if overall else values[k]
        stats = pooled if overall else per_unit[:, k]
        alpha, note = _alpha(data, stats.sum(axis=0))
        kappa, kappa_note = _kappa(data)
        notes = [n for n in (Texts.note_pooled if overall else "", note, kappa_note) if n]
        prevalence = [_share(data[r]) for r in range(len(matrix.coders))]
        pairs = _valence_pairs(matrix, None if overall else k)
        rows.append({
            "code": code,
            "percent_agreement": _percent(stats.sum(axis=0)),
            "cohen_kappa": kappa,
            "krippendorff_alpha": alpha,
            "alpha_low": low[k] if not np.isnan(alpha) else np.nan,
            "alpha_high": high[k] if not np.isnan(alpha) else np.nan,
            "prevalence": _mean(prevalence),
            "n_units": int((per_unit[:, :, 0] > 0).sum() if overall else (stats[:, 0] > 0).sum()),
            "valence_agreement": pairs[0] / pairs[1] if pairs[1] else np.nan,
            "note": "; ".join(dict.fromkeys(notes)),
            **{f"prevalence: {c}": p for c, p in zip(matrix.coders, prevalence, strict=True)},
        })
    return pd.DataFrame(rows)


def disagreements(
    codings: pd.DataFrame | HumanCodings,
    coders: Sequence[str] | None = None,
    *,
    segments: pd.DataFrame | None = None,
    codes: Sequence[str] | None = None,
    coverage: Mapping[str, Iterable[str]] | None = None,
    pseudonymise: bool = True,
) -> pd.DataFrame:
    """The (segment, code) decisions coders disagree on, with the text, to reconcile them.

    Parameters
    ----------
    codings, coders, segments, codes, coverage
        As for :func:`agreement`; ``codes`` sets the order of codes within a segment.
    pseudonymise : bool
        Pseudonymise the text and question (default).

    Returns
    -------
    pandas.DataFrame
        ``segment_id, doc_id, code, kind`` (``kode``: some coded it, some did not;
        ``valens``: all coded it, with different valences), one column per coder
        (``1 (negativ)``, ``1``, ``0``, or empty if the coder did not see the
        segment), ``question, text``; in segment order, then code.
    """
    matrix = _matrix(codings, coders, segments, codes, coverage)
    rows = []
    for u, unit in enumerate(matrix.units):
        for k, code in enumerate(matrix.codes):
            column = matrix.values[k, :, u]
            rated = column[~np.isnan(column)]
            if len(rated) < 2:
                continue
            said = [matrix.valences.get((unit, code, coder), "") for coder in matrix.coders]
            tones = {said[r] for r in range(len(said)) if column[r] == 1}
            if rated.min() != rated.max():
                kind = "kode"
            elif rated[0] == 1 and len(tones) > 1:
                kind = "valens"
            else:
                continue
            cells = ["" if np.isnan(v) else ("1" + (f" ({s})" if s else "") if v == 1 else "0")
                     for v, s in zip(column, said, strict=True)]
            rows.append([unit, unit.rsplit("#", 1)[0], code, kind, *cells, "", ""])
    names = [coder if coder not in _FIXED else f"koder: {coder}" for coder in matrix.coders]
    columns = ["segment_id", "doc_id", "code", "kind", *names, "question", "text"]
    table = pd.DataFrame(rows, columns=columns)
    return fill_texts(table, segments, pseudonymise)



_FIXED = ("segment_id", "doc_id", "code", "kind", "question", "text")


# -- the matrix ---------------------------------------------------------------------------


def _matrix(codings: pd.DataFrame | HumanCodings, coders: Sequence[str] | None,
            segments: pd.DataFrame | None, codes: Sequence[str] | None,
            coverage: Mapping[str, Iterable[str]] | None) -> _Matrix:
    segments = segment_table(segments)
    lacking = codings.code_coverage if isinstance(codings, HumanCodings) else {}
    codings, seen, found, known_codes = unpack(codings, coverage)
    require_columns(codings, ("segment_id", "code", "coder"))
    chosen = list(dict.fromkeys(coders)) if coders is not None else found
    missing = [coder for coder in chosen if coder not in found]
    if missing:
        raise HumanCodingError(Errors.E821.format(missing=missing, coders=found))
    if len(chosen) < 2:
        raise HumanCodingError(Errors.E820.format(coders=chosen or Texts.none))
    table = codings[codings["coder"].astype(str).isin(chosen)]
    ids = table["segment_id"].astype(str)
    if segments is not None:
        require_columns(segments, ("segment_id",))
        units_table = segments
        if "speaker_role" in segments:
            units_table = segments[segments["speaker_role"] == RESPONDENT]
        units = list(dict.fromkeys(units_table["segment_id"].astype(str)))
    else:
        extra = (s for coder in chosen for s in sorted(seen.get(coder, ())))
        units = sorted(set(ids) | set(extra), key=segment_key)
    index = {unit: u for u, unit in enumerate(units)}
    outside = sorted(set(ids) - set(index), key=segment_key)
    if outside:
        n = int(ids.isin(outside).sum())
        raise HumanCodingError(Errors.E822.format(n=n, examples=outside[:3]))
    all_codes = list(dict.fromkeys([*(codes or ()), *known_codes]))
    values = np.zeros((len(all_codes), len(chosen), len(units)))
    for r, coder in enumerate(chosen):
        if coder in seen:
            mask = np.ones(len(units), dtype=bool)
            mask[[index[s] for s in seen[coder] if s in index]] = False
            values[:, r, mask] = np.nan
    code_index = {code: k for k, code in enumerate(all_codes)}
    coder_index = {coder: r for r, coder in enumerate(chosen)}
    valences: dict[tuple[str, str, str], str] = {}
    tones = table["valence"] if "valence" in table else pd.Series("", index=table.index)
    columns = zip(ids, table["code"].astype(str), table["coder"].astype(str), tones, strict=True)
    for segment, code, coder, tone in columns:
        # A coder who coded a segment saw it, whatever the coverage says.
        u, r = index[segment], coder_index[coder]
        values[:, r, u] = np.nan_to_num(values[:, r, u], nan=0.0)
        values[code_index[code], r, u] = 1.0
        valences[(segment, code, coder)] = tone if isinstance(tone, str) else ""
    for coder, own in lacking.items():  # a code the coder's sheet did not have is missing for them
        if coder in coder_index:
            values[[k for k, code in enumerate(all_codes) if code not in own], coder_index[coder], :] = np.nan
    return _Matrix(all_codes, chosen, units, values, valences, segments)


# -- statistics ---------------------------------------------------------------------------


def _unit_stats(data: np.ndarray) -> np.ndarray:
    """Per unit: pairable values m (0 if fewer than 2), ones, and 0-1 coincidences n0·n1/(m-1)."""
    rated = ~np.isnan(data)
    m = rated.sum(axis=0).astype(float)
    ones = np.where(rated, data, 0.0).sum(axis=0)
    pairable = m >= 2
    m, ones = np.where(pairable, m, 0.0), np.where(pairable, ones, 0.0)
    disagree = np.where(pairable, ones * (m - ones) / np.maximum(m - 1, 1), 0.0)
    return np.stack([m, ones, disagree], axis=-1)


def _alpha_from(sums: np.ndarray) -> np.ndarray:
    """Nominal α from summed unit stats: 1 - (n-1)·o01 / (n0·n1); NaN without variation."""
    n, ones, disagree = sums[..., 0], sums[..., 1], sums[..., 2]
    expected = (n - ones) * ones
    safe = np.where(expected > 0, expected, 1.0)
    return np.where(expected > 0, 1.0 - (n - 1) * disagree / safe, np.nan)


def _alpha(data: np.ndarray, sums: np.ndarray) -> tuple[float, str]:
    if sums[0] == 0:
        return np.nan, Texts.note_no_units
    if np.isnan(_alpha_from(sums)):
        return np.nan, "α " + Texts.note_no_variation
    import krippendorff

    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal",
                                    value_domain=[0.0, 1.0])), ""


def _kappa(data: np.ndarray) -> tuple[float, str]:
    if data.shape[0] != 2:
        return np.nan, Texts.note_kappa_two
    both = ~np.isnan(data).any(axis=0)
    if not both.any():
        return np.nan, Texts.note_no_units
    first, second = data[0, both], data[1, both]
    observed = float(np.mean(first == second))
    p1, p2 = float(first.mean()), float(second.mean())
    chance = p1 * p2 + (1 - p1) * (1 - p2)
    if first.min() == first.max() == second.min() == second.max():
        return np.nan, "κ " + Texts.note_no_variation
    return _zero((observed - chance) / (1 - chance)), ""


def _zero(value: float) -> float:
    """0.0 for a rounding residue (κ of -7.8e-16 is 0, and is printed as 0)."""
    return 0.0 if abs(value) < 1e-12 else float(value)


def _percent(sums: np.ndarray) -> float:
    """1 - D_o: the observed disagreement is 2·o01 / n (ordered 0-1 and 1-0 coincidences)."""
    n, _, disagree = sums
    return np.nan if n == 0 else float(1.0 - 2 * disagree / n)


def _mean(values: list[float]) -> float:
    defined = [value for value in values if not np.isnan(value)]
    return float(np.mean(defined)) if defined else np.nan


def _share(row: np.ndarray) -> float:
    seen = ~np.isnan(row)
    return float(row[seen].mean()) if seen.any() else np.nan


def _bootstrap(per_unit: np.ndarray, pooled: np.ndarray, n_boot: int,
               seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval of α per code and pooled, resampling the pairable units."""
    width = per_unit.shape[1] + 1
    stats = np.concatenate([per_unit, pooled[:, None, :]], axis=1)
    stats = stats[stats[:, 0, 0] > 0]
    if n_boot == 0 or len(stats) == 0:
        return np.full(width, np.nan), np.full(width, np.nan)
    rng = np.random.default_rng(seed)
    flat = stats.reshape(len(stats), -1)
    alphas = []
    for start in range(0, n_boot, _CHUNK):
        counts = rng.multinomial(len(stats), np.full(len(stats), 1.0 / len(stats)),
                                 size=min(_CHUNK, n_boot - start))
        alphas.append(_alpha_from((counts @ flat).reshape(len(counts), width, 3)))
    sample = np.concatenate(alphas)
    low, high = np.full(width, np.nan), np.full(width, np.nan)
    for k in range(width):
        valid = sample[:, k][~np.isnan(sample[:, k])]
        if len(valid):
            low[k], high[k] = np.percentile(valid, [2.5, 97.5])
    return low, high


def _valence_pairs(matrix: _Matrix, k: int | None) -> tuple[int, int]:
    """(agreeing, all) coder pairs on valence where both coded the code and at least one gave a valence
    (coders who code themes without valences agree on nothing there: 1.00 read as full agreement)."""
    agree = total = 0
    for code in matrix.codes if k is None else [matrix.codes[k]]:
        by_unit: dict[str, list[str]] = {}
        for (segment, c, _), tone in matrix.valences.items():
            if c == code:
                by_unit.setdefault(segment, []).append(tone)
        for tones in by_unit.values():
            for i in range(len(tones)):
                for j in range(i + 1, len(tones)):
                    if not (tones[i] or tones[j]):
                        continue
                    total += 1
                    agree += tones[i] == tones[j]
    return agree, total


def fill_texts(frame: pd.DataFrame, segments: pd.DataFrame | None,
               pseudonymise: bool) -> pd.DataFrame:
    """Fill ``question`` and ``text`` from the segment table; pseudonymise them, ``why`` and the ids.

    Ids are pseudonymised as in the appendix, so the two match; only the rows of
    ``frame`` are pseudonymised.
    """
    segments = segment_table(segments)
    lookup: dict[str, tuple[Any, Any]] = {}
    if segments is not None and "text" in segments:
        asked = segments["question"] if "question" in segments else [""] * len(segments)
        pairs = zip(asked, segments["text"], strict=True)
        lookup = dict(zip(segments["segment_id"].astype(str), pairs, strict=True))
    frame = frame.copy()
    found = [lookup.get(segment, ("", "")) for segment in frame["segment_id"]]
    questions = [q if isinstance(q, str) else "" for q, _ in found]
    texts = [t if isinstance(t, str) else "" for _, t in found]
    if pseudonymise and len(frame):
        protect = _protector(segments)
        ids = frame["segment_id"]
        questions = [protect(q, s) if q else q for q, s in zip(questions, ids, strict=True)]
        texts = [protect(t, s) if t else t for t, s in zip(texts, ids, strict=True)]
        if "why" in frame:  # the rule coder's reason can quote the question
            frame["why"] = [protect(w, s) if isinstance(w, str) and w else w
                            for w, s in zip(frame["why"], ids, strict=True)]
        from kvaleval.analyse.privacy import pseudonymise_id

        for column in ("segment_id", "doc_id"):
            frame[column] = [pseudonymise_id(value, protect) for value in frame[column]]
    frame["question"], frame["text"] = questions, texts
    return frame


def _protector(segments: pd.DataFrame | None) -> Callable[[str, str], str]:
    if segments is not None and {"speaker", "speaker_role"} <= set(segments.columns):
        from kvaleval.analyse.privacy import corpus_pseudonymiser

        return corpus_pseudonymiser(segments)
    from kvaleval.privacy import Pseudonymiser

    pseudonymiser = Pseudonymiser()

    def protect(text: str, where: str = "") -> str:
        return pseudonymiser.apply(text, where=where)

    return protect
