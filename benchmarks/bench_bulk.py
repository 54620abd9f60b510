"""Bulk runner vs. the cookbook approach, on the same emulator limits: throughput and 429s.

The cookbook's ``api_request_parallel_processor.py`` is re-implemented here from its published
behaviour (not its code): per-minute capacity counters for requests and tokens that start full
and refill continuously; a request goes when both counters have room; the answer's JSON is
checked for an ``error`` and a rate limit is recognised by "Rate limit" in its message; after
one, every request waits a fixed 15 s cooldown; a failed request goes back in a retry queue
(5 attempts); ``retry-after`` and the ``x-ratelimit-*`` headers are ignored. Both sides use
the same token estimate (ours, a quarter of the body's length: what the emulator counts), so
the comparison is about the pacing, not the estimate.

The emulator runs in this process and counts, per run, the requests it let through and the
ones it refused with 429; each client runs in its own process. The emulator's buckets start
empty, as for a server that has just been used at its limit: the throughput measured is the
sustained one, not a first minute's free burst.

    python benchmarks/bench_bulk.py [--requests 1500] [--rpm 6000] [--tpm 0]
        [--save KEY] [--docs docs/bulk.md]
    python benchmarks/bench_bulk.py --shared 1,2,4 --requests 1200 --rpm 6000 --save shared

``--shared 1,2,4``: that many processes at once, the input split between them, each told the
whole limit: ``bulk run --limiter redis://...`` (one budget in a redis-server this script
starts), the same ``bulk run`` pacing alone, and as many cookbook workers pacing alone.

``--save KEY`` records the run as ``runs/KEY`` of ``benchmarks/results/bulk.json`` (with the
commit measured); ``--docs`` rewrites the page's tables from that file.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
import results_file

HERE = os.path.dirname(os.path.abspath(__file__))


# ---- the cookbook's approach, from its published behaviour ---------------------------------


async def cookbook(
    base_url: str, source: str, target: str, rpm: float, tpm: float, estimate: Any
) -> None:
    import aiohttp

    cooldown = 15.0  # seconds every request waits after a rate-limit error
    attempts = 5
    requests_left, tokens_left = rpm, tpm  # the counters start full
    last_update = time.monotonic()
    last_rate_limit = 0.0
    retry: List[Dict[str, Any]] = []
    in_flight = 0
    lines = open(source)  # noqa: SIM115
    exhausted = False
    pending: Optional[Dict[str, Any]] = None
    headers = {"Authorization": "Bearer sk-bench"}
    out = open(target, "w")  # noqa: SIM115
    tasks = set()

    async def call(session: Any, job: Dict[str, Any]) -> None:
        nonlocal in_flight, last_rate_limit
        error = None
        try:
            url = base_url.rstrip("/") + job["url"][3:]
            async with session.post(url, headers=headers, json=job["body"]) as response:
                answer = await response.json(content_type=None)
            if "error" in answer:
                error = answer
                if "Rate limit" in str(answer["error"].get("message", "")):
                    last_rate_limit = time.monotonic()
        except Exception as exc:  # the cookbook catches everything and retries
            error = {"error": str(exc)}
        if error is not None:
            job["attempts"] -= 1
            if job["attempts"] > 0:
                retry.append(job)  # still in progress
                return
            out.write(json.dumps([job["line"], error]) + "\n")
        else:
            out.write(json.dumps([job["line"], answer]) + "\n")
        in_flight -= 1

    async with aiohttp.ClientSession() as session:
        while True:
            if pending is None:
                if retry:
                    pending = retry.pop(0)
                elif not exhausted:
                    text = lines.readline()
                    if text:
                        item = json.loads(text)
                        pending = {
                            "line": item,
                            "url": item["url"],
                            "body": item["body"],
                            "tokens": estimate(item["url"], item["body"]),
                            "attempts": attempts,
                        }
                        in_flight += 1
                    else:
                        exhausted = True
            now = time.monotonic()
            elapsed, last_update = now - last_update, now
            requests_left = min(requests_left + rpm * elapsed / 60.0, rpm)
            tokens_left = min(tokens_left + tpm * elapsed / 60.0, tpm)
            if pending is not None and requests_left >= 1 and tokens_left >= pending["tokens"]:
                requests_left -= 1
                tokens_left -= pending["tokens"]
                task = asyncio.ensure_future(call(session, pending))
                tasks.add(task)
                task.add_done_callback(tasks.discard)
                pending = None
            if in_flight == 0 and exhausted and pending is None and not retry:
                break
            await asyncio.sleep(0.001)
            since = time.monotonic() - last_rate_limit
            if since < cooldown:
                await asyncio.sleep(cooldown - since)
    out.close()


# ---- the measuring side ---------------------------------------------------------------------


def write_input(path: str, count: int) -> None:
    with open(path, "w") as handle:
        for i in range(count):
            body = {
                "model": "text-embedding-3-small",
                "input": f"document {i}: " + "lorem ipsum " * (i % 9),
                "dimensions": 8,
            }
            line = {"custom_id": f"doc-{i}", "method": "POST", "url": "/v1/embeddings"}
            handle.write(json.dumps({**line, "body": body}) + "\n")


class Meter:
    """Wraps the emulator's rate-limit check: requests let through (with times) and 429s."""

    def __init__(self, limits: Any) -> None:
        self.limits = limits
        self.check = limits.check
        limits.check = self._check
        self.reset()

    def reset(self) -> None:
        self.passed: List[float] = []
        self.tokens = 0
        self.refused = 0
        self.fresh = True

    def _check(self, tokens: int) -> Dict[str, str]:
        if self.fresh:  # a run's first request finds the buckets empty: a server at its limit
            self.fresh = False
            self.first = time.monotonic()
            self.limits._buckets.clear()
            self.check(0)
            for bucket in self.limits._buckets.values():
                bucket.level = 0.0
        try:
            headers: Dict[str, str] = self.check(tokens)
        except Exception:
            self.refused += 1
            raise
        self.passed.append(time.monotonic())
        self.tokens += max(1, tokens)
        return headers


def measure(
    name: str,
    commands: List[List[str]],
    meter: Meter,
    env: Dict[str, str],
    rpm: float,
    tpm: float,
    count: int,
) -> Dict[str, Any]:
    """Run the commands at once (one process each) and measure them together."""
    meter.reset()
    start = time.monotonic()
    processes = [
        subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for argv in commands
    ]
    ends = [process.communicate(timeout=1800) for process in processes]
    wall = time.monotonic() - start
    for process, (_out, err) in zip(processes, ends):
        if process.returncode not in (0, 1):
            raise SystemExit(f"{name} failed: {err[-2000:]}")
    first, last = meter.first, meter.passed[-1]  # from the first request in to the last out
    minutes = (last - first) / 60
    rate = len(meter.passed) / minutes if minutes else 0.0
    token_rate = meter.tokens / minutes if minutes else 0.0
    share = max(rate / rpm, token_rate / tpm if tpm else 0.0)  # of the binding limit
    sent = len(meter.passed) + meter.refused
    return {
        "runner": name,
        "processes": len(commands),
        "sent_rpm": round(sent / minutes) if minutes else 0,
        "sent_pct": round(100 * sent / minutes / rpm, 1) if minutes else 0.0,
        "requests": count,
        "throughput_rpm": round(rate),
        "throughput_tpm": round(token_rate),
        "share_of_limit": round(share, 3),
        "wall_s": round(wall, 1),
        "refused_429": meter.refused,
        "share_429": round(meter.refused / sent, 4) if sent else 0.0,
        "share_of_limit_pct": round(100 * share, 1),
        "share_429_pct": round(100 * meter.refused / sent, 2) if sent else 0.0,
    }


RESULTS = Path(__file__).resolve().parent / "results" / "bulk.json"


def table(run: Dict[str, Any]) -> str:
    """The docs table of one saved run."""
    if run.get("shared"):
        return shared_table(run)
    tokens = bool(run["tpm"])
    lines = [
        f"`{run['command']}` ({run['date']}, commit {run['commit']}):",
        "",
        "| runner | req/min |"
        + (" tokens/min |" if tokens else "")
        + " of the limit | 429s (of all requests sent) | wall s |",
        "|---|---:|" + ("---:|" if tokens else "") + "---:|---:|---:|",
    ]
    for row in run["rows"]:
        lines.append(
            f"| {row['runner']} | {row['throughput_rpm']} |"
            + (f" {row['throughput_tpm']} |" if tokens else "")
            + f" {row['share_of_limit_pct']:.1f} % | {row['refused_429']} "
            f"({row['share_429_pct']:.2f} %) | {row['wall_s']:.1f} |"
        )
    return "\n".join(lines)


def shared_table(run: Dict[str, Any]) -> str:
    """The docs table of a ``--shared`` run: per number of processes, each way of pacing."""
    lines = [
        f"`{run['command']}` ({run['date']}, commit {run['commit']}):",
        "",
        "| processes | runner | let through, req/min | of the limit | sent, req/min "
        "| sent, of the limit | 429s (of all requests sent) | wall s |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in run["rows"]:
        lines.append(
            f"| {row['processes']} | {row['runner']} | {row['throughput_rpm']} "
            f"| {row['share_of_limit_pct']:.1f} % | {row['sent_rpm']} | {row['sent_pct']:.1f} % "
            f"| {row['refused_429']} ({row['share_429_pct']:.2f} %) | {row['wall_s']:.1f} |"
        )
    return "\n".join(lines)


class RedisServer:
    """A redis-server on a free loopback port, in a temporary directory, for ``--shared``."""

    def __init__(self, directory: str) -> None:
        import shutil
        import socket

        binary = shutil.which("redis-server")
        if binary is None:
            raise SystemExit("--shared needs redis-server: bash scripts/services/redis.sh")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{port}/0"
        options = ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory]
        self.process = subprocess.Popen(
            [binary, "--port", str(port), *options], stdout=subprocess.DEVNULL
        )
        for _ in range(500):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.02)
        raise SystemExit("redis-server did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def split(source: str, parts: int) -> List[str]:
    """``source`` dealt into ``parts`` files beside it: one input split between processes."""
    with open(source) as handle:
        lines = handle.readlines()
    names = []
    for part in range(parts):
        name = f"{source}.{parts}-{part}"
        with open(name, "w") as handle:
            handle.writelines(lines[part::parts])
        names.append(name)
    return names


def shared_runs(
    counts: List[int], tmp: str, source: str, cli: List[str], worker: List[str], args: Any
) -> List[Tuple[str, List[List[str]]]]:
    """For each number of processes: sharing the limit in Redis, pacing alone, the cookbook."""
    redis = RedisServer(tmp)
    atexit.register(redis.stop)
    tokens = str(args.tpm or 10**9)
    limits = ["--rpm", str(args.rpm)] + (["--tpm", str(args.tpm)] if args.tpm else [])
    runs = []
    for count in counts:
        parts = split(source, count)
        out = [os.path.join(tmp, f"{count}-{part}") for part in range(count)]
        shared = ["--limiter", redis.url, "--limiter-key", f"bench-{count}", *limits]
        runs += [
            (
                "bulk run --limiter redis://",
                [[*cli, part, f"{o}.shared", *shared] for part, o in zip(parts, out)],
            ),
            (
                "bulk run, each pacing alone",
                [[*cli, part, f"{o}.alone", *limits] for part, o in zip(parts, out)],
            ),
            (
                "cookbook approach, each alone",
                [
                    [*worker[:-1], part, f"{o}.cook", str(args.rpm), tokens]
                    for part, o in zip(parts, out)
                ],
            ),
        ]
    return runs


def update_docs(doc: str) -> None:
    for key, run in json.loads(RESULTS.read_text())["runs"].items():
        results_file.update_block(Path(doc), RESULTS, key, table(run))


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=1500)
    parser.add_argument("--rpm", type=int, default=6000)
    parser.add_argument("--tpm", type=int, default=0, help="0: no token limit")
    parser.add_argument("--cookbook-worker", nargs=5, metavar="ARG", help=argparse.SUPPRESS)
    parser.add_argument("--only", help="run only the runners whose name contains this")
    parser.add_argument("--json", help="also write the rows to this JSONL file")
    parser.add_argument(
        "--save", metavar="KEY", help=f"record the run as runs/KEY of {RESULTS.name}"
    )
    parser.add_argument("--docs", help="rewrite this page's tables from the saved runs")
    parser.add_argument(
        "--shared",
        metavar="1,2,4",
        help="these numbers of processes under one limit: shared in Redis, alone, cookbook",
    )
    args = parser.parse_args(argv)
    measured = results_file.provenance(["benchmarks/bench_bulk.py", *(argv or sys.argv[1:])])
    if args.docs and not args.save:
        update_docs(args.docs)
        return 0
    from openai_rest.bulk import estimate_tokens

    def estimate(url: str, body: Dict[str, Any]) -> int:
        return estimate_tokens(url, body, use_tiktoken=False)

    if args.cookbook_worker:
        base_url, source, target, rpm, tpm = args.cookbook_worker
        asyncio.run(cookbook(base_url, source, target, float(rpm), float(tpm), estimate))
        return 0

    from openai_rest.emulator import Emulator

    tpm = args.tpm or None
    emulator = Emulator(rpm=args.rpm, tpm=tpm)
    base_url = emulator.start()
    meter = Meter(emulator.faults.limits)
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env.update(OPENAI_BASE_URL=base_url, OPENAI_API_KEY="sk-bench")
    tokens = args.tpm or 10**9
    cli = [sys.executable, "-m", "openai_rest", "bulk", "run"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "in.jsonl")
        write_input(source, args.requests)
        limits = ["--rpm", str(args.rpm)] + (["--tpm", str(args.tpm)] if args.tpm else [])
        worker = [sys.executable, __file__, "--cookbook-worker", base_url, source]
        runs = [
            ("openai-rest bulk run --rpm/--tpm", [[*cli, source, os.path.join(tmp, "a"), *limits]]),
            ("openai-rest bulk run (headers only)", [[*cli, source, os.path.join(tmp, "b")]]),
            (
                "cookbook approach (same limits)",
                [[*worker, os.path.join(tmp, "c"), str(args.rpm), str(tokens)]],
            ),
        ]
        if args.shared:
            counts = [int(count) for count in args.shared.split(",")]
            runs = shared_runs(counts, tmp, source, cli, worker, args)
        for name, commands in runs:
            if args.only and args.only not in name:
                continue
            row = measure(name, commands, meter, env, args.rpm, args.tpm, args.requests)
            rows.append(row)
            print(json.dumps(row), flush=True)
    emulator.stop()
    print(
        f"\nemulator limits: {args.rpm} rpm"
        + (f", {args.tpm} tpm" if args.tpm else "")
        + f"; {args.requests} embeddings requests; buckets empty at start\n"
    )
    print("| processes | runner | req/min | tokens/min | of the limit | sent | 429s | wall |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['processes']} | {row['runner']} | {row['throughput_rpm']} "
            f"| {row['throughput_tpm']} | {100 * row['share_of_limit']:.1f} % "
            f"| {row['sent_pct']:.1f} % | {row['refused_429']} ({100 * row['share_429']:.2f} %) "
            f"| {row['wall_s']} s |"
        )
    if args.json:
        with open(args.json, "a") as handle:
            for row in rows:
                handle.write(json.dumps({**row, "rpm": args.rpm, "tpm": args.tpm}) + "\n")
    if args.save:
        run = {"requests": args.requests, "rpm": args.rpm, "tpm": args.tpm, "rows": rows}
        if args.shared:
            run["shared"] = args.shared
        results_file.save(RESULTS, args.save, run, measured)
        if args.docs:
            update_docs(args.docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
