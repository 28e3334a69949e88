"""Hostile Link headers, token responses and Retry-After values."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import sendcloud_integrations as sc
from hypothesis import given
from hypothesis import strategies as st

from ._support import (
    BASE_URL,
    BUDGET,
    MODES,
    TOKEN_URL,
    check_no_secret,
    check_only_typed,
    debug_records,
    run_call,
    saw,
)

LOG = {
    "id": 1,
    "integration_id": 2,
    "base_url": "https://s.example/",
    "created_at": "2024-01-01T00:00:00Z",
}
PAGE = json.dumps({"data": [LOG]}).encode()
HOST = httpx.URL(BASE_URL).host
SAME_ORIGIN = "stays on the client's origin"
TOKENS_CLEAN = "only RFC 6750 b64tokens reach the Authorization header"
CAPPED = "retry_after and every retry wait stay within the cap"

# Pieces a hostile server strings together into a Link header.
url_parts = st.sampled_from(
    [
        "http://[::1",
        "https://api.adversarial.invalid:abc",
        "http://xn--",
        "https://evil.example",
        "//evil.example",
        "https://api.adversarial.invalid",
        "/api/v3/integrations/logs",
        "?cursor=",
        "cursor=",
        "&cursor=x",
        "\t",
        " ",
        "\\",
        "%00",
        "é",
        "@",
        ":",
        "a" * 9000,
        "",
    ]
)
link_targets = st.lists(url_parts | st.text(max_size=12), min_size=1, max_size=6).map("".join)
params = st.sampled_from(
    [
        '; rel="next"',
        "; rel=next",
        '; rel="NEXT"',
        '; rel="prev next"',
        '; rel="prev"',
        "; rel",
        ";",
        "",
    ]
)
link_values = st.builds(lambda t, p: f"<{t}>{p}", link_targets, params)
link_headers = st.lists(link_values | st.text(max_size=30), min_size=1, max_size=3).map(", ".join)


@BUDGET
@given(mode=st.sampled_from(MODES), headers=st.lists(link_headers, min_size=1, max_size=4))
def test_hostile_link_headers_raise_only_pagination_errors_and_never_leave_the_origin(
    mode: str, headers: list[str]
) -> None:
    """Whatever Link headers the pages carry, iteration ends or raises a SendcloudError, and
    no request goes to another host."""
    replies = iter(headers)

    def handler(request: httpx.Request) -> httpx.Response:
        link = next(replies, "")
        headers = [(b"Content-Type", b"application/json")]
        if link:  # as bytes: a hostile server is not limited to ASCII
            headers.append((b"Link", link.encode("utf-8")))
        return httpx.Response(200, content=PAGE, headers=headers)

    with debug_records() as records:
        run = run_call(mode, handler, lambda c: c.exception_logs.list(max_pages=10))
    check_only_typed(run)
    check_no_secret(run, records)
    saw(SAME_ORIGIN)
    assert all(r.url.host == HOST for r in run.requests)


B64TOKEN = re.compile(r"Bearer [A-Za-z0-9\-._~+/]+=*")
token_values = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["tok\n", "tok\r\nX-Injected: 1", "tok\x00", "tok en", "", "tok=="]),
    st.integers(),
    st.none(),
    st.lists(st.text(max_size=3), max_size=2),
)
token_bodies = st.fixed_dictionaries(
    {},
    optional={
        "access_token": token_values,
        "token_type": st.sampled_from(["Bearer", "bearer", "mac", "", None, 1])
        | st.text(max_size=8),
        "expires_in": st.one_of(
            st.integers(min_value=-(2**70), max_value=2**70),
            st.floats(allow_nan=False, allow_infinity=False),
            st.text(max_size=6),
            st.booleans(),
            st.none(),
        ),
        "error": st.sampled_from(["invalid_client", "csec-canary-Zt83"]),
    },
)


@BUDGET
@given(
    mode=st.sampled_from(MODES),
    status=st.sampled_from([200, 200, 200, 400, 401, 429, 500, 503]),
    body=token_bodies | st.binary(max_size=40),
)
def test_hostile_token_responses_raise_only_typed_errors_and_never_reach_a_header(
    mode: str, status: int, body: Any
) -> None:
    """A token endpoint answering anything: only SendcloudError escapes, the client secret and
    tokens never leak, and no malformed token is ever sent to the API."""
    content = body if isinstance(body, bytes) else json.dumps(body).encode()

    def handler(request: httpx.Request) -> httpx.Response:
        if str(request.url) == TOKEN_URL:
            return httpx.Response(status, content=content, headers={"Retry-After": "1"})
        return httpx.Response(200, content=b'{"data": []}')

    with debug_records() as records:
        run = run_call(mode, handler, lambda c: c.integrations.list(), auth="oauth2")
    check_only_typed(run)
    check_no_secret(run, records)
    saw(TOKENS_CLEAN)
    for request in run.requests:
        if str(request.url) != TOKEN_URL:
            assert B64TOKEN.fullmatch(request.headers["Authorization"])


retry_after_values = st.one_of(
    st.sampled_from(["inf", "-inf", "nan", "1e12", "999999999999", "-5", "0", "1_0", "", " 7 "]),
    st.integers(min_value=-(10**15), max_value=10**15).map(str),
    st.floats().map(str),
    st.datetimes().map(lambda d: d.strftime("%a, %d %b %Y %H:%M:%S GMT")),
    st.text(max_size=40),
)


@BUDGET
@given(
    mode=st.sampled_from(MODES),
    value=retry_after_values,
    cap=st.sampled_from([0.0, 1.5, 60.0]),
    auth=st.sampled_from(["basic", "oauth2"]),
)
def test_hostile_retry_after_values_are_capped_everywhere(
    mode: str, value: str, cap: float, auth: str
) -> None:
    """Any Retry-After: only typed errors, retry_after is None or within [0, cap], and no retry
    waits longer than the cap."""
    try:
        header = value.encode("latin-1")
    except UnicodeEncodeError:
        header = value.encode("utf-8")

    def handler(request: httpx.Request) -> httpx.Response:
        if str(request.url) == TOKEN_URL:
            return httpx.Response(200, json={"access_token": "tok-1", "token_type": "Bearer"})
        return httpx.Response(429, headers=[(b"Retry-After", header)])

    policy = sc.RetryPolicy(max_retries=1, retry_after_cap=cap)
    run = run_call(mode, handler, lambda c: c.integrations.get(1), auth=auth, retry=policy)
    check_only_typed(run)
    saw(CAPPED)
    assert isinstance(run.error, sc.RateLimitError)
    assert run.error.retry_after is None or 0 <= run.error.retry_after <= cap
    assert all(0 <= s <= max(cap, policy.backoff_cap) for s in run.sleeps)
    hinted = [s for s in run.sleeps if run.error.retry_after is not None]
    assert all(s <= cap for s in hinted)
