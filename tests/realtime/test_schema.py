"""Every event the emulator sends, and every event our senders build, validates against the
current spec's realtime event schemas."""

from __future__ import annotations

from typing import Any, Dict, List

from .conftest import WEATHER_TOOL, Schemas, b64, silence, tone

# What the issue asks the emulator to send, at the least.
EXPECTED = {
    "session.created",
    "session.updated",
    "conversation.item.created",
    "response.created",
    "response.output_item.added",
    "response.output_item.done",
    "response.content_part.added",
    "response.content_part.done",
    "response.output_text.delta",
    "response.output_text.done",
    "response.output_audio.delta",
    "response.output_audio.done",
    "response.output_audio_transcript.delta",
    "response.output_audio_transcript.done",
    "response.function_call_arguments.delta",
    "response.function_call_arguments.done",
    "response.done",
    "input_audio_buffer.committed",
    "input_audio_buffer.cleared",
    "input_audio_buffer.speech_started",
    "input_audio_buffer.speech_stopped",
    "conversation.item.input_audio_transcription.completed",
    "conversation.item.retrieved",
    "conversation.item.deleted",
    "conversation.item.truncated",
    "error",
}


def until(rt: Any, kind: str, seen: List[Dict[str, Any]]) -> Dict[str, Any]:
    for event in rt:
        seen.append(event)
        if event["type"] == kind:
            return event
    raise AssertionError(f"the connection ended before {kind}")


def every_kind_of_event(client: Any) -> List[Dict[str, Any]]:
    """A session that makes the emulator send each kind of event it knows."""
    seen: List[Dict[str, Any]] = []
    with client.realtime_connect(model="gpt-realtime", raise_on_error=False) as rt:
        until(rt, "session.created", seen)
        rt.session_update(output_modalities=["text"], instructions="Be brief.")
        until(rt, "session.updated", seen)
        rt.create_item("Hello there")
        item = until(rt, "conversation.item.created", seen)["item"]
        rt.create_response()
        until(rt, "response.done", seen)
        rt.create_response(output_modalities=["audio"], max_output_tokens=3)
        until(rt, "response.done", seen)
        for fmt in ("audio/pcmu", "audio/pcma"):
            rt.session_update(audio={"output": {"format": {"type": fmt}, "voice": "marin"}})
            until(rt, "session.updated", seen)
            rt.create_response(output_modalities=["audio"], conversation="none")
            until(rt, "response.done", seen)
        rt.session_update(
            tools=[WEATHER_TOOL],
            output_modalities=["audio"],
            audio={
                "input": {"transcription": {"model": "gpt-4o-mini-transcribe"}},
                "output": {"format": {"type": "audio/pcm", "rate": 24000}},
            },
        )
        until(rt, "session.updated", seen)
        rt.create_item("What is the weather in Paris? Call get_weather.")
        until(rt, "conversation.item.created", seen)
        rt.create_response()
        done = until(rt, "response.done", seen)
        call = done["response"]["output"][0]
        rt.function_output(call["call_id"], {"celsius": 21})
        until(rt, "conversation.item.created", seen)
        rt.create_response()
        until(rt, "response.done", seen)
        rt.append_audio(tone())  # server turn detection: speech, then silence ends the turn
        until(rt, "input_audio_buffer.speech_started", seen)
        rt.append_audio(silence())
        until(rt, "response.done", seen)
        rt.send({"type": "input_audio_buffer.append", "audio": b64(tone())})
        rt.clear_audio()
        until(rt, "input_audio_buffer.cleared", seen)
        rt.session_update(audio={"input": {"turn_detection": None}})
        until(rt, "session.updated", seen)
        rt.append_audio(tone())
        rt.commit_audio()
        until(rt, "input_audio_buffer.committed", seen)
        rt.send({"type": "conversation.item.retrieve", "item_id": item["id"]})
        until(rt, "conversation.item.retrieved", seen)
        rt.send(
            {
                "type": "conversation.item.truncate",
                "item_id": item["id"],
                "content_index": 0,
                "audio_end_ms": 0,
            }
        )
        until(rt, "conversation.item.truncated", seen)
        rt.send({"type": "conversation.item.delete", "item_id": item["id"]})
        until(rt, "conversation.item.deleted", seen)
        rt.send({"type": "no.such.event", "event_id": "evt_1"})
        until(rt, "error", seen)
        rt.commit_audio()  # empty buffer
        until(rt, "error", seen)
        rt.send({"type": "session.update", "session": {"type": "realtime", "colour": "red"}})
        until(rt, "error", seen)
        rt.cancel_response()  # nothing to cancel
        until(rt, "error", seen)
    return seen


def test_every_event_the_emulator_sends_validates(openai_emulator: Any, schemas: Schemas) -> None:
    seen = every_kind_of_event(openai_emulator.client)
    problems = {}
    for event in seen:
        errors = schemas.errors(event)
        if errors:
            problems.setdefault(event["type"], errors[:3])
    assert not problems, problems
    assert {e["type"] for e in seen} >= EXPECTED, EXPECTED - {e["type"] for e in seen}


def test_fault_error_event_validates(openai_emulator: Any, schemas: Schemas) -> None:
    openai_emulator.faults.inject("stream-error-after=1", path="/v1/realtime")
    with openai_emulator.client.realtime_connect(model="gpt-realtime", raise_on_error=False) as rt:
        rt.recv()
        error = rt.recv()
    assert error["type"] == "error" and error["error"]["type"] == "server_error"
    assert schemas.errors(error) == []


class Recorder:
    """A face whose ``send`` records: the senders' events, without a connection."""

    def __init__(self) -> None:
        self.sent: List[Dict[str, Any]] = []

    def send(self, event: Dict[str, Any]) -> None:
        self.sent.append(event)


def test_the_senders_build_client_events_of_the_spec(schemas: Schemas) -> None:
    from openai_rest._realtime._protocol import Senders

    face = type("Face", (Recorder, Senders), {})()
    face.session_update(instructions="Hi", output_modalities=["text"], tools=[WEATHER_TOOL])
    face.append_audio(tone(20))
    face.commit_audio()
    face.clear_audio()
    face.create_item("Hello")
    face.create_item("Earlier answer", role="assistant", previous_item_id="item_1")
    face.create_item(
        {
            "type": "message",
            "role": "system",
            "content": [{"type": "input_text", "text": "Be kind"}],
        }
    )
    face.create_response()
    face.create_response(instructions="Shout", output_modalities=["audio"], conversation="none")
    face.cancel_response()
    face.cancel_response("resp_1")
    face.function_output("call_1", {"ok": True})
    assert len(face.sent) == 12
    for event in face.sent:
        assert schemas.errors(event, "RealtimeClientEvent") == [], event


def test_the_schemas_catch_a_wrong_event(schemas: Schemas) -> None:
    assert schemas.errors({"type": "response.output_text.delta", "event_id": "e"})
    assert schemas.errors({"type": "response.done", "event_id": "e", "response": {"status": 1}})
    assert schemas.errors({"type": "response.text.delta"})  # the beta name: not in the spec
