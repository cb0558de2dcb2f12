"""Small-cell suppression for the appendix's tables of people: nothing below k can be read or recomputed.

A count of respondents below ``k`` (but not 0) is shown as ``"< k"``, and so is a group's
N below ``k``. The segments of a hidden respondent count are hidden with it (4 segments
from "< 3" respondents says too much), and the share and percent computed from a hidden
number are ``"< k/N"`` and ``"–"``. Because a table also holds the total over its groups
(the ``(alle)`` row), one hidden group could be recomputed as the total minus the groups
shown; so when exactly one group is hidden in a row of groups, the smallest other group is
hidden too (secondary suppression), for the counts of a theme and for the groups' N alike.
A count hidden only with another, not below ``k`` itself, reads ``"skjult"``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from kvaleval.frames import ALL
from kvaleval.words import Words

DASH = "–"


def suppress_counts(
    table: pd.DataFrame,
    k: int | None,
    *,
    group: str | None,
    block: Sequence[str] = (),
    keys: Sequence[str] = (),
) -> pd.DataFrame:
    """``table`` with its small counts hidden (see the module docstring).

    Parameters
    ----------
    table : DataFrame
        A long table of counts with ``respondents`` and optionally ``respondents_total``,
        ``segments``, ``share`` (n/N) and ``percent``, one row per group and cell.
    k : int or None
        The smallest count shown; None or 0 returns ``table`` unchanged.
    group : str or None
        The column naming the group (its ``(alle)`` rows are the totals), or None for a
        table without groups.
    block : sequence of str
        Columns that tell one grouping from another in a table that stacks several
        (``attribute`` in the Frekvenser table).
    keys : sequence of str
        Columns that identify one cell across groups (``code`` [, ``valence``]).
    """
    if not k:
        return table
    frame = table.reset_index(drop=True)
    n = frame["respondents"].astype("int64").to_numpy()
    has_total = "respondents_total" in frame
    total = frame["respondents_total"].astype("int64").to_numpy() if has_total else np.zeros(len(frame), "int64")
    hide_total = (total > 0) & (total < k)
    hide_n = ((n > 0) & (n < k)) | (hide_total & (n > 0))
    if group is not None and group in frame:
        is_group = (frame[group].astype(str) != ALL).to_numpy()
        if has_total:
            hide_total = _secondary(frame, total, hide_total, is_group, [*block], group)
            hide_total = _told_by_the_total(frame, total, hide_total, is_group, [*block, *keys], group, k,
                                            spread=block)
            hide_n |= hide_total & (n > 0)
        hide_n = _secondary(frame, n, hide_n, is_group, [*block, *keys], None)
        hide_n = _told_by_the_total(frame, n, hide_n, is_group, [*block, *keys], None, k)
    shown = frame.copy()
    if "segments" in frame:
        segments = frame["segments"].astype("int64").to_numpy()
        hide_segments = hide_n | ((segments > 0) & (segments < k))
        shown["segments"] = _mask(frame["segments"], hide_segments, k)
    shown["respondents"] = _mask(frame["respondents"], hide_n, k)
    if has_total:
        shown["respondents_total"] = _mask(frame["respondents_total"], hide_total, k)
    if "share" in frame:
        shown["share"] = [
            f"{_hidden(int(a), k) if hn else int(a)}/{_hidden(int(b), k) if ht else int(b)}"
            for a, b, hn, ht in zip(n, total, hide_n, hide_total, strict=True)
        ] if has_total else frame["share"]
    if "percent" in frame:
        hide_percent = hide_n | (hide_total & (n > 0))
        shown["percent"] = frame["percent"].astype(object).where(~hide_percent, DASH) if hide_percent.any() \
            else frame["percent"]
    shown.index = table.index
    return shown


def _hidden(value: int, k: int) -> str:
    """``< k`` for a count below k; one hidden only so that another cannot be recomputed is not
    below k, and saying "< k" of it would be false: it reads ``skjult`` (``hidden``)."""
    return f"< {k}" if value < k else Words.hidden


def _mask(values: pd.Series, hidden: np.ndarray, k: int) -> pd.Series:
    """``values`` with the ``hidden`` ones as ``"< k"`` (below k) or ``skjult`` (:func:`_hidden`)."""
    if not hidden.any():
        return values
    texts = [_hidden(int(value), k) for value in values.to_numpy()]
    return values.astype(object).where(~hidden, pd.Series(texts, index=values.index, dtype=object))


def _secondary(frame: pd.DataFrame, values: np.ndarray, hidden: np.ndarray, is_group: np.ndarray,
               by: list[str], group: str | None) -> np.ndarray:
    """Hide the smallest other group where exactly one group of a set is hidden, so the total
    row minus the groups shown does not give the hidden one away.

    With ``group``, the values belong to the group, not to one cell (a group's N, repeated on
    each of its rows): a group chosen is hidden on every row of its set."""
    hidden = hidden.copy()
    rows = pd.DataFrame({"_row": np.arange(len(frame))})
    for column in by:
        rows[column] = frame[column].astype(str).to_numpy()
    rows = rows[is_group]
    sets = [members.to_numpy() for _, members in rows.groupby(by, sort=False)["_row"]] if by else [
        rows["_row"].to_numpy()]
    names = frame[group].astype(str).to_numpy() if group is not None else np.arange(len(frame)).astype(str)
    for index in sets:
        hidden_names = {names[i] for i in index if hidden[i]}
        if len(hidden_names) != 1:
            continue
        candidates = sorted({(int(values[i]), str(names[i])) for i in index
                             if names[i] not in hidden_names and values[i] > 0})
        if candidates:
            chosen = candidates[0][1]
            hidden[index[names[index] == chosen]] = True
    return hidden


def _told_by_the_total(frame: pd.DataFrame, values: np.ndarray, hidden: np.ndarray, is_group: np.ndarray,
                       by: list[str], group: str | None, k: int, *, spread: Sequence[str] = ()) -> np.ndarray:
    """Hide more where a total row and the groups shown beside it leave a hidden group only one count: two
    groups "< 3" beside a total 4 more than the groups shown are 2 and 2. The smallest group shown is hidden
    next, until no hidden count is told; with no group left to hide, the total is hidden.

    With ``group``, the values belong to the group (its N, repeated on each of its rows) and a group hidden in
    one set of ``by`` is hidden on all its rows of the same ``spread`` (a conclusion's groups, each with its
    N, in Konklusioner: the N is hidden in every conclusion over the same respondents)."""
    hidden = hidden.copy()
    rows = pd.DataFrame({"_row": np.arange(len(frame))})
    for column in by:
        rows[column] = frame[column].astype(str).to_numpy()
    sets = [members.to_numpy() for _, members in rows.groupby(by, sort=False)["_row"]] if by else [
        rows["_row"].to_numpy()]
    names = frame[group].astype(str).to_numpy() if group is not None else np.arange(len(frame)).astype(str)
    area = frame[list(spread)].astype(str).agg("\x00".join, axis=1).to_numpy() if spread else np.zeros(len(frame))
    changed = True
    while changed:  # a group hidden in one set may tell another's count anew
        changed = False
        for index in sets:
            totals, members = index[~is_group[index]], index[is_group[index]]
            if not len(totals) or hidden[totals].any():
                continue  # no total in the table, or one hidden itself: it tells nothing exact
            value = {names[i]: int(values[i]) for i in members}
            gone = {names[i] for i in members if hidden[i]}
            if not gone or not _told(value, gone, int(values[totals[0]]), k):
                continue
            shown = sorted((count, name) for name, count in value.items() if name not in gone and count > 0)
            if shown:
                hidden[(names == shown[0][1]) & (area == area[index[0]])] = True
            else:
                hidden[totals] = True
            changed = True
    return hidden


def _told(value: dict[str, int], gone: set[str], total: int, k: int) -> bool:
    """Whether the total less the groups shown leaves some hidden group one count only: a hidden count is 1
    to k - 1 (``< k``) or k or more (``skjult``)."""
    rest = total - sum(count for name, count in value.items() if name not in gone)
    bounds = [(1.0, k - 1.0) if value[name] < k else (float(k), math.inf) for name in gone]
    for i, (lo, hi) in enumerate(bounds):
        others = [bound for j, bound in enumerate(bounds) if j != i]
        least = max(lo, rest - sum(other_hi for _, other_hi in others))
        most = min(hi, rest - sum(other_lo for other_lo, _ in others))
        if least == most:
            return True
    return False
