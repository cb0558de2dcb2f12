"""Sources -> documents -> a corpus with its segment table.

One private module per format; :func:`read_document` dispatches by suffix. Bad
files are reported (``Corpus.skipped``), never silently dropped, and never stop
the others from being read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from kvaleval.corpus import Corpus
from kvaleval.errors import CorpusError, Errors, KvalevalError, Warnings, warn
from kvaleval.read._metadata import Metadata, normalise_path, read_metadata
from kvaleval.read._text import Decoded
from kvaleval.records import Document
from kvaleval.segment import segment_documents

__all__ = ["FORMATS", "read_corpus", "read_document"]

FORMATS = (".txt", ".md", ".docx", ".odt", ".vtt", ".srt", ".csv", ".xlsx", ".qdpx")
METADATA_FILE = "metadata.csv"
_NOT_DOCUMENTS = {METADATA_FILE.lower(), "readme.md"}
_IGNORE_FOLDER = "_ignore"


def read_document(
    path: str | Path,
    *,
    doc_id: str | None = None,
    shown: str | None = None,
    attributes: dict[str, str] | None = None,
    id_column: str | None = None,
    text_columns: Sequence[str] | None = None,
) -> tuple[Document, list[str]]:
    """Read one file into a :class:`Document` and a list of notes about the read.

    Raises
    ------
    CorpusError
        If the file is empty, corrupt, binary or of an unsupported type.
    """
    path = Path(path)
    shown = shown or str(path)
    suffix = path.suffix.lower()
    doc_id = doc_id or path.stem
    notes: list[str] = []
    try:
        data_hash = _sha256(path)
        encoding: str | None = None
        turns = None
        if suffix in (".txt", ".md"):
            from kvaleval.read._plain import read_plain

            decoded = read_plain(path, shown=shown)
            text, encoding = decoded.text, decoded.encoding
            _decoding_notes(decoded, notes, shown)
        elif suffix == ".docx":
            from kvaleval.read._office import read_docx

            text = read_docx(path, shown=shown)
        elif suffix == ".odt":
            from kvaleval.read._office import read_odt

            text = read_odt(path, shown=shown)
        elif suffix in (".vtt", ".srt"):
            from kvaleval.read._plain import read_plain
            from kvaleval.read._subtitles import read_subtitles

            decoded = read_plain(path, shown=shown)
            encoding = decoded.encoding
            _decoding_notes(decoded, notes, shown)
            text, turns = read_subtitles(decoded.text, fmt=suffix[1:], shown=shown)
        elif suffix in (".csv", ".xlsx"):
            from kvaleval.read._survey import read_survey

            survey = read_survey(path, fmt=suffix[1:], shown=shown, id_column=id_column,
                                 text_columns=text_columns)
            text, turns = survey.text, survey.turns
            notes.extend(survey.notes)
        else:
            raise CorpusError(Errors.E004.format(suffix=suffix or "(none)", path=shown,
                                                 formats=", ".join(FORMATS)))
    except OSError as err:
        raise CorpusError(Errors.E013.format(path=shown, detail=err.strerror or err)) from err
    if not text.strip():
        raise CorpusError(Errors.E005.format(path=shown))
    document = Document(
        doc_id=doc_id,
        path=shown,
        format=suffix[1:],
        text=text,
        attributes=tuple(sorted((attributes or {}).items())),
        turns=turns,
        encoding=encoding,
        sha256=data_hash,
    )
    return document, notes


def read_corpus(
    path: str | Path,
    *,
    metadata: str | Path | None = METADATA_FILE,
    interviewers: Iterable[str] = (),
    id_column: str | None = None,
    text_columns: Sequence[str] | None = None,
    progress: bool = False,
) -> Corpus:
    """Read every supported file in a folder (recursively) into a corpus.

    Parameters
    ----------
    path : str or Path
        The corpus folder (or a single file).
    metadata : str, Path or None
        The metadata file, relative to the folder; None to ignore it.
    interviewers : iterable of str
        Speaker names that are interviewers, besides ``I``, ``Interviewer``,
        ``Moderator`` ... and the metadata column ``interviewer``.
    id_column, text_columns : optional
        For survey files: the respondent id column and the open-answer columns
        (found automatically when not given).
    progress : bool
        Show a progress bar while reading.

    Returns
    -------
    Corpus
        ``documents``, ``segments``, ``skipped`` (``path, reason``), ``notes``
        (``path, message``).

    Raises
    ------
    CorpusError
        If the folder does not exist or holds no readable document.

    Examples
    --------
    >>> import kvaleval as kv
    >>> corpus = kv.read_corpus("corpus/")          # doctest: +SKIP
    >>> corpus.segments[["segment_id", "speaker", "speaker_role"]].head()  # doctest: +SKIP
    """
    root = Path(path)
    if not root.exists():
        raise CorpusError(Errors.E001.format(path=root))
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    base = root.parent if root.is_file() else root
    skipped: list[tuple[str, str]] = []
    notes: list[tuple[str, str]] = []
    table = _read_metadata(base, metadata, notes, skipped)
    candidates = []
    for file in files:
        relative = file.relative_to(base).as_posix()
        reason = _not_a_document(file, relative, root)
        if reason == "":
            continue
        if reason:
            skipped.append((relative, reason))
            continue
        candidates.append((file, relative))
    ids = _doc_ids([relative for _, relative in candidates])
    documents: list[Document] = []
    seen_rows: set[str] = set()
    iterator = _progress(candidates, progress)
    for file, relative in iterator:
        attributes = None
        if table is not None:
            row = table.lookup(relative)
            if row is None:
                notes.append((relative, Warnings.W002.format(path=relative)))
            else:
                attributes = row
                seen_rows.add(_row_key(table, relative))
        try:
            document, read_notes = read_document(
                file, doc_id=ids[relative], shown=relative, attributes=attributes,
                id_column=id_column, text_columns=text_columns,
            )
        except KvalevalError as err:
            skipped.append((relative, str(err)))
            continue
        documents.append(document)
        notes.extend((relative, note) for note in read_notes)
    if table is not None:
        _unmatched_metadata(table, seen_rows, {rel for _, rel in candidates}, notes)
    if not documents:
        raise CorpusError(
            Errors.E003.format(path=root, formats=", ".join(FORMATS),
                               skipped="; ".join(f"{p}: {r}" for p, r in skipped) or "none")
        )
    segments, segment_notes = segment_documents(documents, interviewers=interviewers)
    notes.extend(segment_notes)
    corpus = Corpus(
        root=str(root),
        documents=tuple(documents),
        segments=segments,
        skipped=pd.DataFrame(skipped, columns=["path", "reason"]),
        notes=pd.DataFrame(notes, columns=["path", "message"]),
    )
    if skipped:
        warn(Warnings.W001.format(path=f"{len(skipped)} file(s)", reason="see corpus.skipped"))
    return corpus


def _not_a_document(file: Path, relative: str, root: Path) -> str | None:
    """None for a document; '' for a file that is silently not part of the corpus; else why skipped."""
    parts = relative.split("/")
    if _IGNORE_FOLDER in parts[:-1] or any(part.startswith(".") for part in parts):
        return ""
    name = parts[-1]
    if name.lower() in _NOT_DOCUMENTS and root.is_dir():
        return ""
    if name.startswith("~$"):
        return "an Office lock file (the document is open in Word or Excel), not a transcript"
    if file.suffix.lower() not in FORMATS:
        return Errors.E004.format(suffix=file.suffix or "(none)", path=relative, formats=", ".join(FORMATS))
    return None


def _doc_ids(relatives: list[str]) -> dict[str, str]:
    """Path without suffix; files that would share an id keep their suffix."""
    stems: dict[str, list[str]] = {}
    for relative in relatives:
        stems.setdefault(relative.rsplit(".", 1)[0], []).append(relative)
    ids = {}
    for stem, group in stems.items():
        for relative in group:
            ids[relative] = stem if len(group) == 1 else relative
    return ids


def _read_metadata(
    base: Path, metadata: str | Path | None, notes: list[tuple[str, str]], skipped: list[tuple[str, str]]
) -> Metadata | None:
    if metadata is None:
        return None
    path = base / metadata
    if not path.is_file():
        return None
    shown = Path(metadata).as_posix()
    table = read_metadata(path, shown=shown)
    for file, count in sorted(table.duplicates.items()):
        notes.append((shown, Warnings.W005.format(n=count, path=file)))
    return table


def _row_key(table: Metadata, relative: str) -> str:
    key = normalise_path(relative)
    return key if key in table.rows else key.rsplit(".", 1)[0]


def _unmatched_metadata(
    table: Metadata, seen: set[str], present: set[str], notes: list[tuple[str, str]]
) -> None:
    stems = {relative.rsplit(".", 1)[0] for relative in present}
    for key in sorted(table.rows):
        if key not in seen and key not in present and key not in stems:
            notes.append((key, Warnings.W003.format(path=key)))


def _decoding_notes(decoded: Decoded, notes: list[str], shown: str) -> None:
    if not decoded.certain:
        notes.append(Warnings.W004.format(path=shown, encoding=decoded.encoding))
    if decoded.nul_removed:
        notes.append(Warnings.W007.format(path=shown, n=decoded.nul_removed))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _progress(items: list[tuple[Path, str]], enabled: bool) -> Iterable[tuple[Path, str]]:
    if not enabled:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc="Læser", unit="fil")
