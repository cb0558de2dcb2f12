"""Decode text files whatever Danish office software saved them as.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are certain. Anything else
is scored as Danish under the 8-bit code pages Danish files come in (cp1252,
the old DOS cp850, Mac Roman): charset-normalizer alone guesses cp1250 for
cp1252 Danish and turns æ into ć, so the letters æøå decide. A file that is
mostly UTF-8 with some cp1252 bytes (two files pasted together) is read as
UTF-8 with the stray bytes read as cp1252, so neither half turns into ``Ã¦``.

Files that are not text at all (a PNG, a PDF, a Word file renamed ``.txt``) are
recognised by their first bytes and refused with a message saying what they are.
"""

from __future__ import annotations

import codecs
import re
import threading
from dataclasses import dataclass

import charset_normalizer

from kvaleval.errors import CorpusError, Errors, Texts

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
_MIXED = "kvaleval-utf8-cp1252"
MIXED_ENCODING = "utf-8+cp1252"
"""The encoding reported for a file that is UTF-8 with stray cp1252 bytes."""

_SIGNATURES: tuple[tuple[bytes, int, str, str], ...] = (  # what the file is, what to do: names in Texts
    (b"\x89PNG\r\n\x1a\n", 0, "kind_png", "advice_not_transcript"),
    (b"\xff\xd8\xff", 0, "kind_jpeg", "advice_not_transcript"),
    (b"GIF87a", 0, "kind_gif", "advice_not_transcript"),
    (b"GIF89a", 0, "kind_gif", "advice_not_transcript"),
    (b"%PDF-", 0, "kind_pdf", "advice_pdf"),
    (b"PK\x03\x04", 0, "kind_zip", "advice_zip"),
    (b"PK\x05\x06", 0, "kind_empty_zip", "advice_not_transcript"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "old_office", "old_office_advice"),
    (b"{\\rtf", 0, "kind_rtf", "advice_rtf"),
    (b"\x1f\x8b", 0, "kind_gzip", "advice_unpack"),
    (b"7z\xbc\xaf\x27\x1c", 0, "kind_7z", "advice_unpack"),
    (b"Rar!\x1a\x07", 0, "kind_rar", "advice_unpack"),
    (b"ID3", 0, "kind_mp3", "advice_transcribe"),
    (b"RIFF", 0, "kind_riff", "advice_transcribe"),
    (b"OggS", 0, "kind_ogg", "advice_transcribe"),
    (b"fLaC", 0, "kind_flac", "advice_transcribe"),
    (b"ftyp", 4, "kind_mp4", "advice_transcribe"),
    (b"\x7fELF", 0, "kind_program", "advice_not_transcript"),
    (b"MZ", 0, "kind_windows_program", "advice_not_transcript"),
    (b"SQLite format 3\x00", 0, "kind_database", "advice_not_transcript"),
)
_CONTROL_SHARE_BINARY = 0.05


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, and how.

    Attributes
    ----------
    text : str
        The text, with LF line ends, no BOM and no NUL characters.
    encoding : str
        The encoding used (``utf-8+cp1252`` for a mixed file).
    certain : bool
        False when the encoding was guessed.
    nul_removed : int
        How many NUL characters were removed.
    mixed_bytes : int
        How many bytes of a mostly UTF-8 file were read as cp1252.
    repaired : int
        How many letters saved twice over (UTF-8 read as cp1252 and saved again: ``Ã¸``) were set right.
    """

    text: str
    encoding: str
    certain: bool
    nul_removed: int = 0
    mixed_bytes: int = 0
    repaired: int = 0


def decode_bytes(data: bytes, *, path: str) -> Decoded:
    """Decode ``data`` into text with LF line endings and no BOM.

    Parameters
    ----------
    data : bytes
        The whole file.
    path : str
        The file as shown in messages.

    Returns
    -------
    Decoded
        The text and the encoding used.

    Raises
    ------
    CorpusError
        If the bytes are empty (E005), are a known binary format (E018) or look
        binary (E006).
    """
    if not data.strip(b" \t\r\n\x00"):
        raise CorpusError(Errors.E005.format(path=path))
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            decoded = _finish(data[len(bom):].decode(encoding, errors="replace"), encoding, True)
            if not decoded.text.strip():
                raise CorpusError(Errors.E005.format(path=path))
            return decoded
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _finish(data.decode(utf16, errors="replace"), utf16, False)
    _refuse_known_binary(data, path)
    if _looks_binary(data):
        raise CorpusError(Errors.E006.format(path=path))
    try:
        return _finish(data.decode("utf-8"), "utf-8", True)
    except UnicodeDecodeError:
        pass
    stray = stray_bytes_in_utf8(data)
    if stray is not None:
        text = data.decode("utf-8", errors=_MIXED)
        return _finish(text, MIXED_ENCODING, False, mixed_bytes=stray)
    best = max(_EIGHT_BIT, key=lambda encoding: _danish_score(data, encoding))
    if _danish_score(data, best) <= 0 and "\ufffd" in data[:200_000].decode(best, "replace"):
        guess = charset_normalizer.from_bytes(data[:1_000_000]).best()
        if guess is not None and guess.encoding:
            best = guess.encoding
    return _finish(data.decode(best, errors="replace"), best, False)


def text_errors(encoding: str) -> str:
    """The ``errors=`` handler to stream a file in ``encoding`` (stray cp1252 bytes kept)."""
    return _MIXED if encoding in ("utf-8", MIXED_ENCODING) else "replace"


def stream_encoding(encoding: str) -> str:
    """The codec name to open a file with, for an encoding reported by :func:`decode_bytes`."""
    return "utf-8" if encoding == MIXED_ENCODING else encoding


def fallback_bytes() -> int:
    """How many bytes this thread has read as cp1252 inside UTF-8 so far (a stream's count is the
    difference before and after reading it)."""
    return getattr(_FALLBACKS, "n", 0)


_FALLBACKS = threading.local()


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 refused as cp1252 (undefined cp1252 bytes as latin-1)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    _FALLBACKS.n = fallback_bytes() + error.end - error.start
    bad = error.object[error.start : error.end]
    text = "".join(_cp1252_char(bad[i : i + 1]) for i in range(len(bad)))
    return text, error.end


def _cp1252_char(byte: bytes) -> str:
    try:
        return byte.decode("cp1252")
    except UnicodeDecodeError:
        return byte.decode("latin-1")


codecs.register_error(_MIXED, _cp1252_fallback)

COUNTED_REPLACE = "kvaleval-counted-replace"
"""An ``errors=`` handler like ``"replace"`` (U+FFFD) that counts what it replaced: :func:`replaced`."""
_REPLACED = threading.local()


def replaced() -> int:
    """How many byte sequences this thread has decoded as U+FFFD with :data:`COUNTED_REPLACE` so far."""
    return getattr(_REPLACED, "n", 0)


def _counted_replace(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    _REPLACED.n = replaced() + 1
    return "\ufffd", error.end


codecs.register_error(COUNTED_REPLACE, _counted_replace)


def stray_bytes_in_utf8(data: bytes) -> int | None:
    """How many bytes are invalid if the data is mostly UTF-8 (valid multi-byte letters), else None.

    Text written in an 8-bit code page hardly ever holds valid UTF-8 sequences by
    accident, so one valid non-ASCII UTF-8 letter and a minority of invalid bytes
    mean a mixed file.
    """
    valid = 0
    invalid = 0
    position = 0
    while position < len(data):
        try:
            chunk = data[position:].decode("utf-8")
        except UnicodeDecodeError as err:
            chunk = data[position : position + err.start].decode("utf-8")
            invalid += err.end - err.start
            position += err.end
        else:
            position = len(data)
        valid += sum(1 for character in chunk if ord(character) > 0x7F)
        if invalid > 10_000 and invalid > valid:
            return None
    if valid and valid >= invalid / 4:
        return invalid
    return None


def _finish(text: str, encoding: str, certain: bool, *, mixed_bytes: int = 0) -> Decoded:
    text = text.removeprefix("\ufeff")
    nul = text.count("\x00")
    if nul:
        text = text.replace("\x00", "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, repaired = without_mojibake(text)
    return Decoded(text=text, encoding=encoding, certain=certain, nul_removed=nul,
                   mixed_bytes=mixed_bytes, repaired=repaired)


_MOJIBAKE = {
    "Ã¦": "æ", "Ã¸": "ø", "Ã¥": "å", "Ã†": "Æ", "Ã˜": "Ø", "Ã…": "Å", "Ã©": "é", "Ã¨": "è", "Ã¼": "ü",
    "Ã¶": "ö", "Ã¤": "ä", "Ã–": "Ö", "Ãœ": "Ü", "â€“": "–", "â€”": "—", "â€œ": "“", "â€™": "’", "â€˜": "‘",
    "â€¦": "…", "â‚¬": "€",
}
_MOJIBAKE_DANISH = re.compile("Ã[¦¸¥†˜…]")
_MOJIBAKE_ANY = re.compile("|".join(map(re.escape, _MOJIBAKE)))


def without_mojibake(text: str) -> tuple[str, int]:
    """``text`` with UTF-8 that was read as cp1252 and saved again set right (``bÃ¸rnene`` -> ``børnene``,
    as a survey export opened in Excel and saved as CSV comes out), and how many were. Only in a text with
    such a Danish letter (``Ã¸`` is in no Danish word): read as it was, no coding rule found ``børn`` in it."""
    if "Ã" not in text or not _MOJIBAKE_DANISH.search(text):
        return text, 0
    return repair_mojibake(text)


def repair_mojibake(text: str) -> tuple[str, int]:
    """``text`` with every letter saved twice over set right (of a file found to have them), and how many."""
    return _MOJIBAKE_ANY.subn(lambda match: _MOJIBAKE[match.group()], text)


_LAYOUT = {"\u2028": "\n", "\u2029": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n",
           "\u200b": None, "\u2060": None, "\ufeff": None, "\u00ad": None}
_LAYOUT_TABLE = str.maketrans(_LAYOUT)


def normalise_layout(text: str) -> str:
    """A transcript's line breaks as LF and its invisible characters taken out.

    Text pasted from Word or a web page breaks lines with a vertical tab (Word's soft
    break), a form feed (a page break) or the Unicode line and paragraph separators,
    and may hold zero-width spaces, word joiners, soft hyphens or a byte order mark
    where two files were joined. A speaker tag after any of them is a tag, and a word
    with one inside is the word (``familie\u00advejledning``), so they are made
    line breaks or taken out before the text is segmented.
    """
    if not any(char in text for char in _LAYOUT):
        return text
    return text.translate(_LAYOUT_TABLE)


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


def _refuse_known_binary(data: bytes, path: str) -> None:
    for signature, offset, kind, advice in _SIGNATURES:
        if data[offset : offset + len(signature)] == signature:
            raise CorpusError(Errors.E018.format(path=path, kind=getattr(Texts, kind), advice=getattr(Texts, advice)))


def _looks_binary(data: bytes) -> bool:
    """Control characters other than NUL in more than 5 % of the first 8,000 bytes: not text.

    NUL bytes are not counted: a text file padded with NULs (after a crash, or by
    a buggy export) is read with the NULs removed and a note.
    """
    sample = data[:64_000].replace(b"\x00", b"")[:8000] if b"\x00" in data[:64_000] else data[:8000]
    if not sample:
        sample = data.replace(b"\x00", b"")[:8000]
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return control / max(len(sample), 1) > _CONTROL_SHARE_BINARY


_CONTROL_BYTES = bytes([*range(1, 9), *range(14, 32)])
"""Control bytes other than NUL, tab, line ends and form feed (NUL is taken out before counting)."""


def _danish_score(data: bytes, encoding: str) -> int:
    text = data[:200_000].decode(encoding, errors="replace")
    return len(_DANISH_LETTERS.findall(text)) - 4 * len(_UNLIKELY.findall(text)) - 4 * text.count(
        "\ufffd"
    )
