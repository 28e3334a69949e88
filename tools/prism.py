"""Install the pinned Stoplight Prism for the contract tests (``nox -s contract``).

    python tools/prism.py install   # npm ci from package-lock.json, unless already done
    python tools/prism.py version   # the installed Prism's version

Prism goes into ./node_modules (git-ignored). ``npm ci`` installs exactly the
committed lockfile; a stamp of the lockfile's hash skips the reinstall when
nothing changed. Install scripts are not run: Prism needs none, and the one
dependency that has one only reports download statistics.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCKFILE = ROOT / "package-lock.json"
MANIFEST = ROOT / "package.json"
MODULES = ROOT / "node_modules"
BINARY = MODULES / ".bin" / "prism"
STAMP = MODULES / ".prism-lock.sha256"


def _pinned_version() -> str:
    pins: dict[str, str] = json.loads(MANIFEST.read_text())["devDependencies"]
    return pins["@stoplight/prism-cli"]


def _lock_hash() -> str:
    return hashlib.sha256(LOCKFILE.read_bytes()).hexdigest()


def _require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        sys.exit(f"tools/prism.py: `{tool}` is not on PATH; the contract tests need Node.js 18.20+")
    return path


def installed_version() -> str:
    node = _require("node")
    out = subprocess.run([node, str(BINARY), "--version"], check=True, capture_output=True)
    return out.stdout.decode().strip()


def install() -> None:
    if STAMP.exists() and STAMP.read_text() == _lock_hash() and BINARY.exists():
        print(f"Prism {installed_version()} already installed from package-lock.json")
    else:
        npm = _require("npm")
        env = {**os.environ, "SCARF_ANALYTICS": "false"}  # no download statistics either way
        cmd = [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"]
        subprocess.run(cmd, cwd=ROOT, env=env, check=True)
        STAMP.write_text(_lock_hash())
    version = installed_version()
    if version != _pinned_version():
        sys.exit(
            f"tools/prism.py: installed Prism {version}, package.json pins {_pinned_version()}"
        )
    print(f"Prism {version} at {BINARY.relative_to(ROOT)}")


def main(argv: list[str]) -> None:
    if argv == ["install"]:
        install()
    elif argv == ["version"]:
        print(installed_version())
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
