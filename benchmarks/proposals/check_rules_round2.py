"""Compare ``NextRuleCoder`` (round two) with ``RuleCoder``: identical scores, and the time of each.

    python benchmarks/proposals/check_rules_round2.py [CORPUS ...] [--codebook PATH]

Default corpora: the demo corpus and the held-out corpus. Scores (evidence),
findings (terms, near cues, negations, valence) and the codings table must match
exactly; the script exits non-zero on any difference.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import numpy as np  # noqa: E402
from rules_round2 import NextRuleCoder  # noqa: E402

import kvaleval as kv  # noqa: E402
from kvaleval.coding import rule_codings  # noqa: E402
from kvaleval.coding.rules import RuleCoder  # noqa: E402


def _findings(scores) -> dict:  # type: ignore[no-untyped-def]
    return {key: (f.evidence, f.terms, f.near, f.negated, f.question, f.valence, f.valence_why)
            for key, f in scores.findings.items()}


def check(folder: Path, codebook: kv.Codebook) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = kv.read_corpus(folder)
    segments = corpus.segments
    respondents = segments[segments["speaker_role"] == "respondent"]
    texts = respondents["text"].tolist()
    questions = [q if isinstance(q, str) else None for q in respondents["question"]]
    words = sum(len(text.split()) for text in segments["text"])
    results = {}
    for name, cls in (("RuleCoder", RuleCoder), ("NextRuleCoder", NextRuleCoder)):
        coder = cls(codebook)
        start = time.perf_counter()
        scores = coder.score(texts, questions)
        seconds = time.perf_counter() - start
        codings = rule_codings(segments, codebook, coder=coder)
        results[name] = (scores, codings)
        print(f"  {name:15} {seconds:8.2f} s  {words / seconds:12,.0f} words/s  ({len(texts):,} segments)")
    (old, old_codings), (new, new_codings) = results["RuleCoder"], results["NextRuleCoder"]
    same = (np.array_equal(old.evidence, new.evidence) and _findings(old) == _findings(new)
            and old_codings.equals(new_codings))
    print(f"  identical scores, findings and codings: {same}")
    return same


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpora", nargs="*", type=Path,
                        default=[ROOT / "corpus", ROOT / "benchmarks" / "heldout" / "corpus"])
    parser.add_argument("--codebook", type=Path, default=ROOT / "codebooks" / "vollsmose.yaml")
    args = parser.parse_args()
    codebook = kv.read_codebook(args.codebook)
    ok = True
    for folder in args.corpora:
        print(folder)
        ok &= check(folder, codebook)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
