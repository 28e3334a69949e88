"""The public API: what ``sendcloud_integrations`` exports, pinned like httpx's test."""

from __future__ import annotations

import sendcloud_integrations as sc

EXPECTED = [
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
    "ConfigurationError",
    "ConflictError",
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


def test_all_is_exactly_the_pinned_public_api() -> None:
    """``__all__`` lists exactly the pinned names; a change here is a public API change."""
    assert sc.__all__ == EXPECTED


def test_exported_classes_present_themselves_as_public() -> None:
    """Hand-written classes report module ``sendcloud_integrations``; models their generated one."""
    for name in sc.__all__:
        member = getattr(sc, name)
        if not isinstance(member, type):
            continue
        module = member.__module__
        assert module == "sendcloud_integrations" or module.startswith(
            ("sendcloud_integrations_api.models.", "sendcloud_integrations_api.types")
        ), f"{name} lives in {module}"


def test_nothing_public_is_left_out_of_all() -> None:
    """Every public attribute that is not a submodule is listed in ``__all__``."""
    import types

    public = {
        name
        for name, value in vars(sc).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert public <= set(sc.__all__), public - set(sc.__all__)
