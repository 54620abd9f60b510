"""Is asking for gzip worth it? Sizes, the client's decompression cost, and calls over loopback.

``python benchmarks/bench_gzip.py`` prints a Markdown table (see docs/performance.md). For each
typical answer: its size plain and gzipped (zlib level 6, nginx's and most CDNs' range), the CPU
our decoder spends on it, the time per call through the default transport over loopback with
and without compression (the worst case for gzip: a link of infinite speed), and the link
speed below which gzip is faster end to end (bytes saved / extra client CPU).
"""

from __future__ import annotations

import base64
import json
import random
import statistics
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Dict, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import openai_rest
from openai_rest._transports.base import ContentDecoder


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
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                if gzipped:
                    self.send_header("Content-Encoding", "gzip")
                self.end_headers()
                self.wfile.write(body)

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


def main() -> None:
    bodies = {name: make() for name, make in BODIES.items()}
    packed = {name: (body, gzip6(body)) for name, body in bodies.items()}
    server = Server(packed)
    config = openai_rest.Config(api_key="sk-bench", api_url=server.url, max_retries=0)
    client = openai_rest.Client(config)
    identity = {"Accept-Encoding": "identity"}
    print("| answer | plain | gzip | decode CPU | call, plain | call, gzip | gzip wins below |")
    print("|---|---|---|---|---|---|---|")
    for index, (name, (plain, gz)) in enumerate(packed.items()):
        decode = lambda gz=gz: ContentDecoder(["gzip"]).decode(gz)  # noqa: E731
        n = max(10, min(300, 300_000 // len(plain)))
        _, decode_cpu = per_call_ms(decode, n)
        path = f"/{index}"
        plain_call = lambda p=path: client.request("GET", p, extra_headers=identity)  # noqa: E731
        gzip_call = lambda p=path: client.request("GET", p)  # noqa: E731
        assert gzip_call() == plain_call()
        wall_plain, cpu_plain = per_call_ms(plain_call, n)
        wall_gzip, cpu_gzip = per_call_ms(gzip_call, n)
        extra_s = max(cpu_gzip - cpu_plain, decode_cpu, 1e-6) / 1e3
        saved_bits = (len(plain) - len(gz)) * 8
        breakeven = saved_bits / extra_s / 1e6
        print(
            f"| {name} | {len(plain) / 1024:.1f} KB | {len(gz) / 1024:.1f} KB "
            f"({len(gz) / len(plain):.0%}) | {decode_cpu * 1e3:.0f} µs | "
            f"{wall_plain:.3f} ms | {wall_gzip:.3f} ms | {breakeven:,.0f} Mbit/s |"
        )
    client.close()
    server.httpd.shutdown()


if __name__ == "__main__":
    main()
