"""Structured outputs: CPU per parsed call and per streamed chunk, beside the official SDK.

Both clients parse the same emulator answers (the same request gives the same answer; the
answers' digests are compared). The emulator runs in its own process; each measurement runs in
a fresh child process and counts that process's CPU time (``time.process_time``), so a
client's I/O waits do not count, and its parsing, HTTP and decoding work does.

    python benchmarks/bench_structured.py [--calls 300] [--reps 5] [--save] [--docs PAGE]

Cases:
- ``parse``: ``chat_completion_parse(response_format=Forecast)`` (a pydantic model, and the same
  shape as dataclasses) against ``client.chat.completions.parse``; the floor is openai-rest's
  plain ``chat_completion`` of the same request (no schema work, no parsing).
- ``stream``: a streamed parse reading the partial answer after every chunk
  (``stream.partial``) against the SDK's ``client.chat.completions.stream`` events (whose
  ``content.delta`` events carry the SDK's partial parse, by jiter); the floor reads the chunks
  only.
- ``partial``: the partial-JSON parsers alone over the same growing text, per chunk: ours
  (``_partial_json``, incremental), ``jiter``'s ``partial_mode="trailing-strings"`` (the
  alternative, an optional extra), and ours restarted on the whole text at every chunk.

``--save`` records the run in ``benchmarks/results/structured.json``; ``--docs`` rewrites the
page's results table from it (tests/test_figures.py checks the numbers).
"""

from __future__ import annotations

import argparse
import dataclasses
import enum
import hashlib
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
import results_file

RESULTS = Path(__file__).resolve().parent / "results" / "structured.json"
MODEL = "gpt-4o-mini"
MESSAGES = [{"role": "user", "content": "Give the week's forecast."}]
API_KEY = "sk-bench"


def pydantic_models() -> Any:
    from pydantic import BaseModel

    class Reading(BaseModel):
        city: str
        summary: str
        degrees: float
        unit: Unit  # type: ignore[valid-type]
        wind: Optional[str]

    class Forecast(BaseModel):
        title: str
        region: str
        readings: List[Reading]
        warnings: List[str]
        best: Optional[Reading]

    return Forecast


Unit = enum.Enum("Unit", {"CELSIUS": "celsius", "FAHRENHEIT": "fahrenheit"})


@dataclasses.dataclass
class Reading:
    city: str
    summary: str
    degrees: float
    unit: Unit  # type: ignore[valid-type]
    wind: Optional[str]


@dataclasses.dataclass
class Forecast:
    title: str
    region: str
    readings: List[Reading]
    warnings: List[str]
    best: Optional[Reading]


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


# --- the children: one measurement each --------------------------------------------------------


def child(case: str, client: str, url: str, calls: int) -> Dict[str, Any]:
    """Run ``calls`` calls of one case and client; CPU seconds per call (and per chunk)."""
    run, content = CHILDREN[case][client](url)
    for _ in range(max(3, calls // 10)):  # warm-up: connections, caches, schemas
        run()
    chunks = 0
    start = time.process_time()
    for _ in range(calls):
        chunks += run()
    cpu = time.process_time() - start
    out = {"cpu_us_per_call": cpu / calls * 1e6, "digest": digest(content())}
    if chunks:
        out["chunks_per_call"] = chunks / calls
        out["cpu_us_per_chunk"] = cpu / chunks * 1e6
    return out


def rest_client(url: str) -> Any:
    import openai_rest

    return openai_rest.Client(openai_rest.Config(api_key=API_KEY, api_url=url, max_retries=0))


def sdk_client(url: str) -> Any:
    import openai

    return openai.OpenAI(api_key=API_KEY, base_url=url, max_retries=0)


def rest_parse(model: Any) -> Callable[[str], Any]:
    def setup(url: str) -> Any:
        client = rest_client(url)
        answer_type = model()
        last: Dict[str, str] = {}

        def run() -> int:
            done = client.chat_completion_parse(
                model=MODEL, messages=MESSAGES, response_format=answer_type
            )
            message = done["choices"][0]["message"]
            assert message["parsed"] is not None
            last["content"] = message["content"]
            return 0

        return run, lambda: last["content"]

    return setup


def rest_plain(url: str) -> Any:
    import openai_rest

    client = rest_client(url)
    fmt = {"type": "json_schema", "json_schema": {"name": "Forecast", "strict": True}}
    fmt["json_schema"]["schema"] = openai_rest.strict_schema(pydantic_models())
    last: Dict[str, str] = {}

    def run() -> int:
        done = client.chat_completion(model=MODEL, messages=MESSAGES, response_format=fmt)
        last["content"] = done["choices"][0]["message"]["content"]
        return 0

    return run, lambda: last["content"]


def sdk_parse(url: str) -> Any:
    client = sdk_client(url)
    model = pydantic_models()
    last: Dict[str, str] = {}

    def run() -> int:
        done = client.chat.completions.parse(model=MODEL, messages=MESSAGES, response_format=model)
        assert done.choices[0].message.parsed is not None
        last["content"] = done.choices[0].message.content
        return 0

    return run, lambda: last["content"]


def rest_stream(read_partial: bool) -> Callable[[str], Any]:
    def setup(url: str) -> Any:
        client = rest_client(url)
        model = pydantic_models()
        last: Dict[str, str] = {}

        def run() -> int:
            chunks = 0
            with client.chat_completion_parse(
                model=MODEL, messages=MESSAGES, response_format=model, stream=True
            ) as stream:
                for _ in stream:
                    chunks += 1
                    if read_partial:
                        stream.partial  # noqa: B018 - the measured work
                final = stream.result()
            assert final["choices"][0]["message"]["parsed"] is not None
            last["content"] = final["choices"][0]["message"]["content"]
            return chunks

        return run, lambda: last["content"]

    return setup


def sdk_stream(url: str) -> Any:
    client = sdk_client(url)
    model = pydantic_models()
    last: Dict[str, str] = {}

    def run() -> int:
        chunks = 0
        with client.chat.completions.stream(
            model=MODEL, messages=MESSAGES, response_format=model
        ) as stream:
            for event in stream:
                if event.type == "chunk":
                    chunks += 1
            final = stream.get_final_completion()
        assert final.choices[0].message.parsed is not None
        last["content"] = final.choices[0].message.content or ""
        return chunks

    return run, lambda: last["content"]


CHILDREN: Dict[str, Dict[str, Callable[[str], Any]]] = {
    "parse": {
        "openai-rest (pydantic model)": rest_parse(pydantic_models),
        "openai-rest (dataclasses)": rest_parse(lambda: Forecast),
        "official SDK": sdk_parse,
        "floor: openai-rest, no parse": rest_plain,
    },
    "stream": {
        "openai-rest, partial per chunk": rest_stream(True),
        "official SDK, stream events": sdk_stream,
        "floor: openai-rest, chunks only": rest_stream(False),
    },
}


# --- the partial parsers alone ------------------------------------------------------------------


def partial_case(url: str, reps: int) -> Dict[str, Dict[str, float]]:
    """Per-chunk cost of each partial parser over the emulator's streamed answer's deltas."""
    import jiter

    import openai_rest
    from openai_rest._partial_json import PartialJSON, partial_value

    client = rest_client(url)
    pieces: List[str] = []
    schema = openai_rest.strict_schema(Forecast)
    fmt = {"type": "json_schema", "json_schema": {"name": "Forecast", "schema": schema}}
    for chunk in client.chat_completion(
        model=MODEL, messages=MESSAGES, stream=True, response_format=fmt
    ):
        for choice in chunk["choices"]:
            if choice["delta"].get("content"):
                pieces.append(choice["delta"]["content"])
    text = "".join(pieces)

    def ours() -> None:
        parser = PartialJSON()
        for piece in pieces:
            parser.feed(piece)
            parser.value()

    def jiter_partial() -> None:
        grown = b""
        for piece in pieces:
            grown += piece.encode()
            jiter.from_json(grown, partial_mode="trailing-strings")

    def restarted() -> None:
        grown = ""
        for piece in pieces:
            grown += piece
            partial_value(grown)

    assert PartialJSON().value() is None and partial_value(text) == json.loads(text)
    out = {}
    for name, fn in (("ours (incremental)", ours), ("jiter trailing-strings", jiter_partial)):
        out[name] = per_chunk(fn, len(pieces), reps)
    out["ours, restarted each chunk"] = per_chunk(restarted, len(pieces), reps)
    for value in out.values():
        value["chunks"] = len(pieces)
        value["text_bytes"] = len(text.encode())
    return out


def per_chunk(fn: Callable[[], None], chunks: int, reps: int) -> Dict[str, float]:
    loops = 200
    samples = []
    for _ in range(reps):
        start = time.process_time()
        for _ in range(loops):
            fn()
        samples.append((time.process_time() - start) / loops / chunks * 1e6)
    return {"cpu_us_per_chunk": statistics.median(samples)}


# --- the parent -------------------------------------------------------------------------------


def measure(case: str, client: str, url: str, calls: int) -> Dict[str, Any]:
    command = [sys.executable, __file__, "--child", case, client, url, str(calls)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def run_all(args: Any) -> Dict[str, Any]:
    server = subprocess.Popen(
        [sys.executable, "-m", "openai_rest.emulator", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    url = server.stdout.readline().strip()
    results: Dict[str, Any] = {}
    try:
        for case, clients in CHILDREN.items():
            results[case] = {}
            for client in clients:
                reps = [measure(case, client, url, args.calls) for _ in range(args.reps)]
                key = "cpu_us_per_chunk" if case == "stream" else "cpu_us_per_call"
                row = {k: statistics.median(r[k] for r in reps) for k in reps[0] if k != "digest"}
                row["digest"] = reps[0]["digest"]
                row["reps"] = [round(r[key], 1) for r in reps]
                results[case][client] = row
                print(f"  {case:<7} {client:<34} {row[key]:9.1f} us", flush=True)
        results["partial"] = partial_case(url, args.reps)
        for name, row in results["partial"].items():
            print(f"  partial {name:<34} {row['cpu_us_per_chunk']:9.2f} us per chunk")
    finally:
        server.terminate()
        server.wait(timeout=10)
    digests = {row["digest"] for case in ("parse", "stream") for row in results[case].values()}
    assert len(digests) == 1, f"the clients did not parse the same answers: {digests}"
    parse, stream = results["parse"], results["stream"]
    sdk = parse["official SDK"]["cpu_us_per_call"]
    results["ratios"] = {
        "parse_pydantic_vs_sdk": parse["openai-rest (pydantic model)"]["cpu_us_per_call"] / sdk,
        "parse_dataclasses_vs_sdk": parse["openai-rest (dataclasses)"]["cpu_us_per_call"] / sdk,
        "stream_chunk_vs_sdk": stream["openai-rest, partial per chunk"]["cpu_us_per_chunk"]
        / stream["official SDK, stream events"]["cpu_us_per_chunk"],
    }
    return results


def table(run: Dict[str, Any]) -> str:
    lines = [
        f"Run of {run['date']} (commit {run['commit']}), `{run['command']}`: CPU time of the "
        f"client process, median of {run['reps']} child processes of {run['calls']} calls each.",
        "",
        "| case | client | CPU µs per call | CPU µs per chunk |",
        "|---|---|---:|---:|",
    ]
    for case in ("parse", "stream"):
        for client in CHILDREN[case]:  # in the order measured (the results file sorts keys)
            row = run["results"][case][client]
            chunk = f"{row['cpu_us_per_chunk']:.1f}" if "cpu_us_per_chunk" in row else ""
            lines.append(f"| {case} | {client} | {row['cpu_us_per_call']:,.0f} | {chunk} |")
    for name in ("ours (incremental)", "jiter trailing-strings", "ours, restarted each chunk"):
        row = run["results"]["partial"][name]
        lines.append(f"| partial JSON alone | {name} | | {row['cpu_us_per_chunk']:.2f} |")
    ratios = run["results"]["ratios"]
    lines += [
        "",
        "Ratios to the SDK (the goal: a third at most per parsed call): parse with a pydantic "
        f"model "
        f"{ratios['parse_pydantic_vs_sdk']:.2f}, with dataclasses "
        f"{ratios['parse_dataclasses_vs_sdk']:.2f}; per streamed chunk with partial parsing "
        f"{ratios['stream_chunk_vs_sdk']:.2f}.",
    ]
    return "\n".join(lines)


def main(argv: Optional[List[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        case, client, url, calls = argv[1:5]
        print(json.dumps(child(case, client, url, int(calls))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=300, help="calls per child (300)")
    parser.add_argument("--reps", type=int, default=5, help="child processes per client (5)")
    parser.add_argument("--save", action="store_true", help=f"record the run in {RESULTS.name}")
    parser.add_argument("--docs", help="rewrite this page's results table from the saved run")
    args = parser.parse_args(argv)
    measured = results_file.provenance(["benchmarks/bench_structured.py", *argv])
    data = None
    if args.save or not args.docs:  # a measurement, unless only the docs table is rewritten
        results = run_all(args)
        print(json.dumps(results["ratios"]))
        if args.save:
            data = {"calls": args.calls, "reps": args.reps, "results": results}
    results_file.record(RESULTS, "structured", data, measured, args.docs, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
