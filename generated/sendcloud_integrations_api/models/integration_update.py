from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feedback_type import FeedbackType
from ..types import UNSET, Unset

T = TypeVar("T", bound="IntegrationUpdate")


@_attrs_define
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

        integration_update = cls(
            shop_name,
            shop_url,
            service_point_enabled,
            service_point_carriers,
            webhook_active,
            webhook_url,
            feedback_type,
        )

        integration_update.additional_properties = d
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
