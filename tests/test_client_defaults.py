"""Client defaults: a caller's client timeout, non-transient errors, retries under trio."""

from __future__ import annotations

import httpx
import pytest
import sendcloud_integrations as sc


def _fail(_: httpx.Request) -> httpx.Response:
    raise AssertionError("no request expected")


def test_a_callers_http_client_keeps_its_own_timeout() -> None:
    """Without timeout=, requests use the caller's httpx client timeout, not ours."""
    seen: list[object] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"])
        return httpx.Response(200, json={"data": []})

    own = httpx.Client(transport=httpx.MockTransport(handler), timeout=httpx.Timeout(3.0))
    with sc.Client(http_client=own) as client:
        client.integrations.list()
        assert client.timeout == httpx.Timeout(3.0)
    own.close()
    assert seen == [httpx.Timeout(3.0).as_dict()]


def test_our_own_http_client_gets_the_finite_default_timeout() -> None:
    """With no timeout= and no http_client, the default is connect 5 s, read 30 s."""
    with sc.Client(transport=httpx.MockTransport(_fail)) as client:
        assert client.timeout == httpx.Timeout(30.0, connect=5.0)


@pytest.mark.parametrize(
    "error",
    [httpx.UnsupportedProtocol("ftp"), httpx.LocalProtocolError("bad header")],
)
def test_configuration_errors_are_not_retried(error: httpx.TransportError) -> None:
    """Errors of our own making (bad scheme, bad header) fail at once instead of being retried."""
    calls: list[httpx.Request] = []
    sleeps: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        raise error

    with (
        sc.Client(transport=httpx.MockTransport(handler), sleep=sleeps.append) as client,
        pytest.raises(sc.APIConnectionError),
    ):
        client.integrations.get(1)
    assert len(calls) == 1
    assert sleeps == []


def test_async_client_retries_under_trio() -> None:
    """AsyncClient's default sleep is anyio's, so retries work on trio as well as asyncio."""
    import anyio

    attempts: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(1)
        if len(attempts) == 1:
            return httpx.Response(503, headers={"Retry-After": "0"})
        return httpx.Response(200, json={"data": []})

    async def main() -> list[sc.Integration]:
        async with sc.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            return await client.integrations.list()

    assert anyio.run(main, backend="trio") == []
    assert len(attempts) == 2
