"""Reading red team, round 5: files as Danish evaluators get them (subtitles with ``>>`` changes of
speaker, a speaker said once between the interviewer's questions, ...), written by the real libraries
(webvtt-py, python-docx, openpyxl, odfpy) or by hand as the tools write them, and read with ``read_corpus``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import webvtt

from kvaleval.records import INTERVIEWER, RESPONDENT
from test_read_formats import read, turns

Q, A = INTERVIEWER, RESPONDENT


@pytest.mark.parametrize("label", ["Skjold", "SKJOLD", "Storm"])
def test_read_redteam5_a_word_said_once_after_the_interviewer_is_a_speaker(tmp_path: Path, label: str) -> None:
    # "Skjold" is a Danish word on no name list: said once without a role, the answer was read into the
    # interviewer's question ("Og for dig?\nSkjold: Trygheden.") and never coded.
    said = [("I", Q, "Hvad betyder klubben?"), ("R", A, "Alt."), ("I", Q, "Og for dig?"), (label, A, "Trygheden."),
            ("I", Q, "Andet?"), ("R", A, "Nej.")]
    (tmp_path / "fokus.txt").write_text("".join(f"{s}: {t}\n" for s, _, t in said), encoding="utf-8")
    assert turns(read(tmp_path)) == said


def test_read_redteam5_a_field_or_a_discourse_word_after_the_interviewer_speaks_not(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("I: Hvad så nu?\nAltså: det må vi se.\nR: Ja.\nI: Tak.\nDato: 3. maj\n",
                                    encoding="utf-8")
    assert [speaker for speaker, _, _ in turns(read(tmp_path))] == ["I", "R", "I"]


def _captions(path: Path, texts: list[str]) -> None:
    captions = webvtt.WebVTT()
    for index, text in enumerate(texts):
        captions.captions.append(webvtt.Caption(f"00:00:{index * 3:02d}.000", f"00:00:{index * 3 + 3:02d}.000", text))
    if path.suffix == ".srt":
        with path.open("w", encoding="utf-8") as handle:
            captions.write(handle, format="srt")
    else:
        captions.save(str(path))


@pytest.mark.parametrize("name", ["direkte.vtt", "direkte.srt"])
def test_read_redteam5_speaker_changes_marked_by_chevrons(tmp_path: Path, name: str) -> None:
    # Live captions mark a new speaker ">> "; the marks stood in the quotes and all was one speaker's words,
    # the interviewer's questions coded as answers. A cue without ">>" goes on with the last speaker.
    _captions(tmp_path / name, [">> Hvordan går det med projektet?", ">> Det går rigtig godt,", "vi er i gang.",
                                ">> Hvad er det næste skridt? >> Vi skal evaluere første fase."])
    corpus = read(tmp_path)
    assert turns(corpus) == [("Taler 1", Q, "Hvordan går det med projektet?"),
                             ("Taler 2", A, "Det går rigtig godt, vi er i gang."),
                             ("Taler 1", Q, "Hvad er det næste skridt?"),
                             ("Taler 2", A, "Vi skal evaluere første fase.")]
    assert "[W044]" in "\n".join(corpus.notes["message"])
    assert ">>" not in corpus.documents[0].text


def test_read_redteam5_chevrons_with_names(tmp_path: Path) -> None:
    _captions(tmp_path / "tv.vtt", [">> Interviewer: Hvordan går det?", ">> Mette: Godt.", ">> Interviewer: Og så?",
                                    "Fortæl mere.", ">> Mette: Det er svært."])
    assert turns(read(tmp_path)) == [("Interviewer", Q, "Hvordan går det?"), ("Mette", A, "Godt."),
                                     ("Interviewer", Q, "Og så? Fortæl mere."), ("Mette", A, "Det er svært.")]


BASE = [("I", Q, "Hvordan kom du i kontakt med familievejledningen?"),
        ("B", A, "Det var min sagsbehandler, der foreslog det."),
        ("I", Q, "Hvad har det betydet for jer?"), ("B", A, "Vi er blevet bedre til at tale sammen om aftenen.")]


def _footnote(document: object, paragraph: object, text: str) -> None:
    """A footnote as Word writes it: a footnotes part, and a reference in the paragraph."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes '
           'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           f'<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t>'
           '</w:r></w:p></w:footnote></w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml", xml.encode(),
                document.part.package)  # type: ignore[attr-defined]
    document.part.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes")  # type: ignore[attr-defined]
    run = OxmlElement("w:r")
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), "1")
    run.append(reference)
    paragraph._p.append(run)  # type: ignore[attr-defined]


_TEXT_BOX = ('<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
             'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:200pt;height:50pt"><v:textbox>'
             '<w:txbxContent><w:p><w:r><w:t>Vi fik ikke hjælp nok i starten.</w:t></w:r></w:p></w:txbxContent>'
             '</v:textbox></v:shape></w:pict></w:r>')


def test_read_redteam5_what_a_word_document_holds_outside_the_text_is_told_of(tmp_path: Path) -> None:
    # A comment, a footnote, a text box and a page header were left out with no word: an answer typed into a
    # text box was lost in silence. They are still not read (they are no speech), but W045 says so.
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Interview 3 – fortroligt"
    document.sections[0].footer.paragraphs[0].text = "7"  # a page number alone is no word to tell of
    paragraphs = [document.add_paragraph(f"{speaker}: {text}") for speaker, _, text in BASE]
    document.add_comment(paragraphs[1].runs, text="Spørg ind til sagsbehandleren", author="Analytiker")
    _footnote(document, paragraphs[1], "Sagsbehandleren er fra jobcentret.")
    paragraphs[2]._p.append(parse_xml(_TEXT_BOX))
    document.save(tmp_path / "interview.docx")
    corpus = read(tmp_path)
    assert turns(corpus) == BASE
    [note] = [message for message in corpus.notes["message"] if "[W045]" in message]
    for part in ("1 kommentar(er)", "1 fod- eller slutnote(r)", "1 tekstboks(e)", "1 linje(r) i sidehoved"):
        assert part in note
    assert "Spørg ind til sagsbehandleren" in note


def test_read_redteam5_a_plain_word_document_gets_no_note(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.sections[0].footer.paragraphs[0].text = "2"
    for speaker, _, text in BASE:
        document.add_paragraph(f"{speaker}: {text}")
    document.save(tmp_path / "interview.docx")
    corpus = read(tmp_path)
    assert not any("[W045]" in message for message in corpus.notes["message"])


def test_read_redteam5_what_a_libreoffice_document_holds_outside_the_text_is_told_of(tmp_path: Path) -> None:
    from odf import office
    from odf import text as odf_text
    from odf.opendocument import OpenDocumentText
    from odf.style import Footer, MasterPage, PageLayout

    document = OpenDocumentText()
    layout = PageLayout(name="side")
    document.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    footer = Footer()
    footer.addElement(odf_text.P(text="Transskriberet af Bureau A/S"))
    master.addElement(footer)
    document.masterstyles.addElement(master)
    for speaker, _, text in BASE:
        paragraph = odf_text.P(text=f"{speaker}: {text}")
        if speaker == "B":
            annotation = office.Annotation()
            annotation.addElement(odf_text.P(text="Godt citat"))
            paragraph.addElement(annotation)
            note = odf_text.Note(noteclass="footnote", id="n1")
            note.addElement(odf_text.NoteCitation(text="1"))
            body = odf_text.NoteBody()
            body.addElement(odf_text.P(text="Uklar lyd her"))
            note.addElement(body)
            paragraph.addElement(note)
        document.text.addElement(paragraph)
    document.save(str(tmp_path / "interview.odt"))
    corpus = read(tmp_path)
    assert turns(corpus) == BASE
    [note_text] = [message for message in corpus.notes["message"] if "[W045]" in message]
    for part in ("2 kommentar(er)", "2 fod- eller slutnote(r)", "1 linje(r) i sidehoved"):
        assert part in note_text


@pytest.mark.parametrize("layout", ["new", "old", "danish"])
def test_read_redteam5_a_zoom_chat_saved_as_text(tmp_path: Path, layout: str) -> None:
    # The chat of an online workshop was one respondent's text, every "10:02:15 From ... to Everyone:" in the
    # quotes, and the facilitator's questions coded as answers.
    said = [("Mette Hansen", Q, "Hvad fik I ud af dagen?"), ("Jens Olsen", A, "Meget, især gruppearbejdet."),
            ("Mette Hansen", Q, "Og hvad kunne være bedre?"), ("Jens Olsen", A, "Pauserne var for korte.")]
    if layout == "new":
        lines = [line for index, (speaker, _, text) in enumerate(said)
                 for line in (f"10:0{index}:15 From {speaker} to Everyone:", f"\t{text}")]
    elif layout == "old":
        lines = [f"00:0{index}:23\t From  {speaker} : {text}" for index, (speaker, _, text) in enumerate(said)]
    else:
        lines = [line for index, (speaker, _, text) in enumerate(said)
                 for line in (f"10:0{index}:15 Fra {speaker} til Alle:", f"\t{text}")]
    (tmp_path / "chat.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = read(tmp_path)
    assert turns(corpus) == said
    assert list(corpus.segments["time"]) == [line.split()[0] for line in lines if "From" in line or "Fra" in line]


def test_read_redteam5_a_private_zoom_message_keeps_its_recipient(tmp_path: Path) -> None:
    (tmp_path / "chat.txt").write_text(
        "10:02:15 From Mette Hansen to Everyone:\n\tVelkommen.\n"
        "10:02:40 From Jens Olsen to Mette Hansen(Direct Message):\n\tTak!\n", encoding="utf-8")
    corpus = read(tmp_path)
    assert "Jens Olsen (til Mette Hansen):" in corpus.documents[0].text
    assert [speaker for speaker, _, _ in turns(corpus)] == ["Mette Hansen", "Jens Olsen"]


_OPTIONS_ASKED = "Hvor har du hørt om os?"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_read_redteam5_a_question_merged_over_its_options(tmp_path: Path, suffix: str) -> None:
    # "Hvor har du hørt om os?" in a merged cell over its options, the options in the row under it: the option
    # row was a respondent whose answer "Andet, angiv" was coded, and the columns were "kolonne 5", "kolonne 6".
    import csv

    import openpyxl

    header = ["Respondent", "Køn", "Hvordan har du oplevet tilbuddet?", _OPTIONS_ASKED, None, None]
    options = [None, None, None, "Facebook", "Avis", "Andet, angiv"]
    answers = [[101, "Kvinde", "Personalet var venligt.", 1, 0, None],
               [102, "Mand", "Ventetiden var lang.", 0, 0, "Jobcentret henviste mig"],
               [103, "Kvinde", "Vi fik gode råd.", 0, 1, None]]
    path = tmp_path / f"svar{suffix}"
    if suffix == ".xlsx":
        book = openpyxl.Workbook()
        for row in (header, options, *answers):
            book.active.append(row)
        book.active.merge_cells("D1:F1")
        book.save(path)
    else:
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle, delimiter=";").writerows([header, options, *answers])
    corpus = read(tmp_path)
    segments = corpus.segments
    assert "101" in set(segments["speaker"]) and "1" not in set(segments["speaker"])
    assert not (segments["text"] == "Andet, angiv").any()
    other = segments[segments["question"] == f"{_OPTIONS_ASKED}: Andet, angiv"]
    assert list(zip(other["speaker"], other["text"], strict=True)) == [("102", "Jobcentret henviste mig")]
    assert list(segments.drop_duplicates("speaker")[f"{_OPTIONS_ASKED}: Facebook"]) == ["1", "0", "0"]
    assert "[W023]" in "\n".join(corpus.notes["message"])


def test_read_redteam5_an_answer_longer_than_the_csv_modules_limit(tmp_path: Path) -> None:
    # A 200,000-character answer (a letter pasted into the survey) made the whole file E007, "maybe a quote is
    # missing": every respondent's answers lost for one long cell.
    import csv

    letter = "Jeg vil gerne fortælle om hele mit forløb hos jer. " * 4000
    rows = [["id", "Hvad synes du om tilbuddet?"], ["1", "Godt, især personalet."], ["2", letter.strip()],
            ["3", "For lang ventetid."]]
    with (tmp_path / "svar.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    segments = read(tmp_path).segments
    assert list(zip(segments["speaker"], segments["text"], strict=True)) == [tuple(row) for row in rows[1:]]
    assert csv.field_size_limit() == 131_072  # the module's limit is left as it was


def test_read_redteam5_a_quote_that_never_closes_in_a_large_csv_is_still_refused(tmp_path: Path) -> None:
    import kvaleval as kv

    lines = ["id;Hvad synes du?", *[f"{i};Svar nummer {i} fra en beboer i området." for i in range(1, 30_000)]]
    lines[5] = '5;"Her begynder et citat, der aldrig slutter ' + "og så videre " * 12_000
    (tmp_path / "svar.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert (tmp_path / "svar.csv").stat().st_size > 1_000_000  # more than the part checked up front
    with pytest.raises(kv.CorpusError, match="aldrig lukkes"):
        kv.read_corpus(tmp_path / "svar.csv", metadata=None)


def _modern_text_box(paragraphs: list[str]) -> str:
    """A text box as Word 2010+ writes it: DrawingML for new Word, and a VML copy for older Word."""
    body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>" for text in paragraphs)
    return ('<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            '<wp:anchor><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<wps:wsp><wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>'
            '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>'
            f'<w:txbxContent>{body}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def test_read_redteam5_a_document_laid_out_in_text_boxes_is_read_from_them(tmp_path: Path) -> None:
    # A PDF saved as Word puts the text in text boxes: the document was "empty" (E005, "remove it from the
    # corpus"), every answer lost. Read from the boxes, once each (not also their copy for older Word), W046.
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("Interview 4")
    for start in (0, 2):
        paragraph = document.add_paragraph()
        paragraph._p.append(parse_xml(_modern_text_box([f"{s}: {t}" for s, _, t in BASE[start:start + 2]])))
    document.save(tmp_path / "konverteret.docx")
    corpus = read(tmp_path)
    assert turns(corpus) == BASE
    messages = "\n".join(corpus.notes["message"])
    assert "[W046]" in messages and "[W045]" not in messages


def test_read_redteam5_a_text_box_beside_the_transcript_is_not_read_into_it(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraphs = [document.add_paragraph(f"{speaker}: {text}") for speaker, _, text in BASE]
    paragraphs[1]._p.append(parse_xml(_modern_text_box(["Faktaboks: familievejledningen"])))
    document.save(tmp_path / "interview.docx")
    corpus = read(tmp_path)
    assert turns(corpus) == BASE
    assert "1 tekstboks(e)" in "\n".join(corpus.notes["message"])


def test_read_redteam5_words_outside_a_voice_tag_are_kept(tmp_path: Path) -> None:
    # "<v Mette Hansen>Hvordan kom du</v>" and on the cue's next line "i kontakt med os?": the line the tag did
    # not span was dropped without a word, and so was text before a voice tag.
    captions = webvtt.WebVTT()
    for index, text in enumerate(["<v Mette Hansen>Hvordan kom du</v>\ni kontakt med os?",
                                  "<v Jens Olsen>Via min sagsbehandler.</v>",
                                  "og kommunen. <v Mette Hansen>Hvornår?</v>",
                                  "<v Jens Olsen>I marts.</v>"]):
        captions.captions.append(webvtt.Caption(f"00:00:0{index * 2}.000", f"00:00:0{index * 2 + 2}.000", text))
    captions.save(str(tmp_path / "teams.vtt"))
    assert [(speaker, text) for speaker, _, text in turns(read(tmp_path))] == [
        ("Mette Hansen", "Hvordan kom du i kontakt med os?"), ("Jens Olsen", "Via min sagsbehandler. og kommunen."),
        ("Mette Hansen", "Hvornår?"), ("Jens Olsen", "I marts.")]


def test_read_redteam5_an_other_field_is_asked_as_its_question(tmp_path: Path) -> None:
    # Two "Andet, angiv" columns, one after each closed question: the answers were quoted under the question
    # "Andet, angiv (2)", with nothing to tell what was asked. The column keeps its name (for --text-column).
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "Hvor har du hørt om os?", "Andet, angiv", "Hvilke aktiviteter deltager du i?",
                  "Andet, angiv", "Andre kommentarer"])
    heard, done = ["Facebook", "Avis", "Andet", "Venner"] * 3, ["Fællesspisning", "Andet", "Lektiecafé"] * 4
    for i in range(12):
        sheet.append([i + 1, heard[i], f"Plakat nr. {i}" if heard[i] == "Andet" else None, done[i],
                      f"Strikkeklub {i}" if done[i] == "Andet" else None, f"Et godt sted at komme, {i}."])
    book.save(tmp_path / "svar.xlsx")
    segments = read(tmp_path).segments
    assert set(segments["question"]) == {"Hvor har du hørt om os?: Andet, angiv",
                                         "Hvilke aktiviteter deltager du i?: Andet, angiv", "Andre kommentarer"}
    assert list(segments[segments["speaker"] == "2"]["question"]) == [
        "Hvilke aktiviteter deltager du i?: Andet, angiv", "Andre kommentarer"]


def test_read_redteam5_a_list_in_the_interviewers_turn_speaks_not(tmp_path: Path) -> None:
    # only after a question: "Her er listen:" / "Mandag: fællesspisning" is the interviewer's still
    text = ("I: Hvad laver I i ugen? Her er listen:\nMandag: fællesspisning\nTirsdag: lektiecafé\n"
            "R: Vi kommer om mandagen.\nI: Og for dig?\nSkjold: Trygheden.\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert [speaker for speaker, _, _ in turns(read(tmp_path))] == ["I", "R", "I", "Skjold"]


@pytest.mark.parametrize("restart", [True, False])
def test_read_redteam5_a_sheet_per_group_is_read_as_one_survey(tmp_path: Path, restart: bool) -> None:
    # A workbook with a sheet per group (Forældre, Elever) under a cover sheet: only the first group was read
    # (W015, "save each sheet as its own file"); the pupils' answers were left out.
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Forside"
    book.active["A1"] = "Trivselsundersøgelse 2024"
    said = []
    for group, n in (("Forældre", 3), ("Elever", 2)):
        sheet = book.create_sheet(group)
        sheet.append([f"Besvarelser fra {group.lower()}"])
        sheet.append(["løbenr", "Klasse", "Hvad er det bedste ved skolen?"])
        for i in range(n):
            number = i + 1 if restart else len(said) + 1
            sheet.append([number, f"{i + 4}.a", f"{group}: svar {i} om vennerne og lærerne."])
            answer = f"{group}: svar {i} om vennerne og lærerne."
            said.append((f"{number} ({group})" if restart else str(number), answer, group))
    book.create_sheet("Variabler").append(["Variabel", "Spørgsmål"])
    book.save(tmp_path / "trivsel.xlsx")
    corpus = read(tmp_path)
    segments = corpus.segments
    assert list(zip(segments["speaker"], segments["text"], segments["Ark"], strict=True)) == said
    [note] = [message for message in corpus.notes["message"] if "[W047]" in message]
    assert "'Forældre', 'Elever'" in note and "Forside" in note and "Variabler" in note
    assert not any("[W024]" in message or "[W015]" in message for message in corpus.notes["message"])


def test_read_redteam5_sheets_with_other_columns_are_not_read_as_one(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Svar"
    book.active.append(["id", "Hvad er det bedste ved skolen?"])
    for i in range(3):
        book.active.append([i + 1, f"Svar {i} om vennerne."])
    other = book.create_sheet("Optælling")
    other.append(["Tema", "Antal"])
    other.append(["Venner", 3])
    book.save(tmp_path / "svar.xlsx")
    corpus = read(tmp_path)
    assert list(corpus.segments["speaker"]) == ["1", "2", "3"] and "Ark" not in corpus.segments.columns
    assert "[W015]" in "\n".join(corpus.notes["message"])


def test_read_redteam5_a_libreoffice_document_laid_out_in_frames_is_read_from_them(tmp_path: Path) -> None:
    from odf import draw
    from odf import text as odf_text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    for start in (0, 2):
        paragraph = odf_text.P()
        frame = draw.Frame(width="10cm", height="5cm", anchortype="paragraph")
        box = draw.TextBox()
        for speaker, _, text in BASE[start:start + 2]:
            box.addElement(odf_text.P(text=f"{speaker}: {text}"))
        frame.addElement(box)
        paragraph.addElement(frame)
        document.text.addElement(paragraph)
    document.save(str(tmp_path / "konverteret.odt"))
    corpus = read(tmp_path)
    assert turns(corpus) == BASE
    assert "[W046]" in "\n".join(corpus.notes["message"])


def _twice_over(text: str) -> str:
    """UTF-8 read as cp1252 (as Excel opens a CSV without a BOM) and saved again as UTF-8."""
    return text.encode("utf-8").decode("cp1252")


def test_read_redteam5_letters_saved_twice_over_are_set_right(tmp_path: Path) -> None:
    # "bÃ¸rnene" was read and coded as it stood: no rule found "børn", and the quotes read "Ã¦ldre", in silence.
    import csv

    rows = [["id", "Hvad synes du om tilbuddet?"], ["1", "Det er godt for børnene og de ældre."],
            ["2", "Personalet er søde – men ventetiden er lang."], ["3", "Vi fik hjælp på få dage."]]
    with (tmp_path / "svar.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([[_twice_over(cell) for cell in row] for row in rows])
    (tmp_path / "interview.txt").write_text(_twice_over("I: Hvordan går det med børnene?\nB: Godt.\n"),
                                            encoding="utf-8")
    corpus = read(tmp_path)
    by_document = corpus.segments.groupby("doc_id")["text"].apply(list).to_dict()
    assert by_document["svar"] == [text for _, text in rows[1:]]
    assert by_document["interview"] == ["Hvordan går det med børnene?", "Godt."]
    notes = [message for message in corpus.notes["message"] if "[W048]" in message]
    assert len(notes) == 2 and any("svar.csv: 7 bogstav" in note for note in notes)


def test_read_redteam5_a_text_with_no_letter_saved_twice_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("I: Hvad betyder â€“ for dig?\nB: Ã er et bogstav.\n", encoding="utf-8")
    assert [text for _, _, text in turns(read(tmp_path))] == ["Hvad betyder â€“ for dig?", "Ã er et bogstav."]


def test_read_redteam5_chevrons_in_word_timed_captions_that_roll_up(tmp_path: Path) -> None:
    # YouTube's automatic captions mark speakers ">>" and repeat each line in the next cues as the text rolls
    # up: split at the marks first, each line was read two or three times over.
    lines = ["WEBVTT", "", "00:00:00.000 --> 00:00:02.000",
             ">> hvordan<00:00:00.500><c> går</c><00:00:01.000><c> det?</c>", "",
             "00:00:02.000 --> 00:00:02.010", ">> hvordan går det?", "",
             "00:00:02.010 --> 00:00:04.000", ">> hvordan går det?", ">> det<00:00:02.500><c> går</c><c> godt</c>", "",
             "00:00:04.000 --> 00:00:04.010", ">> det går godt", "",
             "00:00:04.010 --> 00:00:06.000", ">> det går godt", "og<00:00:04.500><c> hvad</c><c> så?</c>", ""]
    (tmp_path / "youtube.vtt").write_text("\n".join(lines), encoding="utf-8")
    assert [(speaker, text) for speaker, _, text in turns(read(tmp_path))] == [
        ("Taler 1", "hvordan går det?"), ("Taler 2", "det går godt og hvad så?")]


def test_read_redteam5_other_alone_is_no_field_of_the_question_before(tmp_path: Path) -> None:
    import csv

    rows = [["id", "Køn", "Andet"], *[[str(i), ["Kvinde", "Mand"][i % 2], f"Noget helt andet, nummer {i}."]
                                      for i in range(1, 9)]]
    with (tmp_path / "svar.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    assert set(read(tmp_path).segments["question"]) == {"Andet"}
