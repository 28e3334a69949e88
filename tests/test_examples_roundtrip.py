"""Every request and response example of the spec round-trips through its generated model.

Model level only (tests/test_generated_client.py covers calls through a transport): the
model is the one the generated operation module uses, found from ``_get_kwargs``'s
``body`` annotation for requests and by ``_parse_response`` for responses. The parsed
model must hold values of its annotated types, and ``to_dict()`` must give the example
back (date-times compare as instants: the models write ``+00:00`` for ``Z``).

The spec's documented defects are strict xfails: once the spec fixes one, the case
passes, the xfail turns into a failure, and its reason says what to remove.
"""

from __future__ import annotations

import datetime
import enum
import importlib
import json
import pkgutil
import re
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import attrs
import httpx
import pytest
from sendcloud_integrations.testing._spec_reader import SpecView
from sendcloud_integrations_api import api, models
from sendcloud_integrations_api.client import Client
from sendcloud_integrations_api.types import UNSET, DecodeError, Unset

from .conftest import load_spec

PREFIX = "sc-public-v3-integrations-"
NONE = type(None)


class TypeMismatch(AssertionError):
    """A parsed model holds a value its annotation does not allow (or raw JSON in Any)."""


class RoundTripMismatch(AssertionError):
    """``to_dict()`` of the parsed model is not the example."""


@dataclass(frozen=True)
class Example:
    """One example value and how to turn it into its generated model."""

    id: str
    value: Any
    parse: Callable[[Any], Any]


def _modules() -> dict[str, str]:
    found = pkgutil.walk_packages(api.__path__, f"{api.__name__}.")
    return {info.name.rsplit(".", 1)[1]: info.name for info in found}


def _module(op_id: str) -> types.ModuleType:
    name = re.sub(r"[^0-9a-zA-Z]+", "_", op_id).strip("_").lower()
    return importlib.import_module(_modules()[name])


def _request_parser(module: types.ModuleType) -> Callable[[Any], Any]:
    hint = typing.get_type_hints(module._get_kwargs)["body"]
    (model,) = (t for t in typing.get_args(hint) if t is not Unset)
    return model.from_dict


def _response_parser(module: types.ModuleType, code: str) -> Callable[[Any], Any]:
    client = Client(base_url="http://localhost", raise_on_unexpected_status=True)

    def parse(value: Any) -> Any:
        content = json.dumps(value).encode()
        response = httpx.Response(int(code), content=content, headers={"Content-Type": "json"})
        return module._parse_response(client=client, response=response)

    return parse


def _media_examples(view: SpecView, response: Any) -> dict[str, Any]:
    media = view.at(response, "content", "application/json") or {}
    return {name: view.resolve(e)["value"] for name, e in (media.get("examples") or {}).items()}


def _unused(ref: str) -> Callable[[Any], Any]:
    def parse(value: Any) -> Any:
        raise LookupError(f"no operation answers with {ref}, so no generated model parses it")

    return parse


def examples(spec: dict[str, Any]) -> Iterator[Example]:
    """Every request body and response example, components' responses included."""
    view = SpecView(spec)
    by_ref: dict[str, Callable[[Any], Any]] = {}
    for op_id, (_, _, op) in view.operations().items():
        short, module = op_id.removeprefix(PREFIX), _module(op_id)
        request = view.at(op, "requestBody")
        for name, value in _media_examples(view, request).items():
            yield Example(f"{short}:request:{name}", value, _request_parser(module))
        for code, response in view.responses(op_id).items():
            parse = _response_parser(module, code)
            by_ref.setdefault(str((view.body(op_id, code, resolve=False) or {}).get("$ref")), parse)
            for name, value in _media_examples(view, response).items():
                yield Example(f"{short}:{code}:{name}", value, parse)
    for component, response in (view.at(spec, "components", "responses") or {}).items():
        media = view.at(response, "content", "application/json") or {}
        ref = str((media.get("schema") or {}).get("$ref"))
        for name, value in _media_examples(view, response).items():
            yield Example(f"components:{component}:{name}", value, by_ref.get(ref, _unused(ref)))


def same(got: Any, want: Any) -> bool:
    """Equal with exact JSON types; date-time strings compare as instants."""
    if isinstance(want, dict):
        return (
            isinstance(got, dict)
            and got.keys() == want.keys()
            and all(same(got[k], want[k]) for k in want)
        )
    if isinstance(want, list):
        return isinstance(got, list) and len(got) == len(want) and all(map(same, got, want))
    if isinstance(want, str) and isinstance(got, str) and got != want:
        try:
            return datetime.datetime.fromisoformat(got) == datetime.datetime.fromisoformat(want)
        except ValueError:
            return False
    return type(got) is type(want) and got == want


def type_problems(value: Any, hint: Any, where: str) -> list[str]:
    """Where a parsed value does not have its annotated type (Any may not hold raw JSON)."""
    origin = typing.get_origin(hint)
    if hint is Any:
        raw = isinstance(value, dict | list)
        return [f"{where}: typed Any, holds raw {type(value).__name__}"] if raw else []
    if origin in (typing.Union, types.UnionType):
        options = [type_problems(value, arg, where) for arg in typing.get_args(hint)]
        if [] in options:
            return []
        # Report inside the option whose outer type matched (e.g. the list of models).
        nested = [o for o in options if not any(p.startswith(f"{where}:") for p in o)]
        args = typing.get_args(hint)
        present = [o for a, o in zip(args, options, strict=True) if a not in (Unset, NONE)]
        if nested or len(present) == 1:
            return (nested or present)[0]
        return [f"{where}: {type(value).__name__} is not {hint}"]
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: {type(value).__name__} is not a list"]
        (item,) = typing.get_args(hint)
        return [p for i, v in enumerate(value) for p in type_problems(v, item, f"{where}[{i}]")]
    if hint is Unset:
        return [] if isinstance(value, Unset) else [f"{where}: {value!r} is not UNSET"]
    if hint is NONE:
        return [] if value is None else [f"{where}: {value!r} is not None"]
    if isinstance(hint, type) and attrs.has(hint):
        if not isinstance(value, hint):
            return [f"{where}: {type(value).__name__} is not {hint.__name__}"]
        hints = typing.get_type_hints(hint, localns=vars(models))
        return [
            p
            for field in attrs.fields(hint)
            if field.name != "additional_properties"
            for p in type_problems(
                getattr(value, field.name), hints[field.name], f"{where}.{field.name}"
            )
        ]
    if hint in (int, float) and isinstance(value, bool):
        return [f"{where}: bool {value!r} is not {hint.__name__}"]
    if hint is float:
        hint = int | float
    if isinstance(hint, type) and (issubclass(hint, enum.Enum) or hint in (str, int, bool)):
        ok = isinstance(value, hint)
        return [] if ok else [f"{where}: {type(value).__name__} {value!r} is not {hint.__name__}"]
    ok = origin is dict or not isinstance(hint, type) or isinstance(value, hint)
    return [] if ok else [f"{where}: {type(value).__name__} is not {hint}"]


def round_trip(example: Example) -> None:
    """Parse the example into its model, check the types, and dump it back."""
    parsed = example.parse(example.value)
    if example.value is None and parsed is None:
        return  # a `type: 'null'` body: no model, and null is what was documented
    problems = type_problems(parsed, type(parsed), type(parsed).__name__)
    if problems:
        raise TypeMismatch("\n".join(problems))
    if not same(parsed.to_dict(), example.value):
        raise RoundTripMismatch(f"to_dict() gave {parsed.to_dict()!r}")


_FIXED = "if this passes, the spec fixed it: delete the KNOWN_DEFECTS entry"
# The models check types as they decode (templates/README.md), so the defect is refused
# at /errors/0/status instead of being kept as an int.
_INT = (
    DecodeError,
    f"integer `status` where the schema says string; {_FIXED} (and see _errors.py)",
)
# Example id -> (the exception its defect raises, why).
KNOWN_DEFECTS: dict[str, tuple[type[Exception], str]] = {
    "delete-delete_integration:404:OrderDoesNotExist": _INT,
    "patch-update_integration:404:IntegrationDoesNotExist": _INT,
    "get-retrieve_integration:404:OrderDoesNotExist": _INT,
    "get-retrieve_integration_logs:404:IntegrationDoesNotExist": _INT,
    "post-create_integration_logs:404:IntegrationDoesNotExist": _INT,
    # Its code, extra_forbidden, is outside the ErrorCode enum too: the open enum keeps it.
    "post-create_integration_logs:400:ExtraFieldsNotPermitted": _INT,
    "get-list_integrations:200:Response": (
        TypeMismatch,
        f"`data` has items but no `type: array`, so it stays raw JSON; {_FIXED} (and see "
        "_parse.integration_list)",
    ),
}

SPEC = load_spec()
EXAMPLES = list(examples(SPEC))


def _case(example: Example) -> Any:
    defect = KNOWN_DEFECTS.get(example.id)
    marks = (
        []
        if defect is None
        else [pytest.mark.xfail(raises=defect[0], strict=True, reason=f"spec defect: {defect[1]}")]
    )
    return pytest.param(example, id=example.id, marks=marks)


@pytest.mark.parametrize("example", [_case(e) for e in EXAMPLES])
def test_example_round_trips_through_its_model(example: Example) -> None:
    """The example parses into its generated model, of the right types, and dumps back equal."""
    round_trip(example)


def test_every_known_defect_names_an_example() -> None:
    """No KNOWN_DEFECTS entry is stale (an example renamed or removed upstream)."""
    assert sorted(set(KNOWN_DEFECTS) - {e.id for e in EXAMPLES}) == []


def _media_example_count(node: Any, key: str = "") -> int:
    """Named examples of every media type object anywhere in the document."""
    if isinstance(node, list):
        return sum(_media_example_count(n) for n in node)
    if not isinstance(node, dict):
        return 0
    own = len(node.get("examples") or {}) if "/" in key else 0
    return own + sum(_media_example_count(v, str(k)) for k, v in node.items())


def test_every_example_of_the_spec_is_collected(spec: dict[str, Any]) -> None:
    """Request, response and shared-response examples are all round-tripped."""
    ids = {e.id for e in EXAMPLES}
    assert len(ids) == len(EXAMPLES) == _media_example_count(spec)
    assert "components:Unauthorized:InvalidCredentials" in ids
    assert "patch-update_integration:request:UpdateFeedbackType" in ids


@attrs.define
class _Error:
    status: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        return {} if isinstance(self.status, Unset) else {"status": self.status}


@attrs.define
class _Body:
    errors: list[_Error] | Unset = UNSET
    data: Any | Unset = UNSET


def test_type_check_catches_wrong_types_and_raw_json() -> None:
    """An int where str is declared, and raw JSON under Any, are reported with their path."""
    assert type_problems(_Body(errors=[_Error(status=404)]), _Body, "Body") == [
        "Body.errors[0].status: int 404 is not str"
    ]
    assert type_problems(_Body(data=[{}]), _Body, "Body") == [
        "Body.data: typed Any, holds raw list"
    ]
    assert type_problems(_Body(errors=[_Error("404")], data=1), _Body, "Body") == []


def test_round_trip_catches_a_lossy_dump_and_compares_instants() -> None:
    """A model that drops a field fails the round trip; Z and +00:00 are the same instant."""
    with pytest.raises(RoundTripMismatch):
        round_trip(Example("lossy", {"status": "404", "title": "x"}, lambda v: _Error(v["status"])))
    round_trip(Example("ok", {"status": "404"}, lambda v: _Error(v["status"])))
    assert same({"t": "2023-11-10T16:16:42+00:00"}, {"t": "2023-11-10T16:16:42Z"})
    assert not same({"n": 1}, {"n": True})
