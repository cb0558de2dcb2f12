"""kvaleval: reproducible, offline coding and synthesis of Danish qualitative evaluation material.

>>> import kvaleval as kv
>>> corpus = kv.read_corpus("corpus/")                          # doctest: +SKIP
>>> codebook = kv.read_codebook("codebooks/vollsmose.yaml")      # doctest: +SKIP
>>> coded = kv.code(corpus, codebook)                           # doctest: +SKIP
>>> coded.frequencies(by="respondent_group")                    # doctest: +SKIP
>>> kv.write_appendix(coded, "out/")                            # doctest: +SKIP

The public names are imported on first use, so ``import kvaleval`` and the command
line's ``--help`` stay fast (scikit-learn, spaCy and matplotlib load only when needed).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from kvaleval.errors import (
    ArgumentError,
    CodebookError,
    CodingError,
    CorpusError,
    ExchangeError,
    HumanCodingError,
    KvalevalError,
    KvalevalWarning,
    ReportError,
    set_language,
)
from kvaleval.records import Code, Codebook, Conclusion, Document, Term, Turn

__version__ = "0.1.0"

_LAZY = {
    "Coded": "kvaleval.coded",
    "Corpus": "kvaleval.corpus",
    "HumanCodings": "kvaleval.coding.human",
    "ModelCoder": "kvaleval.coding.model",
    "Pseudonymiser": "kvaleval.privacy",
    "RuleCoder": "kvaleval.coding",
    "agreement": "kvaleval.analyse.agreement",
    "calibrate": "kvaleval.analyse.calibrate",
    "code": "kvaleval.coding",
    "confusion": "kvaleval.analyse.evaluate",
    "disagreements": "kvaleval.analyse.agreement",
    "evaluate": "kvaleval.analyse.evaluate",
    "pseudonymise": "kvaleval.privacy",
    "read_codebook": "kvaleval.codebook",
    "read_codings": "kvaleval.coding.human",
    "read_human_codings": "kvaleval.coding.human",
    "read_conclusions": "kvaleval.codebook",
    "read_corpus": "kvaleval.read",
    "read_document": "kvaleval.read",
    "read_pseudonyms": "kvaleval.privacy",
    "read_qdc": "kvaleval.refi",
    "read_qdpx": "kvaleval.refi",
    "read_qdpx_codebook": "kvaleval.refi",
    "read_qdpx_selections": "kvaleval.refi",
    "suppress_small": "kvaleval.privacy",
    "write_appendix": "kvaleval.report.appendix",
    "write_qdc": "kvaleval.refi",
    "write_qdpx": "kvaleval.refi",
    "write_sheet": "kvaleval.report.sheet",
}

if TYPE_CHECKING:
    from kvaleval.analyse.agreement import agreement, disagreements
    from kvaleval.analyse.calibrate import calibrate
    from kvaleval.analyse.evaluate import confusion, evaluate
    from kvaleval.codebook import read_codebook, read_conclusions
    from kvaleval.coded import Coded
    from kvaleval.coding import RuleCoder, code
    from kvaleval.coding.human import HumanCodings, read_codings, read_human_codings
    from kvaleval.coding.model import ModelCoder
    from kvaleval.corpus import Corpus
    from kvaleval.privacy import Pseudonymiser, pseudonymise, read_pseudonyms, suppress_small
    from kvaleval.read import read_corpus, read_document
    from kvaleval.refi import (
        read_qdc,
        read_qdpx,
        read_qdpx_codebook,
        read_qdpx_selections,
        write_qdc,
        write_qdpx,
    )
    from kvaleval.report.appendix import write_appendix
    from kvaleval.report.sheet import write_sheet


_SUBMODULES = frozenset({"refi", "privacy", "dask"})
"""Subpackages reachable as ``kv.refi`` ... without importing them up front."""


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        submodule = import_module(f"kvaleval.{name}")
        globals()[name] = submodule
        return submodule
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kvaleval' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "ArgumentError",
    "Code",
    "Codebook",
    "CodebookError",
    "Coded",
    "CodingError",
    "Conclusion",
    "Corpus",
    "CorpusError",
    "Document",
    "ExchangeError",
    "HumanCodingError",
    "HumanCodings",
    "KvalevalError",
    "KvalevalWarning",
    "ModelCoder",
    "Pseudonymiser",
    "ReportError",
    "RuleCoder",
    "Term",
    "Turn",
    "__version__",
    "agreement",
    "calibrate",
    "code",
    "confusion",
    "disagreements",
    "evaluate",
    "pseudonymise",
    "read_codebook",
    "read_codings",
    "read_conclusions",
    "read_corpus",
    "read_document",
    "read_human_codings",
    "read_pseudonyms",
    "read_qdc",
    "read_qdpx",
    "read_qdpx_codebook",
    "read_qdpx_selections",
    "set_language",
    "suppress_small",
    "write_appendix",
    "write_qdc",
    "write_qdpx",
    "write_sheet",
]
