"""Resource groups of the clients: ``client.integrations`` and the three others.

Every method takes the escape hatches of Stainless-generated SDKs (openai-python):
``extra_headers``, ``extra_query`` and ``extra_body`` (merged into the JSON body
after the known fields are validated), and ``timeout`` for this call only.
"""

# unasync: the one source of the resource classes. tools/unasync.py writes the
# unasync: sync _resources.py from this file; `nox -s lint` fails when it is stale.

from __future__ import annotations

from collections.abc import Mapping
from typing import Unpack

from sendcloud_integrations_api.models.integration import Integration
from sendcloud_integrations_api.models.integration_log import IntegrationLog
from sendcloud_integrations_api.models.shop_order_status import ShopOrderStatus
from sendcloud_integrations_api.models.status_mapping import StatusMapping

from . import _operations as operations
from ._escape_hatches import Body, Headers, Query, Timeout, extras
from ._fields import (
    IntegrationListQuery,
    IntegrationLogFields,
    IntegrationUpdateFields,
    LogListQuery,
    StatusesInput,
    StatusListQuery,
)
from ._pagination import DEFAULT_PAGE_SIZE, AsyncLogPaginator, make_query
from ._sender import AsyncSender


class AsyncIntegrations:
    """``client.integrations``: list, get, update and delete integrations."""

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    @operations.operation(operations.LIST_INTEGRATIONS)
    async def list(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = None,
        **query: Unpack[IntegrationListQuery],
    ) -> list[Integration]:
        """``GET /integrations``: all integrations of the user.

        ``sort`` is a field name (``created_at``, ``updated_at``, ...), prefixed with
        ``-`` for descending. Raises APIError subclasses, APIConnectionError,
        ResponseValidationError.
        """
        extra = extras(extra_headers, extra_query, timeout)
        options = self._sender.options
        return await self._sender.send(
            operations.list_integrations(options, query, extra, extra_body)
        )

    @operations.operation(operations.GET_INTEGRATION)
    async def get(
        self,
        integration_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = None,
    ) -> Integration:
        """``GET /integrations/{id}``. Raises NotFoundError when there is no such integration."""
        extra = extras(extra_headers, extra_query, timeout)
        options = self._sender.options
        return await self._sender.send(
            operations.get_integration(options, integration_id, extra, extra_body)
        )

    @operations.operation(operations.UPDATE_INTEGRATION)
    async def update(
        self,
        integration_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = None,
        **fields: Unpack[IntegrationUpdateFields],
    ) -> None:
        """``PATCH /integrations/{id}``: change only the given fields.

        Raises RequestValidationError before sending (unknown field, shop_name out of its
        length bounds, webhook_active=True without webhook_url, ...), BadRequestError,
        NotFoundError.
        """
        extra = extras(extra_headers, extra_query, timeout)
        options = self._sender.options
        call = operations.update_integration(options, integration_id, fields, extra, extra_body)
        return await self._sender.send(call)

    @operations.operation(operations.DELETE_INTEGRATION)
    async def delete(
        self,
        integration_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = None,
    ) -> None:
        """``DELETE /integrations/{id}``. Raises NotFoundError when there is no such integration."""
        extra = extras(extra_headers, extra_query, timeout)
        options = self._sender.options
        return await self._sender.send(
            operations.delete_integration(options, integration_id, extra, extra_body)
        )


class AsyncExceptionLogs:
    """``client.exception_logs``: list (paginated) and create exception logs."""

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    @operations.operation(operations.LIST_ALL_LOGS, operations.LIST_INTEGRATION_LOGS)
    def list(
        self,
        integration_id: int | None = None,
        *,
        limit: int | None = None,
        max_pages: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = None,
        **query: Unpack[LogListQuery],
    ) -> AsyncLogPaginator:
        """``GET /integrations/logs``, or ``GET /integrations/{id}/logs`` with an id.

        Returns a lazy iterator over every log on every page (newest first); nothing
        is sent until you iterate. ``.pages()`` yields LogPage objects. ``page_size``
        defaults to the spec's maximum. ``cursor`` resumes from a page's
        ``next_cursor`` (or an error's ``resume_cursor``); ``limit`` stops after that
        many logs, ``max_pages`` after that many pages (a hard stop for servers that
        never end). Arguments are checked now (RequestValidationError); errors while
        iterating carry ``resume_cursor``.
        """
        extra = extras(extra_headers, extra_query, timeout)
        own, extra = operations.log_list_extras(self._sender.options, query, extra, extra_body)
        page_size = own.get("page_size", DEFAULT_PAGE_SIZE)
        paged = make_query(integration_id, page_size, own.get("cursor"), limit, max_pages)
        return AsyncLogPaginator(self._sender, paged, extra)

    @operations.operation(operations.CREATE_LOG)
    async def create(
        self,
        integration_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = None,
        **fields: Unpack[IntegrationLogFields],
    ) -> IntegrationLog:
        """``POST /integrations/{id}/logs``: create one exception log (``base_url`` required).

        Never retried once the request may have reached the server (unless
        ``with_options(retry_writes=True)``), so a log is not created twice.
        Raises RequestValidationError (unknown field, bad type), BadRequestError,
        NotFoundError.
        """
        extra = extras(extra_headers, extra_query, timeout)
        options = self._sender.options
        call = operations.create_log(options, integration_id, fields, extra, extra_body)
        return await self._sender.send(call)


class AsyncShopOrderStatuses:
    """``client.shop_order_statuses``: read and replace a shop's order statuses."""

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    @operations.operation(operations.GET_STATUSES)
    async def list(
        self,
        integration_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = None,
        **query: Unpack[StatusListQuery],
    ) -> list[ShopOrderStatus]:
        """``GET /shop-order-statuses?integration_id=...``.

        ``status`` comes in ``language`` (else en-gb, else the first language).
        ``show_deleted=True`` includes statuses removed by an earlier replace.
        Raises RequestValidationError (language not in the enum), BadRequestError.
        """
        extra = extras(extra_headers, extra_query, timeout)
        options = self._sender.options
        call = operations.list_statuses(options, integration_id, query, extra, extra_body)
        return await self._sender.send(call)

    @operations.operation(operations.REPLACE_STATUSES)
    async def replace(
        self,
        integration_id: int,
        *,
        statuses: StatusesInput,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = None,
    ) -> None:
        """``POST /shop-order-statuses``: replace the whole set of statuses.

        Each status is ``{"external_id": ..., "translations": [{"status", "language"}]}``;
        external_ids unique, translations within the spec's bounds with unique
        languages. Raises RequestValidationError, BadRequestError.
        """
        extra = extras(extra_headers, extra_query, timeout)
        options = self._sender.options
        call = operations.replace_statuses(options, integration_id, statuses, extra, extra_body)
        return await self._sender.send(call)


class AsyncStatusMappings:
    """``client.status_mapping``: read and set the custom status mapping."""

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    @operations.operation(operations.GET_MAPPING)
    async def get(
        self,
        integration_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = None,
    ) -> StatusMapping:
        """``GET /shop-order-statuses/mapping?integration_id=...``. Raises BadRequestError."""
        extra = extras(extra_headers, extra_query, timeout)
        options = self._sender.options
        return await self._sender.send(
            operations.get_mapping(options, integration_id, extra, extra_body)
        )

    @operations.operation(operations.SET_MAPPING)
    async def set(
        self,
        integration_id: int,
        mapping: Mapping[str, str | None],
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = None,
    ) -> None:
        """``POST /shop-order-statuses/mapping``.

        ``mapping`` maps each of the spec's status categories (READY_TO_SEND, ...) to
        an external_id or None. Raises RequestValidationError, BadRequestError.
        """
        extra = extras(extra_headers, extra_query, timeout)
        options = self._sender.options
        call = operations.set_mapping(options, integration_id, mapping, extra, extra_body)
        return await self._sender.send(call)


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
