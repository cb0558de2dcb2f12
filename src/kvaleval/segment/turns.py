"""Document text -> speaker turns (offsets into the text), or paragraphs when untagged."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable

from kvaleval.records import INTERVIEWER, RESPONDENT, Turn
from kvaleval.segment.tags import (
    TIME_MARK,
    TagCandidate,
    accept_tags,
    clean_label,
    is_interviewer_label,
    is_role_label,
    label_key,
    line_time,
    looks_like_name,
    named_speaker,
    role_in_name,
    stated_role,
    tag_candidates,
    time_lines,
)

PARAGRAPH_SPEAKER = "respondent"
"""The speaker of a document without speaker tags (one respondent's text)."""

_BLANK_LINE = re.compile(r"\n[ \t\u00a0\u3000]*\n")
_BULLET_LINE = re.compile(
    r"^[ \t]*[•\-*–\uf0b7\uf0a7\u25aa\u25cf\u2023\u2043▪◦·][ \t]", re.MULTILINE
)
_QUESTION_END = re.compile(r"\?[\s\"'”»)]*$")
# A narrative interview asks by prompts: "Fortæl lidt om dig selv."
PROMPT_START = re.compile(
    r"(?:og\s+)?(?:fortæl|beskriv|uddyb|forklar|prøv\s+at\s+(?:fortælle|beskrive|forklare)|giv\s+et\s+eksempel)\b",
    re.IGNORECASE,
)
# Spoken Danish ends statements with a tag question ("…, ikke?"): no question to the other speaker
_TAG_QUESTION_END = re.compile(
    r",\s*(?:ikke sandt|ikke også|ikke|ikk'?|ik|vel|hva'?|hvad|ved du|forstår du)\s*\?[\s\"'”»)]*$",
    re.IGNORECASE,
)


def find_turns(text: str, *, interviewers: Iterable[str] = ()) -> tuple[Turn, ...]:
    """Split a transcript into turns by its speaker tags.

    A line starting with a tag begins a turn; lines without a tag continue it. A
    line holding only a timestamp gives the time of what follows. A document with
    no tags (or a single tag that is not its first line) is one respondent's
    text, split into paragraphs. Text before the first tag is a header (see
    :func:`split_turns`).

    Parameters
    ----------
    text : str
        The document text.
    interviewers : iterable of str
        Speaker names that are always tags (and interviewers).

    Returns
    -------
    tuple of Turn
        In text order, non-overlapping, each ``text[start:end]`` stripped of
        surrounding whitespace; ``role`` is left to :func:`assign_roles`
        (paragraphs of an untagged text are respondent turns).
    """
    return split_turns(text, interviewers=interviewers)[0]


def split_turns(text: str, *, interviewers: Iterable[str] = ()) -> tuple[tuple[Turn, ...], int]:
    """Turns as :func:`find_turns`, and where the first speaker tag begins.

    Returns
    -------
    turns : tuple of Turn
        As :func:`find_turns`.
    header_end : int
        The offset of the first tag (or timestamp line) of a tagged text: what
        lies before it is a header (title, date, place), not a turn. 0 for an
        untagged text, whose paragraphs cover all of it, and for text before the
        first tag longer than ``HEADER_WORDS`` words, which becomes paragraphs.
    """
    interviewers = tuple(interviewers)
    candidates = tag_candidates(text)
    tags = _without_header_fields(text, candidates, accept_tags(candidates, speakers=interviewers, text=text))
    if not _is_tagged(text, tags):
        return find_paragraphs(text), 0
    tags = _with_written_questions(text, tags, interviewers)
    events: list[tuple[int, int, TagCandidate | None, str | None]] = [
        (tag.line_start, tag.content_start, tag, tag.time) for tag in tags
    ]
    events += [
        (start, end, None, line_time(m)) for start, end, m in time_lines(text)
    ]
    events.sort(key=lambda event: event[0])
    # A title or a tool's line before the first tag belongs to the header (a time line starts the talk).
    header_end = min([tags[0].line_start, *(start for start, _, tag, time in events if tag is None and time)])
    if len(text[:header_end].split()) <= HEADER_WORDS:
        events += _running_headers(text, header_end, {tag.line_start for tag in tags})
    events.sort(key=lambda event: event[0])
    turns: list[Turn] = []
    speaker: str | None = None
    pending_time: str | None = None
    for index, (_, content_start, tag, time) in enumerate(events):
        if tag is not None:
            speaker = _speaker(tag)
            time = time or pending_time
            pending_time = None
        elif speaker is None:
            pending_time = time
            continue
        else:
            pending_time = time
        end = events[index + 1][0] if index + 1 < len(events) else len(text)
        start, end = _strip_span(text, min(content_start, end), end)
        if end > start and text[end - 1] in "#])":  # f4's "#00:00:05-2#" or a "[00:00:12]" ends the turn
            mark = TIME_MARK.search(text, max(start, end - 40), end)
            if mark is not None and mark.end() == end:
                start, end = _strip_span(text, start, mark.start())
        if start < end:
            turns.append(Turn(speaker=speaker, start=start, end=end, time=time))
            pending_time = None if tag is None else pending_time
    turns = _with_stated_roles(turns, tags)
    if len(text[:header_end].split()) > HEADER_WORDS and not _is_guide(text[:header_end]):
        # Too long for a title and a date: it is content (a respondent's text before the first
        # tag, or a table whose cells look like tags), so it is kept as paragraphs, not dropped.
        return find_paragraphs(text[:header_end]) + tuple(turns), 0
    return tuple(turns), header_end


_NUMBERED_QUESTION = re.compile(r"^[ \t]*\d{1,2}[.)][ \t]+[^\n]*\?[ \t]*$", re.MULTILINE)


def _with_written_questions(text: str, tags: list[TagCandidate], interviewers: Iterable[str]) -> list[TagCandidate]:
    """Numbered questions with only the answers tagged (``1. Hvordan ...?`` / ``Svar: ...``): each question
    line is the interviewer's (``Spørgsmål``), as in a text without tags. Read so, the questions were the
    answer before them, coded as answers. Two or more such lines, and no tag of the interviewer's side."""
    if any(is_interviewer_label(tag.label, interviewers) for tag in tags):
        return tags
    starts = {tag.line_start for tag in tags}
    asked = [TagCandidate(line.start(), line.start(), WRITTEN_QUESTION, None, False, certain=True)
             for line in _NUMBERED_QUESTION.finditer(text) if line.start() not in starts]
    return sorted([*tags, *asked], key=lambda tag: tag.line_start) if len(asked) >= 2 else tags


WRITTEN_QUESTION = "Spørgsmål"


def _is_guide(header: str) -> bool:
    """Whether the text before the first tag is an interview guide pasted above the transcript: three or more
    of its lines, and a third at least, are questions (``3. Hvordan har du oplevet personalet?``). Kept as
    paragraphs, its questions were coded as a respondent's answers; as the header, it is noted (W017)."""
    lines = [line.strip() for line in header.splitlines() if line.strip()]
    asked = sum(line.endswith("?") for line in lines)
    return asked >= 3 and asked * 3 >= len(lines)


def _running_headers(text: str, header_end: int, tagged: set[int]) -> list[tuple[int, int, None, None]]:
    """The lines after the header that repeat one of its lines of two or more words on a line of
    their own, untagged: a printed transcript's running head on every page (``Interview 4 –
    fortroligt``), which is no one's speech; as a heading, it ends the turn before it (the header
    is noted, W017)."""
    heads = {" ".join(line.split()) for line in text[:header_end].splitlines() if len(line.split()) >= 2}
    if not heads:
        return []
    return [(header_end + line.start(), header_end + line.end(), None, None)
            for line in re.finditer(r"^[^\n]+$", text[header_end:], re.MULTILINE)
            if header_end + line.start() not in tagged and " ".join(line.group().split()) in heads]


def _speaker(tag: TagCandidate) -> str:
    """The speaker a tag names: its label, or the name a role tag gives (``Deltager (Fatima)``)."""
    named = named_speaker(tag.label, tag.note) if tag.note else None
    return named[0] if named else clean_label(tag.label)


def _with_stated_roles(turns: list[Turn], tags: list[TagCandidate]) -> list[Turn]:
    """Every turn of a speaker whose tag says the role somewhere (``Katrine (interviewer):``,
    ``Deltager (Fatima):``; ``Mette Hansen, kommunen:`` says nothing) has that role, also where
    the tag is only ``Katrine:``."""
    stated = {clean_label(tag.label): role for tag in tags if (role := stated_role(tag.note)) is not None}
    for tag in tags:
        named = named_speaker(tag.label, tag.note) if tag.note else None
        if named is not None and named[1] is not None:
            stated.setdefault(named[0], named[1])
    if not stated:
        return turns
    return [turn._replace(role=stated[turn.speaker]) if turn.speaker in stated else turn for turn in turns]


def _without_header_fields(text: str, candidates: list[TagCandidate], tags: list[TagCandidate]) -> list[TagCandidate]:
    """The tags without the role fields of a header block (``Dato: 12. marts`` / ``Interviewer:
    Mette Hansen`` / ``Deltager: Borger 3``): in the first run of adjacent ``label: value`` lines
    that holds a field no speaker has (``Dato:``), a role tag followed by a short value with no
    sentence punctuation names a person; it is not a turn."""
    if not candidates or not tags:
        return tags
    tags = _without_lone_first_field(text, tags)
    accepted = {tag.line_start for tag in tags}

    def short(candidate: TagCandidate) -> bool:
        return _is_field_value(_line_value(text, candidate))

    block: list[TagCandidate] = []
    for candidate in candidates:
        if not candidate.has_colon or (block and candidate.line_start != text.find("\n", block[-1].line_start) + 1):
            break
        if candidate.line_start in accepted and not short(candidate):
            break  # the talk has begun: the block of fields, if any, is over
        block.append(candidate)
    if len(block) < 2 or (all(candidate.line_start in accepted for candidate in block)
                          and not _names_the_team(text, block)):
        return tags
    fields = {candidate.line_start for candidate in block if candidate.line_start in accepted}
    return [tag for tag in tags if tag.line_start not in fields]


def _names_the_team(text: str, block: list[TagCandidate]) -> bool:
    """Whether a block of role fields alone names the people, set apart by a blank line (``Moderator: Mette
    Hansen`` / ``Observatør: Lars Holm``): a focus group's header with no field like ``Dato:``, whose
    roles speak again below. A full name (two words or more) each; ``I: Goddag`` / ``B: Hej`` is talk."""
    end = text.find("\n", block[-1].content_start)
    if end < 0 or text[end + 1 : text.find("\n", end + 1) if "\n" in text[end + 1 :] else len(text)].strip():
        return False
    values = [re.sub(r"\s*\([^()]*\)", "", _line_value(text, candidate)) for candidate in block]
    return len({label_key(candidate.label) for candidate in block}) == len(block) and all(
        is_role_label(candidate.label) and len(value.split()) >= 2 and looks_like_name(value)
        for candidate, value in zip(block, values, strict=True))


def _without_lone_first_field(text: str, tags: list[TagCandidate]) -> list[TagCandidate]:
    """The tags without a first one that is a header's field on its own: its label never speaks again, its
    value is a field's, and two other speakers talk after it (``Interviewperson: Kvinde, 71 år`` under a title,
    ``Partnerinterview: kommunens sundhedscenter``); a block of fields is for :func:`_without_header_fields`."""
    first = tags[0]
    labels = Counter(label_key(tag.label) for tag in tags)
    value = _line_value(text, first)  # on the tag's line: "Mette:" with the talk below is no field
    word = clean_label(first.label)  # a field is named by a word; P1: and R: are speakers
    if first.has_colon and labels[label_key(first.label)] == 1 and len(labels) >= 3 and value \
            and _is_field_value(value) and len(word) > 3 and word.isalpha():
        return tags[1:]
    return tags


def _line_value(text: str, candidate: TagCandidate) -> str:
    """What follows a tag on its own line."""
    line_end = text.find("\n", candidate.content_start)
    return text[candidate.content_start : line_end if line_end >= 0 else len(text)].strip()


def _is_field_value(value: str) -> bool:
    """Whether a value is a field's: a few words, no sentence's end ("Hvordan var mødet?" is talk)."""
    return len(value.split()) <= _FIELD_WORDS and not value.rstrip("\"'”»)").endswith(_SENTENCE_END)


_FIELD_WORDS = 10
_SENTENCE_END = (".", "?", "!", "…", ":")

HEADER_WORDS = 40
"""Text before the first speaker tag is a header (title, date, place) up to this many words."""


def header_text(text: str, header_end: int) -> str:
    """The header of a tagged text (before its first tag), without blank space; '' if none."""
    return text[:header_end].strip()


def find_paragraphs(text: str, *, lines: bool = False) -> tuple[Turn, ...]:
    """Paragraphs of an untagged text: split at blank lines and at bullet lines; with ``lines``,
    at every line break (a Word or LibreOffice document, whose lines are its paragraphs)."""
    breaks = {0, len(text)}
    for match in (_LINE_BREAK if lines else _BLANK_LINE).finditer(text):
        breaks.update((match.start(), match.end()))
    for match in _BULLET_LINE.finditer(text):
        breaks.add(match.start())
    points = sorted(breaks)
    turns = []
    for start, end in itertools.pairwise(points):
        start, end = _strip_span(text, start, end)
        if start < end:
            turns.append(Turn(speaker=PARAGRAPH_SPEAKER, start=start, end=end, role=RESPONDENT))
    return tuple(turns)


_LINE_BREAK = re.compile(r"\n")


def assign_roles(
    text: str, turns: Iterable[Turn], *, interviewers: Iterable[str] = ()
) -> tuple[tuple[Turn, ...], tuple[str, ...]]:
    """Fill in each turn's role from its speaker label and the interviewer names.

    A role the speaker's name states (``Lise Kjær (Evaluator)``) counts as given. When no
    speaker is recognisable as the interviewer (automatic labels such as ``Taler 1``, or
    full names from Teams), the speaker whose turns are most often questions is taken as
    the interviewer, if at least a third of that speaker's turns (and at least two) end
    with a question mark; so is a second speaker (two evaluators interviewing together)
    whose turns are nearly all questions, while someone else is left to answer. Returns
    the turns and the speakers so guessed (empty if none was guessed).
    """
    turns = list(turns)
    interviewers = tuple(interviewers)
    speakers = {turn.speaker for turn in turns if turn.role is None}
    stated = {speaker: role for speaker in speakers if (role := role_in_name(speaker)) is not None}
    roles = {
        speaker: INTERVIEWER if is_interviewer_label(speaker, interviewers) else stated.get(speaker, RESPONDENT)
        for speaker in speakers
    }
    guessed: tuple[str, ...] = ()
    given = any(turn.role == INTERVIEWER for turn in turns)
    nobody_asks = INTERVIEWER not in roles.values() and not given
    if nobody_asks and len(roles) >= 2:
        unstated = {speaker: role for speaker, role in roles.items() if speaker not in stated}
        guessed = _most_questioning(text, turns, unstated)
        roles.update(dict.fromkeys(guessed, INTERVIEWER))
    assigned = tuple([  # a list first: tuple() of a generator is slower
        turn if turn.role is not None else Turn(turn.speaker, turn.start, turn.end, roles[turn.speaker], turn.time,
                                                turn.attributes, turn.question, turn.part)
        for turn in turns
    ])
    return assigned, guessed


def _most_questioning(text: str, turns: list[Turn], roles: dict[str, str]) -> tuple[str, ...]:
    asked: dict[str, list[int]] = {}
    for turn in turns:
        if turn.speaker in roles:
            counts = asked.setdefault(turn.speaker, [0, 0])
            counts[0] += bool((_QUESTION_END.search(text, turn.start, turn.end)
                               and not _TAG_QUESTION_END.search(text, turn.start, turn.end))
                              or PROMPT_START.match(text, turn.start, turn.end))
            counts[1] += 1
    if not asked:
        return ()
    ranked = sorted(sorted(asked), key=lambda name: (asked[name][0] / asked[name][1], asked[name][0]), reverse=True)
    best = ranked[0]
    questions, total = asked[best]
    if questions < 2 or questions / total < 1 / 3:
        return ()
    # nearly all: a focus group participant who asks the others twice in three turns is no interviewer
    second = [name for name in ranked[1:-1] if asked[name][0] >= 2 and asked[name][0] / asked[name][1] > 3 / 4]
    return (best, *second[:1])


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` without white space at either end, as offsets (``str.strip``'s white space)."""
    span = text[start:end]
    stripped = span.lstrip()
    start += len(span) - len(stripped)
    return start, start + len(stripped.rstrip())


def _is_tagged(text: str, tags: list[TagCandidate]) -> bool:
    if len(tags) >= 2:
        return True
    if len(tags) == 1:
        return not text[: tags[0].line_start].strip()
    return False
