from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.status_mapping_response import StatusMappingResponse
from ...types import UNSET, Response


def _get_kwargs(
    *,
    integration_id: int,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["integration_id"] = integration_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/shop-order-statuses/mapping",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | StatusMappingResponse | None:
    if response.status_code == 200:
        response_200 = StatusMappingResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | StatusMappingResponse]:
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
) -> Response[ErrorResponse | StatusMappingResponse]:
    """Retrieve custom status mapping for an integration

     Fetch a map of available shop order statuses and Sendcloud's internal status category for the
    integration.

    Args:
        integration_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | StatusMappingResponse]
    """

    kwargs = _get_kwargs(
        integration_id=integration_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    integration_id: int,
) -> ErrorResponse | StatusMappingResponse | None:
    """Retrieve custom status mapping for an integration

     Fetch a map of available shop order statuses and Sendcloud's internal status category for the
    integration.

    Args:
        integration_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | StatusMappingResponse
    """

    return sync_detailed(
        client=client,
        integration_id=integration_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    integration_id: int,
) -> Response[ErrorResponse | StatusMappingResponse]:
    """Retrieve custom status mapping for an integration

     Fetch a map of available shop order statuses and Sendcloud's internal status category for the
    integration.

    Args:
        integration_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | StatusMappingResponse]
    """

    kwargs = _get_kwargs(
        integration_id=integration_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    integration_id: int,
) -> ErrorResponse | StatusMappingResponse | None:
    """Retrieve custom status mapping for an integration

     Fetch a map of available shop order statuses and Sendcloud's internal status category for the
    integration.

    Args:
        integration_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | StatusMappingResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            integration_id=integration_id,
        )
    ).parsed
