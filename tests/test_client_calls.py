"""Every facade method against httpx.MockTransport serving the spec's own examples.

Each case calls the method with the spec's examples (query parameter examples,
request body examples), checks the request that reached the transport (method,
path, query, JSON body) and compares the returned models with the response example.
Both clients run every case.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc

from ._client_harness import (
    CREATE_LOG,
    GET_INTEGRATION,
    GET_MAPPING,
    GET_STATUSES,
    LIST_ALL_LOGS,
    LIST_INTEGRATION_LOGS,
    LIST_INTEGRATIONS,
    MODES,
    OPERATIONS,
    PATH_ID,
    Harness,
    Recorder,
    as_json,
    call_with_examples,
    json_response,
    normalise,
    spec_operations,
)
from .conftest import load_spec

pytestmark = pytest.mark.anyio

SPEC_OPS = spec_operations(load_spec())

# What each method returns for its success example: the model type, and whether a list.
RESULT_TYPES: dict[str, tuple[type[Any], bool]] = {
    LIST_INTEGRATIONS: (sc.Integration, True),
    GET_INTEGRATION: (sc.Integration, False),
    LIST_ALL_LOGS: (sc.IntegrationLog, True),
    LIST_INTEGRATION_LOGS: (sc.IntegrationLog, True),
    CREATE_LOG: (sc.IntegrationLog, False),
    GET_STATUSES: (sc.ShopOrderStatus, True),
    GET_MAPPING: (sc.StatusMapping, False),
}

# One case per request example, and one for each operation without a request body.
CALL_CASES = [
    pytest.param(op_id, example, id=f"{op_id}-{example or 'no-body'}")
    for op_id, op in SPEC_OPS.items()
    for example in (list(op.request_examples) or [None])
]


@pytest.fixture(params=MODES)
def h(request: pytest.FixtureRequest) -> Harness:
    return Harness(request.param)


def expected_query(op_id: str, spec: dict[str, Any]) -> dict[str, str]:
    """The query the facade must send for the spec's parameter examples, as wire strings."""
    return {
        name: json.dumps(value) if isinstance(value, bool) else str(value)
        for name, value in spec_operations(spec)[op_id].query_example().items()
    }


@pytest.mark.parametrize(("op_id", "request_example"), CALL_CASES)
async def test_method_sends_the_spec_request_and_returns_the_example_models(
    h: Harness, spec: dict[str, Any], op_id: str, request_example: str | None
) -> None:
    """Each method sends the spec's method, path, query and body, and parses its success example."""
    op = spec_operations(spec)[op_id]
    status, _, body, schema = op.success()
    response = json_response(status, body) if schema is not None else httpx.Response(status)
    recorder = Recorder([response])
    client = h.client(recorder)

    result = await h.run(call_with_examples(client, op, request_example))

    (request,) = recorder.requests
    assert request.method == op.method
    assert request.url.scheme == "http"
    assert request.url.host == "localhost"
    assert request.url.path == op.url_path()
    assert dict(request.url.params) == expected_query(op_id, spec)
    if request_example is None:
        assert request.content == b""
    else:
        assert request.headers["Content-Type"] == "application/json"
        assert json.loads(request.content) == op.request_examples[request_example]
    if op_id in RESULT_TYPES:
        model, is_list = RESULT_TYPES[op_id]
        items = result if is_list else [result]
        assert isinstance(result, list) is is_list
        assert items
        assert all(type(item) is model for item in items)
        expected = body["data"]
        assert as_json(result) == normalise(expected)
    else:
        assert result is None
    await h.close(client)


def test_call_table_covers_every_spec_operation(spec: dict[str, Any]) -> None:
    """The call table names exactly the spec's operationIds, so no operation goes untested."""
    assert set(OPERATIONS) == set(spec_operations(spec))


def _tagged(client: Any) -> dict[str, str]:
    """operationId -> ``group.method`` for each tagged method the client binds."""
    tagged: dict[str, str] = {}
    for group_name in ("integrations", "exception_logs", "shop_order_statuses", "status_mapping"):
        group = getattr(client, group_name)
        for name in dir(type(group)):
            for op_id in getattr(getattr(group, name), "__sendcloud_operations__", ()):
                tagged[op_id] = f"{group_name}.{name}"
    return tagged


async def test_every_operation_has_a_tagged_facade_method(h: Harness, spec: dict[str, Any]) -> None:
    """The sync and the async client each bind one tagged method per spec operationId."""
    client = h.client(Recorder([]))
    assert set(_tagged(client)) == set(spec_operations(spec))
    await h.close(client)


async def test_enum_arguments_are_sent_as_their_values(h: Harness) -> None:
    """Generated StrEnums are accepted wherever the spec has an enum, and sent as plain strings."""
    recorder = Recorder(
        [httpx.Response(204), json_response(200, {"data": []}), json_response(200, None)]
    )
    client = h.client(recorder)
    await h.run(client.integrations.update(1, feedback_type=sc.FeedbackType.DELAYED))
    await h.run(client.shop_order_statuses.list(2, language=sc.Language.NL_NL))
    mapping = {category: None for category in sc.StatusCategory}
    await h.run(client.status_mapping.set(3, mapping))
    update, statuses, mapping_request = recorder.requests
    assert json.loads(update.content) == {"feedback_type": "delayed"}
    assert statuses.url.params["language"] == "nl-nl"
    assert json.loads(mapping_request.content) == {
        "integration_id": 3,
        "mapping": [{"status_category": c.value, "external_id": None} for c in sc.StatusCategory],
    }
    await h.close(client)


async def test_generated_input_models_are_accepted_for_statuses(h: Harness) -> None:
    """NewShopOrderStatus models go on the wire exactly like the equivalent dicts."""
    recorder = Recorder([httpx.Response(200)])
    client = h.client(recorder)
    status = sc.NewShopOrderStatus.from_dict(
        {"external_id": "7", "translations": [{"status": "Sent", "language": "en-gb"}]}
    )
    await h.run(client.shop_order_statuses.replace(9, statuses=[status]))
    assert json.loads(recorder.last.content) == {
        "integration_id": 9,
        "statuses": [
            {"external_id": "7", "translations": [{"status": "Sent", "language": "en-gb"}]}
        ],
    }
    await h.close(client)


async def test_optional_query_parameters_are_left_out_when_not_given(h: Harness) -> None:
    """Without sort/language/show_deleted the query carries only what is required."""
    recorder = Recorder([json_response(200, {"data": []})])
    client = h.client(recorder)
    assert await h.run(client.integrations.list()) == []
    assert await h.run(client.shop_order_statuses.list(PATH_ID)) == []
    listing, statuses = recorder.requests
    assert listing.url.query == b""
    assert dict(statuses.url.params) == {"integration_id": str(PATH_ID)}
    await h.close(client)


async def test_create_log_sends_only_the_given_fields(h: Harness) -> None:
    """A log with just base_url posts just base_url; a datetime created_at goes as ISO 8601."""
    created = {"data": {"id": 5, "base_url": "https://shop.example"}}
    recorder = Recorder([json_response(201, created)])
    client = h.client(recorder)
    log = await h.run(client.exception_logs.create(4, base_url="https://shop.example"))
    when = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    await h.run(client.exception_logs.create(4, base_url="https://s", created_at=when))
    assert log.id == 5
    assert log.base_url == "https://shop.example"
    first, second = recorder.json_bodies()
    assert first == {"base_url": "https://shop.example"}
    assert second == {"base_url": "https://s", "created_at": "2024-01-02T03:04:05+00:00"}
    await h.close(client)


async def test_update_sends_only_the_given_fields(h: Harness) -> None:
    """A PATCH carries only the keyword arguments given, webhook_url None included as null."""
    recorder = Recorder([httpx.Response(204)])
    client = h.client(recorder)
    result = await h.run(
        client.integrations.update(8, webhook_active=False, webhook_url=None, shop_url="https://x")
    )
    assert result is None
    assert recorder.last.method == "PATCH"
    assert recorder.last.url.path == "/api/v3/integrations/8"
    assert json.loads(recorder.last.content) == {
        "webhook_active": False,
        "webhook_url": None,
        "shop_url": "https://x",
    }
    await h.close(client)


@pytest.mark.parametrize(
    "response",
    [httpx.Response(204), httpx.Response(200), httpx.Response(200, content=b"null")],
    ids=["204", "200-empty", "200-null"],
)
async def test_no_content_calls_accept_empty_and_null_bodies(
    h: Harness, response: httpx.Response
) -> None:
    """DELETE and the null-returning POSTs return None for 204, an empty 200 and a JSON null."""
    recorder = Recorder([response])
    client = h.client(recorder)
    assert await h.run(client.integrations.delete(3)) is None
    mapping = dict.fromkeys(("READY_TO_SEND", "IN_TRANSIT", "DELIVERED", "CANCEL"))
    assert await h.run(client.status_mapping.set(3, mapping)) is None
    assert len(recorder.requests) == 2
    await h.close(client)
