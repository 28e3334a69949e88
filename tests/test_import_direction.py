"""Arrows point one way: overlays import generated; generated never imports overlays."""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

GENERATED = ROOT / "generated" / "sendcloud_integrations_api"
OVERLAYS = ROOT / "overlays" / "sendcloud_integrations"


def _imported_modules(package: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in package.rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


def test_generated_never_imports_overlays() -> None:
    """No module under generated/ imports sendcloud_integrations."""
    offenders = [
        f"{path} imports {name}"
        for path, names in _imported_modules(GENERATED).items()
        for name in names
        if name == "sendcloud_integrations" or name.startswith("sendcloud_integrations.")
    ]
    assert not offenders, "\n".join(offenders)


def test_overlays_build_on_generated() -> None:
    """The overlays do import the generated package (the direction is used, not just allowed)."""
    users = [
        path
        for path, names in _imported_modules(OVERLAYS).items()
        if any(n.startswith("sendcloud_integrations_api") for n in names)
    ]
    assert users
