"""With the speedups extra: 2xx bodies decoded by msgspec into mirror Structs, then models.

The generated decoder builds each model from the dicts a JSON parser made, checking
every value in Python. Where msgspec is installed, a model whose fields all map onto
msgspec types gets a mirror: a Struct per model (made here, once, from the generated
class's type hints and its ``_JSON_FIELDS``), with ``forbid_unknown_fields`` and without
garbage-collector tracking. msgspec then parses and type-checks the body in C, and
straight-line code made here copies the Structs into the public models. That does
what the generated decoder would have done for a body it accepts: date-times through
``fromisoformat`` with an offset required, known enum values as members and unknown
ones through the enum's ``_missing_``, free-form objects wrapped, ``{}`` as
``additional_properties``.

Whatever the mirror refuses (an unknown key, a wrong type, a missing field, a value
msgspec cannot hold, a bad date-time) returns None, and the caller decodes the body
the ordinary way, which accepts or refuses it and words the error. So the mirror
changes only the speed: tests/test_responses_mirror.py checks, over every response
schema, that it builds models equal to the generated decoder's or refuses.
"""

from __future__ import annotations

import datetime
import enum
import sys
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
from sendcloud_integrations_api.types import UNSET, Unset

from ._jsonbody import msgspec_module

__all__ = ["mirror_decoder"]

T = TypeVar("T")

_msgspec: Any = msgspec_module


class _Refused(Exception):
    """A value the mirror's copy cannot take: the ordinary decoder decides."""


class _Unmirrorable(Exception):
    """A field type the mirror does not map: the model is decoded the ordinary way."""


def _datetime(text: str) -> datetime.datetime:
    try:
        value = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise _Refused from None
    if value.tzinfo is None:
        raise _Refused
    return value


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise _Refused from None


def _uuid(text: str) -> Any:
    try:
        return sys.modules["uuid"].UUID(text)  # a model with a UUID field imported it
    except ValueError:
        raise _Refused from None


# A type with a string form: its Struct field holds the string, the copy converts it.
_FROM_STRING: dict[Any, Callable[[str], Any]] = {datetime.datetime: _datetime, datetime.date: _date}


def _from_string(member: Any) -> Callable[[str], Any] | None:
    # uuid is looked up, not imported: only a model that has a UUID field needs it.
    found = _FROM_STRING.get(member)
    uuid = sys.modules.get("uuid")
    if found is None and uuid is not None and member is uuid.UUID:
        return _uuid
    return found


def _is_free_form(cls: type) -> bool:
    return [field.name for field in attrs.fields(cls)] == ["additional_properties"]


class _Mirror:
    """The Structs and copy functions for one model and the models it holds."""

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {"new": object.__new__}
        self.structs: dict[type, Any] = {}
        self.builders: dict[type, str] = {}  # the copy function's name, per model
        self._names = 0

    def _bind(self, value: Any, hint: str) -> str:
        self._names += 1
        name = f"{hint}{self._names}"
        self.namespace[name] = value
        return name

    def struct(self, cls: type) -> Any:
        """The mirror Struct of ``cls``; defines its copy function, named in ``builders``."""
        if cls in self.structs:
            if self.structs[cls] is None:
                raise _Unmirrorable(f"{cls.__name__} holds itself")
            return self.structs[cls]
        self.structs[cls] = None
        table: tuple[tuple[str, str, bool], ...] | None
        table = getattr(sys.modules[cls.__module__], "_JSON_FIELDS", None)
        if table is None:
            raise _Unmirrorable(f"{cls.__name__} was not made by our templates")
        hints = typing.get_type_hints(cls)
        fields: list[tuple[str, Any, Any]] = []
        self._names += 1
        builder = self.builders[cls] = f"build_{cls.__name__}_{self._names}"
        lines = [f"def {builder}(s):", f"    o = new({self._bind(cls, 'M')})"]
        for name, key, required in table:
            kind, convert = self._field(hints[name])
            default = (
                _msgspec.field(name=key) if required else _msgspec.field(name=key, default=UNSET)
            )
            fields.append((name, kind, default))
            lines.append(f"    v = s.{name}")
            lines += [f"    {line}" for line in convert]
            lines.append(f"    o.{name} = v")
        if "additional_properties" in attrs.fields_dict(cls):
            lines.append("    o.additional_properties = {}")  # no unknown key got past the Struct
        lines.append("    return o")
        struct = _msgspec.defstruct(
            f"{cls.__name__}Mirror", fields, kw_only=True, forbid_unknown_fields=True, gc=False
        )
        self.structs[cls] = struct
        exec("\n".join(lines), self.namespace)  # code made here, from the type hints
        return struct

    def _field(self, hint: Any) -> tuple[Any, list[str]]:
        """The Struct type of a field and the statements that turn ``v`` into its value."""
        members = list(typing.get_args(hint)) if _is_union(hint) else [hint]
        members = [m for m in members if m is not Unset]
        kinds: list[Any] = []
        branches: list[tuple[Any, str]] = []
        seen: set[Any] = set()
        for member in members:
            kind, runtime, convert = self._member(member)
            if runtime in seen:  # two members that look alike in JSON: no way to choose
                raise _Unmirrorable(f"{hint} is ambiguous")
            seen.add(runtime)
            kinds.append(kind)
            if convert:
                branches.append((runtime, convert))
        lines: list[str] = []
        for index, (runtime, convert) in enumerate(branches):
            keyword = "if" if index == 0 else "elif"
            lines.append(f"{keyword} type(v) is {self._bind(runtime, 'T')}:")
            lines.append(f"    v = {convert}")
        union = kinds[0]
        for kind in kinds[1:]:
            union = union | kind
        return union, lines

    def _member(self, member: Any) -> tuple[Any, Any, str]:
        """Struct type, the Python type msgspec gives, and an expression converting ``v``."""
        if member in (str, int, bool) or member is type(None):
            return member, member, ""
        if member is float:  # JSON's numbers: an integer stays an int, as json gives it
            return int | float, float, ""
        if member is Any:
            return Any, object, ""
        parse = _from_string(member)
        if parse is not None:
            return str, str, f"{self._bind(parse, 'parse')}(v)"
        if isinstance(member, type) and issubclass(member, enum.Enum):
            values: set[type] = {type(item.value) for item in member}
            if values not in ({str}, {int}):
                raise _Unmirrorable(f"{member.__name__} mixes value types")
            (runtime,) = values
            name = self._bind(member, "E")
            return runtime, runtime, f"{name}._value2member_map_.get(v) or {name}(v)"
        if isinstance(member, type) and attrs.has(member):
            if _is_free_form(member):
                if typing.get_type_hints(member)["additional_properties"] != dict[str, Any]:
                    raise _Unmirrorable(f"{member.__name__} has typed properties")
                wrap = self._bind(_wrapper(member), "wrap")
                return dict, dict, f"{wrap}(v)"
            struct = self.struct(member)
            return struct, struct, f"{self.builders[member]}(v)"
        if typing.get_origin(member) is list:
            (item,) = typing.get_args(member)
            kind, _runtime, convert = self._member(item)
            if convert and typing.get_origin(item) is list:
                raise _Unmirrorable(f"{member} needs its items converted one by one")
            loop = f"[{convert.replace('(v)', '(x)')} for x in v]" if convert else ""
            return list[kind], list, loop  # type: ignore[valid-type]
        raise _Unmirrorable(f"no mirror for {member!r}")


def _is_union(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType)


_new: Callable[[type], Any] = object.__new__


def _wrapper(cls: type) -> Callable[[dict[str, Any]], Any]:
    def wrap(properties: dict[str, Any]) -> Any:
        built = _new(cls)
        built.additional_properties = properties  # msgspec made the dict: the model keeps it
        return built

    return wrap


def _build(cls: type) -> Callable[[bytes], Any] | None:
    mirror = _Mirror()
    try:
        decode = _msgspec.json.Decoder(mirror.struct(cls)).decode
    except (_Unmirrorable, TypeError):  # TypeError: a union msgspec cannot hold
        return None
    build: Callable[[Any], Any] = mirror.namespace[mirror.builders[cls]]
    refused = (_msgspec.DecodeError, RecursionError, _Refused)

    def decode_body(body: bytes) -> Any:
        try:
            return build(decode(body))
        except refused:  # ValidationError is a DecodeError
            return None

    return decode_body


_DECODERS: dict[type, Callable[[bytes], Any] | None] = {}


def mirror_decoder(cls: type[T]) -> Callable[[bytes], T | None] | None:
    """A function decoding a body into ``cls``, None where it refuses; None without it."""
    try:
        return _DECODERS[cls]
    except KeyError:
        pass
    made = _build(cls) if _msgspec is not None else None
    _DECODERS[cls] = made  # two threads may both build it: the same function, no harm
    return made
