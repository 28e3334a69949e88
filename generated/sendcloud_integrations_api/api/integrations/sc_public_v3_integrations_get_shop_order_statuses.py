from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.language import Language
from ...models.shop_order_status_list_response import ShopOrderStatusListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    integration_id: int,
    language: Language | Unset = UNSET,
    show_deleted: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["integration_id"] = integration_id

    json_language: str | Unset = UNSET
    if not isinstance(language, Unset):
        json_language = language.value

    params["language"] = json_language

    params["show_deleted"] = show_deleted

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/shop-order-statuses",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ShopOrderStatusListResponse | None:
    if response.status_code == 200:
        response_200 = ShopOrderStatusListResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ShopOrderStatusListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    integration_id: int,
    language: Language | Unset = UNSET,
    show_deleted: bool | Unset = UNSET,
) -> Response[ErrorResponse | ShopOrderStatusListResponse]:
    """Retrieve shop order statuses for an integration

     Fetch all available shop order statuses for the Prestashop v2 integration, in the default or
    selected language.

    Args:
        integration_id (int):
        language (Language | Unset):
        show_deleted (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ShopOrderStatusListResponse]
    """

    kwargs = _get_kwargs(
        integration_id=integration_id,
        language=language,
        show_deleted=show_deleted,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    integration_id: int,
    language: Language | Unset = UNSET,
    show_deleted: bool | Unset = UNSET,
) -> ErrorResponse | ShopOrderStatusListResponse | None:
    """Retrieve shop order statuses for an integration

     Fetch all available shop order statuses for the Prestashop v2 integration, in the default or
    selected language.

    Args:
        integration_id (int):
        language (Language | Unset):
        show_deleted (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ShopOrderStatusListResponse
    """

    return sync_detailed(
        client=client,
        integration_id=integration_id,
        language=language,
        show_deleted=show_deleted,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    integration_id: int,
    language: Language | Unset = UNSET,
    show_deleted: bool | Unset = UNSET,
) -> Response[ErrorResponse | ShopOrderStatusListResponse]:
    """Retrieve shop order statuses for an integration

     Fetch all available shop order statuses for the Prestashop v2 integration, in the default or
    selected language.

    Args:
        integration_id (int):
        language (Language | Unset):
        show_deleted (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ShopOrderStatusListResponse]
    """

    kwargs = _get_kwargs(
        integration_id=integration_id,
        language=language,
        show_deleted=show_deleted,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    integration_id: int,
    language: Language | Unset = UNSET,
    show_deleted: bool | Unset = UNSET,
) -> ErrorResponse | ShopOrderStatusListResponse | None:
    """Retrieve shop order statuses for an integration

     Fetch all available shop order statuses for the Prestashop v2 integration, in the default or
    selected language.

    Args:
        integration_id (int):
        language (Language | Unset):
        show_deleted (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ShopOrderStatusListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            integration_id=integration_id,
            language=language,
            show_deleted=show_deleted,
        )
    ).parsed
