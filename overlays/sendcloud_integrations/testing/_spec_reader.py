"""The one reader of a parsed OpenAPI document: $ref resolution and lookups by operationId.

The sandbox routes with it (``_spec.py``); the tests, their pins and the tools
(``tools/surface_build.py``) read the spec through it too, so there is one
notion of what a ``$ref``, an operation or its parameters are. It takes the
parsed document and never reads files: loading is the caller's business.

Two ways to follow a ``$ref``: :func:`resolve` is strict (a dangling or
non-local reference raises), for code that must not guess; :class:`SpecView`
is lenient (an absent target is None), for pins that run on modified copies
of the spec and must say what is gone rather than crash.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, cast

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_MAX_HOPS = 50


def as_mapping(node: object) -> Mapping[str, Any] | None:
    """``node`` as a JSON object (string keys, as YAML and JSON give), or None."""
    return cast("Mapping[str, Any]", node) if isinstance(node, Mapping) else None


def _ref(node: object) -> str | None:
    found = as_mapping(node)
    ref = found.get("$ref") if found is not None else None
    return ref if isinstance(ref, str) else None


def _tokens(ref: str) -> list[str]:
    # RFC 6901: ~1 is "/", ~0 is "~", decoded in that order.
    return [t.replace("~1", "/").replace("~0", "~") for t in ref.removeprefix("#/").split("/")]


def escape(token: str) -> str:
    """A JSON pointer token for ``token`` (``/integrations/{id}`` -> ``~1integrations~1{id}``)."""
    return token.replace("~", "~0").replace("/", "~1")


def pointer(doc: Mapping[str, Any], ref: str) -> Any:
    """The node a local ``#/...`` reference points at; ValueError/KeyError otherwise."""
    if not ref.startswith("#/"):
        raise ValueError(f"only local $ref is supported, got {ref!r}")
    node: Any = doc
    for token in _tokens(ref):
        node = node[token]
    return node


def resolve(doc: Mapping[str, Any], node: Any, *, keep_siblings: bool = False) -> Any:
    """Follow ``$ref`` until a node without one (strict: a dangling reference raises).

    ``keep_siblings``: OpenAPI 3.1 allows keys beside ``$ref``; keep them over the
    target's (a description or example next to a reference).
    """
    for _ in range(_MAX_HOPS):
        ref = _ref(node)
        if ref is None:
            return node
        target = pointer(doc, ref)
        found = as_mapping(target)
        if keep_siblings and found is not None:
            siblings = {k: v for k, v in cast("Mapping[str, Any]", node).items() if k != "$ref"}
            target = {**found, **siblings}
        node = target
    raise ValueError("$ref cycle")


class SpecView:
    """Lenient lookups by operationId and component schema path; absent parts give None."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = spec

    def resolve(self, node: Any) -> Any:
        """Follow ``$ref`` until a node without one (None when a target is missing)."""
        for _ in range(_MAX_HOPS):
            ref = _ref(node)
            if ref is None:
                return node
            node = self.at(self.spec, *_tokens(ref)) if ref.startswith("#/") else None
        raise ValueError("$ref cycle")

    def at(self, node: Any, *path: str) -> Any:
        """``node[path[0]][path[1]]...``, resolving $refs on the way; None if absent."""
        for part in path:
            found = as_mapping(self.resolve(node))
            if found is None or part not in found:
                return None
            node = found[part]
        return self.resolve(node)

    def operations(self) -> dict[str, tuple[str, str, Mapping[str, Any]]]:
        """operationId -> (METHOD, path, operation), in the spec's order."""
        found: dict[str, tuple[str, str, Mapping[str, Any]]] = {}
        for path, item in (as_mapping(self.spec.get("paths")) or {}).items():
            for method, raw in (as_mapping(item) or {}).items():
                op = as_mapping(raw)
                if method in METHODS and op is not None and "operationId" in op:
                    found[op["operationId"]] = (method.upper(), path, op)
        return found

    def op(self, op_id: str) -> Mapping[str, Any] | None:
        found = self.operations().get(op_id)
        return found[2] if found else None

    def params(self, op_id: str) -> dict[tuple[str, str], Mapping[str, Any]]:
        """(in, name) -> parameter, path-level ones first and overridden by the operation's."""
        found = self.operations().get(op_id)
        if found is None:
            return {}
        _, path, op = found
        raw = [*self.spec["paths"][path].get("parameters", []), *op.get("parameters", [])]
        return {(p["in"], p["name"]): p for p in map(self.resolve, raw)}

    def param_schema(self, op_id: str, where: str, name: str) -> Any:
        return self.at(self.params(op_id).get((where, name)), "schema")

    def request_body(self, op_id: str) -> Mapping[str, Any] | None:
        """The ``application/json`` media object of the request body, if any."""
        return as_mapping(self.at(self.op(op_id), "requestBody", "content", "application/json"))

    def responses(self, op_id: str) -> Mapping[str, Any]:
        found = as_mapping(self.at(self.op(op_id), "responses")) or {}
        # YAML reads a status code such as 200 as an int.
        return {str(code): response for code, response in found.items()}

    def body(self, op_id: str, code: str, *, resolve: bool = True) -> Any:
        """The JSON schema of a response (``$ref`` resolved unless ``resolve=False``)."""
        media = as_mapping(self.at(self.responses(op_id).get(code), "content", "application/json"))
        raw = media.get("schema") if media is not None else None
        return self.resolve(raw) if resolve else raw

    def schema(self, name: str, *fields: str) -> Any:
        """A component schema, or a field inside it: ``schema("x", "data", "[]", "id")``."""
        node = self.at(self.spec, "components", "schemas", name)
        for field in fields:
            node = self.at(node, "items") if field == "[]" else self.at(node, "properties", field)
        return node

    def response_examples(self) -> Iterator[tuple[str, str, str, Any]]:
        """(owner, code, example name, value) of every response example, component ones too."""
        components = as_mapping(self.at(self.spec, "components", "responses")) or {}
        owners = [("components", components)]
        owners += [(op_id, self.responses(op_id)) for op_id in self.operations()]
        for owner, by_code in owners:
            for code, response in by_code.items():
                media = as_mapping(self.at(response, "content", "application/json")) or {}
                for name, example in (as_mapping(media.get("examples")) or {}).items():
                    value = (as_mapping(self.resolve(example)) or {}).get("value")
                    yield owner, str(code), name, value

    def error_examples(self) -> list[tuple[str, Any]]:
        """(where, error object) for every error object in every response example."""
        found: list[tuple[str, Any]] = []
        for owner, code, name, value in self.response_examples():
            body = as_mapping(value)
            errors: object = body.get("errors") if body is not None else None
            items = cast("Sequence[Any]", errors) if isinstance(errors, list) else ()
            found += [(f"{owner} {code} {name}", error) for error in items]
        return found
