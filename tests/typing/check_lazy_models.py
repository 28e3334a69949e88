"""The lazily loaded names as type checkers see them: checked by ``nox -s typing``, never run.

The generated ``models`` package imports each model on first use; its ``TYPE_CHECKING``
imports must still show every name, and only those (a misspelt one is an error).
"""

from __future__ import annotations

from typing import assert_type

import sendcloud_integrations as sc
from sendcloud_integrations_api import models
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
