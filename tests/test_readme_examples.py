"""README.md's examples run, so they cannot rot.

Every block fenced ```python runs on its own, in a fresh namespace, against a fresh seeded
sandbox served on 127.0.0.1: ``SANDBOX_URL``, ``TOKEN_URL``, ``PUBLIC_KEY``, ``SECRET_KEY``,
``CLIENT_ID`` and ``CLIENT_SECRET`` are predefined (the reader's own values in real use).
A block fenced ```python skip (or ```py) is only compiled. Tracebacks point at README lines.
The nox sessions and repository paths the README names must exist too.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
from sendcloud_integrations.testing import Sandbox

from .conftest import ROOT
from .readme_blocks import PREDEFINED, README, Block, blocks

ALL = blocks(README.read_text(encoding="utf-8"))
RUNNABLE = [b for b in ALL if b.runs]


def test_blocks_parser_sees_info_strings_and_lines() -> None:
    """The parser returns each block's first code line, its info string and its code."""
    text = "intro\n```python\na = 1\n```\n\n```python skip\nb\n```\n```sh\nnox\n```\n"
    assert blocks(text) == [
        Block(3, "python", "a = 1\n"),
        Block(7, "python skip", "b\n"),
        Block(10, "sh", "nox\n"),
    ]
    assert [b.runs for b in blocks(text)] == [True, False, False]


def test_readme_has_runnable_examples() -> None:
    """The README has python examples to run (a renamed fence must not silently skip them)."""
    assert len(RUNNABLE) >= 5


@pytest.mark.parametrize("block", RUNNABLE, ids=[f"README.md:{b.line}" for b in RUNNABLE])
def test_readme_example_runs_against_the_sandbox(
    block: Block, capsys: pytest.CaptureFixture[str]
) -> None:
    """The example runs to the end against a fresh sandbox over loopback HTTP."""
    sandbox = Sandbox()
    creds = sandbox.credentials
    with sandbox.serve() as server:
        namespace: dict[str, Any] = {
            "__name__": "readme_example",
            "SANDBOX_URL": server.base_url,
            "TOKEN_URL": server.token_url,
            "PUBLIC_KEY": creds.public_key,
            "SECRET_KEY": creds.secret_key,
            "CLIENT_ID": creds.client_id,
            "CLIENT_SECRET": creds.client_secret,
        }
        # The same names the type checkers' prelude declares (tests/readme_blocks.py).
        assert set(namespace) - {"__name__"} == set(PREDEFINED)
        exec(block.compiled(), namespace)
    # Examples print what a reader would see; the secrets never show up in it.
    out = capsys.readouterr().out
    assert creds.secret_key not in out
    assert creds.client_secret not in out


SKIPPED = [b for b in ALL if b.is_python and not b.runs]


def test_a_broken_skip_block_fails_to_compile() -> None:
    """compiled() raises SyntaxError on a skip block that is not valid Python."""
    (block,) = blocks("```python skip\ndef broken(:\n```\n")
    assert block.is_python
    assert not block.runs
    with pytest.raises(SyntaxError):
        block.compiled()


# With no skip block in the README, pytest reports this as skipped (empty parameter set)
# rather than passing over nothing.
@pytest.mark.parametrize("block", SKIPPED, ids=[f"README.md:{b.line}" for b in SKIPPED])
def test_skipped_python_block_still_compiles(block: Block) -> None:
    """A python block marked skip is not run, but it is at least valid Python."""
    block.compiled()


def _nox_sessions() -> set[str]:
    tree = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        for decorator in getattr(node, "decorator_list", []):
            if isinstance(decorator, ast.Call) and ast.unparse(decorator.func) == "nox.session":
                given = [k.value for k in decorator.keywords if k.arg == "name"]
                name = given[0].value if given and isinstance(given[0], ast.Constant) else None
                names.add(name or node.name)
    return names


def test_readme_names_only_existing_nox_sessions() -> None:
    """Every `nox -s NAME` in the README is a session of noxfile.py."""
    text = README.read_text(encoding="utf-8")
    wanted = set()
    for rest in re.findall(r"nox -s ([^`\n#]*)", text):
        for token in rest.split():
            if token.startswith("-") or not re.fullmatch(r"[\w-]+", token):
                break  # `--` and the session's own arguments
            wanted.add(token)
    assert wanted, "the README names no nox session"
    assert wanted - _nox_sessions() == set()


def test_readme_names_only_existing_repository_paths() -> None:
    """Every backticked path below a top-level directory of the repository exists."""
    tops = ("tests/", "tools/", "openapi/", "overlays/", "generated/", "templates/", ".ci/")
    text = README.read_text(encoding="utf-8")
    paths = {p for p in re.findall(r"`([\w./-]+)`", text) if p.startswith(tops)}
    assert paths
    assert sorted(p for p in paths if not (ROOT / p).exists()) == []


def test_tracebacks_point_at_readme_lines() -> None:
    """A failing example's traceback names README.md and the line in it."""
    failing = Block(42, "python", "x = 1\nraise ValueError(x)\n")
    with pytest.raises(ValueError, match="1") as caught:
        exec(failing.compiled(), {})
    frame = caught.traceback[-1]
    assert Path(str(frame.path)) == README
    assert frame.lineno + 1 == 43
