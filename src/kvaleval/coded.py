"""The result of coding: segments and codings, with the analysis tables one call away.

``Coded`` holds tables and delegates to :mod:`kvaleval.analyse`; it computes
nothing itself, so each arrow of the data flow stays one-way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from kvaleval.corpus import Corpus
from kvaleval.records import Codebook, Conclusion

if TYPE_CHECKING:
    from kvaleval.coding.model import ModelCoder


@dataclass(eq=False)  # identity, as for Corpus: == on its tables has no truth value
class Coded:
    """A coded corpus.

    Attributes
    ----------
    corpus : Corpus
        What was read (documents, skipped files, notes).
    codebook : Codebook
        The codebook applied.
    codings : DataFrame
        One row per (segment, code, coder): ``segment_id, doc_id, code, coder,
        score, valence, why``.
    options : dict
        How the coding was made (method, model parameters), for the run manifest.
    """

    corpus: Corpus
    codebook: Codebook
    codings: pd.DataFrame
    options: dict[str, Any] = field(default_factory=dict)
    model: ModelCoder | None = None

    @property
    def segments(self) -> pd.DataFrame:
        """The segment table (one row per speaker turn, interviewer turns included)."""
        return self.corpus.segments

    def frequencies(self, by: str | Sequence[str] | None = "respondent_group", *,
                    valence: bool = False, case: str | None = None) -> pd.DataFrame:
        """Theme frequencies per group; see :func:`kvaleval.analyse.frequencies.frequencies`."""
        from kvaleval.analyse.frequencies import frequencies

        return frequencies(self.segments, self.codings, self.codebook, by=by, valence=valence, case=case)

    def quotes(self, code: str, n: int = 5, *, valence: str | None = None,
               pseudonymise: bool = True, keep: Iterable[str] = ()) -> pd.DataFrame:
        """Ranked verbatim quotes for one code; see :func:`kvaleval.analyse.quotes.quotes`.

        ``quote``, ``question`` and ``speaker`` are pseudonymised as in the appendix; ``keep``
        are words that stay (programme and place names, as ``write_appendix(keep=...)``). The
        ids stay as they are: they are the keys into :attr:`segments`.
        """
        from kvaleval.analyse.quotes import quotes

        return quotes(self.segments, self.codings, self.codebook, code, n=n, valence=valence,
                      pseudonymise=pseudonymise, pseudonymiser=self._pseudonymiser(pseudonymise, keep))

    def evidence(self, conclusions: Iterable[Conclusion], *, n_quotes: int = 3,
                 pseudonymise: bool = True, keep: Iterable[str] = ()) -> pd.DataFrame:
        """Support and quotes per conclusion; see :func:`kvaleval.analyse.evidence.evidence`.
        ``keep`` as for :meth:`quotes`."""
        from kvaleval._checks import check_conclusions
        from kvaleval.analyse.evidence import evidence

        return evidence(self.segments, self.codings, self.codebook,
                        check_conclusions(conclusions, function="Coded.evidence"),
                        n_quotes=n_quotes, pseudonymise=pseudonymise,
                        pseudonymiser=self._pseudonymiser(pseudonymise, keep))

    def _pseudonymiser(self, pseudonymise: bool, keep: Iterable[str]) -> Any:
        """The run's pseudonymiser with ``keep``; None for the default one, which quotes() makes."""
        words = (keep,) if isinstance(keep, str) else tuple(keep)
        if not pseudonymise or not words:
            return None
        from kvaleval.analyse.privacy import corpus_pseudonymiser

        return corpus_pseudonymiser(self.segments, keep=words)

    def review_queue(self, n: int = 30, *, path: str | None = None) -> pd.DataFrame:
        """Segments where a human label would help the model most; see :func:`kvaleval.analyse.review.review_queue`.

        With ``path``, the queue is also written as a coding sheet for a human coder.
        """
        from kvaleval.analyse.review import review_queue
        from kvaleval.errors import CodingError, Errors

        if self.model is None:
            raise CodingError(Errors.E306)
        queue = review_queue(self.segments, self.codings, self.model, n)
        if path is not None:
            from kvaleval.report.sheet import write_sheet

            chosen = self.segments[self.segments["segment_id"].isin(queue["segment_id"])]
            write_sheet(chosen, self.codebook, path, codings=self.codings, whole_documents=False)
        return queue

    def recode(self, codebook: Codebook, **options: Any) -> Coded:
        """Code the same segments with another codebook, without reading or segmenting again.

        The rule coder's options are kept. A result coded with a model is coded again with the
        rules alone (the model learned the old codebook); pass ``model=`` (and ``method=``) to
        code with a model again.
        """
        from kvaleval.coding import code

        kept = {**self.options, **options}
        if "model" not in options and "method" not in options:
            kept["method"] = "rules"
        return code(self.corpus, codebook, **kept)

    def __repr__(self) -> str:
        return (
            f"Coded({len(self.corpus.documents)} documents, {len(self.segments)} segments, "
            f"{len(self.codings)} codings, codebook={self.codebook.name!r})"
        )

    def _repr_html_(self) -> str:
        from kvaleval.report.html import coded_html

        return coded_html(self)
