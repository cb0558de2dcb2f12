"""A code's fields folded into one readable Danish ``Description`` text, and back.

REFI-QDA gives a code a name, a colour and one free-text description. kvaleval's
codes have more (definition, inclusion and exclusion criteria, examples, terms
with weights, near cues, a threshold). They are written as sections that read
well in NVivo, ATLAS.ti, MAXQDA or QualCoder::

    Etiket: Kapacitet og ventetid
    Definition: Udsagn om ...
      (continuation lines are indented two spaces)
    Inkluder: ...
    Ekskluder: ...
    Eksempler:
    - Der er lang ventetid
    Modeksempler:
    - ...
    Termer: kapacitet; =venteliste (vægt 2, negativ); lang ... ventetid (negativ)
    Ekskluderende termer: ...
    Nærhed: personale+mangel (8 ord, vægt 1.5)
    Tærskel: 1.5
    Mønstre: [[{"LOWER": "ventetid"}]]

and parsed back exactly. A description that does not start with one of these
headings is another tool's free text and becomes the code's definition.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

from kvaleval.records import Code, Codebook, NearCue, Term

LABEL, DEFINITION, INCLUDE, EXCLUDE = "Etiket", "Definition", "Inkluder", "Ekskluder"
EXAMPLES, COUNTER, TERMS, EXCLUDE_TERMS = (
    "Eksempler",
    "Modeksempler",
    "Termer",
    "Ekskluderende termer",
)
NEAR, THRESHOLD, PATTERNS, DEFAULT_VALENCE = "Nærhed", "Tærskel", "Mønstre", "Standardvalens"
_HEADINGS = (
    LABEL,
    DEFINITION,
    INCLUDE,
    EXCLUDE,
    EXAMPLES,
    COUNTER,
    TERMS,
    EXCLUDE_TERMS,
    NEAR,
    THRESHOLD,
    PATTERNS,
    DEFAULT_VALENCE,
)
_HEADING = re.compile(r"^(" + "|".join(re.escape(h) for h in _HEADINGS) + r"):(?: (.*))?$")
_INDENT = "  "
_SEPARATOR = "; "
_TERM = re.compile(r"^(.*) \(((?:vægt [-+0-9.,eE]+|positiv|negativ|blandet|neutral)"
                   r"(?:, (?:positiv|negativ|blandet|neutral))?)\)$")
_VALENCES = ("positiv", "negativ", "blandet")
_TERM_VALENCES = (*_VALENCES, "neutral")
_NEAR = re.compile(r"^(.*?) \((\d+) ord(?:, vægt ([-+0-9.,eE]+))?\)$")


def fold(code: Code) -> str:
    """The description text for ``code`` ('' when the code has nothing to say). A code that has
    only a definition (as one read from another tool's plain description) gets it as is, when
    :func:`unfold` reads it back the same."""
    if code.definition and not fold(replace(code, definition="")) and unfold(code.definition) == {
        "definition": code.definition
    }:
        return code.definition
    lines: list[str] = []
    if code.label and code.label != code.name:
        _scalar(lines, LABEL, code.label)
    for heading, value in (
        (DEFINITION, code.definition),
        (INCLUDE, code.include),
        (EXCLUDE, code.exclude),
    ):
        if value:
            _scalar(lines, heading, value)
    for heading, items in ((EXAMPLES, code.examples), (COUNTER, code.counterexamples)):
        if items:
            _list(lines, heading, items)
    if code.terms:
        _words(lines, TERMS, [_term_label(term) for term in code.terms])
    if code.exclude_terms:
        _words(lines, EXCLUDE_TERMS, list(code.exclude_terms))
    if code.near:
        _words(lines, NEAR, [_near_label(cue) for cue in code.near])
    if code.threshold != 1.0:
        lines.append(f"{THRESHOLD}: {number(code.threshold)}")
    if code.patterns:
        lines.append(f"{PATTERNS}: {json.dumps(list(code.patterns), ensure_ascii=False)}")
    if code.valence_default:
        lines.append(f"{DEFAULT_VALENCE}: {code.valence_default}")
    return "\n".join(lines)


def unfold(text: str) -> dict[str, Any]:
    """Parse a description written by :func:`fold` into :class:`Code` keyword arguments.

    Foreign text (or one that does not parse) becomes the definition as written, spaces and line
    breaks at its ends too: NVivo's and ATLAS.ti's descriptions go through unchanged.
    """
    return unfold_checked(text)[0]


def unfold_checked(text: str) -> tuple[dict[str, Any], str | None]:
    """:func:`unfold`, and what could not be read where the text has kvaleval's headings but does not
    parse (a threshold edited to 'høj' in another program): then the terms are lost, and that is said."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sections = _sections(text)
    if sections is None:
        return {"definition": text if text.strip() else ""}, None
    try:
        return _fields(sections), None
    except (ValueError, TypeError) as err:
        return {"definition": text}, str(err) or type(err).__name__


SETTINGS_LABEL, LEXICONS, LEMMAS, POSITIVE, NEGATIVE, CODES = (
    "Kodebog", "Ordlister", "Lemmaer", "Positive ord", "Negative ord", "Koder")
_SETTINGS_HEADING = re.compile(r"^(" + "|".join((SETTINGS_LABEL, LEXICONS, LEMMAS, POSITIVE, NEGATIVE, CODES))
                               + r"):(?: (.*))?$")


def fold_settings(codebook: Codebook, codes: dict[str, str] | None = None) -> str:
    """The codebook's own fields that no code holds (label, lexicons, lemma overrides, valence words)
    as a description text ('' when it has none), and ``codes`` (code name -> GUID) when given: what
    the codebook had when written, so that reading it back can say which codes another program
    renamed, merged or removed."""
    lines: list[str] = []
    if codebook.label:
        _scalar(lines, SETTINGS_LABEL, codebook.label)
    if codebook.lexicons:
        lines.append(f"{LEXICONS}: " + json.dumps({name: list(words) for name, words in codebook.lexicons},
                                                  ensure_ascii=False))
    if codebook.lemmas:
        lines.append(f"{LEMMAS}: " + json.dumps(dict(codebook.lemmas), ensure_ascii=False))
    for heading, words in ((POSITIVE, codebook.valence_positive), (NEGATIVE, codebook.valence_negative)):
        if words:
            _words(lines, heading, list(words))
    if codes:
        lines.append(f"{CODES}: " + json.dumps(codes, ensure_ascii=False))
    return "\n".join(lines)


def unfold_settings(text: str) -> dict[str, Any]:
    """:class:`Codebook` keyword arguments from a text written by :func:`fold_settings`.

    Raises
    ------
    ValueError
        If the text is not one :func:`fold_settings` writes.
    """
    sections = _sections(text.replace("\r\n", "\n").replace("\r", "\n"), _SETTINGS_HEADING)
    if sections is None:
        raise ValueError("not a kvaleval settings text")
    fields: dict[str, Any] = {}
    if SETTINGS_LABEL in sections:
        fields["label"] = _scalar_value(sections[SETTINGS_LABEL])
    if LEXICONS in sections:
        lexicons = json.loads(_scalar_value(sections[LEXICONS]))
        fields["lexicons"] = tuple((str(name), tuple(str(word) for word in words)) for name, words in lexicons.items())
    if LEMMAS in sections:
        lemmas = json.loads(_scalar_value(sections[LEMMAS]))
        fields["lemmas"] = tuple(sorted((str(form), str(lemma)) for form, lemma in lemmas.items()))
    if POSITIVE in sections:
        fields["valence_positive"] = tuple(_list_value(sections[POSITIVE]))
    if NEGATIVE in sections:
        fields["valence_negative"] = tuple(_list_value(sections[NEGATIVE]))
    if CODES in sections:  # not a Codebook field: split_settings takes it off
        codes = json.loads(_scalar_value(sections[CODES]))
        fields["codes"] = {str(name): str(guid).lower() for name, guid in codes.items()}
    return fields


def number(value: float) -> str:
    """A float written so that ``float()`` gives it back exactly; whole numbers without '.0'."""
    value = float(value)
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def _scalar(lines: list[str], heading: str, value: str) -> None:
    first, *rest = value.split("\n")
    lines.append(f"{heading}: {first}" if first else f"{heading}:")
    lines.extend(_INDENT + line if line else "" for line in rest)


def _list(lines: list[str], heading: str, items: tuple[str, ...] | list[str]) -> None:
    lines.append(f"{heading}:")
    for item in items:
        first, *rest = item.split("\n")
        lines.append(f"- {first}" if first else "-")
        lines.extend(_INDENT + line if line else "" for line in rest)


def _words(lines: list[str], heading: str, items: list[str]) -> None:
    """Short items on one line; as a list when an item would not survive that."""
    if any(";" in item or "\n" in item or item != item.strip() or not item for item in items):
        _list(lines, heading, items)
    else:
        lines.append(f"{heading}: {_SEPARATOR.join(items)}")


def _term_label(term: Term) -> str:
    """``=venteliste (vægt 2, negativ)``: '=' for exact, then weight and valence when not default."""
    label = ("=" if term.exact else "") + term.text
    extra = [f"vægt {number(term.weight)}"] if term.weight != 1.0 else []
    extra += [term.valence] if term.valence else []
    return f"{label} ({', '.join(extra)})" if extra else label


def _near_label(cue: NearCue) -> str:
    weight = "" if cue.weight == 1.0 else f", vægt {number(cue.weight)}"
    return f"{'+'.join(cue.words)} ({cue.window} ord{weight})"


@dataclass
class _Section:
    inline: str | None
    lines: list[str] = field(default_factory=list)


def _sections(text: str, headings: re.Pattern[str] = _HEADING) -> dict[str, _Section] | None:
    sections: dict[str, _Section] = {}
    current: _Section | None = None
    for line in text.split("\n"):
        match = headings.match(line)
        if match and match.group(1) not in sections:
            current = sections[match.group(1)] = _Section(match.group(2))
        elif current is None:
            if line.strip():
                return None
        else:
            current.lines.append(line)
    return sections or None


def _scalar_value(section: _Section) -> str:
    lines = [section.inline or ""]
    lines += [line.removeprefix(_INDENT) for line in _trim(section.lines)]
    return "\n".join(lines)


def _list_value(section: _Section) -> list[str]:
    items: list[str] = []
    if section.inline:
        items.extend(section.inline.split(_SEPARATOR))
    for line in _trim(section.lines):
        if line == "-" or line.startswith("- "):
            items.append(line[2:])
        elif items:
            items[-1] += "\n" + line.removeprefix(_INDENT)
        else:
            raise ValueError(line)
    return items


def _trim(lines: list[str]) -> list[str]:
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    return lines[:end]


def _fields(sections: dict[str, _Section]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    scalars = {LABEL: "label", DEFINITION: "definition", INCLUDE: "include", EXCLUDE: "exclude"}
    for heading, attribute in scalars.items():
        if heading in sections:
            fields[attribute] = _scalar_value(sections[heading])
    if EXAMPLES in sections:
        fields["examples"] = tuple(_list_value(sections[EXAMPLES]))
    if COUNTER in sections:
        fields["counterexamples"] = tuple(_list_value(sections[COUNTER]))
    if TERMS in sections:
        fields["terms"] = tuple(_parse_term(item) for item in _list_value(sections[TERMS]))
    if EXCLUDE_TERMS in sections:
        fields["exclude_terms"] = tuple(_list_value(sections[EXCLUDE_TERMS]))
    if NEAR in sections:
        fields["near"] = tuple(_parse_near(item) for item in _list_value(sections[NEAR]))
    if THRESHOLD in sections:
        fields["threshold"] = _float(_scalar_value(sections[THRESHOLD]))
    if PATTERNS in sections:
        patterns = json.loads(_scalar_value(sections[PATTERNS]))
        if not isinstance(patterns, list):
            raise TypeError("patterns")
        fields["patterns"] = tuple(patterns)
    if DEFAULT_VALENCE in sections:
        value = _scalar_value(sections[DEFAULT_VALENCE]).strip()
        if value not in _VALENCES:
            raise ValueError(value)
        fields["valence_default"] = value
    return fields


def _parse_term(item: str) -> Term:
    weight, valence = 1.0, None
    match = _TERM.match(item)
    if match:
        item = match.group(1)
        for part in match.group(2).split(", "):
            if part in _TERM_VALENCES:
                valence = part
            else:
                weight = _float(part.removeprefix("vægt "))
    exact = item.startswith("=")
    return Term(text=item[1:] if exact else item, weight=weight, exact=exact, valence=valence)


def _parse_near(item: str) -> NearCue:
    match = _NEAR.match(item)
    if not match:
        raise ValueError(item)
    weight = _float(match.group(3)) if match.group(3) else 1.0
    return NearCue(words=tuple(match.group(1).split("+")), window=int(match.group(2)), weight=weight)


def _float(text: str) -> float:
    return float(text.strip().replace(",", "."))
