"""Sandbox answers checked against the spec's response schemas, including where the spec has gaps.

tests/schemathesis.toml relaxes some schemathesis checks for named spec defects; the
tests here pin what the sandbox answers in each of those cases, and check the bodies
schemathesis no longer checks there.
"""

from __future__ import annotations

from typing import Any

import httpx
import jsonschema
import pytest
import referencing
from referencing.jsonschema import DRAFT202012
from sendcloud_integrations.testing import PRESTASHOP_ID, Sandbox

from ._sandbox_support import open_client

URI = "urn:spec"


@pytest.fixture(scope="module")
def registry(spec: dict[str, Any]) -> referencing.Registry[Any]:
    return referencing.Registry().with_resource(URI, DRAFT202012.create_resource(spec))


@pytest.fixture
def api(sandbox: Sandbox) -> Any:
    with open_client(sandbox, "in-process") as client:
        yield client


def _errors(
    registry: referencing.Registry[Any], pointer: str, body: Any
) -> list[jsonschema.ValidationError]:
    validator = jsonschema.Draft202012Validator(
        {"$ref": f"{URI}#{pointer}"},
        registry=registry,
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    return list(validator.iter_errors(body))


def _response_pointer(template: str, method: str, status: int) -> str:
    path = template.replace("~", "~0").replace("/", "~1")
    return f"/paths/{path}/{method}/responses/{status}/content/application~1json/schema"


ERRORS = "/components/schemas/errors"


@pytest.mark.parametrize(
    ("method", "url", "template", "status", "body"),
    [
        ("get", "/integrations", "/integrations", 200, None),
        ("get", f"/integrations/{PRESTASHOP_ID}", "/integrations/{id}", 200, None),
        ("get", "/integrations/9", "/integrations/{id}", 404, None),
        ("patch", "/integrations/1002", "/integrations/{id}", 400, {"webhook_active": True}),
        ("get", "/integrations/logs", "/integrations/logs", 200, None),
        ("get", f"/integrations/{PRESTASHOP_ID}/logs", "/integrations/{id}/logs", 200, None),
        ("get", "/integrations/9/logs", "/integrations/{id}/logs", 404, None),
        (
            "post",
            f"/integrations/{PRESTASHOP_ID}/logs",
            "/integrations/{id}/logs",
            201,
            {"base_url": "https://x.example", "created_at": None, "method": None},
        ),
        (
            "get",
            f"/shop-order-statuses?integration_id={PRESTASHOP_ID}&show_deleted=true",
            "/shop-order-statuses",
            200,
            None,
        ),
        ("get", "/shop-order-statuses", "/shop-order-statuses", 400, None),
        (
            "get",
            f"/shop-order-statuses/mapping?integration_id={PRESTASHOP_ID}",
            "/shop-order-statuses/mapping",
            200,
            None,
        ),
    ],
)
def test_documented_answers_match_their_response_schema(
    api: httpx.Client,
    registry: referencing.Registry[Any],
    method: str,
    url: str,
    template: str,
    status: int,
    body: Any,
) -> None:
    """Each documented answer has the documented status and matches its response schema."""
    response = api.request(method.upper(), url, json=body)
    assert response.status_code == status
    assert _errors(registry, _response_pointer(template, method, status), response.json()) == []


@pytest.mark.parametrize("path", ["/integrations/logs", f"/integrations/{PRESTASHOP_ID}/logs"])
@pytest.mark.parametrize("query", ["page_size=0", "page_size=101", "cursor=nonsense"])
def test_log_lists_answer_an_undocumented_400_in_the_error_format(
    api: httpx.Client, registry: referencing.Registry[Any], path: str, query: str
) -> None:
    """Spec gap: the log lists document no 400, yet bad page_size/cursor answer one, well-formed."""
    response = api.get(f"{path}?{query}")
    assert response.status_code == 400
    assert _errors(registry, ERRORS, response.json()) == []


def test_extra_forbidden_breaks_only_the_codes_enum(
    api: httpx.Client, registry: referencing.Registry[Any]
) -> None:
    """Spec defect: the example's `extra_forbidden` is missing from ErrorObject.code's enum."""
    response = api.post(
        f"/integrations/{PRESTASHOP_ID}/logs", json={"base_url": "https://x", "unknown_field": 1}
    )
    assert response.status_code == 400
    problems = _errors(
        registry, _response_pointer("/integrations/{id}/logs", "post", 400), response.json()
    )
    assert [(list(p.absolute_path), p.validator) for p in problems] == [
        (["errors", 0, "code"], "enum")
    ]


def test_post_log_without_a_body_answers_400(api: httpx.Client) -> None:
    """Spec gap: the requestBody is optional, but without one base_url is missing: 400 required."""
    response = api.post(f"/integrations/{PRESTASHOP_ID}/logs")
    assert response.status_code == 400
    assert response.json()["errors"][0]["source"] == {"pointer": "body/base_url"}


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "source"),
    [
        (
            "GET",
            "/shop-order-statuses",
            {"params": {"integration_id": 9}},
            {"parameter": "integration_id"},
        ),
        (
            "GET",
            "/shop-order-statuses/mapping",
            {"params": {"integration_id": 9}},
            {"parameter": "integration_id"},
        ),
        (
            "POST",
            "/shop-order-statuses",
            {"json": {"integration_id": 9, "statuses": []}},
            {"pointer": "body/integration_id"},
        ),
    ],
)
def test_status_endpoints_answer_400_for_an_integration_that_does_not_exist(
    api: httpx.Client, method: str, path: str, kwargs: dict[str, Any], source: dict[str, str]
) -> None:
    """The status endpoints document only 400 as an error, so an unknown integration is a 400."""
    response = api.request(method, path, **kwargs)
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert (error["code"], error["source"]) == ("invalid", source)


def test_401_body_matches_the_spec_unauthorized_response(
    api: httpx.Client, registry: referencing.Registry[Any]
) -> None:
    """The 401 body matches components/responses/Unauthorized (which no operation references)."""
    response = api.get("/integrations", auth=None)
    assert response.status_code == 401
    pointer = "/components/responses/Unauthorized/content/application~1json/schema"
    assert _errors(registry, pointer, response.json()) == []
