"""Valid calls of every facade method, and one runner for the sync and async clients.

Together the cases send every parameter and every body field of the spec at
least once (test_requests.py checks that against the spec), with both
branches of the nullable fields and both the plain-string and enum forms.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import inspect
from collections.abc import AsyncIterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import sendcloud_integrations as sc

from ._judge import AsyncRecordingTransport, Recorder, RecordingTransport, assert_conforms
from ._prism import PrismServer

ID = 23452345
CET = dt.timezone(dt.timedelta(hours=1))


@dataclass(frozen=True)
class Case:
    """``client.<resource>.<method>(*args, **kwargs)``."""

    name: str
    method: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)

    def bound(self, client: sc.Client | sc.AsyncClient) -> Any:
        resource, method = self.method.split(".")
        return getattr(getattr(client, resource), method)


def _translations(count: int) -> list[dict[str, str]]:
    return [{"status": f"Sent {lang}", "language": lang} for lang in _LANGUAGES[:count]]


_LANGUAGES = ("en-gb", "nl-nl", "de-de", "fr-fr", "es-es", "it-it", "en-us")

_FULL_LOG: dict[str, Any] = {
    "base_url": "https://example.com",
    "full_url": "https://example.com/order-note.json",
    "method": "POST",
    "response_code": 495,
    "response": {"headers": {"Content-Type": "text/html"}, "body": "SSL Certificate Error\n"},
    "request": {"headers": {"Accept": "application/json"}, "payload": {"note": "Success"}},
    "created_at": dt.datetime(2023, 3, 1, 2, 2, tzinfo=CET),
    "exception_type": "requests.exceptions.SSLError",
    "exception": "An SSL error occurred",
}

CASES = [
    Case("list-integrations", "integrations.list"),
    Case("list-integrations-sorted", "integrations.list", kwargs={"sort": "-updated_at"}),
    Case("get-integration", "integrations.get", (ID,)),
    Case(
        "update-every-field",
        "integrations.update",
        (ID,),
        {
            "shop_name": "My Webshop",
            "shop_url": "https://www.my-shop-integration.com/",
            "service_point_enabled": True,
            "service_point_carriers": ["ups", "dhl"],
            "webhook_active": True,
            "webhook_url": "https://mywebshop.com/feedback",
            "feedback_type": "delayed",
        },
    ),
    Case(
        "update-webhook-off",
        "integrations.update",
        (ID,),
        {"webhook_active": False, "webhook_url": None, "service_point_carriers": []},
    ),
    Case(
        "update-feedback-enum",
        "integrations.update",
        (ID,),
        {"feedback_type": sc.FeedbackType.NONE},
    ),
    Case("delete-integration", "integrations.delete", (ID,)),
    Case("list-all-logs", "exception_logs.list"),
    Case(
        "list-all-logs-from-cursor",
        "exception_logs.list",
        kwargs={"page_size": 1, "cursor": "2023-03-01T02:02:00+01:00"},
    ),
    Case(
        "list-integration-logs-datetime-cursor",
        "exception_logs.list",
        (ID,),
        {"page_size": 100, "cursor": dt.datetime(2023, 3, 1, 2, 2, tzinfo=CET)},
    ),
    Case("list-integration-logs-limited", "exception_logs.list", (ID,), {"limit": 3}),
    Case("create-log-every-field", "exception_logs.create", (ID,), _FULL_LOG),
    Case(
        "create-log-nulls",
        "exception_logs.create",
        (ID,),
        {"base_url": "https://example.com"} | {k: None for k in _FULL_LOG if k != "base_url"},
    ),
    Case(
        "create-log-string-variants",
        "exception_logs.create",
        (ID,),
        {
            "base_url": "https://example.com",
            "created_at": "2023-03-01T02:02:00+01:00",
            "response": {"headers": None, "body": {"error": "gone"}},
            "request": {"headers": "Accept: */*", "payload": "note=Success"},
        },
    ),
    Case("list-statuses", "shop_order_statuses.list", (ID,)),
    Case(
        "list-statuses-language",
        "shop_order_statuses.list",
        (ID,),
        {"language": "nl-nl", "show_deleted": True},
    ),
    Case(
        "list-statuses-enum",
        "shop_order_statuses.list",
        (ID,),
        {"language": sc.Language.DE_DE, "show_deleted": False},
    ),
    Case(
        "replace-statuses",
        "shop_order_statuses.replace",
        (ID,),
        {
            "statuses": [
                {"external_id": "Send-4", "translations": _translations(7)},
                sc.NewShopOrderStatus.from_dict(
                    {"external_id": "15", "translations": _translations(1)}
                ),
            ]
        },
    ),
    Case("replace-statuses-empty", "shop_order_statuses.replace", (ID,), {"statuses": []}),
    Case("get-mapping", "status_mapping.get", (ID,)),
    Case(
        "set-mapping",
        "status_mapping.set",
        (
            ID,
            {
                "READY_TO_SEND": "11",
                "IN_TRANSIT": "11",
                "DELIVERED": None,
                sc.StatusCategory.CANCEL: "12",
            },
        ),
    ),
]


def sync_client(
    base_url: str, recorder: Recorder, headers: Mapping[str, str] | None = None
) -> sc.Client:
    # No retries: a refused request must reach the verdict as it was answered.
    return sc.Client(
        auth=sc.BasicAuth("contract-public-key", "contract-secret-key"),
        base_url=base_url,
        transport=RecordingTransport(recorder, headers),
        max_retries=0,
    )


def async_client(
    base_url: str, recorder: Recorder, headers: Mapping[str, str] | None = None
) -> sc.AsyncClient:
    return sc.AsyncClient(
        auth=sc.BasicAuth("contract-public-key", "contract-secret-key"),
        base_url=base_url,
        transport=AsyncRecordingTransport(recorder, headers),
        max_retries=0,
    )


def run_sync(client: sc.Client, case: Case) -> Any:
    """Call the method; a paginator is iterated to the end (nothing is sent before)."""
    result = case.bound(client)(*case.args, **case.kwargs)
    if isinstance(result, sc.LogPaginator):
        return list(result)
    return result


async def run_async(client: sc.AsyncClient, case: Case) -> Any:
    result = case.bound(client)(*case.args, **case.kwargs)
    if inspect.isawaitable(result):
        return await result
    if isinstance(result, AsyncIterable):
        return [item async for item in result]
    raise AssertionError(f"{case.method} returned {type(result).__name__}")


def check_sync(server: PrismServer, case: Case) -> Recorder:
    """Prism's verdict on the case's requests from the sync client, then the call's own success."""
    recorder = Recorder()
    with sync_client(server.base_url, recorder) as client:
        with contextlib.suppress(sc.APIError):  # the verdict says why, in Prism's words
            run_sync(client, case)
        assert_conforms(recorder.exchanges, f"{case.name} (sync {case.method})")
        run_sync(client, case)  # a request Prism accepts must also give a parsed result
    return recorder


async def check_async(server: PrismServer, case: Case) -> Recorder:
    """The async twin of :func:`check_sync`."""
    recorder = Recorder()
    async with async_client(server.base_url, recorder) as client:
        with contextlib.suppress(sc.APIError):
            await run_async(client, case)
        assert_conforms(recorder.exchanges, f"{case.name} (async {case.method})")
        await run_async(client, case)
    return recorder


def sent_by_all_cases(server: PrismServer) -> list[tuple[str, set[str], Any]]:
    """Run every case on the sync client: ``(operationId, query names, JSON body)`` per request."""
    recorder = Recorder()
    with sync_client(server.base_url, recorder) as client:
        for case in CASES:
            # A refused request still shows what was sent; the verdict is test_requests' job.
            with contextlib.suppress(sc.APIError):
                run_sync(client, case)
    return [
        (e.operation_id, set(e.request.url.params.keys()), e.body()) for e in recorder.exchanges
    ]
