from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IntegrationLogCreate")


@_attrs_define
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
        d = dict(src_dict)
        base_url = d.pop("base_url")

        full_url: None | str | Unset = d.pop("full_url", UNSET)

        method: None | str | Unset = d.pop("method", UNSET)

        response_code: int | None | Unset = d.pop("response_code", UNSET)

        _response = d.pop("response", UNSET)
        response: IntegrationLogCreateResponse | None | Unset
        if isinstance(_response, dict):
            try:
                response_type_0 = IntegrationLogCreateResponse.from_dict(_response)

                response = response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                response = cast(IntegrationLogCreateResponse | None | Unset, _response)
        else:
            response = _response

        _request = d.pop("request", UNSET)
        request: IntegrationLogCreateRequest | None | Unset
        if isinstance(_request, dict):
            try:
                request_type_0 = IntegrationLogCreateRequest.from_dict(_request)

                request = request_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                request = cast(IntegrationLogCreateRequest | None | Unset, _request)
        else:
            request = _request

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | None | Unset
        if isinstance(_created_at, str):
            try:
                created_at_type_0 = datetime.datetime.fromisoformat(_created_at)

                created_at = created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                created_at = cast(datetime.datetime | None | Unset, _created_at)
        else:
            created_at = _created_at

        exception_type: None | str | Unset = d.pop("exception_type", UNSET)

        exception: None | str | Unset = d.pop("exception", UNSET)

        integration_log_create = cls(
            base_url,
            full_url,
            method,
            response_code,
            response,
            request,
            created_at,
            exception_type,
            exception,
        )

        return integration_log_create


# Imported once, after the class rather than inside its methods: each call then skips
# the import machinery, and models that refer to each other still import, because
# this module's class already exists when the other module imports it back.
from ..models.integration_log_create_request import IntegrationLogCreateRequest
from ..models.integration_log_create_response import IntegrationLogCreateResponse
