"""The OpenAI Agents SDK against the emulator: tool loops that end on its Chat and Responses
models, structured final outputs, streamed runs."""

from __future__ import annotations

import asyncio
from typing import Any, Iterator, List

import pytest
from pydantic import BaseModel

from .conftest import client_module

agents = client_module("openai-agents", "agents")
openai = client_module("openai", "openai")

CALLS: List[str] = []


@agents.function_tool
def get_weather(city: str) -> str:
    """The weather in a city."""
    CALLS.append(city)
    return f"sunny in {city}"


class Forecast(BaseModel):
    city: str
    degrees: int
    tomorrow: List[str]


@pytest.fixture(autouse=True)
def no_tracing() -> Iterator[None]:
    agents.set_tracing_disabled(True)  # traces would go to the API
    CALLS.clear()
    yield


def _model(openai_emulator: Any, kind: str) -> Any:
    client = openai.AsyncOpenAI(api_key="sk-test", base_url=openai_emulator.base_url, max_retries=0)
    if kind == "chat":
        return agents.OpenAIChatCompletionsModel(model="gpt-4o-mini", openai_client=client)
    return agents.OpenAIResponsesModel(model="gpt-4o-mini", openai_client=client)


@pytest.mark.parametrize("kind", ["chat", "responses"])
def test_an_agent_calls_its_tool_once_then_answers(openai_emulator: Any, kind: str) -> None:
    agent = agents.Agent(
        name="weather",
        instructions="Answer with the weather.",
        tools=[get_weather],
        model=_model(openai_emulator, kind),
    )
    result = agents.Runner.run_sync(
        agent, "What is the weather in Oslo? Use get_weather.", max_turns=5
    )
    assert len(CALLS) == 1
    assert "sunny in" in result.final_output


@pytest.mark.parametrize("kind", ["chat", "responses"])
def test_structured_final_output(openai_emulator: Any, kind: str) -> None:
    agent = agents.Agent(
        name="forecaster",
        instructions="Forecast.",
        output_type=Forecast,
        model=_model(openai_emulator, kind),
    )
    result = agents.Runner.run_sync(agent, "Forecast Oslo")
    assert isinstance(result.final_output, Forecast)


def test_a_streamed_run(openai_emulator: Any) -> None:
    agent = agents.Agent(
        name="streamer", instructions="Talk.", model=_model(openai_emulator, "responses")
    )

    async def run() -> Any:
        streamed = agents.Runner.run_streamed(agent, "Tell me something")
        kinds = [event.type async for event in streamed.stream_events()]
        return kinds, streamed.final_output

    kinds, final = asyncio.run(run())
    assert "raw_response_event" in kinds and isinstance(final, str) and final
