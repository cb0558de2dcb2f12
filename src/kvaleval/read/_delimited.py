"""Which character separates the columns of a CSV file (``,`` ``;`` tab or ``|``).

Danish Excel writes ``;``, most other tools ``,``. Counting separators on the
first line alone fails when a question header holds commas, so each candidate
is tried on the first rows and the one that gives the same number of columns
(more than one) on most rows wins.
"""

from __future__ import annotations

import csv
import io

DELIMITERS = (";", ",", "\t", "|")
NO_DELIMITER = "\x1f"
"""For a file whose header is one column: each line is one cell, commas and all."""
_SAMPLE_ROWS = 50


def sniff_delimiter(text: str) -> str:
    """The delimiter of the CSV ``text`` (its first part is enough).

    Parameters
    ----------
    text : str
        Decoded CSV text.

    Returns
    -------
    str
        One of ``DELIMITERS``, or ``NO_DELIMITER`` when the header line is one
        column whatever the delimiter (a survey of one question: splitting its
        answers at commas would cut them).
    """
    best = (-1.0, 0, 0)
    chosen = NO_DELIMITER
    for delimiter in DELIMITERS:
        lengths = _row_lengths(text, delimiter)
        if not lengths or lengths[0] < 2:
            continue
        consistent = sum(length == lengths[0] for length in lengths) / len(lengths)
        score = (consistent, lengths[0], -DELIMITERS.index(delimiter))
        if score > best:
            best, chosen = score, delimiter
    return chosen


def _row_lengths(text: str, delimiter: str) -> list[int]:
    reader = csv.reader(io.StringIO(text[:200_000]), delimiter=delimiter)
    lengths = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                lengths.append(len(row))
            if len(lengths) >= _SAMPLE_ROWS:
                break
    except csv.Error:
        pass
    if len(lengths) > 1 and len(text) > 200_000:
        lengths.pop()  # the sample may end inside the last row
    return lengths


def sniff_under_title(text: str, *, title_lines: int = 5) -> str:
    """As :func:`sniff_delimiter`, but a file whose first lines are a title of one cell
    (``Beboerundersøgelse 2024`` above ``ID;Alder;Hvad synes du?``) is sniffed below them:
    the rows there must all have the same number of columns, so a survey of one question
    whose answers hold commas stays one column."""
    delimiter = sniff_delimiter(text)
    if delimiter != NO_DELIMITER:
        return delimiter
    lines = text.split("\n", title_lines + 1)
    for skipped in range(1, min(title_lines, len(lines) - 1) + 1):
        if lines[skipped - 1].strip().endswith("?"):  # a question is a header, not a title
            break
        rest = "\n".join(lines[skipped:])
        for candidate in DELIMITERS:
            lengths = _row_lengths(rest, candidate)
            if len(lengths) >= 3 and lengths[0] >= 2 and all(length == lengths[0] for length in lengths):
                return candidate
    return NO_DELIMITER

