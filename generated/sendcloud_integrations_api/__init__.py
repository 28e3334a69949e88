"""A client library for accessing Integrations"""

# The clients are imported when first read (a module ``__getattr__``): importing a
# model or the request schema no longer imports ``client.py`` and its attrs classes.
# Type checkers read the imports under ``TYPE_CHECKING``, which name them all.
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)

# Hidden from type checkers, which see the imports above: with a visible module
# __getattr__ they would accept any misspelt name.
if not TYPE_CHECKING:
    import importlib as _importlib

    def __getattr__(name: str) -> object:
        # "client": the submodule, an attribute of the package as when it loaded eagerly.
        if name != "client" and name not in __all__:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        client = _importlib.import_module(".client", __name__)
        if name == "client":
            return client
        value = getattr(client, name)
        globals()[name] = value  # later lookups skip this function
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
