"""Structured outputs and tool loops end to end against the emulator, on every face.

Both parse functions on the module face, ``Client`` and ``AsyncClient``; refusals, cut answers
(length, content filter), streamed partial parsing; ``run_tools`` with two tools over three
turns on Chat and Responses; every emulator answer to the corpus validates and parses.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from typing import Any, Callable, Dict, List, Optional

import pytest

import openai_rest

pydantic = pytest.importorskip("pydantic")
jsonschema = pytest.importorskip("jsonschema")
import structured_corpus as corpus  # noqa: E402

MODEL = "gpt-4o-mini"
FACES = ["module", "sync", "async"]


@dataclasses.dataclass
class Weather:
    city: str
    degrees: int
    tags: List[str]
    note: Optional[str] = None


def on_face(face: str, emulator: Any, name: str, **kwargs: Any) -> Any:
    """Call ``name`` on one face; an async stream is read to its end here, as a list."""
    if face == "module":
        openai_rest.configure(api_key="sk-emulator", api_url=emulator.base_url)
        return getattr(openai_rest, name)(**kwargs)
    if face == "sync":
        with openai_rest.Client(emulator.config()) as client:
            result = getattr(client, name)(**kwargs)
            return (list(result), result) if kwargs.get("stream") else result

    async def main() -> Any:
        async with openai_rest.AsyncClient(emulator.config()) as client:
            result = await getattr(client, name)(**kwargs)
            if kwargs.get("stream"):
                async with result:
                    items = [item async for item in result]
                await result.aresult()
                return items, result
            return result

    return asyncio.run(main())


def user(text: str) -> List[Dict[str, str]]:
    return [{"role": "user", "content": text}]


@pytest.mark.parametrize("face", FACES)
def test_chat_completion_parse_on_every_face(openai_emulator: Any, face: str) -> None:
    result = on_face(
        face,
        openai_emulator,
        "chat_completion_parse",
        model=MODEL,
        messages=user("the weather in Oslo"),
        response_format=Weather,
    )
    message = result["choices"][0]["message"]
    assert isinstance(message["parsed"], Weather)
    assert message["parsed"] == Weather(**json.loads(message["content"]))
    assert openai_rest.response_of(result).status_code == 200
    sent = openai_emulator.state  # the request the emulator saw is checked by its validation
    assert sent is not None


@pytest.mark.parametrize("face", FACES)
def test_responses_parse_on_every_face(openai_emulator: Any, face: str) -> None:
    result = on_face(
        face,
        openai_emulator,
        "responses_parse",
        model=MODEL,
        input="the weather in Oslo",
        text_format=corpus.Polygon,
    )
    parsed = result["output_parsed"]
    assert isinstance(parsed, corpus.Polygon)
    assert all(isinstance(p, corpus.Point) for p in parsed.points)
    text = openai_rest.output_text(result)
    assert parsed == pydantic.TypeAdapter(corpus.Polygon).validate_json(text)


@pytest.mark.parametrize("face", FACES)
def test_streamed_partial_parsing_on_every_face(openai_emulator: Any, face: str) -> None:
    snapshots: List[Any] = []
    if face == "async":
        chunks, stream = on_face(
            face,
            openai_emulator,
            "chat_completion_parse",
            model=MODEL,
            messages=user("stream the weather"),
            response_format=Weather,
            stream=True,
        )
        final = asyncio.run(stream.aresult())
    else:
        if face == "module":
            openai_rest.configure(api_key="sk-emulator", api_url=openai_emulator.base_url)
            parse: Callable[..., Any] = openai_rest.chat_completion_parse
        else:
            parse = openai_rest.Client(openai_emulator.config()).chat_completion_parse
        with parse(
            model=MODEL,
            messages=user("stream the weather"),
            response_format=Weather,
            stream=True,
        ) as stream:
            chunks = []
            parsed_along = []
            for chunk in stream:
                chunks.append(chunk)
                snapshots.append(stream.partial)
                parsed_along.append(stream.parsed)
            final = stream.result()
        assert isinstance(parsed_along[-1], Weather)  # the last chunk ends it: the object
        assert all(isinstance(p, (dict, type(None))) for p in parsed_along[:-2])
    assert chunks and chunks[0]["object"] == "chat.completion.chunk"  # the usual chunks
    parsed = final["choices"][0]["message"]["parsed"]
    assert isinstance(parsed, Weather)
    content = final["choices"][0]["message"]["content"]
    assert stream.partial == json.loads(content)
    if snapshots:
        grown = [s for s in snapshots if s]
        assert len({json.dumps(s) for s in grown}) >= 3  # the snapshot grew several times
        assert grown[-1] == json.loads(content)
        for earlier in grown:
            for key, value in earlier.items():
                full = json.loads(content)[key]
                assert value == full or (isinstance(value, (str, list)) and len(value) <= len(full))


def test_streamed_responses_parse(openai_emulator: Any) -> None:
    client = openai_emulator.client
    with client.responses_parse(
        model=MODEL, input="stream a polygon", text_format=corpus.Polygon, stream=True
    ) as stream:
        events = []
        snapshots = []
        for event in stream:
            events.append(event["event"])
            snapshots.append(stream.partial)
        final = stream.result()
    assert events[0] == "response.created" and events[-1] == "response.completed"
    assert isinstance(final["output_parsed"], corpus.Polygon)
    assert stream.parsed == final["output_parsed"]
    assert snapshots[-1] == json.loads(openai_rest.output_text(final))
    assert sum(1 for s in snapshots if s) >= 3


@pytest.mark.parametrize("stream", [False, True])
def test_refusals_leave_parsed_none(openai_emulator: Any, stream: bool) -> None:
    client = openai_emulator.client
    chat = client.chat_completion_parse(
        model=MODEL,
        messages=user("refuse: I will not share that."),
        response_format=Weather,
        stream=stream,
    )
    chat = chat.result() if stream else chat
    message = chat["choices"][0]["message"]
    assert message["parsed"] is None and message["refusal"] == "I will not share that."
    response = client.responses_parse(
        model=MODEL, input="refuse: No.", text_format=Weather, stream=stream
    )
    response = response.result() if stream else response
    assert response["output_parsed"] is None
    assert response["output"][0]["content"][0] == {"type": "refusal", "refusal": "No."}


@pytest.mark.parametrize("stream", [False, True])
def test_cut_answers_raise_with_the_partial_result(openai_emulator: Any, stream: bool) -> None:
    client = openai_emulator.client

    def run(call: Callable[..., Any], **kwargs: Any) -> Any:
        result = call(model=MODEL, stream=stream, **kwargs)
        return result.result() if stream else result

    with pytest.raises(openai_rest.LengthFinishReasonError) as chat_cut:
        run(
            client.chat_completion_parse, messages=user("hi"), response_format=Weather, max_tokens=4
        )
    content = chat_cut.value.completion["choices"][0]["message"]["content"]
    assert content and not content.endswith("}")
    with pytest.raises(openai_rest.LengthFinishReasonError) as response_cut:
        run(client.responses_parse, input="hi", text_format=Weather, max_output_tokens=16)
    assert response_cut.value.completion["status"] == "incomplete"
    with pytest.raises(openai_rest.ContentFilterFinishReasonError) as filtered:
        run(
            client.chat_completion_parse,
            messages=user("filter: one two three four"),
            response_format=Weather,
        )
    assert filtered.value.completion["choices"][0]["finish_reason"] == "content_filter"
    with pytest.raises(openai_rest.ContentFilterFinishReasonError):
        run(client.responses_parse, input="filter: one two three four", text_format=Weather)


def test_a_validation_failure_keeps_the_raw_text(openai_emulator: Any) -> None:
    class Picky(pydantic.BaseModel):
        word: str

        @pydantic.field_validator("word")
        @classmethod
        def no_words(cls, value: str) -> str:
            raise ValueError("no word is good enough")

    with pytest.raises(openai_rest.OutputValidationError) as caught:
        openai_emulator.client.chat_completion_parse(
            model=MODEL, messages=user("hi"), response_format=Picky
        )
    error = caught.value
    assert json.loads(error.raw)["word"]  # the answer, kept as the model wrote it
    assert error.completion["choices"][0]["message"]["content"] == error.raw
    assert "no word is good enough" in str(error)
    assert isinstance(error.__cause__, pydantic.ValidationError)
    fmt = {"type": "json_schema", "json_schema": {"name": "s", "schema": {"type": "object"}}}
    loose = openai_emulator.client.chat_completion_parse(
        model=MODEL, messages=user("hi"), response_format=fmt
    )
    assert isinstance(loose["choices"][0]["message"]["parsed"], dict)


def get_weather(city: str, unit: Optional[str] = None) -> Dict[str, Any]:
    """The weather of a city.

    Args:
        city: The city's name.
        unit: celsius or fahrenheit.
    """
    return {"city": city, "degrees": 21, "unit": unit}


def get_time(zone: str) -> str:
    """The time in a time zone."""
    if zone.startswith("zone"):
        raise ValueError(f"unknown zone {zone}")
    return "12:00"


def test_strict_tools_come_back_with_parsed_arguments(openai_emulator: Any) -> None:
    client = openai_emulator.client
    model_tool = openai_rest.function_tool(corpus.Movie, name="save_movie")
    chat = client.chat_completion_parse(
        model=MODEL,
        messages=user("call get_weather and save_movie"),
        tools=[openai_rest.function_tool(get_weather), model_tool],
    )
    calls = chat["choices"][0]["message"]["tool_calls"]
    assert [c["function"]["name"] for c in calls] == ["get_weather", "save_movie"]
    weather_args = calls[0]["function"]["parsed_arguments"]
    assert weather_args == json.loads(calls[0]["function"]["arguments"])
    assert calls[1]["function"]["parsed_arguments"] == json.loads(calls[1]["function"]["arguments"])
    response = client.responses_parse(
        model=MODEL, input="call get_weather", tools=[openai_rest.function_tool(get_weather)]
    )
    call = next(item for item in response["output"] if item["type"] == "function_call")
    assert call["parsed_arguments"] == json.loads(call["arguments"])


@pytest.mark.parametrize("api", ["chat", "responses"])
@pytest.mark.parametrize("face", FACES)
def test_run_tools_two_tools_over_three_turns(openai_emulator: Any, face: str, api: str) -> None:
    prompt = "call get_weather and get_time"
    params: Dict[str, Any] = {"model": MODEL, "parallel_tool_calls": False}
    params.update({"messages": user(prompt)} if api == "chat" else {"input": prompt})
    result = on_face(
        face, openai_emulator, "run_tools", tools=[get_weather, get_time], api=api, **params
    )
    assert result["turns"] == 3 and result["stopped"] == "answered"
    assert [entry["name"] for entry in result["transcript"]] == ["get_weather", "get_time"]
    assert [entry["turn"] for entry in result["transcript"]] == [1, 2]
    weather = result["transcript"][0]
    assert json.loads(weather["output"])["degrees"] == 21
    time_entry = result["transcript"][1]  # the emulator's zone is made up: the function raises
    assert isinstance(time_entry["error"], ValueError)
    assert result["errors"] == [time_entry]
    assert time_entry["output"].startswith("Error: ValueError: unknown zone")
    text = (
        result["choices"][0]["message"]["content"]
        if api == "chat"
        else openai_rest.output_text(result)
    )
    assert "unknown zone" in text  # the model was told of the failure


def test_run_tools_in_parallel_with_async_functions(openai_emulator: Any) -> None:
    started: List[str] = []

    async def slow_weather(city: str) -> str:
        started.append(city)
        await asyncio.sleep(0.2)
        return "sunny"

    async def slow_time(zone: str) -> str:
        started.append(zone)
        await asyncio.sleep(0.2)
        return "noon"

    async def main() -> Any:
        async with openai_emulator.async_client.with_config() as client:
            return await client.run_tools(
                model=MODEL,
                messages=user("call slow_weather and slow_time"),
                tools=[slow_weather, slow_time],
            )

    result = asyncio.run(main())
    assert result["turns"] == 2 and len(started) == 2
    assert {e["output"] for e in result["transcript"]} == {"sunny", "noon"}
    assert {e["turn"] for e in result["transcript"]} == {1}  # both in one turn


def test_run_tools_stops_at_max_turns(openai_emulator: Any) -> None:
    result = openai_emulator.client.run_tools(
        model=MODEL,
        messages=user("what now"),
        tools=[get_weather],
        tool_choice="required",
        max_turns=2,
    )
    assert result["stopped"] == "max_turns" and result["turns"] == 2
    assert len(result["transcript"]) == 1


OBJECT_TYPES = [t for t in corpus.SAME if openai_rest.strict_schema(t).get("type") == "object"]


@pytest.mark.parametrize("t", OBJECT_TYPES, ids=lambda t: getattr(t, "__name__", repr(t)))
def test_every_emulator_answer_to_the_corpus_validates_and_parses(
    openai_emulator: Any, t: Any
) -> None:
    client = openai_emulator.client
    schema = openai_rest.strict_schema(t)
    for seed in ("first", "second"):
        chat = client.chat_completion_parse(
            model=MODEL, messages=user(f"{seed} answer"), response_format=t
        )
        message = chat["choices"][0]["message"]
        jsonschema.validate(json.loads(message["content"]), schema)
        assert message["parsed"] == pydantic.TypeAdapter(t).validate_json(message["content"])
    response = client.responses_parse(model=MODEL, input="answer", text_format=t)
    jsonschema.validate(json.loads(openai_rest.output_text(response)), schema)
    assert response["output_parsed"] is not None


@pytest.mark.parametrize("chaining", ["previous_response_id", "input list", "conversation"])
def test_run_tools_on_responses_chains_each_way(openai_emulator: Any, chaining: str) -> None:
    client = openai_emulator.client
    params: Dict[str, Any] = {"model": MODEL, "input": "call get_weather"}
    if chaining == "input list":
        params["store"] = False
    elif chaining == "conversation":
        params["conversation"] = client.conversations_create()["id"]
    result = client.run_tools(api="responses", tools=[get_weather], **params)
    assert result["turns"] == 2 and result["stopped"] == "answered"
    assert '"degrees": 21' in openai_rest.output_text(result)
    if chaining == "conversation":
        items = client.conversation_items(params["conversation"])["data"]
        assert {"function_call", "function_call_output"} <= {item["type"] for item in items}


def test_the_official_sdk_reads_the_emulator_triggers_as_the_api_s(openai_emulator: Any) -> None:
    """The refusal and content-filter answers have the API's shape: the SDK's parse agrees."""
    openai = pytest.importorskip("openai")
    sdk = openai.OpenAI(api_key="sk-test", base_url=openai_emulator.base_url, max_retries=0)

    class Answer(pydantic.BaseModel):
        text: str

    refused = sdk.chat.completions.parse(
        model=MODEL, messages=user("refuse: Not this."), response_format=Answer
    )
    assert refused.choices[0].message.refusal == "Not this."
    assert refused.choices[0].message.parsed is None
    with sdk.chat.completions.stream(
        model=MODEL, messages=user("refuse: Not now."), response_format=Answer
    ) as stream:
        kinds = {event.type for event in stream}
    assert "refusal.delta" in kinds and "refusal.done" in kinds
    with pytest.raises(openai.ContentFilterFinishReasonError):
        sdk.chat.completions.parse(
            model=MODEL, messages=user("filter: one two three four"), response_format=Answer
        )
    with sdk.responses.stream(model=MODEL, input="refuse: No.", text_format=Answer) as events:
        names = {event.type for event in events}
        final = events.get_final_response()
    assert "response.refusal.delta" in names
    assert final.output[0].content[0].type == "refusal"
    sdk.close()
