"""Fakes for the auth tests: a Sendcloud-like token endpoint and API that count requests.

One thread-safe core answers both through ``httpx.MockTransport`` and through a
real ``ThreadingHTTPServer`` on 127.0.0.1 (see ``serve``).
"""

from __future__ import annotations

import base64
import json
import threading
from collections import deque
from collections.abc import Callable, Hashable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import httpx

CLIENT_ID = "client-id-0123456789"
CLIENT_SECRET = "client-S3CRET-do-not-leak"
PUBLIC_KEY = "public-key-0123456789"
SECRET_KEY = "secret-KEY-do-not-leak"
TOKEN_PATH = "/oauth2/token/"
TOKEN_URL = "https://account.sendcloud.com/oauth2/token/"
API_URL = "https://panel.sendcloud.sc/api/v3/integrations"


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def secret_forms(*secrets: str) -> list[str]:
    """The secrets as they could leak: plain, and inside a Basic header."""
    forms = list(secrets)
    forms += [basic(CLIENT_ID, CLIENT_SECRET).split()[1], basic(PUBLIC_KEY, SECRET_KEY).split()[1]]
    return forms


@dataclass
class Reply:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


def json_reply(status: int, doc: Any, **headers: str) -> Reply:
    return Reply(status, json.dumps(doc).encode(), {"Content-Type": "application/json", **headers})


UNAUTHORIZED = json_reply(401, {"errors": [{"status": "401", "code": "authentication_failed"}]})


class FakeSendcloud:
    """A token endpoint issuing ``tok-1``, ``tok-2``, ... and an API accepting only live tokens.

    ``token_script`` replies (or exceptions, raised by the MockTransport) are used
    before falling back to issuing a token; ``before_token`` runs on each token
    request before it is answered (concurrency tests block there).
    """

    def __init__(
        self,
        *,
        expires_in: float | None = 3600,
        token_script: list[Reply | Exception] | None = None,
        before_token: Callable[[], None] | None = None,
    ) -> None:
        self.expires_in = expires_in
        self.token_script: deque[Reply | Exception] = deque(token_script or [])
        self.before_token = before_token
        self.token_requests: list[dict[str, Any]] = []
        self.api_requests: list[dict[str, Any]] = []
        self.live_tokens: set[str] = set()
        self.api_always_401 = False
        self._lock = threading.Lock()
        self._api_seen = threading.Condition(self._lock)

    def wait_for_api_requests(self, count: int, timeout: float = 10.0) -> bool:
        """Block until ``count`` API requests arrived; False on timeout."""
        with self._api_seen:
            return self._api_seen.wait_for(lambda: len(self.api_requests) >= count, timeout)

    def revoke_all(self) -> None:
        with self._lock:
            self.live_tokens.clear()

    def handle(self, method: str, path: str, headers: Mapping[str, str], body: bytes) -> Reply:
        if path == TOKEN_PATH:
            if self.before_token is not None:
                self.before_token()
            return self._token(method, headers, body)
        auth = headers.get("authorization", "")
        with self._lock:
            self.api_requests.append({"method": method, "authorization": auth, "body": body})
            self._api_seen.notify_all()
            live = auth.removeprefix("Bearer ") in self.live_tokens
        if self.api_always_401 or not live:
            return UNAUTHORIZED
        return json_reply(200, {"path": path, "authorization": auth})

    def _token(self, method: str, headers: Mapping[str, str], body: bytes) -> Reply:
        with self._lock:
            self.token_requests.append(
                {
                    "method": method,
                    "headers": dict(headers),
                    "form": parse_qs(body.decode()),
                }
            )
            scripted = self.token_script.popleft() if self.token_script else None
            if isinstance(scripted, Exception):
                raise scripted
            if scripted is not None:
                return scripted
            if headers.get("authorization") != basic(CLIENT_ID, CLIENT_SECRET):
                return json_reply(401, {"error": "invalid_client"})
            token = f"tok-{len(self.token_requests)}"
            self.live_tokens.add(token)
        doc: dict[str, Any] = {"access_token": token, "token_type": "Bearer", "scope": "api"}
        if self.expires_in is not None:
            doc["expires_in"] = self.expires_in
        return json_reply(200, doc)

    def transport(self) -> httpx.MockTransport:
        def handler(request: httpx.Request) -> httpx.Response:
            try:
                reply = self.handle(
                    request.method, request.url.path, request.headers, request.read()
                )
            except httpx.TransportError as exc:
                exc.request = request
                raise
            return httpx.Response(reply.status, headers=reply.headers, content=reply.body)

        return httpx.MockTransport(handler)


@contextmanager
def serve(fake: FakeSendcloud) -> Iterator[str]:
    """Serve ``fake`` over real HTTP on 127.0.0.1 (a free port); yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            headers = {k.lower(): v for k, v in self.headers.items()}
            reply = fake.handle(self.command, self.path, headers, body)
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)

        do_GET = do_POST = _answer

        def log_message(self, format: str, *args: Any) -> None:
            pass

    class Server(ThreadingHTTPServer):
        # 50 clients connect at once; the default backlog of 5 would stall them.
        request_queue_size = 128

    server = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class FakeClock:
    """A settable clock that also records who read it, so tests can wait for N readers."""

    def __init__(self, identify: Callable[[], Hashable] = threading.get_ident) -> None:
        self.now = 0.0
        self._identify = identify
        self._readers: set[Hashable] = set()
        self._cond = threading.Condition()

    def __call__(self) -> float:
        with self._cond:
            self._readers.add(self._identify())
            self._cond.notify_all()
        return self.now

    def forget_readers(self) -> None:
        with self._cond:
            self._readers.clear()

    def wait_for_readers(self, count: int, timeout: float = 10.0) -> bool:
        """Block until ``count`` distinct callers read the clock; False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: len(self._readers) >= count, timeout)
