"""The official SDK's own helpers against the emulator: ``parse`` with nested models,
``stream``, ``pydantic_function_tool`` and agent-style tool loops on Chat and Responses."""

from __future__ import annotations

import enum
import json
from typing import Any, Dict, List, Optional

import openai
import pytest
from pydantic import BaseModel, Field

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


class Unit(str, enum.Enum):
    CELSIUS = "celsius"
    FAHRENHEIT = "fahrenheit"


class Reading(BaseModel):
    city: str
    degrees: float = Field(ge=-50, le=60)
    unit: Unit


class Forecast(BaseModel):
    days: List[Reading]
    best: Optional[Reading]
    notes: Dict[str, str]


class Outline(BaseModel):
    title: str
    children: List[Outline]


class GetWeather(BaseModel):
    """The weather of a city."""

    city: str
    unit: Unit


class GetTime(BaseModel):
    """The time of a zone."""

    zone: str = Field(pattern=r"^[A-Z][a-z]+/[A-Z][a-z]+$")


@pytest.fixture
def sdk(openai_emulator: Any) -> Any:
    client = openai.OpenAI(api_key="sk-test", base_url=openai_emulator.base_url, max_retries=0)
    yield client
    client.close()


@pytest.mark.parametrize("model", [Forecast, Outline])
def test_chat_completions_parse_with_nested_models(sdk: Any, model: Any) -> None:
    for prompt in ("Forecast Paris", "Another one", "And Rome"):
        completion = sdk.chat.completions.parse(
            model="gpt-4o",
            messages=[{"role": "user", "content": prompt}],
            response_format=model,
        )
        parsed = completion.choices[0].message.parsed
        assert isinstance(parsed, model)
        assert model.model_validate_json(completion.choices[0].message.content) == parsed


@pytest.mark.parametrize("model", [Forecast, Outline])
def test_responses_parse_with_nested_models(sdk: Any, model: Any) -> None:
    response = sdk.responses.parse(model="gpt-4o", input="Forecast Paris", text_format=model)
    assert isinstance(response.output_parsed, model)


def test_chat_completions_stream_and_parse_while_streaming(sdk: Any) -> None:
    with sdk.chat.completions.stream(
        model="gpt-4o",
        messages=[{"role": "user", "content": "Forecast Paris"}],
        response_format=Forecast,
    ) as stream:
        kinds = {event.type for event in stream}
        final = stream.get_final_completion()
    assert {"content.delta", "content.done", "chunk"} <= kinds
    assert isinstance(final.choices[0].message.parsed, Forecast)


def test_responses_stream_text_and_parsed(sdk: Any) -> None:
    with sdk.responses.stream(model="gpt-4o", input="Tell me a story") as stream:
        deltas = [e.delta for e in stream if e.type == "response.output_text.delta"]
        final = stream.get_final_response()
    assert "".join(deltas) == final.output_text and final.output_text
    with sdk.responses.stream(model="gpt-4o", input="Forecast", text_format=Forecast) as stream:
        for _ in stream:
            pass
        assert isinstance(stream.get_final_response().output_parsed, Forecast)


def test_pydantic_function_tools_parse_their_arguments(sdk: Any) -> None:
    tools = [openai.pydantic_function_tool(GetWeather), openai.pydantic_function_tool(GetTime)]
    completion = sdk.chat.completions.parse(
        model="gpt-4o",
        messages=[{"role": "user", "content": "Call GetWeather and GetTime"}],
        tools=tools,
    )
    calls = completion.choices[0].message.tool_calls
    assert [c.function.name for c in calls] == ["GetWeather", "GetTime"]
    assert isinstance(calls[0].function.parsed_arguments, GetWeather)
    assert isinstance(calls[1].function.parsed_arguments, GetTime)


def _run_tool(name: str, arguments: str) -> str:
    data = json.loads(arguments)
    return f"{name} says 21 degrees in {data.get('city', '?')}"


def test_a_chat_agent_loop_ends(sdk: Any) -> None:
    messages: List[Any] = [{"role": "user", "content": "What is the weather? Use GetWeather."}]
    tools = [openai.pydantic_function_tool(GetWeather)]
    for _turn in range(5):
        message = sdk.chat.completions.create(model="gpt-4o", messages=messages, tools=tools)
        choice = message.choices[0]
        if not choice.message.tool_calls:
            break
        messages.append(choice.message.model_dump(exclude_none=True))
        for call in choice.message.tool_calls:
            output = _run_tool(call.function.name, call.function.arguments)
            messages.append({"role": "tool", "tool_call_id": call.id, "content": output})
    assert choice.finish_reason == "stop" and _turn == 1
    assert "GetWeather says 21 degrees" in choice.message.content


def test_a_responses_agent_loop_ends(sdk: Any) -> None:
    tool = openai.pydantic_function_tool(GetWeather)["function"]
    tools = [{"type": "function", **tool}]
    response = sdk.responses.create(model="gpt-4o", input="Use GetWeather for Oslo", tools=tools)
    for _turn in range(5):
        calls = [o for o in response.output if o.type == "function_call"]
        if not calls:
            break
        outputs = [
            {
                "type": "function_call_output",
                "call_id": c.call_id,
                "output": _run_tool(c.name, c.arguments),
            }
            for c in calls
        ]
        response = sdk.responses.create(
            model="gpt-4o", previous_response_id=response.id, input=outputs, tools=tools
        )
    assert _turn == 1 and "GetWeather says 21 degrees" in response.output_text
