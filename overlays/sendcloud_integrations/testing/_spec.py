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

from ._spec_reader import SpecView, as_mapping, escape

API_PREFIX = "/api/v3"
_PACKAGED = Path(__file__).with_name("integrations.yaml")
_CHECKOUT = Path(__file__).resolve().parents[3] / "openapi" / "integrations.yaml"


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
        doc = as_mapping(yaml.safe_load(f))
    if doc is None:
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


def _param(raw: Mapping[str, Any]) -> Param:
    return Param(raw["name"], raw["in"], bool(raw.get("required")), raw.get("schema", {}))


def _compile(template: str) -> re.Pattern[str]:
    pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(template))
    return re.compile(f"^{pattern}/?$")


@functools.cache
def routing_table(path: Path | None = None) -> tuple[PathEntry, ...]:
    """Every path of the spec, concrete paths before templated ones."""
    view = SpecView(load_spec(path))
    by_path: dict[str, dict[str, Operation]] = {t: {} for t in view.spec["paths"]}
    for op_id, (method, template, _) in view.operations().items():
        body_pointer = None
        if view.request_body(op_id) is not None:
            media = "requestBody/content/application~1json/schema"
            body_pointer = f"#/paths/{escape(template)}/{method.lower()}/{media}"
        params = tuple(_param(p) for p in view.params(op_id).values())
        by_path[template][method] = Operation(op_id, method, template, params, body_pointer)
    entries = [PathEntry(t, _compile(t), ops) for t, ops in by_path.items()]
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
