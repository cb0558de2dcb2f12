"""Coding sheets for a human coder, read back with openpyxl: layout, locking, drop-downs."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

import kvaleval as kv
from kvaleval.cli import sheet as _sheet  # noqa: F401  (registers the command)
from kvaleval.cli._app import app
from kvaleval.coding.human import read_codings
from kvaleval.errors import HumanCodingError, ReportError
from kvaleval.records import Codebook
from kvaleval.report.sheet import write_sheet

RESPONDENT_IDS = [
    "borger01#1",
    "borger01#3",
    "borger02#1",
    "partner01#1",
    "partner01#3",
    "survey#0",
    "survey#1",
]
CODES = ["kapacitet", "relevans", "kendskab", "civilsamfund"]


def _segments(texts: list[str], speaker: str = "B") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": "doc",
            "segment_id": [f"doc#{i}" for i in range(len(texts))],
            "turn_index": range(len(texts)),
            "speaker": speaker,
            "speaker_role": "respondent",
            "start": 0,
            "end": 1,
            "text": texts,
        }
    )


@pytest.fixture
def corpus(tiny_corpus: Path) -> kv.Corpus:
    return kv.read_corpus(tiny_corpus)


def test_human_sheet_layout(corpus: kv.Corpus, small_codebook: Codebook, tmp_path: Path) -> None:
    path = write_sheet(corpus, small_codebook, tmp_path / "coder_anne.xlsx", coder_name="Anne")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Kodning", "Kodebog", "Vejledning"]
    sheet = book["Kodning"]
    header = [cell.value for cell in sheet[1]]
    expected = ["segment_id", "Dokument", "Gruppe", "Taler", "Spørgsmål", "Tekst"]
    for code in CODES:
        expected += [code, f"{code}: valens"]
    assert header == [*expected, "Kommentar"]
    assert all(cell.font.bold for cell in sheet[1])
    assert [
        sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)
    ] == RESPONDENT_IDS
    row = {name: sheet.cell(row=2, column=i + 1) for i, name in enumerate(header)}
    assert row["Dokument"].value == "borger01" and row["Gruppe"].value == "borger"
    assert row["Spørgsmål"].value == "Hvordan har familievejledningen været for jer?"
    assert row["Tekst"].value.startswith("Den har hjulpet os") and row["Tekst"].alignment.wrap_text
    assert sheet.freeze_panes == "G2"
    assert sheet.protection.sheet and not sheet.protection.password
    assert all(row[name].protection.locked for name in expected[:6])
    assert not any(row[name].protection.locked for name in [*expected[6:], "Kommentar"])
    assert sheet.column_dimensions["F"].width == 60
    rules = {dv.formula1: str(dv.sqref) for dv in sheet.data_validations.dataValidation}
    assert rules['"1,0"'].split() == ["G2:G8", "I2:I8", "K2:K8", "M2:M8"]
    assert rules['"positiv,negativ,blandet,neutral"'].split() == ["H2:H8", "J2:J8", "L2:L8", "N2:N8"]
    assert (
        "Kapacitet" in sheet["G1"].comment.text and "kapacitet" in sheet["G1"].comment.text.lower()
    )
    codebook_rows = list(book["Kodebog"].iter_rows(values_only=True))
    assert codebook_rows[0][:4] == ("Kode", "Tema", "Overkode", "Definition")
    assert codebook_rows[1][:4] == (
        "kapacitet",
        "Kapacitet",
        None,
        "For lidt kapacitet eller ønske om udvidelse.",
    )
    assert (
        codebook_rows[1][6] == "Vi mangler simpelthen folk."
        and codebook_rows[1][7] == "Vi mangler mælk."
    )
    guide = {row[0]: row[1] for row in book["Vejledning"].iter_rows(values_only=True) if row[0]}
    assert guide["Koder:"] == "Anne"


def test_human_sheet_unfilled_reads_back_empty(
    corpus: kv.Corpus, small_codebook: Codebook, tmp_path: Path
) -> None:
    path = write_sheet(corpus, small_codebook, tmp_path / "coder_anne.xlsx", coder_name="Anne")
    codings = read_codings(path, segments=corpus, codebook=small_codebook)
    assert codings.empty and list(codings.columns) == list(kv.frames.CODING_COLUMNS)


@pytest.mark.parametrize("text", ["=SUM(A1:A2)", "+45 20 30 40 50", "-ikke godt", "@alle", "=1+1"])
def test_human_sheet_formula_like_text_is_a_string(
    small_codebook: Codebook, tmp_path: Path, text: str
) -> None:
    path = write_sheet(_segments([text]), small_codebook, tmp_path / "ark.xlsx", pseudonymise=False)
    cell = openpyxl.load_workbook(path)["Kodning"]["F2"]
    assert cell.value == text and cell.data_type == "s"
    with zipfile.ZipFile(path) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()


def test_human_sheet_pseudonymises_by_default(small_codebook: Codebook, tmp_path: Path) -> None:
    segments = _segments(["Ring til mig på 20 30 40 50, hilsen Per Jensen"], speaker="Per Jensen")
    hidden = openpyxl.load_workbook(write_sheet(segments, small_codebook, tmp_path / "a.xlsx"))[
        "Kodning"
    ]
    assert "20 30 40 50" not in hidden["F2"].value and "[telefon]" in hidden["F2"].value
    assert "Jensen" not in hidden["D2"].value + hidden["F2"].value
    shown = openpyxl.load_workbook(
        write_sheet(segments, small_codebook, tmp_path / "b.xlsx", pseudonymise=False)
    )["Kodning"]
    assert shown["F2"].value == "Ring til mig på 20 30 40 50, hilsen Per Jensen"


def test_human_sheet_suggestions_are_separate_and_not_read(
    corpus: kv.Corpus, small_codebook: Codebook, tmp_path: Path
) -> None:
    coded = kv.code(corpus, small_codebook)
    path = write_sheet(corpus, small_codebook, tmp_path / "s.xlsx", codings=coded.codings)
    sheet = openpyxl.load_workbook(path)["Kodning"]
    header = [cell.value for cell in sheet[1]]
    assert header[-5:] == ["Kommentar", *(f"forslag: {code}" for code in CODES)]
    column = header.index("forslag: kapacitet") + 1
    cell = sheet.cell(row=2, column=column)  # borger01#1: "Vi mangler dog stadig folk"
    assert cell.value == "ja (negativ)" and cell.protection.locked
    assert "mangler ... folk" in cell.comment.text
    assert sheet.cell(row=3, column=column).value is None
    assert read_codings(path, segments=corpus, codebook=small_codebook).empty


def test_human_sheet_suggestion_reason_is_pseudonymised(small_codebook: Codebook, tmp_path: Path) -> None:
    codings = pd.DataFrame({"segment_id": ["doc#0"], "doc_id": "doc", "code": "relevans", "coder": "rules",
                            "score": 1.0, "valence": "positiv",
                            "why": ["svar på spørgsmål: »Fatima Hassan, har det hjulpet?«"]})
    path = write_sheet(_segments(["Ja, bestemt."]), small_codebook, tmp_path / "s.xlsx", codings=codings)
    sheet = openpyxl.load_workbook(path)["Kodning"]
    header = [cell.value for cell in sheet[1]]
    comment = sheet.cell(row=2, column=header.index("forslag: relevans") + 1).comment.text
    assert "har det hjulpet" in comment and "Fatima" not in comment and "Hassan" not in comment


def test_human_sheet_suggestions_from_two_coders(small_codebook: Codebook, tmp_path: Path) -> None:
    codings = pd.DataFrame(
        {
            "segment_id": ["doc#0", "doc#0"],
            "doc_id": "doc",
            "code": "relevans",
            "coder": ["rules", "model"],
            "score": 1.0,
            "valence": ["positiv", ""],
            "why": ["termer: hjulpet", ""],
        }
    )
    path = write_sheet(
        _segments(["Det har hjulpet."]), small_codebook, tmp_path / "s.xlsx", codings=codings
    )
    sheet = openpyxl.load_workbook(path)["Kodning"]
    header = [cell.value for cell in sheet[1]]
    assert (
        sheet.cell(row=2, column=header.index("forslag: relevans") + 1).value
        == "ja: model, rules (positiv)"
    )


def test_human_sheet_write_is_atomic(
    corpus: kv.Corpus, small_codebook: Codebook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ud").mkdir()
    target = tmp_path / "ud" / "ark.xlsx"
    target.write_bytes(b"old")

    def fail(self: object, filename: object) -> None:
        Path(str(filename)).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", fail)
    with pytest.raises(ReportError, match=r"\[E501\]"):
        write_sheet(corpus, small_codebook, target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in target.parent.iterdir()) == ["ark.xlsx"]


def test_human_sheet_no_respondents(small_codebook: Codebook, tmp_path: Path) -> None:
    segments = _segments(["Hvad synes du?"]).assign(speaker_role="interviewer")
    with pytest.raises(HumanCodingError, match=r"\[E840\]"):
        write_sheet(segments, small_codebook, tmp_path / "a.xlsx")
    assert not (tmp_path / "a.xlsx").exists()


def test_human_sheet_empty_codebook(tmp_path: Path) -> None:
    with pytest.raises(HumanCodingError, match=r"\[E841\]"):
        write_sheet(_segments(["tekst"]), Codebook(name="tom", codes=()), tmp_path / "a.xlsx")


def test_human_sheet_missing_columns(small_codebook: Codebook, tmp_path: Path) -> None:
    with pytest.raises(kv.CodingError, match=r"\[E303\].*speaker_role"):
        write_sheet(
            _segments(["x"]).drop(columns="speaker_role"), small_codebook, tmp_path / "a.xlsx"
        )


def test_human_sheet_cli(tiny_corpus: Path, small_codebook_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "coder_bo.xlsx"
    result = CliRunner().invoke(
        app,
        [
            "sheet",
            str(tiny_corpus),
            "--codebook",
            str(small_codebook_path),
            "--out",
            str(out),
            "--suggest",
            "--coder",
            "Bo",
            "--documents",
            "borger*",
        ],
    )
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out)["Kodning"]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == RESPONDENT_IDS[:3]
    assert sheet.cell(row=1, column=sheet.max_column).value == "forslag: civilsamfund"
    assert read_codings(out).empty
    guide = {
        row[0]: row[1]
        for row in openpyxl.load_workbook(out)["Vejledning"].iter_rows(values_only=True)
    }
    assert guide["Koder:"] == "Bo"


def test_sheet_validation_lets_accepted_marks_through(tmp_path: Path, small_codebook: Codebook) -> None:
    """The guide says x, ja and nej are accepted: the drop-down's validation must not refuse them."""
    from kvaleval.coding.human import PRESENT

    segments = pd.DataFrame({"segment_id": ["d#1"], "doc_id": ["d"], "turn_index": [1], "speaker": ["B"],
                             "speaker_role": ["respondent"], "text": ["Vi mangler folk."]})
    path = write_sheet(segments, small_codebook, tmp_path / "ark.xlsx")
    sheet = openpyxl.load_workbook(path)["Kodning"]
    marks = [v for v in sheet.data_validations.dataValidation if v.formula1 == '"1,0"']
    assert len(marks) == 1
    assert marks[0].errorStyle in ("warning", "information")  # "stop" (the default) refuses x and ja
    assert all(value in marks[0].error for value in PRESENT - {"1"})


def test_human_sheet_has_no_column_for_a_grouping_code(corpus: kv.Corpus, tmp_path: Path) -> None:
    # A code with codable: false only groups its sub-codes; the sheet asked coders to code it too.
    path = tmp_path / "kb.yaml"
    path.write_text("name: kb\ncodes:\n  - name: indsatser\n    codable: false\n    children:\n"
                    "      - name: familie\n        terms: [familievejledning]\n"
                    "  - name: kendskab\n    terms: [sekretariatet]\n", encoding="utf-8")
    book = kv.read_codebook(path)
    sheet = write_sheet(corpus, book, tmp_path / "ark.xlsx")
    header = [cell.value for cell in openpyxl.load_workbook(sheet).worksheets[0][1]]
    assert "indsatser" not in header and "indsatser: valens" not in header
    assert "familie" in header and "kendskab" in header
    read = read_codings(sheet, segments=corpus.segments, codebook=book)
    assert read.empty
