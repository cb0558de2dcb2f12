"""What an import tells: stray bytes, parts of a project it does not read, doubled GUIDs, bad selections."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

from kvaleval.errors import KvalevalWarning
from kvaleval.refi import read_qdpx, read_qdpx_selections

NS = "urn:QDA-XML:project:1.0"
USER = "11111111-1111-1111-1111-111111111111"
CODE_A = "aaaaaaaa-0000-0000-0000-000000000001"
CODE_B = "aaaaaaaa-0000-0000-0000-000000000002"
SOURCE = "bbbbbbbb-0000-0000-0000-000000000001"
TEXT = "I: Hvordan oplever du samarbejdet?\nR: Jeg har stor tillid til min leder. Men arbejdsmiljøet er hårdt.\n"


def _selection(number: int, start: int, end: int, code: str = CODE_A, guid: str | None = None) -> str:
    guid = guid or f"cccccccc-0000-0000-0000-{number:012d}"
    return (
        f'<PlainTextSelection guid="{guid}" startPosition="{start}" endPosition="{end}" creatingUser="{USER}">'
        f'<Coding guid="dddddddd-0000-0000-0000-{number:012d}" creatingUser="{USER}">'
        f'<CodeRef targetGUID="{code}"/></Coding></PlainTextSelection>'
    )


def _project(path: Path, *, selections: str = "", extra: str = "", sources: str | None = None,
             users: str = f'<User guid="{USER}" name="Karen"/>', files: dict[str, bytes] | None = None) -> Path:
    if sources is None:
        sources = (f'<TextSource guid="{SOURCE}" name="Interview 1.txt" plainTextPath="internal://{SOURCE}.txt">'
                   f"{selections}</TextSource>")
    qde = (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<Project xmlns="{NS}" name="Test" origin="MAXQDA 2022"><Users>{users}</Users>'
        f'<CodeBook><Codes><Code guid="{CODE_A}" name="Tillid" isCodable="true"/>'
        f'<Code guid="{CODE_B}" name="Arbejdsmiljø" isCodable="true"/></Codes></CodeBook>'
        f"<Sources>{sources}</Sources>{extra}</Project>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde.encode())
        for name, data in (files if files is not None else {f"sources/{SOURCE}.txt": TEXT.encode()}).items():
            archive.writestr(name, data)
    return path


def _read(path: Path):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        return read_qdpx(path)


def _notes(path: Path) -> list[str]:
    return _read(path)[0].notes["message"].tolist()


def _spans(text: str, *words: str) -> list[tuple[int, int]]:
    return [(text.index(word), text.index(word) + len(word)) for word in words]


# -- stray bytes ---------------------------------------------------------------------------


def test_refi_import_stray_cp1252_byte_in_utf8_is_read_alone(tmp_path: Path) -> None:
    text = TEXT.replace("Hvordan", "Hvo\u00f8dan")
    data = text.encode("utf-8").replace("ø".encode(), b"\xf8", 1)  # one cp1252 'ø', the rest UTF-8
    (tillid, hard) = _spans(text, "tillid til min leder", "arbejdsmiljøet er hårdt")
    path = _project(tmp_path / "p.qdpx", selections=_selection(1, *tillid) + _selection(2, *hard, code=CODE_B),
                    files={f"sources/{SOURCE}.txt": data})
    corpus, _ = _read(path)
    assert corpus.documents[0].text == text
    assert corpus.documents[0].encoding == "utf-8+cp1252"
    assert sorted(read_qdpx_selections(path)["text"]) == ["arbejdsmiljøet er hårdt", "tillid til min leder"]
    notes = corpus.notes["message"].tolist()
    assert [note for note in notes if "W627" in note] and "1 byte(s)" in " ".join(notes)
    assert not any("W617" in note for note in notes)


def test_refi_import_undecodable_bytes_are_counted(tmp_path: Path) -> None:
    data = b"\xff\xfe" + "I: Hvad?\nR: Godt.".encode("utf-16-le") + b"\x00\xd8" + "Slut.".encode("utf-16-le")
    path = _project(tmp_path / "p.qdpx", files={f"sources/{SOURCE}.txt": data})
    corpus, _ = _read(path)
    assert "\ufffd" in corpus.documents[0].text
    assert any("W628" in note and " 1 " in note for note in corpus.notes["message"])
