"""``FileTokenStore``: one JSON file shared by the processes of one host.

Readers read the file as it stands: it is only ever replaced whole (written to
a temporary file in the same directory, then renamed over it), so a reader sees
the old file or the new one, never half of one. Writers serialise on a lock file
beside it, held for one read-modify-write of a few hundred bytes. Leases live in
the file with their end time, so a lease of a process that crashed lapses like a
Redis one. The file and its directory must be private to their owner: the file
holds bearer tokens.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import stat
import tempfile
import time
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any, cast

import anyio.to_thread

from ._errors import ConfigurationError
from ._public import present_as_public

__all__ = ["FileTokenStore"]

_logger = logging.getLogger("sendcloud_integrations")


def _check_private(path: Path, what: str, forbidden: int) -> None:
    """Refuse ``path`` when another user could read or replace it."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    if os.name != "posix":
        return
    if info.st_uid != os.geteuid():
        raise ConfigurationError(f"token store {what} {path} belongs to another user")
    if info.st_mode & forbidden:
        raise ConfigurationError(
            f"token store {what} {path} is open to other users "
            f"(mode {stat.filemode(info.st_mode)}); it would expose bearer tokens: "
            f"chmod {'600' if what == 'file' else '700'} it"
        )


# The file: no group/other bits at all. The directory: others may traverse it
# (x) but neither list nor change it.
_FILE_FORBIDDEN = 0o077
_DIR_FORBIDDEN = 0o066


class FileTokenStore:
    """Tokens in a file private to its owner, for several processes on one host.

    ``path``'s directory is created (mode 0700) when missing. A path whose file or
    directory other users can read or write is refused with ConfigurationError.
    ``lock_timeout`` bounds a lease (so a crashed holder blocks the others that
    long at most); ``timeout`` bounds the wait for the lock file, after which the
    store counts as unavailable and tokens are fetched directly. The async
    methods run in a worker thread, so the event loop never waits on the file.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        lock_timeout: float = 15.0,
        timeout: float = 2.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not lock_timeout > 0 or not timeout > 0:
            raise ValueError("lock_timeout and timeout must be positive numbers of seconds")
        self._path = Path(path).absolute()
        self._lock_path = self._path.with_name(self._path.name + ".lock")
        self._lock_timeout = lock_timeout
        self._timeout = timeout
        self._clock = clock
        self._corrupt_reported = False
        self._path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._check()
        # Imported here, not at each first use: `import sendcloud_integrations` stays
        # light, and a worker pays for it when it makes its store, not mid-request.
        import filelock

        self._filelock = filelock

    @property
    def path(self) -> Path:
        return self._path

    @property
    def lock_timeout(self) -> float:
        return self._lock_timeout

    def __repr__(self) -> str:
        return f"FileTokenStore({str(self._path)!r})"

    def _check(self) -> None:
        _check_private(self._path.parent, "directory", _DIR_FORBIDDEN)
        _check_private(self._path, "file", _FILE_FORBIDDEN)

    def _load(self) -> dict[str, Any]:
        try:
            text = self._path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        try:
            doc = json.loads(text)
        except (ValueError, RecursionError):
            doc = None
        if not isinstance(doc, dict):
            # Replaced by the next write; until then, as good as empty (and reported once).
            if not self._corrupt_reported:
                self._corrupt_reported = True
                _logger.warning("token store file %s is corrupt; it will be rewritten", self._path)
            return {}
        self._corrupt_reported = False
        return cast("dict[str, Any]", doc)  # json.loads: an object's keys are strings

    @contextlib.contextmanager
    def _editing(self, wait: bool = True) -> Generator[dict[str, Any], None, None]:
        """The file's content under the lock, written back atomically afterwards.

        Without ``wait`` a busy lock raises filelock.Timeout at once.
        """
        self._check()
        # A new FileLock per edit: its own descriptor, so threads exclude each other too.
        # Held for a millisecond or so, so a busy lock is retried often (filelock: 50 ms).
        lock = self._filelock.FileLock(self._lock_path, mode=0o600)
        with lock.acquire(timeout=self._timeout if wait else 0, poll_interval=0.005):
            doc = self._load()
            before = json.dumps(doc)
            yield doc
            if json.dumps(doc) == before and doc:
                return  # a lease refused: waiters poll, and must not rewrite the file each time
            handle, temporary = tempfile.mkstemp(
                dir=self._path.parent, prefix=f".{self._path.name}.", suffix=".tmp"
            )
            try:
                # mkstemp: mode 0600. No fsync: a write lost to a power cut costs one
                # token request (a torn file reads as corrupt and is rewritten), while an
                # fsync under the lock would make every waiter queue behind the disk.
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    json.dump(doc, out)
                os.replace(temporary, self._path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise

    @staticmethod
    def _section(doc: dict[str, Any], name: str) -> dict[str, Any]:
        section = _json_object(doc.get(name))
        if section is None:
            section = doc[name] = {}
        return section

    def get(self, key: str) -> str | None:
        self._check()
        entries = _json_object(self._load().get("entries"))
        entry = None if entries is None else _json_object(entries.get(key))
        if entry is None:
            return None
        value, until = entry.get("value"), entry.get("until")
        if not isinstance(value, str):
            return None
        if isinstance(until, int | float) and not self._clock() < until:
            return None
        return value

    def set(self, key: str, value: str, ttl: float | None) -> None:
        with self._editing() as doc:
            entries = self._section(doc, "entries")
            now = self._clock()
            # Expired entries of other keys go too, so the file does not grow forever.
            for other in [k for k, e in entries.items() if not _live(e, now)]:
                del entries[other]
            entries[key] = {"value": value, "until": None if ttl is None else now + ttl}

    def acquire(self, key: str, owner: str) -> bool:
        # Waiters poll this: a lease visibly held is refused without touching the lock file.
        self._check()
        held = _json_object(self._section(self._load(), "leases").get(key))
        if held is not None and held.get("owner") != owner and _live(held, self._clock()):
            return False
        # A busy lock file means someone is writing, most likely their own lease: try again
        # at the next poll rather than queue 31 waiters in front of the holder's write.
        try:
            with self._editing(wait=False) as doc:
                leases = self._section(doc, "leases")
                now = self._clock()
                held = _json_object(leases.get(key))
                if held is not None and held.get("owner") != owner and _live(held, now):
                    return False
                leases[key] = {"owner": owner, "until": now + self._lock_timeout}
                return True
        except self._filelock.Timeout:
            return False

    def release(self, key: str, owner: str) -> None:
        with self._editing() as doc:
            leases = self._section(doc, "leases")
            held = _json_object(leases.get(key))
            if held is not None and held.get("owner") == owner:
                del leases[key]

    async def aget(self, key: str) -> str | None:
        return await anyio.to_thread.run_sync(self.get, key)

    async def aset(self, key: str, value: str, ttl: float | None) -> None:
        await anyio.to_thread.run_sync(self.set, key, value, ttl)

    async def aacquire(self, key: str, owner: str) -> bool:
        return await anyio.to_thread.run_sync(self.acquire, key, owner)

    async def arelease(self, key: str, owner: str) -> None:
        await anyio.to_thread.run_sync(self.release, key, owner)


def _json_object(value: object) -> dict[str, Any] | None:
    """``value`` if it is a dict, typed as the JSON object it is (its keys are strings)."""
    return cast("dict[str, Any]", value) if isinstance(value, dict) else None


def _live(record: object, now: float) -> bool:
    entry = _json_object(record)
    if entry is None:
        return False
    until = entry.get("until")
    if until is None:
        return True
    return isinstance(until, int | float) and math.isfinite(until) and now < until


# Loaded on first use of `sc.FileTokenStore`, so it presents itself (see __init__).
present_as_public(FileTokenStore)
