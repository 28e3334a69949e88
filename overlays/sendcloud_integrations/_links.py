"""Where a page's ``Link`` header points next, and whether that target may be followed.

A next link is followed only when it is well-formed, not too long, free of userinfo
and on the client's own origin: credentials never go elsewhere, whatever a server
answers. Relation types are matched per RFC 8288 (case-insensitive, space-separated).
Every refusal is a PaginationError; whether a link advances is the paginator's call.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from ._errors import PaginationError

# Longer next links are refused: a cursor is short, and servers refuse longer URLs anyway.
MAX_LINK_LENGTH = 8192
_DEFAULT_PORTS = {"http": 80, "https": 443}
# RFC 3986 allows none of these in a URI; httpx would refuse or re-encode them.
_NOT_IN_URI = re.compile(r"[\x00-\x20\x7f<>\"\\^`{|}]")
# RFC 8288 section 3: `<target>` then `; name=value` parameters, values quoted or not.
_LINK_VALUE = re.compile(r"<([^>]*)>([^<]*)")
_LINK_PARAM = re.compile(r';\s*([^\s=;,]+)\s*(?:=\s*("(?:[^"\\]|\\.)*"|[^;,]*))?')

Origin = tuple[str, str, int | None]


def next_link(header: str | None) -> str | None:
    """The target of the first link whose ``rel`` holds ``next`` (RFC 8288 section 3.3:
    relation types are case-insensitive and a ``rel`` value may list several)."""
    if not header:
        return None
    for link in _LINK_VALUE.finditer(header):
        for param in _LINK_PARAM.finditer(link.group(2)):
            name, value = param.group(1), param.group(2) or ""
            if name.lower() == "rel" and "next" in value.strip('"').lower().split():
                return link.group(1).strip()
    return None


# base_url -> its origin and its text: parsed once per client, not on every listing.
_ORIGINS: dict[str, tuple[Origin, str]] = {}


def client_origin(base_url: str) -> tuple[Origin, str]:
    """(scheme, host, port) of ``base_url``, which next links must keep, and its text."""
    found = _ORIGINS.get(base_url)
    if found is None:
        base = httpx.URL(base_url)
        host = base.raw_host.decode("ascii").lower()
        found = (
            (base.scheme, host, base.port or _DEFAULT_PORTS.get(base.scheme)),
            f"{base.scheme}://{base.netloc.decode('ascii')}",
        )
        if len(_ORIGINS) < 64:  # a program has a few base URLs; never grows without end
            _ORIGINS[base_url] = found
    return found


def shown(text: str) -> str:
    """A hostile link, cut short for a message."""
    return repr(text[:80] + ("..." if len(text) > 80 else ""))


def resolve_next(
    raw: str, response: httpx.Response, origin: Origin, origin_text: str
) -> tuple[str, Any]:
    """The absolute next URL and its parts, checked: well-formed and on ``origin``.

    Plain string work instead of httpx.URL.join, which costs about 30 us a page.
    """
    if len(raw) > MAX_LINK_LENGTH:
        raise PaginationError(
            f"the server's next link is {len(raw)} characters long "
            f"(at most {MAX_LINK_LENGTH} are followed)"
        )
    if not raw.isascii() or _NOT_IN_URI.search(raw):
        raise PaginationError(f"the server's next link is not a valid URL: {shown(raw)}")
    if raw[0] == "/" and raw[1:2] != "/":
        url = origin_text + raw  # the common case: an absolute path
    elif "://" in raw or raw.startswith("//"):
        url = raw
    else:
        url = urljoin(str(response.url), raw)
    try:
        parts = urlsplit(url)
        target = (
            parts.scheme.lower(),
            parts.hostname or "",
            parts.port or _DEFAULT_PORTS.get(parts.scheme.lower()),
        )
    except ValueError:  # an unclosed [IPv6, a port that is not a number
        raise PaginationError(f"the server's next link is not a valid URL: {shown(raw)}") from None
    if parts.username is not None or parts.password is not None:
        raise PaginationError("the server's next link holds credentials (userinfo)")
    if target != origin:
        raise PaginationError(
            f"refusing to follow a next link to another origin: {shown(url)} (client "
            f"origin {origin_text})"
        )
    return url, parts
