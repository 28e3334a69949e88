"""Client and AsyncClient: one constructor, declared resource groups, real with_options views."""

from __future__ import annotations

import pydoc
import typing
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations import _async_resources, _resources

from ._client_harness import MODES, Harness, Recorder, json_response

pytestmark = pytest.mark.anyio

GROUPS = ("integrations", "exception_logs", "shop_order_statuses", "status_mapping")
EXPECTED_TYPES = {
    sc.Client: (
        _resources.Integrations,
        _resources.ExceptionLogs,
        _resources.ShopOrderStatuses,
        _resources.StatusMappings,
    ),
    sc.AsyncClient: (
        _async_resources.AsyncIntegrations,
        _async_resources.AsyncExceptionLogs,
        _async_resources.AsyncShopOrderStatuses,
        _async_resources.AsyncStatusMappings,
    ),
}


@pytest.fixture(params=MODES)
def h(request: pytest.FixtureRequest) -> Harness:
    return Harness(request.param)


@pytest.mark.parametrize("cls", [sc.Client, sc.AsyncClient], ids=lambda c: c.__name__)
def test_resource_attributes_are_declared_for_type_checkers_only(cls: type[Any]) -> None:
    """The resource groups are no runtime annotations, so get_type_hints loads no resources."""
    # Type checkers see them (tests/typing/check_public_api.py asserts their types);
    # a runtime annotation would make typing.get_type_hints, which the package runs on
    # each public class at import, import the resources the first client loads.
    assert not set(GROUPS) & set(typing.get_type_hints(cls))
    client = cls()
    for name, group in zip(GROUPS, EXPECTED_TYPES[cls], strict=True):
        assert type(getattr(client, name)) is group


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
        assert type(getattr(client, name)) is expected
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
