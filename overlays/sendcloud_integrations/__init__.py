"""sendcloud-integrations: a Python SDK for Sendcloud's Integrations API v3."""

from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ErrorDetail,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestValidationError,
    ResponseValidationError,
    SendcloudError,
    ServerError,
)
from ._version import SPEC_VERSION, __version__

__all__ = [
    "SPEC_VERSION",
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
    "__version__",
]
