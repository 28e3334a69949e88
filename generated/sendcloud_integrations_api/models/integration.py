from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feedback_type import FeedbackType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Integration")


@_attrs_define
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
        d = dict(src_dict)
        shop_name = d.pop("shop_name", UNSET)

        shop_url = d.pop("shop_url", UNSET)

        service_point_enabled = d.pop("service_point_enabled", UNSET)

        service_point_carriers = cast(list[str], d.pop("service_point_carriers", UNSET))

        webhook_active = d.pop("webhook_active", UNSET)

        webhook_url: None | str | Unset = d.pop("webhook_url", UNSET)

        _feedback_type = d.pop("feedback_type", UNSET)
        feedback_type: FeedbackType | Unset
        if isinstance(_feedback_type, Unset):
            feedback_type = UNSET
        else:
            feedback_type = FeedbackType(_feedback_type)

        id = d.pop("id", UNSET)

        type_ = d.pop("type", UNSET)

        _started_failing_at = d.pop("started_failing_at", UNSET)
        started_failing_at: datetime.datetime | None | Unset
        if isinstance(_started_failing_at, str):
            try:
                started_failing_at_type_0 = datetime.datetime.fromisoformat(
                    _started_failing_at
                )

                started_failing_at = started_failing_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                started_failing_at = cast(
                    datetime.datetime | None | Unset, _started_failing_at
                )
        else:
            started_failing_at = _started_failing_at

        _last_fetched_at = d.pop("last_fetched_at", UNSET)
        last_fetched_at: datetime.datetime | None | Unset
        if isinstance(_last_fetched_at, str):
            try:
                last_fetched_at_type_0 = datetime.datetime.fromisoformat(
                    _last_fetched_at
                )

                last_fetched_at = last_fetched_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                last_fetched_at = cast(
                    datetime.datetime | None | Unset, _last_fetched_at
                )
        else:
            last_fetched_at = _last_fetched_at

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        integration = cls(
            shop_name,
            shop_url,
            service_point_enabled,
            service_point_carriers,
            webhook_active,
            webhook_url,
            feedback_type,
            id,
            type_,
            started_failing_at,
            last_fetched_at,
            created_at,
            updated_at,
        )

        integration.additional_properties = d
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
