"""Where the paginator's time goes: issue #6's readers plus a bare loop that builds the models.

tools/bench_pagination.py compares the paginator with bare httpx + ``json.loads``. This
adds a third reader on the same loopback server (its ``_serve``): the bare loop also
turning every record into the generated ``IntegrationLog``. The bare loop with models
against the bare loop is what the models cost; the paginator against the bare loop with
models is what the SDK's own code costs. Medians of interleaved repeats, with the time
the cyclic garbage collector ran in each.
Run: ``python tools/bench_paging_split.py [--records N] [--repeats N] [--json]``.
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_pagination
from bench_fanout import _GCTimer

PAGE = bench_pagination.PAGE


def read_with_bare_httpx_models(base: str) -> int:
    from sendcloud_integrations_api.models.integration_log import IntegrationLog

    count = 0
    with httpx.Client() as http:
        url: str | None = f"{base}/integrations/logs?page_size={PAGE}"
        while url:
            response = http.get(url)
            data = json.loads(response.content)["data"]
            count += len([IntegrationLog.from_dict(item) for item in data])
            link = response.links.get("next")
            url = link["url"] if link else None
    return count


READERS: dict[str, Callable[[str], int]] = {
    "paginator": bench_pagination.read_with_paginator,
    "bare": bench_pagination.read_with_bare_httpx,
    "bare_models": read_with_bare_httpx_models,
}


def measure(records: int, repeats: int) -> dict[str, Any]:
    ctx = multiprocessing.get_context("spawn")
    port_q = ctx.Queue()
    server = ctx.Process(target=bench_pagination._serve, args=(records, port_q), daemon=True)
    server.start()
    try:
        base = f"http://127.0.0.1:{port_q.get(timeout=120)}/api/v3"
        wall: dict[str, list[float]] = {name: [] for name in READERS}
        gc_time: dict[str, list[float]] = {name: [] for name in READERS}
        for _ in range(repeats):
            for name, read in READERS.items():
                gc.collect()
                with _GCTimer() as collector:
                    started = time.perf_counter()
                    count = read(base)
                    wall[name].append(time.perf_counter() - started)
                assert count == records, (name, count)
                gc_time[name].append(collector.seconds)
    finally:
        server.terminate()
        server.join()
    return {
        "records": records,
        "repeats": repeats,
        "us_per_record": {n: statistics.median(v) / records * 1e6 for n, v in wall.items()},
        "gc_us_per_record": {n: statistics.median(v) / records * 1e6 for n, v in gc_time.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = measure(args.records, args.repeats)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for name, us in result["us_per_record"].items():
            gc_us = result["gc_us_per_record"][name]
            print(f"{name:>12}: {us:5.2f} us per record (GC {gc_us:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
