"""README.md's fenced code blocks: parsed once for the example tests and the type checkers.

``python tests/readme_blocks.py DEST`` writes each python block as ``DEST/readme_L<line>.py``,
after a prelude typing the names the examples take as given, so that ``nox -s typing``
(mypy --strict) and ``nox -s pyright`` (strict) check the README as users would copy it.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
FENCE = re.compile(r"^```(?P<info>[^`]*)$")

# What each example may use without defining it: the reader's own values in real
# use, a fresh sandbox's in tests/test_readme_examples.py.
PREDEFINED = ("SANDBOX_URL", "TOKEN_URL", "PUBLIC_KEY", "SECRET_KEY", "CLIENT_ID", "CLIENT_SECRET")


@dataclass(frozen=True)
class Block:
    line: int  # README line of the first line of code
    info: str
    code: str

    @property
    def runs(self) -> bool:
        return self.info.split() == ["python"]

    @property
    def is_python(self) -> bool:
        return self.info.split()[:1] in (["python"], ["py"])

    def compiled(self) -> Any:
        # Padding makes line numbers in tracebacks those of the README.
        return compile("\n" * (self.line - 1) + self.code, str(README), "exec")


def blocks(text: str) -> list[Block]:
    """The fenced code blocks of a Markdown text, in order."""
    found: list[Block] = []
    lines = text.splitlines()
    start: tuple[int, str] | None = None
    for number, line in enumerate(lines, start=1):
        fence = FENCE.match(line.strip())
        if fence is None:
            continue
        if start is None:
            start = (number + 1, fence["info"].strip())
        elif not fence["info"].strip():
            first, info = start
            found.append(Block(first, info, "\n".join(lines[first - 1 : number - 1]) + "\n"))
            start = None
    if start is not None:
        raise ValueError(f"README.md:{start[0] - 1}: code block never closed")
    return found


def typing_module(block: Block) -> str:
    """A block as a module for the type checkers: the given names typed, then the code."""
    prelude = "".join(f'{name}: str = "{name.lower()}"\n' for name in PREDEFINED)
    return f"# README.md line {block.line}\n{prelude}{block.code}"


def write_typing_modules(dest: Path) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    for old in dest.glob("readme_L*.py"):
        old.unlink()
    written = []
    for block in blocks(README.read_text(encoding="utf-8")):
        if block.is_python:
            path = dest / f"readme_L{block.line}.py"
            path.write_text(typing_module(block), encoding="utf-8")
            written.append(path)
    if not written:
        raise SystemExit("README.md has no python block to type-check")
    return written


if __name__ == "__main__":
    for path in write_typing_modules(Path(sys.argv[1])):
        print(path)
