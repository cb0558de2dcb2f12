"""The typer application every command module registers on."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

app = typer.Typer(
    name="kvaleval",
    help="Kodning og syntese af kvalitativt evalueringsmateriale (dansk først, offline).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Language(StrEnum):
    """The languages of error and warning messages (``kvaleval.errors.LANGUAGES``)."""

    da = "da"
    en = "en"


@app.callback()
def _root(
    lang: Annotated[Language | None, typer.Option(
        "--lang", case_sensitive=False,
        help="Sprog i fejl, advarsler og statuslinjer: da (dansk, standard) eller en "
             "(engelsk). Uden --lang gælder KVALEVAL_LANG. Bilaget er altid på dansk.")] = None,
) -> None:
    """Kodning og syntese af kvalitativt evalueringsmateriale (dansk først, offline)."""
    if lang is not None:
        from kvaleval.errors import set_language

        set_language(lang.value)
