"""The OAuth2 auth flow is written once, as a generator of actions; two thin drivers run it.

The flow (``OAuth2ClientCredentials._flow``) never does I/O itself. It yields what
it needs done: a request to send, a body to read, a pause, a call on the token
store, taking or leaving the in-process lock. :func:`drive_sync` does each with
blocking calls inside httpx's ``sync_auth_flow``, :func:`drive_async` with awaits
inside ``async_auth_flow``. Only these two loops differ, and they are the only
code that knows sync from async, so the logic of caching, single flight, sharing
and replay cannot drift between the two clients (issue #16: one source, rather
than generated twins, because an async generator cannot ``yield from``).

A store call that raises is thrown back into the flow, which decides what an
unhealthy store means; every other outcome is sent back as the yield's value.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from enum import Enum
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import anyio

import httpx

__all__ = [
    "LOCK",
    "UNLOCK",
    "Action",
    "Flow",
    "OnExit",
    "Read",
    "Sleep",
    "StoreCall",
    "drive_async",
    "drive_sync",
]

T = TypeVar("T")


class _LockStep(Enum):
    LOCK = "lock"
    UNLOCK = "unlock"


LOCK = _LockStep.LOCK
UNLOCK = _LockStep.UNLOCK


# The actions are plain slotted classes, not dataclasses: nothing compares or hashes
# them, and a dataclass compiles its methods when the module loads (about 1 ms each,
# paid by the first OAuth2 client of every process; issue #17).


class Read:
    """Read this request's or response's body (``read()`` or ``aread()``)."""

    __slots__ = ("message",)

    def __init__(self, message: httpx.Request | httpx.Response) -> None:
        self.message = message


class Sleep:
    __slots__ = ("seconds",)

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds


class StoreCall:
    """One token store method, in both colours; the driver calls the one it can."""

    __slots__ = ("args", "awaitable", "blocking")

    def __init__(
        self,
        blocking: Callable[..., object],
        awaitable: Callable[..., Awaitable[object]],
        args: tuple[object, ...],
    ) -> None:
        self.blocking = blocking
        self.awaitable = awaitable
        self.args = args


class OnExit:
    """Make ``call`` if the flow ends before the next OnExit (None: nothing to undo).

    The flow yields this while it holds a store lease: a flow that httpx closes
    (a transport error, a cancelled task) cannot yield its own release, and the
    lease would otherwise keep the other callers waiting until it lapses.
    """

    __slots__ = ("call",)

    def __init__(self, call: StoreCall | None) -> None:
        self.call = call


Action = httpx.Request | Read | Sleep | StoreCall | OnExit | _LockStep
# What the flow is sent back: a Response for a Request, a store call's result, else None.
Flow = Generator[Action, object, T]


def _advance(flow: Flow[None], outcome: object, error: Exception | None) -> Action | None:
    """The flow's next action after handing it ``outcome`` (or ``error``); None when it ended."""
    try:
        return flow.send(outcome) if error is None else flow.throw(error)
    except StopIteration:
        return None


def drive_sync(
    flow: Flow[None], lock: threading.Lock, sleep: Callable[[float], None]
) -> Generator[httpx.Request, httpx.Response, None]:
    held = False
    on_exit: StoreCall | None = None
    outcome: object = None
    error: Exception | None = None
    try:
        while (action := _advance(flow, outcome, error)) is not None:
            outcome, error = None, None
            if isinstance(action, httpx.Request):
                outcome = yield action
            elif isinstance(action, Read):
                action.message.read()
            elif isinstance(action, Sleep):
                sleep(action.seconds)
            elif isinstance(action, StoreCall):
                try:
                    outcome = action.blocking(*action.args)
                except Exception as exc:
                    error = exc
            elif isinstance(action, OnExit):
                on_exit = action.call
            elif action is LOCK:
                lock.acquire()
                held = True
            else:
                held = False
                lock.release()
    finally:
        # httpx closes the flow on a transport error or a cancelled request.
        flow.close()
        if on_exit is not None:
            with contextlib.suppress(Exception):  # the store is down: the lease lapses
                on_exit.blocking(*on_exit.args)
        if held:
            lock.release()


async def drive_async(
    flow: Flow[None], lock: anyio.Lock, sleep: Callable[[float], Awaitable[None]]
) -> AsyncGenerator[httpx.Request, httpx.Response]:
    held = False
    on_exit: StoreCall | None = None
    outcome: object = None
    error: Exception | None = None
    try:
        while (action := _advance(flow, outcome, error)) is not None:
            outcome, error = None, None
            if isinstance(action, httpx.Request):
                outcome = yield action
            elif isinstance(action, Read):
                await action.message.aread()
            elif isinstance(action, Sleep):
                await sleep(action.seconds)
            elif isinstance(action, StoreCall):
                try:
                    outcome = await action.awaitable(*action.args)
                except Exception as exc:
                    error = exc
            elif isinstance(action, OnExit):
                on_exit = action.call
            elif action is LOCK:
                await lock.acquire()
                held = True
            else:
                held = False
                lock.release()
    finally:
        flow.close()
        if on_exit is not None:
            # Shielded, so a cancelled task still gives its lease back (bounded: the
            # store's own timeout, and this deadline).
            import anyio  # on first async use: most programs are sync

            with anyio.move_on_after(5.0, shield=True), contextlib.suppress(Exception):
                await on_exit.awaitable(*on_exit.args)
        if held:
            lock.release()
