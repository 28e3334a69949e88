from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StatusMapping")


@_attrs_define
class StatusMapping:
    """
    Attributes:
        integration_id (int | Unset): Sendcloud Integration ID. Example: 23452345.
        mapping (list[StatusMappingEntry] | Unset): Array containing available shop order statuses mapped onto
            Sendcloud's internal status category.
            - The array contains an object of each of Sendcloud's internal status categories.
            - Each of sendcloud's internal status categories will be mapped onto either `AvailableStatus.external_id` or
            `null`
            - Not all `external_ids` in AvailableStatus may be mapped onto Sendcloud's internal status category.
            - Two `external_ids` may map onto the same internal status category.
            - An invalid mapping is a mapping that points to `external_id` that has been deleted.
    """

    integration_id: int | Unset = UNSET
    mapping: list[StatusMappingEntry] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        integration_id = self.integration_id

        mapping: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.mapping, Unset):
            mapping = []
            for mapping_item_data in self.mapping:
                mapping_item = mapping_item_data.to_dict()
                mapping.append(mapping_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if integration_id is not UNSET:
            field_dict["integration_id"] = integration_id
        if mapping is not UNSET:
            field_dict["mapping"] = mapping

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        integration_id = d.pop("integration_id", UNSET)

        _mapping = d.pop("mapping", UNSET)
        mapping: list[StatusMappingEntry] | Unset = UNSET
        if _mapping is not UNSET:
            mapping = []
            for mapping_item_data in _mapping:
                mapping_item = StatusMappingEntry.from_dict(mapping_item_data)

                mapping.append(mapping_item)

        status_mapping = cls(
            integration_id,
            mapping,
        )

        status_mapping.additional_properties = d
        return status_mapping

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
from ..models.status_mapping_entry import StatusMappingEntry
