"""suppress_small: counts below k show as "< k" in the appendix tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kvaleval.errors import PrivacyError
from kvaleval.privacy import suppress_small


def _table() -> pd.DataFrame:
    return pd.DataFrame({
        "gruppe": ["unge", "forældre", "partnere", "ældre"],
        "respondenter": [2, 7, 0, 3],
        "segmenter": [1, 12, 0, np.nan],
        "andel": ["2/12", "7/12", "0/12", "3/12"],
    })


def test_privacy_suppress_small_counts() -> None:
    table = _table()
    out = suppress_small(table, ["respondenter", "segmenter", "andel"], 3)
    assert list(out["respondenter"]) == ["< 3", 7, 0, 3]
    assert list(out["segmenter"])[:3] == ["< 3", 12.0, 0.0]
    assert np.isnan(out["segmenter"].iloc[3])
    assert list(out["andel"]) == ["< 3/12", "7/12", "0/12", "3/12"]
    assert list(out["gruppe"]) == list(table["gruppe"])
    assert table.equals(_table())  # input untouched


def test_privacy_suppress_small_zero_optional() -> None:
    out = suppress_small(_table(), "respondenter", 3, keep_zero=False)
    assert list(out["respondenter"]) == ["< 3", 7, "< 3", 3]


def test_privacy_suppress_small_nothing_to_hide_keeps_dtype() -> None:
    out = suppress_small(_table(), ["respondenter"], 1)
    assert out["respondenter"].dtype == np.int64
    assert out.equals(_table())


def test_privacy_suppress_small_keeps_index_and_columns() -> None:
    table = _table().set_index("gruppe")
    out = suppress_small(table, ["respondenter"], 5)
    assert list(out.index) == list(table.index)
    assert list(out.columns) == list(table.columns)
    assert out.loc["ældre", "respondenter"] == "< 5"


@pytest.mark.parametrize("k", [0, -1, 2.5, "3", True, None])
def test_privacy_suppress_small_bad_k(k: object) -> None:
    with pytest.raises(PrivacyError, match=r"\[E709\]"):
        suppress_small(_table(), ["respondenter"], k)  # type: ignore[arg-type]


def test_privacy_suppress_small_missing_column() -> None:
    with pytest.raises(PrivacyError, match=r"\[E710\].*'?antal'?.*Kolonner: gruppe"):
        suppress_small(_table(), ["antal"], 3)


@pytest.mark.parametrize("column", ["gruppe"])
def test_privacy_suppress_small_not_a_count(column: str) -> None:
    with pytest.raises(PrivacyError, match=r"\[E711\].*'gruppe'.*'unge'"):
        suppress_small(_table(), [column], 3)


def test_privacy_suppress_small_rejects_fractional_and_negative() -> None:
    with pytest.raises(PrivacyError, match=r"\[E711\]"):
        suppress_small(pd.DataFrame({"n": [1.5]}), ["n"], 3)
    with pytest.raises(PrivacyError, match=r"\[E711\]"):
        suppress_small(pd.DataFrame({"n": [-1]}), ["n"], 3)
