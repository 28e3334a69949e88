"""Bodies and headers on the aiohttp backend: as on httpx's own transport.

When httpx is about to read a whole body and aiohttp has all of it already, the
backend hands the body over read (issue #17). These tests pin that the result is
the default backend's, for plain, chunked, gzip, broken gzip, empty and large
bodies, and that a streamed response is left for the caller to read.
"""

from __future__ import annotations

import datetime
import gzip

import httpx
import pytest
import sendcloud_integrations as sc

from ._loopback import BODY, http_answer, loopback_server, plain_answer

pytestmark = [pytest.mark.anyio]

BACKENDS = ["httpx", "aiohttp"]


def _chunked(body: bytes = BODY) -> bytes:
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (body[:9], body[9:]))
    return http_answer(["HTTP/1.1 200 OK", "Transfer-Encoding: chunked"], chunks + b"0\r\n\r\n")


def _gzipped(packed: bytes) -> bytes:
    head = ["HTTP/1.1 200 OK", "Content-Encoding: gzip", f"Content-Length: {len(packed)}"]
    return http_answer(head, packed)


def _http(backend: str) -> httpx.AsyncClient:
    if backend == "aiohttp":
        pytest.importorskip("httpx_aiohttp")
        return sc.DefaultAioHttpClient()
    return httpx.AsyncClient()


async def _read(backend: str, answer: bytes) -> httpx.Response:
    with loopback_server(answer) as url:
        async with _http(backend) as http:
            return await http.get(url)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "answer",
    [plain_answer(), _chunked(), _gzipped(gzip.compress(BODY))],
    ids=["plain", "chunked", "gzip"],
)
async def test_a_read_response_is_the_default_backend_s(backend: str, answer: bytes) -> None:
    """Content, headers as sent, closed, elapsed and bytes downloaded match httpx's transport."""
    response = await _read(backend, answer)
    expected = await _read("httpx", answer)
    assert response.content == expected.content == BODY
    assert response.headers.raw == expected.headers.raw
    assert "content-length" not in response.headers or b"chunked" not in answer
    assert response.is_closed
    assert response.is_stream_consumed
    assert response.num_bytes_downloaded == expected.num_bytes_downloaded
    assert isinstance(response.elapsed, datetime.timedelta)
    assert response.elapsed >= datetime.timedelta(0)


@pytest.mark.parametrize("backend", BACKENDS)
async def test_an_empty_body_reads_as_empty(backend: str) -> None:
    """A 204 with no body is b"" and closed, as on httpx's transport."""
    response = await _read(backend, http_answer(["HTTP/1.1 204 No Content"], b""))
    assert (response.status_code, response.content, response.is_closed) == (204, b"", True)


@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_broken_gzip_body_raises_httpx_s_decoding_error(backend: str) -> None:
    """A body that says gzip and is not raises httpx.DecodingError on both backends."""
    with pytest.raises(httpx.DecodingError):
        await _read(backend, _gzipped(b"this is not gzip"))


@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_body_larger_than_one_read_arrives_whole(backend: str) -> None:
    """Eight megabytes, more than aiohttp has when the head is parsed, arrive whole."""
    body = bytes(range(256)) * (8 * 4096)
    response = await _read(backend, plain_answer(body))
    assert response.content == body
    assert response.is_closed


@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_streamed_response_is_left_to_the_caller(backend: str) -> None:
    """With stream=True the body waits: aiter_raw gives the bytes as sent, then it closes."""
    packed = gzip.compress(BODY)
    with loopback_server(_gzipped(packed)) as url:
        async with _http(backend) as http, http.stream("GET", url) as response:
            assert not response.is_closed
            assert not response.is_stream_consumed
            raw = b"".join([chunk async for chunk in response.aiter_raw()])
            assert response.is_closed
    assert raw == packed


@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_streamed_response_decodes_as_it_is_iterated(backend: str) -> None:
    """aiter_bytes on a streamed gzip response gives the decoded body on both backends."""
    with loopback_server(_gzipped(gzip.compress(BODY))) as url:
        async with _http(backend) as http, http.stream("GET", url) as response:
            decoded = b"".join([chunk async for chunk in response.aiter_bytes()])
    assert decoded == BODY


async def test_reading_whole_bodies_is_for_one_send_only() -> None:
    """After a read send, a streamed send on the same client is streamed again."""
    pytest.importorskip("httpx_aiohttp")
    with loopback_server(plain_answer()) as url:
        async with sc.DefaultAioHttpClient() as http:
            assert (await http.get(url)).is_closed
            async with http.stream("GET", url) as response:
                assert not response.is_closed
                assert await response.aread() == BODY


async def test_a_streamed_send_inside_a_read_one_is_streamed() -> None:
    """A stream=True send made while another send reads whole (an auth flow's) streams."""
    pytest.importorskip("httpx_aiohttp")
    from sendcloud_integrations._aiohttp_transport import READ_WHOLE

    with loopback_server(plain_answer()) as url:
        async with sc.DefaultAioHttpClient() as http:
            outer = READ_WHOLE.set(True)  # as inside DefaultAioHttpClient.send(stream=False)
            try:
                async with http.stream("GET", url) as response:
                    assert not response.is_closed
                    assert await response.aread() == BODY
            finally:
                READ_WHOLE.reset(outer)


class _FailedBody:
    """aiohttp's body reader after the payload failed: at EOF, and raising on read."""

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def is_eof(self) -> bool:
        return True

    def read_nowait(self) -> bytes:
        raise self.error


class _Answered:
    """An aiohttp response whose head arrived and whose body failed."""

    def __init__(self, error: BaseException) -> None:
        self.status, self.reason, self.raw_headers = 200, "OK", ()
        self.content = _FailedBody(error)
        self.released = False

    def release(self) -> None:
        self.released = True


class _Session:
    def __init__(self, response: _Answered) -> None:
        self.response = response

    async def request(self, *args: object, **kwargs: object) -> _Answered:
        return self.response

    async def close(self) -> None:
        pass


@pytest.mark.parametrize("fails_with", ["aiohttp", "other"])
async def test_a_body_that_failed_in_aiohttp_raises_mapped_and_releases(fails_with: str) -> None:
    """aiohttp's payload error is httpx's RemoteProtocolError; others pass; the body is released."""
    pytest.importorskip("httpx_aiohttp")
    import aiohttp
    from sendcloud_integrations._aiohttp_transport import READ_WHOLE, transport_class

    error = aiohttp.ClientPayloadError("cut") if fails_with == "aiohttp" else LookupError("x")
    answered = _Answered(error)
    transport = transport_class()(client=lambda: _Session(answered))
    request = httpx.Request("GET", "http://127.0.0.1/x")
    expected = httpx.RemoteProtocolError if fails_with == "aiohttp" else LookupError
    reading = READ_WHOLE.set(True)
    try:
        with pytest.raises(expected) as caught:
            await transport.handle_async_request(request)
    finally:
        READ_WHOLE.reset(reading)
    assert answered.released
    if isinstance(caught.value, httpx.RequestError):
        assert caught.value.request is request


async def test_request_headers_go_out_as_httpx_s_own_transport_sends_them() -> None:
    """The same header lines, names in the case given, reach the server on both backends."""
    pytest.importorskip("httpx_aiohttp")
    heads: list[bytes] = []
    with loopback_server(plain_answer(), heads) as url:
        for backend in BACKENDS:
            async with _http(backend) as http:
                http.headers.update({"User-Agent": "sdk-test", "Accept": "application/json"})
                await http.get(url, headers={"X-Request-Id": "r-1"}, auth=("pk", "sk"))
    by_httpx, by_aiohttp = (sorted(head.split(b"\r\n")[1:]) for head in heads)
    assert by_aiohttp == by_httpx
    assert b"X-Request-Id: r-1" in by_aiohttp


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ([(b"X-Name", b"plain")], [("X-Name", "plain")]),
        (
            [(b"X-Ascii", b"a"), (b"X-Utf8", "café".encode())],
            [("X-Ascii", "a"), ("X-Utf8", "café")],
        ),
        ([(b"X-Latin", b"caf\xe9")], [("X-Latin", "café")]),
    ],
    ids=["ascii", "utf-8", "latin-1"],
)
async def test_header_values_reach_aiohttp_decoded_as_httpx_decodes_them(
    raw: list[tuple[bytes, bytes]], expected: list[tuple[str, str]]
) -> None:
    """ASCII as is; otherwise the whole set in httpx's encoding (UTF-8, else Latin-1)."""
    from sendcloud_integrations._aiohttp_transport import _as_sent

    headers = httpx.Headers(raw)
    assert _as_sent(headers) == expected
    assert [(k.lower(), v) for k, v in expected] == headers.multi_items()
