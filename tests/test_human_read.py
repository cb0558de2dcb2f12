"""Filled coding sheets and coding CSVs read back: every way a cell is saved, every bad cell."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kvaleval as kv
from kvaleval.coding.human import read_codings, read_sheet_segments
from kvaleval.errors import HumanCodingError
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
CODED = [1, 1.0, "1", " 1 ", "1.0", "1,0", "x", "X", "ja", " Ja ", True, "SAND", "sand", "TRUE", "Yes",
         "✓", " ✔ ", "☑", "√"]  # coders tick cells from Excel's symbols
NOT_CODED = [0, 0.0, "0", "nej", "NEJ", None, "", "   ", False, "FALSK", "false", "No", "-", " – "]


def fill(
    path: Path,
    values: dict[tuple[str, str], object],
    *,
    out: Path | None = None,
    coder: str | None = None,
) -> Path:
    """Fill a sheet as a spreadsheet program saves it: load with openpyxl, set the cells, save."""
    book = openpyxl.load_workbook(path)
    sheet = book["Kodning"]
    header = [cell.value for cell in sheet[1]]
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    for (segment, column), value in values.items():
        sheet.cell(row=rows[segment], column=header.index(column) + 1).value = value
    if coder is not None:
        guide = book["Vejledning"]
        for row in guide.iter_rows(min_col=1, max_col=2):
            if row[0].value == "Koder:":
                row[1].value = coder
    book.save(out or path)
    return out or path


def rewrite_cells(path: Path, cells: dict[str, str]) -> None:
    """Store cells as inline strings, the way some writers (LibreOffice exports, scripts) do."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    xml = members["xl/worksheets/sheet1.xml"].decode()
    for ref, text in cells.items():
        pattern = re.compile(rf'<c r="{ref}"( s="\d+")?( t="\w+")?(/>|>.*?</c>)')
        assert pattern.search(xml), ref
        xml = pattern.sub(
            lambda m, text=text, ref=ref: (
                f'<c r="{ref}"{m.group(1) or ""} t="inlineStr">'
                f'<is><t xml:space="preserve">{text}</t></is></c>'
            ),
            xml,
            count=1,
        )
    members["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


@pytest.fixture
def corpus(tiny_corpus: Path) -> kv.Corpus:
    return kv.read_corpus(tiny_corpus)


@pytest.fixture
def blank(corpus: kv.Corpus, small_codebook: Codebook, tmp_path: Path) -> Path:
    return write_sheet(corpus, small_codebook, tmp_path / "coder_anne.xlsx")


def expected(rows: list[tuple[str, str, str]], coder: str = "anne") -> pd.DataFrame:
    order = {segment: i for i, segment in enumerate(RESPONDENT_IDS)}
    frame = pd.DataFrame(
        [
            (s, s.rsplit("#", 1)[0], c, coder, 1.0, v, "")
            for s, c, v in sorted(rows, key=lambda r: (order[r[0]], r[1]))
        ],
        columns=list(kv.frames.CODING_COLUMNS),
    )
    return frame.astype({"score": float})


def test_human_read_filled_sheet(blank: Path, corpus: kv.Corpus, small_codebook: Codebook) -> None:
    fill(
        blank,
        {
            ("borger01#1", "kapacitet"): 1,
            ("borger01#1", "kapacitet: valens"): "negativ",
            ("borger01#1", "relevans"): "1",
            ("borger01#1", "relevans: valens"): " Positiv ",
            ("borger01#3", "kendskab"): " x ",
            ("borger01#3", "kendskab: valens"): "NEGATIV",
            ("partner01#1", "kapacitet"): 1.0,
            ("partner01#1", "kapacitet: valens"): "blandet",
            ("partner01#3", "civilsamfund"): "ja",
            ("partner01#3", "Kommentar"): "=usikker",
            ("survey#0", "relevans"): 0,
            ("survey#1", "kapacitet"): "0",
            ("survey#1", "relevans"): None,
        },
    )
    codings = read_codings(blank, segments=corpus, codebook=small_codebook)
    pd.testing.assert_frame_equal(
        codings,
        expected(
            [
                ("borger01#1", "kapacitet", "negativ"),
                ("borger01#1", "relevans", "positiv"),
                ("borger01#3", "kendskab", "negativ"),
                ("partner01#1", "kapacitet", "blandet"),
                ("partner01#3", "civilsamfund", ""),
            ]
        ),
    )
    assert read_sheet_segments(blank) == RESPONDENT_IDS


@pytest.mark.parametrize("value", CODED)
def test_human_read_values_read_as_coded(blank: Path, value: object) -> None:
    fill(blank, {("borger02#1", "relevans"): value})
    codings = read_codings(blank)
    assert codings[["segment_id", "code"]].values.tolist() == [["borger02#1", "relevans"]]


@pytest.mark.parametrize("value", NOT_CODED)
def test_human_read_values_read_as_not_coded(blank: Path, value: object) -> None:
    fill(blank, {("borger02#1", "relevans"): value})
    assert read_codings(blank).empty


def test_human_read_inline_strings(blank: Path, corpus: kv.Corpus) -> None:
    rewrite_cells(blank, {"G4": " 1 ", "H4": "Positiv ", "I4": "0"})
    codings = read_codings(blank, segments=corpus)
    assert codings[["segment_id", "code", "valence"]].values.tolist() == [
        ["borger02#1", "kapacitet", "positiv"]
    ]


@pytest.mark.parametrize("value", [2, 0.5, -1, "2", "måske", "11", "ja tak", "1 1", "#N/A", "✗", "--"])
def test_human_read_bad_value_names_the_cell(blank: Path, value: object) -> None:
    fill(blank, {("partner01#1", "relevans"): value})  # row 5, column I
    with pytest.raises(HumanCodingError) as info:
        read_codings(blank)
    message = str(info.value)
    assert "[E805]" in message and "1 problem(er)" in message
    assert f"[E806] arket 'Kodning', celle I5 (række 5, kolonne 'relevans'): {value!r}" in message


def test_human_read_collects_every_problem(
    blank: Path, corpus: kv.Corpus, small_codebook: Codebook
) -> None:
    book = openpyxl.load_workbook(blank)
    sheet = book["Kodning"]
    sheet["A3"] = "borger01#99"  # edited id
    sheet["A4"] = "borger01#1"  # duplicate id
    sheet["A6"] = None  # cleared id, but coded
    sheet["G6"] = 1
    sheet["A8"] = "borger01#0"  # an interviewer turn
    sheet["G2"] = "kanske"  # bad mark
    sheet["J2"] = "glad"  # bad valence
    sheet["L7"] = "positiv"  # valence without the code
    sheet.append(["survey#0"])  # a second row for survey#0
    book.save(blank)
    with pytest.raises(HumanCodingError) as info:
        read_codings(blank, segments=corpus, codebook=small_codebook)
    message = str(info.value)
    assert "har 8 problem(er)" in message
    for part in [
        "[E806] arket 'Kodning', celle G2 (række 2, kolonne 'kapacitet'): 'kanske'",
        "[E807] arket 'Kodning', celle J2 (række 2, kolonne 'relevans: valens'): 'glad'",
        "[E809] arket 'Kodning', celle A3 (række 3, kolonne 'segment_id'): "
        "segmentet 'borger01#99'",
        "[E811] arket 'Kodning', celle A4 (række 4, kolonne 'segment_id'): "
        "segmentet 'borger01#1' står der igen (første gang i række 2)",
        "[E810] arket 'Kodning', celle A6 (række 6, kolonne 'segment_id')",
        "[E808] arket 'Kodning', celle L7 (række 7, kolonne 'kendskab: valens')",
        "[E816] arket 'Kodning', celle A8 (række 8, kolonne 'segment_id'): "
        "'borger01#0' er en interviewertur",
        "[E811] arket 'Kodning', celle A9 (række 9, kolonne 'segment_id'): "
        "segmentet 'survey#0' står der igen (første gang i række 7)",
    ]:
        assert part in message, part


def test_human_read_unknown_code_column(blank: Path, small_codebook: Codebook) -> None:
    """A renamed code column is one error naming the missing code and the column, codebook or not."""
    book = openpyxl.load_workbook(blank)
    book["Kodning"]["I1"] = "relevanz"
    book["Kodning"]["J1"] = "relevanz: valens"
    book.save(blank)
    fill(blank, {("survey#0", "relevanz"): 1, ("survey#0", "relevanz: valens"): "positiv"})
    for codebook, source in ((small_codebook, "kodebogen"), (None, "arket 'Kodebog'")):
        with pytest.raises(HumanCodingError) as caught:
            read_codings(blank, codebook=codebook)
        message = str(caught.value)
        assert "har 1 problem(er)" in message
        assert f"[E846] arket 'Kodning' har ingen kolonne for koden/koderne 'relevans', som {source}" in message
        assert "Kolonne(r), der ikke er læst: I ('relevanz'), J ('relevanz: valens')" in message
    book = openpyxl.load_workbook(blank)
    del book["Kodebog"]  # no list of codes in the file and no codebook: any column is a code
    book.save(blank)
    assert read_codings(blank)["code"].tolist() == ["relevanz"]


def test_human_read_coder_name(blank: Path, tmp_path: Path) -> None:
    fill(blank, {("survey#0", "relevans"): 1})
    assert read_codings(blank)["coder"].tolist() == ["anne"]  # coder_anne.xlsx
    assert read_codings(blank, coder="Bo")["coder"].tolist() == ["Bo"]
    named = fill(blank, {}, out=tmp_path / "ark.xlsx", coder=" Karen ")
    assert read_codings(named)["coder"].tolist() == ["Karen"]
    assert read_codings(named, coder="Bo")["coder"].tolist() == ["Bo"]


def test_human_read_sheet_found_by_header(blank: Path) -> None:
    fill(blank, {("survey#0", "relevans"): 1})
    book = openpyxl.load_workbook(blank)
    book["Kodning"].title = "Ark1"
    book.move_sheet("Ark1", offset=1)
    book.save(blank)
    assert read_codings(blank)["segment_id"].tolist() == ["survey#0"]


def test_human_read_file_errors(tmp_path: Path, blank: Path) -> None:
    with pytest.raises(HumanCodingError, match=r"\[E800\]"):
        read_codings(tmp_path / "findes_ikke.xlsx")
    (tmp_path / "a.txt").write_text("x")
    with pytest.raises(HumanCodingError, match=r"\[E801\].*'\.txt'"):
        read_codings(tmp_path / "a.txt")
    (tmp_path / "b.xlsx").write_bytes(b"not a zip file")
    with pytest.raises(HumanCodingError, match=r"\[E802\].*b\.xlsx.*ikke en hel \.xlsx-fil"):
        read_codings(tmp_path / "b.xlsx")
    (tmp_path / "c.xlsx").write_bytes(blank.read_bytes()[:2000])  # cut off in the copy
    with pytest.raises(HumanCodingError, match=r"\[E802\].*c\.xlsx.*afkortet"):  # not "File is not a zip file"
        read_codings(tmp_path / "c.xlsx")
    (tmp_path / "d.xlsx").write_bytes(b"")
    with pytest.raises(HumanCodingError, match=r"\[E802\].*d\.xlsx.*filen er tom"):
        read_codings(tmp_path / "d.xlsx")
    book = openpyxl.load_workbook(blank)
    book["Kodning"]["A1"] = "id"
    book.save(blank)
    with pytest.raises(HumanCodingError, match=r"\[E803\].*Kodning, Kodebog, Vejledning"):
        read_codings(blank)


# -- CSV ----------------------------------------------------------------------------------


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_human_read_gold_csv(tmp_path: Path, corpus: kv.Corpus, small_codebook: Codebook) -> None:
    path = write(
        tmp_path / "gold.csv",
        "doc_id,turn_index,code,valence,coder\n"
        "borger01,1,kapacitet,negativ,guld\n"
        "borger01,1,relevans,positiv,guld\n"
        "survey,1,kapacitet,,guld\n"
        "borger01,1,relevans,positiv,guld\n"
        "\n",
    )
    codings = read_codings(path, segments=corpus, codebook=small_codebook)
    pd.testing.assert_frame_equal(
        codings,
        expected(
            [
                ("borger01#1", "kapacitet", "negativ"),
                ("borger01#1", "relevans", "positiv"),
                ("survey#1", "kapacitet", ""),
            ],
            coder="guld",
        ),
    )


@pytest.mark.parametrize(
    "encoding,bom,newline",
    [("utf-8", "", "\n"), ("utf-8", "\ufeff", "\r\n"), ("cp1252", "", "\r\n")],
)
def test_human_read_semicolon_csv_encodings(
    tmp_path: Path, encoding: str, bom: str, newline: str
) -> None:
    lines = [
        "segment_id;code;valence;coder",
        "borger02#1;relevans;positiv;Søren",
        "survey#0;relevans;;Søren",
    ]
    path = write(tmp_path / "x.csv", bom + newline.join(lines) + newline, encoding)
    codings = read_codings(path)
    assert codings[["segment_id", "doc_id", "code", "coder", "valence"]].values.tolist() == [
        ["borger02#1", "borger02", "relevans", "Søren", "positiv"],
        ["survey#0", "survey", "relevans", "Søren", ""],
    ]


def test_human_read_csv_coder_fallbacks(tmp_path: Path) -> None:
    path = write(tmp_path / "koder_bo.csv", "segment_id,code\nd#1,a\n")
    assert read_codings(path)["coder"].tolist() == ["bo"]
    assert read_codings(path, coder="Eva")["coder"].tolist() == ["Eva"]
    path = write(
        tmp_path / "mixed.csv", "doc_id,turn_index,code,coder\nd,1,a,x\nd,2,a,\nd,10,a,y\n"
    )
    codings = read_codings(path)
    assert codings[["segment_id", "coder"]].values.tolist() == [
        ["d#1", "x"],
        ["d#2", "mixed"],
        ["d#10", "y"],
    ]


def test_human_read_csv_problems(
    tmp_path: Path, corpus: kv.Corpus, small_codebook: Codebook
) -> None:
    path = write(
        tmp_path / "gold.csv",
        "doc_id,turn_index,code,valence\n"
        "borger01,en,kapacitet,\n"  # 2: not a number
        "borger99,1,kapacitet,\n"  # 3: unknown document
        "borger01,7,kapacitet,\n"  # 4: no such turn
        "borger01,0,kapacitet,\n"  # 5: interviewer turn
        "borger01,1,,\n"  # 6: empty code
        "borger01,1,kapacitet,sur\n"  # 7: bad valence
        "borger01,1,ventetid,\n"  # 8: not in the codebook
        "survey,1,relevans,positiv\n"  # 9
        "survey,1.0,relevans,negativ\n"  # 10: conflicting valence
        ",1,relevans,\n",
    )  # 11: no document
    with pytest.raises(HumanCodingError) as info:
        read_codings(path, segments=corpus, codebook=small_codebook)
    message = str(info.value)
    assert "har 9 problem(er)" in message
    for part in [
        "[E813] linje 2, kolonne 'turn_index': turnummeret 'en'",
        "[E815] linje 3, kolonne 'doc_id': dokumentet 'borger99' er ikke i korpusset",
        "[E814] linje 4, kolonne 'turn_index': dokumentet 'borger01' har ingen taletur 7; dets ture er 0-3",
        "[E816] linje 5, kolonne 'turn_index': 'borger01#0' er en interviewertur",
        "[E818] linje 6, kolonne 'code'",
        "[E807] linje 7, kolonne 'valence': 'sur'",
        "[E812] linje 8, kolonne 'code': 'ventetid' er ikke en kode",
        "[E817] linje 10, kolonne 'valence': "
        "'relevans' har valensen 'positiv' i linje 9 og 'negativ' her",
        "[E810] linje 11, kolonne 'doc_id'",
    ]:
        assert part in message, part


def test_human_read_csv_header(tmp_path: Path) -> None:
    path = write(tmp_path / "x.csv", "document,turn,codes\nd,1,a\n")
    with pytest.warns(kv.KvalevalWarning, match=r"\[W802\]"), pytest.raises(
            HumanCodingError, match=r"\[E804\].*fandt: document, turn, codes"):
        read_codings(path)


def test_human_read_unknown_segment_id_csv(tmp_path: Path, corpus: kv.Corpus) -> None:
    path = write(tmp_path / "x.csv", "segment_id,code\nborger01#1,kapacitet\nborger1#1,kapacitet\n")
    with pytest.raises(
        HumanCodingError, match=r"\[E815\] linje 3, kolonne 'segment_id': dokumentet 'borger1'"
    ):
        read_codings(path, segments=corpus)


# -- property: whatever a coder marks comes back -------------------------------------------

MARKS = st.sampled_from(CODED + NOT_CODED)
VALENCE = st.sampled_from(["", "positiv", " Negativ ", "BLANDET", None])


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cells=st.dictionaries(
        st.tuples(st.sampled_from(RESPONDENT_IDS), st.sampled_from(CODES)),
        st.tuples(MARKS, VALENCE),
        max_size=12,
    )
)
def test_human_read_round_trip(
    cells: dict[tuple[str, str], tuple[object, object]],
    corpus: kv.Corpus,
    small_codebook: Codebook,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    path = write_sheet(corpus, small_codebook, tmp_path_factory.mktemp("rt") / "coder_anne.xlsx")
    values: dict[tuple[str, str], object] = {}
    rows = []
    for (segment, code), (mark, valence) in cells.items():
        values[(segment, code)] = mark
        if mark in CODED:
            values[(segment, f"{code}: valens")] = valence
            rows.append((segment, code, (valence or "").strip().lower()))
    fill(path, values)
    pd.testing.assert_frame_equal(
        read_codings(path, segments=corpus, codebook=small_codebook), expected(rows)
    )


def test_human_read_sheet_segments_needs_a_sheet(tmp_path: Path) -> None:
    path = write(tmp_path / "x.csv", "segment_id,code\nd#1,a\n")
    with pytest.raises(HumanCodingError, match=r"\[E801\].*'\.csv'"):
        read_sheet_segments(path)
    with pytest.raises(HumanCodingError, match=r"\[E800\]"):
        read_sheet_segments(tmp_path / "mangler.xlsx")


def test_human_read_excel_separator_line(tmp_path: Path) -> None:
    path = write(tmp_path / "x.csv", "sep=;\r\nsegment_id;code;valence\r\nd#1;a;sur\r\n")
    with pytest.raises(HumanCodingError, match=r"\[E807\] linje 3, kolonne 'valence': 'sur'"):
        read_codings(path)


def test_human_read_csv_danish_columns_and_code_case(tmp_path: Path, corpus: kv.Corpus,
                                                     small_codebook: Codebook) -> None:
    """'valens' was silently ignored (every valence lost); 'Relevans ' is the code relevans."""
    path = tmp_path / "bo.csv"
    path.write_text("Segment;Kode;Valens;Koder\nborger01#1;Relevans ;positiv;bo\n"
                    "partner01#1;kapacitet;NEGATIV;bo\n", encoding="utf-8")
    codings = read_codings(path, segments=corpus, codebook=small_codebook)
    assert codings[["segment_id", "code", "coder", "valence"]].values.tolist() == [
        ["borger01#1", "relevans", "bo", "positiv"], ["partner01#1", "kapacitet", "bo", "negativ"]]
    by_turn = tmp_path / "gold.csv"
    by_turn.write_text("dokument,tur,kode,valens,tone\nborger01,1,kapacitet,negativ,sikker\n",
                       encoding="utf-8")
    with pytest.warns(kv.KvalevalWarning, match=r"\[W802\].*'tone' er ikke læst"):
        codings = read_codings(by_turn, segments=corpus, codebook=small_codebook)
    assert codings[["segment_id", "code", "valence"]].values.tolist() == [["borger01#1", "kapacitet", "negativ"]]


def test_read_codings_names_a_missing_document_once(corpus: kv.Corpus, tmp_path: Path) -> None:
    # A gold file from another corpus folder gave one E815 per line: four documents, 55 lines.
    path = tmp_path / "guld.csv"
    path.write_text("doc_id,turn_index,code\n" + "".join(f"borger99,{turn},kapacitet\n" for turn in range(1, 8))
                    + "borger01,1,kapacitet\nandet,1,kapacitet\n", encoding="utf-8")
    with pytest.raises(HumanCodingError) as info:
        read_codings(path, segments=corpus.segments)
    message = str(info.value)
    assert message.count("[E815]") == 2
    assert ("[E815] linje 2, kolonne 'doc_id': dokumentet 'borger99' er ikke i korpusset" in message
            and "(og 6 linje(r) mere med det dokument)" in message)
    assert "'andet' er ikke i korpusset" in message and "har 2 problem(er)" in message


def test_human_read_tab_separated_csv(tmp_path: Path, corpus: kv.Corpus, small_codebook: Codebook) -> None:
    # LibreOffice saves CSV with tab as the field separator when asked; the header was read as one
    # column ("segment_idcodevalence") and the file refused with E804.
    rows = [("borger01#1", "kapacitet", "negativ"), ("partner01#3", "kendskab", "")]
    tab = write(tmp_path / "koder_anne.csv", "segment_id\tcode\tvalence\n"
                + "".join("\t".join(row) + "\n" for row in rows))
    comma = write(tmp_path / "koder_bo.csv", "segment_id,code,valence\n"
                  + "".join(",".join(row) + "\n" for row in rows))
    read = read_codings(tab, segments=corpus, codebook=small_codebook)
    assert read[["segment_id", "code", "valence"]].values.tolist() == [list(row) for row in rows]
    same = read_codings(comma, segments=corpus, codebook=small_codebook)
    assert read.drop(columns="coder").equals(same.drop(columns="coder"))


def test_human_read_english_valence_words(blank: Path, tmp_path: Path, corpus: kv.Corpus,
                                          small_codebook: Codebook) -> None:
    # A codebook reads positive/negative/mixed as positiv/negativ/blandet; a coder writing them in a
    # sheet or a CSV got E807 instead.
    fill(blank, {("borger01#1", "kapacitet"): 1, ("borger01#1", "kapacitet: valens"): "Positive ",
                 ("partner01#1", "kapacitet"): 1, ("partner01#1", "kapacitet: valens"): "NEGATIVE"})
    sheet = read_codings(blank, segments=corpus, codebook=small_codebook)
    assert sheet[["segment_id", "valence"]].values.tolist() == [["borger01#1", "positiv"], ["partner01#1", "negativ"]]
    path = write(tmp_path / "guld.csv", "segment_id;code;valence\nborger01#1;relevans;mixed\n")
    assert read_codings(path, segments=corpus, codebook=small_codebook)["valence"].tolist() == ["blandet"]
    with pytest.raises(HumanCodingError, match=r"\[E807\].*'neutrall' er ikke en valens"):
        read_codings(write(tmp_path / "b.csv", "segment_id;code;valence\nborger01#1;relevans;neutrall\n"),
                     segments=corpus, codebook=small_codebook)


def test_human_read_neutral_is_a_coding_without_valence(blank: Path, tmp_path: Path, corpus: kv.Corpus,
                                                         small_codebook: Codebook) -> None:
    # A human coder writes "neutral" where the rule coder leaves the valence empty; it was E807 and
    # the whole file was refused. A "neutral" beside a theme not marked 1 is still a stray valence.
    path = write(tmp_path / "guld.csv", "doc_id,turn_index,code,valence\nborger01,1,relevans,Neutral\n"
                 "borger01,1,kapacitet,neutralt\nsurvey,1,kapacitet,positiv\n")
    gold = read_codings(path, segments=corpus, codebook=small_codebook)
    assert gold[["segment_id", "code", "valence"]].values.tolist() == [
        ["borger01#1", "kapacitet", ""], ["borger01#1", "relevans", ""], ["survey#1", "kapacitet", "positiv"]]
    fill(blank, {("borger01#1", "kapacitet"): 1, ("borger01#1", "kapacitet: valens"): "neutral",
                 ("partner01#1", "relevans: valens"): "neutral"})
    with pytest.raises(HumanCodingError) as info:
        read_codings(blank, segments=corpus, codebook=small_codebook)
    assert "[E808]" in str(info.value) and "relevans: valens" in str(info.value)
    fill(blank, {("partner01#1", "relevans: valens"): None})
    sheet = read_codings(blank, segments=corpus, codebook=small_codebook)
    assert sheet[["segment_id", "code", "valence"]].values.tolist() == [["borger01#1", "kapacitet", ""]]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_human_read_utf16_csv(tmp_path: Path, encoding: str) -> None:
    # Excel's "Unicode-tekst" is UTF-16 with a BOM and tabs; saved as (or renamed to) .csv it was read as
    # cp1252 and refused with a header of 'ÿþd o c _ i d'.
    text = "\ufeff" if encoding == "utf-16-be" else ""
    text += "doc_id\tturn_index\tcode\tvalence\tcoder\r\nborger02\t1\trelevans\tpositiv\tSøren\r\n"
    path = write(tmp_path / "x.csv", text, encoding)
    codings = read_codings(path)
    assert codings[["segment_id", "code", "coder", "valence"]].values.tolist() == [
        ["borger02#1", "relevans", "Søren", "positiv"]]


def test_human_read_document_named_as_its_file_is_pointed_to(tmp_path: Path, corpus: kv.Corpus) -> None:
    # A gold CSV typed by hand names the file ('borger01.txt') or drops the folder; E815 only gave the
    # rule, now also the one document meant.
    path = write(tmp_path / "guld.csv", "doc_id;turn_index;code\nborger01.txt;1;kapacitet\nBORGER02;1;relevans\n"
                 "nyt_interview;1;relevans\n")
    with pytest.raises(HumanCodingError) as info:
        read_codings(path, segments=corpus)
    message = str(info.value)
    assert "dokumentet 'borger01.txt' er ikke i korpusset" in message and "Mente du 'borger01'?" in message
    assert "Mente du 'borger02'?" in message
    assert message.count("Mente du") == 2  # nothing to point to for nyt_interview
