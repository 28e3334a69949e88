from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StatusMappingSet")


@_attrs_define
class StatusMappingSet:
    """Create or update the mapping of available shop order statuses onto Sendcloud's internal status category.

    Attributes:
        integration_id (int): Sendcloud Integration ID. Example: 23452345.
        mapping (list[NewStatusMappingEntry]): Array containing available shop order statuses mapped onto Sendcloud's
            internal status category.
            - Create or update an existing map of available shop order statuses onto Sendcloud's internal status category
            for the given integration.
            - Make sure the mapping array contains objects of each Sendcloud's internal status categories.
            - Map each of Sendcloud's internal status categories onto either `AvailableStatus.external_id` or `None`.
            - Note that two `external_ids` may map to the same internal status category.
    """

    integration_id: int
    mapping: list[NewStatusMappingEntry]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        integration_id = self.integration_id

        mapping = []
        for mapping_item_data in self.mapping:
            mapping_item = mapping_item_data.to_dict()
            mapping.append(mapping_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "integration_id": integration_id,
                "mapping": mapping,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        integration_id = d.pop("integration_id")

        mapping = []
        _mapping = d.pop("mapping")
        for mapping_item_data in _mapping:
            mapping_item = NewStatusMappingEntry.from_dict(mapping_item_data)

            mapping.append(mapping_item)

        status_mapping_set = cls(
            integration_id,
            mapping,
        )

        status_mapping_set.additional_properties = d
        return status_mapping_set

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
from ..models.new_status_mapping_entry import NewStatusMappingEntry
