"""Transcripts as other tools and typists leave them: invisible characters, other line breaks,
tags without colons, two interviewers, and the notes when no tag is found.

Files are written as bytes or by the real libraries (python-docx) and read with
``read_corpus``; ``assert_nothing_lost`` checks that every segment is its exact slice.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kvaleval.errors import CorpusError
from kvaleval.records import INTERVIEWER, RESPONDENT
from test_read_formats import _docx_table, notes, read, turns

Q, A = INTERVIEWER, RESPONDENT


@pytest.mark.parametrize(("name", "between"), [
    ("line separator (U+2028)", "\u2028"),
    ("paragraph separator (U+2029)", "\u2029"),
    ("vertical tab (Word's soft break pasted)", "\x0b"),
    ("form feed (a page break)", "\x0c"),
    ("zero-width space before the tag", "\n\u200b"),
    ("byte order mark where two files were joined", "\n\ufeff"),
])
def test_read_layouts_tags_after_other_line_breaks(tmp_path: Path, name: str, between: str) -> None:
    text = between.join(["I: Hvad synes du om klubben?", "B: Den er god.", "I: Og lederne?", "B: Søde."])
    (tmp_path / "samtale.txt").write_bytes(("\ufeff" + text).encode("utf-8"))
    assert turns(read(tmp_path)) == [("I", Q, "Hvad synes du om klubben?"), ("B", A, "Den er god."),
                                     ("I", Q, "Og lederne?"), ("B", A, "Søde.")], name


def test_read_layouts_soft_hyphen_and_zero_width_space_inside_words_are_taken_out(tmp_path: Path) -> None:
    (tmp_path / "samtale.txt").write_text(
        "I: Hvad hjalp?\nB: Familie\u00advejledningen og fritids\u200bjobbet.\n", encoding="utf-8")
    assert turns(read(tmp_path))[1] == ("B", A, "Familievejledningen og fritidsjobbet.")


def test_read_layouts_subtitles_keep_their_text(tmp_path: Path) -> None:
    # Subtitles' turns are offsets into the text the reader builds: the layout pass must leave them alone.
    (tmp_path / "s.srt").write_text(
        "1\n00:00:01,000 --> 00:00:03,000\nTaler 1: Hvordan går det?\n\n"
        "2\n00:00:03,500 --> 00:00:06,000\nTaler 2: Det går\u200b godt.\n", encoding="utf-8")
    assert turns(read(tmp_path))[1] == ("Taler 2", A, "Det går\u200b godt.")


def test_read_layouts_whisperx_labels_in_brackets_without_colon(tmp_path: Path) -> None:
    (tmp_path / "whisper.srt").write_text(
        "1\n00:00:01,000 --> 00:00:04,200\n[SPEAKER_00] Tak fordi du ville være med. Kan du\n\n"
        "2\n00:00:04,250 --> 00:00:07,450\n[SPEAKER_00] fortælle, hvordan du hørte om os?\n\n"
        "3\n00:00:09,050 --> 00:00:12,250\n[SPEAKER_01] Gennem sundhedsplejersken.\n\n"
        "4\n00:00:12,500 --> 00:00:14,000\n[SPEAKER_00] Hvad skete der så?\n\n"
        "5\n00:00:14,500 --> 00:00:16,000\n[SPEAKER_01] Hun ringede. [griner]\n", encoding="utf-8")
    corpus = read(tmp_path)
    assert [(speaker, role) for speaker, role, _ in turns(corpus)] == [
        ("SPEAKER_00", Q), ("SPEAKER_01", A), ("SPEAKER_00", Q), ("SPEAKER_01", A)]
    assert turns(corpus)[0][2] == "Tak fordi du ville være med. Kan du fortælle, hvordan du hørte om os?"


def test_read_layouts_docx_table_with_role_in_the_speaker_column(tmp_path: Path) -> None:
    _docx_table(tmp_path / "partner.docx", [
        ["Taler", "Tekst"],
        ["Katrine (evaluator)", "Hvordan gik det med projektet i år?"],
        ["Mette Hansen, kommunen", "Det gik fint, men hvem skal betale?"],
        ["Katrine (evaluator)", "Hvad var svært?"],
        ["Mette Hansen, kommunen", "Datadeling. Hvorfor er det så svært?"],
    ])
    assert turns(read(tmp_path)) == [
        ("Katrine", Q, "Hvordan gik det med projektet i år?"),
        ("Mette Hansen", A, "Det gik fint, men hvem skal betale?"),
        ("Katrine", Q, "Hvad var svært?"),
        ("Mette Hansen", A, "Datadeling. Hvorfor er det så svært?")]


def test_read_layouts_two_interviewers_named_in_the_note(tmp_path: Path) -> None:
    (tmp_path / "partner.txt").write_text(
        "Katrine Lund: Kan du beskrive din rolle?\nMette Hansen: Jeg er leder.\n"
        "Peter Riis: Hvordan er samarbejdet?\nMette Hansen: Bedre nu.\n"
        "Katrine Lund: Hvad ændrede sig?\nMette Hansen: En fast gruppe.\n"
        "Peter Riis: Er der stadig udfordringer?\nMette Hansen: Datadeling.\n", encoding="utf-8")
    corpus = read(tmp_path)
    assert {speaker: role for speaker, role, _ in turns(corpus)} == {
        "Katrine Lund": Q, "Peter Riis": Q, "Mette Hansen": A}
    assert "[W101] partner.txt: intervieweren antages at være 'Katrine Lund' og 'Peter Riis'" in notes(corpus)


def test_read_layouts_untagged_interview_is_reported(tmp_path: Path) -> None:
    (tmp_path / "samtale.txt").write_text(
        "Hvad var grunden til, at du kom?\nJeg fik en rykker.\nHvad skete der så?\n"
        "Hun ringede.\nVille du anbefale det?\nJa.\n", encoding="utf-8")
    corpus = read(tmp_path)
    assert {speaker for speaker, _, _ in turns(corpus)} == {"respondent"}
    assert "[W102] samtale.txt: ingen talermærker fundet" in notes(corpus)
    assert "stiller 3 spørgsmål" in notes(corpus)


DASHED_REPLIES = ("Samtale med forælder, marts\n\n– Hvad var grunden til, at du kom?\n– Jeg fik en rykker.\n"
                  "– Hvad skete der så?\n– Hun ringede, og vi\nfik en tid samme uge.\n"
                  "– Ville du anbefale det?\n- Ja.\n")


def test_read_layouts_dashed_replies_are_two_voices_taking_turns(tmp_path: Path) -> None:
    (tmp_path / "samtale.txt").write_text(DASHED_REPLIES, encoding="utf-8")
    corpus = read(tmp_path)
    assert turns(corpus) == [
        ("Taler 1", Q, "Hvad var grunden til, at du kom?"), ("Taler 2", A, "Jeg fik en rykker."),
        ("Taler 1", Q, "Hvad skete der så?"), ("Taler 2", A, "Hun ringede, og vi\nfik en tid samme uge."),
        ("Taler 1", Q, "Ville du anbefale det?"), ("Taler 2", A, "Ja.")]
    assert "[W103] samtale.txt: ingen talermærker, men replikker med tankestreg" in notes(corpus)
    assert "W102" not in notes(corpus)


def test_read_layouts_subtitle_cues_with_two_dashed_replies(tmp_path: Path) -> None:
    (tmp_path / "s.srt").write_text(
        "1\n00:00:01,000 --> 00:00:07,000\n- Hvordan hørte du om os?\n- Gennem min nabo.\n\n"
        "2\n00:00:08,000 --> 00:00:14,000\n- Og hvad skete der så?\n- Hun kom <i>samme</i> uge.\n", encoding="utf-8")
    corpus = read(tmp_path)
    assert turns(corpus) == [("Taler 1", Q, "Hvordan hørte du om os?"), ("Taler 2", A, "Gennem min nabo."),
                             ("Taler 1", Q, "Og hvad skete der så?"), ("Taler 2", A, "Hun kom samme uge.")]
    assert "W103" in notes(corpus)


@pytest.mark.parametrize(("name", "text"), [
    ("a bulleted list", "Aftaler fra mødet\n- Lektiecaféen fortsætter?\n- Klubben får nye lokaler\n"
                        "- Hvem betaler?\n- Nyt møde i maj\n"),
    ("an interview guide (every bullet asks)", "Interviewguide\n– Hvordan hørte du om os?\n"
                                               "– Hvad fungerer?\n– Hvad kan blive bedre?\n– Andet?\n"),
    ("a few dashes in prose", "Vi har talt om det.\n– Hvad gør vi nu?\nDet ved ingen. Men vi prøver.\n"
                              "– Og hvad så?\nSå må vi se.\nDet er sådan, det er.\n– Tja.\n- Ja.\n"),
])
def test_read_layouts_dashes_that_are_no_dialogue_stay_one_text(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / "noter.txt").write_text(text, encoding="utf-8")
    corpus = read(tmp_path)
    assert {speaker for speaker, _, _ in turns(corpus)} == {"respondent"}, name
    assert "W103" not in notes(corpus), name


def test_read_layouts_untagged_letter_with_a_question_or_two_is_not_reported(tmp_path: Path) -> None:
    (tmp_path / "mail.txt").write_text(
        "Kære evaluator\n\nTak for sidst. Kan vi mødes igen?\n\nVi har haft et godt samarbejde.\n"
        "Klubben kører. Lektiecaféen kører. Hvem betaler til næste år? Det ved ingen.\n\n"
        "Familievejledningen er vigtig.\nDen bør fortsætte.\nSkal vi tale om det? Ring gerne.\n\n"
        "Mvh. Kirsten\nLeder\nBørnehuset\nTlf. på kontoret\nHele dagen\n", encoding="utf-8")
    assert "W102" not in notes(read(tmp_path))


@pytest.mark.parametrize(("suffix", "advice"), [
    (".wpd", "gem den som .docx"),
    (".doc", "gem den som .docx"),
    (".ods", "gem den som .xlsx eller .csv"),
    (".m4a", "Transskribér den først"),
    (".xls", "gem den som .xlsx eller .csv"),
    (".pages", "gem den som .docx"),
    (".xyz", "Gem den som .docx eller .txt"),
])
def test_read_layouts_unsupported_type_says_what_to_do(tmp_path: Path, suffix: str, advice: str) -> None:
    (tmp_path / f"interview{suffix}").write_bytes(b"I: Hvordan?\nB: Godt.\n")
    (tmp_path / "ok.txt").write_text("I: Hvordan?\nB: Godt.\n", encoding="utf-8")
    corpus = read(tmp_path)
    (reason,) = corpus.skipped["reason"]
    assert f"[E004] Filtypen '{suffix}' understøttes ikke" in reason and advice in reason
    assert turns(corpus) == [("I", Q, "Hvordan?"), ("B", A, "Godt.")]
    with pytest.raises(CorpusError, match=advice.replace(".", r"\.")):
        read(tmp_path / f"interview{suffix}")


def test_read_layouts_docx_table_with_a_speaker_cell_merged_down(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    rows = [["Taler", "Tekst"], ["I", "Hvordan var det?"], ["B", "Godt."], ["", "Meget godt."], ["", "Ja."],
            ["I", "Og så?"]]
    table = document.add_table(rows=len(rows), cols=2)
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    table.cell(2, 0).merge(table.cell(4, 0))  # "B" merged over three rows, as Word does it
    document.save(str(tmp_path / "t.docx"))
    assert turns(read(tmp_path)) == [("I", Q, "Hvordan var det?"), ("B", A, "Godt.\nMeget godt.\nJa."),
                                     ("I", Q, "Og så?")]


def _docx_bold_leads(path: Path, paragraphs: list[tuple[str, str]], *, style: bool = False) -> None:
    """Paragraphs that begin with bold words (a run of their own) and then plain text."""
    import docx

    document = docx.Document()
    for bold, plain in paragraphs:
        paragraph = document.add_paragraph()
        if bold:
            run = paragraph.add_run(bold)
            if style:
                run.style = document.styles["Strong"]
            else:
                run.bold = True
        paragraph.add_run(plain)
    document.save(str(path))


BOLD_INTERVIEW = [("", "Interview med Mette, 3. marts"), ("Interviewer", " Hvordan hørte du om familievejledningen?"),
                  ("Mette", " Gennem min nabo."), ("Interviewer", "\tHvad skete der så?"),
                  ("Mette ", "Hun kom hjem til os."), ("Interviewer", " : Tak."), ("Mette", " Selv tak.")]


@pytest.mark.parametrize("style", [False, True], ids=["bold", "Strong style"])
def test_read_layouts_docx_bold_speaker_without_colon(tmp_path: Path, style: bool) -> None:
    _docx_bold_leads(tmp_path / "mette.docx", BOLD_INTERVIEW, style=style)
    assert turns(read(tmp_path)) == [
        ("Interviewer", Q, "Hvordan hørte du om familievejledningen?"), ("Mette", A, "Gennem min nabo."),
        ("Interviewer", Q, "Hvad skete der så?"), ("Mette", A, "Hun kom hjem til os."),
        ("Interviewer", Q, "Tak."), ("Mette", A, "Selv tak.")]


def test_read_layouts_docx_bold_words_for_emphasis_stay_text(tmp_path: Path) -> None:
    _docx_bold_leads(tmp_path / "notat.docx", [
        ("Relevans", " Indsatserne opleves som relevante."), ("Kendskab", " Sekretariatet er ikke kendt nok."),
        ("", "Det siger både borgere og samarbejdspartnere."), ("Relevans", " gælder også klubben."),
        ("", "Mere om det i næste afsnit."), ("", "Og i bilaget."), ("", "Tak for i dag.")])
    corpus = read(tmp_path)
    assert {speaker for speaker, _, _ in turns(corpus)} == {"respondent"}
    assert "Relevans Indsatserne opleves som relevante." in corpus.segments["text"].iloc[0]


def test_read_layouts_header_note_is_cut_between_words(tmp_path: Path) -> None:
    # The note's excerpt was cut at 60 characters: "Interviewer: Char ...", a name nobody could
    # recognise and pseudonymise any more.
    header = "Interview om familievejledning, marts. Interviewer: Charlotte Vinther, evaluator"
    (tmp_path / "samtale.txt").write_text(f"{header}\n\nI: Hvordan gik det?\nB: Godt.\n", encoding="utf-8")
    note = next(line for line in notes(read(tmp_path)).splitlines() if "[W017]" in line)
    excerpt = note.split('"')[1]
    assert excerpt.endswith(" ...")
    assert set(excerpt.removesuffix(" ...").split()) <= set(header.split())
    assert len(excerpt) <= 64
