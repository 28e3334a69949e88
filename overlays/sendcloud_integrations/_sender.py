"""Send one prepared call: build the request, retry, log, map errors, parse.

The sync and async senders share everything but the I/O and the sleep; the
shared parts are plain functions so the two cannot drift apart.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from types import MappingProxyType
from typing import Any, Generic, NamedTuple, TypeVar

import httpx

from ._capture import capture_and_check, capturing
from ._config import ClientOptions, RetryPolicy
from ._credentials import keep_redacted, redacted_request
from ._errors import APIConnectionError, APITimeoutError, ClientClosedError
from ._request import build_request, missing_fixed_headers
from ._retry import may_retry_error, may_retry_status, retry_delay

logger = logging.getLogger("sendcloud_integrations")

T = TypeVar("T")


# The defaults of the tuples below: shared by every instance, so read-only.
_NOTHING: Mapping[str, Any] = MappingProxyType({})


class Extras(NamedTuple):
    """A call's escape hatches, checked: sent with every request of the call (every page).

    A named tuple, not a frozen dataclass: as immutable, compared and pickled by value,
    and built in a fraction of the time, which every call pays (issue #17, per request).
    """

    headers: Mapping[str, str] = _NOTHING
    query: Mapping[str, Any] = _NOTHING
    timeout: httpx.Timeout | None = None


NO_EXTRAS = Extras()


class Call(NamedTuple, Generic[T]):
    """One API call, fully validated and ready to send (a named tuple, as Extras)."""

    method: str
    path: str
    parse: Callable[[httpx.Response], T]
    params: Mapping[str, Any] = _NOTHING
    json: Any = None
    extras: Extras = NO_EXTRAS


def _log(request: httpx.Request, outcome: str, started: float, attempt: int) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        elapsed_ms = (time.perf_counter() - started) * 1000
        # Only method, URL and status: headers (Authorization) are never logged.
        logger.debug(
            "%s %s -> %s in %.1f ms (attempt %d)",
            request.method,
            request.url,
            outcome,
            elapsed_ms,
            attempt,
        )


def _connection_error(exc: httpx.RequestError, built: httpx.Headers) -> APIConnectionError:
    """The SDK's error for ``exc``, which stays its cause with its request redacted.

    httpx hands the request it was sending to the error (the API's request, or the token
    request of an OAuth2 flow): as sent, with the credentials in its headers.
    """
    with contextlib.suppress(RuntimeError):  # an error raised without a request has none
        exc.request = redacted_request(exc.request, built.raw)
    cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    text = str(exc)
    if isinstance(exc, httpx.LocalProtocolError):
        # h11 quotes the header value it refused, which may be a credential.
        text = text.split(" b'", 1)[0].split(' b"', 1)[0]
    return cls(f"{type(exc).__name__}: {text}")


def finish(
    call: Call[T],
    response: httpx.Response,
    built: httpx.Headers,
    options: ClientOptions,
) -> T:
    """Parse the final response of ``call``; redact its request wherever it is kept.

    Kept means captured, carried by an APIError, or carried by the error parsing
    raises. A success nobody keeps is dropped once parsed, so it is not copied.
    """
    if capturing() or not response.is_success:
        keep_redacted(response, built.raw)
        return call.parse(capture_and_check(response, options))
    try:
        return call.parse(response)
    except BaseException:
        keep_redacted(response, built.raw)
        raise


def _outcome(
    call: Call[Any],
    response: httpx.Response,
    built: httpx.Headers,
    options: ClientOptions,
    raw: bool,
) -> Any:
    """What a sender returns for the final response: the parsed result, or (``raw``) the
    response, its request redacted."""
    _unbound(response)
    if raw:
        keep_redacted(response, built.raw)
        return response
    return finish(call, response, built, options)


def _unbound(response: httpx.Response) -> None:
    """Give a read response (and its redirect hops) the stream of its body, read.

    httpx binds each response's stream to the response, to time it: a reference cycle,
    so a call's response, request and headers were freed only by the garbage collector,
    which a fan-out then ran more often (issue #17). Once a response is read and closed
    the bound stream has nothing left to do, and a read body's stream is what
    ``httpx.Response(content=...)`` has: the response is freed when the last reference
    to it goes.
    """
    for hop in (*response.history, response):
        # A response closed unread keeps its stream: spent either way. One read by the
        # aiohttp backend's shortcut has its body's stream already, bound to nothing.
        if hop.is_closed and type(hop.stream) is not httpx.ByteStream:
            with contextlib.suppress(httpx.ResponseNotRead):
                hop.stream = httpx.ByteStream(hop.content)


def _delay_after_error(
    call: Call[Any],
    request: httpx.Request,
    built: httpx.Headers,
    exc: httpx.RequestError,
    started: float,
    attempt: int,
    policy: RetryPolicy,
) -> float:
    """Log a failed attempt; return the wait before retrying it, or raise the SDK's error."""
    _log(request, type(exc).__name__, started, attempt)
    # Only transport errors are worth another try; DecodingError and
    # TooManyRedirects mean the answer itself is unusable.
    if (
        isinstance(exc, httpx.TransportError)
        and attempt <= policy.max_retries
        and may_retry_error(call.method, exc, policy)
    ):
        return retry_delay(attempt, policy)
    raise _connection_error(exc, built) from exc


def _delay_after_response(
    call: Call[Any],
    request: httpx.Request,
    response: httpx.Response,
    started: float,
    attempt: int,
    policy: RetryPolicy,
) -> float | None:
    """Log an answered attempt; return the wait before retrying it, or None to keep it."""
    _log(request, str(response.status_code), started, attempt)
    if attempt <= policy.max_retries and may_retry_status(
        call.method, response.status_code, policy
    ):
        return retry_delay(attempt, policy, response)
    return None


class SyncSender:
    """Sends calls on one ``httpx.Client`` with the client's auth and retry policy."""

    def __init__(
        self,
        http: httpx.Client,
        auth: httpx.Auth | None,
        options: ClientOptions,
        sleep: Callable[[float], None],
    ) -> None:
        self.http, self.auth, self.options, self.sleep = http, auth, options, sleep
        self.headers = missing_fixed_headers(http)

    def send(self, call: Call[T]) -> T:
        return self._send(call, False)  # type: ignore[no-any-return]

    def send_raw(self, call: Call[Any]) -> httpx.Response:
        """The final response, its request redacted: the caller keeps it (a page)."""
        return self._send(call, True)  # type: ignore[no-any-return]

    def _send(self, call: Call[Any], raw: bool) -> Any:
        """The call's result (``raw``: its final response, redacted)."""
        if self.http.is_closed:
            raise ClientClosedError()
        policy = self.options.retry
        request = build_request(self.http, self.options, call, self.headers)
        # As built, before an auth flow adds credentials: what the kept copy may show. A
        # copy of the headers, not their raw pairs: it holds the same pairs, and the
        # pairs are only made for a response that is kept.
        built = httpx.Headers(request.headers)
        attempt = 0
        while True:
            attempt += 1
            started = time.perf_counter()
            try:
                response = self.http.send(request, auth=self.auth or httpx.USE_CLIENT_DEFAULT)
            except httpx.RequestError as exc:
                self.sleep(_delay_after_error(call, request, built, exc, started, attempt, policy))
                continue
            delay = _delay_after_response(call, request, response, started, attempt, policy)
            if delay is None:
                return _outcome(call, response, built, self.options, raw)
            response.close()
            self.sleep(delay)


class AsyncSender:
    """The async twin of :class:`SyncSender`."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        auth: httpx.Auth | None,
        options: ClientOptions,
        sleep: Callable[[float], Awaitable[None]],
    ) -> None:
        self.http, self.auth, self.options, self.sleep = http, auth, options, sleep
        self.headers = missing_fixed_headers(http)

    # Plain functions returning the one coroutine that does the work: a fan-out keeps
    # each call's chain of coroutines alive until its answer (issue #17).
    def send(self, call: Call[T]) -> Awaitable[T]:
        return self._send(call, False)

    def send_raw(self, call: Call[Any]) -> Awaitable[httpx.Response]:
        """As in SyncSender.send_raw."""
        return self._send(call, True)

    async def _send(self, call: Call[Any], raw: bool) -> Any:
        if self.http.is_closed:
            raise ClientClosedError()
        policy = self.options.retry
        request = build_request(self.http, self.options, call, self.headers)
        built = httpx.Headers(request.headers)  # as in SyncSender._send
        attempt = 0
        while True:
            attempt += 1
            started = time.perf_counter()
            try:
                response = await self.http.send(request, auth=self.auth or httpx.USE_CLIENT_DEFAULT)
            except httpx.RequestError as exc:
                await self.sleep(
                    _delay_after_error(call, request, built, exc, started, attempt, policy)
                )
                continue
            delay = _delay_after_response(call, request, response, started, attempt, policy)
            if delay is None:
                return _outcome(call, response, built, self.options, raw)
            await response.aclose()
            await self.sleep(delay)
