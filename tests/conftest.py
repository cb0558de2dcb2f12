"""Shared fixtures: a tiny corpus written by the real libraries, a small codebook, the demo paths."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest
from hypothesis import settings

# Property tests draw the same examples on every run, so a clean checkout's CI does not fail on a case
# a random draw happens to find that day; a fuzzing run (KVALEVAL_FUZZ_EXAMPLES=20000, see the fuzz
# tests) draws new ones each time, and what it finds becomes an @example.
settings.register_profile("fixed", derandomize=True)
settings.register_profile("fuzz", derandomize=False)
settings.load_profile("fuzz" if os.environ.get("KVALEVAL_FUZZ_EXAMPLES") else "fixed")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REFI_QDA = ROOT / "tests" / "data" / "refi-qda"
"""The REFI-QDA schemas and other tools' sample projects (MIT; tests/data/refi-qda/SOURCES.md)."""
DEMO_CORPUS = ROOT / "corpus"
DEMO_CODEBOOK = ROOT / "codebooks" / "vollsmose.yaml"
DEMO_CONCLUSIONS = ROOT / "codebooks" / "vollsmose_konklusioner.yaml"

SMALL_CODEBOOK = """\
name: lille
label: Lille testkodebog
lemmas: {borger: borger}
lexicons:
  indsats: [familievejledning, beboerrådgivning, sekretariat, helhedsplan]
  person: [hun, han, medarbejder, rådgiver]
codes:
  - name: kapacitet
    label: Kapacitet
    color: "#E07A5F"
    definition: For lidt kapacitet eller ønske om udvidelse.
    examples: [Vi mangler simpelthen folk.]
    counterexamples: [Vi mangler mælk.]
    terms:
      - {term: venteliste, valence: negativ}
      - {term: "mangler ... folk", valence: negativ}
      - kapacitet
      - {term: travlt, weight: 0.5, valence: negativ}
      - {term: ventetid, valence: negativ}
    exclude_terms: [parkeringsplads]
  - name: relevans
    label: Relevans
    definition: Indsatsen opleves som relevant og nyttig.
    terms:
      - {term: hjulpet, valence: positiv}
      - gjort en forskel
      - rådgivning
      - vejledning
    near:
      - {words: [person, positiv], window: 6, weight: 1}
  - name: kendskab
    label: Kendskab
    terms:
      - {term: "aldrig hørt om", valence: negativ}
      - kende
      - troede det var kommunen
  - name: civilsamfund
    label: Civilsamfund
    terms: [frivillig, forening, borger]
"""


@pytest.fixture(scope="session")
def small_codebook_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("codebook") / "lille.yaml"
    path.write_text(SMALL_CODEBOOK, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def small_codebook(small_codebook_path: Path):  # type: ignore[no-untyped-def]
    import kvaleval as kv

    return kv.read_codebook(small_codebook_path)


def write_docx(path: Path, paragraphs: list[str], *, bold_tags: bool = True) -> Path:
    """A Word file written by python-docx, one paragraph per item, the speaker tag in a bold run."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        paragraph = document.add_paragraph()
        tag, sep, rest = text.partition(": ")
        if bold_tags and sep and len(tag) < 20:
            paragraph.add_run(tag + ":").bold = True
            paragraph.add_run(" " + rest)
        else:
            paragraph.add_run(text)
    document.save(str(path))
    return path


def appendix_text(out: Path) -> str:
    """Every file of an appendix folder but lokalt/ as one text: the workbook's cells, the CSV files and
    bilag.md (where a planted name must not turn up)."""
    import csv

    import openpyxl

    parts = []
    for sheet in openpyxl.load_workbook(out / "appendix.xlsx").worksheets:
        parts += [str(value) for row in sheet.iter_rows(values_only=True) for value in row if value is not None]
    for path in (out / "csv").glob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            parts += [cell for row in csv.reader(handle) for cell in row]
    parts.append((out / "bilag.md").read_text("utf-8"))
    return "\n".join(parts)


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    """Four documents in four formats with metadata, written by the real libraries."""
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "borger01.txt").write_text(
        "I: Hvordan har familievejledningen været for jer?\n"
        "B: Den har hjulpet os rigtig meget. Vi mangler dog stadig folk i klubben.\n"
        "I: Kender du sekretariatet?\n"
        "B: Nej, jeg har aldrig hørt om dem. Jeg troede det var kommunen.\n",
        encoding="utf-8",
    )
    write_docx(folder / "partner01.docx", [
        "Interviewer: Hvordan er kapaciteten?",
        "Informant: Der er lang venteliste, og vi har travlt. Kl. 14:30 er der kø.",
        "Interviewer: Og de frivillige?",
        "Informant: Foreningerne gør et stort stykke arbejde.",
    ])
    (folder / "borger02.vtt").write_text(
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\n<v Anne Hansen>Har rådgivningen hjulpet dig?</v>\n\n"
        "2\n00:00:03.500 --> 00:00:06.000\n<v Per Jensen>Ja, bestemt.</v>\n\n"
        "3\n00:00:06.000 --> 00:00:08.000\n<v Per Jensen>Hun er fantastisk, altså.</v>\n",
        encoding="utf-8",
    )
    write_xlsx(folder / "survey.xlsx", [
        ["løbenr", "Alder", "Hvad synes du om helhedsplanens aktiviteter?"],
        [1, "18-29", "De har hjulpet min familie meget, især lektiecaféen"],
        [2, "30-49", None],
        [3, "50+", "Der er alt for lang ventetid på beboerrådgivningen"],
    ])
    (folder / "metadata.csv").write_text(
        "file,respondent_group,role,interviewer\n"
        "borger01.txt,borger,forælder,\n"
        "partner01.docx,samarbejdspartner,skole,\n"
        "borger02.vtt,borger,ung,Anne Hansen\n"
        "survey.xlsx,borger,beboer,\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture(autouse=True)
def _danish_messages(monkeypatch):  # type: ignore[no-untyped-def]
    """Every test starts with the default language (Danish), whatever the shell sets, and leaves it so."""
    from kvaleval.errors import set_language

    monkeypatch.delenv("KVALEVAL_LANG", raising=False)
    set_language(None)
    yield
    set_language(None)


@pytest.fixture(autouse=True)
def _close_figures():  # type: ignore[no-untyped-def]
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:
        import matplotlib.pyplot as plt

        plt.close("all")


@pytest.fixture(scope="module")
def monkeypatch_module():  # type: ignore[no-untyped-def]
    """A monkeypatch for module-scoped fixtures and hypothesis tests (function-scoped ones are refused there)."""
    with pytest.MonkeyPatch.context() as patch:
        yield patch


SURVEY_QUESTION = "Hvad har været godt ved indsatsen?"


def pseudonymised_texts(folder: Path) -> dict[str, str]:
    """text -> the pseudonymised text, for every segment of the corpus in ``folder``, as a run shows it."""
    import kvaleval as kv
    from kvaleval.analyse.privacy import corpus_pseudonymiser

    segments = kv.read_corpus(folder).segments
    apply = corpus_pseudonymiser(segments)
    return {text: apply(text, sid) for sid, text in zip(segments["segment_id"], segments["text"], strict=True)}


def pseudonymised_survey(tmp_path: Path, answers: list[str]) -> dict[str, str]:
    """:func:`pseudonymised_texts` of a survey written by openpyxl, one answer per respondent."""
    folder = tmp_path / "korpus"
    folder.mkdir()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["løbenr", "Boligområde", SURVEY_QUESTION])
    for number, answer in enumerate(answers, 1):
        sheet.append([number, "Vollsmose", answer])
    book.save(folder / "survey.xlsx")
    return pseudonymised_texts(folder)

