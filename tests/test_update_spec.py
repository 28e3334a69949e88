"""The spec-update workflow on modified copies of the spec (issues #7 and #14).

A field's type changed, an operation removed: the surface diff calls them breaking,
and the pinned checks fail naming the change and the code to revisit; the unmodified
spec passes them all. (Additive updates pass with no edit: tests/test_additive_update.py.)
The checks run as functions on specs in tmp dirs; update_spec itself runs on a copy of
the tree, fetching from a loopback server where a URL is given.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import http.server
import shutil
import subprocess
import sys
import threading
import tomllib
from collections.abc import Callable, Iterator
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
from surface_diff import BREAKING

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
            f"no longer has: {REVISIT}_resources.py",
            # One declaration serves both clients: both point at the same file.
            f"sc.AsyncClient.exception_logs.list points at operation {ALL_LOGS}, which the "
            f"spec no longer has: {REVISIT}_resources.py",
        ],
        id="operation-removed",
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
    shutil.copy(ROOT / "CHANGELOG.md", root)
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


def _no_regen(_: update_spec.Tree) -> None:
    """Regeneration is proved elsewhere; these tests are about fetching and reporting."""


@contextlib.contextmanager
def _serve(body: bytes) -> Iterator[str]:
    """A loopback HTTP server answering every GET with ``body``; yields its URL."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/yaml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the test output is the update's."""

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/integrations.yaml"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_update_spec_fetches_a_url_and_writes_the_verdict_as_markdown(
    spec: Spec, tmp_path: Path
) -> None:
    """A spec served on loopback is fetched, taken in, and judged in a Markdown PR body."""
    tree = _tree_copy(tmp_path)
    changed = copy.deepcopy(spec)
    add_optional_query_parameter(changed)
    body = yaml.safe_dump(changed, sort_keys=False, allow_unicode=True).encode()
    report = tmp_path / "verdict.md"
    said: list[str] = []
    with _serve(body) as url:
        status = update_spec.update(
            tree, url, tests=False, markdown_to=report, regen=_no_regen, echo=said.append
        )
    assert status == 0, said
    assert tree.spec.read_bytes() == body
    text = report.read_text(encoding="utf-8")
    assert text.startswith("## Spec update: additive\n")
    assert f"Source: `{url}`" in text
    assert f"| additive | added | `operation {ALL_LOGS} > param query exception_type` |" in text


def test_unreachable_url_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    """A URL that cannot be fetched stops the update before any file is touched."""
    tree = _tree_copy(tmp_path)
    before = tree.spec.read_bytes()
    with _serve(b"") as url:
        pass  # the server is gone once the block ends: nothing listens on the port
    said: list[str] = []
    assert update_spec.update(tree, url, tests=False, regen=_no_regen, echo=said.append) == 2
    assert tree.spec.read_bytes() == before
    assert any("refused, nothing changed" in line and "cannot fetch" in line for line in said)


def test_breaking_update_stops_unaccepted_unless_allowed(spec: Spec, tmp_path: Path) -> None:
    """A breaking diff exits 3 and is not accepted; --allow-breaking accepts it and records it."""
    changed = copy.deepcopy(spec)
    remove_operation(changed)
    new = _write(changed, tmp_path / "new.yaml")

    tree = _tree_copy(tmp_path / "stopped")
    snapshot, accepted = tree.snapshot.read_bytes(), tree.accepted.read_bytes()
    report = tmp_path / "breaking.md"
    said: list[str] = []
    status = update_spec.update(
        tree, new, accept=True, tests=False, markdown_to=report, regen=_no_regen, echo=said.append
    )
    assert status == 3
    assert tree.snapshot.read_bytes() == snapshot
    assert tree.accepted.read_bytes() == accepted
    assert report.read_text(encoding="utf-8").startswith("## Spec update: breaking\n")
    assert any("not accepted: the update is breaking" in line for line in said)

    allowed = _tree_copy(tmp_path / "allowed")
    status = update_spec.update(
        allowed,
        new,
        accept=True,
        tests=False,
        allow_breaking=True,
        regen=_no_regen,
        echo=said.append,
    )
    assert status == 0
    assert allowed.snapshot.read_text() == api_surface.render(api_surface.build(changed))
    recorded = tomllib.loads(allowed.accepted.read_text(encoding="utf-8"))
    assert recorded["spec_collapsed_sha256"] == update_spec.collapsed_sha256(new.read_text())
    assert "**Spec update** to 3.0.0" in (allowed.root / "CHANGELOG.md").read_text()
