"""schemathesis, a tool we did not write, checks the sandbox against the spec over HTTP.

The run uses the unmodified openapi/integrations.yaml, schemathesis's default checks,
all four phases (examples, coverage, fuzzing, stateful) and positive plus negative
data. Every per-operation override lives in tests/schemathesis.toml next to the spec
defect that makes it necessary.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sendcloud_integrations.testing import Sandbox, SandboxServer

from .conftest import ROOT, SPEC_PATH

CONFIG = Path(__file__).with_name("schemathesis.toml")


@pytest.fixture
def served() -> Iterator[SandboxServer]:
    with Sandbox().serve() as server:
        yield server


def test_schemathesis_finds_no_failure(served: SandboxServer, tmp_path: Path) -> None:
    """schemathesis's default checks pass on every operation, stateful and negative included."""
    creds = served.sandbox.credentials
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "--no-color",
        "--config-file",
        str(CONFIG),
        "run",
        str(SPEC_PATH),
        "--url",
        served.base_url,
        "--auth",
        f"{creds.public_key}:{creds.secret_key}",
        "--phases",
        "examples,coverage,fuzzing,stateful",
        "--mode",
        "all",
        "--seed",
        "20240601",
        "--report-dir",
        str(tmp_path),
    ]
    env = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        command,
        cwd=ROOT,
        env=env,
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=600,
        check=False,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-20_000:]
    assert "11/11" in output, output[-5_000:]  # every operation was selected and tested
    for phase in ("Examples", "Coverage", "Fuzzing", "Stateful"):
        assert f"✅ {phase}" in output, output[-5_000:]
