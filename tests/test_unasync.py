"""tools/unasync.py: the sync resources are written from the async source, and drift is caught."""

from __future__ import annotations

from pathlib import Path

import unasync  # tools/, put on sys.path by conftest.py

ASYNC_SOURCE = '''"""Demo."""

# unasync: a note about the async source only.
from ._sender import AsyncSender


class AsyncThings:
    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    async def get(self, thing_id: int) -> int:
        """Fetch one; ``await`` it on AsyncClient."""
        async with self._sender.lock:
            async for page in self._sender.pages():
                await page.aclose()
        return await self._sender.send(thing_id)
'''

SYNC_TEXT = '''"""Demo."""

from ._sender import SyncSender


class Things:
    def __init__(self, sender: SyncSender) -> None:
        self._sender = sender

    def get(self, thing_id: int) -> int:
        """Fetch one; ``await`` it on Client."""
        with self._sender.lock:
            for page in self._sender.pages():
                page.close()
        return self._sender.send(thing_id)
'''


def test_token_rules_turn_async_code_into_its_sync_twin() -> None:
    """async def/with/for, await, aclose and AsyncX names become their sync forms; notes go."""
    assert unasync.unasync_text(ASYNC_SOURCE) == SYNC_TEXT


def test_names_that_merely_contain_async_are_left_alone() -> None:
    """Only whole tokens change: ``is_async_ready`` and ``AsyncIO``-less words stay."""
    line = "is_async_ready = asynchronous(preawait_x)\n"
    assert unasync.unasync_line(line) == line


def test_the_committed_sync_resources_are_what_the_tool_writes() -> None:
    """overlays/.../_resources.py equals the rendering of _async_resources.py (no hand edits)."""
    assert unasync.stale(unasync.PAIRS) == []


def test_a_hand_edited_sync_file_is_reported_by_name(tmp_path: Path) -> None:
    """check mode names the stale file and shows the diff that would fix it."""
    source, target = unasync.PAIRS[0]
    copy = tmp_path / target.name
    copy.write_text(target.read_text(encoding="utf-8") + "# edited by hand\n", encoding="utf-8")
    found = unasync.stale([(source, copy)])
    assert [path for path, _ in found] == [copy]
    assert "-# edited by hand" in found[0][1]
