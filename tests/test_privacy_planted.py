"""The planted test set: every planted item is replaced, ordinary words stay."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from kvaleval.privacy import Pseudonymiser

PLANTED = Path(__file__).parent / "data" / "privacy" / "planted.yaml"
DATA: dict[str, Any] = yaml.safe_load(PLANTED.read_text(encoding="utf-8"))
_CAPITALISED = re.compile(r"(?<![\w@.-])[A-ZÆØÅ][\w]*")


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    pattern = rf"(?<![\w]){re.escape(needle)}(?![\w])"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def test_privacy_planted_set_size() -> None:
    items = [entry for item in DATA["sentences"] for entry in item["planted"]]
    kinds = {entry["kind"] for entry in items}
    words = sum(len(item.get("keep", [])) for item in DATA["sentences"]) + sum(
        len(_CAPITALISED.findall(text)) for text in DATA["clean"])
    assert len(DATA["sentences"]) >= 40
    assert len(items) >= 150
    assert kinds == {"navn", "CPR", "telefon", "e-mail", "adresse", "klasse"}
    assert words >= 100


@pytest.mark.parametrize("item", DATA["sentences"], ids=lambda item: item["text"][:40])
def test_privacy_planted_items_replaced(item: dict[str, Any]) -> None:
    text = item["text"]
    pseudonymiser = Pseudonymiser(item.get("names", ()))
    output = pseudonymiser.apply(text)
    rows = list(pseudonymiser.report.itertuples(index=False))
    for entry in item["planted"]:
        occurrences = _occurrences(text, str(entry["text"]))
        assert occurrences, f"planted text {entry['text']!r} not in the sentence"
        for start, end in occurrences:
            covering = [r for r in rows if r.start <= start and end <= r.end]
            assert covering, f"{entry['text']!r} survived: {output!r}"
    for word in item.get("keep", []):
        assert _occurrences(output, str(word)), f"{word!r} was replaced: {output!r}"


@pytest.mark.parametrize("text", DATA["clean"], ids=lambda text: text[:40])
def test_privacy_clean_sentences_unchanged(text: str) -> None:
    assert Pseudonymiser().apply(text) == text


def test_privacy_planted_kinds_reported_correctly() -> None:
    wrong = []
    for item in DATA["sentences"]:
        pseudonymiser = Pseudonymiser(item.get("names", ()))
        pseudonymiser.apply(item["text"])
        rows = list(pseudonymiser.report.itertuples(index=False))
        for entry in item["planted"]:
            for start, end in _occurrences(item["text"], str(entry["text"])):
                kinds = {r.kind for r in rows if r.start <= start and end <= r.end}
                if entry["kind"] not in kinds:
                    wrong.append((entry["text"], kinds))
    assert not wrong
