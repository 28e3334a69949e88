from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="IntegrationLogCreatedResponse")


@_attrs_define
class IntegrationLogCreatedResponse:
    """
    Attributes:
        data (IntegrationLog | Unset): An integration exception log record containing information about a failed API
            request to a shop system.
    """

    data: IntegrationLog | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _data = d.pop("data", UNSET)
        data: IntegrationLog | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = IntegrationLog.from_dict(_data)

        integration_log_created_response = cls(
            data,
        )

        integration_log_created_response.additional_properties = d
        return integration_log_created_response

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
from ..models.integration_log import IntegrationLog
