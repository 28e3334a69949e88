"""Secrets never show in repr(), str(), exception messages or log records."""

from __future__ import annotations

import logging
import pickle

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations import AuthenticationError, SendcloudError
from sendcloud_integrations._auth import (
    BasicAuth,
    ConfigurationError,
    InsecureTransportError,
    auth_from_env,
)
from sendcloud_integrations._oauth2 import OAuth2ClientCredentials

from .auth_fakes import (
    API_URL,
    CLIENT_ID,
    CLIENT_SECRET,
    PUBLIC_KEY,
    SECRET_KEY,
    FakeClock,
    FakeSendcloud,
    Reply,
    json_reply,
    secret_forms,
)

LEAKS = secret_forms(CLIENT_SECRET, SECRET_KEY)


def assert_clean(text: str) -> None:
    leaked = [form for form in LEAKS if form in text]
    assert not leaked, f"secret leaked into: {text!r}"


def oauth(**kwargs: object) -> OAuth2ClientCredentials:
    return OAuth2ClientCredentials(
        CLIENT_ID,
        CLIENT_SECRET,
        clock=FakeClock(),
        sleep=lambda _: None,
        **kwargs,  # type: ignore[arg-type]
    )


def test_basic_auth_repr_and_str_show_a_key_prefix_and_no_secret() -> None:
    """repr()/str() of BasicAuth name the public key's prefix and redact the secret key."""
    auth = BasicAuth(PUBLIC_KEY, SECRET_KEY)
    assert repr(auth) == "BasicAuth(public_key='publ...', secret_key=<redacted>)"
    assert str(auth) == repr(auth)
    assert_clean(repr(vars(auth)))


def test_short_identifiers_are_not_shown_at_all() -> None:
    """A public key of 8 characters or fewer is shown as '...' (a prefix would be most of it)."""
    assert "short" not in repr(BasicAuth("short", SECRET_KEY))


def test_oauth2_repr_and_str_redact_the_secret_and_the_cached_token() -> None:
    """repr()/str()/vars() of a used OAuth2 auth contain neither the secret nor the access token."""
    fake = FakeSendcloud()
    auth = oauth()
    with httpx.Client(auth=auth, transport=fake.transport()) as client:
        client.get(API_URL)
    text = " ".join([repr(auth), str(auth), repr(vars(auth))])
    assert_clean(text)
    assert "tok-1" not in text
    assert "client_secret=<redacted>" in repr(auth)
    assert "clie..." in repr(auth)


def test_auth_objects_refuse_to_be_pickled() -> None:
    """Pickling would write the secret in clear text, so it is refused."""
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(BasicAuth(PUBLIC_KEY, SECRET_KEY))


def exception_messages() -> list[tuple[str, BaseException]]:
    """One instance of each error the auth code raises, provoked for real."""
    found: list[tuple[str, BaseException]] = []

    def provoke(name: str, fake: FakeSendcloud, url: str = API_URL) -> None:
        with httpx.Client(auth=oauth(), transport=fake.transport()) as client:
            try:
                client.get(url)
            except SendcloudError as exc:
                found.append((name, exc))

    echo = {"error": "invalid_client", "error_description": f"bad secret {CLIENT_SECRET}"}
    provoke("invalid_client echo", FakeSendcloud(token_script=[json_reply(401, echo)]))
    failing = [Reply(500, CLIENT_SECRET.encode())] * 3
    provoke("5xx after retries", FakeSendcloud(token_script=failing))
    provoke("malformed token", FakeSendcloud(token_script=[Reply(200, b"{}")]))
    always_401 = FakeSendcloud()
    always_401.api_always_401 = True
    # The auth flow hands the second 401 back (as DigestAuth does); sc.Client raises it.
    with sc.Client(auth=oauth(), transport=always_401.transport()) as sdk:
        try:
            sdk.integrations.list()
        except SendcloudError as exc:
            found.append(("second 401", exc))
    provoke("plain http", FakeSendcloud(), "http://example.com/api")
    try:
        auth_from_env(
            {"SENDCLOUD_CLIENT_SECRET": CLIENT_SECRET, "SENDCLOUD_SECRET_KEY": SECRET_KEY}
        )
    except ConfigurationError as exc:
        found.append(("incomplete environment", exc))
    return found


def test_exception_messages_never_contain_a_secret() -> None:
    """Each auth error's str, repr and args are clean, even when the server echoed the secret."""
    found = exception_messages()
    assert len(found) == 6
    for _, exc in found:
        assert_clean(f"{exc} {exc!r} {exc.args!r}")


def test_server_text_echoing_the_secret_is_redacted_in_the_error() -> None:
    """An error_description containing the client secret shows ``<redacted>`` instead."""
    exc = dict(exception_messages())["invalid_client echo"]
    assert isinstance(exc, AuthenticationError)
    assert "bad secret <redacted>" in str(exc)
    assert_clean(exc.body + repr(exc.errors))


def test_insecure_transport_error_names_the_host_not_the_credentials() -> None:
    """The refusal names scheme and host, and drops userinfo and query from its URL."""
    url = httpx.URL(f"http://user:{SECRET_KEY}@example.com/api?key={SECRET_KEY}")
    exc = InsecureTransportError(url)
    assert "http:// to example.com" in str(exc)
    assert_clean(f"{exc} {exc.url}")


def test_log_records_mention_token_fetch_and_retry_without_secrets(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """DEBUG/INFO records of every logger (ours, httpx's) carry no secret or access token."""
    caplog.set_level(logging.DEBUG)
    fake = FakeSendcloud(token_script=[Reply(503)])
    clock = FakeClock()
    auth = OAuth2ClientCredentials(CLIENT_ID, CLIENT_SECRET, clock=clock, sleep=lambda _: None)
    with httpx.Client(auth=auth, transport=fake.transport()) as client:
        client.get(API_URL)
        clock.now = 10_000.0
        client.get(API_URL)
    ours = [r for r in caplog.records if r.name == "sendcloud_integrations"]
    messages = [r.getMessage() for r in ours]
    assert any(m.startswith("OAuth2 token fetched for client clie...") for m in messages)
    assert any(m.startswith("OAuth2 token refreshed") for m in messages)
    assert any("retrying in 0." in m for m in messages)  # jittered: 0.25 to 0.5 s
    assert {r.levelno for r in ours if "token fetched" in r.getMessage()} == {logging.DEBUG}
    everything = caplog.text + " ".join(r.getMessage() for r in caplog.records)
    assert_clean(everything)
    assert "tok-1" not in everything
    assert "tok-2" not in everything


def _malformed_answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"data": {"id": "not an int"}})


def test_a_response_validation_error_keeps_a_redacted_request_sync() -> None:
    """The 2xx a sync call fails to decode is kept with its credentials redacted."""
    client = sc.Client(
        auth=sc.BasicAuth("pk", "secret-key"), transport=httpx.MockTransport(_malformed_answer)
    )
    with pytest.raises(sc.ResponseValidationError) as caught:
        client.integrations.get(1)
    kept = caught.value.response
    assert kept is not None
    assert kept.request.headers["Authorization"] == "<redacted>"


@pytest.mark.anyio
async def test_a_response_validation_error_keeps_a_redacted_request_async() -> None:
    """The 2xx an async call fails to decode is kept with its credentials redacted."""
    client = sc.AsyncClient(
        auth=sc.BasicAuth("pk", "secret-key"),
        transport=httpx.MockTransport(_malformed_answer),
    )
    with pytest.raises(sc.ResponseValidationError) as caught:
        await client.integrations.get(1)
    kept = caught.value.response
    assert kept is not None
    assert kept.request.headers["Authorization"] == "<redacted>"
    await client.aclose()
