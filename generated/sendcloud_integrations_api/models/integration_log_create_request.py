from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
        d = dict(src_dict)
        _headers = d.pop("headers", UNSET)
        headers: IntegrationLogCreateRequestHeaders | None | str | Unset
        if isinstance(_headers, dict):
            try:
                headers_type_0 = IntegrationLogCreateRequestHeaders.from_dict(_headers)

                headers = headers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                headers = cast(
                    IntegrationLogCreateRequestHeaders | None | str | Unset, _headers
                )
        else:
            headers = _headers

        _payload = d.pop("payload", UNSET)
        payload: IntegrationLogCreateRequestPayload | None | str | Unset
        if isinstance(_payload, dict):
            try:
                payload_type_0 = IntegrationLogCreateRequestPayload.from_dict(_payload)

                payload = payload_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                payload = cast(
                    IntegrationLogCreateRequestPayload | None | str | Unset, _payload
                )
        else:
            payload = _payload

        integration_log_create_request = cls(
            headers,
            payload,
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


# Imported once, after the class rather than inside its methods: each call then skips
# the import machinery, and models that refer to each other still import, because
# this module's class already exists when the other module imports it back.
from ..models.integration_log_create_request_headers import (
    IntegrationLogCreateRequestHeaders,
)
from ..models.integration_log_create_request_payload import (
    IntegrationLogCreateRequestPayload,
)
