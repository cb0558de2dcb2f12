"""REFI-QDA containers: read untrusted zips in memory with limits, write atomically.

A ``.qdpx`` from another tool is untrusted input. Every member name is checked
before anything is read (no ``..``, no absolute or drive paths, no duplicates),
the member count and the declared and actual decompressed sizes are bounded,
and members are read into memory only: nothing is ever extracted to disk.
"""

from __future__ import annotations

import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO

from kvaleval.errors import Errors, ExchangeError, Texts, library_error, os_error

_MIB = 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")
_FIXED_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True, slots=True)
class ArchiveLimits:
    """Bounds on what a project archive may hold before it is refused.

    Attributes
    ----------
    max_members : int
        Members in the archive.
    max_member_bytes : int
        Decompressed size of one member.
    max_total_bytes : int
        Decompressed size of all members together.
    max_ratio : int
        Decompressed / compressed size of a member larger than ``ratio_floor``
        (text compresses 3-20 times; a zip bomb a thousand times).
    ratio_floor : int
        Members smaller than this are not checked for their ratio.
    """

    max_members: int = 10_000
    max_member_bytes: int = 512 * _MIB
    max_total_bytes: int = 2048 * _MIB
    max_ratio: int = 200
    ratio_floor: int = 8 * _MIB


def unsafe_name(name: str) -> str | None:
    """Why a member name is unsafe, or None when it is a plain relative path."""
    if "\x00" in name:
        return Texts.name_nul
    posix = name.replace("\\", "/")
    if posix.startswith("/") or _DRIVE.match(posix):
        return Texts.name_absolute
    if ".." in posix.split("/"):
        return Texts.name_parent
    return None


class ProjectArchive:
    """A ``.qdpx`` opened for reading members into memory, within ``limits``.

    Raises
    ------
    ExchangeError
        On a corrupt zip, an unsafe or duplicate member name, too many members,
        or a member that is too large or too compressed (a zip bomb).
    """

    def __init__(self, path: Path | IO[bytes], *, shown: str, limits: ArchiveLimits | None = None) -> None:
        self.shown = shown
        self.limits = limits or ArchiveLimits()
        self._read_total = 0
        try:
            self._zip = zipfile.ZipFile(path)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as err:
            detail = Texts.not_zip.format(error=library_error(err))
            raise ExchangeError(Errors.E601.format(path=shown, detail=detail)) from None
        try:
            self._check(infos)
        except ExchangeError:
            self._zip.close()
            raise
        self._infos = {info.filename: info for info in infos}
        self.base = ""
        """The folder of the project file inside the archive ('' or 'Folder/')."""

    def _check(self, infos: list[zipfile.ZipInfo]) -> None:
        limits = self.limits
        if len(infos) > limits.max_members:
            raise ExchangeError(
                Errors.E604.format(
                    path=self.shown,
                    n=len(infos),
                    limit=limits.max_members,
                    member=infos[limits.max_members].filename,
                )
            )
        seen: set[str] = set()
        total = 0
        for info in infos:
            for name in (info.orig_filename, info.filename):
                reason = unsafe_name(name)
                if reason:
                    raise ExchangeError(Errors.E602.format(path=self.shown, member=name, reason=reason))
            key = info.filename.lower()
            if key in seen:
                raise ExchangeError(
                    Errors.E602.format(path=self.shown, member=info.filename, reason=Texts.name_twice)
                )
            seen.add(key)
            self._check_size(info)
            total += info.file_size
            if total > limits.max_total_bytes:
                raise ExchangeError(
                    Errors.E603.format(
                        path=self.shown,
                        member=info.filename,
                        detail=Texts.members_over.format(limit=limits.max_total_bytes // _MIB),
                    )
                )

    def _check_size(self, info: zipfile.ZipInfo) -> None:
        limits = self.limits
        if info.file_size > limits.max_member_bytes:
            raise ExchangeError(
                Errors.E603.format(
                    path=self.shown,
                    member=info.filename,
                    detail=Texts.member_over.format(size=info.file_size // _MIB, limit=limits.max_member_bytes // _MIB),
                )
            )
        if info.file_size > limits.ratio_floor:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise ExchangeError(
                    Errors.E603.format(
                        path=self.shown,
                        member=info.filename,
                        detail=Texts.member_ratio.format(size=info.file_size // _MIB, ratio=ratio),
                    )
                )

    @property
    def names(self) -> list[str]:
        """Member names, directories excluded, in archive order."""
        return [name for name, info in self._infos.items() if not info.is_dir()]

    def find(self, name: str) -> str | None:
        """The member with this name, compared case-insensitively."""
        if name in self._infos:
            return name
        lowered = name.lower()
        return next((member for member in self._infos if member.lower() == lowered), None)

    def find_source(self, file_name: str) -> str | None:
        """The member for ``internal://<file_name>``: in ``sources/`` (any case) or beside the ``.qde``.

        Looked for next to the project file first (``base``: some archivers put
        everything in a top folder), then at the archive root.
        """
        for folder in dict.fromkeys((self.base, "")):
            found = self.find(f"{folder}sources/{file_name}") or self.find(f"{folder}{file_name}")
            if found:
                return found
        return None

    def read(self, member: str) -> bytes:
        """A member's bytes, reading at most the limits allow whatever its header says."""
        info = self._infos[member]
        budget = min(self.limits.max_member_bytes, self.limits.max_total_bytes - self._read_total)
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as handle:
                while chunk := handle.read(1 << 20):
                    size += len(chunk)
                    if size > budget:
                        raise ExchangeError(
                            Errors.E603.format(
                                path=self.shown,
                                member=member,
                                detail=Texts.member_inflates,
                            )
                        )
                    chunks.append(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as err:
            raise ExchangeError(Errors.E601.format(path=self.shown, detail=f"{member}: {library_error(err)}")) from None
        self._read_total += size
        return b"".join(chunks)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> ProjectArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_zip(path: Path, members: list[tuple[str, bytes]]) -> None:
    """Write a zip atomically (temp file in the same folder, then rename), byte-stable.

    Every member gets the same fixed date and permissions, so the same input
    gives the same bytes.
    """
    _atomic_write(path, lambda handle: _zip_members(handle, members))


def write_bytes(path: Path, data: bytes) -> None:
    """Write a file atomically (temp file in the same folder, then rename)."""
    _atomic_write(path, lambda handle: handle.write(data))


def _zip_members(handle: BinaryIO, members: list[tuple[str, bytes]]) -> None:
    with zipfile.ZipFile(handle, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=_FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=6)


def _atomic_write(path: Path, write: Callable[[BinaryIO], object]) -> None:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise ExchangeError(Errors.E609.format(path=path, detail=os_error(err))) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            write(handle)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as err:
        Path(temporary).unlink(missing_ok=True)
        raise ExchangeError(Errors.E609.format(path=path, detail=os_error(err))) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
