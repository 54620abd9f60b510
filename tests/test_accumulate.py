"""Stream accumulation: real chunk sequences, a split/fold property, and the emulator's answers."""

from __future__ import annotations

import asyncio
import copy
import json
import warnings
from typing import Any, Dict, List

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openai_rest import AsyncClient, ChatAccumulator, accumulate

HEAD = {
    "id": "chatcmpl-123",
    "object": "chat.completion.chunk",
    "created": 1694268190,
    "model": "gpt-4o-mini",
    "system_fingerprint": "fp_44709d6fcb",
}


def chunk(*choices: Dict[str, Any], **extra: Any) -> Dict[str, Any]:
    return {**HEAD, "choices": list(choices), **extra}


def delta(index: int = 0, finish: Any = None, logprobs: Any = None, **fields: Any) -> Any:
    return {"index": index, "delta": fields, "logprobs": logprobs, "finish_reason": finish}


def call(index: int, **fields: Any) -> Dict[str, Any]:
    return {"index": index, **fields}


USAGE = {"prompt_tokens": 9, "completion_tokens": 3, "total_tokens": 12}

# As the API sends them (stream_options include_usage; tool calls in fragments).
TEXT = [
    chunk(delta(role="assistant", content="", refusal=None), usage=None),
    chunk(delta(content="Hello"), usage=None),
    chunk(delta(content=" there"), usage=None),
    chunk(delta(finish="stop"), usage=None),
    {**HEAD, "choices": [], "usage": USAGE},
]
TOOLS = [
    chunk(delta(role="assistant", content=None)),
    chunk(
        delta(
            tool_calls=[
                call(0, id="call_a", type="function", function={"name": "f", "arguments": ""}),
                call(0, function={"arguments": '{"x"'}),  # same index twice in one chunk
            ]
        )
    ),
    chunk(
        delta(
            tool_calls=[
                call(1, id="call_b", type="function", function={"name": "g", "arguments": '{"y'}),
                call(0, function={"arguments": ": 1}"}),
            ]
        )
    ),
    chunk(delta(tool_calls=[call(1, function={"arguments": '": 2}'})])),
    chunk(delta(finish="tool_calls")),
]
REFUSAL = [
    chunk(delta(role="assistant", content=None, refusal="")),
    chunk(delta(refusal="I can't ")),
    chunk(delta(refusal="help with that.")),
    chunk(delta(finish="stop")),
]
LOGPROBS = [
    chunk(delta(role="assistant", content="")),
    chunk(delta(content="Hi", logprobs={"content": [{"token": "Hi", "logprob": -0.1}]})),
    chunk(delta(content="!", logprobs={"content": [{"token": "!", "logprob": -0.2}]})),
    chunk(delta(finish="stop")),
]
TWO_CHOICES = [
    chunk(delta(0, role="assistant", content="A"), delta(1, role="assistant", content="B")),
    chunk(delta(1, content="b", finish="stop")),
    chunk(delta(0, content="a", finish="length")),
]
COMPLETION = [
    {"id": "cmpl-1", "object": "text_completion", "created": 1, "model": "gpt-3.5-turbo-instruct",
     "choices": [{"text": "Once", "index": 0, "logprobs": None, "finish_reason": None}]},
    {"id": "cmpl-1", "object": "text_completion", "created": 1, "model": "gpt-3.5-turbo-instruct",
     "choices": [{"text": " upon", "index": 0, "logprobs": None, "finish_reason": "length"}]},
]  # fmt: skip


def message(**fields: Any) -> Dict[str, Any]:
    return {"role": "assistant", "content": None, "refusal": None, **fields}


def expected(*choices: Dict[str, Any], **extra: Any) -> Dict[str, Any]:
    return {**HEAD, "object": "chat.completion", "choices": list(choices), **extra}


def final(index: int, msg: Dict[str, Any], finish: str, logprobs: Any = None) -> Any:
    return {"index": index, "message": msg, "logprobs": logprobs, "finish_reason": finish}


CASES = {
    "text+usage": (TEXT, expected(final(0, message(content="Hello there"), "stop"), usage=USAGE)),
    "tool calls": (
        TOOLS,
        expected(
            final(
                0,
                message(
                    tool_calls=[
                        {
                            "id": "call_a",
                            "type": "function",
                            "function": {"name": "f", "arguments": '{"x": 1}'},
                        },
                        {
                            "id": "call_b",
                            "type": "function",
                            "function": {"name": "g", "arguments": '{"y": 2}'},
                        },
                    ]
                ),
                "tool_calls",
            )
        ),
    ),
    "refusal": (REFUSAL, expected(final(0, message(refusal="I can't help with that."), "stop"))),
    "logprobs": (
        LOGPROBS,
        expected(
            final(
                0,
                message(content="Hi!"),
                "stop",
                {"content": [{"token": "Hi", "logprob": -0.1}, {"token": "!", "logprob": -0.2}]},
            )
        ),
    ),
    "two choices": (
        TWO_CHOICES,
        expected(
            final(0, message(content="Aa"), "length"), final(1, message(content="Bb"), "stop")
        ),
    ),
    "completions": (
        COMPLETION,
        {
            "id": "cmpl-1",
            "object": "text_completion",
            "created": 1,
            "model": "gpt-3.5-turbo-instruct",
            "choices": [
                {"text": "Once upon", "index": 0, "logprobs": None, "finish_reason": "length"}
            ],
        },
    ),
}


@pytest.mark.parametrize(("chunks", "want"), CASES.values(), ids=list(CASES))
def test_accumulate_real_sequences(chunks: List[Dict[str, Any]], want: Dict[str, Any]) -> None:
    before = copy.deepcopy(chunks)
    assert accumulate(iter(chunks)) == want
    assert chunks == before  # the chunks the caller got are not changed


def test_add_returns_the_text_delta_and_result_works_midway() -> None:
    acc = ChatAccumulator()
    printed = [acc.add(c) for c in TEXT[:3]]
    assert printed == ["", "Hello", " there"]
    midway = acc.result()
    assert midway["choices"][0]["message"]["content"] == "Hello there"
    assert midway["choices"][0]["finish_reason"] is None and "usage" in midway
    for c in TEXT[3:]:
        acc.add(c)
    assert acc.result() == CASES["text+usage"][1]
    assert midway["choices"][0]["finish_reason"] is None  # a snapshot, not a live view


def test_iterate_passes_chunks_on() -> None:
    acc = ChatAccumulator()
    assert list(acc.iterate(iter(TOOLS))) == TOOLS
    assert acc.result() == CASES["tool calls"][1]


def test_aiterate_passes_chunks_on() -> None:
    async def stream() -> Any:
        for c in TEXT:
            yield c

    async def run() -> List[Any]:
        acc = ChatAccumulator()
        seen = [c async for c in acc.aiterate(stream())]
        assert acc.result() == CASES["text+usage"][1]
        return seen

    assert asyncio.run(run()) == TEXT


def test_missing_usage_and_finish_chunks_are_tolerated() -> None:
    """Compatible servers may omit the finish_reason chunk and the usage chunk."""
    result = accumulate(TEXT[:3])
    assert result["choices"][0]["finish_reason"] is None
    assert result["usage"] is None  # the chunks had the key, with null


# Property: splitting a final completion into chunks at arbitrary points and folding them back
# gives the completion again.

pieces = st.text(alphabet='ab{}": é', max_size=12)


def split(text: str, cuts: List[int]) -> List[str]:
    points = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    return [text[a:b] for a, b in zip(points, points[1:])] or [""]


@settings(max_examples=200, deadline=None)
@given(
    content=st.one_of(st.none(), pieces),
    calls=st.lists(st.tuples(st.text("fgh", min_size=1, max_size=4), pieces), max_size=3),
    cuts=st.lists(st.integers(0, 12), max_size=4),
    usage=st.booleans(),
)
def test_split_then_accumulate_is_identity(
    content: Any, calls: List[Any], cuts: List[int], usage: bool
) -> None:
    tool_calls = [
        {"id": f"call_{i}", "type": "function", "function": {"name": name, "arguments": args}}
        for i, (name, args) in enumerate(calls)
    ]
    msg = message(content=content, **({"tool_calls": tool_calls} if tool_calls else {}))
    want = expected(final(0, msg, "tool_calls" if calls else "stop"))
    chunks = [chunk(delta(role="assistant", content=None if content is None else ""))]
    for piece in split(content, cuts) if content is not None else []:
        chunks.append(chunk(delta(content=piece)))
    for i, (name, args) in enumerate(calls):
        fragments = split(args, cuts)
        head = call(i, id=f"call_{i}", type="function", function={"name": name, "arguments": ""})
        # the first fragment rides in the same chunk as the call's head, with the same index
        chunks.append(
            chunk(delta(tool_calls=[head, call(i, function={"arguments": fragments[0]})]))
        )
        chunks += [
            chunk(delta(tool_calls=[call(i, function={"arguments": f})])) for f in fragments[1:]
        ]
    chunks.append(chunk(delta(finish=want["choices"][0]["finish_reason"])))
    if usage:
        chunks.append({**HEAD, "choices": [], "usage": USAGE})
        want["usage"] = USAGE
    assert accumulate(chunks) == want


# The emulator answers the same request the same way streamed or not (ids aside).

TOOL = {"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object"}}}
REQUESTS = {
    "chat": {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Tell me a story"}]},
    "chat n=2": {"model": "gpt-4o-mini", "n": 2, "messages": [{"role": "user", "content": "Hi"}]},
    "tools": {
        "model": "gpt-4o-mini",
        "messages": [{"role": "user", "content": "Weather in Paris?"}],
        "tools": [TOOL],
        "tool_choice": "required",
    },
    "completions": {"model": "gpt-3.5-turbo-instruct", "prompt": "Once upon a time"},
}


def comparable(value: Dict[str, Any]) -> str:
    return json.dumps(
        {k: v for k, v in value.items() if k not in ("id", "created")}, sort_keys=True
    )


@pytest.mark.parametrize("name", list(REQUESTS))
def test_emulator_stream_folds_into_its_plain_answer(name: str, openai_emulator: Any) -> None:
    client = openai_emulator.client
    params = REQUESTS[name]
    function = client.completions if name == "completions" else client.chat_completion
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        plain = function(**params)
        folded = accumulate(function(**params, stream=True, stream_options={"include_usage": True}))
    assert len(plain["choices"]) == len(folded["choices"]) >= 1
    assert comparable(folded) == comparable(plain)


def test_emulator_async_stream_folds(openai_emulator: Any) -> None:
    async def run() -> Any:
        async with AsyncClient(openai_emulator.config()) as client:
            plain = await client.chat_completion(**REQUESTS["tools"])
            acc = ChatAccumulator()
            stream = await client.chat_completion(**REQUESTS["tools"], stream=True)
            async for _ in acc.aiterate(stream):
                pass
            return plain, acc.result()

    plain, folded = asyncio.run(run())
    plain = dict(plain)
    plain.pop("usage")  # asked without include_usage: the stream has none
    assert comparable(folded) == comparable(plain)
