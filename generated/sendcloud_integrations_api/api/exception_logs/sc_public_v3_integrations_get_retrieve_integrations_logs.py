import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.integration_log_list_response import IntegrationLogListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = 25,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_cursor: str | Unset = UNSET
    if not isinstance(cursor, Unset):
        json_cursor = cursor.isoformat()
    params["cursor"] = json_cursor

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/integrations/logs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IntegrationLogListResponse | None:
    if response.status_code == 200:
        response_200 = IntegrationLogListResponse.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IntegrationLogListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cursor: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = 25,
) -> Response[IntegrationLogListResponse]:
    """Retrieve all integration exception logs

     Retrieve all integration exception logs. These logs are created when integrations have problems
    making API requests to shop systems.

    Args:
        cursor (datetime.datetime | Unset):
        page_size (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntegrationLogListResponse]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    cursor: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = 25,
) -> IntegrationLogListResponse | None:
    """Retrieve all integration exception logs

     Retrieve all integration exception logs. These logs are created when integrations have problems
    making API requests to shop systems.

    Args:
        cursor (datetime.datetime | Unset):
        page_size (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntegrationLogListResponse
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = 25,
) -> Response[IntegrationLogListResponse]:
    """Retrieve all integration exception logs

     Retrieve all integration exception logs. These logs are created when integrations have problems
    making API requests to shop systems.

    Args:
        cursor (datetime.datetime | Unset):
        page_size (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntegrationLogListResponse]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    cursor: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = 25,
) -> IntegrationLogListResponse | None:
    """Retrieve all integration exception logs

     Retrieve all integration exception logs. These logs are created when integrations have problems
    making API requests to shop systems.

    Args:
        cursor (datetime.datetime | Unset):
        page_size (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntegrationLogListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            page_size=page_size,
        )
    ).parsed
