from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.integration_log_create import IntegrationLogCreate
from ...models.integration_log_created_response import IntegrationLogCreatedResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    body: IntegrationLogCreate | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/integrations/{id}/logs".format(
            id=quote(str(id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | IntegrationLogCreatedResponse | None:
    if response.status_code == 201:
        response_201 = IntegrationLogCreatedResponse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | IntegrationLogCreatedResponse]:
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
    body: IntegrationLogCreate | Unset = UNSET,
) -> Response[ErrorResponse | IntegrationLogCreatedResponse]:
    """Create integration exception logs

     Create integration exception logs, which will appear in the connection issue log screen of the
    user's integration.

    Args:
        id (int):
        body (IntegrationLogCreate | Unset): Request body for creating an integration exception
            log.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | IntegrationLogCreatedResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    body: IntegrationLogCreate | Unset = UNSET,
) -> ErrorResponse | IntegrationLogCreatedResponse | None:
    """Create integration exception logs

     Create integration exception logs, which will appear in the connection issue log screen of the
    user's integration.

    Args:
        id (int):
        body (IntegrationLogCreate | Unset): Request body for creating an integration exception
            log.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | IntegrationLogCreatedResponse
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    body: IntegrationLogCreate | Unset = UNSET,
) -> Response[ErrorResponse | IntegrationLogCreatedResponse]:
    """Create integration exception logs

     Create integration exception logs, which will appear in the connection issue log screen of the
    user's integration.

    Args:
        id (int):
        body (IntegrationLogCreate | Unset): Request body for creating an integration exception
            log.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | IntegrationLogCreatedResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    body: IntegrationLogCreate | Unset = UNSET,
) -> ErrorResponse | IntegrationLogCreatedResponse | None:
    """Create integration exception logs

     Create integration exception logs, which will appear in the connection issue log screen of the
    user's integration.

    Args:
        id (int):
        body (IntegrationLogCreate | Unset): Request body for creating an integration exception
            log.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | IntegrationLogCreatedResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
