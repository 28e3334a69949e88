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
from .spec_view import SpecView

sys.path.insert(0, str(ROOT / "tools"))
import api_surface
from surface_diff import ADDITIVE, BREAKING

Spec = dict[str, Any]


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
    view = SpecView(spec)
    for op_id, (method, path, _) in view.operations().items():
        key = (f"operation {op_id}",)
        assert (surface[key]["method"], surface[key]["path"]) == (method, path)
        for where, name in view.params(op_id):
            assert (*key, f"param {where} {name}") in surface
        for code in view.responses(op_id):
            assert (*key, f"response {code}") in surface
    for name in spec["components"]["schemas"]:
        assert (f"schema {name}",) in surface


def test_report_names_the_changed_field_and_how_to_accept() -> None:
    """A drifted spec gives a report naming the field, its verdict and the accept command."""
    snapshot = api_surface.render(api_surface.build(base_spec()))
    changed = base_spec()
    _prop(changed, "Thing", "note")["type"] = "integer"
    report = api_surface.snapshot_report(changed, snapshot)
    assert report is not None
    assert "BREAKING  changed  schema Thing .note: type string -> integer" in report
    assert api_surface.ACCEPT in report
    assert api_surface.snapshot_report(base_spec(), snapshot) is None


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


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": "", "content": {"application/json": {"schema": schema}}}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def base_spec() -> Spec:
    """A small stand-in spec, so the rule tests do not move when the real spec does."""
    page_size = {"type": "integer", "minimum": 1, "maximum": 100, "default": 25}
    either = [{"Basic": []}, {"OAuth": []}]
    flow = {"tokenUrl": "https://auth.example.com/token", "scopes": {"api": "all"}}
    thing = {
        "id": {"type": "integer", "minimum": 1},
        "code": {"type": "integer", "minimum": 0},
        "kind": {"type": "string", "enum": ["a", "b"]},
        "note": {"type": "string"},
    }
    listed = _json(_ref("Thing")) | {"headers": {"Link": {"schema": {"type": "string"}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Things", "version": "1"},
        "paths": {
            "/things": {
                "get": {
                    "operationId": "list",
                    "tags": ["Things"],
                    "security": either,
                    "parameters": [
                        {"in": "query", "name": "sort", "schema": {"type": "string"}},
                        {"in": "query", "name": "size", "schema": page_size},
                        {"$ref": "#/components/parameters/lang"},
                    ],
                    "responses": {"200": listed},
                },
                "post": {
                    "operationId": "create",
                    "requestBody": _json(_ref("NewThing")),
                    "responses": {"201": _json(_ref("Thing")), "404": _json(_ref("Error"))},
                },
            },
            "/things/{id}": {
                "patch": {
                    "operationId": "update",
                    "requestBody": _json(_ref("Shared")),
                    "responses": {"200": _json(_ref("Shared"))},
                }
            },
        },
        "components": {
            "parameters": {
                "lang": {"in": "query", "name": "lang", "schema": {"enum": ["en", "nl"]}}
            },
            "securitySchemes": {
                "Basic": {"type": "http", "scheme": "basic"},
                "OAuth": {"type": "oauth2", "flows": {"clientCredentials": flow}},
            },
            "schemas": {
                "Thing": {"type": "object", "required": ["id"], "properties": thing},
                "NewThing": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {"name": {"type": "string"}, "url": {"type": ["string", "null"]}},
                },
                "Shared": {"properties": {"label": {"type": "string", "maxLength": 250}}},
                "Error": {"properties": {"status": {"type": "string"}}},
            },
        },
    }


def _prop(spec: Spec, schema: str, name: str) -> dict[str, Any]:
    return spec["components"]["schemas"][schema]["properties"][name]


def _size(spec: Spec) -> dict[str, Any]:
    return spec["paths"]["/things"]["get"]["parameters"][1]["schema"]


def _lang(spec: Spec) -> list[str]:
    return spec["components"]["parameters"]["lang"]["schema"]["enum"]


def _flow(spec: Spec) -> dict[str, Any]:
    return spec["components"]["securitySchemes"]["OAuth"]["flows"]["clientCredentials"]


def _add_param(required: bool) -> Callable[[Spec], None]:
    def mutate(spec: Spec) -> None:
        param = {"in": "query", "name": "q", "required": required, "schema": {"type": "string"}}
        spec["paths"]["/things"]["get"]["parameters"].append(param)

    return mutate


def _add_field(schema: str, required: bool) -> Callable[[Spec], None]:
    def mutate(spec: Spec) -> None:
        spec["components"]["schemas"][schema]["properties"]["extra"] = {"type": "string"}
        if required:
            spec["components"]["schemas"][schema]["required"].append("extra")

    return mutate


LIST = "operation list"
# (name, mutation, where the change shows, expected verdict)
RULES: list[tuple[str, Callable[[Spec], Any], str, str]] = [
    ("type changed", lambda s: _prop(s, "Error", "status").update(type="integer"),
     "schema Error .status", BREAKING),
    ("operation removed", lambda s: s["paths"]["/things"].pop("get"), LIST, BREAKING),
    ("operation added", lambda s: s["paths"]["/things/{id}"].update(
        delete={"operationId": "remove", "responses": {"204": {"description": ""}}}),
     "operation remove", ADDITIVE),
    ("optional query param added", _add_param(False), f"{LIST} > param query q", ADDITIVE),
    ("required query param added", _add_param(True), f"{LIST} > param query q", BREAKING),
    ("param removed", lambda s: s["paths"]["/things"]["get"]["parameters"].pop(0),
     f"{LIST} > param query sort", BREAKING),
    ("request bound narrowed", lambda s: _size(s).update(maximum=50),
     f"{LIST} > param query size", BREAKING),
    ("request bound widened", lambda s: _size(s).update(maximum=500),
     f"{LIST} > param query size", ADDITIVE),
    ("default changed", lambda s: _size(s).update(default=50),
     f"{LIST} > param query size", BREAKING),
    ("response bound widened", lambda s: _prop(s, "Thing", "id").update(minimum=0),
     "schema Thing .id", BREAKING),
    ("response bound narrowed", lambda s: _prop(s, "Thing", "code").update(minimum=100),
     "schema Thing .code", ADDITIVE),
    ("response field removed",
     lambda s: s["components"]["schemas"]["Thing"]["properties"].pop("note"),
     "schema Thing .note", BREAKING),
    ("optional response field added", _add_field("Thing", False), "schema Thing .extra",
     ADDITIVE),
    ("required response field added", _add_field("Thing", True), "schema Thing .extra",
     ADDITIVE),
    ("optional request field added", _add_field("NewThing", False), "schema NewThing .extra",
     ADDITIVE),
    ("required request field added", _add_field("NewThing", True), "schema NewThing .extra",
     BREAKING),
    ("request field became optional",
     lambda s: s["components"]["schemas"]["NewThing"]["required"].clear(),
     "schema NewThing .name", ADDITIVE),
    ("response field became nullable",
     lambda s: _prop(s, "Thing", "note").update(type=["string", "null"]),
     "schema Thing .note", BREAKING),
    ("request field no longer nullable",
     lambda s: _prop(s, "NewThing", "url").update(type="string"),
     "schema NewThing .url", BREAKING),
    ("request enum value added", lambda s: _lang(s).append("de"),
     f"{LIST} > param query lang", ADDITIVE),
    ("request enum value removed", lambda s: _lang(s).remove("nl"),
     f"{LIST} > param query lang", BREAKING),
    ("response enum value added", lambda s: _prop(s, "Thing", "kind")["enum"].append("c"),
     "schema Thing .kind", ADDITIVE),
    ("bound of a schema used both ways widened",
     lambda s: _prop(s, "Shared", "label").update(maxLength=300),
     "schema Shared .label", BREAKING),
    ("response code removed",
     lambda s: s["paths"]["/things"]["post"]["responses"].pop("404"),
     "operation create > response 404", BREAKING),
    ("response header removed",
     lambda s: s["paths"]["/things"]["get"]["responses"]["200"].pop("headers"),
     f"{LIST} > response 200 > header Link", BREAKING),
    ("security alternative removed",
     lambda s: s["paths"]["/things"]["get"].update(security=[{"Basic": []}]), LIST, BREAKING),
    ("scope added", lambda s: _flow(s)["scopes"].update(read="read only"),
     "security-scheme OAuth > flow clientCredentials", ADDITIVE),
    ("token URL changed", lambda s: _flow(s).update(tokenUrl="https://example.com/t"),
     "security-scheme OAuth > flow clientCredentials", BREAKING),
    ("tag changed", lambda s: s["paths"]["/things"]["get"].update(tags=["Stuff"]), LIST,
     BREAKING),
]  # fmt: skip


@pytest.mark.parametrize(
    ("mutate", "where", "verdict"), [pytest.param(*r[1:], id=r[0]) for r in RULES]
)
def test_verdict_rules(mutate: Callable[[Spec], None], where: str, verdict: str) -> None:
    """Each kind of spec change is reported where it happens, with the documented verdict."""
    changed = base_spec()
    mutate(changed)
    changes = api_surface.diff(api_surface.build(base_spec()), api_surface.build(changed))
    assert {c.verdict for c in changes if c.where == where} == {verdict}, changes
    assert api_surface.overall(changes) == verdict


def test_no_change_means_no_report(spec: Spec) -> None:
    """The diff of a spec with itself is empty (so every reported change is real)."""
    assert api_surface.diff(api_surface.build(spec), api_surface.build(copy.deepcopy(spec))) == []
    assert api_surface.diff(api_surface.build(base_spec()), api_surface.build(base_spec())) == []
    assert api_surface.overall([]) == "none"
