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
    # openpyxl saves no value, as a script would; the valence beside it is no second problem (E808)
    fill(blank, {("borger01#1", "relevans"): "=1", ("borger01#1", "relevans: valens"): "positiv"})
    letter = openpyxl.utils.get_column_letter(column(blank, "relevans"))
    with pytest.raises(HumanCodingError, match=rf"(?s)har 1 problem.*\[E848\] arket 'Kodning', celle {letter}2: "
                                               r"formlen '=1' har ingen gemt værdi.*gem den igen"):
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


def _shuffle_column(path: Path, header: str, order: list[int]) -> None:
    """Excel's "continue with the current selection": one column's cells sorted, the ids left."""
    book = openpyxl.load_workbook(path)
    sheet = book["Kodning"]
    index = [cell.value for cell in sheet[1]].index(header) + 1
    values = [sheet.cell(row=row, column=index).value for row in range(2, sheet.max_row + 1)]
    for row, source in enumerate(order, start=2):
        sheet.cell(row=row, column=index).value = values[source]
    book.save(path)


def test_a_sheet_sorted_without_its_ids_is_refused(tiny_corpus: Path, blank: Path, small_codebook: Codebook) -> None:
    # The text (and the codes beside it) sorted while the ids stayed: 463 of 524 codings landed on
    # other turns, and agreement, evaluate and train read them without a word.
    fill(blank, TICKS)
    rows = len(RESPONDENT_IDS)
    _shuffle_column(blank, "Tekst", [1, 0, *range(2, rows)])
    segments = kv.read_corpus(tiny_corpus).segments
    with pytest.raises(HumanCodingError, match=r"E852\] arket 'Kodning', celle F2 .*passer ikke til turen") as raised:
        read_codings(blank, segments=segments, codebook=small_codebook)
    assert str(raised.value).count("[E852]") == 2
    assert read_codings(blank, codebook=small_codebook).shape[0] == 2  # without the corpus: nothing to check against


def test_a_sheet_with_the_codes_written_elsewhere_is_refused(blank: Path, small_codebook: Codebook,
                                                             tiny_corpus: Path) -> None:
    # Code names written in the Kommentar column, no tick anywhere: read as a coder who coded
    # nothing (κ 0, a gold standard with nothing in it) without a word.
    fill(blank, {(RESPONDENT_IDS[0], "Kommentar"): "relevans, kapacitet"})
    with pytest.raises(HumanCodingError, match=r"E853\] .*coder_anne.xlsx: koderen har ikke afkrydset en eneste "
                                               r"kode.*'Kommentar'"):
        read_human_codings([blank], segments=kv.read_corpus(tiny_corpus).segments, codebook=small_codebook)


def test_deleted_rows_are_noted(tiny_corpus: Path, blank: Path, small_codebook: Codebook) -> None:
    fill(blank, TICKS)
    book = openpyxl.load_workbook(blank)
    book["Kodning"].delete_rows(3)
    book.save(blank)
    gone = RESPONDENT_IDS[1]
    with pytest.warns(KvalevalWarning, match=rf"W803\] .*1 respondentture .*\({re.escape(gone)}\)"):
        human = read_human_codings([blank], segments=kv.read_corpus(tiny_corpus).segments, codebook=small_codebook)
    assert gone not in human.coverage["anne"]


def test_a_renamed_valence_column_with_valences_is_refused(blank: Path, small_codebook: Codebook) -> None:
    # "valens kapacitet" for "kapacitet: valens": all the column's valences were dropped, with only
    # W801's advice about code columns.
    fill(blank, {(RESPONDENT_IDS[0], "kapacitet"): 1, (RESPONDENT_IDS[0], "kapacitet: valens"): "negativ"})
    book = openpyxl.load_workbook(blank)
    sheet = book["Kodning"]
    index = [cell.value for cell in sheet[1]].index("kapacitet: valens") + 1
    sheet.cell(row=1, column=index).value = "valens kapacitet"
    book.save(blank)
    with pytest.warns(KvalevalWarning, match="W801"), pytest.raises(
            HumanCodingError, match=r"E854\] .*'valens kapacitet'.*Skriv overskriften som 'kapacitet: valens'"):
        read_codings(blank, codebook=small_codebook)


def test_a_sheet_of_another_corpus_is_named_once_per_document(blank: Path, tiny_corpus: Path,
                                                              small_codebook: Codebook) -> None:
    # Read against the wrong corpus folder, a sheet gave one E809 per row (41 lines for 41 turns, the
    # first 40 listed); a coding CSV says E815 once per document, and so does a sheet now.
    fill(blank, TICKS)
    book = openpyxl.load_workbook(blank)
    sheet = book["Kodning"]
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row=row, column=1).value = "interviews/" + sheet.cell(row=row, column=1).value
    book.save(blank)
    with pytest.raises(HumanCodingError) as info:
        read_codings(blank, segments=kv.read_corpus(tiny_corpus), codebook=small_codebook)
    message = str(info.value)
    documents = {segment.split("#")[0] for segment in RESPONDENT_IDS}
    assert f"har {len(documents)} problem(er)" in message and "E809" not in message
    assert "[E815] arket 'Kodning', celle A2 (række 2, kolonne 'segment_id'): dokumentet 'interviews/borger01'" \
        in message
    assert "(og 1 række(r) mere med det dokument)" in message  # borger01 has two respondent turns


def test_a_code_column_sorted_by_itself_is_said_to_be(blank: Path, small_codebook: Codebook) -> None:
    # Only the 'kapacitet' column sorted (Excel's "continue with the current selection"): its 1s left their
    # valences behind. Each stray valence was an E808 'set the code to 1' - which would code the wrong turns.
    ticks = {(segment, "kapacitet"): 1 for segment in RESPONDENT_IDS[:3]}
    ticks.update({(segment, "kapacitet: valens"): "negativ" for segment in RESPONDENT_IDS[:3]})
    fill(blank, ticks)
    rows = len(RESPONDENT_IDS)
    _shuffle_column(blank, "kapacitet", [*range(3, rows), 0, 1, 2])  # the 1s now in the last three rows
    with pytest.raises(HumanCodingError) as raised:
        read_codings(blank, codebook=small_codebook)
    message = str(raised.value)
    assert message.count("[E808]") == 3
    assert message.count("er kolonnen 'kapacitet' sorteret eller flyttet for sig selv? Sortér altid hele arket.") == 1
    assert "I alt har 3 rækker i kolonnen en valens uden 1, mens 3 har 1 uden valens" in message


def test_two_stray_valences_are_not_called_a_sorted_column(blank: Path, small_codebook: Codebook) -> None:
    fill(blank, {("borger01#1", "kapacitet: valens"): "negativ", ("borger01#3", "kapacitet: valens"): "negativ",
                 **{(segment, "kapacitet"): 1 for segment in RESPONDENT_IDS[3:]}})
    with pytest.raises(HumanCodingError) as raised:
        read_codings(blank, codebook=small_codebook)
    assert str(raised.value).count("[E808]") == 2 and "sorteret" not in str(raised.value)
