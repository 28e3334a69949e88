"""Credentials, and a fake OAuth2 token endpoint (client-credentials grant, RFC 6749 §4.4)."""

from __future__ import annotations

import base64
import binascii
import hmac
import secrets
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum
from urllib.parse import parse_qsl, unquote_plus

from ._clock import Clock
from ._http import SandboxRequest, SandboxResponse, json_response

TOKEN_PATH = "/oauth2/token/"


@dataclass(frozen=True)
class Credentials:
    """What the sandbox accepts; the secrets stay out of repr."""

    public_key: str = "sandbox-public-key"
    secret_key: str = field(default="sandbox-secret-key", repr=False)
    client_id: str = "sandbox-client-id"
    client_secret: str = field(default="sandbox-client-secret", repr=False)


class TokenState(Enum):
    VALID = "valid"
    EXPIRED = "expired"
    UNKNOWN = "unknown"  # never issued, or revoked


def same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())


def basic_pair(header: str | None) -> tuple[str, str] | None:
    """The (user, password) of an ``Authorization: Basic`` header, or None."""
    if not header or header[:6].lower() != "basic ":
        return None
    try:
        user, sep, password = (
            base64.b64decode(header[6:].strip(), validate=True).decode().partition(":")
        )
    except (binascii.Error, UnicodeDecodeError):
        return None
    return (user, password) if sep else None


class TokenStore:
    """Issued access tokens and their expiry, read against the sandbox's clock."""

    def __init__(self, clock: Clock, expires_in: int = 3600) -> None:
        self._clock = clock
        self.expires_in = expires_in
        self.issued = 0
        # Every request the token endpoint answered, refused ones included.
        self.requests = 0
        self._tokens: dict[str, datetime] = {}
        self._lock = threading.Lock()

    def count_request(self) -> None:
        with self._lock:
            self.requests += 1

    def issue(self) -> str:
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._tokens[token] = self._clock() + timedelta(seconds=self.expires_in)
            self.issued += 1
        return token

    def state(self, token: str) -> TokenState:
        with self._lock:
            expiry = self._tokens.get(token)
        if expiry is None:
            return TokenState.UNKNOWN
        return TokenState.VALID if self._clock() < expiry else TokenState.EXPIRED

    def expire(self, token: str) -> None:
        """Make one token expired now (it stays known, so the API says 'expired')."""
        with self._lock:
            if token in self._tokens:
                self._tokens[token] = min(self._tokens[token], self._clock())

    def expire_all(self) -> None:
        with self._lock:
            now = self._clock()
            self._tokens = {t: min(e, now) for t, e in self._tokens.items()}

    def revoke(self, token: str) -> None:
        with self._lock:
            self._tokens.pop(token, None)

    def revoke_all(self) -> None:
        with self._lock:
            self._tokens.clear()

    def active(self) -> int:
        """How many issued tokens are still valid."""
        now = self._clock()
        with self._lock:
            return sum(1 for e in self._tokens.values() if now < e)


def _oauth_error(status: int, error: str, description: str) -> SandboxResponse:
    headers = {"Cache-Control": "no-store"}
    if status == 401:
        headers["WWW-Authenticate"] = 'Basic realm="oauth2"'
    return json_response(status, {"error": error, "error_description": description}, headers)


def token_endpoint(
    request: SandboxRequest, credentials: Credentials, store: TokenStore
) -> SandboxResponse:
    """POST /oauth2/token/: issue a bearer token for valid client credentials."""
    store.count_request()
    if request.method != "POST":
        return json_response(405, {"error": "invalid_request"}, {"Allow": "POST"})
    content_type = (request.header("content-type") or "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        return _oauth_error(
            400, "invalid_request", "Send the form as application/x-www-form-urlencoded."
        )
    form = dict(parse_qsl(request.body.decode("latin-1"), keep_blank_values=True))
    pair = basic_pair(request.header("authorization"))
    if pair is not None:
        # RFC 6749 §2.3.1: client id and secret are form-encoded before Basic encoding.
        client_id, client_secret = unquote_plus(pair[0]), unquote_plus(pair[1])
    else:
        client_id, client_secret = form.get("client_id", ""), form.get("client_secret", "")
    if not (
        same(client_id, credentials.client_id) and same(client_secret, credentials.client_secret)
    ):
        return _oauth_error(401, "invalid_client", "Client authentication failed.")
    if form.get("grant_type") != "client_credentials":
        return _oauth_error(400, "unsupported_grant_type", "Only client_credentials is supported.")
    scope = form.get("scope", "api") or "api"
    if scope.split() != ["api"]:
        return _oauth_error(400, "invalid_scope", "The only scope is 'api'.")
    payload = {
        "access_token": store.issue(),
        "token_type": "Bearer",
        "expires_in": store.expires_in,
        "scope": "api",
    }
    return json_response(200, payload, {"Cache-Control": "no-store", "Pragma": "no-cache"})
