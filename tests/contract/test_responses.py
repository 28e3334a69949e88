"""Response robustness: random schema-valid 2xx responses from Prism (``-d``).

Every operation is called many times; each answer must either become the
method's models (which must also serialise back with ``to_dict()``), or raise
``ResponseValidationError`` with a reason. A bare TypeError, KeyError,
AttributeError, or any other exception fails the test with Prism's body.

Typed errors accepted, and why:
- ResponseValidationError: the body is not what the spec promises (Prism's
  faker can bend a schema), or not what the client can represent.
- PaginationError (log listings only): Prism fills the ``Link`` header with
  random text; a ``rel="next"`` link to another origin, or one seen twice,
  must be refused rather than followed.
Counts per operation are printed at the end of the session.
"""

from __future__ import annotations

import pytest
import sendcloud_integrations as sc

from ._cases import async_client, sync_client
from ._judge import Recorder
from ._prism import PrismServer
from ._robust import ROBUST, ErrorCheck, Robust, has_reason, judge, typed
from .conftest import Tally

SYNC_RUNS = 40
ASYNC_RUNS = 10
ROBUST_PARAMS = [pytest.param(r, id=r.operation_id.rsplit("-", 1)[-1]) for r in ROBUST]


def _accepted(robust: Robust) -> dict[type[Exception], ErrorCheck]:
    accept: dict[type[Exception], ErrorCheck] = {sc.ResponseValidationError: has_reason}
    if robust.first_page:
        accept[sc.PaginationError] = typed
    return accept


@pytest.mark.parametrize("robust", ROBUST_PARAMS)
def test_sync_client_survives_random_valid_responses(
    prism_dynamic: PrismServer, tally: Tally, robust: Robust
) -> None:
    """Each random 2xx becomes models or a ResponseValidationError, never a bare error."""
    recorder = Recorder()
    with sync_client(prism_dynamic.base_url, recorder) as client:
        outcomes = [
            judge(robust, recorder, robust.call_sync(client), _accepted(robust))
            for _ in range(SYNC_RUNS)
        ]
    tally[robust.operation_id].update(outcomes)
    assert len(recorder.exchanges) == SYNC_RUNS  # one real answer judged per run


@pytest.mark.anyio
@pytest.mark.parametrize("robust", ROBUST_PARAMS)
async def test_async_client_survives_random_valid_responses(
    prism_dynamic: PrismServer, tally: Tally, robust: Robust
) -> None:
    """The async client, too, turns each random 2xx into models or a typed error."""
    recorder = Recorder()
    async with async_client(prism_dynamic.base_url, recorder) as client:
        outcomes = [
            judge(robust, recorder, await robust.call_async(client), _accepted(robust))
            for _ in range(ASYNC_RUNS)
        ]
    tally[robust.operation_id].update(outcomes)
    assert len(recorder.exchanges) == ASYNC_RUNS
