from enum import StrEnum


class ErrorCode(StrEnum):
    AUTHENTICATION_FAILED = "authentication_failed"
    FORBIDDEN = "forbidden"
    INVALID = "invalid"
    INVALID_CHOICE = "invalid_choice"
    MIN_VALUE = "min_value"
    NON_FIELD_ERRORS = "non_field_errors"
    NOT_A_LIST = "not_a_list"
    NOT_FOUND = "not_found"
    NULL = "null"
    PARCEL_ANNOUNCEMENT_ERROR = "parcel_announcement_error"
    REQUIRED = "required"
    UNKNOWN_FIELD = "unknown_field"
    VALIDATION_ERROR = "validation_error"

    def __str__(self) -> str:
        return str(self.value)
