"""The committed API surface snapshot, and the verdicts of the surface diff."""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import api_surface
from surface_diff import ADDITIVE, BREAKING

Spec = dict[str, Any]
LOGS = "/integrations/logs"
OP = "sc-public-v3-integrations-"
SCHEMAS = ("components", "schemas")


def test_snapshot_matches_the_spec(spec: Spec) -> None:
    """tests/snapshots/api_surface.txt is exactly the surface rebuilt from the spec."""
    report = api_surface.snapshot_report(spec, api_surface.SNAPSHOT.read_text(encoding="utf-8"))
    assert report is None, report


def test_snapshot_reads_back_to_the_surface_it_was_rendered_from(spec: Spec) -> None:
    """parse(render(surface)) is the surface, so diffs against the snapshot are exact."""
    surface = api_surface.build(spec)
    assert api_surface.parse(api_surface.render(surface)) == surface


def test_surface_lists_every_operation_parameter_and_schema(spec: Spec) -> None:
    """Each operationId, parameter, response code and component schema has an entry."""
    surface = api_surface.build(spec)
    labels = {key[-1] for key in surface}
    for path, item in spec["paths"].items():
        for method in ("get", "post", "patch", "delete"):
            if method not in item:
                continue
            op = item[method]
            key = (f"operation {op['operationId']}",)
            assert surface[key]["method"] == method.upper()
            assert surface[key]["path"] == path
            for code in op["responses"]:
                assert (*key, f"response {code}") in surface
    assert {"param path id", "param query page_size", "param query language"} <= labels
    assert {f"schema {name}" for name in spec["components"]["schemas"]} <= labels


def test_report_names_the_changed_field_and_how_to_accept(spec: Spec) -> None:
    """A drifted spec gives a report naming the field, its verdict and the accept command."""
    snapshot = api_surface.render(api_surface.build(spec))
    changed = copy.deepcopy(spec)
    changed["components"]["schemas"]["integration-log"]["properties"]["method"]["type"] = "integer"
    report = api_surface.snapshot_report(changed, snapshot)
    assert report is not None
    assert "BREAKING  changed  schema integration-log .method: type string -> integer" in report
    assert api_surface.ACCEPT in report
    assert api_surface.snapshot_report(spec, snapshot) is None


def test_report_shows_a_text_diff_when_only_the_text_differs(spec: Spec) -> None:
    """A snapshot edited by hand (comments, order) still fails, with a unified diff."""
    snapshot = api_surface.render(api_surface.build(spec)) + "# a stray comment\n"
    report = api_surface.snapshot_report(spec, snapshot)
    assert report is not None
    assert "only to its text" in report
    assert "-# a stray comment" in report


def test_load_spec_refuses_duplicate_keys(tmp_path: Path) -> None:
    """A spec with a duplicated key is rejected, not silently truncated."""
    bad = tmp_path / "dup.yaml"
    bad.write_text("openapi: 3.1.0\npaths: {}\npaths: {}\n")
    with pytest.raises(yaml.constructor.ConstructorError, match="duplicate key 'paths'"):
        api_surface.load_spec(bad)


def _at(spec: Spec, *path: str) -> Any:
    node: Any = spec
    for part in path:
        node = node[part]
    return node


def _prop(spec: Spec, schema: str, name: str) -> dict[str, Any]:
    return _at(spec, *SCHEMAS, schema, "properties", name)


def _param(spec: Spec, path: str, name: str) -> dict[str, Any]:
    return next(p for p in spec["paths"][path]["get"]["parameters"] if p.get("name") == name)


def _add_param(required: bool) -> Callable[[Spec], None]:
    def mutate(spec: Spec) -> None:
        param = {"in": "query", "name": "q", "required": required, "schema": {"type": "string"}}
        spec["paths"]["/integrations"]["get"]["parameters"].append(param)

    return mutate


def _add_field(schema: str, required: bool) -> Callable[[Spec], None]:
    def mutate(spec: Spec) -> None:
        _at(spec, *SCHEMAS, schema, "properties")["extra"] = {"type": "string"}
        if required:
            _at(spec, *SCHEMAS, schema).setdefault("required", []).append("extra")

    return mutate


GET_LIST = f"operation {OP}get-list_integrations"
GET_LOGS = f"operation {OP}get-retrieve_integrations_logs"
CATEGORY = ".data.mapping[].status_category"
# (name, mutation, where the change shows, expected verdict)
RULES: list[tuple[str, Callable[[Spec], None], str, str]] = [
    (
        "type changed",
        lambda s: _prop(s, "ErrorObject", "status").update(type="integer"),
        "schema ErrorObject .status",
        BREAKING,
    ),
    ("operation removed", lambda s: s["paths"].pop(LOGS), GET_LOGS, BREAKING),
    (
        "operation added",
        lambda s: s["paths"].update(
            {"/new": {"get": {"operationId": "new-op", "responses": {"204": {"description": ""}}}}}
        ),
        "operation new-op",
        ADDITIVE,
    ),
    ("optional query param added", _add_param(False), f"{GET_LIST} > param query q", ADDITIVE),
    ("required query param added", _add_param(True), f"{GET_LIST} > param query q", BREAKING),
    (
        "param removed",
        lambda s: s["paths"]["/integrations"]["get"].pop("parameters"),
        f"{GET_LIST} > param query sort",
        BREAKING,
    ),
    (
        "request bound narrowed",
        lambda s: _param(s, LOGS, "page_size")["schema"].update(maximum=50),
        f"{GET_LOGS} > param query page_size",
        BREAKING,
    ),
    (
        "request bound widened",
        lambda s: _param(s, LOGS, "page_size")["schema"].update(maximum=500),
        f"{GET_LOGS} > param query page_size",
        ADDITIVE,
    ),
    (
        "response bound widened",
        lambda s: _prop(s, "integration-log", "id").update(minimum=0),
        "schema integration-log .id",
        BREAKING,
    ),
    (
        "response bound narrowed",
        lambda s: _prop(s, "integration-log", "response_code").update(minimum=100),
        "schema integration-log .response_code",
        ADDITIVE,
    ),
    (
        "default changed",
        lambda s: _param(s, LOGS, "page_size")["schema"].update(default=50),
        f"{GET_LOGS} > param query page_size",
        BREAKING,
    ),
    (
        "response field removed",
        lambda s: _at(s, *SCHEMAS, "integration-log", "properties").pop("method"),
        "schema integration-log .method",
        BREAKING,
    ),
    (
        "optional response field added",
        _add_field("integration-log", required=False),
        "schema integration-log .extra",
        ADDITIVE,
    ),
    (
        "required response field added",
        _add_field("integration-log", required=True),
        "schema integration-log .extra",
        ADDITIVE,
    ),
    (
        "optional request field added",
        _add_field("integration-log-create", required=False),
        "schema integration-log-create .extra",
        ADDITIVE,
    ),
    (
        "required request field added",
        _add_field("integration-log-create", required=True),
        "schema integration-log-create .extra",
        BREAKING,
    ),
    (
        "request field became optional",
        lambda s: _at(s, *SCHEMAS, "post-shop-order-statuses", "required").remove("statuses"),
        "schema post-shop-order-statuses .statuses",
        ADDITIVE,
    ),
    (
        "response field became nullable",
        lambda s: _prop(s, "integration-log", "method").update(type=["string", "null"]),
        "schema integration-log .method",
        BREAKING,
    ),
    (
        "request field no longer nullable",
        lambda s: _prop(s, "integration-log-create", "full_url").update(type="string"),
        "schema integration-log-create .full_url",
        BREAKING,
    ),
    (
        "request enum value added",
        lambda s: _at(s, "components", "parameters", "language", "schema", "enum").append("pl"),
        f"operation {OP}get-shop_order_statuses > param query language",
        ADDITIVE,
    ),
    (
        "response enum value added",
        lambda s: _at(s, *SCHEMAS, "get-custom-status-mapping", "properties", "data", "properties")[
            "mapping"
        ]["items"]["properties"]["status_category"]["enum"].append("LOST"),
        f"schema get-custom-status-mapping {CATEGORY}",
        BREAKING,
    ),
    (
        "request enum value removed",
        lambda s: _at(s, "components", "parameters", "language", "schema", "enum").remove("it-it"),
        f"operation {OP}get-shop_order_statuses > param query language",
        BREAKING,
    ),
    (
        "bound of a schema used both ways widened",
        lambda s: _prop(s, "integration-model", "shop_name").update(maxLength=300),
        "schema integration-model .shop_name",
        BREAKING,
    ),
    (
        "response code removed",
        lambda s: s["paths"]["/integrations/{id}"]["delete"]["responses"].pop("404"),
        f"operation {OP}delete-delete_integration > response 404",
        BREAKING,
    ),
    (
        "response header removed",
        lambda s: s["paths"][LOGS]["get"]["responses"]["200"].pop("headers"),
        f"{GET_LOGS} > response 200 > header Link",
        BREAKING,
    ),
    (
        "security alternative removed",
        lambda s: s["paths"][LOGS]["get"]["security"].pop(),
        GET_LOGS,
        BREAKING,
    ),
    (
        "scope added",
        lambda s: _at(
            s, "components", "securitySchemes", "OAuth2ClientCreds", "flows", "clientCredentials"
        )["scopes"].update(extra="more"),
        "security-scheme OAuth2ClientCreds > flow clientCredentials",
        ADDITIVE,
    ),
    (
        "token URL changed",
        lambda s: _at(
            s, "components", "securitySchemes", "OAuth2ClientCreds", "flows", "clientCredentials"
        ).update(tokenUrl="https://example.com/token"),
        "security-scheme OAuth2ClientCreds > flow clientCredentials",
        BREAKING,
    ),
    (
        "tag changed",
        lambda s: s["paths"][LOGS]["get"].update(tags=["Logs"]),
        GET_LOGS,
        BREAKING,
    ),
]


@pytest.mark.parametrize(
    ("mutate", "where", "verdict"), [pytest.param(*r[1:], id=r[0]) for r in RULES]
)
def test_verdict_rules(
    spec: Spec, mutate: Callable[[Spec], None], where: str, verdict: str
) -> None:
    """Each kind of spec change is reported where it happens, with the documented verdict."""
    changed = copy.deepcopy(spec)
    mutate(changed)
    changes = api_surface.diff(api_surface.build(spec), api_surface.build(changed))
    assert {c.verdict for c in changes if c.where == where} == {verdict}, changes
    assert api_surface.overall(changes) == verdict


def test_no_change_means_no_report(spec: Spec) -> None:
    """The diff of a spec with itself is empty (so every reported change is real)."""
    surface = api_surface.build(spec)
    assert api_surface.diff(surface, api_surface.build(copy.deepcopy(spec))) == []
    assert api_surface.overall([]) == "none"
