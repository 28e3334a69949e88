"""Client and AsyncClient: one constructor, declared resource groups, real with_options views."""

from __future__ import annotations

import pydoc
import typing
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations import _resources
from sendcloud_integrations._sender import AsyncSender, SyncSender

from ._client_harness import MODES, Harness, Recorder, json_response

pytestmark = pytest.mark.anyio

GROUPS = ("integrations", "exception_logs", "shop_order_statuses", "status_mapping")
GROUP_CLASSES = (
    _resources.Integrations,
    _resources.ExceptionLogs,
    _resources.ShopOrderStatuses,
    _resources.StatusMappings,
)
# One class per group serves both clients, parametrised by the client's sender.
SENDERS: dict[type[Any], type[Any]] = {sc.Client: SyncSender, sc.AsyncClient: AsyncSender}
EXPECTED_TYPES = {
    cls: tuple(group[sender] for group in GROUP_CLASSES) for cls, sender in SENDERS.items()
}


@pytest.fixture(params=MODES)
def h(request: pytest.FixtureRequest) -> Harness:
    return Harness(request.param)


@pytest.mark.parametrize("cls", [sc.Client, sc.AsyncClient], ids=lambda c: c.__name__)
def test_resource_attributes_are_declared_on_the_class(cls: type[Any]) -> None:
    """The four resource groups are class annotations naming their resource classes."""
    # Strings (postponed evaluation): resolving them imports the resources, which the
    # package otherwise loads only with the first client.
    expected = dict(zip(GROUPS, EXPECTED_TYPES[cls], strict=True))
    assert list(cls.__annotations__) == list(GROUPS)
    assert all(isinstance(hint, str) for hint in cls.__annotations__.values())
    assert typing.get_type_hints(cls) == expected


@pytest.mark.parametrize("cls", [sc.Client, sc.AsyncClient], ids=lambda c: c.__name__)
def test_help_names_every_resource_group(cls: type[Any]) -> None:
    """help(sc.Client) / help(sc.AsyncClient) mentions each resource attribute."""
    text = pydoc.render_doc(cls, renderer=pydoc.plaintext)
    for name in GROUPS:
        assert name in text


async def test_bound_resources_have_the_declared_types(h: Harness) -> None:
    """A constructed client's attributes are instances of the annotated resource classes."""
    client = h.client(Recorder([httpx.Response(204)]))
    cls = type(client)
    for name, expected in zip(GROUPS, EXPECTED_TYPES[cls], strict=True):
        group = getattr(client, name)
        assert type(group) is typing.get_origin(expected)
        assert type(group._sender) is SENDERS[cls]
    await h.close(client)


async def test_with_options_builds_its_view_through_the_constructor(h: Harness) -> None:
    """with_options runs __init__ (a subclass's too) and shares the original's httpx client."""
    base = sc.Client if not h.is_async else sc.AsyncClient
    built: list[dict[str, Any]] = []

    class Recording(base):  # type: ignore[valid-type, misc]
        def __init__(self, **kwargs: Any) -> None:
            built.append(kwargs)
            super().__init__(**kwargs)

    recorder = Recorder([json_response(200, {"data": {"id": 1}})])
    transport = httpx.MockTransport(recorder)  # serves httpx.Client and httpx.AsyncClient
    client = Recording(base_url="http://localhost/api/v3", transport=transport, max_retries=3)
    view = client.with_options(max_retries=0, timeout=7.0)
    assert type(view) is Recording
    assert len(built) == 2
    assert built[1]["http_client"] is client._http
    assert (view.max_retries, view.timeout.read, client.max_retries) == (0, 7.0, 3)
    await h.run(view.integrations.get(1))
    assert len(recorder.requests) == 1
    # The view does not own the shared httpx client: closing it leaves the original usable.
    await h.close(view)
    await h.run(client.integrations.get(1))
    await h.close(client)
