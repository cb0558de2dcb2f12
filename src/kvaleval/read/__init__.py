"""Sources -> documents -> a corpus with its segment table.

One private module per format; :func:`read_document` dispatches by suffix. Bad
files are reported (``Corpus.skipped``), never silently dropped, and never stop
the others from being read.
"""

from __future__ import annotations

import hashlib
import os
import stat
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

import pandas as pd

from kvaleval.corpus import Corpus
from kvaleval.errors import CorpusError, Errors, KvalevalError, Texts, Warnings, os_error, warn
from kvaleval.read._metadata import Metadata, read_metadata
from kvaleval.read._plain import MAX_BYTES
from kvaleval.read._text import Decoded, normalise_layout
from kvaleval.records import APPENDIX_FILE_LIST, Document, Turn
from kvaleval.segment import segment_documents

__all__ = ["FORMATS", "read_corpus", "read_document"]

FORMATS = (".txt", ".md", ".docx", ".odt", ".rtf", ".pdf", ".vtt", ".srt", ".csv", ".xlsx", ".qdpx")
METADATA_FILE = "metadata.csv"
_NOT_DOCUMENTS = {METADATA_FILE.lower(), "readme.md", "thumbs.db", "desktop.ini", "icon\r", ".ds_store"}
"""Files that are not part of the corpus, passed over silently: the metadata, a read-me, and what
Windows and macOS leave in every folder (thumbnails, folder settings, a folder's icon)."""
_IGNORE_FOLDER = "_ignore"


def read_document(
    path: str | Path,
    *,
    doc_id: str | None = None,
    shown: str | None = None,
    attributes: dict[str, str] | None = None,
    id_column: str | None = None,
    text_columns: Sequence[str] | None = None,
    max_bytes: int = MAX_BYTES,
) -> tuple[Document, list[str]]:
    """Read one file into a :class:`Document` and a list of notes about the read.

    Parameters
    ----------
    path : str or Path
        The file.
    doc_id : str, optional
        The document id (default: the file name without suffix).
    shown : str, optional
        The file as named in messages (default: ``path``).
    attributes : dict, optional
        Document attributes (from metadata.csv).
    id_column, text_columns : optional
        For survey files: the respondent id column and the open-answer columns.
    max_bytes : int
        Text files (txt, md, rtf, vtt, srt, csv) larger than this are refused (default 64 MB).

    Returns
    -------
    document : Document
        The text (and, for subtitles and surveys, the turns).
    notes : list of str
        Warnings about the read (an encoding guessed, NUL bytes removed, formulas).

    Raises
    ------
    CorpusError
        If the file is empty, corrupt, binary, too large, hostile or of an
        unsupported type. No other exception leaves this function for a bad file.
    """
    path = Path(path)
    shown = shown or str(path)
    suffix = path.suffix.lower()
    doc_id = doc_id or path.stem
    notes: list[str] = []
    try:
        data_hash = file_sha256(path)
        text, turns, encoding = _dispatch(path, suffix, shown, notes, id_column=id_column,
                                          text_columns=text_columns, max_bytes=max_bytes)
    except KvalevalError:
        raise
    except OSError as err:
        raise CorpusError(Errors.E013.format(path=shown, detail=os_error(err))) from err
    except _dependency_errors() as err:
        # The format modules translate what they know; this is the last line, so that a
        # damaged file never shows a traceback from inside a library.
        detail = f"{type(err).__name__}: {str(err)[:200]}"
        raise CorpusError(Errors.E013.format(path=shown, detail=detail)) from err
    if turns is None:
        text = normalise_layout(text)
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


@cache
def _dependency_errors() -> tuple[type[BaseException], ...]:
    """What a library may raise on a damaged file; read_document translates them into E013."""
    from xml.parsers.expat import ExpatError
    from xml.sax import SAXException

    from lxml.etree import LxmlError

    return (
        ValueError, LookupError, TypeError, AttributeError, ArithmeticError, EOFError, RuntimeError,
        SyntaxError, zipfile.BadZipFile, zlib.error, ExpatError, SAXException, LxmlError,
    )


def _dispatch(
    path: Path,
    suffix: str,
    shown: str,
    notes: list[str],
    *,
    id_column: str | None,
    text_columns: Sequence[str] | None,
    max_bytes: int,
) -> tuple[str, tuple[Turn, ...] | None, str | None]:
    """Text, turns (None for free text) and encoding of one file, by its suffix."""
    if suffix in (".txt", ".md"):
        from kvaleval.read._plain import chat_as_turns, read_plain, without_cue_times, without_line_numbers

        decoded = read_plain(path, shown=shown, max_bytes=max_bytes)
        _decoding_notes(decoded, notes, shown)
        return chat_as_turns(without_line_numbers(without_cue_times(decoded.text))), None, decoded.encoding
    if suffix == ".docx":
        from kvaleval.read._office import read_docx

        return read_docx(path, shown=shown, notes=notes), None, None
    if suffix == ".odt":
        from kvaleval.read._office import read_odt

        return read_odt(path, shown=shown, notes=notes), None, None
    if suffix == ".rtf":
        from kvaleval.read._rtf import read_rtf

        return read_rtf(path, shown=shown, notes=notes, max_bytes=max_bytes), None, None
    if suffix == ".pdf":
        from kvaleval.read._pdf import read_pdf

        return read_pdf(path, shown=shown, notes=notes), None, None
    if suffix in (".vtt", ".srt"):
        from kvaleval.read._plain import read_plain
        from kvaleval.read._subtitles import read_subtitles

        decoded = read_plain(path, shown=shown, max_bytes=max_bytes)
        _decoding_notes(decoded, notes, shown)
        text, turns = read_subtitles(decoded.text, fmt=suffix[1:], shown=shown, notes=notes)
        return text, turns, decoded.encoding
    if suffix in (".csv", ".xlsx"):
        from kvaleval.read._survey import read_survey

        survey = read_survey(path, fmt=suffix[1:], shown=shown, id_column=id_column,
                             text_columns=text_columns, max_bytes=max_bytes)
        notes.extend(survey.notes)
        return survey.text, survey.turns, None
    raise CorpusError(unsupported(suffix, shown))


_ADVICE = {
    **dict.fromkeys((".doc", ".dot", ".docm", ".pages", ".wpd", ".wps", ".fodt"), "advice_save_docx"),
    **dict.fromkeys((".xls", ".xlsm", ".xlsb", ".ods", ".numbers", ".tsv", ".sav"), "advice_save_xlsx"),
    **dict.fromkeys((".zip", ".7z", ".rar", ".gz", ".tar"), "advice_unpack"),
    **dict.fromkeys((".mp3", ".m4a", ".wav", ".ogg", ".flac", ".mp4", ".mov", ".wma", ".aac"), "advice_transcribe"),
    # a codebook, conclusions or a model given as the corpus (the arguments of code mixed up)
    **dict.fromkeys((".yaml", ".yml", ".qdc"), "advice_not_corpus"),
}


def unsupported(suffix: str, shown: str) -> str:
    """E004 for a file type kvaleval does not read, with what to do about this one."""
    advice = getattr(Texts, _ADVICE.get(suffix.lower(), "advice_save_text"))
    return Errors.E004.format(suffix=suffix or Texts.none, path=shown, advice=advice, formats=", ".join(FORMATS))


def read_corpus(
    path: str | Path,
    *,
    metadata: str | Path | None = METADATA_FILE,
    interviewers: Iterable[str] = (),
    id_column: str | None = None,
    text_columns: str | Sequence[str] | None = None,
    progress: bool = False,
    max_bytes: int = MAX_BYTES,
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
        For survey files: the respondent id column and the open-answer column(s), one name
        or a list (found automatically when not given).
    progress : bool
        Show a progress bar while reading.
    max_bytes : int
        Text files larger than this (default 64 MB) are skipped with a reason.

    Returns
    -------
    Corpus
        ``documents``, ``segments``, ``skipped`` (``path, reason``), ``notes``
        (``path, message``).

    Raises
    ------
    CorpusError
        If the folder does not exist or holds no readable document, or if
        metadata.csv cannot be read or gives one file two different rows. A
        file that cannot be read does not raise: it is listed in ``skipped``
        with the reason, and the other files are read.

    Examples
    --------
    >>> import kvaleval as kv
    >>> corpus = kv.read_corpus("corpus/")          # doctest: +SKIP
    >>> corpus.segments[["segment_id", "speaker", "speaker_role"]].head()  # doctest: +SKIP
    """
    from kvaleval._checks import check_path

    check_path(path, function="kv.read_corpus", argument="path",
               expected=Texts.arg_corpus_path, hint=Texts.arg_corpus_path_example)
    if isinstance(text_columns, str):  # one column: not its letters
        text_columns = [text_columns]
    root = Path(path)
    if not root.exists() and not root.is_symlink():
        raise CorpusError(Errors.E001.format(path=root, absolute=root.absolute(), cwd=Path.cwd()))
    base = root.parent if root.is_file() else root
    skipped: list[tuple[str, str]] = []
    notes: list[tuple[str, str]] = []
    table = _read_metadata(base, metadata, notes, nested=root.is_dir())
    if root.is_file():
        candidates = [(root, root.name)]
    elif root.is_dir():
        candidates = _find_documents(root, skipped)
    else:
        raise CorpusError(Errors.E002.format(path=root))
    ids = _doc_ids([relative for _, relative in candidates])
    interviewers = tuple(interviewers)
    documents: list[Document] = []
    found_codings: list[pd.DataFrame] = []
    project_tables: dict[str, list[pd.DataFrame]] = {"memos": [], "sets": [], "annotations": [], "cases": [],
                                                     "selections": [], "projects": []}
    seen_rows: set[str] = set()
    for file, relative in _progress(candidates, progress):
        attributes = None
        unlisted = []  # W002, noted for a file that is read (one that is skipped is listed as skipped)
        if table is not None:
            key = table.key(relative)
            if key is None:
                unlisted.append((relative, Warnings.W002.format(path=relative)))
            else:
                attributes = table.rows[key]
                seen_rows.add(key)
        if file.suffix.lower() == ".qdpx":
            notes.extend(unlisted)
            _read_project(file, relative, ids[relative], attributes, interviewers, documents, found_codings,
                          notes, skipped, project_tables)
            continue
        try:
            document, read_notes = read_document(
                file, doc_id=ids[relative], shown=relative, attributes=attributes,
                id_column=id_column, text_columns=text_columns, max_bytes=max_bytes,
            )
        except KvalevalError as err:
            skipped.append((relative, str(err)))
            continue
        documents.append(document)
        notes.extend(unlisted)
        notes.extend((relative, note) for note in read_notes)
    if table is not None:
        _unmatched_metadata(table, seen_rows, [relative for _, relative in candidates], notes)
    if not documents:
        raise CorpusError(
            Errors.E003.format(path=root, formats=", ".join(FORMATS),
                               skipped=_skipped_summary(skipped))
        )
    segments, segment_notes = segment_documents(documents, interviewers=interviewers)
    notes.extend(segment_notes)
    corpus = Corpus(
        root=str(root),
        documents=tuple(documents),
        segments=segments,
        skipped=pd.DataFrame(skipped, columns=["path", "reason"]),
        notes=pd.DataFrame(notes, columns=["path", "message"]),
        codings=pd.concat(found_codings, ignore_index=True) if found_codings else None,
    )
    for name, tables in project_tables.items():  # the memos, sets, annotations, cases of REFI-QDA projects
        found = [table for table in tables if len(table)]
        if found:
            setattr(corpus, name, pd.concat(found, ignore_index=True))
    if skipped:
        warn(Warnings.W001.format(path=Texts.files.format(n=len(skipped)), reason=Texts.see_skipped))
    return corpus


def _find_documents(root: Path, skipped: list[tuple[str, str]]) -> list[tuple[Path, str]]:
    """The documents under ``root``, sorted; files that are not read go to ``skipped`` with why.

    Hidden files and folders (``.git``, ``.DS_Store``) and folders named ``_ignore``
    are not part of the corpus and are passed over silently; Office lock files,
    links that leave the folder, links to folders, broken links, special files and
    unsupported types are reported.
    """
    resolved_root = root.resolve()
    found: list[tuple[Path, str]] = []

    def unreadable(err: OSError) -> None:
        where = Path(err.filename).relative_to(root).as_posix() if err.filename else "."
        skipped.append((where, Errors.E013.format(path=where, detail=os_error(err))))

    written: set[Path] = set()  # an appendix kvaleval wrote into the corpus folder (--out inside it)
    for folder, folders, files in os.walk(root, onerror=unreadable):
        here = Path(folder)
        if APPENDIX_FILE_LIST in files:
            listed = _appendix_files(here)
            written |= listed
            skipped.append((here.relative_to(root).as_posix(), Warnings.W028.format(n=len(listed) - 1)))
        for name in sorted(folders):
            relative = (here / name).relative_to(root).as_posix()
            if name.startswith(".") or name == _IGNORE_FOLDER:
                folders.remove(name)
            elif (here / name).is_symlink():
                skipped.append((relative, Warnings.W011))
        folders.sort()
        for name in sorted(files):
            file = here / name
            if file in written:
                continue
            relative = file.relative_to(root).as_posix()
            reason = _not_a_document(file, name, relative, resolved_root)
            if reason is None:
                found.append((file, relative))
            elif reason:
                skipped.append((relative, reason))
    return sorted(found, key=lambda item: item[1])


def _appendix_files(folder: Path) -> set[Path]:
    """The files an appendix in ``folder`` consists of: those its file list names, and the list."""
    try:
        names = (folder / APPENDIX_FILE_LIST).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        names = []
    return {folder / APPENDIX_FILE_LIST, *(folder / name for name in names if name.strip())}


def _not_a_document(file: Path, name: str, relative: str, root: Path) -> str | None:
    """None for a document; '' for a file silently not in the corpus; else why it is skipped."""
    if name.startswith(("~$", ".~lock.")):
        return Warnings.W009
    if name.startswith(".") or name.lower() in _NOT_DOCUMENTS:
        return ""
    if Path(name).stem.lower() == Path(METADATA_FILE).stem and name.lower() != METADATA_FILE:
        return Warnings.W038  # metadata.xlsx: the attributes, but not where kvaleval reads them
    if file.is_symlink():
        target = Path(os.readlink(file))
        try:
            resolved = file.resolve()
        except (RuntimeError, OSError):  # a loop of links ("Symlink loop"; OSError ELOOP in newer Pythons)
            return Warnings.W012.format(target=target)
        if not resolved.exists():
            return Warnings.W012.format(target=target)
        if not resolved.is_relative_to(root):
            return Warnings.W010.format(target=resolved)
    try:
        mode = file.stat().st_mode
    except OSError as err:
        return Errors.E013.format(path=relative, detail=os_error(err))
    if not stat.S_ISREG(mode):
        return Warnings.W013
    if file.suffix.lower() not in FORMATS:
        return unsupported(file.suffix, str(relative))
    return None


def _skipped_summary(skipped: list[tuple[str, str]], *, shown: int = 5) -> str:
    if not skipped:
        return Texts.no_files_read
    listed = "; ".join(f"{path}: {_without_formats(reason)}" for path, reason in skipped[:shown])
    more = len(skipped) - shown
    return listed + (Texts.and_more.format(n=more) if more > 0 else "")


def _without_formats(reason: str) -> str:
    """An E004 reason without its last sentence, the list of formats E003 gives once already."""
    formats = ", ".join(FORMATS) + "."
    if not reason.endswith(formats):
        return reason
    cut = reason.rfind(". ", 0, len(reason) - len(formats))
    return reason[: cut + 1] if cut >= 0 else reason


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
    base: Path, metadata: str | Path | None, notes: list[tuple[str, str]], *, nested: bool = False
) -> Metadata | None:
    """The metadata table; with ``nested``, every ``metadata.csv`` of the sub-folders too, each
    naming files relative to its own folder (``interviews/metadata.csv`` names ``borger02.txt``)."""
    if metadata is None:
        return None
    if nested and Path(metadata).as_posix() == METADATA_FILE:
        paths = metadata_files(base)
    else:
        paths = [Path(metadata)] if (base / metadata).is_file() else []
    tables: list[tuple[str, Metadata]] = []
    for relative in paths:
        shown = relative.as_posix()
        table = read_metadata(base / relative, shown=shown)
        notes.extend((shown, note) for note in table.notes)
        for file, count in sorted(table.duplicates.items()):
            notes.append((shown, Warnings.W005.format(n=count, path=file)))
        folder = relative.parent.as_posix()
        tables.append((shown, table if folder == "." else table.under(folder)))
    if not tables:
        return None
    merged = tables[0][1]
    for shown, table in tables[1:]:
        merged = merged.merged(table, shown=shown)
    return merged


def metadata_files(folder: Path) -> list[Path]:
    """The ``metadata.csv`` files of a corpus folder, relative to it: its own first, then those of
    its sub-folders (not in hidden folders or ``_ignore``), as :func:`read_corpus` reads them."""
    found = sorted(path.relative_to(folder) for path in folder.rglob(METADATA_FILE) if path.is_file())
    found = [path for path in found
             if not any(part.startswith(".") or part == _IGNORE_FOLDER for part in path.parts[:-1])]
    return sorted(found, key=lambda path: (len(path.parts) > 1, path.as_posix()))


def _unmatched_metadata(
    table: Metadata, seen: set[str], present: list[str], notes: list[tuple[str, str]]
) -> None:
    """Rows of metadata.csv naming no file found (files found but not read are in ``skipped``)."""
    found = {table.key(relative) for relative in present}
    for key in sorted(table.rows):
        if key not in seen and key not in found:
            notes.append((key, Warnings.W003.format(path=key)))


def _decoding_notes(decoded: Decoded, notes: list[str], shown: str) -> None:
    if decoded.mixed_bytes:
        notes.append(Warnings.W008.format(path=shown, n=decoded.mixed_bytes))
    elif not decoded.certain:
        notes.append(Warnings.W004.format(path=shown, encoding=decoded.encoding))
    if decoded.nul_removed:
        notes.append(Warnings.W007.format(path=shown, n=decoded.nul_removed))
    if decoded.repaired:
        notes.append(Warnings.W048.format(path=shown, n=decoded.repaired))


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes, hexadecimal (read in 1 MB blocks)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _progress(items: list[tuple[Path, str]], enabled: bool) -> Iterable[tuple[Path, str]]:
    if not enabled:
        return items
    from kvaleval._progress import progress_bar

    return progress_bar(items, desc="Læser", unit="fil")


def _read_project(
    file: Path,
    relative: str,
    doc_id: str,
    attributes: dict[str, str] | None,
    interviewers: tuple[str, ...],
    documents: list[Document],
    codings: list[pd.DataFrame],
    notes: list[tuple[str, str]],
    skipped: list[tuple[str, str]],
    project_tables: dict[str, list[pd.DataFrame]],
) -> None:
    """A REFI-QDA project in the corpus folder: its sources become documents; its codings, memos
    and sets are kept."""
    from dataclasses import replace

    from kvaleval.refi._import import import_project

    try:
        imported = import_project(file, shown=relative, doc_prefix=doc_id, interviewers=interviewers)
    except KvalevalError as err:
        skipped.append((relative, str(err)))
        return
    found = imported.documents
    if attributes:
        found = [replace(d, attributes=tuple(sorted({**dict(attributes), **d.attributes_dict()}.items())))
                 for d in found]
        # the project's own cases are written instead of one per respondent: they carry the metadata
        # file's values too (those they lack), else no case would
        imported.cases["variables"] = [
            (*variables, *((name, value) for name, value in attributes.items() if name not in dict(variables)))
            for variables in imported.cases["variables"]
        ]
    documents.extend(found)
    codings.append(imported.codings)
    for name, tables in project_tables.items():
        tables.append(getattr(imported, name))
    notes.extend((relative, note) for _, note in imported.notes)
    notes.extend((relative, reason) for _, reason in imported.skipped)

