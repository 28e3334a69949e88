"""``logs list``, ``logs export`` (resumable, with a progress bar on a terminal) and ``logs tail``.

The installed script runs as a subprocess against a sandbox on loopback; the
crash-recovery cases of the export and the tail loop's edge cases call the same
functions in-process (no process start, no waiting: the sleep is injected).
"""

from __future__ import annotations

import io
import json
import re
import signal
import subprocess
import threading
from pathlib import Path

import pytest
import sendcloud_integrations as sc
from sendcloud_integrations._cli._errors import CommandError, ExitCode
from sendcloud_integrations._cli._export import checkpoint_path, export
from sendcloud_integrations._cli._logs import tail
from sendcloud_integrations._cli._output import Output
from sendcloud_integrations.testing import Sandbox, SandboxRequest, SandboxResponse

from ._cli_support import (
    TIMEOUT,
    assert_one_error_line,
    canary_sandbox,
    run_in_terminal,
    script,
    served,
)

LOGS_ROUTE = "GET /integrations/logs"


def _ids(path: Path) -> list[int]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def _newest_first(sandbox: Sandbox, integration_id: int | None = None) -> list[int]:
    """Every log id the sandbox holds, newest first (the order the API lists them in)."""
    records = [
        r
        for r in sandbox.state.logs.records.values()
        if integration_id is None or r.integration_id == integration_id
    ]
    return [r.id for r in sorted(records, key=lambda r: r.key, reverse=True)]


def test_logs_list_limit_and_the_printed_cursor_continue_without_gap_or_overlap() -> None:
    """--limit stops exactly; the cursor it prints on stderr continues from the next log."""
    with served() as cli:
        first = cli.run("logs", "list", "--limit", "150", "--json")
        assert first.returncode == 0, first.stderr
        cursor = re.search(r"--cursor (\S+)", first.stderr)
        assert cursor is not None, first.stderr
        rest = cli.run("logs", "list", "--limit", "1000", "--cursor", cursor[1], "--json")
        assert rest.returncode == 0, rest.stderr
        assert "--cursor" not in rest.stderr  # nothing more to continue with
        ids = [log["id"] for log in json.loads(first.stdout) + json.loads(rest.stdout)]
        assert len(json.loads(first.stdout)) == 150
        assert ids == _newest_first(cli.sandbox)

        one = cli.run("logs", "list", "--integration", "251", "--limit", "5")
        assert one.returncode == 0, one.stderr
        rows = [line.split("\t") for line in one.stdout.splitlines()]
        assert [int(r[0]) for r in rows] == _newest_first(cli.sandbox, 251)[:5]
        assert {r[1] for r in rows} == {"251"}


def test_export_resumes_after_a_failure_mid_run_with_no_log_lost_or_doubled(tmp_path: Path) -> None:
    """A 500 on the second page stops the export (exit 1); the re-run writes exactly the rest."""
    out = tmp_path / "logs.jsonl"
    with served() as cli:
        cli.sandbox.faults.server_error(500, route=LOGS_ROUTE, skip=1, times=1)
        failed = cli.run("logs", "export", "--out", str(out))
        assert_one_error_line(failed, 1, "error: 500")
        assert "re-run the same command to resume after log" in failed.stderr
        assert cli.sandbox.faults.count("server_error") == 1
        assert len(_ids(out)) == 100
        assert checkpoint_path(out).is_file()

        resumed = cli.run("logs", "export", "--out", str(out))
        assert resumed.returncode == 0, resumed.stderr
        assert (resumed.stdout, resumed.stderr) == ("", "")  # silent off a terminal
        assert _ids(out) == _newest_first(cli.sandbox)  # all 300, in order, once each

        again = cli.run("logs", "export", "--out", str(out), "--json")
        assert json.loads(again.stdout) == {"out": str(out), "logs": 300, "new": 0}
        assert _ids(out) == _newest_first(cli.sandbox)

        other = cli.run("logs", "export", "--out", str(out), "--integration", "251")
        assert_one_error_line(other, 2, "same --integration")
        nowhere = cli.run("logs", "export", "--out", str(tmp_path / "missing" / "logs.jsonl"))
        assert_one_error_line(nowhere, 2, "cannot write: No such file or directory")


def _client(sandbox: Sandbox) -> sc.Client:
    creds = sandbox.credentials
    return sc.Client(
        auth=sc.BasicAuth(creds.public_key, creds.secret_key),
        base_url=sandbox.base_url,
        transport=sandbox.transport(),
    )


def _output(stdin: str = "") -> tuple[Output, io.StringIO, io.StringIO]:
    stdout, stderr = io.StringIO(), io.StringIO()
    return Output(io.StringIO(stdin), stdout, stderr, json_mode=False), stdout, stderr


def test_export_after_a_crash_cuts_the_unfinished_page_and_truncated_line(tmp_path: Path) -> None:
    """Lines past the last checkpoint (part of a page, a cut-off line) are dropped, then fetched."""
    sandbox = Sandbox(log_count=250)
    out = tmp_path / "logs.jsonl"
    output, _, _ = _output()
    with _client(sandbox) as client:
        sandbox.faults.server_error(500, route=LOGS_ROUTE, skip=1, times=1)
        with pytest.raises(CommandError) as failed:
            export(client, out, None, output)
        assert failed.value.code == ExitCode.API_ERROR
        expected = _newest_first(sandbox)
        # A crash while writing page 2: 40 of its lines, then one cut short.
        with out.open("a", encoding="utf-8") as file:
            for log_id in expected[100:140]:
                file.write(json.dumps({"id": log_id, "base_url": "x"}) + "\n")
            file.write('{"id": 999, "base_u')
        point = export(client, out, None, output)
        assert point.done
        assert point.lines == 250
        assert _ids(out) == expected


class _InterruptedSandbox(Sandbox):
    """Ctrl-C arrives while the second page of logs is being fetched, once."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.listings = 0

    def handle(self, request: SandboxRequest) -> SandboxResponse:
        if request.method == "GET" and request.path.endswith("/logs"):
            self.listings += 1
            if self.listings == 2:
                raise KeyboardInterrupt
        return super().handle(request)


def test_export_interrupted_by_ctrl_c_says_how_to_resume_and_resumes(tmp_path: Path) -> None:
    """Ctrl-C mid-export propagates (exit 130 in main) after a note; the re-run completes it."""
    sandbox = _InterruptedSandbox(log_count=220)
    out = tmp_path / "logs.jsonl"
    output, _, stderr = _output()
    with _client(sandbox) as client:
        with pytest.raises(KeyboardInterrupt):
            export(client, out, None, output)
        assert stderr.getvalue().startswith("interrupted: 100 logs written this run, 100 in all")
        assert len(_ids(out)) == 100
        export(client, out, None, output)
    assert _ids(out) == _newest_first(sandbox)


def test_export_refuses_files_it_cannot_resume_safely(tmp_path: Path) -> None:
    """A foreign file, or an export changed since its checkpoint, is left untouched (exit 2)."""
    sandbox = Sandbox(log_count=150)
    output, _, _ = _output()
    foreign = tmp_path / "notes.jsonl"
    foreign.write_text('{"mine": true}\n', encoding="utf-8")
    out = tmp_path / "logs.jsonl"
    with _client(sandbox) as client:
        with pytest.raises(CommandError, match="not an unfinished export") as refused:
            export(client, foreign, None, output)
        assert refused.value.code == ExitCode.USAGE
        assert foreign.read_text(encoding="utf-8") == '{"mine": true}\n'

        sandbox.faults.server_error(500, route=LOGS_ROUTE, skip=1, times=1)
        with pytest.raises(CommandError):
            export(client, out, None, output)
        edited = "\n".join(out.read_text(encoding="utf-8").splitlines()[1:]) + "\n"
        out.write_text(edited, encoding="utf-8")  # someone removed the first line
        with pytest.raises(CommandError, match="no longer matches its checkpoint") as changed:
            export(client, out, None, output)
        assert changed.value.code == ExitCode.USAGE
        assert out.read_text(encoding="utf-8") == edited


def test_export_shows_a_progress_bar_with_count_and_rate_on_a_terminal(tmp_path: Path) -> None:
    """Under a pseudo-terminal the export draws its bar on stderr: the count and logs/s."""
    out = tmp_path / "logs.jsonl"
    with served() as cli:
        code, text = run_in_terminal("logs", "export", "--out", str(out), env=cli.env)
    assert code == 0, text
    assert "300 logs" in text
    assert re.search(r"[\d,]+ logs/s", text), text
    assert f"exported 300 logs to {out}" in text
    assert len(_ids(out)) == 300


class _GrowingSandbox(Sandbox):
    """Adds logs just before it answers the 2nd and 3rd log listing (a shop failing live)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.listings = 0
        self.listed = threading.Event()
        self.added: list[int] = []

    def handle(self, request: SandboxRequest) -> SandboxResponse:
        if request.method == "GET" and request.path.endswith("/logs"):
            self.listings += 1
            self.listed.set()
            # Two at the same instant, then one more at that instant: ties must not be
            # printed twice nor skipped; 1001's logs are not asked for.
            batches = {2: [(251, "2030-01-01T00:00:00Z"), (1001, "2030-01-01T00:00:00Z")]}
            batches[3] = [(251, "2030-01-01T00:00:00Z"), (251, "2030-01-01T00:00:01Z")]
            with _client(self) as client:
                for integration_id, created_at in batches.get(self.listings, []):
                    log = client.exception_logs.create(
                        integration_id, base_url="https://shop.example", created_at=created_at
                    )
                    if integration_id == 251:
                        self.added.append(log.id)
        return super().handle(request)


def test_tail_prints_each_new_log_once_oldest_first() -> None:
    """With logs added between polls, tail prints just those, in order, as JSON lines."""
    with served(_GrowingSandbox()) as cli:
        command = ["logs", "tail", "--integration", "251", "--json", "--interval", "0.01"]
        result = cli.run(*command, "--max-polls", "4")
        assert result.returncode == 0, result.stderr
        printed = [json.loads(line) for line in result.stdout.splitlines()]
        sandbox = cli.sandbox
        assert isinstance(sandbox, _GrowingSandbox)
        assert [log["id"] for log in printed] == sandbox.added
        assert len(sandbox.added) == 3
        assert sandbox.listings == 4


def test_tail_exits_130_on_ctrl_c_without_a_traceback() -> None:
    """SIGINT while tail waits for logs ends it with status 130 and nothing on stderr."""
    sandbox = _GrowingSandbox()
    with served(sandbox) as cli:
        proc = subprocess.Popen(
            [str(script()), "logs", "tail", "--interval", "0.05"],
            env=cli.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert sandbox.listed.wait(TIMEOUT), "tail never polled"
            proc.send_signal(signal.SIGINT)
            _, errors = proc.communicate(timeout=TIMEOUT)
        finally:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, errors
    assert errors == ""


def test_tail_loop_survives_a_failed_poll_and_waits_the_interval() -> None:
    """A 500 during one poll is a warning on stderr; the next poll prints what it missed."""
    sandbox = canary_sandbox()
    output, stdout, stderr = _output()
    waits: list[float] = []
    with _client(sandbox) as client:

        def sleep(seconds: float) -> None:
            waits.append(seconds)
            if len(waits) == 1:
                client.exception_logs.create(1001, base_url="https://a.example", method="GET")
                sandbox.faults.server_error(500, route=LOGS_ROUTE, times=1)

        tail(client, output, integration_id=None, interval=7.5, sleep=sleep, max_polls=3)
    assert waits == [7.5, 7.5]
    assert stderr.getvalue().startswith("warning: 500 ")
    lines = stdout.getvalue().splitlines()
    assert len(lines) == 1
    assert lines[0].split("\t")[1:4:2] == ["1001", "GET"]
