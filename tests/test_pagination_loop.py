"""The page loop both paginators share: a next link httpx refuses ends the walk resumably."""

from __future__ import annotations

import httpx
import pytest
import sendcloud_integrations as sc

from ._client_harness import MODES, Harness, json_response

pytestmark = pytest.mark.anyio

FIRST = {"data": [{"id": 1, "base_url": "https://shop.example"}]}
NEXT = '</api/v3/integrations/logs?cursor=c2>; rel="next"'


@pytest.fixture(params=MODES)
def h(request: pytest.FixtureRequest) -> Harness:
    return Harness(request.param)


async def test_an_unsendable_next_link_is_a_pagination_error_with_the_cursor(h: Harness) -> None:
    """httpx refusing the next page's URL raises PaginationError carrying that page's cursor."""
    served: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        served.append(request)
        if len(served) > 1:
            raise httpx.InvalidURL("refused by httpx")
        response = json_response(200, FIRST)
        response.headers["Link"] = NEXT
        return response

    client = h.client(answer)
    with pytest.raises(sc.PaginationError, match=r"not a valid URL \(InvalidURL\)") as caught:
        await h.run(client.exception_logs.list())
    assert caught.value.resume_cursor == "c2"
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__
    assert len(served) == 2
    await h.close(client)
