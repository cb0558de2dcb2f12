"""The pseudonymiser for one corpus: speakers get stable pseudonyms, other names and contact data go.

Name-like speakers (``Hanne``, ``Per Jensen`` from a Teams transcript) are
replaced by their group and a number, ``[borger 2]``, ``[interviewer 1]``,
wherever they appear: in text, in the speaker column, in ids. Everything else
is left to :class:`kvaleval.privacy.Pseudonymiser` (names from lists and the
capitalisation heuristic, CPR, phone, e-mail, address).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pandas as pd

from kvaleval.frames import attribute_columns
from kvaleval.privacy import Pseudonymiser
from kvaleval.privacy.columns import personal_column
from kvaleval.privacy.names import is_word_name, lexicon
from kvaleval.privacy.patterns import KIND_NAME, REPLACEMENTS
from kvaleval.records import GROUP_COLUMN
from kvaleval.segment.tags import is_role_label, looks_like_name, names_a_role

NAME_COLUMNS = ("interviewer",)
IDENTITY_COLUMNS = ("speaker", "doc_id", "segment_id", "interviewer")
"""Columns that can hold a person's name (a speaker label, a file name) and are pseudonymised on export."""

Pseudonymise = Callable[[str, str], str]


def speaker_pseudonyms(segments: pd.DataFrame) -> dict[str, str]:
    """Name-like speaker -> ``[group n]``, numbered in order of first appearance within each group."""
    pseudonyms: dict[str, str] = {}
    counters: dict[str, int] = {}
    columns = ["speaker", "speaker_role", *([GROUP_COLUMN] if GROUP_COLUMN in segments else [])]
    for row in segments[columns].drop_duplicates("speaker").itertuples(index=False):
        speaker = str(row.speaker)
        if not _is_name(speaker) or speaker in pseudonyms:
            continue
        if row.speaker_role == "interviewer":
            group = "interviewer"
        else:
            value = getattr(row, GROUP_COLUMN, "") if GROUP_COLUMN in segments else ""
            group = str(value).strip() if isinstance(value, str) and value.strip() else "respondent"
        counters[group] = counters.get(group, 0) + 1
        pseudonyms[speaker] = f"[{group} {counters[group]}]"
    for column in NAME_COLUMNS:
        if column in segments:
            for value in segments[column].dropna().astype(str).unique():
                for name in (n.strip() for n in value.replace(";", ",").split(",")):
                    if name and name not in pseudonyms:
                        counters["interviewer"] = counters.get("interviewer", 0) + 1
                        pseudonyms[name] = f"[interviewer {counters['interviewer']}]"
    return pseudonyms


def corpus_pseudonymiser(segments: pd.DataFrame, *, pseudonyms: Mapping[str, str] | None = None,
                         keep: Iterable[str] = ()) -> CorpusPseudonymiser:
    """A function ``(text, where) -> pseudonymised text``, consistent across one run; ``keep``
    are words that stay readable (see :class:`kvaleval.Pseudonymiser`).

    The corpus is read through once first: a name found anywhere in it (``Hanne``) is then
    replaced in every text, also where a sloppy transcript writes it in lower case
    (``hanne er vores kasserer``) and the name alone would not be recognised.
    """
    from kvaleval.danish import is_danish_word

    given = {**speaker_pseudonyms(segments), **(pseudonyms or {})}
    scout = Pseudonymiser(pseudonyms=given, keep=tuple(keep))
    lists = lexicon()
    scopes = _scopes(segments)
    if "question" in segments:
        for value in pd.unique(segments["question"].dropna()):
            if isinstance(value, str) and value:
                scout.apply(value)
    if "text" in segments:
        ids = segments["segment_id"].astype(str) if "segment_id" in segments else pd.Series("", index=segments.index)
        for where, value in zip(ids, segments["text"], strict=True):
            if isinstance(value, str) and value:
                scout._scope = scopes.get(where)
                scout.apply(value, where=where)
        scout._scope = None
    found = scout.report
    found = found[found["kind"] == "navn"]
    names = set()
    scoped: dict[str, set[str]] = {}
    for where, original, replacement in zip(found["where"], found["original"], found["replacement"], strict=True):
        label, _, suffix = replacement.rpartition("]")  # a genitive: "Hamids" -> "[navn]s"
        if label != "[navn":
            continue  # a speaker with a pseudonym of its own ([borger 2]) keeps it
        name = original[: len(original) - len(suffix)] if suffix and original.endswith(suffix) else original
        # not "Børn og Unge": "børn" in lower case is a word; but a word on no list found in lower case was
        # found where only a person stands ("hilsen lp"), and a given name that is a word is sought only with
        # its capital ("LP sagde"); a listed name that is a word ("hun hedder sol") has its own rules
        signature = name.islower() and name not in lists.names and name not in lists.keep
        if not (_NAME_TEXT.fullmatch(name) and (not all(is_danish_word(word) for word in name.split()) or signature)):
            continue
        words = name.casefold().split()
        scope = scopes.get(where)
        if scope is None or signature or not any(is_word_name(word, lists) for word in words):
            names.add(name)
            continue
        # a name with a word in it ("Jesper Glad", "Max") is a name in its own interview or answer only: "Glad
        # og tilfreds" and "plads til max 15" in another respondent's answer are the words; its other parts
        # are names everywhere
        scoped.setdefault(scope, set()).add(name)
        names.update(part for part, word in zip(name.split(), words, strict=True) if not is_word_name(word, lists))
    names |= _column_names(segments)
    return CorpusPseudonymiser(Pseudonymiser(names=sorted(names), pseudonyms=given, keep=tuple(keep)),
                               scopes=scopes, scoped={scope: frozenset(found) for scope, found in scoped.items()})


def _scopes(segments: pd.DataFrame) -> dict[str, str]:
    """Segment id -> where a word found as a name stays a name: its document, or for a survey answer
    (a segment with a question) the respondent, for each answer is another person's."""
    if "segment_id" not in segments or "doc_id" not in segments:
        return {}
    ids = segments["segment_id"].astype(str)
    scope = segments["doc_id"].astype(str)
    if "question" in segments and "speaker" in segments:
        answer = segments["question"].notna() & (segments["question"].astype(str) != "")
        scope = scope.where(~answer, scope + "#" + segments["speaker"].astype(str))
    return dict(zip(ids, scope, strict=True))


class CorpusPseudonymiser:
    """``(text, where) -> pseudonymised text`` for one run, with the run's report.

    Made by :func:`corpus_pseudonymiser`; a plain function of the same signature serves
    wherever one is expected, but only this one reports values replaced whole
    (:meth:`record`).
    """

    def __init__(self, pseudonymiser: Pseudonymiser, *, scopes: Mapping[str, str] | None = None,
                 scoped: Mapping[str, frozenset[str]] | None = None) -> None:
        self._pseudonymiser = pseudonymiser
        self._id_names: dict[str, str] = {}
        # where (a segment id) -> its scope, and the names with a word in them found in each scope: a text
        # from a scope is read with the run's names and its scope's own; a text from no known scope (a
        # property, the manifest) with all names found anywhere
        self._scopes = dict(scopes or {})
        self._scoped = dict(scoped or {})
        self._readers: dict[frozenset[str], Pseudonymiser] = {frozenset(): pseudonymiser}
        everyone = frozenset().union(*self._scoped.values())
        self._everyone = self._reader(everyone)

    def _reader(self, extra: frozenset[str]) -> Pseudonymiser:
        """The run's pseudonymiser with the names ``extra`` as well, sharing its report and memory."""
        reader = self._readers.get(extra)
        if reader is None:
            reader = self._readers[extra] = self._pseudonymiser.with_names(extra)
        return reader

    def _for(self, where: str) -> Pseudonymiser:
        scope = self._scopes.get(where)
        reader = self._everyone if scope is None else self._reader(self._scoped.get(scope, frozenset()))
        reader._scope = scope
        return reader

    def __call__(self, text: str, where: str = "") -> str:
        return self._for(where).apply(text, where=where)

    def replacements(self, text: str, where: str = "") -> list[tuple[int, int, str]]:
        """``(start, end, replacement)`` of what this one replaces in ``text``, recorded alike."""
        return self._for(where).replacements(text, where=where)

    def reason(self, reason: str, text: str, where: str = "") -> str:
        """A coding's reason (``why``) pseudonymised, and with every word of it that is part of
        what its segment's ``text`` has replaced hidden as well: the reason names words of the text
        in lower case (``valens positiv (+lykke)`` for "mvh Susanne Lykke"), where no name is seen."""
        shown = self(reason, where)
        hidden = {word.casefold(): REPLACEMENTS[kind] for start, end, kind in self._for(where).found(text)
                  for word in _ID_WORD.findall(text[start:end])}
        if not hidden:
            return shown
        return _ID_WORD.sub(lambda match: hidden.get(match.group().casefold(), match.group()), shown)

    def report(self) -> pd.DataFrame:
        """Every replacement so far (see :attr:`kvaleval.Pseudonymiser.report`)."""
        return self._pseudonymiser.report

    def record(self, where: str, original: str, replacement: str, *, start: int = 0,
               end: int | None = None) -> None:
        """Report a value replaced whole (a cell of a ``Telefon`` column), see
        :meth:`kvaleval.Pseudonymiser.record`."""
        self._pseudonymiser.record(where, original, replacement, start=start, end=end)

    def found_only(self) -> CorpusPseudonymiser:
        """The same run's pseudonymiser for text that is not the corpus's own (the manifest):
        it replaces only names given or found as names in the corpus so far, and contact data,
        and reports into the same report (see :meth:`kvaleval.Pseudonymiser.found_only`)."""
        narrow = CorpusPseudonymiser(self._everyone.found_only())
        narrow._id_names = self._id_names  # a file named after a person keeps its number
        return narrow


def _column_names(segments: pd.DataFrame) -> set[str]:
    """The values of name columns (a survey's ``Navn``): the person may write the name in an answer."""
    from kvaleval.privacy.columns import personal_column

    names: set[str] = set()
    for column in segments.columns:
        if (column not in ("speaker", "text", "question")
                and personal_column(str(column), segments[column]) == "[navn]"):
            names.update(" ".join(value.split()) for value in pd.unique(segments[column].dropna())
                         if isinstance(value, str) and _NAME_TEXT.fullmatch(" ".join(value.split())))
    return names


_NAME_TEXT = re.compile(r"[^\W\d_][^\W\d_'’ -]*(?: [^\W\d_][^\W\d_'’-]*){0,3}")


ID_COLUMNS = ("doc_id", "segment_id")
_ID_WORD = re.compile(r"[^\W\d_]+")


def pseudonymise_id(value: str, pseudonymise: Pseudonymise, where: str = "id") -> str:
    """A document or segment id (a file name) pseudonymised as text with its separators read as
    spaces: ``interviews/interview_Mette_Hansen`` -> ``interviews/interview_[navn 1]_[navn 2]``,
    ``20304050_opkald`` -> ``[telefon]_opkald``. A name becomes ``[navn N]``, numbered per run and
    name, so two files named after two people keep two ids (a known person keeps their label,
    ``[borger 3]``); a listed first or last name in lower case that is no Danish word counts too
    (``borger_fatima``: files are named so). ``where`` names the id's place in the report."""
    document, mark, turn = value.rpartition("#")
    if mark and document and _TURN_NUMBER.fullmatch(turn):  # a segment id: the document's id and its number
        # read apart: "..._10.12#5" read whole was a phone number, and every segment of the file one id
        return pseudonymise_id(document, pseudonymise, where) + mark + turn
    numbers: dict[str, str] = pseudonymise.__dict__.setdefault("_id_names", {})
    record = getattr(pseudonymise, "record", None)
    spaced = value.translate(_SEPARATORS_AS_SPACES)  # same length: the offsets hold in both
    find = getattr(pseudonymise, "replacements", None)
    if find is None:  # a plain function: whole-text pseudonymisation
        return _hide_lower_case_names(pseudonymise(value, where), numbers, record, where)
    pieces: list[str] = []
    position = 0
    for start, end, replacement in find(spaced, where):
        if replacement == GENERIC_NAME:  # "[navn]" twice would make two files one; Mette_Hansen is Mette Hansen
            key = " ".join(spaced[start:end].casefold().split())
            replacement = numbers.setdefault(key, f"[navn {len(numbers) + 1}]")
        pieces += [_hide_lower_case_names(value[position:start], numbers, record, where), replacement]
        position = end
    pieces.append(_hide_lower_case_names(value[position:], numbers, record, where))
    return "".join(pieces)


_TURN_NUMBER = re.compile(r"\d+(?:\.\d+)?")
"""The number after a segment id's ``#``: the turn, and a split turn's part (``12.2``)."""
_SEPARATORS_AS_SPACES = str.maketrans({character: " " for character in "_-./\\#"})
GENERIC_NAME = REPLACEMENTS[KIND_NAME]


def _hide_lower_case_names(text: str, numbers: dict[str, str], record: Any, where: str) -> str:
    return _ID_WORD.sub(lambda match: _hide_lower_case_name(match, numbers, record, where), text)


def _hide_lower_case_name(match: re.Match[str], numbers: dict[str, str], record: Any, where: str) -> str:
    """A listed first or last name that is not ambiguous and no Danish word (``fatima``, not ``sol``)."""
    from kvaleval.danish import is_danish_word
    from kvaleval.privacy.names import lexicon

    word = match.group(0)
    folded = word.casefold()
    names = lexicon()
    if (len(word) <= 2 or folded not in names.names or folded in names.ambiguous or folded in names.keep
            or is_danish_word(folded)):
        return word
    replacement = numbers.setdefault(folded, f"[navn {len(numbers) + 1}]")
    if record is not None:
        record(where, word, replacement)
    return replacement


def pseudonymise_columns(frame: pd.DataFrame, pseudonymise: Pseudonymise | None,
                         columns: tuple[str, ...] = IDENTITY_COLUMNS) -> pd.DataFrame:
    """A copy with the identity columns (speaker, ids) pseudonymised."""
    if pseudonymise is None:
        return frame
    frame = frame.copy()
    for column in columns:
        if column in frame:
            where = f"egenskab: {column}"
            frame[column] = [
                (pseudonymise_id(v, pseudonymise) if column in ID_COLUMNS else pseudonymise(v, where))
                if isinstance(v, str) and v else v
                for v in frame[column]
            ]
    return frame


def pseudonymise_attributes(frame: pd.DataFrame, pseudonymise: Pseudonymise | None) -> pd.DataFrame:
    """A copy whose attribute columns (survey and metadata columns) hold no personal data: a
    column of names or contact data is replaced value by value, any other text is pseudonymised."""
    if pseudonymise is None:
        return frame
    frame = frame.copy()
    for column in attribute_columns(frame):
        if column in IDENTITY_COLUMNS or column == GROUP_COLUMN:
            continue
        replacement = personal_column(str(column), frame[column])
        where = f"egenskab: {column}"  # the report says which column a replacement was made in
        frame[column] = [
            (_replace_whole(value, replacement, where, pseudonymise) if replacement else pseudonymise(value, where))
            if isinstance(value, str) and value.strip() else value
            for value in frame[column]
        ]
    return frame


def _replace_whole(value: str, replacement: str, where: str, pseudonymise: Pseudonymise) -> str:
    """``replacement`` for a value of a name or contact column, reported where the pseudonymiser
    keeps a report: the report lists every value replaced."""
    record = getattr(pseudonymise, "record", None)
    if record is not None:
        record(where, value, replacement)
    return replacement


def _is_name(speaker: str) -> bool:
    return (not is_role_label(speaker) and looks_like_name(speaker) and not speaker.isdigit()
            and not names_a_role(speaker))
