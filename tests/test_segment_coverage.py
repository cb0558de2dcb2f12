"""Nothing lost: the segments of each document account for every character of its text.

The checker marks what the segments cover, then what may lie outside them: the
speaker tags (with their emphasis and timestamps), timestamp-only lines, f4's time
marks at line ends, white
space, and the header before the first tag when a note (W017) reports it (and its lines repeated
as a running head). Any
other character outside every segment is text that was lost.
"""

from __future__ import annotations

import re
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

import kvaleval as kv
from kvaleval.corpus import Corpus
from kvaleval.errors import KvalevalWarning
from kvaleval.records import Document
from kvaleval.segment.tags import TIME_LINE, TIME_MARK, accept_tags, tag_candidates
from kvaleval.segment.turns import split_turns

ROOT = Path(__file__).resolve().parents[1]


def lost_text(document: Document, segments: pd.DataFrame, notes: pd.DataFrame) -> list[str]:
    """The runs of non-blank text of ``document`` that no segment, tag or noted header covers."""
    text = document.text
    covered = bytearray(len(text))
    for start, end in zip(segments["start"], segments["end"], strict=True):
        covered[start:end] = b"\x01" * (end - start)
    speakers = set(segments["speaker"])
    for start, speaker in zip(segments["start"], segments["speaker"], strict=True):
        label = f"{speaker}: "  # subtitles are rendered "Speaker: text", whatever the speaker's name
        if text[max(0, start - len(label)) : start] == label:
            covered[start - len(label) : start] = b"\x01" * len(label)
    starts = []
    for tag in accept_tags(tag_candidates(text), speakers=speakers):
        covered[tag.line_start : tag.content_start] = b"\x01" * (tag.content_start - tag.line_start)
        starts.append(tag.line_start)
    for match in TIME_LINE.finditer(text):
        covered[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
        if not match["tool"]:  # a title or a tool's line before the first tag is part of the header
            starts.append(match.start())
    for match in TIME_MARK.finditer(text):
        covered[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    messages = notes.loc[notes["path"] == document.path, "message"]
    if messages.str.contains("[W017]", regex=False).any():
        # the header ends at the first tag, or, untagged (an e-mail's Fra:/Emne: lines), at the first segment
        header_end = min(starts) if starts else int(segments["start"].min()) if len(segments) else len(text)
        if document.turns is None:  # role fields in the header (Interviewer: Lars Krog) are no tags there
            header_end = max(header_end, split_turns(text, interviewers=speakers)[1])
        covered[:header_end] = b"\x01" * header_end
        heads = {" ".join(line.split()) for line in text[:header_end].splitlines() if len(line.split()) >= 2}
        for line in re.finditer(r"^[^\n]+$", text, re.MULTILINE):  # the header's running head on later pages
            if " ".join(line.group().split()) in heads:
                covered[line.start() : line.end()] = b"\x01" * (line.end() - line.start())
    runs: list[str] = []
    run: list[str] = []
    for character, mark in zip(text, covered, strict=True):
        if mark or character.isspace():
            if run:
                runs.append("".join(run))
                run = []
        else:
            run.append(character)
    if run:
        runs.append("".join(run))
    return runs


def assert_nothing_lost(corpus: Corpus) -> None:
    """Every segment is an exact slice of its document, and no text lies outside all segments."""
    for document in corpus.documents:
        segments = corpus.segments[corpus.segments["doc_id"] == document.doc_id]
        for row in segments.itertuples(index=False):
            assert document.text[row.start : row.end] == row.text, (document.doc_id, row.segment_id)
        assert lost_text(document, segments, corpus.notes) == [], document.doc_id


def read_quietly(folder: Path, **options: object) -> Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        return kv.read_corpus(folder, **options)  # type: ignore[arg-type]


def test_segment_coverage_demo_corpus(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", folder)
    corpus = read_quietly(folder)
    assert len(corpus.documents) >= 20
    assert_nothing_lost(corpus)


def test_segment_coverage_tiny_corpus(tiny_corpus: Path) -> None:
    assert_nothing_lost(read_quietly(tiny_corpus))


def test_segment_coverage_header_is_noted(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Dato: 12. marts\nSted: Vollsmose\n\nI: Hvordan?\nB: Godt.\n",
                                    encoding="utf-8")
    corpus = read_quietly(tmp_path)
    assert corpus.notes["message"].str.contains(r"\[W017\].*Dato: 12. marts").any()
    assert_nothing_lost(corpus)


def test_segment_coverage_checker_finds_lost_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("I: Hvordan?\nB: Godt, og det var det.\n", encoding="utf-8")
    corpus = read_quietly(tmp_path)
    document = corpus.documents[0]
    shortened = corpus.segments.copy()
    shortened.loc[shortened.index[-1], "end"] -= 4
    assert lost_text(document, shortened, corpus.notes) == ["det."]


def test_segment_coverage_checker_needs_the_header_note(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Dato: 12. marts\n\nI: Hvordan?\nB: Godt.\n", encoding="utf-8")
    corpus = read_quietly(tmp_path)
    no_notes = corpus.notes.iloc[0:0]
    lost = lost_text(corpus.documents[0], corpus.segments, no_notes)
    assert lost == ["Dato:", "12.", "marts"]


@pytest.mark.parametrize("text", [
    "I: Hvordan?\n**B:** Godt.\n[00:01:02]\nMere.\n",
    "Interviewer\nHvordan?\nInformant\nGodt.\n",
    "I (00:00:01): Hvordan?\nB (00:00:05): Godt.\n00:00:09\nI: Tak.\n",
    "Første afsnit\nfortsat.\n\n- punkt\n- punkt to\n",
    "I\tHvordan?\nB\tGodt.\n",
])
def test_segment_coverage_tag_styles(tmp_path: Path, text: str) -> None:
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    assert_nothing_lost(read_quietly(tmp_path))
