"""Robustness of error handling: random bodies of every documented error response.

``Prefer: code=<status>`` makes Prism answer with that documented response,
its body generated at random from the spec's ``errors`` schema (``errors``
an array or an object, ``status`` any string, extra properties). The client
must raise the APIError subclass of the status with parsed ErrorDetails, and
nothing else.
"""

from __future__ import annotations

import pytest
import sendcloud_integrations as sc

from ._cases import async_client, sync_client
from ._judge import Recorder
from ._prism import PrismServer
from ._robust import BY_OPERATION, ErrorCheck, Robust, judge
from ._spec_routes import spec
from .conftest import Tally

SYNC_RUNS = 10
ASYNC_RUNS = 5
ERROR_CLASSES: dict[int, type[sc.APIError]] = {
    400: sc.BadRequestError,
    401: sc.AuthenticationError,
    403: sc.PermissionDeniedError,
    404: sc.NotFoundError,
    409: sc.ConflictError,
    429: sc.RateLimitError,
}


def _documented_errors() -> list[tuple[str, int]]:
    found = []
    for item in spec()["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and "operationId" in op:
                found += [(op["operationId"], int(s)) for s in op["responses"] if int(s) >= 400]
    return sorted(found)


ERROR_PARAMS = [
    pytest.param(op_id, status, id=f"{op_id.rsplit('-', 1)[-1]}-{status}")
    for op_id, status in _documented_errors()
]


def _expected(status: int) -> type[sc.APIError]:
    return ERROR_CLASSES.get(status, sc.ServerError if status >= 500 else sc.APIError)


def _check(status: int) -> dict[type[Exception], ErrorCheck]:
    def check(exc: Exception) -> None:
        # A log list's error is the status's class in its Paginated twin (resume_cursor).
        own = type(exc).__mro__[1] if isinstance(exc, sc.PaginationError) else type(exc)
        assert own is _expected(status), f"{type(exc).__name__} for HTTP {status}"
        assert isinstance(exc, sc.APIError)
        assert exc.status_code == status
        assert all(isinstance(detail, sc.ErrorDetail) for detail in exc.errors)
        assert all(isinstance(code, str) for code in exc.codes)

    return {sc.APIError: check}


def test_every_operation_with_documented_errors_is_exercised() -> None:
    """Each documented error status belongs to an operation the robustness table calls."""
    assert {op_id for op_id, _ in _documented_errors()} <= set(BY_OPERATION)
    assert {status for _, status in _documented_errors()} <= set(ERROR_CLASSES)


@pytest.mark.parametrize(("operation_id", "status"), ERROR_PARAMS)
def test_sync_client_types_random_error_bodies(
    prism_dynamic: PrismServer, tally: Tally, operation_id: str, status: int
) -> None:
    """Each random documented error body raises that status's APIError subclass."""
    robust: Robust = BY_OPERATION[operation_id]
    recorder = Recorder()
    prefer = {"Prefer": f"code={status}"}
    with sync_client(prism_dynamic.base_url, recorder, prefer) as client:
        outcomes = [
            judge(robust, recorder, robust.call_sync(client), _check(status), result_allowed=False)
            for _ in range(SYNC_RUNS)
        ]
    tally[operation_id].update(outcomes)
    assert [e.response.status_code for e in recorder.exchanges] == [status] * SYNC_RUNS


@pytest.mark.anyio
@pytest.mark.parametrize(("operation_id", "status"), ERROR_PARAMS)
async def test_async_client_types_random_error_bodies(
    prism_dynamic: PrismServer, tally: Tally, operation_id: str, status: int
) -> None:
    """The async client raises the same typed errors for random error bodies."""
    robust: Robust = BY_OPERATION[operation_id]
    recorder = Recorder()
    prefer = {"Prefer": f"code={status}"}
    async with async_client(prism_dynamic.base_url, recorder, prefer) as client:
        outcomes = [
            judge(
                robust,
                recorder,
                await robust.call_async(client),
                _check(status),
                result_allowed=False,
            )
            for _ in range(ASYNC_RUNS)
        ]
    tally[operation_id].update(outcomes)
    assert [e.response.status_code for e in recorder.exchanges] == [status] * ASYNC_RUNS
