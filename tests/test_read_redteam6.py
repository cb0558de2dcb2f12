"""Reading red team, round 6: transcripts as Danish evaluators get them (focus groups with a moderator
and an observer, Word tables, two interviews in one document, live captions in Teams' voice tags ...),
written by the real libraries (python-docx, webvtt-py, csv) and read with ``read_corpus``.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import kvaleval as kv
from kvaleval.records import INTERVIEWER, RESPONDENT
from test_read_formats import notes, read, turns

Q, A = INTERVIEWER, RESPONDENT


def test_read_redteam6_a_quote_left_open_near_the_end_of_a_large_csv_is_refused(tmp_path: Path) -> None:
    # Past the first MB only a cell longer than the csv module's limit was checked: a quote opened in one of
    # the last rows swallowed the rows after it into one answer, respondents 12002 and 12003 lost unsaid.
    path = tmp_path / "svar.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["id", "Hvad synes du om tilbuddet?"])
        writer.writerows([i, f"Svar nummer {i}: tilbuddet var godt, men ventetiden var lang."]
                         for i in range(1, 20_001))
        handle.write('20001;"Her begynder et citat, der aldrig slutter\n20002;Godt\n20003;Fint\n')
    assert path.stat().st_size > 1_000_000  # more than the part checked up front
    with pytest.raises(kv.CorpusError, match="linje 20002: et felt begynder med et anførselstegn"):
        kv.read_corpus(path, metadata=None)


def test_read_redteam6_a_last_answer_over_several_lines_in_a_large_csv_is_read(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    rows = [["id", "Hvad synes du om tilbuddet?"],
            *([str(i), f"Svar nummer {i}: tilbuddet var godt, men ventetiden var lang."] for i in range(1, 20_001)),
            ["20001", 'Godt.\nMen "ventetiden" var lang.'], ["20002", "Fint\n\nTak."]]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    segments = read(path).segments
    assert list(segments["text"][-2:]) == ['Godt.\nMen "ventetiden" var lang.', "Fint\n\nTak."]


def test_read_redteam6_chevrons_inside_voice_tags(tmp_path: Path) -> None:
    # Live captions saved with Teams' voice tags: the ">>" stood in the quotes, and the words after a ">>"
    # inside a voice (someone else speaking) were read as the voice's own.
    import webvtt

    captions = webvtt.WebVTT()
    texts = ["<v Mette Hansen>>> Hvordan går det med projektet?</v>",
             "<v Jens Olsen>>> Det går godt. >> Ja, det synes jeg også.</v>",
             "<v Mette Hansen>Hvad er det næste skridt? >> Jens Olsen: Evaluering.</v>",
             "<v Jens Olsen>Af første fase.</v>"]
    for index, text in enumerate(texts):
        captions.captions.append(webvtt.Caption(f"00:00:{index * 3:02d}.000", f"00:00:{index * 3 + 3:02d}.000", text))
    captions.save(str(tmp_path / "møde.vtt"))
    corpus = read(tmp_path)
    assert turns(corpus) == [("Mette Hansen", Q, "Hvordan går det med projektet?"), ("Jens Olsen", A, "Det går godt."),
                             ("ukendt taler", A, "Ja, det synes jeg også."),
                             ("Mette Hansen", Q, "Hvad er det næste skridt?"),
                             ("Jens Olsen", A, "Evaluering. Af første fase.")]
    assert ">>" not in corpus.documents[0].text


FOCUS = [("Moderator", Q, "Hvad synes I om den nye legeplads?"),
         ("Deltager 1", A, "Den er god. Børnene er der hver dag."),
         ("Deltager 2", A, "Der mangler skygge om sommeren."),
         ("Observatør", Q, "Må jeg spørge, hvem I skrev til?"), ("Deltager 2", A, "Teknik og miljø."),
         ("Moderator", Q, "Andet, inden vi slutter?"), ("Deltager 1", A, "Nej tak.")]


def test_read_redteam6_an_observer_in_a_focus_group_is_on_the_evaluators_side(tmp_path: Path) -> None:
    # The observer's question was a respondent's turn: coded and counted as an answer of the group.
    (tmp_path / "fokus.txt").write_text("".join(f"{s}: {t}\n" for s, _, t in FOCUS), encoding="utf-8")
    assert turns(read(tmp_path)) == FOCUS


def test_read_redteam6_a_header_of_roles_naming_the_team_is_no_turn(tmp_path: Path) -> None:
    # "Moderator: Mette Hansen" / "Observatør: Lars Holm" above the talk, with no field like "Dato:", were two
    # turns: "Lars Holm" coded as an observer's (before, a respondent's) answer. The observer named there by
    # first name (Lars:) is on the evaluators' side too.
    said = [("Lars" if s == "Observatør" else s, r, t) for s, r, t in FOCUS]
    (tmp_path / "fokus.txt").write_text("Fokusgruppe, Nørreparken\nModerator: Mette Hansen\nObservatør: Lars Holm\n\n"
                                        + "".join(f"{s}: {t}\n" for s, _, t in said), encoding="utf-8")
    corpus = read(tmp_path)
    assert turns(corpus) == said
    assert "[W017]" in notes(corpus)  # the header, said


def test_read_redteam6_a_greeting_of_short_turns_first_is_talk(tmp_path: Path) -> None:
    text = "I: Goddag\nB: Goddag Mette\n\nI: Hvordan går det?\nB: Fint.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert [t for _, _, t in turns(read(tmp_path))] == ["Goddag", "Goddag Mette", "Hvordan går det?", "Fint."]


def test_read_redteam6_two_interviews_in_one_word_document(tmp_path: Path) -> None:
    # The second interview's Word heading was read into the first respondent's last answer (coded, quoted).
    import docx

    document = docx.Document()
    document.add_heading("Interview 1 – borger, Vestbyen", 1)
    for text in ["I: Hvordan hørte du om os?", "B: Gennem sundhedsplejersken."]:
        document.add_paragraph(text)
    document.add_heading("Interview 2 – borger, Østbyen", 1)
    for text in ["I: Hvordan bruger du biblioteket?", "B: Til lektiecaféen.", "Interview 2 gik bedre, sagde hun."]:
        document.add_paragraph(text)
    document.save(str(tmp_path / "to.docx"))
    assert turns(read(tmp_path)) == [("I", Q, "Hvordan hørte du om os?"), ("B", A, "Gennem sundhedsplejersken."),
                                     ("I", Q, "Hvordan bruger du biblioteket?"),
                                     ("B", A, "Til lektiecaféen.\nInterview 2 gik bedre, sagde hun.")]


def test_read_redteam6_a_focus_group_with_names_in_bold_where_some_speak_once(tmp_path: Path) -> None:
    # Bold names without a colon: Søren and Ahmed, who speak once, were read into the turn before them, as
    # the participant before them had said it. A bold word once that is no name stays emphasis.
    import docx

    said = [("Mette", Q, "Hvad synes I om legepladsen?"), ("Anne", A, "Den er god."),
            ("Karim", A, "Der mangler skygge."), ("Søren", A, "Og bænke til os forældre."),
            ("Mette", Q, "Og belysningen?"), ("Anne", A, "Den er for dårlig."),
            ("Ahmed", A, "Enig, men det er jo vinter."), ("Karim", A, "Vi har skrevet til kommunen."),
            ("Mette", Q, "Tak for i dag.")]
    document = docx.Document()
    for speaker, _, text in said:
        paragraph = document.add_paragraph()
        paragraph.add_run(speaker).bold = True
        paragraph.add_run(" " + text)
    paragraph = document.add_paragraph()
    paragraph.add_run("Vigtigt").bold = True
    paragraph.add_run(" at huske til næste gang.")
    document.save(str(tmp_path / "fokus.docx"))
    assert turns(read(tmp_path)) == [*said[:-1], ("Mette", Q, "Tak for i dag.\nVigtigt at huske til næste gang.")]


@pytest.mark.parametrize("first", ["Interview med leder af Familiehuset", "Hej Mette, her er mine svar.", "Kære Mette"])
def test_read_redteam6_a_title_over_written_questions_is_the_header(tmp_path: Path, first: str) -> None:
    # The title above numbered questions and their untagged answers was coded as the respondent's answer;
    # a sentence there (a greeting) is the respondent's still.
    qa = [("Spørgsmål", Q, "1. Hvordan er Familiehuset organiseret?"), ("respondent", A, "Vi er fire ansatte."),
          ("Spørgsmål", Q, "2. Hvad er den største udfordring?"),
          ("respondent", A, "At nå de familier, der har brug for os.")]
    (tmp_path / "svar.txt").write_text("\n\n".join([first, *(t for _, _, t in qa)]) + "\n", encoding="utf-8")
    corpus = read(tmp_path)
    title = first.endswith("Familiehuset")
    assert turns(corpus) == ([] if title else [("respondent", A, first)]) + qa
    assert ("[W017]" in notes(corpus)) == title


GUIDE = ["Interviewguide – forældre", "1. Hvordan hørte du om Familiehuset?",
         "2. Hvad fik dig til at komme første gang?",
         "3. Hvordan har du oplevet personalet, og hvad har de gjort for dig?", "4. Hvad har du fået ud af at komme?",
         "5. Hvad kunne være bedre, og hvad skal vi blive ved med?", "6. Er der andet, du gerne vil fortælle os om?"]


@pytest.mark.parametrize("intro", [False, True])
def test_read_redteam6_an_interview_guide_pasted_above_the_transcript(tmp_path: Path, intro: bool) -> None:
    # A guide of more than 40 words before the first tag was kept as a respondent's paragraphs, its questions
    # coded as answers; with "Intro: Tak fordi ..." first, "Intro" was a speaker and the guide its turn.
    import docx

    said = [("I", Q, "Hvordan hørte du om os?"), ("B", A, "Gennem sundhedsplejersken."), ("I", Q, "Og personalet?"),
            ("B", A, "De er søde.")]
    document = docx.Document()
    lines = [*GUIDE[:1], *(["Intro: Tak fordi du vil deltage. Interviewet varer en time."] if intro else []),
             *GUIDE[1:]]
    for line in [*lines, "Transskription", *(f"{s}: {t}" for s, _, t in said)]:
        document.add_paragraph(line)
    document.save(str(tmp_path / "interview.docx"))
    corpus = read(tmp_path)
    assert turns(corpus) == said
    assert "[W017]" in notes(corpus)


@pytest.mark.parametrize("name", ["interview.xlsx", "interview.csv"])
def test_read_redteam6_a_transcript_sheet_without_a_header_row(tmp_path: Path, name: str) -> None:
    # One turn a row, no header row: read as a survey, the first question taken for a column's name (lost
    # from the turns) and every turn a respondent's answer, the speakers row numbers.
    import openpyxl

    said = [("I", Q, "Kan du fortælle, hvordan du hørte om os?"), ("R", A, "Gennem sundhedsplejersken."),
            ("I", Q, "Hvad fik dig til at komme?"), ("R", A, "Min mand."), ("I", Q, "Og hvad kunne være bedre?"),
            ("R", A, "Åbningstiderne.")]
    rows = [[speaker, text] for speaker, _, text in said]
    if name.endswith(".xlsx"):
        workbook = openpyxl.Workbook()
        for row in rows:
            workbook.active.append(row)
        workbook.save(tmp_path / name)
    else:
        with (tmp_path / name).open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter=";").writerows(rows)
    corpus = read(tmp_path)
    assert turns(corpus) == said
    assert "[W039]" in notes(corpus)


@pytest.mark.parametrize("header", [("Rolle", "Udsagn"), ("Hvem", "Hvad blev sagt"), ("Taler", "Citat")])
def test_read_redteam6_a_transcript_sheet_with_its_own_column_names(tmp_path: Path, header: tuple[str, str]) -> None:
    # An evaluator's own sheet of turns: read as a survey, the interviewer's questions coded as answers.
    import openpyxl

    said = [("I", Q, "Kan du fortælle, hvordan du hørte om os?"), ("R", A, "Gennem sundhedsplejersken."),
            ("I", Q, "Hvad fik dig til at komme?"), ("R", A, "Min mand."), ("I", Q, "Og hvad kunne være bedre?"),
            ("R", A, "Åbningstiderne.")]
    workbook = openpyxl.Workbook()
    workbook.active.append(list(header))
    for speaker, _, text in said:
        workbook.active.append([speaker, text])
    workbook.save(tmp_path / "interview.xlsx")
    assert turns(read(tmp_path)) == said


def test_read_redteam6_numbered_questions_with_only_the_answers_tagged(tmp_path: Path) -> None:
    # "2. Hvordan ...?" under "Svar: ..." was read into that answer and coded; the first question was a header.
    qa = [("Spørgsmål", Q, "1. Hvordan er Familiehuset organiseret?"), ("Svar", A, "Vi er fire ansatte."),
          ("Spørgsmål", Q, "2. Hvordan samarbejder I med sundhedsplejen?"), ("Svar", A, "Tæt. De henviser familier."),
          ("Spørgsmål", Q, "3) Hvad er den største udfordring?"), ("Svar", A, "At nå dem, der har brug for os.")]
    (tmp_path / "svar.txt").write_text("".join(f"{t}\n" if s == "Spørgsmål" else f"{s}: {t}\n\n" for s, _, t in qa),
                                       encoding="utf-8")
    assert turns(read(tmp_path)) == qa


def test_read_redteam6_a_numbered_list_in_an_interviewers_transcript_stays_in_the_turn(tmp_path: Path) -> None:
    text = "I: Jeg har to spørgsmål:\n1. Hvem henviste dig?\n2. Hvornår startede du?\nB: Min læge, i maj.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert [s for s, _, _ in turns(read(tmp_path))] == ["I", "B"]
