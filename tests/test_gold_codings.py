"""The human codings in the repository still point at the turns they were made on, and the coders agree."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import kvaleval as kv
from conftest import DEMO_CORPUS, ROOT

CASES = [
    (DEMO_CORPUS, ROOT / "codings" / "demo_gold.csv"),
    (DEMO_CORPUS, ROOT / "codings" / "demo_second.csv"),
    (ROOT / "benchmarks" / "heldout" / "corpus", ROOT / "benchmarks" / "heldout" / "gold.csv"),
]


@pytest.mark.parametrize(("corpus", "path"), CASES, ids=[p.name for _, p in CASES])
def test_gold_excerpts_match_their_turns(corpus: Path, path: Path) -> None:
    """A change in segmentation that moves turn indexes would silently corrupt every metric."""
    if not path.exists():
        pytest.skip(f"{path.name} not present")
    segments = kv.read_corpus(corpus).segments.set_index("segment_id")
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    for row in gold.itertuples():
        segment = f"{row.doc_id}#{row.turn_index}"
        assert segments.loc[segment, "speaker_role"] == "respondent", segment
        text = " ".join(segments.loc[segment, "text"].split())
        assert text.startswith(" ".join(row.excerpt.split())[:30]), (segment, row.excerpt, text[:40])


def test_gold_two_coders_agree_substantially() -> None:
    first, second = CASES[0][1], CASES[1][1]
    if not (first.exists() and second.exists()):
        pytest.skip("codings not present")
    corpus = kv.read_corpus(DEMO_CORPUS)
    a = kv.read_codings(first, segments=corpus.segments)
    b = kv.read_codings(second, segments=corpus.segments)
    docs = set(b["doc_id"])
    units = corpus.segments[corpus.segments["doc_id"].isin(docs)]
    respondent = corpus.segments["speaker_role"] == "respondent"
    assert (units["speaker_role"] == "respondent").sum() >= 0.25 * respondent.sum()
    table = kv.agreement(pd.concat([a[a["doc_id"].isin(docs)], b]), segments=units, n_boot=200).set_index("code")
    assert table.loc["(alle)", "cohen_kappa"] >= 0.75
