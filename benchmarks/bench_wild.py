"""What servers in the wild send, measured: gzip answers, and one very large event.

``python benchmarks/bench_wild.py --save --docs docs/performance.md [--before COMMIT]``

- gzip: for each typical answer, its size plain and gzipped (zlib level 6, nginx's and most
  CDNs' range), the CPU our decoder spends on it, the time per call through the default
  transport over loopback with and without compression (the worst case for gzip: a link of
  infinite speed), and the link speed below which gzip is faster end to end (bits saved / the
  larger of the extra wall time per call and the decoding CPU).
- large_event: one 1 MB and one 4 MB event in 1400-byte pieces (``cases.py large_event``) for
  openai-rest, the official SDK's decoder and the floor (one ``json.loads``); with ``--before``
  also openai-rest as it was at that commit (its ``src/`` from ``git archive``).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import openai_rest  # noqa: E402
import results_file  # noqa: E402
from openai_rest._transports.base import ContentDecoder  # noqa: E402

RESULTS = HERE / "results" / "wild.json"


def chat_completion() -> bytes:
    text = "The quick brown fox jumps over the lazy dog. " * 6
    return json.dumps(
        {
            "id": "chatcmpl-abc123",
            "object": "chat.completion",
            "created": 1_700_000_000,
            "model": "gpt-4o-mini-2024-07-18",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text, "refusal": None},
                    "logprobs": None,
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 12, "completion_tokens": 60, "total_tokens": 72},
            "system_fingerprint": "fp_0ba0d124f1",
        }
    ).encode()


def models() -> bytes:
    data = [
        {
            "id": f"gpt-model-{i}",
            "object": "model",
            "created": 1_700_000_000 + i,
            "owned_by": "system",
        }
        for i in range(120)
    ]
    return json.dumps({"object": "list", "data": data}).encode()


def _vector(rng: random.Random, dims: int) -> list[float]:
    values = [rng.gauss(0, 1) for _ in range(dims)]
    norm = sum(v * v for v in values) ** 0.5
    return [v / norm for v in values]


def embeddings(as_base64: bool, inputs: int = 64, dims: int = 1536) -> bytes:
    from array import array

    rng = random.Random(7)
    data = []
    for i in range(inputs):
        vector = _vector(rng, dims)
        embedding: object = (
            base64.b64encode(array("f", vector).tobytes()).decode()
            if as_base64
            else [round(v, 9) for v in vector]
        )
        data.append({"object": "embedding", "index": i, "embedding": embedding})
    usage = {"prompt_tokens": 640, "total_tokens": 640}
    return json.dumps({"object": "list", "data": data, "model": "m", "usage": usage}).encode()


def batch_output() -> bytes:
    line = {
        "id": "batch_req_1",
        "custom_id": "request-1",
        "response": {
            "status_code": 200,
            "request_id": "req_1",
            "body": json.loads(chat_completion()),
        },
        "error": None,
    }
    return b"\n".join(
        json.dumps({**line, "custom_id": f"request-{i}"}).encode() for i in range(1500)
    )


BODIES: Dict[str, Callable[[], bytes]] = {
    "chat completion": chat_completion,
    "models list": models,
    "embeddings, 64 x 1536, base64 (our default)": lambda: embeddings(True),
    "embeddings, 64 x 1536, floats": lambda: embeddings(False),
    "batch output file, 1500 lines": batch_output,
}


class Server:
    """Serves each body at /v1/<index>, gzipped when the request asks for it."""

    def __init__(self, bodies: Dict[str, Tuple[bytes, bytes]]) -> None:
        table = list(bodies.values())

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                plain, packed = table[int(self.path.rsplit("/", 1)[1])]
                gzipped = "gzip" in (self.headers.get("Accept-Encoding") or "")
                body = packed if gzipped else plain
                head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                head += f"Content-Length: {len(body)}\r\n"
                if gzipped:
                    head += "Content-Encoding: gzip\r\n"
                self.wfile.write(head.encode() + b"\r\n" + body)  # one write: no Nagle stall

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


def gzip6(data: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


def per_call_ms(call: Callable[[], object], n: int) -> Tuple[float, float]:
    """Median wall and CPU ms per call over 3 rounds of n calls."""
    walls, cpus = [], []
    for _ in range(3):
        w, c = time.perf_counter(), time.process_time()
        for _ in range(n):
            call()
        walls.append((time.perf_counter() - w) / n * 1e3)
        cpus.append((time.process_time() - c) / n * 1e3)
    return statistics.median(walls), statistics.median(cpus)


def measure_gzip() -> Dict[str, Any]:
    bodies = {name: make() for name, make in BODIES.items()}
    packed = {name: (body, gzip6(body)) for name, body in bodies.items()}
    server = Server(packed)
    config = openai_rest.Config(api_key="sk-bench", api_url=server.url, max_retries=0)
    client = openai_rest.Client(config)
    identity = {"Accept-Encoding": "identity"}
    rows: Dict[str, Any] = {}
    for index, (name, (plain, gz)) in enumerate(packed.items()):
        decode = lambda gz=gz: ContentDecoder(["gzip"]).decode(gz)  # noqa: E731
        n = max(30, min(300, 300_000 // len(plain)))
        _, decode_cpu = per_call_ms(decode, n)
        path = f"/{index}"
        plain_call = lambda p=path: client.request(  # noqa: E731
            "GET", p, extra_headers=identity, result="bytes"
        )
        gzip_call = lambda p=path: client.request("GET", p, result="bytes")  # noqa: E731
        assert gzip_call() == plain_call()
        wall_plain, cpu_plain = per_call_ms(plain_call, n)
        wall_gzip, cpu_gzip = per_call_ms(gzip_call, n)
        extra_s = max(wall_gzip - wall_plain, cpu_gzip - cpu_plain, decode_cpu, 1e-3) / 1e3
        rows[name] = {
            "plain_kb": len(plain) / 1024,
            "gzip_kb": len(gz) / 1024,
            "gzip_percent": 100 * len(gz) / len(plain),
            "decode_us": decode_cpu * 1e3,
            "call_plain_ms": wall_plain,
            "call_gzip_ms": wall_gzip,
            "breakeven_mbit_s": (len(plain) - len(gz)) * 8 / extra_s / 1e6,
        }
        print(name, rows[name], file=sys.stderr)
    client.close()
    server.httpd.shutdown()
    return {"rows": rows, "order": list(rows)}


def large_event_child(client: str, src: Optional[str] = None) -> Dict[str, float]:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    params = json.dumps({"url": "http://127.0.0.1:9/v1"})
    command = [sys.executable, str(HERE / "cases.py"), "large_event", client, params]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    metrics: Dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return metrics


def measure_large_event(before: Optional[str]) -> Dict[str, Any]:
    clients = {name: large_event_child(name) for name in ("openai-rest", "openai", "floor")}
    data: Dict[str, Any] = {"clients": clients}
    if before:
        with tempfile.TemporaryDirectory(prefix="openai-rest-before-") as tmp:
            archive = subprocess.run(
                ["git", "archive", before, "src"], cwd=HERE.parent, capture_output=True, check=True
            )
            subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
            clients[f"openai-rest at {before}"] = large_event_child("openai-rest", f"{tmp}/src")
        data["before"] = before
    floor = clients["floor"]
    data["ratios"] = {
        name: {size: values[size] / floor[size] for size in values}
        for name, values in clients.items()
    }
    print(json.dumps(data), file=sys.stderr)
    return data


def gzip_table(run: Dict[str, Any]) -> str:
    lines = [
        f"Run of {run['date']} (commit {run['commit']}), `{run['command']}`: median of 3 rounds;"
        " calls through the default transport to a loopback server sending the answer as it is"
        " or gzipped.",
        "",
        "| answer | plain KB | gzip KB | gzip / plain | decode CPU µs | call ms, plain |"
        " call ms, gzip | gzip is faster below (Mbit/s) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in run["order"]:
        r = run["rows"][name]
        lines.append(
            f"| {name} | {r['plain_kb']:.1f} | {r['gzip_kb']:.1f} | {r['gzip_percent']:.0f} % | "
            f"{r['decode_us']:.0f} | {r['call_plain_ms']:.3f} | {r['call_gzip_ms']:.3f} | "
            f"{r['breakeven_mbit_s']:,.0f} |"
        )
    return "\n".join(lines)


def large_event_table(run: Dict[str, Any]) -> str:
    lines = [
        f"Run of {run['date']} (commit {run['commit']}), `{run['command']}`: best of 5, wall"
        " ms to turn the event's bytes into its decoded item.",
        "",
        "| reader | 1 MB event, ms | 4 MB event, ms | 4 MB, ÷ floor |",
        "|---|---:|---:|---:|",
    ]
    for name, values in run["clients"].items():
        ratio = run["ratios"][name]["ms_4mb"]
        lines.append(f"| {name} | {values['ms_1mb']:.2f} | {values['ms_4mb']:.2f} | {ratio:.2f} |")
    return "\n".join(lines)


def main(argv: Optional[List[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", action="store_true", help=f"record the run in {RESULTS.name}")
    parser.add_argument("--docs", help="rewrite this page's results tables from the saved runs")
    parser.add_argument("--before", help="also measure the large event at this commit")
    parser.add_argument("--only", choices=["gzip", "large_event"], help="one of the two")
    args = parser.parse_args(argv)
    measured = results_file.provenance(["benchmarks/bench_wild.py", *argv])
    for key, measure, table in (
        ("gzip", measure_gzip, gzip_table),
        ("large_event", lambda: measure_large_event(args.before), large_event_table),
    ):
        if args.only and args.only != key:
            continue
        data = measure() if args.save or not args.docs else None
        results_file.record(RESULTS, key, data if args.save else None, measured, args.docs, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
