"""BasicAuth, and the plain-http refusal shared by both auth classes."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import httpx
import pytest
from sendcloud_integrations import SendcloudError
from sendcloud_integrations._auth import BasicAuth, InsecureTransportError
from sendcloud_integrations._oauth2 import OAuth2ClientCredentials

from .auth_fakes import (
    API_URL,
    CLIENT_ID,
    CLIENT_SECRET,
    PUBLIC_KEY,
    SECRET_KEY,
    FakeClock,
    FakeSendcloud,
    basic,
)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def recording_transport(seen: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    return httpx.MockTransport(handler)


def test_flow_sets_the_basic_header_from_public_and_secret_key() -> None:
    """The flow yields the request once, with ``Basic base64(public:secret)``."""
    flow = BasicAuth(PUBLIC_KEY, SECRET_KEY).sync_auth_flow(httpx.Request("GET", API_URL))
    request = next(flow)
    assert request.headers["Authorization"] == basic(PUBLIC_KEY, SECRET_KEY)
    with pytest.raises(StopIteration):
        flow.send(httpx.Response(200))


def test_every_request_of_a_plain_httpx_client_gets_the_header() -> None:
    """Used as ``httpx.Client(auth=...)``, each request carries the Basic header."""
    seen: list[httpx.Request] = []
    auth = BasicAuth(PUBLIC_KEY, SECRET_KEY)
    with httpx.Client(auth=auth, transport=recording_transport(seen)) as client:
        client.get(API_URL)
        client.delete(API_URL + "/1")
    assert [r.headers["Authorization"] for r in seen] == [basic(PUBLIC_KEY, SECRET_KEY)] * 2


@pytest.mark.anyio
async def test_async_client_requests_get_the_header() -> None:
    """Used with ``httpx.AsyncClient``, the request carries the Basic header."""
    seen: list[httpx.Request] = []
    auth = BasicAuth(PUBLIC_KEY, SECRET_KEY)
    async with httpx.AsyncClient(auth=auth, transport=recording_transport(seen)) as client:
        await client.get(API_URL)
    assert seen[0].headers["Authorization"] == basic(PUBLIC_KEY, SECRET_KEY)


def test_a_401_is_returned_not_retried() -> None:
    """BasicAuth has nothing to refresh: a 401 comes back as the response, sent once."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(401)

    auth = BasicAuth(PUBLIC_KEY, SECRET_KEY)
    with httpx.Client(auth=auth, transport=httpx.MockTransport(handler)) as client:
        assert client.get(API_URL).status_code == 401
    assert len(seen) == 1


def test_empty_keys_are_refused() -> None:
    """An empty public or secret key is a ValueError at construction."""
    with pytest.raises(ValueError, match="non-empty"):
        BasicAuth(PUBLIC_KEY, "")
    with pytest.raises(ValueError, match="non-empty"):
        BasicAuth("", SECRET_KEY)


def both_auths() -> list[httpx.Auth]:
    return [
        BasicAuth(PUBLIC_KEY, SECRET_KEY),
        OAuth2ClientCredentials(CLIENT_ID, CLIENT_SECRET, clock=FakeClock()),
    ]


INSECURE = [
    "http://panel.sendcloud.sc/api/v3/integrations",
    "http://10.0.0.8/api/v3/integrations",
    "http://localhost.example.com/api",
    "http://[::2]/api",
]
LOOPBACK = [
    "http://127.0.0.1:8000/api/v3/integrations",
    "http://127.10.20.30/api",
    "http://[::1]:8000/api",
    "http://localhost/api",
    "http://LOCALHOST:1234/api",
]


@pytest.mark.parametrize("url", INSECURE)
@pytest.mark.parametrize("auth", both_auths(), ids=["basic", "oauth2"])
def test_plain_http_to_a_remote_host_is_refused_before_anything_is_sent(
    auth: httpx.Auth, url: str
) -> None:
    """http:// to a non-loopback host raises InsecureTransportError and sends nothing."""
    seen: list[httpx.Request] = []
    with (
        httpx.Client(auth=auth, transport=recording_transport(seen)) as client,
        pytest.raises(InsecureTransportError) as caught,
    ):
        client.get(url)
    assert seen == []
    assert isinstance(caught.value, SendcloudError)
    assert "use https://" in str(caught.value)


@pytest.mark.parametrize("url", LOOPBACK)
def test_plain_http_to_loopback_is_allowed(url: str) -> None:
    """http:// to 127.0.0.0/8, ::1 and localhost is sent with credentials (sandboxes need it)."""
    seen: list[httpx.Request] = []
    with httpx.Client(
        auth=BasicAuth(PUBLIC_KEY, SECRET_KEY), transport=recording_transport(seen)
    ) as client:
        client.get(url)
    assert seen[0].headers["Authorization"] == basic(PUBLIC_KEY, SECRET_KEY)


@pytest.mark.parametrize("url", LOOPBACK)
def test_oauth2_over_plain_http_to_loopback_is_allowed(url: str) -> None:
    """The OAuth2 flow also talks to loopback API and token URLs over http://."""
    fake = FakeSendcloud()
    token_url = httpx.URL(url).copy_with(path="/oauth2/token/")
    auth = OAuth2ClientCredentials(CLIENT_ID, CLIENT_SECRET, token_url=token_url, clock=FakeClock())
    with httpx.Client(auth=auth, transport=fake.transport()) as client:
        assert client.get(url).status_code == 200
    assert len(fake.token_requests) == 1


@pytest.mark.anyio
async def test_async_plain_http_is_refused_too() -> None:
    """The async OAuth2 flow refuses a remote http:// URL before fetching a token."""
    fake = FakeSendcloud()
    auth = OAuth2ClientCredentials(CLIENT_ID, CLIENT_SECRET, clock=FakeClock())
    async with httpx.AsyncClient(auth=auth, transport=fake.transport()) as client:
        with pytest.raises(InsecureTransportError):
            await client.get(INSECURE[0])
    assert (fake.token_requests, fake.api_requests) == ([], [])


@pytest.mark.parametrize("token_url", ["http://account.sendcloud.com/oauth2/token/", "ftp://x/"])
def test_insecure_token_url_is_refused_at_construction(token_url: str) -> None:
    """A token URL that is not https (or loopback http) is refused when the auth is built."""
    with pytest.raises(InsecureTransportError):
        OAuth2ClientCredentials(CLIENT_ID, CLIENT_SECRET, token_url=token_url)


def _steps_sync(flow: Any) -> list[Any]:
    """What a flow does when httpx drives it: the request, then the end on the answer."""
    request = next(flow)
    steps: list[Any] = [request.headers["Authorization"]]
    try:
        flow.send(httpx.Response(200))
    except StopIteration:
        steps.append("stop")
    flow.close()
    steps.append(next(flow, "exhausted"))
    return steps


async def _steps_async(flow: Any) -> list[Any]:
    request = await flow.__anext__()
    steps: list[Any] = [request.headers["Authorization"]]
    try:
        await flow.asend(httpx.Response(200))
    except StopAsyncIteration:
        steps.append("stop")
    await flow.aclose()
    try:
        await flow.__anext__()
    except StopAsyncIteration:
        steps.append("exhausted")
    return steps


@pytest.mark.anyio
async def test_flows_step_as_httpx_own_adapters_step() -> None:
    """BasicAuth's own sync and async flows do what httpx's generic adapters do with auth_flow."""
    auth = BasicAuth(PUBLIC_KEY, SECRET_KEY)
    ours = _steps_sync(auth.sync_auth_flow(httpx.Request("GET", API_URL)))
    httpx_own = _steps_sync(httpx.Auth.sync_auth_flow(auth, httpx.Request("GET", API_URL)))
    assert ours == httpx_own == [basic(PUBLIC_KEY, SECRET_KEY), "stop", "exhausted"]
    ours = await _steps_async(auth.async_auth_flow(httpx.Request("GET", API_URL)))
    request = httpx.Request("GET", API_URL)
    httpx_own = await _steps_async(httpx.Auth.async_auth_flow(auth, request))
    assert ours == httpx_own == [basic(PUBLIC_KEY, SECRET_KEY), "stop", "exhausted"]


@pytest.mark.anyio
async def test_a_flow_closed_or_thrown_into_before_it_starts_sends_nothing() -> None:
    """Closing a fresh flow ends it; an error thrown into it comes back out, as from a generator."""
    auth = BasicAuth(PUBLIC_KEY, SECRET_KEY)
    flow = auth.sync_auth_flow(httpx.Request("GET", API_URL))
    flow.close()
    assert next(flow, None) is None
    with pytest.raises(KeyError, match="thrown"):
        auth.sync_auth_flow(httpx.Request("GET", API_URL)).throw(KeyError("thrown"))
    aflow = auth.async_auth_flow(httpx.Request("GET", API_URL))
    await aflow.aclose()
    with pytest.raises(StopAsyncIteration):
        await aflow.__anext__()
    with pytest.raises(KeyError, match="thrown"):
        await auth.async_auth_flow(httpx.Request("GET", API_URL)).athrow(KeyError("thrown"))


@pytest.mark.anyio
async def test_async_basic_auth_refuses_plain_http_too() -> None:
    """Over httpx.AsyncClient, BasicAuth refuses a remote http:// URL before sending."""
    seen: list[httpx.Request] = []
    auth = BasicAuth(PUBLIC_KEY, SECRET_KEY)
    async with httpx.AsyncClient(auth=auth, transport=recording_transport(seen)) as client:
        with pytest.raises(InsecureTransportError):
            await client.get(INSECURE[0])
    assert seen == []


class _Tagged(BasicAuth):
    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["X-Tag"] = "subclass"
        yield from super().auth_flow(request)


@pytest.mark.anyio
async def test_a_subclass_with_its_own_auth_flow_keeps_it() -> None:
    """A BasicAuth subclass that overrides auth_flow has it run, sync and async."""
    seen: list[httpx.Request] = []
    auth = _Tagged(PUBLIC_KEY, SECRET_KEY)
    with httpx.Client(auth=auth, transport=recording_transport(seen)) as client:
        client.get(API_URL)
    async with httpx.AsyncClient(auth=auth, transport=recording_transport(seen)) as aclient:
        await aclient.get(API_URL)
    assert [(r.headers["X-Tag"], r.headers["Authorization"]) for r in seen] == [
        ("subclass", basic(PUBLIC_KEY, SECRET_KEY))
    ] * 2
