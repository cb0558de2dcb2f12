"""Name and keep lists, and the rules that decide whether a capitalised word is a name.

Danish writes common nouns in lower case, so a capitalised word in the middle of a
sentence is mostly a proper noun. Whether it is a *person's* name is decided, in order:

1. the caller's keep words stay;
2. a word on the name lists is a name, unless it is also an ordinary Danish word
   ("Bo", "Per", "Skov") and starts a sentence: then it is a name only next to another
   name ("Per Hansen");
3. a word already found as a name earlier in the run is a name;
4. a word on the built-in keep lists (places, organisations, months, pronouns,
   languages, abbreviations) stays, and so does an all-capital abbreviation and a word
   ending like a place or institution ("Lærkeparken", "Rosengårdcentret");
5. an ordinary Danish word ("Børn og Unge", "Somalisk Forening", "Moster") is a name
   only right before another name ("Moster Fatima");
6. any other capitalised word that does not start a sentence is taken for a name.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from kvaleval.danish import is_danish_word
from kvaleval.privacy.patterns import LOWER

NAME = "name"
WEAK = "weak"
DEFER = "defer"
KEEP = "keep"
HEURISTIC = "heuristic"
"""Verdicts of :func:`classify`: a name from the lists; an ambiguous word at a sentence
start that is a name only next to another name; a sentence-initial word that is a name
only if the run has seen it as one; not a name; a name by the heuristic."""

MONTHS = frozenset(
    "januar februar marts april maj juni juli august september oktober november december".split()
)
_TIME_WORDS = frozenset(
    """i fra til siden sidste næste om hele indtil primo ultimo medio midt hver først
    slut start starten slutningen midten efter før inden sidst i."""
    .split()
)
ABBREVIATIONS = frozenset(
    """hr fru frk dr skt sct st ca fx f.eks eks bl.a mv m.v osv evt nr kl jf inkl ang vedr
    tlf hhv ift i.f.t dvs mht m.h.t pga p.g.a prof mr mrs ms sr jr ex bla mvh kh vh""".split()
)
"""Abbreviations ending in a full stop that do not end a sentence ("hr. Hansen", "Kh. Kaj")."""

_PLACE_ENDINGS = tuple(
    """parken vænget centret centeret center centre skolen skole huset klubben kirken
    moskeen moskéen biblioteket bibliotek hallen haven stien bakken toften gården vej
    vejen gade gaden allé alle alléen plads pladsen torv torvet stræde strædet kvarteret
    kvarter byen området kommune kommunen regionen afdelingen forvaltningen caféen
    cafeen cafe café klinikken hospitalet sygehuset gymnasiet universitet universitetet
    foreningen forbundet fonden rådet udvalget tjenesten tilbuddet projektet programmet
    indsatsen planen netværket gruppen sekretariatet kontoret stationen banegården
    havnen stranden søen skoven marken centrene styrelsen styrelse ministeriet direktoratet
    tilsynet nævnet retten instituttet akademiet kassen banken skolerne institutionen
    børnehaven vuggestuen dagplejen fritidshjemmet ungdomsskolen plejehjemmet hjemmet""".split()
)
"""Endings of place and institution words ("Lærkeparken", "Rosengårdcentret"), kept
when written with a capital letter and not on the name lists."""

_SKIP = frozenset(" \t\r\f\v\u00a0\"'«»„“”‘’*_#(-–—•\u2022\uf0b7")
_BOUNDARY = frozenset(".!?:;…]|)>")
_PREFIX_RE = re.compile(r"[a-z]{1,3}-")
_SURNAME_PREFIXES = (
    "Mc", "Mac", "O'", "O’", "Di", "De", "Da", "Le", "La", "Van", "Von", "Al", "El"
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The shipped lists, lower-cased (``str.casefold``) for lookup.

    Attributes
    ----------
    names
        First and last names.
    ambiguous
        Names (and genitive forms) that are also ordinary Danish words.
    keep
        Single words of the keep lists.
    keep_phrases
        Multi-word entries of the keep lists ("Red Barnet", "Udbetaling Danmark").
    first_names, last_names
        The two name lists apart ("Hansen, Mette" is turned round only for a last name).
    """

    names: frozenset[str]
    ambiguous: frozenset[str]
    keep: frozenset[str]
    keep_phrases: tuple[str, ...]
    first_names: frozenset[str] = frozenset()
    last_names: frozenset[str] = frozenset()


def read_list(filename: str) -> list[str]:
    """The entries of one data file: stripped lines, without blanks and ``#`` comments."""
    text = resources.files("kvaleval.privacy").joinpath("data", filename).read_text("utf-8")
    return [s for s in (line.strip() for line in text.splitlines()) if s and s[0] != "#"]


_PLACE_NAME_ENDINGS = frozenset({"kirke", "have", "alle"})
"""Surnames in the ambiguous list that end place names (Vollsmose Kirke, Kongens Have, Vollsmose
Alle) far more often than they name a person: not names."""


@cache
def lexicon() -> Lexicon:
    """The shipped name and keep lists, read once."""
    first = frozenset(n.casefold() for n in read_list("first_names.txt"))
    last = frozenset(n.casefold() for n in read_list("last_names.txt"))
    keep_entries = [e for f in ("keep_places.txt", "keep_organisations.txt", "keep_words.txt")
                    for e in read_list(f)]
    keep = {e.casefold() for e in keep_entries if " " not in e}
    phrases = sorted({e for e in keep_entries if " " in e}, key=lambda p: (-len(p), p))
    ambiguous = frozenset(read_list("ambiguous_names.txt"))
    # The ambiguous list holds names no other list has (Sol, Ulv, Due, Krog: "always ambiguous"),
    # which are names all the same; and genitives that are words (hos, langs), which are not.
    names = first | last
    names |= {word for word in ambiguous - names - _PLACE_NAME_ENDINGS
              if not (word.endswith("s") and word[:-1] in names)}
    return Lexicon(
        names=names,
        ambiguous=ambiguous,
        keep=frozenset(keep),
        keep_phrases=tuple(phrases),
        first_names=first,
        last_names=last,
    )


_FOLD_SPECIAL = str.maketrans({"ı": "i", "ł": "l", "đ": "d", "ð": "d", "ß": "ss"})


def fold(word: str) -> str:
    """``word`` without the accents transcribers drop or add (î→i, ś→s, ð→d), keeping æøå: the
    lists hold names also written so (scripts/build_name_lists.py folds the same way)."""
    out = []
    for char in word.translate(_FOLD_SPECIAL):
        if char in "æøåÆØÅ":
            out.append(char)
            continue
        out.append("".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)))
    return "".join(out)


_SPELLINGS = (("sch", "sh"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("th", "t"), ("dh", "d"), ("ou", "u"),
              ("oo", "u"), ("ee", "i"), ("y", "i"), ("w", "v"), ("q", "k"), ("c", "k"))
_DOUBLE_RE = re.compile(r"(.)\1+")


@cache
def skeleton(word: str) -> str:
    """``word`` as its sounds, the way names are transliterated in many spellings: "Mukhammad" and
    "Muhammad", "Aischa" and "Aisha", "Youssef" and "Yusef" have one skeleton (folded, kh→h, sch→sh,
    ou→u, y→i, doubled letters once, no final h)."""
    out = fold(word.casefold())
    for spelling, sound in _SPELLINGS:
        out = out.replace(spelling, sound)
    out = _DOUBLE_RE.sub(r"\1", out)
    return out[:-1] if out.endswith("h") and len(out) > 3 else out


@cache
def transliterated() -> dict[str, str]:
    """Skeleton -> a first name on the lists with it, for names of four letters or more that are no
    Danish word and not ambiguous: an unlisted spelling ("Mukhammad") is read as the listed one."""
    lists = lexicon()
    out: dict[str, str] = {}
    for name in sorted(lists.first_names):
        if len(name) >= 4 and name.isalpha() and name not in lists.ambiguous and name not in lists.keep:
            out.setdefault(skeleton(name), name)
    return out


@lru_cache(maxsize=65536)
def transliteration(word: str) -> str | None:
    """The listed first name ``word`` spells another way ("mukhammad" -> "muhammad"), or None; a Danish
    word or a kept one is none."""
    if len(word) < 4:
        return None
    name = transliterated().get(skeleton(word))
    if name is None or is_danish_word(word) or word in lexicon().keep or word in _LOWER_WORDS:
        return None
    return name


_WRAPPED_RE = re.compile(r"(?<![^\W\d_])(?:hedder|kaldet|kaldes|med|til|hos|ved|fra|og|eller|ham|hende)[ \t]*$")
"""The last word of a line that no sentence ends on: the next line goes on with the same sentence."""


def sentence_initial(text: str, start: int) -> bool:
    """True if the word at ``start`` begins a sentence, a line, a quote or a speaker turn.

    Looks back over spaces, quotes, dashes and opening brackets to the previous sign: the
    text's start, a line break, ``. ! ? : ; …``, a closing bracket (``[griner] Men``)
    or a speaker tag's colon. A full stop after an abbreviation ("hr.", "f.eks.") does
    not end a sentence.
    """
    i = start - 1
    while i >= 0:
        char = text[i]
        if char == "\n":
            # a line wrapped after a word no sentence ends on: "hun hedder\nJannik", "vi kalder ham\nBulldozer"
            return _WRAPPED_RE.search(text, max(0, i - 12), i) is None
        if char in _SKIP:
            i -= 1
            continue
        if char != ".":
            return char in _BOUNDARY
        j = i
        while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
            j -= 1
        return text[j:i].casefold() not in ABBREVIATIONS
    return True


def _stems(core: str) -> list[tuple[str, str]]:
    """``(stem, genitive suffix)`` readings of a word, the word itself first."""
    readings = [(core, "")]
    if core[-2:] in ("'s", "’s"):
        readings.append((core[:-2], core[-2:]))
    elif core[-1:] in ("'", "’"):
        readings.append((core[:-1], core[-1:]))
    elif core[-1:] in ("s", "S") and len(core) > 2:
        readings.append((core[:-1], core[-1:]))
    return readings


def _month_context(text: str, start: int, end: int) -> bool:
    """True if a month name that is also a given name ("August") is used as a month."""
    before = text[max(0, start - 16) : start]
    if re.search(r"\d\.?\s*$", before):
        return True
    words = re.findall(r"[^\W\d_]+\.?", before.casefold())
    if words and words[-1] in _TIME_WORDS:
        return True
    return re.match(r"\s+\d", text[end : end + 6]) is not None


_PERSON_VERBS = frozenset(
    """sagde siger kom kommer ringede ringer skrev skriver hjalp hjælper spurgte spørger
    fortalte fortæller mente mener synes syntes tænkte tænker var er har havde gik går
    bor boede arbejder arbejdede hedder blev bliver plejede plejer kan kunne vil ville
    skal skulle må måtte fik får ved vidste gav giver tog tager sidder sad står stod
    lavede laver mødte møder viste viser kender kendte hentede henter sendte sender
    svarede svarer fandt finder købte køber prøvede prøver begyndte begynder nåede
    elsker elskede hader grinede griner græd flyttede flytter døde lod lader bad beder
    hjalp fulgte følger kørte kører tilbød tilbyder inviterede inviterer lærte lærer
    ordnede ordner tjekkede tjekker opdagede opdager foreslog foreslår
    husker huskede smilede smiler råbte råber skældte blander blandede snakkede snakker
    talte taler besøgte besøger""".split()
)
"""Verbs that, right after an ambiguous name at a sentence start, show it is the
subject: "Per fra boligselskabet ..." is not, "Per sagde ..." is."""

_SAYS_RE = re.compile(
    r"[ \t]+(?:sagde|siger|ringede|skrev|spurgte|fortalte|mente|synes|syntes|hjalp|lovede|svarede)(?![^\W\d_])")
"""Verbs of speaking after two capitals: "LP sagde" is a person's initials."""

_DEFINITE = ("en", "et", "ene", "erne", "ens", "ets", "enes", "ernes")
# "Per fra boligselskabet kom", "mohamed fra blok 3 siger": a verb after where the person is from
# "kim h. siger": an initial between the name and its verb
_NEXT_WORD_RE = re.compile(r"[ \t]+(?:[^\W\d_]\.[ \t]+)?(?:fra [^\W\d_]+ (?:\d+\w?[ \t]+)?)?([^\W\d_]+)")


def _subject_of_verb(text: str, end: int, key: str) -> bool:
    """True if the ambiguous name ending at ``end`` is followed by a verb it governs.

    "Per sagde", "Bo er", "Per fra boligselskabet kom" read as names; "Per måned",
    "Bo i Vollsmose" do not. Month names are left to their own rule.
    """
    if key in MONTHS:
        return False
    match = _NEXT_WORD_RE.match(text, end)
    if match is None or match.group(1) not in _PERSON_VERBS:
        return False
    predicate = _NEUTER_PREDICATE_RE.match(text, match.end()) if match.group(1) in _BE_VERBS else None
    return predicate is None or not _neuter_adjective(predicate.group(1).casefold())


_BE_VERBS = frozenset({"er", "var", "bliver", "blev"})
_NEUTER_PREDICATE_RE = re.compile(
    r"(?:[ \t]+(?:rigtig|meget|virkelig|så|helt|ret|ikke|også|jo|bare|lidt|mega|super|altid|aldrig|faktisk|"
    r"simpelthen|sgu|da|nu|stadig|mest|mere))*[ \t]+([^\W\d_]+t)(?=[ \t]*(?:[.,!?;:)]|$)|[ \t]+(?:for|og|men|når|"
    r"fordi|hvis|med|til|i)(?![^\W\d_]))"
)
"""A predicate that ends in an adjective's neuter -t ("Mad er vigtigt for mig", "Padel er sjovt."): the
subject is a thing, not a person ("Bo er vigtig for mig"). Not before another word ("Per er godt nok
sur", "Per er vildt sød": an adverb) nor before "at" ("rart at snakke med" is said of persons too)."""
_PREDICATE_RE = re.compile(_NEUTER_PREDICATE_RE.pattern.replace(r"([^\W\d_]+t)", r"([^\W\d_]+)", 1))
"""A predicate that ends in a word, as :data:`_NEUTER_PREDICATE_RE` ("Job er god for selvtilliden")."""
_NEUTER_FORMS = frozenset({"godt", "svært", "nyt", "fedt", "sejt", "surt", "sundt", "skidt", "ondt"})


def _adjective_predicate(text: str, end: int) -> bool:
    """True if the word ending at ``end`` is followed by "er/var/bliver/blev" and an adjective that ends the
    clause, in either gender ("Job er god", "Mad er vigtigt for mig")."""
    from kvaleval.danish import lemma_table

    match = _NEXT_WORD_RE.match(text, end)
    if match is None or match.group(1) not in _BE_VERBS:
        return False
    predicate = _PREDICATE_RE.match(text, match.end())
    if predicate is None:
        return False
    word = predicate.group(1).casefold()
    # an adjective has a neuter form in -t that the lemma table leads back to it ("god", "farlig"; not "pedel")
    return _neuter_adjective(word) or word + "t" in _NEUTER_FORMS or lemma_table().get(word + "t") == word


def _neuter_adjective(word: str) -> bool:
    """True if ``word`` is an adjective's neuter form, not its common form ("vigtigt", "sjovt", "godt";
    not "flot", "træt", "stolt", which a person is too)."""
    from kvaleval.danish import lemma_table

    if word in _NEUTER_FORMS:
        return True
    return lemma_table().get(word) == word[:-1]


_PERSON_AFTER_RE = re.compile(
    r"(?:[.!]\s+(?:Hun|Han)\b|,[ \t]+(?:han|hun|min|mit|mine|vores|hans|hendes|din|jeres|deres)\b)"
)
"""What follows a word that stands for a person: "Lise. Hun er ...", "Ask, min ældste, ..."."""
_PRONOUN_AFTER_RE = re.compile(
    r"[ \t]*[,.!?][ \t]*(?:(?:[Jj]a|[Nn]ej|[Jj]o)[ \t]*[,.!]?[ \t]*)?(?:[Hh]an|[Hh]un)(?![^\W\d_])")
""""He" or "she" right after an unknown word and its comma or question mark ("Sirwan? Ja, han kommer",
"Xhemal, hun er sød"): the word is a person's name."""
_FROM_PLACE_RE = re.compile(
    r"[ \t]+fra[ \t]+(?:(?:det|den|de)[ \t]+)?(?:[a-zæøå]+(?:et|en|erne|ne)|[A-ZÆØÅ][^\W\d_]+)(?![^\W\d_])")
"""A first name's "fra" and a definite noun or a capitalised name: "Lise fra sekretariatet"."""
_AND_NAME_RE = re.compile(r"(?:[ \t]+(?:og|eller)|,)[ \t]+([A-ZÆØÅ][^\W\d_]+)")
_AND_I_RE = re.compile(r"[ \t]+og[ \t]+(?:jeg|mig)\b")
_ALONE_RE = re.compile(r"[ \t]*[.!?]*[ \t]*(?:\n|$)")


_INVERTED_RE = re.compile(
    r"[ \t]+(?:er|var|har|havde|kan|kunne|vil|ville|skal|skulle|må|måtte|blev|bliver|fik|får)[ \t]+"
    r"(?:vi|jeg|de|man|du)(?![^\W\d_])")
"""An auxiliary with its subject after it: the word before is its object ("Bo har vi gjort her i 20 år");
a verb of saying is not ("Per sagde vi skulle komme")."""


KIN_AFTER_RE = _KIN_RE = re.compile(
    r"[ \t]+(?:mor|far|forældre|søn|sønner|datter|døtre|kone|mand|kæreste|bror|brødre|søster|søstre|"
    r"børn|barn|familie|ven|veninde|venner|nabo|svigermor|svigerfar|onkel|moster|faster|farbror|morbror)\b"
)


def _names_a_person(text: str, end: int, key: str, lists: Lexicon, *, genitive: bool = False) -> bool:
    """True if the context after an ambiguous word at a sentence start shows a person: a verb it
    governs ("Kaj lod mig"), a pronoun or a possessive after it ("Lise. Hun ...", "Ask, min
    ældste"), another name joined to it ("Lise og Svend gør ...", "Kaj, Lise og Bent"), in the
    genitive a relative ("Svends kone"; "Hans far" is the pronoun, no genitive of a name); a first
    name alone on its line ("Lise", "Kontaktperson: Kaj")."""
    if key not in lists.first_names and _adjective_predicate(text, end):
        return False  # "Job er god for selvtilliden", "Storm er farlig": a word, or a surname alone, is a thing
    if _subject_of_verb(text, end, key) and not _INVERTED_RE.match(text, end):
        return True
    if key in MONTHS:
        return False
    if genitive and _KIN_RE.match(text, end):
        return True
    if _PERSON_AFTER_RE.match(text, end):
        return True
    if key in lists.first_names and key not in lists.last_names and _FROM_PLACE_RE.match(text, end):
        return True  # "Lise fra sekretariatet", "Kaj fra Boligselskabet": where a person is from
    other = _AND_NAME_RE.match(text, end)
    if other is not None and other.group(1).casefold() in lists.names:
        return True
    # a given name (not a surname that is a word: "Storm og jeg") with "og jeg": "Kaj og jeg deler kontor";
    # alone on its line: an answer ("Lise"), a signature, "Kontaktperson: Kaj"
    given = key in lists.first_names or key not in lists.last_names
    return given and (_AND_I_RE.match(text, end) is not None or _ALONE_RE.match(text, end) is not None)


_KIND_NOUNS = frozenset(
    """fugl fugle blomst blomster plante planter træ træer busk buske dyr fisk insekt frugt bær urt krydderi
    svamp sten farve ord måned årstid stjerne""".split()
)
"""What a name that is also a word is, said of the word: "Lærke er en fugl", "Rose er en blomst"."""
_KIND_RE = re.compile(
    r"[ \t]+(?:er|var)[ \t]+(?:en|et)[ \t]+(?:[a-zæøå]+[ \t]+){0,2}([a-zæøå]+)(?=[ \t]*(?:[.,!?;:)]|\n|$))")
_JOINED_WORD_RE = re.compile(r"[ \t]+(?:og|eller)[ \t]+([a-zæøå]+)(?![^\W\d_])(?![ \t]+[A-ZÆØÅ])")
_NOT_THINGS = frozenset(
    """jeg mig du dig han ham hun hende vi os i jer de dem man min mit mine din dit dine hans hendes sin sit
    sine vores jeres deres en et den det alle andre nogle flere to tre hele familie søskende børn forældre venner
    veninder kolleger kollegaer co""".split()
)
"""Words joined to a name by "og" that are persons or stand for them: "Lærke og mor", "Lærke og hendes mand"."""


def word_sense(text: str, end: int) -> bool:
    """True if a name that is also a word, starting a sentence, is used as the word: said to be a bird or a
    flower ("Lærke er en fugl"), given a plural adjective ("Rose er smukke"; a person is one, "Rose er
    sød"), or joined by "og" to a bare common noun ("Lærke og solsort synger"; not "Lærke og mor", "Lærke
    og pædagogen", which may be a person)."""
    from kvaleval.danish import lemma_table

    kind = _KIND_RE.match(text, end)
    if kind is not None and kind.group(1) in _KIND_NOUNS:
        return True
    match = _NEXT_WORD_RE.match(text, end)
    if match is not None and match.group(1) in _BE_VERBS:
        predicate = _PREDICATE_RE.match(text, match.end())
        word = predicate.group(1) if predicate is not None else ""
        stem = word[:-1]
        if stem[-2:-1] == stem[-1:]:
            stem = stem[:-1]  # "smukke": smuk
        if word.endswith("e") and len(stem) >= 3 and (_neuter_adjective(stem + "t") or stem + "t" in _NEUTER_FORMS):
            return True
    joined = _JOINED_WORD_RE.match(text, end)
    if joined is None:
        return False
    noun = joined.group(1)
    # a bare noun in its base form (the lemma table knows no inflection of it): not "pædagogen", "børnene"
    # and no function word ("Noah og om min eks"), which the keep list holds
    return (noun not in _NOT_THINGS and noun not in KIN_BEFORE and noun not in lexicon().keep and is_danish_word(noun)
            and lemma_table().get(noun, noun) == noun)


_SYNDROME_RE = re.compile(r"(?:[ \t]+|-)(?i:syndrom)(?![^\W\d_]|et\b)")
"""The word a physician's name goes before ("Downs syndrom", "Retts-syndrom"); "sygdom" follows a patient's
name too ("Hannes sygdom"), so diseases named after a physician are on the keep list instead."""
_NUMBER_ABBREVIATION_RE = re.compile(r"\.[ \t]?nr\b")


def is_danish_noun(folded: str) -> bool:
    """True if ``folded`` is an inflected Danish word form, or a compound ending in one.

    Uses the Danish lemma table of :mod:`kvaleval.danish` (loaded on first use), which
    knows "vaskeriet" and "vejlederen" but not "Mehmet" or "Tietgenberg".
    """
    from kvaleval.danish import lemma_table

    table = lemma_table()
    lemma = table.get(folded)
    if lemma is not None and lemma != folded:
        return True
    for i in range(3, len(folded) - 5):
        head = folded[i:]
        lemma = table.get(head)
        if lemma is not None and lemma != head:
            return True
    return False


def _danish_compound(folded: str) -> bool:
    """True if ``folded`` is two Danish words joined, with or without a linking s or e
    ("fællesspisning", "bydelsmødre"): a common noun, not an unknown name ("Faduma")."""
    for i in range(3, len(folded) - 2):
        head, tail = folded[:i], folded[i:]
        if is_danish_word(tail) and (is_danish_word(head) or (head[-1] in "se" and is_danish_word(head[:-1]))):
            return True
    return False


_INFLECTIONS = ("erne", "ene", "ens", "ets", "en", "et", "ne", "s")


def _kept_inflection(folded: str, lists: Lexicon) -> bool:
    """True if ``folded`` is a kept word with a Danish definite or plural ending, its final consonant
    doubled or not ("appen", "chatten", "eventet", "appsene"): the lemma table knows none of them,
    and at a sentence start before "er" they read as an unknown name."""
    for ending in _INFLECTIONS:
        stem = folded.removesuffix(ending)
        if stem == folded or len(stem) < 2:
            continue
        for candidate in (stem, stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
            if candidate and candidate in lists.keep and candidate not in lists.names:
                return True
    return False


def _kept_compound(folded: str, lists: Lexicon, user_keep: frozenset[str]) -> bool:
    """True if ``folded`` is a kept word (a brand, place or organisation) joined to a Danish word:
    "Facebookgruppe", "Nettoposen", "Aulabesked"."""
    for i in range(4, len(folded) - 2):
        head, tail = folded[:i], folded[i:]
        if (head in lists.keep or head in user_keep) and head not in lists.names and (
                is_danish_word(tail) or is_danish_noun(tail)):
            return True
    return False


@cache
def lower_case_names() -> frozenset[str]:
    """First names that are no Danish word, on no keep list and not ambiguous: in lower case
    ("jeg snakkede med mette") they are names where the context shows a person."""
    lists = lexicon()
    return frozenset(name for name in lists.first_names if len(name) >= 3 and name.isalpha()
                     and name not in lists.ambiguous and name not in lists.keep and not is_danish_word(name)
                     and name not in _LOWER_WORDS)


_LOWER_WORDS = frozenset("max may bill will jack".split())
_NUMBER_AFTER_RE = re.compile(r"[ \t]+\d")
"""First names that Danish text also writes in lower case as words the lemma table lacks: "plads til
max 20 personer", "en bill", "minijack"."""


def is_word_name(name: str, lists: Lexicon) -> bool:
    """True if the lower-cased ``name`` is also a word ("sol", "storm", "glad", "max"): found as a name in one
    text, it says nothing of the same word in another."""
    return name in lists.ambiguous or name in _LOWER_WORDS or is_danish_word(name)


@cache
def lower_case_word_names() -> frozenset[str]:
    """Names that are also Danish words ("sol", "storm"): in lower case names only after "hedder"
    ("hun hedder sol")."""
    lists = lexicon()
    return frozenset(name for name in lists.names & lists.ambiguous if len(name) >= 2 and name not in lists.keep)


_NAMING_BEFORE = frozenset("hedder kaldet kaldes".split())
KIN_BEFORE = frozenset(
    """nabo naboen genbo underbo overbo sagsbehandler sagsbehandleren mentor mentoren pædagog pædagogen
    lærer læreren kollega kollegaen mor far søn datter dreng drengen pige pigen barn mand kone hustru ægtefælle
    bror søster lillebror lillesøster storebror storesøster svoger svigerinde fætter kusine nevø niece
    onkel tante moster faster morbror farbror mormor farmor morfar farfar bedstemor bedstefar svigermor
    svigerfar ven veninde kammerat kæreste chef leder træner frivillig kontaktperson rådgiver vejleder
    socialrådgiver familievejleder sundhedsplejerske betjent præst imam læge""".split()
)
"""Relatives and roles: "min søn yusuf", "min dreng mohammed", "sundhedsplejerske gitte"."""
_SIGNATURE_BEFORE = frozenset("hilsen hilsner mvh vh kh knus".split())
"""A signature's greeting: "hilsen gitte", "mvh. yasmin", "kh ole"."""
_PERSON_BEFORE = _NAMING_BEFORE | KIN_BEFORE | _SIGNATURE_BEFORE | frozenset("med til hos fra og ved".split())
"""Words after which a lower-case first name is one: "snakkede med mette", "min søn yusuf"; one that
is also a word only after "hedder" ("hun hedder sol"), or after a relative before a verb ("min nabo
svend hjælper"), for "fik min mand job" is no name."""
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)(\.?)(?:[ \t]*\n?[ \t]*\(?|[ \t]*\()$")
_KIN_BEFORE_RE = re.compile(
    r"(?<![^\W\d_])(?i:min|mit|mine|din|dit|vores|jeres|hans|hendes|deres)[ \t]+(?:"
    + "|".join(sorted(KIN_BEFORE)) + r")[ \t]+$")
"""A possessive and a relative or role right before a word: "min veninde Glad"."""
_HIS_AFTER_RE = re.compile(r"[ \t]+(?:og|med)[ \t]+(?:hans|hendes|sin|sit|sine)(?![^\W\d_])")
"""A person's own after a word: "Ruslan og hans bror", "Ruslan med sin kone"."""
_CALLED_BEFORE_RE = re.compile(
    r"(?<![^\W\d_])(?i:(?:kalder|kaldte)[ \t]+(?:ham|hende)|(?:ham|hende)[ \t]+(?:kalder|kaldte)[ \t]+"
    r"(?:de|vi|man|alle|folk|drengene|pigerne|børnene))\s+$")
"""What a nickname follows: "de kalder ham Bulldozer", "ham kalder de Bulldozer"."""
_CALLED_AFTER_RE = re.compile(
    r",[ \t]+(?:som|der)[ \t]+(?:vi|de|man|alle|folk|han|hun|jeg)[ \t]+(?:kalder|kaldte)[ \t]+(?:ham|hende)"
    r"(?![^\W\d_])")
"""What follows a nickname: "Gosia, som vi kalder hende, ..."."""
_TITLE_BEFORE = frozenset("familien fru hr frk".split())
"""Words before a lower-case surname that make it one: "familien hansen", "fru jensen"."""
_LINE_END_RE = re.compile(r"[^\w\n]*(?:\n|$)")
_LINE_START_RE = re.compile(r"(?:^|[\n.!?,:;])[^\w\n]*$")


def _signature_alone(text: str, start: int, end: int) -> bool:
    """True if the word is the last on its line after a sentence's end or a comma, or its line's only
    word: a signature typed in lower case ("de er søde. khadra", "tak for i dag, khadra 😊")."""
    if _LINE_END_RE.match(text, end) is None:
        return False
    return _LINE_START_RE.search(text, max(0, start - 12), start) is not None


def lower_case_person(text: str, start: int, end: int, *, word: bool = False) -> bool:
    """True if the lower-case first name at ``start`` stands where a person does: after "med",
    "til", "hos", "fra", "og", "hedder", a relative, a role or a signature's greeting ("snakkede med
    mette", "min dreng mohammed", "mvh. yasmin"), before a verb it governs ("mette siger"), or alone
    at a line's end as a signature ("... søde. khadra"); a first name that is also a word (``word``)
    only after "hedder" or "kaldet", or after a relative or role and before a verb ("min nabo svend
    hjælper")."""
    before = _WORD_BEFORE_RE.search(text, max(0, start - 20), start)
    last = before.group(1).casefold() if before is not None else ""
    if before is not None and before.group(2) and last not in _SIGNATURE_BEFORE | _TITLE_BEFORE:
        last = ""  # a full stop ends the sentence: "det gik fint til. mette ..." is no "til mette"
    if word:
        return last in _NAMING_BEFORE or (last in KIN_BEFORE and text[start:end] in lexicon().first_names
                                          and _subject_of_verb(text, end, text[start:end]))
    if last in _PERSON_BEFORE or _subject_of_verb(text, end, text[start:end]) or _signature_alone(text, start, end):
        return True
    if _INTRO_RE.search(text, max(0, start - 12), start) is not None:
        return True  # "hej det er nuka"
    if _FROM_RE.match(text, end) is not None:
        return True  # "amina fra nr 14", "hende der ayan fra blok 2": a name that is no word, from somewhere
    joined = _LOWER_JOINED_RE.match(text, end)
    return joined is not None and joined.group(1) in lower_case_names()  # "fatu og abdi kommer"


_NAMING_RE = re.compile(
    rf"(?<![^\W\d_])(?:(?P<naming>(?i:{'|'.join(sorted(_NAMING_BEFORE))})"
    r"|(?P<calls>(?i:kalder|kaldte)[ \t]+(?:ham|hende)))"
    rf"|(?P<greeting>(?i:{'|'.join(sorted(_SIGNATURE_BEFORE))})\.?))[ \t]+(?P<word>{LOWER}{{2,}})"
    r"(?![^\W\d_@-])")
_NAMED_SUBJECTS = frozenset("han hun jeg du de vi i".split())
"""Who "hedder" something that is a name: "han hedder kawan"; "det hedder" names a thing."""
_NOT_SIGNED = frozenset("os jer mig dig dem sig mor far fra til og alle".split())
"""Short words after a greeting that sign no one: "hilsen os", "kh mor", "hilsen fra"."""


_RUN_RE = re.compile(r"(.)\1+")


def interjection(folded: str) -> bool:
    """True if the lower-cased word is a kept word, also drawn out: "nææh", "øhh", "mmh", "nahh" (a word no
    one is named by, which the rules that take an unknown word for a name in a person's place must pass by)."""
    short = _RUN_RE.sub(r"\1", folded)
    return folded in lexicon().keep or short in lexicon().keep or (
        short != folded and len(short) <= 3 and is_danish_word(short))  # "uhh", "nææh": a short word drawn out


def _unlisted(word: str) -> bool:
    return not (is_danish_word(word) or is_danish_noun(word) or interjection(word) or word in _LOWER_WORDS)


def unlisted_lower_names(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of lower-case names on no list after "hedder" or "kaldet" with a person before
    it ("han hedder kawan", "hans bror hedder bj"; not "det hedder jobspor"), after "kalder ham" or "kalder
    hende" ("vi kalder ham momo"), or after a greeting at
    the end of its line ("hilsen sirwan"). A Danish word there ("hedder noget") is none."""
    if "hedder" not in text and "kald" not in text and "ilsen" not in text and "vh" not in text and "kh" not in text:
        return []
    found = []
    for match in _NAMING_RE.finditer(text):
        word = match.group("word")
        if match.group("greeting") is not None and len(word) <= 3 and word not in _NOT_SIGNED and (
                word not in lexicon().keep):
            pass  # initials that sign, even when they are a word: "hilsen lp"; not "hilsen en", "hilsen de"
        elif not _unlisted(word):
            continue
        if match.group("naming") is not None and match.group("calls") is None:
            before = _WORD_BEFORE_RE.search(text, max(0, match.start() - 20), match.start())
            if before is None or before.group(1).casefold() not in _NAMED_SUBJECTS | KIN_BEFORE:
                continue
        elif _LINE_END_RE.match(text, match.end()) is None:
            continue  # a signature ends its line
        found.append(match.span("word"))
    return found


def unlisted_kin_name(text: str, start: int, end: int) -> bool:
    """True if the lower-case word after a relative or role, on no list, is a name: a verb it governs
    follows, where it is from, or the clause ends ("min søn sirwan går der", "min nabo aischa siger",
    "min ven mo"; not "min ven okay")."""
    word = text[start:end]
    return (_subject_of_verb(text, end, word) or _FROM_RE.match(text, end) is not None
            or _CLAUSE_END_RE.match(text, end) is not None) and _unlisted(word)


def unlisted_from(text: str, start: int, end: int) -> bool:
    """True if the lower-case word on no list is followed by where a person is from ("snakkede med przemek fra
    vaskeriet"; not "med zoom", "med wifi")."""
    return _FROM_RE.match(text, end) is not None and _unlisted(text[start:end])


_AUXILIARIES = frozenset("er var har havde kan kunne vil ville skal skulle må måtte blev bliver ved fik får".split())
_DOING_VERBS = _PERSON_VERBS - _AUXILIARIES
"""Verbs that only a person does, after an unknown word in lower case at a sentence's start ("nirosha siger");
"er", "har" and the like follow typos and slang as well."""


def unlisted_initial_name(text: str, start: int, end: int) -> bool:
    """True if the lower-case word on no list that starts a sentence is a name: a verb only a person does
    follows ("nirosha siger at der mangler folk", "xhemal ringede"); not a Danish word, nor one of two."""
    if end - start < 3 or not sentence_initial(text, start):
        return False
    match = _NEXT_WORD_RE.match(text, end)
    word = text[start:end]
    return match is not None and match.group(1) in _DOING_VERBS and _unlisted(word) and not _danish_compound(word)


_CLAUSE_END_RE = re.compile(r"[ \t]*(?:[.,!?;)]|\n|$)")
"""A clause's end right after a relative's name: "min ven mo.", "min søn sirwan, han ..."."""


def lower_case_surname(text: str, start: int) -> bool:
    """True if the lower-case word at ``start`` follows "familien", "fru" or "hr." ("familien hansen")."""
    before = _WORD_BEFORE_RE.search(text, max(0, start - 12), start)
    return before is not None and before.group(1).casefold() in _TITLE_BEFORE


@cache
def lower_case_surnames() -> frozenset[str]:
    """Surnames that are no Danish word: in lower case names after "familien", "fru", "hr."."""
    lists = lexicon()
    return frozenset(name for name in lists.last_names if len(name) >= 3 and name.isalpha()
                     and name not in lists.ambiguous and name not in lists.keep and not is_danish_word(name))


_FROM_RE = re.compile(r"[ \t]+fra[ \t]+(?:nr\.?[ \t]*)?[^\W_]")
_INTRO_RE = re.compile(r"(?<![^\W\d_])(?:det|her)[ \t]+er[ \t]+$")
_LOWER_JOINED_RE = re.compile(r"(?:[ \t]+(?:og|eller)|,)[ \t]+([^\W\d_]+)")


def _hyphenated(
    core: str, lists: Lexicon, learned: set[str], use_lists: bool, initial: bool
) -> tuple[str, str, str] | None:
    """Verdict on a hyphenated word, or None to judge it as one word.

    A compound with a lower-case tail ("Netto-pose", "SSP-møderne", "Hanne-sagen") is a
    name only if one of its capitalised parts before the tail is ("[navn]-sagen", "Mette-Hanne-b":
    "[navn]-b"); a double name ("Hansen-Ali") is a
    name if any part is on the name lists.
    """
    parts = core.split("-")
    def is_name(part: str) -> bool:
        key = part.casefold()
        listed = use_lists and key in lists.names and (key not in lists.ambiguous or not initial)
        # another spelling of a listed name ("HanneH", as "Mukhammad"), as the word alone is read
        return listed or key in learned or (use_lists and transliteration(key) is not None)
    if parts[-1][:1].islower():
        # the capitalised parts before the tail are the name: "Mette-Hanne-b" hides both names
        head = list(itertools.takewhile(lambda part: part[:1].isupper() and not part.isupper(), parts))
        if head and any(is_name(part) for part in head):
            stem = "-".join(head)
            return NAME, stem, core[len(stem) :]
        return KEEP, core, ""
    if any(is_name(part) for part in parts if part[:1].isupper()):
        return NAME, core, ""
    return None


NAMED_TAILS = frozenset(
    """gruppe gruppen grupper grupperne ordning ordningen hold holdet sag sagen model modellen metode metoden
    pulje puljen""".split()
)
"""What is named after a person ("Mettegruppen", "Hanneordningen", "Khadijasagen"): the name in it is hers."""


def _named_compound(folded: str, lists: Lexicon) -> int:
    """The length of what goes before a group or arrangement word when it is a first name ("mettegruppen",
    "khadijasagen"), with its linking s ("hannesordningen": "[navn]ordningen"), or 0. A name that is
    also a word ("Bo", "Lund") is none, and places named after people ("Frederiksberg") end otherwise."""
    for tail in NAMED_TAILS:
        if folded.endswith(tail) and len(folded) - len(tail) >= 3:
            head = folded[: -len(tail)]
            for name in (head, head[:-1] if head[-1:] == "s" else ""):
                if name in lists.first_names and name not in lists.ambiguous and not is_danish_word(name):
                    return len(head)
    return 0


def classify(
    text: str,
    start: int,
    end: int,
    *,
    lists: Lexicon,
    user_keep: frozenset[str],
    learned: set[str],
    use_lists: bool,
    use_heuristic: bool,
) -> tuple[str, str, str]:
    """Decide whether the capitalised word ``text[start:end]`` is a person's name.

    Returns
    -------
    tuple of str
        ``(verdict, stem, suffix)``: one of :data:`NAME`, :data:`HEURISTIC`,
        :data:`WEAK`, :data:`DEFER`, :data:`KEEP`; the name without its genitive ending;
        the ending (``"s"``, ``"'"``, ``"'s"`` or ``""``).
    """
    word = text[start:end]
    folded = word.casefold()
    # A kept word stays with a genitive apostrophe too ("e-Boks’ app"); not with a bare "s",
    # which would keep "Hans" for "han".
    for key in dict.fromkeys((folded, folded.removesuffix("'s").removesuffix("’s").rstrip("'’"))):
        if key in user_keep or (key in lists.keep and key not in MONTHS):
            return KEEP, word, ""  # "e-Boks", "Bosnien-Hercegovina"
    prefix = _PREFIX_RE.match(word)
    core = word[prefix.end() :] if prefix else word
    initial = sentence_initial(text, start)
    capitals = sum(1 for c in core if c.isupper())
    all_caps = capitals > 1 and not any(c.islower() for c in core)
    if "-" in core:
        verdict = _hyphenated(core, lists, learned, use_lists, initial)
        if verdict is not None:
            return verdict
    for stem, suffix in _stems(core):
        key = stem.casefold()
        if use_lists and key not in lists.names and not key.isascii():
            key = fold(key) if fold(key) in lists.names else key  # "Rojîn", "Wiśniewska": listed as Rojin
        if (use_lists and not suffix and not all_caps and key not in lists.names and key not in learned
                and key not in user_keep):
            # "Mukhammad", "Aischa": listed as Muhammad, Aisha (the word itself: "Khalas" is no Khala's)
            key = transliteration(key) or key
        if key in user_keep:
            return KEEP, stem, suffix
        if use_lists and key in lists.names:
            if key in MONTHS and _month_context(text, start, end):
                return KEEP, stem, suffix
            if key in _LOWER_WORDS and initial and _NUMBER_AFTER_RE.match(text, end):
                return KEEP, stem, suffix  # "Max 20 børn på holdet": the word, before a number
            if (initial or key in lists.ambiguous) and not suffix and is_danish_word(key) and word_sense(text, end):
                # "Lærke er en fugl", "Rose er smukke", "nej Sol og regn": the word, learned as a name or not
                return KEEP, stem, suffix
            # a genitive that is also a word ("Karens") is a name's when the name is known here
            ambiguous = key in lists.ambiguous or (core.casefold() in lists.ambiguous and key not in learned)
            if all_caps:  # "SØREN BACH"; an ambiguous word in capitals only next to a name
                return (WEAK if ambiguous else NAME), stem, suffix
            if not ambiguous or not initial or _names_a_person(text, end, key, lists, genitive=bool(suffix)):
                return NAME, stem, suffix
            # a word that is also a surname may be a first name's genitive: "Bos mor" (Bo's mother)
            genitive = _stems(core)[1:]
            if (not suffix and genitive and genitive[0][0].casefold() in lists.first_names
                    and _KIN_RE.match(text, end)):
                return NAME, *genitive[0]
            return WEAK, stem, suffix
        if key in learned:
            return NAME, stem, suffix
        if key in lists.keep:
            return KEEP, stem, suffix
    if _SYNDROME_RE.match(text, end):
        return KEEP, core, ""  # "Downs syndrom", "Retts syndrom": the physician's name, no one here
    if (all_caps and use_heuristic and len(core) == 2 and _SAYS_RE.match(text, end) is not None
            and not is_danish_word(core.casefold())):
        return HEURISTIC, core, ""  # "LP sagde": initials that speak; "SSP" and "PPR" are on the keep lists
    if all_caps and use_heuristic and len(core) >= 4 and not is_danish_word(core.casefold()):
        return WEAK, core, ""  # "GUNNVOR PEDERSEN": a name next to a name; alone an abbreviation ("KKFO")
    if not use_heuristic and not all_caps and len(core) >= 2 and text[end : end + 1] != "-" and (
            not core.casefold().endswith(_PLACE_ENDINGS)):
        # Without the capital-letter rule a word is no name alone, but next to one it is part of it:
        # a skipped file "Gunhild Skovsgaard.txt" in the manifest, where only "Gunhild" is known.
        return WEAK, core, ""
    if all_caps or not use_heuristic or len(core) < 2 or text[end : end + 1] == "-":
        return KEEP, core, ""  # "Børn- og Ungeforvaltningen": the head of a compound
    folded = core.casefold()
    named = _named_compound(folded, lists) if use_lists else 0
    if named:
        return NAME, core[:named], core[named:]  # "Mettegruppen" -> "[navn]gruppen"
    if folded.endswith(_PLACE_ENDINGS) or folded[:-1].endswith(_PLACE_ENDINGS):
        return KEEP, core, ""
    if _kept_compound(folded, lists, user_keep):
        return KEEP, core, ""  # "Facebookgruppe": a kept name joined to a Danish word
    if _kept_inflection(folded, lists):
        return KEEP, core, ""  # "Appen", "Chatten", "Podcasten": a kept loanword with a Danish ending
    if folded.endswith("nr") or _NUMBER_ABBREVIATION_RE.match(text, end):
        return KEEP, core, ""  # "Kontonr.", "Reg.nr.", "Reg. nr.": a number's name, abbreviated
    if capitals > 1 and "-" not in core and not core.startswith(_SURNAME_PREFIXES):
        return KEEP, core, ""  # brands written in camel case: "TikTok", "YouTube"
    if folded.endswith(_DEFINITE) and is_danish_noun(folded):
        return KEEP, core, ""  # a capitalised Danish noun: "Vaskeriet", "Familievejlederen"
    stem, suffix = _stems(core)[-1] if core.endswith(("'s", "’s", "'", "’")) else (core, "")
    if initial and _subject_of_verb(text, end, folded) and not is_danish_word(folded) and (
            not _danish_compound(folded)):
        return HEURISTIC, stem, suffix  # "Faduma er bydelsmor": an unknown word that does what a person does
    if (initial and folded[-1:] == "s" and len(folded) > 3 and _KIN_RE.match(text, end) and not is_danish_word(folded)
            and not is_danish_word(folded[:-1]) and not is_danish_noun(folded) and not _danish_compound(folded)):
        return HEURISTIC, core[:-1], core[-1:]  # "Sivas kone er sød": an unlisted name's relative
    if initial and _HIS_AFTER_RE.match(text, end) and not is_danish_word(folded) and not is_danish_noun(folded):
        # "Ruslan og hans bror spiller fodbold": his, so a person (a word made of two, "rus" and "lan", or not)
        return HEURISTIC, stem, suffix
    if _CALLED_AFTER_RE.match(text, end) or _CALLED_BEFORE_RE.search(text, max(0, start - 30), start):
        return HEURISTIC, stem, suffix  # "Gosia, som vi kalder hende", "de kalder ham Bulldozer": a nickname
    if initial and _PRONOUN_AFTER_RE.match(text, end) and not is_danish_word(folded) and not is_danish_noun(folded) \
            and not interjection(folded) and not _danish_compound(folded):
        return HEURISTIC, stem, suffix  # "Sirwan? Ja, han kommer", "Xhemal, hun er sød": a he or she it stands for
    if not initial and is_danish_word(folded):
        if _KIN_BEFORE_RE.search(text, max(0, start - 40), start) is not None:
            return NAME, stem, suffix  # "min veninde Glad", "vores træner Storm": a relative's or role's name
        # "Børn og Unge", "Somalisk Forening", "min Moster": a name only before another ("Moster Fatima")
        return WEAK, core, ""
    return (DEFER if initial else HEURISTIC), stem, suffix

