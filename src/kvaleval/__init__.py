"""kvaleval: reproducible, offline coding and synthesis of Danish qualitative evaluation material.

>>> import kvaleval as kv
>>> corpus = kv.read_corpus("corpus/")                          # doctest: +SKIP
>>> codebook = kv.read_codebook("codebooks/vollsmose.yaml")      # doctest: +SKIP
>>> coded = kv.code(corpus, codebook)                           # doctest: +SKIP
>>> coded.frequencies(by="respondent_group")                    # doctest: +SKIP
>>> kv.write_appendix(coded, "out/")                            # doctest: +SKIP
"""

from kvaleval.analyse.agreement import agreement, disagreements
from kvaleval.analyse.evaluate import confusion, evaluate
from kvaleval.codebook import read_codebook, read_conclusions
from kvaleval.coded import Coded
from kvaleval.coding import RuleCoder, code
from kvaleval.coding.human import read_codings
from kvaleval.coding.model import ModelCoder
from kvaleval.corpus import Corpus
from kvaleval.errors import (
    CodebookError,
    CodingError,
    CorpusError,
    ExchangeError,
    HumanCodingError,
    KvalevalError,
    KvalevalWarning,
    ReportError,
)
from kvaleval.privacy import Pseudonymiser, pseudonymise, read_pseudonyms, suppress_small
from kvaleval.read import read_corpus, read_document
from kvaleval.records import Code, Codebook, Conclusion, Document, Term, Turn
from kvaleval.refi import read_qdc, read_qdpx, read_qdpx_codebook, read_qdpx_selections, write_qdc, write_qdpx
from kvaleval.report.appendix import write_appendix
from kvaleval.report.sheet import write_sheet

__version__ = "0.1.0"

__all__ = [
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
    "read_pseudonyms",
    "read_qdc",
    "read_qdpx",
    "read_qdpx_codebook",
    "read_qdpx_selections",
    "suppress_small",
    "write_appendix",
    "write_qdc",
    "write_qdpx",
    "write_sheet",
]
