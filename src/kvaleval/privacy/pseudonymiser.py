"""Replace personal data in text with bracketed labels, consistently over a whole run."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pandas as pd

from kvaleval.errors import Errors, PrivacyError, Texts
from kvaleval.privacy import names as _names
from kvaleval.privacy.patterns import (
    KIND_CPR,
    KIND_NAME,
    KIND_PHONE,
    KIND_PROFILE,
    LETTER,
    LOWER,
    REPLACEMENTS,
    TOKEN_RE,
    UPPER,
    find_shaped,
)
from kvaleval.privacy.spans import (
    PROTECTED,
    RANK,
    RANK_CALLER,
    RANK_KEEP_PHRASE,
    RANK_TOKEN,
    Span,
    merge_names,
    next_word_start,
    resolve,
)

KIND_HIDDEN = "skjult"
HIDDEN = f"[{KIND_HIDDEN}]"
"""What replaces a value hidden whole that is no kind of its own (an IP address, a position)."""

REPORT_COLUMNS = ("where", "kind", "original", "replacement", "start", "end")
"""Columns of :attr:`Pseudonymiser.report`."""

_ROLE_RE = re.compile(
    r"(?:i|b|r|int|interviewer|intervieweren|informant|interviewperson|moderator|evaluator|"
    r"facilitator|borger|respondent|deltager|taler|speaker|forælder|medarbejder|ung|"
    r"partner|leder|ip)\s*\d*",
    re.IGNORECASE,
)
_GENITIVE = r"(?:['’]s|['’]|s)?"


_LOWER_WORD_RE = re.compile(rf"(?<![^\W\d_])(?<![@.\-]){LOWER}{{2,}}(?![^\W\d_])(?![@\-])")
"""A lower-case word, not part of an e-mail or a compound ("małgorzata", "rojîn", "yağmur" too)."""
_URL_RE = re.compile(r"(?<![\w@])(?:https?://|www\.)[^\s,;)\]»\"'<>]*[^\s,;)\]»\"'<>.!?:]")
_URL_PART_RE = re.compile(r"[/._\-?=&#:+%]+")
"""A link, and what separates the words in it."""
_OPENING_RE = re.compile(r"(?:^|(?<=[\n.!?:;…\]|)>]))[^\w\n]*", re.MULTILINE)
"""Where a sentence may start: the text's or a line's start, or after a sentence's sign, and what may stand
before its first word (spaces, quotes, dashes)."""
_LOWER_HYPHEN_RE = re.compile(r"(?<![^\W\d_])(?<![@.\-])([a-zæøå]{3,})-([a-zæøå]{2,})(?![^\W\d_])")
_ACCENTED_RE = re.compile(r"[^a-zæøå]")


MAX_CLEAN = 200_000
"""Texts remembered as holding nothing to replace (a bound on the memory they take); when full,
the memory starts again."""


def bracket(replacement: str) -> str:
    """``"borger 3"`` -> ``"[borger 3]"``; an already bracketed text is returned stripped."""
    text = " ".join(replacement.split())
    return text if text.startswith("[") and text.endswith("]") else f"[{text}]"


def _normal(name: str) -> str:
    return " ".join(name.split()).casefold()


def _check_names(names: str | Iterable[str], what: str) -> list[str]:
    if isinstance(names, str):
        names = [names]
    out = []
    for name in names:
        if not isinstance(name, str):
            raise PrivacyError(Errors.E707.format(what=what, value=name, kind=type(name).__name__))
        out.append(" ".join(name.split()))
    return out


def _check_pseudonyms(pseudonyms: Mapping[str, str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for original, replacement in (pseudonyms or {}).items():
        if not isinstance(original, str) or not isinstance(replacement, str) \
                or not original.strip() or not replacement.strip():
            raise PrivacyError(Errors.E706.format(pair=f"{original!r}: {replacement!r}"))
        out[_normal(original)] = bracket(replacement)
    return out


def _searchable(name: str) -> bool:
    """False for names too short to search for and for speaker roles ("I", "Borger 2")."""
    letters = sum(char.isalpha() for char in name)
    return letters >= 2 and _ROLE_RE.fullmatch(name) is None


class Pseudonymiser:
    """Replace names, CPR numbers, phone numbers, e-mails and addresses in text.

    One instance serves one run (a corpus, an appendix): the same original always gets
    the same replacement, names found in one text are recognised in later ones, and
    :attr:`report` lists every replacement made.

    Parameters
    ----------
    names
        Names known to be personal data: speakers from transcript tags, people from
        metadata. Matched as whole words, in any case ("hanne", "HANNE"), with genitive
        ("Hannes" -> "[navn]s"); a full name ("Jens Pedersen") also makes its parts
        names. A name that is also an ordinary Danish word ("Bo", "Per") is matched
        only with a capital. Names with fewer than two letters and speaker roles
        ("I", "Interviewer", "Borger 2") are not searched for.
    pseudonyms
        ``{original: replacement}``, e.g. from :func:`read_pseudonyms`. Originals are
        names as above; replacements get square brackets if they lack them.
    keep
        Capitalised words and phrases that are not personal data in this evaluation
        (names of places, programmes, partners), kept as written.
    name_list
        Use the shipped lists of Danish and immigrant first and last names.
    heuristic
        Take any other capitalised word that does not start a sentence, and is not on
        a keep list, for a name.

    Examples
    --------
    >>> p = Pseudonymiser(pseudonyms={"Hanne": "borger 3"})
    >>> p.apply("Hanne bor i Vollsmose. Ring til Hannes mor på 20 30 40 50.")
    '[borger 3] bor i Vollsmose. Ring til [borger 3]s mor på [telefon].'
    """

    def __init__(
        self,
        names: str | Iterable[str] = (),
        *,
        pseudonyms: Mapping[str, str] | None = None,
        keep: str | Iterable[str] = (),
        name_list: bool = True,
        heuristic: bool = True,
    ) -> None:
        self.names = tuple(_check_names(names, Texts.names_to_hide))
        self.pseudonyms = _check_pseudonyms(pseudonyms)
        self.keep = tuple(_check_names(keep, Texts.words_to_keep))
        self.name_list = name_list
        self.heuristic = heuristic
        self._lists = _names.lexicon()
        self._memory: dict[tuple[str, str], str] = {}
        self._learned: set[str] = set()
        # A word that is also a name ("Sol", "Storm"), learned as a name, holds only in the scope it was
        # learned in when a corpus run sets one (an interview, a survey respondent): "Tak til Sol" in one
        # answer made "Sol og regn" in two thousand others a name.
        self._scope: str | None = None
        self._scoped_learned: dict[str, set[str]] = {}
        self._rows: list[tuple[str, str, str, str, int, int]] = []
        # Texts found to hold nothing to replace, while nothing new was learned: an appendix
        # pseudonymises the same question, district or id thousands of times.
        self._clean: set[str] = set()
        self._clean_learned = 0
        self._user_keep = frozenset(k.casefold() for k in self.keep if " " not in k)
        self._caller = self._caller_names()
        self._caller_re = self._compile_caller()
        self._full_name_labels = frozenset(label for name, label in self._caller.items()
                                           if " " in name and label != REPLACEMENTS[KIND_NAME])
        self._protect_re = self._compile_protect()
        phrases = [*self._lists.keep_phrases, *(k for k in self.keep if " " in k)]
        # phrases are tried only where their first word stands; that is much faster
        # than scanning every text with an alternation of hundreds of phrases
        self._phrase_re = _phrase_regex(phrases)
        self._phrase_first = frozenset(p.split()[0].casefold() for p in phrases)
        self._phrase_lower_re = _phrase_regex(p for p in phrases if not p[0].isupper())

    def _caller_names(self) -> dict[str, str]:
        """Lower-cased caller name -> replacement, with the parts of full names."""
        given = {_normal(n): REPLACEMENTS[KIND_NAME] for n in self.names}
        given.update(self.pseudonyms)
        table = {n: r for n, r in given.items() if _searchable(n)}
        parts: dict[str, set[str]] = {}
        for name, replacement in given.items():
            for part in name.split() if " " in name else ():
                parts.setdefault(part, set()).add(replacement)
        for part, replacements in sorted(parts.items()):
            if part in table and replacements - {table[part]}:
                # "Fatima" is one person and part of another's "Fatima Al-Khatib": say neither
                table[part] = REPLACEMENTS[KIND_NAME]
                continue
            if part in table or not _searchable(part) or part in _names.ABBREVIATIONS:
                continue
            if part in self._lists.keep and part not in self._lists.names:
                continue  # "Red" of "Red Barnet" is no name
            table[part] = replacements.pop() if len(replacements) == 1 else "[navn]"
        return table

    def _compile_caller(self) -> re.Pattern[str] | None:
        if not self._caller:
            return None
        from kvaleval.danish import is_danish_word

        pieces = []
        for name in sorted(self._caller, key=lambda n: (-len(n), n)):
            words = [re.escape(w) for w in name.split()]
            # a first name the lists hold as no word ("jens": Hunspell's verdict, though the lemma table knows
            # it) is found in lower case too: "jens peter her" when the survey's name column says Jens Peter Holm
            listed = name in self._lists.first_names and name not in self._lists.ambiguous
            if name in self._lists.ambiguous or name in self._lists.keep or (
                    " " not in name and not listed and is_danish_word(name)):
                # an ordinary word too ("bo", "per", the "glad" of "Mikkel Glad"): only with a capital letter
                words[0] = f"(?-i:{re.escape(name[0].upper())}){re.escape(name.split()[0][1:])}"
            pieces.append(r"\s+".join(words))
        body = "|".join(pieces)
        return re.compile(rf"(?<![^\W\d_])(?<![@.])(?:{body}){_GENITIVE}(?![^\W\d_])(?!@)",
                          re.IGNORECASE)

    def _compile_protect(self) -> re.Pattern[str]:
        labels = {*REPLACEMENTS.values(), *self.pseudonyms.values(), *self._caller.values(),
                  "[...]", "[…]"}
        body = "|".join(re.escape(label) for label in sorted(labels, key=lambda s: (-len(s), s)))
        return re.compile(body)

    # -- detection -------------------------------------------------------------------

    def _candidates(self, text: str) -> tuple[list[Span], list[Span], list[Span]]:
        """All candidate spans, ambiguous sentence starts, and deferred sentence starts."""
        spans = []
        if "[" in text:
            spans += [Span(m.start(), m.end(), PROTECTED, 0)
                      for m in self._protect_re.finditer(text)]
        spans += [Span(s, e, kind, RANK[kind], REPLACEMENTS[kind])
                  for s, e, kind in find_shaped(text)]
        if self._caller_re is not None:
            for match in self._caller_re.finditer(text):
                original = match.group()
                key, suffix = _normal(original), ""
                if key not in self._caller:
                    cut = 2 if original[-2:] in ("'s", "’s") else 1
                    key, suffix = _normal(original[:-cut]), original[-cut:]
                base = self._caller.get(key, REPLACEMENTS[KIND_NAME])
                if _word_not_name(text, match.start(), match.end(), key):
                    continue  # "Per måned koster det ..." is no Per, even when a speaker is called Per
                # a prefix glued on with an apostrophe is the name's ("O'Hanne", "Bo’Hanne"): left, "Bo’" was a
                # genitive of its own in a second pass, which replaced it
                glued = _GLUED_PREFIX_RE.search(text, max(0, match.start() - 3), match.start())
                spans.append(Span(match.start() if glued is None else glued.start(), match.end(), KIND_NAME,
                                   RANK_CALLER, base, suffix))
        if self.name_list:
            # a first name written in lower case where a person stands: "jeg snakkede med mette"
            lower, words = _names.lower_case_names(), _names.lower_case_word_names()
            surnames = _names.lower_case_surnames()
            previous, previous_end = "", -1
            first_name: tuple[int, int, bool] | None = None  # the last lower-case first name, and if taken
            # where a sentence may start: a quick test before the exact one (names.sentence_initial)
            openings = {m.end() for m in _OPENING_RE.finditer(text)}
            for m in _LOWER_WORD_RE.finditer(text):
                word = m.group()
                adjacent = not text[previous_end : m.start()].strip(" \t")
                after_kin = previous in _names.KIN_BEFORE and adjacent
                after_with = previous in ("med", "hos") and adjacent
                after_first = first_name if first_name is not None and first_name[1] == previous_end and adjacent \
                    else None
                previous, previous_end, first_name = word, m.end(), None
                if word not in lower and word not in words and word not in surnames:
                    if not word.isascii() and _ACCENTED_RE.search(word):
                        word = _names.fold(word)  # "małgorzata", listed as malgorzata
                    if word not in lower and word not in surnames:
                        word = _names.transliteration(word) or word  # "mukhammad", "aischa": another spelling
                if ((word in lower or word in words) and _names.lower_case_person(
                        text, m.start(), m.end(), word=word in words)) or (
                        word in surnames and _names.lower_case_surname(text, m.start())):
                    spans.append(Span(m.start(), m.end(), KIND_NAME, RANK_TOKEN, REPLACEMENTS[KIND_NAME]))
                    first_name = (m.start(), m.end(), True) if word in lower else None
                elif word in surnames and after_first is not None:
                    # a first name and a surname, neither a word: "grzegorz szczepański ringede"
                    if not after_first[2]:
                        spans.append(Span(after_first[0], after_first[1], KIND_NAME, RANK_TOKEN,
                                          REPLACEMENTS[KIND_NAME]))
                    spans.append(Span(m.start(), m.end(), KIND_NAME, RANK_TOKEN, REPLACEMENTS[KIND_NAME]))
                elif word in lower:
                    first_name = (m.start(), m.end(), False)
                elif (word[-1:] == "s" and _names.fold(word[:-1]) in lower
                      and _names.KIN_AFTER_RE.match(text, m.end()) is not None):
                    # a first name's genitive before a relative: "ahmeds mor", "oksanas søn"
                    spans.append(Span(m.start(), m.end(), KIND_NAME, RANK_TOKEN, REPLACEMENTS[KIND_NAME], "s"))
                elif self.heuristic and (_names.unlisted_kin_name(text, m.start(), m.end()) if after_kin else (
                        m.start() in openings and _names.unlisted_initial_name(text, m.start(), m.end()))):
                    # a name on no list after a relative or role, before its verb: "min søn sirwan går der";
                    # or starting a sentence before a verb only a person does: "nirosha siger ..."
                    spans.append(Span(m.start(), m.end(), KIND_NAME, RANK_TOKEN, REPLACEMENTS[KIND_NAME]))
                elif self.heuristic and after_with and _names.unlisted_from(text, m.start(), m.end()):
                    # a name on no list after "med"/"hos", with where the person is from: "med przemek fra vaskeriet"
                    spans.append(Span(m.start(), m.end(), KIND_NAME, RANK_TOKEN, REPLACEMENTS[KIND_NAME]))
            if "www." in text or "://" in text:
                # a link with a name in it: "www.firma.dk/medarbejdere/birgitte-holm"
                spans += [Span(m.start(), m.end(), KIND_PROFILE, RANK[KIND_PROFILE], REPLACEMENTS[KIND_PROFILE])
                          for m in _URL_RE.finditer(text)
                          if any(part in lower or part in surnames for part in _URL_PART_RE.split(m.group().lower()))]
            if "-" in text:
                # a lower-case first name before a hyphen and a group word: "hanne-ordningen", "bente-gruppen"
                spans += [Span(m.start(1), m.end(1), KIND_NAME, RANK_TOKEN, REPLACEMENTS[KIND_NAME])
                          for m in _LOWER_HYPHEN_RE.finditer(text)
                          if m.group(1) in lower and m.group(2) in _names.NAMED_TAILS]
        if self.heuristic:
            # a lower-case name on no list after "hedder" or a greeting: "han hedder kawan", "hilsen sirwan"
            spans += [Span(start, end, KIND_NAME, RANK_TOKEN, REPLACEMENTS[KIND_NAME])
                      for start, end in _names.unlisted_lower_names(text)]
        if self.heuristic and "." in text:
            # initials with full stops are a person's ("L.P. sagde", "M.K. og J.H. fra bestyrelsen")
            spans += [Span(m.start(), m.end(), KIND_NAME, RANK_TOKEN, REPLACEMENTS[KIND_NAME])
                      for m in _DOTTED_INITIALS_RE.finditer(text) if _initials_name(text, m)]
        if self._phrase_lower_re is not None:
            spans += [Span(m.start(), m.end(), PROTECTED, RANK_KEEP_PHRASE)
                      for m in self._phrase_lower_re.finditer(text)]
        weak: list[Span] = []
        deferred: list[Span] = []
        learned = self._learned_here()
        for match in TOKEN_RE.finditer(text):
            if match.group().casefold() in self._phrase_first and self._phrase_re is not None:
                phrase = self._phrase_re.match(text, match.start())
                if phrase is not None:
                    spans.append(Span(phrase.start(), phrase.end(), PROTECTED,
                                       RANK_KEEP_PHRASE))
            verdict, _stem, suffix = _names.classify(
                text, match.start(), match.end(), lists=self._lists, user_keep=self._user_keep,
                learned=learned, use_lists=self.name_list, use_heuristic=self.heuristic)
            if verdict == _names.KEEP:
                continue
            key = _stem.casefold()
            ambiguous = key in self._lists.ambiguous and not match.group().isupper()
            # a name that is also a word ("Kaj", "Storm"), seen as a name in the middle of a sentence,
            # is learned: at a sentence start later in the run it is the same person ("Kaj og jeg ...")
            learn = verdict == _names.HEURISTIC or (
                verdict == _names.NAME and ambiguous and not _names.sentence_initial(text, match.start()))
            span = Span(match.start(), match.end(), KIND_NAME, RANK_TOKEN,
                         REPLACEMENTS[KIND_NAME], suffix, learn)
            {_names.WEAK: weak, _names.DEFER: deferred}.get(verdict, spans).append(span)
            if verdict == _names.WEAK and ambiguous:
                deferred.append(span)  # a name if learned, unless the next word shows the word ("Per måned")
        return spans, weak, deferred

    def _detect(self, text: str) -> list[Span]:
        spans, weak, deferred = self._candidates(text)
        chosen = resolve(text, spans)
        for span in chosen:
            if span.heuristic:
                key = _stem_key(text, span)
                if self._scope is not None and _names.is_word_name(key, self._lists):
                    self._scoped_learned.setdefault(self._scope, set()).add(key)
                else:
                    self._learned.add(key)
        learned = self._learned_here()
        late = [s for s in deferred if _stem_key(text, s) in learned
                and not _word_not_name(text, s.start, s.end, _stem_key(text, s))]
        if late:
            chosen = resolve(text, [*chosen, *late])
        # an unknown word at a sentence start may be a first name: "Xhemal Hansen kom"
        name_starts = {c.start for c in chosen if c.kind == KIND_NAME}
        weak += [s for s in deferred if s not in late and s not in weak
                 and next_word_start(text, s.end, particles=True) in name_starts
                 and self._is_foreign(text, s)]
        # joined to a known name (listed or given, not one guessed from its capital letter), it is one too:
        # "Fatu og Abdi kom", "Rojîn, Dilan og jeg"
        known_starts = {c.start for c in chosen if c.kind == KIND_NAME and not c.heuristic}
        joined = [s for s in deferred if s not in late and s not in weak
                  and (m := _JOINED_RE.match(text, s.end)) is not None and m.end() in known_starts
                  and self._is_foreign(text, s)]
        if joined:
            chosen = resolve(text, [*chosen, *joined])
        merged = merge_names(text, chosen, weak, words_after=self.heuristic,
                             full_name_labels=self._full_name_labels)
        return [span for span in _with_initials(text, merged) if not _names_an_institution(text, span)]

    def _learned_here(self) -> set[str]:
        """The names learned in the run, with the words learned as names in the current scope."""
        words = self._scoped_learned.get(self._scope) if self._scope is not None else None
        return self._learned | words if words else self._learned

    def _is_foreign(self, text: str, span: Span) -> bool:
        """True if a sentence-initial unknown word is not Danish (may start a full name)."""
        from kvaleval.danish import is_danish_word

        word = text[span.start : span.end]
        return not is_danish_word(word) and word.casefold() not in self._lists.keep

    # -- replacement -----------------------------------------------------------------

    def apply(self, text: str, *, where: str = "") -> str:
        """Return ``text`` with personal data replaced, and record each replacement.

        Parameters
        ----------
        text
            Any text: a segment, a quote, a table cell.
        where
            Where the text comes from (``"interviews/borger03#12"``), for the report.

        Returns
        -------
        str
            The text with ``[navn]`` (or the given pseudonym), ``[CPR]``, ``[telefon]``,
            ``[e-mail]``, ``[adresse]``, ``[profil]`` and ``[nummerplade]`` in place of what was there.

        Raises
        ------
        PrivacyError
            If ``text`` is not a ``str``.
        """
        if not isinstance(text, str):
            raise PrivacyError(Errors.E708.format(kind=type(text).__name__))
        if len(self._learned) != self._clean_learned:  # a word learned as a name may be in them
            self._clean.clear()
            self._clean_learned = len(self._learned)
        # a text clean elsewhere may hold a word learned as a name in this scope
        scoped = self._scope is not None and bool(self._scoped_learned.get(self._scope))
        if text in self._clean and not scoped:
            return text
        recorded = len(self._rows)
        pieces: list[str] = []
        position = 0
        for span in self._detect(text):
            if span.kind == PROTECTED:
                continue
            original = text[span.start : span.end]
            key = (span.kind, _memory_key(span.kind, original, span.suffix))
            base = self._memory.setdefault(key, span.base)
            replacement = base + span.suffix
            pieces += [text[position : span.start], replacement]
            position = span.end
            self._rows.append((where, span.kind, original, replacement, span.start, span.end))
        pieces.append(text[position:])
        if len(self._rows) == recorded and len(self._learned) == self._clean_learned and not scoped:
            if len(self._clean) >= MAX_CLEAN:
                # A new generation: a full memory of unique texts (161,000 segment ids) left the
                # repeated ones (an attribute's few values in every row) to be read again each time.
                self._clean.clear()
            self._clean.add(text)
        return "".join(pieces)

    def found(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, kind)`` of what :meth:`apply` would replace in ``text``, not reported."""
        return [(span.start, span.end, span.kind) for span in self._detect(text) if span.kind != PROTECTED]

    def replacements(self, text: str, *, where: str = "") -> list[tuple[int, int, str]]:
        """What :meth:`apply` replaces in ``text``, as ``(start, end, replacement)``, recorded alike."""
        recorded = len(self._rows)
        self.apply(text, where=where)
        return [(start, end, replacement) for _where, _kind, _original, replacement, start, end
                in self._rows[recorded:]]

    def record(self, where: str, original: str, replacement: str, *, start: int = 0,
               end: int | None = None) -> None:
        """Add to :attr:`report` a replacement made outside :meth:`apply`.

        A value replaced whole, such as a cell of a survey's ``Telefon`` column written as
        ``[telefon]``, is no text search, but the report must list it all the same.

        Parameters
        ----------
        where
            Where the value comes from (``"egenskab: Telefon"``).
        original
            The replaced value.
        replacement
            What replaced it (``"[telefon]"``); its kind in the report is the label
            without brackets (``telefon``, ``e-mail``, ``skjult``), ``navn`` for a pseudonym
            (``[borger 3]``).
        start, end
            The replaced part of ``original``; the whole of it by default.
        """
        end = len(original) if end is None else end
        label = replacement.strip()
        kind = next((k for k, v in REPLACEMENTS.items() if v == label), KIND_HIDDEN if label == HIDDEN else KIND_NAME)
        self._rows.append((where, kind, original, replacement, start, end))

    def found_only(self) -> Pseudonymiser:
        """A pseudonymiser for text that is not the corpus's own (file names, run notes).

        It replaces the names given to this one and the names this one has found and replaced
        so far, and contact data (CPR, phone, e-mail, address ...), but takes no other word
        for a name: neither the name lists nor the capital-letter rule apply, so a word such
        as ``Fokusgruppe`` in a note stays. It shares this one's replacements (the same
        original gets the same replacement) and its report.

        Returns
        -------
        Pseudonymiser
        """
        found = set()
        for _where, kind, original, replacement, _start, _end in self._rows:
            if kind != KIND_NAME:
                continue
            suffix = replacement.rpartition("]")[2]  # a genitive: "Hamids" -> "[navn]s"
            stem = original[: len(original) - len(suffix)] if suffix and original.endswith(suffix) else original
            found.add(" ".join(stem.split()))
        return self._sharing({*self.names, *found}, name_list=False, heuristic=False)

    def with_names(self, names: Iterable[str]) -> Pseudonymiser:
        """This one with ``names`` to hide as well, sharing its replacements, its report and what it
        has learned (a corpus run reads one interview with the names found only in it)."""
        more = self._sharing({*self.names, *names}, name_list=self.name_list, heuristic=self.heuristic)
        more._learned, more._scoped_learned = self._learned, self._scoped_learned
        return more

    def _sharing(self, names: Iterable[str], *, name_list: bool, heuristic: bool) -> Pseudonymiser:
        """A pseudonymiser of ``names`` that shares this one's replacements and report."""
        other = Pseudonymiser(sorted(names), pseudonyms=self.pseudonyms, keep=self.keep, name_list=name_list,
                              heuristic=heuristic)
        other._memory, other._rows = self._memory, self._rows
        return other

    @property
    def report(self) -> pd.DataFrame:
        """Every replacement made so far, sorted by ``where``, ``start``.

        Returns
        -------
        pandas.DataFrame
            Columns ``where`` (as given to :meth:`apply`), ``kind`` (``navn``, ``CPR``,
            ``telefon``, ``e-mail``, ``adresse``, ``profil``, ``nummerplade``), ``original`` (the replaced text: this
            table is personal data, keep it with the raw transcripts), ``replacement``,
            ``start`` and ``end`` (offsets into the text given to :meth:`apply`). Values
            added with :meth:`record` are in it too (kind ``skjult`` for a hidden value).
        """
        rows = sorted(set(self._rows), key=lambda r: (r[0], r[4], r[5], r[1], r[2]))
        frame = pd.DataFrame(rows, columns=list(REPORT_COLUMNS))
        return frame.astype({"start": "int64", "end": "int64"})

    def __repr__(self) -> str:
        return (f"Pseudonymiser(names={len(self.names)}, pseudonyms={len(self.pseudonyms)}, "
                f"keep={len(self.keep)}, name_list={self.name_list}, "
                f"heuristic={self.heuristic})")


def _phrase_regex(phrases: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted({" ".join(p.split()) for p in phrases}, key=lambda p: (-len(p), p))
    if not ordered:
        return None
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)
    return re.compile(rf"(?<![\w])(?:{body}){_GENITIVE}(?![\w])", re.IGNORECASE)


_INSTITUTION_WORDS = frozenset(
    """skole skolen hus huset center centret centeret hal hallen klub klubben kirke kirken bibliotek
    biblioteket børnehave børnehaven gymnasium gymnasiet fritidsklub fritidsklubben ungdomsklub
    ungdomsklubben plads pladsen park parken stadion""".split()
)
"""Words after a name that make it a place's name ("H.C. Andersen Skolen", "Boligsocialt Hus")."""
_STREET_WORDS = _INSTITUTION_WORDS | frozenset(
    """vej vejen gade gaden allé alle alléen boulevard boulevarden stræde strædet torv torvet passage
    galleri galleriet have haven kirke bro broen hospital sygehus station hotel hotellet museum museet
    teater teatret""".split()
)
"""Words after a name that make it a street's or a building's name ("Niels Bohrs Allé", "Bruuns
Galleri", "H.C. Andersens Boulevard"); taken into a full name, they make it a building's ("H.C.
Andersen Hotel")."""
_BUILDING_WORDS = frozenset(
    """vej gade allé boulevard stræde torv galleri galleriet hotel hotellet museum museet teater teatret station
    hospital sygehus""".split()
)
"""Street and building words no one has for a surname ("Lise Hus" is a person, "Andersen Hotel" no one)."""
_INSTITUTION_BEFORE = _INSTITUTION_WORDS | frozenset(
    """plejecenter plejecentret plejehjem plejehjemmet hjemmepleje hjemmeplejen aktivitetscenter
    aktivitetscentret dagcenter dagcentret bosted bostedet afdeling afdelingen distrikt distriktet
    område området børnehus børnehuset vuggestue vuggestuen sfo dagtilbud dagtilbuddet""".split()
)
"""Words before a name that make it a place's or a unit's name ("Plejecenter Solvang", "Hjemmeplejen Nord")."""

_COMPASS = frozenset("nord syd øst vest".split())
"""Points of the compass, also surnames ("Nord"), after a place or institution name: "Lektiecafé Nord"."""


_JOINED_RE = re.compile(r"(?:[ \t]+(?:og|eller)|,)[ \t]+")
"""What joins two names in a list of people: "Fatu og Abdi", "Fatu, Abdi"."""


_CAPITAL_BEFORE_RE = re.compile(r"\b[A-ZÆØÅ][\wæøå]*[ \t]+$")


def _names_an_institution(text: str, span: Span) -> bool:
    """A name written before a capitalised institution word ("Andersen Skolen") or after one
    ("Plejecenter Solvang", "Hjemmeplejen Nord"), or an institution word itself after a capitalised
    word ("Boligsocialt Hus"): a place, not a person."""
    if span.kind != KIND_NAME or span.base != REPLACEMENTS[KIND_NAME]:
        return False  # a known person's name stays theirs
    after = re.match(r"[ \t]+([A-ZÆØÅ][^\W\d_]+)(?![^\W\d_])", text[span.end : span.end + 24])
    if after is not None and after.group(1).casefold() in _STREET_WORDS:
        return True
    # searched back from the name only, not over the text before it: linear in a long text with many names
    before = _CAPITAL_BEFORE_RE.search(text, max(0, span.start - 80), span.start)
    if before is not None and before.group(0).strip().casefold() in _INSTITUTION_BEFORE:
        return True
    word = text[span.start : span.end]
    if before is not None and word.casefold() in _COMPASS:
        return True  # "Lektiecafé Nord", "Aarhus Nord": a place's part; "Mette Nord" is one name, merged
    if " " in word and word.rsplit(None, 1)[-1].casefold() in _BUILDING_WORDS:
        return True  # "H.C. Andersen Hotel": the building word was taken for a surname
    return before is not None and not span.suffix and word.casefold() in _INSTITUTION_WORDS


_DOTTED_INITIALS_RE = re.compile(r"(?<![^\W\d_.])(?:[A-ZÆØÅ]\.[ \t]?){1,2}[A-ZÆØÅ]\.(?![\w])")
"""Two or three initials with full stops: "L.P.", "M. K.", "H.C."."""
_NOT_INITIALS = frozenset("P.S. O.K. N.B. E.U. U.S.A. T.V. D.K. I.D. S.O.S. H.M. H.K.H. P.T.".split())
"""Abbreviations written like initials."""
_INITIALS_BEFORE_RE = re.compile(r"(?<![^\W\d_.])(?:[A-ZÆØÅ]\.[ \t]?){1,3}[ \t]*$")
_INITIAL_AFTER_RE = re.compile(r"[ \t]+[A-ZÆØÅa-hj-zæøå]\.(?![\w])(?![ \t]*\d)")
"""An initial after a name ("kim h."); not "Annex A.2", "m.fl.", nor an abbreviation before a number
("Mette d. 5. maj", "Ole s. 4")."""


def _initials_name(text: str, match: re.Match[str]) -> bool:
    """True if dotted initials are a person's: not an abbreviation (``P.S.``), and not a flat's side after
    its floor (``2. T.H.``)."""
    if match.group().replace(" ", "") in _NOT_INITIALS:
        return False
    return re.search(r"\d\.?[ \t]*$", text[max(0, match.start() - 4) : match.start()]) is None


def _with_initials(text: str, spans: list[Span]) -> list[Span]:
    """A name takes in the initials written next to it: "Lars P." and "K. Mortensen" are one "[navn]",
    for the initial left behind narrows who it is."""
    out: list[Span] = []
    for span in spans:
        if span.kind == KIND_NAME and not span.suffix:
            previous_end = out[-1].end if out else 0
            before = _INITIALS_BEFORE_RE.search(text, max(previous_end, span.start - 10), span.start)
            after = _INITIAL_AFTER_RE.match(text, span.end)
            if before is not None or after is not None:
                span = Span(before.start() if before is not None else span.start,
                            after.end() if after is not None else span.end,
                            KIND_NAME, span.rank, span.base, span.suffix, span.heuristic)
        last = out[-1] if out else None
        if last is not None and last.end > span.start:
            continue  # the initials were the previous name's too
        if (last is not None and last.kind == KIND_NAME == span.kind and not last.suffix
                and last.end != span.start and not text[last.end : span.start].strip(" \t")):
            out[-1] = Span(last.start, span.end, KIND_NAME, last.rank, last.base, span.suffix, last.heuristic)
            continue  # "Hanne P. Hansen": one name with its initial in the middle
        out.append(span)
    return out


_GLUED_PREFIX_RE = re.compile(rf"(?<![^\W\d_]){UPPER}{LETTER}?['’]$")


def _stem_key(text: str, span: Span) -> str:
    return text[span.start : span.end - len(span.suffix)].casefold()


def _memory_key(kind: str, original: str, suffix: str) -> str:
    if kind in (KIND_CPR, KIND_PHONE):
        return re.sub(r"\D", "", original)[-10:]
    stem = original[: len(original) - len(suffix)] if suffix else original
    return _normal(stem)


def pseudonymise(
    text: str,
    *,
    names: str | Iterable[str] = (),
    pseudonyms: Mapping[str, str] | None = None,
) -> str:
    """Replace names, CPR numbers, phone numbers, e-mails and addresses in one text.

    The same function that protects every quote and table cell kvaleval exports. For a
    whole run, with a report and consistent replacements, use :class:`Pseudonymiser`.

    Parameters
    ----------
    text
        The text to protect.
    names
        Names known to be personal data (speakers, people from metadata).
    pseudonyms
        ``{original: replacement}``, such as ``{"Hanne": "[borger 3]"}``.

    Returns
    -------
    str
        The text with ``[navn]`` (or the pseudonym), ``[CPR]``, ``[telefon]``,
        ``[e-mail]`` and ``[adresse]`` in place of personal data.

    Raises
    ------
    PrivacyError
        If ``text`` is not a ``str`` or a name or pseudonym is not text.

    Examples
    --------
    >>> pseudonymise("Fatima ringede fra 20 30 40 50 om mødet i Vollsmose.")
    '[navn] ringede fra [telefon] om mødet i Vollsmose.'
    >>> pseudonymise("Hannes søn bor på Bøgeparken 12, 2. th.", names=["Hanne"])
    '[navn]s søn bor på [adresse].'
    """
    return Pseudonymiser(names, pseudonyms=pseudonyms).apply(text)


# Sentence-initial words that are also given names, and the next words that show the ordinary
# word: "Per måned", "Bo i Vollsmose", "Hans far" (his father; the name's genitive is "Hans'").
_WORD_BEFORE = {
    "per": frozenset("måned uge dag døgn år time minut kvartal halvår gang person barn familie husstand "
                     "elev deltager stk styk stykke".split()),
    "bo": frozenset("i på hos alene sammen der her godt tæt".split()),
    "hans": frozenset("far mor søn datter kone bror søster børn barn familie ven venner lærer skole "
                      "chef kollega kolleger".split()),
}
_NEXT_LOWER = re.compile(r"[ \t]+([a-zæøå]+)")


def _word_not_name(text: str, start: int, end: int, key: str) -> bool:
    """True if a given name at a sentence start is read as the ordinary word it also is: "Per måned",
    or a word put first before "var jeg" ("Glad var jeg ikke", where Mikkel Glad is a name)."""
    following = _WORD_BEFORE.get(key)
    if not _names.sentence_initial(text, start):
        return False
    if following is None:
        if not _FRONTED.match(text, end):
            return False
        from kvaleval.danish import is_danish_word

        return is_danish_word(key)
    match = _NEXT_LOWER.match(text, end)
    return match is not None and match.group(1) in following


_FRONTED = re.compile(r"[ \t]+(?:var|er|blev|bliver)[ \t]+(?:jeg|du|han|hun|vi|de|man|det)\b")
"""``Glad var jeg ikke``, ``Træt er hun``: a word before "is" and its subject is no one's name."""

