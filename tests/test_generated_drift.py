"""generated/ is exactly what the pinned generator writes from the spec and config."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import generate


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One regeneration into a temp dir, shared by the tests of this module."""
    return generate.generate_into(tmp_path_factory.mktemp("regen"))


def test_lock_matches_spec_config_and_generator() -> None:
    """openapi/integrations.lock records the current spec, config and tool versions."""
    problems = generate.lock_mismatches()
    assert not problems, (
        "openapi/integrations.lock does not match its inputs; run `nox -s generate`:\n"
        + "\n".join(problems)
    )


def test_generated_matches_a_fresh_regeneration(fresh: Path) -> None:
    """Byte-for-byte: generated/ equals a regeneration into a temp dir."""
    problems = generate.diff_trees(fresh, generate.GENERATED)
    assert not problems, (
        "generated/ differs from what `nox -s generate` writes (was it edited by hand?):\n"
        + "\n".join(problems)
    )


def test_regeneration_leaves_no_debris(fresh: Path) -> None:
    """No .ruff_cache or other tool output lands in the generated package."""
    names = {p.name for p in fresh.rglob("*")}
    assert not names & {".ruff_cache", ".mypy_cache", "pyproject.toml", ".gitignore"}


@pytest.mark.parametrize(
    ("mutation", "expected"),
    [
        ("edit", "differs: sendcloud_integrations_api/models/integration.py"),
        ("delete", "missing: sendcloud_integrations_api/models/integration.py"),
        ("add", "extra: sendcloud_integrations_api/models/handwritten.py"),
    ],
)
def test_drift_check_names_each_hand_edit(
    fresh: Path, tmp_path: Path, mutation: str, expected: str
) -> None:
    """A hand edit, deletion or addition under generated/ is reported by file name."""
    copy = tmp_path / "copy"
    shutil.copytree(fresh, copy)
    target = copy / "models" / "integration.py"
    if mutation == "edit":
        target.write_text(target.read_text() + "# hand edit\n")
    elif mutation == "delete":
        target.unlink()
    else:
        (copy / "models" / "handwritten.py").write_text("x = 1\n")
    assert generate.diff_trees(fresh, copy) == [expected]


def test_lock_check_reports_a_changed_spec(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Editing the spec without regenerating makes the lock check fail, naming the spec hash."""
    changed = tmp_path / "integrations.yaml"
    changed.write_text(generate.SPEC.read_text() + "\n# changed\n")
    monkeypatch.setattr(generate, "SPEC", changed)
    problems = generate.lock_mismatches()
    assert len(problems) == 1
    assert problems[0].startswith("spec_sha256:")
