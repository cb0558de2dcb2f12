"""Frozen records shared by every stage: documents, turns, codebooks, conclusions.

A record cannot change after it is made, so a segment's text and offsets stay an
exact slice of its document by construction. Mappings are stored as tuples of
pairs (hashable, ordered); the ``*_dict`` helpers give them back as dicts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

Pairs = tuple[tuple[str, str], ...]

INTERVIEWER = "interviewer"
RESPONDENT = "respondent"
GROUP_COLUMN = "respondent_group"
"""The attribute tables, quotes and conclusions are divided by (DESIGN.md)."""
GROUP_NAMES = frozenset({"gruppe", "respondentgruppe", "målgruppe", "brugergruppe", "deltagergruppe",
                         "group", "respondent group", "respondentgroup", "respondent_gruppe"})
"""Other names evaluators give the group (a survey's column ``Gruppe``, a project's variable
``Målgruppe``), compared case-folded: taken as the group where there is no ``respondent_group``."""


def is_group_name(name: str) -> bool:
    """``respondent_group`` or one of :data:`GROUP_NAMES` (spaces and case aside)."""
    folded = " ".join(name.split()).casefold()
    return folded == GROUP_COLUMN or folded in GROUP_NAMES


def group_alias(names: Iterable[str]) -> str | None:
    """The one name of ``names`` that is another name for the group (``Gruppe``), where none is
    ``respondent_group`` itself; None when there is none, or more than one."""
    names = list(names)
    if any(" ".join(name.split()).casefold() == GROUP_COLUMN for name in names):
        return None
    found = [name for name in names if is_group_name(name)]
    return found[0] if len(found) == 1 else None
APPENDIX_FILE_LIST = "kvaleval_filer.txt"
"""The list of files an appendix run wrote, in its output folder: how a later run knows the files
(and how read_corpus knows an appendix in a corpus folder, which is no part of the corpus)."""


class Turn(NamedTuple):
    """One speaker turn of a document, as offsets into ``Document.text``.

    ``start``/``end`` cover the spoken text only (no tag, no timestamp), end
    exclusive, in Unicode code points. ``role`` is set by readers that know it
    (a survey's question is the interviewer); otherwise it is decided from the
    speaker tag. ``question`` is set by readers whose questions are not turns
    (a survey column header); otherwise it is the preceding interviewer turn.
    ``part`` is 0 for a whole turn; a turn split into pieces (a REFI-QDA import
    splits turns where another tool's codings begin or end) is consecutive
    turns with ``part`` 1, 2, ..., which share one ``turn_index``.

    A named tuple rather than a frozen dataclass: a large corpus has millions of
    turns, and a tuple is built about three times as fast.
    """

    speaker: str
    start: int
    end: int
    role: str | None = None
    time: str | None = None
    attributes: Pairs = ()
    question: str | None = None
    part: int = 0


@dataclass(frozen=True, slots=True)
class Document:
    """One source file read into text.

    Structured formats (WebVTT, SRT, surveys, REFI-QDA) give their turns; plain
    text formats leave ``turns`` as None and the segmenter finds the speaker tags.
    """

    doc_id: str
    path: str
    format: str
    text: str
    attributes: Pairs = ()
    turns: tuple[Turn, ...] | None = None
    encoding: str | None = None
    sha256: str = ""
    guid: str | None = field(default=None, compare=False)
    """The source's GUID in the REFI-QDA project it was read from, written back by ``write_qdpx``."""
    description: str = field(default="", compare=False)
    """The source's description in that project (ATLAS.ti's document comment, QualCoder's file memo)."""
    source_variables: Pairs = field(default=(), compare=False)
    """The source's own variables in that project (``TextSource/VariableValue``: MAXQDA's document
    variables), written back on the source; they are among ``attributes`` too."""
    source_name: str = field(default="", compare=False)
    """The source's own name in that project (``Interview 1.txt``; the doc_id drops the suffix),
    written back as the source's name."""

    def attributes_dict(self) -> dict[str, str]:
        return dict(self.attributes)


@dataclass(frozen=True, slots=True)
class Term:
    """A codebook term: a word or a phrase (``...`` marks a gap of up to 3 words).

    ``valence`` is what the term signals for its theme when not negated
    (``venteliste`` signals ``negativ`` for capacity), or None for a neutral mention.
    """

    text: str
    weight: float = 1.0
    exact: bool = False
    valence: str | None = None

    @property
    def label(self) -> str:
        return ("=" if self.exact else "") + self.text


@dataclass(frozen=True, slots=True)
class NearCue:
    """Fires when all ``words`` (lexicon names or literal words) occur within ``window`` words."""

    words: tuple[str, ...]
    window: int = 8
    weight: float = 1.0

    @property
    def label(self) -> str:
        return "+".join(self.words)


@dataclass(frozen=True, slots=True)
class Code:
    """One theme of a codebook. ``parent`` names the enclosing code, if any; a code that is not
    ``codable`` only groups its sub-codes and is never applied itself (REFI-QDA ``isCodable``).
    ``guid`` is the code's GUID in the REFI-QDA project or codebook it was read from, written back
    so that the other program knows its own code again (not compared: the code is the same)."""

    name: str
    label: str = ""
    definition: str = ""
    include: str = ""
    exclude: str = ""
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()
    terms: tuple[Term, ...] = ()
    exclude_terms: tuple[str, ...] = ()
    near: tuple[NearCue, ...] = ()
    patterns: tuple[Any, ...] = ()
    threshold: float = 1.0
    color: str | None = None
    parent: str | None = None
    valence_default: str | None = None
    codable: bool = True
    guid: str | None = field(default=None, compare=False)

    @property
    def display(self) -> str:
        return self.label or self.name


@dataclass(frozen=True, slots=True)
class CodeSet:
    """A named group of codes beside the code tree (REFI-QDA's code ``Set``: MAXQDA's and ATLAS.ti's
    code groups), read from a ``.qdc`` or project and written back; the coders do not use it.
    ``guid`` as for :class:`Code`."""

    name: str
    codes: tuple[str, ...] = ()
    description: str = ""
    guid: str | None = field(default=None, compare=False)


BUILTIN_LEXICONS = ("positiv", "negativ", "negation")
"""Near-cue words that stand for the valence lexicons (evaluative words, negations) without being defined."""


@dataclass(frozen=True, slots=True)
class Codebook:
    """A theme codebook. ``codes`` is flat, depth-first; nesting is in ``Code.parent``."""

    name: str
    codes: tuple[Code, ...]
    label: str = ""
    language: str = "da"
    lemmas: Pairs = ()
    lexicons: tuple[tuple[str, tuple[str, ...]], ...] = ()
    valence_positive: tuple[str, ...] = ()
    valence_negative: tuple[str, ...] = ()
    path: str = ""
    sha256: str = ""
    sets: tuple[CodeSet, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(code.name for code in self.codes)

    def __getitem__(self, name: str) -> Code:
        for code in self.codes:
            if code.name == name:
                return code
        raise KeyError(name)

    def __contains__(self, name: object) -> bool:
        return any(code.name == name for code in self.codes)

    def children(self, name: str) -> tuple[Code, ...]:
        return tuple(code for code in self.codes if code.parent == name)

    def applied(self, name: str) -> tuple[str, ...]:
        """The code itself if it is applied, else every applied code below it, depth-first: a
        grouping code stands for them, as NVivo's aggregate does."""
        if self[name].codable:
            return (name,)
        return tuple(code.name for code in self._below(name) if code.codable)

    def _below(self, name: str) -> Iterator[Code]:
        for child in self.children(name):
            yield child
            yield from self._below(child.name)

    def lexicons_dict(self) -> dict[str, tuple[str, ...]]:
        return dict(self.lexicons)

    def _repr_html_(self) -> str:
        from kvaleval.report.html import codebook_html

        return codebook_html(self)


@dataclass(frozen=True, slots=True)
class Conclusion:
    """An evaluator's conclusion and what supports it."""

    id: str
    statement: str
    themes: tuple[str, ...]
    groups: tuple[str, ...] = ()
    valence: str | None = None
    min_respondents: int = 1
    notes: str = field(default="", compare=False)
    where: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Only respondents with these attribute values: ((attribute, (value, ...)), ...),
    e.g. (("role", ("afdelingsbestyrelse",)),); values compared without case."""
    match: str = "any"
    """``any``: a respondent backs the conclusion with any of its themes; ``all``: with every one
    (each in one of their segments, not necessarily the same)."""
    all_of: tuple[tuple[str, ...], ...] = ()
    """With ``match: all``, the codes each theme named stands for, set when the themes are resolved
    against a codebook: a grouping code is one theme met by any code under it, not each of them."""
