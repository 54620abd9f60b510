"""The official SDK's ``client.realtime.connect(...)`` drives the emulator: a text turn, an audio
turn and a function-call turn, as openai-rest does in ``test_connection.py``."""

from __future__ import annotations

import asyncio
import base64
import json
from typing import Any, List

import pytest

from .conftest import WEATHER_TOOL, tone

openai = pytest.importorskip("openai", reason="the official SDK is a test dependency")
pytest.importorskip("websockets", reason="the official SDK's realtime needs websockets")

MODEL = "gpt-realtime"


def sdk(openai_emulator: Any) -> Any:
    return openai.OpenAI(api_key=openai_emulator.api_key, base_url=openai_emulator.base_url)


def until_done(connection: Any) -> List[Any]:
    events = []
    for event in connection:
        events.append(event)
        if event.type == "response.done":
            return events
    raise AssertionError("no response.done")


def test_sdk_text_turn(openai_emulator: Any) -> None:
    with sdk(openai_emulator).realtime.connect(model=MODEL) as connection:
        connection.session.update(session={"type": "realtime", "output_modalities": ["text"]})
        connection.conversation.item.create(
            item={
                "type": "message",
                "role": "user",
                "content": [{"type": "input_text", "text": "echo: hello SDK"}],
            }
        )
        connection.response.create()
        events = until_done(connection)
    text = "".join(e.delta for e in events if e.type == "response.output_text.delta")
    assert text == "hello SDK"
    done = events[-1].response
    assert done.status == "completed" and done.usage.output_tokens == 2


def test_sdk_audio_turn(openai_emulator: Any) -> None:
    with sdk(openai_emulator).realtime.connect(model=MODEL) as connection:
        connection.session.update(
            session={"type": "realtime", "audio": {"input": {"turn_detection": None}}}
        )
        connection.input_audio_buffer.append(audio=base64.b64encode(tone()).decode())
        connection.input_audio_buffer.commit()
        connection.response.create()
        events = until_done(connection)
    kinds = [e.type for e in events]
    assert "input_audio_buffer.committed" in kinds
    audio = b"".join(
        base64.b64decode(e.delta) for e in events if e.type == "response.output_audio.delta"
    )
    transcript = "".join(
        e.delta for e in events if e.type == "response.output_audio_transcript.delta"
    )
    assert len(audio) == 24000 * 2 * len(transcript.split()) * 60 // 1000


def test_sdk_function_call_turn(openai_emulator: Any) -> None:
    async def main() -> Any:
        client = openai.AsyncOpenAI(
            api_key=openai_emulator.api_key, base_url=openai_emulator.base_url
        )
        async with client.realtime.connect(model=MODEL) as connection:
            await connection.session.update(
                session={
                    "type": "realtime",
                    "output_modalities": ["text"],
                    "tools": [WEATHER_TOOL],
                }
            )
            await connection.conversation.item.create(
                item={
                    "type": "message",
                    "role": "user",
                    "content": [{"type": "input_text", "text": "Call get_weather for Oslo"}],
                }
            )
            await connection.response.create()
            async for event in connection:
                if event.type == "response.function_call_arguments.done":
                    call = event
                if event.type == "response.done":
                    return call

    call = asyncio.run(main())
    assert call.name == "get_weather" and "city" in json.loads(call.arguments)
