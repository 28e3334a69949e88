"""The sandbox's exception logs: creation, newest-first lists and cursor pagination."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from sendcloud_integrations.testing import PRESTASHOP_ID, Sandbox

from ._sandbox_support import MODES, open_client

LOG = {"base_url": "https://shop.example", "method": "POST", "response_code": 495}


@pytest.fixture(params=MODES)
def api(request: pytest.FixtureRequest, sandbox: Sandbox) -> Iterator[httpx.Client]:
    with open_client(sandbox, request.param) as client:
        yield client


def _walk(api: httpx.Client, url: str) -> tuple[list[dict[str, object]], list[httpx.Response]]:
    items: list[dict[str, object]] = []
    responses = []
    next_url: str | None = url
    while next_url:
        response = api.get(next_url)
        assert response.status_code == 200
        responses.append(response)
        items.extend(response.json()["data"])
        next_url = response.links.get("next", {}).get("url")
    return items, responses


def test_create_answers_201_with_id_integration_and_created_at_now(api: httpx.Client) -> None:
    """POST answers 201 with a new id, the integration_id and created_at defaulting to now."""
    response = api.post(f"/integrations/{PRESTASHOP_ID}/logs", json=LOG)
    assert response.status_code == 201
    data = response.json()["data"]
    assert data["id"] == 301  # after the 300 seeded logs
    assert data["integration_id"] == PRESTASHOP_ID
    assert data["created_at"] == "2024-06-01T12:00:00Z"  # the fixture's ManualClock
    assert (data["base_url"], data["response_code"], data["protected"]) == (
        LOG["base_url"],
        495,
        False,
    )


def test_create_keeps_a_given_created_at(api: httpx.Client) -> None:
    """A created_at in the body is kept, offset included."""
    body = {**LOG, "created_at": "2023-03-01T02:02:00+01:00"}
    data = api.post(f"/integrations/{PRESTASHOP_ID}/logs", json=body).json()["data"]
    assert data["created_at"] == "2023-03-01T02:02:00+01:00"


def test_create_with_unknown_field_answers_extra_forbidden(api: httpx.Client) -> None:
    """A field outside the schema answers 400 extra_forbidden at body/<field>, as in the spec."""
    response = api.post(f"/integrations/{PRESTASHOP_ID}/logs", json={**LOG, "unknown_field": 1})
    assert response.status_code == 400
    assert response.json() == {
        "errors": [
            {
                "status": "400",
                "code": "extra_forbidden",
                "title": "Extra Forbidden",
                "detail": "Extra inputs are not permitted",
                "source": {"pointer": "body/unknown_field"},
            }
        ]
    }


def test_create_without_base_url_answers_required(api: httpx.Client) -> None:
    """A body without base_url answers 400 required at body/base_url."""
    response = api.post(f"/integrations/{PRESTASHOP_ID}/logs", json={"method": "GET"})
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert (error["code"], error["source"]) == ("required", {"pointer": "body/base_url"})


def test_create_for_unknown_integration_answers_404(api: httpx.Client) -> None:
    """Creating a log for an integration that does not exist answers 404 not_found."""
    response = api.post("/integrations/999/logs", json=LOG)
    assert response.status_code == 404
    assert response.json()["errors"][0]["code"] == "not_found"


def test_logs_are_stored_per_integration(api: httpx.Client) -> None:
    """A created log shows in its integration's list and not in another's."""
    created = api.post(f"/integrations/{PRESTASHOP_ID}/logs", json=LOG).json()["data"]
    own = api.get(f"/integrations/{PRESTASHOP_ID}/logs").json()["data"]
    other = api.get("/integrations/1001/logs").json()["data"]
    assert own[0]["id"] == created["id"]
    assert created["id"] not in [item["id"] for item in other]
    assert {item["integration_id"] for item in own} == {PRESTASHOP_ID}


def test_list_for_unknown_integration_answers_404(api: httpx.Client) -> None:
    """The logs list of an integration that does not exist answers 404."""
    assert api.get("/integrations/999/logs").status_code == 404


def test_all_logs_walk_every_record_newest_first_without_repeats(api: httpx.Client) -> None:
    """Following Link headers visits all 300 seeded logs once, newest first."""
    items, responses = _walk(api, "/integrations/logs?page_size=40")
    assert len(responses) == 8  # 7 full pages and one of 20
    keys = [(item["created_at"], item["id"]) for item in items]
    assert len({item["id"] for item in items}) == len(items) == 300
    assert keys == sorted(keys, reverse=True)
    assert "link" not in responses[-1].headers


def test_link_is_absolute_on_the_request_origin(api: httpx.Client) -> None:
    """The next link is an absolute URL on the request's origin with cursor and page_size."""
    response = api.get("/integrations/logs", params={"page_size": 5})
    url = urlsplit(response.links["next"]["url"])
    assert (
        f"{url.scheme}://{url.netloc}" == f"{api.base_url.scheme}://{api.base_url.netloc.decode()}"
    )
    assert url.path == "/api/v3/integrations/logs"
    query = parse_qs(url.query)
    assert query["page_size"] == ["5"]
    assert response.headers["link"].endswith('>; rel="next"')


def test_cursor_is_a_date_time_of_the_last_item(api: httpx.Client) -> None:
    """The cursor reads as the last item's created_at (the spec types it as date-time)."""
    response = api.get("/integrations/logs", params={"page_size": 3})
    last = response.json()["data"][-1]
    cursor = parse_qs(urlsplit(response.links["next"]["url"]).query)["cursor"][0]
    assert cursor.startswith(last["created_at"].removesuffix("Z"))
    assert cursor.endswith(f"{last['id']}Z")


def test_logs_sharing_a_timestamp_are_not_lost_at_a_page_border(api: httpx.Client) -> None:
    """Seeded logs 9 and 10 share a created_at; page size 1 still returns both once."""
    items, _ = _walk(api, "/integrations/logs?page_size=1")
    assert len(items) == 300
    stamps = [item["created_at"] for item in items]
    assert len(set(stamps)) < len(stamps)  # the seed does contain ties


def test_pagination_is_stable_under_concurrent_inserts(api: httpx.Client) -> None:
    """Logs created while a walk is under way neither repeat nor hide older ones."""
    first = api.get("/integrations/logs", params={"page_size": 50})
    for _ in range(5):
        api.post(f"/integrations/{PRESTASHOP_ID}/logs", json=LOG)
    rest, _ = _walk(api, first.links["next"]["url"])
    seen = [item["id"] for item in first.json()["data"] + rest]
    assert sorted(seen) == list(range(1, 301))


def test_plain_date_time_cursor_returns_older_logs(api: httpx.Client) -> None:
    """A hand-written date-time cursor returns the logs strictly older than it."""
    items = api.get(
        "/integrations/logs", params={"cursor": "2024-05-31T20:00:00+00:00", "page_size": 100}
    ).json()["data"]
    assert items
    assert all(item["created_at"] < "2024-05-31T20:00:00Z" for item in items)


@pytest.mark.parametrize("size", ["0", "101", "-1", "ten"])
def test_page_size_outside_1_to_100_answers_400(api: httpx.Client, size: str) -> None:
    """page_size must be an integer from 1 to 100; anything else answers 400 at that parameter."""
    response = api.get("/integrations/logs", params={"page_size": size})
    assert response.status_code == 400
    assert response.json()["errors"][0]["source"] == {"parameter": "page_size"}


def test_page_size_defaults_to_25(api: httpx.Client) -> None:
    """Without page_size a page holds 25 logs."""
    assert len(api.get("/integrations/logs").json()["data"]) == 25


def test_malformed_cursor_answers_400(api: httpx.Client) -> None:
    """A cursor that is not a date-time answers 400 at the cursor parameter."""
    response = api.get("/integrations/logs", params={"cursor": "yesterday"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["source"] == {"parameter": "cursor"}


def test_deleting_an_integration_removes_its_logs_from_every_list(api: httpx.Client) -> None:
    """After DELETE, the logs of that integration no longer show in the list of all logs."""
    api.delete(f"/integrations/{PRESTASHOP_ID}")
    items, _ = _walk(api, "/integrations/logs?page_size=100")
    assert items
    assert PRESTASHOP_ID not in {item["integration_id"] for item in items}


def test_a_hundred_thousand_logs_page_like_three_hundred() -> None:
    """The benchmark-sized sandbox serves its 100 000 logs through the same pagination."""
    big = Sandbox(log_count=100_000)
    with open_client(big, "in-process") as api:
        first = api.get("/integrations/logs", params={"page_size": 100}).json()["data"]
        assert [item["id"] for item in first] == list(range(100_000, 99_900, -1))
        last_page = api.get(
            "/integrations/logs", params={"cursor": "2000-01-01T00:00:00Z", "page_size": 100}
        )
        assert last_page.json()["data"] == []
        assert "link" not in last_page.headers
