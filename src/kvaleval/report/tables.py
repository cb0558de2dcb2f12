"""The appendix's tables in its language: column names, the wide overview, footnotes stating unit and N."""

from __future__ import annotations

import pandas as pd

from kvaleval.analyse.evidence import COUNTER, SUPPORT
from kvaleval.analyse.frequencies import UNKNOWN
from kvaleval.errors import get_language
from kvaleval.frames import ALL
from kvaleval.records import GROUP_COLUMN
from kvaleval.words import Words

DANISH = {
    "respondent_group": "Gruppe", "role": "Rolle", "initiative": "Indsats", "code": "Kode",
    "label": "Tema", "valence": "Valens", "segments": "Segmenter", "respondents": "Respondenter",
    "respondents_total": "N (respondenter)", "share": "Andel (n/N)", "percent": "Procent",
    "conclusion_id": "Konklusion (id)", "statement": "Konklusion (tekst)", "group": "Gruppe",
    "quotes": "Citater", "counter_quotes": "Modsigende citater", "supported": "Understøttet",
    "kind": "Type", "quote": "Citat", "attribution": "Kilde", "segment_id": "Segment",
    "doc_id": "Dokument", "speaker": "Taler", "speaker_role": "Rolle i interview",
    "turn_index": "Tur", "start": "Start", "end": "Slut", "score": "Score", "question": "Spørgsmål",
    "text": "Tekst", "coder": "Koder", "why": "Begrundelse", "time": "Tid",
    "code_a": "Tema A", "code_b": "Tema B", "respondent": "Respondent",
    "indikator": "Indikator", "mål": "Mål", "opnået": "Opnået", "vægt": "Vægt", "retning": "Retning",
    "pct_af_mål": "Pct. af mål", "opfyldt": "Opfyldt", "attribute": "Attribut", "value": "Værdi",
    "interview_date": "Interviewdato", "interviewer": "Interviewer", "source": "Kilde i citater",
}
"""Danish headers of the API's columns and of the attributes DESIGN.md names (``metadata.csv``:
``respondent_group``, ``role``, ``initiative``, ``interview_date``, ``interviewer``); any other
attribute keeps its own header, as the user wrote it."""

ENGLISH = {
    "respondent_group": "Group", "role": "Role", "initiative": "Initiative", "code": "Code",
    "label": "Theme", "valence": "Valence", "segments": "Segments", "respondents": "Respondents",
    "respondents_total": "N (respondents)", "share": "Share (n/N)", "percent": "Percent",
    "conclusion_id": "Conclusion (id)", "statement": "Conclusion (text)", "group": "Group",
    "quotes": "Quotes", "counter_quotes": "Counter-quotes", "supported": "Supported",
    "kind": "Kind", "quote": "Quote", "attribution": "Source", "segment_id": "Segment",
    "doc_id": "Document", "speaker": "Speaker", "speaker_role": "Role in interview",
    "turn_index": "Turn", "start": "Start", "end": "End", "score": "Score", "question": "Question",
    "text": "Text", "coder": "Coder", "why": "Reason", "time": "Time",
    "code_a": "Theme A", "code_b": "Theme B", "respondent": "Respondent",
    "indikator": "Indicator", "mål": "Target", "opnået": "Achieved", "vægt": "Weight", "retning": "Direction",
    "pct_af_mål": "% of target", "opfyldt": "Met", "attribute": "Attribute", "value": "Value",
    "interview_date": "Interview date", "interviewer": "Interviewer", "source": "Source in quotes",
}
"""The same headers in English."""


def header(column: str) -> str:
    """A column's header in the appendix's language (an unknown column keeps its name)."""
    return (ENGLISH if get_language() == "en" else DANISH).get(column, column)


def headed(frame: pd.DataFrame) -> pd.DataFrame:
    """The same table with the appendix's headers (unknown columns keep theirs)."""
    return frame.rename(columns={c: header(c) for c in frame.columns})


def overview(frequencies: pd.DataFrame, by: str | None) -> pd.DataFrame:
    """Themes as rows; per group the respondents as "n/N", their percent, and the segments."""
    rows = frequencies[["label"]].drop_duplicates()
    themes = rows["label"].tolist()
    table = pd.DataFrame({Words.theme: themes})
    groups = [ALL] if by is None else [g for g in frequencies[by].drop_duplicates() if g != ALL] + [ALL]
    own = own_values()
    names = {group: Words.everyone if group == ALL else own.get(group) or str(group)[:1].upper() + str(group)[1:]
             for group in groups}
    # Two groups written alike but for case ("ung" in metadata.csv, "Ung" in a survey) got the same
    # columns, and the second overwrote the first: they keep their own spelling.
    clashing = {name for name in names.values() if list(names.values()).count(name) > 1}
    for group in groups:
        part = frequencies if by is None else frequencies[frequencies[by] == group]
        part = part.set_index("label").loc[themes]
        name = str(group) if names[group] in clashing else names[group]
        table[Words.column_respondents.format(group=name)] = part["share"].to_numpy()
        table[Words.column_percent.format(group=name)] = part["percent"].to_numpy()
        table[Words.column_segments.format(group=name)] = part["segments"].to_numpy()
    return table


def frequency_notes(frequencies: pd.DataFrame, by: str | None, *, coders: list[str]) -> list[str]:
    """Footnotes: the counting unit and N per group."""
    if by is None or by not in frequencies:
        shown = _count(frequencies["respondents_total"].iloc[0]) if len(frequencies) else "0"
    else:
        per_group = frequencies.drop_duplicates(by)[[by, "respondents_total"]]
        own = own_values()
        shown = ", ".join(f"{own.get(g, g)}: {_count(n)}" for g, n in per_group.itertuples(index=False))
    return [Words.note_unit, Words.note_totals.format(totals=shown), Words.note_coders.format(
        coders=", ".join(_coder_name(coder) for coder in coders))]


def _coder_name(coder: str) -> str:
    """kvaleval's own coders in words; a human coder as named."""
    return {"rules": Words.coder_rules, "model": Words.coder_model}.get(coder, coder)


def own_values() -> dict[str, str]:
    """The values kvaleval itself writes into tables, in the appendix's language (``(alle)`` is
    ``(all)``, ``støtte`` is ``support``); a group, a code or a valence is never one of them."""
    return {ALL: Words.all_groups, UNKNOWN: Words.unknown_group, SUPPORT: Words.support, COUNTER: Words.counter}


def _directions() -> dict[str, str]:
    """An indicator's direction, which ``read_targets`` writes as ``højere``/``lavere``."""
    return {"højere": Words.higher, "lavere": Words.lower}


OWN_VALUE_COLUMNS = {"group": own_values, "value": own_values, "attribute": own_values, "kind": own_values,
                     GROUP_COLUMN: own_values, "retning": _directions}
"""The columns that may hold them, and which of them."""


def with_own_values(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with kvaleval's own values in the appendix's language (the same frame in Danish)."""
    changed = {}
    for column, values in OWN_VALUE_COLUMNS.items():
        mapping = {value: shown for value, shown in values().items() if value != shown}
        if column in frame and mapping:
            changed[column] = frame[column].map(lambda v, m=mapping: m.get(v, v) if isinstance(v, str) else v)
    return frame.assign(**changed) if changed else frame


def _count(value: object) -> str:
    """A count as written, or as hidden (``"< 3"``) by small-cell suppression."""
    return value if isinstance(value, str) else str(int(value))  # type: ignore[call-overload]
