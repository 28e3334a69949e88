"""What the overlays assume about the spec, as checks of a spec (see test_overlay_pins.py).

Each pin returns the problems it finds; its module is the overlay file to revisit. Quirk
pins hold while the spec still has a quirk an overlay works around and, once the spec
fixes it, say which workaround can go.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sendcloud_integrations import _config, _oauth2
from sendcloud_integrations import _operations as ops
from sendcloud_integrations.testing._spec_reader import SpecView

OVERLAY = "overlays/sendcloud_integrations/"
LOG_LISTS = (ops.LIST_ALL_LOGS, ops.LIST_INTEGRATION_LOGS)
Check = Callable[[SpecView], list[str]]


@dataclass(frozen=True)
class Pin:
    """One assumption: the overlay module that makes it, and its check."""

    name: str
    module: str
    relies_on: str
    check: Check


PINS: list[Pin] = []


def pin(module: str, relies_on: str) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        PINS.append(Pin(check.__name__, module, relies_on, check))
        return check

    return register


def pin_failures(spec: Mapping[str, Any]) -> list[str]:
    """Every problem of every pin, each with the overlay module to revisit."""
    view = SpecView(spec)
    return [
        f"{problem}\n  -> revisit {OVERLAY}{p.module}, which relies on {p.relies_on}"
        for p in PINS
        for problem in p.check(view)
    ]


def _gone(s: SpecView, *op_ids: str) -> list[str]:
    return [f"operation {op_id} is gone from the spec" for op_id in op_ids if not s.op(op_id)]


def _fields(where: str, schema: Any, expected: frozenset[str], constant: str) -> list[str]:
    props = schema.get("properties") if isinstance(schema, Mapping) else None
    fields = set(props or {})
    added, gone = sorted(fields - expected), sorted(expected - fields)
    return (
        [f"{where} fields: added {added}, removed {gone} (vs {constant})"] if added or gone else []
    )


# --- _pagination.py, _auth.py, _oauth2.py, _config.py ---------------------------------


@pin("_pagination.py", "both log lists taking `cursor` and `page_size`, answering `Link`")
def logs_cursor_page_size_link(s: SpecView) -> list[str]:
    problems = _gone(s, *LOG_LISTS)
    for op_id in filter(s.op, LOG_LISTS):
        query = sorted(name for where, name in s.params(op_id) if where == "query")
        if not {"cursor", "page_size"} <= set(query):
            problems.append(f"{op_id} takes query parameters {query}; the paginator drives")
            problems[-1] += " cursor and page_size"
        if "Link" not in (s.at(s.responses(op_id).get("200"), "headers") or {}):
            problems.append(f"{op_id}: the 200 response has no Link header any more")
    return problems


@pin("_pagination.py", "quirk: `cursor` typed date-time though it is the opaque Link value")
def quirk_cursor_date_time(s: SpecView) -> list[str]:
    return [
        f"quirk fixed: {op_id} no longer types cursor as date-time; sending the cursor verbatim "
        "around the generated datetime argument (_pagination._first_call) can go"
        for op_id in filter(s.op, LOG_LISTS)
        if s.at(s.param_schema(op_id, "query", "cursor"), "format") != "date-time"
    ]


@pin("_auth.py", "exactly HTTPBasicAuth (BasicAuth) and OAuth2ClientCreds, either on every call")
def security_schemes(s: SpecView) -> list[str]:
    schemes = s.at(s.spec, "components", "securitySchemes") or {}
    types = {name: s.at(scheme, "type") for name, scheme in schemes.items()}
    problems = []
    if types != {"HTTPBasicAuth": "http", "OAuth2ClientCreds": "oauth2"}:
        problems.append(f"security schemes are now {types}")
    if s.at(schemes, "HTTPBasicAuth", "scheme") != "basic":
        problems.append("HTTPBasicAuth is no longer HTTP basic auth")
    either = [{"HTTPBasicAuth": []}, {"OAuth2ClientCreds": []}]
    for op_id, (method, path, op) in s.operations().items():
        if sorted(op.get("security") or [], key=str) != either:
            problems.append(f"{op_id} ({method} {path}) security is {op.get('security')}")
    return problems


@pin("_oauth2.py", "DEFAULT_TOKEN_URL and the default scope of OAuth2ClientCredentials")
def oauth2_token_url_and_scope(s: SpecView) -> list[str]:
    flows = s.at(s.spec, "components", "securitySchemes", "OAuth2ClientCreds", "flows") or {}
    flow = flows.get("clientCredentials") or {}
    scope = inspect.signature(_oauth2.OAuth2ClientCredentials).parameters["scope"].default
    problems = [] if list(flows) == ["clientCredentials"] else [f"OAuth2 flows are {list(flows)}"]
    if flow.get("tokenUrl") != _oauth2.DEFAULT_TOKEN_URL:
        problems.append(f"token URL is {flow.get('tokenUrl')}, not {_oauth2.DEFAULT_TOKEN_URL}")
    if sorted(flow.get("scopes") or {}) != [scope]:
        problems.append(f"scopes are {sorted(flow.get('scopes') or {})}, the default is {scope!r}")
    return problems


@pin("_config.py", "DEFAULT_BASE_URL being servers[0].url")
def server_url(s: SpecView) -> list[str]:
    url = (s.spec.get("servers") or [{}])[0].get("url")
    return [] if url == _config.DEFAULT_BASE_URL else [f"servers[0].url is now {url}"]


# --- _validation.py -------------------------------------------------------------------


@pin("_rules.py", "rule_every_status_category_once: the mapping holds each category once")
def rule_every_status_category_once(s: SpecView) -> list[str]:
    mapping = s.schema("create-custom-status-mapping", "mapping")
    item = s.schema("create-custom-status-mapping", "mapping", "[]")
    enum = s.at(item, "properties", "status_category", "enum")
    if not enum:
        return ["POST mapping status_category has no enum any more: the rule has no categories"]
    n = len(enum)
    problems = []
    if (s.at(mapping, "minItems"), s.at(mapping, "maxItems")) != (n, n):
        problems.append(
            f"POST mapping no longer holds exactly {n} items (one per status category): "
            f"minItems/maxItems are {s.at(mapping, 'minItems')}/{s.at(mapping, 'maxItems')}"
        )
    if "null" not in (s.at(item, "properties", "external_id", "type") or []):
        problems.append("mapping[].external_id is no longer nullable (the rule sends None)")
    return problems


@pin("_rules.py", "rule_webhook_url_with_webhook_active: the prose of integration-model")
def rule_webhook_url_with_webhook_active(s: SpecView) -> list[str]:
    props = s.at(s.schema("integration-model"), "properties") or {}
    if not {"webhook_url", "webhook_active"} <= set(props):
        return ["integration-model lost webhook_url or webhook_active: the rule names both"]
    prose = str(s.at(props, "webhook_url", "description") or "")
    if "webhook_active" not in prose:
        return ["webhook_url's description no longer ties it to webhook_active: drop the rule?"]
    return []


@pin("_rules.py", "rule_unique_external_ids and rule_one_translation_per_language")
def rules_of_the_statuses_body(s: SpecView) -> list[str]:
    status = s.schema("post-shop-order-statuses", "statuses", "[]")
    translation = s.schema("post-shop-order-statuses", "statuses", "[]", "translations", "[]")
    problems = []
    if "external_id" not in (s.at(status, "properties") or {}):
        problems.append("statuses[] has no external_id any more (rule_unique_external_ids)")
    if "language" not in (s.at(translation, "properties") or {}):
        problems.append("translations[] has no language any more (one translation per language)")
    return problems


@pin("_operations.py", "replace and set building {integration_id, statuses | mapping} bodies")
def facade_built_bodies(s: SpecView) -> list[str]:
    problems = []
    for name, fields in (
        ("post-shop-order-statuses", {"integration_id", "statuses"}),
        ("create-custom-status-mapping", {"integration_id", "mapping"}),
    ):
        required = set(s.at(s.schema(name), "required") or [])
        if required != fields:
            problems.append(
                f"{name} now requires {sorted(required)}, the facade sends {sorted(fields)}"
            )
    return problems


@pin("_scalar_checks.py", "integration ids being integers >= 1 everywhere (check_id)")
def integration_ids(s: SpecView) -> list[str]:
    with_min = [ops.GET_INTEGRATION, ops.UPDATE_INTEGRATION, ops.DELETE_INTEGRATION]
    ids = {f"{o} path id": s.param_schema(o, "path", "id") for o in with_min}
    quirk = {
        f"{o} path id": s.param_schema(o, "path", "id") for o in (*LOG_LISTS[1:], ops.CREATE_LOG)
    }
    ids |= {
        f"{o} integration_id": s.param_schema(o, "query", "integration_id")
        for o in (ops.GET_STATUSES, ops.GET_MAPPING)
    }
    ids |= {
        f"{b} integration_id": s.schema(b, "integration_id")
        for b in ("post-shop-order-statuses", "create-custom-status-mapping")
    }
    problems = [
        f"{where} is {s.at(node, 'type')!r}, not an integer"
        for where, node in (ids | quirk).items()
        if s.at(node, "type") != "integer"
    ]
    problems += [
        f"{w} minimum is {s.at(n, 'minimum')}, not 1"
        for w, n in ids.items()
        if w.endswith("path id") and s.at(n, "minimum") != 1
    ]
    problems += [
        f"quirk fixed: {w} now has minimum {s.at(n, 'minimum')}; check_id already requires"
        " >= 1, so no workaround goes: update this pin"
        for w, n in quirk.items()
        if s.at(n, "minimum") is not None
    ]
    return problems


# Registers the response-side pins (kept in their own module for size).
from . import overlay_pins_responses  # noqa: E402, F401
