"""The API surface of the spec as a readable, diffable snapshot.

``tests/snapshots/api_surface.txt`` is :func:`render` of :func:`build` for
``openapi/integrations.yaml``; tests/test_api_surface.py fails when they drift
and prints :func:`surface_diff.diff` of the two, one line per change.

Snapshot format
---------------
One entry per line; indentation (two spaces a level) nests an entry under the
one above. ``# ...`` lines and blank lines are comments. An entry is
``LABEL`` or ``LABEL: ATTR; ATTR; ...``:

- ``info``, ``server URL``, ``security-scheme NAME`` (with ``flow NAME`` below)
- ``operation OPERATION_ID: METHOD PATH; tags=[...]; security=[...]`` with
  ``param IN NAME``, ``request body`` (then ``MEDIA/TYPE``) and
  ``response CODE`` (then ``header NAME`` and ``MEDIA/TYPE``) below it
- ``schema NAME: ...; in=request|response|request+response|unused`` for each
  component schema; ``in`` says where the API uses it (following ``$ref``)
- below a schema: ``.field`` (a property), ``[]`` (array items), ``{*}``
  (additionalProperties schema), ``oneOf[i]`` / ``anyOf[i]`` (alternatives)

A schema's attributes start with its type (``string``, ``array|object``,
``any`` when the spec gives none, ``null``), then the flags ``nullable``,
``required`` / ``optional`` (fields, params, bodies), then constraints as
``name=value`` (``minimum=1``, ``enum=["a", "b"]``, ``format=date-time``,
``ref=NAME`` for a ``$ref`` to a component, ``allOf=[...]``). ``allOf`` parts
are merged, so a schema lists every field it has. Descriptions, examples and
titles are not part of the surface.

Verdicts (implemented in tools/surface_diff.py)
-----------------------------------------------
Each change is *breaking* when code written against the old surface, by a user
of this package, can fail against the new one, else *additive*:

- Removed anything (operation, parameter, response code, header, media type,
  field, enum value, security scheme, scope): breaking.
- Added operation, response code, header, media type, schema, optional
  parameter or optional field: additive. Added required parameter, required
  request field or required request body: breaking. A response field added:
  additive (required or not).
- Type, format, ``$ref``, ``allOf``, ``const``, ``readOnly``/``writeOnly``,
  method, path, tags (the generated module moves) or token URL changed:
  breaking.
- Constraints are judged by direction. Tighter (required, not nullable, higher
  minimum, lower maximum, uniqueItems, additionalProperties false, a pattern
  added, fewer enum values) is breaking in a request and additive in a
  response; looser is additive in a request and breaking in a response (users
  may receive what they did not expect: ``null``, a field gone missing). An
  enum value added is additive everywhere: response enums are open (an
  unknown value is kept and logged), requests accept more. Removed enum
  values are breaking everywhere (the generated enum member disappears). A
  schema used by both requests and responses (or by neither) takes the
  stricter verdict: any other constraint change is breaking.
- A default added: additive; removed or changed: breaking (behaviour of calls
  that omit the value changes). ``deprecated`` and info changes: additive.
- Security: an alternative scheme or a scope added is additive; removed is
  breaking.
- Anything else: breaking (unknown means look at it).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path
from typing import Any

import yaml
from surface_build import build
from surface_diff import Change, diff, format_changes, overall
from surface_text import Surface, parse, render

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "integrations.yaml"
SNAPSHOT = ROOT / "tests" / "snapshots" / "api_surface.txt"

__all__ = [
    "SNAPSHOT",
    "SPEC",
    "Change",
    "build",
    "diff",
    "format_changes",
    "load_spec",
    "overall",
    "parse",
    "render",
    "snapshot_report",
    "surface_of",
]

ACCEPT = "nox -s update_spec -- --accept-snapshot"


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys (YAML would keep the last silently)."""


def _unique_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=True)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def load_spec(path: Path = SPEC) -> dict[str, Any]:
    """Parse a spec file (YAML or JSON), failing on duplicate keys."""
    with path.open(encoding="utf-8") as f:
        doc = yaml.load(f, Loader=_UniqueKeyLoader)
    if not isinstance(doc, dict):
        raise ValueError(f"{path}: not a mapping at the top level")
    return doc


def surface_of(path: Path) -> Surface:
    """The surface of a spec file, or of a snapshot file (``.txt``)."""
    if path.suffix == ".txt":
        return parse(path.read_text(encoding="utf-8"))
    return build(load_spec(path))


def snapshot_report(spec: dict[str, Any], snapshot_text: str) -> str | None:
    """Why ``snapshot_text`` is not the surface of ``spec``, or None when it is."""
    fresh = render(build(spec))
    if fresh == snapshot_text:
        return None
    try:
        changes = diff(parse(snapshot_text), build(spec))
    except ValueError as exc:  # a snapshot edited by hand may not parse
        changes, why = [], f"the snapshot does not parse ({exc})"
    else:
        why = "no change to the surface, only to its text"
    if changes:
        body = format_changes(changes)
    else:
        lines = difflib.unified_diff(
            snapshot_text.splitlines(), fresh.splitlines(), "snapshot", "spec", lineterm=""
        )
        body = why + ":\n" + "\n".join(lines)
    return (
        f"{SNAPSHOT.relative_to(ROOT)} is not the surface of the spec.\n{body}\n"
        "If the spec change is intended: fix what the other failing pins name, "
        f"then accept it with `{ACCEPT}`."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build, write or compare API surface snapshots.")
    sub = parser.add_subparsers(dest="action", required=True)
    show = sub.add_parser("show", help="print the snapshot of a spec")
    show.add_argument("spec", type=Path, nargs="?", default=SPEC)
    sub.add_parser("write", help=f"rewrite {SNAPSHOT.relative_to(ROOT)} from the spec")
    compare = sub.add_parser("diff", help="changes from OLD to NEW (spec or snapshot files)")
    compare.add_argument("old", type=Path)
    compare.add_argument("new", type=Path)
    args = parser.parse_args(argv)
    if args.action == "show":
        sys.stdout.write(render(build(load_spec(args.spec))))
        return 0
    if args.action == "write":
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(render(build(load_spec(SPEC))), encoding="utf-8")
        print(f"wrote {SNAPSHOT.relative_to(ROOT)}")
        return 0
    print(format_changes(diff(surface_of(args.old), surface_of(args.new))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
