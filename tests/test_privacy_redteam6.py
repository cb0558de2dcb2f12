"""Leaks and false positives a sixth red team found in partner interviews, focus groups and a survey: a rare
diagnosis told with a child's age ("en dreng på 9 med cystisk fibrose"), a nickname given with "kalder"
("ham kalder de Bulldozer", "Gosia, som vi kalder hende"), and names that are also words read as names in
their word sense ("Lærke er en fugl", "Rose er smukke", "Lærke og solsort synger", "Bo har vi gjort").

Each case is a rule, not a string; the ordinary words beside them stay.
"""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl

import kvaleval as kv
from conftest import SURVEY_QUESTION as QUESTION
from conftest import pseudonymised_survey, pseudonymised_texts


def test_privacy_red_team6_a_rare_diagnosis_with_an_age_goes_a_common_one_or_no_age_stays(tmp_path: Path) -> None:
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "fokusgruppe.txt").write_text(
        "I: Hvad savner I?\n"
        "Deltager A: Min dreng på 9 med cystisk fibrose får ikke den hjælp, han skal have.\n"
        "Deltager B: Min datter på 10 har ADHD og autisme, men hun er glad for klubben.\n", encoding="utf-8")
    document = docx.Document()
    document.add_paragraph("I: Kan du fortælle om familien?")
    document.add_paragraph("Sagsbehandler: Den ældste er 17 og har en sjælden muskelsygdom, så han bruger kørestol.")
    document.add_paragraph("Sagsbehandler: Foreningen for cystisk fibrose holdt oplæg for 30 forældre.")
    document.add_paragraph("Sagsbehandler: Hun har haft Downs syndrom hele livet, og det går godt.")
    document.save(folder / "partner.docx")
    shown = pseudonymised_texts(folder)
    assert shown["Min dreng på 9 med cystisk fibrose får ikke den hjælp, han skal have."] == (
        "Min dreng på 9 med [diagnose] får ikke den hjælp, han skal have.")
    assert shown["Den ældste er 17 og har en sjælden muskelsygdom, så han bruger kørestol."] == (
        "Den ældste er 17 og har en [diagnose], så han bruger kørestol.")
    for kept in ["Min datter på 10 har ADHD og autisme, men hun er glad for klubben.",  # common diagnoses
                 "Foreningen for cystisk fibrose holdt oplæg for 30 forældre.",  # a number, no age
                 "Hun har haft Downs syndrom hele livet, og det går godt."]:  # no age
        assert shown[kept] == kept


def test_privacy_red_team6_a_rare_diagnosis_needs_an_age_not_a_time() -> None:
    assert kv.pseudonymise("Han er 11 år gammel og har Retts syndrom.") == "Han er 11 år gammel og har [diagnose]."
    assert kv.pseudonymise("En 9-årig pige med spina bifida bor i opgangen.") == (
        "En 9-årig pige med [diagnose] bor i opgangen.")
    kept = "Han har haft cystisk fibrose i 2 år."
    assert kv.pseudonymise(kept) == kept
    kept = "Det er en sjælden gang, at vi er 5 i lokalet."
    assert kv.pseudonymise(kept) == kept


def test_privacy_red_team6_a_nickname_given_with_kalder_goes(tmp_path: Path) -> None:
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "partner_politi.txt").write_text(
        "I: Hvem tænker du på?\n"
        "Betjent: Ham den store fra nummer tolv, ham kalder de Bulldozer.\n"
        "Betjent: De kalder ham Bulldozer, fordi han er så stor.\n"
        "Betjent: Gosia, som vi kalder hende, er meget grundig.\n"
        "Betjent: Vi kalder det Storkøbenhavn, og de kalder ham doven.\n", encoding="utf-8")
    shown = pseudonymised_texts(folder)
    assert shown["Ham den store fra nummer tolv, ham kalder de Bulldozer."] == (
        "Ham den store fra nummer tolv, ham kalder de [navn].")
    assert shown["De kalder ham Bulldozer, fordi han er så stor."] == "De kalder ham [navn], fordi han er så stor."
    assert shown["Gosia, som vi kalder hende, er meget grundig."] == "[navn], som vi kalder hende, er meget grundig."
    kept = "Vi kalder det Storkøbenhavn, og de kalder ham doven."
    assert shown[kept] == kept


def test_privacy_red_team6_a_name_that_is_a_word_in_its_word_sense_stays_learned_or_not(tmp_path: Path) -> None:
    # "Lærke" and "Rose" are found as names in this survey; a bird, flowers and a verb stay words
    names = ["Lærke er en god pædagog.", "Rose fra bydelsmødrene er en engel.", "Lærke og mor kom forbi.",
             "Rose er sød.", "Lærke og pædagogen var på tur.", "Bo har været syg længe.",
             "Tak til Sol og Storm for sommeren.", "Jeg snakker med hende om Noah og om min eks."]
    words = ["Lærke er en fugl, siger min datter, når vi går tur.", "Rose er smukke, vi plantede dem i gården.",
             "Lærke og solsort synger om morgenen, det er dejligt at bo her.", "Bo har vi gjort her i 20 år.",
             "Nej Sol og regn skiftede, men festen blev holdt.", "Hvor meget kender du til Job og sundhed?"]
    shown = pseudonymised_survey(tmp_path, [*names, *words])
    assert shown[names[0]] == "[navn] er en god pædagog."
    assert shown[names[1]] == "[navn] fra bydelsmødrene er en engel."
    assert shown[names[2]] == "[navn] og mor kom forbi."
    assert shown[names[3]] == "[navn] er sød."
    assert shown[names[4]] == "[navn] og pædagogen var på tur."
    assert shown[names[5]] == "[navn] har været syg længe."
    assert shown[names[6]] == "Tak til [navn] og [navn] for sommeren."
    assert shown[names[7]] == "Jeg snakker med hende om [navn] og om min eks."  # "og om": no noun
    for text in words:
        assert shown[text] == text


def test_privacy_red_team6_a_name_said_first_with_a_verb_of_saying_and_no_at_stays_a_name() -> None:
    # the inverted word order ("Bo har vi gjort") is read after an auxiliary only
    assert kv.pseudonymise("Per sagde vi skulle komme.") == "[navn] sagde vi skulle komme."


def test_privacy_red_team6_a_disease_named_after_its_physician_stays(tmp_path: Path) -> None:
    kept = ["De fleste har Alzheimer, nogle har vaskulær demens.", "Min mor har Parkinsons sygdom.",
            "Vores datter har Downs syndrom og går i børnehave.", "Han har Tourettes syndrom og tics."]
    shown = pseudonymised_survey(tmp_path, [*kept, "Hannes sygdom har været hård for hele familien."])
    for text in kept:
        assert shown[text] == text
    assert shown["Hannes sygdom har været hård for hele familien."] == (
        "[navn] sygdom har været hård for hele familien.")  # a patient's name before "sygdom" goes


def test_privacy_red_team6_a_house_number_a_person_is_from_or_lives_in_goes(tmp_path: Path) -> None:
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "partner_politi.txt").write_text(
        "I: Hvem tænker du på?\n"
        "Betjent: Ham den store fra nr. 12 larmer hele tiden, og hende fra nummer 7 klager.\n"
        "Betjent: Min mor og mine søstre bor ovre i nummer 22.\n"
        "Betjent: Jeg var nr. 2 til løbet, og det står på side 4 i nr. 3 af bladet.\n", encoding="utf-8")
    shown = pseudonymised_texts(folder)
    assert shown["Ham den store fra nr. 12 larmer hele tiden, og hende fra nummer 7 klager."] == (
        "Ham den store fra [adresse] larmer hele tiden, og hende fra [adresse] klager.")
    assert shown["Min mor og mine søstre bor ovre i nummer 22."] == "Min mor og mine søstre bor ovre i [adresse]."
    kept = "Jeg var nr. 2 til løbet, og det står på side 4 i nr. 3 af bladet."
    assert shown[kept] == kept


def test_privacy_red_team6_an_unlisted_name_first_in_a_sentence_before_a_relative_goes(tmp_path: Path) -> None:
    answers = ["Sivas kone er sød og hjælper alle.", "Wojtek og Fatima kommer hver uge."]
    kept = ["Tingbjergs børn er søde.", "Netflix og Mette er det eneste, hun gider."]
    shown = pseudonymised_survey(tmp_path, [*answers, *kept])
    assert shown[answers[0]] == "[navn]s kone er sød og hjælper alle."
    assert shown[answers[1]] == "[navn] og [navn] kommer hver uge."
    assert shown[kept[0]] == kept[0]
    assert shown[kept[1]] == "Netflix og [navn] er det eneste, hun gider."


def test_privacy_red_team6_a_name_on_the_next_line_of_a_wrapped_sentence_goes(tmp_path: Path) -> None:
    folder = tmp_path / "korpus"
    folder.mkdir()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["løbenr", QUESTION])
    wrapped = ["Min kontaktperson hedder\nJannik, og han er god.", "Vi kalder ham\nBulldozer, fordi han er stor."]
    kept = "Vi var ude med\nStorm og regn hele dagen, men det var godt."
    for number, answer in enumerate([*wrapped, kept], 1):
        sheet.append([number, answer])
    book.save(folder / "survey.xlsx")
    shown = pseudonymised_texts(folder)
    assert shown[wrapped[0]] == "Min kontaktperson hedder\n[navn], og han er god."
    assert shown[wrapped[1]] == "Vi kalder ham\n[navn], fordi han er stor."
    assert shown[kept] == kept


def test_privacy_red_team6_an_unlisted_name_first_in_a_sentence_with_his_or_her_goes() -> None:
    assert kv.pseudonymise("Ruslan og hans bror spiller fodbold.") == "[navn] og hans bror spiller fodbold."
    assert kv.pseudonymise("Ruslan med sin kone kom forbi.") == "[navn] med sin kone kom forbi."
    kept = "Sagsbehandler og hans chef kom forbi."
    assert kv.pseudonymise(kept) == kept
