"""A corpus kept on disk is the corpus read again; any changed file, option or damage reads again."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import kvaleval as kv
from kvaleval.errors import KvalevalWarning
from kvaleval.read.cache import load, read_corpus_cached, save

ROOT = Path(__file__).resolve().parents[1]
DEMO_CORPUS = ROOT / "corpus"


def same(a: kv.Corpus, b: kv.Corpus) -> bool:
    codings = (a.codings is None and b.codings is None) or (
        a.codings is not None and b.codings is not None and a.codings.equals(b.codings))
    return (a.root == b.root and a.documents == b.documents and a.segments.equals(b.segments)
            and (a.segments.dtypes == b.segments.dtypes).all() and a.skipped.equals(b.skipped)
            and a.notes.equals(b.notes) and codings)


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(DEMO_CORPUS, tmp_path / "korpus"))


def test_read_cache_gives_the_corpus_read_again(corpus_copy: Path, tmp_path: Path) -> None:
    """Every format of the demo corpus (docx, odt, vtt, srt, survey, txt): documents with turns,
    segments with their dtypes, skipped files and notes come back as read."""
    fresh = kv.read_corpus(corpus_copy)
    first, hit, _ = read_corpus_cached(corpus_copy, tmp_path / "cache")
    assert not hit and same(first, fresh)
    again, hit, _ = read_corpus_cached(corpus_copy, tmp_path / "cache")
    assert hit and same(again, fresh)
    assert len(list((tmp_path / "cache").iterdir())) == 1  # no temporary folder left


def test_read_cache_keeps_imported_codings_and_missing_values(tmp_path: Path) -> None:
    corpus = kv.read_corpus(DEMO_CORPUS)
    codings = pd.DataFrame({"segment_id": ["a#1", "b#2"], "code": ["relevans", None]})
    kept = dataclasses.replace(corpus, codings=codings)
    save(kept, tmp_path / "gemt")
    assert same(load(tmp_path / "gemt"), kept)


@pytest.mark.parametrize("change", ["edit", "add", "remove", "metadata"])
def test_read_cache_reads_again_when_a_file_changes(corpus_copy: Path, tmp_path: Path, change: str) -> None:
    read_corpus_cached(corpus_copy, tmp_path / "cache")
    text = sorted(corpus_copy.rglob("*.txt"))[0]
    if change == "edit":
        text.write_text(text.read_text(encoding="utf-8") + "\nB: Og så en ny sætning.\n", encoding="utf-8")
    elif change == "add":
        (corpus_copy / "ny.txt").write_text("I: Hvad synes du?\nB: Det er godt.\n", encoding="utf-8")
    elif change == "remove":
        text.unlink()
    else:
        metadata = corpus_copy / "metadata.csv"
        metadata.write_text(metadata.read_text(encoding="utf-8").replace(",borger,", ",bruger,", 1), encoding="utf-8")
    again, hit, _ = read_corpus_cached(corpus_copy, tmp_path / "cache")
    assert not hit and same(again, kv.read_corpus(corpus_copy))


def test_read_cache_reads_again_for_other_options(corpus_copy: Path, tmp_path: Path) -> None:
    read_corpus_cached(corpus_copy, tmp_path / "cache")
    _, hit, _ = read_corpus_cached(corpus_copy, tmp_path / "cache", interviewers=["Mette"])
    assert not hit


def test_read_cache_passes_the_file_limit_on(corpus_copy: Path, tmp_path: Path) -> None:
    """``max_bytes`` is read_corpus's: a lower limit skips the large files, and is another cache entry."""
    read_corpus_cached(corpus_copy, tmp_path / "cache")
    limit = 4_000
    with pytest.warns(KvalevalWarning, match="W001"):
        small, hit, _ = read_corpus_cached(corpus_copy, tmp_path / "cache", max_bytes=limit)
    with pytest.warns(KvalevalWarning, match="W001"):
        fresh = kv.read_corpus(corpus_copy, max_bytes=limit)
    assert not hit and same(small, fresh)
    assert 0 < len(small.skipped) < len(kv.read_corpus(corpus_copy).documents)
    again, hit, _ = read_corpus_cached(corpus_copy, tmp_path / "cache", max_bytes=limit)
    assert hit and same(again, small)


def test_read_cache_damaged_is_read_again_and_replaced(corpus_copy: Path, tmp_path: Path) -> None:
    read_corpus_cached(corpus_copy, tmp_path / "cache")
    (kept,) = (tmp_path / "cache").iterdir()
    (kept / "segments.parquet").write_bytes(b"ikke parquet")
    again, hit, _ = read_corpus_cached(corpus_copy, tmp_path / "cache")
    assert not hit and same(again, kv.read_corpus(corpus_copy))
    _, hit, _ = read_corpus_cached(corpus_copy, tmp_path / "cache")
    assert hit


def test_read_cache_unwritable_still_reads(corpus_copy: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "en fil"
    blocker.write_text("ikke en mappe", encoding="utf-8")
    corpus, hit, saved = read_corpus_cached(corpus_copy, blocker / "cache")
    assert not hit and not saved and same(corpus, kv.read_corpus(corpus_copy))  # the CLI had said "gemt i"


def test_cli_code_with_cache_codes_the_same(corpus_copy: Path, tmp_path: Path) -> None:
    """The second run takes the corpus from the cache and writes the same tables."""
    def run(out: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kvaleval", "code", str(corpus_copy), "--out", str(tmp_path / out),
             "--cache", str(tmp_path / "cache")],
            capture_output=True, text=True, encoding="utf-8", cwd=ROOT,
            env={**os.environ, "KVALEVAL_DATE": "2026-11-27"},
        )

    first, second = run("ud1"), run("ud2")
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert "gemt i" in first.stderr and "hentet fra" in second.stderr  # status lines go to stderr
    for table in sorted((tmp_path / "ud1" / "csv").iterdir()):
        assert table.read_bytes() == (tmp_path / "ud2" / "csv" / table.name).read_bytes(), table.name


def test_read_cache_two_copies_each_keep_their_own_folder(corpus_copy: Path, tmp_path: Path) -> None:
    # One entry serves both copies (the same files); the second copy had been given the first's folder.
    other = Path(shutil.copytree(corpus_copy, tmp_path / "kopi"))
    read_corpus_cached(corpus_copy, tmp_path / "cache")
    again, hit, _ = read_corpus_cached(other, tmp_path / "cache")
    assert hit and again.root == str(other)


def test_read_cache_forgets_the_entry_of_files_since_deleted(corpus_copy: Path, tmp_path: Path) -> None:
    # A deleted transcript (a respondent who withdrew) had stayed in the cache, text and all.
    read_corpus_cached(corpus_copy, tmp_path / "cache")
    gone = sorted(corpus_copy.rglob("*.txt"))[0]
    gone_id = gone.relative_to(corpus_copy).with_suffix("").as_posix()
    assert gone_id in {document.doc_id for document in kv.read_corpus(corpus_copy).documents}
    gone.unlink()
    read_corpus_cached(corpus_copy, tmp_path / "cache")
    entries = list((tmp_path / "cache").iterdir())
    assert len(entries) == 1
    assert gone_id not in {document.doc_id for document in load(entries[0]).documents}


def test_read_cache_inside_the_corpus_folder_is_hit(corpus_copy: Path) -> None:
    # A cache in a hidden folder of the corpus changed the corpus's own key: never a hit, one entry more a run.
    read_corpus_cached(corpus_copy, corpus_copy / ".kvcache")
    _, hit, _ = read_corpus_cached(corpus_copy, corpus_copy / ".kvcache")
    assert hit and len(list((corpus_copy / ".kvcache").iterdir())) == 1


def test_read_cache_key_changes_with_the_code_that_reads(corpus_copy: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # An editable install updated by git pull keeps its version number; the reader's code is in the key.
    from kvaleval.read import cache

    read_corpus_cached(corpus_copy, tmp_path / "cache")
    monkeypatch.setattr(cache, "code_digest", lambda: "a newer reader")
    _, hit, _ = read_corpus_cached(corpus_copy, tmp_path / "cache")
    assert not hit


def test_read_cache_key_changes_with_the_pdf_library(corpus_copy: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # A PDF's text is pypdf's: another version may set its lines apart otherwise, so it reads again.
    from kvaleval.read import cache

    read_corpus_cached(corpus_copy, tmp_path / "cache")
    versions = cache.reading_libraries()
    monkeypatch.setattr(cache, "reading_libraries", lambda: {**versions, "pypdf": "999.0"})
    _, hit, _ = read_corpus_cached(corpus_copy, tmp_path / "cache")
    assert not hit


@pytest.mark.parametrize("content", ["[1]", "null", '{"schema": 1, "root": "x"}', "{"])
def test_read_cache_damaged_description_is_read_again(corpus_copy: Path, tmp_path: Path, content: str) -> None:
    read_corpus_cached(corpus_copy, tmp_path / "cache")
    (next((tmp_path / "cache").iterdir()) / "corpus.json").write_text(content, encoding="utf-8")
    again, hit, saved = read_corpus_cached(corpus_copy, tmp_path / "cache")
    assert not hit and saved and same(again, kv.read_corpus(corpus_copy))

