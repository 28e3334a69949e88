"""How aiohttp's failures reach the SDK: as the httpx errors httpcore raises for them.

httpx-aiohttp maps aiohttp's errors coarsely: a server that drops the connection
after reading the request becomes ``httpx.ConnectTimeout``, which would make the SDK
call it a timeout and resend a POST that may have been processed. The mapping here
follows what httpcore reports for the same failures, so retries and the SDK's errors
are the same on both backends.
"""

from __future__ import annotations

import httpx

__all__ = ["as_httpx_error"]


def as_httpx_error(exc: BaseException, request: httpx.Request) -> httpx.TransportError | None:
    """The httpx error httpcore raises for the failure aiohttp reported, or None if not one.

    The aiohttp error stays its cause, without the request headers it carries.
    """
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
    elif isinstance(exc, aiohttp.ClientHttpProxyError):  # the proxy refused the tunnel
        cls = httpx.ProxyError
    elif isinstance(exc, aiohttp.InvalidURL):
        cls = httpx.UnsupportedProtocol
    elif isinstance(exc, aiohttp.ClientError):  # a malformed response
        cls = httpx.RemoteProtocolError
    else:
        return None
    _drop_request_headers(exc)
    return cls(f"{type(exc).__name__}: {exc}", request=request)


def _drop_request_headers(exc: BaseException) -> None:
    """Empty the request headers an aiohttp error carries (``request_info``, a malformed
    answer's or a refused tunnel's): they hold the credentials sent, and the error is
    kept as the cause of the SDK's own. Its message never showed them."""
    import aiohttp
    from multidict import CIMultiDict, CIMultiDictProxy

    info = getattr(exc, "request_info", None)
    if isinstance(info, aiohttp.RequestInfo):
        empty: CIMultiDictProxy[str] = CIMultiDictProxy(CIMultiDict())
        exc.request_info = info._replace(headers=empty)  # type: ignore[attr-defined]
