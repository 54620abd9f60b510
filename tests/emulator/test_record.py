"""Record and replay: exchanges recorded through a second emulator, replayed with that
upstream gone; the official SDK and openai-rest get identical results, streams included;
secrets never reach a cassette; a request with no cassette names the closest one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List

import openai
import pytest

import openai_rest
from openai_rest.emulator import Emulator

from ._helpers import Api

KEY = "sk-proj-TopSecretKey1234567890"
ORG = "org-SecretOrganization42"
PROJECT = "proj_SecretProject4242"
CHAT = [{"role": "user", "content": "Say something"}]


def _sdk_calls(base_url: str) -> Dict[str, Any]:
    client = openai.OpenAI(
        api_key=KEY, organization=ORG, project=PROJECT, base_url=base_url, max_retries=0
    )
    out: Dict[str, Any] = {}
    out["chat"] = client.chat.completions.create(model="gpt-4o", messages=CHAT).model_dump()
    stream = client.chat.completions.create(model="gpt-4o", messages=CHAT, stream=True)
    out["chat stream"] = [chunk.model_dump() for chunk in stream]
    events = client.responses.create(model="gpt-4o", input="Tell me", stream=True)
    out["responses stream"] = [event.model_dump() for event in events]
    out["embedding"] = (
        client.embeddings.create(model="text-embedding-3-small", input="x").data[0].embedding
    )
    uploaded = client.files.create(file=("notes.txt", b"some notes"), purpose="assistants")
    out["file"] = client.files.content(uploaded.id).read()
    with pytest.raises(openai.NotFoundError) as caught:
        client.chat.completions.create(model="gpt-nope", messages=CHAT)
    out["error"] = caught.value.body
    client.close()
    return out


def _rest_calls(base_url: str) -> Dict[str, Any]:
    config = openai_rest.Config(api_key=KEY, api_url=base_url, max_retries=0)
    out: Dict[str, Any] = {}
    with openai_rest.Client(config) as client:
        out["chat"] = client.chat_completion(model="gpt-4o", messages=CHAT)
        with client.chat_completion(model="gpt-4o", messages=CHAT, stream=True) as stream:
            out["chat stream"] = list(stream)
        with client.responses_create(model="gpt-4o", input="Tell me", stream=True) as events:
            out["responses stream"] = list(events)
        out["models"] = client.models()
    return out


def _record_then_replay(tmp_path: Path, calls: Callable[[str], Dict[str, Any]]) -> None:
    folder = tmp_path / "cassettes"
    with (
        Emulator(models="known") as upstream,
        Emulator(record=upstream, cassettes=str(folder)) as recorder,
    ):
        recorded = calls(recorder)
    with Emulator(replay=str(folder), fast=True) as player:
        replayed = calls(player)
    assert replayed == recorded
    assert recorded["chat stream"] and recorded["responses stream"]


def test_the_official_sdk_gets_identical_results(tmp_path: Path) -> None:
    _record_then_replay(tmp_path, _sdk_calls)


def test_openai_rest_gets_identical_results(tmp_path: Path) -> None:
    _record_then_replay(tmp_path, _rest_calls)


def test_cassettes_are_readable_and_hold_no_secret(tmp_path: Path) -> None:
    folder = tmp_path / "cassettes"
    with Emulator() as upstream, Emulator(record=upstream, cassettes=str(folder)) as recorder:
        _sdk_calls(recorder)
        Api(recorder, key=KEY).post(
            "/chat/completions",
            {"model": "gpt-4o", "messages": CHAT},
            headers={"Cookie": "session=abcdef", "OpenAI-Organization": ORG},
        )
    texts = [path.read_text() for path in sorted(folder.glob("*.json"))]
    assert len(texts) >= 8
    for text in texts:
        assert KEY not in text and KEY[8:20] not in text
        assert ORG not in text and PROJECT not in text and "abcdef" not in text
    stream = next(json.loads(t) for t in texts if '"events"' in t)
    assert stream["request"]["method"] == "POST" and stream["response"]["status"] == 200
    assert stream["response"]["events"][0]["text"].startswith("data: ")
    assert stream["request"]["headers"]["openai-organization"] == "org-scrubbed"


def test_streams_replay_with_their_timing_or_fast(tmp_path: Path) -> None:
    folder = tmp_path / "cassettes"
    body = {"model": "gpt-4o", "messages": CHAT, "stream": True}
    with Emulator(ttft=250) as upstream, Emulator(record=upstream, cassettes=str(folder)) as rec:
        Api(rec).post("/chat/completions", body)

    def timed(**options: Any) -> float:
        with Emulator(replay=str(folder), **options) as player:
            started = time.perf_counter()
            assert Api(player).post("/chat/completions", body).status == 200
            return time.perf_counter() - started

    assert timed() >= 0.24
    assert timed(fast=True) < 0.2


def test_a_request_without_a_cassette_names_the_closest(tmp_path: Path) -> None:
    folder = tmp_path / "cassettes"
    with Emulator() as upstream, Emulator(record=upstream, cassettes=str(folder)) as recorder:
        Api(recorder).post("/chat/completions", {"model": "gpt-4o", "messages": CHAT})
        Api(recorder).post("/embeddings", {"model": "text-embedding-3-small", "input": "x"})
    with Emulator(replay=str(folder)) as player:
        other = [{"role": "user", "content": "Say something else"}]
        answer = Api(player).post("/chat/completions", {"model": "gpt-4o", "messages": other})
    error = answer.json()["error"]
    assert answer.status == 404 and error["code"] == "cassette_not_found"
    assert (
        "POST /v1/chat/completions" in error["message"] and "Say something else" in error["message"]
    )
    closest = next(p.name for p in folder.glob("post-v1-chat-completions-*.json"))
    assert f"closest cassette is {closest}" in error["message"]


def test_repeated_requests_replay_in_recorded_order(tmp_path: Path) -> None:
    folder = tmp_path / "cassettes"
    with Emulator() as upstream, Emulator(record=upstream, cassettes=str(folder)) as recorder:
        api = Api(recorder)
        created = api.post("/responses", {"model": "gpt-4o", "input": "hi", "background": True})
        polls: List[str] = []
        for _ in range(3):
            polls.append(api.get(f"/responses/{created.json()['id']}").json()["status"])
    assert polls == ["in_progress", "completed", "completed"]
    with Emulator(replay=str(folder)) as player:
        api = Api(player)
        response_id = api.post("/responses", {"model": "gpt-4o", "input": "hi", "background": True})
        again = [api.get(f"/responses/{response_id.json()['id']}").json()["status"] for _ in polls]
    assert again == polls


def test_the_options_are_checked() -> None:
    with pytest.raises(ValueError):
        Emulator(record="http://127.0.0.1:9/v1")
    with pytest.raises(ValueError):
        Emulator(record="http://127.0.0.1:9/v1", cassettes="x", replay="y")


INNER_TEST = """
import openai

def test_chat_through_cassettes(openai_cassette):
    client = openai.OpenAI(api_key=openai_cassette.api_key, base_url=openai_cassette.base_url)
    answer = client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "PROMPT"}]
    )
    chunks = list(client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "PROMPT"}], stream=True
    ))
    assert answer.choices[0].message.content and chunks
    assert openai_cassette.client.models()["data"]
"""


def _inner_pytest(folder: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--tb=line",
            str(folder),
            *args,
        ],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        cwd=folder,
        timeout=120,
    )


def test_the_fixture_records_once_then_replays_offline(tmp_path: Path) -> None:
    (tmp_path / "test_inner.py").write_text(INNER_TEST.replace("PROMPT", "hello"))
    with Emulator() as upstream:
        recorded = _inner_pytest(
            tmp_path, "--record-cassettes", OPENAI_CASSETTE_UPSTREAM=upstream, OPENAI_API_KEY=KEY
        )
    assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    folder = tmp_path / "cassettes" / "test_inner" / "test_chat_through_cassettes"
    assert len(list(folder.glob("*.json"))) == 3
    assert KEY not in "".join(p.read_text() for p in folder.glob("*.json"))
    replayed = _inner_pytest(tmp_path, OPENAI_API_KEY="")
    assert replayed.returncode == 0, replayed.stdout + replayed.stderr
    (tmp_path / "test_inner.py").write_text(INNER_TEST.replace("PROMPT", "changed"))
    changed = _inner_pytest(tmp_path)
    assert changed.returncode == 1 and "No cassette for POST /v1/chat/completions" in changed.stdout
    assert "closest cassette is post-v1-chat-completions-" in changed.stdout
