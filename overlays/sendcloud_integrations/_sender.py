"""Send one prepared call: build the request, retry, log, map errors, parse.

The sync and async senders share everything but the I/O and the sleep; the
shared parts are plain functions so the two cannot drift apart.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import time
from collections.abc import Awaitable, Callable, Generator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import httpx

from ._config import USER_AGENT, ClientOptions, RetryPolicy
from ._errors import APIConnectionError, APITimeoutError, error_for_response
from ._retry import may_retry_error, may_retry_status, parse_retry_after, retry_delay

logger = logging.getLogger("sendcloud_integrations")

T = TypeVar("T")


@dataclass(frozen=True)
class Call(Generic[T]):
    """One API call, fully validated and ready to send."""

    method: str
    path: str
    parse: Callable[[httpx.Response], T]
    params: dict[str, Any] = field(default_factory=dict[str, Any])
    json: Any = None


@dataclass
class CapturedResponses:
    """The raw responses of the calls made inside ``client.capture_responses()``."""

    responses: list[httpx.Response] = field(default_factory=list[httpx.Response])

    @property
    def last(self) -> httpx.Response:
        """The most recent response; raises LookupError when no call completed."""
        if not self.responses:
            raise LookupError("no response was captured")
        return self.responses[-1]


_capture: contextvars.ContextVar[CapturedResponses | None] = contextvars.ContextVar(
    "sendcloud_integrations_capture", default=None
)


@contextlib.contextmanager
def capture_responses() -> Generator[CapturedResponses, None, None]:
    captured = CapturedResponses()
    token = _capture.set(captured)
    try:
        yield captured
    finally:
        _capture.reset(token)


def build_request(
    http: httpx.Client | httpx.AsyncClient, options: ClientOptions, call: Call[Any]
) -> httpx.Request:
    # Pagination follows absolute next links (already checked for same origin).
    absolute = call.path.startswith(("https://", "http://"))
    return http.build_request(
        call.method,
        call.path if absolute else options.base_url + call.path,
        params=call.params or None,
        json=call.json,
        # Per request rather than on the httpx client: a caller's own http_client
        # sends it too.
        headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
        timeout=options.timeout,
    )


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


def _connection_error(exc: httpx.RequestError) -> APIConnectionError:
    cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    return cls(f"{type(exc).__name__}: {exc}")


def capture_and_check(response: httpx.Response) -> httpx.Response:
    """Record the response for capture_responses(); raise the APIError of a non-2xx."""
    captured = _capture.get()
    if captured is not None:
        captured.responses.append(response)
    if response.is_success:
        return response
    retry_after = parse_retry_after(response.headers.get("Retry-After"))
    raise error_for_response(response, retry_after=retry_after)


def _delay_after_error(
    call: Call[Any],
    request: httpx.Request,
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
    raise _connection_error(exc) from exc


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

    def send(self, call: Call[T]) -> T:
        return call.parse(capture_and_check(self.send_raw(call)))

    def send_raw(self, call: Call[Any]) -> httpx.Response:
        policy = self.options.retry
        request = build_request(self.http, self.options, call)
        attempt = 0
        while True:
            attempt += 1
            started = time.perf_counter()
            try:
                response = self.http.send(request, auth=self.auth or httpx.USE_CLIENT_DEFAULT)
            except httpx.RequestError as exc:
                self.sleep(_delay_after_error(call, request, exc, started, attempt, policy))
                continue
            delay = _delay_after_response(call, request, response, started, attempt, policy)
            if delay is None:
                return response
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

    async def send(self, call: Call[T]) -> T:
        return call.parse(capture_and_check(await self.send_raw(call)))

    async def send_raw(self, call: Call[Any]) -> httpx.Response:
        policy = self.options.retry
        request = build_request(self.http, self.options, call)
        attempt = 0
        while True:
            attempt += 1
            started = time.perf_counter()
            try:
                response = await self.http.send(request, auth=self.auth or httpx.USE_CLIENT_DEFAULT)
            except httpx.RequestError as exc:
                await self.sleep(_delay_after_error(call, request, exc, started, attempt, policy))
                continue
            delay = _delay_after_response(call, request, response, started, attempt, policy)
            if delay is None:
                return response
            await response.aclose()
            await self.sleep(delay)
