"""Decode text files whatever Danish office software saved them as.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are certain. Anything else
is scored as Danish under the 8-bit code pages Danish files come in (cp1252,
the old DOS cp850, Mac Roman): charset-normalizer alone guesses cp1250 for
cp1252 Danish and turns æ into ć, so the letters æøå decide.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

from kvaleval.errors import CorpusError, Errors

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DANISH_LETTERS = re.compile("[æøåÆØÅé]")
# Characters that appear in mis-decoded Danish but hardly ever in real text.
_UNLIKELY = re.compile("[\x80-\x9f\u0100-\u017f\u2500-\u25ff¤¦¨¬¯±²³´µ¶¸¹º¼½¾¿ÃÂ÷ƒ†‡‰ˆ˜]")
_EIGHT_BIT = ("cp1252", "cp850", "mac_roman")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    certain: bool
    nul_removed: int = 0


def decode_bytes(data: bytes, *, path: str) -> Decoded:
    """Decode ``data`` into text with LF line endings and no BOM.

    Raises
    ------
    CorpusError
        If the bytes are empty or look binary.
    """
    if not data.strip(b" \t\r\n\x00"):
        raise CorpusError(Errors.E005.format(path=path))
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _finish(data[len(bom):].decode(encoding, errors="replace"), encoding, True)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _finish(data.decode(utf16, errors="replace"), utf16, False)
    if _looks_binary(data):
        raise CorpusError(Errors.E006.format(path=path))
    try:
        return _finish(data.decode("utf-8"), "utf-8", True)
    except UnicodeDecodeError:
        pass
    best = max(_EIGHT_BIT, key=lambda encoding: _danish_score(data, encoding))
    if _danish_score(data, best) <= 0 and "\ufffd" in data[:200_000].decode(best, "replace"):
        guess = charset_normalizer.from_bytes(data[:1_000_000]).best()
        if guess is not None and guess.encoding:
            best = guess.encoding
    return _finish(data.decode(best, errors="replace"), best, False)


def _finish(text: str, encoding: str, certain: bool) -> Decoded:
    text = text.removeprefix("\ufeff")
    nul = text.count("\x00")
    if nul:
        text = text.replace("\x00", "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text=text, encoding=encoding, certain=certain, nul_removed=nul)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8000]
    if sample.count(0) > 0:
        return True
    control = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return control / max(len(sample), 1) > 0.05


def _danish_score(data: bytes, encoding: str) -> int:
    text = data[:200_000].decode(encoding, errors="replace")
    return len(_DANISH_LETTERS.findall(text)) - 4 * len(_UNLIKELY.findall(text)) - 4 * text.count(
        "\ufffd"
    )
