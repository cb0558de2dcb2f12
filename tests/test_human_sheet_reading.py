"""Filled sheets as coders really return them: a wrong dimension, a copied sheet, deleted or renamed
columns, merged cells, formulas without a saved value, private columns. No tick is lost silently."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

import kvaleval as kv
from kvaleval.coding.human import read_codings, read_human_codings, read_sheet_segments
from kvaleval.errors import HumanCodingError, KvalevalWarning
from kvaleval.records import Codebook
from kvaleval.report.sheet import write_sheet
from test_human_read import RESPONDENT_IDS, fill

TICKS = {("borger01#1", "relevans"): 1, ("partner01#3", "kendskab"): "x",
         ("partner01#3", "kendskab: valens"): "negativ"}


@pytest.fixture
def blank(tiny_corpus: Path, small_codebook: Codebook, tmp_path: Path) -> Path:
    return write_sheet(kv.read_corpus(tiny_corpus), small_codebook, tmp_path / "coder_anne.xlsx")


def column(path: Path, header: str) -> int:
    return [cell.value for cell in openpyxl.load_workbook(path)["Kodning"][1]].index(header) + 1


def test_wrong_dimension_tag(blank: Path, small_codebook: Codebook) -> None:
    """Some writers record the used range as A1 (or too small); every cell is still read."""
    fill(blank, TICKS)
    for ref in ("A1", "A1:H3"):
        with zipfile.ZipFile(blank) as archive:
            members = {name: archive.read(name) for name in archive.namelist()}
        xml = members["xl/worksheets/sheet1.xml"].decode()
        members["xl/worksheets/sheet1.xml"] = re.sub(r'<dimension ref="[^"]*"/>',
                                                     f'<dimension ref="{ref}"/>', xml).encode()
        with zipfile.ZipFile(blank, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members.items():
                archive.writestr(name, data)
        codings = read_codings(blank, codebook=small_codebook)
        assert sorted(zip(codings["segment_id"], codings["code"], codings["valence"], strict=True)) == [
            ("borger01#1", "relevans", ""), ("partner01#3", "kendskab", "negativ")]
        assert read_sheet_segments(blank) == RESPONDENT_IDS


def test_codings_in_a_copied_sheet(blank: Path, small_codebook: Codebook) -> None:
    book = openpyxl.load_workbook(blank)
    copy = book.copy_worksheet(book["Kodning"])
    copy.title = "Kodning (2)"
    copy.cell(row=2, column=column(blank, "relevans")).value = 1  # borger01#1
    book.save(blank)
    codings = read_codings(blank, codebook=small_codebook)  # the original 'Kodning' is blank
    assert codings[["segment_id", "code"]].values.tolist() == [["borger01#1", "relevans"]]
    fill(blank, {("survey#0", "kapacitet"): 1})  # now both sheets hold codings
    with pytest.raises(HumanCodingError, match=r"\[E847\].*'Kodning' \(1 kodede celler\), 'Kodning \(2\)' "
                                               r"\(1 kodede celler\)"):
        read_codings(blank, codebook=small_codebook)


def test_deleted_code_columns(blank: Path, small_codebook: Codebook) -> None:
    fill(blank, TICKS)
    book = openpyxl.load_workbook(blank)
    book["Kodning"].delete_cols(column(blank, "kapacitet"), 2)  # the code and its valence
    book.save(blank)
    for codebook in (small_codebook, None):  # None: the sheet's own 'Kodebog' lists the codes
        with pytest.raises(HumanCodingError, match=r"\[E846\] arket 'Kodning' har ingen kolonne for koden/koderne "
                                                   r"'kapacitet'"):
            read_codings(blank, codebook=codebook)


def test_merged_cells_give_every_cell_their_value(blank: Path, small_codebook: Codebook) -> None:
    fill(blank, {("borger01#1", "relevans"): 1})
    book = openpyxl.load_workbook(blank)
    letter = openpyxl.utils.get_column_letter(column(blank, "relevans"))
    book["Kodning"].merge_cells(f"{letter}2:{letter}4")  # rows of borger01#1, borger01#3, borger02#1
    book.save(blank)
    codings = read_codings(blank, codebook=small_codebook)
    assert codings["segment_id"].tolist() == ["borger01#1", "borger01#3", "borger02#1"]


def test_formula_without_a_saved_value(blank: Path, small_codebook: Codebook) -> None:
    fill(blank, {("borger01#1", "relevans"): "=1"})  # openpyxl saves no value, as a script would
    letter = openpyxl.utils.get_column_letter(column(blank, "relevans"))
    with pytest.raises(HumanCodingError, match=rf"\[E848\] arket 'Kodning', celle {letter}2: formlen '=1' "
                                               r"har ingen gemt værdi.*gem den igen"):
        read_codings(blank, codebook=small_codebook)


def test_private_and_renamed_columns_without_codebook(blank: Path) -> None:
    """Without a codebook the sheet's own 'Kodebog' sheet gives the codes: 'tvivl' is no theme."""
    fill(blank, TICKS)
    book = openpyxl.load_workbook(blank)
    sheet = book["Kodning"]
    sheet.cell(row=1, column=column(blank, "relevans")).value = " Relevans"
    sheet.cell(row=1, column=column(blank, "relevans: valens")).value = "Relevans:  Valens"
    extra = sheet.max_column + 1
    sheet.cell(row=1, column=extra).value = "tvivl"
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row=row, column=extra).value = "x"
    book.save(blank)
    with pytest.warns(KvalevalWarning, match=r"\[W801\].*kolonne\(r\) \w+ \('tvivl'\) er ikke koder"):
        human = read_human_codings(blank)
    assert sorted(zip(human.codings["segment_id"], human.codings["code"], strict=True)) == [
        ("borger01#1", "relevans"), ("partner01#3", "kendskab")]
    assert human.codes == ("kapacitet", "relevans", "kendskab", "civilsamfund")


def test_header_case_typo_with_a_codebook(blank: Path, small_codebook: Codebook) -> None:
    """'Relevans' for 'relevans' is the code, valences included: no E812, no E808 per row."""
    fill(blank, {**TICKS, ("borger01#1", "relevans: valens"): "positiv"})
    book = openpyxl.load_workbook(blank)
    book["Kodning"].cell(row=1, column=column(blank, "relevans")).value = "Relevans"
    book["Kodning"].cell(row=1, column=column(blank, "relevans: valens")).value = "Relevans: valens"
    book.save(blank)
    codings = read_codings(blank, codebook=small_codebook)
    assert ("borger01#1", "relevans", "positiv") in set(
        zip(codings["segment_id"], codings["code"], codings["valence"], strict=True))
