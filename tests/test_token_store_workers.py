"""Many processes, one token: 8 forked workers x 4 threads or 4 tasks share a Redis or file store.

The sandbox runs over loopback in the test process and counts every request
its token endpoint answers. Workers read a clock shared through memory, which
the test moves, so expiry needs no waiting.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sendcloud_integrations as sc
from sendcloud_integrations.testing import Sandbox

from .forked_workers import FORK, FORK_WARNING, Workers, task_worker, thread_worker, workers
from .token_store_support import redis_url, unique_prefix

pytestmark = pytest.mark.filterwarnings(FORK_WARNING)

PROCESSES = 8
PER_PROCESS = 4
START = 1_000_000.0


def make_store_factory(kind: str, tmp_path: Path) -> Callable[[], sc.TokenStore]:
    if kind == "redis":
        url, prefix = redis_url(), unique_prefix()
        return lambda: sc.RedisTokenStore(url, key_prefix=prefix)
    path = tmp_path / "tokens" / "store.json"
    return lambda: sc.FileTokenStore(path)


@pytest.fixture(params=["redis", "file"])
def store_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(params=["threads", "tasks"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


class Run:
    """Forked workers, then the loopback sandbox they call; rounds are run with ``round()``."""

    def __init__(self, group: Workers, sandbox: Sandbox, clock: object) -> None:
        self.group, self.sandbox, self.clock = group, sandbox, clock

    def round(self) -> list[str]:
        outcomes = [o for answer in self.group.ask_all("go") for o in answer]
        assert len(outcomes) == PROCESSES * PER_PROCESS
        return outcomes


@pytest.fixture
def run(store_kind: str, mode: str, tmp_path: Path) -> Iterator[Run]:
    sandbox = Sandbox()
    clock_value = FORK.Value("d", START, lock=False)

    def clock() -> float:
        return float(clock_value.value)

    make_store = make_store_factory(store_kind, tmp_path)
    worker = thread_worker if mode == "threads" else task_worker
    # Forked before the sandbox server starts its threads.
    with (
        workers(PROCESSES, worker(sandbox, make_store, clock, PER_PROCESS)) as group,
        sandbox.serve() as server,
    ):
        answers = group.ask_all((server.base_url, server.token_url))
        assert answers == ["ready"] * PROCESSES
        yield Run(group, sandbox, clock_value)


def test_a_cold_start_of_32_callers_in_8_processes_sends_one_token_request(run: Run) -> None:
    """8 processes x 4 threads (or tasks) on an empty store: one token request, all succeed."""
    # The fetch takes a while, so the other 31 callers really do wait for it.
    run.sandbox.faults.latency(0.3, route="POST /oauth2/token/", times=1)
    assert run.round() == ["ok"] * 32
    assert run.sandbox.tokens.requests == 1


def test_expiry_is_refreshed_once_across_processes(run: Run) -> None:
    """Past refresh_at (leeway before expiry) on the shared clock: one refresh for 8 processes."""
    assert run.round() == ["ok"] * 32
    run.clock.value = START + 3600 - 60 - 1  # type: ignore[attr-defined]
    assert run.round() == ["ok"] * 32
    assert run.sandbox.tokens.requests == 1
    run.clock.value = START + 3600 - 60  # type: ignore[attr-defined]
    assert run.round() == ["ok"] * 32
    assert run.sandbox.tokens.requests == 2


def test_a_revoked_token_is_refreshed_once_for_every_process_that_held_it(run: Run) -> None:
    """All 32 callers get a 401 for the revoked token: exactly one refresh, then all succeed."""
    assert run.round() == ["ok"] * 32
    run.sandbox.revoke_tokens()
    assert run.round() == ["ok"] * 32
    assert run.sandbox.tokens.requests == 2
