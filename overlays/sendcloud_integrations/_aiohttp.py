"""``sc.DefaultAioHttpClient``: an ``httpx.AsyncClient`` that sends through aiohttp.

For wide async fan-out: httpcore's pool re-examines every pooled connection on
each request (encode/httpx#3215), aiohttp's does not. The transport is
httpx-aiohttp's (the one openai-python ships as its ``DefaultAioHttpClient``),
behind the ``aiohttp`` extra; auth, retries, redirects and everything above the
transport stay httpx's and the SDK's, so the client behaves like the default one.

httpx-aiohttp maps aiohttp's errors coarsely: a server that drops the connection
after reading the request becomes ``httpx.ConnectTimeout``, which would make the
SDK call it a timeout and resend a POST that may have been processed. The
transport here maps them the way httpcore reports the same failures instead.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx

from ._config import ACCEPT, DEFAULT_LIMITS, DEFAULT_TIMEOUT, USER_AGENT
from ._errors import MissingExtraError
from ._http_clients import AsyncHttpClient

EXTRA = "aiohttp"


def _as_httpx_error(exc: BaseException, request: httpx.Request) -> httpx.TransportError | None:
    """The httpx error httpcore raises for the failure aiohttp reported, or None if not one."""
    import aiohttp

    cls: type[httpx.TransportError]
    if isinstance(exc, aiohttp.ConnectionTimeoutError):  # connect or pool wait
        cls = httpx.ConnectTimeout
    elif isinstance(exc, aiohttp.ServerTimeoutError | TimeoutError):
        cls = httpx.ReadTimeout
    elif isinstance(exc, aiohttp.ClientConnectorError):  # refused, DNS: nothing was sent
        cls = httpx.ConnectError
    elif isinstance(exc, aiohttp.ServerDisconnectedError | aiohttp.ClientPayloadError):
        cls = httpx.RemoteProtocolError
    elif isinstance(exc, aiohttp.ClientConnectionError):  # reset, broken pipe
        cls = httpx.ReadError
    elif isinstance(exc, aiohttp.InvalidURL):
        cls = httpx.UnsupportedProtocol
    elif isinstance(exc, aiohttp.ClientError):  # a malformed response
        cls = httpx.RemoteProtocolError
    else:
        return None
    return cls(f"{type(exc).__name__}: {exc}", request=request)


def _cause(exc: BaseException) -> BaseException:
    # httpx-aiohttp raises its own mapping `from` aiohttp's error: judge the original.
    return exc.__cause__ if exc.__cause__ is not None else exc


class _Stream(httpx.AsyncByteStream):
    """The response body, with aiohttp's read errors mapped like the request's."""

    def __init__(self, stream: httpx.AsyncByteStream, request: httpx.Request) -> None:
        self._stream, self._request = stream, request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._stream:
                yield chunk
        except Exception as exc:
            mapped = _as_httpx_error(_cause(exc), self._request)
            if mapped is None:
                raise
            raise mapped from _cause(exc)

    async def aclose(self) -> None:
        await self._stream.aclose()


def _transport_class() -> Callable[..., httpx.AsyncBaseTransport]:
    import aiohttp
    from httpx_aiohttp import AiohttpTransport

    class Transport(AiohttpTransport):
        def get_client(self) -> aiohttp.ClientSession:
            if self.client is not None:
                return super().get_client()
            # httpx-aiohttp's session, without aiohttp's own cookie jar: httpx keeps the
            # cookies (client.cookies, cookies=), and a second jar underneath would send
            # again what the caller cleared from httpx's.
            # No maximum is aiohttp's 0, as it is httpx's None.
            limit = self.limits.max_connections or 0
            keepalive = self.limits.keepalive_expiry
            connector: aiohttp.BaseConnector
            if self.uds:
                connector = aiohttp.UnixConnector(
                    path=self.uds, keepalive_timeout=keepalive, limit=limit
                )
            else:
                local = (self.local_address, 0) if self.local_address else None
                connector = aiohttp.TCPConnector(
                    keepalive_timeout=keepalive, ssl=self.ssl_context, local_addr=local, limit=limit
                )
            return aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar())

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            try:
                response = await super().handle_async_request(request)
            except Exception as exc:
                mapped = _as_httpx_error(_cause(exc), request)
                if mapped is None:
                    raise
                raise mapped from _cause(exc)
            assert isinstance(response.stream, httpx.AsyncByteStream)
            response.stream = _Stream(response.stream, request)
            return response

    return Transport


class DefaultAioHttpClient(AsyncHttpClient):
    """An ``httpx.AsyncClient`` on aiohttp's transport, for ``sc.AsyncClient(http_client=...)``.

    Takes ``httpx.AsyncClient``'s keyword arguments; the SDK's timeout, connection
    limits, User-Agent and Accept apply unless given. Needs the extra:
    ``pip install "sendcloud-integrations[aiohttp]"``; without it, building one
    raises MissingExtraError (also an ImportError) naming the extra.
    """

    def __init__(self, **kwargs: Any) -> None:
        try:
            self._transport_cls = _transport_class()
        except ImportError as exc:
            raise MissingExtraError(
                "DefaultAioHttpClient needs the aiohttp extra: "
                'pip install "sendcloud-integrations[aiohttp]"',
                extra=EXTRA,
            ) from exc
        kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
        kwargs.setdefault("limits", DEFAULT_LIMITS)
        headers = httpx.Headers({"User-Agent": USER_AGENT, "Accept": ACCEPT})
        headers.update(httpx.Headers(kwargs.pop("headers", None)))
        kwargs["headers"] = headers
        super().__init__(**kwargs)

    # httpx builds its transports in these two hooks (httpx-aiohttp's client overrides
    # the same two): every request, proxied or not, goes through aiohttp.
    def _init_transport(  # type: ignore[override]
        self, transport: httpx.AsyncBaseTransport | None = None, **kwargs: Any
    ) -> httpx.AsyncBaseTransport:
        if transport is not None:
            return transport
        return self._transport_cls(**_transport_kwargs(kwargs))

    def _init_proxy_transport(  # type: ignore[override]
        self, proxy: httpx.Proxy, **kwargs: Any
    ) -> httpx.AsyncBaseTransport:
        return self._transport_cls(proxy=proxy, **_transport_kwargs(kwargs))


_TRANSPORT_KWARGS = ("verify", "cert", "trust_env", "http1", "http2", "limits")


def _transport_kwargs(kwargs: dict[str, Any]) -> dict[str, Any]:
    return {k: kwargs[k] for k in _TRANSPORT_KWARGS if k in kwargs}


# Loaded lazily by the package, so it presents itself as `sendcloud_integrations.X` here.
DefaultAioHttpClient.__module__ = __name__.rpartition(".")[0]
