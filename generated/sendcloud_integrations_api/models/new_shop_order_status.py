from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="NewShopOrderStatus")


@_attrs_define
class NewShopOrderStatus:
    """
    Attributes:
        external_id (str): ID linked to the order status inside the integrated webshop. Example: 17-B.
        translations (list[NewShopOrderStatusTranslation]):
    """

    external_id: str
    translations: list[NewShopOrderStatusTranslation]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_id = self.external_id

        translations = []
        for translations_item_data in self.translations:
            translations_item = translations_item_data.to_dict()
            translations.append(translations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "external_id": external_id,
                "translations": translations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        external_id = d.pop("external_id")

        translations = []
        _translations = d.pop("translations")
        for translations_item_data in _translations:
            translations_item = NewShopOrderStatusTranslation.from_dict(
                translations_item_data
            )

            translations.append(translations_item)

        new_shop_order_status = cls(
            external_id,
            translations,
        )

        new_shop_order_status.additional_properties = d
        return new_shop_order_status

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
from ..models.new_shop_order_status_translation import NewShopOrderStatusTranslation
