"""The rule coder's batch evaluation gives the same evidence as reading each segment alone.

:mod:`rules_reference` reads one segment at a time with plain loops; the coder reads
a batch of segments with arrays. Segments are generated from the demo codebook's
term phrases, inflected forms, compounds, lexicon words, negations, fillers,
punctuation, hyphens, apostrophes and digits, several to a batch, so that a phrase
that would run on from one segment into the next is tried too.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kvaleval as kv
from kvaleval.coding import rules
from kvaleval.coding.rules import RuleCoder
from rules_reference import reference_cues, reference_evidence

EXAMPLES = int(os.environ.get("KVALEVAL_FUZZ_EXAMPLES", "300"))
ROOT = Path(__file__).resolve().parents[1]
DEMO_CODEBOOK = ROOT / "codebooks" / "vollsmose.yaml"
DEMO_CORPUS = ROOT / "corpus"
FILLER_WORDS = ["øh", "øhm", "hm", "mm", "øh-øh", "1øh"]
OTHER_WORDS = ["ikke", "ik", "aldrig", "ingen", "god", "godt", "dårlig", "super", "rigtig", "meget", "det", "var",
               "og", "men", "så", "familie", "børne", "u", "an", "i", "de", "24", "2024", "x-y", "bl.a.", "Ø"]
SEPARATORS = [" ", " ", " ", ", ", ". ", "? ", "! ", "; ", ": ", " - ", "-", "'", "’", "\n", " (", ") ", "…"]


@pytest.fixture(scope="module")
def coder() -> RuleCoder:
    return RuleCoder(kv.read_codebook(DEMO_CODEBOOK))


@pytest.fixture(scope="module")
def vocabulary(coder: RuleCoder) -> dict[str, list[str]]:
    book = coder.codebook
    phrases = [term.text.replace("...", "x").replace("…", "x") for code in book.codes for term in code.terms]
    phrases += [text for code in book.codes for text in code.exclude_terms]
    lexicon = [word for _, words in book.lexicons for word in words]
    forms = sorted({form for form, _ in coder.matcher.automaton.items()})
    return {"phrase": sorted(phrases), "lexicon": sorted(lexicon), "form": forms}


def _segments(vocabulary: dict[str, list[str]]) -> st.SearchStrategy[list[str]]:
    word = st.one_of(
        st.sampled_from(vocabulary["phrase"]),
        st.sampled_from(vocabulary["lexicon"]),
        st.sampled_from(vocabulary["form"]),
        st.tuples(st.sampled_from(OTHER_WORDS + vocabulary["form"]), st.sampled_from(vocabulary["form"]))
        .map("".join),  # compounds, and short words glued to longer ones
        st.sampled_from(FILLER_WORDS + OTHER_WORDS),
    )
    piece = st.tuples(word, st.sampled_from(SEPARATORS), st.booleans()).map(
        lambda p: (p[0].capitalize() if p[2] else p[0]) + p[1]
    )
    segment = st.lists(piece, max_size=25).map("".join)
    return st.lists(segment, min_size=1, max_size=6)


def _fast(coder: RuleCoder, texts: list[str]) -> list[dict[int, tuple[float, list[str], list[str], list[tuple]]]]:
    scores = coder.score(texts)
    found: list[dict[int, tuple[float, list[str], list[str], list[tuple]]]] = [{} for _ in texts]
    for (row, column), finding in scores.findings.items():
        spans = [span[:2] for span in finding.spans]
        found[row][column] = (float(scores.evidence[row, column]), list(finding.terms), list(finding.near), spans)
    return found


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_rules_batch_equals_segment_by_segment_reference(
    coder: RuleCoder, vocabulary: dict[str, list[str]], data: st.DataObject
) -> None:
    texts = data.draw(_segments(vocabulary))
    assert _fast(coder, texts) == [reference_evidence(coder, text) for text in texts]


@settings(max_examples=max(EXAMPLES // 5, 20), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), batch=st.integers(min_value=1, max_value=4))
def test_rules_small_batches_equal_one_batch(
    coder: RuleCoder, vocabulary: dict[str, list[str]], data: st.DataObject, batch: int,
    monkeypatch_module: pytest.MonkeyPatch,
) -> None:
    texts = data.draw(_segments(vocabulary))
    whole = _fast(coder, texts), _valences(coder, texts)
    monkeypatch_module.setattr(rules, "SCAN_BATCH", batch)
    monkeypatch_module.setattr(rules, "VALENCE_BATCH", batch)
    try:
        assert (_fast(coder, texts), _valences(coder, texts)) == whole
    finally:
        monkeypatch_module.undo()


SHORT_ANSWERS = ["Ja.", "Ja, bestemt", "Nej", "Nej, ikke rigtig", "Det ved jeg ikke", "Jo, meget", ""]


@settings(max_examples=max(EXAMPLES // 5, 20), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), batch=st.integers(min_value=1, max_value=4))
def test_rules_small_batches_equal_one_batch_with_questions(
    coder: RuleCoder, vocabulary: dict[str, list[str]], data: st.DataObject, batch: int,
    monkeypatch_module: pytest.MonkeyPatch,
) -> None:
    """Answers read with their questions (inherited codes, a share of the question's evidence) give
    the same result whether the answers open to their question are taken all at once or a few at a time."""
    asked = data.draw(_segments(vocabulary))
    answers = data.draw(st.lists(st.one_of(st.sampled_from(SHORT_ANSWERS), _segments(vocabulary).map(" ".join)),
                                 min_size=1, max_size=12))
    questions = data.draw(st.lists(st.one_of(st.none(), st.sampled_from(asked)), min_size=len(answers),
                                   max_size=len(answers)))

    def read() -> tuple[object, ...]:
        scores = coder.score(answers, questions)
        return (scores.evidence.tolist(), {pair: (f.evidence, f.question, f.valence, f.valence_why, f.terms)
                                           for pair, f in scores.findings.items()})

    whole = read()
    monkeypatch_module.setattr(rules, "SCAN_BATCH", batch)
    try:
        assert read() == whole
    finally:
        monkeypatch_module.undo()


def _valences(coder: RuleCoder, texts: list[str]) -> dict[tuple[int, int], tuple[object, ...]]:
    """Each finding's valence, its reasons and negations."""
    scores = coder.score(texts)
    return {pair: (finding.valence, finding.valence_why, finding.negated) for pair, finding in scores.findings.items()}


def test_rules_fast_path_on_the_demo_corpus(coder: RuleCoder) -> None:
    """Every respondent turn of the demo corpus: the batch gives what each turn alone gives."""
    segments = kv.read_corpus(DEMO_CORPUS).segments
    texts = segments.loc[segments["speaker_role"] == "respondent", "text"].tolist()
    fast = _fast(coder, texts)
    assert sum(len(found) for found in fast) > 500  # the demo is coded, not empty
    assert fast == [reference_evidence(coder, text) for text in texts]


def test_rules_phrase_does_not_run_across_segments(coder: RuleCoder) -> None:
    """The end of one segment and the start of the next are not one phrase."""
    label, text = next((term.label, term.text) for code in coder.codebook.codes for term in code.terms
                       if len(term.text.split()) == 2 and "..." not in term.text)
    first, second = text.split()
    together = _fast(coder, [text])[0]
    assert any(label in terms for _, terms, _, _ in together.values())
    apart = _fast(coder, [f"noget om {first}", f"{second} og mere"])
    assert not any(label in terms for found in apart for _, terms, _, _ in found.values())


@pytest.fixture(scope="module")
def scanner(coder: RuleCoder):  # type: ignore[no-untyped-def]
    return coder.valence_scanner


def _valence_texts(scanner) -> st.SearchStrategy[list[str]]:  # type: ignore[no-untyped-def]
    cue = st.sampled_from(sorted(word for word in scanner.words if word))
    piece = st.tuples(st.one_of(cue, st.sampled_from(OTHER_WORDS)), st.sampled_from(SEPARATORS)).map("".join)
    return st.lists(st.lists(piece, max_size=20).map("".join).map(str.lower), min_size=1, max_size=5)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_valence_scan_many_equals_text_by_text_reference(scanner, data: st.DataObject) -> None:  # type: ignore[no-untyped-def]
    """Overlapping phrases ("ikke det store", "det store"), tag questions (", ikke?") and texts
    that end or start with a cue: one pass over all texts finds what a loop over each finds."""
    texts = data.draw(_valence_texts(scanner))
    found = [[tuple(cue) for cue in cues] for cues in scanner.scan_many(texts)]
    assert found == [reference_cues(scanner, text) for text in texts]
    kinds = data.draw(st.sets(st.sampled_from([-1, 0, 1, 2, 3])))
    chosen = [[tuple(cue) for cue in cues] for cues in scanner.scan_many(texts, kinds)]
    assert chosen == [[cue for cue in cues if cue[2] in kinds] for cues in found]


def test_valence_long_chain_of_overlaps(monkeypatch: pytest.MonkeyPatch) -> None:
    """A chain of overlapping phrases longer than the array rounds allow is finished by the plain loop."""
    from kvaleval.coding import valence
    from kvaleval.coding.valence import ValenceScanner

    scanner = ValenceScanner(positive=["a b", "b c", "c d", "d e", "e f", "f g"])
    text = "a b c d e f g"
    expected = reference_cues(scanner, text)
    assert [cue.text for cue in scanner.scan(text)] == ["a b", "c d", "e f"] == [cue[4] for cue in expected]
    monkeypatch.setattr(valence, "MAX_ROUNDS", 1)
    assert [tuple(cue) for cue in scanner.scan(text)] == expected


@settings(max_examples=max(EXAMPLES // 3, 30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_valence_readings_of_many_equal_each_alone(coder: RuleCoder, scanner, data: st.DataObject) -> None:  # type: ignore[no-untyped-def]
    """Clause breaks ("., men") and cues read from all texts at once are each text's own, even when
    one text ends with a comma and the next begins with "men"."""
    from kvaleval.coding.matcher import lower
    from kvaleval.coding.rules import _CLAUSE_BREAK
    from kvaleval.coding.valence import NEGATION, NEGATIVE, POSITIVE

    texts = data.draw(_valence_texts(scanner).map(lambda texts: [*texts, "ja,", "men det var godt", "Men"]))
    readings = coder._read_valence(texts)
    for text, reading in zip(texts, readings, strict=True):
        low = lower(text)
        assert reading.low == low
        deciding = (POSITIVE, NEGATIVE, NEGATION)  # neutral words and contrasts only hide others
        assert [tuple(cue) for cue in reading.cues] == [cue for cue in reference_cues(scanner, low)
                                                        if cue[2] in deciding]
        assert reading.clause_breaks == [match.start() for match in _CLAUSE_BREAK.finditer(low)]


def test_character_flags_table_equals_per_character_definition() -> None:
    """The flag table built with two regex passes is the per-character definition (letters as
    the regex ``[^\\W\\d_]``, digits as ``\\d``, joiners, gap-breaking punctuation)."""
    import numpy as np

    from kvaleval.coding.batch import _flag_table, _flags

    expected = np.array([_flags(chr(code)) for code in range(0x10000)], dtype=np.uint8)
    assert np.array_equal(_flag_table(), expected)


def _negated_reading_all(low, start, end, negations, own_words=frozenset()):  # type: ignore[no-untyped-def]
    """The straightforward reading: every negation in text order, the first within reach wins."""
    for cue in negations:
        if start <= cue.start < end:
            if cue.text not in own_words:
                return cue
            continue
        if cue.end <= start:
            between, limit = low[cue.end : start], rules.NEGATION_BEFORE
        elif cue.start >= end:
            between, limit = low[end : cue.start], rules.NEGATION_AFTER
        else:
            continue
        if len(between.split()) <= limit and not rules._SCOPE_BREAK.search(between):
            return cue
    return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["ikke", "aldrig", "god", "men", "hjælp", ",", ".", "rigtig", "ingen"]),
                min_size=1, max_size=40), st.data())
def test_negation_lookup_near_the_span_is_the_reading_of_all(words: list[str], data: st.DataObject) -> None:
    # _negated looks only at the negations near a word (a 5,000-word answer took 9 s to code, the
    # time growing with the cube of its length); it must find what reading them all finds.
    from kvaleval.coding.valence import NEGATION, Cue

    low = " ".join(words)
    positions, cursor = [], 0
    for word in words:
        positions.append((cursor, cursor + len(word)))
        cursor += len(word) + 1
    negations = [Cue(a, b, NEGATION, 0.0, low[a:b]) for (a, b), word in zip(positions, words, strict=True)
                 if word in ("ikke", "aldrig", "ingen")]
    first = data.draw(st.integers(0, len(words) - 1))
    last = data.draw(st.integers(first, min(first + 2, len(words) - 1)))
    start, end = positions[first][0], positions[last][1]
    own = frozenset(data.draw(st.sets(st.sampled_from(["ikke", "aldrig"]))))
    assert rules._negated(low, start, end, negations, own) == _negated_reading_all(low, start, end, negations, own)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["ord", " ", ",", ".", ";", ":", "!", "?", "\n", "-", "æ"]), max_size=60),
       st.data())
def test_punctuation_between_equals_looking_at_the_text(pieces: list[str], data: st.DataObject) -> None:
    """Whether a phrase gap crosses punctuation is read off per-character running counts; asked of
    any span, they answer as looking at the text does (also with the span empty or at the text's end)."""
    import numpy as np

    from kvaleval.coding.batch import GAP_BREAKS, STOPS, BatchHits

    joined = "".join(pieces)
    empty = np.zeros(0, dtype=np.int64)
    hits = BatchHits(joined, np.array([0, len(joined) + 1]), empty, empty, empty, 0, (empty, empty))
    pairs = data.draw(st.lists(st.tuples(st.integers(0, len(joined)), st.integers(0, len(joined))), max_size=30))
    low = np.array([min(pair) for pair in pairs], dtype=np.int64)
    high = np.array([max(pair) for pair in pairs], dtype=np.int64)
    assert hits.breaks_between(low, high).tolist() == [
        any(char in GAP_BREAKS for char in joined[a:b]) for a, b in zip(low.tolist(), high.tolist(), strict=True)]
    assert hits.stops_between(low, high).tolist() == [
        any(char in STOPS for char in joined[a:b]) for a, b in zip(low.tolist(), high.tolist(), strict=True)]
