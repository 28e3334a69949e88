"""What commands print: a table on a terminal, tab-separated lines in a pipe, JSON on request.

Records are the models' ``to_dict()`` (the API's own field names, dates in ISO 8601),
so ``--json`` and the tables show the same values. Only stdout carries data; notes,
prompts and progress go to stderr.
"""

from __future__ import annotations

import datetime
import enum
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TextIO, TypeGuard

Record = Mapping[str, Any]


def _is_object(value: object) -> TypeGuard[dict[str, Any]]:
    return isinstance(value, dict)  # JSON objects: str keys


def _is_array(value: object) -> TypeGuard[list[Any]]:
    return isinstance(value, list)


def as_object(value: object) -> dict[str, Any] | None:
    """``value`` if it is a JSON object (a dict), else None."""
    return value if _is_object(value) else None


def as_array(value: object) -> list[Any] | None:
    """``value`` if it is a JSON array (a list), else None."""
    return value if _is_array(value) else None


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Record], object]


def field(name: str, header: str | None = None) -> Column:
    """A column showing one field of the record."""
    return Column(header or name, lambda record: record.get(name))


def _json_default(value: object) -> object:
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def to_json(value: object, *, indent: int | None = 2) -> str:
    separators = None if indent else (",", ":")
    return json.dumps(
        value, indent=indent, separators=separators, ensure_ascii=False, default=_json_default
    )


def cell(value: object) -> str:
    """One value as text: ISO 8601 dates, JSON for lists and objects, '' when absent."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    items = as_array(value)
    if items is not None and all(isinstance(v, str) for v in items):
        return ",".join(items)
    if items is not None:
        return to_json(items, indent=None)
    if (mapping := as_object(value)) is not None:
        return to_json(mapping, indent=None)
    # Tabs and newlines would break the one-record-per-line output of a pipe.
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


class Output:
    """Where and how a command prints; ``tty`` decides between tables and plain lines."""

    def __init__(self, stdin: TextIO, stdout: TextIO, stderr: TextIO, *, json_mode: bool) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.json_mode = json_mode
        self.stdin_tty = _isatty(stdin)  # someone there to answer a question
        self.tty = _isatty(stdout)
        self.stderr_tty = _isatty(stderr)

    def records(self, rows: Sequence[Record], columns: Sequence[Column]) -> None:
        """A list: a JSON array, a table, or one tab-separated line per record."""
        if self.json_mode:
            self.line(to_json(list(rows)))
        elif self.tty:
            self._table([c.header for c in columns], [[c.value(r) for c in columns] for r in rows])
        else:
            for row in rows:
                self.line("\t".join(cell(c.value(row)) for c in columns))

    def record(self, row: Record) -> None:
        """One result: a JSON object, a field/value table, or ``field<TAB>value`` lines."""
        if self.json_mode:
            self.line(to_json(dict(row)))
        elif self.tty:
            self._table(["field", "value"], [[key, value] for key, value in row.items()])
        else:
            for key, value in row.items():
                self.line(f"{key}\t{cell(value)}")

    def stream(self, row: Record, columns: Sequence[Column]) -> None:
        """One record of a stream (``logs tail``): a JSON line, or one line of cells."""
        if self.json_mode:
            self.line(to_json(dict(row), indent=None))
        else:
            self.line(("  " if self.tty else "\t").join(cell(c.value(row)) for c in columns))

    def line(self, text: str) -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def note(self, text: str) -> None:
        """A message for the operator on stderr (never data)."""
        self.stderr.write(text + "\n")
        self.stderr.flush()

    def confirm(self, question: str) -> bool:
        """Ask on stderr, read the answer from stdin; only "y" or "yes" agrees."""
        self.stderr.write(f"{question} [y/N] ")
        self.stderr.flush()
        return self.stdin.readline().strip().lower() in {"y", "yes"}

    def _table(self, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        table = Table(show_edge=False, header_style="bold")
        for header in headers:
            # Folded, never cut with an ellipsis: a table must not lose part of an id.
            table.add_column(header, overflow="fold")
        for row in rows:
            # Text, not str: a value such as "[red]" must be shown, not read as markup.
            table.add_row(*(Text(cell(value)) for value in row))
        Console(file=self.stdout, force_terminal=True, highlight=False).print(table)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except ValueError:  # a closed stream
        return False
