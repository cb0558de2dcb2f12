"""A REFI-QDA project -> documents with turns, its raw selections and its codings."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from kvaleval.errors import Errors, ExchangeError, Texts, Warnings, os_error
from kvaleval.frames import (
    ANNOTATION_COLUMNS,
    CASE_COLUMNS,
    CODED_SELECTION_COLUMNS,
    MEMO_COLUMNS,
    PROJECT_COLUMNS,
    SET_COLUMNS,
    empty_codings,
    empty_table,
)
from kvaleval.records import GROUP_COLUMN, Codebook, Document, Turn, group_alias
from kvaleval.refi._archive import ArchiveLimits, ProjectArchive
from kvaleval.refi._codings import SELECTION_COLUMNS, add_codings, coded_pairs, coder_name, codings_tables
from kvaleval.refi._offsets import DESCRIPTIONS, Converted, OffsetMap
from kvaleval.refi._project import RawCase, RawNote, RawProject, RawSelection, RawSource, parse_project
from kvaleval.refi._segments import NOTE_NAME, StoredSource, decode, split_at, usable
from kvaleval.refi._sources import (
    SourceText,
    doc_id_from_name,
    load_text,
    make_unique,
    name_ids,
    without_suffix,
)
from kvaleval.refi._xml import guid as derived_guid
from kvaleval.refi._xml import parse_xml
from kvaleval.segment import document_turns

_MEDIA = ("PictureSource", "AudioSource", "VideoSource", "PDFSource")
_EXAMPLES = 5


@dataclass
class Imported:
    """Everything kvaleval takes from one project."""

    name: str
    origin: str
    codebook: Codebook
    documents: list[Document] = field(default_factory=list)
    raw_selections: pd.DataFrame = field(default_factory=pd.DataFrame)
    """The raw selections (:func:`kvaleval.refi.read_qdpx_selections`)."""
    codings: pd.DataFrame = field(default_factory=empty_codings)
    notes: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    memos: pd.DataFrame = field(default_factory=lambda: empty_table(MEMO_COLUMNS))
    sets: pd.DataFrame = field(default_factory=lambda: empty_table(SET_COLUMNS))
    annotations: pd.DataFrame = field(default_factory=lambda: empty_table(ANNOTATION_COLUMNS))
    cases: pd.DataFrame = field(default_factory=lambda: empty_table(CASE_COLUMNS))
    selections: pd.DataFrame = field(default_factory=lambda: empty_table(CODED_SELECTION_COLUMNS))
    projects: pd.DataFrame = field(default_factory=lambda: empty_table(PROJECT_COLUMNS))
    source_ids: dict[str, str] = field(default_factory=dict)
    """Source GUID -> doc_id of every source read."""
    spans: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    """Selection GUID -> (doc_id, start, end) in the document's text, for the cases that refer to it."""


def open_project(path: Path, *, shown: str, limits: ArchiveLimits) -> tuple[RawProject, ProjectArchive | None]:
    """Parse the project XML of a ``.qdpx`` (or of a bare ``.qde``); the archive stays open."""
    if path.suffix.lower() in (".qde", ".xml"):
        try:
            size = path.stat().st_size
            if size > limits.max_member_bytes:
                raise ExchangeError(
                    Errors.E603.format(path=shown, member=path.name,
                                       detail=Texts.size_mb.format(size=size // (1024 * 1024)))
                )
            data = path.read_bytes()
        except OSError as err:
            raise ExchangeError(Errors.E611.format(path=shown, detail=os_error(err))) from None
        root = parse_xml(data, path=shown, member=path.name)
        return parse_project(root, shown=shown, member=path.name), None
    if not path.is_file():
        raise ExchangeError(Errors.E611.format(path=shown, detail=Texts.no_such_file))
    archive = ProjectArchive(path, shown=shown, limits=limits)
    try:
        member = _find_qde(archive)
        archive.base = member.rpartition("/")[0] + "/" if "/" in member else ""
        root = parse_xml(archive.read(member), path=shown, member=member)
        return parse_project(root, shown=shown, member=member), archive
    except ExchangeError:
        archive.close()
        raise


def _find_qde(archive: ProjectArchive) -> str:
    found = [name for name in archive.names if name.lower().endswith(".qde")]
    top = [name for name in found if "/" not in name.replace("\\", "/")]
    named = [name for name in top if name.lower() == "project.qde"]
    if named:
        return named[0]
    if len(top) == 1 or len(found) == 1:
        return (top or found)[0]
    if not found:
        raise ExchangeError(Errors.E607.format(path=archive.shown, members=archive.names[:10]))
    raise ExchangeError(Errors.E610.format(path=archive.shown, n=len(found), names=found[:10]))


def import_project(
    path: str | Path,
    *,
    shown: str | None = None,
    doc_prefix: str | None = None,
    interviewers: Iterable[str] = (),
    limits: ArchiveLimits | None = None,
) -> Imported:
    """Read a project into documents (with turns), selections and codings; see :func:`read_qdpx`."""
    path = Path(path)
    shown = shown or str(path)
    limits = limits or ArchiveLimits()
    raw, archive = open_project(path, shown=shown, limits=limits)
    strangers, makers = _unlisted_users(raw), _unlisted_makers(raw)
    # a user the project does not list is named by its GUID and keeps it in a new export
    raw.users.update({guid: guid for guid in [*strangers, *makers] if guid not in raw.users})
    try:
        loaded, result = _load_sources(raw, archive, shown, limits)
        memo_texts = [_memo_text(archive, note, shown, limits) for note in _memos(raw)]
    finally:
        if archive is not None:
            archive.close()
    result.notes[:0] = [(shown, f"{Warnings.W601.format(path=shown, items=item)}") for item in raw.tolerated]
    result.notes[len(raw.tolerated) : len(raw.tolerated)] = _project_notes(raw, shown)
    _build(raw, loaded, result, shown, doc_prefix, tuple(interviewers))
    _memos_and_sets(raw, memo_texts, result, shown)
    _cases_and_project(raw, result, shown)
    if strangers:
        result.notes.append((shown, Warnings.W639.format(path=shown, n=sum(strangers.values()),
                                                         guids=", ".join(list(strangers)[:_EXAMPLES]))))
    if makers:
        result.notes.append((shown, Warnings.W647.format(path=shown, n=sum(makers.values()),
                                                         guids=", ".join(list(makers)[:_EXAMPLES]))))
    if raw.dated:
        result.notes.append((shown, Warnings.W640.format(path=shown, n=raw.dated)))
    pdfs = [f"'{source.name or source.guid}'" for source, _ in loaded if source.kind == "PDFSource"]
    if pdfs:
        result.notes.append((shown, Warnings.W642.format(path=shown, n=len(pdfs), names=", ".join(pdfs[:_EXAMPLES]))))
    rich = [f"'{source.name or source.guid}'" for source, _ in loaded if source.rich_path]
    if rich:
        result.notes.append((shown, Warnings.W643.format(path=shown, n=len(rich), names=", ".join(rich[:_EXAMPLES]))))
    return result


def _cases_and_project(raw: RawProject, result: Imported, shown: str) -> None:
    """The project's own name, description and users, and its cases (but those kvaleval wrote, one per
    respondent, which it writes anew) with their sources and the passages they take in."""
    memo_guids = {note.guid for note in _memos(raw)}
    result.projects = pd.DataFrame([(shown, raw.name, raw.description, tuple(raw.users.values()),
                                     tuple(raw.users), _variables(raw),
                                     tuple(raw.user_ids.get(guid, "") for guid in raw.users),
                                     tuple(guid for guid in raw.note_refs if guid in memo_guids))],
                                   columns=list(PROJECT_COLUMNS))
    rows = []
    unread = 0
    for case in raw.cases:
        if _kvalevals_case(case):
            continue
        unread += sum(source not in result.source_ids for source in case.sources)
        unread += sum(selection not in result.spans for selection in case.selections)
        unread += sum(code not in raw.code_names for code in case.codes)
        documents = tuple(result.source_ids[source] for source in case.sources if source in result.source_ids)
        passages = tuple(result.spans[selection] + (selection,) for selection in case.selections
                         if selection in result.spans)
        variables = tuple((raw.variables.get(variable) or variable, value)
                          for variable, value in case.variables if raw.variables.get(variable) or variable)
        codes = tuple(raw.code_names[code] for code in case.codes if code in raw.code_names)
        rows.append((shown, case.name or "", case.description, documents, variables, case.guid, passages, codes))
    if rows:
        result.cases = pd.DataFrame(rows, columns=list(CASE_COLUMNS))
    if unread:
        result.notes.append((shown, Warnings.W641.format(path=shown, n=unread)))


def _variables(raw: RawProject) -> tuple[tuple[str, str, str, str], ...]:
    """(name, GUID, type, description) of each variable of the project."""
    return tuple((name, guid, *raw.variable_kinds.get(guid, ("Text", ""))) for guid, name in raw.variables.items()
                 if name)


def _kvalevals_case(case: RawCase) -> bool:
    """A case kvaleval wrote for a respondent: named ``doc_id: speaker``, its GUID derived from them."""
    name = case.name or ""
    return any(derived_guid("case", name[:at], name[at + 2:]) == case.guid
               for at in range(len(name)) if name.startswith(": ", at))


def _unlisted_users(raw: RawProject) -> dict[str, int]:
    """GUID -> codings of a coder the project's ``Users`` do not name (the GUID becomes the name)."""
    found: dict[str, int] = {}
    for source in raw.sources:
        pairs = [(coding.user or selection.user) for selection in source.selections for coding in selection.codings]
        pairs += [coding.user for coding in source.whole_codings]
        for guid in pairs:
            if guid and guid not in raw.users:
                found[guid] = found.get(guid, 0) + 1
    return found


def _unlisted_makers(raw: RawProject) -> dict[str, int]:
    """GUID -> selections and memos made by a user the project's ``Users`` do not name."""
    found: dict[str, int] = {}
    makers = [selection.user for source in raw.sources for selection in source.selections]
    makers += [note.user for note in _memos(raw)]
    for guid in makers:
        if guid and guid not in raw.users:
            found[guid] = found.get(guid, 0) + 1
    return found


def _memos(raw: RawProject) -> list[RawNote]:
    """The project's notes, but kvaleval's own segmentation note."""
    return [note for note in raw.notes if note.name != NOTE_NAME]


def _memo_text(
    archive: ProjectArchive | None, note: RawNote, shown: str, limits: ArchiveLimits
) -> tuple[str, list[str]]:
    """A memo's text, from the note itself or its file (LF line ends, no BOM; "" if it has none), and
    what to tell about reading it: an encoding guessed, a file that is not there (W635)."""
    if not note.source.plain_path and note.source.inline_text is None:
        return "", []
    found = load_text(archive, note.source, shown=shown, limits=limits)
    told = list(found.notes)
    if found.raw is None and found.reason:
        told.append(Warnings.W635.format(memo=note.name or note.guid, path=note.source.plain_path or "?"))
    return (found.raw or "").lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"), told


def _memos_and_sets(raw: RawProject, texts: list[tuple[str, list[str]]], result: Imported, shown: str) -> None:
    """The memos and sets as tables, their references as doc_ids and code names; the rest counted."""
    lost = 0
    memo_notes = _memos(raw)
    attached: dict[str, tuple[list[str], list[str], list[str], list[str], list[str]]] = {
        note.guid: ([], [], [], [], []) for note in memo_notes}
    inside = 0  # selections, codings and values in memos (a coded memo): not read
    for note in memo_notes:
        for reference in note.source.note_refs:  # a memo on a memo
            if reference in attached:
                attached[reference][4].append(note.guid)
            else:
                lost += 1
        inside += len(note.source.selections) + len(note.source.whole_codings) + len(note.source.variables) \
            + note.source.bad_selections
    lost += sum(reference not in attached for reference in raw.note_refs)  # the project's own memos
    for source in raw.sources:
        lost += source.coding_note_refs
        for selection in source.selections:
            for reference in selection.note_refs:
                if reference in attached and selection.guid in result.spans:
                    attached[reference][2].append(selection.guid)
                else:
                    lost += 1
            for coding in selection.codings:  # a memo on one coding: by the coding's GUID, which is kept
                for reference in coding.note_refs:
                    if reference in attached and selection.guid in result.spans and coding.guid \
                            and coding.code in raw.code_names:
                        attached[reference][3].append(coding.guid)
                    else:
                        lost += 1
        for reference in source.note_refs:
            if reference in attached and source.guid in result.source_ids:
                attached[reference][0].append(result.source_ids[source.guid])
            else:
                lost += 1
    for code, references in raw.code_note_refs.items():
        for reference in references:
            if reference in attached and code in raw.code_names:
                attached[reference][1].append(raw.code_names[code])
            else:
                lost += 1
    memos = []
    for note, (text, told) in zip(memo_notes, texts, strict=True):
        memos.append((shown, note.name, text, note.description, raw.users.get(note.user, ""), note.created,
                      tuple(attached[note.guid][0]), tuple(attached[note.guid][1]), note.guid,
                      tuple(attached[note.guid][2]), tuple(attached[note.guid][3]), tuple(attached[note.guid][4])))
        result.notes.extend((f"{shown}#{note.name or note.guid}", message) for message in told)
    doubled = sorted(guid for guid, count in Counter(note.guid for note in memo_notes).items() if count > 1)
    if doubled:
        result.notes.append((shown, Warnings.W636.format(path=shown, n=len(doubled), guids=doubled[:_EXAMPLES])))
    sets = []
    for found in raw.sets:
        documents = [result.source_ids[guid] for guid in found.sources if guid in result.source_ids]
        codes = [raw.code_names[guid] for guid in found.codes if guid in raw.code_names]
        memo_guids = [guid for guid in found.notes if guid in attached]
        lost += len(found.sources) + len(found.codes) + len(found.notes) - len(documents) - len(codes) - len(memo_guids)
        sets.append((shown, found.name, found.description, tuple(documents), tuple(codes), tuple(memo_guids),
                     found.guid))
    result.memos = pd.DataFrame(memos, columns=list(MEMO_COLUMNS)) if memos else result.memos
    result.sets = pd.DataFrame(sets, columns=list(SET_COLUMNS)) if sets else result.sets
    if lost:
        result.notes.append((shown, Warnings.W634.format(path=shown, n=lost)))
    if inside:
        result.notes.append((shown, Warnings.W645.format(path=shown, n=inside)))


_KINDS = {"Links": "refi_links", "Graphs": "refi_graphs"}


def _project_notes(raw: RawProject, shown: str) -> list[tuple[str, str]]:
    """What the project holds that kvaleval does not read, and GUIDs given more than once."""
    notes = []
    for kind, names in sorted(raw.unread.items(), key=lambda item: list(_KINDS).index(item[0])):
        shown_names = ", ".join(f"'{name}'" for name in names[:_EXAMPLES]) + (" …" if len(names) > _EXAMPLES else "")
        notes.append((shown, Warnings.W629.format(path=shown, n=len(names), kind=getattr(Texts, _KINDS[kind]),
                                                  names=shown_names)))
    sources = Counter(source.guid for source in raw.sources if source.guid)
    selections = Counter(s.guid for source in raw.sources for s in source.selections if s.guid)
    for message, counts in ((Warnings.W630, sources), (Warnings.W631, selections)):
        doubled = sorted(guid for guid, count in counts.items() if count > 1)
        if doubled:
            notes.append((shown, message.format(path=shown, n=len(doubled), guids=doubled[:_EXAMPLES])))
    named = Counter(name for name in raw.variables.values() if name)
    shared = sorted(name for name, count in named.items() if count > 1)
    if shared:  # NVivo: one attribute name in two classifications
        notes.append((shown, Warnings.W646.format(path=shown, n=sum(named[name] - 1 for name in shared),
                                                  names=", ".join(f"'{name}'" for name in shared[:_EXAMPLES]))))
    both = sorted(set(raw.users) & set(raw.code_names))
    if both:
        notes.append((shown, Warnings.W632.format(path=shown, n=len(both), guids=both[:_EXAMPLES])))
    return notes


def _load_sources(
    raw: RawProject, archive: ProjectArchive | None, shown: str, limits: ArchiveLimits
) -> tuple[list[tuple[RawSource, SourceText]], Imported]:
    case_codes = {case.guid for case in raw.cases} & set(raw.code_names)
    codes = tuple(code for code in raw.codebook.codes if code.name not in {raw.code_names[guid] for guid in case_codes})
    result = Imported(name=raw.name, origin=raw.origin, codebook=dataclasses.replace(raw.codebook, codes=codes))
    for guid in case_codes:
        raw.code_names.pop(guid)
    loaded = []
    orphans: list[tuple[RawSource, RawSelection]] = []
    for source in raw.sources:
        label = f"{shown}#{source.name or source.guid}"
        if source.kind in _MEDIA and source.plain_path is None and source.inline_text is None:
            result.skipped.append(
                (
                    label,
                    Warnings.W615.format(source=source.name, kind=source.kind, n=source.media_codings),
                )
            )
            continue
        if source.bad_selections:
            result.notes.append((label, Warnings.W622.format(source=source.name, n=source.bad_selections)))
        if source.media_codings:  # a PDF read through its text: its area codings are not
            result.notes.append((label, Warnings.W626.format(source=source.name, n=source.media_codings)))
        text = load_text(archive, source, shown=shown, limits=limits)
        if text.raw is None:
            result.skipped.append((label, text.reason or ""))
            orphans.extend((source, selection) for selection in source.selections)
            continue
        result.notes.extend((label, note) for note in text.notes)
        loaded.append((source, text))
    rows = []
    for source, selection in orphans:
        doc_id = doc_id_from_name(without_suffix(source.name or source.guid)) or "kilde"
        for code, coder in coded_pairs(raw, selection) or [("", coder_name(raw, selection.user, ""))]:
            rows.append((doc_id, selection.start, selection.end, code, coder, None))
    result.raw_selections = pd.DataFrame(rows, columns=list(SELECTION_COLUMNS))
    return loaded, result


def _build(
    raw: RawProject,
    loaded: list[tuple[RawSource, SourceText]],
    result: Imported,
    shown: str,
    doc_prefix: str | None,
    interviewers: tuple[str, ...],
) -> None:
    stored = _stored(raw)
    maps = [OffsetMap(text.raw or "") for _, text in loaded]
    usable_stored: list[StoredSource | None] = []
    for (source, _), offsets in zip(loaded, maps, strict=True):
        entry = stored.get(source.guid)
        if entry is not None and not usable(entry, offsets.text):
            result.notes.append((f"{shown}#{source.name}", Warnings.W619.format(source=source.name)))
            entry = None
        usable_stored.append(entry)
    names = name_ids([source.name or source.guid for source, _ in loaded])
    ids = [
        (doc_id_from_name(entry.doc_id) or name) if entry else name
        for entry, name in zip(usable_stored, names, strict=True)
    ]
    ids = make_unique([f"{doc_prefix}/{doc_id}" if doc_prefix else doc_id for doc_id in ids])
    preferred = _project_rule([source for source, _ in loaded], maps, _preferred(raw.origin))
    selection_rows: list[tuple[Any, ...]] = []
    coding_rows: dict[tuple[str, str, str], list[Any]] = {}
    annotations: list[tuple[Any, ...]] = []
    coded: list[tuple[Any, ...]] = []
    for position, ((source, text), offsets, entry, doc_id) in enumerate(
        zip(loaded, maps, usable_stored, ids, strict=True)
    ):
        label = f"{shown}#{source.name or source.guid}"
        converted = _convert(source, offsets, preferred, raw.origin, label, result)
        result.spans.update((selection.guid, (doc_id, span.start, span.end)) for selection, span in converted
                            if selection.guid and selection.guid != source.guid)
        cuts = [edge for selection, span in converted if coded_pairs(raw, selection) for edge in (span.start, span.end)]
        document = _document(raw, source, text, offsets, entry, doc_id, label, result, interviewers, cuts)
        result.documents.append(document)
        result.source_ids.setdefault(source.guid, doc_id)
        add_codings(
            raw,
            document,
            converted,
            position,
            exact=entry is not None,
            label=label,
            selection_rows=selection_rows,
            coding_rows=coding_rows,
            notes=result.notes,
            annotations=annotations,
            carried=coded,
        )
    _group_from_a_variable(result, shown)
    if annotations:
        result.annotations = pd.DataFrame([(shown, *row) for row in annotations], columns=list(ANNOTATION_COLUMNS))
    if coded:
        result.selections = pd.DataFrame([(shown, *row) for row in coded], columns=list(CODED_SELECTION_COLUMNS))
    result.raw_selections, codings = codings_tables(selection_rows, coding_rows, result.raw_selections)
    if codings is not None:
        result.codings = codings


def _group_from_a_variable(result: Imported, shown: str) -> None:
    """Where no document has a ``respondent_group``, the one variable named as a group
    (``Gruppe``, ``Målgruppe``, a document group ``Gruppe::Borgere``) gives it, as in a survey (W029)."""
    name = group_alias(sorted({name for document in result.documents for name, _ in document.attributes}))
    if name is None:
        return
    result.documents = [
        dataclasses.replace(document, attributes=tuple(sorted({**dict(document.attributes),
                                                               GROUP_COLUMN: dict(document.attributes)[name]}.items())))
        if name in dict(document.attributes) else document
        for document in result.documents
    ]
    result.notes.append((shown, Warnings.W029.format(path=shown, column=name)))


def _stored(raw: RawProject) -> dict[str, StoredSource]:
    for note in raw.notes:
        if note.name == NOTE_NAME:
            decoded = decode(note.text)
            if decoded:
                return decoded
    return {}


def _project_rule(sources: list[RawSource], maps: list[OffsetMap], preferred: str) -> str:
    """The counting rule of the tool that wrote the project: one tool counts alike in every
    source, so the sources with selections enough to tell settle it for those too few to
    (each question apart: UTF-16 units or code points; a CRLF as one or two); else the origin's."""
    unit_votes: list[bool] = []
    lf_votes: list[bool] = []
    for source, offsets in zip(sources, maps, strict=True):
        units, lf = offsets.votes([(s.start, s.end) for s in source.selections], preferred)
        unit_votes += [units] if units is not None else []
        lf_votes += [lf] if lf is not None else []
    utf16 = (2 * sum(unit_votes) > len(unit_votes)) if unit_votes else preferred.startswith("utf16")
    one = (2 * sum(lf_votes) > len(lf_votes)) if lf_votes else preferred.endswith("-lf")
    return ("utf16" if utf16 else "codepoints") + ("-lf" if one else "")


def _preferred(origin: str) -> str:
    lowered = origin.lower()
    if lowered.startswith("nvivo"):
        return "utf16"
    if lowered.startswith("atlas"):
        return "codepoints-lf"
    return "codepoints"


def _document(
    raw: RawProject,
    source: RawSource,
    text: SourceText,
    offsets: OffsetMap,
    entry: StoredSource | None,
    doc_id: str,
    label: str,
    result: Imported,
    interviewers: tuple[str, ...],
    cuts: list[int],
) -> Document:
    document = Document(
        doc_id=doc_id,
        path=label,
        format="qdpx",
        text=offsets.text,
        attributes=entry.attributes if entry else (),
        turns=entry.turns if entry else None,
        encoding=text.encoding,
        sha256=hashlib.sha256((text.raw or "").encode("utf-8")).hexdigest(),
        guid=source.guid or None,
        description=source.description,
        source_variables=tuple((name, value) for variable, value in source.variables
                               if value and (name := raw.variables.get(variable) or variable)),
        source_name=source.name,
    )
    if entry is None:
        turns, guessed = document_turns(document, interviewers=interviewers)
        if guessed:
            result.notes.append((label, Warnings.W623.format(source=source.name, speaker="', '".join(guessed))))
        personal = _speaker_cases(raw, source, turns)
        attributes = _attributes(raw, source, label, result, skip={case.guid for case in personal.values()})
        turns, grouped = _with_speaker_variables(raw, turns, personal)
        result.notes.extend((label, Warnings.W029.format(path=label, column=name)) for name in grouped)
        uncovered, excerpt = _uncovered(document.text, turns)
        # another tool's selections are kept as they were: their edges become segment edges
        document = dataclasses.replace(document, attributes=attributes, turns=split_at(document.text, turns, cuts))
        if uncovered:
            result.notes.append((label, Warnings.W625.format(source=source.name, n=uncovered, excerpt=excerpt)))
    return document


def _uncovered(text: str, turns: tuple[Turn, ...]) -> tuple[int, str]:
    """Non-blank characters before the line of the first turn (a header no segment holds), and a quote."""
    if not turns:
        return 0, ""
    before = text[: min(turn.start for turn in turns)]
    header = before.rsplit("\n", 1)[0] if "\n" in before else ""
    count = sum(not char.isspace() for char in header)
    return count, ('"' + " ".join(header.split())[:40] + '…"') if count else ""


_VARIABLE_SET = re.compile(r"^[ \t]*(?P<name>[^:\n]{1,40}?)[ \t]*::?[ \t]*(?P<value>[^:\n]{1,60}?)[ \t]*$")
"""A document group named as a variable and its value: ``gender: female`` (ATLAS.ti 8),
``køn::kvinde`` (ATLAS.ti 9 and later)."""


def _speaker_cases(raw: RawProject, source: RawSource, turns: tuple[Turn, ...]) -> dict[str, RawCase]:
    """Speaker -> the case of that name, where two or more cases take in the whole source (a focus
    group, one case per participant, as NVivo and QualCoder keep them)."""
    cases = [case for case in raw.cases if source.guid in case.sources and not case.selections and case.name]
    if len(cases) < 2:
        return {}
    speakers = {turn.speaker.casefold(): turn.speaker for turn in turns}
    return {speakers[name]: case for case in cases if (name := " ".join(str(case.name).split()).casefold())
            in speakers}


def _with_speaker_variables(
    raw: RawProject, turns: tuple[Turn, ...], cases: dict[str, RawCase]
) -> tuple[tuple[Turn, ...], list[str]]:
    """Each participant's turns with the variables of their own case (a respondent's attributes),
    and the variables taken as the group (``Gruppe``, where there is no ``respondent_group``)."""
    if not cases:
        return turns, []
    own: dict[str, tuple[tuple[str, str], ...]] = {}
    used: set[str] = set()
    for speaker, case in cases.items():
        values = {raw.variables.get(variable) or variable: value for variable, value in case.variables
                  if value and (raw.variables.get(variable) or variable)}
        grouped = group_alias(values)
        if grouped is not None:
            values[GROUP_COLUMN] = values[grouped]
            used.add(grouped)
        own[speaker] = tuple(sorted(values.items()))
    with_own = tuple(turn._replace(attributes=own[turn.speaker]) if turn.speaker in own else turn for turn in turns)
    return with_own, sorted(used)


def _attributes(raw: RawProject, source: RawSource, label: str, result: Imported,
                skip: set[str] | None = None) -> tuple[tuple[str, str], ...]:
    """Variables on the source, then those of cases that take in the whole source (but the cases
    in ``skip``: a participant's own), then those of document groups named ``variable: value`` or
    ``variable::value`` that hold the source."""
    values: dict[str, str] = {}
    pairs = list(source.variables)
    pairs += [
        pair for case in raw.cases if source.guid in case.sources and not case.selections
        and case.guid not in (skip or ()) for pair in case.variables
    ]
    pairs += [
        (match["name"], match["value"])
        for found in raw.sets
        if source.guid in found.sources and not found.codes and (match := _VARIABLE_SET.match(found.name))
    ]
    for variable, value in pairs:
        name = raw.variables.get(variable) or variable
        if not value or not name:
            continue
        if name in values and values[name] != value:
            result.notes.append(
                (
                    label,
                    Warnings.W624.format(source=source.name, variable=name, value=values[name], other=value),
                )
            )
            continue
        values[name] = value
    return tuple(sorted(values.items()))


def _convert(
    source: RawSource, offsets: OffsetMap, preferred: str, origin: str, label: str, result: Imported
) -> list[tuple[RawSelection, Converted]]:
    spans = [(selection.start, selection.end) for selection in source.selections]
    convention, share = offsets.choose(spans, preferred)
    if spans and convention != "codepoints":
        result.notes.append(
            (
                label,
                Warnings.W612.format(
                    source=source.name,
                    convention=getattr(Texts, DESCRIPTIONS[convention]),
                    origin=origin or "?",
                    share=share,
                ),
            )
        )
    converted = []
    outside: list[str] = []
    split: list[str] = []
    backwards: list[str] = []
    for selection in source.selections:
        if selection.start > selection.end:
            backwards.append(selection.guid)
            continue
        found = offsets.convert(selection.start, selection.end, convention)
        if found is None or found.clipped:
            outside.append(selection.guid)
        if found is not None and found.split:
            split.append(selection.guid)
        if found is not None:
            converted.append((selection, found))
    if outside:
        result.notes.append(
            (
                label,
                Warnings.W610.format(
                    source=source.name,
                    n=len(outside),
                    length=len(offsets.text),
                    guids=outside[:_EXAMPLES],
                ),
            )
        )
    if backwards:
        result.notes.append(
            (label, Warnings.W633.format(source=source.name, n=len(backwards), guids=backwards[:_EXAMPLES]))
        )
    if split:
        result.notes.append((label, Warnings.W611.format(source=source.name, n=len(split), guids=split[:_EXAMPLES])))
    if source.whole_codings:
        result.notes.append((label, Warnings.W638.format(source=source.name, n=len(source.whole_codings))))
        whole = RawSelection(source.guid, 0, len(offsets.text), "", "", source.whole_codings)
        converted.append((whole, Converted(0, len(offsets.text))))
    return converted
