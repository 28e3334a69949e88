"""Many workers, one token: token requests and wall time for 32 worker processes (issue #19).

Each worker is a forked process with its own sc.Client and OAuth2ClientCredentials,
as in a Celery or gunicorn pool; all start together on a cold store and make
``calls`` API calls each against the sandbox served on 127.0.0.1, whose token
endpoint counts the requests it answers. Variants: no shared store (each
worker's own memory, the default), a FileTokenStore, and a RedisTokenStore when
a Redis is at hand (``--redis-url``, SENDCLOUD_TEST_REDIS_URL, or a
redis-server on PATH that this script starts and stops).

    python tools/bench_tokens.py [--workers 32] [--calls 5] [--token-latency 0.05]

``measure()`` returns the figures for a harness (nox -s bench) to report.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import sendcloud_integrations as sc
from sendcloud_integrations.testing import Sandbox

# fork: a worker starts in milliseconds with everything imported; spawn would
# re-import the SDK 32 times and measure that instead.
_FORK = multiprocessing.get_context("fork")


@dataclass(frozen=True)
class Row:
    store: str
    workers: int
    calls: int
    token_requests: int
    wall_seconds: float
    failures: int


def _worker(make_store: Callable[[], sc.TokenStore], calls: int, conn: Connection) -> None:
    base_url, token_url, client_id, client_secret = conn.recv()
    store = make_store()
    auth = sc.OAuth2ClientCredentials(
        client_id, client_secret, token_url=token_url, token_store=store
    )
    failures = 0
    with sc.Client(auth=auth, base_url=base_url) as client:
        conn.send("ready")
        conn.recv()
        for _ in range(calls):
            try:
                client.integrations.list()
            except sc.SendcloudError:
                failures += 1
        conn.send(failures)
    close = getattr(store, "close", None)
    if close is not None:
        close()


def _run(
    name: str,
    make_store: Callable[[], sc.TokenStore],
    workers: int,
    calls: int,
    token_latency: float,
) -> Row:
    # Warm the lazily imported operations and models once, before forking.
    warm = Sandbox()
    auth = sc.BasicAuth(warm.credentials.public_key, warm.credentials.secret_key)
    with sc.Client(auth=auth, base_url=warm.base_url, transport=warm.transport()) as client:
        client.integrations.list()
    pipes = [_FORK.Pipe() for _ in range(workers)]
    processes = [
        _FORK.Process(target=_worker, args=(make_store, calls, child), daemon=True)
        for _, child in pipes
    ]
    for process in processes:
        process.start()
    sandbox = Sandbox()
    if token_latency:
        sandbox.faults.latency(token_latency, route="POST /oauth2/token/")
    creds = sandbox.credentials
    try:
        with sandbox.serve() as server:
            setup = (server.base_url, server.token_url, creds.client_id, creds.client_secret)
            for parent, _ in pipes:
                parent.send(setup)
            for parent, _ in pipes:
                parent.recv()
            started = time.perf_counter()
            for parent, _ in pipes:
                parent.send("go")
            failures = sum(int(parent.recv()) for parent, _ in pipes)
            wall = time.perf_counter() - started
    finally:
        for process in processes:
            process.join(60)
            if process.is_alive():
                process.kill()
    return Row(name, workers, calls, sandbox.tokens.requests, wall, failures)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def _redis(url: str | None) -> Iterator[str | None]:
    """The Redis to use: the one given, or one started here on a free port, or None."""
    url = url or os.environ.get("SENDCLOUD_TEST_REDIS_URL") or None
    binary = shutil.which("redis-server")
    if url is not None or binary is None:
        yield url
        return
    port = _free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(200):  # a benchmark may wait for its server; tests never do this
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port)):
                break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.kill()
        process.wait()


def measure(
    workers: int = 32, calls: int = 5, token_latency: float = 0.05, redis_url: str | None = None
) -> list[Row]:
    """One row per store: token requests the endpoint answered, and wall time for all calls."""
    rows = [_run("none (each worker's memory)", sc.MemoryTokenStore, workers, calls, token_latency)]
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "tokens.json"
        rows.append(
            _run("FileTokenStore", lambda: sc.FileTokenStore(path), workers, calls, token_latency)
        )
    with _redis(redis_url) as url:
        if url is not None:
            prefix = f"bench:{os.getpid()}:{time.time_ns()}:"
            rows.append(
                _run(
                    "RedisTokenStore",
                    lambda: sc.RedisTokenStore(url, key_prefix=prefix),
                    workers,
                    calls,
                    token_latency,
                )
            )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=32)
    parser.add_argument("--calls", type=int, default=5, help="API calls per worker")
    parser.add_argument(
        "--token-latency", type=float, default=0.05, help="seconds the token endpoint takes"
    )
    parser.add_argument("--redis-url", default=None)
    args = parser.parse_args(argv)
    rows = measure(args.workers, args.calls, args.token_latency, args.redis_url)
    print(f"{'store':<30} {'workers':>7} {'calls':>5} {'token requests':>14} {'wall s':>7}")
    for row in rows:
        print(
            f"{row.store:<30} {row.workers:>7} {row.workers * row.calls:>5} "
            f"{row.token_requests:>14} {row.wall_seconds:>7.2f}"
            + (f"  ({row.failures} calls failed)" if row.failures else "")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
