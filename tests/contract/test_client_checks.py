"""The client's own checks against Prism's: what the client lets through, Prism must accept.

Edge inputs of the formatted fields (date-time, uri) and of strings. For each,
the client either refuses it with RequestValidationError before sending
anything, or sends a request Prism accepts. The last six cases were client
defects this check found (naive datetimes, bare dates, URIs without a scheme,
lone surrogates); _validation.py and _scalar_checks.py now refuse them before sending.
"""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
import sendcloud_integrations as sc

from ._cases import ID, Case, run_sync, sync_client
from ._judge import Recorder, assert_conforms
from ._prism import PrismServer

NAIVE = dt.datetime(2023, 3, 1, 2, 2)


EDGES = [
    pytest.param(
        Case("utc-cursor", "exception_logs.list", kwargs={"cursor": NAIVE.replace(tzinfo=dt.UTC)}),
        id="aware-datetime-cursor",
    ),
    pytest.param(
        Case(
            "microsecond-cursor",
            "exception_logs.list",
            kwargs={"cursor": NAIVE.replace(microsecond=1, tzinfo=dt.UTC)},
        ),
        id="microsecond-datetime-cursor",
    ),
    pytest.param(
        Case(
            "z-created-at",
            "exception_logs.create",
            (ID,),
            {"base_url": "https://example.com", "created_at": "2023-03-01T02:02:00Z"},
        ),
        id="z-string-created-at",
    ),
    pytest.param(
        Case(
            "shop-name-250-emoji", "integrations.update", (ID,), {"shop_name": "\U0001f600" * 250}
        ),
        id="shop-name-250-astral-characters",
    ),
    pytest.param(
        Case("naive-cursor", "exception_logs.list", kwargs={"cursor": NAIVE}),
        id="naive-datetime-cursor",
    ),
    pytest.param(
        Case(
            "naive-created-at",
            "exception_logs.create",
            (ID,),
            {"base_url": "https://example.com", "created_at": NAIVE},
        ),
        id="naive-datetime-created-at",
    ),
    pytest.param(
        Case(
            "date-created-at",
            "exception_logs.create",
            (ID,),
            {"base_url": "https://example.com", "created_at": "2023-03-01"},
        ),
        id="date-only-string-created-at",
    ),
    pytest.param(
        Case("shop-url-no-scheme", "integrations.update", (ID,), {"shop_url": "www.shop.com"}),
        id="shop-url-without-scheme",
    ),
    pytest.param(
        Case(
            "webhook-url-relative",
            "integrations.update",
            (ID,),
            {"webhook_active": True, "webhook_url": "/hooks/sendcloud"},
        ),
        id="relative-webhook-url",
    ),
    pytest.param(
        Case("shop-name-surrogate", "integrations.update", (ID,), {"shop_name": "Shop \ud800"}),
        id="shop-name-lone-surrogate",
    ),
]


@pytest.mark.parametrize("case", EDGES)
def test_what_the_client_lets_through_prism_accepts(prism: PrismServer, case: Case) -> None:
    """An edge input is refused before sending (nothing sent) or sent in a form Prism accepts."""
    recorder = Recorder()
    with sync_client(prism.base_url, recorder) as client:
        try:
            with contextlib.suppress(sc.APIError):  # the verdict says why
                run_sync(client, case)
        except sc.RequestValidationError:
            assert recorder.exchanges == [], "refused, but a request was sent anyway"
            return
    assert_conforms(recorder.exchanges, f"{case.name} ({case.method})")
