"""``sc.DefaultAioHttpClient``: an ``httpx.AsyncClient`` that sends through aiohttp.

For wide async fan-out: httpcore's pool re-examines every pooled connection on
each request (encode/httpx#3215), aiohttp's does not. The transport
(``_aiohttp_transport``) sends each request with aiohttp; auth, retries, redirects,
cookies and everything above the transport stay httpx's and the SDK's, so the
client behaves like the default one.

One shortcut, for the SDK's own calls (issue #17). httpx sends each request through
four nested coroutines and an auth flow object, which a fan-out keeps alive for every
call in flight: about a tenth of what it spends per call before its request is on the
wire. For the one case the SDK sends on every call, BasicAuth (its flow authorizes
the request and ends), no redirect to follow, no event hooks, the body read, and this
client's own transport for the URL, ``send`` takes httpx's steps for that case itself.
Everything else, OAuth2 flows and streams included, goes through httpx's chain.
"""

from __future__ import annotations

import datetime
import logging
import time
from typing import Any

import httpx

from ._aiohttp_transport import READ_WHOLE, transport_class
from ._auth import BasicAuth
from ._config import ACCEPT, DEFAULT_LIMITS, DEFAULT_TIMEOUT, USER_AGENT
from ._errors import MissingExtraError
from ._http_clients import AsyncHttpClient

EXTRA = "aiohttp"
# httpx's own logger: the shortcut logs each request as httpx's chain logs it.
_httpx_logger = logging.getLogger("httpx")


def _opened_state() -> Any:
    """httpx's state of a client in use; another httpx without it: a state none has."""
    try:
        from httpx._client import ClientState
    except ImportError:  # pragma: no cover - not in any httpx this supports
        return object()
    return ClientState.OPENED


_OPENED = _opened_state()
_SHORTCUT_NEEDS = ("_build_redirect_request", "_set_timeout", "_transport_for_url")
_SHORTCUT = all(hasattr(httpx.AsyncClient, name) for name in _SHORTCUT_NEEDS)


class DefaultAioHttpClient(AsyncHttpClient):
    """An ``httpx.AsyncClient`` on aiohttp's transport, for ``sc.AsyncClient(http_client=...)``.

    Takes ``httpx.AsyncClient``'s keyword arguments; the SDK's timeout, connection
    limits, User-Agent and Accept apply unless given. Needs the extra:
    ``pip install "sendcloud-integrations[aiohttp]"``; without it, building one
    raises MissingExtraError (also an ImportError) naming the extra.
    """

    def __init__(self, **kwargs: Any) -> None:
        try:
            self._transport_cls = transport_class()
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

    async def send(
        self,
        request: httpx.Request,
        *,
        stream: bool = False,
        auth: Any = httpx.USE_CLIENT_DEFAULT,
        follow_redirects: Any = httpx.USE_CLIENT_DEFAULT,
    ) -> httpx.Response:
        # httpx's own parameters, named: no keyword dict kept alive by each call in flight.
        if (
            _SHORTCUT
            and type(auth) is BasicAuth
            and not stream
            and self._state is _OPENED  # not yet opened, or closed: httpx's own checks
            and (
                follow_redirects is False
                or (follow_redirects is httpx.USE_CLIENT_DEFAULT and not self.follow_redirects)
            )
            and not self._event_hooks["request"]
            and not self._event_hooks["response"]
        ):
            transport: Any = self._transport_for_url(request.url)
            if type(transport) is self._transport_cls:
                # In this coroutine, not one more of its own: a fan-out keeps each alive.
                started = self._basic_request(request, auth)
                try:
                    response: httpx.Response = await transport.handle_async_request(request, True)
                except httpx.RequestError as exc:
                    exc.request = request  # as httpx's request_context()
                    raise
                try:
                    self._basic_response(request, response)
                    if not response.is_closed:  # more body than had arrived: streamed in
                        await response.aread()
                        response.elapsed = datetime.timedelta(seconds=time.perf_counter() - started)
                except BaseException:
                    await response.aclose()
                    raise
                return response
        # Set either way: a send inside another's (an auth flow's own client) says its own.
        reading = READ_WHOLE.set(not stream)  # True: the transport may read what arrived
        try:
            return await super().send(
                request, stream=stream, auth=auth, follow_redirects=follow_redirects
            )
        finally:
            READ_WHOLE.reset(reading)

    # The shortcut: httpx's send chain for BasicAuth, no redirect followed, no hooks, the
    # body read. Step for step what ``send``, ``_send_handling_auth``,
    # ``_send_handling_redirects`` and ``_send_single_request`` do in that case;
    # tests/test_aiohttp_shortcut.py compares the two on every kind of answer.

    def _basic_request(self, request: httpx.Request, auth: BasicAuth) -> float:
        """The request made ready to send; returns when it went (httpx's elapsed starts)."""
        self._set_timeout(request)
        auth._authorize(request)  # BasicAuth's whole flow: the request, then done
        if not isinstance(request.stream, httpx.AsyncByteStream):
            raise RuntimeError("Attempted to send an sync request with an AsyncClient instance.")
        return time.perf_counter()

    def _basic_response(self, request: httpx.Request, response: httpx.Response) -> None:
        response.request = request
        self.cookies.extract_cookies(response)
        response.default_encoding = self._default_encoding
        _httpx_logger.info(
            'HTTP Request: %s %s "%s %d %s"',
            request.method,
            request.url,
            response.http_version,
            response.status_code,
            response.reason_phrase,
        )
        if response.has_redirect_location:
            response.next_request = self._build_redirect_request(request, response)

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
