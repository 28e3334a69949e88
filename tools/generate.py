"""Regenerate the low-level client from the spec, or check that it is current.

`nox -s generate` runs ``python tools/generate.py write``; the drift test in
tests/test_generated_drift.py imports :func:`generate_into` and
:func:`diff_trees` so that both compare exactly the same pipeline.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "integrations.yaml"
CONFIG = ROOT / "generator-config.yaml"
TEMPLATES = ROOT / "templates"
LOCK = ROOT / "openapi" / "integrations.lock"
PACKAGE = "sendcloud_integrations_api"
GENERATED = ROOT / "generated" / PACKAGE

GENERATOR = "openapi-python-client"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _templates_sha256() -> str | None:
    if not TEMPLATES.is_dir():
        return None
    digest = hashlib.sha256()
    for path in sorted(p for p in TEMPLATES.rglob("*") if p.is_file()):
        digest.update(path.relative_to(TEMPLATES).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def current_lock() -> dict[str, str]:
    """What the lock must say for the spec, config and tools in use now."""
    lock = {
        "spec_sha256": _sha256(SPEC),
        "config_sha256": _sha256(CONFIG),
        "generator": f"{GENERATOR}=={metadata.version(GENERATOR)}",
        "ruff": f"ruff=={metadata.version('ruff')}",
    }
    lock["request_schema_sha256"] = _sha256(Path(__file__).with_name("request_schema.py"))
    templates = _templates_sha256()
    if templates is not None:
        lock["templates_sha256"] = templates
    return lock


def read_lock() -> dict[str, str]:
    with LOCK.open("rb") as f:
        return {k: str(v) for k, v in tomllib.load(f).items()}


def write_lock() -> None:
    lines = [
        "# Written by `nox -s generate`; checked by tests/test_generated_drift.py.",
        *(f'{key} = "{value}"' for key, value in current_lock().items()),
    ]
    LOCK.write_text("\n".join(lines) + "\n", encoding="utf-8")


def lock_mismatches() -> list[str]:
    """Human-readable reasons why the lock no longer matches the inputs."""
    want = current_lock()
    have = read_lock() if LOCK.exists() else {}
    return [
        f"{key}: lock says {have.get(key)!r}, inputs give {want.get(key)!r}"
        for key in sorted(set(want) | set(have))
        if want.get(key) != have.get(key)
    ]


def generate_into(dest: Path) -> Path:
    """Run the pinned generator into ``dest/<package>`` and return that path."""
    out = dest / PACKAGE
    if out.exists():
        shutil.rmtree(out)
    # The post hooks call `ruff`; use the one installed beside the generator.
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    cmd = [
        sys.executable,
        "-m",
        "openapi_python_client",
        "generate",
        "--path",
        str(SPEC),
        "--config",
        str(CONFIG),
        "--meta",
        "none",
        "--output-path",
        str(out),
        "--fail-on-warning",
    ]
    if TEMPLATES.is_dir():
        cmd += ["--custom-template-path", str(TEMPLATES)]
    subprocess.run(cmd, check=True, env=env, cwd=dest, capture_output=True, text=True)
    # The generator does not write a PEP 561 marker with --meta none.
    (out / "py.typed").write_text("")
    _write_request_modules(out, env)
    return out


def _write_request_modules(out: Path, env: dict[str, str]) -> None:
    """The request constraint table and keyword types (tools/request_schema.py), ruff-formatted."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import yaml
    from request_schema import write_modules

    with SPEC.open(encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    files = [str(p) for p in write_modules(spec, out)]
    for hook in (["check", "--fix-only", "--extend-select=I"], ["format"]):
        subprocess.run(
            ["ruff", *hook, "--isolated", "--no-cache", *files],
            check=True,
            env=env,
            capture_output=True,
            text=True,
        )


def _files(root: Path) -> dict[Path, bytes]:
    return {
        p.relative_to(root): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def diff_trees(expected: Path, actual: Path) -> list[str]:
    """Every file that differs, is missing from ``actual`` or is extra in it."""
    want, have = _files(expected), _files(actual)
    problems = [
        f"differs: {PACKAGE}/{rel.as_posix()}"
        for rel in sorted(want.keys() & have.keys())
        if want[rel] != have[rel]
    ]
    problems += [f"missing: {PACKAGE}/{r.as_posix()}" for r in sorted(want.keys() - have.keys())]
    problems += [f"extra: {PACKAGE}/{r.as_posix()}" for r in sorted(have.keys() - want.keys())]
    return problems


def write() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = generate_into(Path(tmp))
        if GENERATED.exists():
            shutil.rmtree(GENERATED)
        GENERATED.parent.mkdir(exist_ok=True)
        shutil.copytree(fresh, GENERATED, ignore=shutil.ignore_patterns("__pycache__"))
    write_lock()
    print(f"wrote {GENERATED.relative_to(ROOT)} and {LOCK.relative_to(ROOT)}")


def check() -> int:
    problems = [f"lock: {m}" for m in lock_mismatches()]
    with tempfile.TemporaryDirectory() as tmp:
        problems += diff_trees(generate_into(Path(tmp)), GENERATED)
    for line in problems:
        print(line)
    if problems:
        print("generated/ is stale or was edited by hand: run `nox -s generate`.")
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("action", choices=["write", "check"])
    args = parser.parse_args()
    if args.action == "write":
        write()
        return 0
    return check()


if __name__ == "__main__":
    sys.exit(main())
