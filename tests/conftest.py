"""Shared fixtures: paths and the parsed spec."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi" / "integrations.yaml"


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses duplicate mapping keys instead of keeping the last."""


def _construct_unique_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=True)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_unique_mapping
)


def load_spec(path: Path = SPEC_PATH) -> dict[str, Any]:
    """Parse a spec file, failing on duplicate keys."""
    with path.open(encoding="utf-8") as f:
        doc = yaml.load(f, Loader=_UniqueKeyLoader)
    assert isinstance(doc, dict)
    return doc


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    return load_spec()


@pytest.fixture
def anyio_backend() -> str:
    """Async tests run on asyncio (the SDK's AsyncClient targets asyncio)."""
    return "asyncio"
