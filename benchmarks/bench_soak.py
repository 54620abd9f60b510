"""Soak: RSS and open file descriptors of long-lived clients and of a bulk job.

- ``sync``: small chat completions through one ``Client``, one after another;
- ``async``: short chat streams (10 events each) through one ``AsyncClient``, 50 at a time;
- ``bulk``: ``openai-rest bulk run`` (the command, in a child process) over a generated JSONL
  input of small chat requests, its RSS, descriptors and output sampled from this process by
  the lines it has written.

All against the loopback fake server (``fake_server.py``), each in its own child process.
RSS and the number of open file descriptors are sampled at checkpoints after a warm-up; the
verdict is RSS flat (growth after warm-up at most 5 MB) and no descriptor growth.

    python benchmarks/bench_soak.py [--scale 1.0] [--tier clients|bulk] [--save]
        [--docs docs/performance.md]

``--scale`` multiplies the counts (1,000,000 requests, 100,000 streams and a 1,000,000-line
bulk input at 1.0): ``--scale 0.01`` is a quick check. ``--tier`` runs one tier only
(``clients``: sync and async; ``bulk``); by default both. ``--save`` records each tier's run
in ``benchmarks/results/soak.json`` (``runs/soak`` and ``runs/bulk``); ``--docs`` rewrites
the page's blocks from the saved runs.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import results_file  # noqa: E402

RESULTS = HERE / "results" / "soak.json"
KEY = "soak"
BULK_KEY = "bulk"
GROWTH_MB = 5.0
"""The most RSS may grow after warm-up for the soak to count as flat."""
FULL = {"sync": 1_000_000, "async": 100_000}
CHECKPOINTS = 5
BULK_LINES = 1_000_000
BULK_CHECKPOINTS = 10
BULK_COMMAND = ["openai-rest", "--json", "bulk", "run"]
POLL_SECONDS = 0.05

CHILD = r"""
import asyncio, json, os, sys
import openai_rest

kind, url, total, checkpoints = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
config = openai_rest.Config(api_key="sk-soak", api_url=url, max_retries=0)
messages = [{"role": "user", "content": "Say hello."}]
warmup = max(total // 20, 100)
marks = sorted({warmup + (total - warmup) * (i + 1) // checkpoints for i in range(checkpoints)})


def sample(done):
    with open("/proc/self/status") as f:
        rss = [l for l in f if l.startswith("VmRSS:")][0].split()[1]
    fds = len(os.listdir("/proc/self/fd"))
    return {"calls": done, "rss_mb": round(int(rss) / 1024, 2), "fds": fds}


rows = []
if kind == "sync":
    client = openai_rest.Client(config)
    for done in range(1, total + 1):
        client.chat_completion(model="gpt-4o-mini", messages=messages)
        if done == warmup or done in marks:
            rows.append(sample(done))
    client.close()
else:
    async def main():
        done = 0
        async with openai_rest.AsyncClient(config) as client:
            async def one():
                stream = await client.chat_completion(
                    model="gpt-4o-mini", messages=messages, stream=True,
                    extra_headers={"x-bench-events": "10"},
                )
                async for _ in stream:
                    pass

            while done < total:
                batch = min(50, total - done)
                await asyncio.gather(*(one() for _ in range(batch)))
                before, done = done, done + batch
                if any(before < m <= done for m in [warmup, *marks]):
                    rows.append(sample(done))

    asyncio.run(main())
print(json.dumps(rows))
"""


@contextlib.contextmanager
def fake_server() -> Iterator[str]:
    cmd = [sys.executable, str(HERE / "fake_server.py"), "--stream-events", "10"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        found = re.match(r"PORT (\d+)", proc.stdout.readline())
        if not found:
            raise RuntimeError("the fake server did not start")
        yield f"http://127.0.0.1:{found.group(1)}/v1"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def soak(kind: str, url: str, total: int) -> Dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(HERE.parent / "src")}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, kind, url, str(total), str(CHECKPOINTS)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    rows: List[Dict[str, Any]] = json.loads(out.strip().splitlines()[-1])
    return verdict(rows, total)


def verdict(rows: List[Dict[str, Any]], total: int) -> Dict[str, Any]:
    """Growth of RSS and descriptors from the first sample (after warm-up) to the worst."""
    base, last = rows[0], rows[-1]
    growth = round(max(r["rss_mb"] for r in rows) - base["rss_mb"], 2)
    fd_growth = max(r["fds"] for r in rows) - base["fds"]
    return {
        "total": total,
        "rows": rows,
        "rss_growth_mb": growth,
        "fd_growth": fd_growth,
        "flat": growth <= GROWTH_MB and fd_growth <= 0,
        "final_rss_mb": last["rss_mb"],
    }


def write_requests(path: Path, lines: int) -> int:
    """A Batch API input of ``lines`` small chat requests, each with its own text; its bytes."""
    head = '{"custom_id":"req-%d","method":"POST","url":"/v1/chat/completions",'
    body = '"body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello %d."}]}}'
    template = head + body + "\n"
    with open(path, "w") as handle:
        for start in range(0, lines, 10_000):
            stop = min(start + 10_000, lines)
            handle.write("".join(template % (i, i) for i in range(start, stop)))
    return path.stat().st_size


class LineCounter:
    """The complete lines of a file another process appends to, counted as they come."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines = 0
        self.offset = 0

    def count(self) -> int:
        try:
            with open(self.path, "rb") as handle:
                handle.seek(self.offset)
                while True:
                    data = handle.read(1 << 20)
                    if not data:
                        break
                    self.offset += len(data)
                    self.lines += data.count(b"\n")
        except FileNotFoundError:  # the runner creates it at its first result
            pass
        return self.lines


def process_sample(pid: int) -> Dict[str, Any]:
    """RSS and its peak so far (MB), and open descriptors of a running process, from ``/proc``."""
    with open(f"/proc/{pid}/status") as status:
        fields = dict(line.split(":", 1) for line in status)
    rss, peak = (round(int(fields[name].split()[0]) / 1024, 2) for name in ("VmRSS", "VmHWM"))
    return {"rss_mb": rss, "peak_mb": peak, "fds": len(os.listdir(f"/proc/{pid}/fd"))}


def bulk_soak(url: str, lines: int) -> Dict[str, Any]:
    """``openai-rest bulk run`` over a generated input of ``lines`` requests, sampled by the
    lines of output written: after a warm-up (a twentieth), then at ``BULK_CHECKPOINTS``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env.update(PYTHONPATH=str(HERE.parent / "src"), OPENAI_BASE_URL=url, OPENAI_API_KEY="sk-soak")
    warmup = max(lines // 20, 100)
    last = lines - lines // 100  # the child exits right after its last line: sample before
    step = (last - warmup) / BULK_CHECKPOINTS
    marks = [warmup, *(warmup + round(step * (i + 1)) for i in range(BULK_CHECKPOINTS))]
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp, "requests.jsonl"), Path(tmp, "results.jsonl")
        input_bytes = write_requests(source, lines)
        command = [*BULK_COMMAND, str(source), str(target), "--no-progress"]
        with open(Path(tmp, "stderr"), "w+") as errors:
            start = time.monotonic()
            child = subprocess.Popen(
                [sys.executable, "-m", "openai_rest", *command[1:]],
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
                env=env,
            )
            counter, rows, peak = LineCounter(target), [], 0.0
            while child.poll() is None and marks:
                time.sleep(POLL_SECONDS)
                done = counter.count()
                if done < marks[0]:
                    continue
                try:
                    sample = process_sample(child.pid)
                except (OSError, KeyError):  # it has just exited
                    break
                output_mb = round(counter.offset / 1e6, 1)
                seconds = round(time.monotonic() - start, 1)
                peak = max(peak, sample.pop("peak_mb"))
                rows.append({"lines": done, "seconds": seconds, "output_mb": output_mb, **sample})
                marks = [m for m in marks if m > done]
            assert child.stdout is not None
            summary_text = child.stdout.read()
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = os.waitstatus_to_exitcode(status)
            elapsed = time.monotonic() - start
            errors.seek(0)
            if child.returncode != 0 or len(rows) < 2:
                problem = f"exit {child.returncode}, {len(rows)} samples"
                raise RuntimeError(f"bulk run: {problem}: {errors.read()[-2000:]}")
        summary = json.loads(summary_text)
        if summary["succeeded"] != lines or counter.count() != lines:
            raise RuntimeError(f"bulk run: {counter.lines} lines of {lines}: {summary}")
        output_bytes = target.stat().st_size
    result = verdict(rows, lines)
    result.update(
        bulk_command=" ".join([*command[:3], "requests.jsonl", "results.jsonl", *command[5:]]),
        input_mb=round(input_bytes / 1e6, 1),
        output_mb=round(output_bytes / 1e6, 1),
        seconds=round(elapsed, 1),
        lines_per_s=round(lines / elapsed),
        peak_rss_mb=max(peak, round(usage.ru_maxrss / 1024, 2)),  # Linux: KiB, whole run's
    )
    return result


def table(run: Dict[str, Any]) -> str:
    """The soak as a text table: RSS and descriptors at each checkpoint, then the verdict."""
    names = {"sync": "small requests, one Client", "async": "streams, one AsyncClient"}
    lines = ["| soak | calls | RSS MB | open fds |", "|---|---:|---:|---:|"]
    for kind in ("sync", "async"):
        for i, row in enumerate(run[kind]["rows"]):
            label = names[kind] + (" (after warm-up)" if i == 0 else "")
            lines.append(f"| {label} | {row['calls']} | {row['rss_mb']} | {row['fds']} |")
    lines += ["", "| soak | calls | RSS growth after warm-up MB | fd growth | flat |"]
    lines.append("|---|---:|---:|---:|---|")
    for kind in ("sync", "async"):
        r = run[kind]
        flat = "yes" if r["flat"] else "NO"
        lines.append(
            f"| {names[kind]} | {r['total']} | {r['rss_growth_mb']} | {r['fd_growth']} | {flat} |"
        )
    return "\n".join(lines)


def bulk_table(run: Dict[str, Any]) -> str:
    """The bulk soak as a text table: progress, RSS and descriptors by lines done, the verdict."""
    lines = [
        "| lines done | s | output MB | RSS MB | open fds |",
        "|---:|---:|---:|---:|---:|",
    ]
    for i, row in enumerate(run["rows"]):
        label = f"{row['lines']}" + (" (after warm-up)" if i == 0 else "")
        lines.append(
            f"| {label} | {row['seconds']} | {row['output_mb']} | {row['rss_mb']} | {row['fds']} |"
        )
    flat = "yes" if run["flat"] else "NO"
    lines += [
        "",
        "| input lines | input MB | output MB | s | lines/s | peak RSS MB "
        "| RSS growth after warm-up MB | fd growth | flat |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        f"| {run['total']} | {run['input_mb']} | {run['output_mb']} | {run['seconds']} "
        f"| {run['lines_per_s']} | {run['peak_rss_mb']} | {run['rss_growth_mb']} "
        f"| {run['fd_growth']} | {flat} |",
    ]
    return "\n".join(lines)


def update_docs(doc: str, measured: Dict[str, Any]) -> None:
    """Rewrite the page's block of each tier saved in the results file."""
    saved = json.loads(RESULTS.read_text()).get("runs", {}) if RESULTS.exists() else {}
    for key, make in ((KEY, table), (BULK_KEY, bulk_table)):
        if key in saved:
            results_file.record(RESULTS, key, None, measured, doc, make)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the counts")
    parser.add_argument(
        "--tier", choices=("clients", "bulk"), help="run only this tier (default: both)"
    )
    parser.add_argument("--save", action="store_true", help=f"record in {RESULTS.name}")
    parser.add_argument("--docs", help="rewrite the soak blocks of this page from the saved runs")
    args = parser.parse_args(argv)
    measured = results_file.provenance(["benchmarks/bench_soak.py", *(argv or sys.argv[1:])])
    if args.docs and not args.save:  # the page from the saved runs, nothing measured
        update_docs(args.docs, measured)
        return 0
    runs: Dict[str, Dict[str, Any]] = {}
    with fake_server() as url:
        if args.tier in (None, "clients"):
            run: Dict[str, Any] = {"scale": args.scale}
            for kind, full in FULL.items():
                run[kind] = soak(kind, url, max(int(full * args.scale), 200))
                r = run[kind]
                print(
                    f"{kind}: {r['total']} calls, RSS growth {r['rss_growth_mb']} MB, "
                    f"fd growth {r['fd_growth']}, flat: {r['flat']}",
                    flush=True,
                )
            print(table(run))
            runs[KEY] = run
        if args.tier in (None, "bulk"):
            bulk = bulk_soak(url, max(int(BULK_LINES * args.scale), 2000))
            bulk["scale"] = args.scale
            print(
                f"bulk: {bulk['total']} lines in {bulk['seconds']} s ({bulk['lines_per_s']}/s), "
                f"RSS growth {bulk['rss_growth_mb']} MB, fd growth {bulk['fd_growth']}, "
                f"flat: {bulk['flat']}",
                flush=True,
            )
            print(bulk_table(bulk))
            runs[BULK_KEY] = bulk
    for key, data in runs.items():
        if args.save:
            results_file.save(RESULTS, key, data, measured)
    if args.docs:
        update_docs(args.docs, measured)
    flat = [runs[KEY][k]["flat"] for k in FULL] if KEY in runs else []
    flat += [runs[BULK_KEY]["flat"]] if BULK_KEY in runs else []
    return 0 if all(flat) else 1


if __name__ == "__main__":
    sys.exit(main())
