"""The public API: what ``sendcloud_integrations`` exports, checked as properties (like httpx).

Not a copy of ``__all__``: the list is sorted, complete (nothing public left out, nothing
listed that is not there), every name in it imports, and every class in it is documented.
"""

from __future__ import annotations

import inspect
import types

import pytest
import sendcloud_integrations as sc


def _isort_style(name: str) -> tuple[int, str]:
    # ruff's RUF022 order: CONSTANTS, then Classes, then everything else.
    group = 0 if name.isupper() else 1 if name[:1].isupper() else 2
    return group, name


def _public_names() -> set[str]:
    # dir() includes the lazily imported names (module __dir__), vars() does not yet.
    return {
        name
        for name in dir(sc)
        if (not name.startswith("_") or name == "__version__")
        and not isinstance(getattr(sc, name), types.ModuleType)
    }


def test_all_is_sorted() -> None:
    """``__all__`` is in isort order, so an addition lands in one obvious place."""
    assert sc.__all__ == sorted(sc.__all__, key=_isort_style)


def test_all_has_no_duplicates() -> None:
    """Each public name is listed once."""
    assert len(sc.__all__) == len(set(sc.__all__))


def test_all_is_complete() -> None:
    """Every public attribute (lazy ones included) that is not a submodule is in ``__all__``."""
    assert _public_names() - set(sc.__all__) == set()


@pytest.mark.parametrize("name", sc.__all__)
def test_every_listed_name_imports(name: str) -> None:
    """``from sendcloud_integrations import NAME`` works for each listed name."""
    namespace: dict[str, object] = {}
    exec(f"from sendcloud_integrations import {name}", namespace)
    assert namespace[name] is getattr(sc, name)


def test_star_import_gives_exactly_all() -> None:
    """``from sendcloud_integrations import *`` binds exactly the listed names."""
    namespace: dict[str, object] = {}
    exec("from sendcloud_integrations import *", namespace)
    assert set(namespace) - {"__builtins__"} == set(sc.__all__)


CLASSES = [name for name in sc.__all__ if isinstance(getattr(sc, name), type)]


@pytest.mark.parametrize("name", CLASSES)
def test_every_exported_class_is_documented(name: str) -> None:
    """Each exported class has a docstring of its own (not one inherited from a base)."""
    cls = getattr(sc, name)
    assert (vars(cls).get("__doc__") or "").strip(), f"{name} has no docstring"
    assert inspect.getdoc(cls)


def test_exported_classes_present_themselves_as_public() -> None:
    """Hand-written classes report module ``sendcloud_integrations``; models their generated one."""
    for name in CLASSES:
        module = getattr(sc, name).__module__
        assert module == "sendcloud_integrations" or module.startswith(
            ("sendcloud_integrations_api.models.", "sendcloud_integrations_api.types")
        ), f"{name} lives in {module}"
