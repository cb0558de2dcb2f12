"""Survey exports as Danish evaluators get them (SurveyXact without labels, sums under the answers,
a response sent twice), grouping the appendix by a background variable, and a column named as text.

Files are written with the csv module and openpyxl and read with ``read_corpus`` / the CLI.
"""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

import kvaleval as kv
from conftest import write_xlsx
from kvaleval.cli import code as _code  # noqa: F401  (registers the command)
from kvaleval.cli._app import app
from kvaleval.errors import CodingError, ReportError
from test_read_formats import notes, read

ANSWERS = [
    "Lektiecaféen er et godt tilbud for mit barn.",
    "Der er for lang ventetid i beboerrådgivningen.",
    "Jeg kender ikke helhedsplanen.",
    "Flere frivillige i klubben ville være godt.",
    "Familievejledningen hjalp os meget.",
    "Jeg ved ikke hvem sekretariatet er.",
]


def _write_csv(path: Path, rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)


@pytest.mark.parametrize("with_ids", [True, False])
def test_read_surveys_variable_names_without_a_label_row_keep_the_first_respondent(
        tmp_path: Path, with_ids: bool) -> None:
    # SurveyXact's export with variable names only: respondent 1 was taken for a row of question texts.
    rows = [["respondentid", "s_1", "s_2", "s_3"] if with_ids else ["s_1", "s_2", "s_3"]]
    for number, answer in enumerate(ANSWERS, start=1):
        values = ["Kvinde" if number % 2 else "Mand", "Bøgeparken" if number < 4 else "Egeparken", answer]
        rows.append([number, *values] if with_ids else values)
    _write_csv(tmp_path / "surveyxact_export.csv", rows)
    corpus = read(tmp_path, **({"text_columns": ["s_3"]} if not with_ids else {}))
    assert corpus.segments["text"].tolist() == ANSWERS
    assert set(corpus.segments["question"]) == {"s_3"}
    assert "W023" not in notes(corpus)


def test_read_surveys_a_real_label_row_is_still_labels(tmp_path: Path) -> None:
    rows = [["respondentid", "s_1", "s_2"], ["Respondent-id", "Hvad er dit køn?", "Hvad fungerer godt?"]]
    rows += [[number, "Kvinde", answer] for number, answer in enumerate(ANSWERS, start=1)]
    _write_csv(tmp_path / "surveyxact_labels.csv", rows)
    corpus = read(tmp_path)
    assert corpus.segments["text"].tolist() == ANSWERS
    assert set(corpus.segments["question"]) == {"Hvad fungerer godt?"}
    assert "W023" in notes(corpus)


def test_read_surveys_rows_of_sums_under_the_answers_are_no_respondents(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Løbenr", "Køn", "Hvad fungerer godt i helhedsplanens indsatser?"])
    for number, answer in enumerate(ANSWERS, start=1):
        sheet.append([number, "Kvinde", answer])
    sheet.append([None, None, None])
    sheet.append(["I alt", len(ANSWERS), "Antal besvarelser: 6"])
    sheet.append(["Total", "6 respondenter", 6])
    workbook.save(tmp_path / "totaler.xlsx")
    corpus = read(tmp_path)
    assert corpus.segments["text"].tolist() == ANSWERS
    assert set(corpus.segments["Køn"]) == {"Kvinde"}
    assert "[W026] totaler.xlsx: 2 række(r) med I alt, Total i id-kolonnen" in notes(corpus)


def test_read_surveys_a_response_sent_twice_is_read_once(tmp_path: Path) -> None:
    rows: list[list[object]] = [["id", "Afdeling", "Hvad fungerer godt?"]]
    rows += [[number, "Bøgeparken", answer] for number, answer in enumerate(ANSWERS, start=1)]
    rows.insert(3, [2, "Bøgeparken", ANSWERS[1]])  # respondent 2 pressed "send" twice
    rows.append([6, "Egeparken", "Noget helt andet."])  # the same id with other answers: kept, and noted
    _write_csv(tmp_path / "dobbelt.csv", rows)
    corpus = read(tmp_path)
    assert corpus.segments["text"].tolist() == [*ANSWERS, "Noget helt andet."]
    assert "[W027] dobbelt.csv: 1 række(r) er en tidligere række igen" in notes(corpus)
    assert "[W024] dobbelt.csv: 1 respondent-id" in notes(corpus)


def test_read_surveys_one_text_column_given_as_a_string(tmp_path: Path) -> None:
    rows = [["id", "Hvad fungerer godt?", "Hvad kan forbedres?"]]
    rows += [[number, answer, "Mere plads."] for number, answer in enumerate(ANSWERS, start=1)]
    _write_csv(tmp_path / "s.csv", rows)
    corpus = kv.read_corpus(tmp_path, text_columns="Hvad kan forbedres?")
    assert corpus.segments["text"].tolist() == ["Mere plads."] * len(ANSWERS)


def _survey_with_background(folder: Path) -> None:
    rows = [["id", "Navn", "Afdeling", "Hvad fungerer godt i helhedsplanens indsatser?"]]
    departments = ["Bøgeparken", "Egeparken"]
    rows += [[number, f"Person {number}", departments[number % 2],
              f"{answer} Vi har ventet {number} uger på en plads, og der mangler flere medarbejdere."]
             for number, answer in enumerate(ANSWERS * 3, start=1)]
    _write_csv(folder / "borgere.csv", rows)


def test_read_surveys_appendix_grouped_by_a_background_variable(tmp_path: Path) -> None:
    corpus_folder = tmp_path / "korpus"
    corpus_folder.mkdir()
    _survey_with_background(corpus_folder)
    out = tmp_path / "ud"
    result = CliRunner().invoke(app, ["code", str(corpus_folder), "--out", str(out), "--by", "Afdeling", "-q"])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out / "csv" / "frekvenser.csv", encoding="utf-8-sig", keep_default_na=False)
    groups = table[table["attribute"] == "Afdeling"].groupby("value")["respondents_total"].max().to_dict()
    assert groups == {"(alle)": 18, "Bøgeparken": 9, "Egeparken": 9}


def test_read_surveys_grouping_by_a_personal_column_is_refused(tmp_path: Path) -> None:
    corpus_folder = tmp_path / "korpus"
    corpus_folder.mkdir()
    _survey_with_background(corpus_folder)
    result = CliRunner().invoke(app, ["code", str(corpus_folder), "--out", str(tmp_path / "ud"), "--by", "Navn"])
    assert isinstance(result.exception, ReportError) and "[E503]" in str(result.exception)
    assert not (tmp_path / "ud" / "appendix.xlsx").exists()


def test_read_surveys_frequencies_by_document_and_the_columns_e304_offers(tmp_path: Path) -> None:
    _survey_with_background(tmp_path)
    (tmp_path / "partnere.csv").write_text("id;Hvad fungerer godt i helhedsplanens indsatser?\n1;Relevant.\n",
                                          encoding="utf-8")
    coded = kv.code(kv.read_corpus(tmp_path, text_columns="Hvad fungerer godt i helhedsplanens indsatser?"),
                    kv.read_codebook(Path(__file__).parents[1] / "codebooks" / "vollsmose.yaml"))
    table = coded.frequencies(by="doc_id")
    assert set(table["doc_id"]) == {"(alle)", "borgere", "partnere"}
    assert set(table.loc[table["doc_id"] == "partnere", "respondents_total"]) == {1}
    with pytest.raises(CodingError, match=r"\[E304\].*Mulige: \['doc_id', 'Navn', 'Afdeling'\]"):
        coded.frequencies(by="afdeling")


def test_read_surveys_code_prints_what_changed_the_reading(tmp_path: Path) -> None:
    # W015/W023/W024/W026 were only counted in the summary ("Bemærkninger: 1"), so a left-out sheet went unseen.
    folder = tmp_path / "korpus"
    folder.mkdir()
    rows: list[list[object]] = [["id", "Hvad fungerer godt?"]]
    rows += [[number, answer] for number, answer in enumerate(ANSWERS, start=1)]
    rows += [["I alt", 6]]
    _write_csv(folder / "s.csv", rows)
    result = CliRunner().invoke(app, ["code", str(folder), "--out", str(tmp_path / "ud")])
    assert result.exit_code == 0, result.output
    assert "  [W026] s.csv: 1 række(r) med I alt i id-kolonnen" in result.output


def test_read_surveys_a_first_column_answer_like_n_is_no_sum(tmp_path: Path) -> None:
    # Without an id column the first column is looked at for "I alt"; "N" (nej) there is an answer.
    rows: list[list[object]] = [["Deltog du? (J/N)", "Hvad fungerer godt?"]]
    rows += [["N" if number % 2 else "J", answer] for number, answer in enumerate(ANSWERS, start=1)]
    rows.append(["I alt", ""])
    _write_csv(tmp_path / "s.csv", rows)
    corpus = read(tmp_path)
    assert corpus.segments["text"].tolist() == ANSWERS
    assert "[W026] s.csv: 1 række(r) med I alt" in notes(corpus)


@pytest.mark.parametrize("name", ["Gruppe", "gruppe", "Målgruppe", "Respondentgruppe"])
def test_read_surveys_a_group_column_gives_the_respondent_group(tmp_path: Path, name: str) -> None:
    # A survey's "gruppe" column stayed an attribute: every respondent landed in (ukendt) in the tables
    # and conclusions, while only a column called respondent_group counted.
    groups = ["borger", "borger", "pårørende", "", "borger", "pårørende"]
    _write_csv(tmp_path / "skema.csv", [["id", name, "Hvad betød forløbet?"],
                                        *([str(i), group, answer] for i, (group, answer)
                                          in enumerate(zip(groups, ANSWERS, strict=True)))])
    corpus = read(tmp_path)
    assert corpus.segments["respondent_group"].tolist() == groups
    assert corpus.segments[name].tolist() == groups
    assert f"[W029] skema.csv: kolonnen '{name}'" in notes(corpus)


def test_read_surveys_a_respondent_group_column_is_not_overruled(tmp_path: Path) -> None:
    _write_csv(tmp_path / "skema.csv", [["id", "respondent_group", "Gruppe", "Hvad betød forløbet?"],
                                        ["1", "borger", "A", ANSWERS[0]], ["2", "partner", "B", ANSWERS[1]]])
    corpus = read(tmp_path)
    assert corpus.segments["respondent_group"].tolist() == ["borger", "partner"]
    assert "W029" not in notes(corpus)


# --- small surveys and other tools' headers (a user test's findings) -------------------------------

SENTENCES = ["Lektiecaféen er god, men der er for lidt plads.", "Sekretariatet svarer ikke på mails.",
           "Familievejlederen hjalp os med skolen.", "Rådgiveren forklarede brevet fra kommunen."]


def _write_csv(path: Path, rows: list[list[object]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    return path


def _asked(tmp_path: Path) -> dict[str, int]:
    return read(tmp_path).segments["question"].value_counts().to_dict()


def test_read_surveys_a_column_of_mostly_dashes_is_not_numbers(tmp_path: Path) -> None:
    _write_csv(tmp_path / "a.csv", [["id", "Hvad er godt?", "Har du forslag til beboerrådgivningen?"]]
               + [[i, f"{SENTENCES[i % 4]} ({i})", SENTENCES[(i + 1) % 4] if i in (1, 4, 7) else "-"]
                  for i in range(10)])
    assert _asked(tmp_path) == {"Hvad er godt?": 10, "Har du forslag til beboerrådgivningen?": 3}


def test_read_surveys_one_comment_among_nej_in_a_comment_field(tmp_path: Path) -> None:
    comment = "Sekretariatet skal have længere åbent om torsdagen"
    _write_csv(tmp_path / "b.csv", [["id", "Hvordan bruger du lektiecaféen?", "Øvrige bemærkninger"]]
               + [[i, f"{SENTENCES[i % 4]} ({i})", comment if i == 3 else "Nej"] for i in range(8)])
    segments = read(tmp_path).segments
    assert comment in set(segments.loc[segments["question"] == "Øvrige bemærkninger", "text"])


def test_read_surveys_name_one_word_in_a_small_survey(tmp_path: Path) -> None:
    words = ["Hjælpsomme", "Travle", "Usynlige", "Venlige", "Langsomme"]
    _write_csv(tmp_path / "c.csv", [["id", "Nævn ét ord, der beskriver sekretariatet", "Hvad kan gøres bedre?"]]
               + [[i, words[i], SENTENCES[i % 4]] for i in range(5)])
    assert _asked(tmp_path) == {"Nævn ét ord, der beskriver sekretariatet": 5, "Hvad kan gøres bedre?": 5}


def test_read_surveys_group_column_of_a_small_survey_is_the_group(tmp_path: Path) -> None:
    groups = ["Forælder til barn i lektiecaféen", "Frivillig lektiehjælper", "Forælder til barn i lektiecaféen",
              "Medarbejder i sekretariatet", "Frivillig lektiehjælper"]
    _write_csv(tmp_path / "d.csv", [["id", "Gruppe", "Hvad har lektiecaféen betydet?"]]
               + [[i, group, SENTENCES[i % 4]] for i, group in enumerate(groups)])
    segments = read(tmp_path).segments
    assert segments["question"].tolist() == ["Hvad har lektiecaféen betydet?"] * 5
    assert segments["respondent_group"].tolist() == groups


def test_read_surveys_rating_scale_of_a_small_survey_is_closed(tmp_path: Path) -> None:
    scale = ["I høj grad", "I nogen grad", "I høj grad", "I mindre grad", "Slet ikke", "I høj grad"]
    _write_csv(tmp_path / "e.csv", [["id", "I hvilken grad har familievejledningen hjulpet jer?",
                                     "Hvad har familievejledningen gjort?"]]
               + [[i, grade, SENTENCES[i % 4]] for i, grade in enumerate(scale)])
    segments = read(tmp_path).segments
    assert segments["question"].tolist() == ["Hvad har familievejledningen gjort?"] * 6
    assert segments["I hvilken grad har familievejledningen hjulpet jer?"].tolist() == scale


def test_read_surveys_surveymonkey_second_header_row(tmp_path: Path) -> None:
    with (tmp_path / "sm.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(
            [["Respondent ID", "Collector ID", "Hvilke tilbud kender du?", "", "Hvad betyder lektiecaféen?"],
             ["", "", "Lektiecafé", "Familievejledning", "Open-Ended Response"]]
            + [[str(114000 + i), "4321", "Lektiecafé" if i % 2 else "", "Familievejledning", SENTENCES[i % 3]]
               for i in range(6)])
    corpus = read(tmp_path)
    segments = corpus.segments
    assert segments["speaker"].tolist() == [str(114000 + i) for i in range(6)]
    assert set(segments["question"]) == {"Hvad betyder lektiecaféen?"}
    assert "Hvilke tilbud kender du?: Familievejledning" in segments.columns
    assert "W023" in notes(corpus)


def test_read_surveys_surveyxact_labels_over_variable_names(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Respondent", "Hvilken afdeling bor du i?", "Hvad har familievejledningen betydet for jer?"])
    sheet.append(["respondent", "s_1", "s_2"])
    for i in range(6):
        sheet.append([2001 + i, f"Afdeling {i % 3}", SENTENCES[i % 3]])
    book.save(tmp_path / "sx.xlsx")
    segments = read(tmp_path).segments
    assert segments["speaker"].tolist() == [str(2001 + i) for i in range(6)]
    assert segments["Hvilken afdeling bor du i?"].tolist() == [f"Afdeling {i % 3}" for i in range(6)]


def test_csv_with_a_quote_that_never_closes_is_refused_not_swallowed(tmp_path: Path) -> None:
    # Read leniently, respondents 2 and 3 became part of respondent 1's answer, with no word.
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "svar.csv").write_text('respondent_id;Hvad synes du?\n1;"Lektiecaféen er god\n2;Venteliste er lang\n'
                                     "3;Mangler frivillige\n", encoding="utf-8")
    (folder / "b.txt").write_text("I: Hvordan går det?\nB: Godt.\n", encoding="utf-8")
    with pytest.warns(kv.KvalevalWarning, match="W001"):
        corpus = kv.read_corpus(folder)
    assert set(corpus.segments["doc_id"]) == {"b"}
    reason = dict(zip(corpus.skipped["path"], corpus.skipped["reason"], strict=True))["svar.csv"]
    assert reason.startswith("[E007]") and "linje 2" in reason and "aldrig lukkes" in reason
    quoted = folder / "citat.csv"  # a quote inside an unquoted answer is no such field
    quoted.write_text('id;Hvad synes du?\n1;Han sagde "hej" til mig\n2;Godt\n', encoding="utf-8")
    with pytest.warns(kv.KvalevalWarning, match="W001"):  # svar.csv still
        assert "citat.csv" not in set(kv.read_corpus(folder).skipped["path"])


def test_csv_text_right_of_the_last_header_is_noted(tmp_path: Path) -> None:
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "svar.csv").write_text("respondent_id;Hvad synes du?\n1;Lektiecaféen er god;ekstra;felter\n"
                                     "2;Venteliste er lang\n3;Mangler frivillige;;;\n", encoding="utf-8")
    corpus = kv.read_corpus(folder)
    assert len(corpus.segments) == 3
    [note] = corpus.notes["message"].tolist()
    assert note.startswith("[W037] svar.csv: 1 række(r) har tekst i celler til højre")


def test_a_transcript_exported_as_a_table_is_read_as_a_transcript(tmp_path: Path) -> None:
    # Happy Scribe's and Sonix's table exports were read as surveys: one "respondent" a line,
    # the interviewer's questions coded as answers.
    path = tmp_path / "interview.csv"
    path.write_text("Start;Slut;Taler;Tekst\n00:00:01;00:00:04;Taler 1;Hvordan oplever du trygheden?\n"
                    "00:00:05;00:00:09;Taler 2;Den er blevet bedre.\n00:00:09;00:00:12;Taler 2;Der er lys nu.\n"
                    "00:00:13;00:00:15;Taler 1;Hvad med om aftenen?\n"
                    "00:00:16;00:00:20;Taler 2;Om aftenen går jeg ikke alene.\n", encoding="utf-8")
    corpus = kv.read_corpus(path)
    segments = corpus.segments
    assert segments["speaker_role"].tolist() == ["interviewer", "respondent", "interviewer", "respondent"]
    assert segments["text"].tolist()[1] == "Den er blevet bedre. Der er lys nu."
    assert segments["time"].tolist() == ["00:00:01", "00:00:05", "00:00:13", "00:00:16"]  # a turn's first row
    assert corpus.notes["message"].str.contains(r"\[W039\] interview.csv: læst som en transskription").any()
    write_xlsx(tmp_path / "sonix.xlsx", [["Timecode", "Speaker", "Text"], ["00:00", "Anne", "Hvad bruger du?"],
                                         ["00:03", "Omar", "Lektiecaféen."], ["00:05", "Anne", "Hvorfor?"],
                                         ["00:07", "Omar", "Min datter er glad for den."]])
    table = kv.read_corpus(tmp_path / "sonix.xlsx").segments
    assert table["speaker"].tolist() == ["Anne", "Omar", "Anne", "Omar"]


def test_a_form_of_names_and_comments_stays_a_survey(tmp_path: Path) -> None:
    path = tmp_path / "kommentarer.csv"
    path.write_text("Navn;Tekst\nAnne;Godt initiativ, fortsæt.\nOmar;For lidt plads i lektiecaféen.\n"
                    "Grethe;Jeg kender den ikke.\n", encoding="utf-8")
    segments = kv.read_corpus(path).segments
    assert (segments["speaker_role"] == "respondent").all() and len(segments) == 3


def test_a_second_header_row_that_repeats_the_names_is_no_respondent(tmp_path: Path) -> None:
    # Enalyzer: the background variables' names again under themselves and the question texts under
    # Q1, Q2; the row was a respondent whose answers were the questions (N one too high, a group
    # called "Afdeling").
    path = tmp_path / "enalyzer.csv"
    path.write_text("RespondentID;Status;Afdeling;Alder;Q1;Q2\n"
                    "RespondentID;Status;Afdeling;Alder;Hvad fungerer godt?;Hvad skal vi gøre anderledes?\n"
                    "1;Gennemført;Nord;34;Der er god kontakt med sagsbehandleren.;Hurtigere svar på mails.\n"
                    "2;Gennemført;Syd;51;Hjælpen er fin, og de lytter.;Mindre ventetid på møder.\n", encoding="utf-8")
    corpus = kv.read_corpus(path)
    assert sorted(corpus.segments["speaker"].unique()) == ["1", "2"]
    assert set(corpus.segments["question"]) == {"Hvad fungerer godt?", "Hvad skal vi gøre anderledes?"}
    assert corpus.notes["message"].str.contains("W023").any()


def test_a_numbered_rating_scale_is_closed_in_a_small_survey(tmp_path: Path) -> None:
    # "5 - Meget tilfreds" ... "1 - Meget utilfreds" in six rows were read as open answers and coded.
    scale = ["5 - Meget tilfreds", "4 - Tilfreds", "3 - Hverken tilfreds eller utilfreds", "2 - Utilfreds",
             "1 - Meget utilfreds", "4 - Tilfreds"]
    path = tmp_path / "lille.csv"
    path.write_text("id;Samarbejde;Hvad kunne være bedre?\n" + "".join(
        f"{n + 1};{answer};Der mangler lys på stien ved skolen, svar {n}.\n" for n, answer in enumerate(scale)),
        encoding="utf-8")
    assert set(kv.read_corpus(path).segments["question"]) == {"Hvad kunne være bedre?"}


def test_a_campaign_text_many_pasted_is_still_an_open_answer_and_the_choice_is_said(tmp_path: Path) -> None:
    # 55 of 100 høringssvar were one 19-word campaign text: the column fell silently into the attributes
    # and 13 people who only wrote a høringssvar fell out of N.
    campaign = "Vi ønsker ikke flere boliger på grønningen, fordi området skal forblive grønt for børn og ældre."
    path = tmp_path / "hoering.csv"
    lines = ["id;Afdeling;Dit høringssvar;Hvad kunne være bedre i bydelen?"]
    for n in range(40):
        own = campaign if n % 2 else f"Jeg synes, planen for område {n} bør tage mere hensyn til trafikken ved skolen."
        lines.append(f"{n + 1};{'Nord' if n % 3 else 'Syd'};{own};Mere lys på stien og flere bænke, svar {n}.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = kv.read_corpus(path)
    assert set(corpus.segments["question"]) == {"Dit høringssvar", "Hvad kunne være bedre i bydelen?"}
    said = [m for m in corpus.notes["message"] if "W040" in m]
    assert said == ["[W040] hoering.csv: åbne svar fra 2 kolonne(r): 'Dit høringssvar', 'Hvad kunne være bedre i "
                    "bydelen?'; de andre (Afdeling) er baggrundsoplysninger (egenskaber). Er det forkert, så angiv "
                    "de åbne kolonner med --text-column."]


def test_a_hidden_excel_column_is_not_read_and_said(tmp_path: Path) -> None:
    # A caseworker's internal note in a hidden column was read as citizens' answers, coded and counted.
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["id", "Afdeling", "Hvad kunne gøres bedre?", "Sagsbehandlers interne note"])
    for n in range(6):
        sheet.append([n + 1, "Nord" if n % 2 else "Syd", f"Mere lys på stien og flere bænke, svar {n}.",
                      f"Borgeren er vanskelig og ringer ofte, sag {n}."])
    sheet.column_dimensions["D"].hidden = True
    sheet.column_dimensions.group("F", "Z", hidden=True)  # unused columns hidden to the right: not said
    workbook.save(tmp_path / "skjult.xlsx")
    corpus = kv.read_corpus(tmp_path / "skjult.xlsx")
    assert set(corpus.segments["question"]) == {"Hvad kunne gøres bedre?"}
    assert "Sagsbehandlers interne note" not in corpus.segments.columns
    said = [m for m in corpus.notes["message"] if "W041" in m]
    assert len(said) == 1 and "1 skjult(e) kolonne(r) (D)" in said[0]


def test_hidden_excel_rows_are_read_and_said(tmp_path: Path) -> None:
    # A row filtered out in Excel is still an answer: it was read, and nothing told the user it was there.
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["id", "Hvad kunne gøres bedre?"])
    for n in range(14):
        sheet.append([n + 1, f"Flere bænke ved søen, svar {n}."])
    for row in (3, 5, *range(7, 16)):  # rows 3, 5 and 7-15: more than ten listed
        sheet.row_dimensions[row].hidden = True
    sheet.row_dimensions[40].hidden = True  # below the answers: no answer there, not said
    workbook.save(tmp_path / "filtreret.xlsx")
    corpus = kv.read_corpus(tmp_path / "filtreret.xlsx")
    assert len(corpus.segments) == 14  # every answer, the hidden ones too
    said = [m for m in corpus.notes["message"] if "W050" in m]
    assert len(said) == 1 and "11 skjult(e) række(r) (3, 5, 7, 8, 9, 10, 11, 12, 13, 14, …)" in said[0]
    visible = tmp_path / "synlig"
    visible.mkdir()
    sheet.row_dimensions[3].hidden = sheet.row_dimensions[5].hidden = sheet.row_dimensions[40].hidden = False
    for row in range(7, 16):
        sheet.row_dimensions[row].hidden = False
    workbook.save(visible / "alle.xlsx")
    assert not any("W050" in m for m in kv.read_corpus(visible).notes["message"])
