"""Sections against a server over loopback HTTP.

- fanout: 50 async calls at concurrency 10 and 50, against a server in another process
  (its CPU does not share our GIL) that replays the sandbox's answers after 20 ms
  (``bench_server``); ``integrations.get`` and a logs page of 10 and of 100; the SDK on
  its default httpx backend and on ``sc.DefaultAioHttpClient``, beside bare
  ``httpx.AsyncClient`` and bare httpx-aiohttp with ``json.loads``, and bare
  ``aiohttp.ClientSession`` (no httpx at all: the floor of the aiohttp rows). Ideal = latency x
  ceil(50 / concurrency). (#17)
- token_store: 32 worker processes cold-starting on one OAuth2 client, with and without a
  shared ``sc.FileTokenStore``: token requests counted by the sandbox, and wall time. (#19)
"""

from __future__ import annotations

import asyncio
import cProfile
import json
import math
import multiprocessing
import os
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import bench_server
import httpx
import sendcloud_integrations as sc
from bench_harness import goal, median, profile_lines, row
from sendcloud_integrations.testing import PRESTASHOP_ID, Sandbox

CALLS = 50
LATENCY = 0.020
OPERATIONS = ("get", "logs page_size=10", "logs page_size=100")
CONCURRENCY = (10, 50)
# Rounds per configuration: the median of 11 holds still on a host whose noise moves
# single fan-outs by a tenth or more (issue #17).
ROUNDS = 11
CLIENTS = (
    "SDK, httpx backend",
    "SDK, aiohttp backend",
    "bare httpx",
    "bare httpx-aiohttp",
    "bare aiohttp (no httpx)",
)


def _canned() -> tuple[bench_server.Canned, str, str, str, str, str]:
    """The sandbox's answers to the fan-out's requests, its origin, Authorization, path
    prefix and keys."""
    sandbox = Sandbox(log_count=200)
    creds = sandbox.credentials
    auth = httpx.BasicAuth(creds.public_key, creds.secret_key)
    prefix = httpx.URL(sandbox.base_url).raw_path.decode()
    paths = [f"/integrations/{PRESTASHOP_ID}"]
    paths += [f"/integrations/logs?page_size={size}" for size in (10, 100)]
    canned: bench_server.Canned = {}
    with httpx.Client(transport=sandbox.transport(), auth=auth) as http:
        for path in paths:
            response = http.get(sandbox.base_url + path)
            response.raise_for_status()
            headers = [(k, v) for k, v in response.headers.items() if k != "content-length"]
            canned[prefix + path] = (response.status_code, headers, response.content)
    authorization = next(auth.auth_flow(httpx.Request("GET", sandbox.base_url))).headers
    origin = str(httpx.URL(sandbox.base_url).copy_with(raw_path=b"/"))[:-1]
    keys = creds.public_key, creds.secret_key
    return canned, origin, authorization["Authorization"], prefix, *keys


def _cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _one_call(
    kind: str, operation: str, base: str, auth: httpx.Auth
) -> tuple[Any, Callable[[], Awaitable[object]]]:
    """A client of ``kind`` and the coroutine function making one ``operation`` with it."""
    page_size = int(operation.rsplit("=", 1)[1]) if "=" in operation else 0
    if kind.startswith("SDK"):
        http = sc.DefaultAioHttpClient() if "aiohttp" in kind else None
        client = sc.AsyncClient(auth=auth, base_url=base, http_client=http)

        async def sdk() -> object:
            if not page_size:
                return await client.integrations.get(PRESTASHOP_ID)
            paginator = client.exception_logs.list(page_size=page_size, limit=page_size)
            return [log async for log in paginator]

        return client, sdk
    path = (
        f"/integrations/logs?page_size={page_size}"
        if page_size
        else f"/integrations/{PRESTASHOP_ID}"
    )
    if kind == "bare aiohttp (no httpx)":
        # The floor under both aiohttp rows: aiohttp's own session, no httpx above it.
        import aiohttp

        authorization = next(auth.auth_flow(httpx.Request("GET", base))).headers["Authorization"]
        session = aiohttp.ClientSession(headers={"Authorization": authorization})

        async def floor() -> object:
            async with session.get(base + path) as response:
                return json.loads(await response.read())

        return session, floor
    if "aiohttp" in kind:
        from httpx_aiohttp import HttpxAiohttpClient

        bare: httpx.AsyncClient = HttpxAiohttpClient(auth=auth)
    else:
        bare = httpx.AsyncClient(auth=auth)

    async def plain() -> object:
        return json.loads((await bare.get(base + path)).content)

    return bare, plain


async def _fanout(
    kind: str,
    operation: str,
    concurrency: int,
    base: str,
    auth: httpx.Auth,
    profiler: cProfile.Profile | None = None,
) -> tuple[float, float]:
    """Wall and CPU seconds of CALLS calls at ``concurrency``, after an untimed warm-up round.

    ``profiler`` profiles the timed calls only (not the client's setup or the warm-up).
    """
    client, call = _one_call(kind, operation, base, auth)
    semaphore = asyncio.Semaphore(concurrency)

    async def limited() -> object:
        async with semaphore:
            return await call()

    async with client:
        await asyncio.gather(*(limited() for _ in range(concurrency)))  # open the connections
        if profiler is not None:
            profiler.enable()
        started, cpu = time.perf_counter(), time.process_time()
        await asyncio.gather(*(limited() for _ in range(CALLS)))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        if profiler is not None:
            profiler.disable()
        return seconds, cpu


def fanout(quick: bool) -> dict[str, Any]:
    canned, origin, authorization, prefix, public_key, secret_key = _canned()
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    lateness = ctx.Array("d", 2, lock=False)  # seconds late, answers: the server adds up
    args = (canned, origin, authorization, LATENCY, queue, lateness)
    server = ctx.Process(target=bench_server.serve, args=args, daemon=True)
    server.start()
    try:
        base = f"http://127.0.0.1:{queue.get(timeout=120)}{prefix}"
        assert server.pid is not None
        auth = sc.BasicAuth(public_key, secret_key)
        return _measure(base, auth, _Server(server.pid, lateness), quick)
    finally:
        server.terminate()
        server.join()


class _Server:
    """The replay server's process: its CPU time, and how late its answers left."""

    def __init__(self, pid: int, lateness: Any) -> None:
        self.pid, self._lateness = pid, lateness

    def sample(self) -> tuple[float, float, float]:
        """CPU seconds, seconds late summed, answers: so far."""
        return _cpu_seconds(self.pid), self._lateness[0], self._lateness[1]


def _measure(base: str, auth: httpx.Auth, server: _Server, quick: bool) -> dict[str, Any]:
    configs = [(op, c) for op in OPERATIONS for c in CONCURRENCY]
    if quick:
        configs = [("get", 50)]
    wall: dict[tuple[str, int, str], list[float]] = {}
    cpu: dict[tuple[str, int, str], list[float]] = {}
    served: dict[tuple[str, int, str], list[float]] = {}
    late: dict[tuple[str, int, str], list[float]] = {}
    for r in range(1 if quick else ROUNDS):
        for op, concurrency in configs:
            for kind in CLIENTS if r % 2 == 0 else reversed(CLIENTS):
                key = (op, concurrency, kind)
                before = server.sample()
                seconds, ours = asyncio.run(_fanout(kind, op, concurrency, base, auth))
                after = server.sample()
                served.setdefault(key, []).append((after[0] - before[0]) / (CALLS + concurrency))
                answers = max(after[2] - before[2], 1)
                late.setdefault(key, []).append((after[1] - before[1]) / answers)
                wall.setdefault(key, []).append(seconds)
                cpu.setdefault(key, []).append(ours / CALLS)
    rows = []
    for op, concurrency in configs:
        ideal = LATENCY * math.ceil(CALLS / concurrency)
        for kind in CLIENTS:
            key = (op, concurrency, kind)
            rows.append(
                row(
                    f"{op}, concurrency {concurrency}, {kind} (CPU/call ours "
                    f"{median(cpu[key]) * 1e3:.2f} ms, server {median(served[key]) * 1e3:.2f} ms, "
                    f"answers {median(late[key]) * 1e3:.2f} ms late)",
                    median(wall[key]),
                    ratio=median([w / ideal for w in wall[key]]),
                    baseline=f"ideal {ideal * 1e3:.0f} ms",
                )
            )
    ideal = LATENCY * math.ceil(CALLS / 50)
    ratios = {kind: median([w / ideal for w in wall[("get", 50, kind)]]) for kind in CLIENTS}
    profiles = {}
    runs = 1 if quick else 3
    for kind in ("SDK, aiohttp backend", "SDK, httpx backend"):
        profiler = cProfile.Profile()
        for _ in range(runs):
            asyncio.run(_fanout(kind, "get", 50, base, auth, profiler))
        label = f"the timed calls of a fan-out, get at concurrency 50, {kind}"
        profiles[label] = profile_lines(profiler, runs)
    return {
        "title": "Async fan-out over loopback, 20 ms latency (issue #17)",
        "setup": f"{CALLS} calls per fan-out after an untimed warm-up; a new client per fan-out; "
        "the server (the sandbox's answers, replayed) runs in its own process, its timers "
        "waited with select() (epoll would round each wait up to the next millisecond); "
        "each row gives how late its answers left, on average, after their 20 ms. "
        "Ratio: median of wall / ideal.",
        "rows": rows,
        "goals": [
            goal(
                f"#17 {CALLS} concurrent `integrations.get`, aiohttp backend (same run: bare "
                f"httpx-aiohttp {ratios['bare httpx-aiohttp']:.2f}x, bare aiohttp without httpx "
                f"{ratios['bare aiohttp (no httpx)']:.2f}x, SDK on httpx "
                f"{ratios['SDK, httpx backend']:.2f}x, bare httpx {ratios['bare httpx']:.2f}x)",
                value=median(wall[("get", 50, "SDK, aiohttp backend")]),
                baseline_name="ideal",
                baseline=ideal,
                ratio=ratios["SDK, aiohttp backend"],
                target=1.5,
            )
        ],
        "profiles": profiles,
    }


# --- issue #19: many workers, one token ----------------------------------------------------


def _worker(
    token_url: str, base: str, creds: tuple[str, str], store: str | None, barrier: Any
) -> None:
    auth = sc.OAuth2ClientCredentials(
        *creds,
        token_url=token_url,
        **({"token_store": sc.FileTokenStore(store)} if store else {}),  # type: ignore[attr-defined]
    )
    with sc.Client(auth=auth, base_url=base) as client:
        barrier.wait()
        client.integrations.get(PRESTASHOP_ID)


def token_store(quick: bool) -> dict[str, Any]:
    title = "Many workers, one token (issue #19)"
    if not hasattr(sc, "FileTokenStore"):
        reason = "this build has no `sc.FileTokenStore` (the token stores of issue #19)."
        return {"title": title, "setup": "", "skipped": reason, "rows": [], "goals": []}
    workers = 4 if quick else 32
    sandbox = Sandbox()
    creds = (sandbox.credentials.client_id, sandbox.credentials.client_secret)
    ctx = multiprocessing.get_context("spawn")
    results: dict[str, tuple[list[float], list[int]]] = {}
    with sandbox.serve() as server, tempfile.TemporaryDirectory() as tmp:
        for r in range(1 if quick else 3):
            for mode in ("no shared store", "sc.FileTokenStore"):
                store = str(Path(tmp) / f"tokens-{r}.json") if mode != "no shared store" else None
                sandbox.revoke_tokens()
                issued = sandbox.tokens.issued
                barrier = ctx.Barrier(workers + 1)
                args = (server.token_url, server.base_url, creds, store, barrier)
                procs = [ctx.Process(target=_worker, args=args) for _ in range(workers)]
                for proc in procs:
                    proc.start()
                barrier.wait()  # every worker has imported and built its client
                started = time.perf_counter()
                for proc in procs:
                    proc.join()
                seconds = time.perf_counter() - started
                assert all(proc.exitcode == 0 for proc in procs), mode
                walls, tokens = results.setdefault(mode, ([], []))
                walls.append(seconds)
                tokens.append(sandbox.tokens.issued - issued)
    rows = [
        row(
            f"{mode}: token requests (median of rounds {tokens})",
            median([float(t) for t in tokens]),
            "count",
        )
        for mode, (_, tokens) in results.items()
    ]
    rows += [
        row(f"{mode}: wall time, release to all done", median(walls))
        for mode, (walls, _) in results.items()
    ]
    return {
        "title": title,
        "setup": f"{workers} worker processes, each with one client making one "
        "`integrations.get`, released together after import; the sandbox on loopback here.",
        "rows": rows,
        "goals": [
            goal(
                f"#19 token requests, {workers} workers sharing `sc.FileTokenStore`",
                value=median([float(t) for t in results["sc.FileTokenStore"][1]]),
                baseline_name="without a shared store",
                baseline=median([float(t) for t in results["no shared store"][1]]),
                ratio=median([float(t) for t in results["sc.FileTokenStore"][1]])
                / max(1.0, median([float(t) for t in results["no shared store"][1]])),
                target=1,
                unit="count",
                on="value",
            )
        ],
    }
