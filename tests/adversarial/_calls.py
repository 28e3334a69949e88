"""Every facade call of the SDK with valid arguments: the targets of hostile responses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CATEGORIES = ("READY_TO_SEND", "IN_TRANSIT", "DELIVERED", "CANCEL")

# One entry per spec operation (11), called the way a user calls it.
CALLS: dict[str, Callable[[Any], Any]] = {
    "integrations.list": lambda c: c.integrations.list(),
    "integrations.get": lambda c: c.integrations.get(1),
    "integrations.update": lambda c: c.integrations.update(1, shop_name="Shop"),
    "integrations.delete": lambda c: c.integrations.delete(1),
    "exception_logs.list": lambda c: c.exception_logs.list(max_pages=3),
    "exception_logs.list(id)": lambda c: c.exception_logs.list(1, max_pages=3),
    "exception_logs.create": lambda c: c.exception_logs.create(1, base_url="https://s.example/"),
    "shop_order_statuses.list": lambda c: c.shop_order_statuses.list(1),
    "shop_order_statuses.replace": lambda c: c.shop_order_statuses.replace(1, statuses=[]),
    "status_mapping.get": lambda c: c.status_mapping.get(1),
    "status_mapping.set": lambda c: c.status_mapping.set(1, dict.fromkeys(CATEGORIES)),
}
