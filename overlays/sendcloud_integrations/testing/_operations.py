"""The eleven operations of the spec, over `State`. Callers hold ``state.lock``."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from typing import Any, cast
from urllib.parse import quote

from .. import _request_table as table
from ._clock import Clock
from ._http import (
    ApiError,
    ErrorItem,
    SandboxRequest,
    SandboxResponse,
    bad_request,
    empty_response,
    json_response,
    not_found,
)
from ._spec import API_PREFIX
from ._state import (
    EDITABLE,
    LOG_FIELDS,
    STATUS_CATEGORIES,
    Integration,
    LogRecord,
    ShopOrderStatus,
    State,
    epoch_micros,
)
from ._validate import parse_datetime


@dataclass(frozen=True)
class Context:
    state: State
    clock: Clock
    request: SandboxRequest


Params = dict[str, Any]
OperationFn = Callable[[Context, Params, Any], SandboxResponse]

# Sort keys as documented (v2 names), plus the v3 attribute names they stand for.
_SORT_FIELDS = {
    "integration_type": "type",
    "type": "type",
    "created_at": "created_at",
    "updated_at": "updated_at",
    "last_fetch": "last_fetched_at",
    "last_fetched_at": "last_fetched_at",
    "failing_since": "started_failing_at",
    "started_failing_at": "started_failing_at",
}


def _integration(state: State, integration_id: int) -> Integration:
    found = state.integrations.get(integration_id)
    if found is None:
        raise not_found()
    return found


def _status_integration(state: State, integration_id: int, *, in_body: bool) -> Integration:
    # The spec documents only 200 and 400 for the status endpoints, so an integration_id
    # that names no integration is a bad request here, as a serializer field rejects it.
    found = state.integrations.get(integration_id)
    if found is None:
        where = {"pointer": "body/integration_id"} if in_body else {"parameter": "integration_id"}
        raise bad_request(
            "invalid", "Invalid", f"Integration {integration_id} does not exist.", **where
        )
    return found


def list_integrations(ctx: Context, params: Params, body: Any) -> SandboxResponse:
    # Unknown sort keys are ignored, as Django REST framework's OrderingFilter does.
    keys = [k.strip() for k in str(params.get("sort") or "").split(",") if k.strip()]
    order = [(k.lstrip("-"), k.startswith("-")) for k in keys if k.lstrip("-") in _SORT_FIELDS]
    order = order or [("last_fetch", False), ("created_at", False)]
    rows = sorted(ctx.state.integrations.values(), key=lambda i: i.id)
    for name, descending in reversed(order):
        attr = _SORT_FIELDS[name]
        # NULLs last when ascending and first when descending, as PostgreSQL orders them.
        rows.sort(key=lambda i: (getattr(i, attr) is None, getattr(i, attr)), reverse=descending)
    return json_response(200, {"data": [i.to_json() for i in rows]})


def get_integration(ctx: Context, params: Params, body: Any) -> SandboxResponse:
    return json_response(200, {"data": _integration(ctx.state, params["id"]).to_json()})


def update_integration(ctx: Context, params: Params, body: Any) -> SandboxResponse:
    integration = _integration(ctx.state, params["id"])
    changes = {k: body[k] for k in EDITABLE if k in body}
    active = changes.get("webhook_active", integration.webhook_active)
    url = changes.get("webhook_url", integration.webhook_url)
    if active and not url:
        raise bad_request(
            "invalid",
            "Invalid",
            "Webhook URL required when enable webhook is set to true",
            pointer="body/webhook_url",
        )
    for name, value in changes.items():
        # A JSON array from the request body: stored as a copy of its items.
        value = list(cast("list[object]", value)) if isinstance(value, list) else value
        if hasattr(integration, name):
            setattr(integration, name, value)
        else:
            integration.extra[name] = value
    integration.updated_at = ctx.clock()
    return empty_response(204)


def delete_integration(ctx: Context, params: Params, body: Any) -> SandboxResponse:
    integration = _integration(ctx.state, params["id"])
    del ctx.state.integrations[integration.id]
    ctx.state.statuses.pop(integration.id, None)
    ctx.state.mappings.pop(integration.id, None)
    ctx.state.logs.drop_integration(integration.id)
    return empty_response(204)


_CURSOR = re.compile(r"^(?P<stamp>[^.]+?)(?:\.(?P<frac>\d+))?(?P<zone>[Zz]|[+-]\d{2}:\d{2})$")


def parse_cursor(cursor: str) -> tuple[int, int]:
    """A cursor is a date-time; fraction digits past the sixth carry the id tie-breaker."""
    m = _CURSOR.match(cursor)
    moment = parse_datetime(cursor)
    if m is None or moment is None:
        raise bad_request("invalid", "Invalid", "Invalid cursor.", parameter="cursor")
    extra = (m.group("frac") or "")[6:]
    return epoch_micros(moment), int(extra) if extra else 0


def make_cursor(record: LogRecord) -> str:
    """The cursor for the records after ``record``: its created_at, then its id."""
    utc = record.created_at.astimezone(UTC)
    return f"{utc:%Y-%m-%dT%H:%M:%S}.{utc.microsecond:06d}{record.id}Z"


def _list_logs(ctx: Context, params: Params, integration_id: int | None) -> SandboxResponse:
    size = params.get("page_size", 25)
    before = parse_cursor(params["cursor"]) if "cursor" in params else None
    records, more = ctx.state.logs.page(integration_id, before, size)
    headers: dict[str, str] = {}
    if more and records:
        path = (
            "/integrations/logs"
            if integration_id is None
            else f"/integrations/{integration_id}/logs"
        )
        cursor = quote(make_cursor(records[-1]), safe="")
        url = f"{ctx.request.origin}{API_PREFIX}{path}?cursor={cursor}&page_size={size}"
        headers["Link"] = f'<{url}>; rel="next"'
    return json_response(200, {"data": [r.to_json() for r in records]}, headers)


def list_all_logs(ctx: Context, params: Params, body: Any) -> SandboxResponse:
    return _list_logs(ctx, params, None)


def list_integration_logs(ctx: Context, params: Params, body: Any) -> SandboxResponse:
    return _list_logs(ctx, params, _integration(ctx.state, params["id"]).id)


def create_log(ctx: Context, params: Params, body: Any) -> SandboxResponse:
    integration = _integration(ctx.state, params["id"])
    given = body.get("created_at")
    created_at = parse_datetime(given) if isinstance(given, str) else None
    fields = {name: body.get(name) for name in LOG_FIELDS}
    fields["method"] = fields["method"] or ""  # the spec's default; the read schema is not nullable
    record = LogRecord(ctx.state.next_log_id(), integration.id, created_at or ctx.clock(), fields)
    ctx.state.logs.add(record)
    return json_response(201, {"data": record.to_json()})


def get_statuses(ctx: Context, params: Params, body: Any) -> SandboxResponse:
    integration = _status_integration(ctx.state, params["integration_id"], in_body=False)
    rows = ctx.state.statuses.get(integration.id, {}).values()
    shown = [s for s in rows if params.get("show_deleted") or s.deleted_at is None]
    language = params.get("language")
    return json_response(200, {"data": [s.to_json(language) for s in shown]})


def replace_statuses(ctx: Context, params: Params, body: Any) -> SandboxResponse:
    integration = _status_integration(ctx.state, body["integration_id"], in_body=True)
    current = ctx.state.statuses.setdefault(integration.id, {})
    now = ctx.clock()
    given: dict[str, dict[str, str]] = {}
    for item in body["statuses"]:  # a repeated external_id: the last one wins
        given[item["external_id"]] = {t["language"]: t["status"] for t in item["translations"]}
    for external_id, status in current.items():
        if external_id not in given and status.deleted_at is None:
            status.deleted_at = now
    for external_id, translations in given.items():
        current[external_id] = ShopOrderStatus(external_id, translations)
    return json_response(200, None)


def _is_valid(state: State, integration_id: int, external_id: str | None) -> bool:
    if external_id is None:
        return True
    status = state.statuses.get(integration_id, {}).get(external_id)
    return status is not None and status.deleted_at is None


def get_mapping(ctx: Context, params: Params, body: Any) -> SandboxResponse:
    integration = _status_integration(ctx.state, params["integration_id"], in_body=False)
    mapping = ctx.state.mappings.get(integration.id, {})
    entries = [
        {
            "status_category": category,
            "external_id": mapping.get(category),
            "is_valid": _is_valid(ctx.state, integration.id, mapping.get(category)),
        }
        for category in STATUS_CATEGORIES
    ]
    return json_response(200, {"data": {"integration_id": integration.id, "mapping": entries}})


def set_mapping(ctx: Context, params: Params, body: Any) -> SandboxResponse:
    integration = _status_integration(ctx.state, body["integration_id"], in_body=True)
    mapping = {item["status_category"]: item["external_id"] for item in body["mapping"]}
    if set(mapping) != set(STATUS_CATEGORIES):
        missing = ", ".join(c for c in STATUS_CATEGORIES if c not in mapping)
        raise ApiError(
            400,
            [
                ErrorItem(
                    "invalid",
                    "Invalid",
                    f"The mapping must hold every status category once; missing: {missing}",
                    pointer="body/mapping",
                )
            ],
        )
    ctx.state.mappings[integration.id] = mapping
    return json_response(200, None)


OPERATIONS: dict[str, OperationFn] = {
    table.LIST_INTEGRATIONS: list_integrations,
    table.GET_INTEGRATION: get_integration,
    table.UPDATE_INTEGRATION: update_integration,
    table.DELETE_INTEGRATION: delete_integration,
    table.LIST_ALL_LOGS: list_all_logs,
    table.LIST_INTEGRATION_LOGS: list_integration_logs,
    table.CREATE_LOG: create_log,
    table.GET_STATUSES: get_statuses,
    table.REPLACE_STATUSES: replace_statuses,
    table.GET_MAPPING: get_mapping,
    table.SET_MAPPING: set_mapping,
}
