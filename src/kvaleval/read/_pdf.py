"""PDF documents: a transcript or an e-mail answer that Word or a transcription bureau saved as PDF.

The text of each page in reading order (as pypdf gives it), without what the page layout adds and
speech never has: the header and footer repeated on the pages, page numbers, words hyphenated at a
line's end, and the line breaks inside a paragraph. What is left reads as the same transcript saved
as .txt, one paragraph (or speaker turn) a line.
"""

from __future__ import annotations

import contextlib
import logging
import math
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from kvaleval.errors import CorpusError, Errors, Texts, Warnings, shorten
from kvaleval.read._plain import without_line_numbers
from kvaleval.segment.tags import (
    BRACKET_LINE,
    DASH_LINE,
    HEADER_LINE,
    STAMPED_LINE,
    TAG_LINE,
    TIME_LINE,
    is_role_label,
)

_EDGE = 3
"""Lines at the top and at the bottom of a page where a header, a footer or a page number stands."""
_PAGE_NUMBER = re.compile(
    r"(?i)^(?:(?:side|page|s\.)[ \t]*)?[-–—]?[ \t]*\d{1,4}[ \t]*(?:(?:af|of|/)[ \t]*\d{1,4})?[ \t]*[-–—]?$")
"""A page number alone on its line: ``2``, ``- 2 -``, ``Side 2 af 7``, ``Page 2 of 7``, ``2/7``."""
_HYPHEN_END = re.compile(r"(?<=[^\W\d_])[-\u00ad\u2010]$")
_SUSPENDED = ("og", "eller", "samt", "and", "or")
"""``over- og underretning``: a hyphen before one of these ends a word that is left open on purpose."""
_KEEP_HYPHEN = ("ikke",)
"""Lower-case words written with a hyphen in Danish (``ikke-vestlige``)."""
_LIST_MARKS = ("-", "–", "—", "•", "*", "·", "[", "(")
_FULL_LINE = 0.75
"""A line at least this share of the page's text width is full: the paragraph goes on on the next line."""


def read_pdf(path: Path, *, shown: str, notes: list[str]) -> str:
    """The text of a PDF, one paragraph (or speaker turn) a line; notes on pages without text and on
    the headers, footers and page numbers taken out.

    Raises
    ------
    CorpusError
        E029 when no page holds text (a scanned PDF), E030 when it is encrypted and cannot be opened,
        E007 when it is damaged.
    """
    pages = _page_texts(path, shown)
    empty = [number for number, text in enumerate(pages, start=1) if not text.strip()]
    if len(empty) == len(pages):
        raise CorpusError(Errors.E029.format(path=shown, pages=len(pages)))
    if empty:
        listed = ", ".join(map(str, empty[:20])) + (" ..." if len(empty) > 20 else "")
        notes.append(Warnings.W042.format(path=shown, n=len(empty), pages=len(pages), listed=listed))
    lines, removed = page_lines([text for text in pages if text.strip()])
    if not lines:  # a scanner's stamp or a page number on every page, and no text beside it
        raise CorpusError(Errors.E029.format(path=shown, pages=len(pages)))
    if removed:
        words = sorted({line for line in removed if not _PAGE_NUMBER.match(line)}, key=removed.index)
        shown_lines = (words or removed)[:2]
        excerpt = ", ".join(f'"{shorten(line, 60)}"' for line in shown_lines)
        notes.append(Warnings.W043.format(path=shown, n=len(removed), excerpt=excerpt))
    # a transcript numbered line by line: the numbers are no text, and keep a wrapped turn's lines apart
    lines = [line for line in without_line_numbers("\n".join(lines)).split("\n") if line.strip()]
    return join_lines(lines)


def _page_texts(path: Path, shown: str) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        with _quiet():
            reader = PdfReader(path)
            # pypdf opens a PDF that has only an owner's password (no copying, no printing) by itself
            if reader.is_encrypted and not reader.decrypt(""):
                raise CorpusError(Errors.E030.format(path=shown, detail=Texts.pdf_password))
            return [page.extract_text() or "" for page in reader.pages]
    except CorpusError:
        raise
    except FileNotDecryptedError as err:
        raise CorpusError(Errors.E030.format(path=shown, detail=Texts.pdf_password)) from err
    except DependencyError as err:
        raise CorpusError(Errors.E030.format(path=shown, detail=Texts.pdf_aes)) from err
    except (PdfReadError, ValueError, LookupError, TypeError, AttributeError, ArithmeticError, RuntimeError,
            AssertionError, EOFError) as err:  # what pypdf raises on a damaged file, as its own message
        detail = str(err)[:200] or type(err).__name__
        raise CorpusError(Errors.E007.format(path=shown, kind="PDF", detail=detail, app=Texts.app_pdf)) from err


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """pypdf logs and warns about what it mends in a damaged file ("EOF marker not found"); the
    file's read is reported as kvaleval reports every file, so that goes unsaid."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _key(line: str) -> str:
    """A line as it repeats from page to page: the page's number in it may change."""
    return re.sub(r"\d+", "#", " ".join(line.split())).casefold()


def _label(line: str) -> str | None:
    tag = TAG_LINE.match(line)
    return tag.group("label").casefold() if tag else None


def page_lines(pages: list[str]) -> tuple[list[str], list[str]]:
    """The lines of the pages in order, and the lines taken out as the pages' layout.

    A header or footer is a line at the top or bottom of at least half of the pages (two at least),
    and nowhere else, and not a speaker's turn (its tag tags other lines too); a page number is a
    line like ``Side 2 af 7`` or ``- 2 -`` there. Only lines at the very edge of a page go, one after
    the other, so a line of speech between them stays.
    """
    split = [[line.strip() for line in page.splitlines() if line.strip()] for page in pages]
    edges: Counter[str] = Counter()
    inner: set[str] = set()
    for lines in split:
        edges.update({_key(line) for line in lines[:_EDGE] + lines[-_EDGE:]})
        inner.update(_key(line) for line in lines[_EDGE:-_EDGE])
    need = max(2, math.ceil(len(split) / 2))
    repeated = {key for key, count in edges.items() if count >= need} - inner
    # "B: Ja." first on most pages is an answer: a line tagged with a label that tags other lines too
    speakers = {_label(line) for lines in split for line in lines if _key(line) not in repeated} - {None}

    def layout(line: str) -> bool:
        if _PAGE_NUMBER.match(line):
            return True
        alone = HEADER_LINE.match(line)  # "Interviewer" alone, its turn on the next line: first on many pages
        return _key(line) in repeated and _label(line) not in speakers and not (alone and is_role_label(alone["label"]))

    kept: list[str] = []
    removed: list[str] = []
    for lines in split:
        start, end = 0, len(lines)
        while start < min(_EDGE, end) and layout(lines[start]):
            start += 1
        while end > max(start, len(lines) - _EDGE) and layout(lines[end - 1]):
            end -= 1
        removed += lines[:start] + lines[end:]
        kept += lines[start:end]
    return kept, removed


def join_lines(lines: list[str]) -> str:
    """The lines with the breaks a page's width made taken out: a word hyphenated at a line's end is
    one word again (``familie-`` ``vejledningen``; ``SSP-`` ``mødet`` keeps its hyphen), and a line
    that goes on from a full line, or starts in lower case, goes on the same line. A line that starts a
    speaker's turn, a list item or a note, a time, or a speaker's name alone (twice or more) stays on its
    own."""
    width = _text_width(lines)
    # a speaker's name alone on its line, the turn on the next (``Interviewer``, ``Taler 1 00:03:12``)
    counts = Counter(lines)
    labels = {line for line, count in counts.items()
              if count >= 2 and HEADER_LINE.match(line) and not line.endswith((".", ",", "?", "!", ";"))}
    out: list[str] = []
    for index, line in enumerate(lines):
        if out and line not in labels and not _starts_turn(line):
            previous = out[-1]
            if _HYPHEN_END.search(previous) and line[0].isalnum():
                out[-1] = _rejoined(previous, line)
                continue
            if line[0].islower() or (width and len(lines[index - 1]) >= _FULL_LINE * width):  # the line as set
                out[-1] = f"{previous} {line}"
                continue
        out.append(line)
    return "\n".join(out) + "\n" if out else ""


def _text_width(lines: list[str]) -> int | None:
    """How many characters a full line holds (the 90th percentile); None for too little text to say."""
    lengths = sorted(len(line) for line in lines)
    if len(lengths) < 3:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    return width if width >= 40 else None


def _starts_turn(line: str) -> bool:
    """A tagged turn, a list item, a note, or a line of a time only or a name and a time."""
    return (line.startswith(_LIST_MARKS) or _PAGE_NUMBER.match(line) is not None
            or any(pattern.match(line) for pattern in (TAG_LINE, BRACKET_LINE, DASH_LINE, TIME_LINE, STAMPED_LINE)))


def _rejoined(previous: str, line: str) -> str:
    """Two lines where the first ends in a hyphen, as the words were before the line broke."""
    if previous.endswith("\u00ad"):  # a soft hyphen is where a word may break, never part of it
        return previous[:-1] + line
    word = previous[:-1].split()[-1].lstrip("\"'“”«»(")
    first = line.split()[0].casefold()
    if not line[0].islower():
        return previous + line  # SSP-Mødet, covid-19
    if first in _SUSPENDED:
        return f"{previous} {line}"  # over- og underretning
    if len(word) >= 3 and word.isalpha() and word[1:].islower() and word.casefold() not in _KEEP_HYPHEN:
        return previous[:-1] + line  # familie-vejledningen: hyphenated to fit the line
    return previous + line  # SSP-mødet, it-systemet, ikke-vestlige
