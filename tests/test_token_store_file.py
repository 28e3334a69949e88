"""sc.FileTokenStore: private files only, atomic writes, leases that lapse, corrupt files."""

from __future__ import annotations

import json
import logging
import os
import stat
from pathlib import Path

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations._token_store import store_key
from sendcloud_integrations.testing import Sandbox

from .forked_workers import FORK_WARNING, kill_holding_lease
from .token_store_support import call_api, oauth

MODES = ["sync", "async"]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "private" / "tokens.json"


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


@pytest.mark.parametrize("mode", MODES)
def test_the_file_is_written_private_and_holds_no_client_secret(mode: str, path: Path) -> None:
    """A missing directory is made 0700, the file 0600, with the token and without the secret."""
    sandbox = Sandbox()
    call_api(mode, sandbox, oauth(sandbox, sc.FileTokenStore(path)))
    assert (mode_of(path.parent), mode_of(path)) == (0o700, 0o600)
    text = path.read_text()
    assert sandbox.credentials.client_secret not in text
    (token,) = list(sandbox.tokens._tokens)
    assert token in text
    # Written by rename: no temporary file is left beside it.
    assert sorted(p.name for p in path.parent.iterdir()) == ["tokens.json", "tokens.json.lock"]


@pytest.mark.parametrize("mode", MODES)
def test_processes_sharing_the_file_read_the_token_instead_of_fetching(
    mode: str, path: Path
) -> None:
    """A second store on the same path (as in another process) finds the token there."""
    sandbox = Sandbox()
    call_api(mode, sandbox, oauth(sandbox, sc.FileTokenStore(path)))
    call_api(mode, sandbox, oauth(sandbox, sc.FileTokenStore(path)))
    assert sandbox.tokens.requests == 1


def test_a_file_readable_by_others_is_refused(path: Path) -> None:
    """An existing token file with group or world bits is refused, naming the path and the fix."""
    path.parent.mkdir(mode=0o700)
    path.write_text("{}")
    path.chmod(0o644)
    with pytest.raises(sc.ConfigurationError, match=r"tokens\.json is open to other users") as e:
        sc.FileTokenStore(path)
    assert "chmod 600" in str(e.value)


def test_a_directory_readable_by_others_is_refused(tmp_path: Path) -> None:
    """A directory others can list or write is refused; one they can only traverse is fine."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    with pytest.raises(sc.ConfigurationError, match=r"directory .* is open to other users"):
        sc.FileTokenStore(shared / "tokens.json")
    shared.chmod(0o711)
    sc.FileTokenStore(shared / "tokens.json")


@pytest.mark.parametrize("mode", MODES)
def test_a_file_opened_up_after_the_store_was_made_is_no_longer_used(
    mode: str, path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """chmod 644 while in use: the token is fetched directly, with a WARNING, and not rewritten."""
    sandbox = Sandbox()
    store = sc.FileTokenStore(path)
    call_api(mode, sandbox, oauth(sandbox, store))
    path.chmod(0o644)
    before = path.read_text()
    call_api(mode, sandbox, oauth(sandbox, store))
    assert sandbox.tokens.requests == 2
    assert "FileTokenStore unavailable (ConfigurationError)" in warnings_of(caplog)[0]
    assert path.read_text() == before


@pytest.mark.filterwarnings(FORK_WARNING)
@pytest.mark.parametrize("mode", MODES)
def test_a_lease_held_by_a_killed_process_lapses(mode: str, path: Path) -> None:
    """A process took the lease and died: after lock_timeout the next caller fetches the token."""
    sandbox = Sandbox()

    def make() -> sc.FileTokenStore:
        return sc.FileTokenStore(path, lock_timeout=0.3)

    kill_holding_lease(make, store_key(httpx.URL(sandbox.token_url), "sandbox-client-id", "api"))
    assert json.loads(path.read_text())["leases"]  # still there: nobody gave it back
    call_api(mode, sandbox, oauth(sandbox, make()))
    assert sandbox.tokens.requests == 1
    assert json.loads(path.read_text())["leases"] == {}


@pytest.mark.parametrize("mode", MODES)
def test_a_corrupt_file_is_rewritten(
    mode: str, path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A file that is not JSON: the call works, a WARNING, and the file holds the token after."""
    path.parent.mkdir(mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, b'{"entries": {"trunc')
    os.close(fd)
    sandbox = Sandbox()
    call_api(mode, sandbox, oauth(sandbox, sc.FileTokenStore(path)))
    assert [m for m in warnings_of(caplog) if "is corrupt" in m]
    assert len(json.loads(path.read_text())["entries"]) == 1
    call_api(mode, sandbox, oauth(sandbox, sc.FileTokenStore(path)))
    assert sandbox.tokens.requests == 1


def test_expired_entries_of_other_clients_are_dropped_on_write(path: Path) -> None:
    """Each write sweeps entries past their TTL, so the file does not grow without end."""
    now = [1000.0]
    store = sc.FileTokenStore(path, clock=lambda: now[0])
    store.set("old", "a", 10)
    store.set("forever", "b", None)
    now[0] = 1011.0
    assert store.get("old") is None
    store.set("new", "c", 10)
    assert sorted(json.loads(path.read_text())["entries"]) == ["forever", "new"]
