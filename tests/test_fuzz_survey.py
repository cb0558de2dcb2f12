"""Property tests for the survey reader: random tables as CSV and xlsx, only CorpusError.

When a table is read, every segment is an exact slice of the document text and
holds one cell of the table exactly as written (line ends as LF).
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import write_xlsx
from kvaleval.errors import CorpusError
from kvaleval.read import read_document

EXAMPLES = int(os.environ.get("KVALEVAL_FUZZ_EXAMPLES", "120"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
_counter = itertools.count()

WORDS = ["det", "er", "godt", "venteliste", "for", "lidt", "plads", "Hanne", "kommunen", "ja", "nej",
         "æbler", "øl", "ål", "=1+1", "-", "+45", "@alle", "?", ";", ",", '"', "\n", "\r\n", "  "]
printable = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
cell_text = st.one_of(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join),
    st.text(printable, max_size=15),
)
cells = st.one_of(st.none(), cell_text, st.integers(-10, 10_000))
headers = st.one_of(
    st.sampled_from(["id", "løbenr", "Respondent ID", "Alder", "Afdeling", "Hvad synes du?",
                     "Kommentar", "Uddyb dit svar", "", "Hvorfor?"]),
    st.text(printable, max_size=12),
)


@st.composite
def tables(draw: st.DrawFn) -> list[list[object]]:
    width = draw(st.integers(1, 5))
    header = draw(st.lists(headers, min_size=width, max_size=width))
    rows = draw(st.lists(st.lists(cells, min_size=0, max_size=width + 1), max_size=8))
    return [header, *rows]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("surveys")


def check(path: Path, table: list[list[object]], *, exact: bool = True) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            document, _ = read_document(path, shown=path.name)
    except CorpusError as err:
        assert path.name in str(err)
        assert str(err).startswith("[E0")
        return
    written = {str(cell).replace("\r\n", "\n").replace("\r", "\n") for row in table for cell in row
               if cell is not None}
    assert document.turns is not None and document.turns
    if any(len(row) > len(table[0]) for row in table) or not exact:
        return  # rows wider than the header: malformed, only "no other exception" holds
    previous = 0
    for turn in document.turns:
        assert previous <= turn.start < turn.end <= len(document.text)
        previous = turn.end
        answer = document.text[turn.start : turn.end]
        assert answer in written or answer.strip() in {text.strip() for text in written}
        assert isinstance(turn.question, str) and turn.question
        assert turn.speaker


@SETTINGS
@given(tables(), st.sampled_from([",", ";", "\t", "|"]),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_fuzz_survey_csv(folder: Path, table: list[list[object]], delimiter: str,
                         encoding: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(
        [["" if cell is None else cell for cell in row] for row in table])
    path = folder / f"s{next(_counter)}.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    # A cell holding another separator makes the file ambiguous ("id,;" over "0 0 :;" is two columns
    # split by ";" as well as by ","): then only "a clear error or turns, nothing else" holds.
    others = {",", ";", "\t", "|"} - {delimiter}
    ambiguous = any(isinstance(cell, str) and any(other in cell for other in others) for row in table for cell in row)
    check(path, table, exact=not ambiguous)


@SETTINGS
@given(tables())
def test_fuzz_survey_xlsx(folder: Path, table: list[list[object]]) -> None:
    path = folder / f"s{next(_counter)}.xlsx"
    write_xlsx(path, table)
    check(path, table)


@SETTINGS
@given(tables(), st.data())
def test_fuzz_survey_named_columns(folder: Path, table: list[list[object]],
                                   data: st.DataObject) -> None:
    header = [str(name) for name in table[0]]
    id_column = data.draw(st.one_of(st.none(), st.sampled_from([*header, "findes ikke"])))
    text_columns = data.draw(st.one_of(st.none(), st.lists(st.sampled_from([*header, "nej"]),
                                                           max_size=2)))
    path = folder / f"n{next(_counter)}.xlsx"
    write_xlsx(path, table)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            read_document(path, shown=path.name, id_column=id_column, text_columns=text_columns)
    except CorpusError as err:
        assert path.name in str(err)
