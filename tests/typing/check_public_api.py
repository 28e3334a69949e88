"""The public API as a user types it: checked by ``nox -s typing`` (mypy --strict), never run.

``assert_type`` pins what mypy infers for each return value. Each ``# type: ignore[code]``
marks a call that must be rejected with that error code: --strict turns on
warn_unused_ignores, so if mypy ever accepts such a call (or rejects it for another
reason) the session fails. The file name does not start with ``test_``, so pytest
never collects it.
"""

from __future__ import annotations

import datetime
from typing import assert_type

import httpx
import sendcloud_integrations as sc
from sendcloud_integrations.testing import Sandbox
from sendcloud_integrations_api.types import DecodeError, Unset


def construct(sandbox: Sandbox) -> None:
    basic = sc.BasicAuth("public-key", "secret-key")
    oauth = sc.OAuth2ClientCredentials("client-id", "client-secret", token_url=sandbox.token_url)
    with sc.Client(auth=basic, base_url=sandbox.base_url, transport=sandbox.transport()) as client:
        assert_type(client, sc.Client)
        assert_type(client.with_options(max_retries=0, timeout=5.0), sc.Client)
        assert_type(client.base_url, str)
    assert_type(sc.Client.from_env(), sc.Client)
    assert_type(sc.AsyncClient.from_env(), sc.AsyncClient)
    sc.AsyncClient(auth=oauth, retry_writes=True, timeout=httpx.Timeout(10.0))


def sync_calls(client: sc.Client) -> None:
    integrations = client.integrations.list(sort="-updated_at")
    assert_type(integrations, list[sc.Integration])
    integration = client.integrations.get(1)
    assert_type(integration, sc.Integration)
    assert_type(integration.id, int | Unset)
    assert_type(integration.updated_at, datetime.datetime | Unset)
    assert_type(client.integrations.update(1, shop_name="Shop", webhook_active=False), None)
    assert_type(client.integrations.delete(1), None)
    # The escape hatches, and a client for a server ahead of the spec.
    client.integrations.update(
        1, extra_headers={"X-Trace": "1"}, extra_query={"beta": 1}, extra_body={"new": True}
    )
    assert_type(client.integrations.get(1, timeout=httpx.Timeout(5.0)), sc.Integration)
    assert_type(client.with_options(validate_requests=False).validate_requests, bool)

    logs = client.exception_logs.list(7, page_size=50, limit=200)
    assert_type(logs, sc.LogPaginator)
    for log in logs:
        assert_type(log, sc.IntegrationLog)
    for page in client.exception_logs.list().pages():
        assert_type(page, sc.LogPage)
        assert_type(page.items, list[sc.IntegrationLog])
        assert_type(page.next_cursor, str | None)
        assert_type(page.has_next_page, bool)
    created = client.exception_logs.create(
        7, base_url="https://shop.example", method="POST", response_code=503
    )
    assert_type(created, sc.IntegrationLog)

    statuses = client.shop_order_statuses.list(7, language=sc.Language.NL_NL, show_deleted=True)
    assert_type(statuses, list[sc.ShopOrderStatus])
    translations: list[sc.ShopOrderStatusTranslation] | Unset = statuses[0].translations
    del translations
    client.shop_order_statuses.replace(
        7,
        statuses=[
            {"external_id": "11", "translations": [{"status": "Ready", "language": "en-gb"}]}
        ],
    )
    assert_type(client.status_mapping.get(7), sc.StatusMapping)
    assert_type(client.status_mapping.set(7, {"READY_TO_SEND": "11", "CANCEL": None}), None)

    with client.capture_responses() as raw:
        client.integrations.list()
    assert_type(raw, sc.CapturedResponses)
    assert_type(raw.last, httpx.Response)


def errors(client: sc.Client) -> None:
    try:
        client.integrations.get(1)
    except sc.RateLimitError as error:
        assert_type(error.retry_after, float | None)
        assert_type(error.status_code, int)
    except sc.APIError as error:
        assert_type(error.errors, list[sc.ErrorDetail])
        assert_type(error.codes, list[str])
        assert_type(error.response, httpx.Response | None)
    except sc.SendcloudError as error:
        # Pagination state lives on PaginationError; an APIError that ended an iteration
        # is also one, so narrowing finds it.
        if isinstance(error, sc.PaginationError):
            assert_type(error.resume_cursor, str | None)


def open_enums_and_response_errors(client: sc.Client) -> None:
    integration = client.integrations.get(1)
    feedback = integration.feedback_type
    assert_type(feedback, sc.FeedbackType | Unset)
    if not isinstance(feedback, Unset):
        # The README's comparisons: members, their strings, and spotting an unknown value.
        known: bool = feedback in list(sc.FeedbackType)
        member: bool = feedback is sc.FeedbackType.EAGER
        equal: bool = feedback == sc.FeedbackType.EAGER
        as_text: bool = feedback == "eager"
        text: str = str(feedback)
        assert_type(feedback.value, str)
        del known, member, equal, as_text, text
    assert_type(sc.FeedbackType("lazy"), sc.FeedbackType)
    try:
        client.status_mapping.get(1)
    except sc.ResponseValidationError as error:
        assert_type(error.pointer, str | None)
        assert_type(error.expected, str | None)
        assert_type(error.body, str)
    try:
        sc.IntegrationLog.from_dict({"base_url": 1})
    except DecodeError as error:
        assert_type(error.pointer, str)
        assert_type(error.expected, str)
    assert_type(repr(sc.UNSET), str)


async def async_calls(client: sc.AsyncClient) -> None:
    async with client:
        assert_type(await client.integrations.list(), list[sc.Integration])
        assert_type(await client.integrations.get(1), sc.Integration)
        assert_type(await client.integrations.update(1, shop_url="https://shop.example"), None)
        logs = client.exception_logs.list(page_size=10)
        assert_type(logs, sc.AsyncLogPaginator)
        async for log in logs:
            assert_type(log, sc.IntegrationLog)
        async for page in logs.pages():
            assert_type(page, sc.LogPage)
        created = await client.exception_logs.create(7, base_url="https://shop.example")
        assert_type(created, sc.IntegrationLog)
        assert_type(await client.shop_order_statuses.list(7), list[sc.ShopOrderStatus])
        assert_type(await client.status_mapping.get(7), sc.StatusMapping)
        assert_type(client.with_options(retry_writes=True), sc.AsyncClient)
        # One declaration serves both clients: every method, escape hatches included.
        assert_type(await client.integrations.delete(1), None)
        got = await client.integrations.get(1, extra_headers={"X-Trace": "1"}, timeout=5.0)
        assert_type(got, sc.Integration)
        assert_type(await client.status_mapping.set(7, {"READY_TO_SEND": None}), None)
        assert_type(await client.shop_order_statuses.replace(7, statuses=[]), None)
        assert_type(client.exception_logs.list(7, limit=5, cursor="c"), sc.AsyncLogPaginator)


def rejected_sync(client: sc.Client, sandbox: Sandbox) -> None:
    client.integrations.get("7")  # type: ignore[arg-type]
    client.integrations.list("-updated_at")  # type: ignore[call-arg, arg-type]
    client.integrations.update(7, shop_nam="Shop")  # type: ignore[call-arg]
    client.integrations.update(7, webhook_active="yes")  # type: ignore[arg-type]
    client.exception_logs.create(7)  # type: ignore[call-arg]
    client.exception_logs.list(page_size="100")  # type: ignore[arg-type]
    client.shop_order_statuses.replace(7, statuses=[{"external_id": "11"}])  # type: ignore[list-item]
    client.status_mapping.set(7, {"READY_TO_SEND": 11})  # type: ignore[dict-item]
    sc.Client(auth="public-key:secret-key")  # type: ignore[arg-type]
    sc.Client(transport=sandbox)  # type: ignore[arg-type]
    sc.BasicAuth("public-key")  # type: ignore[call-arg]
    name: int = client.integrations.get(7).shop_name  # type: ignore[assignment]
    del name


async def rejected_async(client: sc.AsyncClient) -> None:
    integrations: list[sc.Integration] = client.integrations.list()  # type: ignore[assignment]
    del integrations
    for _log in client.exception_logs.list():  # type: ignore[attr-defined]
        pass
    client.integrations.delete(7)  # type: ignore[unused-coroutine]
    await client.integrations.get("7")  # type: ignore[arg-type]
    await client.integrations.update(7, shop_nam="Shop")  # type: ignore[call-arg]
    await client.status_mapping.set(7, {"READY_TO_SEND": 11})  # type: ignore[dict-item]
    client.exception_logs.list(page_size="100")  # type: ignore[arg-type]
    async with sc.Client() as _client:  # type: ignore[attr-defined]
        pass


async def sync_methods_are_not_awaitable(client: sc.Client) -> None:
    await client.integrations.get(1)  # type: ignore[misc]
    await client.exception_logs.list()  # type: ignore[misc]


class _DictStore:
    """A user's own backend: structurally an sc.TokenStore, no base class needed."""

    lock_timeout = 15.0

    def get(self, key: str) -> str | None:
        return None

    def set(self, key: str, value: str, ttl: float | None) -> None:
        pass

    def acquire(self, key: str, owner: str) -> bool:
        return True

    def release(self, key: str, owner: str) -> None:
        pass

    async def aget(self, key: str) -> str | None:
        return None

    async def aset(self, key: str, value: str, ttl: float | None) -> None:
        pass

    async def aacquire(self, key: str, owner: str) -> bool:
        return True

    async def arelease(self, key: str, owner: str) -> None:
        pass


def token_stores(sandbox: Sandbox) -> None:
    for store in (
        sc.FileTokenStore("/run/app/sendcloud/tokens.json", lock_timeout=5.0),
        sc.RedisTokenStore("redis://127.0.0.1:6379/0", key_prefix="app:token:"),
        sc.MemoryTokenStore(),
        _DictStore(),
    ):
        auth = sc.OAuth2ClientCredentials("id", "secret", token_store=store)
        assert_type(auth.token_store, sc.TokenStore)
    sc.OAuth2ClientCredentials("id", "secret", token_store="redis://x")  # type: ignore[arg-type]
    sc.RedisTokenStore(6379)  # type: ignore[arg-type]
