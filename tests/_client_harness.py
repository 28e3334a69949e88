"""Shared plumbing of the tests/test_client_*.py files.

A ``Harness`` runs one test body against either ``sc.Client`` or ``sc.AsyncClient``
(``mode``), so every behaviour is proven on both. Test functions are ``async``; in
sync mode the sync client simply runs inside the event loop (MockTransport does no
I/O). ``OPERATIONS`` says, per spec operationId, how the facade is called with the
spec's own examples; the spec is the source of every example body.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import sendcloud_integrations as sc
from sendcloud_integrations.testing._spec_reader import SpecView

BASE_URL = "http://localhost/api/v3"
PATH_ID = 23452345  # the integration id the spec's own examples use
MODES = ("sync", "async")
ERRORS_REF = "#/components/schemas/errors"

AnyClient = sc.Client | sc.AsyncClient
Handler = Callable[[httpx.Request], httpx.Response]

OP = "sc-public-v3-integrations-"
LIST_INTEGRATIONS = OP + "get-list_integrations"
GET_INTEGRATION = OP + "get-retrieve_integration"
UPDATE_INTEGRATION = OP + "patch-update_integration"
DELETE_INTEGRATION = OP + "delete-delete_integration"
LIST_ALL_LOGS = OP + "get-retrieve_integrations_logs"
LIST_INTEGRATION_LOGS = OP + "get-retrieve_integration_logs"
CREATE_LOG = OP + "post-create_integration_logs"
GET_STATUSES = OP + "get-shop_order_statuses"
REPLACE_STATUSES = OP + "post-shop_order_statuses"
GET_MAPPING = OP + "get-shop_order_statuses_mapping"
SET_MAPPING = OP + "post-shop_order_statuses_mapping"


# --- the spec ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SpecOperation:
    """One path + method of the spec: its examples and what a call must send."""

    operation_id: str
    method: str
    path: str
    parameters: list[dict[str, Any]]
    request_examples: dict[str, Any]
    responses: dict[str, Any] = field(repr=False)

    def query_example(self) -> dict[str, Any]:
        """Each query parameter's spec example (these drive the facade calls)."""
        return {p["name"]: p["example"] for p in self.parameters if p["in"] == "query"}

    def url_path(self) -> str:
        """The path the client must request, with the examples' integration id."""
        return "/api/v3" + self.path.replace("{id}", str(PATH_ID))

    def response_examples(self) -> Iterator[tuple[int, str | None, Any, dict[str, Any] | None]]:
        """(status, example name, body, schema); name None for a documented empty body."""
        for code, response in self.responses.items():
            content = response.get("content", {}).get("application/json")
            if content is None:
                yield int(code), None, None, None
                continue
            for name, example in content["examples"].items():
                yield int(code), name, example["value"], content["schema"]

    def success(self) -> tuple[int, str | None, Any, dict[str, Any] | None]:
        return next(e for e in self.response_examples() if 200 <= e[0] < 300)


def spec_operations(spec: dict[str, Any]) -> dict[str, SpecOperation]:
    view = SpecView(spec)
    found: dict[str, SpecOperation] = {}
    for op_id, (method, path, op) in view.operations().items():
        body = view.request_body(op_id) or {}
        found[op_id] = SpecOperation(
            operation_id=op_id,
            method=method,
            path=path,
            parameters=[dict(p) for p in view.params(op_id).values()],
            request_examples={k: v["value"] for k, v in body.get("examples", {}).items()},
            responses=op["responses"],
        )
    return found


def error_examples(spec: dict[str, Any]) -> Iterator[tuple[str, int, str, Any]]:
    """(operationId, status, example name, body) of every error example in the spec."""
    for op in spec_operations(spec).values():
        for status, name, body, schema in op.response_examples():
            if name is not None and schema is not None and schema.get("$ref") == ERRORS_REF:
                yield op.operation_id, status, name, body


# --- calling the facade with the spec's examples ----------------------------------------


def _mapping_arg(body: dict[str, Any]) -> dict[str, str | None]:
    return {e["status_category"]: e["external_id"] for e in body["mapping"]}


# operationId -> how the facade is called, given (client, query example, request body).
# Integration ids come from the examples; PATH_ID stands in for path ids.
OPERATIONS: dict[str, Callable[[Any, dict[str, Any], dict[str, Any]], Any]] = {
    LIST_INTEGRATIONS: lambda c, q, b: c.integrations.list(sort=q["sort"]),
    GET_INTEGRATION: lambda c, q, b: c.integrations.get(PATH_ID),
    UPDATE_INTEGRATION: lambda c, q, b: c.integrations.update(PATH_ID, **b),
    DELETE_INTEGRATION: lambda c, q, b: c.integrations.delete(PATH_ID),
    LIST_ALL_LOGS: lambda c, q, b: c.exception_logs.list(
        cursor=q["cursor"], page_size=q["page_size"]
    ),
    LIST_INTEGRATION_LOGS: lambda c, q, b: c.exception_logs.list(
        PATH_ID, cursor=q["cursor"], page_size=q["page_size"]
    ),
    CREATE_LOG: lambda c, q, b: c.exception_logs.create(PATH_ID, **b),
    GET_STATUSES: lambda c, q, b: c.shop_order_statuses.list(
        q["integration_id"], language=q["language"], show_deleted=q["show_deleted"]
    ),
    REPLACE_STATUSES: lambda c, q, b: c.shop_order_statuses.replace(
        b["integration_id"], statuses=b["statuses"]
    ),
    GET_MAPPING: lambda c, q, b: c.status_mapping.get(q["integration_id"]),
    SET_MAPPING: lambda c, q, b: c.status_mapping.set(b["integration_id"], _mapping_arg(b)),
}


def call_with_examples(client: AnyClient, op: SpecOperation, request_example: str | None) -> Any:
    """Call the facade method of ``op`` with its spec examples (result or awaitable)."""
    body = op.request_examples[request_example] if request_example else {}
    return OPERATIONS[op.operation_id](client, op.query_example(), body)


# --- transports ---------------------------------------------------------------------------


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(
        status,
        content=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **(headers or {})},
    )


@dataclass
class Recorder:
    """A MockTransport handler answering from a script, recording each request.

    Each script item is an httpx.Response, an exception to raise, or a callable
    taking the request; the last item repeats once the script runs out.
    """

    script: list[Any]
    requests: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        step = self.script[min(len(self.requests), len(self.script)) - 1]
        if isinstance(step, BaseException):
            raise step
        if callable(step):
            result = step(request)
            assert isinstance(result, httpx.Response)
            return result
        assert isinstance(step, httpx.Response)
        # A fresh copy per call: a Response object can be sent only once.
        return httpx.Response(step.status_code, headers=step.headers, content=step.content)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def json_bodies(self) -> list[Any]:
        return [json.loads(r.content) if r.content else None for r in self.requests]


def refuse(request: httpx.Request) -> httpx.Response:
    """A handler for calls that must never reach the network."""
    raise AssertionError(f"nothing may be sent, but got {request.method} {request.url}")


# --- sync/async --------------------------------------------------------------------------


@dataclass
class Harness:
    """Builds the client of one mode and runs its calls; records injected sleeps."""

    mode: str
    delays: list[float] = field(default_factory=list)

    @property
    def is_async(self) -> bool:
        return self.mode == "async"

    def sleep(self) -> Callable[[float], Any]:
        if self.is_async:

            async def fake_async_sleep(seconds: float) -> None:
                self.delays.append(seconds)

            return fake_async_sleep
        return self.delays.append

    def client(self, handler: Handler, **kwargs: Any) -> AnyClient:
        kwargs.setdefault("base_url", BASE_URL)
        if "http_client" not in kwargs:
            kwargs.setdefault("transport", httpx.MockTransport(handler))
        kwargs.setdefault("sleep", self.sleep())
        return sc.AsyncClient(**kwargs) if self.is_async else sc.Client(**kwargs)

    def http_client(self, handler: Handler, **kwargs: Any) -> httpx.Client | httpx.AsyncClient:
        """A caller-owned httpx client of this mode over a MockTransport."""
        transport = httpx.MockTransport(handler)
        if self.is_async:
            return httpx.AsyncClient(transport=transport, **kwargs)
        return httpx.Client(transport=transport, **kwargs)

    async def run(self, result: Any) -> Any:
        """The value of a facade call: awaited if async, drained if a paginator."""
        if isinstance(result, sc.LogPaginator):
            return list(result)
        if isinstance(result, sc.AsyncLogPaginator):
            return [item async for item in result]
        if inspect.isawaitable(result):
            return await result
        return result

    async def close(self, client: AnyClient) -> None:
        if isinstance(client, sc.AsyncClient):
            await client.aclose()
        else:
            client.close()


# --- comparing models with examples --------------------------------------------------------

_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def normalise(value: Any) -> Any:
    """JSON with date-times parsed, so ``Z`` and ``+00:00`` compare equal."""
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, str) and _DATETIME.match(value):
        return dt.datetime.fromisoformat(value)
    return value


def as_json(result: Any) -> Any:
    """A returned model (or list of models) as normalised JSON."""
    if isinstance(result, list):
        return [normalise(item.to_dict()) for item in result]
    return normalise(result.to_dict())
