"""Changes between two API surfaces, each with a verdict: breaking or additive.

The rules are listed in the docstring of tools/api_surface.py; this module
applies them to the entries that :func:`api_surface.build` produces.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from surface_text import Attrs, Key, Surface, kind, render_attrs

BREAKING = "breaking"
ADDITIVE = "additive"

# Constraints whose growth makes the data allowed narrower (True) or wider (False).
_LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
_UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
_ALWAYS_BREAKING = (
    "type",
    "format",
    "ref",
    "allOf",
    "const",
    "readOnly",
    "writeOnly",
    "method",
    "path",
    "tags",
    "tokenUrl",
    "authorizationUrl",
    "refreshUrl",
    "scheme",
)


@dataclass(frozen=True)
class Change:
    """One difference between two surfaces."""

    action: str  # "added", "removed" or "changed"
    key: Key
    verdict: str
    detail: str

    @property
    def where(self) -> str:
        return display(self.key)

    def __str__(self) -> str:
        label = "BREAKING" if self.verdict == BREAKING else ADDITIVE
        return f"{label:<9} {self.action:<8} {self.where}: {self.detail}"


def display(key: Key) -> str:
    """``operation X > response 200 > application/json .data[].id``."""
    head: list[str] = []
    tail = ""
    for part in key:
        what = kind(part)
        if what == "variant":
            tail += f"<{part}>"
        elif what in ("field", "items", "additional"):
            tail += part
        else:
            head.append(part)
    return " > ".join(head) + (f" {tail}" if tail else "")


def _role(surface: Surface, key: Key) -> str:
    top = kind(key[0])
    if top == "operation":
        return "response" if len(key) > 1 and kind(key[1]) == "response" else "request"
    if top == "schema":
        return str(surface.get(key[:1], {}).get("in", "unused"))
    return "meta"


def _merge_roles(a: str, b: str) -> str:
    roles = {r for r in (a + "+" + b).split("+") if r in ("request", "response")}
    if roles == {"request"}:
        return "request"
    if roles == {"response"}:
        return "response"
    return "both"


def _by_direction(tighter: bool, role: str) -> str:
    if role == "request":
        return BREAKING if tighter else ADDITIVE
    if role == "response":
        return ADDITIVE if tighter else BREAKING
    return BREAKING  # used both ways (or not at all): every change hurts one side


def _fmt(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, tuple):
        return "[" + ", ".join(map(str, value)) + "]"
    return repr(value) if isinstance(value, str) and not value else str(value)


def _where(role: str) -> str:
    return {"request": "in a request", "response": "in a response"}.get(role, "used both ways")


def _bound(attr: str, old: Any, new: Any, role: str) -> tuple[str, str]:
    if old is None or new is None:
        tighter = old is None
    else:
        tighter = new > old if attr in _LOWER_BOUNDS else new < old
    word = "narrower" if tighter else "wider"
    text = f"{attr} {_fmt(old)} -> {_fmt(new)} ({word}, {_where(role)})"
    return _by_direction(tighter, role), text


def _enum(old: Any, new: Any, role: str) -> tuple[str, str]:
    if old is None or new is None:
        return BREAKING, f"enum {_fmt(old)} -> {_fmt(new)}"
    gone = [v for v in old if v not in new]
    extra = [v for v in new if v not in old]
    text = "; ".join(
        part
        for part in (
            gone and f"enum values removed: {', '.join(map(str, gone))}",
            extra and f"enum values added: {', '.join(map(str, extra))} ({_where(role)})",
        )
        if part
    )
    if gone:
        return BREAKING, text
    # Added values are additive both ways: requests accept more, and response enums are
    # open (an unknown value decodes to a pseudo-member and is logged, the call succeeds).
    return ADDITIVE, text


def _set_change(attr: str, old: Any, new: Any) -> tuple[str, str]:
    gone = sorted(set(old or ()) - set(new or ()))
    extra = sorted(set(new or ()) - set(old or ()))
    parts = [f"{attr} removed: {', '.join(gone)}"] if gone else []
    parts += [f"{attr} added: {', '.join(extra)}"] if extra else []
    return (BREAKING if gone else ADDITIVE), "; ".join(parts)


def judge(attr: str, old: Any, new: Any, role: str) -> tuple[str, str]:
    """Verdict and description of one attribute going from ``old`` to ``new``."""
    change = f"{attr} {_fmt(old)} -> {_fmt(new)}"
    if attr in _ALWAYS_BREAKING:
        return BREAKING, change
    if attr in _LOWER_BOUNDS or attr in _UPPER_BOUNDS:
        return _bound(attr, old, new, role)
    if attr == "enum":
        return _enum(old, new, role)
    if attr in ("security", "scopes"):
        return _set_change(attr, old, new)
    if attr in ("deprecated", "title", "version"):
        return ADDITIVE, change
    if attr == "in":
        return ADDITIVE, f"now used {_fmt(new)} (was {_fmt(old)})"
    if attr == "default":
        return (ADDITIVE if old is None else BREAKING), change
    tighter: bool | None = None
    if attr == "required":
        tighter = bool(new)
        change = "became required" if new else "became optional"
    elif attr == "nullable":
        tighter = not new
        change = "became nullable" if new else "no longer nullable"
    elif attr == "uniqueItems":
        tighter = bool(new)
    elif attr == "additionalProperties":
        tighter = new is False
    elif attr == "pattern" and (old is None or new is None):
        tighter = old is None
    if tighter is None:
        return BREAKING, change
    return _by_direction(tighter, role), f"{change} ({_where(role)})"


def _added(key: Key, attrs: Attrs, role: str) -> str:
    what = kind(key[-1])
    required = attrs.get("required") is True
    if what in ("param", "request-body"):
        return BREAKING if required else ADDITIVE
    if what == "field":
        return BREAKING if required and role != "response" else ADDITIVE
    if what == "variant":
        return _by_direction(False, role)
    return ADDITIVE


def _describe(key: Key, attrs: Attrs) -> str:
    text = render_attrs(key[-1], attrs)
    return text or kind(key[-1])


def diff(old: Surface, new: Surface) -> list[Change]:
    """Every change from ``old`` to ``new``, in surface order."""
    return list(_changes(old, new))


def _changes(old: Surface, new: Surface) -> Iterator[Change]:
    order = {key: i for i, key in enumerate(new)}
    for key in old:
        order.setdefault(key, order.get(key[:-1], len(order)))
    for key in sorted(old.keys() | new.keys(), key=lambda k: (order[k], len(k), k)):
        role = _merge_roles(_role(old, key), _role(new, key))
        if key not in new:
            if key[:-1] not in old or key[:-1] in new:  # report the top of a removed subtree
                yield Change("removed", key, BREAKING, f"removed (was {_describe(key, old[key])})")
        elif key not in old:
            if key[:-1] not in new or key[:-1] in old:
                verdict = _added(key, new[key], role)
                yield Change("added", key, verdict, _describe(key, new[key]))
        else:
            for attr in dict.fromkeys([*old[key], *new[key]]):
                before, after = old[key].get(attr), new[key].get(attr)
                if attr == "nullable":
                    before, after = bool(before), bool(after)
                if before == after or (
                    attr == "enum" and before and after and set(before) == set(after)
                ):
                    continue
                verdict, detail = judge(attr, before, after, role)
                yield Change("changed", key, verdict, detail)


def overall(changes: list[Change]) -> str:
    """``breaking``, ``additive`` or ``none`` for a whole list of changes."""
    if any(c.verdict == BREAKING for c in changes):
        return BREAKING
    return ADDITIVE if changes else "none"


def format_changes(changes: list[Change]) -> str:
    """A readable report: a summary line, then one line per change."""
    if not changes:
        return "No change to the API surface."
    breaking = sum(c.verdict == BREAKING for c in changes)
    head = (
        f"{len(changes)} change(s) to the API surface: {breaking} breaking, "
        f"{len(changes) - breaking} additive (overall: {overall(changes)})"
    )
    return "\n".join([head, *map(str, changes)])
