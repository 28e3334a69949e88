"""Formatted fields (date-time, uri) and unencodable text are refused before sending."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc


def _never(_: httpx.Request) -> httpx.Response:
    raise AssertionError("nothing may be sent for invalid input")


@pytest.fixture
def client() -> sc.Client:
    return sc.Client(transport=httpx.MockTransport(_never))


NAIVE = dt.datetime(2023, 3, 1, 2, 2)
B = "https://shop.example"


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda c: c.exception_logs.list(cursor=NAIVE), "cursor"),
        (
            lambda c: c.exception_logs.create(1, base_url=B, created_at=NAIVE),
            "created_at",
        ),
        (
            lambda c: c.exception_logs.create(1, base_url=B, created_at="2023-03-01"),
            "created_at",
        ),
        (
            lambda c: c.exception_logs.create(1, base_url=B, created_at="2023-03-01T02:02"),
            "created_at",
        ),
        (lambda c: c.integrations.update(1, shop_url="www.shop.com"), "shop_url"),
        (
            lambda c: c.integrations.update(1, webhook_active=True, webhook_url="/hooks"),
            "webhook_url",
        ),
        (lambda c: c.integrations.update(1, shop_name="Shop \ud800"), "shop_name"),
    ],
    ids=[
        "naive-cursor",
        "naive-created_at",
        "date-only",
        "no-offset",
        "shop_url-no-scheme",
        "relative-webhook",
        "lone-surrogate",
    ],
)
def test_malformed_formats_are_refused_naming_the_field(
    client: sc.Client, call: Any, field: str
) -> None:
    """Naive datetimes, bare dates, scheme-less URIs and lone surrogates never reach the wire."""
    with pytest.raises(sc.RequestValidationError) as caught:
        call(client)  # list() checks its arguments at once, before iterating
    assert caught.value.field == field


def test_well_formed_values_are_sent_verbatim() -> None:
    """Aware datetimes, Z offsets and absolute URIs pass and are sent as given."""
    bodies: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(request.content)
        if request.method == "POST":
            return httpx.Response(201, json={"data": {"id": 1, "base_url": "https://a"}})
        return httpx.Response(204)

    with sc.Client(transport=httpx.MockTransport(handler)) as client:
        client.exception_logs.create(1, base_url=B, created_at="2023-03-01T02:02:00Z")
        aware = dt.datetime(2023, 3, 1, 2, 2, tzinfo=dt.UTC)
        client.exception_logs.create(1, base_url=B, created_at=aware)
        client.integrations.update(1, shop_url="https://shop.example/")
    assert b'"2023-03-01T02:02:00Z"' in bodies[0]
    assert b'"2023-03-01T02:02:00+00:00"' in bodies[1]
    assert b'"https://shop.example/"' in bodies[2]
