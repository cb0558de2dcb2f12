"""Target attainment from an indicators file: per indicator and overall.

The file (csv or xlsx) has the columns ``indikator``, ``mål`` (target), ``opnået``
(achieved) and optionally ``vægt`` (weight, default 1) and ``retning`` (``højere``
— higher is better, the default — or ``lavere``). An indicator is met when the
achieved value reaches the target in its direction. Overall attainment is the
weighted share of indicators met ("88 % of the targets were met").
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd

from kvaleval.errors import CorpusError, Errors
from kvaleval.read._text import decode_bytes

REQUIRED = ("indikator", "mål", "opnået")
_ALIASES = {"indicator": "indikator", "maal": "mål", "target": "mål", "opnaaet": "opnået",
            "achieved": "opnået", "vaegt": "vægt", "weight": "vægt", "direction": "retning"}


_THOUSANDS = re.compile(r"[-+]?\d{1,3}(?:\.\d{3})+")  # 1.200 and 12.500.000: Danish thousands


def read_targets(path: str | Path) -> pd.DataFrame:
    """Read an indicators file into ``indikator, mål, opnået, vægt, retning``.

    Raises
    ------
    CorpusError
        If the file is missing, unreadable, lacks a column, or holds a non-number.
    """
    path = Path(path)
    shown = str(path)
    if not path.is_file():
        raise CorpusError(Errors.E024.format(path=shown))
    try:
        if path.suffix.lower() == ".xlsx":
            frame = pd.read_excel(path, dtype=object, engine="openpyxl")
        else:
            # Danish Excel saves CSV as Windows-1252 unless told otherwise: decode as the transcripts are.
            text = decode_bytes(path.read_bytes(), path=shown).text
            frame = pd.read_csv(io.StringIO(text), sep=None, engine="python", dtype=str)
    except (ValueError, OSError, KeyError, UnicodeDecodeError) as err:
        raise CorpusError(Errors.E013.format(path=shown, detail=err)) from err
    frame.columns = [_ALIASES.get(str(c).strip().lower(), str(c).strip().lower()) for c in frame.columns]
    missing = [column for column in REQUIRED if column not in frame.columns]
    if missing:
        raise CorpusError(Errors.E012.format(path=shown, missing=missing, columns=list(frame.columns)))
    frame = frame.dropna(subset=["indikator"]).reset_index(drop=True)
    if "vægt" not in frame:
        frame["vægt"] = 1
    if "retning" not in frame:
        frame["retning"] = "højere"
    frame["vægt"] = frame["vægt"].where(frame["vægt"].map(_filled), 1)  # an empty weight is the default
    for column in ("mål", "opnået", "vægt"):
        frame[column] = [_number(value, shown, column, row + 2) for row, value in enumerate(frame[column])]
    frame["retning"] = [_direction(value, shown, row + 2) for row, value in enumerate(frame["retning"])]
    return frame[["indikator", "mål", "opnået", "vægt", "retning"]]


_HIGHER = ("højere", "hojere", "høj", "higher", "high", "op", "opad", "stigende", "større", "flere", "max")
_LOWER = ("lavere", "lav", "lower", "low", "ned", "nedad", "faldende", "mindre", "færre", "min")


def _filled(value: object) -> bool:
    return not (pd.isna(value) or str(value).strip() == "")


def _direction(value: object, shown: str, line: int) -> str:
    """``højere`` or ``lavere``; empty means higher is better, anything else is an error (a
    direction misread would turn a missed target into a met one)."""
    if not _filled(value):
        return "højere"
    text = str(value).strip().lower()
    if text in _HIGHER:
        return "højere"
    if text in _LOWER:
        return "lavere"
    raise CorpusError(Errors.E022.format(path=shown, line=line, value=value, higher=", ".join(_HIGHER),
                                        lower=", ".join(_LOWER)))


def target_attainment(targets: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, float]]:
    """Per-indicator attainment and the overall summary.

    Returns
    -------
    table : DataFrame
        ``indikator, mål, opnået, vægt, retning, pct_af_mål`` (achieved as percent
        of target; for lower-is-better, target as percent of achieved), ``opfyldt`` (bool).
    overall : dict
        ``indicators``, ``met``, ``share_met`` (weighted percent of indicators met)
        and ``mean_pct_af_mål``.
    """
    table = targets.copy()
    lower = table["retning"].str.startswith(("lav", "low", "ned"))
    higher = 100 * table["opnået"] / table["mål"].where(table["mål"] != 0)
    lower_better = 100 * table["mål"] / table["opnået"].where(table["opnået"] != 0)
    table["pct_af_mål"] = higher.where(~lower, lower_better).round(1)
    table["opfyldt"] = (table["opnået"] >= table["mål"]).where(~lower, table["opnået"] <= table["mål"])
    weights = table["vægt"]
    overall = {
        "indicators": float(len(table)),
        "met": float(table["opfyldt"].sum()),
        "share_met": round(float(100 * (weights * table["opfyldt"]).sum() / weights.sum()), 1) if len(table) else 0.0,
        "mean_pct_af_mål": round(float(table["pct_af_mål"].mean()), 1) if len(table) else 0.0,
    }
    return table, overall


def _number(value: object, shown: str, column: str, line: int) -> float:
    """A number as Danish users write it: ``87,5``, ``1.200`` (thousands), ``1.200,5``, ``30 %``."""
    if not _filled(value):
        raise CorpusError(Errors.E023.format(path=shown, line=line, column=column))
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().replace("%", "").replace(" ", "").replace("\u00a0", "")
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")
    elif _THOUSANDS.fullmatch(text):
        text = text.replace(".", "")
    else:
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        raise CorpusError(
            Errors.E017.format(path=shown, line=line, column=column, value=value)
        ) from None
