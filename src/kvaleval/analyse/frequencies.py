"""Theme frequencies: coded segments and respondents per group, with n/N shares.

Evaluators report "7 of 12 partners", not "31 mentions": every table counts both
units. A respondent is a ``(doc_id, speaker)`` pair unless a case column is
named; N of a group is its respondents with at least one respondent segment. A
segment counts once per code, whichever coders coded it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from kvaleval.errors import CodingError, Errors, Texts
from kvaleval.frames import ALL, VALENCES, half_up, require_columns
from kvaleval.records import RESPONDENT, Codebook
from kvaleval.segment.tags import is_no_respondent

UNKNOWN = "(ukendt)"
"""The group of segments whose grouping attribute is empty."""


def respondent_segments(segments: pd.DataFrame, by: Sequence[str], case: str | None) -> pd.DataFrame:
    """Respondent segments with a ``_case`` column and the grouping columns filled in. ``_case``
    is missing (NA) for a turn of several speakers (``Alle:``, ``Flere:``): its segments count, it
    is no respondent."""
    require_columns(segments, ["segment_id", "doc_id", "speaker", "speaker_role"])
    missing = [column for column in by if column not in segments.columns]
    if missing:
        raise CodingError(Errors.E304.format(by=", ".join(missing), columns=groupable(segments.columns)))
    # By position, not by label: a segment table put together from several may repeat index labels.
    respondent = (segments["speaker_role"] == RESPONDENT).to_numpy()
    frame = segments.loc[respondent, list(dict.fromkeys(["segment_id", "doc_id", "speaker", *by]))].copy()
    if case is not None:
        require_columns(segments, [case])
        frame["_case"] = segments[case].to_numpy()[respondent]
        frame["_case"] = frame["_case"].astype(str)
    else:
        speakers = frame["speaker"].astype(str)
        frame["_case"] = frame["doc_id"].astype(str) + "\x1f" + speakers
        # "Alle:" in a focus group is words of the respondents, not one more of them.
        collective = [speaker for speaker in speakers.unique() if is_no_respondent(speaker)]
        frame["_case"] = frame["_case"].where(~speakers.isin(collective))
    for column in by:
        frame[column] = _group_values(frame[column])
    return frame


def _group_values(values: pd.Series) -> pd.Series:
    """``str(value).strip()``, or :data:`UNKNOWN` for an empty or missing value (vectorised). A
    value written as one of kvaleval's own labels (a group called "(alle)" or "(ukendt)" in a survey)
    is told apart as "alle (gruppe)": "(alle)" is the total row, and two of them broke the tables."""
    text = values.astype(object).where(values.notna(), "").astype(str).str.strip()
    text = text.where(~text.isin(_RESERVED), text.str.strip("()") + " (gruppe)")
    return text.where(text != "", UNKNOWN)


_RESERVED = ("(alle)", "(all)", UNKNOWN, "(unknown)")


def frequencies(
    segments: pd.DataFrame,
    codings: pd.DataFrame,
    codebook: Codebook,
    *,
    by: str | Sequence[str] | None = "respondent_group",
    valence: bool = False,
    case: str | None = None,
) -> pd.DataFrame:
    """Count coded segments and respondents per code and group.

    Parameters
    ----------
    segments, codings : DataFrame
        The tables of a :class:`kvaleval.Coded`.
    codebook : Codebook
        Gives the code order and labels; every code gets a row, coded or not.
    by : str, list of str or None
        Attribute column(s) to group by. None counts the whole corpus only. A
        column missing from ``segments`` is an error (unless it is the default
        ``respondent_group`` on a corpus without metadata, which counts the whole corpus).
    valence : bool
        Also split by valence (adds a ``valence`` column: positiv, negativ, blandet, and "" for
        codings without a valence; the "" rows are left out when every counted coding has one).
    case : str, optional
        A column that identifies the respondent (case) instead of ``(doc_id, speaker)``.

    Returns
    -------
    DataFrame
        Columns: the ``by`` columns (``"(alle)"`` in the overall rows), ``code``,
        ``label``, [``valence``], ``segments``, ``respondents``,
        ``respondents_total``, ``share`` ("n/N") and ``percent`` (0–100, one
        decimal). Sorted by group, then codebook order.
    """
    check_by(by, function="frequencies")
    by_columns = by_columns_of(segments, by)
    require_columns(codings, ["segment_id", "code"])
    frame = respondent_segments(segments, by_columns, case)
    coded = coded_once(with_groupings(codings[["segment_id", "code", *(["valence"] if valence else [])]], codebook),
                       valence=valence)
    merged = coded.merge(frame, on="segment_id", how="inner")
    if merged.empty and len(coded):
        check_matching(coded["segment_id"], segments["segment_id"], function="frequencies")
    keys = count_keys(valence)
    counts = []
    for group_columns in groupings(by_columns):
        totals = (
            frame.groupby(group_columns, sort=True)["_case"].nunique().rename("respondents_total").reset_index()
            if group_columns else pd.DataFrame({"respondents_total": [frame["_case"].nunique()]})
        )
        counted = merged.groupby(group_columns + keys, sort=True).agg(
            segments=("segment_id", "nunique"), respondents=("_case", "nunique")
        ).reset_index()
        groups = frame[group_columns].drop_duplicates() if group_columns else None
        counts.append(GroupCounts(group_columns, groups, totals, counted))
    return frequency_table(counts, by_columns, codebook, valence=valence)


@dataclass(frozen=True)
class GroupCounts:
    """The aggregates of one grouping, from which :func:`frequency_table` builds its rows.

    Computed by pandas here and by Dask in :mod:`kvaleval.dask`; the table is built
    the same way from either.
    """

    group_columns: list[str]
    groups: pd.DataFrame | None  # the distinct groups among respondent segments (None: the whole corpus)
    totals: pd.DataFrame  # group columns + respondents_total
    counts: pd.DataFrame  # group columns + code [+ valence] + segments, respondents


def frequency_table(
    counts: Sequence[GroupCounts], by_columns: list[str], codebook: Codebook, *, valence: bool
) -> pd.DataFrame:
    """The frequency table of :func:`frequencies` from the aggregates of each grouping.

    With ``valence``, every group and code gets a row per valence (``positiv``, ``negativ``,
    ``blandet``), and a row for the empty valence only when some counted coding has none.
    """
    keys = count_keys(valence)
    valences = (*VALENCES, "") if valence and any(
        bool((part.counts["valence"].astype(str) == "").any()) for part in counts) else VALENCES
    tables = []
    for part in counts:
        group_columns = part.group_columns
        grid = _full_grid(part.groups, group_columns, codebook, valences if valence else ())
        table = grid.merge(part.counts, on=group_columns + keys, how="left").fillna({"segments": 0, "respondents": 0})
        if group_columns:
            table = table.merge(part.totals, on=group_columns, how="left")
        else:
            table["respondents_total"] = part.totals["respondents_total"].iloc[0]
        for column in by_columns:
            if column not in group_columns:
                table[column] = ALL
        tables.append(table)
    result = pd.concat(tables, ignore_index=True)
    for column in ("segments", "respondents", "respondents_total"):
        result[column] = result[column].astype("int64")
    result["share"] = result["respondents"].astype(str) + "/" + result["respondents_total"].astype(str)
    totals = result["respondents_total"].where(result["respondents_total"] > 0)
    result["percent"] = half_up(100 * result["respondents"] / totals).fillna(0.0)  # as the targets' percents
    labels = {code.name: code.display for code in codebook.codes}
    result["label"] = result["code"].map(labels)
    order = {name: i for i, name in enumerate(codebook.names)}
    result["_order"] = result["code"].map(order)
    result["_all"] = 0 if not by_columns else (result[by_columns[0]] != ALL).astype(int)
    sort = ["_all", *by_columns, "_order", *(["valence"] if valence else [])]
    result = result.sort_values(sort, kind="stable").reset_index(drop=True)
    columns = [*by_columns, "code", "label", *(["valence"] if valence else []),
               "segments", "respondents", "respondents_total", "share", "percent"]
    return result[columns]


def check_by(by: object, *, function: str) -> None:
    """``by`` is a column name, a list of column names, or None."""
    from kvaleval._checks import check

    expected = Texts.arg_by
    check(by, (str, list, tuple, type(None)), function=function, argument="by", expected=expected,
          hint=Texts.arg_by_example)
    if isinstance(by, list | tuple):
        for column in by:
            check(column, str, function=function, argument="by", expected=expected,
                  hint=Texts.arg_by_items)


def check_matching(coded: pd.Series, segments: pd.Series, *, function: str) -> None:
    """Refuse codings none of which is a segment of the table (ids built another way, another corpus):
    every count would be 0, silently. Codings of interviewer turns alone match and count nothing."""
    if not coded.astype(str).isin(set(segments.astype(str))).any():
        raise CodingError(Errors.E316.format(function=function, n=len(coded), coding=coded.iloc[0],
                                             segment=segments.iloc[0] if len(segments) else ""))


def groupable(columns: Iterable[str]) -> list[str]:
    """The columns a table can be grouped by: the document, and every attribute (not offsets or text)."""
    return [column for column in columns if column not in _NOT_GROUPS]


_NOT_GROUPS = frozenset({"segment_id", "turn_index", "speaker", "speaker_role", "start", "end", "text", "question",
                         "time"})


def by_columns_of(segments: pd.DataFrame, by: str | Sequence[str] | None) -> list[str]:
    """The grouping columns ``by`` names (none for the default on a corpus without groups)."""
    if by is None:
        return []
    columns = [by] if isinstance(by, str) else list(by)
    if columns == ["respondent_group"] and "respondent_group" not in segments.columns:
        return []
    return columns


def groupings(by_columns: list[str]) -> list[list[str]]:
    """The whole corpus, then the groups (if any)."""
    return [[]] + ([by_columns] if by_columns else [])


def count_keys(valence: bool) -> list[str]:
    return ["code", *(["valence"] if valence else [])]


def with_groupings(codings: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """The codings, and for each grouping code (``codable: false``) a copy of the codings of the
    codes under it: a grouping code's row counts what any of its codes counts, as NVivo's
    aggregate does, instead of a row of zeros."""
    parts = [codings]
    for code in codebook.codes:
        if not code.codable:
            under = codings[codings["code"].isin(codebook.applied(code.name))]
            parts.append(under.assign(code=code.name))
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else codings


def coded_once(coded: pd.DataFrame, *, valence: bool) -> pd.DataFrame:
    """One row per coded (segment, code) [and valence], whichever coders coded it."""
    if valence:
        coded = coded.assign(valence=coded["valence"].fillna("").astype(str))
        coded = _one_valence_per_segment(coded)
    return coded.drop_duplicates(["segment_id", "code", *(["valence"] if valence else [])])


def _one_valence_per_segment(coded: pd.DataFrame) -> pd.DataFrame:
    """When coders disagree on valence for a segment, it counts as blandet (mixed).

    One row per (segment, code) in order of first appearance: the one non-empty
    valence the coders gave, "blandet" for two or more, "" for none.
    """
    keys = ["segment_id", "code"]
    pairs = coded[keys].drop_duplicates()
    given = coded.loc[coded["valence"] != "", [*keys, "valence"]].drop_duplicates()
    combined = given.groupby(keys, sort=False)["valence"].agg(["first", "size"])
    combined["valence"] = combined["first"].where(combined["size"] == 1, "blandet")
    result = pairs.merge(combined["valence"].reset_index(), on=keys, how="left")
    result["valence"] = result["valence"].fillna("")
    return result.reset_index(drop=True)


def _full_grid(
    groups: pd.DataFrame | None, group_columns: list[str], codebook: Codebook, valences: Sequence[str]
) -> pd.DataFrame:
    """Every group x code [x valence] (no valence column when ``valences`` is empty)."""
    grid = pd.DataFrame({"code": list(codebook.names)})
    if valences:
        grid = grid.merge(pd.DataFrame({"valence": list(valences)}), how="cross")
    if group_columns and groups is not None:
        grid = groups.merge(grid, how="cross")
    return grid
