"""The corpus: documents as read, their segment table, and what was skipped."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from kvaleval.frames import (
    ANNOTATION_COLUMNS,
    CASE_COLUMNS,
    CODED_SELECTION_COLUMNS,
    MEMO_COLUMNS,
    PROJECT_COLUMNS,
    SET_COLUMNS,
    empty_table,
)
from kvaleval.records import Document


def _empty(*columns: str) -> pd.DataFrame:
    return empty_table(columns)


@dataclass(eq=False)  # identity: == over its tables has no truth value (a DataFrame is no bool)
class Corpus:
    """Documents read from a folder, and their segments.

    Attributes
    ----------
    root : str
        The folder read.
    documents : tuple of Document
        One per file read, sorted by path.
    segments : DataFrame
        The segment table (columns in :func:`kvaleval.segment.segment_documents`).
    skipped : DataFrame
        ``path, reason`` for every file that was not read.
    notes : DataFrame
        ``path, message``: warnings and decisions about files that were read
        (encoding guesses, metadata problems, an interviewer guessed from questions).
    codings : DataFrame
        Human codings found in REFI-QDA projects in the folder (empty otherwise).
    memos : DataFrame
        The memos of REFI-QDA projects read (:data:`kvaleval.frames.MEMO_COLUMNS`), kept so that
        :func:`kvaleval.write_qdpx` writes them again.
    sets : DataFrame
        The document and code sets of REFI-QDA projects read (:data:`kvaleval.frames.SET_COLUMNS`).
    annotations : DataFrame
        The selections without a code of REFI-QDA projects read, with their notes
        (:data:`kvaleval.frames.ANNOTATION_COLUMNS`).
    cases : DataFrame
        The cases of REFI-QDA projects read (:data:`kvaleval.frames.CASE_COLUMNS`), written again
        by :func:`kvaleval.write_qdpx` with their GUIDs, names, descriptions and variables.
    selections : DataFrame
        The coded selections of REFI-QDA projects read, with their names and GUIDs
        (:data:`kvaleval.frames.CODED_SELECTION_COLUMNS`), written again by :func:`kvaleval.write_qdpx`.
    projects : DataFrame
        The REFI-QDA projects read, with their own names and descriptions
        (:data:`kvaleval.frames.PROJECT_COLUMNS`).
    """

    root: str
    documents: tuple[Document, ...]
    segments: pd.DataFrame
    skipped: pd.DataFrame = field(default_factory=lambda: _empty("path", "reason"))
    notes: pd.DataFrame = field(default_factory=lambda: _empty("path", "message"))
    codings: pd.DataFrame | None = None
    memos: pd.DataFrame = field(default_factory=lambda: empty_table(MEMO_COLUMNS))
    sets: pd.DataFrame = field(default_factory=lambda: empty_table(SET_COLUMNS))
    annotations: pd.DataFrame = field(default_factory=lambda: empty_table(ANNOTATION_COLUMNS))
    cases: pd.DataFrame = field(default_factory=lambda: empty_table(CASE_COLUMNS))
    selections: pd.DataFrame = field(default_factory=lambda: empty_table(CODED_SELECTION_COLUMNS))
    projects: pd.DataFrame = field(default_factory=lambda: empty_table(PROJECT_COLUMNS))

    def __len__(self) -> int:
        return len(self.documents)

    def document(self, doc_id: str) -> Document:
        """The document with this id."""
        for document in self.documents:
            if document.doc_id == doc_id:
                return document
        raise KeyError(doc_id)

    @property
    def texts(self) -> dict[str, str]:
        """doc_id -> document text."""
        return {document.doc_id: document.text for document in self.documents}

    def summary(self) -> pd.DataFrame:
        """One row per document: format, turns, respondent turns, words, encoding."""
        counts = (
            self.segments.assign(
                respondent=self.segments["speaker_role"] == "respondent",
                words=self.segments["text"].str.split().str.len(),
            )
            .groupby("doc_id", sort=True)
            .agg(turns=("segment_id", "size"), respondent_turns=("respondent", "sum"), words=("words", "sum"))
        )
        info = pd.DataFrame(
            [(d.doc_id, d.path, d.format, d.encoding or "") for d in self.documents],
            columns=["doc_id", "path", "format", "encoding"],
        ).set_index("doc_id")
        return info.join(counts).fillna(0).reset_index()

    def __repr__(self) -> str:
        return (
            f"Corpus({self.root!r}: {len(self.documents)} documents, {len(self.segments)} segments, "
            f"{len(self.skipped)} skipped)"
        )

    def _repr_html_(self) -> str:
        from kvaleval.report.html import corpus_html

        return corpus_html(self)
