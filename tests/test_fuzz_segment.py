"""Property tests for the speaker-tag parser and the segmenter: any text, exact offsets, nothing lost."""

from __future__ import annotations

import os

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kvaleval.records import INTERVIEWER, RESPONDENT, Document
from kvaleval.segment import segment_documents
from kvaleval.segment.tags import HEADER_LINE, TAB_LINE, TAG_LINE, TIME_LINE, accept_tags, line_matches, tag_candidates
from kvaleval.segment.turns import assign_roles, find_paragraphs, find_turns, split_turns
from test_segment_coverage import lost_text

EXAMPLES = int(os.environ.get("KVALEVAL_FUZZ_EXAMPLES", "300"))
"""Examples per property; raise it for a long fuzzing run (``KVALEVAL_FUZZ_EXAMPLES=20000``)."""
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of real transcripts, so that random text hits the parser's branches often.
PIECES = [
    "I:", "B:", "R1:", "Int.:", "Resp.:", "Interviewer:", "Informant:", "Borger 2:", "Hanne:",
    "FATIMA:", "**I:**", "**B**:", "__I:__", "[00:03:12]", "00:03:12", "(00:03:12)", "I (00:03:12):",
    "Taler 1", "Speaker 2:", "Kl. 14:30", "Altså:", "Dato:", "Det var sådan:", " - ", "• ", "\uf0b7 ",
    "* ", "– ", "\t", " ", "  ", "\n", "\n\n", "\n \n", "\r\n", "\u00a0", "æøå", "ÆØÅ", "?", ":", "::",
    "**", "__", "[", "]", "(", ")", "Hvordan gik det?", "Det gik godt.", "ord", "ja", "nej", "Mette",
    "Anne-Marie Holm:", "von", "1", "12", "👍🏽", "e\u0301", "\x00", "\x0c", "\u2028",
    # session 9's shapes: a time mark first, focus groups, affiliations, roles, brackets, dashes
    "#00:00:03# I:", "#00:01:2", "Alle:", "Flere:", "?:", "B?:", "Mette Hansen, kommunen:", ", evaluator:",
    "Katrine (interviewer):", "(Evaluator)", "[I] ", "[B] ", "[SPEAKER_00] ", "[griner] ", "I – ", "B – ",
    "anne-marie:", "\u200b", "\ufeff", "\x0b", "? B: ", ". I: ", "lise:", "  12  ", "3\t",
]

transcripts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60
).map("".join)
any_text = st.one_of(transcripts, st.text(max_size=300))


def _check_turns(text: str, turns: tuple) -> None:  # type: ignore[type-arg]
    previous_end = 0
    for turn in turns:
        assert 0 <= turn.start < turn.end <= len(text)
        assert turn.start >= previous_end
        piece = text[turn.start : turn.end]
        assert piece.strip() == piece and piece
        previous_end = turn.end


@SETTINGS
@given(any_text, st.lists(st.sampled_from(["Mette", "Hanne Holm", "I", "x"]), max_size=2))
def test_fuzz_segment_find_turns(text: str, interviewers: list[str]) -> None:
    turns = find_turns(text, interviewers=interviewers)
    _check_turns(text, turns)
    assigned, guessed = assign_roles(text, turns, interviewers=interviewers)
    assert len(assigned) == len(turns)
    assert {turn.role for turn in assigned} <= {INTERVIEWER, RESPONDENT}
    assert set(guessed) <= {turn.speaker for turn in turns}
    assert [(t.start, t.end) for t in assigned] == [(t.start, t.end) for t in turns]


@SETTINGS
@given(any_text)
def test_fuzz_segment_split_turns_header_before_first_turn(text: str) -> None:
    turns, header_end = split_turns(text)
    assert 0 <= header_end <= len(text)
    if turns:
        assert header_end <= turns[0].start


@SETTINGS
@given(any_text)
def test_fuzz_segment_paragraphs_cover_all_text(text: str) -> None:
    paragraphs = find_paragraphs(text)
    _check_turns(text, paragraphs)
    covered = "".join(text[t.start : t.end] for t in paragraphs)
    assert "".join(covered.split()) == "".join(text.split())


@SETTINGS
@given(any_text)
def test_fuzz_segment_line_matches_same_as_finditer(text: str) -> None:
    for pattern in (TAG_LINE, HEADER_LINE, TAB_LINE, TIME_LINE):
        fast = [(start, end, match.groupdict()) for start, end, match in line_matches(pattern, text)]
        plain = [(match.start(), match.end(), match.groupdict()) for match in pattern.finditer(text)]
        assert fast == plain


@SETTINGS
@given(any_text)
def test_fuzz_segment_tag_candidates_within_their_line(text: str) -> None:
    candidates = tag_candidates(text)
    starts = [candidate.line_start for candidate in candidates]
    assert starts == sorted(set(starts))
    for candidate in candidates:
        assert 0 <= candidate.line_start <= candidate.content_start <= len(text)
        assert candidate.line_start == 0 or text[candidate.line_start - 1] == "\n"
        assert "\n" not in text[candidate.line_start : max(candidate.content_start - 1,
                                                            candidate.line_start)]
    assert set(accept_tags(candidates)) <= set(candidates)


@SETTINGS
@given(transcripts)
def test_fuzz_segment_table_exact_and_nothing_lost(text: str) -> None:
    document = Document(doc_id="d", path="d.txt", format="txt", text=text)
    segments, notes = segment_documents([document])
    for row in segments.itertuples(index=False):
        assert text[row.start : row.end] == row.text
    assert segments["segment_id"].is_unique
    frame = pd.DataFrame(notes, columns=["path", "message"])
    assert lost_text(document, segments, frame) == []


def test_a_time_mark_before_a_form_feed_is_a_time_mark() -> None:
    # Hypothesis found 'I:I:[00:03:12]\x0c': the turn's end is stripped of the form feed and its time
    # mark dropped as one, but the mark was not one where a form feed (Word's page break) followed it.
    text = "I: Hvordan?\nB: Godt. [00:03:12]\x0c"
    document = Document(doc_id="d", path="d.txt", format="txt", text=text)
    segments, notes = segment_documents([document])
    assert segments["text"].tolist() == ["Hvordan?", "Godt."]
    assert lost_text(document, segments, pd.DataFrame(notes, columns=["path", "message"])) == []
