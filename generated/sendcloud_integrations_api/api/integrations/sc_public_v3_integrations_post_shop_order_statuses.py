from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.shop_order_statuses_replace import ShopOrderStatusesReplace
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ShopOrderStatusesReplace | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/shop-order-statuses",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | None:
    if response.status_code == 200:
        response_200 = cast(None, response.json())
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
) -> Response[ErrorResponse | None]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ShopOrderStatusesReplace | Unset = UNSET,
) -> Response[ErrorResponse | None]:
    """Create or overwrite shop order statuses

     Insert shop-specific custom statuses into the Sendcloud system.

    Args:
        body (ShopOrderStatusesReplace | Unset): POST request with shop order statuses with
            translations.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | None]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ShopOrderStatusesReplace | Unset = UNSET,
) -> ErrorResponse | None:
    """Create or overwrite shop order statuses

     Insert shop-specific custom statuses into the Sendcloud system.

    Args:
        body (ShopOrderStatusesReplace | Unset): POST request with shop order statuses with
            translations.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | None
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ShopOrderStatusesReplace | Unset = UNSET,
) -> Response[ErrorResponse | None]:
    """Create or overwrite shop order statuses

     Insert shop-specific custom statuses into the Sendcloud system.

    Args:
        body (ShopOrderStatusesReplace | Unset): POST request with shop order statuses with
            translations.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | None]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ShopOrderStatusesReplace | Unset = UNSET,
) -> ErrorResponse | None:
    """Create or overwrite shop order statuses

     Insert shop-specific custom statuses into the Sendcloud system.

    Args:
        body (ShopOrderStatusesReplace | Unset): POST request with shop order statuses with
            translations.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | None
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
