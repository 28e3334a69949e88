"""The speedups' mirror (msgspec Structs) builds what the generated decoder builds, or refuses.

Over every mirrored response schema: a valid body gives models equal to the generated
decoder's, with the same repr; a body with one value of a wrong JSON type is refused,
so the ordinary path raises its usual error. Then the edges one by one: unknown keys
and enum values, date-times, depth, and the field types the mirror does not map.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import json
import logging
import sys
import types
import typing
from collections import Counter
from typing import Any

import httpx
import pytest
import sendcloud_integrations as sc
from hypothesis import given
from hypothesis import strategies as st
from sendcloud_integrations import _operations as ops
from sendcloud_integrations import _parse, _struct_mirror
from sendcloud_integrations_api import models

from .test_responses_property import (
    BOUNDED,
    CASES,
    Schema,
    nodes,
    replaced,
    resolve,
    valid,
    wrong_values,
)

pytest.importorskip("msgspec")

# The model each operation's success body decodes into, where that goes through a model.
RESPONSE_MODELS: dict[str, type] = {
    ops.GET_INTEGRATION: models.IntegrationGetResponse,
    ops.LIST_ALL_LOGS: models.IntegrationLogListResponse,
    ops.LIST_INTEGRATION_LOGS: models.IntegrationLogListResponse,
    ops.CREATE_LOG: models.IntegrationLogCreatedResponse,
    ops.GET_STATUSES: models.ShopOrderStatusListResponse,
    ops.GET_MAPPING: models.StatusMappingResponse,
}
MIRRORED = [case for case in CASES if case.values[0] in RESPONSE_MODELS]
SEEN: Counter[str] = Counter()
LOGGER = "sendcloud_integrations"


def mirror(cls: type) -> typing.Callable[[bytes], Any]:
    decode = _struct_mirror.mirror_decoder(cls)
    assert decode is not None, f"{cls.__name__} has no mirror"
    return decode


def generated(cls: Any, body: bytes) -> Any:
    return cls._decode(json.loads(body), True)


def test_every_response_model_has_a_mirror() -> None:
    """Each model-typed success body has a mirror; a failure names the model to revisit.

    If the spec brings a field type that _struct_mirror._member does not map, that
    model silently loses the speedup: this test says which one.
    """
    unmirrored = [
        cls.__name__
        for cls in set(RESPONSE_MODELS.values())
        if _struct_mirror.mirror_decoder(cls) is None
    ]
    assert unmirrored == []


@pytest.mark.parametrize(("op_id", "status", "schema"), MIRRORED)
def test_valid_bodies_build_what_the_generated_decoder_builds(
    op_id: str, status: int, schema: Schema
) -> None:
    """A body the schema allows is taken by the mirror and gives equal models, equal reprs."""
    cls = RESPONSE_MODELS[op_id]
    decode = mirror(cls)

    @BOUNDED
    @given(valid(resolve(schema)))
    def check(body: dict[str, Any]) -> None:
        SEEN[op_id] += 1
        raw = json.dumps(body).encode()
        built, expected = decode(raw), generated(cls, raw)
        assert built is not None
        assert built == expected
        assert repr(built) == repr(expected)
        assert built.to_dict() == expected.to_dict()

    check()
    print(f"{op_id}: {SEEN[op_id]} valid bodies built alike by the mirror")


@pytest.mark.parametrize(("op_id", "status", "schema"), MIRRORED)
def test_single_type_mutations_are_refused(op_id: str, status: int, schema: Schema) -> None:
    """One value of a JSON type its schema forbids makes the mirror refuse the body."""
    cls = RESPONSE_MODELS[op_id]
    decode = mirror(cls)
    full = resolve(schema)

    @st.composite
    def mutated(draw: st.DrawFn) -> Any:
        body = draw(valid(full))
        path, node = draw(st.sampled_from(list(nodes(body, full))))
        return replaced(body, path, draw(st.sampled_from(wrong_values(node))))

    @BOUNDED
    @given(mutated())
    def check(body: Any) -> None:
        SEEN[f"mutated {op_id}"] += 1
        assert decode(json.dumps(body).encode()) is None

    check()
    print(f"{op_id}: {SEEN[f'mutated {op_id}']} mutations refused by the mirror")


LOG = {"base_url": "https://shop.example", "id": 7, "created_at": "2024-05-31T21:39:44Z"}


def logs_body(**changes: Any) -> bytes:
    return json.dumps({"data": [{**LOG, **changes}]}).encode()


def test_unknown_key_is_refused_and_kept_by_the_ordinary_path() -> None:
    """A key the spec does not list sends the body the ordinary way, which keeps it."""
    raw = logs_body(brand_new="kept")
    assert mirror(models.IntegrationLogListResponse)(raw) is None
    (log,) = _parse.log_list(httpx.Response(200, content=raw))
    assert log.additional_properties == {"brand_new": "kept"}


def test_unknown_enum_value_is_kept_and_reported(caplog: pytest.LogCaptureFixture) -> None:
    """An enum value the spec does not list is taken by the mirror, kept and logged."""
    raw = json.dumps({"data": {"id": 1, "feedback_type": "lazy-mirror"}}).encode()
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        built = mirror(models.IntegrationGetResponse)(raw)
    assert built is not None
    feedback = built.data.feedback_type
    assert type(feedback) is sc.FeedbackType
    assert feedback == "lazy-mirror"
    assert feedback not in list(sc.FeedbackType)
    assert built == generated(models.IntegrationGetResponse, raw)
    assert [r for r in caplog.records if "'lazy-mirror'" in r.getMessage()]


@pytest.mark.parametrize(
    "created_at",
    ["2024-05-31T21:39:44", "2024-99-31T21:39:44Z", "yesterday"],
    ids=["no-offset", "no-such-month", "not-a-date"],
)
def test_date_times_the_generated_decoder_refuses_are_refused(created_at: str) -> None:
    """A date-time without an offset, or not a date-time, is left to the ordinary path."""
    raw = logs_body(created_at=created_at)
    assert mirror(models.IntegrationLogListResponse)(raw) is None
    with pytest.raises(sc.ResponseValidationError) as info:
        _parse.log_list(httpx.Response(200, content=raw))
    assert info.value.pointer == "/data/0/created_at"


def test_date_time_with_an_offset_is_taken() -> None:
    """A date-time with an offset becomes the same aware datetime as on the ordinary path."""
    raw = logs_body(created_at="2024-05-31T23:39:44.5+02:00")
    built = mirror(models.IntegrationLogListResponse)(raw)
    assert built is not None
    assert built.data[0].created_at == dt.datetime(2024, 5, 31, 21, 39, 44, 500000, dt.UTC)
    assert repr(built) == repr(generated(models.IntegrationLogListResponse, raw))


def test_hostile_depth_is_refused_without_recursion_error() -> None:
    """A free-form value nested 100,000 deep is refused, and the ordinary path names it."""
    deep = b"[" * 100_000 + b"]" * 100_000
    raw = b'{"data": [{"base_url": "u", "request": {"payload": {"x": ' + deep + b"}}}]}"
    assert mirror(models.IntegrationLogListResponse)(raw) is None
    with pytest.raises(sc.ResponseValidationError):
        _parse.log_list(httpx.Response(200, content=raw))


def test_big_integers_and_numbers_match_the_ordinary_path() -> None:
    """Integers beyond 64 bits keep every digit; an out-of-range number is refused."""
    raw = logs_body(id=2**70, response_code=None)
    built = mirror(models.IntegrationLogListResponse)(raw)
    assert built is not None
    assert built.data[0].id == 2**70
    assert built == generated(models.IntegrationLogListResponse, raw)
    assert mirror(models.IntegrationLogListResponse)(logs_body(id=1e400)) is None


def test_without_msgspec_there_is_no_mirror(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the extra, no model has a mirror and bodies go the ordinary way."""
    monkeypatch.setattr(_struct_mirror, "_msgspec", None)
    monkeypatch.setattr(_struct_mirror, "_DECODERS", {})
    assert _struct_mirror.mirror_decoder(models.IntegrationLogListResponse) is None
    (log,) = _parse.log_list(httpx.Response(200, content=logs_body()))
    assert log.id == 7


# --- field types the mirror does not map: those models go the ordinary way -------------

HEADER = """
from __future__ import annotations
import datetime
import uuid
from typing import Any, Literal
import attrs
from sendcloud_integrations_api.types import UNSET, Unset
"""
MODULES = itertools.count()


class Colour(enum.Enum):
    RED = "red"
    ONE = 1


def model(
    name: str, fields: list[str], namespace: dict[str, Any] | None = None, table: bool = True
) -> type:
    """An attrs model as the templates write one, in a module of its own."""
    module = types.ModuleType(f"mirror_case_{next(MODULES)}")
    module.__dict__.update(namespace or {})
    body = "".join(f"    {field} = UNSET\n" for field in fields)
    exec(  # a fixed test model
        f"{HEADER}@attrs.define\nclass {name}:\n{body}"
        "    additional_properties: dict[str, Any] = attrs.field(factory=dict)\n",
        module.__dict__,
    )
    if table:
        names = [field.split(":")[0] for field in fields]
        module.__dict__["_JSON_FIELDS"] = tuple((n, n, False) for n in names)
    sys.modules[module.__name__] = module
    built: type = module.__dict__[name]
    return built


LEAF = model("Leaf", ["name: str | Unset"])
OTHER_LEAF = model("OtherLeaf", ["size: int | Unset"])
TYPED_FREE_FORM = model("TypedFreeForm", [])
TYPED_FREE_FORM.__annotations__["additional_properties"] = "dict[str, int]"
LEAVES = {"Leaf": LEAF, "OtherLeaf": OTHER_LEAF, "TypedFreeForm": TYPED_FREE_FORM, "Colour": Colour}


@pytest.mark.parametrize(
    "hint",
    [
        'Literal["fixed"]',
        "Leaf | OtherLeaf",
        "datetime.datetime | str",
        "Colour",
        "TypedFreeForm",
        "list[Leaf | str]",
        "list[list[Leaf]]",
        "dict[str, int]",
        "Node",
    ],
    ids=[
        "const",
        "two-models",
        "two-strings",
        "mixed-enum",
        "typed-free-form",
        "list-of-union",
        "list-of-lists-of-models",
        "map",
        "holds-itself",
    ],
)
def test_unmapped_field_types_get_no_mirror(hint: str) -> None:
    """A model with a field type the mirror cannot copy exactly is not mirrored at all."""
    holder = model("Node", [f"f: {hint} | Unset"], LEAVES)
    assert _struct_mirror._build(holder) is None


def test_mapped_field_types_get_a_mirror() -> None:
    """The same machinery mirrors a model whose fields it maps (the cases above can fail)."""
    holder = model("Node", ["f: list[Leaf] | Leaf | None | Unset"], LEAVES)
    decode = _struct_mirror._build(holder)
    assert decode is not None
    built = decode(b'{"f": [{"name": "a"}]}')
    assert built == generated_like(holder, [LEAF(name="a")])


def test_two_models_of_one_name_each_get_their_own_copy() -> None:
    """Models that share a class name (from two modules) are each built as themselves."""
    first = model("Leaf", ["name: str | Unset"])
    second = model("Leaf", ["size: int | Unset"])
    holder = model(
        "Node", ["f: First | Unset", "g: Second | Unset"], {"First": first, "Second": second}
    )
    decode = _struct_mirror._build(holder)
    assert decode is not None
    built = decode(b'{"f": {"name": "a"}, "g": {"size": 2}}')
    assert (type(built.f), built.f.name) == (first, "a")
    assert (type(built.g), built.g.size) == (second, 2)


def test_numbers_dates_and_uuids_convert_as_the_generated_decoder_would() -> None:
    """number keeps JSON's int or float; date and uuid strings become values, or are refused."""
    holder = model(
        "Node", ["n: float | Unset", "d: datetime.date | Unset", "u: uuid.UUID | Unset"], LEAVES
    )
    decode = _struct_mirror._build(holder)
    assert decode is not None
    some_id = "12345678-1234-5678-1234-567812345678"
    built = decode(json.dumps({"n": 5, "d": "2024-05-31", "u": some_id}).encode())
    assert (type(built.n), built.n) == (int, 5)
    assert built.d == dt.date(2024, 5, 31)
    assert str(built.u) == some_id
    assert decode(b'{"n": 1.5}').n == 1.5
    for refused in (b'{"n": true}', b'{"n": 1e400}', b'{"d": "2024-02-30"}', b'{"u": "nope"}'):
        assert decode(refused) is None, refused


def generated_like(cls: type, value: Any) -> Any:
    expected = cls()
    expected.f = value
    return expected


def test_a_class_the_templates_did_not_make_gets_no_mirror() -> None:
    """A model whose module has no generated field table is decoded the ordinary way."""
    assert _struct_mirror._build(model("Plain", ["name: str | Unset"], table=False)) is None
