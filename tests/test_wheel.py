"""The distributions: what the wheel and the sdist hold, and a wheel installed into a fresh venv.

Both are built once per session with hatchling's PEP 517 hooks (the backend ``python -m
build`` drives in ``nox -s build``), offline. Installing the wheel needs its dependencies
from the package index (pip's cache serves them after the first run).
"""

from __future__ import annotations

import email
import email.message
import os
import subprocess
import sys
import tarfile
import textwrap
import venv
import zipfile
from pathlib import Path, PurePosixPath

import pytest
import sendcloud_integrations as sc

from .conftest import ROOT

BUILD = "import sys, hatchling.build as b; print(getattr(b, 'build_' + sys.argv[1])(sys.argv[2]))"


def _build(kind: str, out: Path, cwd: Path = ROOT) -> Path:
    done = subprocess.run(
        [sys.executable, "-c", BUILD, kind, str(out)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return out / done.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build("wheel", tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="session")
def sdist_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist, built and unpacked."""
    out = tmp_path_factory.mktemp("sdist")
    archive = _build("sdist", out)
    with tarfile.open(archive) as tar:
        tar.extractall(out / "unpacked", filter="data")
    (tree,) = (out / "unpacked").iterdir()
    return tree


def _wheel_names(wheel: Path) -> list[PurePosixPath]:
    with zipfile.ZipFile(wheel) as archive:
        return [PurePosixPath(n) for n in archive.namelist()]


def _metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return email.message_from_bytes(archive.read(name))


def test_wheel_holds_both_packages_typed_and_the_sandbox_spec(wheel: Path) -> None:
    """Both packages with py.typed, and the spec where the installed sandbox reads it."""
    names = set(_wheel_names(wheel))
    for package in ("sendcloud_integrations", "sendcloud_integrations_api"):
        assert PurePosixPath(package, "__init__.py") in names
        assert PurePosixPath(package, "py.typed") in names
    assert PurePosixPath("sendcloud_integrations/testing/integrations.yaml") in names
    overlay = ROOT / "overlays" / "sendcloud_integrations"
    for module in overlay.rglob("*.py"):
        assert PurePosixPath("sendcloud_integrations", *module.relative_to(overlay).parts) in names


def test_wheel_holds_no_tests_caches_or_tooling(wheel: Path) -> None:
    """Only the two packages and dist-info: no tests, tools, caches or compiled files."""
    tops = {n.parts[0] for n in _wheel_names(wheel)}
    assert tops == {
        "sendcloud_integrations",
        "sendcloud_integrations_api",
        f"sendcloud_integrations-{sc.__version__}.dist-info",
    }
    for name in _wheel_names(wheel):
        assert not {"tests", "__pycache__", ".mypy_cache", ".pytest_cache"} & set(name.parts)
        assert name.suffix not in {".pyc", ".pyo"}


def test_wheel_metadata_is_complete(wheel: Path) -> None:
    """Requires-Python, licence, classifiers, URLs, dependencies and the sandbox extra."""
    meta = _metadata(wheel)
    assert meta["Name"] == "sendcloud-integrations"
    assert meta["Version"] == sc.__version__
    assert meta["Requires-Python"] == ">=3.11"
    assert meta["License-Expression"] == "Apache-2.0"
    assert meta["Description-Content-Type"] == "text/markdown"
    classifiers = meta.get_all("Classifier") or []
    assert "Typing :: Typed" in classifiers
    assert "Programming Language :: Python :: 3.11" in classifiers
    urls = {u.split(", ", 1)[0] for u in meta.get_all("Project-URL") or []}
    assert {"Homepage", "Source", "Changelog"} <= urls
    requires = meta.get_all("Requires-Dist") or []
    assert any(r.startswith("httpx") for r in requires)
    assert any(r.startswith("jsonschema") and "extra == 'sandbox'" in r for r in requires)


def test_sdist_holds_what_regeneration_and_the_tests_need(sdist_tree: Path) -> None:
    """Spec, generator config, lock, templates, noxfile, tools, tests and Prism's lockfile."""
    for name in (
        "openapi/integrations.yaml",
        "openapi/integrations.lock",
        "generator-config.yaml",
        "templates",
        "noxfile.py",
        "tools/generate.py",
        "tests/conftest.py",
        "tools/prism.py",
        "package-lock.json",
        "pyproject.toml",
        "README.md",
        "CHANGELOG.md",
        "LICENSE",
    ):
        assert (sdist_tree / name).exists(), name
    junk = {".git", ".venv", ".nox", "__pycache__", ".mypy_cache", ".pytest_cache", "dist"}
    assert not [p for p in sdist_tree.rglob("*") if junk & set(p.parts[len(sdist_tree.parts) :])]


def test_generation_and_tests_run_from_the_unpacked_sdist(sdist_tree: Path) -> None:
    """In the unpacked sdist, the drift check passes and spec/drift tests run on its own code."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(str(sdist_tree / d) for d in ("overlays", "generated")),
    }
    check = [sys.executable, "tools/generate.py", "check"]
    subprocess.run(check, cwd=sdist_tree, env=env, check=True, capture_output=True)
    pytest_args = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_generated_drift.py"]
    ran = subprocess.run(
        [sys.executable, *pytest_args, "tests/test_spec.py"],
        cwd=sdist_tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ran.returncode == 0, ran.stdout[-3000:]
    assert " passed" in ran.stdout


SMOKE = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    import anyio
    import sendcloud_integrations as sc
    from sendcloud_integrations.testing import PRESTASHOP_ID, Sandbox, spec_path

    repo, prefix = Path(sys.argv[1]), Path(sys.prefix)
    assert not any(Path(p or ".").resolve().is_relative_to(repo) for p in sys.path), sys.path
    for module in (sc, spec_path()):
        assert Path(getattr(module, "__file__", module)).is_relative_to(prefix), module

    sandbox = Sandbox()
    creds = sandbox.credentials
    with sandbox.serve() as server:
        auth = sc.BasicAuth(creds.public_key, creds.secret_key)
        with sc.Client(auth=auth, base_url=server.base_url) as client:
            print(len(client.integrations.list()))

        async def main():
            oauth = sc.OAuth2ClientCredentials(
                creds.client_id, creds.client_secret, token_url=server.token_url
            )
            async with sc.AsyncClient(auth=oauth, base_url=server.base_url) as client:
                return (await client.integrations.get(PRESTASHOP_ID)).id

        print(anyio.run(main))
    print(sc.__version__)
    """
)


def test_wheel_installed_in_a_fresh_venv_calls_the_sandbox(wheel: Path, tmp_path: Path) -> None:
    """pip installs the wheel with its sandbox extra into a new venv; from there, with no
    repository on sys.path, a sync and an async client call the wheel's own sandbox."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "-q"]
    subprocess.run([*install, f"{wheel}[sandbox]"], check=True, capture_output=True)
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    ran = subprocess.run(
        [str(python), "-I", "-c", SMOKE, str(ROOT)],
        cwd=tmp_path,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr
    count, prestashop_id, version = ran.stdout.split()
    assert int(count) > 0
    assert prestashop_id == "251"
    assert version == sc.__version__
