"""Nested bodies to the spec's depth, RFC 3986 URIs and over-long queries, sync and async.

Everything a call would send must be JSON and fit the spec before anything is sent:
the refusals below name the path of the bad value and reach no transport.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations import _validation

from ._client_harness import MODES, Harness, Recorder, json_response, refuse

pytestmark = pytest.mark.anyio

Call = Callable[..., Any]
B = "https://shop.example"


def _log(**fields: Any) -> Call:
    return lambda c: c.exception_logs.create(1, base_url=B, **fields)


def _loop() -> dict[str, Any]:
    looped: dict[str, Any] = {}
    looped["self"] = looped
    return looped


NESTED = [
    pytest.param(_log(request={"payload": float("nan")}), "request.payload", id="nan"),
    pytest.param(_log(request={"payload": float("inf")}), "request.payload", id="infinity"),
    pytest.param(_log(request={"payload": {1, 2}}), "request.payload", id="set"),
    pytest.param(
        _log(request={"payload": {"at": dt.date(2024, 1, 1)}}), "request.payload.at", id="date"
    ),
    pytest.param(_log(request={"payload": {"x": "\ud800"}}), "request.payload.x", id="surrogate"),
    pytest.param(
        _log(request={"payload": {"list": [1, float("-inf")]}}),
        "request.payload.list[1]",
        id="deep-list",
    ),
    pytest.param(_log(request={"payload": {3: "x"}}), "request.payload", id="non-str-key"),
    pytest.param(
        _log(request={"payload": _loop()}), "request.payload" + ".self" * 63, id="self-containing"
    ),
    pytest.param(_log(request={"headers": 5}), "request.headers", id="headers-int"),
    pytest.param(_log(response={"body": 5}), "response.body", id="body-int"),
    pytest.param(_log(response={"headers": "raw"}), "response.headers", id="headers-str"),
    pytest.param(_log(response=[1]), "response", id="response-list"),
    pytest.param(_log(response={"extra": float("nan")}), "response.extra", id="unknown-nan"),
]


@pytest.fixture(params=MODES)
def h(request: pytest.FixtureRequest) -> Harness:
    return Harness(request.param)


async def _refused(h: Harness, call: Call) -> sc.RequestValidationError:
    recorder = Recorder([refuse])
    client = h.client(recorder)
    try:
        with pytest.raises(sc.RequestValidationError) as info:
            await h.run(call(client))
    finally:
        await h.close(client)
    assert recorder.requests == []
    return info.value


async def _sent(h: Harness, call: Call) -> httpx.Request:
    created = {"data": {"id": 1, "base_url": B}}
    recorder = Recorder([lambda r: json_response(201 if r.method == "POST" else 200, created)])
    client = h.client(recorder)
    try:
        await h.run(call(client))
    except sc.ResponseValidationError:
        pass
    finally:
        await h.close(client)
    assert len(recorder.requests) == 1
    return recorder.last


@pytest.mark.parametrize(("call", "field"), NESTED)
async def test_nested_values_that_break_the_spec_or_json_are_refused(
    h: Harness, call: Call, field: str
) -> None:
    """NaN, Infinity, sets, dates, surrogates and wrong nested types name their path."""
    error = await _refused(h, call)
    assert error.field == field
    assert str(error).startswith(f"{field}: ")


async def test_nested_bodies_the_spec_allows_are_sent_intact(h: Harness) -> None:
    """String or object bodies, object or string request headers, and nulls go out as given."""
    request = await _sent(
        h,
        _log(
            request={"headers": "Accept: */*", "payload": {"order": [1, 2.5, None, True]}},
            response={"headers": None, "body": {"ok": False}},
        ),
    )
    body = json.loads(request.content)
    assert body["request"] == {"headers": "Accept: */*", "payload": {"order": [1, 2.5, None, True]}}
    assert body["response"] == {"headers": None, "body": {"ok": False}}


BAD_URIS = [
    "https://例え.jp/ü?q=1",
    "https://a.example/ü",
    "https://a.example/[x]",
    "https://a.example/%zz",
    "https://a.example/a b",
    "https://[not-an-ip]/",
    "https://[::1/",
    "//no-scheme.example/",
    "1http://a.example/",
]


@pytest.mark.parametrize("uri", BAD_URIS)
async def test_uris_outside_rfc_3986_are_refused(h: Harness, uri: str) -> None:
    """What Prism refused (non-ASCII, stray brackets, bad %-escapes) never reaches the wire."""
    error = await _refused(h, lambda c: c.integrations.update(1, shop_url=uri))
    assert error.field == "shop_url"


async def test_non_ascii_uri_message_suggests_punycode_and_percent_encoding(h: Harness) -> None:
    """The error says how to write the URI: the host in punycode, the rest percent-encoded."""
    error = await _refused(
        h, lambda c: c.integrations.update(1, webhook_active=True, webhook_url="https://例え.jp/")
    )
    assert error.field == "webhook_url"
    assert "punycode" in str(error)
    assert "percent-encoded" in str(error)


GOOD_URIS = [
    "https://xn--r8jz45g.jp/%C3%BC?q=1",
    "https://a.example/%5Bx%5D",
    "https://[::1]:8443/hook",
    "https://[v1.fe80::a]/",
    "https://user@a.example:8080/p;x=1?a=b&c=d#frag",
    "urn:isbn:0451450523",
]


@pytest.mark.parametrize("uri", GOOD_URIS)
async def test_rfc_3986_uris_are_sent_verbatim(h: Harness, uri: str) -> None:
    """Punycode hosts, percent-escapes, IP literals and other schemes pass unchanged."""
    request = await _sent(h, lambda c: c.integrations.update(1, shop_url=uri))
    assert json.loads(request.content) == {"shop_url": uri}


LONG = [
    pytest.param(lambda c: c.integrations.list(sort="x" * 100_000), "sort", id="sort"),
    pytest.param(
        lambda c: c.exception_logs.list(cursor="2023-03-01T02:02:00Z" + "0" * 9000),
        "cursor",
        id="cursor",
    ),
    pytest.param(
        lambda c: c.integrations.get(1, extra_query={"q": "x" * 9000}), "q", id="extra_query"
    ),
]


@pytest.mark.parametrize(("call", "field"), LONG)
async def test_over_long_query_is_refused_before_httpx_sees_it(
    h: Harness, call: Call, field: str
) -> None:
    """A URL past MAX_URL_LENGTH is a RequestValidationError naming the parameter."""
    error = await _refused(h, call)
    assert error.field == field
    assert f"at most {_validation.MAX_URL_LENGTH}" in str(error)


async def test_query_just_inside_the_limit_is_sent(h: Harness) -> None:
    """The limit is the documented one, not tighter: a long but fitting sort goes out."""
    recorder = Recorder([json_response(200, {"data": []})])
    client = h.client(recorder)
    await h.run(client.integrations.list(sort="x" * 8000))
    await h.close(client)
    assert len(recorder.requests) == 1
    assert len(recorder.last.url.params["sort"]) == 8000
