"""Authentication: the spec's two security schemes as httpx.Auth classes, and the environment.

``HTTPBasicAuth`` is :class:`BasicAuth` (API public key and secret key);
``OAuth2ClientCreds`` is ``OAuth2ClientCredentials`` (in ``_oauth2.py``, which loads
with its first use: the token machinery is not part of the package import).
Both work with ``sc.Client``/``sc.AsyncClient`` and with a plain httpx client.
"""

from __future__ import annotations

import base64
import os
from collections.abc import AsyncGenerator, Generator, Mapping
from types import TracebackType
from typing import Any

import httpx

from ._config import DEFAULT_TOKEN_URL
from ._credentials import Secret, mask_identifier, require_secure_url
from ._errors import ConfigurationError, InsecureTransportError

__all__ = [
    "DEFAULT_TOKEN_URL",
    "ENV_BASE_URL",
    "ENV_CLIENT_ID",
    "ENV_CLIENT_SECRET",
    "ENV_PUBLIC_KEY",
    "ENV_SECRET_KEY",
    "ENV_TOKEN_URL",
    "BasicAuth",
    "ConfigurationError",
    "InsecureTransportError",
    "auth_from_env",
]

ENV_PUBLIC_KEY = "SENDCLOUD_PUBLIC_KEY"
ENV_SECRET_KEY = "SENDCLOUD_SECRET_KEY"
ENV_CLIENT_ID = "SENDCLOUD_CLIENT_ID"
ENV_CLIENT_SECRET = "SENDCLOUD_CLIENT_SECRET"
ENV_TOKEN_URL = "SENDCLOUD_TOKEN_URL"
ENV_BASE_URL = "SENDCLOUD_BASE_URL"


class BasicAuth(httpx.Auth):
    """HTTP Basic with the API public key as user name and the secret key as password."""

    def __init__(self, public_key: str, secret_key: str) -> None:
        if not public_key or not secret_key:
            raise ConfigurationError("public_key and secret_key must be non-empty strings")
        self._public_key = public_key
        userpass = f"{public_key}:{secret_key}".encode()
        self._header = Secret("Basic " + base64.b64encode(userpass).decode("ascii"))

    @property
    def public_key(self) -> str:
        return self._public_key

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(public_key={mask_identifier(self._public_key)!r}, "
            "secret_key=<redacted>)"
        )

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        self._authorize(request)
        yield request

    def _authorize(self, request: httpx.Request) -> None:
        require_secure_url(request.url)
        request.headers["Authorization"] = self._header.reveal()

    # httpx drives every flow through these two adapters, which wrap auth_flow in a
    # generator (and, async, an async generator that the event loop registers). One
    # request and no answer needed: a small object does the same steps for less, about
    # a fiftieth of what an aiohttp fan-out spends per call before sending (issue #17).
    # A subclass with its own auth_flow keeps httpx's adapters.

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        if type(self).auth_flow is not BasicAuth.auth_flow:
            return super().sync_auth_flow(request)
        return _OneRequest(self, request)

    def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if type(self).auth_flow is not BasicAuth.auth_flow:
            return super().async_auth_flow(request)
        return _AsyncOneRequest(self, request)


def _rethrow(typ: Any, val: Any, tb: TracebackType | None) -> Any:
    error = typ if val is None else val
    raise error.with_traceback(tb) if tb is not None else error


class _OneRequest(Generator[httpx.Request, httpx.Response, None]):
    """BasicAuth's flow as a generator would run it: the request authorized, then done."""

    __slots__ = ("_auth", "_request")

    def __init__(self, auth: BasicAuth, request: httpx.Request) -> None:
        self._auth: BasicAuth | None = auth
        self._request = request

    def send(self, value: httpx.Response | None) -> httpx.Request:
        auth, self._auth = self._auth, None
        if auth is None:
            raise StopIteration
        auth._authorize(self._request)
        return self._request

    def throw(self, typ: Any, val: Any = None, tb: TracebackType | None = None) -> httpx.Request:
        self._auth = None
        return _rethrow(typ, val, tb)  # type: ignore[no-any-return]


class _AsyncOneRequest(AsyncGenerator[httpx.Request, httpx.Response]):
    """As _OneRequest, for httpx.AsyncClient."""

    __slots__ = ("_auth", "_request")

    def __init__(self, auth: BasicAuth, request: httpx.Request) -> None:
        self._auth: BasicAuth | None = auth
        self._request = request

    async def __anext__(self) -> httpx.Request:
        return await self.asend(None)

    async def asend(self, value: httpx.Response | None) -> httpx.Request:
        auth, self._auth = self._auth, None
        if auth is None:
            raise StopAsyncIteration
        auth._authorize(self._request)
        return self._request

    async def athrow(
        self, typ: Any, val: Any = None, tb: TracebackType | None = None
    ) -> httpx.Request:
        self._auth = None
        return _rethrow(typ, val, tb)  # type: ignore[no-any-return]


_PAIRS = {
    "Basic auth": (ENV_PUBLIC_KEY, ENV_SECRET_KEY),
    "OAuth2": (ENV_CLIENT_ID, ENV_CLIENT_SECRET),
}


def auth_from_env(environ: Mapping[str, str] | None = None) -> tuple[httpx.Auth, str | None]:
    """The auth configured by the environment, and ``SENDCLOUD_BASE_URL`` (None when unset).

    ``SENDCLOUD_PUBLIC_KEY`` + ``SENDCLOUD_SECRET_KEY`` give BasicAuth;
    ``SENDCLOUD_CLIENT_ID`` + ``SENDCLOUD_CLIENT_SECRET`` (and an optional
    ``SENDCLOUD_TOKEN_URL``) give OAuth2ClientCredentials. Empty values count as
    unset. Raises ConfigurationError when neither pair is complete, or both are.
    """
    env = os.environ if environ is None else environ

    def get(name: str) -> str | None:
        return env.get(name, "").strip() or None

    values = {name: get(name) for pair in _PAIRS.values() for name in pair}
    complete = [label for label, pair in _PAIRS.items() if all(values[n] for n in pair)]
    if len(complete) == 2:
        # Picking one silently would leave the user guessing which account is used.
        raise ConfigurationError(
            f"both {ENV_PUBLIC_KEY}/{ENV_SECRET_KEY} and {ENV_CLIENT_ID}/{ENV_CLIENT_SECRET} "
            "are set; unset one pair"
        )
    base_url = get(ENV_BASE_URL)
    if complete == ["Basic auth"]:
        return BasicAuth(values[ENV_PUBLIC_KEY] or "", values[ENV_SECRET_KEY] or ""), base_url
    if complete == ["OAuth2"]:
        from ._oauth2 import OAuth2ClientCredentials

        auth = OAuth2ClientCredentials(
            values[ENV_CLIENT_ID] or "",
            values[ENV_CLIENT_SECRET] or "",
            token_url=get(ENV_TOKEN_URL) or DEFAULT_TOKEN_URL,
        )
        return auth, base_url
    raise _missing_error(values)


def _missing_error(values: Mapping[str, str | None]) -> ConfigurationError:
    started = [pair for pair in _PAIRS.values() if any(values[n] for n in pair)]
    if not started:
        missing = tuple(name for pair in _PAIRS.values() for name in pair)
        return ConfigurationError(
            "no Sendcloud credentials in the environment: set "
            f"{ENV_PUBLIC_KEY} and {ENV_SECRET_KEY} (Basic auth), or "
            f"{ENV_CLIENT_ID} and {ENV_CLIENT_SECRET} (OAuth2)",
            missing,
        )
    missing = tuple(name for pair in started for name in pair if not values[name])
    parts = [
        f"{name} is not set ({label} needs it with {next(n for n in pair if n != name)})"
        for label, pair in _PAIRS.items()
        for name in pair
        if name in missing
    ]
    return ConfigurationError("incomplete Sendcloud credentials: " + "; ".join(parts), missing)
