"""A loopback HTTP server for the aiohttp tests: every request gets the same raw answer."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

BODY = b'{"id": 7, "shop_name": "Groenteboer"}'


def http_answer(head: list[str], body: bytes) -> bytes:
    """A whole HTTP/1.1 answer: the status line and headers in ``head``, then ``body``."""
    return "\r\n".join([*head, "Connection: close", "", ""]).encode("latin-1") + body


def plain_answer(body: bytes = BODY, *headers: str) -> bytes:
    """A 200 with ``body`` and its Content-Length (and any further ``headers``)."""
    return http_answer(["HTTP/1.1 200 OK", *headers, f"Content-Length: {len(body)}"], body)


@contextmanager
def loopback_server(answer: bytes, heads: list[bytes] | None = None) -> Iterator[str]:
    """A loopback server that answers every connection's request with ``answer``.

    The request heads it read go to ``heads``, when given.
    """
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)

    def serve() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:  # the listener was closed: the test is over
                return
            with connection:
                received = b""
                while b"\r\n\r\n" not in received:
                    received += connection.recv(65536)
                if heads is not None:
                    heads.append(received.partition(b"\r\n\r\n")[0])
                connection.sendall(answer)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/x"
    finally:
        listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() that waits
        listener.close()
        thread.join(timeout=5)
