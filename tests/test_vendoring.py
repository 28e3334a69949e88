"""The vendored copy (tools/vendor.py, `nox -s vendor`): self-contained, and beside the
installed SDK without sharing a class, a logger or a context variable with it."""

from __future__ import annotations

import ast
import importlib
import logging
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
import sendcloud_integrations as sc
from sendcloud_integrations.testing import PRESTASHOP_ID, Sandbox, SandboxServer

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import vendor

PACKAGE = "acme._vendor.sendcloud"
OURS = frozenset({"sendcloud_integrations", "sendcloud_integrations_api"})


@pytest.fixture(scope="module")
def dest(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy vendored by the command line, importable from a downstream's source root."""
    root = tmp_path_factory.mktemp("downstream")
    target = root / "acme" / "_vendor" / "sendcloud"
    assert vendor.main([str(target), "--package", PACKAGE]) == 0
    sys.path.insert(0, str(root))
    try:
        yield target
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m == "acme" or m.startswith("acme.")]:
            del sys.modules[name]


@pytest.fixture(scope="module")
def copy(dest: Path) -> ModuleType:
    return importlib.import_module(f"{PACKAGE}.sendcloud_integrations")


def copy_client(copy: ModuleType, sandbox: Sandbox, server: SandboxServer) -> sc.Client:
    auth = copy.BasicAuth(sandbox.credentials.public_key, sandbox.credentials.secret_key)
    client: sc.Client = copy.Client(auth=auth, base_url=server.base_url)
    return client


def installed_client(sandbox: Sandbox, server: SandboxServer) -> sc.Client:
    auth = sc.BasicAuth(sandbox.credentials.public_key, sandbox.credentials.secret_key)
    return sc.Client(auth=auth, base_url=server.base_url)


def test_copy_holds_both_packages_the_spec_the_lock_and_the_license(dest: Path) -> None:
    """DEST gets both packages (py.typed, the sandbox's spec), the lock and LICENSE."""
    for name in ("sendcloud_integrations", "sendcloud_integrations_api"):
        assert (dest / name / "__init__.py").is_file()
        assert (dest / name / "py.typed").is_file()
    spec = ROOT / "openapi" / "integrations.yaml"
    packaged = dest / "sendcloud_integrations" / "testing" / "integrations.yaml"
    assert packaged.read_bytes() == spec.read_bytes()
    lock = (ROOT / "openapi" / "integrations.lock").read_bytes()
    assert (dest / "integrations.lock").read_bytes() == lock
    assert (dest / "LICENSE").read_bytes() == (ROOT / "LICENSE").read_bytes()


def test_copy_has_every_source_file_and_nothing_else(dest: Path) -> None:
    """The packages are copied file for file (no caches), plus the spec the sandbox reads."""

    def files(top: Path) -> set[Path]:
        found = (p.relative_to(top) for p in top.rglob("*") if p.is_file())
        return {p for p in found if "__pycache__" not in p.parts}

    overlay = ROOT / "overlays" / "sendcloud_integrations"
    spec = Path("testing/integrations.yaml")
    assert files(dest / "sendcloud_integrations") == files(overlay) | {spec}
    generated = ROOT / "generated" / "sendcloud_integrations_api"
    assert files(dest / "sendcloud_integrations_api") == files(generated)


def test_marker_records_version_spec_version_and_command(dest: Path) -> None:
    """VENDORED.txt names the version, the spec version, the command and the requirements."""
    fields = vendor.read_marker(dest)
    assert fields["version"] == sc.__version__
    assert fields["spec_version"] == sc.SPEC_VERSION
    assert fields["package"] == PACKAGE
    assert fields["command"] == f"nox -s vendor -- {dest} --package {PACKAGE}"
    assert "httpx>=0.27,<1" in fields["requires"].split("; ")
    assert fields["source_commit"]


def test_no_absolute_import_of_the_original_packages_remains(dest: Path) -> None:
    """Every module of the copy imports the packages only through the new package name."""
    sources = sorted(dest.rglob("*.py"))
    assert len(sources) > 50
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                assert (node.module or "").split(".")[0] not in OURS, path
            elif isinstance(node, ast.Import):
                assert all(a.name.split(".")[0] not in OURS for a in node.names), path


def test_copy_and_installed_package_are_distinct_modules(copy: ModuleType) -> None:
    """The copy's classes, models and errors are its own, not the installed package's."""
    assert copy.__file__ is not None
    assert sc.__file__ is not None
    assert Path(copy.__file__).parent != Path(sc.__file__).parent
    for name in ("Client", "AsyncClient", "SendcloudError", "APIError", "Integration"):
        assert getattr(copy, name) is not getattr(sc, name), name
    assert not issubclass(copy.SendcloudError, sc.SendcloudError)
    assert copy.APIError.__module__ == f"{PACKAGE}.sendcloud_integrations"
    assert copy.Integration.__module__.startswith(f"{PACKAGE}.sendcloud_integrations_api.")
    assert sc.APIError.__module__ == "sendcloud_integrations"


def test_copy_runs_without_the_installed_package(dest: Path) -> None:
    """In a fresh interpreter where importing the original packages fails, the copy works."""
    program = textwrap.dedent(
        f"""
        import importlib.abc, sys

        class Refuse(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in {sorted(OURS)!r}:
                    raise ImportError("the copy imported " + name)

        sys.meta_path.insert(0, Refuse())
        sys.path.insert(0, {str(dest.parents[2])!r})
        import anyio
        from {PACKAGE} import sendcloud_integrations as sc
        from {PACKAGE}.sendcloud_integrations.testing import Sandbox, spec_path

        sandbox = Sandbox()
        auth = sc.BasicAuth(sandbox.credentials.public_key, sandbox.credentials.secret_key)
        with sc.Client(auth=auth, base_url=sandbox.base_url, transport=sandbox.transport()) as c:
            print(len(c.integrations.list()))

        async def logs():
            async with sc.AsyncClient(
                auth=auth, base_url=sandbox.base_url, transport=sandbox.transport()
            ) as c:
                return [log async for log in c.exception_logs.list(limit=5)]

        print(len(anyio.run(logs)))
        print(spec_path())
        """
    )
    ran = subprocess.run(
        [sys.executable, "-I", "-B", "-c", program], capture_output=True, text=True, check=False
    )
    assert ran.returncode == 0, ran.stderr
    integrations, logs, spec = ran.stdout.split()
    assert int(integrations) > 0
    assert logs == "5"
    assert Path(spec) == dest / "sendcloud_integrations" / "testing" / "integrations.yaml"


def test_copy_calls_the_installed_sandbox_sync(
    copy: ModuleType, sandbox: Sandbox, sandbox_server: SandboxServer
) -> None:
    """The copy's sync client lists, updates, creates and paginates over loopback HTTP."""
    with copy_client(copy, sandbox, sandbox_server) as client:
        integrations = client.integrations.list()
        assert integrations
        assert all(isinstance(i, copy.Integration) for i in integrations)
        client.integrations.update(PRESTASHOP_ID, shop_name="Vendored")
        assert client.integrations.get(PRESTASHOP_ID).shop_name == "Vendored"
        log = client.exception_logs.create(PRESTASHOP_ID, base_url="https://shop.example")
        assert isinstance(log, copy.IntegrationLog)
        assert len(list(client.exception_logs.list(page_size=50, limit=120))) == 120
        with pytest.raises(copy.NotFoundError) as caught:
            client.integrations.get(999_999_999)
    assert not isinstance(caught.value, sc.SendcloudError)


@pytest.mark.anyio
async def test_copy_calls_the_installed_sandbox_async(
    copy: ModuleType, sandbox: Sandbox, sandbox_server: SandboxServer
) -> None:
    """The copy's async client reads, writes and paginates against the same sandbox."""
    auth = copy.BasicAuth(sandbox.credentials.public_key, sandbox.credentials.secret_key)
    async with copy.AsyncClient(auth=auth, base_url=sandbox_server.base_url) as client:
        integration = await client.integrations.get(PRESTASHOP_ID)
        assert isinstance(integration, copy.Integration)
        await client.exception_logs.create(PRESTASHOP_ID, base_url="https://shop.example")
        logs = [log async for log in client.exception_logs.list(PRESTASHOP_ID, limit=3)]
        assert len(logs) == 3
        assert all(isinstance(log, copy.IntegrationLog) for log in logs)


def test_response_capture_is_not_shared(
    copy: ModuleType, sandbox: Sandbox, sandbox_server: SandboxServer
) -> None:
    """Each copy's capture_responses sees only its own calls (separate context variables)."""
    with (
        installed_client(sandbox, sandbox_server) as installed,
        copy_client(copy, sandbox, sandbox_server) as vendored,
    ):
        with installed.capture_responses() as seen_by_installed:
            vendored.integrations.list()
        with vendored.capture_responses() as seen_by_copy:
            installed.integrations.list()
            vendored.integrations.get(PRESTASHOP_ID)
    assert seen_by_installed.responses == []
    assert [r.request.url.path for r in seen_by_copy.responses] == [
        f"/api/v3/integrations/{PRESTASHOP_ID}"
    ]


def test_copy_logs_under_its_own_logger(
    copy: ModuleType,
    sandbox: Sandbox,
    sandbox_server: SandboxServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The copy logs under its vendored name, so each side's logging config stays its own."""
    caplog.set_level(logging.DEBUG)
    with copy_client(copy, sandbox, sandbox_server) as vendored:
        vendored.integrations.get(PRESTASHOP_ID)
    from_copy = {r.name for r in caplog.records if "sendcloud" in r.name}
    caplog.clear()
    with installed_client(sandbox, sandbox_server) as installed:
        installed.integrations.get(PRESTASHOP_ID)
    from_installed = {r.name for r in caplog.records if "sendcloud" in r.name}
    assert from_copy == {f"{PACKAGE}.sendcloud_integrations"}
    assert from_installed == {"sendcloud_integrations"}
