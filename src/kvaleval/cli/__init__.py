"""The ``kvaleval`` command line: a thin typer layer over importable functions.

Each command lives in its own module and registers itself on ``app``. Errors
from kvaleval (``KvalevalError``) are caught in one place, :func:`main`, and
shown as one clear line with exit code 2; usage errors are typer's own.
"""

from __future__ import annotations

import sys

from kvaleval.cli import agreement as _agreement  # noqa: F401
from kvaleval.cli import check as _check  # noqa: F401  (each import registers a command)
from kvaleval.cli import code as _code  # noqa: F401
from kvaleval.cli import evaluate as _evaluate  # noqa: F401
from kvaleval.cli import export_qdpx as _export_qdpx  # noqa: F401
from kvaleval.cli import model as _model  # noqa: F401
from kvaleval.cli import sheet as _sheet  # noqa: F401
from kvaleval.cli._app import app


def main() -> None:
    """Run the CLI; bad input ends with one line on stderr and exit code 2."""
    from kvaleval.errors import KvalevalError

    try:
        app()
    except KvalevalError as err:
        print(f"Fejl: {err}", file=sys.stderr)  # noqa: T201
        sys.exit(2)
