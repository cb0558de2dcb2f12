"""A project from another tool, read and written again, keeps its selections as they were.

kvaleval splits the turns of a foreign source where its coded selections begin and end, so
that each selection is a union of whole segments, and writes each run of pieces of one turn
with the same code and coder back as one selection.
"""

from __future__ import annotations

import collections
import random
import warnings
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from conftest import REFI_QDA
from kvaleval.coded import Coded
from kvaleval.errors import KvalevalWarning
from kvaleval.refi import check_qdpx, read_qdpx, read_qdpx_codebook, read_qdpx_selections, write_qdpx
from refi_builders import CODE_A, CODE_B, NS, SOURCE, USER, selection

SHARED = REFI_QDA
SAMPLES = SHARED / "samples"
NVIVO = SAMPLES / "nvivo-12.6_oltas0517.qdpx"
ATLAS_QDE = SAMPLES / "atlasti-8.4_refi-standard-project.qde"
PROJECT_XSD = SHARED / "schema" / "Project.xsd"
needs_shared = pytest.mark.skipif(not NVIVO.is_file(), reason="tests/data/refi-qda is not here")



def _quiet(function, *args, **options):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        return function(*args, **options)


def _selections(path: Path) -> collections.Counter[tuple[str, int, int, str, str]]:
    """(doc_id, start, end, code, coder) of every coded selection, surrounding whitespace trimmed
    (a segment never starts or ends with whitespace, so neither does a selection kvaleval writes)."""
    corpus, _ = _quiet(read_qdpx, path)
    texts = corpus.texts
    found: collections.Counter[tuple[str, int, int, str, str]] = collections.Counter()
    for row in _quiet(read_qdpx_selections, path).itertuples():
        if not row.code:
            continue
        text = texts[row.doc_id]
        start, end = row.start, row.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        found[(row.doc_id, start, end, row.code, row.coder)] += 1
    return found


def _again(path: Path, out: Path) -> Path:
    corpus, codings = _quiet(read_qdpx, path)
    codebook = _quiet(read_qdpx_codebook, path)
    return _quiet(write_qdpx, Coded(corpus=corpus, codebook=codebook, codings=codings), out)


def _atlas_project(path: Path) -> Path:
    """The ATLAS.ti 8.4 sample project with source texts made up around its quotations (the
    sample ships without them): CRLF line ends, an emoji, quotations that start mid-word."""
    data = ATLAS_QDE.read_bytes()
    root = ET.fromstring(data)
    chooser = random.Random(1)
    words = "breakfast morning coffee toast cereal family kitchen table quick busy".split()
    texts: dict[str, str] = {}  # a PDF source and its representation name one file: the last wins
    for node in root.iter():
        target = node.get("plainTextPath")
        if not target or not target.startswith("internal://"):
            continue
        spans = [(int(s.get("startPosition", 0)), int(s.get("endPosition", 0)), s.get("name") or "")
                 for s in node if s.tag.endswith("PlainTextSelection")]
        length = max([end for _, end, _ in spans] + [300]) + 50
        filler = ""
        while len(filler) < length:
            filler += chooser.choice(words) + " "
        chars = list(filler[:length])
        for index in range(39, length, 40):
            chars[index] = "\n"
        for start, end, name in spans:
            if name and not name.endswith("…") and len(name) == end - start:
                chars[start:end] = list(name)
        text = "".join(chars)
        if "Mabêl" in (node.get("name") or ""):
            text = "Mabêl 😀 " + text[8:]
        texts["Sources/" + target[len("internal://"):]] = text.replace("\n", "\r\n")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", data)
        for name, text in texts.items():
            archive.writestr(name, text.encode())
    return path


@needs_shared
def test_refi_reexport_nvivo_sample_keeps_every_selection(tmp_path: Path) -> None:
    original = _selections(NVIVO)
    path = _again(NVIVO, tmp_path / "igen.qdpx")
    assert check_qdpx(path, schema=PROJECT_XSD) == []
    assert _selections(path) == original
    # and once more, from kvaleval's own project (the pieces travel in its segmentation note)
    assert _selections(_again(path, tmp_path / "igen2.qdpx")) == original


@needs_shared
def test_refi_reexport_atlas_project_keeps_every_selection(tmp_path: Path) -> None:
    source = _atlas_project(tmp_path / "atlas.qdpx")
    original = _selections(source)
    assert len(original) == 9
    path = _again(source, tmp_path / "igen.qdpx")
    assert check_qdpx(path, schema=PROJECT_XSD) == []
    assert _selections(path) == original


DESCRIPTION = "Udsagn om at vente.\nOgså lange køer hos lægen."


def _qde(selections: list[tuple[int, int, str]]) -> bytes:
    xml = "".join(selection(number, start, end, code) for number, (start, end, code) in enumerate(selections))
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<Project xmlns="{NS}" name="Projekt fra NVivo" origin="MAXQDA 2022">'
        f'<Users><User guid="{USER}" name="Karen"/></Users>'
        f'<CodeBook><Codes><Code guid="{CODE_A}" name="Ventetid" isCodable="true">'
        f"<Description>{DESCRIPTION}</Description></Code>"
        f'<Code guid="{CODE_B}" name="Tillid" isCodable="true"/></Codes></CodeBook>'
        f'<Sources><TextSource guid="{SOURCE}" name="Interview 1.docx" plainTextPath="internal://{SOURCE}.txt">'
        f"{xml}</TextSource></Sources></Project>"
    ).encode()


LONG = (
    "I: Hvordan har du oplevet forløbet?\n"
    "B: " + "Det startede fint, men så gik der lang tid. " * 40
    + "Ventetiden på en samtale var tre måneder. Jeg stoler på min sagsbehandler. "
    + "Resten var som forventet. " * 40 + "\n"
)


def test_refi_reexport_short_selections_in_a_long_turn_stay_short(tmp_path: Path) -> None:
    """Two neighbouring selections with different codes in a turn of 3,000 characters."""
    wait = (LONG.index("Ventetiden"), LONG.index("måneder.") + len("måneder."))
    trust = (LONG.index("Jeg stoler"), LONG.index("sagsbehandler.") + len("sagsbehandler."))
    path = tmp_path / "fremmed.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", _qde([(*wait, CODE_A), (*trust, CODE_B)]))
        archive.writestr(f"sources/{SOURCE}.txt", LONG.encode())
    corpus, codings = _quiet(read_qdpx, path)
    segments = corpus.segments.set_index("segment_id")
    assert segments.loc[codings["segment_id"], "text"].tolist() == [LONG[slice(*wait)], LONG[slice(*trust)]]
    assert set(segments.loc[codings["segment_id"], "turn_index"]) == {1}
    assert segments.index.is_unique and all(segments["text"] == segments["text"].str.strip())
    again = read_qdpx_selections(_again(path, tmp_path / "igen.qdpx"))
    assert sorted(zip(again["start"], again["end"], again["code"], strict=True)) == [(*wait, "Ventetid"),
                                                                                     (*trust, "Tillid")]


def test_refi_reexport_overlapping_selections_are_kept_apart(tmp_path: Path) -> None:
    outer = (LONG.index("Ventetiden"), LONG.index("sagsbehandler.") + len("sagsbehandler."))
    inner = (LONG.index("Jeg stoler"), LONG.index("min sagsbehandler"))
    path = tmp_path / "fremmed.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", _qde([(*outer, CODE_A), (*inner, CODE_B)]))
        archive.writestr(f"sources/{SOURCE}.txt", LONG.encode())
    again = _again(path, tmp_path / "igen.qdpx")
    assert _selections(again) == _selections(path)


def test_refi_reexport_own_project_is_not_split(tmp_path: Path, tiny_corpus: Path) -> None:
    from kvaleval.read import read_corpus

    corpus = _quiet(read_corpus, tiny_corpus)
    respondents = corpus.segments[corpus.segments["speaker_role"] == "respondent"]
    codings = pd.DataFrame(
        [(row.segment_id, row.doc_id, "tema", "Ida", 1.0, "", "") for row in respondents.itertuples()],
        columns=["segment_id", "doc_id", "code", "coder", "score", "valence", "why"],
    )
    from kvaleval.records import Code, Codebook

    coded = Coded(corpus=corpus, codebook=Codebook(name="b", codes=(Code("tema"),)), codings=codings)
    path = _quiet(write_qdpx, coded, tmp_path / "egen.qdpx")
    back, back_codings = _quiet(read_qdpx, path)
    pd.testing.assert_frame_equal(back.segments, corpus.segments)
    assert back_codings["segment_id"].tolist() == codings["segment_id"].tolist()
    selections = read_qdpx_selections(path)
    assert len(selections) == len(codings)  # one selection per coded segment, adjacent or not


def test_refi_reexport_keeps_project_name_and_plain_code_description(tmp_path: Path) -> None:
    path = tmp_path / "fremmed.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", _qde([(40, 60, CODE_A)]))
        archive.writestr(f"sources/{SOURCE}.txt", LONG.encode())
    again = _again(path, tmp_path / "igen.qdpx")
    with zipfile.ZipFile(again) as archive:
        root = ET.fromstring(archive.read("project.qde"))
    assert root.get("name") == "Projekt fra NVivo"
    codes = {code.get("name"): code for code in root.iter(f"{{{NS}}}Code")}
    description = codes["Ventetid"].find(f"{{{NS}}}Description")
    assert description is not None and description.text == DESCRIPTION
    assert _quiet(read_qdpx_codebook, again)["Ventetid"].definition == DESCRIPTION


@needs_shared
def test_refi_reexport_nvivo_code_descriptions_stay_plain(tmp_path: Path) -> None:
    def descriptions(path: Path) -> dict[str, str]:
        with zipfile.ZipFile(path) as archive:
            root = ET.fromstring(archive.read("project.qde"))
        return {code.get("name", ""): (code.findtext(f"{{{NS}}}Description") or "").strip()
                for code in root.iter(f"{{{NS}}}Code") if code.get("name") != "kvaleval-ordlister"}

    again = _again(NVIVO, tmp_path / "igen.qdpx")
    assert descriptions(again) == descriptions(NVIVO)
