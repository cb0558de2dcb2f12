"""``project.qde`` -> a plain model of what kvaleval uses from a REFI-QDA project.

Only text is read: TextSources (from ``plainTextPath`` or inline
``PlainTextContent``) and the text representation of PDF sources. Pictures,
audio and video are listed so that their codings can be reported as skipped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any

from kvaleval.errors import Errors, ExchangeError, Texts
from kvaleval.records import Codebook, CodeSet
from kvaleval.refi._xml import child, child_text, children, local, namespace_problem, norm_guid
from kvaleval.refi.codebook import read_codes, split_settings

_VALUE_TAGS = (
    "TextValue",
    "BooleanValue",
    "IntegerValue",
    "FloatValue",
    "DateValue",
    "DateTimeValue",
)
_MEDIA = ("PictureSource", "AudioSource", "VideoSource")


@dataclass
class RawCoding:
    code: str
    user: str
    guid: str = ""
    note_refs: list[str] = field(default_factory=list)
    """GUIDs of the notes (memos) the coding refers to (a memo on one coding)."""


@dataclass
class RawSelection:
    guid: str
    start: int
    end: int
    user: str
    description: str
    codings: list[RawCoding]
    name: str | None = None
    note_refs: list[str] = field(default_factory=list)
    """GUIDs of the notes (memos) the selection refers to."""


@dataclass
class RawSource:
    guid: str
    name: str
    kind: str
    plain_path: str | None = None
    rich_path: str | None = None
    inline_text: str | None = None
    description: str = ""
    selections: list[RawSelection] = field(default_factory=list)
    whole_codings: list[RawCoding] = field(default_factory=list)
    variables: list[tuple[str, str]] = field(default_factory=list)
    bad_selections: int = 0
    media_codings: int = 0
    note_refs: list[str] = field(default_factory=list)
    """GUIDs of the notes (memos) the source refers to."""
    coding_note_refs: int = 0
    """Memo references from codings of the whole source, which kvaleval does not carry (W638: they
    come back as selections over the turns)."""


@dataclass
class RawCase:
    guid: str
    name: str | None
    variables: list[tuple[str, str]]
    sources: list[str]
    selections: list[str]
    description: str = ""
    codes: list[str] = field(default_factory=list)
    """GUIDs of the codes the case refers to (``CodeRef``)."""


@dataclass
class RawNote:
    guid: str
    name: str
    text: str
    """The inline ``PlainTextContent`` (kvaleval's segmentation note is read from it)."""
    source: RawSource
    """The note as a text source (a Note is a TextSourceType): its text may be in a file."""
    description: str = ""
    user: str = ""
    created: str = ""


@dataclass
class RawSet:
    guid: str
    name: str
    description: str
    codes: list[str]
    sources: list[str]
    notes: list[str]


@dataclass
class RawProject:
    name: str
    origin: str
    users: dict[str, str]
    codebook: Codebook
    code_names: dict[str, str]
    variables: dict[str, str]
    cases: list[RawCase]
    sources: list[RawSource]
    notes: list[RawNote]
    tolerated: list[str]
    sets: list[RawSet] = field(default_factory=list)
    code_note_refs: dict[str, list[str]] = field(default_factory=dict)
    """Code GUID -> GUIDs of the notes the code refers to."""
    unread: dict[str, list[str]] = field(default_factory=dict)
    """Project parts kvaleval does not read, by kind (``Links``, ``Graphs``): their names."""
    description: str = ""
    variable_kinds: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Variable GUID -> its ``typeOfVariable`` and description."""
    dated: int = 0
    """Items whose own times kvaleval does not carry (see :func:`_dated`)."""
    note_refs: list[str] = field(default_factory=list)
    """GUIDs of the notes (memos) the project itself refers to (a project memo)."""
    user_ids: dict[str, str] = field(default_factory=dict)
    """User GUID -> the user's ``id`` (a short name or initials), where it has one."""
    written_codes: dict[str, str] | None = None
    """The codes (name -> GUID) as kvaleval wrote them in its settings code, if it did (see ``say_changes``)."""


def parse_project(root: ET.Element, *, shown: str, member: str) -> RawProject:
    """The parts of a ``<Project>`` kvaleval reads.

    Raises
    ------
    ExchangeError
        If the root element is not ``Project``.
    """
    if local(root) != "Project":
        raise ExchangeError(Errors.E608.format(path=shown, member=member, kind=Texts.kind_qde, root=local(root)))
    tolerated: list[str] = []
    problem = namespace_problem(root, "project")
    if problem:
        tolerated.append(problem)
    name = root.get("name") or ""
    users = _users(root, tolerated)
    codes: tuple = ()
    code_names: dict[str, str] = {}
    settings: dict[str, Any] = {}
    written_codes = None
    codebook_element = child(root, "CodeBook")
    codes_element = child(codebook_element, "Codes") if codebook_element is not None else None
    if codes_element is not None:
        codes, code_names = read_codes(codes_element, tolerated, codebook_name=name)
        codes, settings = split_settings(codes, tolerated)
        written_codes = settings.pop("codes", None)  # the codes as kvaleval wrote them, not a Codebook field
    variables = {
        norm_guid(v.get("guid")): v.get("name") or ""
        for holder in children(root, "Variables")
        for v in children(holder, "Variable")
    }
    variable_kinds = {
        norm_guid(v.get("guid")): (v.get("typeOfVariable") or "Text", child_text(v, "Description"))
        for holder in children(root, "Variables")
        for v in children(holder, "Variable")
    }
    cases = [_case(case) for holder in children(root, "Cases") for case in children(holder, "Case")]
    sources: list[RawSource] = []
    for holder in children(root, "Sources"):
        for source in holder:
            sources.extend(_sources(source))
    notes = [_note(note) for holder in children(root, "Notes") for note in children(holder, "Note")]
    sets = [_set(node) for holder in children(root, "Sets") for node in children(holder, "Set")]
    code_note_refs = {}
    if codes_element is not None:
        for code in codes_element.iter():
            references = _note_refs(code) if local(code) == "Code" else []
            if references:
                code_note_refs[norm_guid(code.get("guid"))] = references
    unread = {
        kind: [node.get("name") or node.get("guid") or "?" for holder in children(root, kind) for node in holder]
        for kind in ("Links", "Graphs")
    }
    return RawProject(
        name=name,
        origin=root.get("origin") or "",
        users=users,
        codebook=Codebook(name=name or "refi", codes=codes, sets=_code_sets(sets, code_names), **settings),
        code_names=code_names,
        variables=variables,
        cases=cases,
        sources=sources,
        notes=notes,
        tolerated=tolerated,
        sets=sets,
        code_note_refs=code_note_refs,
        unread={kind: names for kind, names in unread.items() if names},
        description=child_text(root, "Description"),
        variable_kinds=variable_kinds,
        dated=_dated(root),
        note_refs=_note_refs(root),
        user_ids={norm_guid(user.get("guid")): user.get("id", "") for holder in children(root, "Users")
                  for user in children(holder, "User") if user.get("id")},
        written_codes=written_codes,
    )


def _dated(root: ET.Element) -> int:
    """Items with a modification time, or a creation time of their own but memos (theirs is kept):
    kvaleval stamps every item with the project's time, so its own projects count none."""
    own = root.get("creationDateTime")
    return sum(1 for node in root.iter() if local(node) != "Project" and (
        node.get("modifiedDateTime") or (local(node) != "Note" and node.get("creationDateTime") not in (None, own))))


def _users(root: ET.Element, tolerated: list[str]) -> dict[str, str]:
    """User GUID -> coder name. Two users of one name stay two coders (``Anne (2)``): agreement
    between them must not become one coder's codings; a GUID given twice keeps its first user."""
    users: dict[str, str] = {}
    for holder in children(root, "Users"):
        for user in children(holder, "User"):
            guid, name = norm_guid(user.get("guid")), (user.get("name") or "").strip()
            if guid in users:
                tolerated.append(Texts.refi_user_guid_twice.format(guid=guid, name=users[guid]))
                continue
            unique, number = name, 2
            while unique in users.values():
                unique, number = f"{name} ({number})", number + 1
            if unique != name:
                tolerated.append(Texts.refi_users_same_name.format(name=name, unique=unique))
            users[guid] = unique
    return users


def _sources(element: ET.Element) -> list[RawSource]:
    kind = local(element)
    guid = norm_guid(element.get("guid"))
    name = element.get("name") or ""
    if kind == "TextSource":
        return [_text_source(element, guid, name, kind)]
    if kind == "PDFSource":
        representation = child(element, "Representation")
        if representation is not None:
            source = _text_source(representation, guid, name or representation.get("name") or "", kind)
            source.whole_codings += _codings(element)
            source.description = child_text(element, "Description")
            # codings on areas of the page are not text: counted, so the import can say so
            source.media_codings = sum(len(list(children(s, "Coding"))) for s in children(element, "PDFSelection"))
            return [source]
    if kind in _MEDIA or kind == "PDFSource":
        selections = [
            s
            for tag in ("PictureSelection", "AudioSelection", "VideoSelection", "PDFSelection")
            for s in children(element, tag)
        ]
        codings = sum(len(list(children(s, "Coding"))) for s in selections) + len(_codings(element))
        return [RawSource(guid=guid, name=name, kind=kind, media_codings=codings)]
    return []


def _text_source(element: ET.Element, guid: str, name: str, kind: str) -> RawSource:
    inline = child(element, "PlainTextContent")
    source = RawSource(
        guid=guid,
        name=name,
        kind=kind,
        plain_path=element.get("plainTextPath"),
        rich_path=element.get("richTextPath"),
        inline_text=(inline.text or "") if inline is not None else None,
        description=child_text(element, "Description"),
        whole_codings=_codings(element),
        variables=[_value(value) for value in children(element, "VariableValue")],
        note_refs=_note_refs(element),
    )
    source.coding_note_refs = sum(len(coding.note_refs) for coding in source.whole_codings)
    for selection in children(element, "PlainTextSelection"):
        try:
            start, end = (
                int(selection.get("startPosition", "")),
                int(selection.get("endPosition", "")),
            )
        except ValueError:
            source.bad_selections += 1
            continue
        source.selections.append(
            RawSelection(
                guid=norm_guid(selection.get("guid")),
                start=start,
                end=end,
                user=norm_guid(selection.get("creatingUser") or selection.get("modifyingUser")),
                description=child_text(selection, "Description"),
                codings=_codings(selection),
                name=selection.get("name"),
                note_refs=_note_refs(selection),
            )
        )
    return source


def _note(element: ET.Element) -> RawNote:
    guid = norm_guid(element.get("guid"))
    name = element.get("name") or ""
    return RawNote(
        guid=guid,
        name=name,
        text=child_text(element, "PlainTextContent"),
        source=_text_source(element, guid, name, "Note"),
        description=child_text(element, "Description"),
        user=norm_guid(element.get("creatingUser") or element.get("modifyingUser")),
        created=element.get("creationDateTime") or "",
    )


def _code_sets(sets: list[RawSet], code_names: dict[str, str]) -> tuple[CodeSet, ...]:
    """The project's sets of codes alone (a code group, or an empty set), as the codebook's: a ``.qdc``
    written from the project's codebook keeps them (a set with sources or memos stays the project's,
    corpus.sets)."""
    return tuple(CodeSet(name=found.name, codes=tuple(code_names[code] for code in found.codes if code in code_names),
                         description=found.description, guid=found.guid or None)
                 for found in sets if not found.sources and not found.notes)


def _set(element: ET.Element) -> RawSet:
    def members(tag: str) -> list[str]:
        return [norm_guid(ref.get("targetGUID")) for ref in children(element, tag) if ref.get("targetGUID")]

    return RawSet(
        guid=norm_guid(element.get("guid")),
        name=element.get("name") or "",
        description=child_text(element, "Description"),
        codes=members("MemberCode"),
        sources=members("MemberSource"),
        notes=members("MemberNote"),
    )


def _note_refs(element: ET.Element) -> list[str]:
    return [norm_guid(ref.get("targetGUID")) for ref in children(element, "NoteRef") if ref.get("targetGUID")]


def _codings(element: ET.Element) -> list[RawCoding]:
    found = []
    for coding in children(element, "Coding"):
        reference = child(coding, "CodeRef")
        if reference is not None:
            found.append(RawCoding(norm_guid(reference.get("targetGUID")), norm_guid(coding.get("creatingUser")),
                                   norm_guid(coding.get("guid")), _note_refs(coding)))
    return found


def _case(element: ET.Element) -> RawCase:
    return RawCase(
        guid=norm_guid(element.get("guid")),
        name=element.get("name"),
        variables=[_value(value) for value in children(element, "VariableValue")],
        sources=[norm_guid(ref.get("targetGUID")) for ref in children(element, "SourceRef")],
        selections=[norm_guid(ref.get("targetGUID")) for ref in children(element, "SelectionRef")],
        description=child_text(element, "Description"),
        codes=[norm_guid(ref.get("targetGUID")) for ref in children(element, "CodeRef")],
    )


def _value(element: ET.Element) -> tuple[str, str]:
    reference = child(element, "VariableRef")
    variable = norm_guid(reference.get("targetGUID")) if reference is not None else ""
    value = next((node.text or "" for tag in _VALUE_TAGS for node in children(element, tag)), "")
    return variable, value.strip()
