"""tools/api_diff.py (``nox -s api_diff``) on a throwaway git repository."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import api_diff

INIT = "overlays/sendcloud_integrations/__init__.py"


def _git(repo: Path, *args: str) -> None:
    identity = ["-c", "user.name=test", "-c", "user.email=test@example.com"]
    subprocess.run(["git", *identity, *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose one commit has a package with ``greet(name)``."""
    (tmp_path / INIT).parent.mkdir(parents=True)
    (tmp_path / INIT).write_text('def greet(name: str) -> str:\n    return f"hi {name}"\n')
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "first")
    return tmp_path


def test_without_a_tag_it_says_nothing_was_released(repo: Path) -> None:
    """No tag and no ref: nothing to compare against, so success with an explanation."""
    said: list[str] = []
    assert api_diff.run(repo, None, said.append) == 0
    assert said == [
        "No git tag yet: nothing has been released, so nothing can break. "
        "Compare against a commit with `nox -s api_diff -- REF`."
    ]


def test_unknown_ref_is_an_error(repo: Path) -> None:
    """A ref git cannot resolve exits 2 naming it."""
    said: list[str] = []
    assert api_diff.run(repo, "v9.9.9", said.append) == 2
    assert said == ["Unknown git ref 'v9.9.9'."]


def test_reports_a_breaking_change_since_the_last_tag(repo: Path) -> None:
    """A parameter removed after the tag is reported, and the status is 1."""
    _git(repo, "tag", "v0.1.0")
    assert api_diff.last_tag(repo) == "v0.1.0"
    (repo / INIT).write_text('def greet() -> str:\n    return "hi"\n')
    said: list[str] = []
    assert api_diff.run(repo, None, said.append) == 1
    assert "greet(name)" in said[0]
    assert "Parameter was removed" in said[0]
    assert said[-1] == (
        "1 breaking change(s) to the public API of sendcloud_integrations since v0.1.0."
    )


def test_additions_are_not_breaking(repo: Path) -> None:
    """A new function since the ref is not a breaking change."""
    (repo / INIT).write_text((repo / INIT).read_text() + "\n\ndef wave() -> None: ...\n")
    said: list[str] = []
    assert api_diff.run(repo, "HEAD", said.append) == 0
    assert said == ["0 breaking change(s) to the public API of sendcloud_integrations since HEAD."]


def test_a_ref_before_the_package_existed_has_nothing_to_break(repo: Path) -> None:
    """Compared with a commit that had no package, everything is new."""
    (repo / "README").write_text("x")
    _git(repo, "rm", "-q", "-r", "overlays")
    _git(repo, "add", "README")
    _git(repo, "commit", "-q", "-m", "no package")
    _git(repo, "tag", "empty")
    _git(repo, "checkout", "-q", "HEAD~1", "--", "overlays")
    said: list[str] = []
    assert api_diff.run(repo, "empty", said.append) == 0
    assert said == [
        "sendcloud_integrations did not exist at empty: its whole API is new, nothing to break."
    ]
