"""``client.capture_responses()``: the raw responses of the calls made inside it.

Context-local (a context variable), so concurrent tasks and threads each capture their own.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Generator

import httpx

from ._config import ClientOptions
from ._errors import error_for_response
from ._retry import capped_retry_after

__all__ = ["CapturedResponses", "capture_and_check", "capture_responses", "capturing"]


class CapturedResponses:
    """The raw responses of the calls made inside ``client.capture_responses()``.

    Each ``response.request`` is a redacted copy of the request sent (as on errors
    and pages): credential headers read ``<redacted>``.
    """

    responses: list[httpx.Response]

    def __init__(self, responses: list[httpx.Response] | None = None) -> None:
        self.responses = [] if responses is None else responses

    @property
    def last(self) -> httpx.Response:
        """The most recent response; raises LookupError when no call completed."""
        if not self.responses:
            raise LookupError("no response was captured")
        return self.responses[-1]

    def __repr__(self) -> str:
        return f"CapturedResponses(responses={self.responses!r})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not CapturedResponses:
            return NotImplemented
        return self.responses == other.responses

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass it was


_capture: contextvars.ContextVar[CapturedResponses | None] = contextvars.ContextVar(
    "sendcloud_integrations_capture", default=None
)


def capturing() -> bool:
    """True inside ``capture_responses()``: every final response is kept, so redacted."""
    return _capture.get() is not None


@contextlib.contextmanager
def capture_responses() -> Generator[CapturedResponses, None, None]:
    captured = CapturedResponses()
    token = _capture.set(captured)
    try:
        yield captured
    finally:
        _capture.reset(token)


def capture_and_check(
    response: httpx.Response, options: ClientOptions | None = None
) -> httpx.Response:
    """Record the response for capture_responses(); raise the APIError of a non-2xx.

    ``retry_after`` on a RateLimitError is capped at the client's Retry-After cap,
    so a caller sleeping on it never hangs; the raw header stays on the response.
    """
    captured = _capture.get()
    if captured is not None:
        captured.responses.append(response)
    if response.is_success:
        return response
    policy = (options or ClientOptions()).retry
    retry_after = capped_retry_after(response.headers.get("Retry-After"), policy)
    raise error_for_response(response, retry_after=retry_after)
