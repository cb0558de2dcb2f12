"""Agreement against the references (scikit-learn, krippendorff) on generated codings."""

from __future__ import annotations

import warnings

import krippendorff
import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score

from kvaleval.analyse.agreement import AGREEMENT_COLUMNS, agreement, disagreements
from kvaleval.errors import CodingError, HumanCodingError

NAN = np.nan


def to_codings(
    data: dict[str, np.ndarray], coders: list[str]
) -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """Codings (a row per 1) and coverage (units not NaN) from ``{code: coders × units}``."""
    rows, coverage = [], {}
    for code, matrix in data.items():
        for r, coder in enumerate(coders):
            coverage[coder] = [
                f"d#{u}" for u in range(matrix.shape[1]) if not np.isnan(matrix[r, u])
            ]
            rows += [
                (f"d#{u}", "d", code, coder, 1.0, "", "") for u in np.nonzero(matrix[r] == 1)[0]
            ]
    frame = pd.DataFrame(
        rows, columns=["segment_id", "doc_id", "code", "coder", "score", "valence", "why"]
    )
    return frame, coverage


def segments_for(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "segment_id": [f"d#{u}" for u in range(n)],
            "doc_id": "d",
            "turn_index": range(n),
            "speaker": "B",
            "speaker_role": "respondent",
            "text": [f"tekst {u}" for u in range(n)],
        }
    )


def generated(
    seed: int, coders: int, units: int, prevalence: float, noise: float, missing: float = 0.0
) -> np.ndarray:
    rng = np.random.default_rng(seed)
    truth = rng.random(units) < prevalence
    data = np.array([truth ^ (rng.random(units) < noise) for _ in range(coders)], dtype=float)
    data[rng.random(data.shape) < missing] = NAN
    return data


CASES = {
    "random": generated(1, 2, 80, 0.3, 0.15),
    "rare": generated(2, 2, 120, 0.05, 0.03),
    "one coder never codes it": np.array([[1, 0, 1, 0, 0, 1, 0, 0], [0] * 8], dtype=float),
    "perfect": np.array([[1, 0, 1, 0, 0, 1, 1, 0]] * 2, dtype=float),
    "opposite": np.array([[1, 0, 1, 0, 0, 1], [0, 1, 0, 1, 1, 0]], dtype=float),
    "missing ratings": generated(3, 2, 60, 0.4, 0.2, missing=0.15),
    "three coders": generated(4, 3, 70, 0.35, 0.2),
    "three coders, missing ratings": generated(5, 3, 70, 0.35, 0.2, missing=0.25),
    "five coders, missing ratings": generated(6, 5, 40, 0.5, 0.1, missing=0.3),
}


@pytest.mark.parametrize("name", list(CASES))
def test_agreement_matches_references(name: str) -> None:
    data = CASES[name]
    coders = [f"k{r}" for r in range(data.shape[0])]
    codings, coverage = to_codings({"a": data}, coders)
    result = agreement(
        codings, coders, segments=segments_for(data.shape[1]), coverage=coverage, n_boot=0
    )
    row = result.iloc[0]
    assert row["krippendorff_alpha"] == pytest.approx(
        krippendorff.alpha(data, level_of_measurement="nominal")
    )
    both = ~np.isnan(data).any(axis=0)
    if len(coders) == 2:
        assert row["cohen_kappa"] == pytest.approx(cohen_kappa_score(data[0, both], data[1, both]))
        assert row["percent_agreement"] == pytest.approx(np.mean(data[0, both] == data[1, both]))
        assert row["n_units"] == both.sum()
    else:
        assert np.isnan(row["cohen_kappa"]) and "κ kun for to kodere" in row["note"]
    shares = [np.nanmean(data[r]) for r in range(len(coders))]
    assert row["prevalence"] == pytest.approx(np.mean(shares))
    assert [row[f"prevalence: {c}"] for c in coders] == pytest.approx(shares)


def test_agreement_percent_with_three_coders_is_observed_agreement() -> None:
    data = np.array([[1, 1, 0, 0, NAN], [1, 0, 0, NAN, 1], [1, 0, 1, 0, 1]], dtype=float)
    codings, coverage = to_codings({"a": data}, ["x", "y", "z"])
    row = agreement(codings, segments=segments_for(5), coverage=coverage, n_boot=0).iloc[0]
    # Units weighted by their values: (3·1 + 3·(1/3) + 3·(1/3) + 2·1 + 2·1) / 13 pairable values.
    assert row["percent_agreement"] == pytest.approx((3 + 1 + 1 + 2 + 2) / 13)


@pytest.mark.parametrize("value", [0.0, 1.0])
def test_agreement_no_variation_is_undefined(value: float) -> None:
    """Both coders give every unit the same value: κ and α are 0/0 (NaN, noted); agreement is 1."""
    data = np.full((2, 10), value)
    other = np.array([[1, 0] * 5, [1, 0] * 5], dtype=float)
    codings, _ = to_codings({"a": data, "b": other}, ["x", "y"])
    result = agreement(codings, segments=segments_for(10), codes=["a", "b"], n_boot=50).set_index(
        "code"
    )
    assert result.loc["a", "percent_agreement"] == 1.0
    assert np.isnan(
        result.loc["a", ["cohen_kappa", "krippendorff_alpha", "alpha_low", "alpha_high"]].astype(
            float
        )
    ).all()
    assert "α udefineret: ingen variation" in result.loc["a", "note"]
    assert "κ udefineret: ingen variation" in result.loc["a", "note"]
    with pytest.raises(ValueError, match="more than one value"):
        krippendorff.alpha(data, level_of_measurement="nominal")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert np.isnan(cohen_kappa_score(data[0], data[1]))
    assert result.loc["b", "cohen_kappa"] == 1.0 and result.loc["b", "krippendorff_alpha"] == 1.0


def test_agreement_code_nobody_used_gets_a_row() -> None:
    codings, _ = to_codings({"a": CASES["random"]}, ["x", "y"])
    result = agreement(codings, segments=segments_for(80), codes=["z", "a"], n_boot=0)
    assert result["code"].tolist() == ["z", "a", "(alle)"]
    assert result.iloc[0]["prevalence"] == 0.0 and np.isnan(result.iloc[0]["krippendorff_alpha"])


def test_agreement_overall_row_pools_code_unit_decisions() -> None:
    data = {
        "a": CASES["random"],
        "b": generated(9, 2, 80, 0.2, 0.1),
        "c": generated(10, 2, 80, 0.6, 0.3),
    }
    codings, _ = to_codings(data, ["x", "y"])
    result = agreement(codings, segments=segments_for(80), n_boot=0)
    assert list(result.columns) == [*AGREEMENT_COLUMNS, "prevalence: x", "prevalence: y"]
    overall = result.set_index("code").loc["(alle)"]
    pooled = np.hstack(list(data.values()))
    assert overall["krippendorff_alpha"] == pytest.approx(
        krippendorff.alpha(pooled, level_of_measurement="nominal")
    )
    assert overall["cohen_kappa"] == pytest.approx(cohen_kappa_score(pooled[0], pooled[1]))
    assert overall["percent_agreement"] == pytest.approx(np.mean(pooled[0] == pooled[1]))
    assert overall["n_units"] == 240 and overall["note"] == "puljet over kode × segment"


def test_agreement_units_default_to_coded_segments() -> None:
    data = np.array([[1, 0, 1, 0], [1, 1, 0, 0]], dtype=float)
    codings, _ = to_codings({"a": data}, ["x", "y"])
    alone = agreement(codings, n_boot=0).iloc[0]
    assert alone["n_units"] == 3  # d#3: nobody coded it, so it is not a unit without segments
    assert alone["cohen_kappa"] == pytest.approx(cohen_kappa_score([1, 0, 1], [1, 1, 0]))
    with_segments = agreement(codings, segments=segments_for(4), n_boot=0).iloc[0]
    assert with_segments["n_units"] == 4
    assert with_segments["cohen_kappa"] == pytest.approx(cohen_kappa_score(data[0], data[1]))


def test_agreement_interviewer_turns_are_not_units() -> None:
    codings, _ = to_codings({"a": np.array([[1, 0, 0], [1, 0, 1]], dtype=float)}, ["x", "y"])
    segments = segments_for(4)
    segments.loc[3, "speaker_role"] = "interviewer"
    assert agreement(codings, segments=segments, n_boot=0).iloc[0]["n_units"] == 3


def test_agreement_bootstrap_matches_resampled_krippendorff() -> None:
    data = CASES["random"]
    codings, _ = to_codings({"a": data}, ["x", "y"])
    row = agreement(codings, segments=segments_for(80), n_boot=200, seed=7).iloc[0]
    rng = np.random.default_rng(7)
    counts = rng.multinomial(80, np.full(80, 1 / 80), size=200)
    alphas = [
        krippendorff.alpha(data[:, np.repeat(np.arange(80), c)], level_of_measurement="nominal")
        for c in counts
    ]
    low, high = np.percentile(alphas, [2.5, 97.5])
    assert (row["alpha_low"], row["alpha_high"]) == pytest.approx((low, high))
    assert row["alpha_low"] < row["krippendorff_alpha"] < row["alpha_high"]


def test_agreement_bootstrap_is_seeded() -> None:
    codings, _ = to_codings({"a": CASES["random"], "b": CASES["rare"][:, :80]}, ["x", "y"])
    first = agreement(codings, segments=segments_for(80), seed=3)
    pd.testing.assert_frame_equal(first, agreement(codings, segments=segments_for(80), seed=3))
    assert not first["alpha_low"].equals(
        agreement(codings, segments=segments_for(80), seed=4)["alpha_low"]
    )
    assert agreement(codings, segments=segments_for(80), n_boot=0)["alpha_low"].isna().all()


def test_agreement_valence() -> None:
    codings = pd.DataFrame(
        {
            "segment_id": ["d#0", "d#0", "d#1", "d#1", "d#2"],
            "code": "a",
            "coder": ["x", "y", "x", "y", "x"],
            "valence": ["positiv", "positiv", "negativ", "blandet", "positiv"],
        }
    )
    row = agreement(codings, n_boot=0).iloc[0]
    assert row["valence_agreement"] == 0.5


def test_agreement_valence_counts_only_pairs_with_a_valence() -> None:
    # Coders who marked themes but no valence got valence agreement 1.00, as if they agreed on it.
    codings = pd.DataFrame({"segment_id": ["d#0", "d#0", "d#1", "d#1", "d#2", "d#2"], "code": "a",
                            "coder": ["x", "y"] * 3, "valence": [None, None, "positiv", None, "negativ", "negativ"]})
    assert agreement(codings, n_boot=0).iloc[0]["valence_agreement"] == 0.5  # d#1 disagrees, d#2 agrees
    unmarked = codings.assign(valence=None)
    assert agreement(unmarked, n_boot=0)["valence_agreement"].isna().all()


def test_agreement_human_vs_rules_by_coder_names() -> None:
    data = CASES["random"]
    codings, _ = to_codings({"a": data}, ["anne", "rules"])
    extra, _ = to_codings({"a": CASES["rare"][:, :80]}, ["bo", "model"])
    both = pd.concat([codings, extra])
    row = agreement(both, ["anne", "rules"], segments=segments_for(80), n_boot=0).iloc[0]
    assert row["cohen_kappa"] == pytest.approx(cohen_kappa_score(data[0], data[1]))


@pytest.mark.parametrize("coders,match", [(["x"], r"\[E820\]"), (["x", "q"], r"\[E821\].*'q'")])
def test_agreement_bad_coders(coders: list[str], match: str) -> None:
    codings, _ = to_codings({"a": CASES["perfect"]}, ["x", "y"])
    with pytest.raises(HumanCodingError, match=match):
        agreement(codings, coders)


def test_agreement_one_coder_in_table() -> None:
    codings, _ = to_codings({"a": CASES["perfect"][:1]}, ["x"])
    with pytest.raises(HumanCodingError, match=r"\[E820\] Enighed kræver mindst to kodere"):
        agreement(codings)


def test_agreement_codings_outside_units() -> None:
    codings, _ = to_codings({"a": CASES["perfect"]}, ["x", "y"])
    with pytest.raises(HumanCodingError, match=r"\[E822\] 2 kodning\(er\).*'d#6'"):
        agreement(codings, segments=segments_for(6))


@pytest.mark.parametrize("n_boot", [-1, 1.5, True])
def test_agreement_bad_n_boot(n_boot: object) -> None:
    codings, _ = to_codings({"a": CASES["perfect"]}, ["x", "y"])
    with pytest.raises(HumanCodingError, match=r"\[E823\]"):
        agreement(codings, n_boot=n_boot)  # type: ignore[arg-type]


def test_agreement_missing_columns() -> None:
    with pytest.raises(CodingError, match=r"\[E303\].*'coder'"):
        agreement(pd.DataFrame({"segment_id": ["d#0"], "code": ["a"]}))


def test_disagreements_lists_code_and_valence_conflicts() -> None:
    codings = pd.DataFrame(
        {
            "segment_id": ["d#0", "d#0", "d#1", "d#2", "d#2"],
            "code": "a",
            "coder": ["x", "y", "x", "x", "y"],
            "valence": ["positiv", "negativ", "", "negativ", "negativ"],
        }
    )
    segments = segments_for(4)
    segments.loc[1, "text"] = "Ring til Per Jensen på 20 30 40 50"
    table = disagreements(codings, segments=segments, coverage={"y": ["d#0", "d#1", "d#2"]})
    assert list(table.columns) == [
        "segment_id",
        "doc_id",
        "code",
        "kind",
        "x",
        "y",
        "question",
        "text",
    ]
    assert table[["segment_id", "kind", "x", "y"]].values.tolist() == [
        ["d#0", "valens", "1 (positiv)", "1 (negativ)"],
        ["d#1", "kode", "1", "0"],
    ]  # d#2 agrees; d#3 was not seen by y, so it is not a disagreement
    assert table.loc[0, "text"] == "tekst 0"
    assert "20 30 40 50" not in table.loc[1, "text"] and "[telefon]" in table.loc[1, "text"]
    raw = disagreements(codings, segments=segments, pseudonymise=False)
    assert (
        raw.loc[raw["segment_id"] == "d#1", "text"].item() == "Ring til Per Jensen på 20 30 40 50"
    )


def test_agreement_units_in_turn_order_with_pieces_of_split_turns() -> None:
    # A REFI-QDA import splits another tool's turns at its selections: doc#3.1, doc#3.2.
    from kvaleval.frames import segment_key

    ids = ["d#10", "d#3.2", "d#3.10", "d#3.1", "d#4", "e#0", "x"]
    assert sorted(ids, key=segment_key) == ["d#3.1", "d#3.2", "d#3.10", "d#4", "d#10", "e#0", "x"]
