"""Render tools/bench.py's results: the goal table (text and Markdown) and docs/benchmarks.md."""

from __future__ import annotations

import datetime
import importlib.metadata
import os
import platform
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bench_limits

ROOT = Path(__file__).resolve().parent.parent
MB = 1e6


@dataclass(frozen=True)
class Row:
    goal: str
    measured: str
    baseline: str
    ratio: str
    target: str
    met: bool


def _first(path: str, key: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                name, _, value = line.partition(":")
                if name.strip() == key:
                    return value.strip()
    except OSError:
        return None
    return None


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    mem_kb = _first("/proc/meminfo", "MemTotal")
    versions = {}
    for dist in ("httpx", "httpcore", "attrs", "anyio", "sendcloud-integrations"):
        try:
            versions[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            versions[dist] = "not installed"
    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "cpu_model": _first("/proc/cpuinfo", "model name") or platform.processor() or "unknown",
        "memory_gib": round(int(mem_kb.split()[0]) / 2**20, 1) if mem_kb else None,
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "versions": versions,
        "commit": commit or "unknown",
    }


def rows(r: dict[str, Any]) -> list[Row]:
    """One row per goal, each beside its baseline from the same run."""
    models, facade, imports = r["models"], r["facade"], r["imports"]
    fan = r["fanout"]["configs"]["default"]
    pag = r["pagination"]
    model_ratio = models["ratio_vs_json_loads"]["loads_and_from_dict"]["median"]
    import_ratio = imports["wall_ratio"]["sendcloud_integrations"]
    fan_ratio = fan["ratio_to_ideal"]["sdk_async"]
    peak = pag["paginator_peak_mb"]
    return [
        Row(
            "1. 100-log page: JSON bytes to models (`from_dict(json.loads(raw))`)",
            f"{models['seconds_min']['loads_and_from_dict'] * 1e3:.3f} ms",
            f"`json.loads` {models['seconds_min']['json_loads'] * 1e3:.3f} ms",
            f"{model_ratio:.2f}x",
            "<= 2x",
            model_ratio <= 2,
        ),
        Row(
            "2. Facade CPU: `client.integrations.get` (auth, retries, validation)",
            f"{facade['cpu_us']['facade']:.1f} us CPU",
            f"bare generated `sync()` {facade['cpu_us']['bare']:.1f} us",
            f"{facade['ratio']:.3f}x",
            "<= 1.10x",
            facade["ratio"] <= 1.10,
        ),
        Row(
            '3. `python -c "import sendcloud_integrations"`',
            f"{imports['wall_ms']['sendcloud_integrations']:.1f} ms",
            f"`import httpx` {imports['wall_ms']['httpx']:.1f} ms",
            f"{import_ratio:.2f}x",
            "<= 1.5x",
            import_ratio <= 1.5,
        ),
        Row(
            f"4. Async fan-out, {r['fanout']['integrations']} integrations' logs "
            f"(page_size {fan['page_size']}), concurrency {r['fanout']['concurrency']}, "
            f"{r['fanout']['latency_s'] * 1e3:.0f} ms latency",
            f"{fan['wall_s']['sdk_async'] * 1e3:.0f} ms",
            f"ideal {fan['ideal_s'] * 1e3:.0f} ms; sequential sync loop "
            f"{fan['wall_s']['sdk_sequential'] * 1e3:.0f} ms",
            f"{fan_ratio:.2f}x",
            "<= 1.2x ideal",
            fan_ratio <= 1.2,
        ),
        Row(
            f"5. Memory iterating {pag['records']:,} logs (peak growth)",
            f"{peak:.1f} MB",
            f"bare httpx + json.loads loop {pag['bare_peak_mb']:.1f} MB",
            "-",
            "< 10 MB",
            peak < 10,
        ),
        Row(
            f"#6. Paginator throughput, {pag['records']:,} logs over loopback",
            f"{pag['paginator_rps']:,.0f} records/s",
            f"bare httpx + json.loads {pag['bare_rps']:,.0f} records/s",
            f"{pag['ratio']:.2f}x",
            ">= 0.5x, flat memory",
            pag["ratio"] >= 0.5 and peak < 10,
        ),
    ]


def text_table(r: dict[str, Any]) -> str:
    lines = []
    for row in rows(r):
        verdict = "met" if row.met else "NOT MET"
        lines.append(
            f"{row.goal}\n    {row.measured} | baseline: {row.baseline} | "
            f"ratio {row.ratio} | target {row.target} | {verdict}"
        )
    return "\n".join(lines)


def _md_table(r: dict[str, Any]) -> list[str]:
    out = [
        "| Goal | Measured | Baseline (same run) | Ratio | Target | Met? |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows(r):
        met = "yes" if row.met else "**no**"
        out.append(
            f"| {row.goal} | {row.measured} | {row.baseline} | {row.ratio} | {row.target} | {met} |"
        )
    return out


def markdown(r: dict[str, Any]) -> str:
    m = r["machine"]
    v = m["versions"]
    lines = [
        "# Benchmarks",
        "",
        "Written by `nox -s bench` (`tools/bench.py`); do not edit by hand. Every figure is",
        "measured beside its baseline in the same run, interleaved, so ratios compare across",
        "machines and absolute times do not. Ratios are medians of per-repeat ratios unless",
        "a section says otherwise. Goals are those of issue #10 and issue #6. Run it on a",
        "quiet machine: `nox -s bench` (about a minute and a half here; `-- --quick` for a",
        "smoke run that writes nothing). CI does not run it.",
        "",
        f"- Date: {m['date']}; commit `{m['commit']}`" + (" (quick run)" if r["quick"] else ""),
        f"- Machine: {m['cpus']} CPUs, {m['cpu_model']}, {m['memory_gib']} GiB memory;"
        f" {m['platform']}",
        f"- Python: {m['implementation']} {m['python']}; httpx {v['httpx']}, httpcore"
        f" {v['httpcore']}, attrs {v['attrs']}, anyio {v['anyio']}",
        "",
        *_md_table(r),
        "",
        *bench_limits.limits_section(r, [row.met for row in rows(r)]),
        *bench_limits.details_section(r),
    ]
    return "\n".join(lines) + "\n"
