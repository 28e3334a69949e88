"""Which exit status and one-line message each kind of failure becomes (in-process, fast).

The errors are the real ones: raised by a client talking to an in-process sandbox
with faults switched on, not built by hand.
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Callable

import pytest
import sendcloud_integrations as sc
from sendcloud_integrations._cli import _commands
from sendcloud_integrations._cli._app import run
from sendcloud_integrations._cli._errors import CommandError, ExitCode, describe
from sendcloud_integrations.testing import Sandbox


def _raised(arrange: Callable[[Sandbox], object], call: Callable[[sc.Client], object]) -> Exception:
    sandbox = Sandbox()
    arrange(sandbox)
    creds = sandbox.credentials
    auth = sc.BasicAuth(creds.public_key, creds.secret_key)
    with sc.Client(
        auth=auth, base_url=sandbox.base_url, transport=sandbox.transport(), max_retries=0
    ) as client:
        try:
            call(client)
        except Exception as exc:
            return exc
    raise AssertionError("the call did not fail")


def _nothing(sandbox: Sandbox) -> None:
    pass


CASES = [
    (
        "not found",
        _nothing,
        lambda c: c.integrations.get(999),
        ExitCode.API_ERROR,
        "404 not_found: ",
    ),
    (
        "server error",
        lambda s: s.faults.server_error(503),
        lambda c: c.integrations.list(),
        ExitCode.API_ERROR,
        "503 ",
    ),
    (
        "rate limited",
        lambda s: s.faults.rate_limit(7),
        lambda c: c.integrations.list(),
        ExitCode.API_ERROR,
        "(retry after 7 s)",
    ),
    (
        "no answer",
        lambda s: s.faults.drop_connection(),
        lambda c: c.integrations.list(),
        ExitCode.API_ERROR,
        "could not reach the API: ",
    ),
    (
        "bad body",
        lambda s: s.faults.truncate_json(),
        lambda c: c.integrations.get(251),
        ExitCode.API_ERROR,
        "unexpected response body",
    ),
    (
        "refused argument",
        _nothing,
        lambda c: c.shop_order_statuses.list(251, language="xx-xx"),
        ExitCode.USAGE,
        "language",
    ),
]


@pytest.mark.parametrize(
    ("arrange", "call", "code", "text"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_failure_has_its_exit_status_and_a_one_line_message(
    arrange: Callable[[Sandbox], object],
    call: Callable[[sc.Client], object],
    code: ExitCode,
    text: str,
) -> None:
    """API errors exit 1, arguments the spec refuses 2; the message is one line naming why."""
    message, got = describe(_raised(arrange, call))
    assert got == code
    assert text in message
    assert "\n" not in message


def test_a_bug_exits_70_with_one_line_and_a_traceback_only_with_debug(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An exception the command did not expect is reported as a bug, traceback on --debug."""

    def broken(*args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(_commands, "integrations_list", broken)
    for argv, traceback_shown in ((["--sandbox"], False), (["--sandbox", "--debug"], True)):
        stdout, stderr = io.StringIO(), io.StringIO()
        code = run(
            [*argv, "integrations", "list"], stdin=io.StringIO(), stdout=stdout, stderr=stderr
        )
        assert code == ExitCode.INTERNAL == 70
        last = stderr.getvalue().splitlines()[-1]
        assert (
            last
            == "error: unexpected RuntimeError: boom (a bug: re-run with --debug and report it)"
        )
        assert ("Traceback" in stderr.getvalue()) is traceback_shown
        assert stdout.getvalue() == ""


def test_help_and_version_exit_0_and_a_missing_command_exits_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--help and --version are not errors; no command at all is a usage error."""
    assert run(["--version"]) == 0
    assert capsys.readouterr().out.startswith("sendcloud-integrations ")
    assert run(["logs", "export", "--help"]) == 0
    assert "--out FILE.jsonl" in capsys.readouterr().out
    stderr = io.StringIO()
    assert run([], stderr=stderr) == ExitCode.USAGE
    assert stderr.getvalue().startswith("error: the following arguments are required: COMMAND")


def test_command_errors_pickle_to_themselves() -> None:
    """A CommandError survives pickling with its message and exit status."""
    error = pickle.loads(pickle.dumps(CommandError("not deleted", ExitCode.DECLINED)))
    assert isinstance(error, CommandError)
    assert (str(error), error.code) == ("not deleted", ExitCode.DECLINED)
