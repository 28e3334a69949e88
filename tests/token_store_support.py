"""For the token store tests: the Redis to test against, a redis-server to kill, one call."""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from typing import Any

import anyio
import anyio.to_thread
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations.testing import Sandbox

REDIS_URL_VARIABLE = "SENDCLOUD_TEST_REDIS_URL"


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def missing(reason: str) -> None:
    """Skip locally; fail on CI, where .ci/run provides Redis and the tests must run."""
    if on_ci():
        pytest.fail(f"{reason} (CI must run the Redis tests; .ci/run starts redis-server)")
    pytest.skip(reason)


def redis_url() -> str:
    url = os.environ.get(REDIS_URL_VARIABLE, "").strip()
    if not url:
        missing(
            f"no Redis to test against: set {REDIS_URL_VARIABLE}=redis://127.0.0.1:PORT/0 "
            "(.ci/run starts one)"
        )
    return url


def unique_prefix() -> str:
    return f"sendcloud-test:{os.getpid()}:{time.monotonic_ns()}:"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class RedisServer:
    """A redis-server of the test's own on 127.0.0.1, to kill and restart (no persistence)."""

    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            missing("redis-server is not on PATH (apt-get install redis-server)")
        self._binary = binary or "redis-server"
        self.port = free_port()
        self._process: subprocess.Popen[bytes] | None = None
        self._drain: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        process = subprocess.Popen(
            [
                *(self._binary, "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--loglevel", "notice"),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        self._process = process
        assert process.stdout is not None
        fd = process.stdout.fileno()
        deadline = time.monotonic() + 20
        seen = b""
        # Its log says when it listens: wait on the pipe, not on a timer.
        while b"Ready to accept connections" not in seen:
            left = deadline - time.monotonic()
            readable, _, _ = select.select([fd], [], [], max(left, 0))
            chunk = os.read(fd, 65536) if readable else b""
            if not chunk:
                self.kill()
                raise RuntimeError(f"redis-server did not start: {seen.decode(errors='replace')}")
            seen += chunk
        # Drained in the background so a full pipe never stalls the server.
        self._drain = threading.Thread(target=_drain, args=(fd,), daemon=True)
        self._drain.start()

    def kill(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            if self._drain is not None:
                self._drain.join()  # at end of file, now that the server is gone
            if self._process.stdout is not None:
                self._process.stdout.close()
            self._process, self._drain = None, None


def _drain(fd: int) -> None:
    while os.read(fd, 65536):
        pass


@contextlib.contextmanager
def redis_server() -> Iterator[RedisServer]:
    server = RedisServer()
    server.start()
    try:
        yield server
    finally:
        server.kill()


def oauth(
    sandbox: Sandbox, store: sc.TokenStore | None, **kwargs: Any
) -> sc.OAuth2ClientCredentials:
    return sc.OAuth2ClientCredentials(
        sandbox.credentials.client_id,
        sandbox.credentials.client_secret,
        token_url=sandbox.token_url,
        token_store=store,
        **kwargs,
    )


def call_api(mode: str, sandbox: Sandbox, auth: sc.OAuth2ClientCredentials) -> None:
    """One API call through sc.Client ("sync") or sc.AsyncClient ("async"), in-process."""
    if mode == "sync":
        with sc.Client(auth=auth, base_url=sandbox.base_url, transport=sandbox.transport()) as c:
            c.integrations.list()
        return

    async def call() -> None:
        async with sc.AsyncClient(
            auth=auth, base_url=sandbox.base_url, transport=sandbox.transport()
        ) as client:
            await client.integrations.list()
        # A URL-made RedisTokenStore opened connections on this event loop.
        aclose = getattr(auth.token_store, "aclose", None)
        if aclose is not None:
            await aclose()

    anyio.run(call)
