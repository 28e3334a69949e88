"""Read-only lookups in a spec dict that follow local $refs and never raise on absence.

The pins run on modified copies of the spec (tests/test_update_spec.py), where any part
may be missing; a lookup of something absent gives None so the pin can say what is gone.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


class SpecView:
    """Lookups by operationId and by component schema path."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = spec

    def resolve(self, node: Any) -> Any:
        """Follow ``$ref`` until a node without one (None when a target is missing)."""
        for _ in range(50):
            if not (isinstance(node, Mapping) and isinstance(node.get("$ref"), str)):
                return node
            node = self.at(self.spec, *node["$ref"].removeprefix("#/").split("/"))
        raise ValueError("$ref cycle")

    def at(self, node: Any, *path: str) -> Any:
        """``node[path[0]][path[1]]...``, resolving $refs on the way; None if absent."""
        for part in path:
            node = self.resolve(node)
            if not isinstance(node, Mapping) or part not in node:
                return None
            node = node[part]
        return self.resolve(node)

    def operations(self) -> dict[str, tuple[str, str, Mapping[str, Any]]]:
        """operationId -> (METHOD, path, operation)."""
        return {
            op["operationId"]: (method.upper(), path, op)
            for path, item in (self.spec.get("paths") or {}).items()
            for method, op in item.items()
            if method in METHODS and isinstance(op, Mapping) and "operationId" in op
        }

    def op(self, op_id: str) -> Mapping[str, Any] | None:
        found = self.operations().get(op_id)
        return found[2] if found else None

    def params(self, op_id: str) -> dict[tuple[str, str], Mapping[str, Any]]:
        """(in, name) -> parameter, path-level ones included; empty if the operation is gone."""
        found = self.operations().get(op_id)
        if found is None:
            return {}
        _, path, op = found
        raw = [*self.spec["paths"][path].get("parameters", []), *op.get("parameters", [])]
        return {(p["in"], p["name"]): p for p in map(self.resolve, raw)}

    def param_schema(self, op_id: str, where: str, name: str) -> Any:
        return self.at(self.params(op_id).get((where, name)), "schema")

    def responses(self, op_id: str) -> Mapping[str, Any]:
        return {str(k): v for k, v in (self.at(self.op(op_id), "responses") or {}).items()}

    def body(self, op_id: str, code: str, *, resolve: bool = True) -> Any:
        """The JSON schema of a response (``$ref`` resolved unless ``resolve=False``)."""
        media = self.at(self.responses(op_id).get(code), "content", "application/json")
        raw = media.get("schema") if isinstance(media, Mapping) else None
        return self.resolve(raw) if resolve else raw

    def schema(self, name: str, *fields: str) -> Any:
        """A component schema, or a field inside it: ``schema("x", "data", "[]", "id")``."""
        node = self.at(self.spec, "components", "schemas", name)
        for field in fields:
            node = self.at(node, "items") if field == "[]" else self.at(node, "properties", field)
        return node

    def response_examples(self) -> Iterator[tuple[str, str, str, Any]]:
        """(owner, code, example name, value) of every response example, component ones too."""
        owners = [("components", self.at(self.spec, "components", "responses") or {})]
        owners += [(op_id, self.responses(op_id)) for op_id in self.operations()]
        for owner, by_code in owners:
            for code, response in by_code.items():
                media = self.at(response, "content", "application/json") or {}
                for name, example in (media.get("examples") or {}).items():
                    yield owner, str(code), name, self.resolve(example).get("value")

    def error_examples(self) -> list[tuple[str, Mapping[str, Any]]]:
        """(where, error object) for every error object in every response example."""
        found = []
        for owner, code, name, value in self.response_examples():
            errors = value.get("errors") if isinstance(value, Mapping) else None
            for error in errors if isinstance(errors, list) else []:
                found.append((f"{owner} {code} {name}", error))
        return found
