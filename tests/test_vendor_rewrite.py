"""tools/vendor.py's rewriter and its guard rails, on small sources and scratch directories."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import vendor

P = "acme._vendor.sendcloud"
TOPS = frozenset({"sendcloud_integrations", "sendcloud_integrations_api"})


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "from sendcloud_integrations_api.models.x import X\n",
            f"from {P}.sendcloud_integrations_api.models.x import X\n",
        ),
        (
            "from sendcloud_integrations_api.api.logs import (\n    a as b,\n)\n",
            f"from {P}.sendcloud_integrations_api.api.logs import (\n    a as b,\n)\n",
        ),
        ("import sendcloud_integrations as sc\n", f"import {P}.sendcloud_integrations as sc\n"),
        ("import sendcloud_integrations\n", f"from {P} import sendcloud_integrations\n"),
        (
            "import os, sendcloud_integrations.testing as t\n",
            f"import os, {P}.sendcloud_integrations.testing as t\n",
        ),
        (
            "if TYPE_CHECKING:\n    from sendcloud_integrations import Client\n",
            f"if TYPE_CHECKING:\n    from {P}.sendcloud_integrations import Client\n",
        ),
        ('getLogger("sendcloud_integrations")\n', f'getLogger("{P}.sendcloud_integrations")\n'),
        (
            "x.startswith('sendcloud_integrations.')\n",
            f"x.startswith('{P}.sendcloud_integrations.')\n",
        ),
        (
            'm = "sendcloud_integrations_api.types"\n',
            f'm = "{P}.sendcloud_integrations_api.types"\n',
        ),
    ],
)
def test_rewrites_imports_and_module_path_strings(before: str, after: str) -> None:
    """Absolute imports and exact module-path strings of our packages move below the package."""
    assert vendor.rewrite_source(before, P, TOPS) == after


@pytest.mark.parametrize(
    "source",
    [
        "from . import _errors\nfrom ..types import UNSET\n",
        "import sendcloud_integrations_extra\nfrom httpx import Client\n",
        'ContextVar("sendcloud_integrations_capture")\n',
        '"""Use: import sendcloud_integrations as sc."""\n',
        'f"sendcloud_integrations"\nb"sendcloud_integrations"\n',
        '"python -m sendcloud_integrations.testing"\n',
    ],
)
def test_leaves_everything_else_alone(source: str) -> None:
    """Relative imports, other packages, look-alike names, prose, f- and byte strings stay."""
    assert vendor.rewrite_source(source, P, TOPS) == source


def test_keeps_columns_right_after_non_ascii_text() -> None:
    """Edits land in the right place on lines with multi-byte characters before them."""
    source = 's = "é"; import sendcloud_integrations.x as y\n'
    expected = f's = "é"; import {P}.sendcloud_integrations.x as y\n'
    assert vendor.rewrite_source(source, P, TOPS) == expected


@pytest.mark.parametrize(
    "source", ["import sendcloud_integrations.testing\n", "import os, sendcloud_integrations\n"]
)
def test_refuses_imports_that_cannot_move(source: str) -> None:
    """`import a.b` (binds `a`) and a bare import among others are refused, not mangled."""
    with pytest.raises(vendor.VendorError):
        vendor.rewrite_source(source, P, TOPS)


def test_revendoring_replaces_the_copy_and_keeps_other_files(tmp_path: Path) -> None:
    """A second run replaces its own files (stale modules go) and leaves the downstream's."""
    dest = tmp_path / "sendcloud"
    vendor.write_vendored(dest, "sendcloud", command="first")
    stale = dest / "sendcloud_integrations" / "_stale.py"
    stale.write_text("")
    (dest / "NOTES.md").write_text("ours")
    fields = vendor.write_vendored(dest, "sendcloud", command="second")
    assert not stale.exists()
    assert (dest / "NOTES.md").read_text() == "ours"
    assert vendor.read_marker(dest)["command"] == fields["command"] == "second"


def test_refuses_a_directory_it_did_not_write(tmp_path: Path) -> None:
    """Without VENDORED.txt, a DEST holding one of the copy's names is left untouched."""
    (tmp_path / "LICENSE").write_text("someone else's")
    with pytest.raises(vendor.VendorError, match=r"VENDORED\.txt"):
        vendor.write_vendored(tmp_path, "sendcloud", command="x")
    assert (tmp_path / "LICENSE").read_text() == "someone else's"
    assert not (tmp_path / "sendcloud_integrations").exists()


def test_no_sandbox_leaves_the_testing_package_out(tmp_path: Path) -> None:
    """--no-sandbox copies the client without sendcloud_integrations.testing and its spec."""
    assert vendor.main([str(tmp_path / "v"), "--package", "v", "--no-sandbox"]) == 0
    assert (tmp_path / "v" / "sendcloud_integrations" / "_client.py").is_file()
    assert not (tmp_path / "v" / "sendcloud_integrations" / "testing").exists()
    assert vendor.read_marker(tmp_path / "v")["sandbox"] == "false"


@pytest.mark.parametrize("package", ["acme-sdk._vendor", "acme.class", "", "acme..x"])
def test_refuses_a_package_name_that_is_not_importable(tmp_path: Path, package: str) -> None:
    """--package must be a dotted Python name; nothing is written otherwise."""
    assert vendor.main([str(tmp_path / "v"), "--package", package]) == 1
    assert not (tmp_path / "v").exists()
