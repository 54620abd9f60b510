"""The pure core, with no network: arguments in, requests out; responses in, results out."""

from __future__ import annotations

import asyncio
import itertools
import json
from typing import Any, Dict, List

import pytest

import openai_rest
from openai_rest import Config
from openai_rest._calls import prepare, read_result
from openai_rest._config import resolve
from openai_rest._endpoints import API
from openai_rest._transports.base import Response

SETTINGS = resolve(Config(api_key="sk-pure", api_url="https://api.example.test/v1", beta=None))


def build(function: str, *args: Any, **kwargs: Any) -> Any:
    endpoint = vars(API.__mro__[0]).get(function) or next(
        vars(c)[function] for c in API.__mro__ if function in vars(c)
    )
    return prepare(endpoint, args, kwargs, lambda override: SETTINGS)


def test_json_request() -> None:
    _, request, _ = build("chat_completion", {"model": "m"}, messages=[{"role": "user"}])
    assert (request.method, request.url) == ("POST", "https://api.example.test/v1/chat/completions")
    assert request.body == b'{"model":"m","messages":[{"role":"user"}]}'
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["Authorization"] == "Bearer sk-pure"
    assert request.stream is False
    assert build("chat_completion", model="m", stream=True)[1].stream is True


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_query_and_path_quoting() -> None:
    _, request, _ = build("thread_messages", "thread/1", limit=2, order="asc", after=None)
    assert request.url.endswith("/threads/thread%2F1/messages?limit=2&order=asc")
    assert request.headers["OpenAI-Beta"] == "assistants=v2"
    _, cancel, _ = build("thread_run_cancel", "t", "r")
    assert cancel.body == b"" and cancel.method == "POST"


def test_multipart_request_plan() -> None:
    _, request, _ = build("images_edits", ("in.png", b"\x89PNG"), prompt="x", n=2)
    body = request.body.read_all()
    assert request.body.length == len(body)
    assert request.headers["Content-Type"] == request.body.content_type
    assert b'name="image"; filename="in.png"' in body and b"Content-Type: image/png" in body
    assert b'name="n"\r\n\r\n2' in body


def test_extra_options() -> None:
    _, request, _ = build(
        "models", extra_headers={"X-A": "1", "Accept": None}, extra_query={"q": "v"}
    )
    assert request.headers["X-A"] == "1" and "Accept" not in request.headers
    assert request.url.endswith("/models?q=v")


def answer(status: int, body: bytes, content_type: str = "application/json") -> Response:
    return Response(status, {"content-type": content_type, "x-request-id": "req_pure"}, body)


def test_results_and_errors_from_bytes() -> None:
    route, request, params = build("models")
    result = read_result(route, request, answer(200, b'{"data": []}'), params, 0.01)
    assert result == {"data": []}
    assert openai_rest.response_of(result).request_id == "req_pure"
    with pytest.raises(openai_rest.RateLimitError, match="slow down"):
        read_result(route, request, answer(429, b'{"error": {"message": "slow down"}}'), params, 0)
    with pytest.raises(openai_rest.APIResponseValidationError):
        read_result(route, request, answer(200, b"<html>", "text/html"), params, 0)
    route, request, params = build("audio_transcription", ("a.mp3", b"ID3"), model="w")
    text = read_result(
        route, request, answer(200, b"1\n00:00 --> 00:01\nhi", "text/plain"), params, 0
    )
    assert isinstance(text, str) and text.startswith("1\n")


def pages(cursors: List[str], repeat: bool = False) -> Any:
    """A list function answering canned pages, recording the ``after`` it was given."""
    calls: List[Dict[str, Any]] = []

    def files(**params: Any) -> Dict[str, Any]:
        calls.append(params)
        index = len(calls) - 1
        last = cursors[min(index, len(cursors) - 1)] if repeat else cursors[index]
        more = repeat or index < len(cursors) - 1
        return {"object": "list", "data": [{"id": last}], "has_more": more, "last_id": last}

    files.calls = calls  # type: ignore[attr-defined]
    return files


def test_paginate_follows_cursors_lazily() -> None:
    files = pages(["a", "b", "c"])
    iterator = iter(openai_rest.paginate(files, limit=1))
    assert next(iterator)["id"] == "a" and len(files.calls) == 1  # lazy
    assert [f["id"] for f in iterator] == ["b", "c"]
    assert [c.get("after") for c in files.calls] == [None, "a", "b"]


def test_paginate_refuses_to_loop() -> None:
    with pytest.raises(openai_rest.APIError, match="repeated the cursor 'b'"):
        # bounded: a paginate that loops would otherwise run (and allocate) forever
        list(itertools.islice(openai_rest.paginate(pages(["a", "b"], repeat=True)), 100))


def test_paginate_async() -> None:
    files = pages(["a", "b"])

    async def afiles(**params: Any) -> Any:
        return files(**params)

    async def main() -> List[str]:
        return [f["id"] async for f in openai_rest.paginate(afiles)]

    assert asyncio.run(main()) == ["a", "b"]
    with pytest.raises(TypeError, match="async for"):
        list(openai_rest.paginate(afiles))


def test_json_stays_json() -> None:
    route, request, params = build("models")
    result = read_result(route, request, answer(200, b'{"a": [1, {"b": null}]}'), params, 0)
    assert json.loads(json.dumps(result)) == {"a": [1, {"b": None}]}


def test_a_json_answer_with_a_byte_order_mark_or_bad_utf8_still_decodes() -> None:
    """The fast C decoder keeps utf-8-sig's promise: one leading BOM dropped, bad bytes
    replaced rather than fatal."""
    from openai_rest._results import decode_json

    assert decode_json(b'\xef\xbb\xbf{"a": 1}', None) == {"a": 1}  # type: ignore[arg-type]
    assert decode_json(b'{"a": "\xff"}', None) == {"a": "\ufffd"}  # type: ignore[arg-type]
    assert decode_json('{"é": "ü"}'.encode(), None) == {"é": "ü"}  # type: ignore[arg-type]
