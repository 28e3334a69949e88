"""The console script's integrations, statuses and mapping commands, its errors and exit codes.

Each test runs the installed ``sendcloud-integrations`` as a subprocess against a
sandbox served on 127.0.0.1, with credentials in the environment; several
commands share one test because every process start costs about a second here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from ._cli_support import (
    CANARIES,
    CLIENT_SECRET_CANARY,
    SECRET_CANARY,
    assert_one_error_line,
    base_env,
    run_in_terminal,
    served,
)


def _json(result: subprocess.CompletedProcess[str]) -> object:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_integrations_commands_print_json_shapes_and_change_the_account() -> None:
    """list gives an array, get/update/delete objects; update and delete reach the server."""
    with served() as cli:
        listed = _json(cli.run("integrations", "list", "--json"))
        assert isinstance(listed, list)
        assert {251, 23452345, 1001, 1002} <= {i["id"] for i in listed}
        assert all(isinstance(i, dict) and "shop_name" in i for i in listed)

        one = _json(cli.run("--json", "integrations", "get", "251"))
        assert isinstance(one, dict)
        assert (one["id"], one["shop_name"]) == (251, "Demo PrestaShop")
        assert one["updated_at"].startswith("2024-02-01T10:00:00")  # ISO 8601

        updated = _json(
            cli.run(
                "integrations", "update", "251", "--shop-name", "Renamed", "--webhook-active",
                "--webhook-url", "https://shop.example/hook", "--service-point-carriers",
                "ups,dhl", "--feedback-type", "delayed", "--json",
            )
        )  # fmt: skip
        assert isinstance(updated, dict)
        assert updated["shop_name"] == "Renamed"
        assert updated["service_point_carriers"] == ["ups", "dhl"]
        with cli.client() as client:
            stored = client.integrations.get(251)
        assert (stored.webhook_active, stored.webhook_url) == (True, "https://shop.example/hook")
        assert stored.feedback_type == "delayed"

        deleted = _json(cli.run("integrations", "delete", "1002", "--yes", "--json"))
        assert deleted == {"id": 1002, "deleted": True}
        gone = cli.run("integrations", "get", "1002")
        assert_one_error_line(
            gone, 1, "error: 404 not_found: The Integration could not be found with the search "
            "criteria given",
        )  # fmt: skip


def test_refusals_send_nothing_and_exit_2() -> None:
    """Invalid updates, delete without --yes off a terminal and bad options change nothing."""
    with served() as cli:
        nothing = cli.run("integrations", "update", "251")
        assert_one_error_line(nothing, 2, "nothing to update")
        no_url = cli.run("integrations", "update", "251", "--webhook-active")
        assert_one_error_line(no_url, 2, "--webhook-url")
        refused = cli.run("integrations", "delete", "251")
        assert_one_error_line(refused, 2, "pass --yes")
        assert_one_error_line(cli.run("logs", "list", "--limit", "x"), 2, "invalid int value")
        assert_one_error_line(cli.run("integrations", "explode"), 2, "invalid choice")
        assert_one_error_line(cli.run("logs", "tail", "--interval", "0"), 2, "more than 0")
        with cli.client() as client:
            stored = client.integrations.get(251)
        assert (stored.webhook_active, stored.shop_name) == (False, "Demo PrestaShop")


def test_plain_output_off_a_terminal_is_tab_separated() -> None:
    """Without --json and without a terminal: one tab-separated line per record, no header."""
    with served() as cli:
        listed = cli.run("integrations", "list")
        assert listed.returncode == 0, listed.stderr
        rows = [line.split("\t") for line in listed.stdout.splitlines()]
        assert {row[0] for row in rows} == {"251", "23452345", "1001", "1002"}
        assert len({len(row) for row in rows}) == 1  # same columns on every line
        fields = dict(
            line.split("\t", 1)
            for line in cli.run("integrations", "get", "251").stdout.splitlines()
        )
        assert fields["shop_name"] == "Demo PrestaShop"
        assert fields["created_at"] == "2023-09-12T08:30:00+00:00"
        assert listed.stderr == ""


def test_statuses_list_and_replace_round_trip(tmp_path: Path) -> None:
    """statuses list filters by language and deletion; its JSON output feeds replace."""
    with served() as cli:
        shown = _json(cli.run("statuses", "list", "251", "--language", "nl-nl", "--json"))
        assert isinstance(shown, list)
        assert all(s["deleted_at"] is None for s in shown)
        assert {"11", "12"} <= {s["external_id"] for s in shown}
        everything = _json(cli.run("statuses", "list", "251", "--show-deleted", "--json"))
        assert isinstance(everything, list)
        assert len(everything) > len(shown)

        edited = [s for s in shown if s["external_id"] != "12"]
        edited.append(
            {"external_id": "99", "translations": [{"status": "New", "language": "en-gb"}]}
        )
        path = tmp_path / "statuses.json"
        path.write_text(json.dumps(edited), encoding="utf-8")
        replaced = _json(cli.run("statuses", "replace", "251", "--file", str(path), "--json"))
        assert isinstance(replaced, list)
        assert {s["external_id"] for s in replaced} == {s["external_id"] for s in edited}

        path.write_text("[{", encoding="utf-8")
        assert_one_error_line(
            cli.run("statuses", "replace", "251", "--file", str(path)), 2, "not JSON"
        )
        missing = cli.run("statuses", "replace", "251", "--file", str(tmp_path / "none.json"))
        assert_one_error_line(missing, 2, "cannot read")


def test_mapping_set_shows_the_change_and_dry_run_applies_nothing(tmp_path: Path) -> None:
    """mapping set prints each changed category; --dry-run leaves the server's mapping alone."""
    with served() as cli:
        current = _json(cli.run("mapping", "get", "251", "--json"))
        assert isinstance(current, dict)
        assert current["integration_id"] == 251
        entries = {e["status_category"]: e["external_id"] for e in current["mapping"]}
        assert set(entries) == {"READY_TO_SEND", "IN_TRANSIT", "DELIVERED", "CANCEL"}

        wanted = {**entries, "CANCEL": None, "DELIVERED": "11"}
        path = tmp_path / "mapping.json"
        path.write_text(json.dumps(wanted), encoding="utf-8")
        dry = cli.run("mapping", "set", "251", "--file", str(path), "--dry-run")
        assert dry.returncode == 0, dry.stderr
        assert dry.stdout.splitlines() == [
            f"DELIVERED: {entries['DELIVERED']} -> 11",
            f"CANCEL: {entries['CANCEL'] or '(none)'} -> (none)",
        ]
        with cli.client() as client:
            before = {
                m.status_category: m.external_id for m in client.status_mapping.get(251).mapping
            }
        assert before == entries

        # The output of `mapping get --json`, edited, is accepted as the file.
        current["mapping"] = [
            {**e, "external_id": wanted[e["status_category"]]} for e in current["mapping"]
        ]
        path.write_text(json.dumps(current), encoding="utf-8")
        applied = _json(cli.run("mapping", "set", "251", "--file", str(path), "--json"))
        assert applied == {
            "integration_id": 251,
            "changes": [
                {"status_category": "DELIVERED", "from": entries["DELIVERED"], "to": "11"},
                {"status_category": "CANCEL", "from": entries["CANCEL"], "to": None},
            ],
            "applied": True,
        }
        with cli.client() as client:
            after = {
                m.status_category: m.external_id for m in client.status_mapping.get(251).mapping
            }
        assert after == wanted


def test_credentials_come_from_the_environment_and_are_never_printed() -> None:
    """Missing variables are named (exit 3), a refused secret exits 3, --debug shows no secret."""
    with served() as cli:
        bare = cli.run("integrations", "list", env=base_env())
        assert_one_error_line(bare, 3, "SENDCLOUD_PUBLIC_KEY")
        half = {**base_env(), "SENDCLOUD_PUBLIC_KEY": "pk"}
        assert_one_error_line(cli.run("integrations", "list", env=half), 3, "SENDCLOUD_SECRET_KEY")

        wrong = {**cli.env, "SENDCLOUD_SECRET_KEY": SECRET_CANARY + "-wrong"}
        refused = cli.run("integrations", "list", env=wrong)
        assert_one_error_line(refused, 3, "error: 401")
        debug = cli.run("--debug", "integrations", "list", env=wrong)
        assert debug.returncode == 3
        assert "Traceback" in debug.stderr  # --debug shows it ...
        ok = cli.run("integrations", "get", "251", "--debug")
        assert ok.returncode == 0
        assert "debug: sendcloud_integrations" in ok.stderr
        in_url = cli.server.base_url.replace("//", f"//user:{SECRET_CANARY}@")
        userinfo = cli.run("--debug", "--base-url", in_url, "integrations", "list")
        assert userinfo.returncode == 3, userinfo.stderr
        assert userinfo.stderr.splitlines()[-1].startswith("error: base_url must not contain")
        for result in (refused, debug, ok, userinfo):
            for canary in CANARIES:  # ... but never a secret
                assert canary not in result.stdout + result.stderr

        creds = cli.sandbox.credentials
        oauth = {
            **base_env(),
            "SENDCLOUD_CLIENT_ID": creds.client_id,
            "SENDCLOUD_CLIENT_SECRET": creds.client_secret,
            "SENDCLOUD_TOKEN_URL": cli.server.token_url,
            "SENDCLOUD_BASE_URL": "http://127.0.0.1:9/nothing-listens-here",
        }
        # --base-url wins over SENDCLOUD_BASE_URL.
        listed = cli.run(
            "--base-url", cli.server.base_url, "integrations", "list", "--json", env=oauth
        )
        assert listed.returncode == 0, listed.stderr
        wrong_secret = {**oauth, "SENDCLOUD_CLIENT_SECRET": CLIENT_SECRET_CANARY + "-wrong"}
        bad_client = cli.run("integrations", "list", "--debug", env=wrong_secret)
        assert bad_client.returncode == 3, bad_client.stderr
        assert bad_client.stderr.splitlines()[-1].startswith("error: 401 ")
        for canary in CANARIES:
            assert canary not in bad_client.stdout + bad_client.stderr


def test_sandbox_flag_says_so_and_python_m_runs_the_same_command() -> None:
    """--sandbox needs no credentials and says on stderr that it is the sandbox."""
    command = ["--sandbox", "integrations", "get", "251", "--json"]
    result = subprocess.run(
        [sys.executable, "-m", "sendcloud_integrations", *command],
        env=base_env(), capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["shop_name"] == "Demo PrestaShop"
    assert result.stderr.startswith("sandbox: ")


def _without(module: str, *argv: str) -> subprocess.CompletedProcess[str]:
    probe = (
        f"import sys; sys.modules[{module!r}] = None\n"
        "from sendcloud_integrations._cli import main\n"
        f"sys.exit(main({list(argv)!r}))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", probe], env=base_env(), capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip


def test_without_an_extra_the_command_names_it() -> None:
    """Without Rich the command names the [cli] extra; --sandbox without jsonschema [sandbox]."""
    no_rich = _without("rich", "integrations", "list")
    assert no_rich.returncode == 3
    assert no_rich.stderr == (
        "error: the command line needs its extra: pip install 'sendcloud-integrations[cli]'\n"
    )
    no_sandbox = _without("jsonschema", "--sandbox", "integrations", "list")
    assert_one_error_line(no_sandbox, 3, "pip install 'sendcloud-integrations[sandbox]'")


def test_on_a_terminal_lists_are_tables_and_delete_asks_first() -> None:
    """A terminal gets a table; delete asks, "n" keeps the integration (exit 4), "y" deletes."""
    with served() as cli:
        code, screen = run_in_terminal("integrations", "list", env=cli.env)
        assert code == 0, screen
        header = next(line for line in screen.splitlines() if "shop_name" in line)
        assert "id" in header
        assert "┃" in header  # Rich's table, not tab-separated lines
        assert "23452345" in screen  # ids are folded, never cut short

        code, screen = run_in_terminal("integrations", "delete", "251", env=cli.env, answer="n")
        assert code == 4, screen
        assert "Delete integration 251 (Demo PrestaShop)" in screen
        with cli.client() as client:
            assert client.integrations.get(251).id == 251

        code, screen = run_in_terminal("integrations", "delete", "251", env=cli.env, answer="y")
        assert code == 0, screen
        assert "deleted integration 251" in screen
        with cli.client() as client:
            assert 251 not in {i.id for i in client.integrations.list()}
