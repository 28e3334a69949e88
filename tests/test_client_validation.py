"""Arguments that break the spec's constraints are refused before anything is sent.

Every refusal runs on a client whose transport fails the test on any request, and
must raise RequestValidationError (a ValueError) naming the offending argument.
The boundary values just inside each constraint are sent, so the checks are not
simply stricter than the spec.
"""

from __future__ import annotations

import contextlib
import enum
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc

from ._client_harness import MODES, AnyClient, Harness, Recorder, json_response, refuse

pytestmark = pytest.mark.anyio

Call = Callable[[AnyClient], Any]
CATEGORIES = ("READY_TO_SEND", "IN_TRANSIT", "DELIVERED", "CANCEL")
LANGUAGES = ("en-us", "en-gb", "fr-fr", "de-de", "nl-nl", "es-es", "it-it")
FULL_MAPPING: dict[Any, str | None] = dict.fromkeys(CATEGORIES)
TRANSLATION = {"status": "Sent", "language": "en-gb"}


class ForeignCategory(enum.Enum):
    """A caller's own (non-str) enum: hashes like its name but is not equal to the string."""

    CANCEL = "CANCEL"


def status(external_id: Any = "1", translations: Any = None) -> dict[str, Any]:
    return {"external_id": external_id, "translations": translations or [TRANSLATION]}


def translations(*languages: str) -> list[dict[str, str]]:
    return [{"status": f"s-{lang}", "language": lang} for lang in languages]


# Each method called with a value that breaks one constraint: (call, field named).
BAD_ID_VALUES: list[Any] = [0, -1, True, False, 1.0, "1", None]
ID_CALLS: dict[str, Callable[[AnyClient, Any], Any]] = {
    "integrations.get": lambda c, v: c.integrations.get(v),
    "integrations.update": lambda c, v: c.integrations.update(v, shop_name="x"),
    "integrations.delete": lambda c, v: c.integrations.delete(v),
    "exception_logs.list": lambda c, v: c.exception_logs.list(v),
    "exception_logs.create": lambda c, v: c.exception_logs.create(v, base_url="x"),
    "shop_order_statuses.list": lambda c, v: c.shop_order_statuses.list(v),
    "shop_order_statuses.replace": lambda c, v: c.shop_order_statuses.replace(v, statuses=[]),
    "status_mapping.get": lambda c, v: c.status_mapping.get(v),
    "status_mapping.set": lambda c, v: c.status_mapping.set(v, FULL_MAPPING),
}

INVALID: list[Any] = [
    # page_size 1-100, an int
    pytest.param(lambda c: c.exception_logs.list(page_size=0), "page_size", id="page_size-0"),
    pytest.param(lambda c: c.exception_logs.list(page_size=101), "page_size", id="page_size-101"),
    pytest.param(lambda c: c.exception_logs.list(page_size=-5), "page_size", id="page_size-neg"),
    pytest.param(lambda c: c.exception_logs.list(page_size=True), "page_size", id="page_size-bool"),
    pytest.param(lambda c: c.exception_logs.list(page_size="25"), "page_size", id="page_size-str"),
    pytest.param(
        lambda c: c.exception_logs.list(1, page_size=1000), "page_size", id="page_size-id"
    ),
    pytest.param(lambda c: c.exception_logs.list(limit=-1), "limit", id="limit-negative"),
    pytest.param(lambda c: c.exception_logs.list(cursor=""), "cursor", id="cursor-empty"),
    pytest.param(lambda c: c.exception_logs.list(cursor=5), "cursor", id="cursor-int"),
    # shop_name 1-250 characters
    pytest.param(lambda c: c.integrations.update(1, shop_name=""), "shop_name", id="shop_name-0"),
    pytest.param(
        lambda c: c.integrations.update(1, shop_name="x" * 251), "shop_name", id="shop_name-251"
    ),
    pytest.param(lambda c: c.integrations.update(1, shop_name=5), "shop_name", id="shop_name-int"),
    # webhook_url required with webhook_active=True, and not empty
    pytest.param(
        lambda c: c.integrations.update(1, webhook_active=True), "webhook_url", id="webhook-missing"
    ),
    pytest.param(
        lambda c: c.integrations.update(1, webhook_active=True, webhook_url=None),
        "webhook_url",
        id="webhook-none",
    ),
    pytest.param(
        lambda c: c.integrations.update(1, webhook_active=True, webhook_url=""),
        "webhook_url",
        id="webhook-empty",
    ),
    pytest.param(
        lambda c: c.integrations.update(1, webhook_active="yes", webhook_url="https://x"),
        "webhook_active",
        id="webhook_active-str",
    ),
    # feedback_type within its enum
    pytest.param(
        lambda c: c.integrations.update(1, feedback_type="sometimes"),
        "feedback_type",
        id="feedback_type-unknown",
    ),
    pytest.param(
        lambda c: c.integrations.update(1, feedback_type="EAGER"),
        "feedback_type",
        id="feedback_type-case",
    ),
    pytest.param(
        lambda c: c.integrations.update(1, feedback_type=None),
        "feedback_type",
        id="feedback_type-none",
    ),
    # other update fields
    pytest.param(lambda c: c.integrations.update(1, shop_url=""), "shop_url", id="shop_url-empty"),
    pytest.param(
        lambda c: c.integrations.update(1, service_point_enabled=1),
        "service_point_enabled",
        id="service_point_enabled-int",
    ),
    pytest.param(
        lambda c: c.integrations.update(1, service_point_carriers="ups"),
        "service_point_carriers",
        id="carriers-a-string",
    ),
    pytest.param(
        lambda c: c.integrations.update(1, service_point_carriers=["ups", 3]),
        "service_point_carriers[1]",
        id="carriers-item-int",
    ),
    pytest.param(lambda c: c.integrations.update(1), "fields", id="update-nothing"),
    # unknown keyword arguments
    pytest.param(lambda c: c.integrations.update(1, shop_nam="x"), "shop_nam", id="update-typo"),
    pytest.param(lambda c: c.integrations.update(1, id=5), "id", id="update-read-only-id"),
    pytest.param(
        lambda c: c.exception_logs.create(1, base_url="x", unknown_field=1),
        "unknown_field",
        id="create-unknown",
    ),
    pytest.param(
        lambda c: c.exception_logs.create(1, base_url="x", protected=True),
        "protected",
        id="create-read-only-protected",
    ),
    # exception log fields
    pytest.param(lambda c: c.exception_logs.create(1, base_url=""), "base_url", id="base_url-0"),
    pytest.param(
        lambda c: c.exception_logs.create(1, base_url=None), "base_url", id="base_url-none"
    ),
    pytest.param(
        lambda c: c.exception_logs.create(1, base_url="x", response_code=-1),
        "response_code",
        id="response_code-negative",
    ),
    pytest.param(
        lambda c: c.exception_logs.create(1, base_url="x", response_code=True),
        "response_code",
        id="response_code-bool",
    ),
    pytest.param(
        lambda c: c.exception_logs.create(1, base_url="x", created_at="yesterday"),
        "created_at",
        id="created_at-not-iso",
    ),
    pytest.param(
        lambda c: c.exception_logs.create(1, base_url="x", created_at=1700000000),
        "created_at",
        id="created_at-epoch",
    ),
    pytest.param(
        lambda c: c.exception_logs.create(1, base_url="x", response=[1]),
        "response",
        id="response-a-list",
    ),
    pytest.param(
        lambda c: c.exception_logs.create(1, base_url="x", method=5), "method", id="method-int"
    ),
    # language within its enum; show_deleted a bool; sort a non-empty string
    pytest.param(
        lambda c: c.shop_order_statuses.list(1, language="en"), "language", id="language-short"
    ),
    pytest.param(
        lambda c: c.shop_order_statuses.list(1, language="EN-GB"), "language", id="language-case"
    ),
    pytest.param(
        lambda c: c.shop_order_statuses.list(1, show_deleted="true"),
        "show_deleted",
        id="show_deleted-str",
    ),
    pytest.param(lambda c: c.integrations.list(sort=1), "sort", id="sort-int"),
    # the mapping covers each status category exactly once
    pytest.param(lambda c: c.status_mapping.set(1, {}), "mapping", id="mapping-empty"),
    pytest.param(
        lambda c: c.status_mapping.set(1, {k: None for k in CATEGORIES[:3]}),
        "mapping",
        id="mapping-missing-one",
    ),
    pytest.param(
        lambda c: c.status_mapping.set(1, {**FULL_MAPPING, "LOST": None}),
        "mapping['LOST']",
        id="mapping-unknown-category",
    ),
    pytest.param(
        lambda c: c.status_mapping.set(1, {**FULL_MAPPING, "cancel": None}),
        "mapping['cancel']",
        id="mapping-lower-case",
    ),
    pytest.param(
        lambda c: c.status_mapping.set(1, {**FULL_MAPPING, ForeignCategory.CANCEL: "2"}),
        "mapping",
        id="mapping-category-twice",
    ),
    pytest.param(
        lambda c: c.status_mapping.set(1, {**FULL_MAPPING, "CANCEL": 5}),
        "mapping['CANCEL']",
        id="mapping-external_id-int",
    ),
    pytest.param(
        lambda c: c.status_mapping.set(1, [{"status_category": "CANCEL", "external_id": None}]),
        "mapping",
        id="mapping-a-list",
    ),
    # statuses: a list; unique external_ids; 1-7 translations with unique languages
    pytest.param(
        lambda c: c.shop_order_statuses.replace(1, statuses=status()),
        "statuses",
        id="statuses-a-dict",
    ),
    pytest.param(
        lambda c: c.shop_order_statuses.replace(1, statuses="abc"),
        "statuses",
        id="statuses-a-string",
    ),
    pytest.param(
        lambda c: c.shop_order_statuses.replace(1, statuses=["abc"]),
        "statuses[0]",
        id="status-a-string",
    ),
    pytest.param(
        lambda c: c.shop_order_statuses.replace(
            1, statuses=[status("a"), status("b"), status("a")]
        ),
        "statuses[2].external_id",
        id="external_id-duplicate",
    ),
    pytest.param(
        lambda c: c.shop_order_statuses.replace(1, statuses=[status(15)]),
        "statuses[0].external_id",
        id="external_id-int",
    ),
    pytest.param(
        lambda c: c.shop_order_statuses.replace(1, statuses=[{"external_id": "1"}]),
        "statuses[0].translations",
        id="translations-missing",
    ),
    pytest.param(
        lambda c: c.shop_order_statuses.replace(
            1, statuses=[{"external_id": "1", "translations": []}]
        ),
        "statuses[0].translations",
        id="translations-0",
    ),
    pytest.param(
        lambda c: c.shop_order_statuses.replace(
            1, statuses=[status("1", [*translations(*LANGUAGES), TRANSLATION])]
        ),
        "statuses[0].translations",
        id="translations-8",
    ),
    pytest.param(
        lambda c: c.shop_order_statuses.replace(
            1, statuses=[status("1", translations("en-gb", "nl-nl", "en-gb"))]
        ),
        "statuses[0].translations[2].language",
        id="translations-duplicate-language",
    ),
    pytest.param(
        lambda c: c.shop_order_statuses.replace(
            1, statuses=[status("1", [{"status": "x", "language": "xx-xx"}])]
        ),
        "statuses[0].translations[0].language",
        id="translation-language-unknown",
    ),
    pytest.param(
        lambda c: c.shop_order_statuses.replace(1, statuses=[status("1", [{"language": "en-gb"}])]),
        "statuses[0].translations[0].status",
        id="translation-status-missing",
    ),
]


@pytest.fixture(params=MODES)
def h(request: pytest.FixtureRequest) -> Harness:
    return Harness(request.param)


async def refused(h: Harness, call: Call) -> sc.RequestValidationError:
    """Run ``call`` on a client that must not send, and return its RequestValidationError."""
    recorder = Recorder([refuse])
    client = h.client(recorder)
    with pytest.raises(sc.RequestValidationError) as info:
        await h.run(call(client))
    assert recorder.requests == []
    await h.close(client)
    return info.value


@pytest.mark.parametrize(("call", "field"), INVALID)
async def test_invalid_argument_is_refused_before_sending(
    h: Harness, call: Call, field: str
) -> None:
    """The call raises RequestValidationError naming the argument, and nothing is sent."""
    error = await refused(h, call)
    assert error.field == field
    assert isinstance(error, ValueError)
    assert isinstance(error, sc.SendcloudError)
    assert str(error).startswith(f"{field}: ")


# None is exception_logs.list's documented "every integration" value, so not bad there.
ID_CASES = [
    pytest.param(method, value, id=f"{method}-{value!r}")
    for method in ID_CALLS
    for value in BAD_ID_VALUES
    if not (value is None and method == "exception_logs.list")
]


@pytest.mark.parametrize(("method", "value"), ID_CASES)
async def test_every_id_argument_must_be_a_positive_int(
    h: Harness, method: str, value: Any
) -> None:
    """Ids below 1, bools, floats, strings and None are refused by every method taking an id."""
    error = await refused(h, lambda c: ID_CALLS[method](c, value))
    assert error.field == "integration_id"


VALID: list[Any] = [
    # The spec sets no minLength on sort or external_id, and leaves the status and
    # translation objects open (no additionalProperties: false): all of these are its.
    pytest.param(lambda c: c.integrations.list(sort=""), id="sort-empty"),
    pytest.param(
        lambda c: c.shop_order_statuses.replace(1, statuses=[status("")]), id="external_id-empty"
    ),
    pytest.param(
        lambda c: c.shop_order_statuses.replace(1, statuses=[{**status(), "name": "x"}]),
        id="status-extra-key",
    ),
    pytest.param(
        lambda c: c.shop_order_statuses.replace(
            1, statuses=[status("1", [{**TRANSLATION, "lang": "x"}])]
        ),
        id="translation-extra-key",
    ),
    pytest.param(lambda c: c.integrations.get(1), id="id-1"),
    pytest.param(lambda c: c.integrations.get(2**63), id="id-huge"),
    pytest.param(lambda c: c.exception_logs.list(page_size=1), id="page_size-1"),
    pytest.param(lambda c: c.exception_logs.list(page_size=100), id="page_size-100"),
    pytest.param(lambda c: c.integrations.update(1, shop_name="x"), id="shop_name-1"),
    pytest.param(lambda c: c.integrations.update(1, shop_name="x" * 250), id="shop_name-250"),
    pytest.param(
        lambda c: c.integrations.update(1, webhook_active=True, webhook_url="https://x/hook"),
        id="webhook-with-url",
    ),
    pytest.param(lambda c: c.integrations.update(1, webhook_active=False), id="webhook-off"),
    pytest.param(lambda c: c.integrations.update(1, feedback_type="delayed"), id="feedback-str"),
    pytest.param(
        lambda c: c.integrations.update(1, service_point_carriers=()), id="carriers-empty-tuple"
    ),
    pytest.param(lambda c: c.shop_order_statuses.list(1, language="it-it"), id="language-it"),
    pytest.param(lambda c: c.shop_order_statuses.replace(1, statuses=[]), id="statuses-none"),
    pytest.param(
        lambda c: c.shop_order_statuses.replace(
            1, statuses=[status("1", translations(*LANGUAGES))]
        ),
        id="translations-7",
    ),
    pytest.param(
        lambda c: c.shop_order_statuses.replace(
            1, statuses=[status("1", translations("en-gb")), status("2", translations("en-gb"))]
        ),
        id="same-language-in-two-statuses",
    ),
    pytest.param(
        lambda c: c.status_mapping.set(1, {sc.StatusCategory(k): "7" for k in CATEGORIES}),
        id="mapping-enum-keys",
    ),
    pytest.param(
        lambda c: c.exception_logs.create(1, base_url="x", response_code=0, created_at=None),
        id="log-boundaries",
    ),
]


@pytest.mark.parametrize("call", VALID)
async def test_values_on_the_boundary_are_sent(h: Harness, call: Call) -> None:
    """Values just inside each constraint pass validation and reach the transport once."""
    recorder = Recorder(
        [
            lambda request: (
                json_response(200, {"data": []}) if request.method == "GET" else httpx.Response(204)
            )
        ]
    )
    client = h.client(recorder)
    # The canned body does not fit every method; the request is what counts here.
    with contextlib.suppress(sc.ResponseValidationError):
        await h.run(call(client))
    assert len(recorder.requests) == 1
    await h.close(client)


async def test_statuses_are_checked_before_anything_is_sent_even_if_late_items_fail(
    h: Harness,
) -> None:
    """A bad item at the end of a long list still stops the whole replace up front."""
    statuses = [status(str(i)) for i in range(50)] + [status("7")]
    error = await refused(h, lambda c: c.shop_order_statuses.replace(1, statuses=statuses))
    assert error.field == "statuses[50].external_id"
    assert "duplicate" in str(error)


async def test_mapping_body_has_exactly_one_entry_per_category(h: Harness) -> None:
    """A valid mapping goes out as four entries, one per category, in the caller's order."""
    recorder = Recorder([httpx.Response(200)])
    client = h.client(recorder)
    mapping = {"CANCEL": None, "DELIVERED": "12", "IN_TRANSIT": "11", "READY_TO_SEND": "11"}
    await h.run(client.status_mapping.set(5, mapping))
    body = json.loads(recorder.last.content)
    assert body["integration_id"] == 5
    assert sorted(e["status_category"] for e in body["mapping"]) == sorted(CATEGORIES)
    assert body["mapping"] == [{"status_category": k, "external_id": v} for k, v in mapping.items()]
    await h.close(client)
