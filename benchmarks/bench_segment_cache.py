"""Does the CLI's corpus cache (keyed by file content hash) pay? Re-reading against loading the kept corpus.

Run from the repository root::

    python benchmarks/bench_segment_cache.py                   # generated corpora of 1M and 10M words
    python benchmarks/bench_segment_cache.py --folder corpus/  # an existing corpus

Times :func:`kvaleval.read.cache.read_corpus_cached` (what ``kvaleval code --cache DIR``
uses) against ``read_corpus``: a hit costs a SHA-256 of every file (to know nothing
changed) plus loading the kept corpus; a miss costs ``read_corpus`` plus keeping it.
Each time but the miss is the best of three.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from danish_corpus import write_corpus  # noqa: E402

import kvaleval as kv  # noqa: E402
from kvaleval.read.cache import read_corpus_cached  # noqa: E402


def best(function: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def measure(folder: Path, work: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        read, corpus = best(lambda: kv.read_corpus(folder))
        cache = work / f"cache-{folder.name}"
        start = time.perf_counter()
        _, hit, _ = read_corpus_cached(folder, cache)  # a miss: read, then keep
        missed = time.perf_counter() - start
        assert not hit
        loaded, (kept, hit, _) = best(lambda: read_corpus_cached(folder, cache))
    size = sum(path.stat().st_size for path in cache.rglob("*") if path.is_file()) / 1e6
    same = kept.documents == corpus.documents and kept.segments.equals(corpus.segments)
    print(f"{folder}: {len(corpus.segments):,} segments")
    print(f"  read_corpus (read and segment again)            {read:6.2f} s")
    print(f"  read_corpus_cached, miss (read, then keep)      {missed:6.2f} s  ({size:.0f} MB kept)")
    print(f"  read_corpus_cached, hit (hash files, load)      {loaded:6.2f} s  (hit: {hit})")
    print(f"  a cache hit saves {read - loaded:.2f} s; the same corpus after the round trip: {same}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, help="an existing corpus folder")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 10_000_000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kvaleval-cache-") as tmp:
        work = Path(tmp)
        if args.folder:
            measure(args.folder, work)
            return
        for words in args.sizes:
            folder = work / f"corpus_{words}"
            write_corpus(folder, words, codebook=HERE.parent / "codebooks" / "vollsmose.yaml")
            measure(folder, work)


if __name__ == "__main__":
    main()
