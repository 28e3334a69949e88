"""Deterministic seed data: the same integrations, statuses and logs on every run."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from ._state import PRESTASHOP_V2, Integration, LogRecord, ShopOrderStatus, State

PRESTASHOP_ID = 251  # the spec's example integration_id for the shop order status endpoints
API_ID = 23452345  # the spec's example integration
SHOPIFY_ID = 1001
WOOCOMMERCE_ID = 1002
DEFAULT_LOG_COUNT = 300

_T0 = datetime(2024, 5, 31, 23, 0, tzinfo=UTC)  # newest seeded log; older ones count back


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _integrations() -> list[Integration]:
    return [
        Integration(
            id=PRESTASHOP_ID,
            shop_name="Demo PrestaShop",
            shop_url="https://prestashop.example/",
            type=PRESTASHOP_V2,
            created_at=_at("2023-09-12T08:30:00+00:00"),
            updated_at=_at("2024-02-01T10:00:00+00:00"),
            last_fetched_at=_at("2024-05-31T22:55:00+00:00"),
            feedback_type="eager",
        ),
        Integration(
            id=API_ID,
            shop_name="Integration #1",
            shop_url="https://www.my-shop-integration.com/",
            type="api",
            created_at=_at("2023-11-04T14:15:22+00:00"),
            updated_at=_at("2023-11-08T12:23:56+00:00"),
            started_failing_at=_at("2023-11-10T16:16:42+00:00"),
            last_fetched_at=_at("2023-11-10T16:15:09+00:00"),
            service_point_enabled=True,
            service_point_carriers=["ups", "dhl"],
            webhook_active=True,
            webhook_url="https://my-shop-integration.integrator/api/webhooks/sendcloud",
            feedback_type="eager",
        ),
        Integration(
            id=SHOPIFY_ID,
            shop_name="Failing Shopify",
            shop_url="https://failing-shop.example/",
            type="shopify",
            created_at=_at("2024-01-15T09:00:00+00:00"),
            updated_at=_at("2024-03-02T17:45:00+00:00"),
            started_failing_at=_at("2024-05-30T06:00:00+00:00"),
            last_fetched_at=_at("2024-05-30T05:58:00+00:00"),
            feedback_type="delayed",
        ),
        Integration(
            id=WOOCOMMERCE_ID,
            shop_name="Quiet WooCommerce",
            shop_url="https://woo.example/",
            type="woocommerce",
            created_at=_at("2024-04-20T12:00:00+00:00"),
            updated_at=_at("2024-04-20T12:00:00+00:00"),
            feedback_type="none",
        ),
    ]


def _statuses() -> dict[str, ShopOrderStatus]:
    rows = [
        ShopOrderStatus(
            "11",
            {
                "en-gb": "Awaiting shipment",
                "nl-nl": "Wacht op verzending",
                "de-de": "Versandbereit",
            },
        ),
        ShopOrderStatus("12", {"en-gb": "Delivered", "nl-nl": "Bezorgd", "de-de": "Geliefert"}),
        ShopOrderStatus("13", {"en-gb": "Cancelled", "nl-nl": "Geannuleerd"}),
        # No en-gb: shows the alphabetical fallback (de-de before fr-fr).
        ShopOrderStatus("16", {"fr-fr": "Expédié", "de-de": "Versandt"}),
        ShopOrderStatus(
            "14-A",
            {"en-gb": "Refunded", "nl-nl": "Terugbetaald"},
            deleted_at=_at("2024-02-01T10:00:00+00:00"),
        ),
    ]
    return {s.external_id: s for s in rows}


_CODES = (401, 403, 404, 429, 495, 500, 502, 503)
_EXCEPTIONS = {
    401: ("requests.exceptions.HTTPError", "Unauthorized: API credentials are no longer valid"),
    403: ("requests.exceptions.HTTPError", "Forbidden: the API key lacks a permission"),
    404: ("requests.exceptions.HTTPError", "The order could not be found in the shop"),
    429: ("requests.exceptions.HTTPError", "The shop rate-limited the request"),
    495: ("requests.exceptions.SSLError", "An SSL error occurred"),
    500: ("requests.exceptions.HTTPError", "The shop answered with an internal error"),
    502: ("requests.exceptions.ConnectionError", "Bad gateway in front of the shop"),
    503: ("requests.exceptions.ReadTimeout", "The shop did not answer in time"),
}
_HEADERS = {"Content-Type": "application/json", "Connection": "keep-alive"}


def _logs(first_id: int, count: int, integration_ids: list[int]) -> list[LogRecord]:
    rng = random.Random(5)  # fixed seed: the data are part of the sandbox's contract
    shops = {
        PRESTASHOP_ID: "https://prestashop.example",
        API_ID: "https://www.my-shop-integration.com",
        SHOPIFY_ID: "https://failing-shop.example",
        WOOCOMMERCE_ID: "https://woo.example",
    }
    records: list[LogRecord] = []
    moment = _T0
    for n in range(count):
        if n % 10 != 9:  # every tenth log shares its timestamp with the one before it
            moment -= timedelta(minutes=rng.randint(1, 90), seconds=rng.randint(0, 59))
        integration_id = integration_ids[rng.randrange(len(integration_ids))]
        code = _CODES[rng.randrange(len(_CODES))]
        exception_type, exception = _EXCEPTIONS[code]
        base = shops.get(integration_id, "https://shop.example")
        order = 10_000 + n
        fields: dict[str, Any] = {
            "base_url": base,
            "full_url": f"{base}/api/orders/{order}/notes.json",
            "method": "POST" if n % 3 else "GET",
            "response_code": code,
            "response": {"headers": _HEADERS, "body": exception},
            "request": {"headers": _HEADERS, "payload": {"order_note": {"order": order}}},
            "exception_type": exception_type,
            "exception": exception,
        }
        records.append(LogRecord(first_id + n, integration_id, moment, fields))
    records.reverse()  # oldest first: ids grow with time, as in a database
    for offset, record in enumerate(records):
        record.id = first_id + offset
    return records


def seed(state: State, *, log_count: int = DEFAULT_LOG_COUNT) -> None:
    """Fill ``state`` with the deterministic seed data (``log_count`` logs)."""
    with state.lock:
        for integration in _integrations():
            state.integrations[integration.id] = integration
        state.statuses[PRESTASHOP_ID] = _statuses()
        state.mappings[PRESTASHOP_ID] = {
            "READY_TO_SEND": "11",
            "IN_TRANSIT": "11",
            "DELIVERED": "12",
            "CANCEL": "14-A",  # deleted status: is_valid is false
        }
        first = state.reserve_log_ids(log_count)
        state.logs.extend_sorted(_logs(first, log_count, sorted(state.integrations)))
