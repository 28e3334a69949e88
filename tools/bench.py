"""``nox -s bench``: every measurement of issue #10 and issue #6 in one run, then the report.

Runs, each side by side with its baseline and interleaved (see each module's docstring):
- tools/bench_models.py: a 100-log page into models vs ``json.loads`` (goal 1);
- tools/bench_facade.py: ``client.integrations.get`` vs the bare generated ``sync()`` (goal 2);
- tools/bench_imports.py: ``import sendcloud_integrations`` vs ``import httpx`` (goal 3);
- tools/bench_fanout.py: async fan-out against the sandbox vs the ideal and a sync loop (goal 4);
- tools/bench_pagination.py: 100 000 logs through the paginator vs bare httpx + json.loads,
  records/s and peak memory growth of each (goal 5 and issue #6);
- tools/bench_paging_split.py: the same plus a bare loop that builds the models, to say
  where the paginator's time goes.
Prints the table and writes docs/benchmarks.md (tools/bench_report.py renders both).
``--quick`` is a smoke run with few repeats; it writes the report only with ``--output``.
Run: ``python tools/bench.py [--quick] [--output PATH] [--json PATH]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_facade
import bench_fanout
import bench_imports
import bench_models
import bench_pagination
import bench_paging_split
import bench_report

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "docs" / "benchmarks.md"

# name -> (full run, quick run) keyword arguments.
SETTINGS: dict[str, tuple[dict[str, int], dict[str, int]]] = {
    "models": ({"repeats": 15, "number": 200}, {"repeats": 3, "number": 30}),
    "facade": ({"repeats": 15, "number": 1000}, {"repeats": 3, "number": 100}),
    "imports": ({"rounds": 30}, {"rounds": 3}),
    "fanout": ({"repeats": 5}, {"repeats": 1}),
    "pagination": ({"records": 100_000, "repeats": 3}, {"records": 10_000, "repeats": 1}),
    "paging_split": ({"records": 100_000, "repeats": 3}, {"records": 10_000, "repeats": 1}),
}


def _models(repeats: int, number: int) -> dict[str, Any]:
    return bench_models.measure(bench_models.build_page(), repeats, number)


RUNNERS: dict[str, Callable[..., dict[str, Any]]] = {
    "models": _models,
    "facade": bench_facade.measure,
    "imports": bench_imports.measure,
    "fanout": bench_fanout.measure,
    "pagination": bench_pagination.run,
    "paging_split": bench_paging_split.measure,
}


def run_all(quick: bool) -> dict[str, Any]:
    """Every measurement's result, keyed by name, plus the settings and seconds each took."""
    results: dict[str, Any] = {"quick": quick, "settings": {}, "seconds": {}}
    for name, runner in RUNNERS.items():
        kwargs = SETTINGS[name][1 if quick else 0]
        print(f"bench: {name} {kwargs} ...", file=sys.stderr, flush=True)
        started = time.perf_counter()
        results[name] = runner(**kwargs)
        results["settings"][name] = kwargs
        results["seconds"][name] = time.perf_counter() - started
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few repeats: a smoke run")
    parser.add_argument("--output", type=Path, help=f"the report (default {DEFAULT_OUTPUT})")
    parser.add_argument("--json", type=Path, help="also write the raw results as JSON here")
    args = parser.parse_args(argv)
    results = run_all(args.quick)
    results["machine"] = bench_report.machine()
    print(bench_report.text_table(results))
    output = args.output or (None if args.quick else DEFAULT_OUTPUT)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(bench_report.markdown(results), encoding="utf-8")
        print(f"bench: wrote {output}", file=sys.stderr)
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
