"""Client-wide settings: base URL, timeouts, retry policy, User-Agent."""

from __future__ import annotations

import platform
from dataclasses import dataclass, field, replace

import httpx

from ._errors import ConfigurationError
from ._version import __version__

# servers[0].url of the spec; tests/test_overlay_pins.py keeps the two together.
DEFAULT_BASE_URL = "https://panel.sendcloud.sc/api/v3"
# Finite by default: a hung connection must not hang the caller forever.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
# httpx's own defaults, stated so that every backend (sc.DefaultAioHttpClient too) gets them.
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)
DEFAULT_MAX_RETRIES = 2

USER_AGENT = (
    f"sendcloud-integrations/{__version__} "
    f"python/{platform.python_version()} httpx/{httpx.__version__}"
)
ACCEPT = "application/json"
# Sent with every request; set once on the SDK's own httpx clients.
FIXED_HEADERS = {"User-Agent": USER_AGENT, "Accept": ACCEPT}


@dataclass(frozen=True)
class RetryPolicy:
    """How many times and how long to retry.

    One policy serves the API calls and the OAuth2 token endpoint alike: the same
    retryable statuses, exponential backoff with jitter (``jitter=False`` waits the
    full ceiling: deterministic, for tests), Retry-After as seconds or an HTTP date,
    capped at ``retry_after_cap`` (which also caps ``RateLimitError.retry_after``).

    ``retry_writes`` opts POST/PATCH into the same retries as GET/DELETE; without
    it they are retried only when the request provably never left (connect errors),
    so a log record is never created twice.
    """

    max_retries: int = DEFAULT_MAX_RETRIES
    backoff_base: float = 0.5
    backoff_cap: float = 8.0
    retry_after_cap: float = 60.0
    retry_writes: bool = False
    jitter: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.max_retries, int) or self.max_retries < 0:
            raise ConfigurationError("max_retries must be an integer >= 0")
        for name in ("backoff_base", "backoff_cap", "retry_after_cap"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or not value >= 0 or value != value:
                raise ConfigurationError(f"{name} must be a number >= 0")


@dataclass(frozen=True)
class ClientOptions:
    """Per-client options; ``Client.with_options`` derives copies with overrides."""

    base_url: str = DEFAULT_BASE_URL
    timeout: httpx.Timeout = field(default_factory=lambda: DEFAULT_TIMEOUT)
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    # False: bodies and queries go out as given (still as valid JSON), for a server
    # ahead of the spec.
    validate_requests: bool = True

    def evolve(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        retry_writes: bool | None = None,
        validate_requests: bool | None = None,
    ) -> ClientOptions:
        retry = self.retry
        if max_retries is not None:
            retry = replace(retry, max_retries=max_retries)
        if retry_writes is not None:
            retry = replace(retry, retry_writes=retry_writes)
        return replace(
            self,
            timeout=self.timeout if timeout is None else as_timeout(timeout),
            retry=retry,
            validate_requests=(
                self.validate_requests if validate_requests is None else validate_requests
            ),
        )


def as_timeout(value: float | httpx.Timeout) -> httpx.Timeout:
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value)
