"""Benchmark: ``python -c "import sendcloud_integrations"`` against ``python -c "import httpx"``.

Issue #10, goal 3: the SDK's import takes at most 1.5x httpx's. Each case is a fresh
interpreter (``sys.executable``), run in rounds that interleave the cases so drift on a
noisy machine hits all of them alike. Reported per case: the median wall time and the
median CPU time (user + system of the child); the ratio is the median of the per-round
ratios to ``import httpx``.

Context cases, not goals: an empty interpreter (what every case pays before importing
anything), and importing plus constructing a client (``sc.Client()`` against
``httpx.Client()``), which is where the generated models and operations load.
Run: ``python tools/bench_imports.py [--rounds N] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

CASES = {
    "python": "pass",
    "httpx": "import httpx",
    "sendcloud_integrations": "import sendcloud_integrations",
    "httpx_client": "import httpx; httpx.Client()",
    "sc_client": "import sendcloud_integrations as sc; sc.Client()",
}
BASELINE = {"sendcloud_integrations": "httpx", "sc_client": "httpx_client"}


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run_once(code: str) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh interpreter running ``code``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHONPROFILEIMPORTTIME")}
    cpu = _child_cpu()
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env=env)
    return time.perf_counter() - started, _child_cpu() - cpu


def _paired(values: list[float], base: list[float]) -> float:
    return statistics.median(v / b for v, b in zip(values, base, strict=True))


def measure(rounds: int) -> dict[str, Any]:
    """Median wall/CPU milliseconds per case and the goal's ratios, from interleaved rounds."""
    for code in CASES.values():  # compile .pyc files and warm the page cache
        _run_once(code)
    wall: dict[str, list[float]] = {name: [] for name in CASES}
    cpu: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(rounds):
        for name, code in CASES.items():
            w, c = _run_once(code)
            wall[name].append(w)
            cpu[name].append(c)
    return {
        "rounds": rounds,
        "wall_ms": {name: statistics.median(v) * 1e3 for name, v in wall.items()},
        "cpu_ms": {name: statistics.median(v) * 1e3 for name, v in cpu.items()},
        "wall_ratio": {name: _paired(wall[name], wall[base]) for name, base in BASELINE.items()},
        "cpu_ratio": {name: _paired(cpu[name], cpu[base]) for name, base in BASELINE.items()},
    }


def _report(result: dict[str, Any]) -> str:
    lines = [f"{result['rounds']} interleaved rounds of fresh interpreters ({sys.executable})"]
    for name, code in CASES.items():
        tail = ""
        if name in BASELINE:
            tail = (
                f"  vs {BASELINE[name]}: wall {result['wall_ratio'][name]:.2f}x, "
                f"cpu {result['cpu_ratio'][name]:.2f}x"
            )
        lines.append(
            f"{code:>52}: wall {result['wall_ms'][name]:6.1f} ms, "
            f"cpu {result['cpu_ms'][name]:6.1f} ms{tail}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = measure(args.rounds)
    print(json.dumps(result, indent=2) if args.json else _report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
