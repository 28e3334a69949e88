"""Take a new upstream spec in and show everything it changes: ``nox -s update_spec -- NEW``.

NEW is a path or an http(s) URL (fetched first, e.g. by .github/workflows/spec-update.yml).

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
Accepting records everything an update changes, so an additive update needs no
hand edit: the surface snapshot, openapi/accepted.toml (the collapsed hash the spec
tests pin, and where the spec came from) and a CHANGELOG.md entry; regeneration has
already written the lock and ``SPEC_VERSION`` (generated/.../_request_schema.py).

``--markdown FILE`` writes the verdict as Markdown (a pull request body). With a
breaking change the exit status is 3 unless ``--allow-breaking``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from api_surface import ACCEPT, ROOT, build, diff, format_changes, load_spec, overall, parse
from api_surface import render as render_surface
from surface_diff import BREAKING, Change

# A spec is a few hundred KiB; anything far larger is not one.
MAX_SPEC_BYTES = 16 * 1024 * 1024
FETCH_TIMEOUT = 60.0

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

    @property
    def accepted(self) -> Path:
        return self.root / "openapi" / "accepted.toml"

    @property
    def changelog(self) -> Path:
        return self.root / "CHANGELOG.md"

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


def collapsed_sha256(text: str) -> str:
    """The hash tests/test_spec.py pins: of the spec with all whitespace runs collapsed."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def accept_snapshot(tree: Tree, echo: Callable[[str], None], source: str | None = None) -> None:
    """Record the tree's spec as accepted: snapshot, accepted.toml, CHANGELOG entry."""
    spec = load_spec(tree.spec)
    surface = build(spec)
    changes: list[Change] = []
    if tree.snapshot.exists():
        changes = diff(parse(tree.snapshot.read_text(encoding="utf-8")), surface)
        echo(format_changes(changes))
    text = render_surface(surface)
    tree.snapshot.parent.mkdir(parents=True, exist_ok=True)
    tree.snapshot.write_text(text, encoding="utf-8")
    echo(f"accepted: wrote {tree.snapshot.relative_to(tree.root)} from the spec")
    collapsed = collapsed_sha256(tree.spec.read_text(encoding="utf-8"))
    previous = tree.accepted.read_text(encoding="utf-8") if tree.accepted.exists() else ""
    if collapsed not in previous:
        origin = source or _previous_source(previous) or "openapi/integrations.yaml"
        tree.accepted.write_text(
            "# Written by `nox -s update_spec -- ... --accept-snapshot`; tests/test_spec.py\n"
            "# checks that openapi/integrations.yaml is the spec accepted here.\n"
            f'spec_collapsed_sha256 = "{collapsed}"\n'
            f"source = {_toml_string(origin)}\n",
            encoding="utf-8",
        )
        echo(f"accepted: recorded {tree.accepted.relative_to(tree.root)}")
        if changes:
            _changelog_entry(tree, str(spec["info"].get("version")), origin, changes)
            echo(f"accepted: added the update to {tree.changelog.relative_to(tree.root)}")


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _previous_source(text: str) -> str | None:
    for line in text.splitlines():
        if line.startswith("source = "):
            return line.removeprefix("source = ").strip().strip('"')
    return None


def _changelog_entry(tree: Tree, version: str, source: str, changes: list[Change]) -> None:
    if not tree.changelog.exists():
        return
    text = tree.changelog.read_text(encoding="utf-8")
    verdict = overall(changes)
    entry = (
        f"- **Spec update** to {version} from `{source}` (`nox -s update_spec`): "
        f"{len(changes)} change(s) to the API surface, overall {verdict}; see the pull "
        "request for the list.\n"
    )
    marker = "## [Unreleased]\n"
    if marker in text:
        head, _, tail = text.partition(marker)
        text = f"{head}{marker}\n{entry}{tail}"
    else:
        text += f"\n{entry}"
    tree.changelog.write_text(text, encoding="utf-8")


def markdown(changes: list[Change], new: str, status: int | None) -> str:
    """The verdict as a pull request body: overall verdict, then a table of changes."""
    verdict = overall(changes)
    lines = [
        f"## Spec update: {verdict}",
        "",
        f"Source: `{new}`",
        "",
    ]
    if status is not None:
        result = "green" if status == 0 else "failing: each failure names the code to revisit"
        lines += [f"Pinned tests: {result}.", ""]
    if not changes:
        lines.append("No change to the API surface.")
        return "\n".join(lines) + "\n"
    breaking = sum(c.verdict == BREAKING for c in changes)
    lines += [
        f"{len(changes)} change(s): {breaking} breaking, {len(changes) - breaking} additive.",
        "",
        "| verdict | change | where | detail |",
        "| --- | --- | --- | --- |",
    ]
    for c in changes:
        cells = [c.verdict, c.action, f"`{c.where}`", c.detail]
        lines.append("| " + " | ".join(x.replace("|", "\\|") for x in cells) + " |")
    return "\n".join(lines) + "\n"


def fetch(url: str, dest: Path) -> Path:
    """Download a spec from an http(s) URL into ``dest``; InvalidSpec when that fails."""
    if not url.startswith(("https://", "http://")):
        raise InvalidSpec(f"{url}: only http(s) URLs are fetched")
    try:
        with urllib.request.urlopen(url, timeout=FETCH_TIMEOUT) as response:
            data = response.read(MAX_SPEC_BYTES + 1)
    except OSError as exc:
        raise InvalidSpec(f"{url}: cannot fetch: {exc}") from exc
    if len(data) > MAX_SPEC_BYTES:
        raise InvalidSpec(f"{url}: larger than {MAX_SPEC_BYTES} bytes, not a spec")
    dest.write_bytes(data)
    return dest


def update(
    tree: Tree,
    new: Path | str | None,
    *,
    accept: bool = False,
    tests: bool = True,
    allow_breaking: bool = False,
    markdown_to: Path | None = None,
    regen: Callable[[Tree], None] = regenerate,
    echo: Callable[[str], None] = lambda text: print(text, flush=True),
) -> int:
    """The whole update; the exit status (0 green, 1 work left, 2 spec refused, 3 breaking)."""
    if new is None:
        accept_snapshot(tree, echo)
        return 0
    source = str(new)
    with tempfile.TemporaryDirectory() as tmp:
        if source.startswith(("https://", "http://")):
            echo(f"== 0/5 fetch {source}")
            try:
                path = fetch(source, Path(tmp) / "fetched.yaml")
            except InvalidSpec as exc:
                echo(f"refused, nothing changed: {exc}")
                return 2
        else:
            path = Path(new)
        return _update(tree, path, source, accept, tests, allow_breaking, markdown_to, regen, echo)


def _update(
    tree: Tree,
    new: Path,
    source: str,
    accept: bool,
    tests: bool,
    allow_breaking: bool,
    markdown_to: Path | None,
    regen: Callable[[Tree], None],
    echo: Callable[[str], None],
) -> int:
    echo(f"== 1/5 validate {source}")
    try:
        spec = validate(new)
    except InvalidSpec as exc:
        echo(f"refused, nothing changed: {exc}")
        return 2
    info = spec["info"]
    echo(f"valid OpenAPI {spec['openapi']}: {info.get('title')} {info.get('version')}")

    if tree.snapshot.exists():
        baseline, origin = parse(tree.snapshot.read_text(encoding="utf-8")), tree.snapshot
    else:
        baseline, origin = build(load_spec(tree.spec)), tree.spec
    changes = diff(baseline, build(spec))
    breaking = overall(changes) == BREAKING
    echo(f"== 2/5 API surface: {origin.relative_to(tree.root)} -> {source}")
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
    if accept and breaking and not allow_breaking:
        echo("not accepted: the update is breaking (pass --allow-breaking to accept it anyway)")
    elif accept:
        accept_snapshot(tree, echo, source)

    status = 0
    if tests:
        echo("== 5/5 pinned tests")
        status = 1 if run_pinned_tests(tree) else 0
    else:
        echo("== 5/5 pinned tests skipped (--skip-tests)")
    echo(f"== summary: {len(changes)} surface change(s), overall {overall(changes)}")
    if markdown_to is not None:
        markdown_to.write_text(markdown(changes, source, status if tests else None), "utf-8")
        echo(f"wrote the verdict as Markdown to {markdown_to}")
    if status:
        echo("Pinned tests failed: each failure above names the change and the code to revisit.")
    if changes and not accept:
        echo(f"When the code is updated, accept the new surface with `{ACCEPT}`.")
    if breaking and not allow_breaking:
        echo("Breaking change: stopping (exit 3); --allow-breaking to go on regardless.")
        return 3
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("new_spec", nargs="?", help="path or http(s) URL of the new spec")
    parser.add_argument(
        "--accept-snapshot",
        action="store_true",
        help="accept the (new) spec: snapshot, openapi/accepted.toml, CHANGELOG.md",
    )
    parser.add_argument("--skip-tests", action="store_true", help="do not run the pinned tests")
    parser.add_argument(
        "--allow-breaking",
        action="store_true",
        help="accept and exit 0/1 even when the surface diff is breaking",
    )
    parser.add_argument(
        "--markdown", type=Path, help="write the verdict as Markdown (a pull request body)"
    )
    args = parser.parse_args(argv)
    if args.new_spec is None and not args.accept_snapshot:
        parser.error("give the new spec (nox -s update_spec -- PATH|URL), or --accept-snapshot")
    return update(
        Tree(ROOT),
        args.new_spec,
        accept=args.accept_snapshot,
        tests=not args.skip_tests,
        allow_breaking=args.allow_breaking,
        markdown_to=args.markdown,
    )


if __name__ == "__main__":
    sys.exit(main())
