"""OAuth2 client-credentials auth (the spec's ``OAuth2ClientCreds`` scheme) as an httpx.Auth.

The token request is yielded from the auth flow, so it goes through the same
httpx client, transport and event hooks as the API request (MockTransport and
in-process sandboxes see it too). One lock per instance makes the fetch single
flight in the process: check, lock, re-check, then ask the token store (which
makes it single flight across the processes sharing it, see _shared_token.py).
Callers that waited for a fetch get its token, or its error, without fetching
again. The flow is written once (``_flow``) and run by the drivers of
_flow_driver.py.

httpx never throws a transport error into an auth flow (it closes the flow), so
a refused or timed-out token request surfaces from ``client.send`` as an
httpx.TransportError; sc.Client retries those like any other connection error.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    import anyio

from ._config import DEFAULT_TOKEN_URL, RetryPolicy
from ._credentials import Secret, check_endpoint_url, mask_identifier, require_secure_url
from ._errors import ConfigurationError, SendcloudError
from ._flow_driver import LOCK, UNLOCK, Flow, Read, Sleep, drive_async, drive_sync
from ._public import present_as_public
from ._retry import may_retry_token_status, retry_delay
from ._shared_token import TokenSharing
from ._token import Token, build_token_request, parse_token_response, token_error
from ._token_store import MemoryTokenStore, TokenStore, store_key

__all__ = ["DEFAULT_TOKEN_URL", "OAuth2ClientCredentials"]

_logger = logging.getLogger("sendcloud_integrations")


class OAuth2ClientCredentials(httpx.Auth):
    """Bearer tokens from the client-credentials grant, cached, refreshed and optionally shared.

    A token is replaced ``leeway`` seconds before ``expires_in`` runs out (a token
    without ``expires_in`` is kept until the API answers 401). A 401 from the API
    refreshes the token once and replays the request once; a second 401 ends the
    flow with that response, as httpx's DigestAuth does (sc.Client raises
    AuthenticationError for it). Token endpoint answers are retried by ``retry``, the
    RetryPolicy the API calls use too (default: ``max_attempts - 1`` retries, backoff
    from ``backoff`` with jitter, Retry-After in seconds or as a date, capped); 4xx
    answers raise AuthenticationError with the RFC 6749 error code in ``codes``.
    Connection errors propagate as httpx transport errors and leave no state
    behind, so the next call tries again.

    ``token_store`` shares the token with other clients, processes or hosts
    (``sc.FileTokenStore``, ``sc.RedisTokenStore`` or any ``sc.TokenStore``): one
    of them fetches it while the others wait, then all use it. The default keeps
    it in this instance's memory only. The client secret is never stored.

    ``clock`` (seconds since the epoch: sharers compare its readings), ``sleep``
    and ``async_sleep`` (default ``anyio.sleep``) are injectable so tests control
    time. Use one instance from threads (sync clients) or from one event loop (async
    clients); the sync and async paths keep separate locks.
    """

    # The body is buffered so that the request can be replayed after a 401.
    requires_request_body = True
    # API responses are read only when they are a 401, so streamed downloads
    # stay streamed; the overridden flows read token responses themselves.
    requires_response_body = False

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        token_url: str | httpx.URL = DEFAULT_TOKEN_URL,
        scope: str | None = "api",
        leeway: float = 60.0,
        max_attempts: int = 3,
        backoff: float = 0.5,
        retry: RetryPolicy | None = None,
        token_store: TokenStore | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        async_sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        if not client_id or not client_secret:
            raise ConfigurationError("client_id and client_secret must be non-empty strings")
        if leeway < 0 or backoff < 0:
            raise ConfigurationError("leeway and backoff must not be negative")
        if max_attempts < 1:
            raise ConfigurationError("max_attempts must be at least 1")
        if token_store is not None and not isinstance(token_store, TokenStore):
            raise ConfigurationError(
                f"token_store must be an sc.TokenStore (such as sc.FileTokenStore or "
                f"sc.RedisTokenStore), not {type(token_store).__name__}"
            )
        self._token_url = check_endpoint_url("token_url", token_url)
        require_secure_url(self._token_url)
        self._retry = retry or RetryPolicy(max_retries=max_attempts - 1, backoff_base=backoff)
        self._client_id = client_id
        self._client_secret = Secret(client_secret)
        self._scope = scope
        self._leeway = leeway
        self._clock = clock
        self._sleep = sleep
        self._async_sleep = async_sleep
        self._token: Token | None = None
        self._sharing = TokenSharing(
            MemoryTokenStore() if token_store is None else token_store,
            store_key(self._token_url, client_id, scope),
            clock,
        )
        # Completed fetches and the last one's error: callers that waited on the
        # lock for a fetch that failed share its error instead of fetching again.
        self._fetches = 0
        self._fetch_error: SendcloudError | None = None
        self._lock = threading.Lock()
        # Created inside the event loop on first use, not at construction time.
        self._async_lock: anyio.Lock | None = None

    @property
    def client_id(self) -> str:
        return self._client_id

    @property
    def token_url(self) -> httpx.URL:
        return self._token_url

    @property
    def token_store(self) -> TokenStore:
        return self._sharing.store

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(client_id={mask_identifier(self._client_id)!r}, "
            f"client_secret=<redacted>, token_url={str(self._token_url)!r}, "
            f"scope={self._scope!r})"
        )

    def invalidate(self) -> None:
        """Forget the cached token; the next request gets another one.

        That is the store's when it holds a different token, else a fetched one: the
        forgotten token is not taken back from the store.
        """
        token, self._token = self._token, None
        if token is not None:
            self._sharing.discarded = token.value.reveal()

    def _usable_token(self, rejected: Token | None) -> Token | None:
        now = self._clock()
        token = self._token
        if token is None or token is rejected or not token.is_fresh(now):
            return None
        return token

    def _recheck(self, rejected: Token | None, seen: int) -> Token | None:
        """The second look, under the lock: a token someone else fetched, or their error."""
        token = self._usable_token(rejected)
        if token is None and self._fetches != seen and self._fetch_error is not None:
            raise self._fetch_error
        return token

    def _renew(self, api_request: httpx.Request, rejected: Token | None) -> Flow[Token]:
        """A token from the store or the endpoint, recorded for the callers waiting on the lock."""
        try:
            token = yield from self._sharing.obtain(rejected, lambda: self._attempts(api_request))
        except SendcloudError as exc:
            self._fetch_error, self._fetches = exc, self._fetches + 1
            raise
        self._fetch_error, self._fetches = None, self._fetches + 1
        self._token = token
        return token

    def _attempts(self, api_request: httpx.Request) -> Flow[Token]:
        """Yields token requests to send and delays to sleep; returns the Token."""
        # The token request honours the API request's timeout; without it httpx
        # would send the token request with no timeout at all.
        extensions = {k: v for k, v in api_request.extensions.items() if k == "timeout"}
        attempts = self._retry.max_retries + 1
        for attempt in range(1, attempts + 1):
            requested_at = self._clock()
            response = yield build_token_request(
                self._token_url, self._client_id, self._client_secret, self._scope, extensions
            )
            assert isinstance(response, httpx.Response)
            yield Read(response)
            if response.is_success:
                token = parse_token_response(
                    response,
                    requested_at=requested_at,
                    leeway=self._leeway,
                    token_url=self._token_url,
                )
                _logger.debug(
                    "OAuth2 token %s for client %s from %s (%s)",
                    "refreshed" if self._token is not None else "fetched",
                    mask_identifier(self._client_id),
                    self._token_url,
                    "kept until rejected"
                    if token.refresh_at is None
                    else f"refresh in {token.refresh_at - requested_at:.0f} s",
                )
                return token
            if not may_retry_token_status(response.status_code) or attempt == attempts:
                raise token_error(
                    response, attempts=attempt, secret=self._client_secret, policy=self._retry
                )
            delay = retry_delay(attempt, self._retry, response)
            _logger.info(
                "OAuth2 token endpoint answered HTTP %d; retrying in %.1f s (attempt %d of %d)",
                response.status_code,
                delay,
                attempt + 1,
                attempts,
            )
            yield Sleep(delay)
        raise AssertionError("unreachable: the loop returns or raises")

    def _authorize(self, request: httpx.Request, token: Token) -> httpx.Request:
        request.headers["Authorization"] = f"Bearer {token.value.reveal()}"
        return request

    def _flow(self, request: httpx.Request) -> Flow[None]:
        """The auth flow, sync and async alike: authorize, and on a 401 renew once and replay."""
        require_secure_url(request.url)
        yield Read(request)
        rejected: Token | None = None
        for _ in range(2):
            seen = self._fetches
            token = self._usable_token(rejected)
            if token is None:
                yield LOCK
                token = self._recheck(rejected, seen)
                if token is None:
                    token = yield from self._renew(request, rejected)
                yield UNLOCK
            reply = yield self._authorize(request, token)
            assert isinstance(reply, httpx.Response)
            response = reply
            if response.status_code != 401:
                return
            yield Read(response)
            rejected = token
        # The second 401 is the caller's to see (capture, logging, a plain httpx user).

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        return drive_sync(self._flow(request), self._lock, self._sleep)

    def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        import anyio  # on first async use: most programs are sync

        if self._async_lock is None:
            self._async_lock = anyio.Lock()
        sleep = anyio.sleep if self._async_sleep is None else self._async_sleep
        return drive_async(self._flow(request), self._async_lock, sleep)


# Loaded with the first use of `sc.OAuth2ClientCredentials` (or `auth_from_env` finding
# OAuth2 credentials), so it presents the class itself (see __init__): the token
# machinery (stores, flow driver, shared tokens) is not part of `import sendcloud_integrations`.
present_as_public(OAuth2ClientCredentials)
