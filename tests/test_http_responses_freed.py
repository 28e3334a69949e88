"""A finished call's response is freed when the call returns, not by the garbage collector.

httpx binds each response's stream to the response (to time it), a reference cycle that
kept every call's response, request and headers until the next collection. The senders
give a read response the stream of its body instead (issue #17). Each test runs with the
collector off, so a response still in a cycle stays alive and fails it.
"""

from __future__ import annotations

import contextlib
import gc
import weakref
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations._sender import _unbound
from sendcloud_integrations.testing import PRESTASHOP_ID, Sandbox

pytestmark = pytest.mark.anyio

Seen = list["weakref.ReferenceType[httpx.Response]"]


@pytest.fixture
def collector_off() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _auth(sandbox: Sandbox) -> sc.BasicAuth:
    return sc.BasicAuth(sandbox.credentials.public_key, sandbox.credentials.secret_key)


def _keep_weakly(seen: Seen) -> dict[str, list[object]]:
    def keep(response: httpx.Response) -> None:
        seen.append(weakref.ref(response))

    return {"response": [keep]}


def _keep_weakly_async(seen: Seen) -> dict[str, list[object]]:
    async def keep(response: httpx.Response) -> None:
        seen.append(weakref.ref(response))

    return {"response": [keep]}


def test_a_sync_calls_response_is_freed_when_it_returns(
    sandbox: Sandbox, collector_off: None
) -> None:
    """Client.integrations.get leaves no response behind once its model is returned."""
    seen: Seen = []
    http = httpx.Client(transport=sandbox.transport(), event_hooks=_keep_weakly(seen))
    with sc.Client(auth=_auth(sandbox), base_url=sandbox.base_url, http_client=http) as client:
        assert client.integrations.get(PRESTASHOP_ID).id == PRESTASHOP_ID
        assert len(seen) == 1
        assert seen[0]() is None


@pytest.mark.parametrize("backend", ["httpx", "aiohttp"])
async def test_an_async_calls_response_is_freed_when_it_returns(
    sandbox: Sandbox, collector_off: None, backend: str
) -> None:
    """AsyncClient.integrations.get leaves no response behind, on either backend."""
    seen: Seen = []
    hooks = _keep_weakly_async(seen)
    with contextlib.ExitStack() as stack:
        if backend == "aiohttp":
            pytest.importorskip("httpx_aiohttp")
            base_url = stack.enter_context(sandbox.serve()).base_url  # over loopback
            http: httpx.AsyncClient = sc.DefaultAioHttpClient(event_hooks=hooks)
        else:
            base_url = sandbox.base_url
            http = httpx.AsyncClient(transport=sandbox.transport(), event_hooks=hooks)
        async with sc.AsyncClient(
            auth=_auth(sandbox), base_url=base_url, http_client=http
        ) as client:
            assert (await client.integrations.get(PRESTASHOP_ID)).id == PRESTASHOP_ID
            assert len(seen) == 1
            assert seen[0]() is None


async def test_a_call_on_the_aiohttp_shortcut_is_freed_when_it_returns(
    sandbox: Sandbox, collector_off: None
) -> None:
    """Without event hooks (DefaultAioHttpClient's own send), the response is freed too."""
    pytest.importorskip("httpx_aiohttp")
    seen: Seen = []
    http = sc.DefaultAioHttpClient()
    transport: Any = http._transport
    sent = transport.handle_async_request

    async def keeping(request: httpx.Request, read_whole: bool | None = None) -> httpx.Response:
        response: httpx.Response = await sent(request, read_whole)
        seen.append(weakref.ref(response))
        return response

    transport.handle_async_request = keeping
    with sandbox.serve() as server:
        async with sc.AsyncClient(
            auth=_auth(sandbox), base_url=server.base_url, http_client=http
        ) as client:
            for _ in range(2):  # the first opens the client, through httpx's own send
                assert (await client.integrations.get(PRESTASHOP_ID)).id == PRESTASHOP_ID
            assert len(seen) == 2
            assert [ref() for ref in seen] == [None, None]


def test_a_followed_redirect_frees_every_hop(sandbox: Sandbox, collector_off: None) -> None:
    """A caller's client that follows a same-origin redirect: both responses are freed."""
    inner = sandbox.transport()
    redirected: list[bool] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if not redirected:
            redirected.append(True)
            return httpx.Response(307, headers={"Location": str(request.url)})
        return inner.handle_request(request)

    seen: Seen = []
    http = httpx.Client(
        transport=httpx.MockTransport(handler),
        follow_redirects=True,
        event_hooks=_keep_weakly(seen),
    )
    with sc.Client(auth=_auth(sandbox), base_url=sandbox.base_url, http_client=http) as client:
        assert client.integrations.get(PRESTASHOP_ID).id == PRESTASHOP_ID
        assert len(seen) == 2
        assert [ref() for ref in seen] == [None, None]


def test_a_kept_response_still_reads_as_it_did(sandbox: Sandbox) -> None:
    """A response the caller keeps (captured) has its body, text and JSON after the change."""
    with (
        sc.Client(
            auth=_auth(sandbox), base_url=sandbox.base_url, transport=sandbox.transport()
        ) as client,
        client.capture_responses() as captured,
    ):
        client.integrations.get(PRESTASHOP_ID)
    response = captured.last
    assert response.is_closed
    assert response.json()["data"]["id"] == PRESTASHOP_ID
    assert response.read() == response.content
    assert b"".join(response.stream) == response.content  # type: ignore[arg-type]


def test_a_response_closed_unread_keeps_its_stream() -> None:
    """Only read responses get their body's stream: one closed unread is left as it was."""
    stream = httpx.ByteStream(b"{}")
    response = httpx.Response(200, stream=stream)
    response.close()
    _unbound(response)
    assert response.stream is stream
