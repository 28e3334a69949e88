"""The request rules the spec states only in prose, each a named function.

Everything else the spec says about a request is generated (see _validation.py);
each rule here is pinned in tests/overlay_pins.py, which fails naming the rule when
the spec no longer says what it relies on.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from ._validation import as_plain, check_schema, fail


def rule_webhook_url_with_webhook_active(body: Mapping[str, Any]) -> None:
    """integration-model: "A value for webhook_url is required if webhook_active is true".

    Asked for in the same call rather than relying on one stored earlier.
    """
    if body.get("webhook_active") is True and not body.get("webhook_url"):
        fail("webhook_url", "is required when webhook_active is true")


def rule_unique_external_ids(statuses: list[Mapping[str, Any]]) -> None:
    """post-shop-order-statuses: one status per external_id (the server keeps the last)."""
    seen: set[object] = set()
    for i, status in enumerate(statuses):
        external_id = status.get("external_id")
        if external_id in seen:
            fail(f"statuses[{i}].external_id", f"duplicate external_id {external_id!r}")
        seen.add(external_id)


def rule_one_translation_per_language(statuses: list[Mapping[str, Any]]) -> None:
    """post-shop-order-statuses: a status is translated at most once into each language."""
    for i, status in enumerate(statuses):
        languages: set[object] = set()
        for j, translation in enumerate(status.get("translations") or ()):
            language = translation.get("language") if isinstance(translation, Mapping) else None
            if language in languages:
                where = f"statuses[{i}].translations[{j}].language"
                fail(where, f"duplicate language {language!r}")
            languages.add(language)


def rule_every_status_category_once(
    mapping: object, item_schema: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """create-custom-status-mapping: "contains objects of each ... status category".

    ``{category: external_id | None}`` becomes the entry list; the categories are
    the enum of ``item_schema`` (the generated table's mapping item). Distinct keys
    can name one category (a caller's own non-str Enum next to the plain string):
    refused as a repeat.
    """
    if not isinstance(mapping, Mapping):
        fail("mapping", "must be a dict of status category -> external_id or None")
    # A caller's dict: each key and value is checked below.
    pairs = cast("Mapping[object, object]", mapping)
    properties: Mapping[str, Any] = item_schema.get("properties") or {}
    category_schema: Mapping[str, Any] = properties.get("status_category") or {}
    wanted: list[str] = list(category_schema.get("enum") or ())
    entries: list[dict[str, Any]] = []
    seen: set[object] = set()
    for key, external_id in pairs.items():
        category = as_plain(key)
        if category not in wanted:
            fail(f"mapping[{key!r}]", f"must be one of {', '.join(wanted)}; got {key!r}")
        if category in seen:
            fail("mapping", f"maps status category {category} more than once")
        seen.add(category)
        where = f"mapping[{category!r}]"
        external_id = check_schema(where, external_id, properties.get("external_id") or {})
        entries.append({"status_category": category, "external_id": external_id})
    missing = [c for c in wanted if c not in seen]
    if missing:
        fail("mapping", f"must map every status category; missing {', '.join(missing)}")
    return entries
