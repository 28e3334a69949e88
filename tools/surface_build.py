"""Build the API surface of a parsed OpenAPI 3.1 spec (see tools/api_surface.py)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sendcloud_integrations.testing._spec_reader import METHODS, pointer, resolve
from surface_text import FLAGS, SCHEMA_KEYS, Attrs, Key, Surface


def _ref_name(ref: str) -> str:
    prefix = "#/components/schemas/"
    return ref[len(prefix) :] if ref.startswith(prefix) else ref


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, Mapping):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _reachable(spec: Mapping[str, Any], roots: list[Any]) -> set[str]:
    """Component schema names reachable from ``roots`` through any $ref."""
    found: set[str] = set()
    todo = list(roots)
    while todo:
        for ref in _refs(todo.pop()):
            target = pointer(spec, ref)
            name = _ref_name(ref)
            if ref.startswith("#/components/schemas/"):
                if name in found:
                    continue
                found.add(name)
            todo.append(target)
    return found


def _types(schema: Mapping[str, Any]) -> tuple[str, bool]:
    raw = schema.get("type")
    types = [raw] if isinstance(raw, str) else list(raw or [])
    base = [t for t in types if t != "null"]
    if not base:
        return ("null" if "null" in types else "any"), False
    return "|".join(base), "null" in types


def _merge_all_of(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> dict[str, Any]:
    """``allOf`` parts merged into one schema; refs of the parts go to ``allOf``."""
    merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    names: list[str] = []
    props: dict[str, Any] = {}
    required: list[str] = []
    for part in schema["allOf"]:
        if "$ref" in part:
            names.append(_ref_name(part["$ref"]))
        resolved = pointer(spec, part["$ref"]) if "$ref" in part else part
        if "allOf" in resolved:
            resolved = _merge_all_of(spec, resolved)
        props.update(resolved.get("properties", {}))
        required += resolved.get("required", [])
        for key, value in resolved.items():
            if key not in ("properties", "required", "title", "description", "allOf"):
                merged.setdefault(key, value)
    props.update(schema.get("properties", {}))
    merged["properties"] = props
    merged["required"] = list(dict.fromkeys(required + list(schema.get("required", []))))
    if names:
        merged["allOf"] = names
    merged.pop("$ref", None)
    return merged


def _schema_attrs(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> Attrs:
    type_, nullable = _types(schema)
    attrs: Attrs = {"type": type_}
    if nullable:
        attrs["nullable"] = True
    if "$ref" in schema:
        attrs["ref"] = _ref_name(schema["$ref"])
        if "type" not in schema:
            # A pure $ref has the type of its target.
            attrs["type"] = _types(pointer(spec, schema["$ref"]))[0]
    for key in SCHEMA_KEYS:
        if key in schema and key not in attrs:
            value = schema[key]
            if key == "additionalProperties" and not isinstance(value, bool):
                continue
            if key in ("enum", "allOf"):
                value = tuple(value)
            if key in FLAGS and value is False:
                continue
            attrs[key] = value
    return attrs


def _flatten(
    spec: Mapping[str, Any], schema: Any, key: Key, out: Surface, extra: Attrs | None = None
) -> None:
    if not isinstance(schema, Mapping):
        schema = {}
    if "allOf" in schema:
        schema = _merge_all_of(spec, schema)
    attrs = _schema_attrs(spec, schema)
    if extra:
        attrs = {"type": attrs.pop("type"), **extra, **attrs}
    required = set(schema.get("required", []))
    props = schema.get("properties", {})
    orphans = sorted(required - set(props))
    if orphans:
        attrs["required-unknown"] = tuple(orphans)
    out[key] = attrs
    if "$ref" in schema:
        return  # the component is listed on its own
    for name in sorted(props):
        _flatten(spec, props[name], (*key, f".{name}"), out, {"required": name in required})
    if isinstance(schema.get("items"), Mapping):
        _flatten(spec, schema["items"], (*key, "[]"), out)
    if isinstance(schema.get("additionalProperties"), Mapping):
        _flatten(spec, schema["additionalProperties"], (*key, "{*}"), out)
    for combiner in ("oneOf", "anyOf"):
        for i, part in enumerate(schema.get(combiner, [])):
            _flatten(spec, part, (*key, f"{combiner}[{i}]"), out)


def _security(requirements: list[Mapping[str, list[str]]] | None) -> tuple[str, ...]:
    if requirements is None:
        return ()
    alternatives = []
    for req in requirements:
        parts = [f"{name}({','.join(scopes)})" if scopes else name for name, scopes in req.items()]
        alternatives.append("+".join(sorted(parts)) or "anonymous")
    return tuple(sorted(alternatives))


def _operation(spec: Mapping[str, Any], path: str, method: str, out: Surface) -> None:
    item = spec["paths"][path]
    op = item[method]
    op_key: Key = (f"operation {op.get('operationId', f'{method.upper()} {path}')}",)
    attrs: Attrs = {"method": method.upper(), "path": path, "tags": tuple(op.get("tags", []))}
    security = op.get("security", spec.get("security"))
    attrs["security"] = _security(security)
    if op.get("deprecated"):
        attrs["deprecated"] = True
    out[op_key] = attrs

    params: dict[tuple[str, str], Mapping[str, Any]] = {}
    for raw in [*item.get("parameters", []), *op.get("parameters", [])]:
        param = resolve(spec, raw)
        params[(param["in"], param["name"])] = param
    for (where, name), param in sorted(params.items()):
        schema = param.get("schema")
        if schema is None and param.get("content"):
            schema = next(iter(param["content"].values())).get("schema")
        required = bool(param.get("required", False))
        _flatten(spec, schema, (*op_key, f"param {where} {name}"), out, {"required": required})

    if "requestBody" in op:
        body = resolve(spec, op["requestBody"])
        body_key = (*op_key, "request body")
        out[body_key] = {"required": bool(body.get("required", False))}
        for media in sorted(body.get("content", {})):
            _flatten(spec, body["content"][media].get("schema"), (*body_key, media), out)

    for code in sorted(op.get("responses", {}), key=str):
        response = resolve(spec, op["responses"][code])
        resp_key = (*op_key, f"response {code}")
        out[resp_key] = {}
        for name in sorted(response.get("headers", {})):
            header = resolve(spec, response["headers"][name])
            extra = {"required": bool(header.get("required", False))}
            _flatten(spec, header.get("schema"), (*resp_key, f"header {name}"), out, extra)
        for media in sorted(response.get("content", {})):
            _flatten(spec, response["content"][media].get("schema"), (*resp_key, media), out)


def _operations(spec: Mapping[str, Any]) -> list[tuple[str, str]]:
    found = [
        (path, method)
        for path, item in spec.get("paths", {}).items()
        for method in METHODS
        if method in item
    ]
    return sorted(found, key=lambda pm: (pm[0], METHODS.index(pm[1])))


def _usage(spec: Mapping[str, Any]) -> dict[str, str]:
    requests: list[Any] = []
    responses: list[Any] = []
    for path, method in _operations(spec):
        item, op = spec["paths"][path], spec["paths"][path][method]
        requests += [item.get("parameters", []), op.get("parameters", []), op.get("requestBody")]
        responses.append(op.get("responses", {}))
    used_in = {"request": _reachable(spec, requests), "response": _reachable(spec, responses)}
    names = spec.get("components", {}).get("schemas", {})
    return {
        name: "+".join(role for role in ("request", "response") if name in used_in[role])
        or "unused"
        for name in names
    }


def build(spec: Mapping[str, Any]) -> Surface:
    """The surface of a parsed spec, in rendering order."""
    out: Surface = {}
    info = spec.get("info", {})
    out[("info",)] = {"title": info.get("title", ""), "version": info.get("version", "")}
    for server in spec.get("servers", []):
        out[(f"server {server['url']}",)] = {}
    schemes = spec.get("components", {}).get("securitySchemes", {})
    for name in sorted(schemes):
        scheme = resolve(spec, schemes[name])
        key: Key = (f"security-scheme {name}",)
        out[key] = {
            k: scheme[k] for k in ("type", "scheme", "in", "name", "bearerFormat") if k in scheme
        }
        for flow_name, flow in sorted(scheme.get("flows", {}).items()):
            flow_attrs: Attrs = {
                k: flow[k] for k in ("tokenUrl", "authorizationUrl", "refreshUrl") if k in flow
            }
            flow_attrs["scopes"] = tuple(sorted(flow.get("scopes", {})))
            out[(*key, f"flow {flow_name}")] = flow_attrs
    for path, method in _operations(spec):
        _operation(spec, path, method, out)
    usage = _usage(spec)
    schemas = spec.get("components", {}).get("schemas", {})
    for name in sorted(schemas):
        key = (f"schema {name}",)
        _flatten(spec, schemas[name], key, out)
        out[key]["in"] = usage[name]
    return out
