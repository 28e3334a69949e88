"""Turn 2xx bodies into the generated models, or raise ResponseValidationError.

Works around two quirks of the spec (pinned in tests/test_overlay_pins.py):
the integrations list declares ``data`` with ``items`` but no ``type: array``,
so the generated model leaves it as raw JSON; and the ``type: 'null'`` 200
responses may come with an empty body, which the generated parser chokes on.
"""
# pyright strict comes with #13's rework of this module; until then:
# pyright: standard

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import httpx
from sendcloud_integrations_api.models.integration import Integration
from sendcloud_integrations_api.models.integration_get_response import IntegrationGetResponse
from sendcloud_integrations_api.models.integration_log import IntegrationLog
from sendcloud_integrations_api.models.integration_log_created_response import (
    IntegrationLogCreatedResponse,
)
from sendcloud_integrations_api.models.shop_order_status import ShopOrderStatus
from sendcloud_integrations_api.models.shop_order_status_list_response import (
    ShopOrderStatusListResponse,
)
from sendcloud_integrations_api.models.status_mapping import StatusMapping
from sendcloud_integrations_api.models.status_mapping_response import StatusMappingResponse
from sendcloud_integrations_api.types import Unset

from ._errors import ResponseValidationError

T = TypeVar("T")

# What a generated from_dict raises on a body of the wrong shape.
_SHAPE_ERRORS = (KeyError, TypeError, ValueError, AttributeError)


def _json(response: httpx.Response) -> Any:
    try:
        return json.loads(response.content)
    except ValueError as exc:
        raise ResponseValidationError(f"body is not JSON ({exc})", response) from exc


def _object(response: httpx.Response) -> Mapping[str, Any]:
    doc = _json(response)
    if not isinstance(doc, Mapping):
        raise ResponseValidationError(f"expected a JSON object, got {type(doc).__name__}", response)
    return doc


def _model(response: httpx.Response, what: str, build: Callable[[], T]) -> T:
    try:
        return build()
    except ResponseValidationError:
        raise
    except _SHAPE_ERRORS as exc:
        raise ResponseValidationError(f"{what}: {type(exc).__name__}: {exc}", response) from exc


def _data_list(response: httpx.Response) -> list[Any]:
    data = _object(response).get("data")
    if not isinstance(data, list):
        raise ResponseValidationError(
            f"expected 'data' to be an array, got {type(data).__name__}", response
        )
    for index, item in enumerate(data):
        if not isinstance(item, Mapping):
            raise ResponseValidationError(
                f"data[{index}]: expected an object, got {type(item).__name__}", response
            )
    return data


def _data_object(response: httpx.Response) -> Mapping[str, Any]:
    """The body of a single-object response, with ``data`` checked to be an object.

    The generated from_dict calls ``dict(data)``, which happily turns ``[]``
    into an all-UNSET model; refuse that here instead of returning an empty model.
    """
    doc = _object(response)
    data = doc.get("data")
    if "data" in doc and not isinstance(data, Mapping):
        raise ResponseValidationError(
            f"expected 'data' to be an object, got {type(data).__name__}", response
        )
    return doc


def _required(value: T | Unset, response: httpx.Response, what: str) -> T:
    if isinstance(value, Unset):
        raise ResponseValidationError(f"'{what}' is missing", response)
    return value


def integration_list(response: httpx.Response) -> list[Integration]:
    # `data` lacks `type: array` in the spec, so the generated list model keeps
    # it raw; parse each item with the generated Integration model instead.
    data = _data_list(response)
    return _model(response, "data", lambda: [Integration.from_dict(item) for item in data])


def integration(response: httpx.Response) -> Integration:
    doc = _data_object(response)
    parsed = _model(response, "body", lambda: IntegrationGetResponse.from_dict(doc))
    return _required(parsed.data, response, "data")


def log_list(response: httpx.Response) -> list[IntegrationLog]:
    data = _data_list(response)
    return _model(response, "data", lambda: [IntegrationLog.from_dict(item) for item in data])


def created_log(response: httpx.Response) -> IntegrationLog:
    doc = _data_object(response)
    parsed = _model(response, "body", lambda: IntegrationLogCreatedResponse.from_dict(doc))
    return _required(parsed.data, response, "data")


def shop_order_statuses(response: httpx.Response) -> list[ShopOrderStatus]:
    doc = _object(response)
    _data_list(response)
    parsed = _model(response, "body", lambda: ShopOrderStatusListResponse.from_dict(doc))
    return _required(parsed.data, response, "data")


def status_mapping(response: httpx.Response) -> StatusMapping:
    doc = _data_object(response)
    parsed = _model(response, "body", lambda: StatusMappingResponse.from_dict(doc))
    return _required(parsed.data, response, "data")


def no_content(response: httpx.Response) -> None:
    """204, or a 200 whose schema is ``type: 'null'``: empty body or JSON null."""
    if response.status_code == 204 or not response.content.strip():
        return None
    if _json(response) is not None:
        raise ResponseValidationError("expected an empty body or null", response)
    return None
