"""The GitHub workflows run what the repository says they run (nox -s workflows lints them).

ci.yml runs .ci/run on every Python the package classifies itself for; spec-update.yml
is scheduled and dispatchable, and calls update_spec with flags update_spec has.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

import yaml

from .conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def _load(name: str) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    return data


def _steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_ci_runs_ci_run_on_every_classified_python() -> None:
    """The CI matrix is the pyproject classifiers' Pythons, each running .ci/run."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    classified = sorted(
        c.rsplit(" ", 1)[-1]
        for c in pyproject["project"]["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    )
    ci = _load("ci.yml")
    assert sorted(ci["jobs"]["nox"]["strategy"]["matrix"]["python-version"]) == classified
    assert any(".ci/run" in step.get("run", "") for step in _steps(ci))


def test_spec_update_is_scheduled_and_dispatchable() -> None:
    """spec-update.yml runs on a schedule and on demand, with its two inputs."""
    triggers = _load("spec-update.yml")[True]  # YAML 1.1 reads the key `on` as True
    assert triggers["schedule"]
    assert set(triggers["workflow_dispatch"]["inputs"]) == {"spec_url", "allow_breaking"}


def test_spec_update_calls_update_spec_with_flags_it_has() -> None:
    """Every --flag the workflow passes to update_spec is one update_spec's parser accepts."""
    run = "\n".join(step.get("run", "") for step in _steps(_load("spec-update.yml")))
    assert "nox -s update_spec --" in run
    command = re.search(r"update_spec --((?:[^\n]*\\\n)*[^\n]*)", run)
    assert command is not None
    passed = set(re.findall(r"(--[a-z][a-z-]+)", command.group(1)))
    passed.add("--allow-breaking")  # passed through $ALLOW_BREAKING
    source = (ROOT / "tools" / "update_spec.py").read_text(encoding="utf-8")
    accepted = set(re.findall(r'add_argument\(\s*"(--[a-z-]+)"', source))
    assert {"--accept-snapshot", "--markdown"} <= passed
    assert passed <= accepted, passed - accepted
