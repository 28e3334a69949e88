"""The real sc.Client and sc.AsyncClient against the sandbox, in-process and over loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
import sendcloud_integrations as sc
from sendcloud_integrations.testing import PRESTASHOP_ID, Sandbox

MODES = ("in-process", "loopback")


def _auth(sandbox: Sandbox) -> sc.BasicAuth:
    return sc.BasicAuth(sandbox.credentials.public_key, sandbox.credentials.secret_key)


@pytest.fixture(params=MODES)
def client(request: pytest.FixtureRequest, sandbox: Sandbox) -> Iterator[sc.Client]:
    if request.param == "in-process":
        transport = sandbox.transport()
        with sc.Client(auth=_auth(sandbox), base_url=sandbox.base_url, transport=transport) as c:
            yield c
    else:
        with (
            sandbox.serve() as server,
            sc.Client(auth=_auth(sandbox), base_url=server.base_url) as c,
        ):
            yield c


@pytest.fixture(params=MODES)
async def aclient(
    request: pytest.FixtureRequest, sandbox: Sandbox
) -> AsyncIterator[sc.AsyncClient]:
    if request.param == "in-process":
        transport = sandbox.transport()
        async with sc.AsyncClient(
            auth=_auth(sandbox), base_url=sandbox.base_url, transport=transport
        ) as c:
            yield c
    else:
        with sandbox.serve() as server:
            async with sc.AsyncClient(auth=_auth(sandbox), base_url=server.base_url) as c:
                yield c


def test_client_iterates_every_log_across_pages(client: sc.Client) -> None:
    """exception_logs.list() walks all 300 seeded logs through the sandbox's Link headers."""
    ids = [log.id for log in client.exception_logs.list(page_size=100)]
    assert ids == list(range(300, 0, -1))


def test_client_update_then_get(client: sc.Client) -> None:
    """integrations.update() then get() round-trips through the sandbox."""
    client.integrations.update(PRESTASHOP_ID, shop_name="Via the client")
    assert client.integrations.get(PRESTASHOP_ID).shop_name == "Via the client"


def test_client_maps_sandbox_errors_to_typed_exceptions(
    client: sc.Client, sandbox: Sandbox
) -> None:
    """The sandbox's 404 and 429 become NotFoundError and, after retries, RateLimitError."""
    with pytest.raises(sc.NotFoundError):
        client.integrations.get(999)
    sandbox.faults.rate_limit(retry_after=0)
    with pytest.raises(sc.RateLimitError):
        client.with_options(max_retries=0).integrations.list()


def test_client_oauth2_refreshes_an_expired_token(sandbox: Sandbox) -> None:
    """OAuth2ClientCredentials gets a new token when the sandbox expires the current one."""
    creds = sandbox.credentials
    oauth = sc.OAuth2ClientCredentials(
        creds.client_id, creds.client_secret, token_url=sandbox.token_url
    )
    with sc.Client(auth=oauth, base_url=sandbox.base_url, transport=sandbox.transport()) as c:
        c.integrations.list()
        sandbox.faults.expire_token_after(0)
        assert c.integrations.get(PRESTASHOP_ID).id == PRESTASHOP_ID
    assert sandbox.tokens.issued == 2


@pytest.mark.anyio
async def test_async_client_iterates_and_creates(aclient: sc.AsyncClient) -> None:
    """AsyncClient creates a log and finds it first when iterating all logs."""
    created = await aclient.exception_logs.create(PRESTASHOP_ID, base_url="https://a.example")
    seen = [log.id async for log in aclient.exception_logs.list(page_size=100)]
    assert seen[0] == created.id
    assert len(seen) == 301
