"""WebVTT and SRT: cues with voice tags (Teams), ``Name:`` prefixes (Zoom, SRT) or no speaker.

The document text is rendered as a readable transcript, one ``Speaker: text``
line per turn (consecutive cues of one speaker form one turn, cue line breaks
become spaces), and the turns are given as offsets into it. Cues without any
speaker become paragraphs, with a blank line where the talk pauses.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass

import webvtt
from webvtt import errors as webvtt_errors

from kvaleval.errors import CorpusError, Errors
from kvaleval.records import Turn
from kvaleval.segment.tags import is_role_label, looks_like_name

_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]*)>(.*?)(?:</v>|(?=<v[\s.])|$)", re.DOTALL)
_TAGS = re.compile(r"</?[a-zA-Z][^>]*>")
_PREFIX = re.compile(r"^\s*([^:\n]{1,60}?)\s*:\s+")
_PAUSE_SECONDS = 2.0


@dataclass(frozen=True, slots=True)
class Cue:
    speaker: str | None
    text: str
    start: str
    seconds: float
    end_seconds: float


def read_subtitles(text: str, *, fmt: str, shown: str) -> tuple[str, tuple[Turn, ...] | None]:
    """Parse decoded WebVTT/SRT text into document text and turns (None if no speakers)."""
    try:
        captions = webvtt.from_buffer(io.StringIO(text), format=fmt)
    except (webvtt_errors.MalformedFileError, webvtt_errors.MalformedCaptionError, ValueError) as err:
        raise CorpusError(
            Errors.E007.format(path=shown, kind=fmt.upper(), detail=str(err) or "malformed cue",
                               app="the transcription tool or a text editor")
        ) from err
    cues = [cue for caption in captions for cue in _cues(caption)]
    cues = [cue for cue in cues if cue.text]
    if not cues:
        raise CorpusError(Errors.E005.format(path=shown))
    if all(cue.speaker is None for cue in cues):
        return _paragraphs(cues), None
    return _render_turns(cues)


def _cues(caption: webvtt.Caption) -> list[Cue]:
    raw = caption.raw_text
    start, seconds, end = caption.start, _seconds(caption.start), _seconds(caption.end)
    voices = _VOICE.findall(raw)
    if voices:
        return [Cue(name.strip(), _clean(body), start, seconds, end) for name, body in voices]
    body = _clean(raw)
    prefix = _PREFIX.match(body)
    if prefix and (is_role_label(prefix[1]) or looks_like_name(prefix[1])):
        return [Cue(prefix[1].strip(), body[prefix.end():].strip(), start, seconds, end)]
    return [Cue(None, body, start, seconds, end)]


def _render_turns(cues: list[Cue]) -> tuple[str, tuple[Turn, ...]]:
    parts: list[str] = []
    turns: list[Turn] = []
    position = 0
    speaker: str | None = None
    for cue in cues:
        if cue.speaker is not None and cue.speaker != speaker or not turns:
            speaker = cue.speaker or speaker or "?"
            head = ("\n" if parts else "") + f"{speaker}: "
            parts.append(head)
            position += len(head)
            turns.append(Turn(speaker=speaker, start=position, end=position, time=cue.start))
        else:
            parts.append(" ")
            position += 1
        parts.append(cue.text)
        position += len(cue.text)
        last = turns[-1]
        turns[-1] = Turn(last.speaker, last.start, position, time=last.time)
    return "".join(parts) + "\n", tuple(turns)


def _paragraphs(cues: list[Cue]) -> str:
    parts = [cues[0].text]
    for previous, cue in zip(cues, cues[1:], strict=False):
        parts.append("\n\n" if cue.seconds - previous.end_seconds >= _PAUSE_SECONDS else "\n")
        parts.append(cue.text)
    return "".join(parts) + "\n"


def _clean(text: str) -> str:
    text = html.unescape(_TAGS.sub("", text))
    return " ".join(text.split())


def _seconds(stamp: str) -> float:
    parts = stamp.replace(",", ".").split(":")
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return total
