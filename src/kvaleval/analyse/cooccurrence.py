"""Code co-occurrence: how often two themes are raised in the same segment, or by the same respondent."""

from __future__ import annotations

import itertools

import pandas as pd

from kvaleval.analyse.frequencies import respondent_segments, with_groupings
from kvaleval.records import Codebook


def cooccurrence(segments: pd.DataFrame, codings: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Every pair of codes (and each code with itself) with shared segments and respondents.

    Returns
    -------
    DataFrame
        ``code_a, code_b, segments`` (segments coded with both), ``respondents``
        (respondents with both, in any of their segments), ``respondents_total``.
        The diagonal (``code_a == code_b``) holds each code's own counts.
    """
    frame = respondent_segments(segments, [], None)[["segment_id", "_case"]]
    # A grouping code counts what the codes under it count, as in the frequency tables: its diagonal
    # is its respondents, not 0.
    coded = with_groupings(codings[["segment_id", "code"]], codebook).drop_duplicates().merge(frame, on="segment_id")
    by_segment = coded.groupby("code")["segment_id"].agg(set).to_dict()
    by_case = coded.dropna(subset="_case").groupby("code")["_case"].agg(set).to_dict()
    rows = []
    for a, b in itertools.combinations_with_replacement(codebook.names, 2):
        segments_ab = len(by_segment.get(a, set()) & by_segment.get(b, set()))
        cases_ab = len(by_case.get(a, set()) & by_case.get(b, set()))
        rows.append((a, b, segments_ab, cases_ab))
        if a != b:
            rows.append((b, a, segments_ab, cases_ab))
    result = pd.DataFrame(rows, columns=["code_a", "code_b", "segments", "respondents"])
    result["respondents_total"] = frame["_case"].nunique()
    order = {name: i for i, name in enumerate(codebook.names)}
    return (
        result.assign(_a=result["code_a"].map(order), _b=result["code_b"].map(order))
        .sort_values(["_a", "_b"])
        .drop(columns=["_a", "_b"])
        .reset_index(drop=True)
    )


def cooccurrence_matrix(table: pd.DataFrame, *, unit: str = "respondents") -> pd.DataFrame:
    """The long table as a code x code matrix of ``unit`` counts."""
    matrix = table.pivot(index="code_a", columns="code_b", values=unit)
    order = list(dict.fromkeys(table["code_a"]))
    return matrix.loc[order, order]
