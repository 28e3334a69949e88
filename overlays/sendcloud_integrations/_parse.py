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

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast

import httpx

# The models package is lazy: each model loads when its name is first read, and
# then sits in the package's namespace, so a parser's lookup costs one attribute
# read and a program's first call loads that operation's models only (#17).
from sendcloud_integrations_api import models
from sendcloud_integrations_api.types import (
    DecodeError,
    Unset,
    decode_mismatch,
    decode_missing,
    failed_index,
)

from ._errors import ResponseValidationError
from ._jsonbody import BodyNotJSON, loads, msgspec_module

if TYPE_CHECKING:
    from sendcloud_integrations_api.models.integration import Integration
    from sendcloud_integrations_api.models.integration_log import IntegrationLog
    from sendcloud_integrations_api.models.shop_order_status import ShopOrderStatus
    from sendcloud_integrations_api.models.status_mapping import StatusMapping

T = TypeVar("T")

if msgspec_module is not None:  # the speedups extra: only then is its mirror imported
    from ._struct_mirror import mirror_decoder
else:

    def mirror_decoder(cls: type[T]) -> Callable[[bytes], T | None] | None:
        return None


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


def _decoded(response: httpx.Response, cls: type[T], build: Callable[[Any, bool], T]) -> T:
    # With the speedups extra, the mirror takes the bodies it can; it refuses the rest
    # (returns None), and those go the ordinary way, which also words every error.
    mirror = mirror_decoder(cls)
    if mirror is not None:
        built = mirror(response.content)
        if built is not None:
            return built
    return _model(response, build, _json(response))


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
        return [models.Integration._decode(item, True) for item in items]  # owned, as in _model
    except DecodeError as exc:
        raise exc.within("data", failed_index(items, models.Integration.from_dict)) from None


def integration_list(response: httpx.Response) -> list[Integration]:
    return _model(response, _integrations, _json(response))


def integration(response: httpx.Response) -> Integration:
    parsed = _decoded(
        response, models.IntegrationGetResponse, models.IntegrationGetResponse._decode
    )
    return _required(parsed.data, response, "data")


def log_list(response: httpx.Response) -> list[IntegrationLog]:
    parsed = _decoded(
        response, models.IntegrationLogListResponse, models.IntegrationLogListResponse._decode
    )
    return _required(parsed.data, response, "data")


def created_log(response: httpx.Response) -> IntegrationLog:
    parsed = _decoded(
        response, models.IntegrationLogCreatedResponse, models.IntegrationLogCreatedResponse._decode
    )
    return _required(parsed.data, response, "data")


def shop_order_statuses(response: httpx.Response) -> list[ShopOrderStatus]:
    parsed = _decoded(
        response, models.ShopOrderStatusListResponse, models.ShopOrderStatusListResponse._decode
    )
    return _required(parsed.data, response, "data")


def status_mapping(response: httpx.Response) -> StatusMapping:
    parsed = _decoded(response, models.StatusMappingResponse, models.StatusMappingResponse._decode)
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
