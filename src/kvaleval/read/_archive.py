"""Zip containers (docx, odt, xlsx) are untrusted: check them before a library opens them.

A docx, xlsx or odt is a zip of XML files. Before python-docx, openpyxl or odfpy
sees one, it must be a readable zip (not an old binary Office file, not
password-protected), hold the members its format needs, not expand beyond the
limits (a zip bomb), and hold no XML that declares a DTD or entities (XXE and
"billion laughs"): Office and LibreOffice never write those.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path

from kvaleval.errors import CorpusError, Errors, Texts, library_error

MAX_MEMBERS = 10_000
MAX_UNCOMPRESSED = 512 * 1024 * 1024
MAX_RATIO = 200
_RATIO_FROM = 10 * 1024 * 1024
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_DECLARATIONS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_CHUNK = 1 << 16
_OVERLAP = 32


def check_zip(
    path: Path, *, kind: str, app: str, shown: str, required: Sequence[str] = ()
) -> list[str]:
    """Raise a clear error for a zip that is corrupt, encrypted, incomplete, a bomb or hostile XML.

    Parameters
    ----------
    path : Path
        The file.
    kind, app : str
        The format and the program to re-save it in, for messages (``Word``,
        ``Word or LibreOffice``).
    shown : str
        The file as shown in messages.
    required : sequence of str
        Members the format needs (``word/document.xml``).

    Returns
    -------
    list of str
        The names of the archive's members.

    Raises
    ------
    CorpusError
        E007 (not a zip, or a member missing or damaged), E014 (too large), E018
        (an old binary Office file), E019 (DTD or entities), E020 (password).
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_members(members, kind=kind, app=app, shown=shown, required=required)
            for member in members:
                if member.filename.lower().endswith(_XML_SUFFIXES):
                    _check_xml(archive, member, kind=kind, app=app, shown=shown)
    except CorpusError:
        raise
    except zipfile.BadZipFile as err:
        _refuse_old_office(path, shown)
        raise CorpusError(
            Errors.E007.format(path=shown, kind=kind, app=app,
                               detail=Texts.zip_not_container.format(error=library_error(err)))
        ) from err
    except (zlib.error, EOFError, NotImplementedError, ValueError) as err:
        raise CorpusError(
            Errors.E007.format(path=shown, kind=kind, app=app,
                               detail=Texts.zip_damaged.format(error=library_error(err)))
        ) from err
    except RuntimeError as err:
        # zipfile raises RuntimeError for a member that needs a password.
        raise CorpusError(Errors.E020.format(path=shown, app=app)) from err
    return [member.filename for member in members]


def _check_members(
    members: list[zipfile.ZipInfo], *, kind: str, app: str, shown: str, required: Sequence[str]
) -> None:
    if len(members) > MAX_MEMBERS:
        raise CorpusError(Errors.E014.format(path=shown, detail=Texts.zip_members.format(n=len(members))))
    if any(member.flag_bits & 0x1 for member in members):
        raise CorpusError(Errors.E020.format(path=shown, app=app))
    total = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members) or 1
    if total > MAX_UNCOMPRESSED or (total > _RATIO_FROM and total / packed > MAX_RATIO):
        raise CorpusError(
            Errors.E014.format(
                path=shown,
                detail=Texts.zip_unpacked.format(unpacked=total // (1024 * 1024), packed=packed // 1024),
            )
        )
    for member in members:
        # One bomb member hidden among incompressible ones (images) would pass the totals.
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _RATIO_FROM and ratio > MAX_RATIO:
            raise CorpusError(
                Errors.E014.format(
                    path=shown,
                    detail=Texts.zip_member_unpacked.format(member=member.filename,
                                                           unpacked=member.file_size // (1024 * 1024),
                                                           packed=member.compress_size // 1024),
                )
            )
    names = {member.filename for member in members}
    missing = [name for name in required if name not in names]
    if missing:
        raise CorpusError(
            Errors.E007.format(
                path=shown, kind=kind, app=app,
                detail=Texts.zip_lacks.format(missing=", ".join(missing), kind=kind),
            )
        )


def _check_xml(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, *, kind: str, app: str, shown: str
) -> None:
    """Refuse XML that declares a DTD or entities, scanning the member in chunks."""
    tail = b""
    with archive.open(member) as handle:
        while True:
            chunk = handle.read(_CHUNK)
            if not chunk:
                return
            window = tail + chunk
            if any(marker in window for marker in _DECLARATIONS):
                raise CorpusError(
                    Errors.E019.format(path=shown, member=member.filename, kind=kind, app=app)
                )
            tail = window[-_OVERLAP:]


def _refuse_old_office(path: Path, shown: str) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_OLE2))
    except OSError:
        return
    if head == _OLE2:
        raise CorpusError(
            Errors.E018.format(
                path=shown,
                kind=Texts.old_office,
                advice=Texts.old_office_advice,
            )
        )
