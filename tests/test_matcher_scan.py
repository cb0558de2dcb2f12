"""The automaton fast path finds exactly what a plain word-by-word reference finds.

The reference splits the text into words (maximal runs of letters), compares each
word with every surface form, and looks for each form inside every longer word,
judging compounds with the same rules (:func:`kvaleval.coding.forms.compound_ok`).
Forms with other characters than letters (``e-mail``, ``24``) are found by a regex
per form. Texts are generated from inflected forms, compounds, negations, short
words that hide inside longer ones, punctuation, digits and capitals.
"""

from __future__ import annotations

import gc
import os
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kvaleval.coding.forms import compound_ok, expand_forms
from kvaleval.coding.matcher import EXCLUDE, LEXICON, TERM, Entry, Hit, Matcher, lower

EXAMPLES = int(os.environ.get("KVALEVAL_FUZZ_EXAMPLES", "300"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
DEMO_CODEBOOK = Path(__file__).resolve().parents[1] / "codebooks" / "vollsmose.yaml"

OVERRIDES = {"borger": "borger", "borgere": "borger", "fint": "fin", "godt": "god"}
WORDS: list[tuple[int, str, bool, bool]] = [
    # kind, word, exact, compounds
    (TERM, "kapacitet", False, True),
    (TERM, "vejledning", False, True),
    (TERM, "venteliste", False, True),
    (TERM, "frivillig", False, True),
    (TERM, "borger", False, True),
    (TERM, "hjælp", False, True),
    (TERM, "tid", False, True),  # never a compound part (STOP_COMPOUND)
    (TERM, "de", False, True),  # too short to be a compound part
    (TERM, "nytte", True, False),  # exact: this form only
    (TERM, "mangler", False, False),  # phrase slots: whole words only
    (TERM, "folk", False, False),
    (TERM, "ikke", False, False),
    (TERM, "noget", False, False),
    (TERM, "e-mail", False, True),  # not only letters
    (TERM, "24", False, False),
    (EXCLUDE, "parkeringsplads", False, True),
    (LEXICON, "fin", False, True),  # fin, fint and fine share forms
    (LEXICON, "fint", False, True),
    (LEXICON, "fine", False, True),
    (LEXICON, "god", False, True),
    (LEXICON, "hun", False, True),
    (LEXICON, "ikke", False, False),
]
ITEMS = [
    (Entry(kind, owner=i, item=0, slot=0, compounds=compounds, word=word), exact)
    for i, (kind, word, exact, compounds) in enumerate(WORDS)
]

FILLERS = [
    "og",
    "det",
    "er",
    "jeg",
    "i",
    "en",
    "at",
    "kunde",
    "ude",
    "den",
    "mig",
    "kommunen",
    "fint",
    "finsliber",
    "hundrede",
    "anerkendelse",
    "ufrivillig",
    "tidsplan",
    "spild",
    "øh",
    "Vollsmose",
]
NEGATIONS = ["ikke", "aldrig", "ingen", "ik", "hverken"]
MODIFIERS = ["familie", "familien", "beboer", "bolig", "u", "aner", "skole", "børnefamilie", "hus"]
TAILS = ["udvidelse", "smæssigt", "s", "en", "sproblem", "stid", "e", "hus", "splan", "er"]
SEPARATORS = [
    " ",
    " ",
    " ",
    ", ",
    ". ",
    "\n",
    "-",
    "'",
    "’",
    "/",
    " 24 ",
    "2",
    "_",
    "\u00a0",
    "!",
    "",
]


def _forms(items: Sequence[tuple[Entry, bool]], overrides: dict[str, str]) -> dict[str, list[int]]:
    """Surface form -> the entries it stands for, in entry order."""
    expanded = expand_forms({entry.word for entry, exact in items if not exact}, overrides)
    surface: dict[str, list[int]] = {}
    for index, (entry, exact) in enumerate(items):
        for form in {entry.word} if exact else expanded[entry.word]:
            surface.setdefault(form, []).append(index)
    return surface


def reference_hits(
    text: str, items: Sequence[tuple[Entry, bool]], surface: dict[str, list[int]]
) -> Counter:
    """(start, end, entry) of every hit, found word by word without the automaton.

    ``surface`` is ``_forms(items, overrides)``: each surface form and its entries.
    """
    hits: Counter = Counter()

    def compound_hits(form: str, owners: list[int], start: int, prefix: str, suffix: str) -> None:
        compounding = [owner for owner in owners if items[owner][0].compounds]
        # The first compounding entry's word decides for all of them (as documented).
        if compounding and compound_ok(items[compounding[0]][0].word, prefix, suffix, form):
            hits.update((start, start + len(form), owner) for owner in compounding)

    words = []
    start = None
    for i, char in enumerate(text + " "):
        if char.isalpha() and start is None:
            start = i
        elif not char.isalpha() and start is not None:
            words.append((start, i))
            start = None
    for form, owners in surface.items():
        if form.isalpha():
            for begin, end in words:
                word = text[begin:end]
                if word == form:
                    hits.update((begin, end, owner) for owner in owners)
                    continue
                at = word.find(form)
                while at >= 0:
                    compound_hits(form, owners, begin + at, word[:at], word[at + len(form) :])
                    at = word.find(form, at + 1)
        else:
            for match in re.finditer(f"(?={re.escape(form)})", text):
                begin, end = match.start(), match.start() + len(form)
                left = begin > 0 and text[begin - 1].isalpha()
                right = end < len(text) and text[end].isalpha()
                if not left and not right:
                    hits.update((begin, end, owner) for owner in owners)
                    continue
                head = begin
                while left and head > 0 and text[head - 1].isalpha():
                    head -= 1
                tail = end
                while right and tail < len(text) and text[tail].isalpha():
                    tail += 1
                compound_hits(form, owners, begin, text[head:begin], text[end:tail])
    return hits


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(ITEMS, OVERRIDES)


@pytest.fixture(scope="module")
def surface() -> dict[str, list[int]]:
    return _forms(ITEMS, OVERRIDES)


@pytest.fixture(scope="module")
def inflected(surface: dict[str, list[int]]) -> list[str]:
    return sorted(surface)


def _pieces(forms: list[str]) -> st.SearchStrategy[str]:
    form = st.sampled_from(forms)
    compound = st.one_of(
        st.tuples(st.sampled_from(MODIFIERS), form).map("".join),
        st.tuples(form, st.sampled_from(TAILS)).map("".join),
        st.tuples(st.sampled_from(MODIFIERS), form, st.sampled_from(TAILS)).map("".join),
    )
    word = st.one_of(
        form,
        compound,
        st.sampled_from(FILLERS),
        st.sampled_from(NEGATIONS),
        st.text(alphabet="abdefgiklmnorstuvæøå", min_size=1, max_size=6),
    )
    cased = st.tuples(word, st.sampled_from([str, str, str.capitalize, str.upper])).map(
        lambda p: p[1](p[0])
    )
    return st.lists(st.tuples(cased, st.sampled_from(SEPARATORS)).map("".join), max_size=40).map(
        "".join
    )


def _as_counter(hits: list[Hit]) -> Counter:
    return Counter((hit.start, hit.end, hit.entry) for hit in hits)


@SETTINGS
@given(data=st.data())
def test_matcher_scan_equals_reference(
    matcher: Matcher, surface: dict[str, list[int]], inflected: list[str], data: st.DataObject
) -> None:
    text = lower(data.draw(_pieces(inflected)))
    assert _as_counter(matcher.scan(text)) == reference_hits(text, ITEMS, surface)


@SETTINGS
@given(data=st.data())
def test_matcher_scan_words_are_scan_by_class(
    matcher: Matcher, inflected: list[str], data: st.DataObject
) -> None:
    text = lower(data.draw(_pieces(inflected)))
    starts, ends, classes = matcher.scan_words(text)
    by_class = Counter(zip(starts.tolist(), ends.tolist(), classes.tolist(), strict=True))
    from_hits = Counter(
        (hit.start, hit.end, int(matcher.entry_class[hit.entry])) for hit in matcher.scan(text)
    )
    assert by_class == Counter(dict.fromkeys(from_hits, 1))
    grouped = list(zip(*(column.tolist() for column in matcher.scan_words(text, by_class=True)), strict=True))
    assert Counter(grouped) == by_class
    assert grouped == sorted(grouped, key=lambda hit: (hit[2], hit[0], hit[1]))


@SETTINGS
@given(text=st.text(max_size=200))
def test_matcher_scan_any_text_equals_reference(
    matcher: Matcher, surface: dict[str, list[int]], text: str
) -> None:
    text = lower(text)
    assert _as_counter(matcher.scan(text)) == reference_hits(text, ITEMS, surface)


@pytest.mark.parametrize(
    ("text", "word", "found"),
    [
        ("kapacitetsudvidelse", "kapacitet", True),
        ("familievejledningen", "vejledning", True),
        ("ufrivillig", "frivillig", False),
        ("de kom", "de", True),
        ("kunde", "de", False),
        ("tidsplan", "tid", False),
        ("nytten", "nytte", False),
        ("nytte", "nytte", True),
        ("vi mangler folk", "folk", True),
        ("folketing", "folk", False),
        ("send en e-mail", "e-mail", True),
        ("åbent 24 timer", "24", True),
    ],
)
def test_matcher_scan_examples(matcher: Matcher, text: str, word: str, found: bool) -> None:
    words = {matcher.entries[hit.entry].word for hit in matcher.scan(lower(text))}
    assert (word in words) is found


def test_matcher_scan_order_and_gc_restored(matcher: Matcher) -> None:
    text = lower("De mangler folk, ikke kapacitet. Familievejledningen har ikke tid.")
    hits = matcher.scan(text)
    assert hits == sorted(hits, key=lambda hit: (hit.end, -(hit.end - hit.start)))
    assert gc.isenabled()
    gc.disable()
    try:
        matcher.scan(text)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_matcher_empty() -> None:
    empty = Matcher([], {})
    assert empty.scan("noget tekst") == []
    starts, ends, classes = empty.scan_words("noget tekst")
    assert len(starts) == len(ends) == len(classes) == 0


@pytest.fixture(scope="module")
def demo() -> tuple[Matcher, list[tuple[Entry, bool]], dict[str, list[int]], list[str]]:
    import kvaleval as kv
    from kvaleval.coding.rules import RuleCoder

    codebook = kv.read_codebook(DEMO_CODEBOOK)
    found = RuleCoder(codebook).matcher
    items = [
        (entry, found.classes[found.entry_class[i]][1]) for i, entry in enumerate(found.entries)
    ]
    surface = _forms(items, dict(codebook.lemmas))
    return found, items, surface, sorted(surface)


@settings(
    max_examples=max(EXAMPLES // 3, 20), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(data=st.data())
def test_matcher_demo_codebook_equals_reference(demo, data: st.DataObject) -> None:  # type: ignore[no-untyped-def]
    found, items, surface, forms = demo
    text = lower(data.draw(_pieces(forms)))
    assert _as_counter(found.scan(text)) == reference_hits(text, items, surface)


@SETTINGS
@given(text=st.text(max_size=300), chunk=st.integers(min_value=2, max_value=64))
def test_matcher_scan_words_any_text_and_pieces(
    matcher: Matcher, text: str, chunk: int, monkeypatch_module: pytest.MonkeyPatch
) -> None:
    """Cut into small pieces at line breaks, any text gives the same places as ``scan``."""
    import kvaleval.coding.matcher as module

    text = lower(text.replace("\r", "\n"))
    monkeypatch_module.setattr(module, "CHUNK", chunk)
    starts, ends, classes = matcher.scan_words(text)
    monkeypatch_module.undo()
    found = Counter(zip(starts.tolist(), ends.tolist(), classes.tolist(), strict=True))
    from_hits = {(hit.start, hit.end, int(matcher.entry_class[hit.entry])) for hit in matcher.scan(text)}
    assert found == Counter(dict.fromkeys(from_hits, 1))
    places = list(zip(starts.tolist(), ends.tolist(), strict=True))
    assert places == sorted(places)


MARKS = ("øh", "hm", "de")  # "de" is also a form that is found only whole


@SETTINGS
@given(data=st.data())
def test_matcher_marks_are_whole_words_found_in_the_same_pass(inflected: list[str], data: st.DataObject) -> None:
    """Marks ("øh") are reported where they stand as whole words (no letter either side), and
    adding them changes nothing about the hits."""
    text = lower(data.draw(_pieces(inflected + list(MARKS))))
    marked = Matcher(ITEMS, OVERRIDES, marks=MARKS)
    found = marked.scan_marks(text)
    expected = []
    for mark in MARKS:
        start = text.find(mark)
        while start >= 0:
            end = start + len(mark)
            if not (text[start - 1 : start].isalpha() or text[end : end + 1].isalpha()):
                expected.append((start, end))
            start = text.find(mark, start + 1)
    assert list(zip(found.mark_starts.tolist(), found.mark_ends.tolist(), strict=True)) == sorted(expected)
    plain = Matcher(ITEMS, OVERRIDES).scan_words(text)
    assert all((a == b).all() for a, b in zip(plain, (found.starts, found.ends, found.classes), strict=True))


def test_matcher_only_forms_with_other_characters() -> None:
    """A codebook whose only words hold digits or hyphens is still scanned (no letter-only automaton)."""
    items = [(Entry(TERM, 0, 0, 0, False, "24"), True), (Entry(TERM, 0, 1, 0, False, "e-mail"), True)]
    text = lower("Åbent 24 timer, skriv en e-mail eller ring 2024.")
    found = Matcher(items, {}).scan_words(text)
    places = list(zip(found[0].tolist(), found[1].tolist(), strict=True))
    assert [text[a:b] for a, b in places] == ["24", "e-mail", "24"]  # digits are not letters: "20|24" is whole
    assert places[1] == (text.index("e-mail"), text.index("e-mail") + 6)


def test_a_word_of_its_own_is_no_compound_of_a_term() -> None:
    # "venner" coded "Der er mange der venter på en plads" (ven|ter): "venter" is a form of "vente".
    # "ven|skab" is a derivation, "bolig|råd" and "familie|huset" are compounds.
    assert not compound_ok("venner", "", "ter", "ven")
    assert compound_ok("bolig", "", "råd", "bolig")
    assert compound_ok("familie", "", "huset", "familie")
