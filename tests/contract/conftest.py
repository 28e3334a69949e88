"""Prism servers for the contract suite, and its summary of the responses tried.

Two mock servers of openapi/integrations.yaml run for the whole session:
``prism`` answers with the spec's examples (request conformance), and
``prism_dynamic`` (``-d``) with random responses valid against the schemas
(response robustness). Both stop when the session ends, failed or not.
"""

from __future__ import annotations

import collections
from collections.abc import Iterator

import pytest

from ._prism import PrismServer, PrismUnavailable

# operationId -> outcome ("parsed", "ResponseValidationError", ...) -> count
Tally = dict[str, collections.Counter[str]]
_tally: Tally = collections.defaultdict(collections.Counter)


def _serve(*flags: str) -> Iterator[PrismServer]:
    server = PrismServer(*flags)
    try:
        server.start()
    except PrismUnavailable as exc:
        # Never a skip: the contract session exists to run these.
        pytest.fail(str(exc), pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def prism() -> Iterator[PrismServer]:
    """Prism answering with the spec's examples, validating every request."""
    yield from _serve()


@pytest.fixture(scope="session")
def prism_dynamic() -> Iterator[PrismServer]:
    """Prism answering with random schema-valid responses (``-d``)."""
    yield from _serve("--dynamic")


@pytest.fixture(scope="session")
def tally() -> Tally:
    """Outcomes of the response-robustness runs, printed at the end of the session."""
    return _tally


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _tally:
        return
    terminalreporter.section("Prism dynamic responses tried, per operation")
    total = 0
    for operation_id in sorted(_tally):
        counts = _tally[operation_id]
        tried = sum(counts.values())
        total += tried
        detail = ", ".join(f"{outcome} {n}" for outcome, n in sorted(counts.items()))
        terminalreporter.write_line(f"{operation_id}: {tried} tried ({detail})")
    terminalreporter.write_line(f"total: {total} responses tried")
