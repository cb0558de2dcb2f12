"""RTF documents (WordPad, older Word, some transcription tools): plain text, a paragraph a line."""

from __future__ import annotations

import codecs
import re
from collections import Counter
from pathlib import Path

from kvaleval.errors import CorpusError, Errors, Texts
from kvaleval.read._plain import MAX_BYTES

_CODE_PAGE = re.compile(rb"\\ansicpg(\d{3,5})")
_CHARSETS = ((rb"\mac", "mac_roman"), (rb"\pca", "cp850"), (rb"\pc", "cp437"))
"""The character sets an RTF header can name besides ``\\ansi`` (Windows, cp1252 unless ``\\ansicpgN``)."""


def read_rtf(path: Path, *, shown: str, notes: list[str], max_bytes: int = MAX_BYTES) -> str:
    """The text of an RTF file, with æøå as the file's code page and ``\\u`` escapes give them.

    Raises
    ------
    CorpusError
        E015 above ``max_bytes``; E007 when the file is not RTF.
    """
    from striprtf.striprtf import rtf_to_text

    size = path.stat().st_size
    if size > max_bytes:
        raise CorpusError(Errors.E015.format(path=shown, size=size // (1024 * 1024), limit=max_bytes // (1024 * 1024)))
    data = path.read_bytes()
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        raise CorpusError(Errors.E007.format(path=shown, kind="RTF", detail=Texts.rtf_not_rtf, app=Texts.app_rtf))
    encoding = _encoding(data[:4000])
    # RTF is 7-bit: letters beyond ASCII are \'e6 escapes in the code page (striprtf decodes them
    # with ``encoding``) or \u230? escapes; a byte above 127 written as it is belongs to the code page too.
    source = _bold_marked(data.decode(encoding, errors="replace"))
    text = rtf_to_text(source, encoding=encoding, errors="replace")
    text = _bold_leads(text.replace("\r\n", "\n").replace("\r", "\n"))
    return _with_tables(text, shown, notes)


_BOLD_ON, _BOLD_OFF = "\ue000", "\ue001"
_TOKEN = re.compile(r"\\([a-zA-Z]+)(-?\d+)? ?|\\.|[{}]|[^\\{}]+", re.DOTALL)


def _bold_marked(source: str) -> str:
    """The RTF with a private-use character where bold starts and ends (``\\b``, ``\\b0``, ``\\plain``,
    the end of a ``{\\b ...}`` group), which striprtf keeps as text, so the bold words first in a
    paragraph can be found in its output."""
    out: list[str] = []
    bold = False
    stack: list[bool] = []
    for token in _TOKEN.finditer(source):
        word, value = token.group(1), token.group(2)
        now = bold
        if token.group() == "{":
            stack.append(bold)
        elif token.group() == "}":
            now = stack.pop() if stack else False
        elif word == "b":
            now = value != "0"
        elif word == "plain":
            now = False
        out.append(token.group())
        if now != bold:  # after a group's end too: the group may be one striprtf leaves out
            out.append(_BOLD_ON if now else _BOLD_OFF)
        bold = now
    return "".join(out)


def _bold_leads(text: str) -> str:
    """The text without the bold marks, with ``label:`` where a transcript marks its speakers by a bold
    name first in the paragraph and no colon (as the .docx reader reads them)."""
    if _BOLD_ON not in text:
        return text
    from kvaleval.read._office import _tag_bold_leads

    lines = text.split("\n")
    leads: dict[int, str] = {}
    for index, line in enumerate(lines):
        stripped = line.lstrip()
        if stripped.startswith(_BOLD_ON) and _BOLD_OFF in stripped:
            lead = stripped[1 : stripped.index(_BOLD_OFF)].replace(_BOLD_ON, "").strip()
            if lead:
                leads[index] = lead
        lines[index] = line.replace(_BOLD_ON, "").replace(_BOLD_OFF, "")
    _tag_bold_leads(lines, leads)
    return "\n".join(lines)


def _with_tables(text: str, shown: str, notes: list[str]) -> str:
    """striprtf ends a table's cells with ``|`` and its rows with a line break (``I|Hvordan var det?|``);
    the rows are read as a Word table's are: a short first cell is the speaker (``I: Hvordan var det?``),
    a header row of column names is layout, and a column of comments is left out (W030)."""
    if "|\n" not in text and not text.endswith("|"):
        return text
    from kvaleval.read._office import _comment_note, _table_lines

    lines: list[str] = []
    rows: list[list[str]] = []
    comments: Counter[str] = Counter()
    for line in [*text.split("\n"), ""]:
        if line.endswith("|"):
            rows.append(line[:-1].split("|"))
            continue
        if rows:
            lines.extend(_table_lines(rows, comments))
            rows = []
        lines.append(line)
    _comment_note(comments, shown, notes)
    return "\n".join(lines[:-1])


def _encoding(header: bytes) -> str:
    found = _CODE_PAGE.search(header)
    if found:
        name = f"cp{int(found.group(1))}"
        try:
            codecs.lookup(name)
        except LookupError:
            return "cp1252"
        return name
    header = header.split(b"{\\fonttbl", 1)[0]
    return next((encoding for word, encoding in _CHARSETS if re.search(re.escape(word) + rb"(?![a-z])", header)),
                "cp1252")
