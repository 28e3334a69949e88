"""The floor of the page goal (#13): the SDK's models built with no check at all.

A decoder that returns the public models (slotted attrs classes) must at least make
every object and store every field. ``unchecked(cls)`` writes that work as straight-
line code, as the generated decoder is written, for ``cls`` and the models inside it:
the same objects, the same ``additional_properties`` dicts, date-times parsed, and
nothing checked (no JSON type, no null, no unknown key, no UTC offset). It is a
reference for what building these objects costs, shown next to the SDK's figure, not
a strict lower bound: it calls a function per nested model, where the generated
decoder inlines them, and on its own the generated decoder can be as fast. It is a
benchmark, not a decoder: wrong input gives wrong objects.
"""

from __future__ import annotations

import datetime
import enum
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs
from sendcloud_integrations_api.types import UNSET, Unset


def _members(hint: Any) -> list[Any]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return [m for m in typing.get_args(hint) if m not in (Unset, type(None))]
    return [hint]


def _is_free_form(cls: type) -> bool:
    return [a.name for a in attrs.fields(cls)] == ["additional_properties"]


def unchecked(cls: type) -> Callable[[dict[str, Any]], Any]:
    """Build ``cls`` (and the models it holds) from a JSON object, checking nothing."""
    namespace: dict[str, Any] = {
        "new": object.__new__,
        "UNSET": UNSET,
        "fromiso": datetime.datetime.fromisoformat,
    }
    _define(cls, namespace)
    builder: Callable[[dict[str, Any]], Any] = namespace[f"build_{cls.__name__}"]
    return builder


def _define(cls: type, namespace: dict[str, Any]) -> None:
    name = f"build_{cls.__name__}"
    if name in namespace:
        return
    namespace[name] = None  # a model that holds itself: defined once
    namespace[cls.__name__] = cls
    hints = typing.get_type_hints(cls)
    lines = [f"def {name}(d):", "    get = d.get", f"    o = new({cls.__name__})"]
    for field in attrs.fields(cls):
        if field.name == "additional_properties":
            continue
        lines.append(f"    v = get({field.name.rstrip('_')!r}, UNSET)")
        lines += _conversion(hints[field.name], namespace)
        lines.append(f"    o.{field.name} = v")
    lines += ["    o.additional_properties = {}", "    return o"]
    exec("\n".join(lines), namespace)


def _conversion(hint: Any, namespace: dict[str, Any]) -> list[str]:
    for member in _members(hint):
        if typing.get_origin(member) is list:
            (item,) = typing.get_args(member)
            if attrs.has(item) and not _is_free_form(item):
                _define(item, namespace)
                return [f"    if type(v) is list: v = [build_{item.__name__}(x) for x in v]"]
        elif member is datetime.datetime:
            return ["    if type(v) is str: v = fromiso(v)"]
        elif isinstance(member, type) and issubclass(member, enum.Enum):
            namespace[member.__name__] = member
            return [f"    v = {member.__name__}._value2member_map_.get(v, v)"]
    lines = []
    for member in _members(hint):
        if isinstance(member, type) and attrs.has(member):
            namespace[member.__name__] = member
            if _is_free_form(member):
                lines += [
                    "    if type(v) is dict:",
                    f"        w = new({member.__name__})",
                    "        w.additional_properties = v",
                    "        v = w",
                ]
            else:
                _define(member, namespace)
                lines.append(f"    if type(v) is dict: v = build_{member.__name__}(v)")
            break  # a union holds at most one object member in this spec
    return lines
