"""The official SDK over areas the emulator serves as the API does: stored chat
completions, per-model defaults (gpt-image-1, streamed transcriptions, input token counts,
compaction) and JSON mode shaped by a schema in the prompt."""

from __future__ import annotations

import base64
import json
import uuid
from typing import Any, List

import openai
import pytest
from pydantic import BaseModel

from openai_rest.emulator._model import wav

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def sdk(openai_emulator: Any) -> Any:
    client = openai.OpenAI(api_key="sk-test", base_url=openai_emulator.base_url, max_retries=0)
    yield client
    client.close()


def test_stored_chat_completions_list_filter_page_update_delete(sdk: Any) -> None:
    tag = uuid.uuid4().hex
    made = []
    for index in range(3):
        made.append(
            sdk.chat.completions.create(
                model="gpt-4o-mini",
                messages=[
                    {"role": "system", "content": "Be brief."},
                    {"role": "user", "content": [{"type": "text", "text": f"Hi {index}"}]},
                ],
                store=True,
                metadata={"run": tag, "index": str(index)},
            )
        )
    sdk.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "x"}])
    listed = sdk.chat.completions.list(metadata={"run": tag}, limit=2)
    assert [c.id for c in listed.data] == [m.id for m in made[:2]] and listed.has_more
    assert [c.id for c in listed] == [m.id for m in made]  # the SDK pages on by itself
    newest = sdk.chat.completions.list(metadata={"run": tag}, order="desc", limit=1)
    assert newest.data[0].id == made[-1].id
    assert [c.id for c in sdk.chat.completions.list(metadata={"run": tag, "index": "1"})] == [
        made[1].id
    ]
    one = sdk.chat.completions.retrieve(made[0].id)
    assert one.choices[0].message.content == made[0].choices[0].message.content
    assert one.metadata == {"run": tag, "index": "0"}
    messages = sdk.chat.completions.messages.list(made[0].id)
    assert [m.role for m in messages] == ["system", "user"]
    assert messages.data[1].content == "Hi 0" and messages.data[0].id == f"{made[0].id}-0"
    updated = sdk.chat.completions.update(made[0].id, metadata={"run": tag, "kept": "yes"})
    assert updated.metadata == {"run": tag, "kept": "yes"}
    assert sdk.chat.completions.delete(made[0].id).deleted is True
    with pytest.raises(openai.NotFoundError):
        sdk.chat.completions.retrieve(made[0].id)
    assert [c.id for c in sdk.chat.completions.list(metadata={"run": tag})] == [
        m.id for m in made[1:]
    ]


def test_a_stored_stream_is_retrievable_whole(sdk: Any) -> None:
    with sdk.chat.completions.stream(
        model="gpt-4o", messages=[{"role": "user", "content": "stream me"}], store=True
    ) as stream:
        final = stream.get_final_completion()
    stored = sdk.chat.completions.retrieve(final.id)
    assert stored.choices[0].message.content == final.choices[0].message.content


def test_gpt_image_models_answer_b64_json(sdk: Any) -> None:
    image = sdk.images.generate(model="gpt-image-1", prompt="a cat")
    assert base64.b64decode(image.data[0].b64_json).startswith(b"\x89PNG")
    assert image.data[0].url is None and image.usage.total_tokens > 0
    assert sdk.images.generate(model="dall-e-3", prompt="a cat").data[0].url


def test_a_streamed_transcription_is_server_sent_events(sdk: Any) -> None:
    stream = sdk.audio.transcriptions.create(
        model="gpt-4o-transcribe", file=("a.wav", wav("hello")), stream=True
    )
    events = list(stream)
    assert {e.type for e in events[:-1]} == {"transcript.text.delta"}
    assert events[-1].type == "transcript.text.done"
    assert "".join(e.delta for e in events[:-1]) == events[-1].text
    whole = sdk.audio.transcriptions.create(model="gpt-4o-transcribe", file=("a.wav", wav("hello")))
    assert whole.text == events[-1].text


def test_input_token_counts_and_compaction(sdk: Any) -> None:
    short = sdk.responses.input_tokens.count(model="gpt-4o", input="Tell me a joke.")
    long = sdk.responses.input_tokens.count(model="gpt-4o", input="Tell me a long joke please.")
    assert short.object == "response.input_tokens" and 0 < short.input_tokens < long.input_tokens
    first = sdk.responses.create(model="gpt-4o", input="Plan a party")
    compacted = sdk.responses.compact(model="gpt-4o", previous_response_id=first.id)
    kinds = [item.type for item in compacted.output]
    assert kinds == ["message", "compaction"] and compacted.object == "response.compaction"
    follow = sdk.responses.create(
        model="gpt-4o",
        input=[
            *[i.model_dump(warnings=False) for i in compacted.output],
            {"role": "user", "content": "and?"},
        ],
    )
    assert follow.output_text


class Pet(BaseModel):
    name: str
    legs: int
    friends: List[str]


def test_json_mode_follows_a_schema_in_the_prompt(sdk: Any) -> None:
    schema = json.dumps(Pet.model_json_schema())
    example = '{"properties": {"foo": {"type": "array", "items": {"type": "string"}}}}'
    for messages in (
        [{"role": "system", "content": f"Answer in JSON matching this schema: {schema}"}],
        [
            {"role": "system", "content": f"For example, {example} is a schema."},
            {"role": "user", "content": f"Here is the output schema:\n```\n{schema}\n```\nA pet?"},
        ],
    ):
        answer = sdk.chat.completions.create(
            model="gpt-4o", messages=messages, response_format={"type": "json_object"}
        )
        Pet.model_validate_json(answer.choices[0].message.content)
    response = sdk.responses.create(
        model="gpt-4o",
        instructions=f"Reply with JSON for this schema: {schema}",
        input="A pet please",
        text={"format": {"type": "json_object"}},
    )
    Pet.model_validate_json(response.output_text)
    plain = sdk.chat.completions.create(
        model="gpt-4o",
        messages=[{"role": "user", "content": "JSON please"}],
        response_format={"type": "json_object"},
    )
    assert "answer" in json.loads(plain.choices[0].message.content)


def test_logprobs_when_asked(sdk: Any) -> None:
    messages = [{"role": "user", "content": "Tell me"}]
    whole = sdk.chat.completions.create(
        model="gpt-4o", messages=messages, logprobs=True, top_logprobs=3
    )
    choice = whole.choices[0]
    assert "".join(t.token for t in choice.logprobs.content) == choice.message.content
    assert all(len(t.top_logprobs) == 3 and t.logprob <= 0 for t in choice.logprobs.content)
    chunks = list(
        sdk.chat.completions.create(model="gpt-4o", messages=messages, logprobs=True, stream=True)
    )
    tokens = [
        t.token
        for c in chunks
        if c.choices and c.choices[0].logprobs
        for t in c.choices[0].logprobs.content
    ]
    assert "".join(tokens) == choice.message.content
    plain = sdk.chat.completions.create(model="gpt-4o", messages=messages)
    assert plain.choices[0].logprobs is None


def test_text_mode_answers_json_when_the_prompt_asks_with_a_schema(sdk: Any) -> None:
    schema = json.dumps(Pet.model_json_schema())
    asked = [
        {"role": "system", "content": f"Return JSON matching this schema:\n```json\n{schema}\n```"}
    ]
    answer = sdk.chat.completions.create(
        model="gpt-4o", messages=[*asked, {"role": "user", "content": "A pet"}]
    )
    Pet.model_validate_json(answer.choices[0].message.content)
    prose = [{"role": "system", "content": f"Here is a schema, {schema}, describe it in words."}]
    plain = sdk.chat.completions.create(model="gpt-4o", messages=prose)
    assert not plain.choices[0].message.content.startswith("{")
