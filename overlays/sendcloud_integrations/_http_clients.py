"""The httpx clients the SDK makes: httpx's, with two shortcuts that change no result.

Cookies.
httpx hands every response to the client's cookie jar, and ``httpx.Cookies`` builds
two urllib adapters (a request and a response) before the jar looks for a
``Set-Cookie`` header. The API sends none, and the adapters cost about a tenth of a
call's CPU (issue #17). The jar here looks first; a response that sets cookies is
stored exactly as httpx stores it, and everything else about cookies is httpx's.

Requests. ``build_request`` merges the client's headers and adds ``Host`` on every
call, about a fifth of what a fan-out spends before its requests are on the wire
(issue #17). For a request with no body, query, cookies or headers of its own, the
headers come out the same each time for the same client headers, method and host: the
first such request is httpx's own, and later ones are made from its state: its
attributes, a copy of its headers, the call's URL and timeout. The first reuse for
each is checked against httpx's own result, attribute by attribute; a difference
(another httpx) turns the shortcut off for that client.

Only the clients the SDK builds (and ``sc.DefaultAioHttpClient``) use it: a caller's
own ``http_client`` is left as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import httpx

# Methods for which httpx adds ``Content-Length: 0`` to a request with no body.
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})

__all__ = ["AsyncHttpClient", "HttpClient"]

_new: Callable[[type[httpx.Request]], httpx.Request] = object.__new__


class _Cookies(httpx.Cookies):
    def __bool__(self) -> bool:
        # A jar without a domain holds no cookie, and saying so needs no walk through it
        # (build_request asks on every request). Any other jar is walked, as httpx does.
        if not getattr(self.jar, "_cookies", True):
            return False
        return super().__bool__()

    def extract_cookies(self, response: httpx.Response) -> None:
        headers = response.headers
        if "set-cookie" in headers or "set-cookie2" in headers:
            super().extract_cookies(response)


class _LookFirstCookies:
    """Keeps the client's cookies in a ``_Cookies`` jar, however they are given or set."""

    def __init__(self, *, cookies: Any = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.cookies = cookies

    @property
    def cookies(self) -> httpx.Cookies:
        return self._look_first_cookies

    @cookies.setter
    def cookies(self, cookies: Any) -> None:
        self._look_first_cookies = _Cookies(cookies)


def _same_request(a: httpx.Request, b: httpx.Request) -> bool:
    if vars(a).keys() != vars(b).keys() or type(a.stream) is not type(b.stream):
        return False
    return (a.method, a.url, a.headers.raw, a.extensions, a.content) == (
        b.method,
        b.url,
        b.headers.raw,
        b.extensions,
        b.content,
    )


class _ReusedHeaders:
    """``build_request`` that reuses the headers of bodiless requests (module docstring)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # (method, host) -> the client's headers then (the object, and a copy of its
        # entries), and a request httpx made from them.
        self._headers_for: dict[tuple[str, bytes], tuple[Any, list[Any], httpx.Request]] = {}
        self._checked: set[tuple[str, bytes]] = set()
        # Headers kept as httpx keeps them (a list of entries), or no reuse at all.
        client: Any = self
        self._reuse = isinstance(getattr(client.headers, "_list", None), list)

    def build_request(
        self,
        method: str,
        url: httpx.URL | str,
        *,
        content: Any = None,
        data: Any = None,
        files: Any = None,
        json: Any = None,
        params: Any = None,
        headers: Any = None,
        cookies: Any = None,
        timeout: Any = httpx.USE_CLIENT_DEFAULT,
        extensions: Any = None,
    ) -> httpx.Request:
        client: Any = self
        build = self._built_by_httpx
        if not (
            type(url) is httpx.URL
            and params is None  # even an empty one: httpx then drops the URL's own query
            and content is None
            and data is None
            and files is None
            and json is None
            and not headers
            and not cookies
            and not extensions
            and method not in _BODY_METHODS
            and self._reuse
            and url.is_absolute_url
            and not client.params
            and not client.cookies
        ):
            return build(
                method,
                url,
                content=content,
                data=data,
                files=files,
                json=json,
                params=params,
                headers=headers,
                cookies=cookies,
                timeout=timeout,
                extensions=extensions,
            )
        key = (method, url.netloc)
        own = client.headers
        found = self._headers_for.get(key)
        # The client's headers unchanged: the same object, its entries equal to the copy
        # taken (the same tuples, mostly: compared by identity first, nothing is built).
        if found is None or found[0] is not own or found[1] != own._list:
            request = build(method, url, timeout=timeout)
            if len(self._headers_for) < 16:  # a client talks to a host or two: stays small
                template = _new(httpx.Request)
                vars(template).update(vars(request))
                # A copy: auth flows add their headers to the request's own.
                template.headers = httpx.Headers(request.headers)
                self._headers_for[key] = (own, list(own._list), template)
            return request
        chosen = client.timeout if timeout is httpx.USE_CLIENT_DEFAULT else httpx.Timeout(timeout)
        # What httpx's constructor would make here, from the state of one it made: the
        # same method, no body (the empty stream and content are immutable, so shared),
        # this call's URL, a copy of the headers, this call's timeout.
        template = found[2]
        request = _new(httpx.Request)
        vars(request).update(vars(template))
        request.url = url
        request.headers = httpx.Headers(template.headers)
        request.extensions = {"timeout": chosen.as_dict()}
        if key not in self._checked:
            self._checked.add(key)
            if not _same_request(request, build(method, url, timeout=timeout)):
                self._reuse = False
                self._headers_for.clear()
                return build(method, url, timeout=timeout)
        return request

    def _built_by_httpx(self, method: str, url: httpx.URL | str, **kwargs: Any) -> httpx.Request:
        build = cast("Callable[..., httpx.Request]", super().build_request)  # type: ignore[misc]
        return build(method, url, **kwargs)


class HttpClient(_ReusedHeaders, _LookFirstCookies, httpx.Client):
    """The ``httpx.Client`` that ``sc.Client`` makes when it is not given one."""


class AsyncHttpClient(_ReusedHeaders, _LookFirstCookies, httpx.AsyncClient):
    """The ``httpx.AsyncClient`` that ``sc.AsyncClient`` makes when it is not given one."""
