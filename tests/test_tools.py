"""function_tool definitions and the run_tools loop as pure steps (results in, steps out)."""

from __future__ import annotations

import asyncio
import dataclasses
import enum
import json
import pickle
import threading
import time
from typing import Any, Dict, List, Optional

import pytest

import openai_rest
from openai_rest._steps import ToolRun, arun_calls, run_calls
from openai_rest._tools import FunctionTool, as_tools, run_steps


class Unit(enum.Enum):
    C = "celsius"
    F = "fahrenheit"


@dataclasses.dataclass
class Place:
    city: str
    country: Optional[str] = None


def get_weather(place: Place, unit: Unit = Unit.C, days: int = 1) -> Dict[str, Any]:
    """Get the weather forecast for a place.

    Args:
        place: Where to look.
        unit: The temperature unit.
        days (int): How many days ahead.
    """
    return {"city": place.city, "unit": unit.value, "days": days}


def test_function_tool_from_a_function_chat_form() -> None:
    tool = openai_rest.function_tool(get_weather)
    assert isinstance(tool, dict) and tool["type"] == "function"
    fn = tool["function"]
    assert fn["name"] == "get_weather" and fn["strict"] is True
    assert fn["description"] == "Get the weather forecast for a place."
    params = fn["parameters"]
    assert params["required"] == ["place", "unit", "days"]
    assert params["additionalProperties"] is False
    assert params["properties"]["days"] == {
        "type": "integer",
        "description": "How many days ahead.",
        "default": 1,
    }
    assert params["properties"]["unit"]["enum"] == ["celsius", "fahrenheit"]
    assert params["$defs"]["Place"]["required"] == ["city", "country"]
    json.dumps(tool)  # plain data
    assert pickle.loads(pickle.dumps(tool)) == tool


def test_function_tool_responses_form_and_adaptation() -> None:
    flat = openai_rest.function_tool(get_weather, api="responses", name="weather", strict=False)
    assert flat["name"] == "weather" and flat["strict"] is False and "function" not in flat
    assert flat["parameters"]["required"] == ["place"]  # not strict: defaults stay optional
    chat = openai_rest.function_tool(get_weather)
    adapted = as_tools([chat], "responses")[0]
    assert (
        adapted["name"] == "get_weather" and adapted["parameters"] == chat["function"]["parameters"]
    )
    assert as_tools([adapted], "chat")[0] == chat
    plain = {"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}
    assert as_tools([plain], "responses")[0] == {
        "type": "function",
        "name": "f",
        "parameters": {"type": "object"},
    }
    assert as_tools([{"type": "web_search"}], "responses") == [{"type": "web_search"}]


def test_function_tool_from_a_model_type_and_description() -> None:
    tool = openai_rest.function_tool(Place, description="A place to look up")
    fn = tool["function"]
    assert fn["name"] == "Place" and fn["description"] == "A place to look up"
    assert fn["parameters"] == openai_rest.strict_schema(Place)
    assert isinstance(tool, FunctionTool)
    assert tool.parse_arguments('{"city": "Oslo", "country": null}') == Place("Oslo")


def test_parsed_arguments_are_typed() -> None:
    tool = openai_rest.function_tool(get_weather)
    args = tool.parse_arguments(
        '{"place": {"city": "Oslo", "country": "NO"}, "unit": "fahrenheit"}'
    )
    assert args == {"place": Place("Oslo", "NO"), "unit": Unit.F}
    with pytest.raises(openai_rest.OutputValidationError) as caught:
        tool.parse_arguments('{"place": 3}')
    assert caught.value.raw == '{"place": 3}'


def test_function_tool_refuses_what_it_cannot_describe() -> None:
    def untyped(x):  # type: ignore[no-untyped-def]
        return x

    def star(*args: int) -> None:
        pass

    with pytest.raises(TypeError, match=r"untyped\(x\) has no type annotation"):
        openai_rest.function_tool(untyped)
    with pytest.raises(TypeError, match=r"star\(\*args\)"):
        openai_rest.function_tool(star)
    with pytest.raises(ValueError, match="tool name"):
        openai_rest.function_tool(get_weather, name="has space")


def chat_result(*calls: Any, content: Optional[str] = None) -> Dict[str, Any]:
    message: Dict[str, Any] = {"role": "assistant", "content": content}
    if calls:
        message["tool_calls"] = [
            {"id": f"call_{i}", "type": "function", "function": {"name": n, "arguments": a}}
            for i, (n, a) in enumerate(calls)
        ]
    finish = "tool_calls" if calls else "stop"
    return {"choices": [{"index": 0, "message": message, "finish_reason": finish}]}


def add(a: int, b: int) -> int:
    """Add two numbers."""
    return a + b


def fail(reason: str) -> str:
    """Always fails."""
    raise RuntimeError(reason)


def test_run_steps_chat_feeds_outputs_and_errors_back() -> None:
    messages = [{"role": "user", "content": "add and fail"}]
    steps = run_steps("chat", {"model": "m", "messages": messages}, [add, fail], 5, {})
    name, _, body = next(steps)
    assert name == "chat_completion"
    assert [t["function"]["name"] for t in body["tools"]] == ["add", "fail"]
    run = steps.send(chat_result(("add", '{"a": 2, "b": 3}'), ("fail", '{"reason": "no"}')))
    assert isinstance(run, ToolRun) and len(run.calls) == 2
    outcomes = run_calls(run.calls)
    assert outcomes[0] == (5, None) and isinstance(outcomes[1][1], RuntimeError)
    name, _, body = steps.send(outcomes)
    sent = body["messages"]
    assert sent[1]["role"] == "assistant" and len(sent[1]["tool_calls"]) == 2
    assert sent[2] == {"role": "tool", "tool_call_id": "call_0", "content": "5"}
    assert sent[3]["content"] == "Error: RuntimeError: no"
    assert messages == [{"role": "user", "content": "add and fail"}]  # the caller's list stays
    with pytest.raises(StopIteration) as stop:
        steps.send(chat_result(content="done"))
    final = stop.value.value
    assert final["stopped"] == "answered" and final["turns"] == 2
    assert [e["name"] for e in final["transcript"]] == ["add", "fail"]
    assert final["errors"][0]["name"] == "fail"
    assert isinstance(final["errors"][0]["error"], RuntimeError)
    assert [m["role"] for m in final["messages"]] == [
        "user",
        "assistant",
        "tool",
        "tool",
        "assistant",
    ]
    assert final["messages"][-1] == {"role": "assistant", "content": "done"}


def test_run_steps_stops_at_max_turns_and_reports_unknown_tools() -> None:
    steps = run_steps("chat", None, [add], 2, {"model": "m", "messages": []})
    next(steps)
    run = steps.send(chat_result(("nope", "{}")))
    ((output, error),) = run_calls(run.calls)
    assert isinstance(error, LookupError) and "nope" in str(error)
    steps.send([(output, error)])
    with pytest.raises(StopIteration) as stop:
        steps.send(chat_result(("add", '{"a": 1, "b": 1}')))
    assert stop.value.value["stopped"] == "max_turns"
    assert stop.value.value["turns"] == 2


def test_run_steps_responses_chains_by_previous_response_id_or_input() -> None:
    steps = run_steps("responses", {"model": "m", "input": "hi"}, [add], 5, {})
    name, _, body = next(steps)
    assert name == "responses_create" and body["tools"][0]["name"] == "add"
    call = {"type": "function_call", "call_id": "c1", "name": "add", "arguments": '{"a":1,"b":2}'}
    run = steps.send({"id": "resp_1", "output": [call]})
    name, _, body = steps.send(run_calls(run.calls))
    assert body["previous_response_id"] == "resp_1"
    assert body["input"] == [{"type": "function_call_output", "call_id": "c1", "output": "3"}]

    unstored = run_steps("responses", {"model": "m", "input": "hi", "store": False}, [add], 5, {})
    next(unstored)
    run = unstored.send({"id": "resp_2", "output": [call]})
    _, _, body = unstored.send(run_calls(run.calls))
    assert "previous_response_id" not in body
    assert body["input"][0] == {"role": "user", "content": "hi"}
    assert body["input"][1] == call and body["input"][2]["output"] == "3"


def test_run_steps_responses_in_a_conversation_sends_only_the_outputs() -> None:
    params = {"model": "m", "input": "hi", "conversation": "conv_1"}
    steps = run_steps("responses", params, [add], 5, {})
    next(steps)
    call = {"type": "function_call", "call_id": "c1", "name": "add", "arguments": '{"a":1,"b":2}'}
    run = steps.send({"id": "resp_1", "output": [call]})
    _, _, body = steps.send(run_calls(run.calls))
    assert "previous_response_id" not in body and body["conversation"] == "conv_1"
    assert body["input"] == [{"type": "function_call_output", "call_id": "c1", "output": "3"}]


def test_sync_calls_run_in_parallel_threads() -> None:
    barrier = threading.Barrier(2, timeout=5)

    def wait(n: int) -> int:
        barrier.wait()  # only passes when both calls run at the same time
        return n

    assert run_calls([(wait, {"n": 1}), (wait, {"n": 2})]) == [(1, None), (2, None)]


def test_async_calls_run_concurrently_and_sync_ones_in_threads() -> None:
    async def slow(n: int) -> int:
        await asyncio.sleep(0.2)
        return n

    def blocking(n: int) -> int:
        time.sleep(0.2)
        return n

    async def broken() -> None:
        raise ValueError("bad")

    start = time.perf_counter()
    outcomes = asyncio.run(
        arun_calls([(slow, {"n": 1}), (slow, {"n": 2}), (blocking, {"n": 3}), (broken, {})])
    )
    assert time.perf_counter() - start < 0.55
    assert outcomes[:3] == [(1, None), (2, None), (3, None)]
    assert isinstance(outcomes[3][1], ValueError)


def test_an_async_function_on_the_sync_client_is_an_error_not_a_hang() -> None:
    async def coro() -> int:
        return 1

    ((output, error),) = run_calls([(coro, {})])
    assert output is None and "AsyncClient" in str(error)


def test_run_tools_refuses_streams_and_bad_arguments() -> None:
    with pytest.raises(ValueError, match="stream"):
        next(run_steps("chat", {"stream": True}, [add], 3, {}))
    with pytest.raises(ValueError, match="max_turns"):
        next(run_steps("chat", {}, [add], 0, {}))
    with pytest.raises(ValueError, match="api"):
        next(run_steps("assistants", {}, [add], 3, {}))


def test_tool_outputs_become_text() -> None:
    from openai_rest._tools import output_text_of

    assert output_text_of("plain") == "plain"
    assert output_text_of({"a": [1]}) == '{"a": [1]}'
    assert output_text_of(Place("Oslo")) == '{"city": "Oslo", "country": null}'
    assert output_text_of(List) != ""  # anything else: str() of it, never a crash


@pytest.mark.parametrize("name", ["chat_completion_parse", "responses_parse", "run_tools"])
def test_the_new_functions_are_on_every_face_with_one_signature(name: str) -> None:
    import inspect

    sync, asynchronous = getattr(openai_rest.Client, name), getattr(openai_rest.AsyncClient, name)
    assert inspect.signature(sync) == inspect.signature(asynchronous)
    assert inspect.iscoroutinefunction(asynchronous) and not inspect.iscoroutinefunction(sync)
    module = getattr(openai_rest, name)
    assert module.__self__ is openai_rest._default and name in openai_rest.__all__
    assert inspect.signature(module) == inspect.signature(getattr(openai_rest.Client(), name))
    assert sync.__doc__ and asynchronous.__doc__


try:
    from pydantic import BaseModel
except ImportError:  # pragma: no cover - pydantic comes with the test dependencies
    BaseModel = None  # type: ignore[assignment,misc]

if BaseModel is not None:

    class Query(BaseModel):
        text: str
        limit: int = 10

    class Index:
        def search(self, query: Query, *, exact: bool = False) -> List[str]:
            """Search the index."""
            return [query.text] * query.limit if exact else []


@pytest.mark.skipif(BaseModel is None, reason="needs pydantic")
def test_function_tool_of_a_method_with_a_pydantic_parameter() -> None:
    tool = openai_rest.function_tool(Index().search)
    fn = tool["function"]
    assert fn["name"] == "search" and fn["description"] == "Search the index."
    assert fn["parameters"]["required"] == ["query", "exact"]
    query_schema = fn["parameters"]["$defs"]["Query"]
    assert query_schema["additionalProperties"] is False
    assert query_schema["required"] == ["text", "limit"]
    args = tool.parse_arguments('{"query": {"text": "hi", "limit": 2}, "exact": true}')
    assert args["query"] == Query(text="hi", limit=2) and args["exact"] is True
    assert tool.function(**args) == ["hi", "hi"]


def test_free_form_dicts_only_in_non_strict_tools() -> None:
    def tag(counts: Dict[str, int], note: Optional[str] = None) -> int:
        """Count tags."""
        return sum(counts.values())

    with pytest.raises(TypeError, match=r"tag\(counts\) is a dict"):
        openai_rest.function_tool(tag)
    loose = openai_rest.function_tool(tag, strict=False)
    params = loose["function"]["parameters"]
    assert params["properties"]["counts"] == {
        "type": "object",
        "additionalProperties": {"type": "integer"},
    }
    assert params["required"] == ["counts"] and loose["function"]["strict"] is False
    assert loose.parse_arguments('{"counts": {"a": 2, "b": 3}}') == {"counts": {"a": 2, "b": 3}}
