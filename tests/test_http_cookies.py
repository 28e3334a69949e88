"""Cookies on the httpx clients the SDK makes: httpx's behaviour, with less work per response.

The SDK's own clients (and ``sc.DefaultAioHttpClient``) skip httpx's cookie adapters
for responses without ``Set-Cookie`` (issue #17); these tests pin that cookies still
behave as httpx's do, on every backend, and that the aiohttp backend keeps no second
cookie jar of its own.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations._http_clients import AsyncHttpClient, HttpClient

BACKENDS = ["httpx sync", "httpx async", "aiohttp"]


class _CookieServer(http.server.ThreadingHTTPServer):
    seen: list[str | None]


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _CookieServer

    def do_GET(self) -> None:
        self.server.seen.append(self.headers.get("Cookie"))
        self.send_response(200)
        if self.path == "/set":
            self.send_header("Set-Cookie", "session=abc; Path=/")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass


@pytest.fixture
def cookie_server() -> Iterator[_CookieServer]:
    server = _CookieServer(("127.0.0.1", 0), _Handler)
    server.seen = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


async def _walk(backend: str, origin: str) -> None:
    """GET /set, /next, clear the client's cookies, GET /after, on ``backend``."""
    if backend == "httpx sync":
        with HttpClient() as sync_client:
            for path in ("/set", "/next"):
                sync_client.get(origin + path)
            sync_client.cookies.clear()
            sync_client.get(origin + "/after")
        return
    client = AsyncHttpClient() if backend == "httpx async" else sc.DefaultAioHttpClient()
    async with client:
        for path in ("/set", "/next"):
            await client.get(origin + path)
        client.cookies.clear()
        await client.get(origin + "/after")


@pytest.mark.anyio
@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_set_cookie_is_sent_back_until_the_client_forgets_it(
    backend: str, cookie_server: _CookieServer
) -> None:
    """Every backend stores a Set-Cookie, sends it next, and sends nothing once it is cleared."""
    # A host name, not an IP: aiohttp's default jar ignores cookies from IP addresses,
    # which would hide a second jar under httpx's.
    origin = f"http://localhost:{cookie_server.server_address[1]}"
    await _walk(backend, origin)
    assert cookie_server.seen == [None, "session=abc", None]


def _answer(request: httpx.Request) -> httpx.Response:
    headers = {"Set-Cookie": "session=abc; Path=/"} if request.url.path == "/set" else {}
    return httpx.Response(200, json={}, headers=headers)


def test_only_responses_that_set_cookies_reach_httpx_cookie_extraction(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """httpx's cookie adapters run for a response with Set-Cookie and are skipped without one."""
    reached: list[str] = []
    extract = httpx.Cookies.extract_cookies

    def counting(self: httpx.Cookies, response: httpx.Response) -> None:
        reached.append(response.request.url.path)
        extract(self, response)

    monkeypatch.setattr(httpx.Cookies, "extract_cookies", counting)
    with HttpClient(transport=httpx.MockTransport(_answer)) as client:
        for path in ("/plain", "/set", "/plain"):
            client.get("https://panel.example" + path)
        assert client.cookies.get("session") == "abc"
    assert reached == ["/set"]


def test_cookies_given_or_assigned_are_sent_like_httpx_sends_them() -> None:
    """``cookies=`` and ``client.cookies = ...`` reach the request on the SDK's client."""
    sent: list[str | None] = []

    def echo(request: httpx.Request) -> httpx.Response:
        sent.append(request.headers.get("Cookie"))
        return httpx.Response(200, json={})

    with HttpClient(transport=httpx.MockTransport(echo), cookies={"a": "1"}) as client:
        client.get("https://panel.example/x")
        client.cookies = {"b": "2"}  # type: ignore[assignment]
        client.get("https://panel.example/x")
        assert isinstance(client.cookies, httpx.Cookies)
    assert sent == ["a=1", "b=2"]


def test_the_jar_is_empty_or_not_exactly_when_httpx_s_says_so() -> None:
    """bool() of the SDK's jar agrees with httpx.Cookies: new, set, cleared by name, cleared."""
    ours, theirs = HttpClient().cookies, httpx.Cookies()
    states = []
    for change in (
        lambda jar: None,
        lambda jar: jar.set("a", "1", domain="panel.example", path="/"),
        lambda jar: jar.delete("a", domain="panel.example", path="/"),  # leaves the domain
        lambda jar: jar.set("b", "2", domain="panel.example", path="/"),
        lambda jar: jar.clear(),
    ):
        change(ours)
        change(theirs)
        states.append((bool(ours), bool(theirs)))
    assert states == [(False, False), (True, True), (False, False), (True, True), (False, False)]


def test_the_sdk_builds_its_own_clients_with_the_look_first_jar() -> None:
    """sc.Client and sc.AsyncClient, given no http_client, use the SDK's httpx clients."""
    with sc.Client() as client:
        assert isinstance(client._http, HttpClient)
    assert isinstance(sc.AsyncClient()._http, AsyncHttpClient)
