"""Error mapping: each status to its APIError subclass, lenient error bodies, malformed 2xx.

Error responses come from the spec's own examples where it has them; the rest are
what proxies and the live service are known to send (HTML, empty, objects for arrays).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations._errors import _RESUMABLE

from ._client_harness import (
    CREATE_LOG,
    GET_INTEGRATION,
    GET_MAPPING,
    GET_STATUSES,
    LIST_ALL_LOGS,
    LIST_INTEGRATION_LOGS,
    LIST_INTEGRATIONS,
    MODES,
    REPLACE_STATUSES,
    AnyClient,
    Harness,
    Recorder,
    call_with_examples,
    error_examples,
    json_response,
    spec_operations,
)
from .conftest import load_spec

pytestmark = pytest.mark.anyio

STATUS_CLASSES: list[tuple[int, type[sc.APIError]]] = [
    (400, sc.BadRequestError),
    (401, sc.AuthenticationError),
    (403, sc.PermissionDeniedError),
    (404, sc.NotFoundError),
    (409, sc.ConflictError),
    (429, sc.RateLimitError),
    (500, sc.ServerError),
    (501, sc.ServerError),
    (502, sc.ServerError),
    (503, sc.ServerError),
    (504, sc.ServerError),
    (599, sc.ServerError),
    (405, sc.APIError),
    (408, sc.APIError),
    (418, sc.APIError),
    (422, sc.APIError),
]
ERROR_CASES = [
    pytest.param(op_id, status, body, id=f"{op_id}-{status}-{name}")
    for op_id, status, name, body in error_examples(load_spec())
]


@pytest.fixture(params=MODES)
def h(request: pytest.FixtureRequest) -> Harness:
    return Harness(request.param)


def class_for(status: int) -> type[sc.APIError]:
    return dict(STATUS_CLASSES)[status]


async def raised(h: Harness, client: AnyClient, call: Callable[[AnyClient], Any]) -> Exception:
    """Run a call that must fail and return its exception."""
    with pytest.raises(sc.SendcloudError) as info:
        await h.run(call(client))
    return info.value


@pytest.mark.parametrize(("op_id", "status", "body"), ERROR_CASES)
async def test_spec_error_examples_raise_their_class_with_details(
    h: Harness, spec: dict[str, Any], op_id: str, status: int, body: Any
) -> None:
    """Each error example of the spec raises its status's class with every error object kept."""
    op = spec_operations(spec)[op_id]
    recorder = Recorder([json_response(status, body)])
    client = h.client(recorder)
    request_example = next(iter(op.request_examples), None)
    with pytest.raises(sc.APIError) as info:
        await h.run(call_with_examples(client, op, request_example))
    error = info.value
    # A log listing raises the status's class as a PaginationError twin (resume_cursor).
    assert type(error) in {class_for(status), _RESUMABLE.get(class_for(status))}
    assert error.status_code == status
    assert error.response is not None
    assert error.response.status_code == status
    assert json.loads(error.body) == body
    expected = body["errors"]
    assert [e.code for e in error.errors] == [e["code"] for e in expected]
    assert [e.detail for e in error.errors] == [e["detail"] for e in expected]
    # Integer `status` (404 in several examples) is normalised to the string form.
    assert [e.status for e in error.errors] == [str(e["status"]) for e in expected]
    assert error.codes == [e["code"] for e in expected]
    assert expected[0]["detail"] in str(error)
    assert len(recorder.requests) == 1
    await h.close(client)


@pytest.mark.parametrize("example", ["InvalidCredentials", "AuthenticationRequired"])
async def test_spec_unauthorized_examples_raise_authentication_error(
    h: Harness, spec: dict[str, Any], example: str
) -> None:
    """The spec's shared 401 examples raise AuthenticationError carrying the code and title."""
    unauthorized = spec["components"]["responses"]["Unauthorized"]
    body = unauthorized["content"]["application/json"]["examples"][example]["value"]
    client = h.client(Recorder([json_response(401, body)]))
    error = await raised(h, client, lambda c: c.integrations.list())
    assert type(error) is sc.AuthenticationError
    assert error.codes == ["authentication_failed"]
    assert error.errors[0].title == body["errors"][0]["title"]
    await h.close(client)


@pytest.mark.parametrize(("status", "cls"), STATUS_CLASSES, ids=[str(s) for s, _ in STATUS_CLASSES])
async def test_each_status_maps_to_its_error_class(
    h: Harness, status: int, cls: type[sc.APIError]
) -> None:
    """GET and POST calls raise exactly the class of the status, an APIError and SendcloudError."""
    body = {"errors": [{"status": str(status), "code": "some_code", "detail": "went wrong"}]}
    client = h.client(Recorder([json_response(status, body)]), max_retries=0)
    mapping = dict.fromkeys(("READY_TO_SEND", "IN_TRANSIT", "DELIVERED", "CANCEL"))
    for call in (
        lambda c: c.integrations.get(1),
        lambda c: c.status_mapping.set(1, mapping),
    ):
        error = await raised(h, client, call)
        assert type(error) is cls
        assert isinstance(error, sc.APIError)
        assert error.status_code == status
        assert error.codes == ["some_code"]
        assert f"HTTP {status}" in str(error)
    await h.close(client)


async def test_rate_limit_error_carries_retry_after_seconds(h: Harness) -> None:
    """A 429 with Retry-After in seconds exposes it as a float; without the header it is None."""
    client = h.client(
        Recorder([httpx.Response(429, headers={"Retry-After": "7"}), httpx.Response(429)]),
        max_retries=0,
    )
    first = await raised(h, client, lambda c: c.integrations.get(1))
    second = await raised(h, client, lambda c: c.integrations.get(1))
    assert isinstance(first, sc.RateLimitError)
    assert first.retry_after == 7.0
    assert isinstance(second, sc.RateLimitError)
    assert second.retry_after is None
    await h.close(client)


async def test_rate_limit_error_converts_an_http_date_retry_after(h: Harness) -> None:
    """A Retry-After HTTP date in the past means 'now' (0 s); a far-future one is capped at the
    client's Retry-After cap (60 s by default), so a caller sleeping on it never hangs."""
    client = h.client(
        Recorder(
            [
                httpx.Response(429, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}),
                httpx.Response(429, headers={"Retry-After": "Fri, 01 Jan 2100 00:00:00 GMT"}),
            ]
        ),
        max_retries=0,
    )
    past = await raised(h, client, lambda c: c.integrations.get(1))
    future = await raised(h, client, lambda c: c.integrations.get(1))
    assert isinstance(past, sc.RateLimitError)
    assert past.retry_after == 0.0
    assert isinstance(future, sc.RateLimitError)
    assert future.retry_after == 60.0
    assert future.response is not None
    assert future.response.headers["Retry-After"] == "Fri, 01 Jan 2100 00:00:00 GMT"
    await h.close(client)


LENIENT_BODIES: list[Any] = [
    pytest.param(
        400,
        json.dumps(
            {
                "errors": [
                    {
                        "status": 400,
                        "code": "extra_forbidden",
                        "title": "Extra Forbidden",
                        "detail": "Extra inputs are not permitted",
                        "source": {"pointer": "body/unknown_field"},
                    }
                ]
            }
        ),
        ["extra_forbidden"],
        id="integer-status-and-code-outside-the-enum",
    ),
    pytest.param(
        400,
        json.dumps({"errors": {"status": "400", "code": "invalid", "detail": "Bad webhook"}}),
        ["invalid"],
        id="errors-as-an-object",
    ),
    pytest.param(404, json.dumps({"detail": "Not found."}), [None], id="bare-detail-object"),
    pytest.param(
        403,
        json.dumps(
            {"errors": [{"code": "a", "detail": "x"}, "junk", {"code": "b", "detail": "y"}]}
        ),
        ["a", "b"],
        id="non-object-items-skipped",
    ),
    pytest.param(
        502, "<html><body><h1>502 Bad Gateway</h1></body></html>", [], id="html-from-a-proxy"
    ),
    pytest.param(404, "", [], id="empty-body"),
    pytest.param(400, "Bad Request: something broke", [], id="plain-text"),
    pytest.param(409, "[1, 2, 3]", [], id="json-array"),
    pytest.param(400, json.dumps({"errors": "boom"}), [], id="errors-as-a-string"),
    pytest.param(500, "null", [], id="json-null"),
    pytest.param(401, '{"errors": [', [], id="truncated-json"),
]


@pytest.mark.parametrize(("status", "text", "codes"), LENIENT_BODIES)
async def test_error_bodies_are_parsed_leniently_and_kept(
    h: Harness, status: int, text: str, codes: list[str | None]
) -> None:
    """Odd error bodies still give the status's class, the parsed codes, and the raw text."""
    response = httpx.Response(status, content=text.encode(), headers={"Content-Type": "text/html"})
    client = h.client(Recorder([response]), max_retries=0)
    error = await raised(h, client, lambda c: c.integrations.get(1))
    assert type(error) is class_for(status)
    assert isinstance(error, sc.APIError)
    assert error.body == text
    assert [e.code for e in error.errors] == codes
    message = str(error)
    assert "GET http://localhost/api/v3/integrations/1" in message
    if text.strip():
        assert text.strip()[:40] in message or error.errors
    else:
        assert "(empty body)" in message
    await h.close(client)


async def test_error_detail_keeps_source_pointer_and_raw_object(h: Harness) -> None:
    """The extra_forbidden example's source pointer and raw object survive parsing."""
    spec_body = {
        "errors": [
            {
                "status": 400,
                "code": "extra_forbidden",
                "title": "Extra Forbidden",
                "detail": "Extra inputs are not permitted",
                "source": {"pointer": "body/unknown_field"},
                "meta": {"hint": 1},
            }
        ]
    }
    client = h.client(Recorder([json_response(400, spec_body)]))
    error = await raised(h, client, lambda c: c.exception_logs.create(1, base_url="x"))
    assert isinstance(error, sc.BadRequestError)
    (detail,) = error.errors
    assert detail.source_pointer == "body/unknown_field"
    assert detail.meta == {"hint": 1}
    assert detail.raw == spec_body["errors"][0]
    assert "(at body/unknown_field)" in str(error)
    await h.close(client)


async def test_undecodable_error_body_still_raises_the_right_class(h: Harness) -> None:
    """Bytes that are not UTF-8 in an error body do not break the error (class and status kept)."""
    response = httpx.Response(
        400, content=b"\xff\xfe\x00broken", headers={"Content-Type": "text/plain; charset=utf-8"}
    )
    client = h.client(Recorder([response]))
    error = await raised(h, client, lambda c: c.integrations.get(1))
    assert type(error) is sc.BadRequestError
    assert error.errors == []
    await h.close(client)


async def test_error_message_leaves_out_the_query_string(h: Harness) -> None:
    """The exception text names method and path but not the query (which may carry cursors)."""
    client = h.client(Recorder([httpx.Response(400)]))
    error = await raised(h, client, lambda c: c.shop_order_statuses.list(251, language="en-gb"))
    assert "GET http://localhost/api/v3/shop-order-statuses -> HTTP 400" in str(error)
    assert "integration_id" not in str(error)
    await h.close(client)


# --- malformed 2xx bodies --------------------------------------------------------------------

MAPPING_ARG = dict.fromkeys(("READY_TO_SEND", "IN_TRANSIT", "DELIVERED", "CANCEL"))
CALLS: dict[str, Callable[[AnyClient], Any]] = {
    LIST_INTEGRATIONS: lambda c: c.integrations.list(),
    GET_INTEGRATION: lambda c: c.integrations.get(1),
    LIST_ALL_LOGS: lambda c: c.exception_logs.list(),
    LIST_INTEGRATION_LOGS: lambda c: c.exception_logs.list(1),
    CREATE_LOG: lambda c: c.exception_logs.create(1, base_url="https://shop.example"),
    GET_STATUSES: lambda c: c.shop_order_statuses.list(1),
    GET_MAPPING: lambda c: c.status_mapping.get(1),
    REPLACE_STATUSES: lambda c: c.shop_order_statuses.replace(1, statuses=[]),
    "delete": lambda c: c.integrations.delete(1),
    "set-mapping": lambda c: c.status_mapping.set(1, MAPPING_ARG),
    "update": lambda c: c.integrations.update(1, shop_name="x"),
}
LIST_CALLS = (LIST_INTEGRATIONS, LIST_ALL_LOGS, LIST_INTEGRATION_LOGS, GET_STATUSES)
OBJECT_CALLS = (GET_INTEGRATION, CREATE_LOG, GET_MAPPING)
NULL_CALLS = (REPLACE_STATUSES, "delete", "set-mapping", "update")
MALFORMED: list[Any] = [
    *(pytest.param(op, "<html>oops</html>", id=f"{op}-not-json") for op in CALLS),
    *(pytest.param(op, '{"data": [', id=f"{op}-truncated") for op in (*LIST_CALLS, *OBJECT_CALLS)),
    *(pytest.param(op, "[]", id=f"{op}-array-body") for op in (*LIST_CALLS, *OBJECT_CALLS)),
    *(pytest.param(op, "{}", id=f"{op}-no-data") for op in (*LIST_CALLS, *OBJECT_CALLS)),
    *(
        pytest.param(op, '{"data": null}', id=f"{op}-data-null")
        for op in (*LIST_CALLS, *OBJECT_CALLS)
    ),
    *(pytest.param(op, '{"data": {}}', id=f"{op}-data-not-a-list") for op in LIST_CALLS),
    *(pytest.param(op, '{"data": "x"}', id=f"{op}-data-a-string") for op in LIST_CALLS),
    *(pytest.param(op, '{"data": [null]}', id=f"{op}-item-not-an-object") for op in LIST_CALLS),
    *(pytest.param(op, '{"data": [7]}', id=f"{op}-item-a-number") for op in LIST_CALLS),
    *(pytest.param(op, '{"data": []}', id=f"{op}-data-a-list") for op in OBJECT_CALLS),
    *(pytest.param(op, '{"data": "x"}', id=f"{op}-data-a-string") for op in OBJECT_CALLS),
    *(pytest.param(op, '{"ok": true}', id=f"{op}-object-for-null") for op in NULL_CALLS),
    pytest.param(LIST_ALL_LOGS, '{"data": [{"id": 1}]}', id="log-without-base_url"),
    pytest.param(LIST_INTEGRATION_LOGS, '{"data": [{"id": 1}]}', id="log-without-base_url-2"),
    pytest.param(CREATE_LOG, '{"data": {"id": 1}}', id="created-log-without-base_url"),
    pytest.param(
        GET_INTEGRATION, '{"data": {"created_at": "yesterday"}}', id="integration-bad-date"
    ),
    pytest.param(GET_INTEGRATION, '{"data": {"created_at": 5}}', id="integration-date-a-number"),
    pytest.param(
        LIST_INTEGRATIONS, '{"data": [{"feedback_type": 3}]}', id="integration-enum-a-number"
    ),
    pytest.param(GET_STATUSES, '{"data": [{"translations": "x"}]}', id="translations-a-string"),
    pytest.param(GET_MAPPING, '{"data": {"mapping": [null]}}', id="mapping-entry-not-an-object"),
    pytest.param(GET_MAPPING, '{"data": {"mapping": {"a": 1}}}', id="mapping-an-object"),
]


@pytest.mark.parametrize(("call_name", "text"), MALFORMED)
async def test_malformed_success_body_raises_response_validation_error(
    h: Harness, call_name: str, text: str
) -> None:
    """A 2xx body that breaks the spec raises ResponseValidationError keeping the raw body."""
    status = 201 if call_name == CREATE_LOG else 200
    response = httpx.Response(status, content=text.encode())
    recorder = Recorder([response])
    client = h.client(recorder)
    error = await raised(h, client, CALLS[call_name])
    assert type(error) in {sc.ResponseValidationError, _RESUMABLE[sc.ResponseValidationError]}
    assert error.body == text
    assert error.response is not None
    assert error.response.status_code == status
    assert f"HTTP {status}" in str(error)
    assert error.reason
    assert len(recorder.requests) == 1
    await h.close(client)


# --- no HTTP answer ---------------------------------------------------------------------------

TRANSPORT_ERRORS: list[Any] = [
    pytest.param(httpx.ConnectError("connection refused"), sc.APIConnectionError, id="connect"),
    pytest.param(
        httpx.ConnectTimeout("connect timed out"), sc.APITimeoutError, id="connect-timeout"
    ),
    pytest.param(httpx.ReadTimeout("read timed out"), sc.APITimeoutError, id="read-timeout"),
    pytest.param(httpx.WriteTimeout("write timed out"), sc.APITimeoutError, id="write-timeout"),
    pytest.param(httpx.PoolTimeout("pool exhausted"), sc.APITimeoutError, id="pool-timeout"),
    pytest.param(httpx.ReadError("reset by peer"), sc.APIConnectionError, id="read-error"),
    pytest.param(
        httpx.RemoteProtocolError("server hung up"), sc.APIConnectionError, id="remote-protocol"
    ),
]


@pytest.mark.parametrize(("exc", "cls"), TRANSPORT_ERRORS)
async def test_transport_errors_become_connection_errors(
    h: Harness, exc: httpx.TransportError, cls: type[sc.APIConnectionError]
) -> None:
    """httpx transport errors surface as APIConnectionError/APITimeoutError chained to the cause."""
    client = h.client(Recorder([exc]), max_retries=0)
    error = await raised(h, client, lambda c: c.integrations.get(1))
    assert type(error) is cls
    assert isinstance(error, sc.APIConnectionError)
    assert error.__cause__ is exc
    assert type(exc).__name__ in str(error)
    await h.close(client)


async def test_undecodable_compressed_body_is_a_sendcloud_error(h: Harness) -> None:
    """A body that fails to decompress raises APIConnectionError, not a bare httpx error."""
    recorder = Recorder(
        [
            lambda request: httpx.Response(
                200, headers={"Content-Encoding": "gzip"}, stream=httpx.ByteStream(b"not gzip")
            )
        ]
    )
    client = h.client(recorder)
    error = await raised(h, client, lambda c: c.integrations.get(1))
    assert type(error) is sc.APIConnectionError
    assert isinstance(error.__cause__, httpx.DecodingError)
    assert len(recorder.requests) == 1
    await h.close(client)


async def test_redirect_loop_on_a_caller_client_is_a_sendcloud_error(h: Harness) -> None:
    """TooManyRedirects from a caller's follow_redirects client raises APIConnectionError."""
    recorder = Recorder([httpx.Response(302, headers={"Location": "/api/v3/integrations/1"})])
    own = h.http_client(recorder, follow_redirects=True, max_redirects=2)
    client = h.client(recorder, http_client=own)
    error = await raised(h, client, lambda c: c.integrations.get(1))
    assert type(error) is sc.APIConnectionError
    assert isinstance(error.__cause__, httpx.TooManyRedirects)
    assert len(recorder.requests) == 3
    if isinstance(own, httpx.AsyncClient):
        await own.aclose()
    else:
        own.close()
