"""A facade method is declared once, by the function that builds its call.

The declaration (``@operation_method`` on a builder in ``_resources``) holds the public
signature, the docstring and the operationIds. Read on a resource bound to a
SyncSender it is a plain function that sends the call; on one bound to an
AsyncSender, an ``async def`` that awaits it. Nothing else knows sync from async, so
the two clients' methods cannot drift apart (issue #16: one source, instead of
an unasync twin checked in lint).

Typing follows the same single source: ``__get__`` is overloaded on the resource's
sender, and the builder's ParamSpec keeps every parameter's name, kind and type
(``**query: Unpack[...]`` included) for mypy and pyright. The bound function is
kept in the resource's ``__dict__`` (these are non-data descriptors), so only the
first read of ``client.integrations.get`` pays for binding; later calls go
straight to it.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, Self, TypeVar, overload

from ._sender import AsyncSender, Call, Extras, SyncSender

if TYPE_CHECKING:
    from ._pagination import AsyncLogPaginator, LogPaginator, _Query

S = TypeVar("S", SyncSender, AsyncSender)
P = ParamSpec("P")
T = TypeVar("T")
R = TypeVar("R")


class Resource(Generic[S]):
    """A resource group (``client.integrations``, ...) over the client's sender."""

    def __init__(self, sender: S) -> None:
        self._sender: S = sender


class _Declared(Generic[P, R]):
    """What both kinds of facade method share: the builder, its presentation, the cache."""

    def __init__(self, build: Callable[Concatenate[Resource[Any], P], R]) -> None:
        self._build = build
        self.__doc__ = build.__doc__
        self.__wrapped__ = build
        self.__sendcloud_operations__: tuple[str, ...] = getattr(
            build, "__sendcloud_operations__", ()
        )
        self._name = build.__name__
        self._qualname = build.__qualname__
        # By return annotation (a listing's differs between the clients).
        self._presented: dict[str, tuple[dict[str, Any], inspect.Signature]] = {}

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self._name = name
        self._qualname = f"{owner.__qualname__}.{name}"

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

    def _bound(self, resource: Resource[Any], method: Callable[..., Any], returns: str) -> Any:
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


class Operation(_Declared[P, Call[T]]):
    """A method that sends one call and returns its parsed result (or awaits it)."""

    def _returns(self) -> str:
        # The builder is annotated `-> Call[X]`; the method returns (or awaits to) X.
        built = self._build.__annotations__["return"]
        if not (isinstance(built, str) and built.startswith("Call[") and built.endswith("]")):
            raise TypeError(f"{self._qualname} must be annotated -> Call[...], got {built!r}")
        return built[len("Call[") : -1]

    @overload
    def __get__(self, resource: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(
        self, resource: Resource[SyncSender], owner: type[Any] | None = None
    ) -> Callable[P, T]: ...
    @overload
    def __get__(
        self, resource: Resource[AsyncSender], owner: type[Any] | None = None
    ) -> Callable[P, Coroutine[Any, Any, T]]: ...
    def __get__(self, resource: Resource[Any] | None, owner: type[Any] | None = None) -> Any:
        if resource is None:
            return self
        sender, build = resource._sender, self._build
        if isinstance(sender, AsyncSender):
            send_async = sender.send

            async def method(*args: Any, **kwargs: Any) -> Any:
                return await send_async(build(resource, *args, **kwargs))

            return self._bound(resource, method, self._returns())
        send = sender.send

        def sync_method(*args: Any, **kwargs: Any) -> Any:
            return send(build(resource, *args, **kwargs))

        return self._bound(resource, sync_method, self._returns())


class Listing(_Declared[P, "tuple[_Query, Extras]"]):
    """A method that returns a lazy paginator at once, on both clients (nothing sent yet)."""

    @overload
    def __get__(self, resource: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(
        self, resource: Resource[SyncSender], owner: type[Any] | None = None
    ) -> Callable[P, LogPaginator]: ...
    @overload
    def __get__(
        self, resource: Resource[AsyncSender], owner: type[Any] | None = None
    ) -> Callable[P, AsyncLogPaginator]: ...
    def __get__(self, resource: Resource[Any] | None, owner: type[Any] | None = None) -> Any:
        if resource is None:
            return self
        from . import _pagination  # with the first listing: it imports the log model

        sender, build = resource._sender, self._build
        paginator: Any = (
            _pagination.AsyncLogPaginator
            if isinstance(sender, AsyncSender)
            else _pagination.LogPaginator
        )

        def method(*args: Any, **kwargs: Any) -> Any:
            return paginator(sender, *build(resource, *args, **kwargs))

        return self._bound(resource, method, f"_pagination.{paginator.__name__}")


def operation_method(build: Callable[Concatenate[Resource[Any], P], Call[T]]) -> Operation[P, T]:
    """Declare a facade method by the builder of its call (see the module docstring)."""
    return Operation(build)


def listing_method(
    build: Callable[Concatenate[Resource[Any], P], tuple[_Query, Extras]],
) -> Listing[P]:
    """Declare a paginated facade method by the builder of its query."""
    return Listing(build)
