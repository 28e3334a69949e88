"""How OAuth2ClientCredentials uses a token store, sync and async, against the in-process sandbox.

Stores here are in-memory or hand-made to misbehave; the Redis and file stores
have their own test modules. Time is a fake clock and sleeps are recorded.
"""

from __future__ import annotations

import logging

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations._token_store import store_key
from sendcloud_integrations.testing import Sandbox

from .auth_fakes import FakeClock
from .token_store_support import call_api, oauth

both = pytest.mark.parametrize("mode", ["sync", "async"])

LOGGER = "sendcloud_integrations"


def key_of(sandbox: Sandbox) -> str:
    return store_key(httpx.URL(sandbox.token_url), sandbox.credentials.client_id, "api")


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


class BrokenStore(sc.MemoryTokenStore):
    """A store whose every call raises while ``down`` is set, like an unreachable server."""

    def __init__(self) -> None:
        super().__init__()
        self.down = True
        self.calls = 0

    def _check(self) -> None:
        self.calls += 1
        if self.down:
            raise ConnectionRefusedError("store unreachable")

    def get(self, key: str) -> str | None:
        self._check()
        return super().get(key)

    def set(self, key: str, value: str, ttl: float | None) -> None:
        self._check()
        super().set(key, value, ttl)

    def acquire(self, key: str, owner: str) -> bool:
        self._check()
        return super().acquire(key, owner)

    def release(self, key: str, owner: str) -> None:
        self._check()
        super().release(key, owner)


@both
def test_clients_sharing_one_store_fetch_one_token(mode: str) -> None:
    """Three clients given the same MemoryTokenStore send one token request between them."""
    sandbox, store = Sandbox(), sc.MemoryTokenStore()
    for _ in range(3):
        call_api(mode, sandbox, oauth(sandbox, store))
    assert sandbox.tokens.requests == 1


@both
def test_without_a_store_each_client_fetches_its_own_token(mode: str) -> None:
    """The default store is the instance's own memory: three clients, three token requests."""
    sandbox = Sandbox()
    for _ in range(3):
        call_api(mode, sandbox, oauth(sandbox, None))
    assert sandbox.tokens.requests == 3


@both
def test_a_401_for_a_token_already_replaced_in_the_store_uses_the_new_one(mode: str) -> None:
    """B's 401 for the revoked token it shares with A adopts A's refreshed token, fetching none."""
    sandbox, store = Sandbox(), sc.MemoryTokenStore()
    first, second = oauth(sandbox, store), oauth(sandbox, store)
    call_api(mode, sandbox, first)
    call_api(mode, sandbox, second)
    sandbox.revoke_tokens()
    call_api(mode, sandbox, first)  # 401, the one refresh
    assert sandbox.tokens.requests == 2
    call_api(mode, sandbox, second)  # 401 with the old token, then the store's new one
    assert sandbox.tokens.requests == 2


@both
def test_invalidate_does_not_take_the_same_token_back_from_the_store(mode: str) -> None:
    """After invalidate(), the token the store still holds is not reused: a new one is fetched."""
    sandbox, store = Sandbox(), sc.MemoryTokenStore()
    auth = oauth(sandbox, store)
    call_api(mode, sandbox, auth)
    auth.invalidate()
    call_api(mode, sandbox, auth)
    assert sandbox.tokens.requests == 2


@both
def test_an_unavailable_store_never_fails_a_call_and_warns_once(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Every store call raising: tokens are fetched directly, one WARNING; INFO once it is back."""
    caplog.set_level(logging.INFO, LOGGER)
    sandbox, store, clock = Sandbox(), BrokenStore(), FakeClock()
    auth = oauth(sandbox, store, clock=clock)
    for hour in range(3):
        clock.now = hour * 3600.0
        call_api(mode, sandbox, auth)
    assert sandbox.tokens.requests == 3
    assert len(warnings_of(caplog)) == 1
    assert "BrokenStore unavailable (ConnectionRefusedError)" in warnings_of(caplog)[0]
    store.down, clock.now = False, 4 * 3600.0
    call_api(mode, sandbox, auth)
    assert any("answers again" in r.getMessage() for r in caplog.records)
    assert store.get(key_of(sandbox)) is not None  # shared again
    assert len(warnings_of(caplog)) == 1


@both
@pytest.mark.parametrize(
    "entry",
    [
        "not json",
        "[1, 2]",
        '{"access_token": 5}',
        '{"access_token": "tok\\r\\nX-Injected: 1"}',
        '{"access_token": "tok", "refresh_at": "tomorrow"}',
    ],
)
def test_a_corrupt_entry_is_replaced_by_a_fetched_token(
    mode: str, entry: str, caplog: pytest.LogCaptureFixture
) -> None:
    """An entry that is not one we wrote (or would put a CR/LF in a header) is fetched over once."""
    sandbox, store = Sandbox(), sc.MemoryTokenStore()
    store.set(key_of(sandbox), entry, None)
    call_api(mode, sandbox, oauth(sandbox, store))
    assert sandbox.tokens.requests == 1
    assert [m for m in warnings_of(caplog) if "corrupt entry" in m]
    call_api(mode, sandbox, oauth(sandbox, store))  # the replacement is read back
    assert sandbox.tokens.requests == 1


@both
def test_the_store_holds_the_token_but_never_the_client_secret(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    """The stored entry has no client secret, and logs and reprs never show the access token."""
    caplog.set_level(logging.DEBUG)
    sandbox, store = Sandbox(), sc.MemoryTokenStore()
    auth = oauth(sandbox, store)
    call_api(mode, sandbox, auth)
    entry = store.get(key_of(sandbox))
    assert entry is not None
    assert sandbox.credentials.client_secret not in entry
    (token,) = [t for t in sandbox.tokens._tokens]
    assert token in entry
    shown = [repr(auth), repr(store), *(r.getMessage() for r in caplog.records)]
    assert not [text for text in shown if token in text]


def test_keys_name_the_token_url_client_and_scope_and_hide_them() -> None:
    """One key per token URL, client id and scope; the key shows none of them."""
    url = httpx.URL("https://account.sendcloud.com/oauth2/token/")
    key = store_key(url, "client-a", "api")
    assert key == store_key(httpx.URL(str(url)), "client-a", "api")
    others = {
        store_key(httpx.URL("https://other.example/oauth2/token/"), "client-a", "api"),
        store_key(url, "client-b", "api"),
        store_key(url, "client-a", None),
        store_key(url, "client-a", "api other"),
    }
    assert key not in others
    assert len(others) == 4
    assert "client-a" not in key
    assert "sendcloud" not in key


@both
def test_refused_token_requests_are_counted_by_the_sandbox_too(mode: str) -> None:
    """The sandbox's token request count includes answers that refuse the client."""
    sandbox = Sandbox()
    auth = sc.OAuth2ClientCredentials(
        sandbox.credentials.client_id, "wrong-secret", token_url=sandbox.token_url
    )
    with pytest.raises(sc.AuthenticationError):
        call_api(mode, sandbox, auth)
    assert (sandbox.tokens.requests, sandbox.tokens.issued) == (1, 0)


def test_something_that_is_no_token_store_is_refused_at_construction() -> None:
    """A URL string where a store belongs is refused, naming token_store, before any request."""
    with pytest.raises(ValueError, match=r"token_store must be an sc\.TokenStore"):
        sc.OAuth2ClientCredentials("id", "secret", token_store="redis://localhost")  # type: ignore[arg-type]
