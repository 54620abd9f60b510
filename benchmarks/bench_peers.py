"""The emulator beside its peers: the same load on ``openai-rest emulate``, mockllm, LiteLLM's
proxy with ``mock_response`` models and Stoplight Prism serving OpenAI's current spec.

    python benchmarks/bench_peers.py [--seconds 4] [--warmup 1] [--rounds 3]
        [--concurrency 50] [--only emulator,mockllm] [--save] [--docs docs/performance.md]

One load generator for every server: raw aiohttp in this process at a fixed concurrency, for
``--seconds`` after ``--warmup`` seconds, per (server, case). Each server runs in its own
process pinned to one CPU, the generator on another. Cases: a chat completion, a streamed chat
completion, and an embedding (256 dimensions). Every answer is checked (status 200, a body or
event stream of the expected shape); a failed check is an error, never a success. Rounds
alternate the servers' order; the table shows medians over rounds. A case a server cannot
answer is "not supported: why" (checked by a probe), a server not installed "absent: how".

The peers answer the text our emulator answers to the same prompt (asked at start), and LiteLLM
a 256-float embedding, so the answers have the same size where the servers allow it.

Installing the peers:
- mockllm: ``pip install -r benchmarks/requirements.txt`` (run with uvicorn as ``mockllm
  start`` does, without its auto-reload);
- LiteLLM's proxy: ``bash scripts/services/litellm.sh`` (its own venv; or ``$OPENAI_REST_LITELLM``);
- Prism: ``../shared/openapi/prism-mock`` installs it with npm on first use (Node.js 18+), as
  the conformance tests do (tests/conformance/prism.py).

``--save`` records the run in ``benchmarks/results/peers.json``; ``--docs PAGE`` rewrites that
page's results block from the saved run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.util
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import aiohttp

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(ROOT / "tests"))
import results_file  # noqa: E402
from run import cpus  # noqa: E402

RESULTS = HERE / "results" / "peers.json"
KEY = "peers"
API_KEY = "sk-bench"
HEADERS = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"}
PROMPT = "Hi!"
DIMENSIONS = 256
MESSAGES = [{"role": "user", "content": PROMPT}]


# --- what an answer must be -------------------------------------------------------------------

Check = Callable[[int, str, bytes], Tuple[Optional[str], int]]
"""(status, content type, body) -> (what is wrong or None, the answer's size)."""


def check_chat(status: int, content_type: str, body: bytes) -> Tuple[Optional[str], int]:
    """A chat completion: 200, JSON, a string ``choices[0].message.content``; size: its chars."""
    if status != 200:
        return f"HTTP {status}", 0
    try:
        content = json.loads(body)["choices"][0]["message"]["content"]
    except (ValueError, LookupError, TypeError):
        return f"not a chat completion: {body[:80]!r}", 0
    if not isinstance(content, str):
        return f"content is {type(content).__name__}", 0
    return None, len(content)


def check_stream(status: int, content_type: str, body: bytes) -> Tuple[Optional[str], int]:
    """An event stream of chat chunks (each ``data:`` JSON with ``choices``) ending with
    ``[DONE]``; size: the events with text."""
    if status != 200:
        return f"HTTP {status}", 0
    if not content_type.startswith("text/event-stream"):
        return f"the answer is {content_type or 'untyped'}, not an event stream", 0
    texts, done = 0, False
    for line in body.splitlines():
        if not line.startswith(b"data:"):
            continue
        data = line[5:].strip()
        if done:
            return "data after [DONE]", 0
        if data == b"[DONE]":
            done = True
            continue
        try:
            choices = json.loads(data)["choices"]
        except (ValueError, LookupError, TypeError):
            return f"not a chat chunk: {data[:80]!r}", 0
        if not isinstance(choices, list):
            return "choices is not a list", 0
        texts += any(isinstance(c, dict) and (c.get("delta") or {}).get("content") for c in choices)
    if not done:
        return "the stream ended without [DONE]", 0
    return (None, texts) if texts else ("a stream without text", 0)


def check_embedding(status: int, content_type: str, body: bytes) -> Tuple[Optional[str], int]:
    """An embeddings list whose first vector is a non-empty list of numbers; size: its length."""
    if status != 200:
        return f"HTTP {status}", 0
    try:
        vector = json.loads(body)["data"][0]["embedding"]
    except (ValueError, LookupError, TypeError):
        return f"not an embeddings list: {body[:80]!r}", 0
    if not isinstance(vector, list) or not vector:
        return "the embedding is not a list of numbers", 0
    if not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in vector):
        return "the embedding is not a list of numbers", 0
    return None, len(vector)


def answer_size(size: int, unit: str) -> str:
    """``256 floats``, ``1 float``."""
    return f"{size} {unit if size != 1 else unit[:-1]}"


@dataclass(frozen=True)
class Case:
    path: str
    body: bytes
    check: Check
    unit: str  # of the answer's size


CASES: Dict[str, Case] = {
    "chat": Case(
        "/chat/completions",
        json.dumps({"model": "gpt-4o-mini", "messages": MESSAGES}).encode(),
        check_chat,
        "chars",
    ),
    "chat_stream": Case(
        "/chat/completions",
        json.dumps({"model": "gpt-4o-mini", "messages": MESSAGES, "stream": True}).encode(),
        check_stream,
        "text events",
    ),
    "embeddings": Case(
        "/embeddings",
        json.dumps(
            {"model": "text-embedding-3-small", "input": "hi", "dimensions": DIMENSIONS}
        ).encode(),
        check_embedding,
        "floats",
    ),
}
CASE_TITLES = {
    "chat": "chat completion",
    "chat_stream": "streamed chat",
    "embeddings": f"embeddings ({DIMENSIONS} dims)",
}


# --- the figures ------------------------------------------------------------------------------


def percentile(values: List[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with at least ``share`` of them at or
    below it (``share`` 0.99 for p99)."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = math.ceil(share * len(ordered) - 1e-9)
    return ordered[min(max(rank, 1), len(ordered)) - 1]


def summary(rounds: List[Dict[str, Any]]) -> Dict[str, Any]:
    """Medians over rounds of the figures of one (server, case), rounded as the table shows
    them; errors are summed."""
    return {
        "req_s": round(statistics.median(r["req_s"] for r in rounds)),
        "p50_ms": round(statistics.median(r["p50_ms"] for r in rounds), 1),
        "p99_ms": round(statistics.median(r["p99_ms"] for r in rounds), 1),
        "server_cpu_ms": round(statistics.median(r["server_cpu_ms"] for r in rounds), 2),
        "client_busy": round(statistics.median(r["client_busy"] for r in rounds), 2),
        "errors": sum(r["errors"] for r in rounds),
        "error_example": next((r["error_example"] for r in rounds if r["error_example"]), ""),
        "requests": sum(r["requests"] for r in rounds),
        "rounds": [{k: v for k, v in r.items() if k != "error_example"} for r in rounds],
    }


def table(run: Dict[str, Any]) -> str:
    """The docs table of a saved run."""
    lines = [
        f"Run of {run['date']} (commit {run['commit']}), `{run['command']}`: "
        f"{run['concurrency']} requests in flight from one aiohttp client on CPU "
        f"{run['client_cpu']}, each server alone on CPU {run['server_cpu']}; "
        f"{run['seconds']:g} s per case after {run['warmup']:g} s of warm-up, median of "
        f"{run['rounds']} rounds (order alternated). Server CPU: its processes' CPU time per "
        "answer.",
        "",
        "| server | case | req/s | p50 ms | p99 ms | server CPU ms | errors | answer |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for server in run["servers"].values():
        if "absent" in server or "failed" in server:
            state = "absent" if "absent" in server else "failed"
            lines.append(f"| {server['title']} | all | {state}: {server[state]} | | | | | |")
            continue
        for name, c in server["cases"].items():
            title = CASE_TITLES[name]
            if "not_supported" in c:
                lines.append(
                    f"| {server['title']} | {title} | not supported: {c['not_supported']}"
                    " | | | | | |"
                )
            elif "failed" in c:
                lines.append(f"| {server['title']} | {title} | failed: {c['failed']} | | | | | |")
            else:
                lines.append(
                    f"| {server['title']} | {title} | {c['req_s']:,} | {c['p50_ms']:.1f} | "
                    f"{c['p99_ms']:.1f} | {c['server_cpu_ms']:.2f} | {c['errors']:,} | "
                    f"{c['answer']} |"
                )
    versions = ", ".join(
        f"{s['title']} {s['version']}" for s in run["servers"].values() if s.get("version")
    )
    lines += ["", f"Versions: {versions}; client aiohttp {run['aiohttp']}."]
    return "\n".join(lines)


# --- servers ----------------------------------------------------------------------------------


def process_tree_cpu(root: int) -> float:
    """CPU seconds (user + system) used so far by a process and all its descendants (Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    parents: Dict[int, int] = {}
    times: Dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        times[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    return sum(times.get(pid, 0.0) for pid in tree)


@dataclass
class Peer:
    """A server under test: how to tell it is absent, start it, and what it cannot answer."""

    title: str
    absent: Callable[[], Optional[str]]
    start: Callable[[Path, str], contextlib.AbstractContextManager[Tuple[str, int]]]
    cannot: Dict[str, str] = field(default_factory=dict)
    version: Callable[[], str] = lambda: ""


def installed(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return ""


@contextlib.contextmanager
def served(
    command: List[str], tmp: Path, name: str, env: Optional[Dict[str, str]] = None
) -> Iterator[Tuple[str, int]]:
    """Run a server on a free loopback port (``{port}`` in ``command``) until it accepts;
    yield its base URL and pid."""
    from daemons import accepts, free_port, running

    port = free_port()
    command = [part.replace("{port}", str(port)) for part in command]
    with running(command, lambda: accepts(port), tmp / f"{name}.log", env, timeout=180) as proc:
        yield f"http://127.0.0.1:{port}/v1", proc.pid


def start_emulator(tmp: Path, answer: str) -> contextlib.AbstractContextManager[Tuple[str, int]]:
    command = [sys.executable, "-m", "openai_rest.emulator", "--port", "{port}"]
    return served(command, tmp, "emulator")


def start_mockllm(tmp: Path, answer: str) -> contextlib.AbstractContextManager[Tuple[str, int]]:
    """mockllm's app under uvicorn, as ``mockllm start`` runs it minus its auto-reload (a file
    watcher beside the server). Its stream answers its default text, so both are ``answer``.
    It counts tokens with tiktoken: its data comes from LiteLLM's bundled copy when present;
    otherwise downloads fail at once (a closed proxy port) and mockllm counts words."""
    responses = tmp / "mockllm.yaml"
    text = json.dumps(answer)
    responses.write_text(
        f"responses:\n  {json.dumps(PROMPT)}: {text}\ndefaults:\n  unknown_response: {text}\n"
    )
    env = {"MOCKLLM_RESPONSES_FILE": str(responses)}
    tokenizers = litellm_tokenizers()
    if tokenizers:
        env["TIKTOKEN_CACHE_DIR"] = tokenizers
    else:
        env.update(HTTPS_PROXY="http://127.0.0.1:9", HTTP_PROXY="http://127.0.0.1:9")
    command = [sys.executable, "-m", "uvicorn", "mockllm.server:app", "--host", "127.0.0.1"]
    return served([*command, "--port", "{port}"], tmp, "mockllm", env)


def litellm_binary() -> Optional[str]:
    from test_litellm import litellm_binary as found

    return found()


def litellm_python() -> Optional[str]:
    binary = litellm_binary()
    python = binary and Path(binary).with_name("python")
    return str(python) if python and python.exists() else None


def litellm_tokenizers() -> Optional[str]:
    """The tiktoken data LiteLLM ships (mockllm needs the same files), if LiteLLM is here."""
    python = litellm_python()
    if not python:
        return None
    found = subprocess.run(
        [python, "-c", "import litellm, os; print(os.path.dirname(litellm.__file__))"],
        capture_output=True,
        text=True,
    )
    folder = Path(found.stdout.strip(), "litellm_core_utils", "tokenizers")
    return str(folder) if found.returncode == 0 and folder.is_dir() else None


def litellm_version() -> str:
    python = litellm_python()
    if not python:
        return ""
    found = subprocess.run(
        [python, "-c", "from importlib.metadata import version; print(version('litellm'))"],
        capture_output=True,
        text=True,
    )
    return found.stdout.strip()


LITELLM_CONFIG = """model_list:
  - model_name: gpt-4o-mini
    litellm_params:
      model: openai/gpt-4o-mini
      api_key: sk-upstream-unused
      mock_response: {answer}
  - model_name: text-embedding-3-small
    litellm_params:
      model: openai/text-embedding-3-small
      api_key: sk-upstream-unused
      mock_response: {vector}
general_settings:
  master_key: {key}
litellm_settings:
  num_retries: 0
"""


@contextlib.contextmanager
def start_litellm(tmp: Path, answer: str) -> Iterator[Tuple[str, int]]:
    """LiteLLM's proxy (one worker, its default) with mock_response chat and embedding models."""
    binary = litellm_binary()
    assert binary is not None
    config = tmp / "litellm.yaml"
    vector = [round((i % 17) / 17 - 0.5, 6) for i in range(DIMENSIONS)]
    config.write_text(
        LITELLM_CONFIG.format(answer=json.dumps(answer), vector=json.dumps(vector), key=API_KEY)
    )
    env = {"LITELLM_LOCAL_MODEL_COST_MAP": "True", "LITELLM_TELEMETRY": "False", "NO_PROXY": "*"}
    command = [binary, "--config", str(config), "--host", "127.0.0.1", "--port", "{port}"]
    with served(command, tmp, "litellm", env) as started:
        yield started


def prism_absent() -> Optional[str]:
    from conformance.prism import why_unavailable

    why = why_unavailable()
    return f"{why}; ../shared/openapi/prism-mock installs Prism with npm" if why else None


@contextlib.contextmanager
def start_prism(tmp: Path, answer: str) -> Iterator[Tuple[str, int]]:
    """``prism-mock openai-current PORT``, started as the conformance tests start it."""
    from conformance.prism import Prism

    prism = Prism("openai-current")
    try:
        yield prism.base_url, prism.process.pid
    finally:
        prism.stop()


def prism_version() -> str:
    from conformance.specs import PRISM_MOCK

    for line in PRISM_MOCK.read_text().splitlines():
        if line.startswith("VERSION="):
            return line.split("=", 1)[1]
    return ""


PEERS: Dict[str, Peer] = {
    "emulator": Peer(
        "openai-rest emulate",
        lambda: None,
        start_emulator,
        version=lambda: installed("openai-rest"),
    ),
    "mockllm": Peer(
        "mockllm",
        lambda: (
            None
            if importlib.util.find_spec("mockllm")
            else "pip install -r benchmarks/requirements.txt"
        ),
        start_mockllm,
        {"embeddings": "mockllm has no embeddings endpoint (chat only)"},
        lambda: installed("mockllm"),
    ),
    "litellm": Peer(
        "LiteLLM proxy (mock_response)",
        lambda: None if litellm_binary() else "bash scripts/services/litellm.sh",
        start_litellm,
        version=litellm_version,
    ),
    "prism": Peer(
        "Prism (openai-current spec)",
        prism_absent,
        start_prism,
        {"chat_stream": "Prism answers `stream: true` with the spec's JSON example"},
        prism_version,
    ),
}


# --- the load ---------------------------------------------------------------------------------

TIMEOUT = aiohttp.ClientTimeout(total=30)
"""Of one request: a peer that hangs is an error, not a stalled run."""


async def one(session: aiohttp.ClientSession, url: str, case: Case) -> Tuple[Optional[str], int]:
    async with session.post(url, data=case.body) as response:
        body = await response.read()
        return case.check(response.status, response.headers.get("Content-Type", ""), body)


async def load(
    base_url: str, case: Case, seconds: float, warmup: float, concurrency: int, pid: int
) -> Dict[str, Any]:
    """``concurrency`` workers sending ``case`` for ``warmup`` then ``seconds`` seconds; the
    latencies of the checked answers of the second phase, the errors, CPU of both sides."""
    url = base_url + case.path
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(
        connector=connector, headers=HEADERS, timeout=TIMEOUT
    ) as session:

        async def phase(length: float) -> Tuple[List[float], List[str], float]:
            latencies: List[float] = []
            errors: List[str] = []
            deadline = time.perf_counter() + length

            async def worker() -> None:
                while time.perf_counter() < deadline:
                    started = time.perf_counter()
                    try:
                        wrong, _ = await one(session, url, case)
                    except (aiohttp.ClientError, asyncio.TimeoutError) as error:
                        wrong = f"{type(error).__name__}: {error}"
                    if wrong:
                        errors.append(wrong)
                    else:
                        latencies.append(time.perf_counter() - started)

            began = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(concurrency)))
            return latencies, errors, time.perf_counter() - began

        await phase(warmup)
        cpu0, server0 = time.process_time(), process_tree_cpu(pid)
        latencies, errors, wall = await phase(seconds)
        cpu, server = time.process_time() - cpu0, process_tree_cpu(pid) - server0
    if not latencies:
        raise RuntimeError(f"no answer passed its check: {errors[0] if errors else '?'}")
    return {
        "req_s": len(latencies) / wall,
        "p50_ms": percentile(latencies, 0.50) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
        "server_cpu_ms": server / len(latencies) * 1000,
        "client_busy": cpu / wall,
        "requests": len(latencies),
        "errors": len(errors),
        "error_example": errors[0] if errors else "",
    }


async def probe(base_url: str, case: Case) -> Tuple[Optional[str], int]:
    async with aiohttp.ClientSession(headers=HEADERS, timeout=TIMEOUT) as session:
        try:
            return await one(session, base_url + case.path, case)
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            return f"{type(error).__name__}: {error}", 0


@contextlib.contextmanager
def on_cpu(cpu: Optional[set[int]]) -> Iterator[None]:
    """Run the block (and every process it starts) on ``cpu``."""
    if cpu is None:
        yield
        return
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, cpu)
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


def emulator_answer(tmp: Path) -> str:
    """What our emulator answers to the prompt: the text every peer is given to answer."""
    with served(
        [sys.executable, "-m", "openai_rest.emulator", "--port", "{port}"], tmp, "answer"
    ) as (base_url, _):
        import urllib.request

        request = urllib.request.Request(
            base_url + "/chat/completions", data=CASES["chat"].body, headers=HEADERS
        )
        with urllib.request.urlopen(request) as response:
            return str(json.loads(response.read())["choices"][0]["message"]["content"])


def start_and_probe(
    name: str, tmp: Path, answer: str, stack: contextlib.ExitStack, cpu: Optional[set[int]]
) -> Tuple[Dict[str, Any], Optional[Tuple[str, int]]]:
    """Start a server on ``cpu`` (stopped when ``stack`` closes) and probe each case once: its
    record so far (absent, not supported, failed, or the answer's size) and (base URL, pid)."""
    peer = PEERS[name]
    record: Dict[str, Any] = {"title": peer.title}
    why = peer.absent()
    if why:
        print(f"{peer.title}: absent: {why}")
        return {**record, "absent": why}, None
    record.update(version=peer.version(), cases={})
    print(f"starting {peer.title} ...", flush=True)
    try:
        with on_cpu(cpu):
            started = stack.enter_context(peer.start(tmp, answer))
    except RuntimeError as error:
        return {**record, "failed": str(error).splitlines()[0]}, None
    for case_name, case in CASES.items():
        wrong, size = asyncio.run(probe(started[0], case))
        if wrong and case_name in peer.cannot:
            outcome = {"not_supported": f"{peer.cannot[case_name]}; a probe got: {wrong}"}
        elif wrong:
            outcome = {"failed": wrong}
        else:
            outcome = {"answer": answer_size(size, case.unit)}
        record["cases"][case_name] = outcome
    return record, started


def measure(args: Any) -> Dict[str, Any]:
    """Every chosen server started, probed, then loaded case by case for ``args.rounds``
    rounds (order alternated); the run to save."""
    server_cpu, client_cpu = cpus()
    servers: Dict[str, Dict[str, Any]] = {}
    running: Dict[str, Tuple[str, int]] = {}
    with contextlib.ExitStack() as stack:  # servers stop first, then their folder goes
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="openai-rest-peers-")))
        answer = emulator_answer(tmp)
        for name in args.only.split(",") if args.only else PEERS:
            servers[name], started = start_and_probe(name, tmp, answer, stack, server_cpu)
            if started:
                running[name] = started
        with on_cpu(client_cpu):
            rounds = load_rounds(args, servers, running)
    for (name, case_name), figures in rounds.items():
        servers[name]["cases"][case_name].update(summary(figures))
    return {
        "seconds": args.seconds,
        "warmup": args.warmup,
        "rounds": args.rounds,
        "concurrency": args.concurrency,
        "server_cpu": min(server_cpu) if server_cpu else None,
        "client_cpu": min(client_cpu) if client_cpu else None,
        "aiohttp": aiohttp.__version__,
        "answer_text": answer,
        "servers": servers,
    }


def load_rounds(
    args: Any, servers: Dict[str, Dict[str, Any]], running: Dict[str, Tuple[str, int]]
) -> Dict[Tuple[str, str], List[Dict[str, Any]]]:
    """The figures of each round of each (server, case) its probe passed; a case whose load
    finds no good answer is marked failed and left out of later rounds."""
    rounds: Dict[Tuple[str, str], List[Dict[str, Any]]] = {}
    for round_ in range(args.rounds):
        for name in running if round_ % 2 == 0 else reversed(running):
            base_url, pid = running[name]
            for case_name, outcome in servers[name]["cases"].items():
                if "answer" not in outcome or "failed" in outcome:
                    continue
                case = CASES[case_name]
                try:
                    figures = asyncio.run(
                        load(base_url, case, args.seconds, args.warmup, args.concurrency, pid)
                    )
                except RuntimeError as error:
                    outcome["failed"] = str(error)
                    rounds.pop((name, case_name), None)
                    continue
                rounds.setdefault((name, case_name), []).append(figures)
                print(
                    f"  round {round_ + 1} {PEERS[name].title:<30} {case_name:<12}"
                    f" {figures['req_s']:7.0f} req/s  p50 {figures['p50_ms']:6.1f} ms"
                    f"  p99 {figures['p99_ms']:6.1f} ms  server CPU "
                    f"{figures['server_cpu_ms']:.2f} ms  errors {figures['errors']}"
                    f"  (client busy {figures['client_busy']:.0%})",
                    flush=True,
                )
    return rounds


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Installing the peers:\n"
        + __doc__.split("Installing the peers:", 1)[1].split("``--save``")[0].strip(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--seconds", type=float, default=4.0, help="measured, per case (4)")
    parser.add_argument("--warmup", type=float, default=1.0, help="before each case (1)")
    parser.add_argument("--rounds", type=int, default=3, help="order alternated (3)")
    parser.add_argument("--concurrency", type=int, default=50, help="requests in flight (50)")
    parser.add_argument("--only", help=f"comma-separated servers of: {','.join(PEERS)}")
    parser.add_argument("--save", action="store_true", help=f"record the run in {RESULTS.name}")
    parser.add_argument("--docs", help="rewrite this page's results block from the saved run")
    args = parser.parse_args(argv)
    measured = results_file.provenance(["benchmarks/bench_peers.py", *(argv or sys.argv[1:])])
    run = None
    if args.save or not args.docs:
        run = measure(args)
        print(table({**measured, **run}))
    ours = (run or {}).get("servers", {}).get("emulator", {})
    failed = "failed" in ours or any("failed" in c for c in ours.get("cases", {}).values())
    results_file.record(RESULTS, KEY, run if args.save else None, measured, args.docs, table)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
