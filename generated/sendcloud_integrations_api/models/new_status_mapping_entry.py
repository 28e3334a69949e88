from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.new_status_mapping_entry_status_category import (
    NewStatusMappingEntryStatusCategory,
)

T = TypeVar("T", bound="NewStatusMappingEntry")


@_attrs_define
class NewStatusMappingEntry:
    """status category to external_id association map

    Attributes:
        status_category (NewStatusMappingEntryStatusCategory): sendcloud internal status category. Example:
            READY_TO_SEND.
        external_id (None | str): Field containing the ID linked to the order status inside the integrated webshop. It
            may be `None`. Example: 11.
    """

    status_category: NewStatusMappingEntryStatusCategory
    external_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status_category = self.status_category.value

        external_id: None | str
        external_id = self.external_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status_category": status_category,
                "external_id": external_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status_category = NewStatusMappingEntryStatusCategory(d.pop("status_category"))

        external_id: None | str = d.pop("external_id")

        new_status_mapping_entry = cls(
            status_category,
            external_id,
        )

        new_status_mapping_entry.additional_properties = d
        return new_status_mapping_entry

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
