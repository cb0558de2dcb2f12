"""The typer application every command module registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="kvaleval",
    help="Kodning og syntese af kvalitativt evalueringsmateriale (dansk først, offline).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Kodning og syntese af kvalitativt evalueringsmateriale (dansk først, offline)."""
