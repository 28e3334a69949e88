import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.integration_logs_of_integration_list_response import (
    IntegrationLogsOfIntegrationListResponse,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
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
        "url": "/integrations/{id}/logs".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | IntegrationLogsOfIntegrationListResponse | None:
    if response.status_code == 200:
        response_200 = IntegrationLogsOfIntegrationListResponse.from_dict(
            response.json()
        )

        return response_200

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | IntegrationLogsOfIntegrationListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    cursor: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = 25,
) -> Response[ErrorResponse | IntegrationLogsOfIntegrationListResponse]:
    """Retrieve exception logs for a specific integration

     Retrieve exception logs for a specific integration. These logs are created when integrations have
    problems making API requests to shop systems.

    Args:
        id (int):
        cursor (datetime.datetime | Unset):
        page_size (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | IntegrationLogsOfIntegrationListResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        cursor=cursor,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    cursor: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = 25,
) -> ErrorResponse | IntegrationLogsOfIntegrationListResponse | None:
    """Retrieve exception logs for a specific integration

     Retrieve exception logs for a specific integration. These logs are created when integrations have
    problems making API requests to shop systems.

    Args:
        id (int):
        cursor (datetime.datetime | Unset):
        page_size (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | IntegrationLogsOfIntegrationListResponse
    """

    return sync_detailed(
        id=id,
        client=client,
        cursor=cursor,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    cursor: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = 25,
) -> Response[ErrorResponse | IntegrationLogsOfIntegrationListResponse]:
    """Retrieve exception logs for a specific integration

     Retrieve exception logs for a specific integration. These logs are created when integrations have
    problems making API requests to shop systems.

    Args:
        id (int):
        cursor (datetime.datetime | Unset):
        page_size (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | IntegrationLogsOfIntegrationListResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        cursor=cursor,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    cursor: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = 25,
) -> ErrorResponse | IntegrationLogsOfIntegrationListResponse | None:
    """Retrieve exception logs for a specific integration

     Retrieve exception logs for a specific integration. These logs are created when integrations have
    problems making API requests to shop systems.

    Args:
        id (int):
        cursor (datetime.datetime | Unset):
        page_size (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | IntegrationLogsOfIntegrationListResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            cursor=cursor,
            page_size=page_size,
        )
    ).parsed
