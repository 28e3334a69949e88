from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.status_category import StatusCategory
from ..types import (
    UNSET,
    Unset,
    decode_mismatch,
    model_repr,
)

T = TypeVar("T", bound="StatusMappingEntry")
# A module global, not object.__new__ looked up on every object a decode builds.
_new = object.__new__


@_attrs_define(repr=False)
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

    def __repr__(self) -> str:
        # UNSET fields left out: a sparse model reads as what the server sent.
        return model_repr(self, _FIELD_NAMES)

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
        """A StatusMappingEntry from the JSON object ``src_dict`` (not changed).

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
        status_mapping_entry = _new(cls)
        v = get("status_category", UNSET)
        if type(v) is str or isinstance(v, str):
            v = StatusCategory._value2member_map_.get(v) or StatusCategory(v)

        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string", v, "status_category")

        status_mapping_entry.status_category = v
        v = get("external_id", UNSET)
        if (type(v) is str or isinstance(v, str)) or v is None:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string or null", v, "external_id")

        status_mapping_entry.external_id = v
        v = get("is_valid", UNSET)
        if v is True or v is False:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("boolean", v, "is_valid")

        status_mapping_entry.is_valid = v
        if len(d) + absent == 3:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = {
                key: value for key, value in d.items() if key not in _KNOWN_KEYS
            }
        status_mapping_entry.additional_properties = additional_properties
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


_FIELD_NAMES = (
    "status_category",
    "external_id",
    "is_valid",
    "additional_properties",
)
_KNOWN_KEYS = frozenset(
    (
        "status_category",
        "external_id",
        "is_valid",
    )
)
# Each field's Python name, JSON key and whether the schema requires it: what the
# speedups' mirror (sendcloud_integrations/_struct_mirror.py) needs beyond the type hints.
_JSON_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("status_category", "status_category", False),
    ("external_id", "external_id", False),
    ("is_valid", "is_valid", False),
)
