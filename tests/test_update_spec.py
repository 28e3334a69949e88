"""The spec-update workflow on three modified copies of the spec (issue #7's "done when").

A field's type changed, an operation removed, an optional query parameter added: the
surface diff calls them breaking, breaking, additive, and the pinned checks fail naming
the change and the code to revisit; the unmodified spec passes them all. The checks run
as functions on specs in tmp dirs; update_spec itself runs on a copy of the tree.
"""

from __future__ import annotations

import copy
import hashlib
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import ROOT
from .overlay_pins import pin_failures
from .test_facade_coverage import argument_problems, coverage_problems, facade_clients

sys.path.insert(0, str(ROOT / "tools"))
import api_surface
import update_spec
from surface_diff import ADDITIVE, BREAKING

Spec = dict[str, Any]
OP = "sc-public-v3-integrations-"
ALL_LOGS = f"{OP}get-retrieve_integrations_logs"
REVISIT = "revisit overlays/sendcloud_integrations/"


def change_field_type(spec: Spec) -> None:
    spec["components"]["schemas"]["ErrorObject"]["properties"]["status"]["type"] = "integer"


def remove_operation(spec: Spec) -> None:
    del spec["paths"]["/integrations/logs"]


def add_optional_query_parameter(spec: Spec) -> None:
    param = {"in": "query", "name": "exception_type", "schema": {"type": "string"}}
    spec["paths"]["/integrations/logs"]["get"]["parameters"].append(param)


# mutation, where the surface diff shows it, verdict, texts the pin and facade failures hold
CASES = [
    pytest.param(
        change_field_type,
        "schema ErrorObject .status",
        BREAKING,
        [
            "quirk fixed: ErrorObject.status is typed 'integer'",
            f"{REVISIT}_errors.py",
        ],
        [],
        id="field-type-changed",
    ),
    pytest.param(
        remove_operation,
        f"operation {ALL_LOGS}",
        BREAKING,
        [
            f"operation {ALL_LOGS} is gone from the spec\n  -> {REVISIT}_pagination.py",
            f"operation {ALL_LOGS} is gone from the spec\n  -> {REVISIT}_parse.py",
        ],
        [
            f"sc.Client.exception_logs.list points at operation {ALL_LOGS}, which the spec "
            f"no longer has: {REVISIT}_async_resources.py",
            f"sc.AsyncClient.exception_logs.list points at operation {ALL_LOGS}",
        ],
        id="operation-removed",
    ),
    pytest.param(
        add_optional_query_parameter,
        f"operation {ALL_LOGS} > param query exception_type",
        ADDITIVE,
        [
            "takes query parameters ['cursor', 'exception_type', 'page_size']",
            f"{REVISIT}_pagination.py",
        ],
        [
            "sc.Client.exception_logs.list has no argument for query parameter 'exception_type'"
            f" of {ALL_LOGS}: {REVISIT}_async_resources.py",
        ],
        id="optional-query-parameter-added",
    ),
]


def _write(spec: Spec, path: Path) -> Path:
    path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _failures(spec: Spec) -> tuple[str | None, list[str], list[str]]:
    """What the snapshot test, the overlay pins and the facade pins say about a spec."""
    snapshot = api_surface.SNAPSHOT.read_text(encoding="utf-8")
    with facade_clients() as clients:
        facade = coverage_problems(spec, clients) + argument_problems(spec, clients)
    return api_surface.snapshot_report(spec, snapshot), pin_failures(spec), facade


@pytest.mark.parametrize(("mutate", "where", "verdict", "pins", "facade"), CASES)
def test_modified_spec_is_judged_and_fails_the_pins_by_name(
    spec: Spec,
    tmp_path: Path,
    mutate: Callable[[Spec], None],
    where: str,
    verdict: str,
    pins: list[str],
    facade: list[str],
) -> None:
    """The change gets its verdict, and the pins fail naming it and the module to revisit."""
    changed = copy.deepcopy(spec)
    mutate(changed)
    new = update_spec.validate(_write(changed, tmp_path / "new.yaml"))

    old_surface = api_surface.surface_of(api_surface.SNAPSHOT)
    changes = api_surface.diff(old_surface, api_surface.build(new))
    assert {c.verdict for c in changes if c.where == where} == {verdict}, changes
    assert api_surface.overall(changes) == verdict

    report, pin_text, facade_problems = _failures(new)
    assert report is not None
    assert where in report
    assert f"{'BREAKING' if verdict == BREAKING else 'additive'}  " in report
    for needle in pins:
        assert any(needle in failure for failure in pin_text), (needle, pin_text)
    for needle in facade:
        assert any(needle in problem for problem in facade_problems), (needle, facade_problems)


def test_restored_spec_passes_every_pinned_check(spec: Spec, tmp_path: Path) -> None:
    """Written back unmodified, the spec has no surface change and fails no pin."""
    restored = update_spec.validate(_write(spec, tmp_path / "restored.yaml"))
    assert _failures(restored) == (None, [], [])


def _tree_copy(tmp_path: Path) -> update_spec.Tree:
    """The files update_spec reads and writes, copied to a tmp dir."""
    root = tmp_path / "tree"
    for name in ("tools", "openapi", "templates"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "generator-config.yaml", root)
    shutil.copytree(ROOT / "tests" / "snapshots", root / "tests" / "snapshots")
    return update_spec.Tree(root)


def test_update_spec_takes_a_new_spec_in_end_to_end(spec: Spec, tmp_path: Path) -> None:
    """On a copy of the tree: verdicts printed, spec copied, client and lock regenerated."""
    tree = _tree_copy(tmp_path)
    changed = copy.deepcopy(spec)
    add_optional_query_parameter(changed)
    new = _write(changed, tmp_path / "new.yaml")
    snapshot_before = tree.snapshot.read_bytes()
    script = str(tree.root / "tools" / "update_spec.py")
    run = subprocess.run(
        [sys.executable, script, str(new), "--skip-tests"],
        cwd=tree.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert f"additive  added    operation {ALL_LOGS} > param query exception_type" in run.stdout
    assert "overall additive" in run.stdout
    assert tree.spec.read_bytes() == new.read_bytes()
    lock = tomllib.loads((tree.root / "openapi" / "integrations.lock").read_text())
    assert lock["spec_sha256"] == hashlib.sha256(new.read_bytes()).hexdigest()
    module = "api/exception_logs/sc_public_v3_integrations_get_retrieve_integrations_logs.py"
    generated = tree.root / "generated" / "sendcloud_integrations_api" / module
    assert 'params["exception_type"]' in generated.read_text()
    assert tree.snapshot.read_bytes() == snapshot_before  # accepting is a separate step

    accept = subprocess.run(
        [sys.executable, script, "--accept-snapshot"],
        cwd=tree.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert accept.returncode == 0, accept.stderr
    assert "param query exception_type" in accept.stdout
    assert tree.snapshot.read_text() == api_surface.render(api_surface.build(changed))


def test_invalid_spec_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    """A spec that is not valid OpenAPI stops the update before any file is touched."""
    tree = _tree_copy(tmp_path)
    before = tree.spec.read_bytes()
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: 3.1.0\npaths: {}\n")  # no info
    said: list[str] = []
    assert update_spec.update(tree, bad, tests=False, echo=said.append) == 2
    assert tree.spec.read_bytes() == before
    assert any("refused, nothing changed" in line for line in said)


def test_failed_generation_puts_the_old_spec_back(spec: Spec, tmp_path: Path) -> None:
    """When regeneration fails, the old spec is restored and the generator's output shown."""
    tree = _tree_copy(tmp_path)
    before = tree.spec.read_bytes()
    changed = copy.deepcopy(spec)
    add_optional_query_parameter(changed)

    def broken(_: update_spec.Tree) -> None:
        raise subprocess.CalledProcessError(1, ["generate"], output="", stderr="boom: warning")

    said: list[str] = []
    new = _write(changed, tmp_path / "new.yaml")
    assert update_spec.update(tree, new, tests=False, regen=broken, echo=said.append) == 1
    assert tree.spec.read_bytes() == before
    assert any("old spec restored" in line and "boom: warning" in line for line in said)


def test_pinned_tests_include_every_spec_pin() -> None:
    """update_spec runs the surface, facade, overlay and round-trip pins of this tree."""
    pinned = update_spec.Tree(ROOT).pinned_tests()
    for name in (
        "test_api_surface.py",
        "test_facade_coverage.py",
        "test_overlay_pins.py",
        "test_examples_roundtrip.py",
        "test_spec.py",
    ):
        assert f"tests/{name}" in pinned
