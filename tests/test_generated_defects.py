"""Pins of what the generated code does with the spec's defects.

Each test holds while the defect is there and fails when the spec or the generator changes
the behaviour; its message names the overlay workaround to revisit then. These are not
xfails: they assert today's exact (wrong) behaviour.
"""

from __future__ import annotations

import datetime as dt
import json
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from sendcloud_integrations_api import errors, models
from sendcloud_integrations_api.client import AuthenticatedClient
from sendcloud_integrations_api.types import DecodeError, Unset

from .test_generated_client import (
    BASE_URL,
    LIST_INTEGRATIONS,
    PATH_ID,
    SPEC,
    TOKEN,
    Operation,
    first_request_example,
    make_client,
    spec_operations,
)

OVERLAY = "overlays/sendcloud_integrations/"
REVISIT_ERRORS = f"revisit the lenient error parsing in {OVERLAY}_errors.py"
REVISIT_NULL_BODY = f"revisit no_content in {OVERLAY}_parse.py (empty or null 200 bodies)"
REVISIT_RAW_DATA = f"revisit integration_list in {OVERLAY}_parse.py (raw list `data`)"
REVISIT_PAGINATION = f"revisit {OVERLAY}_pagination.py, which sends the Link cursor verbatim"
REVISIT_LOG_BODY = f"revisit create_log in {OVERLAY}_operations.py, which builds the body"
OPERATIONS = {op.operation_id: op for op in spec_operations(SPEC)}


@contextmanager
def still_raises(exc_type: type[Exception], revisit: str) -> Iterator[None]:
    """pytest.raises on exactly exc_type, failing with the workaround to revisit."""
    try:
        with pytest.raises(exc_type) as info:
            yield
    except pytest.fail.Exception:
        pytest.fail(f"no longer raises {exc_type.__name__}: {revisit}")
    assert info.type is exc_type, f"raises {info.type.__name__} now: {revisit}"


def answer(status: int, content: bytes, seen: list[httpx.Request]) -> httpx.MockTransport:
    """A transport that records each request and gives one fixed JSON answer."""

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, content=content, headers={"Content-Type": "application/json"})

    return httpx.MockTransport(handler)


def call(op: Operation, transport: httpx.MockTransport, **extra: Any) -> Any:
    """sync_detailed of op with its spec-example arguments; the generated Response."""
    kwargs = op.call_kwargs(first_request_example(op)) | extra
    with make_client(transport) as client:
        return op.module.sync_detailed(client=client, **kwargs)


def error_examples() -> Iterator[tuple[str, dict[str, Any]]]:
    """Every error object in every example of the spec, named by where it sits."""
    responses = [("components", SPEC["components"]["responses"])]
    responses += [(op_id, op.responses) for op_id, op in OPERATIONS.items()]
    for owner, by_code in responses:
        for code, response in by_code.items():
            content = response.get("content", {}).get("application/json", {})
            for name, example in content.get("examples", {}).items():
                value = example["value"]
                for error in value.get("errors", []) if isinstance(value, dict) else []:
                    yield f"{owner}-{code}-{name}", error


def test_extra_forbidden_example_code_is_kept_as_an_unknown_error_code() -> None:
    """The 400 example's code extra_forbidden, not in the enum, decodes to an unknown ErrorCode."""
    example = SPEC["paths"]["/integrations/{id}/logs"]["post"]["responses"]["400"]
    body = example["content"]["application/json"]["examples"]["ExtraFieldsNotPermitted"]["value"]
    error = dict(body["errors"][0], status=str(body["errors"][0]["status"]))
    assert error["code"] == "extra_forbidden"
    assert "extra_forbidden" not in {c.value for c in models.ErrorCode}, REVISIT_ERRORS
    code = models.ErrorObject.from_dict(error).code
    assert type(code) is models.ErrorCode
    assert code == "extra_forbidden"
    assert code not in list(models.ErrorCode)


NULL_200_OPERATIONS = sorted(
    op_id
    for op_id, op in OPERATIONS.items()
    if op.responses.get("200", {}).get("content", {}).get("application/json", {}).get("schema")
    == {"type": "null"}
)


def test_null_200_operations_are_the_two_posts() -> None:
    """The spec still has exactly these two `type: 'null'` 200 responses to pin below."""
    assert NULL_200_OPERATIONS == [
        "sc-public-v3-integrations-post-shop_order_statuses",
        "sc-public-v3-integrations-post-shop_order_statuses_mapping",
    ], REVISIT_NULL_BODY


@pytest.mark.parametrize("op_id", NULL_200_OPERATIONS)
def test_empty_body_on_a_null_200_raises_json_decode_error(op_id: str) -> None:
    """An empty 200 body, where the spec says `type: 'null'`, breaks the generated parser."""
    seen: list[httpx.Request] = []
    with still_raises(json.JSONDecodeError, REVISIT_NULL_BODY):
        call(OPERATIONS[op_id], answer(200, b"", seen))
    assert len(seen) == 1


def test_list_integrations_data_stays_raw_json() -> None:
    """`data` with `items` but no `type: array` is kept as plain dicts, not Integration models."""
    response = SPEC["paths"]["/integrations"]["get"]["responses"]["200"]
    content = response["content"]["application/json"]
    assert "type" not in content["schema"]["properties"]["data"], REVISIT_RAW_DATA
    hints = typing.get_type_hints(models.IntegrationListResponse)
    assert hints["data"] == Any | Unset, REVISIT_RAW_DATA
    body = content["examples"]["Response"]["value"]
    seen: list[httpx.Request] = []
    parsed = call(OPERATIONS[LIST_INTEGRATIONS], answer(200, json.dumps(body).encode(), seen))
    assert parsed.parsed.data == body["data"], REVISIT_RAW_DATA
    assert [type(item) for item in parsed.parsed.data] == [dict], REVISIT_RAW_DATA


def test_integer_status_is_refused_by_the_generated_error_model() -> None:
    """Examples with integer `status`, typed string, raise DecodeError at /status."""
    assert (
        typing.get_type_hints(models.ErrorObject, localns=vars(models))["status"] == str | Unset
    ), REVISIT_ERRORS
    integer = [(where, e) for where, e in error_examples() if isinstance(e["status"], int)]
    assert len(integer) == 6, f"the spec's integer-status examples changed: {REVISIT_ERRORS}"
    for where, error in integer:
        with pytest.raises(DecodeError) as info:
            models.ErrorObject.from_dict(error)
        assert (info.value.pointer, info.value.expected) == ("/status", "string"), where


OP_GET = "sc-public-v3-integrations-get-retrieve_integration"
UNAUTHORIZED = SPEC["components"]["responses"]["Unauthorized"]["content"]["application/json"]


@pytest.mark.parametrize("example", sorted(UNAUTHORIZED["examples"]))
def test_undocumented_401_parses_to_none(example: str) -> None:
    """No operation documents 401, so the generated client drops its error body."""
    assert all("401" not in op.responses for op in OPERATIONS.values()), REVISIT_ERRORS
    body = json.dumps(UNAUTHORIZED["examples"][example]["value"]).encode()
    op = OPERATIONS[OP_GET]
    seen: list[httpx.Request] = []
    response = call(op, answer(401, body, seen))
    assert response.status_code == 401
    assert response.parsed is None, REVISIT_ERRORS
    strict = AuthenticatedClient(
        base_url=BASE_URL,
        token=TOKEN,
        raise_on_unexpected_status=True,
        httpx_args={"transport": answer(401, body, seen)},
    )
    with strict as client, still_raises(errors.UnexpectedStatus, REVISIT_ERRORS):
        op.module.sync_detailed(client=client, id=PATH_ID)


CURSOR_OPERATIONS = sorted(
    op_id for op_id, op in OPERATIONS.items() if any(p["name"] == "cursor" for p in op.parameters)
)


@pytest.mark.parametrize("op_id", CURSOR_OPERATIONS)
def test_cursor_must_be_a_datetime_though_the_link_header_gives_text(op_id: str) -> None:
    """`cursor` is typed date-time, so a cursor string from a Link URL breaks before sending."""
    op = OPERATIONS[op_id]
    (cursor,) = (p for p in op.parameters if p["name"] == "cursor")
    assert cursor["schema"] == {"type": "string", "format": "date-time"}, REVISIT_PAGINATION
    hint = typing.get_type_hints(op.module.sync_detailed)["cursor"]
    assert hint == dt.datetime | Unset, REVISIT_PAGINATION
    seen: list[httpx.Request] = []
    with still_raises(AttributeError, REVISIT_PAGINATION):
        call(op, answer(200, b'{"data": []}', seen), cursor=cursor["example"])
    assert seen == []


def test_log_create_model_sends_the_spec_default_method() -> None:
    """`method` defaults to '' in the spec, so a body built without one sends `"method": ""`."""
    schema = SPEC["components"]["schemas"]["integration-log-create"]["properties"]["method"]
    assert schema["default"] == "", REVISIT_LOG_BODY
    body = models.IntegrationLogCreate(base_url="https://example.com").to_dict()
    assert body == {"base_url": "https://example.com", "method": ""}, REVISIT_LOG_BODY
