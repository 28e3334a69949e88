"""sc.RedisTokenStore against a real redis-server: TTLs, leases, outages, a crashed holder.

The shared server comes from SENDCLOUD_TEST_REDIS_URL (.ci/run starts one); the
outage test starts and kills a redis-server of its own. Each test writes under a
prefix of its own.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator

import anyio
import httpx
import pytest
import redis
import sendcloud_integrations as sc
from sendcloud_integrations._token_store import store_key
from sendcloud_integrations.testing import Sandbox

from .auth_fakes import FakeClock
from .forked_workers import FORK_WARNING, kill_holding_lease
from .token_store_support import call_api, oauth, redis_server, redis_url, unique_prefix

MODES = ["sync", "async"]


@pytest.fixture
def url() -> str:
    return redis_url()


@pytest.fixture
def prefix() -> str:
    return unique_prefix()


@pytest.fixture
def raw(url: str, prefix: str) -> Iterator[redis.Redis]:
    """A plain client to look at (and tamper with) what the store wrote."""
    client = redis.Redis.from_url(url)
    yield client
    for key in client.scan_iter(match=prefix + "*"):
        client.delete(key)
    client.close()


def entry_key(sandbox: Sandbox, prefix: str) -> str:
    return prefix + store_key(httpx.URL(sandbox.token_url), sandbox.credentials.client_id, "api")


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


@pytest.mark.parametrize("mode", MODES)
def test_entries_expire_with_the_token_and_leases_are_given_back(
    mode: str, url: str, prefix: str, raw: redis.Redis
) -> None:
    """After a fetch the entry's TTL is the token's lifetime and no lease is left behind."""
    sandbox = Sandbox(token_expires_in=900)
    call_api(mode, sandbox, oauth(sandbox, sc.RedisTokenStore(url, key_prefix=prefix)))
    ttl = raw.pttl(entry_key(sandbox, prefix))
    assert 890_000 < ttl <= 900_000
    assert raw.exists(entry_key(sandbox, prefix) + ":lease") == 0
    assert sandbox.tokens.requests == 1


@pytest.mark.parametrize("mode", MODES)
def test_the_entry_holds_no_client_secret(
    mode: str, url: str, prefix: str, raw: redis.Redis
) -> None:
    """Nothing under the prefix contains the client secret; the store's repr shows no token."""
    sandbox = Sandbox()
    store = sc.RedisTokenStore(url, key_prefix=prefix)
    call_api(mode, sandbox, oauth(sandbox, store))
    values = [raw.get(k) or b"" for k in raw.scan_iter(match=prefix + "*")]
    assert len(values) == 1
    assert sandbox.credentials.client_secret.encode() not in values[0]
    (token,) = list(sandbox.tokens._tokens)
    assert token.encode() in values[0]
    assert token not in repr(store)


def test_the_lease_is_exclusive_and_only_its_owner_gives_it_back(
    url: str, prefix: str, raw: redis.Redis
) -> None:
    """acquire is SET NX with a lifetime; release by a non-owner leaves the lease in place."""
    store = sc.RedisTokenStore(url, key_prefix=prefix, lock_timeout=30)
    assert store.acquire("k", "me") is True
    assert store.acquire("k", "you") is False
    store.release("k", "you")
    assert store.acquire("k", "you") is False
    assert 29_000 < raw.pttl(prefix + "k:lease") <= 30_000
    store.release("k", "me")
    assert store.acquire("k", "you") is True
    store.close()


@pytest.mark.anyio
async def test_the_async_lease_is_exclusive_and_only_its_owner_gives_it_back(
    url: str, prefix: str
) -> None:
    """The redis.asyncio path grants and gives back leases as the sync one does."""
    store = sc.RedisTokenStore(url, key_prefix=prefix, lock_timeout=30)
    assert await store.aacquire("k", "me") is True
    assert await store.aacquire("k", "you") is False
    await store.arelease("k", "you")
    assert await store.aacquire("k", "you") is False
    await store.arelease("k", "me")
    assert await store.aacquire("k", "you") is True
    await store.aset("k", "value", 10)
    assert await store.aget("k") == "value"
    await store.aclose()


@pytest.mark.filterwarnings(FORK_WARNING)
@pytest.mark.parametrize("mode", MODES)
def test_a_lease_held_by_a_killed_process_lapses(mode: str, url: str, prefix: str) -> None:
    """A process took the lease and died: after lock_timeout the next caller fetches the token."""
    sandbox = Sandbox()

    def make() -> sc.RedisTokenStore:
        return sc.RedisTokenStore(url, key_prefix=prefix, lock_timeout=0.3)

    kill_holding_lease(make, store_key(httpx.URL(sandbox.token_url), "sandbox-client-id", "api"))
    call_api(mode, sandbox, oauth(sandbox, make()))
    assert sandbox.tokens.requests == 1


@pytest.mark.parametrize("mode", MODES)
def test_a_corrupt_entry_is_overwritten(
    mode: str, url: str, prefix: str, raw: redis.Redis, caplog: pytest.LogCaptureFixture
) -> None:
    """Garbage under the key: the call works, one WARNING, and the entry is a token again."""
    sandbox = Sandbox()
    raw.set(entry_key(sandbox, prefix), b"\xff\x00 garbage")
    call_api(mode, sandbox, oauth(sandbox, sc.RedisTokenStore(url, key_prefix=prefix)))
    assert [m for m in warnings_of(caplog) if "corrupt entry" in m]
    assert b"access_token" in (raw.get(entry_key(sandbox, prefix)) or b"")
    call_api(mode, sandbox, oauth(sandbox, sc.RedisTokenStore(url, key_prefix=prefix)))
    assert sandbox.tokens.requests == 1


@pytest.mark.parametrize("mode", MODES)
def test_redis_killed_mid_run_and_restarted(mode: str, caplog: pytest.LogCaptureFixture) -> None:
    """Calls keep working while Redis is down (one WARNING) and share again once it is back."""
    caplog.set_level(logging.INFO, "sendcloud_integrations")
    sandbox, clock = Sandbox(), FakeClock()
    with redis_server() as server:
        store = sc.RedisTokenStore(server.url, key_prefix="t:", timeout=1.0)
        auth = oauth(sandbox, store, clock=clock)
        call_api(mode, sandbox, auth)
        server.kill()
        for hour in (1, 2):
            clock.now = hour * 3600.0
            call_api(mode, sandbox, auth)
        assert sandbox.tokens.requests == 3
        assert len(warnings_of(caplog)) == 1
        server.start()
        clock.now = 3 * 3600.0
        call_api(mode, sandbox, auth)
        assert any("answers again" in r.getMessage() for r in caplog.records)
        # Shared again: a second client takes the stored token instead of fetching.
        call_api(mode, sandbox, oauth(sandbox, store, clock=clock))
        assert sandbox.tokens.requests == 4
        store.close()


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections (the kernel's backlog) and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield int(listener.getsockname()[1])


@pytest.mark.parametrize("mode", MODES)
def test_a_redis_that_never_answers_times_out_and_the_token_is_fetched_directly(
    mode: str, silent_port: int, caplog: pytest.LogCaptureFixture
) -> None:
    """A hung Redis costs the store's timeout, then the call goes on with a fetched token."""
    sandbox = Sandbox()
    store = sc.RedisTokenStore(f"redis://127.0.0.1:{silent_port}/0", timeout=0.2)
    call_api(mode, sandbox, oauth(sandbox, store))
    assert sandbox.tokens.requests == 1
    assert "RedisTokenStore unavailable" in warnings_of(caplog)[0]


@pytest.mark.parametrize("anyio_backend", ["trio"])
@pytest.mark.anyio
async def test_off_asyncio_the_store_runs_the_sync_client_in_a_thread(
    url: str, prefix: str
) -> None:
    """On trio (no redis.asyncio) the async methods still work, through a worker thread."""
    sandbox = Sandbox()
    store = sc.RedisTokenStore(url, key_prefix=prefix)
    async with sc.AsyncClient(
        auth=oauth(sandbox, store), base_url=sandbox.base_url, transport=sandbox.transport()
    ) as client:
        await client.integrations.list()
        await anyio.sleep(0)
    assert store.get(store_key(httpx.URL(sandbox.token_url), "sandbox-client-id", "api"))
    store.close()


def test_repr_hides_the_password_and_bad_arguments_are_refused() -> None:
    """The URL's password never shows; something that is no Redis is a ConfigurationError."""
    store = sc.RedisTokenStore("redis://user:hunter2@127.0.0.1:1/0")
    assert "hunter2" not in repr(store)
    assert "127.0.0.1:1" in repr(store)
    with pytest.raises(sc.ConfigurationError, match="redis:// URL"):
        sc.RedisTokenStore(42)  # type: ignore[arg-type]


def test_an_asyncio_client_cannot_serve_a_sync_client_and_the_call_still_works(
    url: str, prefix: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Given a redis.asyncio client, a sync caller fetches directly, with a WARNING saying so."""
    import redis.asyncio

    sandbox = Sandbox()
    store = sc.RedisTokenStore(redis.asyncio.Redis.from_url(url), key_prefix=prefix)
    call_api("sync", sandbox, oauth(sandbox, store))
    assert sandbox.tokens.requests == 1
    assert "(ConfigurationError)" in warnings_of(caplog)[0]
