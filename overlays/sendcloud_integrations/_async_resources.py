"""Resource groups of the clients: ``client.integrations`` and the three others."""

# unasync: the one source of the resource classes. tools/unasync.py writes the
# unasync: sync _resources.py from this file; `nox -s lint` fails when it is stale.

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Unpack

from sendcloud_integrations_api.models.integration import Integration
from sendcloud_integrations_api.models.integration_log import IntegrationLog
from sendcloud_integrations_api.models.language import Language
from sendcloud_integrations_api.models.shop_order_status import ShopOrderStatus
from sendcloud_integrations_api.models.status_mapping import StatusMapping

from . import _operations as operations
from ._fields import IntegrationLogFields, IntegrationUpdateFields, StatusesInput
from ._pagination import DEFAULT_PAGE_SIZE, AsyncLogPaginator, make_query
from ._sender import AsyncSender


class AsyncIntegrations:
    """``client.integrations``: list, get, update and delete integrations."""

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    @operations.operation(operations.LIST_INTEGRATIONS)
    async def list(self, *, sort: str | None = None) -> list[Integration]:
        """``GET /integrations``: all integrations of the user.

        ``sort`` is a field name (``created_at``, ``updated_at``, ...), prefixed with
        ``-`` for descending. Raises APIError subclasses, APIConnectionError,
        ResponseValidationError.
        """
        return await self._sender.send(operations.list_integrations(sort))

    @operations.operation(operations.GET_INTEGRATION)
    async def get(self, integration_id: int) -> Integration:
        """``GET /integrations/{id}``. Raises NotFoundError when there is no such integration."""
        return await self._sender.send(operations.get_integration(integration_id))

    @operations.operation(operations.UPDATE_INTEGRATION)
    async def update(self, integration_id: int, **fields: Unpack[IntegrationUpdateFields]) -> None:
        """``PATCH /integrations/{id}``: change only the given fields.

        Raises RequestValidationError before sending (unknown field, shop_name not 1-250
        characters, webhook_active=True without webhook_url, ...), BadRequestError,
        NotFoundError.
        """
        return await self._sender.send(operations.update_integration(integration_id, fields))

    @operations.operation(operations.DELETE_INTEGRATION)
    async def delete(self, integration_id: int) -> None:
        """``DELETE /integrations/{id}``. Raises NotFoundError when there is no such integration."""
        return await self._sender.send(operations.delete_integration(integration_id))


class AsyncExceptionLogs:
    """``client.exception_logs``: list (paginated) and create exception logs."""

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    @operations.operation(operations.LIST_ALL_LOGS, operations.LIST_INTEGRATION_LOGS)
    def list(
        self,
        integration_id: int | None = None,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        cursor: str | datetime.datetime | None = None,
        limit: int | None = None,
    ) -> AsyncLogPaginator:
        """``GET /integrations/logs``, or ``GET /integrations/{id}/logs`` with an id.

        Returns a lazy iterator over every log on every page (newest first); nothing
        is sent until you iterate. ``.pages()`` yields LogPage objects. ``cursor``
        resumes from a page's ``next_cursor`` (or an error's ``resume_cursor``);
        ``limit`` stops after that many logs. Arguments are checked now
        (RequestValidationError); errors while iterating carry ``resume_cursor``.
        """
        return AsyncLogPaginator(self._sender, make_query(integration_id, page_size, cursor, limit))

    @operations.operation(operations.CREATE_LOG)
    async def create(
        self, integration_id: int, *, base_url: str, **fields: Unpack[IntegrationLogFields]
    ) -> IntegrationLog:
        """``POST /integrations/{id}/logs``: create one exception log.

        Never retried once the request may have reached the server (unless
        ``with_options(retry_writes=True)``), so a log is not created twice.
        Raises RequestValidationError (unknown field, bad type), BadRequestError,
        NotFoundError.
        """
        return await self._sender.send(
            operations.create_log(integration_id, {"base_url": base_url, **fields})
        )


class AsyncShopOrderStatuses:
    """``client.shop_order_statuses``: read and replace a shop's order statuses."""

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    @operations.operation(operations.GET_STATUSES)
    async def list(
        self,
        integration_id: int,
        *,
        language: str | Language | None = None,
        show_deleted: bool | None = None,
    ) -> list[ShopOrderStatus]:
        """``GET /shop-order-statuses?integration_id=...``.

        ``status`` comes in ``language`` (else en-gb, else the first language).
        ``show_deleted=True`` includes statuses removed by an earlier replace.
        Raises RequestValidationError (language not in the enum), BadRequestError.
        """
        return await self._sender.send(
            operations.list_statuses(integration_id, language, show_deleted)
        )

    @operations.operation(operations.REPLACE_STATUSES)
    async def replace(self, integration_id: int, *, statuses: StatusesInput) -> None:
        """``POST /shop-order-statuses``: replace the whole set of statuses.

        Each status is ``{"external_id": ..., "translations": [{"status", "language"}]}``;
        external_ids unique, 1-7 translations with unique languages. Raises
        RequestValidationError, BadRequestError.
        """
        return await self._sender.send(operations.replace_statuses(integration_id, statuses))


class AsyncStatusMappings:
    """``client.status_mapping``: read and set the custom status mapping."""

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    @operations.operation(operations.GET_MAPPING)
    async def get(self, integration_id: int) -> StatusMapping:
        """``GET /shop-order-statuses/mapping?integration_id=...``. Raises BadRequestError."""
        return await self._sender.send(operations.get_mapping(integration_id))

    @operations.operation(operations.SET_MAPPING)
    async def set(self, integration_id: int, mapping: Mapping[str, str | None]) -> None:
        """``POST /shop-order-statuses/mapping``.

        ``mapping`` maps each of READY_TO_SEND, IN_TRANSIT, DELIVERED and CANCEL to an
        external_id or None. Raises RequestValidationError, BadRequestError.
        """
        return await self._sender.send(operations.set_mapping(integration_id, mapping))


def resource_groups(
    sender: AsyncSender,
) -> tuple[AsyncIntegrations, AsyncExceptionLogs, AsyncShopOrderStatuses, AsyncStatusMappings]:
    """The client's four resource groups over one sender, in the order the client binds them."""
    return (
        AsyncIntegrations(sender),
        AsyncExceptionLogs(sender),
        AsyncShopOrderStatuses(sender),
        AsyncStatusMappings(sender),
    )
