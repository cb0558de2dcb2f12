"""Zip containers (docx, odt, xlsx, qdpx) are untrusted: check them before a library opens them."""

from __future__ import annotations

import zipfile
from pathlib import Path

from kvaleval.errors import CorpusError, Errors

MAX_MEMBERS = 10_000
MAX_UNCOMPRESSED = 512 * 1024 * 1024
MAX_RATIO = 200


def check_zip(path: Path, *, kind: str, app: str, shown: str) -> None:
    """Raise a clear error for a corrupt zip or one that would expand too far (a zip bomb)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise CorpusError(
            Errors.E007.format(path=shown, kind=kind, detail=f"not a zip container: {err}", app=app)
        ) from err
    if len(members) > MAX_MEMBERS:
        raise CorpusError(Errors.E014.format(path=shown, detail=f"{len(members)} members"))
    total = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members) or 1
    if total > MAX_UNCOMPRESSED or (total > 10 * 1024 * 1024 and total / packed > MAX_RATIO):
        raise CorpusError(
            Errors.E014.format(
                path=shown, detail=f"{total // (1024 * 1024)} MB uncompressed from {packed // 1024} KB"
            )
        )
