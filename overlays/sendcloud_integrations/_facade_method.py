"""A facade method is declared once, by the function that builds its call.

The declaration (``@operation_method`` on a builder in ``_resources``) holds the public
signature, the docstring and the operationIds. Read on a resource over a
SyncSender it is a plain function that sends the call; on one over an AsyncSender,
an ``async def`` that awaits it. Nothing else knows sync from async, so the two
clients' methods cannot drift apart (issue #16: one source, instead of an unasync
twin checked in lint).

Typing follows the same single source: ``__get__`` is overloaded on the resource's
sender, and the builder's ParamSpec keeps every parameter's name, kind and type
(``**query: Unpack[...]`` included) for mypy and pyright. The bound function is
kept in the resource's ``__dict__`` (a non-data descriptor), so only the first
read of ``client.integrations.get`` pays for binding; later calls go straight to it.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, Self, TypeVar, overload

from ._sender import AsyncSender, Call, Extras, SyncSender

if TYPE_CHECKING:
    from ._pagination import AsyncLogPaginator, LogPaginator, _Query

S = TypeVar("S", SyncSender, AsyncSender)
P = ParamSpec("P")
T = TypeVar("T")
SyncR = TypeVar("SyncR")
AsyncR = TypeVar("AsyncR")
# What a resource's method does with the built call (send it, or page over it), whether
# it awaits that, and its return annotation.
Binding = tuple[Callable[[Any], Any], bool, str]
Binder = Callable[[Callable[..., Any], "Resource[Any]"], Binding]


class Resource(Generic[S]):
    """A resource group (``client.integrations``, ...) over the client's sender."""

    def __init__(self, sender: S) -> None:
        self._sender: S = sender


class FacadeMethod(Generic[P, SyncR, AsyncR]):
    """One declared method: ``SyncR`` on the sync client, ``AsyncR`` on the async one."""

    def __init__(self, build: Callable[Concatenate[Resource[Any], P], Any], bind: Binder) -> None:
        self._build, self._bind = build, bind
        self.__doc__ = build.__doc__
        self.__wrapped__ = build
        self.__sendcloud_operations__: tuple[str, ...] = getattr(
            build, "__sendcloud_operations__", ()
        )
        self._name = build.__name__
        self._qualname = build.__qualname__
        # Compiled once per declaration and colour (awaited or not), shared by every client.
        self._makers: dict[bool, Callable[..., Callable[..., Any]]] = {}
        # By return annotation (a listing's differs between the clients).
        self._presented: dict[str, tuple[dict[str, Any], inspect.Signature]] = {}

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self._name = name
        self._qualname = f"{owner.__qualname__}.{name}"

    @overload
    def __get__(self, resource: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(
        self, resource: Resource[SyncSender], owner: type[Any] | None = None
    ) -> Callable[P, SyncR]: ...
    @overload
    def __get__(
        self, resource: Resource[AsyncSender], owner: type[Any] | None = None
    ) -> Callable[P, AsyncR]: ...
    def __get__(self, resource: Resource[Any] | None, owner: type[Any] | None = None) -> Any:
        if resource is None:
            return self
        finish, awaited, returns = self._bind(self._build, resource)
        if awaited not in self._makers:
            self._makers[awaited] = _wrapper_maker(self._build, awaited)
        method = self._makers[awaited](finish, self._build, resource)
        annotations, signature = self._presentation(returns)
        method.__name__ = self._name
        method.__qualname__ = self._qualname
        method.__module__ = self._build.__module__
        method.__doc__ = self._build.__doc__
        method.__wrapped__ = self._build  # type: ignore[attr-defined]
        method.__signature__ = signature  # type: ignore[attr-defined]
        method.__annotations__ = annotations
        method.__sendcloud_operations__ = self.__sendcloud_operations__  # type: ignore[attr-defined]
        vars(resource)[self._name] = method  # later reads skip __get__
        return method

    def _presentation(self, returns: str) -> tuple[dict[str, Any], inspect.Signature]:
        """The bound method's annotations and signature: the builder's, without ``self``.

        Computed once per declaration and shared by every client (inspect.signature
        costs tens of microseconds). The annotations stay strings, resolved on demand
        by typing.get_type_hints in the builder's module.
        """
        if returns not in self._presented:
            annotations = dict(self._build.__annotations__)
            annotations.pop("self", None)
            annotations["return"] = returns
            full = inspect.signature(self._build)
            parameters = list(full.parameters.values())[1:]  # self: the resource, bound
            signature = full.replace(parameters=parameters, return_annotation=returns)
            self._presented[returns] = annotations, signature
        return self._presented[returns]


def _send_call(build: Callable[..., Any], resource: Resource[Any]) -> Binding:
    # The builder is annotated `-> Call[X]`; the method returns (or awaits to) X.
    built = build.__annotations__["return"]
    if not (isinstance(built, str) and built.startswith("Call[") and built.endswith("]")):
        raise TypeError(f"{build.__qualname__} must be annotated -> Call[...], got {built!r}")
    sender = resource._sender
    return sender.send, isinstance(sender, AsyncSender), built[len("Call[") : -1]


def _paginate(build: Callable[..., Any], resource: Resource[Any]) -> Binding:
    from . import _pagination  # with the first listing: it imports the log model

    sender = resource._sender
    paginator: Any = (
        _pagination.AsyncLogPaginator
        if isinstance(sender, AsyncSender)
        else _pagination.LogPaginator
    )

    def paginate(built: tuple[Any, ...]) -> Any:
        return paginator(sender, *built)  # at once on both clients: sent when iterated

    return paginate, False, f"_pagination.{paginator.__name__}"


def _wrapper_maker(build: Callable[..., Any], awaited: bool) -> Callable[..., Callable[..., Any]]:
    """``maker(finish, build, resource)``: a wrapper with the builder's own parameters.

    Compiled from text, as dataclasses writes ``__init__``: a wrong call then fails as
    the builder itself would, when made (before any await), and a call pays no
    ``*args, **kwargs`` repacking. The text holds only the builder's parameter names;
    the defaults are passed in as objects.
    """
    parameters = list(inspect.signature(build).parameters.values())[1:]  # after self
    declared: list[str] = []
    passed: list[str] = []
    values: list[object] = []
    star = False
    for p in parameters:
        if p.name.startswith("_") or p.kind is p.POSITIONAL_ONLY:
            raise TypeError(f"{build.__qualname__}: parameter {p.name} cannot be forwarded")
        default = ""
        if p.default is not p.empty:
            default = f"=_default{len(values)}"
            values.append(p.default)
        if p.kind is p.KEYWORD_ONLY and not star:
            declared.append("*")
        star = star or p.kind in (p.KEYWORD_ONLY, p.VAR_POSITIONAL)
        prefix = "*" if p.kind is p.VAR_POSITIONAL else "**" if p.kind is p.VAR_KEYWORD else ""
        declared.append(f"{prefix}{p.name}{default}")
        passed.append(f"{p.name}={p.name}" if p.kind is p.KEYWORD_ONLY else prefix + p.name)
    made = [*(f"_default{i}" for i in range(len(values))), "_finish", "_build", "_resource"]
    result = f"_finish(_build(_resource, {', '.join(passed)}))"
    source = (
        f"def make({', '.join(made)}):\n"
        f"    {'async def' if awaited else 'def'} method({', '.join(declared)}):\n"
        f"        return {'await ' if awaited else ''}{result}\n"
        "    return method\n"
    )
    namespace: dict[str, Any] = {}
    exec(compile(source, f"<facade method {build.__qualname__}>", "exec"), namespace)
    return functools.partial(namespace["make"], *values)


def operation_method(
    build: Callable[Concatenate[Resource[Any], P], Call[T]],
) -> FacadeMethod[P, T, Coroutine[Any, Any, T]]:
    """Declare a method that sends the call its builder makes (see the module docstring)."""
    return FacadeMethod(build, _send_call)


def listing_method(
    build: Callable[Concatenate[Resource[Any], P], tuple[_Query, Extras]],
) -> FacadeMethod[P, LogPaginator, AsyncLogPaginator]:
    """Declare a method that returns a lazy log paginator over the query its builder makes."""
    return FacadeMethod(build, _paginate)
