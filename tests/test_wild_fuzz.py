"""The class behind tests/test_wild.py: for any status, content type, coding and body bytes,
reading an answer gives a result or an ``OpenAIError``, never a foreign exception.

The readers are pure (bytes in, objects out), so hypothesis drives them directly: the
non-stream reader, the stream reader fed in any split, the error mapper, the content decoder.
"""

from __future__ import annotations

import gzip
import json
from importlib.util import find_spec
from typing import Any, Dict, List

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import openai_rest
from openai_rest import Config
from openai_rest._calls import prepare, read_result, stream_reader
from openai_rest._config import resolve
from openai_rest._endpoints import API
from openai_rest._errors import status_error
from openai_rest._results import ResponseInfo
from openai_rest._streams import EventReader
from openai_rest._transports.base import ContentDecoder, Response

SETTINGS = resolve(Config(api_key="sk-fuzz-secret", api_url="https://api.example.test/v1"))

CALLS: Dict[str, Dict[str, Any]] = {
    "models": {},
    "chat_completion": {"model": "m", "messages": []},
    "embeddings": {"model": "m", "input": "x", "numpy": find_spec("numpy") is not None},
    "audio_speech": {"model": "m", "input": "x", "voice": "v"},
    "audio_transcription": {"file": ("a.wav", b"x"), "model": "m", "response_format": "srt"},
}
STREAMS = {
    "chat_completion": {"model": "m", "messages": [], "stream": True},
    "responses_create": {"model": "m", "input": "x", "stream": True},
}
CONTENT_TYPES = st.sampled_from(
    [
        "application/json",
        "Application/JSON; charset=utf-8",
        "application/problem+json",
        "text/event-stream",
        "Text/Event-Stream; charset=utf-8",
        "text/html",
        "text/plain",
        "application/octet-stream",
        "",
    ]
) | st.text(max_size=20)
JSON_SHAPES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["error", "data", "embedding", "type", "detail", "message", "choices"])
            | st.text(max_size=5),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)
EVENT_LINES = st.lists(
    st.sampled_from(
        [
            b"data: [DONE]",
            b"data: [DONE] ",
            b'data: {"type": ["a"]}',
            b'data: {"error": null}',
            b'data: {"error": {"message": "boom"}}',
            b'data: {"error": "plain"}',
            b"data: caf\xc3",
            b"data: <html>",
            b"data:",
            b"event: error",
            b"event: response.failed",
            b"event: message",
            b'data: {"type": "response.completed", "response": 3}',
            b'data: {"type": "response.failed", "response": {"error": [1]}}',
            b": comment",
            b"",
            b"retry: x",
            b"id: \x00",
        ]
    )
    | st.binary(max_size=20)
    | JSON_SHAPES.map(lambda v: b"data: " + json.dumps(v).encode()),
    max_size=12,
).map(b"\n".join)
BODIES = st.binary(max_size=200) | EVENT_LINES | JSON_SHAPES.map(lambda v: json.dumps(v).encode())


def endpoint(name: str) -> Any:
    return next(vars(c)[name] for c in API.__mro__ if name in vars(c))


def build(name: str, kwargs: Dict[str, Any]) -> Any:
    kwargs = dict(kwargs)
    args = (kwargs.pop("file"),) if "file" in kwargs else ()
    return prepare(endpoint(name), args, kwargs, lambda override: SETTINGS)


def headers(content_type: str, extra: Dict[str, str]) -> Dict[str, str]:
    found = {"content-type": content_type} if content_type else {}
    return {**found, **extra}


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(sorted(CALLS)),
    status=st.sampled_from([200, 201, 204, 301, 302, 304, 400, 404, 422, 429, 500, 502])
    | st.integers(100, 599),
    content_type=CONTENT_TYPES,
    body=BODIES,
)
def test_a_whole_answer_reads_to_a_result_or_our_error(
    name: str, status: int, content_type: str, body: bytes
) -> None:
    route, request, params = build(name, CALLS[name])
    response = Response(status, headers(content_type, {"x-request-id": "req_f"}), body)
    try:
        read_result(route, request, response, params, 0.0)
    except openai_rest.OpenAIError as error:
        assert "sk-fuzz-secret" not in str(error)
        if isinstance(error, openai_rest.APIStatusError):
            assert error.status_code == status


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(sorted(STREAMS)),
    content_type=CONTENT_TYPES,
    body=BODIES,
    splits=st.lists(st.integers(0, 400), max_size=6),
)
def test_a_stream_of_any_bytes_in_any_split_gives_items_or_our_error(
    name: str, content_type: str, body: bytes, splits: List[int]
) -> None:
    route, request, _ = build(name, STREAMS[name])
    response = Response(200, headers(content_type, {}), None, iter(()))
    reader = stream_reader(route, request, response, 0.0)
    cuts = sorted({0, len(body), *(min(s, len(body)) for s in splits)})
    try:
        for start, end in zip(cuts, cuts[1:]):
            reader.feed(body[start:end])
            if reader.done:
                break
        else:
            reader.finish()
        if reader.failure is not None:
            raise reader.failure
    except openai_rest.OpenAIError as error:
        assert "sk-fuzz-secret" not in str(error)


@given(status=st.integers(300, 599), content_type=CONTENT_TYPES, body=BODIES)
@settings(max_examples=300, deadline=None)
def test_any_error_body_maps_to_an_error_with_its_status(
    status: int, content_type: str, body: bytes
) -> None:
    info = ResponseInfo(status, headers(content_type, {}), "GET", "https://x.test/v1/models")
    error = status_error(status, body, info)
    assert isinstance(error, openai_rest.APIStatusError) and error.status_code == status
    assert str(status) in str(error)


@given(
    coding=st.sampled_from(["gzip", "deflate", "x-gzip", "gzip, deflate", "identity", "br"]),
    body=st.binary(max_size=300),
    compress=st.booleans(),
    splits=st.lists(st.integers(0, 300), max_size=5),
)
@settings(max_examples=300, deadline=None)
def test_the_content_decoder_raises_only_value_error(
    coding: str, body: bytes, compress: bool, splits: List[int]
) -> None:
    decoder = ContentDecoder.for_headers({"content-encoding": coding})
    if decoder is None:
        assert coding in ("identity", "br")
        return
    data = gzip.compress(body) if compress and coding in ("gzip", "x-gzip") else body
    cuts = sorted({0, len(data), *(min(s, len(data)) for s in splits)})
    try:
        out = b"".join(decoder.feed(data[a:b]) for a, b in zip(cuts, cuts[1:]))
    except ValueError:
        return
    if compress and coding in ("gzip", "x-gzip"):
        assert out == body


@pytest.mark.parametrize("kind", ["chat", "events"])
def test_a_reader_given_nothing_at_all_says_so(kind: str) -> None:
    info = ResponseInfo(200, {"content-type": "text/plain"}, "POST", "https://x.test/v1/x")
    with pytest.raises(openai_rest.APIResponseValidationError, match="an empty body"):
        EventReader(kind, info).finish()
    info = ResponseInfo(200, {"content-type": "text/event-stream"}, "POST", "https://x.test/v1/x")
    with pytest.raises(openai_rest.APIConnectionError, match="ended early after 0 events"):
        EventReader(kind, info).finish()
