from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    DecodeError,
    Unset,
    decode_bad_string,
    decode_mismatch,
    failed_index,
    model_repr,
)

T = TypeVar("T", bound="ShopOrderStatus")
# A module global, not object.__new__ looked up on every object a decode builds.
_new = object.__new__


@_attrs_define(repr=False)
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

    def __repr__(self) -> str:
        # UNSET fields left out: a sparse model reads as what the server sent.
        return model_repr(self, _FIELD_NAMES)

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
        """A ShopOrderStatus from the JSON object ``src_dict`` (not changed).

        Every value is checked against its schema as it is read: a wrong JSON type, a
        missing required field, a timestamp without a UTC offset raise DecodeError,
        which names the JSON pointer of the value. Unknown keys go to
        ``additional_properties``; unknown enum values are kept (the enums are open).
        """
        return cls._decode(src_dict, False)

    @classmethod
    def _decode(cls, src_dict: Mapping[str, Any], owned: bool) -> Self:
        """What from_dict does. ``owned``: a JSON parser has just made ``src_dict`` for
        this call alone (the SDK's response bodies), so the model may keep the dicts in
        it instead of copies; from_dict passes False, the caller's dicts stay theirs.
        """
        d = src_dict
        if type(d) is not dict:
            if not isinstance(d, Mapping):
                raise decode_mismatch("object", d)
            d = dict(d)
        get = d.get
        # Known fields not in d: with the size of d, this tells whether d has unknown keys
        # without comparing key sets.
        absent = 0
        # Built without __init__: the values are checked here, and positional matching
        # plus attrs' defaults would only repeat work.
        shop_order_status = _new(cls)
        v = get("external_id", UNSET)
        if type(v) is str or isinstance(v, str):
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string", v, "external_id")

        shop_order_status.external_id = v
        v = get("status", UNSET)
        if type(v) is str or isinstance(v, str):
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string", v, "status")

        shop_order_status.status = v
        v = get("deleted_at", UNSET)
        if type(v) is str or isinstance(v, str):
            try:
                v = datetime.datetime.fromisoformat(v)
            except ValueError as exc:
                raise decode_bad_string("date-time", str(exc), "deleted_at") from None
            if v.tzinfo is None:
                raise decode_bad_string(
                    "date-time", "it has no UTC offset", "deleted_at"
                )

        elif v is None:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("date-time or null", v, "deleted_at")

        shop_order_status.deleted_at = v
        v = get("translations", UNSET)
        if type(v) is list or isinstance(v, list):
            decode_x0 = ShopOrderStatusTranslation._decode
            if owned:
                # The parser made this list for this call alone. Each item is dropped once its
                # model is built, so the parsed dicts die as the models are born: the garbage
                # collector then neither runs as often nor keeps traversing the parsed tree.
                v.reverse()
                out0 = []
                try:
                    while v:
                        out0.append(decode_x0(v.pop(), owned))
                except DecodeError as exc:
                    raise exc.within("translations", len(out0))
                v = out0
            else:
                try:
                    v = [decode_x0(x0, owned) for x0 in v]
                except DecodeError as exc:
                    raise exc.within(
                        "translations",
                        failed_index(v, ShopOrderStatusTranslation.from_dict),
                    )

        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("array", v, "translations")

        shop_order_status.translations = v
        if len(d) + absent == 4:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = {
                key: value for key, value in d.items() if key not in _KNOWN_KEYS
            }
        shop_order_status.additional_properties = additional_properties
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


_FIELD_NAMES = (
    "external_id",
    "status",
    "deleted_at",
    "translations",
    "additional_properties",
)
_KNOWN_KEYS = frozenset(
    (
        "external_id",
        "status",
        "deleted_at",
        "translations",
    )
)
# Each field's Python name, JSON key and whether the schema requires it: what the
# speedups' mirror (sendcloud_integrations/_struct_mirror.py) needs beyond the type hints.
_JSON_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("external_id", "external_id", False),
    ("status", "status", False),
    ("deleted_at", "deleted_at", False),
    ("translations", "translations", False),
)


# Imported once, after the class rather than inside its methods: each call then skips
# the import machinery, and models that refer to each other still import, because
# this module's class already exists when the other module imports it back.
from ..models.shop_order_status_translation import ShopOrderStatusTranslation
