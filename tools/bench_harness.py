"""The benchmark harness: interleaved rounds, median ratios, goals, cProfile excerpts."""

from __future__ import annotations

import cProfile
import pstats
import statistics
import time
from collections.abc import Callable
from typing import Any

ROUNDS = {"full": 15, "quick": 2}


def interleave(
    cases: dict[str, Callable[[], object]], rounds: int, number: int
) -> dict[str, list[float]]:
    """Seconds per call of each case, per round; the cases alternate within every round.

    The order reverses every other round, so slow drift (a neighbour's load, CPU
    frequency) falls on every case alike and the per-round ratios cancel it.
    """
    for case in cases.values():  # warm up: lazy imports, connections, caches
        case()
    times: dict[str, list[float]] = {name: [] for name in cases}
    order = list(cases.items())
    for r in range(rounds):
        for name, case in order if r % 2 == 0 else reversed(order):
            started = time.perf_counter()
            for _ in range(number):
                case()
            times[name].append((time.perf_counter() - started) / number)
    return times


def ratio(times: dict[str, list[float]], case: str, baseline: str) -> float:
    """The median over rounds of case / baseline, each pair measured side by side."""
    return statistics.median(a / b for a, b in zip(times[case], times[baseline], strict=True))


def median(values: list[float]) -> float:
    return statistics.median(values)


def row(
    case: str, value: float, unit: str = "s", ratio: float | None = None, baseline: str = ""
) -> dict[str, Any]:
    return {"case": case, "value": value, "unit": unit, "ratio": ratio, "baseline": baseline}


def goal(
    name: str,
    *,
    value: float,
    baseline_name: str,
    baseline: float,
    ratio: float,
    target: float,
    unit: str = "s",
    on: str = "ratio",
    speedups_target: float | None = None,
) -> dict[str, Any]:
    """One line of the goals table; ``on`` says whether ``target`` bounds the ratio or value."""
    judged = ratio if on == "ratio" else value
    return {
        "name": name,
        "value": value,
        "unit": unit,
        "baseline_name": baseline_name,
        "baseline": baseline,
        "ratio": ratio,
        "target": target,
        "on": on,
        "met": judged <= target,
        **({"speedups_target": speedups_target} if speedups_target is not None else {}),
    }


def _where(filename: str) -> str:
    for marker in ("site-packages/", "overlays/", "generated/", "tools/", "lib/python3"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def profile(run: Callable[[], object], calls: int, top: int = 8) -> list[str]:
    """The ``top`` functions by own time over ``calls`` runs, with their share of the total."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        run()
    profiler.disable()
    return profile_lines(profiler, calls, top)


def profile_lines(profiler: cProfile.Profile, calls: int, top: int = 8) -> list[str]:
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    entries = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)  # type: ignore[attr-defined]
    lines = [f"{'own':>6} {'cum':>6}  function   (total {total * 1e3 / calls:.3f} ms per run)"]
    for (filename, line, func), (_cc, _nc, own, cum, _callers) in entries[:top]:
        share = f"{100 * own / total:5.1f}% {100 * cum / total:5.1f}%"
        lines.append(f"{share}  {_where(filename)}:{line}({func})")
    return lines
