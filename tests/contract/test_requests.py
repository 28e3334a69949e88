"""Request conformance: Prism, not our code, judges every request the client sends.

Each case calls a facade method with valid arguments through a Prism mock of
the spec; Prism validates method, path, query, headers, security and body.
Any violation fails the test with the operationId, the location of the
offending field and Prism's message.
"""

from __future__ import annotations

import inspect

import pytest
import sendcloud_integrations as sc

from ._cases import CASES, Case, check_async, check_sync, sent_by_all_cases
from ._prism import PrismServer
from ._spec_routes import coverage_gaps

RESOURCES = ("integrations", "exception_logs", "shop_order_statuses", "status_mapping")
CASE_PARAMS = [pytest.param(case, id=case.name) for case in CASES]


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_sync_request_conforms(prism: PrismServer, case: Case) -> None:
    """Prism accepts every request the sync client sends for valid arguments."""
    check_sync(prism, case)


@pytest.mark.anyio
@pytest.mark.parametrize("case", CASE_PARAMS)
async def test_async_request_conforms(prism: PrismServer, case: Case) -> None:
    """Prism accepts every request the async client sends for valid arguments."""
    await check_async(prism, case)


def _facade_methods(client: object) -> set[str]:
    found = set()
    for resource in RESOURCES:
        for name, member in inspect.getmembers(getattr(client, resource)):
            if not name.startswith("_") and hasattr(member, "__sendcloud_operations__"):
                found.add(f"{resource}.{name}")
    return found


def test_cases_call_every_facade_method() -> None:
    """The cases call every public method of both clients' resources."""
    with sc.Client(base_url="http://127.0.0.1:9") as client:
        sync_methods = _facade_methods(client)
    async_methods = _facade_methods(sc.AsyncClient(base_url="http://127.0.0.1:9"))
    assert sync_methods == async_methods
    assert {case.method for case in CASES} == sync_methods


def test_cases_send_every_parameter_and_body_field(prism: PrismServer) -> None:
    """Together the cases reach every operation and send each of its parameters and fields."""
    gaps = coverage_gaps(sent_by_all_cases(prism))
    assert not gaps, "not covered by the cases:\n  " + "\n  ".join(gaps)
