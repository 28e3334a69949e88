"""Benchmark: CPU of ``client.integrations.get`` against a bare generated ``sync()`` call.

Issue #10, goal 2: the facade (auth, retry policy, validation, error mapping, parsing)
adds at most 10% CPU over the generated
``sc_public_v3_integrations_get_retrieve_integration.sync(id, client=AuthenticatedClient(...))``.
Both go through one ``httpx.MockTransport`` that answers the spec's own 200 example of
``GET /integrations/{id}``, so no network and no server CPU is measured. CPU time
(``time.process_time``), interleaved per repeat; the ratio is the median of the per-repeat
ratios. Run: ``python tools/bench_facade.py [--repeats N] [--number N] [--json]``.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "integrations.yaml"
# Never resolvable: the mock transport answers, nothing leaves the process.
BASE_URL = "https://bench.invalid/api/v3"


def example_body(spec_path: Path = SPEC) -> bytes:
    """JSON bytes of the spec's 200 example of ``GET /integrations/{id}``."""
    with spec_path.open(encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    content = spec["paths"]["/integrations/{id}"]["get"]["responses"]["200"]["content"]
    (example,) = content["application/json"]["examples"].values()
    return json.dumps(example["value"]).encode()


def _per_call(func: Callable[[], object], number: int) -> float:
    start = time.process_time()
    for _ in range(number):
        func()
    return (time.process_time() - start) / number


def measure(repeats: int, number: int) -> dict[str, Any]:
    """CPU seconds per call of each, and the facade's ratio to the bare call."""
    import sendcloud_integrations as sc
    from sendcloud_integrations_api.api.integrations import (
        sc_public_v3_integrations_get_retrieve_integration as retrieve,
    )
    from sendcloud_integrations_api.client import AuthenticatedClient

    body = example_body()
    integration_id = json.loads(body)["data"]["id"]
    headers = {"Content-Type": "application/json"}
    transport = httpx.MockTransport(
        lambda request: httpx.Response(200, headers=headers, content=body)
    )
    bare_client = AuthenticatedClient(
        base_url=BASE_URL, token="bench-token", httpx_args={"transport": transport}
    )
    facade_client = sc.Client(
        auth=sc.BasicAuth("bench-public-key", "bench-secret-key"),
        base_url=BASE_URL,
        transport=transport,
    )
    cases: dict[str, Callable[[], Any]] = {
        "bare": lambda: retrieve.sync(integration_id, client=bare_client),
        "facade": lambda: facade_client.integrations.get(integration_id),
    }
    # Same answer both ways, or the comparison means nothing.
    assert cases["bare"]().data.to_dict() == cases["facade"]().to_dict()
    for func in cases.values():
        _per_call(func, max(1, number // 5))
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(repeats):
        for name, func in cases.items():
            gc.collect()
            samples[name].append(_per_call(func, number))
    facade_client.close()
    ratios = [f / b for f, b in zip(samples["facade"], samples["bare"], strict=True)]
    return {
        "repeats": repeats,
        "number": number,
        "cpu_us": {name: statistics.median(v) * 1e6 for name, v in samples.items()},
        "ratio": statistics.median(ratios),
        "ratio_min": min(ratios),
        "ratio_max": max(ratios),
    }


def _report(result: dict[str, Any]) -> str:
    cpu = result["cpu_us"]
    return (
        f"{result['repeats']} repeats x {result['number']} calls, CPU time per call: "
        f"bare sync() {cpu['bare']:.1f} us, client.integrations.get {cpu['facade']:.1f} us; "
        f"ratio median {result['ratio']:.3f}x "
        f"(range {result['ratio_min']:.3f}-{result['ratio_max']:.3f})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--number", type=int, default=1000)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = measure(args.repeats, args.number)
    print(json.dumps(result, indent=2) if args.json else _report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
