"""The README's command-line examples run, and print what the README shows.

Each ```console block is one bash session in a fresh directory, against a fresh
sandbox served on 127.0.0.1 whose credentials are in the environment. A ``$ ``
line is a command (stderr merged into stdout); the lines below it, up to the next
command, are its output, where a ``...`` line stands for any number of lines.
"""

from __future__ import annotations

import os
import re
import subprocess
import sysconfig
from dataclasses import dataclass
from pathlib import Path

import pytest

from ._cli_support import TIMEOUT, script, served
from .conftest import ROOT

README = ROOT / "README.md"
MARKER = "@@ command finished @@"


@dataclass(frozen=True)
class Step:
    command: str
    expected: list[str]


@dataclass(frozen=True)
class Session:
    line: int
    steps: list[Step]


def sessions(text: str) -> list[Session]:
    found: list[Session] = []
    lines = text.splitlines()
    start: int | None = None
    for number, line in enumerate(lines, start=1):
        if line.strip() == "```console":
            start = number
        elif line.strip() == "```" and start is not None:
            steps: list[Step] = []
            for body in lines[start : number - 1]:
                if body.startswith("$ "):
                    steps.append(Step(body[2:], []))
                else:
                    assert steps, f"README.md:{start}: output before the first command"
                    steps[-1].expected.append(body)
            found.append(Session(start, steps))
            start = None
    return found


def matches(expected: list[str], actual: str) -> bool:
    pattern = "".join(
        r"(?:.*\n)*?" if line == "..." else re.escape(line) + r"\n" for line in expected
    )
    return re.fullmatch(pattern, actual) is not None


SESSIONS = sessions(README.read_text(encoding="utf-8"))


def test_readme_has_command_line_examples() -> None:
    """The README shows several console sessions (a renamed fence must not skip them)."""
    assert len(SESSIONS) >= 3
    assert sum(len(s.steps) for s in SESSIONS) >= 10


def test_matches_treats_dots_as_any_lines() -> None:
    """The output comparison is exact line for line, except where ``...`` elides lines."""
    assert matches(["a", "...", "d"], "a\nb\nc\nd\n")
    assert matches(["a", "...", "d"], "a\nd\n")
    assert not matches(["a", "d"], "a\nb\nd\n")
    assert not matches(["a"], "a\nb\n")


@pytest.mark.parametrize("session", SESSIONS, ids=[f"README.md:{s.line}" for s in SESSIONS])
def test_readme_console_session_prints_what_the_readme_shows(
    session: Session, tmp_path: Path
) -> None:
    """Every command of the block runs, in order, and prints the README's lines."""
    script()  # fails clearly when the console script is not installed
    lines = ["set -u"]
    for step in session.steps:
        # `$?` of the next command is this command's status, as in an interactive shell.
        lines += [f"{{ {step.command} ; }} 2>&1", "s=$?", f"echo '{MARKER}'", "(exit $s)"]
    with served() as cli:
        env = {**cli.env, "PATH": sysconfig.get_path("scripts") + os.pathsep + cli.env["PATH"]}
        result = subprocess.run(
            ["bash", "-c", "\n".join(lines)],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    outputs = result.stdout.split(MARKER + "\n")
    assert outputs[-1] == "", result.stdout + result.stderr
    for step, actual in zip(session.steps, outputs[:-1], strict=True):
        assert matches(step.expected, actual), (
            f"README.md:{session.line}: `{step.command}` printed\n{actual}"
        )
