"""Typer's (Click's) usage errors as kvaleval's one-line messages, in the run's language.

Click writes a usage error as a boxed, multi-line English text ("Missing argument
'corpus'."); the CLI promises one line, ``Fejl: [E9xx] ...``, in the chosen language.
Typer vendors Click, so the exception classes are found by name on Typer's own.
"""

from __future__ import annotations

import enum
import re
import typing
from pathlib import Path
from typing import Any

import typer

from kvaleval.errors import Errors, Texts

USAGE_ERROR: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
_EXTRA_ARGUMENTS = re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)$")
_NO_SUCH_COMMAND = re.compile(r"No such command '(?P<name>[^']*)'\.(?: Did you mean '(?P<guess>[^']*)'\?)?")


def usage_message(err: Any) -> str:
    """The message for a Click usage error: missing, invalid or unknown arguments and commands."""
    kind = type(err).__name__
    context = getattr(err, "ctx", None)
    command = context.info_name if context is not None and context.parent is not None else ""
    help_ = " ".join(["python -m kvaleval", *([command] if command else []), "--help"])
    param = getattr(err, "param", None)
    if kind == "MissingParameter" and param is not None:
        return Errors.E904.format(name=_name(param), help=help_)
    if kind == "BadParameter" and param is not None:
        return Errors.E905.format(name=_flag(param), detail=_detail(param, err), help=help_)
    if kind == "BadParameter" and str(err.message).startswith("[E"):  # one of ours, about a combination
        return str(err.message)
    if kind == "NoSuchOption":
        option = getattr(err, "option_name", "")
        if option == "--lang":
            hint = Texts.cli_lang_first.format(command=command or "code")
        else:
            guesses = getattr(err, "possibilities", None) or []
            hint = Texts.cli_did_you_mean.format(names=", ".join(guesses)) if guesses else ""
        return Errors.E906.format(option=option, hint=hint, help=help_)
    message = str(err.format_message())
    if kind == "BadOptionUsage" and message.endswith("requires an argument."):
        return Errors.E909.format(option=getattr(err, "option_name", "") or message.split("'")[1], help=help_)
    extra = _EXTRA_ARGUMENTS.match(message)
    if extra:
        return Errors.E910.format(arguments=extra.group(1), help=help_)
    found = _NO_SUCH_COMMAND.match(err.format_message())
    if found and context is not None:
        guess = found.group("guess")
        hint = Texts.cli_did_you_mean.format(names=guess) if guess else ""
        commands = ", ".join(sorted(getattr(context.command, "commands", {})))
        return Errors.E907.format(name=found.group("name"), hint=hint, commands=commands)
    return str(err.format_message())


def _flag(param: Any) -> str:
    """``KORPUS`` (``CORPUS`` in English) for an argument, as the usage line names it; ``--gold / -g``
    for an option."""
    if getattr(param, "param_type_name", "") == "argument":
        from kvaleval.cli._help_en import ARGUMENTS_EN
        from kvaleval.errors import get_language

        name = str(param.metavar or param.name).upper()
        return ARGUMENTS_EN.get(name, name) if get_language() == "en" else name
    return " / ".join(param.opts)


def _name(param: Any) -> str:
    kind = Texts.cli_argument if getattr(param, "param_type_name", "") == "argument" else Texts.cli_option
    return kind.format(name=_flag(param))


def annotated_kinds(param: Any) -> tuple[Any, ...]:
    """The types a Typer parameter is annotated with: ``(Path, NoneType)`` for ``Path | None``."""
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    return typing.get_args(annotation) or (annotation,)


def _detail(param: Any, err: Any) -> str:
    """What the value should be, from the parameter's annotation (Typer's parameters keep it)."""
    kinds = [kind for kind in annotated_kinds(param) if kind is not type(None)]
    if Path in kinds:  # ours (an empty path); Click checks nothing else of a plain Path
        return str(err.message)
    if int in kinds:
        return Texts.cli_whole_number
    if float in kinds:
        return Texts.cli_number
    choices = [kind for kind in kinds if isinstance(kind, type) and issubclass(kind, enum.Enum)]
    if choices:
        return Texts.cli_choice.format(choices=", ".join(str(member.value) for member in choices[0]))
    return str(err.format_message())
