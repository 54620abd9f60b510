"""Realtime connections of both faces against the emulator: turns, errors, faults, closing."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any, List

import pytest

import openai_rest
from openai_rest import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    RealtimeError,
)

from .conftest import WEATHER_TOOL, b64, silence, tone

MODEL = "gpt-realtime"


def text_turn(rt: Any, prompt: str) -> Any:
    assert rt.recv(timeout=10)["type"] == "session.created"
    rt.session_update(output_modalities=["text"])
    assert rt.recv(timeout=10)["type"] == "session.updated"
    rt.create_item(prompt)
    assert rt.recv(timeout=10)["type"] == "conversation.item.created"
    rt.create_response()
    return rt.receive_response(timeout=10)


def test_text_turn_sync(openai_emulator: Any) -> None:
    with openai_emulator.client.realtime_connect(model=MODEL) as rt:
        result = text_turn(rt, "echo: Hello from a test")
        assert rt.request_id and rt.request_id.startswith("req_")
        assert rt.session["model"] == MODEL and rt.session["output_modalities"] == ["text"]
    assert result.text == "Hello from a test"
    assert result.status == "completed"
    assert result.usage["output_tokens"] == 4 and result.usage["total_tokens"] > 4
    assert result.audio == b"" and result.function_calls == []
    assert rt.closed


def test_text_turn_async(openai_emulator: Any) -> None:
    async def main() -> Any:
        async with openai_emulator.async_client.realtime_connect(model=MODEL) as rt:
            assert (await rt.recv(timeout=10))["type"] == "session.created"
            await rt.session_update(output_modalities=["text"])
            await rt.create_item("echo: Hello async")
            await rt.create_response()
            kinds = []
            async for event in rt:
                kinds.append(event["type"])
                if event["type"] == "response.done":
                    break
            return kinds, event

    kinds, done = asyncio.run(main())
    assert kinds[:2] == ["session.updated", "conversation.item.created"]
    assert "response.output_text.delta" in kinds and kinds[-1] == "response.done"
    assert done["response"]["output"][0]["content"][0]["text"] == "Hello async"


def test_the_same_conversation_gives_the_same_answer(openai_emulator: Any) -> None:
    answers = []
    for _ in range(2):
        with openai_emulator.client.realtime_connect(model=MODEL) as rt:
            answers.append(text_turn(rt, "Tell me about WebSockets").text)
    assert answers[0] == answers[1] and len(answers[0].split()) > 5


def test_audio_turn(openai_emulator: Any) -> None:
    with openai_emulator.client.realtime_connect(model=MODEL) as rt:
        rt.recv(timeout=10)
        rt.session_update(audio={"input": {"turn_detection": None}})
        rt.recv(timeout=10)
        rt.append_audio(tone(300))
        rt.commit_audio()
        assert rt.recv(timeout=10)["type"] == "input_audio_buffer.committed"
        created = rt.recv(timeout=10)
        assert created["type"] == "conversation.item.created"
        assert created["item"]["content"][0]["type"] == "input_audio"
        rt.create_response()
        result = rt.receive_response(timeout=10)
    words = len(result.transcript.split())
    assert words > 3
    # 16-bit mono at 24 kHz, 60 ms a word: the emulator's speech, decoded and joined
    assert len(result.audio) == 24000 * 2 * words * 60 // 1000
    assert result.text == ""
    assert result.response["output"][0]["content"][0]["transcript"] == result.transcript


def test_audio_in_g711(openai_emulator: Any) -> None:
    with openai_emulator.client.realtime_connect(model=MODEL) as rt:
        rt.recv(timeout=10)
        rt.session_update(audio={"output": {"format": {"type": "audio/pcmu"}}})
        rt.recv(timeout=10)
        rt.create_item("echo: one two three four five")
        rt.recv(timeout=10)
        rt.create_response()
        result = rt.receive_response(timeout=10)
    assert len(result.audio) == 8000 * 5 * 60 // 1000  # one byte a sample at 8 kHz
    assert result.transcript == "one two three four five"


def test_server_turn_detection_answers_after_silence(openai_emulator: Any) -> None:
    with openai_emulator.client.realtime_connect(model=MODEL) as rt:
        rt.recv(timeout=10)
        rt.append_audio(silence())  # silence before speech: nothing happens
        rt.append_audio(tone())
        assert rt.recv(timeout=10)["type"] == "input_audio_buffer.speech_started"
        rt.append_audio(silence())
        kinds = [rt.recv(timeout=10)["type"] for _ in range(3)]
        assert kinds == [
            "input_audio_buffer.speech_stopped",
            "input_audio_buffer.committed",
            "conversation.item.created",
        ]
        result = rt.receive_response(timeout=10)
    assert result.status == "completed" and result.audio and result.transcript


def test_function_call_turn(openai_emulator: Any) -> None:
    with openai_emulator.client.realtime_connect(model=MODEL) as rt:
        rt.recv(timeout=10)
        rt.session_update(output_modalities=["text"], tools=[WEATHER_TOOL])
        rt.recv(timeout=10)
        rt.create_item("What is the weather in Paris? Use get_weather.")
        rt.recv(timeout=10)
        rt.create_response()
        call_turn = rt.receive_response(timeout=10)
        [call] = call_turn.function_calls
        assert call["name"] == "get_weather" and call["call_id"].startswith("call_")
        assert set(json.loads(call["arguments"])) == {"city"}
        assert call_turn.text == ""
        rt.function_output(call["call_id"], {"celsius": 21})
        assert rt.recv(timeout=10)["item"]["type"] == "function_call_output"
        rt.create_response()
        answer = rt.receive_response(timeout=10)
    assert answer.function_calls == [] and answer.text


def test_error_event_raises_and_the_connection_goes_on(openai_emulator: Any) -> None:
    with openai_emulator.client.realtime_connect(model=MODEL) as rt:
        rt.recv(timeout=10)
        rt.send({"type": "session.update", "event_id": "evt_42", "session": {"voice": 3}})
        with pytest.raises(RealtimeError) as caught:
            rt.recv(timeout=10)
        error = caught.value
        assert error.code == "unknown_parameter" and error.param == "session.voice"
        assert error.event_id == "evt_42" and error.type == "invalid_request_error"
        assert "Unknown parameter: 'session.voice'" in str(error)
        assert rt.request_id in str(error)
        assert error.body["type"] == "error"
        rt.send({"type": "response.creat"})
        with pytest.raises(RealtimeError, match=r"Invalid value: 'response\.creat'"):
            for _ in rt:
                pass
        assert text_turn_after_session(rt, "echo: still here") == "still here"


def text_turn_after_session(rt: Any, prompt: str) -> str:
    rt.create_item(prompt)
    rt.create_response(output_modalities=["text"])
    return str(rt.receive_response(timeout=10).text)


def test_error_event_is_yielded_without_raise_on_error(openai_emulator: Any) -> None:
    client = openai_emulator.client
    with client.realtime_connect(model=MODEL, raise_on_error=False) as rt:
        rt.recv(timeout=10)
        rt.send({"type": "input_audio_buffer.append", "audio": "not base64!"})
        error = rt.recv(timeout=10)
    assert error["type"] == "error" and error["error"]["param"] == "audio"


def test_bad_fields_are_errors(openai_emulator: Any) -> None:
    bad = [
        ({"type": "session.update", "session": {"output_modalities": ["video"]}}, "invalid_value"),
        ({"type": "session.update", "session": {"instructions": 5}}, "invalid_type"),
        ({"type": "session.update"}, "missing_required_parameter"),
        ({"type": "conversation.item.create", "item": {"type": "note"}}, "invalid_value"),
        ({"type": "response.create", "response": {"max_output_tokens": 0}}, None),
        ({"type": "conversation.item.delete", "item_id": "item_nope"}, "item_not_found"),
        (
            {
                "type": "conversation.item.create",
                "item": {
                    "type": "message",
                    "role": "user",
                    "content": [{"type": "input_text", "txt": "typo"}],
                },
            },
            "unknown_parameter",
        ),
        (
            {
                "type": "conversation.item.create",
                "item": {
                    "type": "message",
                    "role": "user",
                    "content": [{"type": "output_text", "text": "not a user's part"}],
                },
            },
            "invalid_value",
        ),
        (
            {"type": "conversation.item.create", "item": {"type": "function_call_output"}},
            "missing_required_parameter",
        ),
        ({"type": "response.cancel", "colour": "red"}, "unknown_parameter"),
    ]
    with openai_emulator.client.realtime_connect(model=MODEL, raise_on_error=False) as rt:
        rt.recv(timeout=10)
        for event, code in bad:
            rt.send(event)
            answer = rt.recv(timeout=10)
            assert answer["type"] == "error", event
            if code:
                assert answer["error"]["code"] == code, (event, answer)


def test_a_dropped_connection_raises(openai_emulator: Any) -> None:
    openai_emulator.faults.inject("stream-reset-after=4", path="/v1/realtime")
    with openai_emulator.client.realtime_connect(model=MODEL) as rt:
        rt.session_update(output_modalities=["text"])
        rt.create_item("Hello")
        rt.create_response()
        with pytest.raises(APIConnectionError, match="dropped"):
            for _ in rt:
                pass
        with pytest.raises(APIConnectionError, match="closed"):
            rt.send({"type": "response.create"})


def test_a_dropped_connection_raises_async(openai_emulator: Any) -> None:
    async def main() -> None:
        openai_emulator.faults.inject("stream-reset-after=2", path="/v1/realtime")
        async with openai_emulator.async_client.realtime_connect(model=MODEL) as rt:
            await rt.create_item("Hello")
            await rt.create_response()
            with pytest.raises(APIConnectionError, match="dropped"):
                async for _ in rt:
                    pass

    asyncio.run(main())


def test_a_clean_close_during_a_response_raises(openai_emulator: Any) -> None:
    openai_emulator.faults.inject("stream-cut-after=4", path="/v1/realtime")
    with openai_emulator.client.realtime_connect(model=MODEL) as rt:
        rt.create_item("Hello")
        rt.create_response()
        with pytest.raises(APIConnectionError, match=r"before response\.done of resp_"):
            rt.receive_response(timeout=10)


def test_a_clean_close_between_responses_ends_iteration(openai_emulator: Any) -> None:
    openai_emulator.faults.inject("stream-cut-after=1", path="/v1/realtime")
    with openai_emulator.client.realtime_connect(model=MODEL) as rt:
        assert [e["type"] for e in rt] == ["session.created"]
        assert rt.closed
        with pytest.raises(APIConnectionError, match="closed"):
            rt.recv()


def test_fault_error_event_raises(openai_emulator: Any) -> None:
    openai_emulator.faults.inject("stream-error-after=1; message=Emulated outage", "/v1/realtime")
    with openai_emulator.client.realtime_connect(model=MODEL) as rt:
        rt.recv(timeout=10)
        with pytest.raises(RealtimeError, match="Emulated outage") as caught:
            rt.recv(timeout=10)
    assert caught.value.type == "server_error"


def test_a_refused_handshake_raises_the_status_error(openai_emulator: Any) -> None:
    openai_emulator.faults.inject("401", path="/v1/realtime")
    with pytest.raises(AuthenticationError) as caught:
        openai_emulator.client.realtime_connect(model=MODEL)
    assert caught.value.status_code == 401 and caught.value.request_id
    with pytest.raises(BadRequestError):
        openai_emulator.client.realtime_connect()  # no model


def test_a_refused_handshake_raises_async(openai_emulator: Any) -> None:
    async def main() -> None:
        openai_emulator.faults.inject("429; retry-after-ms=10; times=3", path="/v1/realtime")
        with pytest.raises(openai_rest.RateLimitError):
            async with openai_emulator.async_client.realtime_connect(model=MODEL):
                pass
        with pytest.raises(APIConnectionError):
            client = openai_rest.AsyncClient(
                openai_emulator.config(api_url="http://127.0.0.1:9/v1")
            )
            await client.realtime_connect(model=MODEL)

    asyncio.run(main())


def test_no_server_raises_connection_error() -> None:
    nowhere = openai_rest.Config(api_key="sk-x", api_url="http://127.0.0.1:9/v1", max_retries=0)
    client = openai_rest.Client(nowhere)
    with pytest.raises(APIConnectionError, match=r"127\.0\.0\.1:9"):
        client.realtime_connect(model=MODEL)


def test_no_key_fails_before_any_io(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    client = openai_rest.Client(openai_rest.Config(api_url="http://127.0.0.1:9/v1"))
    with pytest.raises(openai_rest.OpenAIError, match="no API key"):
        client.realtime_connect(model=MODEL)


def test_recv_timeout(openai_emulator: Any) -> None:
    with openai_emulator.client.realtime_connect(model=MODEL) as rt:
        rt.recv(timeout=10)
        with pytest.raises(APITimeoutError):
            rt.recv(timeout=0.05)
        rt.session_update(instructions="still usable")
        assert rt.recv(timeout=10)["type"] == "session.updated"


def test_cancel_a_response(openai_emulator: Any) -> None:
    openai_emulator.faults.inject("slow=10", path="/v1/realtime")
    with openai_emulator.client.realtime_connect(model=MODEL) as rt:
        rt.create_item("Tell me a long story")
        rt.create_response()
        for event in rt:
            if event["type"] == "response.output_audio.delta":
                rt.cancel_response()
                break
        result = rt.receive_response(timeout=10)
        assert result.status == "cancelled"
        assert result.response["status_details"]["reason"] == "client_cancelled"
        rt.create_response()  # the conversation is free for the next one
        assert rt.receive_response(timeout=10).status == "completed"


def test_a_second_response_while_one_runs_is_an_error(openai_emulator: Any) -> None:
    openai_emulator.faults.inject("slow=5", path="/v1/realtime")
    with openai_emulator.client.realtime_connect(model=MODEL, raise_on_error=False) as rt:
        rt.create_response()
        rt.create_response()
        codes = []
        for event in rt:
            if event["type"] == "error":
                codes.append(event["error"]["code"])
            if event["type"] == "response.done":
                break
    assert codes == ["conversation_already_has_active_response"]


def test_close_ends_iteration_and_send_raises(openai_emulator: Any) -> None:
    rt = openai_emulator.client.realtime_connect(model=MODEL)
    rt.recv(timeout=10)
    rt.close()
    rt.close()  # twice is harmless
    assert rt.closed and list(rt) == []
    with pytest.raises(APIConnectionError):
        rt.send({"type": "response.create"})
    assert "closed" in repr(rt)


def test_send_checks_the_event(openai_emulator: Any) -> None:
    with openai_emulator.client.realtime_connect(model=MODEL) as rt:
        with pytest.raises(TypeError, match="type"):
            rt.send({"session": {}})
        with pytest.raises(TypeError, match="dict"):
            rt.send("response.create")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="bytes"):
            rt.append_audio("not bytes")  # type: ignore[arg-type]


def test_await_without_async_with(openai_emulator: Any) -> None:
    async def main() -> str:
        rt = await openai_emulator.async_client.realtime_connect(model=MODEL)
        try:
            return str((await rt.recv(timeout=10))["type"])
        finally:
            await rt.close()

    assert asyncio.run(main()) == "session.created"


def test_module_face(openai_emulator: Any) -> None:
    openai_rest.configure(api_key=openai_emulator.api_key, api_url=openai_emulator.base_url)
    with openai_rest.realtime_connect(model=MODEL) as rt:
        assert text_turn(rt, "echo: module face").text == "module face"


def test_config_override_per_call(openai_emulator: Any) -> None:
    client = openai_rest.Client(openai_rest.Config(api_key="sk-x", api_url="http://127.0.0.1:9/v1"))
    with client.realtime_connect(model=MODEL, config=openai_emulator.config()) as rt:
        assert rt.recv(timeout=10)["type"] == "session.created"


def test_send_after_the_server_dropped_raises(openai_emulator: Any) -> None:
    openai_emulator.faults.inject("stream-reset-after=1", path="/v1/realtime")
    with openai_emulator.client.realtime_connect(model=MODEL) as rt:
        assert rt.recv(timeout=10)["type"] == "session.created"
        with pytest.raises(APIConnectionError):
            for _ in range(50):  # the drop reaches the client within a few sends at most
                rt.send({"type": "response.create"})
                time.sleep(0.01)


def test_an_audio_item_is_heard(openai_emulator: Any) -> None:
    audio_part = {"type": "input_audio", "audio": b64(tone())}
    with openai_emulator.client.realtime_connect(model=MODEL) as rt:
        rt.recv(timeout=10)
        rt.create_item({"type": "message", "role": "user", "content": [audio_part]})
        created = rt.recv(timeout=10)
        rt.send({"type": "conversation.item.retrieve", "item_id": created["item"]["id"]})
        retrieved = rt.recv(timeout=10)["item"]
    transcript = created["item"]["content"][0]["transcript"]
    assert created["type"] == "conversation.item.created" and len(transcript.split()) > 3
    assert "audio" not in created["item"]["content"][0]  # announced without its audio data
    assert retrieved["content"][0]["audio"] == audio_part["audio"]


def test_the_handshake_is_retried_as_requests_are(openai_emulator: Any) -> None:
    openai_emulator.faults.inject("503; times=2", path="/v1/realtime")
    with openai_emulator.client.realtime_connect(model=MODEL) as rt:  # max_retries=2
        assert rt.recv(timeout=10)["type"] == "session.created"
    openai_emulator.faults.inject("429; retry-after-ms=10; times=3", path="/v1/realtime")
    with pytest.raises(openai_rest.RateLimitError) as caught:
        openai_emulator.client.realtime_connect(model=MODEL)
    assert caught.value.response.retries == 2
    assert "handshake was refused" in str(caught.value)
    openai_emulator.faults.inject("429; code=insufficient_quota", path="/v1/realtime")
    client = openai_rest.Client(openai_emulator.config(max_retries=0))
    with pytest.raises(openai_rest.RateLimitError):
        client.realtime_connect(model=MODEL)
    openai_emulator.faults.clear()


def test_the_handshake_is_retried_async(openai_emulator: Any) -> None:
    async def main() -> str:
        openai_emulator.faults.inject("reset", path="/v1/realtime")  # no answer at all, once
        async with openai_emulator.async_client.realtime_connect(model=MODEL) as rt:
            return str((await rt.recv(timeout=10))["type"])

    assert asyncio.run(main()) == "session.created"


def test_event_hooks_see_each_handshake_attempt(openai_emulator: Any) -> None:
    seen: List[Any] = []
    hooks = {
        "request": [lambda request: seen.append(("request", request.method, request.url))],
        "response": [lambda request, response: seen.append(("response", response.status))],
    }
    openai_emulator.faults.inject("503; retry-after-ms=1", path="/v1/realtime")
    client = openai_rest.Client(openai_emulator.config(), event_hooks=hooks)
    with client.realtime_connect(model=MODEL) as rt:
        rt.recv(timeout=10)
    url = openai_emulator.base_url.replace("http://", "ws://") + "/realtime?model=" + MODEL
    assert seen == [
        ("request", "GET", url),
        ("response", 503),
        ("request", "GET", url),
        ("response", 101),
    ]

    async def main() -> None:
        aclient = openai_rest.AsyncClient(openai_emulator.config(), event_hooks=hooks)
        async with aclient.realtime_connect(model=MODEL) as art:
            await art.recv(timeout=10)

    seen.clear()
    asyncio.run(main())
    assert seen == [("request", "GET", url), ("response", 101)]


def test_a_client_that_vanishes_mid_response_leaves_the_emulator_serving(
    openai_emulator: Any,
) -> None:
    for _ in range(3):
        rt = openai_emulator.client.realtime_connect(model=MODEL)
        rt.create_item("Tell me a long story")
        rt.create_response(output_modalities=["audio"])
        rt.recv(timeout=10)
        rt.close()  # while the audio streams
    with openai_emulator.client.realtime_connect(model=MODEL) as rt:
        assert text_turn(rt, "echo: still serving").text == "still serving"
