"""One function per API operation: check the facade's own arguments, build the call.

What is generic to every call (the spec's constraints, the escape hatches, the
length checks, in that order) is in ``_call_building``; what stays here is what
differs per operation: its path ids, its body's shape, its prose rules. The sync
and async resources share these functions and differ only in I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from sendcloud_integrations_api.models.integration import Integration
    from sendcloud_integrations_api.models.integration_log import IntegrationLog
    from sendcloud_integrations_api.models.shop_order_status import ShopOrderStatus
    from sendcloud_integrations_api.models.status_mapping import StatusMapping

from . import _parse
from . import _request_table as table
from . import _rules as prose
from . import _validation as v
from ._call_building import build_call, check_query
from ._config import ClientOptions
from ._escape_hatches import Body, Query
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
from ._scalar_checks import check_int
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


def operation(*operation_ids: str) -> Callable[[F], F]:
    """Tag a facade method with the spec operationIds it calls (pinned by a test)."""

    def tag(func: F) -> F:
        func.__sendcloud_operations__ = operation_ids  # type: ignore[attr-defined]
        return func

    return tag


def list_integrations(
    options: ClientOptions, query: Query, extra: Extras = NO_EXTRAS, extra_body: Body | None = None
) -> Call[list[Integration]]:
    return build_call(
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
    integration_id = check_int("integration_id", integration_id, minimum=1)
    path = {"id": integration_id}
    return build_call(
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
    integration_id = check_int("integration_id", integration_id, minimum=1)
    if not fields and not extra_body:
        v.fail("fields", "give at least one field to update")
    return build_call(
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
    integration_id = check_int("integration_id", integration_id, minimum=1)
    path = {"id": integration_id}
    return build_call(
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
    integration_id = check_int("integration_id", integration_id, minimum=1)
    return build_call(
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
        checked = check_query(LIST_ALL_LOGS, options, rest)
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
    integration_id = check_int("integration_id", integration_id, minimum=1)
    given = {"integration_id": integration_id, **query}
    return build_call(
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
    integration_id = check_int("integration_id", integration_id, minimum=1)

    def rules(body: dict[str, Any]) -> None:
        prose.rule_unique_external_ids(body["statuses"])
        prose.rule_one_translation_per_language(body["statuses"])

    return build_call(
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
    integration_id = check_int("integration_id", integration_id, minimum=1)
    query = {"integration_id": integration_id}
    return build_call(
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
    integration_id = check_int("integration_id", integration_id, minimum=1)
    if options.validate_requests:
        item = table.body_schema(SET_MAPPING, "mapping", "[]")
        entries: object = prose.rule_every_status_category_once(mapping, item)
    elif isinstance(mapping, Mapping):
        # Unvalidated on request: the caller's keys and values are sent as they are.
        pairs = cast("Mapping[object, object]", mapping).items()
        entries = [{"status_category": k, "external_id": e} for k, e in pairs]
    else:
        entries = mapping
    return build_call(
        SET_MAPPING,
        options,
        _parse.no_content,
        body={"integration_id": integration_id, "mapping": entries},
        extra_body=extra_body,
        call_extras=extra,
    )
