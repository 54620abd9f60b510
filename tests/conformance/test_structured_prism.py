"""The requests of chat_completion_parse, responses_parse and every turn of run_tools, checked by
Prism serving the current spec (a request it refuses is a 422, and the test fails)."""

from __future__ import annotations

import dataclasses
import enum
from typing import Any, Dict, List, Optional

import pytest

import openai_rest
from openai_rest import Client, Config
from openai_rest._parsing import chat_request, responses_request
from openai_rest._steps import run_calls
from openai_rest._tools import run_steps

from .prism import Prism

API_KEY = "sk-conformance"
SPEC = "openai-current"


class Unit(enum.Enum):
    C = "celsius"
    F = "fahrenheit"


@dataclasses.dataclass
class Reading:
    city: str
    degrees: float
    unit: Unit
    note: Optional[str] = None


@dataclasses.dataclass
class Forecast:
    days: List[Reading]
    best: Optional[Reading]


def get_weather(city: str, unit: Unit = Unit.C) -> Dict[str, Any]:
    """The weather of a city."""
    return {"city": city, "unit": unit.value}


@pytest.fixture
def client(prism: Prism) -> Any:
    with Client(Config(api_key=API_KEY, api_url=prism.base_url, max_retries=0)) as client:
        yield client


def sent(client: Client, name: str, body: Dict[str, Any]) -> Any:
    """Send a request body as built by the parse and tool steps; Prism must accept it."""
    return getattr(client, name)(**body)


@pytest.mark.parametrize("spec", [SPEC])
def test_parse_requests_conform(client: Client, spec: str) -> None:
    tools = [openai_rest.function_tool(get_weather)]
    messages = [{"role": "user", "content": "Forecast?"}]
    body, _ = chat_request({"model": "gpt-4o", "messages": messages, "tools": tools}, Forecast, {})
    assert sent(client, "chat_completion", body)["object"] == "chat.completion"
    body, _ = responses_request(
        {"model": "gpt-4o", "input": "Forecast?", "tools": tools}, Forecast, {}
    )
    assert sent(client, "responses_create", body)["object"] == "response"
    # the parse functions themselves: Prism's example answers are prose, so they may not parse
    for call, kwargs in (
        (client.chat_completion_parse, {"messages": messages, "response_format": Forecast}),
        (client.responses_parse, {"input": "Forecast?", "text_format": Forecast}),
    ):
        try:
            call(model="gpt-4o", **kwargs)
        except openai_rest.OutputValidationError as error:
            assert error.raw  # accepted, answered, and the answer kept
        except openai_rest.APIStatusError as error:  # pragma: no cover - the failure we test
            pytest.fail(f"Prism refused the parse request: {error}\n{error.body}")


@pytest.mark.parametrize("spec", [SPEC])
def test_every_run_tools_turn_conforms(client: Client, spec: str) -> None:
    call = {"id": "call_1", "type": "function", "function": {"name": "get_weather"}}
    call["function"]["arguments"] = '{"city": "Oslo", "unit": "celsius"}'
    first = {"choices": [{"index": 0, "message": {"role": "assistant", "content": None}}]}
    first["choices"][0]["message"]["tool_calls"] = [call]
    params = {"model": "gpt-4o", "messages": [{"role": "user", "content": "Weather?"}]}
    steps = run_steps("chat", params, [get_weather], 3, {})
    name, _, body = next(steps)
    assert sent(client, name, body)["object"] == "chat.completion"
    run = steps.send(first)
    name, _, body = steps.send(run_calls(run.calls))
    assert [m["role"] for m in body["messages"]] == ["user", "assistant", "tool"]
    assert sent(client, name, body)["object"] == "chat.completion"

    item = {"type": "function_call", "call_id": "call_1", "name": "get_weather"}
    item.update(id="fc_1", arguments='{"city": "Oslo", "unit": "celsius"}', status="completed")
    for store in (True, False):
        params = {"model": "gpt-4o", "input": "Weather?", "store": store}
        steps = run_steps("responses", params, [get_weather], 3, {})
        name, _, body = next(steps)
        assert sent(client, name, body)["object"] == "response"
        run = steps.send({"id": "resp_1", "output": [item]})
        name, _, body = steps.send(run_calls(run.calls))
        assert ("previous_response_id" in body) is store
        assert sent(client, name, body)["object"] == "response"
