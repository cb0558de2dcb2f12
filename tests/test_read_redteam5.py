"""Reading red team, round 5: files as Danish evaluators get them (subtitles with ``>>`` changes of
speaker, a speaker said once between the interviewer's questions, ...), written by the real libraries
(webvtt-py, python-docx, openpyxl, odfpy) or by hand as the tools write them, and read with ``read_corpus``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import webvtt

from kvaleval.records import INTERVIEWER, RESPONDENT
from test_read_formats import read, turns

Q, A = INTERVIEWER, RESPONDENT


@pytest.mark.parametrize("label", ["Skjold", "SKJOLD", "Storm"])
def test_read_redteam5_a_word_said_once_after_the_interviewer_is_a_speaker(tmp_path: Path, label: str) -> None:
    # "Skjold" is a Danish word on no name list: said once without a role, the answer was read into the
    # interviewer's question ("Og for dig?\nSkjold: Trygheden.") and never coded.
    said = [("I", Q, "Hvad betyder klubben?"), ("R", A, "Alt."), ("I", Q, "Og for dig?"), (label, A, "Trygheden."),
            ("I", Q, "Andet?"), ("R", A, "Nej.")]
    (tmp_path / "fokus.txt").write_text("".join(f"{s}: {t}\n" for s, _, t in said), encoding="utf-8")
    assert turns(read(tmp_path)) == said


def test_read_redteam5_a_field_or_a_discourse_word_after_the_interviewer_speaks_not(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("I: Hvad så nu?\nAltså: det må vi se.\nR: Ja.\nI: Tak.\nDato: 3. maj\n",
                                    encoding="utf-8")
    assert [speaker for speaker, _, _ in turns(read(tmp_path))] == ["I", "R", "I"]


def _captions(path: Path, texts: list[str]) -> None:
    captions = webvtt.WebVTT()
    for index, text in enumerate(texts):
        captions.captions.append(webvtt.Caption(f"00:00:{index * 3:02d}.000", f"00:00:{index * 3 + 3:02d}.000", text))
    if path.suffix == ".srt":
        with path.open("w", encoding="utf-8") as handle:
            captions.write(handle, format="srt")
    else:
        captions.save(str(path))


@pytest.mark.parametrize("name", ["direkte.vtt", "direkte.srt"])
def test_read_redteam5_speaker_changes_marked_by_chevrons(tmp_path: Path, name: str) -> None:
    # Live captions mark a new speaker ">> "; the marks stood in the quotes and all was one speaker's words,
    # the interviewer's questions coded as answers. A cue without ">>" goes on with the last speaker.
    _captions(tmp_path / name, [">> Hvordan går det med projektet?", ">> Det går rigtig godt,", "vi er i gang.",
                                ">> Hvad er det næste skridt? >> Vi skal evaluere første fase."])
    corpus = read(tmp_path)
    assert turns(corpus) == [("Taler 1", Q, "Hvordan går det med projektet?"),
                             ("Taler 2", A, "Det går rigtig godt, vi er i gang."),
                             ("Taler 1", Q, "Hvad er det næste skridt?"), ("Taler 2", A, "Vi skal evaluere første fase.")]
    assert "[W044]" in "\n".join(corpus.notes["message"])
    assert ">>" not in corpus.documents[0].text


def test_read_redteam5_chevrons_with_names(tmp_path: Path) -> None:
    _captions(tmp_path / "tv.vtt", [">> Interviewer: Hvordan går det?", ">> Mette: Godt.", ">> Interviewer: Og så?",
                                    "Fortæl mere.", ">> Mette: Det er svært."])
    assert turns(read(tmp_path)) == [("Interviewer", Q, "Hvordan går det?"), ("Mette", A, "Godt."),
                                     ("Interviewer", Q, "Og så? Fortæl mere."), ("Mette", A, "Det er svært.")]
