"""The cases of a project read (``corpus.cases``), written again.

:func:`kvaleval.read_qdpx` keeps a project's own cases (NVivo's and QualCoder's cases, a
participant of a focus group) with their GUIDs, names, descriptions, variables, the documents
they take in whole (``SourceRef``) and the passages they take in (``SelectionRef``). A passage
is referred to by the coded selection kvaleval writes over the same span, else by the annotation
of the same GUID, else by a selection without a code written for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from kvaleval.refi._memos import _names, _own_guid, cell_text, position
from kvaleval.refi._xml import guid


@dataclass
class PlannedCases:
    cases: list[dict[str, Any]] = field(default_factory=list)
    """Each case: ``guid``, ``name``, ``description``, ``variables`` (pairs), ``sources`` (doc_ids),
    ``selections`` (GUIDs of the selections it refers to), ``codes`` (names)."""
    selections: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """doc_id -> selections without a code to write for passages no other selection has."""
    missing: list[str] = field(default_factory=list)

    @property
    def documents(self) -> set[str]:
        """The documents the cases take in, whole or in part."""
        return {doc_id for case in self.cases for doc_id in [*case["sources"], *case["passage_documents"]]}


def plan_cases(cases: pd.DataFrame, texts: dict[str, str], coded: dict[str, list[dict[str, Any]]],
               annotated: dict[str, list[dict[str, Any]]], taken: set[str], codes: set[str]) -> PlannedCases:
    """Decide GUIDs and references. ``coded``: doc_id -> the coded selections written (``start``,
    ``end``, ``coder``, ``guid``); ``annotated``: doc_id -> the annotations written (``guid``, ``written``);
    ``taken``: GUIDs already in the project; ``codes``: the codes written."""
    planned = PlannedCases()
    extra: dict[tuple[str, int, int], str] = {}
    for index, row in enumerate(cases.to_dict(orient="records")):
        name = cell_text(row.get("case"))
        written = _own_guid(row.get("guid"), taken) or guid("case", cell_text(row.get("project")), name, str(index))
        taken.add(written)
        sources = [doc_id for doc_id in _names(row.get("documents")) if doc_id in texts]
        planned.missing += [doc_id for doc_id in _names(row.get("documents")) if doc_id not in texts]
        planned.missing += [code for code in _names(row.get("codes")) if code not in codes]
        references: list[str] = []
        passage_documents: list[str] = []
        for passage in _passages(row.get("passages")):
            doc_id, start, end, original = passage
            text = texts.get(doc_id)
            if text is None or start is None or end is None or not 0 <= start <= end <= len(text):
                planned.missing.append(doc_id)
                continue
            target = _coded(doc_id, start, end, original, coded) or _annotated(original, annotated.get(doc_id, []))
            if target is None:
                target = extra.get((doc_id, start, end))
            if target is None:
                target = _own_guid(original, taken) or guid("case selection", doc_id, str(start), str(end))
                taken.add(target)
                extra[(doc_id, start, end)] = target
                planned.selections.setdefault(doc_id, []).append({"start": start, "end": end, "written": target})
            references.append(target)
            passage_documents.append(doc_id)
        planned.cases.append({"guid": written, "name": name, "description": cell_text(row.get("description")),
                              "variables": _pairs(row.get("variables")), "sources": sources,
                              "selections": references, "passage_documents": passage_documents,
                              "codes": [code for code in _names(row.get("codes")) if code in codes]})
    return planned


def _coded(doc_id: str, start: int, end: int, original: str, coded: dict[str, list[dict[str, Any]]]) -> str | None:
    """The coded selection written with the passage's own GUID, else the first over the same span."""
    wanted = original.strip("{}").lower()
    over = [selection["guid"] for selection in coded.get(doc_id, [])
            if (selection["start"], selection["end"]) == (start, end)]
    return wanted if wanted and wanted in over else next(iter(over), None)


def _annotated(original: str, rows: list[dict[str, Any]]) -> str | None:
    wanted = original.strip("{}").lower()
    return next((row["written"] for row in rows if cell_text(row.get("guid")).strip("{}").lower() == wanted
                 and wanted), None)


def _passages(value: Any) -> list[tuple[str, int | None, int | None, str]]:
    """(doc_id, start, end, selection GUID) of each passage, from a tuple or list (as read or cached)."""
    items = value.tolist() if hasattr(value, "tolist") else value
    if not isinstance(items, (tuple, list)):
        return []
    return [(cell_text(item[0]), position(item[1]), position(item[2]), cell_text(item[3]) if len(item) > 3 else "")
            for item in items if isinstance(item, (tuple, list)) and len(item) >= 3]


def _pairs(value: Any) -> list[tuple[str, str]]:
    """(variable, value) pairs, from a tuple of pairs, a list of lists (cached) or a mapping."""
    if isinstance(value, dict):
        return [(str(key), cell_text(item)) for key, item in value.items()]
    items = value.tolist() if hasattr(value, "tolist") else value
    if not isinstance(items, (tuple, list)):
        return []
    return [(cell_text(item[0]), cell_text(item[1])) for item in items
            if isinstance(item, (tuple, list)) and len(item) == 2 and cell_text(item[0])]
