"""The spec's prose rules, which its schemas cannot say, enforced by the sandbox.

Each rule the SDK refuses before sending is refused here too (answered 400 with a
pointer), so a test that passes on the sandbox does not pass only because the
sandbox is laxer than Sendcloud. ``PROSE_RULES`` lists them all, with where each
is enforced; the ones checked in the operations themselves are listed too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ._http import bad_request
from ._state import State

UPDATE_INTEGRATION = "sc-public-v3-integrations-patch-update_integration"
REPLACE_STATUSES = "sc-public-v3-integrations-post-shop_order_statuses"
SET_MAPPING = "sc-public-v3-integrations-post-shop_order_statuses_mapping"


@dataclass(frozen=True)
class ProseRule:
    operation_id: str
    rule: str
    enforced_in: str  # "_rules" (checked below) or "_operations" (in the operation itself)


PROSE_RULES: tuple[ProseRule, ...] = (
    ProseRule(REPLACE_STATUSES, "each status's external_id is unique in statuses", "_rules"),
    ProseRule(REPLACE_STATUSES, "each language appears once in a status's translations", "_rules"),
    ProseRule(
        UPDATE_INTEGRATION,
        "service_point_enabled true needs at least one service_point_carriers entry",
        "_rules",
    ),
    ProseRule(UPDATE_INTEGRATION, "webhook_active true needs a webhook_url", "_operations"),
    ProseRule(SET_MAPPING, "the mapping holds every status category exactly once", "_operations"),
)


def _unique_external_ids(state: State, params: Mapping[str, Any], body: Any) -> None:
    seen: set[str] = set()
    for i, item in enumerate(body.get("statuses") or ()):
        external_id = item.get("external_id")
        if external_id in seen:
            raise bad_request(
                "invalid",
                "Invalid",
                "Each status must have a distinct external_id.",
                pointer=f"body/statuses/{i}/external_id",
            )
        seen.add(external_id)


def _unique_languages(state: State, params: Mapping[str, Any], body: Any) -> None:
    statuses: Iterable[Any] = body.get("statuses") or ()
    for i, item in enumerate(statuses):
        languages: set[str] = set()
        for j, translation in enumerate(item.get("translations") or ()):
            language = translation.get("language")
            if language in languages:
                raise bad_request(
                    "invalid",
                    "Invalid",
                    "Each language may have one translation per status.",
                    pointer=f"body/statuses/{i}/translations/{j}/language",
                )
            languages.add(language)


def _service_point_carriers(state: State, params: Mapping[str, Any], body: Any) -> None:
    stored = state.integrations.get(params.get("id", -1))
    enabled = body.get("service_point_enabled", stored.service_point_enabled if stored else False)
    carriers = body.get("service_point_carriers", stored.service_point_carriers if stored else [])
    if enabled is True and not carriers:
        raise bad_request(
            "invalid",
            "Invalid",
            "Provide at least one service point carrier when service point delivery is enabled.",
            pointer="body/service_point_carriers",
        )


_CHECKS: dict[str, tuple[Callable[[State, Mapping[str, Any], Any], None], ...]] = {
    REPLACE_STATUSES: (_unique_external_ids, _unique_languages),
    UPDATE_INTEGRATION: (_service_point_carriers,),
}


def check_prose_rules(
    state: State, operation_id: str, params: Mapping[str, Any], body: Any
) -> None:
    """Raise ApiError(400) when the request breaks one of the spec's prose rules."""
    if not isinstance(body, dict):
        return
    for check in _CHECKS.get(operation_id, ()):
        check(state, params, body)
