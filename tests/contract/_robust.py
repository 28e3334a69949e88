"""Calling one operation many times against Prism's random answers, and judging each outcome.

An outcome is what one call returned or raised. The judge accepts a result
that passes the operation's model check, or one of the typed errors it is
given; anything else fails with the exception and Prism's raw answer, so a
failure can be replayed by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sendcloud_integrations as sc
from sendcloud_integrations._operations import (
    CREATE_LOG,
    DELETE_INTEGRATION,
    GET_INTEGRATION,
    GET_MAPPING,
    GET_STATUSES,
    LIST_ALL_LOGS,
    LIST_INTEGRATION_LOGS,
    LIST_INTEGRATIONS,
    REPLACE_STATUSES,
    SET_MAPPING,
    UPDATE_INTEGRATION,
)

from ._cases import CASES, ID, Case
from ._judge import Recorder, assert_conforms

Outcome = Callable[[], Any]  # returns the call's result, or raises what the call raised
ErrorCheck = Callable[[Exception], None]


def _models(kind: type[Any]) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        items = result.items if isinstance(result, sc.LogPage) else result
        assert isinstance(items, list), f"expected a list, got {type(items).__name__}"
        for item in items:
            _model(kind)(item)

    return check


def _model(kind: type[Any]) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        assert isinstance(result, kind), f"expected {kind.__name__}, got {type(result).__name__}"
        result.to_dict()  # a parsed model must serialise back without errors

    return check


def _nothing(result: Any) -> None:
    assert result is None, f"expected None, got {type(result).__name__}"


@dataclass(frozen=True)
class Robust:
    """One operation: the call that reaches it and what its 2xx result must be."""

    operation_id: str
    case: Case
    check: Callable[[Any], None]
    first_page: bool = False  # log listings: judge the first page, don't walk random links

    def call_sync(self, client: sc.Client) -> Outcome:
        try:
            result = self.case.bound(client)(*self.case.args, **self.case.kwargs)
            if self.first_page:
                result = next(iter(result.pages()))
        except Exception as exc:
            return _reraise(exc)
        return lambda: result

    async def call_async(self, client: sc.AsyncClient) -> Outcome:
        try:
            result = self.case.bound(client)(*self.case.args, **self.case.kwargs)
            if self.first_page:
                pages = result.pages()
                try:
                    result = await anext(pages)
                finally:
                    await pages.aclose()
            else:
                result = await result
        except Exception as exc:
            return _reraise(exc)
        return lambda: result


def _reraise(exc: Exception) -> Outcome:
    def outcome() -> Any:
        raise exc

    return outcome


def _case(name: str) -> Case:
    return next(case for case in CASES if case.name == name)


ROBUST = [
    Robust(LIST_INTEGRATIONS, _case("list-integrations-sorted"), _models(sc.Integration)),
    Robust(GET_INTEGRATION, _case("get-integration"), _model(sc.Integration)),
    Robust(UPDATE_INTEGRATION, _case("update-every-field"), _nothing),
    Robust(DELETE_INTEGRATION, _case("delete-integration"), _nothing),
    Robust(LIST_ALL_LOGS, _case("list-all-logs"), _models(sc.IntegrationLog), first_page=True),
    Robust(
        LIST_INTEGRATION_LOGS,
        Case("integration-logs", "exception_logs.list", (ID,), {"page_size": 10}),
        _models(sc.IntegrationLog),
        first_page=True,
    ),
    Robust(CREATE_LOG, _case("create-log-every-field"), _model(sc.IntegrationLog)),
    Robust(GET_STATUSES, _case("list-statuses-language"), _models(sc.ShopOrderStatus)),
    Robust(REPLACE_STATUSES, _case("replace-statuses"), _nothing),
    Robust(GET_MAPPING, _case("get-mapping"), _model(sc.StatusMapping)),
    Robust(SET_MAPPING, _case("set-mapping"), _nothing),
]
BY_OPERATION = {robust.operation_id: robust for robust in ROBUST}


def judge(
    robust: Robust,
    recorder: Recorder,
    outcome: Outcome,
    accept: dict[type[Exception], ErrorCheck],
    *,
    result_allowed: bool = True,
) -> str:
    """The outcome's name ("parsed" or the typed error's class); fails on anything else."""
    # A refused request makes the outcome meaningless: say so first, in Prism's words.
    what = f"{robust.case.name} ({robust.case.method})"
    assert_conforms(recorder.exchanges[-1:], what, expect_success=False)
    try:
        try:
            result = outcome()
        except tuple(accept) as exc:
            next(check for kind, check in accept.items() if isinstance(exc, kind))(exc)
            return type(exc).__name__
        assert result_allowed, f"returned {type(result).__name__} instead of raising"
        robust.check(result)
    except Exception as exc:
        answer = recorder.exchanges[-1].response if recorder.exchanges else None
        shown = f"HTTP {answer.status_code} {answer.text[:3000]}" if answer else "(none)"
        raise AssertionError(
            f"{robust.operation_id}: {type(exc).__name__}: {exc}\nPrism's answer: {shown}"
        ) from exc
    return "parsed"


def has_reason(exc: Exception) -> None:
    assert isinstance(exc, sc.ResponseValidationError)
    assert exc.reason, "ResponseValidationError without a reason"


def typed(error: Exception) -> None:
    """Any other accepted typed error needs no further check."""
