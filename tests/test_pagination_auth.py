"""Pagination with OAuth2: a 401 mid-iteration refreshes the token; fan-out shares one token."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
import sendcloud_integrations as sc

from ._log_server import LogPages, serve

ORIGIN = "https://panel.sendcloud.sc"


class TokenGate:
    """Wraps LogPages behind a token endpoint; ``revoke()`` makes the current token stale."""

    def __init__(self, pages: LogPages) -> None:
        self.pages = pages
        self.issued = 0
        self.valid: set[str] = set()
        self.unauthorized = 0
        self.lock = threading.Lock()

    def revoke(self) -> None:
        with self.lock:
            self.valid.clear()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth2/token/":
            with self.lock:
                self.issued += 1
                token = f"token-{self.issued}"
                self.valid.add(token)
            return httpx.Response(
                200, json={"access_token": token, "token_type": "Bearer", "expires_in": 3600}
            )
        with self.lock:
            ok = request.headers.get("Authorization", "").removeprefix("Bearer ") in self.valid
            if not ok:
                self.unauthorized += 1
        if not ok:
            return httpx.Response(401, json={"errors": [{"code": "authentication_failed"}]})
        return self.pages(request)


@contextmanager
def oauth_client(gate: TokenGate, mode: str) -> Iterator[sc.Client]:
    if mode == "in-process":
        base, transport = f"{ORIGIN}/api/v3", httpx.MockTransport(gate)
        with _client(base, transport) as client:
            yield client
    else:
        with serve(gate) as base, _client(base, None) as client:
            yield client


def _client(base: str, transport: httpx.BaseTransport | None) -> sc.Client:
    origin = base.rsplit("/api/v3", 1)[0]
    auth = sc.OAuth2ClientCredentials(
        "client-id", "client-secret", token_url=f"{origin}/oauth2/token/"
    )
    return sc.Client(auth=auth, base_url=base, transport=transport, sleep=lambda _: None)


@pytest.mark.parametrize("mode", ["in-process", "loopback"])
def test_a_401_mid_iteration_refreshes_and_continues_without_loss(mode: str) -> None:
    """Revoking the token after page 2 costs one 401 and one refresh; no record lost or repeated."""
    pages = LogPages(450)
    gate = TokenGate(pages)
    with oauth_client(gate, mode) as client:
        logs = iter(client.exception_logs.list())
        head = [next(logs).id for _ in range(200)]
        gate.revoke()
        tail = [log.id for log in logs]
    assert head + tail == list(range(450, 0, -1))
    assert gate.issued == 2
    assert gate.unauthorized == 1
    assert len(pages.requests) == 5


@pytest.mark.anyio
async def test_fan_out_shares_one_token() -> None:
    """asyncio.gather over 25 integrations' logs on one AsyncClient fetches a single token."""
    pages = LogPages(120)
    gate = TokenGate(pages)
    auth = sc.OAuth2ClientCredentials(
        "client-id", "client-secret", token_url=f"{ORIGIN}/oauth2/token/"
    )
    async with sc.AsyncClient(
        auth=auth, base_url=f"{ORIGIN}/api/v3", transport=httpx.MockTransport(gate)
    ) as client:

        async def count(integration_id: int) -> int:
            return len([log async for log in client.exception_logs.list(integration_id)])

        counts = await asyncio.gather(*(count(i) for i in range(1, 26)))
    assert counts == [120] * 25
    assert gate.issued == 1
    assert gate.unauthorized == 0
