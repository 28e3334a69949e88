from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.new_shop_order_status_translation_language import (
    NewShopOrderStatusTranslationLanguage,
)

T = TypeVar("T", bound="NewShopOrderStatusTranslation")


@_attrs_define
class NewShopOrderStatusTranslation:
    """
    Attributes:
        status (str): Order status Example: Delivered.
        language (NewShopOrderStatusTranslationLanguage): Language of the status. Example: en-gb.
    """

    status: str
    language: NewShopOrderStatusTranslationLanguage
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        language = self.language.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "language": language,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = d.pop("status")

        language = NewShopOrderStatusTranslationLanguage(d.pop("language"))

        new_shop_order_status_translation = cls(
            status,
            language,
        )

        new_shop_order_status_translation.additional_properties = d
        return new_shop_order_status_translation

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
