"""``sc.DefaultAioHttpClient``: the SDK's defaults, its errors, and life without the extra.

The behavioural suites run on this backend in tests/test_suites_on_sandbox.py; here
are the failures a sandbox cannot stage: a server that never answers, a closed port.
"""

from __future__ import annotations

import pickle
import socket
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations._config import DEFAULT_LIMITS, DEFAULT_TIMEOUT, USER_AGENT

pytestmark = pytest.mark.anyio

BACKENDS = ["httpx", "aiohttp"]


@contextmanager
def _silent_server() -> Iterator[str]:
    """A loopback port that accepts connections (the kernel's backlog) and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/api/v3"


def _closed_port() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/v3"


class _Sleeps:
    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture
def sleeps() -> _Sleeps:
    return _Sleeps()


def _client(backend: str, base_url: str, sleep: _Sleeps, **options: object) -> sc.AsyncClient:
    if backend == "aiohttp":
        options["http_client"] = sc.DefaultAioHttpClient(timeout=options.pop("timeout", None))
    return sc.AsyncClient(
        auth=sc.BasicAuth("pk", "sk"),
        base_url=base_url,
        sleep=sleep,
        **options,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_server_that_never_answers_is_an_api_timeout_retried_for_gets(
    backend: str, sleeps: _Sleeps
) -> None:
    """A read timeout raises APITimeoutError after the same retries on both backends."""
    with _silent_server() as base_url:
        async with _client(backend, base_url, sleeps, timeout=0.05, max_retries=2) as client:
            with pytest.raises(sc.APITimeoutError) as caught:
                await client.integrations.get(1)
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)
    assert len(sleeps.delays) == 2


@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_refused_connection_is_an_api_connection_error_retried_even_for_posts(
    backend: str, sleeps: _Sleeps
) -> None:
    """A refused connect is APIConnectionError (not a timeout), retried also for a POST."""
    async with _client(backend, _closed_port(), sleeps, max_retries=1) as client:
        with pytest.raises(sc.APIConnectionError) as caught:
            await client.exception_logs.create(1, base_url="https://shop.example")
    assert not isinstance(caught.value, sc.APITimeoutError)
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    assert len(sleeps.delays) == 1


async def test_the_sdk_defaults_apply_and_keyword_arguments_win() -> None:
    """Timeout, limits, User-Agent and Accept default to the SDK's; given ones override them."""
    async with sc.DefaultAioHttpClient() as plain:
        assert plain.timeout == DEFAULT_TIMEOUT
        assert plain.headers["User-Agent"] == USER_AGENT
        assert plain.headers["Accept"] == "application/json"
        assert plain._transport.limits == DEFAULT_LIMITS  # type: ignore[attr-defined]
    limits = httpx.Limits(max_connections=7)
    async with sc.DefaultAioHttpClient(
        timeout=3.0, limits=limits, headers={"X-Trace": "1"}
    ) as tuned:
        assert tuned.timeout == httpx.Timeout(3.0)
        assert tuned.headers["X-Trace"] == "1"
        assert tuned.headers["User-Agent"] == USER_AGENT
        assert tuned._transport.limits == limits  # type: ignore[attr-defined]


async def test_the_async_client_closes_the_aiohttp_client_it_was_given() -> None:
    """``AsyncClient(http_client=sc.DefaultAioHttpClient())`` leaves nothing open on exit."""
    http = sc.DefaultAioHttpClient()
    async with sc.AsyncClient(http_client=http):
        pass
    assert http.is_closed


def test_without_the_extra_building_one_raises_missing_extra_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With httpx-aiohttp absent, the constructor names the extra; the error is an ImportError."""
    monkeypatch.setitem(sys.modules, "httpx_aiohttp", None)  # makes the import fail
    with pytest.raises(sc.MissingExtraError, match=r"sendcloud-integrations\[aiohttp\]") as caught:
        sc.DefaultAioHttpClient()
    assert caught.value.extra == "aiohttp"
    assert isinstance(caught.value, ImportError)
    assert isinstance(caught.value, sc.SendcloudError)


def test_missing_extra_error_pickles_to_itself() -> None:
    """A MissingExtraError survives pickling with its message and extra."""
    error = sc.MissingExtraError("needs it", extra="aiohttp")
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.extra) == (sc.MissingExtraError, "needs it", "aiohttp")


@pytest.mark.parametrize(
    ("limits", "expected"),
    [(DEFAULT_LIMITS, DEFAULT_LIMITS.max_connections), (httpx.Limits(max_connections=None), 0)],
)
async def test_connection_limits_reach_aiohttp_as_httpx_means_them(
    limits: httpx.Limits, expected: int
) -> None:
    """max_connections goes to aiohttp's connector; None (no maximum) becomes aiohttp's 0."""
    async with sc.DefaultAioHttpClient(limits=limits) as http:
        session = http._transport.get_client()  # type: ignore[attr-defined]
        try:
            assert session.connector.limit == expected
        finally:
            await session.close()


def _info() -> Any:
    import aiohttp
    from multidict import CIMultiDict, CIMultiDictProxy
    from yarl import URL

    headers = CIMultiDictProxy(CIMultiDict({"Authorization": "Basic c2VjcmV0"}))
    return aiohttp.RequestInfo(URL("http://127.0.0.1/x"), "GET", headers)


def _aiohttp_errors() -> list[Any]:
    import aiohttp

    class Key:  # what ClientConnectorError reads from aiohttp's connection key
        host, port, ssl = "127.0.0.1", 1, False

    return [
        (aiohttp.ConnectionTimeoutError(), httpx.ConnectTimeout),
        (aiohttp.SocketTimeoutError(), httpx.ReadTimeout),
        (TimeoutError(), httpx.ReadTimeout),
        (aiohttp.ClientConnectorError(Key(), OSError(111, "refused")), httpx.ConnectError),  # type: ignore[arg-type]
        (aiohttp.ServerDisconnectedError(), httpx.RemoteProtocolError),
        (aiohttp.ClientPayloadError("cut short"), httpx.RemoteProtocolError),
        (aiohttp.ClientOSError(104, "reset"), httpx.ReadError),
        (aiohttp.InvalidURL("ftp://x"), httpx.UnsupportedProtocol),
        (aiohttp.ClientHttpProxyError(_info(), (), status=407), httpx.ProxyError),
        (aiohttp.ClientError("odd response"), httpx.RemoteProtocolError),
    ]


def test_aiohttp_errors_become_the_httpx_errors_httpcore_raises_for_the_same_failure() -> None:
    """Each aiohttp failure maps to httpcore's error for it; anything else is not mapped."""
    from sendcloud_integrations._aiohttp_errors import as_httpx_error

    request = httpx.Request("GET", "http://127.0.0.1/x")
    for error, expected in _aiohttp_errors():
        mapped = as_httpx_error(error, request)
        assert type(mapped) is expected, error
        assert mapped is not None
        assert mapped.request is request
    assert as_httpx_error(ValueError("not a transport failure"), request) is None


@contextmanager
def _raw_server(
    answer: bytes = b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n",
) -> Iterator[tuple[str, list[bytes]]]:
    """A loopback server (or proxy stand-in) for one request: records its head, writes
    ``answer`` and hangs up. Yields its origin and the heads received."""
    heads: list[bytes] = []

    def serve(listener: socket.socket) -> None:
        connection, _ = listener.accept()
        with connection:
            received = b""
            while b"\r\n\r\n" not in received:
                received += connection.recv(65536)
            heads.append(received.split(b"\r\n\r\n", 1)[0])
            connection.sendall(answer)

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        thread = threading.Thread(target=serve, args=(listener,), daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{listener.getsockname()[1]}", heads
        thread.join(timeout=5)


def _http(backend: str) -> httpx.AsyncClient:
    return sc.DefaultAioHttpClient() if backend == "aiohttp" else httpx.AsyncClient()


@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_body_cut_short_is_a_remote_protocol_error_on_both_backends(backend: str) -> None:
    """A response that ends before its Content-Length raises httpx.RemoteProtocolError."""
    with _raw_server(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{") as (origin, _):
        url = f"{origin}/x"
        async with _http(backend) as http:
            with pytest.raises(httpx.RemoteProtocolError):
                await http.get(url)


@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_status_line_without_a_reason_phrase_reads_alike_on_both_backends(
    backend: str,
) -> None:
    """An empty reason phrase is b"" on both backends, and the body arrives whole."""
    answer = b"HTTP/1.1 200 \r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
    with _raw_server(answer) as (origin, _):
        url = f"{origin}/x"
        async with _http(backend) as http:
            response = await http.get(url)
    assert (response.status_code, response.reason_phrase, response.json()) == (200, "", {})
    assert response.extensions["reason_phrase"] == b""


class _FailingClose:
    async def __aexit__(self, *exc_info: object) -> None:
        import aiohttp

        raise aiohttp.ClientOSError(32, "broken pipe")


async def test_closing_a_response_maps_aiohttp_errors_too() -> None:
    """An aiohttp error while releasing a response is httpx's, like the request's errors."""
    from sendcloud_integrations._aiohttp_transport import _Stream

    request = httpx.Request("GET", "http://127.0.0.1/x")
    with pytest.raises(httpx.ReadError) as caught:
        await _Stream(_FailingClose(), request).aclose()
    assert caught.value.request is request


class _BrokenSession:
    async def request(self, *args: object, **kwargs: object) -> None:
        raise RuntimeError("not an aiohttp failure")

    async def close(self) -> None:
        pass


async def test_what_aiohttp_did_not_raise_passes_through_unchanged() -> None:
    """An exception that is not a transport failure is not dressed up as one."""
    from sendcloud_integrations._aiohttp_transport import transport_class

    session = _BrokenSession()
    transport = transport_class()(client=lambda: session)  # a session factory, as allowed
    assert transport.get_client() is session  # type: ignore[attr-defined]
    with pytest.raises(RuntimeError, match="not an aiohttp failure"):
        await transport.handle_async_request(httpx.Request("GET", "http://127.0.0.1/x"))


async def test_a_streamed_request_body_reaches_the_server_whole() -> None:
    """A request body given as an async stream is sent (chunked by aiohttp) in full."""
    from aiohttp import web

    received: list[bytes] = []

    async def echo(request: web.Request) -> web.Response:
        received.append(await request.read())
        return web.json_response({})

    app = web.Application()
    app.router.add_post("/x", echo)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def parts() -> AsyncIterator[bytes]:
        for part in (b'{"a": ', b"1}"):
            yield part

    try:
        async with sc.DefaultAioHttpClient() as http:
            response = await http.post(f"http://127.0.0.1:{port}/x", content=parts())
    finally:
        await runner.cleanup()
    assert response.status_code == 200
    assert received == [b'{"a": 1}']


async def test_each_timeout_reaches_aiohttp_and_the_table_of_them_stays_small() -> None:
    """A call's own timeout is the one aiohttp applies; the per-timeout table stops at 32."""
    from sendcloud_integrations._aiohttp_transport import transport_class

    transport = transport_class()()
    made = [
        transport._timeout({"connect": 1.0, "read": float(n), "pool": 2.0})  # type: ignore[attr-defined]
        for n in range(40)
    ]
    assert [t.sock_read for t in made] == [float(n) for n in range(40)]
    assert {(t.sock_connect, t.connect) for t in made} == {(1.0, 2.0)}
    assert len(transport._timeouts) == 32  # type: ignore[attr-defined]
    again = transport._timeout({"connect": 1.0, "read": 0.0, "pool": 2.0})  # type: ignore[attr-defined]
    assert again is made[0]


async def test_a_per_call_timeout_applies_on_the_aiohttp_backend(sleeps: _Sleeps) -> None:
    """``timeout=`` on one call, shorter than the client's, times that call out."""
    with _silent_server() as base_url:
        async with _client("aiohttp", base_url, sleeps, timeout=30.0, max_retries=0) as client:
            with pytest.raises(sc.APITimeoutError):
                await client.integrations.get(1, timeout=0.05)


async def test_a_given_transport_or_proxy_is_used_as_httpx_would() -> None:
    """``transport=`` replaces aiohttp's; ``proxy=`` still sends through aiohttp, proxied."""
    from sendcloud_integrations._aiohttp_transport import transport_class

    mock = httpx.MockTransport(lambda request: httpx.Response(204))
    async with sc.DefaultAioHttpClient(transport=mock) as mocked:
        assert (await mocked.get("http://127.0.0.1/x")).status_code == 204
    async with sc.DefaultAioHttpClient(proxy="http://127.0.0.1:3128") as proxied:
        transports = list(proxied._mounts.values())
        assert len(transports) == 1
        assert type(transports[0]).__qualname__ == transport_class().__qualname__
        assert transports[0].proxy.url == httpx.URL("http://127.0.0.1:3128")  # type: ignore[union-attr]


class _RecordingSession:
    """Records what the transport hands aiohttp, then stops the request."""

    def __init__(self) -> None:
        self.calls: list[dict[str, object]] = []

    async def request(self, *args: object, **kwargs: object) -> None:
        self.calls.append(kwargs)
        raise RuntimeError("recorded")

    async def close(self) -> None:
        pass


async def test_routing_options_reach_aiohttp_only_when_a_request_has_them() -> None:
    """No proxy and no SNI name: aiohttp's defaults; an ``sni_hostname`` extension: passed."""
    from sendcloud_integrations._aiohttp_transport import transport_class

    session = _RecordingSession()
    for extensions in ({}, {"sni_hostname": "api.example.com"}):
        transport = transport_class()(client=lambda: session)  # a session factory, as allowed
        request = httpx.Request("GET", "https://127.0.0.1/x", extensions=extensions)
        with pytest.raises(RuntimeError, match="recorded"):
            await transport.handle_async_request(request)
    direct, named = session.calls
    routing = {"server_hostname", "proxy", "proxy_auth", "proxy_headers"}
    assert routing.isdisjoint(direct)
    assert named["server_hostname"] == "api.example.com"
    assert routing.intersection(named) == {"server_hostname"}


async def test_a_proxied_request_reaches_the_proxy_with_its_credentials_and_headers() -> None:
    """``proxy=httpx.Proxy(...)`` with auth and headers: aiohttp sends all of it to the proxy."""
    with _raw_server() as (proxy_url, heads):
        proxy = httpx.Proxy(
            proxy_url.replace("http://", "http://user:pass@"), headers={"X-Proxy-Tag": "t1"}
        )
        async with sc.DefaultAioHttpClient(proxy=proxy) as http:
            response = await http.get("http://api.example.invalid/x")
    assert response.status_code == 204
    (head,) = heads
    request_line, fields = _head_fields(head)
    assert request_line == "GET http://api.example.invalid/x HTTP/1.1"
    assert fields["proxy-authorization"] == "Basic dXNlcjpwYXNz"  # user:pass
    assert fields["x-proxy-tag"] == "t1"


def _head_fields(head: bytes) -> tuple[str, dict[str, str]]:
    request_line, *lines = head.decode("latin-1").split("\r\n")
    return request_line, {k.lower(): v.strip() for k, v in (x.split(":", 1) for x in lines)}


async def test_an_https_tunnel_is_opened_with_the_proxys_credentials_and_headers() -> None:
    """An https URL through a proxy: the CONNECT carries them; a refusal is httpx.ProxyError."""
    refusal = b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    with _raw_server(refusal) as (proxy_url, heads):
        proxy = httpx.Proxy(
            proxy_url.replace("http://", "http://user:pass@"), headers={"X-Proxy-Tag": "t1"}
        )
        async with sc.DefaultAioHttpClient(proxy=proxy) as http:
            with pytest.raises(httpx.ProxyError):
                await http.get("https://api.example.invalid/x")
    (head,) = heads
    request_line, fields = _head_fields(head)
    assert request_line == "CONNECT api.example.invalid:443 HTTP/1.1"
    assert fields["proxy-authorization"] == "Basic dXNlcjpwYXNz"
    assert fields["x-proxy-tag"] == "t1"


async def test_a_forwarded_requests_own_headers_win_over_the_proxys() -> None:
    """A header both the proxy and the request set is sent once, with the request's value."""
    with _raw_server() as (proxy_url, heads):
        proxy = httpx.Proxy(proxy_url, headers={"X-Tag": "proxy", "X-Proxy-Only": "p"})
        async with sc.DefaultAioHttpClient(proxy=proxy) as http:
            await http.get("http://api.example.invalid/x", headers={"X-Tag": "request"})
    (head,) = heads
    _, fields = _head_fields(head)
    assert (fields["x-tag"], fields["x-proxy-only"]) == ("request", "p")
    assert head.lower().count(b"x-tag:") == 1
    assert b"proxy-authorization" not in head.lower()


async def test_a_malformed_answers_aiohttp_error_keeps_no_credential() -> None:
    """The aiohttp error kept as the cause no longer carries the request's headers."""
    answer = b"HTTP/1.1 200 OK\r\nBad Header Line\r\n\r\n"
    with _raw_server(answer) as (origin, _):
        url = f"{origin}/x"
        async with sc.DefaultAioHttpClient() as http:
            with pytest.raises(httpx.RemoteProtocolError) as caught:
                await http.get(url, headers={"Authorization": "Bearer secret-123"})
    chain: list[BaseException] = []
    error: BaseException | None = caught.value
    while error is not None:
        chain.append(error)
        error = error.__cause__ or error.__context__
    infos = [e.request_info for e in chain if getattr(e, "request_info", None) is not None]
    assert infos  # aiohttp's ClientResponseError is still the cause
    assert all(len(info.headers) == 0 for info in infos)
    assert all("secret-123" not in repr(vars(e)) for e in chain)
