from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.integration_log_create_request_headers import (
        IntegrationLogCreateRequestHeaders,
    )
    from ..models.integration_log_create_request_payload import (
        IntegrationLogCreateRequestPayload,
    )


T = TypeVar("T", bound="IntegrationLogCreateRequest")


@_attrs_define
class IntegrationLogCreateRequest:
    """Request JSON containing request body and headers

    Attributes:
        headers (IntegrationLogCreateRequestHeaders | None | str | Unset): HTTP headers which were sent within a request
        payload (IntegrationLogCreateRequestPayload | None | str | Unset): HTTP request body
    """

    headers: IntegrationLogCreateRequestHeaders | None | str | Unset = UNSET
    payload: IntegrationLogCreateRequestPayload | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.integration_log_create_request_headers import (
            IntegrationLogCreateRequestHeaders,
        )
        from ..models.integration_log_create_request_payload import (
            IntegrationLogCreateRequestPayload,
        )

        headers: dict[str, Any] | None | str | Unset
        if isinstance(self.headers, Unset):
            headers = UNSET
        elif isinstance(self.headers, IntegrationLogCreateRequestHeaders):
            headers = self.headers.to_dict()
        else:
            headers = self.headers

        payload: dict[str, Any] | None | str | Unset
        if isinstance(self.payload, Unset):
            payload = UNSET
        elif isinstance(self.payload, IntegrationLogCreateRequestPayload):
            payload = self.payload.to_dict()
        else:
            payload = self.payload

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if headers is not UNSET:
            field_dict["headers"] = headers
        if payload is not UNSET:
            field_dict["payload"] = payload

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.integration_log_create_request_headers import (
            IntegrationLogCreateRequestHeaders,
        )
        from ..models.integration_log_create_request_payload import (
            IntegrationLogCreateRequestPayload,
        )

        d = dict(src_dict)

        def _parse_headers(
            data: object,
        ) -> IntegrationLogCreateRequestHeaders | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                headers_type_0 = IntegrationLogCreateRequestHeaders.from_dict(data)

                return headers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntegrationLogCreateRequestHeaders | None | str | Unset, data)

        headers = _parse_headers(d.pop("headers", UNSET))

        def _parse_payload(
            data: object,
        ) -> IntegrationLogCreateRequestPayload | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payload_type_0 = IntegrationLogCreateRequestPayload.from_dict(data)

                return payload_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntegrationLogCreateRequestPayload | None | str | Unset, data)

        payload = _parse_payload(d.pop("payload", UNSET))

        integration_log_create_request = cls(
            headers=headers,
            payload=payload,
        )

        integration_log_create_request.additional_properties = d
        return integration_log_create_request

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
