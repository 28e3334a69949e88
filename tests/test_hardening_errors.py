"""Issue #15: errors pickle to themselves and nothing the SDK keeps holds a credential."""

from __future__ import annotations

import base64
import contextlib
import logging
import pickle
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations import _auth, _credentials, _error_details, _errors, _pagination

from ._client_harness import BASE_URL, MODES, Harness, Recorder, json_response

pytestmark = pytest.mark.anyio

PUBLIC, SECRET = "canary-public-4417", "canary-secret-9931"
BASIC = base64.b64encode(f"{PUBLIC}:{SECRET}".encode()).decode()
LEAKS = (SECRET, BASIC)
ERROR_BODY = {"errors": [{"status": "404", "code": "not_found", "title": "Not Found"}]}
LOG = {
    "id": 1,
    "integration_id": 2,
    "base_url": "https://shop.example/",
    "created_at": "2024-01-01T00:00:00Z",
}


@pytest.fixture(params=MODES)
def h(request: pytest.FixtureRequest) -> Harness:
    return Harness(request.param)


def basic() -> sc.BasicAuth:
    return sc.BasicAuth(PUBLIC, SECRET)


def assert_no_secret(blob: bytes | str) -> None:
    text = blob.decode("latin-1") if isinstance(blob, bytes) else blob
    leaked = [s for s in LEAKS if s in text]
    assert not leaked, f"a credential leaked: {leaked}"


async def raised(h: Harness, call: Any) -> sc.SendcloudError:
    """The error of ``call()`` (a sync call raises when called, an async one when awaited)."""
    with pytest.raises(sc.SendcloudError) as info:
        await h.run(call())
    return info.value


def test_every_exception_class_lives_in_errors_and_keeps_its_old_import_paths() -> None:
    """All exception classes are defined in _errors.py; the old module paths still name them."""
    public = [getattr(sc, n) for n in sc.__all__]
    classes = [c for c in public if isinstance(c, type) and issubclass(c, BaseException)]
    assert classes
    assert all(getattr(_errors, c.__name__) is c for c in classes)
    assert _auth.ConfigurationError is sc.ConfigurationError
    assert _auth.InsecureTransportError is sc.InsecureTransportError
    assert _credentials.InsecureTransportError is sc.InsecureTransportError
    assert _pagination.PaginationError is sc.PaginationError
    assert "resume_cursor" not in vars(sc.SendcloudError)


def error_instances() -> list[sc.SendcloudError]:
    response = json_response(404, ERROR_BODY)
    response.request = httpx.Request("GET", BASE_URL + "/integrations/1")
    limited = json_response(429, {}, {"Retry-After": "5"})
    limited.request = httpx.Request("GET", BASE_URL + "/integrations")
    return [
        sc.NotFoundError(404, _error_details.parse_error_details(response.text), response),
        sc.RateLimitError(429, [], limited, retry_after=5.0),
        sc.ServerError(503, [], None, message="down"),
        sc.RequestValidationError("page_size", "must be <= 100"),
        sc.ResponseValidationError("not JSON", response),
        sc.ConfigurationError("no credentials", ("SENDCLOUD_PUBLIC_KEY",)),
        sc.InsecureTransportError(httpx.URL("http://example.com/")),
        sc.APIConnectionError("ConnectError: refused"),
        sc.APITimeoutError("ReadTimeout: timed out"),
        sc.ClientClosedError(),
        sc.PaginationError("loop", resume_cursor="c-1"),
        _errors.resumable(sc.ServerError(502, [], None), "c-2"),
    ]


@pytest.mark.parametrize("error", error_instances(), ids=lambda e: type(e).__name__)
def test_each_exception_pickles_to_its_own_class_with_its_state(error: sc.SendcloudError) -> None:
    """pickle round-trips every error to the same class with every attribute and message."""
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    for name in ("status_code", "codes", "body", "field", "resume_cursor", "retry_after"):
        assert getattr(copy, name, None) == getattr(error, name, None), name
    assert getattr(copy, "missing", None) == getattr(error, "missing", None)
    if isinstance(error, sc.APIError):
        assert [str(e) for e in copy.errors] == [str(e) for e in error.errors]


async def test_errors_and_captures_keep_a_redacted_request_while_the_sent_one_is_intact(
    h: Harness,
) -> None:
    """The request on an error and on a captured response shows <redacted> for Authorization;
    the transport received the real header."""
    recorder = Recorder([json_response(404, ERROR_BODY)])
    client = h.client(recorder, auth=basic())
    with client.capture_responses() as raw:
        error = await raised(h, lambda: client.integrations.get(1))
    assert isinstance(error, sc.NotFoundError)
    assert error.response is not None
    assert recorder.last.headers["Authorization"] == f"Basic {BASIC}"
    for kept in (error.response.request, raw.last.request):
        assert kept.headers["Authorization"] == "<redacted>"
        assert kept.url == recorder.last.url
    blob = pickle.dumps(error)
    assert_no_secret(blob)
    assert_no_secret(repr(vars(error)) + repr(error.response.request.headers))
    await h.close(client)


class _HeaderAuth(httpx.Auth):
    """An auth that puts its secret in a header of its own choosing."""

    def auth_flow(self, request: httpx.Request) -> Any:
        request.headers["X-Api-Token"] = SECRET
        yield request


async def test_any_header_the_auth_class_set_is_redacted_on_pages(h: Harness) -> None:
    """A custom auth's own header is redacted on page.response.request, like Authorization."""
    client = h.client(Recorder([json_response(200, {"data": [LOG]})]), auth=_HeaderAuth())
    paginator = client.exception_logs.list()
    if isinstance(paginator, sc.AsyncLogPaginator):
        pages = [page async for page in paginator.pages()]
    else:
        pages = list(paginator.pages())
    kept = pages[0].response.request
    assert kept.headers["X-Api-Token"] == "<redacted>"
    assert kept.headers["Accept"] == "application/json"  # headers as built are kept as is
    assert_no_secret(pickle.dumps(pages[0].response))
    await h.close(client)


async def test_token_endpoint_errors_carry_no_client_secret(h: Harness) -> None:
    """A refused token request's error keeps the token request with Authorization redacted and
    a copy of the body with an echoed secret cut out."""

    def handler(request: httpx.Request) -> httpx.Response:
        # The server echoes the secret: the kept response body must not.
        return json_response(401, {"error": "invalid_client", "error_description": SECRET})

    auth = sc.OAuth2ClientCredentials(PUBLIC, SECRET, token_url="https://auth.example/token")
    client = h.client(handler, auth=auth)
    error = await raised(h, lambda: client.integrations.get(1))
    assert isinstance(error, sc.AuthenticationError)
    assert error.response is not None
    assert error.response.request.headers["Authorization"] == "<redacted>"
    assert_no_secret(pickle.dumps(error))
    await h.close(client)


def _chain(error: BaseException) -> list[BaseException]:
    """``error`` and every exception it was raised from or during."""
    found: list[BaseException] = []
    at: BaseException | None = error
    while at is not None and at not in found:
        found.append(at)
        at = at.__cause__ or at.__context__
    return found


def _kept_requests(error: BaseException) -> list[httpx.Request]:
    kept = []
    for link in _chain(error):
        if isinstance(link, httpx.RequestError):
            with contextlib.suppress(RuntimeError):  # raised without a request
                kept.append(link.request)
    return kept


def _refuse(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


async def test_a_connection_errors_cause_keeps_the_request_redacted(h: Harness) -> None:
    """The httpx error behind an APIConnectionError keeps its request, Authorization redacted."""
    client = h.client(_refuse, auth=basic(), max_retries=0)
    error = await raised(h, lambda: client.integrations.get(1))
    assert isinstance(error, sc.APIConnectionError)
    (kept,) = _kept_requests(error)
    assert kept.headers["Authorization"] == "<redacted>"
    assert kept.url == httpx.URL(f"{BASE_URL}/integrations/1")
    assert_no_secret(repr(kept.headers.raw) + " ".join(str(link) for link in _chain(error)))
    await h.close(client)


async def test_a_refused_token_requests_cause_keeps_no_client_secret(h: Harness) -> None:
    """A token request that never got an answer: its request on the cause is redacted too."""
    auth = sc.OAuth2ClientCredentials(PUBLIC, SECRET, token_url="https://auth.example/token")
    client = h.client(_refuse, auth=auth, max_retries=0)
    error = await raised(h, lambda: client.integrations.get(1))
    assert isinstance(error, sc.APIConnectionError)
    (kept,) = _kept_requests(error)
    assert kept.url == httpx.URL("https://auth.example/token")
    assert kept.headers["Authorization"] == "<redacted>"
    for request in _kept_requests(error):
        assert_no_secret(repr(request.headers.raw) + request.content.decode())
    await h.close(client)


def _worker_404() -> None:
    """Runs in a child process: a 404 from the API."""
    transport = httpx.MockTransport(lambda request: json_response(404, ERROR_BODY))
    with sc.Client(auth=basic(), base_url=BASE_URL, transport=transport) as client:
        client.integrations.get(1)


def test_a_workers_not_found_error_reaches_the_parent_as_not_found_error() -> None:
    """In a ProcessPoolExecutor a worker's NotFoundError arrives as NotFoundError, codes intact."""
    with ProcessPoolExecutor(max_workers=1) as pool:
        future = pool.submit(_worker_404)
        with pytest.raises(sc.NotFoundError) as caught:
            future.result(timeout=60)
    assert caught.value.status_code == 404
    assert caught.value.codes == ["not_found"]
    assert caught.value.response is not None
    assert caught.value.response.request.headers["Authorization"] == "<redacted>"


async def test_debug_logs_of_every_logger_hold_no_credential(
    h: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """At DEBUG, the records of every logger (ours, httpx, httpcore) never show the secret."""
    caplog.set_level(logging.DEBUG)
    script = [json_response(503, {}), json_response(404, ERROR_BODY)]
    client = h.client(Recorder(script), auth=basic())
    await raised(h, lambda: client.integrations.get(1))
    await h.close(client)
    assert any(r.name == "sendcloud_integrations" for r in caplog.records)
    assert_no_secret(caplog.text + " ".join(repr(r.__dict__) for r in caplog.records))


@pytest.mark.parametrize(
    "content_type", ["application/json; charset=utf-16", "text/plain; charset=x-unknown-42"]
)
async def test_a_body_its_charset_cannot_decode_still_gives_a_typed_error_keeping_it(
    h: Harness, content_type: str
) -> None:
    """A UTF-16 label on a body without BOM (found by the adversarial suite) raises a typed
    error whose .body keeps the text, instead of a bare UnicodeError."""
    body = b"<html>bad gateway</html>"
    response = httpx.Response(502, headers={"Content-Type": content_type}, content=body)
    client = h.client(Recorder([response]), max_retries=0)
    error = await raised(h, lambda: client.integrations.get(1))
    assert isinstance(error, sc.ServerError)
    assert "bad gateway" in error.body
    await h.close(client)
