"""A loopback HTTP/1.1 server for the fan-out benchmark: the sandbox's answers, replayed.

The fan-out measures the client. The threaded sandbox server spends about 0.5 ms of
CPU on each request (http.server parsing, the sandbox's logic, JSON encoding), and
at 50 concurrent calls that CPU, not the 20 ms latency, sets the wall time of every
client alike. This server answers from responses the sandbox gave once up front,
on one asyncio loop in its own process, after the same fixed latency: its CPU per
request is small and is reported beside each figure, so the ratios are the clients'.

It checks the one thing a replay could let slip, that the request carries the
credentials (a missing or wrong Authorization gets a 401), and answers
only the paths it was given (404 otherwise).

Its loop waits with select(), which takes timeouts to the microsecond: epoll (asyncio's
default on Linux) rounds every wait up to the next millisecond, so answers left up to
1 ms after their latency, for every client alike. How late each answer leaves is
added up in ``lateness`` (seconds, answers), which the benchmark reports beside the
server's CPU.
"""

from __future__ import annotations

import asyncio
import selectors
from typing import Any

Canned = dict[str, tuple[int, list[tuple[str, str]], bytes]]  # target -> status, headers, body


def _head(status: int, headers: list[tuple[str, str]], length: int) -> bytes:
    lines = [f"HTTP/1.1 {status} {'OK' if status < 400 else 'Error'}"]
    lines += [f"{name}: {value}" for name, value in headers]
    lines += [f"Content-Length: {length}", "", ""]
    return "\r\n".join(lines).encode("latin-1")


class _Replay(asyncio.Protocol):
    def __init__(
        self, answers: dict[str, bytes], authorization: bytes, latency: float, lateness: Any
    ) -> None:
        self._answers = answers
        self._authorization = authorization
        self._latency = latency
        self._lateness = lateness
        self._buffer = b""
        self._transport: asyncio.Transport | None = None
        self._loop = asyncio.get_running_loop()

    def connection_made(self, transport: Any) -> None:
        self._transport = transport

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        # GETs only: a request is its head. HTTP/1.1 clients wait for each answer on
        # a connection, so answers leave in the order the heads came.
        while (end := self._buffer.find(b"\r\n\r\n")) >= 0:
            head, self._buffer = self._buffer[:end], self._buffer[end + 4 :]
            due = self._loop.time() + self._latency
            self._loop.call_at(due, self._answer, self._respond_to(head), due)

    def _respond_to(self, head: bytes) -> bytes:
        request_line, _, header_block = head.partition(b"\r\n")
        target = request_line.split(b" ")[1].decode("latin-1")
        authorized = any(
            line.split(b":", 1)[1].strip() == self._authorization
            for line in header_block.split(b"\r\n")
            if line[:14].lower() == b"authorization:"
        )
        if not authorized:
            return self._answers["401"]
        return self._answers.get(target, self._answers["404"])

    def _answer(self, response: bytes, due: float) -> None:
        if self._transport is not None and not self._transport.is_closing():
            self._transport.write(response)
            if self._lateness is not None:
                self._lateness[0] += self._loop.time() - due
                self._lateness[1] += 1

    def connection_lost(self, exc: Exception | None) -> None:
        self._transport = None


def serve(
    canned: Canned,
    origin: str,
    authorization: str,
    latency: float,
    queue: Any,
    lateness: Any = None,
) -> None:
    """Child process: answer ``canned`` after ``latency`` seconds; put the port on ``queue``.

    Links in the answers that name ``origin`` (the sandbox's) are rewritten to this
    server's, so a paginator may follow them as it would the real API's. ``lateness``,
    when given, is a shared array of two doubles: seconds late, summed, and answers.
    """

    async def main() -> None:
        loop = asyncio.get_running_loop()
        answers: dict[str, bytes] = {}
        server = await loop.create_server(
            lambda: _Replay(answers, authorization.encode("latin-1"), latency, lateness),
            "127.0.0.1",
            0,
        )
        port = server.sockets[0].getsockname()[1]
        here = f"http://127.0.0.1:{port}"
        for target, (status, headers, body) in canned.items():
            headers = [(name, value.replace(origin, here)) for name, value in headers]
            answers[target] = _head(status, headers, len(body)) + body
        json_type = [("Content-Type", "application/json")]
        for status, body in ((401, b'{"errors": [{"code": "unauthorized"}]}'), (404, b"{}")):
            answers[str(status)] = _head(status, json_type, len(body)) + body
        queue.put(port)
        await server.serve_forever()

    with asyncio.Runner(
        loop_factory=lambda: asyncio.SelectorEventLoop(selectors.SelectSelector())
    ) as runner:
        runner.run(main())
