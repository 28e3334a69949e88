"""What every adversarial property shares: canary credentials, clients of both kinds, and
the invariant checks, each counting the inputs it judged."""

from __future__ import annotations

import asyncio
import base64
import logging
import os
import pickle
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import sendcloud_integrations as sc
from hypothesis import HealthCheck, settings

COUNTS: Counter[str] = Counter()

# The suite's own settings, applied per test (not a global profile, which would change
# every other hypothesis test of the run): bounded by default so the whole suite takes
# seconds; `nox -s fuzz` sets SENDCLOUD_FUZZ_PROFILE=fuzz for many more examples.
_EXAMPLES = {"adversarial": 25, "fuzz": 1500}
BUDGET = settings(
    max_examples=_EXAMPLES[os.environ.get("SENDCLOUD_FUZZ_PROFILE", "adversarial")],
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

BASE_URL = "https://api.adversarial.invalid/api/v3"
TOKEN_URL = "https://auth.adversarial.invalid/oauth2/token/"
PUBLIC_KEY = "pub-canary-7c1e"
SECRET_KEY = "sec-canary-Q9zv41"
CLIENT_ID = "cid-canary-55aa"
CLIENT_SECRET = "csec-canary-Zt83"
ACCESS_TOKEN = "tok-canary-Hx92"
CANARIES = (
    SECRET_KEY,
    CLIENT_SECRET,
    ACCESS_TOKEN,
    base64.b64encode(f"{PUBLIC_KEY}:{SECRET_KEY}".encode()).decode(),
    base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode(),
)
MODES = ("sync", "async")
ONLY_TYPED = "only SendcloudError subclasses escape"
NO_SECRET = "no canary secret in repr/str/traceback/pickle/captures/DEBUG logs"
NOTHING_SENT = "no request is sent when validation refuses"


def saw(invariant: str) -> None:
    COUNTS[invariant] += 1


Handler = Callable[[httpx.Request], httpx.Response]


@dataclass
class Run:
    """The outcome of one call: its error (if any), what was sent, captured, logged."""

    error: BaseException | None = None
    result: Any = None
    requests: list[httpx.Request] = field(default_factory=list)
    captured: list[httpx.Response] = field(default_factory=list)
    sleeps: list[float] = field(default_factory=list)


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


_LOGGERS = ("", "sendcloud_integrations", "httpx", "httpcore")


@contextmanager
def debug_records() -> Iterator[list[logging.LogRecord]]:
    """Every record of every logger at DEBUG (httpx and httpcore included) while inside."""
    handler = _Records()
    saved = {name: logging.getLogger(name).level for name in _LOGGERS}
    root = logging.getLogger()
    root.addHandler(handler)
    for name in _LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        yield handler.records
    finally:
        root.removeHandler(handler)
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)


def make_auth(kind: str) -> httpx.Auth:
    if kind == "basic":
        return sc.BasicAuth(PUBLIC_KEY, SECRET_KEY)
    return sc.OAuth2ClientCredentials(
        CLIENT_ID, CLIENT_SECRET, token_url=TOKEN_URL, sleep=lambda _: None, async_sleep=_no_sleep
    )


async def _no_sleep(seconds: float) -> None:
    return None


async def _drain(result: Any) -> Any:
    if isinstance(result, sc.LogPaginator):
        return list(result)
    if isinstance(result, sc.AsyncLogPaginator):
        return [item async for item in result]
    if asyncio.iscoroutine(result):
        return await result
    return result


def run_call(
    mode: str,
    handler: Handler,
    call: Callable[[Any], Any],
    *,
    auth: str = "basic",
    **client_kwargs: Any,
) -> Run:
    """Run ``call(client)`` on a fresh client of ``mode`` over ``handler``; never raises."""
    run = Run()

    def recording(request: httpx.Request) -> httpx.Response:
        run.requests.append(request)
        return handler(request)

    transport = httpx.MockTransport(recording)
    kwargs: dict[str, Any] = dict(
        base_url=BASE_URL, transport=transport, auth=make_auth(auth), **client_kwargs
    )

    async def main() -> None:
        if mode == "sync":
            with sc.Client(sleep=run.sleeps.append, **kwargs) as client:
                with client.capture_responses() as raw:
                    try:
                        run.result = await _drain(call(client))
                    except Exception as error:  # the invariants judge it below
                        run.error = error
                run.captured = raw.responses
        else:

            async def sleep(seconds: float) -> None:
                run.sleeps.append(seconds)

            async with sc.AsyncClient(sleep=sleep, **kwargs) as aclient:
                with aclient.capture_responses() as raw:
                    try:
                        run.result = await _drain(call(aclient))
                    except Exception as error:
                        run.error = error
                run.captured = raw.responses

    asyncio.run(main())
    return run


def _describe(error: BaseException) -> str:
    return "".join(traceback.format_exception(error))


def check_only_typed(run: Run, *, allow: tuple[type[BaseException], ...] = ()) -> None:
    """The call returned, or raised a SendcloudError (or one of ``allow``)."""
    saw(ONLY_TYPED)
    if run.error is None or isinstance(run.error, (sc.SendcloudError, *allow)):
        return
    raise AssertionError(f"an untyped error escaped:\n{_describe(run.error)}")


def _texts(run: Run, records: list[logging.LogRecord]) -> Iterator[str]:
    error = run.error
    if error is not None:
        yield str(error)
        yield repr(error)
        yield repr(error.args)
        yield _describe(error)
        yield repr(vars(error))
        try:
            yield pickle.dumps(error).decode("latin-1")
        except Exception as exc:  # a pickling failure is a failure of its own
            raise AssertionError(f"{type(error).__name__} does not pickle: {exc!r}") from exc
        response = getattr(error, "response", None)
        if isinstance(response, httpx.Response):
            yield from _response_texts(response)
    for response in run.captured:
        yield from _response_texts(response)
    for record in records:
        yield record.getMessage()
        yield repr(record.args)


def _response_texts(response: httpx.Response) -> Iterator[str]:
    try:
        request = response.request
    except RuntimeError:
        return
    yield repr(request.headers.raw)
    yield pickle.dumps(response).decode("latin-1")


def check_no_secret(run: Run, records: list[logging.LogRecord]) -> None:
    """No canary appears in anything the SDK hands out, keeps or logs."""
    saw(NO_SECRET)
    for text in _texts(run, records):
        leaked = [c for c in CANARIES if c in text]
        assert not leaked, f"canary {leaked} leaked into: {text[:300]!r}"


def is_from_generated_layer(error: BaseException) -> bool:
    """A bare RecursionError/TypeError/... raised while decoding a body (issue #13's part)."""
    frames = traceback.extract_tb(error.__traceback__)
    return any(
        "sendcloud_integrations_api" in f.filename or f.filename.endswith("_parse.py")
        for f in frames
    )
