"""How a coding's valence, score and reason travel in a selection's ``Description``.

A ``PlainTextSelection`` holds one ``Coding`` per code, and a ``Coding`` has no
text of its own, so kvaleval writes one block per code into the selection's
``Description`` — the field NVivo, ATLAS.ti and QualCoder show as the coding's
memo or comment::

    Kode: kapacitet
    Valens: negativ
    Score: 0.83
    Begrundelse: termer: ventetid, kapacitet

Blocks are separated by a blank line; ``Valens``, ``Score`` and
``Begrundelse`` are left out when empty. In the code, the valence and the reason
a newline is written as ``\\n``, a CR as ``\\r``, a backslash as ``\\\\`` and a
character XML cannot hold (a control character) as ``\\uXXXX``, so that each
field stays on one line and comes back exactly.
A description in any other form is another tool's memo and is read as the reason; and a
selection whose codings have no valence or score and one reason between them (a comment
written in another tool) gets that reason as it was written, so the other tool shows its own
comment again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kvaleval.refi._xml import XML_INVALID

CODE, VALENCE, SCORE, WHY = "Kode", "Valens", "Score", "Begrundelse"
_KEYS = (CODE, VALENCE, SCORE, WHY)


@dataclass(frozen=True, slots=True)
class CodingMemo:
    code: str
    valence: str | None
    score: float | None
    why: str | None


def format_memo(items: list[tuple[str, str | None, str | None, str | None]]) -> str:
    """Blocks for (code, valence, score as text, why); '' when only code names would be written."""
    if all(valence is None and score is None and why is None for _, valence, score, why in items):
        return ""
    reasons = {why for _, _, _, why in items}
    if all(valence is None and score is None for _, valence, score, _ in items) and len(reasons) == 1:
        (why,) = reasons
        if why and why == why.strip() and not _UNWRITABLE.search(why) \
                and parse_memo(why, [code for code, _, _, _ in items]) is None:
            return why
    blocks = []
    for code, valence, score, why in items:
        lines = [f"{CODE}: {_escape(code)}"]
        if valence:
            lines.append(f"{VALENCE}: {_escape(valence)}")
        if score is not None:
            lines.append(f"{SCORE}: {score}")
        if why:
            lines.append(f"{WHY}: {_escape(why)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def parse_memo(text: str, codes: list[str]) -> dict[str, CodingMemo] | None:
    """The blocks of a kvaleval memo by code, or None when ``text`` is not one for ``codes``."""
    text = text.replace("\r\n", "\n").strip("\n")
    if not text.startswith(f"{CODE}: "):
        return None
    found: dict[str, CodingMemo] = {}
    for block in text.split("\n\n"):
        fields: dict[str, str] = {}
        for line in block.split("\n"):
            key, separator, value = line.partition(": ")
            if not separator or key not in _KEYS or key in fields:
                return None
            fields[key] = value
        code = _unescape(fields[CODE]) if CODE in fields else None
        if code is None or code not in codes or code in found:
            return None
        try:
            score = float(fields[SCORE]) if SCORE in fields else None
        except ValueError:
            return None
        found[code] = CodingMemo(
            code,
            _unescape(fields[VALENCE]) if fields.get(VALENCE) else None,
            score,
            _unescape(fields[WHY]) if WHY in fields else None,
        )
    return found


_UNWRITABLE = re.compile(f"[\r{XML_INVALID}]")
"""What a comment written as it was cannot hold: XML 1.0 has no place for these, and reads a CR as a line
feed (such a comment is written as a ``Begrundelse:`` block, escaped, and comes back exactly)."""
_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r"}
# what XML 1.0 cannot hold (and a CR, which XML turns into a line feed on reading)
_UNSAFE = re.compile(f"[\\\\\n\r{XML_INVALID}]")
_ESCAPED = re.compile(r"\\(\\|n|r|u[0-9a-f]{4})")


def _escape(text: str) -> str:
    return _UNSAFE.sub(lambda match: _ESCAPES.get(match.group(), f"\\u{ord(match.group()):04x}"), text)


def _unescape(text: str) -> str:
    """Undo :func:`_escape`; a backslash before anything else is kept (older memos wrote only
    ``\\\\``, ``\\n`` and ``\\r``)."""
    return _ESCAPED.sub(lambda match: _UNESCAPES.get(match.group(1)) or chr(int(match.group(1)[1:], 16)), text)


_UNESCAPES = {"\\": "\\", "n": "\n", "r": "\r"}
