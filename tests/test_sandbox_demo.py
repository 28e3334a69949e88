"""The demo: every operation with the real sc.Client against the sandbox over loopback HTTP."""

from __future__ import annotations

import os
import subprocess
import sys

from sendcloud_integrations.testing import Sandbox
from sendcloud_integrations.testing.demo import run

from .conftest import ROOT


def test_demo_walks_through_every_step(sandbox: Sandbox) -> None:
    """Each numbered step runs and shows its outcome, ending with a refreshed OAuth2 token."""
    lines: list[str] = []
    with sandbox.serve() as server:
        run(sandbox, server.base_url, server.token_url, say=lines.append)
    text = "\n".join(lines)
    for step in range(1, 10):
        assert f"\n{step}. " in "\n" + text, f"step {step} missing:\n{text}"
    assert "a raw PATCH answers 400" in text
    assert "303 logs over 4 pages" in text
    assert "CANCEL         -> 13    valid=False" in text
    assert "NotFoundError, codes=['not_found']" in text
    assert "tokens issued: 2" in text
    assert sandbox.faults.counts == {"token_expiry": 1}


def test_demo_command_runs_from_the_checkout() -> None:
    """`python -m sendcloud_integrations.testing demo` exits 0 and stops its server."""
    env = {**os.environ, "PYTHONUTF8": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "sendcloud_integrations.testing", "demo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1] == "Done: the sandbox is stopped."
