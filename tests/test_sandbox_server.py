"""The sandbox as a process and a server: the command line, the spec's location, raw HTTP."""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import httpx
import sendcloud_integrations as sc
from sendcloud_integrations.testing import Sandbox, SandboxServer, spec_path

from ._sandbox_support import basic_auth
from .conftest import ROOT, SPEC_PATH


def test_command_line_prints_env_lines_that_from_env_reads() -> None:
    """`python -m sendcloud_integrations.testing --port 0` prints SENDCLOUD_* lines a shell can
    export; Client.from_env on exactly those lines talks to the server over loopback."""
    command = [sys.executable, "-m", "sendcloud_integrations.testing", "--port", "0"]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:
        try:
            assert proc.stdout is not None
            lines = [proc.stdout.readline().strip() for _ in range(7)]
            env = dict(line.partition("=")[::2] for line in lines if not line.startswith("#"))
            assert set(env) == {
                "SENDCLOUD_BASE_URL",
                "SENDCLOUD_TOKEN_URL",
                "SENDCLOUD_PUBLIC_KEY",
                "SENDCLOUD_SECRET_KEY",
            }, lines
            assert env["SENDCLOUD_BASE_URL"].startswith("http://127.0.0.1:")
            assert env["SENDCLOUD_BASE_URL"].endswith("/api/v3")
            assert env["SENDCLOUD_TOKEN_URL"].endswith("/oauth2/token/")
            assert any(line.startswith("# SENDCLOUD_CLIENT_ID=") for line in lines)
            with sc.Client.from_env(env) as client:
                assert isinstance(client.integrations.list(), list)
        finally:
            proc.terminate()
            _, errors = proc.communicate(timeout=30)
    assert proc.returncode == 0, errors


def test_spec_is_read_from_the_checkout() -> None:
    """In a source checkout or editable install the sandbox follows openapi/integrations.yaml."""
    assert spec_path().resolve() == SPEC_PATH.resolve()


def test_installed_wheel_serves_from_its_packaged_spec(tmp_path: Path) -> None:
    """A built wheel carries the spec, byte for byte, where the installed sandbox reads it."""
    build = "import sys, hatchling.build as b; print(b.build_wheel(sys.argv[1]))"
    built = subprocess.run(
        [sys.executable, "-c", build, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    wheel = tmp_path / built.stdout.strip().splitlines()[-1]
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    packaged = site / "sendcloud_integrations" / "testing" / "integrations.yaml"
    assert packaged.read_bytes() == SPEC_PATH.read_bytes()
    probe = (
        "import httpx; from sendcloud_integrations.testing import Sandbox, spec_path; "
        "s = Sandbox(); c = httpx.Client(transport=s.transport(), base_url=s.base_url); "
        "print(spec_path()); print(c.get('/integrations').status_code)"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    ran = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    where, status = ran.stdout.split()
    assert Path(where) == packaged
    assert status == "401"  # served, and the request had no credentials


def test_chunked_request_bodies_are_read(sandbox: Sandbox) -> None:
    """A body sent with Transfer-Encoding: chunked reaches the handler whole."""
    with sandbox.serve() as server:
        conn = http.client.HTTPConnection(server.host, server.port, timeout=10)
        auth = basic_auth(sandbox)
        request = httpx.Request("GET", server.base_url)
        header = next(auth.auth_flow(request)).headers["Authorization"]
        body = iter([b'{"base_url": ', b'"https://chunked.example"}'])
        conn.request(
            "POST",
            "/api/v3/integrations/251/logs",
            body=body,
            headers={"Authorization": header, "Content-Type": "application/json"},
            encode_chunked=True,
        )
        response = conn.getresponse()
        assert response.status == 201
        assert b"https://chunked.example" in response.read()
        conn.close()


def test_unknown_paths_answer_404_and_undeclared_methods_405(sandbox_server: SandboxServer) -> None:
    """Paths outside the spec answer 404; QUERY on a spec path answers 405 with Allow."""
    auth = basic_auth(sandbox_server.sandbox)
    with httpx.Client(base_url=sandbox_server.base_url, auth=auth) as client:
        assert client.get("/nothing-here").status_code == 404
        assert httpx.get(sandbox_server.origin + "/elsewhere").status_code == 404
        response = client.request("QUERY", "/integrations")
        assert (response.status_code, response.headers["Allow"]) == (405, "GET")


def test_stop_closes_idle_keep_alive_connections(sandbox: Sandbox) -> None:
    """stop() returns although a client still holds a keep-alive connection open."""
    server = sandbox.serve()
    client = httpx.Client(base_url=server.base_url, auth=basic_auth(sandbox))
    assert client.get("/integrations").status_code == 200
    server.stop()
    try:
        client.get("/integrations")
    except httpx.TransportError:
        pass  # the connection and the listening socket are both gone
    else:
        raise AssertionError("the server still answered after stop()")
    finally:
        client.close()
