"""Property-based, over every operation's 2xx schema: valid bodies round-trip, wrong types named.

Bodies are generated from the spec's own response schemas (hypothesis), so a schema
change reaches the test without a hand copy. Three properties, each bounded so the run
stays at a few seconds, and each prints how many cases it saw (``pytest -s``):

- a valid body parses, and ``to_dict()`` of what it parsed into gives its ``data`` back;
- replacing one value by a value of a JSON type its schema does not allow raises
  ResponseValidationError naming exactly that value's pointer;
- whatever JSON arrives, nothing but ResponseValidationError escapes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sendcloud_integrations import _operations as ops
from sendcloud_integrations import _parse

from .conftest import load_spec

SPEC = load_spec()
Schema = dict[str, Any]
Parse = Callable[[httpx.Response], Any]

# The parse function the client uses for each operation's success body.
PARSERS: dict[str, Parse] = {
    ops.LIST_INTEGRATIONS: _parse.integration_list,
    ops.GET_INTEGRATION: _parse.integration,
    ops.LIST_ALL_LOGS: _parse.log_list,
    ops.LIST_INTEGRATION_LOGS: _parse.log_list,
    ops.CREATE_LOG: _parse.created_log,
    ops.GET_STATUSES: _parse.shop_order_statuses,
    ops.GET_MAPPING: _parse.status_mapping,
}
SEEN: Counter[str] = Counter()
BOUNDED = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def resolve(schema: Schema) -> Schema:
    """The schema with its $ref followed and its allOf parts merged."""
    while "$ref" in schema:
        target: Any = SPEC
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    for part in schema.get("allOf", []):
        part = resolve(part)
        schema = {
            **part,
            **schema,
            "properties": {**part.get("properties", {}), **schema.get("properties", {})},
            "required": [*part.get("required", []), *schema.get("required", [])],
        }
    return {k: v for k, v in schema.items() if k != "allOf"}


def success_schemas() -> Iterator[tuple[str, int, Schema]]:
    for methods in SPEC["paths"].values():
        for op in methods.values():
            if not isinstance(op, dict) or op.get("operationId") not in PARSERS:
                continue
            for code, response in op["responses"].items():
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                if code.startswith("2") and schema:
                    yield op["operationId"], int(code), schema


CASES = [
    pytest.param(op, code, s, id=op.removeprefix("sc-public-v3-integrations-"))
    for op, code, s in success_schemas()
]


def types_of(schema: Schema) -> list[str] | None:
    kind = resolve(schema).get("type")
    return None if kind is None else [kind] if isinstance(kind, str) else list(kind)


OFFSETS = st.integers(-1439, 1439).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))
JSON_LEAVES = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
ANY_JSON = st.recursive(
    JSON_LEAVES,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


def valid(schema: Schema) -> st.SearchStrategy[Any]:
    """JSON values that the schema allows."""
    schema = resolve(schema)
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kinds = types_of(schema)
    if kinds is None and "items" in schema:  # the integrations list's untyped `data`
        kinds = ["array"]
    if kinds is None:
        return ANY_JSON
    return st.one_of([_valid_of(kind, schema) for kind in kinds])


def _valid_of(kind: str, schema: Schema) -> st.SearchStrategy[Any]:
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers()
    if kind == "number":
        return st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    if kind == "string":
        if schema.get("format") == "date-time":
            return st.datetimes(timezones=OFFSETS).map(dt.datetime.isoformat)
        return st.text(max_size=8)
    if kind == "array":
        return st.lists(valid(schema.get("items", {})), max_size=3)
    properties = schema.get("properties", {})
    required = set(schema.get("required", []))
    return st.fixed_dictionaries(
        {k: valid(v) for k, v in properties.items() if k in required},
        optional={k: valid(v) for k, v in properties.items() if k not in required},
    )


def nodes(value: Any, schema: Schema, path: tuple[str | int, ...] = ()) -> Iterator[Any]:
    """(path, schema) of every value in a body that its schema gives a type."""
    schema = resolve(schema)
    if types_of(schema) is not None:
        yield path, schema
    if isinstance(value, dict):
        for key, item in value.items():
            if key in schema.get("properties", {}):
                yield from nodes(item, schema["properties"][key], (*path, key))
    elif isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            yield from nodes(item, schema["items"], (*path, index))


WRONG: dict[str, Any] = {
    "string": "x",
    "integer": 7,
    "number": 1.5,
    "boolean": True,
    "null": None,
    "array": [],
    "object": {},
}


def wrong_values(schema: Schema) -> list[Any]:
    """Values of every JSON type the schema does not allow."""
    allowed = set(types_of(schema) or [])
    if "number" in allowed:
        allowed.add("integer")
    return [value for kind, value in WRONG.items() if kind not in allowed]


def replaced(body: Any, path: tuple[str | int, ...], value: Any) -> Any:
    if not path:
        return value
    copy = json.loads(json.dumps(body))
    parent = copy
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    return copy


def pointer(path: tuple[str | int, ...]) -> str:
    return "".join(f"/{str(p).replace('~', '~0').replace('/', '~1')}" for p in path)


def answer(status: int, body: Any) -> httpx.Response:
    return httpx.Response(status, content=json.dumps(body).encode())


def dumped(parsed: Any) -> Any:
    return [item.to_dict() for item in parsed] if isinstance(parsed, list) else parsed.to_dict()


@pytest.mark.parametrize(("op_id", "status", "schema"), CASES)
def test_valid_bodies_parse_and_round_trip(op_id: str, status: int, schema: Schema) -> None:
    """Every body the schema allows parses, and to_dict() of the result is its `data`."""
    # `data` is optional in several schemas; the client needs it, so it is always sent.
    full = resolve(schema)
    full = {**full, "required": [*full.get("required", []), "data"]}

    @BOUNDED
    @given(valid(full))
    def check(body: dict[str, Any]) -> None:
        SEEN[f"valid bodies round-trip ({op_id})"] += 1
        parsed = PARSERS[op_id](answer(status, body))
        assert dumped(parsed) == body["data"]

    check()
    print(f"{op_id}: {SEEN[f'valid bodies round-trip ({op_id})']} valid bodies round-tripped")


@pytest.mark.parametrize(("op_id", "status", "schema"), CASES)
def test_each_single_type_mutation_names_its_pointer(
    op_id: str, status: int, schema: Schema
) -> None:
    """One value of a JSON type its schema forbids raises ResponseValidationError at its pointer."""
    full = resolve(schema)
    full = {**full, "required": [*full.get("required", []), "data"]}

    @st.composite
    def mutated(draw: st.DrawFn) -> tuple[Any, str]:
        body = draw(valid(full))
        path, node = draw(st.sampled_from(list(nodes(body, full))))
        value = draw(st.sampled_from(wrong_values(node)))
        return replaced(body, path, value), pointer(path)

    @BOUNDED
    @given(mutated())
    def check(case: tuple[Any, str]) -> None:
        body, where = case
        SEEN[f"mutations named ({op_id})"] += 1
        with pytest.raises(sc.ResponseValidationError) as info:
            PARSERS[op_id](answer(status, body))
        assert info.value.pointer == where, (where, str(info.value))
        assert info.value.body == json.dumps(body)

    check()
    print(f"{op_id}: {SEEN[f'mutations named ({op_id})']} single-field mutations named")


@pytest.mark.parametrize(("op_id", "status", "schema"), CASES)
def test_no_other_exception_escapes(op_id: str, status: int, schema: Schema) -> None:
    """Any JSON at all, or any bytes, gives a result or ResponseValidationError, nothing else."""
    full = resolve(schema)
    near_valid = valid(full).map(lambda body: {**body, "data": body.get("data")})
    payloads = st.one_of(
        ANY_JSON.map(lambda v: json.dumps(v).encode()),
        st.fixed_dictionaries({"data": ANY_JSON}).map(lambda v: json.dumps(v).encode()),
        near_valid.map(lambda v: json.dumps(v).encode()),
        st.binary(max_size=20),
    )

    @BOUNDED
    @given(payloads)
    def check(content: bytes) -> None:
        SEEN[f"no other exception ({op_id})"] += 1
        try:
            PARSERS[op_id](httpx.Response(status, content=content))
        except sc.ResponseValidationError as exc:
            kept = exc.response
        else:
            return
        assert kept is not None
        assert kept.content == content  # the raw body stays with the error

    check()
    print(f"{op_id}: {SEEN[f'no other exception ({op_id})']} arbitrary bodies, no other error")


def test_every_parsed_operation_has_a_schema_here() -> None:
    """Each operation with a JSON success body is covered by the properties above."""
    assert {op for op, _, _ in success_schemas()} == set(PARSERS)
