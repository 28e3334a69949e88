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

from sendcloud_integrations import _config, _oauth2, _pagination
from sendcloud_integrations import _operations as ops
from sendcloud_integrations import _validation as v
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


def _enum(where: str, schema: Any, expected: tuple[str, ...], constant: str) -> list[str]:
    enum = schema.get("enum") if isinstance(schema, Mapping) else None
    if enum is None:
        return [f"{where} has no enum any more (the overlay has {constant})"]
    added, gone = sorted(set(enum) - set(expected)), sorted(set(expected) - set(enum))
    return [f"{where} enum: added {added}, removed {gone} (vs {constant})"] if added or gone else []


def _bounds(where: str, schema: Any, low: str, high: str, want: tuple[int, int]) -> list[str]:
    got = (schema.get(low), schema.get(high)) if isinstance(schema, Mapping) else (None, None)
    return [] if got == want else [f"{where} bounds are {got}, the overlay uses {want}"]


def _fields(where: str, schema: Any, expected: frozenset[str], constant: str) -> list[str]:
    props = schema.get("properties") if isinstance(schema, Mapping) else None
    fields = set(props or {})
    added, gone = sorted(fields - expected), sorted(expected - fields)
    return (
        [f"{where} fields: added {added}, removed {gone} (vs {constant})"] if added or gone else []
    )


# --- _pagination.py, _auth.py, _oauth2.py, _config.py ---------------------------------


@pin("_pagination.py", "both log lists taking only `cursor` and `page_size`, answering `Link`")
def logs_cursor_page_size_link(s: SpecView) -> list[str]:
    problems = _gone(s, *LOG_LISTS)
    for op_id in filter(s.op, LOG_LISTS):
        query = sorted(name for where, name in s.params(op_id) if where == "query")
        if query != ["cursor", "page_size"]:
            problems.append(f"{op_id} takes query parameters {query}; the paginator sends only")
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


@pin("_validation.py", "STATUS_CATEGORIES, and a mapping holding each category once")
def status_categories(s: SpecView) -> list[str]:
    n = len(v.STATUS_CATEGORIES)
    get_item = s.schema("get-custom-status-mapping", "data", "mapping", "[]", "status_category")
    set_item = s.schema("create-custom-status-mapping", "mapping", "[]", "status_category")
    return [
        *_enum("GET mapping status_category", get_item, v.STATUS_CATEGORIES, "STATUS_CATEGORIES"),
        *_enum("POST mapping status_category", set_item, v.STATUS_CATEGORIES, "STATUS_CATEGORIES"),
        *_bounds(
            "POST mapping",
            s.schema("create-custom-status-mapping", "mapping"),
            "minItems",
            "maxItems",
            (n, n),
        ),
    ]


@pin("_validation.py", "LANGUAGES as every language enum (query parameter, translations)")
def languages(s: SpecView) -> list[str]:
    where = {
        "the language parameter": s.param_schema(ops.GET_STATUSES, "query", "language"),
        "GET statuses translations": s.schema(
            "get-shop-order-statuses", "data", "[]", "translations", "[]", "language"
        ),
        "POST statuses translations": s.schema(
            "post-shop-order-statuses", "statuses", "[]", "translations", "[]", "language"
        ),
    }
    return [p for w, node in where.items() for p in _enum(w, node, v.LANGUAGES, "LANGUAGES")]


@pin("_validation.py", "integration ids being integers >= 1 everywhere (check_id)")
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


@pin("_validation.py", "PAGE_SIZE_MIN/MAX (and _pagination.DEFAULT_PAGE_SIZE within them)")
def page_size_bounds(s: SpecView) -> list[str]:
    want = (v.PAGE_SIZE_MIN, v.PAGE_SIZE_MAX)
    problems = [
        p
        for op_id in filter(s.op, LOG_LISTS)
        for p in _bounds(
            f"{op_id} page_size",
            s.param_schema(op_id, "query", "page_size"),
            "minimum",
            "maximum",
            want,
        )
    ]
    if not want[0] <= _pagination.DEFAULT_PAGE_SIZE <= want[1]:
        problems.append(f"_pagination.DEFAULT_PAGE_SIZE is outside {want}")
    return problems


@pin("_validation.py", "SHOP_NAME_MIN/MAX, TRANSLATIONS_MIN/MAX and FEEDBACK_TYPES")
def update_and_translation_limits(s: SpecView) -> list[str]:
    translations = s.schema("post-shop-order-statuses", "statuses", "[]", "translations")
    shop_name = s.schema("integration-model", "shop_name")
    feedback = s.schema("integration-model", "feedback_type")
    shop_limits, translation_limits = (
        (v.SHOP_NAME_MIN, v.SHOP_NAME_MAX),
        (v.TRANSLATIONS_MIN, v.TRANSLATIONS_MAX),
    )
    return [
        *_bounds("shop_name", shop_name, "minLength", "maxLength", shop_limits),
        *_bounds("translations", translations, "minItems", "maxItems", translation_limits),
        *_enum("feedback_type", feedback, v.FEEDBACK_TYPES, "FEEDBACK_TYPES"),
    ]


@pin("_validation.py", "UPDATE_FIELDS, LOG_CREATE_FIELDS and the statuses and mapping bodies")
def request_bodies(s: SpecView) -> list[str]:
    log_create = s.schema("integration-log-create") or {}
    statuses, mapping = "post-shop-order-statuses", "create-custom-status-mapping"
    shapes = {
        (statuses,): {"integration_id", "statuses"},
        (statuses, "statuses", "[]"): {"external_id", "translations"},
        (statuses, "statuses", "[]", "translations", "[]"): {"status", "language"},
        (mapping,): {"integration_id", "mapping"},
        (mapping, "mapping", "[]"): {"status_category", "external_id"},
    }
    problems = [
        *_fields(
            "integration-model", s.schema("integration-model"), v.UPDATE_FIELDS, "UPDATE_FIELDS"
        ),
        *_fields("integration-log-create", log_create, v.LOG_CREATE_FIELDS, "LOG_CREATE_FIELDS"),
    ]
    for path, fields in shapes.items():
        problems += _fields(" ".join(path), s.schema(*path), frozenset(fields), "what it builds")
    if log_create.get("required") != ["base_url"] or log_create.get("additionalProperties"):
        problems.append("integration-log-create: required is no longer just base_url, or extra")
        problems[-1] += " fields are now allowed"
    if "null" not in (s.at(s.schema(mapping, "mapping", "[]", "external_id"), "type") or []):
        problems.append("mapping[].external_id is no longer nullable (check_mapping sends None)")
    return problems


# Registers the response-side pins (kept in their own module for size).
from . import overlay_pins_responses  # noqa: E402, F401
