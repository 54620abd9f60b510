"""Realtime over WebSocket: events per second through one connection and client CPU per audio
delta, openai-rest beside the official SDK and raw floors, on the same emulator.

The emulator runs in its own process (``python -m openai_rest.emulator``); each client runs in
a child process of its own, so its CPU time (``time.process_time``: every thread of the
process, the sync face's background loop and the SDK's included) is its alone.

    python benchmarks/bench_realtime.py [--turns 8] [--words 300] [--repeat 3]

A turn is one audio response to ``echo: <words>`` (``conversation: none``): the emulator speaks
60 ms a word in 100 ms deltas (4,800 PCM bytes, 6,400 base64 characters each) and streams the
transcript beside it. Also measured: the import cost of each WebSocket stack (median of 5 fresh
interpreters). Results are printed as a Markdown table;
``--save`` records them in ``benchmarks/results/realtime.json``, ``--docs PAGE`` rewrites that
page's table from the saved run.
"""

from __future__ import annotations

import argparse
import base64
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, Tuple

KEY = "sk-bench"
RESULTS = Path(__file__).resolve().parent / "results" / "realtime.json"
MODEL = "gpt-realtime"


def prompt(words: int) -> str:
    return "echo: " + " ".join(f"word{i}" for i in range(words))


def request(words: int) -> Dict[str, Any]:
    item = {
        "type": "message",
        "role": "user",
        "content": [{"type": "input_text", "text": prompt(words)}],
    }
    return {"conversation": "none", "output_modalities": ["audio"], "input": [item]}


class Count:
    """What a client saw: events, audio deltas, audio bytes decoded."""

    def __init__(self) -> None:
        self.events = self.audio_deltas = self.audio_bytes = 0
        self.cpu = self.wall = 0.0

    def start(self) -> None:
        """Called once connected: the connection's setup is not what is measured."""
        self.cpu, self.wall = time.process_time(), time.perf_counter()

    def add(self, kind: str, delta: Any = None) -> bool:
        self.events += 1
        if kind == "response.output_audio.delta":
            self.audio_deltas += 1
            self.audio_bytes += len(base64.b64decode(delta))
        return kind == "response.done"


# --- the clients, each run in a child process -------------------------------------------------


def rest_sync(url: str, turns: int, words: int, count: Count) -> None:
    import openai_rest

    client = openai_rest.Client(openai_rest.Config(api_key=KEY, api_url=url))
    with client.realtime_connect(model=MODEL) as rt:
        rt.recv()
        count.start()
        for _ in range(turns):
            rt.create_response(**request(words))
            for event in rt:
                if count.add(event["type"], event.get("delta")):
                    break


def rest_async(url: str, turns: int, words: int, count: Count) -> None:
    import asyncio

    import openai_rest

    async def main() -> None:
        client = openai_rest.AsyncClient(openai_rest.Config(api_key=KEY, api_url=url))
        async with client.realtime_connect(model=MODEL) as rt:
            await rt.recv()
            count.start()
            for _ in range(turns):
                await rt.create_response(**request(words))
                async for event in rt:
                    if count.add(event["type"], event.get("delta")):
                        break

    asyncio.run(main())


def sdk_sync(url: str, turns: int, words: int, count: Count) -> None:
    import openai

    client = openai.OpenAI(api_key=KEY, base_url=url)
    with client.realtime.connect(model=MODEL) as connection:
        connection.recv()
        count.start()
        for _ in range(turns):
            connection.response.create(response=request(words))  # type: ignore[arg-type]
            for event in connection:
                if count.add(event.type, getattr(event, "delta", None)):
                    break


def sdk_async(url: str, turns: int, words: int, count: Count) -> None:
    import asyncio

    import openai

    async def main() -> None:
        client = openai.AsyncOpenAI(api_key=KEY, base_url=url)
        async with client.realtime.connect(model=MODEL) as connection:
            await connection.recv()
            count.start()
            for _ in range(turns):
                await connection.response.create(response=request(words))  # type: ignore[arg-type]
                async for event in connection:
                    if count.add(event.type, getattr(event, "delta", None)):
                        break

    asyncio.run(main())


def ws_url(url: str) -> str:
    return "ws" + url[4:] + f"/realtime?model={MODEL}"


def raw_websockets_sync(url: str, turns: int, words: int, count: Count) -> None:
    """The floor of the sync alternative: ``websockets``' sync client, json and base64 only."""
    from websockets.sync.client import connect

    with connect(
        ws_url(url), additional_headers={"Authorization": f"Bearer {KEY}"}, max_size=None
    ) as ws:
        ws.recv()
        count.start()
        for _ in range(turns):
            ws.send(json.dumps({"type": "response.create", "response": request(words)}))
            while True:
                event = json.loads(ws.recv())
                if count.add(event["type"], event.get("delta")):
                    break


def raw_aiohttp(url: str, turns: int, words: int, count: Count) -> None:
    """The floor of our stack: aiohttp's client, json and base64 only."""
    import asyncio

    import aiohttp

    async def main() -> None:
        async with aiohttp.ClientSession() as session:
            headers = {"Authorization": f"Bearer {KEY}"}
            async with session.ws_connect(ws_url(url), headers=headers, max_msg_size=0) as ws:
                await ws.receive()
                count.start()
                for _ in range(turns):
                    await ws.send_str(
                        json.dumps({"type": "response.create", "response": request(words)})
                    )
                    while True:
                        event = json.loads((await ws.receive()).data)
                        if count.add(event["type"], event.get("delta")):
                            break

    asyncio.run(main())


CLIENTS: Dict[str, Callable[[str, int, int, Count], None]] = {
    "openai-rest sync": rest_sync,
    "openai-rest async": rest_async,
    "official SDK sync": sdk_sync,
    "official SDK async": sdk_async,
    "raw websockets sync (floor)": raw_websockets_sync,
    "raw aiohttp async (floor)": raw_aiohttp,
}

IMPORTS = {
    "openai-rest sync realtime": "import openai_rest._realtime._sync",
    "openai-rest async realtime": "import openai_rest._realtime._async",
    "aiohttp": "import aiohttp",
    "websockets.sync.client": "import websockets.sync.client",
    "websockets.asyncio.client": "import websockets.asyncio.client",
    "official SDK + its realtime": (
        "import openai, openai.resources.realtime.realtime, websockets.sync.client"
    ),
}


def child(name: str, url: str, turns: int, words: int) -> None:
    count = Count()
    CLIENTS[name](url, 1, words, Count())  # warm up: imports, first connection
    CLIENTS[name](url, turns, words, count)
    wall, cpu = time.perf_counter() - count.wall, time.process_time() - count.cpu
    print(
        json.dumps(
            {
                "events": count.events,
                "audio_deltas": count.audio_deltas,
                "audio_bytes": count.audio_bytes,
                "wall": wall,
                "cpu": cpu,
            }
        )
    )


def import_ms(statement: str) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    runs = []
    for _ in range(5):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        runs.append(float(out.stdout) * 1000)
    return statistics.median(runs)


def start_emulator() -> Tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "openai_rest.emulator", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    return process, process.stdout.readline().strip()


def measure(args: argparse.Namespace) -> Dict[str, Any]:
    """Every client ``args.repeat`` times in fresh child processes; the medians and the imports."""
    emulator, url = start_emulator()
    clients: Dict[str, Dict[str, Any]] = {}
    try:
        for name in CLIENTS:
            runs = []
            for _ in range(args.repeat):
                out = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--child",
                        name,
                        "--url",
                        url,
                        "--turns",
                        str(args.turns),
                        "--words",
                        str(args.words),
                    ],
                    capture_output=True,
                    text=True,
                )
                if out.returncode != 0:
                    print(f"{name}: failed\n{out.stderr[-2000:]}", file=sys.stderr)
                    break
                runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
            if len(runs) < args.repeat:
                continue
            per_event = [r["cpu"] / r["events"] * 1e6 for r in runs]
            per_delta = [r["cpu"] / max(1, r["audio_deltas"]) * 1e6 for r in runs]
            clients[name] = {
                "events_per_s": statistics.median(r["events"] / r["wall"] for r in runs),
                "cpu_us_per_event": statistics.median(per_event),
                "cpu_us_per_audio_delta": statistics.median(per_delta),
                "cpu_us_per_audio_delta_reps": [round(v, 1) for v in per_delta],
                "events": runs[0]["events"],
                "audio_deltas": runs[0]["audio_deltas"],
            }
            print(
                f"{name}: {clients[name]['cpu_us_per_audio_delta']:.0f} µs per audio delta",
                file=sys.stderr,
            )
    finally:
        emulator.terminate()
        emulator.wait(10)
    imports = {}
    for name, statement in IMPORTS.items():
        try:
            imports[name] = import_ms(statement)
        except subprocess.CalledProcessError:
            pass
    sdk = clients.get("official SDK sync", {}).get("cpu_us_per_audio_delta")
    ratios = {name: row["cpu_us_per_audio_delta"] / sdk for name, row in clients.items() if sdk}
    return {"clients": clients, "imports_ms": imports, "cpu_per_audio_delta_vs_sdk_sync": ratios}


def table(run: Dict[str, Any]) -> str:
    results = run["results"]
    lines = [
        f"Run of {run['date']} (commit {run['commit']}), `{run['command']}`: {run['turns']} audio"
        f" responses of {run['words']} words per child process, median of {run['repeat']} child"
        " processes per client; client CPU is `time.process_time` of the client's process (all"
        " its threads).",
        "",
        "| client | events/s | CPU µs per event | CPU µs per audio delta | vs SDK sync |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in CLIENTS:  # in the order measured (the results file sorts keys)
        row = results["clients"].get(name)
        if row is None:
            continue
        ratio = results["cpu_per_audio_delta_vs_sdk_sync"].get(name)
        lines.append(
            f"| {name} | {row['events_per_s']:,.0f} | {row['cpu_us_per_event']:.0f} | "
            f"{row['cpu_us_per_audio_delta']:.0f} | {f'{ratio:.2f}' if ratio else ''} |"
        )
    lines += ["", "| import, in a fresh interpreter (median of 5) | ms |", "|---|---:|"]
    for name, value in results["imports_ms"].items():
        lines.append(f"| {name} | {value:.0f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--turns", type=int, default=8, help="responses per run (8)")
    parser.add_argument("--words", type=int, default=300, help="words per response (300)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per client; the median (3)")
    parser.add_argument("--save", action="store_true", help=f"record the run in {RESULTS.name}")
    parser.add_argument("--docs", help="rewrite this page's results table from the saved run")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.url, args.turns, args.words)
        return 0
    import results_file

    measured = results_file.provenance(["benchmarks/bench_realtime.py", *sys.argv[1:]])
    data = None
    if args.save or not args.docs:  # a measurement, unless only the docs table is rewritten
        results = measure(args)
        params = {"turns": args.turns, "words": args.words, "repeat": args.repeat}
        print(table({**measured, **params, "results": results}))
        if args.save:
            data = {**params, "results": results}
    results_file.record(RESULTS, "realtime", data, measured, args.docs, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
