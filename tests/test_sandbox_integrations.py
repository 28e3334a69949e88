"""The sandbox's integration endpoints, in-process and over loopback HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from sendcloud_integrations.testing import API_ID, PRESTASHOP_ID, WOOCOMMERCE_ID, Sandbox

from ._sandbox_support import MODES, open_client


@pytest.fixture(params=MODES)
def api(request: pytest.FixtureRequest, sandbox: Sandbox) -> Iterator[httpx.Client]:
    with open_client(sandbox, request.param) as client:
        yield client


def _ids(response: httpx.Response) -> list[int]:
    return [item["id"] for item in response.json()["data"]]


def test_list_returns_every_seeded_integration(api: httpx.Client) -> None:
    """GET /integrations lists the four seeded integrations."""
    response = api.get("/integrations")
    assert response.status_code == 200
    assert sorted(_ids(response)) == sorted([251, 1001, 1002, 23452345])


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("updated_at", [API_ID, PRESTASHOP_ID, 1001, WOOCOMMERCE_ID]),
        ("-updated_at", [WOOCOMMERCE_ID, 1001, PRESTASHOP_ID, API_ID]),
        ("created_at", [PRESTASHOP_ID, API_ID, 1001, WOOCOMMERCE_ID]),
        ("-failing_since", [PRESTASHOP_ID, WOOCOMMERCE_ID, 1001, API_ID]),
        ("integration_type", [API_ID, PRESTASHOP_ID, 1001, WOOCOMMERCE_ID]),
        ("last_fetch", [API_ID, 1001, PRESTASHOP_ID, WOOCOMMERCE_ID]),
        ("-integration_type,created_at", [WOOCOMMERCE_ID, 1001, PRESTASHOP_ID, API_ID]),
    ],
)
def test_sort_accepts_documented_keys_with_minus_for_descending(
    api: httpx.Client, sort: str, expected: list[int]
) -> None:
    """`sort` orders by each documented key, `-` reverses it, and NULLs sort as PostgreSQL does."""
    assert _ids(api.get("/integrations", params={"sort": sort})) == expected


def test_unknown_sort_key_falls_back_to_default_order(api: httpx.Client) -> None:
    """An unknown sort key is ignored (as DRF's OrderingFilter does): default order applies."""
    default = _ids(api.get("/integrations"))
    assert _ids(api.get("/integrations", params={"sort": "shoe_size"})) == default
    assert default == _ids(api.get("/integrations", params={"sort": "last_fetch,created_at"}))


def test_get_returns_the_spec_example_integration(api: httpx.Client) -> None:
    """GET /integrations/23452345 answers the spec's example integration."""
    data = api.get(f"/integrations/{API_ID}").json()["data"]
    assert data["shop_name"] == "Integration #1"
    assert data["service_point_carriers"] == ["ups", "dhl"]
    assert data["started_failing_at"] == "2023-11-10T16:16:42Z"


def test_patch_changes_only_the_given_fields(api: httpx.Client, sandbox: Sandbox) -> None:
    """PATCH sets the given fields, keeps every other one, and bumps updated_at to now."""
    before = api.get(f"/integrations/{PRESTASHOP_ID}").json()["data"]
    response = api.patch(f"/integrations/{PRESTASHOP_ID}", json={"shop_name": "Renamed"})
    assert response.status_code == 204
    assert response.content == b""
    after = api.get(f"/integrations/{PRESTASHOP_ID}").json()["data"]
    changed = {k for k in before if before[k] != after[k]}
    assert changed == {"shop_name", "updated_at"}
    assert after["shop_name"] == "Renamed"
    assert after["updated_at"] == "2024-06-01T12:00:00Z"  # the fixture's ManualClock


def test_patch_webhook_active_without_any_url_answers_400(api: httpx.Client) -> None:
    """webhook_active=true with no webhook_url, given or stored, answers the spec's 400."""
    response = api.patch(f"/integrations/{WOOCOMMERCE_ID}", json={"webhook_active": True})
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["code"] == "invalid"
    assert error["detail"] == "Webhook URL required when enable webhook is set to true"
    assert api.get(f"/integrations/{WOOCOMMERCE_ID}").json()["data"]["webhook_active"] is False


def test_patch_webhook_active_uses_the_stored_url(api: httpx.Client) -> None:
    """webhook_active=true is accepted when a webhook_url was stored earlier."""
    url = "https://shop.example/hook"
    assert (
        api.patch(f"/integrations/{WOOCOMMERCE_ID}", json={"webhook_url": url}).status_code == 204
    )
    response = api.patch(f"/integrations/{WOOCOMMERCE_ID}", json={"webhook_active": True})
    assert response.status_code == 204
    data = api.get(f"/integrations/{WOOCOMMERCE_ID}").json()["data"]
    assert (data["webhook_active"], data["webhook_url"]) == (True, url)


def test_patch_clearing_the_url_of_an_active_webhook_answers_400(api: httpx.Client) -> None:
    """Removing the stored webhook_url while the webhook stays active is refused."""
    response = api.patch(f"/integrations/{API_ID}", json={"webhook_url": None})
    assert response.status_code == 400


def test_patch_invalid_field_answers_400_with_pointer(api: httpx.Client) -> None:
    """A value the schema forbids answers 400 with a body/<field> pointer."""
    response = api.patch(f"/integrations/{API_ID}", json={"feedback_type": "sometimes"})
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["code"] == "invalid_choice"
    assert error["source"] == {"pointer": "body/feedback_type"}


def test_delete_then_get_answers_404_not_found(api: httpx.Client) -> None:
    """DELETE answers 204; GET and a second DELETE then answer 404 not_found."""
    assert api.delete(f"/integrations/{API_ID}").status_code == 204
    for response in (api.get(f"/integrations/{API_ID}"), api.delete(f"/integrations/{API_ID}")):
        assert response.status_code == 404
        assert response.json()["errors"][0]["code"] == "not_found"
    assert API_ID not in _ids(api.get("/integrations"))


@pytest.mark.parametrize("path", ["/integrations/999", "/integrations/0", "/integrations/abc"])
def test_unknown_or_malformed_id_answers_404(api: httpx.Client, path: str) -> None:
    """An id that names no integration, or is no id at all, answers 404 not_found."""
    response = api.get(path)
    assert response.status_code == 404
    assert response.json()["errors"][0]["code"] == "not_found"


def test_undeclared_method_answers_405_with_allow(api: httpx.Client) -> None:
    """A method the spec does not declare on a path answers 405 listing the allowed ones."""
    response = api.put(f"/integrations/{API_ID}", json={})
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "PATCH", "DELETE"}
