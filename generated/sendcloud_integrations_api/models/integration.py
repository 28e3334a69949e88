from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feedback_type import FeedbackType
from ..types import (
    UNSET,
    Unset,
    decode_bad_string,
    decode_mismatch,
    model_repr,
)

T = TypeVar("T", bound="Integration")
# A module global, not object.__new__ looked up on every object a decode builds.
_new = object.__new__


@_attrs_define(repr=False)
class Integration:
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
        id (int | Unset): ID of an integration. Example: 23452345.
        type_ (str | Unset): Type of shop/system the integration connects to. In Integrations API V2, this attribute was
            referred to as `system`. Example: api.
        started_failing_at (datetime.datetime | None | Unset): Timestamp from when the integration is failing to fetch
            orders or to send feedback. This value will be in the [ISO8601
            format](https://datatracker.ietf.org/doc/html/rfc3339#section-5.6). In the Integrations API V2, this attribute
            was referred to as `failing_since`. Example: 2023-11-10T16:16:42Z.
        last_fetched_at (datetime.datetime | None | Unset): The last time we managed to fetch data from this
            integration, used for rate limiting purposes. This value will be in the [ISO8601
            format](https://datatracker.ietf.org/doc/html/rfc3339#section-5.6). In the Integrations API V2, this attribute
            was referred to as `last_fetch`. Example: 2023-11-10T16:15:09Z.
        created_at (datetime.datetime | Unset): Timestamp when the integration was created. This value will be in the
            [ISO8601 format](https://datatracker.ietf.org/doc/html/rfc3339#section-5.6). Example: 2023-11-04T14:15:22Z.
        updated_at (datetime.datetime | Unset): Timestamp when the integration was last updated. This value will be in
            the [ISO8601 format](https://datatracker.ietf.org/doc/html/rfc3339#section-5.6). Example: 2023-11-08T12:23:56Z.
    """

    shop_name: str | Unset = UNSET
    shop_url: str | Unset = UNSET
    service_point_enabled: bool | Unset = UNSET
    service_point_carriers: list[str] | Unset = UNSET
    webhook_active: bool | Unset = UNSET
    webhook_url: None | str | Unset = UNSET
    feedback_type: FeedbackType | Unset = UNSET
    id: int | Unset = UNSET
    type_: str | Unset = UNSET
    started_failing_at: datetime.datetime | None | Unset = UNSET
    last_fetched_at: datetime.datetime | None | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
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

        id = self.id

        type_ = self.type_

        started_failing_at: None | str | Unset
        if isinstance(self.started_failing_at, Unset):
            started_failing_at = UNSET
        elif isinstance(self.started_failing_at, datetime.datetime):
            started_failing_at = self.started_failing_at.isoformat()
        else:
            started_failing_at = self.started_failing_at

        last_fetched_at: None | str | Unset
        if isinstance(self.last_fetched_at, Unset):
            last_fetched_at = UNSET
        elif isinstance(self.last_fetched_at, datetime.datetime):
            last_fetched_at = self.last_fetched_at.isoformat()
        else:
            last_fetched_at = self.last_fetched_at

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

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
        if id is not UNSET:
            field_dict["id"] = id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if started_failing_at is not UNSET:
            field_dict["started_failing_at"] = started_failing_at
        if last_fetched_at is not UNSET:
            field_dict["last_fetched_at"] = last_fetched_at
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """A Integration from the JSON object ``src_dict`` (not changed).

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
        integration = _new(cls)
        v = get("shop_name", UNSET)
        if type(v) is str or isinstance(v, str):
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string", v, "shop_name")

        integration.shop_name = v
        v = get("shop_url", UNSET)
        if type(v) is str or isinstance(v, str):
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string", v, "shop_url")

        integration.shop_url = v
        v = get("service_point_enabled", UNSET)
        if v is True or v is False:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("boolean", v, "service_point_enabled")

        integration.service_point_enabled = v
        v = get("service_point_carriers", UNSET)
        if type(v) is list or isinstance(v, list):
            for i0, x0 in enumerate(v):
                if not (type(x0) is str or isinstance(x0, str)):
                    raise decode_mismatch("string", x0, "service_point_carriers", i0)

        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("array", v, "service_point_carriers")

        integration.service_point_carriers = v
        v = get("webhook_active", UNSET)
        if v is True or v is False:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("boolean", v, "webhook_active")

        integration.webhook_active = v
        v = get("webhook_url", UNSET)
        if (type(v) is str or isinstance(v, str)) or v is None:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string or null", v, "webhook_url")

        integration.webhook_url = v
        v = get("feedback_type", UNSET)
        if type(v) is str or isinstance(v, str):
            v = FeedbackType._value2member_map_.get(v) or FeedbackType(v)

        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string", v, "feedback_type")

        integration.feedback_type = v
        v = get("id", UNSET)
        if type(v) is int or (isinstance(v, int) and not isinstance(v, bool)):
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("integer", v, "id")

        integration.id = v
        v = get("type", UNSET)
        if type(v) is str or isinstance(v, str):
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("string", v, "type")

        integration.type_ = v
        v = get("started_failing_at", UNSET)
        if type(v) is str or isinstance(v, str):
            try:
                v = datetime.datetime.fromisoformat(v)
            except ValueError as exc:
                raise decode_bad_string(
                    "date-time", str(exc), "started_failing_at"
                ) from None
            if v.tzinfo is None:
                raise decode_bad_string(
                    "date-time", "it has no UTC offset", "started_failing_at"
                )

        elif v is None:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("date-time or null", v, "started_failing_at")

        integration.started_failing_at = v
        v = get("last_fetched_at", UNSET)
        if type(v) is str or isinstance(v, str):
            try:
                v = datetime.datetime.fromisoformat(v)
            except ValueError as exc:
                raise decode_bad_string(
                    "date-time", str(exc), "last_fetched_at"
                ) from None
            if v.tzinfo is None:
                raise decode_bad_string(
                    "date-time", "it has no UTC offset", "last_fetched_at"
                )

        elif v is None:
            pass
        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("date-time or null", v, "last_fetched_at")

        integration.last_fetched_at = v
        v = get("created_at", UNSET)
        if type(v) is str or isinstance(v, str):
            try:
                v = datetime.datetime.fromisoformat(v)
            except ValueError as exc:
                raise decode_bad_string("date-time", str(exc), "created_at") from None
            if v.tzinfo is None:
                raise decode_bad_string(
                    "date-time", "it has no UTC offset", "created_at"
                )

        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("date-time", v, "created_at")

        integration.created_at = v
        v = get("updated_at", UNSET)
        if type(v) is str or isinstance(v, str):
            try:
                v = datetime.datetime.fromisoformat(v)
            except ValueError as exc:
                raise decode_bad_string("date-time", str(exc), "updated_at") from None
            if v.tzinfo is None:
                raise decode_bad_string(
                    "date-time", "it has no UTC offset", "updated_at"
                )

        elif v is UNSET:
            absent += 1
        else:
            raise decode_mismatch("date-time", v, "updated_at")

        integration.updated_at = v
        if len(d) + absent == 13:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = {
                key: value for key, value in d.items() if key not in _KNOWN_KEYS
            }
        integration.additional_properties = additional_properties
        return integration

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
    "id",
    "type_",
    "started_failing_at",
    "last_fetched_at",
    "created_at",
    "updated_at",
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
        "id",
        "type",
        "started_failing_at",
        "last_fetched_at",
        "created_at",
        "updated_at",
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
    ("id", "id", False),
    ("type_", "type", False),
    ("started_failing_at", "started_failing_at", False),
    ("last_fetched_at", "last_fetched_at", False),
    ("created_at", "created_at", False),
    ("updated_at", "updated_at", False),
)
