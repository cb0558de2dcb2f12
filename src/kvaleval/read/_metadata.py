"""metadata.csv: one row per corpus file, attribute columns for the segment table.

Paths are matched after Unicode normalisation (NFC; macOS writes file names
decomposed, Excel composed), with ``\\`` as ``/``, with or without the suffix,
and, when that finds nothing, case-insensitively if only one row fits.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kvaleval.errors import CorpusError, Errors, KvalevalError, Texts, Warnings, os_error
from kvaleval.read._delimited import sniff_delimiter
from kvaleval.read._text import decode_bytes
from kvaleval.records import GROUP_COLUMN, group_alias

FILE_COLUMN = "file"
FILE_NAMES = (FILE_COLUMN, "fil", "filnavn", "filename", "dokument", "document")
"""Names the file column goes by (compared case-folded; the first present is the file column)."""
MAX_BYTES = 20 * 1024 * 1024


@dataclass
class Metadata:
    """The rows of metadata.csv by normalised path.

    Attributes
    ----------
    columns : list of str
        The attribute columns (without ``file``).
    rows : dict
        Normalised path -> attribute values.
    duplicates : dict
        Normalised path -> number of identical rows found for it.
    notes : list of str
        Problems that did not stop the read (rows without a file name).
    """

    columns: list[str]
    rows: dict[str, dict[str, str]]
    duplicates: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def key(self, relative: str) -> str | None:
        """The row key that belongs to a file, or None."""
        key = normalise_path(relative)
        stem = key.rsplit(".", 1)[0] if "." in key.rsplit("/", 1)[-1] else key
        for candidate in (key, stem):
            if candidate in self.rows:
                return candidate
        folded = [row for row in self.rows if row.casefold() in (key.casefold(), stem.casefold())]
        return folded[0] if len(folded) == 1 else None

    def under(self, folder: str) -> Metadata:
        """The table of a sub-folder's metadata.csv, its files named from the corpus folder."""
        prefix = normalise_path(folder).rstrip("/") + "/"
        return Metadata(self.columns, {prefix + key: values for key, values in self.rows.items()},
                        {prefix + key: count for key, count in self.duplicates.items()}, self.notes)

    def merged(self, other: Metadata, *, shown: str) -> Metadata:
        """Both tables' rows and columns (a column missing from a row is empty).

        Raises
        ------
        CorpusError
            E016 if the two give one file different values.
        """
        columns = [*self.columns, *(column for column in other.columns if column not in self.columns)]
        conflicts = [key for key in other.rows if key in self.rows and self.rows[key] != other.rows[key]]
        if conflicts:
            raise CorpusError(Errors.E016.format(path=Texts.metadata_and.format(path=shown),
                                                 files=", ".join(conflicts)))
        rows = {key: {column: values.get(column, "") for column in columns}
                for key, values in {**self.rows, **other.rows}.items()}
        return Metadata(columns, rows, {**self.duplicates, **other.duplicates}, [])

    def lookup(self, relative: str) -> dict[str, str] | None:
        """The row for a file, matched by relative path, with or without its suffix."""
        key = self.key(relative)
        return None if key is None else self.rows[key]


def normalise_path(path: str) -> str:
    """A path as written in metadata.csv or found on disk, in one comparable form."""
    path = unicodedata.normalize("NFC", path.strip().replace("\\", "/"))
    while path.startswith("./"):
        path = path[2:]
    return path


def read_metadata(path: Path, *, shown: str) -> Metadata:
    """Read metadata.csv (UTF-8 or another encoding, ``,`` ``;`` tab or ``|`` separated).

    Raises
    ------
    CorpusError
        E008 without a ``file`` column, E009 when the file cannot be read as a
        table, E016 for two rows with different values for one file.
    """
    try:
        if path.stat().st_size > MAX_BYTES:
            raise CorpusError(
                Errors.E009.format(path=shown, detail=Texts.metadata_too_large)
            )
        decoded = decode_bytes(path.read_bytes(), path=shown)
    except OSError as err:
        raise CorpusError(Errors.E009.format(path=shown, detail=os_error(err))) from err
    except CorpusError as err:
        if "[E009]" in str(err):
            raise
        raise CorpusError(Errors.E009.format(path=shown, detail=_reason(err, shown))) from err
    delimiter = sniff_delimiter(decoded.text)
    try:
        reader = csv.reader(io.StringIO(decoded.text), delimiter=delimiter)
        records = list(reader)
    except csv.Error as err:
        detail = Texts.line_detail.format(line=reader.line_num, detail=err)
        raise CorpusError(Errors.E009.format(path=shown, detail=detail)) from err
    header = [(name or "").strip() for name in (records[0] if records else [])]
    lowered = [name.casefold() for name in header]
    file_name = next((name for name in FILE_NAMES if name in lowered), None)
    if file_name is None:
        raise CorpusError(Errors.E008.format(path=shown, columns=header))
    file_index = lowered.index(file_name)
    columns = [name for i, name in enumerate(header) if i != file_index]
    rows: dict[str, dict[str, str]] = {}
    duplicates: dict[str, int] = {}
    conflicts: list[str] = []
    first_row: dict[str, int] = {}
    notes: list[str] = []
    for line, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        cells = [cell.strip() for cell in record] + [""] * (len(header) - len(record))
        file = normalise_path(cells[file_index])
        if not file:
            notes.append(Warnings.W018.format(line=line))
            continue
        values = {name: cells[i] for i, name in enumerate(header) if i != file_index and name}
        if file in rows:
            if rows[file] != values and not any(conflict.startswith(f"{file} (") for conflict in conflicts):
                conflicts.append(Texts.rows_pair.format(file=file, first=first_row[file], second=line))
            duplicates[file] = duplicates.get(file, 1) + 1
            continue
        rows[file] = values
        first_row[file] = line
    if conflicts:
        raise CorpusError(Errors.E016.format(path=shown, files=", ".join(conflicts)))
    group = group_alias(columns)
    if group is not None:
        columns.append(GROUP_COLUMN)
        for values in rows.values():
            values[GROUP_COLUMN] = values.get(group, "")
        notes.append(Warnings.W029.format(path=shown, column=group))
    return Metadata(columns, rows, duplicates, notes)


def _reason(err: KvalevalError, shown: str) -> str:
    """The first sentence of a decoding error, without its code and with 'the file' for the name."""
    text = str(err)
    if text.startswith("[E") and "] " in text:
        text = text.split("] ", 1)[1]
    if text.startswith(shown):
        text = Texts.the_file + text[len(shown):]
    return text.split(". ", 1)[0].removesuffix(".")
