"""A read corpus kept on disk, to code again without reading again (``kvaleval code --cache DIR``).

Reading and segmenting 10M words takes about 3.5 s; checking that no file changed (a
SHA-256 of every file) and loading the kept corpus takes about 1-1.5 s, most of it
rebuilding the documents' turns (``benchmarks/bench_segment_cache.py``). The key is the
content of every file the reader may read under the corpus folder, the metadata file, the
reading options and kvaleval's own code: any change reads again, and the entry of the
folder's earlier files is removed. The whole corpus is kept (documents with their turns,
the segment table, skipped files, notes, imported codings), written to a temporary
folder and renamed into place, so a kept corpus is whole or absent; one that cannot
be loaded is read again and replaced.

The cache holds the transcripts' text: it lives where the user says (``DIR``), never
in a place kvaleval picks.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from importlib import metadata as package_metadata
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from kvaleval._gc import without_gc
from kvaleval.corpus import Corpus
from kvaleval.frames import (
    ANNOTATION_COLUMNS,
    CASE_COLUMNS,
    CODED_SELECTION_COLUMNS,
    MEMO_COLUMNS,
    PROJECT_COLUMNS,
    SET_COLUMNS,
)
from kvaleval.read import _IGNORE_FOLDER, MAX_BYTES, METADATA_FILE, file_sha256, read_corpus
from kvaleval.records import Document, Turn

SCHEMA = 9  # 9: corpus.selections gained "why" (session 19)
_TABLES = ("segments", "skipped", "notes")
_PROJECT_TABLES = {"memos": MEMO_COLUMNS, "sets": SET_COLUMNS, "annotations": ANNOTATION_COLUMNS,
                   "cases": CASE_COLUMNS, "selections": CODED_SELECTION_COLUMNS, "projects": PROJECT_COLUMNS}
"""Kept as JSON: their cells are tuples of names (a list in JSON)."""


class CachedRead(NamedTuple):
    """What :func:`read_corpus_cached` did: the corpus, whether it came from the cache, and
    whether it is in the cache now (False when the cache folder could not be written)."""

    corpus: Corpus
    cached: bool
    saved: bool


def read_corpus_cached(
    path: str | Path,
    cache: str | Path,
    *,
    metadata: str | Path | None = METADATA_FILE,
    interviewers: Iterable[str] = (),
    id_column: str | None = None,
    text_columns: Sequence[str] | None = None,
    progress: bool = False,
    max_bytes: int = MAX_BYTES,
) -> CachedRead:
    """:func:`kvaleval.read_corpus`, or the corpus kept in ``cache`` from an earlier read of the same files.

    Returns
    -------
    CachedRead
        ``(corpus, cached, saved)``: the corpus, whether it came from the cache, and whether it is
        kept in the cache now.
    """
    interviewers = list(interviewers)
    options = {"metadata": str(metadata) if metadata is not None else None, "interviewers": interviewers,
               "id_column": id_column, "text_columns": list(text_columns) if text_columns is not None else None,
               "max_bytes": max_bytes}
    folder = Path(cache) / corpus_key(Path(path), options)
    if folder.is_dir():
        try:
            return CachedRead(load(folder, root=Path(path)), True, True)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):  # damaged or foreign: read again
            pass
    corpus = read_corpus(path, metadata=metadata, interviewers=interviewers, id_column=id_column,
                         text_columns=text_columns, progress=progress, max_bytes=max_bytes)
    try:
        save(corpus, folder, about={"source": str(Path(path).resolve()), "options": options})
    except OSError:
        return CachedRead(corpus, False, False)  # a cache that cannot be written is only a slower next run
    _forget_older(folder)
    return CachedRead(corpus, False, True)


def _forget_older(folder: Path) -> None:
    """Remove the entries an earlier read of the same folder with the same options left: the files
    have changed since, and an entry would keep the text of a transcript deleted from the corpus."""
    mine = _about(folder)
    for other in folder.parent.iterdir():
        if other == folder or other.name.startswith(".") or not other.is_dir():
            continue
        theirs = _about(other)
        if theirs.get("source") == mine.get("source") and theirs.get("options") == mine.get("options"):
            shutil.rmtree(other, ignore_errors=True)


def _about(folder: Path) -> dict[str, Any]:
    try:
        about = json.loads((folder / "corpus.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return about if isinstance(about, dict) else {}


def corpus_key(path: Path, options: dict[str, Any]) -> str:
    """SHA-256 of kvaleval's own code, the reading options and the path and content of every file
    the reader may read (not in hidden folders or ``_ignore``, as :func:`kvaleval.read_corpus`)."""
    digest = hashlib.sha256(json.dumps(
        {"schema": SCHEMA, "kvaleval": package_metadata.version("kvaleval"), "code": code_digest(),
         "libraries": reading_libraries(), "options": options}, sort_keys=True
    ).encode())
    root = path if path.is_dir() else path.parent
    files = _files(path) if path.is_dir() else [path]
    meta = options.get("metadata")
    if meta:
        given = Path(meta) if Path(meta).is_absolute() else root / meta
        if given.is_file() and given not in files:
            files.append(given)
    for file in files:
        digest.update(os.fsencode(os.path.relpath(file, root)) + b"\0" + file_sha256(file).encode() + b"\0")
    return digest.hexdigest()


_READING_LIBRARIES = ("pypdf", "striprtf", "python-docx", "odfpy", "openpyxl", "webvtt-py", "charset-normalizer")


def reading_libraries() -> dict[str, str]:
    """The versions of the libraries that turn files into text: a newer pypdf may set a PDF's lines
    apart otherwise, and a kept corpus is then read again."""
    versions = {}
    for name in _READING_LIBRARIES:
        try:
            versions[name] = package_metadata.version(name)
        except package_metadata.PackageNotFoundError:
            versions[name] = ""
    return versions


def code_digest() -> str:
    """SHA-256 of kvaleval's own source files: after an update of the code that reads (an editable
    install's ``git pull`` keeps the version number), a kept corpus is read again."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for file in sorted(package.rglob("*.py")):
        digest.update(file.relative_to(package).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def _files(folder: Path) -> list[Path]:
    """The files under ``folder`` outside hidden folders and ``_ignore`` (a cache kept inside the
    corpus folder, ``.kvcache``, is then no part of its own key)."""
    found: list[Path] = []
    for here, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith(".") and name != _IGNORE_FOLDER)
        found.extend(Path(here) / name for name in files if (Path(here) / name).is_file())
    return sorted(found)


def save(corpus: Corpus, folder: Path, about: dict[str, Any] | None = None) -> None:
    """Write ``corpus`` to ``folder`` whole (a temporary folder beside it, then renamed); ``about``
    is kept with it (where it was read from, and how)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}."))
    try:
        for name in _TABLES:
            getattr(corpus, name).to_parquet(temporary / f"{name}.parquet")
        if corpus.codings is not None:
            corpus.codings.to_parquet(temporary / "codings.parquet")
        for name in _PROJECT_TABLES:
            rows = getattr(corpus, name).to_dict(orient="records")
            (temporary / f"{name}.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        documents, turns = _document_tables(corpus.documents)
        documents.to_parquet(temporary / "documents.parquet")
        turns.to_parquet(temporary / "turns.parquet")
        (temporary / "corpus.json").write_text(json.dumps({**(about or {}), "schema": SCHEMA, "root": corpus.root}),
                                               encoding="utf-8")
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(temporary, folder)
    finally:
        if temporary.exists():
            shutil.rmtree(temporary, ignore_errors=True)


@without_gc  # hundreds of thousands of turns: acyclic records
def load(folder: Path, root: Path | None = None) -> Corpus:
    """The corpus :func:`save` wrote to ``folder``; ``root``: the folder it is read for now (two copies
    of one corpus share an entry, and each is itself in the run's manifest)."""
    about = json.loads((folder / "corpus.json").read_text(encoding="utf-8"))
    if not isinstance(about, dict) or about.get("schema") != SCHEMA:
        raise ValueError(f"cache schema {about.get('schema')!r}")
    tables = {name: pd.read_parquet(folder / f"{name}.parquet") for name in _TABLES}
    codings_file = folder / "codings.parquet"
    codings = pd.read_parquet(codings_file) if codings_file.exists() else None
    documents = _documents(pd.read_parquet(folder / "documents.parquet"), pd.read_parquet(folder / "turns.parquet"))
    corpus = Corpus(root=str(root) if root is not None else about["root"], documents=documents, codings=codings,
                    **tables)
    for name, columns in _PROJECT_TABLES.items():
        rows = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        if rows:
            table = pd.DataFrame(rows, columns=list(columns))
            for column in columns:
                if isinstance(rows[0][column], list):
                    table[column] = table[column].map(tuple)
            setattr(corpus, name, table)
    return corpus


def _document_tables(documents: Sequence[Document]) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = pd.DataFrame({
        "doc_id": [d.doc_id for d in documents],
        "path": [d.path for d in documents],
        "format": [d.format for d in documents],
        "text": [d.text for d in documents],
        "attributes": [json.dumps(d.attributes) for d in documents],
        "has_turns": [d.turns is not None for d in documents],
        "encoding": pd.Series([d.encoding for d in documents], dtype=object),
        "sha256": [d.sha256 for d in documents],
        "guid": pd.Series([d.guid for d in documents], dtype=object),
        "description": [d.description for d in documents],
        "source_variables": [json.dumps(d.source_variables) for d in documents],
        "source_name": [d.source_name for d in documents],
    })
    turns = [(index, turn) for index, d in enumerate(documents) for turn in d.turns or ()]
    table = pd.DataFrame({
        "document": pd.Series([index for index, _ in turns], dtype="int64"),
        "speaker": pd.Series([t.speaker for _, t in turns], dtype=object),
        "start": pd.Series([t.start for _, t in turns], dtype="int64"),
        "end": pd.Series([t.end for _, t in turns], dtype="int64"),
        "role": pd.Series([t.role for _, t in turns], dtype=object),
        "time": pd.Series([t.time for _, t in turns], dtype=object),
        "attributes": pd.Series([json.dumps(t.attributes) for _, t in turns], dtype=object),
        "question": pd.Series([t.question for _, t in turns], dtype=object),
        "part": pd.Series([t.part for _, t in turns], dtype="int64"),
    })
    return rows, table


def _documents(rows: pd.DataFrame, turns: pd.DataFrame) -> tuple[Document, ...]:
    pairs = _Pairs()
    by_document: dict[int, list[Turn]] = {}
    columns = [turns[name].tolist() for name in
               ("document", "speaker", "start", "end", "role", "time", "attributes", "question", "part")]
    for document, speaker, start, end, role, time, attributes, question, part in zip(*columns, strict=True):
        by_document.setdefault(document, []).append(
            Turn(speaker, start, end, _text(role), _text(time), pairs(attributes), _text(question), part)
        )
    fields = [rows[name].tolist() for name in
              ("doc_id", "path", "format", "text", "attributes", "has_turns", "encoding", "sha256", "guid",
               "description", "source_variables", "source_name")]
    return tuple(
        Document(doc_id, path, fmt, text, pairs(attributes),
                 tuple(by_document.get(index, ())) if has_turns else None, _text(encoding), sha256, _text(guid),
                 description, pairs(source_variables), source_name)
        for index, (doc_id, path, fmt, text, attributes, has_turns, encoding, sha256, guid, description,
                    source_variables, source_name)
        in enumerate(zip(*fields, strict=True))
    )


class _Pairs:
    """JSON attribute pairs back to tuples, each distinct text parsed once (a survey's rows repeat theirs)."""

    def __init__(self) -> None:
        self.seen: dict[str, tuple[tuple[str, str], ...]] = {}

    def __call__(self, value: str) -> tuple[tuple[str, str], ...]:
        found = self.seen.get(value)
        if found is None:
            found = self.seen[value] = tuple((str(key), str(item)) for key, item in json.loads(value))
        return found


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
