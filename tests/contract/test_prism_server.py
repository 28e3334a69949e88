"""The Prism process is started on a free loopback port and always stopped."""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest

from ._prism import PrismServer, PrismUnavailable


def test_prism_is_stopped_when_the_tests_inside_fail() -> None:
    """Leaving the block by an exception still ends Prism and frees its port."""
    server = PrismServer()
    seen: list[int | None] = []

    def failing_test() -> None:
        with server:
            seen.append(server.pid)
            assert httpx.get(f"{server.base_url}/integrations", auth=("a", "b")).is_success
            raise RuntimeError("a failing test")

    with pytest.raises(RuntimeError, match="a failing test"):
        failing_test()
    [pid] = seen
    assert pid is not None
    assert server.pid is None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # reaped: no such process any more
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{server.base_url}/integrations")


def test_missing_prism_is_an_error_that_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without Prism the suite errors with the install command instead of skipping."""
    monkeypatch.setenv("PRISM_BIN", str(tmp_path / "no-prism-here"))
    with pytest.raises(PrismUnavailable, match=r"python tools/prism\.py install"):
        PrismServer().start()
