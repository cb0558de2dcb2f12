"""Spreadsheet safety: text that a spreadsheet would run as a formula is written as text.

Excel, LibreOffice and Google Sheets treat a cell starting with ``=``, ``+``,
``-``, ``@``, tab or carriage return as a formula (CSV injection). Such text is
prefixed with an apostrophe in CSV (OWASP's advice) and stored as a string cell
in xlsx.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from kvaleval.words import yes_no

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: Any) -> Any:
    """A value safe to put in a CSV cell; yes/no as the workbook and bilag.md write it (``ja``/``nej``)."""
    if isinstance(value, bool | np.bool_):
        return yes_no(bool(value))
    if is_formula_like(value):
        return "'" + value
    return value


def plain(value: Any) -> Any:
    """NaN and None as empty, numpy scalars as Python numbers."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        try:
            return value.item()
        except (ValueError, AttributeError):
            return value
    return value
