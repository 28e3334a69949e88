"""Benchmark: the log paginator against a bare httpx + json.loads loop.

Both read the same N records from the same loopback server (a separate
process, so its CPU does not share our GIL), side by side in one run.
Reported: records/s of each, their ratio, and the peak memory growth of each
(tracemalloc, in a separate pass so tracing does not distort the timings).

    python tools/bench_pagination.py [--records 100000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import socket
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import sendcloud_integrations as sc
from _log_server import log_record

PAGE = 100


def _serve(total: int, port_out: Any) -> None:
    # Pre-render every page so the server's own cost is tiny and equal for both readers.
    # Key: the first id of the page; value: its body and the cursor of the next page.
    pages: dict[int, tuple[bytes, int | None]] = {}
    start = total
    while True:
        ids = list(range(start, max(start - PAGE, 0), -1))
        body = json.dumps({"data": [log_record(i) for i in ids]}).encode()
        full = len(ids) == PAGE
        pages[start] = (body, ids[-1] if full else None)
        if not full:
            break
        start = ids[-1] - 1

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self) -> None:
            super().setup()
            # Headers and body go out in two writes; without TCP_NODELAY, Nagle
            # plus delayed ACKs add ~40 ms to every keep-alive response.
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def do_GET(self) -> None:
            cursor = httpx.URL(self.path).params.get("cursor")
            body, next_cursor = pages[int(cursor) - 1 if cursor else total]
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            if next_cursor is not None:
                host, port = self.server.server_address[:2]
                query = f"cursor={next_cursor}&page_size={PAGE}"
                link = f"http://{host}:{port}/api/v3/integrations/logs?{query}"
                self.send_header("Link", f'<{link}>; rel="next"')
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port_out.put(server.server_address[1])
    server.serve_forever()


def read_with_paginator(base: str) -> int:
    with sc.Client(base_url=base) as client:
        return sum(1 for _ in client.exception_logs.list(page_size=PAGE))


def read_with_bare_httpx(base: str) -> int:
    count = 0
    with httpx.Client() as http:
        url: str | None = f"{base}/integrations/logs?page_size={PAGE}"
        while url:
            response = http.get(url)
            count += len(json.loads(response.content)["data"])
            link = response.links.get("next")
            url = link["url"] if link else None
    return count


def _timed(fn: Callable[[str], int], base: str) -> tuple[float, int]:
    started = time.perf_counter()
    count = fn(base)
    return time.perf_counter() - started, count


def _peak_growth(fn: Callable[[str], int], base: str) -> int:
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        fn(base)
        return tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()


def run(records: int, repeats: int) -> dict[str, float]:
    ctx = multiprocessing.get_context("spawn")
    port_q = ctx.Queue()
    server = ctx.Process(target=_serve, args=(records, port_q), daemon=True)
    server.start()
    try:
        base = f"http://127.0.0.1:{port_q.get(timeout=120)}/api/v3"
        paginator_s: list[float] = []
        bare_s: list[float] = []
        for _ in range(repeats):  # interleaved, so drift on a noisy machine hits both
            t, n = _timed(read_with_paginator, base)
            assert n == records, n
            paginator_s.append(t)
            t, n = _timed(read_with_bare_httpx, base)
            assert n == records, n
            bare_s.append(t)
        return {
            "records": records,
            "paginator_rps": records / statistics.median(paginator_s),
            "bare_rps": records / statistics.median(bare_s),
            "ratio": statistics.median(bare_s) / statistics.median(paginator_s),
            "paginator_peak_mb": _peak_growth(read_with_paginator, base) / 1e6,
            "bare_peak_mb": _peak_growth(read_with_bare_httpx, base) / 1e6,
        }
    finally:
        server.terminate()
        server.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print(json.dumps(run(args.records, args.repeats), indent=2))


if __name__ == "__main__":
    main()
