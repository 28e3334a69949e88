"""Exit codes, and the one line on stderr that each kind of error becomes."""

from __future__ import annotations

import enum

from .. import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    ConfigurationError,
    InsecureTransportError,
    PermissionDeniedError,
    RateLimitError,
    RequestValidationError,
    SendcloudError,
)

EXTRA_HINT = "pip install 'sendcloud-integrations[cli]'"


class ExitCode(enum.IntEnum):
    """The documented exit statuses (README, "Command line")."""

    OK = 0
    API_ERROR = 1  # the API answered with an error, answered badly, or could not be reached
    USAGE = 2  # a bad option or file, or an argument the spec refuses: nothing was sent
    CONFIGURATION = 3  # missing or refused credentials, a bad base URL, a missing extra
    DECLINED = 4  # the operator answered no to a confirmation: nothing was changed
    INTERNAL = 70  # a bug in this program (sysexits' EX_SOFTWARE)
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)


class CommandError(Exception):
    """An error a command reports as one line on stderr, with its exit code."""

    def __init__(self, message: str, code: ExitCode) -> None:
        super().__init__(message)
        self.code = code

    def __reduce__(self) -> tuple[type[CommandError], tuple[str, ExitCode]]:
        return type(self), (str(self), self.code)


def usage_error(message: str) -> CommandError:
    return CommandError(message, ExitCode.USAGE)


def _api_line(exc: APIError) -> str:
    if exc.errors:
        parts: list[str] = []
        for detail in exc.errors:
            text = detail.detail or detail.title or ""
            where = detail.source_pointer or detail.source_parameter or detail.source_header
            part = f"{detail.code}: {text}" if detail.code else text
            parts.append(f"{part} (at {where})" if where else part)
        message = "; ".join(parts)
    else:
        # The SDK's message is "METHOD URL -> HTTP 404: text"; the status is shown anyway.
        message = str(exc).partition(f"HTTP {exc.status_code}: ")[2] or str(exc)
    line = f"{exc.status_code} {message}"
    if isinstance(exc, RateLimitError) and exc.retry_after is not None:
        line += f" (retry after {exc.retry_after:g} s)"
    return line


def describe(exc: BaseException) -> tuple[str, ExitCode]:
    """The message (without the ``error: `` prefix) and the exit code of ``exc``."""
    if isinstance(exc, CommandError):
        return str(exc), exc.code
    if isinstance(exc, AuthenticationError | PermissionDeniedError):
        return _api_line(exc), ExitCode.CONFIGURATION
    if isinstance(exc, APIError):
        return _api_line(exc), ExitCode.API_ERROR
    if isinstance(exc, RequestValidationError):
        return str(exc), ExitCode.USAGE
    if isinstance(exc, ConfigurationError | InsecureTransportError):
        return str(exc), ExitCode.CONFIGURATION
    if isinstance(exc, APIConnectionError):
        return f"could not reach the API: {exc}", ExitCode.API_ERROR
    if isinstance(exc, SendcloudError):
        return str(exc), ExitCode.API_ERROR
    return (
        f"unexpected {type(exc).__name__}: {exc} (a bug: re-run with --debug and report it)",
        ExitCode.INTERNAL,
    )
