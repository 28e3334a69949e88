"""A body that arrived whole with no Content-Encoding is read as ``Response.read()`` reads it.

The aiohttp backend sets a read response's state itself instead of pulling the body
through httpx's generators (issue #17); it checks once per process that the two
agree, and falls back to ``read()`` when they do not.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sendcloud_integrations import _plain_read

HEADERS = [(b"Content-Type", b"application/json; charset=utf-8"), (b"Content-Length", b"14")]
REQUEST = httpx.Request("GET", "https://panel.example/api/v3/integrations/7")


@pytest.fixture
def unchecked(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The process's check, not made yet."""
    agrees: list[bool] = []
    monkeypatch.setattr(_plain_read, "_agrees", agrees)
    return agrees


def _unread(body: bytes) -> httpx.Response:
    extensions = {"http_version": b"HTTP/1.1", "reason_phrase": b"OK"}
    stream = httpx.ByteStream(body)
    return httpx.Response(
        200, headers=HEADERS, stream=stream, request=REQUEST, extensions=extensions
    )


def _seen(response: httpx.Response) -> dict[str, Any]:
    return {
        "content": response.content,
        "text": response.text,
        "state": (response.is_closed, response.is_stream_consumed),
        "downloaded": response.num_bytes_downloaded,
        "bytes": list(response.iter_bytes(chunk_size=5)),
        "lines": list(response.iter_lines()),
    }


@pytest.mark.parametrize("body", [b'{"id": 7}\n{"x"}', b"", bytes(range(256)) * 64])
def test_a_plain_body_reads_as_read_reads_it(body: bytes, unchecked: list[bool]) -> None:
    """Content, text, closed and consumed, bytes downloaded and iteration all agree."""
    ours, theirs = _unread(body), _unread(body)
    _plain_read.read_plain(ours, body)
    theirs.read()
    assert unchecked == [True]
    assert _seen(ours) == _seen(theirs)
    with pytest.raises(httpx.StreamConsumed):
        list(ours.iter_raw())  # read: its raw stream is spent, as after read()


def test_a_difference_from_read_turns_it_off_for_the_process(
    unchecked: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An httpx whose read() leaves other state: every response is read by read() again."""
    read = httpx.Response.read
    calls = []

    def read_and_mark(response: httpx.Response) -> bytes:
        calls.append(response)
        response.extra_state = True  # type: ignore[attr-defined]
        return read(response)

    monkeypatch.setattr(httpx.Response, "read", read_and_mark)
    first, second = _unread(b"{}"), _unread(b"[]")
    _plain_read.read_plain(first, b"{}")
    _plain_read.read_plain(second, b"[]")
    assert unchecked == [False]
    assert (first.content, second.content) == (b"{}", b"[]")
    assert first in calls
    assert second in calls
