"""The ``kvaleval`` command line: a thin typer layer over importable functions.

Each command lives in its own module and registers itself on ``app``. Errors
from kvaleval (``KvalevalError``) are caught in one place, :func:`main`, and
shown as one clear line with exit code 2.
"""

from __future__ import annotations

import sys

from kvaleval.cli._app import app
from kvaleval.cli import code as _code  # noqa: F401  (registers the command)


def main() -> None:
    """Run the CLI; bad input ends with one line on stderr and exit code 2."""
    from kvaleval.errors import KvalevalError

    try:
        app(standalone_mode=False)
    except KvalevalError as err:
        print(f"Fejl: {err}", file=sys.stderr)  # noqa: T201
        sys.exit(2)
    except SystemExit:
        raise
    except _click_exceptions() as err:
        err.show()
        sys.exit(err.exit_code)
    except KeyboardInterrupt:
        print("Afbrudt; tidligere output er urørt.", file=sys.stderr)  # noqa: T201
        sys.exit(130)


def _click_exceptions() -> tuple[type[Exception], ...]:
    import click

    return (click.ClickException,)
