"""Run the benchmark suite: ``python benchmarks/run.py [--quick] [--only NAME[,NAME]]``.

Starts the loopback fake server pinned to one CPU, then runs every (benchmark, client) in its
own child process pinned to the other CPU, clients rotated each repetition, and writes
``benchmarks/results/<latest|quick|partial|profile>.{jsonl,md,figures.json}`` plus a ratio
chart; only a full run (every benchmark, full settings) writes the published ``latest.*``.
Goals are reported as PASS/MISS; the exit status is non-zero only when a benchmark crashed.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import report  # noqa: E402
from cases import CASES, IMPORTS, PROFILE_ENV, SKIP_EXIT, import_command  # noqa: E402

BENCHES = ["import", *CASES]
MB = 1024 * 1024


@dataclass(frozen=True)
class Settings:
    reps: int = 5
    n: int = 2000  # sequential and async requests
    warmup: int = 200
    events: int = 20_000
    concurrency: int = 100
    calls: int = 5  # embeddings calls per child
    import_runs: int = 3  # import children per repetition
    upload_mb: int = 300
    checkpoints: tuple[int, ...] = (10_000, 50_000, 100_000)
    timeout_s: float = 600.0


FULL = Settings()
QUICK = Settings(
    reps=1,
    n=500,
    warmup=100,
    events=2000,
    calls=1,
    import_runs=1,
    upload_mb=300,
    checkpoints=(1000, 2000, 4000),
    timeout_s=60.0,
)


def cpus() -> tuple[Optional[set[int]], Optional[set[int]]]:
    """(server CPUs, client CPUs): one CPU for the server, another for the clients."""
    allowed = sorted(os.sched_getaffinity(0))
    if len(allowed) < 2:
        return None, None
    return {allowed[0]}, {allowed[1]}


def pinned(cpu: Optional[set[int]]) -> Optional[Callable[[], None]]:
    """A preexec_fn doing what ``taskset -c`` does, without an extra exec in the timings."""
    return None if cpu is None else (lambda: os.sched_setaffinity(0, cpu))


def child_env(profile_dir: str = "") -> dict[str, str]:
    env = dict(os.environ)
    if profile_dir:
        env[PROFILE_ENV] = profile_dir
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@contextlib.contextmanager
def fake_server(events: int, cpu: Optional[set[int]]) -> Iterator[tuple[str, int]]:
    """Start the fake server; yield (base URL, pid); stop it."""
    cmd = [sys.executable, str(HERE / "fake_server.py"), "--stream-events", str(events)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, preexec_fn=pinned(cpu))
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        match = re.match(r"PORT (\d+)", line)
        if not match:
            raise RuntimeError(f"fake server did not start: {line!r}")
        yield f"http://127.0.0.1:{match.group(1)}/v1", proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def make_upload(directory: str, size_mb: int) -> tuple[str, str]:
    """A file of random bytes; returns (path, sha256)."""
    path = os.path.join(directory, "upload.bin")
    digest = hashlib.sha256()
    with open(path, "wb") as f:
        for _ in range(size_mb):
            block = os.urandom(MB)
            digest.update(block)
            f.write(block)
    return path, digest.hexdigest()


def machine() -> str:
    model = "unknown CPU"
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as f:
        found = re.search(r"model name\s*:\s*(.+)", f.read())
        model = found.group(1).strip() if found else model
    return (
        f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, {platform.system()}"
    )


def versions() -> dict[str, str]:
    out = {}
    for dist in ("openai", "httpx2", "httpx", "aiohttp", "urllib3", "numpy"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            out[dist] = metadata.version(dist)
    version_file = ROOT / "src" / "openai_rest" / "_version.py"
    found = (
        re.search(r"__version__\s*=\s*['\"]([^'\"]+)", version_file.read_text())
        if version_file.exists()
        else None
    )
    out["openai-rest"] = found.group(1) if found else "?"
    return out


def git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
        return out.stdout.strip() or "?"
    except OSError:
        return "?"


@dataclass
class Job:
    bench: str
    client: str
    cmd: list[str]


def jobs_for(bench: str, params: dict[str, Any]) -> list[Job]:
    if bench == "import":
        return [
            Job(bench, c, [sys.executable, "-c", import_command(m)]) for c, m in IMPORTS.items()
        ]
    script = str(HERE / "cases.py")
    return [
        Job(bench, c, [sys.executable, script, bench, c, json.dumps(params)]) for c in CASES[bench]
    ]


def run_job(
    job: Job, rep: int, timeout: float, expect: dict[str, Any], env: dict[str, str]
) -> dict[str, Any]:
    """Run one child (it inherits this process's CPU affinity); its JSON line is the result."""
    rec: dict[str, Any] = {"kind": "result", "bench": job.bench, "client": job.client, "rep": rep}
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(
            job.cmd,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        return {**rec, "status": "error", "reason": f"timed out after {timeout:.0f} s"}
    wall = time.perf_counter() - t0
    lines = proc.stdout.strip().splitlines()
    last = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else None
    if proc.returncode == SKIP_EXIT:
        reason = (last or {}).get("skipped", "not available")
        return {**rec, "status": "skipped", "reason": reason}
    if proc.returncode != 0 or last is None:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {
            **rec,
            "status": "error",
            "reason": f"exit {proc.returncode}: {tail}",
            "stderr": proc.stderr[-2000:],
        }
    if job.bench == "import":
        last["process_ms"] = wall * 1e3
    if job.bench.startswith("upload"):
        last["identical"] = last.get("sha256") == expect.get("sha256") and last.get(
            "bytes"
        ) == expect.get("bytes")
    return {**rec, "status": "ok", "metrics": last}


def warm_up_imports(params: dict[str, Any], timeout: float, env: dict[str, str]) -> None:
    """One untimed import child per client before the timed ones, the same for every client.

    The first import of a checkout compiles and writes its ``.pyc`` (pip did that for the
    installed SDK at install time) and reads files the page cache may not hold yet: without
    this, both land in whichever client's first repetition comes first.
    """
    for job in jobs_for("import", params):
        rec = run_job(job, -1, timeout, {}, env)
        print(f"[warm-up] import      {job.client:17}", describe(rec), flush=True)


def describe(rec: dict[str, Any]) -> str:
    if rec["status"] != "ok":
        return f"{rec['status'].upper()}: {rec.get('reason', '')}"
    shown = [(k, v) for k, v in rec["metrics"].items() if isinstance(v, (int, float))][:4]
    return "  ".join(f"{k}={report.fmt(float(v))}" for k, v in shown)


def schedule(benches: list[str], settings: Settings) -> Iterator[tuple[int, str, str]]:
    """(repetition id, progress label, benchmark) in run order.

    Every benchmark runs in each repetition; imports, cheap and noisy, `import_runs` times
    (each its own repetition id, so ratios still pair neighbours); memory only once.
    """
    for rep in range(settings.reps):
        for bench in benches:
            if bench == "memory" and rep:
                continue  # one long run is enough to see a leak
            runs = settings.import_runs if bench == "import" else 1
            for sub in range(runs):
                yield rep * runs + sub, f"{rep + 1}/{settings.reps}", bench


def rotate(items: list[Job], by: int) -> list[Job]:
    by %= max(len(items), 1)
    return items[by:] + items[:by]


PUBLISHED = "latest"
"""The stem of the published run (results/latest.*), which the docs' figures name."""


def run_kind(quick: bool, only: bool, reps: bool, profile: bool, out: str) -> tuple[str, str]:
    """The run's mode and results stem: only a run of every benchmark at the full settings is
    ``full`` and writes ``latest.*``; ``--only``/``--reps`` make a ``partial`` run."""
    mode = "quick" if quick else "profile" if profile else "partial" if only or reps else "full"
    return mode, out or (PUBLISHED if mode == "full" else mode)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="openai-rest benchmarks, side by side.")
    parser.add_argument(
        "--quick", action="store_true", help="a smoke run: one repetition, small counts, < 1 min"
    )
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated benchmarks (prefix match): " + ", ".join(BENCHES),
    )
    parser.add_argument("--reps", type=int, default=0, help="override the number of repetitions")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="profile each case with cProfile into results/profiles/ (timings then mean nothing)",
    )
    parser.add_argument(
        "--out",
        default="",
        help="results stem (default: latest for a full run, else quick, partial or profile)",
    )
    args = parser.parse_args(argv)

    settings = QUICK if args.quick else FULL
    if args.reps or args.profile:
        settings = replace(settings, reps=args.reps or 1)
    wanted = [w for w in args.only.split(",") if w]
    benches = [b for b in BENCHES if not wanted or any(b.startswith(w) for w in wanted)]
    if not benches:
        parser.error(f"--only matched nothing; choose from {', '.join(BENCHES)}")

    mode, stem = run_kind(args.quick, bool(wanted), bool(args.reps), args.profile, args.out)
    if stem == PUBLISHED and mode != "full":
        parser.error(f"only a full run (no --quick, --only, --reps or --profile) writes {stem}.*")
    out_dir = HERE / "results"
    out_dir.mkdir(exist_ok=True)
    jsonl = out_dir / f"{stem}.jsonl"
    profile_dir = ""
    if args.profile:
        profile_dir = str(out_dir / "profiles")
        os.makedirs(profile_dir, exist_ok=True)
    env = child_env(profile_dir)
    server_cpu, client_cpu = cpus()

    started = time.perf_counter()
    crashed = 0
    with tempfile.TemporaryDirectory(prefix="openai-rest-bench-") as tmp, jsonl.open("w") as out:
        expect: dict[str, Any] = {}
        upload_path = ""
        if any(b.startswith("upload") for b in benches):
            upload_path, sha = make_upload(tmp, settings.upload_mb)
            expect = {"sha256": sha, "bytes": settings.upload_mb * MB}
        with fake_server(settings.events, server_cpu) as (url, server_pid):
            if client_cpu:  # this process and so every child, which inherits it
                os.sched_setaffinity(0, client_cpu)
            params = {
                "url": url,
                "server_pid": server_pid,
                "n": settings.n,
                "warmup": settings.warmup,
                "events": settings.events,
                "concurrency": settings.concurrency,
                "calls": settings.calls,
                "upload_path": upload_path,
                "checkpoints": list(settings.checkpoints),
            }
            meta = {
                "kind": "meta",
                "mode": mode,
                "command": " ".join(["python benchmarks/run.py", *(argv or sys.argv[1:])]),
                "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                "machine": machine(),
                "versions": versions(),
                "commit": git_commit(),
                "pinning": f"server CPU {server_cpu}, clients CPU {client_cpu}"
                if client_cpu
                else "none (1 CPU)",
                "settings": asdict(settings),
            }
            out.write(json.dumps(meta) + "\n")
            print(f"{meta['machine']}; {meta['pinning']}; {settings.reps} rep(s); server at {url}")
            if "import" in benches:
                warm_up_imports(params, settings.timeout_s, env)
            for rep, label, bench in schedule(benches, settings):
                for job in rotate(jobs_for(bench, params), rep):
                    rec = run_job(job, rep, settings.timeout_s, expect, env)
                    crashed += rec["status"] == "error"
                    out.write(json.dumps(rec) + "\n")
                    out.flush()
                    print(f"[{label}] {bench:11} {job.client:17}", describe(rec), flush=True)
                    if rec["status"] == "error" and rec.get("stderr"):
                        print(rec["stderr"], file=sys.stderr)

    report.write(jsonl)
    print(f"{time.perf_counter() - started:.1f} s in all; {crashed} crashed")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
