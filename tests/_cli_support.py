"""Running the installed ``sendcloud-integrations`` script against a sandbox served on loopback.

Credentials reach the command as an operator sets them: in the environment. The
sandbox's secrets are canaries, so a test can prove they are never printed.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import sysconfig
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import sendcloud_integrations as sc
from sendcloud_integrations.testing import Credentials, Sandbox, SandboxServer

SECRET_CANARY = "canary-secret-4f1d9a"
CLIENT_SECRET_CANARY = "canary-client-secret-77b2c0"
CANARIES = (SECRET_CANARY, CLIENT_SECRET_CANARY)
TIMEOUT = 120  # seconds; a hung command fails the test instead of the whole run


def script() -> Path:
    """The console script pip installed next to this interpreter."""
    name = "sendcloud-integrations" + (".exe" if sys.platform == "win32" else "")
    path = Path(sysconfig.get_path("scripts")) / name
    if not path.is_file():
        pytest.fail(
            f"{path} is missing: install the package with its extra, pip install -e '.[cli]'"
        )
    return path


def canary_sandbox(**kwargs: object) -> Sandbox:
    creds = Credentials(secret_key=SECRET_CANARY, client_secret=CLIENT_SECRET_CANARY)
    return Sandbox(credentials=creds, **kwargs)  # type: ignore[arg-type]


def base_env() -> dict[str, str]:
    """The test process's environment without any SENDCLOUD_ variable of the developer's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENDCLOUD_")}
    env["PYTHONWARNINGS"] = "error"  # a warning in the command is a failure too
    env.pop("COLUMNS", None)
    return env


def basic_env(server: SandboxServer) -> dict[str, str]:
    creds = server.sandbox.credentials
    return {
        **base_env(),
        "SENDCLOUD_PUBLIC_KEY": creds.public_key,
        "SENDCLOUD_SECRET_KEY": creds.secret_key,
        "SENDCLOUD_BASE_URL": server.base_url,
    }


@dataclass
class Served:
    server: SandboxServer
    env: dict[str, str]

    @property
    def sandbox(self) -> Sandbox:
        return self.server.sandbox

    def run(
        self, *args: str, input: str | None = None, env: Mapping[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return run(*args, env=self.env if env is None else env, input=input)

    def client(self) -> sc.Client:
        """A client of the same sandbox in-process, to check what a command changed."""
        creds = self.sandbox.credentials
        return sc.Client(
            auth=sc.BasicAuth(creds.public_key, creds.secret_key),
            base_url=self.sandbox.base_url,
            transport=self.sandbox.transport(),
        )


@contextmanager
def served(sandbox: Sandbox | None = None) -> Iterator[Served]:
    with (sandbox or canary_sandbox()).serve() as server:
        yield Served(server, basic_env(server))


def run(
    *args: str, env: Mapping[str, str], input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """The command's exit status, stdout and stderr; stdin is not a terminal."""
    return subprocess.run(
        [str(script()), *args],
        env=dict(env),
        input="" if input is None else input,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def assert_one_error_line(result: subprocess.CompletedProcess[str], code: int, text: str) -> None:
    """The command failed with ``code`` and said so in exactly one ``error:`` line."""
    lines = [line for line in result.stderr.splitlines() if not line.startswith("sandbox:")]
    assert result.returncode == code, result.stderr
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: "), result.stderr
    assert text in lines[0], lines[0]
    assert "Traceback" not in result.stderr


def run_in_terminal(
    *args: str, env: Mapping[str, str], answer: str | None = None
) -> tuple[int, str]:
    """The exit status and the screen of the command run on a pseudo-terminal (stdin too).

    With ``answer``, it is typed once the command asks a ``[y/N]`` question.
    """
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [str(script()), *args],
        env={**env, "COLUMNS": "160", "LINES": "50"},
        stdin=follower,
        stdout=follower,
        stderr=follower,
    )
    os.close(follower)
    screen = b""
    try:
        while True:
            ready, _, _ = select.select([leader], [], [], TIMEOUT)
            if not ready:
                raise AssertionError(f"no output for {TIMEOUT} s: {screen!r}")
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # EIO: the command closed the terminal
                break
            if not chunk:
                break
            screen += chunk
            if answer is not None and b"[y/N]" in screen:
                os.write(leader, answer.encode() + b"\n")
                answer = None
        code = proc.wait(timeout=TIMEOUT)
    finally:
        proc.kill()
        proc.wait()
        os.close(leader)
    return code, screen.decode("utf-8", "replace")
