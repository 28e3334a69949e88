"""The URL every call sends is the one httpx builds from the same text, sync and async.

The SDK extends its parsed base URL instead of handing httpx a string to parse on every
call (_request.py); these tests hold it to httpx's own parse: base URLs with paths,
ports, IPv6 hosts and escapes, queries with characters that need encoding, and the
paths and queries that must still go through httpx's parser (dot segments, escapes).
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sendcloud_integrations._request import call_url

from ._client_harness import BASE_URL, MODES, Harness, Recorder, json_response

pytestmark = pytest.mark.anyio

INTEGRATION = {"id": 7, "shop_name": "S", "shop_url": "https://s.example", "type": "woo"}
BASES = [
    "https://panel.sendcloud.sc/api/v3",
    "https://h.example",
    "https://H.Example:443/a%20b/v3",
    "http://127.0.0.1:8080/api",
    "http://[::1]:9000/x",
]


@pytest.fixture(params=MODES)
def h(request: pytest.FixtureRequest) -> Harness:
    return Harness(request.param)


def _answer(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith("/logs"):
        return json_response(200, {"data": []})
    return json_response(200, {"data": INTEGRATION})


async def _sent(h: Harness, call: Any, **client_kwargs: Any) -> httpx.Request:
    recorder = Recorder([_answer])
    client = h.client(recorder, **client_kwargs)
    try:
        await h.run(call(client))
    finally:
        await h.close(client)
    return recorder.last


@pytest.mark.parametrize("base_url", BASES)
async def test_a_call_on_any_base_url_sends_what_httpx_parses(h: Harness, base_url: str) -> None:
    """integrations.get sends exactly the URL httpx makes of the base URL plus the path."""
    request = await _sent(h, lambda c: c.integrations.get(7), base_url=base_url)
    expected = httpx.URL(base_url + "/integrations/7")
    assert request.url == expected
    assert request.url.raw_path == expected.raw_path
    assert str(request.url) == str(expected)


@pytest.mark.parametrize(
    "cursor",
    ["abc", "a b+c&d=e", "ünï/cødé?#", "%41%zz", "2024-05-31T21:39:44+02:00", "~._-*"],
)
async def test_a_listing_query_is_encoded_as_httpx_encodes_params(h: Harness, cursor: str) -> None:
    """The first page's query (cursor, page_size) is what httpx builds from ``params=``."""
    request = await _sent(h, lambda c: c.exception_logs.list(cursor=cursor, page_size=5))
    expected = httpx.Request(
        "GET",
        BASE_URL + "/integrations/logs",
        params={"page_size": 5, "cursor": cursor},
    ).url
    assert request.url == expected
    assert request.url.params["cursor"] == cursor


async def test_extra_query_with_a_callers_default_params_keeps_httpx_merging(h: Harness) -> None:
    """A caller's own client with default params: they are sent, and the call's own win."""
    recorder = Recorder([_answer])
    http = h.http_client(recorder, params={"page_size": "1", "tenant": "t-1"})
    client = h.client(recorder, http_client=http)
    try:
        await h.run(client.exception_logs.list(page_size=5))
    finally:
        await h.close(client)
        if isinstance(http, httpx.AsyncClient):
            await http.aclose()
        else:
            http.close()
    params = recorder.last.url.params
    assert params["page_size"] == "5"
    assert params["tenant"] == "t-1"


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/a/../b", None),  # a dot segment: httpx removes it
        ("/a/./b", None),
        ("/a%2Fb", None),  # an escape: httpx's parser decides
        ("//double", None),
        ("/ok", "q=a b"),  # a query QueryParams would not have written
        ("/ok", "q=<x>"),
    ],
)
def test_what_needs_httpx_parser_goes_as_a_string(path: str, query: str | None) -> None:
    """A path or query the fast path cannot vouch for is left to httpx, as text."""
    url = call_url("https://h.example/v3", path, query)
    assert isinstance(url, str)
    text = "https://h.example/v3" + path + ("" if query is None else "?" + query)
    assert url == text


def test_a_built_url_equals_httpx_parse_and_a_base_with_a_query_is_never_extended() -> None:
    """Extended URLs compare, print and encode like parsed ones; a base with ?query is text."""
    built = call_url("https://h.example/v3", "/integrations/12", "page_size=5&cursor=a%2Bb")
    parsed = httpx.URL("https://h.example/v3/integrations/12?page_size=5&cursor=a%2Bb")
    assert isinstance(built, httpx.URL)
    assert (built, str(built), built.raw_path, built.params) == (
        parsed,
        str(parsed),
        parsed.raw_path,
        parsed.params,
    )
    assert isinstance(call_url("https://h.example/v3?x=1", "/integrations/12"), str)
