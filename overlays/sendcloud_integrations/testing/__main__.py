"""``python -m sendcloud_integrations.testing [--port 0] [demo]``: run the sandbox on loopback."""

from __future__ import annotations

import argparse
import contextlib
import shlex
import signal
import sys
from types import FrameType
from typing import TYPE_CHECKING

from ._seed import DEFAULT_LOG_COUNT

if TYPE_CHECKING:
    from ._oauth import Credentials


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m sendcloud_integrations.testing",
        description="Serve a local sandbox of Sendcloud's Integrations API v3 over HTTP.",
    )
    parser.add_argument("command", nargs="?", choices=["serve", "demo"], default="serve")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port; 0 picks a free one")
    parser.add_argument("--logs", type=int, default=DEFAULT_LOG_COUNT, help="seeded log records")
    parser.add_argument(
        "--token-expires-in", type=int, default=3600, help="OAuth2 token lifetime in seconds"
    )
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    return parser


def env_lines(base_url: str, token_url: str, creds: Credentials) -> list[str]:
    """Lines a shell can ``export`` (``export $(... | grep -v '^#')``) for ``Client.from_env``.

    The sandbox's published, fixed test credentials, not secrets. Basic auth is
    active; the OAuth2 pair is commented out, since from_env refuses both at once.
    """
    return [
        f"SENDCLOUD_BASE_URL={shlex.quote(base_url)}",
        f"SENDCLOUD_TOKEN_URL={shlex.quote(token_url)}",
        f"SENDCLOUD_PUBLIC_KEY={shlex.quote(creds.public_key)}",
        f"SENDCLOUD_SECRET_KEY={shlex.quote(creds.secret_key)}",
        "# or OAuth2 instead of Basic auth (unset the two lines above):",
        f"# SENDCLOUD_CLIENT_ID={shlex.quote(creds.client_id)}",
        f"# SENDCLOUD_CLIENT_SECRET={shlex.quote(creds.client_secret)}",
    ]


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        from ._oauth import Credentials
        from ._sandbox import Sandbox
        from ._server import SandboxServer
        from .demo import main as demo_main
    except ImportError as error:
        print(
            f"{error}\nThe sandbox needs its extra: pip install 'sendcloud-integrations[sandbox]'",
            file=sys.stderr,
        )
        return 2
    if args.command == "demo":
        return demo_main([])
    sandbox = Sandbox(log_count=args.logs, token_expires_in=args.token_expires_in)

    server = SandboxServer(sandbox, args.host, args.port, verbose=args.verbose)
    creds = Credentials()
    for line in env_lines(server.base_url, server.token_url, creds):
        print(line)
    print("# Press Ctrl+C to stop.", flush=True)
    signal.signal(signal.SIGTERM, _stop)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
