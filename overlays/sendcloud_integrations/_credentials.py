"""Credential hygiene shared by the auth classes: redaction and the plain-http guard.

Secrets live in :class:`Secret` boxes so that ``repr()``, ``vars()``, debuggers and
tracebacks that print locals show ``<redacted>`` instead of the value.
"""

from __future__ import annotations

import ipaddress

import httpx

from ._errors import SendcloudError

__all__ = [
    "REDACTED",
    "InsecureTransportError",
    "Secret",
    "is_loopback_host",
    "mask_identifier",
    "redact",
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


class InsecureTransportError(SendcloudError):
    """Credentials would travel over plain http to a non-loopback host; nothing was sent."""

    def __init__(self, url: httpx.URL) -> None:
        self.url = url.copy_with(query=None, fragment=None, username=None, password=None)
        super().__init__(
            f"refusing to send credentials over {url.scheme or '(no scheme)'}:// to "
            f"{url.host or '(no host)'}: use https:// (plain http is allowed only to "
            "loopback hosts: 127.0.0.0/8, ::1, localhost)"
        )


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
    url = httpx.URL(url)
    if url.scheme == "https":
        return
    if url.scheme == "http" and is_loopback_host(url.host):
        return
    raise InsecureTransportError(url)
