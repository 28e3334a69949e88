"""One function per API operation: validate arguments, build the call.

Method, path, parameters and body constraints come from the generated request
table (``_request_table``), so a change in the spec flows through regeneration.
The sync and async resources share these functions and differ only in I/O.

Order of a call: the facade's own arguments (ids), then the spec's constraints
(unless ``validate_requests=False``), then the prose rules, then the escape
hatches (``extra_query``, ``extra_body``) merged on top, then the JSON and URL
length checks that hold whatever was merged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from urllib.parse import quote

import httpx

if TYPE_CHECKING:
    from sendcloud_integrations_api.models.integration import Integration
    from sendcloud_integrations_api.models.integration_log import IntegrationLog
    from sendcloud_integrations_api.models.shop_order_status import ShopOrderStatus
    from sendcloud_integrations_api.models.status_mapping import StatusMapping

from . import _parse
from . import _request_table as table
from . import _rules as prose
from . import _validation as v
from ._config import ClientOptions
from ._escape_hatches import Body, Query, mapping_argument, query_value
from ._request_table import (
    CREATE_LOG,
    DELETE_INTEGRATION,
    GET_INTEGRATION,
    GET_MAPPING,
    GET_STATUSES,
    LIST_ALL_LOGS,
    LIST_INTEGRATION_LOGS,
    LIST_INTEGRATIONS,
    REPLACE_STATUSES,
    SET_MAPPING,
    UPDATE_INTEGRATION,
)
from ._sender import NO_EXTRAS, Call, Extras

__all__ = [
    "CREATE_LOG",
    "DELETE_INTEGRATION",
    "GET_INTEGRATION",
    "GET_MAPPING",
    "GET_STATUSES",
    "LIST_ALL_LOGS",
    "LIST_INTEGRATIONS",
    "LIST_INTEGRATION_LOGS",
    "REPLACE_STATUSES",
    "SET_MAPPING",
    "UPDATE_INTEGRATION",
]


F = TypeVar("F", bound=Callable[..., Any])
# The facade names the spec's path `id` after what it is.
_PATH_ARGUMENT = {"id": "integration_id"}


def operation(*operation_ids: str) -> Callable[[F], F]:
    """Tag a facade method with the spec operationIds it calls (pinned by a test)."""

    def tag(func: F) -> F:
        func.__sendcloud_operations__ = operation_ids  # type: ignore[attr-defined]
        return func

    return tag


# --- building a call ------------------------------------------------------------------


def _call(
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
        for name, param in table.params(op_id, "path").items():
            value = path[name]
            if options.validate_requests:
                v.check_schema(_PATH_ARGUMENT.get(name, name), value, param["schema"])
            # An int's digits never need quoting: skip quote() for the common path id.
            text = str(value) if type(value) is int else quote(str(value), safe="")
            url = url.replace(f"{{{name}}}", text)
    params = _query(op_id, options, query) if query else _no_query(op_id, options)
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
        for name, param in table.params(op_id, "query").items():
            if param["required"]:
                v.fail(name, "is required")
    return {}


def _query(op_id: str, options: ClientOptions, given: Mapping[str, Any]) -> dict[str, Any]:
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


# --- the operations -------------------------------------------------------------------


def list_integrations(
    options: ClientOptions, query: Query, extra: Extras = NO_EXTRAS, extra_body: Body | None = None
) -> Call[list[Integration]]:
    return _call(
        LIST_INTEGRATIONS,
        options,
        _parse.integration_list,
        query=query,
        extra_body=extra_body,
        call_extras=extra,
    )


def get_integration(
    options: ClientOptions,
    integration_id: int,
    extra: Extras = NO_EXTRAS,
    extra_body: Body | None = None,
) -> Call[Integration]:
    integration_id = v.check_int("integration_id", integration_id, minimum=1)
    path = {"id": integration_id}
    return _call(
        GET_INTEGRATION,
        options,
        _parse.integration,
        path=path,
        extra_body=extra_body,
        call_extras=extra,
    )


def update_integration(
    options: ClientOptions,
    integration_id: int,
    fields: Body,
    extra: Extras = NO_EXTRAS,
    extra_body: Body | None = None,
) -> Call[None]:
    integration_id = v.check_int("integration_id", integration_id, minimum=1)
    if not fields and not extra_body:
        v.fail("fields", "give at least one field to update")
    return _call(
        UPDATE_INTEGRATION,
        options,
        _parse.no_content,
        path={"id": integration_id},
        body=fields,
        extra_body=extra_body,
        call_extras=extra,
        rules=prose.rule_webhook_url_with_webhook_active,
    )


def delete_integration(
    options: ClientOptions,
    integration_id: int,
    extra: Extras = NO_EXTRAS,
    extra_body: Body | None = None,
) -> Call[None]:
    integration_id = v.check_int("integration_id", integration_id, minimum=1)
    path = {"id": integration_id}
    return _call(
        DELETE_INTEGRATION,
        options,
        _parse.no_content,
        path=path,
        extra_body=extra_body,
        call_extras=extra,
    )


def create_log(
    options: ClientOptions,
    integration_id: int,
    fields: Body,
    extra: Extras = NO_EXTRAS,
    extra_body: Body | None = None,
) -> Call[IntegrationLog]:
    integration_id = v.check_int("integration_id", integration_id, minimum=1)
    return _call(
        CREATE_LOG,
        options,
        _parse.created_log,
        path={"id": integration_id},
        body=fields,
        extra_body=extra_body,
        call_extras=extra,
    )


def log_list_extras(
    options: ClientOptions, query: Query, extra: Extras, extra_body: Body | None = None
) -> tuple[dict[str, Any], Extras]:
    """Split a log list's query: the paginator's own (cursor, page_size), and the rest.

    The rest (parameters the spec adds later) is checked like any query and sent
    on every page, merged into the call's extras.
    """
    if extra_body is not None:
        op = table.operation(LIST_ALL_LOGS)
        v.fail("extra_body", f"{op['method']} {op['path']} takes no request body")
    paginator = {"cursor", "page_size"}
    own = {k: val for k, val in query.items() if k in paginator} if query else {}
    rest = {k: val for k, val in query.items() if k not in paginator} if query else {}
    if rest:
        checked = _query(LIST_ALL_LOGS, options, rest)
        extra = Extras(extra.headers, {**checked, **extra.query}, extra.timeout)
    v.check_query_length(table.operation(LIST_ALL_LOGS)["path"], {**own, **extra.query})
    return own, extra


def list_statuses(
    options: ClientOptions,
    integration_id: int,
    query: Query,
    extra: Extras = NO_EXTRAS,
    extra_body: Body | None = None,
) -> Call[list[ShopOrderStatus]]:
    integration_id = v.check_int("integration_id", integration_id, minimum=1)
    given = {"integration_id": integration_id, **query}
    return _call(
        GET_STATUSES,
        options,
        _parse.shop_order_statuses,
        query=given,
        extra_body=extra_body,
        call_extras=extra,
    )


def replace_statuses(
    options: ClientOptions,
    integration_id: int,
    statuses: object,
    extra: Extras = NO_EXTRAS,
    extra_body: Body | None = None,
) -> Call[None]:
    integration_id = v.check_int("integration_id", integration_id, minimum=1)

    def rules(body: dict[str, Any]) -> None:
        prose.rule_unique_external_ids(body["statuses"])
        prose.rule_one_translation_per_language(body["statuses"])

    return _call(
        REPLACE_STATUSES,
        options,
        _parse.no_content,
        body={"integration_id": integration_id, "statuses": statuses},
        extra_body=extra_body,
        call_extras=extra,
        rules=rules,
    )


def get_mapping(
    options: ClientOptions,
    integration_id: int,
    extra: Extras = NO_EXTRAS,
    extra_body: Body | None = None,
) -> Call[StatusMapping]:
    integration_id = v.check_int("integration_id", integration_id, minimum=1)
    query = {"integration_id": integration_id}
    return _call(
        GET_MAPPING,
        options,
        _parse.status_mapping,
        query=query,
        extra_body=extra_body,
        call_extras=extra,
    )


def set_mapping(
    options: ClientOptions,
    integration_id: int,
    mapping: object,
    extra: Extras = NO_EXTRAS,
    extra_body: Body | None = None,
) -> Call[None]:
    integration_id = v.check_int("integration_id", integration_id, minimum=1)
    if options.validate_requests:
        item = table.body_schema(SET_MAPPING, "mapping", "[]")
        entries: object = prose.rule_every_status_category_once(mapping, item)
    elif isinstance(mapping, Mapping):
        # Unvalidated on request: the caller's keys and values are sent as they are.
        pairs = cast("Mapping[object, object]", mapping).items()
        entries = [{"status_category": k, "external_id": e} for k, e in pairs]
    else:
        entries = mapping
    return _call(
        SET_MAPPING,
        options,
        _parse.no_content,
        body={"integration_id": integration_id, "mapping": entries},
        extra_body=extra_body,
        call_extras=extra,
    )
