"""User code that ``mypy --strict`` must accept (checked by tests/test_typing.py, never run).

It uses the client and the generated TypedDicts the way docs/types.md shows: the types are
imported under ``TYPE_CHECKING``; results are annotated where a function can return either a
result or a stream (``chat_completion``, ``responses_create``) or either a list or one item
(``files()``/``files(file_id)``); functions with one result shape are typed by themselves.
"""

from __future__ import annotations

import asyncio
import dataclasses
from typing import TYPE_CHECKING, Any, Dict, List, Optional

import openai_rest

if TYPE_CHECKING:
    from openai_rest.types import (
        Batch,
        ChatCompletion,
        ChatCompletionChunk,
        ChatCompletionRequest,
        ChatCompletionRequestMessage,
        EmbeddingRequest,
        FileList,
        FileObject,
        FineTuningJob,
        Response,
        ResponseCreateRequest,
        ResponseStreamItem,
        VectorStoreSearchResultsPage,
    )


def ask(client: openai_rest.Client, question: str) -> Optional[str]:
    messages: List[ChatCompletionRequestMessage] = [
        {"role": "system", "content": "Answer in one word."},
        {"role": "user", "content": question},
    ]
    request: ChatCompletionRequest = {"model": "gpt-4o-mini", "messages": messages}
    reply: ChatCompletion = client.chat_completion(request, temperature=0)
    choice = reply["choices"][0]
    if choice["finish_reason"] == "tool_calls":
        for call in choice["message"].get("tool_calls", []):
            if call["type"] == "function":
                print(call["function"]["name"], call["function"]["arguments"])
    usage = reply.get("usage")
    if usage is not None:
        total: int = usage["total_tokens"]
        print(total)
    return reply["choices"][0]["message"]["content"]


def stream_chat(client: openai_rest.Client) -> str:
    parts: List[str] = []
    for chunk in client.chat_completion(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}], stream=True
    ):
        event: ChatCompletionChunk = chunk
        for choice in event["choices"]:
            text = choice["delta"].get("content")
            if text:
                parts.append(text)
    return "".join(parts)


def respond(client: openai_rest.Client) -> str:
    request: ResponseCreateRequest = {"model": "gpt-4.1-mini", "input": "Say hi"}
    response: Response = client.responses_create(request)
    texts: List[str] = []
    for item in response["output"]:
        if item["type"] == "message":
            for part in item["content"]:
                if part["type"] == "output_text":
                    texts.append(part["text"])
    return "".join(texts) or (response.get("output_text") or "")


def stream_response(client: openai_rest.Client) -> str:
    deltas: List[str] = []
    for raw in client.responses_create(model="gpt-4.1-mini", input="Say hi", stream=True):
        item: ResponseStreamItem = raw
        data = item["data"]
        if data["type"] == "response.output_text.delta":
            deltas.append(data["delta"])
        elif data["type"] == "response.completed":
            print(data["response"]["id"], data["response"]["status"])
    return "".join(deltas)


def embed(client: openai_rest.Client, texts: List[str]) -> List[List[float]]:
    request: EmbeddingRequest = {"model": "text-embedding-3-small", "input": texts}
    result = client.embeddings(request)  # EmbeddingResponse, no annotation needed
    print(result["usage"]["total_tokens"])
    return [item["embedding"] for item in result["data"]]


def files_and_batches(client: openai_rest.Client) -> str:
    uploaded = client.files_upload("requests.jsonl", purpose="batch")  # FileObject
    page: FileList = client.files(purpose="batch")
    first: FileObject = client.files(page["data"][0]["id"])
    print(first["filename"], first["bytes"])
    batch: Batch = client.batches_create(
        input_file_id=uploaded["id"], endpoint="/v1/chat/completions", completion_window="24h"
    )
    counts = batch.get("request_counts")
    if counts:
        print(counts["completed"], "/", counts["total"])
    cancelled = client.batches_cancel(batch["id"])
    return cancelled["status"]


def fine_tune(client: openai_rest.Client, file_id: str) -> Optional[str]:
    job: FineTuningJob = client.fine_tuning_jobs_create(model="gpt-4o-mini", training_file=file_id)
    job = client.fine_tuning_jobs_cancel(job["id"])
    return job["fine_tuned_model"]


def search(client: openai_rest.Client) -> List[str]:
    store = client.vector_stores_create(name="docs")  # VectorStore
    page: VectorStoreSearchResultsPage = client.vector_stores_search(store["id"], query="refunds")
    found = [hit["filename"] for hit in page["data"]]
    client.vector_stores_delete(store["id"])["deleted"]
    return found


def module_face() -> int:
    result = openai_rest.embeddings(model="text-embedding-3-small", input="hello")
    return len(result["data"][0]["embedding"])


@dataclasses.dataclass
class Weather:
    city: str
    degrees: int


def get_time(zone: str) -> str:
    """The time in a zone."""
    return "12:00"


def structured(client: openai_rest.Client) -> Optional[Weather]:
    schema: Dict[str, Any] = openai_rest.strict_schema(Weather)
    tool: Dict[str, Any] = openai_rest.function_tool(get_time)
    print(schema["required"], tool["function"]["name"])
    reply = client.chat_completion_parse(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "Oslo?"}],
        response_format=Weather,
    )
    parsed: Optional[Weather] = reply["choices"][0]["message"]["parsed"]
    done = client.run_tools(model="gpt-4o-mini", input="Time?", tools=[get_time], api="responses")
    print(len(done["transcript"]))
    return parsed


async def async_structured(client: openai_rest.AsyncClient) -> Optional[Weather]:
    response = await client.responses_parse(model="gpt-4o-mini", input="Oslo?", text_format=Weather)
    parsed: Optional[Weather] = response["output_parsed"]
    return parsed


async def async_usage() -> None:
    async with openai_rest.AsyncClient() as client:
        reply: ChatCompletion = await client.chat_completion(
            model="gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}]
        )
        print(reply["choices"][0]["message"]["content"])
        result = await client.embeddings(model="text-embedding-3-small", input="hello")
        print(result["data"][0]["index"])
        batch = await client.batches_cancel("batch_abc")
        print(batch["status"])
        stream = await client.chat_completion(
            model="gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}], stream=True
        )
        async for chunk in stream:
            event: ChatCompletionChunk = chunk
            print(event["choices"][0]["delta"].get("content") or "", end="")


if __name__ == "__main__":  # pragma: no cover - type-checked, not run
    asyncio.run(async_usage())
