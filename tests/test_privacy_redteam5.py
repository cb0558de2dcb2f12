"""Leaks and false positives a fifth red team found in a 2,000-answer survey (.xlsx, .csv) and partner
interviews: a name that is also a word ("Sol", "Storm", "Glad", "Max"), found as a name in one answer,
was a name in every other respondent's answer too ("Sol og regn", "Glad og tilfreds", "plads til max 15").

Each case is a rule, not a string; the ordinary words beside them stay.
"""

from __future__ import annotations

import csv
from pathlib import Path

import kvaleval as kv
from conftest import SURVEY_QUESTION as QUESTION
from conftest import pseudonymised_survey
from kvaleval.analyse.privacy import corpus_pseudonymiser


def test_privacy_red_team5_a_word_found_as_a_name_in_one_answer_stays_a_word_in_the_others(
        tmp_path: Path) -> None:
    names = ["Tak til Sol fra klubben, hun er fantastisk.", "Jesper Glad fra boligselskabet lytter til os.",
             "Max og hans kollega har lavet en god turnering.", "Tusind tak til Lærke og Storm for en god sommer"]
    words = ["Sol og regn skiftede, men festen blev holdt.", "Glad og tilfreds.",
             "Plads til max 15 personer i lokalet.", "Storm og regn gør at vi ikke kan være ude."]
    shown = pseudonymised_survey(tmp_path, [*names, *words])
    assert shown[names[0]] == "Tak til [navn] fra klubben, hun er fantastisk."
    assert shown[names[1]] == "[navn] fra boligselskabet lytter til os."
    assert shown[names[2]] == "[navn] og hans kollega har lavet en god turnering."
    assert shown[names[3]] == "Tusind tak til [navn] og [navn] for en god sommer"
    for text in words:
        assert shown[text] == text


def test_privacy_red_team5_a_word_found_as_a_name_is_a_name_in_its_own_interview(tmp_path: Path) -> None:
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "partner01.txt").write_text(
        "I: Hvem er jeres kontakt?\nLeder: Det er Jesper Glad fra boligselskabet.\n"
        "I: Og ham er I glade for?\nLeder: Glad har betydet meget for os.\n", encoding="utf-8")
    (folder / "partner02.txt").write_text(
        "I: Hvordan går det?\nLeder: Glad har jeg ikke været, men nu går det bedre.\n", encoding="utf-8")
    with (folder / "survey.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["løbenr", QUESTION])
        writer.writerow([1, "Glad har betydet meget for mig, for han lytter."])
    segments = kv.read_corpus(folder)
    segments = segments.segments if hasattr(segments, "segments") else segments
    apply = corpus_pseudonymiser(segments)
    shown = {sid: apply(text, sid) for sid, text in zip(segments["segment_id"], segments["text"], strict=True)}
    assert "[navn] har betydet meget for os." in shown.values()  # the same interview: the same person
    assert "Glad har jeg ikke været, men nu går det bedre." in shown.values()
    assert "Glad har betydet meget for mig, for han lytter." in shown.values()  # another document


def test_privacy_red_team5_a_password_or_pin_said_aloud_goes(tmp_path: Path) -> None:
    answers = ["Koden til min e-boks er 4711 hvis I skal hjælpe mig.", "adgangskoden er sommer2024 til wifi",
               "pinkode 8642, jeg glemmer den altid", "koden er hest123.", "password: Fatima1990!"]
    kept = ["Koden til vaskeriet virker ikke altid.", "kodeordet er 12 tegn langt", "koden er svær at huske",
            "Tema med koden K12 og koden 1.1 i kodebogen.", "Koden for 2024 var ny."]
    shown = pseudonymised_survey(tmp_path, [*answers, *kept])
    assert shown[answers[0]] == "Koden til min e-boks er [kode] hvis I skal hjælpe mig."
    assert shown[answers[1]] == "adgangskoden er [kode] til wifi"
    assert shown[answers[2]] == "pinkode [kode], jeg glemmer den altid"
    assert shown[answers[3]] == "koden er [kode]."
    assert shown[answers[4]] == "password: [kode]!"
    for text in kept:
        assert shown[text] == text


def test_privacy_red_team5_a_word_or_surname_before_er_and_an_adjective_is_a_thing(tmp_path: Path) -> None:
    # "Job er god" read as a name: the rule knew the neuter "Mad er vigtigt", not the common gender
    things = ["Job er god for selvtilliden.", "Storm er farlig.", "Job er vigtigt for mig."]
    persons = ["Kim er god til at lytte.", "Rose er sød.", "Storm er pedel på skolen.", "Bo er vigtig for mig."]
    shown = pseudonymised_survey(tmp_path, [*things, *persons])
    for text in things:
        assert shown[text] == text
    for text in persons:
        assert shown[text].startswith("[navn] er ")


def test_privacy_red_team5_a_word_with_a_capital_after_a_relative_is_their_name(tmp_path: Path) -> None:
    # "Min veninde Glad" was found only because "Glad" was a name in another respondent's answer
    answers = ["Min veninde Glad (hun hedder det) kommer også.", "Vores træner Storm er god."]
    kept = ["Jeg så min Moster i går.", "Glad for at der er noget for de unge."]
    shown = pseudonymised_survey(tmp_path, [*answers, *kept])
    assert shown[answers[0]] == "Min veninde [navn] (hun hedder det) kommer også."
    assert shown[answers[1]] == "Vores træner [navn] er god."
    for text in kept:
        assert shown[text] == text


def test_privacy_red_team5_a_class_a_workplace_and_a_post_that_point_at_a_person_go(tmp_path: Path) -> None:
    answers = ["Min søn går i 7.b på Rosenhøj Skole og har fået bedre karakterer.",
               "Han går i 3.x og har fået nye venner i klubben.",
               "Hun arbejder i Netto på Vestergade og kender alle i området.",
               "Han er pedel på Rosenhøj Skole og alle kender ham.",
               "jeg snakkede med przemek fra vaskeriet og han hjalp"]
    kept = ["Min søn går i 3. klasse og er glad for lektiecaféen.", "Se punkt 7.b i planen.",
            "Min datter går på Rosenhøj Skole og er glad.", "Jeg arbejder i Netto, så jeg kan kun om aftenen.",
            "Han er pedel og meget hjælpsom.", "Vi holder møde med zoom fra kommunen.",
            "Hun arbejder i Fakta i Vollsmose."]
    shown = pseudonymised_survey(tmp_path, [*answers, *kept])
    assert shown[answers[0]] == "Min søn går i [klasse] på Rosenhøj Skole og har fået bedre karakterer."
    assert shown[answers[1]] == "Han går i [klasse] og har fået nye venner i klubben."
    assert shown[answers[2]] == "Hun arbejder i [arbejdsplads] og kender alle i området."
    assert shown[answers[3]] == "Han er pedel på [arbejdsplads] og alle kender ham."
    assert shown[answers[4]] == "jeg snakkede med [navn] fra vaskeriet og han hjalp"
    for text in kept:
        assert shown[text] == text


def test_privacy_red_team5_max_before_a_number_starts_a_sentence_as_the_word(tmp_path: Path) -> None:
    kept = "Max 20 børn på holdet er for lidt, der er venteliste."
    shown = pseudonymised_survey(tmp_path, [kept, "Max sagde, at der er venteliste."])
    assert shown[kept] == kept
    assert shown["Max sagde, at der er venteliste."] == "[navn] sagde, at der er venteliste."
