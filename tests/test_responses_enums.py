"""Open response enums: unknown values kept, typed as the enum, logged once; requests strict."""

from __future__ import annotations

import copy
import logging
import pickle
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations_api.models.shop_order_status_translation_language import (
    ShopOrderStatusTranslationLanguage,
)

from ._client_harness import MODES, Harness, json_response

pytestmark = pytest.mark.anyio
LOGGER = "sendcloud_integrations"


@pytest.fixture(params=MODES)
def h(request: pytest.FixtureRequest) -> Harness:
    return Harness(request.param)


async def fetch(h: Harness, body: Any, call: Any) -> Any:
    """The facade result of ``call`` when the server answers 200 with ``body``."""
    client = h.client(lambda request: json_response(200, body))
    try:
        return await h.run(call(client))
    finally:
        await h.close(client)


def unknown_warnings(caplog: pytest.LogCaptureFixture, value: str) -> list[logging.LogRecord]:
    return [
        r
        for r in caplog.records
        if r.name == LOGGER and r.levelno == logging.WARNING and repr(value) in r.getMessage()
    ]


async def test_known_value_is_the_enum_member(h: Harness) -> None:
    """A listed value decodes to the member itself, equal to its string."""
    body = {"data": {"id": 1, "feedback_type": "eager"}}
    integration = await fetch(h, body, lambda c: c.integrations.get(1))
    assert integration.feedback_type is sc.FeedbackType.EAGER
    assert integration.feedback_type == "eager"
    assert integration.feedback_type in list(sc.FeedbackType)


async def test_unknown_feedback_type_is_kept_as_an_unknown_member(
    h: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """`feedback_type: "lazy"` no longer breaks integrations.get: it is an unknown FeedbackType."""
    value = f"lazy-{h.mode}"
    body = {"data": {"id": 1, "feedback_type": value}}
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        integration = await fetch(h, body, lambda c: c.integrations.get(1))
    feedback = integration.feedback_type
    assert type(feedback) is sc.FeedbackType
    assert feedback == value
    assert str(feedback) == value
    assert f"{feedback}" == value
    assert feedback not in list(sc.FeedbackType)
    assert feedback.value == value
    assert integration.to_dict()["feedback_type"] == value
    again = sc.Integration.from_dict(integration.to_dict())
    assert again == integration
    assert pickle.loads(pickle.dumps(integration)) == integration
    assert pickle.loads(pickle.dumps(feedback)) == feedback
    assert copy.copy(feedback) == feedback
    assert copy.deepcopy(integration) == integration
    assert len(unknown_warnings(caplog, value)) == 1


async def test_unknown_value_is_reported_once_per_enum_and_value(
    h: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """The same unknown value in many items logs one WARNING; another value logs its own."""
    first, second = f"weekly-{h.mode}", f"monthly-{h.mode}"
    body = {"data": [{"feedback_type": v} for v in (first, first, second, first)]}
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        integrations = await fetch(h, body, lambda c: c.integrations.list())
        await fetch(h, body, lambda c: c.integrations.list())
    assert [i.feedback_type for i in integrations] == [first, first, second, first]
    assert len(unknown_warnings(caplog, first)) == 1
    assert len(unknown_warnings(caplog, second)) == 1
    assert "FeedbackType" in unknown_warnings(caplog, first)[0].getMessage()


async def test_unknown_translation_language_keeps_the_status_list_usable(h: Harness) -> None:
    """One translation with `language: "pl-pl"` no longer makes shop_order_statuses.list fail."""
    value = f"pl-pl-{h.mode}"
    translations = [{"status": "Nowy", "language": value}, {"status": "New", "language": "en-gb"}]
    body = {"data": [{"external_id": "1", "status": "new", "translations": translations}]}
    (status,) = await fetch(h, body, lambda c: c.shop_order_statuses.list(1))
    polish, english = status.translations
    assert type(polish.language) is ShopOrderStatusTranslationLanguage
    assert polish.language == value
    assert polish.language not in list(ShopOrderStatusTranslationLanguage)
    assert english.language is ShopOrderStatusTranslationLanguage.EN_GB


async def test_new_status_category_keeps_status_mapping_get_usable(h: Harness) -> None:
    """A `status_category` the spec does not list no longer breaks status_mapping.get."""
    value = f"RETURNED-{h.mode}"
    mapping = [{"status_category": value, "external_id": "r", "is_valid": True}]
    body = {"data": {"integration_id": 1, "mapping": mapping}}
    result = await fetch(h, body, lambda c: c.status_mapping.get(1))
    (entry,) = result.mapping
    assert type(entry.status_category) is sc.StatusCategory
    assert entry.status_category == value
    assert entry.status_category not in list(sc.StatusCategory)


async def test_requests_stay_strict_about_enum_values(h: Harness) -> None:
    """An unknown value, even as an unknown member, is refused before anything is sent."""
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204)

    client = h.client(handler)
    for value in ("lazy", sc.FeedbackType(f"lazy-request-{h.mode}")):
        with pytest.raises(sc.RequestValidationError) as info:
            await h.run(client.integrations.update(1, feedback_type=value))
        assert "feedback_type" in str(info.value)
    with pytest.raises(sc.RequestValidationError):
        await h.run(client.shop_order_statuses.list(1, language="pl-pl"))
    assert sent == []
    await h.close(client)


def test_non_string_is_not_made_an_unknown_member() -> None:
    """Only strings become unknown members: FeedbackType(3) still raises ValueError."""
    with pytest.raises(ValueError, match="is not a valid FeedbackType"):
        sc.FeedbackType(3)  # type: ignore[arg-type]
