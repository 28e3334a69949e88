"""The client, auth and pagination behaviours again, against the sandbox.

Every test runs five ways: sync and async client, each with the sandbox
in-process (its httpx transport) and over real HTTP on 127.0.0.1; the async
client over HTTP once more on the aiohttp backend (``sc.DefaultAioHttpClient``),
which must behave exactly like the default one.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AsyncExitStack
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations._config import USER_AGENT
from sendcloud_integrations.testing import API_ID, PRESTASHOP_ID, Sandbox

# (flavour, mode, backend): the in-process transport is an httpx transport, so the
# aiohttp backend, a transport itself, runs over loopback only.
COMBOS = [
    *(
        (flavour, mode, "httpx")
        for flavour in ("sync", "async")
        for mode in ("in-process", "loopback")
    ),
    ("async", "loopback", "aiohttp"),
]


@dataclass
class Api:
    """Calls one client (sync or async) through the same awaitable interface."""

    client: sc.Client | sc.AsyncClient
    sandbox: Sandbox
    base_url: str
    token_url: str

    async def call(self, path: str, *args: Any, **kwargs: Any) -> Any:
        group, method = path.split(".")
        result = getattr(getattr(self.client, group), method)(*args, **kwargs)
        return await result if isinstance(self.client, sc.AsyncClient) else result

    async def collect_pages(self, into: list[int]) -> None:
        """Append each page's ids to ``into`` as it arrives (so a failure keeps what came)."""
        paginator = self.client.exception_logs.list(page_size=100)
        if isinstance(paginator, sc.AsyncLogPaginator):
            async for page in paginator.pages():
                into += [log.id for log in page.items]
        else:
            for page in paginator.pages():
                into += [log.id for log in page.items]

    async def logs(self, *args: Any, **kwargs: Any) -> list[sc.IntegrationLog]:
        paginator = self.client.exception_logs.list(*args, **kwargs)
        if isinstance(paginator, sc.AsyncLogPaginator):
            return [log async for log in paginator]
        return list(paginator)


async def _open(
    stack: AsyncExitStack,
    sandbox: Sandbox,
    flavour: str,
    mode: str,
    backend: str,
    auth: Callable[[str], httpx.Auth] | None = None,
    **options: Any,
) -> Api:
    if mode == "in-process":
        base_url, token_url, transport = sandbox.base_url, sandbox.token_url, sandbox.transport()
    else:
        server = stack.enter_context(sandbox.serve())
        base_url, token_url, transport = server.base_url, server.token_url, None
    creds = sandbox.credentials
    the_auth = auth(token_url) if auth else sc.BasicAuth(creds.public_key, creds.secret_key)
    client: sc.Client | sc.AsyncClient
    if flavour == "sync":
        client = stack.enter_context(
            sc.Client(
                auth=the_auth,
                base_url=base_url,
                transport=transport,
                sleep=lambda _: None,
                **options,
            )
        )
    else:

        async def no_sleep(_: float) -> None:
            pass

        if backend == "aiohttp":
            options["http_client"] = sc.DefaultAioHttpClient()
        else:
            options["transport"] = transport
        client = await stack.enter_async_context(
            sc.AsyncClient(auth=the_auth, base_url=base_url, sleep=no_sleep, **options)
        )
    return Api(client, sandbox, base_url, token_url)


def _combo_id(combo: tuple[str, str, str]) -> str:
    return "-".join(combo)


@pytest.fixture(params=COMBOS, ids=_combo_id)
async def api(request: pytest.FixtureRequest, sandbox: Sandbox) -> AsyncIterator[Api]:
    async with AsyncExitStack() as stack:
        yield await _open(stack, sandbox, *request.param)


pytestmark = pytest.mark.anyio


# --- client -----------------------------------------------------------------


async def test_every_operation_works_end_to_end(api: Api) -> None:
    """All 11 operations, through the real client, change and read the sandbox's state."""
    listed = await api.call("integrations.list", sort="-updated_at")
    assert {i.id for i in listed} >= {PRESTASHOP_ID, API_ID}
    await api.call("integrations.update", API_ID, shop_name="Renamed", feedback_type="none")
    got = await api.call("integrations.get", API_ID)
    assert (got.shop_name, got.feedback_type) == ("Renamed", sc.FeedbackType.NONE)
    created = await api.call(
        "exception_logs.create", API_ID, base_url="https://shop.example", response_code=495
    )
    assert created.integration_id == API_ID
    assert (await api.logs(API_ID, limit=1))[0].id == created.id
    assert (await api.logs(limit=1))[0].id == created.id
    statuses = [
        {"external_id": "A", "translations": [{"status": "Sent", "language": "en-gb"}]},
        {"external_id": "B", "translations": [{"status": "Bezorgd", "language": "nl-nl"}]},
    ]
    await api.call("shop_order_statuses.replace", PRESTASHOP_ID, statuses=statuses)
    current = await api.call("shop_order_statuses.list", PRESTASHOP_ID, language="nl-nl")
    assert {s.external_id for s in current} == {"A", "B"}
    mapping = {"READY_TO_SEND": "A", "IN_TRANSIT": "A", "DELIVERED": "B", "CANCEL": None}
    await api.call("status_mapping.set", PRESTASHOP_ID, mapping)
    entries = (await api.call("status_mapping.get", PRESTASHOP_ID)).mapping
    assert {(e.status_category.value, e.external_id, e.is_valid) for e in entries} == {
        ("READY_TO_SEND", "A", True),
        ("IN_TRANSIT", "A", True),
        ("DELIVERED", "B", True),
        ("CANCEL", None, True),
    }
    await api.call("integrations.delete", API_ID)
    with pytest.raises(sc.NotFoundError) as caught:
        await api.call("integrations.get", API_ID)
    assert caught.value.codes == ["not_found"]


async def test_server_side_validation_errors_are_typed(api: Api) -> None:
    """The sandbox's 400s and 404s reach the caller as BadRequestError/NotFoundError."""
    with pytest.raises(sc.NotFoundError):
        await api.call("exception_logs.create", 999_999, base_url="https://x.example")
    with pytest.raises(sc.BadRequestError) as caught:
        await api.call("shop_order_statuses.list", 999_999)
    assert caught.value.errors


async def test_wrong_credentials_raise_authentication_error(sandbox: Sandbox) -> None:
    """Bad Basic credentials give AuthenticationError carrying the spec's Unauthorized body."""
    for combo in COMBOS:
        async with AsyncExitStack() as stack:
            api = await _open(stack, sandbox, *combo, auth=lambda _url: sc.BasicAuth("pk", "wrong"))
            with pytest.raises(sc.AuthenticationError) as caught:
                await api.call("integrations.list")
            assert caught.value.codes == ["authentication_failed"]


async def test_transient_faults_are_retried_and_counted(api: Api) -> None:
    """A 503, a 429 with Retry-After and a dropped connection on GETs are retried to success."""
    api.sandbox.faults.server_error(503, times=1)
    api.sandbox.faults.rate_limit(retry_after=0, times=1, skip=1)
    assert (await api.call("integrations.get", PRESTASHOP_ID)).id == PRESTASHOP_ID
    api.sandbox.faults.drop_connection(times=1)
    assert (await api.call("integrations.get", PRESTASHOP_ID)).id == PRESTASHOP_ID
    counts = api.sandbox.faults.counts
    assert (counts["server_error"], counts["rate_limit"], counts["drop_connection"]) == (1, 1, 1)


async def test_a_create_log_that_got_a_503_is_not_sent_again(api: Api) -> None:
    """POST logs is never retried after the server saw it: one 503, one error, no duplicate."""
    before = len(await api.logs(API_ID))
    api.sandbox.faults.server_error(503, times=1)
    with pytest.raises(sc.ServerError):
        await api.call("exception_logs.create", API_ID, base_url="https://shop.example")
    assert api.sandbox.faults.count("server_error") == 1
    assert len(await api.logs(API_ID)) == before


async def test_a_create_log_whose_response_is_cut_off_is_not_sent_again(api: Api) -> None:
    """A POST whose connection drops mid-response raises APIConnectionError and is not resent."""
    before = len(await api.logs(API_ID))
    api.sandbox.faults.drop_connection(times=1)
    with pytest.raises(sc.APIConnectionError) as caught:
        await api.call("exception_logs.create", API_ID, base_url="https://shop.example")
    assert not isinstance(caught.value, sc.APITimeoutError)
    assert api.sandbox.faults.count("drop_connection") == 1
    assert len(await api.logs(API_ID)) == before + 1  # the server did create it, once


async def test_each_attempt_logs_one_line_without_credentials(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    """A retried GET logs method, URL and outcome per attempt, and never the Authorization."""
    api.sandbox.faults.server_error(503, times=1)
    with caplog.at_level(logging.DEBUG, logger="sendcloud_integrations"):
        await api.call("integrations.get", PRESTASHOP_ID)
    lines = [r.getMessage() for r in caplog.records if r.name == "sendcloud_integrations"]
    url = f"{api.base_url}/integrations/{PRESTASHOP_ID}"
    assert [line.split(" in ")[0] for line in lines] == [f"GET {url} -> 503", f"GET {url} -> 200"]
    creds = api.sandbox.credentials
    assert not any(
        creds.secret_key in line or "Basic " in line for line in caplog.text.splitlines()
    )


async def test_requests_carry_the_sdk_user_agent_and_accept(api: Api) -> None:
    """Every request, on every backend, sends the SDK's User-Agent and Accept once each."""
    with api.client.capture_responses() as raw:
        await api.call("integrations.get", PRESTASHOP_ID)
    headers = raw.last.request.headers
    assert headers.get_list("User-Agent") == [USER_AGENT]
    assert headers.get_list("Accept") == ["application/json"]


async def test_truncated_json_is_a_response_validation_error(api: Api) -> None:
    """A 200 whose JSON is cut short raises ResponseValidationError keeping the raw body."""
    api.sandbox.faults.truncate_json(times=1)
    with pytest.raises(sc.ResponseValidationError) as caught:
        await api.call("integrations.get", PRESTASHOP_ID)
    assert caught.value.body.startswith("{")


# --- auth -------------------------------------------------------------------


def _oauth(sandbox: Sandbox) -> Callable[[str], httpx.Auth]:
    creds = sandbox.credentials
    return lambda token_url: sc.OAuth2ClientCredentials(
        creds.client_id, creds.client_secret, token_url=token_url
    )


@pytest.mark.parametrize(("flavour", "mode", "backend"), COMBOS, ids=_combo_id)
async def test_oauth2_fetches_once_and_refreshes_on_expiry_and_revocation(
    sandbox: Sandbox, flavour: str, mode: str, backend: str
) -> None:
    """One token serves many calls; an expired or revoked token costs exactly one refresh each."""
    async with AsyncExitStack() as stack:
        api = await _open(stack, sandbox, flavour, mode, backend, auth=_oauth(sandbox))
        for _ in range(5):
            await api.call("integrations.get", PRESTASHOP_ID)
        assert sandbox.tokens.issued == 1
        sandbox.faults.expire_token_after(0)
        await api.call("integrations.list")
        assert sandbox.tokens.issued == 2
        sandbox.revoke_tokens()
        await api.call("integrations.list")
        assert sandbox.tokens.issued == 3


@pytest.mark.parametrize(("flavour", "mode", "backend"), COMBOS, ids=_combo_id)
async def test_oauth2_concurrent_cold_calls_fetch_one_token(
    sandbox: Sandbox, flavour: str, mode: str, backend: str
) -> None:
    """Twenty calls at once on a cold client (threads or tasks) share a single token request."""
    async with AsyncExitStack() as stack:
        api = await _open(stack, sandbox, flavour, mode, backend, auth=_oauth(sandbox))
        if isinstance(api.client, sc.AsyncClient):
            got = await asyncio.gather(
                *(api.client.integrations.get(PRESTASHOP_ID) for _ in range(20))
            )
        else:
            client = api.client
            with ThreadPoolExecutor(max_workers=20) as pool:
                got = list(pool.map(lambda _: client.integrations.get(PRESTASHOP_ID), range(20)))
    assert [i.id for i in got] == [PRESTASHOP_ID] * 20
    assert sandbox.tokens.issued == 1


@pytest.mark.parametrize(("flavour", "mode", "backend"), COMBOS, ids=_combo_id)
async def test_oauth2_invalid_client_is_an_authentication_error(
    sandbox: Sandbox, flavour: str, mode: str, backend: str
) -> None:
    """A wrong client secret is refused by the token endpoint with invalid_client."""
    async with AsyncExitStack() as stack:
        api = await _open(
            stack,
            sandbox,
            flavour,
            mode,
            backend,
            auth=lambda url: sc.OAuth2ClientCredentials("sandbox-client-id", "nope", token_url=url),
        )
        with pytest.raises(sc.AuthenticationError) as caught:
            await api.call("integrations.list")
    assert "invalid_client" in caught.value.codes
    assert "nope" not in str(caught.value)


# --- pagination -------------------------------------------------------------


@pytest.mark.parametrize("total", [0, 1, 99, 100, 101, 250, 10_000])
@pytest.mark.parametrize(("flavour", "mode", "backend"), COMBOS, ids=_combo_id)
async def test_pagination_reads_every_log_once_in_minimal_requests(
    total: int, flavour: str, mode: str, backend: str
) -> None:
    """N seeded logs arrive once each, newest first, in ceil(N/100) requests (one for N=0)."""
    sandbox = Sandbox(log_count=total)
    async with AsyncExitStack() as stack:
        api = await _open(stack, sandbox, flavour, mode, backend)
        with api.client.capture_responses() as raw:
            logs = await api.logs()
    assert [log.id for log in logs] == list(range(total, 0, -1))
    # The sandbox looks ahead: no next link on a last page that happens to be full.
    assert len(raw.responses) == max(1, math.ceil(total / 100))


@pytest.mark.parametrize(("flavour", "mode", "backend"), COMBOS, ids=_combo_id)
async def test_pagination_resumes_after_a_failure_without_gap_or_duplicate(
    flavour: str, mode: str, backend: str
) -> None:
    """A page that keeps failing ends iteration with resume_cursor; resuming completes the set."""
    sandbox = Sandbox(log_count=450)
    async with AsyncExitStack() as stack:
        api = await _open(stack, sandbox, flavour, mode, backend, max_retries=1)
        seen: list[int] = []
        sandbox.faults.server_error(502, times=2, skip=2)
        with pytest.raises(sc.ServerError) as caught:
            await api.collect_pages(seen)
        assert caught.value.resume_cursor is not None
        seen += [log.id for log in await api.logs(cursor=caught.value.resume_cursor)]
    assert seen == list(range(450, 0, -1))
