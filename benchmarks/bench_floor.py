"""How close to (a) any coder built like kvaleval's can get: the floor under c/a.

Times, in one process and one run, over a corpus that ``bench_coding.py --keep`` left:

- (a) read every file + ``str.split`` (as ``bench_coding.py``);
- (f) read every file, lower-case the text, and one pass of the codebook's compiled
  automaton over all of it, with the rule coder built first (codebook read and compiled).

(f) is less than any rule coder needs: no speaker turns, no segment table, no compound,
phrase, negation, valence or question work, no tables. The ratio a/f is therefore an
upper bound on the c/a that a coder matching the codebook's inflected forms in one
automaton can reach on this machine.

Run: ``python benchmarks/bench_coding.py --sizes 1000000 --stages a --keep --tmp /tmp/b``
then ``python benchmarks/bench_floor.py /tmp/b/kvaleval-bench-*/corpus_1000000``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import kvaleval as kv
from kvaleval.coding.matcher import code_points, letters_of, raw_hits, spaced_letters
from kvaleval.coding.rules import RuleCoder

ROOT = Path(__file__).resolve().parents[1]


def read_split(files: list[Path]) -> int:
    return sum(len(path.read_text(encoding="utf-8").split()) for path in files)


def floor(files: list[Path], codebook: Path) -> int:
    coder = RuleCoder(kv.read_codebook(codebook))
    text = "\n".join(path.read_text(encoding="utf-8") for path in files).lower()
    codes = code_points(text)
    return len(raw_hits(coder.matcher._spaced, spaced_letters(letters_of(codes), codes)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a corpus folder written by bench_coding.py --keep")
    parser.add_argument("--codebook", type=Path, default=ROOT / "codebooks" / "vollsmose.yaml")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    files = sorted(path for path in args.corpus.rglob("*") if path.suffix in (".txt", ".csv"))
    best = {"a": float("inf"), "f": float("inf")}
    for _ in range(args.repeats):
        for stage, run in (("a", lambda: read_split(files)), ("f", lambda: floor(files, args.codebook))):
            start = time.perf_counter()
            run()
            best[stage] = min(best[stage], time.perf_counter() - start)
    words = read_split(files)
    print(f"{words:,} words in {len(files)} files; best of {args.repeats}")
    print(f"  (a) read + str.split                          {best['a']:.3f} s")
    print(f"  (f) compile + read + lower + one automaton pass {best['f']:.3f} s")
    print(f"  a/f = {best['a'] / best['f']:.3f}: no coder built this way reaches c/a above it here "
          f"(target 0.125)")


if __name__ == "__main__":
    main()
