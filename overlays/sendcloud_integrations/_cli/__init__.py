"""The ``sendcloud-integrations`` command line; its libraries come with the ``[cli]`` extra.

Parsing is the standard library's argparse (no dependency, full control over the
one-line errors and exit codes); Rich draws the tables and the progress bar.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence

from ._errors import EXTRA_HINT, ExitCode


def main(argv: Sequence[str] | None = None) -> int:
    """The console script: run one command and return its exit status."""
    try:
        importlib.import_module("rich")  # only checks that the extra is installed
    except ImportError:
        sys.stderr.write(f"error: the command line needs its extra: {EXTRA_HINT}\n")
        return ExitCode.CONFIGURATION
    from ._app import run

    code = run(argv)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader left (`... | head`); point stdout at nothing so the interpreter's
        # own flush at exit does not complain again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return code


__all__ = ["ExitCode", "main"]
