"""Candidate spans of personal data: ranking, overlap resolution and full names."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kvaleval.privacy.patterns import (
    KIND_ACCOUNT,
    KIND_ADDRESS,
    KIND_BIRTH,
    KIND_CASE,
    KIND_CLASS,
    KIND_CODE,
    KIND_CPR,
    KIND_DIAGNOSIS,
    KIND_EMAIL,
    KIND_IP,
    KIND_NAME,
    KIND_PHONE,
    KIND_PLATE,
    KIND_PROFILE,
    KIND_WORKPLACE,
    REPLACEMENTS,
)

PROTECTED = "protected"
"""Kind of a span that is kept as written and blocks other detections (labels, keep
phrases)."""

RANK = {PROTECTED: 0, KIND_EMAIL: 1, KIND_PROFILE: 1, KIND_CPR: 2, KIND_CASE: 3, KIND_ACCOUNT: 3, KIND_PHONE: 4,
        KIND_ADDRESS: 5, KIND_PLATE: 5, KIND_BIRTH: 5, KIND_IP: 5, KIND_CODE: 3, KIND_CLASS: 5,
        KIND_WORKPLACE: 5, KIND_DIAGNOSIS: 5}
RANK_CALLER, RANK_KEEP_PHRASE, RANK_TOKEN = 6, 7, 8
"""Where spans overlap, the lower rank wins: existing labels, e-mail, CPR, a case or account number
after its word (``j.nr. 2023-1234`` is no phone number), phone, address, the caller's names, keep
phrases, then single words."""

_GAP_RE = re.compile(r"[ \t\u00a0]+|-")
_PARTICLES = r"(?:(?:van|von)(?:[ \t]+(?:der|den|de))?|de|da|di|du|dos|das|la|le|bin|ibn|bint|abu|ben)"
PARTICLE_GAP_RE = re.compile(rf"[ \t\u00a0]+{_PARTICLES}[ \t\u00a0]+")
"""Particles between the parts of a name: "Pieter van der Berg", "Abdullahi bin Omar"."""
_PARTICLE_BEFORE_RE = re.compile(rf"[ \t\u00a0]+{_PARTICLES}[ \t\u00a0]+$")


def _name_gap(between: str) -> bool:
    return bool(between) and (_GAP_RE.fullmatch(between) is not None or PARTICLE_GAP_RE.fullmatch(between) is not None)


@dataclass(slots=True)
class Span:
    """One detection: offsets, kind, rank, replacement before the genitive suffix."""

    start: int
    end: int
    kind: str
    rank: int
    base: str = ""
    suffix: str = ""
    heuristic: bool = False


def outside(text: str, span: Span, overlapping: list[Span]) -> list[Span]:
    """The parts of ``span`` outside ``overlapping`` that hold a letter, as name spans."""
    pieces = []
    cursor = span.start
    bounds = [(o.start, o.end) for o in overlapping] + [(span.end, span.end)]
    for start, end in bounds:
        a, b = cursor, min(start, span.end)
        while a < b and not text[a].isalpha():
            a += 1
        while b > a and not text[b - 1].isalpha():
            b -= 1
        if a < b:
            pieces.append(Span(a, b, KIND_NAME, RANK_TOKEN, span.base))
        cursor = max(cursor, end)
    return pieces


def resolve(text: str, spans: list[Span]) -> list[Span]:
    """Keep the best-ranked span wherever spans overlap; return them sorted by start.

    A name word that overlaps a caller's name ("Pedersen-Hanne", "Hanne-sagen") is
    joined with it instead of dropped, so that no part of it is left behind.
    """
    starts: list[int] = []
    chosen: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.rank, s.start, s.start - s.end)):
        i = bisect.bisect_right(starts, span.start)
        lo = i - 1 if i > 0 and chosen[i - 1].end > span.start else i
        hi = i
        while hi < len(chosen) and chosen[hi].start < span.end:
            hi += 1
        if lo == hi:
            starts.insert(i, span.start)
            chosen.insert(i, span)
            continue
        overlapping = chosen[lo:hi]
        if span.rank != RANK_TOKEN:
            continue
        if any(o.kind != KIND_NAME or o.rank != RANK_CALLER for o in overlapping):
            # keep the parts of a name word that stick out ("Pedersen" of
            # "Pedersen-HanneVej 3"), so that no part of a name is left behind
            for piece in outside(text, span, overlapping):
                j = bisect.bisect_right(starts, piece.start)
                starts.insert(j, piece.start)
                chosen.insert(j, piece)
            continue
        last = overlapping[-1]
        suffix = span.suffix if span.end > last.end else last.suffix
        union = Span(min(span.start, overlapping[0].start), max(span.end, last.end),
                      KIND_NAME, RANK_CALLER, overlapping[0].base, suffix)
        chosen[lo:hi] = [union]
        starts[lo:hi] = [union.start]
    return chosen


def merge_names(text: str, chosen: list[Span], weak: list[Span], *, words_after: bool = False,
                full_name_labels: frozenset[str] = frozenset()) -> list[Span]:
    """Join a full name ("Jens Pedersen", "Per Hansen", "SØREN BACH") into one name span; with
    ``words_after`` (the capital-letter rule is on) a capitalised word after a name is its surname
    also when it is a Danish word ("Jesper Glad", "Lise Holm"). ``full_name_labels`` are the
    labels of people known by a full name ("Ali Rask"): their first name before another surname
    ("Ali Hassan") is someone else."""
    weak_by_end = {s.end: s for s in weak}
    weak_by_start = {s.start: s for s in weak}
    out: list[Span] = []
    for span in chosen:
        if span.kind != KIND_NAME:
            out.append(span)
            continue
        # an ambiguous or unknown word at a sentence start, right before a name
        gap = _PARTICLE_BEFORE_RE.search(text, max(0, span.start - 12), span.start)
        if gap is None or gap.start() not in weak_by_end:
            gap = _GAP_RE.match(text, _gap_start(text, span.start), span.start)
        if gap is not None and gap.end() == span.start:
            before = weak_by_end.get(gap.start())
            previous_end = out[-1].end if out else -1
            if before is not None and before.start >= previous_end:
                span = Span(before.start, span.end, KIND_NAME, span.rank, span.base,
                             span.suffix)
        last = out[-1] if out else None
        if last is not None and last.kind == KIND_NAME and not last.suffix:
            between = text[last.end : span.start]
            if _name_gap(between):
                # The first name says who it is: "Fatima Ali" is the speaker Fatima's label; an unknown
                # first name before a known surname is someone else ("Birgitte Holm" is not the
                # interviewer Anders Holm), a name like any other; so is a known first name before
                # a surname that is not its person's ("Ali Hassan" when the speaker is Ali Rask).
                other = last.base in full_name_labels and span.base != last.base
                base = REPLACEMENTS[KIND_NAME] if other else last.base
                out[-1] = Span(last.start, span.end, KIND_NAME, last.rank, base, span.suffix)
                continue
        out.append(span)
    return _with_weak_after(text, out, weak_by_start, words_after)


_NO_SURNAMES = frozenset(
    """jeg du han hun vi de den det der dem os mig dig sig man og men så som at er var har havde kan
    skal vil ja nej tak hej okay også ikke""".split()
)
"""Capitalised words that follow a name where a full stop was left out ("sagde Mette Jeg tror")."""


def _with_weak_after(text: str, spans: list[Span], weak_by_start: dict[int, Span], words_after: bool) -> list[Span]:
    """A name followed by an ambiguous word in capitals ("SØREN BACH"), or by a capitalised word that
    is no Danish word ("Gunhild Skovsgaard" where the capital-letter rule is off), takes it in; so
    does one followed mid-sentence by a capitalised Danish word ("Jesper Glad") with ``words_after``."""
    if not weak_by_start:
        return spans
    from kvaleval.danish import is_danish_word

    out: list[Span] = []
    for index, span in enumerate(spans):
        named = span.kind == KIND_NAME and not span.suffix
        after = weak_by_start.get(next_word_start(text, span.end)) if named else None
        following = spans[index + 1].start if index + 1 < len(spans) else len(text)
        word = text[after.start : after.end] if after is not None else ""
        surname = words_after and word[:1].isupper() and word.casefold() not in _NO_SURNAMES
        if (after is not None and after.end <= following
                and (word.isupper() or surname or not is_danish_word(word.lower()))
                and _GAP_RE.fullmatch(text[span.end : after.start])):
            span = Span(span.start, after.end, KIND_NAME, span.rank, span.base, after.suffix)
        out.append(span)
    return out


def next_word_start(text: str, end: int, *, particles: bool = False) -> int:
    """The offset of the next word after ``end``, past spaces and hyphens (and, with ``particles``,
    a name's particles: "Pieter van der Berg")."""
    if particles and (match := PARTICLE_GAP_RE.match(text, end)) is not None:
        return match.end()
    i = end
    while i < len(text) and text[i] in " \t\u00a0-":
        i += 1
    return i


def _gap_start(text: str, start: int) -> int:
    i = start
    while i > 0 and text[i - 1] in " \t\u00a0-":
        i -= 1
    return i
