"""Faults a test switches on, globally or for one route, and counts of every one injected.

A route is named like ``"GET /integrations/{id}"`` (method and spec path), by its
spec operationId, or by its spec path alone (every method). A rule without a
route covers every API route; the token endpoint only gets faults aimed at
``"POST /oauth2/token/"``, so a global fault never hides an auth flow by accident.
"""

from __future__ import annotations

import functools
import threading
from collections import Counter
from dataclasses import dataclass

from ._http import ApiError, Breakage, ErrorItem, SandboxResponse
from ._oauth import TOKEN_PATH
from ._spec import routing_table

LATENCY = "latency"
RATE_LIMIT = "rate_limit"
SERVER_ERROR = "server_error"
DROP_CONNECTION = "drop_connection"
TRUNCATED_JSON = "truncated_json"
TOKEN_EXPIRY = "token_expiry"

_SERVER_ERRORS = {
    500: ("Internal Server Error", "A server error occurred."),
    502: ("Bad Gateway", "The upstream service answered badly."),
    503: ("Service Unavailable", "The service is temporarily unavailable."),
}


@functools.cache
def valid_routes() -> frozenset[str]:
    """Every name a rule's ``route=`` may use: ``METHOD /path``, the spec path, operationId."""
    names = {f"POST {TOKEN_PATH}", TOKEN_PATH}
    for entry in routing_table():
        names.add(entry.template)
        for op in entry.operations.values():
            names.update((op.route, op.operation_id))
    return frozenset(names)


@dataclass(frozen=True)
class Target:
    """The request a rule is matched against."""

    route: str  # "GET /integrations/{id}" or "POST /oauth2/token/"
    operation_id: str | None
    is_api: bool

    def names(self) -> set[str]:
        template = self.route.partition(" ")[2]
        return {self.route, template} | ({self.operation_id} if self.operation_id else set())


@dataclass
class FaultRule:
    """One switched-on fault; ``times=None`` keeps it on until removed or cleared."""

    kind: str
    route: str | None = None
    times: int | None = None
    skip: int = 0
    seconds: float = 0.0
    status: int = 0
    retry_after: int = 0
    after: int = 0
    _seen: int = 0

    def matches(self, target: Target) -> bool:
        if self.times is not None and self.times <= 0:
            return False
        return target.is_api if self.route is None else self.route in target.names()

    def fire(self) -> bool:
        """Count a matching request; True when this one gets the fault."""
        self._seen += 1
        threshold = self.after if self.kind == TOKEN_EXPIRY else self.skip
        if self._seen <= threshold:
            return False
        if self.kind == TOKEN_EXPIRY:
            self._seen = 0  # the next expiry comes after another `after` requests
        if self.times is not None:
            self.times -= 1
        return True


@dataclass(frozen=True)
class InjectedFault:
    kind: str
    route: str
    status: int | None = None


class FaultInjector:
    """Switch faults on and read what was injected (``count``, ``counts``, ``injected``)."""

    def __init__(self) -> None:
        self._rules: list[FaultRule] = []
        self._injected: list[InjectedFault] = []
        self._lock = threading.Lock()

    def _add(self, rule: FaultRule) -> FaultRule:
        if rule.route is not None and rule.route not in valid_routes():
            # A rule aimed at no route never fires: the test using it would pass untested.
            names = sorted(valid_routes())
            raise ValueError(f"unknown fault route {rule.route!r}; use one of: " + ", ".join(names))
        with self._lock:
            self._rules.append(rule)
        return rule

    def latency(
        self, seconds: float, *, route: str | None = None, times: int | None = None, skip: int = 0
    ) -> FaultRule:
        """Delay responses by ``seconds`` (slept with the sandbox's sleep function)."""
        return self._add(FaultRule(LATENCY, route, times, skip, seconds=seconds))

    def rate_limit(
        self,
        retry_after: int = 1,
        *,
        route: str | None = None,
        times: int | None = None,
        skip: int = 0,
    ) -> FaultRule:
        """Answer 429 with ``Retry-After: retry_after`` instead of handling the request."""
        return self._add(
            FaultRule(RATE_LIMIT, route, times, skip, status=429, retry_after=retry_after)
        )

    def server_error(
        self,
        status: int = 503,
        *,
        route: str | None = None,
        times: int | None = None,
        skip: int = 0,
    ) -> FaultRule:
        """Answer 500, 502 or 503 instead of handling the request."""
        if status not in _SERVER_ERRORS:
            raise ValueError(f"status must be one of {sorted(_SERVER_ERRORS)}")
        return self._add(FaultRule(SERVER_ERROR, route, times, skip, status=status))

    def drop_connection(
        self, *, route: str | None = None, times: int | None = None, skip: int = 0
    ) -> FaultRule:
        """Handle the request, then close the connection halfway through the response body."""
        return self._add(FaultRule(DROP_CONNECTION, route, times, skip))

    def truncate_json(
        self, *, route: str | None = None, times: int | None = None, skip: int = 0
    ) -> FaultRule:
        """Handle the request, then send a complete message whose JSON body is cut short."""
        return self._add(FaultRule(TRUNCATED_JSON, route, times, skip))

    def expire_token_after(
        self, requests: int, *, route: str | None = None, times: int | None = 1
    ) -> FaultRule:
        """Let ``requests`` Bearer-authenticated requests through, then expire the token used."""
        return self._add(FaultRule(TOKEN_EXPIRY, route, times, after=requests))

    def remove(self, rule: FaultRule) -> None:
        with self._lock:
            self._rules = [r for r in self._rules if r is not rule]

    def clear(self) -> None:
        """Switch every fault off and forget the counts."""
        with self._lock:
            self._rules.clear()
            self._injected.clear()

    @property
    def injected(self) -> list[InjectedFault]:
        with self._lock:
            return list(self._injected)

    @property
    def counts(self) -> Counter[str]:
        """Injected faults by kind."""
        return Counter(f.kind for f in self.injected)

    def count(self, kind: str | None = None, route: str | None = None) -> int:
        return sum(
            1
            for f in self.injected
            if (kind is None or f.kind == kind) and (route is None or f.route == route)
        )

    def _fire(self, target: Target, kinds: tuple[str, ...], first_only: bool) -> list[FaultRule]:
        fired: list[FaultRule] = []
        with self._lock:
            for rule in self._rules:
                if rule.kind in kinds and rule.matches(target) and rule.fire():
                    fired.append(rule)
                    self._injected.append(
                        InjectedFault(rule.kind, target.route, rule.status or None)
                    )
                    if first_only:
                        break
        return fired

    def before(self, target: Target) -> tuple[float, SandboxResponse | None]:
        """Delay to add, and an error response that replaces handling, if any."""
        delay = sum(r.seconds for r in self._fire(target, (LATENCY,), first_only=False))
        fired = self._fire(target, (RATE_LIMIT, SERVER_ERROR), first_only=True)
        if not fired:
            return delay, None
        rule = fired[0]
        if rule.kind == RATE_LIMIT:
            item = ErrorItem("throttled", "Too Many Requests", "Request was throttled.")
            error = ApiError(429, [item], {"Retry-After": str(rule.retry_after)})
        else:
            title, detail = _SERVER_ERRORS[rule.status]
            error = ApiError(rule.status, [ErrorItem("server_error", title, detail)])
        return delay, error.response()

    def breakage(self, target: Target, *, has_body: bool) -> Breakage:
        """How to spoil the response on its way out (a body-less one cannot be truncated)."""
        kinds = (DROP_CONNECTION, TRUNCATED_JSON) if has_body else (DROP_CONNECTION,)
        for rule in self._fire(target, kinds, first_only=True):
            return Breakage.DROP if rule.kind == DROP_CONNECTION else Breakage.TRUNCATE
        return Breakage.NONE

    def token_expires(self, target: Target) -> bool:
        """True when the Bearer token of this request is to expire now."""
        return bool(self._fire(target, (TOKEN_EXPIRY,), first_only=True))
