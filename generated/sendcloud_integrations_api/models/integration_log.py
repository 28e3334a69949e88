from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="IntegrationLog")


@_attrs_define
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
        d = dict(src_dict)
        base_url = d.pop("base_url")

        id = d.pop("id", UNSET)

        integration_id: int | None | Unset = d.pop("integration_id", UNSET)

        full_url: None | str | Unset = d.pop("full_url", UNSET)

        method = d.pop("method", UNSET)

        response_code: int | None | Unset = d.pop("response_code", UNSET)

        _response = d.pop("response", UNSET)
        response: IntegrationLogResponse | None | Unset
        if isinstance(_response, dict):
            try:
                response_type_0 = IntegrationLogResponse.from_dict(_response)

                response = response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                response = cast(IntegrationLogResponse | None | Unset, _response)
        else:
            response = _response

        _request = d.pop("request", UNSET)
        request: IntegrationLogRequest | None | Unset
        if isinstance(_request, dict):
            try:
                request_type_0 = IntegrationLogRequest.from_dict(_request)

                request = request_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                request = cast(IntegrationLogRequest | None | Unset, _request)
        else:
            request = _request

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        exception_type: None | str | Unset = d.pop("exception_type", UNSET)

        exception: None | str | Unset = d.pop("exception", UNSET)

        protected = d.pop("protected", UNSET)

        _additional_data = d.pop("additional_data", UNSET)
        additional_data: IntegrationLogAdditionalData | str | Unset
        if isinstance(_additional_data, dict):
            try:
                additional_data_type_0 = IntegrationLogAdditionalData.from_dict(
                    _additional_data
                )

                additional_data = additional_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                additional_data = cast(
                    IntegrationLogAdditionalData | str | Unset, _additional_data
                )
        else:
            additional_data = _additional_data

        integration_log = cls(
            base_url,
            id,
            integration_id,
            full_url,
            method,
            response_code,
            response,
            request,
            created_at,
            exception_type,
            exception,
            protected,
            additional_data,
        )

        integration_log.additional_properties = d
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


# Imported once, after the class rather than inside its methods: each call then skips
# the import machinery, and models that refer to each other still import, because
# this module's class already exists when the other module imports it back.
from ..models.integration_log_additional_data import IntegrationLogAdditionalData
from ..models.integration_log_request import IntegrationLogRequest
from ..models.integration_log_response import IntegrationLogResponse
