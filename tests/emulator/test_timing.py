"""Realistic stream timing: time to first token, tokens per second, seeded jitter, set on the
server or per request. Only lower bounds are asserted (sleeps never end early); the 10%
accuracy is measured by ``benchmarks/bench_emulator.py --timing``."""

from __future__ import annotations

import http.client
import json
import time
from typing import Dict, List, Optional, Tuple
from urllib.parse import urlsplit

import pytest

from openai_rest.emulator import Emulator
from openai_rest.emulator._timing import Timing, event_text

BODY = {
    "model": "gpt-4o",
    "stream": True,
    "messages": [{"role": "user", "content": "echo: " + " ".join(["word"] * 40)}],
}


def _timed_stream(
    base_url: str, header: Optional[str] = None, extra: Optional[Dict[str, str]] = None
) -> List[Tuple[float, str]]:
    """(seconds since the request, text) of each chunk that carries text."""
    parts = urlsplit(base_url)
    conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    headers = {"Authorization": "Bearer sk-test", "Content-Type": "application/json"}
    if header:
        headers["x-emulate-timing"] = header
    headers.update(extra or {})
    started = time.perf_counter()
    conn.request("POST", parts.path + "/chat/completions", json.dumps(BODY), headers)
    answer = conn.getresponse()
    assert answer.status == 200
    seen = []
    for line in answer:
        if line.startswith(b"data: {"):
            text = event_text(json.loads(line[6:]))
            if text:
                seen.append((time.perf_counter() - started, text))
    conn.close()
    return seen


def test_server_wide_ttft_and_rate() -> None:
    with Emulator(ttft=150, tokens_per_second=200) as base_url:
        seen = _timed_stream(base_url)
    assert seen[0][0] >= 0.14
    tokens_after_first = sum(len(t.split()) for _, t in seen[1:])
    assert seen[-1][0] - seen[0][0] >= 0.9 * tokens_after_first / 200


def test_a_request_header_sets_its_own_pace(openai_emulator: object) -> None:
    base_url = openai_emulator.base_url  # type: ignore[attr-defined]
    quick = _timed_stream(base_url)
    paced = _timed_stream(base_url, "ttft=120; tps=400")
    assert paced[0][0] >= 0.11 and paced[-1][0] >= 0.11 + 0.9 * 39 / 400
    assert [t for _, t in quick] == [t for _, t in paced]
    single = _timed_stream(base_url, None, {"x-emulate-ttft": "120"})
    assert single[0][0] >= 0.11


def test_invalid_timing_headers_are_a_400(openai_emulator: object) -> None:
    from ._helpers import Api

    api = Api(openai_emulator.base_url)  # type: ignore[attr-defined]
    for bad in ("ttft=soon", "speed=3", "tps=0", "jitter=2"):
        answer = api.post("/chat/completions", BODY, headers={"x-emulate-timing": bad})
        assert answer.status == 400 and "x-emulate-timing" in answer.json()["error"]["message"]


def test_jitter_is_seeded_and_bounded() -> None:
    def waits(seed: int) -> List[float]:
        pacer = Timing(0, 10, jitter=0.5, seed=seed).pacer()
        pacer.first_sent = True
        return [pacer.wait({"delta": "one two"}) for _ in range(20)]

    assert waits(1) == waits(1) != waits(2)
    assert all(0.1 <= w <= 0.3 for w in waits(3))
    assert len(set(waits(3))) > 10


def test_bad_settings_are_refused() -> None:
    for kwargs in ({"ttft": -1}, {"tps": 0}, {"jitter": 1.5}):
        with pytest.raises(ValueError):
            Timing(**kwargs)  # type: ignore[arg-type]
