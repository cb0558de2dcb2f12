"""The ``kvaleval`` command line: a thin typer layer over importable functions.

Each command lives in its own module and registers itself on ``app``. Errors
from kvaleval (``KvalevalError``) are caught in one place, :func:`main`, and
shown as one clear line with exit code 2, and so are usage errors (:mod:`kvaleval.cli._usage`).
"""

from __future__ import annotations

import sys
from typing import NoReturn

import typer

from kvaleval.cli import agreement as _agreement  # noqa: F401
from kvaleval.cli import check as _check  # noqa: F401  (each import registers a command)
from kvaleval.cli import code as _code  # noqa: F401
from kvaleval.cli import evaluate as _evaluate  # noqa: F401
from kvaleval.cli import export_qdpx as _export_qdpx  # noqa: F401
from kvaleval.cli import model as _model  # noqa: F401
from kvaleval.cli import sheet as _sheet  # noqa: F401
from kvaleval.cli._app import app


def main() -> None:
    """Run the CLI; bad input, a usage error included, ends with one line on stderr and exit code 2."""
    from kvaleval.cli._usage import USAGE_ERROR, usage_message
    from kvaleval.errors import KvalevalError, Texts

    try:
        code = app(standalone_mode=False)
    except ABORT:  # Ctrl-D at a prompt
        interrupted()
    except KvalevalError as err:
        print(Texts.cli_error.format(message=err), file=sys.stderr)  # noqa: T201
        sys.exit(2)
    except USAGE_ERROR as err:
        if type(err).__name__ == "NoArgsIsHelpError":  # the command alone: Typer has shown its help
            sys.exit(0)
        print(Texts.cli_error.format(message=usage_message(err)), file=sys.stderr)  # noqa: T201
        sys.exit(2)
    except (KeyboardInterrupt, EOFError):
        interrupted()
    if code == INTERRUPTED:  # Typer turns Ctrl-C into this exit code, silently
        interrupted()
    sys.exit(code if isinstance(code, int) else 0)


INTERRUPTED = 130
"""The exit code of a run stopped with Ctrl-C (128 + SIGINT), as shells report it."""
ABORT: type[Exception] = next(c for c in typer.Abort.__mro__ if c.__name__ == "Abort")


def interrupted() -> NoReturn:
    """Say that the run was stopped, and that the outputs are as they were before it."""
    from kvaleval.errors import Texts

    print(Texts.cli_interrupted, file=sys.stderr)  # noqa: T201
    sys.exit(INTERRUPTED)
