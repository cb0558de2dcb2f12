"""A speaker tag that names a role (``Sundhedsplejerske:``, ``Employer:``) is no person's name."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import kvaleval as kv
from kvaleval.analyse.privacy import names_a_role, speaker_pseudonyms

CODEBOOK = """name: t
codes:
  - name: fam
    label: Familievejledning
    terms: [familievejledning]
"""


def _corpus(root: Path, tags: dict[str, str]) -> Path:
    corpus = root / "korpus"
    corpus.mkdir()
    rows = ["file,respondent_group"]
    for number, (tag, group) in enumerate(tags.items(), start=1):
        (corpus / f"i{number}.txt").write_text(
            f"I: Hvordan er familievejledningen?\n{tag}: Familievejledningen hjælper familierne meget.\n"
            f"I: Og ellers?\n{tag}: Jeg synes, familievejledningen er god.\n", encoding="utf-8")
        rows.append(f"i{number}.txt,{group}")
    (corpus / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return corpus


@pytest.mark.parametrize("label", ["Sundhedsplejerske", "Lærer 2", "Familievejleder", "Skoleleder", "Pædagog"])
def test_a_danish_role_word_is_no_name(label: str) -> None:
    assert names_a_role(label)


@pytest.mark.parametrize("label", ["Mette", "Mette Hansen", "Rose", "Bager", "Ahmad", "Kaj", "Møller", "KH"])
def test_a_name_stays_a_name_even_when_it_is_a_word(label: str) -> None:
    assert not names_a_role(label)


def test_grouping_by_roles_whose_tags_are_role_words(tmp_path: Path) -> None:
    # A partner interview tagged "Sundhedsplejerske:" grouped as "Sundhedsplejerske" was refused (E503:
    # "[Sundhedsplejerske 1]" was taken for a pseudonymised name); the quote's attribution hid the role.
    corpus = _corpus(tmp_path, {"Sundhedsplejerske": "Sundhedsplejerske", "Lærer": "Lærer",
                                "Mette Hansen": "Borger"})
    (tmp_path / "cb.yaml").write_text(CODEBOOK, encoding="utf-8")
    coded = kv.code(kv.read_corpus(corpus), kv.read_codebook(tmp_path / "cb.yaml"))
    assert speaker_pseudonyms(coded.segments) == {"Mette Hansen": "[Borger 1]"}
    kv.write_appendix(coded, tmp_path / "ud", charts_enabled=False, qdpx=False)
    book = openpyxl.load_workbook(tmp_path / "ud" / "appendix.xlsx", read_only=True)
    cells = [str(value) for row in book["Segmenter"].iter_rows(values_only=True) for value in row if value is not None]
    book.close()  # a read-only workbook keeps its file open: left to the garbage collector, a ResourceWarning
    assert "Sundhedsplejerske" in cells and "Lærer" in cells
    assert not any("Mette" in cell or "Hansen" in cell for cell in cells)


def test_an_english_role_tag_is_no_name(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, {"Employer": "employer", "Parent": "parent", "John Smith": "participant"})
    (tmp_path / "cb.yaml").write_text(CODEBOOK, encoding="utf-8")
    coded = kv.code(kv.read_corpus(corpus), kv.read_codebook(tmp_path / "cb.yaml"))
    assert speaker_pseudonyms(coded.segments) == {"John Smith": "[participant 1]"}
    kv.write_appendix(coded, tmp_path / "ud", charts_enabled=False, qdpx=False)


def test_participants_named_after_a_role_word_off_the_lists_are_each_a_respondent(tmp_path: Path) -> None:
    # "Lærer (Jonas):" and "Lærer (Sofie):" were one speaker "Lærer": N one too low. "Deltager (…)" worked
    # only because "deltager" is on the role list.
    (tmp_path / "fokus.txt").write_text(
        "I: Hvordan er samarbejdet?\nLærer (Jonas): Samarbejdet med klubben er godt.\n"
        "Lærer (Sofie): Ja, vi har en fast kontaktperson.\nKlubmedarbejder (Ali): Godt samarbejde.\n"
        "I: Og klubben?\nKlubmedarbejder (Omar): Vi ringer til skolen.\nLærer (Jonas): Det gør de.\n",
        encoding="utf-8")
    segments = kv.read_corpus(tmp_path).segments
    respondents = segments[segments["speaker_role"] == "respondent"]["speaker"].tolist()
    assert respondents == ["Jonas", "Sofie", "Ali", "Omar", "Jonas"]
