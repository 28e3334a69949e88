"""Shared fixtures: paths and the parsed spec."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi" / "integrations.yaml"


# The tools (update_spec, the surface snapshot) and the tests read the spec
# the same way: one loader, refusing duplicate keys.
sys.path.insert(0, str(ROOT / "tools"))
from api_surface import load_spec  # noqa: E402

__all__ = ["ROOT", "SPEC_PATH", "load_spec"]


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    return load_spec()


@pytest.fixture
def anyio_backend() -> str:
    """Async tests run on asyncio (the SDK's AsyncClient targets asyncio)."""
    return "asyncio"
