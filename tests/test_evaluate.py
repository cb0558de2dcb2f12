"""One coder scored against gold: metrics equal scikit-learn's; the confusion list; the CLI."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score, precision_recall_fscore_support
from typer.testing import CliRunner

import kvaleval as kv
from kvaleval.analyse.evaluate import CONFUSION_COLUMNS, EVALUATE_COLUMNS, confusion, evaluate
from kvaleval.cli import evaluate as _evaluate  # noqa: F401  (registers the command)
from kvaleval.cli._app import app
from kvaleval.errors import CodingError, HumanCodingError
from kvaleval.records import Codebook

UNITS = 50


def segments_for(n: int = UNITS) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "segment_id": [f"d#{u}" for u in range(n)],
            "doc_id": "d",
            "turn_index": range(n),
            "speaker": "B",
            "speaker_role": "respondent",
            "text": [f"tekst {u}" for u in range(n)],
            "question": "Hvordan gik det?",
        }
    )


def table(
    marks: dict[str, np.ndarray], coder: str, valence: str = "", why: str = ""
) -> pd.DataFrame:
    rows = [
        (f"d#{u}", "d", code, coder, 1.0, valence, why)
        for code, column in marks.items()
        for u in np.nonzero(column)[0]
    ]
    return pd.DataFrame(
        rows, columns=["segment_id", "doc_id", "code", "coder", "score", "valence", "why"]
    )


def random_marks(seed: int) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    rng = np.random.default_rng(seed)
    gold, predicted = {}, {}
    for code, prevalence in [("a", 0.3), ("b", 0.1), ("c", 0.5)]:
        gold[code] = rng.random(UNITS) < prevalence
        predicted[code] = gold[code] ^ (rng.random(UNITS) < 0.2)
    return gold, predicted


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_evaluate_matches_sklearn(seed: int) -> None:
    gold, predicted = random_marks(seed)
    result = evaluate(
        table(predicted, "rules"), table(gold, "anne"), segments=segments_for()
    ).set_index("code")
    assert list(result.reset_index().columns) == list(EVALUATE_COLUMNS)
    for code in gold:
        precision, recall, f1, _ = precision_recall_fscore_support(
            gold[code], predicted[code], average="binary", zero_division=0
        )
        row = result.loc[code]
        assert (row["precision"], row["recall"], row["f1"]) == pytest.approx(
            (precision, recall, f1)
        )
        assert row["cohen_kappa"] == pytest.approx(cohen_kappa_score(gold[code], predicted[code]))
        assert row["support"] == gold[code].sum() and row["predicted"] == predicted[code].sum()
        assert row["tp"] + row["fn"] == row["support"]
    macro = result.loc["(makro)"]
    for column in ("precision", "recall", "f1", "cohen_kappa"):
        assert macro[column] == pytest.approx(result.loc[list(gold), column].mean())
    assert macro["support"] == sum(g.sum() for g in gold.values())


def test_evaluate_edge_cases() -> None:
    n = 10
    gold = {
        "never coded": np.arange(n) < 3,
        "perfect": np.arange(n) % 2 == 0,
        "extra": np.zeros(n, bool),
        "absent": np.zeros(n, bool),
    }
    predicted = {
        "never coded": np.zeros(n, bool),
        "perfect": gold["perfect"],
        "extra": np.arange(n) < 2,
        "absent": np.zeros(n, bool),
    }
    result = evaluate(
        table(predicted, "rules"), table(gold, "anne"), segments=segments_for(n), codes=list(gold)
    ).set_index("code")
    never = result.loc["never coded"]
    assert (never["precision"], never["recall"], never["f1"]) == (0.0, 0.0, 0.0)
    assert never["cohen_kappa"] == pytest.approx(
        cohen_kappa_score(gold["never coded"], predicted["never coded"])
    )
    assert tuple(result.loc["perfect", ["precision", "recall", "f1", "cohen_kappa"]]) == (
        1.0,
        1.0,
        1.0,
        1.0,
    )
    extra = result.loc["extra"]
    assert (extra["precision"], extra["recall"], extra["f1"]) == (0.0, 0.0, 0.0)  # zero_division=0
    assert "ingen guld-kodninger" in extra["note"]
    absent = result.loc["absent"]
    assert absent[["precision", "recall", "f1", "cohen_kappa"]].isna().all()
    assert "κ udefineret: ingen variation" in absent["note"]
    macro = result.loc["(makro)"]
    assert macro["precision"] == pytest.approx(
        (0.0 + 1.0 + 0.0) / 3
    )  # "absent" is undefined, left out
    # recall over the same codes as precision and F1 (it was averaged over 2 codes, not 3)
    assert macro["recall"] == pytest.approx((0.0 + 1.0 + 0.0) / 3)
    used = ["never coded", "perfect", "extra"]
    y = np.column_stack([gold[code] for code in used])
    p = np.column_stack([predicted[code] for code in used])
    expected = precision_recall_fscore_support(y, p, average="macro", zero_division=0)[:3]
    assert tuple(macro[["precision", "recall", "f1"]]) == pytest.approx(expected)


def test_evaluate_union_and_single_coder() -> None:
    gold = {"a": np.arange(UNITS) < 10}
    rules = {"a": np.arange(UNITS) < 5}
    model = {"a": (np.arange(UNITS) >= 5) & (np.arange(UNITS) < 12)}
    codings = pd.concat([table(rules, "rules"), table(model, "model")])
    union = evaluate(codings, table(gold, "anne"), segments=segments_for()).iloc[0]
    assert (union["tp"], union["fp"], union["fn"]) == (10, 2, 0)
    alone = evaluate(codings, table(gold, "anne"), segments=segments_for(), coder="rules").iloc[0]
    assert (alone["tp"], alone["fp"], alone["fn"]) == (5, 0, 5)


def test_evaluate_valence_agreement() -> None:
    gold = table({"a": np.arange(UNITS) < 4}, "anne", valence="negativ")
    predicted = table({"a": np.arange(UNITS) < 6}, "rules", valence="negativ")
    predicted.loc[predicted["segment_id"] == "d#0", "valence"] = "positiv"
    row = evaluate(predicted, gold, segments=segments_for()).iloc[0]
    assert row["valence_agreement"] == 0.75  # 3 of the 4 true positives


def test_evaluate_without_units_is_an_error() -> None:
    """Without segments the units would be only the coded turns; κ would silently be another number."""
    gold, predicted = (
        table({"a": np.arange(6) < 3}, "anne"),
        table({"a": np.arange(6) % 2 == 1}, "rules"),
    )
    with pytest.raises(HumanCodingError, match=r"\[E842\].*segments="):
        evaluate(predicted, gold)
    with pytest.raises(HumanCodingError, match=r"\[E842\]"):
        confusion(predicted, gold)


def test_evaluate_errors() -> None:
    gold = table({"a": np.arange(UNITS) < 3}, "anne")
    predicted = table({"a": np.arange(UNITS) < 2}, "rules")
    with pytest.raises(HumanCodingError, match=r"\[E830\].*anne, bo"):
        evaluate(predicted, pd.concat([gold, gold.assign(coder="bo")]))
    with pytest.raises(HumanCodingError, match=r"\[E832\].*\(den givne tabel\)"):
        evaluate(predicted, gold.iloc[:0])
    with pytest.raises(HumanCodingError, match=r"\[E831\] Koderen 'model'.*rules"):
        evaluate(predicted, gold, coder="model", segments=segments_for())
    with pytest.raises(HumanCodingError, match=r"\[E833\].*list"):
        evaluate([], gold)
    with pytest.raises(HumanCodingError, match=r"\[E822\].*'d#10'"):
        evaluate(predicted, table({"a": np.arange(UNITS) > 9}, "anne"), segments=segments_for(10))
    with pytest.raises(CodingError, match=r"\[E303\].*'coder'"):
        evaluate(predicted.drop(columns="coder"), gold, segments=segments_for())


def test_confusion_lists_false_positives_and_misses() -> None:
    gold = table(
        {"a": np.isin(np.arange(UNITS), [1, 2]), "b": np.isin(np.arange(UNITS), [4])},
        "anne",
        valence="positiv",
    )
    predicted = table(
        {"a": np.isin(np.arange(UNITS), [2, 3])}, "rules", valence="negativ", why="termer: x"
    )
    segments = segments_for()
    segments.loc[3, "text"] = "Per Jensen sagde det på 20 30 40 50"
    result = confusion(predicted, gold, segments=segments, codes=["b", "a"])
    assert list(result.columns) == list(CONFUSION_COLUMNS)
    assert result[["segment_id", "code", "kind", "valence", "gold_valence", "why"]].values.tolist() == [
        ["d#4", "b", "overset", "", "positiv", ""],  # the coder gave no valence: only the gold's
        ["d#3", "a", "falsk positiv", "negativ", "", "termer: x"],
        ["d#1", "a", "overset", "", "positiv", ""],
        ["d#2", "a", "anden valens", "negativ", "positiv", "termer: x"],  # both coded it, not alike
    ]
    assert result.loc[2, "text"] == "tekst 1" and result.loc[2, "question"] == "Hvordan gik det?"
    assert "[telefon]" in result.loc[1, "text"] and "20 30" not in result.loc[1, "text"]


def test_confusion_pseudonymises_the_question_quoted_in_why() -> None:
    segments = segments_for(3)
    segments.loc[1, "question"] = "Fatima Hassan, har rådgivningen hjulpet dig?"
    predicted = table({"a": np.isin(np.arange(3), [1])}, "rules",
                      why="svar på spørgsmål: »Fatima Hassan, har rådgivningen hjulpet dig?«")
    gold = table({"a": np.isin(np.arange(3), [2])}, "anne")
    result = confusion(predicted, gold, segments=segments)
    why = result.loc[result["kind"] == "falsk positiv", "why"].iloc[0]
    assert "Fatima" not in why and "Hassan" not in why and "rådgivningen hjulpet" in why


def test_evaluate_coded_and_gold_file(
    tiny_corpus: Path, small_codebook: Codebook, tmp_path: Path
) -> None:
    gold = tmp_path / "guld.csv"
    gold.write_text(
        "doc_id,turn_index,code,valence,coder\n"
        "borger01,1,kapacitet,negativ,guld\n"
        "borger01,3,kendskab,negativ,guld\n"
        "partner01,3,civilsamfund,positiv,guld\n"
        "borger02,1,relevans,positiv,guld\n"
        "survey,1,kapacitet,negativ,guld\n",
        encoding="utf-8",
    )
    coded = kv.code(kv.read_corpus(tiny_corpus), small_codebook)
    result = evaluate(coded, gold).set_index("code")
    assert result.index.tolist() == [*small_codebook.names, "(makro)"]
    assert result.loc["kapacitet", ["tp", "fp", "fn"]].tolist() == [
        2,
        1,
        0,
    ]  # partner01#1 is not in gold
    assert result.loc["relevans", ["tp", "fp", "fn"]].tolist() == [1, 3, 0]
    mistakes = confusion(coded, gold)
    assert ("partner01#1", "kapacitet", "falsk positiv") in set(
        mistakes[["segment_id", "code", "kind"]].itertuples(index=False, name=None)
    )
    assert mistakes["why"].str.contains("venteliste").any()


def test_evaluate_cli(
    tiny_corpus: Path, small_codebook_path: Path, small_codebook: Codebook, tmp_path: Path
) -> None:
    gold = tmp_path / "guld.csv"
    gold.write_text(
        "doc_id;turn_index;code;valence\nborger01;1;kapacitet;negativ\nborger01;3;kendskab;\n",
        encoding="utf-8",
    )
    out = tmp_path / "evaluate.xlsx"
    result = CliRunner().invoke(
        app,
        [
            "evaluate",
            str(tiny_corpus),
            "--gold",
            str(gold),
            "--codebook",
            str(small_codebook_path),
            "--out",
            str(out),
            "--quiet",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Præcision" in result.stdout and "(makro)" in result.stdout
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Evaluering", "Forvekslinger"]
    rows = list(book["Evaluering"].iter_rows(min_row=3, values_only=True))
    header, body = rows[0], rows[1:]
    expected = evaluate(kv.code(kv.read_corpus(tiny_corpus), small_codebook), gold)
    kappa = header.index("Cohens κ")
    assert book["Evaluering"].cell(row=4, column=kappa + 1).number_format == "0.00"  # as the terminal shows it
    for line, (_, row) in zip(body, expected.iterrows(), strict=False):
        assert line[0] == row["code"]
        assert line[kappa] == (
            pytest.approx(row["cohen_kappa"]) if not np.isnan(row["cohen_kappa"]) else None
        )


def test_evaluate_cli_bad_gold(
    tiny_corpus: Path, small_codebook_path: Path, tmp_path: Path
) -> None:
    gold = tmp_path / "guld.csv"
    gold.write_text("doc_id,turn_index,code\nborger01,0,kapacitet\n", encoding="utf-8")
    result = CliRunner().invoke(
        app,
        [
            "evaluate",
            str(tiny_corpus),
            "--gold",
            str(gold),
            "--codebook",
            str(small_codebook_path),
            "--out",
            str(tmp_path / "e.xlsx"),
        ],
    )
    assert isinstance(result.exception, HumanCodingError)
    assert "[E816] linje 2, kolonne 'turn_index'" in str(result.exception)
    assert not (tmp_path / "e.xlsx").exists()


def test_evaluate_and_agreement_take_a_corpus_as_segments(tiny_corpus: Path, small_codebook: Codebook) -> None:
    # docs/human-coding.md passes segments=corpus to read_codings; evaluate and agreement raised AttributeError.
    corpus = kv.read_corpus(tiny_corpus)
    coded = kv.code(corpus, small_codebook)
    gold = coded.codings.assign(coder="Anne")
    by_corpus = kv.evaluate(coded.codings, gold, segments=corpus)
    by_table = kv.evaluate(coded.codings, gold, segments=corpus.segments)
    pd.testing.assert_frame_equal(by_corpus, by_table)
    both = pd.concat([gold, gold.assign(coder="Bo")])
    pd.testing.assert_frame_equal(kv.agreement(both, segments=corpus, n_boot=0),
                                  kv.agreement(both, segments=corpus.segments, n_boot=0))


def test_gold_from_several_files_is_one_standard(tiny_corpus: Path, small_codebook: Codebook,
                                                 small_codebook_path: Path, tmp_path: Path) -> None:
    # "--gold guld.csv --gold review.xlsx" kept only the last file (typer), without a word: train
    # said "Trænet på 30 segmenter" and the 260 turns of the first file were lost.
    from kvaleval.coding.human import read_gold
    from kvaleval.report.sheet import write_sheet
    from test_human_read import fill

    corpus = kv.read_corpus(tiny_corpus)
    first = tmp_path / "guld.csv"
    first.write_text("doc_id,turn_index,code\nborger01,1,kapacitet\nborger01,3,kendskab\n", encoding="utf-8")
    review = write_sheet(corpus.segments[corpus.segments["segment_id"].isin(["borger01#3", "partner01#3"])],
                         small_codebook, tmp_path / "review.xlsx", whole_documents=False)
    fill(review, {("partner01#3", "civilsamfund"): 1})  # borger01#3 re-coded: nothing, the later file wins
    gold = read_gold((path for path in (first, review)), segments=corpus.segments, codebook=small_codebook)
    assert gold.sources == {"guld": first}  # a generator is read once (it gave StopIteration)
    assert read_gold(str(first), segments=corpus.segments).codings["segment_id"].tolist() == [
        "borger01#1", "borger01#3"]  # one path, not its characters
    assert gold.coders == ("guld",) and set(gold.codings["coder"]) == {"guld"}
    assert sorted(zip(gold.codings["segment_id"], gold.codings["code"], strict=True)) == [
        ("borger01#1", "kapacitet"), ("partner01#3", "civilsamfund")]
    out = tmp_path / "e.xlsx"
    result = CliRunner().invoke(app, ["evaluate", str(tiny_corpus), "--gold", str(first), "--gold", str(review),
                                      "--codebook", str(small_codebook_path), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    rows = list(openpyxl.load_workbook(out)["Evaluering"].iter_rows(values_only=True))
    assert rows[0][0] == "Regelkoderen mod guld.csv, review.xlsx"
    gold_column = rows[2].index("Guld")
    assert next(row for row in rows if row[0] == "(makro)")[gold_column] == 2


def test_confusion_says_what_the_rules_found_short_of_the_threshold_for_a_miss(tmp_path: Path) -> None:
    # A miss showed no reason: whether the rules found nothing or a weak term is what decides the fix.
    (tmp_path / "k.yaml").write_text("name: k\ncodes:\n  - name: sag\n    terms: [{term: brev, weight: 0.5}]\n",
                                     encoding="utf-8")
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "a.txt").write_text("I: Hvad var svært?\nB: Brevene var for lange.\nI: Og så?\nB: Det ved jeg ikke.\n",
                                  encoding="utf-8")
    gold = tmp_path / "guld.csv"
    gold.write_text("doc_id,turn_index,code\na,1,sag\na,3,sag\n", encoding="utf-8")
    coded = kv.code(kv.read_corpus(folder), kv.read_codebook(tmp_path / "k.yaml"))
    mistakes = confusion(coded, gold)
    assert mistakes[["segment_id", "kind", "why"]].values.tolist() == [
        ["a#1", "overset", "under tærsklen (0.50 af 1): termer: brev"], ["a#3", "overset", "intet fund"]]


@pytest.mark.parametrize(("question_weight", "shown"), [(0.5, "0.75"), (0.0, "0.50")])
def test_confusion_reads_a_miss_with_the_options_it_was_coded_with(tmp_path: Path, question_weight: float,
                                                                   shown: str) -> None:
    # The partial evidence of a miss comes from the same rule coder as the codings: with its share of
    # the question's evidence (question_weight), or without. (Writing this test showed that a longer
    # answer with a weak term of its own had lost that share when its question codes nothing alone.)
    # (The answer's term is not the question's: one that takes up the question's word gets all of its evidence.)
    (tmp_path / "k.yaml").write_text("name: k\ncodes:\n  - name: sag\n    terms: [{term: brev, weight: 0.5}, "
                                     "{term: skema, weight: 0.5}]\n", encoding="utf-8")
    folder = tmp_path / "korpus"
    folder.mkdir()
    (folder / "a.txt").write_text("I: Hvad med brevene?\nB: Det kom et skema i sidste uge, og så ringede jeg til "
                                  "dem med det samme om det.\n", encoding="utf-8")
    gold = tmp_path / "guld.csv"
    gold.write_text("doc_id,turn_index,code\na,1,sag\n", encoding="utf-8")
    coded = kv.code(kv.read_corpus(folder), kv.read_codebook(tmp_path / "k.yaml"), question_weight=question_weight)
    [why] = confusion(coded, gold)["why"].tolist()
    assert why.startswith(f"under tærsklen ({shown} af 1): termer: skema")


def test_evaluate_cli_in_english(tiny_corpus: Path, small_codebook_path: Path, tmp_path: Path) -> None:
    from kvaleval.errors import set_language

    gold = tmp_path / "gold.csv"
    gold.write_text("doc_id;turn_index;code;valence\nborger01;1;kapacitet;negativ\nborger01;3;kendskab;\n",
                    encoding="utf-8")
    out = tmp_path / "evaluate.xlsx"
    try:
        result = CliRunner().invoke(app, ["--lang", "en", "evaluate", str(tiny_corpus), "--gold", str(gold),
                                          "--codebook", str(small_codebook_path), "--out", str(out), "--quiet"])
    finally:
        set_language(None)
    assert result.exit_code == 0, result.output
    assert "Precision" in result.stdout and "Præcision" not in result.stdout
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Evaluation", "Confusions"]
    assert book["Evaluation"]["A1"].value == "The rule coder against gold.csv"
    header = next(book["Evaluation"].iter_rows(min_row=3, max_row=3, values_only=True))
    assert header[:6] == ("Code", "Precision", "Recall", "F1", "Cohen's κ", "Gold")
    rows = list(book["Confusions"].iter_rows(min_row=3, values_only=True))
    kind = rows[0].index("Kind")
    assert {row[kind] for row in rows[1:]} <= {"false positive", "miss", "other valence"} and len(rows) > 1
