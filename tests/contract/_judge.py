"""Prism's verdict on the requests the client sent.

Prism validates every request against the spec. It refuses an invalid one
with the operation's own 400 response (listing the violations in the
``sl-violations`` header) or, when the operation documents none, with 422 and
a problem document whose ``validation`` array lists them. Either way each
violation has a location (``["query", "page_size"]``) and a message; the
verdict puts them, with the operationId, into the assertion message.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from ._spec_routes import operation_for


@dataclass(frozen=True)
class Exchange:
    """One request as it went over the wire, and Prism's answer."""

    request: httpx.Request
    response: httpx.Response

    @property
    def operation_id(self) -> str:
        return operation_for(self.request.method, self.request.url.path)

    def body(self) -> Any:
        return json.loads(self.request.content) if self.request.content else None


@dataclass
class Recorder:
    """Everything sent through the recording transports, in order."""

    exchanges: list[Exchange] = field(default_factory=list)

    def mark(self) -> int:
        return len(self.exchanges)

    def since(self, mark: int) -> list[Exchange]:
        return self.exchanges[mark:]


class RecordingTransport(httpx.BaseTransport):
    """Sends through a real HTTP transport and records each exchange with its body.

    ``headers`` are added to every request: ``Prefer: code=404`` asks Prism
    for that documented response instead of the first 2xx.
    """

    def __init__(self, recorder: Recorder, headers: Mapping[str, str] | None = None) -> None:
        self._inner = httpx.HTTPTransport()
        self._recorder = recorder
        self._headers = dict(headers or {})

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.headers.update(self._headers)
        response = self._inner.handle_request(request)
        response.read()  # keep the body for the verdict; the client reads the cached copy
        self._recorder.exchanges.append(Exchange(request, response))
        return response

    def close(self) -> None:
        self._inner.close()


class AsyncRecordingTransport(httpx.AsyncBaseTransport):
    """The async twin of :class:`RecordingTransport`."""

    def __init__(self, recorder: Recorder, headers: Mapping[str, str] | None = None) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self._recorder = recorder
        self._headers = dict(headers or {})

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        request.headers.update(self._headers)
        response = await self._inner.handle_async_request(request)
        await response.aread()
        self._recorder.exchanges.append(Exchange(request, response))
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


def violations(response: httpx.Response) -> list[str]:
    """Prism's request violations in this answer, as ``location: message (code)``."""
    found: list[dict[str, Any]] = []
    header = response.headers.get("sl-violations")
    if header:
        found.extend(json.loads(header))
    if response.status_code == 422 and "problem+json" in response.headers.get("content-type", ""):
        found.extend(json.loads(response.content).get("validation", []))
    result = []
    for item in found:
        location = list(item.get("location", []))
        # Violations of Prism's own answer (response.*) judge the spec's examples, not us.
        if location[:1] == ["response"]:
            continue
        if location[:1] == ["request"]:
            location = location[1:]
        where = ".".join(str(part) for part in location) or "request"
        result.append(f"{where}: {item.get('message')} ({item.get('code')})")
    return result


def verdict(exchanges: list[Exchange], *, expect_success: bool = True) -> list[str]:
    """One line per refused request: operationId, method, path, every violation.

    With ``expect_success`` a non-2xx answer without violations is refused too;
    without it (an error status asked for with ``Prefer``) only violations count.
    """
    lines: list[str] = []
    for exchange in exchanges:
        found = violations(exchange.response)
        status = exchange.response.status_code
        if not found and (200 <= status < 300 or not expect_success):
            continue
        request = exchange.request
        head = f"{exchange.operation_id} ({request.method} {request.url.path}) -> HTTP {status}"
        if found:
            lines.extend(f"{head}: {v}" for v in found)
        else:
            lines.append(f"{head} without violations; body: {exchange.response.text[:500]}")
    return lines


def assert_conforms(exchanges: list[Exchange], what: str, *, expect_success: bool = True) -> None:
    """Fail, naming operation and field, unless Prism accepted every request."""
    if not exchanges:
        raise AssertionError(f"{what}: no request reached Prism")
    problems = verdict(exchanges, expect_success=expect_success)
    if problems:
        raise AssertionError(f"{what}: Prism refused the request:\n  " + "\n  ".join(problems))
