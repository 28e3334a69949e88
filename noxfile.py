"""Developer and CI sessions. `python -m nox` runs the default set (what CI runs)."""

from __future__ import annotations

from pathlib import Path

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_venv = "yes"
nox.options.error_on_missing_interpreters = True
nox.options.sessions = ["tests", "lint", "typecheck", "typing", "vendor", "build", "contract"]

PYTHON = "3.11"
# The generator and the ruff its post hooks run are pinned together: a change
# of either changes generated/ and must go through `nox -s generate`.
GENERATOR_PIN = "openapi-python-client==0.29.1"
RUFF_PIN = "ruff==0.17.6"
MYPY_PIN = "mypy==2.4.1"
# Stubs for the sandbox extra's libraries that ship no type information.
TYPE_STUBS = ["types-jsonschema==4.26.0.20261006", "types-PyYAML==6.0.12.20261113"]

PYPROJECT = nox.project.load_toml("pyproject.toml")


@nox.session(python=PYTHON)
def generate(session: nox.Session) -> None:
    """Rewrite generated/ and openapi/integrations.lock from the spec and config."""
    session.install(GENERATOR_PIN, RUFF_PIN)
    session.run("python", "tools/generate.py", "write")


@nox.session(python=PYTHON)
def check_generated(session: nox.Session) -> None:
    """Fail when generated/ or the lock is not what the pinned generator writes."""
    session.install(GENERATOR_PIN, RUFF_PIN)
    session.run("python", "tools/generate.py", "check")


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The whole pytest suite, including the drift check of generated/."""
    session.install("-e", ".[sandbox,redis]", *nox.project.dependency_groups(PYPROJECT, "test"))
    session.install(GENERATOR_PIN, RUFF_PIN)
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def contract(session: nox.Session) -> None:
    """Stoplight Prism judges the client's requests and responses (needs Node.js and npm).

    Installs the Prism of package-lock.json into node_modules/, then runs tests/contract,
    which starts `prism mock` on 127.0.0.1 and stops it when the tests end.
    """
    session.install("-e", ".", *nox.project.dependency_groups(PYPROJECT, "contract"))
    session.run("python", "tools/prism.py", "install")
    session.run("pytest", "tests/contract", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff lint and format check of the hand-written code."""
    session.install(RUFF_PIN)
    paths = ["overlays", "tests", "tools", "noxfile.py"]
    session.run("ruff", "check", *paths)
    session.run("ruff", "format", "--check", *paths)


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the overlays (the public package)."""
    # pytest: the sandbox ships a pytest plugin, whose fixtures mypy must see typed.
    session.install("-e", ".[sandbox,redis]", MYPY_PIN, "pytest", *TYPE_STUBS)
    session.run("mypy", "--strict", "overlays/sendcloud_integrations")


# Also in the test dependency group (tests/test_api_diff.py); keep the two equal.
GRIFFE_PIN = "griffe==2.4.1"


@nox.session(python=PYTHON)
def update_spec(session: nox.Session) -> None:
    """Take a new upstream spec in: `-- PATH`, then `-- --accept-snapshot` once reviewed.

    Validates PATH, prints the API surface diff (each change breaking or additive),
    copies it to openapi/, regenerates generated/ and the lock, runs the pinned tests.
    """
    session.install("-e", ".[sandbox]", *nox.project.dependency_groups(PYPROJECT, "test"))
    session.install(GENERATOR_PIN, RUFF_PIN)
    session.run("python", "tools/update_spec.py", *session.posargs)


@nox.session(python=PYTHON)
def api_diff(session: nox.Session) -> None:
    """Breaking changes to the public API of sendcloud_integrations since the last tag or `-- REF`.

    Exits 1 when there are any (griffe), 0 when none or when nothing has been tagged yet.
    """
    session.install(GRIFFE_PIN)
    session.run("python", "tools/api_diff.py", *session.posargs)


# Release tooling (issue #9). build and twine only ever run in the build session.
BUILD_PINS = ["build==1.6.1", "twine==7.0.0"]
VENDOR_EXAMPLE = ["build/vendor/acme/_vendor/sendcloud", "--package", "acme._vendor.sendcloud"]


@nox.session(python=PYTHON)
def vendor(session: nox.Session) -> None:
    """Vendor the SDK into another package: `-- DEST --package acme._vendor.sendcloud`.

    Without arguments it writes the example copy build/vendor/acme/_vendor/sendcloud.
    Either way the copy is then imported in a fresh interpreter and its client makes a
    call against its own sandbox.
    """
    project = PYPROJECT["project"]
    session.install(*project["dependencies"], *project["optional-dependencies"]["sandbox"])
    session.run("python", "tools/vendor.py", *(session.posargs or VENDOR_EXAMPLE), "--verify")


@nox.session(python=PYTHON)
def build(session: nox.Session) -> None:
    """The sdist and the wheel into dist/ with `python -m build`, then `twine check --strict`."""
    session.install(*BUILD_PINS)
    # Old artifacts of ours would be checked (and later uploaded) alongside the new ones.
    for old in Path("dist").glob("sendcloud_integrations-*"):
        old.unlink()
    session.run("python", "-m", "build", "--outdir", "dist")
    built = sorted(str(p) for p in Path("dist").glob("sendcloud_integrations-*"))
    session.run("twine", "check", "--strict", *built)


@nox.session(name="typing", python=PYTHON)
def typing_session(session: nox.Session) -> None:
    """mypy --strict on tests/typing: the public API as users call it, sync and async."""
    session.install("-e", ".[sandbox,redis]", MYPY_PIN, *TYPE_STUBS)
    session.run("mypy", "--strict", "tests/typing")


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Issue #10's five measurements and issue #6's pagination one: a table, docs/benchmarks.md.

    Not a default session: CI does not run benchmarks. `-- --quick` for a fast smoke run.
    """
    session.install("-e", ".[sandbox]")
    session.run("python", "tools/bench.py", *session.posargs)
