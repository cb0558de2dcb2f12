"""Small-cell suppression for the appendix tables: counts below k show as ``"< k"``."""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Iterable

import pandas as pd

from kvaleval.errors import Errors, PrivacyError

_FRACTION_RE = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


def suppress_small(
    frame: pd.DataFrame,
    columns: str | Iterable[str],
    k: int,
    *,
    keep_zero: bool = True,
) -> pd.DataFrame:
    """Show counts below ``k`` as ``"< k"``, so that no small group can be singled out.

    Parameters
    ----------
    frame
        A table of counts, such as theme frequencies per respondent group.
    columns
        The count columns to protect. Cells hold whole numbers, or ``"n/N"`` text
        (``"2/12"`` becomes ``"< 3/12"``); empty cells (NaN, None) stay empty.
    k
        The smallest count shown as it is (``k=3`` shows 1 and 2 as ``"< 3"``).
    keep_zero
        Show 0 as 0 (default): that nobody in a group said something singles no one
        out. With ``False``, 0 shows as ``"< k"`` too.

    Returns
    -------
    pandas.DataFrame
        A copy of ``frame`` with the same columns and index; the protected columns hold
        text where a count was suppressed. ``frame`` is not changed.

    Raises
    ------
    PrivacyError
        If ``k`` is not a whole number of at least 1, a column is missing, or a cell of
        a protected column is not a count.

    Notes
    -----
    Shares and percentages computed from a suppressed count give it away; suppress
    the counts before computing shares, or leave the shares out.

    Examples
    --------
    >>> table = pd.DataFrame({"gruppe": ["unge", "forældre"], "respondenter": [2, 7]})
    >>> suppress_small(table, ["respondenter"], 3)
         gruppe respondenter
    0      unge          < 3
    1  forældre            7
    """
    if isinstance(k, bool) or not isinstance(k, numbers.Integral) or k < 1:
        raise PrivacyError(Errors.E709.format(k=k))
    names = [columns] if isinstance(columns, str) else list(columns)
    missing = [c for c in names if c not in frame.columns]
    if missing:
        raise PrivacyError(Errors.E710.format(
            missing=", ".join(map(str, missing)), columns=", ".join(map(str, frame.columns))))
    out = frame.copy()
    for column in names:
        values = [_suppress(v, column, int(k), keep_zero) for v in frame[column].tolist()]
        if any(isinstance(v, str) for v in values):
            out[column] = pd.Series(values, index=frame.index, dtype="object")
    return out


def _suppress(value: object, column: str, k: int, keep_zero: bool) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return value
    if isinstance(value, str):
        fraction = _FRACTION_RE.fullmatch(value)
        if fraction is not None:
            n = int(fraction.group(1))
            hidden = n < k and not (n == 0 and keep_zero)
            return f"< {k}/{fraction.group(2)}" if hidden else value
        if value.strip().isdigit():
            n = int(value)
            return f"< {k}" if n < k and not (n == 0 and keep_zero) else value
    elif isinstance(value, numbers.Real) and not isinstance(value, bool):
        number = float(value)
        if number.is_integer() and number >= 0:
            n = int(number)
            return f"< {k}" if n < k and not (n == 0 and keep_zero) else value
    raise PrivacyError(Errors.E711.format(column=column, value=value))
