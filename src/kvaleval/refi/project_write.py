"""A coded corpus -> a REFI-QDA project (``.qdpx``) for NVivo, ATLAS.ti, MAXQDA, QualCoder."""

from __future__ import annotations

import bisect
import itertools
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from kvaleval.coded import Coded
from kvaleval.errors import Warnings, warn
from kvaleval.frames import CODING_COLUMNS, SET_COLUMNS, attribute_columns, require_columns
from kvaleval.records import INTERVIEWER, RESPONDENT, Codebook, Document, Turn
from kvaleval.refi._archive import write_zip
from kvaleval.refi._cases import PlannedCases, plan_cases
from kvaleval.refi._description import number
from kvaleval.refi._memos import (
    cell_text,
    missing_note,
    plan,
    position,
    project_notes,
    refer_from_codes,
    refer_from_selections,
    write_annotations,
    write_memos,
    write_sets,
)
from kvaleval.refi._offsets import OffsetMap
from kvaleval.refi._segments import NOTE_DESCRIPTION, NOTE_NAME, StoredSource, encode, text_hash
from kvaleval.refi._xml import GUID, NS_PROJECT, guid, kept_guids, root_element, text_element, to_bytes
from kvaleval.refi._xml import element as make
from kvaleval.refi.codebook import add_codes, origin, refuse_reserved_names
from kvaleval.refi.selection_memo import format_memo

TOOL_USER = "kvaleval"
FIXED_TIME = "1980-01-01T00:00:00Z"
"""The default creation time: fixed, so that exports of the same input are byte-identical."""
_NAME_LENGTH = 60


def write_qdpx(
    coded: Coded,
    path: str | Path,
    *,
    name: str | None = None,
    created: datetime | str | None = None,
) -> Path:
    """Write a coded corpus as a REFI-QDA project (``.qdpx``), atomically.

    The archive holds exactly ``project.qde`` and ``sources/<guid>.txt``: every
    document's text exactly, UTF-8 without BOM, LF line ends. Every coding
    becomes a ``PlainTextSelection`` over its segment (code points, end
    exclusive) with one ``Coding`` per code; touching pieces of one turn (a
    foreign project's turns split by :func:`read_qdpx`) with the same code,
    coder and memo are one selection again. Each coder is a ``User`` and owns
    their selections. Valence, score and the reason (``why``) of each coding are
    kept in the selection's ``Description`` (see :mod:`kvaleval.refi.selection_memo`).
    Every respondent ``(doc_id, speaker)`` is a ``Case`` with the document and
    respondent attributes as text ``Variables`` and a ``SourceRef``. kvaleval's
    segmentation is kept in one ``Note`` so that :func:`read_qdpx` gives back
    the same segments. The memos and sets of a project read (``corpus.memos``,
    ``corpus.sets``) are written again as ``Notes`` and ``Sets``, attached to the
    same documents and codes, and its annotations (``corpus.annotations``, selections
    without a code) as selections without a ``Coding``. A selection, user, variable, source or code read
    from a project (``corpus.selections``, ``corpus.projects``) is written with its GUID, name and span;
    anything else gets a uuid5 of names and offsets, and the time stamps are fixed, so the same input
    gives a byte-identical file.

    The source texts are the transcripts as read, NOT pseudonymised: the
    project holds personal data.

    Parameters
    ----------
    coded : Coded
        The coded corpus (``coded.corpus.documents``, ``coded.segments``,
        ``coded.codings``, ``coded.codebook``).
    path : str or Path
        The ``.qdpx`` file to write; its folder is created if needed.
    name : str, optional
        The project name; default the corpus folder's name, or for a corpus read from a
        ``.qdpx`` with the codebook of that project (:func:`read_qdpx_codebook`), the
        project's own name.
    created : datetime or str, optional
        The time stamp written on every element; default ``$SOURCE_DATE_EPOCH``
        if set, else 1980-01-01T00:00:00Z.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    ExchangeError
        If the file cannot be written, or a code is named ``kvaleval-ordlister`` (E612).
    CodingError
        If the codings table lacks a column.

    Examples
    --------
    >>> kv.write_qdpx(coded, "out/projekt.qdpx")   # doctest: +SKIP
    """
    path = Path(path)
    codings = coded.codings
    require_columns(codings, CODING_COLUMNS)
    stamp = _timestamp(created)
    documents = list(coded.corpus.documents)
    segments = coded.segments
    texts, notes = _texts(documents, segments)
    coders = sorted({str(coder) for coder in codings["coder"].dropna()} - {TOOL_USER})
    corpus = coded.corpus
    planned = plan(corpus.memos, _with_code_sets(corpus.sets, coded.codebook), corpus.annotations, texts,
                   [*coded.codebook.names, *[str(code) for code in pd.unique(codings["code"].dropna())]])
    authors = [author for author in planned.authors if author not in coders and author != TOOL_USER]
    # the users of the projects read who neither coded nor wrote anything stay users
    known = {TOOL_USER, *coders, *authors}
    authors += [user for user in dict.fromkeys(_names_in(corpus.projects)) if user not in known]
    users = _user_guids([TOOL_USER, *coders, *authors], corpus.projects,
                        {str(code.guid).lower() for code in coded.codebook.codes if code.guid})
    tool = users[TOOL_USER]
    project_name = name or _project_name(coded)
    root = root_element(
        "Project",
        NS_PROJECT,
        name=project_name,
        origin=origin(),
        creatingUserGUID=tool,
        creationDateTime=stamp,
    )
    users_element = make(root, "Users", NS_PROJECT)
    ids = _user_ids(corpus.projects)
    for user, user_guid in users.items():
        make(users_element, "User", NS_PROJECT, guid=user_guid, name=user, id=ids.get(user))
    used_codes = [str(code) for code in pd.unique(codings["code"].dropna())]
    extra = [code for code in used_codes if code not in coded.codebook]
    refuse_reserved_names([*coded.codebook.names, *extra], path)
    if extra:
        notes.append(Warnings.W605.format(codes=extra))
    code_guids = add_codes(root, coded.codebook, NS_PROJECT, extra=extra)
    refer_from_codes(root, planned, code_guids)
    source_guids = kept_guids({document.doc_id: document.guid for document in documents}, "source")
    taken = {*users.values(), *code_guids.values(), *source_guids.values(), *planned.guids}
    selections = _selections(codings, segments, texts, documents, code_guids, users, notes, corpus.selections, taken)
    foreign_cases = plan_cases(corpus.cases, texts, selections, planned.annotations, taken, set(code_guids))
    planned.missing += foreign_cases.missing
    variables = _cases(root, segments, source_guids, foreign_cases, documents, corpus.projects, code_guids)
    sources_element = make(root, "Sources", NS_PROJECT) if documents else None
    stored: list[StoredSource] = []
    source_names = _source_names(documents)
    for document in documents:
        source_guid = source_guids[document.doc_id]
        source = make(
            sources_element,
            "TextSource",
            NS_PROJECT,
            guid=source_guid,
            name=source_names[document.doc_id],
            plainTextPath=f"internal://{source_guid}.txt",
            creatingUser=tool,
            creationDateTime=stamp,
        )
        if document.description:  # ATLAS.ti's document comment, QualCoder's file memo
            text_element(source, "Description", NS_PROJECT, document.description)
        text = texts[document.doc_id]
        for selection in selections.get(document.doc_id, []):
            _selection(source, selection, text, stamp)
        write_annotations(source, planned.annotations.get(document.doc_id, []), users, stamp)
        write_annotations(source, foreign_cases.selections.get(document.doc_id, []), users, stamp)
        _variable_values(source, document.source_variables, variables)  # MAXQDA's document variables
        for target in planned.source_notes(document.doc_id):
            make(source, "NoteRef", NS_PROJECT, targetGUID=target)
        stored.append(_stored(document, source_guid, text, segments))
    note_holder = make(root, "Notes", NS_PROJECT) if documents or planned.memos else None
    if documents:
        note = make(
            note_holder,
            "Note",
            NS_PROJECT,
            guid=guid("note", NOTE_NAME),
            name=NOTE_NAME,
            creatingUser=tool,
            creationDateTime=stamp,
        )
        text_element(note, "Description", NS_PROJECT, NOTE_DESCRIPTION)
        text_element(note, "PlainTextContent", NS_PROJECT, encode(stored))
    if note_holder is not None:
        write_memos(note_holder, planned, users)
    write_sets(root, planned, source_guids, code_guids)
    refer_from_selections(root, planned)
    project_memos = project_notes(corpus.projects, planned)
    missing = missing_note(planned)
    if missing:
        notes.append(missing)
    text_element(root, "Description", NS_PROJECT, _project_description(coders, corpus.projects))
    for target in project_memos:
        make(root, "NoteRef", NS_PROJECT, targetGUID=target)
    members = [("project.qde", to_bytes(root, NS_PROJECT))]
    members += [(f"sources/{source_guids[d.doc_id]}.txt", texts[d.doc_id].encode("utf-8")) for d in documents]
    write_zip(path, members)
    for note_text in notes:
        warn(note_text)
    return path


def _with_code_sets(sets: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """The sets of the projects read and the codebook's code sets (from a ``.qdc``) that are not among
    them (by GUID: a project's codebook has its own code sets, which ``corpus.sets`` holds already)."""
    read = {cell_text(value).strip("{}").lower() for value in sets["guid"]} if len(sets) else set()
    more = [(codebook.path or codebook.name, found.name, found.description, (), found.codes, (), found.guid)
            for found in codebook.sets if not found.guid or found.guid not in read]
    if not more:
        return sets
    added = pd.DataFrame(more, columns=list(SET_COLUMNS))
    return pd.concat([sets, added], ignore_index=True) if len(sets) else added


def _source_names(documents: list[Document]) -> dict[str, str]:
    """doc_id -> the name to write: the source's own name in the project it was read from
    (``Interview 1.txt``, whose doc_id dropped the suffix; two sources of one name in that project
    keep it, as they had it), unless a source of another project has that name (two projects in one
    corpus folder); else the doc_id."""
    projects: dict[str, set[str]] = defaultdict(set)
    for document in documents:  # a project's document's path is '<project file>#<source name>'
        projects[document.source_name].add(document.path.rpartition("#")[0])
    return {document.doc_id: document.source_name if document.source_name and len(projects[document.source_name]) == 1
            else document.doc_id for document in documents}


def _project_name(coded: Coded) -> str:
    """The corpus folder's name; for a project read back with its own codebook (which
    :func:`read_qdpx_codebook` names after the project), the project's name."""
    root = Path(coded.corpus.root)
    codebook = coded.codebook
    if root.suffix.lower() in (".qdpx", ".qde") and not codebook.path and codebook.name not in ("", "refi"):
        return codebook.name
    return root.name or codebook.name or "kvaleval"


def _names_in(projects: pd.DataFrame) -> list[str]:
    """The user names of the projects read (a tuple per project; a list once cached)."""
    cells = projects["users"].tolist() if "users" in projects else []
    return [str(name) for cell in cells if isinstance(cell, (tuple, list)) for name in cell if str(name)]


def _user_ids(projects: pd.DataFrame) -> dict[str, str]:
    """name -> the ``id`` (initials) a user was read with, where one was."""
    found: dict[str, str] = {}
    if "user_ids" in projects:
        for users, ids in zip(projects["users"].tolist(), projects["user_ids"].tolist(), strict=True):
            if isinstance(users, (tuple, list)) and isinstance(ids, (tuple, list)) and len(users) == len(ids):
                for user, user_id in zip(users, ids, strict=True):
                    if str(user_id):
                        found.setdefault(str(user), str(user_id))
    return found


def _user_guids(names: list[str], projects: pd.DataFrame, codes: set[str]) -> dict[str, str]:
    """name -> the GUID the user was read with (so that the other program knows its users again),
    else a GUID of the name; also where a code has the GUID (W632: it would be two elements')."""
    read: dict[str, str] = {}
    if "user_guids" in projects:
        for users, guids in zip(projects["users"].tolist(), projects["user_guids"].tolist(), strict=True):
            if isinstance(users, (tuple, list)) and isinstance(guids, (tuple, list)) and len(users) == len(guids):
                for user, found in zip(users, guids, strict=True):
                    read.setdefault(str(user), str(found).strip("{}").lower())
    return kept_guids({name: read.get(name) if read.get(name) not in codes else None for name in names}, "user")


def _timestamp(created: datetime | str | None) -> str:
    if isinstance(created, datetime):
        moment = created if created.tzinfo else created.replace(tzinfo=UTC)
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(created, str):
        return created
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return FIXED_TIME


def _texts(documents: list[Document], segments: pd.DataFrame) -> tuple[dict[str, str], list[str]]:
    """Document texts with LF line ends (kvaleval's readers already give LF)."""
    texts: dict[str, str] = {}
    notes: list[str] = []
    for document in documents:
        text = document.text
        if "\r" in text:
            notes.append(Warnings.W603.format(doc_id=document.doc_id))
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        texts[document.doc_id] = text
    return texts, notes


def _stored(document: Document, source_guid: str, text: str, segments: pd.DataFrame) -> StoredSource:
    rows = segments[segments["doc_id"] == document.doc_id]
    attributes = attribute_columns(segments)
    doc_attributes = document.attributes_dict()
    original = document.turns if document.turns is not None and len(document.turns) == len(rows) else None
    shift = OffsetMap(document.text).to_lf if "\r" in document.text else None
    parts = _parts(rows["turn_index"].tolist()) if original is None else [turn.part for turn in original]
    turns = []
    question: str | None = None
    for index, row in enumerate(rows.to_dict("records")):
        start, end = int(row["start"]), int(row["end"])
        if shift is not None:
            start, end = shift(start), shift(end)
        role = INTERVIEWER if row["speaker_role"] == INTERVIEWER else RESPONDENT
        if original is not None:
            turn_attributes = original[index].attributes
        else:
            turn_attributes = tuple(
                (column, str(row[column]))
                for column in attributes
                if _present(row[column]) and doc_attributes.get(column) != str(row[column])
            )
        stated = _clean(row.get("question"))
        turns.append(
            Turn(
                speaker=str(row["speaker"]),
                start=start,
                end=end,
                role=role,
                time=_clean(row.get("time")),
                attributes=turn_attributes,
                question=None if role == INTERVIEWER or stated == question else stated,
                part=parts[index],
            )
        )
        if role == INTERVIEWER:
            question = text[start:end]
    return StoredSource(
        guid=source_guid,
        doc_id=document.doc_id,
        text_sha256=text_hash(text),
        attributes=document.attributes,
        turns=tuple(turns),
    )


def _parts(turn_indexes: list[int]) -> list[int]:
    """Part numbers from a segment table: segments that share a turn index are pieces 1, 2, ...
    of that turn; a segment alone in its turn is whole (0)."""
    counts = Counter(turn_indexes)
    seen: Counter[int] = Counter()
    parts = []
    for turn_index in turn_indexes:
        seen[turn_index] += 1
        parts.append(seen[turn_index] if counts[turn_index] > 1 else 0)
    return parts


def _cases(
    root: ET.Element, segments: pd.DataFrame, source_guids: dict[str, str], foreign: PlannedCases,
    documents: list[Document], projects: pd.DataFrame, code_guids: dict[str, str],
) -> dict[str, tuple[str, str]]:
    """The Variables; the cases of the projects read, as they were; then one Case per respondent
    (doc_id, speaker) of the other documents, with its attributes as values. Returns the type and
    GUID of each variable (for the sources' own values); a variable of a project read keeps its GUID,
    type (where its values fit it) and description."""
    respondents = segments[segments["speaker_role"] == RESPONDENT]
    columns = attribute_columns(segments)
    first = respondents.drop_duplicates(["doc_id", "speaker"]) if len(respondents) else respondents
    first = first[first["doc_id"].isin(set(source_guids) - foreign.documents)]
    own_columns = columns if len(first) else []
    read = _read_variables(projects)
    values: dict[str, list[Any]] = {name: [] for name in read}  # the projects' own, also those without values
    for column in own_columns:
        values.setdefault(column, []).extend(first[column].tolist())
    for planned in foreign.cases:
        for variable, value in planned["variables"]:
            values.setdefault(variable, []).append(value)
    for document in documents:
        for variable, value in document.source_variables:
            values.setdefault(variable, []).append(value)
    types = {column: _kept_type(read.get(column, ("", "", ""))[1], found) for column, found in values.items()}
    guids = kept_guids({column: read.get(column, ("", "", ""))[0] for column in values}, "variable")
    variables = {column: (types[column], guids[column]) for column in values}
    if values:
        holder = make(root, "Variables", NS_PROJECT)
        for column in values:
            node = make(
                holder,
                "Variable",
                NS_PROJECT,
                guid=guids[column],
                name=column,
                typeOfVariable=types[column],
            )
            if column in read and read[column][2]:
                text_element(node, "Description", NS_PROJECT, read[column][2])
    if not len(first) and not foreign.cases:
        return variables
    cases = make(root, "Cases", NS_PROJECT)
    for found in foreign.cases:
        node = make(cases, "Case", NS_PROJECT, guid=found["guid"], name=found["name"])
        if found["description"]:
            text_element(node, "Description", NS_PROJECT, found["description"])
        for code in found["codes"]:
            make(node, "CodeRef", NS_PROJECT, targetGUID=code_guids[code])
        _variable_values(node, found["variables"], variables)
        for doc_id in found["sources"]:
            make(node, "SourceRef", NS_PROJECT, targetGUID=source_guids[doc_id])
        for target in found["selections"]:
            make(node, "SelectionRef", NS_PROJECT, targetGUID=target)
    for row in first.to_dict("records"):
        doc_id, speaker = str(row["doc_id"]), str(row["speaker"])
        case = make(
            cases,
            "Case",
            NS_PROJECT,
            guid=guid("case", doc_id, speaker),
            name=f"{doc_id}: {speaker}",
        )
        _variable_values(case, [(column, row[column]) for column in own_columns], variables)
        make(case, "SourceRef", NS_PROJECT, targetGUID=source_guids[doc_id])
    return variables


def _read_variables(projects: pd.DataFrame) -> dict[str, tuple[str, str, str]]:
    """name -> (GUID, type, description) of the variables of the projects read (the first of a name)."""
    read: dict[str, tuple[str, str, str]] = {}
    for cell in projects["variables"].tolist() if "variables" in projects else []:
        for item in cell if isinstance(cell, (tuple, list)) else ():
            if isinstance(item, (tuple, list)) and len(item) == 4 and str(item[0]):
                read.setdefault(str(item[0]), (str(item[1]).strip("{}").lower(), str(item[2]), str(item[3])))
    return read


def _kept_type(read: str, values: list[Any]) -> str:
    """The type a variable was read with, if all its values fit it (a Text variable of numbers stays
    Text); else the type its values have."""
    if read == "Text" or (read in _TYPED
                          and all(_TYPED[read].fullmatch(_typed(v, read)) for v in values if _clean(v) is not None)):
        return read
    return variable_type(values)


def _variable_values(node: ET.Element, pairs: Any, variables: dict[str, tuple[str, str]]) -> None:
    """A ``VariableValue`` per (variable, value) pair with a value, typed as the variable is."""
    for variable, value in pairs:
        if _clean(value) is not None:
            type_, variable_guid = variables[variable]
            written = make(node, "VariableValue", NS_PROJECT)
            make(written, "VariableRef", NS_PROJECT, targetGUID=variable_guid)
            text_element(written, f"{type_}Value", NS_PROJECT, _typed(value, type_))


def _selections(
    codings: pd.DataFrame,
    segments: pd.DataFrame,
    texts: dict[str, str],
    documents: list[Document],
    code_guids: dict[str, str],
    users: dict[str, str],
    notes: list[str],
    read: pd.DataFrame,
    taken: set[str],
) -> dict[str, list[dict[str, Any]]]:
    """Selections per document, their codings in codebook order.

    A selection read from a project (``read``: ``corpus.selections``) is written again with its span,
    name, maker and GUIDs, where every respondent segment it codes (a respondent turn or piece it
    overlaps with more than whitespace, as :func:`read_qdpx` reads it) is still coded with its code
    by its coder, with one score, valence and reason; it may also take in the interviewer's turns
    and speaker labels, and overlap another selection. The codes of one selection read are one
    selection again. Where some of its segments are no longer so coded, the rest are written as
    below and the selection is named (W644).

    The other codings: per (coder, code), one selection spans each run of pieces of one turn
    (segments that share a turn_index: the import splits another tool's turns where its selections
    begin and end) whose texts touch (only whitespace between them) and that have the same score,
    valence and reason. Codes whose runs have the same span and coder share one selection (that of
    a selection read, if it has that span and coder). A segment that is a whole turn is a selection
    of its own, so a corpus kvaleval segmented is written one selection per (segment, coder) as always.
    """
    by_code = _coded_segments(codings, segments, documents, notes)
    respondent = _respondent_spans(segments, documents)
    found = _read_selections(read, texts, taken)
    pieces: list[tuple[str, int, int, str, dict[str, Any], dict[str, Any] | None]] = []
    split: list[str] = []
    for (doc_id, coder, code), items in by_code.items():
        text = texts[doc_id]
        coded = {(start, end): row for start, end, _, row in items}
        used: set[tuple[int, int]] = set()
        turns = respondent.get(doc_id, [])
        ends = [end for _, end in turns]
        for own in found.get((doc_id, coder, code), []):
            needed = []  # the respondent segments it codes (they are in text order and do not overlap)
            for turn in itertools.islice(turns, bisect.bisect_right(ends, own["start"]), None):
                if turn[0] >= own["end"]:
                    break
                if text[max(own["start"], turn[0]) : min(own["end"], turn[1])].strip():
                    needed.append(turn)
            rows = [coded[span] for span in needed if span in coded]
            if needed and len(rows) == len(needed) and _overlapped(own, needed, rows, found[doc_id, coder, code],
                                                                   text):
                pieces.append((doc_id, own["start"], own["end"], coder, {**rows[0], "why": own["why"]}, own))
                used.update(needed)
            elif needed and len(rows) == len(needed) and len({_memo_fields(row) for row in rows}) == 1:
                pieces.append((doc_id, own["start"], own["end"], coder, rows[0], own))  # one new reason
                used.update(needed)
            elif rows:
                split.append(own["guid"])
        rest = sorted((item for item in items if item[:2] not in used), key=lambda item: item[:2])
        pieces += [(doc_id, start, end, coder, row, None) for start, end, row in _runs(rest, text)]
    if split:
        notes.append(Warnings.W644.format(n=len(set(split)), guids=sorted(set(split))[:5]))
    # the codes of one selection read are one selection, also by several coders (a GUID read on two
    # selections, W631, is the first's); codes of the same span and coder share one, joining a selection
    # read over that span with a code by that coder
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    joins: dict[tuple[str, int, int, str], tuple[Any, ...]] = {}
    for doc_id, start, end, coder, row, kept in sorted(pieces, key=lambda piece: piece[5] is None):
        span = (doc_id, start, end, coder)
        key = ("read", kept["guid"], doc_id, start, end) if kept else joins.get(span, ("own", *span))
        joins.setdefault(span, key)
        if key not in merged:
            merged[key] = {"start": start, "end": end, "coder": coder, "users": users, "rows": [],
                           "code_guids": code_guids, "doc_id": doc_id, "coding_guids": {}, "carried": kept is not None,
                           "guid": kept["guid"] if kept else guid("selection", doc_id, str(start), str(end), coder),
                           "name": kept["name"] if kept else None,
                           "author": users.get(kept["author"], users[coder]) if kept else users[coder]}
        merged[key]["rows"].append({**row, "coder": coder})
        if kept:
            merged[key]["coding_guids"][(str(row["code"]), coder)] = kept["coding"]
    order = {name: index for index, name in enumerate(code_guids)}
    by_document: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for selection in merged.values():
        selection["rows"].sort(key=lambda row: (order[str(row["code"])], row["coder"] != selection["coder"],
                                                row["coder"]))
        if selection["guid"] in taken:
            selection.update(guid=guid("selection", selection["doc_id"], str(selection["start"]),
                                       str(selection["end"]), selection["coder"], "2"), coding_guids={})
        taken.add(selection["guid"])
        by_document[selection["doc_id"]].append(selection)
    for selections in by_document.values():
        selections.sort(key=lambda s: (s["start"], s["end"], s["coder"]))
    return by_document


def _overlapped(
    own: dict[str, Any], needed: list[tuple[int, int]], rows: list[dict[str, Any]], read: list[dict[str, Any]],
    text: str
) -> bool:
    """Whether the segments a selection read (``own``) codes have one valence and score and, each, the
    reasons of the selections read (same code and coder) that overlap it: its own, and where two selections
    with their own comment code a segment, both (joined by " | "); each is then written with its own."""
    if len({_memo_fields(row)[:2] for row in rows}) != 1:
        return False
    if all((_clean(row["why"]) or "") == own["why"] for row in rows):
        return True  # no other reason in it (the common case: no overlap)
    read = [other for other in read if other["start"] < own["end"] and other["end"] > own["start"]]
    for (start, end), row in zip(needed, rows, strict=True):
        over = [other["why"] for other in read
                if other["why"] and text[max(start, other["start"]) : min(end, other["end"])].strip()]
        if set(filter(None, (_clean(row["why"]) or "").split(" | "))) != set(" | ".join(over).split(" | ")) - {""}:
            return False
    return True


def _coded_segments(
    codings: pd.DataFrame, segments: pd.DataFrame, documents: list[Document], notes: list[str]
) -> dict[tuple[str, str, str], list[tuple[int, int, int, dict[str, Any]]]]:
    """(doc_id, coder, code) -> (start, end, turn_index, coding row) of each segment so coded, in the
    LF text written; the last row where a segment is coded twice."""
    shifts = {d.doc_id: OffsetMap(d.text).to_lf for d in documents if "\r" in d.text}
    known = {d.doc_id for d in documents}
    spans: dict[str, tuple[str, int, int, int]] = {}
    for row in segments[["segment_id", "doc_id", "start", "end", "turn_index"]].to_dict("records"):
        doc_id, start, end = str(row["doc_id"]), int(row["start"]), int(row["end"])
        if doc_id in shifts:
            start, end = shifts[doc_id](start), shifts[doc_id](end)
        if doc_id in known:
            spans[str(row["segment_id"])] = (doc_id, start, end, int(row["turn_index"]))
    chosen: dict[tuple[str, str, str], dict[str, Any]] = {}  # (coder, code, segment) -> the last row
    missing: list[str] = []
    for row in codings.to_dict("records"):
        segment_id = str(row["segment_id"])
        if segment_id not in spans or not _present(row["code"]):
            missing.append(segment_id)
            continue
        coder = str(row["coder"]) if _present(row["coder"]) else TOOL_USER
        chosen[(coder, str(row["code"]), segment_id)] = row
    if missing:
        notes.append(Warnings.W604.format(n=len(missing), examples=sorted(set(missing))[:5]))
    by_code: dict[tuple[str, str, str], list[tuple[int, int, int, dict[str, Any]]]] = defaultdict(list)
    for (coder, code, segment_id), row in chosen.items():
        doc_id, start, end, turn_index = spans[segment_id]
        by_code[(doc_id, coder, code)].append((start, end, turn_index, row))
    return by_code


def _read_selections(read: pd.DataFrame, texts: dict[str, str], taken: set[str]
                     ) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """(doc_id, coder, code) -> the selections read (``corpus.selections``) with that code by that coder:
    span, name, maker and GUIDs; not those outside their text or whose GUID is another element's."""
    found: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    seen: set[tuple[Any, ...]] = set()
    for row in read.to_dict("records") if len(read) else []:
        doc_id = cell_text(row["doc_id"])
        start, end, text = position(row["start"]), position(row["end"]), texts.get(doc_id)
        guid_read = cell_text(row["guid"]).strip("{}").lower()
        if text is None or start is None or end is None or not 0 <= start <= end <= len(text) \
                or not GUID.fullmatch(guid_read) or guid_read in taken:
            continue
        key = (doc_id, cell_text(row["coder"]), cell_text(row["code"]))
        if (*key, guid_read, start, end) in seen:  # a code given twice in one selection is written once
            continue
        seen.add((*key, guid_read, start, end))
        found[key].append({"start": start, "end": end, "name": row["name"] if _present(row["name"]) else None,
                           "author": cell_text(row["author"]), "guid": guid_read,
                           "coding": cell_text(row["coding_guid"]), "why": cell_text(row.get("why"))})
    return found


def _respondent_spans(segments: pd.DataFrame, documents: list[Document]) -> dict[str, list[tuple[int, int]]]:
    """doc_id -> (start, end) of each respondent segment, in the LF text written, in text order."""
    shifts = {d.doc_id: OffsetMap(d.text).to_lf for d in documents if "\r" in d.text}
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    rows = segments[segments["speaker_role"] == RESPONDENT]
    for doc_id, start, end in zip(rows["doc_id"].astype(str), rows["start"], rows["end"], strict=True):
        shift = shifts.get(doc_id)
        found[doc_id].append((shift(int(start)), shift(int(end))) if shift else (int(start), int(end)))
    for spans in found.values():
        spans.sort()
    return found


def _runs(
    items: list[tuple[int, int, int, dict[str, Any]]], text: str
) -> list[tuple[int, int, dict[str, Any]]]:
    """(start, end, row) of each run of segments (sorted by offset) of one turn that touch and
    have one memo."""
    runs: list[tuple[int, int, dict[str, Any]]] = []
    last: tuple[int, int, int, dict[str, Any]] | None = None
    for item in items:
        start, end, turn_index, row = item
        if (
            runs
            and last is not None
            and start >= last[1]
            and not text[last[1] : start].strip()
            and turn_index == last[2]
            and _memo_fields(row) == _memo_fields(last[3])
        ):
            runs[-1] = (runs[-1][0], end, runs[-1][2])
        else:
            runs.append((start, end, row))
        last = item
    return runs


def _memo_fields(row: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    return _clean(row["valence"]), _score(row["score"]), _clean(row["why"])


def _selection(source: ET.Element, selection: dict[str, Any], text: str, stamp: str) -> None:
    start, end = selection["start"], selection["end"]
    selection_guid = selection["guid"]
    quote = " ".join(text[start:end].split())
    label = quote if len(quote) <= _NAME_LENGTH else quote[: _NAME_LENGTH - 1].rstrip() + "…"
    # as read: a selection NVivo wrote with an empty name, or ATLAS.ti without one, stays so
    name = selection["name"] if selection["carried"] else label
    node = make(
        source,
        "PlainTextSelection",
        NS_PROJECT,
        guid=selection_guid,
        name=name,
        startPosition=str(start),
        endPosition=str(end),
        creatingUser=selection["author"],
        creationDateTime=stamp,
    )
    memo = format_memo(
        [
            (str(row["code"]), _clean(row["valence"]), _score(row["score"]), _clean(row["why"]))
            for row in selection["rows"]
        ]
    )
    if memo:
        text_element(node, "Description", NS_PROJECT, memo)
    for row in selection["rows"]:
        code, coder = str(row["code"]), row["coder"]
        # another coder's coding of a selection read: the GUID of its own (as a second coding of the code)
        more = () if coder == selection["coder"] else (coder,)
        coding = make(
            node,
            "Coding",
            NS_PROJECT,
            guid=_own_coding(selection["coding_guids"].get((code, coder), ""), selection_guid, code, *more),
            creatingUser=selection["users"][coder],
            creationDateTime=stamp,
        )
        make(coding, "CodeRef", NS_PROJECT, targetGUID=selection["code_guids"][code])


def _own_coding(read: str, selection_guid: str, code: str, *more: str) -> str:
    """The coding's GUID as read, else one of its selection and code (and coder, if not the selection's)."""
    read = read.strip("{}").lower()
    return read if GUID.fullmatch(read) else guid("coding", selection_guid, code, *more)


_OWN_DESCRIPTION = re.compile(r"\s*Eksporteret af kvaleval [^\n]*personoplysninger\.\s*$")
"""The paragraph kvaleval ends a project's description with: written anew, not kept twice."""


def _project_description(coders: list[str], projects: pd.DataFrame) -> str:
    """The descriptions of the projects read (each once, kvaleval's own paragraph taken off),
    then who coded and that the file holds personal data."""
    who = ", ".join(coders) if coders else "ingen"
    own = (
        f"Eksporteret af {origin()}. Kodere: {who}. Kildeteksterne er transskriptionerne som "
        "læst, ikke pseudonymiseret: projektet indeholder personoplysninger."
    )
    read = [_OWN_DESCRIPTION.sub("", str(text)).strip() for text in projects["description"] if _present(text)]
    return "\n\n".join([*dict.fromkeys(text for text in read if text), own])


def _present(value: Any) -> bool:
    if value is None or value is pd.NA:
        return False
    try:
        return not bool(pd.isna(value))
    except (TypeError, ValueError):
        return True


_TYPED = {
    "Integer": re.compile(r"-?(?:0|[1-9]\d*)"),  # no leading zero: "0123" (a number plate, a code) stays text
    "Float": re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?"),  # some whole: 0.5 and 1
    "Date": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "DateTime": re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?"),
    "Boolean": re.compile(r"true|false"),
}
"""Value shapes of the REFI-QDA variable types besides Text (xsd:integer, decimal, date, dateTime,
boolean as written); Danish decimal commas and "ja"/"nej" stay text."""


def variable_type(values: list[Any]) -> str:
    """The REFI-QDA type of a variable whose values are all one shape: ``Integer`` for ages and
    years (an Excel column of whole numbers read as floats too), ``Float``, ``Date``, ``DateTime``,
    ``Boolean``; else ``Text``. NVivo and QualCoder then sort and filter the attribute as numbers or
    dates, and a variable read from their project as a number goes back as one."""
    texts = [_typed(value, "Integer") for value in values if _clean(value) is not None]
    if not texts:
        return "Text"
    for name, shape in _TYPED.items():
        if all(shape.fullmatch(text) for text in texts) and (name not in ("Date", "DateTime")
                                                               or all(_valid_date(text) for text in texts)):
            return name
    return "Text"


def _typed(value: Any, type_: str) -> str:
    """The value as written for its type: a whole float as an integer (34.0 from Excel as 34)."""
    if isinstance(value, float) and value.is_integer() and type_ in ("Integer", "Text"):
        return str(int(value)) if type_ == "Integer" else str(value)
    return str(value)


def _valid_date(text: str) -> bool:
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _clean(value: Any) -> str | None:
    return (str(value) or None) if _present(value) else None


def _score(value: Any) -> str | None:
    """The score as text; None for a missing score or 1.0 (what a reader assumes)."""
    try:
        score = float(value)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(score) or score == 1.0 else number(score)
