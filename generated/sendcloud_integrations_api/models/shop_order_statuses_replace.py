from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ShopOrderStatusesReplace")


@_attrs_define
class ShopOrderStatusesReplace:
    """POST request with shop order statuses with translations.

    Attributes:
        integration_id (int): ID of the integration to which these statuses belong. Example: 252345.
        statuses (list[NewShopOrderStatus]): Available shop statuses.
    """

    integration_id: int
    statuses: list[NewShopOrderStatus]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        integration_id = self.integration_id

        statuses = []
        for statuses_item_data in self.statuses:
            statuses_item = statuses_item_data.to_dict()
            statuses.append(statuses_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "integration_id": integration_id,
                "statuses": statuses,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        integration_id = d.pop("integration_id")

        statuses = []
        _statuses = d.pop("statuses")
        for statuses_item_data in _statuses:
            statuses_item = NewShopOrderStatus.from_dict(statuses_item_data)

            statuses.append(statuses_item)

        shop_order_statuses_replace = cls(
            integration_id,
            statuses,
        )

        shop_order_statuses_replace.additional_properties = d
        return shop_order_statuses_replace

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
from ..models.new_shop_order_status import NewShopOrderStatus
