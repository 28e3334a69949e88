"""Turn 2xx bodies into the generated models, or raise ResponseValidationError.

The generated ``from_dict`` checks every value against the spec as it decodes
(templates/README.md) and raises DecodeError naming the JSON pointer; this module
turns that into ResponseValidationError with the pointer, the expected type and
the raw body. It works around two quirks of the spec (pinned in
tests/overlay_pins_responses.py): the integrations list declares ``data`` with
``items`` but no ``type: array``, so the generated model leaves it as raw JSON;
and the ``type: 'null'`` 200 responses may come with an empty body, which the
generated parser chokes on.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast

import httpx
from sendcloud_integrations_api.types import (
    DecodeError,
    Unset,
    decode_mismatch,
    decode_missing,
    failed_index,
)

from ._errors import ResponseValidationError
from ._jsonbody import BodyNotJSON, loads

# Each parser imports its response model on first use: a program's first call then
# loads the models of that operation only (issue #17, cold start).
if TYPE_CHECKING:
    from sendcloud_integrations_api.models.integration import Integration
    from sendcloud_integrations_api.models.integration_get_response import IntegrationGetResponse
    from sendcloud_integrations_api.models.integration_log import IntegrationLog
    from sendcloud_integrations_api.models.integration_log_created_response import (
        IntegrationLogCreatedResponse,
    )
    from sendcloud_integrations_api.models.integration_log_list_response import (
        IntegrationLogListResponse,
    )
    from sendcloud_integrations_api.models.shop_order_status import ShopOrderStatus
    from sendcloud_integrations_api.models.shop_order_status_list_response import (
        ShopOrderStatusListResponse,
    )
    from sendcloud_integrations_api.models.status_mapping import StatusMapping
    from sendcloud_integrations_api.models.status_mapping_response import StatusMappingResponse

T = TypeVar("T")


def _json(response: httpx.Response) -> Any:
    try:
        return loads(response.content)
    except BodyNotJSON as exc:
        raise ResponseValidationError(f"body is not JSON ({exc})", response) from None


def _model(response: httpx.Response, build: Callable[[Any, bool], T], doc: Any) -> T:
    # owned=True: `doc` was decoded from this response for this call alone, so the
    # model keeps its dicts instead of copying them (Model.from_dict copies).
    try:
        return build(doc, True)
    except DecodeError as exc:
        raise ResponseValidationError(
            str(exc), response, pointer=exc.pointer, expected=exc.expected
        ) from None
    except RecursionError:  # only a self-referencing schema could recurse this deep
        raise ResponseValidationError("nested too deeply", response) from None


# The response models, imported on first use and then looked up in one step: an
# import statement inside each parser would cost about a microsecond per call.
@functools.cache
def _integration_get_response() -> type[IntegrationGetResponse]:
    from sendcloud_integrations_api.models.integration_get_response import IntegrationGetResponse

    return IntegrationGetResponse


@functools.cache
def _integration_log_list_response() -> type[IntegrationLogListResponse]:
    from sendcloud_integrations_api.models.integration_log_list_response import (
        IntegrationLogListResponse,
    )

    return IntegrationLogListResponse


@functools.cache
def _integration_log_created_response() -> type[IntegrationLogCreatedResponse]:
    from sendcloud_integrations_api.models.integration_log_created_response import (
        IntegrationLogCreatedResponse,
    )

    return IntegrationLogCreatedResponse


@functools.cache
def _shop_order_status_list_response() -> type[ShopOrderStatusListResponse]:
    from sendcloud_integrations_api.models.shop_order_status_list_response import (
        ShopOrderStatusListResponse,
    )

    return ShopOrderStatusListResponse


@functools.cache
def _status_mapping_response() -> type[StatusMappingResponse]:
    from sendcloud_integrations_api.models.status_mapping_response import StatusMappingResponse

    return StatusMappingResponse


def _required(value: T | Unset, response: httpx.Response, what: str) -> T:
    if isinstance(value, Unset):
        raise ResponseValidationError(
            f"/{what}: expected it, got nothing (the field is required)",
            response,
            pointer=f"/{what}",
            expected="present",
        )
    return value


def _integrations(doc: Any, owned: bool) -> list[Integration]:
    from sendcloud_integrations_api.models.integration import Integration

    # `data` lacks `type: array` in the spec, so the generated list model keeps it raw;
    # check and build each item with the generated Integration model instead.
    if not isinstance(doc, dict):
        raise decode_mismatch("object", doc)
    # Decoded JSON (string keys); each item is checked by Integration.from_dict.
    body = cast("dict[str, Any]", doc)
    if "data" not in body:
        raise decode_missing("array", "data")
    data = body["data"]
    if not isinstance(data, list):
        raise decode_mismatch("array", data, "data")
    items = cast("Sequence[Any]", data)
    try:
        return [Integration._decode(item, True) for item in items]  # owned, as in _model
    except DecodeError as exc:
        raise exc.within("data", failed_index(items, Integration.from_dict)) from None


def integration_list(response: httpx.Response) -> list[Integration]:
    return _model(response, _integrations, _json(response))


def integration(response: httpx.Response) -> Integration:

    parsed = _model(response, _integration_get_response()._decode, _json(response))
    return _required(parsed.data, response, "data")


def log_list(response: httpx.Response) -> list[IntegrationLog]:

    parsed = _model(response, _integration_log_list_response()._decode, _json(response))
    return _required(parsed.data, response, "data")


def created_log(response: httpx.Response) -> IntegrationLog:

    parsed = _model(response, _integration_log_created_response()._decode, _json(response))
    return _required(parsed.data, response, "data")


def shop_order_statuses(response: httpx.Response) -> list[ShopOrderStatus]:

    parsed = _model(response, _shop_order_status_list_response()._decode, _json(response))
    return _required(parsed.data, response, "data")


def status_mapping(response: httpx.Response) -> StatusMapping:

    parsed = _model(response, _status_mapping_response()._decode, _json(response))
    return _required(parsed.data, response, "data")


def no_content(response: httpx.Response) -> None:
    """204, or a 200 whose schema is ``type: 'null'``: empty body or JSON null."""
    if response.status_code == 204 or not response.content.strip():
        return None
    if _json(response) is not None:
        raise ResponseValidationError(
            "expected an empty body or null", response, pointer="", expected="null"
        )
    return None
