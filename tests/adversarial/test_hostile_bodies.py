"""Hostile response bodies for every operation: types, nesting, encodings, content types."""

from __future__ import annotations

import json
from typing import Any

import httpx
from hypothesis import given
from hypothesis import strategies as st

from ._calls import CALLS
from ._support import (
    BUDGET,
    MODES,
    check_no_secret,
    check_only_typed,
    debug_records,
    run_call,
)

STATUSES = (200, 201, 204, 400, 401, 403, 404, 409, 418, 422, 429, 500, 502, 503)
CONTENT_TYPES = (
    "application/json",
    "application/json; charset=utf-16",
    "application/problem+json",
    "text/html; charset=iso-8859-1",
    "application/octet-stream",
    "",
)
ENCODINGS = ("utf-8", "utf-16", "latin-1", "utf-32")

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["2024-01-01T00:00:00Z", "not-a-date", "https://x.example/", ""])
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=25,
)
# Documents shaped like the spec's, with hostile values where the fields go.
FIELDS = ("id", "shop_name", "shop_url", "type", "created_at", "mapping", "external_id", "errors")
shaped = st.one_of(
    st.builds(lambda v: {"data": v}, json_values),
    st.builds(lambda v: {"data": [v]}, st.dictionaries(st.sampled_from(FIELDS), json_values)),
    st.builds(lambda v: {"data": v}, st.dictionaries(st.sampled_from(FIELDS), json_values)),
    st.builds(lambda v: {"data": {"integration_id": 1, "mapping": v}}, json_values),
    st.builds(lambda v: {"errors": v}, json_values),
    st.builds(
        lambda v: {"errors": [v]},
        st.dictionaries(
            st.sampled_from(("status", "code", "title", "detail", "source", "meta")), json_values
        ),
    ),
    json_values,
)


@st.composite
def bodies(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(("json", "encoded", "bytes", "truncated")))
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    text = json.dumps(draw(shaped))
    if kind == "truncated":
        return text[: draw(st.integers(0, max(0, len(text) - 1)))].encode()
    encoding = draw(st.sampled_from(ENCODINGS)) if kind == "encoded" else "utf-8"
    return text.encode(encoding, errors="replace")


CONTENT_ENCODINGS = ("", "", "gzip", "deflate", "br", "zstd", "identity", "x-unknown")


def respond(status: int, content_type: str, body: bytes, content_encoding: str = "") -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Type": content_type} if content_type else {}
        if content_encoding:  # claimed, never applied: the body does not decode
            headers["Content-Encoding"] = content_encoding
        return httpx.Response(status, headers=headers, content=body)

    return handler


@BUDGET
@given(
    call=st.sampled_from(sorted(CALLS)),
    mode=st.sampled_from(MODES),
    status=st.sampled_from(STATUSES),
    content_type=st.sampled_from(CONTENT_TYPES),
    content_encoding=st.sampled_from(CONTENT_ENCODINGS),
    body=bodies(),
)
def test_hostile_bodies_raise_only_typed_errors_and_leak_nothing(
    call: str, mode: str, status: int, content_type: str, content_encoding: str, body: bytes
) -> None:
    """Whatever body, type, encoding or status comes back, only SendcloudError escapes, and no
    credential shows in the error, the captured responses or the logs."""
    handler = respond(status, content_type, body, content_encoding)
    with debug_records() as records:
        run = run_call(mode, handler, CALLS[call], max_retries=0)
    check_only_typed(run)
    check_no_secret(run, records)


DEPTHS = (1_000, 10_000, 100_000)


@BUDGET
@given(
    call=st.sampled_from(sorted(CALLS)),
    mode=st.sampled_from(MODES),
    depth=st.sampled_from(DEPTHS),
    opener=st.sampled_from(("[", '{"data":', '{"data":[')),
)
def test_deeply_nested_bodies_raise_only_typed_errors(
    call: str, mode: str, depth: int, opener: str
) -> None:
    """A body nested 100,000 deep raises a typed error, not RecursionError."""
    closer = {"[": "]", '{"data":': "}", '{"data":[': "]}"}[opener]
    body = ("[" * depth + "]" * depth).encode()
    document = opener.encode() + body + closer.encode()
    run = run_call(mode, respond(200, "application/json", document), CALLS[call], max_retries=0)
    check_only_typed(run)
