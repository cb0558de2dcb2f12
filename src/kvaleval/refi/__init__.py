"""REFI-QDA exchange: codebooks (``.qdc``) and projects (``.qdpx``).

REFI-QDA is the exchange standard of NVivo, ATLAS.ti, MAXQDA, QualCoder and
others. kvaleval writes files that validate against the standard's schemas
(``project.qde`` + ``sources/``, UTF-8 text without BOM, LF, code-point offsets,
stable uuid5 GUIDs) and reads what the tools actually write (namespace
variants, ``Sources/``, BOM and CRLF, NVivo's UTF-16 offsets), treating every
file as untrusted input. See ``docs/refi.md``.
"""

from kvaleval.refi._archive import ArchiveLimits
from kvaleval.refi.check import check_qdc, check_qdpx
from kvaleval.refi.codebook import read_qdc, write_qdc
from kvaleval.refi.project_read import (
    by_turn,
    read_qdpx,
    read_qdpx_codebook,
    read_qdpx_documents,
    read_qdpx_selections,
)
from kvaleval.refi.project_write import write_qdpx

__all__ = [
    "ArchiveLimits",
    "by_turn",
    "check_qdc",
    "check_qdpx",
    "read_qdc",
    "read_qdpx",
    "read_qdpx_codebook",
    "read_qdpx_documents",
    "read_qdpx_selections",
    "write_qdc",
    "write_qdpx",
]
