"""What any request must be, validated or not: JSON, and a URL of a sendable length.

These hold with ``validate_requests=False`` too, and for the escape hatches: a value
that cannot be encoded is a RequestValidationError naming its path, never a bare
ValueError, TypeError or httpx.InvalidURL from deeper down.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping
from typing import Any, NoReturn, cast
from urllib.parse import urlencode

from ._errors import RequestValidationError

# Deeper than any body the spec describes; stops a self-containing dict with an
# error instead of a RecursionError.
MAX_DEPTH = 64
# The longest request target (path and query) sent. Servers commonly refuse longer
# request lines (nginx and Apache default to about 8 KiB); httpx refuses far longer
# ones with a bare InvalidURL.
MAX_URL_LENGTH = 8192


def fail(field: str, message: str) -> NoReturn:
    raise RequestValidationError(field, message)


def type_name(value: object) -> str:
    return type(value).__name__


def join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def check_text(field: str, value: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate cannot go into a JSON body or a URL; httpx would
        # fail later with a bare UnicodeEncodeError.
        fail(field, "must be valid Unicode text (it contains a lone surrogate)")
    return value


def check_json(where: str, value: object, depth: int = 0) -> Any:
    """``value`` as plain JSON (dict, list, str, int, finite float, bool, None), or refused."""
    if depth > MAX_DEPTH:
        fail(where, f"is nested deeper than {MAX_DEPTH} levels (a dict or list containing itself?)")
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            fail(where, f"must be a finite number; JSON has no {value!r}")
        return value
    if isinstance(value, str):
        return check_text(where, value)
    if isinstance(value, Mapping):
        # isinstance cannot name the key and item types; what we check them to be is below.
        mapping = cast("Mapping[object, object]", value)
        out: dict[str, Any] = {}
        for key, item in mapping.items():
            if not isinstance(key, str):
                fail(where, f"has a key {key!r} of type {type_name(key)}; JSON keys are strings")
            out[check_text(where, key)] = check_json(join(where, key), item, depth + 1)
        return out
    if isinstance(value, list | tuple):
        items = cast("list[object] | tuple[object, ...]", value)  # items are checked below
        return [check_json(f"{where}[{i}]", item, depth + 1) for i, item in enumerate(items)]
    kind = type_name(value)
    hint = " (convert it to a list)" if isinstance(value, set | frozenset) else ""
    hint = " (pass an ISO 8601 string)" if isinstance(value, datetime.date) else hint
    fail(where, f"cannot be sent as JSON: {kind}{hint}")


def check_query_length(path: str, params: Mapping[str, Any]) -> None:
    """Refuse a request target longer than MAX_URL_LENGTH before httpx sees it."""
    try:  # most calls have no query: nothing to encode
        length = len(path) + 1 + (len(urlencode(params, doseq=True)) if params else 0)
    except (TypeError, UnicodeEncodeError) as exc:
        fail("query", f"cannot be encoded into a URL: {exc}")
    if length > MAX_URL_LENGTH:
        longest = max(params, key=lambda k: len(str(params[k])), default="query")
        fail(
            longest,
            f"makes the URL {length} characters long; at most {MAX_URL_LENGTH} are sent",
        )
