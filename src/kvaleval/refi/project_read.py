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
from kvaleval.refi.codebook import say_changes
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
    if raw.written_codes is not None:  # a project kvaleval wrote, its codes edited in another program
        say_changes(raw.written_codes, raw.code_names, raw.codebook.codes, shown)
    return raw.codebook


def by_turn(corpus: Corpus, codings: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The segments and codings of a project read, with the pieces of each split turn whole again.

    :func:`read_qdpx` splits a respondent turn where a selection begins or ends (``doc#3.1``,
    ``doc#3.2``), so that each selection is whole segments. For agreement between coders that makes
    the units depend on where each coder drew the selection: Anne selecting the whole answer and Bo
    its first half disagreed on the second half. Here a turn is one unit again, as in a coding sheet:
    a coder coded the turn with a code when they coded any piece of it (score the highest, valence the
    one given, or ``blandet`` where the pieces have two, reasons joined by " | ").

    Parameters
    ----------
    corpus : Corpus
        The corpus :func:`read_qdpx` (or ``read_corpus``) read.
    codings : DataFrame
        Its codings (or any codings of its segments, e.g. the rule coder's).

    Returns
    -------
    segments : DataFrame
        ``corpus.segments`` with each split turn one row (``doc#3``, its text from the first piece's
        start to the last piece's end).
    codings : DataFrame
        One row per (turn, code, coder).

    Examples
    --------
    >>> corpus, codings = kv.read_qdpx("fra-nvivo.qdpx")  # doctest: +SKIP
    >>> segments, turns = kv.refi.by_turn(corpus, codings)  # doctest: +SKIP
    >>> kv.agreement(turns, ["Anne", "Bo"], segments=segments)  # doctest: +SKIP
    """
    segments = corpus.segments
    whole = segments["doc_id"].astype(str) + "#" + segments["turn_index"].astype(str)
    turn_of = dict(zip(segments["segment_id"].astype(str), whole, strict=True))
    texts = {document.doc_id: document.text for document in corpus.documents}
    rows = []
    for turn, group in segments.groupby(whole, sort=False):
        first = {**group.iloc[0].to_dict(), "segment_id": turn}  # doc#3, as segment_ids names a whole turn
        if len(group) > 1:
            start, end = int(group["start"].min()), int(group["end"].max())
            text = texts.get(str(first["doc_id"]))
            first.update(start=start, end=end,
                         text=text[start:end] if text is not None else " ".join(group["text"].astype(str)))
        rows.append(first)
    turns = pd.DataFrame(rows, columns=list(segments.columns))
    table = codings.assign(segment_id=[turn_of.get(str(segment), str(segment)) for segment in codings["segment_id"]])
    keys = ["segment_id", "code", "coder"]
    merged = table.groupby(keys, sort=False, dropna=False).agg(
        doc_id=("doc_id", "first"), score=("score", "max"), valence=("valence", _one_valence),
        why=("why", lambda reasons: " | ".join(dict.fromkeys(str(r) for r in reasons if isinstance(r, str) and r))))
    return turns, merged.reset_index()[list(codings.columns)]


def _one_valence(values: pd.Series) -> str:
    given = {str(value) for value in values if isinstance(value, str) and value}
    return given.pop() if len(given) == 1 else ("blandet" if given else "")
