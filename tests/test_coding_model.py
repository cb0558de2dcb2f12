"""The model coder: estimator contract, learning from human codings, union with rules, JSON refit, review queue."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone

import kvaleval as kv
from conftest import DEMO_CODEBOOK, DEMO_CORPUS, ROOT
from kvaleval.coding.model import ModelCoder
from kvaleval.errors import CodingError

GOLD = ROOT / "codings" / "demo_gold.csv"
pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="demo gold coding not present")


@pytest.fixture(scope="module")
def demo() -> tuple[kv.Corpus, kv.Codebook, pd.DataFrame]:
    corpus = kv.read_corpus(DEMO_CORPUS)
    codebook = kv.read_codebook(DEMO_CODEBOOK)
    gold = kv.read_codings(GOLD, segments=corpus.segments)
    return corpus, codebook, gold


@pytest.fixture(scope="module")
def split(demo: tuple[kv.Corpus, kv.Codebook, pd.DataFrame]) -> tuple[set[str], set[str]]:
    docs = sorted(demo[0].segments["doc_id"].unique())
    return set(docs[::2]), set(docs[1::2])


@pytest.fixture(scope="module")
def fitted(demo: tuple[kv.Corpus, kv.Codebook, pd.DataFrame], split: tuple[set[str], set[str]]) -> ModelCoder:
    corpus, codebook, gold = demo
    return ModelCoder(codebook).fit(corpus.segments, gold[gold["doc_id"].isin(split[0])])


def test_model_estimator_contract(demo: tuple[kv.Corpus, kv.Codebook, pd.DataFrame]) -> None:
    codebook = demo[1]
    model = ModelCoder(codebook, C=3.0, random_state=7)
    assert model.get_params()["C"] == 3.0 and model.get_params()["random_state"] == 7
    copy = clone(model)
    assert copy.get_params() == model.get_params() and not hasattr(copy, "estimators_")
    with pytest.raises(kv.CodingError, match="E301"):
        ModelCoder(codebook, combine="alt").fit(demo[0].segments, demo[2])
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError):
        model.predict(demo[0].segments)


def test_model_fit_returns_self_and_learns_units(fitted: ModelCoder, split: tuple[set[str], set[str]]) -> None:
    assert set(fitted.training_["doc_id"]) == split[0]
    assert fitted.codes_ == ["relevans", "kendskab", "civilsamfund", "kapacitet"]
    assert fitted.thresholds_.shape == (4,) and ((fitted.thresholds_ > 0) & (fitted.thresholds_ <= 1.01)).all()


def test_model_union_beats_rules_on_held_out_documents(
    demo: tuple[kv.Corpus, kv.Codebook, pd.DataFrame], split: tuple[set[str], set[str]], fitted: ModelCoder
) -> None:
    corpus, codebook, gold = demo
    test_docs = split[1]
    segments = corpus.segments[corpus.segments["doc_id"].isin(test_docs)].reset_index(drop=True)
    held = kv.Corpus(corpus.root, tuple(d for d in corpus.documents if d.doc_id in test_docs), segments)
    truth = gold[gold["doc_id"].isin(test_docs)]
    rules = kv.evaluate(kv.code(held, codebook), truth).set_index("code")
    both = kv.code(held, codebook, model=fitted)
    combined = kv.evaluate(both, truth).set_index("code")
    assert set(both.codings["coder"]) == {"rules", "model"}
    assert combined.loc["(makro)", "f1"] > rules.loc["(makro)", "f1"]
    # Every count counts a segment once per code, whoever coded it.
    frequencies = both.frequencies(by=None).set_index("code")
    union = both.codings.drop_duplicates(["segment_id", "code"]).groupby("code").size()
    assert all(frequencies.loc[c, "segments"] == union.get(c, 0) for c in codebook.names)


def test_model_deterministic_and_json_refit(fitted: ModelCoder, demo: tuple[kv.Corpus, kv.Codebook, pd.DataFrame],
                                            tmp_path: Path) -> None:
    corpus, codebook, _ = demo
    path = tmp_path / "model.json"
    fitted.to_json(path)
    assert b"pickle" not in path.read_bytes()[:200]
    again = ModelCoder.from_json(path, codebook=codebook)
    assert np.allclose(again.predict_proba(corpus.segments), fitted.predict_proba(corpus.segments))
    assert np.allclose(again.thresholds_, fitted.thresholds_)


def test_model_codings_columns_and_valence(
    fitted: ModelCoder, demo: tuple[kv.Corpus, kv.Codebook, pd.DataFrame]
) -> None:
    codings = fitted.codings(demo[0].segments)
    assert list(codings.columns) == ["segment_id", "doc_id", "code", "coder", "score", "valence", "why"]
    assert set(codings["coder"]) == {"model"}
    assert codings["score"].between(0, 1).all()
    assert set(codings["valence"]) <= {"positiv", "negativ", "blandet", ""}
    assert codings["why"].str.startswith("model: sandsynlighed").all()


def test_review_queue_ranks_untrained_segments(fitted: ModelCoder, demo: tuple[kv.Corpus, kv.Codebook, pd.DataFrame],
                                               tmp_path: Path) -> None:
    corpus, codebook, _ = demo
    coded = kv.code(corpus, codebook, model=fitted)
    sheet = tmp_path / "naeste.xlsx"
    queue = coded.review_queue(12, path=str(sheet))
    assert len(queue) == 12 and queue["priority"].is_monotonic_decreasing
    assert not set(queue["segment_id"]) & set(fitted.training_["segment_id"])
    assert sheet.is_file()
    assert kv.read_codings(sheet, coder="anne", segments=corpus.segments).empty
    with pytest.raises(kv.CodingError, match="E306"):
        kv.code(corpus, codebook).review_queue(5)
    # review on the training material itself: say why nothing is left, not "no respondent segments"
    trained = corpus.segments[corpus.segments["segment_id"].isin(fitted.training_["segment_id"])
                              | (corpus.segments["speaker_role"] != "respondent")]
    only_trained = kv.Corpus(corpus.root, corpus.documents, trained.reset_index(drop=True))
    with pytest.raises(kv.CodingError, match=r"E308.*allerede i modellens træningsdata"):
        kv.code(only_trained, codebook, model=fitted).review_queue(5)


def test_model_file_errors_are_clear(demo: tuple[kv.Corpus, kv.Codebook, pd.DataFrame], tmp_path: Path) -> None:
    _, codebook, _ = demo
    with pytest.raises(kv.CodingError, match=r"E307.*findes\.json.*filen eller mappen findes ikke"):
        ModelCoder.from_json(tmp_path / "findes.json", codebook=codebook)
    (tmp_path / "guld.csv").write_text("doc_id,turn_index,code\n", encoding="utf-8")
    with pytest.raises(kv.CodingError, match=r"E307.*ikke en modelfil"):
        ModelCoder.from_json(tmp_path / "guld.csv", codebook=codebook)
    with pytest.raises(kv.CodingError, match=r"E309.*kræver en trænet model"):
        kv.code(demo[0], codebook, method="both")


def test_model_from_json_loads_the_codebook_it_names(tiny_corpus: Path, small_codebook_path: Path,
                                                     tmp_path: Path) -> None:
    """Without codebook= the model was refit without its rule features and coded differently."""
    book_file = tmp_path / "kodebog.yaml"
    book_file.write_bytes(small_codebook_path.read_bytes())
    codebook = kv.read_codebook(book_file)
    segments = kv.read_corpus(tiny_corpus).segments
    gold = pd.DataFrame({"segment_id": ["borger01#1", "partner01#1", "survey#1"],
                         "doc_id": ["borger01", "partner01", "survey"],
                         "code": ["relevans", "kapacitet", "kapacitet"], "coder": "anne"})
    model = ModelCoder(codebook).fit(segments, gold, units="all")
    model.to_json(tmp_path / "m.json")
    loaded = ModelCoder.from_json(tmp_path / "m.json")
    assert loaded.codebook is not None and loaded.codebook.names == codebook.names
    assert np.allclose(loaded.predict_proba(segments), model.predict_proba(segments))
    book_file.write_text(book_file.read_text(encoding="utf-8") + "\n# rettet\n", encoding="utf-8")
    with pytest.raises(CodingError, match=r"\[E849\].*kodebog.yaml, som er ændret siden træningen"):
        ModelCoder.from_json(tmp_path / "m.json")
    book_file.unlink()
    with pytest.raises(CodingError, match=r"\[E849\].*som ikke findes"):
        ModelCoder.from_json(tmp_path / "m.json")
    given = ModelCoder.from_json(tmp_path / "m.json", codebook=codebook)  # given: used as it is
    assert np.allclose(given.predict_proba(segments), model.predict_proba(segments))


def test_recode_of_a_result_coded_with_a_model(fitted: ModelCoder, demo: tuple[kv.Corpus, kv.Codebook, pd.DataFrame]
                                               ) -> None:
    # recode passed method="both" on without the model and failed with E309.
    corpus, codebook, _ = demo
    both = kv.code(corpus, codebook, model=fitted)
    assert set(both.codings["coder"]) == {"rules", "model"}
    again = both.recode(codebook)
    pd.testing.assert_frame_equal(again.codings, kv.code(corpus, codebook).codings)
    with_model = both.recode(codebook, model=fitted)
    pd.testing.assert_frame_equal(with_model.codings, both.codings)
