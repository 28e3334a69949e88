"""``nox -s bench``: the speed goals of issues #13, #17 and #19, each beside its baseline.

Own small harness rather than pyperf or pytest-benchmark: on a shared 2-core machine only
side-by-side figures mean anything, so each case runs interleaved with its baseline
(alternating order, round after round) and the report gives the median of the per-round
ratios. pyperf and pytest-benchmark time one benchmark after another and compare runs
afterwards, which on this machine measures the neighbours' load as much as the code.

Sections (tools/bench_local.py in-process, tools/bench_remote.py against a server in
another process), each in a fresh interpreter; each returns its figures, its goals and
a cProfile excerpt of the same run. ``--quick`` is a smoke run (few rounds) that writes
no report unless ``--output`` is given. ``--speedups-python PY`` re-runs the page
sections in PY (a venv with the ``speedups`` extra) and reports them as the speedups
variant.
Run: ``python tools/bench.py [--quick] [--output PATH] [--only SECTION ...]``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_local
import bench_remote

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "docs" / "benchmarks.md"
SECTIONS = {
    "per_request": bench_local.per_request,
    "page": bench_local.page,
    "pagination": bench_local.pagination,
    "cold_start": bench_local.cold_start,
    "imports": bench_local.imports,
    "fanout": bench_remote.fanout,
    "token_store": bench_remote.token_store,
}
PAGE_SECTIONS = ("page",)  # re-run in the speedups interpreter


def run(names: list[str], quick: bool, fresh: bool) -> dict[str, Any]:
    """Each section's results; with ``fresh``, each section in a new interpreter.

    A fresh interpreter per section: no section then measures with another's heap
    (which every garbage-collector pass walks), its leftover threads or its caches.
    """
    results: dict[str, Any] = {}
    for name in names:
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        if fresh:
            results.update(_in_interpreter(sys.executable, [name], quick))
        else:
            results[name] = SECTIONS[name](quick)
    return results


def _in_interpreter(python: str, names: list[str], quick: bool) -> dict[str, Any]:
    """The raw results of ``names``, measured by ``python`` running this script."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "raw.json"
        cmd = [python, __file__, "--raw", str(out), "--only", *names]
        subprocess.run([*cmd, *(["--quick"] if quick else [])], check=True, cwd=ROOT)
        raw: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return raw


def _speedups(python: str, quick: bool) -> dict[str, Any]:
    """The page sections run by another interpreter (the one with the speedups extra)."""
    raw = _in_interpreter(python, list(PAGE_SECTIONS), quick)
    for section in raw.values():
        section["title"] += " [speedups extra installed]"
        for goal in section["goals"]:
            goal["name"] += " (speedups)"
            goal["target"] = goal.get("speedups_target", goal["target"])
            goal["met"] = goal["ratio" if goal["on"] == "ratio" else "value"] <= goal["target"]
    return {f"{name}_speedups": value for name, value in raw.items()}


def _versions() -> str:
    names = ["httpx", "httpcore", "attrs", "anyio", "aiohttp", "httpx-aiohttp"]
    names += ["orjson", "msgspec"]
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return ", ".join(found)


def _commit() -> str:
    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    )
    # The report being rewritten is not a change to what is measured.
    report = str(DEFAULT_OUTPUT.relative_to(ROOT))
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", ".", f":(exclude){report}"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return done.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1e3:.2f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "count":
        return f"{value:.0f}"
    return f"{value:.3g} {unit}"


def markdown(results: dict[str, Any], quick: bool) -> str:
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmarks",
        "",
        "Written by `nox -s bench` (`tools/bench.py`); do not edit by hand. Each figure is",
        "measured in the same run as its baseline, interleaved with it, and ratios are the",
        "median of per-round ratios: compare ratios across machines, not times. Profiles are",
        "cProfile excerpts of the same run (top functions by own time, share of the total).",
        "",
        f"- Date: {now}; commit `{_commit()}`{'; QUICK smoke run' if quick else ''}",
        f"- Machine: {os.cpu_count()} CPUs, {platform.platform()}, load {os.getloadavg()[0]:.1f}",
        f"- Python: {platform.python_implementation()} {platform.python_version()}; {_versions()}",
        "",
        "| Goal | Measured | Baseline (same run) | Ratio | Target | Met? |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for section in results.values():
        for g in section["goals"]:
            met = "yes" if g["met"] else "**no**"
            target = f"{g['target']}x" if g["on"] == "ratio" else _fmt(g["target"], g["unit"])
            lines.append(
                f"| {g['name']} | {_fmt(g['value'], g['unit'])} | {g['baseline_name']} "
                f"{_fmt(g['baseline'], g['unit'])} | {g['ratio']:.2f}x | <= {target} | {met} |"
            )
    for section in results.values():
        lines += ["", f"## {section['title']}", "", section.get("setup", "")]
        if section.get("skipped"):
            lines += ["", f"Skipped: {section['skipped']}"]
            continue
        lines += [
            "",
            "| Case | Median | Ratio to baseline (median of rounds) |",
            "| --- | --- | --- |",
        ]
        for row in section["rows"]:
            ratio = "" if row.get("ratio") is None else f"{row['ratio']:.2f}x {row['baseline']}"
            lines.append(f"| {row['case']} | {_fmt(row['value'], row['unit'])} | {ratio} |")
        for label, profile in section.get("profiles", {}).items():
            lines += ["", f"Profile, {label}:", "", "```", *profile, "```"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few rounds: a smoke run")
    parser.add_argument("--output", type=Path, help=f"the report (default {DEFAULT_OUTPUT})")
    parser.add_argument("--only", nargs="+", choices=list(SECTIONS), help="these sections")
    parser.add_argument("--raw", type=Path, help="write the raw results as JSON here")
    parser.add_argument("--speedups-python", help="an interpreter with the speedups extra")
    args = parser.parse_args(argv)
    # --raw is a child's run: its sections are already in a fresh interpreter.
    results = run(args.only or list(SECTIONS), args.quick, fresh=args.raw is None)
    if args.speedups_python:  # each speedups section right after its stdlib twin
        variants = _speedups(args.speedups_python, args.quick)
        results = {
            key: value
            for name, section in results.items()
            for key, value in [(name, section), *variants.items()]
            if key == name or key == f"{name}_speedups"
        }
    if args.raw:
        args.raw.write_text(json.dumps(results, indent=1), encoding="utf-8")
        return 0
    report = markdown(results, args.quick)
    print(report)
    output = args.output or (None if args.quick else DEFAULT_OUTPUT)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(report, encoding="utf-8")
        print(f"bench: wrote {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
