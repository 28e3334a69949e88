from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="IntegrationLogCreateResponse")


@_attrs_define
class IntegrationLogCreateResponse:
    """Response JSON containing response body and headers

    Attributes:
        headers (IntegrationLogCreateResponseHeaders | None | Unset): HTTP headers which were sent within a response
        body (IntegrationLogCreateResponseBody | None | str | Unset): HTTP response body
    """

    headers: IntegrationLogCreateResponseHeaders | None | Unset = UNSET
    body: IntegrationLogCreateResponseBody | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        headers: dict[str, Any] | None | Unset
        if isinstance(self.headers, Unset):
            headers = UNSET
        elif isinstance(self.headers, IntegrationLogCreateResponseHeaders):
            headers = self.headers.to_dict()
        else:
            headers = self.headers

        body: dict[str, Any] | None | str | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        elif isinstance(self.body, IntegrationLogCreateResponseBody):
            body = self.body.to_dict()
        else:
            body = self.body

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if headers is not UNSET:
            field_dict["headers"] = headers
        if body is not UNSET:
            field_dict["body"] = body

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _headers = d.pop("headers", UNSET)
        headers: IntegrationLogCreateResponseHeaders | None | Unset
        if isinstance(_headers, dict):
            try:
                headers_type_0 = IntegrationLogCreateResponseHeaders.from_dict(_headers)

                headers = headers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                headers = cast(
                    IntegrationLogCreateResponseHeaders | None | Unset, _headers
                )
        else:
            headers = _headers

        _body = d.pop("body", UNSET)
        body: IntegrationLogCreateResponseBody | None | str | Unset
        if isinstance(_body, dict):
            try:
                body_type_1 = IntegrationLogCreateResponseBody.from_dict(_body)

                body = body_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                body = cast(
                    IntegrationLogCreateResponseBody | None | str | Unset, _body
                )
        else:
            body = _body

        integration_log_create_response = cls(
            headers,
            body,
        )

        integration_log_create_response.additional_properties = d
        return integration_log_create_response

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
from ..models.integration_log_create_response_body import (
    IntegrationLogCreateResponseBody,
)
from ..models.integration_log_create_response_headers import (
    IntegrationLogCreateResponseHeaders,
)
