"""Contains some shared types for properties"""

import logging
import threading
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from http import HTTPStatus
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Generic, Literal, TypeVar

if TYPE_CHECKING:
    from attrs import define
else:
    # File and Response serve the generated endpoint functions, which the SDK's calls
    # never use, and attrs takes about a millisecond to make each class: they become
    # attrs classes at their first use instead (__getattr__ below), so a program's first
    # call does not pay for them (issue #17). The classes are written once, below.
    _DEFERRED: dict[str, type] = {}

    def define(cls: type) -> type:
        _DEFERRED[cls.__name__] = cls
        return cls


class Unset:
    """The type of UNSET: a field the JSON did not contain."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    # One instance only: models test `is UNSET`, so copies and unpickled values must be it.
    def __reduce__(self) -> str:
        return "UNSET"

    def __copy__(self) -> "Unset":
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> "Unset":
        return self


UNSET: Unset = Unset()


def _pointer_token(part: str | int) -> str:
    return str(part).replace("~", "~0").replace("/", "~1")


class DecodeError(ValueError):
    """A JSON value does not have the type its schema gives (raised by every ``from_dict``).

    ``pointer`` is the RFC 6901 JSON pointer of the value inside the document given to
    the outermost ``from_dict`` (``/data/3/response_code``; ``""`` for the document
    itself), ``expected`` what the schema allows there, ``got`` what was found.
    """

    def __init__(self, expected: str, got: str, path: Sequence[str | int] = ()) -> None:
        super().__init__(expected, got, list(path))
        self.expected = expected
        self.got = got
        self.path: list[str | int] = list(path)

    def within(self, *parts: str | int) -> "DecodeError":
        """This error, one level up: ``parts`` lead from the outer document to the inner one."""
        self.path[0:0] = parts
        self.args = (self.expected, self.got, self.path)
        return self

    @property
    def pointer(self) -> str:
        return "".join("/" + _pointer_token(part) for part in self.path)

    def __str__(self) -> str:
        return (
            f"{self.pointer or '(document)'}: expected {self.expected}, got {self.got}"
        )


def json_type_name(value: object) -> str:
    """How JSON would call ``value``: ``string``, ``integer``, ``array``, ..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, Mapping):
        return "object"
    return type(value).__name__


def decode_mismatch(expected: str, value: object, *path: str | int) -> DecodeError:
    return DecodeError(expected, json_type_name(value), path)


def decode_missing(expected: str, *path: str | int) -> DecodeError:
    return DecodeError(expected, "nothing (the field is required)", path)


def decode_bad_string(expected: str, reason: str, *path: str | int) -> DecodeError:
    return DecodeError(expected, f"a string that is not one ({reason})", path)


def failed_index(items: Sequence[Any], build: Callable[[Any], object]) -> int:
    """The index of the first item ``build`` refuses (error path only: it decodes again)."""
    for index, item in enumerate(items):
        try:
            build(item)
        except DecodeError:
            return index
    return len(items)


_logger = logging.getLogger("sendcloud_integrations")
# Bounded so that a server sending ever new values cannot grow it without end; past the
# bound new values are still kept, only no longer reported.
_UNKNOWN_REPORTED: set[tuple[str, str]] = set()
_UNKNOWN_REPORT_LIMIT = 1024


def report_unknown_enum_value(enum_name: str, value: object) -> None:
    """Log, once per enum and value, that the API sent a value this SDK does not know."""
    key = (enum_name, repr(value))
    if key in _UNKNOWN_REPORTED or len(_UNKNOWN_REPORTED) >= _UNKNOWN_REPORT_LIMIT:
        return
    _UNKNOWN_REPORTED.add(key)
    _logger.warning(
        "%s: the API sent %r, a value this SDK does not know yet; it is kept as an "
        "unknown %s (a newer SDK may list it)",
        enum_name,
        value,
        enum_name,
    )


def model_repr(model: object, names: Sequence[str]) -> str:
    """``Class(field=value, ...)`` of the fields that are set (UNSET ones left out)."""
    shown = []
    for name in names:
        value = getattr(model, name)
        if value is not UNSET:
            shown.append(f"{name}={value!r}")
    return f"{type(model).__name__}({', '.join(shown)})"


# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = [
    "UNSET",
    "DecodeError",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
]

if not TYPE_CHECKING:
    del File, Response  # until their first use, which makes them attrs classes
    _MAKING = threading.Lock()

    def __getattr__(name: str) -> Any:
        if name not in _DEFERRED:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        with _MAKING:  # one class per name, however many threads ask at once
            made = globals().get(name)
            if made is None:
                from attrs import define as attrs_define

                made = globals()[name] = attrs_define(_DEFERRED[name])
        return made

    def __dir__() -> list[str]:
        return sorted({*globals(), *_DEFERRED})
