"""The plain request and response values the handler works on, and error bodies.

Both ways of running the sandbox (httpx transport, loopback HTTP server) turn
their native request into a `SandboxRequest` and write back a `SandboxResponse`,
so the behaviour cannot differ between them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any
from urllib.parse import parse_qsl, urlsplit

JSON_TYPE = "application/json"


class Breakage(Enum):
    """How an injected fault spoils a response on its way out."""

    NONE = "none"
    DROP = "drop"  # headers and half the body go out, then the connection closes
    TRUNCATE = "truncate"  # a complete HTTP message whose JSON body is cut short


@dataclass(frozen=True)
class SandboxRequest:
    """One HTTP request, already read in full."""

    method: str
    url: str  # absolute, e.g. http://127.0.0.1:8000/api/v3/integrations?sort=x
    headers: Mapping[str, str]  # lower-case names
    body: bytes = b""

    @property
    def path(self) -> str:
        return urlsplit(self.url).path

    @property
    def origin(self) -> str:
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def query(self) -> dict[str, str]:
        # The last value wins for repeated keys, as in Django's QueryDict.get.
        return dict(parse_qsl(urlsplit(self.url).query, keep_blank_values=True))

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


@dataclass
class SandboxResponse:
    """What the handler answers; `delay` and `breakage` are applied by the adapters."""

    status: int
    headers: dict[str, str] = field(default_factory=dict[str, str])
    body: bytes = b""
    delay: float = 0.0
    breakage: Breakage = Breakage.NONE


def json_response(
    status: int, payload: Any, headers: Mapping[str, str] | None = None
) -> SandboxResponse:
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    all_headers = {"Content-Type": JSON_TYPE, **(headers or {})}
    return SandboxResponse(status, all_headers, body)


def empty_response(status: int = 204, headers: Mapping[str, str] | None = None) -> SandboxResponse:
    return SandboxResponse(status, dict(headers or {}))


@dataclass(frozen=True)
class ErrorItem:
    """One JSON:API error object in the spec's `errors` format."""

    code: str
    title: str
    detail: str
    pointer: str | None = None
    parameter: str | None = None

    def to_json(self, status: int) -> dict[str, Any]:
        # The spec types `status` as a string, although some of its examples use integers.
        item: dict[str, Any] = {
            "status": str(status),
            "code": self.code,
            "title": self.title,
            "detail": self.detail,
        }
        if self.pointer is not None:
            item["source"] = {"pointer": self.pointer}
        elif self.parameter is not None:
            item["source"] = {"parameter": self.parameter}
        return item


class ApiError(Exception):
    """Raised inside the handler to answer with an error body."""

    def __init__(
        self, status: int, items: list[ErrorItem], headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(f"HTTP {status}: {items[0].code if items else ''}")
        self.status = status
        self.items = items
        self.headers = dict(headers or {})

    def response(self) -> SandboxResponse:
        payload = {"errors": [item.to_json(self.status) for item in self.items]}
        return json_response(self.status, payload, self.headers)


NOT_FOUND_DETAIL = "The Integration could not be found with the search criteria given"


def not_found(detail: str = NOT_FOUND_DETAIL) -> ApiError:
    return ApiError(404, [ErrorItem("not_found", "Not Found", detail)])


def bad_request(
    code: str,
    title: str,
    detail: str,
    *,
    pointer: str | None = None,
    parameter: str | None = None,
) -> ApiError:
    return ApiError(400, [ErrorItem(code, title, detail, pointer, parameter)])
