from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import (
    UNSET,
    Unset,
    decode_bad_string,
    decode_mismatch,
    decode_missing,
    model_repr,
)

T = TypeVar("T", bound="IntegrationLogCreate")
# A module global, not object.__new__ looked up on every object a decode builds.
_new = object.__new__


@_attrs_define(repr=False)
class IntegrationLogCreate:
    """Request body for creating an integration exception log.

    Attributes:
        base_url (str): Base shop URL Example: https://example.com.
        full_url (None | str | Unset): Full path to resource where error happened Example: https://example.com/order-
            note.json.
        method (None | str | Unset): HTTP method that caused an error Default: ''. Example: POST.
        response_code (int | None | Unset): Standard HTTP error code Example: 495.
        response (IntegrationLogCreateResponse | None | Unset): Response JSON containing response body and headers
        request (IntegrationLogCreateRequest | None | Unset): Request JSON containing request body and headers
        created_at (datetime.datetime | None | Unset): Timestamp indicating when an exception occurred. If not provided,
            the current date will be used. Example: 2023-03-01T02:02:00+01:00.
        exception_type (None | str | Unset): Internal field to store Python exception type. We use this field to suggest
            our users the ways how they can fix issues. Example: requests.exceptions.SSLError.
        exception (None | str | Unset): Human readable description of exception Example: An SSL error occurred.
    """

    base_url: str
    full_url: None | str | Unset = UNSET
    method: None | str | Unset = ""
    response_code: int | None | Unset = UNSET
    response: IntegrationLogCreateResponse | None | Unset = UNSET
    request: IntegrationLogCreateRequest | None | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    exception_type: None | str | Unset = UNSET
    exception: None | str | Unset = UNSET

    def __repr__(self) -> str:
        # UNSET fields left out: a sparse model reads as what the server sent.
        return model_repr(self, _FIELD_NAMES)

    def to_dict(self) -> dict[str, Any]:
        base_url = self.base_url

        full_url: None | str | Unset
        if isinstance(self.full_url, Unset):
            full_url = UNSET
        else:
            full_url = self.full_url

        method: None | str | Unset
        if isinstance(self.method, Unset):
            method = UNSET
        else:
            method = self.method

        response_code: int | None | Unset
        if isinstance(self.response_code, Unset):
            response_code = UNSET
        else:
            response_code = self.response_code

        response: dict[str, Any] | None | Unset
        if isinstance(self.response, Unset):
            response = UNSET
        elif isinstance(self.response, IntegrationLogCreateResponse):
            response = self.response.to_dict()
        else:
            response = self.response

        request: dict[str, Any] | None | Unset
        if isinstance(self.request, Unset):
            request = UNSET
        elif isinstance(self.request, IntegrationLogCreateRequest):
            request = self.request.to_dict()
        else:
            request = self.request

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        exception_type: None | str | Unset
        if isinstance(self.exception_type, Unset):
            exception_type = UNSET
        else:
            exception_type = self.exception_type

        exception: None | str | Unset
        if isinstance(self.exception, Unset):
            exception = UNSET
        else:
            exception = self.exception

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "base_url": base_url,
            }
        )
        if full_url is not UNSET:
            field_dict["full_url"] = full_url
        if method is not UNSET:
            field_dict["method"] = method
        if response_code is not UNSET:
            field_dict["response_code"] = response_code
        if response is not UNSET:
            field_dict["response"] = response
        if request is not UNSET:
            field_dict["request"] = request
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if exception_type is not UNSET:
            field_dict["exception_type"] = exception_type
        if exception is not UNSET:
            field_dict["exception"] = exception

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """A IntegrationLogCreate from the JSON object ``src_dict`` (not changed).

        Every value is checked against its schema as it is read: a wrong JSON type, a
        missing required field, a timestamp without a UTC offset raise DecodeError,
        which names the JSON pointer of the value. Unknown keys go to
        ``additional_properties``; unknown enum values are kept (the enums are open).
        """
        return cls._decode(src_dict, False)

    @classmethod
    def _decode(cls, src_dict: Mapping[str, Any], owned: bool) -> Self:
        """What from_dict does. ``owned``: a JSON parser has just made ``src_dict`` for
        this call alone (the SDK's response bodies), so the model may keep the dicts in
        it instead of copies; from_dict passes False, the caller's dicts stay theirs.
        """
        d = src_dict
        if type(d) is not dict:
            if not isinstance(d, Mapping):
                raise decode_mismatch("object", d)
            d = dict(d)
        get = d.get
        # Known fields not in d: with the size of d, this tells whether d has unknown keys
        # without comparing key sets.
        absent = 0
        # Built without __init__: the values are checked here, and positional matching
        # plus attrs' defaults would only repeat work.
        integration_log_create = _new(cls)
        v = get("base_url", UNSET)
        if type(v) is str or isinstance(v, str):
            pass
        elif v is UNSET:
            raise decode_missing("string", "base_url")
        else:
            raise decode_mismatch("string", v, "base_url")

        integration_log_create.base_url = v
        v = get("full_url", UNSET)
        if (type(v) is str or isinstance(v, str)) or v is None:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string or null", v, "full_url")

        integration_log_create.full_url = v
        v = get("method", UNSET)
        if (type(v) is str or isinstance(v, str)) or v is None:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string or null", v, "method")

        integration_log_create.method = v
        v = get("response_code", UNSET)
        if (
            type(v) is int or (isinstance(v, int) and not isinstance(v, bool))
        ) or v is None:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("integer or null", v, "response_code")

        integration_log_create.response_code = v
        v = get("response", UNSET)
        if type(v) is dict or isinstance(v, dict):
            get_response_type_0 = v.get
            absent_response_type_0 = 0
            built_response_type_0 = _new(IntegrationLogCreateResponse)
            value_response_type_0 = get_response_type_0("headers", UNSET)
            if type(value_response_type_0) is dict or isinstance(
                value_response_type_0, dict
            ):
                m_response_type_0_headers_type_0 = _new(
                    IntegrationLogCreateResponseHeaders
                )
                m_response_type_0_headers_type_0.additional_properties = (
                    value_response_type_0 if owned else dict(value_response_type_0)
                )
                value_response_type_0 = m_response_type_0_headers_type_0

            elif value_response_type_0 is None:
                pass
            elif value_response_type_0 is UNSET:
                absent_response_type_0 += 1
            else:
                raise decode_mismatch(
                    "object or null", value_response_type_0, "response", "headers"
                )

            built_response_type_0.headers = value_response_type_0
            value_response_type_0 = get_response_type_0("body", UNSET)
            if type(value_response_type_0) is str or isinstance(
                value_response_type_0, str
            ):
                pass
            elif type(value_response_type_0) is dict or isinstance(
                value_response_type_0, dict
            ):
                m_response_type_0_body_type_1 = _new(IntegrationLogCreateResponseBody)
                m_response_type_0_body_type_1.additional_properties = (
                    value_response_type_0 if owned else dict(value_response_type_0)
                )
                value_response_type_0 = m_response_type_0_body_type_1

            elif value_response_type_0 is None:
                pass
            elif value_response_type_0 is UNSET:
                absent_response_type_0 += 1
            else:
                raise decode_mismatch(
                    "string or object or null",
                    value_response_type_0,
                    "response",
                    "body",
                )

            built_response_type_0.body = value_response_type_0
            if len(v) + absent_response_type_0 == 2:
                built_response_type_0.additional_properties = {}
            else:
                built_response_type_0.additional_properties = {
                    key: value
                    for key, value in v.items()
                    if key
                    not in (
                        "headers",
                        "body",
                    )
                }
            v = built_response_type_0

        elif v is None:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("object or null", v, "response")

        integration_log_create.response = v
        v = get("request", UNSET)
        if type(v) is dict or isinstance(v, dict):
            get_request_type_0 = v.get
            absent_request_type_0 = 0
            built_request_type_0 = _new(IntegrationLogCreateRequest)
            value_request_type_0 = get_request_type_0("headers", UNSET)
            if type(value_request_type_0) is dict or isinstance(
                value_request_type_0, dict
            ):
                m_request_type_0_headers_type_0 = _new(
                    IntegrationLogCreateRequestHeaders
                )
                m_request_type_0_headers_type_0.additional_properties = (
                    value_request_type_0 if owned else dict(value_request_type_0)
                )
                value_request_type_0 = m_request_type_0_headers_type_0

            elif (
                type(value_request_type_0) is str
                or isinstance(value_request_type_0, str)
            ) or value_request_type_0 is None:
                pass
            elif value_request_type_0 is UNSET:
                absent_request_type_0 += 1
            else:
                raise decode_mismatch(
                    "object or string or null",
                    value_request_type_0,
                    "request",
                    "headers",
                )

            built_request_type_0.headers = value_request_type_0
            value_request_type_0 = get_request_type_0("payload", UNSET)
            if type(value_request_type_0) is dict or isinstance(
                value_request_type_0, dict
            ):
                m_request_type_0_payload_type_0 = _new(
                    IntegrationLogCreateRequestPayload
                )
                m_request_type_0_payload_type_0.additional_properties = (
                    value_request_type_0 if owned else dict(value_request_type_0)
                )
                value_request_type_0 = m_request_type_0_payload_type_0

            elif (
                type(value_request_type_0) is str
                or isinstance(value_request_type_0, str)
            ) or value_request_type_0 is None:
                pass
            elif value_request_type_0 is UNSET:
                absent_request_type_0 += 1
            else:
                raise decode_mismatch(
                    "object or string or null",
                    value_request_type_0,
                    "request",
                    "payload",
                )

            built_request_type_0.payload = value_request_type_0
            if len(v) + absent_request_type_0 == 2:
                built_request_type_0.additional_properties = {}
            else:
                built_request_type_0.additional_properties = {
                    key: value
                    for key, value in v.items()
                    if key
                    not in (
                        "headers",
                        "payload",
                    )
                }
            v = built_request_type_0

        elif v is None:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("object or null", v, "request")

        integration_log_create.request = v
        v = get("created_at", UNSET)
        if type(v) is str or isinstance(v, str):
            try:
                v = datetime.datetime.fromisoformat(v)
            except ValueError as exc:
                raise decode_bad_string("date-time", str(exc), "created_at") from None
            if v.tzinfo is None:
                raise decode_bad_string(
                    "date-time", "it has no UTC offset", "created_at"
                )

        elif v is None:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("date-time or null", v, "created_at")

        integration_log_create.created_at = v
        v = get("exception_type", UNSET)
        if (type(v) is str or isinstance(v, str)) or v is None:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string or null", v, "exception_type")

        integration_log_create.exception_type = v
        v = get("exception", UNSET)
        if (type(v) is str or isinstance(v, str)) or v is None:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string or null", v, "exception")

        integration_log_create.exception = v
        return integration_log_create


_FIELD_NAMES = (
    "base_url",
    "full_url",
    "method",
    "response_code",
    "response",
    "request",
    "created_at",
    "exception_type",
    "exception",
)
_KNOWN_KEYS = frozenset(
    (
        "base_url",
        "full_url",
        "method",
        "response_code",
        "response",
        "request",
        "created_at",
        "exception_type",
        "exception",
    )
)
# Each field's Python name, JSON key and whether the schema requires it: what the
# speedups' mirror (sendcloud_integrations/_struct_mirror.py) needs beyond the type hints.
_JSON_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("base_url", "base_url", True),
    ("full_url", "full_url", False),
    ("method", "method", False),
    ("response_code", "response_code", False),
    ("response", "response", False),
    ("request", "request", False),
    ("created_at", "created_at", False),
    ("exception_type", "exception_type", False),
    ("exception", "exception", False),
)


# Imported once, after the class rather than inside its methods: each call then skips
# the import machinery, and models that refer to each other still import, because
# this module's class already exists when the other module imports it back.
from ..models.integration_log_create_request import IntegrationLogCreateRequest
from ..models.integration_log_create_request_headers import (
    IntegrationLogCreateRequestHeaders,
)
from ..models.integration_log_create_request_payload import (
    IntegrationLogCreateRequestPayload,
)
from ..models.integration_log_create_response import IntegrationLogCreateResponse
from ..models.integration_log_create_response_body import (
    IntegrationLogCreateResponseBody,
)
from ..models.integration_log_create_response_headers import (
    IntegrationLogCreateResponseHeaders,
)
