"""How many small requests per second the emulator answers (goal: at least 2,000).

The emulator runs in its own process (``python -m openai_rest.emulator``), as users run it;
a raw aiohttp client sends requests from this process at a fixed concurrency.

    python benchmarks/bench_emulator.py [--seconds 5] [--concurrency 50]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import time
from typing import Dict, List, Optional, Tuple

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
    args = parser.parse_args(argv)
    server = subprocess.Popen(
        [sys.executable, "-m", "openai_rest.emulator", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        base_url = server.stdout.readline().strip()
        print(
            f"emulator at {base_url}; client: aiohttp {aiohttp.__version__}, "
            f"concurrency {args.concurrency}, {args.seconds:g} s per case"
        )
        for name, (method, path, body) in CASES.items():
            count, latencies = asyncio.run(
                _run_case(base_url, method, path, body, args.seconds, args.concurrency)
            )
            latencies.sort()
            p50 = latencies[len(latencies) // 2] * 1000
            p99 = latencies[int(len(latencies) * 0.99)] * 1000
            print(
                f"  {name:<28} {count / args.seconds:8.0f} req/s   "
                f"p50 {p50:5.1f} ms   p99 {p99:5.1f} ms"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
