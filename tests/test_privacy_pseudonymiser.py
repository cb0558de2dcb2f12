"""The Pseudonymiser over a run: report, consistency, overlaps, protected labels, errors."""

from __future__ import annotations

import pytest

import kvaleval.privacy as privacy
from kvaleval.errors import PrivacyError
from kvaleval.privacy import REPORT_COLUMNS, Pseudonymiser, pseudonymise


def test_privacy_report_columns_rows_and_offsets() -> None:
    p = Pseudonymiser(["Hanne"])
    text = "Hanne ringede fra 20 30 40 50 og skrev fra hanne@example.dk."
    out = p.apply(text, where="interviews/borger03#12")
    assert out == "[navn] ringede fra [telefon] og skrev fra [e-mail]."
    report = p.report
    assert tuple(report.columns) == REPORT_COLUMNS
    assert list(report["kind"]) == ["navn", "telefon", "e-mail"]
    assert set(report["where"]) == {"interviews/borger03#12"}
    for row in report.itertuples(index=False):
        assert text[row.start : row.end] == row.original
    assert str(report["start"].dtype) == "int64"


def test_privacy_report_sorted_and_deterministic() -> None:
    def run() -> object:
        p = Pseudonymiser()
        p.apply("Fatima kom.", where="b")
        p.apply("Ring 20304050. Ali kom.", where="a")
        return p.report

    first, second = run(), run()
    assert first.equals(second)  # type: ignore[attr-defined]
    assert list(first["where"]) == ["a", "a", "b"]  # type: ignore[index]


def test_privacy_report_empty_has_columns() -> None:
    report = Pseudonymiser().report
    assert report.empty
    assert tuple(report.columns) == REPORT_COLUMNS


def test_privacy_same_original_same_replacement_across_run() -> None:
    p = Pseudonymiser(pseudonyms={"Hanne": "[borger 3]", "Jens": "[medarbejder 1]"})
    texts = ["Hanne og Jens.", "hanne sagde til JENS at Hannes søn", "Jens' bil"]
    outs = [p.apply(t, where=str(i)) for i, t in enumerate(texts)]
    assert outs == ["[borger 3] og [medarbejder 1].",
                    "[borger 3] sagde til [medarbejder 1] at [borger 3]s søn",
                    "[medarbejder 1]' bil"]
    by_original = p.report.groupby(p.report["original"].str.casefold())["replacement"]
    assert all(group.str.rstrip("s'").nunique() == 1 for _, group in by_original)


def test_privacy_overlaps_resolve_to_one_replacement() -> None:
    out = pseudonymise("Skriv til Hanne.Jensen@example.dk om Hanne Nielsens Vej 12.",
                       names=["Hanne"])
    assert out == "Skriv til [e-mail] om [adresse]."


def test_privacy_existing_labels_are_left_alone() -> None:
    text = "[navn] ringede fra [telefon]. [...] Det var [borger 3] og [CPR]."
    assert pseudonymise(text, pseudonyms={"Hanne": "[borger 3]"}) == text


def test_privacy_unbracketed_pseudonym_is_bracketed_and_stable() -> None:
    once = pseudonymise("Hanne kom.", pseudonyms={"Hanne": "Sara"})
    assert once == "[Sara] kom."
    assert pseudonymise(once, pseudonyms={"Hanne": "Sara"}) == once


@pytest.mark.parametrize("value", [None, 12, b"Hanne", ["Hanne"]])
def test_privacy_non_str_text_raises_coded_error(value: object) -> None:
    with pytest.raises(PrivacyError, match=r"\[E708\]"):
        pseudonymise(value)  # type: ignore[arg-type]


def test_privacy_bad_names_raise_coded_error() -> None:
    with pytest.raises(PrivacyError, match=r"\[E707\] Navne, der skal pseudonymiseres \(names=\), skal være tekst"):
        Pseudonymiser(["Hanne", 3])  # type: ignore[list-item]
    with pytest.raises(PrivacyError, match=r"\[E707\] Ord, der skal stå urørt \(keep=\), skal være tekst"):
        Pseudonymiser(keep=["Jobspor", 3])  # type: ignore[list-item]  (was "Navne, der skal pseudonymiseres")
    with pytest.raises(PrivacyError, match=r"\[E706\]"):
        Pseudonymiser(pseudonyms={"Hanne": ""})
    with pytest.raises(PrivacyError, match=r"\[E706\]"):
        Pseudonymiser(pseudonyms={"Hanne": 3})  # type: ignore[dict-item]


def test_privacy_names_as_single_string() -> None:
    assert Pseudonymiser("Qwertyson").apply("qwertyson kom") == "[navn] kom"


def test_privacy_empty_and_whitespace_text() -> None:
    assert pseudonymise("") == ""
    assert pseudonymise(" \n\t ") == " \n\t "


def test_privacy_public_api() -> None:
    assert set(privacy.__all__) >= {"pseudonymise", "Pseudonymiser", "read_pseudonyms",
                                    "suppress_small"}
    assert "name_list=True" in repr(Pseudonymiser())


def test_privacy_corpus_lower_case_spread_keeps_danish_words() -> None:
    # "Børn og Unge" once made every "børn" and "unge" in the run "[navn]".
    import pandas as pd

    from kvaleval.analyse.privacy import corpus_pseudonymiser

    segments = pd.DataFrame({
        "segment_id": ["a#0", "b#0"], "doc_id": ["a", "b"], "speaker": ["B", "B"],
        "speaker_role": ["respondent", "respondent"],
        "text": ["Vi samarbejder med Børn og Unge og med Xhemal.",
                 "Den er god for mine børn, og de unge kender xhemal."],
    })
    apply = corpus_pseudonymiser(segments)
    assert apply(segments["text"][1]) == "Den er god for mine børn, og de unge kender [navn]."


def test_privacy_corpus_names_from_a_survey_name_column() -> None:
    # The name column was masked, but the same name in the person's own answer stayed.
    import pandas as pd

    from kvaleval.analyse.privacy import corpus_pseudonymiser

    segments = pd.DataFrame({
        "segment_id": ["s#0", "s#1"], "doc_id": ["s", "s"], "speaker": ["1", "2"],
        "speaker_role": ["respondent", "respondent"],
        "text": ["berivan er mit navn, og demir er min mands efternavn.", "Kübra her. Det var godt."],
        "Dit navn (frivilligt)": ["Berivan Demir", "Kübra"],
    })
    apply = corpus_pseudonymiser(segments)
    assert apply(segments["text"][0]) == "[navn] er mit navn, og [navn] er min mands efternavn."
    assert apply(segments["text"][1]) == "[navn] her. Det var godt."


@pytest.mark.parametrize(("text", "expected"), [
    ("Hans far, Jesper Glad, bor i Aarhus.", "Hans far, [navn], bor i Aarhus."),
    ("Vi talte med Fatima Holm og Lise Storm.", "Vi talte med [navn] og [navn]."),
    ("det sagde Mette Jeg tror", "det sagde [navn] Jeg tror"),  # a full stop left out: no surname
    ("Jeg så Ahmed Mandag.", "Jeg så [navn] Mandag."),
])
def test_privacy_a_surname_that_is_a_word_goes_with_the_name(text: str, expected: str) -> None:
    # "Jesper Glad" came out "[navn] Glad": the surname, a Danish word, was left in the quote.
    assert Pseudonymiser().apply(text) == expected


def test_privacy_corpus_surname_that_is_a_word_is_a_name_only_with_its_capital() -> None:
    import pandas as pd

    from kvaleval.analyse.privacy import corpus_pseudonymiser

    texts = ["Hans fodboldtræner hedder Mikkel Glad. Glad har betydet meget.", "Jeg er glad for klubben.",
             "Over Teams. Glad var jeg ikke for det."]
    segments = pd.DataFrame({"segment_id": ["a#0", "b#0", "c#0"], "doc_id": ["a", "b", "c"], "speaker": "B",
                             "speaker_role": "respondent", "text": texts})
    apply = corpus_pseudonymiser(segments)
    assert apply(texts[0]) == "Hans fodboldtræner hedder [navn]. [navn] har betydet meget."
    assert apply(texts[1]) == "Jeg er glad for klubben."
    assert apply(texts[2]) == "Over Teams. Glad var jeg ikke for det."  # the word put first, not the name


def test_pseudonymiser_found_only_takes_no_new_word_for_a_name_and_shares_the_report() -> None:
    # The manifest's pseudonymiser took "Fokusgruppe" and "Dataset" in kvaleval's own notes for names.
    p = Pseudonymiser()
    assert p.apply("Vi talte med Xhemal om det.", where="a#1") == "Vi talte med [navn] om det."
    narrow = p.found_only()
    assert (narrow.apply("Fokusgruppe med beboere (xhemal), ring 20 30 40 50. Dataset fra Karsten.",
                         where="manifest")
            == "Fokusgruppe med beboere ([navn]), ring [telefon]. Dataset fra Karsten.")
    p.record("egenskab: IP-adresse", "10.0.0.1", "[skjult]")
    rows = p.report.values.tolist()
    assert ["manifest", "navn", "xhemal", "[navn]", 25, 31] in rows
    assert ["manifest", "telefon", "20 30 40 50", "[telefon]", 39, 50] in rows
    assert ["egenskab: IP-adresse", "skjult", "10.0.0.1", "[skjult]", 0, 8] in rows


def test_pseudonymiser_text_clean_before_a_name_was_learned_is_read_again() -> None:
    # An appendix pseudonymises the same question or district thousands of times, so a text with
    # nothing to replace is remembered; a name learned later must still be found in it.
    p = Pseudonymiser()
    before = "Zorbak i går."
    assert p.apply(before) == before
    assert p.apply(before) == before
    assert p.apply("Jeg talte med Zorbak i går.") == "Jeg talte med [navn] i går."
    assert p.apply(before, where="b") == "[navn] i går."
    assert list(p.report["where"]).count("b") == 1


def test_pseudonymiser_a_full_memory_of_clean_texts_starts_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """161,000 unique segment ids filled the memory, and then no attribute value (the same few in
    every row) was remembered: the appendix read them 1.25 million times (19 s)."""
    from kvaleval.privacy import pseudonymiser as module

    monkeypatch.setattr(module, "MAX_CLEAN", 10)
    p = Pseudonymiser()
    for n in range(25):
        p.apply(f"interviews/fil{n}#3")
    detected: list[str] = []
    original = p._detect
    monkeypatch.setattr(p, "_detect", lambda text: detected.append(text) or original(text))
    for _ in range(100):
        assert p.apply("Vollsmose") == "Vollsmose" and p.apply("kvinde") == "kvinde"
    assert detected == ["Vollsmose", "kvinde"]
    assert len(p._clean) <= 10
