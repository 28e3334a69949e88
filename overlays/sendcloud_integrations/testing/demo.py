"""A walk through every operation with the real `sc.Client`, against the sandbox over HTTP.

Run it with ``python -m sendcloud_integrations.testing demo`` (or ``... .testing.demo``).
It starts the sandbox on 127.0.0.1 (a free port), prints each step, and stops it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import httpx

import sendcloud_integrations as sc

from ._sandbox import Sandbox
from ._seed import API_ID, PRESTASHOP_ID, WOOCOMMERCE_ID

Say = Callable[[str], None]


def _basic_auth_tour(client: sc.Client, auth: httpx.Auth, say: Say) -> None:
    say("\n1. List integrations, most recently updated first")
    for i in client.integrations.list(sort="-updated_at"):
        say(f"   {i.id:>9}  {i.type_!s:<14} {i.shop_name!s:<20} updated {i.updated_at}")

    say(f"\n2. Rename integration {PRESTASHOP_ID} (PATCH changes only the fields given)")
    client.integrations.update(PRESTASHOP_ID, shop_name="Demo PrestaShop (renamed)")
    renamed = client.integrations.get(PRESTASHOP_ID)
    say(f"   shop_name={renamed.shop_name!r}, shop_url={renamed.shop_url!r} (unchanged)")

    say(f"\n3. Turn on the webhook of {WOOCOMMERCE_ID} without a webhook_url")
    try:
        client.integrations.update(WOOCOMMERCE_ID, webhook_active=True)
    except sc.RequestValidationError as error:
        say(f"   the client refuses it before sending: {error}")
    raw = httpx.patch(
        f"{client.base_url}/integrations/{WOOCOMMERCE_ID}",
        json={"webhook_active": True},
        auth=auth,
    )
    say(f"   the API refuses it as well, a raw PATCH answers {raw.status_code}: {raw.text}")
    client.integrations.update(
        WOOCOMMERCE_ID, webhook_active=True, webhook_url="https://shop.example/hook"
    )
    say("   with webhook_url=https://shop.example/hook it is accepted")

    say(f"\n4. Create exception logs for integration {PRESTASHOP_ID}")
    for code in (401, 495, 503):
        log = client.exception_logs.create(
            PRESTASHOP_ID, base_url="https://shop.example", method="POST", response_code=code
        )
        say(f"   created log {log.id} (response_code {log.response_code}) at {log.created_at}")

    say("\n5. Iterate over every log of every integration, 100 per page (newest first)")
    pages = 0
    total = 0
    for page in client.exception_logs.list(page_size=100).pages():
        pages += 1
        total += len(page.items)
        more = "more follow" if page.next_url else "last page"
        say(f"   page {pages}: {len(page.items)} logs, newest id {page.items[0].id}, {more}")
    say(f"   {total} logs over {pages} pages")

    say(f"\n6. Replace the shop order statuses of {PRESTASHOP_ID}")
    client.shop_order_statuses.replace(
        PRESTASHOP_ID,
        statuses=[
            {
                "external_id": "11",
                "translations": [
                    {"status": "Ready to ship", "language": "en-gb"},
                    {"status": "Klaar voor verzending", "language": "nl-nl"},
                ],
            },
            {
                "external_id": "12",
                "translations": [
                    {"status": "Delivered", "language": "en-gb"},
                    {"status": "Bezorgd", "language": "nl-nl"},
                ],
            },
            {"external_id": "17-B", "translations": [{"status": "Verzonden", "language": "nl-nl"}]},
        ],
    )
    for status in client.shop_order_statuses.list(
        PRESTASHOP_ID, language="nl-nl", show_deleted=True
    ):
        gone = f"deleted at {status.deleted_at}" if status.deleted_at else "active"
        say(f"   {status.external_id!s:<5} {status.status!s:<22} {gone}")

    say(f"\n7. Set and read the status mapping of {PRESTASHOP_ID}")
    client.status_mapping.set(
        PRESTASHOP_ID,
        {"READY_TO_SEND": "11", "IN_TRANSIT": "11", "DELIVERED": "12", "CANCEL": "13"},
    )
    mapping = client.status_mapping.get(PRESTASHOP_ID)
    for entry in mapping.mapping or []:
        say(f"   {entry.status_category!s:<14} -> {entry.external_id!s:<5} valid={entry.is_valid}")
    say("   (CANCEL points at status 13, deleted by step 6, so it is not valid)")

    say(f"\n8. Delete integration {API_ID}, then fetch it")
    client.integrations.delete(API_ID)
    try:
        client.integrations.get(API_ID)
    except sc.NotFoundError as error:
        say(f"   NotFoundError, codes={error.codes}")


def run(sandbox: Sandbox, base_url: str, token_url: str, say: Say = print) -> None:
    """The tour against a running sandbox (the tests call this with a loopback server)."""
    creds = sandbox.credentials
    auth = sc.BasicAuth(creds.public_key, creds.secret_key)
    with sc.Client(auth=auth, base_url=base_url) as client:
        _basic_auth_tour(client, auth, say)

    say("\n9. OAuth2 client credentials, with a token that expires")
    oauth = sc.OAuth2ClientCredentials(creds.client_id, creds.client_secret, token_url=token_url)
    with sc.Client(auth=oauth, base_url=base_url) as client:
        count = len(client.integrations.list())
        issued = sandbox.tokens.issued
        say(f"   listed {count} integrations with a Bearer token (tokens issued: {issued})")
        sandbox.faults.expire_token_after(1)
        client.integrations.get(PRESTASHOP_ID)
        client.integrations.get(PRESTASHOP_ID)  # the sandbox expires the token on this one
        say(
            "   the sandbox expired the token; the client fetched a new one and replayed "
            f"the request (tokens issued: {sandbox.tokens.issued}, "
            f"faults injected: {dict(sandbox.faults.counts)})"
        )


def main(argv: list[str] | None = None) -> int:
    sandbox = Sandbox()
    with sandbox.serve() as server:
        print("Sendcloud Integrations sandbox demo")
        print(f"   sandbox running at {server.base_url} (token URL {server.token_url})")
        run(sandbox, server.base_url, server.token_url)
    print("\nDone: the sandbox is stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
