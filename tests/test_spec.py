"""The spec file: whitespace-only relayout of the seed, valid OpenAPI 3.1."""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path
from typing import Any

import pytest
import sendcloud_integrations as sc
import yaml
from openapi_spec_validator import validate
from openapi_spec_validator.validation import OpenAPIV31SpecValidator

from .conftest import ROOT, SPEC_PATH, load_spec

SEED = ROOT.parent / "shared" / "seeds" / "000_4501afbc5901d2fb.txt"
# sha256 of " ".join(seed.split()), a fact about the seed (it never changes): lets the
# seed check run where shared/ is absent (an unpacked sdist, a vendored copy).
SEED_COLLAPSED_SHA256 = "fcb7a0aa00e732157e05ce057626b9574bc49db8308b4d17aa929a600d9edd94"
# What `nox -s update_spec -- NEW --accept-snapshot` recorded as the accepted spec.
ACCEPTED = ROOT / "openapi" / "accepted.toml"


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _accepted() -> dict[str, Any]:
    return tomllib.loads(ACCEPTED.read_text(encoding="utf-8"))


def test_spec_is_the_one_update_spec_accepted() -> None:
    """openapi/integrations.yaml is, up to whitespace, the spec the accept step recorded."""
    collapsed = _collapse(SPEC_PATH.read_text(encoding="utf-8"))
    hint = (
        "openapi/integrations.yaml is not the spec recorded in openapi/accepted.toml: take "
        "upstream changes in with `nox -s update_spec -- NEW --accept-snapshot`, never by hand."
    )
    assert hashlib.sha256(collapsed.encode()).hexdigest() == _accepted()["spec_collapsed_sha256"], (
        hint
    )


def test_seed_spec_differs_from_the_seed_only_in_whitespace() -> None:
    """While the accepted spec is the seed's, every non-whitespace character matches it in order."""
    if _accepted()["spec_collapsed_sha256"] != SEED_COLLAPSED_SHA256:
        # An accepted upstream update: the seed no longer describes the spec.
        assert _accepted()["source"] != "", "an accepted update records where it came from"
        return
    collapsed = _collapse(SPEC_PATH.read_text(encoding="utf-8"))
    assert hashlib.sha256(collapsed.encode()).hexdigest() == SEED_COLLAPSED_SHA256
    if SEED.exists():
        assert collapsed == _collapse(SEED.read_text(encoding="utf-8"))


def test_spec_parses_without_duplicate_keys() -> None:
    """The YAML has no duplicate keys (a relayout mistake would create them)."""
    assert load_spec()["openapi"] == "3.1.0"


def test_duplicate_key_loader_rejects_duplicates(tmp_path: Path) -> None:
    """The duplicate-key check itself works, so the test above can fail."""
    bad = tmp_path / "dup.yaml"
    bad.write_text("a: 1\nb: 2\na: 3\n")
    with pytest.raises(yaml.constructor.ConstructorError, match="duplicate key 'a'"):
        load_spec(bad)


def test_spec_validates_as_openapi_3_1(spec: dict[str, Any]) -> None:
    """openapi-spec-validator accepts the document as OpenAPI 3.1."""
    validate(spec, cls=OpenAPIV31SpecValidator)


def test_ambiguous_layout_follows_openapi_meaning(spec: dict[str, Any]) -> None:
    """Where the collapsed seed was ambiguous, keys sit where OpenAPI and JSON:API put them."""
    sort = spec["paths"]["/integrations"]["get"]["parameters"][0]
    assert "description" in sort
    assert "example" in sort
    assert set(sort["schema"]) == {"type"}
    error_props = spec["components"]["schemas"]["ErrorObject"]["properties"]
    assert {"status", "meta", "links", "source"} <= set(error_props)
    assert "status" not in error_props["links"]["properties"]
    assert "meta" not in error_props["source"]["properties"]
    errors_items = spec["components"]["schemas"]["errors"]["properties"]["errors"]["items"]
    assert errors_items["required"] == ["status", "code", "detail"]
    logs_200 = spec["paths"]["/integrations/logs"]["get"]["responses"]["200"]
    assert {"headers", "content"} <= set(logs_200)
    assert "description" in logs_200["headers"]["Link"]


def test_markdown_lists_in_descriptions_are_on_their_own_lines(spec: dict[str, Any]) -> None:
    """Bullet lists inside descriptions come back as separate lines."""
    text = spec["paths"]["/integrations"]["get"]["parameters"][0]["description"]
    assert "\n- Sorting is supported" in text
    assert "\n- To sort the response" in text


def test_spec_version_constant_matches_spec(spec: dict[str, Any]) -> None:
    """sendcloud_integrations.SPEC_VERSION is the spec's info.version (generated with it)."""
    assert spec["info"]["version"] == sc.SPEC_VERSION
