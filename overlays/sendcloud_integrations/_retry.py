"""Retry decisions and delays, shared by the sync and async senders.

Hand-rolled rather than httpx-retries: that library sleeps with a hard-coded
``time.sleep``/``asyncio.sleep`` (tests must inject the sleep), cannot tell a
connect error (request never left: safe to retry a POST) from a read error, and
retries below the auth flow where our logger cannot report the attempt.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Callable

import httpx

from ._config import RetryPolicy

RETRYABLE_STATUSES = frozenset({408, 429, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "DELETE", "PUT"})


def never_left(exc: httpx.TransportError) -> bool:
    """True when the request provably never reached the server."""
    return isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout)


# Worth another try: the network or the peer failed. Not worth it: our own
# configuration is wrong (UnsupportedProtocol, LocalProtocolError, ...).
_TRANSIENT = (httpx.NetworkError, httpx.TimeoutException, httpx.RemoteProtocolError)


def may_retry_error(method: str, exc: httpx.TransportError, policy: RetryPolicy) -> bool:
    if not isinstance(exc, _TRANSIENT):
        return False
    if method in IDEMPOTENT_METHODS or policy.retry_writes:
        return True
    return never_left(exc)


def may_retry_status(method: str, status: int, policy: RetryPolicy) -> bool:
    if status not in RETRYABLE_STATUSES:
        return False
    return method in IDEMPOTENT_METHODS or policy.retry_writes


def parse_retry_after(value: str | None, *, now: Callable[[], float] = time.time) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        seconds = float(when.timestamp()) - now()
    if seconds != seconds:  # NaN
        return None
    return max(0.0, seconds)


# The jitter source, read at each call: tests replace it with a fixed one to
# assert exact delays through a whole client.
jitter: Callable[[], float] = random.random


def retry_delay(
    attempt: int,
    policy: RetryPolicy,
    response: httpx.Response | None = None,
    *,
    rand: Callable[[], float] | None = None,
) -> float:
    """Delay before retry number ``attempt`` (1-based).

    A server's Retry-After wins (capped); otherwise exponential backoff with
    jitter (half to all of the capped ceiling), so many clients don't retry in
    lockstep while the delay still grows.
    """
    if response is not None:
        hinted = parse_retry_after(response.headers.get("Retry-After"))
        if hinted is not None:
            return min(hinted, policy.retry_after_cap)
    ceiling: float = min(policy.backoff_cap, policy.backoff_base * 2.0 ** (attempt - 1))
    return ceiling * (0.5 + (rand or jitter)() / 2)
