"""The sandbox as an httpx transport, for sync and async clients alike."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, cast

import httpx

from ._http import Breakage, SandboxRequest, SandboxResponse

if TYPE_CHECKING:
    from ._sandbox import Sandbox

_NO_RESPONSE = "Server disconnected without sending a response."
_CUT = "peer closed connection without sending complete message body"


class _CutStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """Yields the first half of a body, then fails as a dropped connection does in httpx."""

    def __init__(self, head: bytes, request: httpx.Request) -> None:
        self._head = head
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        yield self._head
        raise httpx.RemoteProtocolError(_CUT, request=self._request)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self._head
        raise httpx.RemoteProtocolError(_CUT, request=self._request)


def _read_timeout(request: httpx.Request) -> float | None:
    timeout = request.extensions.get("timeout")
    # httpx's timeout extension: {"connect": ..., "read": ..., ...}, seconds or None.
    value = cast("dict[str, object]", timeout).get("read") if isinstance(timeout, dict) else None
    return value if isinstance(value, int | float) else None


def _late(delay: float, request: httpx.Request) -> float | None:
    """How long to wait before timing out, when the delay outlasts the read timeout.

    Over loopback the client gives up after its read timeout; in-process the same
    request must fail the same way, or a test passes here that fails for real.
    """
    timeout = _read_timeout(request)
    return timeout if timeout is not None and delay > timeout else None


_TIMED_OUT = "timed out"


def _to_sandbox(request: httpx.Request, body: bytes) -> SandboxRequest:
    headers = {k.lower(): v for k, v in request.headers.items()}
    return SandboxRequest(request.method, str(request.url), headers, body)


def _to_httpx(response: SandboxResponse, request: httpx.Request) -> httpx.Response:
    headers = dict(response.headers)
    body = response.body
    if response.breakage is Breakage.DROP:
        if not body:
            raise httpx.RemoteProtocolError(_NO_RESPONSE, request=request)
        headers["Content-Length"] = str(len(body))
        stream = _CutStream(body[: len(body) // 2], request)
        return httpx.Response(response.status, headers=headers, stream=stream, request=request)
    if response.breakage is Breakage.TRUNCATE:
        body = body[: len(body) // 2]
    headers["Content-Length"] = str(len(body))
    return httpx.Response(response.status, headers=headers, content=body, request=request)


class SandboxTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """``httpx.Client(transport=sandbox.transport())`` or the same with ``httpx.AsyncClient``.

    Any host in the URL is accepted; the path decides (``/api/v3/...``, ``/oauth2/token/``).
    """

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.sandbox.handle(_to_sandbox(request, request.read()))
        if response.delay:
            late = _late(response.delay, request)
            self.sandbox.sleep(response.delay if late is None else late)
            if late is not None:
                raise httpx.ReadTimeout(_TIMED_OUT, request=request)
        return _to_httpx(response, request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = self.sandbox.handle(_to_sandbox(request, await request.aread()))
        if response.delay:
            late = _late(response.delay, request)
            await self.sandbox.async_sleep(response.delay if late is None else late)
            if late is not None:
                raise httpx.ReadTimeout(_TIMED_OUT, request=request)
        return _to_httpx(response, request)
