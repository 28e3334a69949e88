"""The one request handler both the httpx transport and the loopback server call."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._faults import Target
from ._http import (
    JSON_TYPE,
    ApiError,
    ErrorItem,
    SandboxRequest,
    SandboxResponse,
    not_found,
)
from ._oauth import TOKEN_PATH, TokenState, basic_pair, same, token_endpoint
from ._operations import OPERATIONS, Context
from ._rules import check_prose_rules
from ._spec import API_PREFIX, Operation, match
from ._validate import validate_body, validate_params

if TYPE_CHECKING:
    from ._sandbox import Sandbox

_TOKEN_TARGET = Target(f"POST {TOKEN_PATH}", None, is_api=False)
_NO_CREDENTIALS = ErrorItem(
    "authentication_failed", "No credentials", "Authentication credentials were not provided."
)
_BAD_PASSWORD = ErrorItem(
    "authentication_failed",
    "Invalid username/password.",
    "The username or password provided is incorrect. "
    "Please make a request with the valid credentials.",
)
_BAD_TOKEN = ErrorItem(
    "authentication_failed", "Invalid token", "The access token is invalid or has been revoked."
)
_EXPIRED_TOKEN = ErrorItem(
    "authentication_failed", "Token expired", "The access token has expired."
)


def _unauthorized(item: ErrorItem, scheme: str = "Basic") -> ApiError:
    challenge = (
        'Basic realm="api"' if scheme == "Basic" else 'Bearer realm="api", error="invalid_token"'
    )
    return ApiError(401, [item], {"WWW-Authenticate": challenge})


def _authenticate(sandbox: Sandbox, request: SandboxRequest, target: Target) -> None:
    header = request.header("authorization") or ""
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer":
        token = value.strip()
        state = sandbox.tokens.state(token)
        if state is TokenState.VALID and sandbox.faults.token_expires(target):
            sandbox.tokens.expire(token)
            state = TokenState.EXPIRED
        if state is TokenState.VALID:
            return
        raise _unauthorized(_EXPIRED_TOKEN if state is TokenState.EXPIRED else _BAD_TOKEN, "Bearer")
    pair = basic_pair(header) if scheme.lower() == "basic" else None
    if pair is None:
        raise _unauthorized(_BAD_PASSWORD if header else _NO_CREDENTIALS)
    creds = sandbox.credentials
    if not (same(pair[0], creds.public_key) and same(pair[1], creds.secret_key)):
        raise _unauthorized(_BAD_PASSWORD)


def _content_type_ok(request: SandboxRequest) -> bool:
    if not request.body.strip():
        return True
    given = (request.header("content-type") or JSON_TYPE).split(";")[0].strip().lower()
    return given == JSON_TYPE or given.endswith("+json")


def _call(
    sandbox: Sandbox,
    request: SandboxRequest,
    op: Operation | None,
    allowed: list[str],
    path_values: dict[str, str],
    target: Target,
) -> SandboxResponse:
    _authenticate(sandbox, request, target)
    if op is None:
        item = ErrorItem("invalid", "Method Not Allowed", f'Method "{request.method}" not allowed.')
        raise ApiError(405, [item], {"Allow": ", ".join(allowed)})
    try:
        path_params = validate_params(op, "path", path_values)
    except ApiError:
        # A malformed id names no resource: 404, as a router with an int converter answers.
        raise not_found() from None
    params = {**validate_params(op, "query", request.query), **path_params}
    if op.body_pointer is not None and not _content_type_ok(request):
        item = ErrorItem("invalid", "Unsupported Media Type", "Send the body as application/json.")
        raise ApiError(415, [item])
    body = validate_body(op, request.body)
    ctx = Context(sandbox.state, sandbox.clock, request)
    with sandbox.state.lock:
        check_prose_rules(sandbox.state, op.operation_id, params, body)
        return OPERATIONS[op.operation_id](ctx, params, body)


def handle(sandbox: Sandbox, request: SandboxRequest) -> SandboxResponse:
    """Answer one request: faults, then authentication, validation and the operation."""
    path = request.path
    if path.rstrip("/") == TOKEN_PATH.rstrip("/"):
        target = _TOKEN_TARGET
        delay, response = sandbox.faults.before(target)
        if response is None:
            response = token_endpoint(request, sandbox.credentials, sandbox.tokens)
    else:
        found = match(path[len(API_PREFIX) :]) if path.startswith(API_PREFIX + "/") else None
        if found is None:
            return not_found("Not found.").response()
        entry, path_values = found
        op = entry.operations.get(request.method.upper())
        target = Target(
            f"{request.method.upper()} {entry.template}", op.operation_id if op else None, True
        )
        delay, response = sandbox.faults.before(target)
        if response is None:
            try:
                response = _call(sandbox, request, op, list(entry.operations), path_values, target)
            except ApiError as error:
                response = error.response()
    response.delay += delay
    response.breakage = sandbox.faults.breakage(target, has_body=bool(response.body))
    return response
