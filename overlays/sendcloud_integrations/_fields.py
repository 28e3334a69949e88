"""Keyword-argument types of the facade methods, named as the spec's fields.

The TypedDicts themselves are generated from the spec
(``sendcloud_integrations_api._request_types``, one per request body and per
optional query); here they only get the facade's names. ``Unpack[...]`` of these
gives type checkers and IDEs the field names, while the runtime check refuses
unknown names with RequestValidationError.
"""

from __future__ import annotations

from collections.abc import Sequence

from sendcloud_integrations_api._request_types import (
    CreateIntegrationLogsBody as IntegrationLogFields,
)
from sendcloud_integrations_api._request_types import ListIntegrationsQuery as IntegrationListQuery
from sendcloud_integrations_api._request_types import (
    RetrieveIntegrationsLogsQuery as LogListQuery,
)
from sendcloud_integrations_api._request_types import (
    ShopOrderStatusesBodyStatusesItem as ShopOrderStatusInput,
)
from sendcloud_integrations_api._request_types import (
    ShopOrderStatusesBodyStatusesItemTranslationsItem as TranslationInput,
)
from sendcloud_integrations_api._request_types import ShopOrderStatusesQuery as StatusListQuery
from sendcloud_integrations_api._request_types import (
    UpdateIntegrationBody as IntegrationUpdateFields,
)
from sendcloud_integrations_api.models.new_shop_order_status import NewShopOrderStatus

__all__ = [
    "IntegrationListQuery",
    "IntegrationLogFields",
    "IntegrationUpdateFields",
    "LogListQuery",
    "ShopOrderStatusInput",
    "StatusListQuery",
    "StatusesInput",
    "TranslationInput",
]

StatusesInput = Sequence[ShopOrderStatusInput | NewShopOrderStatus]
