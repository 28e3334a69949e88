from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    decode_mismatch,
    model_repr,
)

T = TypeVar("T", bound="IntegrationLogRequestPayload")
# A module global, not object.__new__ looked up on every object a decode builds.
_new = object.__new__


@_attrs_define(repr=False)
class IntegrationLogRequestPayload:
    """HTTP request body"""

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        # UNSET fields left out: a sparse model reads as what the server sent.
        return model_repr(self, _FIELD_NAMES)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """A IntegrationLogRequestPayload from the JSON object ``src_dict`` (not changed).

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
        # Built without __init__: the values are checked here, and positional matching
        # plus attrs' defaults would only repeat work.
        integration_log_request_payload = _new(cls)
        additional_properties = d if owned else dict(d)
        integration_log_request_payload.additional_properties = additional_properties
        return integration_log_request_payload

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


_FIELD_NAMES = ("additional_properties",)
_KNOWN_KEYS = frozenset(())
# Each field's Python name, JSON key and whether the schema requires it: what the
# speedups' mirror (sendcloud_integrations/_struct_mirror.py) needs beyond the type hints.
_JSON_FIELDS: tuple[tuple[str, str, bool], ...] = ()
