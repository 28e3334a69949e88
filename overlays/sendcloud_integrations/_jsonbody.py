"""JSON bodies into Python values: bounded, strict JSON, the same with or without speedups.

Every body the SDK reads (2xx bodies, error bodies, token responses) goes through
:func:`loads`. What it accepts is what the standard library's ``json`` accepts, minus
what is not JSON (``NaN``, ``Infinity``) and minus numbers that only overflow to
infinity (``1e400``); integers keep every digit (up to Python's 4300-digit limit).
Nesting is bounded by the interpreter's recursion limit: a deeper document raises
:class:`BodyNotJSON`, never ``RecursionError``.

With the ``speedups`` extra, msgspec parses first (about twice as fast as ``json``). It
builds the same values (dicts, lists, exact ints, correctly rounded floats); whatever
it refuses goes to the standard library, whose verdict stands. So a body is accepted or
refused, and gives the same values and the same error, with or without the extra.
orjson was not chosen: it turns integers beyond 64 bits into floats.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from typing import Any

__all__ = ["BodyNotJSON", "loads"]


class BodyNotJSON(ValueError):
    """The body is not a JSON document the SDK accepts; the message says why."""


def _not_json_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if value - value != 0:  # inf or nan: 1e400 overflows, JSON has no such number
        raise ValueError(f"number {text[:32]} is out of range")
    return value


_STDLIB = json.JSONDecoder(parse_constant=_not_json_constant, parse_float=_finite_float)


def _stdlib_loads(body: bytes | str) -> Any:
    try:
        text = body if isinstance(body, str) else body.decode(json.detect_encoding(body))
        return _STDLIB.decode(text)
    except RecursionError:
        raise BodyNotJSON("nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, the hooks above
        raise BodyNotJSON(str(exc)) from None


def _import_msgspec() -> Any:
    # Imported by name: type checkers then need no msgspec where the extra is absent.
    try:
        return importlib.import_module("msgspec")
    except ImportError:
        return None


# The speedups extra's msgspec, or None; _struct_mirror takes it from here (one lookup).
msgspec_module: Any = _import_msgspec()
_fast_decode: Callable[[bytes | str], Any] | None = (
    None if msgspec_module is None else msgspec_module.json.Decoder().decode
)


def loads(body: bytes | str) -> Any:
    """The JSON value in ``body``, or :class:`BodyNotJSON` (a ValueError) saying why not."""
    if _fast_decode is not None:
        try:
            return _fast_decode(body)
        except (ValueError, RecursionError):  # msgspec.DecodeError is a ValueError
            pass  # the standard library decides (and words the error)
    return _stdlib_loads(body)
