"""Where OAuth2 tokens are shared: the TokenStore protocol, the in-memory default, the entry format.

A store keeps opaque text under a key and grants leases: locks that lapse by
themselves after ``lock_timeout`` seconds, so a holder that crashed or hangs can
never block the others for longer. ``OAuth2ClientCredentials`` writes the text
(the access token and when to replace it; never the client secret) and decides
what a missing, stale or corrupt entry means; a store only keeps and expires.
"""

from __future__ import annotations

import hashlib
import json
import math
import threading
import time
from collections.abc import Callable
from typing import Protocol, cast, runtime_checkable

import httpx

from ._credentials import Secret
from ._public import present_as_public
from ._token import B64TOKEN, Token

__all__ = ["MemoryTokenStore", "TokenStore", "decode_entry", "encode_entry", "store_key"]


@runtime_checkable
class TokenStore(Protocol):
    """The backend ``OAuth2ClientCredentials(token_store=...)`` shares tokens through.

    Every method exists twice: plain for ``sc.Client`` and ``a``-prefixed for
    ``sc.AsyncClient``; the async ones must not block the event loop. Any
    exception a method raises counts as the store being unavailable: the client
    logs one WARNING and fetches tokens directly until the store answers again, so
    a store need not catch its own connection errors.

    - ``get(key)``: the text last ``set`` under ``key``, or None (never set, or expired).
    - ``set(key, value, ttl)``: keep ``value``, dropping it after ``ttl`` seconds (None: keep).
    - ``acquire(key, owner)``: take the lease on ``key`` for ``owner`` unless someone else
      holds it; True when taken. Does not wait. The lease lapses after ``lock_timeout``.
    - ``release(key, owner)``: end ``owner``'s lease; a lease since taken by another stays.
    """

    @property
    def lock_timeout(self) -> float: ...

    def get(self, key: str) -> str | None: ...
    def set(self, key: str, value: str, ttl: float | None) -> None: ...
    def acquire(self, key: str, owner: str) -> bool: ...
    def release(self, key: str, owner: str) -> None: ...
    async def aget(self, key: str) -> str | None: ...
    async def aset(self, key: str, value: str, ttl: float | None) -> None: ...
    async def aacquire(self, key: str, owner: str) -> bool: ...
    async def arelease(self, key: str, owner: str) -> None: ...


class MemoryTokenStore:
    """Tokens in this process's memory: the default, one per ``OAuth2ClientCredentials``.

    Pass one instance to several clients of the same process to share a token
    between them. Nothing leaves the process.
    """

    def __init__(
        self, *, lock_timeout: float = 15.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if not lock_timeout > 0:
            raise ValueError("lock_timeout must be a positive number of seconds")
        self._lock_timeout = lock_timeout
        self._clock = clock
        self._entries: dict[str, tuple[str, float]] = {}
        self._leases: dict[str, tuple[str, float]] = {}
        # Held for a dict operation only, so the async methods may take it too.
        self._mutex = threading.Lock()

    @property
    def lock_timeout(self) -> float:
        return self._lock_timeout

    def __repr__(self) -> str:
        return f"MemoryTokenStore(entries={len(self._entries)})"

    def get(self, key: str) -> str | None:
        with self._mutex:
            value, until = self._entries.get(key, ("", -math.inf))
            return value if self._clock() < until else None

    def set(self, key: str, value: str, ttl: float | None) -> None:
        until = math.inf if ttl is None else self._clock() + ttl
        with self._mutex:
            self._entries[key] = (value, until)

    def acquire(self, key: str, owner: str) -> bool:
        now = self._clock()
        with self._mutex:
            holder, until = self._leases.get(key, ("", -math.inf))
            if holder != owner and now < until:
                return False
            self._leases[key] = (owner, now + self._lock_timeout)
            return True

    def release(self, key: str, owner: str) -> None:
        with self._mutex:
            if self._leases.get(key, ("", 0.0))[0] == owner:
                del self._leases[key]

    async def aget(self, key: str) -> str | None:
        return self.get(key)

    async def aset(self, key: str, value: str, ttl: float | None) -> None:
        self.set(key, value, ttl)

    async def aacquire(self, key: str, owner: str) -> bool:
        return self.acquire(key, owner)

    async def arelease(self, key: str, owner: str) -> None:
        self.release(key, owner)


def store_key(token_url: httpx.URL, client_id: str, scope: str | None) -> str:
    """The entry's key: a hash of what identifies a token, never the secret."""
    identity = json.dumps([str(token_url), client_id, scope])
    return hashlib.sha256(identity.encode()).hexdigest()


def encode_entry(token: Token) -> str:
    return json.dumps(
        {
            "access_token": token.value.reveal(),
            "refresh_at": token.refresh_at,
            "expires_at": token.expires_at,
        }
    )


def _moment(doc: dict[str, object], name: str) -> float | None:
    value = doc.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{name} is not a number")
    return float(value)


def decode_entry(text: str) -> Token:
    """The Token an entry holds; ValueError (naming no value) when it is not one we wrote."""
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        raise ValueError("the entry is not JSON") from None
    if not isinstance(doc, dict):
        raise ValueError("the entry is not a JSON object")
    entry = cast("dict[str, object]", doc)  # json.loads: an object's keys are strings
    access_token = entry.get("access_token")
    # The rule a token endpoint's answer passes: a store that hands back anything else
    # (CR, LF, a NUL) would put it in every request.
    if not isinstance(access_token, str) or not B64TOKEN.fullmatch(access_token):
        raise ValueError("access_token is missing or not an RFC 6750 token")
    return Token(Secret(access_token), _moment(entry, "refresh_at"), _moment(entry, "expires_at"))


# Loaded with the first OAuth2 client or the first use of `sc.MemoryTokenStore` /
# `sc.TokenStore`, so it presents them itself (see __init__).
present_as_public(TokenStore)
present_as_public(MemoryTokenStore)
