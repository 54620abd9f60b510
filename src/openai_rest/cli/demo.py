"""``openai-rest demo``: a short tour of the library against an emulator started in-process.

No key, no network: everything below talks over real HTTP to ``openai_rest.emulator``, whose
answers are made up but shaped like the real API's.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from typing import TYPE_CHECKING

from ._common import add_command, make_client

if TYPE_CHECKING:
    from openai_rest import Client

MODEL = "gpt-4o-mini"
WEATHER_TOOL = {
    "type": "function",
    "name": "get_weather",
    "description": "The current weather in a city.",
    "parameters": {
        "type": "object",
        "properties": {"city": {"type": "string"}},
        "required": ["city"],
    },
}


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    add_command(
        commands,
        "demo",
        run,
        "a short tour against a built-in emulator: no key, no network",
        description=__doc__,
    )


def say(text: str = "") -> None:
    print(text, flush=True)


def step(number: int, title: str, code: str) -> None:
    say(f"\n{number}. {title}")
    for line in code.splitlines():
        say(f"   >>> {line}")


def chat(client: Client) -> None:
    step(1, "Chat", 'openai_rest.chat_completion(model="gpt-4o-mini", messages=[...])')
    question = "Say hello to a new user of openai-rest."
    reply = client.chat_completion(model=MODEL, messages=[{"role": "user", "content": question}])
    say(f"   you: {question}")
    say(f"   {MODEL}: {reply['choices'][0]['message']['content']}")


def streamed_chat(client: Client) -> None:
    step(2, "Streaming, printed as it arrives", "for chunk in chat_completion(..., stream=True):")
    sys.stdout.write(f"   {MODEL}: ")
    messages = [{"role": "user", "content": "Tell me about streaming."}]
    with client.chat_completion(model=MODEL, messages=messages, stream=True) as stream:
        for chunk in stream:
            for choice in chunk["choices"]:
                sys.stdout.write(choice["delta"].get("content") or "")
                sys.stdout.flush()
    say()


def embeddings(client: Client) -> None:
    step(3, "Embeddings", 'embeddings(model="text-embedding-3-small", input=["cat", "dog"])')
    result = client.embeddings(model="text-embedding-3-small", input=["cat", "dog"])
    for item, word in zip(result["data"], ("cat", "dog")):
        vector = item["embedding"]
        head = ", ".join(f"{x:+.3f}" for x in vector[:3])
        say(f"   {word}: {len(vector)} numbers [{head}, ...]")


def upload(client: Client) -> None:
    step(4, "Files", 'files_upload("notes.jsonl", purpose="user_data"); files(); ...')
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "notes.jsonl")
        with open(path, "w") as handle:
            handle.writelines(json.dumps({"note": n}) + "\n" for n in range(100))
        uploaded = client.files_upload(path, purpose="user_data")
    say(f"   uploaded {uploaded['filename']}: {uploaded['id']}, {uploaded['bytes']} bytes")
    listed = [f["id"] for f in client.files()["data"]]
    say(f"   files(): {len(listed)} file(s), ours among them: {uploaded['id'] in listed}")
    content = client.files_content(uploaded["id"])
    say(f"   files_content(): {len(content)} bytes back, first line {content.splitlines()[0]!r}")
    client.files_delete(uploaded["id"])
    say(f"   files_delete(): {uploaded['id']} deleted")


def responses(client: Client) -> None:
    from openai_rest import output_text

    step(
        5, "Responses, with a function tool", "responses_create(model=..., input=..., tools=[...])"
    )
    question = "What is the weather in Paris?"
    say(f"   you: {question}")
    first = client.responses_create(
        model=MODEL, input=question, tools=[WEATHER_TOOL], tool_choice="required"
    )
    outputs = []
    for item in first["output"]:
        if item["type"] == "function_call":
            say(f"   the model calls {item['name']}({item['arguments']})")
            outputs.append(
                {"type": "function_call_output", "call_id": item["call_id"], "output": "18 C, sun"}
            )
    say("   we answer: 18 C, sun")
    final = client.responses_create(
        model=MODEL, previous_response_id=first["id"], input=outputs, tools=[WEATHER_TOOL]
    )
    say(f"   {MODEL}: {output_text(final)}")
    sys.stdout.write(f"   streamed, as it arrives ({MODEL}): ")
    with client.responses_create(model=MODEL, input="Say it again.", stream=True) as stream:
        for event in stream:
            if event["event"] == "response.output_text.delta":
                sys.stdout.write(event["data"]["delta"])
                sys.stdout.flush()
    say()


def conversations(client: Client) -> None:
    from openai_rest import output_text

    step(
        6,
        "Conversations: state kept by the server",
        "conversations_create(); responses_create(conversation=...)",
    )
    conversation = client.conversations_create(
        items=[{"type": "message", "role": "user", "content": "My name is Ada."}]
    )
    say(f"   conversations_create(): {conversation['id']}")
    reply = client.responses_create(
        model=MODEL, conversation=conversation["id"], input="What is my name?"
    )
    say(f"   you: What is my name?\n   {MODEL}: {output_text(reply)}")
    items = client.conversation_items(conversation["id"], order="asc")["data"]
    roles = ", ".join(item.get("role") or item["type"] for item in items)
    say(f"   conversation_items(): {len(items)} items ({roles})")
    client.conversations_delete(conversation["id"])
    say(f"   conversations_delete(): {conversation['id']} deleted")


STEPS = (chat, streamed_chat, embeddings, upload, responses, conversations)


def run(args: argparse.Namespace) -> int:
    from openai_rest.emulator import Emulator

    started = time.perf_counter()
    say("openai-rest demo: a tour against a local emulator (no API key, no network).")
    with Emulator() as base_url:
        say(f"The emulator listens on {base_url}; every call below is real HTTP.")
        args.api_key = "sk-demo"
        client = make_client(args, base_url=base_url)
        for show in STEPS:
            show(client)
    elapsed = time.perf_counter() - started
    say(f"\nDone in {elapsed:.1f} s. Next: export OPENAI_API_KEY=sk-... and try")
    say('   openai-rest chat "Hello"')
    say("or serve the emulator for your own code: openai-rest emulate")
    return 0
