"""The httpx clients the SDK makes: httpx's, with a cookie jar that looks before it works.

httpx hands every response to the client's cookie jar, and ``httpx.Cookies`` builds
two urllib adapters (a request and a response) before the jar looks for a
``Set-Cookie`` header. The API sends none, and the adapters cost about a tenth of a
call's CPU (issue #17). The jar here looks first; a response that sets cookies is
stored exactly as httpx stores it, and everything else about cookies is httpx's.

Only the clients the SDK builds (and ``sc.DefaultAioHttpClient``) use it: a caller's
own ``http_client`` is left as it is.
"""

from __future__ import annotations

from typing import Any

import httpx

__all__ = ["AsyncHttpClient", "HttpClient"]


class _Cookies(httpx.Cookies):
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


class HttpClient(_LookFirstCookies, httpx.Client):
    """The ``httpx.Client`` that ``sc.Client`` makes when it is not given one."""


class AsyncHttpClient(_LookFirstCookies, httpx.AsyncClient):
    """The ``httpx.AsyncClient`` that ``sc.AsyncClient`` makes when it is not given one."""
