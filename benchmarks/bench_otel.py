"""What OpenTelemetry tracing costs per call: client CPU with and without ``otel.instrument()``.

Modes, against one fake server (benchmarks/fake_server.py, in another process, so only the
client's CPU is counted); the three openai-rest modes take turns in one process, round after
round, so that a shared machine's drift hits them alike:

- ``plain``: openai-rest, not instrumented (the library imports nothing of OpenTelemetry);
- ``noop``: instrumented with opentelemetry-api's default providers (no SDK: no-op spans and
  instruments), the case the issue bounds at +10% CPU per call;
- ``sdk``: instrumented with opentelemetry-sdk's tracer and meter providers, spans sampled and
  dropped by a no-op processor (what a real pipeline costs before export);
- ``openai``: the official SDK, not instrumented, for scale.

Each mode makes N non-streamed chat completions and N/10 streams of 20 chunks per round;
reported are the median CPU microseconds per call over the rounds, and the median over rounds
of each mode's CPU over ``plain``'s in the same round. Machines are noisy: run it twice.

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


def _calls(client_chat: Any) -> Any:
    """The two shapes of call, over a face's ``chat_completion``-like function."""

    def chat() -> Any:
        return client_chat(model="gpt-4o-mini", messages=MESSAGES)

    def stream() -> Any:
        events = client_chat(
            model="gpt-4o-mini",
            messages=MESSAGES,
            stream=True,
            extra_headers={"x-bench-events": "20"},
        )
        return sum(1 for _ in events)

    return chat, stream


def _measure(chat: Any, stream: Any, calls: int) -> Dict[str, float]:
    results = {}
    for name, call, count in (("chat", chat, calls), ("stream", stream, max(1, calls // 10))):
        start = time.process_time()
        for _ in range(count):
            call()
        results[name] = (time.process_time() - start) / count * 1e6
    return results


def child(which: str, base_url: str, calls: int, rounds: int) -> Dict[str, List[Any]]:
    """Runs in the measuring process. ``rest``: the three openai-rest modes in turn, round
    after round, in one process (``plain`` is after ``uninstrument()``, the original method
    back: the very code of a process that never instrumented); ``openai``: the official SDK."""
    if which == "openai":
        import openai

        sdk = openai.OpenAI(api_key="sk-bench", base_url=base_url, max_retries=0)
        chat, stream = _calls(sdk.chat.completions.create)
        for _ in range(50):
            chat()
        return {"openai": [_measure(chat, stream, calls) for _ in range(rounds)]}

    from opentelemetry.sdk.metrics import MeterProvider
    from opentelemetry.sdk.trace import SpanProcessor, TracerProvider

    import openai_rest
    from openai_rest import otel

    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(SpanProcessor())  # sampled, then dropped
    meter_provider = MeterProvider()
    switches = {
        "plain": otel.uninstrument,
        "noop": otel.instrument,  # opentelemetry-api's global providers: none set, no-op
        "sdk": lambda: otel.instrument(
            tracer_provider=tracer_provider, meter_provider=meter_provider
        ),
    }
    client = openai_rest.Client(
        openai_rest.Config(api_key="sk-bench", api_url=base_url, max_retries=0)
    )
    chat, stream = _calls(client.chat_completion)
    results: Dict[str, List[Any]] = {mode: [] for mode in switches}
    order = list(switches)
    for turn in range(rounds + 1):
        for mode in order[turn % 3 :] + order[: turn % 3]:  # each mode first in turn
            otel.uninstrument()
            switches[mode]()
            if turn == 0:
                for _ in range(50):  # warm up each mode; round 0 is not counted
                    chat()
                stream()
            else:
                results[mode].append(_measure(chat, stream, calls))
    otel.uninstrument()
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
        print(json.dumps(child(args.child, args.base_url, args.calls, args.rounds)))
        return
    measured = provenance(sys.argv)
    server = subprocess.Popen(
        [sys.executable, os.path.join(HERE, "fake_server.py")], stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline().split()[1])
        base_url = f"http://127.0.0.1:{port}/v1"
        runs: Dict[str, List[Dict[str, float]]] = {}
        for which in ("rest", "openai"):
            command = [sys.executable, __file__, "--child", which, "--base-url", base_url]
            out = subprocess.run(
                [*command, "--calls", str(args.calls), "--rounds", str(args.rounds)],
                capture_output=True,
                text=True,
                check=True,
            )
            runs.update(json.loads(out.stdout))
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
