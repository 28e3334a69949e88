"""Requests built by the httpx clients the SDK makes: exactly what httpx builds.

The SDK's own clients (and ``sc.DefaultAioHttpClient``) reuse the merged headers of
bodiless requests instead of merging them on every call (issue #17). These tests pin
that every request still equals the one httpx's own ``build_request`` makes, that no
request shares its headers with another, and that the shortcut steps aside whenever a
request has anything of its own or httpx builds differently.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations import _http_clients
from sendcloud_integrations._http_clients import AsyncHttpClient, HttpClient

URL = httpx.URL("https://api.example.com/api/v3/integrations/7")
KINDS = ["sync", "async", "aiohttp"]


@pytest.fixture(params=KINDS)
def client(request: pytest.FixtureRequest) -> httpx.Client | httpx.AsyncClient:
    """One of the clients the SDK makes, with the SDK's fixed headers."""
    headers = {"User-Agent": "sdk-test", "Accept": "application/json"}
    made: httpx.Client | httpx.AsyncClient
    if request.param == "sync":
        made = HttpClient(headers=headers, timeout=7.0)
    elif request.param == "async":
        made = AsyncHttpClient(headers=headers, timeout=7.0)
    else:
        pytest.importorskip("httpx_aiohttp")
        made = sc.DefaultAioHttpClient(headers=headers, timeout=7.0)
    return made  # never sends: nothing to close


def _httpx_builds(client: httpx.Client | httpx.AsyncClient) -> Callable[..., httpx.Request]:
    """httpx's own build_request for ``client``, bypassing the SDK's subclass."""
    base = httpx.Client if isinstance(client, httpx.Client) else httpx.AsyncClient

    def build(*args: Any, **kwargs: Any) -> httpx.Request:
        return base.build_request(client, *args, **kwargs)  # type: ignore[arg-type]

    return build


def _shape(request: httpx.Request) -> tuple[Any, ...]:
    return (
        request.method,
        str(request.url),
        request.headers.raw,
        request.extensions,
        request.content,
        type(request.stream),
        sorted(vars(request)),
    )


def _count_httpx_builds(
    monkeypatch: pytest.MonkeyPatch, client: httpx.Client | httpx.AsyncClient
) -> list[int]:
    base = httpx.Client if isinstance(client, httpx.Client) else httpx.AsyncClient
    original = base.build_request
    calls = [0]

    def counting(self: Any, *args: Any, **kwargs: Any) -> httpx.Request:
        calls[0] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(base, "build_request", counting)
    return calls


@pytest.mark.parametrize("method", ["GET", "DELETE", "HEAD"])
@pytest.mark.parametrize("url", [URL, URL.copy_with(query=b"page_size=10&cursor=a%2Bb")])
def test_every_bodiless_request_is_the_one_httpx_builds(
    client: httpx.Client | httpx.AsyncClient, method: str, url: httpx.URL
) -> None:
    """The first, second and later bodiless requests equal httpx's own, attribute by attribute."""
    for _ in range(4):
        assert _shape(client.build_request(method, url)) == _shape(
            _httpx_builds(client)(method, url)
        )


def test_later_requests_skip_httpx_s_header_merge(
    client: httpx.Client | httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the first request and one check of the reuse, httpx's merge is not run again."""
    calls = _count_httpx_builds(monkeypatch, client)
    for _ in range(6):
        client.build_request("GET", URL)
    assert calls[0] == 2


def test_a_header_added_to_one_request_reaches_no_other(
    client: httpx.Client | httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Auth flows add headers to the request they get: the next request starts clean."""
    calls = _count_httpx_builds(monkeypatch, client)
    for _ in range(5):
        request = client.build_request("GET", URL)
        assert "authorization" not in request.headers
        request.headers["Authorization"] = "Basic c2VjcmV0"
    assert calls[0] == 2, "the reuse held: no request's header was taken for the client's"


def test_a_change_to_the_client_s_headers_reaches_the_next_request(
    client: httpx.Client | httpx.AsyncClient,
) -> None:
    """Headers set or removed on the client after requests were built are in the next one."""
    for _ in range(3):
        client.build_request("GET", URL)
    client.headers["X-Tenant"] = "42"
    del client.headers["Accept"]
    for _ in range(3):
        request = client.build_request("GET", URL)
        assert request.headers["X-Tenant"] == "42"
        assert "accept" not in request.headers
        assert _shape(request) == _shape(_httpx_builds(client)("GET", URL))
    client.headers["X-Tenant"] = "43"  # a value changed in place
    assert client.build_request("GET", URL).headers["X-Tenant"] == "43"
    client.headers.update({"X-Region": "eu"})
    assert client.build_request("GET", URL).headers["X-Region"] == "eu"
    client.headers = {"X-Only": "1"}  # type: ignore[assignment]
    request = client.build_request("GET", URL)
    assert ("x-only" in request.headers, "x-tenant" in request.headers) == (True, False)
    assert _shape(request) == _shape(_httpx_builds(client)("GET", URL))


def test_each_host_gets_its_own_host_header(client: httpx.Client | httpx.AsyncClient) -> None:
    """Requests to two hosts, interleaved, carry each its own Host header."""
    other = httpx.URL("https://other.example.com:8443/x")
    for _ in range(3):
        assert client.build_request("GET", URL).headers["Host"] == "api.example.com"
        assert client.build_request("GET", other).headers["Host"] == "other.example.com:8443"


def test_a_per_call_timeout_is_in_the_request_as_httpx_puts_it(
    client: httpx.Client | httpx.AsyncClient,
) -> None:
    """A timeout given to build_request replaces the client's in the request's extensions."""
    for timeout in (1.5, httpx.Timeout(2.0, connect=0.5), None):
        for _ in range(3):
            built = client.build_request("GET", URL, timeout=timeout)
            assert _shape(built) == _shape(_httpx_builds(client)("GET", URL, timeout=timeout))


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (("GET", URL), {"params": {"page_size": 10}}),
        (("GET", URL.copy_with(query=b"cursor=abc")), {"params": {}}),
        (("GET", URL), {"headers": {"X-Request-Id": "r1"}}),
        (("GET", URL), {"cookies": {"session": "abc"}}),
        (("GET", URL), {"extensions": {"sni_hostname": "api.example.com"}}),
        (("GET", "https://api.example.com/api/v3/integrations/7"), {}),
        (("POST", URL), {}),
        (("PUT", URL), {"json": {"shop_name": "x"}}),
        (("PATCH", URL), {"content": b"{}"}),
        (("DELETE", URL), {"json": {"reason": "test"}}),
    ],
)
def test_a_request_with_anything_of_its_own_is_httpx_s_alone(
    client: httpx.Client | httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> None:
    """Query, headers, cookies, extensions, a string URL or a body: httpx builds each one."""
    expected = _shape(_httpx_builds(client)(*args, **kwargs))
    calls = _count_httpx_builds(monkeypatch, client)
    for built in range(1, 4):
        assert _shape(client.build_request(*args, **kwargs)) == expected
        assert calls[0] == built


def test_cookies_in_the_client_s_jar_go_out_as_httpx_sends_them(
    client: httpx.Client | httpx.AsyncClient,
) -> None:
    """Once the jar holds a cookie, requests carry it, as httpx's own would."""
    for _ in range(3):
        client.build_request("GET", URL)
    client.cookies.set("session", "abc", domain="api.example.com")
    request = client.build_request("GET", URL)
    assert request.headers["Cookie"] == "session=abc"
    assert _shape(request) == _shape(_httpx_builds(client)("GET", URL))


def test_a_difference_from_httpx_turns_the_reuse_off_for_that_client(
    client: httpx.Client | httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the check finds a reused request unlike httpx's, httpx builds every later one."""
    monkeypatch.setattr(_http_clients, "_same_request", lambda a, b: False)
    expected = _shape(_httpx_builds(client)("GET", URL))
    client.build_request("GET", URL)
    calls = _count_httpx_builds(monkeypatch, client)
    assert _shape(client.build_request("GET", URL)) == expected
    assert calls[0] == 2  # the check's own, then httpx's in place of the reuse
    for built in range(3, 6):
        assert _shape(client.build_request("GET", URL)) == expected
        assert calls[0] == built
    fresh = HttpClient()
    fresh.build_request("GET", URL)
    assert fresh.__dict__.get("_reuse", True), "the reuse is off for that client only"


def test_the_check_compares_every_attribute_that_shapes_a_request() -> None:
    """Requests that differ in method, URL, headers, extensions, body or attributes differ."""
    same = _http_clients._same_request
    base = httpx.Request("GET", URL, headers={"A": "1"}, extensions={"timeout": {}})
    assert same(base, httpx.Request("GET", URL, headers={"A": "1"}, extensions={"timeout": {}}))
    variants = [
        httpx.Request("DELETE", URL, headers={"A": "1"}, extensions={"timeout": {}}),
        httpx.Request("GET", URL.join("/y"), headers={"A": "1"}, extensions={"timeout": {}}),
        httpx.Request("GET", URL, headers={"A": "2"}, extensions={"timeout": {}}),
        httpx.Request("GET", URL, headers={"A": "1"}, extensions={"timeout": {"read": 1}}),
        httpx.Request("GET", URL, headers={"A": "1"}, extensions={"timeout": {}}, content=b"x"),
    ]
    for variant in variants:
        assert not same(base, variant)
    extra = httpx.Request("GET", URL, headers={"A": "1"}, extensions={"timeout": {}})
    extra.note = "an attribute a later httpx might add"  # type: ignore[attr-defined]
    assert not same(base, extra)
