"""The generated request table of the spec, looked up by the facade's operations.

``sendcloud_integrations_api._request_schema`` is written by tools/generate.py from
the spec (never by hand); this module only names the operations the facade calls
and finds a parameter or body schema in that table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sendcloud_integrations_api._request_schema import OPERATIONS

LIST_INTEGRATIONS = "sc-public-v3-integrations-get-list_integrations"
GET_INTEGRATION = "sc-public-v3-integrations-get-retrieve_integration"
UPDATE_INTEGRATION = "sc-public-v3-integrations-patch-update_integration"
DELETE_INTEGRATION = "sc-public-v3-integrations-delete-delete_integration"
LIST_ALL_LOGS = "sc-public-v3-integrations-get-retrieve_integrations_logs"
LIST_INTEGRATION_LOGS = "sc-public-v3-integrations-get-retrieve_integration_logs"
CREATE_LOG = "sc-public-v3-integrations-post-create_integration_logs"
GET_STATUSES = "sc-public-v3-integrations-get-shop_order_statuses"
REPLACE_STATUSES = "sc-public-v3-integrations-post-shop_order_statuses"
GET_MAPPING = "sc-public-v3-integrations-get-shop_order_statuses_mapping"
SET_MAPPING = "sc-public-v3-integrations-post-shop_order_statuses_mapping"


def operation(op_id: str) -> Mapping[str, Any]:
    return OPERATIONS[op_id]


# Built once per operation and location: every call looks its parameters up here.
_PARAMS: dict[tuple[str, str], Mapping[str, Mapping[str, Any]]] = {}


def params(op_id: str, where: str) -> Mapping[str, Mapping[str, Any]]:
    """name -> parameter entry (``required``, ``schema``) of one location (do not mutate)."""
    found = _PARAMS.get((op_id, where))
    if found is None:
        found = {p["name"]: p for p in OPERATIONS[op_id]["parameters"] if p["in"] == where}
        _PARAMS[op_id, where] = found
    return found


# Built once per operation: what every call of it looks up.
_PATH_SLOTS: dict[str, tuple[tuple[str, str, Mapping[str, Any]], ...]] = {}
_REQUIRED_QUERY: dict[str, tuple[str, ...]] = {}


def path_slots(op_id: str) -> tuple[tuple[str, str, Mapping[str, Any]], ...]:
    """(name, its ``{name}`` in the path, schema) of each path parameter."""
    found = _PATH_SLOTS.get(op_id)
    if found is None:
        slots = params(op_id, "path").items()
        found = _PATH_SLOTS[op_id] = tuple((n, f"{{{n}}}", p["schema"]) for n, p in slots)
    return found


def required_query(op_id: str) -> tuple[str, ...]:
    """The names of the query parameters the operation requires."""
    found = _REQUIRED_QUERY.get(op_id)
    if found is None:
        query = params(op_id, "query").items()
        found = _REQUIRED_QUERY[op_id] = tuple(n for n, p in query if p["required"])
    return found


def param_schema(op_id: str, where: str, name: str) -> Mapping[str, Any]:
    schema: Mapping[str, Any] = params(op_id, where)[name]["schema"]
    return schema


def body_schema(op_id: str, *path: str) -> Mapping[str, Any]:
    """The body schema, or the part of it at ``path`` (property names, ``[]`` for items)."""
    node: Any = OPERATIONS[op_id]["body"] or {}
    for step in path:
        node = node.get("items", {}) if step == "[]" else node.get("properties", {}).get(step, {})
    result: Mapping[str, Any] = node
    return result
