from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """A standardized format for errors in JSON:API responses.

    Attributes:
        errors (ErrorResponseErrorsObject | list[ErrorObject] | Unset):
    """

    errors: ErrorResponseErrorsObject | list[ErrorObject] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errors: dict[str, Any] | list[dict[str, Any]] | Unset
        if isinstance(self.errors, Unset):
            errors = UNSET
        elif isinstance(self.errors, list):
            errors = []
            for errors_type_0_item_data in self.errors:
                errors_type_0_item = errors_type_0_item_data.to_dict()
                errors.append(errors_type_0_item)

        else:
            errors = self.errors.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_errors(
            data: object,
        ) -> ErrorResponseErrorsObject | list[ErrorObject] | Unset:
            if isinstance(data, Unset):
                return data
            if isinstance(data, list):
                try:
                    errors_type_0 = []
                    _errors_type_0 = data
                    for errors_type_0_item_data in _errors_type_0:
                        errors_type_0_item = ErrorObject.from_dict(
                            errors_type_0_item_data
                        )

                        errors_type_0.append(errors_type_0_item)

                    return errors_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if not isinstance(data, dict):
                raise TypeError()
            errors_type_1 = ErrorResponseErrorsObject.from_dict(data)

            return errors_type_1

        errors = _parse_errors(d.pop("errors", UNSET))

        error_response = cls(
            errors,
        )

        error_response.additional_properties = d
        return error_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported once, after the class rather than inside its methods: each call then skips
# the import machinery, and models that refer to each other still import, because
# this module's class already exists when the other module imports it back.
from ..models.error_object import ErrorObject
from ..models.error_response_errors_object import ErrorResponseErrorsObject
