"""Keyword-argument types of the write methods, named as the spec's fields.

``Unpack[...]`` of these gives type checkers and IDEs the field names, while the
runtime check in _validation.py refuses unknown names with RequestValidationError.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any, TypedDict

from sendcloud_integrations_api.models.feedback_type import FeedbackType
from sendcloud_integrations_api.models.language import Language
from sendcloud_integrations_api.models.new_shop_order_status import NewShopOrderStatus


class IntegrationUpdateFields(TypedDict, total=False):
    """Fields ``integrations.update`` can change (the spec's integration-model)."""

    shop_name: str
    shop_url: str
    service_point_enabled: bool
    service_point_carriers: Sequence[str]
    webhook_active: bool
    webhook_url: str | None
    feedback_type: str | FeedbackType


class IntegrationLogFields(TypedDict, total=False):
    """Optional fields of ``exception_logs.create`` (the spec's integration-log-create)."""

    full_url: str | None
    method: str | None
    response_code: int | None
    response: Mapping[str, Any] | None
    request: Mapping[str, Any] | None
    created_at: datetime.datetime | str | None
    exception_type: str | None
    exception: str | None


class TranslationInput(TypedDict):
    """One translation of a shop order status."""

    status: str
    language: str | Language


class ShopOrderStatusInput(TypedDict):
    """One shop order status for ``shop_order_statuses.replace``."""

    external_id: str
    translations: Sequence[TranslationInput]


StatusesInput = Sequence[ShopOrderStatusInput | NewShopOrderStatus]
