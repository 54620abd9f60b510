"""One small function per (benchmark, client); each runs in its own child process.

Run by ``run.py`` as ``python benchmarks/cases.py BENCH CLIENT PARAMS_JSON``; prints one JSON
line of metrics (exit 0), or ``{"skipped": reason}`` (exit 77) when a client is unavailable.
The import benchmark is not here: its child is a bare ``python -c`` (see ``import_command``)
so that nothing but the measured import is loaded.
"""

from __future__ import annotations

import http.client
import json
import os
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional
from urllib.parse import urlsplit

from harness import (
    AsyncCall,
    Metrics,
    peak_during,
    per_async,
    per_call,
    per_event,
    rss_over_time,
)

MODEL = "gpt-4o-mini"
MESSAGES = [{"role": "user", "content": "Say hello."}]
EMBED_MODEL = "text-embedding-3-small"
EMBED_INPUT = [f"benchmark sentence number {i}" for i in range(512)]
API_KEY = "sk-bench"
EVENTS_HEADER = "x-bench-events"
SKIP_EXIT = 77
PROFILE_ENV = "BENCH_PROFILE_DIR"  # set by run.py --profile: profile each case into that folder
COMPARED = {"openai", "httpx2", "aiohttp", "numpy"}  # optional here: a case without one skips


class Skip(Exception):
    """An optional client is not installed here (httpx, the SDK's aiohttp extra)."""


@dataclass(frozen=True)
class Params:
    url: str  # like http://127.0.0.1:PORT/v1
    server_pid: Optional[int] = None
    n: int = 2000
    warmup: int = 200
    events: int = 20_000
    concurrency: int = 100
    calls: int = 3
    upload_path: str = ""
    checkpoints: tuple[int, ...] = (10_000, 50_000, 100_000)


Case = Callable[[Params], Metrics]
CASES: dict[str, dict[str, Case]] = {}
IMPORTS = {"openai-rest": "openai_rest", "openai": "openai", "httpx2": "httpx2", "httpx": "httpx"}
IMPORTS["python"] = ""  # bare interpreter


def case(bench: str, client: str) -> Callable[[Case], Case]:
    def register(fn: Case) -> Case:
        CASES.setdefault(bench, {})[client] = fn
        return fn

    return register


OPTIONAL_IMPORTS = frozenset(["httpx"])
"""Modules the import benchmark compares with when they are installed."""


def import_command(module: str) -> str:
    """Code for ``python -c``: time one import in-process, report it and the peak RSS (VmHWM).

    Skips (exit 77) when an optional module (httpx) is not installed; openai_rest and the SDK
    must import, or the benchmark fails.
    """
    reason = f"{module} is not installed"
    skip = f'print(\'{{"skipped": "{reason}"}}\'); sys.exit({SKIP_EXIT})'
    if not module:
        body = "pass\n"
    elif module in OPTIONAL_IMPORTS:
        body = (
            f"try:\n    import {module}\n"
            f"except ModuleNotFoundError as e:\n    if e.name != '{module}': raise\n    {skip}\n"
        )
    else:
        body = f"import {module}\n"
    check = ""
    return (
        "import sys, time\n"
        "t = time.perf_counter()\n"
        f"{body}"
        "t = time.perf_counter() - t\n"
        f"{check}"
        "m = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0].split()[1]\n"
        'print(\'{"import_ms": %.3f, "peak_rss_mb": %.2f}\' % (t * 1e3, int(m) / 1024))\n'
    )


# --- the clients -------------------------------------------------------------------------


def rest() -> Any:
    """The openai_rest module (a benchmark of it fails, never skips, if it does not import)."""
    import openai_rest

    return openai_rest


def rest_client(p: Params, kind: str = "Client") -> Any:
    mod = rest()
    cfg = mod.Config(api_key=API_KEY, api_url=p.url, max_retries=0)
    return getattr(mod, kind)(cfg)


def sdk_client(p: Params) -> Any:
    import openai

    return openai.OpenAI(api_key=API_KEY, base_url=p.url, max_retries=0)


async def sdk_async_client(p: Params, aiohttp: bool) -> Any:
    import openai

    if not aiohttp:
        return openai.AsyncOpenAI(api_key=API_KEY, base_url=p.url, max_retries=0)
    try:
        http_client = openai.DefaultAioHttpClient()
    except (AttributeError, RuntimeError) as e:  # old SDK, or no `openai[aiohttp]` extra
        raise Skip(f"the SDK's aiohttp client is unavailable: {e}") from e
    return openai.AsyncOpenAI(
        api_key=API_KEY, base_url=p.url, max_retries=0, http_client=http_client
    )


class Raw:
    """The floor: one keep-alive ``http.client`` connection, JSON in and out with ``json``."""

    def __init__(self, p: Params) -> None:
        parts = urlsplit(p.url)
        self.prefix = parts.path.rstrip("/")
        self.conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port)
        self.headers = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"}

    def post(self, path: str, payload: object, **headers: str) -> http.client.HTTPResponse:
        body = json.dumps(payload, separators=(",", ":")).encode()
        self.conn.request("POST", self.prefix + path, body, {**self.headers, **headers})
        return self.conn.getresponse()

    def post_json(self, path: str, payload: object) -> Any:
        return json.loads(self.post(path, payload).read())


# --- first_request: import + client + one request, in a fresh interpreter ---------------

FIRST_REQUEST = {
    "openai-rest": (
        "import openai_rest\n"
        "c = openai_rest.Client(openai_rest.Config(api_key=KEY, api_url=URL, max_retries=0))\n"
        "r = c.chat_completion(model=MODEL, messages=MESSAGES)\n"
        "assert r['choices'][0]['message']['content']\n"
    ),
    "openai": (
        "import openai\n"
        "c = openai.OpenAI(api_key=KEY, base_url=URL, max_retries=0)\n"
        "r = c.chat.completions.create(model=MODEL, messages=MESSAGES)\n"
        "assert r.choices[0].message.content\n"
    ),
}
"""What a script that makes one call does, timed from before the import to the answer."""


def _first_request(p: Params, client: str, runs: int = 3) -> Metrics:
    """The median over ``runs`` fresh interpreters of the in-process wall time of import,
    client and one small chat completion (the interpreter's own start is the same for all)."""
    code = (
        "import json, sys, time\n"
        "t = time.perf_counter()\n"
        f"KEY, URL, MODEL, MESSAGES = {API_KEY!r}, {p.url!r}, {MODEL!r}, {MESSAGES!r}\n"
        + FIRST_REQUEST[client]
        + "print(json.dumps({'wall_ms': (time.perf_counter() - t) * 1e3}))\n"
    )
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        times.append(json.loads(out.strip().splitlines()[-1])["wall_ms"])
    return {"wall_ms": statistics.median(times), "best_ms": min(times)}


@case("first_request", "openai-rest")
def first_request_rest(p: Params) -> Metrics:
    return _first_request(p, "openai-rest")


@case("first_request", "openai")
def first_request_sdk(p: Params) -> Metrics:
    return _first_request(p, "openai")


# --- request: CPU and wall per small chat completion ------------------------------------


def _per_request(p: Params, call: Callable[[], Any], text: Callable[[Any], str]) -> Metrics:
    if not text(call()):
        raise AssertionError("empty chat completion")
    return per_call(call, p.n, p.warmup, p.server_pid)


def _text(r: Any) -> str:
    return str(r["choices"][0]["message"]["content"])


@case("request", "openai-rest")
def request_rest(p: Params) -> Metrics:
    c = rest_client(p)
    return _per_request(p, lambda: c.chat_completion(model=MODEL, messages=MESSAGES), _text)


@case("request", "openai-rest-urllib3")
def request_rest_urllib3(p: Params) -> Metrics:
    """openai-rest on its optional urllib3 transport: the measurement behind the default."""
    from openai_rest.transports import Urllib3Transport

    mod = rest()
    cfg = mod.Config(api_key=API_KEY, api_url=p.url, max_retries=0)
    c = mod.Client(cfg, transport=Urllib3Transport(p.url))
    return _per_request(p, lambda: c.chat_completion(model=MODEL, messages=MESSAGES), _text)


@case("request", "openai")
def request_sdk(p: Params) -> Metrics:
    c = sdk_client(p)
    return _per_request(
        p,
        lambda: c.chat.completions.create(model=MODEL, messages=MESSAGES),
        lambda r: str(r.choices[0].message.content),
    )


@case("request", "floor")
def request_floor(p: Params) -> Metrics:
    raw = Raw(p)
    payload = {"model": MODEL, "messages": MESSAGES}
    return _per_request(p, lambda: raw.post_json("/chat/completions", payload), _text)


# --- stream: CPU per chunk over one long chat stream ------------------------------------


def _count(events: Any) -> int:
    n = 0
    for _ in events:
        n += 1
    return n


@case("stream", "openai-rest")
def stream_rest(p: Params) -> Metrics:
    c = rest_client(p)

    def consume(n: int) -> int:
        hdr = {EVENTS_HEADER: str(n)}
        with c.chat_completion(model=MODEL, messages=MESSAGES, stream=True, extra_headers=hdr) as s:
            return _count(s)

    return per_event(consume, p.events, p.warmup, p.server_pid)


@case("stream", "openai")
def stream_sdk(p: Params) -> Metrics:
    c = sdk_client(p)

    def consume(n: int) -> int:
        hdr = {EVENTS_HEADER: str(n)}
        with c.chat.completions.create(
            model=MODEL, messages=MESSAGES, stream=True, extra_headers=hdr
        ) as s:
            return _count(s)

    return per_event(consume, p.events, p.warmup, p.server_pid)


@case("stream", "floor")
def stream_floor(p: Params) -> Metrics:
    raw = Raw(p)
    loads = json.loads

    def consume(n: int) -> int:
        r = raw.post(
            "/chat/completions",
            {"model": MODEL, "messages": MESSAGES, "stream": True},
            **{EVENTS_HEADER: str(n)},
        )
        count, buf = 0, b""
        while True:
            data = r.read1(65536)
            if not data:
                raise AssertionError("stream ended before [DONE]")
            *events, buf = (buf + data).split(b"\n\n")
            for event in events:
                payload = event[6:]  # after b"data: "
                if payload == b"[DONE]":
                    r.read()  # drain the terminating chunk so the connection is reusable
                    return count
                loads(payload)
                count += 1

    return per_event(consume, p.events, p.warmup, p.server_pid)


# --- large_event: one big event (a base64 partial image) in 1400-byte pieces -------------

LARGE_EVENT_MB = (1, 4)
PIECE = 1400  # one TCP segment's payload: the worst split a socket hands over


def _large_event(mb: int) -> tuple[bytes, list[bytes]]:
    """The event's JSON data and the wire bytes of its stream, cut in PIECE-byte pieces."""
    import base64

    image = base64.b64encode(os.urandom(mb * 1024 * 1024 * 3 // 4)).decode()
    data = json.dumps({"type": "response.image_generation_call.partial_image", "b64": image})
    wire = b"event: response.image_generation_call.partial_image\ndata: " + data.encode()
    wire += b"\n\n"
    return data.encode(), [wire[i : i + PIECE] for i in range(0, len(wire), PIECE)]


def _best_ms(run: Callable[[list[bytes]], Any], warmup: int = 1, reps: int = 5) -> Metrics:
    """Best-of-reps wall ms to read each size's event (CPU-bound: no I/O in the loop)."""
    import time

    out: Metrics = {}
    for mb in LARGE_EVENT_MB:
        data, pieces = _large_event(mb)
        for _ in range(warmup):
            run(pieces)
        best = float("inf")
        for _ in range(reps):
            t = time.perf_counter()
            event = run(pieces)
            best = min(best, time.perf_counter() - t)
        if len(json.dumps(event)) < len(data) - 16:
            raise AssertionError("the event came out short")
        out[f"ms_{mb}mb"] = best * 1e3
    return out


@case("large_event", "openai-rest")
def large_event_rest(p: Params) -> Metrics:
    rest()
    from openai_rest._results import ResponseInfo
    from openai_rest._streams import EventReader

    def read(pieces: list[bytes]) -> Any:
        reader = EventReader("events", ResponseInfo(200, {"content-type": "text/event-stream"}))
        items = [item for piece in pieces for item in reader.feed(piece)]
        return items[0]["data"]

    return _best_ms(read)


@case("large_event", "openai")
def large_event_sdk(p: Params) -> Metrics:
    from openai._streaming import SSEBytesDecoder, SSEDecoder

    decoder: Any = SSEDecoder()
    assert isinstance(decoder, SSEBytesDecoder)

    def read(pieces: list[bytes]) -> Any:
        events = list(SSEDecoder().iter_bytes(iter(pieces)))
        return events[0].json()

    return _best_ms(read)


@case("large_event", "floor")
def large_event_floor(p: Params) -> Metrics:
    def read(pieces: list[bytes]) -> Any:
        wire = b"".join(pieces)
        return json.loads(wire[wire.index(b"data: ") + 6 : -2])

    return _best_ms(read)


# --- async: req/s at concurrency ---------------------------------------------------------


def _closer(fn: Callable[[], Any]) -> Callable[[], Any]:
    async def close() -> None:
        await fn()

    return close


@case("async", "openai-rest")
def async_rest(p: Params) -> Metrics:
    async def setup() -> tuple[AsyncCall, Callable[[], Any]]:
        ac = rest_client(p, "AsyncClient")
        return lambda: ac.chat_completion(model=MODEL, messages=MESSAGES), _closer(ac.aclose)

    return per_async(setup, p.n, p.concurrency, p.warmup, p.server_pid)


@case("async", "openai-rest-aiohttp")
def async_rest_aiohttp(p: Params) -> Metrics:
    """openai-rest on its aiohttp transport (the default before AsyncioTransport)."""

    async def setup() -> tuple[AsyncCall, Callable[[], Any]]:
        from openai_rest.transports import AiohttpTransport

        mod = rest()
        cfg = mod.Config(api_key=API_KEY, api_url=p.url, max_retries=0)
        ac = mod.AsyncClient(cfg, transport=AiohttpTransport(p.url))
        return lambda: ac.chat_completion(model=MODEL, messages=MESSAGES), _closer(ac.aclose)

    return per_async(setup, p.n, p.concurrency, p.warmup, p.server_pid)


def _async_sdk(p: Params, aiohttp: bool) -> Metrics:
    async def setup() -> tuple[AsyncCall, Callable[[], Any]]:
        ac = await sdk_async_client(p, aiohttp)
        return lambda: ac.chat.completions.create(model=MODEL, messages=MESSAGES), _closer(ac.close)

    return per_async(setup, p.n, p.concurrency, p.warmup, p.server_pid)


@case("async", "openai")
def async_sdk(p: Params) -> Metrics:
    return _async_sdk(p, aiohttp=False)


@case("async", "openai-aiohttp")
def async_sdk_aiohttp(p: Params) -> Metrics:
    return _async_sdk(p, aiohttp=True)


@case("async", "floor")
def async_floor(p: Params) -> Metrics:
    import aiohttp

    async def setup() -> tuple[AsyncCall, Callable[[], Any]]:
        session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=p.concurrency))
        url = p.url.rstrip("/") + "/chat/completions"
        headers = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"}
        body = json.dumps({"model": MODEL, "messages": MESSAGES}, separators=(",", ":")).encode()

        async def call() -> object:
            async with session.post(url, data=body, headers=headers) as r:
                return json.loads(await r.read())

        return call, _closer(session.close)

    return per_async(setup, p.n, p.concurrency, p.warmup, p.server_pid)


# --- embeddings: the whole call, 512 x 1536 ----------------------------------------------


def _per_embedding(p: Params, call: Callable[[], Any], rows: Callable[[Any], Any]) -> Metrics:
    data = rows(call())
    if len(data) != 512 or len(data[0]) != 1536:
        raise AssertionError(f"bad embeddings shape: {len(data)} x {len(data[0])}")
    return per_call(call, p.calls, 1, p.server_pid, unit="ms")


@case("embeddings", "openai-rest")
def embeddings_rest(p: Params) -> Metrics:
    c = rest_client(p)
    return _per_embedding(
        p,
        lambda: c.embeddings(model=EMBED_MODEL, input=EMBED_INPUT),
        lambda r: [d["embedding"] for d in r["data"]],
    )


@case("embeddings", "openai-rest-numpy")
def embeddings_rest_numpy(p: Params) -> Metrics:
    c = rest_client(p)
    return _per_embedding(
        p,
        lambda: c.embeddings(model=EMBED_MODEL, input=EMBED_INPUT, numpy=True),
        lambda r: [d["embedding"] for d in r["data"]],
    )


@case("embeddings", "openai")
def embeddings_sdk(p: Params) -> Metrics:
    c = sdk_client(p)
    return _per_embedding(
        p,
        lambda: c.embeddings.create(model=EMBED_MODEL, input=EMBED_INPUT),
        lambda r: [d.embedding for d in r.data],
    )


@case("embeddings", "floor")
def embeddings_floor(p: Params) -> Metrics:
    raw = Raw(p)
    payload = {"model": EMBED_MODEL, "input": EMBED_INPUT, "encoding_format": "float"}
    return _per_embedding(
        p,
        lambda: raw.post_json("/embeddings", payload),
        lambda r: [d["embedding"] for d in r["data"]],
    )


# --- upload: peak RSS of one large upload, from a path and from a file object ------------


def _upload(call: Callable[[Any], Any], p: Params, as_path: bool) -> Metrics:
    if as_path:
        result, metrics = peak_during(lambda: call(Path(p.upload_path)))
    else:
        with open(p.upload_path, "rb") as f:
            result, metrics = peak_during(lambda: call(f))
    answer = result if isinstance(result, dict) else result.to_dict()
    return {**metrics, "bytes": answer["bytes"], "sha256": answer.get("sha256", "")}


def _rest_upload(p: Params, as_path: bool) -> Metrics:
    c = rest_client(p)
    return _upload(lambda f: c.files_upload(f, purpose="fine-tune"), p, as_path)


def _sdk_upload(p: Params, as_path: bool) -> Metrics:
    c = sdk_client(p)
    return _upload(lambda f: c.files.create(file=f, purpose="fine-tune"), p, as_path)


case("upload_path", "openai-rest")(lambda p: _rest_upload(p, as_path=True))
case("upload_path", "openai")(lambda p: _sdk_upload(p, as_path=True))
case("upload_file", "openai-rest")(lambda p: _rest_upload(p, as_path=False))
case("upload_file", "openai")(lambda p: _sdk_upload(p, as_path=False))


# --- memory over time: RSS of one client through many requests --------------------------


@case("memory", "openai-rest")
def memory_rest(p: Params) -> Metrics:
    c = rest_client(p)
    return rss_over_time(
        lambda: c.chat_completion(model=MODEL, messages=MESSAGES), list(p.checkpoints)
    )


def profiled(run: Case, params: Params, directory: str, name: str) -> Metrics:
    """Run a case under cProfile; write its top functions (by own time) to directory/name.txt."""
    import cProfile
    import io
    import pstats

    profile = cProfile.Profile()
    metrics = profile.runcall(run, params)
    text = io.StringIO()
    pstats.Stats(profile, stream=text).sort_stats("tottime").print_stats(30)
    Path(directory, f"{name}.txt").write_text(text.getvalue())
    return metrics


def main(argv: list[str]) -> int:
    bench, client, raw_params = argv
    params = json.loads(raw_params)
    params["checkpoints"] = tuple(params.get("checkpoints", ()))
    run = CASES[bench][client]
    try:
        profile_dir = os.environ.get(PROFILE_ENV)
        metrics = (
            profiled(run, Params(**params), profile_dir, f"{bench}-{client}")
            if profile_dir
            else run(Params(**params))
        )
    except Skip as e:
        print(json.dumps({"skipped": str(e)}))
        return SKIP_EXIT
    except ModuleNotFoundError as e:
        if e.name not in COMPARED:
            raise
        print(json.dumps({"skipped": f"{e.name} is not installed"}))
        return SKIP_EXIT
    print(json.dumps(metrics))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
