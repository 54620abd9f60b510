"""Fault injection, rate limits, common headers and the command line, through HTTP."""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from openai_rest.emulator import Emulator
from openai_rest.emulator._faults import format_duration, parse_fault
from openai_rest.emulator.pytest_plugin import EmulatorHandle

from ._helpers import Api

CHAT = {"model": "gpt-4o", "messages": [{"role": "user", "content": "hi there"}]}


def test_every_answer_has_request_id_and_processing_time(api: Api) -> None:
    for answer in (api.get("/models"), api.get("/models/nope"), api.post("/chat/completions")):
        assert answer.headers["x-request-id"].startswith("req_")
        assert int(answer.headers["openai-processing-ms"]) >= 0


def test_missing_key_is_401(openai_emulator: EmulatorHandle) -> None:
    answer = Api(openai_emulator.base_url, key=None).get("/models")
    assert answer.status == 401 and "API key" in answer.json()["error"]["message"]


def test_status_faults_with_retry_hints(api: Api) -> None:
    answer = api.get("/models", headers={"x-emulate-fault": "429; retry-after-ms=200"})
    assert answer.status == 429 and answer.headers["retry-after-ms"] == "200"
    assert answer.json()["error"]["code"] == "rate_limit_exceeded"
    quota = api.get("/models", headers={"x-emulate-fault": "429; code=insufficient_quota"})
    assert quota.json()["error"]["type"] == "insufficient_quota"
    verdict = api.get("/models", headers={"x-emulate-fault": "500; x-should-retry=false"})
    assert verdict.status == 500 and verdict.headers["x-should-retry"] == "false"
    assert verdict.json()["error"]["type"] == "server_error"


def test_times_fails_only_the_first_requests(api: Api, unique: str) -> None:
    header = {"x-emulate-fault": f"503; times=2; {unique}"}
    statuses = [api.get("/models", headers=header).status for _ in range(4)]
    assert statuses == [503, 503, 200, 200]


def test_injected_faults_need_no_header(openai_emulator: EmulatorHandle, api: Api) -> None:
    openai_emulator.faults.inject("502; times=2", path="/v1/models")
    assert api.post("/moderations", {"input": "x"}).status == 200  # other path: untouched
    assert [api.get("/models").status for _ in range(3)] == [502, 502, 200]


def test_html_page_and_reset(api: Api) -> None:
    page = api.get("/models", headers={"x-emulate-fault": "html-502"})
    assert page.status == 502 and page.headers["content-type"].startswith("text/html")
    with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
        api.get("/models", headers={"x-emulate-fault": "reset"})


def test_slow_body_holds_the_body_back(api: Api) -> None:
    started = time.perf_counter()
    answer = api.get("/models", headers={"x-emulate-fault": "slow=300"})
    assert time.perf_counter() - started >= 0.3
    assert answer.status == 200 and answer.json()["object"] == "list"


def test_stream_error_and_cut(api: Api) -> None:
    body = {**CHAT, "stream": True}
    errored = api.post(
        "/chat/completions", body, headers={"x-emulate-fault": "stream-error-after=3"}
    )
    events = errored.events()
    assert len(events) == 4 and "error" in json.loads(events[-1][1])
    cut = api.post("/chat/completions", body, headers={"x-emulate-fault": "stream-cut-after=2"})
    assert len(cut.events()) == 2 and all(d != "[DONE]" for _, d in cut.events())
    with pytest.raises(http.client.IncompleteRead):
        api.post("/chat/completions", body, headers={"x-emulate-fault": "stream-reset-after=2"})


def test_stream_error_in_an_assistant_stream_is_an_error_event(api: Api) -> None:
    assistant = api.post("/assistants", {"model": "gpt-4o"}).json()
    body = {"assistant_id": assistant["id"], "stream": True}
    answer = api.post("/threads/runs", body, headers={"x-emulate-fault": "stream-error-after=2"})
    event, data = answer.events()[-1]
    assert event == "error" and json.loads(data)["type"] == "server_error"


def test_bad_fault_spec_is_a_400(api: Api) -> None:
    answer = api.get("/models", headers={"x-emulate-fault": "explode"})
    assert answer.status == 400 and answer.json()["error"]["param"] == "x-emulate-fault"


def test_parse_fault_reads_every_option() -> None:
    fault = parse_fault("429; code=insufficient_quota; retry-after-ms=5; times=1; slow=9")
    assert (fault.status, fault.code, fault.retry_after_ms, fault.times, fault.slow_ms) == (
        429,
        "insufficient_quota",
        5,
        1,
        9,
    )
    assert parse_fault("html-503").html and parse_fault("reset").reset


@pytest.mark.parametrize(
    "seconds, text", [(0.017, "17ms"), (1, "1s"), (1.5, "1.5s"), (360, "6m0s"), (3723, "1h2m3s")]
)
def test_reset_durations_look_like_the_api(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


def test_rate_limits_answer_429_with_headers(openai_emulator: EmulatorHandle, api: Api) -> None:
    openai_emulator.faults.limits.rpm = 3
    answers = [api.get("/models") for _ in range(4)]
    assert [a.status for a in answers] == [200, 200, 200, 429]
    assert answers[0].headers["x-ratelimit-limit-requests"] == "3"
    assert answers[0].headers["x-ratelimit-remaining-requests"] == "2"
    assert answers[0].headers["x-ratelimit-reset-requests"].endswith("s")
    limited = answers[-1]
    assert limited.json()["error"]["code"] == "rate_limit_exceeded"
    assert int(limited.headers["retry-after-ms"]) > 0
    assert limited.headers["x-ratelimit-remaining-requests"] == "0"


def test_token_limit(openai_emulator: EmulatorHandle, api: Api) -> None:
    openai_emulator.faults.limits.tpm = 100
    big = {**CHAT, "messages": [{"role": "user", "content": "word " * 200}]}
    answer = api.post("/chat/completions", big)
    assert answer.status == 429 and answer.json()["error"]["type"] == "tokens"
    assert answer.headers["x-ratelimit-limit-tokens"] == "100"


def test_fail_rate_is_seeded() -> None:
    def failures() -> list:
        with Emulator(fail_rate=0.5, seed=7) as base_url:
            api = Api(base_url)
            return [api.get("/models").status for _ in range(20)]

    first = failures()
    assert first == failures() and 500 in first and 200 in first


def test_command_line_prints_the_url_and_stops_on_sigterm() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "openai_rest.emulator", "--port", "0", "--rpm", "100"],
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert proc.stdout is not None
        base_url = proc.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/v1")
        answer = Api(base_url).get("/models")
        assert answer.status == 200 and answer.headers["x-ratelimit-limit-requests"] == "100"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_client_fixture_builds_a_client(openai_emulator: EmulatorHandle) -> None:
    answer = openai_emulator.client.chat_completion(model="gpt-4o", messages=CHAT["messages"])
    assert answer["object"] == "chat.completion"
