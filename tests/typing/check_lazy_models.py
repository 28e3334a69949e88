"""The lazily loaded names as type checkers see them: checked by ``nox -s typing``, never run.

The generated ``models`` package imports each model on first use, and the generated
package its clients; their ``TYPE_CHECKING`` imports must still show every name, and only
those (a misspelt one is an error). So must the package's own lazy names.
"""

from __future__ import annotations

from typing import assert_type

import sendcloud_integrations as sc
import sendcloud_integrations_api
from sendcloud_integrations_api import AuthenticatedClient, Client, models
from sendcloud_integrations_api.models import ErrorResponse, Integration, StatusMappingEntry


def lazy_models() -> None:
    assert_type(Integration.from_dict({"id": 1}), Integration)
    assert_type(models.StatusMappingEntry, type[StatusMappingEntry])
    assert_type(ErrorResponse.from_dict({"errors": []}), ErrorResponse)
    models.NoSuchModel  # type: ignore[attr-defined]  # noqa: B018


async def aiohttp_backend() -> None:
    http = sc.DefaultAioHttpClient(timeout=5.0, headers={"X-Trace": "1"})
    assert_type(http, sc.DefaultAioHttpClient)
    async with sc.AsyncClient(http_client=http) as client:
        assert_type(await client.integrations.get(1), sc.Integration)


def lazy_generated_clients() -> None:
    client = AuthenticatedClient("https://panel.sendcloud.sc/api/v3", token="t")
    assert_type(client.token, str)
    assert_type(sendcloud_integrations_api.Client, type[Client])
    sendcloud_integrations_api.NoSuchClient  # type: ignore[attr-defined]  # noqa: B018


def lazy_package_names() -> None:
    assert_type(sc.OAuth2ClientCredentials("id", "secret").client_id, str)
    assert_type(sc.ErrorDetail(code="c").code, str | None)
    assert_type(sc.MemoryTokenStore().lock_timeout, float)
    assert_type(sc.RetryPolicy(max_retries=1).max_retries, int)
    sc.NoSuchName  # type: ignore[attr-defined]  # noqa: B018
