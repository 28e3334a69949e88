"""DefaultAioHttpClient's own send for BasicAuth gives what httpx's send chain gives.

For the case the SDK sends on every call (BasicAuth, no redirect followed, no event
hooks, the body read), ``DefaultAioHttpClient.send`` takes httpx's steps itself
(issue #17). Each test here sends the same request both ways over loopback, the
shortcut and httpx's own ``AsyncClient.send`` on the same client and transport, and
compares everything a caller can see; and checks that every other case still goes
through httpx's chain.
"""

from __future__ import annotations

import gzip
import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations.testing import PRESTASHOP_ID, Sandbox

from ._loopback import BODY, http_answer, loopback_server, plain_answer

pytestmark = [pytest.mark.anyio]

AUTH = sc.BasicAuth("pk_shortcut", "sk_shortcut")
PACKED = gzip.compress(BODY)
LARGE = bytes(range(256)) * (8 * 4096)  # more than aiohttp holds when the head is parsed

ANSWERS = {
    "json": plain_answer(BODY, "Content-Type: application/json"),
    "not found": http_answer(
        ["HTTP/1.1 404 Not Found", "Content-Type: application/json", "Content-Length: 2"], b"{}"
    ),
    "redirect": http_answer(
        ["HTTP/1.1 302 Found", "Location: /elsewhere?page=2", "Content-Length: 0"], b""
    ),
    "cookie": plain_answer(BODY, "Set-Cookie: session=s1; Path=/"),
    "gzip": http_answer(
        [
            "HTTP/1.1 200 OK",
            "Content-Encoding: gzip",
            f"Content-Length: {len(gzip.compress(BODY))}",
        ],
        gzip.compress(BODY),
    ),
    "no reason": http_answer(["HTTP/1.1 200", "Content-Length: 2"], b"ok"),
    "large": plain_answer(LARGE),
}


@pytest.fixture
async def http() -> AsyncIterator[sc.DefaultAioHttpClient]:
    pytest.importorskip("httpx_aiohttp")
    # Not httpx's default encoding: a response given none would show it.
    async with sc.DefaultAioHttpClient(default_encoding="iso-8859-1") as client:
        yield client


def _seen(response: httpx.Response, http: httpx.AsyncClient) -> dict[str, Any]:
    """What a caller can see of a response (and of the client's cookie jar after it)."""
    following = response.next_request
    return {
        "status": (response.status_code, response.reason_phrase, response.http_version),
        "headers": response.headers.multi_items(),
        "content": response.content,
        "text": response.text,
        "encoding": (response.encoding, response.default_encoding),
        "state": (response.is_closed, response.is_stream_consumed),
        "downloaded": response.num_bytes_downloaded,
        "history": response.history,
        "next": following and (following.method, following.url, following.headers.raw),
        "sent": (response.request.method, response.request.url, response.request.headers.raw),
        "elapsed": type(response.elapsed),
        "extensions": sorted(response.extensions),
        "cookies": sorted(http.cookies.items()),
    }


async def _both_ways(
    http: sc.DefaultAioHttpClient, url: str, caplog: pytest.LogCaptureFixture
) -> tuple[tuple[dict[str, Any], list[str]], tuple[dict[str, Any], list[str]]]:
    seen = []
    for send in (sc.DefaultAioHttpClient.send, httpx.AsyncClient.send):
        http.cookies.clear()
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="httpx"):
            response = await send(http, http.build_request("GET", url), auth=AUTH)
        logged = [r.getMessage() for r in caplog.records if r.name == "httpx"]
        seen.append((_seen(response, http), logged))
    return seen[0], seen[1]


@pytest.mark.parametrize("answer", list(ANSWERS))
async def test_the_shortcut_answers_as_httpx_s_chain(
    answer: str, http: sc.DefaultAioHttpClient, caplog: pytest.LogCaptureFixture
) -> None:
    """Status, headers, body, state, history, next request, cookies and log line agree."""
    with loopback_server(ANSWERS[answer]) as url:
        shortcut, chain = await _both_ways(http, url, caplog)
    assert shortcut == chain
    assert shortcut[0]["sent"][2][-1] == (b"Authorization", AUTH._header.reveal().encode())
    assert len(shortcut[1]) == 1


class _Counted:
    """Counts the requests that go through httpx's auth-handling step."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        chain = httpx.AsyncClient._send_handling_auth

        async def counted(client: httpx.AsyncClient, *args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            return await chain(client, *args, **kwargs)

        monkeypatch.setattr(httpx.AsyncClient, "_send_handling_auth", counted)


class _OwnFlow(sc.BasicAuth):
    def auth_flow(self, request: httpx.Request) -> Any:
        request.headers["X-Own-Flow"] = "1"
        yield request


async def _hook(_: object) -> None:
    pass


@pytest.mark.parametrize(
    ("case", "through_httpx"),
    [
        ("basic", False),
        ("stream", True),
        ("follow redirects", True),
        ("event hook", True),
        ("own auth flow", True),
        ("client's auth", True),
    ],
)
async def test_only_the_basic_case_skips_httpx_s_chain(
    case: str, through_httpx: bool, http: sc.DefaultAioHttpClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Streams, redirects followed, hooks, other flows and the client's own auth use httpx's."""
    with loopback_server(ANSWERS["json"]) as url:
        counted = _Counted(monkeypatch)
        auth: Any = _OwnFlow("pk", "sk") if case == "own auth flow" else AUTH
        if case == "client's auth":
            http.auth, auth = AUTH, httpx.USE_CLIENT_DEFAULT
        if case == "event hook":
            http.event_hooks = {"request": [_hook]}
        request = http.build_request("GET", url)
        response = await http.send(
            request,
            auth=auth,
            stream=case == "stream",
            follow_redirects=case == "follow redirects",
        )
        assert await response.aread() == BODY
        await response.aclose()
    assert counted.calls == int(through_httpx)
    own_flow = case == "own auth flow"
    assert response.request.headers.get("X-Own-Flow") == ("1" if own_flow else None)
    assert ("Authorization" in response.request.headers) is not own_flow


async def test_a_client_not_yet_opened_goes_through_httpx_and_is_then_opened() -> None:
    """The first send opens the client as httpx's does: ``async with`` then refuses it."""
    pytest.importorskip("httpx_aiohttp")
    with loopback_server(ANSWERS["json"]) as url:
        http = sc.DefaultAioHttpClient()
        await http.send(http.build_request("GET", url), auth=AUTH)
        with pytest.raises(RuntimeError, match="more than once"):
            await http.__aenter__()
        await http.aclose()
        with pytest.raises(RuntimeError, match="has been closed"):
            await http.send(http.build_request("GET", url), auth=AUTH)


async def test_a_refused_connection_carries_its_request_as_httpx_s_chain_does(
    http: sc.DefaultAioHttpClient,
) -> None:
    """The ConnectError of a shortcut send holds the request sent, like httpx's."""
    with loopback_server(ANSWERS["json"]) as url:
        pass  # closed: nothing listens there any more
    errors = []
    for send in (sc.DefaultAioHttpClient.send, httpx.AsyncClient.send):
        request = http.build_request("GET", url)  # the server is gone: refused
        with pytest.raises(httpx.ConnectError) as caught:
            await send(http, request, auth=AUTH)
        assert caught.value.request is request
        errors.append(type(caught.value))
    assert errors[0] is errors[1]


async def test_a_body_cut_short_after_the_head_raises_as_httpx_s_chain_does(
    http: sc.DefaultAioHttpClient,
) -> None:
    """A large body that ends before its Content-Length: RemoteProtocolError both ways."""
    cut = http_answer(["HTTP/1.1 200 OK", f"Content-Length: {len(LARGE) + 10}"], LARGE)
    with loopback_server(cut) as url:
        for send in (sc.DefaultAioHttpClient.send, httpx.AsyncClient.send):
            with pytest.raises(httpx.RemoteProtocolError):
                await send(http, http.build_request("GET", url), auth=AUTH)


async def test_a_transport_of_the_caller_s_own_goes_through_httpx_s_chain(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """DefaultAioHttpClient(transport=...) sends through httpx's chain, to that transport."""
    pytest.importorskip("httpx_aiohttp")
    own = httpx.MockTransport(lambda request: httpx.Response(200, content=BODY))
    async with sc.DefaultAioHttpClient(transport=own) as http:
        counted = _Counted(monkeypatch)
        response = await http.send(http.build_request("GET", "https://shop.example/x"), auth=AUTH)
    assert (response.content, counted.calls) == (BODY, 1)


async def test_a_sync_body_is_refused_as_httpx_s_chain_refuses_it(
    http: sc.DefaultAioHttpClient,
) -> None:
    """A request with a synchronous body raises httpx's RuntimeError, word for word."""
    with loopback_server(ANSWERS["json"]) as url:
        messages = []
        for send in (sc.DefaultAioHttpClient.send, httpx.AsyncClient.send):
            request = httpx.Request("POST", url, content=iter([b"x"]))
            with pytest.raises(RuntimeError) as caught:
                await send(http, request, auth=AUTH)
            messages.append(str(caught.value))
    assert messages[0] == messages[1]


async def test_an_sdk_call_on_the_aiohttp_backend_takes_the_shortcut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """sc.AsyncClient with BasicAuth sends each call without httpx's auth-handling step."""
    pytest.importorskip("httpx_aiohttp")
    sandbox = Sandbox()
    auth = sc.BasicAuth(sandbox.credentials.public_key, sandbox.credentials.secret_key)
    with sandbox.serve() as server:
        http = sc.DefaultAioHttpClient()
        async with sc.AsyncClient(auth=auth, base_url=server.base_url, http_client=http) as client:
            await client.integrations.get(PRESTASHOP_ID)  # the first opens the client
            counted = _Counted(monkeypatch)
            integration = await client.integrations.get(PRESTASHOP_ID)
            with pytest.raises(sc.NotFoundError):
                await client.integrations.get(PRESTASHOP_ID + 10_000)
    assert integration.id == PRESTASHOP_ID
    assert counted.calls == 0
