"""What OpenTelemetry tracing costs per call: client CPU with and without ``otel.instrument()``.

Modes, each in its own process against one fake server (benchmarks/fake_server.py, another
process, so only the client's CPU is counted):

- ``plain``: openai-rest, not instrumented (the library imports nothing of OpenTelemetry);
- ``noop``: instrumented with opentelemetry-api's default providers (no SDK: no-op spans and
  instruments), the case the issue bounds at +10% CPU per call;
- ``sdk``: instrumented with opentelemetry-sdk's tracer and meter providers, spans sampled and
  dropped by a no-op processor (what a real pipeline costs before export);
- ``openai``: the official SDK, not instrumented, for scale.

Each mode makes N non-streamed chat completions and N/10 streams of 20 chunks; the rounds are
interleaved (plain, noop, sdk, openai, plain, ...); reported are the median CPU microseconds per
call over the rounds, and the median over rounds of each mode's CPU over ``plain``'s in the same
round (which cancels the drift of a shared machine better). Machines are noisy: run it twice.

    python benchmarks/bench_otel.py [--calls 2000] [--rounds 5] [--save]

``--save`` records the run as ``runs/cpu_per_call`` of benchmarks/results/otel.json (the
figures docs/observability.md quotes).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from typing import Any, Dict, List

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from results_file import ROOT, provenance, save  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "otel.json"
MODES = ("plain", "noop", "sdk", "openai")
MESSAGES = [{"role": "user", "content": "Hello"}]


def child(mode: str, base_url: str, calls: int) -> Dict[str, float]:
    """Runs in the measuring process: CPU µs per call of each shape of call."""
    streams = max(1, calls // 10)
    if mode == "openai":
        import openai

        sdk = openai.OpenAI(api_key="sk-bench", base_url=base_url, max_retries=0)

        def chat() -> Any:
            return sdk.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)  # type: ignore[arg-type]

        def stream() -> Any:
            events = sdk.chat.completions.create(
                model="gpt-4o-mini",
                messages=MESSAGES,  # type: ignore[arg-type]
                stream=True,
                extra_headers={"x-bench-events": "20"},
            )
            return sum(1 for _ in events)
    else:
        import openai_rest

        if mode == "noop":
            from openai_rest import otel

            otel.instrument()
        elif mode == "sdk":
            from opentelemetry.sdk.metrics import MeterProvider
            from opentelemetry.sdk.trace import SpanProcessor, TracerProvider

            from openai_rest import otel

            tracer_provider = TracerProvider()
            tracer_provider.add_span_processor(SpanProcessor())  # sampled, then dropped
            otel.instrument(tracer_provider=tracer_provider, meter_provider=MeterProvider())
        client = openai_rest.Client(
            openai_rest.Config(api_key="sk-bench", api_url=base_url, max_retries=0)
        )

        def chat() -> Any:
            return client.chat_completion(model="gpt-4o-mini", messages=MESSAGES)

        def stream() -> Any:
            events = client.chat_completion(
                model="gpt-4o-mini",
                messages=MESSAGES,
                stream=True,
                extra_headers={"x-bench-events": "20"},
            )
            return sum(1 for _ in events)

    for _ in range(50):  # warm up: connections, imports, caches
        chat()
    stream()
    results = {}
    for name, call, count in (("chat", chat, calls), ("stream", stream, streams)):
        start = time.process_time()
        for _ in range(count):
            call()
        results[name] = (time.process_time() - start) / count * 1e6
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--save", action="store_true", help="write benchmarks/results/otel.json")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.base_url, args.calls)))
        return
    measured = provenance(sys.argv)
    server = subprocess.Popen(
        [sys.executable, os.path.join(HERE, "fake_server.py")], stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline().split()[1])
        base_url = f"http://127.0.0.1:{port}/v1"
        runs: Dict[str, List[Dict[str, float]]] = {mode: [] for mode in MODES}
        for _ in range(args.rounds):
            for mode in MODES:
                command = [sys.executable, __file__, "--child", mode, "--base-url", base_url]
                out = subprocess.run(
                    [*command, "--calls", str(args.calls)],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                runs[mode].append(json.loads(out.stdout))
    finally:
        server.terminate()
        server.wait()
    medians = {
        mode: {shape: statistics.median(r[shape] for r in rounds) for shape in ("chat", "stream")}
        for mode, rounds in runs.items()
    }

    def ratio(mode: str, shape: str) -> float:
        """The median, over rounds, of the mode's CPU over plain's in the same round."""
        pairs = zip(runs[mode], runs["plain"])
        return round(statistics.median(m[shape] / p[shape] for m, p in pairs), 3)

    table = {
        mode: {
            "chat_us": round(medians[mode]["chat"], 1),
            "chat_ratio": ratio(mode, "chat"),
            "stream_us": round(medians[mode]["stream"], 1),
            "stream_ratio": ratio(mode, "stream"),
        }
        for mode in MODES
    }
    if args.save:
        data = {"calls": args.calls, "rounds": args.rounds, "stream_chunks": 20, "modes": table}
        save(RESULTS, "cpu_per_call", data, measured)
    print(f"client CPU per call, median of {args.rounds} rounds of {args.calls} chat calls")
    print(f"{'mode':8} {'chat µs':>10} {'ratio':>7} {'stream µs':>11} {'ratio':>7}")
    for mode, row in table.items():
        print(
            f"{mode:8} {row['chat_us']:10.1f} {row['chat_ratio']:7.3f} "
            f"{row['stream_us']:11.1f} {row['stream_ratio']:7.3f}"
        )


if __name__ == "__main__":
    main()
