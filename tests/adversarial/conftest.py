"""Hypothesis profiles of the adversarial suite and the per-invariant input counts.

The default profile keeps the suite well under a minute on a loaded 2-core machine;
``nox -s fuzz`` selects the ``fuzz`` profile (many more examples per property).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from ._support import COUNTS

_COMMON = dict(
    deadline=None,
    derandomize=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.register_profile("adversarial", max_examples=25, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("fuzz", max_examples=1500, **_COMMON)  # type: ignore[arg-type]
settings.load_profile(os.environ.get("SENDCLOUD_FUZZ_PROFILE", "adversarial"))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not COUNTS:
        return
    terminalreporter.section("adversarial inputs seen per invariant")
    for invariant, count in sorted(COUNTS.items()):
        terminalreporter.write_line(f"{count:>7}  {invariant}")
