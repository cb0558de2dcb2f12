"""Argument checks for the Python API: a wrong argument gets an error that names it, says what it
got and what to pass, instead of an AttributeError from deep inside."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from kvaleval.errors import ArgumentError, Errors, Texts


def describe(value: Any) -> str:
    """What a value is, briefly: ``str 'corpus/'``, ``DataFrame (12 rows)``, ``None``."""
    if value is None:
        return "None"
    kind = type(value).__name__
    if hasattr(value, "shape") and hasattr(value, "columns"):
        return f"{kind} ({Texts.rows.format(n=len(value))})"
    if isinstance(value, str | bytes | int | float | os.PathLike):
        text = repr(os.fspath(value) if isinstance(value, os.PathLike) else value)
        return f"{kind} {text if len(text) <= 80 else text[:77] + '...'}"
    return kind


def check(value: Any, accepted: type | tuple[type, ...], *, function: str, argument: str, expected: str,
          hints: Iterable[tuple[type | tuple[type, ...], str]] = (), hint: str = "") -> None:
    """Raise :class:`ArgumentError` (E310) unless ``value`` is one of ``accepted``; the first of
    ``hints`` whose type matches the value says what to do (a path: read it first)."""
    if isinstance(value, accepted) and not (isinstance(value, bool) and bool not in _as_tuple(accepted)):
        return
    chosen = next((text for kinds, text in hints if isinstance(value, kinds)), hint)
    raise ArgumentError(Errors.E311.format(function=function, argument=argument, expected=expected,
                                           got=describe(value), hint=chosen).rstrip())


def check_path(value: Any, *, function: str, argument: str, expected: str, hint: str = "") -> None:
    """A file or folder path: ``str`` or ``os.PathLike``."""
    check(value, (str, os.PathLike), function=function, argument=argument, expected=expected, hint=hint)


def _as_tuple(accepted: type | tuple[type, ...]) -> tuple[type, ...]:
    return accepted if isinstance(accepted, tuple) else (accepted,)


PATH = (str, os.PathLike)


def check_conclusions(value: Any, *, function: str) -> list[Any]:
    """A list of :class:`kvaleval.Conclusion` (a path is read by the caller, or refused here)."""
    from kvaleval.records import Conclusion

    hint_path = Texts.arg_read_conclusions_first
    if isinstance(value, PATH) or not isinstance(value, Iterable) or isinstance(value, dict):
        check(value, list, function=function, argument="conclusions",
              expected=Texts.arg_conclusions_list,
              hints=[(PATH, hint_path), (dict, Texts.arg_conclusions_not_dict)])
    items = list(value)
    for item in items:
        check(item, Conclusion, function=function, argument="conclusions",
              expected=Texts.arg_conclusions_list,
              hints=[(dict, Texts.arg_conclusion_make)],
              hint=hint_path)
    return items
