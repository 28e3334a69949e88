"""The response judge is not blind: a parser that crashes, or errs without a reason, fails.

Each test plants one defect in the client's response parsing and runs the
judge the robustness tests use against Prism's random answers.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc
from sendcloud_integrations import _parse
from sendcloud_integrations._operations import GET_INTEGRATION

from ._cases import sync_client
from ._judge import Recorder
from ._prism import PrismServer
from ._robust import BY_OPERATION, has_reason, judge

GET = BY_OPERATION[GET_INTEGRATION]


def _judge_once(server: PrismServer) -> str:
    recorder = Recorder()
    with sync_client(server.base_url, recorder) as client:
        return judge(GET, recorder, GET.call_sync(client), {sc.ResponseValidationError: has_reason})


def test_bare_key_error_fails_naming_operation_and_answer(
    prism_dynamic: PrismServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A parser that lets a KeyError escape fails the judge with the operation and Prism's body."""

    def crash(response: httpx.Response) -> Any:
        return response.json()["no-such-key"]

    monkeypatch.setattr(_parse, "integration", crash)
    with pytest.raises(AssertionError) as failure:
        _judge_once(prism_dynamic)
    message = str(failure.value)
    assert f"{GET_INTEGRATION}: KeyError: 'no-such-key'" in message
    assert "Prism's answer: HTTP 200 {" in message


def test_response_validation_error_without_reason_fails(
    prism_dynamic: PrismServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A ResponseValidationError must say why; an empty reason fails the judge."""

    def vague(response: httpx.Response) -> Any:
        raise sc.ResponseValidationError("", response)

    monkeypatch.setattr(_parse, "integration", vague)
    with pytest.raises(AssertionError, match="without a reason"):
        _judge_once(prism_dynamic)


def test_response_validation_error_with_reason_is_an_accepted_outcome(
    prism_dynamic: PrismServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A parser refusing a body with a reason is counted as a typed outcome, not a failure."""

    def refuse(response: httpx.Response) -> Any:
        raise sc.ResponseValidationError("data: not what the spec promises", response)

    monkeypatch.setattr(_parse, "integration", refuse)
    assert _judge_once(prism_dynamic) == "ResponseValidationError"


def test_wrong_model_type_fails(
    prism_dynamic: PrismServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A parser returning the wrong type fails the model check with the type named."""
    monkeypatch.setattr(_parse, "integration", lambda response: response.json())
    with pytest.raises(AssertionError, match="expected Integration, got dict"):
        _judge_once(prism_dynamic)
