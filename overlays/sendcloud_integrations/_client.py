"""``sc.Client`` and ``sc.AsyncClient``: one httpx client each, resources on top.

One constructor and one binding of the resource groups serve both (``_ClientBase``,
generic over the httpx client, transport, sleep and sender types); the subclasses
add only what genuinely differs: which httpx client and sender are made, and how
the client is closed.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping
from contextlib import AbstractContextManager
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import httpx

from ._capture import CapturedResponses, capture_responses
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
from ._http_clients import AsyncHttpClient, HttpClient
from ._sender import AsyncSender, SyncSender

if TYPE_CHECKING:
    # At run time the package defines this name as a stand-in that imports the module
    # when typing.get_type_hints(sc.Client) asks: the resources load with the first client.
    from . import _resources as _groups

HttpT = TypeVar("HttpT", httpx.Client, httpx.AsyncClient)
TransportT = TypeVar("TransportT", httpx.BaseTransport, httpx.AsyncBaseTransport)
_AsyncSleep = Callable[[float], Awaitable[None]]
SleepT = TypeVar("SleepT", Callable[[float], None], _AsyncSleep)
SenderT = TypeVar("SenderT", SyncSender, AsyncSender)


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


class _ClientBase(Generic[HttpT, TransportT, SleepT, SenderT]):
    if TYPE_CHECKING:
        # Declared again on each client, where help() and get_type_hints() read them.
        integrations: _groups.Integrations[SenderT]
        exception_logs: _groups.ExceptionLogs[SenderT]
        shop_order_statuses: _groups.ShopOrderStatuses[SenderT]
        status_mapping: _groups.StatusMappings[SenderT]
        # httpx.Client or httpx.AsyncClient; the transport's type is checked in __init__.
        _http_class: Callable[..., HttpT]

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
        http_client: HttpT | None = None,
        transport: TransportT | None = None,
        sleep: SleepT | None = None,
    ) -> None:
        if http_client is not None and transport is not None:
            raise ConfigurationError("pass either http_client or transport, not both")
        self._options = _options(
            base_url, timeout, http_client, max_retries, retry_writes, validate_requests, retry
        )
        # A caller's own httpx client is theirs to close; one made here is ours.
        self._owns_http = self._owns(http_client)
        timeout = self._options.timeout
        self._http: HttpT = (
            self._http_class(
                transport=transport, headers=FIXED_HEADERS, timeout=timeout, limits=DEFAULT_LIMITS
            )
            if http_client is None
            else http_client
        )
        self._auth = auth
        self._sleep: SleepT = self._default_sleep() if sleep is None else sleep
        self._bind()

    def _owns(self, http_client: HttpT | None) -> bool:
        return http_client is None

    def _default_sleep(self) -> SleepT:
        raise NotImplementedError

    def _new_sender(self) -> SenderT:
        raise NotImplementedError

    def _bind(self) -> None:
        # The resources import the operations and the request table: loaded with the first
        # client, not with the package, `import sendcloud_integrations` stays cheap (#10).
        from ._resources import resource_groups

        (
            self.integrations,
            self.exception_logs,
            self.shop_order_statuses,
            self.status_mapping,
        ) = resource_groups(self._new_sender())

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
        return cls(auth=auth, **kwargs)

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
        options = self._options.evolve(
            timeout=timeout,
            max_retries=max_retries,
            retry_writes=retry_writes,
            validate_requests=validate_requests,
        )
        # Given as http_client, the shared httpx client stays the original's to close.
        view = type(self)(
            auth=self._auth,
            base_url=options.base_url,
            timeout=options.timeout,
            retry=options.retry,
            validate_requests=options.validate_requests,
            http_client=self._http,
            sleep=self._sleep,
        )
        view._owns_http = False  # even a DefaultAioHttpClient stays the original's to close
        return view

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


class Client(_ClientBase[httpx.Client, httpx.BaseTransport, Callable[[float], None], SyncSender]):
    """The synchronous client. Use it as a context manager, or call ``close()``.

    ``auth`` is an httpx.Auth such as ``sc.BasicAuth`` or ``sc.OAuth2ClientCredentials``.
    Pass ``http_client`` to reuse your own httpx.Client (you then close it), or
    ``transport`` (e.g. the sandbox's, or httpx.MockTransport) for the one we create.
    ``sleep`` is what waits between retries (default ``time.sleep``; inject a fake in tests).
    ``retry`` is a whole RetryPolicy (backoff, jitter, Retry-After cap) instead of
    ``max_retries`` and ``retry_writes``; ``validate_requests=False`` sends bodies and
    queries as given, for a server ahead of the spec.

    The API's resource groups are attributes: ``integrations``, ``exception_logs``,
    ``shop_order_statuses`` and ``status_mapping``.
    """

    integrations: _groups.Integrations[_groups.SyncSender]
    exception_logs: _groups.ExceptionLogs[_groups.SyncSender]
    shop_order_statuses: _groups.ShopOrderStatuses[_groups.SyncSender]
    status_mapping: _groups.StatusMappings[_groups.SyncSender]

    _http_class = HttpClient

    def _default_sleep(self) -> Callable[[float], None]:
        return time.sleep

    def _new_sender(self) -> SyncSender:
        return SyncSender(self._http, self._auth, self._options, self._sleep)

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


class AsyncClient(
    _ClientBase[httpx.AsyncClient, httpx.AsyncBaseTransport, _AsyncSleep, AsyncSender]
):
    """The async client: ``async with sc.AsyncClient(...) as client``; takes Client's arguments.

    ``http_client`` is an httpx.AsyncClient, ``transport`` an httpx.AsyncBaseTransport,
    ``sleep`` an async function (default ``anyio.sleep``, so asyncio and trio both work).
    ``http_client=sc.DefaultAioHttpClient()`` sends through aiohttp (the ``aiohttp``
    extra), for wide fan-out on asyncio; that client is closed with this one.
    Its resource groups are the same attributes, with async methods: ``integrations``,
    ``exception_logs``, ``shop_order_statuses`` and ``status_mapping``.
    """

    integrations: _groups.Integrations[_groups.AsyncSender]
    exception_logs: _groups.ExceptionLogs[_groups.AsyncSender]
    shop_order_statuses: _groups.ShopOrderStatuses[_groups.AsyncSender]
    status_mapping: _groups.StatusMappings[_groups.AsyncSender]

    _http_class = AsyncHttpClient

    def _default_sleep(self) -> _AsyncSleep:
        import anyio  # with the first async client: most programs are sync

        return anyio.sleep

    def _owns(self, http_client: httpx.AsyncClient | None) -> bool:
        from ._aiohttp import DefaultAioHttpClient

        # Made for this argument (`http_client=sc.DefaultAioHttpClient()`), so closed with us.
        return http_client is None or isinstance(http_client, DefaultAioHttpClient)

    def _new_sender(self) -> AsyncSender:
        return AsyncSender(self._http, self._auth, self._options, self._sleep)

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
