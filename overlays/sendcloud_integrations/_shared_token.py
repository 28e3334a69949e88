"""Single flight across processes and hosts: one token fetch per key, whoever shares the store.

Run while the client holds its in-process lock, so each process has at most one
caller here per client. It reads the store; when the entry is missing, stale or
the token the caller just saw rejected, it takes the store's lease, reads again
(another holder may just have finished) and only then fetches and writes. The
others poll the entry between lease attempts and pick up the holder's token.

A store that raises, answers slowly (its own timeouts raise) or keeps the lease
past every bound never fails a call: the token is fetched directly, with one
WARNING per outage and an INFO line when the store answers again.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable
from typing import Final

from ._flow_driver import Flow, OnExit, Sleep, StoreCall
from ._token import Token
from ._token_store import TokenStore, decode_entry, encode_entry

__all__ = ["TokenSharing"]

_logger = logging.getLogger("sendcloud_integrations")

# Lease polling: quick at first (a fetch takes a round trip or two), then gentler.
_FIRST_PAUSE = 0.01
_MAX_PAUSE = 0.1


class _Failed:
    """A store call raised (already logged); distinct from a store answering None."""


_FAILED: Final = _Failed()


class TokenSharing:
    """A client's view of its store: one key, and whether the store was last seen healthy."""

    def __init__(self, store: TokenStore, key: str, clock: Callable[[], float]) -> None:
        self.store = store
        self._key = key
        self._clock = clock
        self._unhealthy = False
        # Set by invalidate(): the store may still hold the token the user gave up on.
        self.discarded: str | None = None

    def obtain(self, rejected: Token | None, fetch: Callable[[], Flow[Token]]) -> Flow[Token]:
        """A usable token: the store's, or one ``fetch`` brings (written back to the store)."""
        refused = {t.value.reveal() for t in (rejected,) if t is not None}
        if self.discarded is not None:
            refused.add(self.discarded)
        found = yield from self._read(refused)
        if isinstance(found, Token):
            return found
        if found is _FAILED:
            return (yield from fetch())
        owner = secrets.token_hex(16)
        waited, pause = 0.0, _FIRST_PAUSE
        while True:
            leased = yield from self._call(self.store.acquire, self.store.aacquire, owner)
            if leased is _FAILED:
                return (yield from fetch())
            if leased is True:
                return (yield from self._fetch_leased(owner, refused, fetch))
            # The lease lapses after lock_timeout, so past twice that someone keeps
            # taking it without writing a token: stop waiting for them.
            if waited >= 2 * self.store.lock_timeout:
                _logger.warning(
                    "OAuth2 token store %s: lease still held after %.1f s; fetching directly",
                    type(self.store).__name__,
                    waited,
                )
                return (yield from fetch())
            yield Sleep(pause)
            waited, pause = waited + pause, min(pause * 1.5, _MAX_PAUSE)
            found = yield from self._read(refused)
            if isinstance(found, Token):
                return found
            if found is _FAILED:
                return (yield from fetch())

    def _fetch_leased(
        self, owner: str, refused: set[str], fetch: Callable[[], Flow[Token]]
    ) -> Flow[Token]:
        # However the flow ends (a token error, a transport error, a cancelled task),
        # the driver gives the lease back, so waiters go on at once, not at its end.
        yield OnExit(StoreCall(self.store.release, self.store.arelease, (self._key, owner)))
        # Another holder may have written between our read and our lease.
        found = yield from self._read(refused)
        if isinstance(found, Token):
            token = found
        else:
            token = yield from fetch()
            yield from self._write(token)
        yield OnExit(None)
        yield from self._call(self.store.release, self.store.arelease, owner)
        return token

    def _read(self, refused: set[str]) -> Flow[Token | _Failed | None]:
        text = yield from self._call(self.store.get, self.store.aget)
        if text is None or isinstance(text, _Failed):
            return text
        try:
            token = decode_entry(str(text))
        except ValueError as exc:
            # Overwritten by this caller's fetch, so a corrupt entry is met once.
            _logger.warning(
                "OAuth2 token store %s holds a corrupt entry (%s); replacing it",
                type(self.store).__name__,
                exc,
            )
            return None
        if token.value.reveal() in refused or not token.is_fresh(self._clock()):
            return None
        return token

    def _write(self, token: Token) -> Flow[None]:
        ttl = None if token.expires_at is None else token.expires_at - self._clock()
        if ttl is None or ttl > 0:
            yield from self._call(self.store.set, self.store.aset, encode_entry(token), ttl)

    def _call(
        self,
        blocking: Callable[..., object],
        awaitable: Callable[..., Awaitable[object]],
        *args: object,
    ) -> Flow[object]:
        try:
            result = yield StoreCall(blocking, awaitable, (self._key, *args))
        except Exception as exc:
            if not self._unhealthy:
                self._unhealthy = True
                # The type only: a client library's message can hold a URL with a password.
                _logger.warning(
                    "OAuth2 token store %s unavailable (%s); fetching tokens directly "
                    "until it answers again",
                    type(self.store).__name__,
                    type(exc).__name__,
                )
            return _FAILED
        if self._unhealthy:
            self._unhealthy = False
            _logger.info("OAuth2 token store %s answers again", type(self.store).__name__)
        return result
