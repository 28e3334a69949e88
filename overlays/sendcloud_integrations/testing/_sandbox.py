"""`Sandbox`: one fake Sendcloud account with its data, credentials, clock and faults."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

import anyio

from ._clock import Clock, system_clock
from ._faults import FaultInjector
from ._handler import handle
from ._http import SandboxRequest, SandboxResponse
from ._oauth import TOKEN_PATH, Credentials, TokenStore
from ._seed import DEFAULT_LOG_COUNT, seed
from ._spec import API_PREFIX
from ._state import State

if TYPE_CHECKING:
    from ._server import SandboxServer
    from ._transport import SandboxTransport

# In-process requests use this origin: never resolvable (.invalid), and https so
# clients that refuse plain http to non-loopback hosts accept it.
IN_PROCESS_ORIGIN = "https://sandbox.invalid"


class Sandbox:
    """A local stand-in for the Integrations API.

    ``clock`` supplies "now" (token expiry, ``created_at`` defaults, ``deleted_at``);
    ``sleep``/``async_sleep`` serve injected latency, so tests can pass fakes and
    never wait. ``log_count`` sets how many deterministic logs are seeded.
    """

    def __init__(
        self,
        *,
        credentials: Credentials | None = None,
        clock: Clock = system_clock,
        sleep: Callable[[float], None] = time.sleep,
        async_sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
        log_count: int = DEFAULT_LOG_COUNT,
        token_expires_in: int = 3600,
        seeded: bool = True,
    ) -> None:
        self.credentials = credentials or Credentials()
        self.clock = clock
        self.sleep = sleep
        self.async_sleep = async_sleep
        self.faults = FaultInjector()
        self.tokens = TokenStore(clock, token_expires_in)
        self.state = State()
        self._log_count = log_count
        self._seeded = seeded
        if seeded:
            seed(self.state, log_count=log_count)

    def __repr__(self) -> str:
        return (
            f"Sandbox(integrations={len(self.state.integrations)}, logs={len(self.state.logs)}, "
            f"credentials={self.credentials!r})"
        )

    @property
    def base_url(self) -> str:
        """The API base URL for in-process use with `transport()`."""
        return IN_PROCESS_ORIGIN + API_PREFIX

    @property
    def token_url(self) -> str:
        """The token endpoint URL for in-process use with `transport()`."""
        return IN_PROCESS_ORIGIN + TOKEN_PATH

    @property
    def token_expires_in(self) -> int:
        return self.tokens.expires_in

    @token_expires_in.setter
    def token_expires_in(self, seconds: int) -> None:
        self.tokens.expires_in = seconds

    def handle(self, request: SandboxRequest) -> SandboxResponse:
        """Answer one request (what both the transport and the server call)."""
        return handle(self, request)

    def reset(self) -> None:
        """Back to the seed data, with faults off and every token revoked."""
        state = State()
        if self._seeded:
            seed(state, log_count=self._log_count)
        self.state = state
        self.faults.clear()
        self.tokens.revoke_all()

    def issue_token(self) -> str:
        """A valid Bearer token, without a round trip to the token endpoint."""
        return self.tokens.issue()

    def revoke_tokens(self) -> None:
        self.tokens.revoke_all()

    def expire_tokens(self) -> None:
        self.tokens.expire_all()

    def transport(self) -> SandboxTransport:
        """An httpx transport (sync and async) that answers from this sandbox in-process."""
        from ._transport import SandboxTransport

        return SandboxTransport(self)

    def serve(
        self, host: str = "127.0.0.1", port: int = 0, *, verbose: bool = False
    ) -> SandboxServer:
        """A started HTTP server on ``host:port`` (port 0: any free one); stop it when done."""
        from ._server import SandboxServer

        return SandboxServer(self, host, port, verbose=verbose).start()
