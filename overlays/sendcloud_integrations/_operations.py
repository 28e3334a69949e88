"""One function per API operation: validate arguments, build the call.

The URL, method and query come from the generated ``_get_kwargs`` of each
operation module, so a path change in the spec flows through regeneration.
The sync and async resources share these functions and differ only in I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from sendcloud_integrations_api.api.exception_logs import (
    sc_public_v3_integrations_post_create_integration_logs as create_logs_op,
)
from sendcloud_integrations_api.api.integrations import (
    sc_public_v3_integrations_delete_delete_integration as delete_op,
)
from sendcloud_integrations_api.api.integrations import (
    sc_public_v3_integrations_get_list_integrations as list_op,
)
from sendcloud_integrations_api.api.integrations import (
    sc_public_v3_integrations_get_retrieve_integration as get_op,
)
from sendcloud_integrations_api.api.integrations import (
    sc_public_v3_integrations_get_shop_order_statuses as get_statuses_op,
)
from sendcloud_integrations_api.api.integrations import (
    sc_public_v3_integrations_get_shop_order_statuses_mapping as get_mapping_op,
)
from sendcloud_integrations_api.api.integrations import (
    sc_public_v3_integrations_patch_update_integration as update_op,
)
from sendcloud_integrations_api.api.integrations import (
    sc_public_v3_integrations_post_shop_order_statuses as replace_statuses_op,
)
from sendcloud_integrations_api.api.integrations import (
    sc_public_v3_integrations_post_shop_order_statuses_mapping as set_mapping_op,
)
from sendcloud_integrations_api.models.integration import Integration
from sendcloud_integrations_api.models.integration_log import IntegrationLog
from sendcloud_integrations_api.models.language import Language
from sendcloud_integrations_api.models.shop_order_status import ShopOrderStatus
from sendcloud_integrations_api.models.status_mapping import StatusMapping

from . import _parse
from . import _validation as v
from ._sender import Call

F = TypeVar("F", bound=Callable[..., Any])

LIST_INTEGRATIONS = "sc-public-v3-integrations-get-list_integrations"
GET_INTEGRATION = "sc-public-v3-integrations-get-retrieve_integration"
UPDATE_INTEGRATION = "sc-public-v3-integrations-patch-update_integration"
DELETE_INTEGRATION = "sc-public-v3-integrations-delete-delete_integration"
LIST_ALL_LOGS = "sc-public-v3-integrations-get-retrieve_integrations_logs"
LIST_INTEGRATION_LOGS = "sc-public-v3-integrations-get-retrieve_integration_logs"
CREATE_LOG = "sc-public-v3-integrations-post-create_integration_logs"
GET_STATUSES = "sc-public-v3-integrations-get-shop_order_statuses"
REPLACE_STATUSES = "sc-public-v3-integrations-post-shop_order_statuses"
GET_MAPPING = "sc-public-v3-integrations-get-shop_order_statuses_mapping"
SET_MAPPING = "sc-public-v3-integrations-post-shop_order_statuses_mapping"


def operation(*operation_ids: str) -> Callable[[F], F]:
    """Tag a facade method with the spec operationIds it calls (pinned by a test)."""

    def tag(func: F) -> F:
        func.__sendcloud_operations__ = operation_ids  # type: ignore[attr-defined]
        return func

    return tag


def _call(kwargs: dict[str, Any], parse: Callable[..., Any], json: Any = None) -> Call[Any]:
    return Call(
        method=kwargs["method"].upper(),
        path=kwargs["url"],
        params=kwargs.get("params", {}),
        json=json,
        parse=parse,
    )


def list_integrations(sort: str | None) -> Call[list[Integration]]:
    if sort is not None:
        v.check_str("sort", sort, min_len=1)
    kwargs = list_op._get_kwargs(sort=sort) if sort is not None else list_op._get_kwargs()
    return _call(kwargs, _parse.integration_list)


def get_integration(integration_id: int) -> Call[Integration]:
    return _call(
        get_op._get_kwargs(v.check_id("integration_id", integration_id)), _parse.integration
    )


def update_integration(integration_id: int, fields: Mapping[str, Any]) -> Call[None]:
    integration_id = v.check_id("integration_id", integration_id)
    body = v.check_update(fields)
    return _call(update_op._get_kwargs(integration_id), _parse.no_content, body)


def delete_integration(integration_id: int) -> Call[None]:
    kwargs = delete_op._get_kwargs(v.check_id("integration_id", integration_id))
    return _call(kwargs, _parse.no_content)


def create_log(integration_id: int, fields: Mapping[str, Any]) -> Call[IntegrationLog]:
    integration_id = v.check_id("integration_id", integration_id)
    body = v.check_log_create(fields)
    return _call(create_logs_op._get_kwargs(integration_id), _parse.created_log, body)


def list_statuses(
    integration_id: int, language: str | Language | None, show_deleted: bool | None
) -> Call[list[ShopOrderStatus]]:
    integration_id = v.check_id("integration_id", integration_id)
    extra: dict[str, Any] = {}
    if language is not None:
        extra["language"] = Language(v.check_choice("language", language, v.LANGUAGES))
    if show_deleted is not None:
        extra["show_deleted"] = v.check_bool("show_deleted", show_deleted)
    kwargs = get_statuses_op._get_kwargs(integration_id=integration_id, **extra)
    return _call(kwargs, _parse.shop_order_statuses)


def replace_statuses(integration_id: int, statuses: object) -> Call[None]:
    integration_id = v.check_id("integration_id", integration_id)
    body = {"integration_id": integration_id, "statuses": v.check_statuses(statuses)}
    return _call(replace_statuses_op._get_kwargs(), _parse.no_content, body)


def get_mapping(integration_id: int) -> Call[StatusMapping]:
    kwargs = get_mapping_op._get_kwargs(integration_id=v.check_id("integration_id", integration_id))
    return _call(kwargs, _parse.status_mapping)


def set_mapping(integration_id: int, mapping: object) -> Call[None]:
    integration_id = v.check_id("integration_id", integration_id)
    body = {"integration_id": integration_id, "mapping": v.check_mapping(mapping)}
    return _call(set_mapping_op._get_kwargs(), _parse.no_content, body)
