"""kvaleval: reproducible, offline coding and synthesis of Danish qualitative evaluation material.

>>> import kvaleval as kv
>>> corpus = kv.read_corpus("corpus/")                          # doctest: +SKIP
>>> codebook = kv.read_codebook("codebooks/vollsmose.yaml")      # doctest: +SKIP
>>> coded = kv.code(corpus, codebook)                           # doctest: +SKIP
>>> coded.frequencies(by="respondent_group")                    # doctest: +SKIP
>>> kv.write_appendix(coded, "out/")                            # doctest: +SKIP
"""

from kvaleval.coded import Coded
from kvaleval.codebook import read_codebook, read_conclusions
from kvaleval.coding import RuleCoder, code
from kvaleval.corpus import Corpus
from kvaleval.errors import (
    CodebookError,
    CodingError,
    CorpusError,
    ExchangeError,
    KvalevalError,
    KvalevalWarning,
    ReportError,
)
from kvaleval.privacy import Pseudonymiser, pseudonymise, read_pseudonyms, suppress_small
from kvaleval.read import read_corpus, read_document
from kvaleval.records import Code, Codebook, Conclusion, Document, Term, Turn
from kvaleval.report.appendix import write_appendix

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
    "KvalevalError",
    "KvalevalWarning",
    "Pseudonymiser",
    "ReportError",
    "RuleCoder",
    "Term",
    "Turn",
    "__version__",
    "code",
    "pseudonymise",
    "read_codebook",
    "read_conclusions",
    "read_corpus",
    "read_document",
    "read_pseudonyms",
    "suppress_small",
    "write_appendix",
]
