"""The OAuth2 auth flow is written once, as a generator of actions; two thin drivers run it.

The flow (``OAuth2ClientCredentials._flow``) never does I/O itself. It yields what
it needs done: a request to send, a body to read, a pause, a call on the token
store, taking or leaving the in-process lock. One dispatch (``_Run.steps``) decides
what each action takes, for both drivers: :func:`drive_sync` is that dispatch doing
blocking calls inside httpx's ``sync_auth_flow``; :func:`drive_async` only awaits
the I/O it is handed inside ``async_auth_flow``, and gives a lease back shielded
from cancellation. So the logic of caching, single flight, sharing and replay, and
the dispatch itself, cannot drift between the two clients (issue #16: one source,
rather than generated twins).

A store call that raises is thrown back into the flow, which decides what an
unhealthy store means; every other outcome is sent back as the yield's value.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar, cast

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


Y = TypeVar("Y")


def _advance(
    generator: Generator[Y, object, object], outcome: object, error: Exception | None
) -> Y | None:
    """The next value after handing ``generator`` the outcome (or error); None when it ended."""
    try:
        return generator.send(outcome) if error is None else generator.throw(error)
    except StopIteration:
        return None


class _Run:
    """One run of a flow, for either driver: the dispatch of every action, and what to undo.

    ``steps()`` does all the work but the awaiting. Blocking, it does every action
    itself and yields only requests (the sync driver is this generator). Otherwise it
    yields each action's I/O as a function returning an awaitable; the async driver
    awaits it and sends the result back (or throws its error in).
    """

    def __init__(
        self,
        flow: Flow[None],
        lock: threading.Lock | anyio.Lock,
        sleep: Callable[[float], object],
        *,
        blocking: bool,
    ) -> None:
        self.flow, self.lock, self.sleep, self.blocking = flow, lock, sleep, blocking
        self.held = False
        self.on_exit: StoreCall | None = None

    def _io(self, action: Read | Sleep | StoreCall | _LockStep) -> Callable[[], Any]:
        if isinstance(action, Read):
            return action.message.read if self.blocking else action.message.aread
        if isinstance(action, Sleep):
            return functools.partial(self.sleep, action.seconds)
        if isinstance(action, StoreCall):
            store_method = action.blocking if self.blocking else action.awaitable
            return functools.partial(store_method, *action.args)
        return self.lock.acquire

    def steps(self) -> Generator[httpx.Request | Callable[[], Awaitable[object]], object, None]:
        outcome: object = None
        error: Exception | None = None
        try:
            while (action := _advance(self.flow, outcome, error)) is not None:
                outcome, error = None, None
                if isinstance(action, httpx.Request):
                    outcome = yield action
                elif isinstance(action, OnExit):
                    self.on_exit = action.call
                elif action is UNLOCK:
                    self.held = False
                    self.lock.release()  # not awaited on either lock
                else:
                    io = self._io(action)
                    try:
                        done = io() if self.blocking else (yield io)
                    except Exception as exc:
                        if not isinstance(action, StoreCall):
                            raise  # only a store's failure is the flow's to judge
                        error = exc
                    else:
                        # Only a store call answers the flow; reads, pauses and locks send None.
                        outcome = done if isinstance(action, StoreCall) else None
                        if action is LOCK:
                            self.held = True  # acquired: a cancelled acquire holds nothing
        finally:
            # httpx closes the driver on a transport error or a cancelled request.
            self.flow.close()
            if self.blocking:
                if self.on_exit is not None:
                    with contextlib.suppress(Exception):  # the store is down: the lease lapses
                        self.on_exit.blocking(*self.on_exit.args)
                self.release()

    def release(self) -> None:
        if self.held:
            self.held = False
            self.lock.release()


def drive_sync(
    flow: Flow[None], lock: threading.Lock, sleep: Callable[[float], None]
) -> Generator[httpx.Request, httpx.Response, None]:
    # Blocking, the run does every action itself and yields only requests to httpx.
    return cast(
        "Generator[httpx.Request, httpx.Response, None]",
        _Run(flow, lock, sleep, blocking=True).steps(),
    )


async def drive_async(
    flow: Flow[None], lock: anyio.Lock, sleep: Callable[[float], Awaitable[None]]
) -> AsyncGenerator[httpx.Request, httpx.Response]:
    run = _Run(flow, lock, sleep, blocking=False)
    steps = run.steps()
    reply: object = None
    error: Exception | None = None
    try:
        while (step := _advance(steps, reply, error)) is not None:
            reply, error = None, None
            if isinstance(step, httpx.Request):
                reply = yield step
                continue
            try:
                reply = await step()
            except Exception as exc:
                error = exc  # thrown into the run, which decides whose it is
    finally:
        steps.close()
        if run.on_exit is not None:
            # Shielded, so a cancelled task still gives its lease back (bounded: the
            # store's own timeout, and this deadline).
            import anyio  # on first async use: most programs are sync

            with anyio.move_on_after(5.0, shield=True), contextlib.suppress(Exception):
                await run.on_exit.awaitable(*run.on_exit.args)
        run.release()
