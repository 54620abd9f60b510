"""openai-rest's own work, without the network: what the library adds to each call and import.

- ``call``: CPU per ``chat_completion`` through a transport that answers from memory (the
  public transport seam), sync and async: building the request, JSON in and out, the retry
  flow and the result wrapping, and nothing of HTTP.
- ``import``: ``python -X importtime -c "import openai_rest"`` in fresh processes: the whole
  import and the part spent in the endpoint definitions (``openai_rest._endpoints``).

Medians over repetitions, each in a fresh child process.

    python benchmarks/bench_overhead.py [--calls 20000] [--reps 5] [--save] [--docs PAGE]

``--save`` records the run in ``benchmarks/results/overhead.json``; docs figures name its
keys (``runs/overhead/call/sync/median_us``), see tests/test_figures.py.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
import results_file

RESULTS = Path(__file__).resolve().parent / "results" / "overhead.json"

CHILD = r"""
import asyncio, json, sys, time
import openai_rest
from openai_rest._transports.base import Response

ANSWER = json.dumps({
    "id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "gpt-4o-mini",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello there."},
                 "finish_reason": "stop"}],
    "usage": {"prompt_tokens": 9, "completion_tokens": 3, "total_tokens": 12},
}).encode()
HEADERS = {"content-type": "application/json", "x-request-id": "req_1"}
MESSAGES = [{"role": "user", "content": "Hi!"}]


class Memory:
    def handle_request(self, request):
        return Response(200, HEADERS, ANSWER)

    def close(self):
        pass


class AsyncMemory:
    async def handle_async_request(self, request):
        return Response(200, HEADERS, ANSWER)

    async def aclose(self):
        pass


def config():
    return openai_rest.Config(api_key="sk-bench", api_url="http://127.0.0.1:9/v1", max_retries=0)


def sync(calls):
    client = openai_rest.Client(config(), transport=Memory())
    for _ in range(calls // 10):
        client.chat_completion(model="gpt-4o-mini", messages=MESSAGES)
    start = time.process_time()
    for _ in range(calls):
        client.chat_completion(model="gpt-4o-mini", messages=MESSAGES)
    return (time.process_time() - start) / calls * 1e6


def asynchronous(calls):
    async def run():
        client = openai_rest.AsyncClient(config(), transport=AsyncMemory())
        for _ in range(calls // 10):
            await client.chat_completion(model="gpt-4o-mini", messages=MESSAGES)
        start = time.process_time()
        for _ in range(calls):
            await client.chat_completion(model="gpt-4o-mini", messages=MESSAGES)
        return (time.process_time() - start) / calls * 1e6

    return asyncio.run(run())


kind, calls = sys.argv[1], int(sys.argv[2])
print(json.dumps({"us": sync(calls) if kind == "sync" else asynchronous(calls)}))
"""


def call_cost(kind: str, calls: int) -> float:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(calls)], capture_output=True, text=True, check=True
    )
    return float(json.loads(out.stdout)["us"])


def import_cost() -> Dict[str, float]:
    """Milliseconds of ``import openai_rest`` and of its endpoint definitions (cumulative)."""
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import openai_rest"],
        capture_output=True,
        text=True,
        check=True,
    )
    cumulative: Dict[str, float] = {}
    for line in out.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        parts = [p.strip() for p in line[len("import time:") :].split("|")]
        if parts[1].isdigit():
            cumulative[parts[2]] = int(parts[1]) / 1000
    return {
        "whole_ms": cumulative["openai_rest"],
        "endpoints_ms": cumulative.get("openai_rest._endpoints", 0.0),
    }


def summary(values: List[float], unit: str) -> Dict[str, float]:
    return {
        f"median_{unit}": statistics.median(values),
        f"min_{unit}": min(values),
        f"max_{unit}": max(values),
    }


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=20000, help="timed calls per child (20000)")
    parser.add_argument("--reps", type=int, default=5, help="child processes per case (5)")
    parser.add_argument("--save", action="store_true", help=f"record the run in {RESULTS.name}")
    args = parser.parse_args(argv)
    measured = results_file.provenance(["benchmarks/bench_overhead.py", *(argv or sys.argv[1:])])
    run: Dict[str, Any] = {"calls": args.calls, "reps": args.reps, "call": {}, "import": {}}
    for kind in ("sync", "async"):
        values = [call_cost(kind, args.calls) for _ in range(args.reps)]
        run["call"][kind] = summary(values, "us")
        print(f"{kind:5} call: {statistics.median(values):6.1f} µs of CPU per call (median)")
    imports = [import_cost() for _ in range(args.reps)]
    for key in ("whole_ms", "endpoints_ms"):
        values = [i[key] for i in imports]
        run["import"][key.replace("_ms", "")] = summary(values, "ms")
        print(f"import {key}: {statistics.median(values):6.2f} ms (median)")
    if args.save:
        results_file.save(RESULTS, "overhead", run, measured)
    return 0


if __name__ == "__main__":
    sys.exit(main())
