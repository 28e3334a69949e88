"""Cursor pagination of exception logs, following the RFC 8288 ``Link`` header.

Lazy: nothing is sent before iteration starts, and only the current page is
held. A next link is followed only on the client's own origin (credentials
never go elsewhere), and a link seen before stops iteration with an error
instead of spinning. When a page fails for good, the error carries
``resume_cursor``: pass it as ``cursor=`` to continue with no gap and no
duplicate.
"""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
from sendcloud_integrations_api.api.exception_logs import (
    sc_public_v3_integrations_get_retrieve_integration_logs as integration_logs_op,
)
from sendcloud_integrations_api.api.exception_logs import (
    sc_public_v3_integrations_get_retrieve_integrations_logs as all_logs_op,
)
from sendcloud_integrations_api.models.integration_log import IntegrationLog

from . import _parse
from . import _validation as v
from ._errors import SendcloudError
from ._public import present_as_public
from ._sender import AsyncSender, Call, SyncSender, finish_raw

DEFAULT_PAGE_SIZE = v.PAGE_SIZE_MAX


class PaginationError(SendcloudError):
    """The server's next link cannot be followed safely (other origin, or a loop)."""


@dataclass(frozen=True)
class LogPage:
    """One page of exception logs and where the next one is."""

    items: list[IntegrationLog]
    next_url: str | None
    next_cursor: str | None
    response: httpx.Response

    @property
    def has_next_page(self) -> bool:
        return self.next_url is not None and bool(self.items)


@dataclass(frozen=True)
class _Query:
    integration_id: int | None
    page_size: int
    cursor: str | None
    limit: int | None


def make_query(
    integration_id: int | None,
    page_size: int,
    cursor: str | datetime.datetime | None,
    limit: int | None,
) -> _Query:
    """Validate the arguments up front, so a bad call fails before iteration."""
    if integration_id is not None:
        integration_id = v.check_id("integration_id", integration_id)
    page_size = v.check_page_size(page_size)
    if isinstance(cursor, datetime.datetime):
        cursor = v.check_datetime("cursor", cursor)
    elif cursor is not None:
        cursor = v.check_str("cursor", cursor, min_len=1)
    if limit is not None:
        limit = v.check_int("limit", limit, minimum=0)
        # Never ask for more than we will hand out.
        page_size = max(1, min(page_size, limit))
    return _Query(integration_id, page_size, cursor, limit)


def _first_call(query: _Query) -> Call[list[IntegrationLog]]:
    if query.integration_id is None:
        kwargs = all_logs_op._get_kwargs(page_size=query.page_size)
    else:
        kwargs = integration_logs_op._get_kwargs(query.integration_id, page_size=query.page_size)
    params: dict[str, Any] = dict(kwargs.get("params", {}))
    if query.cursor is not None:
        # Sent verbatim: a cursor is opaque, re-serialising it could change it.
        params["cursor"] = query.cursor
    return Call("GET", kwargs["url"], _parse.log_list, params=params)


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    default_port = {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host, url.port or default_port


class _Walker:
    """The page-to-page state shared by the sync and async paginators."""

    def __init__(self, query: _Query, base_url: str) -> None:
        self.query = query
        self.base = httpx.URL(base_url)
        self.call: Call[list[IntegrationLog]] | None = _first_call(query)
        self.cursor = query.cursor  # the cursor of the page about to be fetched
        self.seen: set[str] = set()
        self.remaining = query.limit

    def page(self, response: httpx.Response) -> LogPage:
        items = _parse.log_list(response)
        next_url = self._next_url(response)
        next_cursor = None
        if next_url is not None:
            cursors = parse_qs(urlsplit(next_url).query).get("cursor")
            next_cursor = cursors[0] if cursors else None
        if self.remaining is not None:
            items = items[: self.remaining]
            self.remaining -= len(items)
        done = not items or next_url is None or self.remaining == 0
        self.call = None if done else Call("GET", str(next_url), _parse.log_list)
        self.cursor = next_cursor
        return LogPage(items, next_url, next_cursor, response)

    def _next_url(self, response: httpx.Response) -> str | None:
        link = response.links.get("next")
        raw = link.get("url") if link else None
        if not raw:
            return None
        url = response.url.join(raw)  # relative links resolve against the page
        if _origin(url) != _origin(self.base):
            raise PaginationError(
                f"refusing to follow a next link to another origin: "
                f"{url.scheme}://{url.host}:{url.port or ''} (client origin "
                f"{self.base.scheme}://{self.base.host}:{self.base.port or ''})"
            )
        text = str(url)
        if text in self.seen:
            raise PaginationError(f"the server sent the same next link twice: {text}")
        self.seen.add(text)
        return text

    def failed(self, exc: SendcloudError) -> None:
        exc.resume_cursor = self.cursor


class LogPaginator:
    """Iterate exception logs lazily: ``for log in ...``, or ``.pages()`` for pages."""

    def __init__(self, sender: SyncSender, query: _Query) -> None:
        self._sender = sender
        self._query = query

    def pages(self) -> Iterator[LogPage]:
        if self._query.limit == 0:
            return
        walker = _Walker(self._query, self._sender.options.base_url)
        while walker.call is not None:
            try:
                response = self._sender.send_raw(walker.call)
                page = walker.page(finish_raw(response))
            except SendcloudError as exc:
                walker.failed(exc)
                raise
            yield page
            # Drop our references before fetching the next page: a page the caller let go
            # is then freed at once, instead of being moved into older GC generations.
            del page, response

    def __iter__(self) -> Iterator[IntegrationLog]:
        for page in self.pages():
            yield from page.items
            del page  # as in pages(): not held while the next page is fetched


class AsyncLogPaginator:
    """The async twin: ``async for log in ...``, or ``.pages()``."""

    def __init__(self, sender: AsyncSender, query: _Query) -> None:
        self._sender = sender
        self._query = query

    async def pages(self) -> AsyncIterator[LogPage]:
        if self._query.limit == 0:
            return
        walker = _Walker(self._query, self._sender.options.base_url)
        while walker.call is not None:
            try:
                response = await self._sender.send_raw(walker.call)
                page = walker.page(finish_raw(response))
            except SendcloudError as exc:
                walker.failed(exc)
                raise
            yield page
            del page, response  # as in LogPaginator.pages()

    async def __aiter__(self) -> AsyncIterator[IntegrationLog]:
        async for page in self.pages():
            for item in page.items:
                yield item
            del page


# The package loads this module on first use (it imports the generated code), so its
# public classes present themselves as `sendcloud_integrations.X` here, whichever import
# loads it first, instead of in the package's __init__ as the eagerly loaded ones do.
for _public in (LogPage, LogPaginator, AsyncLogPaginator, PaginationError):
    present_as_public(_public)
del _public
