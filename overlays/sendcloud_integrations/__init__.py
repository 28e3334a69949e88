"""sendcloud-integrations: a Python SDK for Sendcloud's Integrations API v3.

import sendcloud_integrations as sc

with sc.Client(auth=sc.BasicAuth(public_key, secret_key)) as client:
    for integration in client.integrations.list(sort="-updated_at"):
        ...
"""

import importlib as _importlib
import typing as _typing

# Loaded with the package, not by the first call: attrs builds the generated models'
# classes, so every program that makes a call needs it, and its own import (~11 ms of
# building attrs' classes with attrs) is most of what a first call would otherwise
# cost. The generated package itself still loads on first use (issue #17).
import attrs as _attrs

from ._auth import BasicAuth
from ._capture import CapturedResponses
from ._client import AsyncClient, Client
from ._config import DEFAULT_BASE_URL, DEFAULT_TOKEN_URL, RetryPolicy
from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConfigurationError,
    ConflictError,
    InsecureTransportError,
    MissingExtraError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    RequestValidationError,
    ResponseValidationError,
    SendcloudError,
    ServerError,
)
from ._public import present_as_public as _present_as_public
from ._version import __version__

if _typing.TYPE_CHECKING:
    from sendcloud_integrations_api._request_schema import SPEC_VERSION
    from sendcloud_integrations_api.models.feedback_type import FeedbackType
    from sendcloud_integrations_api.models.integration import Integration
    from sendcloud_integrations_api.models.integration_log import IntegrationLog
    from sendcloud_integrations_api.models.language import Language
    from sendcloud_integrations_api.models.new_shop_order_status import NewShopOrderStatus
    from sendcloud_integrations_api.models.new_shop_order_status_translation import (
        NewShopOrderStatusTranslation,
    )
    from sendcloud_integrations_api.models.shop_order_status import ShopOrderStatus
    from sendcloud_integrations_api.models.shop_order_status_translation import (
        ShopOrderStatusTranslation,
    )
    from sendcloud_integrations_api.models.status_category import StatusCategory
    from sendcloud_integrations_api.models.status_mapping import StatusMapping
    from sendcloud_integrations_api.models.status_mapping_entry import StatusMappingEntry
    from sendcloud_integrations_api.types import UNSET, Unset

    from ._aiohttp import DefaultAioHttpClient
    from ._error_details import ErrorDetail
    from ._file_store import FileTokenStore
    from ._oauth2 import OAuth2ClientCredentials
    from ._pagination import AsyncLogPaginator, LogPage, LogPaginator
    from ._redis_store import RedisTokenStore
    from ._token_store import MemoryTokenStore, TokenStore

# Loaded on first use: each of these imports the generated package (attrs; a model
# imports every model), which would about double the time of `import
# sendcloud_integrations` (issue #10).
_LAZY = {
    "SPEC_VERSION": "sendcloud_integrations_api._request_schema",
    "UNSET": "sendcloud_integrations_api.types",
    "Unset": "sendcloud_integrations_api.types",
    "FeedbackType": "sendcloud_integrations_api.models.feedback_type",
    "Integration": "sendcloud_integrations_api.models.integration",
    "IntegrationLog": "sendcloud_integrations_api.models.integration_log",
    "Language": "sendcloud_integrations_api.models.language",
    "NewShopOrderStatus": "sendcloud_integrations_api.models.new_shop_order_status",
    "NewShopOrderStatusTranslation": (
        "sendcloud_integrations_api.models.new_shop_order_status_translation"
    ),
    "ShopOrderStatus": "sendcloud_integrations_api.models.shop_order_status",
    "ShopOrderStatusTranslation": "sendcloud_integrations_api.models.shop_order_status_translation",
    "StatusCategory": "sendcloud_integrations_api.models.status_category",
    "StatusMapping": "sendcloud_integrations_api.models.status_mapping",
    "StatusMappingEntry": "sendcloud_integrations_api.models.status_mapping_entry",
    # Presents its classes as `sendcloud_integrations.X` itself, whoever imports it first.
    "AsyncLogPaginator": "._pagination",
    "LogPage": "._pagination",
    "LogPaginator": "._pagination",
    "DefaultAioHttpClient": "._aiohttp",
    # Token stores bring file locking and threads (anyio.to_thread, asyncio); most
    # programs never use them.
    "FileTokenStore": "._file_store",
    "RedisTokenStore": "._redis_store",
    # The OAuth2 machinery (token exchange, stores, the flow driver, shared tokens) loads
    # with the first OAuth2 client; Basic auth programs never need it (issue #17).
    "OAuth2ClientCredentials": "._oauth2",
    "MemoryTokenStore": "._token_store",
    "TokenStore": "._token_store",
    # A dataclass, compiled when its module loads: with the first error response.
    "ErrorDetail": "._error_details",
}

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TOKEN_URL",
    "SPEC_VERSION",
    "UNSET",
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AsyncClient",
    "AsyncLogPaginator",
    "AuthenticationError",
    "BadRequestError",
    "BasicAuth",
    "CapturedResponses",
    "Client",
    "ClientClosedError",
    "ConfigurationError",
    "ConflictError",
    "DefaultAioHttpClient",
    "ErrorDetail",
    "FeedbackType",
    "FileTokenStore",
    "InsecureTransportError",
    "Integration",
    "IntegrationLog",
    "Language",
    "LogPage",
    "LogPaginator",
    "MemoryTokenStore",
    "MissingExtraError",
    "NewShopOrderStatus",
    "NewShopOrderStatusTranslation",
    "NotFoundError",
    "OAuth2ClientCredentials",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "RedisTokenStore",
    "RequestValidationError",
    "ResponseValidationError",
    "RetryPolicy",
    "SendcloudError",
    "ServerError",
    "ShopOrderStatus",
    "ShopOrderStatusTranslation",
    "StatusCategory",
    "StatusMapping",
    "StatusMappingEntry",
    "TokenStore",
    "Unset",
    "__version__",
]


# Present hand-written classes as `sendcloud_integrations.X` (reprs, tracebacks,
# docs), the way httpx does; generated models keep their own module.
def _present_hand_written_classes() -> None:
    for name in __all__:
        member = globals().get(name)
        if isinstance(member, type) and member.__module__.startswith("sendcloud_integrations."):
            _present_as_public(member)


_present_hand_written_classes()
del _present_hand_written_classes, _attrs

# Hidden from type checkers, which see the imports above: with a visible module
# __getattr__, mypy would accept any misspelt `sc.Nme`.
if not _typing.TYPE_CHECKING:
    from ._public import OnFirstUse as _OnFirstUse

    # What the clients' resource annotations name (see _client.py): get_type_hints
    # (sc.Client) imports the resources then, not `import sendcloud_integrations`.
    _groups = _OnFirstUse(f"{__name__}._resources")

    def __getattr__(name: str) -> object:
        home = _LAZY.get(name)
        if home is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(_importlib.import_module(home, __name__), name)
        globals()[name] = value  # later lookups skip this function
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
