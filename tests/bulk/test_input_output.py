"""Input checks with line numbers, torn-line repair, the id set, token estimates, the pacer."""

from __future__ import annotations

import json
import os
from typing import List

import pytest

from openai_rest.bulk import IdSet, InputError, Limiter, check_input, estimate_tokens, repair, scan
from openai_rest.bulk._output import open_output, result_line

from .conftest import write_input

GOOD = {
    "custom_id": "a",
    "method": "POST",
    "url": "/v1/embeddings",
    "body": {"model": "m", "input": "x"},
}


def lines_file(tmp_path: object, lines: List[str]) -> str:
    path = os.path.join(str(tmp_path), "in.jsonl")
    with open(path, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    return path


def test_every_problem_is_reported_with_its_line_number(tmp_path: object) -> None:
    def line(**changes: object) -> str:
        return json.dumps({**GOOD, **changes})

    path = lines_file(
        tmp_path,
        [
            line(custom_id="a"),
            "{not json",
            line(custom_id="b", url="/v1/images/generations"),
            "",
            line(custom_id="a"),
            line(custom_id="c", method="GET"),
            line(custom_id=""),
            line(custom_id="d", body=[]),
            line(custom_id="e", body={"input": "no model"}),
            "[1, 2]",
            line(custom_id="f"),
        ],
    )
    with pytest.raises(InputError) as caught:
        check_input(path)
    problems = dict(caught.value.problems)
    assert sorted(problems) == [2, 3, 5, 6, 7, 8, 9, 10]
    assert "not valid JSON" in problems[2]
    assert "/v1/images/generations" in problems[3]
    assert problems[5] == 'duplicate custom_id "a" (first on line 1)'
    assert "POST" in problems[6]
    assert "custom_id" in problems[7]
    assert "body must be" in problems[8]
    assert "model" in problems[9]
    assert "JSON object" in problems[10]
    assert f"{path}:5: duplicate" in str(caught.value)


def test_a_valid_file_is_summarized_and_done_ids_are_counted(tmp_path: object) -> None:
    path = os.path.join(str(tmp_path), "in.jsonl")
    ids = write_input(path, 100)
    done = IdSet()
    for custom_id in ids[:30]:
        done.add(custom_id)
    summary = check_input(path, done)
    assert (summary.requests, summary.done) == (100, 30)
    assert summary.urls == {"/v1/chat/completions": 100}


def test_the_id_set_grows_and_answers_membership() -> None:
    ids = IdSet()
    for i in range(50_000):
        assert ids.add(f"id-{i}")
    assert not ids.add("id-7")
    assert len(ids) == 50_000
    assert "id-49999" in ids and "id-50000" not in ids and 3 not in ids


def test_a_torn_last_line_is_cut_and_the_rest_is_kept(tmp_path: object) -> None:
    path = os.path.join(str(tmp_path), "out.jsonl")
    whole = result_line("x", status_code=200, request_id="req_1", body={"ok": 1})
    with open(path, "wb") as handle:
        handle.write(whole + whole.replace(b'"x"', b'"y"')[:25])
    assert repair(path) == 25
    assert repair(path) == 0
    output, done, lines, failed, cut = open_output(path)
    output.close()
    assert (lines, failed, cut) == (1, 0, 0)
    assert "x" in done and "y" not in done


def test_a_file_without_any_newline_is_emptied(tmp_path: object) -> None:
    path = os.path.join(str(tmp_path), "out.jsonl")
    with open(path, "wb") as handle:
        handle.write(b'{"id": "batch_req_1", "custom_')
    assert repair(path) == 30
    assert os.path.getsize(path) == 0
    assert scan(path)[1] == 0


def test_token_estimates_count_the_body_and_the_completion_budget() -> None:
    body = {"model": "m", "messages": [{"role": "user", "content": "x" * 400}]}
    plain = estimate_tokens("/v1/chat/completions", body, use_tiktoken=False)
    assert 100 <= plain <= 130
    budget = estimate_tokens(
        "/v1/chat/completions", {**body, "max_tokens": 50, "n": 2}, use_tiktoken=False
    )
    assert budget - plain >= 100
    embed = {"model": "m", "input": "y" * 40, "max_tokens": 999}
    assert estimate_tokens("/v1/embeddings", embed, use_tiktoken=False) < 100


def test_the_pacer_holds_the_local_limit_and_the_server_headers() -> None:
    now = [0.0]
    limiter = Limiter(rpm=600, tpm=None, clock=lambda: now[0])  # 10 a second, burst 10
    limiter.acquire_sync(5)
    assert limiter.delay(5) > 0  # one request alone until the first answer
    limiter.release(5)
    for _ in range(9):  # the burst of 10, the probe included
        assert limiter.delay(5) == 0
        limiter.acquire_sync(5)
    assert limiter.delay(5) == pytest.approx(0.1)
    now[0] = 10.0
    for _ in range(9):
        limiter.release(5)
    # the server says 2 requests left, refilling 1 a second
    limiter.observe({"limit_requests": 60, "remaining_requests": 2, "reset_requests": 58.0})
    assert limiter.delay(1) == 0
    limiter.acquire_sync(1)
    limiter.acquire_sync(1)
    assert limiter.delay(1) == pytest.approx(1.0)
    limiter.pause(5)
    assert limiter.delay(1) == pytest.approx(5.0)
