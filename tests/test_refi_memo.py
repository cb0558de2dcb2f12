"""A coding's valence, score and reason travel in the selection's memo and come back exactly."""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kvaleval.coded import Coded
from kvaleval.corpus import Corpus
from kvaleval.errors import KvalevalWarning
from kvaleval.records import Code, Codebook, Document
from kvaleval.refi import read_qdpx, write_qdpx
from kvaleval.refi.selection_memo import format_memo, parse_memo
from kvaleval.segment import segment_documents

TEXT = "I: Hvordan går det?\nB: Godt, tak. Men ventetiden er lang.\nI: Tak.\nB: Selv tak.\n"
CODES = ("kapacitet", "trivsel")


def _coded(rows: list[tuple[str, str, float, str | None, str | None]]) -> Coded:
    document = Document(doc_id="interview", path="interview.txt", format="txt", text=TEXT)
    segments, _ = segment_documents([document])
    corpus = Corpus(root="korpus", documents=(document,), segments=segments)
    codings = pd.DataFrame(
        [(segment, "interview", code, "Anne", score, valence, why) for segment, code, score, valence, why in rows],
        columns=["segment_id", "doc_id", "code", "coder", "score", "valence", "why"],
    )
    return Coded(corpus=corpus, codebook=Codebook(name="b", codes=tuple(Code(name) for name in CODES)),
                 codings=codings)


def _round_trip(coded: Coded) -> pd.DataFrame:
    with tempfile.TemporaryDirectory() as folder, warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        path = write_qdpx(coded, Path(folder) / "p.qdpx")
        _, codings = read_qdpx(path)
    return codings


NASTY = [
    ("neg\nativ", "linje1\nlinje2 \\n bogstaveligt"),
    ("positiv", "ctrl\x1b\x0bchar\x00 og \x7f"),
    ("blandet\r", "Kode: kapacitet\n\nValens: x"),
    ("\\u0041", " mellemrum foran og bagefter  "),
]


def test_refi_memo_newlines_and_control_characters_come_back() -> None:
    rows = [("interview#1", CODES[0], 0.123456789, valence, why) for valence, why in NASTY[:1]]
    rows += [("interview#1", CODES[1], 0.5, *NASTY[1])]
    rows += [("interview#3", code, 1e-7, *pair) for code, pair in zip(CODES, NASTY[2:4], strict=True)]
    codings = _round_trip(_coded(rows)).sort_values(["segment_id", "code"])
    assert codings["valence"].tolist() == [valence for _, _, _, valence, _ in rows]
    assert codings["why"].tolist() == [why for _, _, _, _, why in rows]
    assert codings["score"].tolist() == [score for _, _, score, _, _ in rows]


_values = st.one_of(st.none(), st.text(max_size=30),
                    st.text(alphabet=st.sampled_from("\n\r\\\x00\x1b\tab: nu0\ufffe"), max_size=12))


@settings(max_examples=60, deadline=None)
@given(first=st.tuples(_values, _values), second=st.tuples(_values, _values),
       score=st.floats(min_value=0, max_value=1))
def test_refi_memo_write_read_property(first: tuple[str | None, str | None], second: tuple[str | None, str | None],
                                       score: float) -> None:
    rows = [("interview#1", CODES[0], score, *first), ("interview#1", CODES[1], 1.0, *second)]
    codings = _round_trip(_coded(rows)).sort_values("code")
    assert codings["valence"].tolist() == [valence or "" for _, _, _, valence, _ in rows]
    assert codings["why"].tolist() == [why or "" for _, _, _, _, why in rows]
    assert codings["score"].tolist() == [score, 1.0]


@given(st.lists(st.tuples(st.sampled_from(CODES), _values, _values), min_size=1, max_size=2, unique_by=lambda x: x[0]))
def test_refi_memo_format_parse_property(items: list[tuple[str, str | None, str | None]]) -> None:
    memo = format_memo([(code, valence, "0.5", why) for code, valence, why in items])
    parsed = parse_memo(memo, [code for code, _, _ in items])
    assert parsed is not None
    for code, valence, why in items:
        assert (parsed[code].valence, parsed[code].why, parsed[code].score) == (valence or None, why or None, 0.5)


@pytest.mark.parametrize("why", ["\x08", "a\rb", "tab\x1bs"])
def test_refi_memo_shared_comment_xml_cannot_hold_comes_back(why: str) -> None:
    # written as a comment as it was, XML turned "\x08" into U+FFFD and "a\rb" into "a\nb" (found by the property)
    rows = [("interview#1", CODES[0], 1.0, None, why), ("interview#1", CODES[1], 1.0, None, why)]
    assert _round_trip(_coded(rows))["why"].tolist() == [why, why]
