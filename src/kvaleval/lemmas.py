"""The Danish lemma table as an indexed file: what the rule coder asks of it, without loading it.

The coder asks a few thousand questions of the 550,000-form table (the lemma of a
term word, the forms of a lemma, is this compound part a Danish word?). Loading the
table as a dict costs about a second and 120 MB in every process that codes; an
SQLite file with an index on both columns answers the same questions in
microseconds. It is built once per machine from :func:`kvaleval.danish.lemma_table`
(so it holds exactly the same lower-cased pairs) into the user's cache folder:
``$KVALEVAL_CACHE_DIR``, else ``$XDG_CACHE_HOME/kvaleval``, else ``~/.cache/kvaleval``.
Where no cache folder can be written the dict is used instead, with the same answers.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Protocol

from kvaleval.danish import lemma_table

SCHEMA_VERSION = 1


class Lemmas(Protocol):
    def lemma(self, form: str) -> str | None: ...
    def forms(self, lemma: str) -> list[str]: ...
    def is_form(self, text: str) -> bool: ...
    def is_lemma(self, word: str) -> bool: ...
    def forms_among(self, texts: Iterable[str]) -> set[str]: ...


class TableLemmas:
    """The answers from the table loaded as a dict (the fallback, and the reference in tests)."""

    def __init__(self) -> None:
        self.table = lemma_table()
        self._by_lemma: dict[str, list[str]] | None = None
        self._lemmas: frozenset[str] | None = None

    def lemma(self, form: str) -> str | None:
        return self.table.get(form)

    def forms(self, lemma: str) -> list[str]:
        if self._by_lemma is None:
            by_lemma: dict[str, list[str]] = {}
            for form, its_lemma in self.table.items():
                by_lemma.setdefault(its_lemma, []).append(form)
            self._by_lemma = by_lemma
        return sorted(self._by_lemma.get(lemma, []))

    def is_form(self, text: str) -> bool:
        return text in self.table

    def forms_among(self, texts: Iterable[str]) -> set[str]:
        return {text for text in texts if text in self.table}

    def is_lemma(self, word: str) -> bool:
        if self._lemmas is None:
            self._lemmas = frozenset(self.table.values())
        return word in self._lemmas


class IndexedLemmas:
    """The answers from the SQLite file (one connection per thread; read only)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def _query(self, sql: str, values: Sequence[str]) -> list[tuple[str, ...]]:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True)
            self._local.connection = connection
        return connection.execute(sql, tuple(values)).fetchall()

    def lemma(self, form: str) -> str | None:
        found = self._query("SELECT lemma FROM forms WHERE form = ?", (form,))
        return found[0][0] if found else None

    def forms(self, lemma: str) -> list[str]:
        return sorted(form for (form,) in self._query("SELECT form FROM forms WHERE lemma = ?", (lemma,)))

    def is_form(self, text: str) -> bool:
        return bool(self._query("SELECT 1 FROM forms WHERE form = ?", (text,)))

    def forms_among(self, texts: Iterable[str]) -> set[str]:
        texts = list(texts)
        found: set[str] = set()
        for first in range(0, len(texts), 500):  # SQLite takes at most 999 parameters
            chunk = texts[first : first + 500]
            marks = ",".join("?" * len(chunk))
            found.update(form for (form,) in self._query(f"SELECT form FROM forms WHERE form IN ({marks})", chunk))
        return found

    def is_lemma(self, word: str) -> bool:
        return bool(self._query("SELECT 1 FROM forms WHERE lemma = ? LIMIT 1", (word,)))


@cache
def lemmas() -> Lemmas:
    """The lemma index of this machine, built on first use; the dict where it cannot be written."""
    folder = cache_folder()
    path = folder / f"da_lemmas-{_source_key()}-v{SCHEMA_VERSION}.sqlite3"
    if not path.exists():
        try:
            build_index(path, lemma_table().items())
        except OSError:
            return TableLemmas()
    return IndexedLemmas(path)


_KNOWN: dict[str, bool] = {}
MAX_KNOWN = 1 << 20


def is_word(text: str) -> bool:
    """Is the lower-cased ``text`` a form in the Danish lemma table? (Answers are remembered.)"""
    known = _KNOWN.get(text)
    if known is None:
        if len(_KNOWN) > MAX_KNOWN:
            _KNOWN.clear()
        known = _KNOWN[text] = lemmas().is_form(text)
    return known


def know_words(texts: Iterable[str]) -> None:
    """Look up many strings at once, so that :func:`is_word` answers them from memory."""
    missing = {text for text in texts if text not in _KNOWN}
    if missing:
        found = lemmas().forms_among(missing)
        _KNOWN.update((text, text in found) for text in missing)


def forget_words() -> None:
    """Drop the remembered answers (after the lemma source changes)."""
    _KNOWN.clear()


def cache_folder() -> Path:
    configured = os.environ.get("KVALEVAL_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kvaleval"


def build_index(path: Path, pairs: Iterable[tuple[str, str]]) -> None:
    """Write the (form, lemma) pairs to an indexed SQLite file at ``path``, whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        with connection:
            connection.execute("CREATE TABLE forms (form TEXT PRIMARY KEY, lemma TEXT NOT NULL) WITHOUT ROWID")
            connection.executemany("INSERT INTO forms VALUES (?, ?)", pairs)
            connection.execute("CREATE INDEX by_lemma ON forms (lemma)")
        connection.close()
        os.replace(temporary, path)  # another process building it at the same time writes the same file
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _source_key() -> str:
    """Which lemma table the index was built from: the data package's version and file size."""
    data = resources.files("spacy_lookups_data").joinpath("data", "da_lemma_lookup.json.gz")
    return f"{metadata.version('spacy-lookups-data')}-{len(data.read_bytes())}"
