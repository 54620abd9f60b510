"""Issue 11, item 11: a rerun retries what failed, the output ends with one final line per
custom_id, the summary counts retries, empty or invalid input leaves no file, and ``batch
submit --wait`` polls adaptively. Against the emulator and a dead port, over real HTTP."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from itertools import islice
from typing import Any, Callable, Dict, Iterator

import pytest

from openai_rest import Config
from openai_rest.bulk import run
from openai_rest.bulk._batch import MAX_POLL, poll_delays
from openai_rest.bulk._output import result_line
from openai_rest.emulator.pytest_plugin import EmulatorHandle

from .conftest import KEY, assert_exactly_once, cli_env, read_output, write_input

Cli = Callable[..., "subprocess.Popen[str]"]


@pytest.fixture
def dead_url() -> Iterator[str]:
    """A loopback port that refuses connections."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/v1"


def finish(process: subprocess.Popen[str]) -> Dict[str, Any]:
    out, err = process.communicate(timeout=60)
    return {"status": process.returncode, "out": out, "err": err}


def test_a_rerun_after_connection_errors_sends_them_again_and_compacts(
    tmp_path: Any, bulk_cli: Cli, openai_emulator: EmulatorHandle, dead_url: str
) -> None:
    source, target = str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")
    ids = write_input(source, 12)
    first = finish(
        bulk_cli("--max-retries", "0", "--json", "bulk", "run", source, target,
                 env=cli_env(dead_url))
    )  # fmt: skip
    assert first["status"] == 1
    assert json.loads(first["out"])["failed"] == 12
    assert all(line["error"]["code"] == "connection_error" for line in read_output(target))
    second = finish(bulk_cli("--json", "bulk", "run", source, target))
    assert second["status"] == 0, second["err"]
    summary = json.loads(second["out"])
    assert (summary["resent"], summary["succeeded"], summary["compacted"]) == (12, 12, 12)
    lines = assert_exactly_once(target, ids)
    assert all(line["response"]["status_code"] == 200 for line in lines)
    third = finish(bulk_cli("--json", "bulk", "run", source, target))
    assert third["status"] == 0 and json.loads(third["out"])["skipped"] == 12


def test_keep_failed_keeps_the_errors_and_the_exit_status_says_so(
    tmp_path: Any, bulk_cli: Cli, openai_emulator: EmulatorHandle
) -> None:
    source, target = str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")
    ids = write_input(source, 5)
    openai_emulator.faults.inject("400; message=bad request; times=1")
    assert finish(bulk_cli("bulk", "run", source, target))["status"] == 1
    kept = finish(bulk_cli("--json", "bulk", "run", source, target, "--keep-failed"))
    assert kept["status"] == 1  # the final state still has a failure
    assert json.loads(kept["out"])["kept_failed"] == 1
    assert len(read_output(target)) == 5
    fixed = finish(bulk_cli("bulk", "run", source, target))
    assert fixed["status"] == 0, fixed["err"]
    assert "1 earlier failures sent again" in fixed["err"]
    assert all(line["response"]["status_code"] == 200 for line in assert_exactly_once(target, ids))


def test_the_summary_counts_every_retry_that_was_logged(
    tmp_path: Any, bulk_cli: Cli, openai_emulator: EmulatorHandle
) -> None:
    source, target = str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")
    write_input(source, 10)
    openai_emulator.faults.inject("503; times=12")
    done = finish(bulk_cli("-v", "--json", "--max-retries", "2", "bulk", "run", source, target))
    logged = sum(" retry " in line for line in done["err"].splitlines())
    summary = json.loads(done["out"])
    assert logged >= 10  # of the 12 failures, a third one in a row is an error line, not a retry
    assert summary["retries"] == logged, done["err"]


def test_retries_of_requests_that_still_failed_are_counted(tmp_path: Any, dead_url: str) -> None:
    source, target = str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")
    write_input(source, 4)
    summary = run(
        source, target, config=Config(api_key=KEY, api_url=dead_url, max_retries=1), progress=False
    )
    assert (summary.failed, summary.retries) == (4, 4)
    assert "4 retries" in str(summary)


def test_lines_left_by_a_killed_rerun_are_compacted_by_the_next(
    tmp_path: Any, openai_emulator: EmulatorHandle
) -> None:
    source, target = str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")
    ids = write_input(source, 4)
    error = {"code": "connection_error", "message": "refused"}
    with open(target, "wb") as out:  # what a run killed during its compaction leaves
        out.write(result_line("req-0", error=error))
        out.write(result_line("req-1", error=error))
        out.write(result_line("req-0", status_code=200, request_id="r", body={"ok": 1}))
        out.write(result_line("req-1", error=error))
    summary = run(source, target, config=Config(api_key=KEY, api_url=openai_emulator.base_url))
    assert (summary.skipped, summary.resent, summary.succeeded) == (1, 1, 3)
    lines = assert_exactly_once(target, ids)
    assert next(line for line in lines if line["custom_id"] == "req-0")["response"]["body"] == {
        "ok": 1
    }
    assert summary.all_succeeded and summary.compacted == 3


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_an_empty_input_says_so_and_leaves_no_output(
    tmp_path: Any, bulk_cli: Cli, content: bytes
) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_bytes(content)
    for command in (("bulk", "run", str(source), str(target)), ("batch", "submit", str(source),
                                                                str(target))):  # fmt: skip
        done = finish(bulk_cli(*command))
        assert done["status"] == 1
        assert "no requests: the file is empty" in done["err"]
        assert "already" not in done["err"]
        assert not target.exists()


def test_invalid_input_leaves_no_empty_output_file(tmp_path: Any, bulk_cli: Cli) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text('{"custom_id": "a"}\nnot json\n')
    done = finish(bulk_cli("bulk", "run", str(source), str(target)))
    assert done["status"] == 1 and "invalid input" in done["err"]
    assert not target.exists()


def test_poll_delays_start_at_seconds_and_back_off_to_thirty() -> None:
    delays = list(islice(poll_delays(), 20))
    assert delays[0] <= 1.0 and sum(delays[:4]) < 10
    assert all(a <= b for a, b in zip(delays, delays[1:]))
    assert max(delays) == MAX_POLL == 30.0
    assert list(islice(poll_delays(5.0), 3)) == [5.0, 5.0, 5.0]


def test_batch_submit_wait_finishes_in_seconds_on_the_emulator(
    tmp_path: Any, bulk_cli: Cli
) -> None:
    source, target = str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")
    ids = write_input(source, 6, kind="embeddings")
    started = time.monotonic()
    done = finish(bulk_cli("batch", "submit", source, target, "--wait"))
    elapsed = time.monotonic() - started
    assert done["status"] == 0, done["err"]
    assert elapsed < 25, f"{elapsed:.1f} s: not adaptive (30 s polls took 60 s and more)"
    assert_exactly_once(target, ids)
    assert os.path.getsize(target) > 0


def test_batch_finishes_what_bulk_run_failed_with_one_line_per_id(
    tmp_path: Any, bulk_cli: Cli, openai_emulator: EmulatorHandle
) -> None:
    source, target = str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")
    ids = write_input(source, 6, kind="embeddings")
    openai_emulator.faults.inject("400; message=bad request; times=2")
    assert finish(bulk_cli("bulk", "run", source, target))["status"] == 1
    done = finish(bulk_cli("batch", "submit", source, target, "--wait", "--poll", "0.05"))
    assert done["status"] == 0, done["err"]
    assert "2 requests in 1 batch(es) (4 already done)" in done["err"]
    lines = assert_exactly_once(target, ids)
    assert all(line["response"]["status_code"] == 200 for line in lines)
