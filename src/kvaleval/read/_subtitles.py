"""WebVTT and SRT: cues with voice tags (Teams), ``Name:`` prefixes (Zoom, SRT) or no speaker.

The document text is rendered as a readable transcript, one ``Speaker: text``
line per turn (consecutive cues of one speaker form one turn, cue line breaks
become spaces, styling such as ``<i>`` and ``{\\an8}`` is dropped), and the turns
are given as offsets into it. Cues without any speaker become paragraphs, with a
blank line where the talk pauses.
"""

from __future__ import annotations

import html
import io
import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace

import webvtt
from webvtt import errors as webvtt_errors

from kvaleval.danish import DISCOURSE_WORDS
from kvaleval.errors import CorpusError, Errors, Texts, Warnings
from kvaleval.records import Turn
from kvaleval.segment.tags import (
    CUE_TIME,
    REPLY_SPEAKERS,
    TagCandidate,
    accept_tags,
    bracket_speaker,
    clean_label,
    is_role_label,
    label_key,
)

_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]*)>(.*?)(?:</v>|(?=<v[\s.])|$)", re.DOTALL)
_TAGS = re.compile(r"</?[a-zA-Z][^>]*>")
_OVERRIDES = re.compile(r"\{\\[^{}]*\}")  # SSA/ASS overrides in SRT: {\an8}, {\i1}, {\pos(10,20)}
_PREFIX = re.compile(r"^\s*(?:([^:\n]{1,60}?)\s*:|(\[[^\]:\n]{1,60}\]))\s+")
"""``Name: text``, or ``[Name] text`` (WhisperX without a colon)."""
_PAUSE_SECONDS = 2.0
UNKNOWN_SPEAKER = "ukendt taler"
"""The speaker of cues before the first cue that names one."""


@dataclass(frozen=True, slots=True)
class Cue:
    speaker: str | None
    text: str
    start: str | None
    seconds: float
    end_seconds: float
    voiced: bool = False
    change: bool = False  # opened by ``>>``: a new speaker, as TV captions and live captioning mark one


def read_subtitles(text: str, *, fmt: str, shown: str,
                   notes: list[str] | None = None) -> tuple[str, tuple[Turn, ...] | None]:
    """Parse decoded WebVTT/SRT text into document text and turns (None if no speakers).

    A ``Name:`` prefix counts as a speaker only when it would count as a speaker
    tag in a transcript (see :func:`kvaleval.segment.tags.accept_tags`): a role
    label, a name given as a voice tag, or a name-like label that is not a
    discourse word (``Altså:``) or an ordinary word used once.

    Raises
    ------
    CorpusError
        If the file is not valid WebVTT/SRT (E007) or has no cue text (E005).
    """
    text = _regular_layout(_regular_timings(text, fmt=fmt, shown=shown), fmt=fmt)
    try:
        captions = webvtt.from_buffer(io.StringIO(text), format=fmt)
    except (webvtt_errors.MalformedFileError, webvtt_errors.MalformedCaptionError,
            ValueError) as err:
        raise CorpusError(
            Errors.E007.format(path=shown, kind=fmt.upper(), detail=str(err) or Texts.cue_malformed,
                               app=Texts.app_subtitles)
        ) from err
    timings = len(_TIMING_LINE.findall(text))
    if len(captions.captions) != timings:  # webvtt-py leaves out a cue it cannot read, silently
        detail = Texts.cues_unreadable.format(bad=timings - len(captions.captions), total=timings)
        raise CorpusError(Errors.E007.format(path=shown, kind=fmt.upper(), detail=detail,
                                             app=Texts.app_subtitles))
    cues = [cue for caption in captions.captions for cue in _cues(caption)]
    if _WORD_TIMING.search(text):
        cues = _without_rolling_lines(cues, captions.captions)
    cues = _split_at_changes(cues)  # after the lines rolled up again are gone: they repeat the marks too
    cues = _accept_prefixes([cue for cue in cues if cue.text])
    if not cues:
        raise CorpusError(Errors.E005.format(path=shown))
    if any(cue.change for cue in cues):
        cues, alternating = _speaker_changes(cues)
        if alternating and notes is not None:
            notes.append(Warnings.W044.format(path=shown))
    if all(cue.speaker is None for cue in cues):
        return _paragraphs(cues), None
    return render_turns(cues)


_WORD_TIMING = re.compile(r"<\d{1,2}:\d{2}(?::\d{2})?\.\d{3}>")
"""A time inside a cue's text (``hvordan<00:00:00.500><c> har</c>``): word timings, as YouTube's
automatic captions and karaoke-style exports write them."""


def _without_rolling_lines(cues: list[Cue], captions: list[webvtt.Caption]) -> list[Cue]:
    """Word-timed captions repeat each line in the next cue or two, as the text rolls up; a line
    the previous cue showed is not said again. Only for unvoiced cues, one per caption."""
    if len(cues) != len(captions) or any(cue.voiced for cue in cues):
        return cues
    kept: list[Cue] = []
    shown: list[str] = []
    for cue, caption in zip(cues, captions, strict=True):
        lines = [_clean(line) for line in caption.raw_text.split("\n")]
        fresh = [line for line in lines if line and line not in shown]
        shown = [line for line in lines if line]
        kept.append(replace(cue, text=" ".join(fresh)))
    return kept


def _cues(caption: webvtt.Caption) -> list[Cue]:
    raw = caption.raw_text
    start, seconds, end = caption.start, _seconds(caption.start), _seconds(caption.end)
    voices = list(_VOICE.finditer(raw))
    if voices:
        # Text outside the voice tags is said too: before the first, it goes on with the last cue's speaker;
        # after a voice's </v> (a line the tag did not span), it is that voice's still. It was left out.
        before = _clean(raw[: voices[0].start()])
        cues = [Cue(None, before, start, seconds, end)] if before else []
        for index, voice in enumerate(voices):
            after = raw[voice.end(): voices[index + 1].start() if index + 1 < len(voices) else len(raw)]
            cues.append(Cue(" ".join(html.unescape(voice[1]).split()) or None,
                            _clean(voice[2] + " " + after), start, seconds, end, voiced=True))
        return cues
    lines = [_clean(line) for line in raw.split("\n") if _clean(line)]
    if len(lines) > 1 and all(_REPLY.match(line) for line in lines):
        # Dialogue dashes: one line per voice; the document text keeps them as lines of their own.
        return [Cue(None, line, start, seconds, end) for line in lines]
    return [Cue(None, _clean(raw), start, seconds, end)]


_CHANGE = re.compile(r"(?:^|\s)>{2,3}(?=\s|$|[^\W\d_])")
"""``>>`` (``>>>`` for a new story): the speaker changes, in broadcast captions and live captioning."""


def _split_at_changes(cues: list[Cue]) -> list[Cue]:
    """``>> Ja, det synes jeg``: each ``>>`` opens a new speaker's words, also inside a line.

    In a voice tag (``<v Jens>>> Det går godt. >> Ja.</v>``, live captions in a Teams file) a ``>>``
    first is the voice's own start; one later is someone else's words, whom the tag does not name."""
    if not any(_CHANGE.search(cue.text) for cue in cues):
        return cues
    result = []
    for cue in cues:
        if not _CHANGE.search(cue.text):
            result.append(cue)
            continue
        first, *changed = [part.strip() for part in _CHANGE.split(cue.text)]
        if cue.voiced and not first and changed:
            first = changed.pop(0)
        if first:
            result.append(replace(cue, text=first))
        result += [replace(cue, speaker=None, text=part, change=True, voiced=False) for part in changed if part]
    return result


def _speaker_changes(cues: list[Cue]) -> tuple[list[Cue], bool]:
    """Speakers for cues whose changes of speaker are marked ``>>``, and whether they were given by turns.

    With no names in the file the voices are two taking turns, ``Taler 1`` and ``Taler 2`` (as dashed
    replies are; W044); a cue without ``>>`` is the last speaker's still. Where names are given
    (``>> MARIA: ...``), a change without a name is an unknown speaker's, not the last one's.
    """
    if any(cue.speaker for cue in cues):
        return [replace(cue, speaker=UNKNOWN_SPEAKER) if cue.change and not cue.speaker else cue
                for cue in cues], False
    voice = 0
    result = []
    for index, cue in enumerate(cues):
        voice += cue.change and index > 0
        result.append(replace(cue, speaker=REPLY_SPEAKERS[voice % 2]))
    return result, True


_REPLY = re.compile(r"[–—-][ \t]+\S")
"""A subtitle line that opens a reply with a dash (two voices in one cue)."""


def _accept_prefixes(cues: list[Cue]) -> list[Cue]:
    """Split ``Name: text`` cues whose prefix is a speaker in this file."""
    candidates: list[TagCandidate] = []
    prefixes: dict[int, re.Match[str]] = {}
    for index, cue in enumerate(cues):
        if cue.voiced:
            continue
        prefix = _PREFIX.match(cue.text)
        if prefix:
            prefixes[index] = prefix
            candidates.append(TagCandidate(index, prefix.end(), prefix[1] or prefix[2], None, prefix[1] is not None))
    brackets = Counter(label_key(candidate.label) for candidate in candidates if not candidate.has_colon)
    candidates = [candidate for candidate in candidates if candidate.has_colon or is_role_label(candidate.label)
                  or bracket_speaker(candidate.label, brackets[label_key(candidate.label)])]
    voices = {cue.speaker for cue in cues if cue.voiced and cue.speaker}
    accepted = {candidate.line_start for candidate in accept_tags(candidates, speakers=voices)}
    accepted |= _display_names(candidates, accepted)
    result = []
    for index, cue in enumerate(cues):
        prefix = prefixes.get(index)
        if prefix is not None and index in accepted:
            body = cue.text[prefix.end():].strip()
            if body:
                speaker = clean_label(prefix[1] or prefix[2])
                result.append(replace(cue, speaker=speaker, text=body))
            continue
        result.append(cue)
    return result


_CONTACT_LABEL = re.compile(r"\+?\d[\d ]{6,}\d|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
"""A participant shown by phone number or e-mail address."""


def _display_names(candidates: list[TagCandidate], accepted: set[int]) -> set[int]:
    """Zoom labels cues with the participant's display name, which need not look like a name
    (``Karens iPhone:``, ``Mettes MacBook Pro:``, ``+45 20 12 34 56:``, ``karen@mail.dk:``): a
    capitalised label of a few words, a phone number or an e-mail address that begins two or more
    cues is a speaker too, next to another speaker."""
    counts = Counter(clean_label(candidate.label) for candidate in candidates)
    labels = {label for label, count in counts.items() if count > 1 and (_CONTACT_LABEL.fullmatch(label) or (
        label[:1].isupper() and len(label.split()) <= 4 and label.split()[0].casefold() not in DISCOURSE_WORDS))}
    found = {candidate.line_start for candidate in candidates if clean_label(candidate.label) in labels}
    speakers = {clean_label(c.label) for c in candidates if c.line_start in accepted | found}
    return found if len(speakers) >= 2 else set()


def render_turns(cues: list[Cue]) -> tuple[str, tuple[Turn, ...]]:
    """The cues as ``Taler: tekst`` lines, a turn per run of one speaker's cues (a cue without a
    speaker continues the last one's turn); also a transcript exported as a table."""
    parts: list[str] = []
    turns: list[Turn] = []
    position = 0
    speaker: str | None = None
    for cue in cues:
        if (cue.speaker is not None and cue.speaker != speaker) or not turns:
            speaker = cue.speaker or speaker or UNKNOWN_SPEAKER
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
    for previous, cue in itertools.pairwise(cues):
        parts.append("\n\n" if cue.seconds - previous.end_seconds >= _PAUSE_SECONDS else "\n")
        parts.append(cue.text)
    return "".join(parts) + "\n"


_TIMING_LINE = re.compile(r"^[ \t]*[\w:.,]*\d[\w:.,]*[ \t]*-->.*$", re.MULTILINE)
"""A cue timing line, readable or not (its first token holds a digit; "fra A --> B" is text)."""
_TIMING = re.compile(rf"^[ \t]*(?P<start>{CUE_TIME})[ \t]*-->[ \t]*(?P<end>{CUE_TIME}(?![\d:.,]))?(?P<rest>.*)$")


def _regular_layout(text: str, *, fmt: str) -> str:
    """The cues laid out as the parser wants them: a WebVTT file without its ``WEBVTT`` first line
    gets one, and an SRT file without cue numbers (or without blank lines between cues, as some
    tools and hands write them) gets both; a cue is never dropped for its layout."""
    lines = text.split("\n")
    timing = [bool(_TIMING_LINE.match(line)) for line in lines]
    if not any(timing):
        return text
    if fmt == "vtt":
        return text if text.lstrip("\ufeff \t\r\n").startswith("WEBVTT") else "WEBVTT\n\n" + text
    out: list[str] = []
    number = 0
    for line, is_timing in zip(lines, timing, strict=True):
        if is_timing:
            number += 1
            numbered = bool(out) and out[-1].strip().isdigit()
            if numbered:
                out.pop()
            while out and not out[-1].strip():
                out.pop()
            out += ([""] if out else []) + [str(number), line]
        else:
            out.append(line)
    return "\n".join(out)


def _regular_timings(text: str, *, fmt: str, shown: str) -> str:
    """The text with every cue timing written as the parser wants it (``00:00:04,000 --> ...``).

    Tools write ``00:00:04 --> 00:00:06`` (no milliseconds) or ``0:00:04.5``; a broken end time
    (``--> 00:00:0``) is taken to be the start, so the cue is kept. A timing line whose start
    cannot be read is an error (E007) naming the line: the cue is not dropped in silence.
    """
    mark = "," if fmt == "srt" else "."
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if "-->" not in line or not _TIMING_LINE.match(line):
            continue
        match = _TIMING.match(line)
        if match is None:
            raise CorpusError(Errors.E007.format(
                path=shown, kind=fmt.upper(), app=Texts.app_subtitles,
                detail=Texts.cue_timing.format(line=number, timing=repr(line.strip()[:60]))))
        start = _regular_time(match["start"], mark)
        end = _regular_time(match["end"], mark) if match["end"] else start
        lines[number - 1] = f"{start} --> {end}{match['rest'] if fmt == 'vtt' else ''}"
    return "\n".join(lines)


def _regular_time(stamp: str, mark: str) -> str:
    """``0:00:04.5`` -> ``00:00:04,500`` (``mark`` before the milliseconds)."""
    clock, _, fraction = stamp.replace(",", ".").partition(".")
    parts = [int(part) for part in clock.split(":")]
    hours, minutes, seconds = ([0] * (3 - len(parts)) + parts)[-3:]
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{mark}{(fraction + '000')[:3]}"


def _clean(text: str) -> str:
    text = html.unescape(_OVERRIDES.sub("", _TAGS.sub("", _WORD_TIMING.sub("", text))))
    return " ".join(text.split())


def _seconds(stamp: str) -> float:
    parts = stamp.replace(",", ".").split(":")
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return total
