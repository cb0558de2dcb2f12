"""Wrong arguments to the Python API: an error naming the argument, what it fik and what to pass."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest
import yaml

import kvaleval as kv
from kvaleval.errors import ArgumentError
from kvaleval.records import Conclusion


@pytest.fixture
def coded(tiny_corpus: Path, small_codebook: kv.Codebook) -> kv.Coded:
    return kv.code(kv.read_corpus(tiny_corpus), small_codebook)


def test_code_with_the_wrong_arguments_says_what_to_pass(tiny_corpus: Path, small_codebook_path: Path,
                                                         small_codebook: kv.Codebook) -> None:
    corpus = kv.read_corpus(tiny_corpus)
    as_dict = yaml.safe_load(small_codebook_path.read_text(encoding="utf-8"))
    cases = [
        ((str(tiny_corpus), small_codebook), r"'corpus' skal være et Corpus.*fik str .*kv\.read_corpus"),
        ((corpus.segments, small_codebook), r"'corpus'.*fik DataFrame \(\d+ rækker\).*ikke dets segmenttabel"),
        ((corpus, str(small_codebook_path)), r"'codebook' skal være en Codebook.*fik str.*kv\.read_codebook\(sti\)"),
        ((corpus, as_dict), r"'codebook'.*fik dict.*YAML"),
        ((small_codebook, corpus), r"'corpus'.*fik Codebook.*byttet om"),
        ((corpus, None), r"'codebook'.*fik None"),
    ]
    for arguments, message in cases:
        with pytest.raises(ArgumentError, match=r"\[E311\] kv\.code: argumentet " + message):
            kv.code(*arguments)  # type: ignore[arg-type]
    with pytest.raises(TypeError):  # an ArgumentError is a TypeError too
        kv.code(corpus, None)  # type: ignore[arg-type]


def test_readers_refuse_what_is_not_a_path(small_codebook_path: Path) -> None:
    as_dict = yaml.safe_load(small_codebook_path.read_text(encoding="utf-8"))
    with pytest.raises(ArgumentError, match=r"E311\] kv\.read_codebook: argumentet 'path'.*fik dict"):
        kv.read_codebook(as_dict)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match=r"E311\] kv\.read_corpus: argumentet 'path'.*fik None"):
        kv.read_corpus(None)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match=r"E311\] kv\.read_conclusions: argumentet 'path'.*fik list"):
        kv.read_conclusions([])  # type: ignore[arg-type]


def test_coded_methods_check_their_arguments(coded: kv.Coded, tmp_path: Path) -> None:
    with pytest.raises(ArgumentError, match=r"frequencies: argumentet 'by'.*fik int 3"):
        coded.frequencies(by=3)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match=r"quotes: argumentet 'n' skal være et helt tal.*fik str '5'"):
        coded.quotes("kapacitet", n="5")  # type: ignore[arg-type]
    # English spelling silently returned no quotes at all.
    with pytest.raises(ArgumentError, match=r"E312\] quotes: valence='positive'.*positiv, negativ, blandet"):
        coded.quotes("kapacitet", valence="positive")
    assert len(coded.quotes("kapacitet", valence="negativ")) > 0
    path = tmp_path / "konklusioner.yaml"
    path.write_text("- id: kap\n  statement: Der mangler kapacitet\n  themes: [kapacitet]\n", encoding="utf-8")
    with pytest.raises(ArgumentError, match=r"Coded\.evidence: argumentet 'conclusions'.*fik str.*"
                                            r"kv\.read_conclusions\(sti, codebook=coded\.codebook\)"):
        coded.evidence(str(path))  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match=r"'conclusions'.*fik dict.*kv\.Conclusion\(id="):
        coded.evidence([{"id": "x", "statement": "s", "themes": ["kapacitet"]}])  # type: ignore[list-item]


def test_write_appendix_reads_a_conclusions_path_and_hashes_it(coded: kv.Coded, tmp_path: Path) -> None:
    path = tmp_path / "konklusioner.yaml"
    path.write_text("- id: kap\n  statement: Der mangler kapacitet\n  themes: [kapacitet]\n", encoding="utf-8")
    out = tmp_path / "ud"
    kv.write_appendix(coded, out, conclusions=str(path), charts_enabled=False)
    table = pd.read_csv(out / "csv" / "konklusioner.csv", encoding="utf-8-sig")
    assert set(table["conclusion_id"]) == {"kap"}
    manifest = pd.read_csv(out / "csv" / "manifest.csv", encoding="utf-8-sig").set_index("Felt")["Værdi"]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert manifest["konklusioner sha256"] == f"konklusioner.yaml: {digest}"
    assert manifest["konklusioner"] == "1"
    bad = tmp_path / "ukendt.yaml"
    bad.write_text("- id: x\n  statement: s\n  themes: [findes_ikke]\n", encoding="utf-8")
    with pytest.raises(kv.CodebookError, match="E206"):  # read with the coded's codebook
        kv.write_appendix(coded, tmp_path / "ud2", conclusions=bad, charts_enabled=False)
    with pytest.raises(ArgumentError, match=r"kv\.write_appendix: argumentet 'coded'"):
        kv.write_appendix(str(out), coded)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match=r"kv\.write_appendix: argumentet 'conclusions'.*fik dict"):
        kv.write_appendix(coded, out, conclusions=[{"id": "x"}])  # type: ignore[list-item]
    assert [Conclusion("kap", "s", ("kapacitet",))]  # the documented form stays accepted
    kv.write_appendix(coded, out, conclusions=[Conclusion("kap", "s", ("kapacitet",))], charts_enabled=False)


def test_quotes_and_evidence_keep_the_project_words_asked_for(tmp_path: Path, small_codebook_path: Path) -> None:
    # write_appendix(keep=...) kept "Jobspor"; coded.quotes() and coded.evidence() had no way to.
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "borger.txt").write_text(
        "I: Hvordan har Jobspor været for jer?\n"
        "B: Familievejledningen har hjulpet os rigtig meget, og Fatima fra Jobspor var sød.\n", encoding="utf-8")
    coded = kv.code(kv.read_corpus(folder), kv.read_codebook(small_codebook_path))
    plain, kept = coded.quotes("relevans"), coded.quotes("relevans", keep=["Jobspor"])
    assert plain["question"].tolist() == ["Hvordan har [navn] været for jer?"]
    assert kept["question"].tolist() == ["Hvordan har Jobspor været for jer?"]
    assert kept["quote"].tolist() == ["Familievejledningen har hjulpet os rigtig meget, og [navn] fra Jobspor var sød."]
    assert coded.quotes("relevans", keep="Jobspor")["question"].tolist() == kept["question"].tolist()
    conclusion = Conclusion(id="rel", statement="Indsatsen hjælper", themes=("relevans",))
    quotes = coded.evidence([conclusion], keep=["Jobspor"]).to_string()
    assert "Fatima" not in quotes and "fra Jobspor var sød" in quotes


def test_coded_and_corpus_compare_by_identity_and_by_a_list_is_refused(tiny_corpus: Path, small_codebook: kv.Codebook,
                                                                         tmp_path: Path) -> None:
    # coded == copy.deepcopy(coded) raised "truth value of a DataFrame is ambiguous"; by=[...] a TypeError.
    import copy

    corpus = kv.read_corpus(tiny_corpus)
    coded = kv.code(corpus, small_codebook)
    assert coded == coded and coded != copy.deepcopy(coded) and corpus != copy.deepcopy(corpus)
    with pytest.raises(kv.ArgumentError, match=r"E311.*'by'.*coded\.frequencies\(by=\[\.\.\.\]\); fik list"):
        kv.write_appendix(coded, tmp_path / "ud", by=["respondent_group", "role"])
    assert not (tmp_path / "ud").exists()


def test_evidence_n_quotes_must_be_a_whole_number(coded: kv.Coded) -> None:
    # n_quotes="3" was a TypeError ("'<=' not supported between 'str' and 'int'") from the quote selection.
    conclusions = [Conclusion("c", "Indsatsen hjælper.", ("relevans",))]
    with pytest.raises(ArgumentError, match=r"\[E311\] evidence: argumentet 'n_quotes' skal være et helt tal.*"
                                            r"fik str '3'.*n_quotes=3"):
        coded.evidence(conclusions, n_quotes="3")
    assert len(coded.evidence(conclusions, n_quotes=1))
