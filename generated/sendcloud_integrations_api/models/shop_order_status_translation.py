from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.shop_order_status_translation_language import (
    ShopOrderStatusTranslationLanguage,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ShopOrderStatusTranslation")


@_attrs_define
class ShopOrderStatusTranslation:
    """
    Attributes:
        status (str | Unset): Order status. Example: Delivered.
        language (ShopOrderStatusTranslationLanguage | Unset): Language of the status. Example: en-gb.
    """

    status: str | Unset = UNSET
    language: ShopOrderStatusTranslationLanguage | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = d.pop("status", UNSET)

        _language = d.pop("language", UNSET)
        language: ShopOrderStatusTranslationLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = ShopOrderStatusTranslationLanguage(_language)

        shop_order_status_translation = cls(
            status,
            language,
        )

        shop_order_status_translation.additional_properties = d
        return shop_order_status_translation

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
