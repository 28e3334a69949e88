"""``logs list`` and ``logs tail``."""

from __future__ import annotations

import argparse
import datetime
import shlex
import time
from collections.abc import Callable

from .. import APIConnectionError, Client, IntegrationLog, RateLimitError, ServerError
from ._errors import ExitCode, describe
from ._output import Column, Output, Record, field


def _where(record: Record) -> object:
    return record.get("full_url") or record.get("base_url")


LOG_COLUMNS = [
    field("id"),
    field("integration_id", "integration"),
    field("created_at"),
    field("method"),
    field("response_code", "code"),
    Column("url", _where),
    field("exception"),
]


def logs_list(client: Client, args: argparse.Namespace, out: Output) -> int:
    """Up to ``--limit`` logs, newest first, and the cursor that continues exactly after them."""
    rows: list[Record] = []
    cursor: str | None = args.cursor
    remaining: int = args.limit
    more: str | None = None
    while remaining > 0:
        # One page per paginator: with limit=remaining its page size is min(100, remaining),
        # so the page ends exactly where we stop and its next_cursor continues from there.
        pages = client.exception_logs.list(args.integration, cursor=cursor, limit=remaining)
        page = next(iter(pages.pages()), None)
        if page is None:
            break
        rows.extend(log.to_dict() for log in page.items)
        remaining -= len(page.items)
        more = page.next_cursor if page.has_next_page else None
        if more is None:
            break
        cursor = more
    out.records(rows, LOG_COLUMNS)
    if more is not None:
        out.note(f"more logs: continue with --cursor {shlex.quote(more)}")
    return ExitCode.OK


Sleep = Callable[[float], None]

# Failures a poll survives: the next poll tries again (the client has already retried).
_TRANSIENT = (APIConnectionError, RateLimitError, ServerError)


class _Watermark:
    """The newest ``created_at`` printed so far and the ids printed at that instant."""

    def __init__(self) -> None:
        self.at: datetime.datetime | None = None
        self.ids: set[int] = set()

    def is_new(self, log: IntegrationLog) -> bool:
        created = log.created_at
        if not isinstance(created, datetime.datetime) or self.at is None:
            return self.at is None and isinstance(created, datetime.datetime)
        return created > self.at or (created == self.at and log.id not in self.ids)

    def is_older(self, log: IntegrationLog) -> bool:
        created = log.created_at
        return self.at is not None and isinstance(created, datetime.datetime) and created < self.at

    def advance(self, logs: list[IntegrationLog]) -> None:
        for log in logs:
            created = log.created_at
            if not isinstance(created, datetime.datetime) or not isinstance(log.id, int):
                continue
            if self.at is None or created > self.at:
                self.at, self.ids = created, {log.id}
            elif created == self.at:
                self.ids.add(log.id)


def _newest_page(client: Client, integration_id: int | None) -> list[IntegrationLog]:
    page = next(iter(client.exception_logs.list(integration_id).pages()), None)
    return page.items if page is not None else []


def _fresh(client: Client, integration_id: int | None, mark: _Watermark) -> list[IntegrationLog]:
    """Every log newer than the watermark, newest first (pages are read until an older one)."""
    fresh: list[IntegrationLog] = []
    for log in client.exception_logs.list(integration_id):
        if mark.is_older(log):
            break
        if mark.is_new(log):
            fresh.append(log)
    return fresh


def tail(
    client: Client,
    out: Output,
    *,
    integration_id: int | None,
    interval: float,
    sleep: Sleep = time.sleep,
    max_polls: int | None = None,
) -> int:
    """Print logs created after the start as they arrive, oldest first; until Ctrl-C.

    ``max_polls`` (hidden ``--max-polls``) bounds the loop, and ``sleep`` waits between
    polls: both exist so that tests run the real loop without waiting.
    """
    mark = _Watermark()
    mark.advance(_newest_page(client, integration_id))  # what exists now is not printed
    polls = 1
    if out.stderr_tty:
        out.note("waiting for new logs (Ctrl-C to stop)")
    while max_polls is None or polls < max_polls:
        sleep(interval)
        polls += 1
        try:
            fresh = _fresh(client, integration_id, mark)
        except _TRANSIENT as exc:
            out.note(f"warning: {describe(exc)[0]}; polling again in {interval:g} s")
            continue
        for log in reversed(fresh):
            out.stream(log.to_dict(), LOG_COLUMNS)
        mark.advance(fresh)
    return ExitCode.OK


def logs_tail(client: Client, args: argparse.Namespace, out: Output) -> int:
    return tail(
        client,
        out,
        integration_id=args.integration,
        interval=args.interval,
        max_polls=args.max_polls,
    )
