"""Type-honest, bounded decoding: wrong types name their JSON pointer; hostile depth is refused."""

from __future__ import annotations

import json
import math
import pickle
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations import _jsonbody
from sendcloud_integrations._oauth2 import OAuth2ClientCredentials
from sendcloud_integrations_api.types import DecodeError

from ._client_harness import MODES, AnyClient, Harness
from .auth_fakes import API_URL, CLIENT_ID, CLIENT_SECRET, FakeClock, FakeSendcloud, Reply

pytestmark = pytest.mark.anyio

DEEP = b"[" * 100_000 + b"]" * 100_000
Call = Callable[[AnyClient], Any]
GET: Call = lambda c: c.integrations.get(1)  # noqa: E731
LOGS: Call = lambda c: c.exception_logs.list(limit=10, page_size=10)  # noqa: E731
STATUSES: Call = lambda c: c.shop_order_statuses.list(1)  # noqa: E731
MAPPING: Call = lambda c: c.status_mapping.get(1)  # noqa: E731


@pytest.fixture(params=MODES)
def h(request: pytest.FixtureRequest) -> Harness:
    return Harness(request.param)


async def outcome(h: Harness, content: bytes, call: Call, status: int = 200) -> Any:
    """What ``call`` returns or raises when the server answers ``content`` with ``status``."""
    client = h.client(lambda request: httpx.Response(status, content=content), max_retries=0)
    try:
        return await h.run(call(client))
    except sc.SendcloudError as exc:
        return exc
    finally:
        await h.close(client)


def log(**fields: Any) -> dict[str, Any]:
    return {"id": 1, "base_url": "https://shop.example", "response_code": 495, **fields}


# (call, body, JSON pointer, expected): the mutations of issue #13 that used to pass.
MUTATIONS: list[Any] = [
    pytest.param(GET, {"data": {"id": "abc"}}, "/data/id", "integer", id="id-a-string"),
    pytest.param(GET, {"data": {"id": True}}, "/data/id", "integer", id="id-a-boolean"),
    pytest.param(GET, {"data": {"id": None}}, "/data/id", "integer", id="id-null"),
    pytest.param(
        GET, {"data": {"webhook_active": "yes"}}, "/data/webhook_active", "boolean", id="bool"
    ),
    pytest.param(
        GET,
        {"data": {"service_point_carriers": 5}},
        "/data/service_point_carriers",
        "array",
        id="carriers-a-number",
    ),
    pytest.param(
        GET,
        {"data": {"service_point_carriers": ["ups", 2]}},
        "/data/service_point_carriers/1",
        "string",
        id="carrier-a-number",
    ),
    pytest.param(GET, {"data": {"shop_name": 12}}, "/data/shop_name", "string", id="name"),
    pytest.param(
        GET,
        {"data": {"created_at": "9999-99-99T00:00:00Z"}},
        "/data/created_at",
        "date-time",
        id="impossible-date",
    ),
    pytest.param(
        GET,
        {"data": {"created_at": "2023-11-04T14:15:22"}},
        "/data/created_at",
        "date-time",
        id="date-time-without-offset",
    ),
    pytest.param(
        GET, {"data": {"feedback_type": 3}}, "/data/feedback_type", "string", id="enum-a-number"
    ),
    pytest.param(
        LOGS,
        {"data": [log(), log(), log(), log(response_code="495")]},
        "/data/3/response_code",
        "integer or null",
        id="response-code-a-string",
    ),
    pytest.param(LOGS, {"data": [log(), 7]}, "/data/1", "object", id="log-a-number"),
    pytest.param(
        LOGS, {"data": [{"id": 1}]}, "/data/0/base_url", "string", id="log-without-base_url"
    ),
    pytest.param(
        MAPPING,
        {"data": {"mapping": [{"is_valid": True}, []]}},
        "/data/mapping/1",
        "object",
        id="mapping-item-a-list",
    ),
    pytest.param(
        STATUSES,
        {"data": [{"status": "new", "translations": {}}]},
        "/data/0/translations",
        "array",
        id="translations-an-object",
    ),
    pytest.param(
        lambda c: c.integrations.list(),
        {"data": [{"id": 1}, {"id": 2, "shop_url": ["x"]}]},
        "/data/1/shop_url",
        "string",
        id="list-item-field",
    ),
]


@pytest.mark.parametrize(("call", "body", "pointer", "expected"), MUTATIONS)
async def test_wrong_type_raises_response_validation_error_naming_the_pointer(
    h: Harness, call: Call, body: Any, pointer: str, expected: str
) -> None:
    """A value of the wrong JSON type raises ResponseValidationError: pointer, expected, body."""
    content = json.dumps(body).encode()
    error = await outcome(h, content, call)
    assert isinstance(error, sc.ResponseValidationError)
    assert (error.pointer, error.expected) == (pointer, expected)
    assert pointer in str(error)
    assert f"expected {expected}" in str(error)
    assert error.body == content.decode()


async def test_unknown_properties_are_kept(h: Harness) -> None:
    """Fields the spec does not list stay in additional_properties, at every level."""
    body = {"data": {"id": 1, "brand_new": {"nested": [1]}}, "meta": {"page": 1}}
    integration = await outcome(h, json.dumps(body).encode(), GET)
    assert integration.id == 1
    assert integration.additional_properties == {"brand_new": {"nested": [1]}}
    assert integration.to_dict() == body["data"]


async def test_integers_beyond_64_bits_keep_every_digit(h: Harness) -> None:
    """An id beyond 64 bits decodes to the exact int, whichever JSON parser is installed."""
    integration = await outcome(h, b'{"data": {"id": 18446744073709551617}}', GET)
    assert integration.id == 2**64 + 1
    assert type(integration.id) is int


@pytest.mark.parametrize(
    "content",
    [b'{"data": {"id": NaN}}', b'{"data": {"id": 1e400}}', b'{"data": {"id": -Infinity}}'],
    ids=["nan", "overflow", "infinity"],
)
async def test_non_finite_numbers_are_refused(h: Harness, content: bytes) -> None:
    """NaN, Infinity and numbers that overflow to infinity are not JSON: ResponseValidationError."""
    error = await outcome(h, content, GET)
    assert isinstance(error, sc.ResponseValidationError)
    assert "not JSON" in str(error)
    assert error.body == content.decode()


@pytest.mark.parametrize("call", [GET, LOGS, STATUSES, MAPPING], ids=["get", "logs", "st", "map"])
async def test_hostile_depth_on_a_2xx_raises_response_validation_error(
    h: Harness, call: Call
) -> None:
    """A 100,000-deep array on a 2xx raises ResponseValidationError, never RecursionError."""
    for content in (DEEP, b'{"data": {"id": 1, "x": ' + DEEP + b"}}"):
        error = await outcome(h, content, call)
        assert isinstance(error, sc.ResponseValidationError)
        assert "nested too deeply" in str(error)
        assert error.body == content.decode()


@pytest.mark.parametrize(
    ("status", "cls"), [(400, sc.BadRequestError), (404, sc.NotFoundError), (500, sc.ServerError)]
)
async def test_hostile_depth_on_an_error_status_raises_its_api_error(
    h: Harness, status: int, cls: type[sc.APIError]
) -> None:
    """A 100,000-deep error body raises the status's APIError with the raw body kept."""
    error = await outcome(h, DEEP, GET, status=status)
    assert type(error) is cls
    assert error.errors == []
    assert error.body == DEEP.decode()


@pytest.mark.parametrize(
    ("status", "cls"), [(200, sc.ResponseValidationError), (401, sc.AuthenticationError)]
)
@pytest.mark.parametrize("mode", MODES)
async def test_hostile_depth_at_the_token_endpoint_is_a_typed_error(
    mode: str, status: int, cls: type[sc.SendcloudError]
) -> None:
    """A 100,000-deep token response raises AuthenticationError or ResponseValidationError."""
    fake = FakeSendcloud(token_script=[Reply(status, DEEP)])
    auth = OAuth2ClientCredentials(CLIENT_ID, CLIENT_SECRET, clock=FakeClock(), sleep=[].append)
    if mode == "async":
        async with httpx.AsyncClient(auth=auth, transport=fake.transport()) as client:
            with pytest.raises(sc.SendcloudError) as info:
                await client.get(API_URL)
    else:
        client = httpx.Client(auth=auth, transport=fake.transport())
        with client, pytest.raises(sc.SendcloudError) as info:
            client.get(API_URL)
    assert type(info.value) is cls
    assert fake.api_requests == []


def test_from_dict_called_directly_raises_decode_error() -> None:
    """Model.from_dict on a webhook payload raises DecodeError, a ValueError, with the pointer."""
    with pytest.raises(DecodeError) as info:
        sc.IntegrationLog.from_dict(log(request={"headers": 5}))
    assert isinstance(info.value, ValueError)
    assert (info.value.pointer, info.value.expected, info.value.got) == (
        "/request/headers",
        "object or string or null",
        "integer",
    )
    with pytest.raises(DecodeError) as info:
        sc.Integration.from_dict([])  # type: ignore[arg-type]
    assert (info.value.pointer, info.value.expected) == ("", "object")


def test_pointer_escapes_slash_and_tilde() -> None:
    """Keys with / or ~ are escaped in the pointer as RFC 6901 says (~1, ~0)."""
    error = DecodeError("string", "integer", ["a/b"]).within("c~d", 0)
    assert error.pointer == "/c~0d/0/a~1b"


# --- the same with or without the speedups extra ------------------------------------------

JSON_CORPUS = [
    b'{"a": 1, "a": 2}',
    b"18446744073709551617",
    b"-9223372036854775809",
    b"1" * 4000,
    b"1" * 5000,
    b"1e400",
    b"-1e400",
    b"1e-400",
    b"NaN",
    b"Infinity",
    b"-Infinity",
    b"[1.5, -0.0, 0.1, 1e308]",
    b'"\\ud800"',
    b'"\\u00e9"',
    "\ufeff{}".encode(),
    '{"k": "é"}'.encode("utf-16"),
    b'"\xff"',
    b"[1, 2",
    b"",
    b"  {} ",
    b'{"a": [true, false, null]}',
    b'"\t"',
    DEEP,
    b'{"x": ' + b"[" * 2000 + b"]" * 2000 + b"}",
]


def _decoded(body: bytes) -> tuple[str, ...]:
    try:
        value = _jsonbody.loads(body)
    except _jsonbody.BodyNotJSON as exc:
        return ("refused", str(exc))
    return ("ok", json.dumps(value), repr(value)[:200])


def test_speedups_change_no_value_and_no_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """msgspec and the standard library accept, build and refuse exactly the same bodies."""
    msgspec = pytest.importorskip("msgspec")
    monkeypatch.setattr(_jsonbody, "_fast_decode", msgspec.json.Decoder().decode)
    fast = [_decoded(body) for body in JSON_CORPUS]
    monkeypatch.setattr(_jsonbody, "_fast_decode", None)
    plain = [_decoded(body) for body in JSON_CORPUS]
    assert fast == plain
    assert sum(o[0] == "refused" for o in plain) >= 10
    assert plain[1] == ("ok", "18446744073709551617", "18446744073709551617")


def test_refused_bodies_say_why() -> None:
    """Each refusal reason names the problem: not JSON, out of range, nested too deeply."""
    reasons = {}
    for body in (b"NaN", b"1e400", DEEP, b"[1, 2"):
        with pytest.raises(_jsonbody.BodyNotJSON) as info:
            _jsonbody.loads(body)
        reasons[body[:5]] = str(info.value)
    assert "NaN is not JSON" in reasons[b"NaN"]
    assert "out of range" in reasons[b"1e400"]
    assert reasons[DEEP[:5]] == "nested too deeply"
    assert math.isfinite(_jsonbody.loads(b"1e308"))


def test_decode_error_pickles_to_itself() -> None:
    """A DecodeError, pointer and all, survives pickling unchanged."""
    error = DecodeError("integer", "string", ["response_code"]).within("data", 3)
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is DecodeError
    assert (again.pointer, again.expected, again.got) == (
        "/data/3/response_code",
        "integer",
        "string",
    )
    assert str(again) == str(error) == "/data/3/response_code: expected integer, got string"


class _Dict(dict[str, Any]):
    pass


class _List(list[Any]):
    pass


def test_from_dict_takes_dict_and_list_subclasses_where_json_has_objects_and_arrays() -> None:
    """Nested dict and list subclasses (an ORM row, a cached document) decode as plain ones."""
    from sendcloud_integrations_api.models.integration_log_list_response import (
        IntegrationLogListResponse,
    )

    plain = {"data": [log(response={"headers": {"X": "1"}, "body": "no"})]}
    wrapped = _Dict(
        data=_List([_Dict(log(response=_Dict(headers=_Dict(X="1"), body="no")))]),
    )
    decoded = IntegrationLogListResponse.from_dict(wrapped)
    assert decoded == IntegrationLogListResponse.from_dict(plain)
    assert decoded.to_dict() == plain
