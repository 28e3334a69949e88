from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.new_status_mapping_entry_status_category import (
    NewStatusMappingEntryStatusCategory,
)
from ..types import (
    UNSET,
    decode_mismatch,
    decode_missing,
    model_repr,
)

T = TypeVar("T", bound="NewStatusMappingEntry")
# A module global, not object.__new__ looked up on every object a decode builds.
_new = object.__new__


@_attrs_define(repr=False)
class NewStatusMappingEntry:
    """status category to external_id association map

    Attributes:
        status_category (NewStatusMappingEntryStatusCategory): sendcloud internal status category. Example:
            READY_TO_SEND.
        external_id (None | str): Field containing the ID linked to the order status inside the integrated webshop. It
            may be `None`. Example: 11.
    """

    status_category: NewStatusMappingEntryStatusCategory
    external_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        # UNSET fields left out: a sparse model reads as what the server sent.
        return model_repr(self, _FIELD_NAMES)

    def to_dict(self) -> dict[str, Any]:
        status_category = self.status_category.value

        external_id: None | str
        external_id = self.external_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status_category": status_category,
                "external_id": external_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """A NewStatusMappingEntry from the JSON object ``src_dict`` (not changed).

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
        new_status_mapping_entry = _new(cls)
        v = get("status_category", UNSET)
        if type(v) is str or isinstance(v, str):
            v = NewStatusMappingEntryStatusCategory._value2member_map_.get(
                v
            ) or NewStatusMappingEntryStatusCategory(v)

        elif v is UNSET:
            raise decode_missing("string", "status_category")
        else:
            raise decode_mismatch("string", v, "status_category")

        new_status_mapping_entry.status_category = v
        v = get("external_id", UNSET)
        if (type(v) is str or isinstance(v, str)) or v is None:
            pass
        elif v is UNSET:
            raise decode_missing("string or null", "external_id")
        else:
            raise decode_mismatch("string or null", v, "external_id")

        new_status_mapping_entry.external_id = v
        if len(d) + absent == 2:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = {
                key: value for key, value in d.items() if key not in _KNOWN_KEYS
            }
        new_status_mapping_entry.additional_properties = additional_properties
        return new_status_mapping_entry

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
    "additional_properties",
)
_KNOWN_KEYS = frozenset(
    (
        "status_category",
        "external_id",
    )
)
# Each field's Python name, JSON key and whether the schema requires it: what the
# speedups' mirror (sendcloud_integrations/_struct_mirror.py) needs beyond the type hints.
_JSON_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("status_category", "status_category", True),
    ("external_id", "external_id", True),
)
