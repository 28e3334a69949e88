"""``logs export --out FILE.jsonl``: every log, one JSON object per line, resumable.

The cursor is opaque (only the server knows what it means), so the export cannot
derive where to continue from the last log it wrote. After each page is written
and flushed to disk, a checkpoint ``FILE.jsonl.resume`` records the page's
``next_cursor`` (what the paginator's ``resume_cursor`` is when the following page
fails), the number of complete lines and bytes written, and the id on the last
line. A re-run with the same ``--out`` checks that the file still ends with that
line, cuts off whatever came after the checkpoint (part of a page, or a line cut
short by a crash), and continues from the cursor: no gap, no duplicate.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Generator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from .. import Client, SendcloudError
from ._errors import CommandError, ExitCode, describe, usage_error
from ._output import Output, as_object, to_json

FORMAT = "sendcloud-integrations logs export, checkpoint 1"


@dataclass
class Checkpoint:
    integration_id: int | None
    cursor: str | None  # where the next page starts (None: the newest log)
    lines: int  # complete lines in the file at the checkpoint
    size: int  # bytes of those lines
    last_id: int | None  # the id of the log on the last of them
    done: bool = False
    format: str = FORMAT


def checkpoint_path(out: Path) -> Path:
    return out.with_name(out.name + ".resume")


def _save(path: Path, point: Checkpoint) -> None:
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("w", encoding="utf-8") as file:
        file.write(json.dumps(asdict(point)) + "\n")
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)  # atomic: a crash leaves the old checkpoint or the new one


def _load(path: Path) -> Checkpoint:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.pop("format") != FORMAT:
            raise ValueError("unknown format")
        return Checkpoint(**data)
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise usage_error(f"{path}: not a readable export checkpoint ({exc})") from None


def _last_id(line: bytes) -> object:
    try:
        record = as_object(json.loads(line))
    except ValueError:
        return None
    return record.get("id") if record is not None else None


def _verify(out: Path, point: Checkpoint) -> int:
    """Check the file against the checkpoint; the bytes past it, which will be cut off."""
    with out.open("rb") as file:
        size = file.seek(0, os.SEEK_END)
        file.seek(0)
        lines, last = 0, b""
        for line in iter(file.readline, b""):
            if file.tell() > point.size:
                break
            lines, last = lines + 1, line
    if size < point.size or lines != point.lines or _last_id(last) != point.last_id:
        raise usage_error(
            f"{out} no longer matches its checkpoint {checkpoint_path(out).name} "
            f"({point.lines} lines ending with log {point.last_id}): it was changed since; "
            "move both away to start a new export"
        )
    return size - point.size


class Progress(Protocol):
    def advance(self, count: int) -> None: ...


@contextmanager
def _progress(out: Output, already: int) -> Generator[Progress, None, None]:
    """A progress bar with count and rate on stderr when it is a terminal; else nothing."""
    if not out.stderr_tty:
        yield _Silent()
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )
    from rich.progress import (
        Progress as Bar,
    )

    bar = Bar(
        SpinnerColumn(),
        TextColumn("exporting"),
        BarColumn(),
        TextColumn("{task.completed} logs"),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=Console(file=out.stderr, force_terminal=True),
        transient=False,
    )
    with bar:
        task = bar.add_task("export", total=None, completed=already, rate="")

        class _Bar:
            def advance(self, count: int) -> None:
                bar.advance(task, count)
                speed = bar.tasks[0].speed
                rate = f"{speed:,.0f} logs/s" if speed else ""
                bar.update(task, rate=rate)

        yield _Bar()


class _Silent:
    def advance(self, count: int) -> None:
        pass


def _write_page(file: BinaryIO, items: list[Any]) -> int | None:
    last_id = None
    for log in items:
        file.write(to_json(log.to_dict(), indent=None).encode("utf-8") + b"\n")
        last_id = log.id if isinstance(log.id, int) else None
    file.flush()
    os.fsync(file.fileno())  # the lines are on disk before the checkpoint names them
    return last_id


def export(client: Client, out_path: Path, integration_id: int | None, out: Output) -> Checkpoint:
    """Write every log (of one integration, or all) to ``out_path``, continuing a checkpoint."""
    state_path = checkpoint_path(out_path)
    if state_path.exists():
        point = _load(state_path)
        if point.integration_id != integration_id:
            raise usage_error(
                f"{out_path} is an export of "
                + (f"integration {point.integration_id}" if point.integration_id else "all logs")
                + "; resume it with the same --integration, or choose another --out"
            )
        if point.done:
            return point
        if _verify(out_path, point):
            with out_path.open("r+b") as file:
                file.truncate(point.size)
    elif out_path.exists() and out_path.stat().st_size:
        raise usage_error(
            f"{out_path} exists and is not an unfinished export (no {state_path.name}): "
            "not overwriting it; remove it or choose another --out"
        )
    else:
        point = Checkpoint(integration_id, cursor=None, lines=0, size=0, last_id=None)
        out_path.write_bytes(b"")
        _save(state_path, point)
    started = point.lines
    lines, last_id = point.lines, point.last_id  # what the file holds, checkpointed or not
    with out_path.open("ab") as file, _progress(out, started) as progress:
        try:
            for page in client.exception_logs.list(integration_id, cursor=point.cursor).pages():
                last_id = _write_page(file, page.items) if page.items else last_id
                lines += len(page.items)
                progress.advance(len(page.items))
                if page.has_next_page and page.next_cursor is None:
                    continue  # no cursor to resume from here: the last checkpoint stays
                point.lines, point.size, point.last_id = lines, file.tell(), last_id
                point.cursor = page.next_cursor
                point.done = not page.has_next_page
                _save(state_path, point)
        except (SendcloudError, KeyboardInterrupt) as exc:
            hint = f"{point.lines - started} logs written this run, {point.lines} in all"
            hint += "; re-run the same command to resume" + (
                f" after log {point.last_id}" if point.last_id is not None else ""
            )
            if isinstance(exc, KeyboardInterrupt):
                out.note(f"interrupted: {hint}")
                raise
            message, code = describe(exc)
            raise CommandError(f"{message} ({hint})", code) from exc
        size = file.tell()
    if not point.done or point.lines != lines:
        point.lines, point.size, point.last_id, point.done = lines, size, last_id, True
        _save(state_path, point)
    return point


def logs_export(client: Client, args: argparse.Namespace, out: Output) -> int:
    out_path = Path(args.out)
    if args.out == "-" or out_path.is_dir():
        raise usage_error("--out must name a file (the export resumes from it)")
    try:
        state = checkpoint_path(out_path)
        before = _load(state).lines if state.exists() else 0
        point = export(client, out_path, args.integration, out)
    except OSError as exc:  # a missing directory, no permission, a full disk
        raise usage_error(f"{out_path}: cannot write: {exc.strerror or exc}") from None
    summary = {"out": str(out_path), "logs": point.lines, "new": point.lines - before}
    if out.json_mode:
        out.record(summary)
    elif out.stderr_tty:
        out.note(f"exported {point.lines} logs to {out_path} ({summary['new']} new this run)")
    return ExitCode.OK
