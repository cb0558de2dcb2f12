"""kvaleval: reproducible, offline coding and synthesis of Danish qualitative evaluation material."""

from kvaleval.corpus import Corpus
from kvaleval.read import read_corpus, read_document

__version__ = "0.1.0"

__all__ = ["Corpus", "__version__", "read_corpus", "read_document"]
