"""Single-flight token fetching under concurrency, against a real HTTP server on 127.0.0.1.

The token endpoint holds its answer until every caller has looked at the token
cache (counted through the injected clock), so the callers really do overlap
with the fetch; no test sleeps or measures time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import anyio
import httpx
import pytest
from sendcloud_integrations import AuthenticationError
from sendcloud_integrations._oauth2 import OAuth2ClientCredentials

from .auth_fakes import (
    API_URL,
    CLIENT_ID,
    CLIENT_SECRET,
    TOKEN_PATH,
    FakeClock,
    FakeSendcloud,
    json_reply,
    serve,
)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def fake() -> FakeSendcloud:
    return FakeSendcloud(expires_in=3600)


@pytest.fixture
def base_url(fake: FakeSendcloud) -> Iterator[str]:
    with serve(fake) as url:
        yield url


def task_id() -> int:
    return anyio.get_current_task().id


def make_auth(base_url: str, clock: FakeClock) -> OAuth2ClientCredentials:
    return OAuth2ClientCredentials(
        CLIENT_ID, CLIENT_SECRET, token_url=base_url + TOKEN_PATH, clock=clock
    )


def run_in_threads(count: int, call: Callable[[], httpx.Response]) -> list[object]:
    """Start ``count`` threads together; each result is a Response or the exception raised."""
    results: list[object] = [None] * count
    barrier = threading.Barrier(count)

    def worker(i: int) -> None:
        barrier.wait()
        try:
            results[i] = call()
        except Exception as exc:
            results[i] = exc

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.anyio
async def test_50_concurrent_async_requests_with_an_empty_cache_send_one_token_request(
    fake: FakeSendcloud, base_url: str
) -> None:
    """50 tasks start with no token: one token request goes out and all 50 use its token."""
    clock = FakeClock(identify=task_id)
    overlapped: list[bool] = []
    fake.before_token = lambda: overlapped.append(clock.wait_for_readers(50))
    responses: list[httpx.Response] = []

    async with httpx.AsyncClient(auth=make_auth(base_url, clock), base_url=base_url) as client:

        async def call() -> None:
            responses.append(await client.get("/api/v3/integrations"))

        async with anyio.create_task_group() as tasks:
            for _ in range(50):
                tasks.start_soon(call)

    assert overlapped == [True]
    assert len(fake.token_requests) == 1
    assert [r.status_code for r in responses] == [200] * 50
    assert {r.json()["authorization"] for r in responses} == {"Bearer tok-1"}


def test_16_threads_with_an_expired_token_send_exactly_one_token_request(
    fake: FakeSendcloud, base_url: str
) -> None:
    """16 threads find the cached token expired: one refresh, and all 16 use the new token."""
    clock = FakeClock()
    with httpx.Client(auth=make_auth(base_url, clock), base_url=base_url) as client:
        client.get("/api/v3/integrations")
        clock.now = 3600.0
        clock.forget_readers()
        overlapped: list[bool] = []
        fake.before_token = lambda: overlapped.append(clock.wait_for_readers(16))
        results = run_in_threads(16, lambda: client.get("/api/v3/integrations"))

    assert overlapped == [True]
    assert len(fake.token_requests) == 2
    assert all(isinstance(r, httpx.Response) for r in results), results
    assert {r.json()["authorization"] for r in results if isinstance(r, httpx.Response)} == {
        "Bearer tok-2"
    }


def test_16_threads_hit_by_401_refresh_the_token_once(fake: FakeSendcloud, base_url: str) -> None:
    """All 16 threads get a 401 for a revoked token: one refresh, each replays once, all succeed."""
    clock = FakeClock()
    with httpx.Client(auth=make_auth(base_url, clock), base_url=base_url) as client:
        client.get("/api/v3/integrations")
        fake.revoke_all()
        overlapped: list[bool] = []
        fake.before_token = lambda: overlapped.append(fake.wait_for_api_requests(1 + 16))
        results = run_in_threads(16, lambda: client.get("/api/v3/integrations"))

    assert overlapped == [True]
    assert len(fake.token_requests) == 2
    assert all(isinstance(r, httpx.Response) and r.status_code == 200 for r in results), results
    assert len(fake.api_requests) == 1 + 16 + 16


def test_threads_waiting_on_a_failed_fetch_share_its_error(
    fake: FakeSendcloud, base_url: str
) -> None:
    """invalid_client while 16 threads wait: one token request, and all 16 raise the error."""
    clock = FakeClock()
    fake.token_script.append(json_reply(401, {"error": "invalid_client"}))
    overlapped: list[bool] = []
    fake.before_token = lambda: overlapped.append(clock.wait_for_readers(16))
    with httpx.Client(auth=make_auth(base_url, clock), base_url=base_url) as client:
        results = run_in_threads(16, lambda: client.get("/api/v3/integrations"))

    assert overlapped == [True]
    assert len(fake.token_requests) == 1
    assert all(isinstance(r, AuthenticationError) for r in results), results
    assert fake.api_requests == []


@pytest.mark.anyio
async def test_cancelling_the_fetching_task_releases_the_lock() -> None:
    """A task cancelled mid token request leaves the lock free; the next request gets a token."""
    fake = FakeSendcloud()
    in_flight, never = anyio.Event(), anyio.Event()

    async def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == TOKEN_PATH and not in_flight.is_set():
            in_flight.set()
            await never.wait()
        return fake.transport().handle_request(request)

    auth = OAuth2ClientCredentials(CLIENT_ID, CLIENT_SECRET, clock=FakeClock())
    async with httpx.AsyncClient(auth=auth, transport=httpx.MockTransport(handler)) as client:
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(client.get, API_URL)
            await in_flight.wait()
            tasks.cancel_scope.cancel()
        assert auth._async_lock is not None
        assert not auth._async_lock.locked()  # guards the next call against a deadlock
        response = await client.get(API_URL)
    assert response.status_code == 200
    assert len(fake.token_requests) == 1
