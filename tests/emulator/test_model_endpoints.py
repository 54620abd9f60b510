"""The deterministic model through HTTP: chat, completions, embeddings, images, audio..."""

from __future__ import annotations

import array
import base64
import io
import json
import math
import sys
import wave
from typing import Any, Dict, List

import pytest

from ._helpers import Api

CHAT = {"model": "gpt-4o", "messages": [{"role": "user", "content": "Tell me about tests."}]}
WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}, "days": {"type": "integer"}},
        },
    },
}


def _stream(api: Api, path: str, body: Dict[str, Any]) -> List[Any]:
    answer = api.post(path, {**body, "stream": True})
    assert answer.status == 200
    assert answer.headers["content-type"].startswith("text/event-stream")
    events = answer.events()
    assert events[-1] == (None, "[DONE]")
    return [json.loads(data) for _, data in events[:-1]]


def test_models_list_retrieve_and_unknown(api: Api) -> None:
    listed = api.get("/models").json()
    assert listed["object"] == "list" and listed["data"]
    first = listed["data"][0]
    assert api.get(f"/models/{first['id']}").json() == first
    missing = api.get("/models/no-such-model")
    assert missing.status == 404
    assert set(missing.json()["error"]) == {"message", "type", "param", "code"}
    assert missing.json()["error"]["type"] == "invalid_request_error"


def test_engines_are_the_models(api: Api) -> None:
    engines = api.get("/engines").json()["data"]
    models = api.get("/models").json()["data"]
    assert [e["id"] for e in engines] == [m["id"] for m in models]
    assert api.get(f"/engines/{engines[0]['id']}").json()["object"] == "engine"


def test_chat_is_deterministic_with_usage(api: Api) -> None:
    one, two = (
        api.post("/chat/completions", CHAT).json(),
        api.post("/chat/completions", CHAT).json(),
    )
    other = api.post(
        "/chat/completions", {**CHAT, "messages": [{"role": "user", "content": "Other."}]}
    ).json()
    text = one["choices"][0]["message"]["content"]
    assert one["id"].startswith("chatcmpl-") and one["object"] == "chat.completion"
    assert text and text == two["choices"][0]["message"]["content"]
    assert text != other["choices"][0]["message"]["content"]
    usage = one["usage"]
    assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"]
    assert one["choices"][0]["finish_reason"] == "stop"


def test_chat_n_max_tokens_and_echo(api: Api) -> None:
    many = api.post("/chat/completions", {**CHAT, "n": 3}).json()
    assert [c["index"] for c in many["choices"]] == [0, 1, 2]
    cut = api.post("/chat/completions", {**CHAT, "max_tokens": 2}).json()
    assert cut["choices"][0]["finish_reason"] == "length"
    assert cut["usage"]["completion_tokens"] == 2
    echo = {**CHAT, "messages": [{"role": "user", "content": "echo: exactly this"}]}
    said = api.post("/chat/completions", echo).json()
    assert said["choices"][0]["message"]["content"] == "exactly this"


def test_chat_stream_matches_the_whole_answer(api: Api) -> None:
    whole = api.post("/chat/completions", CHAT).json()
    body = {**CHAT, "stream_options": {"include_usage": True}}
    chunks = _stream(api, "/chat/completions", body)
    assert all(c["object"] == "chat.completion.chunk" for c in chunks)
    assert len({c["id"] for c in chunks}) == 1
    deltas = [c["choices"][0]["delta"] for c in chunks if c["choices"]]
    assert deltas[0]["role"] == "assistant"
    assert len(deltas) > 3  # several events, a few words each
    assert (
        "".join(d.get("content") or "" for d in deltas) == whole["choices"][0]["message"]["content"]
    )
    assert chunks[-2]["choices"][0]["finish_reason"] == "stop"
    assert chunks[-1]["choices"] == [] and chunks[-1]["usage"] == whole["usage"]
    plain = _stream(api, "/chat/completions", CHAT)
    assert all(c["choices"] for c in plain) and "usage" not in plain[-1]


def test_tool_call_when_asked_and_not_otherwise(api: Api) -> None:
    asked = {
        "model": "gpt-4o",
        "tools": [WEATHER_TOOL],
        "messages": [{"role": "user", "content": "What does get_weather say for Paris?"}],
    }
    answer = api.post("/chat/completions", asked).json()["choices"][0]
    assert answer["finish_reason"] == "tool_calls"
    call = answer["message"]["tool_calls"][0]
    assert call["id"].startswith("call_") and call["function"]["name"] == "get_weather"
    arguments = json.loads(call["function"]["arguments"])
    assert isinstance(arguments["city"], str) and isinstance(arguments["days"], int)

    chunks = _stream(api, "/chat/completions", asked)
    entries = [e for c in chunks for e in c["choices"][0]["delta"].get("tool_calls") or []]
    assert len(entries) > 2  # the arguments come in fragments
    assert (
        "".join(e["function"].get("arguments", "") for e in entries)
        == call["function"]["arguments"]
    )
    assert chunks[-1]["choices"][0]["finish_reason"] == "tool_calls"

    chatty = {**asked, "messages": [{"role": "user", "content": "Hello there."}]}
    assert api.post("/chat/completions", chatty).json()["choices"][0]["finish_reason"] == "stop"
    forced = {**chatty, "tool_choice": "required"}
    assert api.post("/chat/completions", forced).json()["choices"][0]["finish_reason"] == (
        "tool_calls"
    )


def test_completions_engines_and_edits(api: Api) -> None:
    body = {"model": "gpt-3.5-turbo-instruct", "prompt": "Say hi", "max_tokens": 50}
    whole = api.post("/completions", body).json()
    assert whole["object"] == "text_completion" and whole["id"].startswith("cmpl-")
    chunks = _stream(api, "/completions", body)
    assert "".join(c["choices"][0]["text"] for c in chunks) == whole["choices"][0]["text"]
    legacy = api.post("/engines/davinci-002/completions", {"prompt": "Say hi", "max_tokens": 50})
    assert legacy.json()["model"] == "davinci-002"
    edit = api.post("/edits", {"model": "text-davinci-edit-001", "input": "a", "instruction": "b"})
    assert edit.json()["object"] == "edit" and edit.json()["choices"][0]["text"].startswith("a")
    assert api.post("/edits", {"model": "x"}).json()["error"]["param"] == "instruction"


def _norm(vector: List[float]) -> float:
    return math.sqrt(sum(v * v for v in vector))


def test_embeddings_float_base64_and_dimensions(api: Api) -> None:
    body = {"model": "text-embedding-3-small", "input": ["one", "two"]}
    floats = api.post("/embeddings", body).json()
    first, second = (d["embedding"] for d in floats["data"])
    assert len(first) == 1536 and abs(_norm(first) - 1) < 1e-9 and first != second
    assert api.post("/embeddings", body).json()["data"][0]["embedding"] == first
    encoded = api.post("/embeddings", {**body, "encoding_format": "base64"}).json()
    packed = array.array("f", base64.b64decode(encoded["data"][0]["embedding"]))
    if sys.byteorder == "big":
        packed.byteswap()
    assert len(packed) == 1536
    assert all(abs(a - b) < 1e-6 for a, b in zip(packed, first))
    small = api.post("/embeddings", {**body, "dimensions": 8}).json()["data"][0]["embedding"]
    assert len(small) == 8 and abs(_norm(small) - 1) < 1e-9
    assert api.post("/embeddings", {"model": "x"}).json()["error"]["param"] == "input"


def _is_png(data: bytes) -> bool:
    return data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82")


def test_images_b64_url_and_multipart(api: Api) -> None:
    b64 = api.post("/images/generations", {"prompt": "a cat", "response_format": "b64_json"})
    assert _is_png(base64.b64decode(b64.json()["data"][0]["b64_json"]))
    by_url = api.post("/images/generations", {"prompt": "a cat", "n": 2}).json()
    assert len(by_url["data"]) == 2
    url = by_url["data"][0]["url"]
    image = Api(url.split("/emulator/")[0] + "/v1", key=None).get(
        "/emulator/" + url.split("/emulator/")[1]
    )
    assert image.status == 200 and _is_png(image.body)
    png = base64.b64decode(b64.json()["data"][0]["b64_json"])
    edit = api.upload(
        "/images/edits",
        {"prompt": "hat", "response_format": "b64_json"},
        {"image": ("cat.png", png)},
    )
    assert _is_png(base64.b64decode(edit.json()["data"][0]["b64_json"]))
    variation = api.upload("/images/variations", {}, {"image": ("cat.png", png)})
    assert variation.status == 200 and variation.json()["data"][0]["url"]
    missing = api.upload("/images/edits", {"prompt": "hat"}, {})
    assert missing.status == 400 and missing.json()["error"]["param"] == "image"


def test_speech_is_valid_audio(api: Api) -> None:
    body = {"model": "tts-1", "input": "Hello", "voice": "alloy"}
    mp3 = api.post("/audio/speech", body)
    assert mp3.headers["content-type"] == "audio/mpeg" and mp3.body[:2] == b"\xff\xfb"
    wav = api.post("/audio/speech", {**body, "response_format": "wav"})
    with wave.open(io.BytesIO(wav.body)) as reader:
        assert reader.getnframes() > 0 and reader.getsampwidth() == 2


@pytest.mark.parametrize("fmt", ["json", "text", "srt", "verbose_json", "vtt"])
def test_transcription_formats(api: Api, fmt: str) -> None:
    audio = api.post("/audio/speech", {"model": "tts-1", "input": "x", "voice": "alloy"}).body
    answer = api.upload(
        "/audio/transcriptions",
        {"model": "whisper-1", "response_format": fmt},
        {"file": ("speech.mp3", audio)},
    )
    assert answer.status == 200
    reference = api.upload(
        "/audio/transcriptions", {"model": "whisper-1"}, {"file": ("speech.mp3", audio)}
    ).json()["text"]
    if fmt in ("json", "verbose_json"):
        assert answer.headers["content-type"].startswith("application/json")
        assert answer.json()["text"] == reference
    else:
        assert answer.headers["content-type"].startswith("text/plain")
        assert reference in answer.body.decode()
        if fmt == "vtt":
            assert answer.body.startswith(b"WEBVTT")
        if fmt == "srt":
            assert b" --> " in answer.body


def test_audio_needs_an_audio_file_name(api: Api) -> None:
    answer = api.upload("/audio/translations", {"model": "whisper-1"}, {"file": ("blob", b"x")})
    assert answer.status == 400 and answer.json()["error"]["param"] == "file"


def test_moderations_flag_obvious_words(api: Api) -> None:
    answer = api.post("/moderations", {"input": ["I will kill you", "What a nice day"]}).json()
    assert answer["id"].startswith("modr-")
    bad, good = answer["results"]
    assert bad["flagged"] and bad["categories"]["violence"]
    assert not good["flagged"] and not any(good["categories"].values())
