"""Introspection: type hints resolve on every public class; UNSET and model reprs read well."""

from __future__ import annotations

import copy
import inspect
import pickle
import typing
from collections.abc import Mapping

import pytest
import sendcloud_integrations as sc


def public_classes() -> list[type]:
    return [obj for name in sc.__all__ if inspect.isclass(obj := getattr(sc, name))]


@pytest.mark.parametrize("cls", public_classes(), ids=lambda cls: cls.__name__)
def test_get_type_hints_works_on_every_public_class(cls: type) -> None:
    """typing.get_type_hints resolves every annotation of each class in sc.__all__."""
    hints = typing.get_type_hints(cls)
    assert all(not isinstance(hint, str | typing.ForwardRef) for hint in hints.values())


def test_the_classes_that_used_to_fail_have_their_hints() -> None:
    """LogPage, ErrorDetail and CapturedResponses give real types, not NameError."""
    assert typing.get_type_hints(sc.ErrorDetail)["meta"] == Mapping[str, typing.Any] | None
    assert "items" in typing.get_type_hints(sc.LogPage)
    assert typing.get_type_hints(sc.CapturedResponses)
    assert sc.LogPage.__module__ == sc.ErrorDetail.__module__ == "sendcloud_integrations"


def test_unset_reads_as_unset_and_stays_the_one_instance() -> None:
    """repr(UNSET) is UNSET, and pickling or copying gives UNSET itself back."""
    assert repr(sc.UNSET) == "UNSET"
    assert pickle.loads(pickle.dumps(sc.UNSET)) is sc.UNSET
    assert copy.copy(sc.UNSET) is sc.UNSET
    assert copy.deepcopy(sc.UNSET) is sc.UNSET


def test_model_repr_leaves_out_unset_fields() -> None:
    """A sparse Integration shows only the fields it has, and deep copies still dump the same."""
    integration = sc.Integration.from_dict({"id": 7, "shop_name": "Shop", "webhook_url": None})
    assert repr(integration) == (
        "Integration(shop_name='Shop', webhook_url=None, id=7, additional_properties={})"
    )
    assert "UNSET" not in repr(integration)
    assert copy.deepcopy(integration).to_dict() == integration.to_dict()
    assert pickle.loads(pickle.dumps(integration)).to_dict() == integration.to_dict()
