"""``integrations``, ``statuses`` and ``mapping``: one function per command."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import attrs

from .. import (
    Client,
    NewShopOrderStatus,
    RequestValidationError,
    ShopOrderStatus,
)
from ._errors import CommandError, ExitCode, usage_error
from ._output import Column, Output, Record, as_array, as_object, field

INTEGRATION_COLUMNS = [
    field("id"),
    field("type", "system"),
    field("shop_name"),
    field("shop_url"),
    field("webhook_active"),
    field("started_failing_at"),
    field("updated_at"),
]


def _languages(record: Record) -> object:
    translations = as_array(record.get("translations")) or []
    return [t.get("language") for t in map(as_object, translations) if t is not None]


STATUS_COLUMNS = [
    field("external_id"),
    field("status"),
    Column("languages", _languages),
    field("deleted_at"),
]
MAPPING_COLUMNS = [field("status_category"), field("external_id"), field("is_valid")]

# The update options and the spec's field each sets (argparse dest = field name).
UPDATE_FIELDS = (
    "shop_name",
    "shop_url",
    "webhook_url",
    "webhook_active",
    "feedback_type",
    "service_point_enabled",
    "service_point_carriers",
)


def integrations_list(client: Client, args: argparse.Namespace, out: Output) -> int:
    rows = [i.to_dict() for i in client.integrations.list()]
    out.records(rows, INTEGRATION_COLUMNS)
    return ExitCode.OK


def integrations_get(client: Client, args: argparse.Namespace, out: Output) -> int:
    out.record(client.integrations.get(args.id).to_dict())
    return ExitCode.OK


def integrations_update(client: Client, args: argparse.Namespace, out: Output) -> int:
    fields: dict[str, Any] = {
        name: getattr(args, name) for name in UPDATE_FIELDS if getattr(args, name) is not UNGIVEN
    }
    if not fields:
        options = ", ".join("--" + name.replace("_", "-") for name in UPDATE_FIELDS)
        raise usage_error(f"nothing to update: give at least one of {options}")
    try:
        client.integrations.update(args.id, **fields)
    except RequestValidationError as exc:
        option = "--" + exc.field.replace("_", "-")
        raise usage_error(
            f"{exc} (option {option})" if exc.field in UPDATE_FIELDS else str(exc)
        ) from exc
    # The API answers 204: show what is stored now.
    out.record(client.integrations.get(args.id).to_dict())
    return ExitCode.OK


def integrations_delete(client: Client, args: argparse.Namespace, out: Output) -> int:
    if not args.yes:
        if not out.stdin_tty:
            raise usage_error(
                "refusing to delete without confirmation: stdin is not a terminal; pass --yes"
            )
        name = client.integrations.get(args.id).shop_name or "(no shop name)"
        question = f"Delete integration {args.id} ({name})? This cannot be undone."
        if not out.confirm(question):
            raise CommandError("not deleted", ExitCode.DECLINED)
    client.integrations.delete(args.id)
    if out.json_mode:
        out.record({"id": args.id, "deleted": True})
    else:
        out.note(f"deleted integration {args.id}")
    return ExitCode.OK


def statuses_list(client: Client, args: argparse.Namespace, out: Output) -> int:
    statuses = client.shop_order_statuses.list(
        args.id, language=args.language, show_deleted=args.show_deleted or None
    )
    out.records([s.to_dict() for s in statuses], STATUS_COLUMNS)
    return ExitCode.OK


def statuses_replace(client: Client, args: argparse.Namespace, out: Output) -> int:
    document = read_json(args.file, out)
    # Either the request's own shape {"statuses": [...]} or just the array.
    wrapped = as_object(document)
    given = as_array(wrapped.get("statuses") if wrapped is not None else document)
    if given is None:
        raise usage_error(
            f"{args.file}: expected a JSON array of statuses or {{'statuses': [...]}}"
        )
    # `statuses list --json` output is accepted as it is: its read-only fields go.
    read_only = set(attrs.fields_dict(ShopOrderStatus)) - set(attrs.fields_dict(NewShopOrderStatus))
    statuses: list[Any] = []
    for item in given:
        status = as_object(item)
        statuses.append(item if status is None else {
            k: v for k, v in status.items() if k not in read_only
        })  # fmt: skip
    # Shapes inside are the client's to check (RequestValidationError names the field).
    client.shop_order_statuses.replace(args.id, statuses=statuses)
    out.records([s.to_dict() for s in client.shop_order_statuses.list(args.id)], STATUS_COLUMNS)
    return ExitCode.OK


def mapping_get(client: Client, args: argparse.Namespace, out: Output) -> int:
    mapping = client.status_mapping.get(args.id).to_dict()
    if out.json_mode:
        out.record(mapping)
    else:
        out.records(as_array(mapping.get("mapping")) or [], MAPPING_COLUMNS)
    return ExitCode.OK


def mapping_set(client: Client, args: argparse.Namespace, out: Output) -> int:
    wanted = _wanted_mapping(read_json(args.file, out), args.file)
    entries = as_array(client.status_mapping.get(args.id).to_dict().get("mapping")) or []
    current: dict[str, Any] = {}
    for entry in filter(None, map(as_object, entries)):
        current[str(entry.get("status_category"))] = entry.get("external_id")
    # In the server's order, then any category only the file names.
    categories = [*current, *(c for c in wanted if c not in current)]
    changes: list[dict[str, Any]] = [
        {"status_category": c, "from": current.get(c), "to": wanted.get(c)}
        for c in categories
        if c in wanted and current.get(c) != wanted.get(c)
    ]
    if not args.dry_run and changes:
        client.status_mapping.set(args.id, wanted)
    if out.json_mode:
        applied = bool(changes) and not args.dry_run
        out.record({"integration_id": args.id, "changes": changes, "applied": applied})
        return ExitCode.OK
    for change in changes:
        before, after = (change[k] if change[k] is not None else "(none)" for k in ("from", "to"))
        out.line(f"{change['status_category']}: {before} -> {after}")
    if not changes:
        out.note("no change: the mapping is already so")
    elif args.dry_run:
        out.note("dry run: nothing applied")
    else:
        out.note(f"applied to integration {args.id}")
    return ExitCode.OK


def _wanted_mapping(document: object, name: str) -> dict[str, str | None]:
    given = as_object(document)
    # `mapping get --json` output is accepted as it is, so get, edit, set round-trips.
    pairs = [as_object(e) for e in as_array(given.get("mapping")) or []] if given else []
    if pairs and all(p is not None and "status_category" in p for p in pairs):
        return {str(p["status_category"]): p.get("external_id") for p in pairs if p is not None}
    if given is not None and all(isinstance(v, str | None) for v in given.values()):
        return dict(given)
    raise usage_error(
        f"{name}: expected a JSON object of status category to external_id (or null), "
        'e.g. {"READY_TO_SEND": "11", "CANCEL": null}, or the output of `mapping get --json`'
    )


def read_json(name: str, out: Output) -> Any:
    """The JSON document in file ``name`` (``-``: stdin); a usage error names what is wrong."""
    try:
        text = out.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise usage_error(f"{name}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise usage_error(f"{name}: not JSON: {exc}") from None


class _Ungiven:
    """The default of update options, so ``--no-webhook-url`` (None) differs from absent."""

    def __repr__(self) -> str:
        return "UNGIVEN"


UNGIVEN: Any = _Ungiven()
