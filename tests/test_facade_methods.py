"""One declaration per facade method serves both clients (issue #16: no sync/async twins).

``_resources`` declares each method once, by the function that builds its call;
``_facade_method`` binds it as a plain function on sc.Client and as a coroutine
function on sc.AsyncClient. These tests prove that the two clients' methods are the
same declaration, differ only in sync/async, and look like ordinary methods.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import subprocess
import sys
import typing
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations import _facade_method, _resources

from .conftest import ROOT

GROUPS = ("integrations", "exception_logs", "shop_order_statuses", "status_mapping")
# The one method that returns at once on both clients: a lazy paginator.
LISTINGS = {("exception_logs", "list")}


def _refuse(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"no request expected: {request.url}")


@pytest.fixture
def clients() -> Iterator[tuple[sc.Client, sc.AsyncClient]]:
    client = sc.Client(transport=httpx.MockTransport(_refuse))
    aclient = sc.AsyncClient(transport=httpx.MockTransport(_refuse))
    yield client, aclient
    client.close()
    asyncio.run(aclient.aclose())


CLASSES: dict[str, type[Any]] = {
    "integrations": _resources.Integrations,
    "exception_logs": _resources.ExceptionLogs,
    "shop_order_statuses": _resources.ShopOrderStatuses,
    "status_mapping": _resources.StatusMappings,
}
METHODS = [
    (group, name)
    for group, cls in CLASSES.items()
    for name, member in vars(cls).items()
    if isinstance(member, _facade_method.FacadeMethod)
]
METHOD_IDS = [f"{group}.{name}" for group, name in METHODS]


def test_every_public_method_is_a_declaration() -> None:
    """Each resource class's public methods are all facade declarations (nothing hand-bound)."""
    for group in GROUPS:
        public = {n for n in vars(CLASSES[group]) if not n.startswith("_")}
        assert public == {n for g, n in METHODS if g == group}
    assert len(METHODS) == 10


@pytest.mark.parametrize(("group", "name"), METHODS, ids=METHOD_IDS)
def test_both_clients_bind_the_same_declaration(
    clients: tuple[sc.Client, sc.AsyncClient], group: str, name: str
) -> None:
    """Sync and async methods wrap one builder, with one signature, docstring and tags."""
    sync = getattr(getattr(clients[0], group), name)
    async_ = getattr(getattr(clients[1], group), name)
    declared = vars(CLASSES[group])[name]
    assert sync.__wrapped__ is async_.__wrapped__ is declared.__wrapped__
    # Parameters equal; only a listing's return differs (LogPaginator, AsyncLogPaginator).
    assert inspect.signature(sync).parameters == inspect.signature(async_).parameters
    assert sync.__doc__ == async_.__doc__ == declared.__doc__
    assert sync.__doc__
    assert sync.__sendcloud_operations__ == async_.__sendcloud_operations__
    assert sync.__sendcloud_operations__
    assert sync.__name__ == async_.__name__ == name
    assert sync.__qualname__ == f"{CLASSES[group].__name__}.{name}"


@pytest.mark.parametrize(("group", "name"), METHODS, ids=METHOD_IDS)
def test_async_methods_are_coroutine_functions_and_sync_ones_are_not(
    clients: tuple[sc.Client, sc.AsyncClient], group: str, name: str
) -> None:
    """On the async client a call is awaited (but a listing returns its paginator at once)."""
    sync = getattr(getattr(clients[0], group), name)
    async_ = getattr(getattr(clients[1], group), name)
    assert not inspect.iscoroutinefunction(sync)
    assert inspect.iscoroutinefunction(async_) is ((group, name) not in LISTINGS)


def test_signature_is_the_public_one(clients: tuple[sc.Client, sc.AsyncClient]) -> None:
    """The bound signature starts at the caller's first argument; escape hatches are keywords."""
    for client in clients:
        signature = inspect.signature(client.integrations.get)
        assert list(signature.parameters) == [
            "integration_id",
            "extra_headers",
            "extra_query",
            "extra_body",
            "timeout",
        ]
        hatches = list(signature.parameters.values())[1:]
        assert all(p.kind is p.KEYWORD_ONLY and p.default is None for p in hatches)
        update = inspect.signature(client.integrations.update).parameters
        assert update["fields"].kind is inspect.Parameter.VAR_KEYWORD


def test_type_hints_of_bound_methods_resolve(clients: tuple[sc.Client, sc.AsyncClient]) -> None:
    """get_type_hints works on bound methods: a call's result type, a listing's paginator."""
    client, aclient = clients
    for bound in (client.integrations.get, aclient.integrations.get):
        hints = typing.get_type_hints(bound)
        assert hints["return"] is sc.Integration
        assert hints["integration_id"] is int
    assert typing.get_type_hints(client.exception_logs.list)["return"] is sc.LogPaginator
    assert typing.get_type_hints(aclient.exception_logs.list)["return"] is sc.AsyncLogPaginator
    fields = typing.get_type_hints(aclient.integrations.update, include_extras=True)["fields"]
    assert typing.get_origin(fields) is typing.Unpack


def test_bound_method_is_cached_on_its_resource(clients: tuple[sc.Client, sc.AsyncClient]) -> None:
    """Binding happens on the first read only; later reads find the function itself."""
    for client in clients:
        first = client.integrations.get
        assert client.integrations.get is first
        assert vars(client.integrations)["get"] is first


def test_listings_return_their_paginator_on_both_clients(
    clients: tuple[sc.Client, sc.AsyncClient],
) -> None:
    """exception_logs.list returns a LogPaginator / AsyncLogPaginator without sending."""
    client, aclient = clients
    assert type(client.exception_logs.list()) is sc.LogPaginator
    assert type(aclient.exception_logs.list(7, limit=3)) is sc.AsyncLogPaginator
    with pytest.raises(sc.RequestValidationError, match="page_size"):
        aclient.exception_logs.list(page_size=0)


def test_each_view_binds_its_own_options() -> None:
    """A with_options view's methods send with the view's settings, not the original's."""
    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204)

    with sc.Client(transport=httpx.MockTransport(record)) as client:
        client.integrations.update(1, shop_name="x")  # bound on the original first
        with pytest.raises(sc.RequestValidationError, match="colour"):
            client.integrations.update(1, colour="red")  # type: ignore[call-arg]
        client.with_options(validate_requests=False).integrations.update(1, colour="red")  # type: ignore[call-arg]
    assert [json.loads(r.content) for r in sent] == [{"shop_name": "x"}, {"colour": "red"}]


def test_a_builder_not_returning_a_call_is_refused() -> None:
    """A declaration whose builder is not annotated ``-> Call[...]`` fails when first bound."""

    class Odd(_facade_method.Resource[Any]):
        @_facade_method.operation_method
        def broken(self: _facade_method.Resource[Any]) -> Any:  # not a Call
            raise AssertionError("never built")

    with sc.Client(transport=httpx.MockTransport(_refuse)) as client:
        odd = Odd(client.integrations._sender)
        with pytest.raises(TypeError, match=r"Odd\.broken must be annotated -> Call"):
            odd.broken  # noqa: B018


def test_resources_import_no_models_fields_or_pagination() -> None:
    """Importing the resources and binding a method loads no model, _fields or _pagination."""
    code = (
        "import sys, json, sendcloud_integrations as sc\n"
        "c = sc.Client(); c.integrations.get; c.status_mapping.set\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(("
        "'sendcloud_integrations_api.models.', 'sendcloud_integrations._fields', "
        "'sendcloud_integrations._pagination')))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT
    )
    assert json.loads(done.stdout) == []


def test_a_wrong_call_fails_when_made_on_both_clients(
    clients: tuple[sc.Client, sc.AsyncClient],
) -> None:
    """A call the signature refuses raises TypeError at once, even before any await."""
    for client in clients:
        with pytest.raises(TypeError, match=r"^Integrations\.get\(\) missing 1 required"):
            client.integrations.get()  # type: ignore[call-arg]
        with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
            client.status_mapping.get(1, colour="red")  # type: ignore[call-arg]
        with pytest.raises(TypeError, match="takes from 0 to 1 positional"):
            client.exception_logs.list(1, 2)  # type: ignore[misc]
