"""Argument fuzzing of every facade method, on both clients."""

from __future__ import annotations

import datetime as dt
import enum
import inspect
from typing import Any

import httpx
import sendcloud_integrations as sc
from hypothesis import given
from hypothesis import strategies as st

from ._support import (
    BUDGET,
    MODES,
    NOTHING_SENT,
    check_no_secret,
    check_only_typed,
    debug_records,
    run_call,
    saw,
)

RESOURCES = ("integrations", "exception_logs", "shop_order_statuses", "status_mapping")


def facade_methods() -> list[tuple[str, str]]:
    """(resource, method) for every public method of every resource of the sync client."""
    with sc.Client() as client:
        return [
            (resource, name)
            for resource in RESOURCES
            for name, _ in inspect.getmembers(getattr(client, resource), inspect.isroutine)
            if not name.startswith("_")
        ]


METHODS = facade_methods()


class Colour(enum.Enum):
    RED = "red"


hostile = st.deferred(
    lambda: st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**80), max_value=2**80),
        st.sampled_from([0, 1, -1, 2**31, 2**63]),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=30),
        st.sampled_from(["", " ", "\x00", "a\r\nb", "é" * 300, "https://x.example/", "x" * 5000]),
        st.binary(max_size=10),
        st.datetimes(),
        st.datetimes(timezones=st.just(dt.UTC)),
        st.just(object()),
        st.just(Colour.RED),
        st.lists(hostile, max_size=3),
        st.dictionaries(st.text(max_size=10), hostile, max_size=3),
        st.sampled_from(["READY_TO_SEND", "en-us", "eager", "-updated_at"]),
    )
)


@st.composite
def arguments(draw: st.DrawFn, method: Any) -> tuple[list[Any], dict[str, Any]]:
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for param in inspect.signature(method).parameters.values():
        if param.kind is param.VAR_KEYWORD:
            names = st.sampled_from(
                ["shop_name", "webhook_url", "full_url", "response_code", "bogus"]
            )
            kwargs.update(draw(st.dictionaries(names, hostile, max_size=3)))
            continue
        if param.kind is param.VAR_POSITIONAL:
            continue
        if param.default is not param.empty and draw(st.booleans()):
            continue  # leave it at its default
        value = draw(hostile)
        if param.kind is param.POSITIONAL_OR_KEYWORD and draw(st.booleans()):
            args.append(value)
        else:
            kwargs[param.name] = value
    if draw(st.integers(0, 9)) == 0:
        args.append(draw(hostile))  # one positional too many
    if draw(st.integers(0, 9)) == 0:
        kwargs["unexpected_keyword"] = draw(hostile)
    return args, kwargs


def answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"data": []})


@BUDGET
@given(data=st.data(), target=st.sampled_from(METHODS), mode=st.sampled_from(MODES))
def test_every_facade_method_refuses_bad_arguments_typed_and_before_sending(
    data: st.DataObject, target: tuple[str, str], mode: str
) -> None:
    """Any arguments: a SendcloudError or a result, TypeError only for a wrong call signature,
    and nothing sent when RequestValidationError refuses the call."""
    resource, name = target
    with sc.Client() as probe:
        signature = inspect.signature(getattr(getattr(probe, resource), name))
    args, kwargs = data.draw(arguments(getattr(getattr(probe, resource), name)))
    try:
        signature.bind(*args, **kwargs)
        signature_ok = True
    except TypeError:
        signature_ok = False

    def call(client: Any) -> Any:
        return getattr(getattr(client, resource), name)(*args, **kwargs)

    with debug_records() as records:
        run = run_call(mode, answer, call)
    check_only_typed(run, allow=() if signature_ok else (TypeError,))
    check_no_secret(run, records)
    if isinstance(run.error, sc.RequestValidationError):
        saw(NOTHING_SENT)
        assert run.requests == [], f"{resource}.{name} sent a request it refused"
