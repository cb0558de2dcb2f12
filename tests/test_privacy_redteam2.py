"""Leaks and lost words a second red-team found: survey answers typed like text messages, focus groups,
partner interviews naming professionals, streets named after people, and identifiers typed loosely.

Each case is a rule, not a name: a lower-case first name after a signature's greeting, a relative or a
role, or alone at a line's end; an unknown word joined to a known name; a name's particles; a person's
name before a street or building word is the street's; bank accounts, blocks and stairways, typed
birth dates. Names added to the lists (Greenlandic, Faroese) are tested as lists.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import docx
import openpyxl
import pytest

import kvaleval as kv
from conftest import appendix_text
from kvaleval.errors import KvalevalWarning
from kvaleval.privacy import Pseudonymiser, pseudonymise


@pytest.mark.parametrize(("text", "expected"), [
    # a signature's greeting, with or without its full stop
    ("der er venteliste. hilsen gitte 2 sal tv", "der er venteliste. hilsen [navn] 2 sal tv"),
    # the initial goes with the name (red-team 3)
    ("de kender ikke helhedsplanen. mvh. yasmin h.", "de kender ikke helhedsplanen. mvh. [navn]"),
    ("vi savner mere tid. kh ole 😀", "vi savner mere tid. kh [navn] 😀"),
    # alone at the end of its line, after a sentence's end or a comma
    ("tak til jer de er søde. khadra", "tak til jer de er søde. [navn]"),
    ("tak for i dag, khadra 😊\nnæste linje", "tak for i dag, [navn] 😊\nnæste linje"),
    # a relative or a role that was not on the list
    ("min dreng mohammed i 3.b", "min dreng [navn] i 3.b"),
    ("min lillebror yousef på 8 år", "min lillebror [navn] på 8 år"),
    # a verb after "fra blok 3"
    ("mohamed fra blok 3 siger de mangler folk", "[navn] fra blok 3 siger de mangler folk"),
    # introduced, or joined to another name
    ("hej det er khadra, ring tilbage", "hej det er [navn], ring tilbage"),
    ("yasmin og khadra fra 2 sal kommer også", "[navn] og [navn] fra 2 sal kommer også"),
])
def test_privacy_lower_case_first_name_typed_like_a_text_message(text: str, expected: str) -> None:
    assert pseudonymise(text) == expected


@pytest.mark.parametrize("text", [
    "tak for hjælpen, mvh",
    "hilsen fra os alle",
    "ok tak",
    "der er plads til max 20 personer",          # "max", a first name, is a word in lower case
    "det gik fint til. det er godt og sjovt",
])
def test_privacy_lower_case_text_message_words_stay(text: str) -> None:
    assert pseudonymise(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("min nabo svend hjælper med fodbold", "min nabo [navn] hjælper med fodbold"),
    ("så fik min mand job herovre", "så fik min mand job herovre"),       # no verb after it
    ("min nabo svend", "min nabo svend"),                                 # still ambiguous: a journeyman
])
def test_privacy_lower_case_name_that_is_a_word_after_a_relative_before_a_verb(text: str, expected: str) -> None:
    assert pseudonymise(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Bos mor ringede i går.", "[navn]s mor ringede i går."),   # "Bos" is a surname and a word too
    ("Hans mor ringede i går.", "Hans mor ringede i går."),     # the pronoun
    ("Dens mor er væk.", "Dens mor er væk."),
])
def test_privacy_genitive_of_a_first_name_that_is_also_a_surname_before_a_relative(text: str, expected: str) -> None:
    assert pseudonymise(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Fatu og Abdi kom også.", "[navn] og [navn] kom også."),
    ("Xhemal, Fatima og jeg var der.", "[navn], [navn] og jeg var der."),
    ("Fællesspisning og Fatima.", "Fællesspisning og [navn]."),       # a Danish compound stays
    ("Xhemal og Tietgenberg.", "Xhemal og [navn]."),                  # two guesses make no name
])
def test_privacy_unknown_word_at_sentence_start_joined_to_a_known_name(text: str, expected: str) -> None:
    assert pseudonymise(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Pieter van der Berg er frivillig.", "[navn] er frivillig."),
    ("Vores nabo Pieter van der Berg kom.", "Vores nabo [navn] kom."),
    ("Abdullahi bin Omar kom.", "[navn] kom."),
    ("Vi talte med Hanne de andre dage.", "Vi talte med [navn] de andre dage."),
])
def test_privacy_name_particles_join_a_full_name(text: str, expected: str) -> None:
    assert pseudonymise(text) == expected


@pytest.mark.parametrize("text", [
    "Vi holder møder på H.C. Andersens Boulevard og i Niels Bohrs Allé.",
    "Nogle af de frivillige mødes i Bruuns Galleri.",
    "Mødet var i Dalgas Have og på Knud Rasmussens Vej.",
])
def test_privacy_person_name_before_a_street_or_building_word_is_a_place(text: str) -> None:
    assert pseudonymise(text) == text


def test_privacy_street_named_after_a_person_with_a_number_is_an_address() -> None:
    assert pseudonymise("Klubben ligger på Ole Rømers Vej 5.") == "Klubben ligger på [adresse]."


@pytest.mark.parametrize(("text", "expected"), [
    ("Min konto er reg. 1234 konto 1234567890.", "Min konto er reg. [kontonummer] konto [kontonummer]."),
    ("Reg.nr. 9876 kontonr. 0001234567", "Reg.nr. [kontonummer] kontonr. [kontonummer]"),
    ("min konto 1234-1234567890", "min konto [kontonummer]"),
    ("IBAN DK50 0040 0440 1162 43.", "IBAN [kontonummer]."),
    ("IBAN: DK5000400440116243", "IBAN: [kontonummer]"),
    ("Kontoen er tom, og vi har 20 konti.", "Kontoen er tom, og vi har 20 konti."),
    ("Vi bruger MobilePay og MitID.", "Vi bruger MobilePay og MitID."),
])
def test_privacy_bank_account_numbers(text: str, expected: str) -> None:
    assert pseudonymise(text) == expected


@pytest.mark.parametrize("header", ["Kontonummer", "IBAN", "Reg.nr."])
def test_privacy_bank_account_column_is_hidden_whole(header: str) -> None:
    from kvaleval.privacy.columns import personal_column

    assert personal_column(header) == "[kontonummer]"


def test_privacy_case_number_after_its_word_is_no_phone_number() -> None:
    p = Pseudonymiser()
    assert p.apply("j.nr. 2023-1234 er min sag.") == "j.nr. [sagsnummer] er min sag."
    assert list(p.report["kind"]) == ["sagsnummer"]
    q = Pseudonymiser()
    assert q.apply("Kontonr. 22334455") == "Kontonr. [kontonummer]"
    assert list(q.report["kind"]) == ["kontonummer"]


@pytest.mark.parametrize(("text", "expected"), [
    ("hun er født 1.maj -87", "hun er født [fødselsdato]"),
    ("jeg er født 1/5 1990", "jeg er født [fødselsdato]"),
    ("født den 1. maj 87 i Aleppo", "født den [fødselsdato] i Aleppo"),
    ("født 3. maj '87", "født [fødselsdato]"),
    ("født i 1987 i Aleppo", "født i 1987 i Aleppo"),
    # a birthday without its year is one too, as "født 3. maj" always was (red-team 3); "døde 3/5" stays
    ("Han blev født 1/5 og døde 3/5.", "Han blev født [fødselsdato] og døde 3/5."),
])
def test_privacy_typed_dates_of_birth(text: str, expected: str) -> None:
    assert pseudonymise(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("bor i blok 4 opg 12 og der er larm", "bor i [adresse] og der er larm"),
    ("Vi bor i Blok 3, opgang 12, 2. sal th.", "Vi bor i [adresse]."),
    ("opgang 3, 2. sal", "[adresse]"),
    ("vi mødes i blok 3 hver tirsdag", "vi mødes i blok 3 hver tirsdag"),
    ("der er 3 opgange i blok 4", "der er 3 opgange i blok 4"),
])
def test_privacy_block_and_stairway_are_an_address(text: str, expected: str) -> None:
    assert pseudonymise(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("min søn aqqaluk går i klubben", "min søn [navn] går i klubben"),       # Greenlandic, lower case
    ("Ivalu i går, ja.", "[navn] i går, ja."),                               # on the list: no verb needed
    ("Sunneva i går, ja.", "[navn] i går, ja."),                              # Faroese
    ("Rojîn i går, ja.", "[navn] i går, ja."),                               # listed as Rojin
    ("tak for hjælpen. mvh. hibo", "tak for hjælpen. mvh. [navn]"),         # Somali
])
def test_privacy_names_from_the_lists_greenlandic_faroese_and_accented(text: str, expected: str) -> None:
    assert pseudonymise(text) == expected


def test_privacy_given_first_name_in_lower_case_when_the_lists_call_it_no_word() -> None:
    """"jens" is in the lemma table, but the name lists (Hunspell's verdict) hold it for no word."""
    p = Pseudonymiser(["Jens Peter Holm"])
    assert p.apply("jens peter her, jeg er frivillig") == "[navn] her, jeg er frivillig"
    q = Pseudonymiser(["Per Holm", "Bo Ask"])
    assert q.apply("per måned og bo i byen") == "per måned og bo i byen"


def test_privacy_red_team2_corpus_leaks_nothing_into_the_appendix(
        tmp_path: Path, small_codebook: kv.Codebook) -> None:
    """Text-message answers, a Word file with names in a table, and a survey with name and e-mail
    columns, written by the real libraries and read back through the whole appendix."""
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "sms.txt").write_text(
        "I: Hvad kunne gøres bedre?\n"
        "B1: der er for lidt tid!! ring til mig på 2233 4455. hilsen gitte 2 sal tv\n"
        "B2: bor i blok 4 opg 12, vi mangler folk 👍 mvh. yasmin h.\n"
        "B3: min nabo svend hjælper, han er frivillig. tak til jer. khadra\n",
        encoding="utf-8")
    document = docx.Document()
    document.add_paragraph("I: Hvem hjælper?")
    document.add_paragraph("B: Vi mødes i Bruuns Galleri. Pieter van der Berg og Fatu og Abdi hjælper. "
                           "Min konto er reg. 1234 konto 1234567890.")
    table = document.add_table(rows=2, cols=2)
    for column, (head, value) in enumerate((("Navn", "Sunneva Djurhuus"), ("Telefon", "31 41 59 27"))):
        table.cell(0, column).text = head
        table.cell(1, column).text = value
    document.save(folder / "partner.docx")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["løbenr", "Navn", "E-mail", "Hvad kunne gøres bedre?"])
    sheet.append([1, "Jens Peter Holm", "jp.holm@eksempel.dk", "jens peter her, vi mangler folk i klubben"])
    sheet.append([2, "Nuka Lyberth", "nuka@eksempel.dk", "min søn aqqaluk siger der mangler folk"])
    sheet.append([3, "Ayan Warsame", "ayan@eksempel.dk", "for lidt tid, født 1.maj -87 hihi"])
    book.save(folder / "survey.xlsx")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KvalevalWarning)
        coded = kv.code(kv.read_corpus(folder), small_codebook)
        kv.write_appendix(coded, tmp_path / "ud", charts_enabled=False)
    text = appendix_text(tmp_path / "ud")
    for leak in ("gitte", "blok 4 opg 12", "yasmin", "svend", "khadra", "Pieter", "Fatu ", "1234567890",
                 "Sunneva", "Djurhuus", "jens", "Jens", "aqqaluk", "Nuka", "1.maj -87", "jp.holm"):
        assert leak not in text, leak
    assert "Bruuns Galleri" in text


@pytest.mark.parametrize(("text", "expected"), [
    ("det er mig igen, amina fra nr 14. kan i ringe", "det er mig igen, [navn] fra [adresse]. kan i ringe"),
    ("hende der ayan fra blok 2", "hende der [navn] fra blok 2"),
    ("min mor (fatima) er syg", "min mor ([navn]) er syg"),
    ("vi er 3 familier: os, familien hansen og familien ali",
     "vi er 3 familier: os, familien [navn] og familien [navn]"),
    ("spørg fru jensen eller hr. hansen", "spørg fru [navn] eller hr. [navn]"),
    ("det kommer fra kommunen", "det kommer fra kommunen"),
    ("en god familie hansen ved ikke", "en god familie hansen ved ikke"),   # "familie", not "familien"
])
def test_privacy_lower_case_name_from_somewhere_in_brackets_or_after_a_title(text: str, expected: str) -> None:
    assert pseudonymise(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Lise fra sekretariatet.", "[navn] fra sekretariatet."),
    ("Kaj fra Boligselskabet.", "[navn] fra Boligselskabet."),
    ("Per fra 1. januar stiger huslejen.", "Per fra 1. januar stiger huslejen."),
    ("Sol fra morgenstunden.", "Sol fra morgenstunden."),                 # no first name
])
def test_privacy_ambiguous_first_name_at_sentence_start_from_a_place(text: str, expected: str) -> None:
    assert pseudonymise(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Vi var på H.C. Andersen Hotel.", "Vi var på H.C. Andersen Hotel."),
    ("Vi mødte Lise Hus i går.", "Vi mødte [navn] i går."),           # a surname, no building
    ("Nummerpladen er ab 12 345", "Nummerpladen er [nummerplade]"),
])
def test_privacy_building_after_a_full_name_and_a_plate_after_its_word(text: str, expected: str) -> None:
    assert pseudonymise(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("jeg snakkede med małgorzata i går", "jeg snakkede med [navn] i går"),    # listed as Malgorzata
    ("min søn rojîn går i klubben", "min søn [navn] går i klubben"),
    ("vi spiste med fætre og kusiner på café", "vi spiste med fætre og kusiner på café"),
])
def test_privacy_lower_case_name_with_accents_the_lists_lack(text: str, expected: str) -> None:
    assert pseudonymise(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Sendt fra min Samsung Galaxy", "Sendt fra min Samsung Galaxy"),
    ("Til Birgitte og Co.", "Til [navn] og Co."),
])
def test_privacy_brand_and_abbreviation_after_a_name_stay(text: str, expected: str) -> None:
    assert pseudonymise(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Oplys Reg.nr. og Kontonr. til os.", "Oplys Reg.nr. og Kontonr. til os."),
    ("Send dit Reg. nr. og dit kontonummer.", "Send dit Reg. nr. og dit kontonummer."),
    ("Vi talte med Tietgenberg. Nr. 2 var Xhemal.", "Vi talte med [navn]. Nr. 2 var [navn]."),
])
def test_privacy_abbreviated_number_word_is_no_name(text: str, expected: str) -> None:
    assert pseudonymise(text) == expected
