"""The prose of docs/benchmarks.md: what limits each unmet goal, and each measurement's detail.

Every number comes from the run being reported; the reasoning behind each paragraph
was checked by profiling on the machine where these benchmarks were written.
"""

from __future__ import annotations

from typing import Any

HTTPX_POOL = (
    "httpcore's connection pool re-examines every pooled connection on each request "
    "(encode/httpx#3215; encode/httpcore#924 and #1035 are open pull requests that "
    "make it incremental)"
)


def _goal1(r: dict[str, Any]) -> str:
    ratio = r["models"]["ratio_vs_json_loads"]
    total, alone = ratio["loads_and_from_dict"]["median"], ratio["from_dict_only"]["median"]
    floor = ratio["init_floor"]["median"]
    return (
        f"**Goal 1 ({total:.2f}x).** `json.loads` is 1x by definition, so the 2x budget "
        f"leaves 1x for `from_dict`, which costs {alone:.2f}x here. Of that, {floor:.2f}x is "
        "the floor of any `from_dict` that builds the same objects through their attrs "
        "`__init__`: constructing the page's 601 objects (the spec nests request, response "
        "and their headers and payload as models: six objects per log) and copying each "
        f"one's `additional_properties`, with no parsing at all. The remaining "
        f"{alone - floor:.2f}x "
        "(six `from_dict` calls per log, their dict copies, pops and type checks) would have "
        f"to shrink to {max(0.0, 1 - floor):.2f}x. The custom templates already took the "
        "conversion from ~7.3x to this (templates/README.md); what is left is the shape of "
        "the generated models (fewer objects per log, or no `additional_properties` dict "
        "each), which is a change of the public model API, not of how fast it is built."
    )


def _goal2(r: dict[str, Any]) -> str:
    f = r["facade"]
    return (
        f"**Goal 2 ({f['ratio']:.3f}x).** The facade costs {f['cpu_us']['facade']:.1f} us "
        f"CPU per call against {f['cpu_us']['bare']:.1f} us for the bare generated call; "
        "profile `client.integrations.get` (cProfile) to see what the difference is spent on."
    )


def _goal3(r: dict[str, Any]) -> str:
    i = r["imports"]["wall_ms"]
    return (
        f"**Goal 3 ({r['imports']['wall_ratio']['sendcloud_integrations']:.2f}x).** "
        f"`import sendcloud_integrations` takes {i['sendcloud_integrations']:.1f} ms against "
        f"{i['httpx']:.1f} ms for httpx (an empty interpreter: {i['python']:.1f} ms). It "
        "loads httpx, anyio and the hand-written modules only; the rest is in those "
        "modules (`python -X importtime -c 'import sendcloud_integrations'` lists them)."
    )


def _goal4(r: dict[str, Any]) -> str:
    f = r["fanout"]
    d, s = f["configs"]["default"], f["configs"]["small"]
    cpu, gc_ms = d["client_cpu_ms_per_request"], d["gc_ms_per_request"]
    sdk, bare, with_models = (
        cpu["sdk_async"],
        cpu["bare_httpx_async"],
        cpu["bare_httpx_models_async"],
    )
    small_cpu = s["client_cpu_ms_per_request"]
    server = d["server_cpu_ms_per_request"].get("sdk_async")
    server_text = f" (the sandbox, in its own process, {server:.2f} ms)" if server else ""
    latency, conc = f["latency_s"] * 1e3, f["concurrency"]
    return (
        f"**Goal 4 ({d['ratio_to_ideal']['sdk_async']:.2f}x).** The ideal counts only the "
        f"latency ({d['rounds']} rounds x {latency:.0f} ms), but every request also costs "
        f"CPU, and 1.2x leaves {0.2 * latency:.0f} ms per round for {conc} requests: "
        f"{0.2 * latency / conc:.2f} ms each. With {d['page_size']}-log pages our process "
        f"spends {sdk:.2f} ms per request{server_text}. The same run splits that up: bare "
        f"`httpx.AsyncClient` + `json.loads` spends {bare:.2f} ms per request "
        f"({d['ratio_to_ideal']['bare_httpx_async']:.2f}x the ideal; the largest item in a "
        f"cProfile of it is httpx's transport, where {HTTPX_POOL}); the same loop building "
        f"the generated models "
        f"spends {with_models:.2f} ms ({d['ratio_to_ideal']['bare_httpx_models_async']:.2f}x"
        f" the ideal), of which the garbage collector, traversing those objects while "
        f"they are made, {gc_ms['bare_httpx_models_async'] - gc_ms['bare_httpx_async']:.2f}"
        f" ms; the SDK itself (validation, retries, link following, error mapping) "
        f"differs from that loop by {sdk - with_models:+.2f} ms. With {s['page_size']}-log "
        f"pages the SDK "
        f"takes {s['ratio_to_ideal']['sdk_async']:.2f}x and bare httpx "
        f"{s['ratio_to_ideal']['bare_httpx_async']:.2f}x the ideal, at "
        f"{small_cpu['sdk_async']:.2f} and {small_cpu['bare_httpx_async']:.2f} ms CPU per "
        "request. So the goal is blocked by the cost of the models (goal 1) on top of "
        "httpx's own per-request CPU, not by the SDK's concurrency: the peer, a sequential "
        f"sync loop, takes {d['wall_s']['sdk_sequential'] / d['wall_s']['sdk_async']:.1f}x "
        "as long as the fan-out."
    )


def _goal5(r: dict[str, Any]) -> str:
    p = r["pagination"]
    return (
        f"**Goal 5 ({p['paginator_peak_mb']:.1f} MB).** Peak growth iterating "
        f"{p['records']:,} logs; the bare loop peaks at {p['bare_peak_mb']:.1f} MB. The "
        "paginator holds one page; httpx responses sit in a reference cycle (response and "
        "its bound stream), so a few pages wait for the cyclic garbage collector."
    )


def _pagination(r: dict[str, Any]) -> str:
    p, split = r["pagination"], r["paging_split"]
    ours, bare = 1e6 / p["paginator_rps"], 1e6 / p["bare_rps"]
    us, gc_us = split["us_per_record"], split["gc_us_per_record"]
    models = us["bare_models"] - us["bare"]
    return (
        f"**Issue #6 ({p['ratio']:.2f}x).** The paginator reads {p['paginator_rps']:,.0f} "
        f"records/s against {p['bare_rps']:,.0f} for bare httpx + `json.loads`: "
        f"{ours:.1f} us per record against {bare:.1f} us, so it may add at most {bare:.1f} us "
        f"and adds {ours - bare:.1f} us. A second pass on the same kind of server "
        "(tools/bench_paging_split.py) splits that up: the bare loop takes "
        f"{us['bare']:.1f} us per record, the same loop also building the generated models "
        f"{us['bare_models']:.1f} us (+{models:.1f} us, of which the garbage collector "
        f"{gc_us['bare_models'] - gc_us['bare']:.1f} us), and the paginator "
        f"{us['paginator']:.1f} us: the models cost {models:.1f} us per record, the SDK's "
        f"own code (next-link resolution and origin check, validation, the generators) "
        f"{us['paginator'] - us['bare_models']:.1f} us. The limit is goal 1's."
    )


def limits_section(r: dict[str, Any], met: list[bool]) -> list[str]:
    writers = [_goal1, _goal2, _goal3, _goal4, _goal5, _pagination]
    unmet = [writer(r) for writer, ok in zip(writers, met, strict=True) if not ok]
    if not unmet:
        return ["Every goal is met in this run.", ""]
    lines = ["## What limits it", ""]
    for paragraph in unmet:
        lines += [paragraph, ""]
    return lines


def _models_detail(r: dict[str, Any]) -> list[str]:
    m = r["models"]
    lines = [
        f"### Goal 1: `tools/bench_models.py` ({m['logs']} logs, {m['bytes']:,} bytes; "
        f"{m['repeats']} repeats x {m['number']} calls; min time per call)",
        "",
        "| Case | Time | Ratio to json.loads (min / median) |",
        "| --- | --- | --- |",
    ]
    for name, seconds in m["seconds_min"].items():
        ratio = m["ratio_vs_json_loads"].get(name)
        shown = f"{ratio['min']:.2f}x / {ratio['median']:.2f}x" if ratio else "1x"
        lines.append(f"| `{name}` | {seconds * 1e3:.3f} ms | {shown} |")
    return [*lines, ""]


def _facade_detail(r: dict[str, Any]) -> list[str]:
    f = r["facade"]
    return [
        f"### Goal 2: `tools/bench_facade.py` ({f['repeats']} repeats x {f['number']} calls, "
        "CPU time, one MockTransport answering the spec's example)",
        "",
        f"Bare `sync()` {f['cpu_us']['bare']:.1f} us, facade {f['cpu_us']['facade']:.1f} us "
        f"per call; per-repeat ratios {f['ratio_min']:.3f}x to {f['ratio_max']:.3f}x, median "
        f"{f['ratio']:.3f}x.",
        "",
    ]


def _imports_detail(r: dict[str, Any]) -> list[str]:
    i = r["imports"]
    lines = [
        f"### Goal 3: `tools/bench_imports.py` ({i['rounds']} interleaved rounds of fresh "
        "interpreters, medians)",
        "",
        "| `python -c` | Wall | CPU | Ratio (wall / CPU) |",
        "| --- | --- | --- | --- |",
    ]
    import bench_imports

    for name, code in bench_imports.CASES.items():
        ratio = (
            f"{i['wall_ratio'][name]:.2f}x / {i['cpu_ratio'][name]:.2f}x vs "
            f"`{bench_imports.CASES[bench_imports.BASELINE[name]]}`"
            if name in i["wall_ratio"]
            else ""
        )
        lines.append(
            f"| `{code}` | {i['wall_ms'][name]:.1f} ms | {i['cpu_ms'][name]:.1f} ms | {ratio} |"
        )
    lines += [
        "",
        "The generated package (attrs and every model) loads with the first client, so "
        "importing and constructing a client is where it shows: that row is context, not "
        "a goal.",
        "",
    ]
    return lines


def _fanout_detail(r: dict[str, Any]) -> list[str]:
    f = r["fanout"]
    lines = [
        f"### Goal 4: `tools/bench_fanout.py` ({f['integrations']} integrations x "
        f"{f['pages_per_integration']} full pages, concurrency {f['concurrency']}, "
        f"{f['latency_s'] * 1e3:.0f} ms injected latency, sandbox in its own process; "
        f"{f['repeats']} repeats, medians)",
        "",
        "| Page size | Runner | Wall | x ideal | CPU/request: ours (of it GC) "
        "| CPU/request: sandbox |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for c in f["configs"].values():
        for name, seconds in c["wall_s"].items():
            server = c["server_cpu_ms_per_request"].get(name)
            lines.append(
                f"| {c['page_size']} | {name} | {seconds * 1e3:.0f} ms | "
                f"{c['ratio_to_ideal'][name]:.2f}x | "
                f"{c['client_cpu_ms_per_request'][name]:.2f} ms "
                f"({c['gc_ms_per_request'][name]:.2f} ms) | "
                f"{'n/a' if server is None else f'{server:.2f} ms'} |"
            )
    d = f["configs"]["default"]
    lines += [
        "",
        f"Ideal = latency x rounds = {f['latency_s'] * 1e3:.0f} ms x {d['rounds']} "
        f"(ceil({f['integrations']}/{f['concurrency']}) x {f['pages_per_integration']} pages) "
        f"= {d['ideal_s'] * 1e3:.0f} ms. The goal's figure is the SDK's default page size "
        "(100); the small pages show the per-request cost without most of the parsing.",
        "",
    ]
    return lines


def _pagination_detail(r: dict[str, Any]) -> list[str]:
    p = r["pagination"]
    return [
        f"### Goal 5 and issue #6: `tools/bench_pagination.py` ({p['records']:,} records "
        "from a loopback server in its own process)",
        "",
        f"Paginator {p['paginator_rps']:,.0f} records/s, bare httpx + `json.loads` "
        f"{p['bare_rps']:,.0f} records/s: ratio {p['ratio']:.2f}x (median times). Peak "
        f"memory growth (tracemalloc, a separate pass): paginator {p['paginator_peak_mb']:.1f}"
        f" MB, bare loop {p['bare_peak_mb']:.1f} MB. The paginator holds one page (and "
        "lets it go before fetching the next); httpx responses sit in a reference cycle "
        "(the response and its bound stream), so a few of them wait for the cyclic "
        "garbage collector, which the peak includes.",
        "",
    ]


def _paging_split_detail(r: dict[str, Any]) -> list[str]:
    split = r["paging_split"]
    lines = [
        f"Where the paginator's time goes (`tools/bench_paging_split.py`, {split['records']:,} "
        f"records, {split['repeats']} repeats, medians):",
        "",
        "| Reader | us per record | of it GC |",
        "| --- | --- | --- |",
    ]
    names = {
        "bare": "bare httpx + `json.loads`",
        "bare_models": "the same + generated models",
        "paginator": "`client.exception_logs.list()`",
    }
    for name, label in names.items():
        lines.append(
            f"| {label} | {split['us_per_record'][name]:.2f} | "
            f"{split['gc_us_per_record'][name]:.2f} |"
        )
    return [*lines, ""]


def details_section(r: dict[str, Any]) -> list[str]:
    took = ", ".join(f"{name} {s:.0f} s" for name, s in r["seconds"].items())
    return [
        "## Details",
        "",
        *_models_detail(r),
        *_facade_detail(r),
        *_imports_detail(r),
        *_fanout_detail(r),
        *_pagination_detail(r),
        *_paging_split_detail(r),
        f"Time taken: {took}.",
    ]
