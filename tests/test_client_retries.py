"""Retries, backoff, Retry-After and timeouts, with an injected sleep that records delays.

GET/DELETE are retried on connection errors and 408/429/502/503/504; POST/PATCH
only when the request provably never left (connect errors) unless retry_writes is
on, so an exception log is never created twice. Nothing here really sleeps.
"""

from __future__ import annotations

import email.utils
import json
import pickle
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations import _retry
from sendcloud_integrations._retry import parse_retry_after, retry_delay

from ._client_harness import MODES, AnyClient, Harness, Recorder, json_response

pytestmark = pytest.mark.anyio

Call = Callable[[AnyClient], Any]
MAPPING = dict.fromkeys(("READY_TO_SEND", "IN_TRANSIT", "DELIVERED", "CANCEL"))
INTEGRATION = {"data": {"id": 1, "shop_name": "Shop"}}
CREATED_LOG = {"data": {"id": 9, "base_url": "https://shop.example"}}
DEFAULT_TIMEOUT = {"connect": 5.0, "read": 30.0, "write": 30.0, "pool": 30.0}
RETRY_AFTER_CAP = 60.0

READS: dict[str, tuple[Call, httpx.Response]] = {
    "GET": (lambda c: c.integrations.get(1), json_response(200, INTEGRATION)),
    "DELETE": (lambda c: c.integrations.delete(1), httpx.Response(204)),
}
WRITES: dict[str, tuple[Call, httpx.Response]] = {
    "POST-create-log": (
        lambda c: c.exception_logs.create(1, base_url="https://shop.example", method="GET"),
        json_response(201, CREATED_LOG),
    ),
    "POST-replace-statuses": (
        lambda c: c.shop_order_statuses.replace(1, statuses=[]),
        httpx.Response(200),
    ),
    "POST-set-mapping": (lambda c: c.status_mapping.set(1, MAPPING), httpx.Response(200)),
    "PATCH-update": (lambda c: c.integrations.update(1, shop_name="Shop"), httpx.Response(204)),
}
RETRYABLE_FAILURES: dict[str, Any] = {
    "408": httpx.Response(408),
    "429": httpx.Response(429),
    "502": httpx.Response(502),
    "503": httpx.Response(503),
    "504": httpx.Response(504),
    "ConnectError": httpx.ConnectError("refused"),
    "ConnectTimeout": httpx.ConnectTimeout("connect timed out"),
    "ReadTimeout": httpx.ReadTimeout("read timed out"),
    "ReadError": httpx.ReadError("connection reset"),
    "RemoteProtocolError": httpx.RemoteProtocolError("server disconnected"),
}
NEVER_LEFT = ("ConnectError", "ConnectTimeout")


@pytest.fixture(params=MODES)
def h(request: pytest.FixtureRequest) -> Harness:
    return Harness(request.param)


@pytest.fixture(autouse=True)
def fixed_jitter(monkeypatch: pytest.MonkeyPatch) -> None:
    """Jitter fixed at the middle of its range: each backoff is 3/4 of its ceiling."""
    monkeypatch.setattr(_retry, "jitter", lambda: 0.5)


# The backoff ceiling doubles from 0.5 s and is capped at 8 s; with the fixed jitter
# the delays before retries 1, 2, 3, ... are 3/4 of 0.5, 1, 2, 4, 8, 8, ...
BACKOFF = [0.375, 0.75, 1.5, 3.0, 6.0, 6.0, 6.0, 6.0, 6.0]


def copy(response: httpx.Response) -> httpx.Response:
    return httpx.Response(response.status_code, headers=response.headers, content=response.content)


@pytest.mark.parametrize("failure", list(RETRYABLE_FAILURES))
@pytest.mark.parametrize("method", list(READS))
async def test_reads_are_retried_on_transient_failures(
    h: Harness, method: str, failure: str
) -> None:
    """GET and DELETE retry twice after a transient failure, with backoff, then succeed."""
    call, success = READS[method]
    fail = RETRYABLE_FAILURES[failure]
    recorder = Recorder([fail, fail, copy(success)])
    client = h.client(recorder)
    await h.run(call(client))
    assert len(recorder.requests) == 3
    assert {r.method for r in recorder.requests} == {method}
    assert h.delays == BACKOFF[:2]
    await h.close(client)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422, 500, 501])
async def test_other_statuses_are_not_retried(h: Harness, status: int) -> None:
    """Client errors, 500 and 501 are raised after one request and no sleep."""
    recorder = Recorder([httpx.Response(status), json_response(200, INTEGRATION)])
    client = h.client(recorder)
    with pytest.raises(sc.APIError) as info:
        await h.run(client.integrations.get(1))
    assert info.value.status_code == status
    assert len(recorder.requests) == 1
    assert h.delays == []
    await h.close(client)


async def test_default_is_two_retries_then_the_last_error(h: Harness) -> None:
    """A GET that keeps getting 503 is sent three times and raises ServerError."""
    recorder = Recorder([httpx.Response(503, text="busy")])
    client = h.client(recorder)
    assert client.max_retries == 2
    with pytest.raises(sc.ServerError) as info:
        await h.run(client.integrations.get(1))
    assert info.value.body == "busy"
    assert len(recorder.requests) == 3
    assert len(h.delays) == 2
    await h.close(client)


async def test_connection_errors_give_up_after_the_retries(h: Harness) -> None:
    """A GET that never connects is tried three times and raises APIConnectionError."""
    recorder = Recorder([httpx.ConnectError("refused")])
    client = h.client(recorder)
    with pytest.raises(sc.APIConnectionError):
        await h.run(client.integrations.list())
    assert len(recorder.requests) == 3
    assert len(h.delays) == 2
    await h.close(client)


async def test_backoff_grows_exponentially_and_is_capped_at_eight_seconds(h: Harness) -> None:
    """With many retries the jittered delays double from 0.5 s and never exceed 8 s."""
    recorder = Recorder([httpx.Response(502)])
    client = h.client(recorder, max_retries=9)
    with pytest.raises(sc.ServerError):
        await h.run(client.integrations.get(1))
    assert len(recorder.requests) == 10
    assert h.delays == BACKOFF
    await h.close(client)


def test_jitter_spans_half_to_full_ceiling() -> None:
    """retry_delay scales the capped exponential ceiling by a random factor in [0.5, 1)."""
    policy = sc.RetryPolicy()
    assert [retry_delay(n, policy, rand=lambda: 0.0) for n in (1, 2, 3, 4, 5, 6)] == [
        0.25,
        0.5,
        1.0,
        2.0,
        4.0,
        4.0,
    ]
    assert retry_delay(3, policy, rand=lambda: 0.999999) == pytest.approx(2.0, abs=1e-5)
    assert retry_delay(20, policy, rand=lambda: 0.5) == 6.0


async def test_each_retry_sleeps_between_the_attempts(h: Harness) -> None:
    """The sleep comes after a failed attempt and before the next one, never after success."""
    events: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        events.append("send")
        return httpx.Response(503) if events.count("send") < 3 else httpx.Response(204)

    if h.is_async:

        async def sleep(seconds: float) -> None:
            events.append("sleep")

        client = h.client(handler, sleep=sleep)
    else:
        client = h.client(handler, sleep=lambda seconds: events.append("sleep"))
    await h.run(client.integrations.delete(1))
    assert events == ["send", "sleep", "send", "sleep", "send"]
    await h.close(client)


# --- Retry-After ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("3", 3.0),
        ("0", 0.0),
        ("1.5", 1.5),
        ("  12 ", 12.0),
        ("3600", RETRY_AFTER_CAP),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),
        ("Fri, 01 Jan 2100 00:00:00 GMT", RETRY_AFTER_CAP),
    ],
)
@pytest.mark.parametrize("status", [429, 503])
async def test_retry_after_is_honoured_up_to_the_cap(
    h: Harness, status: int, header: str, expected: float
) -> None:
    """Retry-After in seconds or as an HTTP date sets the delay, capped at 60 s."""
    fail = httpx.Response(status, headers={"Retry-After": header})
    recorder = Recorder([fail, json_response(200, INTEGRATION)])
    client = h.client(recorder)
    await h.run(client.integrations.get(1))
    assert len(recorder.requests) == 2
    assert h.delays == [expected]
    await h.close(client)


@pytest.mark.parametrize("header", ["soon", "", "NaN", "Thu, 99 Foo 2015"])
async def test_unusable_retry_after_falls_back_to_backoff(h: Harness, header: str) -> None:
    """A Retry-After that is not a number or date is ignored in favour of jittered backoff."""
    recorder = Recorder([httpx.Response(429, headers={"Retry-After": header}), httpx.Response(204)])
    client = h.client(recorder)
    await h.run(client.integrations.delete(1))
    assert h.delays == BACKOFF[:1]
    await h.close(client)


def test_retry_after_http_date_counts_from_now() -> None:
    """An HTTP-date Retry-After is the seconds from the injected 'now' to that date."""
    when = email.utils.parsedate_to_datetime("Wed, 21 Oct 2015 07:28:00 GMT").timestamp()
    header = "Wed, 21 Oct 2015 07:28:00 GMT"
    assert parse_retry_after(header, now=lambda: when - 42.0) == 42.0
    assert parse_retry_after(header, now=lambda: when + 5.0) == 0.0
    assert parse_retry_after("-3") == 0.0
    assert parse_retry_after(None) is None


async def test_exhausted_rate_limit_raises_with_retry_after(h: Harness) -> None:
    """After the last 429 the RateLimitError carries that response's Retry-After."""
    recorder = Recorder([httpx.Response(429, headers={"Retry-After": "2"})])
    client = h.client(recorder)
    with pytest.raises(sc.RateLimitError) as info:
        await h.run(client.integrations.get(1))
    assert info.value.retry_after == 2.0
    assert h.delays == [2.0, 2.0]
    await h.close(client)


# --- writes -------------------------------------------------------------------------------------


@pytest.mark.parametrize("failure", NEVER_LEFT)
@pytest.mark.parametrize("write", list(WRITES))
async def test_writes_are_retried_when_the_request_never_left(
    h: Harness, write: str, failure: str
) -> None:
    """POST and PATCH retry a connect error (nothing reached the server) with the same body."""
    call, success = WRITES[write]
    fail = RETRYABLE_FAILURES[failure]
    recorder = Recorder([fail, fail, copy(success)])
    client = h.client(recorder)
    await h.run(call(client))
    assert len(recorder.requests) == 3
    bodies = recorder.json_bodies()
    assert bodies[0] == bodies[1] == bodies[2]
    assert h.delays == BACKOFF[:2]
    await h.close(client)


@pytest.mark.parametrize("failure", [f for f in RETRYABLE_FAILURES if f not in NEVER_LEFT])
@pytest.mark.parametrize("write", list(WRITES))
async def test_writes_are_sent_once_when_they_may_have_arrived(
    h: Harness, write: str, failure: str
) -> None:
    """A POST/PATCH that got a 5xx/429/408 or a read failure is not re-sent (no duplicate log)."""
    call, success = WRITES[write]
    recorder = Recorder([RETRYABLE_FAILURES[failure], copy(success)])
    client = h.client(recorder)
    with pytest.raises(sc.SendcloudError) as info:
        await h.run(call(client))
    assert len(recorder.requests) == 1
    assert h.delays == []
    if failure.isdigit():
        assert isinstance(info.value, sc.APIError)
        assert info.value.status_code == int(failure)
    else:
        assert isinstance(info.value, sc.APIConnectionError)
    await h.close(client)


@pytest.mark.parametrize("failure", ["503", "ReadTimeout"])
async def test_create_log_after_503_or_read_timeout_is_sent_exactly_once(
    h: Harness, failure: str
) -> None:
    """The issue's case: a create-log POST that got a 503 or a ReadTimeout is not retried."""
    recorder = Recorder([RETRYABLE_FAILURES[failure], json_response(201, CREATED_LOG)])
    client = h.client(recorder, max_retries=5)
    expected = sc.ServerError if failure == "503" else sc.APITimeoutError
    with pytest.raises(expected):
        await h.run(client.exception_logs.create(1, base_url="https://shop.example"))
    assert [r.method for r in recorder.requests] == ["POST"]
    await h.close(client)


@pytest.mark.parametrize("failure", ["503", "429", "ReadTimeout", "ReadError"])
@pytest.mark.parametrize("write", list(WRITES))
async def test_retry_writes_opts_writes_into_full_retries(
    h: Harness, write: str, failure: str
) -> None:
    """with_options(retry_writes=True) retries POST/PATCH like GET; the base client does not."""
    call, success = WRITES[write]
    fail = RETRYABLE_FAILURES[failure]
    recorder = Recorder([fail, copy(success), fail, copy(success)])
    client = h.client(recorder)
    await h.run(call(client.with_options(retry_writes=True)))
    assert len(recorder.requests) == 2
    with pytest.raises(sc.SendcloudError):
        await h.run(call(client))
    assert len(recorder.requests) == 3
    await h.close(client)


async def test_retry_writes_can_be_set_on_the_client(h: Harness) -> None:
    """Client(retry_writes=True) retries a create-log POST after a 502."""
    recorder = Recorder([httpx.Response(502), json_response(201, CREATED_LOG)])
    client = h.client(recorder, retry_writes=True)
    log = await h.run(client.exception_logs.create(1, base_url="https://shop.example"))
    assert log.id == 9
    assert len(recorder.requests) == 2
    await h.close(client)


# --- per-call options and timeouts -------------------------------------------------------------


@pytest.mark.parametrize("max_retries", [0, 1, 5])
async def test_with_options_max_retries_overrides_per_call(h: Harness, max_retries: int) -> None:
    """with_options(max_retries=n) makes n+1 attempts; the original client keeps its own."""
    recorder = Recorder([httpx.Response(503)])
    client = h.client(recorder)
    view = client.with_options(max_retries=max_retries)
    with pytest.raises(sc.ServerError):
        await h.run(view.integrations.get(1))
    assert len(recorder.requests) == max_retries + 1
    assert view.max_retries == max_retries
    with pytest.raises(sc.ServerError):
        await h.run(client.integrations.get(1))
    assert len(recorder.requests) == max_retries + 1 + 3
    assert client.max_retries == 2
    await h.close(client)


async def test_max_retries_zero_on_the_client_sends_once(h: Harness) -> None:
    """Client(max_retries=0) turns retries off: one request, no sleep."""
    recorder = Recorder([httpx.ConnectError("refused")])
    client = h.client(recorder, max_retries=0)
    with pytest.raises(sc.APIConnectionError):
        await h.run(client.integrations.get(1))
    assert len(recorder.requests) == 1
    assert h.delays == []
    await h.close(client)


@pytest.mark.parametrize("bad", [-1, 1.5, "2"])
def test_max_retries_must_be_a_non_negative_int(bad: Any) -> None:
    """A negative or non-integer max_retries is refused when the client is built or derived."""
    with pytest.raises(ValueError, match="max_retries"):
        sc.Client(max_retries=bad)
    with sc.Client() as client, pytest.raises(ValueError, match="max_retries"):
        client.with_options(max_retries=bad)


def test_retry_policy_is_an_immutable_value() -> None:
    """RetryPolicy compares, hashes, prints and pickles by value and refuses assignment."""
    policy = sc.RetryPolicy(max_retries=4, jitter=False)
    assert policy == sc.RetryPolicy(4, jitter=False)
    assert policy != sc.RetryPolicy(max_retries=4)
    assert hash(policy) == hash(sc.RetryPolicy(max_retries=4, jitter=False))
    assert repr(policy) == (
        "RetryPolicy(max_retries=4, backoff_base=0.5, backoff_cap=8.0, "
        "retry_after_cap=60.0, retry_writes=False, jitter=False)"
    )
    assert pickle.loads(pickle.dumps(policy)) == policy
    assert sc.RetryPolicy.max_retries == 2  # the class attribute is the default
    with pytest.raises(AttributeError, match="max_retries"):
        policy.max_retries = 5
    with pytest.raises(AttributeError, match="jitter"):
        del policy.jitter


def test_retry_policy_copies_are_checked_like_new_policies() -> None:
    """``__replace__`` (``copy.replace`` on 3.13) changes the given fields and validates them."""
    policy = sc.RetryPolicy(backoff_cap=3.0)
    assert policy.__replace__(max_retries=0) == sc.RetryPolicy(max_retries=0, backoff_cap=3.0)
    with pytest.raises(sc.ConfigurationError, match="backoff_base"):
        policy.__replace__(backoff_base=float("nan"))
    with pytest.raises(TypeError):
        policy.__replace__(no_such_field=1)


async def test_timeouts_are_finite_by_default(h: Harness) -> None:
    """Without settings every request carries connect 5 s / read 30 s, never 'no timeout'."""
    recorder = Recorder([json_response(200, INTEGRATION)])
    client = h.client(recorder)
    await h.run(client.integrations.get(1))
    assert recorder.last.extensions["timeout"] == DEFAULT_TIMEOUT
    assert client.timeout == httpx.Timeout(30.0, connect=5.0)
    await h.close(client)


@pytest.mark.parametrize(
    ("timeout", "expected"),
    [
        (2.5, {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}),
        (
            httpx.Timeout(10.0, connect=1.0, read=20.0),
            {"connect": 1.0, "read": 20.0, "write": 10.0, "pool": 10.0},
        ),
    ],
    ids=["float", "httpx.Timeout"],
)
async def test_per_call_timeout_reaches_every_attempt(
    h: Harness, timeout: Any, expected: dict[str, float]
) -> None:
    """with_options(timeout=...) is the timeout of each attempt; the base client keeps its own."""
    recorder = Recorder([httpx.Response(503), json_response(200, INTEGRATION)])
    client = h.client(recorder)
    await h.run(client.with_options(timeout=timeout).integrations.get(1))
    assert [r.extensions["timeout"] for r in recorder.requests] == [expected, expected]
    await h.run(client.integrations.get(1))
    assert recorder.last.extensions["timeout"] == DEFAULT_TIMEOUT
    await h.close(client)


async def test_client_timeout_reaches_the_request(h: Harness) -> None:
    """Client(timeout=...) applies to its requests, and with_options without one keeps it."""
    recorder = Recorder([json_response(200, INTEGRATION)])
    client = h.client(recorder, timeout=httpx.Timeout(4.0, connect=2.0))
    await h.run(client.with_options(max_retries=0).integrations.get(1))
    expected = {"connect": 2.0, "read": 4.0, "write": 4.0, "pool": 4.0}
    assert recorder.last.extensions["timeout"] == expected
    await h.close(client)


async def test_retried_patch_resends_an_identical_request(h: Harness) -> None:
    """A PATCH retried after a connect error repeats method, URL, headers and JSON body."""
    recorder = Recorder([httpx.ConnectError("refused"), httpx.Response(204)])
    client = h.client(recorder)
    await h.run(client.integrations.update(7, shop_name="New name", webhook_active=False))
    first, second = recorder.requests
    assert (
        (first.method, first.url)
        == (second.method, second.url)
        == (
            "PATCH",
            httpx.URL("http://localhost/api/v3/integrations/7"),
        )
    )
    assert json.loads(first.content) == json.loads(second.content)
    assert json.loads(first.content) == {"shop_name": "New name", "webhook_active": False}
    await h.close(client)
