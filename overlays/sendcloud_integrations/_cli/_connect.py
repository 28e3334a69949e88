"""The client a command talks through: from the environment, or an in-process sandbox."""

from __future__ import annotations

import argparse

from .. import BasicAuth, Client, SendcloudError
from ._errors import CommandError, ExitCode, usage_error
from ._output import Output

SANDBOX_NOTE = (
    "sandbox: answering from an in-process sandbox with its seed data; "
    "nothing is sent to Sendcloud and nothing is kept after this command"
)


def open_client(args: argparse.Namespace, output: Output) -> Client:
    """``Client.from_env`` (with ``--base-url`` over SENDCLOUD_BASE_URL), or the sandbox."""
    if args.sandbox:
        if args.base_url:
            raise usage_error("--sandbox and --base-url exclude each other")
        return _sandbox_client(output)
    kwargs = {"base_url": args.base_url} if args.base_url else {}
    try:
        return Client.from_env(**kwargs)
    except ValueError as exc:
        if isinstance(exc, SendcloudError):
            raise  # reported as what it is
        # The client refuses a base URL holding user:password without echoing it.
        raise CommandError(f"base URL: {exc}", ExitCode.CONFIGURATION) from None


def _sandbox_client(output: Output) -> Client:
    try:
        from ..testing import Sandbox

        sandbox = Sandbox()
    except ImportError:
        raise CommandError(
            "--sandbox needs the sandbox extra: pip install 'sendcloud-integrations[sandbox]'",
            ExitCode.CONFIGURATION,
        ) from None
    output.note(SANDBOX_NOTE)
    creds = sandbox.credentials
    return Client(
        auth=BasicAuth(creds.public_key, creds.secret_key),
        base_url=sandbox.base_url,
        transport=sandbox.transport(),
    )
