"""The indexed lemma file answers exactly as the lemma table loaded as a dict does."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import kvaleval as kv
from kvaleval import lemmas as module
from kvaleval.coding import forms
from kvaleval.coding.matcher import split_phrase
from kvaleval.danish import lemma_table
from kvaleval.lemmas import IndexedLemmas, TableLemmas, build_index

DEMO_CODEBOOK = Path(__file__).resolve().parents[1] / "codebooks" / "vollsmose.yaml"


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> IndexedLemmas:
    path = tmp_path_factory.mktemp("cache") / "lemmas.sqlite3"
    build_index(path, lemma_table().items())
    return IndexedLemmas(path)


@pytest.fixture(scope="module")
def table() -> TableLemmas:
    return TableLemmas()


def _words() -> list[str]:
    codebook = kv.read_codebook(DEMO_CODEBOOK)
    words = {word for code in codebook.codes for term in code.terms for word, _ in split_phrase(term.text)}
    sample = random.Random(7).sample(sorted(lemma_table()), 2000)
    return sorted(words | set(sample) | {"", "xyzzy", "Familie", "æøå", "hjælp", "hjælpen", "borgere"})


def test_lemmas_index_answers_as_the_table(indexed: IndexedLemmas, table: TableLemmas) -> None:
    for word in _words():
        assert indexed.lemma(word) == table.lemma(word), word
        assert indexed.is_form(word) == table.is_form(word), word
        assert indexed.is_lemma(word) == table.is_lemma(word), word
        lemma = table.lemma(word) or word
        assert indexed.forms(lemma) == table.forms(lemma), lemma
    words = _words() * 2  # more than one query's worth, with repeats
    assert indexed.forms_among(words) == table.forms_among(words) == {word for word in words if word in lemma_table()}
    expected = {word: lemma_table()[word] for word in words if word in lemma_table()}
    assert len(set(words)) > 500 and len(expected) > 100
    assert indexed.lemmas_of(words) == table.lemmas_of(words) == expected


def test_lemmas_expand_forms_the_same_from_index_and_table(
    indexed: IndexedLemmas, table: TableLemmas, monkeypatch: pytest.MonkeyPatch
) -> None:
    codebook = kv.read_codebook(DEMO_CODEBOOK)
    words = {word for code in codebook.codes for term in code.terms for word, _ in split_phrase(term.text)}
    words |= {"borger", "hjælpe"}
    overrides = {**dict(codebook.lemmas), "hjælpen": "hjælpe", "borgerne": "borger"}
    found = []
    for source in (indexed, table):
        monkeypatch.setattr(module, "lemmas", lambda source=source: source)
        monkeypatch.setattr(forms, "lemmas", lambda source=source: source)
        module.forget_words()
        found.append(forms.expand_forms(words, overrides))
    module.forget_words()
    assert found[0] == found[1]
    assert {"borger", "borgere", "borgerne"} <= found[0]["borger"]
    assert "hjælpen" in found[0]["hjælpe"]  # the codebook gives it this lemma


def test_lemmas_unwritable_cache_falls_back_to_the_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "en fil"
    blocker.write_text("ikke en mappe", encoding="utf-8")
    monkeypatch.setenv("KVALEVAL_CACHE_DIR", str(blocker / "kvaleval"))
    module.lemmas.cache_clear()
    try:
        assert isinstance(module.lemmas(), TableLemmas)
    finally:
        module.lemmas.cache_clear()


def test_lemmas_index_is_built_whole_or_not_at_all(tmp_path: Path) -> None:
    def pairs():  # type: ignore[no-untyped-def]
        yield ("hus", "hus")
        raise OSError("disken er fuld")

    path = tmp_path / "cache" / "lemmas.sqlite3"
    with pytest.raises(OSError, match="disken er fuld"):
        build_index(path, pairs())
    assert not path.exists()
    assert list(path.parent.iterdir()) == []
    build_index(path, [("huset", "hus"), ("hus", "hus")])
    index = IndexedLemmas(path)
    assert index.forms("hus") == ["hus", "huset"]
    assert index.lemma("huset") == "hus" and index.lemma("bil") is None


def test_lemmas_index_built_in_the_configured_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KVALEVAL_CACHE_DIR", str(tmp_path / "mit cache"))
    stale = tmp_path / "mit cache" / "da_lemmas-0.9-123-v1.sqlite3"  # from an older version
    stale.parent.mkdir()
    stale.write_bytes(b"gammelt indeks")
    kept = tmp_path / "mit cache" / "noget andet.txt"
    kept.write_text("ikke vores", encoding="utf-8")
    module.lemmas.cache_clear()
    try:
        found = module.lemmas()
        assert isinstance(found, IndexedLemmas)
        assert found.path.parent == tmp_path / "mit cache"
        assert not stale.exists() and kept.exists()
        assert found.forms_among(["familievejledningen", "xyzzy"]) == {"familievejledningen"}
        assert found.lemma("familievejledningen") == lemma_table()["familievejledningen"]
    finally:
        module.lemmas.cache_clear()


def test_lemmas_coding_never_loads_the_table(tmp_path: Path) -> None:
    # The valence words' adjective forms once asked the 550,000-form dict: 0.7 s and 100 MB more per process.
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("I: Hvordan var det?\nB: Gode og venlige folk, men lang venteliste.\n",
                                    encoding="utf-8")
    script = (
        "import kvaleval as kv\n"
        "from kvaleval.danish import lemma_table\n"
        f"coded = kv.code(kv.read_corpus({str(tmp_path)!r}), kv.read_codebook({str(DEMO_CODEBOOK)!r}))\n"
        "coded.frequencies()\n"
        "assert len(coded.codings), 'nothing coded'\n"
        "print(lemma_table.cache_info().currsize)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "0"
