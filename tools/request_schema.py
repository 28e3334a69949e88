"""Emit the spec's request constraints and keyword types as two generated modules.

``tools/generate.py`` calls :func:`write_modules` after openapi-python-client, into
the same package directory, so ``generate check`` covers them like every other file:

- ``_request_schema.py``: ``SPEC_VERSION`` and, per operationId, the method, path,
  parameters and request body schema with every ``$ref`` inlined and prose dropped.
  The overlays' validator (``sendcloud_integrations._validation``) walks these.
- ``_request_types.py``: ``TypedDict``s for the facade's ``**fields`` and ``**query``
  keywords: one ``<Name>Body`` per JSON request body (nested ``...Item`` for array
  items that are objects) and one ``<Name>Query`` per operation with optional query
  parameters. ``<Name>`` is the operationId after its last ``-``, in PascalCase.

Nothing here names a schema or field of this spec: a new field, value or optional
parameter upstream reaches both modules through ``nox -s generate`` alone.
"""

from __future__ import annotations

import pprint
from collections.abc import Mapping
from pathlib import Path
from typing import Any

SCHEMA_MODULE = "_request_schema.py"
TYPES_MODULE = "_request_types.py"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# The JSON Schema keywords that constrain a value; the rest is prose or response-only.
KEEP = frozenset(
    {
        "type",
        "enum",
        "const",
        "format",
        "pattern",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "items",
        "minItems",
        "maxItems",
        "uniqueItems",
        "properties",
        "required",
        "additionalProperties",
        "allOf",
        "anyOf",
        "oneOf",
    }
)
HEADER = (
    '"""{doc}\n\n'
    'Written by tools/generate.py from openapi/integrations.yaml; never edit by hand.\n"""\n'
)


def _deref(
    spec: Mapping[str, Any], node: Any, seen: tuple[str, ...] = ()
) -> tuple[Any, tuple[str, ...]]:
    """The node a ``$ref`` points at (followed to the end), and the refs followed."""
    if isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in seen:  # a recursive schema: below this point, any JSON value
            return {}, seen
        target: Any = spec
        for token in ref.removeprefix("#/").split("/"):
            target = target[token.replace("~1", "/").replace("~0", "~")]
        return _deref(spec, target, (*seen, ref))
    return node, seen


def constraints(spec: Mapping[str, Any], node: Any, seen: tuple[str, ...] = ()) -> Any:
    """``node`` with refs inlined and only the constraining keywords kept."""
    node, seen = _deref(spec, node, seen)
    if not isinstance(node, Mapping):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key not in KEEP:
            continue
        if key == "properties":
            out[key] = {
                name: constraints(spec, sub, seen)
                for name, sub in value.items()
                if not (isinstance(sub, Mapping) and sub.get("readOnly"))
            }
        elif key in ("items", "additionalProperties") and isinstance(value, Mapping):
            out[key] = constraints(spec, value, seen)
        elif key in ("allOf", "anyOf", "oneOf"):
            out[key] = [constraints(spec, sub, seen) for sub in value]
        else:
            out[key] = value
    return out


def operations(spec: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """operationId -> method, path, parameters and body constraints."""
    found: dict[str, dict[str, Any]] = {}
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if not isinstance(op, Mapping):
                continue
            params: dict[str, dict[str, Any]] = {}
            for raw in [*item.get("parameters", []), *op.get("parameters", [])]:
                param, _ = _deref(spec, raw)
                params[f"{param['in']}:{param['name']}"] = {
                    "in": param["in"],
                    "name": param["name"],
                    "required": bool(param.get("required")),
                    "schema": constraints(spec, param.get("schema", {})),
                }
            body = None
            request_body = op.get("requestBody")
            if request_body is not None:
                request_body, _ = _deref(spec, request_body)
                media = (request_body.get("content") or {}).get("application/json")
                if media is not None:
                    body = constraints(spec, media.get("schema", {}))
            found[op["operationId"]] = {
                "method": method.upper(),
                "path": path,
                "parameters": list(params.values()),
                "body": body,
            }
    return found


def pascal(text: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in text.replace("-", "_").split("_"))


def base_name(operation_id: str) -> str:
    return pascal(operation_id.rsplit("-", 1)[-1])


class _Types:
    """Python annotations and TypedDict classes for constraint schemas."""

    def __init__(self) -> None:
        self.classes: list[str] = []

    def annotation(self, schema: Any, name: str) -> str:
        if not isinstance(schema, Mapping) or not schema:
            return "Any"
        types = schema.get("type")
        names = [types] if isinstance(types, str) else list(types or [])
        if not names:
            return "Any"
        parts = [self._one(t, schema, name) for t in names]
        # "Any" absorbs every other member of a union.
        return "Any" if "Any" in parts else " | ".join(dict.fromkeys(parts))

    def _one(self, json_type: str, schema: Mapping[str, Any], name: str) -> str:
        if json_type == "string":
            return "str | datetime.datetime" if schema.get("format") == "date-time" else "str"
        if json_type == "array":
            return f"Sequence[{self.annotation(schema.get('items'), name + 'Item')}]"
        if json_type == "object":
            if name.endswith("Item") and schema.get("properties"):
                return self.typed_dict(name, schema)
            return "Mapping[str, Any]"
        return {"integer": "int", "number": "float", "boolean": "bool", "null": "None"}.get(
            json_type, "Any"
        )

    def typed_dict(
        self,
        name: str,
        schema: Mapping[str, Any],
        skip: frozenset[str] = frozenset(),
        *,
        none_omits: bool = False,
    ) -> str:
        required = set(schema.get("required") or ())
        lines = [f"class {name}(TypedDict, total=False):", f'    """{name} (from the spec)."""', ""]
        fields = [(k, v) for k, v in (schema.get("properties") or {}).items() if k not in skip]
        for field, sub in fields:
            annotation = self.annotation(sub, name + pascal(field))
            if field in required:
                annotation = f"Required[{annotation}]"
            elif none_omits and "None" not in annotation.split(" | "):
                # The facade leaves out an optional query parameter passed as None.
                annotation = f"{annotation} | None"
            lines.append(f"    {field}: {annotation}")
        if not fields:
            lines.append("    pass")
        self.classes.append("\n".join(lines))
        return name


def types_module(ops: Mapping[str, Mapping[str, Any]]) -> str:
    types = _Types()
    for op_id, op in sorted(ops.items()):
        name = base_name(op_id)
        body = op["body"]
        if isinstance(body, Mapping) and body.get("properties"):
            types.typed_dict(f"{name}Body", body)
        optional = [p for p in op["parameters"] if p["in"] == "query" and not p["required"]]
        if optional:
            query = {"properties": {p["name"]: p["schema"] for p in optional}}
            types.typed_dict(f"{name}Query", query, none_omits=True)
    doc = "The facade's keyword types: one TypedDict per request body and optional query."
    head = [
        HEADER.format(doc=doc),
        "from __future__ import annotations",
        "",
        "import datetime",
        "from collections.abc import Mapping, Sequence",
        "from typing import Any, Required, TypedDict",
        "",
        "__all__ = [",
        *(f'    "{c.split("(")[0].removeprefix("class ")}",' for c in types.classes),
        "]",
    ]
    return "\n".join(head) + "\n\n\n" + "\n\n\n".join(types.classes) + "\n"


def schema_module(spec: Mapping[str, Any]) -> str:
    doc = "The spec's request constraints per operationId, $refs inlined, prose dropped."
    version = (spec.get("info") or {}).get("version")
    table = pprint.pformat(operations(spec), width=100, sort_dicts=False)
    return (
        HEADER.format(doc=doc)
        + "\nfrom typing import Any\n\n"
        + f"SPEC_VERSION = {version!r}\n\n"
        + f"OPERATIONS: dict[str, dict[str, Any]] = {table}\n"
    )


def write_modules(spec: Mapping[str, Any], package: Path) -> list[Path]:
    """Write both modules into ``package``; the caller formats them with ruff."""
    written = []
    for filename, text in (
        (SCHEMA_MODULE, schema_module(spec)),
        (TYPES_MODULE, types_module(operations(spec))),
    ):
        path = package / filename
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
