"""An additive upstream update goes through update_spec with no hand edit (issue #14).

One modified spec holds every kind of additive change the issue names: a new
language, a new feedback type, a new optional update field ``brand_color`` with
``maxLength: 7``, a new response field ``order_count``, and new optional query
parameters (on the paginated log lists and on the integrations list). A copy of
the repository takes it in with ``update_spec NEW --accept-snapshot``, once for the
whole module; the tests then read what that one run did. The copy's own tests run
against the copy's regenerated client, so nothing here reloads modules.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import api_surface
import update_spec

# What an update may touch: everything else is code a person would have to edit.
MAY_CHANGE = ("openapi/", "generated/", "tests/snapshots/api_surface.txt", "CHANGELOG.md")
NEW_VERSION = "3.1.0"
# Behaviour tests the copy runs beside the pinned ones: they call the facade.
ALSO_RUN = (
    "tests/test_client_validation.py",
    "tests/test_validation_formats.py",
    "tests/test_sandbox_integrations.py",
    "tests/test_sandbox_statuses.py",
)


def additive_changes(spec: dict[str, Any]) -> None:
    """Every additive change of the issue, applied to a copy of today's spec."""
    schemas = spec["components"]["schemas"]
    spec["info"]["version"] = NEW_VERSION
    spec["components"]["parameters"]["language"]["schema"]["enum"].append("pt-pt")
    for body, path in (
        ("get-shop-order-statuses", ("data", "items")),
        ("post-shop-order-statuses", ("statuses", "items")),
    ):
        node = schemas[body]["properties"][path[0]][path[1]]
        translation = node["properties"]["translations"]["items"]["properties"]["language"]
        translation["enum"].append("pt-pt")
    model = schemas["integration-model"]["properties"]
    model["feedback_type"]["enum"].append("hourly")
    model["brand_color"] = {"type": "string", "maxLength": 7, "description": "Hex colour."}
    response = schemas["integration-response-model"]["allOf"][1]["properties"]
    response["order_count"] = {"type": "integer", "description": "Orders imported."}
    for logs in ("/integrations/logs", "/integrations/{id}/logs"):
        spec["paths"][logs]["get"]["parameters"].append(
            {"in": "query", "name": "exception_type", "schema": {"type": "string"}}
        )
    spec["paths"]["/integrations"]["get"]["parameters"].append(
        {"in": "query", "name": "shop_type", "schema": {"type": "string", "maxLength": 20}}
    )


def repo_copy(dest: Path) -> Path:
    """The repository's files (tracked and new, not ignored) copied to ``dest``."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.decode()
    for rel in filter(None, listed.split("\0")):
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    return dest


def _files(root: Path) -> dict[str, bytes]:
    skip = ("__pycache__", ".pytest_cache", ".ruff_cache")
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and not any(part in skip for part in p.parts)
    }


@dataclass
class Update:
    tree: update_spec.Tree
    new: Path
    spec: dict[str, Any]
    status: int
    output: str
    before: dict[str, bytes]
    extra_run: subprocess.CompletedProcess[str]


def _copy_env(tree: update_spec.Tree) -> dict[str, str]:
    env = dict(os.environ)
    paths = [str(tree.root / "overlays"), str(tree.root / "generated")]
    env["PYTHONPATH"] = os.pathsep.join(paths)
    return env


@pytest.fixture(scope="module")
def update(tmp_path_factory: pytest.TempPathFactory, spec: dict[str, Any]) -> Update:
    base = tmp_path_factory.mktemp("additive")
    tree = update_spec.Tree(repo_copy(base / "repo"))
    before = _files(tree.root)
    changed = copy.deepcopy(spec)
    additive_changes(changed)
    new = base / "upstream.yaml"
    new.write_text(yaml.safe_dump(changed, sort_keys=False, allow_unicode=True), "utf-8")
    said: list[str] = []
    status = update_spec.update(tree, new, accept=True, echo=said.append)
    extra = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *ALSO_RUN],
        cwd=tree.root,
        env=_copy_env(tree),
        capture_output=True,
        text=True,
        check=False,
    )
    return Update(tree, new, changed, status, "\n".join(said), before, extra)


def test_additive_update_is_judged_additive(update: Update) -> None:
    """The surface diff lists each change as additive, and the run ends green (exit 0)."""
    assert "overall additive" in update.output
    for where in (
        "> param query exception_type",
        "> param query shop_type",
        ".brand_color",
        ".order_count",
    ):
        assert where in update.output, where
    assert "BREAKING" not in update.output
    assert update.status == 0, update.output


def test_pinned_and_facade_tests_stay_green_in_the_updated_tree(update: Update) -> None:
    """The copy's pinned tests (run by update_spec) and its facade tests pass unedited."""
    assert update.status == 0, update.output
    assert update.extra_run.returncode == 0, update.extra_run.stdout[-4000:]


def test_no_file_outside_openapi_generated_snapshot_and_changelog_changes(
    update: Update,
) -> None:
    """Only the spec, the generated client, the snapshot and the changelog differ."""
    after = _files(update.tree.root)
    changed = {
        path
        for path in update.before.keys() | after.keys()
        if update.before.get(path) != after.get(path)
    }
    assert changed, "the update changed nothing"
    assert sorted(p for p in changed if not p.startswith(MAY_CHANGE)) == []
    assert "generated/sendcloud_integrations_api/_request_schema.py" in changed


def test_accept_step_records_lock_snapshot_spec_hash_and_version(update: Update) -> None:
    """The lock, snapshot, accepted hash, SPEC_VERSION and CHANGELOG follow the new spec."""
    root, text = update.tree.root, update.new.read_text(encoding="utf-8")
    lock = tomllib.loads((root / "openapi" / "integrations.lock").read_text())
    assert lock["spec_sha256"] == hashlib.sha256(update.new.read_bytes()).hexdigest()
    surface = api_surface.render(api_surface.build(update.spec))
    assert update.tree.snapshot.read_text(encoding="utf-8") == surface
    accepted = tomllib.loads(update.tree.accepted.read_text(encoding="utf-8"))
    assert accepted["spec_collapsed_sha256"] == update_spec.collapsed_sha256(text)
    assert accepted["source"] == str(update.new)
    table = (root / "generated" / "sendcloud_integrations_api" / "_request_schema.py").read_text()
    assert f"SPEC_VERSION = {NEW_VERSION!r}" in table.replace('"', "'")
    assert f"**Spec update** to {NEW_VERSION}" in update.tree.changelog.read_text()


FACADE_PROBE = textwrap.dedent(
    """
    import json, httpx, sendcloud_integrations as sc

    sent = []
    def handler(request):
        sent.append({"url": str(request.url), "body": request.content.decode() or None})
        if request.method == "PATCH":
            return httpx.Response(204)
        if request.method == "POST":
            return httpx.Response(200, json=None)
        if request.url.path.endswith("/integrations/7"):
            return httpx.Response(200, json={"data": {"id": 7, "order_count": 12}})
        return httpx.Response(200, json={"data": []})

    out = {}
    with sc.Client(transport=httpx.MockTransport(handler)) as client:
        client.integrations.update(7, brand_color="#12ab34", feedback_type="hourly")
        try:
            client.integrations.update(7, brand_color="#12ab34ff")
        except sc.RequestValidationError as exc:
            out["too_long"] = [exc.field, str(exc)]
        client.shop_order_statuses.list(7, language="pt-pt")
        client.shop_order_statuses.replace(
            7, statuses=[{"external_id": "1", "translations": [
                {"status": "Enviado", "language": "pt-pt"}]}]
        )
        client.integrations.list(shop_type="shopify")
        list(client.exception_logs.list(exception_type="SSLError", page_size=5))
        out["order_count"] = client.integrations.get(7).order_count
    out["sent"] = sent
    print(json.dumps(out))
    """
)


def test_new_fields_values_and_parameters_work_through_the_facade(update: Update) -> None:
    """brand_color (maxLength 7), hourly, pt-pt, the new queries and order_count all work."""
    run = subprocess.run(
        [sys.executable, "-c", FACADE_PROBE],
        cwd=update.tree.root,
        env=_copy_env(update.tree),
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    sent = out["sent"]
    assert json.loads(sent[0]["body"]) == {"brand_color": "#12ab34", "feedback_type": "hourly"}
    assert out["too_long"][0] == "brand_color"
    assert "at most 7 characters" in out["too_long"][1]
    assert "language=pt-pt" in sent[1]["url"]
    assert '"pt-pt"' in sent[2]["body"]
    assert "shop_type=shopify" in sent[3]["url"]
    assert "exception_type=SSLError" in sent[4]["url"]
    assert "page_size=5" in sent[4]["url"]
    assert out["order_count"] == 12
