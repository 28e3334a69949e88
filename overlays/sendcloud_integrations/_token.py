"""The OAuth2 client-credentials token exchange without I/O (RFC 6749 sections 4.4 and 5).

Builds the token request, turns a token response into a :class:`Token` or an
error. The auth flows in ``_oauth2.py`` do the sending, locking and sleeping.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote_plus

import httpx

from ._credentials import Secret, redact
from ._errors import (
    APIError,
    AuthenticationError,
    ErrorDetail,
    RateLimitError,
    ResponseValidationError,
    ServerError,
)
from ._jsonbody import loads

__all__ = [
    "Token",
    "build_token_request",
    "is_retryable",
    "parse_token_response",
    "retry_after_seconds",
    "token_error",
]


@dataclass(frozen=True)
class Token:
    """A bearer token and the clock reading after which it should be replaced.

    ``refresh_at`` is None when the server gave no ``expires_in``: such a token
    is kept until the API rejects it.
    """

    value: Secret
    refresh_at: float | None

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


def is_retryable(status_code: int) -> bool:
    return status_code == 429 or status_code >= 500


def retry_after_seconds(response: httpx.Response) -> float | None:
    """The Retry-After header in seconds, when it is a plain number."""
    value = response.headers.get("Retry-After", "")
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if math.isfinite(seconds) and seconds >= 0 else None


def _json_object(response: httpx.Response) -> dict[str, Any] | None:
    try:
        doc = loads(response.content)
    except (ValueError, UnicodeDecodeError):
        return None
    return doc if isinstance(doc, dict) else None


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
    access_token = doc.get("access_token")
    if not isinstance(access_token, str) or not access_token:
        raise malformed("no access_token in the token response")
    token_type = doc.get("token_type")
    # RFC 6749 section 5.1 requires token_type; being lenient when it is absent
    # costs nothing, but another type (mac, ...) cannot go in a Bearer header.
    if token_type is not None and (
        not isinstance(token_type, str) or token_type.lower() != "bearer"
    ):
        raise malformed(f"token_type {str(token_type)[:40]!r} is not Bearer")
    expires_in = doc.get("expires_in")
    if expires_in is None:
        return Token(Secret(access_token), None)
    try:
        lifetime = float(expires_in) if not isinstance(expires_in, bool) else math.nan
    except (TypeError, ValueError):
        lifetime = math.nan
    if not (math.isfinite(lifetime) and lifetime > 0):
        raise malformed(f"expires_in {str(expires_in)[:40]!r} is not a positive number")
    # A leeway longer than the lifetime would make every token stale on arrival
    # and fetch one per request; keep at least half the lifetime in that case.
    usable = max(lifetime - leeway, lifetime / 2)
    return Token(Secret(access_token), requested_at + usable)


def _oauth_error(doc: Mapping[str, Any] | None) -> tuple[str | None, str | None]:
    if doc is None:
        return None, None
    code, description = doc.get("error"), doc.get("error_description")
    return (
        code if isinstance(code, str) else None,
        description if isinstance(description, str) else None,
    )


def token_error(response: httpx.Response, *, attempts: int, secret: Secret) -> APIError:
    """The error for a non-2xx token response, with the RFC 6749 error code when there is one."""
    status = response.status_code
    # The server's own words go into the message, so a secret it echoes is cut out.
    code, description = (
        redact(text, secret.reveal()) if text else None
        for text in _oauth_error(_json_object(response))
    )
    errors = [ErrorDetail(status=str(status), code=code, detail=description)] if code else []
    reason = f"{code}: {description}" if code and description else (code or "")
    error: APIError
    if is_retryable(status):
        tries = f"after {attempts} attempt{'s' if attempts != 1 else ''}"
        message = f"OAuth2 token endpoint unavailable {tries}" + (f" ({reason})" if reason else "")
        if status == 429:
            retry_after = retry_after_seconds(response)
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
