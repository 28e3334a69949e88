"""Benchmark: an async fan-out over 50 integrations' logs against the sandbox, 20 ms latency.

Issue #10, goal 4: with concurrency 10 the fan-out completes in at most 1.2x the ideal,
latency x rounds, where rounds = ceil(50 / 10) x pages per integration. The sandbox
(``sendcloud_integrations.testing``) serves over loopback from a separate process, so its
CPU does not share our GIL; every API response is delayed by its latency fault.

Each integration has ``PAGES`` full pages of logs (the spec's example log), so reading one
takes exactly ``PAGES`` requests. Two page sizes: the SDK's default (100, the goal's
figure) and a small one that shows the per-request cost without the parsing. Per repeat,
interleaved: the SDK's AsyncClient (``asyncio.Semaphore(10)`` around each integration),
the same fan-out with bare ``httpx.AsyncClient`` + ``json.loads`` (what httpx itself
costs), that bare loop also building the generated models (what the models cost), and
the peer, a sequential loop with the sync ``sc.Client``. Wall time; CPU per
request of our process and of the sandbox's as the limits' evidence.
Run: ``python tools/bench_fanout.py [--repeats N] [--json]``.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import math
import multiprocessing
import os
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import sendcloud_integrations as sc
import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "integrations.yaml"
INTEGRATIONS = 50
CONCURRENCY = 10
LATENCY = 0.020
PAGES = 2
PAGE_SIZES = {"default": 100, "small": 10}


def _example_log_fields(spec_path: Path = SPEC) -> dict[str, Any]:
    with spec_path.open(encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    content = spec["paths"]["/integrations/logs"]["get"]["responses"]["200"]["content"]
    example = content["application/json"]["examples"]["RetrieveIntegrationLogs"]["value"]
    log = example["data"][0]
    return {
        k: log[k]
        for k in (
            "base_url",
            "full_url",
            "method",
            "response_code",
            "response",
            "request",
            "exception_type",
            "exception",
        )
    }


def integration_ids(config: str) -> list[int]:
    offset = 10_000 * (list(PAGE_SIZES).index(config) + 1)
    return [offset + i for i in range(INTEGRATIONS)]


def _serve(port_out: Any) -> None:
    """Child process: a sandbox with every config's integrations and logs, latency on."""
    from sendcloud_integrations.testing import Sandbox
    from sendcloud_integrations.testing._state import Integration, LogRecord

    sandbox = Sandbox(seeded=False)
    fields = _example_log_fields()
    t0 = datetime(2024, 1, 1, tzinfo=UTC)
    records: list[LogRecord] = []
    for config, page_size in PAGE_SIZES.items():
        for iid in integration_ids(config):
            sandbox.state.integrations[iid] = Integration(
                iid, f"Shop {iid}", f"https://shop-{iid}.example/", "api", t0, t0
            )
            for _ in range(page_size * PAGES):
                log_id = len(records) + 1
                created = t0 + timedelta(seconds=log_id)
                records.append(LogRecord(log_id, iid, created, dict(fields)))
    sandbox.state.reserve_log_ids(len(records))
    sandbox.state.logs.extend_sorted(records)
    sandbox.faults.latency(LATENCY)
    server = sandbox.serve()
    port_out.put(server.base_url)
    while True:
        time.sleep(3600)


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU of another process (Linux /proc), or None elsewhere."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class _GCTimer:
    """Seconds the cyclic garbage collector ran while installed (``gc.callbacks``)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._started

    def __enter__(self) -> _GCTimer:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self)


def _auth() -> tuple[str, str]:
    from sendcloud_integrations.testing import Credentials

    creds = Credentials()  # the sandbox's published test credentials
    return creds.public_key, creds.secret_key


async def _gather(
    ids: list[int], one: Callable[[int], Awaitable[tuple[int, int]]]
) -> tuple[int, int]:
    semaphore = asyncio.Semaphore(CONCURRENCY)

    async def limited(iid: int) -> tuple[int, int]:
        async with semaphore:
            return await one(iid)

    counts = await asyncio.gather(*(limited(iid) for iid in ids))
    return sum(c[0] for c in counts), sum(c[1] for c in counts)


async def _sdk_fanout(base: str, ids: list[int], page_size: int) -> tuple[float, float, int, int]:
    async with sc.AsyncClient(auth=sc.BasicAuth(*_auth()), base_url=base) as client:

        async def one(iid: int) -> tuple[int, int]:
            pages = logs = 0
            async for page in client.exception_logs.list(iid, page_size=page_size).pages():
                pages += 1
                logs += len(page.items)
            return pages, logs

        started, cpu = time.perf_counter(), time.process_time()
        pages, logs = await _gather(ids, one)
        return time.perf_counter() - started, time.process_time() - cpu, pages, logs


async def _bare_fanout(
    base: str, ids: list[int], page_size: int, models: bool = False
) -> tuple[float, float, int, int]:
    from sendcloud_integrations_api.models.integration_log import IntegrationLog

    async with httpx.AsyncClient(auth=_auth()) as http:

        async def one(iid: int) -> tuple[int, int]:
            pages = logs = 0
            url: str | None = f"{base}/integrations/{iid}/logs?page_size={page_size}"
            while url:
                response = await http.get(url)
                data = json.loads(response.content)["data"]
                if models:
                    data = [IntegrationLog.from_dict(item) for item in data]
                logs += len(data)
                pages += 1
                link = response.links.get("next")
                url = link["url"] if link else None
            return pages, logs

        started, cpu = time.perf_counter(), time.process_time()
        pages, logs = await _gather(ids, one)
        return time.perf_counter() - started, time.process_time() - cpu, pages, logs


def _sequential(base: str, ids: list[int], page_size: int) -> tuple[float, float, int, int]:
    with sc.Client(auth=sc.BasicAuth(*_auth()), base_url=base) as client:
        started, cpu = time.perf_counter(), time.process_time()
        pages = logs = 0
        for iid in ids:
            for page in client.exception_logs.list(iid, page_size=page_size).pages():
                pages += 1
                logs += len(page.items)
        return time.perf_counter() - started, time.process_time() - cpu, pages, logs


def _measure_config(base: str, server_pid: int, config: str, repeats: int) -> dict[str, Any]:
    page_size = PAGE_SIZES[config]
    ids = integration_ids(config)
    runners: dict[str, Callable[[], tuple[float, float, int, int]]] = {
        "sdk_async": lambda: asyncio.run(_sdk_fanout(base, ids, page_size)),
        "bare_httpx_async": lambda: asyncio.run(_bare_fanout(base, ids, page_size)),
        "bare_httpx_models_async": lambda: asyncio.run(
            _bare_fanout(base, ids, page_size, models=True)
        ),
        "sdk_sequential": lambda: _sequential(base, ids, page_size),
    }
    for run in runners.values():  # warm up: lazy imports, the sandbox's validators
        run()
    wall: dict[str, list[float]] = {name: [] for name in runners}
    client_cpu: dict[str, list[float]] = {name: [] for name in runners}
    server_cpu: dict[str, list[float]] = {name: [] for name in runners}
    gc_time: dict[str, list[float]] = {name: [] for name in runners}
    requests = INTEGRATIONS * PAGES
    for _ in range(repeats):
        for name, run in runners.items():
            gc.collect()  # each run starts with the same (empty) young generations
            server = _cpu_seconds(server_pid)
            with _GCTimer() as collector:
                seconds, cpu, pages, logs = run()
            gc_time[name].append(collector.seconds / requests)
            assert (pages, logs) == (requests, requests * page_size), (name, pages, logs)
            wall[name].append(seconds)
            client_cpu[name].append(cpu / requests)
            server_after = _cpu_seconds(server_pid)
            if server is not None and server_after is not None:
                server_cpu[name].append((server_after - server) / requests)
    rounds = math.ceil(INTEGRATIONS / CONCURRENCY) * PAGES
    ideal = LATENCY * rounds
    medians = {name: statistics.median(v) for name, v in wall.items()}
    return {
        "page_size": page_size,
        "requests": requests,
        "rounds": rounds,
        "ideal_s": ideal,
        "wall_s": medians,
        "ratio_to_ideal": {name: s / ideal for name, s in medians.items()},
        "client_cpu_ms_per_request": {
            name: statistics.median(v) * 1e3 for name, v in client_cpu.items()
        },
        "gc_ms_per_request": {name: statistics.median(v) * 1e3 for name, v in gc_time.items()},
        "server_cpu_ms_per_request": {
            name: statistics.median(v) * 1e3 for name, v in server_cpu.items() if v
        },
    }


def measure(repeats: int) -> dict[str, Any]:
    ctx = multiprocessing.get_context("spawn")
    port_q = ctx.Queue()
    server = ctx.Process(target=_serve, args=(port_q,), daemon=True)
    server.start()
    try:
        base = port_q.get(timeout=120)
        assert server.pid is not None
        configs = {c: _measure_config(base, server.pid, c, repeats) for c in PAGE_SIZES}
    finally:
        server.terminate()
        server.join()
    return {
        "integrations": INTEGRATIONS,
        "concurrency": CONCURRENCY,
        "latency_s": LATENCY,
        "pages_per_integration": PAGES,
        "repeats": repeats,
        "configs": configs,
    }


def _report(result: dict[str, Any]) -> str:
    lines = [
        f"{result['integrations']} integrations x {result['pages_per_integration']} pages, "
        f"concurrency {result['concurrency']}, latency {result['latency_s'] * 1e3:.0f} ms, "
        f"{result['repeats']} repeats (medians)"
    ]
    for config, r in result["configs"].items():
        lines.append(
            f"[{config}: page_size {r['page_size']}, {r['requests']} requests, "
            f"ideal {r['ideal_s'] * 1e3:.0f} ms = {r['rounds']} rounds]"
        )
        for name, seconds in r["wall_s"].items():
            server = r["server_cpu_ms_per_request"].get(name)
            lines.append(
                f"{name:>18}: {seconds * 1e3:7.0f} ms = {r['ratio_to_ideal'][name]:5.2f}x ideal; "
                f"CPU/request: ours {r['client_cpu_ms_per_request'][name]:.2f} ms "
                f"(GC {r['gc_ms_per_request'][name]:.2f}), "
                f"sandbox {server if server is None else f'{server:.2f}'} ms"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = measure(args.repeats)
    print(json.dumps(result, indent=2) if args.json else _report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
