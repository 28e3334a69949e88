"""auth_from_env and Client.from_env: credentials and URLs from SENDCLOUD_* variables."""

from __future__ import annotations

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations._auth import (
    DEFAULT_TOKEN_URL,
    BasicAuth,
    ConfigurationError,
    auth_from_env,
)
from sendcloud_integrations._oauth2 import OAuth2ClientCredentials

from .auth_fakes import (
    CLIENT_ID,
    CLIENT_SECRET,
    PUBLIC_KEY,
    SECRET_KEY,
    TOKEN_PATH,
    FakeSendcloud,
    basic,
)

BASIC_ENV = {"SENDCLOUD_PUBLIC_KEY": PUBLIC_KEY, "SENDCLOUD_SECRET_KEY": SECRET_KEY}
OAUTH_ENV = {"SENDCLOUD_CLIENT_ID": CLIENT_ID, "SENDCLOUD_CLIENT_SECRET": CLIENT_SECRET}
LOCAL_API = "http://127.0.0.1:9/api/v3"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def test_public_and_secret_key_give_basic_auth() -> None:
    """SENDCLOUD_PUBLIC_KEY + SENDCLOUD_SECRET_KEY give BasicAuth and no base URL."""
    auth, base_url = auth_from_env(BASIC_ENV)
    assert isinstance(auth, BasicAuth)
    assert auth.public_key == PUBLIC_KEY
    assert base_url is None


def test_client_id_and_secret_give_oauth2_with_the_spec_token_url() -> None:
    """SENDCLOUD_CLIENT_ID + SENDCLOUD_CLIENT_SECRET give OAuth2 against the spec's token URL."""
    auth, _ = auth_from_env(OAUTH_ENV)
    assert isinstance(auth, OAuth2ClientCredentials)
    assert (auth.client_id, str(auth.token_url)) == (CLIENT_ID, DEFAULT_TOKEN_URL)


def test_token_url_and_base_url_are_read_when_set() -> None:
    """SENDCLOUD_TOKEN_URL and SENDCLOUD_BASE_URL override the defaults."""
    env = {
        **OAUTH_ENV,
        "SENDCLOUD_TOKEN_URL": "http://127.0.0.1:9/oauth2/token/",
        "SENDCLOUD_BASE_URL": LOCAL_API,
    }
    auth, base_url = auth_from_env(env)
    assert isinstance(auth, OAuth2ClientCredentials)
    assert str(auth.token_url) == "http://127.0.0.1:9/oauth2/token/"
    assert base_url == LOCAL_API


def test_os_environ_is_read_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without an explicit mapping the process environment is used."""
    for name in ("SENDCLOUD_CLIENT_ID", "SENDCLOUD_CLIENT_SECRET", "SENDCLOUD_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in BASIC_ENV.items():
        monkeypatch.setenv(name, value)
    assert isinstance(auth_from_env()[0], BasicAuth)


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({}, ("SENDCLOUD_PUBLIC_KEY", "SENDCLOUD_SECRET_KEY")),
        ({"SENDCLOUD_PUBLIC_KEY": PUBLIC_KEY}, ("SENDCLOUD_SECRET_KEY",)),
        ({"SENDCLOUD_SECRET_KEY": SECRET_KEY}, ("SENDCLOUD_PUBLIC_KEY",)),
        ({"SENDCLOUD_CLIENT_ID": CLIENT_ID}, ("SENDCLOUD_CLIENT_SECRET",)),
        ({"SENDCLOUD_CLIENT_SECRET": CLIENT_SECRET}, ("SENDCLOUD_CLIENT_ID",)),
        ({**BASIC_ENV, "SENDCLOUD_SECRET_KEY": "  "}, ("SENDCLOUD_SECRET_KEY",)),
        (
            {"SENDCLOUD_PUBLIC_KEY": PUBLIC_KEY, "SENDCLOUD_CLIENT_ID": CLIENT_ID},
            ("SENDCLOUD_SECRET_KEY", "SENDCLOUD_CLIENT_SECRET"),
        ),
    ],
)
def test_incomplete_environment_names_the_missing_variables(
    env: dict[str, str], missing: tuple[str, ...]
) -> None:
    """No complete pair raises ConfigurationError naming each missing variable."""
    with pytest.raises(ConfigurationError) as caught:
        auth_from_env(env)
    assert isinstance(caught.value, sc.SendcloudError)
    for name in missing:
        assert name in caught.value.missing
        assert name in str(caught.value)


def test_empty_environment_lists_both_pairs() -> None:
    """With nothing set, the error lists all four variables as the two ways to configure."""
    with pytest.raises(ConfigurationError) as caught:
        auth_from_env({"SENDCLOUD_BASE_URL": LOCAL_API})
    assert len(caught.value.missing) == 4
    assert "SENDCLOUD_CLIENT_SECRET" in str(caught.value)


def test_both_pairs_set_is_refused_instead_of_guessing() -> None:
    """Both complete pairs raise ConfigurationError rather than silently picking one."""
    with pytest.raises(ConfigurationError, match="unset one pair"):
        auth_from_env({**BASIC_ENV, **OAUTH_ENV})


def test_client_from_env_sends_basic_auth_to_the_env_base_url() -> None:
    """sc.Client.from_env uses the env's keys and SENDCLOUD_BASE_URL for its requests."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    env = {**BASIC_ENV, "SENDCLOUD_BASE_URL": LOCAL_API}
    with sc.Client.from_env(env, transport=httpx.MockTransport(handler)) as client:
        client.integrations.delete(7)
    assert str(seen[0].url) == LOCAL_API + "/integrations/7"
    assert seen[0].headers["Authorization"] == basic(PUBLIC_KEY, SECRET_KEY)


def oauth_env_transport(fake: FakeSendcloud) -> tuple[dict[str, str], httpx.MockTransport]:
    def handler(request: httpx.Request) -> httpx.Response:
        response = fake.transport().handle_request(request)
        if request.url.path == TOKEN_PATH or response.status_code != 200:
            return response
        return httpx.Response(204)

    env = {
        **OAUTH_ENV,
        "SENDCLOUD_TOKEN_URL": "http://127.0.0.1:9" + TOKEN_PATH,
        "SENDCLOUD_BASE_URL": LOCAL_API,
    }
    return env, httpx.MockTransport(handler)


def test_client_from_env_with_oauth2_fetches_a_token_and_replays_after_401() -> None:
    """sc.Client.from_env with OAuth2: token from SENDCLOUD_TOKEN_URL, 401 refresh and replay."""
    fake = FakeSendcloud()
    env, transport = oauth_env_transport(fake)
    with sc.Client.from_env(env, transport=transport) as client:
        client.integrations.delete(7)
        fake.revoke_all()
        client.integrations.delete(8)
    assert len(fake.token_requests) == 2
    assert [r["authorization"] for r in fake.api_requests] == [
        "Bearer tok-1",
        "Bearer tok-1",
        "Bearer tok-2",
    ]


def test_client_second_401_raises_authentication_error() -> None:
    """Through sc.Client, an API that keeps answering 401 raises AuthenticationError."""
    fake = FakeSendcloud()
    fake.api_always_401 = True
    env, transport = oauth_env_transport(fake)
    with (
        sc.Client.from_env(env, transport=transport) as client,
        pytest.raises(sc.AuthenticationError),
    ):
        client.integrations.delete(7)
    assert len(fake.token_requests) == 2


def test_client_retries_a_refused_token_connection_with_its_retry_policy() -> None:
    """A connection error on the token request is retried by sc.Client like any connect error."""
    fake = FakeSendcloud(token_script=[httpx.ConnectError("connection refused")])
    env, transport = oauth_env_transport(fake)
    sleeps: list[float] = []
    with sc.Client.from_env(env, transport=transport, sleep=sleeps.append) as client:
        client.integrations.delete(7)
    assert len(fake.token_requests) == 2
    assert len(sleeps) == 1


@pytest.mark.anyio
async def test_async_client_from_env_uses_oauth2() -> None:
    """sc.AsyncClient.from_env fetches one token and sends the call with it."""
    fake = FakeSendcloud()
    env, transport = oauth_env_transport(fake)
    async with sc.AsyncClient.from_env(env, transport=transport) as client:
        await client.integrations.delete(7)
        await client.integrations.delete(8)
    assert len(fake.token_requests) == 1
    assert {r["authorization"] for r in fake.api_requests} == {"Bearer tok-1"}


def test_client_from_env_without_credentials_raises_configuration_error() -> None:
    """sc.Client.from_env with no credentials raises the ConfigurationError of auth_from_env."""
    with pytest.raises(ConfigurationError, match="SENDCLOUD_PUBLIC_KEY"):
        sc.Client.from_env({})
