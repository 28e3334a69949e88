"""A fake logs endpoint serving N records through RFC 8288 Link headers.

One handler (httpx.Request -> httpx.Response) serves both the in-process
MockTransport and a real HTTP server on 127.0.0.1, so the pagination tests
run the same way over both. Records are made on the fly, page by page, so the
fake itself holds no more than a page.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

Handler = Callable[[httpx.Request], httpx.Response]


def log_record(record_id: int) -> dict[str, object]:
    return {
        "id": record_id,
        "integration_id": 7,
        "base_url": "https://shop.example",
        "full_url": f"https://shop.example/orders/{record_id}.json",
        "method": "POST",
        "response_code": 495,
        "response": {"headers": {"Content-Type": "text/html"}, "body": "SSL Certificate Error"},
        "request": {"headers": {"Content-Type": "application/json"}, "payload": {"n": record_id}},
        "created_at": "2023-03-01T02:02:00+01:00",
        "exception_type": "requests.exceptions.SSLError",
        "exception": "An SSL error occurred",
        "protected": False,
        "additional_data": "",
    }


class LogPages:
    """Serves ids N..1 (newest first), ``page_size`` per page, cursor = last id served.

    A full page always carries a next link (the server does not look ahead),
    so reading N records takes N // page_size + 1 requests.
    """

    def __init__(self, total: int, *, path: str = "/api/v3/integrations/logs") -> None:
        self.total = total
        self.path = path
        self.requests: list[httpx.URL] = []
        self.client_ports: set[str] = set()
        self.fail_next: list[httpx.Response | Exception] = []
        self.link_override: Callable[[httpx.URL], str | None] | None = None
        self.lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self.lock:
            self.requests.append(request.url)
            self.client_ports.add(request.headers.get("X-Test-Client-Port", "in-process"))
            injected = self.fail_next.pop(0) if self.fail_next else None
        if isinstance(injected, Exception):
            raise injected
        if injected is not None:
            return injected
        size = int(request.url.params.get("page_size", "25"))
        cursor = request.url.params.get("cursor")
        start = int(cursor) - 1 if cursor is not None else self.total
        ids = list(range(start, max(start - size, 0), -1))
        headers = {}
        next_link = None
        if len(ids) == size:
            next_link = str(request.url.copy_merge_params({"cursor": str(ids[-1])}))
        if self.link_override is not None:
            next_link = self.link_override(request.url)
        if next_link is not None:
            headers["Link"] = f'<{next_link}>; rel="next"'
        body = json.dumps({"data": [log_record(i) for i in ids]}).encode()
        return httpx.Response(
            200, content=body, headers={**headers, "Content-Type": "application/json"}
        )


class _Bridge(BaseHTTPRequestHandler):
    handler: Handler
    # HTTP/1.1 keeps connections alive, so connection reuse is observable.
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes; without TCP_NODELAY, Nagle
        # plus delayed ACKs add ~40 ms to every keep-alive response.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self) -> None:
        self._bridge("GET")

    def do_POST(self) -> None:
        self._bridge("POST")

    def _bridge(self, method: str) -> None:
        host, port = self.server.server_address[:2]
        url = f"http://{host}:{port}{self.path}"
        # The client's port tells the tests how many connections were opened.
        headers = {**dict(self.headers), "X-Test-Client-Port": str(self.client_address[1])}
        body_in = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        request = httpx.Request(method, url, headers=headers, content=body_in)
        response = type(self).handler(request)
        body = response.read()
        self.send_response(response.status_code)
        for name, value in response.headers.items():
            if name.lower() not in ("content-length", "transfer-encoding"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(handler: Handler) -> Iterator[str]:
    """Run ``handler`` behind a real HTTP server on 127.0.0.1; yield its base URL."""
    bridge = type("Bridge", (_Bridge,), {"handler": staticmethod(handler)})
    server = ThreadingHTTPServer(("127.0.0.1", 0), bridge)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/v3"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
