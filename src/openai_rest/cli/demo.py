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
import warnings
from typing import TYPE_CHECKING, Any, Callable, Dict, List

from ._common import add_command, make_client

if TYPE_CHECKING:
    from openai_rest import Client

MODEL = "gpt-4o-mini"
WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "The current weather in a city.",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}},
            "required": ["city"],
        },
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
    step(4, "Files", 'files_upload("notes.jsonl", purpose="assistants"); files(); ...')
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "notes.jsonl")
        with open(path, "w") as handle:
            handle.writelines(json.dumps({"note": n}) + "\n" for n in range(100))
        uploaded = client.files_upload(path, purpose="assistants")
    say(f"   uploaded {uploaded['filename']}: {uploaded['id']}, {uploaded['bytes']} bytes")
    listed = [f["id"] for f in client.files()["data"]]
    say(f"   files(): {len(listed)} file(s), ours among them: {uploaded['id'] in listed}")
    content = client.files_content(uploaded["id"])
    say(f"   files_content(): {len(content)} bytes back, first line {content.splitlines()[0]!r}")
    client.files_delete(uploaded["id"])
    say(f"   files_delete(): {uploaded['id']} deleted")


def _poll(client: Client, run: Dict[str, Any], until: Callable[[str], bool]) -> Dict[str, Any]:
    while not until(run["status"]):
        time.sleep(0.01)
        run = client.thread_run(run["thread_id"], run["id"])
        say(f"   ... run {run['status']}")
    return run


def assistant(client: Client) -> None:
    step(5, "An assistant that calls a tool", "threads_create_and_run(...); submit_tool_outputs")
    helper = client.assistants_create(model=MODEL, name="Weather helper", tools=[WEATHER_TOOL])
    question = "What is the weather in Paris?"
    say(f"   you: {question}")
    run = client.threads_create_and_run(
        assistant_id=helper["id"], thread={"messages": [{"role": "user", "content": question}]}
    )
    run = _poll(client, run, lambda s: s in ("requires_action", "completed", "failed"))
    calls: List[Dict[str, Any]] = []
    if run["status"] == "requires_action":
        calls = run["required_action"]["submit_tool_outputs"]["tool_calls"]
    outputs = []
    for call in calls:
        function = call["function"]
        say(f"   the assistant calls {function['name']}({function['arguments']})")
        outputs.append({"tool_call_id": call["id"], "output": "18 degrees C and sunny"})
    if outputs:
        say("   we answer: 18 degrees C and sunny")
        run = client.thread_run_submit_tool_outputs(
            run["thread_id"], run["id"], tool_outputs=outputs
        )
        run = _poll(client, run, lambda s: s in ("completed", "failed", "requires_action"))
    latest = client.thread_messages(run["thread_id"])["data"][0]
    text = " ".join(part["text"]["value"] for part in latest["content"] if part["type"] == "text")
    say(f"   assistant: {text}")


STEPS = (chat, streamed_chat, embeddings, upload, assistant)


def run(args: argparse.Namespace) -> int:
    from openai_rest.emulator import Emulator

    started = time.perf_counter()
    say("openai-rest demo: a tour against a local emulator (no API key, no network).")
    with Emulator() as base_url, warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # the Assistants API is deprecated
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
