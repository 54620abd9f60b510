"""The client through the emulator: an assistant's whole life, and the client's handling of
the emulator's faults (retries, errors inside streams, truncated streams)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

import openai_rest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_an_assistants_whole_life(openai_emulator: Any) -> None:
    client = openai_rest.Client(openai_emulator.config())
    uploaded = client.files_upload(("notes.txt", b"the notes"), purpose="assistants")
    tool = {
        "type": "function",
        "function": {
            "name": "get_weather",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
        },
    }
    assistant = client.assistants_create(model="gpt-4o", instructions="Be brief.", tools=[tool])
    thread = client.threads_create()
    client.thread_message_create(thread["id"], role="user", content="Call get_weather for Paris")
    client.thread_message_create(thread["id"], role="user", content="Second message")
    run = client.thread_run_create(thread["id"], assistant_id=assistant["id"])
    for _ in range(10):
        run = client.thread_run(thread["id"], run["id"])
        if run["status"] == "requires_action":
            break
    assert run["status"] == "requires_action"
    call = run["required_action"]["submit_tool_outputs"]["tool_calls"][0]
    assert call["function"]["name"] == "get_weather"
    client.thread_run_submit_tool_outputs(
        thread["id"], run["id"], tool_outputs=[{"tool_call_id": call["id"], "output": "sunny"}]
    )
    for _ in range(10):
        run = client.thread_run(thread["id"], run["id"])
        if run["status"] == "completed":
            break
    assert run["status"] == "completed"
    steps = client.thread_run_steps(thread["id"], run["id"])
    assert steps["data"] and all(s["id"].startswith("step_") for s in steps["data"])
    assert client.thread_run_step(thread["id"], run["id"], steps["data"][0]["id"])["id"]
    # paging with limit=1 and after, by hand and with paginate
    first = client.thread_messages(thread["id"], limit=1)
    assert len(first["data"]) == 1 and first["has_more"]
    second = client.thread_messages(thread["id"], limit=1, after=first["last_id"])
    assert second["data"][0]["id"] != first["data"][0]["id"]
    every = list(openai_rest.paginate(client.thread_messages, thread["id"], limit=1))
    assert len(every) >= 3 and len({m["id"] for m in every}) == len(every)
    assert any("sunny" in json.dumps(m["content"]) for m in every if m["role"] == "assistant")
    assert client.threads_delete(thread["id"])["deleted"] is True
    assert client.assistants_delete(assistant["id"])["deleted"] is True
    assert client.files_delete(uploaded["id"])["deleted"] is True
    with pytest.raises(openai_rest.NotFoundError):
        client.threads(thread["id"])


def test_retries_through_injected_faults(openai_emulator: Any) -> None:
    client = openai_rest.Client(openai_emulator.config(max_retries=2))
    fault = {"x-emulate-fault": "503; times=2; retry-after-ms=5; id=e2e-retry"}
    result = client.models(extra_headers=fault)
    assert openai_rest.response_of(result).retries == 2
    quota = {"x-emulate-fault": "429; code=insufficient_quota; id=e2e-quota"}
    with pytest.raises(openai_rest.RateLimitError) as caught:
        client.models(extra_headers=quota)
    assert caught.value.code == "insufficient_quota" and caught.value.request_id
    reset = {"x-emulate-fault": "reset; times=1; id=e2e-reset"}
    assert client.models(extra_headers=reset)["object"] == "list"


@pytest.mark.parametrize(
    ("fault", "error", "message"),
    [
        ("stream-error-after=3", openai_rest.APIStatusError, "after 3 events"),
        ("stream-cut-after=3", openai_rest.APIConnectionError, "ended early after 3 events"),
    ],
)
def test_stream_faults_raise_on_both_faces(
    openai_emulator: Any, fault: str, error: type, message: str
) -> None:
    params: Any = {
        "model": "gpt-4o",
        "messages": [{"role": "user", "content": "tell a story"}],
        "stream": True,
        "extra_headers": {"x-emulate-fault": fault},
    }
    client = openai_rest.Client(openai_emulator.config(max_retries=0))
    seen = []
    with pytest.raises(error, match=message):
        for chunk in client.chat_completion(**params):
            seen.append(chunk)
    assert len(seen) == 3

    async def main() -> None:
        async with openai_rest.AsyncClient(openai_emulator.config(max_retries=0)) as aclient:
            stream = await aclient.chat_completion(**params)
            async for _ in stream:
                pass

    with pytest.raises(error, match=message):
        asyncio.run(main())


def test_streams_accumulate_to_the_plain_answer(openai_emulator: Any) -> None:
    client = openai_rest.Client(openai_emulator.config())
    params: Any = {"model": "gpt-4o", "messages": [{"role": "user", "content": "hello there"}]}
    plain = client.chat_completion(**params)
    folded = openai_rest.accumulate(client.chat_completion(**params, stream=True))
    assert folded["choices"][0]["message"]["content"] == plain["choices"][0]["message"]["content"]
