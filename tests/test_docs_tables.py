"""docs/appendix.md and README.md name the appendix's sheets and columns as the appendix (written by README.md's
Python example) has them: every
column the docs list is written, in the order listed, and every column written is listed; and every
message code the docs, the notebook and the CLI's help name exists in errors.py."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import openpyxl
import pytest

from conftest import ROOT
from kvaleval import errors
from kvaleval.errors import using_language
from kvaleval.words import Words
from test_docs_commands import DEMO_DOCUMENTS, demo
from test_docs_python import examples

APPENDIX_MD = ROOT / "docs" / "appendix.md"


def docs_text(path: Path) -> str:
    return re.sub(r"\s+", " ", path.read_text("utf-8"))


def between(text: str, start: str, end: str) -> str:
    """The text after `start` up to `end` (both literal), which must be there."""
    assert start in text, start
    tail = text[text.index(start) + len(start):]
    assert end in tail, end
    return tail[:tail.index(end)]


def names(text: str) -> list[str]:
    """`a, b` or `a`, `b` and `c` (what the docs write in back quotes) or plain `A, B og C`."""
    quoted = re.findall(r"`([^`]+)`", text)
    words = ", ".join(quoted) if quoted else text
    return [name.strip() for name in re.split(r",| og | and ", words) if name.strip()]


def documented() -> dict[str, tuple[list[str], list[str] | None]]:
    """Per CSV file: the API's columns as the docs list them, and the sheet's headers where listed."""
    text = docs_text(APPENDIX_MD)
    rows = re.findall(r"^\| `([^|]+)` \| ([^|]+) \|", APPENDIX_MD.read_text("utf-8"), re.M)
    frequencies = between(text, "**Frekvenser** — the long table", "**Konklusioner**")
    segments = between(text, "Segmenttabellen", "Derefter følger")
    in_table = [(names(f"`{api}`"), names(danish)) for api, danish in rows if f"`{api}`" in frequencies]
    in_segments = [(names(f"`{api}`"), names(danish)) for api, danish in rows if f"`{api}`" in segments]
    return {
        "frekvenser": ([n for api, _ in in_table for n in api], [n for _, da in in_table for n in da]),
        "konklusioner": (names(between(text, "one row per conclusion and group (", ")")), None),
        "konklusionscitater": (names(between(text, "The columns, in order: ", " (")),
                               names(between(text, "score, valence, question` (", "); `kind`"))),
        "citater": (names(between(text, "(`coded.quotes(code, n=5)`): ", " (")),
                    names(between(text, "group, start, end, score` (", ")"))),
        "samforekomst": (names(between(text, "one row per pair of themes, ", ".")), None),
        "maalopfyldelse": (names(between(text, "**Målopfyldelse** — per indicator ", ", and")), None),
        "kilder": (names(re.sub(r"\([^)]*\)", "", between(text, "the key from a quote to its document:", "."))),
                   None),
        "segmenter": ([n for api, _ in in_segments for n in api], [n for _, da in in_segments for n in da]),
        "kodninger": (names(between(text, "arket **Kodninger**) har kolonnerne ", " (")),
                      names(between(text, "`valence` og `why` (", ")"))),
        "kodebog": (names(between(text, "the codebook, one row per code: ", ". **Kørsel**")), None),
        "manifest": (names(between(text, "`csv/manifest.csv`, the columns ", ")")), None),
    }


SHEETS = {"frekvenser": "Frekvenser", "konklusionscitater": "Konklusionscitater", "citater": "Citater",
          "segmenter": "Segmenter", "kodninger": "Kodninger"}


@pytest.fixture(scope="module")
def appendix(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The appendix README.md's Python example writes (the example run as written, in a copy of the demo:
    test_docs_python leaves it to this fixture, so that the appendix is written once)."""
    folder = demo(tmp_path_factory.mktemp("demo"))
    (line, source), = examples(ROOT / "README.md")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        exec(compile(source, f"README.md:{line}", "exec"), {})
    return folder / "out"


def header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle))


def test_docs_every_table_s_columns_are_the_written_ones(appendix: Path) -> None:
    tables = documented()
    assert set(tables) | {"oversigt", "matrix"} == {path.stem for path in (appendix / "csv").glob("*.csv")}
    metadata = header(ROOT / "corpus" / "metadata.csv")[1:]
    for name, (api, danish) in tables.items():
        written = header(appendix / "csv" / f"{name}.csv")
        if name == "segmenter":  # then the documents' attributes from metadata.csv, as the docs say
            assert sorted(written[len(api):]) == sorted(metadata), written
            written = written[:len(api)]
        assert written == api, name
        if danish is not None:
            sheet = openpyxl.load_workbook(appendix / "appendix.xlsx")[SHEETS[name]]
            headers = [cell.value for cell in sheet[3]][:len(written)]
            assert headers == danish, name


def test_docs_overview_and_sheet_names_are_the_written_ones(appendix: Path) -> None:
    text = docs_text(APPENDIX_MD)
    per_group = names(between(text, "**Oversigt** — one row per theme; per group ", "."))
    written = header(appendix / "csv" / "oversigt.csv")
    assert written[0] == "Tema"
    assert {column.split(": ", 1)[1] for column in written[1:]} == set(per_group)
    readme = docs_text(ROOT / "README.md")
    listed = re.findall(r"\*([A-ZÆØÅ][a-zæøå]+)\*", between(readme, "`out/appendix.xlsx` with the sheets", "(the run"))
    danish, english = between(text, "| sheets | ", " | | overview").split(" | ")
    sheets = openpyxl.load_workbook(appendix / "appendix.xlsx").sheetnames
    assert listed == names(danish) == sheets
    word = {getattr(Words, name): name for name in vars(Words) if not name.startswith("_")}
    with using_language("en"):  # the English appendix's sheets, in the same order
        assert names(english) == [getattr(Words, word[sheet]) for sheet in sheets]


def test_docs_name_only_message_codes_there_are() -> None:
    known = {name for catalogue in (errors.Errors, errors.Warnings) for name in vars(catalogue)
             if re.fullmatch(r"[EW]\d{3}", name)}
    paths = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), *sorted((ROOT / "notebooks").glob("*.ipynb")),
             *sorted((ROOT / "src" / "kvaleval" / "cli").glob("*.py"))]
    named = {}
    for path in paths:
        text = path.read_text("utf-8")
        for first, last in re.findall(r"\b([EW]\d{3})[-–]([EW]?\d{3})\b", text):  # W022–W027
            named.update({f"{first[0]}{number:03d}": path.name for number in range(int(first[1:]), int(last[-3:]) + 1)})
        named.update({code: path.name for code in re.findall(r"\b[EW]\d{3}\b", text)})
    assert len(named) > 100
    assert {code: path for code, path in named.items() if code not in known} == {}


def test_docs_demo_documents_are_the_demo_s() -> None:
    assert all((ROOT / "corpus" / name).is_file() for name in DEMO_DOCUMENTS)
