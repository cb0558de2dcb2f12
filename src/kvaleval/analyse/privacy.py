"""The pseudonymiser for one corpus: speaker and interviewer names plus the general detectors."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from kvaleval.segment.tags import is_role_label, looks_like_name

NAME_COLUMNS = ("interviewer",)


def corpus_names(segments: pd.DataFrame) -> list[str]:
    """Names of people in a corpus: speaker labels that are names, and metadata name columns."""
    names: set[str] = set()
    for speaker in segments["speaker"].dropna().astype(str).unique():
        if not is_role_label(speaker) and looks_like_name(speaker) and not speaker.isdigit():
            names.add(speaker)
    for column in NAME_COLUMNS:
        if column in segments:
            for value in segments[column].dropna().astype(str).unique():
                names.update(name.strip() for name in value.replace(";", ",").split(",") if name.strip())
    return sorted(names)


def corpus_pseudonymiser(segments: pd.DataFrame, **options: object) -> Callable[[str, str], str]:
    """A function ``(text, where) -> pseudonymised text``, consistent across one run."""
    from kvaleval.privacy import Pseudonymiser

    pseudonymiser = Pseudonymiser(names=corpus_names(segments), **options)  # type: ignore[arg-type]
    return lambda text, where="": pseudonymiser.apply(text, where=where)
