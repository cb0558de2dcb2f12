"""Transcripts in layouts that other transcribers and tools produce, read as a careful person would:
the speaker columns of tables in other orders and with other headers, a printed transcript's line
numbers, and a narrative interview's prompts set apart in italics.

Files are written by the real libraries (python-docx) or as text, and read with ``read_corpus``;
``read`` checks that every segment is its exact slice of the document.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kvaleval.records import INTERVIEWER, RESPONDENT
from test_read_formats import _docx_table, read, turns

Q, A = INTERVIEWER, RESPONDENT

ASKED = "Hvordan kom du i kontakt med familievejledningen?"
TOLD = "Det var egentlig min sagsbehandler, der foreslog det, fordi vi havde det svært derhjemme."
ASKED_2 = "Hvad har det betydet for jer i hverdagen?"
TOLD_2 = "Vi er blevet bedre til at tale sammen, især om aftenen, når børnene skal i seng."
EXPECTED = [("Interviewer", Q, ASKED), ("Mette", A, TOLD), ("Interviewer", Q, ASKED_2), ("Mette", A, TOLD_2)]


@pytest.mark.parametrize("header", [
    ["Tidsrum", "Indhold", "Taler", "Kommentar"],  # NVivo's columns named in Danish
    ["Tid", "Indhold", "Taler", "Kodning"],  # a column of the user's own beside known ones
    None,  # NVivo's table copied without its header row
])
def test_read_redteam_table_with_the_speaker_after_the_text(tmp_path: Path, header: list[str] | None) -> None:
    # The speaker column after the text was read as a tag on its own line: each row's name became
    # the speaker of the next row's text, and the interviewer's questions were Mette's answers.
    rows = [[f"0:0{index}:00.0 - 0:0{index + 1}:00.0", text, speaker, ""]
            for index, (speaker, _, text) in enumerate(EXPECTED)]
    if header is None:
        rows = [row[:3] for row in rows]
    _docx_table(tmp_path / "nvivo.docx", ([header] if header else []) + rows)
    corpus = read(tmp_path)
    assert turns(corpus) == EXPECTED
    assert list(corpus.segments["time"]) == ["0:00:00.0", "0:01:00.0", "0:02:00.0", "0:03:00.0"]


def test_read_redteam_table_of_names_and_short_answers_keeps_the_first_column_as_speaker(tmp_path: Path) -> None:
    # A two-column transcript, speaker first: its short answers are no speaker column.
    rows = [["Interviewer", ASKED], ["Mette", "Ja."], ["Interviewer", ASKED_2], ["Mette", "Ja."]]
    _docx_table(tmp_path / "t.docx", rows)
    assert turns(read(tmp_path)) == [("Interviewer", Q, ASKED), ("Mette", A, "Ja."),
                                     ("Interviewer", Q, ASKED_2), ("Mette", A, "Ja.")]


def test_read_redteam_line_numbers_on_every_line_are_not_read_into_the_quotes(tmp_path: Path) -> None:
    # A transcript numbered line by line for reference, wrapped turns and all: the numbers before
    # the tags were no text, but those before a turn's next lines were read into its quote.
    lines = ["Interview 4 – fortroligt", "", "  1  I: Hvordan kom du i kontakt med", "  2  familievejledningen?",
             "  3  B: Det var min sagsbehandler, der", "  4  foreslog det.", "  5", "  6  I: Og så?",
             "Side 1 af 2", "\f  1  B: Så gik vi i gang,", "  2  og det hjalp.", "  3  I: Tak."]
    (tmp_path / "nummereret.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [(speaker, role, " ".join(text.split())) for speaker, role, text in turns(read(tmp_path))] == [
        ("I", Q, "Hvordan kom du i kontakt med familievejledningen?"),
        ("B", A, "Det var min sagsbehandler, der foreslog det."), ("I", Q, "Og så?"),
        ("B", A, "Så gik vi i gang, og det hjalp."), ("I", Q, "Tak.")]


def test_read_redteam_numbers_that_do_not_count_up_stay_text(tmp_path: Path) -> None:
    # Amounts at the start of lines are no line numbers: they do not count up line by line.
    lines = ["I: Hvad koster det?", "B: Det kommer an på det:", "200  kroner for et barn,", "150  for en voksen,",
             "200  for en pensionist."]
    (tmp_path / "beloeb.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert turns(read(tmp_path))[1] == (
        "B", A, "Det kommer an på det:\n200  kroner for et barn,\n150  for en voksen,\n200  for en pensionist.")


def test_read_redteam_italic_prompt_before_the_first_question_is_the_interviewers(tmp_path: Path) -> None:
    # A narrative interview opens with a prompt, not a question: it and the respondent's first
    # answer were read as the document's title (W017) and neither coded nor quoted.
    import docx

    document = docx.Document()
    asked = [("Fortæl lidt om dig selv.", "Jeg er 34 år og bor i Vollsmose med mine to børn."),
             ("Hvordan hørte du om tilbuddet?", "Fra en veninde, der selv havde været med."),
             ("Hvad fik du ud af det?", "Ro i maven og et netværk.")]
    for question, answer in asked:
        document.add_paragraph().add_run(question).italic = True
        document.add_paragraph(answer)
    document.save(str(tmp_path / "fortaelling.docx"))
    corpus = read(tmp_path)
    assert turns(corpus) == [turn for question, answer in asked
                             for turn in (("Interviewer", Q, question), ("Respondent", A, answer))]
    assert "W017" not in "\n".join(corpus.notes["message"])


SECOND_ASKS = [("MH", Q, "Hvad laver du i klubben?"), ("B", A, "Jeg spiller mest bordtennis."),
               ("LK", Q, "Og hvem spiller du med?"), ("B", A, "Mine venner fra klassen."),
               ("MH", Q, "Hvad med de voksne?"), ("B", A, "De er søde, men travle.")]


@pytest.mark.parametrize("field", ["Interviewere: Mette Hansen (MH) og Lars Krog (LK)", "Interviewer(e): MH, LK"])
def test_read_redteam_interviewers_named_in_the_header_are_interviewers(tmp_path: Path, field: str) -> None:
    # The header named both interviewers, but only the one who asked most was guessed (W101): the
    # other's question was read as a respondent's answer, and coded.
    lines = ["Transskription – interview 7", field, "Transskriberet af: JH", "Varighed: 00:47:12", ""]
    (tmp_path / "interview7.txt").write_text(
        "\n".join(lines + [f"{speaker}: {text}" for speaker, _, text in SECOND_ASKS]) + "\n", encoding="utf-8")
    corpus = read(tmp_path)
    assert turns(corpus) == SECOND_ASKS
    assert "W101" not in "\n".join(corpus.notes["message"])


def test_read_redteam_interviewer_named_in_a_word_header_table(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=0, cols=2)
    for field, value in [("Dato", "12.3.2024"), ("Interviewer", "Lars Krog"), ("Informant", "Borger 3")]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = field, value
    said = [("Mette Hansen", "Velkommen, og tak fordi du ville være med."), ("Borger 3", "Selv tak."),
            ("Lars Krog", "Hvordan hørte du om tilbuddet?"), ("Borger 3", "Fra min nabo.")]
    for speaker, text in said:
        document.add_paragraph(f"{speaker}: {text}")
    document.save(str(tmp_path / "borger3.docx"))
    assert [(speaker, role) for speaker, role, _ in turns(read(tmp_path))] == [
        ("Mette Hansen", A), ("Borger 3", A), ("Lars Krog", Q), ("Borger 3", A)]


def test_read_redteam_markdown_headings_that_name_the_speakers_are_tags(tmp_path: Path) -> None:
    # Each turn under a heading with its speaker's name: the headings were coded as the respondent's
    # words ("### Interviewer"), and the questions read as a written questionnaire's.
    said = [("Interviewer", Q, ASKED), ("Mette", A, TOLD), ("Interviewer", Q, ASKED_2), ("Mette", A, TOLD_2)]
    (tmp_path / "interview.md").write_text(
        "".join(f"### {speaker}\n\n{text}\n\n" for speaker, _, text in said), encoding="utf-8")
    assert turns(read(tmp_path)) == said


def test_read_redteam_markdown_headings_of_themes_stay_out_of_the_turns(tmp_path: Path) -> None:
    text = "## Tema 1\n\nI: Hvad synes du?\nB: Godt.\n\n## Afrunding\n\nI: Tak.\nB: Selv tak.\n"
    (tmp_path / "interview.md").write_text(text, encoding="utf-8")
    assert [speaker for speaker, _, _ in turns(read(tmp_path))] == ["I", "B", "I", "B"]


def test_read_redteam_role_labels_with_a_full_stop_are_tags(tmp_path: Path) -> None:
    # "I." and "R." for "I:" and "R:": the whole interview was one respondent's paragraph, the
    # questions coded as answers (only W102 said so).
    said = [("I", Q, ASKED), ("R", A, TOLD), ("I", Q, ASKED_2), ("R", A, TOLD_2)]
    (tmp_path / "interview.txt").write_text("".join(f"{s}. {t}\n" for s, _, t in said), encoding="utf-8")
    assert turns(read(tmp_path)) == said


def test_read_redteam_a_lettered_outline_is_no_interview(tmp_path: Path) -> None:
    text = "Notat\nA. Baggrund for indsatsen.\nB. Metode og data.\nC. Resultater.\nI. Bilag om økonomi.\n"
    (tmp_path / "notat.txt").write_text(text, encoding="utf-8")
    assert {speaker for speaker, _, _ in turns(read(tmp_path))} == {"respondent"}


@pytest.mark.parametrize(("suffix", "header"), [(".csv", ["Timespan", "Content", "Speaker"]),
                                                (".xlsx", ["Tidsrum", "Indhold", "Taler"])])
def test_read_redteam_nvivo_transcript_table_as_csv_or_xlsx(tmp_path: Path, suffix: str, header: list[str]) -> None:
    # NVivo's transcript exported as a table was read as a survey, one respondent a row: the
    # interviewer's questions were answers, and so was the Timespan column.
    rows = [[f"0:0{index}:00.0 - 0:0{index + 1}:00.0", text, speaker]
            for index, (speaker, _, text) in enumerate(EXPECTED)]
    path = tmp_path / f"nvivo{suffix}"
    if suffix == ".csv":
        import csv

        with path.open("w", newline="", encoding="utf-8-sig") as handle:
            csv.writer(handle).writerows([header, *rows])
    else:
        import openpyxl

        workbook = openpyxl.Workbook()
        for row in [header, *rows]:
            workbook.active.append(row)
        workbook.save(path)
    corpus = read(tmp_path)
    assert turns(corpus) == EXPECTED
    assert list(corpus.segments["time"]) == ["0:00:00.0", "0:01:00.0", "0:02:00.0", "0:03:00.0"]
    assert "W039" in "\n".join(corpus.notes["message"])


def test_read_redteam_pdf_numbered_line_by_line(tmp_path: Path) -> None:
    # A printed transcript's line numbers (restarting on each page) were read into the quotes:
    # "kontakt med 2 familievejledningen?".
    from pdf_builder import write_pdf

    pages = [["1    I: Hvordan kom du i kontakt med", "2    familievejledningen?",
              "3    B: Det var min sagsbehandler, der", "4    foreslog det."],
             ["1    I: Hvad har det betydet for jer?", "2    B: Vi taler mere sammen."]]
    write_pdf(tmp_path / "nummereret.pdf", pages, footer="Side {page} af {pages}")
    assert turns(read(tmp_path)) == [
        ("I", Q, "Hvordan kom du i kontakt med familievejledningen?"),
        ("B", A, "Det var min sagsbehandler, der foreslog det."),
        ("I", Q, "Hvad har det betydet for jer?"), ("B", A, "Vi taler mere sammen.")]


def test_read_redteam_a_letter_that_speaks_once_next_to_other_letters_is_a_speaker(tmp_path: Path) -> None:
    # "L:" (the leader) spoke once and was read into F1's turn, its words quoted as hers.
    said = [("I", Q, "Hvad betyder netværket?"), ("P1", A, "Meget."), ("P2", A, "Det er et frirum."),
            ("I", Q, "Og for dig?"), ("F1", A, "Jeg har fået venner."), ("L", A, "Som leder kan jeg se en forskel.")]
    lines = [f"{speaker}: {text}" for speaker, _, text in said] + ["NB: optagelsen stoppede her."]
    (tmp_path / "gruppe.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert turns(read(tmp_path)) == [*said[:-1],
                                     ("L", A, "Som leder kan jeg se en forskel.\nNB: optagelsen stoppede her.")]


def test_read_redteam_running_head_of_a_printed_transcript_is_no_turn(tmp_path: Path) -> None:
    # The title repeated at the top of every page was read as the respondent's words, and coded.
    page = ["Interview 4 – fortroligt", ""]
    lines = [*page, "I: Hvordan kom du i kontakt med os?", "R: Via min sagsbehandler.", "", "Side 1 af 2", "\f",
             *page, "R: Og så gik det stærkt.", "I: Tak.", "", "Side 2 af 2"]
    (tmp_path / "udskrift.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = read(tmp_path)
    assert turns(corpus) == [("I", Q, "Hvordan kom du i kontakt med os?"), ("R", A, "Via min sagsbehandler."),
                             ("R", A, "Og så gik det stærkt."), ("I", Q, "Tak.")]
    assert "[W017]" in "\n".join(corpus.notes["message"])


def test_read_redteam_a_tag_line_like_a_header_line_is_still_a_turn(tmp_path: Path) -> None:
    text = "Sted: Beboerhuset\nDato: 5. maj\n\nI: Hvor foregik det?\nB: Sted: Beboerhuset\nI: Og hvornår?\nB: I maj.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert turns(read(tmp_path))[1] == ("B", A, "Sted: Beboerhuset")


@pytest.mark.parametrize("field", ["Deltagere: Mette Hansen (interviewer), Jens Olsen (borger)",
                                   "Deltagere: Jens Olsen og Mette Hansen (interviewer)"])
def test_read_redteam_interviewer_named_among_the_participants(tmp_path: Path, field: str) -> None:
    # Mette asks once, Jens asks back twice: the guess by questions took Jens for the interviewer.
    said = [("Mette Hansen", Q, "Hvordan bruger du huset?"), ("Jens Olsen", A, "Til fællesspisning. Kender du det?"),
            ("Mette Hansen", Q, "Ja, lidt."), ("Jens Olsen", A, "Kommer du så på torsdag?"),
            ("Mette Hansen", Q, "Måske.")]
    lines = ["Dato: 1. juni 2024", field, ""] + [f"{speaker}: {text}" for speaker, _, text in said]
    (tmp_path / "samtale.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert turns(read(tmp_path)) == said


def test_read_redteam_a_word_that_speaks_once_with_its_role_stated_is_a_speaker(tmp_path: Path) -> None:
    # "Skjold" is a Danish word (and on no name list): said once, even with its role stated, it was
    # read into Bo's turn and quoted as his.
    said = [("Moderator", Q, "Hvad betyder klubben?"), ("Sol", A, "Alt."), ("Storm", A, "Et sted at være."),
            ("Bo", A, "Maden."), ("Skjold", A, "Trygheden."), ("Moderator", Q, "Andet?"), ("Sol", A, "Nej.")]
    lines = [f"{speaker} (deltager): {text}" if speaker == "Skjold" else f"{speaker}: {text}"
             for speaker, _, text in said]
    (tmp_path / "fokusgruppe.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert turns(read(tmp_path)) == said


@pytest.mark.parametrize("name", ["Vibe", "Frej", "Tue", "Eskild", "Kamma"])
def test_read_redteam_a_common_danish_first_name_that_speaks_once_is_a_speaker(tmp_path: Path, name: str) -> None:
    # Vibe, Frej, Tue ... were on no name list: said once in a focus group, the turn went to Bo.
    said = [("Moderator", Q, "Hvad betyder klubben?"), ("Bo", A, "Maden."), (name, A, "Trygheden."),
            ("Bo", A, "Og vennerne."), ("Moderator", Q, "Andet?")]
    (tmp_path / "fokusgruppe.txt").write_text("".join(f"{s}: {t}\n" for s, _, t in said), encoding="utf-8")
    assert turns(read(tmp_path)) == said


@pytest.mark.parametrize("role", ["Skoleleder", "Sundhedsplejerske", "Sagsbehandler", "Bedstemor", "Lærer 2"])
def test_read_redteam_a_role_that_speaks_once_after_the_interviewer_is_a_speaker(tmp_path: Path, role: str) -> None:
    # "I: Hvad betyder samarbejdet?" / "Skoleleder: Det er vigtigt." (a short partner interview, in Word with
    # bold tags): the role word said once was read into the interviewer's turn, and the answer as a question.
    import docx

    document = docx.Document()
    for speaker, text in (("I", "Hvad betyder samarbejdet for jer?"), (role, "Det er rigtig vigtigt for os.")):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{speaker}: ").bold = True
        paragraph.add_run(text)
    document.save(tmp_path / "partner.docx")
    assert turns(read(tmp_path)) == [("I", Q, "Hvad betyder samarbejdet for jer?"),
                                     (role, A, "Det er rigtig vigtigt for os.")]


def test_read_redteam_a_role_field_in_a_header_and_a_field_after_the_first_tag_speak_not(tmp_path: Path) -> None:
    # before the first speaker a role with a name is a header field; after it a field word (Dato:) is no role
    (tmp_path / "interview.txt").write_text(
        "Skoleleder: Jens Hansen\n\nI: Hvordan går det?\nB: Godt.\nDato: 3. maj\nI: Tak.\n", encoding="utf-8")
    assert [speaker for speaker, _, _ in turns(read(tmp_path))] == ["I", "B", "I"]
