"""Every function of the seed surface (SURFACE.md) against the emulator, on both client faces.

One scenario, written once, runs on ``Client`` and on ``AsyncClient``; a last check makes sure
it called every seed function, so a new seed function cannot go untested.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any, Callable, Set

import pytest

import openai_rest

SURFACE = Path(__file__).resolve().parents[2] / ".." / "shared" / "SURFACE.md"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)
WAV = b"RIFF$\x00\x00\x00WAVEfmt " + b"\x00" * 28


def seed_functions() -> Set[str]:
    """The function names of SURFACE.md's table (the first column's names)."""
    names = set()
    for line in SURFACE.read_text(encoding="utf-8").splitlines():
        cells = line.split("|")
        if line.startswith("| `") and cells[2].strip().startswith(("GET", "POST", "DELETE", "as")):
            names.update(re.findall(r"`(\w+)[(`]", line.split("|")[1]))
    return names


def scenario(call: Callable[..., Any]) -> None:
    """Every seed function once, with state made by the earlier calls."""
    model = call("models")["data"][0]["id"]
    assert call("models", model)["id"] == model
    chat_args = {"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}]}
    assert call("chat_completion", **chat_args)["object"] == "chat.completion"
    assert call("chat_completion", **chat_args, stream=True)
    assert call("completions", model="gpt-3.5-turbo-instruct", prompt="hi")["choices"]
    assert call("completions", model="m", prompt="hi", stream=True)
    assert call("completions", "davinci-002", prompt="hi")["choices"]
    assert call("edits", model="m", input="hi", instruction="shout")["choices"]
    for name in ("images_generations", "image_generations"):
        assert call(name, prompt="a cat", n=1)["data"]
    for name in ("images_edits", "image_edits"):
        assert call(name, ("in.png", PNG), prompt="hat", mask=("m.png", PNG))["data"]
    for name in ("images_variations", "image_variations"):
        assert call(name, ("in.png", PNG), n=1)["data"]
    assert len(call("embeddings", model="e", input=["a"])["data"][0]["embedding"]) > 0
    speech = call("audio_speech", model="tts-1", voice="alloy", input="hi")
    assert speech.startswith((b"ID3", b"\xff\xfb"))  # an MP3
    assert "text" in call("audio_transcription", ("a.wav", WAV), model="whisper-1")
    assert isinstance(
        call("audio_translation", ("a.wav", WAV), model="w", response_format="text"), str
    )
    uploaded = call(
        "files_upload",
        ("train.jsonl", b'{"prompt": "a", "completion": "b"}\n'),
        purpose="fine-tune",
    )
    assert any(f["id"] == uploaded["id"] for f in call("files")["data"])
    assert call("files", uploaded["id"])["bytes"] == uploaded["bytes"]
    assert call("files_content", uploaded["id"]).startswith(b'{"prompt"')
    tune = call("finetunes_create", training_file=uploaded["id"])
    assert call("finetunes")["data"] and call("finetunes", tune["id"])["id"] == tune["id"]
    assert "data" in call("finetunes_list_events", tune["id"])
    assert call("finetunes_cancel", tune["id"])["id"] == tune["id"]
    assert call("moderations", input="I will kill you")["results"][0]["flagged"] is True
    assert call("engines")["data"] and call("engines", "davinci-002")["id"] == "davinci-002"
    assistant = call("assistants_create", model="gpt-4o", name="helper")
    assert call("assistants", assistant["id"])["name"] == "helper"
    assert call("assistants", limit=5)["data"]
    assert call("assistants_modify", assistant["id"], name="renamed")["name"] == "renamed"
    attached = call("assistant_file_create", assistant["id"], file_id=uploaded["id"])
    assert call("assistant_files", assistant["id"])["data"]
    assert call("assistant_file", assistant["id"], attached["id"])["id"] == attached["id"]
    assert call("assistant_file_delete", assistant["id"], attached["id"])["deleted"]
    thread = call("threads_create", messages=[{"role": "user", "content": "hello"}])
    assert call("threads", thread["id"])["id"] == thread["id"]
    assert call("threads")["data"]
    assert call("threads_modify", thread["id"], metadata={"k": "v"})["metadata"] == {"k": "v"}
    message = call(
        "thread_message_create",
        thread["id"],
        role="user",
        content="more",
        attachments=[{"file_id": uploaded["id"], "tools": []}],
    )
    assert call("thread_messages", thread["id"])["data"]
    assert call("thread_message", thread["id"], message["id"])["id"] == message["id"]
    modified = call("thread_message_modify", thread["id"], message["id"], metadata={"a": "b"})
    assert modified["metadata"] == {"a": "b"}
    assert "data" in call("thread_message_files", thread["id"], message["id"])
    with pytest.raises(openai_rest.NotFoundError):
        call("thread_message_file", thread["id"], message["id"], "file-missing")
    run = call("thread_run_create", thread["id"], assistant_id=assistant["id"])
    assert call("thread_runs", thread["id"])["data"]
    assert call("thread_run_modify", thread["id"], run["id"], metadata={"x": "y"})["id"]
    while run["status"] not in ("completed", "requires_action", "failed"):
        run = call("thread_run", thread["id"], run["id"])
    steps = call("thread_run_steps", thread["id"], run["id"])["data"]
    assert call("thread_run_step", thread["id"], run["id"], steps[0]["id"])["id"]
    tooled = call(
        "assistants_create",
        model="m",
        tools=[
            {
                "type": "function",
                "function": {
                    "name": "get_time",
                    "parameters": {"type": "object", "properties": {}},
                },
            }
        ],
    )
    both = call(
        "threads_create_and_run",
        assistant_id=tooled["id"],
        thread={"messages": [{"role": "user", "content": "call get_time"}]},
    )
    while both["status"] != "requires_action":
        both = call("thread_run", both["thread_id"], both["id"])
    tool_call = both["required_action"]["submit_tool_outputs"]["tool_calls"][0]
    resumed = call(
        "thread_run_submit_tool_outputs",
        both["thread_id"],
        both["id"],
        tool_outputs=[{"tool_call_id": tool_call["id"], "output": "noon"}],
    )
    assert resumed["id"] == both["id"]
    streamed = call(
        "threads_create_and_run",
        assistant_id=assistant["id"],
        stream=True,
        thread={"messages": [{"role": "user", "content": "hi"}]},
    )
    assert streamed[0]["event"] == "thread.run.created"
    cancelled = call("thread_run_create", thread["id"], assistant_id=assistant["id"])
    assert call("thread_run_cancel", thread["id"], cancelled["id"])["status"] in (
        "cancelling",
        "cancelled",
    )
    assert call("threads_delete", thread["id"])["deleted"]
    assert call("assistants_delete", assistant["id"])["deleted"]
    assert call("files_delete", uploaded["id"])["deleted"]
    fine_tuned = call("models")["data"][-1]["id"]
    with pytest.raises(openai_rest.APIStatusError):  # not ours to delete, or not found
        call("finetunes_delete_model", fine_tuned + "-nope")


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("face", ["sync", "async"])
def test_every_seed_function(openai_emulator: Any, face: str) -> None:
    called: Set[str] = set()

    if face == "sync":
        client = openai_rest.Client(openai_emulator.config())

        def call(name: str, /, *args: Any, **kwargs: Any) -> Any:
            called.add(name)
            result = getattr(client, name)(*args, **kwargs)
            return list(result) if kwargs.get("stream") else result

        scenario(call)
    else:

        async def main() -> None:
            async with openai_rest.AsyncClient(openai_emulator.config()) as aclient:
                loop = asyncio.get_running_loop()

                async def acall(name: str, /, *args: Any, **kwargs: Any) -> Any:
                    called.add(name)
                    result = await getattr(aclient, name)(*args, **kwargs)
                    return [i async for i in result] if kwargs.get("stream") else result

                def call(name: str, /, *args: Any, **kwargs: Any) -> Any:
                    return asyncio.run_coroutine_threadsafe(
                        acall(name, *args, **kwargs), loop
                    ).result(timeout=30)

                await loop.run_in_executor(None, scenario, call)

        asyncio.run(main())
    if not SURFACE.exists():
        pytest.skip(f"{SURFACE} is absent: the scenario ran, its completeness is unchecked")
    assert seed_functions() - called == set()
