"""The spec, found at run time, turned into a routing table.

In a source checkout (and an editable install) the spec is read from
`openapi/integrations.yaml`; a built wheel carries the same file as
`sendcloud_integrations/testing/integrations.yaml` (hatch force-include), so the
sandbox never works from a hand-made copy that could drift.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

API_PREFIX = "/api/v3"
_PACKAGED = Path(__file__).with_name("integrations.yaml")
_CHECKOUT = Path(__file__).resolve().parents[3] / "openapi" / "integrations.yaml"
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def spec_path() -> Path:
    """Where the spec the sandbox follows lives."""
    for candidate in (_PACKAGED, _CHECKOUT):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(
        "openapi/integrations.yaml not found: neither packaged with sendcloud_integrations.testing "
        f"({_PACKAGED}) nor in a source checkout ({_CHECKOUT})"
    )


@functools.cache
def load_spec(path: Path | None = None) -> Mapping[str, Any]:
    """The parsed spec (cached: it is read once per process)."""
    with (path or spec_path()).open(encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    if not isinstance(doc, dict):
        raise ValueError("the spec is not a mapping")
    return doc


@dataclass(frozen=True)
class Param:
    name: str
    location: str  # "path" or "query"
    required: bool
    schema: Mapping[str, Any]


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str  # upper case
    template: str  # spec path, e.g. /integrations/{id}
    params: tuple[Param, ...]
    body_pointer: str | None  # JSON pointer to the request body schema

    @property
    def route(self) -> str:
        """The key tests use to aim faults, e.g. ``GET /integrations/{id}``."""
        return f"{self.method} {self.template}"


@dataclass(frozen=True)
class PathEntry:
    template: str
    regex: re.Pattern[str]
    operations: Mapping[str, Operation]  # by upper-case method


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _resolve(doc: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    ref = node.get("$ref")
    if not isinstance(ref, str) or not ref.startswith("#/"):
        return node
    target: Any = doc
    for token in ref[2:].split("/"):
        target = target[token.replace("~1", "/").replace("~0", "~")]
    return _resolve(doc, target)


def _params(doc: Mapping[str, Any], *lists: Any) -> tuple[Param, ...]:
    found: dict[tuple[str, str], Param] = {}
    for raw_list in lists:
        for raw in raw_list or ():
            p = _resolve(doc, raw)
            found[(p["in"], p["name"])] = Param(
                p["name"], p["in"], bool(p.get("required")), p.get("schema", {})
            )
    return tuple(found.values())


def _compile(template: str) -> re.Pattern[str]:
    pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(template))
    return re.compile(f"^{pattern}/?$")


@functools.cache
def routing_table(path: Path | None = None) -> tuple[PathEntry, ...]:
    """Every path of the spec, concrete paths before templated ones."""
    doc = load_spec(path)
    entries = []
    for template, item in doc["paths"].items():
        ops: dict[str, Operation] = {}
        for method in _METHODS:
            raw = item.get(method)
            if raw is None:
                continue
            body_pointer = None
            content = (raw.get("requestBody") or {}).get("content", {})
            if "application/json" in content:
                media = "requestBody/content/application~1json/schema"
                body_pointer = f"#/paths/{_escape(template)}/{method}/{media}"
            ops[method.upper()] = Operation(
                raw["operationId"],
                method.upper(),
                template,
                _params(doc, item.get("parameters"), raw.get("parameters")),
                body_pointer,
            )
        entries.append(PathEntry(template, _compile(template), ops))
    # OpenAPI: concrete paths win over templated ones (/integrations/logs over /integrations/{id}).
    entries.sort(key=lambda e: e.template.count("{"))
    return tuple(entries)


def match(path: str) -> tuple[PathEntry, dict[str, str]] | None:
    """The spec path an API path (below /api/v3) belongs to, with its path parameters."""
    for entry in routing_table():
        m = entry.regex.match(path)
        if m:
            return entry, m.groupdict()
    return None
