"""Shared by the sandbox tests: an httpx client for each way of running the sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import httpx
from sendcloud_integrations.testing import Sandbox

MODES = ("in-process", "loopback")


def basic_auth(sandbox: Sandbox) -> httpx.BasicAuth:
    return httpx.BasicAuth(sandbox.credentials.public_key, sandbox.credentials.secret_key)


@contextmanager
def open_client(
    sandbox: Sandbox, mode: str, auth: httpx.Auth | None = None
) -> Iterator[httpx.Client]:
    """A client whose base_url is the sandbox's /api/v3, in-process or over loopback HTTP."""
    auth = auth or basic_auth(sandbox)
    if mode == "in-process":
        transport = sandbox.transport()
        with httpx.Client(transport=transport, base_url=sandbox.base_url, auth=auth) as client:
            yield client
    else:
        with sandbox.serve() as server, httpx.Client(base_url=server.base_url, auth=auth) as client:
            yield client


def token_url(client: httpx.Client) -> str:
    return str(client.base_url.copy_with(path="/oauth2/token/"))
