"""LangChain's ChatOpenAI and OpenAIEmbeddings against the emulator: invoke, stream, tool
loops, structured output in its three methods, the Responses API."""

from __future__ import annotations

import json
from typing import Any, List, Optional

import pytest
from pydantic import BaseModel, Field

from .conftest import client_module

langchain_openai = client_module("langchain-openai", "langchain_openai")
messages = client_module("langchain-openai", "langchain_core.messages")
tools = client_module("langchain-openai", "langchain_core.tools")


class Step(BaseModel):
    action: str
    minutes: int = Field(ge=1, le=60)


class Recipe(BaseModel):
    """A recipe with nested steps."""

    title: str
    steps: List[Step]
    serves: Optional[int]


@tools.tool
def get_weather(city: str) -> str:
    """The weather in a city."""
    return f"sunny in {city}"


@pytest.fixture
def chat(openai_emulator: Any) -> Any:
    return langchain_openai.ChatOpenAI(
        model="gpt-4o-mini", base_url=openai_emulator.base_url, api_key="sk-test", max_retries=0
    )


def test_invoke_and_stream(chat: Any) -> None:
    answer = chat.invoke("Tell me something")
    assert isinstance(answer.content, str) and answer.content
    assert answer.usage_metadata["total_tokens"] > 0
    streamed = "".join(chunk.content for chunk in chat.stream("Tell me something"))
    assert streamed == answer.content


def test_a_tool_loop_ends(chat: Any) -> None:
    bound = chat.bind_tools([get_weather])
    history: List[Any] = [messages.HumanMessage("What is the weather in Oslo? Use get_weather.")]
    for _ in range(4):
        reply = bound.invoke(history)
        history.append(reply)
        if not reply.tool_calls:
            break
        for call in reply.tool_calls:
            output = get_weather.invoke(call["args"])
            history.append(messages.ToolMessage(output, tool_call_id=call["id"]))
    assert len(history) == 4 and "sunny in" in history[-1].content


@pytest.mark.parametrize("method", ["json_schema", "function_calling", "json_mode"])
def test_structured_output_in_every_method(chat: Any, method: str) -> None:
    structured = chat.with_structured_output(Recipe, method=method)
    prompt = "A recipe, please."
    if method == "json_mode":  # JSON mode: the schema travels in the prompt
        prompt += " Answer in JSON for this schema: " + json.dumps(Recipe.model_json_schema())
    recipe = structured.invoke(prompt)
    assert isinstance(recipe, Recipe)


def test_the_responses_api(openai_emulator: Any) -> None:
    chat = langchain_openai.ChatOpenAI(
        model="gpt-4o-mini",
        base_url=openai_emulator.base_url,
        api_key="sk-test",
        use_responses_api=True,
    )
    assert chat.invoke("Hello").text
    recipe = chat.with_structured_output(Recipe).invoke("A recipe, please.")
    assert isinstance(recipe, Recipe)


def test_embeddings(openai_emulator: Any) -> None:
    embedder = langchain_openai.OpenAIEmbeddings(
        model="text-embedding-3-small",
        base_url=openai_emulator.base_url,
        api_key="sk-test",
        check_embedding_ctx_length=False,  # no tokenizer download
    )
    vectors = embedder.embed_documents(["one", "two"])
    assert len(vectors) == 2 and len(vectors[0]) == 1536 and vectors[0] != vectors[1]


def test_an_output_parser_chain_gets_json_for_its_schema(chat: Any) -> None:
    parsers = client_module("langchain-openai", "langchain_core.output_parsers")
    prompts = client_module("langchain-openai", "langchain_core.prompts")
    parser = parsers.PydanticOutputParser(pydantic_object=Recipe)
    prompt = prompts.PromptTemplate.from_template(
        "Answer the question.\n{format}\n{question}"
    ).partial(format=parser.get_format_instructions())
    recipe = (prompt | chat | parser).invoke({"question": "A recipe?"})
    assert isinstance(recipe, Recipe)
