"""``python -m sendcloud_integrations.testing [--port 0] [demo]``: run the sandbox on loopback."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
from types import FrameType

from ._seed import DEFAULT_LOG_COUNT


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
    # Machine-readable first lines: a parent process reads the URLs from them.
    print(f"SANDBOX_BASE_URL={server.base_url}")
    print(f"SANDBOX_TOKEN_URL={server.token_url}")
    # These are the sandbox's published, fixed test credentials, not secrets.
    print(f"Basic auth: public key {creds.public_key!r}, secret key {creds.secret_key!r}")
    print(f"OAuth2:     client id {creds.client_id!r}, client secret {creds.client_secret!r}")
    print("Press Ctrl+C to stop.", flush=True)
    signal.signal(signal.SIGTERM, _stop)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
