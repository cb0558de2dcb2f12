"""Evidence per conclusion: who supports it, in which groups, in their own words, and who disagrees.

A respondent supports a conclusion when at least one of their segments is coded
with one of its themes (with its valence, or ``blandet``, when the conclusion
names a valence). Counter-quotes are quotes on the same themes with the opposite
valence. A conclusion with fewer supporting respondents than its
``min_respondents`` is flagged, not hidden.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence

import pandas as pd

from kvaleval._checks import check, check_conclusions
from kvaleval.analyse.frequencies import UNKNOWN, respondent_segments
from kvaleval.analyse.privacy import corpus_pseudonymiser
from kvaleval.analyse.quotes import diverse, rank_candidates, render
from kvaleval.codebook import check_conclusion_themes, resolve_themes
from kvaleval.errors import Texts, Warnings, warn
from kvaleval.frames import ALL, attribute_columns, require_columns
from kvaleval.records import GROUP_COLUMN, Codebook, Conclusion
from kvaleval.words import Words

EVIDENCE_COLUMNS = (
    "conclusion_id", "statement", "group", "respondents", "respondents_total", "share",
    "segments", "quotes", "counter_quotes", "supported",
)
EVIDENCE_QUOTE_COLUMNS = (
    "conclusion_id", "kind", "group", "quote", "attribution", "segment_id", "doc_id", "speaker",
    "start", "end", "score", "valence", "question",
)
OPPOSITE = {"positiv": "negativ", "negativ": "positiv"}
SUPPORT, COUNTER = "støtte", "modsigelse"


def supporting_codings(codings: pd.DataFrame, conclusion: Conclusion,
                       segments: pd.DataFrame | None = None) -> pd.DataFrame:
    """The codings that support a conclusion: its themes, and its valence (or blandet) if it names one;
    with ``match: all`` (and ``segments``), only those of respondents who have every one of its themes."""
    mine = codings[codings["code"].isin(conclusion.themes)]
    if conclusion.valence:
        allowed = {conclusion.valence, "blandet"}
        mine = mine[mine["valence"].fillna("").isin(allowed)]
    if conclusion.match == "all" and segments is not None:
        sets = conclusion.all_of or tuple((theme,) for theme in conclusion.themes)
        mine = mine[mine["segment_id"].isin(_of_respondents_with_every_theme(segments, mine, sets))]
    return mine


def _of_respondents_with_every_theme(segments: pd.DataFrame, codings: pd.DataFrame,
                                     sets: Sequence[Sequence[str]]) -> set[str]:
    """The segment ids of ``codings`` whose respondent has a coding of each theme among them, a theme
    being a set of codes (a grouping code: any code under it)."""
    cases = respondent_segments(segments, [], None).set_index("segment_id")["_case"]
    person = codings["segment_id"].map(cases)
    everyone: set[object] | None = None
    for codes in sets:
        having = set(person[codings["code"].isin(codes)].dropna())
        everyone = having if everyone is None else everyone & having
    return set(codings.loc[person.isin(everyone or set()), "segment_id"])


def evidence_quotes(
    segments: pd.DataFrame,
    codings: pd.DataFrame,
    codebook: Codebook,
    conclusions: Sequence[Conclusion],
    *,
    n_quotes: int = 3,
    pseudonymise: bool = True,
    pseudonymiser: Callable[[str, str], str] | None = None,
    warn_unknown: bool = True,
) -> pd.DataFrame:
    """Supporting quotes and counter-quotes per conclusion and group, one row per quote.

    ``warn_unknown=False`` leaves the warnings of unknown groups and ``where`` values (W021, W032,
    W033) to :func:`evidence`, which the caller runs on the same conclusions: once, not twice.

    Returns
    -------
    DataFrame
        ``conclusion_id, kind`` (støtte | modsigelse), ``group`` (a group or
        "(alle)"), ``quote, attribution, segment_id, doc_id, speaker, start, end,
        score, valence, question``.
    """
    if pseudonymise and pseudonymiser is None:
        pseudonymiser = corpus_pseudonymiser(segments)
    rows = []
    for conclusion in resolve_themes(conclusions, codebook):
        for group, frame in _group_frames(segments, conclusion, warn_unknown=warn_unknown):
            supporting: set[str] = set()
            for kind, valences in _kinds(conclusion):  # support first
                if kind == COUNTER and not valences:
                    continue
                ranked = rank_candidates(frame, codings, conclusion.themes, valences=valences)
                if kind == SUPPORT:
                    if conclusion.match == "all":  # the quotes of those who have every theme
                        backing = supporting_codings(codings, conclusion, segments)
                        ranked = ranked[ranked["segment_id"].isin(backing["segment_id"])]
                    supporting = set(ranked["segment_id"])
                else:  # a segment that backs the conclusion on one theme is no counter-quote on another
                    ranked = ranked[~ranked["segment_id"].isin(supporting)]
                chosen = diverse(ranked, n_quotes, per_respondent=1)
                rendered = render(chosen, segments, codebook, conclusion.themes,
                                  pseudonymise=pseudonymise, pseudonymiser=pseudonymiser)
                for _, quote in rendered.iterrows():
                    rows.append({
                        "conclusion_id": conclusion.id, "kind": kind, "group": group,
                        **{column: quote[column] for column in EVIDENCE_QUOTE_COLUMNS[3:]},
                    })
    return pd.DataFrame(rows, columns=list(EVIDENCE_QUOTE_COLUMNS))


def evidence(
    segments: pd.DataFrame,
    codings: pd.DataFrame,
    codebook: Codebook,
    conclusions: Sequence[Conclusion],
    *,
    n_quotes: int = 3,
    pseudonymise: bool = True,
    pseudonymiser: Callable[[str, str], str] | None = None,
    quotes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Support, quotes and counter-quotes per conclusion and respondent group.

    ``quotes`` takes a table already made by :func:`evidence_quotes` for the same
    conclusions, so a caller that shows both tables selects the quotes once.

    Returns
    -------
    DataFrame
        One row per conclusion and group (each of the conclusion's ``groups``, or
        every group in the corpus, then "(alle)"): ``conclusion_id, statement,
        group, respondents, respondents_total, share`` ("n/N"), ``segments``,
        ``quotes`` and ``counter_quotes`` (one quote per line: »quote« and its
        attribution), ``supported`` (respondents >= the conclusion's
        ``min_respondents``).
    """
    conclusions = check_conclusions(conclusions, function="evidence")
    # a string or float here was a TypeError from inside the quote selection
    check(n_quotes, int, function="evidence", argument="n_quotes", expected=Texts.arg_whole_number,
          hint=Texts.arg_n_quotes_example)
    require_columns(codings, ["segment_id", "code", "valence"])
    check_conclusion_themes(conclusions, codebook, shown="conclusions")
    conclusions = resolve_themes(conclusions, codebook)
    if quotes is None:
        quotes = evidence_quotes(segments, codings, codebook, conclusions, n_quotes=n_quotes,
                                 pseudonymise=pseudonymise, pseudonymiser=pseudonymiser, warn_unknown=False)
    rows = []
    answers = short_answers(codings)
    for conclusion in conclusions:
        support = supporting_codings(codings, conclusion, segments)
        for group, frame in _group_frames(segments, conclusion):
            cases = respondent_segments(frame, [], None)
            backed = cases[cases["segment_id"].isin(support["segment_id"])]
            respondents = int(backed["_case"].nunique())
            total = int(cases["_case"].nunique())
            mine = quotes[(quotes["conclusion_id"] == conclusion.id) & (quotes["group"] == group)]
            rows.append({
                "conclusion_id": conclusion.id,
                "statement": conclusion.statement,
                "group": group,
                "respondents": respondents,
                "respondents_total": total,
                "share": f"{respondents}/{total}",
                "segments": int(backed["segment_id"].nunique()),
                "quotes": _lines(mine[mine["kind"] == SUPPORT], _answered(answers, conclusion)),
                "counter_quotes": _lines(mine[mine["kind"] == COUNTER], _answered(answers, conclusion)),
                "supported": respondents >= conclusion.min_respondents,
            })
    return pd.DataFrame(rows, columns=list(EVIDENCE_COLUMNS))


def _group_frames(segments: pd.DataFrame, conclusion: Conclusion, *,
                  warn_unknown: bool = True) -> list[tuple[str, pd.DataFrame]]:
    """(group, segments of that group) for each group of the conclusion, then (alle) over them;
    only the segments of respondents its ``where`` selects."""
    segments = _where(segments, conclusion, warn_unknown=warn_unknown)
    if GROUP_COLUMN not in segments:
        if not conclusion.groups:
            return [(ALL, segments)]
        # no group column (no metadata.csv): the groups named are nobody's; say so, as for a typo,
        # rather than count everyone under the conclusion about citizens
        segments = segments.assign(**{GROUP_COLUMN: UNKNOWN})
    groups_column = segments[GROUP_COLUMN].astype(object).where(segments[GROUP_COLUMN].notna(), "")
    groups_column = groups_column.map(lambda value: str(value).strip() or UNKNOWN)
    present = sorted(set(groups_column[segments["speaker_role"] == "respondent"]))
    # "Borger" names the group "borger" (the appendix writes it with a capital); "UNG" names both "Ung" (a
    # survey) and "ung" (metadata.csv), which the tables keep apart, where no group is written as it is
    named = [found for group in conclusion.groups
             for found in ([group] if group in present
                           else [p for p in present if p.casefold() == group.casefold()] or [group])]
    unknown = [group for group in named if group not in present]
    if unknown and warn_unknown:  # a typo reads as "0/0 respondents: not supported"; say so (a shared
        # conclusions file can name groups another corpus doesn't have, so this is no reason to stop)
        warn(Warnings.W021.format(conclusion=conclusion.id, unknown=unknown, groups=present,
                                  near=_near_groups(unknown, present)))
    wanted = named or present
    frames = [(group, segments[groups_column == group]) for group in wanted]
    frames.append((ALL, segments[groups_column.isin(wanted)]))
    return frames


def _where(segments: pd.DataFrame, conclusion: Conclusion, *, warn_unknown: bool = True) -> pd.DataFrame:
    """The segments whose attributes have the values the conclusion's ``where`` names (any of
    them per attribute, every attribute), compared without case and outer spaces."""
    where = conclusion.where.items() if isinstance(conclusion.where, dict) else conclusion.where
    keep = pd.Series(True, index=segments.index)
    for attribute, values in where:
        values = (values,) if isinstance(values, str) else values
        attribute = _attribute(segments, attribute)
        if attribute not in segments:
            if warn_unknown:
                warn(Warnings.W032.format(conclusion=conclusion.id, attribute=attribute,
                                          attributes=attribute_columns(segments)))
            return segments.iloc[0:0]
        column = segments[attribute].astype(object).where(segments[attribute].notna(), "")
        column = column.map(lambda value: str(value).strip().casefold())
        wanted = {str(value).strip().casefold() for value in values}
        present = sorted(set(column[segments["speaker_role"] == "respondent"]) - {""})
        unknown = [value for value in values if str(value).strip().casefold() not in present]
        if unknown and warn_unknown:  # a typo selects nobody and reads as "0/0: not supported"; say so
            warn(Warnings.W033.format(conclusion=conclusion.id, attribute=attribute, unknown=unknown,
                                      values=present))
        keep &= column.isin(wanted)
    return segments[keep]


def _attribute(segments: pd.DataFrame, attribute: str) -> str:
    """The column ``where:`` names: as written, else by its header in the appendix (``Rolle``, ``Indsats``,
    ``Gruppe``: what a reader of the sheets sees), else written in other case (``Role``) where only one
    column is so written; else as written, for W032 to say what there is."""
    from kvaleval.report.tables import DANISH, ENGLISH  # here: the report's tables import this module

    if attribute in segments:
        return attribute
    folded = attribute.strip().casefold()
    headed = {header.casefold(): column for table in (DANISH, ENGLISH) for column, header in table.items()
              if column in segments and column in attribute_columns(segments)}
    if folded in headed:
        return headed[folded]
    cased = [column for column in attribute_columns(segments) if str(column).casefold() == folded]
    return cased[0] if len(cased) == 1 else attribute


def _kinds(conclusion: Conclusion) -> list[tuple[str, set[str] | None]]:
    """(kind, valences to select): support takes the conclusion's valence or blandet;
    counter-quotes take the opposite valence (none when the conclusion names no valence)."""
    if not conclusion.valence:
        return [(SUPPORT, None), (COUNTER, set())]
    opposite = OPPOSITE.get(conclusion.valence)
    return [(SUPPORT, {conclusion.valence, "blandet"}), (COUNTER, {opposite} if opposite else set())]


SHORT_ANSWER = "svar på spørgsmål"
"""How the rule coder's ``why`` says a short answer took its theme from the question it answered."""


def short_answers(codings: pd.DataFrame) -> pd.DataFrame:
    """(segment_id, code) of the codings a short answer took from its question."""
    if "why" not in codings:
        return codings.loc[[], ["segment_id", "code"]]
    why = codings["why"].astype(object).where(codings["why"].notna(), "").astype(str)
    return codings.loc[why.str.contains(SHORT_ANSWER, regex=False), ["segment_id", "code"]]


def _answered(answers: pd.DataFrame, conclusion: Conclusion) -> set[str]:
    return set(answers.loc[answers["code"].isin(conclusion.themes), "segment_id"])


def _lines(quotes: pd.DataFrame, answered: set[str]) -> str:
    """One quote per line: »quote« (attribution); a short answer that took its theme from the
    question ("Ja, helt klart.") says nothing alone, so the question is shown with it."""
    lines = []
    for row in quotes.itertuples():
        shown = row.segment_id in answered and row.question
        asked = " " + Words.answer_to.format(question=row.question) if shown else ""
        lines.append(f"{Words.quoted.format(quote=row.quote)}{asked} {row.attribution}")
    return "\n".join(lines)


def _near_groups(unknown: list[str], present: list[str]) -> str:
    """" Mente du 'medarbejdere' for 'medarbejder'?" for the unknown groups that look like a present one
    (a plural, a typo); "" when none does."""
    folded = {group.casefold(): group for group in present}
    pairs = []
    for group in unknown:
        close = difflib.get_close_matches(group.casefold(), list(folded), n=1, cutoff=0.75)
        if close:
            pairs.append(f"'{folded[close[0]]}' for '{group}'")  # "for" in both languages
    return Texts.near_group.format(names=", ".join(pairs)) if pairs else ""
