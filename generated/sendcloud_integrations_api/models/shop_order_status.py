from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ShopOrderStatus")


@_attrs_define
class ShopOrderStatus:
    """
    Attributes:
        external_id (str | Unset): ID linked to the order status inside the integrated webshop. Example: 17-B.
        status (str | Unset): Translated status name. Example: Delivered.
        deleted_at (datetime.datetime | None | Unset): Timestamp when the status got removed from available statuses.
            Example: 2023-11-04T14:15:22Z.
        translations (list[ShopOrderStatusTranslation] | Unset):
    """

    external_id: str | Unset = UNSET
    status: str | Unset = UNSET
    deleted_at: datetime.datetime | None | Unset = UNSET
    translations: list[ShopOrderStatusTranslation] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_id = self.external_id

        status = self.status

        deleted_at: None | str | Unset
        if isinstance(self.deleted_at, Unset):
            deleted_at = UNSET
        elif isinstance(self.deleted_at, datetime.datetime):
            deleted_at = self.deleted_at.isoformat()
        else:
            deleted_at = self.deleted_at

        translations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.translations, Unset):
            translations = []
            for translations_item_data in self.translations:
                translations_item = translations_item_data.to_dict()
                translations.append(translations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if status is not UNSET:
            field_dict["status"] = status
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at
        if translations is not UNSET:
            field_dict["translations"] = translations

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        external_id = d.pop("external_id", UNSET)

        status = d.pop("status", UNSET)

        _deleted_at = d.pop("deleted_at", UNSET)
        deleted_at: datetime.datetime | None | Unset
        if isinstance(_deleted_at, str):
            try:
                deleted_at_type_0 = datetime.datetime.fromisoformat(_deleted_at)

                deleted_at = deleted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                deleted_at = cast(datetime.datetime | None | Unset, _deleted_at)
        else:
            deleted_at = _deleted_at

        _translations = d.pop("translations", UNSET)
        translations: list[ShopOrderStatusTranslation] | Unset = UNSET
        if _translations is not UNSET:
            translations = []
            for translations_item_data in _translations:
                translations_item = ShopOrderStatusTranslation.from_dict(
                    translations_item_data
                )

                translations.append(translations_item)

        shop_order_status = cls(
            external_id,
            status,
            deleted_at,
            translations,
        )

        shop_order_status.additional_properties = d
        return shop_order_status

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
from ..models.shop_order_status_translation import ShopOrderStatusTranslation
