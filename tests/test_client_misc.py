"""User-Agent, DEBUG logging without secrets, capture_responses, with_options, client ownership."""

from __future__ import annotations

import asyncio
import logging
import platform
import re
from collections.abc import Generator

import httpx
import pytest
import sendcloud_integrations as sc

from ._client_harness import BASE_URL, MODES, Harness, Recorder, json_response

pytestmark = pytest.mark.anyio

SECRET = "s3cr3t-t0ken-do-not-log"
INTEGRATION = {"data": {"id": 1, "shop_name": "Shop"}}
LOGS_PAGE = {"data": [{"id": 1, "base_url": "https://shop.example"}]}


class SecretAuth(httpx.Auth):
    """A stand-in for the real auth classes: puts a secret in the Authorization header."""

    def __init__(self, token: str = SECRET) -> None:
        self.token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        yield request


class ClosingTransport(httpx.MockTransport):
    """A MockTransport that records whether its client closed it."""

    closed = False

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


@pytest.fixture(params=MODES)
def h(request: pytest.FixtureRequest) -> Harness:
    return Harness(request.param)


async def close_own(client: httpx.Client | httpx.AsyncClient) -> None:
    if isinstance(client, httpx.AsyncClient):
        await client.aclose()
    else:
        client.close()


# --- User-Agent and headers ----------------------------------------------------------------

USER_AGENT = (
    f"sendcloud-integrations/{re.escape(sc.__version__)} "
    f"python/{re.escape(platform.python_version())} httpx/{re.escape(httpx.__version__)}"
)


async def test_user_agent_names_sdk_python_and_httpx_versions(h: Harness) -> None:
    """Every request, retries included, carries the SDK/python/httpx User-Agent and JSON Accept."""
    recorder = Recorder([httpx.Response(503), json_response(200, INTEGRATION)])
    client = h.client(recorder)
    await h.run(client.integrations.get(1))
    assert len(recorder.requests) == 2
    for request in recorder.requests:
        assert re.fullmatch(USER_AGENT, request.headers["User-Agent"])
        assert request.headers["Accept"] == "application/json"
    header = recorder.last.headers["User-Agent"]
    assert re.fullmatch(r"sendcloud-integrations/\S+ python/\d+\.\d+\.\d+\S* httpx/\S+", header)
    await h.close(client)


async def test_user_agent_is_set_on_a_caller_owned_http_client(h: Harness) -> None:
    """A caller's httpx client with its own User-Agent still sends ours on SDK calls."""
    recorder = Recorder([json_response(200, {"data": []})])
    own = h.http_client(recorder, headers={"User-Agent": "my-app/1.0", "X-Trace": "t1"})
    client = h.client(recorder, http_client=own)
    await h.run(client.integrations.list())
    assert re.fullmatch(USER_AGENT, recorder.last.headers["User-Agent"])
    assert recorder.last.headers["X-Trace"] == "t1"
    await h.close(client)
    await close_own(own)


# --- logging --------------------------------------------------------------------------------

LINE = re.compile(
    r"(?P<method>[A-Z]+) (?P<url>\S+) -> (?P<outcome>\S+) in \d+\.\d ms \(attempt (?P<n>\d+)\)"
)


def sdk_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "sendcloud_integrations"]


async def test_debug_log_has_method_url_status_elapsed_and_attempt(
    h: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """Each attempt logs one DEBUG line: method, URL, status or error, elapsed ms, attempt."""
    caplog.set_level(logging.DEBUG, logger="sendcloud_integrations")
    recorder = Recorder(
        [httpx.ConnectError("refused"), httpx.Response(503), json_response(200, INTEGRATION)]
    )
    client = h.client(recorder, auth=SecretAuth())
    await h.run(client.integrations.get(42))
    records = sdk_records(caplog)
    assert [r.levelno for r in records] == [logging.DEBUG] * 3
    lines = [LINE.fullmatch(r.getMessage()) for r in records]
    assert all(lines), [r.getMessage() for r in records]
    url = f"{BASE_URL}/integrations/42"
    assert [(m["method"], m["url"], m["outcome"], m["n"]) for m in lines if m] == [
        ("GET", url, "ConnectError", "1"),
        ("GET", url, "503", "2"),
        ("GET", url, "200", "3"),
    ]
    await h.close(client)


async def test_logging_is_silent_above_debug(h: Harness, caplog: pytest.LogCaptureFixture) -> None:
    """With the SDK logger at INFO no record of ours is emitted."""
    caplog.set_level(logging.INFO, logger="sendcloud_integrations")
    client = h.client(Recorder([json_response(200, INTEGRATION)]))
    await h.run(client.integrations.get(1))
    assert sdk_records(caplog) == []
    await h.close(client)


async def test_no_log_record_or_error_carries_the_authorization_secret(
    h: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """Across successes, retries, errors and connection failures nothing logged holds the secret."""
    caplog.set_level(logging.DEBUG)  # every logger, httpx's included
    recorder = Recorder(
        [
            json_response(200, INTEGRATION),
            httpx.Response(503),
            json_response(401, {"errors": [{"code": "authentication_failed", "detail": "no"}]}),
            httpx.ConnectError("refused"),
        ]
    )
    client = h.client(recorder, auth=SecretAuth(), max_retries=1)
    await h.run(client.integrations.get(1))
    errors: list[BaseException] = []
    for _ in range(2):
        with pytest.raises(sc.SendcloudError) as info:
            await h.run(client.integrations.get(1))
        errors.append(info.value)
    assert all(r.headers["Authorization"] == f"Bearer {SECRET}" for r in recorder.requests)
    assert len(sdk_records(caplog)) == len(recorder.requests) == 5
    for record in caplog.records:
        assert SECRET not in record.getMessage()
        assert SECRET not in repr(record.args)
    for error in errors:
        assert SECRET not in str(error)
        assert SECRET not in repr(error)
    assert SECRET not in repr(client)
    assert SECRET not in caplog.text
    await h.close(client)


# --- capture_responses ------------------------------------------------------------------------


async def test_capture_responses_gives_raw_status_and_headers(h: Harness) -> None:
    """Calls inside the block are captured in order with their raw status and headers."""
    recorder = Recorder(
        [
            json_response(200, INTEGRATION, {"X-Request-Id": "req-1"}),
            httpx.Response(204, headers={"X-Request-Id": "req-2"}),
        ]
    )
    client = h.client(recorder)
    with client.capture_responses() as raw:
        integration = await h.run(client.integrations.get(1))
        await h.run(client.integrations.delete(1))
    assert integration.id == 1
    assert [r.status_code for r in raw.responses] == [200, 204]
    assert [r.headers["X-Request-Id"] for r in raw.responses] == ["req-1", "req-2"]
    assert raw.last.status_code == 204
    assert raw.responses[0].json() == INTEGRATION
    await h.close(client)


async def test_capture_responses_keeps_error_responses(h: Harness) -> None:
    """A call that raises still leaves its raw response (and only the final attempt's) captured."""
    recorder = Recorder([httpx.Response(503), httpx.Response(404, headers={"X-Request-Id": "r"})])
    client = h.client(recorder)
    with client.capture_responses() as raw, pytest.raises(sc.NotFoundError):
        await h.run(client.integrations.get(1))
    assert [r.status_code for r in raw.responses] == [404]
    assert raw.last.headers["X-Request-Id"] == "r"
    await h.close(client)


async def test_capture_responses_covers_each_log_page(h: Harness) -> None:
    """Iterating a paginated list inside the block captures the response of each page."""
    second = f"{BASE_URL}/integrations/logs?cursor=c2&page_size=100"
    recorder = Recorder(
        [
            json_response(200, LOGS_PAGE, {"Link": f'<{second}>; rel="next"'}),
            json_response(200, LOGS_PAGE),
        ]
    )
    client = h.client(recorder)
    with client.capture_responses() as raw:
        logs = await h.run(client.exception_logs.list())
    assert len(logs) == 2
    assert [str(r.url) for r in raw.responses] == [str(r.url) for r in recorder.requests]
    await h.close(client)


async def test_nothing_is_captured_outside_the_block(h: Harness) -> None:
    """Calls before and after the block are not captured; an empty capture has no last."""
    client = h.client(Recorder([json_response(200, INTEGRATION)]))
    await h.run(client.integrations.get(1))
    with client.capture_responses() as raw:
        pass
    await h.run(client.integrations.get(1))
    assert raw.responses == []
    with pytest.raises(LookupError):
        _ = raw.last
    await h.close(client)


async def test_capture_responses_follows_tasks_started_in_the_block() -> None:
    """Concurrent asyncio tasks started inside the block are all captured."""
    h = Harness("async")
    client = h.client(Recorder([json_response(200, INTEGRATION)]))
    assert isinstance(client, sc.AsyncClient)
    with client.capture_responses() as raw:
        await asyncio.gather(*(client.integrations.get(n) for n in (1, 2, 3)))
    assert sorted(str(r.url) for r in raw.responses) == [
        f"{BASE_URL}/integrations/{n}" for n in (1, 2, 3)
    ]
    await client.aclose()


# --- with_options -----------------------------------------------------------------------------


async def test_with_options_shares_the_connection_pool(h: Harness) -> None:
    """A with_options view sends over the same transport; closing it leaves the pool open."""
    recorder = Recorder([json_response(200, INTEGRATION)])
    transport = ClosingTransport(recorder)
    client = h.client(recorder, transport=transport)
    view = client.with_options(max_retries=0, timeout=3.0)
    assert type(view) is type(client)
    assert view is not client
    await h.run(view.integrations.get(1))
    await h.close(view)
    assert transport.closed is False
    await h.run(client.integrations.get(2))
    assert [r.url.path for r in recorder.requests] == [
        "/api/v3/integrations/1",
        "/api/v3/integrations/2",
    ]
    await h.close(client)
    assert transport.closed is True


async def test_with_options_leaves_the_original_settings_alone(h: Harness) -> None:
    """Deriving a view changes only the view's retries/timeout, and keeps base URL and auth."""
    recorder = Recorder([json_response(200, INTEGRATION)])
    client = h.client(recorder, auth=SecretAuth("tok"))
    view = client.with_options(max_retries=7, timeout=1.0)
    assert (view.max_retries, view.timeout) == (7, httpx.Timeout(1.0))
    assert (client.max_retries, client.timeout) == (2, httpx.Timeout(30.0, connect=5.0))
    assert view.base_url == client.base_url == BASE_URL
    await h.run(view.integrations.get(1))
    assert recorder.last.headers["Authorization"] == "Bearer tok"
    await h.close(client)


# --- owning the httpx client -----------------------------------------------------------------


async def test_a_caller_owned_http_client_is_not_closed(h: Harness) -> None:
    """close() and the context manager leave a caller's httpx client open and usable."""
    recorder = Recorder([json_response(200, INTEGRATION)])
    own = h.http_client(recorder)
    client = h.client(recorder, http_client=own)
    await h.run(client.integrations.get(1))
    if isinstance(client, sc.AsyncClient):
        async with client:
            pass
    else:
        with client:
            pass
    await h.close(client)
    assert own.is_closed is False
    assert recorder.last.url == httpx.URL(f"{BASE_URL}/integrations/1")
    await close_own(own)


async def test_a_caller_owned_http_client_keeps_its_own_auth(h: Harness) -> None:
    """With auth=None the caller's httpx client authenticates the SDK's requests."""
    recorder = Recorder([json_response(200, INTEGRATION)])
    own = h.http_client(recorder, auth=SecretAuth("client-level"))
    client = h.client(recorder, http_client=own)
    await h.run(client.integrations.get(1))
    assert recorder.last.headers["Authorization"] == "Bearer client-level"
    await h.close(client)
    await close_own(own)


async def test_the_client_closes_the_http_client_it_created(h: Harness) -> None:
    """Leaving the context manager closes the transport of the httpx client we created."""
    recorder = Recorder([json_response(200, INTEGRATION)])
    transport = ClosingTransport(recorder)
    client = h.client(recorder, transport=transport)
    if isinstance(client, sc.AsyncClient):
        async with client as entered:
            assert entered is client
            await client.integrations.get(1)
    else:
        with client as entered:
            assert entered is client
            client.integrations.get(1)
    assert transport.closed is True


def test_http_client_and_transport_together_are_refused() -> None:
    """Passing both an httpx client and a transport is ambiguous and raises ValueError."""
    with httpx.Client() as own, pytest.raises(ValueError, match="http_client or transport"):
        sc.Client(http_client=own, transport=httpx.MockTransport(lambda r: httpx.Response(200)))


async def test_async_client_refuses_http_client_and_transport_together() -> None:
    """The async client refuses the same ambiguous combination."""
    async with httpx.AsyncClient() as own:
        with pytest.raises(ValueError, match="http_client or transport"):
            sc.AsyncClient(
                http_client=own, transport=httpx.MockTransport(lambda r: httpx.Response(200))
            )


async def test_base_url_trailing_slash_is_normalised(h: Harness) -> None:
    """A base URL given with a trailing slash does not produce '//' in request paths."""
    recorder = Recorder([json_response(200, INTEGRATION)])
    client = h.client(recorder, base_url=BASE_URL + "/")
    await h.run(client.integrations.get(3))
    assert client.base_url == BASE_URL
    assert recorder.last.url == httpx.URL(f"{BASE_URL}/integrations/3")
    assert repr(client).endswith(f"(base_url='{BASE_URL}')")
    await h.close(client)


@pytest.mark.parametrize("client_class", [sc.Client, sc.AsyncClient])
def test_credentials_in_base_url_are_refused_without_echoing_them(
    client_class: type[sc.Client] | type[sc.AsyncClient],
) -> None:
    """user:secret@ in base_url (which would reach logs, errors and repr) is a ValueError."""
    with pytest.raises(ValueError, match="credentials") as info:
        client_class(base_url=f"https://public:{SECRET}@panel.example/api/v3")
    assert SECRET not in str(info.value)
