"""The paginators let go of a page before fetching the next one (issue #10: flat memory)."""

from __future__ import annotations

import weakref
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc

from ._log_server import LogPages

# Never resolvable: the mock transport answers.
BASE = "https://pages.invalid/api/v3"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class _Watch:
    """Serves LogPages; on the second request, records whether a watched object is alive."""

    def __init__(self) -> None:
        self.pages = LogPages(30)
        self.watched: weakref.ref[Any] | None = None
        self.alive_when_page_two_was_fetched: bool | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        second = request.url.params.get("cursor") is not None
        if second and self.watched is not None and self.alive_when_page_two_was_fetched is None:
            self.alive_when_page_two_was_fetched = self.watched() is not None
        return self.pages(request)

    def watch(self, obj: object) -> None:
        if self.watched is None:
            self.watched = weakref.ref(obj)


def test_logs_of_a_finished_page_are_freed_before_the_next_request() -> None:
    """Iterating logs, the first page's logs are gone (unless kept) when page two is fetched."""
    watch = _Watch()
    with sc.Client(base_url=BASE, transport=httpx.MockTransport(watch)) as client:
        count = 0
        for log in client.exception_logs.list(page_size=10):
            watch.watch(log)
            count += 1
    assert count == 30
    assert watch.alive_when_page_two_was_fetched is False


def test_a_finished_page_is_freed_before_the_next_request() -> None:
    """Iterating pages, a page the caller dropped is gone when the next one is fetched."""
    watch = _Watch()
    with sc.Client(base_url=BASE, transport=httpx.MockTransport(watch)) as client:
        sizes = []
        for page in client.exception_logs.list(page_size=10).pages():
            watch.watch(page)
            sizes.append(len(page.items))
            del page
    assert sizes == [10, 10, 10, 0]
    assert watch.alive_when_page_two_was_fetched is False


@pytest.mark.anyio
async def test_async_logs_of_a_finished_page_are_freed_before_the_next_request() -> None:
    """The async paginator lets the first page's logs go before fetching page two."""
    watch = _Watch()
    transport = httpx.MockTransport(watch)
    async with sc.AsyncClient(base_url=BASE, transport=transport) as client:
        count = 0
        async for log in client.exception_logs.list(page_size=10):
            watch.watch(log)
            count += 1
    assert count == 30
    assert watch.alive_when_page_two_was_fetched is False


def test_pages_the_caller_keeps_stay_intact() -> None:
    """Releasing its own references never frees what the caller still holds."""
    with sc.Client(base_url=BASE, transport=httpx.MockTransport(LogPages(30))) as client:
        kept = list(client.exception_logs.list(page_size=10).pages())
    assert [len(p.items) for p in kept] == [10, 10, 10, 0]
    assert [log.id for log in kept[0].items] == list(range(30, 20, -1))
