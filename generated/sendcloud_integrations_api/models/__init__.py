"""Contains all the data models used in inputs/outputs

Each model's module is imported when its name is first used (a module
``__getattr__``), so importing one model no longer imports every model.
Type checkers read the imports under ``TYPE_CHECKING``, which name them all.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .error_code import ErrorCode
    from .error_links import ErrorLinks
    from .error_meta import ErrorMeta
    from .error_object import ErrorObject
    from .error_response import ErrorResponse
    from .error_response_errors_object import ErrorResponseErrorsObject
    from .error_source import ErrorSource
    from .feedback_type import FeedbackType
    from .integration import Integration
    from .integration_get_response import IntegrationGetResponse
    from .integration_list_response import IntegrationListResponse
    from .integration_log import IntegrationLog
    from .integration_log_additional_data import IntegrationLogAdditionalData
    from .integration_log_create import IntegrationLogCreate
    from .integration_log_create_request import IntegrationLogCreateRequest
    from .integration_log_create_request_headers import (
        IntegrationLogCreateRequestHeaders,
    )
    from .integration_log_create_request_payload import (
        IntegrationLogCreateRequestPayload,
    )
    from .integration_log_create_response import IntegrationLogCreateResponse
    from .integration_log_create_response_body import IntegrationLogCreateResponseBody
    from .integration_log_create_response_headers import (
        IntegrationLogCreateResponseHeaders,
    )
    from .integration_log_created_response import IntegrationLogCreatedResponse
    from .integration_log_list_response import IntegrationLogListResponse
    from .integration_log_request import IntegrationLogRequest
    from .integration_log_request_headers import IntegrationLogRequestHeaders
    from .integration_log_request_payload import IntegrationLogRequestPayload
    from .integration_log_response import IntegrationLogResponse
    from .integration_log_response_body import IntegrationLogResponseBody
    from .integration_log_response_headers import IntegrationLogResponseHeaders
    from .integration_logs_of_integration_list_response import (
        IntegrationLogsOfIntegrationListResponse,
    )
    from .integration_update import IntegrationUpdate
    from .language import Language
    from .new_shop_order_status import NewShopOrderStatus
    from .new_shop_order_status_translation import NewShopOrderStatusTranslation
    from .new_shop_order_status_translation_language import (
        NewShopOrderStatusTranslationLanguage,
    )
    from .new_status_mapping_entry import NewStatusMappingEntry
    from .new_status_mapping_entry_status_category import (
        NewStatusMappingEntryStatusCategory,
    )
    from .shop_order_status import ShopOrderStatus
    from .shop_order_status_list_response import ShopOrderStatusListResponse
    from .shop_order_status_translation import ShopOrderStatusTranslation
    from .shop_order_status_translation_language import (
        ShopOrderStatusTranslationLanguage,
    )
    from .shop_order_statuses_replace import ShopOrderStatusesReplace
    from .status_category import StatusCategory
    from .status_mapping import StatusMapping
    from .status_mapping_entry import StatusMappingEntry
    from .status_mapping_response import StatusMappingResponse
    from .status_mapping_set import StatusMappingSet

_MODULES = {
    "ErrorCode": ".error_code",
    "ErrorLinks": ".error_links",
    "ErrorMeta": ".error_meta",
    "ErrorObject": ".error_object",
    "ErrorResponse": ".error_response",
    "ErrorResponseErrorsObject": ".error_response_errors_object",
    "ErrorSource": ".error_source",
    "FeedbackType": ".feedback_type",
    "Integration": ".integration",
    "IntegrationGetResponse": ".integration_get_response",
    "IntegrationListResponse": ".integration_list_response",
    "IntegrationLog": ".integration_log",
    "IntegrationLogAdditionalData": ".integration_log_additional_data",
    "IntegrationLogCreate": ".integration_log_create",
    "IntegrationLogCreateRequest": ".integration_log_create_request",
    "IntegrationLogCreateRequestHeaders": ".integration_log_create_request_headers",
    "IntegrationLogCreateRequestPayload": ".integration_log_create_request_payload",
    "IntegrationLogCreateResponse": ".integration_log_create_response",
    "IntegrationLogCreateResponseBody": ".integration_log_create_response_body",
    "IntegrationLogCreateResponseHeaders": ".integration_log_create_response_headers",
    "IntegrationLogCreatedResponse": ".integration_log_created_response",
    "IntegrationLogListResponse": ".integration_log_list_response",
    "IntegrationLogRequest": ".integration_log_request",
    "IntegrationLogRequestHeaders": ".integration_log_request_headers",
    "IntegrationLogRequestPayload": ".integration_log_request_payload",
    "IntegrationLogResponse": ".integration_log_response",
    "IntegrationLogResponseBody": ".integration_log_response_body",
    "IntegrationLogResponseHeaders": ".integration_log_response_headers",
    "IntegrationLogsOfIntegrationListResponse": ".integration_logs_of_integration_list_response",
    "IntegrationUpdate": ".integration_update",
    "Language": ".language",
    "NewShopOrderStatus": ".new_shop_order_status",
    "NewShopOrderStatusTranslation": ".new_shop_order_status_translation",
    "NewShopOrderStatusTranslationLanguage": ".new_shop_order_status_translation_language",
    "NewStatusMappingEntry": ".new_status_mapping_entry",
    "NewStatusMappingEntryStatusCategory": ".new_status_mapping_entry_status_category",
    "ShopOrderStatus": ".shop_order_status",
    "ShopOrderStatusListResponse": ".shop_order_status_list_response",
    "ShopOrderStatusTranslation": ".shop_order_status_translation",
    "ShopOrderStatusTranslationLanguage": ".shop_order_status_translation_language",
    "ShopOrderStatusesReplace": ".shop_order_statuses_replace",
    "StatusCategory": ".status_category",
    "StatusMapping": ".status_mapping",
    "StatusMappingEntry": ".status_mapping_entry",
    "StatusMappingResponse": ".status_mapping_response",
    "StatusMappingSet": ".status_mapping_set",
}

__all__ = (
    "ErrorCode",
    "ErrorLinks",
    "ErrorMeta",
    "ErrorObject",
    "ErrorResponse",
    "ErrorResponseErrorsObject",
    "ErrorSource",
    "FeedbackType",
    "Integration",
    "IntegrationGetResponse",
    "IntegrationListResponse",
    "IntegrationLog",
    "IntegrationLogAdditionalData",
    "IntegrationLogCreate",
    "IntegrationLogCreateRequest",
    "IntegrationLogCreateRequestHeaders",
    "IntegrationLogCreateRequestPayload",
    "IntegrationLogCreateResponse",
    "IntegrationLogCreateResponseBody",
    "IntegrationLogCreateResponseHeaders",
    "IntegrationLogCreatedResponse",
    "IntegrationLogListResponse",
    "IntegrationLogRequest",
    "IntegrationLogRequestHeaders",
    "IntegrationLogRequestPayload",
    "IntegrationLogResponse",
    "IntegrationLogResponseBody",
    "IntegrationLogResponseHeaders",
    "IntegrationLogsOfIntegrationListResponse",
    "IntegrationUpdate",
    "Language",
    "NewShopOrderStatus",
    "NewShopOrderStatusTranslation",
    "NewShopOrderStatusTranslationLanguage",
    "NewStatusMappingEntry",
    "NewStatusMappingEntryStatusCategory",
    "ShopOrderStatus",
    "ShopOrderStatusListResponse",
    "ShopOrderStatusTranslation",
    "ShopOrderStatusTranslationLanguage",
    "ShopOrderStatusesReplace",
    "StatusCategory",
    "StatusMapping",
    "StatusMappingEntry",
    "StatusMappingResponse",
    "StatusMappingSet",
)

# Hidden from type checkers, which see the imports above: with a visible module
# __getattr__ they would accept any misspelt name.
if not TYPE_CHECKING:
    import importlib as _importlib

    def __getattr__(name: str) -> object:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(_importlib.import_module(module, __name__), name)
        globals()[name] = value  # later lookups skip this function
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
