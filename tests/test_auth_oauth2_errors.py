"""OAuth2ClientCredentials with a failing token endpoint: retries, RFC 6749 errors, bad bodies."""

from __future__ import annotations

import httpx
import pytest
from sendcloud_integrations import (
    AuthenticationError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
)
from sendcloud_integrations._oauth2 import OAuth2ClientCredentials

from .auth_fakes import (
    API_URL,
    CLIENT_ID,
    CLIENT_SECRET,
    FakeClock,
    FakeSendcloud,
    Reply,
    json_reply,
)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def make_auth(sleeps: list[float], **kwargs: object) -> OAuth2ClientCredentials:
    return OAuth2ClientCredentials(
        CLIENT_ID,
        CLIENT_SECRET,
        clock=FakeClock(),
        sleep=sleeps.append,
        **kwargs,  # type: ignore[arg-type]
    )


def get(fake: FakeSendcloud, auth: OAuth2ClientCredentials) -> httpx.Response:
    with httpx.Client(auth=auth, transport=fake.transport()) as client:
        return client.get(API_URL)


def test_token_endpoint_503_then_success_is_retried_after_a_backoff() -> None:
    """A token endpoint 503 is retried once after the first (jittered) backoff, then it works."""
    fake, sleeps = FakeSendcloud(token_script=[json_reply(503, {})]), []
    response = get(fake, make_auth(sleeps))
    assert response.status_code == 200
    assert len(fake.token_requests) == 2
    assert len(sleeps) == 1
    assert 0.25 <= sleeps[0] <= 0.5
    assert fake.api_requests[0]["authorization"] == "Bearer tok-2"


def test_token_endpoint_that_keeps_failing_raises_server_error_after_max_attempts() -> None:
    """Three 503s: exponential backoff between them, then ServerError; the API is never called."""
    fake = FakeSendcloud(token_script=[Reply(503, b"down")] * 3)
    sleeps: list[float] = []
    with pytest.raises(ServerError) as caught:
        get(fake, make_auth(sleeps))
    assert caught.value.status_code == 503
    assert "after 3 attempts" in str(caught.value)
    # The API's RetryPolicy: exponential, each wait jittered between half and all of it.
    assert len(sleeps) == 2
    assert 0.25 <= sleeps[0] <= 0.5
    assert 0.5 <= sleeps[1] <= 1.0
    assert len(fake.token_requests) == 3
    assert fake.api_requests == []


def test_token_endpoint_429_waits_for_retry_after() -> None:
    """A 429 with ``Retry-After: 7`` waits 7 s (not the shorter backoff) before retrying."""
    fake = FakeSendcloud(token_script=[json_reply(429, {}, **{"Retry-After": "7"})])
    sleeps: list[float] = []
    assert get(fake, make_auth(sleeps)).status_code == 200
    assert sleeps == [7.0]


def test_token_endpoint_429_on_every_attempt_raises_rate_limit_error() -> None:
    """Persistent 429s end in RateLimitError carrying the server's Retry-After."""
    fake = FakeSendcloud(token_script=[json_reply(429, {}, **{"Retry-After": "2"})] * 2)
    with pytest.raises(RateLimitError) as caught:
        get(fake, make_auth([], max_attempts=2))
    assert caught.value.retry_after == 2.0


@pytest.mark.parametrize(
    ("status", "code"), [(401, "invalid_client"), (400, "invalid_grant"), (400, "invalid_scope")]
)
def test_rfc6749_error_raises_authentication_error_with_code_and_description(
    status: int, code: str
) -> None:
    """A 400/401 RFC 6749 error is not retried and raises AuthenticationError naming the code."""
    reply = json_reply(status, {"error": code, "error_description": "Client authentication failed"})
    fake, sleeps = FakeSendcloud(token_script=[reply]), []
    with pytest.raises(AuthenticationError) as caught:
        get(fake, make_auth(sleeps))
    error = caught.value
    assert error.status_code == status
    assert error.codes == [code]
    assert error.errors[0].detail == "Client authentication failed"
    assert f"{code}: Client authentication failed" in str(error)
    assert (len(fake.token_requests), sleeps, fake.api_requests) == (1, [], [])


def test_wrong_client_secret_is_reported_as_invalid_client() -> None:
    """The fake endpoint's own credential check answers invalid_client for a wrong secret."""
    fake = FakeSendcloud()
    auth = OAuth2ClientCredentials(CLIENT_ID, "wrong-secret", clock=FakeClock())
    with pytest.raises(AuthenticationError) as caught:
        get(fake, auth)
    assert caught.value.codes == ["invalid_client"]


def test_token_endpoint_4xx_without_an_oauth_body_still_raises_authentication_error() -> None:
    """An HTML 403 from a proxy raises AuthenticationError mentioning the status."""
    fake = FakeSendcloud(token_script=[Reply(403, b"<html>Forbidden</html>")])
    with pytest.raises(AuthenticationError, match="HTTP 403"):
        get(fake, make_auth([]))


MALFORMED = {
    "not JSON": (b"<html>ok</html>", "not a JSON object"),
    "JSON array": (b"[]", "not a JSON object"),
    "no access_token": (b'{"token_type": "Bearer"}', "no access_token"),
    "empty access_token": (b'{"access_token": ""}', "no access_token"),
    "mac token": (b'{"access_token": "leaky-token", "token_type": "mac"}', "not Bearer"),
    "text expires_in": (
        b'{"access_token": "leaky-token", "token_type": "Bearer", "expires_in": "soon"}',
        "expires_in",
    ),
    "negative expires_in": (
        b'{"access_token": "leaky-token", "token_type": "Bearer", "expires_in": -5}',
        "expires_in",
    ),
    "boolean expires_in": (
        b'{"access_token": "leaky-token", "token_type": "Bearer", "expires_in": true}',
        "expires_in",
    ),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_malformed_token_response_raises_a_clear_error(case: str) -> None:
    """A 200 token response that is unusable raises ResponseValidationError saying why."""
    body, reason = MALFORMED[case]
    fake = FakeSendcloud(token_script=[Reply(200, body)])
    with pytest.raises(ResponseValidationError) as caught:
        get(fake, make_auth([]))
    assert reason in str(caught.value)
    assert "leaky-token" not in str(caught.value)
    assert fake.api_requests == []


def test_lowercase_bearer_and_numeric_string_expires_in_are_accepted() -> None:
    """token_type is case-insensitive (RFC 6749 5.1) and "3600" is read as a number."""
    reply = json_reply(200, {"access_token": "tok-x", "token_type": "bearer", "expires_in": "3600"})
    fake = FakeSendcloud(token_script=[reply])
    fake.live_tokens.add("tok-x")
    assert get(fake, make_auth([])).status_code == 200


def test_connection_error_on_the_token_endpoint_propagates_and_leaves_no_state() -> None:
    """A refused token request raises httpx.ConnectError; the next call fetches a token anew."""
    refused = httpx.ConnectError("connection refused")
    fake = FakeSendcloud(token_script=[refused])
    auth = make_auth([])
    with httpx.Client(auth=auth, transport=fake.transport()) as client:
        with pytest.raises(httpx.ConnectError):
            client.get(API_URL)
        assert not auth._lock.locked()  # guards the next call against a deadlock
        assert client.get(API_URL).status_code == 200
    assert len(fake.token_requests) == 2


@pytest.mark.anyio
async def test_async_token_endpoint_502_then_success_uses_the_async_sleep() -> None:
    """The async path retries a 502 after awaiting the injected async sleep, not time.sleep."""
    fake = FakeSendcloud(token_script=[json_reply(502, {})])
    sync_sleeps: list[float] = []
    async_sleeps: list[float] = []

    async def async_sleep(seconds: float) -> None:
        async_sleeps.append(seconds)

    auth = make_auth(sync_sleeps, async_sleep=async_sleep)
    async with httpx.AsyncClient(auth=auth, transport=fake.transport()) as client:
        response = await client.get(API_URL)
    assert response.status_code == 200
    assert len(async_sleeps) == 1
    assert 0.25 <= async_sleeps[0] <= 0.5
    assert sync_sleeps == []
    assert len(fake.token_requests) == 2


@pytest.mark.anyio
async def test_async_invalid_client_raises_authentication_error() -> None:
    """The async path maps invalid_client to AuthenticationError as the sync path does."""
    fake = FakeSendcloud(token_script=[json_reply(401, {"error": "invalid_client"})])
    async with httpx.AsyncClient(auth=make_auth([]), transport=fake.transport()) as client:
        with pytest.raises(AuthenticationError) as caught:
            await client.get(API_URL)
    assert caught.value.codes == ["invalid_client"]
