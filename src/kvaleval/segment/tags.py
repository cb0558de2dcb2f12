"""Speaker tags at the start of a transcript line, and which of them are interviewers.

Recognised (any case, optional Markdown emphasis, optional timestamp before or
after the label, colon required):

``I:`` ``B:`` ``R1:`` ``Int.:`` ``Resp.:`` ``Interviewer:`` ``Informant:``
``Borger 2:`` ``Taler 1:`` ``Speaker 2:`` ``Hanne:`` ``FATIMA:`` ``Anne-Marie Holm:``
``**I:**`` ``[00:03:12] I:`` ``00:03:12 I:`` ``#00:00:03# I:`` ``I (00:03:12):`` ``Hanne (mor):``
``Katrine (interviewer):`` ``Deltager (Fatima):`` (the speaker is Fatima) ``Mette Hansen, kommunen:``
``Alle:`` ``?:`` ``B?:``

and, without a colon, a line holding only a known label or a name with a
timestamp (``Taler 1  00:03:12``, ``[Mette Hansen] 10:02:15``), as transcription
tools export them, or only a name that begins two or more lines (``Mette``, in
bold in Word) where the document is written that way, and a label followed by a
tab (``I<tab>Hvordan ...``; a name only when it begins two or more lines), as
typed in Word, and a label in brackets before the text (``[I] Hvordan ...``, ``[SPEAKER_00] Tak ...``).
A line that merely contains a colon (``Kl. 14:30 kom hun``, ``Det var sådan: vi gik``,
``Altså: det var``) is not a tag.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from kvaleval.danish import DISCOURSE_WORDS, is_danish_word
from kvaleval.records import INTERVIEWER, RESPONDENT

TIMESTAMP = r"(?:\d{1,2}:\d{2}(?::\d{2}){0,2}(?:[.,]\d{1,3})?|\d{2}\.\d{2}\.\d{2})"
"""``03:12``, ``00:03:12``, ``00:03:12.500``, a video timecode with frames ``00:03:12:05``, and the
Danish ``00.03.12``."""
TIME_RANGE = rf"{TIMESTAMP}(?:[ \t]*[-–][ \t]*{TIMESTAMP})?"
"""A time or a span of time (``00:03:12 - 00:03:19``; the start counts)."""
_F4_STAMP = r"\#\d{1,2}:\d{2}:\d{2}(?:[.,-]\d{1,3})?\#"
"""A time mark as f4transkript and easytranscript write it (``#00:01:23-4#``)."""
_STAMP = rf"(?:\[{TIME_RANGE}\]|\({TIME_RANGE}\)|{TIME_RANGE}|{_F4_STAMP})"
_WORD = r"[^\W\d_][\w'’.\-]{0,30}"
_LABEL = rf"{_WORD}(?:[ \t]{_WORD}){{0,3}}(?:[ \t]?\d{{1,2}})?"
_EMPHASIS = r"(?:\*\*|__|\*|_)"
_UNSURE = r"\?{1,3}|[^\W\d_]{1,3}\d{0,2}\?"
"""A focus group's unknown speaker (``?:``) or unsure one (``B?:``)."""
_AFFILIATION = r"[^\W\d_][^,:;()\[\]\n?!.]{0,40}?"
"""What follows a name and a comma in a partner interview's tag (``Mette Hansen, kommunen:``)."""

_LINE_NUMBER = r"(?:\d{1,5}(?:[ ]{2,}|\t)[ \t]*)?"
"""A transcript's own line number before the tag, set apart by two spaces or a tab (``  12  I: ...``)."""

_BULLET = r"(?:[-–—•·][ \t]+)?"
"""A list's bullet before the tag (``- Interviewer: ...``, ``• Mette: ...``), as Word and Markdown lists have."""

TAG_LINE = re.compile(
    rf"""^[ \t]*{_LINE_NUMBER}{_BULLET}{_EMPHASIS}?
    (?:(?P<before>{_STAMP})[ \t]*(?:[-–][ \t]*)?)?
    {_EMPHASIS}?
    (?P<label>{_LABEL}|\[{_LABEL}\]|{_UNSURE})
    {_EMPHASIS}?
    (?:[ \t]*\((?P<paren>[^()\n]{{1,40}})\)
      |[ \t]*\[(?P<bracket>{TIME_RANGE})\]
      |[ \t]+(?P<after>{TIMESTAMP})
      |[ \t]*,[ \t]*(?P<affiliation>{_AFFILIATION}))?
    [ \t]*{_EMPHASIS}?[ \t]*:{_EMPHASIS}?
    (?=[ \t\u00a0]|$|[^\W\d_])[ \t\u00a0]*
    (?:(?P<lead>{_STAMP})[ \t]*(?:[-–][ \t]*)?)?
    """,
    re.MULTILINE | re.VERBOSE,
)
"""A tag with a colon (then a space, a no-break space, or the first letter of the text: ``B:Så``).
``lead`` is a timestamp right after the colon, not spoken text."""

HEADER_LINE = re.compile(
    rf"""^[ \t]*(?:\#{{1,6}}[ \t]+)?{_EMPHASIS}?
    (?:(?P<before>{_STAMP})[ \t]*(?:[-–][ \t]*)?)?
    (?P<label>{_LABEL}|\[{_LABEL}\])
    (?:[ \t]*\((?P<paren>[^()\n]{{1,40}})\))?
    (?:[ \t]+(?P<after>{_STAMP}))?
    [ \t]*{_EMPHASIS}?[ \t]*$""",
    re.MULTILINE | re.VERBOSE,
)
"""A line holding only a speaker label (and maybe a timestamp), no colon; also as a Markdown heading
(``### Interviewer``)."""

TAB_LINE = re.compile(
    rf"""^[ \t]*{_EMPHASIS}?
    (?:(?P<before>{_STAMP})[ \t]*(?:[-–][ \t]*)?)?
    {_EMPHASIS}?
    (?P<label>{_WORD}(?:[ ]{_WORD}){{0,3}}(?:[ ]?\d{{1,2}})?)
    (?:[ ]*\((?P<paren>[^()\n]{{1,40}})\))?
    {_EMPHASIS}?\t[ \t]*
    (?:(?P<lead>{_STAMP})[ \t]*(?:[-–][ \t]*)?)?
    """,
    re.MULTILINE | re.VERBOSE,
)
"""A tag followed by a tab instead of a colon (``I<tab>Hvordan ...``), as typed in Word."""

BRACKET_LINE = re.compile(
    rf"""^[ \t]*(?:(?P<before>{_STAMP})[ \t]*(?:[-–][ \t]*)?)?
    \[(?P<label>{_LABEL})\][ \t]+
    (?:(?P<lead>{_STAMP})[ \t]*(?:[-–][ \t]*)?)?(?=\S)""",
    re.MULTILINE | re.VERBOSE,
)
"""A label in brackets and then the text, no colon (``[I] Hvad ...``, WhisperX's ``[SPEAKER_00] Tak ...``)."""

DASH_LINE = re.compile(
    rf"^[ \t]*(?P<label>{_WORD}(?:[ ]\d{{1,2}})?)(?:[ \t]+[–—-]|(?<!\.)\.)[ \t]+(?=\S)",
    re.MULTILINE,
)
"""A role label, a dash and the text (``I – Hvad ...`` / ``B – Jeg ...``), or a full stop (``I. Hvad ...``
/ ``R. Jeg ...``), as some typists write it."""

CUE_TIME = r"\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d{1,3})?"
"""A subtitle cue's time as tools write it (``0:0:5.100``, ``00:00:04``, ``00:00:04,000``)."""
STAMPED_LINE = re.compile(
    rf"^[ \t]*(?P<label>[^\s:\d][^\n\t:]{{0,59}}?)(?<![.?!,;])(?:[ ]{{2,}}|\t)[ \t]*(?P<after>{TIMESTAMP})[ \t]*$",
    re.MULTILINE,
)
"""Any name, two spaces or a tab, and a time, alone on a line (Teams in Word: ``+45 20 12 34 56   0:07``,
``karen.jensen@gmail.com   0:07``, ``Jensen, Karen   0:07``): a tag where the same name does so twice."""

_GAP_THEN_TIME = re.compile(r"(?:  |\t)[ \t]*\d{1,2}[:.]\d\d")
"""A quick test before :data:`STAMPED_LINE`: a time after two spaces or a tab."""

_HEADING = (
    r"\#{1,6}[ \t]+[^\n]{1,100}"  # a Markdown heading
    r"|(?:\*\*)?(?:Tema|Emne|Del|Afsnit)[ \t]+\d{1,2}[ \t]*[:.–-][^\n]{0,100}"  # an interview guide's heading
    # the next interview's heading in one document: Interview 2 – borger, Østbyen; Fokusgruppe 3 (forældre)
    r"|(?:Interview|Fokusgruppe|Fokusgruppeinterview|Gruppeinterview|Focus[ \t]+group)[ \t]+(?:nr\.?[ \t]*)?\d{1,3}"
    r"(?:[ \t]*[:.,(–—-][^\n]{0,100}(?<![.?!]))?"
    r"|(?:Side|Page)[ \t]+\d{1,4}(?:[ \t]*(?:af|of|/)[ \t]*\d{1,4})?"  # a page's footer: Side 2 af 5
    # a transcriber's note alone on its line, with a word in lower case: [Slut på interview], (pause);
    # not a speaker's label ([Mette Hansen], [SPEAKER_00], [I])
    r"|\[(?=[^\]\n]*\b[a-zæøå])[^\[\]\n]{2,150}\]|\((?=[^)\n]*\b[a-zæøå])[^()\n]{2,150}\)"
)
_TOOL_LINE = (
    r"[^\n]{1,80}?[ \t]+(?:har[ \t]+startet|har[ \t]+stoppet|startede|stoppede|started|stopped)[ \t]+"
    r"(?:transskriptionen|transskription|transcription)"
    r"|Transcribed[ \t]+by[ \t]+https?://otter\.ai"
    r"|(?:Mødet|Meeting)[ \t]+(?:sluttede|ended)[ \t]+(?:efter|after)[ \t]+[\d:.]+[^\n\w]{0,4}"
)
_TOOL_WORDS = ("transskription", "transcription", "otter.ai", "sluttede efter", "ended after")
"""One of these is in a text before its tools' lines are looked for (their pattern is slow)."""
_TIME = rf"(?P<stamp>{_STAMP})|(?P<cue>{CUE_TIME})[ \t]*-->[ \t]*{CUE_TIME}(?:[ \t][^\n]*)?"
TIME_LINE = re.compile(rf"^[ \t]*(?:{_TIME}|(?P<tool>{_HEADING}|{_TOOL_LINE}))[ \t]*$", re.MULTILINE)
_TIME_OR_HEADING_LINE = re.compile(rf"^[ \t]*(?:{_TIME}|(?P<tool>{_HEADING}))[ \t]*$", re.MULTILINE)
"""A line holding only a timestamp, or a cue's timing (``0:0:5.100 --> 0:0:9.200``, as old Teams
transcripts in Word and subtitles pasted into a document have them): the time of the turn that follows.
Also a transcription tool's own lines, which are no one's speech (``Mette Hansen stoppede
transskriptionen``, ``Transcribed by https://otter.ai``, ``Mødet sluttede efter 00:06:12``),
headings (``## Afrunding``, ``Tema 2: Fællesskab``), a page's footer (``Side 2 af 5``) and a
transcriber's note on a line of its own (``[Telefonen ringer]``, ``[Slut på interview]``, ``(pause)``)."""


TIME_MARK = re.compile(
    rf"[ \t]*(?:#\d{{1,2}}:\d{{2}}:\d{{2}}(?:[.,-]\d{{1,3}})?#|\[{TIME_RANGE}\]|\({TIME_RANGE}\))[^\S\n]*$",
    re.MULTILINE)
"""A time mark at the end of a line, as f4transkript writes them (``... givende. #00:00:14-8#``), or
in brackets (``... om natten nu. [00:00:12]``, ``(00:00:22)``); any blank but a line break may follow
(a form feed from Word's page break, which a turn's end is stripped of as well)."""


def time_lines(text: str) -> Iterator[tuple[int, int, re.Match[str]]]:
    """:func:`line_matches` of :data:`TIME_LINE`; a tool's lines only where one of its words is."""
    lowered = text.lower()
    slow = any(word in lowered for word in _TOOL_WORDS)
    return line_matches(TIME_LINE if slow else _TIME_OR_HEADING_LINE, text)


def line_time(match: re.Match[str]) -> str | None:
    """The time a :data:`TIME_LINE` gives (a cue's start; none for a tool's line)."""
    return _strip_stamp(match["stamp"]) or match["cue"]


def _at_line_breaks(pattern: re.Pattern[str]) -> re.Pattern[str]:
    r"""``pattern`` (which begins with ``^``) with a line break in place of the ``^``.

    ``re`` tries a leading ``^`` at every position of the text; a leading literal
    character it finds with a fast scan, so searching ``"\n" + text`` for the line
    break is several times faster and finds the same lines.
    """
    assert pattern.pattern.startswith("^")
    return re.compile(r"\n" + pattern.pattern[1:], pattern.flags)


_LINE_PATTERNS = {pattern: _at_line_breaks(pattern)
                  for pattern in (TAG_LINE, HEADER_LINE, TAB_LINE, BRACKET_LINE, DASH_LINE, TIME_LINE,
                                 _TIME_OR_HEADING_LINE, STAMPED_LINE)}


def line_matches(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int, re.Match[str]]]:
    r"""``(start, end, match)`` of each match of a line pattern (``TAG_LINE`` ...) in ``text``.

    The same places as ``pattern.finditer(text)``; the match's own offsets are one
    higher (it is a match in ``"\n" + text``), so use ``start`` and ``end`` and the
    groups' text.
    """
    for match in _LINE_PATTERNS[pattern].finditer("\n" + text):
        yield match.start(), match.end() - 1, match

INTERVIEWER_LABELS = frozenset(
    """i int interviewer intervieweren interviewerne moderator mod evaluator evaluatoren
    facilitator facilitatoren spørgsmål spm question observatør observatøren observer referent referenten
    medinterviewer medmoderator""".split()
)
"""The evaluation's side: who asks, and who observes or takes notes in a focus group (``Observatør:``), whose
words are no data either."""
COLLECTIVE_LABELS = frozenset({
    "alle", "flere", "?", "alle deltagere", "flere deltagere", "flere stemmer", "flere samtidig",
    "alle i kor", "ukendt", "ukendt taler", "uidentificeret", "everyone", "all", "several", "unknown",
})
"""Speaker labels of a group speaking or of no one in particular (``Alle:``, ``Flere:``): their
turns are respondents' words, but no respondent to count."""
INTERPRETER_LABELS = frozenset({"tolk", "tolken", "interpreter", "oversætter"})
"""An interpreter (``Tolk:``) relays the respondent's words and the questions: no respondent of their own."""
RESPONDENT_LABELS = frozenset(
    """b r resp respondent respondenten informant informanten interviewperson ip deltager
    deltageren borger borgeren bruger brugeren forælder partner samarbejdspartner svar sv a
    taler speaker person p d elev ung medarbejder leder beboer beboeren frivillig frivillige lejer
    kvinde mand pige dreng forælder forældre pårørende klient patient medlem formand næstformand
    mor far søn datter bror søster barn mormor morfar farmor farfar bedstemor bedstefar besvarelse answer
    mentor participant interviewee resident tenant parent mother father teacher student pupil staff
    employer employee caseworker manager volunteer citizen user nurse officer coordinator youth client
    member worker coach adviser advisor""".split()
) | COLLECTIVE_LABELS | INTERPRETER_LABELS
"""Role words of a respondent, Danish and English (``Employer:`` in an English transcript is no name)."""


@lru_cache(maxsize=8192)
def is_no_respondent(label: str) -> bool:
    """True for a speaker whose turns are respondents' words but who is no respondent to count:
    several at once (``Alle``, ``Flere deltagere``, :data:`COLLECTIVE_LABELS`), someone unsure
    (``?``, ``B?``, ``R2?``) and an interpreter (``Tolk``)."""
    key = label_key(label)
    return key in COLLECTIVE_LABELS or key in INTERPRETER_LABELS or clean_label(label).endswith("?")


AUTO_LABELS = frozenset({"taler", "speaker", "person", "deltager", "respondent", "interviewer"})
_NAME_PARTICLES = frozenset({"von", "van", "de", "der", "el", "al", "bin", "ibn", "la", "le", "da"})
_SHORT_CODE = re.compile(r"^[a-zæøå]{1,3}\d{0,2}$")
_INITIALS = re.compile(r"[A-ZÆØÅ]{2,3}")


@lru_cache(maxsize=8192)
def clean_label(label: str) -> str:
    """The label as the speaker name: single spaces, no trailing dots."""
    return " ".join(label.strip("[]").split()).rstrip(".").strip()


@lru_cache(maxsize=8192)
def label_key(label: str) -> str:
    """The label lower-cased, without dots and trailing numbers: ``Borger 2`` -> ``borger``."""
    key = clean_label(label).lower().replace(".", "")
    key = re.sub(r"[ \t]*\d+$", "", key.rstrip("?")) if key.strip("?") else "?"
    return key


@lru_cache(maxsize=8192)
def is_role_label(label: str) -> bool:
    """True for a role word of either side (``I``, ``Int.``, ``B``, ``Borger 2``, ``Taler 1``)."""
    key = label_key(label)
    return key in INTERVIEWER_LABELS or key in RESPONDENT_LABELS


def is_interviewer_label(label: str, interviewers: Iterable[str] = ()) -> bool:
    """True for interviewer role words and for the given interviewer names.

    A name matches a label when one is the other's first name(s)
    (``Mette`` matches ``Mette Hansen``), case-insensitively.
    """
    key = label_key(label)
    if key in INTERVIEWER_LABELS:
        return True
    name = person_key(clean_label(label))
    for interviewer in interviewers:
        other = person_key(interviewer)
        if other and (name == other or name.startswith(other + " ")
                      or other.startswith(name + " ")):
            return True
    return False


_LAST_FIRST = re.compile(r"^\s*([^\W\d_][\w'’-]*)\s*,\s*([^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)\s*$")


def person_key(name: str) -> str:
    """A person's name in one comparable form: ``Hansen, Mette (BIF)`` and ``Mette Hansen`` ->
    ``mette hansen``: a ``(department)`` is dropped, and a directory's "Last, First" turned round."""
    name = re.sub(r"\s*\([^()]*\)", "", name)
    if last_name_first(name):
        last, _, first = name.partition(",")
        name = f"{first} {last}"
    return " ".join(name.split()).casefold()


def last_name_first(name: str) -> bool:
    """``Hansen, Mette``: one person, as a directory writes the name. The first part must be a
    listed last name and no first name, so ``Mette, Lars`` stays two people."""
    match = _LAST_FIRST.match(re.sub(r"\s*\([^()]*\)", "", name))
    return match is not None and _is_last_name(match.group(1))


def _is_last_name(word: str) -> bool:
    from kvaleval.privacy.names import lexicon

    names = lexicon()
    return word.casefold() in names.last_names and word.casefold() not in names.first_names


@lru_cache(maxsize=8192)
def looks_like_name(label: str) -> bool:
    """Capitalised words (particles like ``al`` or ``van`` allowed inside), or a short code."""
    words = clean_label(label).split()
    if not words:
        return False
    if len(words) == 1 and _SHORT_CODE.match(words[0].lower()):
        return True
    if not words[0][0].isupper():
        return False
    return all(
        word[0].isupper() or word.isdigit() or word.lower() in _NAME_PARTICLES for word in words
    )


class TagCandidate(NamedTuple):
    """A line shaped like a speaker tag (a named tuple: a long transcript has thousands)."""

    line_start: int
    content_start: int
    label: str
    time: str | None
    has_colon: bool
    certain: bool = False  # a tag by its layout whatever the label (a name and a time, twice)
    note: str | None = None  # what the tag says of the speaker: "Katrine (interviewer)", "Mette, kommunen"


def tag_candidates(text: str) -> list[TagCandidate]:
    """Every line that is shaped like a speaker tag, in order (see the module docstring).

    Parameters
    ----------
    text : str
        The document text (LF line ends).

    Returns
    -------
    list of TagCandidate
        One per tag-shaped line, sorted by ``line_start``; ``content_start`` is
        where the spoken text begins (after the tag and any timestamp).
    """
    found: dict[int, TagCandidate] = {}
    affiliated: list[TagCandidate] = []
    for line_start, end, match in line_matches(TAG_LINE, text):
        label = match["label"]
        paren = match["paren"]
        time = match["before"] or match["bracket"] or match["after"] or match["lead"]
        if paren and re.fullmatch(TIME_RANGE, paren.strip()):
            time, paren = paren.strip(), None
        candidate = TagCandidate(line_start, end, label, _strip_stamp(time), True,
                                 note=paren or match["affiliation"])
        if match["affiliation"]:
            affiliated.append(candidate)
        else:
            found[line_start] = candidate
    found.update((candidate.line_start, candidate) for candidate in _affiliated(affiliated, found.values()))
    tabbed: list[TagCandidate] = []
    for line_start, end, match in line_matches(TAB_LINE, text) if "\t" in text else ():  # needs a tab
        if line_start in found:
            continue
        time = match["before"] or match["lead"]
        paren = match["paren"]
        if paren and re.fullmatch(TIME_RANGE, paren.strip()):
            time = paren.strip()
        tabbed.append(TagCandidate(line_start, end, match["label"], _strip_stamp(time), False))
    # Without a colon a name counts only when it begins two or more lines of the document.
    names = Counter(label_key(candidate.label) for candidate in tabbed)
    for candidate in tabbed:
        repeated = names[label_key(candidate.label)] > 1
        if is_role_label(candidate.label) or (repeated and looks_like_name(candidate.label)):
            found[candidate.line_start] = candidate
    if "[" in text:
        found.update((candidate.line_start, candidate) for candidate in _bracketed(text, found))
    if not found and ("–" in text or "—" in text or " - " in text or ". " in text):
        found.update((candidate.line_start, candidate) for candidate in _dashed(text))
    if not found and "?" in text and ("–" in text or "—" in text or "-" in text):
        found.update((candidate.line_start, candidate) for candidate in replies(text))
    bare: list[TagCandidate] = []
    for line_start, end, match in line_matches(HEADER_LINE, text):
        if line_start in found:
            continue
        label = match["label"]
        time = match["before"] or match["after"]
        content = end + 1 if end < len(text) else end
        # Without a colon a known label, or a name given with a timestamp, is a tag ...
        if is_role_label(label) or (time and looks_like_name(label)):
            found[line_start] = TagCandidate(line_start, content, label, _strip_stamp(time), False)
        elif looks_like_name(label) and not label.endswith((".", "]")) and label_key(label) not in DISCOURSE_WORDS:
            bare.append(TagCandidate(line_start, content, label, None, False))
    for candidate in _bare_names(bare, found.values()):
        found[candidate.line_start] = candidate
    if ("  " in text or "\t" in text) and _GAP_THEN_TIME.search(text):
        stamped = [(line_start, end, match) for line_start, end, match in line_matches(STAMPED_LINE, text)
                   if line_start not in found and len(match["label"].split()) <= 8]
        counts = Counter(" ".join(match["label"].split()).casefold() for _, _, match in stamped)
        for line_start, end, match in stamped:
            if counts[" ".join(match["label"].split()).casefold()] > 1:
                content = end + 1 if end < len(text) else end
                found[line_start] = TagCandidate(line_start, content, match["label"].strip(),
                                                 _strip_stamp(match["after"]), False, True)
    if len(found) <= 1 and ": " in text:
        found.update((candidate.line_start, candidate) for candidate in _inline(text, found))
    return [found[key] for key in sorted(found)]


_INLINE_TAG = re.compile(r"(?<=[.?!…\"”»)])[ \t]+(?P<label>[^\W\d_]{1,11}\.?(?:[ ]?\d{1,2})?)[ \t]*:[ \t]+(?=\S)")
"""A role label after the end of a sentence, inside a line (``... beboerrådgivningen? B: Jeg ...``)."""


def _inline(text: str, found: dict[int, TagCandidate]) -> list[TagCandidate]:
    """An interview pasted as one line (``I: Hvad ...? B: Jeg ... I: Og så?``): with no other tag but
    the first, role labels after a sentence's end are tags, when both sides are written so (at least
    two each, the first line's tag counted). A "candidate" starts at its label, not at a line."""
    candidates = [TagCandidate(match.start("label"), match.end(), match["label"], None, True)
                  for match in _INLINE_TAG.finditer(text) if is_role_label(match["label"])]
    sides = Counter(label_key(c.label) in INTERVIEWER_LABELS for c in [*candidates, *found.values()])
    return candidates if sides[True] >= 2 and sides[False] >= 2 else []


def _bracketed(text: str, found: dict[int, TagCandidate]) -> list[TagCandidate]:
    """Lines that begin with ``[label]`` and then text: tags where the label is a role (``[I]``), an
    automatic label (``[SPEAKER_00]``), or a name that is no Danish word and begins two or more lines
    (``[griner]`` and ``[Latter]`` are the transcriber's notes, not speakers)."""
    candidates = [TagCandidate(line_start, end, match["label"],
                               _strip_stamp(match["before"] or match["lead"]), False)
                  for line_start, end, match in line_matches(BRACKET_LINE, text)
                  if line_start not in found and not _ONLY_TIME.match(text, end)]
    counts = Counter(label_key(candidate.label) for candidate in candidates)
    return [candidate for candidate in candidates
            if is_role_label(candidate.label) or bracket_speaker(candidate.label, counts[label_key(candidate.label)])]


def _dashed(text: str) -> list[TagCandidate]:
    """Role labels before a dash (``I – Hvad ...``) or a full stop (``I. Hvad ...``), in a text with no
    other tags: tags when both sides are written so, at least two lines each (a line "I – det må I
    selv om" alone is speech, and so is a list's "B. Metode")."""
    candidates = [TagCandidate(line_start, end, match["label"], None, False)
                  for line_start, end, match in line_matches(DASH_LINE, text) if is_role_label(match["label"])]
    sides = Counter(label_key(candidate.label) in INTERVIEWER_LABELS for candidate in candidates)
    return candidates if sides[True] >= 2 and sides[False] >= 2 else []


REPLY_LINE = re.compile(r"^[ \t]*[–—-][ \t]+(?=\S)", re.MULTILINE)
"""A line that opens a reply with a dash and no speaker (``– Hvordan har du det?``)."""
REPLY_SPEAKERS = ("Taler 1", "Taler 2")
"""The names replies without speakers are given, first and second voice."""


def replies(text: str) -> list[TagCandidate]:
    """Dialogue written as dashed replies with no speaker (``– Hvordan ...?`` / ``– Det er godt.``),
    as in Danish prose and subtitles: two voices taking turns, when nearly every line opens a reply
    (at least four, two thirds of the lines from the first), replies end as sentences do (three in
    four) and the questions are one voice's (at least two, and three times as many as the other
    voice asks). A bulleted list, or an interview guide whose every bullet is a question, is no
    dialogue."""
    matches = list(REPLY_LINE.finditer(text))
    if len(matches) < 4:
        return []
    body = [line for line in text[matches[0].start():].split("\n") if line.strip()]
    if len(matches) * 3 < len(body) * 2:
        return []
    asks = [0, 0]
    ended = 0
    for index, match in enumerate(matches):
        reply = text[match.end():matches[index + 1].start() if index + 1 < len(matches) else len(text)]
        asks[index % 2] += "?" in reply
        ended += reply.rstrip().endswith((".", "?", "!", "…", '"', "”", "»"))
    if max(asks) < 2 or min(asks) * 3 > max(asks) or ended * 4 < len(matches) * 3:
        return []
    return [TagCandidate(match.start(), match.end(), REPLY_SPEAKERS[index % 2],
                         None, False, True) for index, match in enumerate(matches)]


def bracket_speaker(label: str, count: int) -> bool:
    """A bracketed label that is a speaker without being a role word: ``SPEAKER_00``, or a name that
    is no Danish word and begins ``count`` >= 2 lines."""
    words = clean_label(label).split()
    if _AUTO_SPEAKER.fullmatch(clean_label(label)):
        return True
    return count > 1 and looks_like_name(label) and not any(is_danish_word(word) for word in words)


_ONLY_TIME = re.compile(r"[\d:.,\- \t]*(?:\n|$)")
"""The rest of a line that holds only a time (``[Mette Hansen] 10:02:15``: a tag on its own line)."""
_AUTO_SPEAKER = re.compile(r"(?i:speaker|taler|spk)[ _]?\d{1,2}")


def _affiliated(candidates: list[TagCandidate], tags: Iterable[TagCandidate]) -> list[TagCandidate]:
    """``Name, affiliation:`` tags (``Mette Hansen, kommunen:``, ``Katrine Lund, evaluator:``): the
    name must begin two or more lines, or the affiliation name a role, and the affiliation must
    not read as speech (``Mette, hun sagde: ...``)."""
    counts = Counter(label_key(candidate.label) for candidate in [*candidates, *tags])
    return [candidate for candidate in candidates
            if (counts[label_key(candidate.label)] > 1 or stated_role(candidate.note) is not None)
            and not _SPEECH_WORDS.intersection((candidate.note or "").lower().split())]


_SPEECH_WORDS = frozenset(
    """jeg du han hun vi de den det man sagde siger spurgte spørger svarede svarer tænkte synes
    mener er var har havde som at""".split()
)


def stated_role(note: str | None) -> str | None:
    """The role a tag's note names: ``interviewer`` in ``Katrine (interviewer)`` or ``Lise, evaluator``,
    ``respondent`` in ``Mette (borger)``; None for ``(KK)`` or ``kommunen``."""
    if not note:
        return None
    words = [word.strip(".") for word in re.split(r"[\s,;/&+]+", note.lower())]
    if any(word in INTERVIEWER_LABELS for word in words if len(word) > 1):
        return INTERVIEWER
    if any(word in RESPONDENT_LABELS for word in words if len(word) > 2):
        return RESPONDENT
    return None


_RELATIONS = frozenset(
    """mor far søster bror datter søn mormor morfar farmor farfar bedstemor bedstefar kone mand hustru
    kæreste nabo ven veninde barn pige dreng lærer pædagog""".split()
)
"""Capitalised notes that are no name (``Borger (Mor):``)."""
_UNSTATED = frozenset({"taler", "speaker", "person", "p"})
"""Role labels that say nothing of the side (``Taler 1``): the role is found as for ``Taler 1``."""


@lru_cache(maxsize=8192)
def names_a_role(label: str) -> bool:
    """True for a speaker label of ordinary Danish words that is no name: ``Sundhedsplejerske``,
    ``Lærer 2``, ``Familievejleder`` (a word of the lemma table, or a compound ending in one of
    five letters or more). A word that is also a name (``Rose``, ``Bager``, ``Mentor``) stays a name.

    Without this, a partner interview tagged ``Sundhedsplejerske:`` had a "name" pseudonymised
    in every quote's attribution, and grouping by a role column was refused (E503).
    """
    from kvaleval.privacy.names import lexicon  # the name lists: loaded only when a label is asked about

    words = label_key(label).split()
    names = lexicon().names
    return bool(words) and all(
        word.isalpha() and word not in names
        and (is_danish_word(word) or any(is_danish_word(word[i:]) for i in range(3, len(word) - 4)))
        for word in words
    )


def named_speaker(label: str, note: str | None) -> tuple[str, str | None] | None:
    """The speaker a role tag names in its note, and the label's role: ``Deltager (Fatima)`` ->
    ``("Fatima", "respondent")``, ``Interviewer (Anne)`` -> ``("Anne", "interviewer")``,
    ``Taler 2 (Ali)`` -> ``("Ali", None)``, ``Lærer (Jonas)`` -> ``("Jonas", "respondent")`` (a role
    word not on the lists: :func:`names_a_role`). None when the label is a name (``Hanne (mor)``) or the
    note is no name (``Borger (mor)``, ``Katrine (interviewer)``, ``B (KK)`` is initials: a name).

    Without this, the participants of a focus group tagged ``Deltager (Fatima):`` and
    ``Deltager (Ali):`` were one speaker, one respondent in every count.
    """
    key = label_key(label)
    if not note or not (is_role_label(label) or names_a_role(label)) or key in ("alle", "flere", "?"):
        return None
    name = clean_label(note)
    if (not looks_like_name(name) or stated_role(name) is not None or is_role_label(name)
            or name.lower() in _RELATIONS):
        return None
    role = INTERVIEWER if key in INTERVIEWER_LABELS else None if key in _UNSTATED else RESPONDENT
    return name, role


def role_in_name(name: str) -> str | None:
    """The role a speaker name states in parentheses or after a comma (``Lise Kjær (Evaluator)``,
    as Zoom and Teams show a display name; ``Katrine Lund, evaluator``)."""
    notes = re.findall(r"\(([^()]*)\)", name)
    if "," in name:
        notes.append(re.sub(r"\([^()]*\)", "", name.split(",", 1)[1]))
    roles = {stated_role(note) for note in notes} - {None}
    return roles.pop() if len(roles) == 1 else None


def _bare_names(bare: list[TagCandidate], tags: Iterable[TagCandidate]) -> list[TagCandidate]:
    """... and so is a bare name on its own line (``Mette``, the name in bold in Word), when
    it begins two or more lines and the document is written that way: other speakers are
    tagged on lines of their own (``Interviewer``), or, with no tags at all, at least two
    names that are not Danish words take turns.
    """
    counts = Counter(label_key(candidate.label) for candidate in bare)
    repeated = {key for key, count in counts.items() if count > 1}
    tags = list(tags)
    if any(not tag.has_colon for tag in tags):
        names = repeated
    elif not tags:
        names = {key for key in repeated if not any(is_danish_word(word) for word in key.split())}
        if len(names) < 2:
            return []
    else:
        return []
    return [candidate for candidate in bare if label_key(candidate.label) in names]


def accept_tags(
    candidates: list[TagCandidate], *, speakers: Iterable[str] = (), text: str | None = None
) -> list[TagCandidate]:
    """Keep the candidates that are speaker tags in this document.

    A role label or a known speaker is always a tag. Another capitalised label is
    a tag unless it is a discourse word or header field (``Altså:``, ``Dato:``), or
    an ordinary Danish word used only once in the document that is not a first name
    next to other speakers (``Hans:`` in a focus group is a speaker).

    Parameters
    ----------
    candidates : list of TagCandidate
        From :func:`tag_candidates`, in text order.
    speakers : iterable of str
        Names that are always tags (interviewers named by the caller or metadata).
    text : str, optional
        The text the candidates are in: with it, a word said once right after the interviewer's question
        is a speaker (``I: Og for dig?`` / ``Skjold: Trygheden.``).

    Returns
    -------
    list of TagCandidate
        The accepted candidates, in text order.
    """
    known = {" ".join(name.split()).casefold() for name in speakers}
    counts = Counter(label_key(candidate.label) for candidate in candidates)
    certain = {candidate.label for candidate in candidates if candidate.certain
               # a role stated in the tag (Vibe (deltager):) makes a speaker of a word said once
               or (candidate.has_colon and stated_role(candidate.note) is not None)}
    verdicts = {label: label in certain or _is_tag(label, counts[label_key(label)], known)
                for label in {c.label for c in candidates}}
    speaking = {label_key(label) for label, verdict in verdicts.items() if verdict}
    if speaking:
        # Next to other speakers, a first name that is also a word speaks once too (Hans:, Per:, Bo:).
        for label, verdict in verdicts.items():
            if not verdict and is_first_name(label) and label_key(label) not in DISCOURSE_WORDS:
                verdicts[label] = True
        # ... and so does a person's role after the first speaker (I: ... Skoleleder: ...); before it, in a
        # header, "Skoleleder: Jens Hansen" is a field
        first = next(i for i, candidate in enumerate(candidates) if verdicts[candidate.label])
        for candidate in candidates[first + 1 :]:
            if not verdicts[candidate.label] and candidate.has_colon and _names_a_person(candidate.label):
                verdicts[candidate.label] = True
        # ... and so does a name-like word said once right after the interviewer's question (I: Og for dig? /
        # Skjold: ...): a question goes on with no "Word: text" line, and read so the answer was a question
        previous = None
        for candidate in candidates[first:]:
            if (not verdicts[candidate.label] and candidate.has_colon and previous is not None
                    and text is not None and text[: candidate.line_start].rstrip().endswith("?")
                    and (label_key(previous.label) in INTERVIEWER_LABELS
                         or clean_label(previous.label).casefold() in known)
                    and _is_once_said_name(candidate.label)):
                verdicts[candidate.label] = True
            if verdicts[candidate.label]:
                previous = candidate
    if sum(1 for label, verdict in verdicts.items() if verdict and _SHORT_TAG.fullmatch(clean_label(label))) >= 2:
        # Next to others tagged by letters (I:, P1:, F2:), a letter that speaks once is one more (L:)
        colons = {candidate.label for candidate in candidates if candidate.has_colon}
        for label, verdict in verdicts.items():
            if not verdict and label in colons and _SHORT_TAG.fullmatch(clean_label(label)) \
                    and clean_label(label) not in _NO_SPEAKER_LETTERS:
                verdicts[label] = True
    for label, verdict in verdicts.items():
        # A sloppy transcript writes names in lower case (karen:, mette hansen:): listed names, 2+ times
        if not verdict and counts[label_key(label)] > 1 and _is_lower_case_name(label):
            verdicts[label] = True
    if any(verdict and label.islower() for label, verdict in verdicts.items()):
        # ... and then an unlisted name written the same way (xhemal:) is a speaker too, and so is a
        # first name that is also a word (lise:, as Zoom shows a display name typed in lower case)
        for label, verdict in verdicts.items():
            if not verdict and counts[label_key(label)] > 1 and (
                    _is_lower_case_name(label, listed=False) or _is_lower_case_first_name(label)):
                verdicts[label] = True
    return [candidate for candidate in candidates if verdicts[candidate.label]]


_SHORT_TAG = re.compile(r"[A-ZÆØÅ]{1,3}\d{0,2}")
"""A speaker tagged by a letter or initials and maybe a number (``L``, ``P1``, ``MH``)."""
_NO_SPEAKER_LETTERS = frozenset({"NB", "PS", "OBS", "OK", "TV", "DR", "PC", "ID", "CV", "EU", "USA", "SMS", "PDF"})
"""Abbreviations that open a line with a colon in speech or notes (``NB: ...``), no speaker."""


_PERSON_ENDINGS = (
    "leder", "lærer", "plejerske", "vejleder", "behandler", "koordinator", "medarbejder", "pædagog", "konsulent",
    "rådgiver", "betjent", "formand", "kvinde", "chef", "assistent", "elev", "forælder", "beboer", "borger",
    "frivillig", "psykolog", "terapeut", "repræsentant", "direktør", "sekretær", "underviser", "træner",
    "mentor", "læge", "præst", "tolk", "jordemoder", "mor", "far", "deltager", "bruger", "ansat")
"""How the Danish words for a person's role or kin end (``Skoleleder``, ``Sundhedsplejerske``,
``Sagsbehandler``, ``Bedstemor``): a tag of them speaks, even once."""


def _names_a_person(label: str) -> bool:
    """True for a role word that names a person (``Skoleleder``, ``Lærer 2``), not a field (``Dato``)."""
    words = [word for word in label_key(label).split() if not word.isdigit()]
    return len(words) == 1 and words[0].endswith(_PERSON_ENDINGS) and names_a_role(label)


def _is_once_said_name(label: str) -> bool:
    """One capitalised word that may be a name (``Skjold``, ``Storm``), no discourse word or field (``Dato``)."""
    words = clean_label(label).split()
    return (len(words) == 1 and words[0][:1].isupper() and words[0].isalpha() and looks_like_name(label)
            and label_key(label) not in DISCOURSE_WORDS)


def is_first_name(label: str) -> bool:
    """One capitalised word on the first-name list (``Søren``, ``Ahmed``)."""
    from kvaleval.privacy.names import lexicon

    words = clean_label(label).split()
    return len(words) == 1 and words[0][:1].isupper() and words[0].casefold() in lexicon().names


def _is_lower_case_name(label: str, *, listed: bool = True) -> bool:
    """Words in lower case that are names: in the name lists (``listed``), or at least not Danish
    words, fillers or discourse words (``xhemal``)."""
    from kvaleval.privacy.names import lexicon

    words = clean_label(label).split()
    names = lexicon().names
    return (0 < len(words) <= 3 and label_key(label) not in DISCOURSE_WORDS
            and all(word.islower() and all(part.isalpha() for part in word.split("-")) and not is_danish_word(word)
                    and (all(part in names for part in word.split("-")) if listed else len(word) >= 3)
                    for word in words))


def _is_lower_case_first_name(label: str) -> bool:
    """One lower-case word on the first-name list, also one that is a Danish word (``lise``, ``bo``)."""
    from kvaleval.privacy.names import lexicon

    words = clean_label(label).split()
    return (len(words) == 1 and words[0].islower() and words[0].isalpha()
            and label_key(label) not in DISCOURSE_WORDS and words[0] in lexicon().first_names)


def _is_tag(label: str, count: int, known: set[str]) -> bool:
    if is_role_label(label) or clean_label(label).casefold() in known:
        return True
    if count > 1 and _INITIALS.fullmatch(clean_label(label)):
        return True  # initials that open two or more turns, also those that are words in lower case (HM, KL, JA)
    if not looks_like_name(label) or label_key(label) in DISCOURSE_WORDS or label_key(label) in _GUIDE_WORDS:
        return False
    words = clean_label(label).split()
    return not (count < 2 and len(words) == 1 and is_danish_word(words[0]))


_GUIDE_WORDS = frozenset("intro introduktion indledning opvarmning afrunding afslutning outro".split())
"""An interview guide's parts (``Intro: Tak fordi du vil deltage ...``), pasted above a transcript: no speakers."""


def _strip_stamp(stamp: str | None) -> str | None:
    """The time a stamp gives: ``[00:03:12 - 00:03:19]`` -> ``00:03:12``."""
    if not stamp:
        return None
    stamp = stamp.strip("[]() \t")
    start = re.match(TIMESTAMP, stamp)
    return start.group() if start else stamp
