"""Read a user's ``pseudonyms.csv``: which name becomes which pseudonym."""

from __future__ import annotations

import csv
import io
from os import PathLike
from pathlib import Path

from kvaleval.errors import Errors, PrivacyError, Texts, Warnings, warn
from kvaleval.privacy.pseudonymiser import bracket

_ORIGINAL = ("original", "navn", "name")
_REPLACEMENT = ("replacement", "pseudonym", "erstatning")


def read_pseudonyms(path: str | PathLike[str]) -> dict[str, str]:
    """Read a CSV file that maps names to pseudonyms.

    The first line names the columns ``original`` and ``replacement`` (``navn`` and
    ``pseudonym`` are accepted too); other columns, such as a note, are ignored. The
    file is UTF-8 (with or without BOM; Excel's Windows-1252 is read too) and separated
    by ``,`` or ``;``. Empty lines and lines starting with ``#`` are skipped.
    Replacements get square brackets if they lack them (``borger 3`` -> ``[borger 3]``).

    Parameters
    ----------
    path
        The CSV file.

    Returns
    -------
    dict of str to str
        ``{original: replacement}`` in file order.

    Raises
    ------
    PrivacyError
        If the file is missing or unreadable, lacks the two columns, has a row without
        a name or replacement, or gives one name two different replacements; the
        message names the file and line.

    Examples
    --------
    A file with the lines ``original;replacement`` and ``Hanne;borger 3`` gives
    ``{"Hanne": "[borger 3]"}``.
    """
    path = Path(path)
    if not path.is_file():
        raise PrivacyError(Errors.E701.format(path=path))
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise PrivacyError(Errors.E702.format(path=path, detail=err)) from err
    text = _decode(raw, path)
    lines = text.splitlines()
    header_line = next((line for line in lines if line.strip()), "")
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, skipinitialspace=True)
    header: list[str] | None = None
    columns: tuple[int, int] = (0, 1)
    out: dict[str, str] = {}
    seen: dict[str, tuple[int, str, str]] = {}
    try:
        for row in reader:
            cells = [cell.strip() for cell in row]
            if not any(cells) or cells[0].startswith("#"):
                continue
            if header is None:
                header = cells
                columns = _columns(header, path)
                continue
            _add_row(cells, columns, reader.line_num, path, out, seen)
    except csv.Error as err:
        raise PrivacyError(Errors.E704.format(path=path, line=reader.line_num,
                                              problem=Texts.csv_invalid.format(error=err))) from err
    if header is None:
        raise PrivacyError(Errors.E703.format(path=path, columns=Texts.empty_file))
    return out


def _decode(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in raw:
        raise PrivacyError(Errors.E702.format(path=path, detail=Texts.looks_binary))
    return raw.decode("cp1252", errors="replace")


def _columns(header: list[str], path: Path) -> tuple[int, int]:
    folded = [cell.casefold() for cell in header]
    found = []
    for names in (_ORIGINAL, _REPLACEMENT):
        index = next((i for i, cell in enumerate(folded) if cell in names), None)
        if index is None:
            raise PrivacyError(Errors.E703.format(path=path, columns=", ".join(header)))
        found.append(index)
    return found[0], found[1]


def _add_row(
    cells: list[str],
    columns: tuple[int, int],
    line: int,
    path: Path,
    out: dict[str, str],
    seen: dict[str, tuple[int, str, str]],
) -> None:
    first, second = columns
    original = " ".join(cells[first].split()) if first < len(cells) else ""
    replacement = cells[second] if second < len(cells) else ""
    if not original:
        problem = Texts.name_empty
        raise PrivacyError(Errors.E704.format(path=path, line=line, problem=problem))
    if not replacement:
        problem = Texts.no_replacement.format(original=original)
        raise PrivacyError(Errors.E704.format(path=path, line=line, problem=problem))
    replacement = bracket(replacement)
    key = original.casefold()
    if key in seen:
        first_line, _, first_replacement = seen[key]
        if first_replacement != replacement:
            raise PrivacyError(Errors.E705.format(
                path=path, line=line, original=original, first=first_replacement,
                first_line=first_line, second=replacement))
        return
    seen[key] = (line, original, replacement)
    if sum(char.isalpha() for char in original) < 2:
        warn(Warnings.W701.format(path=path, line=line, original=original))
        return
    out[original] = replacement
