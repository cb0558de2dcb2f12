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

import contextlib
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterable, Sequence
from functools import cache
from hashlib import blake2b
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from kvaleval.danish import lemma_table

SCHEMA_VERSION = 2
"""2: the forms' hashes are stored as well (:meth:`IndexedLemmas.forms_among`)."""


class Lemmas(Protocol):
    def lemma(self, form: str) -> str | None: ...
    def lemmas_of(self, forms: Iterable[str]) -> dict[str, str]: ...
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

    def lemmas_of(self, forms: Iterable[str]) -> dict[str, str]:
        return {form: self.table[form] for form in forms if form in self.table}

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
    """The answers from the SQLite file (one connection per thread; read only).

    Which of many strings are forms (:meth:`forms_among`, asked for every new compound
    part of a corpus) is answered from a sorted array of the forms' 64-bit hashes stored
    in the file: a few microseconds fewer per string than a query. A string that is not a
    form is taken for one only if its hash equals a form's (odds about 1 in 3 * 10^13).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._hashes: np.ndarray | None = None

    def _query(self, sql: str, values: Sequence[str]) -> list[tuple[Any, ...]]:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True)
            self._local.connection = connection
        return connection.execute(sql, tuple(values)).fetchall()

    def lemma(self, form: str) -> str | None:
        found = self._query("SELECT lemma FROM forms WHERE form = ?", (form,))
        return found[0][0] if found else None

    def lemmas_of(self, forms: Iterable[str]) -> dict[str, str]:
        """The lemma of each of ``forms`` the table knows, in one query per 500 (SQLite's limit is 999)."""
        forms = sorted(set(forms))
        found: dict[str, str] = {}
        for first in range(0, len(forms), 500):
            chunk = forms[first : first + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self._query(f"SELECT form, lemma FROM forms WHERE form IN ({marks})", chunk))
        return found

    def forms(self, lemma: str) -> list[str]:
        return sorted(form for (form,) in self._query("SELECT form FROM forms WHERE lemma = ?", (lemma,)))

    def is_form(self, text: str) -> bool:
        return bool(self._query("SELECT 1 FROM forms WHERE form = ?", (text,)))

    def forms_among(self, texts: Iterable[str]) -> set[str]:
        texts = list(texts)
        if self._hashes is None:
            self._hashes = np.frombuffer(self._query("SELECT hashes FROM form_hashes", ())[0][0], dtype="<u8")
        if not texts or not len(self._hashes):
            return set()
        keys = form_hashes(texts)
        at = np.minimum(np.searchsorted(self._hashes, keys), len(self._hashes) - 1)
        return {text for text, known in zip(texts, (self._hashes[at] == keys).tolist(), strict=True) if known}

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
        for stale in folder.glob("da_lemmas-*.sqlite3"):  # built from another table or schema
            if stale != path:
                with contextlib.suppress(OSError):
                    stale.unlink()
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
            forms = [form for (form,) in connection.execute("SELECT form FROM forms")]
            connection.execute("CREATE TABLE form_hashes (hashes BLOB NOT NULL)")
            connection.execute("INSERT INTO form_hashes VALUES (?)", (np.sort(form_hashes(forms)).tobytes(),))
        connection.close()
        os.replace(temporary, path)  # another process building it at the same time writes the same file
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def form_hashes(texts: Sequence[str]) -> np.ndarray:
    """A stable 64-bit hash of each string (BLAKE2b of its UTF-8), as unsigned little-endian ints."""
    digests = b"".join(blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest() for text in texts)
    return np.frombuffer(digests, dtype="<u8")


def _source_key() -> str:
    """Which lemma table the index was built from: the data package's version and file size."""
    data = resources.files("spacy_lookups_data").joinpath("data", "da_lemma_lookup.json.gz")
    return f"{metadata.version('spacy-lookups-data')}-{len(data.read_bytes())}"
