"""The OAuth2 drivers share one dispatch: each action means the same on both clients."""

from __future__ import annotations

import threading

import anyio
import httpx
import pytest
from sendcloud_integrations._flow_driver import (
    LOCK,
    UNLOCK,
    Flow,
    OnExit,
    Read,
    Sleep,
    StoreCall,
    drive_async,
    drive_sync,
)

pytestmark = pytest.mark.anyio

REQUEST = httpx.Request("POST", "https://panel.sendcloud.sc/oauth2/token")


class _Store:
    """A token store stand-in with both colours of each method; records what ran."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def double(self, value: int) -> int:
        self.calls.append(f"double {value}")
        return 2 * value

    async def adouble(self, value: int) -> int:
        return self.double(value)

    def down(self) -> None:
        raise RuntimeError("store down")

    async def adown(self) -> None:
        self.down()

    def release(self) -> None:
        self.calls.append("release")

    async def arelease(self) -> None:
        self.release()


class _Body:
    """A message whose body read fails: an error that is not the flow's to judge."""

    def read(self) -> None:
        raise ValueError("body unreadable")

    async def aread(self) -> None:
        self.read()


def _scripted(store: _Store, log: list[tuple[str, object]]) -> Flow[None]:
    """One of each action, recording what the driver sends back for it."""
    log.append(("lock", (yield LOCK)))
    log.append(("store", (yield StoreCall(store.double, store.adouble, (21,)))))
    try:
        yield StoreCall(store.down, store.adown, ())
    except RuntimeError as exc:
        log.append(("store error thrown in", str(exc)))
    log.append(("sleep", (yield Sleep(0.5))))
    log.append(("read", (yield Read(httpx.Response(200, content=b"token")))))
    yield OnExit(StoreCall(store.release, store.arelease, ()))
    response = yield REQUEST
    assert isinstance(response, httpx.Response)
    log.append(("response", response.status_code))
    yield OnExit(None)
    log.append(("unlock", (yield UNLOCK)))


EXPECTED_LOG: list[tuple[str, object]] = [
    ("lock", None),
    ("store", 42),
    ("store error thrown in", "store down"),
    ("sleep", None),
    ("read", None),
    ("response", 201),
    ("unlock", None),
]


def _run_sync(flow: Flow[None], lock: threading.Lock, slept: list[float]) -> None:
    driver = drive_sync(flow, lock, slept.append)
    assert next(driver) is REQUEST
    with pytest.raises(StopIteration):
        driver.send(httpx.Response(201))


async def _run_async(flow: Flow[None], lock: anyio.Lock, slept: list[float]) -> None:
    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    driver = drive_async(flow, lock, sleep)
    assert await driver.__anext__() is REQUEST
    with pytest.raises(StopAsyncIteration):
        await driver.asend(httpx.Response(201))


async def test_both_drivers_do_every_action_alike() -> None:
    """Lock, store call (result and error), sleep, read, request and unlock: same on both."""
    for colour in ("sync", "async"):
        store, log, slept = _Store(), [], []
        if colour == "sync":
            lock = threading.Lock()
            _run_sync(_scripted(store, log), lock, slept)
        else:
            lock = anyio.Lock()
            await _run_async(_scripted(store, log), lock, slept)
        assert log == EXPECTED_LOG, colour
        assert slept == [0.5], colour
        assert store.calls == ["double 21"], colour  # the lease was cleared, not released
        assert not lock.locked(), colour


def _holding(store: _Store) -> Flow[None]:
    yield LOCK
    yield OnExit(StoreCall(store.release, store.arelease, ()))
    yield REQUEST  # closed here, as httpx does on a transport error


async def test_a_closed_driver_gives_back_its_lease_and_lock() -> None:
    """Closed mid-flow, each driver makes the pending OnExit call and releases the lock."""
    store = _Store()
    lock = threading.Lock()
    driver = drive_sync(_holding(store), lock, lambda seconds: None)
    assert next(driver) is REQUEST
    driver.close()
    alock = anyio.Lock()

    async def no_sleep(seconds: float) -> None:
        pass

    adriver = drive_async(_holding(store), alock, no_sleep)
    assert await adriver.__anext__() is REQUEST
    await adriver.aclose()
    assert store.calls == ["release", "release"]
    assert not lock.locked()
    assert not alock.locked()


def _reading() -> Flow[None]:
    yield Read(_Body())  # type: ignore[arg-type]
    raise AssertionError("a failed read is not sent back into the flow")


async def test_a_failed_read_propagates_from_both_drivers() -> None:
    """Only store failures go back into the flow; a read's error leaves the driver as is."""
    with pytest.raises(ValueError, match="body unreadable"):
        next(drive_sync(_reading(), threading.Lock(), lambda seconds: None))

    async def no_sleep(seconds: float) -> None:
        pass

    with pytest.raises(ValueError, match="body unreadable"):
        await drive_async(_reading(), anyio.Lock(), no_sleep).__anext__()
