"""The command tree (argparse), and running one command with its errors turned into exit codes."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, Protocol, TextIO

from .. import Client, FeedbackType, Language, __version__
from . import _commands as commands
from ._connect import open_client
from ._errors import CommandError, ExitCode, describe, usage_error
from ._export import logs_export
from ._logs import logs_list, logs_tail
from ._output import Output

PROG = "sendcloud-integrations"
Handler = Callable[[Client, argparse.Namespace, Output], int]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, like every other error, instead of argparse's usage block.
        raise usage_error(f"{message} (see `{self.prog} --help`)")


def _common(root: bool) -> _Parser:
    """Options accepted before the command and after it (`... integrations list --json`)."""
    parser = _Parser(add_help=False)
    # Below the root, an absent option must not reset what was given before the command.
    keep: dict[str, Any] = {} if root else {"default": argparse.SUPPRESS}
    parser.add_argument("--json", action="store_true", help="machine output: JSON", **keep)
    parser.add_argument(
        "--debug", action="store_true", help="tracebacks and request logs on stderr", **keep
    )
    parser.add_argument(
        "--sandbox",
        action="store_true",
        help="talk to an in-process sandbox with seed data (needs the [sandbox] extra)",
        **keep,
    )
    parser.add_argument(
        "--base-url", metavar="URL", help="the API base URL (default: SENDCLOUD_BASE_URL)", **keep
    )
    return parser


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
    return value


def _carriers(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


class _Commands(Protocol):
    """What argparse's (private) subparsers action offers; only add_parser is used."""

    def add_parser(self, name: str, **kwargs: Any) -> _Parser: ...


def _add(group: _Commands, name: str, handler: Handler, help: str) -> _Parser:
    parser = group.add_parser(name, help=help, description=help, parents=[_common(root=False)])
    parser.set_defaults(handler=handler)
    return parser


def _group(root: _Commands, name: str, help: str) -> _Commands:
    parser = root.add_parser(name, help=help, description=help)
    return parser.add_subparsers(title="commands", metavar="COMMAND", required=True)


def build_parser() -> _Parser:
    parser = _Parser(
        prog=PROG,
        description="Sendcloud Integrations API v3 from the command line. Credentials come "
        "from SENDCLOUD_PUBLIC_KEY + SENDCLOUD_SECRET_KEY, or SENDCLOUD_CLIENT_ID + "
        "SENDCLOUD_CLIENT_SECRET (+ SENDCLOUD_TOKEN_URL); SENDCLOUD_BASE_URL sets the server.",
        epilog="exit status: 0 ok, 1 API error, 2 usage or validation error, "
        "3 configuration or auth error, 4 declined, 70 internal error, 130 interrupted",
        parents=[_common(root=True)],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    top = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    group = _group(top, "integrations", "list, show, change and delete integrations")
    _add(group, "list", commands.integrations_list, "list the integrations")
    _add(group, "get", commands.integrations_get, "show one integration").add_argument(
        "id", type=int
    )
    update = _add(group, "update", commands.integrations_update, "change fields of an integration")
    update.add_argument("id", type=int)
    update.add_argument("--shop-name")
    update.add_argument("--shop-url", metavar="URL")
    update.add_argument("--webhook-url", metavar="URL")
    update.add_argument("--no-webhook-url", dest="webhook_url", action="store_const", const=None)
    for name in ("webhook_active", "service_point_enabled"):
        option = name.replace("_", "-")
        update.add_argument(f"--{option}", dest=name, action="store_const", const=True)
        update.add_argument(f"--no-{option}", dest=name, action="store_const", const=False)
    feedback = ", ".join(f.value for f in FeedbackType)
    update.add_argument("--feedback-type", help=f"one of {feedback}")
    update.add_argument(
        "--service-point-carriers", type=_carriers, metavar="LIST", help="e.g. ups,dhl"
    )
    update.set_defaults(**dict.fromkeys(commands.UPDATE_FIELDS, commands.UNGIVEN))
    delete = _add(group, "delete", commands.integrations_delete, "delete an integration")
    delete.add_argument("id", type=int)
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    group = _group(top, "logs", "list, export and follow exception logs")
    listing = _add(group, "list", logs_list, "list exception logs, newest first")
    listing.add_argument("--integration", type=int, metavar="ID")
    listing.add_argument("--limit", type=int, default=100, metavar="N", help="default 100")
    listing.add_argument("--cursor", metavar="C", help="continue where a listing stopped")
    export = _add(group, "export", logs_export, "write every log to a JSON Lines file, resumably")
    export.add_argument("--out", required=True, metavar="FILE.jsonl")
    export.add_argument("--integration", type=int, metavar="ID")
    follow = _add(group, "tail", logs_tail, "print new logs as they arrive (Ctrl-C stops)")
    follow.add_argument("--integration", type=int, metavar="ID")
    follow.add_argument(
        "--interval", type=_positive_float, default=5.0, metavar="SECONDS", help="default 5"
    )
    # Tests bound the loop with it; not for operators.
    follow.add_argument("--max-polls", type=int, default=None, help=argparse.SUPPRESS)

    group = _group(top, "statuses", "read and replace a shop's order statuses")
    statuses = _add(group, "list", commands.statuses_list, "list the shop order statuses")
    statuses.add_argument("id", type=int, help="integration id")
    languages = ", ".join(lang.value for lang in Language)
    statuses.add_argument("--language", metavar="L", help=f"one of {languages}")
    statuses.add_argument("--show-deleted", action="store_true")
    replace = _add(group, "replace", commands.statuses_replace, "replace all shop order statuses")
    replace.add_argument("id", type=int, help="integration id")
    replace.add_argument("--file", required=True, help="JSON array of statuses (- for stdin)")

    group = _group(top, "mapping", "read and set the status mapping")
    _add(group, "get", commands.mapping_get, "show the status mapping").add_argument(
        "id", type=int, help="integration id"
    )
    mapping = _add(group, "set", commands.mapping_set, "set the status mapping, showing the change")
    mapping.add_argument("id", type=int, help="integration id")
    mapping.add_argument("--file", required=True, help="JSON object category -> external_id")
    mapping.add_argument("--dry-run", action="store_true", help="show the change, apply nothing")
    return parser


def _debug_logging(stderr: TextIO) -> None:
    # The SDK's logger records method, URL, status and timing, never headers or bodies.
    handler = logging.StreamHandler(stderr)
    handler.setFormatter(logging.Formatter("debug: %(name)s: %(message)s"))
    logger = logging.getLogger("sendcloud_integrations")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)


def run(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run one command; the exit status (see ExitCode)."""
    errors = stderr or sys.stderr
    debug = False
    try:
        args = build_parser().parse_args(argv)
        debug = args.debug
        out = Output(stdin or sys.stdin, stdout or sys.stdout, errors, json_mode=args.json)
        if debug:
            _debug_logging(errors)
        handler: Handler = args.handler
        with open_client(args, out) as client:
            return handler(client, args, out)
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`... | head`): nothing more to say, and nowhere to say it.
        return ExitCode.OK
    except Exception as exc:
        if debug:
            traceback.print_exc(file=errors)
        message, code = describe(exc)
        errors.write(f"error: {message}\n")
        errors.flush()
        return code
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else ExitCode.OK


__all__ = ["CommandError", "ExitCode", "build_parser", "run"]
