"""Benchmark: turning a 100-log page of JSON bytes into the generated attrs models.

Issue #10, goal 1: ``IntegrationLogListResponse.from_dict(json.loads(raw))`` should cost at
most 2x ``json.loads(raw)`` of the same bytes. Both are timed in the same run, interleaved,
so the ratio is comparable across machines; absolute times are printed only for context.

The page is the spec's own RetrieveIntegrationLogs example log, copied 100 times with
distinct ids. Cases: ``loads_and_from_dict`` is the goal's number; ``from_dict_only`` leaves
out the JSON decoding; ``init_floor`` only re-runs the attrs ``__init__`` of the same 601
objects and copies their additional_properties, the part no template change can remove.
Run: ``python tools/bench_models.py [--repeats N] [--number N] [--json]``.
"""

from __future__ import annotations

import argparse
import copy
import functools
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "integrations.yaml"
PAGE_SIZE = 100


def build_page(spec_path: Path = SPEC, size: int = PAGE_SIZE) -> bytes:
    """JSON bytes of a page of ``size`` copies of the spec's example log, ids 1..size."""
    with spec_path.open(encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    content = spec["paths"]["/integrations/logs"]["get"]["responses"]["200"]["content"]
    example = content["application/json"]["examples"]["RetrieveIntegrationLogs"]["value"]
    template = example["data"][0]
    logs = []
    for i in range(size):
        log = copy.deepcopy(template)
        log["id"] = i + 1
        logs.append(log)
    return json.dumps({"data": logs}).encode()


def construction_plan(model: Any) -> list[tuple[Any, list[Any], dict[str, Any]]]:
    """Every attrs object in a parsed page with its positional __init__ arguments and extras.

    Replaying the plan rebuilds the same objects with no parsing at all: the floor that any
    from_dict calling the attrs __init__ (and copying additional_properties) cannot beat.
    """
    plan: list[tuple[Any, list[Any], dict[str, Any]]] = []

    def walk(value: Any) -> None:
        if attrs.has(type(value)):
            args = []
            for field in attrs.fields(type(value)):
                walk(getattr(value, field.name))
                if field.init:
                    args.append(getattr(value, field.name))
            plan.append((type(value), args, value.additional_properties))
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(model)
    return plan


def _replay(plan: list[tuple[Any, list[Any], dict[str, Any]]]) -> None:
    for cls, args, extra in plan:
        obj = cls(*args)
        obj.additional_properties = dict(extra)


def _per_call(func: Callable[[], object], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        func()
    return (time.perf_counter() - start) / number


def measure(raw: bytes, repeats: int, number: int) -> dict[str, Any]:
    """Time every case, interleaved per repeat, and each one's ratio to json.loads."""
    from sendcloud_integrations_api.models import IntegrationLogListResponse

    from_dict = IntegrationLogListResponse.from_dict
    parsed = json.loads(raw)
    cases: dict[str, Callable[[], object]] = {
        "json_loads": lambda: json.loads(raw),
        "loads_and_from_dict": lambda: from_dict(json.loads(raw)),
        "from_dict_only": lambda: from_dict(parsed),
        "init_floor": functools.partial(_replay, construction_plan(from_dict(parsed))),
    }
    for func in cases.values():  # warm up caches, lazy imports and the allocator
        _per_call(func, max(1, number // 10))
    samples: dict[str, list[float]] = {name: [] for name in cases}
    # The collector stays on, as in real use: allocating 600 objects per page triggers it.
    for _ in range(repeats):
        for name, func in cases.items():
            gc.collect()
            samples[name].append(_per_call(func, number))
    base = samples["json_loads"]
    ratios = {
        name: {
            "min": min(vals) / min(base),
            "median": statistics.median(v / b for v, b in zip(vals, base, strict=True)),
        }
        for name, vals in samples.items()
        if name != "json_loads"
    }
    return {
        "bytes": len(raw),
        "logs": PAGE_SIZE,
        "repeats": repeats,
        "number": number,
        "python": sys.version.split()[0],
        "seconds_min": {name: min(vals) for name, vals in samples.items()},
        "ratio_vs_json_loads": ratios,
    }


def _report(result: dict[str, Any]) -> str:
    lines = [
        f"page: {result['logs']} logs, {result['bytes']} bytes; "
        f"{result['repeats']} repeats x {result['number']} calls; Python {result['python']}",
    ]
    for name, seconds in result["seconds_min"].items():
        ratio = result["ratio_vs_json_loads"].get(name)
        tail = (
            f"  ratio vs json.loads: min {ratio['min']:.2f}x, median {ratio['median']:.2f}x"
            if ratio
            else ""
        )
        lines.append(f"{name:>20}: {seconds * 1e3:7.3f} ms{tail}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--number", type=int, default=200)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = measure(build_page(), args.repeats, args.number)
    print(json.dumps(result, indent=2) if args.json else _report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
