"""A loss audit of REFI-QDA exchange: a project read and written again, compared element by element.

Every element of the original ``project.qde`` that has a GUID (and the project itself) is looked up in the
project kvaleval writes (read with :func:`kvaleval.read_qdpx`, written with :func:`kvaleval.write_qdpx`
and its own codebook), and its attributes, its text (``Description``, ``PlainTextContent``), its
parent and its references (``CodeRef``, ``NoteRef``, ``SourceRef``, ``SelectionRef``, ``Member*``,
``VariableValue``) are compared. Positions are compared as the text they cover (kvaleval writes
code points into LF text; a tool may count UTF-16 units or CRLF as two). Each difference is one
line, ``kind guid: what``, so that a test can say which losses are known and documented.
"""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

from kvaleval.coded import Coded
from kvaleval.errors import KvalevalWarning
from kvaleval.refi import read_qdpx, read_qdpx_codebook, write_qdpx

TIMES = ("creationDateTime", "modifiedDateTime", "modifyingUser")
"""Not carried (W640): kvaleval stamps every element with one time (memos keep theirs)."""
PATHS = ("plainTextPath", "richTextPath", "path", "currentPath")
"""Rewritten: kvaleval stores each text as ``sources/<guid>.txt``."""
PROJECT_STAMP = ("origin", "creatingUserGUID", "modifyingUserGUID", "basePath")
"""The project's own: the program that wrote it (kvaleval), who made and changed it (W640), and the folder
of sources outside the archive, which kvaleval never follows."""
_REFERENCES = ("CodeRef", "NoteRef", "SourceRef", "SelectionRef", "MemberSource", "MemberCode", "MemberNote")
_TEXTS = ("Description", "PlainTextContent")


def local(node: ET.Element) -> str:
    return node.tag.rpartition("}")[2]


def norm(value: str | None) -> str:
    return (value or "").strip().strip("{}").lower()


def _quiet(function, *args, **options):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        return function(*args, **options)


def written_again(source: Path, out: Path) -> Path:
    """``source`` read with kvaleval and written again to ``out`` with its own codebook, quietly."""
    corpus, codings = _quiet(read_qdpx, source)
    return _quiet(write_qdpx, Coded(corpus=corpus, codebook=_quiet(read_qdpx_codebook, source), codings=codings), out)


def qde(path: Path) -> ET.Element:
    if path.suffix.lower() == ".qde":
        return ET.fromstring(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.lower().endswith(".qde"))
        return ET.fromstring(archive.read(name))


def written_text(path: Path, guid: str) -> str:
    """The text of a source kvaleval wrote (``sources/<guid>.txt``), or "" if there is none."""
    with zipfile.ZipFile(path) as archive:
        name = f"sources/{guid}.txt"
        return archive.read(name).decode("utf-8") if name in archive.namelist() else ""


def elements(root: ET.Element) -> dict[str, dict[str, Any]]:
    """GUID -> tag, attributes, texts, parent GUID, references and variable values of each element."""
    found: dict[str, dict[str, Any]] = {}

    def walk(node: ET.Element, parent: str) -> None:
        own = norm(node.get("guid")) or ("project" if local(node) == "Project" else "")  # its name, memos
        if own:
            found.setdefault(own, {
                "tag": local(node),
                "attributes": {key: (norm(value) if key in ("creatingUser", "targetGUID") else value)
                               for key, value in node.attrib.items() if key != "guid"},
                "texts": {local(c): (c.text or "") for c in node if local(c) in _TEXTS},
                "parent": parent,
                "references": sorted((local(c), norm(c.get("targetGUID"))) for c in node if local(c) in _REFERENCES),
                "values": sorted(
                    (norm(ref.get("targetGUID")), local(c[1]), (c[1].text or "").strip())
                    for c in node if local(c) == "VariableValue" and len(c) > 1
                    for ref in c if local(ref) == "VariableRef"
                ),
            })
        for child in node:
            walk(child, own or parent)

    walk(root, "")
    return found


def audit(original: Path, tmp: Path) -> tuple[list[str], Path]:
    """The losses of reading ``original`` and writing it again (one line each), and the file written."""
    corpus, codings = _quiet(read_qdpx, original)
    codebook = _quiet(read_qdpx_codebook, original)
    written = _quiet(write_qdpx, Coded(corpus=corpus, codebook=codebook, codings=codings), tmp / "audit.qdpx")
    before, after = elements(qde(original)), elements(qde(written))
    # where each selection read stands in kvaleval's text (code points, LF), for its positions
    spans = {norm(row["guid"]): (row["doc_id"], row["start"], row["end"])
             for table in (corpus.selections, corpus.annotations) for row in table.to_dict("records")}
    texts = corpus.texts
    losses = []
    for guid, old in before.items():
        new = after.get(guid)
        kind = old["tag"]
        if new is None:
            losses.append(f"{kind} {guid}: missing (in {old['parent']})")
            continue
        if new["tag"] != kind:
            losses.append(f"{kind} {guid}: written as {new['tag']}")
        for key, value in old["attributes"].items():
            if key in TIMES or key in PATHS or (kind == "Project" and key in PROJECT_STAMP):
                continue
            if key in ("startPosition", "endPosition") and guid in spans:
                doc_id, start, end = spans[guid]
                expected = str(start if key == "startPosition" else end)
                if new["attributes"].get(key) != expected:
                    text = texts[doc_id]
                    losses.append(f"{kind} {guid}: {key} covers {text[start:end]!r} -> "
                                  f"{text[int(new['attributes']['startPosition']):int(new['attributes']['endPosition'])]!r}")
                continue
            if key in ("startPosition", "endPosition"):
                continue  # a selection in a source that was not read is missing anyway
            if new["attributes"].get(key) != value:
                losses.append(f"{kind} {guid}: {key} {value!r} -> {new['attributes'].get(key)!r}")
        for key, value in old["texts"].items():
            now = new["texts"].get(key, "").replace("\r\n", "\n")
            if kind == "TextSource" and key == "PlainTextContent":  # kvaleval writes the text as a file
                now = written_text(written, guid)
            if value.strip() and now != value.replace("\r\n", "\n") and not (
                kind == "Project" and now.startswith(value.strip())
            ):
                losses.append(f"{kind} {guid}: {key} {value[:40]!r} -> {now[:40]!r}")
        if new["parent"] != old["parent"]:
            losses.append(f"{kind} {guid}: parent {old['parent']} -> {new['parent']}")
        for reference in old["references"]:
            if reference not in new["references"]:
                losses.append(f"{kind} {guid}: {reference[0]} {reference[1]} missing")
        for value in old["values"]:
            if value not in new["values"]:
                losses.append(f"{kind} {guid}: VariableValue {value} missing")
    return losses, written
