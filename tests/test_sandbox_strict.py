"""Issue #15: the sandbox refuses what Sendcloud refuses and fails the way the network fails."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations.testing import PROSE_RULES, Sandbox

from ._sandbox_support import basic_auth

pytestmark = pytest.mark.anyio

MODES = ("sync", "async")
STATUSES = "/shop-order-statuses"


@pytest.mark.parametrize("route", ["retrieve_integration", "GET /integrations/251", "GET /nope"])
def test_an_unknown_fault_route_is_refused_listing_the_valid_ones(route: str) -> None:
    """A route that names nothing raises ValueError listing routes and operationIds."""
    sandbox = Sandbox(seeded=False)
    with pytest.raises(ValueError, match="unknown fault route") as caught:
        sandbox.faults.server_error(route=route)
    message = str(caught.value)
    assert "GET /integrations/{id}" in message
    assert "sc-public-v3-integrations-get-retrieve_integration" in message
    assert "POST /oauth2/token/" in message


def test_every_route_form_the_docs_name_is_accepted() -> None:
    """METHOD + spec path, the spec path alone, and an operationId are all valid routes."""
    faults = Sandbox(seeded=False).faults
    for route in (
        "GET /integrations/{id}",
        "/integrations/{id}",
        "sc-public-v3-integrations-get-retrieve_integration",
        "POST /oauth2/token/",
    ):
        faults.latency(0.1, route=route)


@pytest.mark.parametrize("mode", MODES)
async def test_in_process_latency_beyond_the_timeout_raises_the_timeout_httpx_raises(
    mode: str,
) -> None:
    """2 s of latency with a 0.5 s timeout times out in-process as over loopback; the fake sleep
    waits only the timeout."""
    slept: list[float] = []

    async def async_sleep(seconds: float) -> None:
        slept.append(seconds)

    sandbox = Sandbox(seeded=False, sleep=slept.append, async_sleep=async_sleep)
    sandbox.faults.latency(2.0)
    kwargs: dict[str, Any] = dict(
        auth=basic_auth(sandbox), transport=sandbox.transport(), timeout=0.5
    )
    url = sandbox.base_url + "/integrations"

    async def raw_get() -> None:
        if mode == "sync":
            with httpx.Client(**kwargs) as client:
                client.get(url)
        else:
            async with httpx.AsyncClient(**kwargs) as aclient:
                await aclient.get(url)

    with pytest.raises(httpx.ReadTimeout):
        await raw_get()
    assert slept == [0.5]
    sdk_kwargs: dict[str, Any] = dict(
        auth=basic_auth(sandbox),
        transport=sandbox.transport(),
        base_url=sandbox.base_url,
        timeout=0.5,
        max_retries=0,
    )

    async def sdk_list() -> None:
        if mode == "sync":
            with sc.Client(**sdk_kwargs) as sdk:
                sdk.integrations.list()
        else:
            async with sc.AsyncClient(**sdk_kwargs) as asdk:
                await asdk.integrations.list()

    with pytest.raises(sc.APITimeoutError):
        await sdk_list()


def test_latency_within_the_timeout_still_answers() -> None:
    """Latency shorter than the timeout is slept in full and the request is answered."""
    slept: list[float] = []
    sandbox = Sandbox(seeded=False, sleep=slept.append)
    sandbox.faults.latency(0.2)
    with httpx.Client(auth=basic_auth(sandbox), transport=sandbox.transport(), timeout=1) as c:
        assert c.get(sandbox.base_url + "/integrations").status_code == 200
    assert slept == [0.2]


REPR = re.compile(r"'\w+': |\bNone\b|\bTrue\b|\bFalse\b|\[\]|\{'")


@pytest.mark.parametrize(
    "body",
    [
        {"integration_id": 1, "statuses": [{"external_id": None, "translations": []}]},
        {"integration_id": 1, "statuses": [{"external_id": "", "translations": [{}]}]},
        {"integration_id": "x", "statuses": "no"},
    ],
)
def test_error_details_read_as_plain_text_without_python_reprs(body: Any) -> None:
    """jsonschema's repr-laden messages never reach a client: details are plain sentences."""
    sandbox = Sandbox()
    with httpx.Client(auth=basic_auth(sandbox), transport=sandbox.transport()) as client:
        response = client.post(sandbox.base_url + STATUSES, json=body)
    assert response.status_code == 400
    details = [e["detail"] for e in response.json()["errors"]]
    assert details
    for detail in details:
        assert not REPR.search(detail), detail


def _translations(*languages: str) -> list[dict[str, str]]:
    return [{"status": "Paid", "language": lang} for lang in languages]


def test_the_prose_rules_are_listed_with_where_each_is_enforced() -> None:
    """PROSE_RULES names each rule the SDK enforces, per operation, and where it is checked."""
    rules = {rule.rule for rule in PROSE_RULES}
    assert any("external_id is unique" in r for r in rules)
    assert any("language appears once" in r for r in rules)
    assert any("service_point_carriers" in r for r in rules)
    assert all(rule.enforced_in in {"_rules", "_operations"} for rule in PROSE_RULES)


@pytest.mark.parametrize(
    ("body", "pointer"),
    [
        (
            {
                "statuses": [
                    {"external_id": "a", "translations": _translations("en-us")},
                    {"external_id": "a", "translations": _translations("nl-nl")},
                ]
            },
            "body/statuses/1/external_id",
        ),
        (
            {
                "statuses": [
                    {
                        "external_id": "a",
                        "translations": [
                            {"status": "Paid", "language": "en-us"},
                            {"status": "Settled", "language": "en-us"},
                        ],
                    }
                ]
            },
            "body/statuses/0/translations/1/language",
        ),
    ],
)
def test_the_sandbox_refuses_duplicate_external_ids_and_languages(
    body: dict[str, Any], pointer: str
) -> None:
    """What the SDK refuses before sending, the sandbox refuses too, pointing at the field."""
    sandbox = Sandbox()
    integration_id = next(iter(sandbox.state.integrations))
    with httpx.Client(auth=basic_auth(sandbox), transport=sandbox.transport()) as client:
        response = client.post(
            sandbox.base_url + STATUSES, json={"integration_id": integration_id, **body}
        )
    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["source"]["pointer"] == pointer


def test_the_sandbox_refuses_service_points_enabled_with_no_carriers() -> None:
    """service_point_enabled true with an empty carrier list is refused; with a carrier it works."""
    sandbox = Sandbox()
    integration_id = next(iter(sandbox.state.integrations))
    url = f"{sandbox.base_url}/integrations/{integration_id}"
    with httpx.Client(auth=basic_auth(sandbox), transport=sandbox.transport()) as client:
        refused = client.patch(
            url, json={"service_point_enabled": True, "service_point_carriers": []}
        )
        accepted = client.patch(
            url, json={"service_point_enabled": True, "service_point_carriers": ["ups"]}
        )
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["source"]["pointer"] == "body/service_point_carriers"
    assert accepted.status_code == 204
