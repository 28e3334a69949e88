"""Fault injection: each fault, per route or global, counted, in-process and over loopback."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from sendcloud_integrations.testing import (
    DROP_CONNECTION,
    LATENCY,
    PRESTASHOP_ID,
    RATE_LIMIT,
    SERVER_ERROR,
    TOKEN_EXPIRY,
    TRUNCATED_JSON,
    Sandbox,
)

from ._sandbox_support import MODES, basic_auth, open_client

ROUTE = "GET /integrations/{id}"


@pytest.fixture(params=MODES)
def api(request: pytest.FixtureRequest, sandbox: Sandbox) -> Iterator[httpx.Client]:
    with open_client(sandbox, request.param) as client:
        yield client


@pytest.fixture
def slept(sandbox: Sandbox) -> list[float]:
    calls: list[float] = []
    sandbox.sleep = calls.append

    async def fake(seconds: float) -> None:
        calls.append(seconds)

    sandbox.async_sleep = fake
    return calls


def test_latency_sleeps_through_the_sandbox_sleep(
    api: httpx.Client, sandbox: Sandbox, slept: list[float]
) -> None:
    """Latency on one route calls the injected sleep for that route only, and is counted."""
    sandbox.faults.latency(0.25, route=ROUTE)
    assert api.get(f"/integrations/{PRESTASHOP_ID}").status_code == 200
    assert api.get("/integrations").status_code == 200
    assert slept == [0.25]
    assert sandbox.faults.count(LATENCY, route=ROUTE) == 1


@pytest.mark.anyio
async def test_latency_uses_the_async_sleep_for_async_clients(
    sandbox: Sandbox, slept: list[float]
) -> None:
    """The async transport waits with the sandbox's async sleep."""
    sandbox.faults.latency(1.5)
    async with httpx.AsyncClient(
        transport=sandbox.transport(), base_url=sandbox.base_url, auth=basic_auth(sandbox)
    ) as client:
        assert (await client.get("/integrations")).status_code == 200
    assert slept == [1.5]


def test_rate_limit_answers_429_with_retry_after(api: httpx.Client, sandbox: Sandbox) -> None:
    """A rate-limit fault answers 429 with Retry-After instead of handling the request."""
    sandbox.faults.rate_limit(retry_after=7, route="PATCH /integrations/{id}", times=1)
    first = api.patch(f"/integrations/{PRESTASHOP_ID}", json={"shop_name": "X"})
    assert (first.status_code, first.headers["Retry-After"]) == (429, "7")
    assert api.get(f"/integrations/{PRESTASHOP_ID}").json()["data"]["shop_name"] != "X"
    assert api.patch(f"/integrations/{PRESTASHOP_ID}", json={"shop_name": "X"}).status_code == 204
    assert sandbox.faults.counts == {RATE_LIMIT: 1}


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_errors_for_a_number_of_requests(
    api: httpx.Client, sandbox: Sandbox, status: int
) -> None:
    """server_error(status, times=2) fails two requests in the spec's error format, then stops."""
    sandbox.faults.server_error(status, times=2)
    answers = [api.get("/integrations").status_code for _ in range(3)]
    assert answers == [status, status, 200]
    assert sandbox.faults.count(SERVER_ERROR) == 2


def test_server_error_rejects_other_statuses(sandbox: Sandbox) -> None:
    """Only 500, 502 and 503 are offered as server errors."""
    with pytest.raises(ValueError, match="500, 502, 503"):
        sandbox.faults.server_error(504)


def test_skip_lets_the_first_requests_through(api: httpx.Client, sandbox: Sandbox) -> None:
    """skip=2 lets two matching requests through before the fault starts."""
    sandbox.faults.server_error(503, skip=2, times=1)
    assert [api.get("/integrations").status_code for _ in range(4)] == [200, 200, 503, 200]


def test_global_faults_spare_the_token_endpoint(api: httpx.Client, sandbox: Sandbox) -> None:
    """A fault without a route hits the API but not POST /oauth2/token/."""
    sandbox.faults.server_error(503)
    creds = sandbox.credentials
    token = api.post(
        str(api.base_url.copy_with(path="/oauth2/token/")),
        data={"grant_type": "client_credentials"},
        auth=httpx.BasicAuth(creds.client_id, creds.client_secret),
    )
    assert token.status_code == 200
    assert api.get("/integrations").status_code == 503


def test_faults_can_target_the_token_endpoint(api: httpx.Client, sandbox: Sandbox) -> None:
    """A fault aimed at POST /oauth2/token/ fails the token request."""
    sandbox.faults.rate_limit(route="POST /oauth2/token/", times=1)
    response = api.post(str(api.base_url.copy_with(path="/oauth2/token/")), data={})
    assert response.status_code == 429


def test_route_may_be_named_by_operation_id(api: httpx.Client, sandbox: Sandbox) -> None:
    """An operationId from the spec names a route as well."""
    sandbox.faults.server_error(502, route="sc-public-v3-integrations-get-list_integrations")
    assert api.get("/integrations").status_code == 502
    assert api.get(f"/integrations/{PRESTASHOP_ID}").status_code == 200


def test_truncated_json_sends_a_complete_message_with_half_a_body(
    api: httpx.Client, sandbox: Sandbox
) -> None:
    """truncate_json keeps the HTTP message valid but cuts the JSON body in half."""
    whole = api.get(f"/integrations/{PRESTASHOP_ID}").content
    sandbox.faults.truncate_json(route=ROUTE, times=1)
    response = api.get(f"/integrations/{PRESTASHOP_ID}")
    assert response.status_code == 200
    assert response.content == whole[: len(whole) // 2]
    with pytest.raises(json.JSONDecodeError):
        response.json()
    assert sandbox.faults.count(TRUNCATED_JSON) == 1


def test_dropped_connection_mid_response_raises_remote_protocol_error(
    api: httpx.Client, sandbox: Sandbox
) -> None:
    """drop_connection cuts the body short; httpx raises RemoteProtocolError, as on a real drop."""
    sandbox.faults.drop_connection(route=ROUTE, times=1)
    with pytest.raises(httpx.RemoteProtocolError):
        api.get(f"/integrations/{PRESTASHOP_ID}")
    assert api.get(f"/integrations/{PRESTASHOP_ID}").status_code == 200
    assert sandbox.faults.count(DROP_CONNECTION) == 1


def test_dropped_connection_still_applies_the_request(api: httpx.Client, sandbox: Sandbox) -> None:
    """The request behind a dropped response took effect, as it would on a real server."""
    sandbox.faults.drop_connection(route="POST /integrations/{id}/logs", times=1)
    with pytest.raises(httpx.RemoteProtocolError):
        api.post(f"/integrations/{PRESTASHOP_ID}/logs", json={"base_url": "https://x.example"})
    newest = api.get(f"/integrations/{PRESTASHOP_ID}/logs").json()["data"][0]
    assert newest["base_url"] == "https://x.example"


def test_dropped_connection_on_an_empty_response(api: httpx.Client, sandbox: Sandbox) -> None:
    """A dropped 204 sends nothing at all: the client sees a disconnect."""
    sandbox.faults.drop_connection(route="DELETE /integrations/{id}", times=1)
    with pytest.raises(httpx.RemoteProtocolError):
        api.delete(f"/integrations/{PRESTASHOP_ID}")
    assert api.get(f"/integrations/{PRESTASHOP_ID}").status_code == 404


def test_token_expires_after_n_requests(api: httpx.Client, sandbox: Sandbox) -> None:
    """expire_token_after(2) lets two Bearer requests through and expires the token on the third."""
    token = sandbox.issue_token()
    sandbox.faults.expire_token_after(2)
    headers = {"Authorization": f"Bearer {token}"}
    answers = [api.get("/integrations", auth=None, headers=headers) for _ in range(4)]
    assert [r.status_code for r in answers] == [200, 200, 401, 401]
    assert answers[2].json()["errors"][0]["title"] == "Token expired"
    fresh = {"Authorization": f"Bearer {sandbox.issue_token()}"}
    assert api.get("/integrations", auth=None, headers=fresh).status_code == 200
    assert sandbox.faults.counts == {TOKEN_EXPIRY: 1}


def test_remove_and_clear_switch_faults_off(api: httpx.Client, sandbox: Sandbox) -> None:
    """remove() turns one rule off; clear() turns all off and resets the counts."""
    rule = sandbox.faults.server_error(500)
    assert api.get("/integrations").status_code == 500
    sandbox.faults.remove(rule)
    assert api.get("/integrations").status_code == 200
    sandbox.faults.rate_limit()
    assert api.get("/integrations").status_code == 429
    assert sandbox.faults.counts == {SERVER_ERROR: 1, RATE_LIMIT: 1}
    sandbox.faults.clear()
    assert api.get("/integrations").status_code == 200
    assert sandbox.faults.injected == []
