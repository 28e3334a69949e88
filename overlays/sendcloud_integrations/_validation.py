"""Client-side checks of the spec's constraints, run before anything is sent.

Every failure is a RequestValidationError naming the argument. The constants
here mirror the spec; tests/test_overlay_pins.py fails when the spec changes them.
"""
# pyright strict comes with #14's rework of this module; until then:
# pyright: standard

from __future__ import annotations

import datetime
import re
from collections.abc import Collection, Iterable, Mapping
from typing import Any, NoReturn

from ._errors import RequestValidationError

LANGUAGES = ("en-us", "en-gb", "fr-fr", "de-de", "nl-nl", "es-es", "it-it")
FEEDBACK_TYPES = ("eager", "delayed", "none")
STATUS_CATEGORIES = ("READY_TO_SEND", "IN_TRANSIT", "DELIVERED", "CANCEL")
PAGE_SIZE_MIN, PAGE_SIZE_MAX = 1, 100
SHOP_NAME_MIN, SHOP_NAME_MAX = 1, 250
TRANSLATIONS_MIN, TRANSLATIONS_MAX = 1, 7

UPDATE_FIELDS = frozenset(
    {
        "shop_name",
        "shop_url",
        "service_point_enabled",
        "service_point_carriers",
        "webhook_active",
        "webhook_url",
        "feedback_type",
    }
)
LOG_CREATE_FIELDS = frozenset(
    {
        "base_url",
        "full_url",
        "method",
        "response_code",
        "response",
        "request",
        "created_at",
        "exception_type",
        "exception",
    }
)


_RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s\x00-\x1f\x7f]+")


def fail(field: str, message: str) -> NoReturn:
    raise RequestValidationError(field, message)


def _type_name(value: object) -> str:
    return type(value).__name__


def check_int(field: str, value: object, *, minimum: int | None = None) -> int:
    # bool is an int subclass; True as an id is a bug, not a 1.
    if not isinstance(value, int) or isinstance(value, bool):
        fail(field, f"must be an integer, got {_type_name(value)}")
    if minimum is not None and value < minimum:
        fail(field, f"must be >= {minimum}, got {value}")
    return value


def check_id(field: str, value: object) -> int:
    return check_int(field, value, minimum=1)


def check_page_size(value: object) -> int:
    size = check_int("page_size", value)
    if not PAGE_SIZE_MIN <= size <= PAGE_SIZE_MAX:
        fail("page_size", f"must be between {PAGE_SIZE_MIN} and {PAGE_SIZE_MAX}, got {size}")
    return size


def check_bool(field: str, value: object) -> bool:
    if not isinstance(value, bool):
        fail(field, f"must be a bool, got {_type_name(value)}")
    return value


def check_str(field: str, value: object, *, min_len: int = 0, max_len: int | None = None) -> str:
    if not isinstance(value, str):
        fail(field, f"must be a string, got {_type_name(value)}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate cannot go into a JSON body or a URL; httpx would
        # fail later with a bare UnicodeEncodeError.
        fail(field, "must be valid Unicode text (it contains a lone surrogate)")
    if len(value) < min_len:
        fail(field, f"must be at least {min_len} character(s) long")
    if max_len is not None and len(value) > max_len:
        fail(field, f"must be at most {max_len} characters long, got {len(value)}")
    return value


def check_optional_str(field: str, value: object, *, min_len: int = 0) -> str | None:
    return None if value is None else check_str(field, value, min_len=min_len)


def check_choice(field: str, value: object, choices: Collection[str]) -> str:
    raw = getattr(value, "value", value)  # accept the generated StrEnums too
    if not isinstance(raw, str) or raw not in choices:
        fail(field, f"must be one of {', '.join(choices)}; got {value!r}")
    return raw


def check_known(fields: Iterable[str], allowed: Collection[str]) -> None:
    for name in fields:
        if name not in allowed:
            fail(name, f"unknown argument; expected one of {', '.join(sorted(allowed))}")


def check_update(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The PATCH body for ``integrations.update``."""
    check_known(fields, UPDATE_FIELDS)
    if not fields:
        fail("fields", "give at least one field to update")
    body: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "shop_name":
            body[name] = check_str(name, value, min_len=SHOP_NAME_MIN, max_len=SHOP_NAME_MAX)
        elif name == "shop_url":
            body[name] = check_uri(name, value)
        elif name in ("service_point_enabled", "webhook_active"):
            body[name] = check_bool(name, value)
        elif name == "service_point_carriers":
            if isinstance(value, str) or not isinstance(value, Iterable):
                fail(name, "must be a list of carrier codes")
            body[name] = [check_str(f"{name}[{i}]", c, min_len=1) for i, c in enumerate(value)]
        elif name == "webhook_url":
            body[name] = None if value is None else check_uri(name, value)
        else:
            body[name] = check_choice(name, value, FEEDBACK_TYPES)
    # The spec requires a webhook URL whenever webhooks are switched on; ask for
    # it in the same call rather than rely on one stored earlier.
    if body.get("webhook_active") is True and not body.get("webhook_url"):
        fail("webhook_url", "is required when webhook_active is true")
    return body


def check_log_create(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The POST body for ``exception_logs.create`` (additionalProperties: false)."""
    check_known(fields, LOG_CREATE_FIELDS)
    if "base_url" not in fields:
        fail("base_url", "is required")
    body: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "base_url":
            body[name] = check_str(name, value, min_len=1)
        elif name == "response_code":
            body[name] = None if value is None else check_int(name, value, minimum=0)
        elif name in ("response", "request"):
            if value is not None and not isinstance(value, Mapping):
                fail(name, f"must be a dict or None, got {_type_name(value)}")
            body[name] = None if value is None else dict(value)
        elif name == "created_at":
            body[name] = _check_datetime(name, value)
        else:
            body[name] = check_optional_str(name, value)
    return body


def check_datetime(field: str, value: object) -> str:
    """An RFC 3339 date-time (the spec's ``format: date-time``), offset included."""
    if isinstance(value, datetime.datetime):
        if value.utcoffset() is None:
            fail(field, "must be timezone-aware (a naive datetime has no offset)")
        return value.isoformat()
    if isinstance(value, str):
        if not _RFC3339.fullmatch(value):
            fail(field, f"must be an RFC 3339 date-time with an offset, got {value!r}")
        try:
            datetime.datetime.fromisoformat(value.replace("z", "Z"))
        except ValueError:
            fail(field, f"is not a valid date-time: {value!r}")
        return value
    fail(field, f"must be a datetime or an RFC 3339 string, got {_type_name(value)}")


def check_uri(field: str, value: object) -> str:
    """A URI with a scheme (the spec's ``format: uri``), no whitespace."""
    text = check_str(field, value, min_len=1)
    if not _URI.fullmatch(text):
        fail(field, f"must be an absolute URI such as https://shop.example/, got {text!r}")
    return text


def _check_datetime(field: str, value: object) -> str | None:
    return None if value is None else check_datetime(field, value)


def check_statuses(statuses: object) -> list[dict[str, Any]]:
    """The ``statuses`` array for ``shop_order_statuses.replace``."""
    if isinstance(statuses, str | Mapping) or not isinstance(statuses, Iterable):
        fail("statuses", "must be a list of statuses")
    result: list[dict[str, Any]] = []
    seen_ids: set[str] = set()
    for i, status in enumerate(statuses):
        where = f"statuses[{i}]"
        item = status.to_dict() if hasattr(status, "to_dict") else status
        if not isinstance(item, Mapping):
            fail(where, f"must be a dict, got {_type_name(status)}")
        check_known(
            (f"{where}.{k}" for k in item), {f"{where}.external_id", f"{where}.translations"}
        )
        external_id = check_str(f"{where}.external_id", item.get("external_id"), min_len=1)
        if external_id in seen_ids:
            fail(f"{where}.external_id", f"duplicate external_id {external_id!r}")
        seen_ids.add(external_id)
        result.append(
            {
                "external_id": external_id,
                "translations": _translations(where, item.get("translations")),
            }
        )
    return result


def _translations(where: str, value: object) -> list[dict[str, str]]:
    field = f"{where}.translations"
    if isinstance(value, str | Mapping) or not isinstance(value, Iterable):
        fail(field, "must be a list of {status, language} objects")
    items = [t.to_dict() if hasattr(t, "to_dict") else t for t in value]
    if not TRANSLATIONS_MIN <= len(items) <= TRANSLATIONS_MAX:
        fail(field, f"must have {TRANSLATIONS_MIN} to {TRANSLATIONS_MAX} items, got {len(items)}")
    result: list[dict[str, str]] = []
    languages: set[str] = set()
    for j, item in enumerate(items):
        here = f"{field}[{j}]"
        if not isinstance(item, Mapping):
            fail(here, "must be a {status, language} object")
        check_known((f"{here}.{k}" for k in item), {f"{here}.status", f"{here}.language"})
        status = check_str(f"{here}.status", item.get("status"))
        language = check_choice(f"{here}.language", item.get("language"), LANGUAGES)
        if language in languages:
            fail(f"{here}.language", f"duplicate language {language!r}")
        languages.add(language)
        result.append({"status": status, "language": language})
    return result


def check_mapping(mapping: object) -> list[dict[str, str | None]]:
    """``{category: external_id | None}`` covering each status category exactly once."""
    if not isinstance(mapping, Mapping):
        fail("mapping", "must be a dict of status category -> external_id or None")
    for key in mapping:
        check_choice(f"mapping[{key!r}]", key, STATUS_CATEGORIES)
    keys = {getattr(k, "value", k) for k in mapping}
    missing = [c for c in STATUS_CATEGORIES if c not in keys]
    if missing:
        fail("mapping", f"must map every status category; missing {', '.join(missing)}")
    entries: list[dict[str, str | None]] = []
    seen: set[str] = set()
    for key, external_id in mapping.items():
        category = check_choice(f"mapping[{key!r}]", key, STATUS_CATEGORIES)
        # Distinct keys can name one category (e.g. a caller's own non-str Enum
        # next to the plain string); the spec wants each category exactly once.
        if category in seen:
            fail("mapping", f"maps status category {category} more than once")
        seen.add(category)
        entries.append(
            {
                "status_category": category,
                "external_id": check_optional_str(f"mapping[{category!r}]", external_id),
            }
        )
    return entries
