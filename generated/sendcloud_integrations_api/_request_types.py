"""The facade's keyword types: one TypedDict per request body and optional query.

Written by tools/generate.py from openapi/integrations.yaml; never edit by hand.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any, Required, TypedDict

__all__ = [
    "CreateIntegrationLogsBody",
    "ListIntegrationsQuery",
    "RetrieveIntegrationLogsQuery",
    "RetrieveIntegrationsLogsQuery",
    "ShopOrderStatusesBody",
    "ShopOrderStatusesBodyStatusesItem",
    "ShopOrderStatusesBodyStatusesItemTranslationsItem",
    "ShopOrderStatusesMappingBody",
    "ShopOrderStatusesMappingBodyMappingItem",
    "ShopOrderStatusesQuery",
    "UpdateIntegrationBody",
]


class ListIntegrationsQuery(TypedDict, total=False):
    """ListIntegrationsQuery (from the spec)."""

    sort: str | None


class RetrieveIntegrationLogsQuery(TypedDict, total=False):
    """RetrieveIntegrationLogsQuery (from the spec)."""

    cursor: str | datetime.datetime | None
    page_size: int | None


class RetrieveIntegrationsLogsQuery(TypedDict, total=False):
    """RetrieveIntegrationsLogsQuery (from the spec)."""

    cursor: str | datetime.datetime | None
    page_size: int | None


class ShopOrderStatusesQuery(TypedDict, total=False):
    """ShopOrderStatusesQuery (from the spec)."""

    language: str | None
    show_deleted: bool | None


class UpdateIntegrationBody(TypedDict, total=False):
    """UpdateIntegrationBody (from the spec)."""

    shop_name: str
    shop_url: str
    service_point_enabled: bool
    service_point_carriers: Sequence[str]
    webhook_active: bool
    webhook_url: str | None
    feedback_type: str


class CreateIntegrationLogsBody(TypedDict, total=False):
    """CreateIntegrationLogsBody (from the spec)."""

    base_url: Required[str]
    full_url: str | None
    method: str | None
    response_code: int | None
    response: Mapping[str, Any] | None
    request: Mapping[str, Any] | None
    created_at: str | datetime.datetime | None
    exception_type: str | None
    exception: str | None


class ShopOrderStatusesBodyStatusesItemTranslationsItem(TypedDict, total=False):
    """ShopOrderStatusesBodyStatusesItemTranslationsItem (from the spec)."""

    status: Required[str]
    language: Required[str]


class ShopOrderStatusesBodyStatusesItem(TypedDict, total=False):
    """ShopOrderStatusesBodyStatusesItem (from the spec)."""

    external_id: Required[str]
    translations: Required[Sequence[ShopOrderStatusesBodyStatusesItemTranslationsItem]]


class ShopOrderStatusesBody(TypedDict, total=False):
    """ShopOrderStatusesBody (from the spec)."""

    integration_id: Required[int]
    statuses: Required[Sequence[ShopOrderStatusesBodyStatusesItem]]


class ShopOrderStatusesMappingBodyMappingItem(TypedDict, total=False):
    """ShopOrderStatusesMappingBodyMappingItem (from the spec)."""

    status_category: Required[str]
    external_id: Required[str | None]


class ShopOrderStatusesMappingBody(TypedDict, total=False):
    """ShopOrderStatusesMappingBody (from the spec)."""

    integration_id: Required[int]
    mapping: Required[Sequence[ShopOrderStatusesMappingBodyMappingItem]]
