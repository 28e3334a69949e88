"""The JSON:API error objects of an error body, read leniently.

Leniently on purpose: the spec's own examples and the live service send integer
``status``, codes outside the spec's enum (``extra_forbidden``) and ``errors`` as an
object instead of an array, and proxies answer with HTML. None of that may turn into a
bare KeyError or TypeError; the raw text is kept on the error (``APIError.body``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from ._jsonbody import loads
from ._public import present_as_public

__all__ = ["ErrorDetail", "parse_error_details"]


@dataclass(frozen=True)
class ErrorDetail:
    """One JSON:API error object, normalised (``status`` is always a string)."""

    status: str | None = None
    code: str | None = None
    title: str | None = None
    detail: str | None = None
    source_pointer: str | None = None
    source_parameter: str | None = None
    source_header: str | None = None
    meta: Mapping[str, Any] | None = None
    id: str | None = None
    raw: Mapping[str, Any] = field(default_factory=dict[str, Any], repr=False)

    def __str__(self) -> str:
        text = " ".join(p for p in (self.code and f"[{self.code}]", self.title) if p)
        if self.detail and self.detail != self.title:
            text = f"{text}: {self.detail}" if text else self.detail
        where = self.source_pointer or self.source_parameter or self.source_header
        return f"{text} (at {where})" if where else text


# Loaded with the first error response or the first use of `sc.ErrorDetail`, so it
# presents itself (see __init__). A dataclass all the same: it is public, and users may
# use dataclasses.replace/asdict on it; it costs nothing until an error comes.
present_as_public(ErrorDetail)


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value)


# The bodies are decoded JSON, whose objects' keys are strings: the casts below say so
# where isinstance(..., Mapping) cannot.


def _detail_from(obj: Mapping[str, Any]) -> ErrorDetail:
    found = obj.get("source")
    source: Mapping[str, Any] = (
        cast("Mapping[str, Any]", found) if isinstance(found, Mapping) else {}
    )
    meta = obj.get("meta")
    return ErrorDetail(
        status=_opt_str(obj.get("status")),
        code=_opt_str(obj.get("code")),
        title=_opt_str(obj.get("title")),
        detail=_opt_str(obj.get("detail")),
        source_pointer=_opt_str(source.get("pointer")),
        source_parameter=_opt_str(source.get("parameter")),
        source_header=_opt_str(source.get("header")),
        meta=cast("Mapping[str, Any]", meta) if isinstance(meta, Mapping) else None,
        id=_opt_str(obj.get("id")),
        raw=obj,
    )


def parse_error_details(body: bytes | str) -> list[ErrorDetail]:
    """Every error object found in a body; an empty list when there are none."""
    try:
        doc = loads(body)
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(doc, Mapping):
        return []
    document = cast("Mapping[str, Any]", doc)
    errors = document.get("errors")
    if isinstance(errors, Mapping):
        return [_detail_from(cast("Mapping[str, Any]", errors))]
    if isinstance(errors, list):
        items = cast("list[object]", errors)
        return [_detail_from(cast("Mapping[str, Any]", e)) for e in items if isinstance(e, Mapping)]
    # A bare error object, e.g. {"detail": "Not found."}, still says something.
    if any(k in document for k in ("code", "detail", "title")):
        return [_detail_from(document)]
    return []
