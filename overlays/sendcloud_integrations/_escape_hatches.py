"""The escape hatches of every resource method (openai-python's convention).

``extra_headers`` and ``extra_query`` are checked here to be sendable, ``timeout`` to
be one; ``extra_body`` is merged by ``_operations`` after the known fields are validated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, cast

import httpx

from . import _validation as v
from ._config import as_timeout
from ._sender import NO_EXTRAS, Extras

Headers = Mapping[str, str]
Query = Mapping[str, object]
Body = Mapping[str, object]
Timeout = float | httpx.Timeout | None
# RFC 9110 field names are tokens; values may not break the header line.
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_FIELD_VALUE = re.compile(r"[\t\x20-\x7e]*")


def extras(extra_headers: Headers | None, extra_query: Query | None, timeout: Timeout) -> Extras:
    """The checked escape hatches of one call (``extra_body`` goes into the body)."""
    if extra_headers is None and extra_query is None and timeout is None:
        return NO_EXTRAS
    headers: dict[str, str] = {}
    for name, value in mapping_argument("extra_headers", extra_headers).items():
        if not isinstance(name, str) or not _TOKEN.fullmatch(name):
            v.fail("extra_headers", f"{name!r} is not a valid HTTP header name")
        if not isinstance(value, str) or not _FIELD_VALUE.fullmatch(value):
            v.fail(f"extra_headers.{name}", "must be a string of printable ASCII, no line breaks")
        headers[name] = value
    query = {
        name: query_value(f"extra_query.{name}", value)
        for name, value in mapping_argument("extra_query", extra_query).items()
    }
    if timeout is not None and not isinstance(timeout, int | float | httpx.Timeout):
        v.fail("timeout", f"must be seconds or an httpx.Timeout, got {type(timeout).__name__}")
    return Extras(headers, query, None if timeout is None else as_timeout(timeout))


def mapping_argument(field: str, value: object) -> Mapping[Any, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        v.fail(field, f"must be a dict, got {type(value).__name__}")
    return cast("Mapping[object, object]", value)  # a caller's dict: checked where used


def query_value(field: str, value: object) -> Any:
    if isinstance(value, list | tuple):
        items = cast("list[object] | tuple[object, ...]", value)  # each item is checked below
        return [query_value(f"{field}[{i}]", item) for i, item in enumerate(items)]
    if value is not None and not isinstance(value, str | int | float):
        v.fail(field, f"must be a string, number, bool or None, got {type(value).__name__}")
    return v.check_json(field, value)
