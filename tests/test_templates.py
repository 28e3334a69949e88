"""Custom generator templates in templates/: pinned to the generator, equivalent to upstream.

templates/ overrides a few of openapi-python-client's own templates to make the models'
from_dict fast (issue #10). These tests prove the copies are still based on the pinned
generator's originals, that the models they generate behave exactly like the models the
upstream templates generate on every example in the spec (and on damaged variants of those
examples), and that the hoisted imports still cope with models that refer to each other.
"""

from __future__ import annotations

import copy
import hashlib
import importlib
import importlib.util
import inspect
import json
import re
import sys
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
from sendcloud_integrations import _struct_mirror

from .conftest import ROOT, load_spec

sys.path.insert(0, str(ROOT / "tools"))
import generate

TEMPLATES = ROOT / "templates"
VERSION_FILE = TEMPLATES / "VERSION"
RE_DIFF = (
    "templates/ was copied from {pinned}; re-diff each copy against the templates of the "
    "generator now in use ({now}), port the changes, then update templates/VERSION."
)


def _version_file() -> tuple[str, dict[str, str]]:
    lines = [
        line.strip()
        for line in VERSION_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    hashes: dict[str, str] = {}
    for line in lines[1:]:
        sha, name = line.split(maxsplit=1)
        hashes[name] = sha
    return lines[0], hashes


def _upstream_templates() -> Path:
    spec = importlib.util.find_spec("openapi_python_client")
    assert spec is not None
    assert spec.origin is not None
    return Path(spec.origin).parent / "templates"


def _noxfile_pin() -> str:
    match = re.search(r'^GENERATOR_PIN = "([^"]+)"$', (ROOT / "noxfile.py").read_text(), re.M)
    assert match, "noxfile.py no longer defines GENERATOR_PIN"
    return match.group(1)


def test_templates_are_pinned_to_the_generator_in_use() -> None:
    """templates/VERSION names the generator pinned in noxfile.py, the lock and the venv."""
    pinned, _ = _version_file()
    now = f"{generate.GENERATOR}=={metadata.version(generate.GENERATOR)}"
    message = RE_DIFF.format(pinned=pinned, now=now)
    assert pinned == _noxfile_pin() == generate.read_lock()["generator"] == now, message


def test_each_copy_overrides_an_unchanged_upstream_template() -> None:
    """Every template here replaces an upstream one whose bytes are those recorded at copy time."""
    pinned, recorded = _version_file()
    now = f"{generate.GENERATOR}=={metadata.version(generate.GENERATOR)}"
    copies = {p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.jinja")}
    assert copies == set(recorded), "templates/VERSION must list exactly the .jinja copies"
    upstream = _upstream_templates()
    for name, sha in recorded.items():
        original = upstream / name
        assert original.is_file(), f"upstream has no {name}: " + RE_DIFF.format(
            pinned=pinned, now=now
        )
        actual = hashlib.sha256(original.read_bytes()).hexdigest()
        assert actual == sha, f"upstream {name} changed: " + RE_DIFF.format(pinned=pinned, now=now)


# --- behaviour equals upstream ------------------------------------------------------------


def _load_as(package_dir: Path, name: str) -> ModuleType:
    """Import a generated package under another name, so two generations can sit side by side."""
    spec = importlib.util.spec_from_file_location(
        name, package_dir / "__init__.py", submodule_search_locations=[str(package_dir)]
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return importlib.import_module(f"{name}.models")


def _forget(name: str) -> None:
    for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
        del sys.modules[key]


@pytest.fixture(scope="module")
def upstream_models(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The models package that the pinned generator writes with its own templates only."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(generate, "TEMPLATES", tmp_path_factory.mktemp("no-templates") / "absent")
        out = generate.generate_into(tmp_path_factory.mktemp("upstream"))
    name = "upstream_sendcloud_integrations_api"
    yield _load_as(out, name)
    _forget(name)


def _model_classes(models: ModuleType) -> dict[str, Any]:
    # By name from __all__: our models package imports each model on first use.
    named = {name: getattr(models, name) for name in models.__all__}
    return {
        name: cls
        for name, cls in named.items()
        if inspect.isclass(cls) and hasattr(cls, "from_dict")
    }


def _media_examples(node: Any) -> Iterator[Any]:
    """Every example value given for a request or response body in the spec."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "application/json" and isinstance(value, dict):
                yield from (ex["value"] for ex in value.get("examples", {}).values())
                if "example" in value:
                    yield value["example"]
            else:
                yield from _media_examples(value)
    elif isinstance(node, list):
        for item in node:
            yield from _media_examples(item)


def _dicts(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _dicts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _dicts(item)


# Values that push each field down another branch of its parsing: absent, null, the wrong
# JSON type, an empty or foreign object, a list, and a timestamp string.
REPLACEMENTS: list[Any] = [
    None,
    "text",
    0,
    True,
    {},
    {"unexpected": 1},
    [],
    [{}],
    "2023-03-01T02:02:00Z",
]
MISSING = object()


def _variants(example: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield example
    yield {**example, "extra_key": {"kept": True}}
    for key in example:
        for replacement in [MISSING, *REPLACEMENTS]:
            variant = {k: v for k, v in example.items() if k != key}
            if replacement is not MISSING:
                variant[key] = copy.deepcopy(replacement)
            yield variant


def _shape(value: Any) -> Any:
    """A comparable picture of a parsed value: every class name, field and leaf type included."""
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        return (
            type(value).__name__,
            tuple((f.name, _shape(getattr(value, f.name))) for f in fields),
        )
    if type(value).__name__ == "Unset":
        return "UNSET"
    if isinstance(value, list):
        return [_shape(item) for item in value]
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    return (type(value).__name__, value)


def _outcome(cls: Any, original: dict[str, Any]) -> tuple[Any, ...]:
    """What from_dict and then to_dict do with a copy of ``original``: results, errors, mutation."""
    data = copy.deepcopy(original)
    try:
        model = cls.from_dict(data)
    except Exception as exc:  # the error itself is part of the behaviour compared
        return ("from_dict raised", type(exc).__name__, str(exc), data == original)
    try:
        dumped: Any = model.to_dict()
    except Exception as exc:
        dumped = ("to_dict raised", type(exc).__name__, str(exc))
    return ("ok", _shape(model), _shape(dumped), data == original)


def _owned_outcome(cls: Any, original: dict[str, Any]) -> tuple[Any, ...]:
    """As _outcome, through ``_decode(data, owned=True)``: the SDK's path for its own bodies.

    Owned, the decoder may keep the document's dicts and consume its lists, so whether
    the input changed is not part of this outcome.
    """
    data = copy.deepcopy(original)
    try:
        model = cls._decode(data, True)
    except Exception as exc:
        return ("from_dict raised", type(exc).__name__, str(exc))
    try:
        dumped: Any = model.to_dict()
    except Exception as exc:
        dumped = ("to_dict raised", type(exc).__name__, str(exc))
    return ("ok", _shape(model), _shape(dumped))


def _mirror_outcome(cls: Any, original: dict[str, Any]) -> tuple[Any, ...] | None:
    """What the speedups' mirror builds from ``original`` as a JSON body; None if it refuses."""
    decode = _struct_mirror.mirror_decoder(cls)
    try:
        body = json.dumps(original, allow_nan=False).encode()
    except (TypeError, ValueError):  # not JSON at all: no body could carry it
        return None
    built = None if decode is None else decode(body)
    if built is None:
        return None
    return ("ok", _shape(built), _shape(built.to_dict()))


def _unknown_enum_value(outcome: tuple[Any, ...]) -> bool:
    """Whether upstream refused the value only because its closed enum does not list it."""
    return outcome[:2] == ("from_dict raised", "ValueError") and "is not a valid" in outcome[2]


def test_models_behave_like_upstream_on_every_spec_example(upstream_models: ModuleType) -> None:
    """On valid input ours build what upstream builds; on damaged input they raise DecodeError.

    Every spec example object, and damaged variants of it, goes through every model, both
    through from_dict and through the SDK's own path for bodies it just decoded
    (``_decode(data, owned=True)``, which keeps their dicts), with the same result; and, as
    a JSON body, through the speedups' mirror, which builds the same model where it takes
    the body. Where our model accepts the input, upstream's builds an equal model and dumps
    it the same, or refused it only for a value outside a (closed, upstream) enum. Where
    ours refuses, the error is a DecodeError naming a pointer, whatever upstream did (it
    often returned a model holding the wrong type). from_dict does not change its input.
    """
    from sendcloud_integrations_api import models as ours
    from sendcloud_integrations_api.types import DecodeError

    mine, theirs = _model_classes(ours), _model_classes(upstream_models)
    assert mine.keys() == theirs.keys()
    assert len(mine) > 30
    unique = {
        json.dumps(d, sort_keys=True): d
        for ex in _media_examples(load_spec()["paths"])
        for d in _dicts(ex)
    }
    objects = list(unique.values())
    assert len(objects) > 50
    counts = {"equal": 0, "unknown enum value kept": 0, "refused": 0, "mirror equal": 0}
    for name in sorted(mine):
        for example in objects:
            for data in _variants(example):
                got, want = _outcome(mine[name], data), _outcome(theirs[name], data)
                where = f"{name}.from_dict({data!r})"
                # The SDK's own path (keeps the parser's dicts): the same model or error.
                assert _owned_outcome(mine[name], data) == got[:3], f"{where}, owned"
                # The speedups' mirror: where it takes the body, the same model as ours.
                mirrored = _mirror_outcome(mine[name], data)
                if mirrored is not None:
                    assert mirrored == got[:3], f"{where}, mirror"
                    counts["mirror equal"] += 1
                if got[0] == "ok":
                    if want[0] == "ok":
                        assert got == want, where
                        counts["equal"] += 1
                    else:
                        assert _unknown_enum_value(want), (where, want)
                        counts["unknown enum value kept"] += 1
                else:
                    assert got[1] == DecodeError.__name__, (where, got)
                    assert got[3], f"{where} changed its input"
                    counts["refused"] += 1
    print(f"upstream equivalence: {counts}")
    assert counts["equal"] > 1_000, counts
    assert sum(counts.values()) - counts["mirror equal"] > 10_000, counts
    if _struct_mirror.mirror_decoder(mine["IntegrationLog"]) is not None:  # msgspec is here
        assert counts["mirror equal"] > 500, counts


def test_from_dict_leaves_the_callers_dicts_to_the_caller() -> None:
    """A model from from_dict holds copies of free-form objects: changing one spares the input."""
    from sendcloud_integrations_api.models.integration_log import IntegrationLog

    data = {
        "base_url": "https://shop.example",
        "request": {"headers": {"Accept": "x"}, "payload": {"order": 1}},
        "response": {"headers": {"Server": "y"}, "body": "no"},
        "additional_data": {"note": "z"},
    }
    original = copy.deepcopy(data)
    log = IntegrationLog.from_dict(data)
    for free_form in (
        log.request.headers,  # type: ignore[union-attr]
        log.request.payload,  # type: ignore[union-attr]
        log.response.headers,  # type: ignore[union-attr]
        log.additional_data,
    ):
        free_form["added"] = "by the caller"  # type: ignore[index]
    assert data == original


# --- hoisted imports and import cycles ----------------------------------------------------

RECURSIVE_SPEC = """\
openapi: 3.1.0
info: {title: recursive, version: "1"}
paths:
  /nodes:
    get:
      operationId: get_node
      responses:
        "200":
          description: A node.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Node"}
components:
  schemas:
    Node:
      type: object
      required: [name]
      properties:
        name: {type: string}
        parent:
          anyOf:
            - {$ref: "#/components/schemas/Node"}
            - {type: "null"}
        edges: {type: array, items: {$ref: "#/components/schemas/Edge"}}
    Edge:
      type: object
      properties:
        target: {$ref: "#/components/schemas/Node"}
        weight: {type: integer}
"""


RECURSIVE_CONFIG = """\
post_hooks:
  - ruff check . --isolated --no-cache --fix-only --extend-select=I
  - ruff format . --isolated --no-cache
"""


def test_hoisted_imports_survive_models_that_refer_to_each_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Self- and mutually-referencing schemas generate models that import and round-trip."""
    spec, config = tmp_path / "recursive.yaml", tmp_path / "config.yaml"
    spec.write_text(RECURSIVE_SPEC)
    config.write_text(RECURSIVE_CONFIG)
    monkeypatch.setattr(generate, "SPEC", spec)
    monkeypatch.setattr(generate, "CONFIG", config)
    (tmp_path / "out").mkdir()
    out = generate.generate_into(tmp_path / "out")
    name = "recursive_models_under_test"
    try:
        models = _load_as(out, name)
        data = {
            "name": "child",
            "parent": {"name": "root", "parent": None},
            "edges": [{"target": {"name": "leaf"}, "weight": 2}],
        }
        node = models.Node.from_dict(data)
        assert isinstance(node.parent, models.Node)
        assert isinstance(node.edges[0].target, models.Node)
        assert node.to_dict() == data
    finally:
        _forget(name)
