"""The OAuth2 client-credentials token exchange without I/O (RFC 6749 sections 4.4 and 5).

Builds the token request, turns a token response into a :class:`Token` or an
error. The auth flows in ``_oauth2.py`` do the sending, locking and sleeping.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from typing import Any, cast
from urllib.parse import quote_plus

import httpx

from ._config import RetryPolicy
from ._credentials import REDACTED, Secret, keep_redacted, redact
from ._errors import (
    APIError,
    AuthenticationError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
)
from ._jsonbody import loads
from ._retry import capped_retry_after, may_retry_token_status

__all__ = [
    "Token",
    "build_token_request",
    "parse_token_response",
    "token_error",
]

# RFC 6750 section 2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
# Anything else (CR, LF, NUL, spaces) would break or smuggle the Authorization header.
B64TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*", re.ASCII)
_DIGITS = re.compile(r"[0-9]{1,12}", re.ASCII)
# A lifetime beyond this is treated as this (about 31 years): keeps the arithmetic finite.
_MAX_LIFETIME = 10**9


class Token:
    """A bearer token, the clock reading after which to replace it, and when it expires.

    ``refresh_at`` and ``expires_at`` are None when the server gave no
    ``expires_in``: such a token is kept until the API rejects it. A shared token
    store drops the entry at ``expires_at``. Never changed once made; told apart by
    identity (``token is rejected``). A plain class: a dataclass would compile its
    methods when the first OAuth2 client loads this module (issue #17).
    """

    __slots__ = ("expires_at", "refresh_at", "value")

    def __init__(
        self, value: Secret, refresh_at: float | None, expires_at: float | None = None
    ) -> None:
        self.value = value
        self.refresh_at = refresh_at
        self.expires_at = expires_at

    def __repr__(self) -> str:
        return (
            f"Token(value={self.value!r}, refresh_at={self.refresh_at!r}, "
            f"expires_at={self.expires_at!r})"
        )

    def is_fresh(self, now: float) -> bool:
        return self.refresh_at is None or now < self.refresh_at


def build_token_request(
    token_url: httpx.URL,
    client_id: str,
    client_secret: Secret,
    scope: str | None,
    extensions: Mapping[str, Any],
) -> httpx.Request:
    """The client-credentials grant request, the client authenticating with HTTP Basic."""
    # RFC 6749 section 2.3.1: id and secret are form-urlencoded before base64.
    userpass = f"{quote_plus(client_id)}:{quote_plus(client_secret.reveal())}"
    form = {"grant_type": "client_credentials"}
    if scope:
        form["scope"] = scope
    return httpx.Request(
        "POST",
        token_url,
        data=form,
        headers={
            "Authorization": "Basic " + base64.b64encode(userpass.encode()).decode("ascii"),
            "Accept": "application/json",
        },
        extensions=dict(extensions),
    )


def _json_object(response: httpx.Response) -> dict[str, Any] | None:
    try:
        doc = loads(response.content)
    except (ValueError, UnicodeDecodeError):
        return None
    return cast("dict[str, Any]", doc) if isinstance(doc, dict) else None


def parse_token_response(
    response: httpx.Response, *, requested_at: float, leeway: float, token_url: httpx.URL
) -> Token:
    """A Token from a 2xx token response, or ResponseValidationError naming what is wrong."""

    def malformed(reason: str) -> ResponseValidationError:
        # No response attached: its body may hold a usable access token.
        where = f"token endpoint {token_url} answered HTTP {response.status_code}"
        return ResponseValidationError(f"{where}: {reason}")

    doc = _json_object(response)
    if doc is None:
        raise malformed("the body is not a JSON object")
    # Checked before anything is cached; messages name the field, never its value.
    access_token = doc.get("access_token")
    if not isinstance(access_token, str) or not access_token:
        raise malformed("no access_token in the token response")
    if not B64TOKEN.fullmatch(access_token):
        raise malformed("access_token is not an RFC 6750 b64token")
    token_type = doc.get("token_type")
    # RFC 6749 section 5.1 requires token_type; another type (mac, ...) cannot go
    # in a Bearer header.
    if not isinstance(token_type, str) or token_type.lower() != "bearer":
        raise malformed("token_type is missing or not Bearer")
    expires_in = doc.get("expires_in")
    if expires_in is None:
        return Token(Secret(access_token), None)
    if isinstance(expires_in, str) and _DIGITS.fullmatch(expires_in):
        expires_in = int(expires_in)  # "3600": some servers send the number as a string
    if not isinstance(expires_in, int) or isinstance(expires_in, bool) or expires_in <= 0:
        raise malformed("expires_in is not a positive integer")
    lifetime = float(min(expires_in, _MAX_LIFETIME))
    # A leeway longer than the lifetime would make every token stale on arrival
    # and fetch one per request; keep at least half the lifetime in that case.
    usable = max(lifetime - leeway, lifetime / 2)
    return Token(Secret(access_token), requested_at + usable, requested_at + lifetime)


def _oauth_error(doc: Mapping[str, Any] | None) -> tuple[str | None, str | None]:
    if doc is None:
        return None, None
    code, description = doc.get("error"), doc.get("error_description")
    return (
        code if isinstance(code, str) else None,
        description if isinstance(description, str) else None,
    )


def _without_secret(response: httpx.Response, secret: Secret) -> httpx.Response:
    """The response to keep on the error: a copy with the secret cut out, if the server
    echoed it in the body (an error tracker serialising ``exc.response`` would send it)."""
    echoed = secret.reveal().encode()
    if echoed not in response.content:
        return response
    headers = [(k, v) for k, v in response.headers.raw if k.lower() != b"content-length"]
    return httpx.Response(
        response.status_code,
        headers=headers,
        content=response.content.replace(echoed, REDACTED.encode()),
        request=response.request,
    )


def token_error(
    response: httpx.Response, *, attempts: int, secret: Secret, policy: RetryPolicy
) -> APIError:
    """The error for a non-2xx token response, with the RFC 6749 error code when there is one.

    The response keeps a redacted copy of the token request: the original carries
    the client id and secret in its Authorization header.
    """
    response = _without_secret(response, secret)
    # Authorization is always redacted; the rest of the token request is ours, not secret.
    keep_redacted(response, response.request.headers.raw)
    status = response.status_code
    # The server's own words go into the message, so a secret it echoes is cut out.
    code, description = (
        redact(text, secret.reveal()) if text else None
        for text in _oauth_error(_json_object(response))
    )
    from ._error_details import ErrorDetail  # on the first error only

    errors = [ErrorDetail(status=str(status), code=code, detail=description)] if code else []
    reason = f"{code}: {description}" if code and description else (code or "")
    error: APIError
    if may_retry_token_status(status) or status >= 500:
        tries = f"after {attempts} attempt{'s' if attempts != 1 else ''}"
        message = f"OAuth2 token endpoint unavailable {tries}" + (f" ({reason})" if reason else "")
        if status == 429:
            retry_after = capped_retry_after(response.headers.get("Retry-After"), policy)
            error = RateLimitError(
                status, errors, response, message=message, retry_after=retry_after
            )
        else:
            error = ServerError(status, errors, response, message=message)
    else:
        message = "OAuth2 token request refused" + (f": {reason}" if reason else "")
        cls = AuthenticationError if 400 <= status < 500 else APIError
        error = cls(status, errors, response, message=message)
    error.body = redact(error.body, secret.reveal())
    return error
