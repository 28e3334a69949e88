"""Pins of what _errors.py and _parse.py assume about responses (see overlay_pins.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sendcloud_integrations import _operations as ops
from sendcloud_integrations.testing._spec_reader import SpecView

from .overlay_pins import _fields, _gone, pin

# --- _errors.py -----------------------------------------------------------------------

ERROR_FIELDS = frozenset({"id", "links", "status", "code", "title", "detail", "source", "meta"})
ERRORS_REF = "#/components/schemas/errors"


@pin("_errors.py", "the JSON:API error format of every 4xx body (parse_error_details)")
def error_format(s: SpecView) -> list[str]:
    problems = [
        f"{op_id} {code}: body is not $ref errors"
        for op_id in s.operations()
        for code in s.responses(op_id)
        if code.startswith("4")
        and s.at(s.body(op_id, code, resolve=False), "$ref") is None
        and (s.body(op_id, code, resolve=False) or {}).get("$ref") != ERRORS_REF
    ]
    items = s.schema("errors", "errors", "[]") or {}
    if sorted(items.get("required") or []) != ["code", "detail", "status"]:
        problems.append(f"error objects require {items.get('required')}, not status/code/detail")
    source = frozenset({"pointer", "parameter", "header"})
    problems += _fields("ErrorObject", s.schema("ErrorObject"), ERROR_FIELDS, "ErrorDetail")
    problems += _fields("source", s.schema("ErrorObject", "source"), source, "ErrorDetail.source_*")
    return problems


@pin("_errors.py", "quirk: integer `status` in examples where the schema says string")
def quirk_integer_status(s: SpecView) -> list[str]:
    status_type = s.at(s.schema("ErrorObject", "status"), "type")
    ints = [w for w, error in s.error_examples() if isinstance(error.get("status"), int)]
    if status_type == "string" and ints:
        return []
    return [
        f"quirk fixed: ErrorObject.status is typed {status_type!r} and {len(ints)} example(s) "
        "send an integer; normalising an int status to str (_errors._opt_str) can go once "
        "the two agree"
    ]


@pin("_errors.py", "quirk: error codes in examples (extra_forbidden) missing from the enum")
def quirk_codes_outside_enum(s: SpecView) -> list[str]:
    enum = set(s.at(s.schema("ErrorObject", "code"), "enum") or [])
    outside = sorted({str(e.get("code")) for _, e in s.error_examples()} - enum)
    if enum and "extra_forbidden" in outside:
        return []
    return [
        f"quirk fixed: the code enum now covers the examples (outside it: {outside}); keeping "
        "ErrorDetail.code a plain string (_errors._detail_from) is no longer forced by the spec"
    ]


@pin("_errors.py", "quirk: `errors` typed [array, object] instead of an array")
def quirk_errors_array_or_object(s: SpecView) -> list[str]:
    errors_type = s.at(s.schema("errors", "errors"), "type")
    if sorted(errors_type or []) == ["array", "object"]:
        return []
    return [
        f"quirk fixed: errors is now typed {errors_type!r}; reading an object as a one-item "
        "list (_errors.parse_error_details) can go"
    ]


@pin("_errors.py", "quirk: 401 documented on no operation (mapped by status code alone)")
def quirk_401_undocumented(s: SpecView) -> list[str]:
    documented = sorted(op_id for op_id in s.operations() if "401" in s.responses(op_id))
    if not documented:
        return []
    return [
        f"quirk fixed: 401 is now documented on {documented}; check its body parses with "
        "parse_error_details, then error_for_response's status-only 401 mapping can go"
    ]


# --- _parse.py ------------------------------------------------------------------------

# (operation, its one success code, the body the _parse.py function for it expects)
SUCCESS_BODIES = [
    (ops.LIST_INTEGRATIONS, "200", "data: [integration-response-model]"),
    (ops.GET_INTEGRATION, "200", "data: integration-response-model"),
    (ops.UPDATE_INTEGRATION, "204", "no body"),
    (ops.DELETE_INTEGRATION, "204", "no body"),
    (ops.LIST_ALL_LOGS, "200", "data: [integration-log]"),
    (ops.LIST_INTEGRATION_LOGS, "200", "data: [integration-log]"),
    (ops.CREATE_LOG, "201", "data: integration-log"),
    (ops.GET_STATUSES, "200", "data: [object]"),
    (ops.REPLACE_STATUSES, "200", "null"),
    (ops.GET_MAPPING, "200", "data: object"),
    (ops.SET_MAPPING, "200", "null"),
]


def _name(s: SpecView, node: Any) -> str:
    ref = node.get("$ref") if isinstance(node, Mapping) else None
    return str(ref).rsplit("/", 1)[-1] if ref else str(s.at(node, "type"))


def body_shape(s: SpecView, op_id: str, code: str) -> str:
    """``data: [integration-log]``-style summary of a success body."""
    body = s.body(op_id, code)
    if body is None:
        return "no body"
    if body.get("type") == "null":
        return "null"
    data = (body.get("properties") or {}).get("data")
    if isinstance(data, Mapping) and "items" in data:
        return f"data: [{_name(s, data['items'])}]"
    return f"data: {_name(s, data)}"


@pin("_parse.py", "one success status and body per operation (one parse function each)")
def success_bodies(s: SpecView) -> list[str]:
    problems = _gone(s, *dict.fromkeys(op for op, _, _ in SUCCESS_BODIES))
    for op_id, code, want in SUCCESS_BODIES:
        codes = sorted(c for c in s.responses(op_id) if c.startswith("2"))
        if s.op(op_id) and codes != [code]:
            problems.append(f"{op_id} success codes are {codes}, not [{code}]")
        elif s.op(op_id) and (got := body_shape(s, op_id, code)) != want:
            problems.append(f"{op_id} {code} body is {got!r}, not {want!r}")
    return problems


@pin("_parse.py", "quirk: the integrations list `data` has `items` but no `type: array`")
def quirk_list_data_untyped(s: SpecView) -> list[str]:
    body = s.body(ops.LIST_INTEGRATIONS, "200") or {}
    data = (body.get("properties") or {}).get("data") or {}
    if "items" in data and "type" not in data:
        return []
    return [
        f"quirk fixed: the integrations list data is now {dict(data)}; _parse.integration_list "
        "can use the generated IntegrationListResponse instead of building each item"
    ]


@pin("_parse.py", "quirk: `type: 'null'` 200 bodies of the two shop-order-status POSTs")
def quirk_null_200_bodies(s: SpecView) -> list[str]:
    return [
        f"quirk fixed: {op_id} 200 is no longer `type: 'null'`; accepting an empty or null "
        "body there (_parse.no_content) can go"
        for op_id in filter(s.op, (ops.REPLACE_STATUSES, ops.SET_MAPPING))
        if s.at(s.body(op_id, "200"), "type") != "null"
    ]
