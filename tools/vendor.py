"""Vendor this SDK into another package: ``nox -s vendor -- DEST --package acme._vendor.sendcloud``.

DEST is the directory of the package named by ``--package``. It receives both packages
(``sendcloud_integrations`` and ``sendcloud_integrations_api``) with every absolute import of
them rewritten to live below that package, the files the wheel force-includes (the spec the
sandbox reads), the spec lock, the licence and ``VENDORED.txt`` (version, spec version,
source commit, the command, and the requirements the downstream must declare itself).
The copy is what the wheel holds: the package list and force-includes are read from
pyproject's ``[tool.hatch.build.targets.wheel]``, so the two cannot drift apart.

Why not pip's ``vendoring`` tool (1.4.0, evaluated on this repo): it installs
requirements with ``pip install -t DEST --no-deps`` and rewrites imports with line
regexes. Pointed at this checkout (``sendcloud-integrations @ file://...``) it did
produce an importable copy, but: namespace and destination come only from a
``[tool.vendoring]`` table in the cwd's pyproject (no ``--package``: we would write a
throwaway config per run); it leaves ``sendcloud_integrations-*.dist-info`` (with our
pytest11 entry point) in DEST unless told to drop it; its regexes see code and
docstrings alike and never touch string references, so ``logging.getLogger(
"sendcloud_integrations")`` and the ``__module__`` renaming in ``__init__`` keep pointing
at the installed package (a shared logger and wrong reprs); it fetches licences with
``pip download`` of the requirement's sdist; it has no notion of the spec version or
lock; and it brings click, requests, rich, jsonschema, tomli and packaging along.
What we need is ~200 lines of stdlib: rewrite two known packages from this source tree,
exactly (``ast`` finds the imports, ``tokenize`` the string literals), and fail loudly
on a form that cannot be rewritten.

Rewrites, with P the target package:
- ``from sendcloud_integrations... import x`` -> ``from P.sendcloud_integrations... import x``;
- ``import sendcloud_integrations.x as y`` -> ``import P.sendcloud_integrations.x as y``;
- ``import sendcloud_integrations`` -> ``from P import sendcloud_integrations``;
- ``import sendcloud_integrations.x`` (binds the top-level name) is refused;
- a string literal that is exactly a module path of ours, or such a path with a trailing
  dot (``"sendcloud_integrations"``, ``"sendcloud_integrations."``): logger names and
  module prefixes follow the copy, so the downstream's logging config covers it and
  the installed SDK's does not. Prose in docstrings is left alone.
Relative imports need nothing.
"""

from __future__ import annotations

import argparse
import ast
import io
import keyword
import re
import shlex
import shutil
import subprocess
import sys
import tokenize
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKER = "VENDORED.txt"
_SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo")


class VendorError(Exception):
    """The copy cannot be written as asked; nothing usable was produced."""


def _lines(source: str) -> list[str]:
    # Only "\n" ends a line for ast and tokenize (str.splitlines also splits on \f, \x1c...).
    return io.StringIO(source, newline="").readlines()


def _offsets(source: str) -> list[int]:
    starts = [0]
    for line in _lines(source):
        starts.append(starts[-1] + len(line))
    return starts


def rewrite_source(source: str, package: str, tops: frozenset[str], where: str = "<src>") -> str:
    """``source`` with absolute imports of and string references to ``tops`` moved below
    ``package``."""
    lines = _lines(source)
    starts = _offsets(source)

    def at(lineno: int, byte_col: int) -> int:
        # ast columns count UTF-8 bytes; slicing needs characters.
        return starts[lineno - 1] + len(lines[lineno - 1].encode()[:byte_col].decode())

    def ours(name: str) -> bool:
        return name.split(".", 1)[0] in tops

    edits: list[tuple[int, int, str]] = []
    for node in ast.walk(ast.parse(source, where)):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and ours(node.module or ""):
            start = at(node.lineno, node.col_offset)
            module = node.module or ""
            found = re.match(r"from(\s+)([\w.]+)", source[start:])
            if found is None or found.group(2) != module:
                raise VendorError(f"{where}:{node.lineno}: cannot locate the module of this import")
            name_at = start + found.start(2)
            edits.append((name_at, name_at + len(module), f"{package}.{module}"))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if not ours(alias.name):
                    continue
                if alias.asname is None and "." in alias.name:
                    raise VendorError(
                        f"{where}:{node.lineno}: `import {alias.name}` binds the top-level name "
                        f"and cannot move below a package; write `import {alias.name} as ...`"
                    )
                if alias.asname is None and len(node.names) > 1:
                    raise VendorError(f"{where}:{node.lineno}: import {alias.name} on its own line")
                if alias.asname is None:
                    edits.append(
                        (
                            at(node.lineno, node.col_offset),
                            at(node.end_lineno or node.lineno, node.end_col_offset or 0),
                            f"from {package} import {alias.name}",
                        )
                    )
                else:
                    name_at = at(alias.lineno, alias.col_offset)
                    edits.append((name_at, name_at + len(alias.name), f"{package}.{alias.name}"))
    edits.extend(_string_edits(source, starts, package, tops))
    for begin, end, text in sorted(edits, reverse=True):
        source = source[:begin] + text + source[end:]
    return source


def _string_edits(
    source: str, starts: list[int], package: str, tops: frozenset[str]
) -> list[tuple[int, int, str]]:
    names = "|".join(re.escape(t) for t in sorted(tops))
    module_path = re.compile(rf"(?:{names})(?:\.[A-Za-z_][\w.]*|\.)?")
    edits = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type != tokenize.STRING:
            continue
        prefix = re.match(r"[A-Za-z]*", tok.string)
        if prefix is None or set(prefix.group().lower()) & {"f", "b"}:
            continue
        value = ast.literal_eval(tok.string)
        if isinstance(value, str) and module_path.fullmatch(value):
            # A module path has no escapes, so the literal's body is the value itself.
            begin = starts[tok.start[0] - 1] + tok.start[1]
            inner = tok.string.index(value)
            edits.append((begin + inner, begin + inner + len(value), f"{package}.{value}"))
    return edits


def check_rewritten(source: str, tops: frozenset[str], where: str) -> None:
    """Fail when an absolute import of ``tops`` survived the rewrite."""
    for node in ast.walk(ast.parse(source, where)):
        if isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        for name in names:
            if name.split(".", 1)[0] in tops:
                raise VendorError(f"{where}:{node.lineno}: import of {name} was not rewritten")


def wheel_layout(root: Path = ROOT) -> tuple[list[Path], dict[Path, str]]:
    """The wheel's package directories and force-included files, from pyproject."""
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]
    packages = [root / p for p in wheel["packages"]]
    forced = {root / src: dest for src, dest in wheel.get("force-include", {}).items()}
    return packages, forced


def _valid_package(name: str) -> bool:
    parts = name.split(".")
    return all(p.isidentifier() and not keyword.iskeyword(p) for p in parts)


def _metadata(root: Path) -> dict[str, str]:
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    project = pyproject["project"]
    scope: dict[str, object] = {}
    exec((root / pyproject["tool"]["hatch"]["version"]["path"]).read_text(), scope)
    # SPEC_VERSION is generated with the client (tools/request_schema.py).
    exec(
        (root / "generated" / "sendcloud_integrations_api" / "_request_schema.py").read_text(),
        scope,
    )
    commit = subprocess.run(
        ["git", "-C", str(root), "describe", "--always", "--dirty", "--abbrev=40"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "distribution": project["name"],
        "version": str(scope["__version__"]),
        "spec_version": str(scope["SPEC_VERSION"]),
        "source_commit": commit or "unknown (not a git checkout)",
        "requires": "; ".join(project["dependencies"]),
        "sandbox_requires": "; ".join(project["optional-dependencies"]["sandbox"]),
    }


def write_vendored(
    dest: Path, package: str, *, command: str, sandbox: bool = True, root: Path = ROOT
) -> dict[str, str]:
    """Write the vendored copy into ``dest`` (the directory of ``package``); return VENDORED.txt's
    fields."""
    if not _valid_package(package):
        raise VendorError(f"--package {package!r} is not a dotted Python name")
    packages, forced = wheel_layout(root)
    tops = frozenset(p.name for p in packages)
    ours = [*tops, "__init__.py", "LICENSE", "integrations.lock", MARKER]
    if any((dest / n).exists() for n in ours) and not (dest / MARKER).is_file():
        raise VendorError(
            f"{dest} holds files this tool did not write (no {MARKER}); not touching it"
        )
    for name in ours:
        target = dest / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    dest.mkdir(parents=True, exist_ok=True)
    ignore = (
        _SKIP if sandbox else shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo", "testing")
    )
    for src in packages:
        shutil.copytree(src, dest / src.name, ignore=ignore)
    for src, rel in forced.items():
        if sandbox or "/testing/" not in f"/{rel}":
            shutil.copyfile(src, dest / rel)
    for top in sorted(tops):
        for path in sorted((dest / top).rglob("*.py")):
            where = str(path.relative_to(dest))
            text = rewrite_source(path.read_text(encoding="utf-8"), package, tops, where)
            check_rewritten(text, tops, where)
            path.write_text(text, encoding="utf-8")
    shutil.copyfile(root / "LICENSE", dest / "LICENSE")
    shutil.copyfile(root / "openapi" / "integrations.lock", dest / "integrations.lock")
    fields = {**_metadata(root), "package": package, "sandbox": str(sandbox).lower()}
    fields["command"] = command
    (dest / "__init__.py").write_text(
        f'"""{fields["distribution"]} {fields["version"]}, vendored; see {MARKER}."""\n',
        encoding="utf-8",
    )
    header = "# Vendored copy of sendcloud-integrations; regenerate it, do not edit by hand.\n"
    body = "".join(f"{key}: {value}\n" for key, value in fields.items())
    (dest / MARKER).write_text(header + body, encoding="utf-8")
    return fields


def read_marker(dest: Path) -> dict[str, str]:
    """The fields of ``dest/VENDORED.txt``."""
    text = (dest / MARKER).read_text(encoding="utf-8")
    pairs = (line.split(": ", 1) for line in text.splitlines() if line and line[0] != "#")
    return {key: value for key, value in pairs}


_VERIFY = """
import importlib, sys
mod = importlib.import_module(sys.argv[1] + ".sendcloud_integrations")
leaked = sorted(m for m in sys.modules if m.split(".")[0] in {"sendcloud_integrations",
                                                              "sendcloud_integrations_api"})
assert not leaked, f"the copy imported the installed SDK: {leaked}"
print(f"imported {mod.__name__} {mod.__version__} (spec {mod.SPEC_VERSION}) from {mod.__file__}")
if sys.argv[2] == "true":
    sandbox = importlib.import_module(sys.argv[1] + ".sendcloud_integrations.testing").Sandbox()
    auth = mod.BasicAuth(sandbox.credentials.public_key, sandbox.credentials.secret_key)
    with mod.Client(auth=auth, base_url=sandbox.base_url, transport=sandbox.transport()) as c:
        print(f"listed {len(c.integrations.list())} integrations from the copy's sandbox")
"""


def verify(dest: Path, package: str, *, sandbox: bool) -> None:
    """Import the copy in a fresh interpreter (``-I``: no cwd, no PYTHONPATH) and, with the
    sandbox, make one call with the copy's client against the copy's sandbox."""
    parts = package.split(".")
    if list(dest.resolve().parts[-len(parts) :]) != parts:
        # The import root is unknown; the downstream's own tests import it from there.
        print(f"not imported: DEST does not end with {'/'.join(parts)}")
        return
    base = dest.resolve().parents[len(parts) - 1]
    code = f"import sys; sys.path.insert(0, {str(base)!r})\n" + _VERIFY
    flag = str(sandbox).lower()
    subprocess.run([sys.executable, "-I", "-B", "-c", code, package, flag], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="nox -s vendor --", description=__doc__.split("\n")[0])
    parser.add_argument("dest", type=Path, help="directory of the package named by --package")
    parser.add_argument("--package", required=True, help="dotted name, e.g. acme._vendor.sendcloud")
    parser.add_argument(
        "--no-sandbox", action="store_true", help="leave out sendcloud_integrations.testing"
    )
    parser.add_argument("--verify", action="store_true", help="import the copy afterwards")
    args = parser.parse_args(argv)
    given = sys.argv[1:] if argv is None else argv
    command = "nox -s vendor -- " + shlex.join(a for a in given if a != "--verify")
    try:
        fields = write_vendored(
            args.dest, args.package, command=command, sandbox=not args.no_sandbox
        )
        what = f"{fields['distribution']} {fields['version']}"
        print(f"vendored {what} as {args.package} in {args.dest}")
        print(f"the downstream must require: {fields['requires']}")
        if args.verify:
            verify(args.dest, args.package, sandbox=not args.no_sandbox)
    except VendorError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
