"""Leases, sync and async: bounded waits, a holder's token picked up, leases given back.

Stores are in-memory or hand-made to hold the lease elsewhere; sleeps are recorded
(and yield to the event loop where that is the point).
"""

from __future__ import annotations

import logging

import anyio
import anyio.lowlevel
import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations._token_store import store_key
from sendcloud_integrations.testing import Sandbox

from .token_store_support import call_api, oauth

both = pytest.mark.parametrize("mode", ["sync", "async"])


def key_of(sandbox: Sandbox) -> str:
    return store_key(httpx.URL(sandbox.token_url), sandbox.credentials.client_id, "api")


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


class LeaseHeldElsewhere(sc.MemoryTokenStore):
    """A store whose lease someone else holds; ``writes_token`` makes that holder finish."""

    def __init__(self, sandbox: Sandbox | None = None) -> None:
        super().__init__(lock_timeout=1.0)
        self._sandbox = sandbox
        self.refusals = 0
        self.token_on_refusal = 2

    def acquire(self, key: str, owner: str) -> bool:
        self.refusals += 1
        if self._sandbox is not None and self.refusals == self.token_on_refusal:
            # The other holder's fetch completes: its token appears in the store.
            token = self._sandbox.issue_token()
            entry = f'{{"access_token": "{token}", "refresh_at": null, "expires_at": null}}'
            self.set(key, entry, None)
        return False


@both
def test_a_lease_that_is_never_given_up_is_waited_for_a_bounded_time(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Someone holds the lease forever: the client waits twice lock_timeout, then fetches itself."""
    sandbox, store, slept = Sandbox(), LeaseHeldElsewhere(), []

    async def async_sleep(seconds: float) -> None:
        slept.append(seconds)

    auth = oauth(sandbox, store, sleep=slept.append, async_sleep=async_sleep)
    call_api(mode, sandbox, auth)
    assert sandbox.tokens.requests == 1
    assert 2.0 <= sum(slept) < 2.0 + 0.1
    assert max(slept) == 0.1  # polls back off to a ceiling
    assert any("lease still held" in m for m in warnings_of(caplog))


@both
def test_a_waiter_takes_the_token_the_lease_holder_wrote(mode: str) -> None:
    """While another process holds the lease its token appears in the store: no fetch of our own."""
    sandbox, slept = Sandbox(), []
    store = LeaseHeldElsewhere(sandbox)

    async def async_sleep(seconds: float) -> None:
        slept.append(seconds)

    auth = oauth(sandbox, store, sleep=slept.append, async_sleep=async_sleep)
    call_api(mode, sandbox, auth)
    assert sandbox.tokens.requests == 0
    assert store.refusals == 2
    assert slept == [0.01, 0.015]


def test_an_async_client_waiting_for_a_lease_leaves_the_event_loop_free() -> None:
    """While one task polls a lease held elsewhere, another task on the loop keeps running."""
    sandbox, store = Sandbox(), LeaseHeldElsewhere()
    store.token_on_refusal = 5
    store._sandbox = sandbox
    ticks: list[int] = []
    sleeps: list[float] = []

    async def async_sleep(seconds: float) -> None:
        sleeps.append(seconds)
        await anyio.lowlevel.checkpoint()

    async def ticker(done: anyio.Event) -> None:
        while not done.is_set():
            ticks.append(len(sleeps))
            await anyio.lowlevel.checkpoint()

    async def main() -> None:
        done = anyio.Event()
        auth = oauth(sandbox, store, async_sleep=async_sleep)
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(ticker, done)
            async with sc.AsyncClient(
                auth=auth, base_url=sandbox.base_url, transport=sandbox.transport()
            ) as client:
                await client.integrations.list()
            done.set()

    anyio.run(main)
    assert len(sleeps) == 5
    assert sandbox.tokens.requests == 0
    # The ticker ran between every two polls of the waiting task.
    assert set(range(1, 6)) <= set(ticks)


def refusing_token_endpoint(sandbox: Sandbox) -> httpx.MockTransport:
    """The sandbox, except that the first token request fails to connect."""
    transport, failed = sandbox.transport(), list[bool]()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth2/token/") and not failed:
            failed.append(True)
            raise httpx.ConnectError("connection refused", request=request)
        return transport.handle_request(request)

    return httpx.MockTransport(handler)


@both
def test_a_token_request_that_fails_to_connect_gives_the_lease_back(mode: str) -> None:
    """httpx closes the flow mid-fetch: the lease is released, not left to lapse."""
    sandbox, store = Sandbox(), sc.MemoryTokenStore(lock_timeout=3600)
    auth = oauth(sandbox, store)
    if mode == "sync":
        with (
            httpx.Client(auth=auth, transport=refusing_token_endpoint(sandbox)) as client,
            pytest.raises(httpx.ConnectError),
        ):
            client.get(sandbox.base_url + "/integrations")
    else:

        async def call() -> None:
            transport = refusing_token_endpoint(sandbox)
            async with httpx.AsyncClient(auth=auth, transport=transport) as client:
                with pytest.raises(httpx.ConnectError):
                    await client.get(sandbox.base_url + "/integrations")

        anyio.run(call)
    assert store.acquire(key_of(sandbox), "the next caller") is True


def test_a_task_cancelled_while_holding_the_lease_gives_it_back() -> None:
    """Cancelling the task that is fetching the token releases its store lease."""
    sandbox, store = Sandbox(), sc.MemoryTokenStore(lock_timeout=3600)
    inner = sandbox.transport()

    async def main() -> None:
        in_flight, never = anyio.Event(), anyio.Event()

        async def handler(request: httpx.Request) -> httpx.Response:
            if request.url.path.endswith("/oauth2/token/"):
                in_flight.set()
                await never.wait()
            return await inner.handle_async_request(request)

        transport = httpx.MockTransport(handler)
        auth = oauth(sandbox, store)
        async with (
            httpx.AsyncClient(auth=auth, transport=transport) as client,
            anyio.create_task_group() as tasks,
        ):
            tasks.start_soon(client.get, sandbox.base_url + "/integrations")
            await in_flight.wait()
            assert store.acquire(key_of(sandbox), "the next caller") is False
            tasks.cancel_scope.cancel()

    anyio.run(main)
    assert store.acquire(key_of(sandbox), "the next caller") is True
