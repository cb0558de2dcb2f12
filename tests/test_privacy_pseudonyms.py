"""read_pseudonyms: the user's pseudonyms.csv, and clear errors for bad rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from kvaleval.errors import KvalevalWarning, PrivacyError
from kvaleval.privacy import Pseudonymiser, read_pseudonyms


def _write(tmp_path: Path, content: str | bytes, name: str = "pseudonyms.csv") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    "content",
    [
        "original,replacement\nHanne,[borger 3]\nJens Pedersen,medarbejder 1\n",
        "original;replacement\nHanne;borger 3\nJens Pedersen;[medarbejder 1]\n",
        "\ufefforiginal;replacement\r\nHanne;[borger 3]\r\nJens Pedersen;[medarbejder 1]\r\n",
        "Original , Replacement , note\n Hanne , [borger 3] , mor\n\n# kommentar\n"
        "Jens  Pedersen,[medarbejder 1],\n",
        "navn;pseudonym\nHanne;[borger 3]\nJens Pedersen;[medarbejder 1]\n",
    ],
)
def test_privacy_read_pseudonyms_formats(tmp_path: Path, content: str) -> None:
    assert read_pseudonyms(_write(tmp_path, content)) == {
        "Hanne": "[borger 3]",
        "Jens Pedersen": "[medarbejder 1]",
    }


def test_privacy_read_pseudonyms_excel_windows_encoding(tmp_path: Path) -> None:
    path = _write(tmp_path, "original;replacement\nSøren Ærø;[borger 5]\n".encode("cp1252"))
    assert read_pseudonyms(path) == {"Søren Ærø": "[borger 5]"}


def test_privacy_read_pseudonyms_quoted_comma(tmp_path: Path) -> None:
    path = _write(tmp_path, 'original,replacement\n"Hanne",  "[borger 3, mor]"\n')
    assert read_pseudonyms(path) == {"Hanne": "[borger 3, mor]"}


def test_privacy_read_pseudonyms_used_by_pseudonymiser(tmp_path: Path) -> None:
    path = _write(tmp_path, "original;replacement\nHanne;borger 3\n")
    pseudonymiser = Pseudonymiser(pseudonyms=read_pseudonyms(path))
    assert pseudonymiser.apply("Hannes søn ringede.") == "[borger 3]s søn ringede."


def test_privacy_read_pseudonyms_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PrivacyError, match=r"\[E701\].*nope\.csv"):
        read_pseudonyms(tmp_path / "nope.csv")


@pytest.mark.parametrize("content", ["name,pseudo\nHanne,x\n", "Hanne;[borger 3]\n", ""])
def test_privacy_read_pseudonyms_bad_header(tmp_path: Path, content: str) -> None:
    with pytest.raises(PrivacyError, match=r"\[E703\].*pseudonyms\.csv"):
        read_pseudonyms(_write(tmp_path, content))


@pytest.mark.parametrize(
    ("content", "line", "what"),
    [
        ("original;replacement\nHanne;[borger 3]\n;[borger 4]\n", 3, "navnet"),
        ("original;replacement\nHanne;\n", 2, "ingen erstatning"),
        ("original;replacement\n\nHanne\n", 3, "ingen erstatning"),
    ],
)
def test_privacy_read_pseudonyms_bad_row_names_line(
    tmp_path: Path, content: str, line: int, what: str
) -> None:
    with pytest.raises(PrivacyError, match=rf"\[E704\].*pseudonyms\.csv, linje {line}:.*{what}"):
        read_pseudonyms(_write(tmp_path, content))


def test_privacy_read_pseudonyms_conflicting_rows(tmp_path: Path) -> None:
    content = "original;replacement\nHanne;[borger 3]\nhanne;[borger 4]\n"
    with pytest.raises(PrivacyError, match=r"\[E705\].*linje 3.*'\[borger 3\]' i linje 2"):
        read_pseudonyms(_write(tmp_path, content))


def test_privacy_read_pseudonyms_repeat_with_same_replacement_ok(tmp_path: Path) -> None:
    content = "original;replacement\nHanne;[borger 3]\nHanne;borger 3\n"
    assert read_pseudonyms(_write(tmp_path, content)) == {"Hanne": "[borger 3]"}


def test_privacy_read_pseudonyms_one_letter_name_warns(tmp_path: Path) -> None:
    content = "original;replacement\nB;[borger 1]\nHanne;[borger 3]\n"
    with pytest.warns(KvalevalWarning, match=r"\[W701\].*linje 2.*'B'"):
        result = read_pseudonyms(_write(tmp_path, content))
    assert result == {"Hanne": "[borger 3]"}


def test_privacy_read_pseudonyms_binary_file(tmp_path: Path) -> None:
    with pytest.raises(PrivacyError, match=r"\[E702\]"):
        read_pseudonyms(_write(tmp_path, b"\xff\xfe\x00\x00\x81\x00binary"))


@pytest.mark.parametrize(("text", "expected"), [
    ("Per måned betaler vi 7.500 kr.", "Per måned betaler vi 7.500 kr."),       # the word, not the speaker
    ("Bo i Vollsmose er dyrt.", "Bo i Vollsmose er dyrt."),
    ("Hans far kom forbi.", "Hans far kom forbi."),                             # his father
    ("Per sagde det samme.", "[frivillig 2] sagde det samme."),
    ("Per, kan du sige noget?", "[frivillig 2], kan du sige noget?"),
    ("Vi talte med Per om det.", "Vi talte med [frivillig 2] om det."),
    ("Bo kommer også hver tirsdag.", "[borger 2] kommer også hver tirsdag."),
])
def test_privacy_speaker_named_like_a_word(text: str, expected: str) -> None:
    # Speakers called Per or Bo: their pseudonym replaces them, not the ordinary words.
    pseudonymiser = Pseudonymiser(pseudonyms={"Per": "[frivillig 2]", "Bo": "[borger 2]", "Hans": "[borger 5]"})
    assert pseudonymiser.apply(text) == expected


def test_privacy_another_person_with_a_known_surname_is_no_one_known() -> None:
    # The demo's e-mail "Fra: Birgitte Holm" came out as "[interviewer 3]": the interviewer Anders Holm's
    # label, for another person with his surname. The first name says who it is.
    pseudonymiser = Pseudonymiser(pseudonyms={"Anders Holm": "interviewer 3", "Fatima": "borger 2"})
    text = "Fra: Birgitte Holm\nHilsen Birgitte Holm og Anders Holm. Fatima Ali kom. Holm sagde ja."
    assert pseudonymiser.apply(text) == ("Fra: [navn]\nHilsen [navn] og [interviewer 3]. [borger 2] kom. "
                                         "[interviewer 3] sagde ja.")


def test_a_known_first_name_before_another_surname_is_someone_else() -> None:
    # The ungeråd's Ali Rask was [borger 9], and so was "Ali Hassan" in a police interview; one
    # speaker Fatima and a partner Fatima Al-Khatib made every "Fatima" the speaker's label.
    known = Pseudonymiser(pseudonyms={"Ali Rask": "[borger 9]", "Nguyen Thi Lan": "[borger 7]",
                                      "Fatima": "[borger 3]", "Fatima Al-Khatib": "[samarbejdspartner 1]"})
    assert known.apply("Ali Hassan kom.") == "[navn] kom."
    assert known.apply("Nguyen Van Minh kom.") == "[navn] kom."
    assert known.apply("Ali Rask kom. Ali kom igen.") == "[borger 9] kom. [borger 9] kom igen."
    assert known.apply("Nguyen Thi kom.") == "[borger 7] kom."  # her own names
    assert known.apply("Fatima Al-Khatib kom.") == "[samarbejdspartner 1] kom."
    assert known.apply("Fatima sagde det.") == "[navn] sagde det."  # which of the two?
    only_first = Pseudonymiser(pseudonyms={"Fatima": "[borger 3]"})
    assert only_first.apply("Fatima Ali kom.") == "[borger 3] kom."  # her surname, as far as we know
