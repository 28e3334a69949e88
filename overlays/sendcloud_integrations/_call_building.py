"""Building one checked call from an operation id and its arguments.

Method, path, parameters and body constraints come from the generated request
table (``_request_table``), so a change in the spec flows through regeneration.

Order of a call: the facade's own arguments (ids, checked by the caller in
``_operations``), then the spec's constraints (unless ``validate_requests=False``),
then the prose rules, then the escape hatches (``extra_query``, ``extra_body``)
merged on top, then the JSON and URL length checks that hold whatever was merged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

import httpx

from . import _request_table as table
from . import _validation as v
from ._config import ClientOptions
from ._escape_hatches import Body, mapping_argument, query_value
from ._sender import NO_EXTRAS, Call, Extras

# The facade names the spec's path `id` after what it is.
_PATH_ARGUMENT = {"id": "integration_id"}


def build_call(
    op_id: str,
    options: ClientOptions,
    parse: Callable[[httpx.Response], Any],
    *,
    path: Mapping[str, Any] | None = None,
    query: Mapping[str, Any] | None = None,
    body: Mapping[str, Any] | None = None,
    extra_body: Body | None = None,
    call_extras: Extras = NO_EXTRAS,
    rules: Callable[[dict[str, Any]], None] | None = None,
) -> Call[Any]:
    op = table.operation(op_id)
    url = op["path"]
    if path:
        for name, slot, schema in table.path_slots(op_id):
            value = path[name]
            if options.validate_requests:
                v.check_schema(_PATH_ARGUMENT.get(name, name), value, schema)
            # An int's digits never need quoting: skip quote() for the common path id.
            text = str(value) if type(value) is int else quote(str(value), safe="")
            url = url.replace(slot, text)
    params = check_query(op_id, options, query) if query else _no_query(op_id, options)
    json_body: dict[str, Any] | None = None
    if body is not None:
        json_body = _body(op_id, options, body, rules)
    if extra_body is not None:
        if op["body"] is None:
            v.fail("extra_body", f"{op['method']} {op['path']} takes no request body")
        json_body = {
            **(json_body or {}),
            **v.check_json("", mapping_argument("extra_body", extra_body)),
        }
    if params or call_extras.query:
        v.check_query_length(url, {**params, **call_extras.query})
    else:
        v.check_query_length(url, params)
    return Call(op["method"], url, parse, params, json_body, call_extras)


def _no_query(op_id: str, options: ClientOptions) -> dict[str, Any]:
    """The query of a call given none: empty, unless the spec requires a parameter."""
    if options.validate_requests:
        for name in table.required_query(op_id):
            v.fail(name, "is required")
    return {}


def check_query(op_id: str, options: ClientOptions, given: Mapping[str, Any]) -> dict[str, Any]:
    known = table.params(op_id, "query")
    out: dict[str, Any] = {}
    if options.validate_requests:
        v.check_known(given, known)
        for name, param in known.items():
            if param["required"] and given.get(name) is None:
                v.fail(name, "is required")
    for name, value in given.items():
        if value is None:
            continue  # an optional parameter left out
        if options.validate_requests:
            out[name] = v.check_schema(name, value, known[name]["schema"])
        else:
            out[name] = query_value(name, value)
    return out


def _body(
    op_id: str,
    options: ClientOptions,
    body: Mapping[str, Any],
    rules: Callable[[dict[str, Any]], None] | None,
) -> dict[str, Any]:
    if not options.validate_requests:
        checked: dict[str, Any] = v.check_json("", body)
        return checked
    schema = table.body_schema(op_id)
    v.check_known(body, schema.get("properties") or {})
    return v.check_body(body, schema, rules)
