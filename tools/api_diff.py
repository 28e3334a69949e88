"""Breaking changes to the public API of ``sendcloud_integrations``: ``nox -s api_diff [-- REF]``.

Compares the package in the working tree with the package at REF, or, without REF, at
the latest tag reachable from HEAD, using griffe (pinned in the nox session) with
``overlays/`` as the search path. With no tag at all nothing has been released, so
nothing can break: it says so and exits 0 (pass a REF to compare anyway).

Exit status: 0 no breaking change, 1 breaking changes found, 2 unknown REF.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "sendcloud_integrations"
SEARCH_PATH = "overlays"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _git(repo: Path, *args: str) -> str | None:
    run = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)
    return run.stdout.strip() if run.returncode == 0 else None


def last_tag(repo: Path) -> str | None:
    """The most recent tag reachable from HEAD, or None when there is none."""
    return _git(repo, "describe", "--tags", "--abbrev=0")


def ref_exists(repo: Path, ref: str) -> bool:
    return _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}") is not None


def breaking_changes(repo: Path, ref: str) -> list[str] | None:
    """One line per breaking change since ``ref``; None when the package did not exist there."""
    import griffe

    # Static analysis only: importing could pick up the installed package instead of REF's.
    new = griffe.load(PACKAGE, search_paths=[repo / SEARCH_PATH], allow_inspection=False)
    try:
        old = griffe.load_git(
            PACKAGE, ref=ref, repo=repo, search_paths=[SEARCH_PATH], allow_inspection=False
        )
    except ImportError:
        return None
    lines = [b.explain() for b in griffe.find_breaking_changes(old, new)]
    return lines if sys.stdout.isatty() else [_ANSI.sub("", line) for line in lines]


def run(repo: Path, ref: str | None, echo: Callable[[str], None] = print) -> int:
    """Report and return the exit status (see the module docstring)."""
    if ref is None:
        ref = last_tag(repo)
        if ref is None:
            echo(
                "No git tag yet: nothing has been released, so nothing can break. "
                "Compare against a commit with `nox -s api_diff -- REF`."
            )
            return 0
    if not ref_exists(repo, ref):
        echo(f"Unknown git ref {ref!r}.")
        return 2
    found = breaking_changes(repo, ref)
    if found is None:
        echo(f"{PACKAGE} did not exist at {ref}: its whole API is new, nothing to break.")
        return 0
    for line in found:
        echo(line)
    echo(f"{len(found)} breaking change(s) to the public API of {PACKAGE} since {ref}.")
    return 1 if found else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", nargs="?", help="git ref to compare with (default: latest tag)")
    return run(ROOT, parser.parse_args(argv).ref)


if __name__ == "__main__":
    sys.exit(main())
