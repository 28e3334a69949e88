from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_code import ErrorCode
from ..types import (
    UNSET,
    Unset,
    decode_mismatch,
    model_repr,
)

T = TypeVar("T", bound="ErrorObject")
# A module global, not object.__new__ looked up on every object a decode builds.
_new = object.__new__


@_attrs_define(repr=False)
class ErrorObject:
    """Error in a JSON:API error format

    Attributes:
        id (str | Unset): A unique identifier for the error.
        links (ErrorLinks | Unset): A set of hyperlinks that provide additional information about the error.
        status (str | Unset): The HTTP status code of the error.
        code (ErrorCode | Unset): A unique error code for the error, in snake case format.
        title (str | Unset): A short, human-readable summary of the error.
        detail (str | Unset): A human-readable explanation of the error.
        source (ErrorSource | Unset): An object that identifies the source of the error within the request payload.
        meta (ErrorMeta | Unset): Additional metadata about the error.
    """

    id: str | Unset = UNSET
    links: ErrorLinks | Unset = UNSET
    status: str | Unset = UNSET
    code: ErrorCode | Unset = UNSET
    title: str | Unset = UNSET
    detail: str | Unset = UNSET
    source: ErrorSource | Unset = UNSET
    meta: ErrorMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        # UNSET fields left out: a sparse model reads as what the server sent.
        return model_repr(self, _FIELD_NAMES)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = self.links.to_dict()

        status = self.status

        code: str | Unset = UNSET
        if not isinstance(self.code, Unset):
            code = self.code.value

        title = self.title

        detail = self.detail

        source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.to_dict()

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if links is not UNSET:
            field_dict["links"] = links
        if status is not UNSET:
            field_dict["status"] = status
        if code is not UNSET:
            field_dict["code"] = code
        if title is not UNSET:
            field_dict["title"] = title
        if detail is not UNSET:
            field_dict["detail"] = detail
        if source is not UNSET:
            field_dict["source"] = source
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """A ErrorObject from the JSON object ``src_dict`` (not changed).

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
        error_object = _new(cls)
        v = get("id", UNSET)
        if type(v) is str or isinstance(v, str):
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string", v, "id")

        error_object.id = v
        v = get("links", UNSET)
        if type(v) is dict or isinstance(v, dict):
            get_links = v.get
            absent_links = 0
            built_links = _new(ErrorLinks)
            value_links = get_links("about", UNSET)
            if type(value_links) is str or isinstance(value_links, str):
                pass
            elif value_links is UNSET:
                absent_links += 1
            else:
                raise decode_mismatch("string", value_links, "links", "about")

            built_links.about = value_links
            if len(v) + absent_links == 1:
                built_links.additional_properties = {}
            else:
                built_links.additional_properties = {
                    key: value for key, value in v.items() if key not in ("about",)
                }
            v = built_links

        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("object", v, "links")

        error_object.links = v
        v = get("status", UNSET)
        if type(v) is str or isinstance(v, str):
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string", v, "status")

        error_object.status = v
        v = get("code", UNSET)
        if type(v) is str or isinstance(v, str):
            v = ErrorCode._value2member_map_.get(v) or ErrorCode(v)

        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string", v, "code")

        error_object.code = v
        v = get("title", UNSET)
        if type(v) is str or isinstance(v, str):
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string", v, "title")

        error_object.title = v
        v = get("detail", UNSET)
        if type(v) is str or isinstance(v, str):
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string", v, "detail")

        error_object.detail = v
        v = get("source", UNSET)
        if type(v) is dict or isinstance(v, dict):
            get_source = v.get
            absent_source = 0
            built_source = _new(ErrorSource)
            value_source = get_source("pointer", UNSET)
            if type(value_source) is str or isinstance(value_source, str):
                pass
            elif value_source is UNSET:
                absent_source += 1
            else:
                raise decode_mismatch("string", value_source, "source", "pointer")

            built_source.pointer = value_source
            value_source = get_source("parameter", UNSET)
            if type(value_source) is str or isinstance(value_source, str):
                pass
            elif value_source is UNSET:
                absent_source += 1
            else:
                raise decode_mismatch("string", value_source, "source", "parameter")

            built_source.parameter = value_source
            value_source = get_source("header", UNSET)
            if type(value_source) is str or isinstance(value_source, str):
                pass
            elif value_source is UNSET:
                absent_source += 1
            else:
                raise decode_mismatch("string", value_source, "source", "header")

            built_source.header = value_source
            if len(v) + absent_source == 3:
                built_source.additional_properties = {}
            else:
                built_source.additional_properties = {
                    key: value
                    for key, value in v.items()
                    if key
                    not in (
                        "pointer",
                        "parameter",
                        "header",
                    )
                }
            v = built_source

        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("object", v, "source")

        error_object.source = v
        v = get("meta", UNSET)
        if type(v) is dict or isinstance(v, dict):
            m_meta = _new(ErrorMeta)
            m_meta.additional_properties = v if owned else dict(v)
            v = m_meta

        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("object", v, "meta")

        error_object.meta = v
        if len(d) + absent == 8:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = {
                key: value for key, value in d.items() if key not in _KNOWN_KEYS
            }
        error_object.additional_properties = additional_properties
        return error_object

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
    "id",
    "links",
    "status",
    "code",
    "title",
    "detail",
    "source",
    "meta",
    "additional_properties",
)
_KNOWN_KEYS = frozenset(
    (
        "id",
        "links",
        "status",
        "code",
        "title",
        "detail",
        "source",
        "meta",
    )
)
# Each field's Python name, JSON key and whether the schema requires it: what the
# speedups' mirror (sendcloud_integrations/_struct_mirror.py) needs beyond the type hints.
_JSON_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("id", "id", False),
    ("links", "links", False),
    ("status", "status", False),
    ("code", "code", False),
    ("title", "title", False),
    ("detail", "detail", False),
    ("source", "source", False),
    ("meta", "meta", False),
)


# Imported once, after the class rather than inside its methods: each call then skips
# the import machinery, and models that refer to each other still import, because
# this module's class already exists when the other module imports it back.
from ..models.error_links import ErrorLinks
from ..models.error_meta import ErrorMeta
from ..models.error_source import ErrorSource
