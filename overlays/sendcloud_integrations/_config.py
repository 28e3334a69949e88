"""Client-wide settings: base URL, token URL, timeouts, retry policy, User-Agent.

Plain classes rather than dataclasses: this module loads with ``import
sendcloud_integrations``, and each dataclass compiles its methods when its module is
imported (about half a millisecond apiece, issue #17). No postponed annotations either:
the public classes' annotations are real types, so presenting them as
``sendcloud_integrations.X`` has nothing to resolve (see _public.py).
"""

import sys
from typing import Any, ClassVar

import httpx

from ._errors import ConfigurationError
from ._version import __version__

# servers[0].url of the spec; tests/test_overlay_pins.py keeps the two together.
DEFAULT_BASE_URL = "https://panel.sendcloud.sc/api/v3"
# The token endpoint of the spec's OAuth2ClientCreds scheme; here rather than in _oauth2 so
# that naming it does not load the OAuth2 machinery.
DEFAULT_TOKEN_URL = "https://account.sendcloud.com/oauth2/token/"
# Finite by default: a hung connection must not hang the caller forever.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
# httpx's own defaults, stated so that every backend (sc.DefaultAioHttpClient too) gets them.
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)
DEFAULT_MAX_RETRIES = 2

# What platform.python_version() answers (the first word of sys.version), without
# importing platform (~2 ms) for one string.
USER_AGENT = (
    f"sendcloud-integrations/{__version__} "
    f"python/{sys.version.split(maxsplit=1)[0]} httpx/{httpx.__version__}"
)
ACCEPT = "application/json"
# Sent with every request; set once on the SDK's own httpx clients.
FIXED_HEADERS = {"User-Agent": USER_AGENT, "Accept": ACCEPT}


class _Frozen:
    """Value semantics from ``_FIELDS``: keyword repr, equality, hash; attributes read-only.

    Instances keep their values in ``__dict__`` (set once, in ``__init__``), so the
    class attributes stay readable as the defaults (``RetryPolicy.max_retries``) and
    pickle restores an instance without calling ``__setattr__``.
    """

    _FIELDS: ClassVar[tuple[str, ...]] = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._FIELDS)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._FIELDS)
        return f"{type(self).__qualname__}({shown})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Frozen) or type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}: {type(self).__name__} is frozen")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}: {type(self).__name__} is frozen")


class RetryPolicy(_Frozen):
    """How many times and how long to retry.

    One policy serves the API calls and the OAuth2 token endpoint alike: the same
    retryable statuses, exponential backoff with jitter (``jitter=False`` waits the
    full ceiling: deterministic, for tests), Retry-After as seconds or an HTTP date,
    capped at ``retry_after_cap`` (which also caps ``RateLimitError.retry_after``).

    ``retry_writes`` opts POST/PATCH into the same retries as GET/DELETE; without
    it they are retried only when the request provably never left (connect errors),
    so a log record is never created twice.

    Immutable, compared and hashed by value; ``copy.replace(policy, max_retries=5)``
    (Python 3.13+) derives a copy.
    """

    __match_args__ = (
        "max_retries",
        "backoff_base",
        "backoff_cap",
        "retry_after_cap",
        "retry_writes",
        "jitter",
    )
    _FIELDS = __match_args__

    max_retries: int = DEFAULT_MAX_RETRIES
    backoff_base: float = 0.5
    backoff_cap: float = 8.0
    retry_after_cap: float = 60.0
    retry_writes: bool = False
    jitter: bool = True

    def __init__(
        self,
        max_retries: int = DEFAULT_MAX_RETRIES,
        backoff_base: float = 0.5,
        backoff_cap: float = 8.0,
        retry_after_cap: float = 60.0,
        retry_writes: bool = False,
        jitter: bool = True,
    ) -> None:
        if not isinstance(max_retries, int) or max_retries < 0:
            raise ConfigurationError("max_retries must be an integer >= 0")
        for name, value in (
            ("backoff_base", backoff_base),
            ("backoff_cap", backoff_cap),
            ("retry_after_cap", retry_after_cap),
        ):
            if not isinstance(value, int | float) or not value >= 0 or value != value:
                raise ConfigurationError(f"{name} must be a number >= 0")
        self.__dict__.update(
            max_retries=max_retries,
            backoff_base=backoff_base,
            backoff_cap=backoff_cap,
            retry_after_cap=retry_after_cap,
            retry_writes=retry_writes,
            jitter=jitter,
        )

    def __replace__(self, **changes: Any) -> "RetryPolicy":
        """A copy with ``changes`` applied (and checked), as ``dataclasses.replace`` made."""
        return RetryPolicy(**{**self.__dict__, **changes})


class ClientOptions(_Frozen):
    """Per-client options; ``Client.with_options`` derives copies with overrides."""

    _FIELDS = ("base_url", "timeout", "retry", "validate_requests")

    base_url: str
    timeout: httpx.Timeout
    retry: RetryPolicy
    # False: bodies and queries go out as given (still as valid JSON), for a server
    # ahead of the spec.
    validate_requests: bool

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        validate_requests: bool = True,
    ) -> None:
        self.__dict__.update(
            base_url=base_url,
            timeout=timeout,
            retry=RetryPolicy() if retry is None else retry,
            validate_requests=validate_requests,
        )

    def evolve(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        retry_writes: bool | None = None,
        validate_requests: bool | None = None,
    ) -> "ClientOptions":
        retry = self.retry
        if max_retries is not None:
            retry = retry.__replace__(max_retries=max_retries)
        if retry_writes is not None:
            retry = retry.__replace__(retry_writes=retry_writes)
        return ClientOptions(
            self.base_url,
            self.timeout if timeout is None else as_timeout(timeout),
            retry,
            self.validate_requests if validate_requests is None else validate_requests,
        )


def as_timeout(value: float | httpx.Timeout) -> httpx.Timeout:
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value)
