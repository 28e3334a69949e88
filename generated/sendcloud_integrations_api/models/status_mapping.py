from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    DecodeError,
    Unset,
    decode_mismatch,
    failed_index,
    model_repr,
)

T = TypeVar("T", bound="StatusMapping")
# A module global, not object.__new__ looked up on every object a decode builds.
_new = object.__new__


@_attrs_define(repr=False)
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

    def __repr__(self) -> str:
        # UNSET fields left out: a sparse model reads as what the server sent.
        return model_repr(self, _FIELD_NAMES)

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
        """A StatusMapping from the JSON object ``src_dict`` (not changed).

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
        status_mapping = _new(cls)
        v = get("integration_id", UNSET)
        if type(v) is int or (isinstance(v, int) and not isinstance(v, bool)):
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("integer", v, "integration_id")

        status_mapping.integration_id = v
        v = get("mapping", UNSET)
        if type(v) is list or isinstance(v, list):
            decode_x0 = StatusMappingEntry._decode
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
                    raise exc.within("mapping", len(out0))
                v = out0
            else:
                try:
                    v = [decode_x0(x0, owned) for x0 in v]
                except DecodeError as exc:
                    raise exc.within(
                        "mapping", failed_index(v, StatusMappingEntry.from_dict)
                    )

        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("array", v, "mapping")

        status_mapping.mapping = v
        if len(d) + absent == 2:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = {
                key: value for key, value in d.items() if key not in _KNOWN_KEYS
            }
        status_mapping.additional_properties = additional_properties
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


_FIELD_NAMES = (
    "integration_id",
    "mapping",
    "additional_properties",
)
_KNOWN_KEYS = frozenset(
    (
        "integration_id",
        "mapping",
    )
)
# Each field's Python name, JSON key and whether the schema requires it: what the
# speedups' mirror (sendcloud_integrations/_struct_mirror.py) needs beyond the type hints.
_JSON_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("integration_id", "integration_id", False),
    ("mapping", "mapping", False),
)


# Imported once, after the class rather than inside its methods: each call then skips
# the import machinery, and models that refer to each other still import, because
# this module's class already exists when the other module imports it back.
from ..models.status_mapping_entry import StatusMappingEntry
