"""Danish word knowledge shared by the segmenter and the coder, loaded lazily once.

The lemma table is spacy-lookups-data's ``da_lemma_lookup`` (CC BY-SA, shipped in
the package, no download). spaCy's own Lookups object hashes its keys and is
case-sensitive; here the JSON is read directly and lower-cased, keeping the first
lemma seen for a lower-cased form.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import cache
from importlib import resources

import numpy as np

NEGATIONS = frozenset({"ikke", "ik", "ikk", "aldrig", "ingen", "intet", "hverken", "ingenting", "ingensinde"})
"""Words that negate what follows or precedes them in a Danish clause."""

FILLERS = frozenset({"øh", "øhm", "æh", "æhm", "hm", "hmm", "mm", "ehm", "eh"})
"""Hesitation sounds: a phrase gap does not count them, and ``øhm:`` is not a speaker."""

NO_ANSWER = re.compile(
    r"^\W*(?:(?:(?:nej|øh+|hm+),?\s+)?(?:(?:det\s+)?ved\s+(?:jeg\s+)?ikke|det\s+ved\s+jeg\s+ikke"
    r"|(?:det\s+)?kan\s+(?:jeg\s+)?ikke\s+huske(?:\s+det)?|(?:det\s+)?husker\s+(?:jeg\s+)?(?:det\s+)?ikke"
    r"|aner\s+(?:det\s+)?ikke|ingen\s+(?:anelse|idé|ide))(?:\s+(?:rigtig|helt|lige|så\s+godt|nok))?"
    r"|hm+|øh+m?|mm+|tja|x|0|n/?a"
    r"|ikke\s+(?:besvaret|relevant|udfyldt)|ubesvaret|ingen\s+(?:kommentar(?:er)?|bemærkning(?:er)?)"
    r"|kan\s+ikke\s+svare|har\s+ikke\s+deltaget|(?:intet|ikke\s+noget)\s+at\s+tilføje)?\W*$",
    re.IGNORECASE,
)
"""An answer that says nothing (``Ved ikke``, ``Det kan jeg ikke huske``, ``Ikke besvaret``,
``Ingen kommentarer``, ``-``): it takes no theme from its question, and a survey column of them
with a few comments is a comment field."""

ASKS_BACK = re.compile(
    r"^\W*(?:(?:øh+|hm+|undskyld|nå)[\s,.!]+)?(?:hvad|hva|hvabehar|undskyld|hvordan\s+mener\s+du"
    r"|hvad\s+(?:for\s+noget|mener\s+du|siger\s+du|sagde\s+du)(?:\s+med\s+det)?)\W*\?\W*$",
    re.IGNORECASE,
)
"""An answer that only asks the interviewer to repeat or explain the question (``Hvad for noget?``,
``Hvad mener du?``, ``Undskyld?``): it answers nothing yet. Not ``Hvad er det?``, which says that the
thing asked about is unknown (kendskab, negativ)."""

_YES_NO = re.compile(r"^\W*(?:nej|ja|nej\s+tak|ingen|intet|ikke\s+noget|nix|næ|nope)\W*$", re.IGNORECASE)

_INVITES_COMMENT = re.compile(
    r"\b(?:kommentar(?:er)?|bemærkning(?:er)?|tilføje|uddybe|andet|andre\s+ting|yderligere"
    r"|noget\s+mere|mere,?\s+(?:du|at)|(?:fortælle|sige)\s+mere)\b",
    re.IGNORECASE,
)


_INVITES_COMMENT_LOWER = re.compile(_INVITES_COMMENT.pattern)

_BARE_YES_NO = re.compile(r"^\W*(?:nej(?:\s+tak)?|ja(?:\s+tak)?|jo|nix|næ|nope|jep|yes|no)\W*$", re.IGNORECASE)
_OPEN_QUESTION = re.compile(
    r"^\W*(?:hvad|hvordan|hvorfor|hvilken|hvilket|hvilke|hvem|hvornår|hvor|beskriv|fortæl|nævn|giv)\b",
    re.IGNORECASE,
)


_ASKING_START = re.compile(
    r"^(?:kan|kunne|vil|ville|har|havde|er|var|synes|syntes|oplever|oplevede|tænker|tror|ved|kender|bruger"
    r"|brugte|får|fik|må|skal|skulle|gør|gjorde|prøv|forklar|uddyb|sig|hvis)\b",
    re.IGNORECASE,
)
"""How a question or request without a question mark opens, besides :data:`_OPEN_QUESTION`'s words:
a verb first ("Kan du sige lidt om det."), or a request ("Prøv at fortælle.")."""


def asks(turn: str) -> bool:
    """Does an interviewer's turn ask (a question mark; a question or request without one, "Fortæl om
    ventelisten."; a survey's heading, "Kommentarer til lektiecaféen"), rather than tell, a sentence
    ending in a full stop ("Borgerne træner og får hjælp til kost.")?"""
    text = turn.strip()
    if "?" in text or not text.endswith((".", "!")):
        return True
    rest = text[_LEAD_IN.match(text).end():]  # type: ignore[union-attr]  # "Og ...", "Okay, så ..."
    return bool(_OPEN_QUESTION.match(rest) or _ASKING_START.match(rest))


def answers_nothing(question: str, answer: str) -> bool:
    """A bare yes or no to a question that asks for more than yes or no (``Hvad fungerer godt?`` -
    ``Nej``), or a bare no to one that asks what could be better or is missing (``Er der noget,
    skolen kan gøre bedre?`` - ``Nej, ikke rigtig``: nothing to change, no complaint about the
    theme): it answers nothing, and takes no theme from the question."""
    if _BARE_YES_NO.match(answer) and _OPEN_QUESTION.match(question):
        return True
    return bool(_BARE_NO.match(answer) and _ASKS_FOR_CHANGE.search(question))


_BARE_NO = re.compile(
    r"^\W*(?:nej|næ|nix|nope)?[\s,.!]*(?:(?:ikke|egentlig|rigtig|rigtigt|noget|intet|umiddelbart|så|det"
    r"|synes|tror|jeg|ikke\s+lige)[\s,.!]*)*\W*$",
    re.IGNORECASE,
)
"""``Nej``, ``Nej, ikke rigtig``, ``Næ, egentlig ikke``, ``Ikke noget``, ``Det tror jeg ikke``."""
_ASKS_FOR_CHANGE = re.compile(
    r"\b(?:gøre\s+(?:\w+\s+)?(?:bedre|anderledes)|gjort\s+(?:\w+\s+)?(?:bedre|anderledes)|forbedre[st]?"
    r"|ændre[st]?|savne[rt]?|mangle[rt]?)\b",
    re.IGNORECASE,
)


_ASKS_ABOUT_NEED = re.compile(r"\b(?:brug|behov)\s+for\b", re.IGNORECASE)
_ASKS_ABOUT_TROUBLE = re.compile(
    r"\b(?:problem\w*|vanskelighed\w*|bekymr\w*|savne[rt]?|savnet|mangle[rt]?|manglet|ventetid\w*|ventelist\w*)\b",
    re.IGNORECASE,
)
_ASKS_ABOUT_HELP_WITH_IT = re.compile(r"\b(?:hjælp\w*\s+(?:til|med)|hjulpet|løs(?:e|t|er|ning\w*))\b", re.IGNORECASE)


def asks_about_trouble(question: str) -> bool:
    """Does a yes/no question ask whether there is a need, a problem, a worry or a lack ("Har I haft
    brug for digital hjælp?", "Er der ventetid?", "Har du været bekymret?")? Its yes says there is,
    which is no praise, whatever good words the question holds ("hjælp"); not a question about help
    with the problem ("Har I fået hjælp til jeres problemer?")."""
    if _ASKS_ABOUT_NEED.search(question):
        return True
    return bool(_ASKS_ABOUT_TROUBLE.search(question)) and not _ASKS_ABOUT_HELP_WITH_IT.search(question)


_REQUEST = re.compile(
    r"\b(?:kan|kunne|vil|ville|gider)\s+(?:du|i)\s+(?:\w+\s+){0,2}?"
    r"(?:beskrive|fortælle|forklare|sige|uddybe|give|nævne|komme\s+med)\b",
    re.IGNORECASE,
)
_DISCOURSE_YES = re.compile(r"^\W*ja\W+(?:altså|øh|øhm|æh|hm+|jo|nu|så|tja)\b\W*[^\W\d_]", re.IGNORECASE)


def yes_opens_an_account(question: str, answer: str) -> bool:
    """Is the "ja" an answer opens with a way into an account, not a yes: "Ja, altså, den står jo ikke
    på døren ..." to a request put as a yes/no question ("Kan du beskrive, hvordan du møder
    ensomheden?")? Only a "ja" followed by a discourse word and more words: a bare "Ja." to "Kan du
    give et eksempel?" may still be one."""
    return bool(_DISCOURSE_YES.match(answer) and _REQUEST.search(question))


_REPLY_PARTICLE = re.compile(r"^\W*(?:ja+|jah|jo|nej|næ|nix|yes|no)\b(?!\s+tak\W*$)", re.IGNORECASE)
_LEAD_IN = re.compile(r"^\W*(?:(?:og|men|så|altså|okay|ok|nå|jamen|godt|fint|tak|super)\b[\s,.!]*)*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def is_polar_question(question: str) -> bool:
    """Does the (last) question ask for a yes or no (``Har du været i praktik?``, ``Og var hun din
    mentor?``), not for an account (``Hvordan var det?``, ``Fortæl om ...``)?"""
    asked = [part for part in _SENTENCE_END.split(question.strip()) if "?" in part]
    if not asked:
        return False
    last = asked[-1][_LEAD_IN.match(asked[-1]).end():]  # type: ignore[union-attr]
    return bool(last) and not _OPEN_QUESTION.match(last)


def last_question(question: str) -> str:
    """The last sentence of an interviewer's turn that asks (a question mark), or the whole turn."""
    asked = [part for part in _SENTENCE_END.split(question.strip()) if "?" in part]
    return asked[-1] if asked else question.strip()


_FOLLOW_UP_WORDS = frozenset("""
    og men så nu da hvad hvordan hvorfor hvem hvornår hvor hvilken hvilket det den dem du i jer han hun ham
    hende de man der jeg vi dig dit din mig sig er var har havde blev bliver skete sker gjorde gør går gik
    betyder betød mener tænker tænkte synes syntes føler følte kan kunne vil ville skal skulle må uddybe
    forklare sige fortælle give et en eksempel kom kommer fungerer fungerede oplevede oplever tror troede med
    for om til af på ud ind op efter mere lidt egentlig første gang gange bagefter siden stadig også igen
    ellers dag to noget nogen ikke lige præcis sådan altså okay ja nej nå nåh mm""".split())
"""The words of a follow-up that names nothing: question words, pronouns, common verbs and particles."""
_POINTS_BACK = frozenset({"det", "den", "dem", "så", "nu", "hun", "han", "ham", "hende", "de"})
_ELLIPTICAL = 3
"""A follow-up this short points back by leaving out what it asks about (``Hvorfor ikke?``, ``Hvordan?``,
``Men ikke dig?``): the rest of the question before it is understood."""
_HOW_ONE_IS = re.compile(r"\bhar\s+(?:du|han|hun|i|de)\s+det\b|\bhvordan\s+går\s+det\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def follows_up(question: str) -> bool:
    """Does the (last) question only follow up on what was just talked about, pointing back to it
    (``Og så?``, ``Hvad mener du med det?``, ``Hvad betyder hun for dig?``, ``Hvordan var det første
    gang?``), or leaves it out (``Hvorfor ikke?``)? Not one that names something of its own (``Hvordan går
    det med din søn?``, ``Kan du give et eksempel?`` points nowhere) or asks how someone is (``Hvordan har
    du det nu?``)."""
    last = last_question(question)
    words = _WORD.findall(last.lower())
    return (bool(words) and all(word in _FOLLOW_UP_WORDS for word in words)
            and (not _POINTS_BACK.isdisjoint(words) or len(words) <= _ELLIPTICAL)
            and not _HOW_ONE_IS.search(last))


def opens_with_yes_or_no(answer: str) -> bool:
    """``Ja, i en børnehave, fordi ...``, ``Nej. Det har jeg ikke oplevet``: after a yes/no question
    (:func:`is_polar_question`) the answer is about what was asked, however long it goes on."""
    return bool(_REPLY_PARTICLE.match(answer))


def without_reply_particle(answer: str) -> str:
    """``answer`` without the yes or no it opens with: to an open question (``Hvad med
    udskrivelserne?`` - ``Ja, det er et kapitel for sig``) that "ja" is no yes to anything."""
    found = _REPLY_PARTICLE.match(answer)
    return answer[found.end():] if found else answer


def says_nothing(answer: str) -> bool:
    """:data:`NO_ANSWER`, or a bare yes or no (``Nej``): in a comment field, no comment."""
    return bool(NO_ANSWER.match(answer) or _YES_NO.match(answer))


def invites_comment_many(questions: list[str]) -> np.ndarray:
    """Does each of ``questions`` ask for anything more (``Har du andre kommentarer til mentoren?``,
    ``Er der noget, du vil tilføje?``)? Then a bare ``Nej`` answers that, not the theme. One regex
    pass over them all (a survey of a million answers has thousands of distinct questions); the
    texts are joined by NUL, which no ``\\s`` or letter of the pattern matches, so no match spans
    two of them."""
    found = np.zeros(len(questions), dtype=bool)
    if not questions:
        return found
    starts = np.cumsum([0, *(len(question) + 1 for question in questions[:-1])])
    joined = "\x00".join(questions)
    low = joined.lower()  # a case-sensitive search of the lower-cased text is twice as fast
    if len(low) == len(joined):  # (a few letters lower-case to two: then the offsets would not hold)
        hits = [match.start() for match in _INVITES_COMMENT_LOWER.finditer(low)]
    else:
        hits = [match.start() for match in _INVITES_COMMENT.finditer(joined)]
    found[np.searchsorted(starts, hits, side="right") - 1] = True
    return found


DISCOURSE_WORDS = FILLERS | frozenset(
    """
    altså men og så nå ja nej jo okay ok fordi hvis eksempel fx nb bemærk note citat
    spørgsmålet problemet pointen konklusion dato sted tid kl tema emne varighed
    deltagere interview interviewet transskription transskriberet bilag resume referat
    kommentar svaret altid aldrig derfor desuden endelig først sidst dernæst herefter
    """.split()
)
"""Words that start a line followed by a colon in running text ("Altså: det var ..."),
and header fields of transcripts ("Dato:", "Sted:"), which are not speaker tags."""


@cache
def lemma_table() -> dict[str, str]:
    """Lower-cased Danish word form -> lower-cased lemma (about 550,000 forms)."""
    data = resources.files("spacy_lookups_data").joinpath("data", "da_lemma_lookup.json.gz")
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        table: dict[str, str] = json.load(handle)
    lowered: dict[str, str] = {}
    for form, lemma in table.items():
        lowered.setdefault(form.lower(), lemma.lower())
    return lowered


def is_danish_word(word: str) -> bool:
    """True if the lower-cased word is a form in the Danish lemma table (asked of the lemma index,
    :mod:`kvaleval.lemmas`, so that the table is not loaded for a few questions)."""
    from kvaleval.lemmas import is_word

    return is_word(word.lower())
