"""Resource groups of both clients: ``client.integrations`` and the three others.

Each method is written once, as the function that validates its arguments and
builds its call (``_facade_method``): the same declaration is a plain method on
``sc.Client`` and an ``async`` one on ``sc.AsyncClient``. Every method takes the
escape hatches of Stainless-generated SDKs (openai-python): ``extra_headers``,
``extra_query`` and ``extra_body`` (merged into the JSON body after the known fields
are validated), and ``timeout`` for this call only.

Nothing here imports the generated models, ``_fields`` or ``_pagination`` when the
first client is made (issue #17, cold start): annotations name them through
stand-ins that import them when ``typing.get_type_hints`` asks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Unpack

from . import _operations as operations
from ._escape_hatches import Body, Headers, Query, Timeout, extras
from ._facade_method import Resource as _Resource
from ._facade_method import S, listing_method, operation_method
from ._sender import AsyncSender, Call, Extras, SyncSender

if TYPE_CHECKING:
    from sendcloud_integrations_api import models

    from . import _fields, _pagination
else:
    from ._public import OnFirstUse

    models = OnFirstUse("sendcloud_integrations_api.models")
    _fields = OnFirstUse(f"{__package__}._fields")
    _pagination = OnFirstUse(f"{__package__}._pagination")

__all__ = [
    "AsyncSender",
    "ExceptionLogs",
    "Integrations",
    "ShopOrderStatuses",
    "StatusMappings",
    "SyncSender",
    "resource_groups",
]


class Integrations(_Resource[S]):
    """``client.integrations``: list, get, update and delete integrations."""

    @operation_method
    @operations.operation(operations.LIST_INTEGRATIONS)
    def list(
        self: _Resource[Any],
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = None,
        **query: Unpack[_fields.IntegrationListQuery],
    ) -> Call[list[models.Integration]]:
        """``GET /integrations``: all integrations of the user.

        ``sort`` is a field name (``created_at``, ``updated_at``, ...), prefixed with
        ``-`` for descending. Raises APIError subclasses, APIConnectionError,
        ResponseValidationError.
        """
        extra = extras(extra_headers, extra_query, timeout)
        return operations.list_integrations(self._sender.options, query, extra, extra_body)

    @operation_method
    @operations.operation(operations.GET_INTEGRATION)
    def get(
        self: _Resource[Any],
        integration_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = None,
    ) -> Call[models.Integration]:
        """``GET /integrations/{id}``. Raises NotFoundError when there is no such integration."""
        extra = extras(extra_headers, extra_query, timeout)
        return operations.get_integration(self._sender.options, integration_id, extra, extra_body)

    @operation_method
    @operations.operation(operations.UPDATE_INTEGRATION)
    def update(
        self: _Resource[Any],
        integration_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = None,
        **fields: Unpack[_fields.IntegrationUpdateFields],
    ) -> Call[None]:
        """``PATCH /integrations/{id}``: change only the given fields.

        Raises RequestValidationError before sending (unknown field, shop_name out of its
        length bounds, webhook_active=True without webhook_url, ...), BadRequestError,
        NotFoundError.
        """
        extra = extras(extra_headers, extra_query, timeout)
        return operations.update_integration(
            self._sender.options, integration_id, fields, extra, extra_body
        )

    @operation_method
    @operations.operation(operations.DELETE_INTEGRATION)
    def delete(
        self: _Resource[Any],
        integration_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = None,
    ) -> Call[None]:
        """``DELETE /integrations/{id}``. Raises NotFoundError when there is no such integration."""
        extra = extras(extra_headers, extra_query, timeout)
        return operations.delete_integration(
            self._sender.options, integration_id, extra, extra_body
        )


class ExceptionLogs(_Resource[S]):
    """``client.exception_logs``: list (paginated) and create exception logs."""

    @listing_method
    @operations.operation(operations.LIST_ALL_LOGS, operations.LIST_INTEGRATION_LOGS)
    def list(
        self: _Resource[Any],
        integration_id: int | None = None,
        *,
        limit: int | None = None,
        max_pages: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = None,
        **query: Unpack[_fields.LogListQuery],
    ) -> tuple[_pagination._Query, Extras]:
        """``GET /integrations/logs``, or ``GET /integrations/{id}/logs`` with an id.

        Returns a lazy iterator over every log on every page (newest first); nothing
        is sent until you iterate. ``.pages()`` yields LogPage objects. ``page_size``
        defaults to the spec's maximum. ``cursor`` resumes from a page's
        ``next_cursor`` (or an error's ``resume_cursor``); ``limit`` stops after that
        many logs, ``max_pages`` after that many pages (a hard stop for servers that
        never end). Arguments are checked now (RequestValidationError); errors while
        iterating carry ``resume_cursor``.
        """
        from ._pagination import DEFAULT_PAGE_SIZE, make_query

        extra = extras(extra_headers, extra_query, timeout)
        own, extra = operations.log_list_extras(self._sender.options, query, extra, extra_body)
        page_size = own.get("page_size", DEFAULT_PAGE_SIZE)
        paged = make_query(integration_id, page_size, own.get("cursor"), limit, max_pages)
        return paged, extra

    @operation_method
    @operations.operation(operations.CREATE_LOG)
    def create(
        self: _Resource[Any],
        integration_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = None,
        **fields: Unpack[_fields.IntegrationLogFields],
    ) -> Call[models.IntegrationLog]:
        """``POST /integrations/{id}/logs``: create one exception log (``base_url`` required).

        Never retried once the request may have reached the server (unless
        ``with_options(retry_writes=True)``), so a log is not created twice.
        Raises RequestValidationError (unknown field, bad type), BadRequestError,
        NotFoundError.
        """
        extra = extras(extra_headers, extra_query, timeout)
        return operations.create_log(
            self._sender.options, integration_id, fields, extra, extra_body
        )


class ShopOrderStatuses(_Resource[S]):
    """``client.shop_order_statuses``: read and replace a shop's order statuses."""

    @operation_method
    @operations.operation(operations.GET_STATUSES)
    def list(
        self: _Resource[Any],
        integration_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = None,
        **query: Unpack[_fields.StatusListQuery],
    ) -> Call[list[models.ShopOrderStatus]]:
        """``GET /shop-order-statuses?integration_id=...``.

        ``status`` comes in ``language`` (else en-gb, else the first language).
        ``show_deleted=True`` includes statuses removed by an earlier replace.
        Raises RequestValidationError (language not in the enum), BadRequestError.
        """
        extra = extras(extra_headers, extra_query, timeout)
        return operations.list_statuses(
            self._sender.options, integration_id, query, extra, extra_body
        )

    @operation_method
    @operations.operation(operations.REPLACE_STATUSES)
    def replace(
        self: _Resource[Any],
        integration_id: int,
        *,
        statuses: _fields.StatusesInput,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = None,
    ) -> Call[None]:
        """``POST /shop-order-statuses``: replace the whole set of statuses.

        Each status is ``{"external_id": ..., "translations": [{"status", "language"}]}``;
        external_ids unique, translations within the spec's bounds with unique
        languages. Raises RequestValidationError, BadRequestError.
        """
        extra = extras(extra_headers, extra_query, timeout)
        return operations.replace_statuses(
            self._sender.options, integration_id, statuses, extra, extra_body
        )


class StatusMappings(_Resource[S]):
    """``client.status_mapping``: read and set the custom status mapping."""

    @operation_method
    @operations.operation(operations.GET_MAPPING)
    def get(
        self: _Resource[Any],
        integration_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = None,
    ) -> Call[models.StatusMapping]:
        """``GET /shop-order-statuses/mapping?integration_id=...``. Raises BadRequestError."""
        extra = extras(extra_headers, extra_query, timeout)
        return operations.get_mapping(self._sender.options, integration_id, extra, extra_body)

    @operation_method
    @operations.operation(operations.SET_MAPPING)
    def set(
        self: _Resource[Any],
        integration_id: int,
        mapping: Mapping[str, str | None],
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout = None,
    ) -> Call[None]:
        """``POST /shop-order-statuses/mapping``.

        ``mapping`` maps each of the spec's status categories (READY_TO_SEND, ...) to
        an external_id or None. Raises RequestValidationError, BadRequestError.
        """
        extra = extras(extra_headers, extra_query, timeout)
        return operations.set_mapping(
            self._sender.options, integration_id, mapping, extra, extra_body
        )


def resource_groups(
    sender: S,
) -> tuple[Integrations[S], ExceptionLogs[S], ShopOrderStatuses[S], StatusMappings[S]]:
    """The client's four resource groups over one sender, in the order the client binds them."""
    return (
        Integrations(sender),
        ExceptionLogs(sender),
        ShopOrderStatuses(sender),
        StatusMappings(sender),
    )
