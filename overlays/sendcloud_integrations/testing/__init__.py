"""A local sandbox of the Integrations API v3, for tests that must not reach Sendcloud.

Install with ``pip install "sendcloud-integrations[sandbox]"``. Two ways to run it,
sharing one request handler:

- in-process: ``httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url)``
  (the transport is sync and async);
- over real HTTP on loopback: ``with Sandbox().serve() as server: server.base_url``, or
  ``python -m sendcloud_integrations.testing --port 0``.

Pytest fixtures ``sandbox`` and ``sandbox_server`` come with the package's pytest plugin.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._clock import ManualClock, system_clock
    from ._faults import (
        DROP_CONNECTION,
        LATENCY,
        RATE_LIMIT,
        SERVER_ERROR,
        TOKEN_EXPIRY,
        TRUNCATED_JSON,
        FaultInjector,
        FaultRule,
        InjectedFault,
    )
    from ._http import SandboxRequest, SandboxResponse
    from ._oauth import Credentials
    from ._rules import PROSE_RULES, ProseRule
    from ._sandbox import Sandbox
    from ._seed import API_ID, PRESTASHOP_ID, SHOPIFY_ID, WOOCOMMERCE_ID
    from ._server import SandboxServer
    from ._spec import spec_path
    from ._transport import SandboxTransport

# Names are imported on first use: the pytest plugin below this package is loaded
# by pytest in every project that installs the SDK, with or without the sandbox extra.
_HOMES = {
    "ManualClock": "_clock",
    "system_clock": "_clock",
    "DROP_CONNECTION": "_faults",
    "LATENCY": "_faults",
    "RATE_LIMIT": "_faults",
    "SERVER_ERROR": "_faults",
    "TOKEN_EXPIRY": "_faults",
    "TRUNCATED_JSON": "_faults",
    "FaultInjector": "_faults",
    "FaultRule": "_faults",
    "InjectedFault": "_faults",
    "SandboxRequest": "_http",
    "SandboxResponse": "_http",
    "Credentials": "_oauth",
    "PROSE_RULES": "_rules",
    "ProseRule": "_rules",
    "Sandbox": "_sandbox",
    "API_ID": "_seed",
    "PRESTASHOP_ID": "_seed",
    "SHOPIFY_ID": "_seed",
    "WOOCOMMERCE_ID": "_seed",
    "SandboxServer": "_server",
    "spec_path": "_spec",
    "SandboxTransport": "_transport",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    try:
        module = importlib.import_module(f"{__name__}.{home}")
    except ImportError as error:
        raise ImportError(
            f"{error}; the sandbox needs the extra: pip install 'sendcloud-integrations[sandbox]'"
        ) from error
    return getattr(module, name)


__all__ = [
    "API_ID",
    "DROP_CONNECTION",
    "LATENCY",
    "PRESTASHOP_ID",
    "PROSE_RULES",
    "RATE_LIMIT",
    "SERVER_ERROR",
    "SHOPIFY_ID",
    "TOKEN_EXPIRY",
    "TRUNCATED_JSON",
    "WOOCOMMERCE_ID",
    "Credentials",
    "FaultInjector",
    "FaultRule",
    "InjectedFault",
    "ManualClock",
    "ProseRule",
    "Sandbox",
    "SandboxRequest",
    "SandboxResponse",
    "SandboxServer",
    "SandboxTransport",
    "spec_path",
    "system_clock",
]
