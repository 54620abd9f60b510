"""Soak: RSS and open file descriptors of one long-lived client over many calls.

- ``sync``: small chat completions through one ``Client``, one after another;
- ``async``: short chat streams (10 events each) through one ``AsyncClient``, 50 at a time.

Both against the loopback fake server (``fake_server.py``), each in its own child process.
RSS and the number of open file descriptors are sampled at checkpoints after a warm-up; the
verdict is RSS flat (growth after warm-up at most 5 MB) and no descriptor growth.

    python benchmarks/bench_soak.py [--scale 1.0] [--save] [--docs docs/performance.md]

``--scale`` multiplies the counts (1,000,000 requests and 100,000 streams at 1.0): ``--scale
0.01`` is a quick check. ``--save`` records the run in ``benchmarks/results/soak.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import results_file  # noqa: E402

RESULTS = HERE / "results" / "soak.json"
KEY = "soak"
GROWTH_MB = 5.0
"""The most RSS may grow after warm-up for the soak to count as flat."""
FULL = {"sync": 1_000_000, "async": 100_000}
CHECKPOINTS = 5

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


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the counts")
    parser.add_argument("--save", action="store_true", help=f"record in {RESULTS.name}")
    parser.add_argument("--docs", help="rewrite the soak block of this page from the saved run")
    args = parser.parse_args(argv)
    measured = results_file.provenance(["benchmarks/bench_soak.py", *(argv or sys.argv[1:])])
    if args.docs and not args.save:  # the page from the saved run, nothing measured
        results_file.record(RESULTS, KEY, None, measured, args.docs, table)
        return 0
    run: Dict[str, Any] = {"scale": args.scale}
    with fake_server() as url:
        for kind, full in FULL.items():
            run[kind] = soak(kind, url, max(int(full * args.scale), 200))
            r = run[kind]
            print(
                f"{kind}: {r['total']} calls, RSS growth {r['rss_growth_mb']} MB, "
                f"fd growth {r['fd_growth']}, flat: {r['flat']}",
                flush=True,
            )
    print(table(run))
    if args.save or args.docs:
        results_file.record(RESULTS, KEY, run if args.save else None, measured, args.docs, table)
    return 0 if all(run[k]["flat"] for k in FULL) else 1


if __name__ == "__main__":
    sys.exit(main())
