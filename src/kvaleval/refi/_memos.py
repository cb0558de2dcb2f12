"""Memos (``Notes``), sets (``Sets``) and annotations of a project read, written again.

:func:`kvaleval.read_qdpx` keeps a project's memos and sets in ``corpus.memos`` and
``corpus.sets`` with their references as doc_ids and code names, and its selections
without a code in ``corpus.annotations``. kvaleval writes its sources and codes under
GUIDs of its own, so the references are mapped to those; a memo, set or annotation keeps
its own GUID (another program recognises it), unless that is not a GUID or is given
twice. What refers to a document or code that is no longer there (or an annotation whose
passage the document no longer has) is left out and counted.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from kvaleval.errors import Warnings
from kvaleval.refi._xml import NS_PROJECT, guid, local, text_element
from kvaleval.refi._xml import element as make

_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$")
_EXAMPLES = 5


@dataclass
class ProjectMemos:
    """The memos and sets to write, their GUIDs decided."""

    memos: list[dict[str, Any]] = field(default_factory=list)
    sets: list[dict[str, Any]] = field(default_factory=list)
    annotations: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """doc_id -> the annotations to write in it."""
    memo_guids: dict[str, str] = field(default_factory=dict)
    """A memo's GUID as read -> its GUID as written."""
    missing: list[str] = field(default_factory=list)

    @property
    def guids(self) -> set[str]:
        """The GUIDs of the memos, sets and annotations written."""
        rows = [*self.memos, *self.sets, *(row for rows in self.annotations.values() for row in rows)]
        return {row["written"] for row in rows}

    @property
    def authors(self) -> list[str]:
        rows = [*self.memos, *(row for rows in self.annotations.values() for row in rows)]
        return sorted({str(row["author"]) for row in rows if cell_text(row.get("author"))})

    def source_notes(self, doc_id: str) -> list[str]:
        """The GUIDs (as written) of the memos attached to a document."""
        return [memo["written"] for memo in self.memos if doc_id in _names(memo.get("documents"))]


def plan(memos: pd.DataFrame, sets: pd.DataFrame, annotations: pd.DataFrame, texts: dict[str, str],
         codes: Iterable[str]) -> ProjectMemos:
    """Decide the GUIDs, and which references can be written (to documents and codes present;
    ``texts``: doc_id -> the text written)."""
    present_documents, present_codes = set(texts), set(codes)
    planned = ProjectMemos()
    taken: set[str] = set()
    for index, memo in enumerate(memos.to_dict(orient="records")):
        written = _own_guid(memo.get("guid"), taken) or guid("memo", cell_text(memo.get("project")),
                                                             cell_text(memo.get("memo")), str(index))
        taken.add(written)
        planned.memo_guids.setdefault(cell_text(memo.get("guid")).lower(), written)
        planned.memos.append({**memo, "written": written})
    for index, found in enumerate(sets.to_dict(orient="records")):
        written = _own_guid(found.get("guid"), taken) or guid("set", cell_text(found.get("project")),
                                                              cell_text(found.get("set")), str(index))
        taken.add(written)
        planned.sets.append({**found, "written": written})
    for row in [*planned.memos, *planned.sets]:
        planned.missing += [name for name in _names(row.get("documents")) if name not in present_documents]
        planned.missing += [name for name in _names(row.get("codes")) if name not in present_codes]
    for index, annotation in enumerate(annotations.to_dict(orient="records")):
        doc_id, start, end = cell_text(annotation.get("doc_id")), position(annotation.get("start")), \
            position(annotation.get("end"))
        text = texts.get(doc_id)
        if text is None or start is None or end is None or not 0 <= start <= end \
                or text[start:end] != cell_text(annotation.get("text")):
            planned.missing.append(doc_id)
            continue
        written = _own_guid(annotation.get("guid"), taken) or guid("annotation", doc_id, str(start), str(end),
                                                                   str(index))
        taken.add(written)
        planned.annotations.setdefault(doc_id, []).append({**annotation, "start": start, "end": end,
                                                           "written": written})
    return planned


def write_memos(notes: ET.Element, planned: ProjectMemos, users: dict[str, str]) -> None:
    """One ``Note`` per memo, under ``notes``, its text inline; author and time only when known; a
    ``NoteRef`` to each memo it refers to (a reference from a memo not written is counted, W606)."""
    refers: dict[str, list[str]] = {}  # memo GUID as read -> the memos it refers to, as written
    for memo in planned.memos:
        for other in _names(memo.get("memos")):
            refers.setdefault(other.strip("{}").lower(), []).append(memo["written"])
    for memo in planned.memos:
        attributes = {"guid": memo["written"], "name": cell_text(memo.get("memo"))}
        if cell_text(memo.get("author")) in users:
            attributes["creatingUser"] = users[cell_text(memo.get("author"))]
        if _DATE_TIME.match(cell_text(memo.get("created"))):
            attributes["creationDateTime"] = cell_text(memo.get("created"))
        note = make(notes, "Note", NS_PROJECT, **attributes)
        if cell_text(memo.get("description")):
            text_element(note, "Description", NS_PROJECT, cell_text(memo.get("description")))
        text_element(note, "PlainTextContent", NS_PROJECT, cell_text(memo.get("text")))
        for target in refers.pop(cell_text(memo.get("guid")).strip("{}").lower(), []):
            make(note, "NoteRef", NS_PROJECT, targetGUID=target)
    planned.missing += list(refers)


def project_notes(projects: pd.DataFrame, planned: ProjectMemos) -> list[str]:
    """The memos (as written) the projects read refer to themselves (project memos); one not written
    is counted (W606)."""
    found = []
    for cell in projects["memos"].tolist() if "memos" in projects else []:
        for memo in _names(cell):
            written = planned.memo_guids.get(memo.strip("{}").lower())
            if written is None:
                planned.missing.append(memo)
            elif written not in found:
                found.append(written)
    return found


def write_annotations(source: ET.Element, rows: list[dict[str, Any]], users: dict[str, str], stamp: str) -> None:
    """One ``PlainTextSelection`` without a ``Coding`` per annotation, its note as the description."""
    for row in rows:
        author = users.get(cell_text(row.get("author")))
        name = row.get("name")
        node = make(source, "PlainTextSelection", NS_PROJECT, guid=row["written"],
                    name=str(name) if cell_text(name) or name == "" else None, startPosition=str(row["start"]),
                    endPosition=str(row["end"]), creatingUser=author, creationDateTime=stamp)
        if cell_text(row.get("description")):
            text_element(node, "Description", NS_PROJECT, cell_text(row.get("description")))


def refer_from_selections(root: ET.Element, planned: ProjectMemos) -> None:
    """A ``NoteRef`` at the end of each selection and each coding a memo is attached to (by the
    selection's or coding's GUID, which a selection read keeps, and so the coding of its code); a
    reference to a selection or coding not written is left out and counted (W606)."""
    for column, tag in (("selections", "PlainTextSelection"), ("codings", "Coding")):
        wanted: dict[str, list[str]] = {}
        for memo in planned.memos:
            for target in _names(memo.get(column)):
                wanted.setdefault(target.strip("{}").lower(), []).append(memo["written"])
        if not wanted:
            continue
        for node in root.iter():
            if local(node) == tag and node.get("guid") in wanted:
                for target in wanted.pop(node.get("guid", "")):
                    make(node, "NoteRef", NS_PROJECT, targetGUID=target)
        planned.missing += list(wanted)


def refer_from_codes(root: ET.Element, planned: ProjectMemos, code_guids: dict[str, str]) -> None:
    """A ``NoteRef`` in each code a memo is attached to (after its description, before its subcodes)."""
    wanted: dict[str, list[str]] = {}
    for memo in planned.memos:
        for code in _names(memo.get("codes")):
            if code in code_guids:
                wanted.setdefault(code_guids[code], []).append(memo["written"])
    if not wanted:
        return
    for node in root.iter():
        if local(node) == "Code" and node.get("guid") in wanted:
            position = 1 if len(node) and local(node[0]) == "Description" else 0
            for offset, target in enumerate(wanted[node.get("guid", "")]):
                node.insert(position + offset, make(None, "NoteRef", NS_PROJECT, targetGUID=target))


def write_sets(root: ET.Element, planned: ProjectMemos, source_guids: dict[str, str],
               code_guids: dict[str, str]) -> None:
    """``Sets`` with their members, under ``root`` (nothing when there are none)."""
    if not planned.sets:
        return
    holder = make(root, "Sets", NS_PROJECT)
    for found in planned.sets:
        node = make(holder, "Set", NS_PROJECT, guid=found["written"], name=cell_text(found.get("set")))
        if cell_text(found.get("description")):
            text_element(node, "Description", NS_PROJECT, cell_text(found.get("description")))
        for code in _names(found.get("codes")):
            if code in code_guids:
                make(node, "MemberCode", NS_PROJECT, targetGUID=code_guids[code])
        for doc_id in _names(found.get("documents")):
            if doc_id in source_guids:
                make(node, "MemberSource", NS_PROJECT, targetGUID=source_guids[doc_id])
        for memo in _names(found.get("memos")):
            if memo.lower() in planned.memo_guids:
                make(node, "MemberNote", NS_PROJECT, targetGUID=planned.memo_guids[memo.lower()])


def missing_note(planned: ProjectMemos) -> str | None:
    """W606 for references left out, or None."""
    if not planned.missing:
        return None
    names = sorted(set(planned.missing))
    shown = ", ".join(f"'{name}'" for name in names[:_EXAMPLES]) + (" …" if len(names) > _EXAMPLES else "")
    return Warnings.W606.format(n=len(planned.missing), names=shown)


def _own_guid(value: Any, taken: set[str]) -> str | None:
    text = cell_text(value).strip("{}").lower()
    return text if _GUID.match(text) and text not in taken else None


def position(value: Any) -> int | None:
    """A character position from a table cell (an int, a numpy integer, a whole float), or None."""
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if number == value else None


def _names(value: Any) -> tuple[str, ...]:
    """A cell of names: a tuple or list (as read), or one name."""
    if isinstance(value, (tuple, list)):
        return tuple(str(item) for item in value)
    if hasattr(value, "tolist"):  # a numpy array, from a table that went through Parquet
        return tuple(str(item) for item in value.tolist())
    text = cell_text(value)
    return (text,) if text else ()


def cell_text(value: Any) -> str:
    """A table cell as text: "" for a missing value (None, NaN, pd.NA)."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return str(value)
