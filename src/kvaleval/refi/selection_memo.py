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
``Begrundelse`` are left out when empty. A newline inside the reason is written
as ``\\n`` (and a backslash as ``\\\\``) so that each field stays on one line.
A description in any other form is another tool's memo and is read as the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    blocks = []
    for code, valence, score, why in items:
        lines = [f"{CODE}: {code}"]
        if valence:
            lines.append(f"{VALENCE}: {valence}")
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
        code = fields.get(CODE)
        if code is None or code not in codes or code in found:
            return None
        try:
            score = float(fields[SCORE]) if SCORE in fields else None
        except ValueError:
            return None
        found[code] = CodingMemo(
            code,
            fields.get(VALENCE) or None,
            score,
            _unescape(fields[WHY]) if WHY in fields else None,
        )
    return found


def _escape(text: str) -> str:
    # XML turns a CR into a line feed on reading, so it is escaped too: the reason comes back whole
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")


def _unescape(text: str) -> str:
    out = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in "\\nr":
            out.append({"n": "\n", "r": "\r"}.get(text[index + 1], "\\"))
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)
