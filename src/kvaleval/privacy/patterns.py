"""Regular expressions for personal data that has a shape: CPR, phone, e-mail, address.

Every pattern is compiled once at import. The finders yield ``(start, end, kind)``
triples and never raise; plausibility checks that a regular expression cannot express
(a CPR number's date, a phone number that is really a year range or an amount) are
small functions next to the pattern they check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

KIND_NAME = "navn"
KIND_CPR = "CPR"
KIND_PHONE = "telefon"
KIND_EMAIL = "e-mail"
KIND_ADDRESS = "adresse"
KIND_PROFILE = "profil"
KIND_PLATE = "nummerplade"
KIND_BIRTH = "fødselsdato"
KIND_CASE = "sagsnummer"
KIND_ACCOUNT = "kontonummer"
KIND_IP = "IP-adresse"
KIND_CODE = "kode"
KIND_CLASS = "klasse"
KIND_WORKPLACE = "arbejdsplads"
KIND_DIAGNOSIS = "diagnose"
KINDS = (KIND_NAME, KIND_CPR, KIND_PHONE, KIND_EMAIL, KIND_ADDRESS, KIND_PROFILE, KIND_PLATE, KIND_BIRTH,
         KIND_CASE, KIND_ACCOUNT, KIND_IP, KIND_CODE, KIND_CLASS, KIND_WORKPLACE, KIND_DIAGNOSIS)
"""The kinds of personal data, as they appear in replacements and in the report."""

REPLACEMENTS = {kind: f"[{kind}]" for kind in KINDS}
"""The default replacement of each kind: ``[navn]``, ``[CPR]``, ``[telefon]`` ..."""


def _upper_class() -> str:
    """A character class of the upper-case Latin letters (Danish, Turkish, Vietnamese ...)."""
    codepoints = [*range(0x41, 0x250), *range(0x1E00, 0x1F00)]
    letters = "".join(chr(c) for c in codepoints if chr(c).isupper())
    return "[" + re.escape(letters) + "]"


UPPER = _upper_class()
"""Regex character class matching one upper-case letter."""


def _lower_class() -> str:
    """A character class of the lower-case Latin letters ("ğ", "ó", "š" as well as "æøå")."""
    codepoints = [*range(0x61, 0x250), *range(0x1E00, 0x1F00)]
    return "[" + re.escape("".join(chr(c) for c in codepoints if chr(c).islower())) + "]"


LOWER = _lower_class()
"""Regex character class matching one lower-case Latin letter."""

LETTER = r"[^\W\d_]"
"""Regex class matching one letter of any script."""

TOKEN_RE = re.compile(
    rf"(?<![^\W\d_])(?<![@.])(?:[a-z]{{1,3}}-)?(?:{UPPER}{LETTER}?['’](?={UPPER}))?"
    rf"{UPPER}{LETTER}*(?:-{LETTER}+)*"
    rf"(?:['’]s(?![^\W\d_])|(?<=[sxzSXZ])['’](?![^\W\d_]))?"
)
"""A capitalised word, with hyphenated parts ("Hansen-Ali", "al-Hassan"), a short
prefix ("O'Brien") and a genitive ("Hanne's", "Jens'")."""

EMAIL_RE = re.compile(
    r"(?<![\w.-])[\w.+-]*\w(?:@|[ \t]?(?:\(at\)|\[at\])[ \t]?)\w[\w-]*(?:\.[\w-]+)*(?:\.|,(?=[a-z]{2,4}\b))[a-z]{2,}\b"
    r"|(?<![\w.-])[\w.+-]*\w@\w[\w-]*(?:\.[\w-]+)+",
    re.IGNORECASE,
)
"""An address may follow another right after a "+" ("a@b.dk+c@d.dk"): a local part's "+"
is taken with it anyway, since the leftmost match wins."""

_SPOKEN_DOT = r"[ \t]+(?i:punktum|prik|dot)[ \t]+"
SPOKEN_EMAIL_RE = re.compile(
    rf"(?<![\w.@-])\w[\w.-]*(?:[ \t]+(?i:punktum|prik|dot|bindestreg|understreg)[ \t]+\w[\w-]*)*"
    rf"(?:[ \t]+(?i:snabel[- ]?a)[ \t]+\w[\w-]*(?:{_SPOKEN_DOT}[a-zA-Z]{{2,}})*"
    rf"|[ \t]+(?i:at)[ \t]+\w[\w-]*(?:{_SPOKEN_DOT}\w[\w-]*)*{_SPOKEN_DOT}(?i:com|dk|net|org|se|no|nu|de|eu|info|io)"
    r")(?![\w])"
)
"""An e-mail address spelled out as it is said: ``peter snabel-a gmail punktum com``, ``ahmed punktum hassan
snabel a hotmail punktum dk``, ``hodan85 at hotmail dot com`` (after "at" only with its domain's end)."""

CPR_RE = re.compile(
    r"(?<![\d.,/+-])(\d\d)(?P<sep>[.\s-]?)(\d\d)(?P=sep)(?:(?<=[.\s-])(?:19|20))?(\d\d)"
    r"(?:[ \t]?[-–/][ \t]?|\s)?(\d{4})(?![\d]|[.,]\d)"
)
"""``120385-1234``, ``1203851234``, ``120385 1234``, ``120385 - 1234``, ``120385/1234``, and with the
date's parts apart (the same way between each, the year then with its century or not):
``12.03.85-1234``, ``12 03 85 1234``, ``12-03-85-1234``, ``12.03.1985-1234``."""

_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_plausible_cpr(day: str, month: str) -> bool:
    """True if ``day`` and ``month`` (two digits each) are a possible date of birth."""
    d, m = int(day), int(month)
    return 1 <= m <= 12 and 1 <= d <= _DAYS[m - 1]


# "+45" may follow anything but another "+"; digits must not follow digits or a separator
_PHONE_PREFIX = (r"(?:(?<![+_])(?:\+45[\s.-]?|\(\+?45\)\s?)|(?<![\d_+.,/-])0045[\s.-]?"
                 r"|(?<![\d_+.,/-])45[ .-](?=\d\d[ .-]?\d\d[ .-]?\d\d[ .-]?\d\d(?![\d_])))")
PHONE_RE = re.compile(
    rf"(?:(?P<prefix>{_PHONE_PREFIX})(?:\d\d(?:[ .-]?\d\d){{3}}|\d{{4}}[ -]?\d{{4}})"
    r"|(?<![\d_+.,/-])(?:[2-9]\d(?P<sep>[ .-]?)\d\d(?P=sep)\d\d(?P=sep)\d\d"
    r"|[2-9]\d{3}[ -]?\d{4}|[2-9]\d{3}[ .-]\d\d[ .-]\d\d|[2-9]\d[ .-]\d\d[ .-]\d{4}"
    r"|[2-9]\d \d{3} \d{3}|[2-9]\d\d \d{3} \d\d))"
    r"(?![\d_]|[.,]\d|[-/]\d|-[0-9a-fA-F]{4}-)"  # not "2017-2019", not a UUID
)
"""Danish phone numbers: eight digits in the groupings people write (``20304050``,
``20 30 40 50``, ``2030 4050``, ``20-30-40-50``, ``2030 40 50``, ``20 30 4050``, and with spaces
only ``28 914 410``, ``289 144 10``), with or without ``+45``/``0045``/``45 ``. ``28.914.410`` is a
number in the millions."""

FOREIGN_PHONE_RE = re.compile(r"(?<![\w+])\+(?!45)[1-9]\d{0,2}(?:[ .-]?(?:\(\d{1,4}\)|\d{1,5})){2,7}(?![\d_])")
"""A foreign number with its country code: ``+46 70 123 45 67``, ``+49 (0)30 1234567``
(9 to 15 digits with the code; fewer is a score, ``+3``)."""

_SEPARATORS = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ",
                             "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-"})
"""No-break and thin spaces, Word's non-breaking hyphen, dashes and the minus sign, as their
plain kin: a number written with them is found (one character for one, offsets unchanged)."""

_AMOUNT_BEFORE = re.compile(r"(?:\bkr\.?|\bDKK|\bEUR|\$|€)\s*$", re.IGNORECASE)
_AMOUNT_AFTER = re.compile(r"^\s*(?:kr\b|kroner|DKK|EUR|euro|,-|\.-|%|procent)", re.IGNORECASE)


_YEARS = range(1900, 2041)
"""The years an evaluation names, as two written apart: the past, and plans up to about 2040.
Written in pairs (``20 31 20 45``) or all together (``20522038``), eight digits are never two
years, and mobile numbers beginning 20 are common."""


def is_plausible_phone(text: str, start: int, end: int, prefixed: bool) -> bool:
    """False for a year range (``2017-2019``), a date (``20231224``) or an amount.

    Parameters
    ----------
    text
        The whole text, to look at the words around the match.
    start, end
        The match's offsets.
    prefixed
        Whether the match has ``+45``/``0045``: then it is a phone number.
    """
    if prefixed:
        return True
    digits = re.sub(r"\D", "", text[start:end])
    if _AMOUNT_BEFORE.search(text[max(0, start - 8) : start]):
        return False
    if _AMOUNT_AFTER.match(text[end : end + 10]):
        return False
    first, second = int(digits[:4]), int(digits[4:])
    written = text[start:end]
    if re.fullmatch(r"\d\d \d{3} \d{3}", written) and digits.endswith("000"):
        return False  # a round number with spaces for thousands: "25 000 000 mennesker"
    if re.fullmatch(r"\d{4}[ .-]\d{4}", written) and first in _YEARS and second in _YEARS:
        return False  # a range of years, or two: 2017-2019, "i 2019 2020"
    if re.fullmatch(r"\d\d[ .-]\d\d[ .-]\d{4}", written) and 1900 <= second <= 2099:
        if is_plausible_cpr(digits[:2], digits[2:4]):
            return False  # a date: 24-12-2023
    if re.fullmatch(r"\d{4}[ .-]\d\d[ .-]\d\d", written) and 1900 <= first <= 2099:
        if is_plausible_cpr(digits[6:], digits[4:6]):
            return False  # a date: 2023-12-24
    if digits == text[start:end]:
        # eight digits in a row may be a date: yyyymmdd or ddmmyyyy
        if 1900 <= first <= 2099 and is_plausible_cpr(digits[6:], digits[4:6]):
            return False
        if 1900 <= second <= 2099 and is_plausible_cpr(digits[:2], digits[2:4]):
            return False
    return True


_STREET_SUFFIXES = (
    "vej|vejen|gade|gaden|allé|alle|alléen|parken|park|vænget|vænge|stræde|strædet|"
    "plads|pladsen|boulevard|boulevarden|torv|torvet|have|haven|høj|højen|bakke|bakken|"
    "sti|stien|toft|tofte|toften|lund|lunden|gård|gården|gaard|gaarden|vang|vangen|eng|"
    "engen|kær|kæret|mark|marken|skov|skoven|holm|bjerg|bjerget|løkke|løkken|hegn|"
    "hegnet|dal|dalen|ager|agre|mose|strand|stranden|kvarter|kvarteret|brink|brinken|bro|"
    "broen|minde|krog|krogen|kaj|kajen|promenade|passage|ring|ringen|grønning|grønningen|"
    "slette|sletten|hede|heden|dige|diget|banke|banken|gyde|gyden|vold|volden|tværvej|"
    "tværgade|stien|haveby|huse|lyst"
)
_STREET_WORD = rf"{UPPER}[\w.'’-]*"
_HOUSE_NUMBER = r"\d{1,3}(?:(?:[A-Za-z]|\s[A-Z])(?![\w]))?"
_NOT_UNIT = (
    r"(?!\s*(?:år|måned|uge|dag|døgn|time|minut|sekund|gang|kr|krone|procent|pct|%|stk|"
    r"styk|børn|person|menneske|familie|lejlighed|meter|km|m\b|kg|gram|liter|point|"
    r"klasse|elev|voksne|unge|mand|kvinde|drenge|piger))"
)
_SIDE = r"(?:th|tv|mf|t\.h|t\.v)\b(?:\.(?=,?\s+\d{4}\s))?"
_FLOOR = (
    rf"(?:,?\s*(?:(?:st|kld|kl|\d{{1,2}}\.)(?:\s*sal)?(?:\.(?=,?\s*(?:th|tv|mf|\d{{4}}\s)))?"
    rf"(?:,?\s*{_SIDE})?|(?:\d{{1,2}}\s*)?{_SIDE}))"
)
_POSTCODE = (
    rf"(?:,?\s+\d{{4}}\s+{UPPER}{LETTER}+(?:[ -]{UPPER}{LETTER}+)?"
    rf"(?:\s+(?:NØ|NV|SØ|SV|Ø|V|N|S|C|K|M)(?![\w]))?)"
)
_NOT_A_STREET = r"(?!(?i:deltager)\s)"
"""A focus group's participant ("Deltager 1", its speaker tag) is a person, though the word ends in the
street word "ager": read as an address, every participant was "[adresse]", one speaker in the tables."""
ADDRESS_RE = re.compile(
    rf"(?<![^\W\d_]){_NOT_A_STREET}(?:(?:{_STREET_WORD}\s+){{1,3}}(?i:{_STREET_SUFFIXES})"
    rf"|(?:{_STREET_WORD}\s+){{0,3}}{UPPER}{LETTER}+?(?i:{_STREET_SUFFIXES}))"
    rf"\s+(?:(?i:nr\.?|nummer)\s*)?{_HOUSE_NUMBER}{_NOT_UNIT}(?![\d]|[.,]\d){_FLOOR}?{_POSTCODE}?"
)
"""A Danish street address: a capitalised street name ending in a street word (vej, gade,
allé, parken, vænget ...) and a house number, optionally floor and side (``2. th.``) and
postcode and town (``5240 Odense NØ``), also with "nr." before the number (``Søndergade nr. 12``). A street
name without a number is a place."""


_LIVES_ON = (r"(?:(?<=bor på )|(?<=bor i )|(?<=boede på )|(?<=boede i )|(?<=flyttede til )|(?<=flytter til )"
             r"|(?<=adresse ))")
LOWER_ADDRESS_RE = re.compile(
    rf"(?<![^\W\d_]){_NOT_A_STREET}(?:[a-zæøå]{{2,}}?(?:{_STREET_SUFFIXES})|[a-zæøå]{{2,}}\s+(?:{_STREET_SUFFIXES}))"
    rf"\s+{_HOUSE_NUMBER}{_NOT_UNIT}(?![\d]|[.,]\d){_FLOOR}{_POSTCODE}?"
    # without floor or side where a home is told: "bor på søndergade 12"
    rf"|{_LIVES_ON}(?P<told>[a-zæøå]{{2,}}?(?:{_STREET_SUFFIXES}))\s+(?:(?:nr\.?|nummer)\s*)?{_HOUSE_NUMBER}{_NOT_UNIT}"
    rf"(?![\d]|[.,]\d){_FLOOR}?{_POSTCODE}?"
)
"""The same in a sloppy transcript's lower case (``bøgeparken 12 2 th``, ``ørbækvej 100 st tv``,
``vollsmose allé 14 2 tv``): one word ending in a street word, or a word and a street word, and
then floor or side as well, which ordinary words lack; or after "bor på", "flyttede til" ... without them,
when the street is no Danish word (``bor på søndergade 12``; not ``bor i lejligheden 3``)."""

_DIGIT_RE = re.compile(r"\d")

_STAIR = r"(?i:opg(?:ang)?\.?|opgang(?:nummer|nr\.?)?)[ \t]*\d{1,3}[a-zA-Z]?(?![\w])"
_STOREY = r"(?:[ \t]*,?[ \t]*(?:\d{1,2}\.?[ \t]*(?i:sal)|(?i:st(?:uen)?)\b)\.?(?:[ \t]*,?[ \t]*(?i:th|tv|mf)\b)?)"
_HOUSE_STOREY = rf"(?:{_STOREY}|[ \t]+\d{{1,2}}\.?[ \t]*(?i:th|tv|mf)\b\.?)"
LOOSE_ADDRESS_RE = re.compile(
    rf"(?<![^\W\d_])(?:(?i:blok)[ \t]*\d{{1,3}}[a-zA-Z]?(?:[ \t]*,?[ \t]*{_STAIR}{_STOREY}?|{_STOREY})"
    rf"|{_STAIR}{_STOREY}?"
    rf"|(?i:nr\.?|nummer)[ \t]*\d{{1,3}}[a-zA-Z]?(?![\w])(?={_HOUSE_STOREY}){_HOUSE_STOREY})"
)
"""A home in a housing estate written without a street: a block and a stairway (``blok 4 opg 12``,
``Blok 3, opgang 12, 2. sal``), a stairway with or without its storey (``opgang 3, 2. sal th``, ``i opgang
7``: a few homes), or a house number with its storey (``nr. 14 st. tv``, ``nummer 5, 2. sal``), or a block with
its storey (``blok 7, 3. sal tv``), or a house number after "fra" or "i" (``ham fra nr. 12``, ``i nummer 22``:
one home; not ``side i nr. 3``). A block alone (``blok 3``) is a place many live in, and stays."""
HOME_NUMBER_RE = re.compile(
    r"(?<![^\W\d_])(?:(?P<before>[^\W\d_]+)(?:[ \t]+\d{1,4})?[ \t]+)?(?i:fra|i)[ \t]+"
    r"(?P<home>(?i:nr\.?|nummer)[ \t]*\d{1,3}[a-zA-Z]?)"
    r"(?![\w]|[.,/-]\d)")
"""A house number a person is from or lives in: "ham den store fra nr. 12", "mor bor ovre i nummer 22"."""
_NOT_HOME_BEFORE = frozenset("side punkt kapitel afsnit bilag spørgsmål opgave udgave rute linje bus".split())
"""Words before "i nr. 3" (with their own number or not) that number something else: "side 4 i nr. 3" of a
magazine."""


PROFILE_URL_RE = re.compile(
    r"(?<![\w.])(?:https?://)?(?:www\.|m\.|da-dk\.)?(?:facebook|fb|instagram|tiktok|snapchat|linkedin|twitter|x|"
    r"youtube|threads)\.com/[^\s,;)\]»\"'<>]*[^\s,;)\]»\"'<>.!?:]",
    re.IGNORECASE,
)
"""A link to a profile or group on a social network (``facebook.com/fatima.yildiz.52``)."""

HANDLE_RE = re.compile(r"(?<![\w.@/\]])@\w(?:[\w.]{0,28}\w)?(?![\w@])")
"""A social-media handle (``@ozlem_vollsmose``, ``@søren.k``: any letters, so one written with them is
not left to the name rules piece by piece); one that is a Danish word (``@alle``) is no one's."""

PLATFORM_HANDLE_RE = re.compile(
    r"(?<![^\W\d_])(?i:snap(?:chat)?|insta(?:gram)?|tiktok|twitter|discord|telegram|youtube|facebook|fb)"
    r"(?:[ \t]+(?i:er|hedder|navn|profil))?(?P<colon>[ \t]*:)?[ \t]+"
    r"(?P<handle>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)"
    r"(?![\w@])")
"""A handle written after its network without "@" (``snap: ozzy_2009``, ``insta fatima_k99``): one with a
digit, an underscore or a dot inside, or after a colon one that is no word (``snap: ozzy``)."""
_PLATFORM_HINTS = ("nap", "NAP", "nsta", "NSTA", "ikTok", "iktok", "IKTOK", "witter", "iscord", "elegram", "outube",
                   "ouTube", "acebook", "fb", "FB", "ruger", "RUGER", "user", "User", "USER", "ogin", "OGIN")
"""Quick tests before PLATFORM_HANDLE_RE and USER_ID_RE: a few substrings are faster than any search."""

USER_ID_RE = re.compile(
    r"(?<![^\W\d_])(?i:bruger[- ]?(?:id|navn)|brugernavn\w*|user[- ]?(?:id|name)|login)"
    r"(?:\s*:|\s+(?i:er|var|hedder|nr\.?))*\s+(?P<user>[A-Za-z0-9_][A-Za-z0-9_.-]*[A-Za-z0-9_])(?![\w@])")
"""A user name or id after its word (``MitID bruger-id er hodan1985``, ``NemID brugernavn: fati8823``):
one with a digit, an underscore or a dot, or no word (``brugernavn: hodan``)."""

_PLATE_WORD = r"(?:(?<=ummerplade )|(?<=ummerpladen )|(?<=ummerplade: )|(?<=ummerpladen er )|(?<=ummerpladen var ))"
PLATE_RE = re.compile(
    rf"(?<![\w-])(?:(?:[A-Z]{{2}}|{_PLATE_WORD}[a-z]{{2}})[ -]?\d{{2}}[ -]?\d{{3}}|[a-z]{{2}}\d{{5}})(?![\w]|[.,]\d)")
"""A Danish number plate: two letters and five digits (``AB 12 345``, ``AB-12-345``, ``AB12345``;
in lower case after the word: ``nummerplade ab 12 345``, ``nummerpladen er ab 12 345``, where two
lower-case letters could be a word, or written together: ``ab12345``)."""


_MONTHS = (r"jan(?:uar)?|feb(?:ruar)?|mar(?:ts)?|apr(?:il)?|maj|jun(?:i)?|jul(?:i)?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_BIRTH_YEAR = r"(?:\d{4}|-?['’]?\d\d)(?!\d)"
_ORDINALS = (r"første|anden|andet|tredje|fjerde|femte|sjette|syvende|ottende|niende|tiende|ellevte|tolvte|"
             r"trettende|fjortende|femtende|sekstende|syttende|attende|nittende|tyvende|"
             r"(?:en|to|tre|fire|fem|seks|syv|otte|ni)ogtyvende|tredivte|enogtredivte")
_NUMBER_WORD = (r"(?:[a-zæø]*(?:tyve|tredive|fyrre|halvtreds|tres|halvfjerds|firs|halvfems)|hundrede|en|et|to|tre|"
                r"fire|fem|seks|syv|otte|ni|ti|elleve|tolv|tretten|fjorten|femten|seksten|sytten|atten|nitten)")
_YEAR_WORDS = rf"(?:nitten|atten|tyve|to[ \t]?tusinde?)(?:[ \t]+(?:og[ \t]+)?{_NUMBER_WORD}(?![^\W\d_])){{1,3}}"
"""A year said in words: "nitten hundrede og femogfirs", "nitten femogfirs", "to tusind og tolv"."""
BIRTH_RE = re.compile(
    r"(?<![^\W\d_])(?i:født|fødselsdato|fødselsdag|f\.|fylder(?:[ \t]+\d{1,3})?[ \t]+år)"
    r"(?:\s+(?i:er|var|på))?(?:\s+(?i:den|d\.))?[:\s]\s*"
    rf"(?P<date>\d{{1,2}}[./-]\d{{1,2}}(?:[./-]|[ \t](?=\d{{4}}))(?:\d{{4}}|\d\d)(?!\d)"
    rf"|\d{{1,2}}\.?\s*(?i:{_MONTHS})\.?(?:\s+{_BIRTH_YEAR})?(?![^\W\d_])"
    # the date said in words: "født den tolvte marts nitten hundrede og femogfirs", "den første maj"
    rf"|(?i:{_ORDINALS})[ \t]+(?i:{_MONTHS})(?![^\W\d_])(?:[ \t]+(?:{_BIRTH_YEAR}|(?i:{_YEAR_WORDS})))?"
    # a day and month without the year, as a birthday is told: "fødselsdag d. 12/4", "født 3/5"
    r"|(?P<day>\d{1,2})[./](?P<month>\d{1,2})(?![\d/-]|[.,]\d))"
)
"""A date of birth after the word (``født 12.03.2015``, ``født den 3. marts 2015``,
``fødselsdato: 12/03/2015``, typed ``født 1.maj -87``, ``født 1/5 1990``, ``født 3. maj 87``, said
``født den tolvte marts nitten hundrede og femogfirs``), also a birthday without its year
(``fødselsdag d. 12/4``, ``fylder år den 14. juni``): the date goes, the word stays. A year alone
(``født i 1962``) stays."""

CASE_RE = re.compile(
    # the word and its "nr"/"nummer" joined or apart: "sagsnr.", "sag nr.", "journal nr.", "kundenummer"
    r"(?<![^\W\d_])(?i:(?:sags?|journal|kunde|lejemåls|lejer|medlems|borger|klient|reference|ref\.)[ -]?"
    r"(?:nr|nummer(?:et)?)|j\.\s?nr|jnr)\.?(?:\s*:|\s+(?i:er|var|hedder|nummer|nr\.?))*\s*"
    r"(?P<number>(?:[A-ZÆØÅ]{1,4}[ -]?)?\d[\d./-]*\d(?:[-/][A-Za-z0-9]+)?(?:[ ]\d{3}(?!\d))*)(?![\w])"
)
CODE_RE = re.compile(
    # a password or PIN said aloud after its word: "koden er 4711", "adgangskoden er sommer2024", "pinkode 8642",
    # "koden til min e-boks er 4711"; the code has a digit ("koden er svær at huske", "kodeordet er 12 tegn" stay)
    r"(?<![^\W\d_])(?P<word>(?i:(?:adgangs|pin-?|login-?)?kode(?:n|ord(?:et)?)?|password(?:et)?|pin))(?![^\W\d_])"
    r"(?P<of>[ \t]+(?i:til|for|på)[ \t]+(?:(?i:min|mit|mine|din|dit|vores|jeres|hans|hendes|den|det)[ \t]+)?"
    r"[^\W\d_][\w-]*)?(?:[ \t]*(?i::|=|er|var|hedder)(?![^\W\d_]))?[ \t]*"
    # a PIN of four to eight digits, or a word with a digit in it ("sommer2024"); not "koden 1.1 i kodebogen"
    r"(?P<code>\d{4,8}|(?=[^\s,;]*\d)(?=[^\s,;]*[^\W\d_])[^\W_][^\s,;]{2,}?)(?=[.!?]*(?:[\s,;]|$))"
)
"""A password or PIN code after its word (``koden er 4711``, ``adgangskoden er sommer2024``)."""
CLASS_RE = re.compile(
    # a school class with its letter, where it points at a child: at a named school ("7.b på Rosenhøj Skole"),
    # or the class a child goes in ("han går i 3.x"); not the grade alone ("3. klasse", the gymnasium's "1. g")
    # nor "punkt 7.b"
    r"(?:(?<![^\W\d_])(?i:går|gik|gå|elev|elever|eleverne)[ \t]+i[ \t]+)?"
    r"(?<![\w.])(?P<class>(?:10|[0-9])\.[ \t]?(?![gG])[a-zæøåA-ZÆØÅ])(?!\w|\.\w)"
    r"(?P<school>[ \t]+(?:på|fra|i)[ \t]+(?:[A-ZÆØÅ][\w-]*[ \t]+)*(?:[A-ZÆØÅ][\w-]*)?"
    r"(?i:skole(?:n)?|friskole|privatskole)(?![\w]))?"
)
"""A school class (``7.b``) at a named school or the class a child goes in (``går i 3.x``)."""
CASE_LOOSE_RE = re.compile(
    # "sag 23/4512", "i sagen 2023-014512": a number with a slash or a dash after "sag" ("sag 2" is none)
    r"(?<![^\W\d_])(?i:sag(?:en)?)[ \t]+(?P<sag>\d+[/-]\d+(?:[/-]\d+)*)(?![\w]|[/-]\d)"
    # an id with its letters: "SAG-2024-0815", "JNR-23-4512"
    r"|(?<![\w-])(?P<id>[A-ZÆØÅ]{2,5}-\d{2,4}-\d{3,})(?![\w-])"
)
"""A case, journal, customer or tenancy number after its word (``sagsnr. 2023-014512``,
``journalnummer er 44512``, ``lejemålsnr.: 12-345-678``, ``sagsnummeret er 44 512``), after "sag" with a
slash or dash (``sag 23/4512``), or with its letters (``SAG-2024-0815``): the number goes, the word stays."""


IBAN_RE = re.compile(r"(?<![\w])[A-Z]{2}\d\d(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?(?![\w])")
"""An IBAN (``DK50 0040 0440 1162 43``, ``DK5000400440116243``)."""

ACCOUNT_RE = re.compile(
    r"(?<![^\W\d_])(?i:reg(?:istrerings)?(?:\.|[ -]?(?:nr|nummer)\.?)+|konto(?:[ -]?(?:nr|nummer))?\.?)"
    r"(?:\s*:|\s+(?i:er|var|nr\.?|nummer))*\s*(?P<number>\d{4}(?:[ -]?\d{6,10})?|\d{6,10})(?![\w]|[.,]\d)"
)
"""A bank account after its word: ``reg. 1234 konto 1234567890``, ``reg.nr. 9876 kontonr. 0001234567``,
``min konto 1234-1234567890``: the numbers go, the words stay."""


ACCOUNT_LOOSE_RE = re.compile(r"(?<![\d_.,/+-])(?!0045)\d{4}[ -]\d{7,10}(?![\w]|[.,]\d|[-/]\d)")
"""A registration and account number without the word (``overfør til 5301 0243567``): four digits and
seven to ten, which no CPR or date has, nor a phone number (``0045 20304050``). A letter may come right
before it: a name glued to it is replaced too, and the number must then go in the same pass."""
_OTHER_NUMBER_BEFORE = re.compile(
    r"(?i:(?:ean|gln|isbn|cvr)(?:[ .-]?(?:nr|nummer))?|(?:se|p)[ .-]?(?:nr|nummer))\.?[ \t]*:?[ \t]*$")
"""The word of a number that is a firm's or a book's, not an account: ``EAN 5798 000123456``."""


def find_accounts(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, "kontonummer")`` for every IBAN and bank account number after its word, or
    written as registration and account number."""
    for match in IBAN_RE.finditer(text):
        if sum(char.isdigit() for char in match.group()) >= 12:
            yield match.start(), match.end(), KIND_ACCOUNT
    for match in ACCOUNT_RE.finditer(text):
        yield match.start("number"), match.end("number"), KIND_ACCOUNT
    for match in ACCOUNT_LOOSE_RE.finditer(text):
        before = text[max(0, match.start() - 12) : match.start()]
        if not (_AMOUNT_AFTER.match(text[match.end() : match.end() + 10]) or _AMOUNT_BEFORE.search(before)
                or _OTHER_NUMBER_BEFORE.search(before)):
            yield match.start(), match.end(), KIND_ACCOUNT


def find_profiles(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, "profil")`` for every social-network link and handle in ``text``, and every
    user name after its word."""
    if "." in text:
        for match in PROFILE_URL_RE.finditer(text):
            yield match.start(), match.end(), KIND_PROFILE
    if "@" in text:
        from kvaleval.danish import is_danish_word

        for match in HANDLE_RE.finditer(text):
            handle = match.group()[1:]
            if not (handle.isalpha() and is_danish_word(handle.lower())):
                yield match.start(), match.end(), KIND_PROFILE
    for hint in _PLATFORM_HINTS:
        if hint in text:
            break
    else:
        return
    from kvaleval.danish import is_danish_word

    pairs = [(m, m.group("colon") is not None) for m in PLATFORM_HANDLE_RE.finditer(text)]
    pairs += [(m, True) for m in USER_ID_RE.finditer(text)]
    for match, alone in pairs:
        group = "handle" if "handle" in match.re.groupindex else "user"
        handle = match.group(group)
        # "insta fatima_k99": a handle's digit, underscore or dot; "snap: ozzy", no word, after a colon
        if re.search(r"[\d_]|\w\.\w", handle) or (alone and handle.isalpha() and not is_danish_word(handle.lower())):
            yield match.start(group), match.end(group), KIND_PROFILE


IP_RE = re.compile(r"(?<![\d_.,/-])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\w]|[.,/-]\d)")
"""An IPv4 address (``85.204.12.7``), with a part of three digits: ``3.2.1.4`` is a section's number,
``14.30.15.20`` no address."""


_VERSION_BEFORE = re.compile(r"(?i:version|ver\.|v)[ \t]*$")


def find_ips(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, "IP-adresse")`` for every IPv4 address (not a version: ``version 10.2.145.3``)."""
    for match in IP_RE.finditer(text):
        if re.search(r"\d{3}", match.group()) and not _VERSION_BEFORE.search(text, max(0, match.start() - 10),
                                                                              match.start()):
            yield match.start(), match.end(), KIND_IP


def find_plates(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, "nummerplade")`` for every Danish number plate (not an amount)."""
    for match in PLATE_RE.finditer(text):
        if not _AMOUNT_AFTER.match(text[match.end() : match.end() + 10]):
            yield match.start(), match.end(), KIND_PLATE


def find_births_and_cases(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, kind)`` for every date of birth and case number written after its word."""
    for match in BIRTH_RE.finditer(text):
        if match.group("day") is None or is_plausible_cpr(match.group("day").zfill(2), match.group("month").zfill(2)):
            yield match.start("date"), match.end("date"), KIND_BIRTH
    for match in CASE_RE.finditer(text):
        yield match.start("number"), match.end("number"), KIND_CASE
    for match in CLASS_RE.finditer(text):
        if match.group("school") is not None or match.start() != match.start("class"):
            yield match.start("class"), match.end("class"), KIND_CLASS
    for match in CODE_RE.finditer(text):
        # "koden K12", "kode 12a" alone may be a code of a codebook: a code with letters needs a stronger word
        # ("adgangskoden", "password"), what it opens ("koden til wifi er sommer2024") or a word in it ("hest123")
        code = match.group("code")
        if (match.group("word").casefold() not in ("kode", "koden") or match.group("of") is not None
                or code.isdigit() or sum(char.islower() for char in code) >= 3):
            yield match.start("code"), match.end("code"), KIND_CODE
    if "-" in text or "/" in text:
        for match in CASE_LOOSE_RE.finditer(text):
            group = "sag" if match.group("sag") is not None else "id"
            digits = sum(char.isdigit() for char in match.group(group))
            if digits >= (4 if group == "sag" else 6):  # not "en sag 2-3 gange om ugen"; "AB-12-345" is a plate
                yield match.start(group), match.end(group), KIND_CASE


def find_emails(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, "e-mail")`` for every e-mail address in ``text``, also written
    ``navn(at)firma.dk`` or ``navn [at] firma.dk``, with a comma for the last dot, or spelled out
    (``navn snabel-a firma punktum dk``)."""
    spoken = []
    if "nabel" in text or " dot " in text or " punktum " in text or " prik " in text:
        spoken = [match.span() for match in SPOKEN_EMAIL_RE.finditer(text)]
    if "@" not in text and "at)" not in text and "at]" not in text:
        yield from ((start, end, KIND_EMAIL) for start, end in spoken)
        return
    found = [match.span() for match in EMAIL_RE.finditer(text)] + spoken
    # Two addresses written together ("a@b.dkkr.a@b.dk"): the second starts after the first's last
    # letters, where an address may not start; read again with the first blanked out, it is found.
    if found and any(text.find("@", end) != -1 for _, end in found):
        blanked = list(text)
        for start, end in found:
            blanked[start:end] = " " * (end - start)
        found += [match.span() for match in EMAIL_RE.finditer("".join(blanked))]
    for start, end in sorted(found):
        yield start, end, KIND_EMAIL


def find_cprs(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, "CPR")`` for every plausible CPR number in ``text``."""
    for match in CPR_RE.finditer(text):
        if is_plausible_cpr(match.group(1), match.group(3)):
            yield match.start(), match.end(), KIND_CPR


def find_phones(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, "telefon")`` for every Danish phone number in ``text``.

    After a candidate that is not a phone number (``2019 2000``, two years) the search goes on
    inside it, so that a number overlapping it (``2019 2000 0000``) is still found.
    """
    position = 0
    while (match := PHONE_RE.search(text, position)) is not None:
        if is_plausible_phone(text, match.start(), match.end(), bool(match.group("prefix"))):
            yield match.start(), match.end(), KIND_PHONE
            position = match.end()
        else:
            position = match.start() + 1
    if "+" in text:
        for match in FOREIGN_PHONE_RE.finditer(text):
            if 9 <= sum(char.isdigit() for char in match.group()) <= 15:
                yield match.start(), match.end(), KIND_PHONE


_LOOSE_PHONE_RE = re.compile(
    r"(?<![\d_+.,/-])(?P<prefix>(?:\+45|0045)[ .-]?)?[2-9](?:[ .-]?\d){7}(?![\d_]|[.,]\d|[-/]\d)")
"""Eight digits in any grouping (``20-30 40 50``, ``2030 40 5 0``, ``203 04 050``): a phone number
after ``+45`` or a word that says so; alone, too many other numbers look like it."""
_LOOSE_CPR_RE = re.compile(r"(?<![\d_+.,/-])(\d)[ .-]?(\d)[ .-]?(\d)[ .-]?(\d)(?:[ .-]?\d){6}(?![\d_]|[.,]\d|[-/]\d)")
"""Ten digits in any grouping (``120385 12 34``, ``12 0385 1234``): a CPR number after a word that says so."""
_PHONE_WORD_RE = re.compile(
    r"(?<![^\W\d_])(?i:tlf|telefon\w*|mobil\w*|mob|fastnet\w*|nummer(?:et)?|ring\w*|sms\w*|hjemme|privat)"
    r"(?![^\W\d_])(?:[^.!?\n]|\.(?!\s+[A-ZÆØÅ])){0,40}$")
_CPR_WORD_RE = re.compile(
    r"(?<![^\W\d_])(?i:cpr\w*|personnummer\w*)(?![^\W\d_])(?:[^.!?\n]|\.(?!\s+[A-ZÆØÅ])){0,40}$")
"""The word before a loose number, in the same sentence (an abbreviation's full stop, ``tlf.``, ``cpr.nr.``,
is no sentence's end)."""
_QUICK_PHONE_RE = re.compile(
    r"(?<![^\W\d_])(?i:tlf|telefon|mobil|mob|fastnet|nummer|ring|sms|hjemme|privat)|\+45|0045")
_QUICK_CPR_RE = re.compile(r"(?<![^\W\d_])(?i:cpr|personnummer)")
"""Quick tests before the loose numbers: a word that names one somewhere in the text."""
_TIME_RANGE_RE = re.compile(r"\d\d?[.:]\d\d[ ]?-[ ]?\d\d?[.:]\d\d")


def find_loose_numbers(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield a phone number (``tlf. 2 0 3 0 4 0 5 0``) or a CPR number (``CPR er 120385 12 34``) written
    in an odd grouping, after a word that names it (or ``+45``); a plain date, time or amount stays."""
    for match in _LOOSE_CPR_RE.finditer(text) if _QUICK_CPR_RE.search(text) else ():
        day, month = match.group(1) + match.group(2), match.group(3) + match.group(4)
        if is_plausible_cpr(day, month) and _CPR_WORD_RE.search(text, max(0, match.start() - 60), match.start()):
            yield match.start(), match.end(), KIND_CPR
    for match in _LOOSE_PHONE_RE.finditer(text) if _QUICK_PHONE_RE.search(text) else ():
        start, end = match.span()
        if _TIME_RANGE_RE.search(match.group()):
            continue  # "ring mellem 14.30-16.00"
        prefixed = match.group("prefix") is not None
        if prefixed or (_PHONE_WORD_RE.search(text, max(0, start - 60), start)
                        and is_plausible_phone(text, start, end, False)):
            yield start, end, KIND_PHONE


WORKPLACE_RE = re.compile(
    # a workplace with the street it lies in: "hun arbejder i Netto på Vestergade" is one shop's few staff
    rf"(?<![^\W\d_])(?i:arbejder|arbejdede|arbejde|ansat|job)[ \t]+(?i:i|på|hos|ved)[ \t]+"
    rf"(?P<place>(?:{_STREET_WORD}[ \t]+){{1,3}}(?i:på|ved)[ \t]+(?:{_STREET_WORD}[ \t]+){{0,2}}{UPPER}{LETTER}*?"
    rf"(?i:{_STREET_SUFFIXES})(?:[ \t]+{_HOUSE_NUMBER})?)(?![^\W\d_])"
)
"""A workplace named with its street after "arbejder i/på/hos" (``arbejder i Netto på Vestergade``)."""
SOLE_POST_RE = re.compile(
    # a post one person holds, at a named place: "han er pedel på Rosenhøj Skole" is the one caretaker there
    r"(?<![^\W\d_])(?i:er|var|blev)[ \t]+(?i:pedel|pedellen|varmemester|varmemesteren|skoleleder|skolelederen|"
    r"viceskoleleder|inspektør|forstander|præst|præsten|imam|imamen|klubleder|klublederen|formand|formanden)"
    rf"[ \t]+(?i:på|i|hos|for)[ \t]+(?P<place>{_STREET_WORD}(?:[ \t]+{_STREET_WORD}){{0,3}})(?![^\W\d_])"
)
"""A post only one person holds, at a named place (``han er pedel på Rosenhøj Skole``)."""
RARE_DIAGNOSIS_RE = re.compile(
    # diagnoses a few hundred Danes have: with a person's age they point at one child in a housing area
    r"(?<![^\W\d_])(?i:cystisk[ \t]+fibrose|muskelsvind|spinal[ \t]+muskelatrofi|duchenne\w*|"
    r"cerebral[ \t]+parese|spastisk[ \t]+lammelse|spina[ \t]+bifida|rygmarvsbrok|hæmofili|blødersygdom\w*|"
    r"sikkelcelle\w*|thalassæmi|fenylketonuri|glasknogler|osteogenesis[ \t]+imperfecta|huntingtons?[ \t]+sygdom|"
    r"(?:downs|retts|turners|williams|angelmans?|marfans?)[ \t-]+syndrom|prader-willi\w*|klinefelter\w*|"
    r"fragilt[ \t]+x\w*|sjæld(?:en|ent|ne)[ \t]+(?:[a-zæøå]+[ \t]+)?[a-zæøå]*(?:sygdom|diagnose|syndrom|lidelse|"
    r"gendefekt|kræftform|kromosomfejl))(?![^\W\d_])")
"""A rare diagnosis (``cystisk fibrose``, ``Retts syndrom``, ``en sjælden muskelsygdom``); not a common one
(``astma``, ``ADHD``, ``autisme``, ``sukkersyge``)."""
_AGE_RE = re.compile(
    r"(?<![^\W\d_])(?i:på|er|blev|bliver|fylder|fyldte|fyldt|som)[ \t]+\d{1,2}(?:[ \t]*(?i:år))?"
    r"(?![\d.,/:-]\d|[^\W\d_])"
    r"|(?<![\d.,/])\d{1,2}[ \t]*(?i:år[ \t]+gammel|-?[ \t]*årig\w*)(?![^\W\d_])")
"""A person's age: "min dreng på 9", "han er 17", "11 år gammel", "en 9-årig" (not "i 2 år", a time)."""
_DIAGNOSIS_STEMS = ("fibrose", "svind", "atrofi", "uchenne", "arese", "ammelse", "bifida", "marvsbrok", "æmofili",
                    "ødersygdom", "ikkelcelle", "halassæmi", "etonuri", "knogler", "imperfecta", "ygdom", "yndrom",
                    "illi", "linefelter", "ragilt", "sjæld", "Sjæld")
"""A quick test before :data:`RARE_DIAGNOSIS_RE`: a piece of every diagnosis it finds."""
_SENTENCE_END_RE = re.compile(r"[.!?\n](?:\s|$)")


def find_rare_diagnoses(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, "diagnose")`` for every rare diagnosis in a sentence that also gives an age:
    "en dreng på 9 med cystisk fibrose" points at one child; the diagnosis alone, or an age with a
    common one ("på 9 med astma"), stays."""
    for match in RARE_DIAGNOSIS_RE.finditer(text):
        # the sentence around it, at most 300 characters each way: linear in a long text with many
        start = max(0, match.start() - 300)
        before = [m.end() for m in _SENTENCE_END_RE.finditer(text, start, match.start())]
        start = before[-1] if before else start
        after = _SENTENCE_END_RE.search(text, match.end(), match.end() + 300)
        if _AGE_RE.search(text, start, after.start() if after else min(len(text), match.end() + 300)):
            yield match.start(), match.end(), KIND_DIAGNOSIS


_STREET_NUMBER_RE = re.compile(rf"(?i:{_STREET_SUFFIXES})\s+(?:(?i:nr\.?|nummer)\s*)?\d")
"""A quick test run before ADDRESS_RE: a street word followed by a number."""


def find_addresses(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, "adresse")`` for every street address with a house number, and every
    block with its stairway."""
    if "pg" in text or "PG" in text or "nr" in text or "NR" in text or "ummer" in text or "lok" in text:
        for match in LOOSE_ADDRESS_RE.finditer(text):
            yield match.start(), match.end(), KIND_ADDRESS
        for match in HOME_NUMBER_RE.finditer(text):
            if (match.group("before") or "").casefold() not in _NOT_HOME_BEFORE:
                yield match.start("home"), match.end("home"), KIND_ADDRESS
    if not _STREET_NUMBER_RE.search(text):
        return
    for pattern in (ADDRESS_RE, LOWER_ADDRESS_RE):
        for match in pattern.finditer(text):
            if pattern is LOWER_ADDRESS_RE and match.group("told") is not None:
                from kvaleval.danish import is_danish_word

                if is_danish_word(match.group("told")):
                    continue  # "bor i lejligheden 3": a word, no street
            end = match.end()
            while end > match.start() and text[end - 1] in " ,":
                end -= 1
            yield match.start(), end, KIND_ADDRESS


def find_shaped(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield every e-mail, social-network profile, CPR number, phone number, address, number
    plate, date of birth, case number and bank account (their rank is :data:`spans.RANK`)."""
    emails = list(find_emails(text))
    yield from emails
    # A handle inside an e-mail ("@kr" of "@kr.a@b.dk") is the e-mail's: kept as a profile, it hid
    # the address from the e-mail, and a second pass found "a@b.dk" in "[profil].a@b.dk".
    yield from (found for found in find_profiles(text)
                if not any(start < found[1] and found[0] < end for start, end, _ in emails))
    if "rbejd" in text or "ansat" in text or "job" in text:
        yield from ((m.start("place"), m.end("place"), KIND_WORKPLACE) for m in WORKPLACE_RE.finditer(text))
    if "er " in text or "var " in text or "blev " in text:
        yield from ((m.start("place"), m.end("place"), KIND_WORKPLACE) for m in SOLE_POST_RE.finditer(text))
    if any(stem in text for stem in _DIAGNOSIS_STEMS) and _DIGIT_RE.search(text):
        yield from find_rare_diagnoses(text)
    if not _DIGIT_RE.search(text):
        if "øds" in text or "ødt" in text or "ylder" in text:
            yield from find_births_and_cases(text)  # a date of birth said in words has no digit
        return
    plain = text.translate(_SEPARATORS)
    yield from find_cprs(plain)
    yield from find_phones(plain)
    yield from find_loose_numbers(plain)
    yield from find_addresses(plain)
    yield from find_plates(plain)
    yield from find_births_and_cases(plain)
    yield from find_accounts(plain)
    if text.count(".") >= 3:
        yield from find_ips(plain)
