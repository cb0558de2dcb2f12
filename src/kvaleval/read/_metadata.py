"""metadata.csv: one row per corpus file, attribute columns for the segment table."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from kvaleval.errors import CorpusError, Errors
from kvaleval.read._text import decode_bytes

FILE_COLUMN = "file"


@dataclass
class Metadata:
    columns: list[str]
    rows: dict[str, dict[str, str]]
    duplicates: dict[str, int] = field(default_factory=dict)

    def lookup(self, relative: str) -> dict[str, str] | None:
        """The row for a file, matched by relative path, with or without its suffix."""
        key = normalise_path(relative)
        if key in self.rows:
            return self.rows[key]
        stem = key.rsplit(".", 1)[0] if "." in key.rsplit("/", 1)[-1] else key
        return self.rows.get(stem)


def normalise_path(path: str) -> str:
    return path.strip().replace("\\", "/").removeprefix("./")


def read_metadata(path: Path, *, shown: str) -> Metadata:
    """Read metadata.csv (UTF-8 or another encoding, ``,`` ``;`` or tab separated)."""
    try:
        decoded = decode_bytes(path.read_bytes(), path=shown)
    except OSError as err:
        raise CorpusError(Errors.E009.format(path=shown, detail=err)) from err
    first_line = decoded.text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    try:
        reader = csv.DictReader(io.StringIO(decoded.text), delimiter=delimiter)
        records = list(reader)
    except csv.Error as err:
        raise CorpusError(Errors.E009.format(path=shown, detail=err)) from err
    columns = [(name or "").strip() for name in (reader.fieldnames or [])]
    if FILE_COLUMN not in columns:
        raise CorpusError(Errors.E008.format(path=shown, columns=columns))
    rows: dict[str, dict[str, str]] = {}
    duplicates: dict[str, int] = {}
    for record in records:
        values = {(key or "").strip(): (value or "").strip() for key, value in record.items() if key}
        file = normalise_path(values.pop(FILE_COLUMN, ""))
        if not file:
            continue
        if file in rows:
            duplicates[file] = duplicates.get(file, 1) + 1
            continue
        rows[file] = values
    return Metadata([c for c in columns if c != FILE_COLUMN], rows, duplicates)
