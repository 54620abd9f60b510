"""How many small requests per second the emulator answers (goal: at least 2,000).

The emulator runs in its own process (``python -m openai_rest.emulator``), as users run it;
a raw aiohttp client sends requests from this process at a fixed concurrency.

    python benchmarks/bench_emulator.py [--seconds 5] [--concurrency 50] [--compare]

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
from typing import Any, Dict, List, Optional, Tuple

import aiohttp

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


def _report(name: str, base_url: str, case: Tuple[str, str, Optional[bytes]], args: Any) -> None:
    method, path, body = case
    count, latencies = asyncio.run(
        _run_case(base_url, method, path, body, args.seconds, args.concurrency)
    )
    latencies.sort()
    p50 = latencies[len(latencies) // 2] * 1000
    p99 = latencies[int(len(latencies) * 0.99)] * 1000
    print(f"  {name:<28} {count / args.seconds:8.0f} req/s   p50 {p50:5.1f} ms   p99 {p99:5.1f} ms")


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


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="per case (5)")
    parser.add_argument("--concurrency", type=int, default=50, help="requests in flight (50)")
    parser.add_argument("--compare", action="store_true", help="also the stdlib alternative")
    args = parser.parse_args(argv)
    server, base_url = _serve([sys.executable, "-m", "openai_rest.emulator", "--port", "0"])
    try:
        print(
            f"emulator at {base_url}; client: aiohttp {aiohttp.__version__}, "
            f"concurrency {args.concurrency}, {args.seconds:g} s per case"
        )
        for name, case in CASES.items():
            _report(name, base_url, case, args)
    finally:
        server.terminate()
        server.wait(timeout=10)
    if args.compare:
        server, base_url = _serve([sys.executable, "-c", STDLIB_SERVER])
        try:
            print("the alternative: http.server.ThreadingHTTPServer, a canned answer")
            _report("GET /models/{id}", base_url, CASES["GET /models/{id}"], args)
        finally:
            server.terminate()
            server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
