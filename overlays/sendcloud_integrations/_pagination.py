"""Cursor pagination of exception logs, following the RFC 8288 ``Link`` header.

Lazy: nothing is sent before iteration starts, and only the current page is
held. A next link is followed only once _links.py finds it safe (well-formed,
on the client's own origin), and a link seen before stops iteration with an
error instead of spinning (the same URL, a cursor that does not advance, or the
same page twice in a row); ``max_pages`` is a hard stop. When a page fails for
good, the error carries ``resume_cursor`` (see PaginationError): pass it as
``cursor=`` to continue with no gap and no duplicate.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Generic, NoReturn, TypeVar
from urllib.parse import parse_qs

import httpx
from sendcloud_integrations_api.models.integration_log import IntegrationLog

from . import _parse
from . import _validation as v
from ._capture import capture_and_check
from ._errors import PaginationError, SendcloudError, resumable
from ._links import client_origin, next_link, resolve_next, shown
from ._public import present_as_public
from ._scalar_checks import check_datetime, check_id, check_int, check_str
from ._sender import NO_EXTRAS, AsyncSender, Call, Extras, SyncSender

SenderT = TypeVar("SenderT", SyncSender, AsyncSender)

DEFAULT_PAGE_SIZE = v.PAGE_SIZE_MAX


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
    max_pages: int | None = None


def make_query(
    integration_id: int | None,
    page_size: int,
    cursor: str | datetime.datetime | None,
    limit: int | None,
    max_pages: int | None = None,
) -> _Query:
    """Validate the arguments up front, so a bad call fails before iteration."""
    if integration_id is not None:
        integration_id = check_id("integration_id", integration_id)
    page_size = v.check_page_size(page_size)
    if isinstance(cursor, datetime.datetime):
        cursor = check_datetime("cursor", cursor)
    elif cursor is not None:
        cursor = check_str("cursor", cursor, min_len=1)
    if limit is not None:
        limit = check_int("limit", limit, minimum=0)
        # Never ask for more than we will hand out.
        page_size = max(1, min(page_size, limit))
    if max_pages is not None:
        max_pages = check_int("max_pages", max_pages, minimum=0)
    return _Query(integration_id, page_size, cursor, limit, max_pages)


@functools.cache
def _list_operations() -> tuple[ModuleType, ModuleType]:
    # The generated operation modules (and the error models they import) load with the
    # first listing, not with the first client (issue #17, cold start); then once.
    from sendcloud_integrations_api.api.exception_logs import (
        sc_public_v3_integrations_get_retrieve_integration_logs as integration_logs_op,
    )
    from sendcloud_integrations_api.api.exception_logs import (
        sc_public_v3_integrations_get_retrieve_integrations_logs as all_logs_op,
    )

    return all_logs_op, integration_logs_op


def _first_call(query: _Query, extras: Extras = NO_EXTRAS) -> Call[list[IntegrationLog]]:
    all_logs_op, integration_logs_op = _list_operations()
    kwargs: dict[str, Any]
    if query.integration_id is None:
        kwargs = all_logs_op._get_kwargs(page_size=query.page_size)
    else:
        kwargs = integration_logs_op._get_kwargs(query.integration_id, page_size=query.page_size)
    params: dict[str, Any] = dict(kwargs.get("params", {}))
    if query.cursor is not None:
        # Sent verbatim: a cursor is opaque, re-serialising it could change it.
        params["cursor"] = query.cursor
    return Call("GET", kwargs["url"], _parse.log_list, params, extras=extras)


class _Walker:
    """The page-to-page state shared by the sync and async paginators."""

    def __init__(self, query: _Query, base_url: str, extras: Extras = NO_EXTRAS) -> None:
        self.query = query
        self.origin, self.origin_text = client_origin(base_url)
        self.extras = extras  # the caller's escape hatches, sent with every page
        self.call: Call[list[IntegrationLog]] | None = _first_call(query, extras)
        self.cursor = query.cursor  # the cursor of the page about to be fetched
        self.seen_urls: set[str] = set()
        self.seen_cursors: set[str] = set()
        self.previous_body: int | None = None
        self.remaining = query.limit
        self.pages_left = query.max_pages

    def page(self, response: httpx.Response) -> LogPage:
        items = _parse.log_list(response)
        next_url, next_cursor = self._next(response)
        # A hash, not the bytes: only the current page is held. The same page again,
        # pointing on again, would repeat forever whatever its link says. Hashed only
        # when a next page may follow (hashing 60 kB costs tens of microseconds).
        if (
            items
            and next_url is not None
            and (self.previous_body is not None or self._more(len(items)))
        ):
            body = hash(response.content)
            if self.previous_body == body:
                raise PaginationError("the server sent the same page twice in a row (a loop)")
            self.previous_body = body
        if self.remaining is not None:
            items = items[: self.remaining]
            self.remaining -= len(items)
        if self.pages_left is not None:
            self.pages_left -= 1
        done = not items or next_url is None or self.remaining == 0 or self.pages_left == 0
        self.call = (
            None if done else Call("GET", next_url or "", _parse.log_list, extras=self.extras)
        )
        self.cursor = next_cursor
        return LogPage(items, next_url, next_cursor, response)

    def _more(self, count: int) -> bool:
        """Whether the limits leave room for a page after one of ``count`` items."""
        room = self.remaining is None or self.remaining > count
        return room and (self.pages_left is None or self.pages_left > 1)

    def _next(self, response: httpx.Response) -> tuple[str | None, str | None]:
        raw = next_link(response.headers.get("link"))
        if not raw:
            return None, None
        url, parts = resolve_next(raw, response, self.origin, self.origin_text)
        cursors = parse_qs(parts.query).get("cursor")
        cursor = cursors[0] if cursors else None
        if url in self.seen_urls or (
            cursor is not None and (cursor == self.cursor or cursor in self.seen_cursors)
        ):
            raise PaginationError(f"the server's next link does not advance (a loop): {shown(url)}")
        self.seen_urls.add(url)
        if cursor is not None:
            self.seen_cursors.add(cursor)
        return url, cursor

    def failed(self, exc: SendcloudError) -> SendcloudError:
        return resumable(exc, self.cursor)


def _unsent(walker: _Walker, exc: Exception) -> NoReturn:
    """Raise what a failed send means to the caller; a SendcloudError carries resume_cursor."""
    if isinstance(exc, httpx.InvalidURL | UnicodeError):
        # httpx refused to build the request for a next link that passed our checks.
        name = type(exc).__name__
        error = PaginationError(f"the server's next link is not a valid URL ({name})")
        raise walker.failed(error) from None
    if isinstance(exc, SendcloudError):
        walker.failed(exc)  # the same object, now carrying resume_cursor
    raise exc


class _Paginator(Generic[SenderT]):
    """What both paginators share; each adds only its loop: send (or await), then yield."""

    def __init__(self, sender: SenderT, query: _Query, extras: Extras = NO_EXTRAS) -> None:
        self._sender: SenderT = sender
        self._query = query
        self._extras = extras

    def _walker(self) -> _Walker | None:
        """A new iteration's walk; None when limit=0 or max_pages=0 leave nothing to fetch."""
        if self._query.limit == 0 or self._query.max_pages == 0:
            return None
        return _Walker(self._query, self._sender.options.base_url, self._extras)

    def _page(self, walker: _Walker, response: httpx.Response) -> LogPage:
        try:
            return walker.page(capture_and_check(response, self._sender.options))
        except SendcloudError as exc:
            walker.failed(exc)
            raise


class LogPaginator(_Paginator[SyncSender]):
    """Iterate exception logs lazily: ``for log in ...``, or ``.pages()`` for pages."""

    def pages(self) -> Iterator[LogPage]:
        walker = self._walker()
        while walker is not None and (call := walker.call) is not None:
            try:
                response = self._sender.send_raw(call)
            except Exception as exc:
                _unsent(walker, exc)
            yield self._page(walker, response)
            # Drop our reference before fetching the next page: a page the caller let go
            # is then freed at once, instead of being moved into older GC generations.
            del response

    def __iter__(self) -> Iterator[IntegrationLog]:
        for page in self.pages():
            yield from page.items
            del page  # as in pages(): not held while the next page is fetched


class AsyncLogPaginator(_Paginator[AsyncSender]):
    """Iterate exception logs lazily: ``async for log in ...``, or ``.pages()`` for pages."""

    async def pages(self) -> AsyncIterator[LogPage]:
        walker = self._walker()
        while walker is not None and (call := walker.call) is not None:
            try:
                response = await self._sender.send_raw(call)
            except Exception as exc:
                _unsent(walker, exc)
            yield self._page(walker, response)
            del response  # as in LogPaginator.pages()

    async def __aiter__(self) -> AsyncIterator[IntegrationLog]:
        async for page in self.pages():
            for item in page.items:
                yield item
            del page


# The package loads this module on first use (it imports the generated code), so its
# public classes present themselves as `sendcloud_integrations.X` here, whichever import
# loads it first, instead of in the package's __init__ as the eagerly loaded ones do.
for _public in (LogPage, LogPaginator, AsyncLogPaginator):
    present_as_public(_public)
del _public
