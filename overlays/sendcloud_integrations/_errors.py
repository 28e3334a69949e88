"""The one exception hierarchy of the SDK.

Error bodies are parsed leniently on purpose: the spec's own examples and the
live service send integer ``status``, codes outside the spec's enum
(``extra_forbidden``) and ``errors`` as an object instead of an array, and
proxies answer with HTML. None of that may turn into a bare KeyError or
TypeError, and the raw text is always kept.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from ._jsonbody import loads

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "ErrorDetail",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestValidationError",
    "ResponseValidationError",
    "SendcloudError",
    "ServerError",
    "error_for_response",
    "parse_error_details",
]


class SendcloudError(Exception):
    """Base class of every error this package raises on purpose.

    ``resume_cursor`` is set when the error ended a log pagination: pass it as
    ``exception_logs.list(cursor=...)`` to continue where it stopped.
    """

    resume_cursor: str | None = None


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
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False)

    def __str__(self) -> str:
        text = " ".join(p for p in (self.code and f"[{self.code}]", self.title) if p)
        if self.detail and self.detail != self.title:
            text = f"{text}: {self.detail}" if text else self.detail
        where = self.source_pointer or self.source_parameter or self.source_header
        return f"{text} (at {where})" if where else text


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value)


def _detail_from(obj: Mapping[str, Any]) -> ErrorDetail:
    source = obj.get("source")
    source = source if isinstance(source, Mapping) else {}
    meta = obj.get("meta")
    return ErrorDetail(
        status=_opt_str(obj.get("status")),
        code=_opt_str(obj.get("code")),
        title=_opt_str(obj.get("title")),
        detail=_opt_str(obj.get("detail")),
        source_pointer=_opt_str(source.get("pointer")),
        source_parameter=_opt_str(source.get("parameter")),
        source_header=_opt_str(source.get("header")),
        meta=meta if isinstance(meta, Mapping) else None,
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
    errors = doc.get("errors")
    if isinstance(errors, Mapping):
        errors = [errors]
    if isinstance(errors, list):
        return [_detail_from(e) for e in errors if isinstance(e, Mapping)]
    # A bare error object, e.g. {"detail": "Not found."}, still says something.
    if any(k in doc for k in ("code", "detail", "title")):
        return [_detail_from(doc)]
    return []


class APIError(SendcloudError):
    """The API answered with an error status.

    ``errors`` holds the parsed JSON:API error objects (possibly empty),
    ``body`` the raw text, and ``response`` the httpx response.
    """

    def __init__(
        self,
        status_code: int,
        errors: list[ErrorDetail],
        response: httpx.Response | None = None,
        *,
        message: str | None = None,
    ) -> None:
        self.status_code = status_code
        self.errors = errors
        self.response = response
        self.body = _safe_text(response)
        if message is None:
            if errors:
                message = "; ".join(str(e) for e in errors)
            else:
                snippet = self.body.strip().replace("\n", " ")[:200]
                message = snippet or "(empty body)"
        method_url = ""
        if response is not None:
            try:
                request = response.request
                method_url = f"{request.method} {request.url.copy_with(query=None)} -> "
            except RuntimeError:
                pass
        super().__init__(f"{method_url}HTTP {status_code}: {message}")

    @property
    def codes(self) -> list[str]:
        """The error codes, in order, for quick checks (``"not_found" in e.codes``)."""
        return [e.code for e in self.errors if e.code]


def _safe_text(response: httpx.Response | None) -> str:
    if response is None:
        return ""
    try:
        return response.text
    except (httpx.ResponseNotRead, UnicodeDecodeError):
        return ""


class BadRequestError(APIError):
    """HTTP 400: the server refused the request's content."""


class AuthenticationError(APIError):
    """HTTP 401, or a token endpoint that refused the client's credentials."""


class PermissionDeniedError(APIError):
    """HTTP 403."""


class NotFoundError(APIError):
    """HTTP 404."""


class ConflictError(APIError):
    """HTTP 409."""


class RateLimitError(APIError):
    """HTTP 429. ``retry_after`` is the server's wait in seconds, if it gave one."""

    def __init__(
        self,
        status_code: int,
        errors: list[ErrorDetail],
        response: httpx.Response | None = None,
        *,
        message: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(status_code, errors, response, message=message)
        self.retry_after = retry_after


class ServerError(APIError):
    """HTTP 5xx."""


class APIConnectionError(SendcloudError):
    """The request did not get an HTTP answer (DNS, refused, reset, TLS, ...)."""


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class RequestValidationError(SendcloudError, ValueError):
    """An argument breaks the spec's constraints; nothing was sent.

    ``field`` names the offending argument (dotted for nested values).
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"{field}: {message}")


class ResponseValidationError(SendcloudError):
    """A 2xx body is not what the spec promises. ``body`` keeps the raw text.

    ``pointer`` is the JSON pointer of the offending value (``/data/3/response_code``)
    and ``expected`` what the spec allows there, when one value is to blame.
    """

    def __init__(
        self,
        reason: str,
        response: httpx.Response | None = None,
        *,
        pointer: str | None = None,
        expected: str | None = None,
    ) -> None:
        self.reason = reason
        self.pointer = pointer
        self.expected = expected
        self.response = response
        self.body = _safe_text(response)
        status = f"HTTP {response.status_code}: " if response is not None else ""
        super().__init__(f"{status}unexpected response body: {reason}")


_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}


def error_for_response(response: httpx.Response, *, retry_after: float | None = None) -> APIError:
    """The APIError subclass for an error response, with its body parsed leniently."""
    status = response.status_code
    details = parse_error_details(_safe_text(response))
    if status == 429:
        return RateLimitError(status, details, response, retry_after=retry_after)
    cls = _BY_STATUS.get(status) or (ServerError if status >= 500 else APIError)
    return cls(status, details, response)
