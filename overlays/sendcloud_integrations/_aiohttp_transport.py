"""The transport under ``sc.DefaultAioHttpClient``: each httpx request sent by aiohttp.

Configured by httpx-aiohttp (the transport openai-python ships as its
``DefaultAioHttpClient``), behind the ``aiohttp`` extra; each request is sent by the
code here. aiohttp's errors become the httpx errors httpcore raises for the same
failures (``_aiohttp_errors``), not httpx-aiohttp's coarser mapping.
"""

from __future__ import annotations

import base64
import contextvars
import datetime
import time
from collections.abc import AsyncIterator, Callable, Mapping
from types import MappingProxyType
from typing import Any

import httpx

from ._aiohttp_errors import as_httpx_error
from ._plain_read import read_plain

__all__ = ["READ_WHOLE", "transport_class"]

# A request sent straight to its server without a body: no proxy, no SNI name of its
# own, nothing beyond the options every request is given.
_DIRECT: Mapping[str, Any] = MappingProxyType({})
# True inside a send() that reads the whole body before returning (not a stream), for
# a request that reaches the transport through httpx's own send chain.
READ_WHOLE = contextvars.ContextVar("READ_WHOLE", default=False)


def _as_sent(headers: httpx.Headers) -> list[tuple[str, str]]:
    """The request's headers for aiohttp: names as given (httpcore sends them so), each
    decoded as ``multi_items()`` decodes it."""
    raw = headers.raw
    try:  # ASCII, as nearly always: what headers.encoding finds, without its own pass
        return [(name.decode("ascii"), value.decode("ascii")) for name, value in raw]
    except UnicodeDecodeError:
        encoding = headers.encoding
        return [(name.decode(encoding), value.decode(encoding)) for name, value in raw]


def _routed(
    proxy: httpx.Proxy | None, sni: str | None, url: httpx.URL, headers: list[tuple[str, str]]
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """aiohttp's routing options for a request, and its headers, as httpcore sends them.

    The proxy's headers, its credentials first, go on the CONNECT that opens an https
    tunnel, and on the request itself when it is forwarded (http), where the request's
    own headers win. Not aiohttp's ``proxy_auth=``: deprecated in aiohttp 3.14, removed
    in 4, and its plain-http path drops every other proxy header.
    """
    routing: dict[str, Any] = {"server_hostname": sni}
    if proxy is None:
        return routing, headers
    for_proxy = _as_sent(proxy.headers)
    if proxy.raw_auth is not None:
        username, password = proxy.raw_auth
        credentials = base64.b64encode(username + b":" + password).decode("ascii")
        for_proxy.insert(0, ("Proxy-Authorization", f"Basic {credentials}"))
    routing["proxy"] = str(proxy.url)
    if url.scheme == "https":
        routing["proxy_headers"] = for_proxy
        return routing, headers
    own = {name.lower() for name, _ in headers}
    return routing, [(n, v) for n, v in for_proxy if n.lower() not in own] + headers


class _Stream(httpx.AsyncByteStream):
    """aiohttp's response body as httpx reads it, its errors mapped like the request's."""

    def __init__(self, response: Any, request: httpx.Request) -> None:
        self._response, self._request = response, request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._response.content.iter_any():
                yield chunk
        except Exception as exc:
            mapped = as_httpx_error(exc, self._request)
            if mapped is None:
                raise
            raise mapped from exc

    async def aclose(self) -> None:
        try:
            await self._response.__aexit__(None, None, None)
        except Exception as exc:
            mapped = as_httpx_error(exc, self._request)
            if mapped is None:
                raise
            raise mapped from exc


def transport_class() -> Callable[..., httpx.AsyncBaseTransport]:
    import aiohttp
    from httpx_aiohttp import AiohttpTransport
    from multidict import CIMultiDict  # aiohttp's headers type (a dependency of aiohttp's)

    class Transport(AiohttpTransport):
        """httpx-aiohttp's transport, configured as it configures it; each request is ours.

        One layer per request instead of httpx-aiohttp's two plus ours: its error
        mapping (replaced, see the module docstring), a ClientTimeout per request
        (kept per timeout here), and its stream wrapped in ours. About an eighth of a
        call's CPU in a fan-out (issue #17).
        """

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._timeouts: dict[tuple[float | None, ...], aiohttp.ClientTimeout] = {}

        def get_client(self) -> aiohttp.ClientSession:
            # httpx-aiohttp types `client` as its session; it may also be None or a factory.
            if self.client is not None:  # pyright: ignore[reportUnnecessaryComparison]
                return super().get_client()
            # httpx-aiohttp's session, without aiohttp's own cookie jar: httpx keeps the
            # cookies (client.cookies, cookies=), and a second jar underneath would send
            # again what the caller cleared from httpx's.
            # No maximum is aiohttp's 0, as it is httpx's None. (httpx-aiohttp's UDS and
            # local-address options are not among httpx.AsyncClient's: never set here.)
            connector = aiohttp.TCPConnector(
                keepalive_timeout=self.limits.keepalive_expiry,
                ssl=self.ssl_context,
                limit=self.limits.max_connections or 0,
            )
            return aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar())

        def _timeout(self, timeout: dict[str, float | None]) -> aiohttp.ClientTimeout:
            key = (timeout.get("connect"), timeout.get("read"), timeout.get("pool"))
            timeouts = self._timeouts
            found = timeouts.get(key)
            if found is None:
                found = aiohttp.ClientTimeout(sock_connect=key[0], sock_read=key[1], connect=key[2])
                if len(timeouts) < 32:  # a program uses a few timeouts; never grows without end
                    timeouts[key] = found
            return found

        def _prepared(
            self, request: httpx.Request, data: Any
        ) -> tuple[CIMultiDict[str], Mapping[str, Any]]:
            """The request's headers as aiohttp takes them, and the options it differs in.

            aiohttp's own headers type, which it takes as it is (a list it converts), made
            here so that no list of pairs stays with each request in flight (issue #17).
            Options: only what differs from aiohttp's defaults, as every keyword is packed
            and unpacked twice on its way in.
            """
            sent = _as_sent(request.headers)
            options = _DIRECT
            sni = request.extensions.get("sni_hostname")
            if self.proxy is not None or sni is not None:
                options, sent = _routed(self.proxy, sni, request.url, sent)
            if data is not None:
                options = {**options, "data": data}
            return CIMultiDict(sent), options

        async def handle_async_request(
            self, request: httpx.Request, read_whole: bool | None = None
        ) -> httpx.Response:
            """httpx's transport call; ``read_whole`` (else READ_WHOLE) says the body is
            read before the response is returned, so it may come read."""
            started = time.perf_counter()  # httpx's elapsed: sent to read, for a read body
            if not isinstance(self.client, aiohttp.ClientSession):
                self.client = self.get_client()
            data: Any
            try:
                data = request.content or None
            except httpx.RequestNotRead:
                data = request.stream
                request.headers.pop("transfer-encoding", None)  # aiohttp frames it
            headers, options = self._prepared(request, data)
            try:
                response = await self.client.request(
                    request.method,
                    str(request.url),
                    headers=headers,
                    allow_redirects=False,
                    auto_decompress=False,
                    timeout=self._timeout(request.extensions.get("timeout", {})),
                    **options,
                )
            except Exception as exc:
                mapped = as_httpx_error(exc, request)
                if mapped is None:
                    raise
                raise mapped from exc
            extensions = {  # as httpcore gives them: the phrase always, empty if none came
                "http_version": b"HTTP/1.1",
                "reason_phrase": (response.reason or "").encode("utf-8", "replace"),
            }
            if read_whole is None:
                read_whole = READ_WHOLE.get()
            if not read_whole or not response.content.is_eof():
                return httpx.Response(
                    response.status,
                    headers=response.raw_headers,
                    stream=_Stream(response, request),
                    request=request,
                    extensions=extensions,
                )
            # httpx is about to read the body, and all of it is in aiohttp's buffer
            # already (an API answer usually comes in one read): hand it over read, so
            # httpx need not pull it through its chain of async streams (a twentieth of
            # a fan-out's CPU, issue #17). A streamed response is never read here, so
            # its aiter_raw() and is_closed are what httpx's own transport gives.
            try:
                body = response.content.read_nowait()
            except Exception as exc:
                mapped = as_httpx_error(exc, request)
                if mapped is None:
                    raise
                raise mapped from exc
            finally:
                response.release()
            read = httpx.Response(
                response.status,
                headers=response.raw_headers,
                stream=httpx.ByteStream(body),
                request=request,
                extensions=extensions,
            )
            if "Content-Encoding" in response.headers:  # aiohttp's: any case of the name
                read.read()  # decoded as httpx decodes it; a bad gzip raises DecodingError here
            else:
                read_plain(read, body)
            read.elapsed = datetime.timedelta(seconds=time.perf_counter() - started)
            return read

    return Transport
