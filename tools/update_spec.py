"""Take a new upstream spec in and show everything it changes: ``nox -s update_spec -- NEW``.

1. validate NEW: YAML without duplicate keys, a valid OpenAPI document (nothing is
   touched when it is not);
2. print the API surface diff from the accepted snapshot
   (tests/snapshots/api_surface.txt) to NEW, each change breaking or additive;
3. copy NEW over openapi/integrations.yaml;
4. regenerate generated/ and openapi/integrations.lock (tools/generate.py write); if
   that fails the old spec is put back;
5. run the pinned tests; their failures name what to revisit.

Then fix what the failures name, and accept the new surface with
``nox -s update_spec -- --accept-snapshot`` (or pass ``--accept-snapshot`` with NEW).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from api_surface import ACCEPT, ROOT, build, diff, format_changes, load_spec, overall, parse
from api_surface import render as render_surface

# The tests that pin the spec; globs so that pins added later are picked up.
PINNED_TESTS = (
    "test_api_surface.py",
    "test_facade_coverage.py",
    "test_overlay_pins.py",
    "test_examples_roundtrip.py",
    "test_exported_members.py",
    "test_spec.py",
    "test_generated_*.py",
)


class InvalidSpec(ValueError):
    """The new spec cannot be taken in."""


@dataclass(frozen=True)
class Tree:
    """The files of a checkout that an update reads and writes."""

    root: Path

    @property
    def spec(self) -> Path:
        return self.root / "openapi" / "integrations.yaml"

    @property
    def snapshot(self) -> Path:
        return self.root / "tests" / "snapshots" / "api_surface.txt"

    def pinned_tests(self) -> list[str]:
        tests = self.root / "tests"
        found = {p for pattern in PINNED_TESTS for p in tests.glob(pattern)}
        return [str(p.relative_to(self.root)) for p in sorted(found)]


def validate(path: Path) -> dict[str, Any]:
    """The parsed spec, or InvalidSpec saying why it is not acceptable."""
    from openapi_spec_validator import validate as validate_openapi

    try:
        spec = load_spec(path)
        validate_openapi(spec)
    except Exception as exc:  # any reason at all means: do not take it in
        raise InvalidSpec(f"{path}: {type(exc).__name__}: {exc}") from exc
    return spec


def regenerate(tree: Tree) -> None:
    """tools/generate.py write of the tree, with this interpreter (and its generator)."""
    subprocess.run(
        [sys.executable, str(tree.root / "tools" / "generate.py"), "write"],
        cwd=tree.root,
        check=True,
        capture_output=True,
        text=True,
    )


def run_pinned_tests(tree: Tree) -> int:
    """pytest on the pinned tests, importing the tree's own overlays and generated code."""
    env = dict(os.environ)
    paths = [str(tree.root / "overlays"), str(tree.root / "generated")]
    env["PYTHONPATH"] = os.pathsep.join([*paths, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    # The package's own pytest plugin imports the overlays; when a spec change breaks
    # that import, the pinned tests must still run and say where.
    plugin = ["-p", "no:sendcloud_integrations"]
    cmd = [sys.executable, "-m", "pytest", "-q", "-rfEX", "--continue-on-collection-errors"]
    cmd += [*plugin, *tree.pinned_tests()]
    return subprocess.run(cmd, cwd=tree.root, env=env, check=False).returncode


def accept_snapshot(tree: Tree, echo: Callable[[str], None]) -> None:
    """Write the snapshot from the tree's spec, saying what that accepts."""
    surface = build(load_spec(tree.spec))
    if tree.snapshot.exists():
        echo(format_changes(diff(parse(tree.snapshot.read_text(encoding="utf-8")), surface)))
    text = render_surface(surface)
    tree.snapshot.parent.mkdir(parents=True, exist_ok=True)
    tree.snapshot.write_text(text, encoding="utf-8")
    echo(f"accepted: wrote {tree.snapshot.relative_to(tree.root)} from the spec")


def update(
    tree: Tree,
    new: Path | None,
    *,
    accept: bool = False,
    tests: bool = True,
    regen: Callable[[Tree], None] = regenerate,
    echo: Callable[[str], None] = lambda text: print(text, flush=True),
) -> int:
    """The whole update; the exit status (0 green, 1 work left, 2 spec refused)."""
    if new is None:
        accept_snapshot(tree, echo)
        return 0
    echo(f"== 1/5 validate {new}")
    try:
        spec = validate(new)
    except InvalidSpec as exc:
        echo(f"refused, nothing changed: {exc}")
        return 2
    info = spec["info"]
    echo(f"valid OpenAPI {spec['openapi']}: {info.get('title')} {info.get('version')}")

    if tree.snapshot.exists():
        baseline, source = parse(tree.snapshot.read_text(encoding="utf-8")), tree.snapshot
    else:
        baseline, source = build(load_spec(tree.spec)), tree.spec
    changes = diff(baseline, build(spec))
    echo(f"== 2/5 API surface: {source.relative_to(tree.root)} -> {new}")
    echo(format_changes(changes))

    old_bytes = tree.spec.read_bytes()
    if new.resolve() != tree.spec.resolve():
        shutil.copyfile(new, tree.spec)
    echo(f"== 3/5 copied to {tree.spec.relative_to(tree.root)}")

    echo("== 4/5 regenerate generated/ and the lock")
    try:
        regen(tree)
    except subprocess.CalledProcessError as exc:
        tree.spec.write_bytes(old_bytes)
        echo(f"generation failed, old spec restored:\n{exc.stdout or ''}{exc.stderr or ''}")
        return 1
    if accept:
        accept_snapshot(tree, echo)

    status = 0
    if tests:
        echo("== 5/5 pinned tests")
        status = 1 if run_pinned_tests(tree) else 0
    else:
        echo("== 5/5 pinned tests skipped (--skip-tests)")
    echo(f"== summary: {len(changes)} surface change(s), overall {overall(changes)}")
    if status:
        echo("Pinned tests failed: each failure above names the change and the code to revisit.")
    if changes and not accept:
        echo(f"When the code is updated, accept the new surface with `{ACCEPT}`.")
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("new_spec", type=Path, nargs="?", help="path of the new spec")
    parser.add_argument(
        "--accept-snapshot",
        action="store_true",
        help="rewrite tests/snapshots/api_surface.txt from the (new) spec",
    )
    parser.add_argument("--skip-tests", action="store_true", help="do not run the pinned tests")
    args = parser.parse_args(argv)
    if args.new_spec is None and not args.accept_snapshot:
        parser.error("give the new spec (nox -s update_spec -- PATH), or --accept-snapshot")
    return update(Tree(ROOT), args.new_spec, accept=args.accept_snapshot, tests=not args.skip_tests)


if __name__ == "__main__":
    sys.exit(main())
