"""Retry decisions and delays, shared by the sync and async senders.

Hand-rolled rather than httpx-retries: that library sleeps with a hard-coded
``time.sleep``/``asyncio.sleep`` (tests must inject the sleep), cannot tell a
connect error (request never left: safe to retry a POST) from a read error, and
retries below the auth flow where our logger cannot report the attempt.
"""

from __future__ import annotations

import email.utils
import random
import re
import time
from collections.abc import Callable

import httpx

from ._config import RetryPolicy

# RFC 9110 delta-seconds (digits), with a fraction tolerated; float() alone would also
# take "inf", "1e12", "1_0" and " nan ".
_DELTA_SECONDS = re.compile(r"^-?[0-9]{1,12}(\.[0-9]{1,9})?$", re.ASCII)
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


def may_retry_token_status(status: int) -> bool:
    """The token endpoint's POST creates nothing that matters twice: retried like a GET."""
    return status in RETRYABLE_STATUSES


def parse_retry_after(value: str | None, *, now: Callable[[], float] = time.time) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if _DELTA_SECONDS.match(value):
        seconds = float(value)
    else:
        try:
            when = email.utils.parsedate_to_datetime(value)
            seconds = float(when.timestamp()) - now()
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    if seconds != seconds:  # NaN
        return None
    return max(0.0, seconds)


def capped_retry_after(value: str | None, policy: RetryPolicy) -> float | None:
    """The Retry-After wait the SDK reports and honours: never above the policy's cap."""
    seconds = parse_retry_after(value)
    return None if seconds is None else min(seconds, policy.retry_after_cap)


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
        hinted = capped_retry_after(response.headers.get("Retry-After"), policy)
        if hinted is not None:
            return hinted
    ceiling: float = min(policy.backoff_cap, policy.backoff_base * 2.0 ** min(attempt - 1, 64))
    return ceiling * (0.5 + (rand or jitter)() / 2) if policy.jitter else ceiling
