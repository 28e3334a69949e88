from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feedback_type import FeedbackType
from ..types import (
    UNSET,
    Unset,
    decode_mismatch,
    model_repr,
)

T = TypeVar("T", bound="IntegrationUpdate")
# A module global, not object.__new__ looked up on every object a decode builds.
_new = object.__new__


@_attrs_define(repr=False)
class IntegrationUpdate:
    """Integration object.

    Attributes:
        shop_name (str | Unset): Name of the shop. Example: My Shop Integration.
        shop_url (str | Unset): URL of the shop the integration connects to. Example: https://www.my-shop-
            integration.com/.
        service_point_enabled (bool | Unset): Flag indicating if delivery to service points is enabled. Example: False.
        service_point_carriers (list[str] | Unset): List of carriers available for the service point picker. If service
            point delivery is enabled, make sure to provide at least one carrier. Example: ['ups', 'dhl'].
        webhook_active (bool | Unset): Flag indicating if parcel updates should be sent via the webhook. Example: False.
        webhook_url (None | str | Unset): URL for sending updates on a parcel. A value for `webhook_url` is required if
            `webhook_active` is set to `true`. Example: https://my-shop-integration.integrator/api/webhooks/sendcloud.
        feedback_type (FeedbackType | Unset): Define how your shop status feedback should be sent into your system. Note
            that this will not apply to Prestashop V2 as the custom status mapping will define this.

            Use the following states:
            - eager: Change the parcels’ status to “sent” once the label is created.
            - delayed: Change the parcels’ status to “sent” once the carrier scans the label.
            - none: Don’t send any feedback.
    """

    shop_name: str | Unset = UNSET
    shop_url: str | Unset = UNSET
    service_point_enabled: bool | Unset = UNSET
    service_point_carriers: list[str] | Unset = UNSET
    webhook_active: bool | Unset = UNSET
    webhook_url: None | str | Unset = UNSET
    feedback_type: FeedbackType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        # UNSET fields left out: a sparse model reads as what the server sent.
        return model_repr(self, _FIELD_NAMES)

    def to_dict(self) -> dict[str, Any]:
        shop_name = self.shop_name

        shop_url = self.shop_url

        service_point_enabled = self.service_point_enabled

        service_point_carriers: list[str] | Unset = UNSET
        if not isinstance(self.service_point_carriers, Unset):
            service_point_carriers = self.service_point_carriers

        webhook_active = self.webhook_active

        webhook_url: None | str | Unset
        if isinstance(self.webhook_url, Unset):
            webhook_url = UNSET
        else:
            webhook_url = self.webhook_url

        feedback_type: str | Unset = UNSET
        if not isinstance(self.feedback_type, Unset):
            feedback_type = self.feedback_type.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if shop_name is not UNSET:
            field_dict["shop_name"] = shop_name
        if shop_url is not UNSET:
            field_dict["shop_url"] = shop_url
        if service_point_enabled is not UNSET:
            field_dict["service_point_enabled"] = service_point_enabled
        if service_point_carriers is not UNSET:
            field_dict["service_point_carriers"] = service_point_carriers
        if webhook_active is not UNSET:
            field_dict["webhook_active"] = webhook_active
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url
        if feedback_type is not UNSET:
            field_dict["feedback_type"] = feedback_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """A IntegrationUpdate from the JSON object ``src_dict`` (not changed).

        Every value is checked against its schema as it is read: a wrong JSON type, a
        missing required field, a timestamp without a UTC offset raise DecodeError,
        which names the JSON pointer of the value. Unknown keys go to
        ``additional_properties``; unknown enum values are kept (the enums are open).
        """
        return cls._decode(src_dict, False)

    @classmethod
    def _decode(cls, src_dict: Mapping[str, Any], owned: bool) -> Self:
        """What from_dict does. ``owned``: a JSON parser has just made ``src_dict`` for
        this call alone (the SDK's response bodies), so the model may keep the dicts in
        it instead of copies; from_dict passes False, the caller's dicts stay theirs.
        """
        d = src_dict
        if type(d) is not dict:
            if not isinstance(d, Mapping):
                raise decode_mismatch("object", d)
            d = dict(d)
        get = d.get
        # Known fields not in d: with the size of d, this tells whether d has unknown keys
        # without comparing key sets.
        absent = 0
        # Built without __init__: the values are checked here, and positional matching
        # plus attrs' defaults would only repeat work.
        integration_update = _new(cls)
        v = get("shop_name", UNSET)
        if type(v) is str or isinstance(v, str):
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string", v, "shop_name")

        integration_update.shop_name = v
        v = get("shop_url", UNSET)
        if type(v) is str or isinstance(v, str):
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string", v, "shop_url")

        integration_update.shop_url = v
        v = get("service_point_enabled", UNSET)
        if v is True or v is False:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("boolean", v, "service_point_enabled")

        integration_update.service_point_enabled = v
        v = get("service_point_carriers", UNSET)
        if type(v) is list or isinstance(v, list):
            for i0, x0 in enumerate(v):
                if not (type(x0) is str or isinstance(x0, str)):
                    raise decode_mismatch("string", x0, "service_point_carriers", i0)

        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("array", v, "service_point_carriers")

        integration_update.service_point_carriers = v
        v = get("webhook_active", UNSET)
        if v is True or v is False:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("boolean", v, "webhook_active")

        integration_update.webhook_active = v
        v = get("webhook_url", UNSET)
        if (type(v) is str or isinstance(v, str)) or v is None:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string or null", v, "webhook_url")

        integration_update.webhook_url = v
        v = get("feedback_type", UNSET)
        if type(v) is str or isinstance(v, str):
            v = FeedbackType._value2member_map_.get(v) or FeedbackType(v)

        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string", v, "feedback_type")

        integration_update.feedback_type = v
        if len(d) + absent == 7:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = {
                key: value for key, value in d.items() if key not in _KNOWN_KEYS
            }
        integration_update.additional_properties = additional_properties
        return integration_update

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


_FIELD_NAMES = (
    "shop_name",
    "shop_url",
    "service_point_enabled",
    "service_point_carriers",
    "webhook_active",
    "webhook_url",
    "feedback_type",
    "additional_properties",
)
_KNOWN_KEYS = frozenset(
    (
        "shop_name",
        "shop_url",
        "service_point_enabled",
        "service_point_carriers",
        "webhook_active",
        "webhook_url",
        "feedback_type",
    )
)
# Each field's Python name, JSON key and whether the schema requires it: what the
# speedups' mirror (sendcloud_integrations/_struct_mirror.py) needs beyond the type hints.
_JSON_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("shop_name", "shop_name", False),
    ("shop_url", "shop_url", False),
    ("service_point_enabled", "service_point_enabled", False),
    ("service_point_carriers", "service_point_carriers", False),
    ("webhook_active", "webhook_active", False),
    ("webhook_url", "webhook_url", False),
    ("feedback_type", "feedback_type", False),
)
