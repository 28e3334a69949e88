"""The text form of an API surface: render a snapshot and read it back.

The format is described in the docstring of tools/api_surface.py.
"""

from __future__ import annotations

import json
import re
from typing import Any

Key = tuple[str, ...]
Attrs = dict[str, Any]
Surface = dict[Key, Attrs]

FLAGS = ("nullable", "uniqueItems", "readOnly", "writeOnly", "deprecated")
NUMERIC = (
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "minProperties",
    "maxProperties",
)
# Rendered with JSON so that 25 and "25" stay apart.
VALUES = ("enum", "const", "default")
SIMPLE = ("format", "pattern", "ref", "allOf", "additionalProperties")
SCHEMA_KEYS = NUMERIC + VALUES + SIMPLE + FLAGS
_BARE = re.compile(r"^[A-Za-z0-9_.:/{}+\-|]+$")

HEADER = """\
# API surface of openapi/integrations.yaml, built by tools/api_surface.py.
# Do not edit: tests/test_api_surface.py rebuilds it from the spec and fails on
# any difference. After reviewing a spec change, accept it with
#   nox -s update_spec -- --accept-snapshot
# Format and verdict rules: the docstring of tools/api_surface.py.
"""


TUPLES = ("enum", "allOf", "tags", "security", "scopes", "required-unknown")
_SCHEMA_KINDS = ("param", "header", "media", "field", "items", "additional", "variant", "schema")


def kind(label: str) -> str:
    """What an entry is, from its label."""
    head = label.split(" ", 1)[0]
    if label.startswith("."):
        return "field"
    if label == "[]":
        return "items"
    if label == "{*}":
        return "additional"
    if label.startswith(("oneOf[", "anyOf[")):
        return "variant"
    if label == "request body":
        return "request-body"
    if head in ("info", "server", "security-scheme", "flow", "operation", "param", "header"):
        return head
    if head in ("response", "schema"):
        return head
    return "media"


def _value(name: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if name in NUMERIC or name in VALUES or isinstance(value, tuple | list | dict):
        return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)
    text = str(value)
    return text if _BARE.match(text) else json.dumps(text, ensure_ascii=False)


def render_attrs(label: str, attrs: Attrs) -> str:
    """The ``ATTR; ATTR`` part of an entry's line."""
    parts: list[str] = []
    rest = dict(attrs)
    if kind(label) == "operation" and "method" in rest:
        parts.append(f"{rest.pop('method')} {rest.pop('path')}")
    if kind(label) in _SCHEMA_KINDS and "type" in rest:
        parts.append(str(rest.pop("type")))
    if "nullable" in rest:
        parts.append("nullable" if rest.pop("nullable") else "nullable=false")
    if "required" in rest:
        parts.append("required" if rest.pop("required") else "optional")
    for name, value in rest.items():
        if name in FLAGS and value is True:
            parts.append(name)
        else:
            parts.append(f"{name}={_value(name, value)}")
    return "; ".join(parts)


def render(surface: Surface) -> str:
    """The snapshot text of a surface."""
    lines = [HEADER.rstrip("\n")]
    previous = ""
    for key, attrs in surface.items():
        label = key[-1]
        if len(key) == 1 and (kind(label) in ("operation", "schema") or kind(label) != previous):
            lines.append("")
        if len(key) == 1:
            previous = kind(label)
        text = render_attrs(label, attrs)
        lines.append("  " * (len(key) - 1) + label + (f": {text}" if text else ""))
    return "\n".join(lines) + "\n"


def _split(text: str) -> list[str]:
    """Split on ``; `` outside JSON strings and brackets."""
    parts, start, depth, in_str, escaped = [], 0, 0, False, False
    for i, char in enumerate(text):
        if in_str:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_str = False
        elif char == '"':
            in_str = True
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        elif char == ";" and depth == 0 and text[i + 1 : i + 2] == " ":
            parts.append(text[start:i])
            start = i + 2
    parts.append(text[start:])
    return [p for p in parts if p]


def _parse_value(name: str, raw: str) -> Any:
    if raw in ("true", "false"):
        return raw == "true"
    if name in NUMERIC or name in VALUES or raw[:1] in ('"', "[", "{"):
        value = json.loads(raw)
        return tuple(value) if name in TUPLES and isinstance(value, list) else value
    return raw


def parse_attrs(label: str, text: str) -> Attrs:
    """Inverse of :func:`render_attrs`."""
    attrs: Attrs = {}
    for i, token in enumerate(_split(text)):
        name, sep, raw = token.partition("=")
        if sep and (i or kind(label) not in _SCHEMA_KINDS):
            attrs[name] = _parse_value(name, raw)
        elif token in ("required", "optional"):
            attrs["required"] = token == "required"
        elif token in FLAGS:
            attrs[token] = True
        elif i == 0 and kind(label) == "operation":
            attrs["method"], attrs["path"] = token.split(" ", 1)
        elif i == 0 and kind(label) in _SCHEMA_KINDS:
            attrs["type"] = token
        else:
            raise ValueError(f"cannot read {token!r} of {label!r}")
    return attrs


def parse(text: str) -> Surface:
    """Read a snapshot back into a surface (inverse of :func:`render`)."""
    surface: Surface = {}
    stack: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        depth = (len(line) - len(line.lstrip(" "))) // 2
        if depth > len(stack):
            raise ValueError(f"line {number}: indented too far")
        label, sep, rest = line.strip().partition(": ")
        stack[depth:] = [label]
        surface[tuple(stack)] = parse_attrs(label, rest) if sep else {}
    return surface
