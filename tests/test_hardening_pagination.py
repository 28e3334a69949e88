"""Issue #15: next links are followed safely, rel per RFC 8288, loops and max_pages stop."""

from __future__ import annotations

import json
import pickle
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc

from ._client_harness import BASE_URL, MODES, Harness, Recorder, json_response

pytestmark = pytest.mark.anyio

LOGS = f"{BASE_URL}/integrations/logs"


def log(n: int) -> dict[str, Any]:
    return {
        "id": n,
        "integration_id": 2,
        "base_url": "https://shop.example/",
        "created_at": "2024-01-01T00:00:00Z",
    }


def page(n: int, link: str | None) -> httpx.Response:
    headers: list[tuple[bytes, bytes]] = [(b"Content-Type", b"application/json")]
    if link is not None:  # as bytes: a hostile server is not limited to ASCII
        headers.append((b"Link", link.encode("utf-8")))
    return httpx.Response(200, headers=headers, content=json.dumps({"data": [log(n)]}).encode())


@pytest.fixture(params=MODES)
def h(request: pytest.FixtureRequest) -> Harness:
    return Harness(request.param)


async def drain(h: Harness, client: Any, **kwargs: Any) -> list[Any]:
    return list(await h.run(client.exception_logs.list(**kwargs)))


MALFORMED = {
    "unclosed IPv6": "<http://[::1>; rel=next",
    "port not a number": '<http://localhost:abc/api/v3/integrations/logs?cursor=2>; rel="next"',
    "empty IDNA label": '<http://xn--/api/v3/integrations/logs?cursor=2>; rel="next"',
    "tab in the path": '</api/v3/integ\trations/logs?cursor=2>; rel="next"',
    "100 KB URL": f'</api/v3/integrations/logs?cursor={"a" * 100_000}>; rel="next"',
    "non-ASCII host": '<http://bücher.example/x?cursor=2>; rel="next"',
    "other origin": '<https://evil.example/api/v3/integrations/logs?cursor=2>; rel="next"',
    "userinfo": '<http://user:pw@localhost/api/v3/integrations/logs?cursor=2>; rel="next"',
    "backslash": '<\\\\evil.example\\x?cursor=2>; rel="next"',
}


@pytest.mark.parametrize("case", MALFORMED)
async def test_a_malformed_next_link_raises_pagination_error_with_resume_cursor(
    h: Harness, case: str
) -> None:
    """Every malformed or foreign link target raises PaginationError carrying resume_cursor."""
    recorder = Recorder([page(1, MALFORMED[case])])
    client = h.client(recorder)
    with pytest.raises(sc.PaginationError) as caught:
        await drain(h, client, cursor="start")
    assert caught.value.resume_cursor == "start"
    assert len(recorder.requests) == 1
    assert len(str(caught.value)) < 400  # a hostile link is not echoed whole
    await h.close(client)


@pytest.mark.parametrize(
    "rel", ['rel="NEXT"', 'rel="prev next"', "rel=next", 'REL="Next"', 'title="x"; rel="next last"']
)
async def test_rel_is_matched_case_insensitively_among_space_separated_values(
    h: Harness, rel: str
) -> None:
    """RFC 8288 section 3.3: relation types are case-insensitive and may be listed together."""
    recorder = Recorder([page(1, f"<{LOGS}?cursor=2>; {rel}"), page(2, None)])
    client = h.client(recorder)
    assert [item.id for item in await drain(h, client)] == [1, 2]
    await h.close(client)


async def test_a_next_link_among_several_links_is_found(h: Harness) -> None:
    """The next link is picked out of a header listing prev, next and last links."""
    header = f'<{LOGS}?cursor=0>; rel="prev", </api/v3/integrations/logs?cursor=2>; rel="next"'
    client = h.client(Recorder([page(1, header), page(2, None)]))
    assert len(await drain(h, client)) == 2
    await h.close(client)


async def test_a_cursor_repeated_with_changing_junk_counts_as_a_loop(h: Harness) -> None:
    """The same cursor with another query each time stops with PaginationError, not forever."""
    counter = iter(range(1_000))

    def handler(request: httpx.Request) -> httpx.Response:
        return page(next(counter), f'<{LOGS}?cursor=same&junk={next(counter)}>; rel="next"')

    client = h.client(handler)
    with pytest.raises(sc.PaginationError, match="loop"):
        await drain(h, client)
    await h.close(client)


async def test_a_next_cursor_equal_to_the_current_one_counts_as_a_loop(h: Harness) -> None:
    """A page fetched with cursor c whose next link is cursor c again is a loop."""
    client = h.client(Recorder([page(1, f'<{LOGS}?cursor=c&x=1>; rel="next"')]))
    with pytest.raises(sc.PaginationError, match="loop") as caught:
        await drain(h, client, cursor="c")
    assert caught.value.resume_cursor == "c"
    await h.close(client)


async def test_the_same_page_twice_in_a_row_counts_as_a_loop(h: Harness) -> None:
    """Identical page bodies pointing on each time are a loop, whatever the links say."""
    counter = iter(range(1, 1_000))

    def handler(request: httpx.Request) -> httpx.Response:
        return page(7, f'<{LOGS}?cursor={next(counter)}>; rel="next"')

    client = h.client(handler)
    with pytest.raises(sc.PaginationError, match="same page"):
        await drain(h, client)
    await h.close(client)


@pytest.mark.parametrize(
    ("limits", "sent"),
    [({"limit": 2}, 2), ({"max_pages": 2}, 2), ({"limit": 1}, 1), ({"max_pages": 1}, 1)],
)
async def test_the_same_page_twice_is_caught_up_to_the_last_page_the_limits_allow(
    h: Harness, limits: dict[str, int], sent: int
) -> None:
    """Limits leaving room for a second page still catch a repeat; with no room, one is sent."""
    counter = iter(range(1, 1_000))
    recorder = Recorder([lambda r: page(7, f'<{LOGS}?cursor={next(counter)}>; rel="next"')])
    client = h.client(recorder)
    if sent == 2:
        with pytest.raises(sc.PaginationError, match="same page"):
            await drain(h, client, page_size=1, **limits)
    else:
        assert len(await drain(h, client, page_size=1, **limits)) == 1
    assert len(recorder.requests) == sent
    await h.close(client)


async def test_max_pages_is_a_hard_stop_for_a_server_that_never_ends(h: Harness) -> None:
    """Endless distinct next links stop after max_pages requests, without an error."""
    counter = iter(range(1, 1_000))
    recorder = Recorder(
        [lambda r: page(next(counter), f"<{LOGS}?cursor={next(counter)}>; rel=next")]
    )
    client = h.client(recorder)
    assert len(await drain(h, client, max_pages=3)) == 3
    assert len(recorder.requests) == 3
    await h.close(client)


async def test_max_pages_zero_sends_nothing(h: Harness) -> None:
    """max_pages=0, like limit=0, iterates nothing and sends no request."""
    recorder = Recorder([page(1, None)])
    client = h.client(recorder)
    assert await drain(h, client, max_pages=0) == []
    assert recorder.requests == []
    await h.close(client)


async def test_max_pages_is_validated_before_anything_is_sent(h: Harness) -> None:
    """A negative max_pages is refused with RequestValidationError naming it."""
    client = h.client(Recorder([]))
    with pytest.raises(sc.RequestValidationError, match="max_pages"):
        client.exception_logs.list(max_pages=-1)
    await h.close(client)


async def test_an_api_error_mid_iteration_is_still_its_class_and_carries_resume_cursor(
    h: Harness,
) -> None:
    """A 503 on page 2 is caught as sc.ServerError and as sc.PaginationError, with the cursor of
    page 2, and pickles to the same class."""
    recorder = Recorder([page(1, f"<{LOGS}?cursor=p2>; rel=next"), json_response(503, {})])
    client = h.client(recorder, max_retries=0)
    with pytest.raises(sc.ServerError) as caught:
        await drain(h, client)
    error = caught.value
    assert isinstance(error, sc.PaginationError)
    assert error.resume_cursor == "p2"
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert copy.resume_cursor == "p2"
    assert copy.status_code == 503
    await h.close(client)


async def test_a_paginator_of_a_closed_client_raises_client_closed_error(h: Harness) -> None:
    """Iterating a paginator after close() raises ClientClosedError (with resume_cursor)."""
    client = h.client(Recorder([page(1, None)]))
    paginator = client.exception_logs.list(cursor="here")
    await h.close(client)
    with pytest.raises(sc.ClientClosedError) as caught:
        await h.run(paginator)
    assert isinstance(caught.value, sc.PaginationError)
    assert caught.value.resume_cursor == "here"
