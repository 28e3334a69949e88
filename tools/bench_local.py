"""Sections measured in this process or in fresh interpreters, on in-process transports.

- per_request: ``client.integrations.get`` vs a bare ``httpx.Client`` GET + ``json.loads``
  with the same auth object on the same transport (issue #17);
- page: ``exception_logs.list(limit=100)`` vs the bare GET + ``json.loads`` of that page,
  and ``IntegrationLog.from_dict`` over it vs ``json.loads`` (issue #13), with whatever
  decoding the installed package has;
- pagination: 10 pages followed by next link vs a bare loop doing the same (#17);
- cold_start: first ``Client()`` + first call after import, fresh interpreters (#17);
- imports: ``import sendcloud_integrations`` vs ``import httpx``, fresh interpreters (#17).
The transports answer with bodies the sandbox served, captured once up front.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import sendcloud_integrations as sc
from bench_harness import ROUNDS, goal, interleave, median, profile, ratio, row
from sendcloud_integrations.testing import PRESTASHOP_ID, Sandbox

BASE = "https://panel.sendcloud.sc/api/v3"
ROOT = Path(__file__).resolve().parent.parent


def _captured(path: str, log_count: int = 100) -> bytes:
    sandbox = Sandbox(log_count=log_count)
    creds = sandbox.credentials
    with httpx.Client(
        transport=sandbox.transport(), auth=httpx.BasicAuth(creds.public_key, creds.secret_key)
    ) as http:
        response = http.get(sandbox.base_url + path)
        response.raise_for_status()
        return response.content


def _transport(body: bytes) -> httpx.MockTransport:
    headers = {"Content-Type": "application/json"}
    return httpx.MockTransport(lambda request: httpx.Response(200, content=body, headers=headers))


def _pair(body: bytes) -> tuple[sc.Client, httpx.Client]:
    transport, auth = _transport(body), sc.BasicAuth("public-key", "secret-key")
    return sc.Client(auth=auth, transport=transport), httpx.Client(auth=auth, transport=transport)


def per_request(quick: bool) -> dict[str, Any]:
    body = _captured(f"/integrations/{PRESTASHOP_ID}")
    client, bare = _pair(body)
    url = f"{BASE}/integrations/{PRESTASHOP_ID}"
    cases = {
        "bare httpx.Client GET + json.loads": lambda: json.loads(bare.get(url).content),
        "client.integrations.get": lambda: client.integrations.get(PRESTASHOP_ID),
    }
    number = 50 if quick else 500
    times = interleave(cases, ROUNDS["quick" if quick else "full"], number)
    base, sdk = list(cases)
    r = ratio(times, sdk, base)
    return {
        "title": "Per request: `integrations.get` (issue #17)",
        "setup": f"{number} calls per round, same `sc.BasicAuth` object and MockTransport "
        f"answering the sandbox's {len(body)}-byte body.",
        "rows": [
            row(base, median(times[base])),
            row(sdk, median(times[sdk]), ratio=r, baseline=base),
        ],
        "goals": [
            goal(
                "#17 `integrations.get` per call",
                value=median(times[sdk]),
                baseline_name="bare httpx GET + json.loads",
                baseline=median(times[base]),
                ratio=r,
                target=1.1,
            )
        ],
        "profiles": {sdk: profile(cases[sdk], number)},
    }


def _decoders() -> list[str]:
    return [name for name in ("orjson", "msgspec") if importlib.util.find_spec(name)]


def page(quick: bool) -> dict[str, Any]:
    from bench_floor import unchecked
    from sendcloud_integrations import _jsonbody
    from sendcloud_integrations_api.models.integration_log import IntegrationLog
    from sendcloud_integrations_api.models.integration_log_list_response import (
        IntegrationLogListResponse,
    )

    raw = _captured("/integrations/logs?page_size=100")
    client, bare = _pair(raw)
    url = f"{BASE}/integrations/logs?page_size=100"
    build_page = unchecked(IntegrationLogListResponse)
    # The fastest parser here, as the SDK uses it: what the floor of this interpreter is.
    parse, parser_name = (
        (_jsonbody._fast_decode, "msgspec")
        if _jsonbody._fast_decode is not None
        else (json.loads, "json.loads")
    )
    expected = list(client.exception_logs.list(limit=100))
    assert build_page(json.loads(raw)).data == expected  # the floor builds the same models
    cases = {
        "bare httpx.Client GET + json.loads": lambda: json.loads(bare.get(url).content),
        "exception_logs.list(limit=100)": lambda: list(client.exception_logs.list(limit=100)),
        f"floor: bare GET + {parser_name} + the same models built with no check": lambda: (
            build_page(parse(bare.get(url).content)).data
        ),
        "json.loads(page)": lambda: json.loads(raw),
        "IntegrationLog.from_dict over json.loads(page)": lambda: [
            IntegrationLog.from_dict(item) for item in json.loads(raw)["data"]
        ],
    }
    number = 10 if quick else 100
    times = interleave(cases, ROUNDS["quick" if quick else "full"], number)
    bare_get, sdk, floor, loads, from_dict = list(cases)
    r = ratio(times, sdk, bare_get)
    return {
        "title": "A 100-log page (issue #13)",
        "setup": f"{number} calls per round; the page is {len(raw):,} bytes the sandbox served; "
        "decoding is whatever the installed package does; JSON libraries importable here: "
        f"{', '.join(_decoders()) or 'none (stdlib json only)'}.",
        "rows": [
            row(bare_get, median(times[bare_get])),
            row(sdk, median(times[sdk]), ratio=r, baseline=bare_get),
            row(
                floor, median(times[floor]), ratio=ratio(times, floor, bare_get), baseline=bare_get
            ),
            row(loads, median(times[loads])),
            row(
                from_dict,
                median(times[from_dict]),
                ratio=ratio(times, from_dict, loads),
                baseline=loads,
            ),
        ],
        "goals": [
            goal(
                "#13 100-log page through the SDK",
                value=median(times[sdk]),
                baseline_name="bare httpx GET + json.loads",
                baseline=median(times[bare_get]),
                ratio=r,
                target=1.8,
                speedups_target=1.3,
            )
        ],
        "profiles": {sdk: profile(cases[sdk], number)},
    }


def _replay(sandbox: Sandbox, first: str) -> tuple[str, httpx.MockTransport]:
    """Every page from ``first`` on, as the sandbox served it, replayed by URL."""
    creds = sandbox.credentials
    pages: dict[str, httpx.Response] = {}
    auth = httpx.BasicAuth(creds.public_key, creds.secret_key)
    with httpx.Client(transport=sandbox.transport(), auth=auth) as http:
        url: str | None = sandbox.base_url + first
        while url:
            served = http.get(url)
            pages[url] = served
            url = served.links.get("next", {}).get("url")

    def answer(request: httpx.Request) -> httpx.Response:
        served = pages[str(request.url)]
        return httpx.Response(200, content=served.content, headers=served.headers)

    return sandbox.base_url + first, httpx.MockTransport(answer)


def pagination(quick: bool) -> dict[str, Any]:
    sandbox = Sandbox(log_count=100)
    first, transport = _replay(sandbox, "/integrations/logs?page_size=10")
    auth = sc.BasicAuth("public-key", "secret-key")
    client = sc.Client(auth=auth, base_url=sandbox.base_url, transport=transport)
    bare = httpx.Client(auth=auth, transport=transport)

    def bare_loop() -> None:
        url: str | None = first
        while url:
            response = bare.get(url)
            json.loads(response.content)
            url = response.links.get("next", {}).get("url")

    cases = {
        "bare loop: GET + json.loads, follow Link rel=next": bare_loop,
        "list(exception_logs.list(page_size=10))": lambda: list(
            client.exception_logs.list(page_size=10)
        ),
    }
    number = 5 if quick else 30
    times = interleave(cases, ROUNDS["quick" if quick else "full"], number)
    base, sdk = list(cases)
    return {
        "title": "Following next links: 100 logs in 10 pages (issue #17)",
        "setup": f"{number} walks per round; the sandbox's 10 pages and Link headers, replayed.",
        "rows": [
            row(base, median(times[base])),
            row(sdk, median(times[sdk]), ratio=ratio(times, sdk, base), baseline=base),
        ],
        "goals": [],
        "profiles": {sdk: profile(cases[sdk], number)},
    }


# Fresh interpreters read bytecode as an installed package would (pip compiles it):
# with PYTHONDONTWRITEBYTECODE set, an editable checkout would compile the SDK's source
# on every start while httpx's bytecode sits compiled in site-packages.
_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def _fresh(code: str, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *flags, "-c", code],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_ENV,
    )


def _compile_bytecode() -> None:
    """Compile once up front, so that no timed start pays for it."""
    _fresh(
        "import sendcloud_integrations_api.models as m, sendcloud_integrations as sc\n"
        "[getattr(m, n) for n in m.__all__]; [getattr(sc, n) for n in sc.__all__]\n"
        "sc.Client(); sc.AsyncClient()"
    )


_COLD = """
import time
t0 = time.perf_counter()
import {module}
t1 = time.perf_counter()
import httpx, json, sys
body = {body!r}
transport = httpx.MockTransport(lambda r: httpx.Response(200, content=body))
sys.stderr.write("--- first call ---\\n")
t2 = time.perf_counter()
{call}
t3 = time.perf_counter()
print(t1 - t0, t3 - t2)
"""
_SDK_CALL = (
    "sendcloud_integrations.Client(auth=sendcloud_integrations.BasicAuth('pk', 'sk'), "
    f"transport=transport).integrations.get({PRESTASHOP_ID})"
)
_GENERATED_CALL = (
    "from sendcloud_integrations_api import AuthenticatedClient\n"
    "from sendcloud_integrations_api.api.integrations import "
    "sc_public_v3_integrations_get_retrieve_integration as op\n"
    f"op.sync({PRESTASHOP_ID}, client=AuthenticatedClient('{BASE}', token='t', "
    "httpx_args={'transport': transport}))"
)
_BARE_CALL = (
    "json.loads(httpx.Client(auth=httpx.BasicAuth('pk', 'sk'), transport=transport)"
    f".get('{BASE}/integrations/{PRESTASHOP_ID}').content)"
)


def cold_start(quick: bool) -> dict[str, Any]:
    body = _captured(f"/integrations/{PRESTASHOP_ID}")
    scripts = {
        "bare: first httpx.Client() + GET + json.loads": _COLD.format(
            module="httpx", body=body, call=_BARE_CALL
        ),
        "generated client: first AuthenticatedClient + sync() (attrs, its models)": _COLD.format(
            module="httpx", body=body, call=_GENERATED_CALL
        ),
        "first sc.Client() + integrations.get": _COLD.format(
            module="sendcloud_integrations", body=body, call=_SDK_CALL
        ),
    }
    _compile_bytecode()
    rounds = 3 if quick else 15
    first: dict[str, list[float]] = {name: [] for name in scripts}
    for r in range(rounds):
        for name in scripts if r % 2 == 0 else reversed(list(scripts)):
            first[name].append(float(_fresh(scripts[name]).stdout.split()[1]))
    bare, generated, sdk = list(scripts)
    importtime = _fresh(scripts[sdk], "-X", "importtime").stderr.split("--- first call ---")[1]
    return {
        "title": "Cold start: first client and call after import (issue #17)",
        "setup": f"{rounds} fresh interpreters each, alternating; MockTransport, sandbox body.",
        "rows": [
            row(bare, median(first[bare])),
            row(
                generated,
                median(first[generated]),
                ratio=ratio(first, generated, bare),
                baseline=bare,
            ),
            row(sdk, median(first[sdk]), ratio=ratio(first, sdk, generated), baseline=generated),
        ],
        "goals": [
            goal(
                "#17 first `Client()` + first call after import",
                value=median(first[sdk]),
                baseline_name="bare first httpx call",
                baseline=median(first[bare]),
                ratio=ratio(first, sdk, bare),
                target=0.015,
                on="value",
            )
        ],
        "profiles": {
            "modules imported by the first call (`-X importtime`)": _top_imports(importtime)
        },
    }


def _top_imports(stderr: str, top: int = 10) -> list[str]:
    modules = []
    for line in stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "self [us]" not in line:
            own, cumulative, name = line.removeprefix("import time:").split("|")
            modules.append((int(own), int(cumulative), name.strip()))
    total = sum(own for own, _, _ in modules)
    lines = [
        f"{len(modules)} modules, {total / 1e3:.1f} ms own import time in all; top by own time:"
    ]
    lines += [
        f"{own / 1e3:7.2f} ms  {name}" for own, _, name in sorted(modules, reverse=True)[:top]
    ]
    return lines


_IMPORT = "import time; t = time.perf_counter(); import {0}; print(time.perf_counter() - t)"


def imports(quick: bool) -> dict[str, Any]:
    modules = ["httpx", "sendcloud_integrations"]
    _compile_bytecode()
    rounds = 5 if quick else 30
    statement: dict[str, list[float]] = {m: [] for m in modules}
    process: dict[str, list[float]] = {m: [] for m in modules}
    for r in range(rounds):
        for module in modules if r % 2 == 0 else reversed(modules):
            started = time.perf_counter()
            statement[module].append(float(_fresh(_IMPORT.format(module)).stdout))
            process[module].append(time.perf_counter() - started)
    sdk, httpx_ = "sendcloud_integrations", "httpx"
    r = ratio(statement, sdk, httpx_)
    return {
        "title": "`import sendcloud_integrations` (issue #17)",
        "setup": f"{rounds} fresh interpreters each, alternating. The goal is judged on the "
        "import statement's own time; the whole `python -c` process is shown beside it.",
        "rows": [
            row("import httpx: the statement", median(statement[httpx_])),
            row(
                "import sendcloud_integrations: the statement",
                median(statement[sdk]),
                ratio=r,
                baseline="import httpx",
            ),
            row("python -c 'import httpx': the process", median(process[httpx_])),
            row(
                "python -c 'import sendcloud_integrations': the process",
                median(process[sdk]),
                ratio=ratio(process, sdk, httpx_),
                baseline="the httpx process",
            ),
        ],
        "goals": [
            goal(
                "#17 `import sendcloud_integrations`",
                value=median(statement[sdk]),
                baseline_name="import httpx",
                baseline=median(statement[httpx_]),
                ratio=r,
                target=1.3,
            )
        ],
    }
