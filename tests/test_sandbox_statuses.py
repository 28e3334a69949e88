"""The sandbox's shop order statuses and status mapping."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sendcloud_integrations.testing import PRESTASHOP_ID, Sandbox

from ._sandbox_support import MODES, open_client


@pytest.fixture(params=MODES)
def api(request: pytest.FixtureRequest, sandbox: Sandbox) -> Iterator[httpx.Client]:
    with open_client(sandbox, request.param) as client:
        yield client


def _statuses(api: httpx.Client, **params: Any) -> dict[str, dict[str, Any]]:
    response = api.get("/shop-order-statuses", params={"integration_id": PRESTASHOP_ID, **params})
    assert response.status_code == 200
    return {s["external_id"]: s for s in response.json()["data"]}


def _mapping(api: httpx.Client) -> dict[str, tuple[str | None, bool]]:
    response = api.get("/shop-order-statuses/mapping", params={"integration_id": PRESTASHOP_ID})
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["integration_id"] == PRESTASHOP_ID
    return {e["status_category"]: (e["external_id"], e["is_valid"]) for e in data["mapping"]}


def _status(external_id: str, **translations: str) -> dict[str, Any]:
    return {
        "external_id": external_id,
        "translations": [
            {"language": lang.replace("_", "-"), "status": text}
            for lang, text in translations.items()
        ],
    }


def test_deleted_statuses_show_only_with_show_deleted(api: httpx.Client) -> None:
    """The seeded deleted status 14-A is hidden unless show_deleted=true."""
    assert set(_statuses(api)) == {"11", "12", "13", "16"}
    everything = _statuses(api, show_deleted="true")
    assert set(everything) == {"11", "12", "13", "16", "14-A"}
    assert everything["14-A"]["deleted_at"] == "2024-02-01T10:00:00Z"


def test_status_comes_in_the_requested_language_else_en_gb_else_first(api: httpx.Client) -> None:
    """`status` is the asked language, else en-gb, else the alphabetically first language."""
    dutch = _statuses(api, language="nl-nl")
    assert dutch["11"]["status"] == "Wacht op verzending"
    assert dutch["16"]["status"] == "Versandt"  # no nl-nl nor en-gb: de-de before fr-fr
    italian = _statuses(api, language="it-it")
    assert italian["12"]["status"] == "Delivered"  # en-gb fallback
    assert _statuses(api)["13"]["status"] == "Cancelled"


def test_unknown_language_answers_400(api: httpx.Client) -> None:
    """A language outside the spec's enum answers 400 at the language parameter."""
    response = api.get(
        "/shop-order-statuses", params={"integration_id": PRESTASHOP_ID, "language": "xx-xx"}
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["source"] == {"parameter": "language"}


@pytest.mark.parametrize("path", ["/shop-order-statuses", "/shop-order-statuses/mapping"])
def test_missing_integration_id_answers_non_field_errors(api: httpx.Client, path: str) -> None:
    """Without integration_id both GETs answer the spec's 400 non_field_errors example."""
    response = api.get(path)
    assert response.status_code == 400
    assert response.json() == {
        "errors": [
            {
                "status": "400",
                "code": "non_field_errors",
                "title": "integration ID",
                "detail": "Integration ID is a required GET parameter",
            }
        ]
    }


def test_post_replaces_the_whole_set(api: httpx.Client, sandbox: Sandbox) -> None:
    """POST answers 200 null; missing statuses get deleted_at=now, given ones are (re)active."""
    sandbox.clock.advance(hours=1)  # type: ignore[attr-defined]
    body = {
        "integration_id": PRESTASHOP_ID,
        "statuses": [
            _status("11", en_gb="Ready"),
            _status("14-A", en_gb="Refunded again"),
            _status("20", fr_fr="Nouveau"),
        ],
    }
    response = api.post("/shop-order-statuses", json=body)
    assert (response.status_code, response.json()) == (200, None)
    assert set(_statuses(api)) == {"11", "14-A", "20"}
    everything = _statuses(api, show_deleted="true")
    assert everything["12"]["deleted_at"] == "2024-06-01T13:00:00Z"
    assert everything["14-A"]["deleted_at"] is None
    assert everything["11"]["translations"] == [{"status": "Ready", "language": "en-gb"}]


def test_post_with_an_empty_list_deletes_every_status(api: httpx.Client) -> None:
    """An empty `statuses` list marks every status deleted."""
    api.post("/shop-order-statuses", json={"integration_id": PRESTASHOP_ID, "statuses": []})
    assert _statuses(api) == {}
    assert len(_statuses(api, show_deleted="true")) == 5


def test_post_without_integration_id_answers_400(api: httpx.Client) -> None:
    """A body without integration_id answers 400 required at body/integration_id."""
    response = api.post("/shop-order-statuses", json={"statuses": []})
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert (error["code"], error["source"]) == ("required", {"pointer": "body/integration_id"})


def test_post_with_bad_translation_points_at_it(api: httpx.Client) -> None:
    """A translation in an unknown language answers 400 pointing into the body."""
    body = {"integration_id": PRESTASHOP_ID, "statuses": [_status("1", xx_xx="?")]}
    response = api.post("/shop-order-statuses", json=body)
    assert response.status_code == 400
    assert response.json()["errors"][0]["source"] == {
        "pointer": "body/statuses/0/translations/0/language"
    }


def test_mapping_reports_invalid_for_a_deleted_status(api: httpx.Client) -> None:
    """The seeded mapping's CANCEL points at deleted 14-A, so it is not valid."""
    assert _mapping(api) == {
        "READY_TO_SEND": ("11", True),
        "IN_TRANSIT": ("11", True),
        "DELIVERED": ("12", True),
        "CANCEL": ("14-A", False),
    }


def test_set_mapping_then_get_it(api: httpx.Client) -> None:
    """POST stores the mapping (200 null); GET returns it, null entries valid."""
    mapping = [
        {"status_category": "READY_TO_SEND", "external_id": "11"},
        {"status_category": "IN_TRANSIT", "external_id": "11"},
        {"status_category": "DELIVERED", "external_id": "12"},
        {"status_category": "CANCEL", "external_id": None},
    ]
    body = {"integration_id": PRESTASHOP_ID, "mapping": mapping}
    response = api.post("/shop-order-statuses/mapping", json=body)
    assert (response.status_code, response.json()) == (200, None)
    assert _mapping(api)["CANCEL"] == (None, True)
    assert _mapping(api)["DELIVERED"] == ("12", True)


def test_mapping_turns_invalid_when_its_status_is_replaced_away(api: httpx.Client) -> None:
    """Replacing the statuses without 12 makes the DELIVERED mapping invalid."""
    body = {"integration_id": PRESTASHOP_ID, "statuses": [_status("11", en_gb="Ready")]}
    api.post("/shop-order-statuses", json=body)
    assert _mapping(api)["DELIVERED"] == ("12", False)
    assert _mapping(api)["READY_TO_SEND"] == ("11", True)


def test_mapping_must_cover_each_category_once(api: httpx.Client) -> None:
    """Four entries that repeat a category answer 400 at body/mapping."""
    mapping = [{"status_category": "DELIVERED", "external_id": str(n)} for n in range(4)]
    body = {"integration_id": PRESTASHOP_ID, "mapping": mapping}
    response = api.post("/shop-order-statuses/mapping", json=body)
    assert response.status_code == 400
    assert response.json()["errors"][0]["source"] == {"pointer": "body/mapping"}


def test_mapping_needs_exactly_four_entries(api: httpx.Client) -> None:
    """Fewer than four mapping entries break the schema's minItems and answer 400."""
    body = {"integration_id": PRESTASHOP_ID, "mapping": []}
    assert api.post("/shop-order-statuses/mapping", json=body).status_code == 400
