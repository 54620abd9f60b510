"""Many ``bulk run`` processes under one rate limit kept in a real redis-server, against the
emulator's own count: the limit held, Redis killed and restarted, processes killed."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from typing import Any, Callable, List, Tuple

import pytest

from counting import Counting
from openai_rest.emulator.pytest_plugin import EmulatorHandle
from redisd import RedisServer

from .conftest import assert_exactly_once, write_input

RPM = 6000  # 100 a second: short runs, and many requests in them


def at_limit(emulator: EmulatorHandle, rpm: int) -> Counting:
    """The emulator limited to ``rpm``, its bucket holding one second's worth at the start (a
    server just used at its limit), counting what it lets through and when."""
    limits = emulator.faults.limits
    limits.rpm = rpm
    limits.check(0)
    limits._buckets["requests"].level = rpm / 60.0
    return Counting(limits)


def split(tmp_path: Any, count: int, parts: int) -> Tuple[List[str], List[str], List[str]]:
    """One input of ``count`` requests split ``parts`` ways: the parts, their outputs, the ids."""
    whole = str(tmp_path / "all.jsonl")
    ids = write_input(whole, count, kind="embeddings")
    with open(whole) as handle:
        lines = handle.readlines()
    sources, targets = [], []
    for part in range(parts):
        source = str(tmp_path / f"in-{part}.jsonl")
        with open(source, "w") as handle:
            handle.writelines(lines[part::parts])
        sources.append(source)
        targets.append(str(tmp_path / f"out-{part}.jsonl"))
    return sources, targets, ids


def start_all(
    bulk_cli: Callable[..., subprocess.Popen[str]],
    sources: List[str],
    targets: List[str],
    options: List[str],
) -> List[subprocess.Popen[str]]:
    """One ``bulk run`` per part, all at once."""
    return [bulk_cli("bulk", "run", s, t, *options) for s, t in zip(sources, targets)]


def finish(processes: List[subprocess.Popen[str]]) -> List[str]:
    """Wait for each; every one succeeded; their standard errors."""
    errors = []
    for process in processes:
        _out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        errors.append(err)
    return errors


def outputs(targets: List[str]) -> str:
    merged = targets[0] + ".merged"
    with open(merged, "wb") as out:
        for target in targets:
            if os.path.exists(target):
                with open(target, "rb") as handle:
                    out.write(handle.read())
    return merged


def test_four_processes_share_one_limit(
    tmp_path: Any,
    openai_emulator: EmulatorHandle,
    redis_server: RedisServer,
    bulk_cli: Callable[..., subprocess.Popen[str]],
) -> None:
    sources, targets, ids = split(tmp_path, 1200, 4)
    timed = at_limit(openai_emulator, RPM)
    shared = ["--rpm", str(RPM), "--limiter", redis_server.url]
    processes = start_all(bulk_cli, sources, targets, shared)
    finish(processes)
    assert_exactly_once(outputs(targets), ids)
    rate, span = timed.rate()
    print(f"4 processes sharing {RPM} rpm: {rate:.0f} rpm over {span:.1f} s, {timed.refused} 429s")
    assert span > 5
    assert rate <= RPM * 1.02, rate  # at or under the limit
    assert rate >= RPM * 0.95, rate  # and near it, over the whole run
    assert timed.refused < 0.01 * timed.passed, timed.refused


def test_a_retry_after_seen_by_one_process_holds_them_all(
    tmp_path: Any,
    openai_emulator: EmulatorHandle,
    redis_server: RedisServer,
    bulk_cli: Callable[..., subprocess.Popen[str]],
) -> None:
    sources, targets, ids = split(tmp_path, 600, 2)
    timed = at_limit(openai_emulator, 60_000)
    shared = ["--rpm", "6000", "--limiter", redis_server.url]
    processes = start_all(bulk_cli, sources, targets, shared)
    deadline = time.monotonic() + 30
    while timed.passed < 150 and time.monotonic() < deadline:  # both under way
        time.sleep(0.05)
    openai_emulator.faults.inject("429; retry-after-ms=1500; times=1")
    finish(processes)
    assert_exactly_once(outputs(targets), ids)
    gaps = [later - earlier for earlier, later in zip(timed.times, timed.times[1:])]
    assert max(gaps) >= 1.2, max(gaps)  # nobody sent while the 429's retry-after ran


def test_redis_killed_and_restarted_and_a_process_killed_mid_run_each_id_once(
    tmp_path: Any,
    openai_emulator: EmulatorHandle,
    redis_server: RedisServer,
    bulk_cli: Callable[..., subprocess.Popen[str]],
) -> None:
    sources, targets, ids = split(tmp_path, 1000, 4)
    timed = at_limit(openai_emulator, RPM)
    shared = ["--rpm", str(RPM), "--limiter", redis_server.url]
    processes = start_all(bulk_cli, sources, targets, shared)
    time.sleep(3.0)
    t0 = time.monotonic()
    redis_server.kill()
    time.sleep(1.5)
    processes[3].send_signal(signal.SIGKILL)
    time.sleep(0.5)
    redis_server.start()
    errors = finish(processes[:3])
    processes[3].communicate()
    again = bulk_cli("bulk", "run", sources[3], targets[3], *shared)  # the killed one resumes
    _out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert_exactly_once(outputs(targets), ids)
    text = "\n".join(errors)
    assert "unreachable" in text and "pacing this process alone at 1/4" in text, text
    assert "is back" in text, text
    when = [round(at - t0, 2) for at in timed.refused_times]  # seconds after Redis was killed
    assert timed.refused < 0.02 * timed.passed, (timed.refused, when)


def test_fallback_stop_ends_the_run_cleanly_and_a_rerun_finishes(
    tmp_path: Any,
    openai_emulator: EmulatorHandle,
    redis_server: RedisServer,
    bulk_cli: Callable[..., subprocess.Popen[str]],
) -> None:
    source, target = str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")
    ids = write_input(source, 400, kind="embeddings")
    shared = ["--rpm", "3000", "--limiter", redis_server.url, "--limiter-key", "stop-test"]
    process = bulk_cli("bulk", "run", source, target, *shared, "--limiter-fallback", "stop")
    time.sleep(2.0)
    redis_server.kill()
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "unreachable" in err and "run again" in err, err
    with open(target) as handle:
        done = sum(1 for _ in handle)
    assert 0 < done < 400
    redis_server.start()
    again = bulk_cli("bulk", "run", source, target, *shared)
    _out, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    assert_exactly_once(target, ids)


def test_library_run_takes_a_redis_url(
    tmp_path: Any, openai_emulator: EmulatorHandle, redis_server: RedisServer
) -> None:
    from openai_rest import Config
    from openai_rest.bulk import run

    source, target = str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")
    ids = write_input(source, 30, kind="embeddings")
    config = Config(api_key="sk-bulk", api_url=openai_emulator.base_url)
    summary = run(source, target, rpm=600, limiter=redis_server.url, config=config, progress=False)
    assert summary.succeeded == 30
    assert_exactly_once(target, ids)
    names = redis_server.client().keys("*")  # type: ignore[attr-defined]
    assert names and all(b"sk-bulk" not in name for name in names)
    with pytest.raises(ValueError, match="rpm/tpm"):
        from openai_rest import Limiter

        run(source, target, rpm=5, limiter=Limiter(rpm=5), config=config, progress=False)


def test_a_budget_name_without_a_redis_is_a_usage_error(
    tmp_path: Any, bulk_cli: Callable[..., subprocess.Popen[str]]
) -> None:
    source = str(tmp_path / "in.jsonl")
    write_input(source, 1)
    process = bulk_cli("bulk", "run", source, str(tmp_path / "out"), "--limiter-key", "x")
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 2 and "--limiter" in err, err
