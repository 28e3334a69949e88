"""The per-invariant input counts, printed at the end of the run (see _support.BUDGET)."""

from __future__ import annotations

import pytest

from ._support import COUNTS


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not COUNTS:
        return
    terminalreporter.section("adversarial inputs seen per invariant")
    for invariant, count in sorted(COUNTS.items()):
        terminalreporter.write_line(f"{count:>7}  {invariant}")
