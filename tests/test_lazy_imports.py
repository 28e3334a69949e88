"""What loads when (issues #10, #17): fresh interpreters, assertions on ``sys.modules``.

``import sendcloud_integrations`` loads attrs (every call needs it) but leaves the generated
package, the OAuth2 machinery and the error-body reader for first use; a first call loads
only what it uses.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import sendcloud_integrations as sc

from .conftest import ROOT


def _fresh(code: str) -> object:
    """Run ``code`` in a fresh interpreter and return what it prints as JSON."""
    done = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT
    )
    return json.loads(done.stdout)


def test_import_loads_attrs_but_no_generated_code_or_sandbox() -> None:
    """The package import loads attrs, but not the generated package, the sandbox or resources."""
    loaded = _fresh(
        "import sys, json, sendcloud_integrations\n"
        "print(json.dumps([sorted(m for m in sys.modules if m.startswith(("
        "'sendcloud_integrations_api', 'sendcloud_integrations.testing', "
        "'sendcloud_integrations._pagination', 'sendcloud_integrations._resources'))),"
        " 'attrs' in sys.modules]))"
    )
    assert loaded == [[], True]


# The OAuth2 client and what only it uses; the error-body reader (a dataclass) too.
_DEFERRED = ("_oauth2", "_token", "_token_store", "_shared_token", "_flow_driver", "_error_details")
_LOADED_DEFERRED = (
    "print(json.dumps(sorted(m.split('.')[1] for m in sys.modules"
    f" if m.startswith('sendcloud_integrations.') and m.split('.')[1] in {_DEFERRED!r})))"
)
_FIRST_GET = (
    "import sys, json, httpx, sendcloud_integrations as sc\n"
    "answer = lambda r: httpx.Response(200, json={'data': {'id': 1}})\n"
    "client = sc.Client(auth=sc.BasicAuth('pk', 'sk'), transport=httpx.MockTransport(answer))\n"
    "client.integrations.get(1)\n"
)


def test_import_leaves_the_oauth2_machinery_and_error_reader_for_first_use() -> None:
    """Neither the import nor a first Basic-auth call loads the OAuth2 modules or _error_details."""
    assert _fresh("import sys, json, sendcloud_integrations\n" + _LOADED_DEFERRED) == []
    assert _fresh(_FIRST_GET + _LOADED_DEFERRED) == []


def test_the_first_call_does_not_import_the_generated_client_module() -> None:
    """A first ``integrations.get`` loads models, not ``sendcloud_integrations_api.client``."""
    loaded = _fresh(
        _FIRST_GET + "print(json.dumps(['sendcloud_integrations_api.client' in sys.modules,"
        " 'sendcloud_integrations_api.models.integration' in sys.modules]))"
    )
    assert loaded == [False, True]


def test_the_first_get_loads_no_other_operations_models_pagination_or_field_types() -> None:
    """A first ``integrations.get`` loads neither the paginator, the TypedDicts, nor log models."""
    loaded = _fresh(
        _FIRST_GET + "print(json.dumps(sorted(m for m in sys.modules if m in ("
        "'sendcloud_integrations._pagination', 'sendcloud_integrations._fields',"
        " 'sendcloud_integrations_api._request_types') or m.startswith(("
        "'sendcloud_integrations_api.models.integration_log',"
        " 'sendcloud_integrations_api.models.shop_order_status',"
        " 'sendcloud_integrations_api.models.new_shop_order_status',"
        " 'sendcloud_integrations_api.models.status_mapping')))))"
    )
    assert loaded == []


def test_a_model_import_does_not_import_the_generated_client_module() -> None:
    """Importing one model module loads its models, not the package's ``client.py``."""
    loaded = _fresh(
        "import sys, json\n"
        "import sendcloud_integrations_api.models.integration\n"
        "print(json.dumps('sendcloud_integrations_api.client' in sys.modules))"
    )
    assert loaded is False


def test_the_generated_clients_are_still_importable_from_the_package() -> None:
    """``from sendcloud_integrations_api import AuthenticatedClient`` gives the client classes."""
    import sendcloud_integrations_api
    from sendcloud_integrations_api import AuthenticatedClient, Client, client

    assert AuthenticatedClient is client.AuthenticatedClient
    assert Client is client.Client
    assert sendcloud_integrations_api.client is client
    assert set(sendcloud_integrations_api.__all__) == {"AuthenticatedClient", "Client"}
    assert set(sendcloud_integrations_api.__all__) <= set(dir(sendcloud_integrations_api))
    with pytest.raises(AttributeError, match="NoSuchClient"):
        sendcloud_integrations_api.NoSuchClient  # type: ignore[attr-defined]  # noqa: B018


def test_oauth2_and_error_classes_are_public_whichever_import_loads_them() -> None:
    """Loaded by ``auth_from_env`` or by an error response, the classes still say ``sc``."""
    loaded = _fresh(
        "import sys, json, pickle, httpx, sendcloud_integrations as sc\n"
        "from sendcloud_integrations._auth import auth_from_env\n"
        "auth, _ = auth_from_env({'SENDCLOUD_CLIENT_ID': 'id', 'SENDCLOUD_CLIENT_SECRET': 's'})\n"
        "body = {'errors': [{'code': 'not_found', 'title': 'Not found'}]}\n"
        "answer = lambda r: httpx.Response(404, json=body)\n"
        "client = sc.Client(auth=sc.BasicAuth('pk', 'sk'), transport=httpx.MockTransport(answer))\n"
        "try:\n"
        "    client.integrations.get(1)\n"
        "except sc.NotFoundError as error:\n"
        "    detail = error.errors[0]\n"
        "    again = pickle.loads(pickle.dumps(error)).errors[0]\n"
        "store = sys.modules['sendcloud_integrations._token_store']\n"
        "classes = [type(auth), type(detail), store.MemoryTokenStore, store.TokenStore]\n"
        "print(json.dumps([[c.__module__ for c in classes], again == detail]))"
    )
    assert loaded == [["sendcloud_integrations"] * 4, True]


def test_pagination_classes_are_public_whichever_import_loads_them() -> None:
    """Loaded through a client (not through ``sc.X``), paginator classes still say ``sc``."""
    modules = _fresh(
        "import sys, json, sendcloud_integrations as sc\n"
        "sc.Client().exception_logs.list()\n"
        "p = sys.modules['sendcloud_integrations._pagination']\n"
        "names = ('LogPage', 'LogPaginator', 'AsyncLogPaginator', 'PaginationError')\n"
        "print(json.dumps([getattr(p, n).__module__ for n in names]))"
    )
    assert modules == ["sendcloud_integrations"] * 4


def test_lazy_names_resolve_to_the_defining_objects() -> None:
    """Each lazily exported name is the generated or hand-written object it stands for."""
    from sendcloud_integrations import _error_details, _oauth2, _pagination, _token_store
    from sendcloud_integrations_api.models.integration import Integration
    from sendcloud_integrations_api.types import UNSET

    assert sc.Integration is Integration
    assert sc.UNSET is UNSET
    assert sc.PaginationError is _pagination.PaginationError
    assert sc.OAuth2ClientCredentials is _oauth2.OAuth2ClientCredentials
    assert sc.MemoryTokenStore is _token_store.MemoryTokenStore
    assert sc.TokenStore is _token_store.TokenStore
    assert sc.ErrorDetail is _error_details.ErrorDetail
    assert set(sc.__all__) <= set(dir(sc))


def test_unknown_attribute_is_an_attribute_error() -> None:
    """A name the package does not export raises AttributeError naming it."""
    with pytest.raises(AttributeError, match="NoSuchName"):
        sc.NoSuchName  # type: ignore[attr-defined]  # noqa: B018


def test_one_model_imports_only_the_models_it_refers_to() -> None:
    """Importing a model loads its own nested models, not the other forty-odd."""
    loaded = _fresh(
        "import sys, json\n"
        "from sendcloud_integrations_api.models import Integration\n"
        "print(json.dumps(sorted(m.rsplit('.', 1)[1] for m in sys.modules"
        " if m.startswith('sendcloud_integrations_api.models.'))))"
    )
    assert loaded == ["feedback_type", "integration"]


def test_every_listed_model_is_importable_by_name_from_the_models_package() -> None:
    """``from sendcloud_integrations_api.models import X`` gives each class of ``__all__``."""
    from sendcloud_integrations_api import models

    assert len(models.__all__) > 40
    for name in models.__all__:
        cls = getattr(models, name)
        assert cls.__name__ == name
        assert cls.__module__.startswith("sendcloud_integrations_api.models.")
    assert set(models.__all__) <= set(dir(models))
    with pytest.raises(AttributeError, match="NoSuchModel"):
        models.NoSuchModel  # type: ignore[attr-defined]  # noqa: B018


def test_the_first_call_imports_no_generated_operation_module() -> None:
    """``integrations.get`` builds its call from the request table, not an operation module."""
    loaded = _fresh(
        "import sys, json, httpx, sendcloud_integrations as sc\n"
        "answer = lambda r: httpx.Response(200, json={'data': {'id': 1}})\n"
        "sc.Client(transport=httpx.MockTransport(answer)).integrations.get(1)\n"
        "print(json.dumps(sorted(m.rsplit('.', 1)[1] for m in sys.modules"
        " if m.startswith('sendcloud_integrations_api.api.integrations.'))))"
    )
    assert loaded == []


def test_the_aiohttp_backend_is_not_imported_with_the_package() -> None:
    """aiohttp (and httpx-aiohttp) load when a DefaultAioHttpClient is built, not before."""
    loaded = _fresh(
        "import sys, json, sendcloud_integrations as sc\n"
        "before = [m for m in ('aiohttp', 'httpx_aiohttp') if m in sys.modules]\n"
        "sc.DefaultAioHttpClient\n"
        "print(json.dumps([before, 'aiohttp' in sys.modules]))"
    )
    assert loaded == [[], False]


def test_import_leaves_token_stores_anyio_and_the_cli_for_first_use() -> None:
    """The package import loads no token store backend, no anyio/asyncio and no CLI."""
    loaded = _fresh(
        "import sys, json, sendcloud_integrations\n"
        "roots = {'filelock', 'redis', 'anyio', 'asyncio', 'sniffio'}\n"
        "ours = {'_file_store', '_redis_store', '_cli'}\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in roots"
        " or m.startswith('sendcloud_integrations.') and m.split('.')[1] in ours)))"
    )
    assert loaded == []


def test_lazily_loaded_token_stores_are_the_public_classes() -> None:
    """``sc.FileTokenStore``/``sc.RedisTokenStore`` load on use and present as ``sc``."""
    from sendcloud_integrations._file_store import FileTokenStore
    from sendcloud_integrations._redis_store import RedisTokenStore

    assert sc.FileTokenStore is FileTokenStore
    assert sc.RedisTokenStore is RedisTokenStore
    assert {sc.FileTokenStore.__module__, sc.RedisTokenStore.__module__} == {
        "sendcloud_integrations"
    }


# The response wrappers _parse decodes 2xx bodies with, one per kind of answer.
_WRAPPERS = (
    "integration_get_response",
    "integration_log_created_response",
    "integration_log_list_response",
    "shop_order_status_list_response",
    "status_mapping_response",
)
_LOADED = (
    "print(json.dumps(sorted(m.rsplit('.', 1)[1] for m in sys.modules"
    " if m.startswith('sendcloud_integrations_api.models.')"
    f" and m.rsplit('.', 1)[1] in {_WRAPPERS!r})))"
)


def test_the_first_call_loads_only_its_own_response_wrapper() -> None:
    """A first ``integrations.get`` decodes with its own wrapper model, loading no other."""
    loaded = _fresh(
        "import sys, json, httpx, sendcloud_integrations as sc\n"
        "answer = lambda r: httpx.Response(200, json={'data': {'id': 1}})\n"
        "sc.Client(transport=httpx.MockTransport(answer)).integrations.get(1)\n" + _LOADED
    )
    assert loaded == ["integration_get_response"]


def test_the_first_call_loads_no_operation_module_error_model_or_async_machinery() -> None:
    """A first sync call loads no generated operation module, no error model, no anyio."""
    loaded = _fresh(
        "import sys, json, httpx, sendcloud_integrations as sc\n"
        "answer = lambda r: httpx.Response(200, json={'data': {'id': 1}})\n"
        "sc.Client(transport=httpx.MockTransport(answer)).integrations.get(1)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(("
        "'sendcloud_integrations_api.api', 'sendcloud_integrations_api.models.error',"
        " 'anyio', 'asyncio')))))"
    )
    assert loaded == []


def test_the_first_listing_loads_the_log_list_wrapper_only() -> None:
    """A first ``exception_logs.list`` loads the log list wrapper, not the other wrappers."""
    loaded = _fresh(
        "import sys, json, httpx, sendcloud_integrations as sc\n"
        "answer = lambda r: httpx.Response(200, json={'data': []})\n"
        "list(sc.Client(transport=httpx.MockTransport(answer)).exception_logs.list())\n" + _LOADED
    )
    assert loaded == ["integration_log_list_response"]


def test_the_first_get_makes_no_endpoint_types_and_loads_no_uri_checks() -> None:
    """A first ``integrations.get`` leaves File, Response and the URI checker unmade."""
    loaded = _fresh(
        _FIRST_GET + "import importlib.util\n"
        "t = sys.modules['sendcloud_integrations_api.types']\n"
        "mirror = 'sendcloud_integrations._struct_mirror' in sys.modules\n"
        "print(json.dumps([sorted(n for n in ('File', 'Response') if n in vars(t)),"
        " 'sendcloud_integrations._uri' in sys.modules,"
        " mirror == (importlib.util.find_spec('msgspec') is not None)]))"
    )
    assert loaded == [[], False, True]


def test_endpoint_types_become_attrs_classes_at_first_use() -> None:
    """types.File and types.Response are the attrs classes upstream defines, made once."""
    loaded = _fresh(
        "import json, pickle, threading, attrs\n"
        "import sendcloud_integrations_api.types as t\n"
        "seen = []\n"
        "threads = [threading.Thread(target=lambda: seen.append(t.Response)) for _ in range(8)]\n"
        "[th.start() for th in threads]; [th.join() for th in threads]\n"
        "from sendcloud_integrations_api.types import File\n"
        "f = File(payload=b'x', file_name='a.txt')\n"
        "print(json.dumps([len({id(c) for c in seen}), attrs.has(t.Response), attrs.has(File),"
        " f.to_tuple()[::2], pickle.loads(pickle.dumps(f)) == f, 'File' in dir(t),"
        " [f.name for f in attrs.fields(t.Response)]]))"
    )
    assert loaded == [
        1,
        True,
        True,
        ["a.txt", None],
        True,
        True,
        ["status_code", "content", "headers", "parsed"],
    ]


def test_a_name_types_does_not_have_is_an_attribute_error() -> None:
    """Other missing names of the types module still raise AttributeError."""
    import sendcloud_integrations_api.types as types_module

    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        types_module.Nope  # noqa: B018
