"""Forked worker processes for the token store tests, each with its own client and store.

Workers are forked before the test starts any thread of its own (the sandbox
server's), and fork is used because spawn would re-import the suite per worker
on a loaded machine. Each worker makes its store and client after the fork, so
no connection or lock crosses the fork.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import multiprocessing
import os
import ssl
import threading
import traceback
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any

import anyio
import anyio.to_thread
import httpx
import sendcloud_integrations as sc
from sendcloud_integrations.testing import Sandbox

# Python 3.12+ warns on every fork of a process that has threads (anyio's idle
# worker threads of earlier tests); the workers touch none of their state.
FORK_WARNING = "ignore:.*use of fork\\(\\) may lead to deadlocks:DeprecationWarning"
FORK = multiprocessing.get_context("fork")
# Made once before the forks: loading the CA bundle costs each new client ~0.1 s of CPU,
# a second per round of workers on a loaded machine, and loopback needs none of it.
TLS = ssl.create_default_context()


Body = Callable[[int, Connection], None]


def _child(body: Body, index: int, conn: Connection) -> None:
    try:
        body(index, conn)
    except BaseException:
        conn.send(("crashed", traceback.format_exc()))
        raise


@functools.cache
def warm_up() -> None:
    """Import what a worker will use (lazily loaded operations and models) once, before forking.

    Otherwise each of the workers imports them itself, which costs seconds of CPU.
    """
    sandbox = Sandbox()
    auth = sc.BasicAuth(sandbox.credentials.public_key, sandbox.credentials.secret_key)
    with sc.Client(auth=auth, base_url=sandbox.base_url, transport=sandbox.transport()) as client:
        client.integrations.list()

    async def call() -> None:
        async with sc.AsyncClient(
            auth=auth, base_url=sandbox.base_url, transport=sandbox.transport()
        ) as client:
            await client.integrations.list()

    anyio.run(call)
    httpx.HTTPTransport(verify=TLS).close()
    httpx.AsyncHTTPTransport(verify=TLS)
    for name in ("h11", "filelock", "redis", "redis.asyncio", "redis.backoff", "redis.retry"):
        with contextlib.suppress(ImportError):
            importlib.import_module(name)


class Workers:
    """``count`` forked processes running ``body``, each talking to the test over a pipe."""

    def __init__(self, count: int, body: Body) -> None:
        warm_up()
        pipes = [FORK.Pipe() for _ in range(count)]
        self.conns = [parent for parent, _ in pipes]
        self._processes = [
            FORK.Process(target=_child, args=(body, i, child), daemon=True)
            for i, (_, child) in enumerate(pipes)
        ]
        for process in self._processes:
            process.start()

    def ask_all(self, message: object, timeout: float = 60.0) -> list[Any]:
        """Send ``message`` to every worker, then collect every answer."""
        for conn in self.conns:
            conn.send(message)
        answers = []
        for conn in self.conns:
            if not conn.poll(timeout):
                raise AssertionError("a worker did not answer")
            answer = conn.recv()
            if isinstance(answer, tuple) and answer[:1] == ("crashed",):
                raise AssertionError(f"a worker crashed:\n{answer[1]}")
            answers.append(answer)
        return answers

    def stop(self) -> None:
        for conn in self.conns:
            with contextlib.suppress(OSError):
                conn.send("stop")
        for process in self._processes:
            process.join(30)
            if process.is_alive():
                process.kill()
                process.join()


@contextlib.contextmanager
def workers(count: int, body: Body) -> Iterator[Workers]:
    group = Workers(count, body)
    try:
        yield group
    finally:
        group.stop()


def auth_for(
    sandbox: Sandbox, token_url: str, store: sc.TokenStore, clock: Callable[[], float]
) -> sc.OAuth2ClientCredentials:
    return sc.OAuth2ClientCredentials(
        sandbox.credentials.client_id,
        sandbox.credentials.client_secret,
        token_url=token_url,
        token_store=store,
        clock=clock,
    )


def _outcome(call: Callable[[], object]) -> str:
    try:
        call()
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return "ok"


def _thread_round(client: sc.Client, n: int) -> list[str]:
    results = [""] * n

    def one(i: int) -> None:
        results[i] = _outcome(client.integrations.list)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


async def _task_round(client: sc.AsyncClient, n: int) -> list[str]:
    results: list[str] = []

    async def one() -> None:
        try:
            await client.integrations.list()
        except Exception as exc:
            results.append(f"{type(exc).__name__}: {exc}")
        else:
            results.append("ok")

    async with anyio.create_task_group() as tasks:
        for _ in range(n):
            tasks.start_soon(one)
    return results


def thread_worker(
    sandbox: Sandbox, make_store: Callable[[], sc.TokenStore], clock: Callable[[], float], n: int
) -> Body:
    """A worker with one sc.Client used by ``n`` threads per round ("ok" or the error each)."""

    def body(index: int, conn: Connection) -> None:
        first = conn.recv()
        if first == "stop":
            return
        base_url, token_url = first
        store = make_store()
        auth = auth_for(sandbox, token_url, store, clock)
        transport = httpx.HTTPTransport(verify=TLS)
        with sc.Client(auth=auth, base_url=base_url, transport=transport) as client:
            conn.send("ready")
            while conn.recv() != "stop":
                conn.send(_thread_round(client, n))
        close = getattr(store, "close", None)
        if close is not None:
            close()

    return body


def task_worker(
    sandbox: Sandbox, make_store: Callable[[], sc.TokenStore], clock: Callable[[], float], n: int
) -> Body:
    """A worker with one sc.AsyncClient used by ``n`` tasks per round."""

    def body(index: int, conn: Connection) -> None:
        anyio.run(_tasks, sandbox, make_store, clock, n, conn)

    return body


async def _tasks(
    sandbox: Sandbox,
    make_store: Callable[[], sc.TokenStore],
    clock: Callable[[], float],
    n: int,
    conn: Connection,
) -> None:
    first = await anyio.to_thread.run_sync(conn.recv)
    if first == "stop":
        return
    base_url, token_url = first
    store = make_store()
    auth = auth_for(sandbox, token_url, store, clock)
    transport = httpx.AsyncHTTPTransport(verify=TLS)
    async with sc.AsyncClient(auth=auth, base_url=base_url, transport=transport) as client:
        conn.send("ready")
        while await anyio.to_thread.run_sync(conn.recv) != "stop":
            conn.send(await _task_round(client, n))
    aclose = getattr(store, "aclose", None)
    if aclose is not None:
        await aclose()


def kill_holding_lease(store_factory: Callable[[], sc.TokenStore], key: str) -> None:
    """A forked process takes the lease on ``key`` and dies without giving it back."""

    def body(index: int, conn: Connection) -> None:
        store = store_factory()
        conn.send(store.acquire(key, "a-process-that-crashed"))
        os._exit(0)  # no release, no cleanup: as if killed

    parent, child = FORK.Pipe()
    process = FORK.Process(target=body, args=(0, child))
    process.start()
    try:
        assert parent.poll(30)
        assert parent.recv() is True
    finally:
        process.join(30)
