"""The spec still says what the overlays rely on; each failure names the module to revisit.

The pins themselves live in tests/overlay_pins.py (and overlay_pins_responses.py) as
functions of a spec. Every pin also gets a spec change that must make it fail, so none
of them can pass vacuously.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from sendcloud_integrations.testing._spec_reader import SpecView

from .conftest import ROOT
from .overlay_pins import OVERLAY, PINS, Pin, pin_failures

Spec = dict[str, Any]
ID_PATH, LOGS_PATH = "/integrations/{id}", "/integrations/logs"


@pytest.mark.parametrize("the_pin", PINS, ids=[p.name for p in PINS])
def test_overlay_assumption_holds(spec: Spec, the_pin: Pin) -> None:
    """The spec still says what this overlay module relies on."""
    problems = the_pin.check(SpecView(spec))
    revisit = f"-> revisit {OVERLAY}{the_pin.module}, which relies on {the_pin.relies_on}"
    assert not problems, "\n".join([*problems, revisit])


def test_every_pin_names_an_existing_overlay_module() -> None:
    """A pin's advice points at an overlay file that exists."""
    assert [p.name for p in PINS if not (ROOT / OVERLAY / p.module).is_file()] == []


def _schemas(s: Spec) -> Any:
    return s["components"]["schemas"]


def _param(s: Spec, path: str, method: str, name: str) -> Any:
    return next(p for p in s["paths"][path][method].get("parameters", []) if p["name"] == name)


def _flow(s: Spec) -> Any:
    return s["components"]["securitySchemes"]["OAuth2ClientCreds"]["flows"]["clientCredentials"]


def _null_200(s: Spec) -> Any:
    return s["paths"]["/shop-order-statuses"]["post"]["responses"]["200"]["content"]


# pin name -> (a spec change that breaks its assumption, text its message must contain)
BREAKERS: dict[str, tuple[Callable[[Spec], Any], str]] = {
    "logs_cursor_page_size_link": (
        lambda s: _param(s, LOGS_PATH, "get", "cursor").update(name="after"),
        "takes query parameters ['after', ",
    ),
    "quirk_cursor_date_time": (
        lambda s: _param(s, LOGS_PATH, "get", "cursor")["schema"].pop("format"),
        "quirk fixed: sc-public-v3-integrations-get-retrieve_integrations_logs no longer",
    ),
    "security_schemes": (
        lambda s: s["components"]["securitySchemes"].update(Key={"type": "apiKey"}),
        "security schemes are now",
    ),
    "oauth2_token_url_and_scope": (
        lambda s: _flow(s).update(tokenUrl="https://example.com/token"),
        "token URL is https://example.com/token",
    ),
    "server_url": (
        lambda s: s["servers"][0].update(url="https://example.com/v4"),
        "servers[0].url is now https://example.com/v4",
    ),
    "rule_every_status_category_once": (
        lambda s: _schemas(s)["create-custom-status-mapping"]["properties"]["mapping"]["items"][
            "properties"
        ]["status_category"]["enum"].append("RETURNED"),
        "POST mapping no longer holds exactly 5 items (one per status category)",
    ),
    "rule_webhook_url_with_webhook_active": (
        lambda s: _schemas(s)["integration-model"]["properties"]["webhook_url"].update(
            description="URL for sending updates on a parcel."
        ),
        "webhook_url's description no longer ties it to webhook_active",
    ),
    "rules_of_the_statuses_body": (
        lambda s: _schemas(s)["post-shop-order-statuses"]["properties"]["statuses"]["items"][
            "properties"
        ].pop("external_id"),
        "statuses[] has no external_id any more",
    ),
    "facade_built_bodies": (
        lambda s: _schemas(s)["create-custom-status-mapping"]["required"].append("note"),
        "create-custom-status-mapping now requires ['integration_id', 'mapping', 'note']",
    ),
    "integration_ids": (
        lambda s: s["paths"]["/integrations/{id}/logs"]["parameters"][0]["schema"].update(
            minimum=1
        ),
        "quirk fixed: sc-public-v3-integrations-get-retrieve_integration_logs path id",
    ),
    "error_format": (
        lambda s: s["paths"][ID_PATH]["delete"]["responses"]["404"]["content"][
            "application/json"
        ].update(schema={"type": "object"}),
        "sc-public-v3-integrations-delete-delete_integration 404: body is not $ref errors",
    ),
    "quirk_integer_status": (
        lambda s: _schemas(s)["ErrorObject"]["properties"]["status"].update(type="integer"),
        "quirk fixed: ErrorObject.status is typed 'integer'",
    ),
    "quirk_codes_outside_enum": (
        lambda s: _schemas(s)["ErrorObject"]["properties"]["code"]["enum"].append(
            "extra_forbidden"
        ),
        "quirk fixed: the code enum now covers the examples",
    ),
    "quirk_errors_array_or_object": (
        lambda s: _schemas(s)["errors"]["properties"]["errors"].update(type="array"),
        "quirk fixed: errors is now typed 'array'",
    ),
    "quirk_401_undocumented": (
        lambda s: s["paths"][ID_PATH]["delete"]["responses"].update(
            {"401": {"$ref": "#/components/responses/Unauthorized"}}
        ),
        "quirk fixed: 401 is now documented",
    ),
    "success_bodies": (
        lambda s: s["paths"][ID_PATH]["patch"]["responses"].update({"200": {"description": ""}}),
        "update_integration success codes are ['200', '204'], not [204]",
    ),
    "quirk_list_data_untyped": (
        lambda s: s["paths"]["/integrations"]["get"]["responses"]["200"]["content"][
            "application/json"
        ]["schema"]["properties"]["data"].update(type="array"),
        "quirk fixed: the integrations list data is now",
    ),
    "quirk_null_200_bodies": (
        lambda s: _null_200(s)["application/json"].update(schema={"type": "object"}),
        "quirk fixed: sc-public-v3-integrations-post-shop_order_statuses 200",
    ),
}


def test_every_pin_has_a_breaking_change() -> None:
    """Each pin is exercised below with a spec change that must make it fail."""
    assert sorted(BREAKERS) == sorted(p.name for p in PINS)


@pytest.mark.parametrize("the_pin", PINS, ids=[p.name for p in PINS])
def test_pin_fails_when_the_spec_changes_what_it_pins(spec: Spec, the_pin: Pin) -> None:
    """The pin reports the change, and pin_failures adds the overlay module to revisit."""
    mutate, needle = BREAKERS[the_pin.name]
    changed = copy.deepcopy(spec)
    mutate(changed)
    problems = the_pin.check(SpecView(changed))
    assert any(needle in p for p in problems), problems
    assert any(
        needle in f and f"revisit {OVERLAY}{the_pin.module}" in f for f in pin_failures(changed)
    )
