"""Run Stoplight Prism's mock server on a free loopback port, and always stop it.

Prism prints one line per request; a thread drains its output so the pipe
never fills and blocks it, and readiness is its own "listening" line (no
polling, no sleeping). The last lines are kept for failure messages.
"""

from __future__ import annotations

import collections
import os
import shutil
import signal
import socket
import subprocess
import threading
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi" / "integrations.yaml"
DEFAULT_BIN = ROOT / "node_modules" / ".bin" / "prism"
STARTUP_TIMEOUT = 60.0  # seconds; a cold node start on 2 cores takes ~2 s
LOG_LINES = 200


class PrismUnavailable(RuntimeError):
    """Prism is not installed, or did not start."""


def prism_binary() -> Path:
    """``$PRISM_BIN``, else the one ``npm ci`` put in node_modules (see tools/prism.py)."""
    configured = os.environ.get("PRISM_BIN")
    path = Path(configured) if configured else DEFAULT_BIN
    if not path.exists():
        raise PrismUnavailable(
            f"Prism is not installed at {path}: run `python tools/prism.py install` "
            "(nox -s contract does), or set PRISM_BIN"
        )
    if shutil.which("node") is None:
        raise PrismUnavailable("Prism needs Node.js (`node` is not on PATH)")
    return path


def free_port() -> int:
    """A port nobody listens on right now (the kernel's pick for port 0)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class PrismServer:
    """``prism mock <spec>`` on 127.0.0.1; use as a context manager."""

    def __init__(self, *flags: str, spec: Path = SPEC) -> None:
        self.flags: Sequence[str] = flags
        self.spec = spec
        self.port = 0
        self.log: collections.deque[str] = collections.deque(maxlen=LOG_LINES)
        self._ready = threading.Event()
        self._proc: subprocess.Popen[str] | None = None
        self._drain: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        # Prism serves the spec's paths without the server URL's /api/v3 prefix.
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def start(self) -> PrismServer:
        binary = prism_binary()
        self.port = free_port()
        cmd = [str(binary), "mock", "-h", "127.0.0.1", "-p", str(self.port), *self.flags]
        self._proc = subprocess.Popen(
            [*cmd, str(self.spec)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            # Its own process group, so stop() reaches anything Prism spawns.
            start_new_session=True,
            env={**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"},
        )
        self._drain = threading.Thread(target=self._read_output, daemon=True)
        self._drain.start()
        if not self._ready.wait(STARTUP_TIMEOUT) or self._proc.poll() is not None:
            self.stop()
            raise PrismUnavailable(
                f"Prism did not start within {STARTUP_TIMEOUT:.0f} s:\n{self.tail()}"
            )
        return self

    def _read_output(self) -> None:
        assert self._proc is not None
        assert self._proc.stdout is not None
        for line in self._proc.stdout:
            self.log.append(line.rstrip())
            if "Prism is listening on" in line:
                self._ready.set()
        # Output closed: Prism exited; wake a start() still waiting.
        self._ready.set()

    def tail(self, lines: int = 40) -> str:
        return "\n".join(list(self.log)[-lines:])

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        if self._drain is not None:
            self._drain.join(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()

    def __enter__(self) -> PrismServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
