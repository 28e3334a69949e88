from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.integration_log_create_response_body import (
        IntegrationLogCreateResponseBody,
    )
    from ..models.integration_log_create_response_headers import (
        IntegrationLogCreateResponseHeaders,
    )


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
        from ..models.integration_log_create_response_body import (
            IntegrationLogCreateResponseBody,
        )
        from ..models.integration_log_create_response_headers import (
            IntegrationLogCreateResponseHeaders,
        )

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
        from ..models.integration_log_create_response_body import (
            IntegrationLogCreateResponseBody,
        )
        from ..models.integration_log_create_response_headers import (
            IntegrationLogCreateResponseHeaders,
        )

        d = dict(src_dict)

        def _parse_headers(
            data: object,
        ) -> IntegrationLogCreateResponseHeaders | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                headers_type_0 = IntegrationLogCreateResponseHeaders.from_dict(data)

                return headers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntegrationLogCreateResponseHeaders | None | Unset, data)

        headers = _parse_headers(d.pop("headers", UNSET))

        def _parse_body(
            data: object,
        ) -> IntegrationLogCreateResponseBody | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                body_type_1 = IntegrationLogCreateResponseBody.from_dict(data)

                return body_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntegrationLogCreateResponseBody | None | str | Unset, data)

        body = _parse_body(d.pop("body", UNSET))

        integration_log_create_response = cls(
            headers=headers,
            body=body,
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
