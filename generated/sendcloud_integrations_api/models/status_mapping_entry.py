from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.status_category import StatusCategory
from ..types import UNSET, Unset

T = TypeVar("T", bound="StatusMappingEntry")


@_attrs_define
class StatusMappingEntry:
    """Status category to `external_id` association map.

    Attributes:
        status_category (StatusCategory | Unset): Sendcloud internal status category. Example: READY_TO_SEND.
        external_id (None | str | Unset): Field containing the ID linked to the order status inside the integrated
            webshop. It may be `None` or `null`. Example: 11.
        is_valid (bool | Unset): A flag showing if the mapping points to an existing `external_id`. Example: True.
    """

    status_category: StatusCategory | Unset = UNSET
    external_id: None | str | Unset = UNSET
    is_valid: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status_category: str | Unset = UNSET
        if not isinstance(self.status_category, Unset):
            status_category = self.status_category.value

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        is_valid = self.is_valid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status_category is not UNSET:
            field_dict["status_category"] = status_category
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if is_valid is not UNSET:
            field_dict["is_valid"] = is_valid

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _status_category = d.pop("status_category", UNSET)
        status_category: StatusCategory | Unset
        if isinstance(_status_category, Unset):
            status_category = UNSET
        else:
            status_category = StatusCategory(_status_category)

        external_id: None | str | Unset = d.pop("external_id", UNSET)

        is_valid = d.pop("is_valid", UNSET)

        status_mapping_entry = cls(
            status_category,
            external_id,
            is_valid,
        )

        status_mapping_entry.additional_properties = d
        return status_mapping_entry

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
