"""Every format of DESIGN.md "Corpus conventions", written by the real libraries, read back.

Each test checks the turns (speaker, role, text) and, through
``assert_nothing_lost``, that every segment is the exact slice
``document.text[start:end]`` and that no text lies outside the segments.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

import kvaleval as kv
from conftest import write_docx, write_xlsx
from kvaleval.corpus import Corpus
from kvaleval.errors import CorpusError, KvalevalWarning
from kvaleval.records import INTERVIEWER, RESPONDENT
from test_segment_coverage import assert_nothing_lost

Q, A = INTERVIEWER, RESPONDENT  # the asking and the answering side
DANISH = "I: Hvordan går det med æbler, øl og ål?\nB: Det går godt. Ærlig talt, Øjvind og Åse også.\n"
DANISH_TURNS = [("I", Q, "Hvordan går det med æbler, øl og ål?"),
                ("B", A, "Det går godt. Ærlig talt, Øjvind og Åse også.")]


def read(folder: Path, **options: object) -> Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        corpus = kv.read_corpus(folder, **options)  # type: ignore[arg-type]
    assert_nothing_lost(corpus)
    return corpus


def turns(corpus: Corpus, doc_id: str | None = None) -> list[tuple[str, str, str]]:
    segments = corpus.segments
    if doc_id is not None:
        segments = segments[segments["doc_id"] == doc_id]
    return list(zip(segments["speaker"], segments["speaker_role"], segments["text"], strict=True))


def notes(corpus: Corpus) -> str:
    return "\n".join(corpus.notes["message"])


# --- plain text: encodings ---------------------------------------------------------------

ENCODINGS = [
    ("utf-8", b"", "utf-8", None),
    ("utf-8", b"\xef\xbb\xbf", "utf-8-sig", None),
    ("utf-16-le", b"\xff\xfe", "utf-16-le", None),
    ("utf-16-be", b"\xfe\xff", "utf-16-be", None),
    ("utf-16-le", b"", "utf-16-le", "W004"),
    ("utf-16-be", b"", "utf-16-be", "W004"),
    ("cp1252", b"", "cp1252", "W004"),
    ("latin-1", b"", "cp1252", "W004"),
    ("cp850", b"", "cp850", "W004"),
    ("mac_roman", b"", "mac_roman", "W004"),
]


@pytest.mark.parametrize(("codec", "bom", "reported", "note"), ENCODINGS)
def test_read_formats_txt_encodings(tmp_path: Path, codec: str, bom: bytes, reported: str,
                                    note: str | None) -> None:
    (tmp_path / "borger.txt").write_bytes(bom + DANISH.encode(codec))
    corpus = read(tmp_path)
    assert turns(corpus) == DANISH_TURNS
    assert corpus.documents[0].encoding == reported
    assert (note in notes(corpus)) if note else notes(corpus) == ""


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_read_formats_txt_line_endings(tmp_path: Path, ending: str) -> None:
    (tmp_path / "borger.txt").write_bytes(DANISH.replace("\n", ending).encode())
    assert turns(read(tmp_path)) == DANISH_TURNS


def test_read_formats_txt_mixed_utf8_and_cp1252(tmp_path: Path) -> None:
    first, second = DANISH.splitlines(keepends=True)
    (tmp_path / "borger.txt").write_bytes(first.encode("utf-8") + second.encode("cp1252"))
    corpus = read(tmp_path)
    assert turns(corpus) == DANISH_TURNS
    assert "[W008]" in notes(corpus)


def test_read_formats_md_bold_tags_and_title(tmp_path: Path) -> None:
    (tmp_path / "borger03.md").write_text(
        "# Interview med borger 3\n\n*Dato: 4. april 2024*\n\n"
        "**I:** Hvordan bruger du beboerrådgivningen?\n\n"
        "**B:** Jeg kommer der *hver* uge.\nDet hjælper.\n", encoding="utf-8")
    corpus = read(tmp_path)
    assert turns(corpus) == [("I", Q, "Hvordan bruger du beboerrådgivningen?"),
                             ("B", A, "Jeg kommer der *hver* uge.\nDet hjælper.")]
    assert "[W017]" in notes(corpus)


def test_read_formats_txt_untagged_email(tmp_path: Path) -> None:
    (tmp_path / "partner14_email.txt").write_text(
        "Kære evaluator\n\nVi har haft et godt samarbejde med\nsekretariatet, men der mangler\n"
        "folk.\n\n• Lektiecaféen\n• Klubben\n\nMvh. Kirsten\n", encoding="utf-8")
    corpus = read(tmp_path)
    assert [text for _, _, text in turns(corpus)] == [
        "Kære evaluator", "Vi har haft et godt samarbejde med\nsekretariatet, men der mangler\nfolk.",
        "• Lektiecaféen", "• Klubben", "Mvh. Kirsten"]
    assert {role for _, role, _ in turns(corpus)} == {A}


def test_read_formats_email_answering_written_questions(tmp_path: Path) -> None:
    # The demo's e-mail: its Fra:/Sendt:/Emne: lines were a respondent turn, and the evaluator's
    # numbered questions were coded as the respondent's answers, with no question for the answers.
    (tmp_path / "svar.txt").write_text(
        "Fra: Birgitte Holm\nSendt: 9. marts 2026 21:47\nEmne: SV: Evaluering\n\nHej Mette\n\n"
        "1. Hvad bruger I helhedsplanen til?\n\nMest familievejledningen.\n\nOg lektiecaféen.\n\n"
        "2. Hvad kan blive bedre?\n\nVentetiden er for lang.\n\nMvh. Birgitte\n", encoding="utf-8")
    corpus = read(tmp_path)
    assert turns(corpus)[:4] == [("respondent", A, "Hej Mette"),
                                 ("Spørgsmål", Q, "1. Hvad bruger I helhedsplanen til?"),
                                 ("respondent", A, "Mest familievejledningen."), ("respondent", A, "Og lektiecaféen.")]
    answers = corpus.segments.set_index("text")["question"]
    assert answers["Ventetiden er for lang."] == "2. Hvad kan blive bedre?"
    assert "[W017]" in notes(corpus) and "Fra: Birgitte" not in " ".join(corpus.segments["text"])


# --- Word --------------------------------------------------------------------------------

def test_read_formats_docx_bold_tag_runs(tmp_path: Path) -> None:
    write_docx(tmp_path / "partner.docx", ["Interviewer: Hvordan er kapaciteten?",
                                           "Informant: Der er lang venteliste. Kl. 14:30 er der kø.",
                                           "Interviewer: Tak."])
    assert turns(read(tmp_path)) == [
        ("Interviewer", Q, "Hvordan er kapaciteten?"),
        ("Informant", A, "Der er lang venteliste. Kl. 14:30 er der kø."),
        ("Interviewer", Q, "Tak.")]


def test_read_formats_docx_bold_name_on_its_own_paragraph(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for speaker, text in [("Interviewer", "Hvordan har du oplevet familievejledningen?"),
                          ("Mette Holm", "Den har hjulpet os rigtig meget."), ("Interviewer", "Og klubben?"),
                          ("Mette Holm", "Den lukker for tidligt.")]:
        document.add_paragraph().add_run(speaker).bold = True
        document.add_paragraph(text)
    document.save(str(tmp_path / "borger05.docx"))
    assert turns(read(tmp_path)) == [
        ("Interviewer", Q, "Hvordan har du oplevet familievejledningen?"),
        ("Mette Holm", A, "Den har hjulpet os rigtig meget."), ("Interviewer", Q, "Og klubben?"),
        ("Mette Holm", A, "Den lukker for tidligt.")]


def _w(parent: Any, tag: str, text: str | None = None, **attributes: str) -> Any:
    """A WordprocessingML element appended to ``parent`` (a run with text when ``text``)."""
    from docx.oxml.ns import qn
    from lxml import etree

    element = etree.SubElement(parent, qn(f"w:{tag}"))
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    if text is not None:
        run = etree.SubElement(element, qn("w:r"))
        etree.SubElement(run, qn("w:t")).text = text
    return element


def test_read_formats_docx_tracked_changes_fields_and_content_controls(tmp_path: Path) -> None:
    # Proofread transcripts carry tracked changes; templates carry content controls and fields.
    # python-docx's Paragraph.text drops all of these runs, and with them the answers' words.
    import docx

    document = docx.Document()
    document.add_paragraph("I: Hvordan har du det?")
    paragraph = document.add_paragraph("B: Det går ")
    _w(paragraph._p, "ins", "rigtig godt", id="1", author="Korrektur", date="2024-01-01T00:00:00Z")
    deleted = _w(paragraph._p, "del", id="2", author="Korrektur", date="2024-01-01T00:00:00Z")
    _w(_w(deleted, "r"), "delText").text = "SLETTET"
    paragraph.add_run(", tak.")
    paragraph = document.add_paragraph("I: Og ")
    _w(_w(paragraph._p, "sdt"), "sdtContent", "familievejledningen?")
    paragraph = document.add_paragraph("B: Den ")
    _w(paragraph._p, "smartTag", "hjælper", element="x")
    paragraph.add_run(" os. Side ")
    _w(paragraph._p, "fldSimple", "3", instr="PAGE")
    block = _w(_w(document.element.body, "sdt"), "sdtContent")
    block.append(document.add_paragraph("I: Noget at tilføje?")._p)
    document.element.body.append(document.element.body.sectPr)  # keep sectPr last, as Word does
    document.save(str(tmp_path / "korrektur.docx"))
    assert turns(read(tmp_path)) == [
        ("I", Q, "Hvordan har du det?"), ("B", A, "Det går rigtig godt, tak."),
        ("I", Q, "Og familievejledningen?"), ("B", A, "Den hjælper os. Side 3"),
        ("I", Q, "Noget at tilføje?")]


def test_read_formats_docx_nested_table_in_a_cell(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "I", "Hvad virker?"
    table.cell(1, 0).text = "B"
    cell = table.cell(1, 1)
    cell.text = "To ting:"
    inner = cell.add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "lektiecaféen", "klubben"
    document.save(str(tmp_path / "tabel.docx"))
    assert turns(read(tmp_path)) == [("I", Q, "Hvad virker?"), ("B", A, "To ting:\nlektiecaféen\nklubben")]


def test_read_formats_docx_multi_paragraph_turns(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Interview med partner 2", level=1)
    paragraph = document.add_paragraph()
    paragraph.add_run("I:").bold = True
    paragraph.add_run(" Hvad fungerer?")
    paragraph = document.add_paragraph()
    paragraph.add_run("B:").bold = True
    paragraph.add_run(" Først og fremmest samarbejdet.")
    document.add_paragraph("")
    document.add_paragraph("Dernæst lektiecaféen, som er populær.")
    run = document.add_paragraph().add_run("Og klubben")
    run.add_break()
    run.add_text("med en linjeskift.")
    document.save(str(tmp_path / "partner02.docx"))
    corpus = read(tmp_path)
    assert turns(corpus) == [
        ("I", Q, "Hvad fungerer?"),
        ("B", A, "Først og fremmest samarbejdet.\n\nDernæst lektiecaféen, som er populær.\n"
                 "Og klubben\nmed en linjeskift.")]
    assert "[W017]" in notes(corpus)


def _docx_table(path: Path, rows: list[list[str]], *, before: str = "") -> None:
    import docx

    document = docx.Document()
    if before:
        document.add_paragraph(before)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.save(str(path))


def test_read_formats_docx_two_column_table(tmp_path: Path) -> None:
    _docx_table(tmp_path / "t.docx", [["Taler", "Tekst"], ["I", "Hvordan?"],
                                      ["B", "Godt.\nMeget godt."], ["", "Og så videre."]])
    assert turns(read(tmp_path)) == [("I", Q, "Hvordan?"),
                                     ("B", A, "Godt.\nMeget godt.\nOg så videre.")]


def test_read_formats_docx_table_with_time_column(tmp_path: Path) -> None:
    _docx_table(tmp_path / "t.docx", [["Tid", "Taler", "Tekst"], ["00:00:05", "Int", "Hvordan?"],
                                      ["00:00:09", "Resp", "Sådan."]])
    corpus = read(tmp_path)
    assert turns(corpus) == [("Int", Q, "Hvordan?"), ("Resp", A, "Sådan.")]
    assert list(corpus.segments["time"]) == ["00:00:05", "00:00:09"]


@pytest.mark.parametrize(
    "rows",
    [
        # a transcription bureau's line numbers
        [["Linje", "Taler", "Tekst"], ["1", "I", "Hvordan?"], ["2", "B", "Godt."], ["3", "", "Meget godt."]],
        [["Nr.", "Tid", "Taler", "Tekst"], ["1", "00:00:05", "I", "Hvordan?"], ["2", "00:00:09", "B", "Godt."],
         ["3", "", "", "Meget godt."]],
        [["1", "I", "Hvordan?"], ["2", "B", "Godt."], ["3", "", "Meget godt."]],  # no header row
        # NVivo's transcript table: the speaker last
        [["Timespan", "Content", "Speaker"], ["0:00.0 - 0:06.5", "Hvordan?", "I"], ["0:06.5 - 0:15.2", "Godt.", "B"],
         ["0:15.2 - 0:19.0", "Meget godt.", "B"]],
        [["Tekst", "Taler"], ["Hvordan?", "I"], ["Godt.", "B"], ["Meget godt.", "B"]],
        [["Tid", "Taler", "Tekst"], ["00.00.05", "I", "Hvordan?"], ["00.00.09", "B", "Godt."],
         ["00.00.12", "B", "Meget godt."]],
    ],
)
def test_read_formats_docx_table_columns_by_header(tmp_path: Path, rows: list[list[str]]) -> None:
    # A number column, or the speaker in the last column, made the whole table one respondent's text.
    _docx_table(tmp_path / "t.docx", rows)
    merged: list[tuple[str, str, str]] = []  # a speaker on every row (NVivo) gives a turn per row
    for speaker, role, text in turns(read(tmp_path)):
        if merged and merged[-1][0] == speaker:
            merged[-1] = (speaker, role, merged[-1][2] + " " + text)
        else:
            merged.append((speaker, role, text))
    assert [(speaker, role, " ".join(text.split())) for speaker, role, text in merged] == [
        ("I", Q, "Hvordan?"), ("B", A, "Godt. Meget godt.")]


def test_read_formats_odt_table_columns_by_header(tmp_path: Path) -> None:
    _odt(tmp_path / "t.odt", [], table=[["Timespan", "Content", "Speaker"], ["0:00.0 - 0:06.5", "Hvordan?", "I"],
                                        ["0:06.5 - 0:15.2", "Godt.", "B"]])
    assert turns(read(tmp_path)) == [("I", Q, "Hvordan?"), ("B", A, "Godt.")]


@pytest.mark.parametrize("header", ["Noter", "Kommentar", "Notes", "bemærkninger"])
def test_read_formats_docx_table_comment_column_is_not_speech(tmp_path: Path, header: str) -> None:
    # The transcriber's or analyst's notes were read as the end of the turn: coded and quoted.
    _docx_table(tmp_path / "t.docx", [["Tid", "Taler", "Tekst", header],
                                      ["00:01", "I", "Hvordan oplever du familievejledningen?", ""],
                                      ["00:15", "B", "Den er meget relevant for os.", "griner; vigtig pointe"],
                                      ["01:02", "I", "Kender du sekretariatet?", ""],
                                      ["01:10", "B", "Ikke rigtig.", "tøver"]])
    corpus = read(tmp_path)
    assert turns(corpus) == [("I", Q, "Hvordan oplever du familievejledningen?"),
                             ("B", A, "Den er meget relevant for os."),
                             ("I", Q, "Kender du sekretariatet?"), ("B", A, "Ikke rigtig.")]
    assert list(corpus.segments["time"]) == ["00:01", "00:15", "01:02", "01:10"]
    (note,) = [note for note in corpus.notes["message"] if "W030" in note]
    assert f"'{header}'" in note and " 2 celle(r)" in note


def test_read_formats_odt_table_comment_column_is_not_speech(tmp_path: Path) -> None:
    _odt(tmp_path / "t.odt", [], table=[["Kommentar", "Taler", "Tekst"], ["", "I", "Hvordan?"],
                                        ["pause", "B", "Godt."]])
    corpus = read(tmp_path)
    assert turns(corpus) == [("I", Q, "Hvordan?"), ("B", A, "Godt.")]
    assert [note for note in corpus.notes["message"] if "W030" in note and " 1 celle(r)" in note]


@pytest.mark.parametrize(("question", "answer"), [("Spørgsmål", "Svar"), ("Question", "Answer")])
def test_read_formats_docx_question_and_answer_table(tmp_path: Path, question: str, answer: str) -> None:
    # An interview summary as a "Spørgsmål | Svar" table was one respondent text, questions included.
    _docx_table(tmp_path / "referat.docx", [[question, answer], ["Hvordan samarbejder I?", "Månedlige møder."],
                                            ["Hvad kan forbedres?", "Datadeling.\nOg lokaler."]],
                before="Interviewreferat – samarbejdspartner")
    corpus = read(tmp_path)
    assert turns(corpus) == [(question, Q, "Hvordan samarbejder I?"), (answer, A, "Månedlige møder."),
                             (question, Q, "Hvad kan forbedres?"), (answer, A, "Datadeling.\nOg lokaler.")]
    assert list(corpus.segments["question"])[3] == "Hvad kan forbedres?"


def test_read_formats_only_the_interviewer_tagged(tmp_path: Path) -> None:
    # The answers on the lines after each tagged question were the interviewer's: never coded.
    (tmp_path / "a.txt").write_text("I: Hvordan bruger du lektiecaféen?\nJeg kommer der om tirsdagen.\n\n"
                                    "I: Hvad laver I der?\nLektier.\nOg spil.\n\nI: Tak.\n", encoding="utf-8")
    corpus = read(tmp_path)
    assert turns(corpus) == [("I", Q, "Hvordan bruger du lektiecaféen?"),
                             ("respondent", A, "Jeg kommer der om tirsdagen."), ("I", Q, "Hvad laver I der?"),
                             ("respondent", A, "Lektier.\nOg spil."), ("I", Q, "Tak.")]
    assert list(corpus.segments["question"])[3] == "Hvad laver I der?"
    assert "W104" in notes(corpus)


def test_read_formats_docx_only_the_interviewer_tagged_in_bold(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for question, answer in [("Hvordan bruger du lektiecaféen?", "Om tirsdagen."), ("Hvad laver I der?", "Lektier.")]:
        paragraph = document.add_paragraph()
        paragraph.add_run("I: ").bold = True
        paragraph.add_run(question)
        document.add_paragraph(answer)
    document.save(str(tmp_path / "a.docx"))
    assert turns(read(tmp_path)) == [("I", Q, "Hvordan bruger du lektiecaféen?"), ("respondent", A, "Om tirsdagen."),
                                     ("I", Q, "Hvad laver I der?"), ("respondent", A, "Lektier.")]


def test_read_formats_interviewer_turns_without_answers_stay_whole(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("I: Hvordan?\nB: Godt.\nI: Og så?\nmere spørgsmål\nB: Ja.\n", encoding="utf-8")
    corpus = read(tmp_path)
    assert [speaker for speaker, _, _ in turns(corpus)] == ["I", "B", "I", "B"]
    assert "W104" not in notes(corpus)


def test_read_formats_page_footers_and_transcriber_notes_are_not_quoted(tmp_path: Path) -> None:
    # "Side 2 af 5", "[Telefonen ringer ...]" and "[Slut på interview]" were the end of B's quotes.
    (tmp_path / "a.txt").write_text(
        "I: Hvordan går det?\nB: Min datter er glad for det.\n\nSide 2 af 5\n\nDet havde hun aldrig gjort.\n"
        "[Telefonen ringer – optagelsen sat på pause]\n(pause)\nSå vi er glade.\nI: Tak.\nB: Tak selv.\n\n"
        "[Slut på interview]\n", encoding="utf-8")
    texts = [text for _, _, text in turns(read(tmp_path))]
    assert texts == ["Hvordan går det?", "Min datter er glad for det.", "Det havde hun aldrig gjort.",
                     "Så vi er glade.", "Tak.", "Tak selv."]


def test_read_formats_metadata_interviewer_matching_no_speaker_is_told(tmp_path: Path) -> None:
    # metadata.csv named "Mette Hansen", the transcript says "MH:": the note told the user to name
    # the interviewer in metadata.csv, where the name already was.
    (tmp_path / "a.txt").write_text("MH: Hvordan går det?\nKL: Godt.\nMH: Og så?\nKL: Fint.\n", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file;interviewer\na.txt;Mette Hansen\n", encoding="utf-8")
    corpus = read(tmp_path)
    assert [(speaker, role) for speaker, role, _ in turns(corpus)] == [("MH", Q), ("KL", A), ("MH", Q), ("KL", A)]
    assert "W105" in notes(corpus) and "'Mette Hansen'" in notes(corpus) and "W101" not in notes(corpus)


def test_read_formats_docx_table_without_comment_column_has_no_note(tmp_path: Path) -> None:
    _docx_table(tmp_path / "t.docx", [["Taler", "Tekst"], ["I", "Hvordan?"], ["B", "Godt."]])
    assert not [note for note in read(tmp_path).notes["message"] if "W030" in note]


def test_read_formats_docx_untagged_paragraphs_are_segments(tmp_path: Path) -> None:
    # A written answer saved from Word was one segment: title, three answers and the signature.
    paragraphs = ["Svar fra driftschefen", "Vi har et godt samarbejde med sekretariatet.",
                  "Familievejledningen er relevant for mange.", "Vi mangler lokaler.", "Med venlig hilsen",
                  "Karin Sørensen, driftschef"]
    write_docx(tmp_path / "svar.docx", paragraphs, bold_tags=False)
    assert [text for _, _, text in turns(read(tmp_path))] == paragraphs
    # a plain text's lines are not paragraphs: it may be wrapped
    (tmp_path / "svar.docx").unlink()
    (tmp_path / "svar.txt").write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    assert [text for _, _, text in turns(read(tmp_path))] == ["\n".join(paragraphs)]


@pytest.mark.parametrize("style_name", ["Kraftig", "Strk"])
def test_read_formats_docx_bold_names_through_a_character_style(tmp_path: Path, style_name: str) -> None:
    # Bold speaker names set with a character style of the document's own (Danish Word's "Strk",
    # a house style) were not bold: the whole interview was one respondent's text.
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    style = document.styles.add_style(style_name, WD_STYLE_TYPE.CHARACTER)
    style.font.bold = True
    for speaker, text in [("Interviewer", "Hvordan gik det?"), ("Mette", "Godt."), ("Interviewer", "Og så?"),
                          ("Mette", "Vi fik hjælp.")]:
        paragraph = document.add_paragraph()
        paragraph.add_run(speaker, style=style_name)
        paragraph.add_run(" " + text)
    document.save(str(tmp_path / "a.docx"))
    assert turns(read(tmp_path)) == [("Interviewer", Q, "Hvordan gik det?"), ("Mette", A, "Godt."),
                                     ("Interviewer", Q, "Og så?"), ("Mette", A, "Vi fik hjælp.")]


@pytest.mark.parametrize("emphasis", ["bold", "italic"])
def test_read_formats_docx_questions_set_apart_in_bold_or_italics(tmp_path: Path, emphasis: str) -> None:
    # No tags, the questions in bold (or italics): the questions were coded as the respondent's answers.
    import docx

    document = docx.Document()
    document.add_paragraph().add_run("Interview med Fatima").bold = True
    for question, answers in [("Hvordan oplever du familievejledningen?", ["Den er god.", "Vi fik hjælp."]),
                              ("Kender du sekretariatet?", ["Nej."]), ("Tak.", []), ("Andet?", ["Nej."])]:
        setattr(document.add_paragraph().add_run(question), emphasis, True)
        for answer in answers:
            document.add_paragraph(answer)
    document.save(str(tmp_path / "a.docx"))
    corpus = read(tmp_path)
    assert turns(corpus) == [("Interviewer", Q, "Hvordan oplever du familievejledningen?"),
                             ("Respondent", A, "Den er god.\nVi fik hjælp."),
                             ("Interviewer", Q, "Kender du sekretariatet?"), ("Respondent", A, "Nej."),
                             ("Interviewer", Q, "Tak."), ("Interviewer", Q, "Andet?"),
                             ("Respondent", A, "Nej.")]
    assert "W031" in notes(corpus) and "W017" in notes(corpus)


def test_read_formats_docx_one_bold_question_is_emphasis(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph().add_run("Hvad synes jeg om lektiecaféen?").bold = True
    document.add_paragraph("Den er god.")
    document.save(str(tmp_path / "a.docx"))
    corpus = read(tmp_path)
    assert [speaker for speaker, _, _ in turns(corpus)] == ["respondent", "respondent"]
    assert "W031" not in notes(corpus)


def test_read_formats_docx_untagged(tmp_path: Path) -> None:
    write_docx(tmp_path / "svar.docx", ["Jeg synes, at indsatsen virker.", "",
                                        "Men der er for lidt plads: vi mangler lokaler."],
               bold_tags=False)
    assert [text for _, _, text in turns(read(tmp_path))] == [
        "Jeg synes, at indsatsen virker.", "Men der er for lidt plads: vi mangler lokaler."]


# --- OpenDocument ------------------------------------------------------------------------

def _odt(path: Path, paragraphs: list[str], *, table: list[list[str]] | None = None) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, P, Span

    document = OpenDocumentText()
    bold = Style(name="Fed", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    document.text.addElement(H(outlinelevel=1, text="Interview"))
    for text in paragraphs:
        paragraph = P()
        tag, sep, rest = text.partition(": ")
        if sep:
            paragraph.addElement(Span(stylename=bold, text=tag + ":"))
            paragraph.addText(" " + rest)
        else:
            paragraph.addText(text)
        document.text.addElement(paragraph)
    if table:
        element = Table(name="Tabel1")
        element.addElement(TableColumn(numbercolumnsrepeated=len(table[0])))
        for values in table:
            row = TableRow()
            for value in values:
                cell = TableCell()
                cell.addElement(P(text=value))
                row.addElement(cell)
            element.addElement(row)
        document.text.addElement(element)
    document.save(str(path))


def test_read_formats_odt_bold_names_without_colon(tmp_path: Path) -> None:
    # LibreOffice: "Interviewer" and "Yasmin" in bold, no colon, were one respondent's text (and
    # "Yasmin Informere" was pseudonymised as one name).
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import P, Span

    document = OpenDocumentText()
    bold = Style(name="T1", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    for speaker, text in [("Interviewer", "Hvordan oplever du det?"), ("Yasmin", "De er synlige."),
                          ("Interviewer", "Og så?"), ("Yasmin", "Informere på flere sprog.")]:
        paragraph = P()
        paragraph.addElement(Span(stylename=bold, text=speaker))
        paragraph.addText(" " + text)
        document.text.addElement(paragraph)
    document.save(str(tmp_path / "a.odt"))
    assert turns(read(tmp_path)) == [("Interviewer", Q, "Hvordan oplever du det?"), ("Yasmin", A, "De er synlige."),
                                     ("Interviewer", Q, "Og så?"), ("Yasmin", A, "Informere på flere sprog.")]


def test_read_formats_odt_bold_tags_multi_paragraph(tmp_path: Path) -> None:
    _odt(tmp_path / "borger12.odt", ["I: Hvordan er klubben?", "B: Den er god.", "Især om fredagen.",
                                     "I: Og lektiecaféen?", "B: Også god."])
    corpus = read(tmp_path)
    assert turns(corpus) == [("I", Q, "Hvordan er klubben?"), ("B", A, "Den er god.\nIsær om fredagen."),
                             ("I", Q, "Og lektiecaféen?"), ("B", A, "Også god.")]
    assert corpus.documents[0].format == "odt"


def test_read_formats_odt_tracked_changes_comments_and_notes(tmp_path: Path) -> None:
    # LibreOffice keeps deleted text in a region of its own at the top of the body, and
    # comments and footnotes inside the paragraph; none of it was said.
    from odf.dc import Creator, Date
    from odf.namespaces import TEXTNS, XMLNS
    from odf.office import Annotation, ChangeInfo
    from odf.opendocument import OpenDocumentText
    from odf.text import ChangedRegion, Deletion, Note, NoteBody, NoteCitation, P, S, TrackedChanges

    document = OpenDocumentText()
    tracked, region, deletion, info = (TrackedChanges(), ChangedRegion(qattributes={(TEXTNS, "id"): "c1",
                                       (XMLNS, "id"): "c1"}), Deletion(), ChangeInfo())
    info.addElement(Creator(text="Korrektur"))
    info.addElement(Date(text="2024-01-01T00:00:00"))
    deletion.addElement(info)
    deletion.addElement(P(text="B: Slettet svar."))
    region.addElement(deletion)
    tracked.addElement(region)
    document.text.addElement(tracked)
    document.text.addElement(P(text="I: Hvordan går det?"))
    answer = P(text="B: Det går godt")
    comment = Annotation()
    comment.addElement(Creator(text="Kollega"))
    comment.addElement(P(text="Tjek dette"))
    answer.addElement(comment)
    note, body = Note(noteclass="footnote", id="n1"), NoteBody()
    note.addElement(NoteCitation(text="1"))
    body.addElement(P(text="Uklar lyd"))
    note.addElement(body)
    answer.addElement(note)
    answer.addText(",")
    answer.addElement(S(c="3"))
    answer.addText("tak.")
    document.text.addElement(answer)
    document.text.addElement(P(text="I: Og ellers?"))
    hostile = P(text="B: Fint.")
    hostile.addElement(S(c="4000000000"))  # a hostile space count must not build a 4 GB string
    document.text.addElement(hostile)
    document.save(str(tmp_path / "korrektur.odt"))
    assert turns(read(tmp_path)) == [("I", Q, "Hvordan går det?"), ("B", A, "Det går godt,   tak."),
                                     ("I", Q, "Og ellers?"), ("B", A, "Fint.")]


def test_read_formats_odt_table(tmp_path: Path) -> None:
    _odt(tmp_path / "partner08.odt", [], table=[["Taler", "Tekst"], ["Int", "Hvordan?"],
                                                ["Resp", "Fint, tak."]])
    assert turns(read(tmp_path)) == [("Int", Q, "Hvordan?"), ("Resp", A, "Fint, tak.")]


# --- WebVTT and SRT ----------------------------------------------------------------------

TEAMS = """WEBVTT

a1b2/12-0
00:00:01.000 --> 00:00:03.000
<v Sofie Lund>Hvordan har du oplevet klubben?</v>

a1b2/13-0
00:00:03.500 --> 00:00:06.000
<v Yasmin Khalil>Den har været god for min søn.</v>

a1b2/13-1
00:00:06.000 --> 00:00:08.000
<v Yasmin Khalil>Han kommer der hver dag.</v>

a1b2/14-0
00:00:08.500 --> 00:00:10.000
<v Sofie Lund>Hvorfor det?</v>

a1b2/15-0
00:00:10.500 --> 00:00:12.000
<v Yasmin Khalil>Fordi vennerne er der.</v>
"""


def test_read_formats_vtt_teams_voice_tags(tmp_path: Path) -> None:
    (tmp_path / "borger07.vtt").write_text(TEAMS, encoding="utf-8")
    corpus = read(tmp_path)
    assert turns(corpus) == [
        ("Sofie Lund", Q, "Hvordan har du oplevet klubben?"),
        ("Yasmin Khalil", A, "Den har været god for min søn. Han kommer der hver dag."),
        ("Sofie Lund", Q, "Hvorfor det?"),
        ("Yasmin Khalil", A, "Fordi vennerne er der.")]
    assert list(corpus.segments["time"])[:2] == ["00:00:01.000", "00:00:03.500"]


def test_read_formats_vtt_interviewer_from_metadata(tmp_path: Path) -> None:
    (tmp_path / "borger07.vtt").write_text(TEAMS.replace("Hvorfor det?", "Okay."), encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file;interviewer\nborger07.vtt;Sofie Lund\n",
                                           encoding="utf-8")
    assert [role for _, role, _ in turns(read(tmp_path))] == [Q, A, Q, A]


def test_read_formats_vtt_zoom_name_prefix(tmp_path: Path) -> None:
    (tmp_path / "partner05.vtt").write_text(
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nAnders Holm: Hvordan er samarbejdet?\n\n"
        "2\n00:00:04.500 --> 00:00:08.000\nTina Bak: Det er godt. Altså: vi mødes ugentligt.\n\n"
        "3\n00:00:08.500 --> 00:00:09.000\nTina Bak: Fast.\n", encoding="utf-8")
    assert turns(read(tmp_path, interviewers=["Anders Holm"])) == [
        ("Anders Holm", Q, "Hvordan er samarbejdet?"),
        ("Tina Bak", A, "Det er godt. Altså: vi mødes ugentligt. Fast.")]


def test_read_formats_vtt_without_speakers_is_paragraphs(tmp_path: Path) -> None:
    (tmp_path / "optagelse.vtt").write_text(
        "WEBVTT - automatisk\n\nNOTE lavet af værktøjet\n\n"
        "00:00:01.000 --> 00:00:03.000 align:start\nDet var sådan: vi gik hjem.\n\n"
        "00:00:03.100 --> 00:00:05.000\nAltså: det var sent.\n\n"
        "00:00:09.000 --> 00:00:11.000\n<i>Ny</i> del &amp; mere.\n", encoding="utf-8")
    assert turns(read(tmp_path)) == [
        ("respondent", A, "Det var sådan: vi gik hjem.\nAltså: det var sent."),
        ("respondent", A, "Ny del & mere.")]


def test_read_formats_vtt_zoom_display_names(tmp_path: Path) -> None:
    # Zoom labels cues with display names, which need not look like names.
    cues = [("Mette Hansen", "Hvordan kom du med i projektet?"), ("Karens iPhone", "Det var gennem min nabo."),
            ("Mette Hansen", "Og hvad fik du ud af det?"), ("Karens iPhone", "Mere kontakt.")]
    (tmp_path / "zoom.vtt").write_text("WEBVTT\n\n" + "".join(
        f"{i}\n00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 1:02d}.000\n{name}: {text}\n\n"
        for i, (name, text) in enumerate(cues, start=1)), encoding="utf-8")
    assert turns(read(tmp_path)) == [("Mette Hansen", Q, "Hvordan kom du med i projektet?"),
                                     ("Karens iPhone", A, "Det var gennem min nabo."),
                                     ("Mette Hansen", Q, "Og hvad fik du ud af det?"),
                                     ("Karens iPhone", A, "Mere kontakt.")]


def test_read_formats_srt_with_speaker_prefix(tmp_path: Path) -> None:
    (tmp_path / "borger11.srt").write_text(
        "1\n00:00:01,000 --> 00:00:03,000\nTaler 1: Hvordan går det?\n\n"
        "2\n00:00:03,500 --> 00:00:06,000\nTaler 2: Det går godt.\n\n"
        "3\n00:00:06,500 --> 00:00:08,000\nTaler 1: Og skolen?\n\n"
        "4\n00:00:08,500 --> 00:00:10,000\nTaler 2: Den går\nogså godt.\n", encoding="utf-8")
    corpus = read(tmp_path)
    assert turns(corpus) == [("Taler 1", Q, "Hvordan går det?"), ("Taler 2", A, "Det går godt."),
                             ("Taler 1", Q, "Og skolen?"), ("Taler 2", A, "Den går også godt.")]
    assert "Taler 1" in notes(corpus)


def test_read_formats_srt_styling_overrides_and_font_tags(tmp_path: Path) -> None:
    # Subtitle editors write SSA overrides ({\an8}: top of the screen) and <font> in SRT.
    (tmp_path / "redigeret.srt").write_text(
        "1\r\n00:00:01,000 --> 00:00:03,000\r\n{\\an8}<i>Interviewer: Hvordan går det?</i>\r\n\r\n"
        "3\r\n00:00:03,500 --> 00:00:06,000\r\n<font color=\"#ffff00\">Borger: Det går {\\i1}godt{\\i0}.</font>\r\n",
        encoding="utf-8-sig")
    assert turns(read(tmp_path)) == [("Interviewer", Q, "Hvordan går det?"), ("Borger", A, "Det går godt.")]


def test_read_formats_srt_without_prefix(tmp_path: Path) -> None:
    (tmp_path / "lyd.srt").write_text(
        "1\n00:00:01,000 --> 00:00:03,000\n<i>Det var en god dag.</i>\n\n"
        "2\n00:00:03,200 --> 00:00:05,000\nKl. 14:30 kom hun.\n", encoding="utf-8")
    assert turns(read(tmp_path)) == [("respondent", A, "Det var en god dag.\nKl. 14:30 kom hun.")]


# --- surveys -----------------------------------------------------------------------------

SURVEY_ROWS: list[list[object]] = [
    ["Løbenr", "Alder", "Afdeling", "Antal år i området",
     "Hvad synes du om helhedsplanens aktiviteter?", "Andre kommentarer"],
    [101, "18-29", "Vest", 3, "De har hjulpet min familie meget, især lektiecaféen", ""],
    [102, "30-49", "Øst", 12, "", "Der mangler lys på stierne om aftenen"],
    [103, "50+", "Vest", 25, "Der er alt for lang ventetid på beboerrådgivningen",
     "=Jeg synes det er for dårligt"],
    [104, "30-49", "Nord", 7, "Jeg kender dem ikke rigtig, men de ser flinke ud", ""],
]


def _survey_expectations(corpus: Corpus) -> None:
    segments = corpus.segments
    assert list(segments["speaker"]) == ["101", "102", "103", "103", "104"]
    assert set(segments["speaker_role"]) == {A}
    assert list(segments["question"]) == [
        "Hvad synes du om helhedsplanens aktiviteter?", "Andre kommentarer",
        "Hvad synes du om helhedsplanens aktiviteter?", "Andre kommentarer",
        "Hvad synes du om helhedsplanens aktiviteter?"]
    assert segments["text"].iloc[3] == "=Jeg synes det er for dårligt"
    assert list(segments["Afdeling"]) == ["Vest", "Øst", "Vest", "Vest", "Nord"]
    assert list(segments["Antal år i området"]) == ["3", "12", "25", "25", "7"]


def test_read_formats_xlsx_survey_detects_columns(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "survey.xlsx", SURVEY_ROWS)
    _survey_expectations(read(tmp_path))


def test_read_formats_xlsx_survey_after_a_cover_sheet_and_under_a_title(tmp_path: Path) -> None:
    # Exports often open with a cover sheet, and put the survey's name above the headers.
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.title = "Forside"
    workbook.active.append(["Beboerundersøgelse 2024"])
    answers = workbook.create_sheet("Besvarelser")
    answers.append(["Beboerundersøgelse 2024, Lærkehøj"])
    answers.append([])
    for row in SURVEY_ROWS:
        answers.append(row)
    workbook.create_sheet("Variabler").append(["Løbenr", "Tal"])
    workbook.save(tmp_path / "survey.xlsx")
    corpus = read(tmp_path)
    _survey_expectations(corpus)
    assert "Besvarelser" in notes(corpus) and "[W020]" in notes(corpus)


def test_read_formats_csv_survey_under_a_title(tmp_path: Path) -> None:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(SURVEY_ROWS)
    (tmp_path / "survey.csv").write_text("Beboerundersøgelse 2024\nLærkehøj afdeling 3\nUdtræk: 12.04.2024\n"
                                         "Antal svar: 4\n" + buffer.getvalue(), encoding="utf-8-sig")
    corpus = read(tmp_path)
    _survey_expectations(corpus)
    assert "[W020]" in notes(corpus)


def test_read_formats_xlsx_survey_after_a_summary_sheet(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.title = "Oversigt"
    for row in (["Svar", "Antal", "Procent"], ["Meget tilfreds", 12, 40], ["Tilfreds", 10, 33]):
        workbook.active.append(row)
    answers = workbook.create_sheet("Rådata")
    for row in SURVEY_ROWS:
        answers.append(row)
    workbook.save(tmp_path / "survey.xlsx")
    corpus = read(tmp_path)
    _survey_expectations(corpus)
    assert "Rådata" in notes(corpus)


@pytest.mark.parametrize("rows", [
    [["", "Hvad synes du?"], ["1", "Godt"]],           # an unnamed id column, not a title
    [["Hvad synes du?"], ["Godt", "ekstra"]],          # a question, not a title
    [["Svar"], ["Godt", "1"]],                          # a number under it: answers, not headers
])
def test_read_formats_csv_survey_first_line_that_is_not_a_title(tmp_path: Path, rows: list[list[str]]) -> None:
    width = max(len(row) for row in rows)
    lines = [";".join(row + [""] * (width - len(row))) for row in rows]
    (tmp_path / "s.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    question = next(cell for cell in rows[0] if cell)
    corpus = read(tmp_path, text_columns=[question])
    assert "[W020]" not in notes(corpus)
    assert "Godt" in list(corpus.segments["text"])


@pytest.mark.parametrize(("delimiter", "codec"), [(";", "utf-8-sig"), (",", "utf-8"),
                                                  (";", "cp1252"), ("\t", "utf-16")])
def test_read_formats_csv_survey_detects_columns(tmp_path: Path, delimiter: str, codec: str) -> None:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(SURVEY_ROWS)
    (tmp_path / "survey.csv").write_bytes(buffer.getvalue().encode(codec))
    _survey_expectations(read(tmp_path))


def test_read_formats_survey_closed_questions_and_timestamps_are_not_answers(tmp_path: Path) -> None:
    options = ["Meget tilfreds", "Tilfreds", "Hverken tilfreds eller utilfreds", "Utilfreds"]
    comments = ["Der mangler lys på stierne om aftenen", "Lektiecaféen har hjulpet min søn meget",
                "Jeg kender ikke rådgivningen", "Det er svært at få en tid", "Flere aktiviteter for de unge",
                "Personalet er søde og hjælpsomme", "Nej", "Nej", "Nej", "Klubben lukker for tidligt"]
    rows: list[list[object]] = [["Tidsstempel", "Hvor tilfreds er du med personalets hjælp?",
                                 "Har du andre kommentarer?"]]
    rows += [[f"2024/03/0{1 + i % 9} 1:{10 + i}:00 PM CET", options[i % 4], comment]
             for i, comment in enumerate(comments)]
    write_xlsx(tmp_path / "s.xlsx", rows)
    corpus = read(tmp_path)
    assert set(corpus.segments["question"]) == {"Har du andre kommentarer?"}
    assert len(corpus.segments) == 10  # every comment kept, the three "Nej" too
    assert {"Tidsstempel", "Hvor tilfreds er du med personalets hjælp?"} <= set(corpus.segments.columns)


def test_read_formats_survey_question_answered_only_late_is_reported(tmp_path: Path) -> None:
    # A question added midway: no answer in the rows kvaleval samples, free text further down.
    lines = ["id;Hvad fungerede godt?;Hvad bør vi gøre anderledes?"]
    lines += [f"{i};Det var rigtig godt med lektiehjælpen nummer {i};" for i in range(600)]
    lines += [f"{i};Fint;Flere voksne i klubben om aftenen, tak {i}" for i in range(600, 620)]
    (tmp_path / "s.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = read(tmp_path)
    assert "[W022]" in notes(corpus) and "Hvad bør vi gøre anderledes?" in notes(corpus)
    named = read(tmp_path, text_columns=["Hvad fungerede godt?", "Hvad bør vi gøre anderledes?"])
    assert (named.segments["question"] == "Hvad bør vi gøre anderledes?").sum() == 20


def test_read_formats_survey_columns_named_like_segment_columns_are_kept(tmp_path: Path) -> None:
    (tmp_path / "s.csv").write_text("id;start;text;Hvad synes du om kurset?\n1;08:00;A-tekst;Det var rigtig godt "
                                    "tilrettelagt\n2;09:00;B-tekst;Der var for lidt tid til spørgsmål\n",
                                    encoding="utf-8")
    segments = read(tmp_path).segments
    assert segments["start (egenskab)"].tolist() == ["08:00", "09:00"]
    assert segments["text (egenskab)"].tolist() == ["A-tekst", "B-tekst"]
    assert segments["text"].tolist() == ["Det var rigtig godt tilrettelagt", "Der var for lidt tid til spørgsmål"]


def test_read_formats_csv_multiline_answer_kept_as_written(tmp_path: Path) -> None:
    (tmp_path / "s.csv").write_text('id;Uddyb dit svar\n1;"Første linje\nanden linje;  med semikolon"\n'
                                    '2;"Han sagde ""nej"" til os"\n', encoding="utf-8")
    assert [text for _, _, text in turns(read(tmp_path))] == [
        "Første linje\nanden linje;  med semikolon", 'Han sagde "nej" til os']


def test_read_formats_survey_named_columns(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "s.xlsx", [["kode", "svar", "note"], ["A", "ja", "x"], ["B", "nej", "y"]])
    corpus = read(tmp_path, id_column="kode", text_columns=["svar"])
    assert turns(corpus) == [("A", A, "ja"), ("B", A, "nej")]
    assert list(corpus.segments["note"]) == ["x", "y"]


def test_read_formats_survey_named_column_missing(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "s.xlsx", [["kode", "svar"], ["A", "ja"]])
    with pytest.raises(CorpusError, match=r"\[E003\].*\[E012\].*'findes ikke'"):
        read(tmp_path, text_columns=["findes ikke"])


def with_cached_values(path: Path, cached: dict[str, str]) -> None:
    """Give formula cells a saved value, as Excel writes them (openpyxl writes none)."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = members["xl/worksheets/sheet1.xml"].decode()
    for cell, value in cached.items():
        start = sheet.index(f'<c r="{cell}">')
        end = sheet.index("</c>", start)
        formula = sheet[start:end].split("<v>", 1)[0].removeprefix(f'<c r="{cell}">')
        sheet = sheet[:start] + f'<c r="{cell}" t="str">{formula}<v>{value}</v>' + sheet[end:]
    members["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_read_formats_xlsx_formula_cached_value(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "s.xlsx"
    write_xlsx(path, [["id", "Hvad synes du?"], [1, '=CONCATENATE("Det er ","fint nok sådan")'],
                      [2, "Det virker godt for os alle"]])
    with_cached_values(path, {"B2": "Det er fint nok sådan"})
    assert openpyxl.load_workbook(path, data_only=True).active["B2"].value == "Det er fint nok sådan"
    corpus = read(tmp_path)
    assert [text for _, _, text in turns(corpus)] == ["Det er fint nok sådan",
                                                     "Det virker godt for os alle"]
    assert "[W006]" in notes(corpus)


# --- a corpus of every format ------------------------------------------------------------

def test_read_formats_tiny_corpus(tiny_corpus: Path) -> None:
    corpus = read(tiny_corpus)
    assert sorted(d.format for d in corpus.documents) == ["docx", "txt", "vtt", "xlsx"]
    assert set(corpus.segments["respondent_group"]) == {"borger", "samarbejdspartner"}
    vtt = corpus.segments[corpus.segments["doc_id"] == "borger02"]
    assert list(vtt["speaker_role"]) == [Q, A]


def test_read_formats_file_name_with_danish_letters_and_spaces(tmp_path: Path) -> None:
    name = "Interview med Søren Ærø å.txt"
    (tmp_path / name).write_text(DANISH, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(f"file,respondent_group\n{name},borger\n", encoding="utf-8")
    corpus = read(tmp_path)
    assert corpus.documents[0].doc_id == "Interview med Søren Ærø å"
    assert set(corpus.segments["respondent_group"]) == {"borger"}


def test_read_formats_metadata_matches_decomposed_names(tmp_path: Path) -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Åse og Søren.txt")
    (tmp_path / decomposed).write_text(DANISH, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file;respondent_group\nÅse og Søren.txt;borger\n",
                                           encoding="utf-8")
    corpus = read(tmp_path)
    assert set(corpus.segments["respondent_group"]) == {"borger"}
    assert notes(corpus) == ""


def test_read_formats_metadata_file_column_any_case_and_without_suffix(tmp_path: Path) -> None:
    (tmp_path / "borger01.txt").write_text(DANISH, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("File;group\nBorger01;b\n", encoding="utf-8")
    corpus = read(tmp_path)
    assert set(corpus.segments["group"]) == {"b"}


@pytest.mark.parametrize("file_column", ["fil", "Filnavn", "dokument"])
def test_read_formats_metadata_in_danish_file_and_group_columns(tmp_path: Path, file_column: str) -> None:
    # A metadata.csv written in Danish ("fil;gruppe") was refused (no 'file' column), and a
    # column "gruppe" did not divide the tables as a survey's column "Gruppe" does.
    (tmp_path / "borger01.txt").write_text(DANISH, encoding="utf-8")
    (tmp_path / "partner01.txt").write_text(DANISH, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(f"{file_column};Gruppe;køn\nborger01.txt;borger;k\n"
                                           "partner01.txt;partner;m\n", encoding="utf-8")
    corpus = read(tmp_path)
    groups = corpus.segments.groupby("doc_id")["respondent_group"].first().to_dict()
    assert groups == {"borger01": "borger", "partner01": "partner"}
    assert set(corpus.segments["Gruppe"]) == {"borger", "partner"}  # kept under its own name too
    assert "W029" in notes(corpus) and "'Gruppe'" in notes(corpus)


def test_read_formats_metadata_group_column_beside_respondent_group_is_an_attribute(tmp_path: Path) -> None:
    (tmp_path / "borger01.txt").write_text(DANISH, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file;respondent_group;målgruppe\nborger01.txt;borger;forældre\n",
                                           encoding="utf-8")
    corpus = read(tmp_path)
    assert set(corpus.segments["respondent_group"]) == {"borger"}
    assert "W029" not in notes(corpus)


def test_read_formats_csv_one_question_keeps_commas(tmp_path: Path) -> None:
    (tmp_path / "s.csv").write_text("Hvad synes du om indsatsen?\nDen er god, men dyr; synes jeg\n"
                                    "Ved ikke, ærligt talt\n", encoding="utf-8")
    assert [text for _, _, text in turns(read(tmp_path))] == [
        "Den er god, men dyr; synes jeg", "Ved ikke, ærligt talt"]


def test_read_formats_survey_without_id_column_uses_row_numbers(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "s.xlsx", [["Alder", "Hvad synes du?"], ["18-29", "Det er rigtig godt for os"],
                                     ["50+", "Der er for lang ventetid"]])
    corpus = read(tmp_path)
    assert list(corpus.segments["speaker"]) == ["1", "2"]
    assert "[W019] s.xlsx: ingen kolonne med respondent-id" in notes(corpus)


def _teams_docx(path: Path, header: list[str], cues: list[tuple[str, str, str]], *, old: bool) -> None:
    """A Word transcript as Teams wrote it: old layout (timing, name, text) or new (name and time, text)."""
    import docx

    document = docx.Document()
    for line in header:
        document.add_paragraph(line)
    for time, speaker, text in cues:
        if old:
            document.add_paragraph(time)
            document.add_paragraph(speaker)
        else:
            document.add_paragraph(f"{speaker}   {time}")
        document.add_paragraph(text)
    document.save(str(path))


TEAMS_CUES = [("0:0:0.0 --> 0:0:4.370", "Mette Hansen", "Hvordan kom du med i familievejledningen?"),
              ("0:0:5.100 --> 0:0:9.200", "Karen Jensen", "Det var gennem min nabo."),
              ("0:0:10.0 --> 0:0:12.0", "Mette Hansen", "Og hvad fik du ud af det?"),
              ("0:0:12.5 --> 0:0:14.0", "Karen Jensen", "Mere ro derhjemme.")]
TEAMS_TURNS = [("Mette Hansen", Q, "Hvordan kom du med i familievejledningen?"),
               ("Karen Jensen", A, "Det var gennem min nabo."),
               ("Mette Hansen", Q, "Og hvad fik du ud af det?"),
               ("Karen Jensen", A, "Mere ro derhjemme.")]


def test_read_formats_docx_teams_old_layout_timings_are_not_speech(tmp_path: Path) -> None:
    # Each cue's timing line ended the speaker's text; the interviewer was then not found either.
    _teams_docx(tmp_path / "borger09.docx", ["Transskription", "3. maj 2024, 10:02AM"], TEAMS_CUES, old=True)
    corpus = read(tmp_path)
    assert turns(corpus) == TEAMS_TURNS
    assert list(corpus.segments["time"]) == ["0:0:0.0", "0:0:5.100", "0:0:10.0", "0:0:12.5"]


def test_read_formats_docx_teams_new_layout(tmp_path: Path) -> None:
    cues = [(time, speaker, text) for (time, speaker, text) in
            zip(["0:03", "0:10", "1:02", "1:05"], *zip(*[cue[1:] for cue in TEAMS_CUES], strict=True), strict=True)]
    _teams_docx(tmp_path / "borger09.docx", ["Interview-20240503_100215-Meeting Recording", "44m 12s"], cues,
                old=False)
    corpus = read(tmp_path)
    assert turns(corpus) == TEAMS_TURNS
    assert list(corpus.segments["time"]) == ["0:03", "0:10", "1:02", "1:05"]


def test_read_formats_txt_pasted_subtitle_timings(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "00:00:01,000 --> 00:00:04,000\nI: Hvordan var det?\n\n00:00:04,500 --> 00:00:08,000 align:start\n"
        "B: Det var godt.\n", encoding="utf-8")
    assert turns(read(tmp_path)) == [("I", Q, "Hvordan var det?"), ("B", A, "Det var godt.")]


QUALTRICS_NAMES = ["StartDate", "EndDate", "ResponseId", "RecipientEmail", "Q1", "Q2", "Q3"]
QUALTRICS_LABELS = ["Start Date", "End Date", "Response ID", "Recipient Email",
                    "Hvad har været det bedste ved familievejledningen?", "Hvad kunne have været bedre?",
                    "Hvor tilfreds er du?"]
QUALTRICS_IMPORT = ['{"ImportId":"startDate","timeZone":"Europe/Copenhagen"}', '{"ImportId":"endDate"}',
                    '{"ImportId":"_recordId"}', '{"ImportId":"recipientEmail"}', '{"ImportId":"QID1_TEXT"}',
                    '{"ImportId":"QID2_TEXT"}', '{"ImportId":"QID3"}']
QUALTRICS_ANSWERS = [
    ["2024-03-04 10:00:00", "2024-03-04 10:10:00", f"R_{n:03d}", f"person{n}@example.dk",
     f"Familievejlederen hjalp os med skolen, svar nummer {n}.", f"Mere tid til hver familie, svar {n}.",
     "Tilfreds" if n % 2 else "Meget tilfreds"]
    for n in range(1, 11)
]


def test_read_formats_qualtrics_csv_three_header_rows(tmp_path: Path) -> None:
    # The question texts and the ImportId row were read as a respondent's answers, and coded.
    import csv

    with (tmp_path / "survey.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([QUALTRICS_NAMES, QUALTRICS_LABELS, QUALTRICS_IMPORT, *QUALTRICS_ANSWERS])
    corpus = read(tmp_path)
    segments = corpus.segments
    assert len(segments) == 20
    assert set(segments["speaker"]) == {f"R_{n:03d}" for n in range(1, 11)}
    assert list(segments["question"][:2]) == QUALTRICS_LABELS[4:6]
    assert not segments["text"].str.contains("ImportId|Hvad har været").any()
    assert "[W023]" in notes(corpus)


def test_read_formats_qualtrics_xlsx_label_row(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "survey.xlsx", [QUALTRICS_NAMES, QUALTRICS_LABELS, *QUALTRICS_ANSWERS])
    corpus = read(tmp_path, text_columns=["Q1", "Q2"])  # the user names columns as the file's first row does
    assert len(corpus.segments) == 20
    assert list(corpus.segments["question"][:2]) == QUALTRICS_LABELS[4:6]
    assert corpus.segments["speaker"].iloc[0] == "R_001"


def test_read_formats_survey_first_answers_are_not_labels(tmp_path: Path) -> None:
    # Answers that share a word or two with their headers are answers all the same.
    rows = [["id", "Skole", "Hvad var godt?"], ["1", "Skole", "Det hele var godt"],
            ["2", "Fritid", "Vejledningen var god"], ["3", "Skole", "Mødet med rådgiveren"]]
    write_xlsx(tmp_path / "survey.xlsx", rows)
    corpus = read(tmp_path)
    assert list(corpus.segments["text"]) == ["Det hele var godt", "Vejledningen var god", "Mødet med rådgiveren"]
    assert "[W023]" not in notes(corpus)


def test_read_formats_xlsx_group_row_over_headers(tmp_path: Path) -> None:
    # A row of merged group names made the real headers the first respondent's "answers".
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Baggrund", None, None, "Åbne spørgsmål", None])
    sheet.append(["ID", "Alder", "Afdeling", "Hvad var godt?", "Hvad kunne være bedre?"])
    for n in range(1, 5):
        sheet.append([f"R00{n}", 30 + n, "Vest", f"Familievejledningen var god, svar {n}.", f"Mere tid, svar {n}."])
    sheet.merge_cells("A1:C1")
    sheet.merge_cells("D1:E1")
    workbook.save(tmp_path / "survey.xlsx")
    corpus = read(tmp_path)
    segments = corpus.segments
    assert len(segments) == 8
    assert list(segments["speaker"][:2]) == ["R001", "R001"]
    assert list(segments["question"][:2]) == ["Hvad var godt?", "Hvad kunne være bedre?"]
    assert list(segments["Alder"][:1]) == ["31"]
    assert "[W020]" in notes(corpus)


def test_read_formats_csv_header_with_blank_names_is_not_a_group_row(tmp_path: Path) -> None:
    (tmp_path / "survey.csv").write_text(
        "id;Hvad var godt?;;\nR1;Det var godt at komme;ja;nej\nR2;Rådgiveren lyttede;ja;ja\n", encoding="utf-8")
    corpus = read(tmp_path)
    assert list(corpus.segments["text"]) == ["Det var godt at komme", "Rådgiveren lyttede"]


def test_read_formats_survey_checkbox_column_is_not_answers(tmp_path: Path) -> None:
    # Many combinations of a few options looked like free text, and the option names were coded.
    import itertools
    import random

    options = ["Familievejledning", "Beboerrådgivning", "Lektiecafé", "Ungerådet", "Fritidsjobvejledning"]
    combos = [", ".join(combo) for n in (1, 2, 3) for combo in itertools.combinations(options, n)]
    rng = random.Random(3)
    rows: list[list[object]] = [["id", "Hvilke tilbud har du brugt?", "Hvad har tilbuddet betydet for dig?"]]
    for n in range(40):
        rows.append([n + 1, rng.choice(combos), f"Det har givet mig mere ro i hverdagen, svar {n}."])
    write_xlsx(tmp_path / "survey.xlsx", rows)
    corpus = read(tmp_path)
    assert set(corpus.segments["question"]) == {"Hvad har tilbuddet betydet for dig?"}
    assert "Hvilke tilbud har du brugt?" in corpus.segments.columns  # kept, as an attribute


def test_read_formats_survey_ms_forms_checkbox_semicolons(tmp_path: Path) -> None:
    options = ["Opslag i opgangen", "Facebook", "Nabo", "Skolen", "Avisen"]
    rows: list[list[object]] = [["ID", "Hvor hørte du om os?", "Uddyb gerne"]]
    for n in range(30):
        picked = ";".join(options[i] for i in range(len(options)) if (n >> i) & 1) + ";"
        rows.append([n + 1, picked if picked != ";" else "Nabo;", f"Min nabo fortalte om det, nummer {n}."])
    write_xlsx(tmp_path / "survey.xlsx", rows)
    assert set(read(tmp_path).segments["question"]) == {"Uddyb gerne"}


def test_read_formats_survey_short_comments_with_commas_stay_open(tmp_path: Path) -> None:
    answers = ["Godt, tak", "Fint, men dyrt", "Ventetid, ventetid", "Rart, trygt", "Ja, bestemt",
               "Nej, ikke rigtig", "Hjælpsomme, søde", "Lidt, men godt", "Ro, overblik", "Svært, langt",
               "Fint, tak", "Godt, men lidt langt"]
    rows: list[list[object]] = [["id", "Kommentar"], *[[n + 1, answer] for n, answer in enumerate(answers)]]
    write_xlsx(tmp_path / "survey.xlsx", rows)
    assert list(read(tmp_path).segments["text"]) == answers


def test_read_formats_srt_timings_without_milliseconds(tmp_path: Path) -> None:
    # The whole file was skipped as "empty" (E005): every cue failed to parse.
    (tmp_path / "a.srt").write_text(
        "1\n00:00:00 --> 00:00:02\nSpeaker 1: Hvordan går det?\n\n2\n00:00:02 --> 00:00:04\nSpeaker 2: Fint tak.\n\n"
        "3\n0:00:04.5 --> 0:00:06\nSpeaker 1: Og projektet?\n", encoding="utf-8")
    assert [text for _, _, text in turns(read(tmp_path))] == ["Hvordan går det?", "Fint tak.", "Og projektet?"]


@pytest.mark.parametrize("fmt", ["srt", "vtt"])
def test_read_formats_subtitle_cue_with_a_broken_end_time_is_kept(tmp_path: Path, fmt: str) -> None:
    # webvtt-py dropped a cue whose timing it could not parse, without a word: a question was lost.
    mark = "," if fmt == "srt" else "."
    head = "WEBVTT\n\n" if fmt == "vtt" else ""
    (tmp_path / f"a.{fmt}").write_text(
        f"{head}1\n00:00:00{mark}000 --> 00:00:02{mark}000\nSpeaker 1: Hvordan går det?\n\n"
        f"2\n00:00:02{mark}000 --> 00:00:04{mark}000\nSpeaker 2: Fint tak.\n\n"
        f"3\n00:00:04{mark}000 --> 00:00:0\nSpeaker 1: Hvad med madklubben?\n\n"
        f"4\n00:00:06{mark}000 --> 00:00:09{mark}000\nSpeaker 2: Den er god.\n", encoding="utf-8")
    assert [text for _, _, text in turns(read(tmp_path))] == [
        "Hvordan går det?", "Fint tak.", "Hvad med madklubben?", "Den er god."]


def test_read_formats_subtitle_cue_with_no_readable_time_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.srt").write_text(
        "1\n00:00:00,000 --> 00:00:02,000\nSpeaker 1: Hvordan går det?\n\n2\nxx:00:02 --> 00:00:04,000\n"
        "Speaker 2: Fint tak.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("I: Hej?\nB: Hej.\n", encoding="utf-8")
    corpus = read(tmp_path)
    assert "a.srt" in set(corpus.skipped["path"])
    reason = corpus.skipped.set_index("path").loc["a.srt", "reason"]
    assert "E007" in reason and "linje 6" in reason


@pytest.mark.parametrize("guest", ["+45 20 12 34 56", "karen.jensen@gmail.com"])
def test_read_formats_vtt_zoom_guest_by_phone_or_mail(tmp_path: Path, guest: str) -> None:
    # A participant who joined by phone or is shown by e-mail was no speaker: the answers became the host's.
    (tmp_path / "z.vtt").write_text(
        f"WEBVTT\n\n1\n00:00:00.000 --> 00:00:04.000\nMette Hansen: Hvordan har du oplevet helhedsplanen?\n\n"
        f"2\n00:00:05.000 --> 00:00:09.000\n{guest}: Det er gået godt.\n\n"
        f"3\n00:00:10.000 --> 00:00:14.000\nMette Hansen: Hvad mangler der?\n\n"
        f"4\n00:00:15.000 --> 00:00:19.000\n{guest}: Et sted at være om aftenen.\n", encoding="utf-8")
    assert turns(read(tmp_path)) == [("Mette Hansen", Q, "Hvordan har du oplevet helhedsplanen?"),
                                     (guest, A, "Det er gået godt."), ("Mette Hansen", Q, "Hvad mangler der?"),
                                     (guest, A, "Et sted at være om aftenen.")]


def test_read_formats_vtt_word_timings_and_rolling_lines(tmp_path: Path) -> None:
    # YouTube's automatic captions: "<00:00:00.500>" stayed in the text, and each line came three times.
    (tmp_path / "yt.vtt").write_text(
        "WEBVTT\nKind: captions\nLanguage: da\n\n"
        "00:00:00.000 --> 00:00:02.500 align:start position:0%\n \n"
        "hvordan<00:00:00.500><c> har</c><00:00:00.800><c> du</c><00:00:01.000><c> det</c>\n\n"
        "00:00:02.500 --> 00:00:02.510 align:start position:0%\nhvordan har du det\n \n\n"
        "00:00:02.510 --> 00:00:05.000 align:start position:0%\nhvordan har du det\n"
        "det<00:00:03.000><c> har</c><00:00:03.300><c> været</c><00:00:03.600><c> godt</c>\n\n"
        "00:00:05.000 --> 00:00:05.010 align:start position:0%\ndet har været godt\n \n", encoding="utf-8")
    corpus = read(tmp_path)
    assert " ".join(" ".join(corpus.segments["text"]).split()) == "hvordan har du det det har været godt"


def test_read_formats_docx_page_break_inside_a_paragraph(tmp_path: Path) -> None:
    # A page break between two sentences glued them ("alt.Hun").
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.add_paragraph("I: Hvordan var det?")
    paragraph = document.add_paragraph("B: Det var det hele, alt.")
    paragraph.add_run().add_break(WD_BREAK.PAGE)
    paragraph.add_run("Hun kom igen.")
    document.save(str(tmp_path / "a.docx"))
    assert turns(read(tmp_path))[1] == ("B", A, "Det var det hele, alt.\nHun kom igen.")


def test_read_formats_survey_missing_codes_are_no_answers(tmp_path: Path) -> None:
    # SurveyXact's "Ikke besvaret" was read as an answer: a respondent who said nothing was counted, and coded.
    rows: list[list[object]] = [["id", "Hvad har været det bedste ved forløbet?"]]
    answers = ["Familievejlederen lyttede til os", "Ikke besvaret", "-", "#NULL!", "Mere ro i hverdagen",
               "Ikke besvaret", "Hjælpen med skolen", ".", "Ved ikke", "=)"]
    rows += [[n + 1, answer] for n, answer in enumerate(answers)]
    write_xlsx(tmp_path / "survey.xlsx", rows)
    assert list(read(tmp_path).segments["text"]) == [
        "Familievejlederen lyttede til os", "Mere ro i hverdagen", "Hjælpen med skolen", "Ved ikke", "=)"]


@pytest.mark.parametrize(
    "question",
    ["Har du forslag til et nyt navn til legepladsen?", "Hvordan bruger du din mobil til at holde kontakt?",
     "Vil du have nyhedsbrevet på mail, og hvorfor?", "Beskriv hvordan det var at flytte til den nye adresse"],
)
def test_read_formats_survey_question_with_a_contact_word_is_open(tmp_path: Path, question: str) -> None:
    # A question that merely mentions a name, a mobile or an address was taken for a contact column:
    # its answers became a masked attribute, without a note.
    rows: list[list[object]] = [["id", "Dit navn", question]]
    rows += [[n + 1, f"Person {n}", f"Det synes jeg er en god idé, svar nummer {n}."] for n in range(10)]
    write_xlsx(tmp_path / "survey.xlsx", rows)
    assert set(read(tmp_path).segments["question"]) == {question}


def test_read_formats_survey_name_question_with_names_is_personal(tmp_path: Path) -> None:
    rows: list[list[object]] = [["id", "Hvad er dit navn?", "Hvad har været det bedste?"]]
    rows += [[n + 1, name, f"Det var godt at komme ud, svar {n}."]
             for n, name in enumerate(["Fatima", "Søren Jensen", "Xhemal", "Ali", "Mette", "Bo", "Kübra", "Ida"])]
    write_xlsx(tmp_path / "survey.xlsx", rows)
    assert set(read(tmp_path).segments["question"]) == {"Hvad har været det bedste?"}


def test_read_formats_survey_contact_question_with_addresses_and_phones_is_personal(tmp_path: Path) -> None:
    # "Hvad er din adresse?" with "Parkvej 129, 8210 Aarhus V" (four words) was an open question: every
    # address a segment "[adresse]", and ten coded with a theme by "park".
    rows: list[list[object]] = [["id", "Hvad er din adresse?", "Må vi kontakte dig? Skriv navn og telefonnummer",
                                 "Hvad kunne være bedre?"]]
    rows += [[n + 1, f"Parkvej {n + 10}, 8210 Aarhus V", "Nej tak" if n % 2 else f"Jens Hansen, tlf. 20 30 40 {n + 10}",
              f"Der mangler lys på stien, svar {n}."] for n in range(10)]
    write_xlsx(tmp_path / "survey.xlsx", rows)
    assert set(read(tmp_path).segments["question"]) == {"Hvad kunne være bedre?"}


def test_read_formats_survey_comment_field_of_mostly_no(tmp_path: Path) -> None:
    # Many "Nej", "-" and "Ved ikke" and a few real comments: the column was not open, its comments lost.
    fillers = ["Nej", "nej", "Ved ikke", "Nej", "Nej", "Nej.", "Ved ikke", "Nej", "Nej", "Nej", "Nej", "Nej"]
    comments = ["Jeg savner en bænk ved søen og mere lys", "Familievejlederen var rigtig god til os",
                "Der er for lang ventetid på rådgivningen", "Tak for en god indsats i området"]
    rows: list[list[object]] = [["id", "Alder", "Øvrige bemærkninger"]]
    rows += [[n + 1, 20 + n, answer] for n, answer in enumerate(fillers + comments)]
    write_xlsx(tmp_path / "survey.xlsx", rows)
    segments = read(tmp_path).segments
    assert set(segments["question"]) == {"Øvrige bemærkninger"}
    assert set(comments) <= set(segments["text"])


def test_read_formats_survey_danish_long_timestamps_are_not_answers(tmp_path: Path) -> None:
    rows: list[list[object]] = [["RespondentID", "Oprettet", "Begrund din vurdering"]]
    rows += [[n + 1, f"{n + 1}. marts 2024 kl. 13:{n:02d}", f"Det er svært at få fat i kommunen, svar {n}."]
             for n in range(10)]
    write_xlsx(tmp_path / "survey.xlsx", rows)
    assert set(read(tmp_path).segments["question"]) == {"Begrund din vurdering"}


@pytest.mark.parametrize("id_header", ["record_id", "Record ID", "Panel-ID", "Respondent-id"])
def test_read_formats_survey_more_id_column_names(tmp_path: Path, id_header: str) -> None:
    rows: list[list[object]] = [[id_header, "Hvad har været det bedste?"]]
    rows += [[f"P{n:03d}", f"Det var godt at komme ud, svar {n}."] for n in range(8)]
    write_xlsx(tmp_path / "survey.xlsx", rows)
    corpus = read(tmp_path)
    assert list(corpus.segments["speaker"])[:2] == ["P000", "P001"]


def test_read_formats_survey_variable_names_over_labels(tmp_path: Path) -> None:
    # SurveyXact and Enalyzer: variable names in the first row, the questions in the second.
    rows: list[list[object]] = [["respondentid", "baggrund_1", "s_1", "s_3", "s_4"],
                                ["Respondent-id", "Køn", "Hvor tilfreds er du?", "Hvad har været det bedste?",
                                 "Har du andre kommentarer?"]]
    rows += [[500 + n, n % 2 + 1, n % 5 + 1, f"Samarbejdet med boligforeningen fungerer, svar {n}.",
              f"Der er for meget støj om natten, især om vinteren, svar {n}."] for n in range(10)]
    write_xlsx(tmp_path / "survey.xlsx", rows)
    corpus = read(tmp_path)
    segments = corpus.segments
    assert set(segments["question"]) == {"Hvad har været det bedste?", "Har du andre kommentarer?"}
    assert "Respondent-id" not in set(segments["speaker"]) and len(segments) == 20
    assert "[W023]" in notes(corpus)


def test_read_formats_survey_lower_case_headers_over_answers_are_no_label_row(tmp_path: Path) -> None:
    rows: list[list[object]] = [["navn", "kommentar", "forslag"], ["Mette", "Det var godt", "Mere lys"],
                                ["Karen", "Fint nok", "Flere bænke"]]
    write_xlsx(tmp_path / "survey.xlsx", rows)
    assert "Det var godt" in set(read(tmp_path, text_columns=["kommentar"]).segments["text"])


def test_read_formats_survey_variable_list_sheet_first(tmp_path: Path) -> None:
    # A sheet of variables and their question texts came first and was read as the answers.
    import openpyxl

    workbook = openpyxl.Workbook()
    variables = workbook.active
    variables.title = "Variabler"
    variables.append(["Variabel", "Spørgsmål"])
    variables.append(["s_1", "Hvad har været det bedste ved indsatsen?"])
    variables.append(["s_2", "Hvad kunne have været bedre, synes du?"])
    data = workbook.create_sheet("Dataset")
    data.append(["respondentid", "Hvad har været det bedste ved indsatsen?"])
    for n in range(6):
        data.append([100 + n, f"Familievejledningen hjalp os meget, svar {n}."])
    workbook.save(tmp_path / "survey.xlsx")
    segments = read(tmp_path).segments
    assert len(segments) == 6 and segments["speaker"].iloc[0] == "100"


def test_read_formats_survey_repeated_ids_are_noted(tmp_path: Path) -> None:
    # Twelve rows of five ids became five respondents without a word.
    rows: list[list[object]] = [["id", "Hvad har været det bedste?"]]
    rows += [[n % 5 + 1, f"Familievejledningen hjalp os meget, svar {n}."] for n in range(12)]
    write_xlsx(tmp_path / "survey.xlsx", rows)
    corpus = read(tmp_path)
    assert corpus.segments["speaker"].nunique() == 5
    assert "[W024]" in notes(corpus) and "5 respondent-id står på mere end én række" in notes(corpus)


def test_read_formats_survey_short_distinct_answers_to_a_question(tmp_path: Path) -> None:
    # Twenty different one- or two-word wishes were taken for an attribute, without a note.
    wishes = ["Mere lys", "Hundeskov", "Bænke", "Legeplads", "Fodboldbane", "Cykelsti", "Grill", "Træer",
              "Blomster", "Vandpost", "Udekøkken", "Skaterbane", "Petanque", "Shelter", "Bålplads", "Høns",
              "Frugttræer", "Hængekøjer", "Bordtennis", "Lys ved søen"]
    rows: list[list[object]] = [["id", "Afdeling", "Bydel", "Nævn ét ønske til området"]]
    rows += [[n + 1, ["Nord", "Syd"][n % 2], f"Kvarter{chr(65 + n)}", wish] for n, wish in enumerate(wishes)]
    write_xlsx(tmp_path / "survey.xlsx", rows)
    segments = read(tmp_path).segments
    assert set(segments["question"]) == {"Nævn ét ønske til området"}
    assert set(segments["text"]) == set(wishes)


def test_read_interviewer_guess_note_names_its_file(tmp_path: Path) -> None:
    # W101 was the one note without its file: in the sheet 'Kørsel' it did not say which transcript.
    import warnings

    (tmp_path / "samtale.txt").write_text("Mette: Hvordan går det med rådgivningen?\nHanne: Godt, synes jeg.\n"
                                          "Mette: Hvad med ventetiden?\nHanne: Den er lang.\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        notes = kv.read_corpus(tmp_path).notes
    assert notes["message"].tolist() == [
        "[W101] samtale.txt: intervieweren antages at være 'Mette' (stiller flest spørgsmål); skriv intervieweren "
        "i kolonnen 'interviewer' i metadata.csv, hvis det er forkert."]


@pytest.mark.parametrize(("name", "content"), [
    ("uden_hoved.vtt", "00:00:01.000 --> 00:00:04.000\n<v Mette>Hvordan gik det?\n\n"
                       "00:00:05.000 --> 00:00:08.000\n<v Ali>Der er venteliste.\n"),
    ("uden_numre.srt", "00:00:01,000 --> 00:00:04,000\nTaler 1: Hvordan gik det?\n\n"
                       "00:00:05,000 --> 00:00:08,000\nTaler 2: Der er venteliste.\n"),
    ("uden_luft.srt", "00:00:01,000 --> 00:00:04,000\nTaler 1: Hvordan gik det?\n"
                      "00:00:05,000 --> 00:00:08,000\nTaler 2: Der er venteliste.\n"),
])
def test_read_formats_subtitles_without_header_numbers_or_blank_lines(tmp_path: Path, name: str,
                                                                        content: str) -> None:
    # A VTT without WEBVTT and an SRT without cue numbers were refused: E007 "(Invalid format)".
    (tmp_path / name).write_text(content, encoding="utf-8")
    corpus = kv.read_corpus(tmp_path)
    assert corpus.segments["text"].tolist() == ["Hvordan gik det?", "Der er venteliste."]
    assert len(set(corpus.segments["speaker"])) == 2


def test_whisper_text_output_loses_its_cue_timings(tmp_path: Path) -> None:
    # Whisper's .txt kept "[00:00.000 --> 00:04.320]" on every line, and so did every quote.
    path = tmp_path / "whisper.txt"
    path.write_text("[00:00.000 --> 00:04.320]  Jeg har boet her hele mit liv.\n"
                    "[00:04.320 --> 00:09.100]  Familievejledningen har hjulpet os meget.\n"
                    "[00:09.100 --> 00:12.000]  Jeg håber, den fortsætter.\n", encoding="utf-8")
    text = " ".join(kv.read_corpus(path).segments["text"])
    assert "-->" not in text and "[00:" not in text
    assert text.split() == ("Jeg har boet her hele mit liv. Familievejledningen har hjulpet os meget. "
                            "Jeg håber, den fortsætter.").split()


def test_a_cue_timing_quoted_in_a_transcript_stays(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("I: Hvad stod der?\nB: Der stod [00:00.000 --> 00:04.320] i filen.\nI: Og så?\n"
                    "B: Så lukkede jeg den.\n", encoding="utf-8")
    assert "[00:00.000 --> 00:04.320]" in " ".join(kv.read_corpus(path).segments["text"])
