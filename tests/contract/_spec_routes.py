"""What the spec says each operation takes: its route, parameters and body fields.

Used to name the operation behind a request, and to check that the
conformance cases send every parameter and every body field at least once.
Body fields are dotted paths; ``[]`` stands for "each item of an array"
(``statuses[].translations[].language``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sendcloud_integrations.testing._spec_reader import SpecView, resolve

from ..conftest import load_spec


@dataclass(frozen=True)
class SpecOperation:
    operation_id: str
    method: str
    template: str
    parameters: frozenset[str]
    body_fields: frozenset[str]


@functools.cache
def spec() -> dict[str, Any]:
    return load_spec()


def _resolve(node: Any) -> Any:
    # 3.1 allows siblings next to $ref: keep them, the target fills the rest.
    return resolve(spec(), node, keep_siblings=True)


def field_paths(schema: Any, prefix: str = "") -> Iterator[str]:
    """Every declared property path of a schema (through $ref, allOf and items)."""
    schema = _resolve(schema)
    if not isinstance(schema, dict):
        return
    for part in schema.get("allOf", []):
        yield from field_paths(part, prefix)
    for name, sub in schema.get("properties", {}).items():
        yield prefix + name
        yield from field_paths(sub, prefix + name + ".")
    if "items" in schema:
        yield from field_paths(schema["items"], prefix.removesuffix(".") + "[].")


def sent_paths(value: Any, prefix: str = "") -> Iterator[str]:
    """Every key path present in a JSON document, in the notation of field_paths."""
    if isinstance(value, dict):
        for name, sub in value.items():
            yield prefix + name
            yield from sent_paths(sub, prefix + name + ".")
    elif isinstance(value, list):
        for item in value:
            yield from sent_paths(item, prefix.removesuffix(".") + "[].")


@functools.cache
def operations() -> dict[str, SpecOperation]:
    view = SpecView(spec())
    result = {}
    for op_id, (method, template, _) in view.operations().items():
        body = view.request_body(op_id) or {}
        result[op_id] = SpecOperation(
            operation_id=op_id,
            method=method,
            template=template,
            parameters=frozenset(name for _, name in view.params(op_id)),
            body_fields=frozenset(field_paths(body.get("schema", {}))),
        )
    return result


@functools.cache
def _routes() -> list[tuple[str, re.Pattern[str], str]]:
    routes = []
    for op in operations().values():
        pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(op.template))
        routes.append((op.method, re.compile(f"^{pattern}$"), op.operation_id))
    # Literal segments win over parameters, as in Prism: /integrations/logs is not {id}.
    routes.sort(key=lambda route: route[1].pattern.count("[^/]+"))
    return routes


def operation_for(method: str, path: str) -> str:
    """The operationId that serves ``method path``, or a marker naming the unknown route."""
    for route_method, pattern, operation_id in _routes():
        if route_method == method and pattern.match(path):
            return operation_id
    return f"<no operation for {method} {path}>"


def coverage_gaps(sent: list[tuple[str, set[str], Any]]) -> list[str]:
    """What the spec declares that no request sent: ``(operationId, query names, body)``."""
    params: dict[str, set[str]] = {op: set() for op in operations()}
    fields: dict[str, set[str]] = {op: set() for op in operations()}
    gaps = []
    for operation_id, query, body in sent:
        if operation_id not in params:
            gaps.append(f"{operation_id}: not in the spec")
            continue
        params[operation_id].update(query)
        fields[operation_id].update(sent_paths(body))
    called = {operation_id for operation_id, _, _ in sent}
    for op_id, op in operations().items():
        if op_id not in called:
            gaps.append(f"{op_id}: never called")
        # Path parameters are in every request; query parameters must be sent by name.
        query_params = {p for p in op.parameters if f"{{{p}}}" not in op.template}
        gaps += [f"{op_id}: parameter {p} never sent" for p in sorted(query_params - params[op_id])]
        gaps += [
            f"{op_id}: body field {f} never sent" for f in sorted(op.body_fields - fields[op_id])
        ]
    return gaps
