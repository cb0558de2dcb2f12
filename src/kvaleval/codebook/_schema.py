"""The codebook and conclusions YAML schemas (pydantic, used only at this boundary)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from kvaleval.errors import Texts

CODE_NAME = r"^[a-zæøå0-9][a-zæøå0-9_\-]*$"
COLOR = r"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$"
"""``#RRGGBB``, or ``#RGB`` as CSS and REFI-QDA allow it (written out as ``#RRGGBB`` on reading)."""


_VALENCE_WORDS = {"positive": "positiv", "negative": "negativ", "mixed": "blandet", "neutral": "neutral"}
"""English valence words, read as the Danish ones the codings use ("valence: positive")."""


def danish_valence(value: Any) -> Any:
    """``positive`` -> ``positiv`` (and negative, mixed), ``Negativ`` -> ``negativ``; anything else as it is, for the
    pattern to judge."""
    if not isinstance(value, str):
        return value
    folded = value.strip().casefold()  # "Negativ", as a sentence begins
    return _VALENCE_WORDS.get(folded, folded if folded in _VALENCE_WORDS.values() else value)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False)


class TermModel(_Strict):
    term: str = Field(min_length=1)
    weight: float = 1.0
    valence: str | None = Field(default=None, pattern=r"^(positiv|negativ|neutral)$")

    _valence = field_validator("valence", mode="before")(danish_valence)


class NearModel(_Strict):
    words: list[str] = Field(min_length=1)
    window: int = Field(default=8, ge=1, le=100)
    weight: float = 1.0


class CodeModel(_Strict):
    name: str = Field(pattern=CODE_NAME)
    label: str = ""
    color: str | None = Field(default=None, pattern=COLOR)
    definition: str = ""
    include: str = ""
    exclude: str = ""
    examples: list[str] = []
    counterexamples: list[str] = []
    terms: list[str | TermModel] = []
    exclude_terms: list[str] = []
    near: list[NearModel] = []
    patterns: list[list[dict[str, Any]]] = []
    threshold: float = Field(default=1.0, gt=0)
    valence_default: str | None = Field(default=None, pattern=r"^(positiv|negativ|blandet)$")

    _valence_default = field_validator("valence_default", mode="before")(danish_valence)
    codable: bool = True
    children: list[CodeModel] = []

    @field_validator("color")
    @classmethod
    def _long_colour(cls, color: str | None) -> str | None:
        """``#3c6`` is ``#33CC66``: the charts and REFI-QDA's other programs get six digits."""
        if color is not None and len(color) == 4:
            return "#" + "".join(digit * 2 for digit in color[1:])
        return color

    @field_validator("terms")
    @classmethod
    def _terms_not_empty(cls, terms: list[str | TermModel]) -> list[str | TermModel]:
        for term in terms:
            text = term if isinstance(term, str) else term.term
            if not text.strip(" =."):
                raise ValueError(Texts.term_empty)
        return terms


class ValenceModel(_Strict):
    positive: list[str] = []
    negative: list[str] = []


class CodebookModel(_Strict):
    name: str = Field(min_length=1)
    label: str = ""
    language: str = "da"
    description: str = ""
    lemmas: dict[str, str] = {}
    lexicons: dict[str, list[str]] = {}
    valence: ValenceModel = ValenceModel()
    codes: list[CodeModel] = Field(min_length=1)


class ConclusionModel(_Strict):
    id: str = Field(min_length=1)

    @field_validator("id", mode="before")
    @classmethod
    def _number_as_id(cls, value: object) -> object:
        """``id: 1`` is the id "1", as a user numbering the conclusions means it."""
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    statement: str = Field(min_length=1)
    themes: list[str] = Field(min_length=1)
    groups: list[str] = []

    @field_validator("themes", "groups", mode="before")
    @classmethod
    def _one_as_a_list(cls, value: object) -> object:
        """``groups: borger`` is a list of one, as ``where:`` takes it; a number is its text (``groups: [1, 2]``,
        a survey's groups numbered), as for ``id``."""
        listed = [value] if isinstance(value, str | int) and not isinstance(value, bool) else value
        if not isinstance(listed, list):
            return value  # the type check says what is wrong
        return [str(item) if isinstance(item, int) and not isinstance(item, bool) else item for item in listed]
    where: dict[str, list[str]] = {}

    @field_validator("where", mode="before")
    @classmethod
    def _values_as_lists(cls, value: object) -> object:
        """``where: {role: afdelingsbestyrelse}`` is a one-value list; a number is its text."""
        if not isinstance(value, dict):
            return value  # the type check says what is wrong
        lists = {}
        for attribute, values in value.items():
            listed = values if isinstance(values, list) else [values]
            texts = [str(item).strip() for item in listed if str(item).strip()]
            if not str(attribute).strip() or not texts:
                raise ValueError(f"'{attribute}' skal have mindst én værdi")
            lists[str(attribute).strip()] = texts
        return lists

    valence: str | None = Field(default=None, pattern=r"^(positiv|negativ|blandet)$")
    match: str = Field(default="any", pattern=r"^(any|all)$")

    _valence = field_validator("valence", mode="before")(danish_valence)
    min_respondents: int = Field(default=1, ge=1)  # 0 would call a conclusion no one states "supported"
    notes: str = ""


class ConclusionsModel(_Strict):
    conclusions: list[ConclusionModel] = Field(min_length=1)
