from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    decode_bad_string,
    decode_mismatch,
    decode_missing,
    model_repr,
)

T = TypeVar("T", bound="IntegrationLog")
# A module global, not object.__new__ looked up on every object a decode builds.
_new = object.__new__


@_attrs_define(repr=False)
class IntegrationLog:
    """An integration exception log record containing information about a failed API request to a shop system.

    Attributes:
        base_url (str): Base shop URL Example: https://example.com.
        id (int | Unset): ID of the log record Example: 123.
        integration_id (int | None | Unset): ID of the integration to which this log belongs Example: 123.
        full_url (None | str | Unset): Full path to resource where error happened Example: https://example.com/order-
            note.json.
        method (str | Unset): HTTP method that caused an error Example: POST.
        response_code (int | None | Unset): Standard HTTP error code Example: 495.
        response (IntegrationLogResponse | None | Unset): Response JSON containing response body and headers
        request (IntegrationLogRequest | None | Unset): Request JSON containing request body and headers
        created_at (datetime.datetime | Unset): Timestamp indicating when an exception occurred Example:
            2023-03-01T02:02:00+01:00.
        exception_type (None | str | Unset): Internal field to store Python exception type. We use this field to suggest
            our users the ways how they can fix issues. Example: requests.exceptions.SSLError.
        exception (None | str | Unset): Human readable description of exception Example: An SSL error occurred.
        protected (bool | Unset): An indication whether or not request/response is obfuscated Example: False.
        additional_data (IntegrationLogAdditionalData | str | Unset): Additional data associated with the log entry
            Default: ''.
    """

    base_url: str
    id: int | Unset = UNSET
    integration_id: int | None | Unset = UNSET
    full_url: None | str | Unset = UNSET
    method: str | Unset = UNSET
    response_code: int | None | Unset = UNSET
    response: IntegrationLogResponse | None | Unset = UNSET
    request: IntegrationLogRequest | None | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    exception_type: None | str | Unset = UNSET
    exception: None | str | Unset = UNSET
    protected: bool | Unset = UNSET
    additional_data: IntegrationLogAdditionalData | str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        # UNSET fields left out: a sparse model reads as what the server sent.
        return model_repr(self, _FIELD_NAMES)

    def to_dict(self) -> dict[str, Any]:
        base_url = self.base_url

        id = self.id

        integration_id: int | None | Unset
        if isinstance(self.integration_id, Unset):
            integration_id = UNSET
        else:
            integration_id = self.integration_id

        full_url: None | str | Unset
        if isinstance(self.full_url, Unset):
            full_url = UNSET
        else:
            full_url = self.full_url

        method = self.method

        response_code: int | None | Unset
        if isinstance(self.response_code, Unset):
            response_code = UNSET
        else:
            response_code = self.response_code

        response: dict[str, Any] | None | Unset
        if isinstance(self.response, Unset):
            response = UNSET
        elif isinstance(self.response, IntegrationLogResponse):
            response = self.response.to_dict()
        else:
            response = self.response

        request: dict[str, Any] | None | Unset
        if isinstance(self.request, Unset):
            request = UNSET
        elif isinstance(self.request, IntegrationLogRequest):
            request = self.request.to_dict()
        else:
            request = self.request

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

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

        protected = self.protected

        additional_data: dict[str, Any] | str | Unset
        if isinstance(self.additional_data, Unset):
            additional_data = UNSET
        elif isinstance(self.additional_data, IntegrationLogAdditionalData):
            additional_data = self.additional_data.to_dict()
        else:
            additional_data = self.additional_data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base_url": base_url,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if integration_id is not UNSET:
            field_dict["integration_id"] = integration_id
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
        if protected is not UNSET:
            field_dict["protected"] = protected
        if additional_data is not UNSET:
            field_dict["additional_data"] = additional_data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """A IntegrationLog from the JSON object ``src_dict`` (not changed).

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
        integration_log = _new(cls)
        v = get("base_url", UNSET)
        if type(v) is str or isinstance(v, str):
            pass
        elif v is UNSET:
            raise decode_missing("string", "base_url")
        else:
            raise decode_mismatch("string", v, "base_url")

        integration_log.base_url = v
        v = get("id", UNSET)
        if type(v) is int or (isinstance(v, int) and not isinstance(v, bool)):
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("integer", v, "id")

        integration_log.id = v
        v = get("integration_id", UNSET)
        if (
            type(v) is int or (isinstance(v, int) and not isinstance(v, bool))
        ) or v is None:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("integer or null", v, "integration_id")

        integration_log.integration_id = v
        v = get("full_url", UNSET)
        if (type(v) is str or isinstance(v, str)) or v is None:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string or null", v, "full_url")

        integration_log.full_url = v
        v = get("method", UNSET)
        if type(v) is str or isinstance(v, str):
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string", v, "method")

        integration_log.method = v
        v = get("response_code", UNSET)
        if (
            type(v) is int or (isinstance(v, int) and not isinstance(v, bool))
        ) or v is None:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("integer or null", v, "response_code")

        integration_log.response_code = v
        v = get("response", UNSET)
        if type(v) is dict or isinstance(v, dict):
            get_response_type_0 = v.get
            absent_response_type_0 = 0
            built_response_type_0 = _new(IntegrationLogResponse)
            value_response_type_0 = get_response_type_0("headers", UNSET)
            if type(value_response_type_0) is dict or isinstance(
                value_response_type_0, dict
            ):
                m_response_type_0_headers_type_0 = _new(IntegrationLogResponseHeaders)
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
                m_response_type_0_body_type_1 = _new(IntegrationLogResponseBody)
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

        integration_log.response = v
        v = get("request", UNSET)
        if type(v) is dict or isinstance(v, dict):
            get_request_type_0 = v.get
            absent_request_type_0 = 0
            built_request_type_0 = _new(IntegrationLogRequest)
            value_request_type_0 = get_request_type_0("headers", UNSET)
            if type(value_request_type_0) is dict or isinstance(
                value_request_type_0, dict
            ):
                m_request_type_0_headers_type_0 = _new(IntegrationLogRequestHeaders)
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
                m_request_type_0_payload_type_0 = _new(IntegrationLogRequestPayload)
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

        integration_log.request = v
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

        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("date-time", v, "created_at")

        integration_log.created_at = v
        v = get("exception_type", UNSET)
        if (type(v) is str or isinstance(v, str)) or v is None:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string or null", v, "exception_type")

        integration_log.exception_type = v
        v = get("exception", UNSET)
        if (type(v) is str or isinstance(v, str)) or v is None:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string or null", v, "exception")

        integration_log.exception = v
        v = get("protected", UNSET)
        if v is True or v is False:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("boolean", v, "protected")

        integration_log.protected = v
        v = get("additional_data", UNSET)
        if type(v) is dict or isinstance(v, dict):
            m_additional_data_type_0 = _new(IntegrationLogAdditionalData)
            m_additional_data_type_0.additional_properties = v if owned else dict(v)
            v = m_additional_data_type_0

        elif type(v) is str or isinstance(v, str):
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("object or string", v, "additional_data")

        integration_log.additional_data = v
        if len(d) + absent == 13:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = {
                key: value for key, value in d.items() if key not in _KNOWN_KEYS
            }
        integration_log.additional_properties = additional_properties
        return integration_log

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


_FIELD_NAMES = (
    "base_url",
    "id",
    "integration_id",
    "full_url",
    "method",
    "response_code",
    "response",
    "request",
    "created_at",
    "exception_type",
    "exception",
    "protected",
    "additional_data",
    "additional_properties",
)
_KNOWN_KEYS = frozenset(
    (
        "base_url",
        "id",
        "integration_id",
        "full_url",
        "method",
        "response_code",
        "response",
        "request",
        "created_at",
        "exception_type",
        "exception",
        "protected",
        "additional_data",
    )
)
# Each field's Python name, JSON key and whether the schema requires it: what the
# speedups' mirror (sendcloud_integrations/_struct_mirror.py) needs beyond the type hints.
_JSON_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("base_url", "base_url", True),
    ("id", "id", False),
    ("integration_id", "integration_id", False),
    ("full_url", "full_url", False),
    ("method", "method", False),
    ("response_code", "response_code", False),
    ("response", "response", False),
    ("request", "request", False),
    ("created_at", "created_at", False),
    ("exception_type", "exception_type", False),
    ("exception", "exception", False),
    ("protected", "protected", False),
    ("additional_data", "additional_data", False),
)


# Imported once, after the class rather than inside its methods: each call then skips
# the import machinery, and models that refer to each other still import, because
# this module's class already exists when the other module imports it back.
from ..models.integration_log_additional_data import IntegrationLogAdditionalData
from ..models.integration_log_request import IntegrationLogRequest
from ..models.integration_log_request_headers import IntegrationLogRequestHeaders
from ..models.integration_log_request_payload import IntegrationLogRequestPayload
from ..models.integration_log_response import IntegrationLogResponse
from ..models.integration_log_response_body import IntegrationLogResponseBody
from ..models.integration_log_response_headers import IntegrationLogResponseHeaders
