"""Sandbox authentication: Basic credentials, Bearer tokens and the fake token endpoint."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from sendcloud_integrations.testing import Credentials, Sandbox

from ._sandbox_support import MODES, open_client, token_url


@pytest.fixture(params=MODES)
def api(request: pytest.FixtureRequest, sandbox: Sandbox) -> Iterator[httpx.Client]:
    with open_client(sandbox, request.param) as client:
        yield client


def _token(api: httpx.Client, sandbox: Sandbox, **form: str) -> httpx.Response:
    creds = sandbox.credentials
    return api.post(
        token_url(api),
        data={"grant_type": "client_credentials", **form},
        auth=httpx.BasicAuth(creds.client_id, creds.client_secret),
    )


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_no_credentials_answers_the_spec_unauthorized_body(api: httpx.Client) -> None:
    """A request without credentials answers 401 in the spec's AuthenticationRequired format."""
    response = api.get("/integrations", auth=None)
    assert response.status_code == 401
    assert response.json() == {
        "errors": [
            {
                "status": "401",
                "code": "authentication_failed",
                "title": "No credentials",
                "detail": "Authentication credentials were not provided.",
            }
        ]
    }
    assert response.headers["WWW-Authenticate"].startswith("Basic")


def test_wrong_basic_credentials_answer_invalid_credentials(api: httpx.Client) -> None:
    """A wrong secret key answers 401 in the spec's InvalidCredentials format."""
    response = api.get("/integrations", auth=("sandbox-public-key", "wrong"))
    assert response.status_code == 401
    (error,) = response.json()["errors"]
    assert (error["code"], error["title"]) == (
        "authentication_failed",
        "Invalid username/password.",
    )


def test_custom_credentials_replace_the_defaults() -> None:
    """A sandbox built with other keys accepts those and refuses the defaults."""
    sandbox = Sandbox(credentials=Credentials(public_key="pk", secret_key="sk"))
    with open_client(sandbox, "in-process", auth=httpx.BasicAuth("pk", "sk")) as api:
        assert api.get("/integrations").status_code == 200
        assert (
            api.get("/integrations", auth=("sandbox-public-key", "sandbox-secret-key")).status_code
            == 401
        )


def test_token_endpoint_issues_a_bearer_token_the_api_accepts(
    api: httpx.Client, sandbox: Sandbox
) -> None:
    """client_credentials with valid client auth yields a Bearer token that opens the API."""
    response = _token(api, sandbox)
    assert response.status_code == 200
    body = response.json()
    assert (body["token_type"], body["expires_in"], body["scope"]) == ("Bearer", 3600, "api")
    assert response.headers["Cache-Control"] == "no-store"
    assert (
        api.get("/integrations", auth=None, headers=_bearer(body["access_token"])).status_code
        == 200
    )


def test_client_secret_may_come_in_the_form(api: httpx.Client, sandbox: Sandbox) -> None:
    """RFC 6749 §2.3.1 lets the client send its id and secret as form fields instead."""
    creds = sandbox.credentials
    form = {
        "grant_type": "client_credentials",
        "client_id": creds.client_id,
        "client_secret": creds.client_secret,
    }
    assert api.post(token_url(api), data=form, auth=None).status_code == 200


@pytest.mark.parametrize(
    ("form", "auth", "status", "error"),
    [
        (
            {"grant_type": "client_credentials"},
            ("sandbox-client-id", "nope"),
            401,
            "invalid_client",
        ),
        ({"grant_type": "password"}, None, 400, "unsupported_grant_type"),
        ({"grant_type": "client_credentials", "scope": "admin"}, None, 400, "invalid_scope"),
    ],
)
def test_token_endpoint_errors_follow_rfc_6749(
    api: httpx.Client,
    sandbox: Sandbox,
    form: dict[str, str],
    auth: tuple[str, str] | None,
    status: int,
    error: str,
) -> None:
    """Bad client credentials, grant types and scopes answer the RFC 6749 error codes."""
    creds = sandbox.credentials
    response = api.post(
        token_url(api),
        data=form,
        auth=httpx.BasicAuth(*(auth or (creds.client_id, creds.client_secret))),
    )
    assert (response.status_code, response.json()["error"]) == (status, error)


def test_token_expires_after_expires_in(api: httpx.Client, sandbox: Sandbox) -> None:
    """A token stops working once the sandbox clock passes its expires_in."""
    sandbox.token_expires_in = 30
    body = _token(api, sandbox).json()
    assert body["expires_in"] == 30
    sandbox.clock.advance(29)  # type: ignore[attr-defined]
    assert (
        api.get("/integrations", auth=None, headers=_bearer(body["access_token"])).status_code
        == 200
    )
    sandbox.clock.advance(1)  # type: ignore[attr-defined]
    response = api.get("/integrations", auth=None, headers=_bearer(body["access_token"]))
    assert response.status_code == 401
    assert response.json()["errors"][0]["title"] == "Token expired"
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]


def test_revoked_and_unknown_tokens_are_refused(api: httpx.Client, sandbox: Sandbox) -> None:
    """A revoked token and a made-up one both answer 401 invalid token."""
    token = sandbox.issue_token()
    sandbox.tokens.revoke(token)
    for candidate in (token, "made-up"):
        response = api.get("/integrations", auth=None, headers=_bearer(candidate))
        assert response.status_code == 401
        assert response.json()["errors"][0]["title"] == "Invalid token"


def test_expire_tokens_ends_every_issued_token(api: httpx.Client, sandbox: Sandbox) -> None:
    """expire_tokens() expires all issued tokens at once; new ones work again."""
    old = sandbox.issue_token()
    sandbox.expire_tokens()
    assert api.get("/integrations", auth=None, headers=_bearer(old)).status_code == 401
    assert sandbox.tokens.active() == 0
    assert (
        api.get("/integrations", auth=None, headers=_bearer(sandbox.issue_token())).status_code
        == 200
    )


def test_secrets_stay_out_of_repr() -> None:
    """Neither repr(Sandbox) nor repr(Credentials) shows a secret."""
    sandbox = Sandbox(
        credentials=Credentials(secret_key="s3cret-key", client_secret="s3cret-client")
    )
    text = repr(sandbox) + repr(sandbox.credentials)
    assert "s3cret" not in text
    assert "sandbox-public-key" in text
