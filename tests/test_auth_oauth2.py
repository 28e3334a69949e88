"""OAuth2ClientCredentials: the token request, caching, refresh before expiry, and 401 replay."""

from __future__ import annotations

import base64
import json

import httpx
import pytest
from sendcloud_integrations._oauth2 import OAuth2ClientCredentials

from .auth_fakes import (
    API_URL,
    CLIENT_ID,
    CLIENT_SECRET,
    TOKEN_URL,
    FakeClock,
    FakeSendcloud,
    basic,
)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def make_auth(clock: FakeClock | None = None, **kwargs: object) -> OAuth2ClientCredentials:
    return OAuth2ClientCredentials(
        CLIENT_ID,
        CLIENT_SECRET,
        clock=clock or FakeClock(),
        sleep=lambda _: None,
        **kwargs,  # type: ignore[arg-type]
    )


def token_response(access_token: str = "tok-A", **extra: object) -> httpx.Response:
    return httpx.Response(200, json={"access_token": access_token, "token_type": "Bearer", **extra})


def test_token_request_is_a_client_credentials_grant_with_basic_client_auth() -> None:
    """The first request of the flow is a form-encoded client-credentials POST with Basic auth."""
    flow = make_auth().sync_auth_flow(httpx.Request("GET", API_URL))
    token_request = next(flow)
    assert token_request.method == "POST"
    assert str(token_request.url) == TOKEN_URL
    assert token_request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert token_request.headers["Accept"] == "application/json"
    assert token_request.headers["Authorization"] == basic(CLIENT_ID, CLIENT_SECRET)
    assert token_request.read() == b"grant_type=client_credentials&scope=api"


def test_api_request_carries_the_fetched_bearer_token() -> None:
    """After the token response, the flow yields the API request with ``Bearer <token>``."""
    flow = make_auth().sync_auth_flow(httpx.Request("GET", API_URL))
    next(flow)
    api_request = flow.send(token_response("tok-A", expires_in=3600))
    assert str(api_request.url) == API_URL
    assert api_request.headers["Authorization"] == "Bearer tok-A"
    with pytest.raises(StopIteration):
        flow.send(httpx.Response(200))


def test_client_id_and_secret_are_form_urlencoded_before_base64() -> None:
    """RFC 6749 2.3.1: reserved characters in the credentials are percent-encoded."""
    auth = OAuth2ClientCredentials("id:1", "a+b/c d")
    token_request = next(auth.sync_auth_flow(httpx.Request("GET", API_URL)))
    encoded = token_request.headers["Authorization"].removeprefix("Basic ")
    assert base64.b64decode(encoded).decode() == "id%3A1:a%2Bb%2Fc+d"


def test_scope_none_leaves_scope_out_of_the_form() -> None:
    """With ``scope=None`` the form has only the grant type."""
    token_request = next(make_auth(scope=None).sync_auth_flow(httpx.Request("GET", API_URL)))
    assert token_request.read() == b"grant_type=client_credentials"


def test_token_request_inherits_the_api_request_timeout() -> None:
    """The token request gets the client's timeout instead of none at all."""
    fake = FakeSendcloud()
    seen: list[object] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions.get("timeout"))
        return fake.transport().handle_request(request)

    timeout = httpx.Timeout(7.0, connect=3.0)
    with httpx.Client(
        auth=make_auth(), transport=httpx.MockTransport(handler), timeout=timeout
    ) as client:
        client.get(API_URL)
    assert seen[0] == timeout.as_dict()


def test_token_is_cached_across_requests() -> None:
    """Three API calls within the token's lifetime cost one token request."""
    fake = FakeSendcloud()
    with httpx.Client(auth=make_auth(), transport=fake.transport()) as client:
        statuses = [client.get(API_URL).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    assert len(fake.token_requests) == 1
    assert {r["authorization"] for r in fake.api_requests} == {"Bearer tok-1"}


def test_refresh_happens_leeway_seconds_before_expiry() -> None:
    """With expires_in=3600 and leeway=60, the token is reused at t=3539 and replaced at t=3540."""
    fake, clock = FakeSendcloud(expires_in=3600), FakeClock()
    with httpx.Client(auth=make_auth(clock, leeway=60), transport=fake.transport()) as client:
        client.get(API_URL)
        clock.now = 3539.0
        client.get(API_URL)
        assert len(fake.token_requests) == 1
        clock.now = 3540.0
        client.get(API_URL)
    assert len(fake.token_requests) == 2
    assert fake.api_requests[-1]["authorization"] == "Bearer tok-2"


def test_a_leeway_longer_than_the_lifetime_still_keeps_half_the_lifetime() -> None:
    """A 100 s token with a 300 s leeway is kept for 50 s instead of being refetched per call."""
    fake, clock = FakeSendcloud(expires_in=100), FakeClock()
    with httpx.Client(auth=make_auth(clock, leeway=300), transport=fake.transport()) as client:
        client.get(API_URL)
        clock.now = 49.0
        client.get(API_URL)
        assert len(fake.token_requests) == 1
        clock.now = 50.0
        client.get(API_URL)
    assert len(fake.token_requests) == 2


def test_token_without_expires_in_is_kept_until_the_api_answers_401() -> None:
    """No expires_in: no refresh however much time passes; a 401 then brings a new token."""
    fake, clock = FakeSendcloud(expires_in=None), FakeClock()
    with httpx.Client(auth=make_auth(clock), transport=fake.transport()) as client:
        client.get(API_URL)
        clock.now = 10.0**9
        client.get(API_URL)
        assert len(fake.token_requests) == 1
        fake.revoke_all()
        response = client.get(API_URL)
    assert response.status_code == 200
    assert len(fake.token_requests) == 2


def test_401_leads_to_one_refresh_and_one_replay_of_the_same_request() -> None:
    """A revoked token: token, POST (401), token, POST again with the same body (200)."""
    fake = FakeSendcloud()
    with httpx.Client(auth=make_auth(), transport=fake.transport()) as client:
        client.get(API_URL)
        fake.revoke_all()
        response = client.post(API_URL, json={"shop_name": "x"})
    assert response.status_code == 200
    assert len(fake.token_requests) == 2
    posts = [r for r in fake.api_requests if r["method"] == "POST"]
    assert [r["authorization"] for r in posts] == ["Bearer tok-1", "Bearer tok-2"]
    assert [json.loads(r["body"]) for r in posts] == [{"shop_name": "x"}] * 2


def test_second_401_is_handed_back_without_looping() -> None:
    """An API that always answers 401: two token requests, two API requests, then the 401
    itself comes back to a plain httpx caller, as with httpx's DigestAuth."""
    fake = FakeSendcloud()
    fake.api_always_401 = True
    with httpx.Client(auth=make_auth(), transport=fake.transport()) as client:
        response = client.get(API_URL)
    assert response.status_code == 401
    assert len(fake.token_requests) == 2
    assert len(fake.api_requests) == 2


def test_401_refresh_is_skipped_when_another_caller_already_replaced_the_token() -> None:
    """A 401 for a token that is no longer cached replays with the cached one, fetching none."""
    auth = make_auth()
    first = auth.sync_auth_flow(httpx.Request("GET", API_URL))
    next(first)
    first.send(token_response("tok-A", expires_in=3600))
    second = auth.sync_auth_flow(httpx.Request("GET", API_URL))
    assert next(second).headers["Authorization"] == "Bearer tok-A"
    # The first flow's request is rejected: it refreshes (tok-B) and replays.
    assert next_url(first.send(httpx.Response(401))) == TOKEN_URL
    assert first.send(token_response("tok-B")).headers["Authorization"] == "Bearer tok-B"
    # The second flow's 401 for tok-A now replays with tok-B without a token request.
    replay = second.send(httpx.Response(401))
    assert str(replay.url) == API_URL
    assert replay.headers["Authorization"] == "Bearer tok-B"


def next_url(request: httpx.Request) -> str:
    return str(request.url)


def test_invalidate_forgets_the_cached_token() -> None:
    """After ``invalidate()`` the next request fetches a new token."""
    fake = FakeSendcloud()
    auth = make_auth()
    with httpx.Client(auth=auth, transport=fake.transport()) as client:
        client.get(API_URL)
        auth.invalidate()
        client.get(API_URL)
    assert len(fake.token_requests) == 2


def test_streamed_api_responses_are_not_read_by_the_auth_flow() -> None:
    """A 200 API response stays unread for ``client.stream`` (only 401s are read)."""
    fake = FakeSendcloud()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/token/"):
            return fake.transport().handle_request(request)
        return httpx.Response(200, content=iter([b"chunk-1", b"chunk-2"]))

    with (
        httpx.Client(auth=make_auth(), transport=httpx.MockTransport(handler)) as client,
        client.stream("GET", API_URL) as response,
    ):
        assert not response.is_stream_consumed
        assert list(response.iter_bytes()) == [b"chunk-1", b"chunk-2"]


def test_constructor_rejects_nonsense_settings() -> None:
    """Empty credentials, a negative leeway and zero attempts are refused at construction."""
    with pytest.raises(ValueError, match="non-empty"):
        OAuth2ClientCredentials("", CLIENT_SECRET)
    with pytest.raises(ValueError, match="leeway"):
        OAuth2ClientCredentials(CLIENT_ID, CLIENT_SECRET, leeway=-1)
    with pytest.raises(ValueError, match="max_attempts"):
        OAuth2ClientCredentials(CLIENT_ID, CLIENT_SECRET, max_attempts=0)


@pytest.mark.anyio
async def test_async_401_leads_to_one_refresh_and_one_replay() -> None:
    """The async flow also refreshes once on a 401 and replays the request once."""
    fake = FakeSendcloud()
    async with httpx.AsyncClient(auth=make_auth(), transport=fake.transport()) as client:
        await client.get(API_URL)
        fake.revoke_all()
        response = await client.post(API_URL, content=b"payload")
    assert response.status_code == 200
    assert len(fake.token_requests) == 2
    assert [r["body"] for r in fake.api_requests[1:]] == [b"payload", b"payload"]


@pytest.mark.anyio
async def test_async_second_401_is_handed_back() -> None:
    """The async flow ends with the second 401 as its response, after two token requests."""
    fake = FakeSendcloud()
    fake.api_always_401 = True
    async with httpx.AsyncClient(auth=make_auth(), transport=fake.transport()) as client:
        response = await client.get(API_URL)
    assert response.status_code == 401
    assert (len(fake.token_requests), len(fake.api_requests)) == (2, 2)


@pytest.mark.anyio
async def test_async_refresh_before_expiry_uses_the_injected_clock() -> None:
    """The async path reads the same injected clock: t=3540 of a 3600 s token refreshes."""
    fake, clock = FakeSendcloud(expires_in=3600), FakeClock()
    async with httpx.AsyncClient(auth=make_auth(clock), transport=fake.transport()) as client:
        await client.get(API_URL)
        clock.now = 3539.0
        await client.get(API_URL)
        clock.now = 3540.0
        await client.get(API_URL)
    assert len(fake.token_requests) == 2
