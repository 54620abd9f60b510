"""How many small requests per second the emulator answers (goal: at least 2,000).

The emulator runs in its own process (``python -m openai_rest.emulator``), as users run it;
a raw aiohttp client sends requests from this process at a fixed concurrency.

    python benchmarks/bench_emulator.py [--seconds 5] [--concurrency 50] [--compare]
        [--save] [--docs docs/emulator.md]

``--save`` records the run in ``benchmarks/results/emulator.json`` (with the commit measured);
``--docs`` rewrites the page's results table from that file (tests/test_figures.py checks it).

``--compare`` also measures the alternative the emulator's server library was chosen against:
the standard library's ``ThreadingHTTPServer`` (no dependency) answering the same canned model
object, so the choice of aiohttp's web server rests on a figure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))
import results_file

HEADERS = {"Authorization": "Bearer sk-bench", "Content-Type": "application/json"}
CASES: Dict[str, Tuple[str, str, Optional[bytes]]] = {
    "GET /models/{id}": ("GET", "/models/gpt-4o-mini", None),
    "POST /chat/completions": (
        "POST",
        "/chat/completions",
        json.dumps(
            {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hi!"}]}
        ).encode(),
    ),
    "POST /embeddings (256 dims)": (
        "POST",
        "/embeddings",
        json.dumps({"model": "text-embedding-3-small", "input": "hi", "dimensions": 256}).encode(),
    ),
}


STDLIB_SERVER = """
import json, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
BODY = json.dumps({"id": "gpt-4o-mini", "object": "model", "created": 0,
                   "owned_by": "system"}).encode()
class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(f"http://127.0.0.1:{server.server_address[1]}/v1", flush=True)
server.serve_forever()
"""


def _serve(command: List[str]) -> Tuple[subprocess.Popen, str]:  # type: ignore[type-arg]
    """Start a server process that prints its base URL first; the process and the URL."""
    server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    return server, server.stdout.readline().strip()


def _report(
    name: str, base_url: str, case: Tuple[str, str, Optional[bytes]], args: Any
) -> Dict[str, float]:
    method, path, body = case
    count, latencies = asyncio.run(
        _run_case(base_url, method, path, body, args.seconds, args.concurrency)
    )
    latencies.sort()
    p50 = latencies[len(latencies) // 2] * 1000
    p99 = latencies[int(len(latencies) * 0.99)] * 1000
    print(f"  {name:<28} {count / args.seconds:8.0f} req/s   p50 {p50:5.1f} ms   p99 {p99:5.1f} ms")
    return {"requests": count, "req_s": count / args.seconds, "p50_ms": p50, "p99_ms": p99}


async def _run_case(
    base_url: str, method: str, path: str, body: Optional[bytes], seconds: float, concurrency: int
) -> Tuple[int, List[float]]:
    """Requests done in ``seconds`` by ``concurrency`` workers, and their latencies."""
    connector = aiohttp.TCPConnector(limit=concurrency)
    latencies: List[float] = []
    async with aiohttp.ClientSession(connector=connector, headers=HEADERS) as session:
        url = base_url + path
        deadline = time.perf_counter() + seconds

        async def worker() -> None:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                async with session.request(method, url, data=body) as response:
                    await response.read()
                    if response.status != 200:
                        raise RuntimeError(f"{method} {path}: HTTP {response.status}")
                latencies.append(time.perf_counter() - started)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return len(latencies), latencies


RESULTS = Path(__file__).resolve().parent / "results" / "emulator.json"


def table(run: Dict[str, Any]) -> str:
    """The docs table of a saved run."""
    lines = [
        f"Run of {run['date']} (commit {run['commit']}), `{run['command']}`: "
        f"{run['concurrency']} requests in flight, {run['seconds']:g} s per case.",
        "",
        "| server | request | req/s | p50 ms | p99 ms |",
        "|---|---|---:|---:|---:|",
    ]
    rows = [("emulator", name, c) for name, c in run["cases"].items()]
    rows += [("stdlib ThreadingHTTPServer", name, c) for name, c in run.get("compare", {}).items()]
    for server, name, c in rows:
        lines.append(
            f"| {server} | `{name}` | {c['req_s']:,.0f} | {c['p50_ms']:.1f} | {c['p99_ms']:.1f} |"
        )
    return "\n".join(lines)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="per case (5)")
    parser.add_argument("--concurrency", type=int, default=50, help="requests in flight (50)")
    parser.add_argument("--compare", action="store_true", help="also the stdlib alternative")
    parser.add_argument("--save", action="store_true", help=f"record the run in {RESULTS.name}")
    parser.add_argument("--docs", help="rewrite this page's results table from the saved run")
    args = parser.parse_args(argv)
    measured = results_file.provenance(["benchmarks/bench_emulator.py", *(argv or sys.argv[1:])])
    if args.docs and not args.save:
        run = json.loads(RESULTS.read_text())["runs"]["speed"]
        results_file.update_block(Path(args.docs), RESULTS, "speed", table(run))
        return 0
    cases: Dict[str, Dict[str, float]] = {}
    compare: Dict[str, Dict[str, float]] = {}
    server, base_url = _serve([sys.executable, "-m", "openai_rest.emulator", "--port", "0"])
    try:
        print(
            f"emulator at {base_url}; client: aiohttp {aiohttp.__version__}, "
            f"concurrency {args.concurrency}, {args.seconds:g} s per case"
        )
        for name, case in CASES.items():
            cases[name] = _report(name, base_url, case, args)
    finally:
        server.terminate()
        server.wait(timeout=10)
    if args.compare:
        server, base_url = _serve([sys.executable, "-c", STDLIB_SERVER])
        try:
            print("the alternative: http.server.ThreadingHTTPServer, a canned answer")
            name = "GET /models/{id}"
            compare[name] = _report(name, base_url, CASES[name], args)
        finally:
            server.terminate()
            server.wait(timeout=10)
    if args.save:
        run = {"seconds": args.seconds, "concurrency": args.concurrency, "cases": cases}
        run.update({"compare": compare} if compare else {})
        results_file.save(RESULTS, "speed", run, measured)
        if args.docs:
            saved = json.loads(RESULTS.read_text())["runs"]["speed"]
            results_file.update_block(Path(args.docs), RESULTS, "speed", table(saved))
    return 0


if __name__ == "__main__":
    sys.exit(main())
