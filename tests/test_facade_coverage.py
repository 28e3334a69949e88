"""Every spec operation has a facade method, and every facade method a spec operation.

Facade methods carry ``__sendcloud_operations__`` (the operationIds they call). The
checks are functions of a spec dict so tests/test_update_spec.py can run them on
modified copies of the spec.
"""

from __future__ import annotations

import asyncio
import inspect
import typing
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations.testing._spec_reader import SpecView

from .conftest import ROOT

OVERLAY = "overlays/sendcloud_integrations/"
RESOURCES = ("integrations", "exception_logs", "shop_order_statuses", "status_mapping")
# The facade names the spec's path `id` after what it is.
ARGUMENT_FOR = {("path", "id"): "integration_id"}


def _refuse(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"the coverage walk must not send requests: {request.url}")


@contextmanager
def facade_clients() -> Iterator[dict[str, Any]]:
    """A sync and an async client whose transport fails on any request."""
    client = sc.Client(transport=httpx.MockTransport(_refuse))
    aclient = sc.AsyncClient(transport=httpx.MockTransport(_refuse))
    try:
        yield {"sc.Client": client, "sc.AsyncClient": aclient}
    finally:
        client.close()
        asyncio.run(aclient.aclose())


def facade_methods(client: Any, label: str) -> dict[str, Callable[..., Any]]:
    """``label.resource.method`` -> method as the client binds it, for each tagged method."""
    found: dict[str, Callable[..., Any]] = {}
    for resource_name in RESOURCES:
        resource = getattr(client, resource_name)
        for name in dir(type(resource)):
            member = getattr(resource, name)
            if not name.startswith("_") and hasattr(member, "__sendcloud_operations__"):
                found[f"{label}.{resource_name}.{name}"] = member
    return found


def _source(obj: Any) -> str:
    # A bound facade method wraps the declaration in _resources.py: that is what to change.
    path = Path(inspect.getsourcefile(inspect.unwrap(obj)) or "?").resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def coverage_problems(spec: Mapping[str, Any], clients: Mapping[str, Any]) -> list[str]:
    """Operations without a facade method, and facade methods without an operation."""
    operations = SpecView(spec).operations()
    problems: list[str] = []
    for label, client in clients.items():
        methods = facade_methods(client, label)
        covered = {op for m in methods.values() for op in m.__sendcloud_operations__}
        for op_id, (method, path, _) in operations.items():
            if op_id not in covered:
                resources = _source(type(getattr(client, RESOURCES[0])))
                problems.append(
                    f"{label} has no method for operation {op_id} ({method} {path}): "
                    f"add one in {resources} (tagged with @operation in _operations.py)"
                )
        for name, func in methods.items():
            for op_id in func.__sendcloud_operations__:
                if op_id not in operations:
                    problems.append(
                        f"{name} points at operation {op_id}, which the spec no longer has: "
                        f"revisit {_source(func)} and {OVERLAY}_operations.py"
                    )
    return problems


def spec_arguments(spec: Mapping[str, Any], op_id: str) -> list[tuple[str, str]]:
    """(where, name) of each parameter and top-level JSON body field of an operation."""
    view = SpecView(spec)
    found = list(view.params(op_id))
    body = view.at(view.op(op_id), "requestBody", "content", "application/json", "schema")
    found += [("body", name) for name in (view.at(body, "properties") or {})]
    return sorted(set(found))


def accepted_arguments(func: Callable[..., Any]) -> set[str]:
    """Argument names a facade method takes, including the keys of ``**kw: Unpack[TD]``."""
    names: set[str] = set()
    hints = typing.get_type_hints(func, include_extras=True)
    for param in inspect.signature(func).parameters.values():
        if param.kind is param.VAR_KEYWORD:
            hint = hints.get(param.name)
            if typing.get_origin(hint) is typing.Unpack:
                names |= set(typing.get_type_hints(typing.get_args(hint)[0]))
        elif param.name != "self":
            names.add(param.name)
    return names


def argument_problems(spec: Mapping[str, Any], clients: Mapping[str, Any]) -> list[str]:
    """Spec parameters and body fields that a facade method has no argument for."""
    operations = SpecView(spec).operations()
    problems: list[str] = []
    for label, client in clients.items():
        for name, func in facade_methods(client, label).items():
            accepted = accepted_arguments(func)
            for op_id in func.__sendcloud_operations__:
                if op_id not in operations:
                    continue  # reported by coverage_problems
                for where, arg in spec_arguments(spec, op_id):
                    if ARGUMENT_FOR.get((where, arg), arg) not in accepted:
                        problems.append(
                            f"{name} has no argument for {where} parameter {arg!r} of "
                            f"{op_id}: revisit {_source(func)} (and _operations.py)"
                        )
    return problems


@pytest.fixture(scope="module")
def clients() -> Iterator[dict[str, Any]]:
    with facade_clients() as found:
        yield found


def test_every_operation_has_a_facade_method(spec: dict[str, Any], clients: dict[str, Any]) -> None:
    """Each operationId of the spec is called by a method of sc.Client and of sc.AsyncClient."""
    problems = coverage_problems(spec, clients)
    assert not problems, "\n".join(problems)


def test_every_spec_argument_has_a_facade_argument(
    spec: dict[str, Any], clients: dict[str, Any]
) -> None:
    """Each parameter and top-level body field of an operation is an argument of its method."""
    problems = argument_problems(spec, clients)
    assert not problems, "\n".join(problems)


def test_sync_and_async_facades_match(clients: dict[str, Any]) -> None:
    """The async client has the same methods, tagged with the same operations."""
    sync = {
        n.removeprefix("sc.Client."): f.__sendcloud_operations__
        for n, f in facade_methods(clients["sc.Client"], "sc.Client").items()
    }
    async_ = {
        n.removeprefix("sc.AsyncClient."): f.__sendcloud_operations__
        for n, f in facade_methods(clients["sc.AsyncClient"], "sc.AsyncClient").items()
    }
    assert sync == async_
    assert len(sync) >= len(RESOURCES)


def _fake_client(ops: tuple[str, ...]) -> Any:
    """A client whose first resource has one method tagged with ``ops``."""

    def call(self: Any, integration_id: int, *, sort: str | None = None) -> None:
        """A stand-in facade method."""

    call.__sendcloud_operations__ = ops  # type: ignore[attr-defined]
    tagged, empty = type("Tagged", (), {"call": call}), type("Empty", (), {})
    return SimpleNamespace(**{n: (tagged if n == RESOURCES[0] else empty)() for n in RESOURCES})


def _tiny_spec(*op_ids: str) -> dict[str, Any]:
    return {
        "paths": {
            f"/things/{i}": {"get": {"operationId": op_id, "responses": {}}}
            for i, op_id in enumerate(op_ids)
        }
    }


def test_walker_names_an_operation_without_a_method() -> None:
    """The coverage check fails naming an operation no facade method tags."""
    problems = coverage_problems(_tiny_spec("op-a", "op-b"), {"Fake": _fake_client(("op-a",))})
    assert problems == [
        "Fake has no method for operation op-b (GET /things/1): add one in "
        f"{_source(_fake_client)} (tagged with @operation in _operations.py)"
    ]


def test_walker_names_a_method_whose_operation_is_gone() -> None:
    """The coverage check fails naming a facade method tagged with a vanished operation."""
    problems = coverage_problems(_tiny_spec("op-a"), {"Fake": _fake_client(("op-a", "op-gone"))})
    assert len(problems) == 1
    assert problems[0].startswith("Fake.integrations.call points at operation op-gone")


def test_walker_names_a_parameter_without_an_argument() -> None:
    """The argument check names a spec query parameter the facade method does not take."""
    spec = _tiny_spec("op-a")
    spec["paths"]["/things/0"]["get"]["parameters"] = [
        {"in": "query", "name": "sort", "schema": {"type": "string"}},
        {"in": "query", "name": "colour", "schema": {"type": "string"}},
    ]
    problems = argument_problems(spec, {"Fake": _fake_client(("op-a",))})
    assert len(problems) == 1
    assert "Fake.integrations.call has no argument for query parameter 'colour'" in problems[0]
