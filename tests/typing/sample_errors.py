"""User code with mistakes that ``mypy --strict`` must reject (checked by tests/test_typing.py).

Every line marked ``# error: <text>`` must get a mypy error containing ``<text>``; no other
line may get one. If the generated types or the endpoint annotations stopped reaching user
code, these errors would vanish and the test would fail.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import openai_rest

if TYPE_CHECKING:
    from openai_rest.types import ChatCompletion, ChatCompletionRequest, ResponseStreamItem


def typos(client: openai_rest.Client) -> None:
    reply: ChatCompletion = client.chat_completion(model="gpt-4o-mini", messages=[])
    print(reply["choices"][0]["mesage"])  # error: has no key "mesage"
    count: str = reply["usage"]["total_tokens"]  # error: Incompatible types in assignment
    print(count)


def bad_request() -> ChatCompletionRequest:
    return {"model": "gpt-4o-mini"}  # error: Missing key "messages"


def typed_returns(client: openai_rest.Client) -> None:
    batch = client.batches_cancel("batch_abc")
    print(batch["stauts"])  # error: "stauts"
    vectors = client.embeddings(model="text-embedding-3-small", input="hi")
    print(vectors["data"][0]["embeddings"])  # error: "embeddings"


async def async_face() -> None:
    client = openai_rest.AsyncClient()
    batch = client.batches_cancel("batch_abc")
    print(batch["status"])  # error: Value of type "Awaitable[
    job = await client.fine_tuning_jobs_cancel("ftjob_abc")
    print(job["statuss"])  # error: "statuss"


def stream_event(item: ResponseStreamItem) -> str:
    data = item["data"]
    if data["type"] == "response.output_text.delta":
        return data["text"]  # error: has no key "text"
    return ""
