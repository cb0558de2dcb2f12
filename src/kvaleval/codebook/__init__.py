"""Codebook and conclusions files -> frozen records, with every problem reported at once."""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, cast

from pydantic import BaseModel, ValidationError

from kvaleval.codebook._schema import (
    CodebookModel,
    CodeModel,
    ConclusionsModel,
    TermModel,
)
from kvaleval.codebook._yaml import LocatedYaml, load_yaml
from kvaleval.errors import CodebookError, Errors, Texts, Warnings, warn
from kvaleval.records import BUILTIN_LEXICONS, Code, Codebook, Conclusion, NearCue, Term

__all__ = ["read_codebook", "read_conclusions"]

_HINTS = {  # pydantic's error type -> the name of its hint in Texts (read when shown, in the current language)
    "missing": "hint_missing",
    "extra_forbidden": "hint_extra_forbidden",
    "string_type": "hint_string_type",
    "float_parsing": "hint_float_parsing",
    "int_parsing": "hint_int_parsing",
    "list_type": "hint_list_type",
    "dict_type": "hint_dict_type",
    "too_short": "hint_too_short",
    "string_too_short": "hint_string_too_short",
    "model_type": "hint_model_type",
    "greater_than": "hint_greater_than",
    "greater_than_equal": "hint_greater_than_equal",
}
_PATTERN_HINTS = {"name": "hint_name", "color": "hint_color", "valence": "hint_valence"}


def read_codebook(path: str | Path) -> Codebook:
    """Read a YAML codebook (or a REFI-QDA ``.qdc`` codebook).

    Raises
    ------
    CodebookError
        If the file is missing, not YAML, or breaks the format of
        ``docs/codebook.md``; the message lists every problem with its line and field.

    Examples
    --------
    >>> import kvaleval as kv
    >>> codebook = kv.read_codebook("codebooks/vollsmose.yaml")   # doctest: +SKIP
    >>> codebook.names                                              # doctest: +SKIP
    ('relevans', 'kendskab', 'civilsamfund', 'kapacitet')
    """
    from kvaleval._checks import check_path

    check_path(path, function="kv.read_codebook", argument="path", expected=Texts.arg_codebook_path,
               hint=Texts.arg_codebook_yaml)
    path = Path(path)
    shown = str(path)
    if path.is_dir():
        raise CodebookError(Errors.E209.format(path=shown, kind=Texts.kind_codebook_file,
                                               found=_files_in(path, (".yaml", ".yml", ".qdc"))))
    if not path.is_file():
        raise CodebookError(Errors.E201.format(path=shown, hint=_missing_hint(path, (".yaml", ".yml", ".qdc"))))
    suffix = path.suffix.lower()
    if suffix == ".qdc":
        from kvaleval.refi import read_qdc

        codebook: Codebook = read_qdc(path)
        return codebook
    if suffix not in (".yaml", ".yml"):
        raise CodebookError(Errors.E207.format(suffix=suffix, path=shown))
    located = load_yaml(path, shown=shown)
    if not isinstance(located.data, dict):
        raise CodebookError(Errors.E204.format(path=shown))
    model = cast(CodebookModel, _validate(CodebookModel, located.data, located, shown))
    _check_unique_names(model.codes, located, shown)
    _check_unquoted_colours(located, shown)
    codes = tuple(_flatten(model.codes, parent=None))
    for code in codes:
        if code.codable and not (code.terms or code.near or code.patterns):
            warn(Warnings.W201.format(path=shown, code=code.name))
        unused = [name for name, items in (("terms", code.terms), ("near", code.near), ("patterns", code.patterns),
                                           ("exclude_terms", code.exclude_terms)) if items]
        if not code.codable and unused:
            warn(Warnings.W203.format(path=shown, code=code.name, what=", ".join(unused)))
    _warn_near_words_like_lexicons(codes, model.lexicons, shown)
    _warn_term_mistakes(codes, shown)
    if model.language.strip().casefold() not in ("da", "dansk", "danish", "da-dk"):
        warn(Warnings.W205.format(path=shown, language=model.language))
    return Codebook(
        name=model.name,
        label=model.label,
        language=model.language,
        codes=codes,
        lemmas=tuple(sorted((k.lower(), v.lower()) for k, v in model.lemmas.items())),
        lexicons=tuple((name, tuple(words)) for name, words in model.lexicons.items()),
        valence_positive=tuple(model.valence.positive),
        valence_negative=tuple(model.valence.negative),
        path=shown,
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
    )


def _missing_hint(path: Path, suffixes: tuple[str, ...]) -> str:
    """What to do about a file that is not there: the file beside it with the nearest name (a typo,
    ``vollsmose.yml`` for ``vollsmose.yaml``), else where a relative path was looked for."""
    folder = path.parent
    names = _names_in(folder, suffixes) if folder.is_dir() else []
    near = difflib.get_close_matches(path.name, names, n=1, cutoff=0.6)
    if near:
        return Texts.hint_mean_file.format(path=folder / near[0] if str(folder) != "." else near[0])
    return Texts.hint_check_path.format(absolute=path.absolute(), cwd=Path.cwd())


def _names_in(folder: Path, suffixes: tuple[str, ...]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_file() and p.suffix.lower() in suffixes)


def _files_in(folder: Path, suffixes: tuple[str, ...]) -> str:
    """The files a folder given for a file holds that could be meant (``codebooks/`` for the codebook)."""
    names = _names_in(folder, suffixes)
    return Texts.hint_folder_holds.format(names=", ".join(names[:5])) if names else ""


def read_conclusions(path: str | Path, *, codebook: Codebook | None = None) -> list[Conclusion]:
    """Read a conclusions YAML file: a list of conclusions (or a mapping with ``conclusions:``).

    When ``codebook`` is given, every theme a conclusion names must be one of its codes.

    Raises
    ------
    CodebookError
        If the file is missing or invalid, naming line and field.
    """
    from kvaleval._checks import check_path

    check_path(path, function="kv.read_conclusions", argument="path",
               expected=Texts.arg_conclusions_path)
    path = Path(path)
    shown = str(path)
    if path.is_dir():
        raise CodebookError(Errors.E209.format(path=shown, kind=Texts.kind_conclusions_file,
                                               found=_files_in(path, (".yaml", ".yml"))))
    if not path.is_file():
        raise CodebookError(Errors.E205.format(path=shown, hint=_missing_hint(path, (".yaml", ".yml"))))
    if path.suffix.lower() not in (".yaml", ".yml"):  # the indicators given as --conclusions
        raise CodebookError(Errors.E210.format(path=shown, suffix=path.suffix.lower() or Texts.none))
    located = load_yaml(path, shown=shown)
    data = located.data
    prefix: tuple[str, ...] = ()
    if isinstance(data, dict) and "conclusions" in data:
        prefix = ("conclusions",)
    else:
        data = {"conclusions": data}
    _ids_as_written(data["conclusions"], located, prefix)
    twice = _ids_twice(data["conclusions"], located, prefix)
    model = cast(ConclusionsModel, _validate(ConclusionsModel, data, located, shown, prefix_given=bool(prefix),
                                             docs="docs/appendix.md", more=twice))
    conclusions = [
        Conclusion(
            id=item.id,
            statement=item.statement,
            themes=tuple(item.themes),
            groups=tuple(item.groups),
            valence=item.valence,
            min_respondents=item.min_respondents,
            notes=item.notes,
            where=tuple((attribute, tuple(values)) for attribute, values in item.where.items()),
            match=item.match,
        )
        for item in model.conclusions
    ]
    if codebook is not None:
        problems = []
        for index, conclusion in enumerate(conclusions):
            line = located.line([*prefix, index, "themes"])
            where = f"{shown}, {Texts.line.format(line=line)}" if line else shown
            problems += _unknown_themes([conclusion], codebook, shown=where)
        if problems:  # all of them at once: a second run should not find the next one
            raise CodebookError("\n".join(problems))
        conclusions = resolve_themes(conclusions, codebook)
    return conclusions


def _ids_as_written(items: Any, located: LocatedYaml, prefix: tuple[str, ...]) -> None:
    """A conclusion numbered as a report's sections, ``id: 1.10``, is the id "1.10" as written: YAML
    loads it as the number 1.1, which was refused ("skal være tekst") and taken for the id of ``1.1``."""
    if not isinstance(items, list):
        return
    for index, item in enumerate(items):
        if isinstance(item, dict) and isinstance(item.get("id"), float):
            item["id"] = located.written([*prefix, index, "id"]) or item["id"]


def _ids_twice(items: Any, located: LocatedYaml, prefix: tuple[str, ...]) -> list[tuple[int, str]]:
    """``(line, problem)`` for every conclusion whose id an earlier one has (``7`` and ``"7"`` alike):
    tables and quotes are keyed by the id, so two would mix their evidence. Found before the other
    checks, so that they are all reported at once."""
    if not isinstance(items, list):
        return []
    first: dict[str, int] = {}
    problems = []
    for index, item in enumerate(items):
        if not isinstance(item, dict) or item.get("id") is None:
            continue
        key = str(item["id"]).strip()
        location: list[str | int] = [*prefix, index, "id"]
        line = located.line(location) or 0
        if key in first:
            where = Texts.line_field.format(line=line or "?", field=_field_path(location))
            problems.append((line, f"  {where}: " + Texts.conclusion_id_twice.format(id=key, other=first[key] or "?")))
        else:
            first[key] = line
    return problems


def resolve_themes(conclusions: Iterable[Conclusion], codebook: Codebook) -> list[Conclusion]:
    """The conclusions with each grouping code (``codable: false``) among their themes replaced by the
    codes under it that are applied: a grouping code itself codes nothing, and a conclusion about
    it is about any of its codes (as NVivo aggregates a parent's children)."""
    resolved = []
    for conclusion in themes_by_name(conclusions, codebook):
        # resolved once: the themes as named, each a set of codes ("indsatser": any initiative), for match: all
        sets = conclusion.all_of or tuple(codebook.applied(theme) if theme in codebook else (theme,)
                                          for theme in conclusion.themes)
        themes = [code for codes in sets for code in codes]
        resolved.append(dataclasses.replace(conclusion, themes=tuple(dict.fromkeys(themes)), all_of=sets))
    return resolved


def check_conclusion_themes(conclusions: Iterable[Conclusion], codebook: Codebook, *, shown: str) -> None:
    """Raise E206, one line per conclusion, if any conclusion names a theme the codebook lacks."""
    problems = _unknown_themes(conclusions, codebook, shown=shown)
    if problems:
        raise CodebookError("\n".join(problems))


def themes_by_name(conclusions: Iterable[Conclusion], codebook: Codebook) -> list[Conclusion]:
    """The conclusions with a theme written as the appendix names it, by its label and in any case
    (``Udbytte for børnene``, ``Kapacitet``), as the code it names: a conclusion is written from the tables.
    A label two codes share, or no code has, stays as written (E206 names it)."""
    names = {code.name: code.name for code in codebook.codes}
    labels: dict[str, list[str]] = {}
    for code in codebook.codes:
        for written in {code.name.casefold(), code.display.casefold()}:
            labels.setdefault(written, []).append(code.name)
    def named(theme: str) -> str:
        found = labels.get(theme.strip().casefold(), [])
        return names.get(theme) or (found[0] if len(found) == 1 else theme)
    return [conclusion if conclusion.all_of or all(theme in names for theme in conclusion.themes) else
            dataclasses.replace(conclusion, themes=tuple(dict.fromkeys(map(named, conclusion.themes))))
            for conclusion in conclusions]


def _unknown_themes(conclusions: Iterable[Conclusion], codebook: Codebook, *, shown: str) -> list[str]:
    return [Errors.E206.format(path=shown, conclusion=conclusion.id, themes=unknown, codes=list(codebook.names),
                               labels=[code.display for code in codebook.codes])
            for conclusion in themes_by_name(conclusions, codebook)
            if (unknown := [theme for theme in conclusion.themes if theme not in codebook])]


def _check_unquoted_colours(located: LocatedYaml, shown: str) -> None:
    """``color: #3D5A80`` without quotes is a YAML comment: the colour would be dropped without a word."""
    problems = ["  " + Texts.unquoted_colour.format(line=number, colour=(text.split("#", 1)[1].split() or [""])[0])
                for number, text in enumerate(located.lines, start=1) if _UNQUOTED_COLOUR.match(text)]
    if problems:
        raise CodebookError(Errors.E203.format(path=shown, n=len(problems), problems="\n".join(problems)))


def _warn_near_words_like_lexicons(codes: Iterable[Code], lexicons: dict[str, list[str]], shown: str) -> None:
    """A near-cue word that is not a lexicon is the word itself; one spelled almost like a lexicon's name
    was most likely meant as that lexicon."""
    import difflib

    names = [*lexicons, *BUILTIN_LEXICONS]
    for code in codes:
        for cue in code.near:
            for word in cue.words:
                if word.lower() in names:
                    continue
                close = difflib.get_close_matches(word.lower(), names, n=1, cutoff=0.85)
                if close:
                    warn(Warnings.W202.format(path=shown, code=code.name, word=word, lexicon=close[0]))


def _warn_term_mistakes(codes: Iterable[Code], shown: str) -> None:
    """Terms that never add evidence or are given twice, as a newcomer writes them without
    noticing: in the code's own ``exclude_terms``, twice in one code, with weight 0. (A term in
    two themes may be meant; ``kvaleval check`` lists those.)"""
    for code in codes:
        labels = [term.label.lower() for term in code.terms]
        excluded = {word.lower() for word in code.exclude_terms}
        dead = [label for label in dict.fromkeys(labels) if label in excluded]
        doubled = [label for label, count in Counter(labels).items() if count > 1]
        weightless = [term.label for term in code.terms if term.weight == 0]
        for kind, found in (("dead", dead), ("doubled", doubled), ("weightless", weightless)):
            if found:
                warn(Warnings.W204.format(path=shown, code=code.name, terms=found,
                                          problem=getattr(Texts, f"term_{kind}")))


def _check_unique_names(models: list[CodeModel], located: LocatedYaml, shown: str) -> None:
    """Every code name once (children included); all names used twice are reported, with lines."""
    first: dict[str, int | None] = {}
    problems: list[str] = []
    stack: list[tuple[list[str | int], CodeModel]] = [(["codes", i], code) for i, code in enumerate(models)]
    stack.reverse()
    while stack:
        location, code = stack.pop()
        line = located.line([*location, "name"])
        if code.name in first:
            where = Texts.line_field.format(line=line if line is not None else "?",
                                            field=_field_path([*location, "name"]))
            problems.append(f"  {where}: " + Texts.code_name_twice.format(name=code.name,
                                                                          first=first[code.name] or "?"))
        else:
            first[code.name] = line
        stack.extend(([*location, "children", j], child) for j, child in reversed(list(enumerate(code.children))))
    if problems:
        raise CodebookError(Errors.E203.format(path=shown, n=len(problems), problems="\n".join(problems)))


def _flatten(models: list[CodeModel], parent: str | None) -> Iterable[Code]:
    for model in models:
        yield Code(
            name=model.name,
            label=model.label,
            definition=model.definition,
            include=model.include,
            exclude=model.exclude,
            examples=tuple(model.examples),
            counterexamples=tuple(model.counterexamples),
            terms=tuple(_term(term) for term in model.terms),
            exclude_terms=tuple(model.exclude_terms),
            near=tuple(NearCue(tuple(n.words), n.window, n.weight) for n in model.near),
            patterns=tuple(model.patterns),
            threshold=model.threshold,
            color=model.color.upper() if model.color else None,
            parent=parent,
            valence_default=model.valence_default,
            codable=model.codable,
        )
        yield from _flatten(model.children, parent=model.name)


def _term(item: str | TermModel) -> Term:
    if isinstance(item, str):
        text, weight, valence = item, 1.0, None
    else:
        text, weight, valence = item.term, item.weight, item.valence
    exact = text.startswith("=")
    return Term(text=" ".join(text.lstrip("=").split()), weight=weight, exact=exact, valence=valence)


_DECIMAL_COMMA = re.compile(r"\d,\d")
_UNQUOTED_COLOUR = re.compile(r"^\s*(?:-\s+)?colou?r\s*:\s*#")


def _validate(
    model: type[BaseModel], data: Any, located: LocatedYaml, shown: str, *, prefix_given: bool = True,
    docs: str = "docs/codebook.md", more: Sequence[tuple[int, str]] = (),
) -> BaseModel:
    """``data`` as ``model``, or E203 with every problem, by line: pydantic's and ``more`` (a
    caller's own, ``(line, text)``)."""
    try:
        validated = model.model_validate(data)
    except ValidationError as err:
        problems: list[Any] = list(more)
        errors = []
        for error in err.errors():
            # Union branches add their type name to the location ("str", "TermModel"): drop it.
            location = [part for part in error["loc"] if not _is_union_tag(part)]
            if not prefix_given and location and location[0] == "conclusions":
                location = location[1:]
            errors.append((location, error))
        locations = [tuple(location) for location, _ in errors]
        shown_at: set[tuple[Any, ...]] = set()
        for location, error in errors:
            more_specific = any(len(o) > len(location) and o[: len(location)] == tuple(location) for o in locations)
            if more_specific or tuple(location) in shown_at:
                continue  # a union's branches each say why not ("skal være tekst", "... en mapping"): once
            if locations.count(tuple(location)) > 1:
                error = {**error, "type": "model_type"}
            shown_at.add(tuple(location))
            line = located.line(location)
            field = _field_path(location)
            hint = _hint(error, model).replace("docs/codebook.md", docs)
            if _DECIMAL_COMMA.search(located.text_of(line)):
                hint += "; " + Texts.decimal_comma
            where = Texts.line_field.format(line=line if line is not None else "?", field=field)
            problems.append((line or 0, f"  {where}: {_message(error)} — {hint}"))
        problems = [text for _, text in sorted(problems, key=lambda item: item[0])]
        message = Errors.E203.format(path=shown, n=len(problems), problems="\n".join(problems))
        raise CodebookError(message) from None
    if more:
        problems = [text for _, text in sorted(more, key=lambda item: item[0])]
        raise CodebookError(Errors.E203.format(path=shown, n=len(problems), problems="\n".join(problems)))
    return validated


def _is_union_tag(part: str | int) -> bool:
    """Union branches add their type to an error's location ("str", "constrained-str", "TermModel")."""
    return isinstance(part, str) and (part[:1].isupper() or part.split("-")[-1] in ("str", "int", "float", "bool"))


def _field_path(location: list[str | int]) -> str:
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or Texts.top_level


def _hint(error: Any, model: type[BaseModel]) -> str:
    kind = error["type"]
    field = next((part for part in reversed(error["loc"]) if isinstance(part, str)), "")
    if kind == "string_pattern_mismatch":
        words = re.fullmatch(r"\^\(([a-zæøå|]+)\)\$", str((error.get("ctx") or {}).get("pattern", "")))
        if words:  # a choice of words: name exactly those (a term's valence has no 'blandet')
            choices = words.group(1).split("|")
            either = f" {Texts.or_} "
            listed = either.join(choices) if len(choices) < 3 else ", ".join(choices[:-1]) + either + choices[-1]
            return Texts.hint_use.format(choices=listed)
        return getattr(Texts, _PATTERN_HINTS.get(field, "hint_docs"))
    template = getattr(Texts, _HINTS.get(kind, "hint_docs"))
    allowed = _allowed_fields(model, error["loc"])
    hint = template.format(allowed=", ".join(allowed), **_context(error))
    close = difflib.get_close_matches(field, allowed, n=1, cutoff=0.75) if kind == "extra_forbidden" else []
    return hint + (Texts.hint_did_you_mean.format(name=close[0]) if close else "")


def _message(error: Any) -> str:
    """What is wrong, in the current language; for a check of ours (a ValueError), our text without
    pydantic's 'Value error, '; pydantic's English only for a kind of error not translated."""
    if error["type"] == "value_error" and (error.get("ctx") or {}).get("error") is not None:
        return str(error["ctx"]["error"])
    name = f"problem_{error['type']}"
    if hasattr(Texts, name):
        return str(getattr(Texts, name)).format(**_context(error))
    return str(error["msg"])


def _context(error: Any) -> dict[str, str]:
    """The limits an error names (``ge``, ``gt``), as text for the messages."""
    context = error.get("ctx") or {}
    return {"ge": str(context.get("ge", "")), "gt": str(context.get("gt", ""))}


def _allowed_fields(model: type[BaseModel], location: tuple[Any, ...]) -> list[str]:
    current: Any = model
    for part in location[:-1]:
        if isinstance(part, int) or current is None or part == current.__name__:  # a union member's tag
            continue
        field = current.model_fields.get(part)
        if field is None:
            break
        current = _model_in(field.annotation)
    return sorted(current.model_fields) if current is not None else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model inside an annotation, also within lists and unions (``list[str | TermModel]``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for inner in getattr(annotation, "__args__", ()):
        found = _model_in(inner)
        if found is not None:
            return found
    return None
