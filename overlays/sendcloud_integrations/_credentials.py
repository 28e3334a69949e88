"""Credential hygiene shared by the auth classes: redaction and the plain-http guard.

Secrets live in :class:`Secret` boxes so that ``repr()``, ``vars()``, debuggers and
tracebacks that print locals show ``<redacted>`` instead of the value.
"""

from __future__ import annotations

import functools
import ipaddress
from collections.abc import Iterable

import httpx

from ._errors import ConfigurationError, InsecureTransportError

__all__ = [
    "REDACTED",
    "InsecureTransportError",
    "Secret",
    "check_endpoint_url",
    "is_loopback_host",
    "keep_redacted",
    "mask_identifier",
    "redact",
    "redacted_request",
    "require_secure_url",
]

REDACTED = "<redacted>"


class Secret:
    """A string that never shows itself in ``repr()``/``str()``; ``reveal()`` hands it out."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return REDACTED

    __str__ = __repr__

    def __reduce__(self) -> tuple[object, ...]:
        # Pickling would write the value to disk or a queue in clear text.
        raise TypeError("secrets cannot be pickled")


def mask_identifier(value: str) -> str:
    """A short prefix of a public identifier, enough to tell two apart in logs."""
    # Short values would be shown (almost) whole by a prefix, so show nothing.
    return f"{value[:4]}..." if len(value) > 8 else "..."


def redact(text: str, *secrets: str) -> str:
    """``text`` with every occurrence of the non-empty ``secrets`` replaced."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text


# Asked on every request over http (the sandbox, a test server); the answer for a host
# never changes, and parsing it as an IP address costs more than the rest of the check.
@functools.lru_cache(maxsize=64)
def is_loopback_host(host: str) -> bool:
    """True for localhost, 127.0.0.0/8 and ::1 (the addresses that never leave the machine)."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def require_secure_url(url: httpx.URL | str) -> None:
    """Raise InsecureTransportError unless ``url`` is https, or http to a loopback host."""
    if type(url) is not httpx.URL:  # asked on every request: no copy of a URL
        url = httpx.URL(url)
    if url.scheme == "https":
        return
    if url.scheme == "http" and is_loopback_host(url.host):
        return
    raise InsecureTransportError(url)


# Headers that carry credentials whoever set them (a user's own httpx client too).
_ALWAYS_SECRET = frozenset({b"authorization", b"proxy-authorization", b"cookie"})
_MARK = REDACTED.encode("ascii")


def redacted_request(
    sent: httpx.Request, before: Iterable[tuple[bytes, bytes]] = ()
) -> httpx.Request:
    """A copy of ``sent`` to keep: credential headers, and every header that was not among
    ``before`` (the headers as built, i.e. what an auth flow added or changed), redacted.

    ``sent`` itself is left alone: it is the request that went on the wire. When
    nothing needs redacting, ``sent`` is returned as is.
    """
    built = before if isinstance(before, set | frozenset) else set(before)
    raw = sent.headers.raw
    headers = [
        (name, _MARK if name.lower() in _ALWAYS_SECRET or (name, value) not in built else value)
        for name, value in raw
    ]
    if headers == raw:
        return sent
    # A shallow copy with new headers: the constructor would re-encode the body.
    copy = object.__new__(httpx.Request)
    copy.__dict__.update(sent.__dict__)
    copy.headers = httpx.Headers(headers, encoding=sent.headers.encoding)
    copy.extensions = {k: v for k, v in sent.extensions.items() if k == "timeout"}
    return copy


def keep_redacted(response: httpx.Response, before: Iterable[tuple[bytes, bytes]] = ()) -> None:
    """Point ``response`` (and its redirect history) at redacted copies of their requests."""
    built = set(before)
    for hop in (*response.history, response):
        try:
            sent = hop.request
        except RuntimeError:  # a response built by hand has no request
            continue
        hop.request = redacted_request(sent, built)
    if response.next_request is not None:
        response.next_request = redacted_request(response.next_request, built)


def check_endpoint_url(name: str, value: str | httpx.URL) -> httpx.URL:
    """``value`` as an absolute http(s) URL without userinfo, or ConfigurationError naming it.

    The value is never echoed: a URL with userinfo holds a password.
    """
    try:
        url = httpx.URL(value) if isinstance(value, str | httpx.URL) else None
    except (httpx.InvalidURL, ValueError, UnicodeError, TypeError):
        url = None
    if url is None:
        raise ConfigurationError(f"{name} is not a valid URL")
    if url.userinfo:
        # httpx would turn them into Basic auth, and every log line, error message
        # and repr showing the URL would then show the secret.
        raise ConfigurationError(f"{name} must not contain credentials; pass them as auth=")
    if not url.scheme or not url.host:
        raise ConfigurationError(f"{name} must be an absolute URL (scheme and host)")
    return url
