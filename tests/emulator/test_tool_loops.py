"""Tool loops end: after the tool results the model answers in text, on Chat and Responses;
parallel tool calls; every ``tool_choice`` form (raw HTTP, no client library)."""

from __future__ import annotations

import json
import re
from typing import Any, Dict, List

import pytest

from ._helpers import Api


def _fn(name: str, **props: Any) -> Dict[str, Any]:
    schema = {"type": "object", "properties": props, "required": list(props)}
    return {"type": "function", "function": {"name": name, "parameters": schema}}


WEATHER = _fn("get_weather", city={"type": "string"})
TIME = _fn("get_time", zone={"type": "string", "enum": ["UTC", "CET"]})
TOOLS = [WEATHER, TIME]


def _chat(api: Api, messages: List[Any], **extra: Any) -> Dict[str, Any]:
    answer = api.post("/chat/completions", {"model": "gpt-4o", "messages": messages, **extra})
    assert answer.status == 200, answer.body
    return answer.json()["choices"][0]


def _chat_loop(api: Api, prompt: str, **extra: Any) -> List[List[str]]:
    """Run a Chat agent loop to its end; the tool names of each round of calls."""
    messages: List[Any] = [{"role": "user", "content": prompt}]
    rounds = []
    for _ in range(6):
        choice = _chat(api, messages, **extra)
        message = choice["message"]
        if choice["finish_reason"] != "tool_calls":
            assert message["content"] and not message.get("tool_calls")
            return rounds
        rounds.append([c["function"]["name"] for c in message["tool_calls"]])
        messages.append(message)
        for call in message["tool_calls"]:
            json.loads(call["function"]["arguments"])
            messages.append({"role": "tool", "tool_call_id": call["id"], "content": "sunny"})
    raise AssertionError(f"the loop did not end: {rounds}")


def test_a_chat_tool_loop_ends_after_the_tool_result(api: Api) -> None:
    assert _chat_loop(api, "Call get_weather for Paris", tools=[WEATHER]) == [["get_weather"]]
    assert _chat_loop(api, "Please use the tool", tools=[WEATHER]) == [["get_weather"]]
    messages = [
        {"role": "user", "content": "Call get_weather"},
        {"role": "assistant", "content": None, "tool_calls": [_call("c1", "get_weather")]},
        {"role": "tool", "tool_call_id": "c1", "content": "22 degrees"},
    ]
    choice = _chat(api, messages, tools=[WEATHER])
    assert choice["finish_reason"] == "stop"
    assert choice["message"]["content"].startswith("The function answered: 22 degrees.")


def _call(call_id: str, name: str) -> Dict[str, Any]:
    return {"id": call_id, "type": "function", "function": {"name": name, "arguments": "{}"}}


def test_parallel_calls_and_one_at_a_time(api: Api) -> None:
    prompt = "Use get_time and get_weather for Paris"
    assert _chat_loop(api, prompt, tools=TOOLS) == [["get_time", "get_weather"]]
    sequential = _chat_loop(api, prompt, tools=TOOLS, parallel_tool_calls=False)
    assert sequential == [["get_time"], ["get_weather"]]


def test_a_streamed_parallel_call_keeps_each_call_apart(api: Api) -> None:
    body = {
        "model": "gpt-4o",
        "stream": True,
        "tools": TOOLS,
        "messages": [{"role": "user", "content": "get_weather and get_time please"}],
    }
    events = api.post("/chat/completions", body).events()
    calls: Dict[int, Dict[str, str]] = {}
    for _, data in events[:-1]:
        for entry in json.loads(data)["choices"][0]["delta"].get("tool_calls") or []:
            slot = calls.setdefault(entry["index"], {"name": "", "arguments": ""})
            slot["name"] += entry.get("function", {}).get("name", "")
            slot["arguments"] += entry.get("function", {}).get("arguments", "")
    assert [c["name"] for c in calls.values()] == ["get_weather", "get_time"]
    assert json.loads(calls[1]["arguments"])["zone"] in ("UTC", "CET")


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ("none", None),
        ("auto", None),
        ("required", "get_weather"),
        ({"type": "function", "function": {"name": "get_time"}}, "get_time"),
        (
            {
                "type": "allowed_tools",
                "allowed_tools": {
                    "mode": "required",
                    "tools": [{"type": "function", "function": {"name": "get_time"}}],
                },
            },
            "get_time",
        ),
        (
            {"type": "allowed_tools", "allowed_tools": {"mode": "auto", "tools": []}},
            "error",
        ),
    ],
)
def test_every_chat_tool_choice(api: Api, choice: Any, expected: Any) -> None:
    body = {"model": "gpt-4o", "tools": TOOLS, "tool_choice": choice}
    body["messages"] = [{"role": "user", "content": "Hello there."}]
    answer = api.post("/chat/completions", body)
    if expected == "error":
        assert answer.status == 400 and answer.json()["error"]["param"] == "tool_choice"
        return
    message = answer.json()["choices"][0]["message"]
    names = [c["function"]["name"] for c in message.get("tool_calls") or []]
    assert names == ([expected] if expected else [])


def test_a_named_tool_choice_is_called_even_after_results_and_unknown_names_fail(
    api: Api,
) -> None:
    messages = [
        {"role": "user", "content": "Call get_weather"},
        {"role": "assistant", "content": None, "tool_calls": [_call("c1", "get_weather")]},
        {"role": "tool", "tool_call_id": "c1", "content": "22 degrees"},
    ]
    forced = {"type": "function", "function": {"name": "get_weather"}}
    assert _chat(api, messages, tools=TOOLS, tool_choice=forced)["finish_reason"] == "tool_calls"
    assert _chat(api, messages, tools=TOOLS, tool_choice="none")["finish_reason"] == "stop"
    wrong = {"type": "function", "function": {"name": "nope"}}
    body = {"model": "gpt-4o", "messages": messages, "tools": TOOLS, "tool_choice": wrong}
    failed = api.post("/chat/completions", body)
    assert failed.status == 400 and "nope" in failed.json()["error"]["message"]
    body["tool_choice"] = "sometimes"
    assert api.post("/chat/completions", body).status == 400


def test_custom_tools_draw_their_regex_grammar(api: Api) -> None:
    grammar = {"type": "grammar", "grammar": {"syntax": "regex", "definition": r"^SKU-[0-9]{4}$"}}
    tool = {"type": "custom", "custom": {"name": "lookup", "format": grammar}}
    choice = _chat(
        api,
        [{"role": "user", "content": "lookup the part"}],
        tools=[tool],
        tool_choice={"type": "custom", "custom": {"name": "lookup"}},
    )
    call = choice["message"]["tool_calls"][0]
    assert call["type"] == "custom" and re.fullmatch(r"SKU-[0-9]{4}", call["custom"]["input"])


def test_legacy_functions_answer_function_call(api: Api) -> None:
    functions = [WEATHER["function"]]
    messages = [{"role": "user", "content": "What does get_weather say?"}]
    choice = _chat(api, messages, functions=functions)
    assert choice["finish_reason"] == "function_call"
    assert choice["message"]["function_call"]["name"] == "get_weather"
    body = {"model": "gpt-4o", "messages": messages, "functions": functions, "stream": True}
    deltas = [
        json.loads(d)["choices"][0]["delta"]
        for _, d in api.post("/chat/completions", body).events()[:-1]
    ]
    arguments = "".join((d.get("function_call") or {}).get("arguments", "") for d in deltas)
    assert json.loads(arguments)["city"] and not any("tool_calls" in d for d in deltas)
    messages += [
        {"role": "assistant", "content": None, "function_call": choice["message"]["function_call"]},
        {"role": "function", "name": "get_weather", "content": "rain"},
    ]
    assert _chat(api, messages, functions=functions)["message"]["content"].startswith(
        "The function answered: rain."
    )


RESPONSES_TOOLS = [{"type": "function", **t["function"]} for t in TOOLS]


def _responses_loop(api: Api, prompt: str, **extra: Any) -> List[List[str]]:
    items: List[Any] = [{"role": "user", "content": prompt}]
    rounds = []
    for _ in range(6):
        answer = api.post("/responses", {"model": "gpt-4o", "input": items, **extra})
        assert answer.status == 200, answer.body
        output = answer.json()["output"]
        calls = [o for o in output if o["type"] == "function_call"]
        if not calls:
            assert output[0]["type"] == "message"
            return rounds
        rounds.append([c["name"] for c in calls])
        items += output
        items += [
            {"type": "function_call_output", "call_id": c["call_id"], "output": "ok"} for c in calls
        ]
    raise AssertionError(f"the loop did not end: {rounds}")


def test_responses_tool_loops_parallel_and_sequential(api: Api) -> None:
    prompt = "Use get_time and get_weather for Paris"
    assert _responses_loop(api, prompt, tools=RESPONSES_TOOLS) == [["get_time", "get_weather"]]
    sequential = _responses_loop(api, prompt, tools=RESPONSES_TOOLS, parallel_tool_calls=False)
    assert sequential == [["get_time"], ["get_weather"]]
    allowed = {
        "type": "allowed_tools",
        "mode": "required",
        "tools": [{"type": "function", "name": "get_time"}],
    }
    body = {"model": "gpt-4o", "input": "hello", "tools": RESPONSES_TOOLS, "tool_choice": allowed}
    assert [o["name"] for o in api.post("/responses", body).json()["output"]] == ["get_time"]
    body["tool_choice"] = {"type": "function", "name": "get_weather"}
    assert [o["name"] for o in api.post("/responses", body).json()["output"]] == ["get_weather"]


def test_responses_custom_tool_calls_stream_their_input(api: Api) -> None:
    tool = {"type": "custom", "name": "shell", "description": "runs a command"}
    body = {"model": "gpt-4o", "input": "use shell", "tools": [tool], "stream": True}
    events = [(name, json.loads(data)) for name, data in api.post("/responses", body).events()]
    names = [name for name, _ in events]
    assert "response.custom_tool_call_input.delta" in names
    done = next(d for n, d in events if n == "response.custom_tool_call_input.done")
    final = events[-1][1]["response"]["output"][0]
    assert final["type"] == "custom_tool_call" and final["input"] == done["input"]
