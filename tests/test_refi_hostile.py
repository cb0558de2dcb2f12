"""Hostile archives get a clear ExchangeError naming the member; nothing is written anywhere."""

from __future__ import annotations

import io
import os
import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kvaleval.errors import ExchangeError, KvalevalWarning
from kvaleval.refi import ArchiveLimits, read_qdpx, read_qdpx_codebook, read_qdpx_selections

SOURCE = "bbbbbbbb-0000-0000-0000-000000000001"
QDE = (
    f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="x">'
    f'<Sources><TextSource guid="{SOURCE}" name="Kilde" plainTextPath="internal://{SOURCE}.txt"/>'
    "</Sources></Project>"
).encode()
XXE = (
    b'<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b'<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>'
)
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'.encode()
        for i in range(1, 10)
    )
    + b']><Project xmlns="urn:QDA-XML:project:1.0" name="&lol9;"/>'
)


def _zip(path: Path, members: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    return path


@pytest.fixture
def untouched(tmp_path: Path) -> Iterator[Path]:
    """A folder inside another; after the test, nothing new may exist in either or in the cwd."""
    folder = tmp_path / "inde"
    folder.mkdir()
    cwd_before = set(os.listdir("."))
    yield folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inde"]
    assert all(p.suffix == ".qdpx" for p in folder.iterdir())
    assert set(os.listdir(".")) == cwd_before


def _raises(path: Path, code: str, member: str, **options: object) -> None:
    for reader in (read_qdpx, read_qdpx_selections, read_qdpx_codebook):
        with pytest.raises(ExchangeError, match=code) as info:
            reader(path, **options)  # type: ignore[operator]
        assert member in str(info.value), str(info.value)
        assert str(path) in str(info.value)


@pytest.mark.parametrize(
    "name",
    [
        "../evil.txt",
        "sources/../../evil.txt",
        "/etc/evil.txt",
        "..\\evil.txt",
        "C:/Windows/evil.txt",
        "C:\\evil.txt",
    ],
)
def test_refi_hostile_unsafe_member_names(untouched: Path, name: str) -> None:
    path = _zip(untouched / "p.qdpx", [("project.qde", QDE), (name, b"owned")])
    _raises(path, "E602", name.split("/")[-1].split("\\")[-1])
    assert not (untouched.parent.parent / "evil.txt").exists()


def test_refi_hostile_duplicate_member_names(untouched: Path) -> None:
    path = untouched / "p.qdpx"
    with zipfile.ZipFile(path, "w") as archive, pytest.warns(UserWarning, match="Duplicate name"):
        archive.writestr("project.qde", QDE)
        archive.writestr("project.qde", b"<Project/>")
    _raises(path, "E602", "project.qde")


def test_refi_hostile_zip_bomb_by_ratio(untouched: Path) -> None:
    path = _zip(
        untouched / "p.qdpx",
        [("project.qde", QDE), (f"sources/{SOURCE}.txt", bytes(50 * 1024 * 1024))],
    )
    assert path.stat().st_size < 200_000
    _raises(path, "E603", f"sources/{SOURCE}.txt")


def test_refi_hostile_zip_bomb_by_total_size(untouched: Path) -> None:
    members = [("project.qde", QDE)] + [(f"sources/{i}.txt", os.urandom(64 * 1024)) for i in range(20)]
    path = _zip(untouched / "p.qdpx", members)
    _raises(path, "E603", "sources/", limits=ArchiveLimits(max_total_bytes=512 * 1024))


def test_refi_hostile_header_that_lies_about_size(untouched: Path) -> None:
    """A member whose headers claim 100 bytes but which inflates to megabytes."""
    buffer = io.BytesIO()
    _zip_into(buffer, [("project.qde", QDE), (f"sources/{SOURCE}.txt", bytes(4 * 1024 * 1024))])
    data = bytearray(buffer.getvalue())
    name = f"sources/{SOURCE}.txt".encode()
    for signature, size_offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_offset = 30 if signature == b"PK\x03\x04" else 46
            if data[start + name_offset : start + name_offset + len(name)] == name:
                struct.pack_into("<I", data, start + size_offset, 100)
            start += 4
    path = untouched / "p.qdpx"
    path.write_bytes(bytes(data))
    with pytest.raises(ExchangeError, match=r"E60[13]") as info:
        read_qdpx(path)
    assert f"sources/{SOURCE}.txt" in str(info.value)


def _zip_into(buffer: io.BytesIO, members: list[tuple[str, bytes]]) -> None:
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)


def test_refi_hostile_too_many_members(untouched: Path) -> None:
    members = [("project.qde", QDE)] + [(f"sources/{i}.txt", b"x") for i in range(10_000)]
    path = _zip(untouched / "p.qdpx", members)
    _raises(path, "E604", "sources/9999.txt")


def test_refi_hostile_xxe(untouched: Path) -> None:
    path = _zip(untouched / "p.qdpx", [("project.qde", XXE)])
    _raises(path, "E606", "project.qde")


def test_refi_hostile_billion_laughs(untouched: Path) -> None:
    path = _zip(untouched / "p.qdpx", [("project.qde", LAUGHS)])
    _raises(path, "E606", "project.qde")


def test_refi_hostile_bare_qde_with_entities(untouched: Path) -> None:
    path = untouched / "p.qde"
    path.write_bytes(LAUGHS)
    with pytest.raises(ExchangeError, match=r"E606.*p\.qde"):
        read_qdpx(path)
    path.unlink()


def test_refi_hostile_internal_path_traversal_is_not_followed(untouched: Path) -> None:
    qde = QDE.replace(f"internal://{SOURCE}.txt".encode(), b"internal://../../../../etc/passwd")
    path = _zip(untouched / "p.qdpx", [("project.qde", qde)])
    with pytest.warns(KvalevalWarning, match="W602"):
        corpus, _ = read_qdpx(path)
    assert corpus.documents == () and corpus.skipped["reason"].str.contains("W613").all()


def test_refi_hostile_word_bomb_in_fallback(untouched: Path) -> None:
    inner = io.BytesIO()
    _zip_into(inner, [("word/document.xml", bytes(50 * 1024 * 1024))])
    qde = QDE.replace(b'name="Kilde"', f'name="Kilde" richTextPath="internal://{SOURCE}.docx"'.encode())
    path = _zip(
        untouched / "p.qdpx",
        [
            ("project.qde", qde),
            (f"sources/{SOURCE}.txt", b""),
            (f"sources/{SOURCE}.docx", inner.getvalue()),
        ],
    )
    with pytest.raises(ExchangeError, match="E603") as info:
        read_qdpx(path)
    assert "word/document.xml" in str(info.value)


def test_refi_hostile_broken_files_are_explained_in_danish(untouched: Path) -> None:
    # "File is not a zip file" and "no element found: line 1, column 60" stood in Danish messages.
    cut = untouched / "afkortet.qdpx"
    cut.write_bytes(_zip(untouched / "hel.qdpx", [("project.qde", QDE)]).read_bytes()[:40])
    with pytest.raises(ExchangeError, match=r"\[E601\]") as info:
        read_qdpx(cut)
    assert "tom, afkortet eller en anden filtype" in str(info.value) and "zip file" not in str(info.value)
    half = _zip(untouched / "halv.qdpx", [("project.qde", QDE[:60])])
    with pytest.raises(ExchangeError, match=r"\[E605\]") as info:
        read_qdpx(half)
    assert "et mærke lukkes aldrig, linje 1, kolonne 38" in str(info.value)
    codebook = _zip(untouched / "kodebog.qdpx", [("project.qde", b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>')])
    with pytest.raises(ExchangeError, match=r"\[E608\] .*'project.qde' er ikke et REFI-QDA-projekt \(.qde\)"):
        read_qdpx(codebook)
