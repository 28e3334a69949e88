"""Clocks the sandbox reads instead of the wall clock, so tests never sleep."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Now, in UTC."""
    return datetime.now(UTC)


class ManualClock:
    """A clock that only moves when told to (``advance``), safe to share across threads."""

    def __init__(self, start: datetime | None = None) -> None:
        start = start or datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
        if start.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        self._now = start
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            return self._now

    def advance(self, seconds: float = 0.0, **kwargs: float) -> datetime:
        """Move forward by ``seconds`` (plus any timedelta keywords); return the new now."""
        with self._lock:
            self._now += timedelta(seconds=seconds, **kwargs)
            return self._now

    def set(self, now: datetime) -> None:
        if now.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        with self._lock:
            self._now = now

    def __repr__(self) -> str:
        return f"ManualClock({self().isoformat()})"


def isoformat(moment: datetime) -> str:
    """RFC 3339 text, with ``Z`` for UTC as the API writes it."""
    text = moment.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text
