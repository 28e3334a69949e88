"""Present a hand-written class as ``sendcloud_integrations.X`` (reprs, tracebacks, docs).

The way httpx does it: ``__module__`` names the package. The class's string annotations
are resolved first, in the module that wrote them, because ``typing.get_type_hints``
looks names up in the module ``__module__`` names, where ``httpx`` or ``Mapping`` are
not defined. Annotations that name what loads only later (the clients' resource
groups) stay strings that resolve through :class:`OnFirstUse` stand-ins in the
package's namespace.
"""

from __future__ import annotations

import importlib
import typing
from types import ModuleType

PACKAGE = __name__.rpartition(".")[0]


def present_as_public(cls: type) -> None:
    own = vars(cls).get("__annotations__", {})
    # Only string annotations depend on the module they are looked up in (and resolving
    # costs ~30 us a name at import time: _config's classes have real annotations).
    if any(isinstance(hint, str) for hint in own.values()):
        try:
            hints = typing.get_type_hints(cls)
        except NameError:
            pass  # names of modules loaded later: resolved in the package, on first use
        else:
            cls.__annotations__ = {key: hints[key] for key in own}
    cls.__module__ = PACKAGE


class OnFirstUse(ModuleType):
    """A module imported when an attribute is first read (for annotations, not for calls)."""

    def __getattr__(self, attr: str) -> object:
        return getattr(importlib.import_module(self.__name__), attr)
