"""The appendix's tables in Danish: column names, the wide overview, footnotes stating unit and N."""

from __future__ import annotations

import pandas as pd

from kvaleval.frames import ALL

DANISH = {
    "respondent_group": "Gruppe", "role": "Rolle", "initiative": "Indsats", "code": "Kode",
    "label": "Tema", "valence": "Valens", "segments": "Segmenter", "respondents": "Respondenter",
    "respondents_total": "N (respondenter)", "share": "Andel (n/N)", "percent": "Procent",
    "conclusion_id": "Konklusion", "statement": "Konklusion (tekst)", "group": "Gruppe",
    "quotes": "Citater", "counter_quotes": "Modsigende citater", "supported": "Understøttet",
    "kind": "Type", "quote": "Citat", "attribution": "Kilde", "segment_id": "Segment",
    "doc_id": "Dokument", "speaker": "Taler", "speaker_role": "Rolle i interview",
    "turn_index": "Tur", "start": "Start", "end": "Slut", "score": "Score", "question": "Spørgsmål",
    "text": "Tekst", "coder": "Koder", "why": "Begrundelse", "time": "Tid",
    "code_a": "Tema A", "code_b": "Tema B", "respondent": "Respondent",
    "indikator": "Indikator", "mål": "Mål", "opnået": "Opnået", "vægt": "Vægt", "retning": "Retning",
    "pct_af_mål": "Pct. af mål", "opfyldt": "Opfyldt", "attribute": "Attribut", "value": "Værdi",
    "interview_date": "Interviewdato", "interviewer": "Interviewer",
}
"""Danish headers of the API's columns and of the attributes DESIGN.md names (``metadata.csv``:
``respondent_group``, ``role``, ``initiative``, ``interview_date``, ``interviewer``); any other
attribute keeps its own header, as the user wrote it."""


def danish(frame: pd.DataFrame) -> pd.DataFrame:
    """The same table with Danish column names (unknown columns keep theirs)."""
    return frame.rename(columns={c: DANISH.get(c, c) for c in frame.columns})


def overview(frequencies: pd.DataFrame, by: str | None) -> pd.DataFrame:
    """Themes as rows; per group the respondents as "n/N", their percent, and the segments."""
    rows = frequencies[["label"]].drop_duplicates()
    table = pd.DataFrame({"Tema": rows["label"].tolist()})
    groups = [ALL] if by is None else [g for g in frequencies[by].drop_duplicates() if g != ALL] + [ALL]
    for group in groups:
        part = frequencies if by is None else frequencies[frequencies[by] == group]
        part = part.set_index("label").loc[table["Tema"]]
        name = "Alle" if group == ALL else str(group)[:1].upper() + str(group)[1:]
        table[f"{name}: respondenter (n/N)"] = part["share"].to_numpy()
        table[f"{name}: %"] = part["percent"].to_numpy()
        table[f"{name}: segmenter"] = part["segments"].to_numpy()
    return table


def frequency_notes(frequencies: pd.DataFrame, by: str | None, *, coders: list[str]) -> list[str]:
    """Footnotes: the counting unit and N per group."""
    if by is None or by not in frequencies:
        totals = f"N = {_count(frequencies['respondents_total'].iloc[0]) if len(frequencies) else 0} respondenter."
    else:
        per_group = frequencies.drop_duplicates(by)[[by, "respondents_total"]]
        shown = ", ".join(f"{g}: {_count(n)}" for g, n in per_group.itertuples(index=False))
        totals = f"N = {shown} respondenter."
    return [
        "Enhed: respondenter (n/N = respondenter, der har udtrykt temaet / respondenter i gruppen) og "
        "kodede segmenter (taleture). En respondent er en taler i et interview eller en besvarelse i "
        "et spørgeskema; interviewerens ture tælles ikke.",
        totals,
        "Kodet af: " + ", ".join(coders) + ". Et segment tælles én gang pr. tema, uanset antal kodere.",
    ]


def _count(value: object) -> str:
    """A count as written, or as hidden (``"< 3"``) by small-cell suppression."""
    return value if isinstance(value, str) else str(int(value))  # type: ignore[call-overload]
