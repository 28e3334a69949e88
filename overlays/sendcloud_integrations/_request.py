"""The httpx request of a call, and its URL without httpx parsing it again (issue #17).

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
from typing import TYPE_CHECKING, Any

import httpx

from ._config import FIXED_HEADERS, ClientOptions

if TYPE_CHECKING:
    from ._sender import Call

__all__ = ["build_request", "call_url", "missing_fixed_headers"]

# What needs neither quoting nor dot-segment removal: httpx would keep it as it is.
_PLAIN_PATH = re.compile(r"(?:/[A-Za-z0-9_\-]+)+")
_PLAIN_QUERY = re.compile(r"[A-Za-z0-9_.~%+=&\-]*")
_PROBE_PATH, _PROBE_QUERY = "/probe/1", "a=1&b=x%2By"
# base_url -> its parsed form, or None where only strings are safe.
_BASES: dict[str, Any] = {}
_UNKNOWN = object()


def _extended(base: Any, path: str, query: str | None) -> httpx.URL:
    # The parsed base is httpx's NamedTuple: made positionally, which costs a fraction of
    # _replace. _learn checks the result against httpx's own parse of the same URL.
    scheme, userinfo, host, port, base_path, _query, fragment = base
    url = object.__new__(httpx.URL)
    url._uri_reference = base._make(
        (scheme, userinfo, host, port, base_path + path, query, fragment)
    )
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


def missing_fixed_headers(http: httpx.Client | httpx.AsyncClient) -> dict[str, str] | None:
    """The fixed headers a caller's own httpx client does not send; None for the SDK's own.

    Computed once per sender: the SDK's clients carry them, so most requests merge nothing.
    """
    missing = {k: v for k, v in FIXED_HEADERS.items() if http.headers.get(k) != v}
    return missing or None


def build_request(
    http: httpx.Client | httpx.AsyncClient,
    options: ClientOptions,
    call: Call[Any],
    headers: dict[str, str] | None = None,
) -> httpx.Request:
    # Pagination follows absolute next links (already checked for same origin).
    absolute = call.path.startswith(("https://", "http://"))
    extras = call.extras
    params = {**call.params, **extras.query} if extras.query else call.params
    if extras.headers:
        headers = {**(headers or {}), **extras.headers}
    url: str | httpx.URL
    if absolute:
        url = call.path
        if params:
            # httpx would replace a next link's own query (its cursor) with ``params``.
            url, params = httpx.URL(url).copy_merge_params(params), {}
    elif not params:
        url = call_url(options.base_url, call.path)  # base_url: stripped once
    elif not http.params:
        # The query encoded as httpx encodes ``params=``, in the URL: httpx then need
        # not parse the URL again to add it (issue #17). Not with a caller's own client
        # that has default params, which httpx merges first.
        url, params = call_url(options.base_url, call.path, str(httpx.QueryParams(params))), {}
    else:
        url = options.base_url + call.path
    # The client's own timeout object unless a call or with_options() changed it: no copy.
    timeout = (
        extras.timeout
        if extras.timeout is not None
        else httpx.USE_CLIENT_DEFAULT
        if options.timeout == http.timeout
        else options.timeout
    )
    return http.build_request(
        call.method,
        url,
        params=params or None,
        json=call.json,
        headers=headers,
        timeout=timeout,
    )
