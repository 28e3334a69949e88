"""The URL of a call on the client's base URL, without httpx parsing it again (issue #17).

httpx parses every URL string it is given, which costs about as much as the rest of
building the request. A call's URL is the client's base URL, plus a path from the spec
whose parameters are integers, plus a query that httpx's own ``QueryParams`` encoded:
none of it needs the parser's checks or normalisation. So the base URL is parsed once
and each call's URL is the parsed base with its path and query extended.

Anything else goes to httpx as a string, as before: a path with other characters (a
dot segment, a percent sign, a double slash), a query with characters outside what
``QueryParams`` writes. Before a base URL is used this way, a URL built so is compared
with httpx's own parse of the same text; if they differ (another httpx whose URL
internals changed), that base URL always goes as a string.
"""

from __future__ import annotations

import re
from typing import Any

import httpx

__all__ = ["call_url"]

# What needs neither quoting nor dot-segment removal: httpx would keep it as it is.
_PLAIN_PATH = re.compile(r"(?:/[A-Za-z0-9_\-]+)+")
_PLAIN_QUERY = re.compile(r"[A-Za-z0-9_.~%+=&\-]*")
_PROBE_PATH, _PROBE_QUERY = "/probe/1", "a=1&b=x%2By"
# base_url -> its parsed form, or None where only strings are safe.
_BASES: dict[str, Any] = {}
_UNKNOWN = object()


def _extended(base: Any, path: str, query: str | None) -> httpx.URL:
    url = object.__new__(httpx.URL)
    url._uri_reference = base._replace(path=base.path + path, query=query)
    return url


def _learn(base_url: str) -> Any:
    """The parsed ``base_url``, if extending it gives what httpx's parser gives; else None."""
    try:
        base = httpx.URL(base_url)._uri_reference
        if base.query is not None or base.fragment is not None:
            return None
        probe = _extended(base, _PROBE_PATH, _PROBE_QUERY)
        parsed = httpx.URL(f"{base_url}{_PROBE_PATH}?{_PROBE_QUERY}")
        same = probe == parsed and str(probe) == str(parsed) and probe.raw_path == parsed.raw_path
    except Exception:  # any surprise in httpx's internals: use strings
        return None
    return base if same else None


def call_url(base_url: str, path: str, query: str | None = None) -> httpx.URL | str:
    """``base_url + path`` (``?query`` appended), parsed once per base URL where possible."""
    base = _BASES.get(base_url, _UNKNOWN)
    if base is _UNKNOWN:
        base = _learn(base_url)
        if len(_BASES) < 64:  # a program has a few base URLs; never grows without end
            _BASES[base_url] = base
    if (
        base is None
        or not _PLAIN_PATH.fullmatch(path)
        or (query is not None and not _PLAIN_QUERY.fullmatch(query))
    ):
        return base_url + path if query is None else f"{base_url}{path}?{query}"
    return _extended(base, path, query)
