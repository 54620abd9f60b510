"""The Batch path end to end against the emulator's batches: split, upload, create, poll,
merge, in the same output format as ``bulk run``; a job half done by ``run`` finished by batch."""

from __future__ import annotations

import json
import os
import subprocess
from typing import Any, Callable

import pytest

from openai_rest import Config
from openai_rest.bulk import cancel, results, run, state_path, status, submit, wait
from openai_rest.emulator.pytest_plugin import EmulatorHandle

from .conftest import assert_exactly_once, read_output, write_input


def test_the_emulator_has_batches(openai_emulator: EmulatorHandle) -> None:
    """The emulator answers /v1/batches (a 404 there fails here, it does not skip the module)."""
    page = openai_emulator.client.request("GET", "/batches")
    assert page["object"] == "list"


def test_submit_wait_results_split_and_merge(
    tmp_path: Any, openai_emulator: EmulatorHandle
) -> None:
    source, target = str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")
    ids = write_input(source, 25)
    write_input(str(tmp_path / "e.jsonl"), 12, kind="embeddings", prefix="emb")
    with open(source, "a") as handle, open(str(tmp_path / "e.jsonl")) as extra:
        handle.write(extra.read())
    ids += [f"emb-{i}" for i in range(12)]
    client = openai_emulator.client
    state = submit(source, target, client=client, max_requests=10)
    # one endpoint and model per batch, at most 10 requests each
    assert [(p["url"][3:], p["requests"]) for p in state.parts] == [
        ("/chat/completions", 10),
        ("/chat/completions", 10),
        ("/chat/completions", 5),
        ("/embeddings", 10),
        ("/embeddings", 2),
    ]
    assert len(state.batch_ids) == len(state.parts)
    assert os.path.exists(state_path(target))
    assert not os.path.exists(target + ".parts")
    batches = wait(target, client=client, poll=0.0, progress=False)
    assert {b["status"] for b in batches} == {"completed"}
    merged = results(target, client=client)
    assert (merged.written, merged.failed, merged.missing, merged.pending) == (37, 0, 0, [])
    lines = assert_exactly_once(target, ids)
    line = next(item for item in lines if item["custom_id"] == "req-3")
    assert line["response"]["status_code"] == 200
    assert line["response"]["body"]["choices"][0]["message"]["content"] == "line 3"
    assert results(target, client=client).written == 0  # merging twice writes nothing twice
    assert len(read_output(target)) == 37
    with pytest.raises(FileExistsError):
        submit(source, target, client=client)


def test_a_job_started_with_run_is_finished_with_batch(
    tmp_path: Any, openai_emulator: EmulatorHandle
) -> None:
    source, target = str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")
    ids = write_input(source, 30)
    head = str(tmp_path / "head.jsonl")
    with open(source) as full, open(head, "w") as part:
        part.writelines(full.readlines()[:12])
    config = Config(api_key="sk", api_url=openai_emulator.base_url)
    assert run(head, target, config=config, progress=False).succeeded == 12
    state = submit(source, target, client=openai_emulator.client)
    assert sum(p["requests"] for p in state.parts) == 18
    wait(target, client=openai_emulator.client, poll=0.0, progress=False)
    assert results(target, client=openai_emulator.client).written == 18
    assert_exactly_once(target, ids)


def test_cancel_and_status(tmp_path: Any, openai_emulator: EmulatorHandle) -> None:
    source, target = str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")
    write_input(source, 5)
    client = openai_emulator.client
    submit(source, target, client=client)
    cancelled = cancel(target, client=client)
    assert [b["status"] for b in cancelled] == ["cancelling"]
    assert [b["status"] for b in status(target, client=client)] == ["cancelled"]
    merged = results(target, client=client)
    assert merged.pending == []
    assert merged.written + merged.missing == 5


def test_the_cli_switches_with_one_word(
    tmp_path: Any, bulk_cli: Callable[..., subprocess.Popen[str]]
) -> None:
    source, target = str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl")
    ids = write_input(source, 8, kind="embeddings")
    process = bulk_cli("batch", "submit", source, target, "--wait", "--poll", "0.05")
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "merged 8 results (0 failed)" in err
    assert_exactly_once(target, ids)
    process = bulk_cli("batch", "status", target, "--json")
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert json.loads(out)[0]["status"] == "completed"
