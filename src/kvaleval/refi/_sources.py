"""The text of each REFI-QDA source, read from the archive in memory.

``internal://`` paths are looked up in ``sources/`` or ``Sources/`` (any case)
and at the archive root; ``relative://`` and ``absolute://`` paths point outside
the archive and are reported, never followed. A text file that is empty while
a Word representation exists (NVivo Mac writes 1-byte ``.txt`` files) is
replaced by the Word file's text.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from kvaleval.errors import ExchangeError, Texts, Warnings
from kvaleval.refi._archive import ArchiveLimits, ProjectArchive
from kvaleval.refi._offsets import decode_source
from kvaleval.refi._project import RawSource

_SCHEME = re.compile(r"^(internal|relative|absolute):/*(.*)$", re.IGNORECASE)
_RESERVED = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')
DOCUMENT_SUFFIXES = (".txt", ".docx", ".doc", ".rtf", ".odt", ".pdf", ".md", ".html", ".htm")


@dataclass
class SourceText:
    """The stored text of a source (line ends as stored), or why there is none."""

    raw: str | None
    member: str = ""
    encoding: str = ""
    notes: tuple[str, ...] = ()
    reason: str | None = None


def load_text(archive: ProjectArchive | None, source: RawSource, *, shown: str, limits: ArchiveLimits) -> SourceText:
    """Read a source's text; ``reason`` says why not when it cannot be read."""
    label = source.name or source.guid
    found: SourceText | None = None
    codings = sum(len(selection.codings) for selection in source.selections) + len(source.whole_codings)
    if source.plain_path:
        found = _from_path(archive, source.plain_path, label, codings)
        if found.raw is None and source.inline_text is None:
            return found
    if (found is None or found.raw is None) and source.inline_text is not None:
        found = SourceText(source.inline_text, member="PlainTextContent", encoding="utf-8")
    if found is None:
        return SourceText(None, reason=Warnings.W613.format(source=label, member=Texts.no_plain_text_path, n=codings))
    if found.raw is not None and not found.raw.strip() and source.rich_path and archive is not None:
        rich = _member(archive, source.rich_path)
        if rich and rich.lower().endswith(".docx"):
            text = docx_text(archive.read(rich), shown=f"{shown}#{rich}", limits=limits)
            if text.strip():
                return SourceText(
                    text,
                    member=rich,
                    encoding="docx",
                    notes=(Warnings.W614.format(source=label, member=rich),),
                )
    if found.raw is not None and not found.raw.strip():
        return SourceText(None, reason=Warnings.W620.format(source=label))
    return found


def _from_path(archive: ProjectArchive | None, value: str, label: str, codings: int) -> SourceText:
    match = _SCHEME.match(value.strip())
    if not match or match.group(1).lower() != "internal":
        return SourceText(None, reason=Warnings.W621.format(source=label, path=value))
    if archive is None:
        return SourceText(None, reason=Warnings.W613.format(source=label, member=match.group(2), n=codings))
    member = _member(archive, value)
    if member is None:
        return SourceText(None, reason=Warnings.W613.format(source=label, member=match.group(2), n=codings))
    decoded = decode_source(archive.read(member))
    notes = []
    if not decoded.encoding.startswith("utf-8"):
        notes.append(Warnings.W617.format(source=label, encoding=decoded.encoding))
    if decoded.stray:
        notes.append(Warnings.W627.format(source=label, n=decoded.stray))
    if decoded.replaced:
        notes.append(Warnings.W628.format(source=label, n=decoded.replaced, encoding=decoded.encoding))
    return SourceText(decoded.text, member=member, encoding=decoded.encoding, notes=tuple(notes))


def _member(archive: ProjectArchive, value: str) -> str | None:
    match = _SCHEME.match(value.strip())
    if not match or match.group(1).lower() != "internal":
        return None
    name = match.group(2).replace("\\", "/")
    if not name or ".." in name.split("/"):
        return None
    return archive.find_source(name) or archive.find_source(name.rsplit("/", 1)[-1])


def docx_text(data: bytes, *, shown: str, limits: ArchiveLimits) -> str:
    """Paragraphs (and table rows) of a Word file held in memory, one per line.

    Raises
    ------
    ExchangeError
        If the Word file is not a valid, bounded zip.
    """
    import docx
    from docx.table import Table
    from lxml.etree import XMLSyntaxError

    ProjectArchive(io.BytesIO(data), shown=shown, limits=limits).close()
    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(" ".join(cell.text for cell in row.cells) for row in block.rows)
            else:
                lines.append(block.text)
    except (KeyError, ValueError, zipfile.BadZipFile, XMLSyntaxError) as err:
        from kvaleval.errors import Errors

        raise ExchangeError(Errors.E601.format(path=shown, detail=Texts.not_word.format(error=err))) from None
    return "\n".join(line.replace("\r\n", "\n").replace("\r", "\n") for line in lines) + "\n"


def doc_id_from_name(name: str) -> str:
    """A path-safe doc_id: no control or reserved characters, no '..', no leading '/'."""
    parts = []
    for part in name.replace("\\", "/").split("/"):
        part = " ".join(_RESERVED.sub("_", part).split()).strip(".")
        if part:
            parts.append(part)
    return "/".join(parts)


def without_suffix(name: str) -> str:
    lowered = name.lower()
    for suffix in DOCUMENT_SUFFIXES:
        if lowered.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def name_ids(names: list[str]) -> list[str]:
    """doc_ids for source names: without suffix, unless two would then be the same."""
    ids = [doc_id_from_name(without_suffix(name)) or "kilde" for name in names]
    return [
        doc_id_from_name(name) or doc_id if ids.count(doc_id) > 1 else doc_id
        for name, doc_id in zip(names, ids, strict=True)
    ]


def make_unique(ids: list[str]) -> list[str]:
    """The ids, with '-2', '-3' ... added to repeats."""
    taken: set[str] = set()
    result = []
    for doc_id in ids:
        candidate, number = doc_id, 1
        while candidate in taken:
            number += 1
            candidate = f"{doc_id}-{number}"
        taken.add(candidate)
        result.append(candidate)
    return result
