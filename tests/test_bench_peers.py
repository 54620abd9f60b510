"""The pure parts of ``benchmarks/bench_peers.py`` (no server is started here): the percentile,
the checks that keep a fast error page from counting as an answer, the medians and the table.
The benchmark itself runs the peers: ``python benchmarks/bench_peers.py``."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any, Dict

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import bench_peers


def test_percentile_is_the_nearest_rank() -> None:
    values = [float(v) for v in range(100, 0, -1)]  # 100..1, unsorted on purpose
    assert bench_peers.percentile(values, 0.50) == 50.0
    assert bench_peers.percentile(values, 0.99) == 99.0
    assert bench_peers.percentile(values, 1.0) == 100.0
    assert bench_peers.percentile([3.0, 1.0, 2.0], 0.99) == 3.0
    assert bench_peers.percentile([7.0], 0.5) == 7.0
    with pytest.raises(ValueError):
        bench_peers.percentile([], 0.5)


CHUNK = b'data: {"choices": [{"index": 0, "delta": {"content": "Hi"}}]}\n\n'


@pytest.mark.parametrize(
    "status, content_type, body, wrong",
    [
        (200, "text/event-stream", CHUNK * 3 + b"data: [DONE]\n\n", None),
        (200, "application/json", b'{"choices": []}', "not an event stream"),
        (500, "text/event-stream", b"", "HTTP 500"),
        (200, "text/event-stream", CHUNK, "without [DONE]"),
        (200, "text/event-stream", b"data: [DONE]\n\n", "without text"),
        (200, "text/event-stream", b"data: {oops\n\ndata: [DONE]\n\n", "not a chat chunk"),
        (200, "text/event-stream", b"data: [DONE]\n\n" + CHUNK, "after [DONE]"),
    ],
)
def test_a_stream_counts_only_when_it_is_a_whole_event_stream(
    status: int, content_type: str, body: bytes, wrong: Any
) -> None:
    problem, size = bench_peers.check_stream(status, content_type, body)
    if wrong is None:
        assert (problem, size) == (None, 3)
    else:
        assert problem is not None and wrong in problem


def test_chat_and_embedding_checks_refuse_error_pages_and_wrong_shapes() -> None:
    chat = json.dumps({"choices": [{"message": {"content": "Hello"}}]}).encode()
    assert bench_peers.check_chat(200, "application/json", chat) == (None, 5)
    assert bench_peers.check_chat(429, "application/json", chat)[0] == "HTTP 429"
    assert bench_peers.check_chat(200, "text/html", b"<html>busy</html>")[0] is not None
    nothing = json.dumps({"choices": [{"message": {"content": None}}]}).encode()
    assert bench_peers.check_chat(200, "application/json", nothing)[0] is not None

    vector = json.dumps({"data": [{"embedding": [0.5, -1, 2.0]}]}).encode()
    assert bench_peers.check_embedding(200, "application/json", vector) == (None, 3)
    for bad in ({"data": []}, {"data": [{"embedding": []}]}, {"data": [{"embedding": "AAAA"}]}):
        assert bench_peers.check_embedding(200, "", json.dumps(bad).encode())[0] is not None
    assert bench_peers.check_embedding(404, "", vector)[0] == "HTTP 404"


def test_summary_takes_medians_over_rounds_and_sums_errors() -> None:
    rounds = [
        {
            **{"req_s": r, "p50_ms": r / 100, "p99_ms": r / 10, "server_cpu_ms": 0.123},
            **{"client_busy": 0.5, "requests": 10, "errors": e, "error_example": x},
        }
        for r, e, x in [(1000.4, 0, ""), (3000.0, 2, "HTTP 500"), (2000.0, 1, "HTTP 503")]
    ]
    got = bench_peers.summary(rounds)
    assert (got["req_s"], got["p50_ms"], got["p99_ms"]) == (2000, 20.0, 200.0)
    assert (got["errors"], got["error_example"], got["requests"]) == (3, "HTTP 500", 30)
    assert got["server_cpu_ms"] == 0.12 and len(got["rounds"]) == 3


def saved_run() -> Dict[str, Any]:
    measured = {"req_s": 4175, "p50_ms": 11.7, "p99_ms": 26.4, "server_cpu_ms": 0.11, "errors": 0}
    return {
        "date": "2026-12-01 12:49 UTC",
        "commit": "d680a84",
        "command": "python benchmarks/bench_peers.py --save",
        "concurrency": 50,
        "client_cpu": 1,
        "server_cpu": 0,
        "seconds": 4.0,
        "warmup": 1.0,
        "rounds": 3,
        "aiohttp": "3.14.5",
        "servers": {
            "emulator": {
                "title": "openai-rest emulate",
                "version": "0.1.0",
                "cases": {"chat": {**measured, "answer": "114 chars"}},
            },
            "prism": {
                "title": "Prism",
                "version": "5.16.0",
                "cases": {"chat_stream": {"not_supported": "Prism answers JSON; a probe got: x"}},
            },
            "litellm": {"title": "LiteLLM proxy", "absent": "bash scripts/services/litellm.sh"},
        },
    }


def test_the_table_says_absent_and_not_supported_and_shows_only_saved_numbers() -> None:
    run = saved_run()
    text = bench_peers.table(run)
    assert (
        "| openai-rest emulate | chat completion | 4,175 | 11.7 | 26.4 | 0.11 | 0 | 114 chars |"
        in (text)
    )
    assert "| Prism | streamed chat | not supported: Prism answers JSON" in text
    assert "| LiteLLM proxy | all | absent: bash scripts/services/litellm.sh |" in text
    assert "| 0 | 0 |" not in text.split("Prism", 1)[1]  # never a zero for what did not run
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    saved = json.dumps(run)
    for number in re.findall(r"\d[\d,]*(?:\.\d+)?", " ".join(rows[1:])):
        assert number.replace(",", "") in saved.replace(",", ""), number
