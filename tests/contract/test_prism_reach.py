"""How far the judge reaches: Prism flags a breach of every kind of rule the spec states.

One hand-made invalid request per rule (keyword) the spec uses on requests,
sent past the client with plain httpx. Prism must name the location and the
keyword. A Prism upgrade that stops checking one of them fails here, before
it can silently weaken the conformance tests. Where the spec states no rule
(the update body allows unknown fields), Prism cannot judge; the coverage
check in test_requests.py covers that gap (see test_judge.py).
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from ._cases import ID
from ._judge import violations
from ._prism import PrismServer

MAPPING = [
    {"status_category": c, "external_id": None}
    for c in ("READY_TO_SEND", "IN_TRANSIT", "DELIVERED", "CANCEL")
]
TRANSLATION = {"status": "Sent", "language": "en-gb"}
LANGUAGES = ("en-gb", "nl-nl", "de-de", "fr-fr", "es-es", "it-it", "en-us")


def _statuses(*translations: dict[str, str]) -> dict[str, Any]:
    return {"integration_id": ID, "statuses": [{"external_id": "1", "translations": translations}]}


PATCH, LOGS = f"/integrations/{ID}", f"/integrations/{ID}/logs"
STATUSES, MAPPINGS = "/shop-order-statuses", "/shop-order-statuses/mapping"
EIGHT = [{"status": "s", "language": lang} for lang in (*LANGUAGES, "en-gb")]


def breach(
    name: str,
    request: tuple[str, str],
    where: str,
    query: dict[str, str] | None = None,
    body: Any = None,
) -> Any:
    """``where`` is "<location>: <keyword>", as Prism must name it."""
    location, keyword = where.split(": ")
    return pytest.param(*request, query or {}, body, location, keyword, id=name)


BREACHES = [
    breach("path-minimum", ("GET", "/integrations/0"), "path.id: minimum"),
    breach("path-type", ("GET", "/integrations/x/logs"), "path.id: type"),
    breach(
        "query-minimum",
        ("GET", "/integrations/logs"),
        "query.page_size: minimum",
        {"page_size": "0"},
    ),
    breach(
        "query-maximum",
        ("GET", "/integrations/logs"),
        "query.page_size: maximum",
        {"page_size": "101"},
    ),
    breach(
        "query-date-time",
        ("GET", "/integrations/logs"),
        "query.cursor: format",
        {"cursor": "2023-03-01"},
    ),
    breach("query-required", ("GET", MAPPINGS), "query: required"),
    breach(
        "query-integer", ("GET", STATUSES), "query.integration_id: type", {"integration_id": "x"}
    ),
    breach(
        "query-enum",
        ("GET", STATUSES),
        "query.language: enum",
        {"integration_id": "1", "language": "xx"},
    ),
    breach(
        "query-boolean",
        ("GET", STATUSES),
        "query.show_deleted: type",
        {"integration_id": "1", "show_deleted": "maybe"},
    ),
    breach(
        "body-max-length",
        ("PATCH", PATCH),
        "body.shop_name: maxLength",
        body={"shop_name": "x" * 251},
    ),
    breach(
        "body-min-length", ("PATCH", PATCH), "body.shop_name: minLength", body={"shop_name": ""}
    ),
    breach(
        "body-uri", ("PATCH", PATCH), "body.shop_url: format", body={"shop_url": "www.shop.com"}
    ),
    breach(
        "body-type-or-null", ("PATCH", PATCH), "body.webhook_url: type", body={"webhook_url": 5}
    ),
    breach(
        "body-enum", ("PATCH", PATCH), "body.feedback_type: enum", body={"feedback_type": "often"}
    ),
    breach(
        "body-item-type",
        ("PATCH", PATCH),
        "body.service_point_carriers.0: type",
        body={"service_point_carriers": [1]},
    ),
    breach("body-required", ("POST", LOGS), "body: required", body={"method": "GET"}),
    breach(
        "body-additional",
        ("POST", LOGS),
        "body: additionalProperties",
        body={"base_url": "x", "extra": 1},
    ),
    breach(
        "body-minimum",
        ("POST", LOGS),
        "body.response_code: minimum",
        body={"base_url": "x", "response_code": -1},
    ),
    breach(
        "body-nested-type",
        ("POST", LOGS),
        "body.request.headers: type",
        body={"base_url": "x", "request": {"headers": 5}},
    ),
    breach(
        "body-date-time",
        ("POST", LOGS),
        "body.created_at: format",
        body={"base_url": "x", "created_at": "2023-03-01"},
    ),
    breach(
        "body-min-items",
        ("POST", STATUSES),
        "body.statuses.0.translations: minItems",
        body=_statuses(),
    ),
    breach(
        "body-max-items",
        ("POST", STATUSES),
        "body.statuses.0.translations: maxItems",
        body=_statuses(*EIGHT),
    ),
    breach(
        "body-unique-items",
        ("POST", STATUSES),
        "body.statuses.0.translations: uniqueItems",
        body=_statuses(TRANSLATION, TRANSLATION),
    ),
    breach(
        "body-nested-enum",
        ("POST", STATUSES),
        "body.statuses.0.translations.0.language: enum",
        body=_statuses({"status": "s", "language": "xx"}),
    ),
    breach(
        "body-exact-items",
        ("POST", MAPPINGS),
        "body.mapping: minItems",
        body={"integration_id": ID, "mapping": MAPPING[:3]},
    ),
    breach(
        "body-item-required",
        ("POST", MAPPINGS),
        "body.mapping.0: required",
        body={"integration_id": ID, "mapping": [{"status_category": "CANCEL"}, *MAPPING[1:]]},
    ),
]


@pytest.mark.parametrize(
    ("method", "path", "query", "body", "location", "keyword"),
    BREACHES,
)
def test_prism_names_each_kind_of_breach(
    prism: PrismServer,
    method: str,
    path: str,
    query: dict[str, str],
    body: Any,
    location: str,
    keyword: str,
) -> None:
    """An invalid request is refused with the offending location and the rule it breaks."""
    with httpx.Client(base_url=prism.base_url, auth=("public", "secret")) as http:
        response = http.request(method, path, params=query, json=body)
    found = violations(response)
    assert response.status_code in (400, 422), response.text
    assert any(v.startswith(f"{location}: ") and v.endswith(f"({keyword})") for v in found), found


def test_prism_refuses_a_request_without_credentials(prism: PrismServer) -> None:
    """Security is judged too: no Authorization header gets 401 from Prism."""
    with httpx.Client(base_url=prism.base_url) as http:
        response = http.get(f"/integrations/{ID}")
    assert response.status_code == 401
    assert "Basic" in response.headers["WWW-Authenticate"]
