"""The one exception hierarchy of the SDK: every exception class lives here.

What an error body says (its JSON:API error objects) is read by ``_error_details``,
which loads with the first error response rather than with the package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from ._error_details import ErrorDetail

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConfigurationError",
    "ConflictError",
    "InsecureTransportError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestValidationError",
    "ResponseValidationError",
    "SendcloudError",
    "ServerError",
    "error_for_response",
    "resumable",
]


def _rebuild(cls: type[BaseException], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    # Not cls(*args): the constructors take the parts, args holds the finished message.
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class SendcloudError(Exception):
    """Base class of every error this package raises on purpose.

    Every subclass pickles to itself with its attributes (a worker process's
    error reaches the parent as the same class); nothing it keeps holds a credential.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


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
    """The body as text; a charset that does not decode it (a UTF-16 body without
    BOM, an unknown codec) falls back to UTF-8 with replacement, so the text is kept."""
    if response is None:
        return ""
    try:
        return response.text
    except httpx.ResponseNotRead:
        return ""
    except (UnicodeError, LookupError, ValueError):
        return response.content.decode("utf-8", errors="replace")


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


class ConfigurationError(SendcloudError, ValueError):
    """The client is configured wrongly (a bad ``base_url`` or ``token_url``, an incomplete
    environment); nothing was sent. ``missing`` names environment variables to set."""

    def __init__(self, message: str, missing: tuple[str, ...] = ()) -> None:
        self.missing = missing
        super().__init__(message)


class InsecureTransportError(SendcloudError):
    """Credentials would travel over plain http to a non-loopback host; nothing was sent."""

    def __init__(self, url: httpx.URL) -> None:
        self.url = url.copy_with(query=None, fragment=None, username=None, password=None)
        super().__init__(
            f"refusing to send credentials over {url.scheme or '(no scheme)'}:// to "
            f"{url.host or '(no host)'}: use https:// (plain http is allowed only to "
            "loopback hosts: 127.0.0.0/8, ::1, localhost)"
        )


class ClientClosedError(SendcloudError, RuntimeError):
    """A call on a client (or a ``with_options`` view, or a paginator) after ``close()``."""

    def __init__(self, message: str = "the client has been closed; create a new one") -> None:
        super().__init__(message)


class PaginationError(SendcloudError):
    """Pagination of exception logs stopped early; ``resume_cursor`` continues it.

    Raised as is when the server's next link cannot be followed safely (malformed,
    another origin, a loop). An APIError or APIConnectionError that ends an
    iteration is raised as a subclass of both its own class and PaginationError,
    so ``except sc.ServerError`` still catches it and ``resume_cursor`` is on it:
    pass it as ``exception_logs.list(cursor=...)`` to continue with no gap and no
    duplicate (None: start again from the first page).
    """

    resume_cursor: str | None = None

    def __init__(self, message: str, resume_cursor: str | None = None) -> None:
        self.resume_cursor = resume_cursor
        super().__init__(message)


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
    from ._error_details import parse_error_details  # on the first error response

    status = response.status_code
    details = parse_error_details(_safe_text(response))
    if status == 429:
        return RateLimitError(status, details, response, retry_after=retry_after)
    cls = _BY_STATUS.get(status) or (ServerError if status >= 500 else APIError)
    return cls(status, details, response)


def _resumable_classes() -> dict[type[SendcloudError], type[PaginationError]]:
    """One PaginationError subclass per error that can end an iteration, named for pickle."""
    found: dict[type[SendcloudError], type[PaginationError]] = {}
    bases: tuple[type[SendcloudError], ...] = (
        APIError,
        *_BY_STATUS.values(),
        ServerError,
        APIConnectionError,
        APITimeoutError,
        ResponseValidationError,
        ClientClosedError,
        InsecureTransportError,
    )
    for base in bases:
        name = f"Paginated{base.__name__}"
        cls = type(name, (base, PaginationError), {"__module__": __name__, "__qualname__": name})
        cls.__doc__ = f"A {base.__name__} that ended a pagination (see PaginationError)."
        globals()[name] = found[base] = cls
    return found


_RESUMABLE = _resumable_classes()


def resumable(error: SendcloudError, cursor: str | None) -> SendcloudError:
    """``error`` turned into its PaginationError twin carrying ``cursor``, in place.

    The same object (traceback, cause and attributes intact) changes class: both
    classes are plain Python subclasses of Exception with the same layout.
    """
    if isinstance(error, PaginationError):
        error.resume_cursor = cursor
        return error
    twin = _RESUMABLE.get(type(error))
    if twin is not None:
        error.__class__ = twin
        error.resume_cursor = cursor  # type: ignore[attr-defined]
    return error


class MissingExtraError(SendcloudError, ImportError):
    """A feature needs an optional extra that is not installed; ``extra`` names it."""

    def __init__(self, message: str, extra: str) -> None:
        super().__init__(message)
        self.extra = extra

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self), self.extra))
