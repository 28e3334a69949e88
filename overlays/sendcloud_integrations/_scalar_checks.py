"""Checks of one scalar value: the spec's string formats and the facade's own arguments.

The formats (``date-time``, ``uri``) are what the schema walk in _validation.py
calls for a string so marked; the int, str and id checks guard arguments the
facade takes itself (path ids, ``limit``, ``max_pages``, a paginator's cursor),
before any schema is consulted. Every failure is a RequestValidationError naming
the field.
"""

from __future__ import annotations

import datetime
import re

from ._encodable import check_text, fail, type_name

_RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")


# --- formats --------------------------------------------------------------------------


def check_datetime(field: str, value: object) -> str:
    """An RFC 3339 date-time (the spec's ``format: date-time``), offset included."""
    if isinstance(value, datetime.datetime):
        if value.utcoffset() is None:
            fail(field, "must be timezone-aware (a naive datetime has no offset)")
        return value.isoformat()
    if isinstance(value, str):
        if not _RFC3339.fullmatch(value):
            fail(field, f"must be an RFC 3339 date-time with an offset, got {value!r}")
        try:
            datetime.datetime.fromisoformat(value.replace("z", "Z"))
        except ValueError:
            fail(field, f"is not a valid date-time: {value!r}")
        return value
    fail(field, f"must be a datetime or an RFC 3339 string, got {type_name(value)}")


def check_uri(field: str, value: object) -> str:
    """An absolute RFC 3986 URI (the spec's ``format: uri``)."""
    if not isinstance(value, str):
        fail(field, f"must be a string, got {type_name(value)}")
    # Imported here: its patterns take most of a millisecond to compile, and a program's
    # first call is rarely the one that sends a URI (issue #17, cold start).
    from ._uri import uri_problem

    problem = uri_problem(check_text(field, value))
    if problem:
        fail(field, problem)
    return value


# --- small checks the facade's own arguments use ----------------------------------------


def check_int(field: str, value: object, *, minimum: int | None = None) -> int:
    # bool is an int subclass; True as an id is a bug, not a 1.
    if not isinstance(value, int) or isinstance(value, bool):
        fail(field, f"must be an integer, got {type_name(value)}")
    if minimum is not None and value < minimum:
        fail(field, f"must be >= {minimum}, got {value}")
    return value


def check_str(field: str, value: object, *, min_len: int = 0) -> str:
    if not isinstance(value, str):
        fail(field, f"must be a string, got {type_name(value)}")
    check_text(field, value)
    if len(value) < min_len:
        fail(field, f"must be at least {min_len} character(s) long")
    return value


def check_id(field: str, value: object) -> int:
    """An integration id: the spec's path ids are integers >= 1."""
    return check_int(field, value, minimum=1)
