"""Issue #15: token responses checked before caching, the OAuth2 flow's final 401, one
RetryPolicy for API and token endpoint, capped retry_after, typed configuration errors."""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc

from ._client_harness import BASE_URL, MODES, Harness, Recorder, json_response

pytestmark = pytest.mark.anyio

TOKEN_URL = "https://auth.example/oauth2/token/"
INTEGRATIONS: list[Any] = []


@pytest.fixture(params=MODES)
def h(request: pytest.FixtureRequest) -> Harness:
    return Harness(request.param)


async def raised(h: Harness, call: Any) -> sc.SendcloudError:
    """The error of ``call()`` (a sync call raises when called, an async one when awaited)."""
    with pytest.raises(sc.SendcloudError) as info:
        await h.run(call())
    return info.value


class Server:
    """A token endpoint answering from a script, and an API answering ``api_status``."""

    def __init__(self, token_replies: list[httpx.Response], api_status: int = 200) -> None:
        self.token_replies = token_replies
        self.api_status = api_status
        self.token_calls = 0
        self.api_calls: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if str(request.url) == TOKEN_URL:
            self.token_calls += 1
            reply = self.token_replies[min(self.token_calls, len(self.token_replies)) - 1]
            return httpx.Response(reply.status_code, headers=reply.headers, content=reply.content)
        self.api_calls.append(request)
        if self.api_status == 401:
            return json_response(401, {"errors": [{"code": "authentication_failed"}]})
        return json_response(200, {"data": INTEGRATIONS})


def token(body: Any) -> httpx.Response:
    return httpx.Response(200, content=json.dumps(body).encode())


def oauth(**kwargs: Any) -> sc.OAuth2ClientCredentials:
    return sc.OAuth2ClientCredentials(
        "client-id-1", "client-secret-1", token_url=TOKEN_URL, **kwargs
    )


HOSTILE_TOKENS = {
    "LF in access_token": ({"access_token": "abc\ndef", "token_type": "Bearer"}, "access_token"),
    "CR in access_token": ({"access_token": "abc\rX: y", "token_type": "Bearer"}, "access_token"),
    "NUL in access_token": ({"access_token": "abc\x00", "token_type": "Bearer"}, "access_token"),
    "space in access_token": ({"access_token": "a b", "token_type": "Bearer"}, "access_token"),
    "access_token a number": ({"access_token": 12345, "token_type": "Bearer"}, "access_token"),
    "token_type missing": ({"access_token": "abc"}, "token_type"),
    "token_type mac": ({"access_token": "abc", "token_type": "mac"}, "token_type"),
    "expires_in zero": (
        {"access_token": "abc", "token_type": "bearer", "expires_in": 0},
        "expires_in",
    ),
    "expires_in fraction": (
        {"access_token": "abc", "token_type": "bearer", "expires_in": 1.5},
        "expires_in",
    ),
    "expires_in a word": (
        {"access_token": "abc", "token_type": "bearer", "expires_in": "soon"},
        "expires_in",
    ),
    "expires_in true": (
        {"access_token": "abc", "token_type": "bearer", "expires_in": True},
        "expires_in",
    ),
}


@pytest.mark.parametrize("case", HOSTILE_TOKENS)
async def test_a_hostile_token_response_is_refused_naming_the_field_and_never_cached(
    h: Harness, case: str
) -> None:
    """The error names the field, never its value; nothing is cached, so the next call asks the
    token endpoint again; the API never sees the bad token."""
    body, field = HOSTILE_TOKENS[case]
    server = Server([token(body)])
    client = h.client(server, auth=oauth())
    for _ in range(2):
        error = await raised(h, lambda: client.integrations.list())
        assert isinstance(error, sc.ResponseValidationError | sc.AuthenticationError)
        assert field in str(error)
        value = body.get(field)
        if isinstance(value, str) and value:
            assert value not in str(error)
            assert value not in repr(error.args)
    assert server.token_calls == 2
    assert server.api_calls == []
    await h.close(client)


async def test_a_b64token_with_padding_and_lowercase_bearer_is_accepted(h: Harness) -> None:
    """RFC 6750 b64token characters and ``=`` padding pass; token_type is case-insensitive."""
    server = Server([token({"access_token": "aZ0-._~+/==", "token_type": "bEaReR"})])
    client = h.client(server, auth=oauth())
    await h.run(client.integrations.list())
    assert server.api_calls[0].headers["Authorization"] == "Bearer aZ0-._~+/=="
    await h.close(client)


async def test_the_final_401_is_captured_logged_and_raised_as_authentication_error(
    h: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """Under OAuth2 the second 401 reaches the client: capture records it, the DEBUG line for the
    attempt is written, and AuthenticationError is raised."""
    caplog.set_level(logging.DEBUG, logger="sendcloud_integrations")
    server = Server([token({"access_token": "t1", "token_type": "Bearer"})], api_status=401)
    client = h.client(server, auth=oauth())
    with client.capture_responses() as raw:
        error = await raised(h, lambda: client.integrations.list())
    assert isinstance(error, sc.AuthenticationError)
    assert error.status_code == 401
    assert [r.status_code for r in raw.responses] == [401]
    assert any("-> 401" in r.getMessage() for r in caplog.records)
    assert len(server.api_calls) == 2
    await h.close(client)


async def test_token_endpoint_retries_use_the_retry_policy_with_http_date_and_cap(
    h: Harness,
) -> None:
    """The token endpoint follows the RetryPolicy: an HTTP-date Retry-After far ahead waits the
    policy's cap, not 60 s hard-coded; a 500 is not retried, as on the API."""
    far = "Fri, 01 Jan 2100 00:00:00 GMT"
    limited = httpx.Response(429, headers={"Retry-After": far})
    ok = token({"access_token": "t1", "token_type": "Bearer"})
    policy = sc.RetryPolicy(max_retries=2, retry_after_cap=7.5, jitter=False)
    sleeps: list[float] = []

    async def async_sleep(seconds: float) -> None:
        sleeps.append(seconds)

    auth = oauth(retry=policy, sleep=sleeps.append, async_sleep=async_sleep)
    client = h.client(Server([limited, ok]), auth=auth)
    await h.run(client.integrations.list())
    assert sleeps == [7.5]
    await h.close(client)
    plain_500 = Server([httpx.Response(500), ok])
    client = h.client(
        plain_500, auth=oauth(retry=policy, sleep=sleeps.append, async_sleep=async_sleep)
    )
    error = await raised(h, lambda: client.integrations.list())
    assert isinstance(error, sc.ServerError)
    assert plain_500.token_calls == 1
    await h.close(client)


async def test_token_endpoint_rate_limit_error_has_a_capped_retry_after(h: Harness) -> None:
    """A token endpoint 429 with an absurd Retry-After reports the policy's cap."""
    limited = httpx.Response(429, headers={"Retry-After": "999999999999"})
    auth = oauth(retry=sc.RetryPolicy(max_retries=0, retry_after_cap=30))
    client = h.client(Server([limited]), auth=auth)
    error = await raised(h, lambda: client.integrations.list())
    assert isinstance(error, sc.RateLimitError)
    assert error.retry_after == 30
    await h.close(client)


@pytest.mark.parametrize("header", ["999999999999", "Fri, 01 Jan 2100 00:00:00 GMT"])
async def test_rate_limit_retry_after_is_capped_while_the_raw_header_stays(
    h: Harness, header: str
) -> None:
    """RateLimitError.retry_after never exceeds the client's Retry-After cap; the response keeps
    the server's header as sent."""
    recorder = Recorder([httpx.Response(429, headers={"Retry-After": header})])
    client = h.client(recorder, retry=sc.RetryPolicy(max_retries=0, retry_after_cap=12))
    error = await raised(h, lambda: client.integrations.get(1))
    assert isinstance(error, sc.RateLimitError)
    assert error.retry_after == 12
    assert error.response is not None
    assert error.response.headers["Retry-After"] == header
    await h.close(client)


@pytest.mark.parametrize("header", ["inf", "nan", "1e12", "-inf", "1_0", "", "soon"])
async def test_a_retry_after_that_is_not_delta_seconds_or_a_date_is_ignored(
    h: Harness, header: str
) -> None:
    """Values float() would take but RFC 9110 does not (inf, 1e12, 1_0) give no retry_after."""
    recorder = Recorder([httpx.Response(429, headers={"Retry-After": header})])
    client = h.client(recorder, max_retries=0)
    error = await raised(h, lambda: client.integrations.get(1))
    assert isinstance(error, sc.RateLimitError)
    assert error.retry_after is None
    await h.close(client)


BAD_URLS = {
    "userinfo": "https://user:hunter2pass@panel.example/api/v3",
    "not a URL": "http://[::1",
    "relative": "/api/v3",
    "ftp": "ftp://panel.example/api/v3",
}


@pytest.mark.parametrize("case", BAD_URLS)
async def test_a_bad_base_url_raises_configuration_error_without_echoing_it(
    h: Harness, case: str
) -> None:
    """base_url is checked at construction: ConfigurationError (a SendcloudError and ValueError),
    and the message never shows a password."""
    with pytest.raises(sc.ConfigurationError) as caught:
        h.client(Recorder([]), base_url=BAD_URLS[case])
    assert isinstance(caught.value, ValueError)
    assert "hunter2pass" not in str(caught.value)


def test_a_token_url_with_userinfo_is_refused_and_never_shown() -> None:
    """token_url with user:password raises ConfigurationError; the password is not echoed."""
    with pytest.raises(sc.ConfigurationError) as caught:
        sc.OAuth2ClientCredentials("id", "secret", token_url="https://u:hunter2pass@a.example/t")
    assert "hunter2pass" not in str(caught.value)
    auth = sc.OAuth2ClientCredentials("id", "secret", token_url="https://a.example/t")
    assert "https://a.example/t" in repr(auth)


def test_passing_retry_and_max_retries_together_is_refused() -> None:
    """retry= replaces max_retries/retry_writes; giving both is a ConfigurationError."""
    with pytest.raises(sc.ConfigurationError, match="retry"):
        sc.Client(retry=sc.RetryPolicy(), max_retries=5)


async def test_calls_after_close_raise_client_closed_error_also_on_views(h: Harness) -> None:
    """A call on a closed client, or on its with_options view, raises ClientClosedError."""
    recorder = Recorder([json_response(200, {"data": []})])
    client = h.client(recorder)
    view = client.with_options(max_retries=0)
    await h.close(client)
    for target in (client, view):
        error = await raised(h, lambda target=target: target.integrations.list())
        assert isinstance(error, sc.ClientClosedError)
    assert recorder.requests == []


def test_the_default_and_a_loopback_http_base_url_pass_the_check() -> None:
    """The URL check refuses only bad URLs: the default and http on loopback are accepted."""
    with sc.Client() as default, sc.Client(base_url=BASE_URL) as loopback:
        assert (default.base_url, loopback.base_url) == (sc.DEFAULT_BASE_URL, BASE_URL)
