"""How many small requests per second the emulator answers (goal: at least 2,000).

The emulator runs in its own process (``python -m openai_rest.emulator``), as users run it;
a raw aiohttp client sends requests from this process at a fixed concurrency.

    python benchmarks/bench_emulator.py [--seconds 5] [--concurrency 50] [--compare]
        [--save] [--docs docs/emulator.md]
    python benchmarks/bench_emulator.py --validation [--rounds 9] [--seconds 1]
    python benchmarks/bench_emulator.py --timing [--ttft 200] [--tps 50]

``--save`` records the run in ``benchmarks/results/emulator.json`` (with the commit measured);
``--docs`` rewrites the page's results table from that file (tests/test_figures.py checks it).

``--compare`` also measures the alternative the emulator's server library was chosen against:
the standard library's ``ThreadingHTTPServer`` (no dependency) answering the same canned model
object, so the choice of aiohttp's web server rests on a figure.

``--validation`` measures the request bodies' checks against the spec: each POST case on an
emulator with validation and one with ``--no-validate``, in paired ``--rounds`` (order
alternated), as requests per CPU-second of the emulator process, and the median ratio.
``--timing`` streams chats from an emulator started with ``--ttft`` and
``--tokens-per-second`` and reports the measured time to first token and token rate.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
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
#: What ``--validation`` measures: the POST cases and a larger body (tools, six messages).
VALIDATION_CASES: Dict[str, Tuple[str, str, Optional[bytes]]] = {
    **{name: case for name, case in CASES.items() if case[0] == "POST"},
    "POST /chat/completions (tools, 6 messages)": (
        "POST",
        "/chat/completions",
        json.dumps(
            {
                "model": "gpt-4o-mini",
                "temperature": 0.2,
                "tools": [
                    {
                        "type": "function",
                        "function": {
                            "name": f"tool_{i}",
                            "parameters": {
                                "type": "object",
                                "properties": {"x": {"type": "string"}},
                            },
                        },
                    }
                    for i in range(4)
                ],
                "messages": [
                    {"role": "system", "content": "Be brief."},
                    {"role": "user", "content": [{"type": "text", "text": "Hi!"}]},
                    {"role": "assistant", "content": "Hello."},
                    {"role": "user", "content": "What now?"},
                    {"role": "assistant", "content": "Ask."},
                    {"role": "user", "content": "Fine."},
                ],
            }
        ).encode(),
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


EMULATOR = [sys.executable, "-m", "openai_rest.emulator", "--port", "0"]


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used so far, from /proc (Linux)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rate(server: Any, base_url: str, case: Tuple[str, str, Optional[bytes]], args: Any) -> float:
    """Requests per second of the server's own CPU time (steady on a shared machine), or per
    second of wall time where /proc is absent."""
    method, path, body = case
    try:
        before = _cpu_seconds(server.pid)
    except OSError:
        before = None
    count, _ = asyncio.run(_run_case(base_url, method, path, body, args.seconds, args.concurrency))
    if before is None:
        return count / args.seconds
    return count / max(_cpu_seconds(server.pid) - before, 1e-9)


def _validation(args: Any) -> None:
    """req/s of each POST case with and without validation: paired rounds (order alternated,
    so drift on a shared machine hits both), their median ratio."""
    servers = {
        "validated": _serve(EMULATOR),
        "unvalidated": _serve([*EMULATOR, "--no-validate"]),
    }
    try:
        print(
            f"validation cost: median of {args.rounds} paired rounds, {args.seconds:g} s each;"
            " requests per CPU-second of the emulator process"
        )
        for name, case in VALIDATION_CASES.items():
            ratios, rates = [], {label: [] for label in servers}  # type: ignore[var-annotated]
            for round_ in range(args.rounds):
                labels = list(servers) if round_ % 2 == 0 else list(reversed(servers))
                done = {label: _rate(*servers[label], case, args) for label in labels}
                for label, rate in done.items():
                    rates[label].append(rate)
                ratios.append(done["validated"] / done["unvalidated"])
            ratio = statistics.median(ratios)
            print(
                f"  {name:<44} {statistics.median(rates['validated']):7.0f} vs "
                f"{statistics.median(rates['unvalidated']):7.0f} req/CPU-s   "
                f"validated/unvalidated {ratio:.2f} (cost {100 * (1 - ratio):+.0f}%)"
            )
    finally:
        for server, _ in servers.values():
            server.terminate()
            server.wait(timeout=10)


async def _timed_stream(base_url: str) -> Tuple[float, float, int]:
    """(time to first token, time from first to last token, tokens after the first)."""
    from openai_rest.emulator._model import count_tokens
    from openai_rest.emulator._timing import event_text

    body = {
        "model": "gpt-4o-mini",
        "stream": True,
        "messages": [{"role": "user", "content": "echo: " + " ".join(["token"] * 200)}],
    }
    stamps: List[Tuple[float, int]] = []
    async with aiohttp.ClientSession(headers=HEADERS) as session:
        started = time.perf_counter()
        async with session.post(base_url + "/chat/completions", json=body) as response:
            async for line in response.content:
                if line.startswith(b"data: {"):
                    tokens = count_tokens(event_text(json.loads(line[6:])))
                    if tokens:
                        stamps.append((time.perf_counter() - started, tokens))
    first, last = stamps[0][0], stamps[-1][0]
    return first, last - first, sum(t for _, t in stamps[1:])


def _timing(args: Any) -> None:
    server, base_url = _serve(
        [*EMULATOR, "--ttft", str(args.ttft), "--tokens-per-second", str(args.tps)]
    )
    try:
        print(f"stream timing: --ttft {args.ttft:g} --tokens-per-second {args.tps:g}")
        for _ in range(args.rounds):
            first, span, tokens = asyncio.run(_timed_stream(base_url))
            rate = tokens / span
            print(
                f"  ttft {first * 1000:6.1f} ms ({100 * (first * 1000 / args.ttft - 1):+.1f}%)"
                f"   rate {rate:6.1f} tokens/s ({100 * (rate / args.tps - 1):+.1f}%)"
                f"   over {tokens} tokens"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="per case (5)")
    parser.add_argument("--concurrency", type=int, default=50, help="requests in flight (50)")
    parser.add_argument("--compare", action="store_true", help="also the stdlib alternative")
    parser.add_argument("--save", action="store_true", help=f"record the run in {RESULTS.name}")
    parser.add_argument("--docs", help="rewrite this page's results table from the saved run")
    parser.add_argument("--validation", action="store_true", help="the cost of validation")
    parser.add_argument("--timing", action="store_true", help="stream timing accuracy")
    parser.add_argument("--rounds", type=int, default=3, help="of --validation, --timing (3)")
    parser.add_argument("--ttft", type=float, default=200.0, help="of --timing, ms (200)")
    parser.add_argument("--tps", type=float, default=50.0, help="of --timing, tokens/s (50)")
    args = parser.parse_args(argv)
    if args.validation:
        _validation(args)
        return 0
    if args.timing:
        _timing(args)
        return 0
    measured = results_file.provenance(["benchmarks/bench_emulator.py", *(argv or sys.argv[1:])])
    if args.docs and not args.save:
        run = json.loads(RESULTS.read_text())["runs"]["speed"]
        results_file.update_block(Path(args.docs), RESULTS, "speed", table(run))
        return 0
    cases: Dict[str, Dict[str, float]] = {}
    compare: Dict[str, Dict[str, float]] = {}
    server, base_url = _serve(EMULATOR)
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
