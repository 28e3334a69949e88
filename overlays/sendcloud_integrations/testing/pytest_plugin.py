"""Pytest fixtures for the sandbox, registered as the ``sendcloud_integrations`` plugin.

- ``sandbox``: a fresh, seeded `Sandbox` per test, on a `ManualClock`; injected
  latency advances that clock instead of sleeping.
- ``sandbox_server``: the same sandbox served on 127.0.0.1 (a free port) for the test.

Nothing is imported until a fixture is used, so the plugin costs nothing to
projects that install the package without the ``sandbox`` extra.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from ._sandbox import Sandbox
    from ._server import SandboxServer


@pytest.fixture
def sandbox() -> Sandbox:
    """A fresh seeded sandbox whose clock and sleeps are fake."""
    from ._clock import ManualClock
    from ._sandbox import Sandbox

    clock = ManualClock()

    def sleep(seconds: float) -> None:
        clock.advance(seconds)

    async def async_sleep(seconds: float) -> None:
        clock.advance(seconds)

    return Sandbox(clock=clock, sleep=sleep, async_sleep=async_sleep)


@pytest.fixture
def sandbox_server(sandbox: Sandbox) -> Iterator[SandboxServer]:
    """The ``sandbox`` fixture served over HTTP on loopback for one test."""
    with sandbox.serve() as server:
        yield server
