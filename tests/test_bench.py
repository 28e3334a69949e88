"""``nox -s bench -- --quick``: the smoke run of the benchmarks works (no figure is judged here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import sendcloud_integrations as sc

from .conftest import ROOT

GOALS = [
    "#17 `integrations.get` per call",
    "#13 100-log page through the SDK",
    "#17 first `Client()` + first call after import",
    "#17 `import sendcloud_integrations`",
    "#17 50 concurrent `integrations.get`, aiohttp backend",
]


def test_quick_bench_writes_a_report_with_every_goal_and_profile(tmp_path: Path) -> None:
    """``tools/bench.py --quick --output F`` runs every section and writes each goal's line."""
    output = tmp_path / "benchmarks.md"
    done = subprocess.run(
        [sys.executable, "tools/bench.py", "--quick", "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = output.read_text(encoding="utf-8")
    for goal in GOALS:
        assert f"| {goal}" in report, goal
    assert report.count("Profile, ") >= 4
    if hasattr(sc, "FileTokenStore"):
        assert "| #19 token requests" in report
    else:
        assert "Skipped: this build has no `sc.FileTokenStore`" in report
