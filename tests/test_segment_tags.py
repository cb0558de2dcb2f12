"""Speaker tags of real Danish transcripts: every style of DESIGN.md, and the colon traps.

Each case checks the turns (speaker, role, text, time) and that every turn's
offsets slice exactly its text out of the document.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

import kvaleval as kv
from kvaleval.records import INTERVIEWER, RESPONDENT, Turn
from kvaleval.segment.tags import is_interviewer_label, is_role_label, looks_like_name
from kvaleval.segment.turns import assign_roles, find_paragraphs, find_turns, split_turns

Q, A = INTERVIEWER, RESPONDENT  # the asking and the answering side


def turns_of(text: str, interviewers: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    """(speaker, role, text) per turn, after checking that the offsets are exact and ordered."""
    found, _ = assign_roles(text, find_turns(text, interviewers=interviewers),
                            interviewers=interviewers)
    check_offsets(text, found)
    return [(turn.speaker, turn.role or "", text[turn.start : turn.end]) for turn in found]


def check_offsets(text: str, turns: tuple[Turn, ...] | list[Turn]) -> None:
    previous_end = 0
    for turn in turns:
        assert 0 <= turn.start < turn.end <= len(text)
        assert turn.start >= previous_end
        piece = text[turn.start : turn.end]
        assert piece == piece.strip()
        previous_end = turn.end


TAG_STYLES = {
    "I/B": ("I: Hvordan gik det?\nB: Det gik godt.\n",
            [("I", Q, "Hvordan gik det?"), ("B", A, "Det gik godt.")]),
    "R1/R2 focus group": (
        "Moderator: Hvad synes I?\nR1: Fint.\nR2: Dårligt, faktisk.\n",
        [("Moderator", Q, "Hvad synes I?"), ("R1", A, "Fint."), ("R2", A, "Dårligt, faktisk.")]),
    "Int./Resp.": ("Int.: Hvordan?\nResp.: Sådan.\n",
                   [("Int", Q, "Hvordan?"), ("Resp", A, "Sådan.")]),
    "Interviewer/Informant": (
        "Interviewer: Hvordan?\nInformant: Sådan her.\n",
        [("Interviewer", Q, "Hvordan?"), ("Informant", A, "Sådan her.")]),
    "Intervieweren": ("Intervieweren: Hvordan?\nBorgeren: Sådan.\n",
                      [("Intervieweren", Q, "Hvordan?"), ("Borgeren", A, "Sådan.")]),
    "Borger 2": ("Interviewer: Hej\nBorger 2: Hej.\nBorger 3: Også hej.\n",
                 [("Interviewer", Q, "Hej"), ("Borger 2", A, "Hej."), ("Borger 3", A, "Også hej.")]),
    "first names (interviewer guessed from questions)": (
        "Hanne: Hvordan har du det?\nMette: Godt.\nHanne: Og familien?\nMette: Også godt.\n",
        [("Hanne", Q, "Hvordan har du det?"), ("Mette", A, "Godt."),
         ("Hanne", Q, "Og familien?"), ("Mette", A, "Også godt.")]),
    "first names": (
        "Hanne: Vi starter.\nMette: Godt.\nHanne: Fint.\n",
        [("Hanne", A, "Vi starter."), ("Mette", A, "Godt."), ("Hanne", A, "Fint.")]),
    "upper-case names": ("INTERVIEWER: Hvordan?\nLEYLA: Sådan her.\n",
                         [("INTERVIEWER", Q, "Hvordan?"), ("LEYLA", A, "Sådan her.")]),
    "full names": (
        "Anne-Marie Holm: Hvordan?\nPer Jensen: Sådan.\nAnne-Marie Holm: Og så?\n",
        [("Anne-Marie Holm", Q, "Hvordan?"), ("Per Jensen", A, "Sådan."),
         ("Anne-Marie Holm", Q, "Og så?")]),
    "bold **I:**": ("**I:** Hvordan?\n**B:** Sådan.\n", [("I", Q, "Hvordan?"), ("B", A, "Sådan.")]),
    "bold **I**:": ("**I**: Hvordan?\n**B**: Sådan.\n", [("I", Q, "Hvordan?"), ("B", A, "Sådan.")]),
    "bold __I:__": ("__I:__ Hvordan?\n__B:__ Sådan.\n", [("I", Q, "Hvordan?"), ("B", A, "Sådan.")]),
    "bold **Interviewer:**": ("**Interviewer:** Hvordan?\n**Informant:** Sådan.\n",
                              [("Interviewer", Q, "Hvordan?"), ("Informant", A, "Sådan.")]),
    "lower-case i/b": ("i: hvordan?\nb: sådan.\n", [("i", Q, "hvordan?"), ("b", A, "sådan.")]),
    "Taler 1 / Taler 2": ("Taler 1: Hvordan?\nTaler 2: Sådan.\n",
                          [("Taler 1", A, "Hvordan?"), ("Taler 2", A, "Sådan.")]),
    "Speaker 1 / Speaker 2": ("Speaker 1: Hvordan?\nSpeaker 2: Sådan.\n",
                              [("Speaker 1", A, "Hvordan?"), ("Speaker 2", A, "Sådan.")]),
    "name with role in brackets": ("I: Hvem er du?\nHanne (mor): Jeg er mor til to.\n",
                                   [("I", Q, "Hvem er du?"), ("Hanne", A, "Jeg er mor til to.")]),
    "tab after tag": ("I\tHvordan?\nB\tSådan.\n", [("I", Q, "Hvordan?"), ("B", A, "Sådan.")]),
    "tab after names": ("Hanne\tHej\nMette\tHej\nHanne\tJa\nMette\tNej\n",
                        [("Hanne", A, "Hej"), ("Mette", A, "Hej"), ("Hanne", A, "Ja"),
                         ("Mette", A, "Nej")]),
    "tag lines without colon": (
        "Interviewer\nHvordan gik det?\nInformant\nDet gik fint.\n",
        [("Interviewer", Q, "Hvordan gik det?"), ("Informant", A, "Det gik fint.")]),
    "bare names on their own lines, next to a role line": (
        "Interviewer\nHvordan gik det?\nMette\nDet gik fint.\nInterviewer\nOg så?\nMette\nGodt.\n",
        [("Interviewer", Q, "Hvordan gik det?"), ("Mette", A, "Det gik fint."),
         ("Interviewer", Q, "Og så?"), ("Mette", A, "Godt.")]),
    "bare names on their own lines, two names": (
        "Hanne\nHvordan gik det?\nKarim\nDet gik fint.\nHanne\nOg så?\nKarim\nGodt.\n",
        [("Hanne", Q, "Hvordan gik det?"), ("Karim", A, "Det gik fint."),
         ("Hanne", Q, "Og så?"), ("Karim", A, "Godt.")]),
    "no space after the colon": ("I:Hvordan gik det?\nB:Det gik godt.\n",
                                 [("I", Q, "Hvordan gik det?"), ("B", A, "Det gik godt.")]),
    "no-break space after the colon": ("I:\u00a0Hvordan gik det?\nB:\u00a0Det gik godt.\n",
                                       [("I", Q, "Hvordan gik det?"), ("B", A, "Det gik godt.")]),
    "first names that are also words, once each": (
        "Moderator: Hvad synes I?\nKaren: Det er godt.\nHans: Maden er dyr.\nPer: Enig.\nBo: Også enig.\n"
        "Karen: Ja.\n",
        [("Moderator", Q, "Hvad synes I?"), ("Karen", A, "Det er godt."), ("Hans", A, "Maden er dyr."),
         ("Per", A, "Enig."), ("Bo", A, "Også enig."), ("Karen", A, "Ja.")]),
    "names in square brackets (WhisperX)": (
        "[SPEAKER_00]: Hvordan kom du med?\n[SPEAKER_01]: Gennem min nabo.\n[SPEAKER_00]: Og så?\n",
        [("SPEAKER_00", Q, "Hvordan kom du med?"), ("SPEAKER_01", A, "Gennem min nabo."),
         ("SPEAKER_00", Q, "Og så?")]),
    "bracketed name and time on its own line (Zoom)": (
        "[Mette Hansen] 10:02:15\nHvordan kom du med?\n\n[Karen Jensen] 10:02:22\nGennem min nabo.\n\n"
        "[Mette Hansen] 10:03:01\nOg hvad fik du ud af det?\n\n[Karen Jensen] 10:03:09\nMere kontakt.\n",
        [("Mette Hansen", Q, "Hvordan kom du med?"), ("Karen Jensen", A, "Gennem min nabo."),
         ("Mette Hansen", Q, "Og hvad fik du ud af det?"), ("Karen Jensen", A, "Mere kontakt.")]),
    "bracketed stage directions stay text": (
        "I: Hvordan?\nB: Godt.\n[Pause]\nDet var det.\n[Pause]\nI: Tak.\n",
        [("I", Q, "Hvordan?"), ("B", A, "Godt.\n[Pause]\nDet var det.\n[Pause]"), ("I", Q, "Tak.")]),
    "names in lower case": (
        "mette: Hvordan kom du med?\nkaren: Via min nabo.\nmette: Og så?\nkaren: Mere kontakt.\n",
        [("mette", Q, "Hvordan kom du med?"), ("karen", A, "Via min nabo."), ("mette", Q, "Og så?"),
         ("karen", A, "Mere kontakt.")]),
    "unlisted names in lower case next to listed ones": (
        "mette: Hvordan kom du med?\nxhemal: Via min nabo.\nmette: Og så?\nxhemal: Mere kontakt.\n",
        [("mette", Q, "Hvordan kom du med?"), ("xhemal", A, "Via min nabo."), ("mette", Q, "Og så?"),
         ("xhemal", A, "Mere kontakt.")]),
    "lower-case words with a colon stay text": (
        "I: Hvordan var det?\nB: Det var sådan.\nøhm: altså vi gik.\nøhm: så kom vi hjem.\n",
        [("I", Q, "Hvordan var det?"), ("B", A, "Det var sådan.\nøhm: altså vi gik.\nøhm: så kom vi hjem.")]),
    "multi-line turns": (
        "I: Hvordan?\nB: Første linje.\nAnden linje.\n\nTredje afsnit.\nI: Tak.\n",
        [("I", Q, "Hvordan?"), ("B", A, "Første linje.\nAnden linje.\n\nTredje afsnit."),
         ("I", Q, "Tak.")]),
    "indented tags": ("  I: Hvordan?\n  B: Sådan.\n", [("I", Q, "Hvordan?"), ("B", A, "Sådan.")]),
    "empty turn is dropped": ("I: Hvordan?\nB:\nI: Hallo?\nB: Ja.\n",
                              [("I", Q, "Hvordan?"), ("I", Q, "Hallo?"), ("B", A, "Ja.")]),
    "easytranscript: the time mark before the tag": (
        "#00:00:03# I: Hvor tit kommer I?\n\n#00:00:20# B1: Hver dag.\n\n#00:00:37# B2: Om torsdagen.\n",
        [("I", Q, "Hvor tit kommer I?"), ("B1", A, "Hver dag."), ("B2", A, "Om torsdagen.")]),
    "focus group: everyone, several, unknown and unsure speakers": (
        "I: Var I med?\nAlle: Ja!\nI: Og så?\nFlere: Ja, det gjorde vi.\n?: Flere borde.\nB?: Og kage.\n",
        [("I", Q, "Var I med?"), ("Alle", A, "Ja!"), ("I", Q, "Og så?"), ("Flere", A, "Ja, det gjorde vi."),
         ("?", A, "Flere borde."), ("B?", A, "Og kage.")]),
    "name, affiliation (partner interview)": (
        "I: Hvordan gik det?\nMette Hansen, kommunen: Fint.\nI: Hvad var svært?\n"
        "Mette Hansen, kommunen: Datadeling, egentlig.\n",
        [("I", Q, "Hvordan gik det?"), ("Mette Hansen", A, "Fint."), ("I", Q, "Hvad var svært?"),
         ("Mette Hansen", A, "Datadeling, egentlig.")]),
    "name, affiliation that names the role": (
        "Katrine Lund, evaluator: Hvad laver du?\nMette: Jeg er leder. Hvorfor?\nMette: Og hvad så?\n",
        [("Katrine Lund", Q, "Hvad laver du?"), ("Mette", A, "Jeg er leder. Hvorfor?"),
         ("Mette", A, "Og hvad så?")]),
    "a speech line with a name and a comma is no tag": (
        "I: Hvem hjalp?\nB: Det gjorde Jamal.\nJamal, han sagde: kom bare.\n",
        [("I", Q, "Hvem hjalp?"), ("B", A, "Det gjorde Jamal.\nJamal, han sagde: kom bare.")]),
    "role in parentheses, also where a later tag leaves it out": (
        "Katrine (interviewer): Hvordan gik det?\nMette: Det gik fint? Ja.\nKatrine: Og så?\nMette: Godt?\n",
        [("Katrine", Q, "Hvordan gik det?"), ("Mette", A, "Det gik fint? Ja."), ("Katrine", Q, "Og så?"),
         ("Mette", A, "Godt?")]),
    "lower-case hyphenated name": (
        "interviewer: Hvem er I?\nsøren: Søren.\nanne-marie: Anne-Marie.\nsøren: Ja.\n"
        "anne-marie: Strikkeklubben.\n",
        [("interviewer", Q, "Hvem er I?"), ("søren", A, "Søren."), ("anne-marie", A, "Anne-Marie."),
         ("søren", A, "Ja."), ("anne-marie", A, "Strikkeklubben.")]),
    "lower-case first name that is also a word, beside another lower-case name": (
        "lise: Hvad var grunden?\nhassan: Jeg fik en rykker.\nlise: Hvad skete der så?\nhassan: Hun ringede.\n",
        [("lise", Q, "Hvad var grunden?"), ("hassan", A, "Jeg fik en rykker."), ("lise", Q, "Hvad skete der så?"),
         ("hassan", A, "Hun ringede.")]),
    "line numbers before the tags": (
        "  1  I: Hvad var grunden?\n  2  B: Jeg fik en rykker.\n  3  I: Og så?\n 12\tB: Hun ringede.\n",
        [("I", Q, "Hvad var grunden?"), ("B", A, "Jeg fik en rykker."), ("I", Q, "Og så?"),
         ("B", A, "Hun ringede.")]),
    "an interview pasted as one line": (
        "I: Hvad var grunden? B: Jeg fik en rykker. I: Hvad skete der så? B: Hun ringede, og det hjalp.\n",
        [("I", Q, "Hvad var grunden?"), ("B", A, "Jeg fik en rykker."), ("I", Q, "Hvad skete der så?"),
         ("B", A, "Hun ringede, og det hjalp.")]),
    "one role label in a sentence is speech": (
        "Jeg sagde til hende. B: nej. Så gik vi. I: ja.\n",
        [("respondent", A, "Jeg sagde til hende. B: nej. Så gik vi. I: ja.")]),
    "role label and a dash": (
        "I – Hvad var grunden?\n\nB – Jeg fik en rykker.\n\nI – Hvad skete der så?\n\nB - Hun ringede.\n",
        [("I", Q, "Hvad var grunden?"), ("B", A, "Jeg fik en rykker."), ("I", Q, "Hvad skete der så?"),
         ("B", A, "Hun ringede.")]),
    "a dash after 'I' once is speech": (
        "Vi snakkede om det.\nI – det må I selv om, sagde hun.\nB - sådan er det.\n",
        [("respondent", A, "Vi snakkede om det.\nI – det må I selv om, sagde hun.\nB - sådan er det.")]),
    "label in brackets without a colon": (
        "[I] Hvad skete der?\n\n[B] Jeg fik en rykker.\n\n[griner] Ja.\n\n[I] Og så?\n",
        [("I", Q, "Hvad skete der?"), ("B", A, "Jeg fik en rykker.\n\n[griner] Ja."), ("I", Q, "Og så?")]),
}


@pytest.mark.parametrize("name", sorted(TAG_STYLES))
def test_segment_tags_style(name: str) -> None:
    text, expected = TAG_STYLES[name]
    assert turns_of(text) == expected


TIMESTAMPED = {
    "[00:03:12] I:": "[00:03:12] I: Hvordan?\n[00:03:20] B: Sådan.\n",
    "00:03:12 I:": "00:03:12 I: Hvordan?\n00:03:20 B: Sådan.\n",
    "I (00:03:12):": "I (00:03:12): Hvordan?\nB (00:03:20): Sådan.\n",
    "I [00:03:12]:": "I [00:03:12]: Hvordan?\nB [00:03:20]: Sådan.\n",
    "I 00:03:12:": "I 00:03:12: Hvordan?\nB 00:03:20: Sådan.\n",
    "I: 00:03:12": "I: 00:03:12 Hvordan?\nB: [00:03:20] Sådan.\n",
    "[00:03:12] - I:": "[00:03:12] - I: Hvordan?\n[00:03:20] - B: Sådan.\n",
    "timestamp-only lines": "00:03:12\nI: Hvordan?\n[00:03:20]\nB: Sådan.\n",
    "Taler 1  00:03:12 (no colon)": "Taler 1  00:03:12\nHvordan?\n\nTaler 2  00:03:20\nSådan.\n",
    "milliseconds": "[00:03:12.500] I: Hvordan?\n[00:03:20,250] B: Sådan.\n",
    "Danish full stops": "[00.03.12] I: Hvordan?\n[00.03.20] B: Sådan.\n",
    "Danish full stops, line of its own": "00.03.12\nI: Hvordan?\n00.03.20\nB: Sådan.\n",
    "a time range": "[00:03:12 - 00:03:19] I: Hvordan?\n[00:03:20 - 00:03:25] B: Sådan.\n",
    "frames (video timecode)": "00:03:12:05 I: Hvordan?\n00:03:20:11 B: Sådan.\n",
    "a range with frames on its own line (Premiere)": (
        "00:03:12:05 - 00:03:19:00\nTaler 1\nHvordan?\n\n00:03:20:11 - 00:03:25:00\nTaler 2\nSådan.\n"),
    "Markdown, bold name and time in brackets": "**I** (00:03:12): Hvordan?\n\n**B** (00:03:20): Sådan.\n",
    "Markdown, bold name and time in square brackets": "**I** [00:03:12]: Hvordan?\n\n**B** [00:03:20]: Sådan.\n",
}


@pytest.mark.parametrize("name", sorted(TIMESTAMPED))
def test_segment_tags_timestamp_gives_time_not_text(name: str) -> None:
    text = TIMESTAMPED[name]
    found, _ = assign_roles(text, find_turns(text))
    check_offsets(text, found)
    assert [text[t.start : t.end] for t in found] == ["Hvordan?", "Sådan."]
    times = [(turn.time or "").replace(".", ":") for turn in found]  # the time as written: 00.03.12 too
    assert times[0].startswith("00:03:12") and times[1].startswith("00:03:20")
    assert found[0].speaker in ("I", "Taler 1")


@pytest.mark.parametrize(
    "guest",
    ["+45 20 12 34 56", "karen.jensen@gmail.com", "Jensen, Karen", "karen", "Karen Marie Sofie Jensen Nielsen"],
)
def test_segment_tags_names_with_a_time_on_their_own_line(guest: str) -> None:
    # Teams' Word layout: a guest who joined by phone or e-mail, a directory name, a lower-case or
    # long name was no tag, so the answers were glued to the interviewer's questions.
    host = "Mette Hansen"
    text = (f"{host}   0:03\nHvordan har du oplevet helhedsplanen?\n\n{guest}   0:07\nDet er gået godt.\n\n"
            f"{host}   0:13\nHvad mangler der?\n\n{guest}   0:17\nEt sted at være om aftenen.\n")
    assert turns_of(text) == [(host, Q, "Hvordan har du oplevet helhedsplanen?"), (guest, A, "Det er gået godt."),
                              (host, Q, "Hvad mangler der?"), (guest, A, "Et sted at være om aftenen.")]


def test_segment_tags_a_sentence_ending_in_a_time_is_text() -> None:
    text = "I: Hvornår kom du?\nB: Vi mødtes klokken 14:30\nog gik hjem.\nI: Og så?\nB: Så var der møde kl. 10:00\n"
    assert [speaker for speaker, _, _ in turns_of(text)] == ["I", "B", "I", "B"]


@pytest.mark.parametrize(
    "line",
    ["Mette Hansen   stoppede transskriptionen", "Mette Hansen har stoppet transskriptionen",
     "Mette Hansen stopped transcription", "Transcribed by https://otter.ai", "Mødet sluttede efter 00:06:12 👋",
     "## Tema 2: Fællesskab", "Tema 2: Fællesskab og frivillige", "**Tema 3 – Afrunding**"],
)
def test_segment_tags_transcription_tool_lines_are_not_speech(line: str) -> None:
    # The tool's closing line was glued to the last answer, and coded with it.
    text = f"I: Hvordan var det?\nB: Det var godt.\n{line}\n"
    assert turns_of(text) == [("I", Q, "Hvordan var det?"), ("B", A, "Det var godt.")]


def test_segment_tags_f4_time_marks_are_not_speech() -> None:
    # f4transkript ends each paragraph with "#00:00:05-2#"; it stayed in every turn's text.
    text = "I: Hvordan har det været? #00:00:05-2#\n\nB: Hårdt, men givende. #00:00:14-8#\n"
    assert turns_of(text) == [("I", Q, "Hvordan har det været?"), ("B", A, "Hårdt, men givende.")]


def test_segment_tags_timestamp_line_inside_turn_keeps_speaker() -> None:
    text = "I: Hvordan?\nB: Først det her.\n00:04:31\nOg så det her.\n"
    assert turns_of(text) == [("I", Q, "Hvordan?"), ("B", A, "Først det her."),
                              ("B", A, "Og så det her.")]


COLON_TRAPS = [
    "Kl. 14:30 kom hun",
    "Det var sådan: vi gik",
    "Altså: det var",
    "Men: det ved jeg ikke",
    "Nå: så gik vi hjem",
    "Fx: lektiecaféen",
    "Bemærk: dette er vigtigt",
    "Se https://kommune.dk/side: der står det",
    "Mødet var 10:00-12:00: lang tid",
    "Altså:det var",
    "Bemærk:dette er vigtigt",
]


@pytest.mark.parametrize("line", COLON_TRAPS)
def test_segment_tags_colon_trap_inside_turn(line: str) -> None:
    text = f"I: Hvad skete der?\nB: Jeg ved det ikke.\n{line}.\nI: Tak.\n"
    assert turns_of(text) == [("I", Q, "Hvad skete der?"), ("B", A, f"Jeg ved det ikke.\n{line}."),
                              ("I", Q, "Tak.")]


@pytest.mark.parametrize("line", COLON_TRAPS)
def test_segment_tags_colon_trap_untagged_text(line: str) -> None:
    text = f"Jeg kom hjem sent.\n{line}.\n"
    assert turns_of(text) == [("respondent", A, f"Jeg kom hjem sent.\n{line}.")]


def test_segment_tags_header_lines_are_not_turns() -> None:
    text = ("Dato: 12. marts 2024\nSted: Vollsmose\nVarighed: 45 min\n\n"
            "I: Hvordan?\nB: Godt.\n")
    turns, header_end = split_turns(text)
    assert [text[t.start : t.end] for t in turns] == ["Hvordan?", "Godt."]
    assert text[:header_end].strip() == "Dato: 12. marts 2024\nSted: Vollsmose\nVarighed: 45 min"


def test_segment_tags_role_fields_of_a_header_block_are_not_turns() -> None:
    # Transcribers open with a block of fields; "Interviewer: Mette Hansen" there names a person.
    text = ("Interview med borger 3\nDato: 12. marts 2024\nSted: Beboerhuset\nInterviewer: Mette Hansen\n"
            "Deltager: Borger 3\n\nI: Hvordan har du oplevet projektet?\nB: Godt.\n")
    turns, header_end = split_turns(text)
    assert [(t.speaker, text[t.start : t.end]) for t in turns] == [("I", "Hvordan har du oplevet projektet?"),
                                                                    ("B", "Godt.")]
    assert text[:header_end].strip().endswith("Deltager: Borger 3")
    # A longer description of the person interviewed is a field too.
    text = ("Interview nr. 7\nDato: 14.03.2024\nSted: Beboerhuset\nInterviewer: Mette Hansen\n"
            "Interviewperson: Kvinde, 54 år, bor i afdeling 3 (ikke i bestyrelsen)\nTransskribent: LK\n\n"
            "I: Hvor længe har du boet her?\nIP: Siden 2004.\n")
    turns, header_end = split_turns(text)
    assert [t.speaker for t in turns] == ["I", "IP"]
    assert text[:header_end].strip().endswith("Transskribent: LK")
    # A transcript whose every line has a colon is talk from its first line: no turn is a field.
    text = ("I: Hvordan var mødet?\nB: Altså: det var fint.\nMen: der manglede kaffe.\nProblemet: ingen kom.\n"
            "I: Hvad skete der så?\nB: Hun sagde: \"Det gør vi aldrig igen.\"\nNej: det gjorde vi ikke.\nI: Tak.\n")
    assert [t.speaker for t in split_turns(text)[0]] == ["I", "B", "I", "B", "I"]
    # A block of turns only, or a question right under a field, stays as it is.
    assert len(split_turns("I: Hvem er du?\nB: Karen.\nI: Tak.\n")[0]) == 3
    assert [text for _, _, text in turns_of("Dato: 1. maj\nI: Hvordan går det?\nB: Fint.\n")] == [
        "Hvordan går det?", "Fint."]


def test_segment_tags_header_with_title_and_timestamp() -> None:
    text = "# Interview med borger 3\n\n00:00:00\nI: Hvordan?\nB: Godt.\n"
    turns, header_end = split_turns(text)
    assert text[:header_end].strip() == "# Interview med borger 3"
    assert turns[0].time == "00:00:00"


def test_segment_tags_given_interviewer_name() -> None:
    text = "Mette: Hvordan?\nHanne: Godt.\nMette: Og så?\nHanne: Også godt.\n"
    assert [role for _, role, _ in turns_of(text, ("Mette Hansen",))] == [Q, A, Q, A]


def test_segment_tags_interviewer_guessed_from_questions() -> None:
    text = ("Taler 1: Hvordan går det?\nTaler 2: Godt.\nTaler 1: Og arbejdet?\n"
            "Taler 2: Også fint.\n")
    turns, guessed = assign_roles(text, find_turns(text))
    assert guessed == ("Taler 1",)
    assert [t.role for t in turns] == [Q, A, Q, A]


def test_segment_tags_two_interviewers_guessed() -> None:
    # Two evaluators take turns asking (Rev's "Name (time):" style); the second was coded as an answer.
    text = ("Katrine Lund (00:00:03):\nVi er to i dag. Kan du beskrive din rolle?\n\n"
            "Mette Hansen (00:00:20):\nJeg er leder af ungeindsatsen.\n\n"
            "Peter Riis (00:00:37):\nHvordan er samarbejdet?\n\n"
            "Mette Hansen (00:00:54):\nDet er blevet bedre. Hvem gjorde hvad? Det var uklart.\n\n"
            "Katrine Lund (00:01:11):\nHvad ændrede sig?\n\n"
            "Mette Hansen (00:01:28):\nVi fik en koordineringsgruppe.\n\n"
            "Peter Riis (00:01:45):\nEr der stadig udfordringer?\n\n"
            "Mette Hansen (00:02:02):\nJa, datadeling.\n")
    turns, guessed = assign_roles(text, find_turns(text))
    assert guessed == ("Katrine Lund", "Peter Riis")
    assert {t.speaker: t.role for t in turns} == {"Katrine Lund": Q, "Peter Riis": Q, "Mette Hansen": A}


def test_segment_tags_focus_group_member_asking_once_is_no_interviewer() -> None:
    text = ("Taler 1: Hvad synes I om klubben?\nTaler 2: Den er god. Hvad synes du?\nTaler 3: Også god.\n"
            "Taler 1: Og lederne?\nTaler 2: Søde.\nTaler 3: Ja, meget søde.\n")
    turns, guessed = assign_roles(text, find_turns(text))
    assert guessed == ("Taler 1",)
    assert [t.role for t in turns] == [Q, A, A, Q, A, A]


def test_segment_tags_role_stated_in_a_display_name() -> None:
    # Zoom and Teams show "Name (Evaluator)": the name says the role, nothing is guessed.
    text = "Hvorfor?\nHvad skete der?\nHvad mener du?\n"
    turns = [Turn("Hassan", 0, 8), Turn("Lise Kjær (Evaluator)", 9, 25), Turn("Hassan", 26, 39)]
    assigned, guessed = assign_roles(text, turns)
    assert guessed == ()
    assert [t.role for t in assigned] == [A, Q, A]


def test_segment_tags_role_tag_naming_each_participant() -> None:
    # "Deltager (Fatima):" and "Deltager (Ali):" were one speaker "Deltager": one respondent in
    # every count of a focus group. The name is the speaker; the role word gives the role.
    text = ("Interviewer (Anne): Hvordan oplever I familievejledningen?\nDeltager (Fatima): Den er god.\n"
            "Deltager (Ali): Enig.\nInterviewer (Anne): Kender I sekretariatet?\nDeltager (Fatima): Nej.\n"
            "Anne: Og du, Ali?\nAli: Ja.\n")
    assert turns_of(text) == [
        ("Anne", Q, "Hvordan oplever I familievejledningen?"), ("Fatima", A, "Den er god."), ("Ali", A, "Enig."),
        ("Anne", Q, "Kender I sekretariatet?"), ("Fatima", A, "Nej."), ("Anne", Q, "Og du, Ali?"), ("Ali", A, "Ja."),
    ]


def test_segment_tags_role_tag_with_a_note_that_is_no_name() -> None:
    text = "I: Hvordan?\nBorger (mor): Godt.\nBorger (Mor): Fint.\nI (00:01:02): Og så?\nB (interviewer): Nå.\n"
    assert [(speaker, role) for speaker, role, _ in turns_of(text)] == [
        ("I", Q), ("Borger", A), ("Borger", A), ("I", Q), ("B", Q)]


def test_segment_tags_neutral_label_naming_a_speaker_leaves_the_role_to_the_questions() -> None:
    text = ("Taler 1 (Anne): Hvordan oplever I det?\nTaler 2 (Ali): Godt.\nTaler 1 (Anne): Kender I det?\n"
            "Taler 2 (Ali): Nej.\n")
    turns, guessed = assign_roles(text, find_turns(text))
    assert [(t.speaker, t.role) for t in turns] == [("Anne", Q), ("Ali", A), ("Anne", Q), ("Ali", A)]
    assert guessed == ("Anne",)


@pytest.mark.parametrize(("asker", "answerer"), [("HM", "KL"), ("JA", "SÅ"), ("MM", "OK"), ("NB", "ØH")])
def test_segment_tags_initials_that_are_words_in_lower_case(asker: str, answerer: str) -> None:
    # Initials such as HM (a filler) or KL (klokken) were no tags: every answer glued to a question.
    text = (f"{asker}: Hvordan oplever du familievejledningen?\n{answerer}: Den er god.\n"
            f"{asker}: Hvad har været vigtigst?\n{answerer}: At vi fik hjælp.\n")
    assert turns_of(text) == [(asker, Q, "Hvordan oplever du familievejledningen?"), (answerer, A, "Den er god."),
                              (asker, Q, "Hvad har været vigtigst?"), (answerer, A, "At vi fik hjælp.")]


def test_segment_tags_initials_once_and_klokken_stay_text() -> None:
    text = "I: Hvornår kom du?\nB: Det var sent.\nKl. 14:30: kom hun så.\nOK: så gik vi.\nI: Og så?\nB: Ja.\n"
    assert [speaker for speaker, _, _ in turns_of(text)] == ["I", "B", "I", "B"]


def test_segment_tags_family_members_speaking_once() -> None:
    # A family interview: the son and the daughter speak once each; they were glued to the turn before.
    text = ("Interviewer: Hvordan var det?\nMor: Jeg var nervøs.\nFar: Det var jeg også.\n"
            "Søn (12): Jeg syntes, hun var sød.\nInterviewer: Hvad har ændret sig?\nDatter: Far kommer med.\n")
    assert turns_of(text) == [
        ("Interviewer", Q, "Hvordan var det?"), ("Mor", A, "Jeg var nervøs."), ("Far", A, "Det var jeg også."),
        ("Søn", A, "Jeg syntes, hun var sød."), ("Interviewer", Q, "Hvad har ændret sig?"),
        ("Datter", A, "Far kommer med."),
    ]


BARE_LINES_THAT_ARE_TEXT = {
    "a name once": "Hans\nHvordan har du det?\nInterviewer\nGodt.\n",
    "answer words": "Ja\nDet var det.\nJa\nSå gik vi.\n",
    "one repeated name alone": "Hanne\nHej med dig.\nHanne\nHej igen.\n",
    "names between colon tags": "I: Hvem kom?\nB: Der kom to.\nMette\nog\nMette\nB: Igen.\n",
    "name with a full stop": "Interviewer\nHvem?\nSanne.\nNå.\nSanne.\n",
}


@pytest.mark.parametrize("name", sorted(BARE_LINES_THAT_ARE_TEXT))
def test_segment_tags_bare_lines_that_are_text(name: str) -> None:
    text = BARE_LINES_THAT_ARE_TEXT[name]
    speakers = {speaker for speaker, _, _ in turns_of(text)}
    assert not speakers & {"Hans", "Ja", "Hanne", "Mette", "Sanne"}


def test_segment_tags_interviewer_guessed_from_prompts() -> None:
    # A narrative interview asks by prompts, and its respondent asks rhetorical questions: roles were reversed.
    text = ("Taler 1: Fortæl lidt om dig selv.\nTaler 2: Hvad skal jeg sige? Jeg bor her. Hvem gider høre om det?\n"
            "Taler 1: Fortæl om en typisk dag.\nTaler 2: Jeg står op klokken seks.\n"
            "Taler 1: Beskriv hvordan det føles.\nTaler 2: Ensomt. Hvem ville ikke føle sig ensom?\n")
    _, guessed = assign_roles(text, find_turns(text))
    assert guessed == ("Taler 1",)


def test_segment_tags_interviewer_guess_ignores_tag_questions() -> None:
    # Spoken Danish ends statements with "…, ikke?": the respondent who does so asks nothing.
    text = ("Mette: Vil du fortælle lidt om dig selv?\nKaren: Jeg har boet her i 12 år, ikke?\n"
            "Mette: Hvordan hørte du om projektet?\nKaren: Gennem min nabo, vel?\n"
            "Mette: Fortæl om det første møde.\nKaren: Det var fint, ikke?\n"
            "Mette: Hvad har det betydet for dig?\nKaren: At jeg ikke er alene, ikke sandt?\n")
    turns, guessed = assign_roles(text, find_turns(text))
    assert guessed == ("Mette",)
    assert [t.role for t in turns] == [Q, A] * 4


def test_segment_tags_single_tag_in_the_middle_is_untagged_text() -> None:
    text = "Jeg skriver til jer fordi.\nHanne: sagde det samme.\n"
    assert turns_of(text) == [("respondent", A, "Jeg skriver til jer fordi.\nHanne: sagde det samme.")]


UNTAGGED = {
    "blank lines": ("Første afsnit.\n\nAndet afsnit.\n", ["Første afsnit.", "Andet afsnit."]),
    "blank lines with spaces": ("Første.\n   \t\nAndet.\n", ["Første.", "Andet."]),
    "hard-wrapped lines": ("Det var en god dag. Vi gik\ntil byen og købte\nis.\n\nNæste.\n",
                           ["Det var en god dag. Vi gik\ntil byen og købte\nis.", "Næste."]),
    "bullets": ("Det gode:\n- punkt et\n- punkt to\n• punkt tre\n\uf0b7 punkt fire\n* fem\n– seks\n",
                ["Det gode:", "- punkt et", "- punkt to", "• punkt tre", "\uf0b7 punkt fire",
                 "* fem", "– seks"]),
    "wrapped bullet": ("- første punkt der\n  fortsætter her\n- andet\n",
                       ["- første punkt der\n  fortsætter her", "- andet"]),
    "CRLF already normalised": ("Én linje.\n\n\n\nTo linjer.\n", ["Én linje.", "To linjer."]),
    "no final newline": ("Kun én sætning", ["Kun én sætning"]),
    "non-breaking space line": ("Først.\n\u00a0\nSå.\n", ["Først.", "Så."]),
}


@pytest.mark.parametrize("name", sorted(UNTAGGED))
def test_segment_tags_untagged_paragraphs(name: str) -> None:
    text, expected = UNTAGGED[name]
    found = find_turns(text)
    check_offsets(text, found)
    assert [text[t.start : t.end] for t in found] == expected
    assert {t.speaker for t in found} == {"respondent"}
    assert find_paragraphs(text) == found


@pytest.mark.parametrize("label", ["I", "Int", "Int.", "Interviewer", "INTERVIEWER", "Moderator",
                                   "Evaluator", "Facilitator", "intervieweren"])
def test_segment_tags_interviewer_labels(label: str) -> None:
    assert is_interviewer_label(label)


@pytest.mark.parametrize("label", ["B", "R1", "Resp.", "Informant", "Borger 2", "Taler 1",
                                   "Speaker 2", "Deltager 3"])
def test_segment_tags_respondent_labels(label: str) -> None:
    assert is_role_label(label)
    assert not is_interviewer_label(label)


@pytest.mark.parametrize(("label", "expected"), [
    ("Hanne", True), ("Anne-Marie Holm", True), ("Ali al Hassan", True), ("FATIMA", True),
    ("Det var sådan", False), ("kl", True), ("jeg sagde", False),
])
def test_segment_tags_looks_like_name(label: str, expected: bool) -> None:
    assert looks_like_name(label) is expected


def test_a_time_mark_that_ends_a_turn_is_no_text(tmp_path: Path) -> None:
    # "... om natten nu. [00:00:12]" kept the time in the quote; f4's "#00:00:14-8#" was already dropped.
    (tmp_path / "b.txt").write_text(
        "I: Hvordan sover du? [00:00:05]\nB: Jeg sover bedre om natten nu. [00:00:12]\n"
        "I: Og så? (00:00:20)\nB: Det er godt (griner) (00:00:22)\nI: Tak.\nB: Ja [00:01:00 - 00:01:05]\n",
        encoding="utf-8")
    texts = kv.read_corpus(tmp_path).segments["text"].tolist()
    assert texts == ["Hvordan sover du?", "Jeg sover bedre om natten nu.", "Og så?", "Det er godt (griner)",
                     "Tak.", "Ja"]


def test_a_participant_who_asks_the_others_is_no_second_interviewer() -> None:
    # Teams focus group, no metadata: Jonas asked the others twice in three turns and was taken for a
    # second interviewer, his answer to the moderator read as the interviewer's.
    text = ("Lise: Hvad synes I om trygheden?\nHawa: Den er blevet bedre.\nJonas: Er du enig, Peter?\n"
            "Peter: Ja, lidt.\nLise: Hvad har gjort forskellen?\nJonas: At de var der om aftenen.\n"
            "Hawa: Ja.\nJonas: Har du set dem, Hawa?\nHawa: Nej.\nLise: Hvad mangler?\nPeter: Lys.\n")
    turns, _ = split_turns(text)
    assigned, guessed = assign_roles(text, turns)
    assert guessed == ("Lise",)
    assert {turn.speaker for turn in assigned if turn.role == RESPONDENT} == {"Hawa", "Jonas", "Peter"}


def test_a_tag_after_a_list_bullet(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # "- Interviewer: ..." lines (a Word or Markdown list) were read as a dash dialogue of "Taler 1" and
    # "Taler 2", with "Interviewer:" and "Mette:" left in the spoken text.
    import kvaleval as kv

    for bullet in ("-", "–", "•"):
        (tmp_path / "a.txt").write_text(
            f"{bullet} Interviewer: Hvordan har du oplevet familievejledningen?\n{bullet} Mette: Den har hjulpet.\n"
            f"{bullet} Interviewer: Hvad kunne være bedre?\n{bullet} Mette: Kortere ventetid.\n", encoding="utf-8")
        segments = kv.read_corpus(tmp_path / "a.txt").segments
        assert segments["speaker"].tolist() == ["Interviewer", "Mette", "Interviewer", "Mette"], bullet
        assert segments["text"].tolist()[1] == "Den har hjulpet."


def test_a_lone_field_under_a_title_is_the_header_not_a_turn(tmp_path: Path) -> None:
    # A title, then one "label: value" line that never speaks again, then the talk of two others: the
    # line was read as the respondent's first answer ("Kvinde, 71 år, bor i afdeling 2") and coded.
    text = ("Sund i Bydelen – beboerinterview\nInterviewperson: Kvinde, 71 år, bor i afdeling 2\n\n"
            "Interviewer: Hvor længe har du boet her?\nBirthe: Siden 1979.\n"
            "Interviewer: Kender du Sund i Bydelen?\nBirthe: Ja, det med de gule plakater.\n")
    (tmp_path / "birthe.txt").write_text(text, encoding="utf-8")
    document = docx.Document()
    for line in ["Partnerinterview: kommunens sundhedscenter", "Louise: Hvad er din rolle?",
                 "Mette: Jeg er sundhedskonsulent.", "Louise: Og lægerne?", "Mette: De er pressede."]:
        document.add_paragraph(line)
    document.save(str(tmp_path / "partner.docx"))
    corpus = kv.read_corpus(tmp_path)
    segments = corpus.segments.set_index("segment_id")
    assert segments.loc["birthe#0", ["speaker", "text"]].tolist() == ["Interviewer", "Hvor længe har du boet her?"]
    assert segments.loc["partner#0", ["speaker", "text"]].tolist() == ["Louise", "Hvad er din rolle?"]
    assert set(segments["speaker"]) == {"Interviewer", "Birthe", "Louise", "Mette"}
    notes = " ".join(corpus.notes.iloc[:, -1])
    assert "W017" in notes and "Kvinde, 71" in notes and "Partnerinterview: kommunens sundhedscenter" in notes


@pytest.mark.parametrize("text", [
    "Mette:\nVelkommen til jer.\nI: Hvordan gik det?\nB: Godt.\n",  # the talk on the line below
    "Mette: Velkommen til jer.\nI: Hvordan gik det?\nB: Godt.\n",  # a sentence
    "P1: ja det synes jeg\nI: hvordan gik det\nB: godt\n",  # a speaker's tag, in a transcript without stops
    "Mette: Velkommen til\nI: Hvordan gik det?\n",  # no two others talk after it
])
def test_a_first_turn_that_is_talk_stays_a_turn(text: str) -> None:
    assert turns_of(text)[0][0] == text.split(":")[0]
