"""Escape hatches on every resource method, and validate_requests=False, sync and async.

``extra_headers``, ``extra_query``, ``extra_body`` (merged after the known fields are
validated) and ``timeout`` reach the request; ``validate_requests=False`` sends what
the spec does not list yet, but still only valid JSON and never credentials over
plain http. Every refusal runs on a transport that fails the test when called.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc

from ._client_harness import MODES, Harness, Recorder, json_response, refuse

pytestmark = pytest.mark.anyio

Call = Callable[..., Any]
MAPPING = dict.fromkeys(("READY_TO_SEND", "IN_TRANSIT", "DELIVERED", "CANCEL"))
STATUSES = [{"external_id": "1", "translations": [{"status": "Sent", "language": "en-gb"}]}]

# Every resource method, called with its required arguments plus ``**hatches``.
METHODS: dict[str, Call] = {
    "integrations.list": lambda c, **kw: c.integrations.list(**kw),
    "integrations.get": lambda c, **kw: c.integrations.get(1, **kw),
    "integrations.update": lambda c, **kw: c.integrations.update(1, shop_name="S", **kw),
    "integrations.delete": lambda c, **kw: c.integrations.delete(1, **kw),
    "exception_logs.list": lambda c, **kw: c.exception_logs.list(**kw),
    "exception_logs.create": lambda c, **kw: c.exception_logs.create(
        1, base_url="https://a.example", **kw
    ),
    "shop_order_statuses.list": lambda c, **kw: c.shop_order_statuses.list(1, **kw),
    "shop_order_statuses.replace": lambda c, **kw: c.shop_order_statuses.replace(
        1, statuses=STATUSES, **kw
    ),
    "status_mapping.get": lambda c, **kw: c.status_mapping.get(1, **kw),
    "status_mapping.set": lambda c, **kw: c.status_mapping.set(1, MAPPING, **kw),
}
WITH_BODY = {
    "integrations.update",
    "exception_logs.create",
    "shop_order_statuses.replace",
    "status_mapping.set",
}


def _answer(request: httpx.Request) -> httpx.Response:
    if request.method == "GET":
        return json_response(200, {"data": []})
    if request.method == "POST" and request.url.path.endswith("/logs"):
        return json_response(201, {"data": {"id": 1, "base_url": "https://a.example"}})
    return httpx.Response(204)


@pytest.fixture(params=MODES)
def h(request: pytest.FixtureRequest) -> Harness:
    return Harness(request.param)


async def _send(h: Harness, call: Call, **client_kwargs: Any) -> httpx.Request:
    recorder = Recorder([_answer])
    client = h.client(recorder, **client_kwargs)
    try:
        await h.run(call(client))
    except sc.ResponseValidationError:
        pass  # the canned answer does not fit every method; the request is what counts
    finally:
        await h.close(client)
    assert len(recorder.requests) == 1
    return recorder.last


async def _refused(h: Harness, call: Call, **client_kwargs: Any) -> sc.RequestValidationError:
    recorder = Recorder([refuse])
    client = h.client(recorder, **client_kwargs)
    try:
        with pytest.raises(sc.RequestValidationError) as info:
            await h.run(call(client))
    finally:
        await h.close(client)
    assert recorder.requests == []
    return info.value


@pytest.mark.parametrize("method", METHODS)
async def test_extra_headers_query_and_timeout_reach_the_request(h: Harness, method: str) -> None:
    """Every method sends the extra header and query parameter, with the per-call timeout."""
    request = await _send(
        h,
        lambda c: METHODS[method](
            c, extra_headers={"X-Trace": "t-1"}, extra_query={"beta": "yes"}, timeout=3.5
        ),
    )
    assert request.headers["X-Trace"] == "t-1"
    assert request.url.params["beta"] == "yes"
    assert request.extensions["timeout"] == httpx.Timeout(3.5).as_dict()


@pytest.mark.parametrize("method", sorted(WITH_BODY))
async def test_extra_body_is_merged_into_the_json_body(h: Harness, method: str) -> None:
    """extra_body adds fields the spec does not list yet, next to the validated ones."""
    request = await _send(h, lambda c: METHODS[method](c, extra_body={"beta_flag": True}))
    body = json.loads(request.content)
    assert body["beta_flag"] is True
    assert len(body) > 1  # the known fields are still there


@pytest.mark.parametrize("method", sorted(set(METHODS) - WITH_BODY))
async def test_extra_body_on_a_method_without_a_body_is_refused(h: Harness, method: str) -> None:
    """A GET or DELETE has no JSON body to merge into: refused, nothing sent."""
    error = await _refused(h, lambda c: METHODS[method](c, extra_body={"x": 1}))
    assert error.field == "extra_body"


async def test_extra_body_is_merged_after_validation(h: Harness) -> None:
    """A known field is still checked even when extra_body carries other fields."""
    error = await _refused(
        h, lambda c: c.integrations.update(1, shop_name="", extra_body={"beta": 1})
    )
    assert error.field == "shop_name"


async def test_extra_body_alone_is_enough_for_an_update(h: Harness) -> None:
    """update() with only extra_body sends it (the server knows a field the spec does not)."""
    request = await _send(h, lambda c: c.integrations.update(1, extra_body={"brand": "x"}))
    assert json.loads(request.content) == {"brand": "x"}


async def test_extra_query_is_sent_on_every_page(h: Harness) -> None:
    """A log list's extra query parameter goes out with the first page and the next ones."""
    next_link = '<https://shop.test/api/v3/integrations/logs?cursor=c2>; rel="next"'
    page = {"data": [{"id": 1, "base_url": "https://a.example"}]}
    recorder = Recorder(
        [json_response(200, page, {"Link": next_link}), json_response(200, {"data": []})]
    )
    client = h.client(recorder, base_url="https://shop.test/api/v3")
    await h.run(client.exception_logs.list(extra_query={"beta": "1"}, extra_headers={"X-A": "b"}))
    await h.close(client)
    assert [r.url.params.get("beta") for r in recorder.requests] == ["1", "1"]
    assert [r.headers.get("X-A") for r in recorder.requests] == ["b", "b"]
    assert recorder.requests[1].url.params["cursor"] == "c2"


BAD_HATCHES = [
    pytest.param({"extra_headers": {"Bad Name": "x"}}, "extra_headers", id="header-name"),
    pytest.param({"extra_headers": {"X-A": "a\r\nX-B: b"}}, "extra_headers.X-A", id="crlf"),
    pytest.param({"extra_headers": {"X-A": 5}}, "extra_headers.X-A", id="header-int"),
    pytest.param({"extra_headers": ["X-A"]}, "extra_headers", id="headers-list"),
    pytest.param({"extra_query": {"q": float("nan")}}, "extra_query.q", id="query-nan"),
    pytest.param({"extra_query": {"q": {"a": 1}}}, "extra_query.q", id="query-dict"),
    pytest.param({"extra_query": {"q": "\ud800"}}, "extra_query.q", id="query-surrogate"),
    pytest.param({"extra_query": {"q": "x" * 10_000}}, "q", id="query-too-long"),
    pytest.param({"timeout": "5"}, "timeout", id="timeout-str"),
]


@pytest.mark.parametrize(("hatches", "field"), BAD_HATCHES)
async def test_bad_escape_hatches_are_refused_naming_them(
    h: Harness, hatches: dict[str, Any], field: str
) -> None:
    """Headers that would break the request line, non-JSON query values: refused, unsent."""
    error = await _refused(h, lambda c: c.integrations.get(1, **hatches))
    assert error.field == field


async def test_extra_body_must_encode_as_json(h: Harness) -> None:
    """extra_body is not validated against the spec, but NaN or a set is still refused."""
    error = await _refused(
        h, lambda c: c.integrations.update(1, shop_name="S", extra_body={"x": {1, 2}})
    )
    assert error.field == "x"


# --- validate_requests=False --------------------------------------------------------------


UNLISTED = [
    pytest.param(lambda c: c.integrations.update(1, feedback_type="hourly"), id="new-enum-value"),
    pytest.param(lambda c: c.integrations.update(1, brand_color="#fff"), id="new-field"),
    pytest.param(lambda c: c.integrations.update(1, shop_name="x" * 300), id="past-maxLength"),
    pytest.param(lambda c: c.shop_order_statuses.list(1, language="pt-pt"), id="new-language"),
    pytest.param(lambda c: c.integrations.list(shop_type="shopify"), id="new-query-parameter"),
    pytest.param(lambda c: c.exception_logs.list(exception_type="SSLError"), id="new-log-query"),
]


@pytest.mark.parametrize("call", UNLISTED)
async def test_unlisted_values_are_refused_by_default(h: Harness, call: Call) -> None:
    """With validation on (the default), what the spec does not allow is refused, unsent."""
    await _refused(h, call)


@pytest.mark.parametrize("call", UNLISTED)
async def test_validate_requests_false_sends_them_as_given(h: Harness, call: Call) -> None:
    """A client for a server ahead of the spec sends unlisted fields, values and parameters."""
    request = await _send(h, call, validate_requests=False)
    sent = request.content.decode() + str(request.url)
    assert any(word in sent for word in ("hourly", "#fff", "x" * 300, "pt-pt", "shopify", "SSL"))


async def test_with_options_turns_validation_off_for_the_view_only(h: Harness) -> None:
    """with_options(validate_requests=False) affects the view, not the original client."""
    recorder = Recorder([_answer])
    client = h.client(recorder)
    loose = client.with_options(validate_requests=False)
    assert (client.validate_requests, loose.validate_requests) == (True, False)
    await h.run(loose.integrations.update(1, feedback_type="hourly"))
    with pytest.raises(sc.RequestValidationError):
        await h.run(client.integrations.update(1, feedback_type="hourly"))
    await h.close(client)
    assert len(recorder.requests) == 1


NOT_JSON = [
    pytest.param({"brand": float("nan")}, "brand", id="nan"),
    pytest.param({"brand": float("inf")}, "brand", id="infinity"),
    pytest.param({"brand": {"a": {1, 2}}}, "brand.a", id="set"),
    pytest.param({"brand": "\udc00"}, "brand", id="lone-surrogate"),
]


@pytest.mark.parametrize(("fields", "field"), NOT_JSON)
async def test_validate_requests_false_still_requires_json(
    h: Harness, fields: dict[str, Any], field: str
) -> None:
    """Bodies go out as given only when they are JSON: NaN, sets, surrogates are refused."""
    error = await _refused(h, lambda c: c.integrations.update(1, **fields), validate_requests=False)
    assert error.field == field


async def test_validate_requests_false_never_sends_credentials_over_plain_http(
    h: Harness,
) -> None:
    """Opting out of validation does not opt out of transport security."""
    recorder = Recorder([refuse])
    client = h.client(
        recorder,
        base_url="http://api.example/api/v3",
        auth=sc.BasicAuth("public", "secret"),
        validate_requests=False,
    )
    with pytest.raises(sc.InsecureTransportError):
        await h.run(client.integrations.get(1))
    await h.close(client)
    assert recorder.requests == []
