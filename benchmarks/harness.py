"""The measurement harness shared by every case; runs inside the child process.

Each case builds a call (a closure around one client) and hands it to one of these
functions, so that every client is timed by exactly the same code.
"""

from __future__ import annotations

import asyncio
import gc
import os
import resource
import time
from collections.abc import Awaitable
from typing import Any, Callable, Optional

Metrics = dict[str, object]
AsyncCall = Callable[[], Awaitable[object]]
AsyncSetup = Callable[[], Awaitable[tuple[AsyncCall, Callable[[], Awaitable[None]]]]]

_PAGE = os.sysconf("SC_PAGE_SIZE")
_TICK = os.sysconf("SC_CLK_TCK")
MB = 1024 * 1024


def rss_mb() -> float:
    """Current resident set size of this process."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * _PAGE / MB


def peak_rss_mb() -> float:
    """Peak resident set size of this process image so far (VmHWM).

    Not ``ru_maxrss``: Linux carries into it the RSS of the parent that forked the child, so
    a small child of a bigger parent would report the parent's size.
    """
    try:
        with open("/proc/self/status") as f:
            hwm = next(line for line in f if line.startswith("VmHWM:"))
        return int(hwm.split()[1]) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class ServerCPU:
    """CPU seconds used by the fake server (another process) between two readings."""

    def __init__(self, pid: Optional[int]) -> None:
        self.pid = pid
        self.start = self._read()

    def _read(self) -> float:
        if not self.pid:
            return 0.0
        try:
            with open(f"/proc/{self.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / _TICK

    def used(self) -> float:
        return self._read() - self.start


class Timer:
    """Process CPU time, wall time and server CPU over one timed section."""

    def __init__(self, server_pid: Optional[int]) -> None:
        self.server_pid = server_pid

    def __enter__(self) -> Timer:
        gc.collect()
        self.server = ServerCPU(self.server_pid)
        self.cpu0, self.wall0 = time.process_time(), time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.cpu = time.process_time() - self.cpu0
        self.wall = time.perf_counter() - self.wall0
        self.server_cpu = self.server.used()

    def metrics(self, per: int, unit: float, suffix: str) -> Metrics:
        """CPU and wall per item in the given unit (1e6 for µs, 1e3 for ms)."""
        return {
            f"cpu_{suffix}": self.cpu / per * unit,
            f"wall_{suffix}": self.wall / per * unit,
            "server_busy": self.server_cpu / self.wall if self.wall else 0.0,
        }


def per_call(
    call: Callable[[], object],
    n: int,
    warmup: int,
    server_pid: Optional[int],
    unit: str = "us",
) -> Metrics:
    """CPU and wall per call over n sequential calls after warm-up."""
    for _ in range(warmup):
        call()
    with Timer(server_pid) as t:
        for _ in range(n):
            call()
    return {**t.metrics(n, 1e6 if unit == "us" else 1e3, unit), "n": n}


def per_event(
    consume: Callable[[int], int], events: int, warmup: int, server_pid: Optional[int]
) -> Metrics:
    """CPU per event over one stream; consume(n) reads a stream of n events, returns its count."""
    consume(warmup)
    with Timer(server_pid) as t:
        got = consume(events)
    if got != events:
        raise AssertionError(f"stream gave {got} events, expected {events}")
    return {**t.metrics(events, 1e6, "us"), "events": events}


async def _drive(call: AsyncCall, n: int, concurrency: int) -> None:
    todo = iter(range(n))

    async def worker() -> None:
        for _ in todo:
            await call()

    await asyncio.gather(*(worker() for _ in range(min(concurrency, n))))


def per_async(
    setup: AsyncSetup, n: int, concurrency: int, warmup: int, server_pid: Optional[int]
) -> Metrics:
    """Requests per second for n requests at the given concurrency, after a warm-up."""

    async def main() -> Metrics:
        call, close = await setup()
        try:
            await _drive(call, warmup, concurrency)
            with Timer(server_pid) as t:
                await _drive(call, n, concurrency)
        finally:
            await close()
        return {"req_s": n / t.wall, **t.metrics(n, 1e6, "us"), "n": n}

    return asyncio.run(main())


def peak_during(call: Callable[[], Any]) -> tuple[Any, Metrics]:
    """Run call once; the process's peak RSS and its growth over the RSS before the call."""
    before = rss_mb()
    t0 = time.perf_counter()
    result = call()
    wall = time.perf_counter() - t0
    peak = peak_rss_mb()
    return result, {"peak_rss_mb": peak, "growth_mb": peak - before, "wall_s": wall}


def rss_over_time(call: Callable[[], object], checkpoints: list[int]) -> Metrics:
    """RSS after each checkpoint (a cumulative request count) through one client."""
    done, rss = 0, {}
    for mark in sorted(checkpoints):
        for _ in range(mark - done):
            call()
        done = mark
        gc.collect()
        rss[str(mark)] = rss_mb()
    values = list(rss.values())
    return {"rss_mb": rss, "growth_mb": values[-1] - values[0], "requests": done}
