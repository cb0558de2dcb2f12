"""Survey exports (.csv, .xlsx): one row per respondent, open answers become segments.

Each non-empty open-answer cell is one respondent turn, kept exactly as written;
its question is the column header; the respondent id is the speaker; every other
column is an attribute of the respondent. The document text is the answers,
separated by blank lines. Rows are streamed, so large exports read in bounded
memory apart from the answers themselves.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import itertools
import re
import warnings
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard, cast
from xml.parsers.expat import ExpatError

from lxml.etree import LxmlError

from kvaleval._gc import without_gc
from kvaleval.danish import says_nothing
from kvaleval.errors import CorpusError, Errors, Texts, Warnings, shorten
from kvaleval.privacy.columns import personal_column
from kvaleval.read._archive import check_zip
from kvaleval.read._delimited import sniff_under_title
from kvaleval.read._plain import MAX_BYTES
from kvaleval.read._text import decode_bytes, fallback_bytes, repair_mojibake, stream_encoding, text_errors
from kvaleval.records import GROUP_COLUMN, RESPONDENT, Turn, group_alias, is_group_name
from kvaleval.segment.tags import TIMESTAMP

ID_NAMES = frozenset(
    """respondentid respondent id løbenr løbenummer lobenr nr responseid svarid deltagerid
    respondentnr idnr respondentnummer recordid panelid panelnr borgerid""".split()
)
_QUESTION_WORDS = re.compile(
    r"kommentar|uddyb|beskriv|begrund|forslag|hvorfor|hvordan|hvad|fritekst|åben|andet|bemærkning|nævn|ønske",
    re.IGNORECASE,
)
_SAMPLE_ROWS = 500
_TITLE_ROWS = 5  # at most this many title lines above the column headers
_FIELD_LIMIT = 131_072  # the csv module's own limit on a cell: longer ones are checked for a quote left open
_PEEK_ROWS = 40  # rows of each sheet looked at to find the one with the answers
_DATE_START = re.compile(
    r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b"
    r"|\d{1,2}\.?\s*(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-z]*\.?\s+\d{4}\b",  # 1. marts 2024 kl. 13:00
    re.IGNORECASE,
)
_CLOSED_MIN = 8  # answers needed before a column of few, repeated values is taken as closed
_CLOSED_OPTIONS = 7  # at most this many different values in a closed question
_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")
_CHOICE_SPLIT = re.compile(r"\s*[;,]\s*")
_MISSING = re.compile(r"\s*(?:ikke\s+besvaret|ubesvaret|ikke\s+udfyldt|not\s+answered|n/?a|#null!?|[-–—.]+)\s*",
                      re.IGNORECASE)
"""A survey tool's code for "no answer" (SurveyXact's ``Ikke besvaret``, ``#NULL!``, a lone ``-`` or ``.``): an
empty cell. A smiley (``=)``) is an answer."""
_MISSING_LENGTH = 20  # longer cells are answers: not tested against _MISSING


def is_answer(cell: object) -> TypeGuard[str]:
    """Whether a survey cell is an answer: text that is not blank and not a survey tool's "no answer"."""
    return (isinstance(cell, str) and bool(cell) and not cell.isspace()
            and not (len(cell) <= _MISSING_LENGTH and _MISSING.fullmatch(cell)))
_CHOICE_OPTIONS = 20  # at most this many options in a check-box question
_XLSX_MEMBERS = ("[Content_Types].xml", "xl/workbook.xml")
_SEPARATOR = "\n\n"


@dataclass
class Survey:
    text: str
    turns: tuple[Turn, ...]
    notes: list[str] = field(default_factory=list)


@without_gc  # a row of cells and a turn per answer: many small acyclic objects
def read_survey(
    path: Path,
    *,
    fmt: str,
    shown: str,
    id_column: str | None = None,
    text_columns: Sequence[str] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Survey:
    """Read a survey export. See the module docstring for what becomes what.

    Parameters
    ----------
    path : Path
        The ``.csv`` or ``.xlsx`` file.
    fmt : str
        ``csv`` or ``xlsx``.
    shown : str
        The file as named in messages.
    id_column, text_columns : optional
        The respondent id column and the open-answer columns; found when not given.
    max_bytes : int
        CSV files larger than this are refused (E015).

    Returns
    -------
    Survey
        The answers as text (separated by blank lines), one turn per answer
        (speaker = respondent id, question = column header, the other columns as
        attributes), and notes (formulas, sheets, a missing id column).

    Raises
    ------
    CorpusError
        If the file cannot be read, has no answers, or the named columns are missing.
    """
    notes: list[str] = []
    sheets: list[str] = []  # the sheets read as one, when there are several
    rows = _xlsx_rows(path, shown, notes, sheets) if fmt == "xlsx" else _csv_rows(path, shown, max_bytes, notes)
    rows = _skip_titles(rows, shown, notes)
    try:
        first = next(rows)
    except StopIteration:
        raise CorpusError(Errors.E005.format(path=shown)) from None
    sample: list[list[str | None]] = []
    for row in rows:
        sample.append(row)
        if len(sample) >= _SAMPLE_ROWS:
            break
    if sample and (_is_second_header(sample[0]) or _is_option_row(first, sample[0])):
        # SurveyMonkey: the questions, then a row of "Open-Ended Response" and check-box options; or a
        # question over its options in merged cells, the options in the row under it (SurveyXact, Enalyzer)
        first, sample = _with_second_header(first, sample[0]), sample[1:]
        notes.append(Warnings.W023.format(path=shown, rows=1))
    elif sample and _is_variable_row(first, sample[0]):
        # SurveyXact with the labels first: the questions, then a row of variable names (s_1, s_2)
        sample = sample[1:]
        notes.append(Warnings.W023.format(path=shown, rows=1))
    header = _unique_headers(first)
    skip = _label_rows(header, sample)
    questions = header
    if skip:
        labels = [*sample[0], *([None] * len(header))][: len(header)]
        questions = [(label or "").strip() or name for name, label in zip(header, labels, strict=True)]
        notes.append(Warnings.W023.format(path=shown, rows=skip))
        sample = sample[skip:]
    questions = _with_asked(questions)
    if not sample:
        raise CorpusError(Errors.E021.format(path=shown, columns=", ".join(header)))
    spoken = _transcript_columns(header, sample) if id_column is None and not text_columns else None
    if spoken is not None:
        return _transcript(header, itertools.chain(sample, rows), *spoken, shown=shown, notes=notes)
    if id_column is None and not text_columns and _is_headless_transcript(first, sample):
        # No header row: the first row is the first turn (its question was taken for a column's name)
        return _transcript(["A", "B"], itertools.chain([first], sample, rows), 0, 1, shown=shown, notes=notes)
    id_index = _id_column(header, id_column, shown)
    open_indices = _text_columns(header, questions, sample, id_index, text_columns, shown)
    others = [header[i] for i in range(len(header)) if i not in open_indices and i != id_index]
    if text_columns is None and others:  # what was decided, to be checked: the tables count only these
        notes.append(Warnings.W040.format(path=shown, n=len(open_indices),
                                          open=", ".join(f"'{questions[i]}'" for i in open_indices),
                                          attributes=_listed(others)))
    if id_index is None:
        notes.append(Warnings.W019.format(path=shown))
    parts: list[str] = []
    turns: list[Turn] = []
    position = 0
    attribute_indices = [i for i in range(len(header)) if i not in open_indices and i != id_index]
    group_index = _group_column(header, attribute_indices)
    if group_index is not None:
        notes.append(Warnings.W029.format(path=shown, column=header[group_index]))
    # A column with no value in the sample is judged by what comes later (a question added midway)
    unseen: dict[int, list[str]] = {
        i: [] for i in attribute_indices
        if text_columns is None and not any(i < len(row) and (row[i] or "").strip() for row in sample)
    }
    width = len(header)
    # sheets read as one (W047): the sheet's name is the last column, and an id is one respondent per sheet
    sheet_index = width - 1 if sheets and header[-1] == Texts.sheet_column else None
    sheets_of: dict[str, set[str]] = {}
    label_index = id_index if id_index is not None else (0 if 0 not in open_indices else None)
    totals: list[str] = []
    rows_of: dict[str, int] = {}  # id -> the hash of its first row
    doubles = 0
    repeated: dict[str, None] = {}  # ids seen on two or more rows, in order
    answers_in = dict.fromkeys(open_indices, 0)
    beyond = 0  # rows with text in cells past the last column header: it has no question to go with
    for number, row in enumerate(itertools.chain(sample, rows), start=1):
        if len(row) < width:
            row = [*row, *([None] * (width - len(row)))]
        elif len(row) > width and any((cell or "").strip() for cell in row[width:]):
            beyond += 1
        for i, later in unseen.items():
            value = row[i]
            if value and value.strip() and len(later) < _SAMPLE_ROWS:
                later.append(value)
        if label_index is not None and _TOTALS.fullmatch((row[label_index] or "").strip()):
            totals.append((row[label_index] or "").strip())  # "I alt" under the answers: a sum, no one's
            continue
        respondent = (row[id_index] or "").strip() if id_index is not None else ""
        respondent = respondent or str(number)
        key = respondent if sheet_index is None else f"{respondent}\n{row[sheet_index]}"
        if sheet_index is not None:
            sheets_of.setdefault(respondent, set()).add(row[sheet_index] or "")
        if key in rows_of:
            if rows_of[key] == hash(tuple(row)):
                doubles += 1  # the same answers sent twice: read once
                continue
            repeated.setdefault(respondent, None)
        else:
            rows_of[key] = hash(tuple(row))
        attributes = tuple([(header[i], row[i] or "") for i in attribute_indices])
        if group_index is not None:
            attributes += ((GROUP_COLUMN, row[group_index] or ""),)
        for i in open_indices:
            answer = row[i]
            if not is_answer(answer):
                continue
            answers_in[i] += 1
            if parts:
                parts.append(_SEPARATOR)
                position += len(_SEPARATOR)
            if "\r" in answer:
                answer = answer.replace("\r\n", "\n").replace("\r", "\n")
            turns.append(Turn(respondent, position, position + len(answer), RESPONDENT, None,
                              attributes, questions[i]))
            parts.append(answer)
            position += len(answer)
    if not turns:
        raise CorpusError(Errors.E005.format(path=shown))
    if any(len(found) > 1 for found in sheets_of.values()):
        # ids that start again at 1 on each sheet are different people: "3 (Elever)", not one respondent
        turns = [turn._replace(speaker=f"{turn.speaker} ({dict(turn.attributes)[Texts.sheet_column]})")
                 for turn in turns]
    if beyond:
        notes.append(Warnings.W037.format(path=shown, n=beyond))
    if doubles:
        notes.append(Warnings.W027.format(path=shown, n=doubles))
    if totals:
        notes.append(Warnings.W026.format(path=shown, n=len(totals), labels=", ".join(dict.fromkeys(totals))))
    if repeated:
        notes.append(Warnings.W024.format(path=shown, n=len(repeated), example=next(iter(repeated))))
    notes += [Warnings.W022.format(path=shown, column=header[i], n=len(sample))
              for i, later in unseen.items() if _is_open(questions[i], later) and not personal_column(header[i], later)]
    # An open question nobody answered: a named answer column, or an empty one headed by a question
    notes += [Warnings.W025.format(path=shown, column=header[i]) for i, n in answers_in.items() if not n]
    notes += [Warnings.W025.format(path=shown, column=header[i]) for i, later in unseen.items()
              if not later and questions[i].rstrip().endswith("?")]
    return Survey("".join(parts) + "\n", tuple(turns), notes)


_SPEAKER_HEADERS = frozenset({"taler", "talernavn", "speaker", "speakername", "navn", "name", "person", "deltager",
                              "stemme", "voice", "rolle", "role", "hvem", "who"})
_SPOKEN_HEADERS = frozenset({"tekst", "text", "replik", "udsagn", "transcript", "transskription", "transcription",
                             "utterance", "indhold", "content", "sætning", "sentence", "citat", "ytring",
                             "hvadblevsagt", "sagt"})
_TIME_HEADERS = frozenset({"start", "slut", "stop", "tid", "time", "timecode", "tidskode", "timestamp", "tidsstempel",
                           "begin", "end", "starttime", "endtime", "starttid", "sluttid", "in", "out", "varighed",
                           "duration", "nr", "nummer", "no", "index", "id", "", "starts", "ends", "startms", "endms",
                           "timespan", "tidsrum", "tidsinterval"})
_START_HEADERS = frozenset({"start", "tid", "time", "timecode", "tidskode", "timestamp", "tidsstempel", "begin",
                            "starttime", "starttid", "in", "starts", "startms", "timespan", "tidsrum", "tidsinterval"})
"""Time columns that give when a row was said (a span, as NVivo's ``Timespan``, by its start)."""
_SPAN_START = re.compile(rf"({TIMESTAMP})[ \t]*[-–][ \t]*{TIMESTAMP}$")


def _transcript_columns(header: list[str], sample: list[list[str | None]]) -> tuple[int, int] | None:
    """(speaker, text) columns of a transcript exported as a table (Happy Scribe, Sonix, Teams:
    ``Start;Slut;Taler;Tekst``): one speaker column, one text column, every other column a time
    or a number, and two or more speakers. None for anything else: a survey is read as one."""
    names = [re.sub(r"\(.*?\)", "", name) for name in header]
    kinds = [_squeezed(name) for name in names]
    speakers = [i for i, kind in enumerate(kinds) if kind in _SPEAKER_HEADERS]
    spoken = [i for i, kind in enumerate(kinds) if kind in _SPOKEN_HEADERS]
    if len(speakers) != 1 or len(spoken) != 1:
        return None
    if any(kind not in _TIME_HEADERS for i, kind in enumerate(kinds) if i not in (speakers[0], spoken[0])):
        return None
    said = [(row[speakers[0]] or "").strip() for row in sample if speakers[0] < len(row)]
    said = [name for name in said if name]
    # Speakers take turns: few names, each on many rows (a form of names and comments has one a row)
    return (speakers[0], spoken[0]) if 2 <= len(set(said)) <= len(said) / 2 else None


def _is_headless_transcript(first: list[str | None], sample: list[list[str | None]]) -> bool:
    """Whether a sheet is a transcript with no header row, one turn a row (``I | Kan du starte med ...?``):
    two columns, the first of a few short speakers taking turns (the first row's among them), the second
    of what they said."""
    rows = [[(cell or "").strip() for cell in row] for row in [first, *sample]]
    if any(len(row) < 2 or any(row[2:]) for row in rows):
        return False
    said = [row[0] for row in rows if row[0] and row[1]]  # an empty speaker goes on with the last one's turn
    return (bool(rows[0][0]) and len(rows[0][1].split()) >= 3 and rows[0][0] in said[1:]
            and all(len(name.split()) <= 3 for name in said) and 2 <= len(set(said)) <= len(said) / 2)


def _transcript(header: list[str], rows: Iterable[list[str | None]], speaker_index: int, text_index: int, *,
                shown: str, notes: list[str]) -> Survey:
    """The rows of a transcript table as ``Taler: tekst`` lines, a turn per run of one speaker's rows,
    as the cues of a subtitle file (the first time column gives a turn its time)."""
    from kvaleval.read._subtitles import Cue, render_turns

    times = [i for i, name in enumerate(header) if _squeezed(name) in _START_HEADERS]
    cues = []
    for row in rows:
        cells = [*row, *([None] * len(header))]
        said = " ".join((cells[text_index] or "").split())
        if said:
            who = " ".join((cells[speaker_index] or "").split()) or None
            when = (cells[times[0]] or "").strip() or None if times else None
            span = _SPAN_START.match(when) if when else None  # "0:00:05.0 - 0:00:09.2": its start
            cues.append(Cue(who, said, span.group(1) if span else when, 0.0, 0.0))
    if not cues:
        raise CorpusError(Errors.E005.format(path=shown))
    text, turns = render_turns(cues)
    others = [header[i] for i in range(len(header)) if i not in (speaker_index, text_index)]
    notes.append(Warnings.W039.format(path=shown, speaker=header[speaker_index], text=header[text_index],
                                      n=len(turns), others=", ".join(others) or "-"))
    return Survey(text, turns, notes)


def _listed(names: list[str], most: int = 8) -> str:
    """``a, b, c`` or ``a, b, ... (+12)``; ``-`` for none."""
    shown = ", ".join(names[:most]) + (f", ... (+{len(names) - most})" if len(names) > most else "")
    return shown or "-"


def _id_column(header: list[str], id_column: str | None, shown: str) -> int | None:
    if id_column is not None:
        if id_column not in header:
            raise CorpusError(Errors.E012.format(path=shown, missing=[id_column], columns=header))
        return header.index(id_column)
    for i, name in enumerate(header):
        if re.sub(r"[\s_.\-#]", "", name.lower()) in ID_NAMES:
            return i
    return None


def _text_columns(
    header: list[str],
    questions: list[str],
    sample: list[list[str | None]],
    id_index: int | None,
    text_columns: Sequence[str] | None,
    shown: str,
) -> list[int]:
    if text_columns is not None:
        missing = [name for name in text_columns if name not in header]
        if missing:
            raise CorpusError(Errors.E012.format(path=shown, missing=missing, columns=header))
        return [header.index(name) for name in text_columns]
    chosen = []
    for i, name in enumerate(header):
        if i == id_index or is_group_name(name):  # the respondents' group (Gruppe), not a question
            continue
        # "-" and "Ikke besvaret" are no answers: a column of mostly "-" is not numbers
        values = [value for row in sample if i < len(row) and is_answer(value := row[i])]
        if _is_open(questions[i], values) and not personal_column(name, values):
            chosen.append(i)
    if not chosen:
        raise CorpusError(Errors.E011.format(path=shown, columns=header))
    return chosen


def _is_open(header: str, values: list[str]) -> bool:
    """Free text (mostly several words, mostly distinct), or a question header with wordy answers.
    """
    if not values or personal_column(header, values):  # names and contact data are not answers
        return False
    words = [len(value.split()) for value in values]
    numeric = sum(bool(re.fullmatch(r"[\d\s.,%-]+", value)) for value in values) / len(values)
    if numeric > 0.5:
        return False
    if sum(bool(_SCALE.fullmatch(" ".join(value.split()).casefold())) for value in values) >= 0.8 * len(values):
        return False  # a rating scale's answers ("I høj grad", "Hverken enig eller uenig"), however few
    if sum(bool(_DATE_START.match(value)) for value in values) > 0.8 * len(values):
        return False  # timestamps ("2024/03/01 1:10:00 PM CET", Google Forms' Tidsstempel)
    counts = Counter(values)
    repeated = [n for n in counts.values() if n > 1]
    if (len(values) >= _CLOSED_MIN and len(counts) <= _CLOSED_OPTIONS and len(repeated) >= 0.8 * len(counts)
            and sum(repeated) >= 0.8 * len(values)):
        # the few options of a closed question, each chosen again and again ("Hverken tilfreds eller
        # utilfreds"); a comment field of many "Nej" and a few comments, each said once, stays open
        return False
    if len(values) >= 4 and len(counts) * 2 <= len(values) and min(counts.values()) >= 2 \
            and sum(words) < 4 * len(values):
        return False  # a small survey's closed question: short values, each chosen twice or more ("Afdeling 2")
    if _is_multiple_choice(values):
        return False
    multi = sum(count >= 3 for count in words) / len(values)
    mean_words = sum(words) / len(values)
    distinct = len(set(values)) / len(values)
    if multi >= 0.5 and (distinct >= 0.6 or len(values) < 3 or mean_words >= 8):
        return True  # long texts are no closed question's options, even where many paste one (a campaign)
    # A comment field many leave at "Nej" or "Ved ikke": the comments among them decide.
    said = [value for value in values if not says_nothing(value)]
    fewest = 1 if _COMMENT_HEADER.search(header) else 2  # "Øvrige bemærkninger": one comment is one
    if fewest <= len(said) < len(values) and sum(len(value.split()) >= 3 for value in said) >= 0.5 * len(said) \
            and len(set(said)) >= 0.6 * len(said):
        return True
    asks = header.strip().endswith("?") or bool(_QUESTION_WORDS.search(header))
    if _OPEN_PROMPT.search(header) and len(values) >= 3 and distinct >= 0.8:
        return True  # "Nævn ét ord, der beskriver sekretariatet": one word each, all different
    if asks and len(values) >= _CLOSED_MIN and distinct >= 0.8 and len(header.split()) >= 2 \
            and sum(not any(char.isdigit() for char in value) for value in values) >= 0.9 * len(values):
        return True  # short answers to a question, nearly all different ("Nævn ét ønske": "Hundeskov")
    return asks and mean_words >= 2 and distinct >= 0.5


_SCALE = re.compile(
    r"(?:\d{1,2}\s*[-–.:=)]\s*)?"  # a numbered scale: "5 - Meget tilfreds", "1. Helt uenig"
    r"(?:(?:i\s+)?(?:meget\s+)?(?:høj|stor|nogen|mindre|ringe|lav|middel|begrænset)\s+grad"
    r"|slet\s+ikke|ved\s+ikke|ikke\s+relevant|uden\s+betydning"
    r"|(?:(?:helt|meget|delvist|overvejende)\s+)?(?:u?enig|u?tilfreds|god|godt|dårlig|dårligt)"
    r"|hverken\s+(?:enig|tilfreds|god|godt)\s+eller\s+(?:uenig|utilfreds|dårlig|dårligt)"
    r"|altid|ofte|nogle\s+gange|af\s+og\s+til|sjældent|aldrig)"
)
"""The answers of a Danish rating scale (Likert): a column of them is a closed question, even in a
survey too small to see its few options repeat."""
_OPEN_PROMPT = re.compile(r"\b(?:nævn|beskriv|skriv|uddyb|fortæl|giv\s+et\s+eksempel|kommentér|kommenter)\b",
                          re.IGNORECASE)
"""A header that asks for free text in so many words, however short the answers."""
_COMMENT_HEADER = re.compile(r"bemærkning|kommentar|uddyb|andet\b|tilføje|forslag", re.IGNORECASE)
"""A comment field's header: one comment among many "Nej" makes it open."""


_TOTALS = re.compile(r"(?i)i alt:?|total[t]?:?|totaler|sum:?|summa|antal(?: besvarelser)?:?|gennemsnit:?|"
                     r"middelværdi|average|mean|count")
"""The label of a row of sums under a survey's answers, in its id (or first) column. Not a bare
``N``: in a first column that is a closed question it may be an answer ("N" for nej)."""
_VARIABLE = re.compile(r"[a-z]+_?\d+(?:_[a-z0-9]+)*", re.IGNORECASE)
"""A survey tool's variable name: letters, then a number (``s_3``, ``baggrund_1``, ``Q2``, ``q3_4_text``)."""
_IMPORT_ID = re.compile(r'\s*\{\s*"ImportId"\s*:')


def _label_rows(header: list[str], sample: list[list[str | None]]) -> int:
    """How many rows under the headers are more headers, not answers (0, 1 or 2).

    Qualtrics writes short column names (``Q1``, ``ResponseId``), then a row of question
    texts (``Hvad har været det bedste?``, ``Response ID``), and in CSV a third row of
    ``{"ImportId":"QID1_TEXT"}``. The second row is taken for labels when the third is
    ImportIds, when at least three of its cells spell the header they stand under with
    spaces (``StartDate`` / ``Start Date``) or repeat it (``Afdeling`` / ``Afdeling``), or when most
    headers are variable names (``s_3``) over words (``Hvad har været det bedste?``), as SurveyXact
    and Enalyzer export them.
    """
    if not sample:
        return 0
    if len(sample) > 1:
        cells = [cell for cell in sample[1] if cell and cell.strip()]
        if cells and sum(bool(_IMPORT_ID.match(cell)) for cell in cells) >= 0.5 * len(cells):
            return 2
    spelled = sum(
        label.strip() != name and _squeezed(label) == _squeezed(name)
        for name, label in zip(header, sample[0], strict=False) if label
    )
    # SurveyXact and Enalyzer: variable names (s_1, baggrund_2) over the questions they stand for
    labelled = sum(
        bool(_VARIABLE.fullmatch(name)) and _is_label(label.strip())
        for name, label in zip(header, sample[0], strict=False) if label
    )
    # Enalyzer: the background variables' names again over their columns, the questions under Q1, Q2
    repeated = sum(label.strip().casefold() == name.strip().casefold()
                   for name, label in zip(header, sample[0], strict=False) if label and name)
    if spelled >= 3 or repeated >= 3:
        return 1
    if repeated >= 2 and repeated + labelled >= 0.6 * len(header):
        return 1
    return 1 if labelled >= 2 and labelled >= 0.6 * len(header) and not _is_data_row(sample) else 0


_RESPONSE = re.compile(r"(?i)\s*(?:open-ended response|response|åbent svar|åben besvarelse)\s*")


def _is_second_header(row: list[str | None]) -> bool:
    """SurveyMonkey's second header row: ``Response`` or ``Open-Ended Response`` under the questions
    (and under a check-box question the name of each option), nothing under the respondent's id."""
    return any(cell and _RESPONSE.fullmatch(cell) for cell in row) and not (row[0] or "").strip()


def _is_option_row(first: list[str | None], row: list[str | None]) -> bool:
    """A row of a question's options under the question, which stands over them in a merged cell (``Hvor har
    du hørt om os?`` over ``Facebook | Avis | Andet, angiv``): the row fills only the columns of such spans
    (a header and the blank headers after it), at least one of them a blank one, and nothing under the other
    headers, the respondent's id among them. A respondent's row has an id; read as one, the options were
    a respondent's answers and the columns had no names."""
    width = max(len(first), len(row))
    heads = [(first[i] or "").strip() if i < len(first) else "" for i in range(width)]
    under = [bool((row[i] or "").strip()) if i < len(row) else False for i in range(width)]
    spanned = {i for i in range(1, width) if not heads[i] and any(heads[:i])}
    spans = spanned | {max(j for j in range(i) if heads[j]) for i in spanned}
    return (not under[0] and sum(under) >= 2 and any(under[i] for i in spanned)
            and all(i in spans for i in range(width) if under[i]))


def _with_second_header(first: list[str | None], second: list[str | None]) -> list[str | None]:
    """The column names of a two-row header: the question, and for each option of a check-box
    question ``question: option`` (the question stands over its first option only)."""
    names: list[str | None] = []
    question = ""
    for index in range(max(len(first), len(second))):
        head = (first[index] or "").strip() if index < len(first) else ""
        under = (second[index] or "").strip() if index < len(second) else ""
        question = head or question
        if under and not _RESPONSE.fullmatch(under) and under != head:
            names.append(f"{question}: {under}" if question else under)
        else:
            names.append(head or None)
    return names


_IDENTIFIER = re.compile(r"[a-z][a-z0-9_.]*")


def _is_variable_row(first: list[str | None], row: list[str | None]) -> bool:
    """A row of a survey tool's variable names under the questions (``respondent``, ``s_1``,
    ``s_2``, as SurveyXact writes them when the labels come first): lower-case names, two or more
    of them a name and a number, under headers that are words."""
    cells = [cell.strip() for cell in row if cell and cell.strip()]
    heads = [cell.strip() for cell in first if cell and cell.strip()]
    return (len(cells) >= 2 and sum(bool(_IDENTIFIER.fullmatch(cell)) for cell in cells) >= 0.8 * len(cells)
            and sum(bool(_VARIABLE.fullmatch(cell)) for cell in cells) >= 2
            and sum(bool(_VARIABLE.fullmatch(head)) for head in heads) < 0.5 * len(heads))


def _is_data_row(sample: list[list[str | None]]) -> bool:
    """The first row under variable names is an answer when it holds a number (a respondent id, an
    age: a row of question texts has none) or a value that recurs further down its column (``Kvinde``),
    as a question's text does not. A SurveyXact export without its label row lost its first
    respondent to the labels."""
    first = sample[0]
    if any(cell and _NUMBER.fullmatch(cell.strip()) for cell in first):
        return True
    below = [{(row[i] or "").strip() for row in sample[1:] if i < len(row)} for i in range(len(first))]
    return any(cell and cell.strip() in below[i] for i, cell in enumerate(first))


def _is_label(text: str) -> bool:
    """Words naming a question (``Hvad har været det bedste?``, ``Køn``), not a number."""
    return bool(text) and not _NUMBER.fullmatch(text) and (" " in text or text.endswith("?") or text[0].isupper())


def _squeezed(name: str) -> str:
    return re.sub(r"[\W_]", "", name.lower())


def _is_multiple_choice(values: list[str]) -> bool:
    """A check-box question: each value a list of a few options (``Facebook, Nabo`` from Google
    Forms, ``Facebook;Nabo;`` from Microsoft Forms), so the combinations are many but the options
    few. Nearly every value is made of options chosen three times or more, and a fifth or more
    pick two or more of them; a comment field of many ``Nej`` and some comments stays open."""
    if len(values) < _CLOSED_MIN:
        return False
    picks = [[part for part in _CHOICE_SPLIT.split(value.strip()) if part] for value in values]
    chosen = Counter(part for parts in picks for part in set(parts))
    options = {part for part, count in chosen.items() if count >= 3}
    if not options or len(options) > _CHOICE_OPTIONS:
        return False
    within = [parts for parts in picks if parts and all(part in options for part in parts)]
    return len(within) >= 0.9 * len(values) and sum(len(parts) > 1 for parts in within) >= 0.2 * len(values)


_OTHER = re.compile(r"(?i)(?:hvis\s+)?(?:andet|anden|andre|other)[\s,;.()–-]*(?:angiv|uddyb|nemlig|"
                    r"please specify|specify|hvilke[nt]?)\b[^:\n]{0,30}")
"""The text field of a closed question's last option (``Andet, angiv``, ``Anden, nemlig``, ``Other (please
specify)``), in the column after the question; not ``Andet`` alone, which may ask for anything else."""


def _with_asked(questions: list[str]) -> list[str]:
    """The questions, with an ``Andet, angiv`` column's asked as the question before it and the field
    (``Hvor har du hørt om os?: Andet, angiv``): a survey has one such field per closed question, and
    the answers were quoted under ``Andet, angiv (2)``, with nothing to tell which question they answer."""
    fields = [_NUMBERED.sub("", question) for question in questions]  # "Andet, angiv (2)": made unique
    asked = list(questions)
    for index in range(1, len(questions)):
        before = questions[index - 1]
        if _OTHER.fullmatch(fields[index]) and not _OTHER.fullmatch(fields[index - 1]) \
                and not before.startswith("kolonne "):
            asked[index] = f"{before}: {fields[index]}"
    return asked


_NUMBERED = re.compile(r"\s*\(\d+\)$")


def _unique_headers(header: list[str | None]) -> list[str]:
    seen: dict[str, int] = {}
    names = []
    for i, name in enumerate(header):
        name = (name or "").strip() or f"kolonne {i + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        names.append(name)
    return names


def _group_column(header: list[str], attribute_indices: list[int]) -> int | None:
    """The column that gives each respondent's group when the survey has no ``respondent_group``
    column: the one attribute column called ``Gruppe``, ``Respondentgruppe`` or the like."""
    name = group_alias(header[i] for i in attribute_indices)
    return next(i for i in attribute_indices if header[i] == name) if name is not None else None


def _csv_rows(path: Path, shown: str, max_bytes: int, notes: list[str]) -> Iterator[list[str | None]]:
    """The rows of a CSV file, streamed; how its bytes were read is noted as for a text file
    (W004 a guessed encoding, W008 cp1252 bytes in UTF-8, W007 NUL characters), once it is read."""
    size = path.stat().st_size
    if size > max_bytes:
        raise CorpusError(
            Errors.E015.format(path=shown, size=size // (1024 * 1024),
                               limit=max_bytes // (1024 * 1024))
        )
    with path.open("rb") as handle:
        head = handle.read(1_000_000)
    decoded = decode_bytes(head, path=shown)
    delimiter = sniff_under_title(decoded.text, title_lines=_TITLE_ROWS)
    encoding = stream_encoding(decoded.encoding)
    errors = text_errors(decoded.encoding)
    if not decoded.certain and not decoded.mixed_bytes:
        notes.append(Warnings.W004.format(path=shown, encoding=decoded.encoding))
    fallbacks = fallback_bytes()
    nul = 0
    repaired = 0  # letters saved twice over ("Ã¸"), set right in a file whose first part has them
    checked = size <= len(head)
    # An answer may be longer than the csv module's 131,072 characters (a long letter pasted into a survey):
    # the whole file was refused for it. A cell can be no longer than the file.
    limit = csv.field_size_limit(max(csv.field_size_limit(), size + 1))
    with path.open("r", encoding=encoding, errors=errors, newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            if checked:
                _check_quotes_close(decoded.text, delimiter, shown)
            first_line = last_line = 0  # the lines of the last row read
            for index, row in enumerate(reader):
                first_line, last_line = last_line + 1, reader.line_num
                if index == 0 and row:
                    row[0] = row[0].removeprefix("\ufeff")
                if not checked and any(len(cell) > _FIELD_LIMIT for cell in row):
                    # ... but a quote that never closes makes one too: told apart by a strict reading
                    checked = True
                    _check_quotes_close(path.read_text(encoding=encoding, errors=errors), delimiter, shown)
                joined = "".join(row)
                if "\x00" in joined:
                    nul += joined.count("\x00")
                    row = [cell.replace("\x00", "") for cell in row]
                    joined = "".join(row)
                if decoded.repaired and ("Ã" in joined or "â" in joined):
                    fixed = [repair_mojibake(cell) for cell in row]
                    row = [cell for cell, _ in fixed]
                    repaired += sum(n for _, n in fixed)
                if joined and not joined.isspace():  # some cell holds more than white space
                    yield cast("list[str | None]", row)
            if not checked and last_line > first_line:
                # A quote left open near the end of a large file swallows the rows after it into a
                # last answer shorter than the limit above: the last row is read strictly once.
                with path.open("r", encoding=encoding, errors=errors, newline="") as tail:
                    text = "".join(itertools.islice(tail, first_line - 1, None))
                _check_quotes_close(text, delimiter, shown, first_line=first_line)
        except csv.Error as err:
            raise CorpusError(
                Errors.E007.format(path=shown, kind="CSV", app=Texts.app_excel,
                                   detail=Texts.csv_quote.format(line=reader.line_num, error=err))
            ) from err
        finally:
            csv.field_size_limit(limit)
    if mixed := fallback_bytes() - fallbacks:
        notes.append(Warnings.W008.format(path=shown, n=mixed))
    if nul:
        notes.append(Warnings.W007.format(path=shown, n=nul))
    if repaired:
        notes.append(Warnings.W048.format(path=shown, n=repaired))


def _check_quotes_close(text: str, delimiter: str, shown: str, *, first_line: int = 1) -> None:
    """Refuse a file whose quoted field never closes: read leniently, it swallows every row after
    the opening quote into one answer, respondents lost without a word (a whole small file is
    read strictly once to tell; a quote inside an unquoted answer is no such field)."""
    try:
        for _row in csv.reader(io.StringIO(text), delimiter=delimiter, strict=True):
            pass
    except csv.Error as err:
        if "unexpected end of data" not in str(err):
            return  # another strictness (text after a closing quote), which the lenient reading handles
        lenient = csv.reader(io.StringIO(text), delimiter=delimiter)
        line = first_line
        for _row in lenient:
            start, line = line, first_line + lenient.line_num
        raise CorpusError(Errors.E007.format(
            path=shown, kind="CSV", app=Texts.app_excel,
            detail=Texts.csv_quote.format(line=start, error=Texts.csv_unclosed))) from None


def _xlsx_rows(path: Path, shown: str, notes: list[str],
               sheets: list[str] | None = None) -> Iterator[list[str | None]]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    names = check_zip(path, kind="Excel", app=Texts.app_excel, shown=shown, required=_XLSX_MEMBERS)
    links = sum(name.startswith("xl/externalLinks/") and name.endswith(".xml") for name in names)
    if links:
        notes.append(Warnings.W016.format(path=shown, n=links))
    formula_cells = 0
    missing_values = 0
    try:
        with contextlib.ExitStack() as stack:
            # Own file handles: openpyxl leaves its zip open when a damaged workbook fails to load.
            values_file = stack.enter_context(path.open("rb"))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                # keep_links=False: external workbooks are neither read nor fetched.
                values = openpyxl.load_workbook(values_file, read_only=True, data_only=True,
                                                keep_links=False)
                stack.callback(values.close)
                formulas = values
                # The formulas as typed come from a second reading of the file; a workbook without
                # any (most survey exports) is read once: each reading parses every cell in Python.
                if _has_formulas(path, names):
                    formulas_file = stack.enter_context(path.open("rb"))
                    formulas = openpyxl.load_workbook(formulas_file, read_only=True, data_only=False,
                                                      keep_links=False)
                    stack.callback(formulas.close)
            if not values.worksheets or not formulas.worksheets:
                detail = Texts.no_worksheet
                raise CorpusError(Errors.E007.format(path=shown, kind="Excel", detail=detail,
                                                     app=Texts.app_excel))
            sheet = _answer_sheet(values.worksheets)
            alike = _alike_sheets(values.worksheets, sheet)
            read_names = [values.worksheets[index].title for index in (sheet, *alike)]
            if alike:
                if sheets is not None:
                    sheets += read_names
                others = [name for name in values.sheetnames if name not in read_names]
                notes.append(Warnings.W047.format(path=shown, sheets=", ".join(f"'{name}'" for name in read_names),
                                                  column=Texts.sheet_column, others=_listed(others) or "-"))
            elif len(values.sheetnames) > 1:
                notes.append(Warnings.W015.format(path=shown, n=len(values.sheetnames),
                                                  sheet=values.worksheets[sheet].title))
            hidden_in: dict[int, set[int]] = {}
            for index in (sheet, *alike):
                answers = values.worksheets[index]
                width = answers.max_column or 1024  # Excel hides the unused columns to the right, too: not those
                hidden_in[index] = {i for i in _hidden_columns(path, getattr(answers, "_worksheet_path", ""))
                                    if i < width}
            hidden = hidden_in[sheet] | {i for index in alike for i in hidden_in[index]}
            if hidden:
                from openpyxl.utils import get_column_letter

                notes.append(Warnings.W041.format(path=shown, n=len(hidden), columns=", ".join(
                    get_column_letter(i + 1) for i in sorted(hidden))))
            for index in (sheet, *alike):  # hidden rows are read (an answer filtered out is an answer): say so
                answers = values.worksheets[index]
                rows_hidden = _hidden_rows(path, getattr(answers, "_worksheet_path", ""), answers.max_row or 0)
                if rows_hidden:
                    where = shown if not alike else f"{shown}, {Texts.sheet_column} '{answers.title}'"
                    listed = ", ".join(map(str, rows_hidden[:10])) + (", …" if len(rows_hidden) > 10 else "")
                    notes.append(Warnings.W050.format(path=where, n=len(rows_hidden), rows=listed))

            def sheet_rows(index: int, *, counted: bool = True) -> Iterator[list[str | None]]:
                nonlocal formula_cells, missing_values
                rows: Iterator[tuple[Any, Any]]
                if formulas is values:
                    rows = ((row, row) for row in values.worksheets[index].iter_rows(values_only=True))
                else:
                    rows = zip(values.worksheets[index].iter_rows(values_only=True),
                               formulas.worksheets[index].iter_rows(values_only=True), strict=False)
                while True:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        pair = next(rows, None)
                    if pair is None:
                        break
                    row: list[str | None] = []
                    for value, written in zip(*pair, strict=False):
                        if isinstance(written, str) and written.startswith("=") and value != written:
                            formula_cells += counted
                            if value is None:
                                # Nothing is evaluated: without a saved value the text as typed is kept.
                                missing_values += counted
                                value = written
                        row.append(_cell_text(value))
                    if hidden_in[index]:
                        row = [cell for i, cell in enumerate(row) if i not in hidden_in[index]]
                    if any(cell and cell.strip() for cell in row):
                        yield row

            if not alike:
                yield from sheet_rows(sheet)
            else:
                # Sheets with the same columns (one per group of respondents) are one survey, each row
                # with its sheet's name in a column after the last one any of them fills.
                width = max(len(_trimmed(row)) for index in (sheet, *alike)
                            for row in sheet_rows(index, counted=False))
                for index in (sheet, *alike):
                    header_at = _header_row(values.worksheets[index])
                    for number, row in enumerate(sheet_rows(index)):
                        if number < header_at:  # a title: the first sheet's is told of (W020)
                            if index == sheet:
                                yield row
                            continue
                        if number == header_at and index != sheet:
                            continue  # the same headers again
                        name = Texts.sheet_column if number == header_at else values.worksheets[index].title
                        cells = _trimmed(row)
                        yield [*cells, *([None] * (width - len(cells))), name]
    except CorpusError:
        raise
    except (InvalidFileException, KeyError, ValueError, TypeError, AttributeError, IndexError,
            zipfile.BadZipFile, zlib.error, EOFError, OSError, LxmlError, ExpatError) as err:
        raise CorpusError(
            Errors.E007.format(path=shown, kind="Excel", app=Texts.app_excel,
                               detail=str(err)[:200] or type(err).__name__)
        ) from err
    if formula_cells - missing_values:
        notes.append(Warnings.W006.format(path=shown, n=formula_cells - missing_values))
    if missing_values:
        notes.append(Warnings.W014.format(path=shown, n=missing_values))


_FORMULA_ELEMENT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")
"""A cell formula's element, ``<f>`` (or ``<x:f ...>`` with a namespace prefix)."""


_HIDDEN_COLUMNS = re.compile(r"<(?:\w+:)?col\b[^>]*>")


def _hidden_columns(path: Path, member: str) -> set[int]:
    """The 0-based indices of the columns a worksheet hides (``<col min="4" max="4" hidden="1"/>``,
    read from the part before its cells; openpyxl's read-only sheets do not say)."""
    if not member:
        return set()
    head = b""
    with zipfile.ZipFile(path) as archive, archive.open(member) as part:
        while b"<sheetData" not in head and len(head) < 4 * 1024 * 1024:
            chunk = part.read(65536)
            if not chunk:
                break
            head += chunk
    text = head.split(b"<sheetData", 1)[0].decode("utf-8", errors="replace")
    hidden: set[int] = set()
    for element in _HIDDEN_COLUMNS.findall(text):
        if re.search(r'\bhidden="(?:1|true)"', element):
            low, high = (re.search(rf'\b{name}="(\d+)"', element) for name in ("min", "max"))
            if low and high:
                hidden.update(range(int(low.group(1)) - 1, min(int(high.group(1)), 16384)))
    return hidden


def _hidden_rows(path: Path, member: str, last: int) -> list[int]:
    """The 1-based numbers, up to ``last``, of the rows a worksheet hides (``<row r="5" hidden="1">``)."""
    if not member:
        return []
    found: set[int] = set()
    with zipfile.ZipFile(path) as archive, archive.open(member) as part:
        tail = b""
        while block := part.read(1 << 20):
            text = tail + block
            for element in _HIDDEN_ROW.finditer(text):
                number = re.search(rb'\br="(\d+)"', element.group())
                if number and int(number.group(1)) <= last:
                    found.add(int(number.group(1)))
            tail = text[-1024:]  # a row's tag cut by the block's end is found with the next block
    return sorted(found)


_HIDDEN_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*\bhidden="(?:1|true)"[^>]*>')


def _has_formulas(path: Path, names: Iterable[str]) -> bool:
    """Whether any worksheet of the workbook holds a formula element (True when unsure)."""
    sheets = [name for name in names if name.lower().startswith("xl/worksheets/") and name.lower().endswith(".xml")]
    try:
        with zipfile.ZipFile(path) as archive:
            for name in sheets:
                with archive.open(name) as member:
                    tail = b""
                    while block := member.read(1 << 20):
                        if _FORMULA_ELEMENT.search(tail + block):
                            return True
                        tail = block[-64:]
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, KeyError, ValueError):
        return True  # openpyxl reads it (or says what is wrong) as before
    return not sheets


def _trimmed(row: list[str | None]) -> list[str | None]:
    """The row without the empty cells at its end."""
    end = len(row)
    while end and not (row[end - 1] or "").strip():
        end -= 1
    return row[:end]


def _sheet_head(sheet: object) -> tuple[int, list[str]] | None:
    """Where a sheet's headers are (among its rows with something in them) and what they say, as
    :func:`_answer_sheet` finds them; None for a sheet without a row of headers and rows under it."""
    peeked = itertools.islice(sheet.iter_rows(values_only=True), _PEEK_ROWS)  # type: ignore[attr-defined]
    rows = [[_cell_text(value) for value in row] for row in peeked]
    rows = [row for row in rows if any(cell and cell.strip() for cell in row)]
    head = _title_rows(rows[: _TITLE_ROWS + 1])
    if head + 1 >= len(rows) or sum(1 for cell in rows[head] if cell and cell.strip()) < 2:
        return None
    return head, _unique_headers(_trimmed(rows[head]))


def _header_row(sheet: object) -> int:
    found = _sheet_head(sheet)
    return found[0] if found else 0


def _alike_sheets(worksheets: Sequence[object], sheet: int) -> list[int]:
    """The sheets after the answer sheet with the very same headers (a workbook with a sheet per group of
    respondents, ``Forældre`` and ``Elever``): only the first was read, the others' answers left out."""
    first = _sheet_head(worksheets[sheet])
    if first is None or _is_variable_list(first[1]):
        return []
    return [index for index in range(sheet + 1, len(worksheets))
            if (found := _sheet_head(worksheets[index])) is not None and found[1] == first[1]]


def _answer_sheet(worksheets: Sequence[object]) -> int:
    """The sheet with the answers: the first whose first rows hold headers of two or more
    columns (under at most a short title) and an open-answer column, else the first with such
    headers and rows under them, else the first. A cover sheet, a summary table or a list of
    variables comes first in many exports."""
    fallback: int | None = None
    for index, sheet in enumerate(worksheets):
        peeked = itertools.islice(sheet.iter_rows(values_only=True), _PEEK_ROWS)  # type: ignore[attr-defined]
        rows = [[_cell_text(value) for value in row] for row in peeked]
        rows = [row for row in rows if any(cell and cell.strip() for cell in row)]
        head = _title_rows(rows[: _TITLE_ROWS + 1])
        if head + 1 >= len(rows) or sum(1 for cell in rows[head] if cell and cell.strip()) < 2:
            continue
        header, sample = _unique_headers(rows[head]), rows[head + 1 :]
        if _is_variable_list(header):
            continue  # its question texts are not answers
        if any(_is_open(name, [value for row in sample if i < len(row) and (value := row[i]) and value.strip()])
               for i, name in enumerate(header)):
            return index
        fallback = index if fallback is None else fallback
    return fallback or 0


_VARIABLE_LIST_WORDS = frozenset(
    """variabel variable variabelnavn variablename label labels etiket spørgsmål spørgsmålstekst question
    værdi value værdier values kode code svarmulighed svarmuligheder type format beskrivelse description
    navn name nr""".split()
)


def _is_variable_list(header: list[str]) -> bool:
    """A sheet describing the survey (``Variabel | Spørgsmål``, ``Værdi | Label``), not answering it."""
    words = [re.sub(r"[\W\d_]+", "", name.casefold()) for name in header if not name.startswith("kolonne ")]
    return 2 <= len(words) <= 5 and all(word in _VARIABLE_LIST_WORDS for word in words)


def _skip_titles(rows: Iterator[list[str | None]], shown: str, notes: list[str]) -> Iterator[list[str | None]]:
    """The rows from the column headers on, without a title above them (W020)."""
    head = list(itertools.islice(rows, _TITLE_ROWS + 1))
    start = _title_rows(head)
    if start:
        title = " / ".join(cell.strip() for row in head[:start] for cell in row if cell and cell.strip())
        notes.append(Warnings.W020.format(path=shown, excerpt=f'"{shorten(title, 80)}"'))
    return itertools.chain(head[start:], rows)


def _title_rows(head: list[list[str | None]]) -> int:
    """How many of the first rows are a title, not headers: a few lines of one cell each above a
    row of several cells (``Beboerundersøgelse 2024`` over ``ID | Alder | Hvad synes du ...?``).
    A title is one cell in column A, not a question; the headers under it are words, not numbers."""
    filled = [[cell.strip() for cell in row if cell and cell.strip()] for row in head]
    start = next((i for i, cells in enumerate(filled) if len(cells) >= 2), 0)
    titles = all(len(cells) <= 1 and not (row and row[0] and row[0].strip().endswith("?"))
                 and (not cells or (row[0] or "").strip() == cells[0])
                 for row, cells in zip(head[:start], filled[:start], strict=True))
    start = start if start and titles and not any(_NUMBER.fullmatch(cell) for cell in filled[start]) else 0
    if start + 1 < len(head) and _group_row(head[start], head[start + 1]):
        return start + 1
    return start


def _group_row(row: list[str | None], under: list[str | None]) -> bool:
    """A row of group names over the headers (``Baggrund | | | Åbne spørgsmål | |``, merged
    cells as Excel writes them): at most half as many cells as the row under it, each over a
    filled cell and none next to another (a group spans columns), and that row headers:
    words, no numbers, no two alike."""
    def cells(values: list[str | None]) -> dict[int, str]:
        return {i: value.strip() for i, value in enumerate(values) if value and value.strip()}

    groups, headers = cells(row), cells(under)
    return (len(groups) >= 2 and 2 * len(groups) <= len(headers) and groups.keys() <= headers.keys()
            and not any(i + 1 in groups for i in groups)
            and len(set(headers.values())) == len(headers)
            and not any(_NUMBER.fullmatch(cell) for cell in headers.values()))


def _cell_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ") if value.time() != dt.time() else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)

