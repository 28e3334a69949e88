"""``RedisTokenStore``: one token shared by workers on many hosts, through Redis (``[redis]``).

An entry is a plain string key with a TTL that ends with the token. The lease is
a second key taken with ``SET NX PX`` (it lapses by itself) and given back by a
script that deletes it only for its owner, so a holder whose lease lapsed and
was taken by another cannot end the other's.
"""

from __future__ import annotations

import asyncio
import math
import weakref
from typing import TYPE_CHECKING, Any, cast

import anyio.to_thread
import httpx
import sniffio

from ._errors import ConfigurationError
from ._public import present_as_public

if TYPE_CHECKING:
    import redis
    import redis.asyncio

__all__ = ["RedisTokenStore"]

_RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then
    return redis.call('del', KEYS[1])
end
return 0
"""


def _import_redis() -> Any:
    try:
        # Loads the submodule the callers reach as .asyncio (pyright sees only `redis` used).
        import redis.asyncio  # pyright: ignore[reportUnusedImport]
    except ImportError:
        raise ConfigurationError(
            "sc.RedisTokenStore needs redis-py: pip install 'sendcloud-integrations[redis]'"
        ) from None
    return redis


def _text(value: bytes | str | None) -> str | None:
    # Undecodable bytes become U+FFFD, which the entry check then refuses as corrupt.
    if value is None or isinstance(value, str):
        return value
    return value.decode("utf-8", "replace")


def _safe_url(url: str) -> str:
    """The URL without its password, for repr()."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        return "<unparsable URL>"
    if parsed.password:
        parsed = parsed.copy_with(password="<redacted>")
    return str(parsed)


class RedisTokenStore:
    """Tokens in Redis under ``key_prefix`` + a hash of token URL, client id and scope.

    ``redis_client_or_url`` is a ``redis://`` or ``rediss://`` URL, a ``redis.Redis``
    or a ``redis.asyncio.Redis``. From a URL the store makes both clients itself,
    with ``timeout`` on connecting and on each command and no retries, so a down or
    slow Redis costs a call at most ``timeout`` before the token is fetched
    directly. A sync client also serves async callers (in a worker thread); an
    asyncio client serves async callers only (sync callers then fetch directly,
    with a warning). ``lock_timeout`` is the lease's lifetime.
    """

    def __init__(
        self,
        redis_client_or_url: str | redis.Redis | redis.asyncio.Redis,
        key_prefix: str = "sendcloud:token:",
        *,
        lock_timeout: float = 15.0,
        timeout: float = 2.0,
    ) -> None:
        redis_module = _import_redis()
        if not lock_timeout > 0 or not timeout > 0:
            raise ValueError("lock_timeout and timeout must be positive numbers of seconds")
        self._key_prefix = key_prefix
        self._lock_timeout = lock_timeout
        self._timeout = timeout
        self._url: str | None = None
        self._sync: redis.Redis | None = None
        self._async: redis.asyncio.Redis | None = None
        # Made from the URL, one per event loop: redis.asyncio connections belong to a loop.
        self._loop_clients: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, redis.asyncio.Redis
        ] = weakref.WeakKeyDictionary()
        if isinstance(redis_client_or_url, str):
            self._url = redis_client_or_url
            self._sync = redis_module.Redis.from_url(self._url, **self._options())
        # The classes come from the lazily imported module (Any), so isinstance does not
        # narrow for the type checkers; the casts say what it established.
        elif isinstance(redis_client_or_url, redis_module.asyncio.Redis):
            self._async = cast("redis.asyncio.Redis", redis_client_or_url)
        elif isinstance(redis_client_or_url, redis_module.Redis):
            self._sync = cast("redis.Redis", redis_client_or_url)
        else:
            raise ConfigurationError(
                "RedisTokenStore needs a redis:// URL, a redis.Redis or a redis.asyncio.Redis, "
                f"not {type(redis_client_or_url).__name__}"
            )

    def _options(self) -> dict[str, Any]:
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        return {
            "socket_timeout": self._timeout,
            "socket_connect_timeout": self._timeout,
            # redis-py retries with backoff by default: seconds of stall per call
            # while Redis is down, where falling back at once is the point.
            "retry": Retry(NoBackoff(), 0),
        }

    @property
    def lock_timeout(self) -> float:
        return self._lock_timeout

    def __repr__(self) -> str:
        where = _safe_url(self._url) if self._url else type(self._sync or self._async).__name__
        return f"RedisTokenStore({where!r}, key_prefix={self._key_prefix!r})"

    def _entry(self, key: str) -> str:
        return self._key_prefix + key

    def _lease(self, key: str) -> str:
        return self._key_prefix + key + ":lease"

    def _client(self) -> redis.Redis:
        if self._sync is None:
            raise ConfigurationError(
                "this RedisTokenStore holds a redis.asyncio client, which cannot serve a "
                "sync client; pass a URL or a redis.Redis"
            )
        return self._sync

    def get(self, key: str) -> str | None:
        return _text(self._client().get(self._entry(key)))

    def set(self, key: str, value: str, ttl: float | None) -> None:
        milliseconds = None if ttl is None else max(1, math.ceil(ttl * 1000))
        self._client().set(self._entry(key), value, px=milliseconds)

    def acquire(self, key: str, owner: str) -> bool:
        px = max(1, math.ceil(self._lock_timeout * 1000))
        return bool(self._client().set(self._lease(key), owner, nx=True, px=px))

    def release(self, key: str, owner: str) -> None:
        self._client().eval(_RELEASE, 1, self._lease(key), owner)

    def _async_client(self) -> redis.asyncio.Redis | None:
        """The asyncio client (made from the URL for this loop); None off asyncio (trio)."""
        if sniffio.current_async_library() != "asyncio":
            return None
        if self._async is not None or self._url is None:
            return self._async
        loop = asyncio.get_running_loop()
        client = self._loop_clients.get(loop)
        if client is None:
            client = _import_redis().asyncio.Redis.from_url(self._url, **self._options())
            self._loop_clients[loop] = client
        return client

    def close(self) -> None:
        """Close the connections this store opened from its URL (not a client it was given)."""
        if self._url is not None and self._sync is not None:
            self._sync.close()

    async def aclose(self) -> None:
        """Close the connections opened from the URL, the current event loop's ones included."""
        self.close()
        if sniffio.current_async_library() == "asyncio":
            client = self._loop_clients.pop(asyncio.get_running_loop(), None)
            if client is not None:
                await client.aclose()

    async def aget(self, key: str) -> str | None:
        client = self._async_client()
        if client is None:
            return await anyio.to_thread.run_sync(self.get, key)
        return _text(await client.get(self._entry(key)))

    async def aset(self, key: str, value: str, ttl: float | None) -> None:
        client = self._async_client()
        if client is None:
            await anyio.to_thread.run_sync(self.set, key, value, ttl)
            return
        milliseconds = None if ttl is None else max(1, math.ceil(ttl * 1000))
        await client.set(self._entry(key), value, px=milliseconds)

    async def aacquire(self, key: str, owner: str) -> bool:
        client = self._async_client()
        if client is None:
            return await anyio.to_thread.run_sync(self.acquire, key, owner)
        px = max(1, math.ceil(self._lock_timeout * 1000))
        return bool(await client.set(self._lease(key), owner, nx=True, px=px))

    async def arelease(self, key: str, owner: str) -> None:
        client = self._async_client()
        if client is None:
            await anyio.to_thread.run_sync(self.release, key, owner)
            return
        await client.eval(_RELEASE, 1, self._lease(key), owner)


# Loaded on first use of `sc.RedisTokenStore`, so it presents itself (see __init__).
present_as_public(RedisTokenStore)
