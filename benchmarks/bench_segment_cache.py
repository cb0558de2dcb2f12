"""Would a segment cache keyed by file content hash pay for the CLI? Re-reading against loading Parquet.

Run from the repository root::

    python benchmarks/bench_segment_cache.py                   # generated corpora of 1M and 10M words
    python benchmarks/bench_segment_cache.py --folder corpus/  # an existing corpus

A cache hit costs a SHA-256 of every file (to know nothing changed) plus reading the
segment and document tables from Parquet; a miss costs ``read_corpus``. Each time is
the best of three.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from danish_corpus import write_corpus  # noqa: E402

import kvaleval as kv  # noqa: E402


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
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    hashed, _ = best(lambda: [hashlib.sha256(path.read_bytes()).hexdigest() for path in files])
    documents = pd.DataFrame(
        [(d.doc_id, d.path, d.format, d.text, d.encoding, d.sha256) for d in corpus.documents],
        columns=["doc_id", "path", "format", "text", "encoding", "sha256"],
    )
    start = time.perf_counter()
    corpus.segments.to_parquet(work / "segments.parquet", index=False)
    documents.to_parquet(work / "documents.parquet", index=False)
    written = time.perf_counter() - start
    loaded, (segments, _) = best(
        lambda: (pd.read_parquet(work / "segments.parquet"), pd.read_parquet(work / "documents.parquet"))
    )
    size = sum((work / name).stat().st_size for name in ("segments.parquet", "documents.parquet")) / 1e6
    print(f"{folder}: {len(corpus.segments):,} segments")
    print(f"  read_corpus (read and segment again)     {read:6.2f} s")
    print(f"  cache check: SHA-256 of every file       {hashed:6.2f} s")
    print(f"  cache load: segments + documents Parquet {loaded:6.2f} s  ({size:.0f} MB, written in {written:.2f} s)")
    print(f"  a cache hit saves {read - hashed - loaded:.2f} s; "
          f"same segment table after the round trip: {segments.equals(corpus.segments)}")


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
