"""The sandbox's data: integrations, exception logs, shop order statuses, status mappings."""

from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from .. import _request_table as table
from ._clock import isoformat

# The spec's facts come from the generated request table, never typed here.
STATUS_CATEGORIES: tuple[str, ...] = tuple(
    table.body_schema(table.SET_MAPPING, "mapping", "[]", "status_category").get("enum", ())
)
# What PATCH may change: every field of its body (the spec's integration-model).
EDITABLE: tuple[str, ...] = tuple(table.body_schema(table.UPDATE_INTEGRATION).get("properties", {}))
# What a created log keeps: every field of the create body but created_at (a column).
LOG_FIELDS: tuple[str, ...] = tuple(
    name
    for name in table.body_schema(table.CREATE_LOG).get("properties", {})
    if name != "created_at"
)
PRESTASHOP_V2 = "prestashop_v2"


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else isoformat(moment)


@dataclass
class Integration:
    id: int
    shop_name: str
    shop_url: str
    type: str
    created_at: datetime
    updated_at: datetime
    started_failing_at: datetime | None = None
    last_fetched_at: datetime | None = None
    service_point_enabled: bool = False
    service_point_carriers: list[str] = field(default_factory=list[str])
    webhook_active: bool = False
    webhook_url: str | None = None
    feedback_type: str = "eager"
    # Fields the spec added after this class was written (set by PATCH), kept and shown.
    extra: dict[str, Any] = field(default_factory=dict[str, Any])

    def to_json(self) -> dict[str, Any]:
        return {
            **self.extra,
            "id": self.id,
            "shop_name": self.shop_name,
            "shop_url": self.shop_url,
            "type": self.type,
            "started_failing_at": _iso(self.started_failing_at),
            "last_fetched_at": _iso(self.last_fetched_at),
            "created_at": _iso(self.created_at),
            "updated_at": _iso(self.updated_at),
            "service_point_enabled": self.service_point_enabled,
            "service_point_carriers": list(self.service_point_carriers),
            "webhook_active": self.webhook_active,
            "webhook_url": self.webhook_url,
            "feedback_type": self.feedback_type,
        }


@dataclass
class ShopOrderStatus:
    external_id: str
    translations: dict[str, str]  # language -> status text, in the order given
    deleted_at: datetime | None = None

    def status_in(self, language: str | None) -> str:
        """The spec's fallback: the asked language, else en-gb, else the first alphabetically."""
        for wanted in (language, "en-gb"):
            if wanted and wanted in self.translations:
                return self.translations[wanted]
        return self.translations[min(self.translations)]

    def to_json(self, language: str | None) -> dict[str, Any]:
        return {
            "external_id": self.external_id,
            "status": self.status_in(language),
            "deleted_at": _iso(self.deleted_at),
            "translations": [
                {"status": s, "language": lang} for lang, s in self.translations.items()
            ],
        }


@dataclass
class LogRecord:
    id: int
    integration_id: int
    created_at: datetime
    fields: dict[str, Any]

    @property
    def key(self) -> tuple[int, int]:
        """Position in the newest-first order: (created_at in µs since the epoch, id)."""
        return (epoch_micros(self.created_at), self.id)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "integration_id": self.integration_id,
            **{name: self.fields.get(name) for name in LOG_FIELDS},
            "created_at": isoformat(self.created_at),
            "protected": False,
            "additional_data": "",
        }


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def epoch_micros(moment: datetime) -> int:
    return (moment - _EPOCH) // timedelta(microseconds=1)


class LogStore:
    """Logs kept in sorted key lists, so a page costs a bisection, even at 100 000 records."""

    def __init__(self) -> None:
        self.records: dict[int, LogRecord] = {}
        self._all: list[tuple[int, int]] = []
        self._by_integration: dict[int, list[tuple[int, int]]] = {}

    def __len__(self) -> int:
        return len(self.records)

    def add(self, record: LogRecord) -> None:
        self.records[record.id] = record
        bisect.insort(self._all, record.key)
        bisect.insort(self._by_integration.setdefault(record.integration_id, []), record.key)

    def extend_sorted(self, records: list[LogRecord]) -> None:
        """Bulk load (seed data): one sort instead of one insertion per record."""
        for record in records:
            self.records[record.id] = record
            self._by_integration.setdefault(record.integration_id, []).append(record.key)
        self._all.extend(r.key for r in records)
        self._all.sort()
        for keys in self._by_integration.values():
            keys.sort()

    def drop_integration(self, integration_id: int) -> None:
        gone = set(self._by_integration.pop(integration_id, []))
        if gone:
            self._all = [k for k in self._all if k not in gone]
            for _, log_id in gone:
                del self.records[log_id]

    def page(
        self, integration_id: int | None, before: tuple[int, int] | None, size: int
    ) -> tuple[list[LogRecord], bool]:
        """Up to ``size`` records older than ``before``, newest first, and whether more remain."""
        keys = self._all if integration_id is None else self._by_integration.get(integration_id, [])
        end = len(keys) if before is None else bisect.bisect_left(keys, before)
        start = max(0, end - size)
        chosen = [self.records[log_id] for _, log_id in reversed(keys[start:end])]
        return chosen, start > 0


class State:
    """Everything one sandbox user owns; guard every access with ``lock``."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.integrations: dict[int, Integration] = {}
        self.statuses: dict[int, dict[str, ShopOrderStatus]] = {}
        self.mappings: dict[int, dict[str, str | None]] = {}
        self.logs = LogStore()
        self._next_log_id = 1

    def next_log_id(self) -> int:
        log_id = self._next_log_id
        self._next_log_id += 1
        return log_id

    def reserve_log_ids(self, count: int) -> int:
        """The first of ``count`` fresh ids (for bulk seeding)."""
        first = self._next_log_id
        self._next_log_id += count
        return first
