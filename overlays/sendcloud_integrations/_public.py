"""Present a hand-written class as ``sendcloud_integrations.X`` (reprs, tracebacks, docs).

The way httpx does it: ``__module__`` names the package. The class's string annotations
are resolved first, in the module that wrote them, because ``typing.get_type_hints``
looks names up in the module ``__module__`` names, where ``httpx`` or ``Mapping`` are
not defined.
"""

from __future__ import annotations

import typing

PACKAGE = __name__.rpartition(".")[0]


def present_as_public(cls: type) -> None:
    own = vars(cls).get("__annotations__", {})
    if own:
        hints = typing.get_type_hints(cls)
        cls.__annotations__ = {key: hints[key] for key in own}
    cls.__module__ = PACKAGE
