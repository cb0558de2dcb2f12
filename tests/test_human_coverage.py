"""The turns a coding sheet gave its coder travel with the codings: agreement, evaluate, train."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score
from typer.testing import CliRunner

import kvaleval as kv
from kvaleval.cli import agreement as _agreement  # noqa: F401  (registers the commands)
from kvaleval.cli import evaluate as _evaluate  # noqa: F401
from kvaleval.cli import model as _model  # noqa: F401
from kvaleval.cli._app import app
from kvaleval.coding.human import read_codings, read_human_codings
from kvaleval.records import Codebook
from kvaleval.report.sheet import write_sheet
from test_human_read import fill

PARTNER = ["partner01#1", "partner01#3"]


@pytest.fixture
def corpus(tiny_corpus: Path) -> kv.Corpus:
    return kv.read_corpus(tiny_corpus)


@pytest.fixture
def sheets(corpus: kv.Corpus, small_codebook: Codebook, tmp_path: Path) -> tuple[Path, Path]:
    """Anne codes every respondent turn; Bo's sheet lists the partner interview only."""
    anne = write_sheet(corpus, small_codebook, tmp_path / "coder_anne.xlsx", coder_name="Anne")
    partner = corpus.segments[corpus.segments["doc_id"] == "partner01"]
    bo = write_sheet(partner, small_codebook, tmp_path / "coder_bo.xlsx", coder_name="Bo")
    fill(anne, {("borger01#1", "relevans"): 1, ("borger02#1", "relevans"): 1,
                ("partner01#1", "kapacitet"): 1, ("partner01#3", "relevans"): 1})
    fill(bo, {("partner01#1", "kapacitet"): 1, ("partner01#3", "relevans"): 1})
    return anne, bo


def test_agreement_in_python_keeps_sheet_coverage(corpus: kv.Corpus, sheets: tuple[Path, Path]) -> None:
    """Bo never saw borger01/borger02: those turns are missing for him, not 'not coded'."""
    anne, bo = sheets
    segments = corpus.segments
    human = read_human_codings([anne, bo], segments=segments)
    assert human.coders == ("Anne", "Bo")
    assert human.coverage["Bo"] == tuple(PARTNER)
    result = kv.agreement(human, segments=segments, n_boot=0).set_index("code")
    # Over the two turns both saw, Anne and Bo agree on everything.
    assert result.loc["relevans", "n_units"] == 2
    assert result.loc["relevans", "percent_agreement"] == 1.0
    # The plain concatenation counts borger turns Bo never saw as 'not coded' by him.
    plain = kv.agreement(pd.concat([read_codings(anne), read_codings(bo)]), segments=segments,
                         n_boot=0).set_index("code")
    assert plain.loc["relevans", "percent_agreement"] < 1.0
    units = segments.loc[segments["speaker_role"] == "respondent", "segment_id"].tolist()
    assert plain.loc["relevans", "n_units"] == len(units)


def test_evaluate_against_a_partial_gold_sheet(corpus: kv.Corpus, small_codebook: Codebook,
                                               sheets: tuple[Path, Path], tmp_path: Path) -> None:
    """Rule codings outside the gold sheet's turns are not false positives."""
    _, bo = sheets
    coded = kv.code(corpus, small_codebook)
    rules = coded.codings
    assert set(rules["doc_id"]) - {"partner01"}  # the rules code outside Bo's sheet too
    gold = read_human_codings(bo, segments=corpus.segments, codebook=small_codebook)
    table = kv.evaluate(coded, gold).set_index("code")
    for code in small_codebook.names:
        predicted = set(rules.loc[rules["code"] == code, "segment_id"]) & set(PARTNER)
        truth = set(gold.codings.loc[gold.codings["code"] == code, "segment_id"])
        assert table.loc[code, "fp"] == len(predicted - truth), code
        assert table.loc[code, "tp"] == len(predicted & truth), code
    y = [int(s in {"partner01#1"}) for s in PARTNER]
    p = [int(s in set(rules.loc[rules["code"] == "kapacitet", "segment_id"])) for s in PARTNER]
    if len(set(y) | set(p)) > 1:
        assert table.loc["kapacitet", "cohen_kappa"] == pytest.approx(cohen_kappa_score(y, p))
    # the command line reads the gold the same way
    out = tmp_path / "ev.xlsx"
    result = CliRunner().invoke(app, ["evaluate", str(tmp_path / "korpus"), "--gold", str(bo),
                                      "-c", str(small_codebook.path), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    rows = list(openpyxl.load_workbook(out)["Evaluering"].iter_rows(min_row=3, values_only=True))
    header = rows[0]
    fps = {row[0]: row[header.index("Falske pos.")] for row in rows[1:6]}
    assert fps == {**{code: int(table.loc[code, "fp"]) for code in small_codebook.names},
                   "(makro)": int(table.loc["(makro)", "fp"])}


def test_evaluate_rows_follow_the_gold_sheet_order(corpus: kv.Corpus, small_codebook: Codebook,
                                                   sheets: tuple[Path, Path]) -> None:
    _, bo = sheets
    rules = kv.code(corpus, small_codebook).codings
    gold = read_human_codings(bo, segments=corpus.segments)  # no codebook: the sheet's columns
    table = kv.evaluate(rules, gold)  # the units are Bo's turns
    assert table["code"].tolist() == [*small_codebook.names, "(makro)"]
    assert small_codebook.names != sorted(small_codebook.names)


def test_train_on_a_review_sheet_uses_only_its_turns(corpus: kv.Corpus, small_codebook: Codebook,
                                                     tmp_path: Path) -> None:
    """A sheet of two turns trains on two turns, not on every turn of their documents."""
    chosen = corpus.segments[corpus.segments["segment_id"].isin(["borger01#1", "partner01#1"])]
    review = write_sheet(chosen, small_codebook, tmp_path / "review.xlsx", coder_name="Anne", whole_documents=False)
    fill(review, {("borger01#1", "relevans"): "x"})
    human = read_human_codings(review, segments=corpus.segments, codebook=small_codebook)
    model = kv.ModelCoder(small_codebook).fit(corpus.segments, human)
    assert sorted(model.training_["segment_id"]) == ["borger01#1", "partner01#1"]
    # a plain table still takes a coded document as coded in full
    plain = kv.ModelCoder(small_codebook).fit(corpus.segments, human.codings)
    assert sorted(plain.training_["segment_id"]) == ["borger01#1", "borger01#3"]
    result = CliRunner().invoke(app, ["train", str(tmp_path / "korpus"), "--gold", str(review),
                                      "-c", str(small_codebook.path), "--out", str(tmp_path / "m.json")])
    assert result.exit_code == 0, result.output
    assert "Trænet på 2 segmenter" in result.output


def test_a_coder_with_no_ticks_is_counted(corpus: kv.Corpus, small_codebook: Codebook,
                                          sheets: tuple[Path, Path], tmp_path: Path) -> None:
    anne, bo = sheets
    carl = write_sheet(corpus, small_codebook, tmp_path / "coder_carl.xlsx", coder_name="Carl")
    units = corpus.segments.loc[corpus.segments["speaker_role"] == "respondent", "segment_id"]
    fill(carl, {(segment, code): 0 for segment in units for code in small_codebook.names})
    human = read_human_codings([anne, bo, carl], segments=corpus.segments)
    assert human.coders == ("Anne", "Bo", "Carl")
    table = kv.agreement(human, segments=corpus.segments, n_boot=0).set_index("code")
    assert table.loc["relevans", "prevalence: Carl"] == 0.0
    assert table.loc["relevans", "prevalence: Anne"] == pytest.approx(3 / len(units))
    # Anne against an unfilled sheet: two coders, Bo coded nothing (no E820)
    blank = write_sheet(corpus.segments[corpus.segments["doc_id"] == "partner01"], small_codebook,
                        tmp_path / "coder_dan.xlsx")
    out = tmp_path / "e.xlsx"
    result = CliRunner().invoke(app, ["agreement", str(anne), str(blank), "--corpus", str(tmp_path / "korpus"),
                                      "--out", str(out), "--n-boot", "0"])
    assert result.exit_code == 0, result.output
    assert "Kodere: Anne, dan" in result.output
    rows = list(openpyxl.load_workbook(out)["Enighed"].iter_rows(min_row=3, values_only=True))
    header = rows[0]
    relevans = dict(zip(header, next(row for row in rows if row[0] == "relevans"), strict=True))
    assert relevans["Enheder"] == 2 and relevans["Enighed"] == 0.5  # partner01#3: Anne 1, dan 0
    assert relevans["Forekomst: dan"] == 0.0
    three = CliRunner().invoke(app, ["agreement", str(anne), str(bo), str(carl), "--corpus",
                                     str(tmp_path / "korpus"), "--out", str(out), "--n-boot", "0"])
    assert three.exit_code == 0, three.output
    assert "Kodere: Anne, Bo, Carl" in three.output
    assert np.isnan(table.loc["relevans", "cohen_kappa"])  # κ is for two coders only
