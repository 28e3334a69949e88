"""The judge is not blind: a client that breaks the contract fails the check.

Each test plants one deliberate mismatch in the client (bypassing its own
validation, or renaming a field on the way out) and runs the very check the
conformance tests run. The failure must name the operation and the field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pytest
from sendcloud_integrations import _validation

from ._cases import CASES, ID, Case, check_async, check_sync, sent_by_all_cases
from ._prism import PrismServer
from ._spec_routes import coverage_gaps

LIST_ALL_LOGS = "sc-public-v3-integrations-get-retrieve_integrations_logs"
CREATE_LOG = "sc-public-v3-integrations-post-create_integration_logs"
REPLACE_STATUSES = "sc-public-v3-integrations-post-shop_order_statuses"
SET_MAPPING = "sc-public-v3-integrations-post-shop_order_statuses_mapping"
UPDATE = "sc-public-v3-integrations-patch-update_integration"

PAGE_SIZE_ZERO = Case("page-size-zero", "exception_logs.list", kwargs={"page_size": 0})


def _case(name: str) -> Case:
    return next(case for case in CASES if case.name == name)


def _bypass_page_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_validation, "check_page_size", lambda value: value)


def _rename_on_the_way_out(
    monkeypatch: pytest.MonkeyPatch, rename: Callable[[dict[str, Any]], Any]
) -> None:
    """Tamper with the next request body after the client has checked it."""
    original = _validation.check_body

    def renamed(value: Any, schema: Any, rules: Any = None) -> Any:
        return rename(original(value, schema, rules))

    monkeypatch.setattr(_validation, "check_body", renamed)


def _renamed(body: Mapping[str, Any], old: str, new: str) -> dict[str, Any]:
    return {new if key == old else key: value for key, value in body.items()}


def test_page_size_zero_fails_naming_operation_and_parameter(
    prism: PrismServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """page_size=0 sent past the client's own check is refused (422), naming both."""
    _bypass_page_size(monkeypatch)
    with pytest.raises(AssertionError) as failure:
        check_sync(prism, PAGE_SIZE_ZERO)
    message = str(failure.value)
    assert f"{LIST_ALL_LOGS} (GET /integrations/logs) -> HTTP 422" in message
    assert "query.page_size: Request query parameter page_size must be >= 1" in message


@pytest.mark.anyio
async def test_async_page_size_zero_fails_naming_operation_and_parameter(
    prism: PrismServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The async client's conformance check fails the same way on page_size=0."""
    _bypass_page_size(monkeypatch)
    with pytest.raises(AssertionError) as failure:
        await check_async(prism, PAGE_SIZE_ZERO)
    message = str(failure.value)
    assert LIST_ALL_LOGS in message
    assert "query.page_size" in message


def test_renamed_log_field_fails_naming_operation_and_field(
    prism: PrismServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A create-log body with base_url renamed is refused (400 + sl-violations), naming both."""
    _rename_on_the_way_out(monkeypatch, lambda body: _renamed(body, "base_url", "base_uri"))
    with pytest.raises(AssertionError) as failure:
        check_sync(prism, _case("create-log-every-field"))
    message = str(failure.value)
    assert f"{CREATE_LOG} (POST /integrations/{ID}/logs) -> HTTP 400" in message
    assert "found 'base_uri'" in message
    assert "must have required property 'base_url'" in message


def test_renamed_nested_field_fails_naming_its_path(
    prism: PrismServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A translation whose language is sent as lang is refused with the item's path."""

    def rename(body: dict[str, Any]) -> dict[str, Any]:
        for status in body["statuses"]:
            status["translations"] = [
                _renamed(t, "language", "lang") for t in status["translations"]
            ]
        return body

    _rename_on_the_way_out(monkeypatch, rename)
    with pytest.raises(AssertionError) as failure:
        check_sync(prism, _case("replace-statuses"))
    message = str(failure.value)
    assert REPLACE_STATUSES in message
    assert "body.statuses.0.translations.0" in message
    assert "'language'" in message


def test_incomplete_mapping_fails_naming_operation_and_field(
    prism: PrismServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A status mapping sent with three of the four categories is refused, naming mapping."""
    _rename_on_the_way_out(monkeypatch, lambda body: {**body, "mapping": body["mapping"][:3]})
    with pytest.raises(AssertionError) as failure:
        check_sync(prism, _case("set-mapping"))
    message = str(failure.value)
    assert SET_MAPPING in message
    assert "body.mapping" in message


def test_renamed_field_of_an_open_schema_fails_the_coverage_check(
    prism: PrismServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Prism accepts a renamed shop_name (the schema allows extra fields); coverage names it."""
    _rename_on_the_way_out(monkeypatch, lambda body: _renamed(body, "shop_name", "name"))
    check_sync(prism, _case("update-every-field"))  # Prism alone does not see it
    gaps = coverage_gaps(sent_by_all_cases(prism))
    assert gaps == [f"{UPDATE}: body field shop_name never sent"]
