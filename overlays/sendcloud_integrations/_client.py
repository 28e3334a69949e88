"""``sc.Client`` and ``sc.AsyncClient``: one httpx client each, resources on top."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any, Self

import anyio
import httpx

from ._config import (
    DEFAULT_BASE_URL,
    DEFAULT_LIMITS,
    DEFAULT_TIMEOUT,
    FIXED_HEADERS,
    ClientOptions,
    RetryPolicy,
)
from ._config import as_timeout as _as_timeout
from ._credentials import check_endpoint_url
from ._errors import ConfigurationError
from ._sender import AsyncSender, CapturedResponses, SyncSender, capture_responses


def _options(
    base_url: str,
    timeout: float | httpx.Timeout | None,
    http_client: httpx.Client | httpx.AsyncClient | None,
    max_retries: int,
    retry_writes: bool,
    validate_requests: bool,
    retry: RetryPolicy | None = None,
) -> ClientOptions:
    # No timeout given: a caller's own httpx client keeps its own; ours gets
    # the finite default.
    if timeout is None:
        timeout = http_client.timeout if http_client is not None else DEFAULT_TIMEOUT
    # ConfigurationError for a malformed URL or userinfo, before anything is sent.
    if check_endpoint_url("base_url", base_url).scheme not in ("http", "https"):
        raise ConfigurationError("base_url must be an http:// or https:// URL")
    if retry is not None and (max_retries != RetryPolicy.max_retries or retry_writes):
        raise ConfigurationError("pass retry= or max_retries=/retry_writes=, not both")
    return ClientOptions(
        base_url=str(base_url).rstrip("/"),
        timeout=_as_timeout(timeout),
        retry=retry or RetryPolicy(max_retries=max_retries, retry_writes=retry_writes),
        validate_requests=bool(validate_requests),
    )


class _ClientBase:
    _options: ClientOptions

    _owns_http: bool

    def _bind(self) -> None:
        raise NotImplementedError

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **kwargs: Any) -> Self:
        """A client configured from SENDCLOUD_* environment variables (see README).

        ``environ`` defaults to ``os.environ``; other keyword arguments go to the
        constructor. Raises ConfigurationError naming a missing variable.
        """
        from ._auth import auth_from_env

        auth, base_url = auth_from_env(environ)
        if base_url is not None:
            kwargs.setdefault("base_url", base_url)
        # Client and AsyncClient define the constructor; both take auth=.
        return cls(auth=auth, **kwargs)  # type: ignore[call-arg]

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        retry_writes: bool | None = None,
        validate_requests: bool | None = None,
    ) -> Self:
        """A view of this client with other retry/timeout settings, sharing its connections.

        ``validate_requests=False`` sends bodies and queries as given (for a server
        ahead of the spec); they must still encode as JSON.
        """
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone._owns_http = False  # the original closes the shared httpx client
        clone._options = self._options.evolve(
            timeout=timeout,
            max_retries=max_retries,
            retry_writes=retry_writes,
            validate_requests=validate_requests,
        )
        clone._bind()
        return clone

    @property
    def base_url(self) -> str:
        return self._options.base_url

    @property
    def timeout(self) -> httpx.Timeout:
        return self._options.timeout

    @property
    def max_retries(self) -> int:
        return self._options.retry.max_retries

    @property
    def validate_requests(self) -> bool:
        return self._options.validate_requests

    def capture_responses(self) -> AbstractContextManager[CapturedResponses]:
        """Collect the raw ``httpx.Response`` of every call made inside the block.

        ``with client.capture_responses() as raw: client.integrations.get(1)``, then
        ``raw.last.status_code`` / ``raw.last.headers``. Context-local: calls in other
        threads are not captured; tasks started inside the block are.
        """
        return capture_responses()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"


class Client(_ClientBase):
    """The synchronous client. Use it as a context manager, or call ``close()``.

    ``auth`` is an httpx.Auth such as ``sc.BasicAuth`` or ``sc.OAuth2ClientCredentials``.
    Pass ``http_client`` to reuse your own httpx.Client (you then close it), or
    ``transport`` (e.g. the sandbox's, or httpx.MockTransport) for the one we create.
    ``sleep`` is what waits between retries (inject a fake in tests). ``retry`` is a
    whole RetryPolicy (backoff, jitter, Retry-After cap) instead of ``max_retries``
    and ``retry_writes``.
    """

    def __init__(
        self,
        *,
        auth: httpx.Auth | None = None,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = RetryPolicy.max_retries,
        retry_writes: bool = False,
        validate_requests: bool = True,
        retry: RetryPolicy | None = None,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if http_client is not None and transport is not None:
            raise ConfigurationError("pass either http_client or transport, not both")
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(
            transport=transport,
            headers=FIXED_HEADERS,
            timeout=DEFAULT_TIMEOUT if timeout is None else _as_timeout(timeout),
            limits=DEFAULT_LIMITS,
        )
        self._options = _options(
            base_url, timeout, http_client, max_retries, retry_writes, validate_requests, retry
        )
        self._auth = auth
        self._sleep = sleep
        self._bind()

    def _bind(self) -> None:
        # The resources import the generated models and operations (attrs and ~50
        # modules): loading them with the first client, not with the package, keeps
        # `import sendcloud_integrations` cheap (issue #10).
        from ._resources import ExceptionLogs, Integrations, ShopOrderStatuses, StatusMappings

        sender = SyncSender(self._http, self._auth, self._options, self._sleep)
        self.integrations = Integrations(sender)
        self.exception_logs = ExceptionLogs(sender)
        self.shop_order_statuses = ShopOrderStatuses(sender)
        self.status_mapping = StatusMappings(sender)

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncClient(_ClientBase):
    """The asyncio client: ``async with sc.AsyncClient(...) as client``; mirrors Client.

    ``http_client=sc.DefaultAioHttpClient()`` sends through aiohttp (the ``aiohttp``
    extra), for wide fan-out on asyncio; that client is closed with this one.
    """

    def __init__(
        self,
        *,
        auth: httpx.Auth | None = None,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = RetryPolicy.max_retries,
        retry_writes: bool = False,
        validate_requests: bool = True,
        retry: RetryPolicy | None = None,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
    ) -> None:
        if http_client is not None and transport is not None:
            raise ConfigurationError("pass either http_client or transport, not both")
        from ._aiohttp import DefaultAioHttpClient

        # Made for this argument (`http_client=sc.DefaultAioHttpClient()`), so closed with us.
        self._owns_http = http_client is None or isinstance(http_client, DefaultAioHttpClient)
        self._http = http_client or httpx.AsyncClient(
            transport=transport,
            headers=FIXED_HEADERS,
            timeout=DEFAULT_TIMEOUT if timeout is None else _as_timeout(timeout),
            limits=DEFAULT_LIMITS,
        )
        self._options = _options(
            base_url, timeout, http_client, max_retries, retry_writes, validate_requests, retry
        )
        self._auth = auth
        self._sleep = sleep
        self._bind()

    def _bind(self) -> None:
        from ._async_resources import (  # loaded with the first client, as in Client._bind
            AsyncExceptionLogs,
            AsyncIntegrations,
            AsyncShopOrderStatuses,
            AsyncStatusMappings,
        )

        sender = AsyncSender(self._http, self._auth, self._options, self._sleep)
        self.integrations = AsyncIntegrations(sender)
        self.exception_logs = AsyncExceptionLogs(sender)
        self.shop_order_statuses = AsyncShopOrderStatuses(sender)
        self.status_mapping = AsyncStatusMappings(sender)

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
