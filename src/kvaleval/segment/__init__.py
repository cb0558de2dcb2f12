"""Documents -> the segment table (one row per speaker turn)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence

import pandas as pd

from kvaleval._gc import without_gc
from kvaleval.errors import Warnings, quoted_names, shorten
from kvaleval.frames import CODING_COLUMNS, SEGMENT_COLUMNS, SEGMENT_EXTRA_COLUMNS, string_array
from kvaleval.records import INTERVIEWER, RESPONDENT, Document, Turn
from kvaleval.segment.tags import REPLY_SPEAKERS, last_name_first, replies
from kvaleval.segment.turns import (
    PARAGRAPH_SPEAKER,
    WRITTEN_QUESTION,
    assign_roles,
    find_paragraphs,
    header_text,
    split_turns,
)

__all__ = ["document_turns", "segment_documents", "segment_ids"]

INTERVIEWER_ATTRIBUTE = "interviewer"
"""A metadata column naming the document's interviewer(s), comma- or semicolon-separated."""


def document_turns(
    document: Document, *, interviewers: Iterable[str] = ()
) -> tuple[tuple[Turn, ...], tuple[str, ...]]:
    """The turns of one document with roles, and the interviewers guessed from questions, if any."""
    turns, guessed, _, _ = _turns_with_header(document, interviewers=interviewers)
    return turns, guessed


def _turns_with_header(
    document: Document, *, interviewers: Iterable[str] = ()
) -> tuple[tuple[Turn, ...], tuple[str, ...], str, bool]:
    """Turns with roles, the interviewers guessed, the header text before the first tag, and
    whether untagged answers were split off the interviewer's turns."""
    names = [*interviewers, *_metadata_interviewers(document)]
    header = ""
    if document.turns is not None:
        turns: tuple[Turn, ...] = document.turns
    else:
        turns, header_end = split_turns(document.text, interviewers=names)
        header = header_text(document.text, header_end)
        if document.format in _PARAGRAPH_FORMATS and all(turn.speaker == PARAGRAPH_SPEAKER for turn in turns):
            turns = find_paragraphs(document.text, lines=True)  # untagged: each Word paragraph is one
    if document.turns is None and turns and all(turn.speaker == PARAGRAPH_SPEAKER for turn in turns):
        turns, mail = _without_mail_header(document.text, turns)  # an e-mail's Fra:/Sendt:/Emne: lines
        header = header or mail
        turns = _written_questions(document.text, turns)
        if not header:  # an e-mail's first paragraph is the writer's
            turns, header = _without_title(document.text, turns)
    assigned, guessed = assign_roles(document.text, turns, interviewers=[*names, *_header_interviewers(header)])
    answers = False
    if document.turns is None:
        assigned, answers = _untagged_answers(document.text, assigned)
    return assigned, guessed, header, answers


_MAIL_FIELD = re.compile(r"(?im)^[ \t]*(?:fra|til|sendt|dato|emne|cc|bcc|from|to|sent|date|subject)[ \t]*:")


def _without_mail_header(text: str, turns: tuple[Turn, ...]) -> tuple[tuple[Turn, ...], str]:
    """An untagged text that opens with an e-mail's header lines (``Fra:``, ``Sendt:``, ``Emne:``):
    that paragraph is no speech, and is set aside as the document's header (W017)."""
    first = text[turns[0].start : turns[0].end]
    lines = [line for line in first.splitlines() if line.strip()]
    if len(lines) < 2 or not all(_MAIL_FIELD.match(line) for line in lines):
        return turns, ""
    return turns[1:], first.strip()


WRITTEN_QUESTION_WORDS = 30
"""At most this many words in a paragraph that is a question put in writing ("3. Hvad virker?")."""


def _written_questions(text: str, turns: tuple[Turn, ...]) -> tuple[Turn, ...]:
    """Written answers to written questions (an e-mail or a form answering the evaluator's questions,
    one paragraph each): a short paragraph that ends with a question mark and is followed by an
    answer is the interviewer's question, so the answers after it are read with it. Needs two or
    more such questions; otherwise the text is one respondent's, as before."""
    asking = [
        index for index, turn in enumerate(turns[:-1])
        if (body := text[turn.start : turn.end].strip()).endswith("?")
        and len(body.split()) <= WRITTEN_QUESTION_WORDS and not body.startswith(_LIST_MARKS)
        and not text[turns[index + 1].start : turns[index + 1].end].strip().endswith("?")
    ]
    if len(asking) < 2:
        return turns
    questions = set(asking)
    return tuple(turn._replace(speaker=WRITTEN_QUESTION_SPEAKER, role=INTERVIEWER) if index in questions
                 else turn for index, turn in enumerate(turns))


WRITTEN_QUESTION_SPEAKER = WRITTEN_QUESTION
_TITLE_WORDS = 8
_GREETINGS = frozenset("hej hejsa hey hi hello dear kære goddag godmorgen halløj".split())
"""The first word of a letter's greeting (``Hej Mette``): the respondent's, no title."""


def _without_title(text: str, turns: tuple[Turn, ...]) -> tuple[tuple[Turn, ...], str]:
    """Written questions and answers under a title (``Interview med leder af Familiehuset``, then ``1. Hvordan
    ...?``): the title, a short line that ends no sentence, is the header (W017), not the respondent's answer."""
    if len(turns) < 2 or turns[0].speaker == WRITTEN_QUESTION_SPEAKER or turns[1].speaker != WRITTEN_QUESTION_SPEAKER:
        return turns, ""
    first = text[turns[0].start : turns[0].end].strip()
    if ("\n" in first or len(first.split()) > _TITLE_WORDS or first.endswith((".", "?", "!", "…", ":", ","))
            or first.split()[0].casefold().strip(",!") in _GREETINGS):
        return turns, ""
    return turns[1:], first
_LIST_MARKS = ("-", "–", "—", "•", "*", "·")
"""A paragraph that opens with one is an item of a list (or a reply in dashed dialogue), not a question
put to someone: "- Hvem betaler?" in meeting notes."""


_PARAGRAPH_FORMATS = frozenset({"docx", "odt", "rtf", "pdf"})
"""Formats whose lines are paragraphs: in an untagged document each is a segment of its own (a PDF's
lines are its paragraphs once the reader has joined the lines a page's width broke)."""

_QUESTION_LINE = re.compile(r"\?[\"'”»)\]]*[ \t]*(?:\n|$)")


def _untagged_answers(text: str, turns: tuple[Turn, ...]) -> tuple[tuple[Turn, ...], bool]:
    """Where only the interviewer is tagged (``I: Hvordan ...?`` and the answer on the next line,
    untagged), the lines after each question are the respondent's answer, not the interviewer's.

    Every turn must be the interviewer's, and at least half of them (two or more) must hold a
    question line followed by more text; the question ends with its first line that ends with a
    question mark, or else with its first line.
    """
    if len(turns) < 2 or any(turn.role != INTERVIEWER for turn in turns):
        return turns, False
    found: list[Turn] = []
    split = 0
    for turn in turns:
        body = text[turn.start : turn.end]
        if "\n" not in body:
            found.append(turn)
            continue
        mark = _QUESTION_LINE.search(body)
        cut = mark.end() if mark is not None and mark.end() < len(body) else body.index("\n") + 1
        rest = body[cut:]
        answer = turn.start + cut + len(rest) - len(rest.lstrip())
        if answer >= turn.end:
            found.append(turn)
            continue
        found.append(turn._replace(end=turn.start + len(body[:cut].rstrip())))
        found.append(Turn(PARAGRAPH_SPEAKER, answer, turn.end, RESPONDENT))
        split += 1
    if split < 2 or split * 2 < len(turns):
        return turns, False
    return tuple(found), True


@without_gc  # many small acyclic objects: lists, tuples, strings
def segment_documents(
    documents: Sequence[Document], *, interviewers: Iterable[str] = ()
) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """Build the segment table of DESIGN.md from documents.

    Returns
    -------
    segments : DataFrame
        ``doc_id, segment_id, turn_index, speaker, speaker_role, start, end, text,
        question, time`` and then the document (and respondent) attributes.
        ``question`` is the interviewer turn (or survey question) a respondent
        turn answers; empty for interviewer turns.
    notes : list of (path, message)
        Decisions worth telling the user, such as an interviewer guessed from
        who asks the questions.
    """
    interviewers = tuple(interviewers)
    names = (*SEGMENT_COLUMNS, *SEGMENT_EXTRA_COLUMNS)
    columns: dict[str, list[object]] = {name: [] for name in names}
    attribute_blocks: list[tuple[int, dict[str, str], list[dict[str, str]] | None]] = []
    notes: list[tuple[str, str]] = []
    for document in documents:
        turns, guessed, header, answers = _turns_with_header(document, interviewers=interviewers)
        if answers:
            notes.append((document.path, Warnings.W104.format(path=document.path)))
        if header:
            notes.append((document.path, Warnings.W017.format(path=document.path,
                                                              excerpt=_excerpt(header))))
        if guessed:
            named = _metadata_interviewers(document)
            notes.append((document.path, Warnings.W105.format(path=document.path, named=quoted_names(named),
                                                              speaker=quoted_names(guessed)) if named
                          else Warnings.W101.format(path=document.path, speaker=quoted_names(guessed))))
        questions = _untagged_questions(document, turns)
        if questions:
            notes.append((document.path, Warnings.W102.format(path=document.path, n=len(turns), questions=questions)))
        if _read_as_replies(document, turns):
            notes.append((document.path, Warnings.W103.format(path=document.path)))
        _append_document(columns, document, turns)
        per_turn = [dict(turn.attributes) for turn in turns] if any(t.attributes for t in turns) else None
        attribute_blocks.append((len(turns), document.attributes_dict(), per_turn))
    frame = pd.DataFrame({name: string_array(values) if name in _STRING_COLUMNS else values  # type: ignore[arg-type]
                          for name, values in columns.items()})
    frame["turn_index"] = frame["turn_index"].astype("int64")
    frame["start"] = frame["start"].astype("int64")
    frame["end"] = frame["end"].astype("int64")
    attributes = _attribute_columns(attribute_blocks, skip={*frame.columns, *CODING_COLUMNS})
    return pd.concat([frame, pd.DataFrame(attributes, index=frame.index)], axis=1), notes


_QUESTION = re.compile(r"\?[\"'”»)]*(?:\s|$)")
"""A question mark that ends a sentence."""
UNTAGGED_QUESTIONS = 3
"""An untagged text with this many questions may be an interview whose tags were not recognised."""


def _untagged_questions(document: Document, turns: tuple[Turn, ...]) -> int:
    """How many questions a transcript without speaker tags asks (0 below :data:`UNTAGGED_QUESTIONS`):
    read as one respondent's text, its questions are coded as answers."""
    if document.turns is not None or not all(turn.speaker == PARAGRAPH_SPEAKER for turn in turns):
        return 0
    lines = [line for line in document.text.splitlines() if line.strip()]
    questions = sum(1 for line in lines if _QUESTION.search(line))
    # An e-mail or a report asks a question or two; a transcript without tags asks in every other line.
    return questions if questions >= UNTAGGED_QUESTIONS and questions >= len(lines) / 3 else 0


def _read_as_replies(document: Document, turns: tuple[Turn, ...]) -> bool:
    """Whether the turns are dashed replies without speakers, given two voices by their order."""
    return (document.turns is None and bool(turns) and all(turn.speaker in REPLY_SPEAKERS for turn in turns)
            and bool(replies(document.text)))


_STRING_COLUMNS = frozenset({"doc_id", "segment_id", "speaker", "speaker_role", "text", "question"})


def _attribute_columns(
    blocks: list[tuple[int, dict[str, str], list[dict[str, str]] | None]], *, skip: set[str]
) -> dict[str, list[object]]:
    """Attribute columns built block by block: a document's attributes repeat over its turns,
    a survey row's attributes (turn attributes) are per turn; missing values are None. An
    attribute named like a column of the table or of the codings it is joined with (a survey's
    ``start``, ``text`` or ``score``), or like the analysis' own working columns (``_words``),
    is kept as ``score (egenskab)``."""
    names: dict[str, None] = {}
    for _, document, per_turn in blocks:
        names.update(dict.fromkeys(document))
        names.update(dict.fromkeys(itertools.chain.from_iterable(per_turn or ())))
    shown = {name: f"{name} (egenskab)" if name in skip or name.startswith("_") else name for name in names}
    columns: dict[str, list[object]] = {shown[name]: [] for name in names}
    for count, document, per_turn in blocks:
        for name in names:
            values, default = columns[shown[name]], document.get(name)
            if per_turn is None:
                values.extend([default] * count)
            else:
                values.extend([turn.get(name, default) for turn in per_turn])
    return columns


def _append_document(columns: dict[str, list[object]], document: Document, turns: tuple[Turn, ...]) -> None:
    text, doc_id = document.text, document.doc_id
    roles = [turn.role or RESPONDENT for turn in turns]
    texts = [text[turn.start : turn.end] for turn in turns]
    questions: list[str | None] = []
    question: str | None = None  # the last interviewer turn: what the respondent turns after it answer
    for turn, role, segment_text in zip(turns, roles, texts, strict=True):
        if role == INTERVIEWER:
            question = segment_text
            questions.append(None)
        else:
            questions.append(turn.question or question)
    columns["doc_id"].extend([doc_id] * len(turns))
    ids, indexes = segment_ids(doc_id, turns)
    columns["segment_id"].extend(ids)
    columns["turn_index"].extend(indexes)
    columns["speaker"].extend([turn.speaker for turn in turns])
    columns["speaker_role"].extend(roles)
    columns["start"].extend([turn.start for turn in turns])
    columns["end"].extend([turn.end for turn in turns])
    columns["text"].extend(texts)
    columns["question"].extend(questions)
    columns["time"].extend([turn.time for turn in turns])


def segment_ids(doc_id: str, turns: Sequence[Turn]) -> tuple[list[str], list[int]]:
    """The segment ids and turn indexes of a document's turns: ``doc#3``; the pieces of a split
    turn (``Turn.part`` 1, 2, ...) share its turn index and are ``doc#3.1``, ``doc#3.2``."""
    if not any(turn.part for turn in turns):
        return [f"{doc_id}#{index}" for index in range(len(turns))], list(range(len(turns)))
    indexes = [index - 1 for index in itertools.accumulate(turn.part <= 1 for turn in turns)]
    ids = [f"{doc_id}#{index}.{turn.part}" if turn.part else f"{doc_id}#{index}"
           for index, turn in zip(indexes, turns, strict=True)]
    return ids, indexes


def _metadata_interviewers(document: Document) -> list[str]:
    """The names in the metadata column ``interviewer``: separated by ``,`` ``;`` ``/`` ``&`` or
    ``og``; one name written last name first (``Hansen, Mette``) is one person."""
    value = document.attributes_dict().get(INTERVIEWER_ATTRIBUTE, "")
    if last_name_first(value):
        return [value.strip()]  # "Hansen, Mette" (is_interviewer_label reads it as Mette Hansen)
    parts = re.split(r"[,;/&]|\s+og\s+|\s+and\s+", value)
    return [name.strip() for name in parts if name.strip()]


_HEADER_INTERVIEWER = re.compile(
    r"^[ \t]*(?:interviewer(?:e|ne|s|\(e\)|\(s\))?|interviewet af|moderator(?:er)?|evaluator(?:er)?"
    r"|facilitator(?:er)?|observatør(?:er)?|observer(?:s)?|referent)[ \t]*:[ \t]*(?P<names>\S.*)$",
    re.IGNORECASE | re.MULTILINE)
"""A header field naming the interviewers (``Interviewere: Mette Hansen (MH) og Lars Krog (LK)``)."""
_HEADER_NAMED_INTERVIEWER = re.compile(
    r"([^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*){0,3})[ \t]*\((?:interviewer|moderator|evaluator|facilitator"
    r"|observatør|observer|referent)\)",
    re.IGNORECASE)
"""A name with its role in a header's list of participants (``Deltagere: Mette Hansen (interviewer), Jens``)."""


def _header_interviewers(header: str) -> list[str]:
    """The interviewers a document's header names, as the metadata column ``interviewer`` does, and
    the initials in brackets after a name (``Mette Hansen (MH)``: also ``MH``), as tags use them, and
    a participant whose role is given so (``Deltagere: Mette Hansen (interviewer), Jens Olsen``). A
    second interviewer asking once was otherwise read as a respondent, the question coded as an answer."""
    names = [re.split(r"\s+(?:og|and)\s+", name)[-1] for name in _HEADER_NAMED_INTERVIEWER.findall(header)]
    for field in _HEADER_INTERVIEWER.finditer(header):
        value = field.group("names")
        names += re.findall(r"\(([^()]{1,40})\)", value)
        value = re.sub(r"\s*\([^()]*\)", "", value)
        if last_name_first(value):
            names.append(value.strip())
            continue
        names += [name.strip() for name in re.split(r"[,;/&]|\s+og\s+|\s+and\s+", value) if name.strip()]
    return names


def _excerpt(text: str, *, length: int = 60) -> str:
    """A one-line excerpt in quotes: '"Dato: 12. marts ..."'."""
    return f'"{shorten(text, length)}"'
