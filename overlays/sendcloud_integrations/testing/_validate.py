"""Request validation against the spec with jsonschema (Draft 2020-12, as OpenAPI 3.1 uses).

jsonschema is the well-kept reference validator; openapi-core would add a second
copy of openapi-spec-validator at a conflicting version. Query and path values
arrive as strings, so they are coerced to the parameter's type first, the way a
server framework does, and then checked against the parameter schema.
Validators are built once per operation and cached: the hot path only runs them.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any, cast
from urllib.parse import urlsplit

import jsonschema
import jsonschema.exceptions
import jsonschema.protocols
import referencing
from referencing.jsonschema import DRAFT202012

from ._http import ApiError, ErrorItem, bad_request
from ._spec import Operation, Param, load_spec

_SPEC_URI = "urn:sendcloud-integrations:spec"
_RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", re.ASCII
)
_INTEGER = re.compile(r"^-?\d+$", re.ASCII)
_BOOLEANS = {"true": True, "false": False, "1": True, "0": False}


def parse_datetime(value: str) -> datetime | None:
    """An RFC 3339 date-time, or None; digits past microseconds are ignored here."""
    if not _RFC3339.match(value):
        return None
    text = value.upper().replace(" ", "T").replace("Z", "+00:00")
    text = re.sub(r"\.(\d{1,6})\d*", lambda m: "." + m.group(1).ljust(6, "0"), text)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


_FORMATS = jsonschema.FormatChecker(formats=())


@_FORMATS.checks("date-time")
def _is_datetime(value: object) -> bool:
    return not isinstance(value, str) or parse_datetime(value) is not None


@_FORMATS.checks("uri")
def _is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*$", parts.scheme)) and " " not in value


@functools.cache
def _registry() -> referencing.Registry[Any]:
    resource: referencing.Resource[Any] = DRAFT202012.create_resource(dict(load_spec()))
    empty: referencing.Registry[Any] = referencing.Registry()
    registry: referencing.Registry[Any] = empty.with_resource(_SPEC_URI, resource)
    return registry


@functools.cache
def _validator(pointer: str) -> jsonschema.protocols.Validator:
    schema = {"$ref": _SPEC_URI + pointer}
    return jsonschema.Draft202012Validator(schema, registry=_registry(), format_checker=_FORMATS)


_PARAM_VALIDATORS: dict[tuple[str, str, str], jsonschema.protocols.Validator] = {}


def _param_validator(op: Operation, param: Param) -> jsonschema.protocols.Validator:
    key = (op.operation_id, param.location, param.name)
    found = _PARAM_VALIDATORS.get(key)
    if found is None:
        found = jsonschema.Draft202012Validator(dict(param.schema), format_checker=_FORMATS)
        _PARAM_VALIDATORS[key] = found
    return found


def _error_item(error: jsonschema.ValidationError, where: str) -> ErrorItem:
    path = [str(p) for p in error.absolute_path]
    # jsonschema types these as Any; the casts name what the isinstance checks established
    # (a schema's "required" is a list of names, a JSON object's keys are strings).
    limit: object = error.validator_value
    instance: object = error.instance
    if error.validator == "required" and isinstance(limit, list):
        required = cast("list[str]", limit)
        missing = next(
            (
                name
                for name in required
                if isinstance(instance, dict) and name not in cast("dict[str, Any]", instance)
            ),
            "",
        )
        return ErrorItem(
            "required",
            "Field required",
            "This field is required.",
            pointer="/".join([where, *path, missing]),
        )
    if error.validator == "additionalProperties" and isinstance(instance, dict):
        fields = cast("dict[str, Any]", instance)
        schema = error.schema
        props: Mapping[str, Any] = schema.get("properties", {}) if isinstance(schema, dict) else {}
        extra = next((k for k in fields if k not in props), "")
        # Code and pointer as in the spec's own example for POST /integrations/{id}/logs.
        return ErrorItem(
            "extra_forbidden",
            "Extra Forbidden",
            "Extra inputs are not permitted",
            pointer="/".join([where, *path, extra]),
        )
    code = {"enum": "invalid_choice", "minimum": "min_value", "minItems": "invalid"}.get(
        str(error.validator), "invalid"
    )
    if error.validator == "type" and error.instance is None:
        code = "null"
    elif error.validator == "type" and error.validator_value == "array":
        code = "not_a_list"
    return ErrorItem(code, "Invalid", plain_message(error), pointer="/".join([where, *path]))


_JSON_TYPES: dict[type[object], str] = {
    dict: "an object",
    list: "an array",
    str: "a string",
    bool: "a boolean",
    int: "an integer",
    float: "a number",
    type(None): "null",
}


def _json_type(value: object) -> str:
    return _JSON_TYPES.get(type(value), "a value")


def _listed(value: object) -> str:
    items = cast("list[object]", value) if isinstance(value, list) else [value]
    return ", ".join(json.dumps(v) if not isinstance(v, str) else v for v in items)


def plain_message(error: jsonschema.ValidationError) -> str:
    """The complaint in plain words: jsonschema's own messages show Python reprs
    (``None is not of type 'string'``), which a Sendcloud client never sees."""
    kind, limit = str(error.validator), error.validator_value
    messages: dict[str, Callable[[], str]] = {
        "type": lambda: (
            f"Must be {_listed(limit).replace(', ', ' or ')}, not {_json_type(error.instance)}."
        ),
        "enum": lambda: f"Must be one of: {_listed(limit)}.",
        "const": lambda: f"Must be {_listed(limit)}.",
        "minLength": lambda: f"Must be at least {limit} characters long.",
        "maxLength": lambda: f"Must be at most {limit} characters long.",
        "minItems": lambda: f"Must have at least {limit} items.",
        "maxItems": lambda: f"Must have at most {limit} items.",
        "uniqueItems": lambda: "Items must be unique.",
        "minimum": lambda: f"Must be greater than or equal to {limit}.",
        "maximum": lambda: f"Must be less than or equal to {limit}.",
        "exclusiveMinimum": lambda: f"Must be greater than {limit}.",
        "exclusiveMaximum": lambda: f"Must be less than {limit}.",
        "format": lambda: f"Must be a valid {limit}.",
        "pattern": lambda: "Does not match the expected pattern.",
    }
    make = messages.get(kind)
    return make() if make is not None else "Invalid value."


def validate_body(op: Operation, raw: bytes) -> Any:
    """The decoded JSON body; ApiError(400) when it breaks the operation's schema."""
    if op.body_pointer is None:
        return None
    try:
        # No operation marks its body required, so an empty one is read as {}: fine for a
        # PATCH, while the schema still reports the properties a POST needs.
        body: Any = json.loads(raw) if raw.strip() else {}
    except (ValueError, UnicodeDecodeError):
        raise bad_request("invalid", "Parse error", "JSON parse error", pointer="body") from None
    if not isinstance(body, dict):
        raise bad_request(
            "non_field_errors", "Wrong format", "Wrong request format, expected object"
        )
    document = cast("dict[str, Any]", body)  # json.loads: an object's keys are strings
    errors = sorted(_validator(op.body_pointer).iter_errors(document), key=lambda e: e.path)
    if errors:
        raise ApiError(400, [_error_item(e, "body") for e in errors])
    return document


def _coerce(param: Param, raw: str) -> Any:
    kind = param.schema.get("type")
    if kind == "integer":
        if not _INTEGER.match(raw):
            raise bad_request(
                "invalid", "Invalid", "A valid integer is required.", parameter=param.name
            )
        return int(raw)
    if kind == "boolean":
        if raw.lower() not in _BOOLEANS:
            raise bad_request(
                "invalid", "Invalid", "Must be a valid boolean.", parameter=param.name
            )
        return _BOOLEANS[raw.lower()]
    return raw


# types-jsonschema leaves out best_match's return type: the most relevant error, or None.
_best_match = cast(
    "Callable[[Iterable[jsonschema.ValidationError]], jsonschema.ValidationError | None]",
    jsonschema.exceptions.best_match,  # pyright: ignore[reportUnknownMemberType]
)


def validate_params(op: Operation, location: str, given: Mapping[str, str]) -> dict[str, Any]:
    """Typed values of the ``location`` ("path" or "query") parameters; ApiError(400) if bad."""
    values: dict[str, Any] = {}
    for param in op.params:
        if param.location != location:
            continue
        if param.name not in given:
            if param.required and param.name == "integration_id":
                # Code, title and detail as in the spec's example for the status endpoints.
                raise bad_request(
                    "non_field_errors",
                    "integration ID",
                    "Integration ID is a required GET parameter",
                )
            if param.required:
                raise bad_request(
                    "required", "Required", f"{param.name} is required.", parameter=param.name
                )
            continue
        value = _coerce(param, given[param.name])
        error = _best_match(_param_validator(op, param).iter_errors(value))
        if error is not None:
            item = _error_item(error, "")
            raise bad_request(item.code, "Invalid", item.detail, parameter=param.name)
        values[param.name] = value
    return values
