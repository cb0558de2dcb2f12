"""The typer application every command module registers on."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any

import typer
from typer import rich_utils
from typer.core import TyperCommand, TyperGroup

# The help page's own words in Danish, as the option texts are (Typer reads these when it draws the page).
rich_utils.ARGUMENTS_PANEL_TITLE = "Argumenter"
rich_utils.OPTIONS_PANEL_TITLE = "Tilvalg"
rich_utils.COMMANDS_PANEL_TITLE = "Kommandoer"
rich_utils.REQUIRED_LONG_STRING = "[påkrævet]"
rich_utils.DEFAULT_STRING = "[standard: {}]"
HELP_OPTION = "Vis denne hjælp og afslut."
USAGE = "Brug: "
_USAGE_WORDS = {"[OPTIONS]": "[TILVALG]", "COMMAND [ARGS]...": "KOMMANDO [ARGUMENTER]..."}


def _english() -> bool:
    from kvaleval.errors import get_language

    return get_language() == "en"


class _DanishHelp:
    """Click's "Usage:" and "Show this message and exit." in Danish (Click has no setting for them);
    the whole page in English in an English run (``--lang en`` before the command, or KVALEVAL_LANG=en)."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        # Typer writes a required argument as {KORPUS}; the usage convention (and our docs) is KORPUS
        # (CORPUS in English: format_help draws the page with the English names)
        words = {} if _english() else _USAGE_WORDS
        pieces = [words.get(piece, piece) for piece in super().collect_usage_pieces(ctx)]  # type: ignore[misc]
        return [re.sub(r"^\{(.+)\}(\.\.\.)?$", r"\1\2", piece) for piece in pieces]

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        from kvaleval.cli._help_en import USAGE_EN

        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=USAGE_EN if _english() else USAGE)

    def get_help_option(self, ctx: Any) -> Any:
        from kvaleval.cli._help_en import HELP_OPTION_EN

        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION_EN if _english() else HELP_OPTION
        return option

    def format_help(self, ctx: Any, formatter: Any) -> None:
        with _value_words(self.get_params(ctx)):  # type: ignore[attr-defined]
            if not _english():
                super().format_help(ctx, formatter)  # type: ignore[misc]
                return
            with _english_page(self):
                super().format_help(ctx, formatter)  # type: ignore[misc]


# What an option's value is, as the help page shows it: Typer writes the Python type (<bool> beside
# --help and every flag, as if it took a value; <list[str]> for a repeatable option; <str>, <path>).
_VALUE_WORDS = {"path": "sti", "Path": "sti", "str": "tekst", "int": "tal"}
_VALUE_WORDS_EN = {"path": "path", "Path": "path", "str": "text", "int": "number"}


@contextlib.contextmanager
def _value_words(params: list[Any]) -> Iterator[None]:
    """Each parameter's value on the help page in the page's language (``<sti>``, ``<tekst>``,
    ``<tal>``), a repeatable option's as one value (its help says to repeat it), a flag's not at all."""
    def shown(param: Any, ctx: Any) -> str | None:
        if getattr(param, "is_flag", False):
            return None
        label = type(param).display_type_rich(param, ctx)
        if label is None:
            return None
        words = _VALUE_WORDS_EN if _english() else _VALUE_WORDS
        label = re.sub(r"^<list\[(.+)\]>$", r"<\1>", label)
        return re.sub(r"<(\w+)>", lambda found: f"<{words.get(found.group(1), found.group(1))}>", label)

    patched = [param for param in params if hasattr(param, "display_type_rich")]
    try:
        for param in patched:
            param.display_type_rich = lambda ctx, param=param: shown(param, ctx)
        yield
    finally:
        for param in patched:
            del param.display_type_rich


@contextlib.contextmanager
def _english_page(command: Any) -> Iterator[None]:
    """The help texts of ``command``, its parameters and its subcommands, and the page's own
    words, in English while the page is drawn; then as declared (Danish)."""
    from kvaleval.cli._help_en import ARGUMENTS_EN, HELP_EN, PAGE_EN

    texts = [command, *getattr(command, "params", ()), *getattr(command, "commands", {}).values()]
    saved = [(item, item.help) for item in texts if isinstance(getattr(item, "help", None), str)]
    arguments = [(param, param.metavar) for param in getattr(command, "params", ()) if param.metavar in ARGUMENTS_EN]
    page = {name: getattr(rich_utils, name) for name in PAGE_EN}
    try:
        for item, text in saved:
            item.help = HELP_EN.get(text, text)
        for param, name in arguments:
            param.metavar = ARGUMENTS_EN[name]
        for name, value in PAGE_EN.items():
            setattr(rich_utils, name, value)
        yield
    finally:
        for item, text in saved:
            item.help = text
        for param, name in arguments:
            param.metavar = name
        for name, value in page.items():
            setattr(rich_utils, name, value)


class DanishCommand(_DanishHelp, TyperCommand):
    """A command whose help page is Danish throughout."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from kvaleval.cli._usage import USAGE_ERROR

        _refuse_empty_paths(self, ctx, args)
        try:
            return super().parse_args(ctx, args)
        except USAGE_ERROR as err:
            # Click's parser raises "--out requires an argument" without the command, so E909 pointed
            # to 'python -m kvaleval --help' rather than to the command's own help
            if getattr(err, "ctx", None) is None:
                err.ctx = ctx  # type: ignore[attr-defined]
            raise


def _refuse_empty_paths(command: Any, ctx: Any, args: list[str]) -> None:
    """An empty path (``code ""``, an unset shell variable) is refused: Click reads it as ``.``,
    and ``code ""`` coded whatever the current folder held."""
    options = {opt: param for param in command.params for opt in getattr(param, "opts", ())
               if getattr(param, "param_type_name", "") == "option"}
    arguments = [param for param in command.params if getattr(param, "param_type_name", "") == "argument"]
    position = 0
    previous: Any = None
    for arg in args:
        if arg == "--":
            break
        name, _, glued = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in options and not options[name].is_flag:
            if glued == "" and "=" in arg:
                _empty_path_check(ctx, options[name], "")
            previous = None if "=" in arg else options[name]
            continue
        if previous is not None:
            _empty_path_check(ctx, previous, arg)
        elif not arg.startswith("-") and position < len(arguments):
            _empty_path_check(ctx, arguments[position], arg)
            position += 1
        previous = None


def _empty_path_check(ctx: Any, param: Any, value: str) -> None:
    from pathlib import Path

    from kvaleval.cli._usage import annotated_kinds
    from kvaleval.errors import Texts

    if value.strip() or Path not in annotated_kinds(param):
        return

    raise typer.BadParameter(Texts.cli_empty_path, ctx=ctx, param=param)


class DanishGroup(_DanishHelp, TyperGroup):
    """The command group, likewise; its commands listed in the order of the work (as in README.md), not
    in the order their modules happen to be imported (agreement first, code third, sheet last)."""

    def list_commands(self, ctx: Any) -> list[str]:
        names: list[str] = super().list_commands(ctx)
        return sorted(names, key=lambda name: COMMAND_ORDER.index(name) if name in COMMAND_ORDER else len(names))


COMMAND_ORDER = ("code", "check", "sheet", "agreement", "evaluate", "train", "review", "export-qdpx")


app = typer.Typer(
    name="kvaleval",
    help="Kodning og syntese af kvalitativt evalueringsmateriale (dansk først, offline).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=DanishGroup,
)


class Language(StrEnum):
    """The languages of messages and of the appendix (``kvaleval.errors.LANGUAGES``)."""

    da = "da"
    en = "en"


def _set_language(lang: Language | None) -> Language | None:
    if lang is not None:
        from kvaleval.errors import set_language

        set_language(lang.value)
    return lang


@app.callback()
def _root(
    lang: Annotated[Language | None, typer.Option(
        "--lang", case_sensitive=False, is_eager=True, callback=_set_language,  # eager: before --help
        help="Sprog i fejl, advarsler, statuslinjer og bilaget: da (dansk, standard) eller en "
             "(engelsk). Uden --lang gælder KVALEVAL_LANG.")] = None,
) -> None:
    """Kodning og syntese af kvalitativt evalueringsmateriale (dansk først, offline)."""
    _notes_not_tracebacks()


def _notes_not_tracebacks() -> None:
    """kvaleval's warnings on the command line as ``Bemærk: [W801] ...`` lines, not in Python's
    form (``.../human.py:434: KvalevalWarning: ...`` and the source line under it)."""
    import warnings

    from kvaleval.errors import KvalevalWarning, Texts

    shown = warnings.showwarning
    if getattr(shown, "kvaleval", False):
        return

    def show(message: Any, category: type[Warning], filename: str, lineno: int, file: Any = None,
             line: str | None = None) -> None:
        if issubclass(category, KvalevalWarning):
            typer.echo(Texts.cli_note.format(message=message), err=True)
        else:
            shown(message, category, filename, lineno, file, line)

    show.kvaleval = True  # type: ignore[attr-defined]
    warnings.showwarning = show
