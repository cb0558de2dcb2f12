"""Read REFI-QDA projects (``.qdpx``) from NVivo, ATLAS.ti, MAXQDA, QualCoder or kvaleval."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from kvaleval.corpus import Corpus
from kvaleval.errors import Warnings, warn
from kvaleval.records import Codebook, Document
from kvaleval.refi._archive import ArchiveLimits
from kvaleval.refi._import import import_project, open_project
from kvaleval.segment import segment_documents


def read_qdpx(
    path: str | Path, *, interviewers: Iterable[str] = (), limits: ArchiveLimits | None = None
) -> tuple[Corpus, pd.DataFrame]:
    """Read a REFI-QDA project into a corpus and the codings it holds.

    Every text source becomes a document (PDF sources through their text
    representation); pictures, audio and video are listed in ``corpus.skipped``.
    The doc_id is the source's name without a document suffix, made path-safe
    and unique. A project kvaleval wrote gives back exactly the segments it was
    written with (kept in a note, see :mod:`kvaleval.refi._segments`); any other
    project is segmented by kvaleval's own segmenter, and its respondent turns
    are split where its coded selections begin and end (pieces ``doc#3.1``,
    ``doc#3.2`` keep the turn's ``turn_index``), so each selection is a union of
    whole segments and :func:`write_qdpx` writes it back as it was. Selection offsets are
    converted to code points into the document text with LF line ends,
    whatever the tool counted (NVivo counts UTF-16 code units; CRLF counts 2 in
    NVivo and MAXQDA, 1 in ATLAS.ti); a BOM is dropped.

    A selection codes every respondent segment it overlaps with at least one
    non-space character (in a kvaleval project, a selection that is exactly a
    segment codes that segment). The coder is the REFI user who made the
    coding. Selections that lie outside their source or split a character,
    unknown codes and unreadable sources are reported in ``corpus.notes`` /
    ``corpus.skipped`` and in one warning, never raised.

    Parameters
    ----------
    path : str or Path
        The ``.qdpx`` file (a bare ``.qde`` is read too; its sources are then missing).
    interviewers : iterable of str
        Speaker names that are interviewers, for segmenting foreign sources.
    limits : ArchiveLimits, optional
        Bounds on the archive (members, sizes); the defaults suit real projects.

    Returns
    -------
    corpus : Corpus
        ``documents``, ``segments``, ``skipped``, ``notes``, ``codings``, and the project's
        memos (``Notes``) and sets (``Sets``) in ``memos`` and ``sets``, their references as
        doc_ids and code names, and its selections without a code (annotations) in
        ``annotations``, so that :func:`write_qdpx` writes them again.
    codings : DataFrame
        ``segment_id, doc_id, code, coder, score, valence, why``: one row per
        (segment, code, coder). ``score`` is 1.0 for human codings (a kvaleval
        project gives back the scores, valences and reasons it was written with);
        ``why`` is the selection's memo.

    Raises
    ------
    ExchangeError
        If the file is not a readable project: not a zip, unsafe member names
        (``..``, absolute paths), too many or too large members (zip bomb), XML
        with a DTD or entities (XXE, billion laughs), no ``.qde``. The message
        names the member.

    Examples
    --------
    >>> corpus, gold = kv.read_qdpx("kodning/nvivo-eksport.qdpx")   # doctest: +SKIP
    >>> gold.groupby("coder").size()                                # doctest: +SKIP
    """
    shown = str(path)
    imported = import_project(path, shown=shown, interviewers=interviewers, limits=limits)
    segments, _ = segment_documents(imported.documents, interviewers=interviewers)
    corpus = Corpus(
        root=shown,
        documents=tuple(imported.documents),
        segments=segments,
        skipped=pd.DataFrame(imported.skipped, columns=["path", "reason"]),
        notes=pd.DataFrame(imported.notes, columns=["path", "message"]),
        codings=imported.codings,
        memos=imported.memos,
        sets=imported.sets,
        annotations=imported.annotations,
        cases=imported.cases,
        selections=imported.selections,
        projects=imported.projects,
    )
    problems = len(imported.notes) + len(imported.skipped)
    if problems:
        warn(Warnings.W602.format(path=shown, n=problems))
    return corpus, imported.codings.copy()


def read_qdpx_documents(
    path: str | Path,
    *,
    shown: str | None = None,
    doc_prefix: str | None = None,
    interviewers: Iterable[str] = (),
    limits: ArchiveLimits | None = None,
) -> tuple[list[Document], pd.DataFrame, list[str]]:
    """The documents and codings of a ``.qdpx`` found in a corpus folder (``read_corpus`` itself also
    keeps the project's memos, sets and annotations; see :func:`read_qdpx`).

    Parameters
    ----------
    path : str or Path
        The ``.qdpx`` file.
    shown : str, optional
        How to name the file in notes (its path relative to the corpus folder).
    doc_prefix : str, optional
        Put before every doc_id with a '/', e.g. the project's own doc_id
        (``projekter/nvivo``), so that documents from several projects and
        from the folder do not collide.
    interviewers : iterable of str
        Interviewer names, as given to ``read_corpus``.
    limits : ArchiveLimits, optional
        Bounds on the archive.

    Returns
    -------
    documents : list of Document
        With ``turns`` set (roles decided), so that ``segment_documents`` gives
        the segment ids the codings refer to.
    codings : DataFrame
        ``segment_id, doc_id, code, coder, score, valence, why``.
    notes : list of str
        What was tolerated, converted or skipped (sources that could not be read included).

    Raises
    ------
    ExchangeError
        If the file is not a readable or not a safe project.
    """
    imported = import_project(path, shown=shown, doc_prefix=doc_prefix, interviewers=interviewers, limits=limits)
    notes = [message for _, message in imported.notes] + [reason for _, reason in imported.skipped]
    return imported.documents, imported.codings, notes


def read_qdpx_selections(path: str | Path, *, limits: ArchiveLimits | None = None) -> pd.DataFrame:
    """The raw selections of a project, one row per (selection, code).

    Returns
    -------
    DataFrame
        ``doc_id, start, end, code, coder, text``: offsets converted to code
        points into the LF text (as in :func:`read_qdpx`), ``text`` the covered
        text. A selection without a coding (an annotation) has ``code == ""``;
        a selection whose source is missing keeps its stored offsets and has no
        ``text``.
    """
    imported = import_project(path, limits=limits)
    return imported.raw_selections


def read_qdpx_codebook(path: str | Path, *, limits: ArchiveLimits | None = None) -> Codebook:
    """The codebook of a project (named after the project), without reading its sources.

    Tolerated irregularities (namespace variants, colours) are reported in one warning.
    """
    shown = str(path)
    raw, archive = open_project(Path(path), shown=shown, limits=limits or ArchiveLimits())
    if archive is not None:
        archive.close()
    if raw.tolerated:
        warn(Warnings.W601.format(path=shown, items="; ".join(raw.tolerated)))
    return raw.codebook
