"""The runner against the emulator over real HTTP: limits, faults, resumes, kills, Ctrl-C."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import time
from typing import Any, Callable

import pytest

from openai_rest import Config
from openai_rest.bulk import run
from openai_rest.emulator.pytest_plugin import EmulatorHandle

from .conftest import assert_exactly_once, read_output, write_input


def config(emulator: EmulatorHandle, **fields: Any) -> Config:
    return Config(api_key="sk-bulk", api_url=emulator.base_url, **fields)


def test_ten_thousand_requests_under_limits_and_faults_each_exactly_once(
    tmp_path: Any,
    openai_emulator: EmulatorHandle,
    bulk_cli: Callable[..., subprocess.Popen[str]],
    limited: Callable[..., Any],
) -> None:
    source, target = str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")
    ids = write_input(source, 10_000)
    counting = limited(rpm=120_000, tpm=6_000_000)
    faults = openai_emulator.faults
    faults.fail_rate = 0.02
    faults.inject("429; retry-after-ms=30; times=40")
    faults.inject("503; times=30")
    faults.inject("reset; times=30")
    faults.inject("html-502; times=10")
    process = bulk_cli("bulk", "run", source, target, "--rpm", "90000", "--tpm", "5000000")
    _out, err = process.communicate(timeout=50)
    assert process.returncode in (0, 1), err
    lines = assert_exactly_once(target, ids)
    failed = [line for line in lines if line["error"] or line["response"]["status_code"] >= 400]
    # the injected faults come one after another, so a request can meet them on all 3 tries:
    # it is then an error line (never dropped) with the last fault's status
    assert len(failed) <= 40, failed[:3]
    for line in failed:
        assert line["error"] or line["response"]["status_code"] in (429, 500, 502, 503), line
    ok = next(line for line in lines if line["response"]["status_code"] == 200)
    assert ok["response"]["status_code"] == 200
    assert ok["response"]["request_id"].startswith("req_")
    assert ok["response"]["body"]["object"] == "chat.completion"
    assert ok["id"].startswith("batch_req_")
    assert "10000 requests" in err
    assert counting.refused < 100, counting.refused  # the 40 injected ones aside, few 429s


def test_without_limits_it_follows_the_rate_limit_headers(
    tmp_path: Any, openai_emulator: EmulatorHandle, limited: Callable[..., Any]
) -> None:
    source, target = str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")
    ids = write_input(source, 600, kind="embeddings")
    counting = limited(rpm=12_000)  # 200 a second, a full bucket of 12,000 to start
    # start as a server already at its limit: an empty bucket
    openai_emulator.faults.limits.check(0)
    openai_emulator.faults.limits._buckets["requests"].level = 0.0
    start = time.monotonic()
    summary = run(source, target, config=config(openai_emulator), progress=False)
    elapsed = time.monotonic() - start
    assert summary.succeeded == 600 and summary.failed == 0
    assert_exactly_once(target, ids)
    assert counting.refused <= 6, counting.refused  # under 1 %
    assert 600 / elapsed >= 0.85 * 200  # near the limit, with start-up costs in a short run


def test_a_failed_request_is_an_error_line_and_a_rerun_sends_just_the_failures(
    tmp_path: Any, openai_emulator: EmulatorHandle
) -> None:
    source, target = str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")
    ids = write_input(source, 20)
    openai_emulator.faults.inject("400; message=bad request; times=1")
    openai_emulator.faults.inject("429; code=insufficient_quota; times=1")
    summary = run(source, target, config=config(openai_emulator, max_retries=0), progress=False)
    assert (summary.succeeded, summary.failed) == (18, 2)
    lines = assert_exactly_once(target, ids)
    statuses = sorted(line["response"]["status_code"] for line in lines)
    assert statuses[-2:] == [400, 429]
    bad = next(line for line in lines if line["response"]["status_code"] == 429)
    assert bad["response"]["body"]["error"]["code"] == "insufficient_quota"
    kept = run(source, target, config=config(openai_emulator), progress=False, keep_failed=True)
    assert (kept.skipped, kept.done, kept.kept_failed, kept.all_succeeded) == (20, 0, 2, False)
    again = run(source, target, config=config(openai_emulator), progress=False)
    assert (again.skipped, again.done, again.resent, again.succeeded) == (18, 2, 2, 2)
    assert again.compacted == 2 and again.all_succeeded
    lines = assert_exactly_once(target, ids)
    assert all(line["response"]["status_code"] == 200 for line in lines)
    last = run(source, target, config=config(openai_emulator), progress=False)
    assert (last.skipped, last.done) == (20, 0)


def test_connection_failures_after_retries_are_error_lines(tmp_path: Any) -> None:
    source, target = str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")
    ids = write_input(source, 3)
    dead = Config(api_key="sk", api_url="http://127.0.0.1:9/v1", max_retries=0)
    summary = run(source, target, config=dead, progress=False)
    assert summary.failed == 3
    lines = assert_exactly_once(target, ids)
    assert all(line["error"]["code"] == "connection_error" for line in lines)
    assert all(line["response"] is None for line in lines)


def test_sigkill_at_random_moments_then_resume_loses_and_duplicates_nothing(
    tmp_path: Any, bulk_cli: Callable[..., subprocess.Popen[str]]
) -> None:
    source, target = str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")
    ids = write_input(source, 3000, kind="embeddings")
    chooser = random.Random(os.environ.get("BULK_KILL_SEED", time.time()))
    written = []
    for _ in range(4):
        process = bulk_cli("bulk", "run", source, target, "--rpm", "60000")
        time.sleep(chooser.uniform(0.5, 1.3))
        process.send_signal(signal.SIGKILL)
        process.communicate()
        written.append(os.path.getsize(target) if os.path.exists(target) else 0)
    assert written[-1] > 0
    process = bulk_cli("bulk", "run", source, target, "--rpm", "60000", "--json")
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    summary = json.loads(out)
    assert summary["skipped"] + summary["succeeded"] == 3000
    assert summary["skipped"] > 0
    assert_exactly_once(target, ids)


def test_ctrl_c_stops_after_the_requests_in_flight_and_a_rerun_finishes(
    tmp_path: Any,
    openai_emulator: EmulatorHandle,
    bulk_cli: Callable[..., subprocess.Popen[str]],
) -> None:
    source, target = str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")
    ids = write_input(source, 400)
    openai_emulator.faults.latency_ms = 20
    process = bulk_cli("bulk", "run", source, target, "--rpm", "6000", "--progress")
    time.sleep(1.5)
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=20)
    assert process.returncode == 130, err
    assert "stopping" in err and "run again" in err
    assert " req/s" in err and "tok/min" in err and "errors" in err  # the progress line
    first = read_output(target)
    assert 0 < len(first) < 400
    process = bulk_cli("bulk", "run", source, target)
    process.communicate(timeout=30)
    assert process.returncode == 0
    assert_exactly_once(target, ids)


def test_the_cli_lists_bad_lines_and_sends_nothing(
    tmp_path: Any, bulk_cli: Callable[..., subprocess.Popen[str]]
) -> None:
    source, target = str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")
    write_input(source, 3)
    with open(source, "a") as handle:
        handle.write(
            '{"custom_id": "req-1", "method": "POST", "url": "/v1/embeddings",'
            ' "body": {"model": "m"}}\nnot json\n'
        )
    process = bulk_cli("bulk", "run", source, target)
    _out, err = process.communicate(timeout=20)
    assert process.returncode == 1
    assert f'{source}:4: duplicate custom_id "req-1" (first on line 2)' in err
    assert f"{source}:5: not valid JSON" in err
    assert not os.path.exists(target) or os.path.getsize(target) == 0


@pytest.mark.parametrize("progress", [False])
def test_library_run_has_no_display_when_asked(
    tmp_path: Any, openai_emulator: EmulatorHandle, progress: bool, capsys: Any
) -> None:
    source, target = str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")
    write_input(source, 5)
    summary = run(source, target, config=config(openai_emulator), progress=progress)
    assert summary.succeeded == 5
    assert capsys.readouterr().err == ""
    assert "5 requests: 5 ok, 0 failed" in str(summary)
