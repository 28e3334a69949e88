"""Client-side checks of a request against the spec, run before anything is sent.

The constraints themselves (types, enums, lengths, bounds, formats, required
fields, additionalProperties, nested shapes) are not written here: they come
from the spec through generation (``sendcloud_integrations_api._request_schema``)
and :func:`check_schema` walks them. Only the rules the spec states in prose are
hand-written, each a named function in _rules.py, pinned in tests/overlay_pins.py.
The checks of one scalar (the string formats, the facade's own arguments) are in
_scalar_checks.py. Every failure is a RequestValidationError naming the path of the bad value.
"""

from __future__ import annotations

import contextvars
import datetime
import enum
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, cast

from ._encodable import (
    MAX_DEPTH,
    MAX_URL_LENGTH,
    check_json,
    check_query_length,
    check_text,
    fail,
    join,
    type_name,
)
from ._errors import RequestValidationError
from ._request_table import LIST_ALL_LOGS, param_schema
from ._scalar_checks import check_datetime, check_uri

__all__ = [
    "MAX_DEPTH",
    "MAX_URL_LENGTH",
    "PAGE_SIZE_MAX",
    "check_body",
    "check_json",
    "check_known",
    "check_page_size",
    "check_query_length",
    "check_schema",
    "check_text",
    "fail",
]

_TYPE_WORDS = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a bool",
    "array": "a list",
    "object": "a dict",
    "null": "None",
}


# --- the spec's constraints -----------------------------------------------------------

# An integer schema with only these keys is decided by _check_number alone.
_BOUNDS_ONLY = frozenset(
    {"type", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "description"}
)


def as_plain(value: object) -> object:
    """Generated models and enums as the JSON they stand for."""
    if isinstance(value, enum.Enum):
        return value.value
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if callable(to_dict) else value


def _is(json_type: str, value: object) -> bool:
    if json_type == "null":
        return value is None
    if json_type == "boolean":
        return isinstance(value, bool)
    if json_type == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if json_type == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if json_type == "string":
        return isinstance(value, str)
    if json_type == "object":
        return isinstance(value, Mapping)
    if json_type == "array":
        return isinstance(value, Iterable) and not isinstance(
            value, str | bytes | bytearray | Mapping | set | frozenset
        )
    return True


def check_schema(where: str, value: object, schema: Mapping[str, Any], depth: int = 0) -> Any:
    """``value`` checked against a generated constraint schema, as JSON ready to send."""
    if depth > MAX_DEPTH:
        fail(where, f"is nested deeper than {MAX_DEPTH} levels")
    if type(value) is int and schema.get("type") == "integer" and schema.keys() <= _BOUNDS_ONLY:
        # What the walk below comes to for an int and such a schema, without the walk: the
        # path ids and page sizes of every call (issue #17, per request).
        return _check_number(where, value, schema)
    value = as_plain(value)
    if isinstance(value, datetime.datetime) and schema.get("format") == "date-time":
        value = check_datetime(where, value)
    for sub in schema.get("allOf", ()):
        check_schema(where, value, sub, depth + 1)
    alternatives = schema.get("anyOf") or schema.get("oneOf")
    if alternatives:
        value = _first_match(where, value, alternatives, depth)
    types = schema.get("type")
    names = [types] if isinstance(types, str) else list(types or ())
    if not names and "properties" in schema:
        names = ["object"]
    if names:
        matching = next((t for t in names if _is(t, value)), None)
        if matching is None:
            wanted = " or ".join(_TYPE_WORDS.get(t, t) for t in names)
            fail(where, f"must be {wanted}, got {type_name(value)}")
    else:
        matching = None
    if "enum" in schema and value not in schema["enum"]:
        choices = ", ".join(str(c) for c in schema["enum"])
        fail(where, f"must be one of {choices}; got {value!r}")
    if "const" in schema and value != schema["const"]:
        fail(where, f"must be {schema['const']!r}, got {value!r}")
    if matching == "string":
        return _check_string(where, str(value), schema)
    if matching in ("integer", "number"):
        return _check_number(where, value, schema)
    if matching == "array":
        return _check_array(where, value, schema, depth)  # type: ignore[arg-type]
    if matching == "object":
        return _check_object(where, value, schema, depth)  # type: ignore[arg-type]
    return check_json(where, value, depth)


def _first_match(where: str, value: object, schemas: list[Any], depth: int) -> Any:
    errors: list[str] = []
    for sub in schemas:
        try:
            return check_schema(where, value, sub, depth + 1)
        except RequestValidationError as exc:
            errors.append(str(exc))
    fail(where, "matches none of the allowed shapes: " + "; ".join(errors))


def _check_string(where: str, text: str, schema: Mapping[str, Any]) -> str:
    check_text(where, text)
    low, high = schema.get("minLength"), schema.get("maxLength")
    if low is not None and len(text) < low:
        fail(where, f"must be at least {low} character(s) long")
    if high is not None and len(text) > high:
        fail(where, f"must be at most {high} characters long, got {len(text)}")
    if "pattern" in schema and not re.search(schema["pattern"], text):
        fail(where, f"must match {schema['pattern']!r}")
    fmt = schema.get("format")
    if fmt == "date-time":
        check_datetime(where, text)
    elif fmt == "uri":
        check_uri(where, text)
    return text


def _check_number(where: str, number: Any, schema: Mapping[str, Any]) -> Any:
    if isinstance(number, float) and not math.isfinite(number):
        fail(where, f"must be a finite number; JSON has no {number!r}")
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None and not low <= number <= high:
        fail(where, f"must be between {low} and {high}, got {number}")
    if low is not None and number < low:
        fail(where, f"must be >= {low}, got {number}")
    if high is not None and number > high:
        fail(where, f"must be <= {high}, got {number}")
    if "exclusiveMinimum" in schema and number <= schema["exclusiveMinimum"]:
        fail(where, f"must be > {schema['exclusiveMinimum']}, got {number}")
    if "exclusiveMaximum" in schema and number >= schema["exclusiveMaximum"]:
        fail(where, f"must be < {schema['exclusiveMaximum']}, got {number}")
    return number


def _check_array(
    where: str, items: Iterable[Any], schema: Mapping[str, Any], depth: int
) -> list[Any]:
    item_schema: Mapping[str, Any] = schema.get("items") or {}
    out = [
        check_schema(f"{where}[{i}]", item, item_schema, depth + 1) for i, item in enumerate(items)
    ]
    low, high = schema.get("minItems"), schema.get("maxItems")
    if (low is not None and len(out) < low) or (high is not None and len(out) > high):
        span = f"{low} to {high}" if low is not None and high is not None else f">= {low or 0}"
        if low is None:
            span = f"at most {high}"
        fail(where, f"must have {span} items, got {len(out)}")
    if schema.get("uniqueItems"):
        deferred = _unique_checks.get()
        if deferred is None:
            _check_unique(where, out)
        else:
            deferred.append(lambda: _check_unique(where, out))
    return out


# Inside check_body, uniqueItems checks wait until the prose rules have run: a rule
# such as "duplicate external_id" names the repeated field, not just the item.
_unique_checks: contextvars.ContextVar[list[Callable[[], None]] | None] = contextvars.ContextVar(
    "sendcloud_integrations_unique_checks", default=None
)


def _check_unique(where: str, items: list[Any]) -> None:
    seen: set[str] = set()
    for i, item in enumerate(items):
        key = json.dumps(item, sort_keys=True)
        if key in seen:
            fail(f"{where}[{i}]", "is a duplicate of an earlier item; the items must be unique")
        seen.add(key)


def check_body(
    value: Mapping[str, Any],
    schema: Mapping[str, Any],
    rules: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """A request body against its schema, then its prose rules, then uniqueItems."""
    deferred: list[Callable[[], None]] = []
    token = _unique_checks.set(deferred)
    try:
        body: dict[str, Any] = check_schema("", value, schema)
    finally:
        _unique_checks.reset(token)
    if rules is not None:
        rules(body)
    for check in deferred:
        check()
    return body


def _check_object(
    where: str, fields: Mapping[str, Any], schema: Mapping[str, Any], depth: int
) -> dict[str, Any]:
    properties: Mapping[str, Any] = schema.get("properties") or {}
    for name in schema.get("required", ()):
        if name not in fields:
            fail(join(where, name), "is required")
    extra = schema.get("additionalProperties", True)
    out: dict[str, Any] = {}
    for name, value in fields.items():
        here = join(where, str(name))
        if not isinstance(name, str):
            fail(where, f"has a key {name!r} of type {type_name(name)}; JSON keys are strings")
        if name in properties:
            out[name] = check_schema(here, value, properties[name], depth + 1)
        elif extra is False:
            known = ", ".join(sorted(properties))
            fail(here, f"unknown field; the spec allows only {known}")
        elif isinstance(extra, Mapping):
            # A generated schema: its keys are strings.
            out[name] = check_schema(here, value, cast("Mapping[str, Any]", extra), depth + 1)
        else:
            out[name] = check_json(here, value, depth + 1)
    return out


def check_known(fields: Iterable[str], allowed: Iterable[str]) -> None:
    """Keyword arguments are the spec's names: a typo fails here, not on the server."""
    allowed = sorted(allowed)
    for name in fields:
        if name not in allowed:
            fail(name, f"unknown argument; expected one of {', '.join(allowed)}")


# --- the log lists' paging arguments (used by _pagination.py) ---------------------------

_PAGE_SIZE = param_schema(LIST_ALL_LOGS, "query", "page_size")
PAGE_SIZE_MAX: int = _PAGE_SIZE["maximum"]


def check_page_size(value: object) -> int:
    size: int = check_schema("page_size", value, _PAGE_SIZE)
    return size
