"""``sc.DefaultAioHttpClient``: the SDK's defaults, its errors, and life without the extra.

The behavioural suites run on this backend in tests/test_suites_on_sandbox.py; here
are the failures a sandbox cannot stage: a server that never answers, a closed port.
"""

from __future__ import annotations

import pickle
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations._config import DEFAULT_LIMITS, DEFAULT_TIMEOUT, USER_AGENT

pytestmark = pytest.mark.anyio

BACKENDS = ["httpx", "aiohttp"]


@contextmanager
def _silent_server() -> Iterator[str]:
    """A loopback port that accepts connections (the kernel's backlog) and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/api/v3"


def _closed_port() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/v3"


class _Sleeps:
    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture
def sleeps() -> _Sleeps:
    return _Sleeps()


def _client(backend: str, base_url: str, sleep: _Sleeps, **options: object) -> sc.AsyncClient:
    if backend == "aiohttp":
        options["http_client"] = sc.DefaultAioHttpClient(timeout=options.pop("timeout", None))
    return sc.AsyncClient(
        auth=sc.BasicAuth("pk", "sk"),
        base_url=base_url,
        sleep=sleep,
        **options,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_server_that_never_answers_is_an_api_timeout_retried_for_gets(
    backend: str, sleeps: _Sleeps
) -> None:
    """A read timeout raises APITimeoutError after the same retries on both backends."""
    with _silent_server() as base_url:
        async with _client(backend, base_url, sleeps, timeout=0.05, max_retries=2) as client:
            with pytest.raises(sc.APITimeoutError) as caught:
                await client.integrations.get(1)
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)
    assert len(sleeps.delays) == 2


@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_refused_connection_is_an_api_connection_error_retried_even_for_posts(
    backend: str, sleeps: _Sleeps
) -> None:
    """A refused connect is APIConnectionError (not a timeout), retried also for a POST."""
    async with _client(backend, _closed_port(), sleeps, max_retries=1) as client:
        with pytest.raises(sc.APIConnectionError) as caught:
            await client.exception_logs.create(1, base_url="https://shop.example")
    assert not isinstance(caught.value, sc.APITimeoutError)
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    assert len(sleeps.delays) == 1


async def test_the_sdk_defaults_apply_and_keyword_arguments_win() -> None:
    """Timeout, limits, User-Agent and Accept default to the SDK's; given ones override them."""
    async with sc.DefaultAioHttpClient() as plain:
        assert plain.timeout == DEFAULT_TIMEOUT
        assert plain.headers["User-Agent"] == USER_AGENT
        assert plain.headers["Accept"] == "application/json"
        assert plain._transport.limits == DEFAULT_LIMITS  # type: ignore[attr-defined]
    limits = httpx.Limits(max_connections=7)
    async with sc.DefaultAioHttpClient(
        timeout=3.0, limits=limits, headers={"X-Trace": "1"}
    ) as tuned:
        assert tuned.timeout == httpx.Timeout(3.0)
        assert tuned.headers["X-Trace"] == "1"
        assert tuned.headers["User-Agent"] == USER_AGENT
        assert tuned._transport.limits == limits  # type: ignore[attr-defined]


async def test_the_async_client_closes_the_aiohttp_client_it_was_given() -> None:
    """``AsyncClient(http_client=sc.DefaultAioHttpClient())`` leaves nothing open on exit."""
    http = sc.DefaultAioHttpClient()
    async with sc.AsyncClient(http_client=http):
        pass
    assert http.is_closed


def test_without_the_extra_building_one_raises_missing_extra_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With httpx-aiohttp absent, the constructor names the extra; the error is an ImportError."""
    monkeypatch.setitem(sys.modules, "httpx_aiohttp", None)  # makes the import fail
    with pytest.raises(sc.MissingExtraError, match=r"sendcloud-integrations\[aiohttp\]") as caught:
        sc.DefaultAioHttpClient()
    assert caught.value.extra == "aiohttp"
    assert isinstance(caught.value, ImportError)
    assert isinstance(caught.value, sc.SendcloudError)


def test_missing_extra_error_pickles_to_itself() -> None:
    """A MissingExtraError survives pickling with its message and extra."""
    error = sc.MissingExtraError("needs it", extra="aiohttp")
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.extra) == (sc.MissingExtraError, "needs it", "aiohttp")


@pytest.mark.parametrize(
    ("limits", "expected"),
    [(DEFAULT_LIMITS, DEFAULT_LIMITS.max_connections), (httpx.Limits(max_connections=None), 0)],
)
async def test_connection_limits_reach_aiohttp_as_httpx_means_them(
    limits: httpx.Limits, expected: int
) -> None:
    """max_connections goes to aiohttp's connector; None (no maximum) becomes aiohttp's 0."""
    async with sc.DefaultAioHttpClient(limits=limits) as http:
        session = http._transport.get_client()  # type: ignore[attr-defined]
        try:
            assert session.connector.limit == expected
        finally:
            await session.close()
