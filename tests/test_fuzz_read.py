"""Property tests for the reader dispatch: whatever the bytes and suffix, only kvaleval's errors.

Random bytes rarely get past the first check of a format, so the second half
damages valid files (written by the real libraries) at random: flipped bytes,
cut-offs, and XML members of docx/xlsx/odt rewritten with random text, which
reaches deep into python-docx, openpyxl, odfpy and webvtt-py.
"""

from __future__ import annotations

import io
import itertools
import os
import warnings
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import write_docx, write_xlsx
from kvaleval.errors import CorpusError
from kvaleval.read import read_document
from kvaleval.segment import segment_documents

EXAMPLES = int(os.environ.get("KVALEVAL_FUZZ_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SUFFIXES = [".txt", ".md", ".docx", ".odt", ".vtt", ".srt", ".csv", ".xlsx"]
_counter = itertools.count()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def originals(folder: Path) -> dict[str, bytes]:
    """One valid file per format."""
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    write_docx(folder / "o.docx", ["I: Hvordan?", "B: Godt, tak.", "Det er fint."])
    write_xlsx(folder / "o.xlsx", [["id", "Hvad synes du?", "alder"],
                                   [1, "Det har hjulpet os rigtig meget", "30"],
                                   [2, "Jeg kender det ikke så godt", "40"]])
    document = OpenDocumentText()
    for line in ("I: Hvordan?", "B: Godt."):
        document.text.addElement(P(text=line))
    document.save(str(folder / "o.odt"))
    files = {suffix: (folder / f"o{suffix}").read_bytes() for suffix in (".docx", ".xlsx", ".odt")}
    files[".txt"] = "I: Hvordan går det?\nB: Godt, tak. Æbler.\n".encode()
    files[".md"] = b"# Titel\n\n**I:** Hvordan?\n\n**B:** Godt.\n"
    files[".vtt"] = (b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n<v Anne>Hvordan?</v>\n\n"
                     b"2\n00:00:02.000 --> 00:00:04.000\nPer: Godt.\n")
    files[".srt"] = b"1\n00:00:01,000 --> 00:00:02,000\nTaler 1: Hvordan?\n\n2\n00:00:02,500 --> " \
                    b"00:00:04,000\nTaler 2: Godt.\n"
    files[".csv"] = "id;Hvad synes du?;alder\n1;Det har hjulpet os meget;30\n2;Ikke så godt;40\n".encode()
    return files


def read_only_corpus_errors(path: Path) -> None:
    """Read ``path``: a document with exact segments, or a CorpusError naming the file."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            document, notes = read_document(path, shown=path.name)
    except CorpusError as err:
        assert path.name in str(err)
        assert str(err).startswith(("[E0", "[W0"))
        return
    assert document.text.strip()
    assert all(isinstance(note, str) for note in notes)
    segments, _ = segment_documents([document])
    for row in segments.itertuples(index=False):
        assert document.text[row.start : row.end] == row.text


@SETTINGS
@given(st.binary(max_size=3000), st.sampled_from(SUFFIXES))
def test_fuzz_read_random_bytes(folder: Path, data: bytes, suffix: str) -> None:
    path = folder / f"r{next(_counter)}{suffix}"
    path.write_bytes(data)
    read_only_corpus_errors(path)


@SETTINGS
@given(st.sampled_from(SUFFIXES), st.data())
def test_fuzz_read_damaged_files(folder: Path, originals: dict[str, bytes], suffix: str,
                                 data: st.DataObject) -> None:
    content = bytearray(originals[suffix])
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(content) - 1))
        content[position] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        content = content[: data.draw(st.integers(0, len(content)))]
    path = folder / f"d{next(_counter)}{suffix}"
    path.write_bytes(bytes(content))
    read_only_corpus_errors(path)


XML_NOISE = st.lists(st.one_of(
    st.sampled_from(["<", ">", "</", "/>", "=", '"', "&amp;", "&", ";", "<w:p>", "</w:p>", "<w:t>",
                     "</w:t>", "<row>", "<c r=\"A1\" t=\"s\"><v>7</v></c>", "<text:p>", "</text:p>",
                     "<sheetData>", "<![CDATA[", "]]>", "<!--", "-->", "<?xml version=\"1.0\"?>",
                     "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"",
                     "æøå", "\x00", "\ufffe"]),
    st.text(max_size=10)), max_size=40).map("".join)


@SETTINGS
@given(st.sampled_from([".docx", ".xlsx", ".odt"]), st.data())
def test_fuzz_read_office_members_rewritten(folder: Path, originals: dict[str, bytes], suffix: str,
                                            data: st.DataObject) -> None:
    with zipfile.ZipFile(io.BytesIO(originals[suffix])) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    name = data.draw(st.sampled_from(sorted(members)))
    original = members[name].decode("utf-8", errors="replace")
    start = data.draw(st.integers(0, len(original)))
    end = data.draw(st.integers(start, min(len(original), start + 200)))
    members[name] = (original[:start] + data.draw(XML_NOISE) + original[end:]).encode(
        "utf-8", errors="surrogatepass")
    if data.draw(st.booleans()):
        members.pop(data.draw(st.sampled_from(sorted(members))))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    path = folder / f"z{next(_counter)}{suffix}"
    path.write_bytes(buffer.getvalue())
    read_only_corpus_errors(path)


@SETTINGS
@given(st.sampled_from([".vtt", ".srt"]), st.lists(st.one_of(
    st.sampled_from(["WEBVTT", "\n", "\n\n", "-->", " --> ", "00:00:01.000", "00:00:02,000", "1",
                     "<v Anne>", "</v>", "<v.loud Per Hansen>", "Taler 1: ", "Altså: ", "NOTE",
                     "STYLE", "<i>", "</i>", "&amp;", "::", "99:99:99.999"]),
    st.text(max_size=6)), max_size=50).map("".join))
def test_fuzz_read_subtitle_text(folder: Path, suffix: str, text: str) -> None:
    path = folder / f"s{next(_counter)}{suffix}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    read_only_corpus_errors(path)
